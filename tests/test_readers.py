"""Readers: workbooks and CSV files written here and read back, positions as the user sees them."""

from __future__ import annotations

import datetime
import unicodedata
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
        "rubriker.yaml, row 1, column 12: the mapping file cannot be parsed as YAML (the YAML "
        'parser says: "while parsing a flow sequence'
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


# ---- what mutation testing found (readers/grid.py; docs/quality.md) --------------------------
@pytest.mark.parametrize(
    ("title", "width", "shown"),
    [
        (
            ["Enkät om digital mognad, Åre kommun 2025 (alla svar)", "Åre", 2025],
            12,
            '"Enkät om digital mognad, Åre kommun…", "Åre", "2025"',
        ),
        (["Kommun:", "Åre", "År:", 2025], 16, '"Kommun:", "Åre", "År:", ...'),
    ],
)
@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_a_title_row_of_up_to_a_quarter_of_the_headers_is_skipped(
    tmp_path, engine, title, width, shown
):
    """3 cells above 12 headers, 4 above 16: a title, quoted as three cells of at most 40
    characters and "..." for more (the year 2025 as calamine's 2025.0 too)."""
    header = ["förvaltning", *(f"f{i}" for i in range(1, width))]
    path = _workbook(tmp_path, [title, header, ["Soc", *range(1, width)]])
    table = ExcelReader(engine).read(path)
    assert table.header_row == 2 and list(table.frame.columns) == header
    assert words(table.notes, "en") == [
        f'Row 1 of sheet "Svar", above the header row (row 2), was read as a title and skipped: '
        f"{shown}."
    ]
    assert words(table.notes) == [
        f'Rad 1 i bladet "Svar", ovanför rubrikraden (rad 2), lästes som en titel och hoppades '
        f"över: {shown}."
    ]


def test_a_row_too_wide_for_a_title_is_refused_in_either_language(tmp_path):
    header = ["förvaltning", *(f"f{i}" for i in range(1, 12))]
    path = _workbook(tmp_path, [["Kommun:", "Åre", "År:", 2025], header, ["Soc", *range(1, 12)]])
    with pytest.raises(mognad.InputError) as caught:
        read_table(path)
    assert caught.value.text("en") == (
        'svar.xlsx, sheet "Svar", row 1: this row has 4 filled cells ("Kommun:", "Åre", "År:", '
        "...) above row 2, which has 12: it could be a title or the header row. Expected the "
        "header row (statement ids or texts, one per column) as the first filled row: delete the "
        "title rows above it, or fill in the missing headers."
    )
    assert caught.value.text() == (
        'svar.xlsx, blad "Svar", rad 1: den här raden har 4 ifyllda celler ("Kommun:", "Åre", '
        '"År:", ...) ovanför rad 2, som har 12: den kan vara en titel eller rubrikraden. '
        "Förväntat: rubrikraden (påståendenas id eller texter, en per kolumn) som första "
        "ifyllda rad: ta bort titelraderna ovanför den, eller fyll i rubrikerna som saknas."
    )


def test_the_header_is_looked_for_in_the_first_30_filled_rows(tmp_path):
    """29 one-cell rows (and a blank row, not counted) above the header: a title block. With
    30 of them the header is not among the rows looked at, and the first row is named."""
    head, answers = ["förvaltning", "a1", "a2"], ["Soc", 4, 5]
    notes = [[f"Anteckning {i}"] for i in range(1, 30)]
    table = read_table(_workbook(tmp_path, [*notes, [], head, answers]))
    assert table.header_row == 31 and list(table.row_numbers) == [32]
    assert list(table.frame.columns) == head
    assert words(table.notes, "en")[0].startswith(
        "Rows 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, "
        '24, 25, 26, 27, 28 and 29 of sheet "Svar", above the header row (row 31), were read as '
        'a title and skipped (row 1: "Anteckning 1"; row 2: "Anteckning 2"; row 3: '
        '"Anteckning 3"; row 4: "Anteckning 4"; ...).'
    )
    with pytest.raises(mognad.InputError) as caught:
        read_table(_workbook(tmp_path, [*notes, ["Anteckning 30"], head, answers]))
    assert caught.value.location.row == 1
    assert 'holds only "Anteckning 1", which looks like a title' in caught.value.text("en")


@pytest.mark.parametrize(
    ("title", "quoted"),
    [
        (  # 60 characters: quoted in full
            "Resultat av enkät om digital mognad i Åre kommun, våren 2025",
            "Resultat av enkät om digital mognad i Åre kommun, våren 2025",
        ),
        (  # 61: cut at a word within 51 characters
            "Resultat av enkäten om digital mognad i Åre kommun, hösten 25",
            "Resultat av enkäten om digital mognad i Åre…",
        ),
    ],
)
def test_a_title_alone_above_columns_without_headers_is_refused(tmp_path, title, quoted):
    """A title in A3 (below two blank rows) and answers in column B without a header."""
    path = _workbook(tmp_path, [[], [], [title], [None, 4], [None, 2]])
    with pytest.raises(mognad.InputError) as caught:
        read_table(path)
    assert caught.value.text("en") == (
        f'svar.xlsx, sheet "Svar", row 3: the first filled row holds only "{quoted}", which '
        "looks like a title, not a header row. Expected the header row (statement ids or "
        "texts, one per column) as the first filled row: delete the title rows above it."
    )
    assert caught.value.text() == (
        f'svar.xlsx, blad "Svar", rad 3: den första ifyllda raden har bara "{quoted}", som ser '
        "ut som en titel, inte som en rubrikrad. Förväntat: rubrikraden (påståendenas id eller "
        "texter, en per kolumn) som första ifyllda rad: ta bort titelraderna ovanför den."
    )


@pytest.mark.parametrize(
    "second",
    [
        ["Response", 4, 5],
        ["Response", "3,5", "4,5"],  # numbers with a decimal comma, as text
        ["Response", datetime.datetime(2025, 3, 3, 9, 12), "Vet ej"],
        ["Response", True, "Vet ej"],
    ],
)
@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_a_row_of_answers_with_the_word_response_is_not_a_second_header_row(
    tmp_path, engine, second
):
    """SurveyMonkey's second header row holds texts only: a number or a date in the row below
    the header makes it a respondent's row."""
    path = _workbook(tmp_path, [["typ", "a1", "b1"], second, second])
    table = ExcelReader(engine).read(path)
    assert table.header_row == 1 and list(table.row_numbers) == [2, 3]
    assert list(table.frame.columns) == ["typ", "a1", "b1"] and table.notes == []


