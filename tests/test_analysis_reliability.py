"""Reliability: Cronbach's alpha against published values, n and warnings, response rate."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import DIMIOS_2025

import mognad_core as mognad

# LSAT, section 6 (Bock & Lieberman 1970, Psychometrika 35:179-197; the textbook data set of
# Bartholomew, Knott & Moustaki, "Latent Variable Models and Factor Analysis"): 1000 examinees,
# five right/wrong items, given as the frequency of each response pattern (items 1-5).
# Its Cronbach's alpha is 0.295 (R package ltm, cronbach.alpha(LSAT), Rizopoulos 2006).
LSAT_FREQUENCIES = [
    3, 6, 2, 11, 1, 1, 3, 4, 1, 8, 0, 16, 0, 3, 2, 15,
    10, 29, 14, 81, 3, 28, 15, 80, 16, 56, 21, 173, 11, 61, 28, 298,
]  # fmt: skip


def lsat() -> np.ndarray:
    rows = []
    for pattern, freq in enumerate(LSAT_FREQUENCIES):
        rows += [[int(c) for c in format(pattern, "05b")]] * freq
    return np.array(rows, dtype=float)


def test_alpha_on_the_lsat_textbook_data():
    x = lsat()
    assert x.shape == (1000, 5)
    # the published item difficulties identify the data set
    assert x.mean(axis=0).tolist() == [0.924, 0.709, 0.553, 0.763, 0.870]
    assert mognad.cronbach_alpha(x) == pytest.approx(0.295, abs=5e-4)


def test_alpha_by_hand():
    # items (1,2,3) and (2,3,3): variances 1 and 1/3; totals 3,5,6 have variance 7/3
    # alpha = 2/1 * (1 - (4/3)/(7/3)) = 6/7
    assert mognad.cronbach_alpha([[1, 2], [2, 3], [3, 3]]) == pytest.approx(6 / 7)


def test_alpha_from_a_published_covariance_matrix():
    """StatsBase.jl's documented example: this covariance matrix has alpha 0.8136."""
    cov = np.array([[10, 6, 6, 6], [6, 11, 6, 6], [6, 6, 12, 6], [6, 6, 6, 13]], dtype=float)
    z = np.random.default_rng(0).normal(size=(50, 4))
    z -= z.mean(axis=0)
    z = z @ np.linalg.inv(np.linalg.cholesky(np.cov(z, rowvar=False)).T)  # sample cov = I
    x = z @ np.linalg.cholesky(cov).T + 3
    assert np.cov(x, rowvar=False) == pytest.approx(cov)
    assert mognad.cronbach_alpha(x) == pytest.approx(0.8136, abs=5e-5)


def test_alpha_edge_cases():
    assert mognad.cronbach_alpha([[1, 2], [np.nan, 3], [2, 3], [3, 3]]) == pytest.approx(
        6 / 7
    )  # NaN row dropped
    assert np.isnan(mognad.cronbach_alpha([[1], [2], [3]]))  # one item
    assert np.isnan(mognad.cronbach_alpha([[1, 2]]))  # one respondent
    assert np.isnan(mognad.cronbach_alpha([[3, 3], [3, 3], [3, 3]]))  # no variance
    with pytest.raises(mognad.MognadError, match="2-D array"):
        mognad.cronbach_alpha([1, 2, 3])


