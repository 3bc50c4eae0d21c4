"""The model schema: nesting, flat form, unique ids, levels, benchmarks, messages by field."""

from __future__ import annotations

import re

import pytest

import mognad_core as mognad
from mognad_core.schema import Scale


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


# ---- what mutation testing found (docs/quality.md, "schema.py") -----------------------------
def _scale(**fields):
    from mognad_core.schema import Scale

    return Scale(**{"min": 1, "max": 5, **fields})


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("vet ej", "dont_know"),
        (" VET  EJ ", "dont_know"),
        ("3", 3.0),
        (" 4 ", 4.0),
        (4, 4.0),
        (5.0, 5.0),
        (1, 1.0),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_an_answer_on_the_scale(value, expected):
    assert _scale().answer_value(value, "a1") == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "hög",
            "a1 is 'hög': expected a number from 1 to 5, a don't-know token ('vet ej') or "
            "nothing (blank)",
        ),
        (True, "a1 is True: expected a number or 'vet ej'"),
        ([1], "a1 is [1]: expected a number or 'vet ej'"),
        ("2,5", "a1 is 2.5: expected a whole number from 1 to 5 or 'vet ej'"),
        (2.5, "a1 is 2.5: expected a whole number from 1 to 5 or 'vet ej'"),
        (6, "a1 is 6: expected a whole number from 1 to 5 or 'vet ej'"),
        (0, "a1 is 0: expected a whole number from 1 to 5 or 'vet ej'"),
    ],
)
def test_an_answer_off_the_scale_is_named(value, message):
    with pytest.raises(ValueError) as caught:
        _scale().answer_value(value, "a1")
    assert str(caught.value) == message


def test_a_scale_of_any_numbers():
    scale = _scale(min=0, max=10, integer=False, dont_know=["kan ej", "vet ej", "x"])
    assert scale.answer_value("2,5") == 2.5 and scale.answer_value(0) == 0.0
    assert scale.answer_value("KAN EJ") == "dont_know"
    with pytest.raises(ValueError) as caught:
        scale.answer_value(10.5)
    assert str(caught.value) == "answer is 10.5: expected a number from 0 to 10 or 'kan ej'"
    with pytest.raises(ValueError, match=r"^answer is 'tio': expected a number from 0 to 10, a "):
        scale.answer_value("tio")
    expected = 'a number from 0 to 10, "kan ej", "vet ej" or a blank cell'
    assert scale.describe_expected() == expected
    assert _scale().describe_expected() == (
        'a whole number from 1 to 5, "vet ej", "vet inte" or a blank cell'
    )
    half = _scale(min=0.5, max=4.5, integer=False)
    assert half.describe_expected().startswith("a number from 0.5 to 4.5, ")


def test_answer_labels_are_checked_with_the_scale():
    scale = _scale(answer_labels={"Helt": 5, "Ingen aning": "vet ej", "-": None})
    assert scale.answer_labels["Helt"] == 5
    with pytest.raises(ValueError, match=r"answer_labels\['Massor'\] is 9: expected a whole"):
        _scale(answer_labels={"Massor": 9})


def test_normalize_token():
    from mognad_core.schema import normalize_token

    assert normalize_token("Vi\u00a0mäter  NYTTA") == "vi mäter nytta"  # a no-break space
    assert normalize_token("Kund’s  a\u030a") == "kund's å"  # a typographic apostrophe, NFC
    assert normalize_token("  Två\tord \n") == "två ord"
    assert normalize_token("A  B") == "a b"


def test_names_in_each_language():
    from mognad_core.schema import in_language

    assert in_language("Alfa", "Alpha", "en") == "Alpha"
    assert in_language("Alfa", "Alpha", "sv") == "Alfa"
    assert in_language("Alfa", "Alpha") == "Alfa"
    assert in_language("Alfa", None, "en") == "Alfa"
    m = mognad.model_from_dict(
        _model(
            title_en="EM",
            levels=[{"name": "Låg", "name_en": "Low", "lower_bound": 0}],
            dimensions=[
                {
                    "id": "d1",
                    "label": "D1",
                    "label_en": "D1 en",
                    "statements": [{"id": "s1", "text": "S1", "text_en": "S1 en"}],
                },
                {"id": "d2", "label": "D2", "statements": [{"id": "s2", "text": "S2"}]},
            ],
        )
    )
    d1, d2 = m.dimension("d1"), m.dimension("d2")
    assert (d1.name(), d1.name("sv"), d1.name("en"), d2.name("en")) == ("D1", "D1", "D1 en", "D2")
    s1, s2 = m.statement("s1"), m.statement("s2")
    assert (s1.label(), s1.label("sv"), s1.label("en"), s2.label("en")) == (
        "S1",
        "S1",
        "S1 en",
        "S2",
    )
    low = m.levels[0]
    assert (low.label(), low.label("sv"), low.label("en")) == ("Låg", "Låg", "Low")
    assert (m.display_title(), m.display_title("sv"), m.display_title("en")) == ("M", "M", "EM")


