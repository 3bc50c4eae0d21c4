"""What an empty cell is (mognad_core/cells.py), and that every path asks it."""

from __future__ import annotations

import datetime
import decimal
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import params

from mognad_core.cells import is_blank, is_missing

EMPTY = [None, float("nan"), np.float64("nan"), np.float32("nan"), pd.NA, pd.NaT]
EMPTY += [np.datetime64("NaT"), decimal.Decimal("NaN")]
FILLED = ["", " ", "nan", "<NA>", 0, 0.0, False, np.int64(0), datetime.date(2025, 1, 1)]
FILLED += [pd.Timestamp("2025-01-01"), float("inf"), [None], np.array([np.nan])]


@pytest.mark.parametrize("value", params(EMPTY, repr))
def test_a_cell_without_a_value_is_missing(value):
    assert is_missing(value) is True


@pytest.mark.parametrize("value", params(FILLED, repr))
def test_a_cell_with_a_value_is_not_missing(value):
    """Blank text is text (each caller decides what it means), and a list or an array is a
    value of the wrong kind, never a blank."""
    assert is_missing(value) is False


def test_no_module_decides_on_its_own_what_an_empty_cell_is():
    """The test "None, or a float that is not equal to itself" misses pandas' NA and NaT, so a
    module that spells it out reads a blank cell of a typed DataFrame as a value ("<NA>"); one
    that names NA and NaT, or asks pandas about one cell, decides on its own too."""
    root = Path(__file__).resolve().parents[1]
    own_rules = [
        r"(\w+) is None or \(isinstance\(\1, float\) and \1 != \1\)",
        r"isinstance\((\w+), float\) and (\1 != \1|math\.isnan\(\1\))",
        r"\bis (pd\.NA|pd\.NaT)\b",
        r"pd\.(isna|isnull|notna|notnull)\((value|v|cell|x|name)\)",
    ]
    patterns = [re.compile(rule) for rule in own_rules]
    found = [
        f"{path.relative_to(root)}:{number}"
        for base in ("mognad_core", "excel")
        for path in sorted((root / base).rglob("*.py"))
        if path.name != "cells.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(pattern.search(line) for pattern in patterns)
    ]
    assert found == []


@pytest.mark.parametrize("value", params([*EMPTY, "", " ", "\t\n"], repr))
def test_a_blank_cell_is_an_empty_cell_or_text_of_blanks(value):
    assert is_blank(value) is True


@pytest.mark.parametrize("value", params(FILLED[2:], repr))
def test_a_cell_with_a_value_is_not_blank(value):
    assert is_blank(value) is False
