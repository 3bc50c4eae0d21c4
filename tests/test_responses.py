"""Matching headers to statements and turning cells into answers."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import TINY
from openpyxl import Workbook

import mognad_core as mognad
from mognad_core.responses import code_column, match_header
from mognad_core.texts import words


def test_headers_by_id_text_alias_and_numbering(tiny_model):
    frame = pd.DataFrame(
        {
            " A1 ": [5],  # id, any case and spacing
            "we have a plan": [4],  # English text without the full stop
            "3. Planen  saknas ofta": [2],  # numbered question text
            "Fråga 3": [3],  # alias of b1
            "roll": ["Chef"],
        }
    )
    frame = frame.rename(columns={"we have a plan": "WE HAVE A PLAN."})
    frame = frame.drop(columns=[" A1 "])
    rs = mognad.prepare(frame, tiny_model)
    assert rs.columns == {"a1": "WE HAVE A PLAN.", "a2": "3. Planen  saknas ofta", "b1": "Fråga 3"}
    assert rs.attribute_columns == ["roll"]
    assert rs.missing_statements == ["b3", "b2"]
    assert any("b3, b2" in note for note in words(rs.notes, "en"))


def test_match_header_does_not_guess(tiny_model):
    from mognad_core.responses import _header_lookup

    lookup = _header_lookup(tiny_model)
    assert match_header("a1", lookup) == "a1"
    assert match_header("a", lookup) is None
    assert match_header("Vi har en plan och mer", lookup) is None


def test_mapping_file(tmp_path, tiny_model):
    mapping = tmp_path / "rubriker.yaml"
    mapping.write_text("Fråga ett: a1\nFråga två: a2\n", encoding="utf-8")
    frame = pd.DataFrame({"Fråga ett": [5, 4], "Fråga två": [1, 1]})
    rs = mognad.prepare(frame, tiny_model, mapping=mognad.load_mapping(mapping))
    assert rs.columns == {"a1": "Fråga ett", "a2": "Fråga två"}
    result = mognad.score(frame, tiny_model, mapping=mapping, min_size=1)
    assert result.statements["a1"].mean == pytest.approx(4.5)


def test_mapping_to_unknown_statement_is_an_error(tiny_model):
    with pytest.raises(mognad.InputError, match='sends "x" to "zz", which is not a statement'):
        mognad.prepare(pd.DataFrame({"x": [1]}), tiny_model, mapping={"x": "zz"})


def test_code_column_kinds(tiny_model):
    col = pd.Series([1.0, "2", " 3 ", "4,0", "VET EJ", "vet  inte", None, "", np.nan], dtype=object)
    coded = code_column(col, tiny_model.scale)
    np.testing.assert_array_equal(coded.values[:4], [1, 2, 3, 4])
    assert coded.dont_know.tolist() == [False] * 4 + [True, True] + [False] * 3
    assert np.isnan(coded.values[4:]).all()
    assert coded.bad.size == 0


def test_code_column_flags_bad_cells(tiny_model):
    col = pd.Series([1, 6, 2.5, True, "x", 0], dtype=object)
    assert code_column(col, tiny_model.scale).bad.tolist() == [1, 2, 3, 4, 5]
    numeric = pd.Series([1.0, 5.0, 5.5, -1.0, np.inf])
    assert code_column(numeric, tiny_model.scale).bad.tolist() == [2, 3, 4]


def test_non_integer_scale_accepts_half_steps():
    model = mognad.model_from_dict(
        {
            "name": "halv",
            "title": "H",
            "scale": {"min": 0, "max": 10, "integer": False},
            "dimensions": [{"id": "d", "label": "D", "statements": [{"id": "s", "text": "S"}]}],
        }
    )
    assert (
        mognad.score(pd.DataFrame({"s": [2.5, 7.5]}), model, min_size=1).statements["s"].score
        == 0.5
    )


def test_to_frame_round_trip(tiny_model, tiny_frame):
    rs = mognad.prepare(tiny_frame, tiny_model)
    again = mognad.prepare(rs.to_frame(), tiny_model)
    np.testing.assert_array_equal(rs.values, again.values)
    np.testing.assert_array_equal(rs.dont_know, again.dont_know)


def test_subset_scores_a_group(tiny_model, tiny_frame):
    rs = mognad.prepare(tiny_frame, tiny_model)
    soc = rs.subset(rs.attributes["förvaltning"] == "Soc")
    assert soc.n == 2
    assert mognad.score_responses(soc, min_size=1).statements["a1"].mean == pytest.approx(4.5)


# ---- who is a respondent -------------------------------------------------------------------
def _workbook(path: Path, rows: list[list], sheet: str = "Rapport") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _means_of(result: mognad.ScoreResult, ids: list[str]) -> dict[str, float]:
    return {sid: result.statements[sid].mean for sid in ids}


def test_artologik_report_sheet_footnote_key_and_mean_rows_are_not_respondents(
    tmp_path, run_cli, export_answers
):
    """Artologik Survey & Report: a title, the answers, an empty row, a "Medel" row of rounded
    means, the scale's key and a source line. Only the six answer rows are respondents."""
    ex = export_answers
    offices = ["Soc", "KLF", "Soc", "KLF", "Soc", "KLF"]
    means = [round(sum(col) / 6) for col in zip(*ex.answers, strict=True)]
    rows = [
        ["Digital mognad 2025 – alla svar"],
        ["Förvaltning", *ex.ids],
        *[[o, *a] for o, a in zip(offices, ex.answers, strict=True)],
        [],
        ["Medel", *means],
        ["1 = Stämmer inte alls … 5 = Stämmer helt"],
        ["Källa: Artologik Survey&Report, 2025-03-04"],
    ]
    path = _workbook(tmp_path / "artologik.xlsx", rows)
    res = run_cli("score", path, "-m", "dimios", "--min-size", "1", "-f", "json", "--lang", "en")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["n_respondents"] == 6
    for sid, mean in ex.means.items():
        assert data["statements"][sid]["mean"] == pytest.approx(mean, abs=1e-12)
    notes = [line for line in res.stderr.splitlines() if line.startswith("Note: ")]
    assert notes[:3] == [
        'Note: Row 1 of sheet "Rapport", above the header row (row 2), was read as a title and '
        'skipped: "Digital mognad 2025 – alla svar".',
        "Note: 2 row(s) without an answer to any statement were not counted as respondents (rows "
        "11 and 12).",
        'Note: 1 summary row(s) were not scored (row 10: "Medel" in column A ("Förvaltning")).',
    ]
    # no "(saknas)" group from the key and source rows
    rs = mognad.read_responses(path, "dimios")
    assert sorted(set(rs.attributes["Förvaltning"])) == ["KLF", "Soc"]
    np.testing.assert_array_equal(rs.row_numbers, [3, 4, 5, 6, 7, 8])


