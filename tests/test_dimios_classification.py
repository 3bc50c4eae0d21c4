"""The DiMiOS 2×2 on small hand-made response tables, groups with suppression, and the CLI.

On the 1-5 scale a statement answered 3 by everyone scores (3 - 1) / 4 = 0.5, 5 scores 1.0 and 1
scores 0.0, so each fixture's dimension scores are known without computing anything.
"""

from __future__ import annotations

import json
from pathlib import Path

import mognad_dimios as dimios
import pandas as pd
import pytest
import yaml

import mognad_core as mognad

ROOT = Path(__file__).parent.parent
MODEL_FILE = ROOT / "plugins" / "dimios" / "mognad_dimios" / "model.yaml"
SAMPLE = ROOT / "plugins" / "dimios" / "mognad_dimios" / "samples" / "dimios_sample.xlsx"
F_IDS = [f"f{c}{i}" for c in (1, 2, 3) for i in (1, 2, 3, 4)]
A_IDS = [f"a{c}{i}" for c in (1, 2, 3) for i in (1, 2, 3, 4)]


def frame(formaga, arv, n: int = 3, **attributes) -> pd.DataFrame:
    """``n`` respondents answering ``formaga`` to every förmåga and ``arv`` to every arv item."""
    data = {k: [v] * n for k, v in attributes.items()}
    data.update({sid: [formaga] * n for sid in F_IDS})
    data.update({sid: [arv] * n for sid in A_IDS})
    return pd.DataFrame(data)


@pytest.mark.parametrize(
    ("formaga", "arv", "quadrant", "name", "dimios_type"),
    [
        (2, 2, "bromsad", "Bromsad", "A"),
        (5, 1, "hindrad_av_arvet", "Kapabel men hindrad av arvet", None),
        (1, 5, "outnyttjad_grund", "Outnyttjad grund", None),
        (4, 4, "mojliggjord", "Möjliggjord och balanserad", None),
    ],
)
def test_each_quadrant(formaga, arv, quadrant, name, dimios_type):
    result = mognad.score(frame(formaga, arv), model="dimios")
    c = dimios.classify(result)
    assert (c.quadrant, c.name, c.dimios_type) == (quadrant, name, dimios_type)
    assert c.scores == {"formaga": (formaga - 1) / 4, "arv": (arv - 1) / 4}
    assert c.distance_pp["formaga"] == pytest.approx(100 * ((formaga - 1) / 4 - 0.5))
    assert c.recommendation and c.description
    ins = result.insight("dimios.quadrant")
    assert ins.data["quadrant"] == quadrant and ins.title.endswith(name)


def test_english_texts_come_from_the_model_file():
    quads = {q["id"]: q for q in yaml.safe_load(MODEL_FILE.read_text("utf-8"))["meta"]["quadrants"]}
    c = dimios.classify({"formaga": 0.2, "arv": 0.9}, lang="en")
    assert c.name == "Untapped foundation" == quads["outnyttjad_grund"]["name_en"]
    assert c.recommendation == quads["outnyttjad_grund"]["recommendation_en"]
    assert c.labels == {"formaga": "Digital capability", "arv": "Digital legacy"}
    sv = dimios.classify({"formaga": 0.2, "arv": 0.9})
    assert sv.recommendation == quads["outnyttjad_grund"]["recommendation"]


def test_exactly_on_the_threshold_counts_as_high_and_near_the_border():
    # everyone answers 3: both dimensions score exactly 0.5
    result = mognad.score(frame(3, 3), model="dimios")
    c = dimios.classify(result)
    assert c.scores == {"formaga": 0.5, "arv": 0.5}
    assert c.quadrant == "mojliggjord"
    assert c.distance_pp == {"formaga": 0.0, "arv": 0.0}
    assert c.near_border and c.near_border_dims == ["formaga", "arv"]
    rows = {k: v for row in result.insight("dimios.quadrant").rows for k, v in row.items()}
    assert "nära gränsen" in rows["Obs"]
    assert "Digital förmåga +0.0 procentenheter" in rows["Avstånd till gränsen"]


