"""Text encodings and table layout as real exports have them (mognad_core/readers: csv.py and
grid.py). Every file is written here with the bytes the tool writes (macOS NFD text, Excel for
Mac's Mac Roman with lone CR line ends, Excel's ``sep=;`` line, quoted headers holding commas,
title blocks above the header row) and must give the scores of the bundled DiMiOS sample."""

from __future__ import annotations

import datetime
import html
import io
import re
import unicodedata
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from conftest import DIMIOS_2025, ROOT

import mognad_core as mognad
from mognad_core.readers import read_table
from mognad_core.readers.csv import decode, detect_separator
from mognad_core.readers.excel import ExcelReader
from mognad_core.texts import words

MODEL = mognad.get_model("dimios")
TEXTS = {s.id: s.text for s in MODEL.statements}
ENGINES = ["calamine", "openpyxl"]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def sample_rows() -> list[list[str]]:
    """The sample's header and rows as text, statement ids replaced by their Swedish texts (five
    of which hold a comma, e.g. "Våra digitala initiativ drivs med tydliga mål, ägare och ...")."""
    rows = [line.split(";") for line in DIMIOS_2025.read_text(encoding="utf-8-sig").splitlines()]
    rows[0] = [TEXTS.get(h, h) for h in rows[0]]
    return rows


def csv_text(
    rows: list[list[str]], sep: str = ";", end: str = "\n", *, quote_commas: bool = False
) -> str:
    """CSV as Excel writes it (a field holding the separator or a quote is quoted), or as survey
    tools do, which quote a field holding a comma too (``quote_commas``)."""

    def field(v: str) -> str:
        quote = sep in v or '"' in v or (quote_commas and "," in v)
        return f'"{v.replace(chr(34), 2 * chr(34))}"' if quote else v

    return "".join(sep.join(field(v) for v in row) + end for row in rows)


def cell(value: str):
    """A cell as a spreadsheet holds it: numbers as numbers, text as text."""
    return int(value) if value.isdigit() else (value or None)


@pytest.fixture(scope="module")
def reference():
    rs = mognad.read_responses(DIMIOS_2025, "dimios")
    return rs, mognad.score(rs, "dimios", insights=False)


def assert_sample_scores(path: Path, reference, **kwargs) -> mognad.ResponseSet:
    """``path`` reads as the DiMiOS sample: every answer, the förvaltning column, the scores."""
    ref, ref_result = reference
    rs = mognad.read_responses(path, "dimios", **kwargs)
    assert sorted(rs.columns) == sorted(MODEL.statement_ids)  # every statement column matched
    np.testing.assert_array_equal(rs.values, ref.values)
    np.testing.assert_array_equal(rs.dont_know, ref.dont_know)
    assert rs.attributes["förvaltning"].tolist() == ref.attributes["förvaltning"].tolist()
    result = mognad.score(rs, "dimios", insights=False)
    assert result.n_respondents == 240
    assert result.overall == pytest.approx(ref_result.overall, abs=1e-12)
    for dim, score in ref_result.dimensions.items():
        assert result.dimensions[dim].score == pytest.approx(score.score, abs=1e-12), dim
    return rs


# ---- Unicode NFD (macOS) ----------------------------------------------------------------------
def test_nfd_csv_headers_and_cells_match_and_filter(tmp_path, reference, run_cli):
    path = tmp_path / "mac.csv"
    path.write_bytes(nfd(csv_text(sample_rows())).encode("utf-8"))
    assert "förvaltning".encode() not in path.read_bytes()  # really NFD: o + U+0308
    rs = assert_sample_scores(path, reference)
    assert "Socialförvaltningen" in set(rs.attributes["förvaltning"])  # cells are NFC too
    assert all(unicodedata.is_normalized("NFC", c) for c in rs.attributes.columns)

    # --where typed in NFC on NFD data, and typed in NFD on NFC data
    for file, value in ((path, "Socialförvaltningen"), (DIMIOS_2025, nfd("Socialförvaltningen"))):
        out = run_cli(
            "score", file, "-m", "dimios", "--where", f"förvaltning={value}", "-f", "json"
        )
        assert out.exit_code == 0, out.stderr
        assert '"n_respondents": 75' in out.stdout  # Socialförvaltningen in 2025


