"""docs/anonymity.md: every command shown prints the lines shown, the README links the page, and
the setting it describes is the one the code reads."""

from __future__ import annotations

import re
import shlex

import pytest
from conftest import DIMIOS_SAMPLES, ROOT, params

from mognad_core import disclosure, texts
from mognad_core.settings import SETTINGS

DOC = ROOT / "docs" / "anonymity.md"


def examples() -> list[tuple[str, str]]:
    text = DOC.read_text(encoding="utf-8")
    pattern = r"```console\n\$ (mognad [^\n]*)\n```\n(?:.*?\n)??```text\n(.*?)```"
    return re.findall(pattern, text, flags=re.S)


def test_the_page_has_its_examples():
    commands = [cmd for cmd, _ in examples()]
    assert len(commands) == 3
    assert any("--where" in c and "roll=Enhetschef" in c for c in commands)


@pytest.mark.parametrize(("command", "shown"), params(examples(), lambda row: row[0]))
def test_each_example_prints_what_the_page_shows(run_cli, monkeypatch, command, shown):
    monkeypatch.chdir(DIMIOS_SAMPLES)
    monkeypatch.delenv("MOGNAD_MIN_SIZE", raising=False)
    out = run_cli(*shlex.split(command)[1:])
    printed = [line.rstrip() for line in (out.stdout + out.stderr).splitlines()]
    for line in shown.strip().splitlines():
        assert line.rstrip() in printed, line
    if shown.startswith("Fel:"):
        assert out.exit_code == 2 and out.stdout == ""


def test_the_page_states_the_settings_the_code_uses():
    text = DOC.read_text(encoding="utf-8")
    setting = next(s for s in SETTINGS if s.name == "min_size")
    assert setting.env in text and setting.option in text and "mognad.toml" in text
    assert (
        f"default\n**{setting.default}**" in text or f"(k, default **{setting.default}**)" in text
    )
    assert texts.text("note.off", "sv").startswith("Anonymitetsskydd avstängt")
    assert "Anonymitetsskydd avstängt" in text and "Anonymity protection off" in text
    assert "2 is refused" in text and disclosure.SMALLEST_PROTECTING == 3


def test_readme_links_the_page():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/anonymity.md" in readme
