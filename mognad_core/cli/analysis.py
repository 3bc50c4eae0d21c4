"""``mognad gap|priorities|compare|groups|reliability|portfolio``: the analysis commands.

Thin: each command reads the responses, calls the public analysis API and prints a table or JSON.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from ..errors import MognadError
from ..texts import Message
from . import cli
from .options import (
    emit,
    format_option,
    lang_option,
    mapping_option,
    min_size_option,
    model_option,
    sheet_option,
    target_option,
    where_option,
)

if TYPE_CHECKING:
    from ..responses import ResponseSet

# The heavy modules (pandas, scipy, the analysis layer) are imported inside the commands, so
# that ``mognad --help`` starts without them (tests/test_cli_start.py).


def _level_option(default: str, choices: tuple[str, ...]) -> Any:
    def check(ctx: click.Context, param: click.Parameter, value: str) -> str:
        # a MognadError: written at the exit path in the command's language (click's usage
        # error would be English)
        from ..schema import check_level

        return check_level(value, choices, default)

    return click.option(
        "--level",
        "-l",
        metavar=f"[{'|'.join(choices)}]",
        default=default,
        show_default=True,
        callback=check,
        help="Which parts to show (also in Swedish or plural: påståenden).",
    )


def read_input(
    file: str,
    model: str,
    sheet: str | None,
    mapping: str | None,
    where: tuple[str, ...] = (),
) -> ResponseSet:
    """The responses of FILE selected by ``--where`` (their results carry the wave note when
    several waves are analysed together: :meth:`ResponseSet.result_notes`)."""
    from ..responses import ResponseSet

    return ResponseSet.from_any(file, model, sheet=sheet, mapping=mapping).where(*where)


# ---- commands ----------------------------------------------------------------------------
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
    from .. import disclosure
    from ..analysis import gap
    from ..plugins import load_model
    from ..scoring import score_responses
    from ..targets import default_target
    from .render import header, render_gap

    m = load_model(model)
    if target is None and default_target(m) is None:  # else gap() takes the default benchmark
        names = ", ".join(b.name for b in m.benchmarks) or Message("error.none")
        raise MognadError(Message("error.gap_target_option", model=m.name, benchmarks=names))
    pol = disclosure.policy(min_size, lang)
    rs = read_input(file, model, sheet, mapping, where)
    scored = score_responses(rs, insights=False, context={"lang": lang}, min_size=pol)
    result = gap(scored, target, model=rs.model, level=level, lang=lang)
    emit(result, fmt, lambda: render_gap(result, header(rs, where, lang), lang), pol, lang)


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
@_level_option("area", ("area", "statement", "category", "dimension", "all"))
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
    """Where to start: the 1-2 areas to work on, each with its reason and the statements
    behind it (the rule is printed); --level statement ranks single statements."""
    from .. import disclosure
    from ..analysis import priorities, where_to_start
    from ..scoring import score_responses
    from .render import header, render_priorities, render_start

    pol = disclosure.policy(min_size, lang)
    rs = read_input(file, model, sheet, mapping, where)
    scored = score_responses(rs, insights=False, context={"lang": lang}, min_size=pol)
    if level == "area":
        start = where_to_start(scored, count=count, target=target, model=rs.model, lang=lang)
        head = header(rs, where, lang)
        emit(start, fmt, lambda: render_start(start, head, lang), pol, lang)
        return
    result = priorities(
        scored,
        target=target,
        count=count,
        model=rs.model,
        level=level,
        context={"responses": rs},
        lang=lang,
    )
    emit(result, fmt, lambda: render_priorities(result, header(rs, where, lang), lang), pol, lang)


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
    "(default: the latest and the one before it, as in a report).",
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
    "--resampling",
    type=click.Choice(["index", "multinomial"]),
    default="index",
    show_default=True,
    help="How the bootstrap draws: multinomial reproduces results of mognad 0.1.0 (10x slower).",
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
def compare_cmd(
    files,
    column,
    waves,
    n_boot,
    seed,
    resampling,
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
    from .. import disclosure
    from ..analysis import compare, compare_waves
    from .render import header, render_compare

    pol = disclosure.policy(min_size, lang)
    if len(files) > 2:
        raise MognadError(Message("error.compare_files"))
    if len(files) == 2:
        if column or waves:
            raise MognadError(Message("error.compare_one_file"))
        before = read_input(files[0], model, sheet, mapping, where)
        after = read_input(files[1], model, sheet, mapping, where)
        result = compare(
            before, after, n_boot=n_boot, seed=seed, resampling=resampling, lang=lang, min_size=pol
        )
        heading = ""
    else:
        rs = read_input(files[0], model, sheet, mapping, where)
        wave_pair = None
        if waves:
            wave_pair = [w.strip() for w in waves.split(",")]
            if len(wave_pair) != 2 or not all(wave_pair):
                raise MognadError(Message("error.compare_waves_option", waves=repr(waves)))
        result = compare_waves(
            rs,
            column,
            wave_pair,
            n_boot=n_boot,
            seed=seed,
            resampling=resampling,
            lang=lang,
            min_size=pol,
        )
        heading = header(rs, where, lang)
    emit(result, fmt, lambda: render_compare(result, heading, statements, lang), pol, lang)


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
    from .. import disclosure
    from ..analysis import groups
    from .render import header, render_groups

    pol = disclosure.policy(min_size, lang)
    rs = read_input(file, model, sheet, mapping, where)
    columns = [c.strip() for b in by for c in b.split(",") if c.strip()]
    result = groups(rs, columns, min_size=pol, lang=lang, top=top)
    emit(
        result, fmt, lambda: render_groups(result, header(rs, where, lang), level, lang), pol, lang
    )


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
    from .. import disclosure
    from ..analysis import reliability
    from .render import header, render_reliability

    pol = disclosure.policy(min_size, lang)
    rs = read_input(file, model, sheet, mapping, where)
    result = reliability(rs, invited=invited, lang=lang, min_size=pol)
    emit(
        result,
        fmt,
        lambda: render_reliability(result, header(rs, where, lang), statements, lang),
        pol,
        lang,
    )


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
    from .. import disclosure
    from ..analysis import portfolio
    from ..scoring import score_responses
    from .render import header, render_portfolio

    pol = disclosure.policy(min_size, lang)
    rs = read_input(responses, model, sheet, mapping, where)
    scored = score_responses(rs, insights=False, context={"lang": lang}, min_size=pol)
    result = portfolio(initiatives, scored, model=rs.model, weak=weak, lang=lang)
    emit(result, fmt, lambda: render_portfolio(result, header(rs, where, lang), lang), pol, lang)
