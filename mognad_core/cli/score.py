"""``mognad score`` and ``mognad demo``."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import MognadError
from ..plugins import get_samples
from ..results import ScoreResult
from ..scoring import score as score_api
from . import cli
from .options import (
    echo_json,
    format_option,
    lang_option,
    mapping_option,
    model_option,
    pct,
    sheet_option,
    table,
)

target_option = click.option(
    "--target",
    "-t",
    default=None,
    help="Target to compare with: a number (0.6 or 60%), a benchmark name (e.g. national), "
    "a level name, 'dim=value,...' or a .yaml/.json/.csv file of dimension targets.",
)


def render_score(result: ScoreResult, lang: str = "sv", statements: bool = True) -> str:
    """The human-readable table for a score result."""
    title = (result.title_en or result.title) if lang == "en" else result.title
    lines = [f"{title} ({result.model} {result.model_version})"]
    if result.source:
        lines.append(f"Responses: {Path(result.source).name}, {result.n_respondents} respondents")
    else:
        lines.append(f"Responses: {result.n_respondents} respondents")
    level = f"   Level: {result.level}" if result.level else ""
    lines += ["", f"Overall score: {pct(result.overall)}{level}", ""]
    rows = []
    for d in result.dimensions.values():
        label = (d.label_en or d.label) if lang == "en" else d.label
        rows.append(
            {
                "Dimension": "  " * d.depth + label,
                "Score": pct(d.score),
                "Level": d.level or "",
                "n": d.n,
                "Vet ej": pct(d.dont_know_share),
            }
        )
    if not any(r["Level"] for r in rows):
        for r in rows:
            del r["Level"]
    lines.append(table(rows, left=("Dimension", "Level")))
    if statements:
        rows = []
        for s in result.statements.values():
            text = (s.text_en or s.text) if lang == "en" else s.text
            rows.append(
                {
                    "Id": s.id,
                    "Statement": text if len(text) <= 48 else text[:47] + "…",
                    "Score": pct(s.score),
                    "Mean": "–" if s.mean is None else f"{s.mean:.2f}",
                    "n": s.n,
                    "Vet ej": pct(s.dont_know_share),
                }
            )
        lines += ["", table(rows, left=("Id", "Statement"))]
    for ins in result.insights:
        lines += ["", f"{ins.title}", f"  {ins.text}" if ins.text else ""]
        for row in ins.rows:
            lines.append("  - " + "; ".join(f"{k}: {v}" for k, v in row.items()))
    return "\n".join(line for line in lines if line is not None).rstrip() + "\n"


def _emit(result: ScoreResult, fmt: str, lang: str) -> None:
    if fmt == "json":
        echo_json(result.model_dump(mode="json"))
    else:
        click.echo(render_score(result, lang))
    for note in result.notes:
        click.echo(f"Note: {note}", err=True)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@model_option
@sheet_option
@mapping_option
@target_option
@lang_option
@format_option
def score(
    file: str,
    model: str,
    sheet: str | None,
    mapping: str | None,
    target: str | None,
    lang: str,
    fmt: str,
) -> None:
    """Score a response file (.xlsx, .xlsm, .csv) against a model."""
    result = score_api(file, model, sheet=sheet, mapping=mapping, target=target, lang=lang)
    _emit(result, fmt, lang)


@cli.command()
@model_option
@lang_option
@format_option
def demo(model: str, lang: str, fmt: str) -> None:
    """Score the bundled sample data of a model and print the result."""
    samples = get_samples(model, kind="responses")
    if not samples:
        known = ", ".join(sorted({s.model for s in get_samples()})) or "none"
        raise MognadError(f"No sample data for model {model!r}. Models with samples: {known}.")
    sample = samples[0]
    if fmt == "table":
        click.echo(f"Sample data: {sample.path}\n  ({sample.description})\n")
    result = score_api(sample.path, model, lang=lang)
    _emit(result, fmt, lang)
