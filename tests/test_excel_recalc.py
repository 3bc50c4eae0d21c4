"""Offline recalculation: workbooks written with openpyxl, recalculated, read back and compared
with the Python API (tiny model: hand-computed values in tests/test_scoring.py).

The four-respondent workbook is below the default minimum group size (5): the tests of its
arithmetic run under the opt-out (``MOGNAD_MIN_SIZE=1``, fixture ``opt_out``), which also puts the
notice line under every table; the anonymity tests at the end recalculate with the protection on,
through ``mognad excel recalc`` as a user runs it."""

from __future__ import annotations

import hashlib
import json
import numbers
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import TINY, TINY_ROWS, TINY_SCORES, TINY_SIX_ROWS
from mognad_excel import udfs
from mognad_excel.recalc import recalc
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula

import mognad_core as mognad
from mognad_core import texts
from mognad_core.errors import MognadError

OVERALL = TINY_SCORES["overall"]  # the tiny model's overall score, computed by hand in conftest
ROWS = TINY_ROWS
R = "Svar!$A$1:$F$100"
NOTICE = "Anonymitetsskydd avstängt"
# six respondents: b3 has two valid answers (hidden under the default policy)
SIX = TINY_SIX_ROWS


@pytest.fixture(autouse=True)
def _no_config_file(monkeypatch, tmp_path):
    """Run in an empty folder: no mognad.toml from the project folder changes the policy."""
    monkeypatch.chdir(tmp_path)


class TinyPlugin:
    @mognad.hookimpl
    def register_models(self, register):
        register(mognad.load_model_file(TINY))


@pytest.fixture
def tiny_installed(register_plugin):
    register_plugin(TinyPlugin(), "tiny_test")
    udfs.clear_cache()
    yield
    udfs.clear_cache()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def responses_sheet(wb, rows=ROWS, top: int = 1, left: int = 1):
    ws = wb.active
    ws.title = "Svar"
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            ws.cell(top + i, left + j, value)
    return ws


@pytest.fixture
def workbook(tmp_path, tiny_installed) -> Path:
    wb = openpyxl.Workbook()
    responses_sheet(wb)
    res = wb.create_sheet("Resultat")
    res["A1"], res["B1"] = "Totalt", f'=MOGNAD_SCORE({R},"tiny")'
    res["B2"] = "=B1*100"
    res["B3"] = '=ROUND(MOGNAD_SCORE(Svar!A:F,"tiny","A"),3)'
    res["B4"] = '=_xldudf_MOGNAD_LEVEL(B1,"tiny")'
    res["B5"] = f'=[1]!MOGNAD_SCORE({R},"tiny","B")'
    res["B6"] = '=IF(B1>0.7,"över","under")'
    res["B7"] = '=MOGNAD_RESPONDENTS(svar,"tiny")'
    res["A9"] = f'=MOGNAD_DIMENSIONS({R},"tiny")'  # a plain formula: spills
    res["I10"] = "=D10*100"  # reads a spilled cell (score of A)
    res["A15"] = ArrayFormula("A15:G22", f'=MOGNAD_STATEMENTS({R},"tiny")')  # 8 rows for 6
    res["K1"] = "=SUM(1,2)"
    res["K2"] = "=XLOOKUP(1,A1:A2,B1:B2)"
    res["M1"] = '=MOGNAD_HEADERS("tiny")'
    res["O1"] = "in the way"
    wb.defined_names["svar"] = DefinedName("svar", attr_text="Svar!$A$1:$F$50")
    path = tmp_path / "bok.xlsx"
    wb.save(path)
    return path


def cells_of(path: Path, sheet: str = "Resultat") -> list:
    """Every cell of a sheet of a written workbook (formulas, if any were left, show as text)."""
    wb = openpyxl.load_workbook(path)
    try:
        return [c for row in wb[sheet].iter_rows() for c in row]
    finally:
        wb.close()


def values(path: Path, sheet: str = "Resultat") -> dict[str, object]:
    return {c.coordinate: c.value for c in cells_of(path, sheet)}


def messages(path: Path, sheet: str = "Resultat") -> dict[str, str]:
    """The comments mognad put on error cells of the copy: what Excel shows on hover."""
    return {
        c.coordinate: c.comment.text
        for c in cells_of(path, sheet)
        if c.comment is not None and c.comment.author == "mognad"
    }


