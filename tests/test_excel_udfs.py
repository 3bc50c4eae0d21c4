"""The MOGNAD_* worksheet functions, called as Excel calls them: lists of rows, blanks as None,
numbers as floats. Expected values are the hand-computed ones of tests/test_scoring.py (tiny
model) or come from the public Python API on the same data (never recomputed here).

Anonymity: the four-respondent tiny range is below the default minimum group size (5), so the
tests of arithmetic on it run with the data holder's opt-out (``MOGNAD_MIN_SIZE=1``, fixture
``opt_out``); the tests under "anonymity" check what a reader sees with the protection on."""

from __future__ import annotations

import json
import numbers
import os
import subprocess
import sys
import textwrap

import openpyxl
import pytest
import yaml
from conftest import (
    DIMIOS_SAMPLE,
    TINY_DONT_KNOW_SHARES,
    TINY_MEANS,
    TINY_ROWS,
    TINY_SCORES,
    TINY_SIX_ROWS,
    as_excel,
)
from conftest import TINY as TINY_FILE
from mognad_excel import udfs
from mognad_excel.cache import LRUCache, content_key
from mognad_excel.cell_errors import NA, NUM, VALUE, ErrorValue

import mognad_core as mognad
from mognad_core import texts

# the tiny model's values, computed by hand in conftest.py
A, B1, OVERALL = TINY_SCORES["A"], TINY_SCORES["B1"], TINY_SCORES["overall"]
TINY = str(TINY_FILE)  # Excel passes the model file as text

# tiny_frame as Excel passes it (row 1 = headers)
ROWS = as_excel(TINY_ROWS)


# six respondents: b3 has two valid answers (hidden under the default policy), the rest 5 or 6
SIX = as_excel(TINY_SIX_ROWS)
THREE = SIX[:4]
# five respondents, four of whom answered "vet ej" to a1: its one answer must not show
FIVE = [
    ["a1", "a2", "b1", "b2", "b3"],
    [1.0, 1.0, 3.0, 2.0, 3.0],
    ["Vet ej", 2.0, 3.0, 4.0, 4.0],
    ["vet ej", 2.0, 2.0, 3.0, 4.0],
    ["Vet ej", 3.0, 1.0, 5.0, 2.0],
    ["VET EJ", 1.0, 4.0, 4.0, 2.0],
]


def rows(*changes: tuple[int, int, object]) -> list[list[object]]:
    """ROWS with (sheet row, column index, value) changes; sheet row 1 is the header."""
    out = [list(r) for r in ROWS]
    for r, c, v in changes:
        out[r - 1][c] = v
    return out


@pytest.fixture(autouse=True)
def _fresh_cache():
    udfs.clear_cache()
    yield
    udfs.clear_cache()


@pytest.fixture(autouse=True)
def _no_config_file(monkeypatch, tmp_path):
    """Run in an empty folder: no mognad.toml from the project folder changes the policy."""
    monkeypatch.chdir(tmp_path)


NOTICE = "Anonymitetsskydd avstängt"


@pytest.fixture
def english(monkeypatch):
    """Cells in English (the ``lang`` setting), for the tests that compare English messages."""
    monkeypatch.setenv("MOGNAD_LANG", "en")


def shown(value: object, code: str = VALUE) -> str:
    """What a failing cell says: it must be the Excel error value ``code`` (never text a formula
    could take for a value); its message is returned."""
    assert isinstance(value, ErrorValue), value
    assert value == code and value.code == code, value
    return value.message


def body(table: list[list[object]]) -> list[list[object]]:
    """The rows of a table published under the opt-out, after checking its notice line."""
    *rows, notice = table
    assert notice[0].startswith(NOTICE) and notice[1:] == [""] * (len(table[0]) - 1)
    return rows


@pytest.fixture
def sample_rows() -> list[list[object]]:
    """The bundled DiMiOS sample as Excel would pass it (ints as floats)."""
    wb = openpyxl.load_workbook(DIMIOS_SAMPLE, read_only=True)
    try:
        return as_excel(wb.worksheets[0].iter_rows(values_only=True))
    finally:
        wb.close()


# ---- scores ------------------------------------------------------------------------------
def test_score_overall_and_parts_by_hand(opt_out):
    assert udfs.MOGNAD_SCORE(ROWS, TINY) == pytest.approx(OVERALL)
    assert udfs.MOGNAD_SCORE(ROWS, TINY, "A") == pytest.approx(A)
    assert udfs.MOGNAD_SCORE(ROWS, TINY, "B1") == pytest.approx(B1)
    assert udfs.MOGNAD_SCORE(ROWS, TINY, "Beta ett") == pytest.approx(B1)  # label
    assert udfs.MOGNAD_SCORE(ROWS, TINY, "alpha") == pytest.approx(A)  # English label
    assert udfs.MOGNAD_SCORE(ROWS, TINY, "a1") == pytest.approx(TINY_SCORES["a1"])
    assert udfs.MOGNAD_SCORE(ROWS, TINY, "Fråga 3") == pytest.approx(TINY_SCORES["b1"])  # alias
    assert udfs.MOGNAD_SCORE(ROWS, TINY, [["a2"]]) == pytest.approx(TINY_SCORES["a2"])  # 1x1


def test_score_default_model_is_dimios(sample_rows):
    expected = mognad.score(DIMIOS_SAMPLE, "dimios")
    assert udfs.MOGNAD_SCORE(sample_rows) == pytest.approx(expected.overall)
    assert udfs.MOGNAD_SCORE(sample_rows, None) == pytest.approx(expected.overall)
    assert udfs.MOGNAD_SCORE(sample_rows, "", "arv") == pytest.approx(
        expected.dimensions["arv"].score
    )


def test_headers_may_be_statement_texts_and_ints_work(opt_out):
    grid = rows()
    grid[0] = ["förvaltning", "Vi har en plan.", "a2", "b1", "b2", "b3"]
    grid[1] = list(TINY_ROWS[1])  # ints (xlwings Lite passes whole numbers so)
    assert udfs.MOGNAD_SCORE(grid, TINY) == pytest.approx(OVERALL)


def test_blank_rows_below_the_answers_are_ignored(opt_out):
    padded = rows() + [[None] * 6 for _ in range(200)] + [["", " ", None, None, None, None]]
    assert udfs.MOGNAD_SCORE(padded, TINY) == pytest.approx(OVERALL)
    assert udfs.MOGNAD_RESPONDENTS(padded, TINY) == 4


def test_respondents_counts_rows_that_are_not_blank(opt_out):
    grid = [*rows(), [None] * 6, ["Soc", 3.0, None, None, None, None]]
    assert udfs.MOGNAD_RESPONDENTS(grid, TINY) == 5


def test_dimensions_table_by_hand(opt_out):
    table = body(udfs.MOGNAD_DIMENSIONS(ROWS, TINY))
    assert table[0] == [
        "Id",
        "Dimension",
        "Hör till",
        "Värde",
        "Svarande",
        "Vet ej (andel)",
        "Nivå",
    ]
    by_id = {r[0]: r for r in table[1:]}
    assert list(by_id) == ["A", "B", "B1"]
    assert by_id["A"][1:3] == ["Alfa", ""]
    assert by_id["A"][3] == pytest.approx(A)
    assert by_id["A"][4] == 3
    assert by_id["A"][5] == pytest.approx(TINY_DONT_KNOW_SHARES["A"])
    assert by_id["A"][6] == "Hög"
    assert by_id["B"][3] == pytest.approx(B1) and by_id["B"][6] == "Låg"
    assert by_id["B1"][2] == "B"


def test_dimensions_table_has_no_level_column_without_levels(sample_rows):
    table = udfs.MOGNAD_DIMENSIONS(sample_rows, "dimios")
    assert table[0] == ["Id", "Dimension", "Hör till", "Värde", "Svarande", "Vet ej (andel)"]
    assert len(table) == 1 + len(mognad.get_model("dimios").all_dimensions())


def test_statements_table_by_hand(opt_out):
    table = body(udfs.MOGNAD_STATEMENTS(ROWS, TINY))
    assert table[0] == [
        "Id",
        "Påstående",
        "Dimension",
        "Värde",
        "Medel (skala)",
        "Svar (n)",
        "Vet ej (andel)",
    ]
    by_id = {r[0]: r for r in table[1:]}
    assert list(by_id) == ["a1", "a2", "b3", "b1", "b2"]  # model order
    assert by_id["a1"][1:3] == ["Vi har en plan.", "A"]
    assert by_id["a1"][3:] == pytest.approx(
        [TINY_SCORES["a1"], TINY_MEANS["a1"], 2, TINY_DONT_KNOW_SHARES["a1"]]
    )
    assert by_id["a2"][4] == pytest.approx(TINY_MEANS["a2"])  # reversed mean
    assert by_id["b3"][3:5] == ["", ""]  # no valid answer: blank cells, not None
    assert by_id["b3"][5:] == [0, 1.0]


# ---- gap, priorities, change -------------------------------------------------------------
def test_gap_with_a_number_a_benchmark_and_a_range(opt_out):
    table = body(udfs.MOGNAD_GAP(ROWS, TINY, 0.8))
    assert table[0] == ["Id", "Del", "Typ", "Värde", "Mål", "Gap mot mål"]
    by_id = {r[0]: r for r in table[1:]}
    assert [r[2] for r in table[1:]] == ["totalt", "dimension", "dimension"]
    assert by_id["overall"][3:] == pytest.approx([OVERALL, 0.8, OVERALL - 0.8])
    assert by_id["B"][5] == pytest.approx(B1 - 0.8)
    # largest shortfall first, as the analysis sorts
    assert [r[0] for r in table[2:]] == ["B", "A"]
    assert body(udfs.MOGNAD_GAP(ROWS, TINY, 80.0))[1:] == table[1:]  # 80 means 80 %

    bench = {r[0]: r for r in body(udfs.MOGNAD_GAP(ROWS, TINY, "national"))[1:]}
    assert bench["A"][4:] == pytest.approx([0.7, A - 0.7])
    assert bench["B"][4:] == pytest.approx([0.5, B1 - 0.5])
    assert bench["overall"][4] == pytest.approx(0.6)

    profile = [["dimension", "mål"], ["A", 0.9], ["Beta", "50%"], [None, None]]
    ranged = {r[0]: r for r in body(udfs.MOGNAD_GAP(ROWS, TINY, profile))[1:]}
    assert ranged["A"][4] == pytest.approx(0.9)
    assert ranged["B"][4] == pytest.approx(0.5)
    across = [["A", "B"], [0.9, 0.5]]  # the same profile laid out in two rows
    assert (
        udfs.MOGNAD_GAP(ROWS, TINY, across)[1:]
        == udfs.MOGNAD_GAP(ROWS, TINY, [["A", 0.9], ["B", 0.5]])[1:]
    )


