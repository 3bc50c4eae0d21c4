"""Write the bad-input corpus: malformed, mislabelled and hostile response files.

    python tests/corpus/make_corpus.py [OUTDIR]      (default: tests/corpus/files/)

Every file is built the same way each time (fixed zip timestamps, seeded content), so the
expectations in ``expected.yaml`` hold for any run. Hand-made files that need other programs
(LibreOffice for .xls/.ods, msoffcrypto-tool for encryption) are kept in ``hand/``; see
``hand/README.md`` for how they were made. ``tests/test_corpus.py`` builds this corpus in a
temporary folder and runs every case through the ``mognad`` command line.

Most workbooks are written with openpyxl (as a script or survey tool would write them); the
hostile ones are assembled part by part with :func:`write_zip`, which can also write a zip whose
directory lies about a part's size. :func:`tool_exports` writes the exports of Microsoft Forms,
Google Forms, SurveyMonkey, Netigate, Artologik Survey & Report, Esmaker and hand-made sheets
(their headers, encodings and answer wordings), listed with their sources in docs/robustness.md.
"""

from __future__ import annotations

import datetime
import io
import random
import re
import struct
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
FIXED_TIME = (2024, 1, 1, 0, 0, 0)
HEADER = ["förvaltning", "a1", "a2", "b1", "b2", "b3"]
GOOD = [
    ["Soc", 5, 1, 3, 2, None],
    ["Soc", 4, 2, 3, "Vet ej", None],
    ["KLF", 3, 2, 1, 4, 2],
    ["KLF", 2, 5, 4, 4, 1],
]
MB = 1024 * 1024


# ---- zip writing ----------------------------------------------------------------------------
def _dos_time(t: tuple[int, ...]) -> tuple[int, int]:
    y, mo, d, h, mi, s = t
    return (h << 11) | (mi << 5) | (s // 2), ((y - 1980) << 9) | (mo << 5) | d


def write_zip(
    path: Path, parts: list[tuple[str, bytes | tuple[bytes, int, int]]], *, declared=None
) -> None:
    """A zip of deflated parts. A part's data is bytes, or ``(deflated, size, crc)`` already
    compressed. ``declared`` maps a part name to the (false) uncompressed size to put in the
    local header and the directory."""
    declared = declared or {}
    out = io.BytesIO()
    central = []
    dtime, ddate = _dos_time(FIXED_TIME)
    for name, data in parts:
        if isinstance(data, tuple):
            comp, size, crc = data
        else:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            comp = c.compress(data) + c.flush()
            size, crc = len(data), zlib.crc32(data)
        size = declared.get(name, size)
        raw = name.encode()
        offset = out.tell()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                20,
                0,
                8,
                dtime,
                ddate,
                crc,
                len(comp),
                size,
                len(raw),
                0,
            )
        )
        out.write(raw + comp)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                dtime,
                ddate,
                crc,
                len(comp),
                size,
                len(raw),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + raw
        )
    start = out.tell()
    for entry in central:
        out.write(entry)
    end = out.tell()
    out.write(
        struct.pack(
            "<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), end - start, start, 0
        )
    )
    path.write_bytes(out.getvalue())


