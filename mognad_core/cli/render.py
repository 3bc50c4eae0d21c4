"""The command line's text output: one renderer per result, in the command's language.

Every heading, column name and sentence comes from the catalogue (:mod:`mognad_core.texts`,
keys ``cli.*``); numbers are written by :func:`~mognad_core.texts.pct`,
:func:`~mognad_core.texts.pp` and :func:`~mognad_core.texts.num` (a decimal comma and "p.e." in
Swedish). The commands (``cli/analysis.py``, ``cli/score.py``) only read, call the API and emit;
``--format json`` prints the result itself, never these texts.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cells import is_missing
from ..texts import Texts, keep_together, shorten

if TYPE_CHECKING:  # not imported at run time: plugins' commands use table() in --help too
    from ..analysis import (
        CompareResult,
        GapResult,
        GroupResult,
        PortfolioResult,
        PriorityResult,
        ReliabilityResult,
        StartResult,
    )
    from ..responses import ResponseSet
    from ..results import ScoreResult


def in_language(sv: str | None, en: str | None, lang: str = "sv") -> str | None:
    """:func:`mognad_core.schema.in_language`, imported when first used (schema needs
    pydantic, which ``mognad --help`` does without)."""
    from ..schema import in_language as model_text

    return model_text(sv, en, lang)


#: the core's label columns (left-aligned whatever they hold: ids, group names such as 2024)
_LEFT = (
    "cli.col.id",
    "cli.col.part",
    "cli.col.kind",
    "cli.col.dimension",
    "cli.col.statement",
    "cli.col.level",
    "cli.col.group",
    "cli.col.axis",
    "cli.col.leans",
    "cli.col.initiatives",
    "cli.col.warning",
)


#: a cell that is a figure: a number, a percentage or a difference ("12", "11,5 %", "+3,1 p.e.")
_FIGURE = re.compile(r"^[+\-−±]?\d")


def table(rows: list[dict[str, Any]], t: Texts | None = None) -> str:
    """A plain-text table of ``rows`` (dicts whose keys are the column headings), the one table
    of the CLI and the plugins' commands. A column of figures (numbers, percentages,
    differences; "–" and words such as "dold" in between do not count) is right-aligned under
    its heading, however wide the heading; a column of labels is left-aligned, as are the core's
    label columns (:data:`_LEFT`, in ``t``'s language) whatever they hold. Columns are one
    space apart and no line ends in spaces. No rows: ``(inget att visa)`` /
    ``(nothing to show)``."""
    t = t or Texts("sv")
    if not rows:
        return t("cli.nothing")
    heads = list(dict.fromkeys(h for row in rows for h in row))
    cells = [[_cell(row.get(h, "")) for h in heads] for row in rows]
    labels = {t(k) for k in _LEFT} | {""}
    right = [h not in labels and _figures([c[i] for c in cells]) for i, h in enumerate(heads)]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(heads)]

    def line(values: list[str]) -> str:
        padded = (
            v.rjust(w) if r else v.ljust(w) for v, w, r in zip(values, widths, right, strict=True)
        )
        return " ".join(padded).rstrip()

    return "\n".join([line([str(h) for h in heads]), *(line(c) for c in cells)])


def _cell(value: Any) -> str:
    if is_missing(value):
        return "–"
    return str(value)


def _figures(cells: list[str]) -> bool:
    """Whether a column holds figures: at least as many cells that are figures as cells with
    words (blank and "–" cells count as neither)."""
    figures = sum(bool(_FIGURE.match(c.strip())) for c in cells)
    words = sum(not _FIGURE.match(c.strip()) and c.strip() not in ("", "–") for c in cells)
    return figures > 0 and figures >= words


def header(responses: ResponseSet, where: tuple[str, ...], lang: str = "sv") -> str:
    """``svar.xlsx (år=2025): 240 svarande``: the file, the selection and how many."""
    t = Texts(lang)
    source = Path(responses.source).name if responses.source else t("cli.responses")
    cond = f" ({', '.join(where)})" if where else ""
    return t("cli.header", source=source, where=cond, n=responses.n)


def _count(value: int | None, t: Texts) -> str:
    """A count, or "dold"/"hidden" for one the anonymity policy hides."""
    return t("hidden_size") if value is None else str(value)


def fill(text: str, width: int = 96, indent: str = "") -> str:
    """``text`` wrapped at ``width``, never between a figure and its unit ("12,7 %", "3,1 p.e.")."""
    glued = keep_together(text)
    wrapped = textwrap.fill(glued, width, initial_indent=indent, subsequent_indent=indent)
    return wrapped.replace("\u00a0", " ")


def _lines(lines: list[str]) -> str:
    return "\n".join(lines)


# ---- score ---------------------------------------------------------------------------------
def render_score(result: ScoreResult, lang: str = "sv", statements: bool = True) -> str:
    """The human-readable table for a score result."""
    t = Texts(lang)
    title = in_language(result.title, result.title_en, lang)
    lines = [f"{title} ({result.model} {result.model_version})"]
    if result.source:
        lines.append(
            t("cli.score.responses_file", file=Path(result.source).name, n=result.n_respondents)
        )
    else:
        lines.append(t("cli.score.responses", n=result.n_respondents))
    level = result.level_label(lang)
    level = t("cli.score.level", level=level) if level else ""
    lines += ["", t("cli.score.overall", score=t.pct(result.overall, 1)) + level, ""]
    col_level = t("cli.col.level")
    rows = []
    for d in result.dimensions.values():
        rows.append(
            {
                t("cli.col.dimension"): "  " * d.depth + in_language(d.label, d.label_en, lang),
                t("cli.col.score"): t.pct(d.score, 1),
                col_level: d.level_label(lang) or "",
                "n": d.n,
                t("cli.col.dont_know"): t.pct(d.dont_know_share, 1),
            }
        )
    if not any(r[col_level] for r in rows):
        for r in rows:
            del r[col_level]
    lines.append(table(rows, t))
    if statements:
        k = result.disclosure.min_size if result.disclosure else None
        hidden_n = t("hidden_size", k=k)
        rows = [
            {
                t("cli.col.id"): s.id,
                t("cli.col.statement"): shorten(in_language(s.text, s.text_en, lang), 48),
                t("cli.col.score"): t.pct(s.score, 1),
                t("cli.col.mean"): "–" if s.mean is None else t.num(s.mean, 2),
                "n": s.n if s.n is not None else hidden_n,
                t("cli.col.dont_know"): t.pct(s.dont_know_share, 1),
            }
            for s in result.statements.values()
        ]
        lines += ["", table(rows, t)]
    for ins in result.insights:
        lines += ["", f"{ins.title}", f"  {ins.text}" if ins.text else ""]
        for row in ins.rows:
            lines.append("  - " + "; ".join(f"{k}: {v}" for k, v in row.items()))
    return "\n".join(line for line in lines if line is not None).rstrip() + "\n"


# ---- gap -----------------------------------------------------------------------------------
def render_gap(result: GapResult, header: str = "", lang: str = "sv") -> str:
    t = Texts(lang)
    lines = [header] if header else []
    o = result.overall
    derived = t("cli.gap.derived") if o.target_from == "dimensions" else ""
    lines.append(
        t(
            "cli.gap.title",
            target=result.target_label,
            score=t.pct(o.score, 1),
            goal=t.pct(o.target, 1),
            derived=derived,
            gap=t.pp(o.gap),
        )
    )
    lines.append("")
    lines.append(
        table(
            [
                {
                    t("cli.col.id"): x.id,
                    t("cli.col.part"): shorten(x.label, 44),
                    t("cli.col.kind"): t.kind(x.kind),
                    t("cli.col.score"): t.pct(x.score, 1),
                    t("cli.col.target"): t.pct(x.target, 1) + (" *" if x.target_from else ""),
                    t("cli.col.gap"): t.pp(x.gap),
                }
                for x in result.rows
            ],
            t,
        )
    )
    if any(x.target_from for x in result.rows):
        lines.append(t("cli.gap.inherited"))
    return _lines(lines)


# ---- priorities ----------------------------------------------------------------------------
def render_priorities(result: PriorityResult, header: str = "", lang: str = "sv") -> str:
    t = Texts(lang)
    lines = [header] if header else []
    what = (
        t(f"cli.prio.{result.level}")
        if result.level in ("statement", "category", "dimension")
        else ""
    )
    title = t(
        "cli.prio.title",
        count=len(result.items),
        total=len(result.ranked),
        what=what or t("cli.prio.all"),
    )
    if result.target_label:
        title += t("cli.prio.target", target=result.target_label)
    lines += [title, ""]
    for p in result.items:
        flag = "  " + t("cli.prio.flag") if p.low_score_high_dont_know else ""
        lines.append(f"{p.rank}. {p.id}  {p.label}{flag}")
        figures = t(
            "cli.prio.figures", score=t.pct(p.score, 1), dont_know=t.pct(p.dont_know_share, 1)
        )
        if p.gap is not None:
            figures += t("cli.prio.gap", gap=t.pp(p.gap))
        if p.priority is not None:
            figures += t("cli.prio.priority", priority=t.num(p.priority, 2))
        lines.append(f"   {figures}")
        lines.append("   " + t("cli.prio.why", reason=p.reason))
    by = t("cli.prio.default") if result.ranked_by == "default" else result.ranked_by
    lines += ["", textwrap.fill(t("cli.prio.rule", by=by, rule=result.rule), width=96)]
    return _lines(lines)


def render_start(result: StartResult, header: str = "", lang: str = "sv") -> str:
    """The one decision (:func:`mognad_core.where_to_start`): the chosen areas, each with its
    reason and the statements behind it, the other areas in one line, the rule."""
    t = Texts(lang)
    lines = [header] if header else []
    title = t("cli.start.title", count=len(result.areas), total=len(result.ranked))
    if result.target_label:
        title += t("cli.prio.target", target=result.target_label)
    lines += [title, ""]
    for a in result.areas:
        flag = "  " + t("cli.prio.flag") if a.low_score and a.high_dont_know else ""
        lines.append(f"{a.rank}. {a.label}{flag}")
        share = t.pct(a.dont_know_share, 1)
        figures = t("cli.prio.figures", score=t.pct(a.score, 1), dont_know=share)
        if a.gap is not None:
            figures += t("cli.prio.gap", gap=t.pp(a.gap))
        lines.append(f"   {figures}")
        lines.append(fill(t("cli.prio.why", reason=a.why), indent="   "))
        lines.append("   " + t("cli.start.statements"))
        rows = [
            {
                t("cli.col.id"): s.id,
                t("cli.col.statement"): s.short,
                t("cli.col.score"): t.pct(s.score, 1),
                t("cli.col.dont_know"): t.pct(s.dont_know_share, 1),
            }
            for s in a.statements
        ]
        lines += ["     " + row for row in table(rows, t).splitlines()]
    rest = [f"{a.rank}. {a.label} {t.pct(a.score, 1)}" for a in result.ranked[len(result.areas) :]]
    if rest:
        lines += ["", fill(t("cli.start.others", areas="; ".join(rest)))]
    lines += ["", fill(t("cli.prio.rule", by=t("cli.prio.default"), rule=result.rule))]
    return _lines(lines)


# ---- compare -------------------------------------------------------------------------------
def render_compare(
    result: CompareResult, header: str = "", statements: bool = True, lang: str = "sv"
) -> str:
    t = Texts(lang)
    lines = [header] if header else []
    lines.append(textwrap.fill(result.summary(lang), width=100, break_on_hyphens=False))
    verdict = result.verdict(lang)
    if result.improved_all is not None:
        verdict = t("cli.compare.yes" if result.improved_all else "cli.compare.no", verdict=verdict)
    lines.append(t("cli.compare.improved", verdict=verdict))
    tested = [x for x in result.statements if x.p_value is not None]
    lines.append(
        t(
            "cli.compare.significant",
            up=result.significant_up,
            down=result.significant_down,
            count=len(tested),
            raw_up=sum(1 for x in tested if x.significant_raw and x.change > 0),
            raw_down=sum(1 for x in tested if x.significant_raw and x.change < 0),
        )
    )

    def p_text(p: float | None) -> str:
        if p is None:
            return "–"
        if p < 0.001:  # published p-values are rounded to three decimals: 0.000 is below this
            return t("cli.compare.p_below", p=t.num(0.001, 3))
        return t.num(p, 3)

    def rows(items) -> list[dict[str, Any]]:
        return [
            {
                t("cli.col.id"): x.id,
                t("cli.col.part"): ("  " if x.kind == "category" else "") + shorten(x.label, 38),
                t("cli.col.before"): t.pct(x.before, 1),
                t("cli.col.after"): t.pct(x.after, 1),
                t("cli.col.change"): t.pp(x.change),
                t("cli.col.interval"): "–"
                if x.ci_low is None
                else t(
                    "cli.compare.interval",
                    low=t.pp(x.ci_low, unit=False),
                    high=t.pp(x.ci_high, unit=False),
                ),
                t("cli.col.p"): p_text(x.p_value),
                t("cli.col.p_adjusted"): p_text(x.p_adjusted),
                "": "*" if x.significant else "",
            }
            for x in items
        ]

    lines += ["", table(rows([result.overall, *result.dimensions]), t)]
    if statements:
        lines += ["", table(rows(result.statements), t)]
    lines += ["", t("cli.compare.footnote")]
    return _lines(lines)


# ---- groups --------------------------------------------------------------------------------
def render_groups(
    result: GroupResult, header: str = "", kind: str = "dimension", lang: str = "sv"
) -> str:
    t = Texts(lang)
    lines = [header] if header else []
    lines.append(t("cli.groups.title", by=", ".join(result.by), k=result.min_size))
    frame = result.frame(kind)
    rows_by_id = {x.id: x for x in result.rows}
    hidden_cell = t("cli.groups.hidden")

    def total(pid: str) -> str:
        x = rows_by_id[pid]
        return hidden_cell if x.total_hidden else t.pct(x.total, 0)

    def cell(g: Any, pid: str) -> str:
        return hidden_cell if g.suppressed else t.pct(rows_by_id[pid].values.get(g.name), 0)

    col_total = t("cli.col.total")
    if kind == "dimension":
        # one row per group, the parts as columns
        col_group = t("cli.col.group")
        rows = [
            {col_group: col_total, "n": result.n_total, **{pid: total(pid) for pid in frame.index}}
        ]
        for g in result.groups:
            rec: dict[str, Any] = {col_group: g.name, "n": "–" if g.n is None else g.n}
            rec.update({pid: cell(g, pid) for pid in frame.index})
            rows.append(rec)
        lines += ["", table(rows, t)]
    else:
        code = {g.name: f"G{i + 1}" for i, g in enumerate(result.groups)}
        out_rows = []
        for pid in frame.index:
            rec = {
                t("cli.col.id"): pid,
                t("cli.col.part"): shorten(rows_by_id[pid].label, 32),
                col_total: total(pid),
            }
            rec.update({code[g.name]: cell(g, pid) for g in result.groups})
            out_rows.append(rec)
        lines += ["", table(out_rows, t)]
        lines += [""] + [
            f"  {code[g.name]} = {g.name} (n={'–' if g.n is None else g.n})" for g in result.groups
        ]
    hidden = [g for g in result.groups if g.suppressed]
    if hidden:
        lines += ["", t("cli.groups.hidden_head")]
        lines += [f"  {g.name}: {g.reason}" for g in hidden]
    shown = [
        d
        for d in result.disagreements
        if kind == "all" or (d.kind == "statement") == (kind == "statement")
    ]
    if shown:
        lines += ["", t("cli.groups.disagree")]
        for d in shown:
            spread = t.pp(d.spread, 0, sign=False)
            lines.append(
                f"  {d.id} {shorten(d.label, 40)}: {spread} "
                f"({d.low_group} {t.pct(d.low, 0)} – {d.high_group} {t.pct(d.high, 0)})"
            )
    return _lines(lines)


# ---- reliability ---------------------------------------------------------------------------
def render_reliability(
    result: ReliabilityResult, header: str = "", statements: bool = True, lang: str = "sv"
) -> str:
    t = Texts(lang)
    lines = [header] if header else []
    rate = (
        ""
        if result.response_rate is None
        else t("cli.rel.rate", invited=result.invited, rate=t.pct(result.response_rate, 1))
    )
    lines.append(t("cli.rel.respondents", n=result.n_respondents, rate=rate))
    lines.append("")
    lines.append(
        table(
            [
                {
                    t("cli.col.id"): d.id,
                    t("cli.col.part"): ("  " if d.kind == "category" else "")
                    + shorten(d.label, 30),
                    t("cli.col.items"): d.items,
                    "n": d.n,
                    t("cli.col.complete"): d.n_complete,
                    t("cli.col.alpha"): "–" if d.alpha is None else t.num(d.alpha, 2),
                    t("cli.col.warning"): d.warning or "",
                }
                for d in result.dimensions
            ],
            t,
        )
    )
    if statements:
        lines.append("")
        lines.append(
            table(
                [
                    {
                        t("cli.col.id"): s.id,
                        "n": _count(s.n, t),
                        t("cli.col.dont_know"): _count(s.dont_know, t),
                        t("cli.col.blank"): _count(s.missing, t),
                        "±95 %": t.pp(s.ci_half_width, sign=False),
                        t("cli.col.warning"): s.warning or "",
                    }
                    for s in result.statements
                ],
                t,
            )
        )
    return _lines(lines)


# ---- portfolio -----------------------------------------------------------------------------
def render_portfolio(result: PortfolioResult, header: str = "", lang: str = "sv") -> str:
    from ..analysis.portfolio import STATUS_ORDER

    t = Texts(lang)
    lines = [header] if header else []
    statuses = ", ".join(t(f"cli.status.{s}", n=result.by_status.get(s, 0)) for s in STATUS_ORDER)
    lines.append(
        t(
            "cli.portfolio.title",
            count=len(result.initiatives),
            statuses=statuses,
            rule=result.weak_rule,
        )
    )
    lines += ["", t("cli.portfolio.balance")]

    def mean(value: float | None) -> str:
        if value is None:
            return "–"
        written = t.num(value, 2)  # a true minus sign, as texts.pp writes one
        return written if written.startswith("−") else "+" + written

    lines.append(
        table(
            [
                {
                    t("cli.col.axis"): f"{a.negative} – {a.positive}",
                    "n": a.classified,
                    t("cli.col.mean"): mean(a.mean),
                    "-2": a.counts.get(-2, 0),
                    "-1": a.counts.get(-1, 0),
                    "0": a.counts.get(0, 0),
                    "+1": a.counts.get(1, 0),
                    "+2": a.counts.get(2, 0),
                    t("cli.col.leans"): a.lean,
                }
                for a in result.axes
            ],
            t,
        )
    )
    lines += ["", t("cli.portfolio.weak")]
    lines.append(
        table(
            [
                {
                    t("cli.col.id"): c.id,
                    t("cli.col.statement"): shorten(c.text, 40),
                    t("cli.col.score"): t.pct(c.score, 1),
                    t("cli.col.initiatives"): ", ".join(c.direct)
                    + (
                        t("cli.portfolio.via", names=", ".join(c.via_dimension))
                        if c.via_dimension
                        else ""
                    )
                    or t("cli.portfolio.none"),
                }
                for c in result.coverage
                if c.weak
            ],
            t,
        )
    )
    if result.uncovered_weak:
        lines.append(t("cli.portfolio.uncovered", ids=", ".join(result.uncovered_weak)))
    else:
        lines.append(t("cli.portfolio.covered"))
    parts = ", ".join(f"{k} {v}" for k, v in result.by_part.items())
    lines += ["", t("cli.portfolio.per_part", parts=parts)]
    return _lines(lines)


__all__ = [
    "header",
    "render_compare",
    "render_gap",
    "render_groups",
    "render_portfolio",
    "render_priorities",
    "render_reliability",
    "render_score",
    "table",
]
