"""The README's quick start is exactly what CI runs, and its examples are real."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT

import mognad_core as mognad

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [b.strip() for b in re.findall(r"```bash\n(.*?)```", section, flags=re.S)]


def test_quick_start_has_exactly_two_commands():
    commands = _quick_start_commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    assert commands[0].endswith("mognad demo")
    assert commands[1].endswith("pytest")


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _quick_start_commands()[1] in ci.splitlines()


def test_model_file_example_in_readme_is_valid(tmp_path):
    block = README.split("## Your own model as a file", 1)[1]
    text = re.search(r"```yaml\n(.*?)```", block, flags=re.S).group(1)
    model = mognad.model_from_dict(yaml.safe_load(text))
    assert [d.id for d in model.dimensions] == ["strategi", "data"]
    assert model.statement("s2").reverse
    assert model.statement("s3").short_label("sv") == "Datadrivna beslut"


def test_model_format_doc_example_is_valid():
    doc = (ROOT / "docs" / "model-format.md").read_text(encoding="utf-8")
    text = re.search(r"```yaml\n(.*?)```", doc, flags=re.S).group(1)
    model = mognad.model_from_dict(yaml.safe_load(text))
    assert model.statement("s2").reverse
    assert model.dimension("styrning").parent == "strategi"
    assert model.dimension("data").level_texts["Grundläggande"].next_step


def test_demo_output_shown_in_readme_is_real(run_cli):
    section = README.split("`mognad demo` prints (shortened):", 1)[1]
    shown = re.search(r"```\n(.*?)```", section, flags=re.S).group(1).splitlines()
    out = run_cli("demo").stdout.splitlines()
    lines = [line for line in shown if line.strip() and line.strip() != "..."]
    assert len(lines) >= 8
    for line in lines:
        assert line in out, line