@pytest.mark.parametrize(
    ("formaga", "quadrant", "near"),
    [
        (0.47, "outnyttjad_grund", True),  # 3 points below: near (inclusive)
        (0.4699, "outnyttjad_grund", False),
        (0.4999, "outnyttjad_grund", True),
        (0.53, "mojliggjord", True),
        (0.5301, "mojliggjord", False),
    ],
)
def test_border_margin(formaga, quadrant, near):
    c = dimios.classify({"formaga": formaga, "arv": 0.9})
    assert c.quadrant == quadrant
    assert c.near_border is near
    assert c.distance_pp["formaga"] == pytest.approx(100 * (formaga - 0.5))


def test_scores_as_percentages_and_labels():
    c = dimios.classify({"Digital förmåga": "62 %", "Digitalt arv": 41})
    assert c.scores == {"formaga": pytest.approx(0.62), "arv": pytest.approx(0.41)}
    assert c.quadrant == "hindrad_av_arvet"
    with pytest.raises(mognad.MognadError, match="not a dimension"):
        dimios.classify({"ledning": 0.5, "arv": 0.5})
    with pytest.raises(mognad.MognadError, match="outside 0-100"):
        dimios.classify({"formaga": 150, "arv": 0.5})


def test_a_dimension_without_answers_gets_no_quadrant():
    result = mognad.score(frame(4, "vet ej"), model="dimios")
    assert result.dimensions["arv"].score is None
    c = dimios.classify(result)
    assert c.quadrant is None and c.name is None
    assert c.reason == "Ingen 2×2-kategori: Digitalt arv saknar svar att räkna på."
    assert c.scores == {"formaga": 0.75, "arv": None}
    assert c.distance_pp["arv"] is None and c.high["arv"] is None
    ins = result.insight("dimios.quadrant")
    assert ins.text == c.reason and ins.rows == []
    # the overall score covers only Digital förmåga: the comparison says so
    gap = result.insight("dimios.benchmark")
    assert gap.data["partial"] is True and gap.data["missing_dimensions"] == ["arv"]
    assert "ofullständigt" in gap.text
    bal = dimios.balance(result)
    assert bal.dimensions["arv"].balance is None and bal.dimensions["arv"].tilt is None
    assert bal.dimensions["formaga"].balance == 0.0


def test_threshold_from_the_model_file(tmp_path):
    """A user's own model file with meta.quadrants gets the insights, with its own threshold."""
    data = yaml.safe_load(MODEL_FILE.read_text("utf-8"))
    data["name"] = "min_dimios"
    data["meta"]["quadrant_threshold"] = 0.8
    own = tmp_path / "min_dimios.yaml"
    own.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = mognad.score(frame(4, 5), model=own)  # 0.75 and 1.0
    ins = result.insight("dimios.quadrant")
    assert ins is not None and ins.data["quadrant"] == "outnyttjad_grund"
    assert ins.data["threshold"] == 0.8
    # the same answers with the built-in model (threshold 0.5)
    assert dimios.classify(mognad.score(frame(4, 5), model="dimios")).quadrant == "mojliggjord"


def test_model_without_quadrants_is_refused_clearly(tmp_path):
    data = yaml.safe_load(MODEL_FILE.read_text("utf-8"))
    data["name"] = "utan"
    del data["meta"]["quadrants"]
    path = tmp_path / "utan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = mognad.score(frame(4, 4), model=path)
    assert result.insight("dimios.quadrant") is None  # not declared: not ours
    with pytest.raises(mognad.ModelError, match=r"declares no meta\.quadrants"):
        dimios.classify(result, model=path)
    data["meta"]["quadrants"] = data["meta"].get("quadrants") or [
        {"id": "x", "name": "X", "high_formaga": True, "high_arv": True}
    ]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(mognad.ModelError, match="covers 1 of the 4 corners"):
        dimios.classify(result, model=path)


