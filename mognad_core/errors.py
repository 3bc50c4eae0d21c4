"""Errors meant for people.

Every error mognad raises on purpose is a :class:`MognadError`: one paragraph a controller can
act on, saying where the problem is (file, sheet, row, column), what was found and what was
expected. The CLI prints it and exits with code 2; the Excel functions show it in the cell.

An error carries its message as a key of the catalogue and its data (a
:class:`~mognad_core.texts.Message`, as datasette's ``DatasetteError(error_dict=...)``), and is
put into words at the edge: ``err.text("sv")`` / ``err.text("en")``. The CLI writes it in the
command's language ("Fel: ..." / "Error: ..."). ``str(err)`` is always the English text: for
logs, ``pytest.raises(..., match=...)`` and Python code that catches it. Messages not yet in the
catalogue are plain English text; such an error is written in English in every language (the
CLI then says "Error:", so one message is never half Swedish; see :meth:`MognadError.language`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .texts import Message


class MognadError(Exception):
    """Base class for all errors that carry a message written for the user.

    ``MognadError(Message("error.key", name=...))`` (in the command's language at the edge) or
    ``MognadError("plain English text")``. :attr:`body` is what was given.
    """

    exit_code = 2
    #: the language of a message given as plain text (a subclass or an instance may say "sv")
    lang = "en"

    def __init__(self, message: str | Message = "", *args: Any) -> None:
        super().__init__(message, *args)
        self.body = message

    @property
    def body(self) -> str | Message:
        """What the error says: a :class:`~mognad_core.texts.Message` or plain English text
        (for a subclass that did not pass it on, its first argument)."""
        return self.__dict__.get("_body", self.args[0] if self.args else "")

    @body.setter
    def body(self, message: str | Message) -> None:
        self.__dict__["_body"] = message

    def translatable(self) -> bool:
        """True when the message is in the catalogue (it can be written in any language)."""
        return not isinstance(self.body, str)

    def language(self, lang: str) -> str:
        """The language the error is written in when ``lang`` is asked for: ``lang`` when it is
        in the catalogue, else the language of its plain text (:attr:`lang`)."""
        return lang if self.translatable() else self.lang

    def text(self, lang: str = "sv") -> str:
        """The message in ``lang`` ("sv" or "en"); plain text as it is."""
        from .texts import check_lang, words

        return str(words([self.body], check_lang(lang))[0])

    def __str__(self) -> str:
        return self.text("en")


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

    def describe(self, lang: str = "sv") -> str:
        """``svar.xlsx, blad "Svar", rad 4, kolumn C ("a2")`` / ``svar.xlsx, sheet "Svar", row 4,
        column C ("a2")``: the parts that are known, in ``lang``."""
        from .texts import text

        parts: list[str] = []
        if self.file:
            parts.append(Path(self.file).name)
        if self.sheet:
            parts.append(text("where.sheet", lang, sheet=self.sheet))
        if self.row is not None:
            parts.append(text("rows.one", lang, row=self.row))
        column = self.column_ref()
        if column is not None:
            parts.append(column.text(lang))
        return ", ".join(parts)

    def column_ref(self) -> Message | None:
        """The column as messages name it (``kolumn D ("b1")`` / ``column D ("b1")``), or None."""
        from .texts import Message

        if not self.column and self.column_index is None:
            return None
        bits: list[str] = []
        if self.column_index is not None:
            if self.column_style == "letter":
                bits.append(column_letter(self.column_index))
            else:
                bits.append(str(self.column_index + 1))
        if self.column:
            bits.append(f'("{self.column}")')
        return Message("read.column", column=" ".join(bits))


@dataclass
class InputError(MognadError):
    """Bad input data, located as precisely as possible.

    ``problem`` says what is wrong, ``expected`` what would have been right; ``more`` lists
    further places with the same kind of problem; ``hint`` what to do instead (for example
    another installed model whose scale the file's answers fit). Each is a
    :class:`~mognad_core.texts.Message` or plain English text; the location is written in the
    reader's language (:meth:`Location.describe`).
    """

    problem: str | Message
    location: Location = field(default_factory=Location)
    expected: str | Message | None = None
    more: list[str | Message] = field(default_factory=list)
    more_count: int = 0
    hint: str | Message | None = None

    def __post_init__(self) -> None:
        super().__init__(self.message)
        self.body = self.problem

    def translatable(self) -> bool:
        parts = (self.problem, self.expected, *self.more, self.hint)
        return not any(isinstance(p, str) for p in parts if p is not None)

    def text(self, lang: str = "sv") -> str:
        from .texts import Texts

        t = Texts(lang)
        where = self.location.describe(lang)
        problem = t.message(self.problem)
        text = f"{where}: {problem}" if where else problem
        if not text.endswith((".", "?", "!")):
            text += "."
        if self.expected:
            text += " " + t("error.expected", expected=t.message(self.expected))
            if not text.endswith((".", "?", "!")):
                text += "."
        if self.more_count:
            shown = "; ".join(t.message(m) for m in self.more)
            shown += ", ..." if self.more_count > len(self.more) else ""
            text += " " + t("error.more_cells", count=self.more_count, cells=shown)
        if self.hint:
            text += " " + t.message(self.hint)
        return text

    @property
    def message(self) -> str:
        """The English text (``str(err)``)."""
        return self.text("en")

    def __str__(self) -> str:
        return self.message
