"""Checks of the report files as LibreOffice renders them (used by test_report_render.py).

How a character in the PDF is traced back to the shape or cell it belongs to: a *traced copy*
of each file gives every text frame of the deck (every run and field of every shape and table
cell) and every cell of the workbook a text colour of its own: dark codes (red 1 to 63, the
sheet's number in the workbook) that nothing in the reports uses. A colour changes neither the
fonts nor the layout, so the traced copy renders as the original does, and each character's
fill colour in the PDF (read with pdfplumber) names its shape or cell. Everything else (chart
text, bullets) keeps its colour and is checked against the frame it sits in.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree as ET

EMU_PER_PT = 12_700
TOLERANCE = 2.0  # pt: glyph boxes are measured from the font's metrics, not the ink
SIZE_TOLERANCE = 0.05  # pt: LibreOffice writes sizes like 11.99 for 12

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
NUMBER_COLOURS = re.compile(
    r"\[(black|blue|cyan|green|magenta|red|white|yellow|colou?r\s*\d+)\]", flags=re.I
)


def squash(text: str) -> str:
    """Text without whitespace, ligatures unfolded: how a string is compared with the PDF's."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def code_colour(major: int, minor: int) -> str:
    """The RRGGBB code of item ``minor`` (1..65535) of sheet or slide group ``major`` (1..63)."""
    assert 1 <= major <= 63 and 1 <= minor <= 0xFFFF
    return f"{major:02X}{minor >> 8:02X}{minor & 0xFF:02X}"


def char_code(char: dict) -> tuple[int, int] | None:
    """(major, minor) of a traced character, None for one that keeps its own colour."""
    colour = char.get("non_stroking_color")
    if not isinstance(colour, (tuple, list)) or len(colour) != 3:
        return None
    r, g, b = (round(float(v) * 255) for v in colour)
    if not all(abs(float(v) * 255 - round(float(v) * 255)) < 0.02 for v in colour):
        return None
    if not 1 <= r <= 63 or (g == 0 and b == 0):
        return None
    return r, (g << 8) | b


# ---- LibreOffice --------------------------------------------------------------------------
def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


#: the locale LibreOffice formats numbers in, per report language: a Swedish workbook shows
#: 65,9 % as Excel does on a Swedish computer (LibreOffice has its own locale data, so the
#: system needs no sv_SE locale installed)
LOCALES = {"sv": "sv_SE.UTF-8", "en": "en_GB.UTF-8"}


def to_pdf(
    files: list[Path], outdir: Path, profile: Path, timeout: int = 240, lang: str = "sv"
) -> list[Path]:
    """Convert with LibreOffice headless in a private profile, numbers formatted as in
    ``lang``'s locale; the PDFs, in the files' order."""
    env = {**os.environ, "LANG": LOCALES[lang], "LC_ALL": LOCALES[lang]}
    command = [
        soffice(),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, files),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)
    pdfs = [outdir / f"{f.stem}.pdf" for f in files]
    missing = [p.name for p in pdfs if not p.is_file() or p.stat().st_size == 0]
    if missing:
        raise RuntimeError(f"no PDF for {missing}: {done.stdout}\n{done.stderr}")
    return pdfs


def calibri_is_carlito() -> str | None:
    """Why the rendering would not be metric-compatible with Calibri, or None when it is."""
    fc = shutil.which("fc-match")
    if fc is None:
        return "fc-match (fontconfig) is not installed"
    found = subprocess.run([fc, "Calibri"], capture_output=True, text=True).stdout
    if "Carlito" not in found:
        return f"Calibri is not replaced by Carlito (fc-match Calibri: {found.strip()})"
    return None


