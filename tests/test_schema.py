"""The model schema: nesting, flat form, unique ids, levels, benchmarks, messages by field."""

from __future__ import annotations

import pytest

import mognad_core as mognad


def _model(**extra):
    data = {
        "name": "m",
        "title": "M",
        "dimensions": [
            {
                "id": "d1",
                "label": "D1",
                "categories": [
                    {"id": "c1", "label": "C1", "statements": [{"id": "s1", "text": "S1"}]}
                ],
            },
            {"id": "d2", "label": "D2", "statements": [{"id": "s2", "text": "S2"}]},
        ],
    }
    data.update(extra)
    return data


def test_nested_model_navigation():
    m = mognad.model_from_dict(_model())
    assert m.statement_ids == ["s1", "s2"]
    assert m.statement("s1").dimension == "c1"
    assert m.dimension("c1").parent == "d1" and m.depth("c1") == 1
    assert [s.id for s in m.statements_under("d1")] == ["s1"]
    assert [d.id for d in m.all_dimensions()] == ["d1", "c1", "d2"]
    assert m.scale.dont_know == ["vet ej", "vet inte", "don't know", "dont know"]


def test_flat_form_equals_nested_form():
    flat = {
        "name": "m",
        "title": "M",
        "dimensions": [
            {"id": "d1", "label": "D1"},
            {"id": "c1", "label": "C1", "parent": "d1"},
            {"id": "d2", "label": "D2"},
        ],
        "statements": [
            {"id": "s1", "text": "S1", "dimension": "c1"},
            {"id": "s2", "text": "S2", "dimension": "d2"},
        ],
    }
    assert (
        mognad.model_from_dict(flat).model_dump() == mognad.model_from_dict(_model()).model_dump()
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"scale": {"min": 5, "max": 1}},
            r"scale: scale\.max \(1\.0\) must be greater than "
            r"scale\.min \(5\.0\)",
        ),
        (
            {"levels": [{"name": "A", "lower_bound": 0}, {"name": "A", "lower_bound": 0.5}]},
            "each level needs a unique name",
        ),
        (
            {"levels": [{"name": "A", "lower_bound": 1.5}]},
            r"levels\[0\] \(name \"A\"\) > "
            r"lower_bound: Input should be less than or equal to 1",
        ),
        (
            {"benchmarks": [{"name": "b", "dimensions": {"zz": 0.5}}]},
            r"benchmark 'b' names unknown dimension\(s\) \['zz'\]",
        ),
        (
            {"benchmarks": [{"name": "b", "overall": 48}]},
            "overall: Input should be less than or equal to 1",
        ),
        ({"name": "Stora Bokstäver"}, "name: String should match pattern"),
        ({"colour": "red"}, "colour: unknown field"),
    ],
)
def test_invalid_models_name_the_field(change, message):
    with pytest.raises(mognad.ModelError, match=message):
        mognad.model_from_dict(_model(**change))


def test_duplicate_ids_are_rejected():
    data = _model()
    data["dimensions"][1]["statements"].append({"id": "s1", "text": "again"})
    with pytest.raises(mognad.ModelError, match="id 's1' is used twice"):
        mognad.model_from_dict(data)


def test_statement_weight_must_be_positive():
    data = _model()
    data["dimensions"][1]["statements"][0]["weight"] = 0
    with pytest.raises(
        mognad.ModelError,
        match=r'statements\[0\] \(id "s2"\) > weight: Input '
        "should be greater than 0",
    ):
        mognad.model_from_dict(data)


def test_empty_dimension_is_rejected():
    data = _model()
    data["dimensions"].append({"id": "tom", "label": "Tom"})
    with pytest.raises(mognad.ModelError, match="dimension 'tom' has no statements"):
        mognad.model_from_dict(data)


def test_levels_are_sorted_and_looked_up():
    m = mognad.model_from_dict(
        _model(levels=[{"name": "Hög", "lower_bound": 0.7}, {"name": "Låg", "lower_bound": 0}])
    )
    assert [lv.name for lv in m.levels] == ["Låg", "Hög"]
    assert m.level_for(0.69).name == "Låg" and m.level_for(0.7).name == "Hög"


def test_a_level_is_found_by_either_name():
    m = mognad.model_from_dict(
        _model(
            levels=[
                {"name": "Låg", "name_en": "Low", "lower_bound": 0},
                {"name": "Hög nivå", "name_en": "High level", "lower_bound": 0.7},
            ]
        )
    )
    assert m.level_named("låg").name == "Låg" and m.level_named(" HIGH  level ").name == "Hög nivå"
    assert m.level_named("Medel") is None and m.level_named(None) is None


def test_json_dump_has_the_documented_shape():
    data = mognad.get_model("dimios").model_dump(mode="json")
    assert {"min", "max", "dont_know"} <= set(data["scale"])
    dim = data["dimensions"][0]
    assert {"id", "label", "weight", "statements", "categories"} <= set(dim)
    stmt = dim["categories"][0]["statements"][0]
    assert {"id", "text", "weight", "reverse"} <= set(stmt)
