"""``mognad mapping init``: a starting column mapping from a response file's own headers."""

from __future__ import annotations

from pathlib import Path

import click

from ..plugins import names_a_model_file
from ..texts import Texts
from . import cli
from .options import lang_option, model_option, sheet_option


@cli.group()
def mapping() -> None:
    """Column mapping files: which header holds which statement (--mapping)."""


@mapping.command("init")
@click.argument("file", type=click.Path(dir_okay=False))
@model_option
@sheet_option
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False),
    default="mapping.yaml",
    show_default=True,
    help="The mapping file to write (.yaml).",
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@lang_option
def mapping_init(
    file: str, model: str, sheet: str | None, output: str, force: bool, lang: str
) -> None:
    """Write a mapping for FILE from its headers: sure matches, and guesses marked CHECK."""
    from ..mappings import suggest_mapping  # pandas: imported when the command runs

    suggestion = suggest_mapping(file, model, sheet=sheet)
    written = suggestion.write(output, force=force)
    guesses, unmapped = len(suggestion.guesses), suggestion.unmapped
    mapped = sum(line.statement is not None for line in suggestion.lines)
    t = Texts(lang)
    click.echo(
        t(
            "cli.mapping.wrote",
            path=written,
            mapped=mapped,
            columns=len(suggestion.lines),
            guesses=guesses,
            unmapped=len(unmapped),
        )
    )
    if not names_a_model_file(model):
        model = suggestion.model.name  # as registered, whatever case was typed
    model_arg = f" --model {model}" + (f' --sheet "{sheet}"' if sheet else "")
    command = f"mognad score {Path(file).name}{model_arg} --mapping {written}"
    click.echo(t("cli.mapping.next", command=command + t("cli.lang_arg")))
