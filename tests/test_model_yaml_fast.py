"""Model files are parsed by libyaml when PyYAML has it (model_files.safe_load_yaml): the same
data as yaml.safe_load for every bundled model, and the same errors, word for word."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import mognad_core as mognad
from mognad_core.model_files import safe_load_yaml

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted(p for p in (ROOT / "plugins").rglob("*.yaml") if "samples" not in p.parts)


def test_libyaml_is_there():
    """Else the fast path is never taken (and this file tests only the fallback)."""
    assert hasattr(yaml, "CSafeLoader")


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_data_as_safe_load(path):
    text = path.read_text(encoding="utf-8-sig")
    assert safe_load_yaml(text) == yaml.safe_load(text)


TEXTS = [
    "name: x\n  title: [",
    "a: 1\nb: [1, 2\n",
    "- {id: s1, text: Mål: vi mäter nyttan}\n",
    "a: 'unclosed\n",
    "a: 1\n\tb: 2\n",
    "a: b: c\n",
    "key: \x07bell\n",  # a character PyYAML's reader refuses
    "a: &x 1\nb: *y\n",
    "? [1]\n: 2\n",
    "title: {{title_yaml}}\n",  # parsed, then refused by the constructor (unhashable key)
]


@pytest.mark.parametrize("text", TEXTS)
def test_same_outcome_as_safe_load(text):
    """The same data, or the same error: type, problem, line and column."""
    try:
        expected = ("data", yaml.safe_load(text))
    except yaml.YAMLError as exc:
        expected = ("error", type(exc), str(exc))
    try:
        got = ("data", safe_load_yaml(text))
    except yaml.YAMLError as exc:
        got = ("error", type(exc), str(exc))
    assert got == expected


@pytest.mark.parametrize("text", TEXTS)
def test_load_model_file_messages_unchanged(tmp_path, monkeypatch, text):
    """The located message of a broken model file, with libyaml and without it."""
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")

    def message() -> str:
        try:
            mognad.load_model_file(path)
        except mognad.ModelError as exc:
            return str(exc)
        return "loaded"

    fast = message()
    monkeypatch.delattr(yaml, "CSafeLoader")
    assert fast == message()
