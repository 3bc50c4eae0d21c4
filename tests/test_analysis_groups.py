"""Groups side by side with anonymity: suppression, complementary suppression, and an adversary
who tries to recover every suppressed group's score from what the result shows."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import DIMIOS_2025, DIMIOS_SAMPLE, GROUP_MODEL, GROUP_SIDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mognad_core as mognad
from mognad_core import disclosure

MODEL, SIDS = GROUP_MODEL, GROUP_SIDS


def table(groups: dict[str, list[list]]) -> pd.DataFrame:
    """{group: [[x1, x2, y1], ...]} -> a response table with a förvaltning column."""
    rows = [[g, *answers] for g, people in groups.items() for answers in people]
    return pd.DataFrame(rows, columns=["förvaltning", *SIDS])


def scores_of(frame: pd.DataFrame) -> dict[str, float | None]:
    """The exact scores of a set (what the data holder knows; min_size=1: nothing hidden)."""
    try:
        r = mognad.score(frame[SIDS], MODEL, min_size=1)
    except mognad.InputError:  # nobody answered anything: no scores (and not respondents)
        return dict.fromkeys([*SIDS, "X", "Y", "overall"])
    out = {sid: r.statements[sid].score for sid in SIDS}
    out.update({d: r.dimensions[d].score for d in ("X", "Y")})
    out["overall"] = r.overall
    return out


# ---- the rules, by hand ------------------------------------------------------------------
def test_small_group_and_its_complement_are_suppressed():
    data = table(
        {
            "Soc": [[2, 4, 3]] * 2,  # 2 < 5: suppressed
            "KLF": [[4, 2, 5]] * 6 + [[5, 1, 5]] * 4,  # 10: the next-smallest, hidden too
            "BoU": [[3, 3, 3]] * 20,
        }
    )
    g = mognad.groups(data, "förvaltning", model=MODEL)
    info = {x.name: x for x in g.groups}
    assert [x.name for x in g.groups] == ["BoU", "KLF", "Soc"]
    assert info["Soc"].suppressed and info["Soc"].n is None
    # one reason for every hidden group: telling "small" from "hidden to protect" would bound
    # the sizes (KLF is >= 5, so Soc = 32 - 20 - KLF would be bounded)
    reason = "visas inte av anonymitetsskäl (färre än 5 svarande, eller så att en mindre grupp"
    assert info["Soc"].reason.startswith(reason) and info["KLF"].reason == info["Soc"].reason
    assert info["KLF"].suppressed and info["KLF"].n is None
    english = {x.name: x for x in mognad.groups(data, "förvaltning", model=MODEL, lang="en").groups}
    assert english["Soc"].reason == english["KLF"].reason
    assert english["Soc"].reason.startswith("not shown for anonymity (fewer than 5 respondents")
    assert not info["BoU"].suppressed and info["BoU"].n == 20
    assert g.suppressed == ["KLF", "Soc"] and g.visible == ["BoU"] and g.n_total == 32
    for row in g.rows:
        assert set(row.values) == {"BoU"}
    rows = {r.id: r for r in g.rows}
    assert rows["x1"].values["BoU"] == pytest.approx(0.5)
    everyone = scores_of(data)
    assert rows["overall"].total == pytest.approx(everyone["overall"], abs=5e-4)  # rounded
    frame = g.frame()
    assert list(frame.index) == ["overall", "X", "Y"]
    assert frame[["KLF", "Soc"]].isna().all().all() and frame.attrs["suppressed"] == ["KLF", "Soc"]
    sizes = g.sizes_frame()
    assert sizes.loc["Soc", "suppressed"] and pd.isna(sizes.loc["Soc", "n"])
    # nothing about Soc or KLF beyond their names reaches the JSON
    dumped = json.loads(g.to_json())
    for row in dumped["rows"]:
        assert set(row["values"]) == {"BoU"}
    assert not any(d["low_group"] in ("Soc", "KLF") for d in dumped["disagreements"])


def test_the_attack_complementary_suppression_prevents():
    """Without the second hidden group, the n-weighted total gives Soc's score exactly."""
    data = table({"Soc": [[1, 5, 1]] * 2, "KLF": [[4, 2, 5]] * 10, "BoU": [[3, 3, 3]] * 20})
    total, klf, bou = scores_of(data), scores_of(data[data.förvaltning == "KLF"]), None
    bou = scores_of(data[data.förvaltning == "BoU"])
    recovered = (32 * total["x1"] - 10 * klf["x1"] - 20 * bou["x1"]) / 2
    assert recovered == pytest.approx(0.0)  # Soc's true x1 score: the attack works ...
    g = mognad.groups(data, "förvaltning", model=MODEL)
    assert g.suppressed == ["KLF", "Soc"]  # ... so KLF is hidden as well


