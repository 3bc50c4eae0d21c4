"""The slide deck (python-pptx), 16:9, made to be projected: big type, few words, one message per
slide, and the figures behind each slide in its speaker notes.

Slides, in order:

1. title; 2. summary (the key figures as big numbers); 3. the profile (radar); 4. the statements,
lowest score first, with their vet-ej share (12–14 per slide); 5. where to start (score against
vet-ej share); 6. the 2x2 (models with a 2x2 position, e.g. DiMiOS); 7. before/after (with a
comparison); 8. the suggested places to start; 9. next steps per weakest engine (models whose
plugin gives them, e.g. the Digital Maturity Matrix); then, with groups, an overview and one slide
per visible group; last, about the survey.

Charts are pictures from :mod:`mognad_core.report.charts` (see there why).

Slides and their notes show only published figures (see :mod:`mognad_core.report.data`): a
hidden statement is "visas inte" in a chart and has the one reason for every hidden figure in the
notes ("visas inte av anonymitetsskäl (färre än k svar, eller så att en mindre grupp inte kan
räknas fram)"), a hidden group is named without size or figures. A deck made with the protection
off says so on its title slide.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from io import BytesIO
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt

from .. import __version__, texts
from ..schema import in_language
from . import charts
from .data import GroupReport, ReportData
from .summary import key_figures, sentences
from .texts import shorten

FONT = "Calibri"
INK = RGBColor(0x1F, 0x1F, 0x1F)
NAVY = RGBColor(0x1F, 0x4E, 0x79)
BLUE = RGBColor(0x00, 0x72, 0xB2)
GREY = RGBColor(0x59, 0x59, 0x59)
VERMILLION = RGBColor(0xD5, 0x5E, 0x00)
GREEN = RGBColor(0x00, 0x9E, 0x73)
TILE = RGBColor(0xEE, 0xF3, 0xF8)
RED = RGBColor(0xC0, 0x00, 0x00)
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
#: statements per slide at most (the chart stays readable when projected)
PER_SLIDE = 14


def statement_chunks(n: int, per_slide: int = PER_SLIDE) -> list[tuple[int, int]]:
    """Split ``n`` statements into near-equal slides of at most ``per_slide``: [(start, end)]."""
    if n == 0:
        return []
    slides = math.ceil(n / per_slide)
    size = math.ceil(n / slides)
    return [(i, min(n, i + size)) for i in range(0, n, size)]


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
        height: int,
        paragraphs: list[tuple[str, float, bool, RGBColor]],
        align: Any = PP_ALIGN.LEFT,
        anchor: Any = MSO_ANCHOR.TOP,
        space_after: float = 6,
    ) -> Any:
        box = slide.shapes.add_textbox(left, top, width, height)
        tf = box.text_frame
        tf.word_wrap = True
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
        ph.left, ph.top, ph.width, ph.height = MARGIN, Inches(0.3), WIDTH - 2 * MARGIN, Inches(0.9)
        ph.text_frame.word_wrap = True
        ph.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        ph.text = title
        para = ph.text_frame.paragraphs[0]
        para.alignment = PP_ALIGN.LEFT
        for run in para.runs:
            self._style(
                run, 32 if len(title) <= 44 else (26 if len(title) <= 56 else 22), True, NAVY
            )
        self.text(
            s,
            MARGIN,
            Inches(7.0),
            WIDTH - 2 * MARGIN,
            Inches(0.4),
            [(self.footer, 11, False, GREY)],
        )
        self.notes(s, notes)
        return s

    @staticmethod
    def notes(slide: Any, notes: list[str] | str) -> None:
        text = notes if isinstance(notes, str) else "\n".join(notes)
        if text:
            slide.notes_slide.notes_text_frame.text = text

    def picture(
        self,
        slide: Any,
        png: bytes,
        top: int = Inches(1.25),
        height: int = Inches(5.6),
        left: int | None = None,
    ) -> Any:
        pic = slide.shapes.add_picture(BytesIO(png), 0, top, height=height)
        pic.left = int((WIDTH - pic.width) / 2) if left is None else left
        return pic

    def save(self, path: Any) -> None:
        self.prs.save(path)


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
    for run in title.text_frame.paragraphs[0].runs:
        deck._style(run, 44, True, NAVY)
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


def _summary_slide(deck: Deck) -> None:
    d, t = deck.data, deck.t
    s = deck.slide(t("slide.summary"), sentences(d))
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
    inner = width - Inches(0.4)
    for i, fig in enumerate(tiles):
        left = MARGIN + i * (width + gap)
        shape = s.shapes.add_shape(1, left, Inches(1.4), width, Inches(3.1))  # rectangle
        shape.fill.solid()
        shape.fill.fore_color.rgb = TILE
        shape.line.fill.background()
        value = _figure_text(deck, fig)
        if fig.kind == "text":  # may wrap, but never inside a word
            longest = max(len(w) for w in value.split()) if value.split() else 1
            size = max(16, min(28, int((inner - Inches(0.2)) / 12700 / (0.75 * longest))))
        else:  # a number on one line: about 0.65 em per character in bold
            size = min(48, int((inner - Inches(0.2)) / 12700 / (0.8 * len(value))))
        colour = BLUE
        if fig.kind == "pp" and isinstance(fig.value, float):
            colour = GREEN if fig.value > 0 else (VERMILLION if fig.value < 0 else GREY)
        deck.text(
            s,
            left + Inches(0.2),
            Inches(1.5),
            inner,
            Inches(1.3),
            [(value, size, True, colour)],
            align=PP_ALIGN.CENTER,
            anchor=MSO_ANCHOR.MIDDLE,
        )
        deck.text(
            s,
            left + Inches(0.2),
            Inches(2.9),
            inner,
            Inches(1.5),
            [(fig.label, 16 if len(fig.label) > 40 else 18, False, INK)],
            align=PP_ALIGN.CENTER,
        )
    items = d.priorities.items
    if items:
        paragraphs = [(t("slide.start_with"), 22, True, NAVY)]
        paragraphs += [(f"{p.rank}. {shorten(p.label, 100)}", 20, False, INK) for p in items]
        deck.text(
            s, MARGIN, Inches(4.75), WIDTH - 2 * MARGIN, Inches(2.2), paragraphs, space_after=4
        )


def _profile_slide(deck: Deck) -> None:
    d, t = deck.data, deck.t
    p = d.profile
    what = t("chart.radar.categories" if p.level == "categories" else "chart.radar.dimensions")
    notes = [t("notes.figures")]
    for i, label in enumerate(p.labels):
        values = "; ".join(f"{s.name} {t.pct(s.values[i], 1)}" for s in p.series)
        notes.append(f"{label}: {values}")
    s = deck.slide(t("chart.radar", what=what), notes)
    deck.picture(s, charts.radar(p, t))


def _statement_slides(deck: Deck) -> None:
    d, t = deck.data, deck.t
    rows = d.statements
    pr = d.priorities
    highlight = [x.id for x in pr.items]
    dk_values = [r.dont_know_share or 0 for r in rows]
    dk_top = max(0.3, math.ceil((max(dk_values, default=0) + 0.05) * 10) / 10)
    chunks = statement_chunks(len(rows))
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
        s = deck.slide(title, notes)
        png = charts.statement_bars(
            chunk,
            t,
            median=pr.threshold,
            median_label=threshold_label(t, pr, 0),
            min_share=pr.min_share,
            highlight=highlight,
            dk_top=dk_top,
        )  # a hidden statement: "visas inte" beside its label (the reason is in the notes)
        deck.picture(s, png)


def threshold_label(t: texts.Texts, pr: Any, digits: int) -> str:
    """The line for a low score: ``median 66 %``, or ``gräns 60 %`` when the model sets it."""
    if pr.score_below is None:
        return t("start.median", value=t.pct(pr.median_score, digits))
    return t("start.threshold", value=t.pct(pr.score_below, digits))


def _start_slide(deck: Deck) -> None:
    d, t = deck.data, deck.t
    pr = d.priorities
    notes = [t("start.candidate") + ":"]
    notes += [
        f"{p.id} {p.label}: {t.pct(p.score, 1)}, {t.pct(p.dont_know_share, 1)}"
        for p in pr.ranked
        if p.low_score_high_dont_know
    ]
    notes.append(threshold_label(t, pr, 1))
    notes.append(t("start.min_share", value=t.pct(pr.min_share)))
    s = deck.slide(t("chart.start"), notes)
    png = charts.start_map(
        d.statements,
        t,
        median=pr.threshold,
        min_share=pr.min_share,
        highlight=[x.id for x in pr.items],
        median_label=threshold_label(t, pr, 0),
    )
    deck.picture(s, png)


def _quadrant_slide(deck: Deck) -> None:
    q, t = deck.data.quadrant, deck.t
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
    deck.picture(s, charts.quadrant(q, t))


def _change_slide(deck: Deck) -> None:
    d, t = deck.data, deck.t
    c = d.compare
    if c is None:
        return
    rows = [c.overall, *c.dimensions]
    title = t("slide.change_title", before=c.before_label, after=c.after_label)
    if c.compared:
        title = t(
            "slide.change_better",
            before=c.before_label,
            after=c.after_label,
            improved=c.improved,
            compared=c.compared,
        )
    notes = [t("notes.figures")] + [
        f"{r.label}: {t.pct(r.before, 1)} → {t.pct(r.after, 1)} ({t.pp(r.change)}"
        + (f", 95 % {t.pp(r.ci_low)} … {t.pp(r.ci_high)}" if r.ci_low is not None else "")
        + ")"
        for r in rows
    ]
    s = deck.slide(title, notes)
    png = charts.change_bars(
        [r.label for r in rows],
        [r.before for r in rows],
        [r.after for r in rows],
        [r.significant for r in rows],
        (c.before_label, c.after_label),
        t,
        bold=[r.kind in ("overall", "dimension") for r in rows],
    )
    deck.picture(s, png)


def _priority_items(
    deck: Deck, slide: Any, items: list[Any], left: int, top: int, width: int, big: bool = True
) -> None:
    t = deck.t
    paragraphs = []
    for p in items:
        paragraphs.append((f"{p.rank}. {shorten(p.label, 90)}", 26 if big else 20, True, INK))
        paragraphs.append(
            (
                t("slide.score_dk", score=t.pct(p.score), dk=t.pct(p.dont_know_share)),
                22 if big else 18,
                False,
                VERMILLION if p.low_score_high_dont_know else GREY,
            )
        )
    if not paragraphs:
        paragraphs = [(t("slide.no_priorities"), 22, False, GREY)]
    deck.text(slide, left, top, width, Inches(4.8), paragraphs, space_after=10)


def _priorities_slide(deck: Deck) -> None:
    d, t = deck.data, deck.t
    pr = d.priorities
    title = (
        t("slide.priorities_one")
        if len(pr.items) == 1
        else t("slide.priorities", count=len(pr.items))
    )
    notes = [f"{p.rank}. {p.id} {p.label}: {p.reason}" for p in pr.items]
    notes += ["", t("note.priorities_top", count=pr.count)]
    s = deck.slide(title, notes)
    _priority_items(deck, s, pr.items, MARGIN, Inches(1.5), WIDTH - 2 * MARGIN)
    rest = pr.ranked[len(pr.items) : len(pr.items) + 3]
    if rest:
        deck.text(
            s,
            MARGIN,
            Inches(6.0),
            WIDTH - 2 * MARGIN,
            Inches(0.9),
            [
                (
                    t(
                        "slide.next_in_line",
                        items=", ".join(f"{p.id} {shorten(p.label, 34)}" for p in rest),
                    ),
                    16,
                    False,
                    GREY,
                )
            ],
        )


def _next_steps_slide(deck: Deck) -> None:
    d, t = deck.data, deck.t
    ins = d.result.insight("dmm_weakest")
    if ins is None:
        return
    engines = [e for e in ins.data.get("engines") or [] if e.get("next_step")]
    if not engines:
        return
    paragraphs = []
    notes = [ins.text]
    for e in engines[:3]:
        label = in_language(e.get("label"), e.get("label_en"), d.lang)
        step = in_language(e.get("next_step"), e.get("next_step_en"), d.lang)
        paragraphs.append((f"{label} ({t.pct(e.get('score'))})", 28, True, NAVY))
        paragraphs.append((shorten(str(step), 160), 22, False, INK))
        notes.append(f"{label}: {t.pct(e.get('score'), 1)}; {step}")
    s = deck.slide(t("slide.next_steps"), notes)
    deck.text(s, MARGIN, Inches(1.5), WIDTH - 2 * MARGIN, Inches(5.2), paragraphs, space_after=14)


def _group_overview(deck: Deck) -> None:
    d, t = deck.data, deck.t
    g = d.groups
    if g is None:
        return
    by = ", ".join(g.by)
    rows = {r.id: r for r in g.rows}
    ids = d.profile.ids
    visible = g.visible
    notes = [t("notes.figures")]
    for name in visible:
        info = next(x for x in g.groups if x.name == name)
        notes.append(f"{name} (n={info.n}): {t.pct(rows['overall'].values.get(name), 1)}")
    if g.suppressed:
        notes.append(t("slide.hidden_groups", min=g.min_size, names=", ".join(g.suppressed)))
    s = deck.slide(t("slide.group_overview", by=by), notes)
    if visible:
        png = charts.group_heatmap(
            visible,
            d.profile.labels,
            [[rows[i].values.get(n) for i in ids] for n in visible],
            [None if rows[i].total_hidden else rows[i].total for i in ids],
            t("col.total"),
            t,
            size=(12.3, 5.0),
        )
        deck.picture(s, png, height=Inches(4.9))
    if g.suppressed:
        deck.text(
            s,
            MARGIN,
            Inches(6.25),
            WIDTH - 2 * MARGIN,
            Inches(0.7),
            [
                (
                    t("slide.hidden_groups", min=g.min_size, names=", ".join(g.suppressed)),
                    16,
                    False,
                    GREY,
                )
            ],
        )


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
    if gr.priorities is not None:
        notes += [""] + [
            f"{p.rank}. {p.id} {p.label}: {t.pct(p.score, 1)}, {t.pct(p.dont_know_share, 1)}"
            for p in gr.priorities.items
        ]
    s = deck.slide(t("slide.group", name=gr.name), notes)
    deck.text(
        s,
        MARGIN,
        Inches(1.15),
        WIDTH - 2 * MARGIN,
        Inches(0.5),
        [
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
        ],
    )
    names = (t("legend.group"), t("legend.whole"))
    png = charts.group_profile(d.profile.labels, values, total, names, t)
    deck.picture(s, png, top=Inches(1.7), height=Inches(5.2), left=Inches(0.3))
    deck.text(
        s,
        Inches(7.4),
        Inches(1.9),
        Inches(5.4),
        Inches(0.6),
        [(t("slide.group_priorities"), 22, True, NAVY)],
    )
    items = gr.priorities.items if gr.priorities is not None else []
    _priority_items(deck, s, items, Inches(7.4), Inches(2.6), Inches(5.4), big=False)


#: notes about the data shown on the last slide itself (all of them in its speaker notes)
ABOUT_NOTES = 5


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
    if d.benchmark is not None and d.benchmark.caveat:
        lines.append(d.benchmark.caveat)
    notes = [t.message(n) for n in d.notes if n != d.off_notice]
    s = deck.slide(t("slide.about"), notes)
    deck.text(
        s,
        MARGIN,
        Inches(1.5),
        WIDTH - 2 * MARGIN,
        Inches(5.3),
        [(line, 18, False, RED if line == d.off_notice else INK) for line in lines],
        space_after=12,
    )
    if not notes:
        return
    # the notes about the data on a slide of their own, the last one (all in its speaker notes)
    s = deck.slide(t("slide.about_data"), notes)
    shown = [(note, 16, False, INK) for note in notes[:ABOUT_NOTES]]
    if len(notes) > ABOUT_NOTES:
        more = len(notes) - ABOUT_NOTES
        shown.append((t("slide.more_notes", more=more), 16, False, INK))
    deck.text(s, MARGIN, Inches(1.5), WIDTH - 2 * MARGIN, Inches(5.3), shown, space_after=10)


def build_deck(data: ReportData, progress: Callable[[str], None] | None = None) -> Deck:
    """The report deck (not yet saved). ``progress(what)`` is called after each group slide."""
    deck = Deck(data)
    _title_slide(deck)
    _summary_slide(deck)
    _profile_slide(deck)
    _statement_slides(deck)
    _start_slide(deck)
    _quadrant_slide(deck)
    _change_slide(deck)
    _priorities_slide(deck)
    _next_steps_slide(deck)
    if data.groups is not None:
        _group_overview(deck)
        for gr in data.group_reports:
            if not gr.suppressed:
                _group_slide(deck, gr)
            if progress is not None:
                progress(gr.name)
    _about_slide(deck)
    return deck


def write_slides(
    data: ReportData, path: Any, progress: Callable[[str], None] | None = None
) -> None:
    """Save the report deck to ``path`` (the caller makes the write atomic)."""
    build_deck(data, progress).save(path)


__all__ = ["Deck", "build_deck", "statement_chunks", "write_slides"]
