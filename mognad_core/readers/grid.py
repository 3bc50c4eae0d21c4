"""From a grid of cells (as a spreadsheet shows them) to a :class:`RawTable`.

Every reader ends here, so what all formats share is done here once: header texts and text cells
are put in Unicode NFC form (macOS writes "å" as "a" plus a combining ring, NFD, which looks the
same but compares unequal), a title block above the header row is recognised and skipped, and
SurveyMonkey's two header rows (the questions, then "Response" or a matrix row's text under each
column) are read as one.
"""

from __future__ import annotations

import math
import unicodedata

import numpy as np
import pandas as pd

from ..cells import is_missing
from ..errors import InputError, Location
from ..texts import Message, shorten
from .interface import RawTable

#: rows (from the first filled one) looked at to find the header row below a title block
HEADER_PROBE_ROWS = 30
#: what SurveyMonkey writes in its second header row under a question with one answer column
SURVEYMONKEY_MARKERS = ("Response", "Open-Ended Response")
_MARKERS = frozenset(m.casefold() for m in SURVEYMONKEY_MARKERS)


def nfc(text: str) -> str:
    """``text`` in Unicode NFC form (ASCII text is returned as it is, without a look)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text)


def header_text(value: object) -> str:
    """A header cell as text: numbers without a trailing ``.0``, whitespace trimmed, NFC."""
    if is_missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return nfc(str(value).strip())


def nfc_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell in NFC form; a column is replaced only when a cell in it
    changes. Each column's distinct values are looked at, not every cell."""
    for j in range(frame.shape[1]):
        column = frame.iloc[:, j].to_numpy(dtype=object)
        try:
            distinct = set(column.tolist())
        except TypeError:  # an unhashable cell: look at every cell
            distinct = column.tolist()
        fix = {
            v: unicodedata.normalize("NFC", v)
            for v in distinct
            if type(v) is str and not v.isascii() and not unicodedata.is_normalized("NFC", v)
        }
        if fix:
            fixed = np.empty(len(column), dtype=object)
            fixed[:] = [fix.get(v, v) if type(v) is str else v for v in column]
            frame.isetitem(j, fixed)
    return frame


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


def _shown(texts: list[str]) -> str:
    """Up to three cell texts, quoted, each cut at 40 characters."""
    cut = [shorten(t, 40) for t in texts[:3]]
    return ", ".join(f'"{t}"' for t in cut) + (", ..." if len(texts) > 3 else "")


