"""Gap analysis against hand-computed values (tiny model, see conftest.py) and the
bundled DiMiOS sample (scores recomputed here straight from the CSV with pandas)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import DIMIOS_2025, TINY_SCORES

import mognad_core as mognad

A, B1, OVERALL = TINY_SCORES["A"], TINY_SCORES["B1"], TINY_SCORES["overall"]


@pytest.fixture
def tiny_result(tiny_model, tiny_frame):
    return mognad.score(tiny_frame, tiny_model, min_size=1)


def test_number_target_sorted_by_shortfall(tiny_model, tiny_result):
    g = mognad.gap(tiny_result, 0.6, model=tiny_model)
    assert [r.id for r in g.rows] == ["B", "A"]  # B is below 60 %, A above
    b, a = g.rows
    assert b.score == pytest.approx(B1) and b.target == 0.6
    assert b.gap == pytest.approx(B1 - 0.6) and b.met is False
    assert a.gap == pytest.approx(A - 0.6) and a.met is True
    assert g.overall.gap == pytest.approx(OVERALL - 0.6)
    assert g.target_label == "60 %" and g.target_kind == "number"  # texts.pct (was "60%")
    assert [r.id for r in g.below] == ["B"]


def test_percent_text_and_level_name_targets(tiny_model, tiny_result):
    assert mognad.gap(tiny_result, "60 %", model=tiny_model).rows[0].target == pytest.approx(0.6)
    g = mognad.gap(tiny_result, "Mellan", model=tiny_model)  # level lower bound 0.5
    assert {r.id: r.target for r in g.rows} == {"A": 0.5, "B": 0.5}
    assert g.rows[0].gap == pytest.approx(B1 - 0.5)


def test_benchmark_all_levels_inherit_and_order(tiny_model, tiny_result):
    g = mognad.gap(tiny_result, "national", model=tiny_model, level="all")
    # by hand: b1 1/3-0.5, B and B1 B1-0.5 (tie: model order), b2 0.5-0.5, a2 5/6-0.7,
    # A, a1 0.875-0.7, b3 has no score (last)
    assert [r.id for r in g.rows] == ["b1", "B", "B1", "b2", "a2", "A", "a1", "b3"]
    rows = {r.id: r for r in g.rows}
    assert rows["b1"].gap == pytest.approx(TINY_SCORES["b1"] - 0.5)
    assert rows["B1"].target == 0.5 and rows["B1"].target_from == "B"
    assert rows["a2"].target == 0.7 and rows["a2"].target_from == "A"
    assert rows["b2"].gap == pytest.approx(0.0) and rows["b2"].met is True
    assert rows["A"].target_from is None  # its own benchmark value
    assert rows["b3"].score is None and rows["b3"].gap is None and rows["b3"].met is None
    assert g.overall.target == 0.6 and g.overall.gap == pytest.approx(OVERALL - 0.6)


def test_profile_leaves_other_parts_without_target(tiny_model, tiny_result):
    g = mognad.gap(tiny_result, {"Alfa": "80%"}, model=tiny_model, level="dimension", lang="en")
    assert [r.id for r in g.rows] == ["A", "B"]
    assert g.rows[0].gap == pytest.approx(A - 0.8)
    assert g.rows[1].target is None and g.rows[1].gap is None
    assert any("No target for: B" in n for n in g.notes)
    assert g.overall.target is None and g.target_label == "A 80 %"
    # a target for every top-level dimension gives an overall target: their weighted mean
    full = mognad.gap(tiny_result, "A=80%,B=50%", model=tiny_model)
    assert full.overall.target == pytest.approx((2 * 0.8 + 0.5) / 3)
    assert full.overall.target_from == "dimensions"
    assert full.overall.gap == pytest.approx(OVERALL - 0.7)


def test_category_and_statement_levels(tiny_model, tiny_result):
    cats = mognad.gap(tiny_result, 0.5, model=tiny_model, level="category")
    assert [r.id for r in cats.rows] == ["B1"]
    stm = mognad.gap(tiny_result, 0.5, model=tiny_model, level="statements")
    assert [r.id for r in stm.rows] == ["b1", "b2", "a2", "a1", "b3"]
    assert all(r.target_from is None for r in stm.rows)  # one number for all: nothing inherited


def test_frame(tiny_model, tiny_result):
    frame = mognad.gap(tiny_result, 0.6, model=tiny_model).frame(include_overall=True)
    assert list(frame.index) == ["overall", "B", "A"]
    assert frame.loc["A", "gap"] == pytest.approx(A - 0.6)
    assert {"label", "kind", "score", "target", "gap"} <= set(frame.columns)


def test_errors_are_for_people(tiny_model, tiny_result):
    no_benchmark = tiny_model.model_copy(update={"benchmarks": []})
    with pytest.raises(mognad.MognadError, match="needs a target"):
        mognad.gap(tiny_result, None, model=no_benchmark)
    # with benchmarks, no target means the model's default benchmark (here its only one)
    assert mognad.gap(tiny_result, None, model=tiny_model).target_label == (
        mognad.gap(tiny_result, "national", model=tiny_model).target_label
    )
    with pytest.raises(mognad.MognadError, match='level "engines" is not one of'):
        mognad.gap(tiny_result, 0.5, model=tiny_model, level="engines")
    with pytest.raises(mognad.ModelError, match="not installed; pass model="):
        mognad.gap(tiny_result, 0.5)  # the tiny model is not a registered plugin model
    with pytest.raises(mognad.ModelError, match="not a number, a benchmark"):
        mognad.gap(tiny_result, "riket", model=tiny_model)


def sample_scores(path: Path) -> tuple[pd.Series, dict[str, float]]:
    """Statement and DiMiOS dimension scores computed directly from a sample CSV."""
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    sids = [c for c in frame.columns if c[0] in "fa" and c[1:].isdigit()]
    answers = frame[sids].apply(pd.to_numeric, errors="coerce")
    stmt = (answers.mean() - 1) / 4
    cats = {
        f"{dim}_{cat}": stmt[[f"{dim[0]}{i}{j}" for j in range(1, 5)]].mean()
        for dim, names in (
            ("formaga", ("effektivitet", "innovation", "balansering")),
            ("arv", ("strategiskt", "organisatoriskt", "tekniskt")),
        )
        for i, cat in enumerate(names, start=1)
    }
    dims = {
        "formaga": np.mean([v for k, v in cats.items() if k.startswith("formaga")]),
        "arv": np.mean([v for k, v in cats.items() if k.startswith("arv")]),
    }
    return stmt, {**cats, **dims}


def test_bundled_sample_against_national_average_and_number():
    stmt, dims = sample_scores(DIMIOS_2025)
    result = mognad.score(DIMIOS_2025, "dimios", min_size=1)
    g = mognad.gap(result, 0.55, level="all")
    rows = {r.id: r for r in g.rows}
    for key, value in dims.items():
        assert rows[key].gap == pytest.approx(value - 0.55)
    for sid, value in stmt.items():
        assert rows[sid].gap == pytest.approx(value - 0.55)
    gaps = [r.gap for r in g.rows]
    assert gaps == sorted(gaps)
    assert g.rows[0].id == stmt.idxmin() == "f22"
    # the national average (SKR 2021, 48 %) is an overall figure only
    nat = mognad.gap(result, "national_2021")
    assert nat.overall.target == 0.48
    overall = (dims["formaga"] + dims["arv"]) / 2
    assert nat.overall.gap == pytest.approx(overall - 0.48)
    assert all(r.target is None for r in nat.rows)
    english = mognad.gap(result, "national_2021", lang="en")  # notes in the result's language
    assert any("only an overall figure" in n for n in english.notes)
    assert any("publicerar bara ett totalvärde" in n for n in nat.notes)


def test_next_level_target(tiny_model, tiny_result):
    # levels Låg 0, Mellan 0.5, Hög 0.8: B (0.458) and B1 aim at 0.5; A (0.854) is at the top
    # level already (its own score); overall 0.722 aims at 0.8
    g = mognad.gap(tiny_result, "next", model=tiny_model, level="all")
    rows = {r.id: r for r in g.rows}
    assert rows["B"].target == 0.5 and rows["B1"].target == 0.5
    assert rows["B"].gap == pytest.approx(B1 - 0.5)
    assert rows["A"].gap == pytest.approx(0.0)
    assert rows["a1"].target == pytest.approx(A) and rows["a1"].target_from == "A"
    assert g.overall.target == 0.8 and g.overall.gap == pytest.approx(OVERALL - 0.8)


@pytest.mark.parametrize("function", ["gap", "priorities", "portfolio"])
def test_a_file_where_a_scored_result_belongs_says_what_to_pass(function):
    call = getattr(mognad, function)
    path = str(DIMIOS_2025)
    args = (path, "55%") if function == "gap" else (path,)
    if function == "portfolio":
        args = ("initiativ.xlsx", path)
    with pytest.raises(mognad.MognadError) as err:
        call(*args)
    assert str(err.value) == (
        f"{function}() takes a scored result, not a str: "
        f"mognad.{function}(mognad.score(responses), ...)."
    )
    assert err.value.text("sv").startswith(f"{function}() tar ett räknat resultat")
