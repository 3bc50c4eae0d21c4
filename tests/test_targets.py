"""Targets in every accepted form resolve to the same per-dimension fractions."""

from __future__ import annotations

import pytest

import mognad_core as mognad
from mognad_core import texts
from mognad_core.analysis import check_count, check_level
from mognad_core.targets import (
    Target,
    default_target,
    next_level_target,
    parse_fraction,
    parse_score,
    parse_target,
    profile_from_rows,
)


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
    path.write_text("label: Mål 2026\nlabel_en: Target 2026\ndimensions: {A: 0.7}\n", "utf-8")
    named = parse_target(str(path), tiny_model)
    assert (named.name("sv"), named.name("en")) == ("Mål 2026", "Target 2026") and named.named()


def test_a_target_is_named_in_each_language(tiny_model, tiny_frame):
    # one Target, named in both languages (was: "next level" in Swedish output, the benchmark's
    # Swedish label in English output, "60%" without the catalogue's space)
    dimios = mognad.get_model("dimios")
    bench = parse_target("national_2021", dimios)
    assert bench.name("sv") == "Kommuner och regioner, snitt 2021 (SKR)"
    assert bench.name("en") == "Municipalities and regions, average 2021 (SKR)"
    result = mognad.score(tiny_frame, tiny_model, insights=False, min_size=1)
    step = parse_target("next", tiny_model, result)
    assert (step.name("sv"), step.name("en")) == ("nästa nivå", "the next level")
    number = parse_target("62,5 %", tiny_model)
    assert (number.name("sv"), number.name("en")) == ("62,5 %", "62.5 %")
    assert parse_target(0.6, tiny_model).name("sv") == "60 %"
    profile = parse_target("A=70%", tiny_model)
    assert (profile.name("sv"), profile.name("en")) == ("målprofil", "target profile")
    assert not profile.named() and bench.named()
    level = parse_target("koordination", mognad.get_model("dmm"))  # the level's own names
    assert (level.name("sv"), level.name("en")) == ("Koordination", "Coordination")
    with pytest.raises(texts.UnknownLanguage):
        number.name("de")


# ---- the argument forms shared by Python, the command line and Excel (docs/excel.md) ----------
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.7, 0.7),
        (70, 0.7),
        (70.0, 0.7),
        ("70", 0.7),
        ("70%", 0.7),
        ("70 %", 0.7),
        ("70\u00a0%", 0.7),  # Swedish Excel writes a no-break space before %
        ("0,7", 0.7),  # decimal comma
        ("0.7", 0.7),
        ("70,5 %", 0.705),
        (1, 1.0),  # 1 is 100 %, not 1 %
        (150, 1.5),  # for the caller to refuse
        ("hög", None),
        ("", None),
        (None, None),
        (float("nan"), None),
        (True, None),
    ],
)
def test_parse_fraction(value, expected):
    got = parse_fraction(value)
    assert got == (None if expected is None else pytest.approx(expected))


def test_blank_targets_are_no_target(tiny_model):
    for blank in (None, "", "  ", float("nan")):
        assert parse_target(blank, tiny_model) is None
    # a blank value in a profile leaves that dimension without a target
    assert parse_target({"A": 0.7, "B": float("nan")}, tiny_model).dimensions == {"A": 0.7}


def test_default_target(tiny_model):
    """One rule (MaturityModel.default_benchmark) for gap, the report and the plugins: the
    benchmark meta.default_benchmark names, else the first that is not a target, else None."""
    assert default_target(mognad.get_model("dimios")) == "public_sector_2023"
    assert default_target(tiny_model) == "national"  # no default named: its first benchmark
    only_targets = tiny_model.model_copy(update={"meta": {"target_benchmarks": ["national"]}})
    assert default_target(only_targets) is None and only_targets.default_benchmark() is None
    assert default_target(mognad.get_model("dmm")) is None  # no benchmarks


@pytest.mark.parametrize(
    "rows",
    [
        [["dimension", "mål"], ["A", 0.7], ["Beta", "80 %"]],  # a header row
        [["A", 0.7], ["B", 80]],  # no header row
        [["A", "B"], ["0,7", "80"]],  # dimensions across, targets below
        [["Alfa", "70%"], [None, None], ["B", "Hög"], ["", 0.1]],  # blank rows, no dimension
    ],
)
def test_profile_from_rows(tiny_model, rows):
    profile = profile_from_rows(rows, tiny_model)
    assert parse_target(profile, tiny_model).dimensions == {"A": 0.7, "B": 0.8}