def test_counts_and_warnings_on_the_tiny_model(tiny_model, tiny_frame):
    r = mognad.reliability(tiny_frame, model=tiny_model, min_size=1, lang="en")
    got = {s.id: (s.n, s.dont_know, s.missing) for s in r.statements}
    assert got == {"a1": (2, 1, 1), "a2": (3, 1, 0), "b3": (0, 1, 3), "b1": (3, 1, 0),
                   "b2": (2, 2, 0)}  # fmt: skip
    a1 = next(s for s in r.statements if s.id == "a1")
    # 4, 5: sd sqrt(1/2), t(0.975, 1) = 12.706 -> +- 12.706 * 0.7071 / sqrt(2) / 4
    assert a1.ci_half_width == pytest.approx(12.7062047 * 0.5 / 4)
    assert a1.warning == "only 2 valid answer(s) (fewer than 10): the score says little"
    dims = {d.id: d for d in r.dimensions}
    assert (dims["A"].items, dims["A"].n, dims["A"].n_complete) == (2, 3, 2)
    assert dims["A"].alpha is None
    assert dims["A"].warning == (
        "alpha not computed: 2 respondent(s) answered every statement (at least 10 needed)"
    )
    assert dims["B1"].kind == "category" and dims["B"].items == 3
    assert r.response_rate is None
    assert "Every statement has fewer than 10 valid answers." in r.notes
    assert "Only 4 respondent(s): treat every figure as indicative." in r.notes
    assert list(r.frame().index) == ["A", "B", "B1"]
    assert list(r.frame("statement").index) == ["a1", "a2", "b3", "b1", "b2"]


def test_reversed_statements_are_turned_before_alpha(tiny_model):
    rng = np.random.default_rng(5)
    trait = rng.integers(1, 6, 60)
    a1 = np.clip(trait + rng.integers(-1, 2, 60), 1, 5)
    a2 = 6 - np.clip(trait + rng.integers(-1, 2, 60), 1, 5)  # reversed wording
    b3 = np.where(np.arange(60) < 2, a1, np.nan)  # only two answers
    frame = pd.DataFrame({"a1": a1, "a2": a2, "b1": a1, "b2": a1, "b3": b3})
    r = mognad.reliability(frame, model=tiny_model, min_size=1, lang="en")
    assert [n for n in r.notes if not n.startswith("Anonymity")] == [
        "Fewer than 10 valid answers: b3."
    ]
    alpha = {d.id: d.alpha for d in r.dimensions}["A"]
    assert alpha == pytest.approx(mognad.cronbach_alpha(np.c_[a1, 6 - a2]))
    assert alpha > 0.7 and mognad.cronbach_alpha(np.c_[a1, a2]) < 0  # unturned it is negative


def test_response_rate(tiny_model, tiny_frame):
    r = mognad.reliability(tiny_frame, model=tiny_model, invited=10, min_size=1, lang="en")
    assert r.response_rate == pytest.approx(0.4) and r.invited == 10
    assert any("Response rate 40.0 %" in w for w in r.notes)
    assert (
        mognad.reliability(tiny_frame, model=tiny_model, invited=5, min_size=1).response_rate == 0.8
    )
    with pytest.raises(mognad.MognadError, match="4 respondents but only 3 invited"):
        mognad.reliability(tiny_frame, model=tiny_model, invited=3, min_size=1)
    with pytest.raises(mognad.MognadError, match="whole number"):
        mognad.reliability(tiny_frame, model=tiny_model, invited=0, min_size=1)


def test_bundled_sample_alpha_recomputed_independently():
    path = DIMIOS_2025
    r = mognad.reliability(mognad.read_responses(path, "dimios"), invited=300, min_size=1)
    raw = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    assert r.n_respondents == 240 and r.response_rate == pytest.approx(0.8)
    dims = {d.id: d for d in r.dimensions}
    for cat, items in (
        ("formaga_effektivitet", ["f11", "f12", "f13", "f14", "f15"]),
        ("arv", [f"a{i}{j}" for i in (1, 2, 3) for j in (1, 2, 3, 4, 5)]),
    ):
        block = raw[items].apply(pd.to_numeric, errors="coerce").dropna()
        cov = np.cov(block.to_numpy(), rowvar=False)
        k = len(items)
        expect = k / (k - 1) * (1 - np.trace(cov) / cov.sum())  # the covariance form
        assert dims[cat].alpha == pytest.approx(expect)
        assert dims[cat].n_complete == len(block)
    for s in r.statements:
        col = raw[s.id]
        assert s.n == pd.to_numeric(col, errors="coerce").notna().sum()
        assert s.dont_know == (col.astype(str).str.casefold() == "vet ej").sum()


