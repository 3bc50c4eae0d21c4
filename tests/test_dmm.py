"""The Digital Maturity Matrix plugin: levels, profile, weakest engines, targets, insights.

Hand-computed fixture ("four leaders", scale 1-5, normalised (x - 1) / 4, org2 and inf2 reversed
as 6 - x). Answers per engine, the same for all four respondents unless noted:

    engine            answers      normalised           engine score  level
    varderingar       R1,R2: 4 4 4  R3,R4: 2 2 2         3,3,3 -> 0.50  Koordination
    vision_mission    3 3 3        .5 .5 .5              0.50           Koordination
    strategiarbete    2 2 2        .25 .25 .25           0.25           Mobilisering
    organisation      2 4 2        .25 (6-4=2) .25 .25   0.25           Mobilisering
    infrastruktur     5 1 5        1 (6-1=5) 1 1         1.00           Acceleration
    processer         4 4 4        .75 .75 .75           0.75           Acceleration
    data_analys       1 1 1        0 0 0                 0.00           Mobilisering
    erbjudande        3 3 3        .5 .5 .5              0.50           Koordination
    kontaktytor       5 5 2        1 1 .25               0.75           Acceleration

sum = 4.5, mean = overall = 0.50 -> phase Koordination (lead: varderingar, vision_mission,
organisation, data_analys). diff = score - 0.5; behind when <= -0.10: strategiarbete,
organisation (-0.25), data_analys (-0.5). Weak (<= 0.40): data_analys (0.00) first; strategiarbete
and organisation tie at 0.25 and organisation, a lead engine in Koordination, goes first.

The fixture frames have three or four respondents and check arithmetic, so they are scored with
``min_size=1`` (the anonymity protection off); the spread insight's protected output is tested
on frames of 5 to 10 respondents at the end.
"""

from __future__ import annotations

import math

import mognad_dmm
import pandas as pd
import pytest
from conftest import DMM_SAMPLE, DMM_TARGET, assert_short_names
from mognad_dmm.settings import settings_for

import mognad_core as mognad

ENGINES = [
    "varderingar",
    "vision_mission",
    "strategiarbete",
    "organisation",
    "infrastruktur",
    "processer",
    "data_analys",
    "erbjudande_intaktsmodell",
    "kontaktytor",
]
PREFIX = dict(
    zip(ENGINES, ["var", "vis", "str", "org", "inf", "pro", "dat", "erb", "kon"], strict=True)
)
BASE = {
    "varderingar": (3, 3, 3),
    "vision_mission": (3, 3, 3),
    "strategiarbete": (2, 2, 2),
    "organisation": (2, 4, 2),
    "infrastruktur": (5, 1, 5),
    "processer": (4, 4, 4),
    "data_analys": (1, 1, 1),
    "erbjudande_intaktsmodell": (3, 3, 3),
    "kontaktytor": (5, 5, 2),
}


def rows(*respondents: dict) -> pd.DataFrame:
    """One row per respondent: BASE answers overridden per engine; other keys are attributes."""
    out = []
    for i, spec in enumerate(respondents, start=1):
        row = {"respondent": f"R{i}"}
        for key, value in spec.items():
            if key not in BASE:
                row[key] = value
        for engine, default in BASE.items():
            for j, answer in enumerate(spec.get(engine, default), start=1):
                row[f"{PREFIX[engine]}{j}"] = answer
        out.append(row)
    return pd.DataFrame(out)


@pytest.fixture
def four_leaders() -> pd.DataFrame:
    return rows(
        {"varderingar": (4, 4, 4)},
        {"varderingar": (4, 4, 4)},
        {"varderingar": (2, 2, 2)},
        {"varderingar": (2, 2, 2)},
    )


@pytest.fixture
def result(four_leaders):
    return mognad.score(four_leaders, "dmm", min_size=1)


