"""Checklist statements (kind: checklist) in a user's own model file: the general schema feature
(mognad_core/checklists.py), read from real files in both export layouts."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from mognad_core.sample_data import write_csv, write_xlsx

MODEL = """\
name: kryss
title: "Kryssmodell"
scale:
  min: 1
  max: 5
dimensions:
  - id: d
    label: "D"
    statements:
      - id: s1
        text: "Vi har en plan."
      - id: k1
        kind: checklist
        text: "Vilka av dessa lösningar använder ni?"
        short: "Lösningar"
        options:
          - id: moln
            text: "Molntjänster"
          - id: earkiv
            text: "E-arkiv"
            aliases: ["Digitalt arkiv"]
          - id: signering
            text: "Digital underskrift"
          - id: eid
            text: "E-legitimation"
"""


@pytest.fixture
def model_file(tmp_path):
    path = tmp_path / "kryss.yaml"
    path.write_text(MODEL, encoding="utf-8")
    return path


def _score(run_cli, path, model_file, *more):
    done = run_cli("score", path, "--model", model_file, "--format", "json", *more)
    assert done.exit_code == 0, done.stderr
    return json.loads(done.stdout)


def test_one_cell_answers_are_the_share_of_options_chosen(run_cli, model_file, tmp_path):
    frame = pd.DataFrame(
        {
            "s1": [5, 4, 3, 2, 1],
            "Vilka av dessa lösningar använder ni?": [
                "Molntjänster;E-arkiv;",  # 2 of 4, Forms' trailing ";"
                "moln; Digitalt arkiv ;E-legitimation",  # by id and alias, spaces: 3
                "Inget",  # answered, none chosen: 0
                "Molntjänster;Molntjänster",  # chosen twice is chosen once: 1
                4,  # a count: all four
            ],
        }
    )
    got = _score(run_cli, write_xlsx(frame, tmp_path / "svar.xlsx"), model_file)
    # by hand: (2 + 3 + 0 + 1 + 4) / 4 / 5 = 10 / 20 = 0.5
    assert got["statements"]["k1"]["score"] == pytest.approx(0.5, abs=1e-3)
    # s1: mean 3 on 1-5 -> (3 - 1) / 4 = 0.5; d = (0.5 + 0.5) / 2
    assert got["dimensions"]["d"]["score"] == pytest.approx(0.5, abs=1e-3)


def test_a_file_with_only_option_columns_is_read(run_cli, model_file, tmp_path):
    """No column names a statement by itself: the option columns are enough."""
    chosen = [[1, 1, 0, 0], [1, 1, 1, 0], [0, 0, 0, 0], [1, 0, 0, 0], [1, 1, 1, 1]]
    frame = pd.DataFrame(
        [[("x" if c else "") for c in row] for row in chosen],
        columns=[f"Lösningar - {o}" for o in ("moln", "earkiv", "signering", "eid")],
    )
    frame.loc[2] = ["0", "0", "0", "0"]  # explicit "not chosen": an answer of none
    got = _score(run_cli, write_csv(frame, tmp_path / "svar.csv"), model_file)
    assert got["n_respondents"] == 5
    assert got["statements"]["k1"]["score"] == pytest.approx(0.5, abs=1e-3)  # as above
    assert got["statements"]["s1"]["score"] is None  # not in the file


def test_a_row_of_blank_option_cells_is_not_answered(run_cli, model_file, tmp_path):
    frame = pd.DataFrame(
        {
            "s1": [3, 3, 3, 3, 3, 3],
            "k1 [Molntjänster]": ["Molntjänster"] * 5 + [None],
            "k1 [E-arkiv]": [None] * 6,
            "k1 [Digital underskrift]": [None] * 6,
            "k1 [E-legitimation]": [None] * 6,
        }
    )
    got = _score(run_cli, write_xlsx(frame, tmp_path / "svar.xlsx"), model_file)
    assert got["statements"]["k1"]["n"] == 5  # the sixth row skipped the question
    assert got["statements"]["k1"]["score"] == pytest.approx(0.25, abs=1e-3)  # 1 of 4


def test_a_statement_in_both_layouts_and_an_option_twice_are_refused(run_cli, model_file, tmp_path):
    both = pd.DataFrame({"k1": ["E-arkiv"], "k1 [E-arkiv]": [1]})
    done = run_cli("score", write_csv(both, tmp_path / "b.csv"), "--model", model_file)
    assert done.exit_code == 2
    assert 'b.csv, rad 1, kolumn 2 ("k1 [E-arkiv]")' in done.stderr
    assert "inte båda" in done.stderr
    twice = pd.DataFrame({"k1 [E-arkiv]": [1], "k1 [Digitalt arkiv]": [1]})
    done = run_cli(
        "score", write_csv(twice, tmp_path / "t.csv"), "--model", model_file, "--lang", "en"
    )
    assert done.exit_code == 2
    assert 't.csv, row 1, column 2 ("k1 [Digitalt arkiv]"): this column and the column ' in (
        done.stderr
    )
    assert 'both hold option "earkiv" of checklist question "k1"' in done.stderr


def test_a_count_above_the_number_of_options_is_a_located_error(run_cli, model_file, tmp_path):
    frame = pd.DataFrame({"s1": [3, 3], "k1": ["E-arkiv", 5]})
    done = run_cli(
        "score", write_xlsx(frame, tmp_path / "svar.xlsx"), "--model", model_file, "--lang", "en"
    )
    assert done.exit_code == 2
    assert 'svar.xlsx, sheet "Svar", row 3, column B ("k1"): 5 is not a number of options ' in (
        done.stderr
    )
    assert "(the question has 4 options)" in done.stderr


def test_a_count_with_forms_trailing_separator_is_a_count(run_cli, model_file, tmp_path):
    """Microsoft Forms ends a cell's choices with ";": "2;" is two options chosen, as "2" is."""
    frame = pd.DataFrame({"s1": [3] * 5, "k1": ["2;", "2", "E-arkiv;Molntjänster;", 2, "2;"]})
    done = run_cli(
        "score",
        write_csv(frame, tmp_path / "svar.csv"),
        "--model",
        model_file,
        "--format",
        "json",
        "--min-size",
        "1",
    )
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout)["statements"]["k1"]["score"] == pytest.approx(0.5, abs=1e-3)


