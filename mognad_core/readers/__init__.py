"""Response-file readers: ``read_table(path)`` picks the registered reader for the suffix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError, Location
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
    ".xls": 'open the .xls file in Excel and save it as "Excel Workbook (*.xlsx)"',
    ".xlsb": 'open the .xlsb file in Excel and save it as "Excel Workbook (*.xlsx)"',
    ".ods": 'open the .ods file in LibreOffice and save it as "Excel 2007-365 (.xlsx)"',
    ".numbers": "export the Numbers file to Excel (.xlsx)",
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
        raise InputError("file not found", Location(file=str(p)), "the path of a response file")
    if not p.is_file():
        raise InputError("this is a folder, not a file", Location(file=str(p)))
    readers = get_readers()
    reader = readers.get(p.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(readers)) or "none"
        save_as = _SAVE_AS.get(p.suffix.lower())
        raise InputError(
            f'no reader for "{p.suffix or "(no suffix)"}" files',
            Location(file=str(p)),
            f"one of: {known}" + (f"; {save_as}" if save_as else ""),
        )
    if p.stat().st_size == 0:
        raise InputError("the file is empty", Location(file=str(p)), "a response file with data")
    return reader.read(p, sheet)