def test_a_surveymonkey_text_repeated_before_the_first_question_is_named_alone(tmp_path):
    top = [None, "Vad använder ni?", None, "Kommentar"]
    sub = ["Other (please specify)", "Teams", "Other (please specify)", "Open-Ended Response"]
    path = _workbook(tmp_path, [top, sub, ["Zoom", "Teams", "Slack", "Bra"]])
    table = ExcelReader("openpyxl").read(path)
    assert list(table.frame.columns) == [
        "Other (please specify)",
        "Teams",
        "Vad använder ni? - Other (please specify)",
        "Kommentar",
    ]
    assert table.header_row == 2 and table.frame.iloc[0].tolist() == [
        "Zoom",
        "Teams",
        "Slack",
        "Bra",
    ]


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_numbers_as_headers_are_written_without_a_decimal_point(tmp_path, engine):
    path = _workbook(tmp_path, [["förvaltning", 2024, 3.5], ["Soc", 4, 5]])
    assert list(ExcelReader(engine).read(path).frame.columns) == ["förvaltning", "2024", "3.5"]


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_text_cells_are_put_in_nfc_form_and_the_others_kept(tmp_path, engine):
    """macOS's "ö" as "o" and a combining diaeresis, beside ASCII text, text already in NFC
    form and numbers."""
    soc = "Socialförvaltningen"
    nfd = unicodedata.normalize("NFD", soc)
    path = _workbook(tmp_path, [["förvaltning", "a1"], [nfd, 4], ["KLF", 5], ["Miljö", 3]])
    frame = ExcelReader(engine).read(path).frame
    assert frame["förvaltning"].tolist() == [soc, "KLF", "Miljö"]
    assert frame["a1"].tolist() == [4, 5, 3]


def test_a_grid_from_a_worksheet_range_is_put_in_nfc_form_unless_told_not_to():
    """As the worksheet functions pass a range (mognad_excel.udfs): check_nfc is on unless the
    reader says it has done it."""
    import pandas as pd

    from mognad_core.readers.grid import table_from_grid

    nfd = unicodedata.normalize("NFD", "Socialförvaltningen")
    grid = pd.DataFrame([["förvaltning", "a1"], [nfd, 4.0]], dtype=object)
    assert table_from_grid(grid, source=None, sheet="Svar").frame.iat[0, 0] == "Socialförvaltningen"
    assert table_from_grid(grid, source=None, sheet="Svar", check_nfc=False).frame.iat[0, 0] == nfd


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
@pytest.mark.parametrize("cells", [{}, {"B2": "   "}], ids=["no cells", "blank text"])
def test_an_empty_sheet_is_refused_saying_what_was_expected(tmp_path, engine, cells):
    wb = Workbook()
    wb.active.title = "Svar"
    for ref, value in cells.items():
        wb.active[ref] = value
    wb.save(tmp_path / "tom.xlsx")
    with pytest.raises(mognad.InputError) as caught:
        ExcelReader(engine).read(tmp_path / "tom.xlsx")
    assert caught.value.text("en") == (
        'tom.xlsx, sheet "Svar": the sheet is empty. Expected a header row with statement ids '
        "or texts."
    )
    assert caught.value.text() == (
        'tom.xlsx, blad "Svar": bladet är tomt. Förväntat: en rubrikrad med påståendenas id '
        "eller texter."
    )


@pytest.mark.parametrize("n", [4, 5])
def test_a_title_block_of_four_rows_is_listed_whole_and_of_five_cut(tmp_path, n):
    titles = [[f"Rad {i}"] for i in range(1, n + 1)]
    table = read_table(_workbook(tmp_path, [*titles, ["a1", "a2"], [4, 5]]))
    listed = "1, 2, 3 and 4" if n == 4 else "1, 2, 3, 4 and 5"
    shown = '(row 1: "Rad 1"; row 2: "Rad 2"; row 3: "Rad 3"; row 4: "Rad 4"'
    assert words(table.notes, "en") == [
        f'Rows {listed} of sheet "Svar", above the header row (row {n + 1}), were read as a '
        f"title and skipped {shown}{'; ...' if n == 5 else ''})."
    ]


def test_a_reader_plugin_may_leave_rows_and_columns_to_rawtable(tmp_path, register_plugin):
    """A third-party reader can return ``RawTable(frame, header_row=...)`` alone: the rows the
    user sees follow the header row, the columns count from the sheet's first (A), and a bad
    value is located by them (kills the mutants of RawTable.__post_init__)."""
    import pandas as pd

    from mognad_core.readers.interface import RawTable, ResponseReader

    frame = pd.DataFrame(
        [["Soc", 4, 2], ["Soc", 3, 9], ["KLF", 5, 1]], columns=["förvaltning", "a1", "a2"]
    ).astype(object)

    class Reader(ResponseReader):
        name = "svar-reader"
        suffixes = (".svar",)

        def read(self, path, sheet=None):
            return RawTable(frame.copy(), source=str(path), header_row=3)

    class Plugin:
        @mognad.hookimpl
        def register_readers(self, register):
            register(Reader())

    register_plugin(Plugin(), "svar-reader")
    path = tmp_path / "enkät.svar"
    path.write_text("x", encoding="utf-8")
    table = read_table(path)
    assert list(table.row_numbers) == [4, 5, 6]
    assert table.column_indices == [0, 1, 2]
    with pytest.raises(mognad.InputError) as err:
        mognad.score(path, TINY)
    assert err.value.text("en").startswith('enkät.svar, row 5, column C ("a2"): 9 is not')


def test_with_no_readers_the_refusal_says_none(tmp_path, monkeypatch):
    import mognad_core.plugins

    monkeypatch.setattr(mognad_core.plugins, "get_readers", lambda: {})
    path = tmp_path / "svar.csv"
    path.write_text("a1\n3\n", encoding="utf-8")
    with pytest.raises(mognad.InputError) as err:
        read_table(path)
    assert err.value.text("en").endswith('no reader for ".csv" files. Expected one of: none.')
    assert err.value.text("sv").endswith("-filer. Förväntat: något av: inga.")


# ---- OLE2 files named .xlsx: what the message says is read from the file's directory ----------


def _ole_file(streams: dict[str, bytes]) -> bytes:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_corpus_ole", ROOT / "tests" / "corpus" / "make_corpus.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.ole_file(streams)


def test_the_streams_of_real_ole2_files_are_listed():
    from mognad_core.readers.excel import ole_stream_names

    hand = ROOT / "tests" / "corpus" / "hand"
    legacy = {"\x01CompObj", "\x01Ole", "\x05DocumentSummaryInformation", "\x05SummaryInformation"}
    assert ole_stream_names((hand / "legacy.xls").read_bytes()) == legacy | {"Workbook"}
    encrypted = ole_stream_names((hand / "password_protected.xlsx").read_bytes())
    assert {"EncryptedPackage", "EncryptionInfo", "\x06DataSpaces", "Version"} <= encrypted
    assert "Workbook" not in encrypted


