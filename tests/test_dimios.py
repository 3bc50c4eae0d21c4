"""DiMiOS plugin on the bundled sample: every figure is recomputed here with plain pandas.

The expectations never use mognad: the raw sample file is read with pandas, "Vet ej" is taken out
of the mean, a statement's score is (mean - 1) / 5 (the six-point scale 1-6), a category the mean
of its five statements, a dimension the mean of its three categories, the overall score the mean
of the two dimensions.

Tests of the arithmetic score with ``min_size=1`` (the data holder's unprotected figures); tests
of what a reader sees use the default anonymity policy, where every published 0-1 figure is
rounded to 0.001 and percentage points to 0.1 (mognad_core.disclosure).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import mognad_dimios as dimios
import numpy as np
import pandas as pd
import pytest
from conftest import DIMIOS_2024, DIMIOS_2025, DIMIOS_SAMPLE, DMM_SAMPLE, assert_short_names

import mognad_core as mognad
from mognad_core import texts

CATEGORIES = {
    "formaga_effektivitet": ["f11", "f12", "f13", "f14", "f15"],
    "formaga_innovation": ["f21", "f22", "f23", "f24", "f25"],
    "formaga_balansering": ["f31", "f32", "f33", "f34", "f35"],
    "arv_strategiskt": ["a11", "a12", "a13", "a14", "a15"],
    "arv_organisatoriskt": ["a21", "a22", "a23", "a24", "a25"],
    "arv_tekniskt": ["a31", "a32", "a33", "a34", "a35"],
}
DIMENSIONS = {
    "formaga": ["formaga_effektivitet", "formaga_innovation", "formaga_balansering"],
    "arv": ["arv_strategiskt", "arv_organisatoriskt", "arv_tekniskt"],
}
IDS = [sid for ids in CATEGORIES.values() for sid in ids]
# Our exploit/explore reading, as listed in plugins/dimios/README.md §2.
EXPLOIT = ["f11", "f12", "f13", "f14", "f15", "f32", "f33", "f35", "a12", "a15"]
EXPLOIT += ["a21", "a23", "a25", "a31", "a34", "a35"]
EXPLORE = [s for s in IDS if s not in EXPLOIT]
# The default benchmark: GU/SCDI's status report of June 2023 (plugins/dimios/README.md §1.8)
PUBLIC_SECTOR_2023 = 0.47
QUADRANTS = {  # (high förmåga, high arv) -> quadrant id, as in model.yaml
    (False, False): "bromsad",
    (True, False): "hindrad_av_arvet",
    (False, True): "outnyttjad_grund",
    (True, True): "mojliggjord",
}


def read_raw(path: Path = DIMIOS_SAMPLE) -> pd.DataFrame:
    if path.suffix == ".csv":
        return pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str)
    return pd.read_excel(path, engine="openpyxl", dtype=object)


def hand_scores(frame: pd.DataFrame) -> dict[str, float]:
    """Statement, category, dimension and overall scores of a raw frame, by plain pandas."""
    out: dict[str, float] = {}
    for sid in IDS:
        numbers = pd.to_numeric(frame[sid], errors="coerce")  # "Vet ej" and blanks -> NaN
        out[sid] = (numbers.mean() - 1) / 5
    for cat, ids in CATEGORIES.items():
        out[cat] = float(np.mean([out[s] for s in ids]))
    for dim, cats in DIMENSIONS.items():
        out[dim] = float(np.mean([out[c] for c in cats]))
    out["overall"] = (out["formaga"] + out["arv"]) / 2
    return out


def hand_dont_know(frame: pd.DataFrame) -> dict[str, float]:
    out = {}
    for sid in IDS:
        text = frame[sid].astype(str).str.strip().str.casefold()
        dk = int((text == "vet ej").sum())
        n = int(pd.to_numeric(frame[sid], errors="coerce").notna().sum())
        out[sid] = dk / (n + dk)
    return out


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    return read_raw()


@pytest.fixture(scope="module")
def expected(raw) -> dict[str, float]:
    return hand_scores(raw)


@pytest.fixture
def result() -> mognad.ScoreResult:
    """The sample's exact figures (protection off: this checks the arithmetic)."""
    return mognad.score(DIMIOS_SAMPLE, model="dimios", min_size=1)


