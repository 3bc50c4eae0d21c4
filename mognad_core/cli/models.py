"""``mognad models``, ``mognad plugins``, ``mognad samples``."""

from __future__ import annotations

from pathlib import Path

import click

from .. import safe_write
from ..errors import MognadError
from ..plugins import (
    REPLACE_ENV,
    get_samples,
    list_models,
    list_plugins,
    load_model,
    model_folders,
    plugin_failures,
)
from ..texts import Message, Texts
from . import cli, shown
from .options import echo_json, format_option, lang_option
from .render import in_language, table


@cli.group(invoke_without_command=True)
@lang_option
@format_option
@click.pass_context
def models(ctx: click.Context, lang: str, fmt: str) -> None:
    """List installed maturity models (and `models show NAME`)."""
    if ctx.invoked_subcommand is not None:
        return
    infos = list_models()
    if fmt == "json":
        echo_json([vars(i) for i in infos])
        return
    t = Texts(lang)
    rows = [
        {
            t("cli.col.name"): i.name,
            t("cli.col.version"): i.version,
            t("cli.col.title"): load_model(i.name).display_title(lang),
            t("cli.col.source"): i.source,
            t("cli.col.statements"): i.statements,
            t("cli.col.dimensions"): i.dimensions,
        }
        for i in infos
    ]
    click.echo(table(rows, t) if rows else t("cli.models.none"))
    folders = ", ".join(str(f) for f in model_folders())
    click.echo("\n" + t("cli.models.folders", folders=folders))
    for failure in plugin_failures():  # in the listing too, not only as a warning
        if failure.kind == "file":
            click.echo(f"  {failure.describe(lang)}")


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
@lang_option
def models_show(name: str, fmt: str, lang: str) -> None:
    """Print a model definition (NAME or path to a model file)."""
    from ..model_files import dump_model

    model = load_model(name)
    if fmt in ("json", "yaml"):
        click.echo(dump_model(model, fmt))
        return
    t = Texts(lang)
    click.echo(f"{model.display_title(lang)} ({model.name} {model.version})")
    s = model.scale
    click.echo(
        t(
            "cli.models.scale",
            low=t.num(s.min, None),
            high=t.num(s.max, None),
            dont_know=", ".join(s.dont_know),
        )
    )
    for depth, d in model.iter_tree():
        weight = t("cli.models.weight", weight=t.num(d.weight, None))
        click.echo(f"{'  ' * depth}{d.id}: {d.name(lang)}  {weight}")
        for st in d.statements:
            rev = "  " + t("cli.models.reversed") if st.reverse else ""
            if st.is_checklist:
                rev = "  " + t("cli.models.checklist", count=len(st.options))
            click.echo(
                f"{'  ' * (depth + 1)}- {st.id}: {in_language(st.text, st.text_en, lang)}{rev}"
            )
            for o in st.options:
                click.echo(f"{'  ' * (depth + 2)}[ ] {o.id}: {o.label(lang)}")
    if model.levels:
        levels = ", ".join(f"{lv.label(lang)} ≥ {t.pct(lv.lower_bound)}" for lv in model.levels)
        click.echo(t("cli.models.levels", levels=levels))
    for b in model.benchmarks:
        label = " ".join(str(x) for x in (in_language(b.label, b.label_en, lang), b.year) if x)
        click.echo(t("cli.models.benchmark", name=b.name, label=label, value=t.pct(b.overall)))