def _shared_strings_workbook(path: Path) -> None:
    """Rewrite openpyxl's inline strings (``&#776;`` character references) as Excel writes text:
    a shared-strings part in raw UTF-8."""
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    strings: list[str] = []

    def shared(m: re.Match) -> bytes:
        strings.append(html.unescape(m.group(2).decode()))
        return m.group(1) + b' t="s"><v>' + str(len(strings) - 1).encode() + b"</v></c>"

    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(
        rb'(<c r="[A-Z]+\d+") t="inlineStr"><is><t>(.*?)</t></is></c>', shared, parts[sheet]
    )
    items = "".join(f"<si><t>{html.escape(s, quote=False)}</t></si>" for s in strings)
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
        f"{items}</sst>"
    ).encode()
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


@pytest.mark.parametrize("strings", ["inline", "shared"])
@pytest.mark.parametrize("engine", ENGINES)
def test_nfd_workbook_headers_and_cells(tmp_path, reference, engine, strings):
    path = tmp_path / "mac.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Svar"
    for row in sample_rows():
        ws.append([nfd(v) if not v.isdigit() else cell(v) for v in row])
    wb.save(path)
    if strings == "shared":
        _shared_strings_workbook(path)
        assert "förvaltning".encode() not in zipfile.ZipFile(path).read("xl/sharedStrings.xml")
        assert nfd("förvaltning").encode() in zipfile.ZipFile(path).read("xl/sharedStrings.xml")
    table = ExcelReader(engine).read(path)
    assert "förvaltning" in table.frame.columns
    assert "Socialförvaltningen" in set(table.frame["förvaltning"])
    rs = mognad.prepare(table, MODEL)
    ref, _ = reference
    np.testing.assert_array_equal(rs.values, ref.values)
    assert rs.attributes["förvaltning"].tolist() == ref.attributes["förvaltning"].tolist()


def test_cells_are_not_looked_at_when_the_bytes_hold_no_combining_accent(tmp_path, monkeypatch):
    """The speed path: a workbook whose XML holds no combining accent (openpyxl writes "Å" as
    ``&#197;``, Excel as UTF-8 bytes) and any CSV file (normalised as one text) never have
    their cells looked at one by one."""
    from mognad_core.readers import grid

    def no_cell_pass(frame):
        raise AssertionError("every cell was looked at")

    monkeypatch.setattr(grid, "nfc_cells", no_cell_pass)
    path = tmp_path / "win.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["förvaltning", "f11"])
    wb.active.append(["Åre", 3])
    wb.save(path)
    assert b"&#197;re" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    for engine in ENGINES:
        assert ExcelReader(engine).read(path).frame.iloc[0].tolist() == ["Åre", 3]
    csv_path = tmp_path / "mac.csv"
    csv_path.write_bytes(nfd("förvaltning;f11\nÅre;3\n").encode())
    assert read_table(csv_path).frame.iloc[0].tolist() == ["Åre", "3"]
    wb.active.append([nfd("Västerås"), 4])  # a combining accent: now the cells are looked at
    wb.save(path)
    with pytest.raises(AssertionError, match="every cell was looked at"):
        ExcelReader("calamine").read(path)


# ---- 8-bit encodings and line ends ------------------------------------------------------------
def test_mac_roman_with_cr_line_ends(tmp_path, reference):
    """Excel for Mac, "CSV (Macintosh)": Mac Roman bytes, a lone CR ending each line, ";"."""
    raw = csv_text(sample_rows(), ";", "\r").encode("mac_roman")
    assert b"\n" not in raw and "å".encode("mac_roman") == b"\x8c"
    assert "förvaltning" not in raw.decode("cp1252", errors="replace")  # what cp1252 would give
    path = tmp_path / "mac_roman.csv"
    path.write_bytes(raw)
    assert decode(raw)[1] == "mac_roman"
    table = read_table(path)
    assert table.frame.columns[2] == "förvaltning"
    assert TEXTS["f14"] in table.frame.columns  # "... tydliga mål, ägare och tidplan."
    assert table.row_numbers[:2].tolist() == [2, 3]  # CR line ends are lines
    assert words(table.notes, "en")[0].startswith(
        "mac_roman.csv is not UTF-8 text: it was read as Mac Roman"
    )
    assert_sample_scores(path, reference)