# ---- package helpers ------------------------------------------------------------------------
def part_rels(z: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship id -> target part name, for ``part``."""
    path = PurePosixPath(part)
    rels = f"{path.parent}/_rels/{path.name}.rels"
    if rels not in z.namelist():
        return {}
    out = {}
    for rel in ET.fromstring(z.read(rels)).iter(f"{{{PR}}}Relationship"):
        target = rel.get("Target")
        if target.startswith("/"):
            out[rel.get("Id")] = target.lstrip("/")
            continue
        parts = list(path.parent.parts)
        for piece in target.split("/"):
            if piece == "..":
                parts.pop()
            elif piece != ".":
                parts.append(piece)
        out[rel.get("Id")] = "/".join(parts)
    return out


def _rewrite(src: Path, dst: Path, changed: dict[str, bytes]) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, changed.get(item.filename, zin.read(item.filename)))


def _xml(element: ET.Element) -> bytes:
    return ET.tostring(element, xml_declaration=True, encoding="UTF-8")


# ---- the workbook -----------------------------------------------------------------------------
@dataclass
class Cell:
    sheet: str
    ref: str  # A1
    row: int
    col: int  # 1-based
    text: str  # the stored value as text ("" for an empty cell that only carries a style)
    kind: str  # "s" text, "n" number, "b" boolean, "e" error, "f" formula without a value
    printed: bool = True  # inside the print area, not in a hidden sheet, row or column


@dataclass
class Sheet:
    name: str
    hidden: bool  # a hidden sheet is not printed
    hidden_cols: set[int]
    area: tuple[int, int, int, int] | None  # print area: first col, first row, last col, row
    margins: tuple[float, float, float, float] = (50.4, 50.4, 54.0, 54.0)  # l, r, t, b in pt


@dataclass
class TracedBook:
    sheets: list[Sheet]
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)  # code -> cell


def _col_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _cell_text(c: ET.Element, shared: list[str]) -> tuple[str, str]:
    t = c.get("t", "n")
    if t == "inlineStr":
        return "".join(x.text or "" for x in c.iter(f"{{{S}}}t")), "s"
    v = c.find(f"{{{S}}}v")
    if v is None or v.text is None:
        return "", "f" if c.find(f"{{{S}}}f") is not None else ""
    if t == "s":
        return shared[int(v.text)], "s"
    if t == "str":
        return v.text, "s"
    return v.text, t


def _sheet(name: str, hidden: bool, root: ET.Element, area) -> Sheet:
    hidden_cols = set()
    for col in root.iter(f"{{{S}}}col"):
        if col.get("hidden") in ("1", "true"):
            hidden_cols.update(range(int(col.get("min")), int(col.get("max")) + 1))
    margins = root.find(f"{{{S}}}pageMargins")
    inches = (0.7, 0.7, 0.75, 0.75)
    if margins is not None:
        inches = tuple(
            float(margins.get(side, default))
            for side, default in zip(("left", "right", "top", "bottom"), inches, strict=True)
        )
    return Sheet(name, hidden, hidden_cols, area, tuple(72 * i for i in inches))


def trace_workbook(src: Path, dst: Path) -> TracedBook:
    """Write ``dst``: ``src`` with a code colour per cell."""
    ET.register_namespace("", S)
    ET.register_namespace("r", R)
    changed: dict[str, bytes] = {}
    with zipfile.ZipFile(src) as z:
        names = set(z.namelist())
        book = ET.fromstring(z.read("xl/workbook.xml"))
        targets = part_rels(z, "xl/workbook.xml")
        sheets = [
            (s.get("name"), targets[s.get(f"{{{R}}}id")], s.get("state", "visible") != "visible")
            for s in book.iter(f"{{{S}}}sheet")
        ]
        shared: list[str] = []
        if "xl/sharedStrings.xml" in names:
            sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
            for si in sst.iter(f"{{{S}}}si"):
                shared.append("".join(x.text or "" for x in si.iter(f"{{{S}}}t")))
            for colour in list(sst.iter(f"{{{S}}}rPr")):  # rich text keeps the cell's colour
                for c in colour.findall(f"{{{S}}}color"):
                    colour.remove(c)
            changed["xl/sharedStrings.xml"] = _xml(sst)
        styles = ET.fromstring(z.read("xl/styles.xml"))
        fonts = styles.find(f"{{{S}}}fonts")
        xfs = styles.find(f"{{{S}}}cellXfs")
        for fmt in styles.iter(f"{{{S}}}numFmt"):  # [Red] in a number format overrides the font
            fmt.set("formatCode", NUMBER_COLOURS.sub("", fmt.get("formatCode")))
        for dxf in styles.iter(f"{{{S}}}dxf"):  # so does a conditional format's font colour
            for font in dxf.findall(f"{{{S}}}font"):
                for c in font.findall(f"{{{S}}}color"):
                    font.remove(c)
        base_fonts = list(fonts)
        base_xfs = list(xfs)
        areas = {}
        for dn in book.iter(f"{{{S}}}definedName"):
            m = re.fullmatch(r".*!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)", dn.text or "")
            if dn.get("name") == "_xlnm.Print_Area" and m:
                first = (_col_number(m.group(1)), int(m.group(2)))
                areas[int(dn.get("localSheetId"))] = (
                    *first,
                    _col_number(m.group(3)),
                    int(m.group(4)),
                )
        traced = TracedBook(sheets=[])
        for major, (name, part, hidden) in enumerate(sheets, start=1):
            root = ET.fromstring(z.read(part))
            sheet = _sheet(name, hidden, root, areas.get(major - 1))
            traced.sheets.append(sheet)
            hidden_rows = {
                int(r.get("r"))
                for r in root.iter(f"{{{S}}}row")
                if r.get("hidden") in ("1", "true")
            }
            minor = 0
            for c in root.iter(f"{{{S}}}c"):
                text, kind = _cell_text(c, shared)
                if not kind:
                    continue
                for colour in c.iter(f"{{{S}}}rPr"):
                    for e in colour.findall(f"{{{S}}}color"):
                        colour.remove(e)
                minor += 1
                ref = c.get("r")
                m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
                row, col = int(m.group(2)), _col_number(m.group(1))
                xf = copy.deepcopy(base_xfs[int(c.get("s", "0"))])
                font = copy.deepcopy(base_fonts[int(xf.get("fontId", "0"))])
                area = sheet.area
                traced.cells[(major, minor)] = Cell(
                    name,
                    ref,
                    row,
                    col,
                    text,
                    kind,
                    printed=not hidden
                    and row not in hidden_rows
                    and col not in sheet.hidden_cols
                    and (area is None or (area[0] <= col <= area[2] and area[1] <= row <= area[3])),
                )
                for e in font.findall(f"{{{S}}}color"):
                    font.remove(e)
                colour = ET.SubElement(font, f"{{{S}}}color")
                colour.set("rgb", "FF" + code_colour(major, minor))
                fonts.append(font)
                xf.set("fontId", str(len(fonts) - 1))
                xf.set("applyFont", "1")
                xfs.append(xf)
                c.set("s", str(len(xfs) - 1))
            changed[part] = _xml(root)
        fonts.set("count", str(len(fonts)))
        xfs.set("count", str(len(xfs)))
        changed["xl/styles.xml"] = _xml(styles)
    _rewrite(src, dst, changed)
    return traced


# ---- reading the PDF --------------------------------------------------------------------------
@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    chars: list[dict]

    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)


def font_size(char: dict) -> float:
    """The font size a character is drawn in, pt. pdfplumber's ``size`` is the glyph box's
    height, which for text turned 90° (a chart's vertical axis title) is the glyph's advance:
    there the size is the box's width."""
    if char.get("upright", True):
        return float(char["size"])
    a, b = char["matrix"][:2]
    if abs(a) < abs(b):  # written up or down the page
        return float(char["x1"] - char["x0"])
    return float(char["bottom"] - char["top"])


def read_pdf(pdf: Path) -> list[Page]:
    import pdfplumber

    pages = []
    with pdfplumber.open(pdf) as doc:
        for number, p in enumerate(doc.pages, start=1):
            chars = [
                {k: c[k] for k in ("text", "x0", "x1", "top", "bottom", "fontname")}
                | {"code": char_code(c), "size": font_size(c)}
                for c in p.chars
            ]
            pages.append(Page(number, float(p.width), float(p.height), chars))
    return pages


def words(chars: list[dict]) -> str:
    """The characters as text, a space where the gap between two is wider than 0.15 em
    or the line changes (for messages and word counts, not for exact comparison)."""
    out = []
    last = None
    for c in chars:
        if last is not None and (
            abs(c["top"] - last["top"]) > last["size"] * 0.5
            or c["x0"] - last["x1"] > last["size"] * 0.15
        ):
            out.append(" ")
        out.append(c["text"])
        last = c
    return "".join(out)


def drawn(chars: list[dict]) -> list[str]:
    """The characters as squashed text twice: in the order they were drawn, and in reading
    order (lines top to bottom, left to right), which differs when LibreOffice draws glyphs from
    a fallback font (█, ·) after the rest of the line."""
    stream = squash("".join(c["text"] for c in chars))
    reading = squash("".join(c["text"] for line in _lines(chars) for c in line))
    return [stream, reading]


def _x(c: dict) -> float:
    return c["x0"]


def small_fonts(pages: list[Page], minimum: float, name) -> list[str]:
    """One line per page with text below ``minimum`` pt: the sizes and the words set in them.
    ``name(page_number)`` names the page (a slide or a sheet)."""
    problems = []
    for page in pages:
        small = [
            c for c in page.chars if c["size"] < minimum - SIZE_TOLERANCE and c["text"].strip()
        ]
        if not small:
            continue
        by_size: dict[float, list[dict]] = {}
        for c in small:
            by_size.setdefault(round(c["size"], 1), []).append(c)
        parts = [
            f"{size} pt: {short(words(chars), 60)!r}" for size, chars in sorted(by_size.items())
        ]
        problems.append(
            f"{name(page.number)}: {len(small)} characters below {minimum:g} pt ("
            + "; ".join(parts)
            + ")"
        )
    return problems


# ---- the deck ---------------------------------------------------------------------------------
@dataclass
class Frame:
    """A text frame (a shape's text or a table cell), a chart, a picture: where it stands."""

    slide: int  # 1-based
    name: str  # the shape's name; "Table 3, cell (2, 1)" for a table cell
    kind: str  # "text", "cell", "chart", "picture", "shape"
    text: str
    box: tuple[float, float, float, float]  # x0, top, x1, bottom in pt on the slide
    chart_labels: list[str] = field(default_factory=list)  # categories, series names, title


@dataclass
class TracedDeck:
    width: float  # pt
    height: float
    frames: dict[int, Frame] = field(default_factory=dict)  # code (minor) -> text frame
    shapes: dict[int, list[Frame]] = field(default_factory=dict)  # slide -> all its frames


def _pt(emu) -> float:
    return (emu or 0) / EMU_PER_PT


def _walk(shapes, transform):
    """(shape, box in pt) for every shape, inside groups too."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    for shape in shapes:
        if shape.left is None or shape.width is None:
            continue
        x0, y0 = transform(shape.left, shape.top)
        x1, y1 = transform(shape.left + shape.width, shape.top + shape.height)
        yield shape, (x0, y0, x1, y1)
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            xfrm = shape.element.find(f"{{{P}}}grpSpPr/{{{A}}}xfrm")
            off, ext = xfrm.find(f"{{{A}}}off"), xfrm.find(f"{{{A}}}ext")
            ch_off, ch_ext = xfrm.find(f"{{{A}}}chOff"), xfrm.find(f"{{{A}}}chExt")
            ox, oy = int(off.get("x")), int(off.get("y"))
            cx, cy = int(ch_off.get("x")), int(ch_off.get("y"))
            sx = int(ext.get("cx")) / max(int(ch_ext.get("cx")), 1)
            sy = int(ext.get("cy")) / max(int(ch_ext.get("cy")), 1)

            def inner(x, y, ox=ox, oy=oy, cx=cx, cy=cy, sx=sx, sy=sy, outer=transform):
                return outer(ox + (x - cx) * sx, oy + (y - cy) * sy)

            yield from _walk(shape.shapes, inner)


FILLS = {
    f"{{{A}}}{k}" for k in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill")
}


def _colour_text(txbody, rgb: str) -> None:
    """Every run and field of a text body in colour ``rgb``, in place of its own fill."""
    from lxml import etree

    for run in [*txbody.iter(f"{{{A}}}r"), *txbody.iter(f"{{{A}}}fld")]:
        props = run.find(f"{{{A}}}rPr")
        if props is None:
            props = etree.Element(f"{{{A}}}rPr")
            run.insert(0, props)
        for old in [e for e in props if e.tag in FILLS]:
            props.remove(old)
        fill = etree.Element(f"{{{A}}}solidFill")
        etree.SubElement(fill, f"{{{A}}}srgbClr", val=rgb)
        line = props.find(f"{{{A}}}ln")  # the fill comes right after the outline, if any
        props.insert(0 if line is None else list(props).index(line) + 1, fill)


def _series_element(space, index: int):
    """A chart's c:ser element of the series with c:idx ``index``."""
    c = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    return next(s for s in space.iter(f"{c}ser") if int(s.find(f"{c}idx").get("val")) == index)


def _chart_labels(chart) -> list[str]:
    """The texts a chart draws from its data: the title, the category labels (not of an XY or
    bubble chart, and only with the category axis shown), the legend's series names (but
    entries deleted from the legend) and the points' own label texts."""
    from pptx.chart.plot import BubblePlot, XyPlot
    from pptx.enum.chart import XL_TICK_LABEL_POSITION

    c = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    labels = []
    space = chart.element
    title_deleted = space.find(f"{c}chart/{c}autoTitleDeleted")
    title_deleted = title_deleted is not None and title_deleted.get("val") in ("1", "true")
    if chart.has_title and chart.chart_title.has_text_frame and not title_deleted:
        labels.append(chart.chart_title.text_frame.text)
    try:
        axis = chart.category_axis
        categories_shown = axis.visible and axis.tick_label_position != XL_TICK_LABEL_POSITION.NONE
    except (ValueError, AttributeError):
        categories_shown = False
    deleted = set()
    legend = space.find(f"{c}chart/{c}legend")
    if legend is not None:
        for entry in legend.findall(f"{c}legendEntry"):
            gone = entry.find(f"{c}delete")
            if gone is not None and gone.get("val") in ("1", "true"):
                deleted.add(int(entry.find(f"{c}idx").get("val")))
    for plot in chart.plots:
        if categories_shown and not isinstance(plot, (XyPlot, BubblePlot)):
            labels.extend(str(x) for x in plot.categories if str(x).strip())
        for series in plot.series:
            if chart.has_legend and series.name and series.index not in deleted:
                labels.append(series.name)
            for label in _series_element(space, series.index).iter(f"{c}dLbl"):
                gone = label.find(f"{c}delete")
                rich = label.find(f"{c}tx/{c}rich")
                if rich is not None and (gone is None or gone.get("val") not in ("1", "true")):
                    text = "".join(t.text or "" for t in rich.iter(f"{{{A}}}t"))
                    if text.strip():
                        labels.append(text)
    return labels


def trace_deck(src: Path, dst: Path) -> TracedDeck:
    """Write ``dst``: ``src`` with a code colour for every text frame and table cell."""
    from pptx import Presentation

    prs = Presentation(str(src))
    traced = TracedDeck(_pt(prs.slide_width), _pt(prs.slide_height))
    minor = 0

    def identity(x, y):
        return _pt(x), _pt(y)

    for number, slide in enumerate(prs.slides, start=1):
        frames = traced.shapes.setdefault(number, [])
        for shape, box in _walk(slide.shapes, identity):
            if getattr(shape, "has_chart", False) and shape.has_chart:
                frames.append(
                    Frame(number, shape.name, "chart", "", box, _chart_labels(shape.chart))
                )
            elif getattr(shape, "has_table", False) and shape.has_table:
                table = shape.table
                xs = [box[0]]
                for col in table.columns:
                    xs.append(xs[-1] + _pt(col.width))
                frames.append(Frame(number, shape.name, "shape", "", box))
                cells = [  # each cell's a:txBody, row by row as python-pptx counts them
                    [tc.find(f"{{{A}}}txBody") for tc in tr.findall(f"{{{A}}}tc")]
                    for tr in shape.element.iter(f"{{{A}}}tr")
                ]
                for r, row in enumerate(table.rows):
                    for c, cell in enumerate(row.cells):
                        if cell.is_spanned or not cell.text.strip():
                            continue
                        span = cell.span_width if cell.is_merge_origin else 1
                        minor += 1
                        _colour_text(cells[r][c], code_colour(1, minor))
                        name = f"{shape.name}, row {r + 1}, column {c + 1}"
                        cell_box = (xs[c], box[1], xs[c + span], box[3])
                        frame = Frame(number, name, "cell", cell.text, cell_box)
                        traced.frames[minor] = frame
                        frames.append(frame)
            elif shape.has_text_frame and shape.text_frame.text.strip():
                minor += 1
                _colour_text(shape.element.find(f"{{{P}}}txBody"), code_colour(1, minor))
                frame = Frame(number, shape.name, "text", shape.text_frame.text, box)
                traced.frames[minor] = frame
                frames.append(frame)
            else:
                kind = "picture" if shape.shape_type == 13 else "shape"
                frames.append(Frame(number, shape.name, kind, "", box))
    prs.save(str(dst))
    return traced


def _inside(c: dict, box, tol: float = TOLERANCE) -> bool:
    return (
        c["x0"] >= box[0] - tol
        and c["x1"] <= box[2] + tol
        and c["top"] >= box[1] - tol
        and c["bottom"] <= box[3] + tol
    )


def _centre_in(c: dict, box) -> bool:
    x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _extent(chars: list[dict]) -> tuple[float, float, float, float]:
    return (
        min(c["x0"] for c in chars),
        min(c["top"] for c in chars),
        max(c["x1"] for c in chars),
        max(c["bottom"] for c in chars),
    )


def _box(box) -> str:
    return f"x {box[0]:.1f}–{box[2]:.1f}, y {box[1]:.1f}–{box[3]:.1f}"


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"[\n\v]", text) if squash(p)]


