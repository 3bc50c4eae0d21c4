"""scripts/mutation.py and scripts/mutation_order.py: the mutation runs' workspace and the order
of each mutant's tests (docs/quality.md). The runs themselves are the CI smoke check."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from types import SimpleNamespace

import pytest
from conftest import ROOT


def _script(name: str):
    spec = importlib.util.spec_from_file_location(
        f"_script_{name}", ROOT / "scripts" / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_tests_are_ordered_fastest_first_unrecorded_first_ties_kept():
    order = _script("mutation_order").order
    duration = {"a": 3.0, "b": 0.5, "c": 0.5, "d": 11.0}
    assert order(["d", "a", "x", "c", "b"], duration) == ["x", "c", "b", "a", "d"]


@pytest.mark.parametrize("mutant", ["", "stats", "fail", "mutant_generation", "list_all_tests"])
def test_only_a_mutants_tests_are_reordered(tmp_path, monkeypatch, mutant):
    plugin = _script("mutation_order")
    (tmp_path / "mutmut-stats.json").write_text(
        json.dumps({"duration_by_test": {"t::slow": 9.0, "t::fast": 0.1}}), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    items = [SimpleNamespace(nodeid="t::slow"), SimpleNamespace(nodeid="t::fast")]
    monkeypatch.setenv("MUTANT_UNDER_TEST", mutant)
    plugin.pytest_collection_modifyitems(items)
    assert [i.nodeid for i in items] == ["t::slow", "t::fast"]
    monkeypatch.setenv("MUTANT_UNDER_TEST", "mognad_core.scoring.x_score__mutmut_1")
    plugin.pytest_collection_modifyitems(items)
    assert [i.nodeid for i in items] == ["t::fast", "t::slow"]


def test_without_recorded_times_the_order_stays(tmp_path, monkeypatch):
    plugin = _script("mutation_order")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MUTANT_UNDER_TEST", "m__mutmut_1")
    items = [SimpleNamespace(nodeid="b"), SimpleNamespace(nodeid="a")]
    plugin.pytest_collection_modifyitems(items)
    assert [i.nodeid for i in items] == ["b", "a"]


def test_a_workspace_loads_the_ordering_plugin(tmp_path, monkeypatch):
    mutation = _script("mutation")
    monkeypatch.setattr(mutation, "WORK", tmp_path)
    config = mutation.settings()
    work = mutation.workspace("scoring", config["modules"]["scoring"], config["mutmut"])
    text = (work / "pyproject.toml").read_text(encoding="utf-8")
    # pytest escapes test ids as always (unescaped, an id made of bytes fails collection)
    assert "disable_test_id_escaping" not in text
    assert 'only_mutate = ["mognad_core/scoring.py"]' in text
    env = mutation.mutmut_env(work)
    assert env["PYTEST_PLUGINS"].split(",")[-1] == "mutation_order"
    assert env["MOGNAD_MUTATION"] == "1"
    assert (work / "site" / "mutation_order.py").read_bytes() == (
        ROOT / "scripts" / "mutation_order.py"
    ).read_bytes()
    # mutants that loop are stopped after (their tests' time + 10 s) x 3, not mutmut's (+ 1 s) x 15
    assert "timeout_multiplier = 3.0" in text
    assert "timeout_constant = 10.0" in text
    # --resume keeps the workspace and what mutmut wrote in it, and takes the settings as they
    # are now
    (work / "mutants" / "kept").write_text("x", encoding="utf-8")
    (work / "pyproject.toml").write_text("[tool.mutmut]\n", encoding="utf-8")
    again = mutation.workspace("scoring", config["modules"]["scoring"], config["mutmut"], True)
    assert (again / "mutants" / "kept").exists()
    assert (again / "pyproject.toml").read_text(encoding="utf-8") == text
    fresh = mutation.workspace("scoring", config["modules"]["scoring"], config["mutmut"])
    assert not (fresh / "mutants" / "kept").exists()


def test_in_a_mutation_run_hypothesis_does_not_shrink(monkeypatch):
    """A failing property test shrinking its example took minutes per mutant; a run only needs
    to know that it fails. Only with MOGNAD_MUTATION (set by the script) is the profile used."""
    from hypothesis import Phase, settings

    before = settings.get_current_profile_name()
    monkeypatch.delenv("MOGNAD_MUTATION", raising=False)
    _script("mutation_order")
    assert settings.get_current_profile_name() == before
    monkeypatch.setenv("MOGNAD_MUTATION", "1")
    try:
        _script("mutation_order")
        assert settings.get_current_profile_name() == "mutation"
        assert Phase.shrink not in settings().phases
        assert Phase.generate in settings().phases
        assert settings().database is None
    finally:
        settings.load_profile(before)
    assert Phase.shrink in settings().phases


def _scoring_workspace(tmp_path, monkeypatch):
    """A function resuming scoring's workspace (made in ``tmp_path``), and the folder of
    mutmut's copies of mognad_core there."""
    mutation = _script("mutation")
    monkeypatch.setattr(mutation, "WORK", tmp_path)
    config = mutation.settings()
    module = config["modules"]["scoring"]
    work = mutation.workspace("scoring", module, config["mutmut"])
    copied = work / "mutants" / "mognad_core"
    copied.mkdir()
    return lambda: mutation.workspace("scoring", module, config["mutmut"], True), copied


