"""The Excel report (openpyxl): a summary in sentences, formatted tables and native charts.

Sheets (Swedish names by default, English with ``lang="en"``):

* **Sammanfattning** – the summary sentences, key figures, the profile table and a radar chart of
  it (the result with the earlier wave, the target or the benchmark overlaid);
* **Var börja** – the one decision on where to start (``data.start``): the areas chosen, each
  with its reason and the statements behind it, then every area in order and the rule;
* **Dimensioner** – every dimension and category: score, level, n, vet-ej share, target, gap;
* **Påståenden** – every statement, lowest score first, with a bar chart of score and vet-ej share;
* **Prioriteringar** – every statement ranked by the priority rule, with its area; the
  statements of the areas chosen on Var börja marked;
* **Förändring** (with a comparison) – before, after, change and its 95 % interval, raw and
  Holm-adjusted p, with a before/after bar chart;
* **Grupper** and **Gruppstorlek** (with groups) – visible groups side by side (small groups are
  not shown at all), with a bar chart;
* **Roller** (with a role column) – the visible roles side by side with their difference;
* **Fyrfält** (DiMiOS) – the 2x2 position as a scatter chart;
* **Modellens tolkning** – the model plugin's findings;
* the model plugin's own sheets (``report_sections``: a title, lines, a table);
* **Tillförlitlighet** – n and Cronbach's alpha per dimension;
* **Svarsfrekvens** – respondents (and the rate, with the invited) per group and wave;
* **Om rapporten** – inputs, method, the anonymity rules and notes.

Every table has a frozen header, a filter, number formats (every figure is a number) and colour
scales where they help. Each sheet prints on A4 one page wide, as many tall as it takes, at a
scale that keeps its type at 8 pt or more (:func:`print_scale`); the print area is the visible
table with its charts below it, without the cells that only feed a chart.

Only published figures are written (see :mod:`mognad_core.report.data`): a hidden statement
shows the one reason for every hidden figure instead of a number ("visas inte av anonymitetsskäl
(färre än k svar, eller så att en mindre grupp inte kan räknas fram)": not whether it has too few
answers or protects a smaller group, which would bound its count), a hidden group has no column,
no size (not even "< k": "dold") and no point in any chart, and figures are rounded in the cells
themselves (0-1 figures to 0.001, percentage points to 0.1), not only in their number formats. A
report made with the protection off (``min_size=1``) says so on its first and last sheet.
"""

from __future__ import annotations

import math
import re
from copy import copy
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, RadarChart, Reference, ScatterChart, Series
from openpyxl.chart.data_source import StrRef
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.layout import Layout, ManualLayout
from openpyxl.chart.legend import LegendEntry
from openpyxl.chart.series import SeriesLabel
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText
from openpyxl.drawing.line import LineProperties
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
from openpyxl.formatting.rule import ColorScaleRule, DataBarRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from .. import __version__
from ..cells import is_missing
from .data import ReportData
from .sections import sheet_names
from .summary import key_figures, sentences
from .texts import Texts

PCT = "0.0 %"  # 43,1 % in a Swedish Excel (the decimal sign is the reader's own)
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
FONT = "Calibri"
HEADER_FONT = Font(name=FONT, bold=True, color="FFFFFF")
TITLE_FONT = Font(name=FONT, bold=True, size=16, color="1F4E79")
HEAD_FONT = Font(name=FONT, bold=True, size=13, color="1F4E79")
NOTE_FONT = Font(name=FONT, italic=True, color="595959")
WARNING_FONT = Font(name=FONT, bold=True, size=12, color="C00000")
BOLD = Font(name=FONT, bold=True)
TOP_FILL = PatternFill("solid", fgColor="FCE4D6")
THIN = Side(style="thin", color="D9D9D9")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
COLOURS = {"result": "0072B2", "previous": "E69F00", "target": "009E73", "benchmark": "7F7F7F"}
SCALE = {"start_color": "F8696B", "mid_color": "FFEB84", "end_color": "63BE7B"}
HEADER_ROW = 4  # tables start here: title in row 1, a note in row 2
#: characters of 11-pt text per character of column width (text is narrower than the digit "0"
#: widths are counted in); row heights of wrapped text are estimated with it
TEXT_FIT = 1.15


def pp_format(t: Texts) -> str:
    """Percentage points with their sign as the CLI writes them: ``+3,1 p.e.``, ``−3,1 p.e.``
    (a true minus) and ``±0,0 p.e.``. Cells hold figures rounded to 0.1 (:func:`_pp`), so a
    difference that rounds to zero is 0 and never shows as ``-0,0``."""
    unit = t("unit.pp")
    return f'+0.0" {unit}";"\u2212"0.0" {unit}";"\u00b1"0.0" {unit}"'


def _pp(data: ReportData, value: float | None) -> float | None:
    """A 0-1 difference as a cell's percentage points: rounded to 0.1 and never -0.0."""
    v = data.pp(value)
    return None if v is None else round(v, 1) + 0.0


# ---- small helpers ---------------------------------------------------------------------------
def _title(ws: Worksheet, text: str, note: str | None = None) -> None:
    ws["A1"] = text
    ws["A1"].font = TITLE_FONT
    ws.row_dimensions[1].height = 24
    if note:
        ws["A2"] = note
        ws["A2"].font = NOTE_FONT


def _write_table(
    ws: Worksheet,
    headers: list[str],
    rows: list[list[Any]],
    formats: dict[int, str] | None = None,
    widths: list[float] | None = None,
    top: int = HEADER_ROW,
    freeze_cols: int = 2,
    wrap_cols: tuple[int, ...] = (),
    filter: bool = True,
) -> tuple[int, int]:
    """Write a header row at ``top`` and the rows below; returns (first, last) data row."""
    for j, h in enumerate(headers, start=1):
        c = ws.cell(row=top, column=j, value=h)
        c.fill, c.font = HEADER_FILL, HEADER_FONT
        c.alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[top].height = 32
    formats = formats or {}
    for j, w in enumerate(widths or [], start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    for i, row in enumerate(rows, start=top + 1):
        lines = 1
        for j in wrap_cols:
            if widths and j <= len(widths) and j <= len(row) and row[j - 1]:
                text = str(row[j - 1])
                lines = max(lines, math.ceil(len(text) / (widths[j - 1] * TEXT_FIT)))
        if lines > 1:
            ws.row_dimensions[i].height = 15 * lines + 2
        for j, value in enumerate(row, start=1):
            if is_missing(value):
                value = None
            c = ws.cell(row=i, column=j, value=value)
            c.border = Border(bottom=THIN)
            c.alignment = TOP
            if j in formats and isinstance(value, (int, float)):
                c.number_format = formats[j]
            if j in wrap_cols:
                c.alignment = WRAP
    last = top + max(len(rows), 1)
    if filter and rows:
        ws.auto_filter.ref = f"A{top}:{get_column_letter(len(headers))}{last}"
    ws.freeze_panes = f"{get_column_letter(freeze_cols + 1)}{top + 1}"
    return top + 1, last


def id_width(ids: Any) -> float:
    """A column of ids as wide as its longest (bold ones are wider), from 6 to 28 characters."""
    longest = max((len(str(i)) for i in ids), default=4)
    return min(28, max(6, math.ceil(longest * 1.1) + 1))


def _score_scale(ws: Worksheet, col: int, first: int, last: int) -> None:
    letter = get_column_letter(col)
    ws.conditional_formatting.add(
        f"{letter}{first}:{letter}{last}",
        ColorScaleRule(
            start_type="min", mid_type="percentile", mid_value=50, end_type="max", **SCALE
        ),
    )


def _change_scale(ws: Worksheet, cells: str) -> None:
    """A difference's colours: red below zero, white at zero, green above."""
    ws.conditional_formatting.add(
        cells,
        ColorScaleRule(
            start_type="min",
            start_color="F8696B",
            mid_type="num",
            mid_value=0,
            mid_color="FFFFFF",
            end_type="max",
            end_color="63BE7B",
        ),
    )


# ---- printing --------------------------------------------------------------------------------
#: the smallest printed type, in points (docs/reports.md, "The workbook")
MIN_PRINT_PT = 8.0
A4_PT = (595.3, 841.9)  # width, height of A4 portrait in points
MARGINS = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6, header=0.3, footer=0.3)
DEFAULT_WIDTH = 8.43  # Excel's default column width in characters
DEFAULT_PT = 11.0  # Calibri 11, the cells' default size