def _runs(chars: list[dict]) -> list[list[dict]]:
    """Characters drawn one after the other on one line: a label of a chart."""
    runs: list[list[dict]] = []
    for c in chars:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and abs(c["top"] - last["top"]) <= 0.3 * c["size"]
            and -0.1 * c["size"] <= c["x0"] - last["x1"] <= 0.5 * c["size"]
        ):
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def _collisions(where: str, traced: dict, loose: list[dict]) -> list[str]:
    """Text drawn over other text: two characters of different text frames or cells (``traced``:
    code -> (what to call it, its characters)), or of different chart labels, overlapping more
    than ``TOLERANCE`` pt both ways."""
    owners = []
    for code, (label, chars) in traced.items():
        owners += [(("frame", code), label, c) for c in chars]
    for n, run in enumerate(_runs(loose)):
        label = f"chart text {short(words(run), 40)!r}"
        owners += [(("chart", n), label, c) for c in run]
    seen, out = set(), []
    owners.sort(key=lambda o: o[2]["x0"])
    for i, (owner, label, a) in enumerate(owners):
        for other, other_label, b in owners[i + 1 :]:
            if b["x0"] >= a["x1"] - TOLERANCE:
                break
            if owner == other or (owner, other) in seen:
                continue
            dx = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
            dy = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if dx > TOLERANCE and dy > TOLERANCE:
                seen.update({(owner, other), (other, owner)})
                out.append(
                    f"{where}: {label} and {other_label} are drawn over each other at "
                    f"x {max(a['x0'], b['x0']):.1f}, y {max(a['top'], b['top']):.1f}"
                )
    return out


