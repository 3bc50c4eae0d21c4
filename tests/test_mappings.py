"""`mognad mapping init` (mognad_core/mappings.py): a starting mapping from a file's own
headers, sure matches and guesses marked CHECK, written safely, read back by --mapping."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import yaml
from openpyxl import Workbook

import mognad_core as mognad
from mognad_core.testing import make_responses

IDS = mognad.get_model("dimios").statement_ids
#: the statements by their running number ("Fråga 1" ... "Fråga 30"): 1-24 in model order for
#: dimios 1.0's statements, then 25-30 for the six added in 2.0 (plugins/dimios/README.md §2)
NUMBERED = sorted(
    IDS,
    key=lambda sid: int(
        next(a for a in mognad.get_model("dimios").statement(sid).aliases if a.isdigit())
    ),
)


def forms_export(tmp_path, rows: int = 8):
    """Microsoft Forms style: ID and start time, then "Fråga 1" ... "Fråga 32" of which the
    first two are background questions (förvaltning, roll) and the rest DiMiOS's 30 statements in
    the order of their numbers. Returns the path and the answers."""
    truth = make_responses("dimios", n=rows, seed=5, dont_know=0, blanks=0)[NUMBERED]
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["ID", "Starttid", *[f"Fråga {n}" for n in range(1, len(IDS) + 3)]])
    for i, a in enumerate(truth.to_numpy().tolist()):
        office = ["Socialförvaltningen", "Kommunledningskontoret"][i % 2]
        ws.append([i + 1, "2025-03-03 09:12", office, ["Chef", "Medarbetare"][i % 2], *map(int, a)])
    path = tmp_path / "forms.xlsx"
    wb.save(path)
    return path, truth


def test_mapping_init_writes_guesses_to_check_and_the_mapping_scores_the_file(tmp_path, run_cli):
    path, truth = forms_export(tmp_path)
    out = tmp_path / "mapping.yaml"
    res = run_cli("mapping", "init", path, "--model", "dimios", "-o", out, "--lang", "en")
    assert res.exit_code == 0, res.stderr
    assert res.stdout.splitlines() == [
        f"Wrote {out}: 30 of 34 columns mapped to statements, 32 guess(es) marked CHECK, 0 "
        "statement(s) without a column.",
        "Check the lines marked CHECK, then: mognad score forms.xlsx --model dimios --mapping "
        f"{out} --lang en",  # the suggested command keeps the language
    ]
    text = out.read_text("utf-8")
    lines = text.splitlines()
    start = lines.index('"ID": null         # not a statement (a respondent attribute)')
    assert lines[start : start + 7] == [
        '"ID": null         # not a statement (a respondent attribute)',
        '"Starttid": null   # not a statement (a respondent attribute)',
        '# CHECK: 32 columns are numbered like "Fråga 1", and model "dimios" numbers 30 statements',
        '# "Fråga 1" … "Fråga 30": the columns holding only answers were paired with the '
        "statements in",
        "# order",
        '"Fråga 1": null    # CHECK: guessed not a statement: its cells are "Socialförvaltningen", '
        '"Kommunledningskontoret"',
        '"Fråga 2": null    # CHECK: guessed not a statement: its cells are "Chef", "Medarbetare"',
    ]
    assert lines[start + 7] == (
        '"Fråga 3": "f11"   # CHECK: by order: Vi följer systematiskt upp nyttan av våra digitala…'
    )
    mapping = yaml.safe_load(text)
    assert mapping["Fråga 2"] is None and mapping["Fråga 32"] == "a35"
    assert [mapping[f"Fråga {n + 3}"] for n in range(30)] == NUMBERED
    res = run_cli("score", path, "--mapping", out, "--min-size", "1", "-f", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    got = {sid: data["statements"][sid]["mean"] for sid in IDS}
    assert got == pytest.approx(truth.mean().to_dict())
    assert "Not scored" not in res.stderr  # the background columns are null on purpose


def test_mapping_init_never_replaces_a_file_without_force_nor_writes_over_its_input(
    tmp_path, run_cli
):
    path, _ = forms_export(tmp_path)
    out = tmp_path / "mapping.yaml"
    out.write_text("# mine\n", "utf-8")
    res = run_cli("mapping", "init", path, "-o", out)
    assert res.exit_code == 2
    assert res.stderr.strip() == f"Fel: {out} finns redan. Använd --force för att ersätta den."
    assert out.read_text("utf-8") == "# mine\n"
    assert run_cli("mapping", "init", path, "-o", out, "--force").exit_code == 0
    assert out.read_text("utf-8").startswith("# Column mapping: which header of forms.xlsx")
    before = path.read_bytes()
    res = run_cli("mapping", "init", path, "-o", path, "--force")
    assert res.exit_code == 2 and "det är en indatafil" in res.stderr
    assert path.read_bytes() == before


def test_sure_matches_are_not_marked_and_a_reworded_question_is_a_guess(tmp_path):
    model = mognad.get_model("dimios")
    texts = {sid: model.statement(sid).text for sid in IDS}
    frame = pd.DataFrame({"Förvaltning": ["Soc", "KLF", "Soc"]})
    for sid in IDS:
        if sid != "a34":
            frame[texts[sid]] = [3, 4, 5]
    reworded = texts["a34"].replace("Föråldrade", "Gamla").rstrip(".")
    frame[reworded] = [2, 2, 3]
    frame["Kommentar"] = ["bra", "", "ok"]
    path = tmp_path / "svar.csv"
    frame.to_csv(path, index=False, sep=";")
    suggestion = mognad.suggest_mapping(path, "dimios")
    by_header = {line.header: line for line in suggestion.lines}
    assert by_header[texts["f11"]].statement == "f11" and by_header[texts["f11"]].sure
    guess = by_header[reworded]
    assert (guess.statement, guess.sure) == ("a34", False)
    assert guess.why.startswith("the text resembles a34: Föråldrade system avvecklas")
    assert by_header["Kommentar"].statement is None and by_header["Kommentar"].sure
    assert suggestion.unmapped == []
    assert [line.header for line in suggestion.guesses] == [reworded]
