"""Properties of scoring that must hold for any responses (hypothesis)."""

from __future__ import annotations

import copy

import pandas as pd
import pytest
from conftest import TINY
from hypothesis import given, settings
from hypothesis import strategies as st

import mognad_core as mognad

MODEL = mognad.load_model_file(TINY)
IDS = MODEL.statement_ids
cell = st.one_of(st.integers(1, 5), st.sampled_from(["vet ej", "Vet inte", "DON'T KNOW", None]))
# a table with at least one answer (a number or vet ej): one without any has no respondents and
# is refused by design (tests/test_disclosure.py), not scored
tables = st.lists(
    st.lists(cell, min_size=len(IDS), max_size=len(IDS)), min_size=1, max_size=25
).filter(lambda rows: any(c is not None for row in rows for c in row))


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


# ---- models with random scales, reversed statements and unequal weights ------------------------
# Scales start anywhere from -3 to 3 and are 1 to 10 steps wide (a 1-5 scale hides a reversal
# written max + 1 - x); weights are unequal; answers are numbers, "vet ej" or blank. Every
# property is checked against the plain reference below, written from docs/scoring.md.
DONT_KNOW = "vet ej"
weights = st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.0])


@st.composite
def specs(draw):
    """A model as plain data: scale, dimensions (some with a category), statements with random
    weights and reversal, and levels with random lower bounds."""
    lo = draw(st.integers(-3, 3))
    hi = lo + draw(st.integers(1, 10))
    ids = iter(f"s{i}" for i in range(100))

    def statements(low: int, high: int) -> list[dict]:
        return [
            {
                "id": next(ids),
                "text": "Påstående.",
                "weight": draw(weights),
                "reverse": draw(st.booleans()),
            }
            for _ in range(draw(st.integers(low, high)))
        ]

    dimensions = []
    for d in range(draw(st.integers(1, 3))):
        category = draw(st.booleans())
        dim = {"id": f"d{d}", "label": f"D{d}", "weight": draw(weights)}
        dim["statements"] = statements(0 if category else 1, 3)
        if category:
            dim["categories"] = [
                {
                    "id": f"d{d}c",
                    "label": f"D{d}c",
                    "weight": draw(weights),
                    "statements": statements(1, 2),
                }
            ]
        dimensions.append(dim)
    bounds = sorted(draw(st.sets(st.floats(0.05, 0.95), min_size=0, max_size=2)))
    levels = [{"name": f"L{i}", "lower_bound": b} for i, b in enumerate([0.0, *bounds])]
    return {"name": "slump", "title": "Slump", "scale": {"min": lo, "max": hi},
            "dimensions": dimensions, "levels": levels}  # fmt: skip


def spec_statements(spec: dict) -> list[dict]:
    """The statements in the order of the model: each dimension's own, then its categories'."""
    out = []
    for dim in spec["dimensions"]:
        out += dim["statements"]
        for cat in dim.get("categories", []):
            out += cat["statements"]
    return out


@st.composite
def surveys(draw):
    """A model spec and 1-12 respondents' answers (a row with no answer at all is no
    respondent, so every row has one)."""
    spec = draw(specs())
    lo, hi = spec["scale"]["min"], spec["scale"]["max"]
    k = len(spec_statements(spec))
    answer = st.one_of(st.integers(lo, hi), st.sampled_from([DONT_KNOW, None]))
    row = st.lists(answer, min_size=k, max_size=k).filter(lambda r: any(v is not None for v in r))
    return spec, draw(st.lists(row, min_size=1, max_size=12))


def score_spec(spec: dict, rows: list[list]):
    model = mognad.model_from_dict(spec)
    frame = pd.DataFrame(rows, columns=model.statement_ids, dtype=object)
    return mognad.score(frame, model, insights=False, min_size=1)


def weighted(pairs):
    """Weighted mean of (score, weight) pairs, those without a score left out; None if none."""
    pairs = [(s, w) for s, w in pairs if s is not None]
    return sum(s * w for s, w in pairs) / sum(w for _, w in pairs) if pairs else None