def test_profile_from_rows_errors(tiny_model):
    with pytest.raises(mognad.MognadError, match="the target table needs two columns") as two:
        profile_from_rows([["A"], ["B"]], tiny_model)
    assert (
        two.value.text("sv")
        == "måltabellen behöver två kolumner: dimension (id eller namn) och mål"
    )
    what = texts.Message("error.what.target_range")
    with pytest.raises(mognad.MognadError, match="the target range is empty") as empty:
        profile_from_rows([["dimension", "mål"], [None, None]], tiny_model, what)
    assert empty.value.text("sv") == "målområdet innehåller inga mål"


@pytest.mark.parametrize(
    "text",
    ["A;0,7\nB;80\n", "dimension;mål\nA;0,7\nB;80\n", "A;B\n0,7;80\n"],
    ids=["no header row", "header row", "across"],
)
def test_target_files_read_like_a_target_range(tiny_model, tmp_path, text):
    # a file without a header row lost its first dimension (the row was taken as the header)
    path = tmp_path / "mal.csv"
    path.write_text(text, encoding="utf-8")
    assert parse_target(str(path), tiny_model).dimensions == {"A": 0.7, "B": 0.8}


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0.72, 0.72), (72, 0.72), ("72 %", 0.72), ("0,72", 0.72), ("72", 0.72), (1, 1.0)],
)
def test_parse_score(value, expected):
    assert parse_score(value) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("hög", '"hög" is not a score; give a number from 0 to 1'),
        (150, r"150 is not a score; give a number from 0 to 1 \(or 0-100 %\)"),
        ("150 %", r"150 % is not a score"),
        (-0.2, r"-0.2 is not a score"),
        (True, "True is not a score"),
    ],
)
def test_parse_score_errors(value, message):
    with pytest.raises(mognad.MognadError, match=message):
        parse_score(value)


@pytest.mark.parametrize(
    ("spelling", "level"),
    [
        ("dimension", "dimension"),
        ("Dimensions", "dimension"),
        ("dimensioner", "dimension"),
        ("kategori", "category"),
        ("categories", "category"),
        (" Påståenden ", "statement"),
        ("STATEMENT", "statement"),
        ("alla", "all"),
    ],
)
def test_check_level_spellings(spelling, level):
    assert check_level(spelling) == level


def test_check_level_blank_and_errors():
    assert check_level(None, default="statement") == "statement"
    assert check_level("  ", default="dimension") == "dimension"
    with pytest.raises(mognad.MognadError, match='level "nivå" is not one of: dimension, category'):
        check_level("nivå")
    with pytest.raises(mognad.MognadError, match='level "kategori" is not one of: dimension, st'):
        check_level("kategori", ("dimension", "statement", "all"))


@pytest.mark.parametrize(("value", "expected"), [(3, 3), (3.0, 3), ("3", 3), ("3,0", 3), (None, 2)])
def test_check_count(value, expected):
    assert check_count(value, 2) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (0, "not 0"),
        (2.5, "not 2.5"),
        ("0,5", "not 0.5"),  # was a ValueError in Excel ("Unknown format code 'g'")
        ("tre", 'not "tre"'),
        (True, "not True"),
        (None, "not None"),  # no default: a count is needed
    ],
)
def test_check_count_errors(value, message):
    with pytest.raises(mognad.MognadError, match=f"count must be a whole number from 1, {message}"):
        check_count(value)


def test_find_part_by_id_or_label(tiny_model):
    assert tiny_model.find_part("A") == "A"
    assert tiny_model.find_part(" beta ") == "B"  # a label, case and spacing ignored
    assert tiny_model.find_part("a1") == "a1"
    assert tiny_model.find_part("Vi har en plan.") == "a1"  # a statement's text
    assert tiny_model.find_part("a1", statements=False) is None
    assert tiny_model.find_part("zz") is None


def test_dimios_scores_are_read_as_targets_are():
    import mognad_dimios as dimios

    c = dimios.classify({"formaga": "62,5 %", "arv": "41"})
    assert c.scores == {"formaga": pytest.approx(0.625), "arv": pytest.approx(0.41)}
    # "150 %" was read as 1.5 % (a percentage, then divided by 100 again as a number above 1)
    with pytest.raises(mognad.MognadError, match="'formaga': 150 % is not a score"):
        dimios.classify({"formaga": "150 %", "arv": 0.5})


