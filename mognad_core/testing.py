"""A test kit for plugin authors: response tables, plugin registration and the CLI in tests.

Enable the fixtures in your plugin's ``conftest.py``::

    pytest_plugins = ["mognad_core.testing"]

and use them in any test::

    from mognad_core.sample_data import write_csv
    from mognad_core.testing import make_responses

    import mognad_acme

    def test_acme_scores(register_plugin, mognad_cli, tmp_path):
        register_plugin(mognad_acme)                  # unregistered after the test
        frame = make_responses("acme", n=60, seed=1, groups=3)
        write_csv(frame, tmp_path / "svar.csv")
        result = mognad_cli("score", tmp_path / "svar.csv", "--model", "acme")
        assert result.exit_code == 0, result.stderr

What it offers (this module is not imported by ``import mognad_core``; it imports pytest):

``make_responses(model, n=40, seed=0, *, dont_know=0.05, blanks=0.02, groups=None,
roles=False, waves=None)``
    A realistic response table (a pandas DataFrame) for any model: a MaturityModel, a model
    name or a model file path. One column per statement id, answers as ints on the model's
    scale, correlated within a respondent, reversed statements answered the other way round;
    about ``dont_know`` of the cells hold the model's first ``scale.dont_know`` token and about
    ``blanks`` are None. ``groups`` (a dict name -> share, or a number of groups) adds
    ``förvaltning``, ``roles=True`` adds ``roll``, ``waves`` (a list of years, ``n``
    respondents each) adds ``år``. The same seed gives the same table. Also
    ``mognad_core.make_responses``; defined in :mod:`mognad_core.sample_data`.
    Write the table as a file with ``mognad_core.sample_data.write_csv(frame, path)`` (``;``
    separated, UTF-8 with BOM, as Swedish Excel writes) or ``write_xlsx(frame, path)``.

fixture ``register_plugin``: ``register_plugin(plugin, name=None, failures_ok=False) -> plugin``
    Registers a plugin object or module on mognad's plugin manager for one test and
    unregisters it afterwards; failures the plugin caused (``mognad_core.plugin_failures()``)
    are forgotten too. A failure of the plugin's (a hook that raised, a model skipped) FAILS
    the test, naming it, because mognad itself only warns and goes on; pass
    ``failures_ok=True`` for a test about such a failure. The name defaults to the object's
    ``__name__`` (a module, a class) or its class name, lower-cased. A plugin that is registered
    already (your package, installed with ``pip install -e .``) is left as it is, so the same
    tests run before and after installing.

``assert_no_plugin_failures(name=None)``
    Fails with every plugin failure so far, each described (of plugin ``name`` only, when
    given): for a test that uses an installed plugin, whose failures mognad only warns about.

``run_cli(*args) -> CliResult``, and the fixture ``mognad_cli`` that returns it
    Runs ``mognad ARGS`` in-process as the console script does; the result has
    ``exit_code``, ``stdout`` and ``stderr``.

PYTEST_DONT_REWRITE: the kit has no asserts of its own, and a conftest.py may import it before
pytest loads it as a plugin (pytest would warn that it cannot rewrite it).
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from .sample_data import make_responses

__all__ = [
    "CliResult",
    "assert_no_plugin_failures",
    "make_responses",
    "mognad_cli",
    "register_plugin",
    "run_cli",
]


@dataclass(frozen=True)
class CliResult:
    """What one ``mognad`` command did: its exit code and what it wrote."""

    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: Any) -> CliResult:
    """Run ``mognad ARGS`` in-process, as the console script does (arguments are turned into
    strings, so paths may be given as they are)."""
    from .cli import main

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return CliResult(code, out.getvalue(), err.getvalue())


def _plugin_name(plugin: Any) -> str:
    """The name ``register_plugin`` gives a plugin by default: its ``__name__`` (a module, a
    class), else its class name, lower-cased."""
    name = getattr(plugin, "__name__", None)
    return (name if isinstance(name, str) else type(plugin).__name__).lower()


def _failures_of(names: set[str] | None) -> list[Any]:
    from .plugins import plugin_failures

    return [f for f in plugin_failures() if names is None or f.name in names]


def assert_no_plugin_failures(name: str | None = None) -> None:
    """Fail with every plugin failure so far (of plugin ``name`` only, when given)."""
    found = _failures_of(None if name is None else {name})
    if found:
        pytest.fail(_described(found), pytrace=False)


def _described(failures: list[Any]) -> str:
    lines = "\n".join(f"- {f.describe('en')}" for f in failures)
    return f"plugin failures (mognad only warns about these and goes on):\n{lines}"


@pytest.fixture
def register_plugin() -> Iterator[Callable[..., Any]]:
    """``register_plugin(plugin, name=None, failures_ok=False) -> plugin``: register a plugin
    for this test only; a failure of the plugin's fails the test unless ``failures_ok``."""
    from .plugins import get_plugin_manager, reset_plugins

    registered: list[tuple[Any, str]] = []
    strict: set[str] = set()

    def register(plugin: Any, name: str | None = None, failures_ok: bool = False) -> Any:
        manager = get_plugin_manager()
        if manager.is_registered(plugin):  # installed with pip, say: it stays as it is
            return plugin
        name = name or _plugin_name(plugin)
        manager.register(plugin, name=name)
        registered.append((manager, name))
        if not failures_ok:
            strict.add(name)
        return plugin

    yield register
    failed = _failures_of(strict)
    for manager, name in registered:
        if manager.has_plugin(name):
            manager.unregister(name=name)
    if _failures_of({name for _, name in registered}):
        reset_plugins()
    if failed:
        pytest.fail(_described(failed), pytrace=False)


@pytest.fixture
def mognad_cli() -> Callable[..., CliResult]:
    """:func:`run_cli`: ``mognad_cli("score", path, "--model", "acme")``."""
    return run_cli
