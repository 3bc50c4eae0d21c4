"""Answers as survey tools export them (mognad_core/answers.py): numbers, the model's labels in
Swedish and English, "4 - label" and its kin, the user's own wordings (--answers), texts that
mean no value, and percentages. Every file is written as the tool writes it and read back."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import TINY
from openpyxl import Workbook

import mognad_core as mognad
from mognad_core.answers import BLANK_TEXTS, answer_key
from mognad_core.readers.excel import ExcelReader
from mognad_core.texts import words

#: The exports below were answered on the five labelled steps of dimios 1.0, so they are read
#: with the registered 1–5 variant (plugins/dimios/README.md §3.1); the model dimios has six.
MODEL = "dimios-5"
SV = {1: "Stämmer inte alls", 2: "Stämmer dåligt", 3: "Stämmer delvis", 4: "Stämmer ganska bra"}
SV[5] = "Stämmer helt"
EN = {1: "Does not apply at all", 2: "Applies poorly", 3: "Partly applies"}
EN |= {4: "Applies fairly well", 5: "Fully applies"}


def texts(ids: list[str]) -> dict[str, str]:
    model = mognad.get_model("dimios")
    return {sid: model.statement(sid).text for sid in ids}


def workbook(path: Path, rows: list[list], sheet: str = "Blad1", setup=None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    if setup:
        setup(ws)
    wb.save(path)
    return path


def scored(path: Path, **kwargs) -> mognad.ScoreResult:
    return mognad.score(path, MODEL, min_size=1, **kwargs)


def assert_means(result: mognad.ScoreResult, ex) -> None:
    for sid, mean in ex.means.items():
        assert result.statements[sid].mean == pytest.approx(mean, abs=1e-12), sid
        assert result.statements[sid].n == 6


# ---- the model's labels ---------------------------------------------------------------------
def test_microsoft_forms_export_answers_as_the_models_swedish_labels(tmp_path, export_answers):
    """Forms writes ID, times, e-mail and name, then one column per question with the chosen
    option's text."""
    ex = export_answers
    head = ["ID", "Starttid", "Slutförandetid", "E-post", "Namn", *texts(ex.ids).values()]
    rows = [
        [i + 1, "2025-03-03 09:12:44", "2025-03-03 09:15:02", "anonymous", ""]
        + [SV[a] for a in answers]
        for i, answers in enumerate(ex.answers)
    ]
    rows[2][5] = "  stämmer   DELVIS "  # typed by hand later: any case and spacing
    result = scored(workbook(tmp_path / "Digital mognad(1-6).xlsx", [head, *rows]))
    assert_means(result, ex)
    assert result.n_respondents == 6


def test_english_labels_and_a_trailing_full_stop(tmp_path, export_answers):
    ex = export_answers
    head = ex.ids
    rows = [
        [EN[a] + ("." if j == 0 else "") for j, a in enumerate(answers)] for answers in ex.answers
    ]
    path = tmp_path / "forms_en.csv"
    pd.DataFrame(rows, columns=head).to_csv(path, index=False)
    assert_means(scored(path), ex)


@pytest.mark.parametrize(
    ("style", "tool"),
    [
        ("{n} - {label}", "Google Forms multiple choice"),
        ("{n} – {label}", "Netigate, an en dash"),
        ("{n}. {label}", "Artologik Survey & Report"),
        ("{n} ({label})", "Esmaker"),
    ],
)
def test_number_and_label_in_one_cell(tmp_path, style, tool, export_answers):
    ex = export_answers
    rows = [[style.format(n=a, label=SV[a]) for a in answers] for answers in ex.answers]
    path = workbook(tmp_path / f"{tool}.xlsx", [ex.ids, *rows])
    assert_means(scored(path), ex)


def test_a_number_that_disagrees_with_its_label_is_refused(tmp_path, run_cli, export_answers):
    ex = export_answers
    rows = [[f"{a} - {SV[a]}" for a in answers] for answers in ex.answers]
    rows[3][1] = "4 - Stämmer helt"
    path = workbook(tmp_path / "export.xlsx", [ex.ids, *rows])
    res = run_cli("score", path, "--model", MODEL, "--min-size", "1", "--lang", "en")
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr.strip() == (
        'Error: export.xlsx, sheet "Blad1", row 5, column B ("f12"): "4 - Stämmer helt" is not a '
        'valid answer: the number 4 and the label "Stämmer helt" (5) disagree. Expected a whole '
        "number from 1 to 5 or one of the answer labels ("
        + ", ".join(f'"{t}" = {n}' for n, t in SV.items())
        + ", "
        + ", ".join(f'"{t}" = {n}' for n, t in EN.items())
        + '), "vet ej", "vet inte" or a blank cell; other wordings can be given a number with an '
        "answers file (--answers FILE)."
    )


