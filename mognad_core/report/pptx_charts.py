"""The deck's charts as native PowerPoint charts (python-pptx chart objects): each chart holds
its data in an embedded workbook, so a presenter can edit a label, a value or a colour in
PowerPoint. The heat map of groups is a native table.

Conventions, the same in every chart:

- colours from the Okabe–Ito palette (readable with the common colour-vision deficiencies);
  the heat map's five bands are a sequential blue scale (ColorBrewer *Blues*, colour-blind
  safe), with the text colour chosen for contrast;
- text at least 12 pt (:data:`FONT_PT` for tick labels and legends);
- scores on a fixed 0–100 % axis with the number format ``0 %`` (``66 %``). The format code
  fixes the digits and the space before ``%``, not the decimal separator: PowerPoint writes a
  decimal with the viewer's own separator, so whole percentages are used on axes and labels
  (the speaker notes carry one decimal, with a decimal comma in Swedish);
- points of a scatter chart are labelled with names (the statements' short names, the groups'
  names), never ids, and the labels are placed where they cover no other label or point
  (:func:`place_labels`).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
    XL_TICK_MARK,
)
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from .texts import Texts

FONT = "Calibri"
FONT_PT = 14  # tick labels, legends, data labels
SMALL_PT = 12  # the smallest text on a slide
PCT = "0 %"  # a number format: 0.66 -> "66 %" (see the module's docstring on decimals)

BLUE = RGBColor(0x00, 0x72, 0xB2)
ORANGE = RGBColor(0xE6, 0x9F, 0x00)
SKY = RGBColor(0x56, 0xB4, 0xE9)
GREEN = RGBColor(0x00, 0x9E, 0x73)
VERMILLION = RGBColor(0xD5, 0x5E, 0x00)
PURPLE = RGBColor(0xCC, 0x79, 0xA7)
GREY = RGBColor(0x6E, 0x6E, 0x6E)
LIGHT = RGBColor(0xD9, 0xD9, 0xD9)
INK = RGBColor(0x1F, 0x1F, 0x1F)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
SERIES_COLOURS = {"result": BLUE, "previous": ORANGE, "target": GREEN, "benchmark": GREY}
#: more series (groups, roles): Okabe–Ito in order, yellow left out (hard to see on white)
PALETTE = [BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, GREY, INK]

#: The heat map's absolute scale: five bands of 20 points on 0–100 % (ColorBrewer Blues,
#: sequential and colour-blind safe), each with the text colour that contrasts with it.
BANDS: list[tuple[RGBColor, RGBColor]] = [
    (RGBColor(0xEF, 0xF3, 0xFF), INK),
    (RGBColor(0xBD, 0xD7, 0xE7), INK),
    (RGBColor(0x6B, 0xAE, 0xD6), INK),
    (RGBColor(0x31, 0x82, 0xBD), WHITE),
    (RGBColor(0x08, 0x51, 0x9C), WHITE),
]


def band(value: float) -> int:
    """The heat-map band of a 0–1 score (0–4), by its value as shown (whole percent), so a cell
    written ``40 %`` is in the 40–59 % band."""
    return min(len(BANDS) - 1, max(0, round(value * 100) // 20))


def band_labels() -> list[str]:
    """``0–19 %``, ``20–39 %``, …, ``80–100 %``: the key of the heat map."""
    step = 100 // len(BANDS)
    out = [f"{i * step}–{i * step + step - 1} %" for i in range(len(BANDS))]
    out[-1] = f"{(len(BANDS) - 1) * step}–100 %"
    return out


# ---- text measure ----------------------------------------------------------------------------
#: average advance of a character of Calibri (and the metric-compatible Carlito) in em: a
#: little more than the true average (about 0.49), so an estimate is never too short
EM_REGULAR, EM_BOLD = 0.53, 0.56


def text_width(text: str, size: float, bold: bool = False) -> float:
    """An estimate of the width of one line of ``text`` at ``size`` pt, in pt."""
    return len(text) * size * (EM_BOLD if bold else EM_REGULAR)


def wrap(text: str, width_pt: float, size: float, bold: bool = False) -> list[str]:
    """``text`` broken into lines that fit ``width_pt`` at ``size`` pt (never inside a word
    unless the word alone is wider)."""
    chars = max(8, int(width_pt / (size * (EM_BOLD if bold else EM_REGULAR))))
    lines: list[str] = []
    for part in str(text).split("\n"):
        lines += textwrap.wrap(part, chars, break_long_words=False, break_on_hyphens=True) or [""]
    return lines


# ---- chart helpers ---------------------------------------------------------------------------
def _font(obj: Any, size: float = FONT_PT, bold: bool = False, colour: RGBColor = INK) -> None:
    obj.font.name = FONT
    obj.font.size = Pt(size)
    obj.font.bold = bold
    obj.font.color.rgb = colour


def _new_chart(slide: Any, kind: Any, box: Box, data: Any) -> Any:
    frame = slide.shapes.add_chart(kind, box.left, box.top, box.width, box.height, data)
    chart = frame.chart
    _font(chart)
    chart.font.size = Pt(FONT_PT)
    return chart


def set_plot_area(chart: Any, x: float, y: float, w: float, h: float) -> None:
    """Place the inner plot area (the axes' rectangle) at fractions of the chart frame, so that
    points can be mapped to slide positions (:func:`place_labels`) and the labels have room."""
    plot = chart.element.chart.plotArea
    old = plot.find(qn("c:layout"))
    if old is not None:
        plot.remove(old)
    c = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    layout = etree.SubElement(plot, qn("c:layout"))
    plot.remove(layout)
    plot.insert(0, layout)
    manual = etree.SubElement(layout, qn("c:manualLayout"))
    for tag, val in (
        ("layoutTarget", "inner"),
        ("xMode", "edge"),
        ("yMode", "edge"),
        ("x", x),
        ("y", y),
        ("w", w),
        ("h", h),
    ):
        etree.SubElement(manual, f"{{{c}}}{tag}").set("val", str(val))


def _manual_layout(parent: Any, before: str, box: tuple[float, float, float, float]) -> None:
    """Give ``parent`` (a legend) a manual layout, inserted before its ``before`` child."""
    layout = etree.Element(qn("c:layout"))
    manual = etree.SubElement(layout, qn("c:manualLayout"))
    for tag, val in (("xMode", "edge"), ("yMode", "edge")):
        etree.SubElement(manual, qn(f"c:{tag}")).set("val", val)
    for tag, val in zip(("x", "y", "w", "h"), box, strict=True):
        etree.SubElement(manual, qn(f"c:{tag}")).set("val", str(val))
    anchor = parent.find(before)
    if anchor is not None:
        anchor.addprevious(layout)
    else:
        parent.append(layout)


def ps_element(chart: Any, series: Any) -> Any:
    """The ``c:ser`` element of a series of ``chart`` (found by its index)."""
    return next(
        ser
        for ser in chart.element.iter(qn("c:ser"))
        if ser.find(qn("c:idx")).get("val") == str(series.index)
    )


def _pct_axis(axis: Any, low: float = 0.0, high: float = 1.0, step: float = 0.25) -> None:
    axis.minimum_scale = low
    axis.maximum_scale = high
    axis.major_unit = step
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = LIGHT
    axis.tick_labels.number_format = PCT
    axis.tick_labels.number_format_is_linked = False
    _font(axis.tick_labels)
    axis.format.line.color.rgb = LIGHT


def _legend(chart: Any, position: Any = XL_LEGEND_POSITION.TOP) -> None:
    chart.has_legend = True
    chart.legend.position = position
    chart.legend.include_in_layout = False
    _font(chart.legend)


def _colour_series(series: Any, colour: RGBColor, line: bool = False) -> None:
    if line:
        series.format.line.color.rgb = colour
    else:
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = colour


def _value_labels(series: Any, colour: RGBColor = INK, size: float = FONT_PT) -> None:
    dl = series.data_labels
    dl.show_value = True
    dl.number_format = PCT
    dl.number_format_is_linked = False
    _font(dl, size, colour=colour)


def _marker(series: Any, style: Any, size: int, fill: RGBColor, line: RGBColor = WHITE) -> None:
    series.marker.style = style
    series.marker.size = size
    series.marker.format.fill.solid()
    series.marker.format.fill.fore_color.rgb = fill
    series.marker.format.line.color.rgb = line


def _no_line(series: Any) -> None:
    series.format.line.fill.background()


@dataclass
class Box:
    """A rectangle on the slide, in EMU."""

    left: int
    top: int
    width: int
    height: int


# ---- radar -----------------------------------------------------------------------------------
def radar(slide: Any, box: Box, profile: Any, t: Texts) -> Any:
    """The profile as a radar: one series per line (the result first, filled markers and its
    values written), the model's level rings as dotted series; 0–100 %."""
    data = CategoryChartData(number_format=PCT)
    data.categories = profile.labels
    for s in profile.series:
        data.add_series(s.name, list(s.values))
    for name, value in profile.rings:
        data.add_series(
            t("axis.level_ring", level=name, value=t.pct(value)), [value] * len(profile.labels)
        )
    chart = _new_chart(slide, XL_CHART_TYPE.RADAR_MARKERS, box, data)
    _legend(chart, XL_LEGEND_POSITION.BOTTOM)
    # a square in the middle, room around it for the parts' names and the legend beneath
    side = 0.6 * box.height / box.width
    set_plot_area(chart, (1 - side) / 2, 0.13, side, 0.6)
    plot = chart.plots[0]
    for i, series in enumerate(plot.series):
        if i < len(profile.series):
            kind = profile.series[i].kind
            colour = SERIES_COLOURS.get(kind, PALETTE[i % len(PALETTE)])
            series.format.line.color.rgb = colour
            series.format.line.width = Pt(3.5 if i == 0 else 2.25)
            if kind in ("target", "benchmark"):
                series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
            _marker(series, XL_MARKER_STYLE.CIRCLE, 8 if i == 0 else 6, colour)
            if i == 0:
                _value_labels(series, BLUE)
                series.data_labels.font.bold = True
                series.data_labels.position = XL_LABEL_POSITION.ABOVE
        else:  # a level ring
            series.format.line.color.rgb = PURPLE
            series.format.line.width = Pt(1.25)
            series.format.line.dash_style = MSO_LINE_DASH_STYLE.ROUND_DOT
            series.marker.style = XL_MARKER_STYLE.NONE
    value_axis = chart.value_axis
    _pct_axis(value_axis)
    # the rings every 25 points without their figures: the result's own figures are written
    # at its points, and a ring's figure would sit under them
    value_axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE
    _font(chart.category_axis.tick_labels)
    return chart


# ---- bars ------------------------------------------------------------------------------------
def bars(
    slide: Any,
    box: Box,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None], RGBColor]],
    *,
    label_width: float = 0.42,
    point_colours: dict[int, dict[int, RGBColor]] | None = None,
    legend: bool = True,
    label_size: float = FONT_PT,
) -> Any:
    """Horizontal clustered bars on 0–100 %, the first category at the top, each bar's value
    written beside it. ``label_width`` is the share of the frame left of the plot area for the
    category labels (they wrap there); ``point_colours[series][point]`` recolours single bars
    (the suggested statements).

    The chart holds the categories and the series bottom to top (the order in which a bar
    chart draws them), so the first category is at the top and the value axis at the bottom
    without reversing an axis (LibreOffice then moves the value axis to the top)."""
    n, k = len(categories), len(series)
    data = CategoryChartData(number_format=PCT)
    data.categories = list(categories)[::-1]
    for name, values, _ in reversed(series):
        data.add_series(name, list(values)[::-1])
    chart = _new_chart(slide, XL_CHART_TYPE.BAR_CLUSTERED, box, data)
    top = 0.1 if legend else 0.03
    set_plot_area(chart, label_width, top, 0.96 - label_width, 0.97 - top - 0.09)
    # a value label as high as its bar at most: smaller on thin bars, none on very thin ones
    bar = bar_height(box, n, k, legend)
    value_size = FONT_PT if bar >= FONT_PT * 1.2 else SMALL_PT
    if legend:
        _legend(chart, XL_LEGEND_POSITION.TOP)
    else:
        chart.has_legend = False
    plot = chart.plots[0]
    plot.gap_width = GAP
    plot.overlap = 0
    for i, (_, _, colour) in enumerate(series):
        s = plot.series[k - 1 - i]
        _colour_series(s, colour)
        s.invert_if_negative = False
        if bar >= SMALL_PT * 1.05:
            _value_labels(s, size=value_size)
            s.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
        for j, c in ((point_colours or {}).get(i) or {}).items():
            point = s.points[n - 1 - j]
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = c
    cat = chart.category_axis
    cat.major_tick_mark = XL_TICK_MARK.NONE
    cat.format.line.color.rgb = LIGHT
    _font(cat.tick_labels, label_size)
    _pct_axis(chart.value_axis)
    return chart