def test_made_up_responses_hold_counts_a_checklist_reads(model_file):
    """make_responses (what mognad plugin check scores when a model has no sample) draws a
    checklist's answer as the number of options chosen, 0 to 4 here, never a scale value."""
    import mognad_core as mognad

    frame = mognad.make_responses(str(model_file), n=60, seed=3, dont_know=0, blanks=0)
    assert set(frame["k1"]) <= {0, 1, 2, 3, 4} and len(set(frame["k1"])) > 2
    rs = mognad.ResponseSet.from_any(frame, str(model_file))
    assert (rs.values[:, 1] == 1 + 4 * frame["k1"].to_numpy() / 4).all()  # 1 + (5-1) * c / 4


def test_option_columns_with_other_headers_are_mapped_and_mapping_init_writes_them(
    run_cli, model_file, tmp_path
):
    """Qualtrics names a checklist's columns Q2_1, Q2_2 ...: a mapping line "Q2_1": "k1 [moln]"
    (option by id, text or alias) makes each an option's column; mognad mapping init writes
    such lines for the option headers it knows."""
    frame = pd.DataFrame(
        {
            "Q1": [5, 4, 3, 2, 1],
            "Q2_1": [1, 1, 0, 1, 1],
            "Q2_2": [1, 1, 0, 0, 1],
            "Q2_3": [0, 1, 0, 0, 1],
            "Q2_4": [0, 0, 0, 0, 1],
        }
    )
    path = write_csv(frame, tmp_path / "qualtrics.csv")
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        '"Q1": "s1"\n"Q2_1": "k1 [moln]"\n"Q2_2": "k1 [Digitalt arkiv]"\n'
        '"Q2_3": "k1 [Digital underskrift]"\n"Q2_4": "k1 [eid]"\n',
        encoding="utf-8",
    )
    got = _score(run_cli, path, model_file, "--mapping", mapping)
    assert got["statements"]["k1"]["score"] == pytest.approx(0.5, abs=1e-3)  # 10 of 20
    assert got["statements"]["s1"]["score"] == pytest.approx(0.5, abs=1e-3)
    # an option that is not there is refused, naming the mapping's line
    mapping.write_text('"Q1": "s1"\n"Q2_1": "k1 [papper]"\n', encoding="utf-8")
    done = run_cli("score", path, "--model", model_file, "--mapping", mapping, "--lang", "en")
    assert done.exit_code == 2 and "k1 [papper]" in done.stderr
    # mapping init: the option headers it knows, each as its option's line
    headers = write_csv(
        pd.DataFrame({"s1": [3], "k1 [Molntjänster]": [1], "Lösningar: E-arkiv": [0]}),
        tmp_path / "h.csv",
    )
    out = tmp_path / "init.yaml"
    done = run_cli("mapping", "init", headers, "--model", model_file, "-o", out)
    assert done.exit_code == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert '"k1 [Molntjänster]": "k1 [moln]"' in text
    assert '"Lösningar: E-arkiv": "k1 [earkiv]"' in text
    assert 'option "E-arkiv" of checklist question k1' in text


def test_models_show_lists_a_checklists_options_and_yaml_keeps_them(run_cli, model_file, tmp_path):
    done = run_cli("models", "show", model_file, "--lang", "en")
    assert done.exit_code == 0, done.stderr
    lines = done.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "- k1:" in line)
    assert "(checklist, 4 options: the value is the share chosen)" in lines[at]
    assert [line.strip() for line in lines[at + 1 : at + 5]] == [
        "[ ] moln: Molntjänster",
        "[ ] earkiv: E-arkiv",
        "[ ] signering: Digital underskrift",
        "[ ] eid: E-legitimation",
    ]
    dumped = run_cli("models", "show", model_file, "--format", "yaml")
    again = tmp_path / "again.yaml"
    again.write_text(dumped.stdout, encoding="utf-8")
    import mognad_core as mognad

    k1 = mognad.load_model(again).statement("k1")
    assert k1.kind == "checklist" and [o.id for o in k1.options][-1] == "eid"
