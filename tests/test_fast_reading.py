"""The fast reading paths agree with the plain rules (they exist for benchmarks/run.py):
object cells coded once per distinct value and as one row-major block, blank rows and columns
found without classifying every cell, the sheet scan counting rows by their end tags, and the
probe that settles most attribute columns from their first cells."""

from __future__ import annotations

import datetime
import decimal
import math
import random
import warnings
import zipfile

import numpy as np
import pandas as pd
import pytest
from pandas.api.types import infer_dtype, is_bool_dtype, is_numeric_dtype

import mognad_core as mognad
from mognad_core.answers import BLANK_TEXT, answer_key
from mognad_core.readers import limits
from mognad_core.readers.grid import HEADER_PROBE_ROWS, header_text, table_from_grid
from mognad_core.responses import (
    PROBE_ROWS,
    _parse_text,
    code_column,
    looks_like_statement,
    prepare,
)
from mognad_core.schema import normalize_token
from mognad_core.texts import words


# ---- the plain rules, cell by cell (as the code was before the fast paths) ------------------
def reference_code_column(column: pd.Series, scale) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = len(column)
    dk = np.zeros(n, dtype=bool)
    bad_type = np.zeros(n, dtype=bool)
    if is_bool_dtype(column.dtype):
        vals = np.full(n, np.nan)
        bad_type = column.notna().to_numpy()
    elif is_numeric_dtype(column.dtype):
        vals = np.array(column.to_numpy(dtype=float, na_value=np.nan), dtype=float, copy=True)
    else:
        obj = column.to_numpy(dtype=object)
        kind = infer_dtype(obj, skipna=True)
        numeric = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        vals = np.array(numeric, dtype=float, copy=True)
        if kind not in ("floating", "integer", "mixed-integer-float", "empty"):
            for i in np.flatnonzero((vals == 0) | (vals == 1)):
                if isinstance(obj[i], (bool, np.bool_)):
                    vals[i] = np.nan
                    bad_type[i] = True
            for i in np.flatnonzero(np.isnan(vals) & ~bad_type):
                v = obj[i]
                if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
                    continue  # blank: None, NaN, pandas' NA and NaT
                if isinstance(v, str):
                    if not v.strip():
                        continue
                    if normalize_token(v) in scale.dont_know_normalized:
                        dk[i] = True
                        continue
                    parsed = _parse_text(v)
                    if parsed is not None and not math.isnan(parsed):
                        vals[i] = parsed
                        continue
                    value, dont_know, kind = answer_key(scale).classify(v)
                    if not math.isnan(value):
                        vals[i] = value
                    elif dont_know:
                        dk[i] = True
                    elif kind != BLANK_TEXT:  # "NULL", "nan", "-": blank
                        bad_type[i] = True
                    continue
                bad_type[i] = True
    codes = scale.dont_know_numbers
    if codes:
        is_code = np.isin(vals, codes)
        dk |= is_code
        vals[is_code] = np.nan
    finite = ~np.isnan(vals)
    bad = bad_type | (finite & ((vals < scale.min) | (vals > scale.max) | np.isinf(vals)))
    if scale.integer:
        with np.errstate(invalid="ignore"):
            bad |= finite & (vals != np.round(vals))
    vals[bad] = np.nan
    return vals, dk, np.flatnonzero(bad)


CELLS = [
    None, np.nan, pd.NA, pd.NaT, True, False, np.bool_(True), 1, 3, 0, 9, 10**30, np.int64(4),
    np.float64(2.0), np.float32(3.0), 1.0, 2.0, 5.0, 2.5, 0.0, -0.0, 9.0, float("inf"), 6.0,
    "4", " 4 ", "4,0", "4.5", "3,5", "vet ej", "VET  EJ", "Vet ej", "", "  ", "\u00a0", "nan",
    "inf", "1e0", "1_0", "9", "fyra", "5 - Helt", "NULL", "-", "N/A", "100 %", "Stämmer helt",
    "STÄMMER  ganska bra.", "4 - Stämmer ganska bra", "4 (Stämmer ganska bra)", "2. Stämmer dåligt",
    "5 - Stämmer dåligt", "9 - Vet ej", "Applies poorly", datetime.datetime(2024, 1, 2),
    datetime.date(2024, 1, 2), datetime.time(12, 30), datetime.timedelta(days=1),
    decimal.Decimal("3"), b"4",
]  # fmt: skip