def error_cells(path: Path, sheet: str = "Resultat") -> dict[str, str]:
    """The cells of the copy stored as Excel error values (type "e"), not as text."""
    return {c.coordinate: c.value for c in cells_of(path, sheet) if c.data_type == "e"}


def test_recalc_matches_the_python_api(workbook, tmp_path, opt_out):
    before = digest(workbook)
    out = tmp_path / "ut.xlsx"
    report = recalc(workbook, out)
    assert digest(workbook) == before  # the input is never written
    got = values(out)
    model = mognad.get_model("tiny")
    result = mognad.score(pd.DataFrame(ROWS[1:], columns=ROWS[0]), model, min_size=1)
    assert result.overall == pytest.approx(OVERALL)  # the API itself, as computed by hand
    assert got["B1"] == pytest.approx(result.overall)
    assert got["B2"] == pytest.approx(result.overall * 100)
    assert got["B3"] == pytest.approx(round(result.dimensions["A"].score, 3))
    assert got["B4"] == result.level == "Mellan"
    assert got["B5"] == pytest.approx(result.dimensions["B"].score)
    assert got["B6"] == "över"
    assert got["B7"] == 4
    # the spilled dimension table, and a formula reading it
    dims = result.dimensions_frame()
    assert [got[f"A{r}"] for r in range(9, 13)] == ["Id", *dims.index]
    assert [got[f"{c}9"] for c in "ABCDEFG"] == [
        "Id",
        "Dimension",
        "Hör till",
        "Värde",
        "Svarande",
        "Vet ej (andel)",
        "Nivå",
    ]
    for r, dim_id in zip(range(10, 13), dims.index, strict=True):
        assert got[f"D{r}"] == pytest.approx(dims.loc[dim_id, "score"])
        assert got[f"E{r}"] == dims.loc[dim_id, "n"]
        assert got[f"G{r}"] == dims.loc[dim_id, "level"]
    assert got["A13"].startswith(NOTICE)  # the opt-out's line under the table
    assert got["I10"] == pytest.approx(result.dimensions["A"].score * 100)
    # the legacy array range: six rows of statements, the notice, then #N/A as Excel shows them
    stmts = result.statements_frame()
    assert [got[f"A{r}"] for r in range(15, 21)] == ["Id", *stmts.index]
    assert got["D16"] == pytest.approx(stmts.loc["a1", "score"])
    assert got["A21"].startswith(NOTICE)
    assert got["A22"] == got["G22"] == "#N/A"
    assert got["K1"] == 3
    assert got["K2"] == "=XLOOKUP(1,A1:A2,B1:B2)"  # not evaluable: left as it was
    assert got["M1"] == "#SPILL!" and got["O1"] == "in the way"

    kinds = {c.cell: c.kind for c in report.cells}
    assert kinds["Resultat!B1"] == "mognad" and kinds["Resultat!B4"] == "mognad"
    assert kinds["Resultat!B2"] == kinds["Resultat!B6"] == kinds["Resultat!I10"] == "dependent"
    assert kinds["Resultat!K1"] == "other"
    spills = {c.cell: c.spill for c in report.cells if c.spill}
    assert spills == {"Resultat!A9": "A9:G13", "Resultat!A15": "A15:G22"}
    assert [f[0] for f in report.failed] == ["Resultat!K2"]
    assert "XLOOKUP" in report.failed[0][2]
    text = report.summary()
    assert "Resultat!A9" in text and "tabell 5 x 7 i A9:G13" in text
    assert "Inte uträknade, kvar som formler (1):" in text
    assert [n for n in report.notes if n.startswith(NOTICE)] == udfs.policy_notes()
    assert f"Obs: {NOTICE}" in text
    english = report.summary("en")
    assert "table 5 x 7 in A9:G13" in english and "Not evaluated, left as formulas (1):" in english
    assert "tabell" not in english and "Räknade" not in english


