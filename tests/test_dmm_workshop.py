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

Minimum group size 3 (mognad_core.groups decides): BUN (n = 1) is hidden; as the only hidden
group it could be derived from the total, so the next-smallest group, KLG (n = 3), is hidden too.
Shown: all (8) and SOC (4).

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
from test_dmm import rows

import mognad_core as mognad

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


def test_small_group_hidden_with_complementary_suppression(eight):
    w = mognad_dmm.workshop(eight, by="ledningsgrupp")
    assert w.min_size == 3
    assert w.groups.loc["BUN", "reason"] == "fewer than 3 respondents"
    assert pd.isna(w.groups.loc["BUN", "n"])  # a hidden group's size is not shown either
    assert not w.groups.loc["KLG", "shown"]
    assert "cannot be derived from the total" in w.groups.loc["KLG", "reason"]
    assert w.groups.loc["SOC", "shown"] and w.groups.loc["SOC", "n"] == 4
    assert list(w.scores.columns) == [mognad_dmm.groups.TOTAL, "SOC"]
    assert set(w.spread["group"]) == {mognad_dmm.groups.TOTAL, "SOC"}
    text = mognad_dmm.groups.render_workshop(w)
    assert "BUN: dold, färre än 3 respondenter" in text
    assert "KLG: dold, så att en mindre grupp inte kan räknas fram ur totalen" in text


def test_group_scores_and_spread_by_hand(eight):
    w = mognad_dmm.workshop(eight, by="ledningsgrupp")
    total = spread(w, mognad_dmm.groups.TOTAL, "varderingar")
    assert total["score"] == pytest.approx(17 / 32)
    assert total["respondent_mean"] == pytest.approx(17 / 32)
    assert total["sd"] == pytest.approx(math.sqrt(0.5546875 / 7))
    assert (total["min"], total["max"], total["range"]) == pytest.approx((0, 1, 1))
    assert total["share_Acceleration"] == pytest.approx(0.25)
    assert total["share_Koordination"] == pytest.approx(5 / 8)
    assert total["low_agreement"] and total["note"].startswith("SD 0.28 > 0.20")
    assert "two levels" not in total["note"]
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


def test_level_split_two_levels_apart(eight):
    w = mognad_dmm.workshop(eight.iloc[:7], by="ledningsgrupp")
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
    w = mognad_dmm.workshop(frame, min_size=3)
    row = spread(w, "SOC", "data_analys")
    assert row["n"] == 2 and pd.isna(row["sd"]) and not row["low_agreement"]
    assert row["note"] == "fewer than 3 respondents with a score"


def test_min_size_is_respected_and_never_one(eight):
    w = mognad_dmm.workshop(eight.iloc[:7], min_size=5)
    assert list(w.scores.columns) == [mognad_dmm.groups.TOTAL]  # KLG 3 and SOC 4 hidden
    with pytest.raises(mognad.ModelError, match="must be at least 3"):
        mognad_dmm.workshop(eight, min_size=2)
    tiny = mognad_dmm.workshop(eight.iloc[:2], min_size=3)
    assert tiny.scores.empty and any("nothing is shown" in n for n in tiny.notes)


def test_missing_group_column_lists_the_columns(eight):
    with pytest.raises(mognad.InputError, match=r'no column "förvaltning".*"ledningsgrupp"'):
        mognad_dmm.workshop(eight, by="förvaltning")
    # matched case-insensitively
    assert mognad_dmm.workshop(eight, by="Ledningsgrupp").by == "ledningsgrupp"


def test_json_is_valid_and_has_no_nan(eight):
    data = json.loads(json.dumps(mognad_dmm.workshop(eight).to_dict(), allow_nan=False))
    assert data["groups"][0] == {
        "group": "BUN",
        "n": None,
        "shown": False,
        "reason": "fewer than 3 respondents",
    }
    assert data["scores"]["SOC"]["varderingar"] == pytest.approx(0.5)
    assert len(data["spread"]) == 2 * 9


def _independent_respondent_scores(frame: pd.DataFrame) -> pd.DataFrame:
    """Respondent x engine scores straight from the answer table (not via mognad)."""
    prefixes = {"varderingar": "var", "data_analys": "dat", "organisation": "org"}
    out = {}
    for engine, p in prefixes.items():
        cols = [f"{p}{j}" for j in (1, 2, 3)]
        vals = frame[cols].apply(pd.to_numeric, errors="coerce")
        if p == "org":
            vals["org2"] = 6 - vals["org2"]
        norm = (vals - 1) / 4
        out[engine] = norm.mean(axis=1).where(norm.notna().sum(axis=1) >= 2)
    return pd.DataFrame(out)


def test_bundled_sample_groups_side_by_side():
    frame = pd.read_excel(mognad_dmm.SAMPLE, engine="openpyxl")
    w = mognad_dmm.workshop(mognad_dmm.SAMPLE, by="ledningsgrupp")
    assert w.n_respondents == 28
    assert w.groups["n"].to_dict() == frame["ledningsgrupp"].value_counts().to_dict()
    assert sorted(w.groups["n"]) == [6, 6, 7, 9]
    assert w.groups["shown"].all()
    per = _independent_respondent_scores(frame)
    for group in frame["ledningsgrupp"].unique():
        mask = (frame["ledningsgrupp"] == group).to_numpy()
        for engine in per.columns:
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


def test_empty_group_cells_and_empty_file(eight, tmp_path):
    frame = eight.iloc[:7].copy()
    frame.loc[[0, 1, 2], "ledningsgrupp"] = None  # KLG's cells emptied
    w = mognad_dmm.workshop(frame)
    assert w.groups.loc[mognad_dmm.groups.NO_GROUP, "shown"]
    assert w.groups.loc[mognad_dmm.groups.NO_GROUP, "n"] == 3
    assert list(w.groups.index)[-1] == mognad_dmm.groups.NO_GROUP  # listed last
    path = tmp_path / "tom.csv"
    eight.iloc[:0].to_csv(path, index=False)
    with pytest.raises(
        mognad.InputError, match=r"tom\.csv: the table has a header but no respondent"
    ):
        mognad_dmm.workshop(path)


def test_total_withheld_where_it_would_reveal_a_small_group():
    # BASE answers: every respondent answers infrastruktur 5 1 5 and data_analys 1 1 1, the ends
    # of the scale, so the total there tells what the one-person group BUN answered. All groups
    # are hidden and those engines' totals are withheld; strategiarbete (2 2 2) is not.
    frame = rows(*[{"ledningsgrupp": g} for g in GROUPS])
    w = mognad_dmm.workshop(frame)
    assert not w.groups["shown"].any()
    assert list(w.scores.columns) == [mognad_dmm.groups.TOTAL]
    assert pd.isna(w.scores.loc["infrastruktur", mognad_dmm.groups.TOTAL])
    assert pd.isna(w.scores.loc["data_analys", mognad_dmm.groups.TOTAL])
    assert w.scores.loc["strategiarbete", mognad_dmm.groups.TOTAL] == pytest.approx(0.25)
    infra = spread(w, mognad_dmm.groups.TOTAL, "infrastruktur")
    assert infra["note"].startswith("withheld") and pd.isna(infra["sd"])
