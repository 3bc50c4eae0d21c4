"""The reader plugin type: turn a file into a raw table of cells.

A reader knows nothing about maturity models; it returns the header and the cells as they are in
the file, with the positions the user sees (1-based rows, 0-based column indexes that become
letters), so that later validation can say exactly where a bad value is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from ..texts import Message

if TYPE_CHECKING:  # not at run time: the built-in readers' plugin loads for ``mognad --help``
    import numpy as np
    import pandas as pd


@dataclass
class RawTable:
    """Cells of one sheet: ``frame`` has one column per header, values as read (object dtype).

    ``row_numbers[i]`` is the row the user sees for ``frame.iloc[i]``; ``column_indices[j]`` the
    0-based sheet column of ``frame.columns[j]``, shown as a letter (spreadsheets) or a number
    (CSV) according to ``column_style``.
    """

    frame: pd.DataFrame
    source: str | None = None
    sheet: str | None = None
    header_row: int = 1
    row_numbers: np.ndarray | None = None
    column_indices: list[int] = field(default_factory=list)
    column_style: str = "letter"  # how to name columns in messages: "letter" or "number"
    notes: list[str | Message] = field(default_factory=list)
    #: cells whose number format is a percentage (a workbook cell showing "100 %" holds 1):
    #: (row as the user sees it, 0-based sheet column); a number there is never an answer
    percent_cells: list[tuple[int, int]] = field(default_factory=list)
    #: the workbook's other visible sheets that hold a table, when no sheet was asked for (the
    #: first was read): named in a note, and in the message when no column matches a statement
    other_sheets: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.row_numbers is None:
            import numpy as np

            self.row_numbers = np.arange(len(self.frame)) + self.header_row + 1
        if not self.column_indices:
            self.column_indices = list(range(self.frame.shape[1]))


class ResponseReader:
    """Base class for response-file readers (register instances with ``register_readers``)."""

    #: Short name shown in ``mognad plugins``.
    name: ClassVar[str] = "reader"
    #: Lower-case file suffixes this reader handles, e.g. ``(".xlsx", ".xlsm")``.
    suffixes: ClassVar[tuple[str, ...]] = ()

    def read(self, path: Path, sheet: str | None = None) -> RawTable:
        """Read ``path`` (and ``sheet`` where the format has sheets) into a :class:`RawTable`.

        Raise :class:`mognad_core.errors.InputError` with a located message on bad input.
        """
        raise NotImplementedError

    def sheet_names(self, path: Path) -> list[str]:
        """Names of the sheets in ``path`` (formats without sheets return ``[]``)."""
        return []
