"""``mognad score`` and ``mognad demo``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..errors import MognadError
from ..texts import Message, Texts
from . import cli
from .analysis import read_input
from .options import (
    echo_notes,
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
    from ..results import ScoreResult

# pandas, pydantic and the scoring are imported inside the commands (tests/test_cli_start.py)


def _emit(result: ScoreResult, fmt: str, lang: str, notes: bool = True) -> None:
    from ..disclosure import policy_of
    from .render import render_score

    shown = result if notes else result.model_copy(update={"notes": []})
    emit(shown, fmt, lambda: render_score(result, lang), policy_of(result), lang)


def _notes(result: ScoreResult, lang: str = "sv") -> None:
    echo_notes(result.notes, lang)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@model_option
@sheet_option
@mapping_option
@where_option
@target_option
@min_size_option
@lang_option
@format_option
def score(
    file: str,
    model: str,
    sheet: str | None,
    mapping: str | None,
    where: tuple[str, ...],
    target: str | None,
    min_size: int | None,
    lang: str,
    fmt: str,
) -> None:
    """Score a response file (.xlsx, .xlsm, .csv) against a model."""
    from .. import disclosure
    from ..scoring import score as score_api

    pol = disclosure.policy(min_size, lang)
    rs = read_input(file, model, sheet, mapping, where)
    _emit(score_api(rs, target=target, lang=lang, min_size=pol), fmt, lang)


@cli.command()
@model_option
@lang_option
@format_option
def demo(model: str, lang: str, fmt: str) -> None:
    """Score the latest wave of a model's bundled sample data and print the result."""
    from ..plugins import get_samples
    from ..responses import ResponseSet
    from ..scoring import score as score_api
    from ..scoring import score_responses

    samples = get_samples(model, kind="responses")
    if not samples:
        known = ", ".join(sorted({s.model for s in get_samples()})) or Message("error.none")
        raise MognadError(Message("error.no_sample", model=repr(model), known=known))
    sample = samples[0]
    t = Texts(lang)
    rs = ResponseSet.from_any(sample.path, model)
    model = rs.model.name  # the next steps name the model as it is registered
    latest, before = rs.latest_wave()  # the latest wave and the one before (library policy)
    waves = rs.waves() if before is not None else None
    if fmt == "table":
        click.echo(f"{t('cli.demo.sample', path=sample.path)}\n  ({sample.describe(lang)})")
        if waves:
            click.echo(
                t(
                    "cli.demo.latest",
                    column=waves.column,
                    wave=waves.latest,
                    n=latest.n,
                    total=rs.n,
                    earlier=", ".join(waves.labels[:-1]),
                )
            )
        click.echo()
    result = score_api(latest, lang=lang)
    _emit(result, fmt, lang, notes=fmt != "table")
    if fmt != "table":
        return
    path = sample.path
    lines = [t("cli.demo.next")]
    lang_arg = t("cli.lang_arg")  # the next steps print in this language too
    groups = " --groups förvaltning" if "förvaltning" in rs.attributes.columns else ""
    if waves:
        col = waves.column
        earlier = score_responses(before, insights=False)
        change = t.pp(result.overall - earlier.overall, long=True)
        lines[:0] = [
            t(
                "cli.demo.change",
                wave=waves.previous,
                before=t.pct(earlier.overall, 1),
                after=t.pct(result.overall, 1),
                change=change,
            ),
            "",
        ]
        lines += [
            f"  mognad compare {path} --column {col}{lang_arg}",
            f"  mognad priorities {path} -m {model} --where {col}={waves.latest}{lang_arg}",
            f"  mognad report {path} -m {model} --compare {col}{groups}{lang_arg} -o rapport/",
        ]
    else:
        lines += [
            f"  mognad priorities {path} -m {model}{lang_arg}",
            f"  mognad report {path} -m {model}{groups}{lang_arg} -o rapport/",
        ]
    click.echo("\n".join(lines))
    _notes(result, lang)  # last, after the next steps