@pytest.mark.parametrize("word", ["Totalt", "summa:", "Genomsnitt", "Average", "TOTAL", "Mean"])
def test_summary_words_mark_a_row_that_is_never_scored(word, export_answers):
    ex = export_answers
    frame = pd.DataFrame([[f"R{i}", *a] for i, a in enumerate(ex.answers)] + [[word, 3, 3, 3, 3]])
    frame.columns = ["enhet", *ex.ids]
    rs = mognad.prepare(frame, mognad.get_model("dimios"))
    assert rs.n == 6
    assert (
        words(rs.notes, "en")[0]
        == f'1 summary row(s) were not scored (row 8: "{word}" in column A ("enhet")).'
    )


def test_a_row_of_means_rounded_to_one_decimal_is_not_a_respondent(tmp_path, export_answers):
    """A Google Sheets export where someone added =AVERAGE() under each column, shown with one
    decimal, and no label."""
    ex = export_answers
    means = [round(sum(col) / 6, 1) for col in zip(*ex.answers, strict=True)]  # 3.2 3.2 3.0 2.8
    rows = [[str(a) for a in answers] for answers in ex.answers]
    rows.append([f"{m:.1f}".replace(".", ",") for m in means])
    path = tmp_path / "google.csv"
    pd.DataFrame(rows, columns=ex.ids).to_csv(path, index=False, sep=";")
    result = mognad.score(path, "dimios", min_size=1, lang="en")
    assert _means_of(result, ex.ids) == pytest.approx(ex.means, abs=1e-12)
    assert result.n_respondents == 6
    assert result.notes[0] == (
        "Row 8 was not scored: its statement cells are the means of the other rows rounded to 1 "
        "decimal(s) (a summary row, not a respondent)."
    )


