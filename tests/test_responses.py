"""Matching headers to statements and turning cells into answers."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import DIMIOS_2025, TINY, TINY_SIX_ROWS
from openpyxl import Workbook

import mognad_core as mognad
from mognad_core.responses import code_column, match_header
from mognad_core.testing import make_responses
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
        'row 8, column A ("f11"): 3.5 is not a valid answer. Expected a whole number from 1 to 6, '
        '"vet ej", "vet inte" or a blank cell.'
    )


def test_the_blanks_of_a_dataframe_made_in_python_are_blank_cells(tiny_model):
    """pandas marks a blank as NA in a ``string``, ``Int64`` or ``object`` column and as NaT in
    a date column. Each is a blank cell, exactly like None: a blank answer (not the invalid
    answer "<NA>"), a blank respondent id (not a repeated one), and a blank attribute value
    that groups as "(saknas)" (not a group called "<NA>")."""
    header = ["Respondent ID", "förvaltning", "besökt", *TINY_SIX_ROWS[0][1:]]
    rows = [[i, *r[:1], "2025-03-0" + str(i), *r[1:]] for i, r in enumerate(TINY_SIX_ROWS[1:], 1)]
    for r in rows[2:4]:  # respondents 3 and 4: blank id, unit, date, a1, a2 and b1
        r[:6] = [None] * 6
    plain = pd.DataFrame(rows, columns=header)
    col = {h: [r[j] for r in rows] for j, h in enumerate(header)}
    typed = pd.DataFrame(
        {
            "Respondent ID": pd.array(col["Respondent ID"], dtype="Int64"),
            "förvaltning": pd.array(col["förvaltning"], dtype="string"),
            "besökt": pd.to_datetime(col["besökt"]),
            "a1": pd.array([None if v is None else str(v) for v in col["a1"]], dtype="string"),
            "a2": pd.array(col["a2"], dtype="Int64"),
            "b1": pd.Series([pd.NaT if v is None else v for v in col["b1"]], dtype=object),
            "b2": pd.Series(col["b2"], dtype=object),
            "b3": pd.Series([pd.NA if v is None else v for v in col["b3"]], dtype=object),
        }
    )
    assert typed["besökt"].isna().tolist() == [False, False, True, True, False, False]
    got, want = mognad.prepare(typed, tiny_model), mognad.prepare(plain, tiny_model)
    np.testing.assert_array_equal(got.values, want.values)
    np.testing.assert_array_equal(got.dont_know, want.dont_know)
    assert words(got.notes, "en") == words(want.notes, "en")
    blanked = [tiny_model.statement_ids.index(sid) for sid in ("a1", "a2", "b1")]
    assert np.isnan(got.values[2:4, blanked]).all() and not got.dont_know[2:4, blanked].any()

    def shown(rs, by):
        return [(g.name, g.n) for g in mognad.groups(rs, by, min_size=1).groups]

    assert shown(got, "förvaltning") == shown(want, "förvaltning")
    assert shown(got, "förvaltning") == [("KLF", 2), ("Soc", 2), ("(saknas)", 2)]
    assert ("(saknas)", 2) in shown(got, "besökt")


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
def _by_number() -> list[str]:
    """DiMiOS's statements in the order of their running numbers (1-24 as in dimios 1.0, then
    25-30 for the six statements added in 2.0)."""
    model = mognad.get_model("dimios")
    number = {s.id: int(next(a for a in s.aliases if a.isdigit())) for s in model.statements}
    return sorted(model.statement_ids, key=number.get)


def _numbered_export(tmp_path: Path, numbers: range, background: int = 2) -> Path:
    """A hand-made sheet: "Fråga 1" ... with the background questions first, then the
    statements in the order of their numbers."""
    answers = make_responses("dimios", n=8, seed=11, dont_know=0, blanks=0)[_by_number()]
    rows = [
        [["Soc", "KLF"][i % 2], ["Chef", "Medarbetare"][i % 2]][:background] + a
        for i, a in enumerate(answers.to_numpy().tolist())
    ]
    header = [f"Fråga {n}" for n in numbers]
    path = _workbook(tmp_path / "handgjord.xlsx", [header, *rows], sheet="Svar")
    answers.to_csv(tmp_path / "facit.csv", index=False)
    return path


def test_numbered_columns_that_do_not_match_the_statements_one_to_one_are_refused(
    tmp_path, run_cli
):
    path = _numbered_export(tmp_path, range(1, 33))
    res = run_cli("score", path, "-m", "dimios", "--lang", "en")
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr.strip() == (
        'Error: handgjord.xlsx, sheet "Svar", row 1, column A ("Fråga 1"): the 32 numbered '
        'column(s) "Fråga 1" … "Fråga 32" (numbers 1-32) do not correspond one to one with the 30 '
        'statement(s) that model "dimios" numbers "Fråga 1" … "Fråga 30" (numbers 1-30): which '
        "column holds which statement cannot be told from the numbers (some columns may be "
        "background questions, or statements may be left out). Expected a mapping file saying "
        "which header holds which statement (--mapping FILE); `mognad mapping init "
        'handgjord.xlsx --model dimios --sheet "Svar"` writes one from this file\'s headers, with '
        "its guesses marked for you to check."
    )
    # with a mapping: the statements' own columns, the background questions null
    mapping = {"Fråga 1": None, "Fråga 2": None}
    mapping |= {f"Fråga {n + 3}": sid for n, sid in enumerate(_by_number())}
    result = mognad.score(path, "dimios", mapping=mapping, min_size=1)
    truth = pd.read_csv(tmp_path / "facit.csv")
    assert {s: result.statements[s].mean for s in truth} == pytest.approx(truth.mean().to_dict())
    assert not any("Not scored" in n for n in result.notes)


def test_numbered_columns_one_to_one_are_matched(tmp_path):
    path = _numbered_export(tmp_path, range(1, 31), background=0)
    result = mognad.score(path, "dimios", min_size=1)
    truth = pd.read_csv(tmp_path / "facit.csv")
    assert {s: result.statements[s].mean for s in truth} == pytest.approx(truth.mean().to_dict())


def test_numbered_columns_offset_by_two_are_refused(tmp_path):
    """30 columns, but numbered 3 to 32: the numbers cannot say which statement each holds."""
    path = _numbered_export(tmp_path, range(3, 33), background=0)
    with pytest.raises(mognad.InputError, match=r"\(numbers 3-32\) do not correspond one to one"):
        mognad.read_responses(path, "dimios")


def test_numbered_background_columns_beside_statements_named_by_id_stay_attributes():
    model = mognad.get_model("dimios")
    frame = pd.DataFrame({"Fråga 1": ["Soc"] * 5, **{sid: [3] * 5 for sid in model.statement_ids}})
    rs = mognad.prepare(frame, model)
    assert rs.attribute_columns == ["Fråga 1"] and len(rs.columns) == 30


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


# ---- what mutation testing found (docs/quality.md) -------------------------------------------
def _error(frame: pd.DataFrame, model, lang: str = "en", **kwargs) -> str:
    with pytest.raises(mognad.InputError) as caught:
        mognad.prepare(frame, model, **kwargs)
    return caught.value.text(lang)


def test_numbered_columns_are_named_as_ranges_and_one_column_by_itself():
    dimios = mognad.get_model("dimios")
    gap = pd.DataFrame({f"Fråga {n}": [3] for n in (1, 2, 3, 5)})
    assert _error(gap, dimios).startswith(
        'row 1, column A ("Fråga 1"): the 4 numbered column(s) "Fråga 1" … "Fråga 5" '
        "(numbers 1-3, 5) do not correspond one to one with the 30 statement(s) that model "
        '"dimios" numbers "Fråga 1" … "Fråga 30" (numbers 1-30): '
    )
    one = _error(pd.DataFrame({"Fråga 2": [3]}), dimios)
    assert one.startswith(
        'row 1, column A ("Fråga 2"): the 1 numbered column(s) "Fråga 2" (numbers 2) do not '
        'correspond one to one with the 30 statement(s) that model "dimios" numbers '
        '"Fråga 1" … "Fråga 30"'
    )


def test_the_header_lookup_has_the_numbered_aliases(tiny_model):
    from mognad_core.responses import _header_lookup

    lookup = _header_lookup(tiny_model)
    assert lookup["fråga 3"] == "b1"
    assert match_header("Fråga 3", lookup) == "b1"


def test_to_frame_writes_vet_ej_and_leaves_blanks_empty(tiny_model):
    frame = pd.DataFrame({"a1": [5, "vet ej", None], "a2": [1, 2, 3], "roll": ["Chef"] * 3})
    out = mognad.prepare(frame, tiny_model).to_frame()
    assert out["a1"].tolist() == [5.0, "vet ej", None]
    assert out["b1"].tolist() == [None, None, None]
    assert out.columns.tolist() == ["roll", "a1", "a2", "b3", "b1", "b2"]


def test_statements_in_rows_are_looked_for_in_the_first_five_columns_and_1000_rows(tiny_model):
    """Only the start of a table is looked at for statements in rows: the first five columns
    and the first 1,000 rows; past them, the usual "no column matches" error."""
    sixth = pd.DataFrame(
        {**{f"svar {n}": [3, 4] for n in range(1, 6)}, "p": ["Vi har en plan.", "Vi mäter nytta."]}
    )
    assert "no column matches a statement" in _error(sixth, tiny_model)
    fifth = sixth.iloc[:, 1:]
    assert _error(fifth, tiny_model).startswith(
        'column E ("p"): the statements are in rows, not in columns: this column names 2 '
        'statements ("Vi har en plan.", "Vi mäter nytta.")'
    )
    texts = ["Vi har en plan."] * 1000 + ["Vi mäter nytta."]
    late = pd.DataFrame({"p": texts, "svar": [3] * 1001})
    assert "no column matches a statement" in _error(late, tiny_model)
    assert "the table has a row per answer" in _error(late.iloc[998:], tiny_model)


def test_a_subtotal_of_a_group_named_in_several_words(tiny_model):
    rows = [
        ["Barn och utbildning", 4, 4, 2],
        ["Barn och utbildning", 2, 2, 4],
        ["Medel Barn och utbildning", 3, 3, 3],
        ["Soc", 5, 5, 5],
    ]
    rs = mognad.prepare(pd.DataFrame(rows, columns=["förvaltning", "a1", "a2", "b1"]), tiny_model)
    assert rs.n == 3
    assert words(rs.notes, "en")[0] == (
        '1 summary row(s) were not scored (row 4: "Medel Barn och utbildning" in column A '
        '("förvaltning")).'
    )


def test_a_whole_number_is_shown_without_decimals_below_1e15(tiny_model):
    """An id or a phone number typed where an answer belongs is named as typed; from 1e15 on a
    float no longer holds every whole number, and is shown as Python writes it."""
    expected = '. Expected a whole number from 1 to 5, "vet ej", "vet inte" or a blank cell.'
    below = _error(pd.DataFrame({"a1": [3.0, 1e15 - 1]}), tiny_model)
    assert below == 'row 3, column A ("a1"): 999999999999999 is not a valid answer' + expected
    at = _error(pd.DataFrame({"a1": [3.0, 1e15]}), tiny_model, lang="sv")
    assert at.startswith('rad 3, kolumn A ("a1"): 1000000000000000.0 är inte ett giltigt svar.')


@pytest.mark.parametrize(
    ("cell", "en", "sv"),
    [
        (datetime.datetime(2025, 3, 3), "2025-03-03 (a date)", "2025-03-03 (ett datum)"),
        (
            datetime.datetime(2025, 3, 3, 1, 0),
            "2025-03-03 01:00:00 (a date and time)",
            "2025-03-03 01:00:00 (datum och tid)",
        ),
        (datetime.date(2025, 3, 4), "2025-03-04 (a date)", "2025-03-04 (ett datum)"),
        (datetime.time(9, 12), "09:12:00 (a time)", "09:12:00 (en tid)"),
        (datetime.timedelta(hours=2), "2:00:00 (a time)", "2:00:00 (en tid)"),
        (True, "TRUE (a TRUE/FALSE cell)", "TRUE (en cell med sant/falskt)"),
        (np.bool_(False), "FALSE (a TRUE/FALSE cell)", "FALSE (en cell med sant/falskt)"),
    ],
)
def test_a_cell_that_is_no_answer_is_named_as_the_sheet_shows_it(tiny_model, cell, en, sv):
    frame = pd.DataFrame({"a1": [3, cell]}, dtype=object)
    assert _error(frame, tiny_model) == (
        f'row 3, column A ("a1"): {en} is not a valid answer. Expected a whole number from 1 to '
        '5, "vet ej", "vet inte" or a blank cell.'
    )
    assert _error(frame, tiny_model, lang="sv").startswith(
        f'rad 3, kolumn A ("a1"): {sv} är inte ett giltigt svar. '
    )


def test_a_missing_column_is_named_with_the_columns_there_are(tiny_model, tiny_frame):
    from mognad_core.texts import Message

    frame = tiny_frame.assign(roll=["Chef", "Chef", "Medarbetare", "Chef"])
    rs = mognad.prepare(frame, tiny_model)
    listed = 'Expected one of the attribute columns: "förvaltning", "roll".'
    cases = [
        ((), 'there is no column "enhet". ', 'det finns ingen kolumn "enhet". '),
        (
            (Message("error.purpose.group_by"),),
            'there is no column "enhet" to group by. ',
            'det finns ingen kolumn "enhet" att gruppera efter. ',
        ),
    ]
    for purpose, en, sv in cases:
        with pytest.raises(mognad.InputError) as caught:
            rs.column("enhet", *purpose)
        assert caught.value.text("en") == en + listed
        assert caught.value.text().startswith(sv + "Förväntat: en av bakgrundskolumnerna: ")
    with pytest.raises(mognad.InputError) as caught:  # a plugin's own words
        rs.column("enhet", "to split by")
    assert caught.value.text("en") == 'there is no column "enhet" to split by. ' + listed
    bare = mognad.prepare(tiny_frame.drop(columns=["förvaltning"]), tiny_model)
    with pytest.raises(mognad.InputError) as caught:
        bare.column("enhet")
    assert caught.value.text("en").endswith("Expected one of the attribute columns: none.")
    assert rs.column(" ROLL ") == "roll"


def test_subset_takes_a_mask_of_ones_and_zeros_and_keeps_the_selection(tiny_model, tiny_frame):
    rs = mognad.prepare(tiny_frame, tiny_model)
    ones = rs.subset([1, 0, 1, 1])
    assert ones.n == 3 and ones.rows_in_origin().tolist() == [0, 2, 3]
    klf = rs.where(förvaltning="KLF").subset([True, False])
    assert klf.conditions == (("förvaltning", "KLF"),)
    assert klf.n == 1 and klf.rows_in_origin().tolist() == [2]
    # a selection from a cut keeps the cut (the disclosure checks look at what it was cut from)
    cut = rs.subset([True, True, True, False])
    again = cut.where(förvaltning="KLF")
    assert again.cut_from == cut.cut_from and len(again.cut_from) == 1
    assert again.rows_in_origin().tolist() == [2]


def test_a_mapping_to_nothing_is_an_attribute(tmp_path):
    mapping = {"x": float("nan"), "y": "  ", "z": " a1 ", "w": None, "v": 1.1, "u": 3}
    assert mognad.load_mapping(mapping) == {
        "x": None,
        "y": None,
        "z": "a1",
        "w": None,
        "v": "1.1",
        "u": "3",
    }
    table = tmp_path / "rubriker.csv"
    table.write_text("rubrik;påstående\nFråga ett;a1\nKommentar;\nFråga två; a2 \n", "utf-8")
    assert mognad.load_mapping(table) == {"Fråga ett": "a1", "Kommentar": None, "Fråga två": "a2"}


def test_a_missing_column_of_a_file_names_the_file(tmp_path, tiny_frame):
    path = tmp_path / "svar.csv"
    tiny_frame.to_csv(path, sep=";", index=False)
    rs = mognad.read_responses(path, TINY)
    with pytest.raises(mognad.InputError) as caught:
        rs.column("enhet")
    assert caught.value.text("en") == (
        'svar.csv: there is no column "enhet". Expected one of the attribute columns: '
        '"förvaltning".'
    )


def test_a_missing_column_of_a_workbook_names_the_file_and_the_sheet(tmp_path, tiny_frame):
    rows = [list(tiny_frame.columns), *tiny_frame.astype(object).values.tolist()]
    rs = mognad.read_responses(_workbook(tmp_path / "svar.xlsx", rows, sheet="Svar"), TINY)
    with pytest.raises(mognad.InputError) as caught:
        rs.column("enhet")
    assert caught.value.text("en").startswith('svar.xlsx, sheet "Svar": there is no column "enhet"')
    with pytest.raises(mognad.InputError) as caught:
        rs.where(förvaltning="Xyz")
    assert caught.value.text("en").startswith(
        'svar.xlsx, sheet "Svar", column ("förvaltning"): no respondent has "Xyz" in column'
    )


def test_a_selection_keeps_what_the_responses_were_read_with(tmp_path, tiny_frame):
    rows = [list(tiny_frame.columns), *tiny_frame.astype(object).values.tolist()]
    rows[0][5] = "Påstående 25"  # a statement the model does not know
    rs = mognad.read_responses(_workbook(tmp_path / "svar.xlsx", rows, sheet="Svar"), TINY)
    klf = rs.where(förvaltning="KLF")
    assert klf.n == 2 and klf.row_numbers.tolist() == [4, 5]
    assert klf.sheet == "Svar" and klf.source == rs.source
    assert klf.columns == {"a1": "a1", "a2": "a2", "b1": "b1", "b2": "b2"}
    assert klf.missing_statements == ["b3"]
    assert klf.attribute_columns == ["förvaltning", "Påstående 25"]
    assert klf.unmatched_statements == ["Påstående 25"]
    assert klf.notes == rs.notes and len(rs.notes) == 3
    assert list(klf.attributes.columns) == ["förvaltning", "Påstående 25"]
    assert klf.attributes["förvaltning"].tolist() == ["KLF", "KLF"]
    assert klf.attributes.index.tolist() == [0, 1]
    last = klf.subset([False, True])
    assert last.row_numbers.tolist() == [5] and last.rows_in_origin().tolist() == [3]
    assert klf.origin is rs and last.origin is rs
    # a set made in Python, without row numbers: its selections have none either
    made = mognad.ResponseSet(rs.model, rs.values, rs.dont_know, rs.attributes)
    assert made.subset([True, False, True, False]).row_numbers is None


def test_waves_named_by_numbers_come_before_waves_named_by_words(tiny_model, tiny_frame):
    frame = tiny_frame.assign(år=["vår 2025", 2025, 2024.0, "höst 2024"])
    waves = mognad.prepare(frame, tiny_model).waves()
    assert waves.labels == ("2024", "2025", "höst 2024", "vår 2025")
    assert (waves.latest, waves.previous, waves.missing) == ("vår 2025", "höst 2024", 0)


def test_where_without_an_equals_sign_says_how_to_write_it(tiny_model, tiny_frame):
    rs = mognad.prepare(tiny_frame, tiny_model)
    with pytest.raises(mognad.MognadError) as caught:
        rs.where("förvaltning Soc")
    assert caught.value.text("en") == (
        "--where 'förvaltning Soc': write it as COLUMN=VALUE, e.g. år=2025."
    )
    assert caught.value.text() == (
        "--where 'förvaltning Soc': skriv det som KOLUMN=VÄRDE, t.ex. år=2025."
    )


def test_where_splits_at_the_first_equals_sign(tiny_model, tiny_frame):
    rs = mognad.prepare(tiny_frame.assign(grupp=["x=1", "x=1", "y", "x=1"]), tiny_model)
    chosen = rs.where("grupp = x=1")
    assert chosen.rows_in_origin().tolist() == [0, 1, 3]
    assert chosen.conditions == (("grupp", "x=1"),)


def test_a_value_nobody_has_lists_the_values_of_the_whole_files_column(tiny_model, tiny_frame):
    frame = tiny_frame.assign(roll=["Chef", "Chef", "Medarbetare", "Chef"], id=[11, 12, 13, 14])
    rs = mognad.prepare(frame, tiny_model)

    def refused(select) -> tuple[str, str]:
        with pytest.raises(mognad.InputError) as caught:
            select()
        return caught.value.text("en"), caught.value.text()

    assert refused(lambda: rs.where(förvaltning="Xyz")) == (
        'column ("förvaltning"): no respondent has "Xyz" in column "förvaltning". Expected one '
        "of: KLF, Soc.",
        'kolumn ("förvaltning"): ingen svarande har "Xyz" i kolumnen "förvaltning". Förväntat: '
        "något av: KLF, Soc.",
    )
    # in a selection: the values of the whole file, never only those left in it
    en, _ = refused(lambda: rs.where(förvaltning="Soc").where(roll="Medarbetare"))
    assert en.endswith("Expected one of: Chef, Medarbetare.")
    # near-unique values (ids: more than half as many as rows) are not listed
    en, sv = refused(lambda: rs.where(id=15))
    assert en.endswith('in column "id". Expected a value that occurs in the column.')
    assert sv.endswith('i kolumnen "id". Förväntat: ett värde som finns i kolumnen.')
    three = mognad.prepare(frame.assign(roll=["Chef", "A", "B", "Chef"]), tiny_model)
    en, _ = refused(lambda: three.where(roll="C"))
    assert en.endswith("Expected a value that occurs in the column.")
    # two values are listed even in a set of three
    small = mognad.prepare(frame.iloc[:3].assign(roll=["A", "B", "A"]), tiny_model)
    en, _ = refused(lambda: small.where(roll="C"))
    assert en.endswith("Expected one of: A, B.")
    # at most ten, in order
    many = pd.concat([tiny_frame] * 6, ignore_index=True)
    many["enhet"] = [f"e{n:02}" for n in range(1, 12)] * 2 + ["e01", "e02"]
    en, _ = refused(lambda: mognad.prepare(many, tiny_model).where(enhet="e99"))
    assert en.endswith("Expected one of: " + ", ".join(f"e{n:02}" for n in range(1, 11)) + ".")


# ---- what mutation testing found: the survivors that were not equivalent -------------------
def test_a_wave_cell_holding_several_values_is_named_as_it_is():
    """Kills `wave_label` 3, 5 (``ValueError`` no longer suppressed): a cell holding a list or
    an array, which a DataFrame made in Python can have, makes ``pd.isna`` answer per value;
    the cell is then no blank, and its text is its label."""
    from mognad_core.responses import wave_label

    assert wave_label([2024, 2025]) == "[2024, 2025]"
    assert wave_label(np.array([1, 2])) == "[1 2]"
    assert wave_label([None, None]) == "[None, None]"  # not blank: two values, both missing
    assert wave_label(float("nan")) is None and wave_label(2024.0) == "2024"


_PLAN, _NYTTA = "Vi har en plan.", "Vi mäter nytta."


@pytest.mark.parametrize(
    "columns",
    [
        # column A names each statement once, with text beside it: not on its side
        {"p": [_PLAN, _NYTTA, None, None], "q": ["x", None, _PLAN, _NYTTA], "r": [3, 4, 3, 4]},
        # column A names a statement in two rows, with no column of answers beside them: not long
        {
            "p": [_PLAN, _PLAN, _NYTTA, None, None],
            "q": [None, None, None, _PLAN, _NYTTA],
            "r": ["x", "y", "z", 3, 4],
        },
    ],
)
def test_statements_in_rows_are_found_in_a_later_column_after_one_that_does_not_qualify(
    tiny_model, columns
):
    """Kills `_statements_in_rows` 81 (the first table) and 53 (the second): ``continue`` ->
    ``break`` after a column that names statements but has no answers beside them; column B,
    which does, was then never looked at and the message was "no column matches"."""
    assert _error(pd.DataFrame(columns), tiny_model) == (
        'column B ("q"): the statements are in rows, not in columns: this column names 2 '
        'statements ("Vi har en plan.", "Vi mäter nytta."). Expected one row per respondent and '
        "one column per statement, the statements in the header row: turn the table (copy it, "
        "then Paste Special > Transpose)."
    )


# what mutation testing found, the second run
def _scale_variant(name: str, low: int, high: int, *, ids: str = "", integer: bool = True) -> str:
    """The tiny model's file as a model named ``name`` on the scale ``low``-``high`` (its step
    labels dropped), with statement ids ``a1`` ... renamed ``<ids>a1`` ... when ``ids`` is given."""
    text = TINY.read_text(encoding="utf-8").replace("name: tiny", f"name: {name}")
    text = text.replace("  min: 1\n  max: 5\n  labels: {1: Inte alls, 5: Helt}\n", "")
    text = text.replace("scale:\n", f"scale:\n  min: {low}\n  max: {high}\n  integer: {integer}\n")
    for sid in ("a1", "a2", "b1", "b2", "b3"):
        text = text.replace(f"{{id: {sid},", f"{{id: {ids}{sid},")
    return text


@pytest.fixture
def tiny_variants(tmp_path, monkeypatch):
    """A user's model files (no plugin), all with the tiny model's five statements: liten3 (1-3),
    liten4 (1-4), liten5 (1-5), liten6 (1-6), liten7 (1-7), noll5 (0-5), and annan4 (1-4) whose
    five statements have other ids."""
    folder = tmp_path / "modeller"
    folder.mkdir()
    scales = {"liten3": (1, 3), "liten4": (1, 4), "liten5": (1, 5), "liten6": (1, 6)}
    scales |= {"liten7": (1, 7), "noll5": (0, 5)}
    for name, (low, high) in scales.items():
        (folder / f"{name}.yaml").write_text(_scale_variant(name, low, high), encoding="utf-8")
    (folder / "annan4.yaml").write_text(_scale_variant("annan4", 1, 4, ids="x"), encoding="utf-8")
    monkeypatch.setenv("MOGNAD_MODELS_PATH", str(folder))
    mognad.reset_plugins()
    yield folder
    monkeypatch.delenv("MOGNAD_MODELS_PATH")
    mognad.reset_plugins()


def _tiny_answers(n: int, low: int, high: int) -> pd.DataFrame:
    """``n`` respondents answering the tiny model's five statements with low..high, each value
    used (a fixed pattern, no random numbers)."""
    span = high - low + 1
    rows = [[low + (i + j) % span for j in range(5)] for i in range(n)]
    return pd.DataFrame(rows, columns=["a1", "a2", "b1", "b2", "b3"])


def test_thirty_respondents_who_never_use_the_top_value_get_a_note_naming_the_model_they_fit(
    tiny_variants,
):
    """30 respondents answering 1-4 on liten5's 1-5 scale: the note names liten4 alone (not
    liten3, which 4 does not fit; not noll5, whose top is 5 too; not annan4, other statements),
    in Swedish and English; 29 respondents get no note."""
    from mognad_core.responses import prepare

    model = mognad.get_model("liten5")
    notes = prepare(_tiny_answers(30, 1, 4), model).notes
    top = [m for m in notes if getattr(m, "key", "") == "read.top_value_unused"]
    assert [m.text("sv") for m in top] == [
        "Inget svar av de 30 svarande använder skalans högsta värde 5. Besvarades enkäten på en "
        "kortare skala? Modellen liten4 (1–4) har samma påståenden och alla svar passar den: "
        "använd i så fall --model liten4."
    ]
    assert top[0].text("en") == (
        "None of the 30 respondents' answers uses the scale's top value 5. Was the survey "
        "answered on a shorter scale? The model liten4 (1–4) has the same statements and every "
        "answer fits it: if so, use --model liten4."
    )
    fewer = prepare(_tiny_answers(29, 1, 4), model).notes
    assert not [m for m in fewer if getattr(m, "key", "") == "read.top_value_unused"]
    # answers 1-3 fit liten3 and liten4: both named, as a list, in the plural
    many = prepare(_tiny_answers(30, 1, 3), model).notes
    both = [m for m in many if getattr(m, "key", "") == "read.top_value_unused_many"]
    assert [m.text("sv") for m in both] == [
        "Inget svar av de 30 svarande använder skalans högsta värde 5. Besvarades enkäten på en "
        "kortare skala? Modellerna liten3 (1–3) och liten4 (1–4) har samma påståenden och alla "
        "svar passar dem: använd i så fall --model med en av dem, till exempel --model liten3."
    ]
    assert both[0].text("en") == (
        "None of the 30 respondents' answers uses the scale's top value 5. Was the survey "
        "answered on a shorter scale? The models liten3 (1–3) and liten4 (1–4) have the same "
        "statements and every answer fits them: if so, use --model with one of them, for "
        "example --model liten3."
    )


def test_answers_outside_the_scale_name_every_model_they_fit_read_by_the_same_wordings(
    tiny_variants,
):
    """A 6 read with liten5 (1-5) while the user's wording "Ganska bra" means 4: the error names
    liten6 and liten7, whose scales every answer fits with that wording too (liten3, on which
    the wording means nothing, is passed over; liten4 and noll5 do not fit the 6)."""
    from mognad_core.responses import prepare, use_reading_rules

    frame = _tiny_answers(6, 1, 6).astype(object)
    frame.iloc[2, 1] = "Ganska bra"
    with use_reading_rules(answers={"Ganska bra": 4}), pytest.raises(mognad.InputError) as caught:
        prepare(frame, mognad.get_model("liten5"))
    err = caught.value
    # two models: named as a list, in the plural
    assert err.hint.text("sv") == (
        "Filens svar passar modellerna liten6 (1–6) och liten7 (1–7), som har samma "
        "påståenden: använd --model med en av dem, till exempel --model liten6."
    )
    assert err.hint.text("en") == (
        "The file's answers fit the models liten6 (1–6) and liten7 (1–7), which have the same "
        "statements: use --model with one of them, for example --model liten6."
    )
    # a 7 fits liten7 alone: named in the singular
    with pytest.raises(mognad.InputError) as caught:
        prepare(_tiny_answers(6, 1, 7), mognad.get_model("liten5"))
    assert caught.value.hint.text("sv") == (
        "Filens svar passar modellen liten7 (1–7), som har samma påståenden: använd --model liten7."
    )
    assert caught.value.hint.text("en") == (
        "The file's answers fit the model liten7 (1–7), which has the same statements: use "
        "--model liten7."
    )


def test_answers_in_half_steps_name_the_model_of_the_same_range_that_takes_them(tiny_variants):
    """A 3.5 read with liten5 (whole steps from 1 to 5) is refused, and the hint names halv5,
    whose scale has the same range but takes half steps (models of the same range were passed
    over before, though every answer fits). A model of the same range and the same whole steps
    is never named: what the chosen one refuses, it refuses too."""
    from mognad_core.responses import prepare

    for name, integer in (("halv5", False), ("lika5", True)):
        text = _scale_variant(name, 1, 5, integer=integer)
        (tiny_variants / f"{name}.yaml").write_text(text, encoding="utf-8")
    mognad.reset_plugins()
    frame = _tiny_answers(6, 1, 5).astype(object)
    frame.iloc[2, 1] = 3.5
    with pytest.raises(mognad.InputError) as caught:
        prepare(frame, mognad.get_model("liten5"))
    assert caught.value.hint.text("sv") == (
        "Filens svar passar modellen halv5 (1–5), som har samma påståenden: använd --model halv5."
    )
    assert caught.value.hint.text("en") == (
        "The file's answers fit the model halv5 (1–5), which has the same statements: use "
        "--model halv5."
    )
    rs = prepare(frame, mognad.get_model("halv5"))
    assert rs.values[2, 1] == 3.5 and rs.notes == []


def test_unmatched_columns_that_read_like_statements_are_named_and_others_are_not(tiny_model):
    """Beside the tiny model's statements: a statement reference with a closing mark ("P25?"), a
    numbered question of three words, and a four-word header over valid answers without any
    blank are named as statements the model may not know; a three-word header over the same
    answers, and a column of text, are attributes only."""
    from mognad_core.responses import looks_like_statement, prepare

    frame = _tiny_answers(6, 1, 5)
    answers = [1, 2, 3, 4, 5, 3]
    for header in ("P25?", "7. Vi har mål", "Vi delar data öppet", "Vi har mål"):
        frame[header] = answers
    frame["Kommun"] = ["Ale", "Bjuv", "Dals-Ed", "Eda", "Falun", "Gnosjö"]
    assert prepare(frame, tiny_model).unmatched_statements == [
        "P25?",
        "7. Vi har mål",
        "Vi delar data öppet",
    ]
    # without the column and the scale, only the header can tell
    assert not looks_like_statement("Vi delar data öppet")
    assert not looks_like_statement("Vi delar data öppet", frame["Vi delar data öppet"])
    assert looks_like_statement(
        "Vi delar data öppet", frame["Vi delar data öppet"], tiny_model.scale
    )


def _answered_twice() -> pd.DataFrame:
    """Respondent 2 sent the form twice: first all 2s, then all 4s."""
    frame = pd.DataFrame(
        [[1, 3, 3, 3, 3, 3], [2, 2, 2, 2, 2, 2], [3, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4]],
        columns=["Respondent ID", "a1", "a2", "b1", "b2", "b3"],
    )
    return frame


def test_reading_rules_set_in_a_block_apply_together_and_unknown_ones_are_named(tiny_model):
    """use_reading_rules (Python's --answers and --duplicates): a rule changed in an inner block
    keeps the outer block's other rule, each rule is taken, and misspelt rules are named in
    alphabetical order (tests/test_cli_errors.py goes the command line's way)."""
    from mognad_core.responses import current_reading_rules, prepare, use_reading_rules

    frame = _answered_twice().astype(object)
    frame.iloc[1, 1] = "Nästan helt"
    with use_reading_rules(answers={"Nästan helt": 4}):
        with use_reading_rules(duplicates="keep-last"):
            assert current_reading_rules().answers == {"Nästan helt": 4}
            rs = prepare(frame, tiny_model)
        assert rs.attributes["Respondent ID"].tolist() == [1, 3, 2]
        assert rs.values[:, 0].tolist() == [3, 5, 4]
        with use_reading_rules(duplicates="keep-first"):
            assert prepare(frame, tiny_model).values[:, 0].tolist() == [3, 4, 5]
    with pytest.raises(TypeError) as caught, use_reading_rules(lang="en", model="dimios"):
        pass
    assert str(caught.value) == "unknown reading rule(s): lang, model"
    with (
        pytest.raises(mognad.MognadError, match="keep-both"),
        use_reading_rules(duplicates="keep-both"),
    ):
        pass


def test_reading_rules_set_for_the_rest_of_a_context_apply_to_what_is_read_in_it(tiny_model):
    """set_reading_rules (what the command line's --duplicates does for one command): the rule
    holds for what is read later in the same context, and ends with it."""
    import contextvars

    from mognad_core.responses import current_reading_rules, prepare, set_reading_rules

    def read_keeping_the_last():
        set_reading_rules(duplicates="keep-last")
        return prepare(_answered_twice(), tiny_model)

    rs = contextvars.copy_context().run(read_keeping_the_last)
    assert rs.values[:, 0].tolist() == [3, 5, 4]
    assert current_reading_rules().duplicates == "refuse"


def test_a_file_that_uses_the_top_value_is_not_checked_against_the_installed_models(
    tiny_model, monkeypatch
):
    """Whether another model's scale fits is asked only when no answer uses the top value: a file
    that uses it, in its first row only or in its last row after more than 65,536 rows, is read
    without building every installed model (which can take long)."""
    from mognad_core import plugins
    from mognad_core.responses import prepare

    def list_models():
        raise AssertionError("the installed models were built for a file that uses the top value")

    monkeypatch.setattr(plugins, "list_models", list_models)
    first = _tiny_answers(30, 1, 4)
    first.iloc[0, 2] = 5
    assert len(prepare(first, tiny_model).values) == 30
    long = _tiny_answers(70_000, 1, 4)
    long.iloc[-1, 4] = 5
    assert len(prepare(long, tiny_model).values) == 70_000


def test_true_and_false_cells_are_invalid_answers_not_one_and_zero(tiny_model):
    """Kills `code_column` 4-15: a column of logical cells (TRUE/FALSE, as Excel or a Python
    DataFrame gives them) is no answer at all: each TRUE or FALSE is invalid, never read as the
    answer 1 (TRUE) and 0 (FALSE); blank logical cells are blanks, and no cell is "vet ej"."""
    coded = code_column(pd.Series([True, False, True]), tiny_model.scale)
    assert len(coded.values) == 3 and np.isnan(coded.values).all()
    assert coded.bad.tolist() == [0, 1, 2]
    assert coded.dont_know.dtype == bool and coded.dont_know.tolist() == [False] * 3
    with_blank = code_column(pd.Series([True, None], dtype="boolean"), tiny_model.scale)
    assert np.isnan(with_blank.values).all() and with_blank.bad.tolist() == [0]
    assert with_blank.dont_know.dtype == bool and with_blank.dont_know.tolist() == [False, False]


def test_a_missing_mapping_file_is_named_in_both_languages(tmp_path):
    """Kills `load_mapping` 9-11, 13-19: --mapping with a file that is not there names the file
    and says it is not found, in Swedish and English."""
    path = tmp_path / "rubriker.yaml"
    with pytest.raises(mognad.InputError) as caught:
        mognad.load_mapping(path)
    assert caught.value.text("sv") == f"{path.name}: mappningsfilen finns inte."
    assert caught.value.text("en") == f"{path.name}: mapping file not found."


def test_a_mapping_file_that_is_no_mapping_is_located_and_explained(tmp_path):
    """Kills `load_mapping` 24, 31-42, 50: a YAML list instead of "header: statement_id" lines,
    a CSV table of one column, and YAML that cannot be parsed are each refused with the file
    (and, when parsing, the row and column), what is wrong and what was expected."""
    listed = tmp_path / "lista.yaml"
    listed.write_text("- Fråga ett\n- Fråga två\n", encoding="utf-8")
    with pytest.raises(mognad.InputError) as caught:
        mognad.load_mapping(listed)
    assert caught.value.text("sv") == (
        f"{listed.name}: mappningsfilen är ingen mappning från rubrik till påstående. Förväntat: "
        'rader "rubrik: påståendets_id".'
    )
    assert caught.value.text("en") == (
        f"{listed.name}: the mapping file is not a mapping from header to statement. Expected "
        '"header: statement_id" lines.'
    )
    one_column = tmp_path / "en.csv"
    one_column.write_text("rubrik\nFråga ett\n", encoding="utf-8")
    with pytest.raises(mognad.InputError) as caught:
        mognad.load_mapping(one_column)
    assert caught.value.text("sv") == (
        f"{one_column.name}: mappningstabellen behöver två kolumner. Förväntat: rubrik, "
        "påståendets id."
    )
    assert caught.value.text("en") == (
        f"{one_column.name}: the mapping table needs two columns. Expected header, statement id."
    )
    broken = tmp_path / "trasig.yaml"
    broken.write_text("Fråga ett: [a1\n", encoding="utf-8")
    with pytest.raises(mognad.InputError) as caught:
        mognad.load_mapping(broken)
    assert caught.value.text("sv").startswith(
        f"{broken.name}, rad 1, kolumn 12: mappningsfilen kan inte tolkas som YAML"
    )
    assert caught.value.text("en").startswith(
        f"{broken.name}, row 1, column 12: the mapping file cannot be parsed as YAML"
    )


def test_summary_words_and_subtotals_in_one_column_are_all_summary_rows(tiny_model):
    """Kills `_summary_words_in` 32 and `_distinct_cells` 4-9: "Medel" and "Totalt" beside the
    subtotal "Medel Soc" in the same column are all summary rows (not only the subtotal), also
    when another cell of the column holds a list (a DataFrame made in Python)."""
    answers = [1, 2, 3, 4, 3, 3]
    frame = pd.DataFrame({"enhet": ["Soc", ["x", "y"], "Medel", "KLF", "Totalt", "Medel Soc"]})
    for sid in ("a1", "a2", "b1", "b2", "b3"):
        frame[sid] = answers
    notes = mognad.prepare(frame, tiny_model).notes
    assert words(notes, "sv")[0] == (
        '3 summeringsrad(er) räknades inte (rad 4: "Medel" i kolumn A ("enhet"); rad 6: '
        '"Totalt" i kolumn A ("enhet"); rad 7: "Medel Soc" i kolumn A ("enhet")).'
    )
    assert words(notes, "en")[0] == (
        '3 summary row(s) were not scored (row 4: "Medel" in column A ("enhet"); row 6: '
        '"Totalt" in column A ("enhet"); row 7: "Medel Soc" in column A ("enhet")).'
    )


def test_a_subtotal_cell_of_sixty_characters_is_not_taken_for_a_summary_row(tiny_model):
    """Kills `_summary_words_in` 14, 15: a cell of fewer than 60 characters ("Medel" and a long
    group name, 59) is a subtotal; one of 60 (a pasted text) is never looked at and its row is
    a respondent's."""
    short = "Kultur- och fritidsförvaltningen, enheten för arkiven"
    long = "Kultur- och fritidsförvaltningen, enheten för museerna"
    assert (len(f"Medel {short}"), len(f"Medel {long}")) == (59, 60)
    frame = pd.DataFrame({"enhet": [short, short, long, long, f"Medel {short}", f"Medel {long}"]})
    for sid in ("a1", "a2", "b1", "b2", "b3"):
        frame[sid] = [1, 3, 2, 4, 2, 3]
    rs = mognad.prepare(frame, tiny_model)
    assert rs.n == 5
    assert words(rs.notes, "en")[0] == (
        f'1 summary row(s) were not scored (row 6: "Medel {short}" in column A ("enhet")).'
    )


def test_a_summary_word_padded_with_blanks_is_still_a_summary_row(tiny_model):
    """An export that pads its cells: "Medel" followed by 15 blanks (20 characters) and
    "Medelvärde" after 7 blanks are summary rows like "Medel", not two more respondents (they
    were counted: the lengths and the first word were taken with the blanks)."""
    frame = pd.DataFrame(
        {"enhet": ["Soc", "KLF", "Soc", "Medel" + " " * 15, " " * 7 + "Medelvärde", "KLF"]}
    )
    for sid in ("a1", "a2", "b1", "b2", "b3"):
        frame[sid] = [1, 2, 3, 3, 3, 4]
    rs = mognad.prepare(frame, tiny_model)
    assert rs.n == 4
    assert words(rs.notes, "sv")[0] == (
        '2 summeringsrad(er) räknades inte (rad 5: "Medel" i kolumn A ("enhet"); rad 6: '
        '"Medelvärde" i kolumn A ("enhet")).'
    )


def test_read_responses_reads_the_sheet_asked_for_with_dimios_by_default(tmp_path):
    """``read_responses(path, sheet=...)`` reads that sheet, not the first, and without a model
    reads the file as DiMiOS (read_responses survivors 1, 2, 7, 9: no test left either out)."""
    answers = pd.read_csv(DIMIOS_2025, sep=None, engine="python")
    path = tmp_path / "export.xlsx"
    with pd.ExcelWriter(path, engine="openpyxl") as book:
        pd.DataFrame({"Om enkäten": ["Svaren finns på bladet Svar."]}).to_excel(
            book, sheet_name="Info", index=False
        )
        answers.to_excel(book, sheet_name="Svar", index=False)
    rs = mognad.read_responses(path, sheet="Svar")
    assert (rs.model.name, rs.n) == ("dimios", mognad.read_responses(DIMIOS_2025).n)
    assert rs.sheet == "Svar"


def test_several_waves_read_together_are_noted_with_every_result(tiny_model):
    """Kills `ResponseSet.result_notes` 1, 2: responses of 2024 and 2025 in a column "År" carry,
    after the reading notes, the note that the two waves are analysed together and how to pick
    one or compare them."""
    frame = pd.DataFrame({"År": [2024, 2024, 2025, 2025]})
    for sid in ("a1", "a2", "b1", "b2", "b3"):
        frame[sid] = [1, 2, 3, 4]
    rs = mognad.prepare(frame, tiny_model)
    assert words(rs.result_notes(), "sv")[1:] == [
        'Svaren är från 2 mätomgångar i kolumnen "År" (2024, 2025) och räknas ihop här. Välj en '
        "med --where År=2025, eller jämför dem med mognad compare --column År."
    ]
    assert words(rs.result_notes(), "en")[1:] == [
        'The responses are from 2 waves in column "År" (2024, 2025), analysed together here. '
        "Choose one with --where År=2025, or compare them with mognad compare --column År."
    ]


# ---- what mutation testing found, the third run: from_any and repeated ids --------------------
def test_from_any_refusal_of_another_model_names_no_file_for_responses_without_one(
    tiny_model, tiny_frame
):
    """Responses prepared from a DataFrame come from no file: from_any's refusal of another
    model says "The responses were read ...", naming no file and no placeholder, and is a
    ModelError (docs/quality.md, responses third run)."""
    rs = mognad.prepare(tiny_frame, tiny_model)
    assert rs.source is None
    with pytest.raises(mognad.ModelError) as err:
        mognad.ResponseSet.from_any(rs, "dimios")
    assert str(err.value) == (
        "The responses were read for model 'tiny', not 'dimios': read them again for 'dimios', "
        "or leave the model out."
    )


def test_from_any_says_what_it_takes_when_given_something_else():
    """A list is not responses: the message names the three kinds from_any takes, as written,
    and the kind it got."""
    with pytest.raises(mognad.MognadError) as err:
        mognad.ResponseSet.from_any([5, 4])
    assert str(err.value) == (
        "Expected responses as a ResponseSet, a DataFrame or a file path, got list."
    )


def test_from_any_reads_a_frame_with_the_callers_answers_and_duplicates(tiny_model, tiny_frame):
    """A DataFrame given to from_any is read with the caller's answers= wordings and
    duplicates= rule: without them the wording "Ganska bra" and the repeated id 7 are refused."""
    frame = tiny_frame.assign(**{"Respondent ID": [7, 8, 7, 9]})
    frame["a1"] = frame["a1"].astype(object)
    frame.loc[3, "a1"] = "Ganska bra"  # respondent 4 had no answer to a1
    rs = mognad.ResponseSet.from_any(
        frame, tiny_model, answers={"Ganska bra": 4}, duplicates="keep-last"
    )
    assert rs.attributes["Respondent ID"].tolist() == [8, 7, 9]
    np.testing.assert_array_equal(rs.values[:, 0], [4, np.nan, 4])
    assert rs.dont_know[:, 0].tolist() == [False, True, False]
    with pytest.raises(mognad.InputError, match='"Ganska bra"'):
        mognad.ResponseSet.from_any(frame, tiny_model, duplicates="keep-last")
    with pytest.raises(mognad.InputError, match='"7" in rows 2 and 4'):
        mognad.ResponseSet.from_any(frame, tiny_model, answers={"Ganska bra": 4})


def test_from_any_reads_the_named_sheet_of_a_workbook(tmp_path):
    """from_any(path, sheet=...) reads that sheet, not the workbook's first one."""
    header = ["a1", "a2", "b1", "b2", "b3"]
    wb = Workbook()
    wb.active.title = "Vår"
    for row in (header, [1, 1, 1, 1, 1], [2, 2, 2, 2, 2]):
        wb.active.append(row)
    autumn = wb.create_sheet("Höst")
    for row in (header, [5, 5, 5, 5, 5], [4, 4, 4, 4, 4], [3, 3, 3, 3, 3]):
        autumn.append(row)
    path = tmp_path / "svar.xlsx"
    wb.save(path)
    rs = mognad.ResponseSet.from_any(path, TINY, sheet="Höst")
    assert rs.n == 3 and rs.sheet == "Höst"
    assert rs.values[:, 0].tolist() == [5, 4, 3]


def _refused_ids(model: mognad.MaturityModel, ids: pd.Series) -> str:
    """The error (in English) on a frame of one a1 answer per respondent id ``ids``."""
    frame = pd.DataFrame({"Respondent ID": ids, "a1": [3] * len(ids)})
    with pytest.raises(mognad.InputError) as err:
        mognad.prepare(frame, model)
    return str(err.value)


EACH_ONCE = (
    "Expected each respondent once: delete the repeated rows, or choose which answer counts with "
    "--duplicates keep-first or --duplicates keep-last (duplicates= in Python)."
)


def test_a_refused_id_lists_at_most_three_of_its_rows(tiny_model):
    """An id on four rows: the error shows three of them and the count, "rows 2, 3, 4, ...
    (4 in all)"; an id on three rows shows all three."""
    assert _refused_ids(tiny_model, pd.Series([7, 7, 7, 7, 8])) == (
        'column A ("Respondent ID"): 1 respondent id(s) appear in more than one row: "7" in rows '
        f"2, 3, 4, ... (4 in all). {EACH_ONCE}"
    )
    assert '"7" in rows 2, 3 and 4.' in _refused_ids(tiny_model, pd.Series([7, 7, 7, 8]))


def test_a_refusal_lists_five_repeated_ids_and_counts_the_rest(tiny_model):
    """Five repeated ids are all listed; of six, five are listed and "and 1 more id(s)" told, in
    either language."""
    five = _refused_ids(tiny_model, pd.Series([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]))
    assert five == (
        'column A ("Respondent ID"): 5 respondent id(s) appear in more than one row: "1" in rows '
        '2 and 3, "2" in rows 4 and 5, "3" in rows 6 and 7, "4" in rows 8 and 9, "5" in rows 10 '
        f"and 11. {EACH_ONCE}"
    )
    frame = pd.DataFrame({"Respondent ID": [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6], "a1": 3})
    with pytest.raises(mognad.InputError) as err:
        mognad.prepare(frame, tiny_model)
    assert str(err.value) == (
        'column A ("Respondent ID"): 6 respondent id(s) appear in more than one row: "1" in rows '
        '2 and 3, "2" in rows 4 and 5, "3" in rows 6 and 7, "4" in rows 8 and 9, "5" in rows 10 '
        f"and 11, and 1 more id(s). {EACH_ONCE}"
    )
    assert err.value.text("sv").startswith(
        'kolumn A ("Respondent ID"): 6 svarandes id finns på mer än en rad: "1" på raderna 2 och 3'
    )
    assert '"5" på raderna 10 och 11 samt 1 id till.' in err.value.text("sv")


def test_a_refused_id_of_a_float32_column_is_written_as_a_whole_number(tiny_model):
    """Ids in a float32 column (a downcast DataFrame): the repeated id 1001 is written "1001" as
    in a float64 or integer column, not "1001.0"."""
    for dtype in ("float32", "float64", "int64"):
        ids = pd.Series([1001, 1002, 1001], dtype=dtype)
        assert '"1001" in rows 2 and 4.' in _refused_ids(tiny_model, ids), dtype


def test_a_note_on_texts_meaning_no_value_marks_only_a_cut_list(tiny_model):
    """Five texts meaning no value are all shown, without "..."; of six, the sixth is left out
    with "..."."""
    frame = pd.DataFrame({"a1": ["nan", "NULL", "n/a", "-", "na", 3], "a2": 3})
    assert words(mognad.prepare(frame, tiny_model).notes, "en")[0] == (
        '5 statement cell(s) holding "nan", "NULL", "n/a", "-", "na" (texts meaning no value) '
        "were read as blank: no answer."
    )
    frame = pd.DataFrame({"a1": ["nan", "NULL", "n/a", "-", "na", "none", 3], "a2": 3})
    assert words(mognad.prepare(frame, tiny_model).notes, "en")[0] == (
        '6 statement cell(s) holding "nan", "NULL", "n/a", "-", "na", ... (texts meaning no '
        "value) were read as blank: no answer."
    )


def test_a_note_on_answers_read_by_their_number_shows_three_of_them():
    """A model without answer labels reads "4 - Ganska bra" by its number; the note quotes
    three such answers however many there are."""
    model = mognad.model_from_dict(
        {
            "name": "utan",
            "title": "Utan etiketter",
            "dimensions": [{"id": "d", "label": "D", "statements": [{"id": "s1", "text": "Ett"}]}],
        }
    )
    frame = pd.DataFrame({"s1": ["1 - Dåligt", "2 - Svagt", "4 - Ganska bra", "5 - Bra"]})
    rs = mognad.prepare(frame, model)
    np.testing.assert_array_equal(rs.values[:, 0], [1, 2, 4, 5])
    assert words(rs.notes, "en")[-1] == (
        'Answers such as "1 - Dåligt", "2 - Svagt", "4 - Ganska bra" were read by their number: '
        'model "utan" has no answer labels to check the text against.'
    )


# ---- what mutation testing found, the third run: coding and numeric blocks -------------------
def _three_statements(scale: dict) -> mognad.MaturityModel:
    return mognad.model_from_dict(
        {
            "name": "koder",
            "title": "Koder",
            "scale": scale,
            "dimensions": [
                {
                    "id": "d",
                    "label": "D",
                    "statements": [{"id": f"s{j}", "text": f"S {j}"} for j in (1, 2, 3)],
                }
            ],
        }
    )


def test_a_nullable_integer_column_beside_text_answers_reads_its_blanks_as_blanks(tiny_model):
    """A nullable integer column (pandas Int64, as convert_dtypes gives) with an empty cell,
    beside a column of text answers, is read as numbers: the empty cell is a blank, not an
    invalid answer (docs/quality.md, responses third run)."""
    frame = pd.DataFrame(
        {"a1": pd.array([5, None, 3], dtype="Int64"), "a2": ["vet ej", 2, 4], "b1": [1, 2, 3]}
    )
    rs = mognad.prepare(frame, tiny_model)
    assert rs.n == 3
    np.testing.assert_array_equal(rs.values[:, 0], [5, np.nan, 3])
    np.testing.assert_array_equal(rs.values[:, 1], [np.nan, 2, 4])
    assert rs.dont_know[:, :2].tolist() == [[False, True], [False, False], [False, False]]


def test_numeric_dont_know_codes_in_number_columns_on_both_paths():
    """With the don't-know codes 6 and 9, a 6 and a 9 in a column of numbers are both "vet
    ej", other numbers are answers, and a column after a statement the table lacks is read;
    the same when a text column sends the table cell by cell (docs/quality.md, responses third
    run)."""
    model = _three_statements({"min": 1, "max": 5, "dont_know": ["vet ej", "6", "9"]})
    frame = pd.DataFrame({"s1": [6.0, 9.0, 3.0, 2.0], "s3": [1.0, 2.0, 9.0, 6.0]})
    for table in (frame, frame.assign(s2=["vet ej", 4, None, 5])):
        rs = mognad.prepare(table, model)
        np.testing.assert_array_equal(rs.values[:, 0], [np.nan, np.nan, 3, 2])
        np.testing.assert_array_equal(rs.values[:, 2], [1, 2, np.nan, np.nan])
        assert rs.dont_know[:, 0].tolist() == [True, True, False, False]
        assert rs.dont_know[:, 2].tolist() == [False, False, True, True]
    plain = mognad.prepare(pd.DataFrame({"s1": [3.0, 4.0], "s3": [5, 1]}), model)
    assert not plain.dont_know.any()
    np.testing.assert_array_equal(plain.values[:, [0, 2]], [[3, 5], [4, 1]])


def test_reading_an_impossible_number_gives_an_error_and_no_runtime_warning(tiny_model):
    """An infinite cell in a column of numbers is reported as an invalid answer, and a row of
    means beside a statement column nobody answered is a summary row; neither prints a NumPy
    RuntimeWarning (docs/quality.md, responses third run)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        with pytest.raises(mognad.InputError, match=r"row 4, column A \(\"a1\"\): inf is not"):
            mognad.prepare(pd.DataFrame({"a1": [4.0, 3.0, np.inf]}), tiny_model)
        means = pd.DataFrame({"a1": [4, 3, 3.5], "a2": [2, 3, 2.5], "b1": [None] * 3})
        assert mognad.prepare(means, tiny_model).n == 2


def test_a_row_of_means_under_two_statement_columns_rounded_to_two_decimals_is_not_scored(
    tiny_model,
):
    """Two statement columns are enough to recognise a row of means, and means rounded to two
    decimals (3.33, 2.67) are recognised as such (docs/quality.md, responses third run)."""
    frame = pd.DataFrame({"a1": [4, 3, 3, 3.33], "a2": [2, 3, 3, 2.67]})
    rs = mognad.prepare(frame, tiny_model)
    assert rs.n == 3
    assert rs.row_numbers.tolist() == [2, 3, 4]
    assert words(rs.notes, "en")[0] == (
        "Row 5 was not scored: its statement cells are the means of the other rows rounded to 2 "
        "decimal(s) (a summary row, not a respondent)."
    )


def test_a_row_only_near_the_means_or_of_whole_sums_is_an_invalid_answer(tiny_model):
    """A row is a summary only when its cells are the means or sums rounded to 0, 1 or 2
    decimals, with a number that is not whole, or three or more whole sums: 3.500000005 beside
    means 3.5 is an invalid answer, and so is a row of two whole sums (7, 4), too little to
    tell from a typing error (docs/quality.md, responses third run)."""
    near = pd.DataFrame({"a1": [4, 3, 3.500000005], "a2": [2, 3, 2.5]})
    with pytest.raises(mognad.InputError, match=r"row 4, column A \(\"a1\"\): 3\.500000005 is"):
        mognad.prepare(near, tiny_model)
    sums = pd.DataFrame({"a1": [3, 4, 7], "a2": [2, 2, 4]})
    with pytest.raises(mognad.InputError, match=r"row 4, column A \(\"a1\"\): 7 is not a valid"):
        mognad.prepare(sums, tiny_model)


def test_a_row_of_means_is_found_after_a_respondent_with_a_half_step_answer():
    """On a scale of any number, a respondent with one answer of 2.5 and a blank counts in the
    means: the row of the three respondents' means (3.83, 7) is not scored. Respondents with
    the same answers are all kept, though each is the mean of the others (docs/quality.md,
    responses third run)."""
    model = _three_statements({"min": 0, "max": 10, "integer": False})
    frame = pd.DataFrame({"s1": [2.5, 4, 5, 3.83], "s2": [None, 6, 8, 7]})
    rs = mognad.prepare(frame, model)
    assert rs.n == 3
    assert rs.row_numbers.tolist() == [2, 3, 4]
    assert words(rs.notes, "en")[0] == (
        "Row 5 was not scored: its statement cells are the means of the other rows rounded to 2 "
        "decimal(s) (a summary row, not a respondent)."
    )
    for copies in (2, 3):
        same = pd.DataFrame({"s1": [3.5] * copies, "s2": [6.5] * copies, "s3": [3] * copies})
        rs = mognad.prepare(same, model)
        assert rs.n == copies and rs.notes == []


# ---- what mutation testing found, the third run: who is a respondent -------------------------
def test_a_subtotal_is_found_beside_an_attribute_column_of_numbers(tiny_model):
    """A subtotal "Medel Soc" is looked up among the groups of every attribute column, also
    one of numbers (the staff of each office): the subtotal is not scored, and the column of
    numbers is not read as text (docs/quality.md, responses third run)."""
    frame = pd.DataFrame(
        {
            "enhet": ["Soc", "Soc", "KLF", "KLF", "Medel Soc"],
            "anställda": [120, 120, 45, 45, 120],
        }
    )
    for sid in ("a1", "a2", "b1", "b2", "b3"):
        frame[sid] = [1, 3, 2, 4, 2]
    rs = mognad.prepare(frame, tiny_model)
    assert rs.n == 4
    assert words(rs.notes, "en")[0] == (
        '1 summary row(s) were not scored (row 6: "Medel Soc" in column A ("enhet")).'
    )


def test_a_summary_word_in_a_statement_cell_marks_a_summary_row(tiny_model):
    """A sheet without attribute columns whose summary row has its word where an answer
    belongs (" Totalt: " in the second statement column): the row is not scored and the note
    names the word and that column, not the cell as an invalid answer (docs/quality.md,
    responses third run)."""
    frame = pd.DataFrame({sid: [1, 3, 2, 4, 2] for sid in ("a1", "a2", "b1", "b2", "b3")})
    frame = frame.astype(object)
    frame.loc[4, "a2"] = " Totalt: "
    rs = mognad.prepare(frame, tiny_model)
    assert rs.n == 4
    np.testing.assert_array_equal(rs.row_numbers, [2, 3, 4, 5])
    assert words(rs.notes, "sv") == [
        '1 summeringsrad(er) räknades inte (rad 6: "Totalt:" i kolumn B ("a2")).'
    ]
    assert words(rs.notes, "en") == [
        '1 summary row(s) were not scored (row 6: "Totalt:" in column B ("a2")).'
    ]


@pytest.mark.parametrize(("count", "more"), [(5, ""), (6, "; ...")])
def test_five_summary_rows_are_listed_and_more_end_with_an_ellipsis(tiny_model, count, more):
    """The note on summary rows names the first five; a sixth is told by "..." after them,
    and exactly five end without it (docs/quality.md, responses third run)."""
    frame = pd.DataFrame({"enhet": ["Soc", "KLF"] + ["Medel"] * count})
    for sid in ("a1", "a2", "b1", "b2", "b3"):
        frame[sid] = [1, 3] + [2] * count
    rs = mognad.prepare(frame, tiny_model)
    assert rs.n == 2
    listed = "; ".join(f'row {r}: "Medel" in column A ("enhet")' for r in range(4, 9))
    assert words(rs.notes, "en")[0] == (f"{count} summary row(s) were not scored ({listed}{more}).")


def test_a_row_of_means_on_a_scale_of_any_number_is_not_a_respondent():
    """On a scale that takes any number (0-10, not whole steps) a row of the column means
    rounded to one decimal, under three respondents who answered whole numbers, is a summary
    row: not scored and noted, as on a scale of whole steps (docs/quality.md, responses third
    run)."""
    model = mognad.model_from_dict(
        {
            "name": "glid",
            "title": "Glidande skala",
            "scale": {"min": 0, "max": 10, "integer": False},
            "dimensions": [
                {
                    "id": "d",
                    "label": "D",
                    "statements": [{"id": s, "text": s.upper()} for s in ("s1", "s2", "s3")],
                }
            ],
        }
    )
    answers = [[7, 4, 9], [5, 6, 2], [8, 8, 3]]
    means = [round(sum(column) / 3, 1) for column in zip(*answers, strict=True)]
    assert means == [6.7, 6.0, 4.7]
    rs = mognad.prepare(pd.DataFrame([*answers, means], columns=["s1", "s2", "s3"]), model)
    assert rs.n == 3
    np.testing.assert_array_equal(rs.values, answers)
    assert words(rs.notes, "en") == [
        "Row 5 was not scored: its statement cells are the means of the other rows rounded to 1 "
        "decimal(s) (a summary row, not a respondent)."
    ]
    # a respondent who answered 2.5 and 7.5 counts in the means; the row of means is still found
    # (it was scored as a fifth respondent), and so is a row of sums
    answers.append([2.5, 7.5, 5])
    means = [round(sum(column) / 4, 2) for column in zip(*answers, strict=True)]
    assert means == [5.62, 6.38, 4.75]
    rs = mognad.prepare(pd.DataFrame([*answers, means], columns=["s1", "s2", "s3"]), model)
    assert rs.n == 4
    np.testing.assert_array_equal(rs.values, answers)
    assert words(rs.notes, "sv") == [
        "Rad 6 räknades inte: påståendenas celler är medelvärdet av de andra raderna avrundat till "
        "2 decimal(er) (en summeringsrad, inte en svarande)."
    ]
    sums = [sum(column) for column in zip(*answers, strict=True)]
    rs = mognad.prepare(pd.DataFrame([*answers, sums], columns=["s1", "s2", "s3"]), model)
    assert rs.n == 4 and "sums" in words(rs.notes, "en")[0]
    # the respondent with 2.5 is no summary row of the others: kept
    rs = mognad.prepare(pd.DataFrame(answers, columns=["s1", "s2", "s3"]), model)
    assert rs.n == 4 and rs.notes == []


def test_a_row_of_the_column_sums_is_a_summary_row_not_invalid_answers(tiny_model):
    """A row whose cells are the column sums of the rows above (23, 13, 15 ... on a 1-5 scale:
    outside the scale, but exactly the sums) is a summary row: left out with a note, in both
    languages, not refused as invalid answers. A row that is the sums in one column only is no
    summary row: its cell is an invalid answer (the note for sums could never be shown before,
    as only rows with a number that is not whole were looked at)."""
    rows = [r[1:] for r in TINY_SIX_ROWS[1:]]
    frame = pd.DataFrame(rows, columns=TINY_SIX_ROWS[0][1:]).replace({"Vet ej": None})
    frame = frame.replace({"vet ej": None})
    sums = frame.sum(numeric_only=False).tolist()
    assert sums == [23, 13, 15, 18, 6]
    rs = mognad.prepare(pd.concat([frame, pd.DataFrame([sums], columns=frame.columns)]), tiny_model)
    assert rs.n == 6
    assert words(rs.notes, "sv") == [
        "Rad 8 räknades inte: påståendenas celler är summan av de andra raderna (en "
        "summeringsrad, inte en svarande)."
    ]
    assert words(rs.notes, "en") == [
        "Row 8 was not scored: its statement cells are the sums of the other rows (a summary "
        "row, not a respondent)."
    ]
    once = [23, 2, 3, 4, 5]
    with pytest.raises(mognad.InputError, match="23 is not a valid answer"):
        mognad.prepare(pd.concat([frame, pd.DataFrame([once], columns=frame.columns)]), tiny_model)


# ---- what mutation testing found, the fourth run: prepare ------------------------------------


_CHECKLIST_MODEL = {
    "name": "kryss",
    "title": "Kryssmodell",
    "scale": {"min": 1, "max": 5},
    "dimensions": [
        {
            "id": "d",
            "label": "D",
            "statements": [
                {"id": "s1", "text": "Vi har en plan."},
                {"id": "s2", "text": "Vi mäter nytta."},
                {
                    "id": "k1",
                    "kind": "checklist",
                    "text": "Vilka lösningar använder ni?",
                    "options": [
                        {"id": "moln", "text": "Molntjänster"},
                        {"id": "earkiv", "text": "E-arkiv"},
                    ],
                },
                {
                    "id": "k2",
                    "kind": "checklist",
                    "text": "Vilka tjänster erbjuder ni?",
                    "options": [{"id": "chatt", "text": "Chatt"}, {"id": "app", "text": "App"}],
                },
            ],
        }
    ],
}


def test_prepare_reads_checklists_beside_ordinary_statements():
    """A model with checklist statements, read by prepare from a DataFrame: an ordinary
    statement's numbers, a one-cell checklist, a checklist whose option columns a mapping names,
    an attribute column and a statement with no column all come out right (checklists are read
    by their own rules, the rest as always; responses fourth run)."""
    model = mognad.load_model(_CHECKLIST_MODEL)
    frame = pd.DataFrame(
        {
            "s1": [5, 3, 1],
            "k1": ["Molntjänster;E-arkiv", "moln", "Inget"],
            "Chatt?": ["x", "", "x"],
            "App?": ["x", "", ""],
            "roll": ["Chef", "Handläggare", "Chef"],
        }
    )
    rs = mognad.prepare(frame, model, mapping={"Chatt?": "k2 [chatt]", "App?": "k2 [app]"})
    assert model.statement_ids == ["s1", "s2", "k1", "k2"]
    # k1: 2, 1 and 0 of 2 options -> 5, 3, 1; k2: both, none answered, one of 2 -> 5, -, 3
    expected = [[5, np.nan, 5, 5], [3, np.nan, 3, np.nan], [1, np.nan, 1, 3]]
    np.testing.assert_array_equal(rs.values, np.array(expected))
    assert not rs.dont_know.any()
    assert rs.columns == {"s1": "s1", "k1": "k1", "k2": "Chatt? | App?"}
    assert rs.missing_statements == ["s2"]
    assert rs.attribute_columns == ["roll"]
    assert list(rs.attributes["roll"]) == ["Chef", "Handläggare", "Chef"]
    assert any('"kryss": s2;' in note for note in words(rs.notes, "en"))


def test_prepare_of_a_dataframe_keeps_the_file_and_sheet_it_names(tiny_model):
    """prepare(frame, source=..., sheet=...) says where the table came from: the ResponseSet
    keeps both, and a bad cell's message names the file and the sheet (responses fourth run)."""
    rs = mognad.prepare(pd.DataFrame({"a1": [5]}), tiny_model, source="svar.csv", sheet="Blad1")
    assert (rs.source, rs.sheet) == ("svar.csv", "Blad1")
    frame = pd.DataFrame({"a1": [5, "hej"]})
    with pytest.raises(mognad.InputError) as caught:
        mognad.prepare(frame, tiny_model, source="svar.csv", sheet="Blad1")
    assert 'svar.csv, sheet "Blad1", row 3, column A ("a1"): "hej"' in str(caught.value)


def test_a_percentage_cell_in_a_numeric_table_is_refused(tiny_model):
    """A table of plain numbers (read by the fast path) with a cell formatted as a percentage:
    "100 %" holds 1, which is not an answer, and the message locates it (responses fourth
    run)."""
    frame = pd.DataFrame({"a1": [5.0, 1.0], "a2": [2, 2]})
    table = mognad.RawTable(frame=frame, source="svar.xlsx", sheet="Svar", percent_cells=[(3, 0)])
    with pytest.raises(mognad.InputError) as caught:
        mognad.prepare(table, tiny_model)
    text = str(caught.value)
    assert text.startswith('svar.xlsx, sheet "Svar", row 3, column A ("a1"): "100 %"')
    assert "is a percentage, not an answer" in text


def test_a_percentage_cell_does_not_hide_an_earlier_bad_cell(tiny_model):
    """A text that is no answer above a percentage cell in the same column: the message is
    about the first bad cell and counts the percentage cell as one more (responses fourth
    run)."""
    frame = pd.DataFrame({"a1": ["hej", 1.0, 1.0], "a2": [2, 2, 2]}, dtype=object)
    table = mognad.RawTable(frame=frame, source="svar.xlsx", sheet="Svar", percent_cells=[(4, 0)])
    with pytest.raises(mognad.InputError) as caught:
        mognad.prepare(table, tiny_model)
    text = str(caught.value)
    assert text.startswith('svar.xlsx, sheet "Svar", row 2, column A ("a1"): "hej" is not a')
    assert '1 more cell(s) have the same problem (row 4 column A ("a1"))' in text


def test_columns_that_look_like_statements_are_named_unless_mapped_away(tiny_model):
    """Unmatched headers that look like statements are named, all of them, in a note with the
    model's name; a header the mapping sends to nothing (None) is not (responses fourth run)."""
    frame = pd.DataFrame(
        {"a1": [5, 4], "Påstående 25": [3, 4], "Påstående 26": [2, 2], "F9": [1, 1]}
    )
    rs = mognad.prepare(frame, tiny_model, mapping={"F9": None})
    assert rs.unmatched_statements == ["Påstående 25", "Påstående 26"]
    assert rs.attribute_columns == ["Påstående 25", "Påstående 26", "F9"]
    note = 'Not scored: "Påstående 25", "Påstående 26" look(s) like statement column(s) but '
    note += 'match no statement of model "tiny"'
    assert any(n.startswith(note) for n in words(rs.notes, "en"))


def test_a_table_where_nobody_answered_says_there_are_no_respondents(tiny_model):
    """Rows with no statement answered at all: no respondents, and a note says so in words
    (responses fourth run)."""
    rs = mognad.prepare(pd.DataFrame({"a1": [None, None], "roll": ["x", "y"]}), tiny_model)
    assert len(rs.values) == 0
    notes = words(rs.notes, "en")
    assert "No row of the table has an answer to a statement: there are no respondents." in notes
    assert "Ingen rad i tabellen har svar på något påstående: det finns inga svarande." in (
        words(rs.notes, "sv")
    )


# ---- what mutation testing found, the fourth run: matching columns and coding cells -----------
def _statements(*statements: dict, **scale) -> mognad.MaturityModel:
    """A one-dimension model on a 1-5 scale (``scale`` adds to it) of the given statements."""
    return mognad.model_from_dict(
        {
            "name": "k",
            "title": "K",
            "scale": {"min": 1, "max": 5, **scale},
            "dimensions": [{"id": "d", "label": "D", "statements": list(statements)}],
        }
    )


def test_two_columns_of_one_statement_are_refused_naming_the_other_column(tiny_model):
    """A statement's id and its text as two headers: the second column is refused, located at
    its header, naming the first column and the statement, with what is expected (docs/quality.md,
    responses fourth run)."""
    frame = pd.DataFrame({"roll": ["Chef"], "a1": [3], "Vi har en plan.": [4]})
    with pytest.raises(mognad.InputError) as caught:
        mognad.prepare(frame, tiny_model, source="svar.csv")
    assert caught.value.text("en") == (
        'svar.csv, row 1, column C ("Vi har en plan."): this column and the column "a1" both '
        'hold statement "a1". Expected one column per statement (remove or rename one of them).'
    )
    assert caught.value.text() == (
        'svar.csv, rad 1, kolumn C ("Vi har en plan."): den här kolumnen och kolumnen "a1" har '
        'båda påståendet "a1". Förväntat: en kolumn per påstående (ta bort eller byt namn på en '
        "av dem)."
    )


def test_no_statement_column_lists_eight_headers_and_other_sheets_or_none(tiny_model):
    """When no column is a statement, the error shows the first eight headers ("none" for a
    table without columns) and, for a workbook, the first eight other sheets with data; a
    table without other sheets names none (docs/quality.md, responses fourth run)."""
    expected = (
        "Expected headers with statement ids (a1, a2, b3, b1, ...) or statement texts; is this "
        "the right model and sheet{}?"
    )
    nine = pd.DataFrame({f"x{i}": [1] for i in range(1, 10)})
    shown = ", ".join(f'"x{i}"' for i in range(1, 9))
    assert _error(nine, tiny_model) == (
        f'row 1: no column matches a statement of model "tiny" (headers found: {shown}). '
        + expected.format("")
    )
    assert _error(pd.DataFrame(index=[0, 1]), tiny_model, lang="sv").startswith(
        'rad 1: ingen kolumn matchar ett påstående i modellen "tiny" (rubriker som hittades: '
        "inga). Förväntat: "
    )
    from mognad_core.readers import RawTable

    sheets = [f"Blad{i}" for i in range(2, 12)]
    table = RawTable(pd.DataFrame({"x": [1]}), source="svar.xlsx", sheet="Blad1")
    table.other_sheets = sheets
    others = ", ".join(f'"{s}"' for s in sheets[:8])
    assert _error(table, tiny_model) == (
        'svar.xlsx, sheet "Blad1", row 1: no column matches a statement of model "tiny" '
        '(headers found: "x"). '
        + expected.format(f" (other sheets with data: {others}; read one with --sheet)")
    )


def test_an_unknown_duplicates_rule_is_refused_naming_the_three_rules(tiny_model):
    """duplicates= must be one of the three rules; another value is refused, listing them
    (docs/quality.md, responses fourth run)."""
    with pytest.raises(mognad.MognadError) as caught:
        mognad.prepare(pd.DataFrame({"a1": [3]}), tiny_model, duplicates="keep-both")
    assert caught.value.text("en") == (
        "duplicates='keep-both': expected one of refuse, keep-first, keep-last (what to do with "
        "a respondent id that appears in more than one row)."
    )


def test_numbered_headers_are_matched_per_family_and_an_id_is_never_a_number():
    """Numbered aliases name a place in a family ("P 1", "Fråga 1"): a family whose columns
    have no number left to guess is kept as attributes and the next family is still matched; a
    header that is a statement's id ("p2", "q3") is that statement even in a numbered family,
    and never another statement's number; a statement id ending in a full stop ("7.") is
    matched as written; a question number before a bare number ("F3: 8") is no statement
    (docs/quality.md, responses fourth run)."""
    model = _statements(
        {"id": "a", "text": "A", "aliases": ["Fråga 1"]},
        {"id": "b", "text": "B", "aliases": ["P 1"]},
        {"id": "p2", "text": "P två"},
        {"id": "q3", "text": "Q tre"},
        {"id": "y", "text": "Y", "aliases": ["Q 3"]},
        {"id": "7.", "text": "Sju"},
        {"id": "8", "text": "Åtta"},
    )
    frame = pd.DataFrame(
        {
            "Fråga 7": [1],
            "P 1": [2],
            "p2": [3],
            "q3": [4],
            "Q 3": [5],
            "7.": [1],
            "F3: 8": [2],
        }
    )
    rs = mognad.prepare(frame, model)
    assert rs.columns == {"b": "P 1", "p2": "p2", "q3": "q3", "7.": "7."}
    assert rs.attribute_columns == ["Fråga 7", "Q 3", "F3: 8"]
    assert rs.missing_statements == ["a", "y", "8"]


def test_a_statement_alias_in_words_matches_its_header_without_closing_marks():
    """An alias that is not a number ("Vår plan") matches a header in any case and with a
    question mark (docs/quality.md, responses fourth run)."""
    model = _statements({"id": "a", "text": "A", "aliases": ["Vår plan"]}, {"id": "b", "text": "B"})
    rs = mognad.prepare(pd.DataFrame({"VÅR PLAN?": [3], "b": [4]}), model)
    assert rs.columns == {"a": "VÅR PLAN?", "b": "b"}


def test_a_mapping_to_a_checklist_option_reads_that_column_and_the_lines_after_it():
    """A mapping line "k1": "k1 [moln]" makes the column an option of checklist statement k1,
    even when its header is the statement's id, and the mapping's later lines still apply; a
    table of a checklist's option columns
    and no other statement is read too (docs/quality.md, responses fourth run)."""
    model = _statements(
        {
            "id": "k1",
            "kind": "checklist",
            "text": "Vilka lösningar använder ni?",
            "options": [{"id": "moln", "text": "Molntjänster"}, {"id": "eid", "text": "E-id"}],
        },
        {"id": "s1", "text": "Vi har en plan."},
    )
    frame = pd.DataFrame({"k1": [1, 0], "Q2_2": [1, 1], "Q1": [4, 2], "Avd": ["Soc", "KLF"]})
    mapping = {"k1": "k1 [moln]", "Q2_2": "k1 [eid]", "Q1": "s1", "Avd": None}
    rs = mognad.prepare(frame, model, mapping=mapping)
    assert rs.columns == {"k1": "k1 | Q2_2", "s1": "Q1"}
    assert rs.attribute_columns == ["Avd"]
    assert rs.missing_statements == []
    np.testing.assert_array_equal(rs.values, [[5, 4], [3, 2]])  # all options 5, half 3
    only = pd.DataFrame({"k1 [Molntjänster]": [1, 0], "k1 [E-id]": [1, 1]})
    rs = mognad.prepare(only, model)
    assert rs.columns == {"k1": "k1 [Molntjänster] | k1 [E-id]"}
    np.testing.assert_array_equal(rs.values, [[5, np.nan], [3, np.nan]])


def test_texts_meaning_no_value_are_counted_over_every_cell_and_column(tiny_model):
    """The note on texts read as blank counts every such cell: "n/a" with and without blanks
    around it, in two columns (docs/quality.md, responses fourth run)."""
    frame = pd.DataFrame({"a1": ["n/a", 3, " n/a ", 4], "a2": [2, "n/a", 4, "-"]})
    rs = mognad.prepare(frame, tiny_model)
    assert words(rs.notes, "en")[0] == (
        '4 statement cell(s) holding "n/a", "-" (texts meaning no value) were read as blank: '
        "no answer."
    )


def test_a_dont_know_code_written_with_a_decimal_comma_is_dont_know_in_number_cells():
    """A scale's don't-know code written "6,5" makes a cell 6.5 "vet ej", in a column of
    numbers and beside a column of text (docs/quality.md, responses fourth run)."""
    model = _statements(
        {"id": "s1", "text": "S 1"}, {"id": "s2", "text": "S 2"}, dont_know=["vet ej", "6,5"]
    )
    for s2 in ([1.0, 2.0], ["vet ej", 2.0]):
        rs = mognad.prepare(pd.DataFrame({"s1": [6.5, 3.0], "s2": s2}), model)
        np.testing.assert_array_equal(rs.values[:, 0], [np.nan, 3])
        assert rs.dont_know[:, 0].tolist() == [True, False]


def test_a_dont_know_token_and_a_number_come_before_other_meanings_of_a_text(tiny_model):
    """A scale whose don't-know tokens include "n/a" reads "n/a" as "vet ej", not as a text
    meaning no value; a text cell "3" or "3,0" is the number 3 (an answers file that gives such
    a wording another number is refused: tests/test_answers.py) (docs/quality.md, responses
    fourth run)."""
    model = _statements(
        {"id": "s1", "text": "S 1"}, {"id": "s2", "text": "S 2"}, dont_know=["vet ej", "n/a"]
    )
    rs = mognad.prepare(pd.DataFrame({"s1": ["n/a", 3, "N/A"], "s2": [1, 2, 3]}), model)
    assert rs.dont_know[:, 0].tolist() == [True, False, True]
    assert words(rs.notes, "en") == []
    frame = pd.DataFrame({"a1": ["3", "3,0", "Ganska bra"], "a2": [1, 2, 3]})
    rs = mognad.prepare(frame, tiny_model, answers={"3": 3, "3,0": 3, "Ganska bra": 4})
    np.testing.assert_array_equal(rs.values[:, 0], [3, 3, 4])


def test_a_row_of_means_pasted_twice_is_two_summary_rows(tiny_model):
    """On a scale of whole numbers, the rounded means of the respondents in two rows are two
    summary rows, not respondents with invalid answers (docs/quality.md, responses fourth
    run)."""
    frame = pd.DataFrame(
        {
            "förvaltning": ["Soc", "Soc", "KLF", "", ""],
            "a1": [5, 4, 4, 4.33, 4.33],
            "a2": [1, 2, 2, 1.67, 1.67],
        }
    )
    rs = mognad.prepare(frame, tiny_model)
    assert rs.n == 3
    assert words(rs.notes, "en")[:2] == [
        f"Row {row} was not scored: its statement cells are the means of the other rows "
        "rounded to 2 decimal(s) (a summary row, not a respondent)."
        for row in (5, 6)
    ]


# ---- what mutation testing found, the fourth run: rows of means and sums ----------------------
def _rows(model, rows: list[list]) -> mognad.ResponseSet:
    return mognad.prepare(pd.DataFrame(rows, columns=model.statement_ids), model)


def test_a_typing_error_beside_answers_like_the_one_other_respondents_is_no_row_of_sums(
    tiny_model,
):
    """With one other respondent, the sums of the others are that respondent's answers, on the
    scale. A respondent who answered the same (all 1s, or all 5s) with a typing error in one
    cell is not taken for a row of sums: the typing error is refused. Only a cell outside the
    scale (below its lowest answer, above its highest) marks a row of whole sums."""
    for same in (1, 5):
        with pytest.raises(mognad.InputError, match='"x" is not a valid answer'):
            _rows(tiny_model, [[same] * 5, [same] * 4 + ["x"]])


def test_a_row_of_whole_sums_needs_three_cells():
    """Three cells that are the column sums, one outside the scale, are a row of sums; two are
    too few (docs/robustness.md)."""
    model = _three_statements({"min": 1, "max": 5})
    rs = _rows(model, [[1, 2, 3], [2, 2, 4], [3, 4, 7]])
    assert rs.n == 2
    assert words(rs.notes, "en") == [
        "Row 4 was not scored: its statement cells are the sums of the other rows (a summary "
        "row, not a respondent)."
    ]
    with pytest.raises(mognad.InputError, match="7 is not a valid answer"):
        _rows(model, [[1, 2, None], [2, 2, None], [3, 4, 7]])


def test_rows_of_means_and_sums_are_found_after_rows_that_are_neither():
    """Candidate rows are all looked at, in order: a means row after a typing error (whose
    row is refused for its own cell only; the means are of the rows without an invalid cell),
    and, on a scale of any number, after two respondents
    with the same answers; and a means row and a sums row together (each is compared with the
    respondents, not with the other)."""
    whole = _three_statements({"min": 1, "max": 5})
    with pytest.raises(mognad.InputError) as err:
        _rows(whole, [[1, 2, 3], [2, 2, 4], [4, 3, "x"], [1.5, 2, 3.5]])
    assert err.value.text("en").startswith('row 4, column C ("s3"): "x" is not a valid answer.')
    assert "more cell" not in err.value.text("en")
    free = _three_statements({"min": 0, "max": 10, "integer": False})
    rs = _rows(free, [[3.5, 6.5, 2], [3.5, 6.5, 2], [4, 5, 6], [3.67, 6, 3.33]])
    assert rs.n == 3 and "means" in words(rs.notes, "en")[0]
    rows = [[1, 2, 3], [2, 2, 4], [4, 4, 5]]
    rs = _rows(free, [*rows, [2.33, 2.67, 4], [7, 8, 12]])
    assert rs.n == 3
    assert words(rs.notes, "en") == [
        "Row 5 was not scored: its statement cells are the means of the other rows rounded to 2 "
        "decimal(s) (a summary row, not a respondent).",
        "Row 6 was not scored: its statement cells are the sums of the other rows (a summary "
        "row, not a respondent).",
    ]


def test_on_a_scale_of_any_number_rows_of_means_and_sums_are_found_whatever_the_answers():
    """Every respondent answered a number that is not whole: the row of their means is still
    found. Rows with the same answers and a blank are two respondents, not a row of means of
    each other. A row of sums rounded to whole numbers (13 for 12.6) is a row of sums."""
    free = _three_statements({"min": 0, "max": 10, "integer": False})
    rs = _rows(free, [[2.5, 3.5, 4.5], [3.5, 4.5, 6.5], [3, 4, 5.5]])
    assert rs.n == 2 and "means" in words(rs.notes, "en")[0]
    rs = _rows(free, [[2.5, 3.5, None], [2.5, 3.5, None]])
    assert rs.n == 2 and rs.notes == []
    rs = _rows(free, [[6.3, 7.6, 4.7], [6.3, 7.6, 4.6], [13, 15, 9]])
    assert rs.n == 2 and "sums" in words(rs.notes, "en")[0]
