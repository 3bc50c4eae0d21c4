"""Scoring semantics against values computed by hand: the tiny model (tests/data/tiny.yaml), its
four respondents and their expected values are in conftest.py (TINY_ROWS, TINY_SCORES, ...,
worked out in its docstring). a1's sd: answers 5 and 4, sqrt(0.5).
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from conftest import TINY as TINY_FILE
from conftest import TINY_DONT_KNOW_SHARES, TINY_MEANS, TINY_SCORES
from scipy import stats

import mognad_core as mognad
from mognad_core import disclosure, scoring, texts
from mognad_core.targets import parse_target
from mognad_core.testing import make_responses


def test_statement_scores_by_hand(tiny_model, tiny_frame):
    r = mognad.score(tiny_frame, tiny_model, min_size=1)
    a1 = r.statements["a1"]
    assert (a1.n, a1.dont_know, a1.missing) == (2, 1, 1)
    assert a1.mean == pytest.approx(TINY_MEANS["a1"])
    assert a1.score == pytest.approx(TINY_SCORES["a1"])
    assert a1.dont_know_share == pytest.approx(TINY_DONT_KNOW_SHARES["a1"])
    assert a1.sd == pytest.approx(math.sqrt(0.5))
    a2 = r.statements["a2"]
    assert a2.reverse and a2.mean == pytest.approx(TINY_MEANS["a2"])
    assert a2.score == pytest.approx(TINY_SCORES["a2"])
    assert (a2.n, a2.dont_know, a2.missing) == (3, 1, 0)
    assert r.statements["b1"].score == pytest.approx(TINY_SCORES["b1"])
    b2 = r.statements["b2"]
    assert b2.score == pytest.approx(TINY_SCORES["b2"]) and b2.dont_know == 2
    assert b2.dont_know_share == pytest.approx(TINY_DONT_KNOW_SHARES["b2"])


def test_statement_without_valid_answers(tiny_model, tiny_frame):
    b3 = mognad.score(tiny_frame, tiny_model, min_size=1).statements["b3"]
    assert b3.score is None and b3.mean is None and b3.sd is None
    assert (b3.n, b3.dont_know, b3.missing) == (0, 1, 3)
    assert b3.dont_know_share == pytest.approx(TINY_DONT_KNOW_SHARES["b3"])
    assert b3.ci_low is None


def test_dimension_and_overall_by_hand(tiny_model, tiny_frame):
    r = mognad.score(tiny_frame, tiny_model, min_size=1)
    assert r.dimensions["A"].score == pytest.approx(TINY_SCORES["A"])
    assert r.dimensions["B1"].score == pytest.approx(TINY_SCORES["B1"])
    assert r.dimensions["B"].score == pytest.approx(TINY_SCORES["B1"])  # b3 has no score
    assert r.overall == pytest.approx(TINY_SCORES["overall"])
    # dont_know_share over all answers below the node: A: 2 dk / (5 valid + 2 dk)
    assert r.dimensions["A"].dont_know_share == pytest.approx(TINY_DONT_KNOW_SHARES["A"])
    assert r.dimensions["B"].dont_know_share == pytest.approx(TINY_DONT_KNOW_SHARES["B"])
    assert r.dimensions["A"].n == 3  # respondent 4 gave no valid answer to a1 or a2
    assert r.dimensions["B"].n == 4
    assert r.dimensions["B1"].parent == "B" and r.dimensions["B1"].depth == 1


def test_levels(tiny_model, tiny_frame):
    r = mognad.score(tiny_frame, tiny_model, min_size=1)
    assert r.level == "Mellan"  # 0.72
    assert r.dimensions["A"].level == "Hög"  # 0.85
    assert r.dimensions["B"].level == "Låg"  # 0.46
    assert tiny_model.level_for(0.5).name == "Mellan"  # lower bound is inclusive
    assert tiny_model.level_for(None) is None


def test_confidence_interval_is_t_interval(tiny_model, tiny_frame):
    a2 = mognad.score(tiny_frame, tiny_model, min_size=1).statements["a2"]
    answers = np.array([5, 4, 4.0])
    half = stats.t.ppf(0.975, 2) * answers.std(ddof=1) / math.sqrt(3) / 4
    assert a2.ci_low == pytest.approx(max(0.0, TINY_SCORES["a2"] - half))
    assert a2.ci_high == pytest.approx(min(1.0, TINY_SCORES["a2"] + half))


def test_statements_aggregation_differs_from_children(tiny_model):
    # b3 answered: children mode averages B1 (weight 1) with b3 (weight 1);
    # statements mode averages b1 (1), b2 (3), b3 (1) directly.
    frame = pd.DataFrame({"a1": [5], "a2": [1], "b1": [1], "b2": [5], "b3": [3]})
    children = mognad.score(frame, tiny_model, min_size=1).dimensions["B"].score
    assert children == pytest.approx(((0 + 3 * 1) / 4 + 0.5) / 2)
    flat = tiny_model.model_copy(update={"aggregation": "statements"})
    flat = mognad.model_from_dict(flat.model_dump())
    statements = mognad.score(frame, flat, min_size=1).dimensions["B"].score
    assert statements == pytest.approx((0 + 3 * 1 + 0.5) / 5)


def test_weights_change_the_overall(tiny_model, tiny_frame):
    data = tiny_model.model_dump()
    data["dimensions"][0]["weight"] = 1
    equal = mognad.model_from_dict(data)
    assert mognad.score(tiny_frame, equal, min_size=1).overall == pytest.approx(
        (TINY_SCORES["A"] + TINY_SCORES["B1"]) / 2
    )


def test_result_frames_and_json(tiny_model, tiny_frame):
    r = mognad.score(tiny_frame, tiny_model, min_size=1)
    dims = r.dimensions_frame()
    assert list(dims.index) == ["A", "B", "B1"]
    assert dims.loc["A", "score"] == pytest.approx(TINY_SCORES["A"])
    top = r.dimensions_frame(top_level_only=True)
    assert list(top.index) == ["A", "B"]
    st = r.statements_frame()
    assert st.loc["b2", "dont_know"] == 2
    data = r.model_dump(mode="json")
    assert data["statements"]["b3"]["score"] is None
    assert set(data["statements"]["a1"]) >= {
        "score",
        "mean",
        "n",
        "dont_know",
        "missing",
        "dont_know_share",
    }


def test_numeric_dont_know_code():
    model = mognad.model_from_dict(
        {
            "name": "coded",
            "title": "Kodad",
            "scale": {"min": 1, "max": 5, "dont_know": ["vet ej", "9"]},
            "dimensions": [{"id": "d", "label": "D", "statements": [{"id": "s", "text": "S"}]}],
        }
    )
    r = mognad.score(pd.DataFrame({"s": [9, 5, 1]}), model, min_size=1)
    assert r.statements["s"].dont_know == 1 and r.statements["s"].mean == pytest.approx(3)


def test_overall_hook_override(register_plugin, tiny_model, tiny_frame):
    class Override:
        @mognad.hookimpl
        def overall_score(self, model, result):
            if model.name == "tiny":
                return result.dimensions["A"].score

    register_plugin(Override(), "override-test")
    r = mognad.score(tiny_frame, tiny_model, min_size=1)
    assert r.overall == pytest.approx(TINY_SCORES["A"])
    assert r.level == "Hög"


def test_block_processing_equals_single_pass(tiny_model, monkeypatch):
    frame = make_responses(tiny_model, n=1000, seed=3, blanks=0.1)
    whole = mognad.score(frame, tiny_model, insights=False, min_size=1)
    monkeypatch.setattr("mognad_core.scoring.BLOCK_ROWS", 97)
    blocks = mognad.score(frame, tiny_model, insights=False, min_size=1)
    for sid in tiny_model.statement_ids:
        assert blocks.statements[sid].sd == pytest.approx(whole.statements[sid].sd)
        assert blocks.statements[sid].mean == pytest.approx(whole.statements[sid].mean)


def _two_statement_model(lo: float, hi: float) -> mognad.MaturityModel:
    """One dimension: s, and r reversed with weight 3, on the scale lo-hi."""
    return mognad.model_from_dict(
        {
            "name": "skala",
            "title": "Skalmodell",
            "scale": {"min": lo, "max": hi},
            "dimensions": [
                {
                    "id": "D",
                    "label": "D",
                    "statements": [
                        {"id": "s", "text": "Vi gör det."},
                        {"id": "r", "text": "Det saknas.", "reverse": True, "weight": 3},
                    ],
                }
            ],
        }
    )


@pytest.mark.parametrize(
    ("lo", "hi", "s", "r", "r_mean", "r_score", "s_score"),
    [
        # 0-4: r 1, 1, 4 -> 0+4-x = 3, 3, 0: mean 2, score 2/4 (max+1-x gives 4, 4, 1: 0.75)
        (0, 4, [0, 4, 3], [1, 1, 4], 2.0, 0.5, 7 / 12),
        # 0-10: r 2, 7, 9 -> 8, 3, 1: mean 4, score 0.4 (max+1-x gives 9, 4, 2: 0.5)
        (0, 10, [2, 8, 5], [2, 7, 9], 4.0, 0.4, 0.5),
        # -2..2: r -2, 1, 2 -> 2, -1, -2: mean -1/3, score (5/3)/4 (max+1-x gives 7/6, above 1)
        (-2, 2, [-2, 2, 1], [-2, 1, 2], -1 / 3, 5 / 12, 7 / 12),
    ],
    ids=["0-4", "0-10", "-2..2"],
)
def test_reversed_statements_on_scales_not_starting_at_1(lo, hi, s, r, r_mean, r_score, s_score):
    """A reversed answer x counts as min + max - x on any scale. Kills the mutation
    ``max + 1 - x`` in scoring.statement_arrays (the same as min + max - x on 1-5 scales only,
    which every other test model uses)."""
    model = _two_statement_model(lo, hi)
    result = mognad.score(pd.DataFrame({"s": s, "r": r}), model, insights=False, min_size=1)
    rev = result.statements["r"]
    assert rev.mean == pytest.approx(r_mean)
    assert rev.score == pytest.approx(r_score)
    assert result.statements["s"].score == pytest.approx(s_score)
    expected = (1 * s_score + 3 * r_score) / 4  # weights 1 and 3
    assert result.dimensions["D"].score == pytest.approx(expected)
    assert result.overall == pytest.approx(expected)


# ---- what mutation testing found (docs/quality.md) ------------------------------------------
# Each test names the mutations of scoring.py it kills (mutmut, scripts/mutation.sh).


def _tiny_rows(n: int, a2_answers: int) -> pd.DataFrame:
    """``n`` respondents of the tiny model: a1, b1, b2 and b3 answered by all (3, 4, 3, 4, ...),
    a2 by the first ``a2_answers`` only."""
    rows = [["Soc", 3 + i % 2, 2 if i < a2_answers else None, 3 + i % 2, 3, 4] for i in range(n)]
    return pd.DataFrame(rows, columns=["förvaltning", "a1", "a2", "b1", "b2", "b3"])


def test_plugins_get_the_documented_context(register_plugin, tiny_model):
    """model_insights gets the model, the result and a context with the responses, the
    disclosure policy, the target as given and as resolved, and the language; its insights are
    the result's, also by default (insights=True). Kills the mutations of the context in
    publish_score, score_responses and score (keys, values, ``insights`` defaults)."""
    seen = []

    class Probe:
        @mognad.hookimpl
        def model_insights(self, model, result, context):
            seen.append((model, result, dict(context)))
            return [mognad.ModelInsight(key="probe", title="Probe")]

    register_plugin(Probe(), "probe")
    frame = _tiny_rows(12, 12)
    result = mognad.score(frame, tiny_model, target=0.7, lang="en", min_size=5)
    (model, res, ctx) = seen[-1]
    assert model.name == "tiny" and res is result
    assert ctx["responses"].n == 12 and ctx["responses"].model is model
    assert ctx["disclosure"].min_size == 5 and ctx["lang"] == "en"
    assert ctx["target_raw"] == 0.7
    assert ctx["target"] == parse_target(0.7, tiny_model, result)
    assert [i.key for i in result.insights] == ["probe"]

    rs = mognad.ResponseSet.from_any(frame, tiny_model)
    for call in (
        lambda: scoring.score_responses(rs, min_size=5),
        lambda: scoring.publish_score(rs, np.zeros(5, dtype=bool), disclosure.policy(5)),
    ):
        before = len(seen)
        assert [i.key for i in call().insights] == ["probe"]
        assert len(seen) == before + 1


def test_the_language_reaches_every_note_and_refusal(tiny_model, tiny_frame):
    """Kills the mutations of ``lang`` in publish_score, score_responses and score: the
    opt-out note, a refused minimum size and a refused set are in English when asked."""
    result = mognad.score(tiny_frame, tiny_model, lang="en", min_size=1)
    assert result.notes[0].startswith("Columns kept as respondent attributes")
    assert result.notes[1:] == [texts.text("note.off", "en")]
    with pytest.raises(disclosure.DisclosureError) as refused:
        mognad.score(tiny_frame, tiny_model, lang="en", min_size=2)
    assert str(refused.value).startswith("The minimum group size 2")
    with pytest.raises(disclosure.DisclosureError) as refused:
        mognad.score(tiny_frame, tiny_model, lang="en", min_size=5)
    assert "respondents" in str(refused.value) and "svarande" not in str(refused.value)


def test_score_responses_takes_min_size_from_the_context(tiny_model, tiny_frame):
    """Kills ``min_size if (min_size is not None) or True`` and the mutations of
    ``ctx.get("min_size")``."""
    rs = mognad.ResponseSet.from_any(tiny_frame, tiny_model)
    assert scoring.score_responses(rs, context={"min_size": 1}).disclosure.min_size == 1


def test_score_passes_the_reading_options_on(monkeypatch, tiny_model, tiny_frame):
    """Kills score() dropping or blanking sheet, mapping, answers or duplicates."""
    seen = {}
    real = mognad.ResponseSet.from_any

    def from_any(responses, model=None, **options):
        seen.update(options)
        return real(tiny_frame, tiny_model)

    monkeypatch.setattr(mognad.ResponseSet, "from_any", staticmethod(from_any))
    options = {"sheet": "Svar", "mapping": {"F1": "a1"}, "answers": {"ja": 5}, "duplicates": "keep"}
    mognad.score("svar.xlsx", tiny_model, min_size=1, **options)
    assert seen == options


def test_results_carry_the_model_s_english_names_weights_and_source(tmp_path, tiny_frame):
    """Kills text_en, label_en, level_en (per dimension and overall), title_en and source set
    to None, a statement's weight and dimension lost, a dimension's statements lost."""
    model = mognad.load_model_file(TINY_FILE)
    levels = [
        {"name": "Låg", "name_en": "Low", "lower_bound": 0},
        {"name": "Hög", "name_en": "High", "lower_bound": 0.5},
    ]
    model = mognad.model_from_dict({**model.model_dump(exclude_none=True), "levels": levels})
    path = tmp_path / "svar.csv"
    tiny_frame.to_csv(path, index=False)
    result = mognad.score(path, model, min_size=1)
    assert result.title_en == "Tiny test model" and result.level_en in ("Low", "High")
    assert result.level_en == {"Låg": "Low", "Hög": "High"}[result.level]
    assert result.source and result.source == mognad.read_responses(path, model).source
    a = result.dimensions["A"]
    assert a.label_en == "Alpha" and a.level_en == {"Låg": "Low", "Hög": "High"}[a.level]
    assert result.dimensions["B1"].statements == ["b1", "b2"]
    assert result.statements["a1"].text_en == "We have a plan."
    assert result.statements["b1"].dimension == "B1" and result.statements["a1"].dimension == "A"
    assert result.statements["b2"].weight == 3


def test_an_interval_from_two_answers_has_one_degree_of_freedom(tiny_model):
    """a1 answered 3 and 4 by two respondents: half width t(0.975, 1) * sd / sqrt(2) / 4, and
    clipped to [0, 1]; with ten answers the interval is inside (0, 1). Kills ``n > 2`` for
    showing an interval, ``np.maximum(n - 1, 2)`` and ``clip(score + half, 1.0, 1.0)``."""
    two = mognad.score(_tiny_rows(2, 2), tiny_model, min_size=1).statements["a1"]
    half = stats.t.ppf(0.975, 1) * math.sqrt(0.5) / math.sqrt(2) / 4
    assert two.ci_low == pytest.approx(max(0.625 - half, 0.0))
    assert two.ci_high == pytest.approx(min(0.625 + half, 1.0))
    four = mognad.score(_tiny_rows(4, 4), tiny_model, min_size=1).statements["a1"]
    half = stats.t.ppf(0.975, 3) * np.std([3, 4, 3, 4], ddof=1) / 2 / 4
    assert four.ci_low == pytest.approx(0.625 - half) and four.ci_high == pytest.approx(
        0.625 + half
    )
    assert 0 < four.ci_low < four.ci_high < 1


def test_spread_figures_need_twice_the_minimum_group_size(tiny_model):
    """With the default protection (k = 5), a statement with 6 answers shows its score but not
    its spread (fewer than 2k = 10), with the note saying so; one with 12 shows both. Kills the
    mutations of ``spread_hidden`` and its note, and of ``spread_min`` in the disclosure
    record."""
    result = mognad.score(_tiny_rows(12, 6), tiny_model, lang="en")
    a1, a2 = result.statements["a1"], result.statements["a2"]
    assert a1.sd is not None and a1.ci_low is not None
    assert a2.score is not None and (a2.sd, a2.ci_low, a2.ci_high) == (None, None, None)
    assert texts.text("note.spread", "en", k2=10) in result.notes
    assert (result.disclosure.protected, result.disclosure.spread_min) == (True, 10)
    full = mognad.score(_tiny_rows(12, 12), tiny_model, lang="en")
    assert texts.text("note.spread", "en", k2=10) not in full.notes
    assert mognad.score(_tiny_rows(12, 12), tiny_model, min_size=1).disclosure.spread_min is None


def test_hidden_statements_are_named_in_the_note(tiny_model):
    """a2 answered by 3 of 12 (fewer than k = 5) is hidden and named. Kills
    ``hidden_note(None, ...)`` and the note without the language."""
    result = mognad.score(_tiny_rows(12, 3), tiny_model, lang="en")
    assert result.statements["a2"].hidden
    assert texts.text("note.hidden_statements", "en", count=1, ids="a2", k=5) in result.notes


def test_scoring_raises_no_numpy_warnings(tiny_model):
    """A statement nobody answered (0/0 means and shares) and one answered once (an sd over
    n - 1 = 0) give None, not a RuntimeWarning. Kills the mutations of ``np.errstate``."""
    frame = _tiny_rows(3, 1)
    frame["b3"] = None
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        result = mognad.score(frame, tiny_model, min_size=1)
    assert result.statements["b3"].dont_know_share is None and result.statements["a2"].sd is None


@pytest.mark.parametrize("k", [63, 64, 65, 72])
def test_respondents_per_dimension_around_64_statements(k):
    """Answered statements are kept as bits: one uint64 per respondent up to 64 statements,
    bytes above. Dimension D has statements s0..s(k-2), E the last one; respondent 1 answers
    only s0, respondent 2 only the last, respondent 3 nothing. Kills the mutations of the 64
    bounds (``k >= 64``, ``k > 65``, ``k < 64``, ``k <= 65``), of the byte count and of the
    byte index (``j // 9``)."""
    ids = [f"s{j}" for j in range(k)]
    model = mognad.model_from_dict(
        {
            "name": f"wide{k}",
            "version": "1",
            "title": "Wide",
            "scale": {"min": 1, "max": 5},
            "dimensions": [
                {"id": "D", "label": "D", "statements": [{"id": i, "text": i} for i in ids[:-1]]},
                {"id": "E", "label": "E", "statements": [{"id": ids[-1], "text": "last"}]},
            ],
        }
    )
    rows = [[None] * k for _ in range(3)]
    rows[0][0] = 3
    rows[1][k - 1] = 4
    result = mognad.score(pd.DataFrame(rows, columns=ids), model, min_size=1)
    assert (result.dimensions["D"].n, result.dimensions["E"].n) == (1, 1)
    assert result.dimensions["E"].score == pytest.approx(0.75)


def test_one_respondent_counts_as_one(tiny_model):
    """Kills ``answered.shape[0] == 1`` (one respondent counted as none)."""
    result = mognad.score(_tiny_rows(1, 1), tiny_model, min_size=1)
    assert result.dimensions["A"].n == 1 and result.n_respondents == 1


def test_without_insights_no_plugin_is_asked_and_figures_are_rounded(register_plugin, tiny_model):
    """Kills score and score_responses not passing ``insights=False`` on, and the first
    ``round_figures(None, pol)`` (only the rounding after the insights was left)."""
    asked = []

    class Probe:
        @mognad.hookimpl
        def model_insights(self, model, result, context):
            asked.append(1)
            return [mognad.ModelInsight(key="probe", title="Probe", data={"share": 0.123456789})]

    register_plugin(Probe(), "probe")
    digits = disclosure.policy(5).score_digits
    frame = _tiny_rows(12, 12)
    result = mognad.score(frame, tiny_model, insights=False)
    rs = mognad.ResponseSet.from_any(frame, tiny_model)
    quiet = scoring.score_responses(rs, insights=False, min_size=5)
    assert asked == [] and result.insights == [] and quiet.insights == []
    assert result.overall == round(result.overall, digits)
    assert result.dimensions["B"].score == round(result.dimensions["B"].score, digits)
    # with insights, what the plugin adds is rounded too (the second round_figures)
    insight = mognad.score(frame, tiny_model).insights[0]
    assert insight.data["share"] == round(0.123456789, digits)


@pytest.mark.parametrize("target", [{"A": 0.8, "B": 0.6}, "next"], ids=["mapping", "next"])
def test_the_target_is_resolved_against_the_model_and_the_result(
    register_plugin, tiny_model, target
):
    """A mapping needs the model (its dimension ids), ``next`` the result. Kills
    ``parse_target(..., None, result)``, ``parse_target(..., model, None)`` and the
    mutations that drop either."""
    seen = []

    class Probe:
        @mognad.hookimpl
        def model_insights(self, model, result, context):
            seen.append(context["target"])

    register_plugin(Probe(), "probe")
    result = mognad.score(_tiny_rows(12, 12), tiny_model, target=target, min_size=1)
    assert seen == [parse_target(target, tiny_model, result)] and seen[0] is not None


def test_dimensions_count_answers_and_dont_know_below_them_and_keep_their_weight(
    tiny_model, tiny_frame
):
    """By hand from the tiny respondents (conftest): A holds a1 (2 answers, 1 vet ej) and a2
    (3, 1); B1 holds b1 (3, 1) and b2 (2, 2); B adds b3 (0, 1). Kills a dimension's
    ``answers``, ``dont_know`` and ``weight`` left at their defaults."""
    dims = mognad.score(tiny_frame, tiny_model, min_size=1).dimensions
    assert (dims["A"].answers, dims["A"].dont_know, dims["A"].weight) == (5, 2, 2)
    assert (dims["B1"].answers, dims["B1"].dont_know) == (5, 3)
    assert (dims["B"].answers, dims["B"].dont_know, dims["B"].weight) == (5, 4, 1)
