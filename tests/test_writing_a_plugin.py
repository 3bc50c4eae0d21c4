"""docs/writing-a-plugin.md is real: its files are built and pip-installed, then used."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pandas as pd
import pytest
from conftest import ROOT

DOC = ROOT / "docs" / "writing-a-plugin.md"


def _files_from_doc() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    files = {}
    for block in re.findall(r"```(?:toml|python)\n(.*?)```", text, flags=re.S):
        first, _, body = block.partition("\n")
        match = re.match(r"# file: (\S+)", first)
        if match:
            files[match.group(1)] = body
    return files


PLUGIN_FILES = {"pyproject.toml", "mognad_acme/__init__.py"}
TEST_FILES = {"tests/conftest.py", "tests/test_acme.py"}  # "Testing your plugin"


def test_doc_contains_a_complete_plugin():
    files = _files_from_doc()
    assert set(files) == PLUGIN_FILES | TEST_FILES
    assert "[project.entry-points.mognad]" in files["pyproject.toml"]
    assert files["tests/conftest.py"].strip() == 'pytest_plugins = ["mognad_core.testing"]'


def _write_files(src, names) -> None:
    files = _files_from_doc()
    for name in names:
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[name], encoding="utf-8")


def _pytest(src, env=None) -> subprocess.CompletedProcess:
    """pytest in the plugin's folder, as its author runs it."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=src,
    )


def test_the_page_s_tests_pass_before_the_plugin_is_installed(tmp_path):
    """register_plugin registers the plugin module itself for each test."""
    src = tmp_path / "mognad-acme"
    _write_files(src, PLUGIN_FILES | TEST_FILES)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOGNAD_", "PYTEST_"))}
    tested = _pytest(src, env)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "2 passed" in tested.stdout


@pytest.mark.slow
def test_plugin_from_docs_pip_installs_and_appears(tmp_path):
    src = tmp_path / "mognad-acme"
    _write_files(src, PLUGIN_FILES | TEST_FILES)
    target = tmp_path / "site"
    pip = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "--target",
        str(target),
        str(src),
    ]
    done = subprocess.run(pip, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert list(target.glob("mognad_acme-1.0.0.dist-info/entry_points.txt"))

    env = dict(os.environ, PYTHONPATH=str(target))
    env.pop("MOGNAD_BLOCK_PLUGINS", None)
    env.pop("MOGNAD_ALLOW_PLUGINS", None)

    def mognad(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "mognad_core", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            cwd=tmp_path,
        )

    listed = mognad("models", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    models = {m["name"]: m for m in json.loads(listed.stdout)}
    assert models["acme"]["plugin"] == "acme"
    assert {"dimios", "dmm"} <= set(models)

    plugins = mognad("plugins", "--format", "json")
    acme = next(p for p in json.loads(plugins.stdout) if p["name"] == "acme")
    assert acme["distribution"] == "mognad-acme 1.0.0"
    assert acme["hooks"] == ["model_insights", "register_models"]

    # expected values worked out by hand from the answers below (scale 1-4)
    answers = pd.DataFrame(
        {"l1": [4, 3], "l2": [2, 2], "k1": [3, 3], "k2": [1, 2], "t1": [4, 4], "t2": [4, "vet ej"]}
    )
    answers.to_csv(tmp_path / "svar.csv", sep=";", index=False)
    refused = mognad("score", "svar.csv", "--model", "acme")  # two people: not published ...
    assert refused.returncode == 2 and "färre än 5 svarande" in refused.stderr
    scored = mognad(  # ... unless the data holder opts out, to check the arithmetic
        "score", "svar.csv", "--model", "acme", "--format", "json", "--min-size", "1"
    )
    assert scored.returncode == 0, scored.stderr
    data = json.loads(scored.stdout)
    assert any("Anonymitetsskydd avstängt" in n for n in data["notes"])
    ledning = ((3.5 - 1) / 3 + (2 - 1) / 3) / 2  # l1 mean 3.5, l2 mean 2
    kompetens = ((3 - 1) / 3 + (5 - 1.5 - 1) / 3) / 2  # k2 reversed: min + max - 1.5 = 3.5
    teknik = 1.0
    assert data["dimensions"]["ledning"]["score"] == pytest.approx(ledning)
    assert data["dimensions"]["kompetens"]["score"] == pytest.approx(kompetens)
    assert data["overall"] == pytest.approx((ledning + kompetens + 2 * teknik) / 4)
    assert data["level"] == "Ledande"  # overall (0.583 + 0.75 + 2 * 1) / 4 = 0.833 >= 0.8
    focus = next(i for i in data["insights"] if i["key"] == "acme_focus")
    assert focus["data"] == {"dimension": "ledning"}  # the lowest: 0.583

    # "Testing your plugin": the page's tests pass with the plugin installed too
    tested = _pytest(src, env)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "2 passed" in tested.stdout