def column_points(ws: Worksheet, col: int) -> float:
    """A column's width in points as Excel draws it with Calibri 11 (7-pixel digits, 5 pixels
    of padding, 96 pixels to the inch)."""
    dim = ws.column_dimensions.get(get_column_letter(col))
    width = dim.width if dim is not None and dim.customWidth else DEFAULT_WIDTH
    return math.floor(width * 7 + 5) * 0.75


def smallest_font(ws: Worksheet, last_row: int, last_col: int) -> float:
    """The smallest type size (points) of the cells with text or a figure in A1:last."""
    sizes = [
        float(c.font.sz or DEFAULT_PT) if c.font is not None else DEFAULT_PT
        for row in ws.iter_rows(min_row=1, max_row=last_row, max_col=last_col)
        for c in row
        if c.value is not None
    ]
    return min(sizes, default=DEFAULT_PT)


def print_scale(ws: Worksheet, last_col: int, min_font: float) -> tuple[str, int, int]:
    """(orientation, pages wide, scale in %) printing columns A..last_col on A4: portrait when
    the columns fit a portrait page at 90 % or more, else landscape; one page wide, shrunk as
    little as fits, unless that would print ``min_font`` below :data:`MIN_PRINT_PT` (then as
    many pages wide as keep it readable)."""
    width = sum(column_points(ws, j) for j in range(1, last_col + 1))
    margins = (MARGINS.left + MARGINS.right) * 72
    portrait, landscape = A4_PT[0] - margins, A4_PT[1] - margins
    orientation, printable = "portrait", portrait
    if width * 0.9 > portrait:
        orientation, printable = "landscape", landscape
    pages = 1
    while math.floor(100 * pages * printable / width) * min_font < 100 * MIN_PRINT_PT:
        pages += 1
    return orientation, pages, min(100, math.floor(100 * pages * printable / width))


def _chart_below(ws: Worksheet, chart: Any, last_row: int, last_col: int, title_row: int) -> int:
    """Put ``chart`` below the table (rows ..last_row, columns A..last_col) on a printed page of
    its own, no wider than the table and no taller than a page, its text large enough to print
    at :data:`MIN_PRINT_PT` or more; returns the last row it covers (the print area's end)."""
    orientation, _, scale = print_scale(ws, last_col, smallest_font(ws, last_row, last_col))
    paper = A4_PT[0] if orientation == "landscape" else A4_PT[1]
    page = paper - (MARGINS.top + MARGINS.bottom) * 72 - (ws.row_dimensions[title_row].height or 15)
    cm = 2.54 / 72  # per point
    chart.height = min(chart.height, page * 100 / scale * cm - 1.0)
    width = sum(column_points(ws, j) for j in range(1, last_col + 1))
    chart.width = min(chart.width, width * cm - 0.5)
    size = max(10, math.ceil(MIN_PRINT_PT * 100 / scale))  # points
    for axis in (chart.x_axis, chart.y_axis):
        axis.txPr = _axis_font(size * 100)
    if chart.legend is not None:
        chart.legend.txPr = _axis_font(size * 100)
    ws.row_breaks.append(Break(id=last_row + 1))
    ws.add_chart(chart, f"A{last_row + 2}")
    return last_row + 2 + math.ceil(chart.height / 0.529)


def _wrap_lines(ws: Worksheet, last_row: int, last_col: int) -> None:
    """A line of text alone in column A (a note, a warning) wrapped across A..last_col, so the
    printed page does not cut it at its right edge."""
    if last_col < 2:
        return
    chars = sum(column_points(ws, j) for j in range(1, last_col + 1)) / 5.6  # 11-pt characters
    for r in range(1, last_row + 1):
        c = ws.cell(row=r, column=1)
        if not isinstance(c.value, str) or any(c.coordinate in m for m in ws.merged_cells.ranges):
            continue
        if any(ws.cell(row=r, column=j).value is not None for j in range(2, last_col + 1)):
            continue
        if len(c.value) * 7 * 0.75 <= column_points(ws, 1) * 1.0:
            continue  # fits its own column
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=last_col)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        size = float(c.font.sz or DEFAULT_PT) if c.font is not None else DEFAULT_PT
        current = ws.row_dimensions[r].height or 15.0
        ws.row_dimensions[r].height = max(
            current, _row_height(c.value, chars * DEFAULT_PT / size, 15.0 * size / DEFAULT_PT)
        )


def _print_setup(
    ws: Worksheet, last_col: int, last_row: int | None = None, title_row: int | None = None
) -> None:
    """A4, one page wide (as many pages tall as it takes, so type stays at least
    :data:`MIN_PRINT_PT`), the visible table as the print area (chart data and helper columns
    right of ``last_col`` or below ``last_row`` stay out) and the header row ``title_row``
    repeated on every page."""
    last_row = last_row or ws.max_row
    _wrap_lines(ws, last_row, last_col)
    orientation, pages, scale = print_scale(ws, last_col, smallest_font(ws, last_row, last_col))
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = pages
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.page_setup.scale = scale  # what fitting to the width gives (Excel recomputes it)
    ws.page_margins = copy(MARGINS)
    ws.print_options.gridLines = False
    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
    if title_row is not None:
        ws.print_title_rows = f"{title_row}:{title_row}"


def _axis_font(size: int = 1000) -> RichText:
    return RichText(
        p=[Paragraph(pPr=ParagraphProperties(defRPr=CharacterProperties(sz=size)), endParaRPr=None)]
    )


def _percent_bars(chart: BarChart) -> None:
    """Horizontal bars on a 0-100 % axis, first row of the data on top."""
    chart.x_axis.scaling.orientation = "maxMin"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.number_format = "0 %"


def _style_series(s: Series, colour: str, line: bool = True, dash: str | None = None) -> None:
    s.graphicalProperties = s.graphicalProperties or GraphicalProperties()
    if line:
        s.graphicalProperties.line = LineProperties(solidFill=colour, w=28575, prstDash=dash)
    else:
        s.graphicalProperties.solidFill = colour
        s.graphicalProperties.line = LineProperties(solidFill=colour)


def _show_axes(chart: Any) -> None:
    # openpyxl >= 3.1 leaves <c:delete> unset and Excel then hides the axes
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def _row_height(text: str, chars_per_line: float, line_height: float = 15.0) -> float:
    lines = sum(max(1, math.ceil(len(part) / chars_per_line)) for part in str(text).split("\n"))
    return max(line_height, lines * line_height + 3)


def _kind(t: Texts, kind: str) -> str:
    return t.kind(kind)