def test_gap_compares_with_the_analysis_api(opt_out):
    model = mognad.load_model(TINY)
    result = mognad.score_responses(mognad.prepare(_frame(), model), insights=False, min_size=1)
    api = mognad.gap(result, 0.75, model=model, level="statement").frame(include_overall=True)
    table = body(udfs.MOGNAD_GAP(ROWS, TINY, 0.75, "påståenden"))
    assert [r[0] for r in table[1:]] == list(api.index)
    for row in table[1:]:
        gap = api.loc[row[0], "gap"]
        assert (row[5] == "") if gap != gap else row[5] == pytest.approx(gap)


def _frame(grid=ROWS):
    import pandas as pd

    return pd.DataFrame(grid[1:], columns=grid[0])


def test_gap_without_target_uses_the_models_default_benchmark(sample_rows):
    table = udfs.MOGNAD_GAP(sample_rows)
    overall = table[1]
    assert overall[0] == "overall" and overall[4] == pytest.approx(0.47)  # public_sector_2023


def test_priorities_follow_the_analysis_order(sample_rows):
    rs = mognad.read_responses(DIMIOS_SAMPLE, "dimios")
    result = mognad.score_responses(rs, insights=False)
    api = mognad.priorities(result, count=3, model=rs.model, context={"responses": rs})
    table = udfs.MOGNAD_PRIORITIES(sample_rows, "dimios", 3.0, None, "påståenden")
    assert table[0] == ["Rang", "Id", "Del", "Värde", "Vet ej (andel)", "Gap mot mål", "Varför"]
    assert [r[1] for r in table[1:]] == [p.id for p in api.items]
    assert [r[0] for r in table[1:]] == [1, 2, 3]
    # by default the one decision every output shows: the areas, each with its reason and the
    # statements behind it by their short names
    start = mognad.where_to_start(result, count=3, model=rs.model)
    areas = udfs.MOGNAD_PRIORITIES(sample_rows, "dimios", 3.0)
    assert areas[0][-2:] == ["Varför", "Påståenden"]
    assert [r[1] for r in areas[1:]] == [a.id for a in start.areas]
    assert [r[6] for r in areas[1:]] == [a.reason for a in start.areas]
    assert areas[1][7].split("; ") == [s.short for s in start.areas[0].statements]
    first = table[1]
    assert first[3] == pytest.approx(api.items[0].score)
    assert "vet-ej" in first[6] or "vet ej" in first[6]
    assert len(udfs.MOGNAD_PRIORITIES(sample_rows)) == 3  # default count 2 + header


def test_change_matches_compare_api(sample_rows):
    head, body = sample_rows[0], sample_rows[1:]
    year = head.index("år")
    before = [head] + [r for r in body if r[year] == 2024.0]
    after = [head] + [r for r in body if r[year] == 2025.0]
    table = udfs.MOGNAD_CHANGE(before, after)
    assert table[0] == [
        "Id",
        "Del",
        "Före",
        "Efter",
        "Förändring",
        "95 % KI, lägre",
        "95 % KI, övre",
        "Säker förändring",
    ]
    import pandas as pd

    api = mognad.compare(
        pd.DataFrame(before[1:], columns=head), pd.DataFrame(after[1:], columns=head)
    )
    expected = [api.overall, *api.dimensions]
    assert [r[0] for r in table[1:]] == [r.id for r in expected]
    for row, exp in zip(table[1:], expected, strict=True):
        assert row[2:7] == pytest.approx(
            [exp.before, exp.after, exp.change, exp.ci_low, exp.ci_high]
        )
        assert row[7] is exp.significant


# ---- level, models, headers, insights ----------------------------------------------------
def test_level_of_a_number_a_percentage_and_responses(opt_out):
    assert udfs.MOGNAD_LEVEL(0.72, TINY) == "Mellan"
    assert udfs.MOGNAD_LEVEL([[0.5]], TINY) == "Mellan"  # lower bound inclusive
    assert udfs.MOGNAD_LEVEL(85.0, TINY) == "Hög"  # 85 means 85 %
    assert udfs.MOGNAD_LEVEL("85 %", TINY) == "Hög"
    assert udfs.MOGNAD_LEVEL(ROWS, TINY) == "Mellan"  # overall 0.72
    assert udfs.MOGNAD_LEVEL(ROWS, TINY, "A") == "Hög"
    assert udfs.MOGNAD_LEVEL(ROWS, TINY, "B") == "Låg"
    assert udfs.MOGNAD_LEVEL(0.6, "dmm") == "Koordination"


def test_level_errors_are_error_values(english):
    assert shown(udfs.MOGNAD_LEVEL(0.6, "dimios"), NA).startswith(
        'MOGNAD: model "dimios" has no maturity levels (it reports a score from 0 to 1); '
        "models with levels: dmm"
    )
    assert shown(udfs.MOGNAD_LEVEL("hög", TINY)) == (
        'MOGNAD: "hög" is not a score; give a number from 0 to 1.'
    )
    assert shown(udfs.MOGNAD_LEVEL(150.0, TINY), NUM) == (
        "MOGNAD: 150 is not a score; give a number from 0 to 1 (or 0-100 %)."
    )
    # the error of the cell it reads is passed on (its kind, and its message where it has one)
    upstream = udfs.MOGNAD_SCORE([["a1"], ["x"]], TINY)
    passed = shown(udfs.MOGNAD_LEVEL(upstream, TINY))
    assert passed == "MOGNAD: score is the error value #VALUE!: " + upstream.message[8:]
    assert shown(udfs.MOGNAD_LEVEL("#N/A", TINY), NA) == (
        "MOGNAD: score is the error value #N/A (from the cell it comes from)."
    )


def test_models_lists_the_installed_models():
    table = udfs.MOGNAD_MODELS()
    assert table[0] == ["Namn", "Version", "Titel", "Påståenden", "Dimensioner", "Källa"]
    names = [r[0] for r in table[1:]]
    assert names == [i.name for i in mognad.list_models()]
    dimios = table[1 + names.index("dimios")]
    assert dimios[3:6] == [30, 2, "dimios"]  # the source: the plugin (or a model file)
    five = table[1 + names.index("dimios-5")]  # the 1-5 variant, from the same plugin
    assert five[3:6] == [30, 2, "dimios"]


def test_headers_row():
    ids = mognad.get_model("dimios").statement_ids
    assert udfs.MOGNAD_HEADERS() == [ids]
    assert udfs.MOGNAD_HEADERS(TINY) == [["a1", "a2", "b3", "b1", "b2"]]
    texts = udfs.MOGNAD_HEADERS(TINY, True)[0]
    assert texts[0] == "Vi har en plan." and len(texts) == 5
    assert shown(udfs.MOGNAD_HEADERS(TINY, "ja")).startswith("MOGNAD: texts ska vara SANT")


def test_insights_table_and_single(sample_rows):
    api = mognad.score(DIMIOS_SAMPLE, "dimios").insights
    table = udfs.MOGNAD_INSIGHTS(sample_rows)
    assert table[0] == ["Nyckel", "Rubrik", "Text"]
    assert [r[0] for r in table[1:]] == [i.key for i in api]
    first = udfs.MOGNAD_INSIGHTS(sample_rows, "dimios", 1.0)
    assert first == f"{api[0].title}: {api[0].text}"
    assert udfs.MOGNAD_INSIGHTS(sample_rows, "dimios", api[0].key) == first
    assert udfs.MOGNAD_INSIGHTS(sample_rows, "dimios", 99.0) == ""  # spare rows stay blank
    assert shown(udfs.MOGNAD_INSIGHTS(sample_rows, "dimios", "nope"), NA).startswith(
        'MOGNAD: ingen iakttagelse "nope" (iakttagelser: dimios.quadrant'
    )


# ---- errors: short, located messages, never a traceback -----------------------------------
def test_bad_answer_names_the_worksheet_row_and_column(english):
    message = shown(udfs.MOGNAD_SCORE(rows((4, 2, "kanske")), TINY))
    assert message == (
        'MOGNAD: row 4, column C ("a2"): "kanske" is not a valid answer. Expected a whole '
        'number from 1 to 5 or one of the answer labels ("Inte alls" = 1, "Helt" = 5), "vet ej", '
        '"vet inte" or a blank cell.'
    )
    several = shown(udfs.MOGNAD_SCORE(rows((4, 2, "kanske"), (2, 1, 7.0), (5, 4, 2.5)), TINY))
    assert several.startswith('MOGNAD: row 2, column B ("a1"): 7 is not a valid answer.')
    assert several.endswith(
        '2 more cell(s) have the same problem (row 4 column C ("a2"); row 5 column E ("b2")).'
    )
    assert "Traceback" not in several


def test_every_function_turns_bad_input_into_an_error_value(english):
    bad = rows((3, 3, True))
    for name, call in {
        "MOGNAD_SCORE": lambda: udfs.MOGNAD_SCORE(bad, TINY),
        "MOGNAD_DIMENSIONS": lambda: udfs.MOGNAD_DIMENSIONS(bad, TINY),
        "MOGNAD_STATEMENTS": lambda: udfs.MOGNAD_STATEMENTS(bad, TINY),
        "MOGNAD_GAP": lambda: udfs.MOGNAD_GAP(bad, TINY, 0.5),
        "MOGNAD_PRIORITIES": lambda: udfs.MOGNAD_PRIORITIES(bad, TINY),
        "MOGNAD_LEVEL": lambda: udfs.MOGNAD_LEVEL(bad, TINY),
        "MOGNAD_CHANGE": lambda: udfs.MOGNAD_CHANGE(ROWS, bad, TINY),
        "MOGNAD_RESPONDENTS": lambda: udfs.MOGNAD_RESPONDENTS(bad, TINY),
        "MOGNAD_INSIGHTS": lambda: udfs.MOGNAD_INSIGHTS(bad, TINY),
    }.items():
        assert shown(call()) == (
            'MOGNAD: row 3, column D ("b1"): TRUE (a TRUE/FALSE cell) is not a valid answer. '
            'Expected a whole number from 1 to 5, "vet ej", "vet inte" or a blank cell.'
        ), name


def test_unknown_model_names_the_installed_ones(english):
    message = shown(udfs.MOGNAD_SCORE(ROWS, "dimio"))
    installed = ", ".join(sorted(i.name for i in mognad.list_models()))
    assert message.startswith(f"MOGNAD: Unknown model 'dimio'. Installed models: {installed}.")
    assert shown(udfs.MOGNAD_HEADERS("nope")).startswith("MOGNAD: Unknown model 'nope'.")
    assert shown(udfs.MOGNAD_SCORE(ROWS, [["a", "b"]])).startswith(
        "MOGNAD: model must be one cell or a value, not a range of 2 cells"
    )