def test_two_small_groups_need_no_complement():
    data = table(
        {"A": [[2, 4, 3], [3, 3, 3]], "B": [[4, 2, 2], [3, 4, 4], [2, 2, 3]], "C": [[3, 3, 3]] * 9}
    )
    g = mognad.groups(data, "förvaltning", model=MODEL)
    assert g.suppressed == ["A", "B"] and g.visible == ["C"]
    assert {x.name: x.reason for x in g.groups}["B"].startswith("visas inte av anonymitetsskäl")


def test_only_small_group_answering_a_statement_forces_more_suppression():
    # A and B are both small, but only A answered y1: A's y1 would equal the hidden groups' y1,
    # so the y1 figure of the next-smallest group that answered it (C) is hidden too; C's other
    # figures stay (its Y and overall are computed without y1)
    data = table(
        {
            "A": [[2, 4, 5], [3, 3, 4]],
            "B": [[4, 2, "vet ej"], [3, 4, None], [2, 2, "vet ej"]],
            "C": [[3, 3, 3]] * 9,
            "D": [[4, 4, 2]] * 12,
        }
    )
    g = mognad.groups(data, "förvaltning", model=MODEL)
    assert g.suppressed == ["A", "B"] and g.visible == ["C", "D"]
    rows = {r.id: r for r in g.rows}
    assert rows["y1"].values["C"] is None and rows["Y"].values["C"] is None
    assert rows["y1"].values["D"] == pytest.approx(0.25)
    assert rows["x1"].values["C"] == pytest.approx(0.5)
    assert rows["overall"].values["C"] == rows["X"].values["C"]  # without y1


def test_unanimous_extreme_answers_force_more_suppression():
    # every suppressed answer to x1 is 5: the total would show they are all 100 %, so C's x1
    # figure (the next-smallest) joins the hidden ones
    data = table(
        {"A": [[5, 2, 3]] * 2, "B": [[5, 3, 4]] * 3, "C": [[2, 3, 3]] * 8, "D": [[3, 3, 3]] * 9}
    )
    g = mognad.groups(data, "förvaltning", model=MODEL)
    assert g.suppressed == ["A", "B"]
    rows = {r.id: r for r in g.rows}
    assert rows["x1"].values["C"] is None and rows["x1"].values["D"] == pytest.approx(0.5)
    assert rows["x2"].values["C"] is not None


def test_total_withheld_when_every_group_is_hidden_and_still_unsafe():
    # only A answered y1 (2 answers): the y1 total would be A's score, so it is not shown, and
    # the total's Y and overall are computed without it (Y has nothing else: no score)
    data = table({"A": [[2, 4, 5], [3, 3, 4]], "B": [[4, 2, None]] * 6})
    g = mognad.groups(data, "förvaltning", model=MODEL, min_size=5)
    assert g.suppressed == ["A", "B"]
    rows = {r.id: r for r in g.rows}
    assert rows["y1"].total is None and rows["y1"].total_hidden
    assert rows["Y"].total is None
    assert rows["overall"].total == rows["X"].total is not None  # the overall gives y1 nothing
    assert rows["x1"].total is not None
    assert any("y1" in n and "visas inte" in n for n in g.notes)


