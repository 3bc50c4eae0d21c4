"""Adversarial: every attack of issue 12, mounted as a reader would, against the CLI (text and
JSON), the report files (read back with openpyxl and python-pptx) and the Excel functions.

The survey has förvaltningar of 3, 4, 5, 8, 25 and 60 respondents, a förvaltning of 8 split 5/3
by role, a förvaltning of 8 split 5/3 by wave, a five-person group in which four answered "vet ej"
to one statement, and respondent ids. A test fails on any recovered value or exact hidden size.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import params, published_floats

import mognad_core as mognad

K = 5
MODEL = mognad.load_model("dimios")
SIDS = MODEL.statement_ids
SIZES = {"Revision": 3, "Kultur": 4, "Miljö": 5, "Teknik": 8, "Soc": 25, "BoU": 60}


def build() -> pd.DataFrame:
    rng = np.random.default_rng(12)
    rows = []
    number = 0

    def person(förv: str, roll: str, år: int, answers=None) -> None:
        nonlocal number
        number += 1
        values = answers if answers is not None else rng.integers(1, 6, len(SIDS)).tolist()
        rows.append([f"R{number}", förv, roll, år, *values])

    for förv, n in SIZES.items():
        for i in range(n):
            roll = "Chef" if i < 5 else "Medarbetare"
            person(förv, roll, 2025 if förv != "BoU" or i % 2 else 2024)
    for i in range(8):  # Park: 5 in 2024, 3 in 2025 (8 pooled)
        person("Park", "Medarbetare", 2024 if i < 5 else 2025)
    for i in range(23):  # Stad: roles of 3, 10 and 10
        person("Stad", "Chef" if i < 3 else ("Medarbetare" if i < 13 else "Specialist"), 2025)
    for i in range(5):  # Fritid: four of five answered "vet ej" to f11
        answers = rng.integers(1, 6, len(SIDS)).tolist()
        if i:
            answers[SIDS.index("f11")] = "vet ej"
        person("Fritid", "Medarbetare", 2025, answers)
    return pd.DataFrame(rows, columns=["respondent", "förvaltning", "roll", "år", *SIDS])


@pytest.fixture(scope="module")
def survey(tmp_path_factory) -> tuple[Path, pd.DataFrame]:
    folder = tmp_path_factory.mktemp("attack")
    data = build()
    path = folder / "svar.csv"
    data.to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    return path, data


def refused(out) -> None:
    assert out.exit_code == 2, out.stdout[:400]
    assert out.stdout == ""
    assert "Traceback" not in out.stderr
    assert re.search(
        r"visas inte av anonymitetsskäl|nästan ett eget värde per svarande", out.stderr
    )


# ---- 1. one set too small: --where on every command ----------------------------------------
SMALL_SELECTIONS = [
    ["--where", "förvaltning=Revision"],  # 3 people
    ["--where", "respondent=R7"],  # one person
    ["--where", "förvaltning=Teknik", "--where", "roll=Chef"],  # 8 minus 5 = the other 3
    ["--where", "förvaltning=Park", "--where", "år=2024"],  # pooled 8 minus 5 = 2025's 3
    ["--where", "förvaltning=Park", "--where", "år=2025"],  # 3 people
]
COMMANDS = [
    ["score"],
    ["score", "--format", "json"],
    ["gap", "--target", "50%"],
    ["priorities", "--format", "json"],
    ["reliability"],
    ["dimios", "classify"],
]


@pytest.mark.parametrize("where", params(SMALL_SELECTIONS, lambda w: " ".join(w[1::2])))
@pytest.mark.parametrize("command", params(COMMANDS, " ".join))
def test_no_command_shows_a_small_selection(run_cli, survey, command, where):
    refused(run_cli(*command, survey[0], *where))


def test_report_of_a_small_selection_is_refused_and_writes_nothing(run_cli, survey, tmp_path):
    out = run_cli("report", survey[0], "--where", "förvaltning=Revision", "-o", tmp_path)
    refused(out)
    assert list(tmp_path.iterdir()) == []


def test_compare_refuses_a_wave_of_a_small_group(run_cli, survey):
    refused(run_cli("compare", survey[0], "--column", "år", "--where", "förvaltning=Park"))
    one_wave = run_cli("compare", survey[0], "--column", "år", "--where", "förvaltning=Revision")
    assert one_wave.exit_code == 2 and one_wave.stdout == ""  # (Revision answered in 2025 only)


# ---- 2. differencing: what several outputs publish, taken together ---------------------------
def published_sets(run_cli, path, by: list[str], where: list[str]) -> dict[frozenset, dict]:
    """The sets one `groups` output publishes: conditions -> {"n": n, "sums": {sid: sum}}."""
    args = ["groups", path, "--by", ",".join(by), "--level", "all", "--format", "json"]
    for w in where:
        args += ["--where", w]
    out = run_cli(*args)
    if out.exit_code == 2:
        return {}
    assert out.exit_code == 0, out.stderr
    data = json.loads(out.stdout)
    rows = {r["id"]: r for r in data["rows"]}
    base = frozenset(tuple(w.split("=", 1)) for w in where)
    sets: dict[frozenset, dict] = {}
    sets[base] = {"n": None, "values": {sid: rows[sid]["total"] for sid in SIDS}}
    for g in data["groups"]:
        if g["suppressed"]:
            assert g["n"] is None  # no exact size of a hidden group
            continue
        key = base | frozenset(g["values"].items())
        sets[key] = {"n": g["n"], "values": {sid: rows[sid]["values"][g["name"]] for sid in SIDS}}
    return sets


def test_no_two_outputs_differ_by_a_small_set(run_cli, survey):
    path, data = survey
    outputs = [
        (["förvaltning"], []),
        (["förvaltning", "roll"], []),
        (["roll"], []),
        (["förvaltning"], ["år=2024"]),
        (["förvaltning"], ["år=2025"]),
        (["år"], []),
        (["roll"], ["förvaltning=Teknik"]),
        (["roll"], ["förvaltning=Stad"]),
    ]
    sets: dict[frozenset, dict] = {}
    for by, where in outputs:
        sets.update(published_sets(run_cli, path, by, where))

    def members(key: frozenset) -> pd.Series:
        mask = pd.Series(True, index=data.index)
        for col, value in key:
            mask &= data[col].astype(str).str.casefold() == str(value).casefold()
        return mask

    masks = {key: members(key) for key in sets}
    for big, small in itertools.permutations(sets, 2):
        if not small > big:  # small's conditions include big's: small is inside big
            continue
        rest = int(masks[big].sum() - masks[small].sum())
        assert rest == 0 or rest >= K, f"{dict(big)} minus {dict(small)} leaves {rest}"
        for sid in SIDS:  # the rest's answers to a statement: none, or at least K
            answered = pd.to_numeric(data[sid], errors="coerce").notna()
            both = sets[big]["values"][sid] is not None and sets[small]["values"][sid] is not None
            left = int((answered & masks[big] & ~masks[small]).sum())
            assert not both or left == 0 or left >= K, (dict(big), dict(small), sid, left)


def test_one_small_group_is_never_the_total_minus_the_shown_groups(run_cli, survey):
    out = run_cli("groups", survey[0], "--by", "roll", "--where", "förvaltning=Stad", "-f", "json")
    shown = json.loads(out.stdout)
    hidden = {g["name"] for g in shown["groups"] if g["suppressed"]}
    assert "Chef" in hidden and len(hidden) == 2  # one of the two groups of 10 as well
    visible = [g for g in shown["groups"] if not g["suppressed"]]
    assert shown["n_total"] - sum(g["n"] for g in visible) >= K


def test_hidden_groups_sizes_do_not_follow_from_the_total(run_cli, survey):
    path, data = survey
    out = json.loads(run_cli("groups", path, "--by", "förvaltning", "-f", "json").stdout)
    hidden = [g for g in out["groups"] if g["suppressed"]]
    assert {g["name"] for g in hidden} >= {"Revision", "Kultur"}
    assert len(hidden) != 1  # total minus the shown sizes is never one group's size
    sizes = data["förvaltning"].value_counts()
    assert sum(sizes[g["name"]] for g in hidden) >= K
    text = run_cli("groups", path, "--by", "förvaltning").stdout
    for g in hidden:
        line = next(x for x in text.splitlines() if x.startswith(g["name"] + " "))
        assert str(sizes[g["name"]]) not in line.split()


# ---- 3. figures inside shown sets -------------------------------------------------------------
def test_a_statement_four_of_five_answered_vet_ej_shows_nowhere(run_cli, survey):
    path, data = survey
    fritid = ["--where", "förvaltning=Fritid"]
    score = json.loads(run_cli("score", path, *fritid, "-f", "json").stdout)
    f11 = score["statements"]["f11"]
    assert f11["hidden"] and f11["score"] is None and f11["n"] is None
    assert f11["dont_know_share"] is None
    prio = json.loads(run_cli("priorities", path, *fritid, "-f", "json", "-l", "all").stdout)
    assert "f11" not in [p["id"] for p in prio["ranked"]]
    groups = json.loads(
        run_cli("groups", path, "--by", "förvaltning", "-l", "all", "-f", "json").stdout
    )
    row = next(r for r in groups["rows"] if r["id"] == "f11")
    assert row["values"].get("Fritid") is None
    # the one answer is not recoverable from Fritid's dimension score either
    dim = MODEL.statement("f11").dimension
    exact = mognad.score(data[data.förvaltning == "Fritid"], "dimios", min_size=1)
    without = mognad.score(
        data[data.förvaltning == "Fritid"].assign(f11=None), "dimios", min_size=1
    )
    assert score["dimensions"][dim]["score"] == round(without.dimensions[dim].score, 3)
    assert score["dimensions"][dim]["score"] != round(exact.dimensions[dim].score, 3)


@pytest.mark.parametrize(
    "command",
    [
        ["score"],
        ["gap", "--target", "55%", "--level", "all"],
        ["priorities", "--level", "all"],
        ["groups", "--by", "förvaltning", "--level", "all"],
        ["reliability"],
        ["compare", "--column", "år", "--boot", "200"],
        ["dimios", "classify", "--groups", "förvaltning"],
    ],
    ids=lambda c: c[0] if c[0] != "dimios" else "dimios classify",
)
def test_json_floats_are_rounded_and_do_not_tell_denominators(run_cli, survey, command):
    out = run_cli(*command, survey[0], "--format", "json")
    assert out.exit_code == 0, out.stderr
    for key, value in published_floats(json.loads(out.stdout)):
        digits = 2 if key in ("mean", "sd", "alpha") or key.endswith("_pp") else 3
        assert value == round(value, digits), (key, value)


# ---- 4. the report: every sheet and slide ------------------------------------------------------
@pytest.fixture(scope="module")
def report_files(survey, tmp_path_factory):
    out = tmp_path_factory.mktemp("rapport")
    files = mognad.build_report(
        survey[0], "dimios", out, groups="förvaltning", min_size=10, compare="år"
    )
    return {p.suffix: p for p in files}


def workbook_rows(path: Path) -> list[tuple[str, list]]:
    import openpyxl

    wb = openpyxl.load_workbook(path, data_only=True)
    return [(ws.title, list(row)) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)]


def test_report_shows_no_group_under_the_minimum_on_any_sheet(report_files, survey):
    data = survey[1]
    wave = data[data["år"] == 2025]
    small = [f for f, n in wave["förvaltning"].value_counts().items() if n < 10]
    assert small
    for sheet, row in workbook_rows(report_files[".xlsx"]):
        texts = [str(c) for c in row if isinstance(c, str)]
        named = [f for f in small if any(re.search(rf"\b{re.escape(f)}\b", t) for t in texts)]
        if not named:
            continue
        numbers = [c for c in row if isinstance(c, (int, float)) and not isinstance(c, bool)]
        assert not numbers, f"sheet {sheet!r}: {named} with figures {numbers}"


def test_report_cells_hold_rounded_figures(report_files):
    for sheet, row in workbook_rows(report_files[".xlsx"]):
        for cell in row:
            if isinstance(cell, float):
                assert cell == round(cell, 3), (sheet, cell)


def test_report_deck_has_no_slide_for_a_hidden_group(report_files, survey):
    from pptx import Presentation

    data = survey[1]
    wave = data[data["år"] == 2025]
    small = {f for f, n in wave["förvaltning"].value_counts().items() if n < 10}
    deck = Presentation(str(report_files[".pptx"]))
    for slide in deck.slides:
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        assert not any(title.strip().startswith(f) for f in small), title
        for shape in slide.shapes:
            if shape.has_text_frame:
                for f in small:
                    for line in shape.text_frame.text.splitlines():
                        if re.search(rf"\b{re.escape(f)}\b", line):
                            assert not re.search(r"\d+[,.]\d+ ?%|\b\d+ %", line), line
            if getattr(shape, "has_chart", False) and shape.has_chart:
                for plot in shape.chart.plots:
                    for cat in plot.categories:
                        assert str(cat) not in small, (title, cat)
    assert "Anonymitetsskydd avstängt" not in "".join(
        s.shape.text_frame.text
        for s in [type("x", (), {"shape": sh}) for sl in deck.slides for sh in sl.shapes]
        if s.shape.has_text_frame
    )


# ---- 5. the Excel functions -------------------------------------------------------------------
def excel_rows(data: pd.DataFrame) -> list[list]:
    header = list(data.columns)
    return [header, *data.astype(object).where(data.notna(), None).values.tolist()]


def test_excel_functions_never_give_a_small_range_a_number(survey):
    from mognad_excel import udfs

    udfs.clear_cache()
    data = survey[1]
    revision = excel_rows(data[data.förvaltning == "Revision"])
    for value in (
        udfs.MOGNAD_SCORE(revision, "dimios"),
        udfs.MOGNAD_SCORE(revision, "dimios", "formaga"),
        udfs.MOGNAD_RESPONDENTS(revision, "dimios"),
    ):
        assert not isinstance(value, (int, float)), value
    table = udfs.MOGNAD_STATEMENTS(revision, "dimios")
    assert not any(isinstance(c, float) for row in table for c in row)
    fritid = excel_rows(data[data.förvaltning == "Fritid"])
    rows = udfs.MOGNAD_STATEMENTS(fritid, "dimios")
    f11 = next(r for r in rows if r and r[0] == "f11")
    assert not any(isinstance(c, float) for c in f11[1:]), f11
    assert not isinstance(udfs.MOGNAD_SCORE(fritid, "dimios", "f11"), (int, float))


# ---- 6. dmm workshop: no spread for small leadership groups -----------------------------------
def test_dmm_workshop_publishes_no_spread_for_groups_under_twice_the_minimum(run_cli, tmp_path):
    dmm = mognad.load_model("dmm")
    rng = np.random.default_rng(5)
    rows = []
    for group, n in {"LG1": 3, "LG2": 6, "LG3": 9, "LG4": 12}.items():
        for _ in range(n):
            rows.append([group, *rng.integers(1, 6, len(dmm.statement_ids)).tolist()])
    path = tmp_path / "workshop.csv"
    pd.DataFrame(rows, columns=["ledningsgrupp", *dmm.statement_ids]).to_csv(
        path, sep=";", index=False
    )
    out = run_cli("dmm", "workshop", path, "--format", "json")
    assert out.exit_code == 0, out.stderr
    text = out.stdout
    data = json.loads(text)
    spread_keys = {"min", "q1", "q3", "max", "sd", "median"}

    def walk(value, group=None):
        if isinstance(value, dict):
            name = value.get("group") or value.get("name") or group
            for k, v in value.items():
                if k in spread_keys and v is not None and name in ("LG1", "LG2", "LG3"):
                    raise AssertionError(f"{name}: {k} = {v}")
                walk(v, name)
        elif isinstance(value, list):
            for v in value:
                walk(v, group)

    walk(data)
    assert not re.search(r'"group": "LG1",\s*"n": \d', text)  # the hidden group has no size