def test_level_per_engine_with_description(result):
    p = mognad_dmm.profile(result)
    assert [e.id for e in p.engines] == ENGINES
    expected = [0.5, 0.5, 0.25, 0.25, 1.0, 0.75, 0.0, 0.5, 0.75]
    assert [e.score for e in p.engines] == pytest.approx(expected)
    assert [e.level for e in p.engines] == [
        "Koordination",
        "Koordination",
        "Mobilisering",
        "Mobilisering",
        "Acceleration",
        "Acceleration",
        "Mobilisering",
        "Koordination",
        "Acceleration",
    ]
    assert p.mean == pytest.approx(0.5) and p.overall == pytest.approx(0.5)
    assert p.phase == "Koordination"
    infra = p.engine("infrastruktur")
    model = mognad_dmm.model()
    assert (
        infra.description
        == model.dimension("infrastruktur").level_texts["Acceleration"].description
    )
    assert infra.level_en == "Acceleration" and p.engine("varderingar").level_en == "Coordination"
    assert [e.relation for e in p.engines] == [
        "in_phase",
        "in_phase",
        "behind",
        "behind",
        "ahead",
        "ahead",
        "behind",
        "in_phase",
        "ahead",
    ]
    assert p.engine("data_analys").diff == pytest.approx(-0.5)
    lead = {e.id for e in p.engines if e.recommended_lead}
    assert lead == {"varderingar", "vision_mission", "organisation", "data_analys"}


def test_radar_data_is_ordered_and_complete(result):
    radar = mognad_dmm.profile(result).radar("en")
    assert radar["engines"] == ENGINES
    assert radar["labels"][0] == "Values" and radar["labels"][-1] == "Touchpoints"
    assert radar["scores"] == pytest.approx([0.5, 0.5, 0.25, 0.25, 1.0, 0.75, 0.0, 0.5, 0.75])
    assert [r["value"] for r in radar["rings"]] == [0.5, 0.75]
    assert radar["axis"] == [0.0, 1.0]


def test_weakest_relative_to_own_mean_with_next_steps(result):
    w = mognad_dmm.weakest(result)
    assert not w.relative_only
    assert w.mean == pytest.approx(0.5) and w.margin == pytest.approx(0.10)
    assert [e.id for e in w.engines] == ["data_analys", "organisation", "strategiarbete"]
    assert [e.focus for e in w.engines] == [True, True, False]
    texts = mognad_dmm.model().dimension("data_analys").level_texts["Mobilisering"]
    assert w.engines[0].next_step == texts.next_step
    assert w.engines[0].next_step.startswith("Gör en översikt över viktiga datamängder")
    assert w.engines[0].next_step_en == texts.next_step_en


def test_weakest_margin_and_focus_are_parameters(result):
    # margin 0.3: only data_analys (0.0 <= 0.5 - 0.3) is weak
    assert [e.id for e in mognad_dmm.weakest(result, margin=0.3).engines] == ["data_analys"]
    assert [e.focus for e in mognad_dmm.weakest(result, max_focus=1).engines] == [
        True,
        False,
        False,
    ]


def test_tie_broken_by_dont_know_share():
    # processer 2 2 2 (0.25) and R4 answers "vet ej" to pro1: the mean moves to 4.0 / 9,
    # phase Mobilisering (lead: varderingar, vision_mission), weak <= 0.3444: data_analys 0.0,
    # then processer, strategiarbete, organisation tie at 0.25; processer has a vet-ej share of
    # 1/12 and goes first, the others keep model order.
    frame = rows(
        {"processer": (2, 2, 2)},
        {"processer": (2, 2, 2)},
        {"processer": (2, 2, 2)},
        {"processer": ("Vet ej", 2, 2)},
    )
    r = mognad.score(frame, "dmm", min_size=1)
    assert r.overall == pytest.approx(4.0 / 9)
    w = mognad_dmm.weakest(r)
    assert w.phase == "Mobilisering"
    assert [e.id for e in w.engines] == [
        "data_analys",
        "processer",
        "strategiarbete",
        "organisation",
    ]
    assert w.engines[1].dont_know_share == pytest.approx(1 / 12)


def test_no_weak_engine_reports_the_relatively_weakest():
    # every engine 3 3 3 except processer 3 3 2 -> 5/12 = 0.4167, others 0.5;
    # mean = (8 * 0.5 + 0.41667) / 9 = 0.4907, 0.4167 > 0.4907 - 0.10: not weak.
    flat = {e: (3, 3, 3) for e in ENGINES}
    flat["organisation"] = (3, 3, 3)  # org2 reversed: 6 - 3 = 3
    flat["infrastruktur"] = (3, 3, 3)
    flat["processer"] = (3, 3, 2)
    r = mognad.score(rows(flat, flat, flat), "dmm", min_size=1)
    w = mognad_dmm.weakest(r)
    assert w.relative_only
    assert [e.id for e in w.engines] == ["processer"]
    assert not w.engines[0].focus
    assert w.engines[0].score == pytest.approx(5 / 12)