def test_missing_values_form_their_own_group_and_combinations():
    data = table({"A": [[3, 3, 3]] * 6, "B": [[4, 4, 4]] * 7})
    data.loc[[0, 1, 2], "förvaltning"] = None
    g = mognad.groups(data, "förvaltning", model=MODEL)
    assert [x.name for x in g.groups] == ["A", "B", "(saknas)"]
    assert g.suppressed == ["A", "(saknas)"]  # 3 < 5, and A (3 left) too
    data["roll"] = ["Chef", "Medarbetare"] * 6 + ["Chef"]
    combo = mognad.groups(data, ["förvaltning", "ROLL"], model=MODEL, min_size=3)
    names = [x.name for x in combo.groups]
    assert "B / Chef" in names and combo.by == ["förvaltning", "roll"]
    info = {x.name: x for x in combo.groups}
    assert info["B / Chef"].values == {"förvaltning": "B", "roll": "Chef"}
    assert info["B / Chef"].n == 4


def test_disagreement_uses_visible_groups_only():
    data = table(
        {"A": [[1, 5, 1]] * 6, "B": [[5, 1, 5]] * 6, "C": [[3, 3, 3]] * 6, "D": [[4, 4, 4]] * 2}
    )
    g = mognad.groups(data, "förvaltning", model=MODEL)
    assert g.suppressed == ["A", "D"]  # D is small, A the next-smallest (tie: by name)
    top = g.disagreements[0]
    assert (top.low_group, top.high_group) == ("C", "B")
    assert top.spread == pytest.approx(1.0 - 0.5)
    assert {d.kind for d in g.disagreements} <= {"overall", "dimension", "category", "statement"}


def test_min_size_rules_and_errors():
    data = table({"A": [[3, 3, 3]] * 3, "B": [[4, 4, 4]] * 3})
    assert mognad.groups(data, "förvaltning", model=MODEL, min_size=3).suppressed == []
    with pytest.raises(mognad.MognadError, match=r"gruppstorlek 2 .*från 3 och uppåt, eller 1"):
        mognad.groups(data, "förvaltning", model=MODEL, min_size=2)
    with pytest.raises(mognad.MognadError, match=r"4\.5.*whole number"):
        mognad.groups(data, "förvaltning", model=MODEL, min_size=4.5, lang="en")
    opened = mognad.groups(data, "förvaltning", model=MODEL, min_size=1)  # the opt-out
    assert opened.suppressed == [] and any("Anonymitetsskydd avstängt" in n for n in opened.notes)
    with pytest.raises(mognad.InputError, match=r'no column "enhet".*förvaltning'):
        mognad.groups(data, "enhet", model=MODEL)
    with pytest.raises(mognad.MognadError, match="at least one column"):
        mognad.groups(data, [], model=MODEL)


# ---- the adversary -------------------------------------------------------------------------
ANSWER = st.sampled_from([1, 2, 3, 4, 5, 5, 1, "vet ej", None])


@st.composite
def surveys(draw):
    n_groups = draw(st.integers(2, 6))
    sizes = [draw(st.integers(1, 12)) for _ in range(n_groups)]
    unanimous = draw(st.booleans())  # stress the extreme-answer rule
    people = {}
    for i, size in enumerate(sizes):
        rows = []
        for _ in range(size):
            if unanimous:
                rows.append([draw(st.sampled_from([5, "vet ej"])) for _ in SIDS])
            else:
                rows.append([draw(ANSWER) for _ in SIDS])
        people[f"G{i}"] = rows
    return table(people), draw(st.integers(3, 6))