@pytest.mark.parametrize(
    ("responses", "part", "expected"),
    [
        (
            "f11",
            None,
            "MOGNAD: responses must be a range: a header row (statement ids such as f11) and "
            "one row per respondent.",
        ),
        (
            [[None, None], [None, None]],
            None,
            "MOGNAD: the responses range is empty. Expected a header row (statement ids such as "
            "f11, or statement texts) and one row per respondent.",
        ),
        (
            [["a1", "a2"]],
            None,
            "MOGNAD: the responses range has a header row but no respondent rows below it.",
        ),
        (
            [["a1", "b3"], [4.0, None]],
            "b3",
            'MOGNAD: no valid answers for statement "b3" (every answer is blank or vet ej).',
        ),
        (
            [["namn", "ålder"], ["Anna", 40.0]],
            None,
            'MOGNAD: row 1: no column matches a statement of model "tiny" (headers found: '
            '"namn", "ålder"). Expected headers with statement ids (a1, a2, b3, b1, ...) or '
            "statement texts; is this the right model and sheet?",
        ),
        (
            [["a1", "A1"], [4.0, 3.0]],
            None,
            'MOGNAD: row 1, column B ("A1"): the header "A1" appears twice (also in column A '
            '("a1")). Expected each header once.',
        ),
        (
            ROWS,
            "zz",
            'MOGNAD: "zz" is not part of model "tiny". Use a dimension (A, B), a category (B1) '
            "or a statement id (a1 ... b2).",
        ),
    ],
)
def test_input_messages(responses, part, expected, opt_out, english):
    value = udfs.MOGNAD_SCORE(responses, TINY, part)
    assert (
        shown(value, NA if "no respondent rows" in expected or "no valid" in expected else VALUE)
        == expected
    )


def test_argument_messages(opt_out, tmp_path, english):
    assert shown(udfs.MOGNAD_PRIORITIES(ROWS, TINY, 0.5)) == (
        "MOGNAD: count must be a whole number from 1, not 0.5."
    )
    assert shown(udfs.MOGNAD_PRIORITIES(ROWS, TINY, 2.0, None, "nivå")) == (
        'MOGNAD: level "nivå" is not one of: area, dimension, category, statement, all.'
    )
    assert shown(udfs.MOGNAD_GAP(ROWS, TINY, "riket")).startswith(
        "MOGNAD: target 'riket' is not a number, a benchmark of model 'tiny' (benchmarks: national)"
    )
    spec = yaml.safe_load(TINY_FILE.read_text("utf-8"))
    spec.pop("benchmarks")
    (tmp_path / "utan.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), "utf-8")
    no_benchmark = str(tmp_path / "utan.yaml")
    assert shown(udfs.MOGNAD_GAP(ROWS, no_benchmark)).startswith("MOGNAD: give a target: a number")
    assert udfs.MOGNAD_GAP(ROWS, TINY) == udfs.MOGNAD_GAP(ROWS, TINY, "national")  # its default


def test_messages_from_offline_recalculation_name_the_real_sheet_cells():
    grid = udfs.CellRange(rows((3, 1, "x")), sheet="Svar", first_row=5, first_col=2)
    assert shown(udfs.MOGNAD_SCORE(grid, TINY)).startswith(
        'MOGNAD: blad "Svar", rad 7, kolumn D ("a1"): "x" är inte ett giltigt svar.'
    )


def test_unexpected_errors_become_error_values(monkeypatch, english):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(mognad, "score_responses", broken)
    message = shown(udfs.MOGNAD_SCORE(ROWS, TINY))
    assert message == (
        "MOGNAD: unexpected ZeroDivisionError: division by zero. This is a bug in mognad; "
        "please report it with the workbook."
    )


# ---- anonymity: what a reader of the workbook sees ----------------------------------------
def refusal(k: int = 5) -> str:
    """The cell of a range that may not be published (the disclosure module's own text)."""
    return udfs.PREFIX + texts.text("refused", what=texts.text("responses"), k=k)


def numbers_in(value: object) -> list[object]:
    """Every number in a cell value or a table (TRUE/FALSE are not numbers here)."""
    if isinstance(value, list):
        return [n for cell in value for n in numbers_in(cell)]
    return [value] if isinstance(value, numbers.Number) and not isinstance(value, bool) else []


def test_a_range_of_three_respondents_shows_the_refusal_never_a_number():
    assert "färre än 5 svarande" in refusal()
    for name, call in {
        "MOGNAD_SCORE": lambda: udfs.MOGNAD_SCORE(THREE, TINY),
        "MOGNAD_SCORE part": lambda: udfs.MOGNAD_SCORE(THREE, TINY, "A"),
        "MOGNAD_SCORE statement": lambda: udfs.MOGNAD_SCORE(THREE, TINY, "a1"),
        "MOGNAD_RESPONDENTS": lambda: udfs.MOGNAD_RESPONDENTS(THREE, TINY),  # not even the 3
        "MOGNAD_DIMENSIONS": lambda: udfs.MOGNAD_DIMENSIONS(THREE, TINY),
        "MOGNAD_STATEMENTS": lambda: udfs.MOGNAD_STATEMENTS(THREE, TINY),
        "MOGNAD_GAP": lambda: udfs.MOGNAD_GAP(THREE, TINY, 0.6, "all"),
        "MOGNAD_PRIORITIES": lambda: udfs.MOGNAD_PRIORITIES(THREE, TINY, 5.0),
        "MOGNAD_LEVEL": lambda: udfs.MOGNAD_LEVEL(THREE, TINY),
        "MOGNAD_INSIGHTS": lambda: udfs.MOGNAD_INSIGHTS(THREE, TINY),
        "MOGNAD_INSIGHTS 1": lambda: udfs.MOGNAD_INSIGHTS(THREE, TINY, 1.0),
    }.items():
        value = call()
        assert shown(value, NA) == refusal(), name  # #N/A: ISNUMBER(...) is FALSE
        assert not numbers_in(value), name
    # a formula reading the refused cell passes the refusal on
    passed = shown(udfs.MOGNAD_LEVEL(udfs.MOGNAD_SCORE(THREE, TINY), TINY), NA)
    assert passed == 'MOGNAD: argumentet "score" är felvärdet #N/A: ' + refusal()[len("MOGNAD: ") :]
    # a comparison names the wave that may not be published
    before = shown(udfs.MOGNAD_CHANGE(THREE, SIX, TINY), NA)
    assert before == refusal().replace("MOGNAD: ", "MOGNAD: Före: ")
    after = shown(udfs.MOGNAD_CHANGE(SIX, THREE, TINY), NA)
    assert after == refusal().replace("MOGNAD: ", "MOGNAD: Efter: ")


def test_a_statement_four_of_five_answered_vet_ej_shows_no_figure():
    # one reason for every hidden figure: whether a1 is small or hidden to protect a smaller
    # one is not said (each would bound its count)
    hidden = (
        'MOGNAD: påstående "a1" visas inte av anonymitetsskäl (färre än 5 svar, eller så att en '
        "mindre grupp inte kan räknas fram)."
    )
    assert shown(udfs.MOGNAD_SCORE(FIVE, TINY, "a1"), NA) == hidden
    assert shown(udfs.MOGNAD_SCORE(FIVE, TINY, "Vi har en plan."), NA) == hidden  # by its text
    stmts = {r[0]: r for r in udfs.MOGNAD_STATEMENTS(FIVE, TINY)[1:]}
    assert stmts["a1"] == ["a1", "Vi har en plan.", "A", NA, "", "", ""]  # no vet ej %
    assert shown(stmts["a1"][3], NA).startswith("MOGNAD: visas inte av anonymitetsskäl")
    assert numbers_in(stmts["a2"])  # the other statements show
    gap = {r[0]: r for r in udfs.MOGNAD_GAP(FIVE, TINY, 0.6, "all")[1:]}
    assert gap["a1"][3:] == [NA, 0.6, ""]  # the target is no answer; no gap
    ranked = udfs.MOGNAD_PRIORITIES(FIVE, TINY, 5.0, None, "statement")
    assert "a1" not in [r[1] for r in ranked[1:]] and len(ranked) == 5  # four ranked
    # dimension A and the total leave a1 out, so they cannot give its answer back: they equal
    # the figures of the same answers with a1 never answered
    never = [list(r) for r in FIVE]
    for r in never[1:]:
        r[0] = None
    assert udfs.MOGNAD_SCORE(FIVE, TINY, "A") == udfs.MOGNAD_SCORE(never, TINY, "A")
    assert udfs.MOGNAD_SCORE(FIVE, TINY) == udfs.MOGNAD_SCORE(never, TINY)
    dims = udfs.MOGNAD_DIMENSIONS(FIVE, TINY)
    assert dims == udfs.MOGNAD_DIMENSIONS(never, TINY)


def test_six_respondents_give_the_numbers_of_mognad_score_json(tmp_path, run_cli):
    path = tmp_path / "sex.xlsx"
    wb = openpyxl.Workbook()
    for row in SIX:
        wb.active.append(row)
    wb.save(path)
    done = run_cli("score", path, "--model", TINY, "--format", "json")
    assert done.exit_code == 0, done.stderr
    expected = json.loads(done.stdout)
    assert expected["statements"]["b3"]["score"] is None  # hidden: two answers
    assert udfs.MOGNAD_SCORE(SIX, TINY) == expected["overall"]  # the published, rounded figure
    assert udfs.MOGNAD_RESPONDENTS(SIX, TINY) == expected["n_respondents"] == 6
    dims = udfs.MOGNAD_DIMENSIONS(SIX, TINY)
    assert [r[0] for r in dims[1:]] == list(expected["dimensions"])  # no notice line
    for row in dims[1:]:
        exp = expected["dimensions"][row[0]]
        assert row[3:6] == [exp["score"], exp["n"], exp["dont_know_share"]]
        assert udfs.MOGNAD_SCORE(SIX, TINY, row[0]) == exp["score"]
    stmts = udfs.MOGNAD_STATEMENTS(SIX, TINY)
    assert [r[0] for r in stmts[1:]] == list(expected["statements"])
    for row in stmts[1:]:
        exp = expected["statements"][row[0]]
        if exp["score"] is None:
            assert row[3:] == [NA, "", "", ""] and shown(row[3], NA)
        else:
            assert row[3:] == [exp["score"], exp["mean"], exp["n"], exp["dont_know_share"]]


def test_the_policy_setting_changes_the_result_and_keys_the_cache(monkeypatch, tmp_path):
    model = mognad.load_model(TINY)
    frame = _frame(SIX)
    protected = udfs.MOGNAD_SCORE(SIX, TINY)
    assert protected == mognad.score(frame, model).overall
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "1")
    exact = udfs.MOGNAD_SCORE(SIX, TINY)
    assert exact == mognad.score(frame, model, min_size=1).overall != protected
    b3 = next(r for r in body(udfs.MOGNAD_STATEMENTS(SIX, TINY)) if r[0] == "b3")
    assert b3[3] == pytest.approx(0.5)  # its two answers (4 and 2) show
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "10")
    assert shown(udfs.MOGNAD_SCORE(SIX, TINY), NA) == refusal(10)
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "2")  # neither off (1) nor protecting (3 or more)
    bad = shown(udfs.MOGNAD_SCORE(SIX, TINY))
    assert bad.startswith("MOGNAD: Minsta gruppstorlek '2'") and "MOGNAD_MIN_SIZE" in bad
    monkeypatch.delenv("MOGNAD_MIN_SIZE")
    (tmp_path / "mognad.toml").write_text("min_size = 1\n", encoding="utf-8")  # the folder's
    assert udfs.MOGNAD_SCORE(SIX, TINY) == exact
    (tmp_path / "mognad.toml").unlink()
    computed = udfs.CACHE.stats().computed
    assert udfs.MOGNAD_SCORE(SIX, TINY) == protected  # its own entry, not the opt-out's
    assert udfs.CACHE.stats().computed == computed


