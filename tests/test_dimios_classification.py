"""The DiMiOS 2×2 on small hand-made response tables, groups with suppression, and the CLI.

On the six-point scale (1-6) a statement answered v by everyone scores (v - 1) / 5: 1 scores 0.0,
2 0.2, 4 0.6, 5 0.8 and 6 1.0; half 3 and half 4 average 3.5, exactly 0.5. So each fixture's
dimension scores are known without computing anything.

The frames of three respondents check arithmetic, so they are scored with ``min_size=1`` (the
anonymity protection off). The groups tests pass their policy explicitly and assert what a
reader sees under it: groups hidden exactly as ``mognad groups`` hides them, hidden groups without
figures or sizes, published figures rounded, refused sets refused.
"""

from __future__ import annotations

import json

import mognad_dimios as dimios
import pandas as pd
import pytest
import yaml
from conftest import DIMIOS_2025, DIMIOS_MODEL_FILE, DIMIOS_SAMPLE, DMM_SAMPLE

import mognad_core as mognad
from mognad_core import disclosure

F_IDS = [f"f{c}{i}" for c in (1, 2, 3) for i in (1, 2, 3, 4, 5)]
A_IDS = [f"a{c}{i}" for c in (1, 2, 3) for i in (1, 2, 3, 4, 5)]


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
        (1, 6, "outnyttjad_grund", "Outnyttjad grund", None),
        (4, 4, "mojliggjord", "Möjliggjord och balanserad", None),
    ],
)
def test_each_quadrant(formaga, arv, quadrant, name, dimios_type):
    result = mognad.score(frame(formaga, arv), model="dimios", min_size=1)
    c = dimios.classify(result)
    assert (c.quadrant, c.name, c.dimios_type) == (quadrant, name, dimios_type)
    assert c.scores == pytest.approx({"formaga": (formaga - 1) / 5, "arv": (arv - 1) / 5})
    assert c.distance_pp["formaga"] == pytest.approx(100 * ((formaga - 1) / 5 - 0.5))
    assert c.recommendation and c.description
    ins = result.insight("dimios.quadrant")
    assert ins.data["quadrant"] == quadrant and ins.title.endswith(name)


def test_english_texts_come_from_the_model_file():
    quads = {
        q["id"]: q
        for q in yaml.safe_load(DIMIOS_MODEL_FILE.read_text("utf-8"))["meta"]["quadrants"]
    }
    c = dimios.classify({"formaga": 0.2, "arv": 0.9}, lang="en")
    assert c.name == "Untapped foundation" == quads["outnyttjad_grund"]["name_en"]
    assert c.recommendation == quads["outnyttjad_grund"]["recommendation_en"]
    assert c.labels == {"formaga": "Digital capability", "arv": "Digital legacy"}
    sv = dimios.classify({"formaga": 0.2, "arv": 0.9})
    assert sv.recommendation == quads["outnyttjad_grund"]["recommendation"]


def test_exactly_on_the_threshold_counts_as_high_and_near_the_border():
    # two answer 3 and two answer 4 everywhere: mean 3.5, both dimensions score exactly 0.5
    result = mognad.score(
        pd.concat([frame(3, 3, n=2), frame(4, 4, n=2)], ignore_index=True),
        model="dimios",
        min_size=1,
    )
    c = dimios.classify(result)
    assert c.scores == {"formaga": 0.5, "arv": 0.5}
    assert c.quadrant == "mojliggjord"
    assert c.distance_pp == {"formaga": 0.0, "arv": 0.0}
    assert c.near_border and c.near_border_dims == ["formaga", "arv"]
    rows = {k: v for row in result.insight("dimios.quadrant").rows for k, v in row.items()}
    assert "nära gränsen" in rows["Obs"]
    # on the border: ±0,0 as the catalogue writes a zero difference (was "+0.0")
    assert "Digital förmåga ±0,0 procentenheter" in rows["Avstånd till gränsen"]


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
    with pytest.raises(mognad.MognadError, match="score for 'formaga': 150 is not a score"):
        dimios.classify({"formaga": 150, "arv": 0.5})


