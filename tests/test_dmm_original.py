"""The Digital Maturity Matrix with the source's list of engines: the installed model
``dmm-original`` (plugins/dmm_nine_engines/mognad_dmm/model_original.yaml).

Hand-computed table ("three leaders", scale 1-5, normalised (x - 1) / 4, org2 and inf2 reversed as
6 - x). Answers per statement group, the same for all three respondents unless noted:

    statements   answers                    normalised                      score
    var1-3       4 4 4                      .75 .75 .75
    vis1-3       2 2 2                      .25 .25 .25
      -> dmm-original: Värderingar, Vision & Mission = mean of the six = 3/6 = 0.50  Koordination
      -> dmm: Värderingar 0.75 (Acceleration), Vision & Mission 0.25 (Mobilisering)
    str1-3       2 2 2                      .25 .25 .25                     0.25  Mobilisering
    org1-3       2 4 2                      .25 (6-4=2) .25 .25             0.25  Mobilisering
    inf1-3       5 1 5                      1 (6-1=5) 1 1                   1.00  Acceleration
    pro1-3       4 4 4                      .75 .75 .75                     0.75  Acceleration
    dat1-3       1 1 1                      0 0 0                           0.00  Mobilisering
    erb1-3       3 3 3                      .5 .5 .5                        0.50  Koordination
    kon1-3       5 5 2                      1 1 .25                         0.75  Acceleration
    rel1-3       R1: 5 5 5                  rel1: (5+3+1)/3 = 3 -> .5
                 R2: 3 3 3                  rel2: (5+3+1)/3 = 3 -> .5
                 R3: 1 1 vet ej             rel3: (5+3)/2 = 4  -> .75 (vet ej not counted)
      -> Relationer = (.5 + .5 + .75) / 3 = 0.58333                           Koordination

dmm-original: engines sum to .5 + .25 + .25 + 1 + .75 + 0 + .5 + .75 + .58333 = 4.58333, overall
= 4.58333 / 9 = 0.50926 -> Koordination. dmm (rel1-3 are not its statements): .75 + .25 + .25 +
.25 + 1 + .75 + 0 + .5 + .75 = 4.5, overall 0.50. The difference is (Relationer - (Värderingar +
Vision & Mission) / 2) / 9 = (0.58333 - 0.5) / 9 = 0.00926.

Phase Koordination (lead: Värderingar, Vision & Mission; Organisation; Data & Analys), mean
0.50926: behind (<= mean - 0.10 = 0.40926) are Data & Analys (0), Strategiarbete and Organisation
(0.25); the tie puts Organisation (a lead engine) first. Värderingar, Vision & Mission is only in
phase (diff -0.00926).
"""

from __future__ import annotations

import json

import mognad_dmm
import pandas as pd
import pytest
from conftest import DMM_ORIGINAL_SAMPLE, DMM_ORIGINAL_TARGET, DMM_SAMPLE, DMM_TARGET, ROOT

import mognad_core as mognad
from mognad_core.sample_data import write_xlsx

ORIGINAL = [
    "varderingar_vision_mission",
    "strategiarbete",
    "organisation",
    "infrastruktur",
    "processer",
    "data_analys",
    "erbjudande_intaktsmodell",
    "kontaktytor",
    "relationer",
]
SAME = {
    "var": (4, 4, 4),
    "vis": (2, 2, 2),
    "str": (2, 2, 2),
    "org": (2, 4, 2),
    "inf": (5, 1, 5),
    "pro": (4, 4, 4),
    "dat": (1, 1, 1),
    "erb": (3, 3, 3),
    "kon": (5, 5, 2),
}
RELATIONER = [(5, 5, 5), (3, 3, 3), (1, 1, "vet ej")]
BY_HAND = {
    "varderingar_vision_mission": 0.5,
    "strategiarbete": 0.25,
    "organisation": 0.25,
    "infrastruktur": 1.0,
    "processer": 0.75,
    "data_analys": 0.0,
    "erbjudande_intaktsmodell": 0.5,
    "kontaktytor": 0.75,
    "relationer": (0.5 + 0.5 + 0.75) / 3,
}
OVERALL = 4.583333333 / 9


@pytest.fixture
def three_leaders() -> pd.DataFrame:
    out = []
    for i, rel in enumerate(RELATIONER, start=1):
        row: dict = {"respondent": f"R{i}", "ledningsgrupp": "KLG"}
        for prefix, answers in [*SAME.items(), ("rel", rel)]:
            row.update({f"{prefix}{j}": a for j, a in enumerate(answers, start=1)})
        out.append(row)
    return pd.DataFrame(out)