def tables_of_three() -> dict[str, object]:
    """Every table function on the three-respondent range (published only under the opt-out)."""
    return {
        "MOGNAD_DIMENSIONS": udfs.MOGNAD_DIMENSIONS(THREE, TINY),
        "MOGNAD_STATEMENTS": udfs.MOGNAD_STATEMENTS(THREE, TINY),
        "MOGNAD_GAP": udfs.MOGNAD_GAP(THREE, TINY, 0.6),
        "MOGNAD_PRIORITIES": udfs.MOGNAD_PRIORITIES(THREE, TINY),
        "MOGNAD_CHANGE": udfs.MOGNAD_CHANGE(THREE, SIX, TINY),
    }


def test_opt_out_tables_carry_the_notice_and_the_score_stays_a_number(opt_out):
    score = udfs.MOGNAD_SCORE(THREE, TINY)
    assert isinstance(score, float) and udfs.MOGNAD_RESPONDENTS(THREE, TINY) == 3
    for name, table in tables_of_three().items():
        assert isinstance(table, list), (name, table)
        assert len(body(table)) > 1, name  # the table, then its notice line
    insights = udfs.MOGNAD_INSIGHTS(THREE, TINY)
    assert insights[1][0] == udfs.OPT_OUT_KEY and insights[1][1].startswith(NOTICE)
    assert udfs.MOGNAD_INSIGHTS(THREE, TINY, 1.0) == insights[1][1]  # the first finding
    assert udfs.policy_notes() == [insights[1][1]]
    # with the protection on, no notice anywhere
    os.environ["MOGNAD_MIN_SIZE"] = "5"  # (monkeypatch restores the variable afterwards)
    assert udfs.policy_notes() == []
    assert NOTICE not in str(udfs.MOGNAD_STATEMENTS(SIX, TINY))


# ---- caching ------------------------------------------------------------------------------
def test_repeated_calls_on_an_unchanged_range_score_once(monkeypatch, opt_out):
    calls = {"prepare": 0, "score": 0}
    prepare, score = mognad.prepare, mognad.score_responses

    def counting_prepare(*a, **k):
        calls["prepare"] += 1
        return prepare(*a, **k)

    def counting_score(*a, **k):
        calls["score"] += 1
        return score(*a, **k)

    monkeypatch.setattr(mognad, "prepare", counting_prepare)
    monkeypatch.setattr(mognad, "score_responses", counting_score)
    big = [ROWS[0]] + [list(r) for r in ROWS[1:]] * 2500  # 10,000 respondents
    for _ in range(100):
        copy = [list(r) for r in big]  # Excel passes new lists every time
        assert udfs.MOGNAD_SCORE(copy, TINY) == pytest.approx(OVERALL)
    udfs.MOGNAD_DIMENSIONS(big, TINY)
    udfs.MOGNAD_SCORE(big, TINY, "A")
    assert calls == {"prepare": 1, "score": 1}
    changed = [list(r) for r in big]
    changed[5000][1] = 1.0
    assert udfs.MOGNAD_SCORE(changed, TINY) != pytest.approx(OVERALL)
    assert calls == {"prepare": 2, "score": 2}
    # another model on the same range is another entry
    udfs.MOGNAD_SCORE(big, "dimios")
    assert calls["prepare"] == 3


def test_bad_input_is_cached_too(monkeypatch):
    calls = []
    prepare = mognad.prepare
    monkeypatch.setattr(mognad, "prepare", lambda *a, **k: calls.append(1) or prepare(*a, **k))
    bad = rows((4, 2, "kanske"))
    first = udfs.MOGNAD_SCORE(bad, TINY)
    assert udfs.MOGNAD_DIMENSIONS(bad, TINY) == first
    assert len(calls) == 1


def _same_version_model(name: str, top: int, reverse: bool) -> mognad.MaturityModel:
    """Statements a1 and a2 (a2 reversed or not) on the scale 1-``top``, version 1.0."""
    return mognad.model_from_dict(
        {
            "name": name,
            "version": "1.0",
            "title": name.title(),
            "scale": {"min": 1, "max": top},
            "dimensions": [
                {
                    "id": "D",
                    "label": "D",
                    "statements": [
                        {"id": "a1", "text": "Ett."},
                        {"id": "a2", "text": "Två.", "reverse": reverse},
                    ],
                }
            ],
        }
    )


class TwoModels:
    """A plugin with two models of the same version: alfa (1-5, a2 reversed) and beta (1-3)."""

    @mognad.hookimpl
    def register_models(self, register):
        register(_same_version_model("alfa", 5, reverse=True))
        register(_same_version_model("beta", 3, reverse=False))


def test_two_models_of_the_same_version_keep_their_own_results_and_errors(register_plugin, opt_out):
    """The cache key holds the model's name, not only its version. Kills the mutation
    ``key = (model.version,)`` in udfs._model: switching the model argument on an unchanged
    range then returned the other model's result, or the error cached for it."""

    register_plugin(TwoModels(), "two-models")
    both = [["a1", "a2"], [3.0, 1.0], [2.0, 1.0], [1.0, 2.0]]
    # alfa: a1 mean 2 -> 1/4; a2 reversed 5, 5, 4 -> 14/3 -> 11/12; overall (1/4 + 11/12) / 2
    assert udfs.MOGNAD_SCORE(both, "alfa") == pytest.approx(7 / 12)
    # beta: a1 mean 2 -> 1/2; a2 mean 4/3 -> 1/6; overall 1/3
    assert udfs.MOGNAD_SCORE(both, "beta") == pytest.approx(1 / 3)
    assert udfs.MOGNAD_SCORE(both, "alfa") == pytest.approx(7 / 12)
    # 5 and 4 are outside beta's scale: beta's error must not be returned for alfa
    only_alfa = [["a1", "a2"], [5.0, 1.0], [4.0, 1.0], [1.0, 2.0]]
    assert shown(udfs.MOGNAD_SCORE(only_alfa, "beta"))
    assert udfs.MOGNAD_SCORE(only_alfa, "alfa") == pytest.approx((7 / 12 + 11 / 12) / 2)
    assert shown(udfs.MOGNAD_SCORE(only_alfa, "beta"))


def test_lru_cache_is_bounded_and_counts():
    cache = LRUCache(maxsize=2)
    assert cache.get_or_compute("a", lambda: 1) == 1
    assert cache.get_or_compute("b", lambda: 2) == 2
    assert cache.get_or_compute("a", lambda: 0) == 1  # hit; "a" is now the newest
    assert cache.get_or_compute("c", lambda: 3) == 3  # evicts "b"
    assert "b" not in cache and "a" in cache and len(cache) == 2
    stats = cache.stats()
    assert (stats.hits, stats.misses, stats.computed) == (1, 3, 3)
    with pytest.raises(ValueError):
        LRUCache(0)


def test_content_key_follows_the_values():
    assert content_key([[1.0, None, "x"]]) == content_key([[1.0, None, "x"]])
    assert content_key([[1.0, None, "x"]]) != content_key([[1.0, None, "y"]])
    assert content_key([[1.0], [2.0]]) != content_key([[1.0, 2.0]])


# ---- the module as xlwings sees it --------------------------------------------------------
def test_excel_names_are_upper_case_and_documented():
    assert set(udfs.FUNCTIONS) == set(udfs.__all__)
    for name, fn in udfs.FUNCTIONS.items():
        assert name == fn.__name__ and name.isupper() and name.startswith("MOGNAD_")
        # the function wizard shows the docstring as it is: one line, at most 255 characters
        assert fn.__doc__ and "\n" not in fn.__doc__ and len(fn.__doc__) <= 255, name
        assert fn.__doc__ == fn.__doc__.strip(), name
    for doc in (udfs.DOC_RESPONSES, udfs.DOC_MODEL, udfs.DOC_PART):
        assert len(doc) <= 255


def test_module_imports_without_excel_or_xlwings_pro(tmp_path):
    code = textwrap.dedent(
        """
        import sys
        import xlwings
        before = set(sys.modules)
        import mognad_excel.udfs as u
        added = [m for m in set(sys.modules) - before if m.startswith("xlwings")]
        print(sorted(added), u.MOGNAD_SCORE([["f11"]] + [[4.0]] * 5))
        """
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XLWINGS", "MOGNAD_"))}
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=tmp_path,
    )
    assert out.stdout.strip() == "[] 0.6"  # 4 on DiMiOS's 1-6: (4 - 1) / 5


@pytest.mark.skipif(
    not os.environ.get("XLWINGS_LICENSE_KEY"), reason="xlwings Lite flavour needs a license key"
)
def test_lite_flavour_registers_upper_case_functions():  # pragma: no cover - needs a key
    code = textwrap.dedent(
        """
        import asyncio
        import mognad_excel.udfs as u
        from xlwings.server import custom_functions_call, custom_functions_meta
        names = sorted(f["name"] for f in custom_functions_meta(u)["functions"])
        data = {"func_name": "MOGNAD_SCORE", "args": [[["f11"]] + [[4]] * 5], "version": "0",
                "client": "Office.js", "runtime": "1.4"}
        print(names == sorted(u.__all__), asyncio.run(custom_functions_call(data, u)))
        """
    )
    env = dict(os.environ, XLWINGS_ON_SERVER="true")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "True [[0.75]]"


# ---- argument forms: read by mognad_core, as on the command line (docs/excel.md, "Arguments") --
@pytest.mark.parametrize("target", [70.0, "70", "70%", "70 %", "70\u00a0%", "0,7", [[0.7]]])
def test_every_way_of_writing_a_percentage_target(opt_out, target):
    assert udfs.MOGNAD_GAP(ROWS, TINY, target) == udfs.MOGNAD_GAP(ROWS, TINY, 0.7)


