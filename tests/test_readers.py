"""Readers: workbooks and CSV files written here and read back, positions as the user sees them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import DIMIOS_SAMPLE, ROOT, TINY
from openpyxl import Workbook

import mognad_core as mognad
from mognad_core.readers import read_table
from mognad_core.readers.csv import CsvReader, detect_separator
from mognad_core.readers.excel import ExcelReader
from mognad_core.texts import words


def _workbook(tmp_path: Path, rows, *, start_row=1, start_col=1, hidden_first=False) -> Path:
    wb = Workbook()
    if hidden_first:
        ws0 = wb.active
        ws0.title = "Dold"
        ws0.sheet_state = "hidden"
        ws0["A1"] = "ignore me"
        ws = wb.create_sheet("Svar")
    else:
        ws = wb.active
        ws.title = "Svar"
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            ws.cell(row=start_row + i, column=start_col + j, value=value)
    path = tmp_path / "svar.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_table_away_from_a1_keeps_user_positions(tmp_path, engine):
    rows = [
        ["a1", "a2", None, "roll"],
        [1, 2, None, "Chef"],
        [None, None, None, None],
        [3, "Vet ej", None, "Medarbetare"],
    ]
    path = _workbook(tmp_path, rows, start_row=3, start_col=2)
    table = ExcelReader(engine).read(path)
    assert list(table.frame.columns) == ["a1", "a2", "roll"]
    assert table.header_row == 3
    assert list(table.row_numbers) == [4, 6]  # the empty row 5 is dropped, numbering kept
    assert table.column_indices == [1, 2, 4]  # B, C, E: the empty column D is dropped
    assert table.frame.iloc[1, 1] == "Vet ej"


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_first_visible_sheet_is_the_default(tmp_path, engine):
    path = _workbook(tmp_path, [["a1"], [1]], hidden_first=True)
    assert ExcelReader(engine).read(path).sheet == "Svar"
    assert ExcelReader(engine).read(path, "svar").sheet == "Svar"  # case-insensitive
    assert ExcelReader(engine).sheet_names(path) == ["Dold", "Svar"]


def test_engines_agree_on_the_bundled_sample():
    path = DIMIOS_SAMPLE
    fast = mognad.prepare(ExcelReader("calamine").read(path), mognad.get_model("dimios"))
    slow = mognad.prepare(ExcelReader("openpyxl").read(path), mognad.get_model("dimios"))
    np.testing.assert_array_equal(fast.values, slow.values)
    np.testing.assert_array_equal(fast.dont_know, slow.dont_know)
    assert fast.n == slow.n == 480


def test_csv_swedish_excel_cp1252_semicolon_decimal_comma(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_bytes(
        "förvaltning;a1;a2\nSocialförvaltningen;4,0;Vet ej\nKLF;3;2\n".encode("cp1252")
    )
    table = read_table(path)
    assert list(table.frame.columns) == ["förvaltning", "a1", "a2"]
    assert table.frame.iloc[0, 0] == "Socialförvaltningen"
    assert table.column_style == "number"
    model = mognad.load_model_file(TINY)
    rs = mognad.prepare(table, model)
    assert rs.values[0, 0] == 4.0 and rs.dont_know[0, 1]


def test_csv_utf8_with_bom_and_commas(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_bytes("\ufeffroll,a1\nChef,5\n\nMedarbetare,1\n".encode())
    table = CsvReader().read(path)
    assert list(table.frame.columns) == ["roll", "a1"]  # no BOM in the first header
    assert list(table.row_numbers) == [2, 4]  # the blank line 3 keeps its number


@pytest.mark.parametrize(
    ("text", "sep"),
    [
        ("a;b;c\n1;2;3\n", ";"),
        ("a,b,c\n1,2,3\n", ","),
        ("a\tb\n1\t2\n", "\t"),
        ("a;b\n1,5;2,5\n", ";"),
    ],
)
def test_separator_detection(text, sep):
    assert detect_separator(text) == sep


def test_sheet_names_error_for_corrupt_workbook(tmp_path):
    path = tmp_path / "trasig.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(mognad.InputError, match=r"^trasig\.xlsx: the file is not a readable"):
        read_table(path)


def _surveymonkey_rows(ex, texts):
    """SurveyMonkey's "expanded" export: the questions in row 1 (a matrix question over its
    first column only), "Response" or a matrix row's text in row 2, then one row per respondent."""
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address"]
    title = "Hur väl stämmer följande påståenden?"
    top = [*meta, "Förvaltning", title, *[None] * (len(ex.ids) - 1)]
    top += ["Vad använder ni?", None, "Kommentar", "Vad saknas?", None]
    sub = [*[None] * len(meta), "Response", *texts]
    sub += [
        "Teams",
        "Other (please specify)",
        "Open-Ended Response",
        "Tid",
        "Other (please specify)",
    ]
    times = ["03/03/2025 09:12:44 AM", "03/03/2025 09:15:02 AM"]
    rows = [
        [11400 + i, 4000, *times, "192.0.2.1", "Soc", *answers, "Teams", None, None, None, "Pengar"]
        for i, answers in enumerate(ex.answers)
    ]
    return [top, sub, *rows]