@pytest.fixture
def table_file(three_leaders, tmp_path):
    return write_xlsx(three_leaders, tmp_path / "tre_ledare.xlsx")


def _scored(run_cli, *args):
    done = run_cli("score", *args, "--format", "json", "--min-size", "1")
    assert done.exit_code == 0, done.stderr
    return json.loads(done.stdout)


def test_scores_recomputed_by_hand_match_mognad_score(run_cli, table_file):
    got = _scored(run_cli, str(table_file), "--model", "dmm-original")
    assert got["model"] == "dmm-original"
    assert list(got["dimensions"]) == ORIGINAL
    scores = {d: got["dimensions"][d]["score"] for d in ORIGINAL}
    assert scores == pytest.approx(BY_HAND, abs=1e-9)
    assert got["dimensions"]["varderingar_vision_mission"]["statements"] == [
        "var1",
        "var2",
        "var3",
        "vis1",
        "vis2",
        "vis3",
    ]
    assert got["dimensions"]["relationer"]["dont_know"] == 1
    assert got["statements"]["rel3"]["score"] == pytest.approx(0.75)
    assert got["overall"] == pytest.approx(OVERALL, abs=1e-9)
    levels = {d: got["dimensions"][d]["level"] for d in ORIGINAL}
    assert levels["varderingar_vision_mission"] == "Koordination"
    assert levels["relationer"] == "Koordination"
    assert got["level"] == "Koordination"


def test_the_same_file_scored_with_dmm_splits_values_and_vision_and_leaves_out_relationer(
    run_cli, table_file
):
    """One questionnaire of 30 statements serves both lists; the overalls differ by
    (Relationer - (Värderingar + Vision & Mission) / 2) / 9, as the README says."""
    dmm = _scored(run_cli, str(table_file), "--model", "dmm")
    assert dmm["dimensions"]["varderingar"]["score"] == pytest.approx(0.75)
    assert dmm["dimensions"]["vision_mission"]["score"] == pytest.approx(0.25)
    assert "relationer" not in dmm["dimensions"] and dmm["overall"] == pytest.approx(0.5)
    assert any('"rel1", "rel2", "rel3"' in note for note in dmm["notes"])  # said, not counted
    original = _scored(run_cli, str(table_file), "--model", "dmm-original")
    for shared in ORIGINAL[1:-1]:
        assert original["dimensions"][shared]["score"] == dmm["dimensions"][shared]["score"]
    merged = (
        dmm["dimensions"]["varderingar"]["score"] + dmm["dimensions"]["vision_mission"]["score"]
    ) / 2
    assert original["dimensions"]["varderingar_vision_mission"]["score"] == pytest.approx(merged)
    rel = original["dimensions"]["relationer"]["score"]
    assert original["overall"] - dmm["overall"] == pytest.approx((rel - merged) / 9)


def test_analysis_weakest_practice_and_targets_by_hand(three_leaders):
    r = mognad.score(three_leaders, "dmm-original", min_size=1)
    p = mognad_dmm.profile(r)
    assert [e.id for e in p.engines] == ORIGINAL
    assert p.phase == "Koordination" and p.mean == pytest.approx(OVERALL)
    assert p.engine("varderingar_vision_mission").relation == "in_phase"
    assert p.engine("infrastruktur").relation == "ahead"
    weak = mognad_dmm.weakest(r)
    assert [e.id for e in weak.engines] == ["data_analys", "organisation", "strategiarbete"]
    assert [e.focus for e in weak.engines] == [True, True, False]
    assert weak.engines[0].next_step == (
        mognad_dmm.source_motors_model()
        .dimension("data_analys")
        .level_texts["Mobilisering"]
        .next_step
    )
    practice = mognad_dmm.practice_check(r)
    assert practice.lead == ["varderingar_vision_mission", "organisation", "data_analys"]
    assert {n.engine: n.kind for n in practice.notes} == {
        "varderingar_vision_mission": "lead_in_phase",
        "organisation": "lead_behind",
        "data_analys": "lead_behind",
    }
    # the preset names the merged engine and Relationer: 0.65 for the lead engines, else 0.50
    gap = mognad_dmm.target_gap(r, "koordination_rekommenderad").frame()
    assert gap.loc["varderingar_vision_mission", "target"] == pytest.approx(0.65)
    assert gap.loc["relationer", "target"] == pytest.approx(0.5)
    assert gap.loc["varderingar_vision_mission", "gap"] == pytest.approx(0.15)
    nxt = mognad_dmm.target_gap(r, "next").frame()
    assert nxt.loc["relationer", "target"] == pytest.approx(0.75)  # Koordination -> Acceleration


