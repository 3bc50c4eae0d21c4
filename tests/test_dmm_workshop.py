"""Leadership-group workshops: groups side by side, spread between respondents, suppression.

Hand-computed fixture, eight respondents (other engines as in tests/test_dmm.py, except
infrastruktur 4 2 4 and kontaktytor 4 4 2, identical for everyone, so their spread is 0; no
statement has every answer at an end of the scale, which the core's anonymity check would treat
as revealing):

    group  resp  varderingar   -> score   data_analys        -> score
    KLG    R1    5 5 5            1.00     1 1 1                0
    KLG    R2    4 4 4            0.75     1 1 1                0
    KLG    R3    1 1 1            0.00     1 1 1                0
    SOC    R4-R6 3 3 3            0.50     1 1 1                0
    SOC    R7    3 3 3            0.50     3 "vet ej" 3         (0.5 + 0.5) / 2 = 0.5
    BUN    R8    3 3 3            0.50     "vet ej" "vet ej" 2  1 answered < 2: no score

With the anonymity protection off (``min_size=1``, the data holder checking the arithmetic) every
group is shown with every figure, unrounded. With minimum group size 3 (the disclosure policy
decides, as for ``mognad groups``): BUN (n = 1) is hidden; as the only hidden group it could be
derived from the total, so the next-smallest group, KLG (n = 3), is hidden too. Shown: all (8)
and SOC (4); spread figures need 2 x 3 = 6 respondents with a score, so SOC gets a flag only.

All, varderingar: statement means 25/8 -> (25/8 - 1) / 4 = 17/32; respondents 1, .75, 0 and
five times .5: mean 17/32, SD = sqrt(0.5546875 / 7); levels A 2/8, K 5/8, M 1/8 (adjacent A/K
shares >= 25 % are not a split), SD > 0.20 -> low agreement.
SOC, data_analys: dat1 (1+1+1+3)/4 = 1.5 -> .125, dat2 1 -> 0, dat3 1.5 -> .125, group score
.25/3; respondents 0 0 0 .5: mean .125, SD = sqrt((3 * .125^2 + .375^2) / 3) = 0.25 -> flagged.
Without R8: KLG varderingar 10/3 -> 7/12; respondents 1 .75 0: SD sqrt(0.541667 / 2) = 0.5204,
levels A 2/3 and M 1/3, two levels apart -> a split as well.
"""

from __future__ import annotations

import json
import math

import mognad_dmm
import numpy as np
import pandas as pd
import pytest
from conftest import DMM_SAMPLE
from test_dmm import BASE, PREFIX, rows

import mognad_core as mognad
from mognad_core import disclosure

GROUPS = ["KLG", "KLG", "KLG", "SOC", "SOC", "SOC", "SOC", "BUN"]
VAR = [(5, 5, 5), (4, 4, 4), (1, 1, 1), (3, 3, 3), (3, 3, 3), (3, 3, 3), (3, 3, 3), (3, 3, 3)]
DAT = [(1, 1, 1)] * 6 + [(3, "vet ej", 3), ("vet ej", "vet ej", 2)]


@pytest.fixture
def eight() -> pd.DataFrame:
    return rows(
        *[
            {
                "ledningsgrupp": g,
                "varderingar": v,
                "data_analys": d,
                "infrastruktur": (4, 2, 4),
                "kontaktytor": (4, 4, 2),
            }
            for g, v, d in zip(GROUPS, VAR, DAT, strict=True)
        ]
    )


def spread(result, group: str, engine: str) -> pd.Series:
    s = result.spread
    return s[(s["group"] == group) & (s["engine"] == engine)].iloc[0]


def test_respondent_engine_scores(eight):
    rs = mognad.prepare(eight, mognad.get_model("dmm"))
    per = mognad_dmm.respondent_engine_scores(rs)
    assert per["varderingar"].tolist() == pytest.approx([1, 0.75, 0, 0.5, 0.5, 0.5, 0.5, 0.5])
    assert per["data_analys"].iloc[6] == pytest.approx(0.5)
    assert math.isnan(per["data_analys"].iloc[7])
    assert per["organisation"].tolist() == pytest.approx([0.25] * 8)  # org2 4 reversed -> 2


