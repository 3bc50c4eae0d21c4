"""What an empty cell is, decided once for every path that reads cells.

A cell holds no value when it is ``None`` (a blank cell in a workbook), a float NaN (a blank
in a numeric column), pandas' ``NA`` (a blank in a ``string``, ``Int64`` or ``boolean`` column
of a DataFrame made in Python) or ``NaT`` (a blank in a date column). Text made only of blanks
is a separate question: :func:`is_blank` counts it as empty too.
"""

from __future__ import annotations

from typing import Any

__all__ = ["is_blank", "is_missing"]


def is_missing(value: Any) -> bool:
    """True for a cell that holds no value: None, NaN, pandas' NA or NaT."""
    if value is None:
        return True
    if isinstance(value, (str, int)):  # text and whole numbers (bool too): the usual cells
        return False
    if isinstance(value, float):
        return bool(value != value)
    import pandas as pd  # here, so that `mognad --help` does not load pandas for this module

    return bool(pd.api.types.is_scalar(value) and pd.isna(value))


def is_blank(value: Any) -> bool:
    """True for no value: an empty cell (:func:`is_missing`) or text of blanks only."""
    return is_missing(value) or (isinstance(value, str) and not value.strip())
