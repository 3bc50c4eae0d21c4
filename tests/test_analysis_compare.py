"""Comparing two waves: Welch intervals by hand, the seeded bootstrap, wave columns, the sample.

By hand (tiny model, statement a1, scale 1-5):
  before 2, 3, 4     -> mean 3,   score 0.5,   sd 1
  after  4, 5, 4, 5  -> mean 4.5, score 0.875, sd sqrt(1/3)
  change 0.375; se^2 = 1/3 + (1/3)/4 = 5/12; Welch df = (5/12)^2 / ((1/3)^2/2 + (1/12)^2/3) = 3
  half width = t(0.975, 3) * sqrt(5/12) / 4 = 3.182446 * 0.645497 / 4 = 0.513565
"""

from __future__ import annotations

import math
import sys
import warnings

import hypothesis
import numpy as np
import pandas as pd
import pytest
from conftest import DIMIOS_2024, DIMIOS_2025, DIMIOS_SAMPLE
from hypothesis import strategies as st
from scipy import stats

import mognad_core as mognad
from mognad_core.analysis.compare import _boot_scores, holm


def wave(a1, a2, b1, b2, b3=None):
    n = len(a1)
    return pd.DataFrame({"a1": a1, "a2": a2, "b1": b1, "b2": b2, "b3": b3 or [None] * n})


BEFORE = wave([2, 3, 4], [2, 2, 3], [1, 2, 3], [3, 3, 3])
AFTER = wave([4, 5, 4, 5], [1, 2, 1, 2], [2, 3, 3, 4], [3, 4, 4, 4])


def test_statement_interval_by_hand(tiny_model):
    r = mognad.compare(BEFORE, AFTER, model=tiny_model, min_size=1)
    a1 = next(s for s in r.statements if s.id == "a1")
    assert (a1.before, a1.after) == (pytest.approx(0.5), pytest.approx(0.875))
    assert a1.change == pytest.approx(0.375)
    assert stats.t.ppf(0.975, 3) == pytest.approx(3.182446, abs=1e-6)  # the textbook table
    half = 3.182446305 * math.sqrt(5 / 12) / 4
    assert half == pytest.approx(0.513565, abs=1e-6)
    assert a1.ci_low == pytest.approx(0.375 - half) and a1.ci_high == pytest.approx(0.375 + half)
    assert a1.significant is False and a1.method == "welch"
    assert (a1.n_before, a1.n_after) == (3, 4)
    # the same as scipy's Welch test, divided by the scale range
    ci = stats.ttest_ind([4, 5, 4, 5], [2, 3, 4], equal_var=False).confidence_interval()
    assert a1.ci_low == pytest.approx(ci.low / 4) and a1.ci_high == pytest.approx(ci.high / 4)


def test_improved_all_and_counts(tiny_model):
    r = mognad.compare(BEFORE, AFTER, model=tiny_model, min_size=1)
    change = {s.id: s.change for s in r.statements}
    # a2 is reversed: 2,2,3 -> 4,4,3 (mean 11/3); 1,2,1,2 -> 5,4,5,4 (mean 4.5)
    assert change["a2"] == pytest.approx((4.5 - 11 / 3) / 4)
    assert change["b1"] == pytest.approx((3 - 2) / 4)
    assert change["b2"] == pytest.approx((3.75 - 3) / 4)
    assert change["b3"] is None  # no answers in either wave
    assert r.improved_all is True and (r.improved, r.declined, r.compared) == (4, 0, 4)
    assert any("b3" in n for n in r.notes)
    worse = wave([2, 3, 4], [4, 4, 5], [1, 2, 3], [3, 3, 3])  # a2 reversed: 2,2,1 -> declines
    r2 = mognad.compare(BEFORE, worse, model=tiny_model, min_size=1)
    assert r2.improved_all is False and r2.declined == 1 and r2.unchanged == 3


def test_dimension_rows_use_scoring_semantics(tiny_model):
    r = mognad.compare(BEFORE, AFTER, model=tiny_model, min_size=1)
    s0 = mognad.score(BEFORE, tiny_model, min_size=1)
    s1 = mognad.score(AFTER, tiny_model, min_size=1)
    dims = {d.id: d for d in r.dimensions}
    assert [d.id for d in r.dimensions] == ["A", "B", "B1"]
    assert dims["B1"].kind == "category" and dims["B1"].parent == "B"
    for key in ("A", "B", "B1"):
        assert dims[key].before == pytest.approx(s0.dimensions[key].score)
        assert dims[key].change == pytest.approx(
            s1.dimensions[key].score - s0.dimensions[key].score
        )
        assert dims[key].ci_low <= dims[key].change <= dims[key].ci_high
        assert dims[key].method == "bootstrap"
    assert r.overall.change == pytest.approx(s1.overall - s0.overall)
    assert list(r.frame().index) == ["overall", "A", "B", "B1"]
    assert list(r.frame("statement").index) == ["a1", "a2", "b3", "b1", "b2"]  # model order
    assert len(r.frame("all")) == 9


def test_bootstrap_is_seeded(tiny_model):
    one = mognad.compare(BEFORE, AFTER, model=tiny_model, seed=7, min_size=1)
    two = mognad.compare(BEFORE, AFTER, model=tiny_model, seed=7, min_size=1)
    other = mognad.compare(BEFORE, AFTER, model=tiny_model, seed=8, min_size=1)
    assert one.model_dump() == two.model_dump()
    assert (one.overall.ci_low, one.overall.ci_high) != (
        other.overall.ci_low,
        other.overall.ci_high,
    )


def test_bootstrap_replicates_center_on_the_scores(tiny_model):
    rs = mognad.prepare(AFTER, tiny_model)
    boot = _boot_scores(rs, 4000, np.random.default_rng(1))
    scores = mognad.score_responses(rs, insights=False, min_size=1).statements
    for j, sid in enumerate(tiny_model.statement_ids):
        if sid == "b3":  # no answers: no score in any replicate
            assert np.isnan(boot[:, j]).all()
        else:
            assert boot[:, j].mean() == pytest.approx(scores[sid].score, abs=0.02)