# ---- sheets ----------------------------------------------------------------------------------
def _summary(wb: Workbook, data: ReportData) -> Worksheet:
    t = data.texts
    ws = wb.active
    ws.title = t("sheet.summary")
    _title(ws, data.title)
    ws["A2"] = data.model.display_title(data.lang)
    ws["A2"].font = Font(name=FONT, color="595959", size=12)
    ws["A3"] = t("created", date=data.created.isoformat(), version=__version__)
    ws["A3"].font = NOTE_FONT
    if data.off_notice:  # the data holder's opt-out, where every reader sees it first
        ws.merge_cells(start_row=4, start_column=1, end_row=4, end_column=5)
        ws["A4"] = data.off_notice
        ws["A4"].font = WARNING_FONT
        ws["A4"].alignment = WRAP
        ws.row_dimensions[4].height = _row_height(data.off_notice, 95, 17)
    widths = {"A": 34, "B": 22, "C": 16, "D": 16, "E": 16}
    for col, w in widths.items():
        ws.column_dimensions[col].width = w
    row = 5
    ws.cell(row=row, column=1, value=t("head.summary")).font = HEAD_FONT
    row += 1
    for sentence in sentences(data):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
        c = ws.cell(row=row, column=1, value=sentence)
        c.alignment = WRAP
        ws.row_dimensions[row].height = _row_height(sentence, 110)
        row += 1
    row += 1
    ws.cell(row=row, column=1, value=t("head.key_figures")).font = HEAD_FONT
    row += 1
    for j, h in enumerate([t("col.figure"), t("col.value")], start=1):
        c = ws.cell(row=row, column=j, value=h)
        c.fill, c.font = HEADER_FILL, HEADER_FONT
    for fig in key_figures(data):
        row += 1
        ws.cell(row=row, column=1, value=fig.label).alignment = WRAP
        c = ws.cell(row=row, column=2)
        if fig.kind == "pct":
            c.value, c.number_format = fig.value, PCT
        elif fig.kind == "pp":
            c.value, c.number_format = _pp(data, float(fig.value)), pp_format(t)
        else:
            c.value = fig.value
        c.alignment = Alignment(horizontal="right", vertical="top", wrap_text=True)
        ws.row_dimensions[row].height = max(
            _row_height(fig.label, 34), _row_height(str(fig.value), 22)
        )
    row += 2
    ws.row_breaks.append(Break(id=row - 1))  # the profile and its chart on a page of their own
    ws.cell(row=row, column=1, value=t("head.radar_data")).font = HEAD_FONT
    row += 1
    p = data.profile
    headers = [t("col.part"), *[s.name for s in p.series]]
    header_row = row
    for j, h in enumerate(headers, start=1):
        c = ws.cell(row=row, column=j, value=h)
        c.fill, c.font = HEADER_FILL, HEADER_FONT
        c.alignment = Alignment(wrap_text=True)
    ws.row_dimensions[row].height = 32
    for i, label in enumerate(p.labels):
        row += 1
        ws.cell(row=row, column=1, value=label)
        for j, s in enumerate(p.series, start=2):
            c = ws.cell(row=row, column=j, value=s.values[i])
            c.number_format = PCT
    first, last = header_row + 1, row
    _score_scale(ws, 2, first, last)

    chart = RadarChart()
    chart.type = "marker"
    chart.title = t(
        "chart.radar",
        what=t("chart.radar.categories" if p.level == "categories" else "chart.radar.dimensions"),
    )
    chart.style = 2
    values = Reference(ws, min_col=2, max_col=1 + len(p.series), min_row=header_row, max_row=last)
    chart.add_data(values, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    for s, spec in zip(chart.series, p.series, strict=True):
        colour = COLOURS.get(spec.kind, "7F7F7F")
        _style_series(s, colour, dash=None if spec.kind in ("result", "previous") else "dash")
        s.marker.symbol = "circle" if spec.kind in ("result", "previous") else "none"
        s.marker.size = 7
        s.marker.graphicalProperties = GraphicalProperties(solidFill=colour)
        s.marker.graphicalProperties.line = LineProperties(solidFill=colour)
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.majorUnit = 0.25
    chart.y_axis.number_format = "0 %"
    chart.y_axis.numFmt.sourceLinked = False if chart.y_axis.numFmt else None
    chart.legend.position = "b"
    _show_axes(chart)
    chart.width, chart.height = 17, 13  # cm: within columns A-E, so it prints with them
    ws.add_chart(chart, f"A{last + 2}")
    _print_setup(ws, 5, last + 2 + math.ceil(chart.height / 0.529))  # a 15-pt row is 0.529 cm
    return ws


def _dimensions(wb: Workbook, data: ReportData) -> Worksheet:
    t = data.texts
    ws = wb.create_sheet(t("sheet.dimensions"))
    _title(ws, t("head.dimensions"), t("note.percent"))
    has_levels = bool(data.model.levels)
    gaps = {r.id: r for r in data.gap.rows} if data.gap else {}
    bench = None
    b = next(
        (
            x
            for x in data.model.benchmarks
            if x.name == data.model.meta.get("default_benchmark") and x.dimensions
        ),
        None,
    ) or next((x for x in data.model.benchmarks if x.dimensions), None)
    if b is not None:
        bench = b
    headers = [t("col.id"), t("col.part"), t("col.kind"), t("col.parent"), t("col.score")]
    if has_levels:
        headers.append(t("col.level"))
    headers += [t("col.respondents"), t("col.n"), t("col.dont_know_share")]
    if gaps:
        headers += [t("col.target"), t("col.gap")]
    if bench is not None:
        headers.append(f"{t('col.benchmark')}: {bench.label or bench.name}")
    rows = []
    for depth, d in data.model.iter_tree():
        s = data.result.dimensions[d.id]
        level = data.model.level_named(s.level)
        row: list[Any] = [
            d.id,
            d.name(data.lang),
            _kind(t, "dimension" if depth == 0 else "category"),
            data.model.dimension(d.parent).name(data.lang) if d.parent else "",
            s.score,
        ]
        if has_levels:
            row.append(level.label(data.lang) if level else "")
        row += [s.n, s.answers, s.dont_know_share]
        if gaps:
            g = gaps.get(d.id)
            row += [g.target if g else None, None if g is None else _pp(data, g.gap)]
        if bench is not None:
            row.append(bench.dimensions.get(d.id))
        rows.append(row)
    col = {h: j for j, h in enumerate(headers, start=1)}
    formats = {col[t("col.score")]: PCT, col[t("col.dont_know_share")]: PCT}
    if gaps:
        formats[col[t("col.target")]] = PCT
        formats[col[t("col.gap")]] = pp_format(t)
    if bench is not None:
        formats[len(headers)] = PCT
    widths = [id_width(r[0] for r in rows), 34, 12, 20, 10] + ([16] if has_levels else [])
    widths += [11, 10, 11]
    widths += [10, 12] if gaps else []
    widths += [16] if bench is not None else []
    first, last = _write_table(ws, headers, rows, formats, widths)
    for i, (depth, _) in enumerate(data.model.iter_tree(), start=first):
        cell = ws.cell(row=i, column=2)
        cell.alignment = Alignment(indent=2 * depth)
        if depth == 0:
            for j in range(1, len(headers) + 1):
                ws.cell(row=i, column=j).font = BOLD
    _score_scale(ws, col[t("col.score")], first, last)
    _print_setup(ws, len(headers), last, HEADER_ROW)
    return ws


def _statements(wb: Workbook, data: ReportData) -> Worksheet:
    t = data.texts
    ws = wb.create_sheet(t("sheet.statements"))
    _title(ws, t("head.statements"), t("note.percent") + " " + t("note.short"))
    headers = [
        t("col.id"),
        t("col.statement"),
        t("col.dimension"),
        t("col.score"),
        t("col.dont_know_share"),
        t("col.mean"),
        t("col.n"),
        t("col.dont_know"),
        t("col.missing"),
        t("col.ci_low"),
        t("col.ci_high"),
        t("col.short"),
    ]
    rows = [
        [
            r.id,
            r.text,
            r.dimension,
            data.hidden_text if r.hidden else r.score,
            r.dont_know_share,
            r.mean,
            r.n,
            r.dont_know,
            r.missing,
            r.ci_low,
            r.ci_high,
            data.model.statement(r.id).short_label(data.lang),  # the chart's labels
        ]
        for r in data.statements
    ]
    formats = {4: PCT, 5: PCT, 6: "0.00", 10: PCT, 11: PCT}
    widths = [7, 60, 24, 9, 10, 9, 8, 9, 8, 10, 10, 46]
    first, last = _write_table(ws, headers, rows, formats, widths, wrap_cols=(2, 3))
    for i, r in enumerate(data.statements, start=first):
        if r.hidden:
            ws.cell(row=i, column=4).alignment = WRAP
    # the chart shows the statements with figures (hidden ones are last, without a bar)
    shown = sum(1 for r in data.statements if not r.hidden)
    chart_last = first + shown - 1
    _score_scale(ws, 4, first, last)
    ws.conditional_formatting.add(
        f"E{first}:E{last}",
        ColorScaleRule(start_type="min", start_color="FFFFFF", end_type="max", end_color="F4B183"),
    )
    end = last
    if shown:  # no chart when every statement is hidden
        chart = BarChart()
        chart.type = "bar"
        chart.grouping = "clustered"
        chart.title = t("chart.statements")
        chart.add_data(
            Reference(ws, min_col=4, max_col=5, min_row=HEADER_ROW, max_row=chart_last),
            titles_from_data=True,
        )
        chart.set_categories(Reference(ws, min_col=12, min_row=first, max_row=chart_last))
        _percent_bars(chart)
        chart.y_axis.majorGridlines = None
        chart.gapWidth = 40
        _style_series(chart.series[0], COLOURS["result"], line=False)
        _style_series(chart.series[1], "D55E00", line=False)
        chart.legend.position = "t"
        _show_axes(chart)
        chart.width = 24
        chart.height = max(10, 0.75 * shown + 3)
        end = _chart_below(ws, chart, last, 11, HEADER_ROW)
    _print_setup(ws, 11, end, HEADER_ROW)  # column 12 holds the chart's labels
    return ws


def start_of(data: ReportData) -> Any:
    """The one decision on where to start (``data.start``), or None when there is none."""
    start = getattr(data, "start", None)
    return start if start is not None and start.areas else None


def _start(wb: Workbook, data: ReportData) -> Worksheet | None:
    """Var börja: the areas chosen, each with its reason and the statements behind it, then
    every area in order (the one decision the summary, the deck and the CLI show)."""
    start = start_of(data)
    if start is None:
        return None
    t = data.texts
    ws = wb.create_sheet(t("sheet.start"), index=1)  # right after the summary
    areas = t.join([a.label for a in start.areas])
    _title(ws, t("head.start", areas=areas), t("note.priorities_top", count=len(start.areas)))
    has_target = any(a.target is not None for a in start.ranked)
    widths = [7, 48, 10, 11] + ([9, 11] if has_target else []) + [12, 62]
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    last_col = len(widths)
    row = HEADER_ROW
    for area in start.areas:
        ws.cell(row=row, column=1, value=f"{area.rank}. {area.label}").font = HEAD_FONT
        row += 1
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
        c = ws.cell(row=row, column=1, value=area.why)  # the heading above names the area
        c.alignment = WRAP
        ws.row_dimensions[row].height = _row_height(area.why, sum(widths) * TEXT_FIT)
        row += 1
        for j, h in enumerate(
            [t("col.statement"), t("col.score"), t("col.dont_know_share")], start=2
        ):
            c = ws.cell(row=row, column=j, value=h)
            c.fill, c.font = HEADER_FILL, HEADER_FONT
            c.alignment = Alignment(wrap_text=True, vertical="center")
        ws.row_dimensions[row].height = 32
        for st in area.statements:
            row += 1
            c = ws.cell(row=row, column=2, value=st.label)
            c.alignment = WRAP
            ws.row_dimensions[row].height = _row_height(st.label, widths[1] * TEXT_FIT)
            for j, v in ((3, st.score), (4, st.dont_know_share)):
                c = ws.cell(row=row, column=j, value=data.hidden_text if v is None else v)
                c.number_format, c.alignment = PCT, WRAP if v is None else TOP
                c.border = Border(bottom=THIN)
            if st.score is None:  # the reason, wrapped in the narrow figure columns
                height = _row_height(data.hidden_text, widths[2] * TEXT_FIT)
                ws.row_dimensions[row].height = max(ws.row_dimensions[row].height or 15, height)
            ws.cell(row=row, column=2).border = Border(bottom=THIN)
        row += 2
    ws.cell(row=row, column=1, value=t("head.start_all")).font = HEAD_FONT
    row += 1
    headers = [t("col.rank"), t("col.area"), t("col.score"), t("col.dont_know_share")]
    if has_target:
        headers += [t("col.target"), t("col.gap")]
    headers += [t("col.kind"), t("col.reason")]
    rows = []
    for a in start.ranked:
        r: list[Any] = [a.rank, a.label, a.score, a.dont_know_share]
        if has_target:
            r += [a.target, _pp(data, a.gap)]
        rows.append([*r, _kind(t, a.kind), a.why])
    formats = {3: PCT, 4: PCT}
    if has_target:
        formats.update({5: PCT, 6: pp_format(t)})
    top = row
    first, last = _write_table(
        ws, headers, rows, formats, widths, top=top, freeze_cols=0, wrap_cols=(2, len(headers))
    )
    ws.freeze_panes = None
    for i in range(first, first + len(start.areas)):
        for j in range(1, len(headers) + 1):
            ws.cell(row=i, column=j).fill = TOP_FILL
            ws.cell(row=i, column=j).font = BOLD
    _score_scale(ws, 3, first, last)
    for i in range(first, last + 1):
        ws.cell(row=i, column=1).alignment = Alignment(horizontal="center", vertical="top")
    row = last + 2
    ws.cell(row=row, column=1, value=t("head.start_rule")).font = HEAD_FONT
    row += 1
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
    c = ws.cell(row=row, column=1, value=start.rule)
    c.alignment, c.font = WRAP, NOTE_FONT
    ws.row_dimensions[row].height = _row_height(start.rule, sum(widths) * TEXT_FIT)
    row += 1
    for note in (n for n in start.notes if n not in data.notes):  # the data's are on "Om"
        ws.cell(row=row, column=1, value=t.message(note)).font = NOTE_FONT
        row += 1
    _print_setup(ws, last_col, row, None)
    return ws


def _priorities(wb: Workbook, data: ReportData) -> Worksheet:
    t = data.texts
    pr = data.priorities
    start = start_of(data)
    ws = wb.create_sheet(t("sheet.priorities"))
    if start is None:
        _title(ws, t("head.priorities"), t("note.priorities_top", count=pr.count))
        area_of: dict[str, str] = {}
        marked = {p.id for p in pr.ranked[: pr.count]}
    else:  # the statements of the areas chosen are marked, not the top statements
        areas = t.join([a.label for a in start.areas])
        note = t("note.priorities_start", areas=areas, sheet=t("sheet.start"))
        _title(ws, t("head.priorities_statements"), note)
        area_of = {s.id: a.label for a in start.ranked for s in a.statements}
        marked = {s.id for a in start.areas for s in a.statements}
    has_target = any(p.target is not None for p in pr.ranked)
    headers = [t("col.rank"), t("col.id"), t("col.statement")]
    if area_of:
        headers.append(t("col.area"))
    headers += [t("col.score"), t("col.dont_know_share")]
    if has_target:
        headers += [t("col.target"), t("col.gap")]
    headers += [t("col.priority"), t("col.low_score_high_dont_know"), t("col.reason")]
    rows = []
    for p in pr.ranked:
        row: list[Any] = [p.rank, p.id, p.label]
        if area_of:
            row.append(area_of.get(p.id, ""))
        row += [p.score, p.dont_know_share]
        if has_target:
            row += [p.target, _pp(data, p.gap)]
        row += [p.priority, t.yes_no(p.low_score_high_dont_know), p.reason]
        rows.append(row)
    col = {h: j for j, h in enumerate(headers, start=1)}
    score = col[t("col.score")]
    formats = {score: PCT, score + 1: PCT}
    if has_target:
        formats.update({score + 2: PCT, score + 3: pp_format(t)})
    formats[len(headers) - 2] = "0.00"
    widths = [6, 6, 46 if area_of else 54] + ([20] if area_of else []) + [9, 10]
    widths += ([9, 11] if has_target else []) + [10, 13, 46 if area_of else 56]
    wrap = (3, 4, len(headers)) if area_of else (3, len(headers))
    first, last = _write_table(ws, headers, rows, formats, widths, freeze_cols=3, wrap_cols=wrap)
    for i, p in enumerate(pr.ranked, start=first):
        if p.id in marked:
            for j in range(1, len(headers) + 1):
                c = ws.cell(row=i, column=j)
                c.fill = TOP_FILL
                c.font = BOLD
    _score_scale(ws, score, first, last)
    _print_setup(ws, len(headers), last, HEADER_ROW)
    return ws


P_FORMAT = "0.000"
#: how compare adjusts p for many comparisons (CompareResult.adjustment), as a column names it
ADJUSTMENTS = {"holm": "Holm", "bh": "Benjamini–Hochberg", "fdr_bh": "Benjamini–Hochberg"}


def _change(wb: Workbook, data: ReportData) -> Worksheet | None:
    c = data.compare
    if c is None:
        return None
    t = data.texts
    adjustment = str(getattr(c, "adjustment", "holm"))
    ws = wb.create_sheet(t("sheet.change"))
    _title(
        ws,
        t("head.change", before=c.before_label, after=c.after_label),
        t("note.significant"),
    )
    headers = [
        t("col.id"),
        t("col.part"),
        t("col.kind"),
        f"{t('col.before')} ({c.before_label})",
        f"{t('col.after')} ({c.after_label})",
        t("col.change"),
        t("col.ci_low"),
        t("col.ci_high"),
        t("col.significant"),
        t("col.p_raw"),
        t("col.p_adjusted", method=ADJUSTMENTS.get(adjustment, adjustment)),
        f"n {c.before_label}",
        f"n {c.after_label}",
    ]

    def hidden(r: Any) -> bool:  # a statement hidden in either wave has no figures
        return r.kind == "statement" and (r.n_before is None or r.n_after is None)

    rows = [
        [
            r.id,
            r.label,
            _kind(t, r.kind),
            data.hidden_text if hidden(r) else r.before,
            None if hidden(r) else r.after,
            _pp(data, r.change),
            _pp(data, r.ci_low),
            _pp(data, r.ci_high),
            t.yes_no(r.significant),  # the adjusted decision (compare's p_adjusted < 0.05)
            None if hidden(r) else getattr(r, "p_value", None),
            None if hidden(r) else getattr(r, "p_adjusted", None),
            r.n_before,
            r.n_after,
        ]
        for r in c.rows
    ]
    ppf = pp_format(t)
    formats = {4: PCT, 5: PCT, 6: ppf, 7: ppf, 8: ppf, 10: P_FORMAT, 11: P_FORMAT}
    widths = [id_width(r.id for r in c.rows), 40, 11, 11, 11, 12, 12, 12, 10, 11, 10, 8, 8]
    first, last = _write_table(ws, headers, rows, formats, widths, wrap_cols=(2,))
    for i in range(first, last + 1):  # p below 0.001 is shown as "<0,001" (the value a bound)
        for j in (10, 11):
            cell = ws.cell(row=i, column=j)
            if isinstance(cell.value, float) and cell.value < 0.001:
                cell.value, cell.number_format = 0.001, '"<"0.000'
    _change_scale(ws, f"F{first}:F{last}")
    n_parts = 1 + len(c.dimensions)
    for i in range(first, first + n_parts):
        if c.rows[i - first].kind in ("overall", "dimension"):
            for j in range(1, len(headers) + 1):
                ws.cell(row=i, column=j).font = BOLD
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.title = t("chart.change", before=c.before_label, after=c.after_label)
    last_part = first + n_parts - 1
    chart.add_data(
        Reference(ws, min_col=4, max_col=5, min_row=HEADER_ROW, max_row=last_part),
        titles_from_data=True,
    )
    chart.set_categories(Reference(ws, min_col=2, min_row=first, max_row=last_part))
    _percent_bars(chart)
    chart.gapWidth = 50
    _style_series(chart.series[0], COLOURS["previous"], line=False)
    _style_series(chart.series[1], COLOURS["result"], line=False)
    chart.legend.position = "t"
    _show_axes(chart)
    chart.width, chart.height = 20, max(9, 1.1 * n_parts + 3)
    end = _chart_below(ws, chart, last, len(headers), HEADER_ROW)
    _print_setup(ws, len(headers), end, HEADER_ROW)
    return ws


def _groups(wb: Workbook, data: ReportData) -> list[Worksheet]:
    g = data.groups
    if g is None:
        return []
    t = data.texts
    by = ", ".join(g.by)
    ws = wb.create_sheet(t("sheet.groups"))
    hidden = g.suppressed
    note = t("report.groups_hidden") + (f" ({', '.join(hidden)})" if hidden else "")
    _title(ws, t("head.groups", by=by), note)
    visible = g.visible
    sizes = {x.name: x.n for x in g.groups}
    headers = [t("col.id"), t("col.part"), t("col.kind"), t("col.total")]
    headers += [f"{name} (n={sizes[name]})" for name in visible]
    scored = {name: data.group_result(name) for name in visible}

    def value(r: Any, name: str) -> Any:
        result = scored[name]
        if r.kind == "statement" and result is not None and result.statements[r.id].hidden:
            return data.hidden_text
        return r.values.get(name)

    rows = []
    for r in g.rows:
        total: Any = data.hidden_text if r.total_hidden else r.total
        rows.append([r.id, r.label, _kind(t, r.kind), total, *[value(r, n) for n in visible]])
    formats = {j: PCT for j in range(4, 5 + len(visible))}
    widths = [id_width(r.id for r in g.rows), 44, 11, 10] + [16] * len(visible)
    first, last = _write_table(ws, headers, rows, formats, widths, wrap_cols=(2,))
    for i, row in enumerate(rows, start=first):  # the reason a figure is hidden, wrapped
        for j, value in enumerate(row[3:], start=4):
            if value == data.hidden_text:
                ws.cell(row=i, column=j).alignment = WRAP
                height = _row_height(value, widths[j - 1] * TEXT_FIT)
                ws.row_dimensions[i].height = max(ws.row_dimensions[i].height or 15, height)
    for j in range(5, 5 + len(visible)):
        ws.cell(row=HEADER_ROW, column=j).alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[HEADER_ROW].height = 48
    if visible:
        end = get_column_letter(4 + len(visible))
        for i in range(first, last + 1):
            ws.conditional_formatting.add(
                f"D{i}:{end}{i}",
                ColorScaleRule(
                    start_type="min", mid_type="percentile", mid_value=50, end_type="max", **SCALE
                ),
            )
    n_parts = sum(1 for r in g.rows if r.kind != "statement")
    end = last
    for i, r in enumerate(g.rows[:n_parts], start=first):
        if r.kind in ("overall", "dimension"):
            ws.cell(row=i, column=2).font = BOLD
    if visible:
        chart = BarChart()
        chart.type = "bar"
        chart.grouping = "clustered"
        chart.title = t("chart.groups", by=by)
        last_part = first + n_parts - 1
        chart.add_data(
            Reference(
                ws, min_col=4, max_col=4 + len(visible), min_row=HEADER_ROW, max_row=last_part
            ),
            titles_from_data=True,
        )
        chart.set_categories(Reference(ws, min_col=2, min_row=first, max_row=last_part))
        _percent_bars(chart)
        chart.gapWidth = 40
        _style_series(chart.series[0], "404040", line=False)
        chart.legend.position = "r"
        _show_axes(chart)
        chart.width = 24
        chart.height = max(10, n_parts * (0.35 * (len(visible) + 1)) + 3)
        end = _chart_below(ws, chart, last, len(headers), HEADER_ROW)
    _print_setup(ws, len(headers), end, HEADER_ROW)

    ws2 = wb.create_sheet(t("sheet.group_sizes"))
    _title(ws2, t("head.group_sizes"), t("report.groups_hidden"))
    rows2 = [
        [
            x.name,
            data.hidden_size if x.suppressed else x.n,
            t.yes_no(not x.suppressed),
            t.message(x.reason),
        ]
        for x in g.groups
    ]
    _write_table(
        ws2,
        [t("col.group"), t("col.respondents"), t("col.shown"), t("col.why_hidden")],
        rows2,
        widths=[44, 12, 10, 60],
        freeze_cols=1,
        wrap_cols=(4,),
    )
    extra = HEADER_ROW + len(rows2) + 2
    for note in g.notes:
        ws2.cell(row=extra, column=1, value=t.message(note)).font = NOTE_FONT
        extra += 1
    _print_setup(ws2, 4, extra, HEADER_ROW)
    return [ws, ws2]


def _quadrant(wb: Workbook, data: ReportData) -> Worksheet | None:
    q = data.quadrant
    if q is None:
        return None
    t = data.texts
    ws = wb.create_sheet(t("sheet.quadrant"))
    _title(ws, t("head.quadrant"), q.description)

    def corner(x: float, y: float) -> str:
        return q.corners.get((x >= q.threshold - 1e-12, y >= q.threshold - 1e-12), "")

    headers = [t("col.group"), q.x_label, q.y_label, t("col.category")]
    rows = [[p.name, p.x, p.y, corner(p.x, p.y)] for p in q.points]
    first, last = _write_table(ws, headers, rows, {2: PCT, 3: PCT}, [40, 16, 16, 34], freeze_cols=1)
    # helpers, right of the printed table (columns G-I): the two threshold lines and one point
    # per quadrant for its name
    top, hx = HEADER_ROW + 1, 6  # first row, and the column before the helpers
    ws.cell(row=top - 1, column=hx + 1, value=t("head.quadrant_help")).font = NOTE_FONT
    th = q.threshold
    lo, hi = q.axis_range()
    helper = [
        [t("series.threshold", value=t.pct(th)), th, lo],
        ["", th, hi],
        ["", lo, th],
        ["", hi, th],
    ]
    low = round(lo + 0.25 * (th - lo), 3)  # near the outer corners
    high = round(hi - 0.12 * (hi - th), 3)
    left = round(high - 0.08, 3)
    centres = {
        (False, False): (low, low),
        (True, False): (left, low),
        (False, True): (low, high),
        (True, True): (left, high),
    }
    labels = [(name, *centres[key]) for key, name in q.corners.items()]
    for i, row in enumerate(helper + [list(x) for x in labels]):
        for j, v in enumerate(row, start=1):
            c = ws.cell(row=top + i, column=hx + j, value=v)
            if j > 1:
                c.number_format = PCT
    chart = ScatterChart()
    chart.title = t("sheet.quadrant")
    chart.style = 2
    chart.x_axis.title = q.x_label
    chart.y_axis.title = q.y_label
    for axis in (chart.x_axis, chart.y_axis):
        axis.scaling.min = lo
        axis.scaling.max = hi
        axis.majorUnit = 0.1
        axis.number_format = "0 %"
        axis.majorGridlines = None
    # the two axes' first labels meet at the corner: the x axis leaves its first one out
    chart.x_axis.number_format = f'[<{lo + 0.001:g}]"";0 %'
    _show_axes(chart)
    # Okabe–Ito; yellow (hard to see on white) only from the seventh group on
    group_colours = ["009E73", "D55E00", "CC79A7", "56B4E9", "7F7F7F", "000000", "F0E442"]
    n_group = 0
    for i, p in enumerate(q.points):
        r = first + i
        s = Series(
            Reference(ws, min_col=3, min_row=r),
            Reference(ws, min_col=2, min_row=r),
            title_from_data=False,
            title=p.name,
        )
        s.tx = SeriesLabel(strRef=StrRef(f"'{ws.title}'!$A${r}"))
        if p.kind == "group":
            colour = group_colours[n_group % len(group_colours)]
            n_group += 1
        else:
            colour = COLOURS["result"] if p.kind == "organisation" else COLOURS["previous"]
        s.marker.symbol = "circle"
        s.marker.size = 14 if p.kind == "organisation" else 9
        s.marker.graphicalProperties = GraphicalProperties(solidFill=colour)
        s.marker.graphicalProperties.line = LineProperties(solidFill="FFFFFF")
        s.graphicalProperties = GraphicalProperties()
        s.graphicalProperties.line = LineProperties(noFill=True)
        chart.series.append(s)
    for start in (top, top + 2):
        s = Series(
            Reference(ws, min_col=hx + 3, min_row=start, max_row=start + 1),
            Reference(ws, min_col=hx + 2, min_row=start, max_row=start + 1),
            title=t("series.threshold", value=t.pct(th)),
        )
        s.marker.symbol = "none"
        s.graphicalProperties = GraphicalProperties()
        s.graphicalProperties.line = LineProperties(solidFill="595959", w=19050, prstDash="dash")
        chart.series.append(s)
    for i, (name, _, _) in enumerate(labels):
        r = top + len(helper) + i
        s = Series(
            Reference(ws, min_col=hx + 3, min_row=r),
            Reference(ws, min_col=hx + 2, min_row=r),
            title=name,
        )
        s.marker.symbol = "none"
        s.graphicalProperties = GraphicalProperties()
        s.graphicalProperties.line = LineProperties(noFill=True)
        s.dLbls = DataLabelList()
        s.dLbls.showSerName = True
        s.dLbls.showVal = False
        s.dLbls.showCatName = False
        s.dLbls.showPercent = False
        s.dLbls.showBubbleSize = False
        s.dLbls.showLegendKey = False
        s.dLbls.position = "ctr"
        chart.series.append(s)
    chart.legend.position = "r"
    helpers = range(len(q.points), len(chart.series))
    chart.legend.legendEntry = [LegendEntry(idx=i, delete=True) for i in helpers]
    chart.width, chart.height = 20, 14  # cm: within the table's columns, so it prints with it
    chart.layout = Layout(manualLayout=ManualLayout(x=0.05, y=0.1, w=0.55, h=0.75))
    ws.add_chart(chart, f"A{last + 2}")
    ws.column_dimensions[get_column_letter(hx + 1)].width = 30
    _print_setup(ws, 4, last + 2 + math.ceil(chart.height / 0.529), HEADER_ROW)
    return ws


_NUMBER = r"(?P<n>\d+(?:[.,]\d+)?)"
_MINUS = "-\u2212"  # a hyphen and a true minus
_PCT = re.compile(rf"(?P<bar>[\u2588\u00b7]+ )?(?P<s>[{_MINUS}]?){_NUMBER} ?%")
_PP = re.compile(rf"(?P<s>[+{_MINUS}\u00b1]?){_NUMBER} (?P<unit>\S.*)")
_PLAIN = re.compile(rf"(?P<s>[{_MINUS}]?){_NUMBER}")


def insight_figure(text: str, t: Texts) -> tuple[float | int, str, bool] | None:
    """A plugin's figure written as text (``"43,1 %"``, ``"−4,2 p.e."``, ``"67"``, a text bar
    ``"█████···· 43,1 %"``) as (number, number format, was a bar); None for other text. Plugins
    write their findings for the terminal; the workbook stores the figures as numbers."""
    text = text.strip()
    if m := _PCT.fullmatch(text):
        digits = _digits(m)
        return round(_signed(m) / 100, digits + 2), _decimals(digits) + " %", bool(m["bar"])
    m = _PP.fullmatch(text)
    if m and m["unit"] in {t("unit.pp"), t("unit.pp_long")}:
        return round(_signed(m), 1) + 0.0, pp_format(t), False
    if m := _PLAIN.fullmatch(text):
        digits = _digits(m)
        return (_signed(m) if digits else int(_signed(m))), _decimals(digits), False
    return None


def _digits(m: re.Match[str]) -> int:
    return len(m["n"].replace(",", ".").partition(".")[2])


def _decimals(digits: int) -> str:
    return "0." + "0" * digits if digits else "0"


def _signed(m: re.Match[str]) -> float:
    value = float(m["n"].replace(",", "."))
    return -value if m["s"] in ("-", "\u2212") else value


def _insights(wb: Workbook, data: ReportData) -> Worksheet | None:
    if not data.result.insights:
        return None
    t = data.texts
    ws = wb.create_sheet(t("sheet.insights"))
    _title(ws, t("head.insights"), data.model.display_title(data.lang))
    widths = (32, 26, 26, 26, 26, 40)
    for col, w in zip("ABCDEF", widths, strict=True):
        ws.column_dimensions[col].width = w
    row = 4
    start = start_of(data)
    if start is not None:  # the model's own order is background to the one decision
        areas = t.join([a.label for a in start.areas])
        ws.cell(
            row=row, column=1, value=t("note.insights_start", areas=areas, sheet=t("sheet.start"))
        )
        ws.cell(row=row, column=1).font = BOLD
        row += 2
    for ins in data.result.insights:
        ws.cell(row=row, column=1, value=ins.title).font = HEAD_FONT
        row += 1
        if ins.text:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
            c = ws.cell(row=row, column=1, value=ins.text)
            c.alignment = WRAP
            ws.row_dimensions[row].height = _row_height(ins.text, sum(widths) * TEXT_FIT)
            row += 1
        # rows sharing the first multi-column row's keys form a table; the others are lines
        keys = next((list(r) for r in ins.rows if len(r) > 1), [])[:6]
        table = [r for r in ins.rows if len(r) > 1 and set(r) <= set(keys)]
        lines = [r for r in ins.rows if r not in table]
        if table:
            # a last column of text spans the rest of the sheet's width
            merge = len(keys) < len(widths) and any(
                insight_figure(str(r[keys[-1]]), t) is None
                for r in table
                if r.get(keys[-1]) is not None
            )
            spans = [*widths[: len(keys) - 1], sum(widths[len(keys) - 1 :]) if merge else 0]
            spans[-1] = spans[-1] or widths[len(keys) - 1]
            for j, k in enumerate(keys, start=1):
                c = ws.cell(row=row, column=j, value=k)
                c.fill, c.font = HEADER_FILL, HEADER_FONT
            if merge:
                ws.merge_cells(
                    start_row=row, start_column=len(keys), end_row=row, end_column=len(widths)
                )
            first_row, bars = row + 1, set()
            for r in table:
                row += 1
                height = 15.0
                for j, k in enumerate(keys, start=1):
                    value = r.get(k)
                    text = None if value is None else str(value)
                    c = ws.cell(row=row, column=j)
                    figure = None if text is None else insight_figure(text, t)
                    if figure is None:
                        c.value, c.alignment = text, WRAP
                        height = max(height, _row_height(text or "", spans[j - 1] * TEXT_FIT))
                    else:
                        c.value, c.number_format, bar = figure
                        c.alignment = Alignment(horizontal="right", vertical="top")
                        if bar:
                            bars.add(j)
                ws.row_dimensions[row].height = height
                if merge:
                    ws.merge_cells(
                        start_row=row, start_column=len(keys), end_row=row, end_column=len(widths)
                    )
            for j in sorted(bars):  # the plugin's text bars, as a bar in the cell
                letter = get_column_letter(j)
                ws.conditional_formatting.add(
                    f"{letter}{first_row}:{letter}{row}",
                    DataBarRule(
                        start_type="num",
                        start_value=0,
                        end_type="num",
                        end_value=1,
                        color=COLOURS["result"],
                    ),
                )
                ws.column_dimensions[letter].width = max(widths[j - 1], 30)
            row += 1
        for r in lines:
            for k, v in r.items():
                ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
                ws.cell(row=row, column=1, value=k).font = BOLD
                ws.cell(row=row, column=1).alignment = WRAP
                c = ws.cell(row=row, column=2)
                figure = insight_figure(str(v), t)
                if figure is None:
                    c.value, c.alignment = str(v), WRAP
                    ws.row_dimensions[row].height = max(
                        _row_height(str(v), sum(widths[1:]) * TEXT_FIT),
                        _row_height(str(k), widths[0] * TEXT_FIT),
                    )
                else:
                    c.value, c.number_format, _ = figure
                    c.alignment = Alignment(horizontal="left", vertical="top")
                row += 1
        row += 1
    _print_setup(ws, len(widths), row, None)
    return ws


def _roles(wb: Workbook, data: ReportData) -> Worksheet | None:
    """The roles (chef, medarbetare, ...) side by side with the difference: the gap in
    perception. A hidden role has no column and no size."""
    roles = getattr(data, "roles", None) or []
    if not roles:
        return None
    t, m = data.texts, data.model
    visible = [r for r in roles if not r.suppressed and r.result is not None]
    hidden = [r for r in roles if r.suppressed or r.result is None]
    ws = wb.create_sheet(t("sheet.roles"))
    by = getattr(data, "role_column", None) or ""
    note = t("report.groups_hidden")
    if hidden:
        note = t("note.roles_hidden", roles=", ".join(r.name for r in hidden))
    _title(ws, t("head.roles", by=by), note)
    headers = [t("col.part"), t("col.kind")] + [f"{r.name} (n={r.n})" for r in visible]
    if len(visible) == 2:
        headers.append(t("col.difference", a=visible[0].name, b=visible[1].name))
    elif len(visible) > 2:
        headers.append(t("col.spread"))
    parts: list[tuple[str, str, Any]] = [(t("col.total"), "overall", None)]
    parts += [
        (d.name(data.lang), "dimension" if depth == 0 else "category", d.id)
        for depth, d in m.iter_tree()
    ]
    parts += [
        (s.label(data.lang), "statement", s.id) for _, d in m.iter_tree() for s in d.statements
    ]
    rows = []
    for label, kind, key in parts:
        values: list[Any] = []
        for r in visible:
            res = r.result
            if kind == "overall":
                values.append(res.overall)
            elif kind == "statement":
                st = res.statements.get(key)
                values.append(data.hidden_text if st is None or st.hidden else st.score)
            else:
                d = res.dimensions.get(key)
                values.append(None if d is None else d.score)
        figures = [v for v in values if isinstance(v, (int, float))]
        row = [label, _kind(t, kind), *values]
        if len(visible) >= 2:
            if len(figures) < len(values) or not figures:
                row.append(None)
            elif len(visible) == 2:
                row.append(_pp(data, figures[1] - figures[0]))
            else:
                row.append(_pp(data, max(figures) - min(figures)))
        rows.append(row)
    n_roles = len(visible)
    formats = {j: PCT for j in range(3, 3 + n_roles)}
    if n_roles >= 2:
        formats[3 + n_roles] = pp_format(t)
    longest = max((len(w) for r in visible for w in r.name.split()), default=0)
    widths = [56, 12] + [max(14, longest + 3)] * n_roles + ([16] if n_roles >= 2 else [])
    first, last = _write_table(ws, headers, rows, formats, widths, freeze_cols=1, wrap_cols=(1,))
    ws.row_dimensions[HEADER_ROW].height = 48
    for i, (_, kind, _) in enumerate(parts, start=first):
        if kind in ("overall", "dimension"):
            ws.cell(row=i, column=1).font = BOLD
    if n_roles == 2:  # red where the second role sees less, green where it sees more
        letter = get_column_letter(3 + n_roles)
        _change_scale(ws, f"{letter}{first}:{letter}{last}")
    _print_setup(ws, len(headers), last, HEADER_ROW)
    return ws


def _response_rates(wb: Workbook, data: ReportData) -> Worksheet | None:
    """Respondents, invited and the response rate per group (rows, the whole organisation
    first) and wave (columns, the earlier first). A hidden group shows no count and no rate."""
    rates = getattr(data, "response_rates", None) or []
    if not rates:
        return None
    t = data.texts
    ws = wb.create_sheet(t("sheet.response_rates"))
    has_invited = any(r.invited is not None for r in rates)
    _title(ws, t("head.response_rates"), None if has_invited else t("note.rates_no_invited"))
    waves = list(dict.fromkeys(r.wave for r in rates))
    groups = list(dict.fromkeys(r.group for r in rates))
    cell = {(r.group, r.wave): r for r in rates}
    per_wave = [t("col.respondents")] + ([t("col.invited"), t("col.rate")] if has_invited else [])

    def named(header: str, wave: str | None) -> str:
        return header if len(waves) == 1 or wave is None else f"{header} {wave}"

    headers = [t("col.group")] + [named(h, w) for w in waves for h in per_wave]
    rows = []
    for g in groups:
        row: list[Any] = [t("series.organisation") if g is None else g]
        for w in waves:
            r = cell.get((g, w))
            if r is None:
                row += [None] * len(per_wave)
                continue
            row.append(data.hidden_size if r.hidden else r.respondents)
            if has_invited:
                rate = None if r.hidden else r.rate
                if rate is not None and data.protected:  # rounded as the scores are
                    rate = round(rate, data.policy.score_digits)
                row += [r.invited, rate]
        rows.append(row)
    step = len(per_wave)
    formats = {2 + i * step + 2: PCT for i in range(len(waves))} if has_invited else {}
    widths = [44] + ([12, 11, 14] if has_invited else [14]) * len(waves)
    first, last = _write_table(ws, headers, rows, formats, widths, freeze_cols=1)
    for i, g in enumerate(groups, start=first):
        for j in range(2, len(headers) + 1):
            ws.cell(row=i, column=j).alignment = Alignment(horizontal="right", vertical="top")
        if g is None:
            for j in range(1, len(headers) + 1):
                ws.cell(row=i, column=j).font = BOLD
    _print_setup(ws, len(headers), last, HEADER_ROW)
    return ws


def _reliability(wb: Workbook, data: ReportData) -> Worksheet:
    t = data.texts
    rel = data.reliability
    ws = wb.create_sheet(t("sheet.reliability"))
    _title(ws, t("head.reliability"), t("respondents", n=rel.n_respondents))
    headers = [
        t("col.id"),
        t("col.part"),
        t("col.kind"),
        t("col.items"),
        t("col.respondents"),
        t("col.complete"),
        t("col.alpha"),
        t("col.warning"),
    ]
    rows = [
        [d.id, d.label, _kind(t, d.kind), d.items, d.n, d.n_complete, d.alpha, t.message(d.warning)]
        for d in rel.dimensions
    ]
    _, last = _write_table(
        ws,
        headers,
        rows,
        {7: "0.00"},
        [id_width(d.id for d in rel.dimensions), 34, 12, 11, 11, 12, 12, 56],
        wrap_cols=(8,),
    )
    row = last + 2
    for w in (n for n in rel.notes if n not in data.notes):  # the data's notes are on "Om"
        ws.cell(row=row, column=1, value=w).font = NOTE_FONT
        row += 1
    _print_setup(ws, len(headers), row, HEADER_ROW)
    return ws


def priorities_rule(data: ReportData) -> str:
    """The rule that ranked the priorities, in the report's language (a plugin's own rule in
    its own words)."""
    t, pr = data.texts, data.priorities
    if pr.ranked_by != "default":
        return pr.rule
    if pr.score_below is None:
        below = t("about.below_median", value=t.pct(pr.median_score, 1))
    else:
        below = t("about.below_model", value=t.pct(pr.score_below, 1))
    return t("about.priorities_rule", below=below, min=t.pct(pr.min_share))


def _about(wb: Workbook, data: ReportData) -> Worksheet:
    t = data.texts
    ws = wb.create_sheet(t("sheet.about"))
    _title(ws, t("head.about"))
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 110
    m = data.model
    pol = data.policy
    anonymity = data.off_notice or t("anonymity.on", k=pol.min_size, k2=pol.spread_min)
    items: list[tuple[str, str]] = [
        (t("about.anonymity"), anonymity),
        (t("about.model"), f"{m.display_title(data.lang)} ({m.name} {m.version})"),
        (t("about.responses"), f"{data.source_name}: {data.result.n_respondents}"),
    ]
    if data.where:
        items.append((t("about.selection"), ", ".join(data.where)))
    if data.compare is not None:
        items.append((t("about.comparison"), data.compare.summary(data.lang)))
    if data.target_label:
        items.append((t("about.target"), data.target_label))
    if data.groups is not None:
        g = data.groups
        rule = t("about.groups_rule", k=g.min_size) if data.protected else t("about.groups_all")
        items.append((t("about.groups"), t("about.groups_text", by=", ".join(g.by), rule=rule)))
    items.append((t("about.scores"), t("note.percent")))
    if data.start is not None:  # the decision's rule first: it chose the areas
        items.append((t("about.start"), data.start.rule))
    items.append((t("about.priorities"), priorities_rule(data)))
    if data.benchmark is not None and data.benchmark.caveat:
        items.append((t("about.benchmark"), data.benchmark.caveat))
    items.append(
        (t("about.created"), t("created", date=data.created.isoformat(), version=__version__))
    )
    for note in data.notes:
        if note != data.off_notice:  # said first
            items.append((t("about.note"), t.message(note)))
    row = 3
    for key, value in items:
        ws.cell(row=row, column=1, value=key).font = BOLD
        c = ws.cell(row=row, column=2, value=value)
        c.alignment = WRAP
        if value == data.off_notice:
            ws.cell(row=row, column=1).font = c.font = WARNING_FONT
        ws.cell(row=row, column=1).alignment = WRAP
        ws.row_dimensions[row].height = _row_height(value, 115)
        row += 1
    _print_setup(ws, 2, row, None)
    return ws


def _sections(wb: Workbook, data: ReportData) -> list[Worksheet]:
    """The model plugin's own sheets (``data.sections``, the ``report_sections`` hook): the
    title, the notice when the protection is off, the section's lines, its table (a frozen
    header with a filter; a percent column as ``43,1 %``) and its notes, printed as every
    sheet is."""
    sections = data.sections
    if not sections:
        return []
    names = sheet_names(sections, wb.sheetnames)
    out = []
    for section, name in zip(sections, names, strict=True):
        ws = wb.create_sheet(name)
        _title(ws, section.title)
        lines = ([data.off_notice] if data.off_notice else []) + section.lines
        row = 2
        for line in lines:
            c = ws.cell(row=row, column=1, value=line)
            if line == data.off_notice:
                c.font = WARNING_FONT
            row += 1
        last_col = 1
        header = None
        if section.columns:
            header = max(HEADER_ROW, row + 1)
            widths = [
                float(section.widths.get(c) or _section_width(section, j))
                for j, c in enumerate(section.columns)
            ]
            formats = {
                j: PCT if section.kind(c) == "percent" else "0"
                for j, c in enumerate(section.columns, start=1)
                if section.kind(c) != "text"
            }
            wrap = tuple(
                j for j, c in enumerate(section.columns, start=1) if section.kind(c) == "text"
            )
            _, last = _write_table(
                ws,
                section.columns,
                section.rows,
                formats,
                widths,
                top=header,
                freeze_cols=1,
                wrap_cols=wrap,
            )
            row = last + 2
            last_col = len(section.columns)
        else:
            ws.column_dimensions["A"].width = 100
        for note in section.notes:
            ws.cell(row=row, column=1, value=note).font = NOTE_FONT
            row += 1
        _print_setup(ws, last_col, max(row - 1, 1), header)
        out.append(ws)
    return out


def _section_width(section: Any, j: int) -> float:
    """A column of a plugin's section as wide as its header word and its content need: 11 for
    a figure, up to 60 characters for text (longer text wraps)."""
    column = section.columns[j]
    if section.kind(column) != "text":
        return max(11.0, min(24.0, max(len(w) for w in column.split()) * 1.2 + 2))
    longest = max((len(str(r[j])) for r in section.rows if r[j] is not None), default=0)
    head = max((len(w) for w in column.split()), default=4)
    return float(min(60, max(12, head * 1.2 + 2, longest * 1.05 + 2)))


def build_workbook(data: ReportData) -> Workbook:
    """The report workbook (not yet saved)."""
    wb = Workbook()
    _summary(wb, data)
    _start(wb, data)
    _dimensions(wb, data)
    _statements(wb, data)
    _priorities(wb, data)
    _change(wb, data)
    _groups(wb, data)
    _roles(wb, data)
    _quadrant(wb, data)
    _insights(wb, data)
    _sections(wb, data)
    _reliability(wb, data)
    _response_rates(wb, data)
    _about(wb, data)
    return wb


def write_excel(data: ReportData, path: Any) -> None:
    """Save the report workbook to ``path`` (the caller makes the write atomic)."""
    build_workbook(data).save(path)