def test_engine_needs_two_answered_statements():
    # data_analys answered only in dat3 by everyone: 1 of 3 statements, fewer than 2 -> no score
    frame = rows(*[{"data_analys": ("Vet ej", None, 1)} for _ in range(3)])
    r = mognad.score(frame, "dmm", min_size=1)
    e = mognad_dmm.profile(r).engine("data_analys")
    assert e.score is None and e.level is None and not e.enough_answers
    assert e.statements_answered == 1
    # the mean leaves it out: (0.5 + 0.5 + 0.25 + 0.25 + 1 + 0.75 + 0.5 + 0.75) / 8
    assert mognad_dmm.profile(r).mean == pytest.approx(4.5 / 8)
    levels = r.insight("dmm_levels")
    row = next(x for x in levels.rows if x["motor"] == "Data & Analys")
    assert row["nivå"] == "för få svar (1 av 3 påståenden besvarade, 2 krävs)"


def test_recommended_practice_and_marker_check(result):
    check = mognad_dmm.practice_check(result)
    assert check.phase == "Koordination"
    kinds = {n.engine: n.kind for n in check.notes}
    assert kinds == {
        "varderingar": "lead_in_phase",
        "vision_mission": "lead_in_phase",
        "organisation": "lead_behind",
        "data_analys": "lead_behind",
    }
    flags = mognad_dmm.marker_check(result)
    # kontaktytor 5 5 2 averages 0.75 (Acceleration) with its Acceleration marker at 0.25
    assert [(f.engine, f.statement, f.marker_level) for f in flags] == [
        ("kontaktytor", "kon3", "Acceleration")
    ]
    assert flags[0].marker_score == pytest.approx(0.25)


def test_target_next_phase(result):
    g = mognad_dmm.target_gap(result, "next")
    assert g.target.label == "Nästa fas för varje motor"
    by = {e.id: e for e in g.engines}
    # Koordination -> 0.75, Mobilisering -> 0.50, Acceleration keeps its own score
    expected = {
        "varderingar": (0.75, 0.25),
        "vision_mission": (0.75, 0.25),
        "strategiarbete": (0.5, 0.25),
        "organisation": (0.5, 0.25),
        "infrastruktur": (1.0, 0.0),
        "processer": (0.75, 0.0),
        "data_analys": (0.5, 0.5),
        "erbjudande_intaktsmodell": (0.75, 0.25),
        "kontaktytor": (0.75, 0.0),
    }
    for engine, (target, gap) in expected.items():
        assert by[engine].target == pytest.approx(target), engine
        assert by[engine].gap == pytest.approx(gap), engine
    # the default target is meta.default_target_profile = nasta_fas, the same rule
    default = mognad_dmm.target_gap(result)
    assert default.target.name == "nasta_fas"
    assert [e.target for e in default.engines] == [e.target for e in g.engines]


def test_target_profile_file(result):
    g = mognad_dmm.target_gap(result, DMM_TARGET)
    assert g.target.label == "Mål 2026" and g.target.label_en == "Target 2026"
    by = {e.id: e for e in g.engines}
    # targets: K = 0.50, 0.65, Mobilisering = 0.0
    assert by["data_analys"].gap == pytest.approx(0.65)
    assert by["organisation"].gap == pytest.approx(0.40)
    assert by["strategiarbete"].gap == pytest.approx(0.25)
    assert by["varderingar"].gap == 0.0 and by["varderingar"].signed_gap == 0.0
    assert by["infrastruktur"].gap == 0.0
    assert by["infrastruktur"].signed_gap == pytest.approx(-0.5)
    assert by["kontaktytor"].target == 0.0 and by["kontaktytor"].signed_gap == pytest.approx(-0.75)
    assert by["organisation"].target_level == "Koordination"
    assert [e.id for e in g.ordered()][:3] == ["data_analys", "organisation", "strategiarbete"]


def test_target_inline_alias_and_preset(result):
    g = mognad_dmm.target_gap(result, "data_analys=Koordinering, Organisation=65%")
    by = {e.id: e for e in g.engines}
    assert by["data_analys"].target == pytest.approx(0.5)  # alias of Koordination
    assert by["organisation"].target == pytest.approx(0.65)  # label, percentage
    assert by["varderingar"].target is None and by["varderingar"].gap is None
    preset = mognad_dmm.target_gap(result, "koordination_rekommenderad")
    pby = {e.id: e for e in preset.engines}
    assert pby["organisation"].target == pytest.approx(0.65)
    assert pby["infrastruktur"].target == pytest.approx(0.5)
    assert pby["data_analys"].gap == pytest.approx(0.65)
    uniform = mognad_dmm.target_gap(result, "Acceleration")
    assert all(e.target == pytest.approx(0.75) for e in uniform.engines)