ONE_ITEM = {
    "name": "one_item",
    "title": "En fråga per dimension",
    "dimensions": [
        {"id": "X", "label": "X", "statements": [{"id": "x1", "text": "Ett påstående."}]},
        {
            "id": "Y",
            "label": "Y",
            "statements": [{"id": "y1", "text": "Ett till."}, {"id": "y2", "text": "Och ett."}],
        },
    ],
}


def test_bootstrap_interval_matches_welch_for_a_one_statement_dimension():
    """A dimension with one statement: the bootstrap and Welch intervals agree for large n."""
    model = mognad.model_from_dict(ONE_ITEM)
    rng = np.random.default_rng(3)
    before = pd.DataFrame(rng.integers(1, 6, (400, 3)), columns=["x1", "y1", "y2"])
    after = pd.DataFrame(rng.integers(2, 6, (400, 3)), columns=["x1", "y1", "y2"])
    r = mognad.compare(before, after, model=model, n_boot=4000, min_size=1)
    x_dim = next(d for d in r.dimensions if d.id == "X")
    x_stmt = next(s for s in r.statements if s.id == "x1")
    assert x_dim.change == pytest.approx(x_stmt.change)
    welch_half = (x_stmt.ci_high - x_stmt.ci_low) / 2
    boot_half = (x_dim.ci_high - x_dim.ci_low) / 2
    assert boot_half == pytest.approx(welch_half, rel=0.1)
    assert x_dim.significant and x_stmt.significant  # a shift of about half a step


def test_compare_waves_in_one_table(tiny_model):
    both = pd.concat([BEFORE.assign(År=2020), AFTER.assign(År=2021)], ignore_index=True)
    rs = mognad.prepare(both, tiny_model)
    r = mognad.compare_waves(rs, min_size=1)  # finds "År" (any case)
    assert (r.before_label, r.after_label) == ("2020", "2021")
    assert (r.n_before, r.n_after) == (3, 4)
    direct = mognad.compare(BEFORE, AFTER, model=tiny_model, min_size=1)
    assert [s.change for s in r.statements] == [s.change for s in direct.statements]
    assert r.overall.ci_low == direct.overall.ci_low  # same seed, same respondents
    back = mognad.compare_waves(rs, "år", waves=("2021", 2020), min_size=1)
    assert back.statements[0].change == pytest.approx(-0.375)


def test_compare_waves_errors_and_notes(tiny_model):
    three = pd.concat(
        [BEFORE.assign(wave="T0"), AFTER.assign(wave="T1"), AFTER.assign(wave="T2")],
        ignore_index=True,
    )
    three.loc[0, "wave"] = None
    rs = mognad.prepare(three, tiny_model, source="svar.xlsx")
    r = mognad.compare_waves(rs, min_size=1, lang="en")
    # the latest wave and the one before it, as a report compares them (was: the earliest)
    assert (r.before_label, r.after_label) == ("T1", "T2")
    assert any("3 waves" in n and "--waves T0,T2" in n for n in r.notes)
    assert any("1 respondent(s)" in n for n in r.notes)
    assert r.n_before == rs.where("wave=T1").n
    earliest = mognad.compare_waves(rs, waves=("T0", "T2"), min_size=1)
    assert (earliest.before_label, earliest.n_before) == ("T0", 2)
    sv = mognad.compare_waves(rs, min_size=1)
    assert any("3 mätningar" in n for n in sv.notes) and not any("waves (" in n for n in sv.notes)
    with pytest.raises(mognad.InputError, match=r'there is no column "year".*wave'):
        mognad.compare_waves(rs, "year", min_size=1)
    with pytest.raises(mognad.InputError, match=r'wave "T9" does not occur.*T0, T1, T2'):
        mognad.compare_waves(rs, waves=("T0", "T9"), min_size=1)
    with pytest.raises(mognad.MognadError, match="Both waves are 'T1'"):
        mognad.compare_waves(rs, waves=("T1", "T1"), min_size=1)
    single = mognad.prepare(BEFORE.assign(år=2020), tiny_model)
    with pytest.raises(mognad.InputError, match="1 distinct value"):
        mognad.compare_waves(single, min_size=1)
    none = mognad.prepare(BEFORE.assign(förvaltning="Soc"), tiny_model, source="svar.xlsx")
    with pytest.raises(mognad.InputError, match=r"svar\.xlsx: no wave column found.*förvaltning"):
        mognad.compare_waves(none, min_size=1)
    with pytest.raises(mognad.MognadError, match="n_boot must be at least 100"):
        mognad.compare(BEFORE, AFTER, model=tiny_model, n_boot=10, min_size=1)


