"""The ``mognad excel`` commands: ``install``, ``template``, ``recalc``.

Registered like any plugin, through the ``register_commands`` hook (entry point ``excel``).
"""

from __future__ import annotations

import json
import sys

import click

from mognad_core import hookimpl
from mognad_core.cli.options import lang_option, min_size_option


@click.group("excel")
def excel() -> None:
    """Excel: MOGNAD_* worksheet functions, ready workbooks, recalculation without Excel.

    \b
    mognad excel install                      set up classic xlwings (Windows)
    mognad excel template dimios -o mall.xlsx a workbook to fill in
    mognad excel recalc mall.xlsx -o ut.xlsx  compute the MOGNAD_* formulas without Excel
    mognad excel lite --wheel-url URL         the two files xlwings Lite needs
    """


@excel.command("install")
@click.option(
    "--config",
    "config",
    type=click.Path(dir_okay=False),
    default=None,
    help="The xlwings.conf to update (default: the user's, e.g. ~/.xlwings/xlwings.conf).",
)
@click.option(
    "--interpreter",
    default=None,
    help="Python for Excel to start (default: the one running this command).",
)
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@lang_option
def install_cmd(config: str | None, interpreter: str | None, dry_run: bool, lang: str) -> None:
    """Point classic xlwings at mognad: UDF Modules and the interpreter in xlwings.conf."""
    from mognad_core.texts import text

    from .install import install, next_steps

    plan = install(config, interpreter=interpreter, dry_run=dry_run)
    where = str(plan.path)
    if not plan.changed:
        click.echo(text("excel.install.unchanged", lang, path=where))
    else:
        if plan.before is None:
            key = "excel.install.would_create" if dry_run else "excel.install.created"
        else:
            key = "excel.install.would_change" if dry_run else "excel.install.changed"
        click.echo(text(key, lang, path=where))
        for change in plan.changes:
            click.echo(f"  {change.text(lang)}")
        if plan.backup is not None:
            click.echo(text("excel.install.backup", lang, backup=str(plan.backup)))
        if dry_run:
            click.echo(text("excel.install.new_content", lang))
            for line in plan.after.splitlines():
                click.echo(f"  {line}")
    click.echo("")
    if not sys.platform.startswith("win"):
        click.echo(text("excel.install.not_windows", lang))
    click.echo(next_steps(lang))


@excel.command("template")
@click.argument("model")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Workbook to write (.xlsx; default: mognad-MODEL.xlsx).",
)
@click.option(
    "--rows",
    type=click.IntRange(min=1, max=1_048_575),
    default=2000,
    show_default=True,
    help="Response rows to prepare (the range the formulas read).",
)
@click.option(
    "--attributes",
    default="respondent,år,förvaltning,roll",
    show_default=True,
    help="Respondent columns before the statements (comma-separated; empty for none).",
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@lang_option
def template_cmd(
    model: str, output: str | None, rows: int, attributes: str, force: bool, lang: str
) -> None:
    """Write a ready workbook for MODEL (a model name or a model file): response table,
    instructions, MOGNAD_* results and a check of the answers."""
    from pathlib import Path

    from mognad_core.texts import Texts

    from .template import TABLE, write_template

    t = Texts(lang)
    from mognad_core.plugins import names_a_model_file

    stem = Path(model).stem if names_a_model_file(model) else model
    path = output or f"mognad-{stem}.xlsx"
    names = [a.strip() for a in attributes.split(",") if a.strip()]
    info = write_template(model, path, rows=rows, attributes=names, force=force, lang=lang)
    ids = list(info.statement_columns)
    click.echo(t("excel.template.wrote", path=info.path, model=info.model))
    click.echo(
        "  "
        + t(
            "excel.template.responses",
            name=TABLE,
            table=info.response_range,
            rows=info.rows,
            first=ids[0],
            last=ids[-1],
            first_col=info.statement_columns[ids[0]],
            last_col=info.statement_columns[ids[-1]],
        )
    )
    click.echo(
        "  "
        + t(
            "excel.template.results",
            overall=info.cells["overall"],
            dimensions=info.cells["dimensions"],
            statements=info.cells["statements"],
            check=info.cells["check"],
        )
    )
    click.echo(
        "  "
        + t(
            "excel.template.recalc",
            command=f"mognad excel recalc {info.path.name} -o {info.path.stem}-resultat.xlsx",
        )
    )


@excel.command("recalc")
@click.argument("workbook", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    required=True,
    help="The copy to write (never the input).",
)
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Report format.",
)
@min_size_option
@lang_option
def recalc_cmd(
    workbook: str, output: str, force: bool, fmt: str, min_size: int | None, lang: str
) -> None:
    """Compute every MOGNAD_* formula (and what depends on it) without Excel; write a copy.

    Its messages and tables are in the language of --lang; a failing cell is an error value
    (#VALUE!, #N/A, #NUM!) whose message is a comment on the cell."""
    from .recalc import recalc

    report = recalc(workbook, output, force=force, min_size=min_size, lang=lang)
    if fmt == "json":
        data = {
            "source": report.source,
            "output": report.output,
            "seconds": round(report.seconds, 3),
            "cells": [
                {
                    "cell": c.cell,
                    "formula": c.formula,
                    "kind": c.kind,
                    "value": c.value,
                    "spill": c.spill,
                    "message": c.message,
                }
                for c in report.cells
            ],
            "spilled_cells": report.spilled_cells,
            "failed": [
                {"cell": cell, "formula": formula, "reason": reason}
                for cell, formula, reason in report.failed
            ],
            "notes": report.notes,
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(report.summary())


@excel.command("lite")
@click.option(
    "--wheel-url",
    required=True,
    metavar="URL",
    help="https:// address of the mognad wheel (mognad-X-py3-none-any.whl) on a server that "
    "allows cross-site downloads (CORS).",
)
@click.option(
    "-o",
    "--output",
    "folder",
    type=click.Path(file_okay=False),
    default=".",
    show_default=True,
    help="Folder to write requirements.txt and main.py in (made if missing).",
)
@click.option("--force", is_flag=True, help="Replace requirements.txt and main.py if they exist.")
@lang_option
def lite_cmd(wheel_url: str, folder: str, force: bool, lang: str) -> None:
    """Write the requirements.txt and main.py that xlwings Lite needs for the MOGNAD_* functions."""
    from mognad_core.texts import text

    from .lite import write_lite

    files = write_lite(wheel_url, folder, force=force, lang=lang)
    names = {"requirements": str(files.requirements), "main": str(files.main)}
    click.echo(text("excel.lite.wrote", lang, **names))
    click.echo("")
    click.echo(text("excel.lite.steps", lang, **names))


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(excel)