@pytest.mark.parametrize("level", ["Påståenden", "statements", " STATEMENT ", "påstående"])
def test_levels_in_swedish_and_english(opt_out, level):
    assert udfs.MOGNAD_GAP(ROWS, TINY, 0.7, level) == udfs.MOGNAD_GAP(ROWS, TINY, 0.7, "statement")
    assert udfs.MOGNAD_PRIORITIES(ROWS, TINY, 2.0, None, level) == udfs.MOGNAD_PRIORITIES(
        ROWS, TINY, 2.0, None, "statement"
    )


def test_level_of_a_score_typed_as_text(opt_out, english):
    assert udfs.MOGNAD_LEVEL("0,85", TINY) == "Hög"  # a decimal comma
    assert udfs.MOGNAD_LEVEL("85\u00a0%", TINY) == "Hög"
    assert udfs.MOGNAD_LEVEL("85", TINY) == "Hög"
    assert shown(udfs.MOGNAD_LEVEL("150 %", TINY), NUM) == (
        "MOGNAD: 150 % is not a score; give a number from 0 to 1 (or 0-100 %)."
    )


def test_count_typed_as_text(opt_out, english):
    assert udfs.MOGNAD_PRIORITIES(ROWS, TINY, "3") == udfs.MOGNAD_PRIORITIES(ROWS, TINY, 3.0)
    # was "unexpected ValueError ... This is a bug in mognad"
    assert shown(udfs.MOGNAD_PRIORITIES(ROWS, TINY, "0,5")) == (
        "MOGNAD: count must be a whole number from 1, not 0.5."
    )


def test_priorities_take_a_target_range_as_gap_does(opt_out):
    # was "target must be one cell or a value, not a range of 4 cells"
    profile = [["A", 0.9], ["B", "50%"]]
    table = body(udfs.MOGNAD_PRIORITIES(ROWS, TINY, 4.0, profile, "dimension"))
    gaps = {r[1]: r[5] for r in table[1:]}
    assert gaps["A"] == pytest.approx(A - 0.9) and gaps["B"] == pytest.approx(B1 - 0.5)


def test_a_blank_target_cell_is_the_default_benchmark_as_in_python(sample_rows):
    default = udfs.MOGNAD_GAP(sample_rows)
    assert udfs.MOGNAD_GAP(sample_rows, "dimios", "  ") == default
    assert udfs.MOGNAD_GAP(sample_rows, "dimios", "public_sector_2023") == default
    result = mognad.score(DIMIOS_SAMPLE, "dimios", insights=False)
    api = mognad.gap(result, None)
    assert api.target_label == mognad.gap(result, "public_sector_2023").target_label
    assert default[1][4] == pytest.approx(api.overall.target)


def test_a_part_by_its_label(opt_out):
    assert udfs.MOGNAD_SCORE(ROWS, TINY, " beta ") == udfs.MOGNAD_SCORE(ROWS, TINY, "B")
    assert udfs.MOGNAD_SCORE(ROWS, TINY, "Vi har en plan.") == udfs.MOGNAD_SCORE(ROWS, TINY, "a1")


def test_check_names_error_values_in_a_respondent_column(opt_out):
    """An error value where a group name belongs (#REF! in förvaltning) is not an answer, so
    nothing refuses it: MOGNAD_CHECK says so."""
    grid = rows((3, 0, "#REF!"))
    assert isinstance(udfs.MOGNAD_SCORE(grid, TINY), float)  # still scored
    (note,) = [r for r in udfs.MOGNAD_CHECK(grid, TINY)[1:] if "#REF!" in r[1]]
    assert note == [
        "notering",
        'Kolumnen "förvaltning" har felvärden (#REF!) i 1 rad(er): de svarandena räknas, men '
        "deras förvaltning är okänd (en formel som inte kunde räknas ut?).",
    ]
    assert "#REF!" not in str(udfs.MOGNAD_CHECK(rows(), TINY))


def test_check_lists_what_is_wrong_then_one_message_per_cell():
    clean = [["a1", "a2", "b3", "b1", "b2"], *[[4.0, 3.0, 2.0, 4.0, 5.0]] * 6]
    assert udfs.MOGNAD_CHECK(clean, TINY) == ""  # all well: an empty cell
    assert "Ingen kolumn för 4" in udfs.MOGNAD_CHECK([["a1"], *[[4.0]] * 6], TINY, 1.0)
    table = udfs.MOGNAD_CHECK(SIX, TINY)  # b3 has two answers: hidden
    assert table[0] == ["Kontroll", "Meddelande"]
    assert [r[0] for r in table[1:]] == ["anonymitet"]
    assert "b3" in table[1][1] and "visas inte" in table[1][1]
    assert udfs.MOGNAD_CHECK(SIX, TINY, 1.0) == f"anonymitet: {table[1][1]}"
    assert udfs.MOGNAD_CHECK(SIX, TINY, 2.0) == ""  # rows set aside for more stay blank
    bad = udfs.MOGNAD_CHECK(rows((4, 2, "kanske")), TINY, 1.0)
    assert bad.startswith('fel: rad 4, kolumn C ("a2"): "kanske" är inte ett giltigt svar')
    assert shown(udfs.MOGNAD_CHECK(SIX, TINY, 0.5)) == (
        "MOGNAD: which ska vara ett heltal från 1, inte 0.5."
    )


def test_statement_texts_in_the_cells_language(english, sample_rows):
    """An English workbook shows the model's English statement texts (DiMiOS has them)."""
    model = mognad.get_model("dimios")
    table = udfs.MOGNAD_STATEMENTS(sample_rows)
    assert table[0][1] == "Statement"
    by_id = {r[0]: r[1] for r in table[1:]}
    assert by_id["f11"] == model.statement("f11").text_en != model.statement("f11").text


def test_a_message_not_yet_in_the_catalogue_is_english_throughout(monkeypatch):
    """A located error whose parts are partly plain English text is written all in English in
    a Swedish cell (as the command line writes it), never Swedish around an English part."""
    from mognad_core.errors import InputError, Location

    def half(*args, **kwargs):
        raise InputError(
            texts.Message("answer.invalid", shown='"x"'),
            Location(sheet="Svar", row=3),
            "the same number of fields on every line",  # plain English: not in the catalogue
        )

    monkeypatch.setattr(mognad, "prepare", half)
    message = shown(udfs.MOGNAD_SCORE(ROWS, TINY))
    assert message == (
        'MOGNAD: sheet "Svar", row 3: "x" is not a valid answer. Expected the same number of '
        "fields on every line."
    )


# ---- what mutation testing found (udfs.py) ------------------------------------------------
# five respondents, each answering "vet ej" to another statement: every statement has four
# answers, so under the default policy (5) every figure is hidden, though the range is not
# refused
ALL_HIDDEN = [["a1", "a2", "b1", "b2", "b3"]] + [
    [("vet ej" if i == j else float(1 + (i + j) % 5)) for j in range(5)] for i in range(5)
]


def hidden(k: int, lang: str = "sv") -> str:
    """What a withheld figure of a table says."""
    return udfs.PREFIX + texts.text("reason.hidden_statement", lang, k=k) + "."


def test_a_recalculations_policy_reaches_every_hidden_figure(monkeypatch):
    """``recalc --min-size 5`` while the setting says 7: every withheld figure names the
    recalculation's 5 (the policy the result was published under), never the setting's 7."""
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "7")
    with udfs.settings_for_run(min_size=5):
        gap = udfs.MOGNAD_GAP(ALL_HIDDEN, TINY, 0.5)
        assert [r[0] for r in gap[1:]] == ["overall", "A", "B"]
        for row in gap[1:]:  # the overall row too, and no gap beside a hidden score
            assert shown(row[3], NA) == hidden(5) and row[4:] == [0.5, ""], row
        dims = udfs.MOGNAD_DIMENSIONS(ALL_HIDDEN, TINY)
        assert [r[:3] for r in dims[1:]] == [
            ["A", "Alfa", ""],
            ["B", "Beta", ""],
            ["B1", "Beta ett", "B"],
        ]
        for row in dims[1:]:
            assert shown(row[3], NA) == hidden(5) and row[4:6] == ["", ""], row
        for row in udfs.MOGNAD_STATEMENTS(ALL_HIDDEN, TINY)[1:]:
            assert shown(row[3], NA) == hidden(5) and row[4:] == ["", "", ""], row
        assert shown(udfs.MOGNAD_SCORE(ALL_HIDDEN, TINY, "A"), NA) == (
            'MOGNAD: "A" ' + texts.text("reason.hidden_statement", "sv", k=5) + "."
        )
        assert shown(udfs.MOGNAD_SCORE(ALL_HIDDEN, TINY), NA).startswith(
            "MOGNAD: totalen visas inte av anonymitetsskäl (färre än 5 svar"
        )
    with udfs.settings_for_run(min_size=5, lang="en"):
        dims = udfs.MOGNAD_DIMENSIONS(ALL_HIDDEN, TINY)  # the English label of a hidden row
        assert [r[:2] for r in dims[1:]] == [["A", "Alpha"], ["B", "Beta"], ["B1", "Beta ett"]]
        assert shown(dims[1][3], NA) == hidden(5, "en")


def test_a_recalculations_opt_out_reaches_every_table(monkeypatch):
    """``recalc --min-size 1`` while the setting protects (5): three respondents are scored,
    and every table ends with the opt-out notice (the policy of the recalculation, not of the
    setting)."""
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "5")
    with udfs.settings_for_run(min_size=1):
        notice = udfs.policy_notes()
        assert notice and notice[0].startswith(NOTICE)
        assert udfs.MOGNAD_SCORE(THREE, TINY) == pytest.approx(
            mognad.score(_frame(THREE), mognad.load_model(TINY), min_size=1).overall
        )
        for name, table in tables_of_three().items():
            assert isinstance(table, list) and table[-1][0] == notice[0], (name, table)
        insights = udfs.MOGNAD_INSIGHTS(THREE, TINY)
        assert insights[1][:2] == [udfs.OPT_OUT_KEY, notice[0]]
        assert udfs.MOGNAD_CHECK(THREE, TINY) == [
            ["Kontroll", "Meddelande"],
            ["anonymitet", notice[0]],
        ]


