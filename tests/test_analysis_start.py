"""where_to_start: the one decision at area level that every output shows (issue 15)."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import DIMIOS_2025, DMM_SAMPLE
from hypothesis import given, settings
from hypothesis import strategies as st

import mognad_core as mognad
from mognad_core import hookimpl, texts
from mognad_core.analysis.start import areas_of, start_order

DMM = DMM_SAMPLE


@pytest.fixture(scope="module")
def dimios_2025():
    return mognad.score(DIMIOS_2025, "dimios")


@pytest.fixture(scope="module")
def dmm():
    return mognad.score(DMM, "dmm")


def _hundred_scale_model(name: str, areas: list[tuple[list[str], float | None]], levels, meta):
    """A model on a 0-100 scale (an answer of 62 scores 0.62): area D{i} holds the statements
    ``areas[i][0]`` (statement "s01" is "Påstående 01" / "Statement 01") and, when given, the
    weight ``areas[i][1]``; levels at the lower bounds ``levels``."""
    return mognad.model_from_dict(
        {
            "name": name,
            "title": name.capitalize(),
            "scale": {"min": 0, "max": 100, "integer": False},
            "dimensions": [
                {
                    "id": f"D{i}",
                    "label": f"Område {i}",
                    "label_en": f"Area {i}",
                    **({"weight": weight} if weight is not None else {}),
                    "statements": [
                        {
                            "id": sid,
                            "text": f"Påstående {sid[1:]}",
                            "text_en": f"Statement {sid[1:]}",
                            "short": f"Kort {sid[1:]}",
                            "short_en": f"Short {sid[1:]}",
                        }
                        for sid in sids
                    ],
                }
                for i, (sids, weight) in enumerate(areas)
            ],
            "levels": [
                {"name": f"Nivå {j}", "lower_bound": b} for j, b in enumerate(levels or [0.0])
            ],
            **({"meta": meta} if meta else {}),
        }
    )


def areas_model(n: int, levels: list[float] | None = None, meta: dict | None = None):
    """``n`` areas of one statement each, s{i} in area D{i}, on a 0-100 scale."""
    return _hundred_scale_model("omraden", [([f"s{i}"], None) for i in range(n)], levels, meta)


def scored(model, answers: list[float], dont_know: dict[int, int] | None = None):
    """Ten respondents giving area i the answer ``answers[i]``; ``dont_know[i]`` of them answer
    "vet ej" there instead."""
    rows = []
    for r in range(10):
        rows.append(
            ["vet ej" if r < (dont_know or {}).get(i, 0) else a for i, a in enumerate(answers)]
        )
    frame = pd.DataFrame(rows, columns=[f"s{i}" for i in range(len(answers))])
    return mognad.score(frame, model, min_size=1)


# ---- the decision on the samples --------------------------------------------------------------
def test_dimios_starts_where_vetlanda_would(dimios_2025):
    """Areas are the six categories. Förmågor för effektivitet comes first although
    Förmågor för innovation scores lower: it holds Kostnadskontroll (f12), low and with a
    vet-ej share over 20 % (Vetlanda's screen), and the reason says so in one sentence."""
    start = mognad.where_to_start(dimios_2025)
    assert [a.id for a in start.ranked] == [
        "formaga_effektivitet",
        "formaga_innovation",
        "arv_organisatoriskt",
        "arv_strategiskt",
        "formaga_balansering",
        "arv_tekniskt",
    ]
    assert [a.id for a in start.areas] == ["formaga_effektivitet", "formaga_innovation"]
    first = start.areas[0]
    assert first.kind == "category" and first.low_score and first.high_dont_know
    f12 = dimios_2025.statements["f12"]
    assert first.reason == (
        f"Förmågor för effektivitet: lågt värde, {texts.pct(first.score, 'sv', 1)} (under "
        f"medianen {texts.pct(start.threshold, 'sv', 1)}) och vet ej "
        f'{texts.pct(first.dont_know_share, "sv", 1)}; där har "Kostnadskontroll" lågt värde '
        f"({texts.pct(f12.score, 'sv', 1)}) och mycket vet ej "
        f"({texts.pct(f12.dont_know_share, 'sv', 1)})."
    )
    # the statements behind it, weakest first (f14 54,4 % before f12 55,4 %)
    assert [s.id for s in first.statements] == ["f14", "f12", "f15", "f11", "f13"]
    scores = [s.score for s in first.statements]
    assert scores == sorted(scores)
    f12_behind = first.statements[1]
    assert f12_behind.short == "Kostnadskontroll"
    assert f12_behind.label.startswith("Vi har god kontroll över kostnaderna")
    # the plugin's finding names the same areas (one decision)
    found = next(i for i in dimios_2025.insights if i.key == "dimios.where_to_start")
    assert found.text.endswith(
        "Var börja enligt mognads regel: Förmågor för effektivitet och Förmågor "
        "för innovation. Välj ett eller två områden."
    )
    # the areas are the parts that hold statements, in model order
    assert [a for a, _ in areas_of(mognad.get_model("dimios"))] == [
        "formaga_effektivitet",
        "formaga_innovation",
        "formaga_balansering",
        "arv_strategiskt",
        "arv_organisatoriskt",
        "arv_tekniskt",
    ]


def test_dmm_puts_the_lead_engines_of_its_phase_first_among_the_weak(dmm):
    """In Mobilisering the recommended practice has Värderingar and Vision & Mission lead: the
    low Värderingar comes before the lower Organisation (Vision & Mission is not low)."""
    start = mognad.where_to_start(dmm)
    assert start.lead_level == "Mobilisering" and dmm.level == "Mobilisering"
    assert start_order(mognad.get_model("dmm"), "Mobilisering") == (
        ["varderingar", "vision_mission"],
        "Mobilisering",
    )
    assert [a.id for a in start.areas] == ["varderingar", "organisation"]
    assert start.areas[0].model_lead and not start.areas[1].model_lead
    assert start.areas[0].reason.endswith("modellen sätter området först i Mobilisering.")
    vision = next(a for a in start.ranked if a.id == "vision_mission")
    assert vision.model_lead and not vision.low_score and vision.rank > 4
    # the model's own finding names the same areas (one decision, no second suggestion)
    weakest = next(i for i in dmm.insights if i.key == "dmm_weakest")
    assert weakest.text.endswith("Var börja enligt mognads regel: Värderingar och Organisation.")


def test_english_is_all_english(dimios_2025):
    start = mognad.where_to_start(dimios_2025, lang="en")
    assert start.rule == mognad.analysis.START_RULE
    assert start.areas[0].reason.startswith("Capabilities for efficiency: low score, ")
    assert '"Cost control" has a low score' in start.areas[0].reason
    assert [x.short for x in start.areas[0].statements][:2] == [
        "Project governance",
        "Cost control",
    ]
    for word in ("lågt", "värde", "vet ej", "medianen", "där har"):
        assert word not in start.areas[0].reason + start.rule
    with pytest.raises(mognad.MognadError):
        mognad.where_to_start(dimios_2025, lang="english")


def test_count_and_the_frame(dimios_2025):
    start = mognad.where_to_start(dimios_2025, count=3)
    assert len(start.areas) == 3 and len(start.ranked) == 6
    frame = start.frame()
    assert list(frame.index) == [1, 2, 3]
    assert frame.loc[1, "statements"] == ", ".join(s.id for s in start.areas[0].statements)
    assert len(start.frame(all=True)) == 6
    assert json.loads(start.to_json())["areas"][0]["id"] == "formaga_effektivitet"
    with pytest.raises(mognad.MognadError):
        mognad.where_to_start(dimios_2025, count=0)
    with pytest.raises(mognad.MognadError, match="scored result"):
        mognad.where_to_start(DIMIOS_2025)


# ---- the rule ---------------------------------------------------------------------------------
def test_next_does_not_favour_a_strong_area():
    """Levels at 0, 35 % and 60 %: area 1 (36 %) is one level up from area 0 (33 %), so its own
    next level (60 %) is far and area 0's (35 %) is near. Measured against their own next
    levels the stronger area 1 would come first (0.64 + 0.24 > 0.67 + 0.02); against the
    organisation's next level the weaker area 0 comes first."""
    model = areas_model(4, levels=[0.0, 0.35, 0.6])
    result = scored(model, [33, 36, 80, 90])
    start = mognad.where_to_start(result, target="next", model=model, count=4)
    assert start.ranked[0].low_score and start.ranked[1].low_score  # one tier: the gap decides
    assert [a.id for a in start.ranked] == ["D0", "D1", "D2", "D3"]
    assert {a.target for a in start.ranked} == {0.6}  # the organisation's (59.75 %) next level
    stmts = mognad.priorities(result, target="next", count=4, model=model)
    assert [p.id for p in stmts.ranked] == ["s0", "s1", "s2", "s3"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=100), min_size=2, max_size=7, unique=True))
