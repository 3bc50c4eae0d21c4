"""The ``mognad`` command line. Thin: every command calls the public Python API.

Bad input prints one paragraph and exits with code 2; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import contextvars
import gc
import sys
import warnings

import click

from ..errors import MognadError
from ..plugins import PluginFailure, PluginWarning, call_each, failures_so_far
from ..texts import check_lang, text
from .options import command_lang


class _OwnContextGroup(click.Group):
    """A group that runs each command line in a ``contextvars`` context of its own, whoever
    calls it (the console script through :func:`main`, click's ``CliRunner``, a plugin's
    tests): what a command sets for itself (``--lang``, ``--answers``, ``--duplicates``) ends
    with it. :func:`main` makes that context itself (its exit path reads the command's
    language in it) and calls click's own ``Group.main`` in it."""

    def main(self, *args, **kwargs):  # type: ignore[override]
        return contextvars.copy_context().run(super().main, *args, **kwargs)


@click.group(cls=_OwnContextGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show Python tracebacks for errors.")
@click.version_option(package_name="mognad")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """mognad: digital-maturity survey results to scores, gaps and priorities.

    \b
    Start with:  mognad demo
    Score a file: mognad score svar.xlsx --model dimios
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.call_on_close(_report_plugin_failures)


#: Plugin failures already printed during this run of :func:`main` (each is printed once).
_reported: set[PluginFailure] = set()
#: --debug: a plugin failure is printed with its traceback too.
_debug: contextvars.ContextVar[bool] = contextvars.ContextVar("mognad_debug", default=False)


def _report_plugin_failures(lang: str | None = None) -> None:
    """Print each plugin failure not printed yet, as a warning in the command's language (with
    its traceback under --debug). The one place the CLI reports plugin failures."""
    lang = lang or command_lang()
    for failure in failures_so_far():
        if failure not in _reported:
            _reported.add(failure)
            click.echo(text("cli.warning", lang, message=failure.describe(lang)), err=True)
            if _debug.get() and failure.traceback:
                click.echo(failure.traceback.rstrip(), err=True)


def shown(failures: list[PluginFailure]) -> None:
    """Plugin failures a command has shown in its own output (``mognad plugin check``): not
    printed again as warnings."""
    _reported.update(failures)


def _early_lang(args: list[str]) -> str | None:
    """The --lang of ``args``, read before the command line is parsed (for what is printed
    while the commands are loaded); None when not given or not a language."""
    for i, arg in enumerate(args):
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else None
        value = arg.partition("=")[2] if arg.startswith("--lang=") else value
        if value is not None:
            try:
                return check_lang(value)
            except Exception:  # reported by the option itself
                return None
    return None


def _load_commands(lang: str | None = None) -> None:
    from . import analysis, mapping, models, plugin, report, score  # noqa: F401  (they add commands)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PluginWarning)
        call_each("register_commands", cli=cli)
    _report_plugin_failures(lang)  # now: a plugin's missing commands are explained in --help


def console() -> None:
    """The ``mognad`` program (its console script and ``python -m mognad_core``): :func:`main`
    in a process of its own, with the cyclic garbage collector off to the end. The process ends
    with the command; turning the collector on again after it would make it go over everything
    the command imported and made once more, at the next allocation or at exit: about 100 ms of
    a 0.6 s ``mognad score`` (docs/performance.md). In-process callers (tests, scripts) use
    :func:`main`, which gives the collector back as it found it."""
    gc.disable()
    main()


def main(argv: list[str] | None = None) -> None:
    """Run one ``mognad`` command (``argv``, default ``sys.argv[1:]``) in this process."""
    args = list(sys.argv[1:] if argv is None else argv)
    warnings.simplefilter("ignore", PluginWarning)  # reported once, on close, in plain words
    _reported.clear()
    # No cyclic garbage collection while a command runs (reference counting frees what it
    # drops, as always): a command imports pandas, pydantic and its schemas and reads its data,
    # hundreds of thousands of objects that live until it ends, and the collector went over them
    # again and again, about a tenth of `mognad score` (issue 18). Its cyclic garbage is small
    # (a 25,000-row score or the sample report: the same peak memory; docs/performance.md).
    collecting = gc.isenabled()
    gc.disable()
    try:
        # in a context of its own: what a command sets for itself (--answers, --lang) ends with it
        contextvars.copy_context().run(_run, args)
    finally:
        if collecting:
            gc.enable()


def _run(args: list[str]) -> None:
    """Run the command; the one exit path for its errors, written in the command's language
    (``--lang``, read from :func:`.options.command_lang` in the command's own context)."""
    debug = "--debug" in args
    _debug.set(debug)
    try:
        _load_commands(_early_lang(args))
        # click's Group.main: this is already the command's own context (see _OwnContextGroup)
        code = click.Group.main(cli, args=args, prog_name="mognad", standalone_mode=False)
        if isinstance(code, int) and code:  # a command's ctx.exit(N): click returns N here
            sys.exit(code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except MognadError as exc:
        if debug:
            raise
        lang = exc.language(command_lang())  # plain (English) text is written in English
        click.echo(text("cli.error", lang, message=exc.text(lang)), err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:
        if debug:
            raise
        kind = type(exc).__name__
        click.echo(text("cli.unexpected", command_lang(), kind=kind, error=exc), err=True)
        sys.exit(1)
