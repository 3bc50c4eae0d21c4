"""Properties of scoring that must hold for any responses (hypothesis)."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import TINY
from hypothesis import given, settings
from hypothesis import strategies as st

import mognad_core as mognad

MODEL = mognad.load_model_file(TINY)
IDS = MODEL.statement_ids
cell = st.one_of(st.integers(1, 5), st.sampled_from(["vet ej", "Vet inte", "DON'T KNOW", None]))
tables = st.lists(st.lists(cell, min_size=len(IDS), max_size=len(IDS)), min_size=1, max_size=25)


def score(rows):
    return mognad.score(
        pd.DataFrame(rows, columns=IDS, dtype=object), MODEL, insights=False, min_size=1
    )


def all_scores(result):
    values = [result.overall] + [d.score for d in result.dimensions.values()]
    values += [s.score for s in result.statements.values()]
    values += [s.ci_low for s in result.statements.values()]
    values += [s.ci_high for s in result.statements.values()]
    return [v for v in values if v is not None]


@settings(max_examples=150, deadline=None)
@given(tables)
def test_every_score_is_between_0_and_1(rows):
    assert all(0.0 <= v <= 1.0 for v in all_scores(score(rows)))


@settings(max_examples=100, deadline=None)
@given(tables, st.randoms(use_true_random=False))
def test_row_order_does_not_matter(rows, rnd):
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    a, b = score(rows), score(shuffled)
    if a.overall is None:
        assert b.overall is None
    else:
        assert a.overall == pytest.approx(b.overall)
    for sid in IDS:
        sa, sb = a.statements[sid], b.statements[sid]
        assert (sa.n, sa.dont_know, sa.missing) == (sb.n, sb.dont_know, sb.missing)
        if sa.score is None:
            assert sb.score is None
        else:
            assert sa.score == pytest.approx(sb.score)


@settings(max_examples=150, deadline=None)
@given(tables, st.data())
def test_raising_one_answer_never_lowers_its_statement_score(rows, data):
    numeric = [
        (i, j) for i, r in enumerate(rows) for j, v in enumerate(r) if isinstance(v, int) and v < 5
    ]
    if not numeric:
        return
    i, j = data.draw(st.sampled_from(numeric))
    raised = [list(r) for r in rows]
    raised[i][j] = data.draw(st.integers(rows[i][j] + 1, 5))
    sid = IDS[j]
    before, after = score(rows).statements[sid].score, score(raised).statements[sid].score
    if MODEL.statement(sid).reverse:  # agreeing more with a reversed statement is LESS mature
        assert after <= before + 1e-12
    else:
        assert after >= before - 1e-12


@settings(max_examples=150, deadline=None)
@given(tables, st.integers(1, 5), st.sampled_from(["vet ej", "VET INTE", "dont know"]))
def test_adding_dont_know_changes_share_not_score(rows, extra, token):
    more = [list(r) for r in rows] + [[token] * len(IDS) for _ in range(extra)]
    a, b = score(rows), score(more)
    for sid in IDS:
        sa, sb = a.statements[sid], b.statements[sid]
        assert sb.dont_know == sa.dont_know + extra
        old_share = sa.dont_know_share or 0.0
        if old_share < 1.0:
            assert sb.dont_know_share > old_share
        else:  # every answer was already "vet ej"
            assert sb.dont_know_share == 1.0
        assert (sa.score is None and sb.score is None) or sa.score == pytest.approx(sb.score)
    assert (a.overall is None and b.overall is None) or a.overall == pytest.approx(b.overall)