def test_a_half_step_that_is_not_a_mean_is_still_refused(tmp_path, export_answers):
    ex = export_answers
    rows = [list(a) for a in ex.answers] + [[3.5, 2, 2, 2]]
    frame = pd.DataFrame(rows, columns=ex.ids)
    with pytest.raises(mognad.InputError) as err:
        mognad.prepare(frame, mognad.get_model("dimios"))
    assert str(err.value) == (
        'row 8, column A ("f11"): 3.5 is not a valid answer. Expected a whole number from 1 to 5, '
        '"vet ej", "vet inte" or a blank cell.'
    )


# ---- the same respondent twice ---------------------------------------------------------------
def _surveymonkey(tmp_path: Path, ex) -> Path:
    """SurveyMonkey's "Respondent ID" and "Collector ID"; respondent 1002 sent the form twice."""
    ids = [1001, 1002, 1003, 1002, 1004, 1005, 1006]
    answers = [*ex.answers[:3], [1, 1, 1, 1], *ex.answers[3:]]
    rows = [
        [rid, 4411, "2025-03-03", *a] for rid, a in zip(ids, answers, strict=True)
    ]  # the repeat is row 5
    return _workbook(
        tmp_path / "surveymonkey.xlsx",
        [["Respondent ID", "Collector ID", "Start Date", *ex.ids], *rows],
        sheet="Sheet",
    )


def test_a_repeated_respondent_id_is_refused_with_its_rows(tmp_path, run_cli, export_answers):
    path = _surveymonkey(tmp_path, export_answers)
    res = run_cli("score", path, "-m", "dimios", "--min-size", "1", "--lang", "en")
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr.strip() == (
        'Error: surveymonkey.xlsx, sheet "Sheet", column A ("Respondent ID"): 1 respondent id(s) '
        'appear in more than one row: "1002" in rows 3 and 5. Expected each respondent once: '
        "delete the repeated rows, or choose which answer counts with --duplicates keep-first or "
        "--duplicates keep-last (duplicates= in Python)."
    )


def test_duplicates_keep_first_or_last(tmp_path, run_cli, export_answers):
    ex = export_answers
    path = _surveymonkey(tmp_path, ex)
    res = run_cli(
        "score",
        path,
        "-m",
        "dimios",
        "--duplicates",
        "keep-first",
        "--min-size",
        "1",
        "-f",
        "json",
        "--lang",
        "en",
    )
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["n_respondents"] == 6
    assert {s: data["statements"][s]["mean"] for s in ex.ids} == pytest.approx(ex.means)
    assert (
        'Note: 1 row(s) repeat a respondent id of column "Respondent ID" and were not scored; the '
        "first row of each id was kept (--duplicates keep-first): row 5." in res.stderr
    )
    last = mognad.score(path, "dimios", duplicates="keep-last", min_size=1)
    second = ex.answers[1]  # replaced by the later answers 1, 1, 1, 1
    assert last.statements["f11"].mean == pytest.approx((19 - second[0] + 1) / 6)
    rs = mognad.read_responses(path, "dimios", duplicates="keep-last")
    assert rs.attributes["Respondent ID"].tolist() == [1001, 1003, 1002, 1004, 1005, 1006]
    with pytest.raises(mognad.MognadError, match="duplicates='keep-both': expected one of"):
        mognad.read_responses(path, "dimios", duplicates="keep-both")


# ---- numbered columns ------------------------------------------------------------------------
def _numbered_export(tmp_path: Path, numbers: range, background: int = 2) -> Path:
    """A hand-made sheet: "Fråga 1" ... with the background questions first."""
    model = mognad.get_model("dimios")
    rng = np.random.default_rng(11)
    answers = rng.integers(1, 6, size=(8, len(model.statement_ids)))
    rows = [
        [["Soc", "KLF"][i % 2], ["Chef", "Medarbetare"][i % 2]][:background] + list(map(int, a))
        for i, a in enumerate(answers)
    ]
    header = [f"Fråga {n}" for n in numbers]
    path = _workbook(tmp_path / "handgjord.xlsx", [header, *rows], sheet="Svar")
    pd.DataFrame(answers, columns=model.statement_ids).to_csv(tmp_path / "facit.csv", index=False)
    return path


