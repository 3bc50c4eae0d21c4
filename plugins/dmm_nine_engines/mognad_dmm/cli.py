"""``mognad dmm workshop``: leadership groups side by side (added through ``register_commands``)."""

from __future__ import annotations

import click

from mognad_core.cli.options import (
    echo_notes,
    format_option,
    lang_option,
    mapping_option,
    min_size_option,
    sheet_option,
    where_option,
)


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
    help="dmm (the default list of engines), dmm-original (the method's own list) or a model file.",
)
@min_size_option
@where_option
@sheet_option
@mapping_option
@lang_option
@format_option
def workshop_command(
    file: str,
    by: str,
    model: str,
    min_size: int | None,
    where: tuple[str, ...],
    sheet: str | None,
    mapping: str | None,
    lang: str,
    fmt: str,
) -> None:
    """Engine scores per group side by side, and where respondents disagree.

    Published under the anonymity policy (--min-size): small groups are hidden as in `mognad
    groups`, and spread figures are shown only for groups of at least twice the minimum size.

    \b
    Example: mognad dmm workshop svar.xlsx --groups ledningsgrupp --where år=2025
    """
    from mognad_core import ResponseSet, disclosure

    from .groups import render_workshop, workshop

    pol = disclosure.policy(min_size, lang)
    rs = ResponseSet.from_any(file, model, sheet=sheet, mapping=mapping).where(*where)
    result = workshop(rs, by=by, min_size=pol, lang=lang)
    if fmt == "json":
        click.echo(result.to_json())  # its notes carry the opt-out notice
    else:
        click.echo(render_workshop(result, lang), nl=False)  # starts with the opt-out notice
    echo_notes(result.notes, lang)


def register(cli: click.Group) -> None:
    cli.add_command(dmm_group)