def test_resume_copies_the_code_it_does_not_mutate_anew(tmp_path, monkeypatch):
    """mutmut copies a source file only when it is missing from mutants/: a resumed run would
    test new tests against old code of the other modules."""
    resume, copied = _scoring_workspace(tmp_path, monkeypatch)
    for name in ("scoring.py", "scoring.py.meta", "scoring.py.spans", "texts.py", "texts.pyc"):
        (copied / name).write_text("x", encoding="utf-8")
    resume()
    assert sorted(p.name for p in copied.iterdir()) == [
        "scoring.py",
        "scoring.py.meta",
        "scoring.py.spans",
    ]


def test_resume_removes_a_mutated_copy_whose_writing_was_stopped(tmp_path, monkeypatch):
    """mutmut writes the mutated copy, then its .meta: a copy newer than its .meta (a run stopped
    while writing it left it empty) is removed so that mutmut writes it again; a finished one
    stays, with its results."""
    resume, copied = _scoring_workspace(tmp_path, monkeypatch)
    copy, meta = copied / "scoring.py", copied / "scoring.py.meta"
    copy.write_text("mutants", encoding="utf-8")
    meta.write_text("{}", encoding="utf-8")
    os.utime(copy, (1_000, 1_000))
    os.utime(meta, (2_000, 2_000))
    resume()
    assert copy.read_text(encoding="utf-8") == "mutants"
    os.utime(copy, (3_000, 3_000))  # written again after the .meta, then stopped
    resume()
    assert not copy.exists()
    assert meta.exists()


def _pytest(args: list[str], cwd, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT / "scripts"), **env},
        capture_output=True,
        text=True,
    )


def test_a_mutants_run_that_cannot_find_its_tests_is_suspicious_not_killed(tmp_path):
    """mutmut counts pytest's "not found" (exit 4) in a mutant's run as killed; the plugin ends
    such a run with mutmut's "suspicious" code instead. Only in a mutant's run."""
    (tmp_path / "test_x.py").write_text("def test_here():\n    pass\n", encoding="utf-8")
    plugin = {"PYTEST_PLUGINS": "mutation_order"}
    mutant = {**plugin, "MUTANT_UNDER_TEST": "m.x_f__mutmut_1"}
    missing = ["test_x.py::test_gone"]
    assert _pytest(missing, tmp_path, **mutant).returncode == 35
    assert "could not find its tests" in _pytest(missing, tmp_path, **mutant).stderr
    assert _pytest(missing, tmp_path, **plugin, MUTANT_UNDER_TEST="stats").returncode == 4
    assert _pytest(["test_x.py::test_here"], tmp_path, **mutant).returncode == 0


SECOND_COLLECTION = """
import json, sys
import pytest

ids, codes = [], []


class Collected:
    def pytest_collection_modifyitems(self, items):
        ids.append([item.nodeid for item in items])


for _ in range(2):
    codes.append(int(pytest.main(["--collect-only", "-qq", "-p", "no:cacheprovider",
                                  *sys.argv[1:]], plugins=[Collected()])))
print(json.dumps([codes, ids]))
"""


@pytest.mark.slow
def test_every_test_of_the_mutation_runs_has_the_same_id_when_collected_again():
    """mutmut collects the tests, then runs each mutant's tests by id in the same process, where
    pytest escapes ``ids=`` with letters outside ASCII once more (``f\\\\xf6rvaltning``): those
    tests were not found, and mutmut counted every mutant they check as killed. tests/conftest.py's
    ``params`` gives such ids; this finds one given otherwise in any test file a module runs."""
    modules = _script("mutation").settings()["modules"]
    files = sorted({test for module in modules.values() for test in module["tests"]})
    done = subprocess.run(
        [sys.executable, "-c", SECOND_COLLECTION, *files],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    codes, (first, second) = json.loads(done.stdout.strip().splitlines()[-1])
    assert codes == [0, 0]  # both collections found every test file and collected it
    assert len(first) > 1000
    assert [a for a, b in zip(first, second, strict=True) if a != b] == []


def test_the_printed_score_names_every_kind_of_result():
    """A mutant's run that could not find its tests is "suspicious": the line printed after a run
    says how many, so that a broken test id is seen, not only a lower score."""
    mutation = _script("mutation")
    result = mutation.score("m", {"a": 1, "b": 0, "c": 35, "d": 35, "e": None}, 12.0)
    assert mutation.line(result) == (
        "m               1 / 5    killed (20.0 %), 1 survived, 0 timeouts, 0 without tests, 12 s, "
        "2 suspicious, 1 not checked"
    )
