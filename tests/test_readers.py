"""Readers: workbooks and CSV files written here and read back, positions as the user sees them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from openpyxl import Workbook

import mognad_core as mognad
from mognad_core.readers import read_table
from mognad_core.readers.csv import CsvReader, detect_separator
from mognad_core.readers.excel import ExcelReader

SAMPLES = Path(__file__).parent.parent / "plugins" / "dimios" / "mognad_dimios" / "samples"


def _workbook(tmp_path: Path, rows, *, start_row=1, start_col=1, hidden_first=False) -> Path:
    wb = Workbook()
    if hidden_first:
        ws0 = wb.active
        ws0.title = "Dold"
        ws0.sheet_state = "hidden"
        ws0["A1"] = "ignore me"
        ws = wb.create_sheet("Svar")
    else:
        ws = wb.active
        ws.title = "Svar"
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            ws.cell(row=start_row + i, column=start_col + j, value=value)
    path = tmp_path / "svar.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_table_away_from_a1_keeps_user_positions(tmp_path, engine):
    rows = [
        ["a1", "a2", None, "roll"],
        [1, 2, None, "Chef"],
        [None, None, None, None],
        [3, "Vet ej", None, "Medarbetare"],
    ]
    path = _workbook(tmp_path, rows, start_row=3, start_col=2)
    table = ExcelReader(engine).read(path)
    assert list(table.frame.columns) == ["a1", "a2", "roll"]
    assert table.header_row == 3
    assert list(table.row_numbers) == [4, 6]  # the empty row 5 is dropped, numbering kept
    assert table.column_indices == [1, 2, 4]  # B, C, E: the empty column D is dropped
    assert table.frame.iloc[1, 1] == "Vet ej"


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_first_visible_sheet_is_the_default(tmp_path, engine):
    path = _workbook(tmp_path, [["a1"], [1]], hidden_first=True)
    assert ExcelReader(engine).read(path).sheet == "Svar"
    assert ExcelReader(engine).read(path, "svar").sheet == "Svar"  # case-insensitive
    assert ExcelReader(engine).sheet_names(path) == ["Dold", "Svar"]


def test_engines_agree_on_the_bundled_sample():
    path = SAMPLES / "dimios_sample.xlsx"
    fast = mognad.prepare(ExcelReader("calamine").read(path), mognad.get_model("dimios"))
    slow = mognad.prepare(ExcelReader("openpyxl").read(path), mognad.get_model("dimios"))
    np.testing.assert_array_equal(fast.values, slow.values)
    np.testing.assert_array_equal(fast.dont_know, slow.dont_know)
    assert fast.n == slow.n == 480


def test_csv_swedish_excel_cp1252_semicolon_decimal_comma(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_bytes(
        "förvaltning;a1;a2\nSocialförvaltningen;4,0;Vet ej\nKLF;3;2\n".encode("cp1252")
    )
    table = read_table(path)
    assert list(table.frame.columns) == ["förvaltning", "a1", "a2"]
    assert table.frame.iloc[0, 0] == "Socialförvaltningen"
    assert table.column_style == "number"
    model = mognad.load_model_file(Path(__file__).parent / "data" / "tiny.yaml")
    rs = mognad.prepare(table, model)
    assert rs.values[0, 0] == 4.0 and rs.dont_know[0, 1]


def test_csv_utf8_with_bom_and_commas(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_bytes("\ufeffroll,a1\nChef,5\n\nMedarbetare,1\n".encode())
    table = CsvReader().read(path)
    assert list(table.frame.columns) == ["roll", "a1"]  # no BOM in the first header
    assert list(table.row_numbers) == [2, 4]  # the blank line 3 keeps its number


@pytest.mark.parametrize(
    ("text", "sep"),
    [
        ("a;b;c\n1;2;3\n", ";"),
        ("a,b,c\n1,2,3\n", ","),
        ("a\tb\n1\t2\n", "\t"),
        ("a;b\n1,5;2,5\n", ";"),
    ],
)
def test_separator_detection(text, sep):
    assert detect_separator(text) == sep


def test_sheet_names_error_for_corrupt_workbook(tmp_path):
    path = tmp_path / "trasig.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(mognad.InputError, match=r"^trasig\.xlsx: the file is not a readable"):
        read_table(path)
