"""where_to_start: the one decision at area level that every output shows (issue 15)."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import DIMIOS_2025, DMM_SAMPLE
from hypothesis import given, settings
from hypothesis import strategies as st

import mognad_core as mognad
from mognad_core import texts
from mognad_core.analysis.start import areas_of, start_order

DMM = DMM_SAMPLE


@pytest.fixture(scope="module")
def dimios_2025():
    return mognad.score(DIMIOS_2025, "dimios")


@pytest.fixture(scope="module")
def dmm():
    return mognad.score(DMM, "dmm")


def areas_model(n: int, levels: list[float] | None = None, meta: dict | None = None):
    """``n`` areas of one statement each on a 0-100 scale (an answer of 62 scores 0.62)."""
    return mognad.model_from_dict(
        {
            "name": "omraden",
            "title": "Områden",
            "scale": {"min": 0, "max": 100, "integer": False},
            "dimensions": [
                {
                    "id": f"D{i}",
                    "label": f"Område {i}",
                    "label_en": f"Area {i}",
                    "statements": [
                        {
                            "id": f"s{i}",
                            "text": f"Påstående {i}",
                            "text_en": f"Statement {i}",
                            "short": f"Kort {i}",
                            "short_en": f"Short {i}",
                        }
                    ],
                }
                for i in range(n)
            ],
            "levels": [
                {"name": f"Nivå {j}", "lower_bound": b} for j, b in enumerate(levels or [0.0])
            ],
            **({"meta": meta} if meta else {}),
        }
    )


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
    assert "30.0 pp below the target 70.0 %" in start.areas[0].reason
    assert "the target 70.0 % is met" in start.areas[1].reason
    assert start.target_label


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
