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
    stmt = (answers.mean() - 1) / 5  # DiMiOS's scale 1-6
    cats = {
        f"{dim}_{cat}": stmt[[f"{dim[0]}{i}{j}" for j in range(1, 6)]].mean()
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


# ---- what mutation testing found (docs/quality.md, analysis/gap.py) --------------------------
#: the tiny model with three more benchmarks: an overall figure only, no figures, one dimension
MORE_BENCHMARKS = """\
  - {name: total, label: Totalsnitt, label_en: Total average, overall: 0.48}
  - {name: tom, label: Tom, label_en: Empty}
  - {name: alfa, label: Alfasnitt, label_en: Alpha average, dimensions: {A: 0.7}}
"""


def tiny_variant(
    tmp_path: Path, extra: str = MORE_BENCHMARKS, old: str = ""
) -> mognad.MaturityModel:
    """The tiny model's file with ``extra`` appended (or put in place of ``old``)."""
    from conftest import TINY

    text = TINY.read_text(encoding="utf-8")
    text = text.replace(old, extra) if old else text + extra
    path = tmp_path / "tiny_variant.yaml"
    path.write_text(text, encoding="utf-8")
    return mognad.load_model_file(path)


@pytest.mark.parametrize(
    ("benchmark", "note"),
    [
        (
            "total",
            "Total average publishes only an overall figure (48 %); parts have no benchmark of "
            "their own. Give the figure as a number to compare every part with it.",
        ),
        ("tom", "Empty has no figures."),
        ("alfa", "No target for: B, B1, b3, b1, b2."),
    ],
)
def test_the_note_says_what_a_benchmark_publishes(tmp_path, tiny_frame, benchmark, note):
    """One note, exactly: an overall figure only (no "No target for" besides it), no figures,
    or the parts a benchmark of some dimensions leaves without a target; the result's notes
    first. Kills in gap the notes' conditions (``or`` for ``and``, ``!=``, the kind misspelt,
    ``not`` dropped), their texts' keys, language, label and figure, the ids joined wrongly,
    and the result's notes left out (``finish`` without ``result.notes``)."""
    model = tiny_variant(tmp_path)
    result = mognad.score(tiny_frame, model, min_size=1, lang="en")
    g = mognad.gap(result, benchmark, model=model, level="all", lang="en")
    assert g.notes == [*result.notes, note]
    expected = {"total": 0.48, "tom": None, "alfa": None}[benchmark]
    assert g.overall.target == expected and g.overall.target_from is None


def test_a_number_target_adds_no_note_and_rows_name_their_parent(tiny_model, tiny_frame):
    """A number is a target for every part: no note, no overall target "from the dimensions";
    each row names its parent; the overall row is called "Overall" in English. Kills the
    parents dropped (in _row and in gap), ``derived = True`` to start, ``part.overall`` in
    Swedish, and the benchmark note or "No target for: " made for a number (``or``)."""
    result = mognad.score(tiny_frame, tiny_model, min_size=1, lang="en")
    g = mognad.gap(result, 0.6, model=tiny_model, level="all", lang="en")
    assert g.notes == result.notes
    assert {r.id: r.parent for r in g.rows} == {
        "A": None,
        "B": None,
        "B1": "B",
        "a1": "A",
        "a2": "A",
        "b1": "B1",
        "b2": "B1",
        "b3": "B",
    }
    assert (g.overall.label, g.overall.target, g.overall.target_from) == ("Overall", 0.6, None)
    assert {r.id: r.label for r in g.rows if r.id in ("A", "a1")} == {
        "A": "Alpha",
        "a1": "We have a plan.",
    }
    assert mognad.gap(result, 0.6, model=tiny_model).overall.label == "Totalt"


def test_a_profile_is_shown_by_its_values_and_its_name(tmp_path, tiny_model, tiny_result):
    """Kills the values joined wrongly and a named profile shown without its name."""
    g = mognad.gap(tiny_result, "A=80%,B=50%", model=tiny_model)
    assert g.target_label == "A 80 %, B 50 %"
    profile = tmp_path / "mal.yaml"
    profile.write_text(
        "model: tiny\nname: mal\nlabel: Mål 2027\nlabel_en: Goal 2027\n"
        "dimensions:\n  A: 0.8\n  B: 50 %\n",
        encoding="utf-8",
    )
    named = mognad.gap(tiny_result, str(profile), model=tiny_model, lang="en")
    assert named.target_label == "Goal 2027 (A 80 %, B 50 %)"


def test_no_target_and_no_default_benchmark_names_the_benchmarks(tmp_path, tiny_result):
    """Without a target, a model whose benchmarks are all targets (meta.target_benchmarks) has
    no default: the message names them; a model without benchmarks says it has none. Kills
    the names dropped, joined wrongly, or ``and`` for ``or`` in gap."""
    targets = tiny_variant(
        tmp_path, MORE_BENCHMARKS + "meta:\n  target_benchmarks: [national, total, tom, alfa]\n"
    )
    with pytest.raises(mognad.MognadError) as err:
        mognad.gap(tiny_result, None, model=targets)
    assert err.value.text("en") == (
        "gap needs a target: a number (0.6 or 60%), a benchmark name (national, total, tom, "
        "alfa), a level name or a per-dimension profile."
    )
    bare = targets.model_copy(update={"benchmarks": []})
    with pytest.raises(mognad.MognadError) as err:
        mognad.gap(tiny_result, "", model=bare)
    assert err.value.text("en") == (
        "gap needs a target: a number (0.6 or 60%), a benchmark name (none in this model), a "
        "level name or a per-dimension profile."
    )


def test_a_model_with_more_parts_than_the_result(tmp_path, tiny_result):
    """A later version of the model with a dimension C and its statement c1: rows without a
    score, last, not an AttributeError. Kills ``None if s is None`` and ``None if d is None``
    made never true in gap."""
    later = tiny_variant(
        tmp_path,
        "  - id: C\n    label: Gamma\n    statements:\n      - {id: c1, text: Ny fråga.}\nlevels:",
        old="levels:",
    )
    g = mognad.gap(tiny_result, 0.5, model=later, level="all")
    assert [(r.id, r.score, r.gap) for r in g.rows[-3:]] == [
        ("C", None, None),
        ("b3", None, None),
        ("c1", None, None),
    ]


def test_the_frame_leaves_the_overall_row_out_unless_asked_and_may_be_empty(
    tiny_model, tiny_result
):
    """Kills ``include_overall=True`` as the default (or always), and the empty frame made
    without its columns or with its index named otherwise (a model without categories)."""
    g = mognad.gap(tiny_result, 0.6, model=tiny_model)
    assert list(g.frame().index) == ["B", "A"]
    flat = mognad.model_from_dict(
        {
            "name": "platt",
            "title": "Platt",
            "scale": {"min": 1, "max": 5},
            "dimensions": [{"id": "X", "label": "X", "statements": [{"id": "x", "text": "x"}]}],
            "levels": [{"name": "Låg", "lower_bound": 0}],
        }
    )
    result = mognad.score(pd.DataFrame({"x": [3, 4]}), flat, min_size=1)
    empty = mognad.gap(result, 0.5, model=flat, level="category").frame()
    assert empty.empty and empty.index.name == "id"
    assert list(empty.columns) == [f for f in mognad.analysis.GapRow.model_fields if f != "id"]


def test_an_old_result_without_a_policy_record_is_checked_in_the_callers_language(
    tiny_model, tiny_result, monkeypatch
):
    """Kills ``policy_of(result, None)`` and ``policy_of(result)`` in gap (as in priorities)."""
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "2")
    old = tiny_result.model_copy(update={"disclosure": None})
    with pytest.raises(mognad.disclosure.DisclosureError) as err:
        mognad.gap(old, 0.5, model=tiny_model, lang="en")
    assert str(err.value).startswith("The minimum group size '2' (from MOGNAD_MIN_SIZE)")


def test_lang_in_any_case_gives_the_models_english_labels():
    """lang="EN" was checked and thrown away: mognad's texts in English, the model's in Swedish."""
    result = mognad.score(DIMIOS_2025, "dimios")
    english = mognad.gap(result, 0.6, lang="en").frame()
    assert mognad.gap(result, 0.6, lang=" EN ").frame().equals(english)
