"""Errors meant for people.

Every error mognad raises on purpose is a :class:`MognadError`. Its ``str()`` is one paragraph a
controller can act on: where the problem is (file, sheet, row, column), what was found and what
was expected. The CLI prints it and exits with code 2; the Excel functions show it in the cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class MognadError(Exception):
    """Base class for all errors that carry a message written for the user."""

    exit_code = 2


class ModelError(MognadError):
    """A maturity model definition is invalid, or a model name is unknown."""


class PluginError(MognadError):
    """A plugin could not be registered (for example a duplicate model name)."""


def column_letter(index: int) -> str:
    """Spreadsheet column letter for a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Location:
    """Where something is in a response file, as the user sees it (1-based rows, column letters)."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None  # header text
    column_index: int | None = None  # 0-based position in the sheet
    column_style: str = "letter"  # "letter" (spreadsheets: D) or "number" (CSV: 4)

    def describe(self) -> str:
        parts: list[str] = []
        if self.file:
            parts.append(Path(self.file).name)
        if self.sheet:
            parts.append(f'sheet "{self.sheet}"')
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column or self.column_index is not None:
            col = "column"
            if self.column_index is not None:
                if self.column_style == "letter":
                    col += f" {column_letter(self.column_index)}"
                else:
                    col += f" {self.column_index + 1}"
            if self.column:
                col += f' ("{self.column}")'
            parts.append(col)
        return ", ".join(parts)


@dataclass
class InputError(MognadError):
    """Bad input data, located as precisely as possible.

    ``problem`` says what is wrong, ``expected`` what would have been right; ``more`` lists
    further places with the same kind of problem.
    """

    problem: str
    location: Location = field(default_factory=Location)
    expected: str | None = None
    more: list[str] = field(default_factory=list)
    more_count: int = 0

    def __post_init__(self) -> None:
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = self.location.describe()
        text = f"{where}: {self.problem}" if where else self.problem
        if not text.endswith((".", "?", "!")):
            text += "."
        if self.expected:
            text += f" Expected {self.expected}"
            if not text.endswith((".", "?", "!")):
                text += "."
        if self.more_count:
            shown = "; ".join(self.more)
            text += f" {self.more_count} more cell(s) have the same problem"
            text += f" ({shown}{', ...' if self.more_count > len(self.more) else ''})."
        return text

    def __str__(self) -> str:
        return self.message