def _find_header(
    cells: np.ndarray, first: int, source: str | None, sheet: str | None, first_row: int
) -> tuple[int, list[int]]:
    """The header row (0-based) and the filled rows above it (a title block).

    The header is the first row that looks like one: at least half as many filled cells as the
    widest of the first rows (and two or more), so that a title of one or a few cells ("Enkät
    digital mognad 2025", an export date) above it is not taken for the header. A row above it
    with more cells than a title has (more than two, and more than a quarter of the widest row)
    could be either: that is refused with its row named.
    """
    counts: list[tuple[int, int]] = []  # (row, filled cells) of the first filled rows
    i = first
    while i < cells.shape[0] and len(counts) < HEADER_PROBE_ROWS:
        n = int(_filled(cells[i]).sum())
        if n:
            counts.append((i, n))
        i += 1
    width = max(n for _, n in counts)
    if width <= 1:
        return first, []
    need = max(2, math.ceil(width / 2))
    header = next(i for i, n in counts if n >= need)
    above = [(i, n) for i, n in counts if i < header]
    for i, n in above:
        if n > max(2, width // 4):
            texts = [header_text(v) for v in cells[i][_filled(cells[i])]]
            raise InputError(
                Message(
                    "error.title_or_header",
                    n=n,
                    shown=_shown(texts),
                    header=header + first_row,
                    header_cells=dict(counts)[header],
                ),
                Location(file=source, sheet=sheet, row=i + first_row),
                Message("error.expected.header_first_or_fill"),
            )
    return header, [i for i, _ in above]


def _is_text(value: object) -> bool:
    """A text cell that is not a number written as text ("4", " 3,5")."""
    if not isinstance(value, str):
        return False
    try:
        float(value.strip().replace(",", "."))
    except ValueError:
        return True
    return False


def _surveymonkey_headers(cells: np.ndarray, first: int) -> list[str] | None:
    """The headers of SurveyMonkey's two header rows, when the first two filled rows are them.

    SurveyMonkey's export ("expanded" columns) names a question in the first row, over its first
    column only; the second row says "Response" (or "Open-Ended Response") under a question with
    one column, the row's text under each column of a matrix question ("Vi har en plan."), the
    option's text under each column of a question with several answers, and nothing under the
    respondent's details (Respondent ID, Start Date ...). The second row directly follows the
    first, holds texts only and at least one marker. A column is named by its second-row text, or
    by its first-row text where that is blank or a marker; a second-row text found under two
    questions ("Other (please specify)") is named with its question, "question - text".
    """
    second = first + 1
    if second >= cells.shape[0]:
        return None
    top, sub = cells[first], cells[second]
    filled = _filled(sub)
    texts = [header_text(v) for v in sub[filled]]
    if not any(t.casefold() in _MARKERS for t in texts):
        return None
    if not all(_is_text(v) for v in sub[filled]):  # a number or a date: an answer row
        return None
    repeated = {t for t in texts if t.casefold() not in _MARKERS and texts.count(t) > 1}
    headers: list[str] = []
    question = ""
    for j in range(cells.shape[1]):
        above, below = header_text(top[j]), header_text(sub[j])
        question = above or question
        if not below or below.casefold() in _MARKERS:
            headers.append(above)
        elif below in repeated and question:
            headers.append(f"{question} - {below}")
        else:
            headers.append(below)
    return headers


def table_from_grid(
    grid: pd.DataFrame,
    *,
    source: str | None,
    sheet: str | None,
    first_row: int = 1,
    first_col: int = 0,
    letters: bool = True,
    check_nfc: bool = True,
) -> RawTable:
    """Find the header (the first row that looks like one) and the data rows below it.

    ``grid`` is positional: row ``i`` is sheet row ``first_row + i``, column ``j`` is sheet
    column ``first_col + j``. Fully empty rows and columns after the header are dropped, but the
    row numbers and column letters of what remains are those the user sees. Filled rows above
    the header (a title block) are dropped with a note. Headers are always put in NFC form; text
    cells too unless ``check_nfc`` is False (the reader knows that no text needs it).
    """
    where = Location(file=source, sheet=sheet)
    if grid.size == 0:
        raise InputError(Message("error.sheet_empty"), where, Message("error.expected.header_ids"))
    cells = grid.to_numpy(dtype=object)
    first = 0  # the first row with a filled cell
    while first < cells.shape[0] and not _filled(cells[first]).any():
        first += 1
    if first == cells.shape[0]:
        raise InputError(Message("error.sheet_empty"), where, Message("error.expected.header_ids"))
    two_rows = _surveymonkey_headers(cells, first)
    if two_rows is None:
        h, title_rows = _find_header(cells, first, source, sheet, first_row)
        header_cells = cells[h]
    else:  # the second of the two rows is the header row: the answers start below it
        h, title_rows = first + 1, []
        header_cells = np.array([t or None for t in two_rows], dtype=object)
    header_blank = ~_filled(header_cells)
    body_cells = cells[h + 1 :]
    # columns without a header need a look at their cells: data under no header?
    data_under_blank = np.zeros(cells.shape[1], dtype=bool)
    for j in np.flatnonzero(header_blank):
        data_under_blank[j] = _filled(body_cells[:, j]).any()
    filled_header = np.flatnonzero(~header_blank)
    if filled_header.size == 1 and data_under_blank.any():
        # one filled cell above columns of data: a title ("Enkätresultat 2024"), not headers
        title = header_text(header_cells[int(filled_header[0])])
        if len(title) > 60:
            title = shorten(title, 51)
        raise InputError(
            Message("error.title_not_header", title=title),
            Location(file=source, sheet=sheet, row=h + first_row),
            Message("error.expected.header_first"),
        )
    keep_rows = _rows_filled(body_cells)
    keep_cols = ~header_blank | data_under_blank
    headers = [header_text(v) for v in header_cells[keep_cols]]
    body = grid.iloc[h + 1 :]
    if keep_rows.all() and keep_cols.all():
        frame = body.set_axis(pd.Index(headers, dtype=object), axis=1)  # no copy of the cells
    else:
        frame = body.loc[keep_rows, keep_cols].copy()
        frame.columns = pd.Index(headers, dtype=object)
    frame = frame.reset_index(drop=True)
    if check_nfc:
        frame = nfc_cells(frame)
    rows = np.arange(h + 1, grid.shape[0])[keep_rows] + first_row
    cols = [first_col + int(j) for j in np.flatnonzero(keep_cols)]
    notes: list[Message] = []
    in_sheet = Message("read.in_sheet", sheet=sheet) if sheet else ""
    if two_rows is not None:
        top, second = first + first_row, h + first_row
        notes.append(Message("read.surveymonkey", top=top, second=second, in_sheet=in_sheet))
    if title_rows:
        numbers = [str(i + first_row) for i in title_rows]
        header = h + first_row
        texts = [_shown([header_text(v) for v in cells[i][_filled(cells[i])]]) for i in title_rows]
        if len(title_rows) == 1:
            notes.append(
                Message(
                    "read.title_row",
                    row=numbers[0],
                    in_sheet=in_sheet,
                    header=header,
                    text=texts[0],
                )
            )
        else:
            shown = tuple(
                Message("read.title_row_text", row=n, text=t)
                for n, t in zip(numbers[:4], texts, strict=False)
            ) + (("...",) if len(numbers) > 4 else ())
            notes.append(
                Message(
                    "read.title_rows", rows=numbers, in_sheet=in_sheet, header=header, shown=shown
                )
            )
    return RawTable(
        frame=frame,
        source=source,
        sheet=sheet,
        header_row=h + first_row,
        row_numbers=rows,
        column_indices=cols,
        column_style="letter" if letters else "number",
        notes=notes,
    )
