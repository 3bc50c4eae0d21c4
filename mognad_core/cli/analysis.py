"""``mognad gap|priorities|compare|groups|reliability|portfolio``: the analysis commands.

Thin: each command reads the responses, calls the public analysis API and prints a table or JSON.
"""

from __future__ import annotations

import textwrap
from typing import Any

import click

from .. import disclosure
from ..analysis import (
    CompareResult,
    GapResult,
    GroupResult,
    PortfolioResult,
    PriorityResult,
    ReliabilityResult,
    compare,
    compare_waves,
    gap,
    groups,
    portfolio,
    priorities,
    reliability,
)
from ..analysis.compare import several_waves
from ..analysis.portfolio import STATUS_ORDER
from ..errors import MognadError
from ..plugins import load_model
from ..responses import ResponseSet, read_responses
from ..schema import check_level
from ..scoring import score_responses
from ..targets import default_target
from . import cli
from .options import (
    echo_json,
    echo_notes,
    emit,
    format_option,
    lang_option,
    mapping_option,
    min_size_option,
    model_option,
    pct,
    sheet_option,
    table,
)

where_option = click.option(
    "--where",
    "where",
    multiple=True,
    metavar="COLUMN=VALUE",
    help="Only respondents with this value in an attribute column, e.g. --where år=2025 "
    "(repeat for several conditions).",
)
target_option = click.option(
    "--target",
    "-t",
    default=None,
    help="A number (0.6 or 60%), a benchmark name (see `mognad models show`), a level name, "
    "'next' (the next maturity level), 'dim=value,...' or a .yaml/.json/.csv file of "
    "dimension targets. gap without it: the model's default benchmark (DiMiOS: national_2021).",
)


def _level_option(default: str, choices: tuple[str, ...]) -> Any:
    def check(ctx: click.Context, param: click.Parameter, value: str) -> str:
        try:
            return check_level(value, choices, default)
        except MognadError as exc:
            raise click.BadParameter(str(exc), ctx, param) from None

    return click.option(
        "--level",
        "-l",
        metavar=f"[{'|'.join(choices)}]",
        default=default,
        show_default=True,
        callback=check,
        help="Which parts to show (also in Swedish or plural: påståenden).",
    )


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def apply_where(rs: ResponseSet, where: tuple[str, ...]) -> ResponseSet:
    """``--where COLUMN=VALUE`` conditions: :meth:`ResponseSet.where`."""
    return rs.where(*where) if where else rs


def pooled_waves_note(rs: ResponseSet, file: str) -> str | None:
    """A note for responses that hold several waves (a column such as år), analysed together."""
    waves = several_waves(rs)
    if waves is None:
        return None
    col, present = waves
    return (
        f'Note: the file holds {len(present)} waves in column "{col}" ({", ".join(present)}), '
        f"analysed together. Take one with --where {col}={present[-1]}; compare them with "
        f"`mognad compare {file} --column {col}`."
    )


def read_input(
    file: str, model: str, sheet: str | None, mapping: str | None, where=(), waves_note=True
) -> ResponseSet:
    rs = read_responses(file, load_model(model), sheet=sheet, mapping=mapping)
    note = pooled_waves_note(rs, file) if waves_note and not where else None
    if note:
        click.echo(note, err=True)
    return apply_where(rs, where)


_LEFT = (
    "Id",
    "Part",
    "Kind",
    "Group",
    "Shown",
    "Why hidden",
    "Statement",
    "Initiatives",
    "Axis",
    "Leans to",
    "Warning",
    "",
)


def _table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "(nothing to show)"
    return table(rows, left=_LEFT)


def _short(text: str, width: int = 44) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _pp(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:+.1f} pp"


def _notes(notes: list[str], lang: str = "sv") -> None:
    echo_notes(notes, lang)


def _header(rs: ResponseSet, where: tuple[str, ...]) -> str:
    from pathlib import Path

    src = Path(rs.source).name if rs.source else "responses"
    cond = f" ({', '.join(where)})" if where else ""
    return f"{src}{cond}: {rs.n} respondents"