#: the space between two categories' clusters of bars, in percent of a bar's height
GAP = 40


def bar_height(box: Box, categories: int, series: int, legend: bool = True) -> float:
    """How high (pt) each bar of :func:`bars` is drawn."""
    top = 0.1 if legend else 0.03
    plot = Emu(box.height).pt * (0.97 - top - 0.09)
    return plot / max(1, categories) / (max(1, series) + GAP / 100)


def bars_per_slide(box: Box, series: int, legend: bool = True, most: int = 12) -> int:
    """How many categories :func:`bars` can show in ``box`` with value labels of full size."""
    n = most
    while n > 1 and bar_height(box, n, series, legend) < FONT_PT * 1.2:
        n -= 1
    return n


# ---- scatter with named points -------------------------------------------------------------
@dataclass
class Point:
    """One point of a scatter chart: ``label`` is written next to it (or nothing when empty)."""

    x: float
    y: float
    label: str = ""
    bold: bool = False


@dataclass
class ScatterSeries:
    name: str
    points: list[Point]
    colour: RGBColor
    size: int = 9  # marker size in pt
    marker: Any = XL_MARKER_STYLE.CIRCLE
    line: bool = False  # a line through the points (a threshold), no markers
    legend: bool = True
    label_colour: RGBColor | None = None
    arrow: bool = False  # a line ending in an arrow head