def test_numbered_columns_that_do_not_match_the_statements_one_to_one_are_refused(
    tmp_path, run_cli
):
    path = _numbered_export(tmp_path, range(1, 27))
    res = run_cli("score", path, "-m", "dimios", "--lang", "en")
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr.strip() == (
        'Error: handgjord.xlsx, sheet "Svar", row 1, column A ("Fråga 1"): the 26 numbered '
        'column(s) "Fråga 1" … "Fråga 26" (numbers 1-26) do not correspond one to one with the 24 '
        'statement(s) that model "dimios" numbers "Fråga 1" … "Fråga 24" (numbers 1-24): which '
        "column holds which statement cannot be told from the numbers (some columns may be "
        "background questions, or statements may be left out). Expected a mapping file saying "
        "which header holds which statement (--mapping FILE); `mognad mapping init "
        'handgjord.xlsx --model dimios --sheet "Svar"` writes one from this file\'s headers, with '
        "its guesses marked for you to check."
    )
    # with a mapping: the statements' own columns, the background questions null
    mapping = {"Fråga 1": None, "Fråga 2": None}
    mapping |= {
        f"Fråga {n + 3}": sid for n, sid in enumerate(mognad.get_model("dimios").statement_ids)
    }
    result = mognad.score(path, "dimios", mapping=mapping, min_size=1)
    truth = pd.read_csv(tmp_path / "facit.csv")
    assert {s: result.statements[s].mean for s in truth} == pytest.approx(truth.mean().to_dict())
    assert not any("Not scored" in n for n in result.notes)


def test_numbered_columns_one_to_one_are_matched(tmp_path):
    path = _numbered_export(tmp_path, range(1, 25), background=0)
    result = mognad.score(path, "dimios", min_size=1)
    truth = pd.read_csv(tmp_path / "facit.csv")
    assert {s: result.statements[s].mean for s in truth} == pytest.approx(truth.mean().to_dict())


def test_numbered_columns_offset_by_two_are_refused(tmp_path):
    """24 columns, but numbered 3 to 26: the numbers cannot say which statement each holds."""
    path = _numbered_export(tmp_path, range(3, 27), background=0)
    with pytest.raises(mognad.InputError, match=r"\(numbers 3-26\) do not correspond one to one"):
        mognad.read_responses(path, "dimios")


def test_numbered_background_columns_beside_statements_named_by_id_stay_attributes():
    model = mognad.get_model("dimios")
    frame = pd.DataFrame({"Fråga 1": ["Soc"] * 5, **{sid: [3] * 5 for sid in model.statement_ids}})
    rs = mognad.prepare(frame, model)
    assert rs.attribute_columns == ["Fråga 1"] and len(rs.columns) == 24


def test_google_forms_grid_headers_are_matched_by_their_row_text(tmp_path, export_answers):
    """A Google Forms multiple-choice grid writes one column per row, headed "Title [Row]"; the
    CSV download is UTF-8, comma-separated, a field quoted when it holds a comma."""
    ex = export_answers
    model = mognad.get_model("dimios")
    title = "I vilken grad stämmer följande, för din förvaltning?"
    head = ["Tidstämpel", "Förvaltning"]
    head += [f"{title} [{model.statement(sid).text}]" for sid in ex.ids]
    rows = [["2025-03-03 9:12:44", "Soc", *answers] for answers in ex.answers]
    path = tmp_path / "Digital mognad (svar) - Formulärsvar 1.csv"
    pd.DataFrame(rows, columns=head).to_csv(path, index=False)
    assert f'"{title} [' in path.read_text(encoding="utf-8")  # quoted, as Google writes it
    rs = mognad.read_responses(path, "dimios")
    assert rs.columns == dict(zip(ex.ids, head[2:], strict=True))
    assert rs.attribute_columns == ["Tidstämpel", "Förvaltning"]
    result = mognad.score(path, "dimios", min_size=1)
    assert {s: result.statements[s].mean for s in ex.ids} == pytest.approx(ex.means)


def test_grid_row_and_two_level_question_numbers(tiny_model):
    from mognad_core.responses import _header_lookup

    lookup = _header_lookup(tiny_model)
    assert match_header("1.1 Vi har en plan.", lookup) == "a1"  # Artologik's section.question
    assert match_header("F2.3 Vi mäter nytta", lookup) == "b1"
    assert match_header("Påståenden [2.1 Ingen vet svaret.]", lookup) == "b3"
    assert match_header("Påståenden [a2]", lookup) == "a2"
    # not guessed: a number without a mark or a second level, a grid row that is no statement,
    # a bracket holding a number only
    assert match_header("3 Vi har en plan.", lookup) is None
    assert match_header("Påståenden [Vi har en plan och mer]", lookup) is None
    assert match_header("Fråga [3]", lookup) is None
    assert match_header("F5.1", lookup) is None