def test_bundled_sample_two_files_equal_one_file_with_year():
    two = mognad.compare(DIMIOS_2024, DIMIOS_2025, model="dimios", min_size=1)
    rs = mognad.read_responses(DIMIOS_SAMPLE, "dimios")
    one = mognad.compare_waves(rs, min_size=1)
    assert (one.before_label, one.after_label) == ("2024", "2025")
    assert (two.before_label, two.after_label) == ("2024", "2025")  # from each file's år
    for a, b in zip(one.rows, two.rows, strict=True):
        assert a.change == pytest.approx(b.change)
        assert a.ci_low == pytest.approx(b.ci_low) and a.ci_high == pytest.approx(b.ci_high)
    # hand check from the raw CSVs: change per statement and Welch interval
    raw = {
        y: pd.read_csv(path, sep=";", encoding="utf-8-sig")
        for y, path in ((2024, DIMIOS_2024), (2025, DIMIOS_2025))
    }
    for s in two.statements:
        x0 = pd.to_numeric(raw[2024][s.id], errors="coerce").dropna()
        x1 = pd.to_numeric(raw[2025][s.id], errors="coerce").dropna()
        assert s.change == pytest.approx((x1.mean() - x0.mean()) / 5)  # the scale 1-6
        ci = stats.ttest_ind(x1, x0, equal_var=False).confidence_interval()
        assert s.ci_low == pytest.approx(ci.low / 5) and s.ci_high == pytest.approx(ci.high / 5)
        test = stats.ttest_ind(x1, x0, equal_var=False)
        assert s.p_value == pytest.approx(test.pvalue)  # the same Welch test as the interval
        assert s.significant_raw == (ci.low > 0 or ci.high < 0)
    # Holm over the 30 statements, step by step: the i-th smallest p times (30 - i), while
    # that stays below 0.05
    ordered = sorted(two.statements, key=lambda s: s.p_value)
    sure = set()
    for i, s in enumerate(ordered):
        if s.p_value * (30 - i) >= 0.05:
            break
        sure.add(s.id)
    assert {s.id for s in two.statements if s.significant} == sure
    # measured on the bundled sample: 23 raw, 6 after the adjustment, all up
    assert sum(s.significant_raw for s in two.statements) == 23
    assert (len(sure), two.significant_up, two.significant_down) == (6, 6, 0)
    assert two.adjustment == "holm"
    # Nykvarn's question: did every statement improve?
    assert two.improved_all is True and two.compared == 30
    assert two.overall.significant is True and two.overall.ci_low > 0


def test_labels_are_file_names_when_the_files_do_not_name_one_wave_each(tmp_path):
    frame = pd.read_csv(DIMIOS_2025, sep=";", encoding="utf-8-sig")
    frame.drop(columns="år").to_csv(tmp_path / "hösten.csv", index=False)
    frame.assign(år=2025).to_csv(tmp_path / "våren.csv", index=False)
    result = mognad.compare(
        tmp_path / "hösten.csv", tmp_path / "våren.csv", model="dimios", min_size=1
    )
    assert (result.before_label, result.after_label) == ("hösten", "våren")
    same = mognad.compare(DIMIOS_2025, tmp_path / "våren.csv", model="dimios", min_size=1)
    assert (same.before_label, same.after_label) == ("dimios_2025", "våren")


def test_compare_waves_reads_a_file_or_a_frame_as_every_function_does():
    from conftest import DIMIOS_SAMPLE

    rs = mognad.read_responses(DIMIOS_SAMPLE, "dimios")
    expected = mognad.compare_waves(rs, "år", n_boot=200)
    for given in (DIMIOS_SAMPLE, str(DIMIOS_SAMPLE), rs.to_frame()):
        got = mognad.compare_waves(given, "år", n_boot=200)
        assert (got.before_label, got.after_label, got.n_after) == ("2024", "2025", 240)
        assert got.overall.change == expected.overall.change


# ---- what mutation testing found (docs/quality.md, analysis/compare.py) ----------------------
def test_the_summary_names_the_waves_sizes_and_the_bootstrap_in_either_language(tiny_model):
    r = mognad.compare(BEFORE, AFTER, model=tiny_model, min_size=1, n_boot=500, seed=11)
    # frames without a file or a wave column: the waves are "före" and "efter"
    assert (r.before_label, r.after_label) == ("före", "efter")
    # and the adjustment with the size of each family: b3 (no answers) has no p-value, so 4
    # statements; A, B and its category B1 (3), and the overall score
    assert r.summary() == (
        "före (n=3) → efter (n=4); 95 %-intervall för påståenden: Welch t; "
        "för dimensioner: bootstrap (500 dragningar, frö 11); säker förändring: Holm-justerat "
        "p < 0,05 över 4 påståenden, och för sig över 3 dimensioner och totalen"
    )
    assert r.summary("en") == (
        "före (n=3) → efter (n=4); 95 % intervals for statements: Welch t; "
        "for dimensions: bootstrap (500 replicates, seed 11); clear change: Holm-adjusted "
        "p < 0.05 across 4 statements, and separately across 3 dimensions and the overall score"
    )


def test_frame_kinds_in_any_case_and_plural_and_a_wrong_kind_named(tiny_model):
    r = mognad.compare(BEFORE, AFTER, model=tiny_model, min_size=1, n_boot=100)
    assert list(r.frame("Dimensions").index) == ["overall", "A", "B", "B1"]
    assert list(r.frame("STATEMENTS").index) == ["a1", "a2", "b3", "b1", "b2"]
    with pytest.raises(
        mognad.MognadError, match=r"^kind 'part' is not one of: dimension, statement, all\.$"
    ):
        r.frame("parts")


def test_compare_waves_passes_the_model_on_to_read_a_frame(tiny_model):
    both = pd.concat([BEFORE.assign(år=2020), AFTER.assign(år=2021)], ignore_index=True)
    r = mognad.compare_waves(both, model=tiny_model, min_size=1, n_boot=100)
    assert (r.model, r.before_label, r.after_label) == ("tiny", "2020", "2021")
    assert r.statements[0].change == pytest.approx(0.375)
    # two waves: nothing to say about which were chosen (b3 has no answers: not compared)
    assert r.notes[:-1] == [
        'Kolumner som behålls som bakgrundsuppgifter (inte påståenden): "år".',
        "Inte jämförda (inget värde i en av mätningarna): b3.",
    ]
    assert r.notes[-1].startswith("Anonymitetsskydd avstängt")


def test_no_wave_column_names_the_file_and_the_sheet(tiny_model):
    two = BEFORE.assign(roll="Chef", enhet="IT")
    rs = mognad.prepare(two, tiny_model, source="svar.xlsx", sheet="Svar")
    with pytest.raises(mognad.InputError) as err:
        mognad.compare_waves(rs, min_size=1)
    assert str(err.value) == (
        'svar.xlsx, sheet "Svar": no wave column found. Expected a column named år, year, wave, '
        "våg (or name it with column=...); attribute columns are: roll, enhet."
    )


