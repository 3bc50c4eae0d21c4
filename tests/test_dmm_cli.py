"""CLI acceptance for the Digital Maturity Matrix plugin, checked against the bundled sample.

Expected values are computed here straight from the sample workbook with pandas (engine score
= mean over its statements of the normalised statement means, org2/inf2 reversed), not through
mognad.
"""

from __future__ import annotations

import json
from pathlib import Path

import mognad_dmm
import pandas as pd
import pytest
import yaml
from conftest import DMM_SAMPLE, DMM_TARGET

from mognad_core import texts

NINE = [
    "Värderingar",
    "Vision & Mission",
    "Strategiarbete",
    "Organisation",
    "Infrastruktur",
    "Processer",
    "Data & Analys",
    "Erbjudande & Intäktsmodell",
    "Kontaktytor",
]
IDS = [
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
PREFIXES = ["var", "vis", "str", "org", "inf", "pro", "dat", "erb", "kon"]
BOUNDS = {"Mobilisering": 0.0, "Koordination": 0.5, "Acceleration": 0.75}


def level(score: float) -> str:
    return [name for name, bound in BOUNDS.items() if score >= bound - 1e-12][-1]


@pytest.fixture(scope="module")
def expected() -> dict[str, float]:
    frame = pd.read_excel(DMM_SAMPLE, engine="openpyxl")
    out = {}
    for engine, p in zip(IDS, PREFIXES, strict=True):
        means = {}
        for j in (1, 2, 3):
            col = f"{p}{j}"
            mean = pd.to_numeric(frame[col], errors="coerce").mean()
            means[col] = 6 - mean if col in ("org2", "inf2") else mean
        out[engine] = sum((m - 1) / 4 for m in means.values()) / 3
    return out


def test_models_show_lists_exactly_the_nine_engines_with_levels(run_cli):
    r = run_cli("models", "show", "dmm", "--format", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert [d["label"] for d in data["dimensions"]] == NINE
    assert [d["id"] for d in data["dimensions"]] == IDS
    assert [lv["name"] for lv in data["levels"]] == list(BOUNDS)
    assert [lv["lower_bound"] for lv in data["levels"]] == list(BOUNDS.values())
    for d in data["dimensions"]:
        assert list(d["level_texts"]) == list(BOUNDS), d["id"]
        assert all(t["description"] and t["next_step"] for t in d["level_texts"].values())
        assert len(d["statements"]) == 3


def test_score_with_target_file_prints_levels_weakest_and_gap(run_cli, expected):
    r = run_cli("score", DMM_SAMPLE, "--model", "dmm", "--target", DMM_TARGET)
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    # level per engine
    assert "Nivå per motor" in out
    for label, engine in zip(NINE, IDS, strict=True):
        s = expected[engine]
        assert f"- motor: {label}; poäng: {texts.pct(s, 'sv', 1)}; nivå: {level(s)};" in out, label
    # weakest relative to the organisation's own mean (margin 0.10), with next steps
    model = mognad_dmm.model()
    mean = sum(expected.values()) / 9
    weak = sorted((e for e in IDS if expected[e] <= mean - 0.10), key=lambda e: expected[e])
    section = out.split("Svagaste motorer jämfört med organisationens eget snitt")[1]
    if weak:
        for engine in weak:
            step = model.dimension(engine).level_texts[level(expected[engine])].next_step
            assert f"nästa steg: {step}" in section
    else:
        lowest = min(IDS, key=lambda e: expected[e])
        label = NINE[IDS.index(lowest)]
        assert f"relativt svagast är {label}." in section
        step = model.dimension(lowest).level_texts[level(expected[lowest])].next_step
        assert f"nästa steg: {step}" in section
    # gap to the target profile, largest first
    targets = yaml.safe_load(DMM_TARGET.read_text(encoding="utf-8"))["dimensions"]
    target = {e: BOUNDS.get(v, v) for e, v in targets.items()}
    gaps = {e: max(0.0, target[e] - expected[e]) for e in IDS}
    gap_section = out.split("Gap till målprofilen: Mål 2026")[1]
    lines = [ln for ln in gap_section.splitlines() if ln.startswith("  - motor:")]
    assert len(lines) == 9
    order = sorted(IDS, key=lambda e: -gaps[e])
    for line, engine in zip(lines, order, strict=True):
        assert line.startswith(f"  - motor: {NINE[IDS.index(engine)]};"), line
        g = gaps[engine]
        assert (f"gap: {texts.num(g * 100, 'sv')} p.e." if g > 0 else "gap: målet nått") in line


def test_score_with_inline_target(run_cli, expected):
    r = run_cli(
        "score", DMM_SAMPLE, "-m", "dmm", "-t", "organisation=0.65,Data & Analys=Koordination"
    )
    assert r.exit_code == 0, r.stderr
    section = r.stdout.split("Gap till målprofilen: Organisation 65 %, Data & Analys 50 %")[1]
    org = 0.65 - expected["organisation"]
    dat = 0.5 - expected["data_analys"]
    score = texts.pct(expected["organisation"], "sv", 1)  # a decimal comma in Swedish
    assert f"- motor: Organisation; poäng: {score}; mål: 65,0 %;" in section
    for gap in (org, dat):
        assert f"gap: {texts.num(gap * 100, 'sv')} p.e." in section
    assert "Inget mål eller ingen poäng: Värderingar, Vision & Mission" in section


def test_score_json_carries_the_insights(run_cli, expected):
    r = run_cli("score", DMM_SAMPLE, "-m", "dmm", "-t", "next", "--format", "json", "--lang", "en")
    assert r.exit_code == 0, r.stderr
    insights = {i["key"]: i for i in json.loads(r.stdout)["insights"]}
    radar = insights["dmm_profile"]["data"]
    assert radar["engines"] == IDS
    assert radar["labels"][0] == "Values"
    assert radar["scores"] == [round(expected[e], 3) for e in IDS]  # published rounded
    gap = insights["dmm_target_gap"]
    assert gap["title"] == "Gap to the target profile: Next phase for every engine"
    by = {e["id"]: e for e in gap["data"]["engines"]}
    for engine in IDS:
        s = expected[engine]
        above = [b for b in BOUNDS.values() if b > s + 1e-12]
        assert by[engine]["target"] == pytest.approx(above[0] if above else s)


def test_bad_target_exits_2_with_a_message(run_cli, tmp_path):
    r = run_cli("score", DMM_SAMPLE, "-m", "dmm", "-t", "relationer=0.5", "--lang", "en")
    assert r.exit_code == 2
    assert "'relationer' is not a dimension of model 'dmm'" in r.stderr
    assert "Traceback" not in r.stderr


def test_workshop_command_table_and_json(run_cli):
    r = run_cli("dmm", "workshop", DMM_SAMPLE, "--groups", "ledningsgrupp")
    assert r.exit_code == 0, r.stderr
    assert "28 svarande i 4 grupper (ledningsgrupp)" in r.stdout
    assert "G1   = Barn- och utbildnings ledningsgrupp (n = 6)" in r.stdout
    assert "Minsta grupp som visas: 5 svarande; spridningsmått från 10" in r.stdout
    assert "Spridning mellan svarande" in r.stdout
    assert "Diskussionspunkter (låg samsyn)" in r.stdout
    j = run_cli("dmm", "workshop", DMM_SAMPLE, "--format", "json")
    data = json.loads(j.stdout)
    assert {g["group"]: g["n"] for g in data["groups"]} == {
        "Barn- och utbildnings ledningsgrupp": 6,
        "Kommunledningsgruppen": 6,
        "Samhällsbyggnads ledningsgrupp": 9,
        "Socialförvaltningens ledningsgrupp": 7,
    }
    assert len(data["spread"]) == 5 * 9
    en = run_cli("dmm", "workshop", DMM_SAMPLE, "--lang", "en")
    assert "Score and level per engine (M = Mobilisation, C = Coordination, A = Acceleration)" in (
        en.stdout
    )


def test_workshop_command_errors(run_cli):
    r = run_cli("dmm", "workshop", DMM_SAMPLE, "--groups", "förvaltning", "--lang", "en")
    assert r.exit_code == 2
    assert 'no column "förvaltning"' in r.stderr and '"ledningsgrupp"' in r.stderr
    r = run_cli("dmm", "workshop", DMM_SAMPLE, "--min-size", "2")
    assert r.exit_code == 2 and "ange ett heltal från 3" in r.stderr
    r = run_cli("dmm", "workshop", "nope.xlsx")
    assert r.exit_code == 2 and "Traceback" not in r.stderr


def _readme_block(after: str) -> str:
    text = (Path(mognad_dmm.__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    rest = text.split(after, 1)[1]
    return rest.split("```\n", 1)[1].split("```", 1)[0]


def test_readme_usage_output_is_real(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "svar.xlsx").write_bytes(DMM_SAMPLE.read_bytes())
    (tmp_path / "malprofil.yaml").write_bytes(DMM_TARGET.read_bytes())
    out = run_cli("score", "svar.xlsx", "--model", "dmm", "--target", "malprofil.yaml").stdout
    block = _readme_block("and, after the profile bars, the rest:")
    assert "Svagaste" + out.split("\nSvagaste", 1)[1].rstrip() == block.strip()
    workshop = run_cli("dmm", "workshop", "svar.xlsx", "--groups", "ledningsgrupp").stdout
    assert workshop.rstrip() == _readme_block("`--min-size N`, `--lang en`, `--model`").rstrip()


def test_presets_and_level_aliases_work_from_the_command_line(run_cli):
    model = mognad_dmm.model()
    preset = run_cli(
        "score",
        DMM_SAMPLE,
        "--model",
        "dmm",
        "--target",
        "koordination_rekommenderad",
        "--format",
        "json",
    )
    assert preset.exit_code == 0, preset.stderr
    gap = next(i for i in json.loads(preset.stdout)["insights"] if i["key"] == "dmm_target_gap")
    spec = model.meta["target_profiles"]["koordination_rekommenderad"]
    assert gap["title"].endswith(spec.get("label", "koordination_rekommenderad"))
    alias = run_cli(
        "score", DMM_SAMPLE, "--model", "dmm", "--target", "Koordinering", "--format", "json"
    )
    same = run_cli(
        "score", DMM_SAMPLE, "--model", "dmm", "--target", "Koordination", "--format", "json"
    )
    assert alias.exit_code == 0, alias.stderr
    pick = [i for i in json.loads(alias.stdout)["insights"] if i["key"] == "dmm_target_gap"]
    want = [i for i in json.loads(same.stdout)["insights"] if i["key"] == "dmm_target_gap"]
    assert pick[0]["rows"] == want[0]["rows"]
    inline = run_cli("score", DMM_SAMPLE, "--model", "dmm", "--target", "data_analys=Koordinering")
    assert inline.exit_code == 0, inline.stderr