# ---- groups -------------------------------------------------------------------------------
def groups_frame() -> pd.DataFrame:
    """Soc (6 people), KLF (4), BUF (3) and IT (2), each answering one value per dimension.

    The hidden groups' answers are not all at the scale's ends, so mognad_core.groups' safety
    check (a hidden value that follows from the total) does not hide a third group.
    """
    return pd.concat(
        [
            frame(5, 5, n=6, förvaltning="Soc", roll="Chef"),
            frame(2, 4, n=4, förvaltning="KLF", roll="Chef"),
            frame(4, 2, n=3, förvaltning="BUF", roll="Medarbetare"),
            frame(1, 1, n=2, förvaltning="IT", roll="Medarbetare"),
        ],
        ignore_index=True,
    )


def test_classify_groups_with_suppression():
    grouped = dimios.classify_groups(groups_frame(), by="förvaltning", min_size=3)
    got = {g.group: g for g in grouped.groups}
    assert list(got) == ["BUF", "IT", "KLF", "Soc"]
    # IT (2) is below 3; then BUF (3), the next-smallest, is hidden too
    assert got["IT"].suppressed and got["IT"].n is None and got["IT"].scores == {}
    assert got["IT"].suppressed_reason == "färre än 3 svarande"
    assert got["BUF"].suppressed and got["BUF"].n is None
    assert got["BUF"].suppressed_reason.startswith("dold så att")
    assert got["Soc"].classification.quadrant == "mojliggjord" and got["Soc"].n == 6
    assert got["KLF"].classification.quadrant == "outnyttjad_grund"
    assert got["KLF"].scores == {"formaga": 0.25, "arv": 0.75}
    # organisation: each statement's score is the mean over all 15 respondents
    org = grouped.organisation
    assert org.scores["formaga"] == pytest.approx((6 * 1 + 4 * 0.25 + 3 * 0.75 + 0) / 15)
    assert org.scores["arv"] == pytest.approx((6 * 1 + 4 * 0.75 + 3 * 0.25 + 0) / 15)
    frame_ = grouped.to_frame()
    assert frame_.loc["IT", "suppressed"] and pd.isna(frame_.loc["IT", "formaga"])


def test_classify_groups_default_min_size_and_floor():
    grouped = dimios.classify_groups(groups_frame(), by="FÖRVALTNING")  # case-insensitive
    assert grouped.min_size == 5
    assert [g.group for g in grouped.groups if not g.suppressed] == ["Soc"]
    with pytest.raises(mognad.MognadError, match="at least 3"):
        dimios.classify_groups(groups_frame(), by="förvaltning", min_size=2)
    with pytest.raises(mognad.InputError, match='no column "avdelning"'):
        dimios.classify_groups(groups_frame(), by="avdelning")


def test_classify_groups_by_role_in_english():
    grouped = dimios.classify_groups(groups_frame(), by="roll", min_size=3, lang="en")
    got = {g.group: g.classification for g in grouped.groups}
    assert got["Chef"].quadrant == "mojliggjord"  # (6*1 + 4*.25)/10 = .7, arv .9
    assert got["Medarbetare"].name == "Held back"  # (3*.75)/5 = .45, arv (3*.25)/5 = .15
    assert got["Medarbetare"].scores == {
        "formaga": pytest.approx(0.45),
        "arv": pytest.approx(0.15),
    }