SPREAD_FIGURES = ("n", "respondent_mean", "sd", "min", "max", "range", "q1", "q3", "iqr")


#: what every hidden group shows as its reason at minimum size 3
HIDDEN_3 = (
    "visas inte av anonymitetsskäl (färre än 3 svarande, eller så att en mindre grupp inte kan "
    "räknas fram)"
)


def core_groups(frame: pd.DataFrame, k: int):
    """What `mognad groups --by ledningsgrupp` publishes for the same data and policy."""
    return mognad.groups(frame, "ledningsgrupp", model="dmm", min_size=k)


def test_small_group_hidden_with_complementary_suppression(eight):
    """The groups shown, hidden and their figures are exactly those of `mognad groups`: BUN
    (1 person) is hidden; which further group or figures are hidden so that BUN cannot be
    worked out from the total is the policy's choice, the same in both outputs."""
    w = mognad_dmm.workshop(eight, by="ledningsgrupp", min_size=3)
    core = core_groups(eight, 3)
    assert w.min_size == 3 and w.spread_min == 6
    # the one reason every hidden group has: not whether it is small or hidden to protect a
    # smaller one (either would bound its size)
    assert w.groups.loc["BUN", "reason"] == HIDDEN_3
    assert pd.isna(w.groups.loc["BUN", "n"])  # a hidden group's size is not shown either
    hidden = [g for g in w.groups.index if not w.groups.loc[g, "shown"]]
    assert hidden == core.suppressed and "BUN" in hidden
    assert w.groups.loc[hidden, "n"].isna().all()
    assert (w.groups.loc[hidden, "reason"] == HIDDEN_3).all()
    shown = {g.name: g.n for g in core.groups if not g.suppressed}
    assert {g: w.groups.loc[g, "n"] for g in shown} == shown
    assert list(w.scores.columns) == [mognad_dmm.groups.TOTAL, *shown]
    assert set(w.spread["group"]) == {mognad_dmm.groups.TOTAL, *shown}
    rows_ = {r.id: r for r in core.rows}
    for engine in BASE:
        for g in shown:
            want = rows_[engine].values[g]
            answered = [r for r in core.rows if r.parent == engine and r.values[g] is not None]
            if len(answered) < 2:  # the DMM rule: an engine needs two statements with a score
                want = None
            got = w.scores.loc[engine, g]
            assert (pd.isna(got) and want is None) or got == want, (engine, g)
        assert w.scores.loc[engine, mognad_dmm.groups.TOTAL] == rows_[engine].total
    text = mognad_dmm.groups.render_workshop(w)
    assert f"BUN: {HIDDEN_3}" in text
    assert "(n = 1)" not in text
    for g in hidden:
        line = next(x for x in text.splitlines() if x.split()[:2] == ["–", f"{g}:"])
        assert line.endswith(f"{g}: {HIDDEN_3}") and "n =" not in line


def test_group_scores_and_spread_by_hand(eight):
    w = mognad_dmm.workshop(eight, by="ledningsgrupp", min_size=1)
    total = spread(w, mognad_dmm.groups.TOTAL, "varderingar")
    assert total["score"] == pytest.approx(17 / 32)
    assert total["respondent_mean"] == pytest.approx(17 / 32)
    assert total["sd"] == pytest.approx(math.sqrt(0.5546875 / 7))
    assert (total["min"], total["max"], total["range"]) == pytest.approx((0, 1, 1))
    assert total["share_Acceleration"] == pytest.approx(0.25)
    assert total["share_Koordination"] == pytest.approx(5 / 8)
    assert total["low_agreement"] and total["note"].startswith("SD 0,28 > 0,20")
    assert "två nivåer" not in total["note"]
    soc = spread(w, "SOC", "data_analys")
    assert soc["score"] == pytest.approx(0.25 / 3)  # the group's score, as mognad score gives
    assert soc["respondent_mean"] == pytest.approx(0.125)
    assert soc["sd"] == pytest.approx(0.25) and soc["low_agreement"]
    assert soc["n"] == 4
    assert w.scores.loc["data_analys", "SOC"] == pytest.approx(0.25 / 3)
    assert w.levels.loc["varderingar", mognad_dmm.groups.TOTAL] == "Koordination"
    total_dat = spread(w, mognad_dmm.groups.TOTAL, "data_analys")
    assert total_dat["n"] == 7  # R8 has only one answered statement
    assert total_dat["sd"] == pytest.approx(
        math.sqrt((6 * (0.5 / 7) ** 2 + (0.5 - 0.5 / 7) ** 2) / 6)
    )
    assert not total_dat["low_agreement"]
    soc_var = spread(w, "SOC", "varderingar")
    assert soc_var["sd"] == 0 and not soc_var["low_agreement"]