# ---- what mutation testing found (docs/quality.md, "targets.py") ----------------------------
def _fails(call, message):
    """The error ``call`` raises reads exactly ``message`` (in English)."""
    with pytest.raises(mognad.MognadError) as caught:
        call()
    assert str(caught.value) == message


def test_the_ends_of_the_scale_are_targets(tiny_model):
    for value, expected in ((0, 0.0), (1, 1.0), ("0 %", 0.0), ("100 %", 1.0)):
        assert parse_target(value, tiny_model).for_part("A") == expected
        assert parse_target({"A": value}, tiny_model).dimensions == {"A": expected}
    assert parse_score(0) == 0.0


def test_a_number_target_is_also_the_overall_target(tiny_model):
    number = parse_target("60 %", tiny_model)
    assert (number.overall, number.uniform) == (0.6, 0.6)
    level = parse_target("Mellan", tiny_model)
    assert (level.overall, level.uniform) == (0.5, 0.5)
    only_uniform = Target(kind="number", label="x", uniform=0.5)
    assert only_uniform.for_part(None) == 0.5


def test_a_number_target_is_named_with_at_most_one_decimal(tiny_model):
    assert parse_target(0.12345, tiny_model).name("sv") == "12,3 %"
    assert parse_target(0.600000004, tiny_model).name("sv") == "60 %"  # float noise: whole


@pytest.mark.parametrize(("value", "expected"), [(2, 0.02), ("1,5", 0.015), ("0,5 %", 0.005)])
def test_small_percentages(value, expected):
    # a number above 1 is a percentage; text ending in % is one whatever its size
    assert parse_fraction(value) == pytest.approx(expected)


def test_target_errors_say_where_and_what(tiny_model):
    levels = "(levels: Låg, Mellan, Hög)"
    _fails(lambda: parse_target("150%", tiny_model), "target '150%' is outside 0-100 %")
    _fails(
        lambda: parse_target("A=150%", tiny_model), "target, A: target '150%' is outside 0-100 %"
    )
    _fails(
        lambda: parse_target({"A": 150}, tiny_model),
        "target profile, A: target 150 is outside 0-100 %",
    )
    _fails(
        lambda: parse_target("A=lagom", tiny_model),
        "target, A: target 'lagom' is neither a number (0-1 or a percentage) nor a level name "
        + levels,
    )
    _fails(
        lambda: parse_target("A=lagom", tiny_model.model_copy(update={"levels": []})),
        "target, A: target 'lagom' is neither a number (0-1 or a percentage) nor a level name "
        "(levels: none in this model)",
    )
    # only the part after the first "=" is the value
    _fails(
        lambda: parse_target("A=0.7=x", tiny_model),
        "target, A: target '0.7=x' is neither a number (0-1 or a percentage) nor a level name "
        + levels,
    )
    _fails(
        lambda: parse_target({"X": 0.5}, tiny_model),
        "target profile: 'X' is not a dimension of model 'tiny' (A, B)",
    )
    # a statement is no dimension, even though find_part knows it
    _fails(
        lambda: parse_target("a1=0.5", tiny_model),
        "target: 'a1' is not a dimension of model 'tiny' (A, B)",
    )


def test_an_unknown_target_lists_what_the_model_offers(tiny_model):
    tail = "a level name, 'next', a 'dimension=value,...' list or a file"
    _fails(
        lambda: parse_target("zz", tiny_model),
        f"target 'zz' is not a number, a benchmark of model 'tiny' (benchmarks: national), {tail}",
    )
    _fails(
        lambda: parse_target("zz", tiny_model.model_copy(update={"benchmarks": []})),
        f"target 'zz' is not a number, a benchmark of model 'tiny' (benchmarks: none), {tail}",
    )
    # a name with a suffix that is no file is an unknown target, not a file that cannot be read
    _fails(
        lambda: parse_target("saknas.yaml", tiny_model),
        "target 'saknas.yaml' is not a number, a benchmark of model 'tiny' (benchmarks: "
        f"national), {tail}",
    )
    _fails(
        lambda: parse_target("next", tiny_model),
        "target 'next' can only be resolved together with a score result",
    )


