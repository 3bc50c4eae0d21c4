"""Initiative portfolio: coverage of weak statements and balance on the three axes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml
from conftest import DIMIOS_2025, INITIATIVES, TINY
from openpyxl import Workbook

import mognad_core as mognad
from mognad_core.readers import read_table

HEADERS = [
    "Initiativ",
    "Status",
    "Påståenden",
    "Effektivitet–innovation",
    "Operativt–strategiskt",
    "Intern–extern nytta",
]
ROWS = [
    ["Plan", "klar", "a1", -2, -1, "intern"],
    ["Nytta", "Pågående", "B1", "mest innovation", 2, "extern"],
    ["Kostnad", "planerad", "b2; Alfa", 0, "strategiskt", None],
]


@pytest.fixture
def tiny_result(tiny_model, tiny_frame):
    # statement scores: a1 0.875, a2 5/6, b1 1/3, b2 0.5, b3 none -> median 2/3: weak b1, b2
    return mognad.score(tiny_frame, tiny_model, min_size=1)


def initiatives(rows=ROWS, headers=HEADERS) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=headers)


def test_coverage_by_hand(tiny_model, tiny_result):
    p = mognad.portfolio(initiatives(), tiny_result, model=tiny_model)
    cov = {c.id: c for c in p.coverage}
    assert [c.id for c in p.coverage if c.weak] == ["b1", "b2"]
    assert cov["b1"].threshold == pytest.approx(2 / 3)
    assert cov["b1"].direct == [] and cov["b1"].via_dimension == ["Nytta"]
    assert cov["b2"].direct == ["Kostnad"] and cov["b2"].via_dimension == ["Nytta"]
    assert cov["a2"].via_dimension == ["Kostnad"] and not cov["a2"].weak
    assert cov["b3"].score is None and not cov["b3"].weak and not cov["b3"].covered
    assert cov["b2"].by_status == {"klar": 0, "pågående": 1, "planerad": 1}
    assert p.uncovered_weak == [] and p.only_indirect_weak == ["b1"]
    assert p.by_part == {"A": 2, "B": 2, "B1": 2}
    assert p.by_status == {"klar": 1, "pågående": 1, "planerad": 1}
    nytta = p.initiatives[1]
    assert nytta.status == "pågående" and nytta.maps_to == ["B1"]
    assert nytta.statements == ["b1", "b2"] and nytta.row == 3
    assert p.initiatives[2].maps_to == ["b2", "A"]  # "Alfa" is dimension A's label
    # without the category-wide initiative b1 has none
    p2 = mognad.portfolio(initiatives([ROWS[0], ROWS[2]]), tiny_result, model=tiny_model)
    assert p2.uncovered_weak == ["b1"]


def test_axes_by_hand(tiny_model, tiny_result):
    p = mognad.portfolio(initiatives(), tiny_result, model=tiny_model)
    axes = {a.axis: a for a in p.axes}
    ei = axes["effektivitet_innovation"]  # -2, +1 (mest innovation), 0
    assert ei.mean == pytest.approx(-1 / 3) and ei.lean == "balanserad"
    assert ei.counts == {-2: 1, -1: 0, 0: 1, 1: 1, 2: 0}
    assert (ei.negative_share, ei.neutral_share, ei.positive_share) == pytest.approx((1 / 3,) * 3)
    os_ = axes["operativt_strategiskt"]  # -1, 2, 2 (strategiskt)
    assert os_.mean == pytest.approx(1.0) and os_.lean == "strategiskt"
    ie = axes["intern_extern"]  # -2 (intern), +2 (extern), blank
    assert (ie.classified, ie.unclassified, ie.mean) == (2, 1, 0.0)
    frame = p.frame("axes")
    assert frame.loc["operativt_strategiskt", "+2"] == 2


def test_weak_by_number_or_target(tiny_model, tiny_result):
    p = mognad.portfolio(initiatives(), tiny_result, model=tiny_model, weak=0.85)
    assert [c.id for c in p.coverage if c.weak] == ["a2", "b1", "b2"]
    assert "85 %" in p.weak_rule  # the target named as texts.pct writes it (was "85%")
    # benchmark: A 0.7, B 0.5 (B1 inherits B): weak b1 only (b2 = 0.5 is not below 0.5)
    p = mognad.portfolio(initiatives(), tiny_result, model=tiny_model, weak="national")
    assert [c.id for c in p.coverage if c.weak] == ["b1"]


def test_frames(tiny_model, tiny_result):
    p = mognad.portfolio(initiatives(), tiny_result, model=tiny_model)
    cov = p.frame()
    assert list(cov.index) == ["a1", "a2", "b3", "b1", "b2"]
    assert cov.loc["b2", "direct"] == "Kostnad" and bool(cov.loc["b1", "covered"])
    ini = p.frame("initiatives")
    assert (
        ini.loc["Kostnad", "maps_to"] == "b2, A"
        and ini.loc["Plan", "effektivitet_innovation"] == -2
    )


def test_english_headers_and_values(tiny_model, tiny_result):
    frame = initiatives(
        [["Plan", "in progress", "a1,a2", "efficiency", "operational", "internal"]],
        ["Name", "Status", "Statements", "Efficiency vs innovation", "Operational/strategic",
         "Internal or external benefit"],
    )  # fmt: skip
    p = mognad.portfolio(frame, tiny_result, model=tiny_model)
    assert p.initiatives[0].status == "pågående"
    assert p.initiatives[0].axes == {
        "effektivitet_innovation": -2,
        "operativt_strategiskt": -2,
        "intern_extern": -2,
    }


def write_xlsx(path: Path, rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Initiativ"
    ws.append(HEADERS)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ["X", "kanske", "a1", 0, 0, 0],
            r'row 2, column B \("Status"\): "kanske" is not a status',
        ),
        (
            ["X", "klar", "a1, z9", 0, 0, 0],
            r'row 2, column C \("Påståenden"\): "z9" is not a statement',
        ),
        (
            ["X", "klar", "a1", 3, 0, 0],
            r"row 2, column D .*: 3 is not a value on the Effektivitet.*Expected a whole number",
        ),
        (
            ["X", "klar", "a1", 0, "ibland", 0],
            r'row 2, column E .*: "ibland" is not a value on the Operativt.*"mest strategiskt"',
        ),
        ([None, "klar", "a1", 0, 0, 0], r"row 2, column A .*has no name"),
        (["X", "klar", None, 0, 0, 0], r"row 2, column C .*not mapped to any statement"),
    ],
)
def test_located_errors(tmp_path, tiny_model, tiny_result, row, message):
    path = write_xlsx(tmp_path / "initiativ.xlsx", [row])
    before = path.read_bytes()
    with pytest.raises(mognad.InputError, match=r'initiativ\.xlsx, sheet "Initiativ", ' + message):
        mognad.portfolio(path, tiny_result, model=tiny_model)
    assert path.read_bytes() == before  # the input is never touched


def test_missing_columns_and_empty_table(tiny_model, tiny_result):
    frame = pd.DataFrame({"Initiativ": ["X"], "Ansvarig": ["Y"]})
    with pytest.raises(mognad.InputError, match=r"no column for status, påståenden"):
        mognad.portfolio(frame, tiny_result, model=tiny_model)
    with pytest.raises(mognad.InputError, match="has no initiatives"):
        mognad.portfolio(initiatives([[None] * 6]), tiny_result, model=tiny_model)


def test_bundled_sample_portfolio():
    path = DIMIOS_2025
    result = mognad.score(path, "dimios", min_size=1)
    p = mognad.portfolio(INITIATIVES, result)
    raw = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    sids = [c for c in raw.columns if c[0] in "fa" and c[1:].isdigit()]
    score = (raw[sids].apply(pd.to_numeric, errors="coerce").mean() - 1) / 5  # scale 1-6
    weak = sorted(s for s in sids if score[s] < score.median())
    assert sorted(c.id for c in p.coverage if c.weak) == weak
    sheet = pd.read_excel(INITIATIVES, engine="openpyxl")
    named = set()
    for cell in sheet["Påståenden"]:
        for token in str(cell).replace(";", ",").split(","):
            token = token.strip()
            named |= {f"a3{j}" for j in range(1, 6)} if token == "arv_tekniskt" else {token}
    assert p.uncovered_weak == [s for s in sids if s in weak and s not in named]
    assert {"f22", "a14", "a22", "a24"} <= set(p.uncovered_weak)
    assert len(p.initiatives) == 16 and p.by_status == {"klar": 6, "pågående": 6, "planerad": 4}
    axes = {a.axis: a for a in p.axes}
    # like Sundsvall's: much efficiency, little innovation
    assert axes["effektivitet_innovation"].mean == pytest.approx(-1.0)
    assert axes["effektivitet_innovation"].lean == "effektivitet"
    assert axes["effektivitet_innovation"].counts == {-2: 8, -1: 3, 0: 2, 1: 3, 2: 0}
    assert axes["intern_extern"].unclassified == 1


# ---- what mutation testing found (docs/quality.md, analysis/portfolio.py) --------------------
def test_the_language_is_read_in_any_case_for_the_models_labels_too(tiny_model, tiny_result):
    def dump(lang):
        return mognad.portfolio(
            initiatives(), tiny_result, model=tiny_model, lang=lang
        ).model_dump()

    english = dump(" EN")
    assert english == dump("en") and dump("SV") == dump("sv") != english


def test_axis_values_written_out(tiny_model, tiny_result):
    rows = [
        ["A", "klar", "a1", "−2", "mest operativt", "mest extern nytta"],  # minus sign
        ["B", "klar", "a1", "–1", "+1", "mest intern nytta"],  # en dash
        ["C", "klar", "a1", "båda", "2,0", "extern nytta"],
        ["D", "klar", "a1", "mest effektivitet", "-1,0", "neutral"],
    ]
    p = mognad.portfolio(initiatives(rows), tiny_result, model=tiny_model)
    got = [list(i.axes.values()) for i in p.initiatives]
    assert got == [[-2, -1, 1], [-1, 1, -1], [0, 2, 2], [-1, -1, 0]]


@pytest.mark.parametrize(
    ("value", "shown"), [(True, "True"), (-3, "-3"), (5, "5"), ("mest", '"mest"'), (1.5, "1.5")]
)
def test_axis_values_off_the_axis_are_refused(tiny_model, tiny_result, value, shown):
    rows = [["X", "klar", "a1", value, 0, 0]]
    frame = initiatives(rows).astype({"Effektivitet–innovation": object})
    with pytest.raises(mognad.InputError) as err:
        mognad.portfolio(frame, tiny_result, model=tiny_model)
    assert str(err.value).startswith(
        f'row 2, column D ("Effektivitet–innovation"): {shown} is not a value on the '
        "Effektivitet–innovation axis. Expected a whole number from -2 (effektivitet) to 2 "
        '(innovation), or "effektivitet", "mest effektivitet", "båda", "mest innovation", '
        '"innovation", or blank'
    )


def test_an_axis_column_is_found_by_both_poles_first_then_by_one(tiny_model, tiny_result):
    headers = ["Namn", "Status", "Påståenden", "Innovationsgrad", "Effektivitet–innovation"]
    p = mognad.portfolio(
        initiatives([["X", "klar", "a1", 2, -2]], headers), tiny_result, model=tiny_model
    )
    assert p.initiatives[0].axes["effektivitet_innovation"] == -2
    # a column named by one pole only is found too; an axis without a column is unclassified
    headers = ["Namn", "Status", "Påståenden", "Extern nytta"]
    p = mognad.portfolio(
        initiatives([["X", "klar", "a1", 1], ["Y", "klar", "a1", None]], headers),
        tiny_result,
        model=tiny_model,
    )
    assert [i.axes for i in p.initiatives] == [
        {"effektivitet_innovation": None, "operativt_strategiskt": None, "intern_extern": 1},
        {"effektivitet_innovation": None, "operativt_strategiskt": None, "intern_extern": None},
    ]
    balance = {a.axis: a for a in p.axes}
    unclassified = balance["effektivitet_innovation"]
    assert (unclassified.classified, unclassified.unclassified) == (0, 2)
    assert unclassified.mean is None and unclassified.lean == ""
    assert unclassified.negative_share is None and unclassified.neutral_share is None
    assert unclassified.positive_share is None
    assert p.notes[-2:] == [
        "Inget initiativ är klassat på Effektivitet–innovation.",
        "Inget initiativ är klassat på Operativt–strategiskt.",
    ]


@pytest.mark.parametrize(
    ("values", "lean"), [([-1, 0], "effektivitet"), ([1, 0], "innovation"), ([1, -1], "balanserad")]
)
def test_an_axis_leans_from_a_mean_of_one_half(tiny_model, tiny_result, values, lean):
    rows = [[f"I{n}", "klar", "a1", v, None, None] for n, v in enumerate(values)]
    p = mognad.portfolio(initiatives(rows), tiny_result, model=tiny_model)
    assert p.axes[0].lean == lean


def test_axis_shares_and_frame(tiny_model, tiny_result):
    rows = [[f"I{n}", "klar", "a1", v, None, None] for n, v in enumerate([1, 1, 0, -2])]
    p = mognad.portfolio(initiatives(rows), tiny_result, model=tiny_model)
    ei = p.axes[0]
    assert (ei.negative_share, ei.neutral_share, ei.positive_share) == (0.25, 0.25, 0.5)
    frame = p.frame("axes")
    assert list(frame.columns) == [
        "label", "negative", "positive", "classified", "unclassified", "mean", "negative_share",
        "neutral_share", "positive_share", "lean", "-2", "-1", "0", "+1", "+2",
    ]  # fmt: skip
    row = frame.loc["effektivitet_innovation"]
    assert [row[k] for k in ("-2", "-1", "0", "+1", "+2")] == [1, 0, 1, 2, 0]
    assert frame.loc["intern_extern", "0"] == 0


def test_axes_and_texts_in_english(tiny_model, tiny_result):
    rows = [["Plan", "klar", "a1", -2, 2, 0]]
    p = mognad.portfolio(initiatives(rows), tiny_result, model=tiny_model, lang="en")
    assert [(a.label, a.negative, a.positive, a.lean) for a in p.axes] == [
        ("Efficiency–innovation", "efficiency", "innovation", "efficiency"),
        ("Operational–strategic", "operational", "strategic", "strategic"),
        ("Internal–external benefit", "internal benefit", "external benefit", "balanced"),
    ]
    assert p.weak_rule == "score below the median statement score (66.7 %)"
    assert {c.id: c.text for c in p.coverage}["a1"] == "We have a plan."
    target = mognad.portfolio(
        initiatives(rows), tiny_result, model=tiny_model, weak="national", lang="en"
    )
    assert target.weak_rule == "score below the target Riket 2021"
    few = mognad.portfolio(
        initiatives([["Plan", "klar", "a1", None, None, None]]), tiny_result, model=tiny_model,
        lang="en",
    )  # fmt: skip
    assert "No initiative is classified on Efficiency–innovation." in few.notes


def test_the_weak_rule_and_coverage_in_full(tiny_model, tiny_result):
    rows = [["Plan", "klar", "a1", 0, 0, 0], ["Mer", "pågående", "a1; B", 0, 0, 0]]
    p = mognad.portfolio(initiatives([*rows, ["Tre", "klar", "B1", 0, 0, 0]]), tiny_result,
                         model=tiny_model)  # fmt: skip
    assert p.frame().loc["b1", "via_dimension"] == "Mer, Tre"
    p = mognad.portfolio(initiatives(rows), tiny_result, model=tiny_model)
    assert p.weak_rule == "värde under medianen för påståendenas värden (66,7 %)"
    cov = {c.id: c for c in p.coverage}
    assert cov["a1"].score == 0.875 and cov["a1"].dimension == "A"
    assert cov["b1"].dimension == "B1" and cov["b1"].text == "Vi mäter nytta."
    frame = p.frame()
    assert frame.loc["a1", "direct"] == "Plan, Mer" and frame.loc["a1", "via_dimension"] == ""
    assert frame.loc["b1", "via_dimension"] == "Mer"
    assert frame.loc["b1", "score"] == pytest.approx(1 / 3)
    assert frame.loc["a1", ["klar", "pågående", "planerad"]].tolist() == [1, 1, 0]
    assert frame.loc["a2", ["klar", "pågående", "planerad"]].tolist() == [0, 0, 0]
    ini = p.frame("initiatives")
    assert ini.loc["Mer", ["status", "statements", "row"]].tolist() == ["pågående", 4, 3]
    with pytest.raises(mognad.MognadError, match=r"^kind 'x' is not one of: coverage, init"):
        p.frame("x")


def test_weak_against_the_next_level_or_a_partial_target(tiny_model, tiny_result):
    # next level: A 0.854 is at the top level (keeps its score), B and B1 0.458 -> 0.5
    p = mognad.portfolio(initiatives(), tiny_result, model=tiny_model, weak="next")
    assert [c.id for c in p.coverage if c.weak] == ["a2", "b1"]
    assert p.weak_rule == "värde under målet nästa nivå"
    # a target for A only: B's statements have no threshold and are not weak
    p = mognad.portfolio(initiatives(), tiny_result, model=tiny_model, weak="A=0.85")
    assert [(c.id, c.threshold, c.weak) for c in p.coverage] == [
        ("a1", 0.85, False), ("a2", 0.85, True), ("b3", None, False), ("b1", None, False),
        ("b2", None, False),
    ]  # fmt: skip


STATEMENT_IDS = ["a1", "a2", "b1", "b2", "b3"]


def test_no_statement_with_a_score_has_no_median(tiny_model, tiny_frame):
    # six respondents, none answering more than one of a1..b2: every statement has fewer
    # than five answers and is hidden under the default policy
    rows = [["förvaltning", *STATEMENT_IDS]]
    for n in range(6):
        rows.append(["X"] + [3 if j == n % 5 else None for j in range(5)])
    frame = pd.DataFrame(rows[1:], columns=rows[0])
    result = mognad.score(frame, tiny_model)
    assert all(s.score is None for s in result.statements.values())
    p = mognad.portfolio(initiatives(), result, model=tiny_model)
    assert p.weak_rule == "inget påstående har ett värde"
    assert not any(c.weak for c in p.coverage)
    assert all(c.threshold is None for c in p.coverage)
    english = mognad.portfolio(initiatives(), result, model=tiny_model, lang="en")
    assert english.weak_rule == "no statement has a score"


def test_repeated_names_are_noted_once(tiny_model, tiny_result):
    rows = [[n, "klar", "a1", 0, 0, 0] for n in ("Plan", "Nytta", "Plan", "Kostnad", "Nytta")]
    p = mognad.portfolio(initiatives(rows), tiny_result, model=tiny_model)
    assert "Initiativ som finns med mer än en gång: Nytta, Plan." in p.notes
    p = mognad.portfolio(initiatives(rows), tiny_result, model=tiny_model, lang="en")
    assert "Initiatives listed more than once: Nytta, Plan." in p.notes
    p = mognad.portfolio(initiatives(rows[:2]), tiny_result, model=tiny_model)
    assert not [n for n in p.notes if "mer än en gång" in n]
    assert not [n for n in p.notes if "klassat" in n]  # every axis has a classification


def test_the_results_notes_come_first(tiny_model, tiny_result):
    p = mognad.portfolio(initiatives(), tiny_result, model=tiny_model)
    assert p.notes[: len(tiny_result.notes)] == tiny_result.notes


def test_a_model_with_a_statement_the_result_lacks(tmp_path, tiny_model, tiny_result):
    spec = yaml.safe_load(TINY.read_text(encoding="utf-8"))
    spec["dimensions"][0]["statements"].append({"id": "a9", "text": "Ny fråga."})
    path = tmp_path / "tiny_plus.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    p = mognad.portfolio(initiatives(), tiny_result, model=path)
    a9 = {c.id: c for c in p.coverage}["a9"]
    assert a9.score is None and not a9.weak


def test_ids_aliases_labels_and_names_in_any_case(tiny_model, tiny_result):
    rows = [["X", "klar", "A1; fråga 3; beta ett; ALPHA", 0, 0, 0]]
    p = mognad.portfolio(initiatives(rows), tiny_result, model=tiny_model)
    assert p.initiatives[0].maps_to == ["a1", "b1", "B1", "A"]


def test_columns_found_by_the_start_of_their_header_exact_names_first(tiny_model, tiny_result):
    headers = ["Namn på initiativet", "Statuskommentar", "Status", "Påståenden (id)"]
    rows = [["X", "går bra", "klar", "a1"]]
    p = mognad.portfolio(initiatives(rows, headers), tiny_result, model=tiny_model)
    assert (p.initiatives[0].name, p.initiatives[0].status) == ("X", "klar")


def test_a_blank_row_between_initiatives_is_skipped(tiny_model, tiny_result):
    rows = [ROWS[0], [None] * 6, ROWS[1]]
    p = mognad.portfolio(initiatives(rows), tiny_result, model=tiny_model)
    assert [(i.name, i.row) for i in p.initiatives] == [("Plan", 2), ("Nytta", 4)]


def test_messages_in_full(tiny_model, tiny_result):
    def message(rows, headers=("Initiativ", "Status", "Påståenden")):
        with pytest.raises(mognad.MognadError) as err:
            mognad.portfolio(initiatives(rows, list(headers)), tiny_result, model=tiny_model)
        return str(err.value)

    assert message([["X", None, "a1"]]) == (
        'row 2, column B ("Status"): no status. Expected klar, pågående or planerad.'
    )
    assert message([["X", "klar", "zz"]]) == (
        'row 2, column C ("Påståenden"): "zz" is not a statement or dimension of model "tiny". '
        "Expected ids such as a1, a2, b3 or A, B, separated by commas."
    )
    assert message([["X", "klar", None]]) == (
        'row 2, column C ("Påståenden"): this initiative is not mapped to any statement or '
        "dimension. Expected statement or dimension ids, e.g. a1, a2."
    )
    assert message([[None, "klar", "a1"]]) == (
        'row 2, column A ("Initiativ"): this initiative has no name. Expected a name.'
    )
    expected = (
        " Expected columns namn, status, påståenden and the three axes effektivitet–innovation,"
        " operativt–strategiskt, intern–extern nytta."
    )
    assert message([["X", "Y"]], ("Initiativ", "Ansvarig")) == (
        "row 1: the initiative table has no column for status, påståenden (statements) "
        "(headers found: Initiativ, Ansvarig)." + expected
    )
    assert message([], ()) == (
        "row 1: the initiative table has no column for namn (name), status, påståenden "
        "(statements) (headers found: none)." + expected
    )
    assert message([[None, None, None]]) == (
        "row 1: the initiative table has no initiatives. Expected one row per initiative."
    )
    with pytest.raises(mognad.MognadError) as err:
        mognad.portfolio(42, tiny_result, model=tiny_model)
    assert str(err.value) == "Expected initiatives as a DataFrame or a file path, got int."


def test_a_file_is_named_in_its_messages_and_in_the_result(tmp_path, tiny_model, tiny_result):
    path = write_xlsx(tmp_path / "initiativ.xlsx", ROWS)
    p = mognad.portfolio(read_table(path), tiny_result, model=tiny_model)  # a table as read
    assert p.source == str(path) and [i.name for i in p.initiatives] == ["Plan", "Nytta", "Kostnad"]
    assert mognad.portfolio(path, tiny_result, model=tiny_model).source == str(path)
    empty = write_xlsx(tmp_path / "tom.xlsx", [])
    with pytest.raises(mognad.InputError) as err:
        mognad.portfolio(empty, tiny_result, model=tiny_model)
    assert str(err.value).startswith(
        'tom.xlsx, sheet "Initiativ", row 1: the initiative table has no initiatives.'
    )
    assert err.value.location.file == str(empty)


def test_a_scored_result_is_needed(tiny_model, tiny_frame):
    with pytest.raises(mognad.MognadError) as err:
        mognad.portfolio(initiatives(), tiny_frame, model=tiny_model)
    assert str(err.value) == (
        "portfolio() takes a scored result, not a DataFrame: "
        "mognad.portfolio(mognad.score(responses), ...)."
    )


# ---- what mutation testing found: the survivors that were not equivalent -------------------
def test_a_plus_sign_anywhere_in_an_axis_value_is_left_out(tiny_model, tiny_result):
    """Kills `_axis_value` 33 (``"+"`` no longer removed): ``float()`` reads a leading ``+``
    itself, but not one after the digits or apart from them ("2+", "+ 1")."""
    rows = [["A", "klar", "a1", "2+", "+ 1", "+2"], ["B", "klar", "a1", "-1", "1+", "0"]]
    p = mognad.portfolio(initiatives(rows), tiny_result, model=tiny_model)
    assert [list(i.axes.values()) for i in p.initiatives] == [[2, 1, 2], [-1, 1, 0]]