def test_without_vet_ej_the_weaker_area_always_comes_first(answers):
    """Equal weights, no vet ej, no model order: whatever the target (none, a number, next),
    the areas come weakest first."""
    model = areas_model(len(answers), levels=[0.0, 0.3, 0.55, 0.8])
    result = scored(model, answers)
    expected = [f"D{i}" for i in sorted(range(len(answers)), key=lambda i: answers[i])]
    for target in (None, 0.7, "next"):
        start = mognad.where_to_start(result, target=target, count=len(answers), model=model)
        assert [a.id for a in start.ranked] == expected, target


def test_low_and_much_vet_ej_come_first_then_low_then_the_rest():
    """The median of six areas is 65 %. Area 2 is low and poorly known (3 of 10 vet ej): first
    although areas 0 and 1 are lower. Area 3 has much vet ej but is not low: after the low
    areas, first of the rest by its priority."""
    model = areas_model(6)
    result = scored(model, [20, 30, 40, 90, 95, 99], dont_know={2: 3, 3: 4})
    start = mognad.where_to_start(result, count=6, model=model)
    assert [a.id for a in start.ranked] == ["D2", "D0", "D1", "D3", "D4", "D5"]
    d3 = start.ranked[3]
    assert d3.high_dont_know and not d3.low_score
    assert "mycket vet ej, 40,0 % (minst 20 %)" in d3.reason