def test_both_lists_are_installed_models(run_cli):
    listed = run_cli("models", "--format", "json")
    assert listed.exit_code == 0, listed.stderr
    models = {m["name"]: m for m in json.loads(listed.stdout)}
    assert models["dmm"]["plugin"] == models["dmm-original"]["plugin"] == "dmm"
    text = run_cli("models").stdout
    assert "nio digitala motorer (källans lista)" in text
    assert "nine digital engines (the source's list)" in run_cli("models", "--lang", "en").stdout
    dmm, original = mognad.get_model("dmm"), mognad.get_model("dmm-original")
    assert [d.id for d in original.dimensions] == ORIGINAL
    # the same questionnaire: dmm's 27 statements unchanged, plus rel1-rel3
    assert original.statement_ids == [*dmm.statement_ids, "rel1", "rel2", "rel3"]
    for s in dmm.statements:
        o = original.statement(s.id)
        assert (o.text, o.text_en, o.short, o.short_en, o.reverse) == (
            s.text,
            s.text_en,
            s.short,
            s.short_en,
            s.reverse,
        )
    # the seven shared engines keep their label, description and level texts; same levels, scale
    assert (original.levels, original.scale) == (dmm.levels, dmm.scale)
    for engine in ORIGINAL[1:-1]:
        o, d = original.dimension(engine), dmm.dimension(engine)
        assert (o.label, o.description, o.level_texts) == (d.label, d.description, d.level_texts)
    assert mognad_dmm.source_motors_model() is mognad_dmm.source_motors_model()
    assert mognad.load_model(mognad_dmm.SOURCE_MOTORS).name == "dmm-original"


