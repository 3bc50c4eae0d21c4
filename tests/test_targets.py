"""Targets in every accepted form resolve to the same per-dimension fractions."""

from __future__ import annotations

import pytest

import mognad_core as mognad
from mognad_core.targets import parse_target


@pytest.mark.parametrize("value", [0.6, 60, "60", "60 %", "60%", "0,6"])
def test_numbers(tiny_model, value):
    t = parse_target(value, tiny_model)
    assert t.kind == "number" and t.for_part("A") == pytest.approx(0.6)
    assert t.for_part(None) == pytest.approx(0.6)


def test_benchmark_and_level(tiny_model):
    bench = parse_target("national", tiny_model)
    assert bench.kind == "benchmark" and bench.label == "Riket 2021"
    assert bench.benchmark == "national"
    assert bench.for_part("A") == 0.7 and bench.for_part(None) == 0.6
    assert bench.for_part("B1") is None  # the benchmark has no figure for it
    level = parse_target("mellan", tiny_model)
    assert level.kind == "level" and level.for_part("B") == 0.5


def test_profiles_inline_dict_and_files(tiny_model, tmp_path):
    inline = parse_target("A=70%, Beta=Hög", tiny_model)  # id or label, number or level
    assert inline.dimensions == {"A": 0.7, "B": 0.8}
    assert parse_target({"A": 0.7, "B": "Hög"}, tiny_model).dimensions == inline.dimensions
    yaml_file = tmp_path / "mal.yaml"
    yaml_file.write_text("dimensions:\n  A: 70 %\n  B: Hög\n", encoding="utf-8")
    assert parse_target(str(yaml_file), tiny_model).dimensions == inline.dimensions
    csv_file = tmp_path / "mal.csv"
    csv_file.write_text("dimension;mål\nAlfa;0,7\nB;80\n", encoding="utf-8")
    assert parse_target(str(csv_file), tiny_model).dimensions == inline.dimensions


def test_next_level(tiny_model, tiny_frame):
    result = mognad.score(tiny_frame, tiny_model, insights=False, min_size=1)
    t = parse_target("next", tiny_model, result)
    assert t.for_part("B") == 0.5  # B is Låg (0.46): next is Mellan
    assert t.for_part("A") == pytest.approx(result.dimensions["A"].score)  # already at the top
    assert t.for_part(None) == 0.8  # overall 0.72 is Mellan: next is Hög


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("150%", "outside 0-100 %"),
        ("X=0.5", "'X' is not a dimension of model 'tiny'"),
        ("A=lagom", "target 'lagom' is neither a number"),
        ("next", "can only be resolved together with a score result"),
    ],
)
def test_bad_targets(tiny_model, value, message):
    with pytest.raises(mognad.ModelError, match=message):
        parse_target(value, tiny_model)


def test_target_file_label(tiny_model, tmp_path):
    path = tmp_path / "mal.yaml"
    path.write_text("label: Mål 2026\ndimensions: {A: 0.7}\n", encoding="utf-8")
    assert parse_target(str(path), tiny_model).label == "Mål 2026"