def test_messages_name_the_sheet_and_real_rows_of_a_range_off_a1(tmp_path, tiny_installed):
    wb = openpyxl.Workbook()
    bad = [list(r) for r in ROWS]
    bad[2][3] = "ofta"  # b1 of the second respondent
    responses_sheet(wb, bad, top=5, left=3)  # header in C5, so "ofta" is in F7
    res = wb.create_sheet("Resultat")
    res["A1"] = '=MOGNAD_SCORE(Svar!C5:H40,"tiny")'
    res["A2"] = '=MOGNAD_SCORE(Svar!C5:H40,"tiny","A")'
    src, out = tmp_path / "in.xlsx", tmp_path / "out.xlsx"
    wb.save(src)
    report = recalc(src, out, lang="en")
    got = values(out)
    expected = (
        'MOGNAD: sheet "Svar", row 7, column F ("b1"): "ofta" is not a valid answer. Expected '
        'a whole number from 1 to 5 or one of the answer labels ("Inte alls" = 1, "Helt" = 5), '
        '"vet ej", "vet inte" or a blank cell.'
    )
    assert got["A1"] == got["A2"] == "#VALUE!"
    assert error_cells(out) == {"A1": "#VALUE!", "A2": "#VALUE!"}  # error cells, not text
    assert messages(out) == {"A1": expected, "A2": expected}
    assert [c.message for c in report.cells] == [expected, expected]
    assert "#VALUE! MOGNAD: sheet" in report.summary()
    recalc(src, out, force=True)  # Swedish unless asked for English
    assert messages(out)["A1"].startswith('MOGNAD: blad "Svar", rad 7, kolumn F ("b1"): "ofta"')


def test_formulas_inside_the_response_range_are_evaluated(tmp_path, tiny_installed, opt_out):
    wb = openpyxl.Workbook()
    ws = responses_sheet(wb)
    ws["B2"] = "=2+3"  # a1 of respondent 1: still 5
    res = wb.create_sheet("Resultat")
    res["A1"] = f'=MOGNAD_SCORE({R},"tiny")'
    src, out = tmp_path / "in.xlsx", tmp_path / "out.xlsx"
    wb.save(src)
    recalc(src, out)
    assert values(out)["A1"] == pytest.approx(OVERALL)
    assert values(out, "Svar")["B2"] == 5


def test_spills_feed_other_mognad_formulas(tmp_path, tiny_installed, opt_out):
    wb = openpyxl.Workbook()
    responses_sheet(wb)
    res = wb.create_sheet("Resultat")
    res["A1"] = f'=MOGNAD_DIMENSIONS({R},"tiny")'  # spills to A1:G5; D2 = score of A
    res["J1"] = '=MOGNAD_LEVEL(D2,"tiny")'  # evaluated before the spill exists, then again
    src, out = tmp_path / "in.xlsx", tmp_path / "out.xlsx"
    wb.save(src)
    recalc(src, out)
    assert values(out)["J1"] == "Hög"


def test_refuses_to_write_over_the_input(workbook, tmp_path):
    before = digest(workbook)
    with pytest.raises(MognadError, match="never writes over its input"):
        recalc(workbook, workbook)
    with pytest.raises(MognadError, match="never writes over its input"):
        recalc(workbook, tmp_path / "." / ".." / tmp_path.name / "bok.xlsx")
    assert digest(workbook) == before


def test_existing_output_needs_force(workbook, tmp_path, opt_out):
    out = tmp_path / "ut.xlsx"
    out.write_bytes(b"old")
    with pytest.raises(MognadError, match=r"already exists\. Use --force"):
        recalc(workbook, out)
    assert out.read_bytes() == b"old"
    recalc(workbook, out, force=True)
    assert values(out)["B7"] == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bok.xlsx", "ut.xlsx"]  # no temp


def test_bad_inputs(tmp_path):
    missing = tmp_path / "saknas.xlsx"
    with pytest.raises(MognadError, match=r"saknas\.xlsx: the workbook does not exist"):
        recalc(missing, tmp_path / "ut.xlsx")
    broken = tmp_path / "trasig.xlsx"
    broken.write_bytes(b"not a zip file")
    with pytest.raises(MognadError, match=r"trasig\.xlsx: the file could not be read as an Excel"):
        recalc(broken, tmp_path / "ut.xlsx")
    with pytest.raises(MognadError) as refused:
        recalc(broken, tmp_path / "ut.xlsx")
    assert refused.value.text("sv").startswith(  # in Swedish too, as the CLI writes it
        "trasig.xlsx: filen gick inte att läsa som en Excel-arbetsbok (File is not a zip file)"
    )
    csv = tmp_path / "svar.csv"
    csv.write_text("a1\n1\n")
    with pytest.raises(MognadError, match=r"cannot recalculate a \.csv file"):
        recalc(csv, tmp_path / "ut.xlsx")
    book = tmp_path / "bok.xlsx"
    openpyxl.Workbook().save(book)
    with pytest.raises(MognadError, match=r"must be a \.xlsx file like the input"):
        recalc(book, tmp_path / "ut.xlsm")
    assert not (tmp_path / "ut.xlsx").exists() and not (tmp_path / "ut.xlsm").exists()