def test_windows_1252_is_still_windows_1252_and_says_so(tmp_path, reference):
    raw = csv_text(sample_rows(), ";", "\r\n").encode("cp1252")
    path = tmp_path / "windows.csv"
    path.write_bytes(raw)
    assert decode(raw)[1] == "cp1252"
    assert words(read_table(path).notes, "en")[0].startswith(
        "windows.csv is not UTF-8 text: it was read as Windows-1252"
    )
    assert_sample_scores(path, reference)


def test_utf8_gets_no_encoding_note(tmp_path):
    path = tmp_path / "utf8.csv"
    path.write_bytes(csv_text(sample_rows()[:3]).encode("utf-8"))
    assert not any("UTF-8" in n for n in read_table(path).notes)


@pytest.mark.parametrize("word", ["Åre", "Älvdalen", "Östersund", "Sjöbo", "Håbo", "Västerås"])
@pytest.mark.parametrize("encoding", ["cp1252", "mac_roman"])
def test_each_swedish_letter_decides_the_encoding(word, encoding):
    raw = f"förvaltning;f11\n{word};4\n".encode(encoding)
    text, found = decode(raw)
    assert (found, text.split("\n")[1].split(";")[0]) == (encoding, word)


# ---- separators and the sep= line -------------------------------------------------------------
def test_sep_line_is_skipped_and_used(tmp_path, reference):
    """Excel's first line "sep=;" (here after a BOM, CR LF line ends)."""
    path = tmp_path / "sep.csv"
    path.write_bytes(("\ufeffsep=;\r\n" + csv_text(sample_rows(), ";", "\r\n")).encode("utf-8"))
    table = read_table(path)
    assert table.header_row == 2 and table.row_numbers[0] == 3  # lines as the user counts them
    assert table.frame.columns[0] == "respondent"
    assert_sample_scores(path, reference)


def test_sep_line_names_a_separator_the_rows_would_not_suggest(tmp_path):
    """With "sep=," a file of ";" inside the fields is read as comma-separated."""
    path = tmp_path / "sep_comma.csv"
    path.write_bytes(b"sep=,\nf11,roll\n4,Chef; HR\n2,Medarbetare; IT\n")
    table = read_table(path)
    assert list(table.frame.columns) == ["f11", "roll"]
    assert table.frame["roll"].tolist() == ["Chef; HR", "Medarbetare; IT"]


def test_errors_after_a_sep_line_name_the_line_the_user_sees(tmp_path):
    rows = sample_rows()
    rows[7][4] = "fyra"  # the 7th respondent, f11: line 9 of the file (sep line, header)
    path = tmp_path / "sep_bad.csv"
    path.write_bytes(("sep=;\n" + csv_text(rows)).encode("utf-8"))
    with pytest.raises(mognad.InputError) as err:
        mognad.read_responses(path, "dimios")
    assert str(err.value).startswith(
        'sep_bad.csv, row 9, column 5 ("Vi följer systematiskt upp nyttan av våra digitala '
        'initiativ."): "fyra" is not a valid answer.'
    )


@pytest.mark.parametrize("quoted", [True, False], ids=["quoted", "as-excel"])
def test_comma_headers_with_semicolons_and_cr_line_ends(tmp_path, reference, quoted):
    """Five statement texts hold a comma, quoted (survey tools) or not (Excel, which quotes
    only a field holding the separator); ";" separates, a lone CR ends each line."""
    text = csv_text(sample_rows(), ";", "\r", quote_commas=quoted)
    assert text.count('"') == (10 if quoted else 0)  # the five headers with a comma
    assert detect_separator(text.replace("\r", "\n")) == ";"
    path = tmp_path / "commas.csv"
    path.write_bytes(text.encode("utf-8"))
    assert_sample_scores(path, reference)