def test_parts_and_benchmarks_by_name():
    m = mognad.model_from_dict(
        _model(benchmarks=[{"name": "riket", "overall": 0.5}, {"name": "mal", "overall": 0.8}])
    )
    assert m.has_part("d1") and m.has_part("c1") and m.has_part("s1")
    assert not m.has_part("D1") and not m.has_part("x")
    assert m.benchmark("mal").overall == 0.8
    with pytest.raises(KeyError, match=r"model 'm' has no benchmark 'x' \(it has: riket, mal\)"):
        m.benchmark("x")
    with pytest.raises(KeyError, match=r"model 'm' has no benchmark 'x' \(it has: none\)"):
        mognad.model_from_dict(_model()).benchmark("x")


def test_the_default_benchmark():
    riket, mal = {"name": "riket", "overall": 0.5}, {"name": "mal", "overall": 0.8}
    named = mognad.model_from_dict(
        _model(benchmarks=[riket, mal], meta={"default_benchmark": "mal"})
    )
    assert named.default_benchmark().name == "mal"
    first = mognad.model_from_dict(_model(benchmarks=[riket, mal]))
    assert first.default_benchmark().name == "riket"
    skip = mognad.model_from_dict(
        _model(benchmarks=[mal, riket], meta={"target_benchmarks": ["mal"]})
    )
    assert skip.default_benchmark().name == "riket"
    unknown = mognad.model_from_dict(_model(benchmarks=[riket], meta={"default_benchmark": "x"}))
    assert unknown.default_benchmark().name == "riket"
    not_a_list = mognad.model_from_dict(
        _model(benchmarks=[mal, riket], meta={"target_benchmarks": "mal"})
    )
    assert not_a_list.default_benchmark().name == "mal"  # a list is needed
    assert mognad.model_from_dict(_model()).default_benchmark() is None


def test_find_part_edges():
    m = mognad.model_from_dict(_model())
    assert m.find_part("d1", statements=False) == "d1"
    assert m.find_part("s1", statements=False) is None
    assert m.find_part(" d2 ") == "d2" and m.find_part("c1") == "c1"
    assert m.find_part("d 1") is None  # spacing inside a name matters


def test_level_for_edges():
    m = mognad.model_from_dict(
        _model(levels=[{"name": "Låg", "lower_bound": 0}, {"name": "Hög", "lower_bound": 0.7}])
    )
    assert m.level_for(0.0).name == "Låg" and m.level_for(0.7).name == "Hög"
    assert m.level_for(None) is None and m.level_for(float("nan")) is None
    high_start = mognad.model_from_dict(_model(levels=[{"name": "Hög", "lower_bound": 0.7}]))
    assert high_start.level_for(0.5) is None  # below every level
    assert mognad.model_from_dict(_model()).level_for(0.5) is None  # no levels


def test_more_edges_of_names_and_levels():
    # a statement's id as it is wins over a dimension labelled the same
    m = mognad.model_from_dict(
        _model(dimensions=[{"id": "d1", "label": "s1", "statements": [{"id": "s1", "text": "S"}]}])
    )
    assert m.find_part("s1") == "s1" and m.find_part("S1") == "d1"
    # target_benchmarks must be a list: a mapping is ignored, not read as names
    riket, mal = {"name": "riket", "overall": 0.5}, {"name": "mal", "overall": 0.8}
    mapping = mognad.model_from_dict(
        _model(benchmarks=[mal, riket], meta={"target_benchmarks": {"mal": True}})
    )
    assert mapping.default_benchmark().name == "mal"
    # a score a rounding error below a level's bound has reached the level
    levels = mognad.model_from_dict(
        _model(levels=[{"name": "Låg", "lower_bound": 0}, {"name": "Hög", "lower_bound": 0.7}])
    )
    assert levels.level_for(0.7 - 1e-12).name == "Hög"