def test_cli_recalc(workbook, tmp_path, run_cli, opt_out):
    out = tmp_path / "ut.xlsx"
    result = run_cli("excel", "recalc", workbook, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Räknade om bok.xlsx -> ut.xlsx på ")
    assert "MOGNAD_*-celler (8):" in result.stdout
    assert "Formler som bygger på dem (3): Resultat!B2, Resultat!B6, Resultat!I10." in (
        result.stdout
    )
    again = run_cli("excel", "recalc", workbook, "-o", out)
    assert again.exit_code == 2
    assert "ut.xlsx finns redan. Använd --force för att ersätta den." in again.stderr
    same = run_cli("excel", "recalc", workbook, "-o", workbook)
    assert same.exit_code == 2 and "skriver aldrig över sina indata" in same.stderr
    as_json = run_cli("excel", "recalc", workbook, "-o", out, "--force", "--format", "json")
    data = json.loads(as_json.stdout)
    cells = {c["cell"]: c for c in data["cells"]}
    assert cells["Resultat!B1"]["value"] == pytest.approx(OVERALL)
    assert cells["Resultat!A9"]["spill"] == "A9:G13"
    assert data["failed"][0]["cell"] == "Resultat!K2"
    assert data["notes"] == udfs.policy_notes() != []
    assert f"Obs: {NOTICE}" in result.stdout
    english = run_cli("excel", "recalc", workbook, "-o", out, "--force", "--lang", "en")
    assert english.stdout.startswith("Recalculated bok.xlsx -> ut.xlsx in ")
    assert "Formulas depending on them (3): Resultat!B2, Resultat!B6, Resultat!I10." in (
        english.stdout
    )
    assert "Note: Anonymity protection off" in english.stdout and NOTICE not in english.stdout
    assert values(out)["A9"] == "Id" and values(out)["D9"] == "Score"  # the cells in English


# ---- anonymity: the recalculated copy as its reader sees it -------------------------------
def refusal(k: int = 5) -> str:
    """The cell of a range that may not be published (the disclosure module's own text)."""
    what = texts.text("responses")
    return udfs.PREFIX + texts.text("refused", what=what, k=k)


def book(tmp_path: Path, rows: list[list[object]], formulas: dict[str, str]) -> Path:
    wb = openpyxl.Workbook()
    responses_sheet(wb, rows)
    res = wb.create_sheet("Resultat")
    for cell, formula in formulas.items():
        res[cell] = formula
    path = tmp_path / "bok.xlsx"
    wb.save(path)
    return path


def recalc_cli(run_cli, path: Path, *options: str) -> tuple[dict[str, object], str]:
    """``mognad excel recalc`` as a user runs it; the copy's Resultat values and the report.
    An error cell's value is its error (``#N/A``); :func:`said` gives its message."""
    out = path.with_name("ut.xlsx")
    done = run_cli("excel", "recalc", path, "-o", out, "--force", *options)
    assert done.exit_code == 0, done.stderr
    got = {k: v for k, v in values(out).items() if v is not None}
    return got, done.stdout


def said(path: Path) -> dict[str, str]:
    """The messages on the error cells of the copy ``recalc_cli`` wrote."""
    return messages(path.with_name("ut.xlsx"))


def numbers_on(got: dict[str, object]) -> dict[str, object]:
    return {
        k: v for k, v in got.items() if isinstance(v, numbers.Number) and not isinstance(v, bool)
    }


def test_a_range_of_three_respondents_shows_the_refusal_never_a_number(
    tmp_path, tiny_installed, run_cli
):
    path = book(
        tmp_path,
        SIX[:4],
        {
            "B1": f'=MOGNAD_SCORE({R},"tiny")',
            "B2": "=ISNUMBER(B1)",
            "B3": '=IF(ISNUMBER(B1),B1*100,"inget tal")',
            "B4": f'=MOGNAD_RESPONDENTS({R},"tiny")',
            "B5": f'=MOGNAD_SCORE({R},"tiny","a1")',
            "B6": '=MOGNAD_LEVEL(B1,"tiny")',
            "A8": f'=MOGNAD_STATEMENTS({R},"tiny")',
        },
    )
    got, printed = recalc_cli(run_cli, path)
    on = said(path)
    assert got["B1"] == "#N/A" and on["B1"] == refusal() and "färre än 5 svarande" in on["B1"]
    assert got["B2"] is False and got["B3"] == "inget tal"  # no formula takes it for a number
    assert got["B4"] == got["B5"] == got["B6"] == got["A8"] == "#N/A"  # not even the count
    assert on["B4"] == on["B5"] == on["A8"] == refusal()
    assert on["B6"] == 'MOGNAD: argumentet "score" är felvärdet #N/A: ' + refusal()[8:]  # passed on
    assert error_cells(path.with_name("ut.xlsx")).keys() == {"B1", "B4", "B5", "B6", "A8"}
    assert numbers_on(got) == {}
    assert NOTICE not in printed


def test_a_statement_four_of_five_answered_vet_ej_shows_no_figure(
    tmp_path, tiny_installed, run_cli
):
    rows = [list(r) for r in SIX[:6]]
    for r in rows[2:6]:
        r[1] = "Vet ej"  # a1: one answer (respondent 1) among five respondents
    path = book(
        tmp_path,
        rows,
        {
            "B1": f'=MOGNAD_SCORE({R},"tiny","a1")',
            "A3": f'=MOGNAD_STATEMENTS({R},"tiny")',  # a1 is the first statement: row 4
            "J4": "=ISNUMBER(D4)",
            "J5": "=ISNUMBER(D5)",
        },
    )
    got, _ = recalc_cli(run_cli, path)
    # one reason for every hidden figure: it does not say whether a1 is small or hidden to
    # protect a smaller one (each would bound its count)
    assert got["B1"] == "#N/A" and said(path)["B1"] == (
        'MOGNAD: påstående "a1" visas inte av anonymitetsskäl (färre än 5 svar, eller så att en '
        "mindre grupp inte kan räknas fram)."
    )
    assert got["A4"] == "a1" and got["D4"] == "#N/A"  # a withheld figure: #N/A, not text
    assert set(said(path)) == {"B1"}  # comments on failing formulas' cells, not in tables
    assert not any(f"{c}4" in numbers_on(got) for c in "DEFG")  # no mean, n or vet ej share
    assert got["J4"] is False and got["A5"] == "a2" and got["J5"] is True


def test_six_respondents_give_the_numbers_of_mognad_score_json(tmp_path, tiny_installed, run_cli):
    data = tmp_path / "svar.xlsx"
    wb = openpyxl.Workbook()
    responses_sheet(wb, SIX)
    wb.save(data)
    done = run_cli("score", data, "--model", "tiny", "--format", "json")
    assert done.exit_code == 0, done.stderr
    expected = json.loads(done.stdout)
    path = book(
        tmp_path,
        SIX,
        {
            "B1": f'=MOGNAD_SCORE({R},"tiny")',
            "B2": f'=MOGNAD_RESPONDENTS({R},"tiny")',
            "A4": f'=MOGNAD_DIMENSIONS({R},"tiny")',
            "A10": f'=MOGNAD_STATEMENTS({R},"tiny")',
        },
    )
    got, _ = recalc_cli(run_cli, path)
    assert got["B1"] == expected["overall"]  # the published, rounded figure
    assert got["B2"] == expected["n_respondents"] == 6
    dims = expected["dimensions"]
    assert [got[f"A{r}"] for r in range(5, 5 + len(dims))] == list(dims)
    assert "A8" not in got  # no notice line under a protected table
    for r, dim_id in enumerate(dims, start=5):
        assert [got.get(f"{c}{r}") for c in "DEF"] == [
            dims[dim_id]["score"],
            dims[dim_id]["n"],
            dims[dim_id]["dont_know_share"],
        ]
    stmts = expected["statements"]
    assert stmts["b3"]["score"] is None  # hidden: two answers
    assert [got[f"A{r}"] for r in range(11, 11 + len(stmts))] == list(stmts)
    for r, sid in enumerate(stmts, start=11):
        shown = [got.get(f"{c}{r}") for c in "DEFG"]
        exp = stmts[sid]
        if exp["score"] is None:
            assert shown == ["#N/A", None, None, None]
        else:
            assert shown == [exp["score"], exp["mean"], exp["n"], exp["dont_know_share"]]


def test_the_min_size_setting_changes_the_recalculated_workbook(
    tmp_path, tiny_installed, run_cli, monkeypatch
):
    path = book(
        tmp_path,
        SIX,
        {"B1": f'=MOGNAD_SCORE({R},"tiny")', "A3": f'=MOGNAD_DIMENSIONS({R},"tiny")'},
    )
    model = mognad.get_model("tiny")
    frame = pd.DataFrame(SIX[1:], columns=SIX[0])
    protected, printed = recalc_cli(run_cli, path)
    assert protected["B1"] == mognad.score(frame, model).overall
    assert "A7" not in protected and NOTICE not in printed
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "1")  # the same workbook, in the same process
    exact, printed = recalc_cli(run_cli, path)
    assert exact["B1"] == mognad.score(frame, model, min_size=1).overall != protected["B1"]
    assert exact["A7"].startswith(NOTICE) and f"Obs: {NOTICE}" in printed
    monkeypatch.delenv("MOGNAD_MIN_SIZE")
    (tmp_path / "mognad.toml").write_text("min_size = 10\n", encoding="utf-8")  # the folder's
    refused, _ = recalc_cli(run_cli, path)
    assert refused["B1"] == refused["A3"] == "#N/A"
    assert said(path)["B1"] == said(path)["A3"] == refusal(10)
    assert numbers_on(refused) == {}
    # the command's option, for every cell of the workbook at once, before the settings
    again, printed = recalc_cli(run_cli, path, "--min-size", "1")
    assert again["B1"] == exact["B1"] and f"Obs: {NOTICE}" in printed
    again, _ = recalc_cli(run_cli, path, "--min-size", "5")
    assert again == protected
    bad = run_cli("excel", "recalc", path, "-o", tmp_path / "x.xlsx", "--min-size", "2")
    assert bad.exit_code == 2 and "Minsta gruppstorlek 2" in bad.stderr
    assert not (tmp_path / "x.xlsx").exists()