def test_published_figures_are_rounded_and_small_groups_get_a_flag_only(eight):
    """Under min_size 3 the figures the reader sees are rounded, and a shown group of fewer
    than 2 x 3 respondents gets only whether its scores are more than 0.5 apart."""
    w = mognad_dmm.workshop(eight, by="ledningsgrupp", min_size=3)
    total = spread(w, mognad_dmm.groups.TOTAL, "varderingar")
    assert total["score"] == round(17 / 32, 3) == 0.531
    assert total["respondent_mean"] == round(17 / 32, 2)
    assert total["sd"] == round(math.sqrt(0.5546875 / 7), 2) == 0.28
    assert total["share_Koordination"] == round(5 / 8, 3)
    assert total["spread_shown"] and total["n"] == 8
    small = w.spread[w.spread["group"] != mognad_dmm.groups.TOTAL]
    assert not small.empty  # at least SOC (4) is shown
    for _, row in small.iterrows():
        assert all(pd.isna(row[key]) for key in SPREAD_FIGURES)
        assert all(pd.isna(v) for k, v in row.items() if k.startswith("share_"))
        assert not row["spread_shown"]
        assert pd.isna(row["agreement"]) or row["agreement"] in ("spridd", "samstämmig")
    if "SOC" in w.scores.columns and not pd.isna(w.scores.loc["varderingar", "SOC"]):
        soc = spread(w, "SOC", "varderingar")  # respondents .5 .5 .5 .5: range 0
        assert soc["agreement"] == "samstämmig" and soc["low_agreement"] is False
    text = mognad_dmm.groups.render_workshop(w)
    assert "spridningsmått från 6 svarande med poäng" in text


def test_level_split_two_levels_apart(eight):
    w = mognad_dmm.workshop(eight.iloc[:7], by="ledningsgrupp", min_size=1, lang="en")
    assert list(w.scores.columns) == [mognad_dmm.groups.TOTAL, "KLG", "SOC"]
    klg = spread(w, "KLG", "varderingar")
    assert klg["score"] == pytest.approx(7 / 12)
    assert klg["sd"] == pytest.approx(math.sqrt(0.541667 / 2), abs=1e-6)
    assert (klg["q1"], klg["q3"], klg["iqr"]) == pytest.approx((0.375, 0.875, 0.5))
    assert klg["share_Acceleration"] == pytest.approx(2 / 3)
    assert klg["share_Mobilisering"] == pytest.approx(1 / 3)
    assert "two levels 2 or more steps apart" in klg["note"]
    disc = w.discussion
    assert list(zip(disc["group"], disc["engine"], strict=True)) == [
        ("KLG", "varderingar"),
        (mognad_dmm.groups.TOTAL, "varderingar"),
        ("SOC", "data_analys"),
    ]


def test_spread_needs_three_respondents_with_a_score(eight):
    # SOC without R7 and with R8's data_analys: three respondents, but R8 has no engine score
    frame = eight.iloc[[3, 4, 7]].assign(ledningsgrupp="SOC")
    w = mognad_dmm.workshop(frame, min_size=1, lang="en")
    row = spread(w, "SOC", "data_analys")
    assert row["n"] == 2 and pd.isna(row["sd"]) and pd.isna(row["low_agreement"])
    assert row["note"] == "fewer than 3 respondents with a score: no spread shown"