#: where a data label can sit, in the order tried: (position, dx, dy) with dx, dy the direction
POSITIONS = [
    (XL_LABEL_POSITION.RIGHT, 1, 0),
    (XL_LABEL_POSITION.LEFT, -1, 0),
    (XL_LABEL_POSITION.ABOVE, 0, -1),
    (XL_LABEL_POSITION.BELOW, 0, 1),
]


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def label_box(
    px: float, py: float, radius: float, lines: list[str], size: float, bold: bool, pos: int
) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1, in pt; y down) of a data label at ``POSITIONS[pos]`` of a
    point at (px, py) with a marker of ``radius`` pt."""
    w = max(text_width(line, size, bold) for line in lines) + 12
    h = len(lines) * size * 1.2 + 6
    _, dx, dy = POSITIONS[pos]
    gap = radius + 2
    if dx:
        x0 = px + gap if dx > 0 else px - gap - w
        return (x0, py - h / 2, x0 + w, py + h / 2)
    y0 = py + gap if dy > 0 else py - gap - h
    return (px - w / 2, y0, px + w / 2, y0 + h)


def place_labels(
    points: Sequence[tuple[float, float, float, list[str], float, bool]],
    area: tuple[float, float, float, float],
    fixed: Sequence[tuple[float, float, float, float]] = (),
    dots: Sequence[tuple[float, float, float, float]] = (),
) -> list[int]:
    """Choose a position (an index of :data:`POSITIONS`) for each label, the most important
    first: ``points`` are ``(x, y, marker radius, lines, size, bold)`` in pt on the slide (y
    down), ``area`` the plot area. A label goes where it covers no other label, no marker and
    none of the ``fixed`` boxes, and stays inside the plot area; if every place is taken, where
    it covers least. ``dots`` (the markers of points without a label) are avoided too, but a
    label covers one sooner than another label or a labelled point: a dot under a label is still
    a dot, two labels over each other are unreadable."""
    markers = [(x - r, y - r, x + r, y + r) for x, y, r, *_ in points]

    def cost(i: int, pos: int, others: list) -> tuple[float, tuple]:
        x, y, r, lines, size, bold = points[i]
        b = label_box(x, y, r, lines, size, bold, pos)
        outside = (b[2] - b[0]) * (b[3] - b[1]) - _overlap(b, area)
        covered = [_overlap(b, o) for o in [*fixed, *others]]
        covered += [_overlap(b, m) for j, m in enumerate(markers) if j != i]
        under = [_overlap(b, d) for d in dots]
        hits = 1000 * sum(c > 0 for c in covered) + 100 * sum(c > 0 for c in under)
        return outside * 100 + sum(covered) + sum(under) + hits + pos, b

    # first each label in turn, clear of those placed before it; then each again, clear of all
    # the others, until no label moves
    boxes: list = []
    out: list[int] = []
    for i in range(len(points)):
        pos = min(range(len(POSITIONS)), key=lambda p: cost(i, p, boxes)[0])
        out.append(pos)
        boxes.append(cost(i, pos, boxes)[1])
    for _ in range(5):
        moved = False
        for i in range(len(points)):
            others = boxes[:i] + boxes[i + 1 :]
            pos = min(range(len(POSITIONS)), key=lambda p: cost(i, p, others)[0])
            if cost(i, pos, others)[0] < cost(i, out[i], others)[0]:
                out[i], boxes[i], moved = pos, cost(i, pos, others)[1], True
        if not moved:
            break
    return out


def scatter(
    slide: Any,
    box: Box,
    series: Sequence[ScatterSeries],
    *,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    x_title: str,
    y_title: str,
    x_step: float = 0.1,
    y_step: float = 0.1,
    plot: tuple[float, float, float, float] = (0.1, 0.1, 0.86, 0.76),
    label_size: float = FONT_PT,
    label_width: float = 170,
    legend: Any = XL_LEGEND_POSITION.TOP,
    legend_box: tuple[float, float, float, float] | None = None,
) -> Any:
    """An XY scatter chart on percent axes; each named point gets a data label placed clear of
    the others (:func:`place_labels`), wrapped at ``label_width`` pt. Series are drawn in the
    order given (the first beneath), lines last: LibreOffice leaves out the line of a series
    followed by one with more points."""
    series = [s for s in series if not s.line] + [s for s in series if s.line]
    data = XyChartData(number_format=PCT)
    for s in series:
        ds = data.add_series(s.name, number_format=PCT)
        for p in s.points:
            ds.add_data_point(p.x, p.y)
    chart = _new_chart(slide, XL_CHART_TYPE.XY_SCATTER, box, data)
    set_plot_area(chart, *plot)
    # the plot area on the slide, in pt (y down)
    fx, fy = Emu(box.left).pt, Emu(box.top).pt
    fw, fh = Emu(box.width).pt, Emu(box.height).pt
    ax0, ay0 = fx + plot[0] * fw, fy + plot[1] * fh
    aw, ah = plot[2] * fw, plot[3] * fh

    def to_slide(x: float, y: float) -> tuple[float, float]:
        return (
            ax0 + (x - x_range[0]) / (x_range[1] - x_range[0]) * aw,
            ay0 + ah - (y - y_range[0]) / (y_range[1] - y_range[0]) * ah,
        )

    named = []  # (series index, point index, x, y, radius, lines, bold)
    for si, s in enumerate(series):
        for pi, p in enumerate(s.points):
            if p.label:
                x, y = to_slide(p.x, p.y)
                lines = wrap(p.label, label_width, label_size, p.bold)
                named.append((si, pi, x, y, s.size / 2, lines, p.bold))
    # the bold (most important) first, then left to right
    named.sort(key=lambda n: (not n[6], n[2]))
    dots = [
        (x - r, y - r, x + r, y + r)
        for s in series
        if not s.line
        for p in s.points
        if not p.label
        for x, y in [to_slide(p.x, p.y)]
        for r in [s.size / 2]
    ]
    spots = place_labels(
        [(x, y, r, lines, label_size, bold) for _, _, x, y, r, lines, bold in named],
        (ax0, ay0, ax0 + aw, ay0 + ah),
        dots=dots,
    )
    pptx_series = list(chart.plots[0].series)
    for s, ps in zip(series, pptx_series, strict=True):
        if s.line:
            ps.format.line.color.rgb = s.colour
            ps.format.line.width = Pt(1.5)
            ps.marker.style = XL_MARKER_STYLE.NONE
            if s.arrow:
                ln = ps_element(chart, ps).find(qn("c:spPr")).find(qn("a:ln"))
                etree.SubElement(ln, qn("a:tailEnd")).set("type", "triangle")
        else:
            _no_line(ps)
            _marker(ps, s.marker, s.size, s.colour)
        ps.smooth = False
    for (si, pi, *_), lines, spot in zip(named, [n[5] for n in named], spots, strict=True):
        s = series[si]
        dl = pptx_series[si].points[pi].data_label
        tf = dl.text_frame
        for k, line in enumerate(lines):
            para = tf.paragraphs[0] if k == 0 else tf.add_paragraph()
            run = para.add_run()
            run.text = line
            _font(
                run,
                label_size,
                s.points[pi].bold,
                s.label_colour or (s.colour if s.points[pi].bold else INK),
            )
        dl.position = POSITIONS[spot][0]
    _legend(chart, legend)
    legend_element = chart.element.chart.legend
    after = legend_element.find(qn("c:legendPos"))
    for i, s in reversed(list(enumerate(series))):  # lines and helpers stay out of the legend
        if not s.legend:
            entry = etree.Element(qn("c:legendEntry"))
            etree.SubElement(entry, qn("c:idx")).set("val", str(i))
            etree.SubElement(entry, qn("c:delete")).set("val", "1")
            after.addnext(entry)
    if legend_box is not None:  # where the legend goes, as fractions of the frame
        _manual_layout(legend_element, qn("c:overlay"), legend_box)
        chart.legend.font.size = Pt(SMALL_PT)
    for axis, (lo, hi), step, title in (
        (chart.category_axis, x_range, x_step, x_title),
        (chart.value_axis, y_range, y_step, y_title),
    ):
        _pct_axis(axis, lo, hi, step)
        axis.has_title = True
        axis.axis_title.text_frame.text = title
        _font(axis.axis_title.text_frame.paragraphs[0].runs[0])
        axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    return chart


# ---- the heat map ----------------------------------------------------------------------------
def heat_table(
    slide: Any,
    box: Box,
    corner: str,
    columns: Sequence[str],
    rows: Sequence[tuple[str, Sequence[float | None], bool]],
    t: Texts,
    *,
    name_width: int,
    header_lines: int,
    size: float = FONT_PT,
) -> Any:
    """A native table: a row per ``(name, values, bold)``, a column per part; each cell holds
    its score (``66 %``) on the colour of its band (:data:`BANDS`, an absolute scale)."""
    n_rows, n_cols = len(rows) + 1, len(columns) + 1
    header_h = Pt(header_lines * size * 1.2 + 10)
    row_h = int((box.height - header_h) / max(1, len(rows)))
    frame = slide.shapes.add_table(n_rows, n_cols, box.left, box.top, box.width, box.height)
    table = frame.table
    table.first_row = True
    table.horz_banding = False
    table.columns[0].width = name_width
    rest = int((box.width - name_width) / max(1, len(columns)))
    for j in range(1, n_cols):
        table.columns[j].width = rest
    table.rows[0].height = int(header_h)
    for i in range(1, n_rows):
        table.rows[i].height = row_h

    def put(cell: Any, text: str, bold: bool, colour: RGBColor, fill: RGBColor, align: Any):
        cell.fill.solid()
        cell.fill.fore_color.rgb = fill
        cell.vertical_anchor = MSO_ANCHOR.MIDDLE
        cell.margin_left = cell.margin_right = Pt(4)
        cell.margin_top = cell.margin_bottom = Pt(2)
        tf = cell.text_frame
        tf.word_wrap = True
        para = tf.paragraphs[0]
        para.alignment = align
        run = para.add_run()
        run.text = text
        _font(run, size, bold, colour)

    put(table.cell(0, 0), corner, True, INK, WHITE, PP_ALIGN.LEFT)
    for j, name in enumerate(columns, start=1):
        put(table.cell(0, j), name, True, INK, WHITE, PP_ALIGN.CENTER)
    for i, (name, values, bold) in enumerate(rows, start=1):
        put(table.cell(i, 0), name, bold, INK, WHITE, PP_ALIGN.LEFT)
        for j, v in enumerate(values, start=1):
            if v is None:
                put(table.cell(i, j), t("none"), False, GREY, WHITE, PP_ALIGN.CENTER)
            else:
                fill, ink = BANDS[band(v)]
                put(table.cell(i, j), t.pct(v), bold, ink, fill, PP_ALIGN.CENTER)
    return table


def heat_key(slide: Any, left: int, top: int, title: str) -> int:
    """The heat map's key: a swatch per band with its range, in one row; returns its width."""
    x = left
    box = slide.shapes.add_textbox(x, top, Pt(text_width(title, SMALL_PT + 2) + 16), Pt(24))
    _key_text(box, title, INK)
    x += box.width
    for (fill, ink), label in zip(BANDS, band_labels(), strict=True):
        w = Pt(text_width(label, SMALL_PT + 2) + 18)
        sw = slide.shapes.add_shape(1, x, top, w, Pt(24))  # a rectangle
        sw.fill.solid()
        sw.fill.fore_color.rgb = fill
        sw.line.color.rgb = LIGHT
        _key_text(sw, label, ink, PP_ALIGN.CENTER)
        x += w
    return x - left


