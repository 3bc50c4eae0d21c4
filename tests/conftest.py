"""Shared fixtures: the tiny hand-computed model, response tables, plugin registration."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

import mognad_core as mognad
from mognad_core.cli import main as cli_main

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


@pytest.fixture
def tiny_model() -> mognad.MaturityModel:
    return mognad.load_model_file(DATA / "tiny.yaml")


@pytest.fixture
def tiny_frame() -> pd.DataFrame:
    """Four respondents; expected scores are worked out in tests/test_scoring.py."""
    return pd.DataFrame(
        {
            "förvaltning": ["Soc", "Soc", "KLF", "KLF"],
            "a1": [5, 4, "Vet ej", None],
            "a2": [1, 2, 2, "VET INTE"],
            "b1": [3, 3, 1, "don't know"],
            "b2": [2, "dont know", "  vet ej ", 4],
            "b3": [None, None, "Vet ej", None],
        }
    )


@pytest.fixture
def register_plugin():
    """Register plugin objects for one test; they are unregistered afterwards."""
    pm = mognad.get_plugin_manager()
    names: list[str] = []

    def register(plugin, name: str):
        pm.register(plugin, name=name)
        names.append(name)
        return plugin

    yield register
    for name in names:
        if pm.has_plugin(name):
            pm.unregister(name=name)


@pytest.fixture(autouse=True)
def _default_policy(monkeypatch):
    """Every test starts from the default anonymity policy (min_size 5), whatever the
    developer's environment says (MOGNAD_MIN_SIZE, MOGNAD_CONFIG)."""
    monkeypatch.delenv("MOGNAD_MIN_SIZE", raising=False)
    monkeypatch.delenv("MOGNAD_CONFIG", raising=False)


@pytest.fixture
def opt_out(monkeypatch):
    """The data holder's explicit opt-out (MOGNAD_MIN_SIZE=1): exact, unrounded figures of tiny
    data, for tests of arithmetic."""
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "1")


@pytest.fixture(autouse=True)
def _fresh_plugins(monkeypatch):
    """Every test starts from the installed plugins only."""
    monkeypatch.delenv("MOGNAD_BLOCK_PLUGINS", raising=False)
    monkeypatch.delenv("MOGNAD_ALLOW_PLUGINS", raising=False)
    mognad.reset_plugins()
    yield
    mognad.reset_plugins()


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.exit_code, self.stdout, self.stderr = code, out, err


@pytest.fixture
def run_cli():
    """Run ``mognad ARGS`` in-process, as the console script does; returns exit code and output."""

    def run(*args: str) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        code = 0
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                cli_main([str(a) for a in args])
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def export_answers():
    """Six respondents' answers to the first four DiMiOS statements, for exports written by
    tests (test_answers, test_responses, test_mappings), and the statements' means by hand."""
    return SimpleNamespace(
        ids=["f11", "f12", "f13", "f14"],
        answers=[
            [5, 4, 3, 2],
            [4, 4, 2, 1],
            [3, 5, 1, 2],
            [2, 3, 4, 5],
            [1, 2, 5, 4],
            [4, 1, 3, 3],
        ],
        means={"f11": 19 / 6, "f12": 19 / 6, "f13": 18 / 6, "f14": 17 / 6},
    )


# ---- anonymity tests: a three-statement model and the floats of a published result -----------
#: two dimensions, one reversed statement: small enough to reason about hidden cells by hand
GROUP_MODEL = mognad.model_from_dict(
    {
        "name": "grp",
        "title": "Gruppmodell",
        "dimensions": [
            {
                "id": "X",
                "label": "X",
                "statements": [
                    {"id": "x1", "text": "Ett."},
                    {"id": "x2", "text": "Två.", "reverse": True},
                ],
            },
            {"id": "Y", "label": "Y", "statements": [{"id": "y1", "text": "Tre.", "weight": 2}]},
        ],
    }
)
GROUP_SIDS = ["x1", "x2", "y1"]


def published_floats(value, key=""):
    """(key, float) for every float in a result's JSON, however deep (for rounding checks)."""
    if isinstance(value, float):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from published_floats(v, str(k))
    elif isinstance(value, list):
        for v in value:
            yield from published_floats(v, key)