def test_an_unknown_label_lists_the_accepted_ones(tmp_path, run_cli, export_answers):
    ex = export_answers
    rows = [[SV[a] for a in answers] for answers in ex.answers]
    rows[0][2] = "Instämmer delvis"
    path = workbook(tmp_path / "export.xlsx", [ex.ids, *rows])
    res = run_cli("score", path, "--model", MODEL, "--min-size", "1", "--lang", "en")
    message = res.stderr.strip()
    assert message.startswith(
        'Error: export.xlsx, sheet "Blad1", row 2, column C ("f13"): "Instämmer delvis" is not a '
        'valid answer. Expected a whole number from 1 to 5 or one of the answer labels ("Stämmer '
        'inte alls" = 1, "Stämmer dåligt" = 2,'
    )
    assert '"Fully applies" = 5), "vet ej"' in message


def test_the_tiny_models_labels_and_a_numbered_dont_know(tmp_path):
    """A model with labels for two steps only; "9 - Vet ej" is the tool's code for don't know."""
    frame = pd.DataFrame(
        {
            "a1": ["5 - Helt", "1 (Inte alls)", "Helt", "3"],
            "b1": ["9 - Vet ej", "inte alls.", "2", "5. helt"],
        }
    )
    path = tmp_path / "svar.csv"
    frame.to_csv(path, index=False, sep=";")
    result = mognad.score(path, TINY, min_size=1)
    assert result.statements["a1"].mean == pytest.approx((5 + 1 + 5 + 3) / 4)
    assert result.statements["b1"].mean == pytest.approx((1 + 2 + 5) / 3)
    assert result.statements["b1"].dont_know == 1


def test_a_model_without_labels_reads_the_number_with_a_note(tmp_path):
    model = mognad.model_from_dict(
        {
            "name": "utan",
            "title": "Utan etiketter",
            "dimensions": [
                {"id": "d", "label": "D", "statements": [{"id": "s1", "text": "Ett"}]},
            ],
        }
    )
    frame = pd.DataFrame({"s1": ["4 - Ganska bra", "2 - Dåligt", "4 - Ganska bra", 5]})
    rs = mognad.prepare(frame, model)
    np.testing.assert_array_equal(rs.values[:, 0], [4, 2, 4, 5])
    assert words(rs.notes, "en")[-1] == (
        'Answers such as "4 - Ganska bra", "2 - Dåligt" were read by their number: model "utan" '
        "has no answer labels to check the text against."
    )


# ---- the user's wordings and the model's answer_labels ------------------------------------
OWN = {  # a municipality's own wording of the scale
    "Instämmer inte alls": 1,
    "Instämmer till liten del": 2,
    "Instämmer delvis": 3,
    "Instämmer till stor del": 4,
    "Instämmer helt": 5,
}


def own_wording_file(tmp_path: Path, ex) -> Path:
    by_number = {v: k for k, v in OWN.items()}
    rows = [[by_number[a] for a in answers] for answers in ex.answers]
    rows[5][3] = "Ingen uppfattning"
    return workbook(tmp_path / "netigate.xlsx", [ex.ids, *rows], sheet="Data")


@pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv"])
def test_an_answers_file_gives_other_wordings_a_number(tmp_path, run_cli, suffix, export_answers):
    ex = export_answers
    path = own_wording_file(tmp_path, ex)
    wordings = {**OWN, "Ingen uppfattning": "vet ej"}
    answers = tmp_path / f"svar{suffix}"
    if suffix == ".yaml":
        answers.write_text("".join(f"{k}: {v}\n" for k, v in wordings.items()), "utf-8")
    elif suffix == ".json":
        answers.write_text(json.dumps(wordings, ensure_ascii=False), "utf-8")
    else:
        pd.DataFrame({"svar": list(wordings), "värde": list(wordings.values())}).to_csv(
            answers, index=False, sep=";"
        )
    res = run_cli("score", path, "-m", MODEL, "--answers", answers, "--min-size", "1", "-f", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["statements"]["f14"]["mean"] == pytest.approx(14 / 5)
    assert data["statements"]["f14"]["dont_know"] == 1
    for sid in ("f11", "f12", "f13"):
        assert data["statements"][sid]["mean"] == pytest.approx(ex.means[sid])
    # the same through the Python API
    result = scored(path, answers=answers)
    assert result.statements["f14"].dont_know == 1
    # without it: refused, naming the first unknown wording
    res = run_cli("score", path, "-m", MODEL, "--min-size", "1", "--lang", "en")
    assert res.exit_code == 2
    assert 'row 2, column A ("f11"): "Instämmer helt" is not a valid answer.' in res.stderr


def test_every_command_that_reads_responses_takes_answers_and_duplicates():
    from mognad_core.cli import _load_commands, cli

    _load_commands()

    def walk(group, prefix=()):
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                yield from walk(command, (*prefix, name))
            else:
                yield (*prefix, name), command

    reading = 0
    for path, command in walk(cli):
        options = {o for p in command.params for o in p.opts}
        if "--mapping" in options:
            reading += 1
            assert {"--answers", "--duplicates"} <= options, path
    assert reading >= 10  # score, gap, priorities, compare, groups, ..., dimios, dmm


def test_answers_on_another_command(tmp_path, run_cli, export_answers):
    ex = export_answers
    path = own_wording_file(tmp_path, ex)
    answers = tmp_path / "svar.yaml"
    answers.write_text(
        "".join(f"{k}: {v}\n" for k, v in OWN.items()) + "Ingen uppfattning: vet ej\n"
    )
    res = run_cli("reliability", path, "-m", MODEL, "--answers", answers, "--min-size", "1")
    assert res.exit_code == 0, res.stderr
    # and the rules end with the command: a later call in the same process does not see them
    with pytest.raises(mognad.InputError, match="Instämmer helt"):
        scored(path)


def test_answers_file_mistakes_are_located(tmp_path, run_cli, export_answers):
    ex = export_answers
    path = own_wording_file(tmp_path, ex)
    answers = tmp_path / "svar.yaml"
    answers.write_text("Instämmer helt: 7\n", "utf-8")
    res = run_cli("score", path, "-m", MODEL, "--answers", answers, "--lang", "en")
    assert res.stderr.strip() == (
        'Error: svar.yaml: the answers file gives "Instämmer helt" the meaning 7, which is not an '
        'answer. Expected each wording given a number from 1 to 5, "vet ej" or nothing (a blank '
        "answer)."
    )
    res = run_cli("score", path, "-m", MODEL, "--answers", tmp_path / "saknas.yaml", "--lang", "en")
    assert res.stderr.strip() == (
        "Error: saknas.yaml: answers file not found. Expected the path of a .yaml, .json or .csv "
        "file."
    )


def test_a_model_may_declare_more_answer_labels(tmp_path, export_answers):
    ex = export_answers
    data = mognad.dump_model(mognad.get_model("dimios"), "json")
    model = json.loads(data)
    model["name"] = "dimios_egen"
    model["scale"]["answer_labels"] = {**OWN, "Ingen uppfattning": "vet ej", "Ej aktuellt": None}
    m = mognad.model_from_dict(model)
    path = own_wording_file(tmp_path, ex)
    result = mognad.score(path, m, min_size=1)
    assert result.statements["f14"].dont_know == 1
    assert result.statements["f11"].mean == pytest.approx(ex.means["f11"])
    assert answer_key(m.scale).classify("ej  aktuellt")[2] == 2  # BLANK_TEXT: no answer


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        (
            {"Helt": 4},
            "scale.answer_labels['Helt'] gives 'Helt' another meaning than scale.labels[5]",
        ),
        ({"Mycket": 6}, "answer_labels['Mycket'] is 6: expected a whole number from 1 to 5"),
        ({"Typ": "kanske"}, "answer_labels['Typ'] is 'kanske': expected a number from 1 to 5"),
    ],
)
def test_answer_labels_are_checked_in_the_model(labels, message):
    with pytest.raises(mognad.ModelError, match="the model definition is not valid") as err:
        mognad.model_from_dict(
            {
                "name": "x",
                "title": "X",
                "scale": {"labels": {1: "Inte alls", 5: "Helt"}, "answer_labels": labels},
                "dimensions": [{"id": "d", "label": "D", "statements": [{"id": "s", "text": "S"}]}],
            }
        )
    assert message in str(err.value)