def test_wave_errors_name_the_file_the_sheet_and_the_column(tiny_model):
    bare = mognad.prepare(BEFORE, tiny_model, source="svar.xlsx", sheet="Svar")
    with pytest.raises(mognad.InputError) as err:
        mognad.compare_waves(bare, min_size=1)
    assert str(err.value).endswith("attribute columns are: none.")
    one = mognad.prepare(BEFORE.assign(år=2020), tiny_model, source="svar.xlsx", sheet="Svar")
    with pytest.raises(mognad.InputError) as err:
        mognad.compare_waves(one, min_size=1)
    assert str(err.value) == (
        'svar.xlsx, sheet "Svar", column ("år"): column "år" has 1 distinct value(s) (2020). '
        "Expected two waves (for example 2024 and 2025)."
    )
    two = pd.concat([BEFORE.assign(år=2020), AFTER.assign(år=2021)], ignore_index=True)
    rs = mognad.prepare(two, tiny_model, source="svar.xlsx", sheet="Svar")
    with pytest.raises(mognad.InputError) as err:
        mognad.compare_waves(rs, waves=(2020, 2022), min_size=1)
    assert str(err.value).startswith('svar.xlsx, sheet "Svar", column ("år"): wave "2022" ')


# ---- Holm's adjustment ----------------------------------------------------------------------
def test_holm_textbook_examples():
    """Holm (1979) as taught: four hypotheses with p 0.01, 0.04, 0.03, 0.005 at alpha 0.05.
    Ordered: 0.005 x 4 = 0.02 < 0.05 rejected; 0.01 x 3 = 0.03 rejected; 0.03 x 2 = 0.06 stop.
    Adjusted: 0.02, 0.03, 0.06 and max(0.06, 0.04 x 1) = 0.06 (R: p.adjust(p, "holm"))."""
    got = holm([0.01, 0.04, 0.03, 0.005])
    assert got == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert list(got < 0.05) == [True, False, False, True]
    # R's documentation example: five p-values 0.01 ... 0.05 -> 0.05, 0.08, 0.09, 0.09, 0.09
    assert holm([0.05, 0.01, 0.03, 0.02, 0.04]) == pytest.approx([0.09, 0.05, 0.09, 0.08, 0.09])
    # capped at 1; NaN is outside the family (m = 2, not 3); an empty family stays empty
    assert holm([0.6, np.nan, 0.7]) == pytest.approx([1.0, np.nan, 1.0], nan_ok=True)
    assert holm([0.02, np.nan, 0.2])[0] == pytest.approx(0.04)
    assert holm([]).size == 0 and np.isnan(holm([np.nan])).all()


def _step_down(p: list[float], alpha: float) -> set[int]:
    """Holm's procedure as written: reject the smallest p while p_(i) <= alpha / (m - i)
    (multiplied out, so both sides round alike)."""
    rejected: set[int] = set()
    for i, k in enumerate(sorted(range(len(p)), key=lambda j: p[j])):
        if p[k] * (len(p) - i) > alpha:
            break
        rejected.add(k)
    return rejected


@hypothesis.given(
    st.lists(st.floats(0.0, 1.0, allow_nan=False), min_size=1, max_size=30),
    st.sampled_from([0.001, 0.01, 0.05, 0.1, 0.25]),
)
def test_holm_matches_the_step_down_procedure_and_keeps_the_order(p, alpha):
    adjusted = holm(p)
    # the adjusted p-value is the smallest level at which the procedure rejects the hypothesis
    assert {i for i, a in enumerate(adjusted) if a <= alpha} == _step_down(p, alpha)
    # never below the raw p, never above 1, and a smaller p never gets a larger adjusted one
    assert all(p[i] <= a <= 1.0 for i, a in enumerate(adjusted))
    for i in range(len(p)):
        for j in range(len(p)):
            if p[i] < p[j]:
                assert adjusted[i] <= adjusted[j]


def test_significant_is_the_adjusted_decision_in_both_families():
    """On the bundled sample each family is adjusted on its own: statements x 30 at most, the
    nine parts (overall, dimensions, categories) x 9 at most; significant follows p_adjusted."""
    r = mognad.compare(DIMIOS_2024, DIMIOS_2025, model="dimios", min_size=1)
    for family in (r.statements, [r.overall, *r.dimensions]):
        raw = [x.p_value for x in family]
        assert [x.p_adjusted for x in family] == pytest.approx(list(holm(raw)))
        for x in family:
            assert x.significant == (x.p_adjusted < 0.05)
            assert x.significant_raw == (x.p_value < 0.05)
    # the parts' bootstrap p-value never goes below 2 / (n_boot + 1)
    assert min(x.p_value for x in r.dimensions) == pytest.approx(2 / 2001)
    assert r.significant_up == sum(1 for x in r.statements if x.significant and x.change > 0)
    frame = r.frame("statement")
    assert {"p_value", "p_adjusted", "significant_raw"} <= set(frame.columns)


def test_no_statement_in_both_waves_has_no_verdict_and_an_empty_family(tiny_model):
    before = wave([2, 3, 4], [None] * 3, [None] * 3, [None] * 3)
    after = wave([None] * 3, [2, 3, 4], [None] * 3, [None] * 3)
    r = mognad.compare(before, after, model=tiny_model, min_size=1, n_boot=100, lang="en")
    assert (r.compared, r.improved_all, r.significant_up) == (0, None, 0)
    assert r.verdict("en") == "no statement has a score in both waves"
    assert all(x.p_value is x.p_adjusted is x.significant is None for x in r.statements)
    assert "across 0 statements" in r.summary("en")