def test_the_sample_is_the_dmm_sample_plus_relationer_and_matches_the_generator():
    """dmm_original_sample.xlsx = dmm_sample.xlsx's 28 leaders and answers plus rel1-rel3, as
    scripts/make_samples.py makes it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_samples", ROOT / "scripts" / "make_samples.py"
    )
    make_samples = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_samples)
    dmm_frame, original_frame = make_samples.dmm_frames()
    for path, frame in ((DMM_SAMPLE, dmm_frame), (DMM_ORIGINAL_SAMPLE, original_frame)):
        bundled = pd.read_excel(path, engine="openpyxl")
        assert bundled.columns.tolist() == frame.columns.tolist()
        assert bundled.astype(str).values.tolist() == frame.astype(str).values.tolist(), path
    assert original_frame.columns.tolist()[-3:] == ["rel1", "rel2", "rel3"]


def test_the_sample_scores_with_insights_in_both_languages(run_cli):
    sv = _scored(run_cli, str(DMM_ORIGINAL_SAMPLE), "--model", "dmm-original")
    assert sv["n_respondents"] == 28
    assert sv["dimensions"]["relationer"]["score"] == pytest.approx(0.432, abs=1e-3)
    assert sv["dimensions"]["varderingar_vision_mission"]["score"] == pytest.approx(0.444, abs=1e-3)
    # the shared engines score as in the dmm sample
    dmm = _scored(run_cli, str(DMM_SAMPLE), "--model", "dmm")
    assert sv["dimensions"]["kontaktytor"]["score"] == dmm["dimensions"]["kontaktytor"]["score"]
    keys = [i["key"] for i in sv["insights"]]
    assert {"dmm_levels", "dmm_profile", "dmm_weakest"} <= set(keys)

    r_sv = mognad.score(DMM_ORIGINAL_SAMPLE, "dmm-original", target="next")
    r_en = mognad.score(DMM_ORIGINAL_SAMPLE, "dmm-original", target="next", lang="en")
    levels_sv, levels_en = r_sv.insight("dmm_levels"), r_en.insight("dmm_levels")
    assert levels_sv.title == "Nivå per motor" and levels_en.title == "Level per engine"
    assert levels_sv.rows[0]["motor"] == "Värderingar, Vision & Mission"
    assert levels_en.rows[0]["engine"] == "Values, Vision & Mission"
    assert levels_en.rows[-1]["engine"] == "Relationships"
    assert levels_sv.rows[-1]["motor"] == "Relationer"
    rel = mognad_dmm.source_motors_model().dimension("relationer").level_texts["Mobilisering"]
    assert levels_en.rows[-1]["description"] == rel.description_en
    assert levels_sv.rows[-1]["beskrivning"] == rel.description
    practice_en = r_en.insight("dmm_practice")
    assert "Values, Vision & Mission lead" in practice_en.text
    practice_sv = r_sv.insight("dmm_practice")
    assert "Värderingar, Vision & Mission går före" in practice_sv.text
    text_en = run_cli("score", str(DMM_ORIGINAL_SAMPLE), "-m", "dmm-original", "--lang", "en")
    assert text_en.exit_code == 0, text_en.stderr
    for swedish in ("motor", "Relationer", "Mobilisering", "Koordination", "Värderingar"):
        assert swedish not in text_en.stdout, swedish
    assert "Value proposition & Revenue model" in text_en.stdout  # the book's English name


def test_target_profile_sample(run_cli):
    done = run_cli(
        "score", str(DMM_ORIGINAL_SAMPLE), "-m", "dmm-original", "-t", str(DMM_ORIGINAL_TARGET)
    )
    assert done.exit_code == 0, done.stderr
    assert "Gap till målprofilen: Mål 2026" in done.stdout
    assert "motor: Relationer; poäng: 43,2 %; mål: 50,0 % (Koordination); gap: 6,8 p.e." in (
        done.stdout
    )


def test_workshop_with_either_model(run_cli):
    original = run_cli(
        "dmm", "workshop", str(DMM_ORIGINAL_SAMPLE), "--model", "dmm-original", "--format", "json"
    )
    assert original.exit_code == 0, original.stderr
    got = json.loads(original.stdout)
    assert [e["id"] for e in got["engines"]] == ORIGINAL
    assert got["scores"]["(alla)"]["relationer"] == pytest.approx(0.432, abs=1e-3)
    dmm = run_cli("dmm", "workshop", str(DMM_ORIGINAL_SAMPLE), "--format", "json")
    assert dmm.exit_code == 0, dmm.stderr
    engines = [e["id"] for e in json.loads(dmm.stdout)["engines"]]
    assert engines[:2] == ["varderingar", "vision_mission"] and "relationer" not in engines


def test_plugin_check_passes_without_remarks(run_cli):
    done = run_cli("plugin", "check", "dmm")
    assert done.exit_code == 0, done.stdout + done.stderr
    assert "modellen 'dmm-original' används (30 påståenden)" in done.stdout
    assert "modellen 'dmm-original' räknade" in done.stdout
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert all(line.startswith("OK") for line in lines[:-1]), done.stdout


def _readme_block(after: str) -> str:
    text = (ROOT / "plugins" / "dmm_nine_engines" / "README.md").read_text(encoding="utf-8")
    rest = text.split(after, 1)[1]
    return rest.split("```\n", 1)[1].split("```", 1)[0]


def test_readme_output_for_dmm_original_is_real(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / DMM_ORIGINAL_SAMPLE.name).write_bytes(DMM_ORIGINAL_SAMPLE.read_bytes())
    out = run_cli("score", DMM_ORIGINAL_SAMPLE.name, "--model", "dmm-original").stdout
    begins = _readme_block("`mognad score dmm_original_sample.xlsx --model dmm-original` begins:")
    assert out.startswith(begins)
    weakest = _readme_block("Its weakest engines and\nrecommended order:")
    assert "\nSvagaste" + out.split("\nSvagaste", 1)[1].split("\n\nSpridning", 1)[0] + "\n" == (
        "\n" + weakest
    )


def test_the_mean_of_the_engines_is_the_overall_score_shown_beside_it():
    """Published engine scores are rounded to 0.1 %; their mean (47.13 %) would differ from the
    overall score (47.15 %, shown as 47.2 %), so with equal weights and every engine scored the
    profile takes the overall score as the mean."""
    r = mognad.score(DMM_ORIGINAL_SAMPLE, "dmm-original")
    p = mognad_dmm.profile(r)
    rounded_mean = sum(e.score for e in p.engines) / 9
    assert round(rounded_mean, 3) == 0.471 and r.overall == 0.472
    assert p.mean == r.overall
    assert "snittet av motorerna (47,2 %)" in r.insight("dmm_levels").text
    kon = p.engine("kontaktytor")
    assert kon.diff == pytest.approx(0.382 - 0.472)


def test_readme_model_and_score_tables_for_dmm_are_real(run_cli, tmp_path, monkeypatch):
    """The README's other blocks of real output (test_dmm_cli checks the insights and the
    workshop): `mognad models show dmm` without statements, and the head of `mognad score`."""
    shown = run_cli("models", "show", "dmm").stdout
    without_statements = "".join(
        line for line in shown.splitlines(keepends=True) if not line.startswith("  -")
    )
    assert without_statements == _readme_block("including `level_texts`):")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "svar.xlsx").write_bytes(DMM_SAMPLE.read_bytes())
    (tmp_path / "malprofil.yaml").write_bytes(DMM_TARGET.read_bytes())
    out = run_cli("score", "svar.xlsx", "--model", "dmm", "--target", "malprofil.yaml").stdout
    assert out.startswith(_readme_block("first prints the core's tables:"))