#: what must not begin a line: a unit parted from its number
UNITS = re.compile(r"(%|p\.e\.|pp\b)")


def _lines(chars: list[dict]) -> list[list[dict]]:
    """The characters in lines, top to bottom, each left to right."""
    lines: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: c["top"]):
        if lines and abs(c["top"] - lines[-1][0]["top"]) <= 0.3 * c["size"]:
            lines[-1].append(c)
        else:
            lines.append([c])
    return [sorted(line, key=_x) for line in lines]


ELLIPSIS = re.compile(r"…|\.\.\.")


def check_deck(deck: TracedDeck, pages: list[Page], statements: list[str]) -> dict[str, list[str]]:
    """Every check of the rendered deck: name -> the problems found (empty when it passes).

    ``statements`` are the model's statement texts in the deck's language."""
    found: dict[str, list[str]] = {
        k: []
        for k in (
            "overflow",
            "overlap",
            "off page",
            "outside shapes",
            "not drawn",
            "chart labels",
            "cut",
            "split",
        )
    }
    corpus = []
    if len(pages) != len(deck.shapes):
        found["not drawn"].append(f"{len(pages)} PDF pages for {len(deck.shapes)} slides")
    for page in pages:
        sx, sy = page.width / deck.width, page.height / deck.height
        frames = [
            (f, (f.box[0] * sx, f.box[1] * sy, f.box[2] * sx, f.box[3] * sy))
            for f in deck.shapes.get(page.number, [])
        ]
        where = f"slide {page.number}"
        off = [c for c in page.chars if not _inside(c, (0, 0, page.width, page.height))]
        if off:
            found["off page"].append(f"{where}: {short(words(off))!r} is off the page")
        by_code: dict[int, list[dict]] = {}
        loose = []
        for c in page.chars:
            code = c["code"]
            if code is not None and code[0] == 1 and code[1] in deck.frames:
                by_code.setdefault(code[1], []).append(c)
            elif c["text"].strip():
                loose.append(c)
        corpus.append(squash(page.text()))
        for code, chars in by_code.items():
            frame = deck.frames[code]
            if frame.slide != page.number:
                found["overflow"].append(
                    f"{where}: text of slide {frame.slide}, {frame.name} is drawn here"
                )
                continue
            box = next(b for f, b in frames if f is frame)
            outside = [c for c in chars if not _inside(c, box)]
            if outside:
                extent = _extent(chars)
                found["overflow"].append(
                    f"{where}, {frame.name} ({short(frame.text, 50)!r}): the text is drawn at "
                    f"{_box(extent)} pt, the shape is {_box(box)} (±{TOLERANCE:g}); outside: "
                    f"{short(words(outside), 60)!r}"
                )
            rendered = drawn(chars)
            corpus.extend(rendered)
            for par in _paragraphs(frame.text):
                if not any(squash(par) in r for r in rendered):
                    found["not drawn"].append(
                        f"{where}, {frame.name}: {short(par)!r} is not drawn in full "
                        f"(drawn: {short(words(chars), 60)!r})"
                    )
            for line in _lines(chars)[1:]:
                start = "".join(c["text"] for c in line).lstrip()
                if UNITS.match(start):
                    found["split"].append(
                        f"{where}, {frame.name}: a line begins with {short(start, 30)!r}, "
                        "away from its number (a no-break space keeps them together)"
                    )
        for frame, box in frames:
            if frame.kind in ("text", "cell") and not any(
                deck.frames.get(code) is frame for code in by_code
            ):
                found["not drawn"].append(
                    f"{where}, {frame.name}: {short(frame.text)!r} is not drawn at all"
                )
            if frame.kind == "chart":
                inside = squash("".join(c["text"] for c in loose if _centre_in(c, box)))
                corpus.append(inside)
                for label in frame.chart_labels:
                    if squash(label) not in inside:
                        found["chart labels"].append(
                            f"{where}, {frame.name}: the label {short(label)!r} is not drawn "
                            "in full inside the chart"
                        )
        named = {
            code: (f"{deck.frames[code].name} ({short(deck.frames[code].text, 40)!r})", chars)
            for code, chars in by_code.items()
        }
        found["overlap"].extend(_collisions(where, named, loose))
        stray = [c for c in loose if not any(_inside(c, b) for _, b in frames)]
        if stray:
            found["outside shapes"].append(
                f"{where}: {short(words(stray), 80)!r} is drawn outside every shape"
            )
    # "…" or "..." that the model's own texts do not have: a label we cut
    allowed = [s for s in statements if ELLIPSIS.search(s)]
    for slide, frames in deck.shapes.items():
        for frame in frames:
            for text in [frame.text, *frame.chart_labels]:
                rest = text
                for s in allowed:
                    rest = rest.replace(s, "")
                if ELLIPSIS.search(rest):
                    found["cut"].append(f"slide {slide}, {frame.name}: {short(text, 90)!r}")
    whole = "\n".join(corpus)
    for s in statements:
        if squash(s) not in whole:
            found["cut"].append(f"the statement {short(s, 90)!r} is nowhere in the deck in full")
    return found


