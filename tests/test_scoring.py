"""Scoring semantics against values computed by hand: the tiny model (tests/data/tiny.yaml), its
four respondents and their expected values are in conftest.py (TINY_ROWS, TINY_SCORES, ...,
worked out in its docstring). a1's sd: answers 5 and 4, sqrt(0.5).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from conftest import TINY_DONT_KNOW_SHARES, TINY_MEANS, TINY_SCORES
from scipy import stats

import mognad_core as mognad


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
    rng = np.random.default_rng(3)
    values = rng.integers(1, 6, (1000, 5)).astype(float)
    values[rng.random(values.shape) < 0.1] = np.nan
    frame = pd.DataFrame(values, columns=tiny_model.statement_ids)
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