def test_a_dimension_without_answers_gets_no_quadrant():
    result = mognad.score(frame(4, "vet ej"), model="dimios", min_size=1)
    assert result.dimensions["arv"].score is None
    c = dimios.classify(result)
    assert c.quadrant is None and c.name is None
    assert c.reason == "Ingen 2×2-kategori: Digitalt arv saknar svar att räkna på."
    assert c.scores == {"formaga": pytest.approx(0.6), "arv": None}
    assert c.distance_pp["arv"] is None and c.high["arv"] is None
    ins = result.insight("dimios.quadrant")
    assert ins.text == c.reason and ins.rows == []
    # the overall score covers only Digital förmåga: the comparison says so
    gap = result.insight("dimios.benchmark")
    assert gap.data["partial"] is True and gap.data["missing_dimensions"] == ["arv"]
    assert "ofullständigt" in gap.text
    bal = dimios.balance(result)
    assert bal.dimensions["arv"].balance is None and bal.dimensions["arv"].tilt is None
    assert bal.dimensions["formaga"].balance == pytest.approx(0.0, abs=1e-12)


def test_threshold_from_the_model_file(tmp_path):
    """A user's own model file with meta.quadrants gets the insights, with its own threshold."""
    data = yaml.safe_load(DIMIOS_MODEL_FILE.read_text("utf-8"))
    data["name"] = "min_dimios"
    data["meta"]["quadrant_threshold"] = 0.8
    own = tmp_path / "min_dimios.yaml"
    own.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = mognad.score(frame(4, 6), model=own, min_size=1)  # 0.6 and 1.0
    ins = result.insight("dimios.quadrant")
    assert ins is not None and ins.data["quadrant"] == "outnyttjad_grund"
    assert ins.data["threshold"] == 0.8
    # the same answers with the built-in model (threshold 0.5)
    builtin = mognad.score(frame(4, 6), model="dimios", min_size=1)
    assert dimios.classify(builtin).quadrant == "mojliggjord"


def test_model_without_quadrants_is_refused_clearly(tmp_path):
    data = yaml.safe_load(DIMIOS_MODEL_FILE.read_text("utf-8"))
    data["name"] = "utan"
    del data["meta"]["quadrants"]
    path = tmp_path / "utan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = mognad.score(frame(4, 4), model=path, min_size=1)
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
            frame(6, 6, n=6, förvaltning="Soc", roll="Chef"),
            frame(2, 5, n=4, förvaltning="KLF", roll="Chef"),
            frame(5, 2, n=3, förvaltning="BUF", roll="Medarbetare"),
            frame(1, 1, n=2, förvaltning="IT", roll="Medarbetare"),
        ],
        ignore_index=True,
    )


#: the one reason every hidden group has at minimum size 3 (whether it is small or hidden to
#: protect a smaller one is not said: either would bound its size)
HIDDEN_3 = (
    "visas inte av anonymitetsskäl (färre än 3 svarande, eller så att en mindre grupp inte kan "
    "räknas fram)"
)


def test_classify_groups_with_suppression():
    grouped = dimios.classify_groups(groups_frame(), by="förvaltning", min_size=3)
    got = {g.group: g for g in grouped.groups}
    assert list(got) == ["BUF", "IT", "KLF", "Soc"]
    # IT (2) is below 3; then BUF (3) is hidden too: the next-smallest, and Medarbetare (BUF and
    # IT) minus BUF would give IT
    assert got["IT"].suppressed and got["IT"].n is None and got["IT"].scores == {}
    assert got["BUF"].suppressed and got["BUF"].n is None and got["BUF"].scores == {}
    assert got["IT"].suppressed_reason == got["BUF"].suppressed_reason == HIDDEN_3
    core = mognad.groups(groups_frame(), "förvaltning", min_size=3)
    assert core.suppressed == ["BUF", "IT"]
    assert got["Soc"].classification.quadrant == "mojliggjord" and got["Soc"].n == 6
    assert got["KLF"].classification.quadrant == "outnyttjad_grund"
    assert got["KLF"].scores == {"formaga": 0.2, "arv": 0.8}
    # organisation: each statement's score is the mean over all 15 respondents, published
    # rounded to 0.001
    org = grouped.organisation
    assert org.scores["formaga"] == round((6 * 1 + 4 * 0.2 + 3 * 0.8 + 0) / 15, 3) == 0.613
    assert org.scores["arv"] == round((6 * 1 + 4 * 0.8 + 3 * 0.2 + 0) / 15, 3) == 0.653
    frame_ = grouped.to_frame()
    assert frame_.loc["IT", "suppressed"] and pd.isna(frame_.loc["IT", "formaga"])