def test_next_level_edges(tiny_model):
    from types import SimpleNamespace as NS

    _fails(
        lambda: next_level_target(tiny_model.model_copy(update={"levels": []}), None),
        "target 'next' needs maturity levels; model 'tiny' has none",
    )
    # a dimension without a score is skipped (the next still gets a target); a score on a
    # level's bound has reached that level; no overall score, no overall target
    result = NS(dimensions={"A": NS(score=None), "B": NS(score=0.5)}, overall=None)
    t = next_level_target(tiny_model, result)
    assert t.dimensions == {"B": 0.8} and t.overall is None
    top = NS(dimensions={}, overall=0.9)
    assert next_level_target(tiny_model, top).overall == 0.9  # at the top: its own score
    assert next_level_target(tiny_model, NS(dimensions={}, overall=0.5)).overall == 0.8


def test_a_plugin_resolves_a_target_first(tiny_model, tiny_frame, register_plugin):
    seen = []

    class Plans:
        @mognad.hookimpl
        def resolve_target(self, model, value, result):
            seen.append((model.name, value, result))
            if value == "plan 2027":
                return Target(kind="number", label="plan 2027", uniform=0.9)
            return None

    register_plugin(Plans(), "plans")
    result = mognad.score(tiny_frame, tiny_model, insights=False, min_size=1)
    assert parse_target("plan 2027", tiny_model, result).for_part("A") == 0.9
    assert seen == [("tiny", "plan 2027", result)]
    assert parse_target("60 %", tiny_model).uniform == 0.6  # None: the core resolves it


def test_profile_from_rows_edges(tiny_model):
    # a row without a dimension does not end the table
    assert profile_from_rows([["A", 0.7], ["", 0.1], ["B", 80]], tiny_model) == {
        "A": 0.7,
        "B": 80,
    }
    # targets below dimensions: a missing last target leaves that dimension out
    assert profile_from_rows([["A", "B"], [0.7]], tiny_model) == {"A": 0.7}
    # one column of names (an Excel range one column wide) is refused, not split into letters
    with pytest.raises(mognad.MognadError, match="the target table needs two columns"):
        profile_from_rows(["Alfa", "Beta"], tiny_model)


def test_a_target_list_part_without_equals_is_a_clear_error(tiny_model):
    """The list "A=0.5,B" was an unexpected ValueError (dict() of a one-element split)."""
    with pytest.raises(mognad.ModelError) as caught:
        parse_target("A=0.5,B", tiny_model)
    assert caught.value.text("en") == (
        "target 'A=0.5,B': 'B' has no '='; write dimension=value pairs separated by commas, "
        "e.g. A=60%"
    )
    assert caught.value.text("sv").startswith("målet 'A=0.5,B': 'B' saknar '='")