# ---- error values: what Excel's own functions do with a failing MOGNAD_* cell --------------
def test_if_iferror_iserror_and_average_treat_a_failing_cell_as_an_excel_error(
    tmp_path, tiny_installed
):
    """Was: the cell held the text "MOGNAD: ...", so IF(B1>0.5;...) said "bra", IFERROR and
    ISERROR did not see it, and AVERAGE skipped it."""
    bad = [list(r) for r in SIX]
    bad[5][3] = "ofta"  # sheet row 6, below the three-respondent range A1:F4
    path = book(
        tmp_path,
        bad,
        {
            "B1": f'=MOGNAD_SCORE({R},"tiny")',  # #VALUE!: an answer that is not on the scale
            "B2": '=IF(B1>0.5,"bra","svag")',
            "B3": '=IFERROR(B1,"fel")',
            "B4": "=ISERROR(B1)",
            "B5": "=AVERAGE(B1,1)",
            "B6": "=ISNUMBER(B1)",
            "B7": "=ISERR(B1)",
            "C1": '=MOGNAD_SCORE(Svar!$A$1:$F$4,"tiny")',  # #N/A: three respondents
            "C2": "=ISNA(C1)",
            "C3": '=IFNA(C1,"för få svar")',
            "C4": '=IF(ISERROR(C1),"",C1*100)',
            "D1": '=MOGNAD_LEVEL(150,"tiny")',  # #NUM!: 150 % is no score
            "D2": "=ISERR(D1)",
        },
    )
    out = tmp_path / "ut.xlsx"
    report = recalc(path, out)
    got = values(out)
    assert got["B1"] == "#VALUE!"
    assert got["B2"] == "#VALUE!"  # not "bra"
    assert got["B3"] == "fel" and got["B4"] is True and got["B6"] is False and got["B7"] is True
    assert got["B5"] == "#VALUE!"  # not 1
    assert got["C1"] == "#N/A" and got["C2"] is True and got["C3"] == "för få svar"
    assert got["C4"] is None or got["C4"] == ""
    assert got["D1"] == "#NUM!" and got["D2"] is True
    assert error_cells(out) == {
        "B1": "#VALUE!",
        "B2": "#VALUE!",
        "B5": "#VALUE!",
        "C1": "#N/A",
        "D1": "#NUM!",
    }
    on = messages(out)
    assert on["B1"].startswith('MOGNAD: blad "Svar", rad 6, kolumn D ("b1"): "ofta"')
    assert on["B2"] == on["B1"]  # a formula that passes the error on passes its message on
    assert on["D1"].startswith("MOGNAD: 150 ")
    assert not [f for f in report.failed]


