"""Every threshold the rules use, checked exactly at it, just below it and just above it.

One place to read them (k is the policy's ``min_size``, 5 unless a test says otherwise):

  rule                                   shown / true when            module
  a set of respondents is published      n >= k                       disclosure.check
  a statement figure is shown            valid answers >= k           disclosure (plan)
  a group of a breakdown is shown        size >= k                    disclosure (lattice)
  the rest of a cut-out set              0 or >= k                    disclosure.check
  the policy protects                    min_size 1 (off) or >= 3     disclosure.policy
  sd and intervals are shown             answers >= 2k                scoring.publish_score
  reliability's interval and alpha       answers (complete) >= 2k     analysis.reliability
  high vet-ej share                      share >= min_share (20 %)    analysis.priorities
  low score                              score < the median (or       analysis.priorities
                                         the model's score_below)
  maturity level                         score >= its lower bound     schema.level_for
  first row of a target range a header   its target is no value       targets.profile_from_rows

"Just below" and "just above" are the nearest values the data can give: one respondent or one
answer fewer or more, a share of 2 of 11 or 2 of 9 around 1 of 5, a score 0.001 either side.
Each test names the one-line mutations it kills (checked by hand: the mutation applied, the test
failing, the mutation reverted).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import GROUP_MODEL, GROUP_SIDS, TINY, TINY_ROWS, as_excel
from mognad_excel import udfs

import mognad_core as mognad
from mognad_core.disclosure import DisclosureError
from mognad_core.targets import parse_target, profile_from_rows

K = 5  # the default minimum group size
AROUND = [-1, 0, 1]  # just below, exactly at, just above


def group_frame(sizes: dict[str, int], answers: list = (3, 3, 3)) -> pd.DataFrame:
    """GROUP_MODEL's statements x1, x2 (reversed), y1, ``sizes[g]`` respondents per förvaltning."""
    rows = [[g, *answers] for g, n in sizes.items() for _ in range(n)]
    return pd.DataFrame(rows, columns=["förvaltning", *GROUP_SIDS])


def scale_model(statements: list[str], meta: dict | None = None) -> mognad.MaturityModel:
    """One dimension per statement on a 0-100 scale (decimals allowed), with the levels Låg (0),
    Mellan (0.5) and Hög (0.8): an answer of 50 is a score of exactly 0.5."""
    return mognad.model_from_dict(
        {
            "name": "grans",
            "title": "Gränsmodell",
            "scale": {"min": 0, "max": 100, "integer": False},
            "dimensions": [
                {"id": s.upper(), "label": s.upper(), "statements": [{"id": s, "text": s}]}
                for s in statements
            ],
            "levels": [
                {"name": "Låg", "lower_bound": 0},
                {"name": "Mellan", "lower_bound": 0.5},
                {"name": "Hög", "lower_bound": 0.8},
            ],
            "meta": meta or {},
        }
    )


# ---- minimum group size ----------------------------------------------------------------------
@pytest.mark.parametrize("k", [3, K])
@pytest.mark.parametrize("step", AROUND)
def test_a_set_is_published_from_k_respondents(k, step):
    """Kills ``rs.n < k`` -> ``rs.n <= k`` (or ``< k - 1``) in disclosure.check."""
    n = k + step
    data = group_frame({"A": n})
    if n < k:
        with pytest.raises(DisclosureError):
            mognad.score(data, GROUP_MODEL, min_size=k)
    else:
        result = mognad.score(data, GROUP_MODEL, min_size=k)
        assert result.n_respondents == n and result.overall == pytest.approx(0.5)


@pytest.mark.parametrize("step", AROUND)
def test_a_cut_out_set_is_published_from_k_respondents(step):
    """k-1, k or k+1 respondents cut from 30 by a mask (the rest is large): only the size of the
    cut-out set decides. Kills ``rs.n < k`` -> ``rs.n < k - 1`` in disclosure.check, the one
    guard of such a set (a whole file is guarded by its plan as well)."""
    n = K + step
    rs = mognad.prepare(group_frame({"A": 30}), GROUP_MODEL)
    cut = rs.subset(np.arange(30) < n)
    if n < K:
        with pytest.raises(DisclosureError):
            mognad.score_responses(cut)
    else:
        assert mognad.score_responses(cut).n_respondents == n