# ---- renderers ---------------------------------------------------------------------------
def render_gap(r: GapResult, header: str = "") -> str:
    lines = [header] if header else []
    o = r.overall
    derived = " (weighted mean of the dimension targets)" if o.target_from == "dimensions" else ""
    lines.append(
        f"Target: {r.target_label}. Overall {pct(o.score)} vs {pct(o.target)}{derived}: "
        f"{_pp(o.gap)}"
    )
    lines.append("")
    lines.append(
        _table(
            [
                {
                    "Id": x.id,
                    "Part": _short(x.label),
                    "Kind": x.kind,
                    "Score": pct(x.score),
                    "Target": pct(x.target) + (" *" if x.target_from else ""),
                    "Gap": _pp(x.gap),
                }
                for x in r.rows
            ]
        )
    )
    if any(x.target_from for x in r.rows):
        lines.append("* target inherited from the dimension above")
    return "\n".join(lines)


def render_priorities(r: PriorityResult, header: str = "") -> str:
    lines = [header] if header else []
    what = {"statement": "statements", "category": "categories", "dimension": "dimensions"}
    lines.append(
        f"Where to start: the top {len(r.items)} of {len(r.ranked)} "
        f"{what.get(r.level, 'parts')}" + (f", target {r.target_label}" if r.target_label else "")
    )
    lines.append("")
    for p in r.items:
        flag = "  [low score + high vet ej]" if p.vetlanda else ""
        lines.append(f"{p.rank}. {p.id}  {p.label}{flag}")
        lines.append(
            f"   score {pct(p.score)}, vet ej {pct(p.dont_know_share)}"
            + (f", gap {_pp(p.gap)}" if p.gap is not None else "")
            + (f", priority {p.priority:.2f}" if p.priority is not None else "")
        )
        lines.append(f"   why: {p.reason}")
    lines += ["", textwrap.fill(f"Rule ({r.ranked_by}): {r.rule}", width=96)]
    return "\n".join(lines)


def render_compare(r: CompareResult, header: str = "", statements: bool = True) -> str:
    lines = [header] if header else []
    lines.append(
        f"{r.before_label} (n={r.n_before}) -> {r.after_label} (n={r.n_after}); 95 % intervals: "
        f"statements Welch t, dimensions bootstrap ({r.n_boot} replicates, seed {r.seed})"
    )
    if r.improved_all is None:
        verdict = "no statement has a score in both waves"
    elif r.improved_all:
        verdict = f"yes, all {r.compared} statements improved"
    else:
        verdict = f"no: {r.improved} of {r.compared} improved, {r.declined} declined"
    lines.append(f"Improved on every statement? {verdict}.")
    lines.append(
        f"Changes larger than their uncertainty: {r.significant_up} up, {r.significant_down} down."
    )

    def rows(items) -> list[dict[str, Any]]:
        return [
            {
                "Id": x.id,
                "Part": _short(("  " if x.kind == "category" else "") + x.label, 40),
                "Before": pct(x.before),
                "After": pct(x.after),
                "Change": _pp(x.change),
                "95 % interval": "–"
                if x.ci_low is None
                else f"{x.ci_low * 100:+.1f} to {x.ci_high * 100:+.1f}",
                "": "*" if x.significant else "",
            }
            for x in items
        ]

    lines += ["", _table(rows([r.overall, *r.dimensions]))]
    if statements:
        lines += ["", _table(rows(r.statements))]
    lines += ["", "* the interval excludes zero: the change is larger than its uncertainty"]
    return "\n".join(lines)