@pytest.mark.parametrize(
    ("streams", "en", "sv"),
    [
        # a Word document whose text holds the other names: the directory decides, not the bytes
        (
            {"WordDocument": "Workbook EncryptedPackage".encode("utf-16-le"), "1Table": b"x"},
            "the file is a Word 97-2003 document (.doc), not an .xlsx workbook",
            "filen är ett Word 97-2003-dokument (.doc), inte en .xlsx-arbetsbok",
        ),
        (
            {"Book": b"x"},
            "the file is an old-format Excel 97-2003 workbook (.xls) named .xlsx",
            "filen är en Excel 97-2003-arbetsbok i det gamla formatet (.xls) med ändelsen .xlsx",
        ),
        (
            {"PowerPoint Document": "Book".encode("utf-16-le")},
            "the file is an old Office file, not an .xlsx workbook",
            "filen är en gammal Office-fil, inte en .xlsx-arbetsbok",
        ),
        (
            {"EncryptionInfo": b"x", "EncryptedPackage": b"y"},
            "the workbook is password-protected (encrypted) and cannot be read",
            "arbetsboken är lösenordsskyddad (krypterad) och kan inte läsas",
        ),
    ],
)
def test_an_ole2_file_named_xlsx_is_named_by_its_streams(tmp_path, streams, en, sv):
    path = tmp_path / "svar.xlsx"
    path.write_bytes(_ole_file(streams))
    with pytest.raises(mognad.InputError) as err:
        read_table(path)
    assert err.value.text("en").startswith(f"svar.xlsx: {en}.")
    assert err.value.text("sv").startswith(f"svar.xlsx: {sv}.")


def test_a_damaged_ole2_directory_falls_back_on_the_names_in_its_bytes(tmp_path):
    """olefile refuses a header without its sectors; the names are then looked for as text."""
    from mognad_core.readers.excel import OLE2_MAGIC

    for name, start in (
        ("EncryptedPackage", "the workbook is password"),
        ("Book", "the file is an old-format"),
    ):
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(OLE2_MAGIC + b"\0" * 100 + name.encode("utf-16-le") + b"\0" * 100)
        with pytest.raises(mognad.InputError) as err:
            read_table(path)
        assert err.value.text("en").startswith(f"{name}.xlsx: {start}")


def test_a_bracket_that_never_closes_is_located_where_it_began(tmp_path):
    """YAML finds an unclosed [ at the end of the file, a line after the last: the message
    names the line and column of the [ instead (a row the file has)."""
    from mognad_core.readers import read_data_file
    from mognad_core.texts import Message

    path = tmp_path / "rubriker.yaml"
    path.write_text("Fråga 1: f11\nFråga 2: [f12\n", encoding="utf-8")
    with pytest.raises(mognad.InputError) as err:
        read_data_file(path, Message("error.what.mapping_file"))
    assert err.value.text("sv").startswith("rubriker.yaml, rad 2, kolumn 10: mappningsfilen kan")
    # an error inside the file keeps the parser's own place
    path.write_text("a: 1\nb: c: d\ne: 2\n", encoding="utf-8")
    with pytest.raises(mognad.InputError) as err:
        read_data_file(path, Message("error.what.mapping_file"))
    assert err.value.text("en").startswith("rubriker.yaml, row 2, column 5: the mapping file")


_EXPECTED_YAML = (
    'Expected valid YAML, with a "key: value" line for each entry and a text with a colon, '
    "comma or # in double quotes."
)
_EXPECTED_YAML_SV = (
    'Förväntat: giltig YAML, med en rad "nyckel: värde" för varje post och en text med kolon, '
    "komma eller # inom dubbla citattecken."
)
_EXPECTED_JSON = (
    'Expected valid JSON, an object of "key": value pairs.',
    'Förväntat: giltig JSON, ett objekt med par "nyckel": värde.',
)


@pytest.mark.parametrize(
    ("name", "content", "en", "sv"),
    [
        (
            "a.yaml",
            b"a: 1\nb: \xe5\n",
            "a.yaml, row 2: the mapping file is not UTF-8 text. Expected text saved as UTF-8 "
            "(in a text editor: Save As, encoding UTF-8).",
            "a.yaml, rad 2: mappningsfilen är inte UTF-8-text. Förväntat: text sparad som UTF-8 "
            "(i en textredigerare: Spara som, kodning UTF-8).",
        ),
        (
            "b.json",
            b'{"a": 1,\n "b" 2}',
            "b.json, row 2, column 6: the mapping file cannot be parsed as JSON (the JSON parser "
            f"says: \"Expecting ':' delimiter\"). {_EXPECTED_JSON[0]}",
            "b.json, rad 2, kolumn 6: mappningsfilen kan inte tolkas som JSON (JSON-tolkens "
            f"besked: \"Expecting ':' delimiter\"). {_EXPECTED_JSON[1]}",
        ),
        (
            "c.yaml",
            b"a: 1\nb: c: d\n",
            "c.yaml, row 2, column 5: the mapping file cannot be parsed as YAML (the YAML parser "
            f'says: "mapping values are not allowed here"). {_EXPECTED_YAML}',
            "c.yaml, rad 2, kolumn 5: mappningsfilen kan inte tolkas som YAML (YAML-tolkens "
            f'besked: "mapping values are not allowed here"). {_EXPECTED_YAML_SV}',
        ),
        (
            "d.yaml",
            b"A: [\n",
            "d.yaml, row 1, column 5: the mapping file cannot be parsed as YAML (the YAML parser "
            "says: \"while parsing a flow node; expected the node content, but found '<stream "
            f"end>'\"). {_EXPECTED_YAML}",
            "d.yaml, rad 1, kolumn 5: mappningsfilen kan inte tolkas som YAML (YAML-tolkens "
            "besked: \"while parsing a flow node; expected the node content, but found '<stream "
            f"end>'\"). {_EXPECTED_YAML_SV}",
        ),
        (  # not a syntax error: a date YAML reads and Python refuses, without a place
            "e.yaml",
            b"d: 2024-13-45\n",
            'e.yaml: the mapping file cannot be parsed as YAML (the YAML parser says: "month '
            f'must be in 1..12"). {_EXPECTED_YAML}',
            'e.yaml: mappningsfilen kan inte tolkas som YAML (YAML-tolkens besked: "month must '
            f'be in 1..12"). {_EXPECTED_YAML_SV}',
        ),
        (  # nested too deep for Python's parser: a RecursionError, not a JSONDecodeError
            "f.json",
            b"[" * 100_000 + b"]" * 100_000,
            'f.json: the mapping file cannot be parsed as JSON (the JSON parser says: "maximum '
            'recursion depth exceeded while decoding a JSON array from a unicode string"). '
            f"{_EXPECTED_JSON[0]}",
            'f.json: mappningsfilen kan inte tolkas som JSON (JSON-tolkens besked: "maximum '
            'recursion depth exceeded while decoding a JSON array from a unicode string"). '
            f"{_EXPECTED_JSON[1]}",
        ),
    ],
)
def test_a_data_file_that_cannot_be_read_is_located_in_either_language(
    tmp_path, name, content, en, sv
):
    """read_data_file's messages in full: the row (and column) the parser names, its own words
    quoted, what was expected (kills the mutants of read_data_file's error paths)."""
    from mognad_core.readers import read_data_file
    from mognad_core.texts import Message

    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(mognad.InputError) as err:
        read_data_file(path, Message("error.what.mapping_file"))
    assert err.value.text("en") == en
    assert err.value.text("sv") == sv