@pytest.mark.parametrize("kind", ["calamine", "openpyxl", "csv"])
def test_surveymonkeys_two_header_rows_are_read_as_one(tmp_path, kind, export_answers):
    ex = export_answers
    model = mognad.get_model("dimios")
    rows = _surveymonkey_rows(ex, [model.statement(s).text for s in ex.ids])
    if kind == "csv":
        path = tmp_path / "Sheet_1.csv"
        path.write_text(
            "\ufeff"
            + "".join(",".join(f'"{v}"' if v is not None else "" for v in r) + "\n" for r in rows),
            encoding="utf-8",
        )
        table = CsvReader().read(path)
        where = "Rows 1 and 2"
    else:
        path = _workbook(tmp_path, rows)
        table = ExcelReader(kind).read(path)
        where = 'Rows 1 and 2 of sheet "Svar"'
    assert list(table.frame.columns) == [
        "Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Förvaltning",
        *[model.statement(s).text for s in ex.ids],
        "Teams", "Vad använder ni? - Other (please specify)", "Kommentar", "Tid",
        "Vad saknas? - Other (please specify)",
    ]  # fmt: skip
    assert table.header_row == 2 and list(table.row_numbers) == list(range(3, 9))
    assert words(table.notes, "en") == [
        f"{where} were read as SurveyMonkey's two header rows: each column is named by its text "
        'in row 2 (a matrix row or an option), or in row 1 where row 2 is blank or says "Response".'
    ]
    result = mognad.score(path, "dimios", min_size=1)
    assert {s: result.statements[s].mean for s in ex.ids} == pytest.approx(ex.means)
    assert result.n_respondents == 6


def test_a_second_row_of_answers_is_not_a_header_row(tmp_path):
    """A respondent's row holding the word "Response" and numbers is a respondent."""
    path = tmp_path / "svar.csv"
    path.write_text("typ;a1;b1\nResponse;4;5\nResponse;2;1\n", encoding="utf-8")
    table = CsvReader().read(path)
    assert table.header_row == 1 and table.notes == [] and len(table.frame) == 2


def test_the_robustness_page_names_surveymonkeys_markers():
    from mognad_core.readers.grid import SURVEYMONKEY_MARKERS

    doc = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    row = next(line for line in doc.splitlines() if line.startswith("| two header rows"))
    assert [m for m in SURVEYMONKEY_MARKERS if f"`{m}`" in row] == list(SURVEYMONKEY_MARKERS)


def _sheets(tmp_path: Path, sheets: dict[str, list[list]], hidden=()) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        if name in hidden:
            ws.sheet_state = "hidden"
    path = tmp_path / "svar.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_other_sheets_with_data_are_named_when_the_first_was_read(tmp_path, engine):
    """A hand-made workbook with a sheet per förvaltning: reading the first sheet alone used to
    give the first förvaltning's scores without a word about the others."""
    head = ["förvaltning", "a1", "b1"]
    path = _sheets(
        tmp_path,
        {
            "Soc": [head, ["Soc", 5, 4], ["Soc", 4, 4]],
            "KLF": [head, ["KLF", 2, 3]],
            "Blad3": [],  # Excel's empty sheet
            "Gammal": [head, ["Soc", 1, 1]],  # hidden: not offered
        },
        hidden=("Gammal",),
    )
    table = ExcelReader(engine).read(path)
    assert table.other_sheets == ["KLF"]
    assert words(table.notes, "en") == [
        'Only sheet "Soc" was read; the workbook has 1 other sheet(s) with data ("KLF"). If '
        "answers are on several sheets, put them in one sheet; read another sheet with --sheet."
    ]
    chosen = ExcelReader(engine).read(path, "Soc")
    assert chosen.other_sheets == [] and chosen.notes == []