def render_groups(r: GroupResult, header: str = "", kind: str = "dimension") -> str:
    lines = [header] if header else []
    lines.append(f"Groups by {', '.join(r.by)} (minimum group size {r.min_size})")
    frame = r.frame(kind)
    rows_by_id = {x.id: x for x in r.rows}

    def total(pid: str, digits: int) -> str:
        x = rows_by_id[pid]
        return "suppr." if x.total_hidden else pct(x.total, digits)

    def cell(g: Any, pid: str) -> str:
        return "suppr." if g.suppressed else pct(rows_by_id[pid].values.get(g.name), 0)

    if kind == "dimension":
        # one row per group, the parts as columns
        rows = [{"Group": "Total", "n": r.n_total, **{pid: total(pid, 0) for pid in frame.index}}]
        for g in r.groups:
            rec: dict[str, Any] = {"Group": g.name, "n": "–" if g.n is None else g.n}
            rec.update({pid: cell(g, pid) for pid in frame.index})
            rows.append(rec)
        lines += ["", _table(rows)]
    else:
        short = {g.name: f"G{i + 1}" for i, g in enumerate(r.groups)}
        out_rows = []
        for pid in frame.index:
            rec = {
                "Id": pid,
                "Part": _short(rows_by_id[pid].label, 32),
                "Total": total(pid, 0),
            }
            rec.update({short[g.name]: cell(g, pid) for g in r.groups})
            out_rows.append(rec)
        lines += ["", _table(out_rows)]
        lines += [""] + [
            f"  {short[g.name]} = {g.name} (n={'–' if g.n is None else g.n})" for g in r.groups
        ]
    hidden = [g for g in r.groups if g.suppressed]
    if hidden:
        lines += ["", "Suppressed (anonymity):"]
        lines += [f"  {g.name}: {g.reason}" for g in hidden]
    shown = [
        d
        for d in r.disagreements
        if kind == "all" or (d.kind == "statement") == (kind == "statement")
    ]
    if shown:
        lines += ["", "Where the groups disagree most (highest minus lowest visible group):"]
        for d in shown:
            lines.append(
                f"  {d.id} {_short(d.label, 40)}: {d.spread * 100:.0f} pp "
                f"({d.low_group} {pct(d.low, 0)} – {d.high_group} {pct(d.high, 0)})"
            )
    return "\n".join(lines)


def _count(value: int | None) -> str:
    """A count, or "dold" for one the anonymity policy hides."""
    return "dold" if value is None else str(value)


def render_reliability(r: ReliabilityResult, header: str = "", statements: bool = True) -> str:
    lines = [header] if header else []
    rate = "" if r.response_rate is None else f" of {r.invited} invited ({pct(r.response_rate)})"
    lines.append(f"Respondents: {r.n_respondents}{rate}")
    lines.append("")
    lines.append(
        _table(
            [
                {
                    "Id": d.id,
                    "Part": _short(("  " if d.kind == "category" else "") + d.label, 32),
                    "Items": d.items,
                    "n": d.n,
                    "Complete": d.n_complete,
                    "Alpha": "–" if d.alpha is None else f"{d.alpha:.2f}",
                    "Warning": d.warning or "",
                }
                for d in r.dimensions
            ]
        )
    )
    if statements:
        lines.append("")
        lines.append(
            _table(
                [
                    {
                        "Id": s.id,
                        "n": _count(s.n),
                        "Vet ej": _count(s.dont_know),
                        "Blank": _count(s.missing),
                        "±95 %": "–"
                        if s.ci_half_width is None
                        else f"{s.ci_half_width * 100:.1f} pp",
                        "Warning": s.warning or "",
                    }
                    for s in r.statements
                ]
            )
        )
    return "\n".join(lines)


def render_portfolio(r: PortfolioResult, header: str = "") -> str:
    lines = [header] if header else []
    counts = ", ".join(f"{r.by_status.get(s, 0)} {s}" for s in STATUS_ORDER)
    lines.append(f"{len(r.initiatives)} initiatives ({counts}); weak = {r.weak_rule}")
    lines.append("")
    lines.append("Balance on the three axes (-2 .. +2):")
    lines.append(
        _table(
            [
                {
                    "Axis": f"{a.negative} – {a.positive}",
                    "n": a.classified,
                    "Mean": "–" if a.mean is None else f"{a.mean:+.2f}",
                    "-2": a.counts.get(-2, 0),
                    "-1": a.counts.get(-1, 0),
                    "0": a.counts.get(0, 0),
                    "+1": a.counts.get(1, 0),
                    "+2": a.counts.get(2, 0),
                    "Leans to": a.lean,
                }
                for a in r.axes
            ]
        )
    )
    lines += ["", "Weak statements and the initiatives that address them:"]
    weak = [c for c in r.coverage if c.weak]
    lines.append(
        _table(
            [
                {
                    "Id": c.id,
                    "Statement": _short(c.text, 40),
                    "Score": pct(c.score),
                    "Initiatives": ", ".join(c.direct)
                    + (f" (via dimension: {', '.join(c.via_dimension)})" if c.via_dimension else "")
                    or "NONE",
                }
                for c in weak
            ]
        )
    )
    if r.uncovered_weak:
        lines.append(f"Weak statements with no initiative: {', '.join(r.uncovered_weak)}")
    else:
        lines.append("Every weak statement has at least one initiative.")
    lines += ["", "Initiatives per part: " + ", ".join(f"{k} {v}" for k, v in r.by_part.items())]
    return "\n".join(lines)