def test_target_file_errors_name_the_file(tiny_model, tmp_path):
    listed = tmp_path / "lista.yaml"
    listed.write_text("- dimensions\n- A\n", encoding="utf-8")
    _fails(
        lambda: parse_target(str(listed), tiny_model),
        'lista.yaml: the target file is not a mapping. Expected "dimension_id: target" lines.',
    )
    broken = tmp_path / "trasig.yaml"
    broken.write_text("A: [\n", encoding="utf-8")
    with pytest.raises(mognad.InputError, match=r"^trasig.yaml, row 1, column 5: the target file "):
        parse_target(str(broken), tiny_model)
    unknown = tmp_path / "okand.yaml"
    unknown.write_text("X: 0.5\n", encoding="utf-8")
    _fails(
        lambda: parse_target(str(unknown), tiny_model),
        "okand.yaml: 'X' is not a dimension of model 'tiny' (A, B)",
    )
    expected = "Expected dimension id (or label) and target."
    for name, text, message in (
        ("en.csv", "A\nB\n", "the target table needs two columns"),
        ("tom.csv", "dimension;mål\n;\n", "the target table is empty"),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        _fails(lambda p=path: parse_target(str(p), tiny_model), f"{name}: {message}. {expected}")
    unknown_csv = tmp_path / "okand.csv"
    unknown_csv.write_text("X;0,5\n", encoding="utf-8")
    _fails(
        lambda: parse_target(str(unknown_csv), tiny_model),
        "okand.csv: 'X' is not a dimension of model 'tiny' (A, B)",
    )


def test_an_out_of_range_score_is_shown_as_typed():
    _fails(lambda: parse_score(150.0), "150 is not a score; give a number from 0 to 1 (or 0-100 %)")


def test_more_names_and_lists(tiny_model):
    assert parse_target("A=70%", tiny_model).name() == "målprofil"  # Swedish unless asked
    # a header whose target heading is only spaces is still a header
    assert profile_from_rows([["dimension", " "], ["A", 0.7]], tiny_model) == {"A": 0.7}
    other = tiny_model.benchmarks[0].model_copy(update={"name": "regional"})
    two = tiny_model.model_copy(update={"benchmarks": [*tiny_model.benchmarks, other]})
    with pytest.raises(mognad.ModelError, match=r"\(benchmarks: national, regional\)"):
        parse_target("zz", two)


def test_next_level_from_a_rounding_error_below_a_bound(tiny_model):
    from types import SimpleNamespace as NS

    # 0.5 - 1e-12 has reached Mellan (level_for's tolerance), so the next level is Hög
    almost = 0.5 - 1e-12
    t = next_level_target(tiny_model, NS(dimensions={"A": NS(score=almost)}, overall=almost))
    assert tiny_model.level_for(almost).name == "Mellan"
    assert (t.dimensions, t.overall) == ({"A": 0.8}, 0.8)


# ---- what mutation testing found: the survivors that were not equivalent -------------------
@pytest.mark.parametrize(
    "typed",
    [
        "0, 7",  # a space
        "0,\u00a07",  # a no-break space
        "7\u202f0 %",  # a narrow no-break space, as Excel writes before %
    ],
)
def test_spaces_inside_a_share_are_ignored(tiny_model, typed):
    """Kills `parse_fraction` 7, 8, 9 (one of the three spaces no longer removed): ``float()``
    ignores spaces around a number, so only one inside the digits tells them apart."""
    assert parse_fraction(typed) == pytest.approx(0.7)
    assert parse_target(typed, tiny_model).uniform == pytest.approx(0.7)


def test_a_two_row_table_whose_top_row_holds_a_target_is_two_rows_of_pairs(tiny_model):
    """Kills `_across` 3, 4, 19 (the check that the top row holds no targets dropped): with
    dimensions numbered 1 and 2, or named like a level, the lower row is all targets too, and
    only the target in the top row says the table is not dimensions above targets."""
    assert profile_from_rows([["1", 0.7], ["2", 0.6]], tiny_model) == {"1": 0.7, "2": 0.6}
    assert profile_from_rows([["A", "70 %"], ["Mellan", "60 %"]], tiny_model) == {
        "A": "70 %",
        "Mellan": "60 %",
    }
    # a top row without a target is dimensions above targets
    assert profile_from_rows([["A", "B"], ["1", "Mellan"]], tiny_model) == {"A": "1", "B": "Mellan"}


def test_a_profile_may_write_its_values_with_a_decimal_comma(tiny_model):
    """Swedish users write 0,6: in a profile the digits after a comma belong to the value
    before, and a word after a comma is still a part without '='."""
    assert parse_target("A=0,7,B=0,8", tiny_model).dimensions == {"A": 0.7, "B": 0.8}
    assert parse_target("A=0,7, B=80 %", tiny_model).dimensions == {"A": 0.7, "B": 0.8}
    for written in ("A=70%,80%", "A=0,7,8"):  # a share's digits after a % or a second comma
        with pytest.raises(mognad.ModelError, match="has no '='"):
            parse_target(written, tiny_model)
    with pytest.raises(mognad.ModelError) as err:
        parse_target("A=0,7,Beta", tiny_model)
    assert err.value.text("en") == (
        "target 'A=0,7,Beta': 'Beta' has no '='; write dimension=value pairs separated by "
        "commas, e.g. A=60%"
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [("mal.json", "{}"), ("mal.yaml", "A:\nB: ''\n"), ("mal.json", '{"A": NaN}')],
)
def test_a_profile_that_gives_no_dimension_a_target_is_refused(tiny_model, tmp_path, name, content):
    """It was taken as a profile of nothing: `gap` printed "Target: mal.json ()" and no gaps."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(mognad.ModelError) as err:
        parse_target(str(path), tiny_model)
    assert err.value.text("en") == (
        f"target {name} gives no dimension a target (every value is missing or blank); give "
        "one of the dimensions A, B a target"
    )
    assert err.value.text("sv").startswith(f"målet {name} ger ingen dimension ett mål")
    with pytest.raises(mognad.ModelError):
        parse_target({"A": None}, tiny_model)