@models.command("sample")
@click.argument("name")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    required=True,
    help="The response file to write: .csv (semicolons, as Swedish Excel) or .xlsx.",
)
@click.option("--respondents", "-n", type=int, default=60, show_default=True)
@click.option(
    "--seed", type=int, default=17, show_default=True, help="The same seed, the same file."
)
@click.option(
    "--groups",
    type=int,
    default=0,
    show_default=True,
    help="Add a förvaltning column with this many groups (0: the five sample förvaltningar).",
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@lang_option
def models_sample(
    name: str, output: str, respondents: int, seed: int, groups: int, force: bool, lang: str
) -> None:
    """Write made-up answers to model NAME (a name or a model file): a response file to try
    the model on, or to make a plugin's sample anew after its model changed."""
    from ..sample_data import FORVALTNINGAR, make_responses, write_csv, write_xlsx

    model = load_model(name)
    frame = make_responses(model, respondents, seed, groups=groups or FORVALTNINGAR)
    writer = write_xlsx if safe_write.has_suffix(output, ".xlsx") else write_csv
    if writer is write_csv and not safe_write.has_suffix(output, ".csv"):
        raise MognadError(Message("cli.models.sample_suffix", name=Path(output).name))
    path = writer(frame, output, force=force)
    t = Texts(lang)
    click.echo(t("cli.models.sample_wrote", path=path, n=len(frame), model=model.name))


@cli.command()
@lang_option
@format_option
def plugins(lang: str, fmt: str) -> None:
    """List plugins with their status (loaded, model rejected or skipped, and why), the hooks
    each implements, and what failed."""
    rows = list_plugins(lang)
    if fmt == "json":
        echo_json(rows)
        return
    t = Texts(lang)
    listed = []
    for r in rows:
        package = t("cli.plugins.builtin") if r["builtin"] else r["distribution"]
        status = t(f"cli.plugins.status.{r['status'].replace(' ', '_')}")
        if r["reason"]:
            status = f"{status}: {r['reason']}"
        listed.append(
            {
                t("cli.col.name"): r["name"],
                t("cli.col.package"): package or t("cli.plugins.external"),
                t("cli.col.status"): status,
                t("cli.col.hooks"): ", ".join(r["hooks"]),
            }
        )
    click.echo(table(listed, t))
    failures = plugin_failures()
    failed = [f["text"] for r in rows for f in r["failures"] if f["kind"] != "load"]
    failed += [f.describe(lang) for f in failures if f.kind in ("setting", "file")]
    swaps = [
        t("cli.plugins.replaced", model=swap["model"], by=swap["by"], env=REPLACE_ENV)
        for r in rows
        for swap in r["replaced"]
    ]
    for heading, lines in (("cli.plugins.problems", failed), ("cli.plugins.replacements", swaps)):
        if lines:
            click.echo("\n" + t(heading))
            click.echo("\n".join(f"  {line}" for line in lines))
    click.echo("\n" + t("cli.plugins.hint"))
    shown(failures)  # listed here: not again as warnings


@cli.command()
@click.option(
    "--copy-to",
    type=click.Path(file_okay=False),
    default=None,
    help="Copy the sample files into this folder (made if it does not exist).",
)
@click.option("--force", is_flag=True, help="Replace files of the same name in that folder.")
@lang_option
def samples(copy_to: str | None, force: bool, lang: str) -> None:
    """List the bundled sample files (and copy them to try things out)."""
    found = get_samples()
    if copy_to:  # all or nothing: checked first, none copied if one would be replaced
        folder = Path(copy_to)
        safe_write.copy_files(
            [(s.path, folder / s.path.name) for s in found],
            force=force,
            new_folder=None if folder.exists() else folder,
        )
    width = max((len(s.model) for s in found), default=0)  # the model names line up
    for s in found:
        line = f"{s.model:<{width}} {s.kind:<12} {s.path}  {s.describe(lang)}"
        if copy_to:
            line += f"  -> {Path(copy_to) / s.path.name}"
        click.echo(line)


@cli.command("settings")
@lang_option
@format_option
def settings_cmd(lang: str, fmt: str) -> None:
    """Settings that apply to every command, their values and where each value comes from."""
    from ..disclosure import policy
    from ..settings import CONFIG_ENV, CONFIG_FILE, describe_settings, excel_cache_bytes

    policy(None, lang)  # a value that cannot be used is an error here too, naming its source
    excel_cache_bytes()  # likewise (the Excel functions fall back to the default instead)
    rows = describe_settings(lang)
    if fmt == "json":
        echo_json(rows)
        return
    t = Texts(lang)
    for row in rows:
        source = t("cli.settings.default") if row["source"] == "default" else row["source"]
        click.echo(t("cli.settings.value", name=row["name"], value=row["value"], source=source))
        click.echo(f"  {row['help']}")
        key = "cli.settings.change" if row["option"] else "cli.settings.change_no_option"
        change = t(key, option=row["option"], env=row["env"], file=CONFIG_FILE)
        click.echo(f"  {change}")
    click.echo("\n" + t("cli.settings.file", file=CONFIG_FILE, env=CONFIG_ENV))