def test_bad_targets_are_rejected_with_their_place(result, tmp_path):
    with pytest.raises(mognad.ModelError, match="'relationer' is not a dimension of model 'dmm'"):
        mognad_dmm.target_gap(result, "relationer=0.5")
    with pytest.raises(mognad.ModelError, match="outside 0-100 %"):
        mognad_dmm.target_gap(result, "data_analys=150%")
    bad = tmp_path / "mal.yaml"
    bad.write_text("dimensions:\n  data_analys: Kordination\n", encoding="utf-8")
    with pytest.raises(mognad.MognadError, match="data_analys: target 'Kordination'"):
        mognad_dmm.target_gap(result, bad)


def test_insights_from_the_hook(four_leaders):
    r = mognad.score(four_leaders, "dmm", target=DMM_TARGET, min_size=1)
    keys = [i.key for i in r.insights]
    assert keys[:3] == ["dmm_levels", "dmm_profile", "dmm_weakest"]
    assert {"dmm_practice", "dmm_markers", "dmm_spread", "dmm_target_gap"} <= set(keys)
    weakest = r.insight("dmm_weakest")
    assert [row["motor"] for row in weakest.rows] == [
        "Data & Analys",
        "Organisation",
        "Strategiarbete",
    ]
    assert weakest.rows[0]["fokus"] == "ja" and "fokus" not in weakest.rows[2]
    assert weakest.rows[0]["nästa steg"].startswith("Gör en översikt")
    profile = r.insight("dmm_profile")
    assert profile.data["engines"] == ENGINES
    gap = r.insight("dmm_target_gap")
    assert gap.rows[0]["motor"] == "Data & Analys" and gap.rows[0]["gap"] == "65,0 p.e."
    spread = r.insight("dmm_spread")
    # varderingar: respondents 0.75 0.75 0.25 0.25, SD = sqrt(4 * 0.0625 / 3)
    assert [row["motor"] for row in spread.rows] == ["Värderingar"]
    var = spread.data["engines"][0]
    assert var["sd"] == pytest.approx(math.sqrt(0.25 / 3))
    assert var["range"] == pytest.approx(0.5) and var["low_agreement"]
    # English
    en = mognad.score(four_leaders, "dmm", lang="en", min_size=1)
    assert en.insight("dmm_weakest").rows[0]["engine"] == "Data & Analytics"
    assert en.insight("dmm_levels").title == "Level per engine"


def test_no_dmm_insights_for_other_models(tiny_model, tiny_frame):
    r = mognad.score(tiny_frame, tiny_model, min_size=1)
    assert not [i for i in r.insights if i.key.startswith("dmm_")]


def test_own_model_declaring_dmm_settings_gets_insights(four_leaders):
    data = mognad_dmm.model().model_dump()
    data["name"] = "min_dmm"
    data["meta"]["analysis"]["weak_engines"]["margin"] = 0.3
    own = mognad.model_from_dict(data)
    r = mognad.score(four_leaders, own, min_size=1)
    assert r.insight("dmm_weakest").data["margin"] == pytest.approx(0.3)
    assert [e.id for e in mognad_dmm.weakest(r, own).engines] == ["data_analys"]
    with pytest.raises(mognad.ModelError, match="not installed; pass model="):
        mognad_dmm.weakest(r)


def test_invalid_meta_setting_names_its_key():
    data = mognad_dmm.model().model_dump()
    data["meta"]["analysis"]["weak_engines"]["margin"] = "tio"
    with pytest.raises(mognad.ModelError, match=r"meta\.analysis\.weak_engines\.margin = 'tio'"):
        settings_for(mognad.model_from_dict(data))


def test_source_motors_variant_scores_dmm_answers():
    r = mognad.score(DMM_SAMPLE, mognad_dmm.source_motors_model())
    p = mognad_dmm.profile(r)
    assert len(p.engines) == 9
    assert p.engines[0].id == "varderingar_vision_mission"
    # the sample has no Relationer columns: that engine has no score
    assert p.engine("relationer").score is None
    assert r.insight("dmm_levels") is not None


def test_every_statement_has_a_short_name_for_charts():
    """Both DMM model files give each statement a short Swedish and English name for chart
    labels, unique within the model; the statements the two share (one questionnaire serves
    both) have the same short names in both."""
    dmm = assert_short_names(mognad.load_model("dmm"))
    source = assert_short_names(mognad_dmm.source_motors_model())
    assert len(dmm) == 27 and len(source) == 30
    assert {sid: source[sid] for sid in dmm} == dmm