def test_model_format_documents_the_start_settings():
    """docs/model-format.md's example of meta.start_order is read as the page says."""
    from conftest import ROOT

    page = (ROOT / "docs" / "model-format.md").read_text(encoding="utf-8")
    block = page.split("## Where to start: the model's own settings", 1)[1]
    import yaml

    meta = yaml.safe_load(block.split("```yaml\n", 1)[1].split("```", 1)[0])["meta"]
    model = mognad.model_from_dict({**DMM_DICT(), "meta": {**DMM_DICT()["meta"], **meta}})
    assert start_order(model, "Koordination") == (
        ["varderingar", "vision_mission", "organisation", "data_analys"],
        "Koordination",
    )
    assert start_order(model, "Mobilisering")[0] == ["varderingar", "vision_mission"]
    assert start_order(model, "Acceleration") == ([], None)


def DMM_DICT() -> dict:
    return mognad.get_model("dmm").model_dump(exclude_none=True)


def test_the_models_order_breaks_ties_within_a_tier_only():
    """meta.start_order for the organisation's level puts D1 and D3 first: D1 comes first among
    the low areas (D0-D2), D3 first among the rest; neither jumps a tier."""
    model = areas_model(6, meta={"start_order": {"Nivå 0": ["D1", "D3"], "Nivå 9": ["D5"]}})
    result = scored(model, [20, 30, 40, 90, 95, 99])
    start = mognad.where_to_start(result, count=6, model=model)
    assert [a.id for a in start.ranked] == ["D1", "D0", "D2", "D3", "D4", "D5"]
    assert start.lead_level == "Nivå 0"
    assert start.ranked[0].reason.endswith("modellen sätter området först i Nivå 0.")
    plain = areas_model(4, meta={"start_order": ["D1"]})
    got = mognad.where_to_start(scored(plain, [10, 20, 30, 40]), model=plain)
    assert [a.id for a in got.areas] == ["D1", "D0"] and got.lead_level is None


def test_a_target_adds_its_gap_to_the_reason():
    model = areas_model(2)
    start = mognad.where_to_start(scored(model, [40, 80]), target=0.7, lang="en", model=model)
    assert start.areas[0].gap == pytest.approx(-0.3)
    # the shortfall without a sign, in the reason's language (mutants _reason 137, 138, 141)
    assert start.areas[0].reason == (
        "Area 0: low score, 40.0 % (below the median 60.0 %) and 30.0 pp below the target 70.0 %."
    )
    assert start.areas[1].reason == (
        "Area 1: score 80.0 % (median 60.0 %) and the target 70.0 % is met."
    )
    assert start.target_label
    sv = mognad.where_to_start(scored(model, [40, 80]), target=0.7, model=model)
    assert sv.areas[0].reason == (
        "Område 0: lågt värde, 40,0 % (under medianen 60,0 %) och 30,0 p.e. under målet 70,0 %."
    )


def test_published_figures_only(dimios_2025):
    """Under the default protection the figures are rounded as every output's are."""
    start = mognad.where_to_start(dimios_2025, count=6)
    for a in start.ranked:
        assert a.score == round(a.score, 3) and a.dont_know_share == round(a.dont_know_share, 3)
        for s in a.statements:
            assert s.score == round(s.score, 3)


def test_an_area_without_a_score_is_named_not_ranked():
    model = areas_model(3)
    result = scored(model, [10, 20, 30], dont_know={1: 10})
    start = mognad.where_to_start(result, model=model, lang="en")
    assert [a.id for a in start.ranked] == ["D0", "D2"] and start.unscored == ["D1"]
    assert any(n.startswith("Areas without a score") and "D1" in n for n in start.notes)
    nothing = mognad.where_to_start(scored(model, [1, 2, 3], {0: 10, 1: 10, 2: 10}), model=model)
    assert nothing.areas == [] and nothing.unscored == ["D0", "D1", "D2"]
    empty = nothing.frame(all=True)  # still the columns, so code that reads them does not fail
    assert empty.empty and empty.index.name == "rank" and "reason" in empty.columns


