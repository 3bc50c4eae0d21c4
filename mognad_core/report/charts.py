"""Charts for the slide deck, drawn with matplotlib as PNG pictures.

Why pictures and not native PowerPoint charts: a picture looks the same in PowerPoint, Keynote,
Google Slides and LibreOffice, and matplotlib lets us do what a projected chart needs and native
pptx charts do badly: wrapped long Swedish labels, level rings on the radar, the shaded "low score
+ much vet ej" corner, the 2x2 with its quadrant names. The workbook has native, editable Excel
charts of the same data (``excel_report``), so whoever wants to restyle a chart does it there.

Every function returns PNG bytes. Figures use the object-oriented API (``Figure`` +
``FigureCanvasAgg``), never ``pyplot``, so no global state or GUI backend is involved. Colours
are the Okabe–Ito palette (readable with the common colour-vision deficiencies); text is at
least 13 pt at the size the picture is placed on a 16:9 slide.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from io import BytesIO

import numpy as np
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from .data import Profile, Quadrant, StatementRow
from .texts import Texts, shorten

DPI = 150
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
VERMILLION = "#D55E00"
GREY = "#6E6E6E"
LIGHT = "#D9D9D9"
PURPLE = "#CC79A7"
INK = "#1F1F1F"
SERIES_COLOURS = {"result": BLUE, "previous": ORANGE, "target": GREEN, "benchmark": GREY}

#: Size of a full-width chart on a 13.33 x 7.5 in slide (inches).
WIDE = (12.3, 5.75)

_RC = {
    "font.family": "DejaVu Sans",
    "font.size": 15,
    "axes.titlesize": 17,
    "axes.labelsize": 15,
    "xtick.labelsize": 14,
    "ytick.labelsize": 14,
    "legend.fontsize": 14,
    "axes.edgecolor": "#BBBBBB",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "text.color": INK,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
}


def _figure(size: tuple[float, float]) -> Figure:
    fig = Figure(figsize=size, dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Figure) -> bytes:
    buf = BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, facecolor="white")
    return buf.getvalue()


def _pct_axis(ax, axis: str = "x", top: float = 1.0, step: float = 0.25, t: Texts | None = None):
    ticks = np.arange(0, top + 1e-9, step)
    labels = [(t.pct(v) if t else f"{v:.0%}") for v in ticks]
    if axis == "x":
        ax.set_xlim(0, top)
        ax.set_xticks(ticks, labels)
    else:
        ax.set_ylim(0, top)
        ax.set_yticks(ticks, labels)


#: A white background behind a value label, so that reference lines do not run through it.
_HALO = {"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85}


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width=width, break_long_words=False)) or text


# ---- radar ---------------------------------------------------------------------------------
def radar(profile: Profile, t: Texts, size: tuple[float, float] = WIDE) -> bytes:
    """The profile as a radar: the result filled, other series as lines, level rings dotted."""
    with rc_context(_RC):
        fig = _figure(size)
        ax = fig.add_axes((0.07, 0.1, 0.5, 0.8), projection="polar")
        k = len(profile.ids)
        ax.set_theta_offset(math.pi / 2)
        ax.set_theta_direction(-1)
        angles = [2 * math.pi * i / k for i in range(k)]
        closed = [*angles, angles[0]]
        ax.set_ylim(0, 1)
        ax.set_yticks([0.25, 0.5, 0.75, 1.0], ["", "", "", ""])
        ax.set_xticks(angles, [_wrap(lab, 16) for lab in profile.labels])
        ax.tick_params(axis="x", pad=14, labelsize=14)
        ax.grid(color=LIGHT, linewidth=1)
        ax.spines["polar"].set_color(LIGHT)
        for v in (0.25, 0.5, 0.75, 1.0):
            ax.text(
                math.pi / k,
                v,
                t.pct(v),
                fontsize=11,
                color=GREY,
                ha="center",
                va="center",
            )
        ring_angles = np.linspace(0, 2 * math.pi, 200)
        for _, value in profile.rings:
            ax.plot(ring_angles, [value] * 200, color=PURPLE, linewidth=1.4, linestyle=":")
        for s in profile.series[1:]:
            vals = [np.nan if v is None else v for v in s.values]
            colour = SERIES_COLOURS.get(s.kind, GREY)
            ax.plot(
                closed,
                [*vals, vals[0]],
                color=colour,
                linewidth=2.5,
                linestyle="--" if s.kind != "previous" else "-",
                marker="o" if s.kind == "previous" else None,
                markersize=5,
                label=s.name,
            )
        main = profile.series[0]
        vals = [np.nan if v is None else v for v in main.values]
        ax.fill(closed, [*vals, vals[0]], color=BLUE, alpha=0.15)
        ax.plot(
            closed,
            [*vals, vals[0]],
            color=BLUE,
            linewidth=3.5,
            marker="o",
            markersize=7,
            label=main.name,
        )
        for a, v in zip(angles, vals, strict=True):
            if v == v:
                ax.annotate(
                    t.pct(v),
                    (a, v),
                    xytext=(0, 12),
                    textcoords="offset points",
                    ha="center",
                    fontsize=13,
                    fontweight="bold",
                    color=BLUE,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
                )
        handles, labels = ax.get_legend_handles_labels()
        order = [labels.index(main.name)] + [i for i, lab in enumerate(labels) if lab != main.name]
        from matplotlib.lines import Line2D

        handles = [handles[i] for i in order]
        labels = [_wrap(labels[i], 34) for i in order]
        for name, value in profile.rings:
            handles.append(Line2D([], [], color=PURPLE, linestyle=":", linewidth=1.4))
            labels.append(t("axis.level_ring", level=name, value=t.pct(value)))
        fig.legend(
            handles,
            labels,
            loc="center left",
            bbox_to_anchor=(0.62, 0.5),
            frameon=False,
            labelspacing=1.0,
        )
        return _png(fig)


# ---- statements ----------------------------------------------------------------------------
def statement_bars(
    rows: Sequence[StatementRow],
    t: Texts,
    *,
    median: float | None = None,
    median_label: str | None = None,
    min_share: float | None = None,
    highlight: Sequence[str] = (),
    dk_top: float | None = None,
    size: tuple[float, float] = WIDE,
    hidden_label: str | None = None,
) -> bytes:
    """One bar per statement (in the given order, top to bottom) with its vet-ej share beside;
    a hidden statement (anonymity) gets ``hidden_label`` instead of a bar and a share. ``median``
    is the line for a low score (the median, or the model's own threshold: ``median_label``)."""
    with rc_context(_RC):
        fig = statement_bars_figure(
            rows,
            t,
            median=median,
            median_label=median_label,
            min_share=min_share,
            highlight=highlight,
            dk_top=dk_top,
            size=size,
            hidden_label=hidden_label,
        )
        return _png(fig)


def statement_bars_figure(
    rows: Sequence[StatementRow],
    t: Texts,
    *,
    median: float | None = None,
    median_label: str | None = None,
    min_share: float | None = None,
    highlight: Sequence[str] = (),
    dk_top: float | None = None,
    size: tuple[float, float] = WIDE,
    hidden_label: str | None = None,
) -> Figure:
    """The figure behind :func:`statement_bars` (call inside ``rc_context(_RC)``)."""
    rows = list(rows)
    hidden = [r.hidden for r in rows]
    hidden_label = hidden_label or t("hidden.statement_short")
    fig = _figure(size)
    gs = fig.add_gridspec(
        1, 2, width_ratios=[4, 1], wspace=0.16, left=0.5, right=0.98, top=0.9, bottom=0.1
    )
    ax = fig.add_subplot(gs[0])
    ax2 = fig.add_subplot(gs[1], sharey=ax)
    y = np.arange(len(rows))
    scores = [np.nan if r.score is None else r.score for r in rows]
    shares = [0.0 if r.dont_know_share is None else r.dont_know_share for r in rows]
    colours = [VERMILLION if r.id in highlight else BLUE for r in rows]
    ax.barh(y, np.nan_to_num(scores), color=colours, height=0.68)
    for yi, v, h in zip(y, scores, hidden, strict=True):
        if h:
            ax.text(0.01, yi, hidden_label, va="center", fontsize=12, color=GREY, style="italic")
        elif v == v:
            ax.text(v + 0.01, yi, t.pct(v), va="center", fontsize=13, color=INK, bbox=_HALO)
    # DejaVu Sans at 13 pt: about 0.11 in per character
    label_width = max(24, int((0.5 * size[0] - 0.3) / 0.11))
    ax.set_yticks(y, [f"{r.id}  {shorten(r.text, label_width)}" for r in rows], fontsize=13)
    ax.invert_yaxis()
    _pct_axis(ax, "x", 1.0, 0.25, t)
    ax.set_xlim(0, 1.08)
    ax.set_xlabel(t("axis.score"))
    if median is not None:
        ax.axvline(median, color=GREY, linestyle="--", linewidth=1.3, zorder=1.5)
        ax.text(
            median,
            -0.75,
            median_label or t("start.median", value=t.pct(median)),
            ha="center",
            va="bottom",
            fontsize=12,
            color=GREY,
        )
    top = dk_top or max(0.3, math.ceil((max(shares, default=0) + 0.05) * 10) / 10)
    dk_colours = [
        VERMILLION if (min_share is not None and s >= min_share - 1e-12) else "#F2B28C"
        for s in shares
    ]
    ax2.barh(y, shares, color=dk_colours, height=0.68)
    for yi, s, h in zip(y, shares, hidden, strict=True):
        if not h:
            ax2.text(s + top * 0.03, yi, t.pct(s), va="center", fontsize=12, color=INK, bbox=_HALO)
    ax2.set_xlim(0, top * 1.45)
    ax2.set_xticks([0, top], [t.pct(0), t.pct(top)])
    ax2.set_xlabel(t("axis.dont_know"))
    ax2.tick_params(axis="y", left=False, labelleft=False)
    if min_share is not None and min_share <= top:
        ax2.axvline(min_share, color=GREY, linestyle="--", linewidth=1.1, zorder=1.5)
        ax2.text(
            min_share,
            -0.75,
            t.pct(min_share),
            ha="center",
            va="bottom",
            fontsize=12,
            color=GREY,
        )
    if set(highlight) & {r.id for r in rows}:
        from matplotlib.patches import Patch

        fig.legend(
            [Patch(color=VERMILLION)],
            [t("legend.suggested")],
            loc="upper left",
            bbox_to_anchor=(0.01, 0.99),
            frameon=False,
            fontsize=13,
        )
    for a in (ax, ax2):
        a.grid(axis="x", color="#EEEEEE")
        a.set_axisbelow(True)
    return fig


def start_map(
    rows: Sequence[StatementRow],
    t: Texts,
    *,
    median: float | None,
    min_share: float,
    highlight: Sequence[str] = (),
    size: tuple[float, float] = WIDE,
    median_label: str | None = None,
) -> bytes:
    """Where to start: score against vet-ej share; low score + much vet ej is shaded."""
    with rc_context(_RC):
        fig = start_map_figure(
            rows,
            t,
            median=median,
            min_share=min_share,
            highlight=highlight,
            size=size,
            median_label=median_label,
        )
        return _png(fig)


def start_map_figure(
    rows: Sequence[StatementRow],
    t: Texts,
    *,
    median: float | None,
    min_share: float,
    highlight: Sequence[str] = (),
    size: tuple[float, float] = WIDE,
    median_label: str | None = None,
) -> Figure:
    """The figure behind :func:`start_map` (call inside ``rc_context(_RC)``); the statement
    labels carry ``gid="point-label"``."""
    rows = [r for r in rows if r.score is not None]
    fig = _figure(size)
    ax = fig.add_axes((0.09, 0.14, 0.62, 0.8))
    xs = np.array([r.score for r in rows])
    ys = np.array([r.dont_know_share or 0.0 for r in rows])
    x_lo = max(0.0, math.floor((xs.min() - 0.05) * 10) / 10) if len(xs) else 0.0
    x_hi = min(1.0, math.ceil((xs.max() + 0.05) * 10) / 10) if len(xs) else 1.0
    y_hi = max(min_share * 1.6, math.ceil((ys.max() + 0.04) * 20) / 20 if len(ys) else 0.3)
    ax.set_xlim(x_lo, x_hi)
    ax.set_ylim(0, y_hi)
    cut = median if median is not None else x_hi
    ax.add_patch(
        Rectangle(
            (x_lo, min_share),
            cut - x_lo,
            y_hi - min_share,
            color=ORANGE,
            alpha=0.18,
            linewidth=0,
        )
    )
    ax.axhline(min_share, color=GREY, linestyle="--", linewidth=1.2)
    fixed = [
        ax.text(
            x_hi,
            min_share,
            t("start.min_share", value=t.pct(min_share)) + " ",
            ha="right",
            va="bottom",
            fontsize=12,
            color=GREY,
        ),
        ax.text(
            x_lo + (x_hi - x_lo) * 0.01,
            y_hi * 0.985,
            t("start.region"),
            va="top",
            fontsize=13,
            color="#8A5A00",
            fontweight="bold",
        ),
    ]
    if median is not None:
        ax.axvline(median, color=GREY, linestyle="--", linewidth=1.2)
        fixed.append(
            ax.text(
                median,
                y_hi * 0.985,
                " " + (median_label or t("start.median", value=t.pct(median))),
                va="top",
                fontsize=12,
                color=GREY,
            )
        )
    xt = np.arange(x_lo, x_hi + 1e-9, 0.1)
    ax.set_xticks(xt, [t.pct(v) for v in xt])
    yt = np.arange(0, y_hi + 1e-9, 0.1 if y_hi > 0.35 else 0.05)
    ax.set_yticks(yt, [t.pct(v) for v in yt])
    ax.set_xlabel(t("axis.score"))
    ax.set_ylabel(t("axis.dont_know_share"))
    ax.grid(color="#EEEEEE")
    ax.set_axisbelow(True)
    # the suggested statements drawn last (on top) and labelled first (best places)
    order = sorted(range(len(rows)), key=lambda i: rows[i].id in highlight)
    big = [rows[i].id in highlight for i in order]
    ax.scatter(
        xs[order],
        ys[order],
        c=[VERMILLION if b else BLUE for b in big],
        s=[150 if b else 60 for b in big],
        zorder=3,
        edgecolors="white",
        linewidths=0.8,
    )
    labels = [
        (
            r.id,
            float(x),
            float(yv),
            150 if r.id in highlight else 60,
            {
                "fontsize": 13 if r.id in highlight else 11,
                "fontweight": "bold" if r.id in highlight else "normal",
                "color": VERMILLION if r.id in highlight else INK,
            },
        )
        for r, x, yv in sorted(
            zip(rows, xs, ys, strict=True), key=lambda item: (item[0].id not in highlight, item[1])
        )
    ]
    place_point_labels(fig, ax, labels, fixed)
    in_region = [
        r
        for r, x, yv in zip(rows, xs, ys, strict=True)
        if yv >= min_share - 1e-12 and (median is None or x < median - 1e-12)
    ]
    by_id = {r.id: r for r in rows}
    chosen = [by_id[h] for h in highlight if h in by_id]
    y_text = 0.9
    if not in_region:
        fig.text(
            0.74,
            y_text,
            _wrap(t("start.none", share=t.pct(min_share)), 30),
            fontsize=13,
            va="top",
            color=GREY,
        )
        y_text -= 0.2
    if chosen:
        fig.text(
            0.74,
            y_text,
            t("legend.suggested"),
            fontsize=14,
            color=VERMILLION,
            va="top",
            fontweight="bold",
        )
        lines = [f"{r.id}: {shorten(r.text, 80)}" for r in chosen]
        fig.text(
            0.74,
            y_text - 0.08,
            "\n\n".join(_wrap(line, 30) for line in lines),
            fontsize=12,
            va="top",
            color=INK,
        )
    return fig


# ---- point labels that do not overlap ------------------------------------------------------
#: Directions a label may take from its point, preferred first: right, upper right, lower right,
#: left, upper left, lower left, above, below, then beside but above or below the point's height
#: (unit vector, horizontal and vertical alignment).
_DIRECTIONS = [
    (1.0, 0.0, "left", "center"),
    (0.7, 0.7, "left", "bottom"),
    (0.7, -0.7, "left", "top"),
    (-1.0, 0.0, "right", "center"),
    (-0.7, 0.7, "right", "bottom"),
    (-0.7, -0.7, "right", "top"),
    (0.0, 1.0, "center", "bottom"),
    (0.0, -1.0, "center", "top"),
    (1.0, 0.2, "left", "bottom"),
    (-1.0, 0.2, "right", "bottom"),
    (1.0, -0.2, "left", "top"),
    (-1.0, -0.2, "right", "top"),
]


def _overlap(a, b) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


def _crosses(a, b, c, d) -> bool:
    """Whether the segments a-b and c-d cross."""

    def side(p, q, r) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def _cuts(a, b, box) -> bool:
    """Whether the segment a-b runs through ``box``."""
    corners = [(box.x0, box.y0), (box.x1, box.y0), (box.x1, box.y1), (box.x0, box.y1)]
    inside = [box.x0 < p[0] < box.x1 and box.y0 < p[1] < box.y1 for p in (a, b)]
    return any(inside) or any(_crosses(a, b, corners[i], corners[(i + 1) % 4]) for i in range(4))


def place_point_labels(
    fig: Figure,
    ax,
    labels: Sequence[tuple[str, float, float, float, dict]],
    fixed: Sequence = (),
) -> list:
    """Label scatter points: ``labels`` are ``(text, x, y, marker size, text style)``, the most
    important first. Each label goes next to its point where it covers no other label, no
    point and none of the ``fixed`` texts, and stays inside the axes; if every place next to
    the point is taken, it moves a little further out with a thin leader line, and if every
    place is taken, it goes where it covers least. Points drawn on top of each other share one
    label ("f11, f33"). Returns the labels (``gid="point-label"``)."""
    from matplotlib.text import Text
    from matplotlib.transforms import Bbox

    renderer = fig.canvas.get_renderer()
    inside = ax.get_window_extent(renderer)
    px = fig.dpi / 72  # pixels per point
    taken = [f.get_window_extent(renderer).expanded(1.02, 1.05) for f in fixed]
    items = []  # [text, x, y, radius in points, style, display position, index in taken]
    for text, x, y, size, style in labels:
        radius = math.sqrt(size) / 2
        pos = ax.transData.transform((x, y))
        taken.append(Bbox([pos - radius * px, pos + radius * px]))
        same = next(
            (
                it
                for it in items
                if it[4] == style and np.hypot(*(it[5] - pos)) < (it[3] + radius) * px * 0.8
            ),
            None,
        )
        if same is not None:
            same[0] += f", {text}"
        else:
            items.append([text, x, y, radius, style, pos, len(taken) - 1])
    out, lines = [], []
    n_fixed = len(fixed)
    for text, x, y, radius, style, pos, own in items:
        best = None
        spots = [(radius + 3, False), *[(radius + d, True) for d in (14, 26, 38)]]
        for distance, leader in spots:
            for ux, uy, ha, va in _DIRECTIONS:
                ann = ax.annotate(
                    text,
                    (x, y),
                    xytext=(ux * distance, uy * distance),
                    textcoords="offset points",
                    ha=ha,
                    va=va,
                    gid="point-label",
                    zorder=4,
                    arrowprops={"arrowstyle": "-", "color": GREY, "lw": 0.7, "shrinkB": radius}
                    if leader
                    else None,
                    **style,
                )
                ann.update_positions(renderer)
                box = Text.get_window_extent(ann, renderer)
                outside = box.width * box.height - _overlap(box, inside)
                covered = [_overlap(box, o) for o in taken]
                cost = outside * 1000 + sum(covered) + 10000 * sum(c > 0 for c in covered)
                segment = None
                if leader:  # from the point to the label's nearest corner
                    corner = min(
                        ((cx, cy) for cx in (box.x0, box.x1) for cy in (box.y0, box.y1)),
                        key=lambda c: np.hypot(c[0] - pos[0], c[1] - pos[1]),
                    )
                    segment = (tuple(pos), corner)
                    cost += 400 * sum(_crosses(*segment, *other) for other in lines)
                    others = [o for i, o in enumerate(taken) if i >= n_fixed and i != own]
                    cost += 400 * sum(_cuts(*segment, o) for o in others)
                if best is None or cost < best[0]:
                    if best is not None:
                        best[1].remove()
                    best = (cost, ann, box, segment)
                else:
                    ann.remove()
                if cost == 0:
                    break
            if best[0] == 0:
                break
        taken.append(best[2].padded(3 * px))  # keep a little space between labels
        if best[3] is not None:
            lines.append(best[3])
        out.append(best[1])
    return out


# ---- 2x2 -----------------------------------------------------------------------------------
def _place_labels(ax, points: list[tuple[float, float, str]], min_gap: float) -> list[float]:
    """y positions for labels right of each point, pushed apart by at least ``min_gap``."""
    order = sorted(range(len(points)), key=lambda i: -points[i][1])
    placed: dict[int, float] = {}
    last = None
    for i in order:
        y = points[i][1]
        if last is not None and last - y < min_gap:
            y = last - min_gap
        placed[i] = y
        last = y
    return [placed[i] for i in range(len(points))]


def quadrant(q: Quadrant, t: Texts, size: tuple[float, float] = WIDE) -> bytes:
    """The 2x2: threshold lines, quadrant names, the organisation, earlier wave and groups."""
    with rc_context(_RC):
        return _png(quadrant_figure(q, t, size))


def quadrant_figure(q: Quadrant, t: Texts, size: tuple[float, float] = WIDE) -> Figure:
    """The figure behind :func:`quadrant` (call inside ``rc_context(_RC)``)."""
    fig = _figure(size)
    ax = fig.add_axes((0.08, 0.13, 0.45, 0.8))
    lo, hi = q.axis_range()
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    th = q.threshold
    ax.add_patch(Rectangle((th, th), hi - th, hi - th, color=GREEN, alpha=0.08, linewidth=0))
    ax.add_patch(Rectangle((lo, lo), th - lo, th - lo, color=VERMILLION, alpha=0.07, linewidth=0))
    ax.axvline(th, color=GREY, linewidth=1.5)
    ax.axhline(th, color=GREY, linewidth=1.5)
    pad = (hi - lo) * 0.02
    spots = {
        (False, False): (lo + pad, lo + pad, "left", "bottom"),
        (True, False): (hi - pad, lo + pad, "right", "bottom"),
        (False, True): (lo + pad, hi - pad, "left", "top"),
        (True, True): (hi - pad, hi - pad, "right", "top"),
    }
    for key, name in q.corners.items():
        x, y, ha, va = spots[key]
        ax.text(x, y, _wrap(name, 18), ha=ha, va=va, fontsize=13, color=GREY, fontstyle="italic")
    ticks = np.arange(math.ceil(lo * 10) / 10, hi + 1e-9, 0.1)
    ax.set_xticks(ticks, [t.pct(v) for v in ticks])
    ax.set_yticks(ticks, [t.pct(v) for v in ticks])
    ax.set_xlabel(q.x_label)
    ax.set_ylabel(q.y_label)
    groups = [p for p in q.points if p.kind == "group"]
    if groups:
        ax.scatter(
            [p.x for p in groups],
            [p.y for p in groups],
            s=70,
            color=GREY,
            zorder=3,
            edgecolors="white",
        )
    prev = [p for p in q.points if p.kind == "previous"]
    org = q.points[0]
    for p in prev:
        ax.scatter([p.x], [p.y], s=120, color=ORANGE, zorder=4, edgecolors="white")
        ax.annotate(
            "",
            (org.x, org.y),
            xytext=(p.x, p.y),
            arrowprops={"arrowstyle": "->", "color": ORANGE, "linewidth": 2},
        )
    ax.scatter([org.x], [org.y], s=260, color=BLUE, zorder=5, edgecolors="white", linewidths=1.5)
    marks = [(org, BLUE, 13, "bold"), *[(p, ORANGE, 12, "bold") for p in prev]]
    marks += [(p, INK, 11, "normal") for p in groups]
    # each name as long as fits between its point and the recommendation (or the figure's edge)
    right = (0.645 if q.recommendation else 0.98) * size[0]
    labelled = []
    for m, _, font, weight in marks:
        start = (0.08 + 0.45 * (m.x + (hi - lo) * 0.03 - lo) / (hi - lo)) * size[0]
        per_char = (0.62 if weight == "bold" else 0.58) * font / 72  # DejaVu Sans, inches
        labelled.append((m.x, m.y, shorten(m.name, max(14, int((right - start) / per_char)))))
    ys = _place_labels(ax, labelled, (hi - lo) * 0.045)
    for (x, y, text), ly, (_, colour, font, weight) in zip(labelled, ys, marks, strict=True):
        ax.annotate(
            text,
            (x, y),
            xytext=(x + (hi - lo) * 0.03, ly),
            textcoords="data",
            fontsize=font,
            fontweight=weight,
            va="center",
            color=colour,
            arrowprops={"arrowstyle": "-", "color": LIGHT, "linewidth": 0.8},
        )
    if q.recommendation:
        fig.text(
            0.66,
            0.9,
            t("chart.recommendation"),
            fontsize=15,
            fontweight="bold",
            va="top",
            color=INK,
        )
        fig.text(
            0.66,
            0.82,
            _wrap(shorten(q.recommendation, 330), 40),
            fontsize=13,
            va="top",
            color=INK,
        )
    return fig


# ---- change --------------------------------------------------------------------------------
def change_bars(
    labels: Sequence[str],
    before: Sequence[float | None],
    after: Sequence[float | None],
    significant: Sequence[bool | None],
    names: tuple[str, str],
    t: Texts,
    bold: Sequence[bool] = (),
    size: tuple[float, float] = WIDE,
) -> bytes:
    """Before and after per part (top to bottom), the change written beside; ``bold`` marks
    the labels of the overall score and the dimensions."""
    with rc_context(_RC):
        fig = _figure(size)
        ax = fig.add_axes((0.3, 0.13, 0.52, 0.8))
        n = len(labels)
        y = np.arange(n)
        b = np.array([np.nan if v is None else v for v in before])
        a = np.array([np.nan if v is None else v for v in after])
        h = 0.38
        ax.barh(y - h / 2, np.nan_to_num(b), height=h, color=ORANGE, label=names[0])
        ax.barh(y + h / 2, np.nan_to_num(a), height=h, color=BLUE, label=names[1])
        for yi, bv, av, sig in zip(y, b, a, significant, strict=True):
            if av == av:
                ax.text(av + 0.01, yi + h / 2, t.pct(av), va="center", fontsize=12)
            if bv == bv:
                ax.text(bv + 0.01, yi - h / 2, t.pct(bv), va="center", fontsize=12, color=GREY)
            if av == av and bv == bv:
                mark = " *" if sig else ""
                colour = GREEN if av > bv else (VERMILLION if av < bv else GREY)
                fig_x = 1.12
                ax.text(
                    fig_x,
                    yi,
                    t.pp(av - bv) + mark,
                    va="center",
                    ha="left",
                    fontsize=14,
                    fontweight="bold",
                    color=colour,
                    transform=ax.get_yaxis_transform(),
                )
        ax.set_yticks(y, [_wrap(lab, 30) for lab in labels], fontsize=13)
        for tick, is_bold in zip(ax.get_yticklabels(), bold, strict=False):
            if is_bold:
                tick.set_fontweight("bold")
        ax.invert_yaxis()
        _pct_axis(ax, "x", 1.0, 0.25, t)
        ax.set_xlim(0, 1.0)
        if any(significant):
            fig.text(0.99, 0.02, t("chart.significant"), ha="right", fontsize=12, color=GREY)
        ax.grid(axis="x", color="#EEEEEE")
        ax.set_axisbelow(True)
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False)
        return _png(fig)


