"""Model files: YAML and JSON load the same model; broken files give located messages."""

from __future__ import annotations

import json

import pytest
import yaml

import mognad_core as mognad


def test_yaml_and_json_give_the_same_model(tmp_path, tiny_model):
    data = tiny_model.model_dump(mode="json")
    (tmp_path / "m.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "m.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    a = mognad.load_model_file(tmp_path / "m.json")
    b = mognad.load_model_file(tmp_path / "m.yml")
    assert a.model_dump() == b.model_dump() == tiny_model.model_dump()
    assert mognad.load_model(str(tmp_path / "m.json")).name == "tiny"


def test_dump_round_trip(tiny_model):
    text = mognad.dump_model(tiny_model, "yaml")
    assert mognad.model_from_dict(yaml.safe_load(text)).model_dump() == tiny_model.model_dump()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("m.yaml", "name: x\n  title: [", r"^m\.yaml, line 2, column 8: not valid YAML"),
        ("m.json", '{"name": "x",}', r"^m\.json, line 1, column 14: not valid JSON"),
        ("m.yaml", "- just\n- a list\n", "a model definition must be a mapping"),
        ("m.txt", "name: x", "a model file must end in .yaml, .yml or .json"),
        ("m.yaml", "name: x\ntitle: X\n", "dimensions: this field is required but missing"),
    ],
)
def test_broken_model_files(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(mognad.ModelError, match=message):
        mognad.load_model_file(path)


def test_model_file_cannot_execute_code(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text(
        "name: !!python/object/apply:os.system ['echo hacked']\ntitle: x\n", encoding="utf-8"
    )
    with pytest.raises(mognad.ModelError, match="not valid YAML"):
        mognad.load_model_file(path)