def test_notes_are_in_the_analysis_language(tiny_model, tiny_frame):
    sv = mognad.reliability(tiny_frame, model=tiny_model, min_size=1, invited=10)
    assert "Bara 4 svarande: se alla siffror som vägledande." in sv.notes
    assert any(n.startswith("Svarsfrekvens 40,0 %") for n in sv.notes)
    dims = {d.id: d for d in sv.dimensions}
    assert dims["A"].warning.startswith("alfa beräknas inte: 2 svarande")
    assert not any("respondent" in n for n in sv.notes)


# ---- what mutation testing found (docs/quality.md, analysis/reliability.py) ------------------
def test_the_language_is_read_in_any_case_for_the_models_labels_too(tiny_model, tiny_frame):
    def dump(lang):
        return mognad.reliability(tiny_frame, model=tiny_model, min_size=1, lang=lang).model_dump()

    english = dump(" EN")
    assert english == dump("en") and dump("SV") == dump("sv")
    assert [d["label"] for d in english["dimensions"]] == ["Alpha", "Beta", "Beta ett"]
    assert english["statements"][0]["text"] == "We have a plan."


# 30 respondents of the tiny model (b3: the first 10 only, all "3"); a2 is reversed
REL_A1 = [5, 5, 1, 5, 3, 3, 4, 3, 5, 1, 3, 2, 4, 2, 1, 2, 1, 1, 1, 5, 1, 5, 4, 1, 2, 4, 3, 5, 1, 4]
REL_A2 = [1, 1, 4, 2, 4, 3, 2, 4, 1, 5, 4, 5, 4, 2, 5, 5, 5, 5, 5, 1, 5, 2, 3, 3, 3, 4, 5, 2, 5, 1]
REL_B1 = [3, 3, 2, 3, 5, 2, 4, 1, 2, 5, 5, 1, 5, 5, 3, 2, 5, 5, 4, 2, 2, 5, 2, 3, 4, 2, 2, 4, 1, 4]
REL_B2 = [5, 4, 4, 3, 5, 2, 2, 4, 4, 1, 1, 4, 5, 4, 5, 2, 2, 4, 1, 1, 1, 2, 1, 4, 5, 2, 1, 4, 1, 4]


def thirty() -> pd.DataFrame:
    b3 = [3] * 10 + [None] * 20
    return pd.DataFrame({"a1": REL_A1, "a2": REL_A2, "b1": REL_B1, "b2": REL_B2, "b3": b3})


def test_every_warning_exactly_at_its_threshold_in_either_language(tiny_model):
    """b3 has exactly 10 answers (no warning), B exactly 10 complete respondents (alpha computed,
    unstable), A and B1 exactly 30 (stable); 30 of 60 invited is exactly half (no note)."""
    frame = thirty()
    r = mognad.reliability(frame, model=tiny_model, min_size=5, invited=60, lang="en")
    assert r.response_rate == 0.5 and r.notes == []
    got = {s.id: (s.n, s.dont_know, s.missing, s.ci_half_width, s.warning) for s in r.statements}
    assert got == {
        "a1": (30, 0, 0, 0.148, "the score is uncertain: ±15 pp (95 % interval)"),
        "a2": (30, 0, 0, 0.142, "the score is uncertain: ±14 pp (95 % interval)"),
        "b3": (10, 0, 20, 0.0, None),
        "b1": (30, 0, 0, 0.131, "the score is uncertain: ±13 pp (95 % interval)"),
        "b2": (30, 0, 0, 0.143, "the score is uncertain: ±14 pp (95 % interval)"),
    }
    dims = {d.id: (d.kind, d.items, d.n, d.n_complete, d.alpha, d.warning) for d in r.dimensions}
    assert dims == {
        "A": ("dimension", 2, 30, 30, 0.88, None),
        "B": (
            "dimension",
            3,
            30,
            10,
            -0.49,
            "alpha from only 10 complete respondents (fewer than 30): unstable",
        ),
        "B1": (
            "category",
            2,
            30,
            30,
            0.29,
            "alpha 0.29 is below 0.70: the statements do not hang together well",
        ),
    }
    # the alphas by the covariance form, on the statements turned the right way
    for key, block in (("A", np.c_[REL_A1, 6 - np.array(REL_A2)]), ("B1", np.c_[REL_B1, REL_B2])):
        cov = np.cov(block, rowvar=False)
        expect = 2 * (1 - np.trace(cov) / cov.sum())
        assert {d.id: d.alpha for d in r.dimensions}[key] == round(expect, 2)
    assert r.thresholds == {"min_n": 10, "min_alpha_n": 30, "alpha_ok": 0.7, "max_half_width": 0.1}
    sv = mognad.reliability(frame, model=tiny_model, min_size=5, invited=61)
    assert sv.notes == [
        "Svarsfrekvens 49,2 %: när färre än hälften svarar kan resultatet skilja sig från hur de "
        "som inte svarade ser det."
    ]
    assert [s.warning for s in sv.statements][:2] == [
        "värdet är osäkert: ±15 p.e. (95 % intervall)",
        "värdet är osäkert: ±14 p.e. (95 % intervall)",
    ]
    assert [d.warning for d in sv.dimensions] == [
        None,
        "alfa från bara 10 svarande som besvarat alla påståenden (färre än 30): osäkert",
        "alfa 0,29 är under 0,70: påståendena hänger inte ihop väl",
    ]