def test_a_first_sheet_without_statements_names_the_other_sheets(tmp_path, run_cli):
    info = [["Enkät", "Digital mognad 2025"], ["Period", "1-31 mars"]]
    path = _sheets(tmp_path, {"Information": info, "Svar": [["a1", "b1"], [5, 4]]})
    res = run_cli("score", path, "--model", TINY, "--lang", "en")
    assert res.exit_code == 2
    assert res.stderr.strip() == (
        'Error: svar.xlsx, sheet "Information", row 1: no column matches a statement of model '
        '"tiny" (headers found: "Enkät", "Digital mognad 2025"). Expected headers with statement '
        "ids (a1, a2, b3, b1, ...) or statement texts; is this the right model and sheet (other "
        'sheets with data: "Svar"; read one with --sheet)?'
    )


# ---- what mutation testing found (readers/__init__.py; docs/quality.md) ----------------------
def test_data_files_are_read_as_json_or_yaml_by_their_suffix(tmp_path):
    """JSON with tab indentation (which YAML refuses) and a byte-order mark, under an upper-case
    suffix; a file that cannot be parsed is named."""
    data = tmp_path / "rubriker.JSON"
    data.write_text('{\n\t"Fråga ett": "a1",\n\t"Kommentar": null\n}\n', encoding="utf-8-sig")
    assert mognad.load_mapping(data) == {"Fråga ett": "a1", "Kommentar": None}
    bad = tmp_path / "rubriker.yaml"
    bad.write_text("Fråga ett: [a1\n", encoding="utf-8")
    with pytest.raises(mognad.InputError) as caught:
        mognad.load_mapping(bad)
    assert caught.value.text("en").startswith(
        "rubriker.yaml: the mapping file cannot be parsed (while parsing a flow sequence"
    )


def test_read_table_with_limits_reads_the_sheet_asked_for(tmp_path):
    from mognad_core.readers import Limits

    book = Workbook()
    book.active.title = "Info"
    book.active.append(["enkät", "år"])
    book.active.append(["Digital mognad", 2025])
    svar = book.create_sheet("Svar")
    svar.append(["a1", "a2"])
    svar.append([4, 2])
    book.save(tmp_path / "svar.xlsx")
    table = read_table(tmp_path / "svar.xlsx", "Svar", limits=Limits(max_rows=10))
    assert table.sheet == "Svar" and list(table.frame.columns) == ["a1", "a2"]


def test_files_no_reader_takes_are_refused_saying_what_to_do(tmp_path):
    known = "one of: .csv, .tsv, .txt, .xlsm, .xlsx"
    (tmp_path / "mapp").mkdir()
    for name in ("tom.xlsx", "gammal.XLS", "svar.ods", "svar.numbers", "svar.pdf", "utan"):
        (tmp_path / name).write_bytes(b"" if name.startswith("tom") else b"x")
    cases = {
        "saknas.xlsx": (
            "file not found. Expected the path of a response file.",
            "filen finns inte. Förväntat: sökvägen till en svarsfil.",
        ),
        "mapp": ("this is a folder, not a file.", "det här är en mapp, inte en fil."),
        "gammal.XLS": (
            f'no reader for ".XLS" files. Expected {known}; open the .xls file in Excel and save '
            'it as "Excel Workbook (*.xlsx)".',
            'det finns ingen läsare för ".XLS"-filer. Förväntat: något av: .csv, .tsv, .txt, '
            '.xlsm, .xlsx; öppna .xls-filen i Excel och spara den som "Excel-arbetsbok (*.xlsx)".',
        ),
        "svar.ods": (
            f'no reader for ".ods" files. Expected {known}; open the .ods file in LibreOffice and '
            'save it as "Excel 2007-365 (.xlsx)".',
            None,
        ),
        "svar.numbers": (
            f'no reader for ".numbers" files. Expected {known}; export the Numbers file to Excel '
            "(.xlsx).",
            None,
        ),
        "svar.pdf": (f'no reader for ".pdf" files. Expected {known}.', None),
        "utan": (
            f'no reader for "(no suffix)" files. Expected {known}.',
            'det finns ingen läsare för "(utan filändelse)"-filer. Förväntat: något av: .csv, '
            ".tsv, .txt, .xlsm, .xlsx.",
        ),
        "tom.xlsx": (
            "the file is empty. Expected a response file with data.",
            "filen är tom. Förväntat: en svarsfil med data.",
        ),
    }
    for name, (en, sv) in cases.items():
        with pytest.raises(mognad.InputError) as caught:
            read_table(tmp_path / name)
        assert caught.value.text("en") == f"{name}: {en}"
        if sv is not None:
            assert caught.value.text() == f"{name}: {sv}"