# ---- commands ----------------------------------------------------------------------------
def _dump(result: Any) -> None:
    echo_json(result.model_dump(mode="json"))


@cli.command("gap")
@click.argument("file", type=click.Path(dir_okay=False))
@target_option
@_level_option("dimension", ("dimension", "category", "statement", "all"))
@model_option
@sheet_option
@mapping_option
@where_option
@min_size_option
@lang_option
@format_option
def gap_cmd(file, target, level, model, sheet, mapping, where, min_size, lang, fmt) -> None:
    """Gap to a target per dimension, category or statement, largest shortfall first."""
    m = load_model(model)
    if target is None and default_target(m) is None:  # else gap() takes the default benchmark
        names = ", ".join(b.name for b in m.benchmarks) or "none"
        raise MognadError(
            f"gap needs --target: a number (60%), a benchmark of {m.name} ({names}), a level name "
            "or a per-dimension profile."
        )
    pol = disclosure.policy(min_size, lang)
    rs = read_input(file, model, sheet, mapping, where)
    scored = score_responses(rs, insights=False, context={"lang": lang}, min_size=pol)
    result = gap(scored, target, model=rs.model, level=level, lang=lang)
    emit(result, fmt, lambda: render_gap(result, _header(rs, where)), pol, lang)


@cli.command("priorities")
@click.argument("file", type=click.Path(dir_okay=False))
@target_option
@click.option(
    "--count",
    "-n",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="How many areas to suggest (users are advised to choose few).",
)
@_level_option("statement", ("statement", "category", "dimension", "all"))
@model_option
@sheet_option
@mapping_option
@where_option
@min_size_option
@lang_option
@format_option
def priorities_cmd(
    file, target, count, level, model, sheet, mapping, where, min_size, lang, fmt
) -> None:
    """Where to start: low scores with a high vet-ej share first (the rule is printed)."""
    pol = disclosure.policy(min_size, lang)
    rs = read_input(file, model, sheet, mapping, where)
    result = priorities(
        score_responses(rs, insights=False, context={"lang": lang}, min_size=pol),
        target=target,
        count=count,
        model=rs.model,
        level=level,
        context={"responses": rs},
        lang=lang,
    )
    emit(result, fmt, lambda: render_priorities(result, _header(rs, where)), pol, lang)