def feasible_interval(sum_known, n_target, n_others):
    """The range of the target group's score sum given the suppressed groups' combined sum.

    Scores per answer are in [0, 1]; n_target/n_others are answer counts (worst case: the
    adversary knows them)."""
    lo = max(0.0, sum_known - n_others)
    hi = min(float(n_target), sum_known)
    return lo, hi


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(surveys())
def test_no_suppressed_group_can_be_recovered(survey):
    data, min_size = survey
    if len(data) < min_size:  # the whole table is a small group: nothing is published at all
        with pytest.raises(mognad.MognadError):
            mognad.groups(data, "förvaltning", model=MODEL, min_size=min_size)
        return
    try:
        g = mognad.groups(data, "förvaltning", model=MODEL, min_size=min_size)
    except disclosure.DisclosureError:  # nearly a group per person: like an id, refused
        assert data["förvaltning"].nunique() > len(data) // 2
        return
    published = json.loads(g.to_json())  # the adversary sees only this ...
    shown = {x["name"]: x for x in published["groups"]}
    rows = {r["id"]: r for r in published["rows"]}
    suppressed = [n for n, x in shown.items() if x["suppressed"]]
    sizes = data["förvaltning"].value_counts()
    for name, x in shown.items():
        assert x["suppressed"] == (x["n"] is None)
        if sizes[name] < min_size:
            assert x["suppressed"], f"{name} has {sizes[name]} respondents"
        for r in rows.values():
            assert (name in r["values"]) == (not x["suppressed"])
    # a single hidden group's size would be the total minus the shown sizes
    assert len(suppressed) != 1
    if suppressed:
        assert sum(sizes[n] for n in suppressed) >= min_size
    # ... plus, worst case, the exact value behind every shown figure and every answer count
    counts = {
        name: {sid: int(pd.to_numeric(part[sid], errors="coerce").notna().sum()) for sid in SIDS}
        for name, part in data.groupby("förvaltning")
    }
    truth = {name: scores_of(part) for name, part in data.groupby("förvaltning")}
    everyone = scores_of(data)
    for sid in SIDS:
        n_all = sum(counts[n][sid] for n in counts)
        if n_all == 0:  # nobody answered: there is no score to protect
            continue
        if rows[sid]["total"] is None:
            assert rows[sid]["total_hidden"]
            continue
        visible = [n for n in shown if n not in suppressed and rows[sid]["values"][n] is not None]
        off = [n for n in counts if n not in visible and counts[n][sid]]
        hidden_sum = everyone[sid] * n_all - sum(truth[v][sid] * counts[v][sid] for v in visible)
        answers = pd.to_numeric(data[sid], errors="coerce").dropna()
        if not visible and answers.nunique() == 1 and answers.iloc[0] in (1, 5):
            continue  # everyone who answered gave one extreme answer: see docs/anonymity.md
        for target in off:
            if sizes[target] >= min_size and counts[target][sid] >= min_size:
                continue  # hidden only to protect another group
            others = sum(counts[o][sid] for o in off if o != target)
            lo, hi = feasible_interval(hidden_sum, counts[target][sid], others)
            t = truth[target][sid] * counts[target][sid]
            assert lo - 1e-9 <= t <= hi + 1e-9  # the adversary's reasoning is sound ...
            # ... but more than one score is consistent with what is shown
            assert hi - lo > 1e-6, f"{target}'s {sid} score is pinned to {t / counts[target][sid]}"