@pytest.mark.parametrize(("sample", "model", "key"), [(DMM_SAMPLE, "dmm", "dmm_weakest")])
def test_a_report_asking_for_three_areas_gets_three_everywhere(sample, model, key):
    """--count 3 reaches the plugins' findings: they name the report's three areas."""
    from mognad_core.report.data import collect

    data = collect(sample, model, count=3, target="next")
    assert len(data.start.areas) == 3
    found = next(i for i in data.result.insights if i.key == key)
    names = texts.join([a.label for a in data.start.areas], "sv")
    assert found.text.endswith(f"Var börja enligt mognads regel: {names}.")
    # "next" is the organisation's next level in every reason, and said so
    level_next = mognad.get_model(model).levels[1].lower_bound  # Mobilisering -> Koordination
    for a in data.start.ranked:
        assert a.target == level_next
        assert "organisationens nästa nivå" in a.reason


# ---- what mutation testing found --------------------------------------------------------------
def parts_model(sizes: list[int], weights: list[float] | None = None, meta: dict | None = None):
    """Area i holds ``sizes[i]`` statements s{i}{j} on a 0-100 scale; ``weights`` the areas'."""
    areas = [
        ([f"s{i}{j}" for j in range(n)], weights[i] if weights else None)
        for i, n in enumerate(sizes)
    ]
    return _hundred_scale_model("delar", areas, None, meta)


def scored_each(model, answers: dict[str, float], dont_know: dict[str, int] | None = None):
    """Ten respondents giving statement ``sid`` the answer ``answers[sid]``; ``dont_know[sid]``
    of them answer "vet ej" there instead."""
    rows = [
        {s: "vet ej" if r < (dont_know or {}).get(s, 0) else a for s, a in answers.items()}
        for r in range(10)
    ]
    return mognad.score(pd.DataFrame(rows), model, min_size=1)


def test_the_areas_of_a_flat_model_are_dimensions():
    """A flat model's areas are its dimensions (kind "dimension" in the table), a nested
    model's its categories."""
    model = areas_model(3)
    assert areas_of(model) == [("D0", "dimension"), ("D1", "dimension"), ("D2", "dimension")]
    start = mognad.where_to_start(scored(model, [10, 20, 30]), model=model, count=3)
    assert [a.kind for a in start.ranked] == ["dimension"] * 3
    assert {kind for _, kind in areas_of(mognad.get_model("dimios"))} == {"category"}


def test_the_statements_behind_an_area_come_weakest_first_then_by_more_vet_ej():
    """Behind an area: the lowest score first (a score of 0 % too), equal scores by the higher
    vet-ej share (20 % before 10 % before none), a statement without a score last."""
    model = parts_model([5])
    result = scored_each(
        model,
        {"s00": 50, "s01": 50, "s02": 50, "s03": 50, "s04": 0},
        {"s01": 2, "s02": 1, "s03": 10},
    )
    start = mognad.where_to_start(result, model=model)
    behind = start.areas[0].statements
    assert [s.id for s in behind] == ["s04", "s01", "s02", "s00", "s03"]
    assert [s.score for s in behind] == [0.0, 0.5, 0.5, 0.5, None]
    assert [s.dont_know_share for s in behind] == [0.0, 0.2, 0.1, 0.0, 1.0]


def test_the_models_own_threshold_decides_low_and_is_named_in_the_reason():
    """meta.dont_know_priority.score_below = 35 %: only area 0 (30 %) is low, although the
    median is 50 %, and each reason names the model's threshold, not the median."""
    model = areas_model(4, meta={"dont_know_priority": {"score_below": 0.35}})
    start = mognad.where_to_start(scored(model, [30, 40, 60, 70]), model=model, count=4)
    assert start.threshold == 0.35 and not start.threshold_is_median
    assert [a.low_score for a in start.ranked] == [True, False, False, False]
    assert [a.reason for a in start.ranked[:2]] == [
        "Område 0: lågt värde, 30,0 % (under modellens gräns 35,0 %).",
        "Område 1: värdet 40,0 % (modellens gräns 35,0 %).",
    ]
    english = mognad.where_to_start(scored(model, [30, 40, 60, 70]), model=model, lang="en")
    assert english.areas[0].reason == (
        "Area 0: low score, 30.0 % (below the model's threshold 35.0 %)."
    )