# ---- texts meaning no value, percentages ----------------------------------------------------
def test_texts_meaning_no_value_are_blank_with_a_note(tmp_path, export_answers):
    """A database export (NULL), pandas' str() of a missing value (nan), N/A and dashes."""
    ex = export_answers
    rows = [[str(a) for a in answers] for answers in ex.answers]
    extra = [["NULL", "nan", "N/A", "-"], ["null", "–", "n/a", "NaN"]]
    path = tmp_path / "export.csv"
    pd.DataFrame(rows + extra, columns=ex.ids).to_csv(path, index=False, sep=";")
    rs = mognad.read_responses(path, MODEL)
    assert rs.n == 6  # the two rows have no answer: not respondents
    assert words(rs.notes, "en")[:2] == [
        "2 row(s) without an answer to any statement were not counted as respondents (rows 8 "
        "and 9).",
        '8 statement cell(s) holding "NULL", "nan", "N/A", "-", "null", ... (texts meaning no '
        "value) were read as blank: no answer.",
    ]
    assert_means(scored(path), ex)
    assert set(BLANK_TEXTS) >= {"nan", "null", "n/a", "-"}


def test_a_percentage_typed_as_text_is_refused(tmp_path, run_cli, export_answers):
    ex = export_answers
    rows = [[str(a) for a in answers] for answers in ex.answers]
    rows[1][0] = "100 %"
    path = tmp_path / "export.csv"
    pd.DataFrame(rows, columns=ex.ids).to_csv(path, index=False)
    res = run_cli("score", path, "-m", MODEL, "--lang", "en")
    assert res.stderr.strip() == (
        'Error: export.csv, row 3, column 1 ("f11"): "100 %" is a percentage, not an answer. '
        'Expected a whole number from 1 to 5, "vet ej", "vet inte" or a blank cell.'
    )


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_a_cell_formatted_as_a_percentage_is_refused(
    tmp_path, run_cli, monkeypatch, engine, export_answers
):
    """Excel shows 1 formatted as 0% as "100 %": never the answer 1."""
    ex = export_answers

    def percent(ws):
        ws["B4"].number_format = "0%"  # f12 of the third respondent: 5 is shown as 500 %
        ws["C2"].number_format = '0" %"'  # a quoted % sign is not a percentage format
        ws["D7"].number_format = "0.00%"
        ws["D7"].value = None  # a blank cell with a percent format is still blank

    path = workbook(tmp_path / "export.xlsx", [ex.ids, *ex.answers], setup=percent)
    assert ExcelReader(engine).read(path).percent_cells == [(4, 1), (7, 3)]
    if engine == "openpyxl":  # as where calamine is not installed (xlwings Lite)
        monkeypatch.setattr("mognad_core.readers.excel._calamine", None)
    res = run_cli("score", path, "-m", MODEL, "--lang", "en")
    assert res.stderr.strip() == (
        'Error: export.xlsx, sheet "Blad1", row 4, column B ("f12"): "500 %" (the number 5 in a '
        "cell formatted as a percentage) is a percentage, not an answer. Expected a whole number "
        'from 1 to 5, "vet ej", "vet inte" or a blank cell; if the column holds answers, set its '
        'number format to "General" or "Number".'
    )


# ---- several answers in a cell, ranges, punctuation -----------------------------------------
@pytest.mark.parametrize(
    ("cell", "listed", "tool"),
    [
        (
            "Inte alls;Helt;",
            '"Inte alls", "Helt"',
            "Microsoft Forms, a question with several answers",
        ),
        ("2, 3", '"2", "3"', "Google Forms, a checkbox grid"),
        ("3;Vet ej", '"3", "Vet ej"', "Microsoft Forms, a number and don't know"),
    ],
)
def test_several_answers_in_one_cell_are_refused_naming_them(tmp_path, run_cli, cell, listed, tool):
    path = tmp_path / "export.csv"
    pd.DataFrame({"a1": ["5", cell], "b1": ["1", "2"]}).to_csv(path, index=False, sep=";")
    res = run_cli("score", path, "--model", TINY, "--min-size", "1", "--lang", "en")
    assert res.exit_code == 2, tool
    assert res.stderr.strip() == (
        f'Error: export.csv, row 3, column 1 ("a1"): "{cell}" holds 2 answers in one cell '
        f"({listed}): the question allowed more than one choice. Expected one answer per cell: a "
        'whole number from 1 to 5, "vet ej", "vet inte" or a blank cell.'
    )