def _scales():
    def model(scale):
        return mognad.model_from_dict(
            {
                "name": "x",
                "title": "X",
                "scale": scale,
                "dimensions": [{"id": "d", "label": "D", "statements": [{"id": "s", "text": "S"}]}],
            }
        )

    return [
        mognad.get_model("dimios").scale,
        model({"min": 1, "max": 5, "dont_know": ["vet ej", "9"]}).scale,
        model({"min": 0, "max": 10, "integer": False}).scale,
    ]


def test_code_column_agrees_with_the_plain_rules_cell_by_cell():
    rng = random.Random(8)
    scales = _scales()
    for _ in range(600):
        pool = rng.sample(CELLS, rng.randint(1, 8))
        column = pd.Series([rng.choice(pool) for _ in range(rng.choice([1, 3, 40]))], dtype=object)
        for scale in scales:
            got = code_column(column, scale)
            vals, dk, bad = reference_code_column(column, scale)
            np.testing.assert_array_equal(got.values, vals)
            np.testing.assert_array_equal(got.dont_know, dk)
            np.testing.assert_array_equal(got.bad, bad)


def test_one_true_and_one_1_are_kept_apart():
    """Distinct values are distinct by type too: TRUE is an error, 1 an answer."""
    scale = _scales()[0]
    coded = code_column(pd.Series([1, True, 1.0, np.bool_(True), "1"], dtype=object), scale)
    assert coded.bad.tolist() == [1, 3]
    np.testing.assert_array_equal(coded.values[[0, 2, 4]], [1, 1, 1])


