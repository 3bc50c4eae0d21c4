"""Response-file readers: ``read_table(path)`` picks the registered reader for the suffix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError, Location
from ..texts import Message
from .interface import RawTable, ResponseReader
from .limits import Limits, current_limits, use_limits

__all__ = [
    "Limits",
    "RawTable",
    "ResponseReader",
    "current_limits",
    "read_data_file",
    "read_table",
    "use_limits",
]

#: suffixes of the small data files (mappings, answers, targets) read by :func:`read_data_file`
DATA_FILE_SUFFIXES = (".yaml", ".yml", ".json")


def read_data_file(path: Path, what: str) -> Any:
    """The content of a .yaml/.yml/.json data file (``yaml.safe_load``: data, never code); a
    located ``InputError`` "the {what} cannot be parsed (...)" when it is not valid."""
    import json

    import yaml

    text = path.read_text(encoding="utf-8-sig")
    try:
        return json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except Exception as exc:
        raise InputError(f"the {what} cannot be parsed ({exc})", Location(file=str(path))) from None


#: what to do with spreadsheet formats that have no reader
_SAVE_AS = {
    ".xls": Message("error.save_as.excel", suffix=".xls"),
    ".xlsb": Message("error.save_as.excel", suffix=".xlsb"),
    ".ods": Message("error.save_as.ods"),
    ".numbers": Message("error.save_as.numbers"),
}


def read_table(
    path: str | Path, sheet: str | None = None, *, limits: Limits | None = None
) -> RawTable:
    """Read a response file with the reader registered for its suffix.

    ``limits`` replaces the resource limits in force for this call (see :mod:`.limits`).
    """
    if limits is not None:
        with use_limits(limits):
            return read_table(path, sheet)
    from ..plugins import get_readers

    p = Path(path)
    if not p.exists():
        raise InputError(
            Message("error.file_not_found"),
            Location(file=str(p)),
            Message("error.expected.response_file"),
        )
    if not p.is_file():
        raise InputError(Message("error.folder"), Location(file=str(p)))
    readers = get_readers()
    reader = readers.get(p.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(readers)) or Message("error.none")
        save_as = _SAVE_AS.get(p.suffix.lower())
        raise InputError(
            Message("error.no_reader", suffix=p.suffix or Message("error.no_suffix")),
            Location(file=str(p)),
            Message("error.one_of_then", items=known, hint=save_as)
            if save_as
            else Message("error.one_of", items=known),
        )
    if p.stat().st_size == 0:
        raise InputError(
            Message("error.file_empty"),
            Location(file=str(p)),
            Message("error.expected.response_data"),
        )
    return reader.read(p, sheet)