def test_dimension_names_in_the_cells_language(opt_out, english):
    """English cells: a dimension's English label where the model has one (A: Alpha), its
    Swedish one otherwise (B: Beta); Swedish cells never show the English label."""
    table = udfs.MOGNAD_DIMENSIONS(ROWS, TINY)[:-1]
    assert table[0][:4] == ["Id", "Dimension", "Belongs to", "Score"]
    assert [r[:3] for r in table[1:]] == [
        ["A", "Alpha", ""],
        ["B", "Beta", ""],
        ["B1", "Beta ett", "B"],
    ]
    gap = udfs.MOGNAD_GAP(ROWS, TINY, 0.5)[:-1]
    assert [r[:3] for r in gap[1:]] == [
        ["overall", "Overall", "overall"],
        ["B", "Beta", "dimension"],
        ["A", "Alpha", "dimension"],
    ]
    change = udfs.MOGNAD_CHANGE(ROWS, SIX, TINY)[:-1]
    assert [r[:2] for r in change[1:]] == [
        ["overall", "Overall"],
        ["A", "Alpha"],
        ["B", "Beta"],
        ["B1", "Beta ett"],
    ]
    os.environ["MOGNAD_LANG"] = "sv"  # (monkeypatch restores the variable afterwards)
    table = udfs.MOGNAD_DIMENSIONS(ROWS, TINY)[:-1]
    assert [r[1] for r in table[1:]] == ["Alfa", "Beta", "Beta ett"]


def test_a_level_is_named_in_the_cells_language(english):
    assert udfs.MOGNAD_LEVEL(0.1, "dmm") == "Mobilisation"
    os.environ["MOGNAD_LANG"] = "sv"
    assert udfs.MOGNAD_LEVEL(0.1, "dmm") == "Mobilisering"


def test_each_function_keeps_ranges_and_models_apart_in_its_cache(register_plugin, opt_out):
    """Every function's cache key holds the range's content and the model: calling a function
    on one range (or with one model) and then on another never returns the first one's result
    or error."""

    register_plugin(TwoModels(), "two-models")
    x = [["a1", "a2"], [3.0, 1.0], [2.0, 1.0], [1.0, 2.0]]
    y = [["a1", "a2"], [5.0, 1.0], [4.0, 2.0], [1.0, 2.0], [2.0, 3.0]]  # 5 and 4: not beta's
    calls = {
        "MOGNAD_RESPONDENTS": lambda r, m: udfs.MOGNAD_RESPONDENTS(r, m),
        "MOGNAD_STATEMENTS": lambda r, m: udfs.MOGNAD_STATEMENTS(r, m),
        "MOGNAD_DIMENSIONS": lambda r, m: udfs.MOGNAD_DIMENSIONS(r, m),
        "MOGNAD_GAP": lambda r, m: udfs.MOGNAD_GAP(r, m, 0.5),
        "MOGNAD_PRIORITIES": lambda r, m: udfs.MOGNAD_PRIORITIES(r, m, 1.0, 0.5),
        "MOGNAD_INSIGHTS": lambda r, m: udfs.MOGNAD_INSIGHTS(r, m),
        "MOGNAD_CHECK": lambda r, m: udfs.MOGNAD_CHECK(r, m),
        "MOGNAD_CHANGE": lambda r, m: udfs.MOGNAD_CHANGE(r, x, m),
        "MOGNAD_CHANGE after": lambda r, m: udfs.MOGNAD_CHANGE(x, r, m),
    }
    order = [(x, "alfa"), (x, "beta"), (y, "alfa"), (y, "beta"), (x, "alfa"), (y, "alfa")]
    for name, call in calls.items():
        alone = []
        for r, m in order:
            udfs.clear_cache()
            alone.append(repr(call(r, m)))  # repr: an error value's message counts too
        assert len(set(alone)) > 1 or name == "MOGNAD_INSIGHTS", name
        udfs.clear_cache()
        assert [repr(call(r, m)) for r, m in order] == alone, name


def test_a_target_as_a_cell_a_row_or_a_blank(opt_out, english):
    assert udfs.MOGNAD_GAP(ROWS, TINY, [0.7]) == udfs.MOGNAD_GAP(ROWS, TINY, 0.7)  # a 1x1 row
    assert udfs.MOGNAD_GAP(ROWS, TINY, "") == udfs.MOGNAD_GAP(ROWS, TINY, "national")
    assert udfs.MOGNAD_GAP(ROWS, TINY, [[None]]) == udfs.MOGNAD_GAP(ROWS, TINY, "national")
    assert shown(udfs.MOGNAD_GAP(ROWS, TINY, True)) == (
        "MOGNAD: target must be a number, a name or a range, not TRUE/FALSE."
    )
    assert shown(udfs.MOGNAD_GAP(ROWS, TINY, [["A"], ["B"]])) == (
        "MOGNAD: the target range needs two columns: dimension (id or label) and target."
    )
    assert shown(udfs.MOGNAD_GAP(ROWS, TINY, [[None, None], ["", None]])) == (
        "MOGNAD: the target range is empty."
    )


@pytest.mark.parametrize(
    ("call", "what"),
    [
        (lambda: udfs.MOGNAD_PRIORITIES(ROWS, TINY, "#N/A"), "count"),
        (lambda: udfs.MOGNAD_GAP(ROWS, TINY, "#N/A"), "target"),
        (lambda: udfs.MOGNAD_GAP(ROWS, TINY, 0.5, "#N/A"), "level"),
        (lambda: udfs.MOGNAD_PRIORITIES(ROWS, TINY, 2.0, None, "#N/A"), "level"),
        (lambda: udfs.MOGNAD_HEADERS(TINY, "#N/A"), "texts"),
        (lambda: udfs.MOGNAD_CHECK(ROWS, TINY, "#N/A"), "which"),
        (lambda: udfs.MOGNAD_INSIGHTS(ROWS, TINY, "#N/A"), "which"),
        (lambda: udfs.MOGNAD_SCORE(ROWS, TINY, "#N/A"), "part"),
        (lambda: udfs.MOGNAD_LEVEL([["#N/A"]], TINY), "score"),
    ],
)
def test_an_error_value_in_an_argument_names_the_argument(call, what, opt_out):
    assert shown(call(), NA) == (
        f'MOGNAD: argumentet "{what}" är felvärdet #N/A (från cellen det hämtas från).'
    )


def test_change_names_the_range_that_is_no_range():
    for before, after, what in ((5.0, ROWS, "before"), (ROWS, 5.0, "after")):
        assert shown(udfs.MOGNAD_CHANGE(before, after, TINY)) == (
            f'MOGNAD: argumentet "{what}" ska vara ett område: en rubrikrad (påståendenas id, '
            "t.ex. f11) och en rad per svarande."
        )


def test_change_names_the_wave_that_may_not_be_published_in_the_cells_language(english):
    refused = (
        "No results for the responses, for anonymity: fewer than 5 respondents, or a smaller "
        "group could be derived from what is shown (--min-size, MOGNAD_MIN_SIZE)."
    )
    assert shown(udfs.MOGNAD_CHANGE(THREE, SIX, TINY), NA) == f"MOGNAD: Before: {refused}"
    assert shown(udfs.MOGNAD_CHANGE(SIX, THREE, TINY), NA) == f"MOGNAD: After: {refused}"


def test_insights_which_must_be_a_whole_number_from_1_or_a_key(opt_out, english):
    table = udfs.MOGNAD_INSIGHTS(ROWS, TINY)
    assert [r[0] for r in table[1:]] == [udfs.OPT_OUT_KEY]  # tiny has no findings of its own
    for which, shown_as in ((0.0, "0"), (-1.0, "\u22121"), (1.5, "1.5")):
        assert shown(udfs.MOGNAD_INSIGHTS(ROWS, TINY, which)) == (
            f"MOGNAD: which must be a whole number from 1 or an insight key, not {shown_as}."
        )
    assert shown(udfs.MOGNAD_INSIGHTS(ROWS, TINY, "zz"), NA) == (
        f'MOGNAD: no insight "zz" (insights: {udfs.OPT_OUT_KEY}).'
    )
    os.environ["MOGNAD_MIN_SIZE"] = "5"  # protected: no notice, no findings at all
    assert shown(udfs.MOGNAD_INSIGHTS(SIX, TINY, "zz"), NA) == (
        'MOGNAD: no insight "zz" (insights: none).'
    )
    os.environ["MOGNAD_LANG"] = "sv"
    assert shown(udfs.MOGNAD_INSIGHTS(SIX, TINY, 1.5)) == (
        "MOGNAD: which ska vara ett heltal från 1 eller en iakttagelses nyckel, inte 1,5."
    )


def test_insights_in_the_cells_language(english, sample_rows):
    """DiMiOS' findings in English cells are its English texts (the language reaches the
    model's plugin)."""
    table = udfs.MOGNAD_INSIGHTS(sample_rows)
    model = mognad.get_model("dimios")
    rs = mognad.prepare(_frame(sample_rows), model)
    result = mognad.score_responses(rs, context={"lang": "en"})
    assert table[1:] and [r[:2] for r in table[1:]] == [[i.key, i.title] for i in result.insights]
    os.environ["MOGNAD_LANG"] = "sv"
    udfs.clear_cache()
    swedish = udfs.MOGNAD_INSIGHTS(sample_rows)
    assert [r[1] for r in swedish[1:]] != [r[1] for r in table[1:]]