def _key_text(shape: Any, text: str, colour: RGBColor, align: Any = PP_ALIGN.LEFT) -> None:
    tf = shape.text_frame
    tf.word_wrap = False
    tf.margin_left = tf.margin_right = Pt(4)
    tf.margin_top = tf.margin_bottom = Pt(2)
    tf.vertical_anchor = MSO_ANCHOR.MIDDLE
    from pptx.enum.text import MSO_AUTO_SIZE

    tf.auto_size = MSO_AUTO_SIZE.NONE
    para = tf.paragraphs[0]
    para.alignment = align
    run = para.add_run()
    run.text = text
    _font(run, SMALL_PT + 2, False, colour)


def nice_range(
    values: Sequence[float], pad: float = 0.05, step: float = 0.1
) -> tuple[float, float]:
    """An axis range on 0–1 around ``values``, on whole ``step``s."""
    if not values:
        return 0.0, 1.0
    lo = max(0.0, math.floor((min(values) - pad) / step) * step)
    hi = min(1.0, math.ceil((max(values) + pad) / step) * step)
    return round(lo, 4), round(hi, 4)


__all__ = [
    "BANDS",
    "Box",
    "Point",
    "ScatterSeries",
    "band",
    "band_labels",
    "bars",
    "heat_key",
    "heat_table",
    "nice_range",
    "place_labels",
    "radar",
    "scatter",
    "set_plot_area",
    "text_width",
    "wrap",
]
