"""``mognad dmm workshop``: leadership groups side by side (added through ``register_commands``)."""

from __future__ import annotations

import click

from .groups import render_workshop, workshop


@click.group("dmm")
def dmm_group() -> None:
    """Digital Maturity Matrix tools (nine digital engines)."""


@dmm_group.command("workshop")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--groups",
    "-g",
    "by",
    default="ledningsgrupp",
    show_default=True,
    help="Column that names each respondent's group (e.g. ledningsgrupp).",
)
@click.option(
    "--model",
    "-m",
    default="dmm",
    show_default=True,
    help="Model name or path to a model file.",
)
@click.option(
    "--min-size",
    type=int,
    default=None,
    help="Smallest group shown (default: the model's meta.analysis.min_group_size, 3).",
)
@click.option("--sheet", "-s", default=None, help="Sheet name (default: first).")
@click.option(
    "--mapping",
    type=click.Path(dir_okay=False),
    default=None,
    help="File mapping your column headers to statement ids.",
)
@click.option("--lang", type=click.Choice(["sv", "en"]), default="sv", show_default=True)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
def workshop_command(
    file: str,
    by: str,
    model: str,
    min_size: int | None,
    sheet: str | None,
    mapping: str | None,
    lang: str,
    fmt: str,
) -> None:
    """Engine scores per group side by side, and where respondents disagree.

    \b
    Example: mognad dmm workshop svar.xlsx --groups ledningsgrupp
    """
    result = workshop(file, by=by, min_size=min_size, model=model, sheet=sheet, mapping=mapping)
    if fmt == "json":
        click.echo(result.to_json())
    else:
        click.echo(render_workshop(result, lang), nl=False)
    for note in result.notes:
        click.echo(f"Note: {note}", err=True)


def register(cli: click.Group) -> None:
    cli.add_command(dmm_group)