def test_level_messages(english, tmp_path):
    assert udfs.MOGNAD_LEVEL([0.6], TINY) == "Mellan"  # a range of one cell, passed flat
    assert shown(udfs.MOGNAD_LEVEL([["a1", "a2"]], TINY), NA) == (
        "MOGNAD: the responses range has a header row but no respondent rows below it."
    )  # a range of two cells is a response range
    assert shown(udfs.MOGNAD_LEVEL(None, TINY)) == "MOGNAD: give a score (0-1) or a response range."
    spec = yaml.safe_load(TINY_FILE.read_text("utf-8"))
    spec["levels"][0]["lower_bound"] = 0.3
    (tmp_path / "hög.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), "utf-8")
    assert shown(udfs.MOGNAD_LEVEL(0.25, str(tmp_path / "hög.yaml")), NUM) == (
        'MOGNAD: no level of model "tiny" starts at or below 25 %.'
    )


def test_an_unknown_part_lists_the_models_categories_or_none(register_plugin, english):
    class OneModel:
        @mognad.hookimpl
        def register_models(self, register):
            register(_same_version_model("alfa", 5, reverse=True))

    register_plugin(OneModel(), "one-model")
    assert shown(udfs.MOGNAD_SCORE(ROWS, "alfa", "zz")) == (
        'MOGNAD: "zz" is not part of model "alfa". Use a dimension (D), a category (none) '
        "or a statement id (a1 ... a2)."
    )
    cats = [d.id for d in mognad.get_model("dimios").all_dimensions() if d.parent]
    assert len(cats) > 1
    assert f"a category ({', '.join(cats)})" in shown(udfs.MOGNAD_SCORE(ROWS, "dimios", "zz"))


def test_a_gap_without_a_target_names_the_benchmarks_or_none(register_plugin, english):
    class OneModel:
        @mognad.hookimpl
        def register_models(self, register):
            register(_same_version_model("alfa", 5, reverse=True))

    register_plugin(OneModel(), "one-model")
    x = [["a1", "a2"], [3.0, 1.0], [2.0, 1.0], [1.0, 2.0], [4.0, 4.0], [5.0, 1.0]]
    assert shown(udfs.MOGNAD_GAP(x, "alfa")) == (
        "MOGNAD: give a target: a number (0.6 or 60 %), a benchmark name (none in this model), "
        "a level name or a range of dimension/target pairs."
    )


def test_check_kinds_and_which(opt_out):
    """An error that is no refusal is an error ("fel"), even when it gives #N/A; a refusal is
    "anonymitet"; ``which`` picks one message, counting from 1."""
    assert udfs.MOGNAD_CHECK([ROWS[0]], TINY) == [
        ["Kontroll", "Meddelande"],
        ["notering", "Tabellen har en rubrikrad men inga rader med svarande."],
        ["fel", "svarsområdet har en rubrikrad men inga svarande under den."],
    ]
    assert udfs.MOGNAD_CHECK([ROWS[0]], TINY, 1.0).startswith("notering: ")
    assert udfs.MOGNAD_CHECK([ROWS[0]], TINY, 2.0).startswith("fel: ")
    for which in (1.5, 0.0, True, "x"):
        assert shown(udfs.MOGNAD_CHECK([ROWS[0]], TINY, which)).startswith(
            "MOGNAD: which ska vara ett heltal från 1, inte "
        ), which
    os.environ["MOGNAD_MIN_SIZE"] = "5"
    assert udfs.MOGNAD_CHECK(THREE, TINY)[1][0] == "anonymitet"


def test_check_notes_in_the_cells_language(opt_out, english):
    """Every note (error values in two columns' cells, the waves pooled in a workbook's wording)
    in English, after the note of the columns kept."""
    grid = [["förvaltning", "år", "a1", "a2", "b1", "b2", "b3"]]
    for i, r in enumerate(ROWS[1:]):
        grid.append([r[0], "2024" if i % 2 else "2025", *r[1:]])
    grid[1][0], grid[2][0] = "#REF!", "#N/A"
    table = udfs.MOGNAD_CHECK(grid, TINY)
    assert table[1] == [
        "note",
        'Column "förvaltning" holds error values (#N/A, #REF!) in 2 row(s): those respondents '
        "are counted, but their förvaltning is unknown (a formula that could not be computed?).",
    ]
    waves = [r[1] for r in table if "2024" in r[1]]
    assert waves and "MOGNAD_CHANGE" in waves[0] and "--where" not in waves[0], table
    assert waves[0].startswith("The responses") or waves[0].isascii(), waves


def test_cells_get_plain_python_values():
    """Table cells are what Excel can take: numpy scalars become Python ones, missing values
    (NaN, pd.NA, NaT) blank cells."""
    import numpy as np
    import pandas as pd

    for value, expected in (
        (np.int64(3), 3),
        (np.float64(0.5), 0.5),
        (np.bool_(True), True),
        (float("nan"), ""),
        (np.float64("nan"), ""),
        (pd.NA, ""),
        (pd.NaT, ""),
        (None, ""),
        ("x", "x"),
    ):
        got = udfs._out(value)
        assert got == expected and type(got) is type(expected), (value, got)


def test_a_circular_reference_is_named_as_one(monkeypatch, english):
    def deep(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(mognad, "score_responses", deep)
    assert shown(udfs.MOGNAD_SCORE(ROWS, TINY)) == (
        "MOGNAD: the calculation went too deep (a circular reference?)."
    )


def test_an_unusable_policy_setting_is_said_in_the_cells_language(monkeypatch, english):
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "2")
    assert shown(udfs.MOGNAD_SCORE(SIX, TINY)) == (
        "MOGNAD: The minimum group size '2' (from MOGNAD_MIN_SIZE) cannot be used: give a whole "
        "number of at least 3, or 1 to turn the anonymity protection off."
    )


def test_a_message_ending_in_an_exclamation_mark_gets_no_full_stop(monkeypatch, english):
    from mognad_core.errors import MognadError

    def locked(*args, **kwargs):
        raise MognadError("the model file is locked!")

    monkeypatch.setattr(mognad, "prepare", locked)
    assert shown(udfs.MOGNAD_SCORE(ROWS, TINY)) == "MOGNAD: the model file is locked!"
    assert udfs.MOGNAD_CHECK(ROWS, TINY) == [
        ["Check", "Message"],
        ["error", "the model file is locked!"],
    ]


def test_check_says_what_is_hidden_and_the_opt_out_in_the_cells_language(monkeypatch, english):
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "5")
    assert udfs.MOGNAD_CHECK(SIX, TINY) == [
        ["Check", "Message"],
        [
            "anonymity",
            "1 statement(s) not shown (b3): fewer than 5 answers in this set, or hidden so that a "
            "smaller group cannot be derived. They are left out of the dimension and overall "
            "figures here.",
        ],
    ]
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "1")
    (notice,) = udfs.policy_notes()
    assert notice.startswith("Anonymity protection off")
    assert udfs.MOGNAD_CHECK(SIX, TINY) == [["Check", "Message"], ["anonymity", notice]]


def test_is_error_knows_what_a_failing_function_returns():
    assert udfs.is_error(udfs.MOGNAD_SCORE("f11", TINY))  # an ErrorValue
    assert udfs.is_error("#N/A") and udfs.is_error(" #value! ")  # an error cell's text
    assert not udfs.is_error(0.5) and not udfs.is_error("Hög") and not udfs.is_error(None)


def test_a_blank_count_is_two(opt_out):
    two = udfs.MOGNAD_PRIORITIES(ROWS, TINY, 2.0)
    assert len(body(two)) == 3  # the header and two parts
    assert udfs.MOGNAD_PRIORITIES(ROWS, TINY, None) == two
    assert udfs.MOGNAD_PRIORITIES(ROWS, TINY, [[None]]) == two


def test_priorities_and_insights_keep_their_arguments_and_ranges_apart(opt_out, sample_rows):
    """The target is part of MOGNAD_PRIORITIES' cache key, the range of MOGNAD_INSIGHTS'."""
    calls = [
        lambda: udfs.MOGNAD_PRIORITIES(ROWS, TINY, 2.0, 0.5),
        lambda: udfs.MOGNAD_PRIORITIES(ROWS, TINY, 2.0, 0.9),
        lambda: udfs.MOGNAD_INSIGHTS(sample_rows),
        lambda: udfs.MOGNAD_INSIGHTS(sample_rows[:240]),
    ]
    alone = []
    for call in calls:
        udfs.clear_cache()
        alone.append(call())
    assert alone[0] != alone[1] and alone[2] != alone[3]
    udfs.clear_cache()
    assert [call() for call in calls] == alone


# every answer to a1 and a2 "vet ej": dimension A has no score, and nothing is hidden
NO_A = [["a1", "a2", "b1", "b2", "b3"]] + [["vet ej", "vet ej", 3.0, 4.0, 5.0]] * 6


def test_a_part_without_answers_is_no_anonymity_matter(english):
    """Six respondents under the default policy: a dimension nobody answered has no valid
    answers (not "hidden for anonymity"), and the overall score and gap of a range with a
    hidden statement (b3 in SIX) still show."""
    assert shown(udfs.MOGNAD_SCORE(NO_A, TINY, "A"), NA) == (
        'MOGNAD: no valid answers for "A" (every answer is blank or vet ej).'
    )
    gap = udfs.MOGNAD_GAP(NO_A, TINY, 0.5)
    assert gap[3][:4] == ["A", "Alpha", "dimension", ""] and gap[3][5] == ""
    dims = udfs.MOGNAD_DIMENSIONS(NO_A, TINY)
    assert dims[1][:6] == ["A", "Alpha", "", "", 0, 1.0]
    nothing = [NO_A[0]] + [["vet ej"] * 5] * 6
    assert shown(udfs.MOGNAD_SCORE(nothing, TINY), NA) == (
        "MOGNAD: no valid answers for the overall score (every answer is blank or vet ej)."
    )
    gap = udfs.MOGNAD_GAP(SIX, TINY, 0.5)
    assert gap[1][0] == "overall" and gap[1][3] == udfs.MOGNAD_SCORE(SIX, TINY)
    assert isinstance(gap[1][3], float) and isinstance(gap[1][5], float)


def test_english_cells_have_english_notices_texts_and_reasons(opt_out, english):
    (notice,) = udfs.policy_notes()
    assert notice.startswith("Anonymity protection off")
    table = udfs.MOGNAD_DIMENSIONS(ROWS, TINY)
    assert table[-1] == [notice] + [""] * 6
    insights = udfs.MOGNAD_INSIGHTS(ROWS, TINY)
    assert insights[1][:2] == [udfs.OPT_OUT_KEY, notice]
    priorities = udfs.MOGNAD_PRIORITIES(ROWS, TINY, 2, None, "statement")
    assert priorities[1][:2] == [1, "b2"] and priorities[1][6].startswith("low score 50.0 %")
    areas = udfs.MOGNAD_PRIORITIES(ROWS, TINY)
    assert areas[0][-1] == "Statements" and "much don't know, 44.4 %" in areas[1][6]
    os.environ["MOGNAD_MIN_SIZE"] = "5"
    statements = udfs.MOGNAD_STATEMENTS(ALL_HIDDEN, TINY)  # hidden rows keep the English text
    assert [r[1] for r in statements[1:3]] == ["We have a plan.", "The plan is often missing."]
    assert shown(statements[1][3], NA) == hidden(5, "en")


def test_models_are_listed_with_their_titles_in_the_cells_language(english):
    table = udfs.MOGNAD_MODELS()
    titles = {r[0]: r[2] for r in table[1:]}
    dimios = mognad.get_model("dimios")
    assert titles["dimios"] == dimios.display_title("en") != dimios.display_title("sv")
    os.environ["MOGNAD_LANG"] = "sv"
    assert {r[0]: r[2] for r in udfs.MOGNAD_MODELS()[1:]}["dimios"] == dimios.display_title("sv")


def test_level_messages_without_any_model_with_levels(monkeypatch, english):
    only = [i for i in mognad.list_models() if i.name == "dimios"]
    monkeypatch.setattr(mognad, "list_models", lambda: only)
    assert shown(udfs.MOGNAD_LEVEL(0.5, "dimios"), NA) == (
        udfs.PREFIX + texts.text("excel.level.no_levels", "en", model="dimios", others="") + "."
    )