# ---- the bundled sample ----------------------------------------------------------------------
def test_bundled_sample_by_forvaltning():
    rs = mognad.read_responses(DIMIOS_SAMPLE, "dimios")
    wave = rs.subset((rs.attributes["år"] == 2025).to_numpy())
    raw = pd.read_csv(DIMIOS_2025, sep=";", encoding="utf-8-sig")
    sizes = raw["förvaltning"].value_counts()
    assert sizes["Kultur- och fritidsförvaltningen"] == 8  # small on purpose
    g5 = mognad.groups(wave, "förvaltning")
    assert g5.suppressed == []  # 8 is enough with the default minimum
    g6 = mognad.groups(wave, "förvaltning", min_size=9)
    smallest_other = sizes.drop("Kultur- och fritidsförvaltningen").idxmin()
    assert g6.suppressed == sorted(["Kultur- och fritidsförvaltningen", smallest_other])
    # visible groups' statement scores, recomputed from the CSV with pandas
    rows = {r.id: r for r in g6.rows}
    for name in g6.visible:
        part = raw[raw["förvaltning"] == name]
        for sid in ("f12", "a24"):
            expect = (pd.to_numeric(part[sid], errors="coerce").mean() - 1) / 5  # scale 1-6
            assert rows[sid].values[name] == pytest.approx(expect, abs=5e-4)  # rounded
        assert {x.name: x.n for x in g6.groups}[name] == sizes[name]
    spread = g6.disagreements[0]
    vals = {n: rows[spread.id].values[n] for n in g6.visible}
    assert spread.spread == pytest.approx(max(vals.values()) - min(vals.values()))


def test_no_groups_when_everyone_together_is_a_small_group(tiny_model):
    frame = pd.DataFrame(
        {
            "roll": ["Chef", "Chef", "IT"],
            "a1": [5, 4, 1],
            "a2": [1, 2, 2],
            "b1": [3, 3, 1],
            "b2": [2, 2, 4],
            "b3": [1, 2, 3],
        }
    )
    rs = mognad.prepare(frame, tiny_model)
    with pytest.raises(mognad.MognadError, match="färre än 5 svarande") as err:
        mognad.groups(rs, "roll", min_size=5)
    assert "3" not in str(err.value)  # the exact size is not given away either


# ---- what mutation testing found (docs/quality.md, analysis/groups.py) -----------------------
def test_the_language_is_read_in_any_case_for_the_models_labels_too(tiny_model, tiny_frame):
    def dump(lang):
        g = mognad.groups(tiny_frame, "förvaltning", model=tiny_model, min_size=1, lang=lang)
        return g.model_dump()

    english = dump(" EN")
    assert english == dump("en") and dump("SV") == dump("sv")
    assert [r["label"] for r in english["rows"][:3]] == ["Overall", "Alpha", "Beta"]


FIVE = {
    "A": [[1, 5, 2]] * 6,
    "B": [[5, 1, 4]] * 6,
    "C": [[3, 3, 4]] * 6,
    "D": [[2, 2, 2]] * 2,  # small: hidden, and A (the next-smallest, by name) with it
    "E": [[4, 2, 3]] * 7,
}


def test_every_row_group_and_disagreement_in_full():
    g = mognad.groups(table(FIVE), "förvaltning", model=MODEL, top=2, lang="en")
    assert (g.model, g.by, g.min_size, g.n_total) == ("grp", ["förvaltning"], 5, 27)
    assert [(i.name, i.values, i.n, i.suppressed, i.reason is None) for i in g.groups] == [
        ("A", {"förvaltning": "A"}, None, True, False),
        ("B", {"förvaltning": "B"}, 6, False, True),
        ("C", {"förvaltning": "C"}, 6, False, True),
        ("D", {"förvaltning": "D"}, None, True, False),
        ("E", {"förvaltning": "E"}, 7, False, True),
    ]
    rows = [(r.id, r.label, r.kind, r.parent, r.total, r.total_hidden, r.values) for r in g.rows]
    assert rows == [
        ("overall", "Overall", "overall", None, 0.551, False, {"B": 0.875, "C": 0.625, "E": 0.625}),
        ("X", "X", "dimension", None, 0.565, False, {"B": 1.0, "C": 0.5, "E": 0.75}),
        ("Y", "Y", "dimension", None, 0.537, False, {"B": 0.75, "C": 0.75, "E": 0.5}),
        ("x1", "Ett.", "statement", "X", 0.546, False, {"B": 1.0, "C": 0.5, "E": 0.75}),
        ("x2", "Två.", "statement", "X", 0.583, False, {"B": 1.0, "C": 0.5, "E": 0.75}),
        ("y1", "Tre.", "statement", "Y", 0.537, False, {"B": 0.75, "C": 0.75, "E": 0.5}),
    ]
    # the two widest of the parts above statements, then of the statements; a tie in spread
    # keeps the model's order, a tie in score names the group first in name order
    dis = [
        (d.id, d.kind, d.spread, d.low_group, d.low, d.high_group, d.high) for d in g.disagreements
    ]
    assert dis == [
        ("X", "dimension", 0.5, "C", 0.5, "B", 1.0),
        ("overall", "overall", 0.25, "C", 0.625, "B", 0.875),
        ("x1", "statement", 0.5, "C", 0.5, "B", 1.0),
        ("x2", "statement", 0.5, "C", 0.5, "B", 1.0),
    ]
    assert g.notes == [
        'Columns kept as respondent attributes (not statements): "förvaltning".',
        "2 group(s) suppressed (minimum group size 5): A, D.",
    ]
    assert mognad.groups(table(FIVE), "förvaltning", model=MODEL, top=0).disagreements == []
    assert mognad.groups(table(FIVE), "förvaltning", model=MODEL, top=-1).disagreements == []