def test_the_next_level_reason_gives_the_shortfall_in_points_in_either_language():
    """Target "next" with levels 0, 50 % and 90 %: the organisation (67,5 %) is headed for
    90 %; area 0 (40 %) is 50,0 points short of it, area 1 (95 %) reaches it."""
    model = areas_model(2, levels=[0.0, 0.5, 0.9])
    result = scored(model, [40, 95])
    start = mognad.where_to_start(result, model=model, target="next")
    assert [a.reason for a in start.ranked] == [
        "Område 0: lågt värde, 40,0 % (under medianen 67,5 %) och 50,0 p.e. under "
        "organisationens nästa nivå, 90,0 %.",
        "Område 1: värdet 95,0 % (medianen 67,5 %) och når organisationens nästa nivå, 90,0 %.",
    ]
    english = mognad.where_to_start(result, model=model, target="next", lang="en")
    assert english.ranked[0].reason == (
        "Area 0: low score, 40.0 % (below the median 67.5 %) and 50.0 pp below the "
        "organisation's next level, 90.0 %."
    )


def test_the_models_lead_is_said_with_its_level_in_english_and_without_one(dmm):
    """The lead clause names the level in the reason's language (DMM's Mobilisering is
    "Mobilisation" in English); a plain start_order list says the model puts the area first."""
    start = mognad.where_to_start(dmm, lang="en")
    assert start.areas[0].reason.endswith(
        "don't know 7.1 % and the model puts this area first in Mobilisation."
    )
    plain = areas_model(4, meta={"start_order": ["D1"]})
    got = mognad.where_to_start(scored(plain, [10, 20, 30, 40]), model=plain)
    assert got.areas[0].reason == (
        "Område 1: lågt värde, 20,0 % (under medianen 25,0 %) och modellen sätter området först."
    )
    got = mognad.where_to_start(scored(plain, [10, 20, 30, 40]), model=plain, lang="en")
    assert got.areas[0].reason == (
        "Area 1: low score, 20.0 % (below the median 25.0 %) and the model puts this area first."
    )


def test_several_screened_statements_are_listed_in_the_reasons_language():
    """Two low statements with much vet ej in one area: both are named after "där har" /
    "there,", joined with "och" / "and"."""
    model = parts_model([2, 2])
    result = scored_each(model, {"s00": 20, "s01": 30, "s10": 80, "s11": 90}, {"s00": 3, "s01": 3})
    sv = mognad.where_to_start(result, model=model).areas[0].reason
    assert sv == (
        "Område 0: lågt värde, 25,0 % (under medianen 55,0 %) och mycket vet ej, 30,0 % "
        '(minst 20 %); där har "Kort 00" lågt värde (20,0 %) och mycket vet ej (30,0 %) och '
        '"Kort 01" lågt värde (30,0 %) och mycket vet ej (30,0 %).'
    )
    en = mognad.where_to_start(result, model=model, lang="en").areas[0].reason
    assert en == (
        "Area 0: low score, 25.0 % (below the median 55.0 %) and much don't know, 30.0 % "
        '(at least 20 %); there, "Short 00" has a low score (20.0 %) and much don\'t know '
        '(30.0 %) and "Short 01" has a low score (30.0 %) and much don\'t know (30.0 %).'
    )


def test_a_target_on_a_dimension_reaches_its_categories(dimios_2025):
    """A profile with Förmågor 80 % and Förmågor för innovation 60 %: the other capability
    categories take their dimension's 80 %, innovation keeps its own 60 %, the legacy
    categories (not in the profile) have no target; the shortfall reorders the rest."""
    start = mognad.where_to_start(
        dimios_2025, target={"formaga": 0.8, "formaga_innovation": 0.6}, count=6
    )
    assert [(a.id, a.target) for a in start.ranked] == [
        ("formaga_effektivitet", 0.8),
        ("formaga_innovation", 0.6),
        ("arv_organisatoriskt", None),
        ("formaga_balansering", 0.8),
        ("arv_strategiskt", None),
        ("arv_tekniskt", None),
    ]
    assert "17,5 p.e. under målet 80,0 %" in start.ranked[0].reason


def test_a_benchmark_with_only_an_overall_figure_is_every_areas_target(dimios_2025):
    """DiMiOS's public-sector benchmark gives only the overall 47 %: each category is measured
    against it."""
    start = mognad.where_to_start(dimios_2025, target="public_sector_2023", count=6)
    assert [a.target for a in start.ranked] == [0.47] * 6
    assert "och målet 47,0 % nås;" in start.ranked[0].reason


def test_the_message_for_a_wrong_first_argument_names_where_to_start():
    """Given the responses instead of a score, the message names where_to_start and says what
    to pass to it."""
    with pytest.raises(mognad.MognadError) as err:
        mognad.where_to_start(DIMIOS_2025)
    assert str(err.value) == (
        "where_to_start() takes a scored result, not a PosixPath: "
        "mognad.where_to_start(mognad.score(responses), ...)."
    )