# ---- what mutation testing found (readers/excel.py; docs/quality.md) -------------------------
_EXPECTED_XLSX = (
    "Expected an Excel workbook (.xlsx) saved by Excel, LibreOffice or a survey tool",
    "Förväntat: en Excel-arbetsbok (.xlsx) sparad av Excel, LibreOffice eller ett enkätverktyg",
)
_HTML = (
    "the file is HTML or XML text (some systems export web tables with an Excel suffix), not an "
    f".xlsx workbook. {_EXPECTED_XLSX[0]}; or open it in Excel and save it as .xlsx.",
    "filen är HTML- eller XML-text (en del system exporterar webbtabeller med en Excel-ändelse), "
    f"inte en .xlsx-arbetsbok. {_EXPECTED_XLSX[1]}; eller öppna filen i Excel och spara den som "
    ".xlsx.",
)
_TEXT = (
    f"the file is plain text, not an .xlsx workbook. {_EXPECTED_XLSX[0]}; if it is CSV text, "
    "rename it to .csv.",
    f"filen är vanlig text, inte en .xlsx-arbetsbok. {_EXPECTED_XLSX[1]}; om det är CSV-text, "
    "byt namn på den till .csv.",
)


@pytest.mark.parametrize(
    ("content", "en", "sv"),
    [
        (
            b"PK not a zip at all",
            "the file is not a readable .xlsx workbook: the zip archive is damaged. Expected an "
            "undamaged workbook (save it again from Excel, or copy or download it again).",
            "filen är inte en läsbar .xlsx-arbetsbok: zip-arkivet är skadat. Förväntat: en oskadad "
            "arbetsbok (spara den igen från Excel, eller kopiera eller ladda ner den igen).",
        ),
        (
            b"\x01\x02\x00\x03 binary",
            f"the file is not an Excel workbook (it is not a zip archive). {_EXPECTED_XLSX[0]}.",
            f"filen är inte en Excel-arbetsbok (den är inte ett zip-arkiv). {_EXPECTED_XLSX[1]}.",
        ),
        (b"\xef\xbb\xbf \r\n\t<html><body>x</body></html>", *_HTML),
        (b"<table><tr><td>1</td></tr></table>  \n", *_HTML),
        (b"pk;X\n1;2\n", *_TEXT),  # "pk" in lower case is text, not a damaged zip
        (b"X<y;z\n", *_TEXT),  # only a BOM and white space are skipped before the "<"
    ],
    ids=["PK not a zip", "NUL bytes", "BOM and space before html", "html", "pk text", "X< text"],
)
def test_files_that_are_not_workbooks_are_named_in_either_language(tmp_path, content, en, sv):
    """What a file named .xlsx that is no zip is taken for, the whole message in both languages
    (kills _not_zip mutants 5-18, 20-23 and 57-68: the "PK" test, the characters stripped
    before "<", the NUL test, each message's keys and location)."""
    path = tmp_path / "svar.xlsx"
    path.write_bytes(content)
    for engine in ("calamine", "openpyxl"):
        with pytest.raises(mognad.InputError) as err:
            ExcelReader(engine).read(path)
        assert err.value.text("en") == f"svar.xlsx: {en}"
        assert err.value.text("sv") == f"svar.xlsx: {sv}"


class PasswordError(Exception):
    """Named as python-calamine names its error for an encrypted workbook."""


_PASSWORD = (
    "the workbook is password-protected (encrypted) and cannot be read. Expected a workbook "
    "saved without a password.",
    "arbetsboken är lösenordsskyddad (krypterad) och kan inte läsas. Förväntat: en arbetsbok "
    "sparad utan lösenord.",
)


def _zip_said(detail):
    return (
        f"the file is not a readable .xlsx workbook ({detail}). {_EXPECTED_XLSX[0]}.",
        f'filen är inte en läsbar .xlsx-arbetsbok (läsarens besked: "{detail}"). '
        f"{_EXPECTED_XLSX[1]}.",
    )


def _reader_said(detail):
    return (
        f"the file could not be read as an Excel workbook ({detail}). {_EXPECTED_XLSX[0]}.",
        f'filen kunde inte läsas som en Excel-arbetsbok (läsarens besked: "{detail}"). '
        f"{_EXPECTED_XLSX[1]}.",
    )