def test_long_comma_header_sentences_unquoted_in_a_semicolon_file():
    """Commas in every header (not quoted, as a hand-made file may have them) and decimal
    commas in the rows do not outvote the separator counted the same on every line."""
    header = ";".join(f"Fråga {i}: vi har, i stort sett, en plan" for i in range(6))
    rows = "".join(";".join(["3,5", "4", "2,5", "1", "5", "4,0"]) + "\n" for _ in range(20))
    assert detect_separator(header + "\n" + rows) == ";"


@pytest.mark.parametrize(
    ("text", "sep"),
    [
        ('"a;b",c\n"1;5",2\n', ","),  # semicolons only inside quotes
        ("a\tb\tc\n1\t2\t3\n", "\t"),
        ("a;b\n1;2\n3,5;4\n", ";"),
        ("a,b;c\n1;2\n3;4\n", ";"),  # the header alone would say ","
        ("Titel\n\na,b\n1,2\n", ","),  # a title line without separators
        ("a\n1\n2\n", ","),  # one column: any separator will do
    ],
)
def test_separator_counted_outside_quotes(text, sep):
    assert detect_separator(text) == sep


def test_rows_are_as_wide_as_the_header_not_as_a_title_line(tmp_path):
    """A title line without separators, a header of three fields, rows whose empty last field a
    tool left off: three columns; a row wider than the header is refused, naming its line."""
    path = tmp_path / "svar.csv"
    path.write_bytes(b"Enk\xc3\xa4t 2025\nroll;f11;f12\nChef;4\nHR;3;2\n")
    table = read_table(path)
    assert list(table.frame.columns) == ["roll", "f11", "f12"]
    assert table.frame.values.tolist() == [["Chef", "4", None], ["HR", "3", "2"]]
    path.write_bytes(b"Enk\xc3\xa4t 2025\nroll;f11;f12\nChef;4;1\nHR;3;2;5;1\n")
    with pytest.raises(mognad.InputError, match="Expected 3 fields in line 4, saw 5"):
        read_table(path)


def test_tsv_stays_tab_separated(tmp_path):
    path = tmp_path / "svar.tsv"
    path.write_bytes(b"f11\troll;enhet\n4\tChef;A\n")
    assert list(read_table(path).frame.columns) == ["f11", "roll;enhet"]


# ---- title blocks above the header row --------------------------------------------------------
TITLES = {
    1: [["Enkät digital mognad 2025"]],
    2: [["Enkät digital mognad 2025"], ["Export 2025-03-01"]],
    3: [
        ["Enkät digital mognad 2025"],
        [datetime.datetime(2025, 3, 1, 8, 30)],  # the export time as a real date cell
        ["Kommun:", "Åre"],
    ],
}


