"""``mognad score`` and ``mognad demo``."""

from __future__ import annotations

from pathlib import Path

import click

from .. import disclosure, texts
from ..analysis.compare import several_waves
from ..disclosure import policy_of
from ..errors import MognadError
from ..plugins import get_samples, load_model
from ..responses import read_responses
from ..results import ScoreResult
from ..scoring import score as score_api
from ..scoring import score_responses
from . import cli
from .analysis import apply_where, read_input, where_option
from .options import (
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
        k = result.disclosure.min_size if result.disclosure else None
        hidden_n = texts.text("hidden_size", lang, k=k)
        rows = []
        for s in result.statements.values():
            text = (s.text_en or s.text) if lang == "en" else s.text
            rows.append(
                {
                    "Id": s.id,
                    "Statement": text if len(text) <= 48 else text[:47] + "…",
                    "Score": pct(s.score),
                    "Mean": "–" if s.mean is None else f"{s.mean:.2f}",
                    "n": s.n if s.n is not None else hidden_n,
                    "Vet ej": pct(s.dont_know_share),
                }
            )
        lines += ["", table(rows, left=("Id", "Statement"))]
    for ins in result.insights:
        lines += ["", f"{ins.title}", f"  {ins.text}" if ins.text else ""]
        for row in ins.rows:
            lines.append("  - " + "; ".join(f"{k}: {v}" for k, v in row.items()))
    return "\n".join(line for line in lines if line is not None).rstrip() + "\n"


def _emit(result: ScoreResult, fmt: str, lang: str, notes: bool = True) -> None:
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
    pol = disclosure.policy(min_size, lang)
    rs = read_input(file, model, sheet, mapping, where)
    _emit(score_api(rs, target=target, lang=lang, min_size=pol), fmt, lang)


@cli.command()
@model_option
@lang_option
@format_option
def demo(model: str, lang: str, fmt: str) -> None:
    """Score the latest wave of a model's bundled sample data and print the result."""
    samples = get_samples(model, kind="responses")
    if not samples:
        known = ", ".join(sorted({s.model for s in get_samples()})) or "none"
        raise MognadError(f"No sample data for model {model!r}. Models with samples: {known}.")
    sample = samples[0]
    rs = read_responses(sample.path, load_model(model))
    waves = several_waves(rs)
    latest = apply_where(rs, (f"{waves[0]}={waves[1][-1]}",)) if waves else rs
    if fmt == "table":
        click.echo(f"Sample data: {sample.path}\n  ({sample.description})")
        if waves:
            col, present = waves
            click.echo(
                f"  Latest wave: {col} = {present[-1]}, {latest.n} of {rs.n} respondents; "
                f"earlier: {', '.join(present[:-1])}"
            )
        click.echo()
    result = score_api(latest, lang=lang)
    _emit(result, fmt, lang, notes=fmt != "table")
    if fmt != "table":
        return
    path = sample.path
    lines = ["Next steps with this file:"]
    groups = " --groups förvaltning" if "förvaltning" in rs.attributes.columns else ""
    if waves:
        col, present = waves
        earlier = score_responses(apply_where(rs, (f"{col}={present[-2]}",)), insights=False)
        lines[:0] = [
            f"Change since {present[-2]}: overall {pct(earlier.overall)} -> "
            f"{pct(result.overall)} ({(result.overall - earlier.overall) * 100:+.1f} "
            "percentage points)",
            "",
        ]
        lines += [
            f"  mognad compare {path} --column {col}",
            f"  mognad priorities {path} -m {model} --where {col}={present[-1]}",
            f"  mognad report {path} -m {model} --compare {col}{groups} -o rapport/",
        ]
    else:
        lines += [
            f"  mognad priorities {path} -m {model}",
            f"  mognad report {path} -m {model}{groups} -o rapport/",
        ]
    click.echo("\n".join(lines))
    _notes(result, lang)  # last, after the next steps
