"""The t quantile table (mognad_core.t_table) is scipy's stdtrit(df, 0.975), value for value,
and scoring gives the same intervals with it as with scipy."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.special import stdtrit

import mognad_core as mognad
from mognad_core import scoring as mognad_scoring
from mognad_core.t_table import VALUES, t_quantile_975


def test_every_value_is_scipys():
    """Else scipy's t quantile changed: run scripts/make_t_table.py."""
    df = np.arange(1, len(VALUES) + 1)
    assert np.array_equal(np.array(VALUES), stdtrit(df, 0.975))


@pytest.mark.parametrize(
    "df",
    [
        np.array([1, 2, 239, 2000]),
        np.array([2000, 2001, 5]),  # one beyond the table: scipy for all
        np.array([0, 3]),  # not a degree of freedom: scipy's answer (nan)
        np.array([3.0, 7.0]),  # floats: scipy
        np.int64(24),
    ],
)
def test_lookup_or_scipy_gives_scipys_numbers(df):
    assert np.array_equal(t_quantile_975(df), stdtrit(df, 0.975), equal_nan=True)


@pytest.mark.parametrize(("model_name", "respondents"), [("dimios", 240), ("dmm", 37)])
def test_scores_are_the_same_as_with_scipy(monkeypatch, model_name, respondents):
    """A whole result (every figure, intervals included) with the table and with scipy."""
    model = mognad.get_model(model_name)
    frame = mognad.make_responses(model, respondents, seed=3)
    with_table = mognad.score(frame, model=model, min_size=1).model_dump(mode="json")
    monkeypatch.setattr(mognad_scoring, "t_quantile_975", lambda df: stdtrit(df, 0.975))
    with_scipy = mognad.score(frame, model=model, min_size=1).model_dump(mode="json")
    assert with_table == with_scipy
    assert any(s["ci_low"] is not None for s in with_table["statements"].values())
