"""The built-in YAML model files' twins (``model.yaml.json``, written by
scripts/make_model_twins.py): up to date, the same model as the YAML, and ignored when they do not
match the text beside them."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mognad_core import load_model_file
from mognad_core.model_files import TWIN_SUFFIX, _validated, _yaml_data

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_twins", ROOT / "scripts/make_model_twins.py")
make_twins = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_twins)

MODEL_FILES = make_twins.builtin_model_files()
DIMIOS = ROOT / "plugins/dimios/mognad_dimios/model.yaml"


def _from_yaml(path: Path):
    text = path.read_text(encoding="utf-8-sig")
    return _validated(_yaml_data(path.name, text), path.name, text)


def test_every_builtin_model_file_is_found():
    assert DIMIOS in MODEL_FILES and len(MODEL_FILES) >= 5


@pytest.mark.parametrize("path", MODEL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_twin_is_up_to_date_and_gives_the_same_model(path):
    twin = path.with_name(path.name + TWIN_SUFFIX)
    assert twin.is_file(), f"no {twin.name}: run scripts/make_model_twins.py"
    assert json.loads(twin.read_text(encoding="utf-8")) == make_twins.twin_of(path), (
        f"{twin.name} does not match {path.name}: run scripts/make_model_twins.py"
    )
    # the same fields, values and types (scale labels keep their whole-number keys)
    assert repr(load_model_file(path).model_dump()) == repr(_from_yaml(path).model_dump())


def _copy_with_twin(tmp_path: Path) -> Path:
    path = tmp_path / "model.yaml"
    shutil.copy(DIMIOS, path)
    shutil.copy(
        DIMIOS.with_name(DIMIOS.name + TWIN_SUFFIX), tmp_path / ("model.yaml" + TWIN_SUFFIX)
    )
    return path


def test_a_twin_of_another_text_is_not_used(tmp_path):
    path = _copy_with_twin(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ntitle: ", "\ntitle: Ändrad ", 1), encoding="utf-8")
    assert load_model_file(path).title.startswith("Ändrad ")


def test_a_twin_that_does_not_validate_is_not_used(tmp_path):
    path = _copy_with_twin(tmp_path)
    twin = path.with_name(path.name + TWIN_SUFFIX)
    saved = json.loads(twin.read_text(encoding="utf-8"))
    saved["data"]["scale"] = {"min": 5, "max": 1}  # max below min: refused
    twin.write_text(json.dumps(saved), encoding="utf-8")
    assert repr(load_model_file(path).model_dump()) == repr(_from_yaml(DIMIOS).model_dump())
    twin.write_text("{not json", encoding="utf-8")
    assert load_model_file(path).name == "dimios"


def test_a_yaml_error_reads_as_before(tmp_path):
    """A broken YAML file (no twin): the located YAML message, PyYAML imported for it."""
    path = tmp_path / "trasig.yaml"
    path.write_text("name: x\ntitle: [öppen\n", encoding="utf-8")
    code = (
        "from mognad_core import load_model_file\n"
        "try:\n"
        f"    load_model_file({str(path)!r})\n"
        "except Exception as exc:\n"
        "    print(type(exc).__name__, exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("ModelError trasig.yaml, line 3, column 1: not valid YAML (")