@pytest.mark.parametrize("step", AROUND)
def test_a_statement_is_shown_from_k_valid_answers(step):
    """Ten respondents; x1 has k-1, k or k+1 valid answers, the rest "vet ej". Kills
    ``answers < k`` -> ``answers <= k`` in the disclosure plan."""
    answers = K + step
    rows = [[4, 3, 3]] * answers + [["vet ej", 3, 3]] * (10 - answers)
    result = mognad.score(pd.DataFrame(rows, columns=GROUP_SIDS), GROUP_MODEL)
    x1 = result.statements["x1"]
    if answers < K:
        assert x1.hidden and x1.score is None and result.disclosure.hidden_statements == ["x1"]
    else:
        assert not x1.hidden and x1.n == answers and x1.score == pytest.approx(0.75)
        assert result.disclosure.hidden_statements == []


@pytest.mark.parametrize("k", [3, K])
@pytest.mark.parametrize("step", AROUND)
def test_a_group_is_shown_from_k_respondents(k, step):
    """Group A has k-1, k or k+1 respondents beside two large groups. Kills ``size < k`` ->
    ``size <= k`` in the breakdown plan."""
    rs = mognad.prepare(group_frame({"A": k + step, "B": 12, "C": 13}), GROUP_MODEL)
    g = mognad.groups(rs, "förvaltning", model=GROUP_MODEL, min_size=k)
    assert ("A" in g.suppressed) == (k + step < k)
    if k + step >= k:
        published = mognad.score_responses(rs.where("förvaltning=A"), min_size=k)
        assert published.n_respondents == k + step
    else:
        with pytest.raises(DisclosureError):
            mognad.score_responses(rs.where("förvaltning=A"), min_size=k)


@pytest.mark.parametrize("rest", [0, K - 1, K, K + 1])
def test_the_rest_of_a_cut_out_set_is_0_or_at_least_k(rest):
    """A subset of 20 respondents leaving ``rest`` out: the rest is someone's answers by
    subtraction unless it is 0 or at least k. Kills ``0 < rest < k`` -> ``<=`` (either side)."""
    rs = mognad.prepare(group_frame({"A": 20}), GROUP_MODEL)
    cut = rs.subset(np.arange(20) < 20 - rest)
    if 0 < rest < K:
        with pytest.raises(DisclosureError):
            mognad.score_responses(cut)
    else:
        assert mognad.score_responses(cut).n_respondents == 20 - rest


@pytest.mark.parametrize(("min_size", "usable"), [(1, True), (2, False), (3, True), (4, True)])
def test_the_smallest_protecting_minimum_is_3(min_size, usable):
    """1 turns the protection off; 2 (just below the smallest protecting 3) is refused. Kills
    ``k < SMALLEST_PROTECTING`` -> ``<=`` and ``k != 1`` dropped."""
    if not usable:
        with pytest.raises(DisclosureError, match="2"):
            mognad.disclosure.policy(min_size)
        return
    pol = mognad.disclosure.policy(min_size)
    assert pol.min_size == min_size and pol.protected == (min_size > 1)


# ---- spread: 2k answers ----------------------------------------------------------------------
@pytest.mark.parametrize("step", AROUND)
def test_sd_and_interval_are_shown_from_2k_answers(step):
    """x1 has 2k-1, 2k or 2k+1 answers (the others answered every statement). Kills
    ``st.n < pol.spread_min`` -> ``<=`` in scoring.publish_score and a spread_min other than
    min_size x 2."""
    n = 2 * K + step
    rows = [[1 + i % 5, 3, 3] for i in range(n)] + [["vet ej", 3, 3]] * (12 - n)
    x1 = mognad.score(pd.DataFrame(rows, columns=GROUP_SIDS), GROUP_MODEL).statements["x1"]
    assert x1.n == n and x1.score is not None
    if n < 2 * K:
        assert x1.sd is None and x1.ci_low is None and x1.ci_high is None
    else:
        assert x1.sd is not None and x1.ci_low is not None and x1.ci_high is not None


@pytest.mark.parametrize("step", AROUND)
def test_reliability_shows_interval_and_alpha_from_2k_answers(step):
    """k = 3, so 2k = 6: x1 has 5, 6 or 7 answers; every respondent with an answer to x1 answered
    x2 too (complete pairs). ``min_n=2`` leaves the 2k rule alone to decide. Kills ``n >=
    max(2, spread_min)`` -> ``>`` and ``complete < spread_min`` -> ``<=`` in reliability."""
    k, n = 3, 6 + step
    rows = [[1 + i % 5, 1 + (i + 1) % 5, 3] for i in range(n)] + [["vet ej", "vet ej", 3]] * 2
    rel = mognad.reliability(
        pd.DataFrame(rows, columns=GROUP_SIDS), model=GROUP_MODEL, min_size=k, min_n=2
    )
    x1 = next(s for s in rel.statements if s.id == "x1")
    x_dim = next(d for d in rel.dimensions if d.id == "X")
    assert x1.n == n and x_dim.n_complete == n
    if n < 2 * k:
        assert x1.ci_half_width is None and x_dim.alpha is None
    else:
        assert x1.ci_half_width is not None and x_dim.alpha is not None