def test_min_size_is_the_one_anonymity_setting(eight, monkeypatch):
    assert mognad_dmm.workshop(eight).min_size == 5  # the default of every command
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "4")
    assert mognad_dmm.workshop(eight).min_size == 4
    monkeypatch.delenv("MOGNAD_MIN_SIZE")
    w = mognad_dmm.workshop(eight.iloc[:7], min_size=5)
    assert list(w.scores.columns) == [mognad_dmm.groups.TOTAL]  # KLG 3 and SOC 4 hidden
    assert w.groups["n"].isna().all()
    with pytest.raises(mognad.MognadError, match="ange ett heltal från 3"):
        mognad_dmm.workshop(eight, min_size=2)
    # a set too small to publish is refused, never shown empty
    with pytest.raises(disclosure.DisclosureError, match="färre än 3 svarande"):
        mognad_dmm.workshop(eight.iloc[:2], min_size=3)


def test_missing_group_column_lists_the_columns(eight):
    with pytest.raises(mognad.InputError, match=r'no column "förvaltning".*"ledningsgrupp"'):
        mognad_dmm.workshop(eight, by="förvaltning")
    # matched case-insensitively
    assert mognad_dmm.workshop(eight, by="Ledningsgrupp").by == "ledningsgrupp"


def test_json_is_valid_and_has_no_nan(eight):
    w = mognad_dmm.workshop(eight, min_size=3)
    data = json.loads(json.dumps(w.to_dict(), allow_nan=False))
    assert data["groups"][0] == {
        "group": "BUN",
        "n": None,
        "shown": False,
        "reason": HIDDEN_3,
    }
    assert data["min_size"] == 3 and data["spread_min"] == 6
    shown = [g["group"] for g in data["groups"] if g["shown"]]
    assert set(data["scores"]) == {mognad_dmm.groups.TOTAL, *shown}
    assert len(data["spread"]) == (1 + len(shown)) * 9


def _independent_respondent_scores(frame: pd.DataFrame) -> pd.DataFrame:
    """Respondent x engine scores straight from the answer table (not via mognad)."""
    out = {}
    for engine, p in PREFIX.items():
        cols = [f"{p}{j}" for j in (1, 2, 3)]
        vals = frame[cols].apply(pd.to_numeric, errors="coerce")
        for col in REVERSED & set(cols):
            vals[col] = 6 - vals[col]
        norm = (vals - 1) / 4
        out[engine] = norm.mean(axis=1).where(norm.notna().sum(axis=1) >= 2)
    return pd.DataFrame(out)


REVERSED = {"org2", "inf2"}


def test_bundled_sample_arithmetic_with_the_protection_off():
    frame = pd.read_excel(DMM_SAMPLE, engine="openpyxl")
    w = mognad_dmm.workshop(DMM_SAMPLE, by="ledningsgrupp", min_size=1)
    assert w.n_respondents == 28
    assert w.groups["n"].to_dict() == frame["ledningsgrupp"].value_counts().to_dict()
    assert sorted(w.groups["n"]) == [6, 6, 7, 9]
    assert w.groups["shown"].all()
    per = _independent_respondent_scores(frame)
    for group in frame["ledningsgrupp"].unique():
        mask = (frame["ledningsgrupp"] == group).to_numpy()
        for engine in ("varderingar", "organisation", "data_analys"):
            x = per.loc[mask, engine].dropna()
            row = spread(w, group, engine)
            assert row["n"] == len(x)
            assert row["sd"] == pytest.approx(float(np.std(x, ddof=1)))
            assert row["range"] == pytest.approx(float(x.max() - x.min()))
            split = (x < 0.5).mean() >= 0.25 and (x >= 0.75).mean() >= 0.25
            assert row["low_agreement"] == bool(x.std(ddof=1) > 0.2 or split)
        # the group's engine score: mean over statements of the statement means
        sub = frame[mask]
        vals = sub[["dat1", "dat2", "dat3"]].apply(pd.to_numeric, errors="coerce")
        expected = ((vals.mean() - 1) / 4).mean()
        assert w.scores.loc["data_analys", group] == pytest.approx(expected)