def test_a_table_on_its_side_is_refused_with_how_to_turn_it(tmp_path, run_cli):
    """Typed by hand with a statement per row and a respondent per column."""
    texts = ["Vi har en plan.", "Planen saknas ofta.", "Vi mäter nytta."]
    rows = [["Påstående", "Svar 1", "Svar 2"], *[[t, 3, 4] for t in texts]]
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.active.title = "Blad1"
    wb.save(tmp_path / "handgjord.xlsx")
    res = run_cli("score", tmp_path / "handgjord.xlsx", "--model", TINY, "--lang", "en")
    assert res.exit_code == 2
    assert res.stderr.strip() == (
        'Error: handgjord.xlsx, sheet "Blad1", column A ("Påstående"): the statements are in rows, '
        'not in columns: this column names 3 statements ("Vi har en plan.", "Planen saknas '
        'ofta.", ...). Expected one row per respondent and one column per statement, the '
        "statements in the header row: turn the table (copy it, then Paste Special > Transpose)."
    )


def test_a_long_table_of_one_row_per_answer_is_refused_with_a_pivot(tiny_model):
    frame = pd.DataFrame(
        {"respondent": [1, 1, 2, 2], "påstående": ["a1", "b1", "a1", "b1"], "svar": [5, 4, 3, 2]}
    )
    with pytest.raises(mognad.InputError) as err:
        mognad.prepare(frame, tiny_model)
    assert str(err.value) == (
        'column B ("påstående"): the table has a row per answer: this column names the statements '
        '("a1", "b1"), each in several rows. Expected one row per respondent and one column per '
        "statement, the statements in the header row: make a pivot table with the respondents as "
        "rows, the statements as columns and the answers as values."
    )


def test_a_summary_per_statement_is_neither_on_its_side_nor_long(tiny_model):
    """A report's table of means per statement (per förvaltning) names the statements in rows,
    but its figures are not answers: the usual message (is this the right sheet?)."""
    frame = pd.DataFrame(
        {
            "Fråga": ["Vi har en plan.", "Vi mäter nytta.", "Vi har en plan.", "Vi mäter nytta."],
            "Förvaltning": ["Soc", "Soc", "KLF", "KLF"],
            "Medel": [3.5, 2.25, 4.5, 3.75],
        }
    )
    with pytest.raises(mognad.InputError, match="no column matches a statement"):
        mognad.prepare(frame, tiny_model)
    with pytest.raises(mognad.InputError, match="no column matches a statement"):
        mognad.prepare(frame[frame["Förvaltning"] == "Soc"], tiny_model)


def test_a_mean_under_each_groups_rows_is_a_subtotal(export_answers):
    """A hand-made sheet with "Medel Soc" under the Soc rows: a summary word and a group the
    other rows have. A subtotal of whole numbers was counted as a respondent without a word, one
    with halves refused as "4.5 is not a valid answer"; "Totalt sett bra" in a comment is no
    summary."""
    ex = export_answers
    offices = ["Soc", "Soc", "Soc", "KLF", "KLF", "KLF"]
    rows = [[o, "", *a] for o, a in zip(offices, ex.answers, strict=True)]
    rows[4][1] = "Totalt sett bra"
    rows.insert(3, ["Medel Soc", "", 4, 4, 2, 2])  # =AVRUNDA(MEDEL(...); 0): whole numbers
    rows.append(["Medelvärde för KLF", "", 2.33, 2, 4, 4])
    rows.append(["Totalt: Kommunen", "", 3.5, 3, 3, 3])  # no group of that name, no means
    frame = pd.DataFrame(rows, columns=["förvaltning", "kommentar", *ex.ids])
    model = mognad.get_model("dimios")
    with pytest.raises(mognad.InputError, match=r'row 10, column C \("f11"\): 3.5 is not'):
        mognad.prepare(frame, model)
    rs = mognad.prepare(frame.iloc[:-1], model)
    assert rs.n == 6
    assert words(rs.notes, "en")[0] == (
        '2 summary row(s) were not scored (row 5: "Medel Soc" in column A ("förvaltning"); '
        'row 9: "Medelvärde för KLF" in column A ("förvaltning")).'
    )
    assert list(rs.attributes["kommentar"]).count("Totalt sett bra") == 1