def test_an_error_cell_in_the_answers_gives_the_same_message_in_excel_and_in_recalc(
    tmp_path, tiny_installed
):
    """Excel passes an error cell of the response range as its error text (``err_to_str``), as
    recalc reads it from the file: both refuse it with the same located message."""
    path = book(tmp_path, [list(r) for r in SIX], {"B1": f'=MOGNAD_SCORE({R},"tiny")'})
    wb = openpyxl.load_workbook(path)
    wb["Svar"]["C3"] = "#N/A"  # an error cell (openpyxl stores "#N/A" as type "e")
    wb.save(path)
    assert openpyxl.load_workbook(path)["Svar"]["C3"].data_type == "e"
    out = tmp_path / "ut.xlsx"
    recalc(path, out)
    in_recalc = messages(out)["B1"]
    assert values(out)["B1"] == "#VALUE!"
    assert in_recalc.startswith(
        'MOGNAD: blad "Svar", rad 3, kolumn C ("a2"): cellen har felvärdet #N/A (en formel som '
        "inte kunde räknas ut), inget svar."
    )
    # the same range as Excel passes it with err_to_str: the error cell as its text
    grid = [list(r) for r in SIX] + [[None] * 6] * 20
    grid[2][2] = "#N/A"
    grid = [[float(v) if isinstance(v, int) else v for v in row] for row in grid]
    in_excel = udfs.MOGNAD_SCORE(udfs.CellRange(grid, sheet="Svar"), "tiny")
    assert in_excel == "#VALUE!" and in_excel.message == in_recalc


