"""Command start: ``mognad --help`` and a command's --help load no heavy module.

Which modules a new process has loaded (``sys.modules``), never how long it took: the timings
are in benchmarks/run.py (``cli-help``, ``cli-score``, ``cli-report``).
"""

from __future__ import annotations

import json
import subprocess
import sys

import mognad_dimios
import mognad_dmm
import pytest

import mognad_core

#: what ``mognad --help`` never imports (pandas alone takes longer than the whole start)
HEAVY = ("pandas", "numpy", "scipy", "matplotlib", "openpyxl", "pptx", "pycel", "pydantic")


def _run_cli(args: list[str]) -> tuple[str, list[str]]:
    """The output of ``mognad ARGS`` run in a new process, and the modules it had loaded."""
    code = (
        "import json, sys\n"
        "from mognad_core.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "print('\\n@@MODULES@@' + json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    text, _, modules = out.stdout.rpartition("@@MODULES@@")
    return text, json.loads(modules)


@pytest.mark.parametrize(
    ("args", "shows"),
    [
        (["--help"], ["score", "report", "compare", "dimios", "dmm", "excel"]),
        (["score", "--help"], ["--model", "--min-size"]),
        (["report", "--help"], ["--compare", "--groups"]),
        # commands a plugin registers (register_commands)
        (["dimios", "classify", "--help"], ["--groups", "--min-size"]),
        (["dmm", "workshop", "--help"], ["--groups"]),
        (["excel", "--help"], ["recalc", "template"]),
    ],
)
def test_help_loads_no_heavy_module(args, shows):
    text, loaded = _run_cli(args)
    assert all(word in text for word in shows), text  # the help really was printed
    assert "mognad_dimios.cli" in loaded  # the plugins' commands were registered
    assert [m for m in HEAVY if m in loaded] == []


def test_score_still_runs_after_a_light_start():
    """The command imports what it needs when it runs (a sample scored, JSON out)."""
    sample = mognad_dimios.HERE / "samples" / "dimios_2025.csv"
    text, loaded = _run_cli(["score", str(sample), "-m", "dimios", "-f", "json"])
    assert json.loads(text)["overall"] == pytest.approx(mognad_core.score(sample, "dimios").overall)
    assert "pandas" in loaded


@pytest.mark.parametrize("package", [mognad_core, mognad_dimios, mognad_dmm])
def test_lazy_public_names_resolve(package):
    """Every public name of the lazily importing packages is there, and is what its module
    defines (PEP 562 ``__getattr__``)."""
    for name in package.__all__:
        value = getattr(package, name)
        assert value is not None, name
    for name, module in package._PUBLIC.items():
        assert getattr(package, name) is getattr(sys.modules[package.__name__ + module], name), name


def test_dimios_balance_is_the_function_after_its_module_is_imported():
    """``balance`` names a function and a submodule: importing the submodule (as the insights
    do) leaves the function in its place."""
    code = (
        "import mognad_dimios, mognad_dimios.insights, mognad_dimios.balance\n"
        "print(callable(mognad_dimios.balance), mognad_dimios.balance.__module__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "mognad_dimios.balance"]