# ---- the vet-ej share ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("dont_know", "valid", "high"),
    [
        (1, 4, True),  # 1 of 5 = 20 %: exactly at the threshold
        (2, 8, True),  # 2 of 10 = 20 %: exactly at the threshold
        (2, 9, False),  # 2 of 11 = 18.2 %: just below
        (2, 7, True),  # 2 of 9 = 22.2 %: just above
    ],
    ids=["1 of 5", "2 of 10", "2 of 11", "2 of 9"],
)
def test_a_vet_ej_share_exactly_at_the_threshold_is_high(dont_know, valid, high):
    """x1 scores 0, x2 1 and y1 0.25 (the median: not low); x1 has ``dont_know`` "vet ej" of
    ``dont_know + valid`` answers, under k = 3 (small groups are where 1 of 5 happens). y1's
    priority, 1.5 x 0.75 = 1.125 (weight 2 of the mean 4/3), is above x1's, 0.75 x (1 + share)
    <= 0.92, so x1 comes first only by its flag (low score and high vet-ej share). Kills
    ``share >= min_share - 1e-12`` -> ``share > min_share`` (and -> ``>= min_share + 1e-12``) in
    priorities._candidates: a share of exactly 20 % lost its flag and its place first."""
    rows = [[1, 1, 2]] * valid + [["vet ej", 1, 2]] * dont_know  # x2 is reversed: 1 scores 1
    result = mognad.score(pd.DataFrame(rows, columns=GROUP_SIDS), GROUP_MODEL, min_size=3)
    p = mognad.priorities(result, model=GROUP_MODEL, count=3, lang="en")
    x1 = next(x for x in p.ranked if x.id == "x1")
    published_share = round(dont_know / (dont_know + valid), 3)  # figures show 0.1 pp
    assert x1.score == 0 and x1.dont_know_share == published_share
    assert x1.low_score_high_dont_know is high
    assert any(r.startswith("high don't-know share") for r in x1.reasons) is high
    assert [x.id for x in p.ranked] == (["x1", "y1", "x2"] if high else ["y1", "x1", "x2"])


@pytest.mark.parametrize(("share", "high"), [(0.25, True), (0.2, False), (1 / 3, True)])
def test_a_models_own_vet_ej_threshold_is_inclusive_too(share, high):
    """meta.dont_know_priority.min_share 0.25: 1 of 4 exactly, 1 of 5 below, 1 of 3 above."""
    model = scale_model(["a", "b", "c"], {"dont_know_priority": {"min_share": 0.25}})
    valid = round(1 / share) - 1
    rows = [[0, 50, 100]] * valid + [["vet ej", 50, 100]]
    result = mognad.score(pd.DataFrame(rows, columns=["a", "b", "c"]), model, min_size=1)
    a = next(x for x in mognad.priorities(result, model=model).ranked if x.id == "a")
    assert a.dont_know_share == pytest.approx(share) and a.low_score_high_dont_know is high


# ---- the median rule and the model's own threshold -------------------------------------------
@pytest.mark.parametrize(("answer", "low"), [(49.9, True), (50, False), (50.1, False)])
def test_a_score_exactly_at_the_median_is_not_low(answer, low):
    """Statements scoring 0, 0.5, 0.5, 1 and c; c is 0.499, 0.5 or 0.501 and the median stays
    0.5. Low means strictly below the median. Kills ``score < threshold - 1e-12`` -> ``score <=
    threshold`` (or ``< threshold + 1e-12``) in priorities._candidates."""
    ids = ["a", "m1", "m2", "e", "c"]
    model = scale_model(ids)
    frame = pd.DataFrame([[0, 50, 50, 100, answer]], columns=ids)
    result = mognad.score(frame, model, min_size=1)
    p = mognad.priorities(result, model=model, lang="en")
    assert p.median_score == 0.5 and p.threshold == 0.5
    low_ids = {x.id for x in p.ranked if x.reasons[0].startswith("low score")}
    assert low_ids == ({"a", "c"} if low else {"a"})  # m1 and m2 sit at the median: not low


