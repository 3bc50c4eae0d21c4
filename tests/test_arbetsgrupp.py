"""The work-group self-assessment (built-in plugin ``arbetsgrupp``).

Scores recomputed by hand on a small table and compared with ``mognad score``; the group's
needs ranked by hand (the core's where-to-start rule); the dialogue questions made from the
table's figures; per-work-group results on the bundled sample with the small group hidden; the
report's three sheets (dialogues and verksamhetsplan) written and read back in both languages.

The hand table (three respondents, one work group), scores as shares of the 1-5 range
((mean - 1) / 4), vet ej left out of the mean:

====  =======================  =====  ===================================
id    answers                  mean   score
====  =======================  =====  ===================================
k1    5, 3, vet ej             4      0.75   (vet ej 1/3)
k2    1, 1, 1                  1      0
k3-5  2, 4, 3                  3      0.5
a1-4  4, 4, 4                  4      0.75
a5    5, 5, vet ej             5      1      (vet ej 1/3)
f1-2  3, 3, 3                  3      0.5    -> strategi 0.5
f3    vet ej x 3               -      none   (vet ej 1)
f4    1, 2, 3                  2      0.25   -> ekonomi 0.25 (f4 alone)
f5    5, 5, 5                  5      1
f6    4, 4, 4                  4      0.75   -> infrastruktur 0.875
f7    2, 2, 2                  2      0.25
f8    1, 1, 2                  4/3    1/12   -> stöd (0.25 + 1/12) / 2 = 1/6
====  =======================  =====  ===================================

kompetens = (0.75 + 0 + 3 x 0.5) / 5 = 0.45; arbetssätt = (4 x 0.75 + 1) / 5 = 0.8;
förutsättningar = (0.5 + 0.25 + 0.875 + 1/6) / 4 = 0.4479...; overall = the mean of the three.

Needs (mognad's where-to-start rule): the median of the 17 scored statements is 0.5; low is
below it (k2, f8, f4, f7), much vet ej is 20 % or more (k1, a5): none is both, so all are ranked
by priority = (1 - score) + vet-ej share: k2 1, f8 11/12, f4 0.75, f7 0.75 (model order), k1
0.25 + 1/3 = 7/12, then k3 0.5 ... The plan's five: k2, f8, f4, f7, k1.
"""

from __future__ import annotations

import json

import mognad_arbetsgrupp as ag
import numpy as np
import pandas as pd
import pytest
from conftest import ARBETSGRUPP_SAMPLE
from openpyxl import load_workbook

import mognad_core as mognad

V = "Vet ej"
ANSWERS = {
    "k1": [5, 3, V],
    "k2": [1, 1, 1],
    "k3": [2, 4, 3],
    "k4": [2, 4, 3],
    "k5": [2, 4, 3],
    "a1": [4, 4, 4],
    "a2": [4, 4, 4],
    "a3": [4, 4, 4],
    "a4": [4, 4, 4],
    "a5": [5, 5, V],
    "f1": [3, 3, 3],
    "f2": [3, 3, 3],
    "f3": [V, V, V],
    "f4": [1, 2, 3],
    "f5": [5, 5, 5],
    "f6": [4, 4, 4],
    "f7": [2, 2, 2],
    "f8": [1, 1, 2],
}
KOMPETENS = (0.75 + 0 + 3 * 0.5) / 5
ARBETSSATT = (4 * 0.75 + 1) / 5
STOD = (0.25 + 1 / 12) / 2
FORUTSATTNINGAR = (0.5 + 0.25 + 0.875 + STOD) / 4
OVERALL = (KOMPETENS + ARBETSSATT + FORUTSATTNINGAR) / 3


@pytest.fixture
def hand_file(tmp_path):
    frame = pd.DataFrame({"arbetsgrupp": ["Gruppen"] * 3, **ANSWERS})
    path = tmp_path / "hand.xlsx"
    frame.to_excel(path, index=False)
    return path


def test_the_model_is_installed_with_its_sample():
    model = mognad.get_model("arbetsgrupp")
    assert [d.id for d in model.dimensions] == ["kompetens", "arbetssatt", "forutsattningar"]
    conditions = [c.id for c in model.dimension("forutsattningar").categories]
    assert conditions == ["strategi", "ekonomi", "infrastruktur", "stod"]
    assert len(model.statements) == 18
    assert all(s.text.startswith("I vår arbetsgrupp ") for s in model.statements)
    assert all(s.text_en.startswith("In our work group ") for s in model.statements)
    assert (model.scale.min, model.scale.max) == (1, 5) and "vet ej" in model.scale.dont_know
    assert [s.path for s in mognad.get_samples("arbetsgrupp")] == [ag.SAMPLE]
    assert ag.SAMPLE == ARBETSGRUPP_SAMPLE