def published_gap(score: float, reference: float) -> float:
    """A gap as published: from the score rounded to 0.001, in points rounded to 0.1."""
    return round(100 * (round(score, 3) - reference), 1)


def test_sample_scores_match_the_hand_computation(result, expected):
    assert result.n_respondents == 480
    assert result.overall == pytest.approx(expected["overall"], abs=1e-12)
    for part in [*CATEGORIES, *DIMENSIONS]:
        assert result.dimensions[part].score == pytest.approx(expected[part], abs=1e-12)
    # the values the README quotes
    assert round(100 * expected["overall"], 1) == 61.1
    assert round(100 * expected["formaga"], 1) == 59.7
    assert round(100 * expected["arv"], 1) == 62.5
    # as published by default: the same figures rounded to 0.001
    shown = mognad.score(DIMIOS_SAMPLE, model="dimios")
    assert shown.overall == round(expected["overall"], 3)
    for part in [*CATEGORIES, *DIMENSIONS]:
        assert shown.dimensions[part].score == round(expected[part], 3)


def test_quadrant_insight_on_the_sample(result, expected):
    ins = result.insight("dimios.quadrant")
    assert ins is not None
    # both dimensions are at or above the 0.5 threshold -> "Möjliggjord och balanserad"
    assert expected["formaga"] >= 0.5 and expected["arv"] >= 0.5
    assert ins.data["quadrant"] == "mojliggjord"
    assert ins.title == "DiMiOS-kategori (2×2): Möjliggjord och balanserad"
    assert ins.data["distance_pp"]["formaga"] == pytest.approx(100 * (expected["formaga"] - 0.5))
    assert ins.data["distance_pp"]["arv"] == pytest.approx(100 * (expected["arv"] - 0.5))
    assert ins.data["near_border"] is False
    rows = {k: v for row in ins.rows for k, v in row.items()}
    assert rows["Rekommendation"].startswith("Håll balansen i portföljen")
    # the catalogue's format in Swedish: a decimal comma (was "+9.7 procentenheter")
    assert "Digital förmåga +9,7 procentenheter" in rows["Avstånd till gränsen"]


def test_balance_insight_on_the_sample(result, expected):
    b = dimios.balance(result)
    exploit = np.mean([expected[s] for s in EXPLOIT])
    explore = np.mean([expected[s] for s in EXPLORE])
    assert b.overall.exploit == pytest.approx(exploit)
    assert b.overall.explore == pytest.approx(explore)
    assert b.overall.balance == pytest.approx(explore - exploit)
    assert b.overall.explore_share == pytest.approx(explore / (explore + exploit))
    assert (b.overall.n_exploit, b.overall.n_explore) == (16, 14)
    assert abs(explore - exploit) <= 0.10 and b.overall.tilt == "balanced"
    for dim, prefix in (("formaga", "f"), ("arv", "a")):
        ex = np.mean([expected[s] for s in EXPLOIT if s.startswith(prefix)])
        ez = np.mean([expected[s] for s in EXPLORE if s.startswith(prefix)])
        assert b.dimensions[dim].balance == pytest.approx(ez - ex)
    # without the five balancing statements (f31-f35)
    nb = dimios.balance(result, include_balancing=False)
    ex = np.mean([expected[s] for s in EXPLOIT if s not in ("f32", "f33", "f35")])
    ez = np.mean([expected[s] for s in EXPLORE if s not in ("f31", "f34")])
    assert nb.overall.balance == pytest.approx(ez - ex)
    assert (nb.overall.n_exploit, nb.overall.n_explore) == (13, 12)
    ins = result.insight("dimios.balance")
    assert ins.data["overall"]["balance"] == pytest.approx(explore - exploit)