def test_an_interval_of_zero_width_is_significant_only_away_from_zero(tiny_model):
    """Unanimous waves: every interval is one point. A change of 0 with the interval (0, 0) is
    not significant; +-0.25 with the interval at that point is, up or down."""
    before = wave([3, 3, 3], [2, 2, 2], [2, 2, 2], [4, 4, 4], [5, None, None])
    after = wave([4, 4, 4, 4], [3, 3, 3, 3], [2, 2, 2, 2], [4, 4, 4, 4], [1, None, None, None])
    r = mognad.compare(before, after, model=tiny_model, min_size=1, n_boot=200, lang="en")
    got = {s.id: (s.change, s.ci_low, s.ci_high, s.significant, s.method) for s in r.statements}
    assert got == {
        "a1": (0.25, 0.25, 0.25, True, "welch"),
        "a2": (-0.25, -0.25, -0.25, True, "welch"),  # reversed: 4 -> 3
        "b3": (-1.0, None, None, None, ""),  # one answer in each wave: no interval
        "b1": (0.0, 0.0, 0.0, False, "welch"),
        "b2": (0.0, 0.0, 0.0, False, "welch"),
    }
    nodes = {n.id: (n.change, n.ci_low, n.ci_high, n.significant, n.method) for n in r.rows[:4]}
    assert nodes["A"] == (0.0, 0.0, 0.0, False, "bootstrap")  # a1 up, a2 down, in every replicate
    assert nodes["B1"] == (0.0, 0.0, 0.0, False, "bootstrap")
    assert nodes["B"][1:] == (-0.5, 0.0, False, "bootstrap")  # b3 is in some replicates only
    assert nodes["B"][0] == pytest.approx(-0.5)
    assert (r.improved, r.declined, r.unchanged, r.compared) == (1, 2, 2, 5)
    assert (r.significant_up, r.significant_down, r.improved_all) == (1, 1, False)
    # what is sure, in words: the counts of higher and lower, each with its sure ones
    assert r.verdict("en") == "1 of 5 statements are higher (1 clearly) and 2 lower (1 clearly)"
    assert r.verdict() == "1 av 5 påståenden är högre (1 säkert) och 2 lägre (1 säkert)"
    assert r.notes[0] == "No interval (fewer than 2 answers in a wave): b3."
    assert len(r.notes) == 2 and r.notes[1].startswith("Anonymity protection off")


SIX_BEFORE = wave(
    [1, 2, 3, 4, 5, 3],
    [2, 2, 3, 3, 4, 4],
    [1, 1, 2, 2, 3, 3],
    [3, 3, 3, 4, 4, 4],
    [1, 2, 3, 4, 5, None],
)
SIX_AFTER = wave(
    [2, 3, 4, 5, 5, 4],
    [1, 2, 2, 3, 3, 4],
    [2, 2, 3, 3, 4, 4],
    [3, 4, 4, 4, 5, 5],
    [4, 5] + [None] * 4,
)


def test_intervals_need_twice_the_minimum_size_in_each_wave(tiny_model):
    """min_size 3: an interval needs 6 answers in each wave; 6 and 6 have one, 6 and 5 not.
    b3, with 2 answers after, is hidden in both waves and named as hidden, not as missing."""
    # the figures below were worked out on mognad 0.1.0's multinomial draws (the default
    # draws are checked in test_compare_bootstrap_identical.py)
    r = mognad.compare(
        SIX_BEFORE, SIX_AFTER, model=tiny_model, min_size=3, n_boot=200, resampling="multinomial"
    )
    got = {x.id: (x.change, x.ci_low, x.ci_high, x.significant_raw, x.method) for x in r.rows}
    assert got == {
        "overall": (0.174, 0.08, 0.275, True, "bootstrap"),
        "A": (0.167, 0.062, 0.292, True, "bootstrap"),
        "B": (0.188, 0.021, 0.333, True, "bootstrap"),
        "B1": (0.188, 0.021, 0.333, True, "bootstrap"),
        "a1": (0.208, -0.211, 0.628, False, "welch"),
        "a2": (0.125, -0.19, 0.44, False, "welch"),
        "b3": (None, None, None, None, ""),
        "b1": (0.25, -0.038, 0.538, False, "welch"),
        "b2": (0.167, -0.048, 0.381, False, "welch"),
    }
    # bootstrap p-values 2 (1 + k) / 201 with k = 0, 2, 3, 3 replicates at or below zero, Holm
    # over the four parts: 4 x 0.00995 = 0.040; 3 x 0.0299 = 0.090 (and B, B1 no lower); only
    # the overall change stays sure. Published to three decimals.
    nodes = {x.id: (x.p_value, x.p_adjusted, x.significant) for x in r.rows[:4]}
    assert nodes == {
        "overall": (0.01, 0.04, True),
        "A": (0.03, 0.09, False),
        "B": (0.04, 0.09, False),
        "B1": (0.04, 0.09, False),
    }
    assert all(x.significant is False for x in r.statements if x.p_value is not None)
    b3 = r.statements[2]
    assert (b3.before, b3.after, b3.n_before, b3.n_after) == (None, None, None, None)
    # a hidden statement has no p-value, raw or adjusted, and is not in the family of four
    assert (b3.p_value, b3.p_adjusted, b3.significant, b3.significant_raw) == (None,) * 4
    b1 = next(x for x in r.statements if x.id == "b1")  # the smallest p of the four: times 4
    p = stats.ttest_ind([2, 2, 3, 3, 4, 4], [1, 1, 2, 2, 3, 3], equal_var=False).pvalue
    assert (b1.p_value, b1.p_adjusted) == (round(p, 3), round(4 * p, 3))
    assert r.notes == [
        "1 påstående(n) visas inte (b3): färre än 3 svar i gruppen, eller dolda så att en mindre "
        "grupp inte kan räknas fram. De ingår inte i dimensionernas och totalens värden här."
    ]
    five = mognad.compare(SIX_BEFORE, SIX_AFTER.iloc[:5], model=tiny_model, min_size=3, lang="en")
    assert all(x.ci_low is x.ci_high is x.significant is None for x in five.rows)
    assert {x.method for x in five.rows} == {""}
    assert [x.n_after for x in five.rows] == [5, 5, 5, 5, 5, 5, None, 5, 5]
    assert [x.n_before for x in five.rows] == [6, 6, 6, 6, 6, 6, None, 6, 6]
    assert five.notes == [
        "No interval (fewer than 6 answers in a wave): a1, a2, b1, b2.",
        "1 statement(s) not shown (b3): fewer than 3 answers in this set, or hidden so that a "
        "smaller group cannot be derived. They are left out of the dimension and overall figures "
        "here.",
    ]