def test_scores_by_hand_match_mognad_score(hand_file, run_cli):
    run = run_cli(
        "score", str(hand_file), "--model", "arbetsgrupp", "--min-size", "1", "--format", "json"
    )
    assert run.exit_code == 0, run.stderr
    result = json.loads(run.stdout)
    dims = {k: d["score"] for k, d in result["dimensions"].items()}
    assert dims["kompetens"] == pytest.approx(KOMPETENS)
    assert dims["arbetssatt"] == pytest.approx(ARBETSSATT)
    assert dims["strategi"] == pytest.approx(0.5)
    assert dims["ekonomi"] == pytest.approx(0.25)
    assert dims["infrastruktur"] == pytest.approx(0.875)
    assert dims["stod"] == pytest.approx(STOD)
    assert dims["forutsattningar"] == pytest.approx(FORUTSATTNINGAR)
    assert result["overall"] == pytest.approx(OVERALL)
    statements = result["statements"]
    assert statements["f3"]["score"] is None and statements["f3"]["dont_know_share"] == 1
    assert statements["f8"]["score"] == pytest.approx(1 / 12)
    assert statements["k1"]["dont_know_share"] == pytest.approx(1 / 3)


def test_needs_by_hand(hand_file, opt_out):
    result = mognad.score(hand_file, model="arbetsgrupp")
    found = ag.needs(result)
    assert [n.id for n in found] == ["k2", "f8", "f4", "f7", "k1"]
    assert [n.rank for n in found] == [1, 2, 3, 4, 5]
    assert [n.owner for n in found] == [
        "grupp",
        "forvaltning",
        "forvaltning",
        "forvaltning",
        "grupp",
    ]
    assert found[1].area == "Förutsättningar: Stöd"
    assert found[0].label() == "Systemens möjligheter (0 %)"
    assert found[4].label() == "Vardagens verktyg (75 %; vet ej 33 %)"
    assert ag.needs(result, lang="en")[4].label("en") == "Everyday tools (75 %; don't know 33 %)"
    # the same order as mognad priorities, the one rule
    prio = mognad.priorities(result, count=5)
    assert [p.id for p in prio.items] == [n.id for n in found]


def test_the_needs_are_an_insight_of_mognad_score(hand_file, run_cli):
    run = run_cli("score", str(hand_file), "-m", "arbetsgrupp", "--min-size", "1")
    assert run.exit_code == 0
    out = run.stdout
    assert "Gruppens behov, viktigast först" in out
    assert "Nr: 1; Område: Digital kompetens; Behov: Systemens möjligheter (0 %)" in out


def test_dialogue_questions_come_from_the_groups_own_answers(hand_file, opt_out):
    result = mognad.score(hand_file, model="arbetsgrupp")
    first = ag.first_dialogue(result)
    assert [q.statement for q in first] == ["a1", "a5", "a2", "f3"]
    assert first[0].text.startswith('Ert värde för "Digitalt först" är 75 %.')
    assert first[1].text.startswith('Ni gav "Delar information digitalt" högst betyg (100 %).')
    assert first[3].text.startswith('Många svarade vet ej om "Pengar till verktyg" (100 %).')
    second = ag.second_dialogue(result)
    assert [q.statement for q in second] == ["k2", "f8", "f4", "k1", None]
    assert second[0].text.startswith('"Systemens möjligheter" fick 0 % hos er: vad behöver ni')
    assert "förutsättning från förvaltningen" in second[1].text
    assert second[3].text.startswith('Inom digital kompetens fick "Vardagens verktyg" högst')
    assert second[4].text.startswith(
        "Av förvaltningens förutsättningar fick stöd lägst betyg (17 %)"
    )
    english = ag.second_dialogue(result, lang="en")
    assert english[4].text.startswith("Of the administration's conditions, support got the lowest")