def test_an_unknown_insight_lists_the_keys_there_are(english, sample_rows):
    keys = [r[0] for r in udfs.MOGNAD_INSIGHTS(sample_rows)[1:]]
    assert len(keys) > 1
    assert shown(udfs.MOGNAD_INSIGHTS(sample_rows, "dimios", "zz"), NA) == (
        f'MOGNAD: no insight "zz" (insights: {", ".join(keys)}).'
    )


def test_a_gap_without_a_target_lists_the_models_target_benchmarks(english, tmp_path):
    """A model whose benchmarks are all targets has no default: the message names them."""
    spec = yaml.safe_load(TINY_FILE.read_text("utf-8"))
    other = {**spec["benchmarks"][0], "name": "target_2027"}
    spec["benchmarks"].append(other)
    spec["meta"] = {"target_benchmarks": ["national", "target_2027"]}
    (tmp_path / "mål.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), "utf-8")
    assert "a benchmark name (national, target_2027)" in shown(
        udfs.MOGNAD_GAP(ROWS, str(tmp_path / "mål.yaml"))
    )


def test_arguments_read_as_text(opt_out, english):
    assert shown(udfs.MOGNAD_SCORE(ROWS, TINY, True)) == (
        "MOGNAD: part must be text, not TRUE/FALSE."
    )
    assert shown(udfs.MOGNAD_SCORE(ROWS, TINY, 3.0)).startswith(  # a whole number, as text
        'MOGNAD: "3" is not part of model "tiny".'
    )


def test_ranges_passed_as_one_flat_row_or_as_mixed_rows(opt_out, english):
    assert shown(udfs.MOGNAD_SCORE(["a1", "a2"], TINY), NA) == (
        "MOGNAD: the responses range has a header row but no respondent rows below it."
    )
    column = udfs.MOGNAD_SCORE([["a1"], [4.0], [2.0]], TINY, "a1")
    assert column == pytest.approx(0.5)
    assert udfs.MOGNAD_SCORE([["a1"], 4.0, 2.0], TINY, "a1") == column  # cells by themselves


def test_check_names_a_responses_argument_that_is_no_range(english):
    assert udfs.MOGNAD_CHECK("f11", TINY) == [
        ["Check", "Message"],
        [
            "error",
            "responses must be a range: a header row (statement ids such as f11) and one row "
            "per respondent.",
        ],
    ]


def _tiny_file(path, *, reverse: bool = True):
    """The tiny model written to ``path``, with a2 reversed or not; same name and version."""
    spec = yaml.safe_load(TINY_FILE.read_text("utf-8"))
    spec["dimensions"][0]["statements"][1]["reverse"] = reverse
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), "utf-8")
    return str(path)


def test_a_model_file_is_read_again_when_it_changes_and_files_are_kept_apart(opt_out, tmp_path):
    """A model file edited on disk is read again (its time stamp is in the key), and two files
    of the same model name and version, even with the same time stamp, keep their results."""
    one = _tiny_file(tmp_path / "en.yaml")
    assert udfs.MOGNAD_SCORE(ROWS, one, "a2") == pytest.approx(TINY_SCORES["a2"])
    _tiny_file(tmp_path / "en.yaml", reverse=False)
    os.utime(one, ns=(10**18, 10**18))
    straight = udfs.MOGNAD_SCORE(ROWS, one, "a2")
    assert straight == pytest.approx(1 - TINY_SCORES["a2"])
    two = _tiny_file(tmp_path / "två.yaml")  # a2 reversed, the same time stamp
    os.utime(two, ns=(10**18, 10**18))
    assert udfs.MOGNAD_SCORE(ROWS, two, "a2") == pytest.approx(TINY_SCORES["a2"])
    assert udfs.MOGNAD_SCORE(ROWS, one, "a2") == straight


def test_a_missing_model_file_is_named(english):
    assert shown(udfs.MOGNAD_SCORE(ROWS, "/finns/inte/modell.yaml")) == (
        "MOGNAD: /finns/inte/modell.yaml: model file not found."
    )


def test_models_are_looked_up_again_after_the_plugins_are_reset():
    class Plugin:
        def __init__(self, ids):
            self.ids = ids

        @mognad.hookimpl
        def register_models(self, register):
            model = _same_version_model("alfa", 5, reverse=False)
            spec = model.model_dump(mode="json", exclude_none=True)
            for st, sid in zip(spec["dimensions"][0]["statements"], self.ids, strict=True):
                st["id"] = sid
            register(mognad.model_from_dict(spec))

    try:
        mognad.get_plugin_manager().register(Plugin(["a1", "a2"]), name="alfa-1")
        assert udfs.MOGNAD_HEADERS("alfa") == [["a1", "a2"]]
        mognad.reset_plugins()
        mognad.get_plugin_manager().register(Plugin(["x1", "x2"]), name="alfa-2")
        assert udfs.MOGNAD_HEADERS("alfa") == [["x1", "x2"]]
    finally:
        mognad.reset_plugins()


def test_the_models_looked_up_are_at_most_64(tmp_path):
    files = [_tiny_file(tmp_path / f"m{i}.yaml") for i in range(65)]
    for f in files:
        assert udfs.MOGNAD_HEADERS(f) == [["a1", "a2", "b3", "b1", "b2"]]
    assert 1 <= len(udfs._MODELS) <= 64


def test_an_unknown_language_setting_is_said_in_both_languages(monkeypatch):
    monkeypatch.setenv("MOGNAD_LANG", "xx")
    assert shown(udfs.MOGNAD_SCORE(ROWS, TINY)) == (
        "MOGNAD: Okänt språk 'xx': välj sv (svenska) eller en (engelska). / Unknown language "
        "'xx': choose sv (Swedish) or en (English)."
    )


def test_an_error_value_as_the_responses_is_named_as_one(english):
    assert shown(udfs.MOGNAD_SCORE("#N/A", TINY), NA) == (
        "MOGNAD: responses is the error value #N/A (from the cell it comes from)."
    )


def test_a_recalculation_in_english_refuses_in_english(monkeypatch):
    """``recalc --lang en`` while the setting is Swedish: the refusal is English."""
    monkeypatch.delenv("MOGNAD_LANG", raising=False)
    with udfs.settings_for_run(lang="en"):
        assert shown(udfs.MOGNAD_SCORE(THREE, TINY), NA) == (
            "MOGNAD: No results for the responses, for anonymity: fewer than 5 respondents, or a "
            "smaller group could be derived from what is shown (--min-size, MOGNAD_MIN_SIZE)."
        )


# ---- what mutation testing found: the survivors that were not equivalent -------------------
class GammaDelta:
    """A plugin with two models of one range: gamma (a1, a2) and delta (a1, a2, a3)."""

    @mognad.hookimpl
    def register_models(self, register):
        for name, ids in (("gamma", ("a1", "a2")), ("delta", ("a1", "a2", "a3"))):
            register(
                mognad.model_from_dict(
                    {
                        "name": name,
                        "version": "1.0",
                        "title": name.title(),
                        "dimensions": [
                            {
                                "id": "D",
                                "label": "D",
                                "statements": [{"id": s, "text": f"Påstående {s}."} for s in ids],
                            }
                        ],
                    }
                )
            )


# six respondents; a3 answered by two of them
GAMMA_DELTA = [["a1", "a2", "a3"]] + [
    [float(1 + i % 5), float(5 - i % 4), 3.0 if i < 2 else None] for i in range(6)
]


def test_each_model_checks_a_range_with_its_own_notes_and_hidden_figures(register_plugin):
    """Kills `_checked` 32, 94 (the model left out of MOGNAD_CHECK's keys of the responses or
    of the score): checked with gamma first, the range checked with delta showed gamma's note
    that a3 matches no statement, or gamma's score with no hidden a3."""
    register_plugin(GammaDelta(), "gamma-delta")
    with udfs.settings_for_run(lang="en"):
        gamma = udfs.MOGNAD_CHECK(GAMMA_DELTA, "gamma")
        delta = udfs.MOGNAD_CHECK(GAMMA_DELTA, "delta")
        udfs.clear_cache()
        assert udfs.MOGNAD_CHECK(GAMMA_DELTA, "delta") == delta
        udfs.clear_cache()
        assert udfs.MOGNAD_CHECK(GAMMA_DELTA, "gamma") == gamma
    assert [kind for kind, _ in gamma[1:]] == ["note"]
    assert gamma[1][1].startswith('Not scored: "a3" look(s) like statement column(s)')
    assert [kind for kind, _ in delta[1:]] == ["anonymity"]
    assert delta[1][1].startswith("1 statement(s) not shown (a3): fewer than 5 answers")


def test_a_check_reads_the_range_with_its_model_when_nothing_can_be_cached(monkeypatch):
    """Kills `_checked` 93 (``_scored(responses, None, mkey)``): the score read the responses
    without the model, which went unnoticed while the responses prepared just before were in
    the cache; with a cache budget smaller than any result nothing is kept."""
    with udfs.settings_for_run(lang="en"):
        cached = udfs.MOGNAD_CHECK(SIX, TINY)
        udfs.clear_cache()
        monkeypatch.setenv("MOGNAD_EXCEL_CACHE_MB", "0,000001")  # one byte
        assert udfs.MOGNAD_CHECK(SIX, TINY) == cached
        assert udfs.CACHE.stats().size == 0 and udfs.CACHE.stats().too_large > 0
    assert [kind for kind, _ in cached[1:]] == ["anonymity"]
    assert cached[1][1].startswith("1 statement(s) not shown (b3)")


class RanksByAnswers:
    """Ranks the candidates by how many respondents answered them, fewest first, from the
    responses MOGNAD_PRIORITIES passes in the context."""

    def __init__(self):
        self.seen: list[int] = []

    @mognad.hookimpl
    def rank_priorities(self, model, table, context):
        rs = context["responses"]
        self.seen.append(rs.n)
        answered = {sid: int((rs.values[:, j] == rs.values[:, j]).sum()) for j, sid in
                    enumerate(rs.model.statement_ids)}  # fmt: skip
        return sorted(table.index, key=lambda sid: (answered[sid], sid))


def test_a_ranking_plugin_is_given_the_responses(register_plugin, opt_out):
    """Kills `_priorities` 45, 52, 54, 55 (the responses left out of the plugins' context, or
    under another name): a plugin's ``rank_priorities`` may read them (the hook's docstring:
    the context carries whatever the caller passed, as the CLI and the report pass them)."""
    plugin = register_plugin(RanksByAnswers(), "ranks-by-answers")
    table = udfs.MOGNAD_PRIORITIES(ROWS, TINY, 5.0, None, "statement")
    assert plugin.seen == [4]
    # valid answers in ROWS: a1 2, a2 3, b3 0 (not a candidate), b1 3, b2 2
    assert [r[1] for r in table[1:5]] == ["a1", "b2", "a2", "b1"]
    assert table[5][0].startswith("Anonymitetsskydd avstängt")  # the opt-out, not a part