def test_bundled_sample_groups_of_six_to_nine_get_no_spread_figures():
    """What a reader sees by default (k = 5): every leadership group (6-9 people) is shown with
    its rounded scores and a coarse agreement flag, but no SD, min, quartile, max, range, mean
    of respondents or count; only the whole set (28) gets spread figures."""
    frame = pd.read_excel(DMM_SAMPLE, engine="openpyxl")
    w = mognad_dmm.workshop(DMM_SAMPLE, by="ledningsgrupp")
    assert w.groups["shown"].all() and w.spread_min == 10
    per = _independent_respondent_scores(frame)
    for group in frame["ledningsgrupp"].unique():
        mask = (frame["ledningsgrupp"] == group).to_numpy()
        for engine in PREFIX:
            row = spread(w, group, engine)
            assert all(row[key] is None or pd.isna(row[key]) for key in SPREAD_FIGURES)
            assert all(pd.isna(v) for k, v in row.items() if k.startswith("share_"))
            x = per.loc[mask, engine].dropna()
            assert row["low_agreement"] == bool(x.max() - x.min() > 0.5)
            assert row["agreement"] == ("spridd" if row["low_agreement"] else "samstämmig")
    total = spread(w, mognad_dmm.groups.TOTAL, "data_analys")
    assert total["spread_shown"] and total["n"] == 28
    assert total["sd"] == round(float(per["data_analys"].std(ddof=1)), 2)
    published = mognad.score(DMM_SAMPLE, "dmm")
    for engine in PREFIX:  # the whole set's column is what `mognad score` publishes
        assert w.scores.loc[engine, mognad_dmm.groups.TOTAL] == pytest.approx(
            published.dimensions[engine].score, abs=0
        )


def test_empty_group_cells_and_empty_file(eight, tmp_path):
    frame = eight.iloc[:7].copy()
    frame.loc[[0, 1, 2], "ledningsgrupp"] = None  # KLG's cells emptied
    w = mognad_dmm.workshop(frame, min_size=3)
    assert w.groups.loc[mognad_dmm.groups.NO_GROUP, "shown"]
    assert w.groups.loc[mognad_dmm.groups.NO_GROUP, "n"] == 3
    assert list(w.groups.index)[-1] == mognad_dmm.groups.NO_GROUP  # listed last
    path = tmp_path / "tom.csv"
    eight.iloc[:0].to_csv(path, index=False)
    with pytest.raises(
        mognad.InputError, match=r"tom\.csv: the table has a header but no respondent"
    ):
        mognad_dmm.workshop(path)


def test_all_groups_hidden_the_total_is_what_score_publishes():
    """Every respondent answers the BASE answers; no group reaches 5, so only the whole set (8)
    is shown: exactly the figures `mognad score` publishes for the file, rounded, and a flag
    instead of spread figures (8 < 10)."""
    frame = rows(*[{"ledningsgrupp": g} for g in GROUPS])
    w = mognad_dmm.workshop(frame)
    assert not w.groups["shown"].any() and w.groups["n"].isna().all()
    assert list(w.scores.columns) == [mognad_dmm.groups.TOTAL]
    published = mognad.score(frame, "dmm")
    assert w.scores.loc["strategiarbete", mognad_dmm.groups.TOTAL] == 0.25
    for engine in BASE:
        assert w.scores.loc[engine, mognad_dmm.groups.TOTAL] == published.dimensions[engine].score
    infra = spread(w, mognad_dmm.groups.TOTAL, "infrastruktur")
    assert not infra["spread_shown"] and pd.isna(infra["sd"])
    assert infra["agreement"] == "samstämmig"


# ---- groups of 3-9, the command line, the opt-out ----------------------------------------------
SIZES = {"A": 3, "B": 4, "C": 5, "D": 6, "E": 7, "F": 8, "G": 9}


@pytest.fixture(scope="module")
def small_groups(tmp_path_factory):
    """Seven leadership groups of 3 to 9 people (42), answering at random (seeded)."""
    rng = np.random.default_rng(12)
    specs = []
    for group, size in SIZES.items():
        for _ in range(size):
            spec = {e: tuple(int(v) for v in rng.integers(1, 6, 3)) for e in BASE}
            specs.append({"ledningsgrupp": group, **spec})
    path = tmp_path_factory.mktemp("workshop") / "ledning.csv"
    rows(*specs).to_csv(path, index=False, sep=";")
    return path