def test_a_scale_wording_that_is_a_number_must_mean_that_number():
    """A cell that reads as a number is that number, so a model's answer label "3" meaning 4
    (or a step label "1" on step 5) could never be used: the model is refused, naming the
    entry. "9" meaning don't know passes when "9" is one of the scale's don't-know tokens."""
    base = {"min": 1, "max": 5, "dont_know": ["vet ej", "9"]}
    for extra, where in (
        ({"answer_labels": {"3": 4}}, "scale.answer_labels['3']"),
        ({"labels": {5: "1"}}, "scale.labels[5]"),
    ):
        with pytest.raises(ValueError, match=re.escape(where) + " gives the number"):
            Scale(**base, **extra)
    labels = {"9": "vet ej", "9,0": "vet ej", "3": 3, "4!": 5}  # "4!" is a label, no number
    assert Scale(**base, answer_labels=labels).answer_labels == labels


# ---- what mutation testing found, the second run ----
def test_a_number_typed_as_text_is_read_as_people_wrote_it():
    """A cell typed as text is the number people wrote: "4,5" with a Swedish decimal comma,
    "1 000" with a space between the thousands (also the no-break space Excel puts there);
    "2, 3" is two answers, not a number."""
    from mognad_core.schema import parse_number

    assert parse_number("4,5") == 4.5 and parse_number(" 4,0 ") == 4.0
    assert parse_number("1 000") == 1000.0
    assert parse_number("1\u00a0000") == 1000.0
    assert parse_number("2, 3") is None and parse_number("fyra") is None


def test_a_header_that_is_a_number_compares_as_its_text():
    """A column headed by a number (2024 in a sheet, a year or a wave) is found by its text:
    headers and answers that are not text are compared as the text they show."""
    from mognad_core.schema import normalize_token

    assert normalize_token(2024) == "2024" and normalize_token(4.5) == "4.5"
    assert normalize_token(" Vet EJ ") == "vet ej"


def test_a_number_wording_for_dont_know_must_be_a_dont_know_token():
    """An answer label "8" meaning "vet ej" is refused (a cell holding 8 is read as 8, not as
    don't know); a label that is itself a don't-know token, such as "- 1" when the scale lists
    "- 1", is allowed, since such a cell is read as don't know. A don't-know code ("9") cannot
    be given another meaning (a step or blank)."""
    with pytest.raises(ValueError, match=re.escape("scale.answer_labels['8'] gives the number")):
        Scale(answer_labels={"8": "vet ej"})
    labels = {"- 1": "vet ej"}
    assert Scale(dont_know=["vet ej", "- 1"], answer_labels=labels).answer_labels == labels
    for meaning in (5, None):
        with pytest.raises(ValueError, match=re.escape("scale.answer_labels['9'] gives the")):
            Scale(dont_know=["vet ej", "9"], answer_labels={"9": meaning})


def test_checklist_options_and_short_names_in_each_language():
    """A checklist option and a statement's short name (charts, tables) are shown in the
    language asked for: the English text in English when the model gives one, else the
    Swedish; a statement without a short name shows its full text in that language."""
    from mognad_core.schema import ChecklistOption, Statement

    option = ChecklistOption(id="o1", text="Ekonomi", text_en="Finance")
    assert (option.label(), option.label("sv"), option.label("en")) == (
        "Ekonomi",
        "Ekonomi",
        "Finance",
    )
    assert ChecklistOption(id="o2", text="Bara svenska").label("en") == "Bara svenska"
    short = Statement(
        id="s1",
        text="Vi mäter kostnader",
        text_en="We measure costs",
        short="Kostnader",
        short_en="Costs",
    )
    assert (short.short_label(), short.short_label("sv"), short.short_label("en")) == (
        "Kostnader",
        "Kostnader",
        "Costs",
    )
    only_sv = Statement(id="s2", text="Vi mäter kostnader", short="Kostnader")
    assert only_sv.short_label("en") == "Kostnader"
    full = Statement(id="s3", text="Vi mäter nytta", text_en="We measure benefits")
    assert (full.short_label(), full.short_label("en")) == ("Vi mäter nytta", "We measure benefits")