@pytest.mark.parametrize(
    "where", ["calamine", "calamine rows", "openpyxl opening", "openpyxl rows"]
)
@pytest.mark.parametrize(
    ("exc", "said"),
    [
        (Exception("Workbook is Password protected"), _PASSWORD),
        (Exception("ENCRYPTED file"), _PASSWORD),
        (PasswordError("wrong key"), _PASSWORD),
        (Exception("File is not a zip file"), _zip_said("File is not a zip file")),
        (Exception("corrupt Archive"), _zip_said("corrupt Archive")),
        (ValueError("bad sheet xml"), _reader_said("bad sheet xml")),
        (ValueError("  "), _reader_said("ValueError")),  # no words: the error's name
    ],
    ids=["password", "encrypted", "PasswordError", "zip", "archive", "other", "no words"],
)
def test_a_library_failing_on_a_file_our_checks_let_through_is_reported(
    tmp_path, monkeypatch, where, exc, said
):
    """calamine or openpyxl refusing a workbook that passed our own checks: a password, a damaged
    zip, anything else with the library's words quoted, in both languages (kills _unreadable
    mutants 1-64, sheet_names 7-9 and 13-16, _read_calamine 38-41 and 75-78, _openpyxl_open
    9-12, _read_openpyxl 50-53)."""
    from types import SimpleNamespace

    import openpyxl
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    from mognad_core.readers import excel

    path = _workbook(tmp_path, [["a1"], [1]])

    def fail(*args, **kwargs):
        raise exc

    def calamine_opening(opener):
        library = SimpleNamespace(CalamineWorkbook=SimpleNamespace(from_path=opener))
        monkeypatch.setattr(excel, "_calamine", library)

    if where == "calamine":
        calamine_opening(fail)
        reader = ExcelReader("calamine")
        calls = [lambda: reader.sheet_names(path), lambda: reader.read(path)]
    elif where == "calamine rows":
        opened = excel._calamine.CalamineWorkbook.from_path(str(path))
        book = SimpleNamespace(
            sheet_names=opened.sheet_names,
            sheets_metadata=opened.sheets_metadata,
            get_sheet_by_name=fail,
        )
        calamine_opening(lambda _: book)
        calls = [lambda: ExcelReader("calamine").read(path)]
    elif where == "openpyxl opening":
        monkeypatch.setattr(openpyxl, "load_workbook", fail)
        reader = ExcelReader("openpyxl")
        calls = [lambda: reader.sheet_names(path), lambda: reader.read(path)]
    else:
        monkeypatch.setattr(ReadOnlyWorksheet, "iter_rows", fail)
        calls = [lambda: ExcelReader("openpyxl").read(path)]
    for call in calls:
        with pytest.raises(mognad.InputError) as err:
            call()
        assert err.value.text("en") == f"svar.xlsx: {said[0]}"
        assert err.value.text("sv") == f"svar.xlsx: {said[1]}"


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_error_cells_are_read_as_their_error_text_wherever_they_are(tmp_path, engine):
    """calamine reads #N/A, #DIV/0! ... as blanks; they are put back from the sheet's XML, also
    in the header row, the first column of a table starting at B3, and a row below the columns'
    count (kills _put_error_cells mutants 3, 6, 7, 9, 10, 11, _read_calamine 88)."""
    rows = [
        ["#N/A", "a1", "a2", None],  # openpyxl writes an error code as an error cell (t="e")
        ["x", 1, "#DIV/0!", None],
        ["y", 2, 3, None],
        ["z", "#VALUE!", 4, None],
        [None, None, None, "#REF!"],
    ]
    path = _workbook(tmp_path, rows, start_row=3, start_col=2)
    table = ExcelReader(engine).read(path)
    blank = "" if engine == "calamine" else None
    assert table.frame.to_dict("list") == {
        "#N/A": ["x", "y", "z", blank],
        "a1": [1, 2, "#VALUE!", blank],
        "a2": ["#DIV/0!", 3, 4, blank],
        "": [blank, blank, blank, "#REF!"],
    }
    assert table.column_indices == [1, 2, 3, 4]
    assert (table.header_row, list(table.row_numbers)) == (3, [4, 5, 6, 7])