def test_a_list_is_never_a_decimal_comma():
    """ "2, 3" on a scale of fractions would have been 2.3: a comma and a space join answers."""
    model = mognad.model_from_dict(
        {
            "name": "brak",
            "title": "Bråk",
            "scale": {"min": 0, "max": 10, "integer": False},
            "dimensions": [{"id": "d", "label": "D", "statements": [{"id": "s", "text": "S"}]}],
        }
    )
    with pytest.raises(mognad.InputError, match=r'"2, 3" holds 2 answers in one cell'):
        mognad.prepare(pd.DataFrame({"s": ["2, 3", "4,5"]}), model)
    rs = mognad.prepare(pd.DataFrame({"s": ["2,3", "4,5"]}), model)
    np.testing.assert_array_equal(rs.values[:, 0], [2.3, 4.5])


def test_one_choice_with_forms_separator_and_dont_know_with_a_full_stop(tmp_path):
    """Forms writes a question allowing several answers with a ";" after each choice: "4;" is
    the one answer 4, like "Helt;". "Vet ej." is don't know, as "Helt." is Helt."""
    path = tmp_path / "forms.csv"
    frame = pd.DataFrame({"a1": ["4;", "Helt;", "Vet ej.", "2"], "b1": ["VET EJ .", "1", "3", "4"]})
    frame.to_csv(path, index=False, sep=";")
    result = mognad.score(path, TINY, min_size=1)
    assert result.statements["a1"].mean == pytest.approx((4 + 5 + 2) / 3)
    assert result.statements["a1"].dont_know == 1
    assert result.statements["b1"].dont_know == 1


@pytest.mark.parametrize("cell", ["1-5", "1 - 5", "4 (5)"])
def test_a_range_is_not_a_number_with_a_label(tmp_path, run_cli, cell):
    """A key row under the headers ("1-5": the scale) was read as the number 1 with the label
    "5" and refused for an unknown label; it is not an answer at all."""
    path = tmp_path / "handgjord.csv"
    pd.DataFrame({"a1": [cell, "3"], "b1": [cell, "2"]}).to_csv(path, index=False, sep=";")
    res = run_cli("score", path, "--model", TINY, "--min-size", "1", "--lang", "en")
    assert res.stderr.strip().splitlines()[-1] == (
        f'Error: handgjord.csv, row 2, column 1 ("a1"): "{cell}" is not a valid answer. Expected '
        'a whole number from 1 to 5, "vet ej", "vet inte" or a blank cell. 1 more cell(s) have the '
        'same problem (row 2 column 2 ("b1")).'
    )


def test_an_answers_entry_whose_wording_is_a_number_is_refused_unless_it_changes_nothing():
    """A cell that reads as a number is that number, so an answers entry giving the wording "3"
    another meaning would never be used: it was accepted without a word and the cells were
    read as 3. It is refused, saying why, in both languages; "3" meaning 3, and a number that
    the model already counts as don't know, change nothing and pass."""
    model = mognad.load_model(TINY)
    frame = pd.DataFrame({"a1": [1, "3"]})
    for entry, shown in (({"3": 4}, "4"), ({"9": "vet ej"}, '"vet ej"'), ({"0": None}, "null")):
        with pytest.raises(mognad.InputError) as err:
            mognad.prepare(frame, model, answers=entry)
        number = next(iter(entry))
        assert err.value.text("en") == (
            f'the answers file gives the number "{number}" the meaning {shown}, but a cell '
            "holding a number is always read as that very number, so the entry is never used. "
            "Expected wordings in words, not numbers (a number meaning don't know belongs in the "
            "model's dont_know list)."
        )
        assert err.value.text("sv") == (
            f'filen med svarsord ger talet "{number}" betydelsen {shown}, men en cell med ett tal '
            "läses alltid som just det talet, så raden används aldrig. Förväntat: svarsord i ord, "
            "inte tal (ett tal som betyder vet ej hör till modellens dont_know-lista)."
        )
    assert mognad.prepare(frame, model, answers={"3": 3}).values[:, 0].tolist() == [1, 3]
    coded = model.model_copy(
        update={"scale": model.scale.model_copy(update={"dont_know": ["vet ej", "9"]})}
    )
    for nine in ("9", "9.0", "9,0"):  # a workbook's answers file gives the number 9 as "9.0"
        rs = mognad.prepare(pd.DataFrame({"a1": [1, 9]}), coded, answers={nine: "vet ej"})
        assert rs.dont_know[:, 0].tolist() == [False, True]