# ---- CLI ----------------------------------------------------------------------------------
def test_cli_classify_table_and_json(run_cli, tmp_path):
    path = tmp_path / "svar.csv"
    groups_frame().to_csv(path, index=False, sep=";")
    res = run_cli("dimios", "classify", path, "--groups", "förvaltning", "--min-size", "3")
    assert res.exit_code == 0, res.stderr
    out = res.stdout
    assert "svar.csv, 15 svarande" in out
    assert "Organisationen" in out and "Rekommendation:" in out
    assert "Per förvaltning (grupper med färre än 3 svarande visas inte)" in out
    assert "(färre än 3 svarande)" in out
    soc = next(line for line in out.splitlines() if line.startswith("Soc "))
    assert " ".join(soc.split()) == "Soc 6 100.0 % 100.0 % Möjliggjord och balanserad"
    res = run_cli(
        "dimios", "classify", path, "-g", "förvaltning", "-g", "roll", "--min-size", "3",
        "--format", "json", "--lang", "en",
    )  # fmt: skip
    data = json.loads(res.stdout)
    assert data["n_respondents"] == 15 and data["organisation"]["lang"] == "en"
    assert set(data["groups"]) == {"förvaltning", "roll"}
    klf = next(g for g in data["groups"]["förvaltning"]["groups"] if g["group"] == "KLF")
    assert klf["classification"]["quadrant"] == "outnyttjad_grund"
    assert klf["classification"]["name"] == "Untapped foundation"


def test_cli_classify_where_and_errors(run_cli, tmp_path):
    res = run_cli("dimios", "classify", SAMPLE, "--where", "år=2025", "--format", "json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["n_respondents"] == 240
    res = run_cli("dimios", "classify", SAMPLE)
    assert "svaren från år 2024, 2025 räknas ihop" in res.stdout
    res = run_cli("dimios", "classify", SAMPLE, "--where", "år=2023")
    assert res.exit_code == 2 and 'no respondent has år = "2023"' in res.stderr
    res = run_cli("dimios", "classify", SAMPLE, "--groups", "avdelning")
    assert res.exit_code == 2 and 'no column "avdelning"' in res.stderr
    assert "Traceback" not in res.stderr
    res = run_cli("dimios", "classify", SAMPLE, "-g", "roll", "--min-size", "2")
    assert res.exit_code == 2 and "at least 3" in res.stderr
    dmm = ROOT / "plugins" / "dmm_nine_engines" / "mognad_dmm" / "samples" / "dmm_sample.xlsx"
    res = run_cli("dimios", "classify", dmm, "--model", "dmm")
    assert res.exit_code == 2 and "declares no meta.quadrants" in res.stderr
    res = run_cli("dimios", "classify", tmp_path / "saknas.xlsx")
    assert res.exit_code == 2 and "Traceback" not in res.stderr


def test_classify_groups_follows_the_core_safety_check():
    """When the hidden groups' answers all sit at the scale's lowest step, their values would
    follow from the total, so mognad_core.groups hides one more group; so does the 2×2."""
    data = groups_frame()
    data.loc[data["förvaltning"] == "BUF", A_IDS] = 1  # IT answers 1 as well
    grouped = dimios.classify_groups(data, by="förvaltning", min_size=3)
    hidden = [g.group for g in grouped.groups if g.suppressed]
    assert hidden == ["BUF", "IT", "KLF"]
    assert [g.group for g in grouped.groups if g.classification] == ["Soc"]


def test_a_file_without_respondents(run_cli, tmp_path):
    path = tmp_path / "tom.csv"
    path.write_text("förvaltning;" + ";".join(F_IDS + A_IDS) + "\n", "utf-8")
    res = run_cli("dimios", "classify", path, "-g", "förvaltning")
    assert res.exit_code == 0, res.stderr
    assert "Ingen 2×2-kategori: Digital förmåga och Digitalt arv saknar svar" in res.stdout
    assert res.stdout.rstrip().endswith("(inga svarande)")
    result = mognad.score(path, model="dimios")
    assert result.insight("dimios.quadrant").data["quadrant"] is None
    gap = result.insight("dimios.benchmark")
    assert gap.data["gap_pp"] is None and gap.text.startswith("Inget totalvärde")
    assert [r for r in gap.rows if "Jämfört med" in r] == []