def test_benchmark_insight_on_the_sample(result, expected):
    ins = result.insight("dimios.benchmark")
    gap = 100 * (expected["overall"] - PUBLIC_SECTOR_2023)
    assert ins.title == "Jämförelse med nationellt snitt"
    assert ins.data["benchmark"] == "public_sector_2023"
    assert ins.data["gap_pp"] == pytest.approx(gap)
    assert texts.pp(gap / 100, "sv", long=True) in ins.text  # "+14,6 procentenheter"
    assert "DiMiOS-verktyget" in ins.text  # the caveat
    # the SKR target is shown too, labelled as a target
    target_row = next(r for r in ins.rows if "Mål 2023" in str(r.get("Jämfört med", "")))
    assert target_row["Jämfört med"].endswith("(mål)")
    assert target_row["Skillnad"] == texts.pp(expected["overall"] - 0.55, "sv", long=True)


def test_where_to_start_and_weakest_categories(result, raw, expected):
    dk = hand_dont_know(raw)
    median = np.median([expected[s] for s in IDS])
    wanted = sorted(
        (s for s in IDS if dk[s] >= 0.20 and expected[s] < median), key=lambda s: expected[s]
    )
    assert wanted == ["f12"]  # a11 has many vet-ej too, but a high score
    assert dk["a11"] >= 0.20 and expected["a11"] > median
    sp = dimios.where_to_start(result)
    assert [c.id for c in sp.candidates] == wanted
    assert sp.candidates[0].topic == "kostnadskontroll"
    assert sp.candidates[0].dont_know_share == pytest.approx(dk["f12"])
    weakest = sorted(CATEGORIES, key=lambda c: expected[c])[:3]
    assert [w.id for w in dimios.weakest_categories(result)] == weakest


def test_groups_per_forvaltning_match_pandas(raw):
    grouped = dimios.classify_groups(DIMIOS_SAMPLE, by="förvaltning")
    assert grouped.by == "förvaltning" and grouped.min_size == 5
    names = sorted(raw["förvaltning"].unique())
    assert [g.group for g in grouped.groups] == names
    for g in grouped.groups:
        part = raw[raw["förvaltning"] == g.group]
        exp = hand_scores(part)
        assert g.n == len(part)
        # every group is large enough to be shown; its figures are published rounded
        assert g.scores["formaga"] == round(exp["formaga"], 3)
        assert g.scores["arv"] == round(exp["arv"], 3)
        high = (exp["formaga"] >= 0.5, exp["arv"] >= 0.5)
        assert g.classification.quadrant == QUADRANTS[high]
    frame = grouped.to_frame()
    assert list(frame.index) == names and frame["suppressed"].sum() == 0


def test_each_wave_csv(expected):
    """The two single-year CSV files give the NOTES' reference values for each wave."""
    r24 = mognad.score(DIMIOS_2024, model="dimios")
    r25 = mognad.score(DIMIOS_2025, model="dimios")
    for r, path in ((r24, DIMIOS_2024), (r25, DIMIOS_2025)):
        exp = hand_scores(read_raw(path))
        assert r.overall == round(exp["overall"], 3)  # published rounded
        gap = r.insight("dimios.benchmark").data["gap_pp"]
        assert gap == published_gap(exp["overall"], PUBLIC_SECTOR_2023)
    assert r24.overall == 0.582 and r25.overall == 0.64
    # the Python API gives the figures as published too (the README quotes these)
    assert dimios.benchmark_gap(r24).gap_pp == 11.2
    assert dimios.balance(r24).overall.balance == -0.011


