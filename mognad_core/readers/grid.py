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


def _filled(cells: np.ndarray) -> np.ndarray:
    """Boolean array: True where a cell (of a 1-D object array) is not empty."""
    blank = np.asarray(pd.isna(cells), dtype=bool)
    rest = np.flatnonzero(~blank)
    if rest.size:  # only text can be blank and still not NA: "" or "  "
        blank[rest] = [isinstance(v, str) and not v.strip() for v in cells[rest]]
    return ~blank


def _rows_filled(cells: np.ndarray) -> np.ndarray:
    """For each row of a 2-D object array: does it have a filled cell? Column by column, only
    over the rows not yet known to be filled (most rows are settled by their first cell)."""
    filled = np.zeros(cells.shape[0], dtype=bool)
    open_rows = np.arange(cells.shape[0])
    for j in range(cells.shape[1]):
        if not open_rows.size:
            break
        hit = _filled(cells[open_rows, j])
        filled[open_rows[hit]] = True
        open_rows = open_rows[~hit]
    return filled


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
    cells = grid.to_numpy(dtype=object)
    h = 0  # the header: the first row with a filled cell
    while h < cells.shape[0] and not _filled(cells[h]).any():
        h += 1
    if h == cells.shape[0]:
        raise InputError("the sheet is empty", where, "a header row with statement ids or texts")
    header_blank = ~_filled(cells[h])
    body_cells = cells[h + 1 :]
    # columns without a header need a look at their cells: data under no header?
    data_under_blank = np.zeros(cells.shape[1], dtype=bool)
    for j in np.flatnonzero(header_blank):
        data_under_blank[j] = _filled(body_cells[:, j]).any()
    filled_header = np.flatnonzero(~header_blank)
    if filled_header.size == 1 and data_under_blank.any():
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
    keep_rows = _rows_filled(body_cells)
    keep_cols = ~header_blank | data_under_blank
    headers = [header_text(v) for v in cells[h][keep_cols]]
    body = grid.iloc[h + 1 :]
    if keep_rows.all() and keep_cols.all():
        frame = body.set_axis(pd.Index(headers, dtype=object), axis=1)  # no copy of the cells
    else:
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
