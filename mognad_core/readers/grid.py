"""From a grid of cells (as a spreadsheet shows them) to a :class:`RawTable`."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InputError, Location
from .interface import RawTable


def header_text(value: object) -> str:
    """A header cell as text: numbers without a trailing ``.0``, whitespace trimmed."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:
            return ""
        if value.is_integer():
            return str(int(value))
    return str(value).strip()


def _blank(frame: pd.DataFrame) -> np.ndarray:
    """Boolean grid: True where a cell is empty (None, NaN, or only whitespace)."""
    blank = frame.isna().to_numpy()
    obj = frame.to_numpy(dtype=object)
    is_str = np.frompyfunc(lambda v: isinstance(v, str) and not v.strip(), 1, 1)
    return blank | is_str(obj).astype(bool)


def table_from_grid(
    grid: pd.DataFrame,
    *,
    source: str | None,
    sheet: str | None,
    first_row: int = 1,
    first_col: int = 0,
    letters: bool = True,
) -> RawTable:
    """Find the header (the first non-empty row) and the data rows below it.

    ``grid`` is positional: row ``i`` is sheet row ``first_row + i``, column ``j`` is sheet
    column ``first_col + j``. Fully empty rows and columns after the header are dropped, but the
    row numbers and column letters of what remains are those the user sees.
    """
    where = Location(file=source, sheet=sheet)
    if grid.size == 0:
        raise InputError("the sheet is empty", where, "a header row with statement ids or texts")
    blank = _blank(grid)
    filled_rows = np.flatnonzero(~blank.all(axis=1))
    if filled_rows.size == 0:
        raise InputError("the sheet is empty", where, "a header row with statement ids or texts")
    h = int(filled_rows[0])
    body = grid.iloc[h + 1 :]
    body_blank = blank[h + 1 :]
    filled_header = np.flatnonzero(~blank[h])
    if filled_header.size == 1 and ((~body_blank).any(axis=0) & blank[h]).any():
        # one filled cell above columns of data: a title ("Enkätresultat 2024"), not headers
        title = header_text(grid.iat[h, int(filled_header[0])])
        if len(title) > 60:
            title = title[:50].rstrip() + "…"
        raise InputError(
            f'the first filled row holds only "{title}", which looks like a title, not a '
            "header row",
            Location(file=source, sheet=sheet, row=h + first_row),
            "the header row (statement ids or texts, one per column) as the first filled row: "
            "delete the title rows above it",
        )
    keep_rows = ~body_blank.all(axis=1)
    header_blank = blank[h]
    keep_cols = ~(header_blank & body_blank.all(axis=0))
    headers = [header_text(v) for v in grid.iloc[h].to_numpy(dtype=object)[keep_cols]]
    frame = body.loc[keep_rows, keep_cols].copy()
    frame.columns = pd.Index(headers, dtype=object)
    frame = frame.reset_index(drop=True)
    rows = np.arange(h + 1, grid.shape[0])[keep_rows] + first_row
    cols = [first_col + int(j) for j in np.flatnonzero(keep_cols)]
    return RawTable(
        frame=frame,
        source=source,
        sheet=sheet,
        header_row=h + first_row,
        row_numbers=rows,
        column_indices=cols,
        column_style="letter" if letters else "number",
    )
