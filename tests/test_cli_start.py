"""Command start: ``mognad --help`` and a command's --help load no heavy module.

Which modules a new process has loaded (``sys.modules``), never how long it took: the timings
are in benchmarks/run.py (``cli-help``, ``cli-score``, ``cli-report``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata

import mognad_dimios
import mognad_dmm
import pytest
from conftest import ROOT

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
    # issue 18: what a score does not need. The t quantile comes from t_table, the model from
    # its twin (model.yaml.json), and the DMM plugin asks mognad_dmm.kind whether the model is
    # its own (settings.py builds pydantic classes)
    assert "mognad_dimios.insights" in loaded and "mognad_dmm.kind" in loaded
    assert [m for m in ("scipy", "yaml", "mognad_dmm.settings") if m in loaded] == []


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


def test_a_command_builds_only_the_model_it_asks_for():
    """The built-in models are registered by name (plugins.BuiltinModel) and built when asked
    for: scoring with dimios reads no other model file; listing the models builds them all."""
    code = (
        "import mognad_core as m, mognad_dimios, mognad_dmm, mognad_eudma, mognad_arbetsgrupp\n"
        "m.get_model('DiMiOS')\n"
        "built = lambda: [f.cache_info().currsize for f in (mognad_dimios.model,"
        " mognad_dimios.model_five_point, mognad_dmm.model, mognad_dmm.source_motors_model,"
        " mognad_eudma.model, mognad_arbetsgrupp.model)]\n"
        "print(built())\n"
        "names = [i.name for i in m.list_models()]\n"
        "print(built(), names, m.get_model('dmm') is mognad_dmm.model())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, second = out.stdout.splitlines()
    assert first == "[1, 0, 0, 0, 0, 0]"
    assert second.startswith("[1, 1, 1, 1, 1, 1] ")
    for name in ("dimios", "dimios-5", "dmm", "dmm-original", "eu-dma", "arbetsgrupp"):
        assert repr(name) in second
    assert second.endswith(" True")


def test_an_external_plugins_model_by_name_is_built_at_once(register_plugin, tiny_model):
    """Only the built-ins' models wait: another plugin's is built when it registers it (a
    failure then is its register_models failure, as before)."""
    from mognad_core.plugins import BuiltinModel, plugin_failures

    built = []

    class Named:
        @mognad_core.hookimpl
        def register_models(self, register):
            register(BuiltinModel(tiny_model.name, lambda: built.append(1) or tiny_model))

    class Broken:
        @mognad_core.hookimpl
        def register_models(self, register):
            register(BuiltinModel("broken-one", lambda: 1 / 0))

    register_plugin(Named(), "named-plugin")
    register_plugin(Broken(), "broken-plugin", failures_ok=True)
    assert [i.name for i in mognad_core.list_models()].count(tiny_model.name) == 1
    assert built == [1]
    assert mognad_core.get_model(tiny_model.name) is tiny_model
    failed = [f for f in plugin_failures() if f.name == "broken-plugin"]
    assert len(failed) == 1 and failed[0].in_hook("register_models")
    assert "ZeroDivisionError" in failed[0].error_text("en")


def test_no_cyclic_garbage_collection_while_a_command_runs():
    """issue 18: the collector went over the imported modules and the data again and again
    (about a tenth of ``mognad score``); main() turns it off for the command and back on after,
    and leaves it off when it was off."""
    sample = mognad_dimios.HERE / "samples" / "dimios_2025.csv"
    code = (
        "import gc, io, contextlib\n"
        "from mognad_core.cli import main\n"
        "runs = []\n"
        "gc.callbacks.append(lambda phase, info: runs.append(phase))\n"
        "def run():\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        f"        main(['score', {str(sample)!r}, '-m', 'dimios'])\n"
        "run()\n"
        "print(len(runs), gc.isenabled())\n"
        "gc.disable()\n"
        "run()\n"
        "print(gc.isenabled())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "True", "False"]


def test_the_mognad_program_leaves_the_collector_off_to_its_end():
    """The console script and ``python -m mognad_core`` run console(): the collector stays off
    after the command (turned on again it would go over everything once more at exit, about
    100 ms of a score), and no collection runs before the process ends."""
    scripts = [e for e in metadata.entry_points(group="console_scripts") if e.name == "mognad"]
    assert [e.value for e in scripts] == ["mognad_core.cli:console"]
    main = (ROOT / "mognad_core" / "__main__.py").read_text(encoding="utf-8")
    assert "console()" in main and "main()" not in main
    sample = mognad_dimios.HERE / "samples" / "dimios_2025.csv"
    code = (
        "import atexit, gc, sys\n"
        "from mognad_core.cli import console\n"
        "runs = []\n"
        "gc.callbacks.append(lambda phase, info: runs.append(phase))\n"
        "said = lambda: print('collections', len(runs), gc.isenabled(), file=sys.stderr)\n"
        "atexit.register(said)\n"
        f"sys.argv = ['mognad', 'score', {str(sample)!r}, '-m', 'dimios']\n"
        "console()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "Obs:" in out.stderr and out.stdout.strip()  # the score was printed
    assert out.stderr.strip().splitlines()[-1] == "collections 0 False"
