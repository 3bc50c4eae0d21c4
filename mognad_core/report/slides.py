"""The slide deck (python-pptx), 16:9, made to be projected: big type, few words, one message per
slide (the slide titles state it), and the figures behind each slide in its speaker notes.

The storyline, in order (slides a model or the options do not give are left out):

1. title;
2. summary: the message headline (only what is sure: a change counts when the adjusted test
   says so) and the key figures as tiles of one size, with the proposed areas;
3. where we stand: the profile (radar) with the earlier wave and the benchmark, its caveat on
   the slide; the 2×2 (DiMiOS); before/after (with a comparison);
4. strengths and improvement areas in words;
5. the statements, lowest score first, with their vet-ej share (full texts, as many slides as
   they need);
6. "Var börja?": score against vet-ej share;
7. the proposed areas (:func:`mognad_core.analysis.start.where_to_start`, ``data.start``), one
   slide each with its reason and the statements behind it; the model's next steps for them
   (DMM);
8. the decision slide: the proposed areas, with empty columns for owner and timeline;
9. roles side by side (chef and medarbetare: the gap in perception, largest first);
10. groups: a heat map (a table with an absolute colour scale and a key) and a slide per visible
    group;
11. the model plugin's own slides (``report_sections``: lines and tables, continued as
    needed);
12. about the survey, the response rates, and the notes about the data.

Charts are native PowerPoint charts holding their data (:mod:`.pptx_charts`), so a presenter can
edit them. No text is cut: long texts wrap, lists continue on the next slide, and every text box
is made as tall as its text (:meth:`Deck.text`).

Slides and their notes show only published figures (see :mod:`mognad_core.report.data`): a
hidden statement is "visas inte" and has the one reason for every hidden figure in the notes, a
hidden group or role is named without size or figures. A deck made with the protection off
says so on its title slide and in every footer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from .. import __version__, texts
from ..schema import in_language
from . import pptx_charts as pc
from .data import GroupReport, ReportData
from .summary import headline, key_figures, sentences

FONT = pc.FONT
INK = RGBColor(0x1F, 0x1F, 0x1F)
NAVY = RGBColor(0x1F, 0x4E, 0x79)
BLUE = pc.BLUE
GREY = RGBColor(0x59, 0x59, 0x59)
VERMILLION = pc.VERMILLION
GREEN = pc.GREEN
TILE = RGBColor(0xEE, 0xF3, 0xF8)
RED = RGBColor(0xC0, 0x00, 0x00)
REGION = RGBColor(0xFB, 0xE8, 0xC8)  # the "low score + much vet ej" corner (light orange)
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
CONTENT_TOP = Inches(1.35)
CONTENT_BOTTOM = Inches(6.9)  # the footer starts here
FOOTER_PT = 12
#: statements per slide at most (the chart stays readable when projected)
PER_SLIDE = 14
#: line height as a share of the font size (Calibri / Carlito)
LINE = 1.22
#: the height of the box that holds a summary tile's figure
TILE_FIGURE = Inches(1.5)

Para = tuple[str, float, bool, RGBColor]
#: the groups on the 2x2: Okabe–Ito colours other than the organisation's and the earlier
#: wave's, and a marker shape each (not the earlier wave's diamond), so that two groups on the
#: same spot stay apart
GROUP_COLOURS = [pc.GREEN, pc.VERMILLION, pc.SKY, pc.PURPLE, pc.GREY, pc.INK]
GROUP_MARKERS = [
    pc.XL_MARKER_STYLE.CIRCLE,
    pc.XL_MARKER_STYLE.SQUARE,
    pc.XL_MARKER_STYLE.TRIANGLE,
    pc.XL_MARKER_STYLE.X,
    pc.XL_MARKER_STYLE.STAR,
    pc.XL_MARKER_STYLE.PLUS,
]


def statement_chunks(n: int, per_slide: int = PER_SLIDE) -> list[tuple[int, int]]:
    """Split ``n`` statements into near-equal slides of at most ``per_slide``: [(start, end)]."""
    if n == 0:
        return []
    slides = math.ceil(n / per_slide)
    size = math.ceil(n / slides)
    return [(i, min(n, i + size)) for i in range(0, n, size)]


def measure(paragraphs: Sequence[Para], width: int, space_after: float = 6) -> int:
    """The height (EMU) a text box of ``width`` needs for ``paragraphs`` (wrapped, with the
    box's insets), so no text runs out of it."""
    inner = Emu(width).pt - 14.4 - 4  # left and right insets, and a little room
    total = 7.2 + 4
    for text, size, bold, _ in paragraphs:
        lines = len(pc.wrap(text, inner, size, bold))
        total += lines * size * LINE + space_after
    return int(Pt(total))


@dataclass
class Area:
    """A proposed area as the deck shows it (from ``data.start``, or from the statement
    ranking when a report has no area decision)."""

    rank: int
    id: str
    label: str
    reason: str
    score: float | None
    dont_know_share: float | None
    statements: list[Any] = field(default_factory=list)  # .id .label .short .score .dont_know_share
    #: the reason without the area's name, where the name stands beside it (title, table)
    why: str = ""


@dataclass
class _Statement:
    id: str
    label: str
    short: str
    score: float | None
    dont_know_share: float | None


class Deck:
    """A thin helper around a python-pptx presentation."""

    def __init__(self, data: ReportData) -> None:
        self.data = data
        self.t = data.texts
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = WIDTH, HEIGHT
        self.footer = (
            f"{data.source_name} · {self.t('respondents', n=data.result.n_respondents)}"
            + (f" · {data.wave}" if data.wave else "")
        )
        if data.off_notice:  # on every slide: a group's slide is easily copied on its own
            self.footer += " · " + texts.text("off.short", data.lang)
        self.areas = proposed_areas(data)

    # ---- text helpers -----------------------------------------------------------------------
    @staticmethod
    def _style(run: Any, size: float, bold: bool = False, colour: RGBColor = INK) -> None:
        run.font.name = FONT
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = colour

    def text(
        self,
        slide: Any,
        left: int,
        top: int,
        width: int,
        height: int | None,
        paragraphs: Sequence[Para],
        align: Any = PP_ALIGN.LEFT,
        anchor: Any = MSO_ANCHOR.TOP,
        space_after: float = 6,
    ) -> Any:
        """A text box at least as tall as its wrapped text (``height`` is the room it may
        take; the box is never smaller than its text)."""
        need = measure(paragraphs, width, space_after)
        box = slide.shapes.add_textbox(left, top, width, max(height or 0, need))
        tf = box.text_frame
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        tf.vertical_anchor = anchor
        for i, (text, size, bold, colour) in enumerate(paragraphs):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.alignment = align
            p.space_after = Pt(space_after)
            run = p.add_run()
            run.text = text
            self._style(run, size, bold, colour)
        return box

    def slide(self, title: str, notes: list[str] | str = ()) -> Any:
        s = self.prs.slides.add_slide(self.prs.slide_layouts[5])  # "Title Only"
        ph = s.shapes.title
        ph.left, ph.top, ph.width, ph.height = MARGIN, Inches(0.25), WIDTH - 2 * MARGIN, Inches(1.0)
        tf = ph.text_frame
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        tf.vertical_anchor = MSO_ANCHOR.MIDDLE
        ph.text = title
        para = tf.paragraphs[0]
        para.alignment = PP_ALIGN.LEFT
        width = Emu(ph.width).pt - 14.4 - 4
        size = next(
            (
                s
                for s, lines in ((32, 1), (26, 2), (22, 2), (20, 3))
                if len(pc.wrap(title, width, s, True)) <= lines
            ),
            18,
        )
        for run in para.runs:
            self._style(run, size, True, NAVY)
        self.text(
            s,
            MARGIN,
            CONTENT_BOTTOM + Inches(0.1),
            WIDTH - 2 * MARGIN,
            Inches(0.4),
            [(self.footer, FOOTER_PT, False, GREY)],
        )
        self.notes(s, notes)
        return s

    @staticmethod
    def notes(slide: Any, notes: list[str] | str) -> None:
        text = notes if isinstance(notes, str) else "\n".join(notes)
        if text:
            slide.notes_slide.notes_text_frame.text = text

    def save(self, path: Any) -> None:
        """Save, with every figure kept on one line with its unit (texts.keep_together): the
        one pass over all the deck's text, so no slide breaks "57,0 %" after the number."""
        for run in text_runs(self.prs):
            run.text = texts.keep_together(run.text)
        self.prs.save(path)


def text_runs(prs: Any) -> Iterator[Any]:
    """Every run of text on the slides of ``prs``: text boxes, titles and table cells."""
    for slide in prs.slides:
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            for frame in frames:
                for para in frame.paragraphs:
                    yield from para.runs


def proposed_areas(d: ReportData) -> list[Area]:
    """The proposed areas: ``data.start`` (the one decision every output shows), or, for a
    report without it, the suggested statements of ``data.priorities``."""
    start = getattr(d, "start", None)
    if start is not None:
        return [
            Area(
                a.rank,
                a.id,
                a.label,
                a.reason,
                a.score,
                a.dont_know_share,
                list(a.statements),
                a.why or a.reason,
            )
            for a in start.areas
        ]
    out = []
    for p in d.priorities.items:
        if p.kind == "statement":
            st = d.model.statement(p.id)
            behind = [_Statement(p.id, p.label, st.short_label(d.lang), p.score, p.dont_know_share)]
        else:
            behind = [
                _Statement(
                    r.id,
                    r.text,
                    d.model.statement(r.id).short_label(d.lang),
                    r.score,
                    r.dont_know_share,
                )
                for r in d.statements
                if r.id in {s.id for s in d.model.statements_under(p.id)}
            ]
        reason = p.reason[:1].upper() + p.reason[1:]
        out.append(
            Area(p.rank, p.id, p.label, p.reason, p.score, p.dont_know_share, behind, reason)
        )
    return out


def _area_statement_ids(deck: Deck) -> set[str]:
    return {s.id for a in deck.areas for s in a.statements}


def _short(deck: Deck, statement_id: str) -> str:
    return deck.data.model.statement(statement_id).short_label(deck.data.lang)


# ---- slides ----------------------------------------------------------------------------------
def _title_slide(deck: Deck) -> None:
    d, t = deck.data, deck.t
    s = deck.prs.slides.add_slide(deck.prs.slide_layouts[0])
    title, sub = s.shapes.title, s.placeholders[1]
    title.left, title.top, title.width, title.height = (
        Inches(0.8),
        Inches(2.0),
        WIDTH - Inches(1.6),
        Inches(1.6),
    )
    sub.left, sub.top, sub.width, sub.height = (
        Inches(0.8),
        Inches(3.8),
        WIDTH - Inches(1.6),
        Inches(2.2),
    )
    title.text = d.title
    title.text_frame.word_wrap = True
    for run in title.text_frame.paragraphs[0].runs:
        deck._style(run, 44 if len(d.title) <= 40 else 32, True, NAVY)
    lines = [
        d.model.display_title(d.lang),
        f"{d.source_name} · {t('respondents', n=d.result.n_respondents)}",
        d.created.isoformat(),
    ]
    tf = sub.text_frame
    tf.word_wrap = True
    for i, line in enumerate(lines):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.alignment = PP_ALIGN.CENTER
        run = p.add_run()
        run.text = line
        deck._style(run, 22 if i == 0 else 18, False, GREY)
    notes = [t("created", date=d.created.isoformat(), version=__version__)]
    if d.off_notice:  # the data holder's opt-out, on the first thing anyone sees
        deck.text(
            s,
            Inches(0.8),
            Inches(0.5),
            WIDTH - Inches(1.6),
            Inches(1.3),
            [(d.off_notice, 20, True, RED)],
            align=PP_ALIGN.CENTER,
        )
        notes.insert(0, d.off_notice)
    Deck.notes(s, notes)


def _figure_text(deck: Deck, fig: Any) -> str:
    t = deck.t
    if fig.kind == "pct":
        return t.pct(fig.value, 1)
    if fig.kind == "pp":
        return t.pp(fig.value)
    return str(fig.value)


def _tile_size(value: str, kind: str, inner: int, height: int = TILE_FIGURE) -> int:
    """The largest size (pt, at most 44) at which ``value`` fits a tile's figure box ``inner``
    wide and ``height`` high: a number on one line, a text in at most three lines and never
    broken inside a word."""
    width = Emu(inner).pt - 18
    room = Emu(height).pt - 12
    for size in range(44, 15, -2):
        lines = pc.wrap(value, width, size, True)
        if (
            max(pc.text_width(x, size, True) for x in lines) <= width
            and len(lines) <= (1 if kind != "text" else 3)
            and len(lines) * size * LINE <= room
        ):
            return size
    return 16


def _summary_slide(deck: Deck) -> None:
    d, t = deck.data, deck.t
    s = deck.slide(headline(d), sentences(d))
    figures = key_figures(d)
    tiles = figures[:1]
    for kind in ("text", "pp"):
        tiles += [f for f in figures[1:] if f.kind == kind][: (1 if kind == "text" else 2)]
    respondents = next((f for f in figures if f.kind == "int"), None)
    if respondents is not None and len(tiles) < 4:
        tiles.append(respondents)
    tiles = tiles[:4]
    gap = Inches(0.3)
    width = int((WIDTH - 2 * MARGIN - gap * (len(tiles) - 1)) / len(tiles))
    inner = width - Inches(0.3)
    values = [_figure_text(deck, f) for f in tiles]
    # one size for every tile's figure and one for every tile's label
    size = min(_tile_size(v, f.kind, inner) for v, f in zip(values, tiles, strict=True))
    label_size = 16 if any(len(f.label) > 36 for f in tiles) else 18
    for i, (fig, value) in enumerate(zip(tiles, values, strict=True)):
        left = MARGIN + i * (width + gap)
        shape = s.shapes.add_shape(1, left, CONTENT_TOP, width, Inches(3.2))  # rectangle
        shape.fill.solid()
        shape.fill.fore_color.rgb = TILE
        shape.line.fill.background()
        colour = BLUE
        if fig.kind == "pp" and isinstance(fig.value, float):
            colour = GREEN if fig.value > 0 else (VERMILLION if fig.value < 0 else GREY)
        deck.text(
            s,
            left + Inches(0.15),
            CONTENT_TOP + Inches(0.1),
            inner,
            TILE_FIGURE,
            [(value, size, True, colour)],
            align=PP_ALIGN.CENTER,
            anchor=MSO_ANCHOR.MIDDLE,
        )
        deck.text(
            s,
            left + Inches(0.15),
            CONTENT_TOP + Inches(1.7),
            inner,
            Inches(1.4),
            [(fig.label, label_size, False, INK)],
            align=PP_ALIGN.CENTER,
        )
    paragraphs: list[Para] = []
    if deck.areas:
        names = t.join([a.label.rstrip(".") for a in deck.areas])
        paragraphs += [
            (t("slide.start_with"), 22, True, NAVY),
            (t("slide.proposal_line", areas=names), 20, False, INK),
        ]
    b = d.benchmark
    if b is not None and b.caveat and any(b.label in f.label for f in tiles):
        paragraphs.append((b.caveat, 14, False, GREY))  # where the benchmark's figure stands
    if paragraphs:
        deck.text(s, MARGIN, Inches(4.8), WIDTH - 2 * MARGIN, Inches(1.9), paragraphs)


def _caveat_lines(deck: Deck, part_ids: Sequence[str]) -> list[str]:
    """The reliability warnings about the parts on a slide (dimensions, categories)."""
    rel = deck.data.reliability
    return [f"{r.label}: {r.warning}" for r in rel.dimensions if r.warning and r.id in part_ids]


def _side_panel(deck: Deck, slide: Any, left: int, width: int, paragraphs: list[Para]) -> None:
    """Text beside a chart; what does not fit the slide is in the speaker notes already."""
    room = CONTENT_BOTTOM - CONTENT_TOP
    shown: list[Para] = []
    for p in paragraphs:
        if measure([*shown, p], width) > room:
            break
        shown.append(p)
    if shown:
        deck.text(slide, left, CONTENT_TOP, width, None, shown)


def _profile_slide(deck: Deck) -> None:
    d, t = deck.data, deck.t
    p = d.profile
    notes = [t("notes.figures")]
    for i, label in enumerate(p.labels):
        values = "; ".join(f"{s.name} {t.pct(s.values[i], 1)}" for s in p.series)
        notes.append(f"{label}: {values}")
    scored = [
        (lab, v) for lab, v in zip(p.labels, p.series[0].values, strict=True) if v is not None
    ]
    if len(scored) >= 2:
        hi = max(scored, key=lambda x: x[1])
        lo = min(scored, key=lambda x: x[1])
        title = t(
            "slide.profile_message",
            high=hi[0],
            high_score=t.pct(hi[1]),
            low=lo[0],
            low_score=t.pct(lo[1]),
        )
    else:
        what = t("chart.radar.categories" if p.level == "categories" else "chart.radar.dimensions")
        title = t("chart.radar", what=what)
    side: list[Para] = []
    b = d.benchmark
    if b is not None:
        line = t("slide.benchmark_line", label=b.label, value=t.pct(b.value))
        if b.gap is not None:
            line += " " + t("slide.benchmark_gap", gap=t.pp(b.gap))
        side.append((line, 18, True, INK))
        if b.caveat:
            side.append((b.caveat, 14, False, GREY))
            notes += ["", b.caveat]
    warnings = _caveat_lines(deck, p.ids)
    if warnings:
        side.append((t("slide.reliability"), 16, True, VERMILLION))
        side += [(w, 14, False, INK) for w in warnings]
        notes += ["", t("slide.reliability"), *warnings]
    s = deck.slide(title, notes)
    chart_width = Inches(8.3) if side else WIDTH - 2 * MARGIN
    pc.radar(s, pc.Box(MARGIN, CONTENT_TOP, chart_width, CONTENT_BOTTOM - CONTENT_TOP), p, t)
    if side:
        _side_panel(deck, s, MARGIN + chart_width + Inches(0.2), Inches(4.0), side)


def _change_title(deck: Deck) -> str:
    """Only what is sure: the statements whose change the adjusted test calls sure."""
    c, t = deck.data.compare, deck.t
    up = sum(1 for r in c.statements if r.significant and (r.change or 0) > 0)
    down = sum(1 for r in c.statements if r.significant and (r.change or 0) < 0)
    common = {"before": c.before_label, "after": c.after_label, "compared": c.compared}
    if up and down:
        return t("slide.change_sure_mixed", up=up, down=down, **common)
    if up:
        return t("slide.change_sure_up", count=up, **common)
    if down:
        return t("slide.change_sure_down", count=down, **common)
    return t("slide.change_none", **common)


def _change_slide(deck: Deck) -> None:
    d, t = deck.data, deck.t
    c = d.compare
    if c is None:
        return
    rows = [c.overall, *c.dimensions]
    notes = [t("notes.figures")] + [
        f"{r.label}: {t.pct(r.before, 1)} → {t.pct(r.after, 1)} ({t.pp(r.change)}"
        + (
            ", " + t("slide.interval", low=t.pp(r.ci_low), high=t.pp(r.ci_high))
            if r.ci_low is not None
            else ""
        )
        + ")"
        for r in rows
    ]
    s = deck.slide(_change_title(deck), notes)
    labels = [
        f"{r.label}: {t.pp(r.change)}{' *' if r.significant else ''}"
        if r.change is not None
        else r.label
        for r in rows
    ]
    height = CONTENT_BOTTOM - CONTENT_TOP - Inches(0.45)
    box = pc.Box(MARGIN, CONTENT_TOP, WIDTH - 2 * MARGIN, height)
    pc.bars(
        s,
        box,
        labels,
        [
            (c.before_label, [r.before for r in rows], pc.ORANGE),
            (c.after_label, [r.after for r in rows], pc.BLUE),
        ],
        label_width=0.34,
    )
    deck.text(
        s,
        MARGIN,
        CONTENT_TOP + height,
        WIDTH - 2 * MARGIN,
        Inches(0.4),
        [(t("chart.significant"), 14, False, GREY)],
    )


def _quadrant_slide(deck: Deck) -> None:
    d, t = deck.data, deck.t
    q = d.quadrant
    if q is None:
        return
    notes = [t("notes.figures")]
    notes += [
        f"{p.name}: {q.x_label} {t.pct(p.x, 1)}, {q.y_label} {t.pct(p.y, 1)}" for p in q.points
    ]
    if q.description:
        notes += ["", q.description]
    if q.recommendation:
        notes += ["", q.recommendation]
    s = deck.slide(t("slide.quadrant_title", name=q.name or ""), notes)
    lo, hi = q.axis_range()
    th = q.threshold
    pad = (hi - lo) * 0.035
    corners = {
        (False, False): (lo + pad, lo + pad),
        (True, False): (hi - pad, lo + pad),
        (False, True): (lo + pad, hi - pad),
        (True, True): (hi - pad, hi - pad),
    }
    org = q.points[0]
    prev = [p for p in q.points if p.kind == "previous"]
    groups = [p for p in q.points if p.kind == "group"]
    series = [
        pc.ScatterSeries(
            "x", [pc.Point(th, lo), pc.Point(th, hi)], pc.GREY, line=True, legend=False
        ),
        pc.ScatterSeries(
            "y", [pc.Point(lo, th), pc.Point(hi, th)], pc.GREY, line=True, legend=False
        ),
    ]
    # the earlier wave beneath everything (a diamond), so it never hides a group
    for p in prev:
        series.append(
            pc.ScatterSeries(
                p.name,
                [pc.Point(p.x, p.y, p.name, True)],
                pc.ORANGE,
                size=11,
                marker=pc.XL_MARKER_STYLE.DIAMOND,
            )
        )
        series.append(
            pc.ScatterSeries(
                f"{p.name} → {org.name}",
                [pc.Point(p.x, p.y), pc.Point(org.x, org.y)],
                pc.ORANGE,
                line=True,
                legend=False,
                arrow=True,
            )
        )
    series.append(pc.ScatterSeries(org.name, [pc.Point(org.x, org.y, org.name, True)], pc.BLUE, 15))
    # each group a series of its own (a colour and a marker shape), named in the legend, drawn
    # on top of the organisation and the earlier wave so that none of them hides a group
    for k, p in enumerate(groups):
        series.append(
            pc.ScatterSeries(
                p.name,
                [pc.Point(p.x, p.y)],
                GROUP_COLOURS[k % len(GROUP_COLOURS)],
                10,
                marker=GROUP_MARKERS[k % len(GROUP_MARKERS)],
            )
        )
    names = [(name, corners[key]) for key, name in q.corners.items() if key in corners and name]
    if names:
        series.insert(
            0,
            pc.ScatterSeries(
                t("slide.fields"),
                [pc.Point(x, y, name) for name, (x, y) in names],
                GREY,
                size=2,
                marker=pc.XL_MARKER_STYLE.NONE,
                legend=False,
                label_colour=GREY,
            ),
        )
    chart_w = Inches(8.3) if q.recommendation else WIDTH - 2 * MARGIN
    box = pc.Box(MARGIN, CONTENT_TOP, chart_w, CONTENT_BOTTOM - CONTENT_TOP)
    h_in = Emu(box.height).inches * 0.76
    w_frac = min(0.6, h_in / Emu(box.width).inches)  # a square plot, the legend on its right
    pc.scatter(
        s,
        box,
        series,
        x_range=(lo, hi),
        y_range=(lo, hi),
        x_title=q.x_label,
        y_title=q.y_label,
        plot=(0.11, 0.04, w_frac, 0.76),
        label_size=13,
        label_width=200,
        legend=pc.XL_LEGEND_POSITION.RIGHT,
        legend_box=(0.11 + w_frac + 0.03, 0.04, 0.97 - 0.11 - w_frac - 0.03, 0.76),
    )
    if q.recommendation:
        left = MARGIN + chart_w + Inches(0.2)
        width = WIDTH - MARGIN - left
        room = CONTENT_BOTTOM - CONTENT_TOP
        for size in (18, 16, 14, 13, 12):
            paragraphs = [
                (t("chart.recommendation"), size + 2, True, NAVY),
                (q.recommendation, size, False, INK),
            ]
            if measure(paragraphs, width) <= room:
                break
        deck.text(s, left, CONTENT_TOP, width, None, paragraphs)


def _strengths_slide(deck: Deck) -> None:
    """Strengths and improvement areas in words: the three highest and lowest parts of the
    profile, each with its highest or lowest statement."""
    d, t = deck.data, deck.t
    p = d.profile
    parts = [(i, lab, v) for i, lab, v in zip(p.ids, p.labels, p.series[0].values, strict=True)]
    parts = [x for x in parts if x[2] is not None]
    if len(parts) < 2:
        return
    parts.sort(key=lambda x: -x[2])
    k = min(3, len(parts) // 2)
    scores = {r.id: r for r in d.statements if r.score is not None}

    def extreme(part: str, high: bool) -> Any:
        rows = [scores[s.id] for s in d.model.statements_under(part) if s.id in scores]
        if not rows:
            return None
        return max(rows, key=lambda r: r.score) if high else min(rows, key=lambda r: r.score)

    def column(items: list[tuple[str, str, float]], high: bool) -> list[Para]:
        out: list[Para] = [(t("slide.strengths" if high else "slide.improvements"), 24, True, NAVY)]
        for part, label, value in items:
            out.append((f"{label}: {t.pct(value)}", 20, True, GREEN if high else VERMILLION))
            r = extreme(part, high)
            if r is not None:
                key = "slide.highest_statement" if high else "slide.lowest_statement"
                out.append((t(key, text=r.text, score=t.pct(r.score)), 15, False, INK))
        return out

    strong, weak = column(parts[:k], True), column(parts[::-1][:k], False)
    notes = [t("notes.figures")] + [f"{lab}: {t.pct(v, 1)}" for _, lab, v in parts]
    s = deck.slide(t("slide.strengths_title", high=parts[0][1], low=parts[-1][1]), notes)
    half = int((WIDTH - 2 * MARGIN - Inches(0.4)) / 2)
    for i, paragraphs in enumerate((strong, weak)):
        _column(deck, s, MARGIN + i * (half + Inches(0.4)), half, paragraphs)


def _column(deck: Deck, slide: Any, left: int, width: int, paragraphs: list[Para]) -> None:
    """A column of text, the font made smaller until it fits the slide (never below 12 pt)."""
    room = CONTENT_BOTTOM - CONTENT_TOP
    for shrink in (0, 2, 4, 6):
        sized = [(x, max(12, size - shrink), b, c) for x, size, b, c in paragraphs]
        if measure(sized, width) <= room:
            break
    deck.text(slide, left, CONTENT_TOP, width, None, sized)


def _statement_slides(deck: Deck) -> None:
    d, t = deck.data, deck.t
    rows = d.statements
    if not rows:
        return
    pr = d.priorities
    chosen = _area_statement_ids(deck)
    box_w = WIDTH - 2 * MARGIN
    label_width, size = 0.55, pc.SMALL_PT
    label_pt = Emu(int(box_w * label_width)).pt - 16
    labels = []
    for r in rows:  # wrapped here, so PowerPoint and LibreOffice break the lines alike
        text = r.text + (f" ({t('hidden.statement_short')})" if r.hidden else "")
        labels.append("\n".join(pc.wrap(text, label_pt, size)))
    lines = max(len(x.split("\n")) for x in labels)
    height = CONTENT_BOTTOM - CONTENT_TOP - Inches(0.55)
    plot_pt = Emu(height).pt * 0.76
    per_slide = max(4, min(12, int(plot_pt / (lines * size * LINE + 6))))
    chunks = statement_chunks(len(rows), per_slide)
    caption = t(
        "slide.statements_caption",
        below=threshold_label(t, pr, 0),
        share=t.pct(pr.min_share),
    )
    for a, b in chunks:
        chunk = rows[a:b]
        title = (
            t("chart.statements")
            if len(chunks) == 1
            else t("chart.statements.part", first=a + 1, last=b, total=len(rows))
        )
        notes = [t("notes.figures")] + [
            f"{r.id} {r.text}: {d.hidden_text}"
            if r.hidden
            else t(
                "slide.statement_note",
                id=r.id,
                text=r.text,
                score=t.pct(r.score, 1),
                share=t.pct(r.dont_know_share, 1),
                n=r.n,
            )
            for r in chunk
        ]
        warned = [
            w for w in d.reliability.statements if w.warning and w.id in {r.id for r in chunk}
        ]
        if warned:
            notes += ["", t("slide.reliability")] + [f"{w.text}: {w.warning}" for w in warned]
        s = deck.slide(title, notes)
        colours = {j: VERMILLION for j, r in enumerate(chunk) if r.id in chosen}
        foot = [caption + (" " + t("slide.orange_chosen") if colours else "")]
        if warned:
            foot.append(
                t(
                    "slide.uncertain_statements",
                    items=t.join([_short(deck, w.id) for w in warned]),
                )
            )
        paragraphs = [(x, 14, False, GREY) for x in foot]
        below = measure(paragraphs, box_w, 2)
        chart_h = CONTENT_BOTTOM - CONTENT_TOP - below
        pc.bars(
            s,
            pc.Box(MARGIN, CONTENT_TOP, box_w, chart_h),
            labels[a:b],
            [
                (t("axis.score"), [r.score for r in chunk], pc.BLUE),
                (t("axis.dont_know_share"), [r.dont_know_share for r in chunk], pc.ORANGE),
            ],
            label_width=label_width,
            point_colours={0: colours},
            label_size=size,
        )
        deck.text(s, MARGIN, CONTENT_TOP + chart_h, box_w, None, paragraphs, space_after=2)


def threshold_label(t: texts.Texts, pr: Any, digits: int) -> str:
    """The line for a low score: ``median 66 %``, or ``gräns 60 %`` when the model sets it."""
    if pr.score_below is None:
        return t("start.median", value=t.pct(pr.median_score, digits))
    return t("start.threshold", value=t.pct(pr.score_below, digits))


def _start_slide(deck: Deck) -> None:
    """Var börja? Score against vet-ej share: the statements of the proposed areas and those
    with a low score and much vet ej are named; the corner of both is shaded."""
    d, t = deck.data, deck.t
    pr = d.priorities
    rows = [r for r in d.statements if r.score is not None]
    if not rows:
        return
    chosen = _area_statement_ids(deck)
    cut = pr.score_below if pr.score_below is not None else pr.median_score
    min_share = pr.min_share
    candidates = {
        r.id
        for r in rows
        if cut is not None and r.score < cut and (r.dont_know_share or 0) >= min_share - 1e-12
    }
    notes = [t("notes.figures")] + [
        f"{r.text}: {t.pct(r.score, 1)}, {t('axis.dont_know').lower()} "
        f"{t.pct(r.dont_know_share, 1)}"
        for r in rows
    ]
    notes += ["", threshold_label(t, pr, 1), t("start.min_share", value=t.pct(min_share))]
    s = deck.slide(t("chart.start"), notes)
    x_lo, x_hi = pc.nice_range([r.score for r in rows])
    ys = [r.dont_know_share or 0.0 for r in rows]
    y_hi = max(min_share * 1.6, math.ceil((max(ys) + 0.04) * 20) / 20)
    y_hi = min(1.0, round(y_hi, 4))
    box = pc.Box(MARGIN, CONTENT_TOP, WIDTH - 2 * MARGIN, CONTENT_BOTTOM - CONTENT_TOP)
    plot = (0.09, 0.1, 0.88, 0.74)
    # the shaded corner behind the chart (the chart has no fill of its own)
    fw, fh = box.width, box.height
    ax0, ay0 = box.left + plot[0] * fw, box.top + plot[1] * fh
    aw, ah = plot[2] * fw, plot[3] * fh

    def sx(x: float) -> float:
        return ax0 + (x - x_lo) / (x_hi - x_lo) * aw

    def sy(y: float) -> float:
        return ay0 + ah - y / y_hi * ah

    right = sx(min(max(cut if cut is not None else x_hi, x_lo), x_hi))
    top, bottom = sy(y_hi), sy(min(min_share, y_hi))
    if right > ax0 and bottom > top:
        region = s.shapes.add_shape(1, int(ax0), int(top), int(right - ax0), int(bottom - top))
        region.fill.solid()
        region.fill.fore_color.rgb = REGION
        region.line.fill.background()
        s.shapes.element.remove(region.element)
        s.shapes.element.insert(2, region.element)  # beneath the chart
    groups = {
        "chosen": [r for r in rows if r.id in chosen],
        "candidate": [r for r in rows if r.id in candidates and r.id not in chosen],
        "other": [r for r in rows if r.id not in chosen and r.id not in candidates],
    }
    series = []
    if cut is not None:
        series.append(
            pc.ScatterSeries(
                threshold_label(t, pr, 0),
                [pc.Point(cut, 0), pc.Point(cut, y_hi, threshold_label(t, pr, 0))],
                pc.GREY,
                line=True,
                legend=False,
                label_colour=pc.GREY,
            )
        )
    series.append(
        pc.ScatterSeries(
            t("start.min_share", value=t.pct(min_share)),
            [
                pc.Point(x_lo, min_share),
                pc.Point(x_hi, min_share, t("start.min_share", value=t.pct(min_share))),
            ],
            pc.GREY,
            line=True,
            legend=False,
            label_colour=pc.GREY,
        )
    )
    if groups["other"]:
        series.append(
            pc.ScatterSeries(
                t("legend.other_statements"),
                [pc.Point(r.score, r.dont_know_share or 0.0) for r in groups["other"]],
                pc.SKY,
                8,
            )
        )
    if groups["candidate"]:
        series.append(
            pc.ScatterSeries(
                t("start.region"),
                [
                    pc.Point(r.score, r.dont_know_share or 0.0, _short(deck, r.id))
                    for r in groups["candidate"]
                ],
                pc.ORANGE,
                10,
            )
        )
    if groups["chosen"]:
        series.append(
            pc.ScatterSeries(
                t("legend.suggested"),
                [
                    pc.Point(r.score, r.dont_know_share or 0.0, _short(deck, r.id), True)
                    for r in groups["chosen"]
                ],
                VERMILLION,
                13,
            )
        )
    pc.scatter(
        s,
        box,
        series,
        x_range=(x_lo, x_hi),
        y_range=(0.0, y_hi),
        x_title=t("axis.score"),
        y_title=t("axis.dont_know_share"),
        y_step=0.1 if y_hi > 0.35 else 0.05,
        plot=plot,
        label_size=13,
        label_width=190,
    )


def _area_slides(deck: Deck) -> None:
    """One slide per proposed area: its reason and the statements behind it, in full (a long
    list continues on the next slide)."""
    t = deck.t
    areas = deck.areas
    if not areas:
        s = deck.slide(t("slide.no_proposal"))
        deck.text(
            s,
            MARGIN,
            CONTENT_TOP,
            WIDTH - 2 * MARGIN,
            None,
            [(t("slide.no_priorities"), 22, False, GREY)],
        )
        return
    width = WIDTH - 2 * MARGIN
    room = CONTENT_BOTTOM - CONTENT_TOP
    for a in areas:
        title = (
            t("slide.area_one", label=a.label)
            if len(areas) == 1
            else t("slide.area", rank=a.rank, count=len(areas), label=a.label)
        )
        head: list[Para] = [
            (
                t("slide.score_dk", score=t.pct(a.score), dk=t.pct(a.dont_know_share)),
                20,
                True,
                VERMILLION,
            ),
            (a.why, 20, False, INK),
        ]
        items: list[list[Para]] = []
        for st in a.statements:
            items.append(
                [
                    (st.label, 18, False, INK),
                    (
                        t("slide.score_dk", score=t.pct(st.score), dk=t.pct(st.dont_know_share)),
                        15,
                        False,
                        GREY,
                    ),
                ]
            )
        notes = [a.reason, ""] + [
            f"{st.label}: {t.pct(st.score, 1)}, {t('axis.dont_know').lower()} "
            f"{t.pct(st.dont_know_share, 1)}"
            for st in a.statements
        ]
        page: list[Para] = [*head, (t("slide.behind"), 20, True, NAVY)]
        first = True
        for item in items:
            if measure([*page, *item], width) > room and len(page) > 3:
                s = deck.slide(title if first else t("slide.continued", title=title), notes)
                deck.text(s, MARGIN, CONTENT_TOP, width, None, page)
                first = False
                page = [(t("slide.behind"), 20, True, NAVY)]
            page += item
        s = deck.slide(title if first else t("slide.continued", title=title), notes)
        deck.text(s, MARGIN, CONTENT_TOP, width, None, page)


def _next_steps_slide(deck: Deck) -> None:
    """The model's next step (its level texts) for each proposed area: the same areas as the
    proposal, so the deck gives one recommendation."""
    d, t = deck.data, deck.t
    m = d.model
    steps = []
    for a in deck.areas:
        if a.id not in {x.id for x in m.all_dimensions()} or a.score is None:
            continue
        level = m.level_for(a.score)
        lt = m.dimension(a.id).level_texts.get(level.name) if level is not None else None
        step = in_language(lt.next_step, lt.next_step_en, d.lang) if lt is not None else None
        if step:
            steps.append((a, level.label(d.lang), step))
    if not steps:
        return
    title = (
        t("slide.next_steps_one", label=steps[0][0].label)
        if len(steps) == 1
        else t("slide.next_steps_areas")
    )
    paragraphs: list[Para] = []
    notes = []
    for a, level, step in steps:
        paragraphs.append(
            (
                t("slide.next_step_head", label=a.label, score=t.pct(a.score), level=level),
                24,
                True,
                NAVY,
            )
        )
        paragraphs.append((step, 20, False, INK))
        notes.append(f"{a.label} ({t.pct(a.score, 1)}, {level}): {step}")
    s = deck.slide(title, notes)
    _column(deck, s, MARGIN, WIDTH - 2 * MARGIN, paragraphs)


def _decision_slide(deck: Deck) -> None:
    """Förslag till beslut: the proposed areas with their reasons, and empty columns for who
    is responsible and when it is done, to fill in at the meeting."""
    t = deck.t
    areas = deck.areas
    s = deck.slide(t("slide.decision"), [t("slide.decision_notes")])
    width = WIDTH - 2 * MARGIN
    intro = deck.text(
        s, MARGIN, CONTENT_TOP, width, None, [(t("slide.decision_intro"), 18, False, INK)]
    )
    top = intro.top + intro.height + Inches(0.1)
    widths = [Inches(2.8), Inches(5.33), Inches(2.1), Inches(2.1)]
    heads = [t("col.area"), t("col.reason"), t("col.owner"), t("col.timeline")]
    size = 14
    rows = [(a.label, a.why) for a in areas] + [("", "")]
    heights = []
    for label, reason in rows:
        lines = max(
            len(pc.wrap(label, Emu(widths[0]).pt - 12, size, True)),
            len(pc.wrap(reason, Emu(widths[1]).pt - 12, size)),
            2,
        )
        heights.append(int(Pt(lines * size * LINE + 10)))
    head_h = int(Pt(size * LINE + 12))
    room = CONTENT_BOTTOM - top
    while sum(heights) + head_h > room and size > 12:  # long reasons: a smaller font
        size -= 1
        heights = [int(h * size / (size + 1)) for h in heights]
    frame = s.shapes.add_table(len(rows) + 1, 4, MARGIN, top, sum(widths), head_h + sum(heights))
    table = frame.table
    for j, w in enumerate(widths):
        table.columns[j].width = w
    table.rows[0].height = head_h
    for i, h in enumerate(heights, start=1):
        table.rows[i].height = h

    def put(cell: Any, text: str, bold: bool, colour: RGBColor) -> None:
        tf = cell.text_frame
        tf.word_wrap = True
        cell.margin_left = cell.margin_right = Pt(5)
        cell.margin_top = cell.margin_bottom = Pt(4)
        run = tf.paragraphs[0].add_run()
        run.text = text
        deck._style(run, size, bold, colour)

    for j, h in enumerate(heads):
        put(table.cell(0, j), h, True, RGBColor(0xFF, 0xFF, 0xFF))
    for i, (label, reason) in enumerate(rows, start=1):
        put(table.cell(i, 0), label, True, INK)
        put(table.cell(i, 1), reason, False, INK)
        for j in (2, 3):
            put(table.cell(i, j), "", False, INK)


def _roles_slide(deck: Deck) -> None:
    """Roles side by side (chef and medarbetare): the score of each visible role per part of
    the profile, the largest difference first; hidden roles named without figures."""
    d, t = deck.data, deck.t
    roles = list(getattr(d, "roles", None) or [])
    column = getattr(d, "role_column", None)
    if not roles or not column:
        return
    shown = [r for r in roles if r.result is not None]
    hidden = [r.name for r in roles if r.result is None]
    p = d.profile
    notes = [t("notes.figures")]
    rows = []
    for i, label in zip(p.ids, p.labels, strict=True):
        values = [r.result.dimensions[i].score if i in r.result.dimensions else None for r in shown]
        known = [v for v in values if v is not None]
        spread = max(known) - min(known) if len(known) >= 2 else None
        rows.append((label, values, spread))
        notes.append(
            f"{label}: "
            + "; ".join(f"{r.name} {t.pct(v, 1)}" for r, v in zip(shown, values, strict=True))
        )
    rows.sort(key=lambda x: -(x[2] if x[2] is not None else -1))
    if hidden:
        notes += ["", t("slide.hidden_roles", names=", ".join(hidden))]
    if len(shown) >= 2 and rows and rows[0][2] is not None:
        title = t(
            "slide.roles_title", column=column, label=rows[0][0], gap=t.pp(rows[0][2], sign=False)
        )
    else:
        title = t("slide.roles", column=column)
    foot: list[Para] = []
    if hidden:
        foot.append((t("slide.hidden_roles", names=", ".join(hidden)), 16, False, GREY))
    small = _small_groups(deck, [(r.name, r.n) for r in shown])
    if small:
        foot.append((small, 16, False, VERMILLION))
        notes += ["", small]
    below = measure(foot, WIDTH - 2 * MARGIN) if foot else 0
    box = pc.Box(MARGIN, CONTENT_TOP, WIDTH - 2 * MARGIN, CONTENT_BOTTOM - CONTENT_TOP - below)
    labels = [
        f"{label} ({t('slide.difference', gap=t.pp(spread, sign=False))})"
        if spread is not None
        else label
        for label, _, spread in rows
    ]
    # as many parts per slide as leave room for each bar's figure
    per = pc.bars_per_slide(box, len(shown)) if shown else len(rows)
    for page, (a, b) in enumerate(statement_chunks(len(rows), per) or [(0, 0)]):
        s = deck.slide(title if not page else t("slide.continued", title=title), notes)
        if shown:
            pc.bars(
                s,
                box,
                labels[a:b],
                [
                    (
                        f"{r.name} (n={r.n})",
                        [v[1][k] for v in rows[a:b]],
                        pc.PALETTE[k % len(pc.PALETTE)],
                    )
                    for k, r in enumerate(shown)
                ],
                label_width=0.36,
            )
        if foot:
            deck.text(s, MARGIN, box.top + box.height, WIDTH - 2 * MARGIN, None, foot)


#: groups (table rows) and parts (table columns) per heat-map slide at most
HEAT_ROWS, HEAT_COLUMNS = 9, 7


def _group_overview(deck: Deck) -> None:
    """The groups as a heat map: a native table, each cell coloured by its score's band on a
    fixed 0–100 % scale, the key beneath; split over slides when there are many groups or
    parts."""
    d, t = deck.data, deck.t
    g = d.groups
    if g is None:
        return
    by = ", ".join(g.by)
    rows = {r.id: r for r in g.rows}
    ids = ["overall", *d.profile.ids]
    labels = [t("col.total"), *d.profile.labels]
    visible = g.visible
    notes = [t("notes.figures")]
    for name in visible:
        info = next(x for x in g.groups if x.name == name)
        notes.append(f"{name} (n={info.n}): {t.pct(rows['overall'].values.get(name), 1)}")
    hidden_line = (
        t("slide.hidden_groups", min=g.min_size, names=", ".join(g.suppressed))
        if g.suppressed
        else None
    )
    foot: list[Para] = [(hidden_line, 16, False, GREY)] if hidden_line else []
    small = _small_groups(deck, [(x.name, x.n) for x in g.groups if x.name in visible])
    if small:
        foot.append((small, 16, False, VERMILLION))
    notes += [x[0] for x in foot]
    total_row = (
        t("series.organisation"),
        [rows[i].total if i in rows and not rows[i].total_hidden else None for i in ids],
        True,
    )
    group_rows = [
        (n, [rows[i].values.get(n) if i in rows else None for i in ids], False) for n in visible
    ]
    width = WIDTH - 2 * MARGIN
    size = 14
    longest = max([pc.text_width(r[0], size, True) for r in [total_row, *group_rows]])
    name_w = int(min(Inches(3.6), max(Inches(2.2), Pt(longest + 16))))
    # as many parts per slide as leave every header word whole (at most HEAT_COLUMNS)
    word = max(pc.text_width(w, size, True) for lab in labels for w in lab.split())
    per = HEAT_COLUMNS
    while per > 1 and Emu(int((width - name_w) / per)).pt - 10 < word:
        per -= 1
    col_chunks = [list(range(a, b)) for a, b in statement_chunks(len(ids), per)]
    row_chunks = statement_chunks(len(group_rows), HEAT_ROWS) or [(0, 0)]
    title = t("slide.group_overview", by=by)
    first = True
    for cols in col_chunks:
        col_w = Emu(int((width - name_w) / max(1, len(cols)))).pt - 10
        header_lines = max(len(pc.wrap(labels[j], col_w, size, True)) for j in cols)
        for a, b in row_chunks:
            s = deck.slide(title if first else t("slide.continued", title=title), notes)
            first = False
            body = [total_row, *group_rows[a:b]]
            name_lines = max(len(pc.wrap(r[0], Emu(name_w).pt - 10, size, True)) for r in body)
            row_h = Pt(max(1, name_lines) * size * LINE + 10)
            height = int(Pt(header_lines * size * LINE + 12) + row_h * len(body))
            pc.heat_table(
                s,
                pc.Box(MARGIN, CONTENT_TOP, width, height),
                by,
                [labels[j] for j in cols],
                [(n, [v[j] for j in cols], bold) for n, v, bold in body],
                t,
                name_width=name_w,
                header_lines=header_lines,
                size=size,
            )
            y = CONTENT_TOP + height + Inches(0.2)
            pc.heat_key(s, MARGIN, y, t("slide.heat_key"))
            if foot:
                deck.text(s, MARGIN, y + Inches(0.45), width, None, foot)


def _small_group(deck: Deck, n: int | None) -> str | None:
    """The caution for a small group (fewer respondents than reliability asks for a stable
    alpha): its differences may be chance."""
    from ..analysis.reliability import MIN_ALPHA_N

    if n is None or n >= MIN_ALPHA_N:
        return None
    return deck.t("slide.small_group", n=n, min=MIN_ALPHA_N)


def _small_groups(deck: Deck, groups: Sequence[tuple[str, int | None]]) -> str | None:
    """The caution under a table or chart of several groups: the small ones, with their size."""
    from ..analysis.reliability import MIN_ALPHA_N

    small = [f"{name} ({n})" for name, n in groups if n is not None and n < MIN_ALPHA_N]
    if not small:
        return None
    return deck.t("slide.small_groups", min=MIN_ALPHA_N, names=", ".join(small))


def _group_slide(deck: Deck, gr: GroupReport) -> None:
    d, t = deck.data, deck.t
    r = gr.result
    if r is None:
        return
    ids = d.profile.ids
    values = [r.dimensions[i].score for i in ids]
    total = [d.result.dimensions[i].score for i in ids]
    notes = [t("notes.figures")]
    notes += [
        f"{lab}: {t.pct(v, 1)} ({t('col.total').lower()} {t.pct(w, 1)})"
        for lab, v, w in zip(d.profile.labels, values, total, strict=True)
    ]
    lowest = sorted(
        (s for s in r.statements.values() if s.score is not None), key=lambda s: s.score
    )[:3]
    notes += [""] + [
        f"{d.model.statement(x.id).label(d.lang)}: {t.pct(x.score, 1)}, "
        f"{t('axis.dont_know').lower()} {t.pct(x.dont_know_share, 1)}"
        for x in lowest
    ]
    caution = _small_group(deck, gr.n)
    if caution:
        notes += ["", caution]
    s = deck.slide(t("slide.group", name=gr.name), notes)
    sub = [
        (
            t(
                "slide.group_sub",
                n=gr.n,
                score=t.pct(r.overall, 1),
                total=t.pct(d.result.overall, 1),
            ),
            18,
            False,
            GREY,
        )
    ]
    if caution:
        sub.append((caution, 16, False, VERMILLION))
    head = deck.text(
        s, MARGIN, CONTENT_TOP - Inches(0.1), WIDTH - 2 * MARGIN, None, sub, space_after=2
    )
    top = head.top + head.height
    pc.bars(
        s,
        pc.Box(MARGIN, top, Inches(7.2), CONTENT_BOTTOM - top),
        d.profile.labels,
        [(t("legend.group"), values, pc.BLUE), (t("legend.whole"), total, pc.GREY)],
        label_width=0.4,
    )
    paragraphs: list[Para] = [(t("slide.group_lowest"), 22, True, NAVY)]
    for x in lowest:
        paragraphs.append((d.model.statement(x.id).label(d.lang), 16, False, INK))
        paragraphs.append(
            (
                t("slide.score_dk", score=t.pct(x.score), dk=t.pct(x.dont_know_share)),
                14,
                False,
                GREY,
            )
        )
    left = MARGIN + Inches(7.5)
    width = WIDTH - MARGIN - left
    room = CONTENT_BOTTOM - top
    while measure(paragraphs, width) > room and len(paragraphs) > 3:
        paragraphs = paragraphs[:-2]
    deck.text(s, left, top, width, None, paragraphs)


def _about_slide(deck: Deck) -> None:
    d, t = deck.data, deck.t
    m = d.model
    lines = [
        t("model", title=m.display_title(d.lang), name=m.name, version=m.version),
        t("source", source=d.source_name) + f" · {t('respondents', n=d.result.n_respondents)}",
    ]
    if d.where:
        lines.append(t("where", where=", ".join(d.where)))
    if d.compare is not None:
        lines.append(t("compared_with", label=d.compare.before_label, n=d.compare.n_before))
    lines.append(t("note.percent"))
    if d.off_notice:
        lines.append(d.off_notice)
    elif d.groups is not None:
        lines.append(t("slide.groups_rule", k=d.groups.min_size))
    lines += [t.message(n) for n in d.reliability.notes]
    if d.benchmark is not None and d.benchmark.caveat:
        lines.append(d.benchmark.caveat)
    s = deck.slide(t("slide.about"), lines)
    shown = [(line, 18, False, RED if line == d.off_notice else INK) for line in lines]
    _column(deck, s, MARGIN, WIDTH - 2 * MARGIN, shown)


#: response-rate rows per slide at most
RATE_ROWS = 12


def _response_slides(deck: Deck) -> None:
    """Respondents (and the response rate, with ``--invited``) per wave and group; a hidden
    group is named without a figure."""
    t = deck.t
    rates = list(getattr(deck.data, "response_rates", None) or [])
    if not rates:
        return
    whole = t("series.organisation")
    rows = []
    for r in rates:
        who = r.group if r.group is not None else whole
        if r.hidden or r.respondents is None:
            rows.append((r.wave or "", who, t("hidden.statement_short"), "", ""))
        else:
            rows.append(
                (
                    r.wave or "",
                    who,
                    str(r.respondents),
                    "" if r.invited is None else str(r.invited),
                    "" if r.rate is None else t.pct(r.rate, 1),
                )
            )
    heads = [t("col.wave"), t("col.group"), t("col.respondents"), t("col.invited"), t("col.rate")]
    keep = [j for j in range(5) if j >= 2 or any(row[j] for row in rows)]
    if not any(row[3] for row in rows):
        keep = [j for j in keep if j not in (3, 4)]
    widths = {0: Inches(1.6), 1: Inches(5.2), 2: Inches(1.8), 3: Inches(1.8), 4: Inches(2.0)}
    notes: list[str] = []  # per wave, the wave on a line of its own (no figure beside a name)
    for row in rows:
        if row[0] and (not notes or notes[-1] != row[0]) and row[0] not in notes:
            notes.append(row[0])
        notes.append(f"{row[1]}: " + " · ".join(x for x in row[2:] if x))
    for a, b in statement_chunks(len(rows), RATE_ROWS):
        s = deck.slide(t("slide.response_rates"), notes)
        size = 16
        line_h = int(Pt(size * LINE + 10))
        body = rows[a:b]
        heights = [
            int(Pt(len(pc.wrap(row[1], Emu(widths[1]).pt - 12, size)) * size * LINE + 10))
            for row in body
        ]
        frame = s.shapes.add_table(
            len(body) + 1,
            len(keep),
            MARGIN,
            CONTENT_TOP,
            sum(widths[j] for j in keep),
            line_h + sum(heights),
        )
        table = frame.table
        for k, j in enumerate(keep):
            table.columns[k].width = widths[j]
        table.rows[0].height = line_h
        for i, h in enumerate(heights, start=1):
            table.rows[i].height = h
        for i, row in enumerate([tuple(heads), *body]):
            for k, j in enumerate(keep):
                cell = table.cell(i, k)
                cell.text_frame.word_wrap = True
                para = cell.text_frame.paragraphs[0]
                para.alignment = PP_ALIGN.RIGHT if j >= 2 and i else PP_ALIGN.LEFT
                run = para.add_run()
                run.text = row[j]
                deck._style(run, size, i == 0, RGBColor(0xFF, 0xFF, 0xFF) if i == 0 else INK)


def _notes_slides(deck: Deck) -> None:
    """The notes about the data, as many slides as they need (all in the speaker notes too)."""
    d, t = deck.data, deck.t
    notes = [t.message(n) for n in d.notes if n != d.off_notice]
    if not notes:
        return
    width = WIDTH - 2 * MARGIN
    room = CONTENT_BOTTOM - CONTENT_TOP
    page: list[Para] = []
    pages = []
    for note in notes:
        para = (note, 16, False, INK)
        if page and measure([*page, para], width, 10) > room:
            pages.append(page)
            page = []
        page.append(para)
    pages.append(page)
    for i, page in enumerate(pages):
        title = t("slide.about_data")
        if i:
            title = t("slide.continued", title=title)
        s = deck.slide(title, [p[0] for p in page])
        deck.text(s, MARGIN, CONTENT_TOP, width, None, page, space_after=10)


#: type size of a plugin section's table on a slide, and of its lines
SECTION_PT = 14
SECTION_MIN_PT = 12
SECTION_LINE_PT = 18


def _section_cell(deck: Deck, section: Any, column: str, value: Any) -> str:
    """A cell of a plugin's section as the deck writes it (a percent figure as ``43 %``)."""
    if value is None:
        return ""
    kind = section.kind(column)
    if kind == "percent" and isinstance(value, (int, float)):
        return deck.t.pct(value)
    if kind == "number" and isinstance(value, float) and not value.is_integer():
        return deck.t.num(value, 1)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _section_widths(deck: Deck, section: Any, cols: list[int], rows: list[list[str]]) -> list[int]:
    """Column widths (EMU) filling the slide, in proportion to the section's ``widths`` where
    it gives them; else a figure's column narrow and a text column by its length."""
    weights = []
    for k, j in enumerate(cols):
        column = section.columns[j]
        if section.widths.get(column):
            weights.append(float(section.widths[column]))
        elif section.kind(column) != "text":
            weights.append(max(8, min(14, len(column))))
        else:
            longest = max((len(r[k]) for r in rows), default=0)
            weights.append(max(10, min(60, max(len(column), longest))))
    total = WIDTH - 2 * MARGIN
    widths = [int(total * w / sum(weights)) for w in weights]
    widths[-1] = total - sum(widths[:-1])
    return widths


def _section_slides(deck: Deck) -> None:
    """The model plugin's own slides (``data.sections``, the ``report_sections`` hook): the
    section's lines, then its table continued on as many slides as it needs (one set of
    slides per value of ``slide_per``); every line and row in the speaker notes."""
    d = deck.data
    for section in d.sections:
        cols = [j for j, c in enumerate(section.columns) if c != section.slide_per]
        if section.slide_per is None:
            parts: list[tuple[str, list[list[Any]]]] = [(section.title, section.rows)]
        else:
            k = section.columns.index(section.slide_per)
            by: dict[str, list[list[Any]]] = {}
            for r in section.rows:
                by.setdefault("" if r[k] is None else str(r[k]), []).append(r)
            parts = [(f"{section.title} – {v}" if v else section.title, rs) for v, rs in by.items()]
            parts = parts or [(section.title, [])]
        for title, rows in parts:
            _section_part(deck, section, title, rows, cols)


def _section_part(
    deck: Deck, section: Any, title: str, rows: list[list[Any]], cols: list[int]
) -> None:
    t = deck.t
    width = WIDTH - 2 * MARGIN
    cells = [[_section_cell(deck, section, section.columns[j], r[j]) for j in cols] for r in rows]
    heads = [section.columns[j] for j in cols]
    notes = list(section.lines)
    notes += [" · ".join(f"{h}: {c}" for h, c in zip(heads, r, strict=True) if c) for r in cells]
    notes += section.notes
    lines: list[Para] = [(line, SECTION_LINE_PT, False, INK) for line in section.lines]
    lines += [(note, SECTION_PT, False, GREY) for note in section.notes if not cols]
    room = CONTENT_BOTTOM - CONTENT_TOP
    if not cols:  # text only: as many slides as the lines need
        pages: list[list[Para]] = [[]]
        for para in lines:
            if pages[-1] and measure([*pages[-1], para], width, 10) > room:
                pages.append([])
            pages[-1].append(para)
        for i, page in enumerate(pages):
            s = deck.slide(t("slide.continued", title=title) if i else title, notes)
            deck.text(s, MARGIN, CONTENT_TOP, width, None, page, space_after=10)
        return
    widths = _section_widths(deck, section, cols, cells)

    def height(texts_: list[str], bold: bool, size: int) -> int:
        n = max(
            (
                len(pc.wrap(x, Emu(w).pt - 12, size, bold))
                for x, w in zip(texts_, widths, strict=True)
            ),
            default=1,
        )
        return int(Pt(max(1, n) * size * LINE + 10))

    # a table that almost fits one slide is set a little smaller (not below 12 pt) rather than
    # leave a row or two alone on the next
    lines_h = measure(lines, width) + int(Inches(0.1)) if lines else 0
    size = next(
        (
            pt
            for pt in range(SECTION_PT, SECTION_MIN_PT - 1, -1)
            if lines_h + height(heads, True, pt) + sum(height(r, False, pt) for r in cells) <= room
        ),
        SECTION_PT,
    )
    head_h = height(heads, True, size)
    heights = [height(r, False, size) for r in cells]
    first = True
    i = 0
    while first or i < len(cells):
        s = deck.slide(title if first else t("slide.continued", title=title), notes)
        top = CONTENT_TOP
        if first and lines:
            box = deck.text(s, MARGIN, top, width, None, lines)
            top = box.top + box.height + Inches(0.1)
        first = False
        take = 0
        used = head_h
        while i + take < len(cells) and (
            take == 0 or used + heights[i + take] <= CONTENT_BOTTOM - top
        ):
            if take == 0 and used + heights[i] > CONTENT_BOTTOM - top and top > CONTENT_TOP:
                break  # the lines filled the slide: the table starts on the next one
            used += heights[i + take]
            take += 1
        if take == 0 and cells:
            continue
        body = cells[i : i + take]
        i += take
        frame = s.shapes.add_table(
            len(body) + 1, len(cols), MARGIN, top, sum(widths), head_h + sum(heights[i - take : i])
        )
        table = frame.table
        for k, w in enumerate(widths):
            table.columns[k].width = w
        table.rows[0].height = head_h
        for r, h in enumerate(heights[i - take : i], start=1):
            table.rows[r].height = h
        for r, row in enumerate([heads, *body]):
            for k, text in enumerate(row):
                cell = table.cell(r, k)
                tf = cell.text_frame
                tf.word_wrap = True
                cell.margin_left = cell.margin_right = Pt(5)
                cell.margin_top = cell.margin_bottom = Pt(4)
                para = tf.paragraphs[0]
                figure = r and section.kind(heads[k]) != "text"
                para.alignment = PP_ALIGN.RIGHT if figure else PP_ALIGN.LEFT
                run = para.add_run()
                run.text = text
                white = RGBColor(0xFF, 0xFF, 0xFF)
                deck._style(run, size, r == 0, white if r == 0 else INK)
        if not cells:
            break


def build_deck(data: ReportData, progress: Callable[[str], None] | None = None) -> Deck:
    """The report deck (not yet saved). ``progress(what)`` is called after each group slide."""
    deck = Deck(data)
    _title_slide(deck)
    _summary_slide(deck)
    _profile_slide(deck)
    _quadrant_slide(deck)
    _change_slide(deck)
    _strengths_slide(deck)
    _statement_slides(deck)
    _start_slide(deck)
    _area_slides(deck)
    _next_steps_slide(deck)
    _decision_slide(deck)
    _roles_slide(deck)
    if data.groups is not None:
        _group_overview(deck)
        for gr in data.group_reports:
            if not gr.suppressed:
                _group_slide(deck, gr)
            if progress is not None:
                progress(gr.name)
    _section_slides(deck)
    _about_slide(deck)
    _response_slides(deck)
    _notes_slides(deck)
    return deck


def write_slides(
    data: ReportData, path: Any, progress: Callable[[str], None] | None = None
) -> None:
    """Save the report deck to ``path`` (the caller makes the write atomic)."""
    build_deck(data, progress).save(path)


__all__ = ["Deck", "build_deck", "proposed_areas", "statement_chunks", "write_slides"]
