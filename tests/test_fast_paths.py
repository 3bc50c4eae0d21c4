"""The fast paths give the same results as the general ones (they exist for the benchmarks in
benchmarks/run.py): a numeric DataFrame is validated as a block, statistics are merged block by
block, and respondents per dimension are counted from bit masks."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import mognad_core as mognad
from mognad_core import scoring
from mognad_core.responses import prepare


def _model(k: int, dims: int, dont_know=("vet ej", "6")) -> mognad.MaturityModel:
    per = k // dims
    return mognad.model_from_dict(
        {
            "name": "fast",
            "title": "Fast",
            "scale": {"min": 1, "max": 5, "dont_know": list(dont_know)},
            "dimensions": [
                {
                    "id": f"d{d}",
                    "label": f"D{d}",
                    "statements": [
                        {"id": f"s{d}_{j}", "text": f"S {d}.{j}", "reverse": j == 0}
                        for j in range(per)
                    ],
                }
                for d in range(dims)
            ],
        }
    )


def _frame(model, n=3000, seed=5) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    k = len(model.statement_ids)
    x = rng.integers(1, 6, size=(n, k)).astype(float)
    x[rng.random((n, k)) < 0.1] = np.nan
    x[rng.random((n, k)) < 0.05] = 6  # the numeric don't-know code
    x[:, 3] = np.nan  # a statement nobody answered
    return pd.DataFrame(x, columns=model.statement_ids)


def test_numeric_block_equals_cell_by_cell():
    model = _model(25, 5)
    frame = _frame(model)
    fast = prepare(frame, model)
    slow = prepare(frame.astype(object), model)  # object columns: the cell-by-cell path
    np.testing.assert_array_equal(fast.values, slow.values)
    np.testing.assert_array_equal(fast.dont_know, slow.dont_know)
    assert fast.dont_know.sum() > 0 and np.isnan(fast.values).sum() > 0


@pytest.mark.parametrize("bad", [7.0, 2.5, np.inf, 0.0])
def test_a_bad_number_gets_the_same_message_on_both_paths(bad):
    model = _model(25, 5)
    frame = _frame(model, n=200)
    frame.iloc[117, 8] = bad
    frame.iloc[150, 20] = bad
    with pytest.raises(mognad.InputError) as fast:
        prepare(frame, model)
    with pytest.raises(mognad.InputError) as slow:
        prepare(frame.astype(object), model)
    assert str(fast.value) == str(slow.value)
    assert "row 119" in str(fast.value) and "1 more cell(s)" in str(fast.value)


def _reference(values: np.ndarray, model) -> dict:
    """Statement statistics the plain way, all rows at once."""
    lo, hi = model.scale.min, model.scale.max
    reverse = np.array([s.reverse for s in model.statements])
    n = (~np.isnan(values)).sum(axis=0)
    with warnings.catch_warnings():  # the unanswered statement: mean of nothing is NaN
        warnings.simplefilter("ignore", RuntimeWarning)
        raw = np.nanmean(values, axis=0)
        sd = np.nanstd(values, axis=0, ddof=1)
    mean = np.where(reverse, lo + hi - raw, raw)
    return {"n": n, "mean": mean, "sd": np.where(n > 1, sd, np.nan)}


@pytest.mark.parametrize("block", [1, 97, 16384])
def test_blockwise_statistics_equal_the_plain_ones(monkeypatch, block):
    model = _model(25, 5)
    rs = prepare(_frame(model), model)
    monkeypatch.setattr(scoring, "BLOCK_ROWS", block)
    arr = scoring.statement_arrays(rs.values, rs.dont_know, model)
    want = _reference(rs.values, model)
    np.testing.assert_array_equal(arr["n"], want["n"])
    np.testing.assert_allclose(arr["mean"], want["mean"], rtol=1e-12)
    np.testing.assert_allclose(arr["sd"], want["sd"], rtol=1e-10)
    assert np.isnan(arr["mean"][3]) and arr["n"][3] == 0


@pytest.mark.parametrize(("k", "dims"), [(25, 5), (70, 7)])  # bits in a uint64, and in bytes
def test_respondents_per_dimension_from_bits(k, dims):
    model = _model(k, dims)
    frame = _frame(model, n=2000, seed=k)
    frame.iloc[:40, : k // dims] = np.nan  # 40 respondents skip the first dimension entirely
    rs = prepare(frame, model)
    result = mognad.score(rs, insights=False)
    for d in model.dimensions:
        cols = [model.statement_ids.index(s.id) for s in model.statements_under(d.id)]
        expected = int((~np.isnan(rs.values[:, cols])).any(axis=1).sum())
        assert result.dimensions[d.id].n == expected
    assert result.dimensions["d0"].n <= 2000 - 40