def test_the_notes_on_the_waves_chosen_in_full_in_either_language(tiny_model):
    three = pd.concat(
        [BEFORE.assign(wave="T0"), AFTER.assign(wave="T1"), AFTER.assign(wave="T2")],
        ignore_index=True,
    )
    three.loc[0, "wave"] = None
    rs = mognad.prepare(three, tiny_model, source="svar.xlsx")
    en = mognad.compare_waves(rs, min_size=1, lang="en", n_boot=100)
    assert en.notes[:4] == [
        'Column "wave" has 3 waves (T0, T1, T2); the latest (T2) is compared with the one before '
        "(T1), as in the report. Choose others with --waves T0,T2 (waves=(before, after) in "
        "Python).",
        '1 respondent(s) with no value in "wave" were left out.',
        'Columns kept as respondent attributes (not statements): "wave".',
        "Not compared (no score in one wave): b3.",
    ]
    sv = mognad.compare_waves(rs, min_size=1, n_boot=100)
    assert sv.notes[:2] == [
        'Kolumnen "wave" har 3 mätningar (T0, T1, T2); den senaste (T2) jämförs med den före '
        "(T1), som i rapporten. Välj andra med --waves T0,T2 (waves=(före, efter) i Python).",
        '1 svarande utan värde i "wave" togs inte med.',
    ]


def test_a_plugins_own_overall_score_gets_no_interval_and_a_note(register_plugin, tiny_model):
    class OwnOverall:
        @mognad.hookimpl
        def overall_score(self, model, result):
            if model.name == "tiny":
                return result.dimensions["A"].score

    register_plugin(OwnOverall(), "own-overall")
    r = mognad.compare(BEFORE, AFTER, model=tiny_model, min_size=1, n_boot=100, lang="en")
    a = r.dimensions[0]
    assert (r.overall.before, r.overall.after) == (a.before, a.after)
    assert (r.overall.ci_low, r.overall.ci_high, r.overall.significant) == (None, None, None)
    assert r.overall.method == "" and a.method == "bootstrap"
    assert r.notes[0] == (
        "A plugin computes this model's overall score its own way; no interval is given for the "
        "overall change."
    )
    sv = mognad.compare(BEFORE, AFTER, model=tiny_model, min_size=1, n_boot=100)
    assert sv.notes[0] == (
        "Ett tillägg räknar modellens totalvärde på sitt eget sätt; inget intervall anges för "
        "förändringen av totalen."
    )


def test_waves_asked_for_wrongly_are_refused_saying_why(tiny_model):
    two = pd.concat([BEFORE.assign(år=2020), AFTER.assign(år=2021)], ignore_index=True)
    rs = mognad.prepare(two, tiny_model, source="svar.xlsx")
    refusals = {
        (2020, 2021, 2022): "waves must name two waves (before, after), got [2020, 2021, 2022].",
        (2020, 2022): 'svar.xlsx, column ("år"): wave "2022" does not occur in column "år". '
        "Expected one of: 2020, 2021.",
        ("2021", 2021): "Both waves are '2021'; name two different waves.",
        (None, 2021): 'svar.xlsx, column ("år"): wave "" does not occur in column "år". '
        "Expected one of: 2020, 2021.",
        (2020, " "): 'svar.xlsx, column ("år"): wave "" does not occur in column "år". '
        "Expected one of: 2020, 2021.",
    }
    for waves, message in refusals.items():
        with pytest.raises(mognad.MognadError) as err:
            mognad.compare_waves(rs, waves=waves, min_size=1)
        assert str(err.value) == message
    with pytest.raises(mognad.MognadError) as err:
        mognad.compare_waves(rs, n_boot=99, min_size=1)
    assert str(err.value) == "n_boot must be at least 100 (got 99)."
    assert mognad.compare_waves(rs, n_boot=100, min_size=1).n_boot == 100


def test_waves_in_a_column_of_any_name_are_labelled_by_their_values(tiny_model):
    both = pd.concat([BEFORE.assign(period="P1"), AFTER.assign(period="P2")], ignore_index=True)
    rs = mognad.prepare(both, tiny_model, source="svar.xlsx")
    r = mognad.compare_waves(rs, "period", min_size=1, n_boot=100)
    assert (r.before_label, r.after_label) == ("P1", "P2")
    assert r.summary("en").startswith("P1 (n=3) → P2 (n=4); ")


def test_two_answers_in_each_wave_are_enough_for_an_interval(tiny_model):
    """a1: 2, 4 -> 3, 5 (n = 2 and 2): sd sqrt(2) each, se^2 = 2, df = 2, change 0.25,
    half width t(0.975, 2) * sqrt(2) / 4 = 4.302653 * 1.414214 / 4 = 1.521218."""
    before = wave([2, 4], [3, 3], [3, 3], [3, 3])
    after = wave([3, 5], [3, 3], [3, 3], [3, 3])
    r = mognad.compare(before, after, model=tiny_model, min_size=1, n_boot=100)
    a1 = r.statements[0]
    assert (a1.n_before, a1.n_after, a1.method, a1.significant) == (2, 2, "welch", False)
    assert a1.ci_low == pytest.approx(0.25 - 1.521218, abs=1e-6)
    assert a1.ci_high == pytest.approx(0.25 + 1.521218, abs=1e-6)
    ci = stats.ttest_ind([3, 5], [2, 4], equal_var=False).confidence_interval()
    assert (a1.ci_low, a1.ci_high) == (pytest.approx(ci.low / 4), pytest.approx(ci.high / 4))