# ---- groups --------------------------------------------------------------------------------
def group_heatmap(
    groups: Sequence[str],
    labels: Sequence[str],
    values: Sequence[Sequence[float | None]],
    total: Sequence[float | None],
    total_label: str,
    t: Texts,
    size: tuple[float, float] = WIDE,
) -> bytes:
    """Rows = groups (and the total), columns = profile parts; cells coloured by score."""
    from matplotlib.colors import LinearSegmentedColormap

    cmap = LinearSegmentedColormap.from_list("mognad", ["#F8696B", "#FFEB84", "#63BE7B"])
    rows = [total_label, *groups]
    grid = np.array(
        [
            [np.nan if v is None else v for v in total],
            *[[np.nan if v is None else v for v in r] for r in values],
        ],
        dtype=float,
    )
    finite = grid[~np.isnan(grid)]
    vmin, vmax = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    if vmax - vmin < 0.1:
        vmin, vmax = vmin - 0.05, vmax + 0.05
    with rc_context(_RC):
        fig = _figure(size)
        ax = fig.add_axes((0.27, 0.04, 0.71, 0.76))
        ax.imshow(grid, cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto")
        k = len(labels)
        font = 14 if k <= 6 else 12
        for i in range(grid.shape[0]):
            for j in range(k):
                v = grid[i, j]
                ax.text(
                    j,
                    i,
                    "" if v != v else t.pct(v),
                    ha="center",
                    va="center",
                    fontsize=font,
                    fontweight="bold" if i == 0 else "normal",
                    color=INK,
                )
        ax.set_xticks(
            range(k),
            [_wrap(lab, 12 if k > 6 else 16) for lab in labels],
            fontsize=12 if k > 6 else 13,
        )
        ax.xaxis.tick_top()
        ax.set_yticks(range(len(rows)), [shorten(r, 32) for r in rows], fontsize=13)
        ax.get_yticklabels()[0].set_fontweight("bold")
        ax.tick_params(length=0)
        for s in ax.spines.values():
            s.set_visible(False)
        ax.axhline(0.5, color="white", linewidth=4)
        return _png(fig)


def group_profile(
    labels: Sequence[str],
    values: Sequence[float | None],
    total: Sequence[float | None],
    names: tuple[str, str],
    t: Texts,
    size: tuple[float, float] = (7.2, 5.75),
) -> bytes:
    """One group's score per part as bars, the whole organisation as a black tick."""
    with rc_context(_RC):
        fig = _figure(size)
        ax = fig.add_axes((0.42, 0.14, 0.5, 0.74))
        y = np.arange(len(labels))
        v = np.array([np.nan if x is None else x for x in values])
        tot = np.array([np.nan if x is None else x for x in total])
        ax.barh(y, np.nan_to_num(v), color=BLUE, height=0.6, label=names[0])
        ax.scatter(tot, y, marker="|", s=900, color=INK, linewidths=3, zorder=3, label=names[1])
        for yi, x in zip(y, v, strict=True):
            if x == x:
                ax.text(
                    0.02, yi, t.pct(x), va="center", fontsize=13, color="white", fontweight="bold"
                )
        ax.set_yticks(y, [_wrap(lab, 22) for lab in labels], fontsize=13)
        ax.invert_yaxis()
        _pct_axis(ax, "x", 1.0, 0.25, t)
        ax.grid(axis="x", color="#EEEEEE")
        ax.set_axisbelow(True)
        ax.legend(
            loc="lower center",
            bbox_to_anchor=(0.3, 1.0),
            ncol=2,
            frameon=False,
            fontsize=13,
            markerscale=0.35,
        )
        return _png(fig)