def reference(spec: dict, rows: list[list]) -> dict:
    """Every figure of docs/scoring.md, with plain loops: statement and node scores, counts and
    vet-ej shares, the overall score and its level."""
    lo, hi = spec["scale"]["min"], spec["scale"]["max"]
    out: dict = {}
    for j, s in enumerate(spec_statements(spec)):
        cells = [r[j] for r in rows]
        valid = [hi + lo - v if s["reverse"] else v for v in cells if isinstance(v, int)]
        dk = cells.count(DONT_KNOW)
        mean = sum(valid) / len(valid) if valid else None
        out[s["id"]] = {
            "n": len(valid),
            "dk": dk,
            "missing": len(rows) - len(valid) - dk,
            "mean": mean,
            "score": None if mean is None else (mean - lo) / (hi - lo),
            "share": dk / (len(valid) + dk) if valid or dk else None,
        }

    def node(dim: dict) -> float | None:
        parts = [(out[s["id"]]["score"], s["weight"]) for s in dim["statements"]]
        parts += [(node(c), c["weight"]) for c in dim.get("categories", [])]
        below = [out[s["id"]] for s in spec_statements({"dimensions": [dim]})]
        answers, dk = sum(b["n"] for b in below), sum(b["dk"] for b in below)
        out[dim["id"]] = {
            "score": weighted(parts),
            "share": dk / (answers + dk) if answers + dk else None,
        }
        return out[dim["id"]]["score"]

    overall = weighted([(node(d), d["weight"]) for d in spec["dimensions"]])
    reached = [
        lv["name"] for lv in spec["levels"] if overall is not None and lv["lower_bound"] <= overall
    ]
    out["overall"] = {"score": overall, "level": reached[-1] if reached else None}
    return out


def same(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-9)


def nodes(result) -> dict:
    """Every score of a result by id ("overall" for the overall score)."""
    scores = {sid: s.score for sid, s in result.statements.items()}
    scores.update({did: d.score for did, d in result.dimensions.items()})
    return {**scores, "overall": result.overall}


@settings(max_examples=80, deadline=None)
@given(surveys())
def test_scores_of_random_models_match_the_plain_reference(survey):
    spec, rows = survey
    result, ref = score_spec(spec, rows), reference(spec, rows)
    for sid, st_ in result.statements.items():
        r = ref[sid]
        assert (st_.n, st_.dont_know, st_.missing) == (r["n"], r["dk"], r["missing"])
        assert same(st_.mean, r["mean"]) and same(st_.score, r["score"])
        assert same(st_.dont_know_share, r["share"])
    for did, d in result.dimensions.items():
        assert same(d.score, ref[did]["score"]) and same(d.dont_know_share, ref[did]["share"])
    assert same(result.overall, ref["overall"]["score"])
    assert result.level == ref["overall"]["level"]
    assert all(0.0 <= v <= 1.0 for v in all_scores(result))


@settings(max_examples=60, deadline=None)
@given(surveys())
def test_each_dimension_is_the_weighted_mean_of_its_parts(survey):
    spec, rows = survey
    result = score_spec(spec, rows)
    scores = nodes(result)
    for dim in spec["dimensions"]:
        for node in [dim, *dim.get("categories", [])]:
            parts = [(scores[s["id"]], s["weight"]) for s in node["statements"]]
            parts += [(scores[c["id"]], c["weight"]) for c in node.get("categories", [])]
            assert same(scores[node["id"]], weighted(parts))
    top = [(scores[d["id"]], d["weight"]) for d in spec["dimensions"]]
    assert same(result.overall, weighted(top))


@settings(max_examples=60, deadline=None)
@given(surveys())
def test_mirrored_answers_give_mirrored_scores_and_reversal_undoes_it(survey):
    """x -> min + max - x turns every score s into 1 - s; flipping every statement's reversal
    as well gives the scores back (a reversed statement is its mirror)."""
    spec, rows = survey
    lo, hi = spec["scale"]["min"], spec["scale"]["max"]
    mirrored = [[lo + hi - v if isinstance(v, int) else v for v in r] for r in rows]
    before, after = nodes(score_spec(spec, rows)), nodes(score_spec(spec, mirrored))
    for key, value in before.items():
        assert same(after[key], None if value is None else 1 - value)
    flipped = copy.deepcopy(spec)
    for s in spec_statements(flipped):
        s["reverse"] = not s["reverse"]
    again = nodes(score_spec(flipped, mirrored))
    assert all(same(again[key], value) for key, value in before.items())


@settings(max_examples=60, deadline=None)
@given(surveys(), st.integers(-5, 5).filter(bool), st.sampled_from([0.5, 2.0, 3.0]))
def test_shifting_the_scale_or_scaling_every_weight_changes_no_score(survey, shift, factor):
    """The same answers on a scale moved by ``shift`` (answers moved with it), and every weight
    multiplied by ``factor``: the same scores, reversed statements included."""
    spec, rows = survey
    before = nodes(score_spec(spec, rows))
    moved = copy.deepcopy(spec)
    moved["scale"] = {"min": spec["scale"]["min"] + shift, "max": spec["scale"]["max"] + shift}
    shifted = [[v + shift if isinstance(v, int) else v for v in r] for r in rows]
    assert all(same(v, before[k]) for k, v in nodes(score_spec(moved, shifted)).items())
    heavier = copy.deepcopy(spec)
    for dim in heavier["dimensions"]:
        for node in [dim, *dim.get("categories", [])]:
            node["weight"] *= factor
        for s in spec_statements({"dimensions": [dim]}):
            s["weight"] *= factor
    assert all(same(v, before[k]) for k, v in nodes(score_spec(heavier, rows)).items())