def test_results_per_work_group_hide_the_small_group():
    """The sample: five work groups; IT-stöd (3) is below min_size 5 and Bygglov (7) is hidden
    with it, so that IT-stöd cannot be derived from the total minus the other groups."""
    sizes = pd.read_excel(ARBETSGRUPP_SAMPLE)["arbetsgrupp"].value_counts().to_dict()
    assert sizes == {
        "Kundtjänst": 11,
        "Förskolan Solrosen": 9,
        "Ekonomienheten": 8,
        "Bygglov": 7,
        "IT-stöd": 3,
    }
    grp = mognad.groups(ARBETSGRUPP_SAMPLE, "arbetsgrupp", model="arbetsgrupp")
    assert sorted(grp.visible) == ["Ekonomienheten", "Förskolan Solrosen", "Kundtjänst"]
    assert sorted(g for g in grp.suppressed) == ["Bygglov", "IT-stöd"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_report_has_the_dialogues_and_the_verksamhetsplan(tmp_path, lang):
    path = tmp_path / "r.xlsx"
    mognad.build_report(ARBETSGRUPP_SAMPLE, "arbetsgrupp", path, groups="arbetsgrupp", lang=lang)
    wb = load_workbook(path)
    t = {
        "sv": ("Dialog 1 – digitalt först", "Dialog 2 – kan och lära", "Verksamhetsplan"),
        "en": ("Dialogue 1 – digital first", "Dialogue 2 – skills", "Business plan"),
    }[lang]
    names = wb.sheetnames
    assert [n for n in names if n in t] == list(t)
    plan = wb[t[2]]
    header = [c.value for c in plan[4]]
    assert (
        header
        == {
            "sv": ["Arbetsgrupp", "Nr", "Område", "Behov", "Åtgärd", "Ansvarig", "Klart när"],
            "en": ["Work group", "No.", "Area", "Need", "Action", "Responsible", "Done when"],
        }[lang]
    )
    rows = []
    for row in plan.iter_rows(min_row=5, max_col=7, values_only=True):
        if row[0] is None:
            break
        rows.append(row)
    by_group: dict[str, list] = {}
    for row in rows:
        by_group.setdefault(row[0], []).append(row)
    # each visible group: its five needs, ranked, the same as its own needs from its result;
    # a statement hidden for the group (Ekonomienheten's "Chefens stöd": 4 of 8 answered vet
    # ej) is named last, to take up all the same, with no figure
    unseen = {"sv": "Visas inte för gruppen", "en": "Not shown for the group"}[lang]
    ekonomi = by_group["Ekonomienheten"].pop()
    assert ekonomi[1] == 6 and ekonomi[3].startswith(unseen) and ekonomi[2] is None
    chef = mognad.get_model("arbetsgrupp").statement("f2").short_label(lang)
    assert f'"{chef}"' in ekonomi[3]
    for name in ("Ekonomienheten", "Förskolan Solrosen", "Kundtjänst"):
        got = by_group[name]
        assert [r[1] for r in got] == [1, 2, 3, 4, 5]
        group = mognad.read_responses(ARBETSGRUPP_SAMPLE, "arbetsgrupp").where(arbetsgrupp=name)
        result = mognad.score(group)
        expected = [n.label(lang) for n in ag.needs(result, lang=lang)]
        assert [r[3] for r in got] == expected
        assert all(r[4] is None and r[5] is None and r[6] is None for r in got)  # to fill in
    # the hidden groups: one row, no need, no figure
    hidden = {"sv": "Visas inte", "en": "Not shown"}[lang]
    for name in ("Bygglov", "IT-stöd"):
        assert len(by_group[name]) == 1 and by_group[name][0][3].startswith(hidden)
        assert by_group[name][0][1] is None
    dialogue = wb[t[0]]
    cells = [c.value for c in dialogue["C"] if isinstance(c.value, str)]
    word = {"sv": "Ert värde för", "en": "Your score for"}[lang]
    assert sum(v.startswith(word) for v in cells) == 3  # one per visible group
    assert sum(v.startswith(unseen) for v in cells) == 1  # Ekonomienheten's hidden statement
    # nothing of the hidden groups' figures anywhere on the dialogue sheets
    for ws in (wb[t[0]], wb[t[1]]):
        for row in ws.iter_rows(min_row=5, values_only=True):
            if row[0] in ("Bygglov", "IT-stöd"):
                assert row[1:] == (None, row[2], None, None) and row[2].startswith(hidden)


def test_report_for_one_work_group_without_groups(tmp_path):
    """A work group's own report (--where): the material is about the group as a whole."""
    data = mognad.report.collect(
        ARBETSGRUPP_SAMPLE, "arbetsgrupp", where=["arbetsgrupp=Kundtjänst"]
    )
    keys = [s.key for s in data.sections]
    assert keys == ["arbetsgrupp.dialogue1", "arbetsgrupp.dialogue2", "arbetsgrupp.plan"]
    plan = data.sections[2]
    assert {r[0] for r in plan.rows} == {"Kundtjänst"}  # named by the selection
    assert [r[3] for r in plan.rows] == [n.label() for n in ag.needs(data.result)]


def test_a_too_small_work_group_cannot_have_a_report_of_its_own(tmp_path):
    with pytest.raises(mognad.MognadError):
        mognad.build_report(
            ARBETSGRUPP_SAMPLE, "arbetsgrupp", tmp_path / "r.xlsx", where=["arbetsgrupp=IT-stöd"]
        )
    assert not (tmp_path / "r.xlsx").exists()


def test_plugin_check_passes_without_remarks(run_cli):
    run = run_cli("plugin", "check", "arbetsgrupp")
    out = run.stdout
    assert run.exit_code == 0, out + run.stderr
    assert "klarade kontrollen" in out
    assert "Anm" not in out and "remark" not in out.lower()


def test_the_bundled_sample_is_what_the_generator_makes():
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location(
        "make_samples", ROOT / "scripts" / "make_samples.py"
    )
    make_samples = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_samples)
    model = mognad.get_model("arbetsgrupp")
    expected = mognad.prepare(make_samples.arbetsgrupp_frame(), model)
    bundled = mognad.read_responses(ARBETSGRUPP_SAMPLE, model)
    np.testing.assert_array_equal(bundled.values, expected.values)
    np.testing.assert_array_equal(bundled.dont_know, expected.dont_know)
    assert list(bundled.attributes["arbetsgrupp"]) == list(expected.attributes["arbetsgrupp"])