def test_a_failing_table_shows_its_error_in_every_cell_and_its_message_once(
    tmp_path, tiny_installed
):
    """A legacy array range whose formula fails shows the error in every cell, as Excel does;
    the message is a comment on the formula's cell only (not one per cell: hundreds)."""
    bad = [list(r) for r in SIX]
    bad[2][3] = "ofta"
    wb = openpyxl.Workbook()
    responses_sheet(wb, bad)
    res = wb.create_sheet("Resultat")
    res["A3"] = ArrayFormula("A3:F8", f'=MOGNAD_DIMENSIONS({R},"tiny")')
    path, out = tmp_path / "bok.xlsx", tmp_path / "ut.xlsx"
    wb.save(path)
    recalc(path, out)
    assert error_cells(out) == {f"{c}{r}": "#VALUE!" for c in "ABCDEF" for r in range(3, 9)}
    assert list(messages(out)) == ["A3"]


def test_rows_below_a_table_that_it_did_not_take_in_are_reported(tmp_path, tiny_installed, opt_out):
    """Rows written under an Excel Table without it growing (a script, a paste below a blank
    row) are not part of it: formulas on the table do not count them, and recalc says so."""
    from openpyxl.worksheet.table import Table

    wb = openpyxl.Workbook()
    ws = responses_sheet(wb, SIX)  # header + 6 respondents, rows 1-7
    ws.add_table(Table(displayName="Svarstabell", ref="A1:F5"))  # took in 4 of them
    res = wb.create_sheet("Resultat")
    res["A1"] = '=MOGNAD_RESPONDENTS(Svarstabell[#All],"tiny")'
    res["A2"] = '=MOGNAD_RESPONDENTS(Svarstabell,"tiny")'  # the data rows: no header, refused
    path, out = tmp_path / "bok.xlsx", tmp_path / "ut.xlsx"
    wb.save(path)
    report = recalc(path, out)
    assert values(out)["A1"] == 4
    below = [n for n in report.notes if n.startswith("Tabellen Svarstabell")]
    assert below == [
        "Tabellen Svarstabell (Svar!A1:F5) har ifyllda rader under sig (rad 6–7) som inte hör "
        "till den: de räknas inte. Låt tabellen ta med dem (i Excel: dra i dess nedre högra "
        "hörn, eller Tabelldesign > Ändra storlek på tabell; med openpyxl: ändra tabellens ref) "
        "och räkna om."
    ]
    english = recalc(path, out, force=True, lang="en")
    assert any(
        n.startswith("The table Svarstabell (Svar!A1:F5) has filled rows") for n in english.notes
    )