def _rezip(src: Path, dst: Path, change=None, add: dict[str, bytes] | None = None) -> Path:
    """A copy of a workbook, each part passed through ``change(name, data) -> (name, data)``
    (kept as stored, under its new name), then the parts in ``add``."""
    import zipfile

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            name, data = item.filename, zin.read(item.filename)
            if change is not None:
                name, data = change(name, data)
            if name != item.filename:
                item = zipfile.ZipInfo(name, item.date_time)
            zout.writestr(item, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst


def _part_changed(part: str, change):
    """For :func:`_rezip`: ``change`` applied to the data of ``part`` only."""
    return lambda name, data: (name, change(data) if name == part else data)


def _with_sheet_xml(path: Path, change) -> Path:
    """The workbook at path with its first sheet's XML passed through change."""
    out = path.with_name("ändrad.xlsx")
    return _rezip(path, out, _part_changed("xl/worksheets/sheet1.xml", change))


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_a_formula_is_read_as_the_value_excel_saved_for_it(tmp_path, engine):
    """The value Excel computed and saved, not the formula's text (kills _openpyxl_open mutants
    3, 6, 8: openpyxl without data_only gives "=A2+B2")."""
    path = _workbook(tmp_path, [["a1", "a2", "summa"], [1, 2, "=A2+B2"]])
    path = _with_sheet_xml(
        path, lambda xml: xml.replace(b"<f>A2+B2</f><v></v>", b"<f>A2+B2</f><v>3</v>")
    )
    table = ExcelReader(engine).read(path)
    assert table.frame.to_dict("list") == {"a1": [1], "a2": [2], "summa": [3]}
    assert table.notes == []


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_the_sheet_asked_for_is_read_or_refused_by_name(tmp_path, engine):
    """A sheet asked for by name (in any case) is read; one the workbook lacks is refused naming
    the file and the sheets; an empty one asked for is refused without offering the others (that
    is for the default sheet only). Kills _read_openpyxl mutants 17, 20, 64."""
    path = _sheets(tmp_path, {"Svar": [["a1"], [1]], "Tom": [], "Mer": [["b1"], [2]]})
    reader = ExcelReader(engine)
    table = reader.read(path, "mer")
    assert (table.sheet, table.frame.to_dict("list"), table.notes) == ("Mer", {"b1": [2]}, [])
    refusals = {
        "Saknas": (
            'svar.xlsx: the workbook has no sheet named "Saknas". Expected one of the sheets: '
            '"Svar", "Tom", "Mer".',
            'svar.xlsx: arbetsboken har inget blad som heter "Saknas". Förväntat: ett av bladen: '
            '"Svar", "Tom", "Mer".',
        ),
        "Tom": (
            'svar.xlsx, sheet "Tom": the sheet is empty. Expected a header row with statement '
            "ids or texts.",
            'svar.xlsx, blad "Tom": bladet är tomt. Förväntat: en rubrikrad med påståendenas id '
            "eller texter.",
        ),
    }
    for sheet, (en, sv) in refusals.items():
        with pytest.raises(mognad.InputError) as err:
            reader.read(path, sheet)
        assert (err.value.text("en"), err.value.text("sv")) == (en, sv)


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_a_sheet_is_checked_in_its_own_part_when_the_sheets_are_reordered(tmp_path, engine):
    """Sheets listed in another order than their parts are numbered (as after moving a sheet in
    Excel): "Svar", second in the list, is xl/worksheets/sheet1.xml; its error cell and hidden
    row are found there, not in sheet2.xml (kills _scan mutants 1-3, _read_openpyxl 26)."""
    import re

    book = Workbook()
    svar = book.active
    svar.title = "Svar"
    for row in (["a1", "a2"], [1, "#N/A"], [2, 3]):
        svar.append(row)
    svar.row_dimensions[3].hidden = True
    book.create_sheet("Annat").append(["b1"])
    book.save(tmp_path / "ordning.xlsx")

    def swapped(data):
        first, second = re.findall(rb"<sheet [^>]*/>", data)
        return data.replace(first + second, second + first)

    path = _rezip(
        tmp_path / "ordning.xlsx", tmp_path / "svar.xlsx", _part_changed("xl/workbook.xml", swapped)
    )
    assert ExcelReader(engine).sheet_names(path) == ["Annat", "Svar"]
    table = ExcelReader(engine).read(path, "Svar")
    assert table.frame.to_dict("list") == {"a1": [1, 2], "a2": ["#N/A", 3]}
    assert [note.text("en") for note in table.notes] == [
        '1 hidden row(s) in sheet "Svar" (row 3), e.g. hidden by a filter, were read and scored '
        "like the other rows; delete them (or copy the visible rows to a new sheet) if they "
        "should not count."
    ]


def test_the_openpyxl_engine_checks_every_worksheet_part_and_only_those(tmp_path):
    """openpyxl touches every worksheet when it opens a workbook, so each part under
    xl/worksheets/ must pass the row limit, one no sheet names is named by its part; a part
    elsewhere with rows in it (an external link's cached cells) is no worksheet and is not
    checked (kills _scan_all mutants 13-16)."""
    import zipfile

    from mognad_core.readers.limits import use_limits

    _workbook(tmp_path, [["a1"], [1]])
    big = Workbook()
    for i in range(5):
        big.active.append([i])
    big.save(tmp_path / "stor.xlsx")
    with zipfile.ZipFile(tmp_path / "stor.xlsx") as zin:
        rows = zin.read("xl/worksheets/sheet1.xml")
    made = {}
    for extra in ("xl/worksheets/sheet9.xml", "xl/externalLinks/externalLink1.xml"):
        made[extra] = tmp_path / extra.rsplit("/", 1)[1].replace(".xml", ".xlsx")
        _rezip(tmp_path / "svar.xlsx", made[extra], add={extra: rows})
    reader = ExcelReader("openpyxl")
    with use_limits(max_rows=3):
        assert reader.read(made["xl/externalLinks/externalLink1.xml"]).frame.shape == (1, 1)
        for call in (reader.read, reader.sheet_names):
            with pytest.raises(mognad.InputError) as err:
                call(made["xl/worksheets/sheet9.xml"])
            assert err.value.text("en") == (
                'sheet9.xlsx, sheet "xl/worksheets/sheet9.xml": the sheet\'s used range is A1:A5, '
                "5 rows, more than the limit of 3 rows (checked before reading). Expected at "
                "most 3 rows (delete empty or unused rows at the bottom); if the file is genuine, "
                "raise the limit with the environment variable MOGNAD_MAX_ROWS."
            )
            assert err.value.text("sv") == (
                'sheet9.xlsx, blad "xl/worksheets/sheet9.xml": bladets använda område är A1:A5, 5 '
                "rader, fler än gränsen på 3 rader (kontrollerat före läsningen). Förväntat: högst "
                "3 rader (ta bort tomma eller oanvända rader längst ned); om filen är äkta, höj "
                "gränsen med miljövariabeln MOGNAD_MAX_ROWS."
            )


@pytest.mark.parametrize(
    ("name", "en", "sv"),
    [
        (
            "Workbook",
            "the file is an old-format Excel 97-2003 workbook (.xls) named .xlsx",
            "filen är en Excel 97-2003-arbetsbok i det gamla formatet (.xls) med ändelsen .xlsx",
        ),
        (
            "WordDocument",
            "the file is a Word 97-2003 document (.doc), not an .xlsx workbook",
            "filen är ett Word 97-2003-dokument (.doc), inte en .xlsx-arbetsbok",
        ),
        (
            "PowerPoint Document",
            "the file is an old Office file, not an .xlsx workbook",
            "filen är en gammal Office-fil, inte en .xlsx-arbetsbok",
        ),
    ],
)
def test_a_damaged_ole2_file_is_named_by_the_stream_names_in_its_bytes(tmp_path, name, en, sv):
    """With a directory olefile refuses, "Workbook" (not only "Book") means an .xls and
    "WordDocument" a Word file (kills _ole_error mutants 11-13, 17-19)."""
    from mognad_core.readers.excel import OLE2_MAGIC

    path = tmp_path / "svar.xlsx"
    path.write_bytes(OLE2_MAGIC + b"\0" * 100 + name.encode("utf-16-le") + b"\0" * 100)
    with pytest.raises(mognad.InputError) as err:
        read_table(path)
    if name == "Workbook":
        en += '. Expected an .xlsx workbook: open the file in Excel and save it as "Excel Workbook'
        en += ' (*.xlsx)".'
        sv += '. Förväntat: en .xlsx-arbetsbok: öppna filen i Excel och spara den som "Excel-'
        sv += 'arbetsbok (*.xlsx)".'
    else:
        en, sv = f"{en}. {_EXPECTED_XLSX[0]}.", f"{sv}. {_EXPECTED_XLSX[1]}."
    assert err.value.text("en") == f"svar.xlsx: {en}"
    assert err.value.text("sv") == f"svar.xlsx: {sv}"


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_cells_are_kept_as_the_objects_the_library_read(tmp_path, engine):
    """Every column holds the cells as read (object columns): pandas 3 would otherwise make a
    text-only column a string column (a blank in it NaN) and a number-only one float64 (kills
    _grid_of mutants 17, 20 and _read_openpyxl 58, 60)."""
    rows = [["a1", "roll", "n"], [1, "Chef", 2], [3, "Medarbetare", 4], [5, None, 6]]
    table = ExcelReader(engine).read(_workbook(tmp_path, rows))
    assert table.frame.dtypes.tolist() == [np.dtype(object)] * 3
    blank = "" if engine == "calamine" else None
    assert table.frame.to_dict("list") == {
        "a1": [1, 3, 5],
        "roll": ["Chef", "Medarbetare", blank],
        "n": [2, 4, 6],
    }
    assert table.frame["roll"].iloc[2] is blank


def test_calamine_reads_by_default_and_openpyxl_without_it(tmp_path, monkeypatch):
    """No engine named: calamine when installed (a blank is ""), openpyxl when python-calamine
    is missing, as in Pyodide (a blank is None). Kills _engine mutants 1-5."""
    from mognad_core.readers import excel

    path = _workbook(tmp_path, [["a1", "roll"], [1, None], [2, "Chef"]])
    assert ExcelReader().read(path).frame.to_dict("list") == {"a1": [1, 2], "roll": ["", "Chef"]}
    monkeypatch.setattr(excel, "_calamine", None)
    table = ExcelReader().read(path)
    assert table.frame.to_dict("list") == {"a1": [1, 2], "roll": [None, "Chef"]}
    assert ExcelReader().sheet_names(path) == ["Svar"]


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_a_workbook_without_sheets_is_refused_and_all_hidden_reads_the_first(tmp_path, engine):
    """A workbook whose sheets are all hidden is read from its first sheet; one that lists no
    sheet at all is refused, located, in both languages (kills _choose_sheet mutants 3-13)."""
    import re

    path = _sheets(tmp_path, {"Svar": [["a1"], [1]], "Mer": [["b1"], [2]]})

    def changed(name, change):
        return _rezip(path, tmp_path / name, _part_changed("xl/workbook.xml", change))

    hidden = changed("dolda.xlsx", lambda xml: xml.replace(b'state="visible"', b'state="hidden"'))
    table = ExcelReader(engine).read(hidden)
    assert (table.sheet, table.frame.to_dict("list"), table.notes) == ("Svar", {"a1": [1]}, [])
    empty = changed("inga.xlsx", lambda xml: re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", xml))
    with pytest.raises(mognad.InputError) as err:
        ExcelReader(engine).read(empty)
    assert err.value.text("en") == "inga.xlsx: the workbook has no sheets."
    assert err.value.text("sv") == "inga.xlsx: arbetsboken har inga blad."


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_an_empty_first_sheet_names_the_other_sheets_and_other_errors_keep_theirs(tmp_path, engine):
    """Read by default, an empty first sheet is refused naming the other sheets (the error's
    args follow its new text); any other refusal of the first sheet keeps its own "expected"
    (kills _from_grid mutants 4, 12-26)."""
    path = _sheets(tmp_path, {"Blad1": [], "Svar": [["a1"], [1]], "Mer": [["b1"], [2]]})
    with pytest.raises(mognad.InputError) as err:
        ExcelReader(engine).read(path)
    assert err.value.text("en") == (
        'svar.xlsx, sheet "Blad1": the sheet is empty. Expected a header row with statement ids '
        "or texts in the first sheet, or the sheet to read chosen with --sheet (other sheets: "
        '"Svar", "Mer").'
    )
    assert err.value.text("sv") == (
        'svar.xlsx, blad "Blad1": bladet är tomt. Förväntat: en rubrikrad med påståendenas id '
        "eller texter i första bladet, eller bladet som ska läsas valt med --sheet (andra blad: "
        '"Svar", "Mer").'
    )
    assert err.value.args == (err.value.message,)
    title = [[], [], ["Resultat av enkät om digital mognad"], [None, 4], [None, 2]]
    path = _sheets(tmp_path, {"Blad1": title, "Svar": [["a1"], [1]]})
    with pytest.raises(mognad.InputError) as err:
        ExcelReader(engine).read(path)
    assert err.value.text("en") == (
        'svar.xlsx, sheet "Blad1", row 3: the first filled row holds only "Resultat av enkät om '
        'digital mognad", which looks like a title, not a header row. Expected the header row '
        "(statement ids or texts, one per column) as the first filled row: delete the title "
        "rows above it."
    )


def test_a_file_is_told_apart_by_its_first_4_kb(tmp_path):
    """Only the first 4096 bytes are looked at: text there is text, whatever comes after
    (kills inspect mutants 11 and 12: the whole file, or one byte more)."""
    path = tmp_path / "svar.xlsx"
    path.write_bytes(b"a;b\n" * 1024 + b"\x00\x01")
    with pytest.raises(mognad.InputError) as err:
        ExcelReader().read(path)
    assert err.value.text("en") == f"svar.xlsx: {_TEXT[0]}"
    assert err.value.text("sv") == f"svar.xlsx: {_TEXT[1]}"


def _merged_book(tmp_path: Path, merges: list[str], title=False) -> Path:
    rows = [["a1", "a2", "roll"], [1, 2, "Chef"], [3, 4, "Chef"], [5, 6, "Chef"]]
    path = _workbook(tmp_path, ([["Enkät 2025"], []] if title else []) + rows)
    from openpyxl import load_workbook

    book = load_workbook(path)
    for ref in merges:
        book["Svar"].merge_cells(ref)
    book.save(path)
    return path


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_merged_cells_in_the_header_are_refused_and_below_it_noted(tmp_path, engine):
    """A merge that takes in the header row is refused, located at its first column; merges
    below it in the table's columns are noted in order; others (a title above the header,
    cells outside the table's columns) say nothing (the merged-cell part of _apply_sheet_info)."""
    reader = ExcelReader(engine)
    with pytest.raises(mognad.InputError) as err:
        reader.read(_merged_book(tmp_path, ["B1:C1"]))
    assert err.value.text("en") == (
        'svar.xlsx, sheet "Svar", row 1, column B ("a2"): the header cells B1:C1 are merged. '
        "Expected one header cell per column in one row: unmerge the cells (Home > Merge & "
        "Center > Unmerge Cells) and give each column its own header; delete any title or group "
        "row above the headers."
    )
    assert err.value.text("sv") == (
        'svar.xlsx, blad "Svar", rad 1, kolumn B ("a2"): rubrikcellerna B1:C1 är sammanfogade. '
        "Förväntat: en rubrikcell per kolumn på en rad: dela de sammanfogade cellerna (Start > "
        "Centrera över kolumner > Dela celler) och ge varje kolumn en egen rubrik; ta bort "
        "eventuell titel- eller grupprad ovanför rubrikerna."
    )
    with pytest.raises(mognad.InputError) as err:  # from the header row down
        reader.read(_merged_book(tmp_path, ["C3:C5"], title=True))
    assert err.value.text("en").startswith(
        'svar.xlsx, sheet "Svar", row 3, column C ("roll"): the header cells C3:C5 are merged.'
    )
    table = reader.read(_merged_book(tmp_path, ["B2:B4", "E2:F3", "A2:A3"]))
    assert [(n.text("en"), n.text("sv")) for n in table.notes] == [
        (
            'Merged cells in sheet "Svar" (A2:A3, B2:B4): only the first cell of each holds a '
            "value; the other cells were read as blank.",
            'Sammanfogade celler i bladet "Svar" (A2:A3, B2:B4): bara den första cellen i varje '
            "har ett värde; de andra cellerna lästes som tomma.",
        )
    ]
    blank = "" if engine == "calamine" else None
    assert table.frame.to_dict("list") == {
        "a1": [1, blank, 5],
        "a2": [2, blank, blank],
        "roll": ["Chef"] * 3,
    }
    table = reader.read(_merged_book(tmp_path, ["A1:C1", "E4:F5"], title=True))
    assert table.header_row == 3
    assert [n.text("en")[:18] for n in table.notes] == ['Row 1 of sheet "Sv']  # the title


def test_merged_cells_are_noted_in_the_order_of_their_rows(tmp_path):
    """A10:A11 after B2:B3 (by row, then column; not as text) (kills _apply_sheet_info
    mutants 14, 16)."""
    from openpyxl import load_workbook

    path = _workbook(tmp_path, [["a1", "a2"]] + [[i, i] for i in range(1, 12)])
    book = load_workbook(path)
    for ref in ("A10:A11", "B2:B3"):
        book["Svar"].merge_cells(ref)
    book.save(path)
    notes = ExcelReader().read(path).notes
    assert [n.text("en") for n in notes] == [
        'Merged cells in sheet "Svar" (B2:B3, A10:A11): only the first cell of each holds a '
        "value; the other cells were read as blank."
    ]


def test_merged_cells_left_of_a_table_are_not_noted(tmp_path):
    """A2:A3 merged beside a table in B:C is no cell of it (kills _apply_sheet_info
    mutant 56, a merge's columns taken one too far)."""
    from openpyxl import load_workbook

    path = _workbook(tmp_path, [["a1", "a2"], [1, 2], [3, 4]], start_col=2)
    book = load_workbook(path)
    book["Svar"].merge_cells("A2:A3")
    book.save(path)
    table = ExcelReader().read(path)
    assert (table.column_indices, table.notes) == ([1, 2], [])


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_hidden_columns_and_formulas_without_a_result_in_the_table_are_noted(tmp_path, engine):
    """Hidden column B and the formulas without a saved result in B2 and C3 are noted in both
    languages; hidden column D and the formula in E2 are outside the table and left out (the
    hidden-column and uncached parts of _apply_sheet_info, e.g. mutants 90-113)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Svar"
    for row in (["a1", "a2", "a3"], [1, "=1+1", 3], [4, 5, "=2+2"]):
        ws.append(row)
    ws["E2"] = "=3+3"
    ws.column_dimensions["B"].hidden = True
    ws.column_dimensions["D"].hidden = True
    path = tmp_path / "svar.xlsx"
    wb.save(path)
    table = ExcelReader(engine).read(path)
    assert [(n.text("en"), n.text("sv")) for n in table.notes] == [
        (
            '1 hidden column(s) in sheet "Svar" (B ("a2")) were read like the others.',
            '1 dold(a) kolumn(er) i bladet "Svar" (B ("a2")) lästes som de andra.',
        ),
        (
            '2 formula cell(s) in sheet "Svar" (B2, C3) have no saved result (the workbook was '
            "written by a program and never recalculated in Excel); they were read as blank. "
            "Open the file in Excel or LibreOffice and save it to keep their values.",
            '2 formelcell(er) i bladet "Svar" (B2, C3) saknar sparat resultat (arbetsboken skrevs '
            "av ett program och räknades aldrig om i Excel); de lästes som tomma. Öppna filen i "
            "Excel eller LibreOffice och spara den för att behålla värdena.",
        ),
    ]


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_percent_cells_are_handed_on_only_inside_the_table_below_its_header(tmp_path, engine):
    """Cells formatted as a percentage: B2 and C3 in the table are handed on (row, column
    index); the header's C1 (a number) and D2 outside the table are not (kills _apply_sheet_info
    mutants 125-128)."""
    path = _workbook(tmp_path, [["a1", "a2", 2025], [1, 0.5, 3], [4, 5, 0.25]])
    from openpyxl import load_workbook

    book = load_workbook(path)
    for ref in ("C1", "B2", "C3", "D2"):
        book["Svar"][ref].number_format = "0%"
    book.save(path)
    assert sorted(ExcelReader(engine).read(path).percent_cells) == [(2, 1), (3, 2)]


def test_a_workbook_with_macros_is_read_with_a_note_that_none_ran(tmp_path):
    """A vbaProject.bin in the zip: the cells are read and a note says no macro ran, in both
    languages (kills _apply_sheet_info mutants 129-132)."""
    import zipfile

    path = _workbook(tmp_path, [["a1"], [1]])
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not run")
    table = ExcelReader().read(path)
    assert [(n.text("en"), n.text("sv")) for n in table.notes] == [
        (
            "The workbook contains macros (VBA); mognad read only the cell values and ran no "
            "macro.",
            "Arbetsboken innehåller makron (VBA); mognad läste bara cellernas värden och körde "
            "inget makro.",
        )
    ]


# ---- the openpyxl engine (MOGNAD_ENGINE=openpyxl, and xlwings Lite) reads what calamine reads --


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_a_stale_dimension_tag_loses_no_cells(tmp_path, engine):
    """A sheet whose <dimension> says A1:B2 but holds A1:C3 (a tool that rewrote the sheet left
    the tag): read-only openpyxl read only A1:B2, silently."""
    import re

    path = _workbook(tmp_path, [["a1", "a2", "a3"], [1, 2, 3], [4, 5, 6]])

    def stale(data):
        data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:B2"/>', data)
        assert b'<dimension ref="A1:B2"/>' in data
        return data

    stale_path = _with_sheet_xml(path, stale)
    table = ExcelReader(engine).read(stale_path)
    assert {k: [int(v) for v in vs] for k, vs in table.frame.to_dict("list").items()} == {
        "a1": [1, 4],
        "a2": [2, 5],
        "a3": [3, 6],
    }


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_a_sheet_stored_outside_the_usual_folder_is_checked_like_any(tmp_path, engine):
    """A workbook may keep a sheet at any path it names (here xl/blad/svar.xml): the openpyxl
    engine skipped its row limit and its hidden-row note."""
    from mognad_core.readers.limits import use_limits

    wb = Workbook()
    ws = wb.active
    ws.title = "Svar"
    for row in [["a1", "a2"], [1, 2], [2, 3], [4, 5]]:
        ws.append(row)
    ws.row_dimensions[3].hidden = True
    wb.save(tmp_path / "m.xlsx")

    def moved(name, data):
        data = data.replace(b"/xl/worksheets/sheet1.xml", b"/xl/blad/svar.xml")
        data = data.replace(b"worksheets/sheet1.xml", b"blad/svar.xml")
        return ("xl/blad/svar.xml" if name == "xl/worksheets/sheet1.xml" else name), data

    path = _rezip(tmp_path / "m.xlsx", tmp_path / "flyttad.xlsx", moved)
    table = ExcelReader(engine).read(path)
    assert words(table.notes, "en") == [
        '1 hidden row(s) in sheet "Svar" (row 3), e.g. hidden by a filter, were read and scored '
        "like the other rows; delete them (or copy the visible rows to a new sheet) if they "
        "should not count."
    ]
    with use_limits(max_rows=2), pytest.raises(mognad.InputError) as err:
        ExcelReader(engine).read(path)
    assert err.value.text("en").startswith(
        'flyttad.xlsx, sheet "Svar": the sheet\'s used range is A1:B4, 4 rows, more than the limit'
    )


def test_rows_of_unequal_length_read_by_openpyxl_are_padded_without_a_warning(tmp_path):
    """openpyxl gives each row only as far as its last cell (a sheet whose row 2 holds A2 alone):
    the reader pads the rows to one width itself, so the table is the one calamine reads and
    pandas is never asked to pad them (which pandas 4 will refuse, and pandas 3 warns about)."""
    import warnings

    from test_security import _sheet_file

    rows = (
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>a1</t></is></c><c r="B1" t="inlineStr">'
        b'<is><t>a2</t></is></c><c r="C1" t="inlineStr"><is><t>a3</t></is></c></row>'
        b'<row r="2"><c r="A2"><v>1</v></c></row>'
        b'<row r="3"><c r="A3"><v>2</v></c><c r="B3"><v>3</v></c><c r="C3"><v>4</v></c></row>'
    )
    path = _sheet_file(tmp_path / "ojamn.xlsx", rows, dimension=b"A1:C3")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = ExcelReader("openpyxl").read(path)
    assert table.frame.columns.tolist() == ["a1", "a2", "a3"]
    assert table.frame.values.tolist() == [[1, None, None], [2, 3, 4]]