def test_the_bootstrap_defaults_to_2000_replicates_and_seed_2025(tiny_model):
    r = mognad.compare(BEFORE, AFTER, model=tiny_model, min_size=1)
    assert (r.n_boot, r.seed) == (2000, 2025)
    assert "bootstrap (2000 dragningar, frö 2025); " in r.summary()
    same = mognad.compare(BEFORE, AFTER, model=tiny_model, min_size=1, n_boot=2000, seed=2025)
    assert [(x.ci_low, x.ci_high) for x in r.rows] == [(x.ci_low, x.ci_high) for x in same.rows]


def test_a_response_set_before_gives_the_model_and_another_model_is_refused(tiny_model):
    rs = mognad.prepare(BEFORE, tiny_model, source="svar.xlsx")
    r = mognad.compare(rs, AFTER, min_size=1, n_boot=100)  # AFTER read for tiny, not dimios
    assert r.model == "tiny" and r.statements[0].change == pytest.approx(0.375)
    with pytest.raises(mognad.MognadError) as err:
        mognad.compare(rs, AFTER, model="dimios", min_size=1, n_boot=100)
    assert str(err.value).startswith(
        "The responses in svar.xlsx were read for model 'tiny', not 'dimios'"
    )


def test_the_language_is_read_in_any_case(tiny_model):
    def dump(lang):
        r = mognad.compare(BEFORE, AFTER, model=tiny_model, min_size=1, n_boot=100, lang=lang)
        return r.model_dump()

    assert dump("SV") == dump("sv") and dump(" EN") == dump("en") != dump("sv")


def test_a_wave_without_respondents_is_named(tiny_model):
    rs = mognad.prepare(BEFORE, tiny_model)
    empty = rs.subset(np.zeros(rs.n, dtype=bool))
    for before, after, message in (
        (empty, rs, "Wave 'T0' has no respondents."),
        (rs, empty, "Wave 'T1' has no respondents."),
    ):
        with pytest.raises(mognad.MognadError) as err:
            mognad.compare(before, after, labels=("T0", "T1"), min_size=1)
        assert str(err.value) == message
    one = mognad.compare(rs.subset(np.array([True, False, False])), AFTER, min_size=1)
    assert one.n_before == 1 and one.statements[0].change == pytest.approx(0.875 - 0.25)
    assert one.overall.method == "bootstrap"  # one respondent: each replicate is that one
    boot = _boot_scores(empty, 10, np.random.default_rng(0))
    assert boot.shape == (10, 5) and np.isnan(boot).all()


def test_refusals_for_anonymity_are_in_the_callers_language(tiny_model):
    english = {
        (2, "BEFORE", "AFTER"): "The minimum group size 2 (from --min-size) cannot be used: give "
        "a whole number of at least 3, or 1 to turn the anonymity protection off.",
        (5, "BEFORE", "SIX_AFTER"): "No results for the responses, for anonymity: fewer than 5 "
        "respondents, or a smaller group could be derived from what is shown (--min-size, "
        "MOGNAD_MIN_SIZE).",
    }
    waves = {"BEFORE": BEFORE, "AFTER": AFTER, "SIX_BEFORE": SIX_BEFORE, "SIX_AFTER": SIX_AFTER}
    english[(5, "SIX_BEFORE", "BEFORE")] = english[(5, "BEFORE", "SIX_AFTER")]
    for (size, before, after), message in english.items():
        with pytest.raises(mognad.MognadError) as err:
            mognad.compare(waves[before], waves[after], model=tiny_model, min_size=size, lang="en")
        assert str(err.value) == message


def test_a_statement_answered_in_one_wave_only_is_named_not_compared(tiny_model):
    after = AFTER.assign(b3=[1, 2, 3, 4])
    r = mognad.compare(BEFORE, after, model=tiny_model, min_size=1, n_boot=100, lang="en")
    b3 = r.statements[2]
    assert (b3.id, b3.before, b3.after, b3.change, b3.n_before, b3.n_after) == (
        "b3",
        None,
        0.375,
        None,
        0,
        4,
    )
    assert (b3.ci_low, b3.significant, b3.method) == (None, None, "")
    assert r.notes[0] == "Not compared (no score in one wave): b3."
    assert [s.parent for s in r.statements] == ["A", "A", "B", "B1", "B1"]
    assert [s.label for s in r.statements][:2] == ["We have a plan.", "The plan is often missing."]
    assert r.compared == 4
    assert [(x.label, x.kind, x.parent) for x in r.rows[:4]] == [
        ("Overall", "overall", None),
        ("Alpha", "dimension", None),
        ("Beta", "dimension", None),
        ("Beta ett", "category", "B"),
    ]
    sv = mognad.compare(BEFORE, after, model=tiny_model, min_size=1, n_boot=100)
    assert [x.label for x in sv.rows[:3]] == ["Totalt", "Alfa", "Beta"]


def test_a_bootstrap_interval_needs_90_percent_of_the_replicates(tiny_model):
    """After, only 2 of 10 respondents answered b1 (B's only answered statement): a replicate
    that draws neither has no B score. With 100 replicates, seed 1 leaves exactly 90 with a
    change of B (an interval), seed 4 leaves 89 (none)."""
    before = wave([3] * 10, [3] * 10, [2, 4, 3, 3, 2, 4, 3, 3, 2, 4], [None] * 10)
    after = wave([4] * 10, [3] * 10, [3, 5] + [None] * 8, [None] * 10)
    at = mognad.compare(before, after, model=tiny_model, min_size=1, n_boot=100, seed=1)
    b = at.dimensions[1]
    assert (b.id, b.change, b.method, b.significant) == ("B", 0.25, "bootstrap", False)
    assert (b.ci_low, b.ci_high) == (pytest.approx(-0.1), pytest.approx(0.575))
    with warnings.catch_warnings():  # replicates without a B score: no numpy warning shown
        warnings.simplefilter("error")
        below = mognad.compare(before, after, model=tiny_model, min_size=1, n_boot=100, seed=4)
    b = below.dimensions[1]
    assert (b.change, b.ci_low, b.ci_high, b.significant, b.method) == (0.25, None, None, None, "")
    assert below.dimensions[0].method == "bootstrap"  # A: answered by everyone