def test_an_area_the_result_has_no_figure_for_is_named_not_an_error():
    """A model given with an area the survey did not have (D3): the area is unscored and
    named in the notes, the others ranked."""
    result = scored(areas_model(3), [10, 20, 30])
    start = mognad.where_to_start(result, model=areas_model(4), count=3)
    assert [a.id for a in start.ranked] == ["D0", "D1", "D2"] and start.unscored == ["D3"]
    assert start.notes[-1] == (
        "Områden utan värde (inga giltiga svar eller dolda av anonymitetsskäl): D3."
    )


def test_without_a_scored_area_the_result_keeps_its_notes_rule_and_share():
    """Every answer "vet ej": no area is ranked, but the result's own notes come first, then
    the areas without a score (all named), in the result's language; the rule is in that
    language, the model's vet-ej share (30 %) is kept, and the opt-out notice is there."""
    model = areas_model(3, meta={"dont_know_priority": {"min_share": 0.3}})
    result = scored(model, [1, 2, 3], {0: 10, 1: 10, 2: 10})
    nothing = mognad.where_to_start(result, model=model)
    assert nothing.areas == [] and nothing.min_share == 0.3
    assert nothing.notes == [
        *result.notes,
        "Områden utan värde (inga giltiga svar eller dolda av anonymitetsskäl): D0, D1, D2.",
    ]
    assert result.notes[0].startswith("Anonymitetsskydd avstängt (--min-size 1)")
    english = mognad.where_to_start(result, model=model, lang="en")
    assert english.rule == mognad.analysis.START_RULE and english.min_share == 0.3
    assert "Areas without a score (no valid answers, or hidden for anonymity): D0, D1, D2." in (
        english.notes
    )
    assert any(n.startswith("Anonymity protection off (--min-size 1)") for n in english.notes)


def test_an_unusable_min_size_is_reported_in_the_callers_language(monkeypatch):
    """A result without its disclosure record (read back from older JSON) under
    MOGNAD_MIN_SIZE=2: the error is in English for lang="en", as the rest of the output."""
    model = areas_model(2)
    result = scored(model, [40, 80]).model_copy(update={"disclosure": None})
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "2")
    from mognad_core.disclosure import DisclosureError

    with pytest.raises(DisclosureError, match=r"^The minimum group size '2' "):
        mognad.where_to_start(result, model=model, lang="en")


# what mutation testing found, the second run (survivors an earlier run hid as timeouts)
def test_a_strong_areas_reason_gives_its_score_and_the_median_not_low():
    """Median 60 %: the weak area is "lågt värde ... under medianen", the strong one only shows
    its score next to the median, in Swedish and in English."""
    model = areas_model(2)
    result = scored(model, [40, 80])
    start = mognad.where_to_start(result, model=model)
    assert [a.reason for a in start.ranked] == [
        "Område 0: lågt värde, 40,0 % (under medianen 60,0 %).",
        "Område 1: värdet 80,0 % (medianen 60,0 %).",
    ]
    english = mognad.where_to_start(result, model=model, lang="en")
    assert [a.reason for a in english.ranked] == [
        "Area 0: low score, 40.0 % (below the median 60.0 %).",
        "Area 1: score 80.0 % (median 60.0 %).",
    ]


def test_with_the_models_own_threshold_every_reason_names_that_threshold():
    """meta.dont_know_priority.score_below = 35 %: the result says the threshold is the model's
    (not the median, 50 %), only area 0 (30 %) is low, and the reasons of the low and of the
    other areas name "modellens gräns" / "the model's threshold", not the median."""
    model = areas_model(4, meta={"dont_know_priority": {"score_below": 0.35}})
    result = scored(model, [30, 40, 60, 70])
    start = mognad.where_to_start(result, model=model, count=4)
    assert start.threshold == 0.35 and start.threshold_is_median is False
    assert [a.low_score for a in start.ranked] == [True, False, False, False]
    assert [a.reason for a in start.ranked] == [
        "Område 0: lågt värde, 30,0 % (under modellens gräns 35,0 %).",
        "Område 1: värdet 40,0 % (modellens gräns 35,0 %).",
        "Område 2: värdet 60,0 % (modellens gräns 35,0 %).",
        "Område 3: värdet 70,0 % (modellens gräns 35,0 %).",
    ]
    english = mognad.where_to_start(result, model=model, lang="en", count=2)
    assert [a.reason for a in english.areas] == [
        "Area 0: low score, 30.0 % (below the model's threshold 35.0 %).",
        "Area 1: score 40.0 % (the model's threshold 35.0 %).",
    ]
    plain = mognad.where_to_start(scored(areas_model(2), [40, 80]), model=areas_model(2))
    assert plain.threshold == pytest.approx(0.6) and plain.threshold_is_median is True