def test_the_frames_side_by_side_with_hidden_groups_empty(tiny_model):
    rows = []
    for name, n, a in (("P", 6, 2), ("Q", 7, 3), ("R", 2, 4), ("S", 8, 5)):
        rows += [[name, a, 6 - a, 1 + i % 5, 5 - i % 3, None] for i in range(n)]
    frame = pd.DataFrame(rows, columns=["förvaltning", "a1", "a2", "b1", "b2", "b3"])
    g = mognad.groups(frame, "förvaltning", model=tiny_model, lang="en")
    assert (g.suppressed, g.visible) == (["P", "R"], ["Q", "S"])  # R small, P next-smallest
    assert [(r.id, r.kind, r.parent) for r in g.rows[:4]] == [
        ("overall", "overall", None),
        ("A", "dimension", None),
        ("B", "dimension", None),
        ("B1", "category", "B"),
    ]
    nan = float("nan")
    dims = g.frame("Dimensions")
    assert dims.attrs["suppressed"] == ["P", "R"]
    expected = pd.DataFrame(
        [
            ["Overall", "overall", 0.648, nan, 0.562, nan, 0.896],
            ["Alpha", "dimension", 0.63, nan, 0.5, nan, 1.0],
            ["Beta", "dimension", 0.682, nan, 0.688, nan, 0.688],
            ["Beta ett", "category", 0.682, nan, 0.688, nan, 0.688],
        ],
        index=pd.Index(["overall", "A", "B", "B1"], name="id"),
        columns=["label", "kind", "total", "P", "Q", "R", "S"],
    )
    pd.testing.assert_frame_equal(dims, expected)
    statements = g.frame("STATEMENT")
    assert list(statements.index) == ["a1", "a2", "b3", "b1", "b2"]
    assert statements["Q"].tolist()[:2] == [0.5, 0.5] and statements["S"].tolist()[3:] == [
        0.406,
        0.781,
    ]
    assert statements[["P", "R"]].isna().all().all() and statements.loc["b3"].isna().sum() == 5
    assert set(statements["kind"]) == {"statement"}
    assert statements["label"].tolist()[:2] == ["We have a plan.", "The plan is often missing."]
    # b3 has no group score: no disagreement, and those after it still have theirs
    assert [d.id for d in g.disagreements if d.kind == "statement"] == ["a1", "a2", "b1", "b2"]
    assert list(g.frame("all").index) == ["overall", "A", "B", "B1", "a1", "a2", "b3", "b1", "b2"]
    with pytest.raises(mognad.MognadError) as err:
        g.frame("parts")
    assert str(err.value) == "kind 'part' is not one of: dimension, statement, all."
    sizes = g.sizes_frame()
    assert list(sizes.index) == ["P", "Q", "R", "S"]
    assert sizes["suppressed"].tolist() == [True, False, True, False]
    assert sizes.loc["Q", "n"] == 7 and sizes.loc["S", "n"] == 8 and sizes["n"].isna().sum() == 2