def test_one_answer_fewer_than_the_thresholds(tiny_model):
    """b3 with 9 answers: a warning, and B has 9 complete respondents (no alpha); under
    min_size 5 an interval needs 10 answers."""
    frame = thirty()
    frame.loc[9, "b3"] = None
    r = mognad.reliability(frame, model=tiny_model, min_size=5, lang="en")
    b3 = r.statements[2]
    assert (b3.n, b3.missing, b3.ci_half_width) == (9, 21, None)
    assert b3.warning == "only 9 valid answer(s) (fewer than 10): the score says little"
    b = r.dimensions[1]
    assert (b.n_complete, b.alpha) == (9, None)
    assert b.warning == (
        "alpha not computed: 9 respondent(s) answered every statement (at least 10 needed)"
    )
    assert r.notes == ["Fewer than 10 valid answers: b3."]
    nine = mognad.reliability(frame.iloc[:9], model=tiny_model, min_size=3, lang="en")
    assert [s.n for s in nine.statements] == [9, 9, 9, 9, 9]
    assert [s.ci_half_width for s in nine.statements] == [0.268, 0.256, 0.0, 0.231, 0.215]
    assert nine.notes == [
        "Every statement has fewer than 10 valid answers.",
        "Only 9 respondent(s): treat every figure as indicative.",
    ]


# ---- what mutation testing found (docs/quality.md, analysis/reliability.py) -----------------
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_hidden_statement_has_a_row_without_figures(tiny_model, lang):
    """Five respondents; a1 has four answers (one 'vet ej'): under the default protection its
    row has no counts and the one reason for every hidden figure, its text and dimension; the
    statements after it still have their rows (kills reliability 103-126, 200, 201)."""
    frame = pd.DataFrame(
        {"a1": [4, 5, 3, 4, "vet ej"], "a2": [3, 4, 4, 5, 2], "b1": [2, 3, 3, 4, 5],
         "b2": [3, 3, 4, 4, 5], "b3": [1, 2, 3, 4, 5]}
    )  # fmt: skip
    r = mognad.reliability(frame, model=tiny_model, lang=lang)
    rows = {s.id: s for s in r.statements}
    assert list(rows) == [s.id for s in tiny_model.statements]  # every statement, in order
    a1 = rows["a1"]
    assert (a1.n, a1.dont_know, a1.missing) == (None, None, None)
    assert a1.warning == mognad.texts.text("reason.hidden_statement", lang, k=5)
    assert a1.text == tiny_model.statement("a1").label(lang)
    assert a1.dimension == tiny_model.statement("a1").dimension == "A"
    assert rows["b2"].n == 5 and rows["b2"].dimension == "B1"