# ---- a vet-ej share at the minimum ------------------------------------------------------------
def test_a_vet_ej_share_of_exactly_the_minimum_is_much_vet_ej():
    """Area 0 (50 %, below the median 65 %) has 4 "vet ej" of 20 answers, exactly the 20 %
    minimum, none of its statements both low and poorly known: it is low and poorly known, so it
    comes before the lower area 1, and its reason says "mycket vet ej ... (minst 20 %)" (in
    English "much don't know"). Area 3 (90 %, 30 % vet ej) is poorly known but not low: it
    comes after the low areas, before the weaker-known area 2."""
    model = parts_model([2, 1, 1, 1])
    answers = {"s00": 90, "s01": 10, "s10": 20, "s20": 80, "s30": 90}
    result = scored_each(model, answers, {"s00": 4, "s30": 3})
    start = mognad.where_to_start(result, model=model, count=4)
    assert [a.id for a in start.ranked] == ["D0", "D1", "D3", "D2"]
    assert [a.high_dont_know for a in start.ranked] == [True, False, True, False]
    assert start.ranked[0].dont_know_share == 0.2
    assert start.ranked[0].reason == (
        "Område 0: lågt värde, 50,0 % (under medianen 65,0 %) och mycket vet ej, 20,0 % "
        "(minst 20 %)."
    )
    english = mognad.where_to_start(result, model=model, lang="en")
    assert english.areas[0].reason == (
        "Area 0: low score, 50.0 % (below the median 65.0 %) and much don't know, 20.0 % "
        "(at least 20 %)."
    )


def test_the_comparisons_tolerance_reaches_exactly_one_trillionth():
    """The comparisons allow 1e-12 for rounding: with the model's minimum vet-ej share and
    threshold both 30 % + 1e-12, a vet-ej share of 30 % counts as at least the minimum
    ("mycket vet ej"), and a score of 30 % as not below the threshold (the edge of the
    allowance counts, as for an exact 30 %)."""
    edge = 0.3 + 1e-12
    model = areas_model(2, meta={"dont_know_priority": {"min_share": edge, "score_below": edge}})
    result = scored(model, [30, 90], dont_know={1: 3})
    start = mognad.where_to_start(result, model=model)
    assert start.min_share == edge and start.threshold == edge
    assert [(a.id, a.low_score, a.high_dont_know) for a in start.ranked] == [
        ("D0", False, False),
        ("D1", False, True),
    ]
    assert [a.reason for a in start.ranked] == [
        "Område 0: värdet 30,0 % (modellens gräns 30,0 %).",
        "Område 1: värdet 90,0 % (modellens gräns 30,0 %) och mycket vet ej, 30,0 % (minst 30 %).",
    ]


# ---- the reason: the gap to the organisation's next level or to a target ----------------------
def test_the_next_level_wording_for_an_area_below_at_and_above_that_level():
    """Levels 0, 50 % and 90 %, the organisation at 75 %: its next level is 90 %. Area 0 (40 %)
    is 50,0 points below it (the size, without a sign), area 1 (exactly 90 %) and area 2 (95 %)
    reach it; the same in English."""
    model = areas_model(3, levels=[0.0, 0.5, 0.9])
    result = scored(model, [40, 90, 95])
    start = mognad.where_to_start(result, model=model, target="next", count=3)
    assert [a.gap for a in start.ranked] == [-0.5, 0.0, pytest.approx(0.05)]
    assert [a.reason for a in start.ranked] == [
        "Område 0: lågt värde, 40,0 % (under medianen 90,0 %) och 50,0 p.e. under "
        "organisationens nästa nivå, 90,0 %.",
        "Område 1: värdet 90,0 % (medianen 90,0 %) och når organisationens nästa nivå, 90,0 %.",
        "Område 2: värdet 95,0 % (medianen 90,0 %) och når organisationens nästa nivå, 90,0 %.",
    ]
    english = mognad.where_to_start(result, model=model, target="next", count=3, lang="en")
    assert [a.reason for a in english.ranked] == [
        "Area 0: low score, 40.0 % (below the median 90.0 %) and 50.0 pp below the "
        "organisation's next level, 90.0 %.",
        "Area 1: score 90.0 % (median 90.0 %) and reaches the organisation's next level, 90.0 %.",
        "Area 2: score 95.0 % (median 90.0 %) and reaches the organisation's next level, 90.0 %.",
    ]


