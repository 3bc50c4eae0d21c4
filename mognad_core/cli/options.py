"""Options shared by several commands."""

from __future__ import annotations

import contextvars
import json
from typing import Any

import click

from ..texts import LANGS

model_option = click.option(
    "--model",
    "-m",
    "model",
    default="dimios",
    show_default=True,
    help="Model name (see `mognad models`) or path to a .yaml/.json model file.",
)
format_option = click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
sheet_option = click.option("--sheet", "-s", default=None, help="Sheet name (default: first).")
where_option = click.option(
    "--where",
    "where",
    multiple=True,
    metavar="COLUMN=VALUE",
    help="Only respondents with this value in an attribute column, e.g. --where år=2025 "
    "(repeat for several conditions).",
)
target_option = click.option(
    "--target",
    "-t",
    default=None,
    help="A number (0.6 or 60%), a benchmark name (see `mognad models show`; DiMiOS: "
    "national_2021), a level name, 'next' (the next maturity level), 'dim=value,...' or a "
    ".yaml/.json/.csv file of dimension targets. gap without it: the model's default "
    "benchmark.",
)
_mapping = click.option(
    "--mapping",
    type=click.Path(dir_okay=False),
    default=None,
    help="File mapping your column headers to statement ids (.yaml, .json or two-column .csv; "
    "`mognad mapping init` writes one).",
)


def _reading_rule(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """--answers and --duplicates hold for every response file the command reads (the command
    runs in a context of its own, which ends with it)."""
    if value is not None:
        from ..responses import set_reading_rules

        set_reading_rules(**{param.name: value})


_answers = click.option(
    "--answers",
    type=click.Path(dir_okay=False),
    default=None,
    expose_value=False,
    callback=_reading_rule,
    help="File giving other answer wordings a number: 'Instämmer helt: 5', 'Ingen uppfattning: "
    "vet ej' (.yaml, .json or two-column .csv).",
)
_duplicates = click.option(
    "--duplicates",
    type=click.Choice(["refuse", "keep-first", "keep-last"]),
    default=None,
    expose_value=False,
    callback=_reading_rule,
    help="A respondent id in more than one row: refused (default), or only its first or last "
    "row kept.",
)


def mapping_option(f: Any) -> Any:
    """--mapping, --answers and --duplicates: how a response file is read. Only ``mapping`` is
    passed to the command; the other two hold for every file it reads (use_reading_rules)."""
    return _mapping(_answers(_duplicates(f)))


#: The language of the command being run: set by --lang (:func:`use_lang`); the CLI's exit path
#: writes an error in it. Swedish until a command says otherwise.
_command_lang: contextvars.ContextVar[str] = contextvars.ContextVar(
    "mognad_command_lang", default=LANGS[0]
)


def use_lang(lang: str) -> str:
    """Make ``lang`` the language of the command being run (what its errors are written in);
    texts.UnknownLanguage for anything but texts.LANGS. For a command (or group) of a plugin
    that has no --lang option and writes one language only."""
    from ..texts import check_lang

    lang = check_lang(lang)  # "EN" is "en"
    _command_lang.set(lang)
    return lang


def command_lang() -> str:
    """The language of the command being run (``sv`` unless --lang or :func:`use_lang` said
    otherwise)."""
    return _command_lang.get()


def _check_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    """--lang: one of texts.LANGS, else texts.UnknownLanguage (the one error, exit code 2); the
    language of the command from here on, its errors included. Not given: the ``lang`` setting
    (``MOGNAD_LANG``, ``lang`` in mognad.toml), else Swedish."""
    from ..settings import language

    return use_lang(language(value))


lang_option = click.option(
    "--lang",
    metavar=f"[{'|'.join(LANGS)}]",
    default=None,
    show_default="sv, or the lang setting (MOGNAD_LANG)",
    is_eager=True,  # before the other options' callbacks, which may read files and fail
    callback=_check_lang,
    help="Language of the output: sv (Swedish, the default) or en (English).",
)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


min_size_option = click.option(
    "--min-size",
    "min_size",
    type=int,
    default=None,
    help="Anonymity: the smallest number of respondents (and of answers to a statement) shown; "
    "smaller groups are hidden or refused. Default 5, or MOGNAD_MIN_SIZE, or min_size in "
    "mognad.toml. 1 turns the protection off (for the data holder only; the output says so).",
)


def emit(result: Any, fmt: str, render: Any, policy: Any, lang: str = "sv") -> None:
    """Print a result: JSON (with its ``notes``), or the text ``render()`` makes with its notes
    on stderr. Output made with the anonymity protection off starts with a notice, in text on
    stdout as well, so a saved or forwarded copy carries it."""
    from ..disclosure import notes_for

    if fmt == "json":
        echo_json(result.model_dump(mode="json"))
    else:
        for notice in notes_for(policy, lang):
            click.echo(f"*** {notice} ***\n")
        click.echo(render())
    echo_notes(getattr(result, "notes", None) or [], lang)


def echo_notes(notes: Any, lang: str = "sv") -> None:
    """Notes on stderr, one per line (``Obs: ...`` / ``Note: ...``), in the command's language."""
    from ..texts import text, words

    for note in words(notes, lang):
        click.echo(text("cli.note", lang, note=note), err=True)