@cli.command("compare")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--column",
    "-c",
    default=None,
    help="Wave column in a single file (default: år, year, wave or våg).",
)
@click.option(
    "--waves",
    "-w",
    default=None,
    metavar="BEFORE,AFTER",
    help="The two waves to compare in a single file, e.g. 2024,2025 "
    "(default: the earliest and the latest).",
)
@click.option(
    "--boot",
    "n_boot",
    type=click.IntRange(min=100),
    default=2000,
    show_default=True,
    help="Bootstrap replicates for the dimension intervals.",
)
@click.option("--seed", type=int, default=2025, show_default=True, help="Bootstrap seed.")
@click.option(
    "--statements/--no-statements",
    default=True,
    show_default=True,
    help="Show the per-statement table.",
)
@model_option
@sheet_option
@mapping_option
@where_option
@min_size_option
@lang_option
@format_option
def compare_cmd(
    files,
    column,
    waves,
    n_boot,
    seed,
    statements,
    model,
    sheet,
    mapping,
    where,
    min_size,
    lang,
    fmt,
) -> None:
    """Change between two waves: FILE_BEFORE FILE_AFTER, or one FILE with a wave column."""
    pol = disclosure.policy(min_size, lang)
    if len(files) > 2:
        raise MognadError(
            "compare takes one file (with a wave column) or two files (before, after)."
        )
    if len(files) == 2:
        if column or waves:
            raise MognadError("--column and --waves are for one file holding both waves.")
        before = read_input(files[0], model, sheet, mapping, where, waves_note=False)
        after = read_input(files[1], model, sheet, mapping, where, waves_note=False)
        result = compare(before, after, n_boot=n_boot, seed=seed, lang=lang, min_size=pol)
        header = ""
    else:
        rs = read_input(files[0], model, sheet, mapping, where, waves_note=False)
        wave_pair = None
        if waves:
            wave_pair = [w.strip() for w in waves.split(",")]
            if len(wave_pair) != 2 or not all(wave_pair):
                raise MognadError(f"--waves {waves!r}: give two waves, e.g. --waves 2024,2025.")
        result = compare_waves(
            rs, column, wave_pair, n_boot=n_boot, seed=seed, lang=lang, min_size=pol
        )
        header = _header(rs, where)
    emit(result, fmt, lambda: render_compare(result, header, statements), pol, lang)


@cli.command("groups")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--by",
    "-b",
    "by",
    required=True,
    multiple=True,
    help="Attribute column(s) to group by, e.g. förvaltning (repeat, or comma-separate, "
    "for combinations).",
)
@min_size_option
@_level_option("dimension", ("dimension", "statement", "all"))
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=5,
    show_default=True,
    help="How many disagreements to report.",
)
@model_option
@sheet_option
@mapping_option
@where_option
@lang_option
@format_option
def groups_cmd(file, by, min_size, level, top, model, sheet, mapping, where, lang, fmt) -> None:
    """Scores per group side by side; small groups suppressed (anonymity)."""
    pol = disclosure.policy(min_size, lang)
    rs = read_input(file, model, sheet, mapping, where)
    columns = [c.strip() for b in by for c in b.split(",") if c.strip()]
    result = groups(rs, columns, min_size=pol, lang=lang, top=top)
    emit(result, fmt, lambda: render_groups(result, _header(rs, where), level), pol, lang)


@cli.command("reliability")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--invited",
    type=click.IntRange(min=1),
    default=None,
    help="How many people were invited (gives the response rate).",
)
@click.option(
    "--statements/--no-statements",
    default=True,
    show_default=True,
    help="Show the per-statement table.",
)
@model_option
@sheet_option
@mapping_option
@where_option
@min_size_option
@lang_option
@format_option
def reliability_cmd(
    file, invited, statements, model, sheet, mapping, where, min_size, lang, fmt
) -> None:
    """n per statement and dimension, response rate, Cronbach's alpha, small-n warnings."""
    pol = disclosure.policy(min_size, lang)
    rs = read_input(file, model, sheet, mapping, where)
    result = reliability(rs, invited=invited, lang=lang, min_size=pol)
    emit(result, fmt, lambda: render_reliability(result, _header(rs, where), statements), pol, lang)


@cli.command("portfolio")
@click.argument("responses", type=click.Path(dir_okay=False))
@click.argument("initiatives", type=click.Path(dir_okay=False))
@click.option(
    "--weak",
    default="median",
    show_default=True,
    help="Which statements are weak: 'median' (below the median statement score), a "
    "number (50%) or a target (e.g. a benchmark name).",
)
@model_option
@sheet_option
@mapping_option
@where_option
@min_size_option
@lang_option
@format_option
def portfolio_cmd(
    responses, initiatives, weak, model, sheet, mapping, where, min_size, lang, fmt
) -> None:
    """Initiative portfolio: which weak statements lack an initiative, balance on three axes."""
    pol = disclosure.policy(min_size, lang)
    rs = read_input(responses, model, sheet, mapping, where)
    scored = score_responses(rs, insights=False, context={"lang": lang}, min_size=pol)
    result = portfolio(initiatives, scored, model=rs.model, weak=weak, lang=lang)
    emit(result, fmt, lambda: render_portfolio(result, _header(rs, where)), pol, lang)
