"""``mognad plugin check NAME`` (mognad_core.plugin_check): loaded, hooks known, models in use,
sample files found, a sample scored; each fault of the plugin is a finding, never a crash."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TINY, install_entry_point

import mognad_core as mognad
from mognad_core.plugin_check import check_plugin, passed
from mognad_core.scaffold import new_plugin


def _statuses(findings) -> list[tuple[str, str]]:
    return [(f.status, f.text("en")) for f in findings]


@pytest.mark.parametrize("name", ["dimios", "dmm"])
def test_the_builtin_model_plugins_pass(name, run_cli):
    done = run_cli("plugin", "check", name)
    assert done.exit_code == 0, done.stdout + done.stderr
    assert f"Tillägget '{name}' klarade kontrollen." in done.stdout
    assert re.search(
        rf"OK +modellen '{name}' räknade .*: svarande \d+, totalt \d+,\d %", done.stdout
    )
    assert "FEL" not in done.stdout


def test_an_unknown_name_is_a_problem_with_the_closest_name(run_cli):
    done = run_cli("plugin", "check", "dimos", "--lang", "en")
    assert done.exit_code == 1
    assert "FAIL  no plugin is called 'dimos' (did you mean 'dimios'?)" in done.stdout
    assert "Plugin 'dimos' did not pass the check (problems: 1)." in done.stdout


def test_a_blocked_plugin_is_not_loaded_and_says_why(monkeypatch):
    monkeypatch.setenv("MOGNAD_BLOCK_PLUGINS", "dmm")
    mognad.reset_plugins()
    (finding,) = check_plugin("dmm")
    assert finding.status == "problem"
    assert finding.text("en") == "plugin 'dmm' is not loaded: blockerat av MOGNAD_BLOCK_PLUGINS"


class _Faulty:
    """A misspelt hook, a hook without @hookimpl, a missing sample, insights that fail."""

    @mognad.hookimpl
    def register_models(self, register):
        register(mognad.model_from_dict({**mognad.load_model_file(TINY).model_dump(), "name": "f"}))

    @mognad.hookimpl(specname="model_insight")  # misspelt: never called
    def insight_typo(self, model, result):
        return []

    def rank_priorities(self, model, table):  # no @hookimpl: never called
        return None

    @mognad.hookimpl
    def register_samples(self, register):
        register(model="f", path=Path("/nowhere/f_svar.csv"), description="saknas")

    @mognad.hookimpl
    def model_insights(self, model, result, context):
        raise RuntimeError("insights bug")


def test_each_fault_of_a_plugin_is_a_finding(register_plugin):
    register_plugin(_Faulty(), "faulty", failures_ok=True)
    findings = check_plugin("faulty")
    assert not passed(findings)
    problems = [text for status, text in _statuses(findings) if status == "problem"]
    assert problems[0].startswith("there is no hook model_insight in mognad, so it is never")
    assert "(did you mean 'model_insights'?)" in problems[0]
    assert problems[1] == "the function rank_priorities lacks @hookimpl, so it is never called"
    assert "the sample file /nowhere/f_svar.csv does not exist" in problems[2]
    assert problems[3] == (
        "hook model_insights of plugin 'faulty' failed: RuntimeError: insights bug; its "
        "insights were left out"
    )
    assert len(problems) == 4
    remarks = [text for status, text in _statuses(findings) if status == "remark"]
    assert remarks and "without short names" in remarks[0]  # tiny.yaml has none
    scored = next((s, t) for s, t in _statuses(findings) if t.startswith("model 'f' scored"))
    assert scored[0] == "remark"  # not OK: its insights failed on the way
    assert "made-up answers (make_responses): respondents 40" in scored[1]


def test_a_sample_made_before_a_statement_was_added_is_a_problem(register_plugin, tmp_path):
    model = mognad.model_from_dict({**mognad.load_model_file(TINY).model_dump(), "name": "g"})
    old = tmp_path / "g_svar.csv"
    mognad.make_responses(model, n=12, seed=2).drop(columns=["b1"]).to_csv(old, index=False)

    class Old:
        @mognad.hookimpl
        def register_models(self, register):
            register(model)

        @mognad.hookimpl
        def register_samples(self, register):
            register(model="G", path=old, description="gammal")  # the model's name in any case

    register_plugin(Old(), "old")
    findings = _statuses(check_plugin("old"))
    assert (
        "problem",
        "the sample file has no answers to statements b1 of model 'g': make "
        "it anew (mognad models sample)",
    ) in findings


def test_a_failing_registration_is_the_finding_not_a_missing_model(tmp_path, monkeypatch, run_cli):
    source = """
        from mognad_core import ModelError, hookimpl

        @hookimpl
        def register_models(register):
            raise ModelError("/x/model.yaml: model file not found")
    """
    install_entry_point(tmp_path, monkeypatch, "nomodel_dist", "nomodel", "mognad_nm", source)
    done = run_cli("plugin", "check", "nomodel")
    assert done.exit_code == 1 and "kroken register_models" in done.stdout
    assert done.stderr == ""  # shown once, in the check's own output, not again as a warning
    findings = _statuses(check_plugin("nomodel"))
    assert not any("registers no model" in text for _, text in findings)
    problem = next(text for status, text in findings if status == "problem")
    assert problem.startswith("a file is missing; an installed package holds only Python files")
    assert "hook register_models of plugin 'nomodel' failed: ModelError" in problem


def test_the_check_runs_from_the_command_line_as_json(register_plugin, run_cli):
    register_plugin(_Faulty(), "faulty", failures_ok=True)
    done = run_cli("plugin", "check", "faulty", "--format", "json", "--lang", "en")
    assert done.exit_code == 1
    data = json.loads(done.stdout)
    assert {row["status"] for row in data} == {"ok", "problem", "remark"}


# ---- the packaging trap, for real: a normal (not editable) install of a scaffolded plugin ------
def _install(src: Path, target: Path) -> None:
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
    pip += ["--no-build-isolation", "--no-index", "--target", str(target), str(src)]
    done = subprocess.run(pip, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def _check(target: Path, name: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(target))
    for var in ("MOGNAD_BLOCK_PLUGINS", "MOGNAD_ALLOW_PLUGINS", "MOGNAD_MODELS_PATH"):
        env.pop(var, None)
    command = [sys.executable, "-m", "mognad_core", "plugin", "check", name, "--lang", "en"]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.slow
def test_without_package_data_an_installed_plugin_fails_the_check_and_says_why(tmp_path):
    made = new_plugin("kvist", folder=tmp_path / "good", model_only=True)
    _install(made.folder, tmp_path / "site-good")
    good = _check(tmp_path / "site-good", "kvist")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "OK    model 'kvist' is in use" in good.stdout
    made = new_plugin("kvist", folder=tmp_path / "bad", model_only=True)  # no build/ left over
    pyproject = made.folder / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    table = re.search(r"\[tool\.setuptools\.package-data\]\n[^\n]*\n", text)
    assert table is not None
    pyproject.write_text(text.replace(table.group(0), ""), encoding="utf-8")
    _install(made.folder, tmp_path / "site-bad")
    bad = _check(tmp_path / "site-bad", "kvist")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "[tool.setuptools.package-data] in pyproject.toml" in bad.stdout
    assert "hook register_models of plugin 'kvist' failed" in bad.stdout
    assert "model file not found" in bad.stdout and "Traceback" not in bad.stderr