def test_a_dimension_scored_in_one_wave_only_has_no_change(tiny_model):
    before = wave([3, 4, 5], [3, 3, 3], [None] * 3, [None] * 3)
    r = mognad.compare(before, AFTER, model=tiny_model, min_size=1, n_boot=100)
    rows = {x.id: x for x in r.dimensions}
    for key in ("B", "B1"):
        # after: b1 mean 3 (0.5), b2 mean 3.75 (0.6875, weight 3): (0.5 + 3 * 0.6875) / 4
        assert (rows[key].before, rows[key].after) == (None, pytest.approx(0.640625))
        assert (rows[key].change, rows[key].ci_low, rows[key].ci_high) == (None, None, None)
        assert (rows[key].significant, rows[key].method) == (None, "")
    assert rows["A"].change == pytest.approx((0.875 + 0.875) / 2 - (0.75 + 0.5) / 2)  # 0.25
    assert r.notes[0] == "Inte jämförda (inget värde i en av mätningarna): b3, b1, b2."


def test_an_own_overall_score_in_one_wave_only_is_enough_for_the_note(register_plugin, tiny_model):
    class OneWave:
        n = 3

        @mognad.hookimpl
        def overall_score(self, model, result):
            if model.name == "tiny" and result.n_respondents == self.n:
                return result.dimensions["A"].score
            return None  # the default formula

    plugin = register_plugin(OneWave(), "own-overall-one-wave")
    for n in (3, 4):  # BEFORE has 3 respondents, AFTER 4
        plugin.n = n
        r = mognad.compare(BEFORE, AFTER, model=tiny_model, min_size=1, n_boot=100, lang="en")
        assert r.overall.method == "" and r.overall.ci_low is None, n
        assert r.notes[0].startswith("A plugin computes this model's overall score its own way")


def test_nothing_compared_says_neither_improved_nor_not(tiny_model):
    before = wave([3, 4, 5], [None] * 3, [None] * 3, [None] * 3)
    after = wave([None] * 4, [None] * 4, [2, 3, 3, 4], [None] * 4)
    r = mognad.compare(before, after, model=tiny_model, min_size=1, n_boot=100, lang="en")
    assert (r.improved_all, r.compared, r.improved, r.declined, r.unchanged) == (None, 0, 0, 0, 0)
    assert r.notes[0] == "Not compared (no score in one wave): a1, a2, b3, b1, b2."


def test_the_bootstrap_in_blocks_gives_the_same_intervals(tiny_model, monkeypatch):
    """Replicates are drawn in blocks of at most _BLOCK_CELLS cells; with blocks of 3
    replicates (12 cells, 4 respondents) 100 replicates end with a block of 1."""
    whole = mognad.compare(BEFORE, AFTER, model=tiny_model, min_size=1, n_boot=100)
    module = sys.modules["mognad_core.analysis.compare"]  # (the package's compare is the function)
    monkeypatch.setattr(module, "_BLOCK_CELLS", 12)
    blocks = mognad.compare(BEFORE, AFTER, model=tiny_model, min_size=1, n_boot=100)
    assert [(x.ci_low, x.ci_high) for x in blocks.rows] == [
        (x.ci_low, x.ci_high) for x in whole.rows
    ]


# ---- what mutation testing found after the Holm adjustment (docs/quality.md, compare.py) ------
def test_every_statement_higher_is_said_in_full_in_both_languages():
    """Kills verdict 2, 12, 13, 15 (the 'all higher' clause without its numbers or language)."""
    r = mognad.compare(DIMIOS_2024, DIMIOS_2025, model="dimios")
    assert r.improved_all and r.compared == 30 and 0 < r.significant_up < 30
    up = r.significant_up
    assert r.verdict("en") == f"all 30 statements are higher, {up} of them clearly"
    assert r.verdict() == f"alla 30 påståenden är högre, {up} av dem säkert"


def test_no_change_at_all_has_p_one_and_is_not_sure(tiny_model):
    """Everyone answers 3 in both waves: every bootstrap difference is 0, counted both below
    and above zero, which would make the bootstrap p-value 2 without its cap at 1 (kills
    _boot_p 15); no change is sure."""
    same = wave([3, 3, 3, 3], [3, 3, 3, 3], [3, 3, 3, 3], [3, 3, 3, 3])
    r = mognad.compare(same, same, model=tiny_model, min_size=1)
    scored = [x for x in r.statements if x.change is not None]  # b3 has no answers
    assert len(scored) == 4  # a statement with no spread and no change: p 1 too (_welch 25)
    for row in [r.overall, *r.dimensions, *scored]:
        assert row.change == 0 and row.p_value == 1.0 and row.p_adjusted == 1.0, row.id
        assert not row.significant and not row.significant_raw


def test_p_exactly_at_alpha_is_not_sure():
    """p < 0.05, not <=: a p-value of exactly 0.05, raw or adjusted, is not a sure change
    (kills _adjust 19, 22)."""
    from mognad_core.analysis.compare import CompareRow, adjust_family

    row = CompareRow(id="a1", label="A1", kind="statement", p_value=0.05)
    adjust_family([row])
    assert row.p_adjusted == 0.05 and row.significant is False and row.significant_raw is False
    below = CompareRow(id="a2", label="A2", kind="statement", p_value=0.0499)
    adjust_family([below])
    assert below.significant is True and below.significant_raw is True