# ---- CLI acceptance ---------------------------------------------------------------------
def test_models_show_dimios_json(run_cli):
    res = run_cli("models", "show", "dimios", "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    dims = data["dimensions"]
    assert [d["label"] for d in dims] == ["Digital förmåga", "Digitalt arv"]
    assert all(len(d["categories"]) == 3 for d in dims)
    n_statements = sum(len(c["statements"]) for d in dims for c in d["categories"])
    assert n_statements == 30  # Kvalitetsmässan 2019: 30 statements


def test_every_statement_has_a_short_name_for_charts(run_cli):
    """Each of the 30 statements has a short Swedish and English name for chart labels, unique
    within the model; a topic's statement is named as meta.topics names the topic; `models show`
    passes them on, and the plugin README's statement overview lists them."""
    model = mognad.load_model("dimios")
    names = assert_short_names(model)
    assert len(names) == 30
    assert names["f12"] == {"sv": "Kostnadskontroll", "en": "Cost control"}
    assert names["a11"] == {"sv": "Ekonomiska ramar", "en": "Financial frames"}
    for topic in model.meta["topics"].values():
        for sid in topic["statements"]:
            assert names[sid] == {"sv": topic["sv"], "en": topic["en"]}
    res = run_cli("models", "show", "dimios", "--format", "json")
    assert res.exit_code == 0, res.stderr
    shown = {
        s["id"]: {"sv": s["short"], "en": s["short_en"]}
        for d in json.loads(res.stdout)["dimensions"]
        for c in d["categories"]
        for s in c["statements"]
    }
    assert shown == names
    readme = (Path(dimios.__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in readme.splitlines()
        if re.match(r"\| [fa]\d\d \|", line)
    ]
    assert {row[0]: row[3] for row in rows} == {
        sid: f"{n['sv']} / {n['en']}" for sid, n in names.items()
    }


def test_score_sample_prints_the_dimios_findings(run_cli, expected):
    res = run_cli("score", DIMIOS_SAMPLE, "--model", "dimios")
    assert res.exit_code == 0, res.stderr
    out = res.stdout
    # Swedish throughout, the default (was "Overall score: 62.6 %" above the Swedish findings)
    assert f"Totalt värde: {texts.pct(expected['overall'], 'sv', 1)}" in out
    for label, part in (("Digital förmåga", "formaga"), ("Digitalt arv", "arv")):
        row = rf"^\s*{label}\s+{texts.pct(expected[part], 'sv', 1)}"
        assert re.search(row, out, re.MULTILINE), f"no row for {label} in:\n{out}"
    assert "DiMiOS-kategori (2×2): Möjliggjord och balanserad" in out
    assert "- Rekommendation: Håll balansen i portföljen" in out
    gap = 100 * (expected["overall"] - PUBLIC_SECTOR_2023)
    assert "Jämförelse med nationellt snitt" in out
    written = texts.pp(gap / 100, "sv", long=True)  # "+14,6 procentenheter" (was "+14.6")
    assert f"{written} mot Offentlig sektor, statusrapport juni 2023 (GU/SCDI) (47 %)" in out
    assert "Effektivitet–innovation" in out
    assert "2×2 per förvaltning" in out


def test_score_sample_in_english_and_json(run_cli, expected):
    res = run_cli("score", DIMIOS_SAMPLE, "--lang", "en")
    assert res.exit_code == 0, res.stderr
    assert "DiMiOS category (2×2): Enabled and balanced" in res.stdout
    assert "- Recommendation: Keep the portfolio balanced" in res.stdout
    assert "Compared with the national average" in res.stdout
    res = run_cli("score", DIMIOS_SAMPLE, "--format", "json")
    data = json.loads(res.stdout)
    keys = [i["key"] for i in data["insights"]]
    for key in ("dimios.quadrant", "dimios.balance", "dimios.benchmark"):
        assert key in keys
    bench = next(i for i in data["insights"] if i["key"] == "dimios.benchmark")
    assert bench["data"]["gap_pp"] == published_gap(expected["overall"], PUBLIC_SECTOR_2023)


def test_score_with_a_benchmark_or_a_number_as_target(run_cli, result, expected):
    res = run_cli("score", DIMIOS_SAMPLE, "--target", "target_2023", "--format", "json")
    data = json.loads(res.stdout)
    bench = next(i for i in data["insights"] if i["key"] == "dimios.benchmark")
    assert bench["data"]["benchmark"] == "target_2023"
    assert bench["data"]["is_target"] is True
    assert bench["data"]["gap_pp"] == published_gap(expected["overall"], 0.55)
    assert "(ett mål)" in bench["text"] and bench["title"] == "Jämförelse med mål"
    res = run_cli("score", DIMIOS_SAMPLE, "--target", "70%", "--format", "json")
    bench = next(i for i in json.loads(res.stdout)["insights"] if i["key"] == "dimios.benchmark")
    assert bench["data"]["value"] == pytest.approx(0.70)
    assert bench["data"]["gap_pp"] == published_gap(expected["overall"], 0.70)
    # per-dimension target profile: a gap per dimension, no overall gap
    res = run_cli("score", DIMIOS_SAMPLE, "--target", "formaga=70%,arv=60%", "--format", "json")
    bench = next(i for i in json.loads(res.stdout)["insights"] if i["key"] == "dimios.benchmark")
    assert bench["data"]["gap_pp"] is None
    dims = bench["data"]["dimensions"]
    assert dims["formaga"]["gap_pp"] == published_gap(expected["formaga"], 0.70)
    assert dims["arv"]["gap_pp"] == published_gap(expected["arv"], 0.60)


def test_other_models_get_no_dimios_insights():
    dmm = mognad.score(
        DMM_SAMPLE,
        model="dmm",
    )
    assert not [i for i in dmm.insights if i.key.startswith("dimios.")]


def test_classify_accepts_responses_and_percent_scores(result, expected):
    rs = mognad.read_responses(DIMIOS_SAMPLE, "dimios")
    assert dimios.classify(rs, min_size=1) == dimios.classify(result)
    # by default the responses are scored as published, like mognad.score
    assert dimios.classify(rs) == dimios.classify(mognad.score(DIMIOS_SAMPLE, model="dimios"))
    pct = {"formaga": 100 * expected["formaga"], "arv": 100 * expected["arv"]}
    assert dimios.classify(pct).scores == pytest.approx(dimios.classify(result).scores)


# ---- the 1-5 variant dimios-5 -------------------------------------------------------------
def test_the_five_point_variant_has_the_same_statements_and_scores_by_hand(tmp_path):
    """dimios-5: the model's statements, categories, quadrants and benchmarks on 1-5 with the
    labels of dimios 1.0; a statement's score is (mean - 1) / 4, recomputed here by hand on a
    small table written as a real file and read back."""
    six, five = mognad.get_model("dimios"), mognad.get_model("dimios-5")
    assert (six.scale.min, six.scale.max, five.scale.min, five.scale.max) == (1, 6, 1, 5)
    assert five.statement_ids == six.statement_ids == IDS
    assert (
        five.scale.labels[3] == "Stämmer delvis" and six.scale.labels[3] == "Stämmer ganska dåligt"
    )
    assert five.meta["quadrants"] == six.meta["quadrants"]
    assert [b.name for b in five.benchmarks] == [b.name for b in six.benchmarks]
    assert five.default_benchmark().name == "public_sector_2023"
    # three respondents: f11 = 5, 4, vet ej (mean 4.5 -> 0.875); every other statement 2, 3, 4
    rows = [[5, 4, "vet ej"]] + [[2, 3, 4]] * (len(IDS) - 1)
    frame = pd.DataFrame({sid: col for sid, col in zip(IDS, rows, strict=True)})
    path = tmp_path / "fem.csv"
    frame.to_csv(path, sep=";", index=False)
    result = mognad.score(path, model="dimios-5", min_size=1)
    assert result.statements["f11"].score == pytest.approx((4.5 - 1) / 4)
    assert result.statements["f12"].score == pytest.approx((3 - 1) / 4)
    effektivitet = ((4.5 - 1) / 4 + 4 * (3 - 1) / 4) / 5  # f11 and four statements at 0.5
    assert result.dimensions["formaga_effektivitet"].score == pytest.approx(effektivitet)
    formaga = (effektivitet + 0.5 + 0.5) / 3
    assert result.dimensions["formaga"].score == pytest.approx(formaga)
    assert result.overall == pytest.approx((formaga + 0.5) / 2)
    # the same file on the six-point default: (mean - 1) / 5
    six_result = mognad.score(path, model="dimios", min_size=1)
    assert six_result.statements["f12"].score == pytest.approx((3 - 1) / 5)
    # the plugin's insights apply to the variant too (it declares the quadrants)
    assert dimios.classify(result).quadrant == "mojliggjord"


def test_plugin_check_passes_without_remarks(run_cli):
    res = run_cli("plugin", "check", "dimios")
    assert res.exit_code == 0, res.stdout + res.stderr
    assert "modellen 'dimios-5' används (30 påståenden)" in res.stdout
    assert "Tillägget 'dimios' klarade kontrollen." in res.stdout
    statuses = {line.split()[0] for line in res.stdout.splitlines() if line[:1].isupper()}
    assert {"OK"} <= statuses and not statuses & {"OBS", "FEL"}  # no remark, no problem