def test_the_invited_count_is_checked_with_its_own_words(tiny_model, tiny_frame):
    """invited equal to the respondents is a rate of 100 %; 1 is a whole number (too few
    here); True and 2.5 are not whole numbers, and the message shows the value (kills
    reliability 38, 41, 42, 45, 47, 50, 53)."""
    full = mognad.reliability(tiny_frame, model=tiny_model, invited=4, min_size=1)
    assert full.response_rate == 1.0
    with pytest.raises(mognad.MognadError, match="4 respondents but only 1 invited"):
        mognad.reliability(tiny_frame, model=tiny_model, invited=1, min_size=1)
    for bad, shown in ((True, "True"), (2.5, "2.5")):
        with pytest.raises(mognad.MognadError) as err:
            mognad.reliability(tiny_frame, model=tiny_model, invited=bad, min_size=1)
        assert (
            str(err.value) == f"invited must be a whole number of people, at least 1 (got {shown})."
        )


def test_alpha_with_two_respondents_and_a_total_variance_of_one():
    """Two respondents are enough for alpha (kills cronbach_alpha 18, 19); totals 0, 1, 2 have
    a variance of exactly 1, which is a variance like any other (kills 29): items of variance
    1/3 each give 2 x (1 - 2/3) = 2/3."""
    assert mognad.cronbach_alpha([[1, 2], [3, 5]]) == pytest.approx(2 * (1 - (2 + 4.5) / 12.5))
    assert mognad.cronbach_alpha([[0, 0], [0, 1], [1, 1]]) == pytest.approx(2 / 3)


def one_statement_model() -> mognad.MaturityModel:
    return mognad.model_from_dict(
        {
            "name": "ett",
            "title": "Ett påstående per del",
            "dimensions": [
                {"id": "A", "label": "A", "statements": [{"id": "a1", "text": "A1"}]},
                {
                    "id": "B",
                    "label": "B",
                    "statements": [{"id": "b1", "text": "B1"}, {"id": "b2", "text": "B2"}],
                },
            ],
        }
    )


def test_thresholds_met_exactly_and_the_notes_in_full(monkeypatch):
    """Ten respondents (min_n) who answer everything: no respondent or answer warning, alpha
    computed (kills reliability 262, 368); a dimension of one statement says so (239, 243);
    two statements with few answers are listed ', '-joined (367); the notes of reading the
    file come first (410); a bad MOGNAD_MIN_SIZE is said in the caller's language (7, 9, 21)."""
    model = one_statement_model()
    rng = np.random.default_rng(3)
    trait = rng.integers(1, 6, 10)
    frame = pd.DataFrame(
        {"a1": trait, "b1": trait, "b2": np.clip(trait + rng.integers(-1, 2, 10), 1, 5)}
    )
    r = mognad.reliability(frame, model=model, min_size=1, lang="en")
    dims = {d.id: d for d in r.dimensions}
    assert dims["B"].n_complete == 10 and dims["B"].alpha is not None
    assert dims["A"].warning == mognad.texts.text("rel.one_statement", "en")
    assert not any(n.startswith("Only 10") for n in r.notes)
    few = frame.astype(object)
    few.loc[3:, ["a1", "b1"]] = None  # 3 answers each
    r = mognad.reliability(few, model=model, min_size=1, lang="en")
    assert "Fewer than 10 valid answers: a1, b1." in r.notes
    with_notes = mognad.reliability(DIMIOS_2025, min_size=1, lang="en")
    assert with_notes.notes[0].startswith("Columns kept as respondent attributes")
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "2")
    with pytest.raises(mognad.disclosure.DisclosureError) as err:
        mognad.reliability(frame, model=model, lang="en")
    assert str(err.value).startswith("The minimum group size '2' (from MOGNAD_MIN_SIZE)")


def test_the_frame_takes_a_plural_and_names_what_it_takes():
    """frame("statements") and frame("Dimensions") read as the singular (kills frame 4, 7, 8);
    anything else is refused with a message naming both (17)."""
    r = mognad.reliability(DIMIOS_2025, lang="en")
    assert list(r.frame("statements").index) == list(r.frame("statement").index)
    assert list(r.frame("Dimensions").index) == list(r.frame().index)
    with pytest.raises(mognad.MognadError, match="'part' is not one of: dimension, statement"):
        r.frame("parts")