@pytest.mark.parametrize(("answer", "low"), [(59.9, True), (60, False), (60.1, False)])
def test_a_score_exactly_at_the_models_score_below_is_not_low(answer, low):
    """meta.dont_know_priority.score_below 0.6: c scores 0.599, 0.6 or 0.601; every statement
    has one "vet ej" of two answers, so low score alone decides the flag."""
    ids = ["a", "c", "e"]
    model = scale_model(ids, {"dont_know_priority": {"score_below": 0.6}})
    frame = pd.DataFrame([[10, answer, 90], ["vet ej"] * 3], columns=ids)
    p = mognad.priorities(mognad.score(frame, model, min_size=1), model=model, count=3)
    assert p.threshold == 0.6
    flagged = {x.id for x in p.ranked if x.low_score_high_dont_know}
    assert flagged == ({"a", "c"} if low else {"a"})


# ---- level bounds ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("answer", "level"),
    [
        (49.9, "Låg"),
        (50, "Mellan"),  # exactly at Mellan's lower bound: Mellan
        (50.1, "Mellan"),
        (79.9, "Mellan"),
        (80, "Hög"),  # exactly at Hög's lower bound
        (80.1, "Hög"),
        (0, "Låg"),  # the lowest bound, 0, is reached by the lowest score
    ],
)
def test_a_score_exactly_at_a_levels_lower_bound_reaches_it(answer, level):
    """Kills ``lower_bound <= score + 1e-12`` -> ``lower_bound <= score - 1e-12`` (or the bound
    made exclusive without the tolerance) in MaturityModel.level_for."""
    model = scale_model(["s"])
    result = mognad.score(pd.DataFrame({"s": [answer]}), model, min_size=1)
    assert result.overall == pytest.approx(answer / 100)
    assert result.level == level and result.dimensions["S"].level == level
    assert model.level_for(answer / 100).name == level


def test_level_bounds_of_the_tiny_model_without_scoring(tiny_model):
    for bound, below, at in [(0.5, "Låg", "Mellan"), (0.8, "Mellan", "Hög")]:
        assert tiny_model.level_for(bound - 1e-9).name == below
        assert tiny_model.level_for(bound).name == at
        assert tiny_model.level_for(bound + 1e-9).name == at
    # a score that arithmetic puts a hair under a bound is at the bound: 3.2 / 4 and 0.8
    assert tiny_model.level_for((4.2 - 1) / 4).name == "Hög"


# ---- the header row of a target range --------------------------------------------------------
@pytest.fixture
def _fresh_excel(tmp_path, monkeypatch):
    udfs.clear_cache()
    monkeypatch.chdir(tmp_path)  # no mognad.toml of the project folder
    yield
    udfs.clear_cache()


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["A", 0.7], ["B", 0.5]], {"A": 0.7, "B": 0.5}),  # no header: the first row is a target
        ([["A", "Hög"], ["B", 0.5]], {"A": 0.8, "B": 0.5}),  # a level name is a target too
        ([["A", "70 %"], ["B", 0.5]], {"A": 0.7, "B": 0.5}),  # and a percentage as text
        ([["dimension", "mål"], ["A", 0.7], ["B", 0.5]], {"A": 0.7, "B": 0.5}),  # a header
    ],
    ids=["number", "level name", "percentage text", "header"],
)
def test_the_first_row_of_a_target_range_is_a_header_only_when_its_target_is_no_value(
    tiny_model, rows, expected, opt_out, _fresh_excel
):
    """In Python, in a target file and in MOGNAD_GAP and MOGNAD_PRIORITIES. Kills the first row
    always dropped as a header (``if i == 0: continue`` in targets.profile_from_rows, or
    ``rows[1:]`` in udfs._target)."""
    assert parse_target(profile_from_rows(rows, tiny_model), tiny_model).dimensions == expected
    path = "mal.csv"
    lines = [";".join(str(v).replace(".", ",") for v in row) for row in rows]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    assert parse_target(path, tiny_model).dimensions == expected
    responses = as_excel(TINY_ROWS)
    gap = udfs.MOGNAD_GAP(responses, str(TINY), rows)
    targets = {r[0]: r[4] for r in gap[1:-1]}  # after the header, before the notice line
    assert {d: targets[d] for d in expected} == pytest.approx(expected)
    prio = udfs.MOGNAD_PRIORITIES(responses, str(TINY), 2.0, rows, "dimension")
    gaps = {r[1]: r[5] for r in prio[1:-1]}
    assert all(gaps[d] != "" for d in expected), prio  # every dimension has its target