def test_classify_groups_default_min_size_and_floor():
    grouped = dimios.classify_groups(groups_frame(), by="FÖRVALTNING")  # case-insensitive
    assert grouped.min_size == 5
    # KLF (4), BUF (3) and IT (2) are below 5; Soc (6) is hidden too, since Chef (Soc and KLF,
    # shown by roll) minus Soc would give KLF: exactly what mognad groups hides
    core = mognad.groups(groups_frame(), "förvaltning", min_size=5)
    assert [g.group for g in grouped.groups if g.suppressed] == core.suppressed
    assert core.suppressed == ["BUF", "IT", "KLF", "Soc"]
    assert all(g.n is None and g.scores == {} for g in grouped.groups)
    # the organisation as a whole is still published (15 respondents)
    assert grouped.organisation.quadrant == "mojliggjord"
    with pytest.raises(mognad.MognadError, match="ange ett heltal från 3"):
        dimios.classify_groups(groups_frame(), by="förvaltning", min_size=2)
    with pytest.raises(mognad.InputError, match='no column "avdelning"'):
        dimios.classify_groups(groups_frame(), by="avdelning")


def test_classify_groups_by_role_in_english():
    grouped = dimios.classify_groups(groups_frame(), by="roll", min_size=3, lang="en")
    got = {g.group: g.classification for g in grouped.groups}
    assert got["Chef"].quadrant == "mojliggjord"  # (6*1 + 4*.2)/10 = .68, arv .92
    assert got["Medarbetare"].name == "Held back"  # (3*.8)/5 = .48, arv (3*.2)/5 = .12
    assert got["Medarbetare"].scores == {
        "formaga": pytest.approx(0.48),
        "arv": pytest.approx(0.12),
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
    assert "Per förvaltning (grupper med färre än 3 svarande, och grupper som annars" in out
    for name in ("IT", "BUF"):  # hidden: no size, no figures, the one reason
        line = next(x for x in out.splitlines() if x.startswith(f"{name} "))
        assert " ".join(line.split()) == f"{name} – – – {HIDDEN_3}"
    soc = next(line for line in out.splitlines() if line.startswith("Soc "))
    assert " ".join(soc.split()) == "Soc 6 100,0 % 100,0 % Möjliggjord och balanserad"
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
    res = run_cli("dimios", "classify", DIMIOS_SAMPLE, "--where", "år=2025", "--format", "json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["n_respondents"] == 240
    res = run_cli("dimios", "classify", DIMIOS_SAMPLE)  # the wave note with the other notes
    assert 'Obs: Svaren är från 2 mätomgångar i kolumnen "år" (2024, 2025)' in res.stderr
    pooled = json.loads(run_cli("dimios", "classify", DIMIOS_SAMPLE, "-f", "json").stdout)
    assert any(n.startswith("Svaren är från 2 mätomgångar") for n in pooled["notes"])
    res = run_cli("dimios", "classify", DIMIOS_SAMPLE, "--where", "år=2023", "--lang", "en")
    assert res.exit_code == 2 and 'no respondent has "2023" in column "år"' in res.stderr
    res = run_cli("dimios", "classify", DIMIOS_SAMPLE, "--groups", "avdelning", "--lang", "en")
    assert res.exit_code == 2 and 'no column "avdelning"' in res.stderr
    assert "Traceback" not in res.stderr
    res = run_cli("dimios", "classify", DIMIOS_SAMPLE, "-g", "roll", "--min-size", "2")
    assert res.exit_code == 2 and "ange ett heltal från 3" in res.stderr
    res = run_cli("dimios", "classify", DMM_SAMPLE, "--model", "dmm")
    assert res.exit_code == 2 and "anger inga meta.quadrants" in res.stderr
    res = run_cli("dimios", "classify", DMM_SAMPLE, "--model", "dmm", "--lang", "en")
    assert res.exit_code == 2 and "declares no meta.quadrants" in res.stderr
    res = run_cli("dimios", "classify", tmp_path / "saknas.xlsx")
    assert res.exit_code == 2 and "Traceback" not in res.stderr


def test_classify_groups_follows_the_core_safety_check():
    """When the hidden groups' answers to a statement all sit at the scale's lowest step, their
    answers would follow from the total, so the policy hides that statement in the next-smallest
    group too (KLF), and then in Soc, since Chef (Soc and KLF) minus Soc would give KLF's, and in
    Chef, whose answering parts are then all hidden; the 2×2 shows those groups without an arv
    score, exactly as mognad groups does."""
    data = groups_frame()
    data.loc[data["förvaltning"] == "BUF", A_IDS] = 1  # IT answers 1 as well
    grouped = dimios.classify_groups(data, by="förvaltning", min_size=3)
    core = mognad.groups(data, "förvaltning", min_size=3)
    hidden = [g.group for g in grouped.groups if g.suppressed]
    assert hidden == core.suppressed == ["BUF", "IT"]
    rows = {r.id: r for r in core.rows}
    for g in grouped.groups:
        if g.suppressed:
            continue
        assert g.scores == {d: rows[d].values[g.group] for d in ("formaga", "arv")}, g.group
    klf = next(g for g in grouped.groups if g.group == "KLF")
    assert klf.scores == {"formaga": 0.2, "arv": None}
    assert klf.classification.quadrant is None
    assert "dolda av anonymitetsskäl" in klf.classification.reason
    # Soc's arv is hidden too (with Chef's, Soc and KLF, it would give KLF's), and then Chef's,
    # since its answering parts are all hidden and it would be theirs together
    chef = {r.id: r for r in mognad.groups(data, "roll", min_size=3).rows}["arv"].values["Chef"]
    soc = next(g for g in grouped.groups if g.group == "Soc")
    assert chef is None and soc.scores == {"formaga": 1.0, "arv": None}
    assert soc.classification.quadrant is None


def test_a_file_without_respondents(run_cli, tmp_path):
    path = tmp_path / "tom.csv"
    path.write_text("förvaltning;" + ";".join(F_IDS + A_IDS) + "\n", "utf-8")
    # nobody to classify: a located input error saying why, never an empty result, with the
    # protection on or off
    for extra in ([], ["--min-size", "1"]):
        res = run_cli("dimios", "classify", path, "-g", "förvaltning", "--lang", "en", *extra)
        assert res.exit_code == 2 and "tom.csv: there are no respondents" in res.stderr
        assert "header but no respondent rows" in res.stderr
        assert "Traceback" not in res.stderr and res.stdout == ""
    with pytest.raises(mognad.InputError, match="there are no respondents"):
        mognad.score(path, model="dimios")


# ---- anonymity: one policy, the same groups hidden in every output ----------------------------
KOF = "Kultur- och fritidsförvaltningen"  # 8 respondents in 2025 (17 in 2024)
SBF = "Samhällsbyggnadsförvaltningen"


def _where_args(where: tuple[str, ...]) -> list[str]:
    return [a for cond in where for a in ("--where", cond)]


def _json(run_cli, *args) -> dict:
    res = run_cli(*args, "--format", "json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


@pytest.mark.parametrize(
    ("path", "where", "k"),
    [
        (DIMIOS_SAMPLE, (), 5),
        (DIMIOS_SAMPLE, (), 10),
        (DIMIOS_SAMPLE, ("år=2025",), 5),
        (DIMIOS_SAMPLE, ("år=2025",), 10),
        (DIMIOS_SAMPLE, ("år=2024",), 20),
        (DIMIOS_SAMPLE, ("år=2025",), 60),
        (DIMIOS_2025, (), 10),
    ],
)
def test_classify_and_insight_hide_exactly_what_groups_hides(run_cli, path, where, k):
    """`dimios classify --groups förvaltning` and the dimios.groups insight of `mognad score`
    show the groups `mognad groups --by förvaltning` shows, with the same sizes and scores, and
    hide the rest, for the same --min-size."""
    w = _where_args(where)
    core = _json(run_cli, "groups", path, "--by", "förvaltning", "--min-size", k, *w)
    hidden = {g["name"] for g in core["groups"] if g["suppressed"]}
    sizes = {g["name"]: g["n"] for g in core["groups"] if not g["suppressed"]}
    rows = {r["id"]: r for r in core["rows"]}
    scores = {g: {d: rows[d]["values"][g] for d in ("formaga", "arv")} for g in sizes}

    out = _json(run_cli, "dimios", "classify", path, "-g", "förvaltning", "--min-size", k, *w)
    section = out["groups"]["förvaltning"]
    assert out["min_size"] == section["min_size"] == k
    assert {g["group"] for g in section["groups"] if g["suppressed"]} == hidden
    assert {g["group"]: g["n"] for g in section["groups"] if not g["suppressed"]} == sizes
    assert {g["group"]: g["scores"] for g in section["groups"] if not g["suppressed"]} == scores
    for g in section["groups"]:
        if g["suppressed"]:  # only that it is hidden, and why: no figure, no size
            assert g["n"] is None and g["scores"] == {} and g["overall"] is None
            assert g["classification"] is None and g["suppressed_reason"]

    scored = _json(run_cli, "score", path, "--min-size", k, *w)
    ins = next(i for i in scored["insights"] if i["key"] == "dimios.groups.förvaltning")
    assert ins["data"]["min_size"] == k
    assert {g["group"] for g in ins["data"]["groups"] if g["suppressed"]} == hidden
    assert {g["group"]: g["n"] for g in ins["data"]["groups"] if not g["suppressed"]} == sizes
    for row in ins["rows"]:
        if row["Grupp"] in hidden:
            assert set(row) == {"Grupp", "Anonymitet"}
        else:
            assert row["n"] == str(sizes[row["Grupp"]])


def test_the_sample_at_min_size_10_hides_the_small_forvaltning(run_cli):
    """The cases above are not vacuous: in 2025 Kultur och fritid has 8 respondents, shown at
    the default 5 and hidden at 10 (with the next-smallest group, so that it cannot be worked
    out from the total) in the text output as well, without its size."""
    rs = mognad.read_responses(DIMIOS_SAMPLE, "dimios").where("år=2025")
    assert int((rs.attributes["förvaltning"] == KOF).sum()) == 8
    at5 = dimios.classify_groups(rs, "förvaltning", 5)
    assert not [g.group for g in at5.groups if g.suppressed]
    at10 = dimios.classify_groups(rs, "förvaltning", 10)
    assert [g.group for g in at10.groups if g.suppressed] == [KOF, SBF]
    assert mognad.groups(rs, "förvaltning", min_size=10).suppressed == [KOF, SBF]
    res = run_cli(
        "dimios", "classify", DIMIOS_SAMPLE, "-g", "förvaltning", "--where", "år=2025",
        "--min-size", "10",
    )  # fmt: skip
    assert res.exit_code == 0, res.stderr
    line = next(x for x in res.stdout.splitlines() if x.startswith(KOF))
    assert line.split()[3:6] == ["–", "–", "–"]
    assert line.endswith(
        "visas inte av anonymitetsskäl (färre än 10 svarande, eller så att en mindre grupp inte "
        "kan räknas fram)"
    )
    assert "grupper med färre än 10 svarande" in res.stdout
    # the insight made through the report's and score's path uses the caller's policy
    result = mognad.score_responses(rs, context={"lang": "sv"}, min_size=10)
    ins = result.insight("dimios.groups.förvaltning")
    assert [g["group"] for g in ins.data["groups"] if g["suppressed"]] == [KOF, SBF]
    assert ins.text.startswith("3 av 5 grupper visas")


def test_the_insight_takes_the_policy_from_the_hook_context():
    from mognad_dimios.insights import build_insights

    rs = mognad.read_responses(DIMIOS_SAMPLE, "dimios").where("år=2025")
    result = mognad.score_responses(rs, insights=False, min_size=10)
    model = mognad.get_model("dimios")

    def hidden(context: dict) -> list[str]:
        found = [i for i in build_insights(model, result, context) if i.key.startswith("dimios.g")]
        return [g["group"] for g in found[0].data["groups"] if g["suppressed"]]

    k10 = disclosure.DisclosurePolicy(min_size=10)
    k5 = disclosure.DisclosurePolicy(min_size=5)
    assert hidden({"responses": rs, "disclosure": k10}) == [KOF, SBF]
    assert hidden({"responses": rs, "disclosure": k5}) == []
    # without the core's context: the policy the result was published under
    assert hidden({"responses": rs}) == [KOF, SBF]


def test_classify_figures_are_rounded_and_sets_too_small_are_refused(run_cli, tmp_path):
    out = _json(run_cli, "dimios", "classify", DIMIOS_SAMPLE, "-g", "förvaltning", "-g", "roll")
    figures = [out["overall"], *out["organisation"]["scores"].values()]
    for section in out["groups"].values():
        for g in section["groups"]:
            figures += [g["overall"], *g["scores"].values()]
    assert figures and all(v is None or round(v, 3) == v for v in figures)
    dist = out["organisation"]["distance_pp"].values()
    assert all(round(v, 1) == v for v in dist)
    assert out["overall"] == round(out["overall"], 3) and out["overall"] != 0.6263830617601874

    path = tmp_path / "svar.csv"
    groups_frame().to_csv(path, index=False, sep=";")
    # IT (2 people) is refused rather than shown, as `mognad score --where` refuses it
    for args in (("--where", "förvaltning=IT"), ("--where", "förvaltning=BUF", "-g", "roll")):
        res = run_cli("dimios", "classify", path, *args, "--min-size", "3")
        assert res.exit_code == 2 and res.stdout == ""
        assert "visas inte" in res.stderr and "Traceback" not in res.stderr
        res = run_cli("score", path, *args[:2], "--min-size", "3")
        assert res.exit_code == 2
    res = run_cli("dimios", "classify", path, "--where", "förvaltning=Soc", "--min-size", "10")
    assert res.exit_code == 2 and "färre än 10 svarande" in res.stderr
    res = run_cli("dimios", "classify", path, "--where", "förvaltning=Soc", "--min-size", "3")
    assert res.exit_code == 0 and "6 svarande (förvaltning=Soc)" in res.stdout
    with pytest.raises(disclosure.DisclosureError, match="färre än 5 svarande"):
        dimios.classify_groups(frame(4, 4, n=4, förvaltning="Soc"), "förvaltning")


def test_protection_off_is_said_in_every_output(run_cli):
    exact = mognad.score(DIMIOS_SAMPLE, model="dimios", min_size=1)
    res = run_cli("dimios", "classify", DIMIOS_SAMPLE, "-g", "förvaltning", "--min-size", "1")
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith("*** Anonymitetsskydd avstängt (--min-size 1)")
    assert "alla grupper visas: anonymitetsskyddet är avstängt" in res.stdout
    out = _json(
        run_cli, "dimios", "classify", DIMIOS_SAMPLE, "-g", "förvaltning", "--min-size", "1"
    )
    assert out["min_size"] == 1 and out["overall"] == exact.overall  # nothing rounded
    assert any(n.startswith("Anonymitetsskydd avstängt") for n in out["notes"])
    assert any(
        n.startswith("Anonymitetsskydd avstängt") for n in out["groups"]["förvaltning"]["notes"]
    )
    ins = exact.insight("dimios.groups.förvaltning")
    assert "Anonymitetsskydd avstängt" in ins.text
    en = _json(run_cli, "dimios", "classify", DIMIOS_SAMPLE, "--min-size", "1", "--lang", "en")
    assert any(n.startswith("Anonymity protection off") for n in en["notes"])
    # and nothing of it under the default policy
    res = run_cli("dimios", "classify", DIMIOS_SAMPLE, "-g", "förvaltning")
    assert "Anonymitetsskydd" not in res.stdout + res.stderr


def test_a_model_with_its_own_group_threshold_is_refused(run_cli, tmp_path):
    """The old meta.group_min_size is not a threshold any more: a model file that sets it is
    refused with a message saying where the setting went, never silently overridden."""
    data = yaml.safe_load(DIMIOS_MODEL_FILE.read_text("utf-8"))
    assert "group_min_size" not in data["meta"]
    data["name"] = "egen"
    data["meta"]["group_min_size"] = 10
    path = tmp_path / "egen.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    res = run_cli("dimios", "classify", DIMIOS_SAMPLE, "--model", path, "-g", "förvaltning")
    assert res.exit_code == 2 and res.stdout == ""
    assert "meta.group_min_size" in res.stderr and "min_size = 10 i mognad.toml" in res.stderr
    with pytest.raises(mognad.ModelError, match=r"min_size = 10 in mognad\.toml"):
        dimios.classify_groups(DIMIOS_SAMPLE, "förvaltning", model=path, lang="en")
    # in `mognad score` the groups are left out with the problem named; the rest stays
    result = mognad.score(DIMIOS_SAMPLE, model=path)
    assert result.insight("dimios.groups.förvaltning") is None
    assert result.insight("dimios.quadrant") is not None
    assert "meta.group_min_size" in result.insight("dimios.settings").rows[0]["Problem"]