def repeated_deflate(head: bytes, unit: bytes, count: int, tail: bytes) -> tuple[bytes, int, int]:
    """Deflate ``head + unit * count + tail`` without building it: after a full flush the
    compressor starts afresh, so every copy of ``unit`` compresses to the same bytes."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(unit) + c.flush(zlib.Z_FULL_FLUSH)
    last = c.compress(tail) + c.flush()
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(unit, crc)
    crc = zlib.crc32(tail, crc)
    return first + block * count + last, len(head) + len(unit) * count + len(tail), crc


def normalized_parts(wb: Workbook) -> list[tuple[str, bytes]]:
    """The parts of an openpyxl workbook with its timestamps fixed."""
    buf = io.BytesIO()
    wb.save(buf)
    import zipfile

    parts = []
    with zipfile.ZipFile(buf) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                    rb"\g<1>2024-01-01T00:00:00Z",
                    data,
                )
            parts.append((name, data))
    return parts


def save(wb: Workbook, path: Path) -> None:
    write_zip(path, normalized_parts(wb))


def workbook(rows, sheet: str = "Svar", setup: Callable | None = None) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    if setup:
        setup(wb, ws)
    return wb


def with_cell(row: int, col: int, value):
    """The good table with one cell (1-based sheet row, 0-based column) replaced."""
    rows = [HEADER] + [list(r) for r in GOOD]
    rows[row - 1][col] = value
    return rows


def csv_text(rows, sep=",") -> str:
    return "".join(sep.join("" if v is None else str(v) for v in r) + "\n" for r in rows)


def good_parts() -> list[tuple[str, bytes]]:
    return normalized_parts(workbook([HEADER, *GOOD]))


def replace_part(parts, name: str, fn: Callable[[bytes], bytes]) -> list[tuple[str, bytes]]:
    return [(n, fn(d) if n == name else d) for n, d in parts]


SHEET = "xl/worksheets/sheet1.xml"
LAUGHS = b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n' + (
    b"".join(
        b' <!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>\n"
)


def _body(xml: bytes) -> bytes:
    """The XML without its declaration."""
    return re.sub(rb"^<\?xml[^>]*\?>\s*", b"", xml)


# ---- the files ------------------------------------------------------------------------------
def build(out: Path) -> list[str]:
    """Write every generated corpus file into ``out``; returns their names."""
    out.mkdir(parents=True, exist_ok=True)
    made: list[str] = []

    def xlsx(name: str, rows, **kw) -> None:
        save(workbook(rows, **kw), out / name)
        made.append(name)

    def text(name: str, content: str | bytes, encoding: str = "utf-8") -> None:
        data = content if isinstance(content, bytes) else content.encode(encoding)
        (out / name).write_bytes(data)
        made.append(name)

    def raw(name: str, parts, **kw) -> None:
        write_zip(out / name, parts, **kw)
        made.append(name)

    # -- the good table, for the cases about models, mappings, plugins and settings --
    xlsx("svar.xlsx", [HEADER, *GOOD])

    # -- cells --
    text("cell_off_scale.csv", csv_text([HEADER, *GOOD[:2], ["KLF", 6, 2, 1, 4, 2]]))
    xlsx("cell_zero.xlsx", with_cell(3, 4, 0))
    xlsx("cell_huge_number.xlsx", with_cell(2, 2, 1e308))
    xlsx("cell_word.xlsx", with_cell(4, 3, "fyra"))
    xlsx("cell_scale_label.xlsx", with_cell(5, 1, "5 - Helt"))
    xlsx("cell_decimal_comma_half.xlsx", with_cell(3, 2, "3,5"))
    xlsx("cell_decimal_comma_whole.xlsx", with_cell(2, 1, "4,0"))
    xlsx("cell_time.xlsx", with_cell(4, 5, datetime.time(12, 30)))
    xlsx("cell_error_value.xlsx", with_cell(3, 3, "#DIV/0!"))
    xlsx("cell_pasted_paragraph.xlsx", with_cell(2, 4, "Vi har ingen plan. " * 20))
    text("cell_date_text.csv", csv_text(with_cell(5, 2, "2024-03-01"), ";"))
    text("cell_formula_text.csv", csv_text(with_cell(2, 3, '=HYPERLINK("http://x.invalid";"5")')))
    xlsx("cell_formula_without_result.xlsx", with_cell(4, 2, "=1+1"))

    # -- headers --
    xlsx("header_duplicate_case.xlsx", [[*HEADER, " A1 "], [*GOOD[0], 3], [*GOOD[1], 4]])
    text("header_blank.csv", csv_text([["förvaltning", "a1", "", "b1"], ["Soc", 5, 2, 3]], ";"))
    xlsx(
        "header_title_row.xlsx",
        [["Enkätresultat 2024"], [], HEADER, *GOOD],
    )

    def merge_header(wb, ws):
        ws.merge_cells("B1:C1")

    xlsx("header_merged.xlsx", [HEADER, *GOOD], setup=merge_header)

    def group_row(wb, ws):
        ws.insert_rows(1)
        ws["B1"] = "Strategi"
        ws["D1"] = "Styrning"
        ws.merge_cells("B1:C1")
        ws.merge_cells("D1:F1")

    xlsx("header_group_row.xlsx", [HEADER, *GOOD], setup=group_row)
    # five filled cells above a header of twelve: too many for a title, too few for a header
    wide = [*HEADER, "roll", "enhet", "kön", "ålder", "anställd", "ort"]
    xlsx(
        "header_title_ambiguous.xlsx",
        [
            ["Kommun", "Åre", "Enkät", 2025, "Urval: alla"],
            wide,
            *[[*r, "Chef", "E1", "K", 40, 2010, "Åre"] for r in GOOD],
        ],
    )
    xlsx("header_only.xlsx", [HEADER])

    # -- statements --
    xlsx("statements_unknown.xlsx", [[*HEADER, "a9", "Kommentar"], *[[*r, 3, "ok"] for r in GOOD]])
    xlsx("statements_missing.xlsx", [HEADER[:4], *[r[:4] for r in GOOD]])

    # -- sheets --
    def data_on_second_sheet(wb, ws):
        data = wb.create_sheet("Svar")
        for row in [HEADER, *GOOD]:
            data.append(row)

    xlsx("sheet_first_is_empty.xlsx", [], sheet="Info", setup=data_on_second_sheet)

    def hide_rows(wb, ws):
        ws.row_dimensions[3].hidden = True
        ws.row_dimensions[5].hidden = True

    xlsx("hidden_rows.xlsx", [HEADER, *GOOD], setup=hide_rows)

    def hide_column(wb, ws):
        ws.column_dimensions["E"].hidden = True

    xlsx("hidden_columns.xlsx", [HEADER, *GOOD], setup=hide_column)

    def merge_data(wb, ws):
        ws.merge_cells("A2:A3")
        ws.merge_cells("A4:A5")

    xlsx(
        "merged_data_cells.xlsx",
        [HEADER, *[[r[0] if i % 2 == 0 else None, *r[1:]] for i, r in enumerate(GOOD)]],
        setup=merge_data,
    )

    # -- text files --
    text("empty_whitespace.csv", "  \r\n\r\n  \n")
    text("binary.csv", bytes(range(256)) * 4)
    text(
        "cp1252_semicolon_decimal_comma.csv",
        "förvaltning;a1;a2;b1;b2;b3\nSocialförvaltningen;4,0;2;3;Vet ej;\n"
        "Kommunledningsförvaltningen;3;1,0;5;2;4\n",
        "cp1252",
    )
    # Excel for Mac's "CSV (Macintosh)": Mac Roman, a lone CR ending each line
    mac_rows = [["Äldreförvaltningen" if r[0] == "Soc" else r[0], *r[1:]] for r in GOOD]
    text("mac_roman_cr.csv", csv_text([HEADER, *mac_rows], ";").replace("\n", "\r"), "mac_roman")
    # Excel's "sep=;" first line (after a BOM), a quoted header holding a comma, CR LF
    text(
        "sep_line_quoted_comma.csv",
        '\ufeffsep=;\r\n"Förvaltning, enhet";a1;a2;b1;b2;b3\r\n'
        + csv_text(GOOD, ";").replace("\n", "\r\n"),
    )
    text("excel_unicode_text.txt", "\ufeff" + csv_text([HEADER, *GOOD], "\t"), "utf-16-le")
    text("too_many_rows.csv", csv_text([HEADER] + [GOOD[i % 4] for i in range(10)]))
    text("too_large.csv", csv_text([HEADER] + [GOOD[i % 4] for i in range(100)]))
    (out / "folder.xlsx").mkdir(exist_ok=True)
    made.append("folder.xlsx")

    # -- not what the suffix says --
    good = good_parts()
    write_zip(out / "truncated.xlsx", good)
    data = (out / "truncated.xlsx").read_bytes()
    (out / "truncated.xlsx").write_bytes(data[: len(data) // 2])
    made.append("truncated.xlsx")
    raw(
        "word_document_renamed.xlsx",
        [
            ("[Content_Types].xml", b'<?xml version="1.0"?><Types/>'),
            ("word/document.xml", b'<?xml version="1.0"?><w:document/>'),
        ],
    )
    text("csv_renamed.xlsx", csv_text([HEADER, *GOOD], ";"))
    text(
        "html_renamed.xlsx",
        "<html><body><table><tr><td>a1</td></tr><tr><td>3</td></tr></table></body></html>\n",
    )

    # -- hostile zips --
    sheet = dict(good)[SHEET]
    head, _, rest = _body(sheet).partition(b"</sheetData>")
    raw(
        "zip_bomb_size.xlsx",
        [
            *(p for p in good if p[0] != SHEET),
            (SHEET, repeated_deflate(head, b" " * MB, 600, b"</sheetData>" + rest)),
        ],
    )
    raw(
        "zip_bomb_ratio.xlsx",
        [
            *(p for p in good if p[0] != SHEET),
            (SHEET, repeated_deflate(head, b" " * MB, 200, b"</sheetData>" + rest)),
        ],
    )
    padded = head + b" " * (4 * MB) + b"</sheetData>" + rest
    raw(
        "zip_directory_lies.xlsx",
        [*(p for p in good if p[0] != SHEET), (SHEET, padded)],
        declared={SHEET: 2048},
    )
    raw(
        "billion_laughs_sheet.xlsx",
        replace_part(
            good,
            SHEET,
            lambda x: LAUGHS + _body(x).replace(b"<t>Soc</t>", b"<t>&lol9;</t>", 1),
        ),
    )
    shared = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        b'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    parts = replace_part(
        good,
        SHEET,
        lambda x: x.replace(
            b'<c r="A2" t="inlineStr"><is><t>Soc</t></is></c>', b'<c r="A2" t="s"><v>0</v></c>'
        ),
    )
    parts = replace_part(
        parts,
        "[Content_Types].xml",
        lambda x: x.replace(
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        ),
    )
    parts = replace_part(
        parts,
        "xl/_rels/workbook.xml.rels",
        lambda x: x.replace(
            b"</Relationships>",
            b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        ),
    )
    raw("billion_laughs_shared_strings.xlsx", [*parts, ("xl/sharedStrings.xml", LAUGHS + shared)])
    raw(
        "external_entity.xlsx",
        replace_part(
            good,
            "xl/workbook.xml",
            lambda x: (
                b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY secret SYSTEM '
                b'"file:///etc/passwd">]>\n' + _body(x).replace(b'name="Svar"', b'name="&secret;"')
            ),
        ),
    )

    # -- a full sheet: 1,048,576 rows --
    def full_sheet(dimension: bool) -> tuple[bytes, int, int]:
        rows = b"".join(
            b'<row r="%d"><c r="B%d"><v>%d</v></c></row>' % (r, r, 1 + r % 5)
            for r in range(6, 1_048_577)
        )
        body = _body(sheet)
        if dimension:
            body = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:F1048576"/>', body)
        else:
            body = re.sub(rb'<dimension ref="[^"]*"/>', b"", body)
        start, _, end = body.partition(b"</sheetData>")
        data = start + rows + b"</sheetData>" + end
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        return c.compress(data) + c.flush(), len(data), zlib.crc32(data)

    raw("rows_1048576.xlsx", [*(p for p in good if p[0] != SHEET), (SHEET, full_sheet(True))])
    raw(
        "rows_1048576_no_dimension.xlsx",
        [*(p for p in good if p[0] != SHEET), (SHEET, full_sheet(False))],
    )

    # -- far cells: calamine reads the sheet into one range up to its farthest cell --
    def far(xml: bytes, rows: bytes = b"", dimension: bytes = b"A1:F5") -> bytes:
        xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="' + dimension + b'"/>', xml)
        return xml.replace(b"</sheetData>", rows + b"</sheetData>")

    far_cell = b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row>'
    raw("far_cell_dimension_lies.xlsx", replace_part(good, SHEET, lambda x: far(x, far_cell)))
    raw(
        "far_cells_wide_dimension.xlsx",
        replace_part(good, SHEET, lambda x: far(x, dimension=b"A1:XFD250000")),
    )
    raw(  # a cell whose reference is not in its <row r="...">
        "far_cell_in_another_row.xlsx",
        replace_part(
            good,
            SHEET,
            lambda x: x.replace(b'<c r="F5" t="n">', b'<c r="AAA240000" t="n">'),
        ),
    )

    def namespaced(xml: bytes) -> bytes:
        xml = far(xml, far_cell)
        xml = re.sub(rb"<(/?)(?!/)", rb"<\1x:", xml).replace(b"<x:/", b"</x:")
        return xml.replace(b"<x:worksheet xmlns=", b"<x:worksheet xmlns:x=")

    raw("far_cell_namespaced.xlsx", replace_part(good, SHEET, namespaced))
    no_reference = b'<row r="6">' + b"<c><v>1</v></c>" * 200 + b"</row>"
    no_reference += b'<row r="150000"><c r="A150000" t="n"><v>1</v></c></row>'
    raw(  # cells without r take the next column: 200 of them, and a row far below
        "far_cells_without_reference.xlsx",
        replace_part(good, SHEET, lambda x: far(x, no_reference)),
    )
    # XML built to mislead a reader that does not parse it (found in review): a ">" inside a
    # quoted attribute before r; two r attributes (calamine takes the last); the same tag where
    # the scan's 1 MB pieces meet (a comment pads it there)
    gt = b'<row r="6"><c x=">" r="XFD1048576" t="n"><v>1</v></c></row>'
    raw("far_cell_gt_in_attribute.xlsx", replace_part(good, SHEET, lambda x: far(x, gt)))
    two = b'<row r="6"><c r="B6" r="XFD1048576" t="n"><v>1</v></c></row>'
    raw("far_cell_two_references.xlsx", replace_part(good, SHEET, lambda x: far(x, two)))

    def at_seam(xml: bytes) -> bytes:
        xml = far(xml)
        head, tail = b'<row r="6"><c x=">', b'" r="XFD1048576" t="n"><v>1</v></c></row>'
        end = xml.index(b"</sheetData>")
        pad = 1024 * 1024 - end - len(head) - 7  # "<!--" + pad + "-->" ends where a piece ends
        letters = random.Random(1).choices(b"abcdefghijklmnopqrstuvwxyz", k=pad)  # no zip bomb
        rows = b"<!--" + bytes(letters) + b"-->" + head + tail
        return xml[:end] + rows + xml[end:]

    raw("far_cell_at_the_seam.xlsx", replace_part(good, SHEET, at_seam))

    # -- model files --
    filler = "".join(f"# fyllnad {i:07d} " + "x" * 60 + "\n" for i in range(80_000))
    text("model_too_large.yaml", "name: stor\ntitle: Stor\n" + filler)

    # -- macros --
    raw("macros.xlsm", xlsm_parts(good))

    # -- answers as survey tools export them, and who is a respondent (docs/robustness.md) --
    forms = [HEADER, *[list(r) for r in GOOD]]
    forms[1][1], forms[1][2] = "Helt", "inte  alls"  # Microsoft Forms: the option's text
    forms[4][2], forms[3][3] = "5 - Helt", "1. Inte alls"  # Google Forms, Artologik
    xlsx("answers_labels_forms.xlsx", forms)
    xlsx("answers_label_unknown.xlsx", with_cell(3, 1, "4 (Ganska bra)"))  # Esmaker
    xlsx("answers_label_disagrees.xlsx", with_cell(4, 3, "4 - Helt"))
    own = {5: "Instämmer helt", 4: "Instämmer till stor del", 3: "Instämmer delvis"}
    own |= {2: "Instämmer till liten del", 1: "Instämmer inte alls"}
    xlsx(  # Netigate with the municipality's own wording of the scale
        "answers_own_wording.xlsx",
        [HEADER, *[[r[0], *(own.get(v, v) for v in r[1:])] for r in GOOD]],
    )
    wording = "".join(f"{text}: {n}\n" for n, text in own.items())
    text("answers_own_wording.yaml", wording)
    text("answers_bad_value.yaml", "Instämmer helt: 7\n")
    nulls = [list(r) for r in GOOD]
    nulls[0][5], nulls[1][5], nulls[1][1] = "NULL", "nan", 4  # a database, pandas' str(NaN)
    text("answers_null_texts.csv", csv_text([HEADER, *nulls], ";"))
    text("answers_percent_text.csv", csv_text(with_cell(2, 3, "100 %"), ";"))

    def percent_cell(wb, ws):
        ws["E4"].number_format = "0%"  # b2 = 4 shows as 400 %

    xlsx("answers_percent_format.xlsx", [HEADER, *GOOD], setup=percent_cell)
    numbered = ["Fråga 1", "Fråga 2", "Fråga 3", "a1", "a2", "b2", "b3"]  # Fråga 3 is b1's alias
    xlsx(
        "columns_numbered_extra.xlsx",
        [numbered, *[[r[0], "Chef", r[3], r[1], r[2], r[4], r[5]] for r in GOOD]],
    )
    xlsx(  # Artologik Survey & Report: a mean row, the scale's key and the source below the data
        "rows_summary_key_source.xlsx",
        [
            HEADER,
            *GOOD,
            [],
            ["Medel", 4, 3, 3, 3, 2],
            ["1 = Inte alls … 5 = Helt"],
            ["Källa: Artologik Survey&Report, 2024-03-04"],
        ],
    )
    means = [None, "3,5", "2,5", "2,8", "3,3", "1,5"]  # =MEDEL() with one decimal, unlabelled
    text("rows_means_unlabelled.csv", csv_text([HEADER, *GOOD, means], ";"))
    ids = [["Respondent ID", *HEADER]]
    ids += [[rid, *r] for rid, r in zip([11, 12, 13, 12], GOOD, strict=True)]
    xlsx("respondent_id_repeated.xlsx", ids)  # SurveyMonkey: one person sent the form twice
    xlsx("respondent_id_keep_last.xlsx", ids)
    tool_exports(xlsx, text)
    return made


# ---- exports as the survey tools write them (issue 13; docs/robustness.md) -------------------
#: the statements of tests/data/tiny.yaml in HEADER's order (a1, a2, b1, b2, b3), as question texts
TEXTS = [
    "Vi har en plan.",
    "Planen saknas ofta.",
    "Vi mäter nytta.",
    "Vi följer upp kostnader.",
    "Ingen vet svaret.",
]
DEPT = {"Soc": "Socialförvaltningen", "KLF": "Kommunledningsförvaltningen"}
START = datetime.datetime(2024, 3, 4, 9, 12, 33)


def labelled(style: str) -> Callable:
    """An answer as a tool writes it: tiny.yaml's labelled steps (1 Inte alls, 5 Helt) in
    ``style`` ("{label}", "{n} - {label}" ...), the other steps as text, "Vet ej" and blanks as
    they are."""
    labels = {1: "Inte alls", 5: "Helt"}

    def fmt(value):
        if value is None or isinstance(value, str):
            return value
        return style.format(n=value, label=labels[value]) if value in labels else str(value)

    return fmt


def quoted_csv(rows, sep: str = ",", newline: str = "\r\n") -> str:
    """CSV as the tools write it: a field quoted when it holds the separator or a quote."""
    import csv

    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator=newline)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return buf.getvalue()


def tool_exports(xlsx: Callable, text: Callable) -> None:
    """One case per export: Microsoft Forms, Google Forms, SurveyMonkey, Netigate, Artologik
    Survey & Report, Esmaker and hand-made sheets, each written the way the tool writes it."""
    # Microsoft Forms (Excel download, Swedish): ID, times, e-mail ("anonymous"), name, the time
    # of the last change, then each question's text as its header and the option's text as answer
    forms = labelled("{label}")
    head = ["ID", "Starttid", "Sluttid", "E-post", "Namn", "Tid för senaste ändring"]
    head += ["Vilken förvaltning arbetar du på?", *TEXTS]

    def forms_row(i: int, row) -> list:
        start = START + datetime.timedelta(minutes=17 * i)
        end = start + datetime.timedelta(minutes=3, seconds=41)
        return [i + 1, start, end, "anonymous", None, None, DEPT[row[0]], *map(forms, row[1:])]

    rows = [forms_row(i, r) for i, r in enumerate(GOOD)]
    xlsx("forms_export.xlsx", [head, *rows], sheet="Sheet1")
    # the last statement asked as a choice question that allows several answers: Forms writes
    # each choice with a ";" after it
    several = [list(r) for r in rows]
    several[2][-1], several[3][-1] = "2;", "Inte alls;Helt;"
    xlsx("forms_several_answers.xlsx", [head, *several], sheet="Sheet1")

    # Google Forms, downloaded from the answers sheet as CSV (UTF-8, commas, a field quoted when
    # it holds one): "Tidstämpel", the e-mail address, a multiple-choice grid "Title [Row]"
    grid = "I vilken grad stämmer följande, för din förvaltning?"
    google = labelled("{n} – {label}")
    head = ["Tidstämpel", "E-postadress", "Förvaltning", *(f"{grid} [{t}]" for t in TEXTS)]
    rows = [
        [f"2024-03-04 {9 + i}:12:33", f"person{i + 1}@example.se", DEPT[r[0]]]
        + [google(v) for v in r[1:]]
        for i, r in enumerate(GOOD)
    ]
    text("google_forms_grid.csv", quoted_csv([head, *rows]))
    # the same survey by an account in English, the grid a checkbox grid: "2, 3" is two answers
    grid = "Hur väl stämmer påståendena?"
    head = ["Timestamp", "Email Address", "Förvaltning", *(f"{grid} [{t}]" for t in TEXTS)]
    rows = [
        [f"3/4/2024 {9 + i}:12:33", f"person{i + 1}@example.se", DEPT[r[0]]]
        + ["" if v is None else str(v) for v in r[1:]]
        for i, r in enumerate(GOOD)
    ]
    rows[1][4] = "2, 3"
    text("google_forms_checkbox_grid.csv", quoted_csv([head, *rows], newline="\n"))

    # SurveyMonkey, "All individual responses", expanded columns: the questions in row 1 (a
    # matrix over its first column), "Response" or the matrix row's text in row 2
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address"]
    meta += ["Email Address", "First Name", "Last Name", "Custom Data 1"]
    matrix = "Hur väl stämmer följande påståenden för din förvaltning?"
    top = [*meta, "Vilken förvaltning arbetar du på?", matrix, None, None, None, None]
    top += ["Har du något att tillägga?"]
    sub = [*[None] * len(meta), "Response", *TEXTS, "Open-Ended Response"]

    def monkey_rows(fmt) -> list[list]:
        out = []
        for i, r in enumerate(GOOD):
            times = [f"03/04/2024 {9 + i:02d}:{12 + m:02d}:33 AM" for m in (0, 4)]
            comment = "Bra att vi mäter detta" if i == 2 else None
            who = [114981234501 + 17 * i, 431622071, *times, f"192.0.2.{10 + i}"]
            out.append([*who, None, None, None, None, DEPT[r[0]], *map(fmt, r[1:]), comment])
        return out

    text(
        "surveymonkey_expanded.csv",
        "\ufeff" + quoted_csv([top, sub, *monkey_rows(forms)]),
    )
    # the Excel download, a rating scale with an "N/A" column
    na = monkey_rows(lambda v: "N/A" if v is None else forms(v))
    xlsx("surveymonkey_expanded.xlsx", [top, sub, *na], sheet="Sheet")
    # row 2 deleted by hand to leave "one header row": the matrix's other columns lose theirs
    xlsx("surveymonkey_response_row_deleted.xlsx", [top, *na], sheet="Sheet")

    # Netigate, Excel export of a survey with non-responders included: the respondent id, dates,
    # status, a background question, numbered questions, answers as values and "Vet ej"
    head = ["Respondent-ID", "Startdatum", "Slutdatum", "Status", "Förvaltning"]
    head += [f"F{k}. {t}" for k, t in enumerate(TEXTS, 1)]
    rows = []
    for i, r in enumerate(GOOD):
        start = START + datetime.timedelta(days=i, minutes=5 * i)
        end = start + datetime.timedelta(minutes=6)
        rows.append([20417 + i, start, end, "Fullständig", DEPT[r[0]], *r[1:]])
    idle = [[20421, None, None, "Ej besvarad", DEPT["Soc"], *[None] * 5]]
    idle.append([20422, None, None, "Ej besvarad", DEPT["KLF"], *[None] * 5])
    xlsx("netigate_export.xlsx", [head, *rows[:2], idle[0], *rows[2:], idle[1]], sheet="Data")
    # Netigate's CSV: UTF-8 with a BOM, semicolons, CR LF, "Fråga n: text", "5 - Helt"
    netigate = labelled("{n} - {label}")
    head = ["Respondent-ID", "Datum", "Förvaltning"]
    head += [f"Fråga {k}: {t}" for k, t in enumerate(TEXTS, 1)]
    rows = [
        [20417 + i, f"2024-03-0{4 + i} 09:{12 + i}", DEPT[r[0]], *map(netigate, r[1:])]
        for i, r in enumerate(GOOD)
    ]
    text("netigate_semicolon_bom.csv", "\ufeff" + quoted_csv([head, *rows], ";"))

    # Artologik Survey & Report: CSV from Swedish Excel (Windows-1252, semicolons, CR LF), the
    # questions numbered by section ("1.1 ", "2.3 "), answers "5. Helt"
    artologik = labelled("{n}. {label}")
    head = ["Respondent", "Inskickad", "Förvaltning"]
    numbers = ["1.1", "1.2", "2.1", "2.2", "2.3"]
    head += [f"{n} {t}" for n, t in zip(numbers, TEXTS, strict=True)]
    rows = [
        [i + 1, f"2024-03-{4 + i:02d}", DEPT[r[0]], *map(artologik, r[1:])]
        for i, r in enumerate(GOOD)
    ]
    text("artologik_cp1252.csv", quoted_csv([head, *rows], ";"), "cp1252")

    # its Excel report: a summary sheet (means per question) before the answers
    def answers_sheet(wb, ws):
        data = wb.create_sheet("Svar")
        data.append(["Respondent", "Förvaltning", *TEXTS])
        for i, row in enumerate(GOOD):
            data.append([i + 1, *row])

    summary = [["Fråga", "Antal svar", "Medel"]]
    summary += [[t, 4, m] for t, m in zip(TEXTS, [3.5, 2.5, 2.75, 10 / 3, 1.5], strict=True)]
    summary[4][1], summary[5][1] = 3, 2
    xlsx(
        "artologik_summary_sheet_first.xlsx", summary, sheet="Sammanställning", setup=answers_sheet
    )

    # Esmaker: a title and the export time above the headers, the answer number, questions
    # numbered "1. ", answers "5 (Helt)"
    esmaker = labelled("{n} ({label})")
    head = ["Svarsnummer", "Inskickat", "Förvaltning"]
    head += [f"{k}. {t}" for k, t in enumerate(TEXTS, 1)]
    rows = [
        [301 + i, START + datetime.timedelta(hours=i), DEPT[r[0]], *map(esmaker, r[1:])]
        for i, r in enumerate(GOOD)
    ]
    title = [["Digital mognad 2024"], ["Exporterad från Esmaker 2024-03-11 10:15"], []]
    xlsx("esmaker_export.xlsx", [*title, head, *rows], sheet="Resultat")
    # its don't-know option worded "Kan ej bedöma"
    cannot = [[("Kan ej bedöma" if v == "Vet ej" else v) for v in r] for r in rows]
    xlsx("esmaker_cannot_judge.xlsx", [*title, head, *cannot], sheet="Resultat")

    # hand-made sheets: a sheet per förvaltning
    def klf_sheet(wb, ws):
        klf = wb.create_sheet("KLF")
        for row in [HEADER, *GOOD[2:]]:
            klf.append(row)

    xlsx("hand_sheet_per_department.xlsx", [HEADER, *GOOD[:2]], sheet="Soc", setup=klf_sheet)

    # a merged title, the scale's key under the headers, blank rows between the förvaltningar
    # and a "Medel" row at the bottom
    def merge_title(wb, ws):
        ws.merge_cells("A1:F1")

    means = ["Medel", 3.5, 2.5, 2.75, round(10 / 3, 2), 1.5]
    xlsx(
        "hand_blank_rows_key_medel.xlsx",
        [
            ["Digital mognad – sammanställning av enkätsvar"],
            [],
            HEADER,
            ["Skala: 1 = Inte alls … 5 = Helt"],
            *GOOD[:2],
            [],
            *GOOD[2:],
            [],
            means,
        ],
        setup=merge_title,
    )
    # the scale's range typed under each statement's header
    xlsx("hand_range_key_row.xlsx", [HEADER, ["Skala", *["1-5"] * 5], *GOOD])
    # a statement per row, a respondent per column
    side = [["Påstående", *(f"Svar {i + 1}" for i in range(len(GOOD)))]]
    side += [[t, *(r[k + 1] for r in GOOD)] for k, t in enumerate(TEXTS)]
    xlsx("hand_table_on_its_side.xlsx", side)
    # a mean under each förvaltning's rows, labelled with its name
    xlsx(
        "hand_subtotal_rows.xlsx",
        [
            HEADER,
            *GOOD[:2],
            ["Medel Soc", 4.5, 1.5, 3, 2, None],
            [],
            *GOOD[2:],
            ["Medel KLF", 2.5, 3.5, 2.5, 4, 1.5],
        ],
    )


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A small OLE2 compound file (512-byte sectors, every stream in regular sectors)."""
    sector = 512
    body = b""
    entries = []  # (name, start sector, size)
    next_sector = 0
    for name, data in streams.items():
        data = data.ljust(max(4096, -(-len(data) // sector) * sector), b"\0")
        entries.append((name, next_sector, len(data)))
        body += data
        next_sector += len(data) // sector
    dir_start = next_sector
    dir_sectors = -(-(len(entries) + 1) * 128 // sector)
    fat_start = dir_start + dir_sectors
    n_sectors = fat_start + 1
    fat = []
    for _name, start, size in entries:
        count = size // sector
        fat += [start + i + 1 for i in range(count - 1)] + [0xFFFFFFFE]
    fat += [dir_start + i + 1 for i in range(dir_sectors - 1)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFD]  # the FAT sector itself
    fat += [0xFFFFFFFF] * (128 - len(fat))
    assert len(fat) == 128 and n_sectors <= 128

    def entry(name: str, kind: int, start: int, size: int, child: int, right: int) -> bytes:
        raw = (name.encode("utf-16-le") + b"\0\0")[:64]
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBBIII", len(raw), kind, 1, 0xFFFFFFFF, right, child)
            + b"\0" * 16
            + b"\0" * 4
            + b"\0" * 16
            + struct.pack("<IIi", start, size, 0)
        )

    directory = entry("Root Entry", 5, 0xFFFFFFFE, 0, 1, 0xFFFFFFFF)
    for k, (name, start, size) in enumerate(entries):
        right = k + 2 if k + 1 < len(entries) else 0xFFFFFFFF
        directory += entry(name, 2, start, size, 0xFFFFFFFF, right)
    directory = directory.ljust(dir_sectors * sector, b"\0")
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\0" * 16
        + struct.pack("<HHHHHH", 0x3E, 3, 0xFFFE, 9, 6, 0)
        + b"\0" * 4
        + struct.pack("<IIIIIIII", 0, 1, dir_start, 0, 0x1000, 0xFFFFFFFE, 0, 0xFFFFFFFE)
        + struct.pack("<I", 0)
        + struct.pack("<109I", fat_start, *([0xFFFFFFFF] * 108))
    )
    assert len(header) == 512
    return header + body + directory + struct.pack("<128I", *fat)


AUTO_OPEN = b"""Attribute VB_Name = "Module1"
Sub Auto_Open()
    ' what a hostile workbook would do when Excel opens it with macros enabled
    Shell "cmd /c echo pwned > %TEMP%\\mognad-corpus-pwned.txt"
End Sub
"""


def xlsm_parts(good: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The good workbook as a macro-enabled .xlsm with a VBA project."""
    parts = replace_part(
        good,
        "[Content_Types].xml",
        lambda x: x.replace(
            b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        ).replace(
            b"</Types>",
            b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
            b"</Types>",
        ),
    )
    parts = replace_part(
        parts,
        "xl/_rels/workbook.xml.rels",
        lambda x: x.replace(
            b"</Relationships>",
            b'<Relationship Id="rIdVBA" Type="http://schemas.microsoft.com/office/2006/'
            b'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
        ),
    )
    return [*parts, ("xl/vbaProject.bin", ole_file({"Module1": AUTO_OPEN}))]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "files"
    names = build(target)
    print(f"{len(names)} files in {target}")