def _title_workbook(path: Path, titles: list[list]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Svar"
    for row in [*titles, [], *([cell(v) for v in r] for r in sample_rows())]:
        ws.append(row)
    ws.merge_cells("A1:F1")  # a title is often merged across the table
    wb.save(path)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("n", [1, 2, 3])
def test_title_block_in_a_workbook(tmp_path, reference, engine, n):
    path = tmp_path / f"titel_{n}.xlsx"
    _title_workbook(path, TITLES[n])
    table = ExcelReader(engine).read(path)
    header = n + 2  # the titles, a blank row, the header
    assert table.header_row == header and table.row_numbers[0] == header + 1
    assert table.frame.columns[0] == "respondent"
    note = words(table.notes, "en")[0]
    if n == 1:
        assert note == (
            'Row 1 of sheet "Svar", above the header row (row 3), was read as a title and '
            'skipped: "Enkät digital mognad 2025".'
        )
    else:
        listed = "1 and 2" if n == 2 else "1, 2 and 3"
        assert note.startswith(
            f'Rows {listed} of sheet "Svar", above the header row (row {header})'
        )
        assert '(row 1: "Enkät digital mognad 2025"; row 2: ' in note
    if n == 3:
        assert note.endswith('row 3: "Kommun:", "Åre").')
    rs = mognad.prepare(table, MODEL)
    ref, _ = reference
    np.testing.assert_array_equal(rs.values, ref.values)
    assert words(rs.notes, "en")[0] == note  # the reader's notes reach the response set


@pytest.mark.parametrize("n", [1, 2, 3])
def test_title_block_in_a_csv_file(tmp_path, reference, n):
    """As Excel saves such a sheet as CSV: title lines padded with separators, or not."""
    width = len(sample_rows()[0])
    titles = [[str(v) for v in t] for t in TITLES[n]]
    padded = [t + [""] * (width - len(t)) for t in titles] if n != 2 else titles
    path = tmp_path / f"titel_{n}.csv"
    path.write_bytes(csv_text([*padded, [""] * width, *sample_rows()]).encode("cp1252"))
    table = read_table(path)
    assert table.header_row == n + 2
    assert any(f"above the header row (row {n + 2})" in note for note in words(table.notes, "en"))
    rs = assert_sample_scores(path, reference)
    assert any(
        "were read as a title" in x or "was read as a title" in x for x in words(rs.notes, "en")
    )


def test_a_row_too_wide_for_a_title_is_named(tmp_path):
    path = tmp_path / "oklar.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Svar"
    ws.append(["Urval", "Kommun", "Åre", "Förvaltning", "alla", "Roll", "alla", "År", 2025])
    for row in sample_rows()[:5]:
        ws.append([cell(v) for v in row])
    wb.save(path)
    with pytest.raises(mognad.InputError) as err:
        read_table(path)
    assert str(err.value) == (
        'oklar.xlsx, sheet "Svar", row 1: this row has 9 filled cells ("Urval", "Kommun", '
        '"Åre", ...) above row 2, which has 34: it could be a title or the header row. '
        "Expected the header row (statement ids or texts, one per column) as the first filled "
        "row: delete the title rows above it, or fill in the missing headers."
    )


def test_a_workbook_without_a_title_has_no_title_note(tmp_path):
    path = tmp_path / "vanlig.xlsx"
    wb = openpyxl.Workbook()
    for row in sample_rows()[:4]:
        wb.active.append([cell(v) for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(buf.getvalue())
    table = read_table(path)
    assert table.header_row == 1 and not table.notes


def test_the_robustness_page_states_the_code_values():
    from mognad_core.readers import csv, grid

    doc = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    section = doc.split("## Text encodings and layout\n", 1)[1].split("\n## ", 1)[0]
    assert f"on the first {csv.SNIFF_LINES} lines" in section
    assert f"the widest of the first {grid.HEADER_PROBE_ROWS} rows" in section
    assert "(å ä ö Å Ä Ö é ü)" in section and set("åäöÅÄÖéü") <= csv._SWEDISH


# ---- what mutation testing found (readers/csv.py; docs/quality.md) -------------------------------
@pytest.mark.parametrize(
    ("text", "sep"),
    [
        # a decimal comma on every line, the header's too: ";" wins the tie with ","
        ("Förvaltning;Betyg, 1-5\nSoc;3,5\nKLF;4,5\n", ";"),
        # one line with an extra ";": the usual count is the one most lines have
        ("a;b;c\n1;2,5;3\n4;5,5;6;7\n", ";"),
        # as many lines with 0 as with 2: the larger count is the usual one
        ("a,b\nc;d;e\n", ";"),
        # no line end after the last line
        ("f11;f12\n4;5", ";"),
        # only the first 200 lines are looked at: 100 each, ";" first on the tie
        ("a;b\n" * 100 + "a,b\n" * 101, ";"),
    ],
)
def test_the_separator_on_a_tie(text, sep):
    assert detect_separator(text) == sep


def test_a_header_alone_is_split_at_its_separator(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text("förvaltning;f11;f12\n", encoding="utf-8")
    table = read_table(path)
    assert list(table.frame.columns) == ["förvaltning", "f11", "f12"] and len(table.frame) == 0


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        # trademark signs are no Swedish letters, but "å" and "ä" still outweigh them
        ("Vår åtgärd;Teams™;Office™;Excel™", "cp1252"),
        # a dash and an é are plausible in Windows-1252 text, not evidence against it
        ("Påstående – café; Öppenhet", "cp1252"),
        # Mac Roman's "Ä" is byte 0x80, the first above ASCII (Windows-1252's "€")
        ("Ärende;Ärlighet", "mac_roman"),
    ],
)
def test_the_8_bit_encoding_counts_every_letter(text, encoding):
    assert decode(text.encode(encoding)) == (text, encoding)


def test_a_title_block_with_commas_above_a_semicolon_header(tmp_path):
    """Excel's sep=; line, then title lines whose one cell holds a comma: the rows are as wide
    as the lines that hold the separator, not as the title lines."""
    path = tmp_path / "svar.csv"
    path.write_text(
        "sep=;\nEnkät, 2025\nAvdelning, Soc\nDatum, mars\nroll;f11\nChef;4\n", encoding="utf-8"
    )
    table = read_table(path)
    assert list(table.frame.columns) == ["roll", "f11"]
    assert table.frame.values.tolist() == [["Chef", "4"]]
    assert table.header_row == 5 and table.row_numbers.tolist() == [6]


@pytest.mark.parametrize(
    ("text", "columns", "rows"),
    [
        # rows that leave off the empty last fields: as wide as the header
        (
            "roll;f11;f12;kommentar\nChef;4;1\nHR;3;2\nIT;2;2\n",
            ["roll", "f11", "f12", "kommentar"],
            [["Chef", "4", "1", None], ["HR", "3", "2", None], ["IT", "2", "2", None]],
        ),
        # a row ending in a separator: an empty field more, dropped
        ("roll;f11;f12\nChef;4;1;\n", ["roll", "f11", "f12"], [["Chef", "4", "1"]]),
        # a title line with one separator above a wide header
        (
            "Enkät 2025;\nroll;f11;f12;f13;f14\nChef;4;1;2;3\n",
            ["roll", "f11", "f12", "f13", "f14"],
            [["Chef", "4", "1", "2", "3"]],
        ),
    ],
)
def test_rows_are_as_wide_as_the_header_or_the_usual_row(tmp_path, text, columns, rows):
    path = tmp_path / "svar.csv"
    path.write_text(text, encoding="utf-8")
    table = read_table(path)
    assert list(table.frame.columns) == columns
    assert table.frame.values.tolist() == rows


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_of_either_byte_order_with_a_bom(tmp_path, codec):
    text = "förvaltning;f11\nSoc;4\n"
    raw = "\ufeff".encode(codec) + text.encode(codec)
    assert decode(raw) == (text, "utf-16")
    path = tmp_path / "svar.csv"
    path.write_bytes(raw)
    table = read_table(path)
    assert list(table.frame.columns) == ["förvaltning", "f11"] and table.notes == []


def test_files_that_are_no_csv_text_are_refused_saying_what_they_are(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["f11"])
    zipped = io.BytesIO()
    book.save(zipped)
    cases = {
        "arbetsbok.csv": (
            zipped.getvalue(),
            "the file is a zipped workbook (.xlsx), not CSV text. Expected a .csv text file, or "
            "rename the file to .xlsx.",
            "filen är en zippad arbetsbok (.xlsx), inte CSV-text. Förväntat: en .csv-textfil, "
            "eller byt filens namn till .xlsx.",
        ),
        "binär.csv": (
            b"f11;f12\n\x00\x01\x02\n",
            "the file is binary, not CSV text. Expected a .csv text file (UTF-8 or cp1252).",
            "filen är binär, inte CSV-text. Förväntat: en .csv-textfil (UTF-8 eller cp1252).",
        ),
        "tom.csv": (
            b" \r\n\t\n",
            "the file is empty. Expected a header row and one row per respondent.",
            "filen är tom. Förväntat: en rubrikrad och en rad per svarande.",
        ),
    }
    for name, (raw, en, sv) in cases.items():
        path = tmp_path / name
        path.write_bytes(raw)
        with pytest.raises(mognad.InputError) as caught:
            read_table(path)
        assert caught.value.text("en") == f"{name}: {en}"
        assert caught.value.text() == f"{name}: {sv}"


@pytest.mark.parametrize(
    ("name", "raw", "detail"),
    [
        (
            "svar.csv",
            b"roll;f11;f12\nChef;4;1\nHR;3;2;5;1\n",
            'Expected 3 fields in line 3, saw 5 ). Expected the same number of ";"',
        ),
        (
            "svar.tsv",
            b"roll\tf11\nChef\t4\nHR\t3\t2\t1\n",
            'Expected 2 fields in line 3, saw 4 ). Expected the same number of "\t"',
        ),
    ],
)
def test_a_row_wider_than_the_others_is_named_with_the_separator(tmp_path, name, raw, detail):
    path = tmp_path / name
    path.write_bytes(raw)
    with pytest.raises(mognad.InputError) as caught:
        read_table(path)
    assert caught.value.text("en") == (
        f"{name}: the CSV rows do not line up (Error tokenizing data. C error: {detail}"
        "-separated fields on every row."
    )


def test_a_sep_line_and_lone_cr_line_ends(tmp_path):
    """Excel for Mac: "sep=," and a lone CR after every line; the line still names the
    separator and stays a (blank) line, so that the rows are numbered as the user sees them."""
    path = tmp_path / "svar.csv"
    path.write_bytes(b'sep=,\rroll,kommentar\rChef,"bra; tack"\rHR,ok\r')
    table = read_table(path)
    assert table.frame.values.tolist() == [["Chef", "bra; tack"], ["HR", "ok"]]
    assert table.header_row == 2 and table.row_numbers.tolist() == [3, 4]
    assert table.notes == []


def test_cells_are_read_as_text_and_one_field_too_many_is_refused(tmp_path):
    """Ids keep their leading zeros; a row with one field more than the others is refused (it
    was never read as a row whose first cell is an index and the rest shifted left)."""
    path = tmp_path / "svar.csv"
    path.write_bytes(b"id;f11;postnr\n007;4;01234\n")
    assert read_table(path).frame.values.tolist() == [["007", "4", "01234"]]
    path.write_bytes(b"roll;f11;f12\nChef;4;1\nHR;3;2;5\n")
    with pytest.raises(mognad.InputError, match=r"Expected 3 fields in line 3, saw 4 \)"):
        read_table(path)


# ---- what mutation testing found: the survivors that were not equivalent -------------------
def test_only_the_first_4096_bytes_are_looked_at_for_a_nul(tmp_path):
    """Kills `read` 42 (the NUL-byte check looking at 4,097 bytes): a NUL at byte 4,096
    (counting from 0), past the start that tells a binary file, is read as a character of its
    cell; one a byte earlier makes the file binary."""
    head, line = b"grupp;a1\n", b"Soc;3\n"
    raw = head + line * ((4096 - len(head)) // len(line))
    raw += b"K" * (4096 - len(raw)) + b"\x00x;4\n" + line * 3
    assert raw.index(b"\x00") == 4096
    (tmp_path / "sent.csv").write_bytes(raw)
    table = read_table(tmp_path / "sent.csv")
    assert table.frame.shape == (685, 2) and table.frame.iloc[681].tolist() == ["K\x00x", "4"]
    (tmp_path / "tidig.csv").write_bytes(raw[:4095] + b"\x00" + raw[4096:])
    with pytest.raises(mognad.InputError) as caught:
        read_table(tmp_path / "tidig.csv")
    assert caught.value.text("en") == (
        "tidig.csv: the file is binary, not CSV text. Expected a .csv text file (UTF-8 or cp1252)."
    )


def test_leading_zeros_stay_in_a_column_whose_header_is_a_number(tmp_path):
    """Kills `read` 145, 154 (``dtype=str`` -> None or left out): the header row is parsed with
    the cells, so a column is read as numbers only when its header is a number too; "007" then
    became 7."""
    (tmp_path / "nummer.csv").write_text("2024;a1\n007;3\n010;4\n", encoding="utf-8")
    frame = read_table(tmp_path / "nummer.csv").frame
    assert frame.columns.tolist() == ["2024", "a1"]
    assert frame["2024"].tolist() == ["007", "010"] and frame["a1"].tolist() == ["3", "4"]
