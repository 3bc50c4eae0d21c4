"""What a failing MOGNAD_* cell shows: a real Excel error value, in every host.

A worksheet function that cannot give a result must not give text: Excel takes text for a value
(``=IF(B4>0,5;"bra";"svag")`` says "bra" for any text, ``IFERROR`` and ``ISERROR`` do not see it,
``AVERAGE`` skips it). Every MOGNAD_* function therefore ends in :func:`failed`, which turns a
problem into the error value of the host the function runs in. This module is the one place that
knows the hosts; ``tests/test_excel_errors.py`` checks that every function reaches it.

The kinds (as Excel's own functions use them):

* ``#VALUE!``: a bad argument or bad data: an unknown model, an answer that is not on the
  scale, an error cell in the answers, a range that is not a response range.
* ``#N/A``: no result to give: no valid answers, or a figure the anonymity policy withholds
  (a range with too few respondents, a hidden statement).
* ``#NUM!``: a number outside what the function can use (a score outside 0-1 for
  MOGNAD_LEVEL, a score below every level).

The hosts (:func:`host`):

* ``"classic"``: xlwings on Windows (COM, pywin32). A Python exception reaches the cell as
  text (xlwings' VBA wrapper writes ``Err.Description``), so the function *returns*
  ``win32com.client.VARIANT(pythoncom.VT_ERROR, code)`` instead: pywin32 turns that object into a
  ``VT_ERROR`` variant (``PyCom_VariantFromPyObject``), which is what VBA's ``CVErr`` makes and
  Excel shows as the error. The codes are those xlwings itself reads error cells as
  (``xlwings._xlwindows.cell_errors``). Excel has no room for a message next to a classic error
  value: ``MOGNAD_CHECK`` gives it.
* ``"lite"``: xlwings Lite and xlwings Server (Office.js custom functions). ``#VALUE!`` is
  *raised*: xlwings answers with ``CustomFunctions.Error(invalidValue, message)``, so the
  message shows when the user hovers over the cell. ``#N/A`` and ``#NUM!`` are returned as their
  codes, which xlwings' Office.js conversion turns into error values
  (``{"type": "Error", "errorType": "NotAvailable"}``); Office.js has no message for those when
  they are returned, so ``MOGNAD_CHECK`` gives it there too.
* ``"python"``: everything else: ``mognad excel recalc`` (pycel), and Python calling the
  functions directly. The value is an :class:`ErrorValue`: a ``str`` equal to the code
  (``"#N/A"``), which is how pycel and openpyxl hold error values (so ``IFERROR``, ``ISERROR``,
  ``IF`` and ``AVERAGE`` in a recalculated workbook treat it as Excel does), carrying the message
  in ``.message``.
"""

from __future__ import annotations

import os
import sys
from typing import Any

VALUE = "#VALUE!"
NA = "#N/A"
NUM = "#NUM!"
#: every Excel error value, as Excel writes it
CODES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!")
#: the SCODE of a VT_ERROR variant per error (Excel's xlErr* + 0x800A0000, as xlwings reads them)
SCODES = {
    "#NULL!": -2146826288,
    "#DIV/0!": -2146826281,
    "#VALUE!": -2146826273,
    "#REF!": -2146826265,
    "#NAME?": -2146826259,
    "#NUM!": -2146826252,
    "#N/A": -2146826246,
}
_BY_UPPER = {c.upper(): c for c in CODES}


class ErrorValue(str):
    """An Excel error value as Python hosts hold it: equal to its code (``"#N/A"``), with the
    message that explains it in :attr:`message`."""

    message: str

    def __new__(cls, code: str, message: str = "") -> ErrorValue:
        value = super().__new__(cls, code)
        value.message = message
        return value

    @property
    def code(self) -> str:
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"ErrorValue({self.code!r}, {self.message!r})"

    def __reduce__(self):  # pickles (and caches) with its message
        return (ErrorValue, (self.code, self.message))


class LiteError(Exception):
    """Raised in xlwings Lite / Server for ``#VALUE!``: the add-in shows the message on hover."""


def host() -> str:
    """``"lite"`` (xlwings Lite / Server), ``"classic"`` (xlwings on Windows with pywin32) or
    ``"python"`` (anything else: recalculation, tests, scripts)."""
    if os.environ.get("XLWINGS_ON_SERVER") == "true" or sys.platform == "emscripten":
        return "lite"
    if sys.platform.startswith("win"):
        try:
            import pythoncom  # noqa: F401
            import win32com.client  # noqa: F401
        except ImportError:
            return "python"
        return "classic"
    return "python"


def code_of(value: Any) -> str | None:
    """The error code a value stands for (``"#N/A"``), or None when it is not an error: an
    :class:`ErrorValue`, an error's text (what xlwings passes with ``err_to_str``), or a
    VT_ERROR code (what classic xlwings passes without it)."""
    if isinstance(value, ErrorValue):
        return value.code
    if isinstance(value, str):
        return _BY_UPPER.get(value.strip().upper())
    if isinstance(value, int) and not isinstance(value, bool):
        for code, scode in SCODES.items():
            if value == scode:
                return code
    return None


def message_of(value: Any) -> str | None:
    """The message an error value carries (only :class:`ErrorValue` carries one)."""
    return value.message if isinstance(value, ErrorValue) else None


def failed(code: str, message: str, where: str | None = None) -> Any:
    """What a function that failed with ``code`` returns in the host ``where`` (default: the
    host it runs in). Raises :class:`LiteError` for ``#VALUE!`` in xlwings Lite."""
    if code not in CODES:
        raise ValueError(f"not an Excel error value: {code!r}")
    where = where or host()
    if where == "classic":
        import pythoncom
        from win32com.client import VARIANT

        return VARIANT(pythoncom.VT_ERROR, SCODES.get(code, SCODES[VALUE]))
    if where == "lite":
        if code == VALUE:
            raise LiteError(message)
        return code
    return ErrorValue(code, message)


def in_table(code: str, message: str, where: str | None = None) -> Any:
    """An error value for one cell of a returned table (a withheld figure): as :func:`failed`,
    but never raised (xlwings Lite shows a table's error cells; a raise would lose the table)."""
    if (where or host()) == "lite":
        return code
    return failed(code, message, where)


__all__ = [
    "CODES",
    "NA",
    "NUM",
    "SCODES",
    "VALUE",
    "ErrorValue",
    "LiteError",
    "code_of",
    "failed",
    "host",
    "in_table",
    "message_of",
]