def test_an_area_exactly_at_the_target_meets_it():
    """Target 70 %: the area at exactly 70 % meets it ("målet 70,0 % nås"), it is not 0,0
    points below it."""
    model = areas_model(2)
    start = mognad.where_to_start(scored(model, [40, 70]), model=model, target=0.7)
    assert [a.gap for a in start.ranked] == [pytest.approx(-0.3), 0.0]
    assert start.ranked[1].reason == (
        "Område 1: värdet 70,0 % (medianen 55,0 %) och målet 70,0 % nås."
    )


# ---- the ranking ------------------------------------------------------------------------------
def test_the_message_for_responses_instead_of_a_score_names_where_to_start():
    """Given the responses file instead of a score, the message names where_to_start()."""
    with pytest.raises(mognad.MognadError) as err:
        mognad.where_to_start(DIMIOS_2025)
    assert str(err.value).startswith("where_to_start() takes a scored result, not a PosixPath")


def test_weights_and_a_target_make_the_priority_shown():
    """Weights 1 and 3 are relative weights 0,5 and 1,5 (each over their mean 2). Priority =
    relative weight x ((1 - score) + vet-ej share + max(0, target - score)): 0,3 and 0,3
    without a target, 0,45 and 0,3 with the target 70 % (only area 0, 40 %, falls short)."""
    model = parts_model([1, 1], weights=[1, 3])
    result = scored_each(model, {"s00": 40, "s10": 80})
    plain = mognad.where_to_start(result, model=model)
    assert [(a.id, a.weight) for a in plain.ranked] == [("D0", 0.5), ("D1", 1.5)]
    assert [a.priority for a in plain.ranked] == [pytest.approx(0.3), pytest.approx(0.3)]
    aimed = mognad.where_to_start(result, model=model, target=0.7)
    assert [a.priority for a in aimed.ranked] == [pytest.approx(0.45), pytest.approx(0.3)]
    assert aimed.frame().loc[1, "priority"] == pytest.approx(0.45)


# ---- the statements behind an area, and the figures published ---------------------------------
def test_the_statements_behind_an_area_in_english_and_one_the_survey_lacked():
    """The statements behind an area carry their text in the result's language; a statement
    the given model has but the survey did not (s0x) is listed without figures, last."""
    spec = areas_model(2).model_dump(exclude_none=True)
    spec["dimensions"][0]["statements"].append(
        {"id": "s0x", "text": "Påstående 0x", "text_en": "Statement 0x"}
    )
    wider = mognad.model_from_dict(spec)
    result = scored(areas_model(2), [40, 80])
    start = mognad.where_to_start(result, model=wider, lang="en")
    behind = start.areas[0].statements
    assert [(s.id, s.label, s.short, s.score, s.dont_know_share) for s in behind] == [
        ("s0", "Statement 0", "Short 0", 0.4, 0.0),
        ("s0x", "Statement 0x", "Statement 0x", None, None),
    ]


def test_a_result_scored_without_protection_keeps_its_figures_unrounded():
    """Scored with --min-size 1 (protection off), the figures are not rounded to three
    decimals as under the default policy: 12,3456 % stays 0.123456."""
    model = areas_model(2)
    start = mognad.where_to_start(scored(model, [12.3456, 80]), model=model)
    first = start.areas[0]
    assert first.score == pytest.approx(0.123456, abs=1e-12)
    assert first.statements[0].score == pytest.approx(0.123456, abs=1e-12)
    assert first.priority == pytest.approx(0.876544, abs=1e-12)


class BelowTargetOnly:
    """A model plugin that ranks, given a target, only the statements short of it."""

    @hookimpl
    def rank_priorities(self, model, table, context):
        if model.name != "omraden" or context["target"] is None:
            return None
        return list(table.index[table["gap"] < 0])


def test_the_vet_ej_screen_reads_the_statement_ranking_for_the_same_target(register_plugin):
    """The screen of statements (low and much vet ej) uses the statement ranking for the target
    asked: a plugin that ranks only the statements short of the target leaves statement 0
    (20 %, 3 of 10 vet ej) out when the target is 10 %, so its area's reason does not name it;
    without a target it is named ("där har ...")."""
    register_plugin(BelowTargetOnly(), "below_target_only")
    model = areas_model(3)
    result = scored(model, [20, 50, 90], {0: 3})
    aimed = mognad.where_to_start(result, model=model, target=0.1)
    assert aimed.areas[0].reason == (
        "Område 0: lågt värde, 20,0 % (under medianen 50,0 %), mycket vet ej, 30,0 % "
        "(minst 20 %) och målet 10,0 % nås."
    )
    plain = mognad.where_to_start(result, model=model)
    assert plain.areas[0].reason.endswith(
        '; där har "Kort 0" lågt värde (20,0 %) och mycket vet ej (30,0 %).'
    )
