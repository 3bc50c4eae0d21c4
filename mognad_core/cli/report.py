"""``mognad report``: the Excel report and the slide deck for a leadership group."""

from __future__ import annotations

import sys

import click

from ..texts import text
from . import cli
from .options import (
    echo_notes,
    lang_option,
    mapping_option,
    min_size_option,
    model_option,
    sheet_option,
    target_option,
    where_option,
)


class _Bar:
    """A progress bar on stderr (click.progressbar) whose length grows as steps become known."""

    def __init__(self) -> None:
        self.bar = None

    def __call__(self, done: int, total: int, what: str) -> None:
        if self.bar is None:
            self.bar = click.progressbar(
                length=total, label="mognad report", file=sys.stderr, show_pos=True
            )
            self.bar.__enter__()
        self.bar.length = total
        self.bar.update(done - self.bar.pos, current_item=what)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@cli.command("report")
@click.argument("responses", type=click.Path(dir_okay=False))
@click.option(
    "--output",
    "-o",
    "out",
    required=True,
    type=click.Path(),
    help="OUT.xlsx (workbook), OUT.pptx (slide deck) or a folder (both files).",
)
@model_option
@click.option(
    "--groups",
    "-g",
    default=None,
    metavar="COLUMN",
    help="Results per group of this attribute column (e.g. förvaltning; comma-separate for "
    "combinations): a sheet, an overview slide and one slide per visible group.",
)
@click.option(
    "--compare",
    "-c",
    default=None,
    metavar="PREVIOUS",
    help="The earlier wave: its response file (--where selects in it too), or a wave column of "
    "RESPONSES (år, or år=2024,2025); the report is then about the later wave.",
)
@click.option(
    "--roles",
    default=None,
    metavar="COLUMN",
    help="Roles side by side (chef vs medarbetare): this column; default a column called roll "
    "or role when there is one; --roles '' for none.",
)
@click.option(
    "--invited",
    default=None,
    metavar="N|FILE",
    help="How many were invited, for response rates: a number, or a .yaml/.csv/.xlsx file of "
    "name and count (a group, a wave or totalt).",
)
@target_option
@click.option("--title", default=None, help="Report title (default: Digital mognad [wave]).")
@click.option(
    "--count",
    "-n",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="How many places to start are suggested (choose few).",
)
@min_size_option
@where_option
@sheet_option
@mapping_option
@lang_option
@click.option(
    "--force",
    is_flag=True,
    help="Replace the report files if they exist (without it, nothing is written when either "
    "exists).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on stderr (default: when stderr is a terminal).",
)
def report_cmd(
    responses,
    out,
    model,
    groups,
    compare,
    roles,
    invited,
    target,
    title,
    count,
    min_size,
    where,
    sheet,
    mapping,
    lang,
    force,
    progress,
) -> None:
    """Write the report for RESPONSES: an Excel workbook with native charts and/or a slide deck.

    \b
    Examples:
      mognad report svar.xlsx --model dimios -o rapport/
      mognad report svar.xlsx -m dimios --compare år --groups förvaltning -o rapport/
      mognad report 2025.csv -m dimios --compare 2024.csv -o jämförelse.pptx
    """
    from ..report import build_report  # pandas, openpyxl, pptx: when the command runs
    from ..responses import ResponseSet

    rs = ResponseSet.from_any(responses, model, sheet=sheet, mapping=mapping)
    show = progress if progress is not None else sys.stderr.isatty()
    bar = _Bar() if show else None
    try:
        written = build_report(
            rs,
            rs.model,
            out,
            groups=groups,
            compare=compare,
            roles=roles,
            invited=invited,
            target=target,
            lang=lang,
            title=title,
            count=count,
            min_size=min_size,
            sheet=sheet,
            mapping=mapping,
            where=list(where),
            progress=bar,
            force=force,
        )
    finally:
        if bar is not None:
            bar.close()
    for path in written:
        click.echo(text("cli.wrote", lang, path=path))
    if written.data.waves_note is not None:  # several waves: the report is about the latest
        echo_notes([written.data.waves_note], lang)
    echo_notes(rs.notes, lang)
