"""where_to_start: behaviour found untested by mutation testing (the survivors an earlier run hid
as timeouts); to be merged into tests/test_analysis_start.py."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import DIMIOS_2025

import mognad_core as mognad
from mognad_core import hookimpl


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


def grouped_model(sizes: list[int], weights: list[float] | None = None):
    """Area i holds ``sizes[i]`` statements s{i}{j} on a 0-100 scale; ``weights`` the areas'."""
    return mognad.model_from_dict(
        {
            "name": "grupper",
            "title": "Grupper",
            "scale": {"min": 0, "max": 100, "integer": False},
            "dimensions": [
                {
                    "id": f"D{i}",
                    "label": f"Område {i}",
                    "label_en": f"Area {i}",
                    **({"weight": weights[i]} if weights else {}),
                    "statements": [
                        {
                            "id": f"s{i}{j}",
                            "text": f"Påstående {i}{j}",
                            "text_en": f"Statement {i}{j}",
                            "short": f"Kort {i}{j}",
                            "short_en": f"Short {i}{j}",
                        }
                        for j in range(n)
                    ],
                }
                for i, n in enumerate(sizes)
            ],
            "levels": [{"name": "Nivå 0", "lower_bound": 0.0}],
        }
    )


def scored_statements(model, answers: dict[str, float], dont_know: dict[str, int] | None = None):
    """Ten respondents giving statement ``sid`` the answer ``answers[sid]``; ``dont_know[sid]``
    of them answer "vet ej" there instead."""
    rows = [
        {s: "vet ej" if r < (dont_know or {}).get(s, 0) else a for s, a in answers.items()}
        for r in range(10)
    ]
    return mognad.score(pd.DataFrame(rows), model, min_size=1)


# ---- the reason: the score against the median or the model's threshold -----------------------
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
    model = grouped_model([2, 1, 1, 1])
    answers = {"s00": 90, "s01": 10, "s10": 20, "s20": 80, "s30": 90}
    result = scored_statements(model, answers, {"s00": 4, "s30": 3})
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
    model = grouped_model([1, 1], weights=[1, 3])
    result = scored_statements(model, {"s00": 40, "s10": 80})
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
