"""``mognad models``, ``mognad plugins``, ``mognad samples``."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from .. import safe_write
from ..model_files import dump_model
from ..plugins import get_samples, list_models, list_plugins, load_model
from . import cli
from .options import echo_json, format_option


@cli.group(invoke_without_command=True)
@format_option
@click.pass_context
def models(ctx: click.Context, fmt: str) -> None:
    """List installed maturity models (and `models show NAME`)."""
    if ctx.invoked_subcommand is not None:
        return
    infos = list_models()
    if fmt == "json":
        echo_json([vars(i) for i in infos])
        return
    frame = pd.DataFrame([vars(i) for i in infos])
    click.echo(frame.to_string(index=False) if not frame.empty else "No models installed.")


@models.command("show")
@click.argument("name")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "json", "yaml"]),
    default="table",
    show_default=True,
)
def models_show(name: str, fmt: str) -> None:
    """Print a model definition (NAME or path to a model file)."""
    model = load_model(name)
    if fmt in ("json", "yaml"):
        click.echo(dump_model(model, fmt))
        return
    click.echo(f"{model.title} ({model.name} {model.version})")
    s = model.scale
    click.echo(f"Scale: {s.min:g}-{s.max:g}; don't know: {', '.join(s.dont_know)}")
    for depth, d in model.iter_tree():
        click.echo(f"{'  ' * depth}{d.id}: {d.label}  (weight {d.weight:g})")
        for st in d.statements:
            rev = "  [reversed]" if st.reverse else ""
            click.echo(f"{'  ' * (depth + 1)}- {st.id}: {st.text}{rev}")
    if model.levels:
        click.echo(
            "Levels: " + ", ".join(f"{lv.name} ≥ {lv.lower_bound:.0%}" for lv in model.levels)
        )
    for b in model.benchmarks:
        value = "–" if b.overall is None else f"{b.overall:.0%}"
        click.echo(f"Benchmark {b.name}: {b.label or ''} {b.year or ''} = {value}")


@cli.command()
@format_option
def plugins(fmt: str) -> None:
    """List loaded plugins and the hooks each implements."""
    rows = list_plugins()
    if fmt == "json":
        echo_json(rows)
        return
    for r in rows:
        kind = "built-in" if r["builtin"] else (r["distribution"] or "external")
        click.echo(f"{r['name']:<16} {kind:<12} {r['module']}: {', '.join(r['hooks'])}")


@cli.command()
@click.option(
    "--copy-to",
    type=click.Path(file_okay=False),
    default=None,
    help="Copy the sample files into this folder (made if it does not exist).",
)
@click.option("--force", is_flag=True, help="Replace files of the same name in that folder.")
def samples(copy_to: str | None, force: bool) -> None:
    """List the bundled sample files (and copy them to try things out)."""
    found = get_samples()
    if copy_to:  # all or nothing: checked first, none copied if one would be replaced
        folder = Path(copy_to)
        safe_write.copy_files(
            [(s.path, folder / s.path.name) for s in found],
            force=force,
            new_folder=None if folder.exists() else folder,
        )
    for s in found:
        line = f"{s.model:<8} {s.kind:<12} {s.path}  {s.description}"
        if copy_to:
            line += f"  -> {Path(copy_to) / s.path.name}"
        click.echo(line)


@cli.command("settings")
@format_option
def settings_cmd(fmt: str) -> None:
    """Settings that apply to every command, their values and where each value comes from."""
    from ..disclosure import policy
    from ..settings import CONFIG_ENV, CONFIG_FILE, describe_settings

    policy()  # a value that cannot be used is an error here too, naming where it came from
    rows = describe_settings()
    if fmt == "json":
        echo_json(rows)
        return
    for row in rows:
        click.echo(f"{row['name']} = {row['value']}   (from {row['source']})")
        click.echo(f"  {row['help']}")
        click.echo(f"  Change it with {row['option']}, {row['env']}=..., or a {CONFIG_FILE} line.")
    click.echo(f"\nConfiguration file: ./{CONFIG_FILE}, or the file named by {CONFIG_ENV}.")