def test_groups_of_three_to_nine_publish_no_spread_and_no_hidden_size(run_cli, small_groups):
    res = run_cli("dmm", "workshop", small_groups, "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["min_size"] == 5 and data["spread_min"] == 10
    core = json.loads(
        run_cli(
            "groups", small_groups, "--by", "ledningsgrupp", "--model", "dmm", "-f", "json"
        ).stdout
    )
    hidden = {g["name"] for g in core["groups"] if g["suppressed"]}
    assert {"A", "B"} <= hidden  # 3 and 4 people
    groups = {g["group"]: g for g in data["groups"]}
    assert {name for name, g in groups.items() if not g["shown"]} == hidden
    for name in hidden:
        assert groups[name]["n"] is None and str(SIZES[name]) not in groups[name]["reason"]
    # no hidden group's size follows from the total minus the shown groups
    assert len(hidden) >= 2
    shown_n = sum(g["n"] for g in data["groups"] if g["shown"])
    assert data["n_respondents"] - shown_n >= 5
    group_rows = [r for r in data["spread"] if r["group"] != mognad_dmm.groups.TOTAL]
    assert {r["group"] for r in group_rows} == set(SIZES) - hidden
    for r in group_rows:
        assert all(r[key] is None for key in SPREAD_FIGURES), r
        assert all(v is None for key, v in r.items() if key.startswith("share_"))
        assert r["agreement"] in ("spridd", "samstämmig")
    totals = [r for r in data["spread"] if r["group"] == mognad_dmm.groups.TOTAL]
    assert all(r["spread_shown"] and r["sd"] is not None for r in totals)  # 42 people
    assert all(round(r["sd"], 2) == r["sd"] for r in totals)

    text = run_cli("dmm", "workshop", small_groups).stdout
    for name in hidden:
        line = next(x for x in text.splitlines() if x.split()[:2] == ["–", f"{name}:"])
        assert "n =" not in line and str(SIZES[name]) not in line
    points = text.split("Diskussionspunkter")[1].splitlines()
    group_points = [x for x in points if x.startswith("  - ") and "Alla" not in x]
    assert group_points and not [x for x in group_points if "SD" in x or "spann" in x]


def test_protection_off_is_said_in_text_and_json(run_cli, small_groups):
    res = run_cli("dmm", "workshop", small_groups, "--min-size", "1")
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith("*** Anonymitetsskydd avstängt (--min-size 1)")
    assert "(n = 3)" in res.stdout  # the data holder sees every group
    data = json.loads(
        run_cli("dmm", "workshop", small_groups, "--min-size", "1", "-f", "json").stdout
    )
    assert data["min_size"] == 1
    assert any(n.startswith("Anonymitetsskydd avstängt") for n in data["notes"])
    a = [r for r in data["spread"] if r["group"] == "A"]
    assert a and all(r["sd"] is not None for r in a)
    en = run_cli("dmm", "workshop", small_groups, "--min-size", "1", "--lang", "en")
    assert en.stdout.startswith("*** Anonymity protection off (--min-size 1)")
    default = run_cli("dmm", "workshop", small_groups)
    assert "Anonymitetsskydd" not in default.stdout + default.stderr


def test_a_set_too_small_is_refused_on_the_command_line(run_cli, eight, tmp_path):
    path = tmp_path / "fyra.csv"
    eight.iloc[:4].to_csv(path, index=False, sep=";")
    res = run_cli("dmm", "workshop", path)
    assert res.exit_code == 2 and res.stdout == ""
    assert "färre än 5 svarande" in res.stderr and "Traceback" not in res.stderr


def test_where_selects_as_in_every_command(run_cli, small_groups):
    """--where is the shared option (cli.options.where_option): the workshop of a selection,
    named in its first line and in its JSON."""
    res = run_cli("dmm", "workshop", small_groups, "--where", "ledningsgrupp=G", "-f", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["where"] == ["ledningsgrupp=G"] and data["n_respondents"] == SIZES["G"]
    text = run_cli("dmm", "workshop", small_groups, "--where", "ledningsgrupp=G").stdout
    assert text.startswith("Workshop: ledning.csv (ledningsgrupp=G), 9 svarande i 1 grupper")
    wrong = run_cli("dmm", "workshop", small_groups, "--where", "ledningsgrupp=Z")
    assert wrong.exit_code == 2 and "Z" in wrong.stderr