def test_a_column_to_group_by_that_is_not_there_is_named_with_what_it_was_for():
    data = table({"A": [[3, 3, 3]] * 6})
    with pytest.raises(mognad.InputError) as err:
        mognad.groups(data, "enhet", model=MODEL)
    assert err.value.text("sv") == (
        'det finns ingen kolumn "enhet" att gruppera efter. Förväntat: en av '
        'bakgrundskolumnerna: "förvaltning".'
    )
    assert str(err.value) == (
        'there is no column "enhet" to group by. Expected one of the attribute columns: '
        '"förvaltning".'
    )
    with pytest.raises(mognad.MognadError) as err:
        mognad.groups(data, [], model=MODEL)
    assert err.value.text("sv") == (
        "groups behöver minst en kolumn att gruppera efter (till exempel förvaltning)."
    )


def test_the_five_widest_disagreements_of_each_kind_by_default():
    g = mognad.groups(DIMIOS_2025, "förvaltning", model="dimios")
    assert [(d.id, d.spread) for d in g.disagreements] == [
        ("formaga_innovation", 0.152),
        ("formaga_effektivitet", 0.148),
        ("formaga", 0.131),
        ("arv_strategiskt", 0.114),
        ("overall", 0.108),
        ("f25", 0.288),
        ("a13", 0.28),
        ("f14", 0.222),
        ("a25", 0.208),
        ("a21", 0.2),
    ]


def test_a_breakdown_refused_for_anonymity_says_so_in_english_when_asked(tiny_model):
    frame = pd.DataFrame(
        {"roll": ["Chef", "Chef", "IT"], "a1": [5, 4, 1], "a2": [1, 2, 2], "b1": [3, 3, 1]}
    )
    with pytest.raises(mognad.MognadError) as err:
        mognad.groups(frame, "roll", model=tiny_model, min_size=5, lang="en")
    assert str(err.value) == (
        "No results for the responses, for anonymity: fewer than 5 respondents, or a smaller "
        "group could be derived from what is shown (--min-size, MOGNAD_MIN_SIZE)."
    )


def test_two_visible_groups_are_a_comparison_one_is_not():
    two = mognad.groups(
        table({"A": [[3, 3, 3]] * 5, "B": [[4, 4, 4]] * 5}), "förvaltning", model=MODEL
    )
    assert two.visible == ["A", "B"]
    assert "Färre än två grupper visas: ingen jämförelse mellan grupper." not in two.notes
    one = mognad.groups(table({"A": [[3, 3, 3]] * 5}), "förvaltning", model=MODEL, lang="en")
    assert one.visible == ["A"]
    assert "Fewer than two visible groups: no comparison between groups." in one.notes


def test_the_pooled_waves_note_only_when_the_waves_are_not_the_groups():
    rs = mognad.read_responses(DIMIOS_SAMPLE, "dimios")
    pooled = (
        'The responses are from 2 waves in column "år" (2024, 2025), analysed together here. '
        "Choose one with --where år=2025, or compare them with mognad compare --column år."
    )
    assert pooled in mognad.groups(rs, "förvaltning", lang="en", top=0).notes
    assert pooled not in mognad.groups(rs, "år", lang="en", top=0).notes


def test_a_hidden_total_is_named_in_english_when_asked():
    data = table({"A": [[2, 4, 5], [3, 3, 4]], "B": [[4, 2, None]] * 6})
    g = mognad.groups(data, "förvaltning", model=MODEL, min_size=5, lang="en")
    assert any(n.startswith("1 statement(s) not shown (y1): fewer than 5 answers") for n in g.notes)