def test_min_group_size_in_meta_is_refused_by_the_workshop(four_leaders):
    """The model's own group threshold is gone: the workshop uses mognad's one anonymity policy,
    and a model file that still sets meta.analysis.min_group_size is refused with a message
    saying where the setting went (never silently replaced by another threshold)."""
    assert "min_group_size" not in mognad_dmm.model().meta["analysis"]
    data = mognad_dmm.model().model_dump()
    data["meta"]["analysis"]["min_group_size"] = 8
    own = mognad.model_from_dict(data)
    settings_for(own)  # the other analyses are not affected
    frame = four_leaders.assign(ledningsgrupp="KLG")
    with pytest.raises(mognad.ModelError, match=r"min_size = 8 i mognad\.toml"):
        mognad_dmm.workshop(frame, model=own, min_size=1)
    with pytest.raises(mognad.ModelError, match=r"meta\.analysis\.min_group_size \(8\)"):
        mognad_dmm.workshop(mognad.prepare(frame, own), lang="en", min_size=1)


def _leaders(n: int, group: str = "KLG") -> pd.DataFrame:
    """``n`` respondents whose varderingar answers run 1 1 1, 2 2 2, ... (cycling 1-5), so the
    engine's respondent scores differ; every other engine as in BASE."""
    answers = [((i % 5) + 1,) * 3 for i in range(n)]
    return rows(*[{"ledningsgrupp": group, "varderingar": a} for a in answers])


def test_spread_insight_publishes_spread_figures_only_from_twice_the_minimum_size():
    """`mognad score` on 5-9 respondents (k = 5) gets at most a coarse agreement flag per engine:
    no SD, min, max, quartiles, shares or count that would pin the members' scores."""
    spread_keys = ("respondent_mean", "sd", "min", "max", "range", "q1", "q3", "iqr", "n")
    for n in (5, 7, 9):
        r = mognad.score(_leaders(n), "dmm")
        ins = r.insight("dmm_spread")
        var = next(e for e in ins.data["engines"] if e["engine"] == "varderingar")
        assert all(var[key] is None for key in spread_keys), n
        assert all(v is None for key, v in var.items() if key.startswith("share_"))
        assert var["spread_shown"] is False and var["agreement"] == "spridd"  # 0 ... 1 apart
        assert [row["motor"] for row in ins.rows] == ["Värderingar"]
        assert set(ins.rows[0]) == {"motor", "samsyn"}
        assert "spann över 50 p.e." in ins.rows[0]["samsyn"]
        flat = next(e for e in ins.data["engines"] if e["engine"] == "vision_mission")
        assert flat["agreement"] == "samstämmig" and not flat["low_agreement"]
    # ten respondents: the spread figures, rounded (SD to 0.01, 0-1 figures to 0.001)
    r = mognad.score(_leaders(10), "dmm")
    var = next(e for e in r.insight("dmm_spread").data["engines"] if e["engine"] == "varderingar")
    exact = pd.Series([(i % 5) / 4 for i in range(10)])
    assert var["spread_shown"] and var["n"] == 10
    assert var["sd"] == round(float(exact.std(ddof=1)), 2)
    assert (var["min"], var["max"], var["q1"], var["q3"]) == (0.0, 1.0, 0.25, 0.75)
    # the policy comes from the caller: with min_size 3, 6 respondents are enough
    r = mognad.score(_leaders(6), "dmm", min_size=3)
    var = next(e for e in r.insight("dmm_spread").data["engines"] if e["engine"] == "varderingar")
    assert var["spread_shown"] and var["sd"] is not None


def test_spread_insight_leaves_out_statements_the_policy_hides():
    """A statement with fewer than k answers is hidden in the score; the respondents' engine
    scores behind the spread leave it out as well."""
    frame = _leaders(10).astype({"var1": object, "var2": object})
    frame.loc[3:, ["var1", "var2"]] = "vet ej"  # var1 and var2: 3 answers each, hidden at k = 5
    r = mognad.score(frame, "dmm")
    assert r.statements["var1"].hidden and r.statements["var3"].score is not None
    var = next(e for e in r.insight("dmm_spread").data["engines"] if e["engine"] == "varderingar")
    # from var3 alone every respondent has one answered statement: fewer than 2, no score
    assert var["agreement"] is None and var["spread_shown"] is False
