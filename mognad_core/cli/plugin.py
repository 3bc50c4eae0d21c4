"""``mognad plugin new``: start a new model plugin from a ready, tested package."""

from __future__ import annotations

import click

from ..texts import Texts
from . import cli, shown
from .options import echo_json, format_option, lang_option


@cli.group("plugin")
def plugin() -> None:
    """Write your own model plugin (mognad plugin new NAME) and check an installed one
    (mognad plugin check NAME)."""


@plugin.command("new")
@click.argument("name")
@click.option(
    "--model-only",
    is_flag=True,
    help="Only the model and its sample file: no stubs of the other hooks.",
)
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False),
    default=".",
    show_default=True,
    help="The folder to write mognad-NAME/ in.",
)
@click.option("--title", default=None, help='The model\'s title (default "NAME: digital mognad").')
@click.option(
    "--title-en",
    default=None,
    help='The model\'s English title (default: --title, or "NAME: digital maturity").',
)
@lang_option
def new(
    name: str, model_only: bool, folder: str, title: str | None, title_en: str | None, lang: str
) -> None:
    """Write the package folder mognad-NAME/ for a new model plugin NAME: a model file, its
    hooks, a sample response file, tests, a README. Nothing is written over."""
    from ..scaffold import new_plugin  # pandas (the sample file): when the command runs

    made = new_plugin(name, folder=folder, title=title, model_only=model_only, title_en=title_en)
    t = Texts(lang)
    click.echo(t("cli.plugin.wrote", name=made.name, folder=made.folder, count=len(made.files)))
    for path in made.files:
        click.echo(f"  {path.as_posix()}")
    click.echo("\n" + t("cli.plugin.next"))
    for command in made.next_commands():
        click.echo(f"  {command}")


@plugin.command("check")
@click.argument("name")
@lang_option
@format_option
def check(name: str, lang: str, fmt: str) -> None:
    """Check the installed plugin NAME: loaded, its hooks known, its models in use, its sample
    files found, a sample scored. Exit code 1 when a check fails."""
    from ..plugin_check import check_plugin, passed

    findings = check_plugin(name)
    shown([f.failure for f in findings if f.failure is not None])
    if fmt == "json":
        echo_json([{"status": f.status, "text": f.text(lang)} for f in findings])
    else:
        t = Texts(lang)
        for finding in findings:
            click.echo(f"{t(f'check.status.{finding.status}'):<5} {finding.text(lang)}")
        problems = sum(f.status == "problem" for f in findings)
        key = "check.failed_summary" if problems else "check.passed"
        click.echo("\n" + t(key, name=name, count=problems))
    if not passed(findings):
        click.get_current_context().exit(1)
