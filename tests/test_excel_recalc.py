"""Offline recalculation: workbooks written with openpyxl, recalculated, read back and compared
with the Python API (tiny model: hand-computed values in tests/test_scoring.py)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from mognad_excel import udfs
from mognad_excel.recalc import recalc
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula

import mognad_core as mognad
from mognad_core.errors import MognadError

DATA = Path(__file__).parent / "data"
A = (0.875 + 5 / 6) / 2
B1 = (1 / 3 + 3 * 0.5) / 4
OVERALL = (2 * A + B1) / 3
ROWS = [
    ["förvaltning", "a1", "a2", "b1", "b2", "b3"],
    ["Soc", 5, 1, 3, 2, None],
    ["Soc", 4, 2, 3, "dont know", None],
    ["KLF", "Vet ej", 2, 1, "  vet ej ", "Vet ej"],
    ["KLF", None, "VET INTE", "don't know", 4, None],
]
R = "Svar!$A$1:$F$100"


class TinyPlugin:
    @mognad.hookimpl
    def register_models(self, register):
        register(mognad.load_model_file(DATA / "tiny.yaml"))


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


def values(path: Path, sheet: str = "Resultat") -> dict[str, object]:
    wb = openpyxl.load_workbook(path)  # formulas, if any were left, show as text
    try:
        ws = wb[sheet]
        return {c.coordinate: c.value for row in ws.iter_rows() for c in row}
    finally:
        wb.close()


def test_recalc_matches_the_python_api(workbook, tmp_path):
    before = digest(workbook)
    out = tmp_path / "ut.xlsx"
    report = recalc(workbook, out)
    assert digest(workbook) == before  # the input is never written
    got = values(out)
    model = mognad.get_model("tiny")
    result = mognad.score(pd.DataFrame(ROWS[1:], columns=ROWS[0]), model)
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
    assert [got[f"A{r}"] for r in range(9, 13)] == ["id", *dims.index]
    assert [got[f"{c}9"] for c in "ABCDEFG"] == [
        "id",
        "dimension",
        "parent",
        "score",
        "n",
        "vet ej share",
        "level",
    ]
    for r, dim_id in zip(range(10, 13), dims.index, strict=True):
        assert got[f"D{r}"] == pytest.approx(dims.loc[dim_id, "score"])
        assert got[f"E{r}"] == dims.loc[dim_id, "n"]
        assert got[f"G{r}"] == dims.loc[dim_id, "level"]
    assert got["I10"] == pytest.approx(result.dimensions["A"].score * 100)
    # the legacy array range: six rows of statements, then #N/A as Excel shows them
    stmts = result.statements_frame()
    assert [got[f"A{r}"] for r in range(15, 21)] == ["id", *stmts.index]
    assert got["D16"] == pytest.approx(stmts.loc["a1", "score"])
    assert got["A21"] == got["G22"] == "#N/A"
    assert got["K1"] == 3
    assert got["K2"] == "=XLOOKUP(1,A1:A2,B1:B2)"  # not evaluable: left as it was
    assert got["M1"] == "#SPILL!" and got["O1"] == "in the way"

    kinds = {c.cell: c.kind for c in report.cells}
    assert kinds["Resultat!B1"] == "mognad" and kinds["Resultat!B4"] == "mognad"
    assert kinds["Resultat!B2"] == kinds["Resultat!B6"] == kinds["Resultat!I10"] == "dependent"
    assert kinds["Resultat!K1"] == "other"
    spills = {c.cell: c.spill for c in report.cells if c.spill}
    assert spills == {"Resultat!A9": "A9:G12", "Resultat!A15": "A15:G22"}
    assert [f[0] for f in report.failed] == ["Resultat!K2"]
    assert "XLOOKUP" in report.failed[0][2]
    text = report.summary()
    assert "Resultat!A9" in text and "table 4 x 7 in A9:G12" in text
    assert "Not evaluated, left as formulas (1):" in text


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
    recalc(src, out)
    got = values(out)
    expected = (
        'MOGNAD: sheet "Svar", row 7, column F ("b1"): "ofta" is not a valid answer. Expected '
        'a whole number from 1 to 5, "vet ej", "vet inte" or a blank cell.'
    )
    assert got["A1"] == got["A2"] == expected


def test_formulas_inside_the_response_range_are_evaluated(tmp_path, tiny_installed):
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


def test_spills_feed_other_mognad_formulas(tmp_path, tiny_installed):
    wb = openpyxl.Workbook()
    responses_sheet(wb)
    res = wb.create_sheet("Resultat")
    res["A1"] = f'=MOGNAD_DIMENSIONS({R},"tiny")'  # spills to A1:G4; D2 = score of A
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


def test_existing_output_needs_force(workbook, tmp_path):
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
    csv = tmp_path / "svar.csv"
    csv.write_text("a1\n1\n")
    with pytest.raises(MognadError, match=r"cannot recalculate a \.csv file"):
        recalc(csv, tmp_path / "ut.xlsx")
    book = tmp_path / "bok.xlsx"
    openpyxl.Workbook().save(book)
    with pytest.raises(MognadError, match=r"must be a \.xlsx file like the input"):
        recalc(book, tmp_path / "ut.xlsm")
    assert not (tmp_path / "ut.xlsx").exists() and not (tmp_path / "ut.xlsm").exists()


def test_cli_recalc(workbook, tmp_path, run_cli):
    out = tmp_path / "ut.xlsx"
    result = run_cli("excel", "recalc", workbook, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Recalculated bok.xlsx -> ut.xlsx in ")
    assert "MOGNAD_* cells (8):" in result.stdout
    assert "Formulas depending on them (3): Resultat!B2, Resultat!B6, Resultat!I10." in (
        result.stdout
    )
    again = run_cli("excel", "recalc", workbook, "-o", out)
    assert again.exit_code == 2
    assert "ut.xlsx already exists. Use --force to replace it." in again.stderr
    same = run_cli("excel", "recalc", workbook, "-o", workbook)
    assert same.exit_code == 2 and "never writes over its input" in same.stderr
    as_json = run_cli("excel", "recalc", workbook, "-o", out, "--force", "--format", "json")
    data = json.loads(as_json.stdout)
    cells = {c["cell"]: c for c in data["cells"]}
    assert cells["Resultat!B1"]["value"] == pytest.approx(OVERALL)
    assert cells["Resultat!A9"]["spill"] == "A9:G12"
    assert data["failed"][0]["cell"] == "Resultat!K2"