def test_answers_that_do_not_vary_and_answers_that_vary_a_lot(tiny_model):
    """Ten respondents answer B's statements with 3 only: alpha cannot be computed because the
    answers do not vary, said in the caller's language, even with exactly min_n complete
    (kills reliability 251, 262, 266). a1 alternates 1 and 5: its score is uncertain, the
    width in whole points (kills 180). Four respondents under the default protection are
    refused in English for an English caller (kills 21)."""
    frame = pd.DataFrame(
        {"a1": [1, 5] * 5, "a2": [1, 5] * 5, "b1": [3] * 10, "b2": [3] * 10, "b3": [3] * 10}
    )
    r = mognad.reliability(frame, model=tiny_model, min_size=1, lang="en")
    dims = {d.id: d for d in r.dimensions}
    assert dims["B"].n_complete == 10 and dims["B"].alpha is None
    assert dims["B"].warning == "alpha cannot be computed: the answers do not vary"
    a1 = next(s for s in r.statements if s.id == "a1")
    half = a1.ci_half_width * 100
    assert half > 10
    assert a1.warning == f"the score is uncertain: ±{round(half):d} pp (95 % interval)"
    with pytest.raises(mognad.disclosure.DisclosureError) as err:
        mognad.reliability(frame.head(4), model=tiny_model, lang="en")
    assert "fewer than 5" in str(err.value) and "färre" not in str(err.value)


# ---- what mutation testing found: the survivors that were not equivalent -------------------
def test_a_half_width_of_exactly_10_points_is_not_uncertain():
    """Kills `reliability` 163 (``half >= MAX_HALF_WIDTH``): a score is uncertain when its 95 %
    interval is wider than ±10 points, not at exactly ±10. Ten answers on a 0-100 scale that
    alternate between two values chosen so that the half-width is 0.1 exactly as a float."""
    model = mognad.model_from_dict(
        {
            "name": "hundra",
            "title": "Hundra",
            "scale": {"min": 0, "max": 100, "integer": False},
            "dimensions": [{"id": "A", "label": "A", "statements": [{"id": "a1", "text": "A1"}]}],
        }
    )
    frame = pd.DataFrame({"a1": [36.73832194625632, 63.26167805374366] * 5})
    a1 = mognad.reliability(frame, model=model, lang="en").statements[0]
    assert (a1.n, a1.ci_half_width, a1.warning) == (10, 0.1, None)


def test_an_alpha_of_exactly_0_70_is_acceptable():
    """Kills `reliability` 285 (``alpha <= ALPHA_OK``): alpha below 0.70 is low, 0.70 itself
    is not. 30 complete respondents (stable) whose two statements give 0.7 exactly as a float."""
    b1 = [5, 5, 4, 4, 4, 2, 3, 3, 5, 1, 3, 3, 1, 1, 2, 2, 2, 4, 3, 2, 3, 4, 3, 3, 1, 4, 4, 4, 3, 2]
    b2 = [3, 5, 5, 5, 4, 4, 1, 2, 4, 1, 5, 3, 1, 2, 1, 2, 3, 3, 2, 3, 1, 4, 5, 5, 1, 2, 5, 2, 3, 3]
    assert mognad.cronbach_alpha(np.array([b1, b2]).T) == 0.7
    frame = pd.DataFrame({"a1": b1, "b1": b1, "b2": b2})
    b = mognad.reliability(frame, model=one_statement_model(), lang="en").dimensions[1]
    assert (b.id, b.n_complete, b.alpha, b.warning) == ("B", 30, 0.7, None)


def test_the_uncertain_width_is_the_half_width_in_whole_points():
    """Kills `reliability` 180 (``half * 101`` in the warning): eight answers of 1, a 3 and a 4
    give a half-width of 0.193, ±19 points (x 1.01 would round to 20)."""
    frame = pd.DataFrame({"a1": [1] * 8 + [3, 4], "b1": [3] * 10, "b2": [3] * 10})
    a1 = mognad.reliability(frame, model=one_statement_model(), lang="en").statements[0]
    assert a1.ci_half_width == pytest.approx(0.193, abs=5e-4)
    assert a1.warning == "the score is uncertain: ±19 pp (95 % interval)"