def _mixed_frame(model, n=400, seed=3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    data: dict[str, list] = {"förvaltning": rng.choice(["Soc", "KLF"], n).tolist()}
    for sid in model.statement_ids:
        cells: list = rng.integers(1, 6, n).astype(float).tolist()
        for i in np.flatnonzero(rng.random(n) < 0.2):
            cells[i] = ["", None, "Vet ej", " 4 ", "4,0", 3][i % 6]
        data[sid] = cells
    return pd.DataFrame(data, dtype=object)


def test_statements_coded_as_one_block_equal_column_by_column():
    model = mognad.get_model("dimios")
    frame = _mixed_frame(model)
    frame["a34"] = pd.to_numeric(frame["a34"], errors="coerce")  # one numeric column among them
    rs = prepare(frame, model)
    for j, sid in enumerate(model.statement_ids):
        coded = code_column(frame[sid], model.scale)
        np.testing.assert_array_equal(rs.values[:, j], coded.values)
        np.testing.assert_array_equal(rs.dont_know[:, j], coded.dont_know)
    assert rs.dont_know.sum() > 0


def test_block_errors_are_listed_in_statement_then_row_order():
    model = mognad.get_model("dimios")
    frame = _mixed_frame(model)
    frame.loc[7, "f13"] = "kanske"
    frame.loc[2, "f14"] = 7.0
    frame.loc[5, "f13"] = True
    frame.loc[9, "a11"] = datetime.date(2024, 5, 1)
    with pytest.raises(mognad.InputError) as err:
        prepare(frame, model)
    exc = err.value
    assert exc.location.row == 7 and exc.location.column == "f13"  # row 5 + header + 1
    # problem and more are messages (texts.Message), put into words here in English
    assert "TRUE (a TRUE/FALSE cell) is not a valid answer" in words([exc.problem], "en")[0]
    assert words(exc.more, "en") == [
        'row 9 column D ("f13")',
        'row 4 column E ("f14")',
        'row 11 column Q ("a11")',  # after f11-f35 in columns B-P
    ]
    assert exc.more_count == 3


# ---- finding the header, blank rows and blank columns ---------------------------------------
def reference_table(grid: pd.DataFrame):
    obj = grid.to_numpy(dtype=object)
    text = np.frompyfunc(lambda v: isinstance(v, str) and not v.strip(), 1, 1)(obj).astype(bool)
    blank = grid.isna().to_numpy() | text
    filled = np.flatnonzero(~blank.all(axis=1))
    if not filled.size:
        return "empty"
    probe = filled[:HEADER_PROBE_ROWS]
    counts = (~blank[probe]).sum(axis=1)
    width = int(counts.max())
    h = int(probe[0])
    if width > 1:  # the header: the first row at least half as wide as the widest (2 or more)
        h = int(probe[np.argmax(counts >= max(2, math.ceil(width / 2)))])
        if (counts[probe < h] > max(2, width // 4)).any():
            return "ambiguous"
    body_blank = blank[h + 1 :]
    if np.flatnonzero(~blank[h]).size == 1 and ((~body_blank).any(axis=0) & blank[h]).any():
        return "title"
    keep_rows = ~body_blank.all(axis=1)
    keep_cols = ~(blank[h] & body_blank.all(axis=0))
    frame = grid.iloc[h + 1 :].loc[keep_rows, keep_cols]
    headers = [header_text(v) for v in obj[h][keep_cols]]
    return h, headers, frame.to_numpy(dtype=object), np.arange(h + 1, len(grid))[keep_rows]


def test_table_from_grid_agrees_with_classifying_every_cell():
    rng = random.Random(4)
    blanks = [None, np.nan, "", "  ", "\u00a0\t"]
    values = [1.0, 5, "Vet ej", "a1", "x", datetime.date(2024, 1, 1), True, 0.0]
    for trial in range(300):
        rows, cols = rng.randint(1, 9), rng.randint(1, 12)
        p_blank = rng.choice([0.2, 0.6, 0.9])
        grid = pd.DataFrame(
            [
                [rng.choice(blanks if rng.random() < p_blank else values) for _ in range(cols)]
                for _ in range(rows)
            ],
            dtype=object,
        )
        want = reference_table(grid)
        try:
            table = table_from_grid(grid, source="x.xlsx", sheet="S", first_row=3)
        except mognad.InputError as exc:
            expected = {
                "empty": "the sheet is empty",
                "title": "looks like a title",
                "ambiguous": "could be a title or the header row",
            }
            problem = words([exc.problem], "en")[0]
            assert want in expected and expected[want] in problem, (trial, want, exc)
            continue
        h, headers, cells, row_numbers = want
        assert table.header_row == h + 3
        assert list(table.frame.columns) == headers
        assert table.row_numbers.tolist() == (row_numbers + 3).tolist()
        got = table.frame.to_numpy(dtype=object)
        assert got.shape == cells.shape
        assert all(
            (a is b) or (a == b) or (a != a and b != b)
            for a, b in zip(got.flat, cells.flat, strict=True)
        ), trial


def test_a_table_with_nothing_to_drop_shares_the_grid_cells():
    grid = pd.DataFrame([["a1", "a2"], [1.0, "Vet ej"], [2.0, 3.0]], dtype=object)
    table = table_from_grid(grid, source=None, sheet=None)
    assert table.frame.to_numpy().tolist() == [[1.0, "Vet ej"], [2.0, 3.0]]
    assert list(table.frame.columns) == ["a1", "a2"] and list(grid.columns) == [0, 1]


# ---- the sheet scan -------------------------------------------------------------------------
@pytest.mark.parametrize("p", ["", "x:"])
def test_rows_are_counted_by_their_end_tags(tmp_path, p):
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    xmlns = f'xmlns:{p[:-1]}="{ns}"' if p else f'xmlns="{ns}"'
    xml = (
        f"<?xml version='1.0'?><{p}worksheet {xmlns}><{p}sheetData>"
        f'<{p}row r="1"><{p}c r="A1"><{p}v>1</{p}v></{p}c></{p}row>'
        f'<{p}row r="2" hidden="1"><{p}c r="A2"><{p}v>2</{p}v></{p}c></{p}row>'
        f'<{p}row r="3"/><{p}row r="4" spans="1:1"/>'
        f'<{p}row r="5"><{p}c r="A5" t="e"><{p}v>#N/A</{p}v></{p}c></{p}row>'
        f'</{p}sheetData><{p}mergeCells count="1"><{p}mergeCell ref="B1:C1"/></{p}mergeCells>'
        f"</{p}worksheet>"
    )
    path = tmp_path / "s.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/worksheets/sheet1.xml", xml)
    part = "xl/worksheets/sheet1.xml"
    info = limits.scan_sheet(path, part, limits.Limits(), "S")
    assert info.rows == 3  # rows 3 and 4 hold no cell
    assert info.hidden_rows == [2]
    assert info.merged == ["B1:C1"]
    assert info.errors == [(5, 0, "#N/A")]
    with pytest.raises(mognad.InputError, match="more than the limit of 2 rows"):
        limits.scan_sheet(path, part, limits.Limits(max_rows=2), "S")


# ---- the probe of attribute columns ---------------------------------------------------------
def test_the_probe_only_settles_what_the_whole_column_would():
    scale = mognad.get_model("dimios").scale
    sentence = "Vi har en tydlig strategi för digitalisering"
    valid = pd.Series([3.0, "Vet ej"] * PROBE_ROWS, dtype=object)
    assert looks_like_statement(sentence, valid, scale) is True
    late_text = valid.copy()
    late_text.iloc[-1] = "Socialförvaltningen"  # a bad cell below the probe
    assert looks_like_statement(sentence, late_text, scale) is False
    early_text = valid.copy()
    early_text.iloc[3] = "Socialförvaltningen"
    assert looks_like_statement(sentence, early_text, scale) is False


# ---- calamine's rows as one object array -----------------------------------------------------
def _mixed_workbook(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Svar"
    ws.append(["Enkät 2025"])  # a title row above the header
    ws.append([])
    ws.append(["förvaltning", "år", "f11", "f12", "f13", "f14"])
    cells = [3, 2.5, "Vet ej", None, "4", True, datetime.datetime(2024, 5, 1), " ", "4,0", 7]
    for i in range(40):
        ws.append(["KLF" if i % 2 else "Socialförvaltningen", 2025]
                  + [cells[(i + j) % len(cells)] for j in range(4)])  # fmt: skip
    path = tmp_path / "blandat.xlsx"
    wb.save(path)
    return path


def test_the_grid_is_the_cells_calamine_gives(tmp_path, monkeypatch):
    from mognad_core.readers import excel

    path = _mixed_workbook(tmp_path)
    fast = excel.ExcelReader("calamine").read(path)
    with pytest.raises(mognad.InputError) as fast_error:
        prepare(fast, mognad.get_model("dimios"))

    def lists(rows):  # the grid as it was made before: a DataFrame of calamine's lists
        return pd.DataFrame(rows, dtype=object) if rows else pd.DataFrame()

    monkeypatch.setattr(excel, "_grid_of", lists)
    plain = excel.ExcelReader("calamine").read(path)
    with pytest.raises(mognad.InputError) as plain_error:
        prepare(plain, mognad.get_model("dimios"))
    assert fast.frame.shape == plain.frame.shape == (40, 6)
    assert list(fast.frame.columns) == list(plain.frame.columns)
    for a, b in zip(fast.frame.to_numpy().ravel(), plain.frame.to_numpy().ravel(), strict=True):
        assert type(a) is type(b) and (a == b or (a != a and b != b)), (a, b)
    assert fast.row_numbers.tolist() == plain.row_numbers.tolist()
    assert fast.column_indices == plain.column_indices and fast.notes == plain.notes
    assert str(fast_error.value) == str(plain_error.value)
    assert "f11" in str(fast_error.value) and "blandat.xlsx" in str(fast_error.value)


def test_rows_of_unequal_length_still_make_a_grid():
    from mognad_core.readers.excel import _grid_of

    with warnings.catch_warnings():  # pandas warns of padding rows, as it always did here
        warnings.simplefilter("ignore")
        grid = _grid_of([["a", "b"], [1.0]])
    assert grid.shape == (2, 2) and grid.iat[1, 0] == 1.0 and grid.iat[1, 1] is None
    square = _grid_of([["a", "b"], [1.0, "Vet ej"], [None, "x"]])
    assert square.shape == (3, 2) and square.dtypes.tolist() == [object, object]  # no str dtype
    assert square.iat[2, 0] is None
    assert _grid_of([]).shape == (0, 0)