def sheet_of_pages(book: TracedBook, pages: list[Page]) -> dict[int, str]:
    """Page number -> the sheet printed on it (the sheet most of its traced text is from; a page
    without traced text continues the sheet before it)."""
    out, last = {}, book.sheets[0].name
    for page in pages:
        majors: dict[int, int] = {}
        for c in page.chars:
            if c["code"] is not None and c["code"] in book.cells:
                majors[c["code"][0]] = majors.get(c["code"][0], 0) + 1
        if majors:
            last = book.sheets[max(majors, key=majors.get) - 1].name
        out[page.number] = last
    return out


def check_workbook(
    book: TracedBook, pages: list[Page], statements: list[str]
) -> dict[str, list[str]]:
    """Every check of the printed workbook: name -> the problems found (empty when it passes).

    ``statements`` are the model's statement texts in the workbook's language (a "…" in a cell
    is a label we cut unless the model's own text has it)."""
    found: dict[str, list[str]] = {
        k: [] for k in ("###", "not printed", "error values", "cut", "outside the page", "overlap")
    }
    allowed = [s for s in statements if ELLIPSIS.search(s)]
    names = sheet_of_pages(book, pages)
    sheets = {sheet.name: sheet for sheet in book.sheets}
    printed: dict[tuple[int, int], list[dict]] = {}
    for page in pages:
        where = f"sheet {names[page.number]!r} (page {page.number})"
        left, right, top, bottom = sheets[names[page.number]].margins
        area = (left, top, page.width - right, page.height - bottom)
        on_page: dict[tuple[int, int], list[dict]] = {}
        loose = []
        for c in page.chars:
            if c["code"] in book.cells:
                on_page.setdefault(c["code"], []).append(c)
            elif c["text"].strip():
                loose.append(c)
        for code, chars in on_page.items():
            printed.setdefault(code, []).extend(chars)
            outside = [c for c in chars if not _centre_in(c, area)]
            if outside:
                cell = book.cells[code]
                found["outside the page"].append(
                    f"{where}, {cell.ref} ({short(cell.text, 40)!r}): "
                    f"{short(words(outside), 40)!r} is drawn at {_box(_extent(outside))} pt, "
                    f"outside the printed area {_box(area)} (a row too low for its text?)"
                )
        named = {
            code: (f"{book.cells[code].ref} ({short(book.cells[code].text, 40)!r})", chars)
            for code, chars in on_page.items()
        }
        found["overlap"].extend(_collisions(where, named, loose))
        if "###" in "".join(c["text"] for c in loose):
            found["###"].append(f"{where}: '###'")
    for code, cell in book.cells.items():
        chars = printed.get(code, [])
        shown, reading = drawn(chars)
        where = f"sheet {cell.sheet!r}, {cell.ref}"
        rest = cell.text
        for s in allowed:
            rest = rest.replace(s, "")
        if cell.kind == "s" and ELLIPSIS.search(rest):
            found["cut"].append(f"{where}: {short(cell.text, 90)!r}")
        if "###" in shown or (shown and set(shown) == {"#"}):
            found["###"].append(f"{where} ({short(cell.text, 30)!r}): printed as {shown!r}")
        elif cell.kind == "e":
            found["error values"].append(f"{where}: {cell.text}")
        elif not cell.printed or cell.kind == "f":
            continue
        elif cell.kind == "s" and not any(squash(cell.text) in x for x in (shown, reading)):
            found["not printed"].append(
                f"{where}: {short(cell.text)!r} is not printed in full"
                + (f" (printed: {short(words(chars), 60)!r})" if chars else "")
            )
        elif cell.kind in ("n", "b") and not shown:
            found["not printed"].append(f"{where}: the number {cell.text} is not printed")
    return found
