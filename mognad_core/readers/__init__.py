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


def read_data_file(path: Path, what: Message) -> Any:
    """The content of a .yaml/.yml/.json data file (``yaml.safe_load``: data, never code); a
    located ``InputError`` when it is not valid: ``what`` (``Message("error.what.mapping_file")``)
    "cannot be parsed as YAML/JSON", in the reader's language, with the parser's own words
    quoted and the line and column it names as the error's row and column."""
    import json

    import yaml

    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:  # was an unexpected error: say which line, in words
        row = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            Message("error.data_file.not_utf8", what=what),
            Location(file=str(path), row=row),
            Message("error.expected.utf8"),
        ) from None
    is_json = path.suffix.lower() == ".json"
    try:
        return json.loads(text) if is_json else yaml.safe_load(text)
    except Exception as exc:  # a YAMLError, a JSONDecodeError, or a ValueError of a bad date
        where = Location(file=str(path), column_style="number")
        if is_json and isinstance(exc, json.JSONDecodeError):
            where.row, where.column_index, detail = exc.lineno, exc.colno - 1, exc.msg
        else:
            mark = getattr(exc, "problem_mark", None)
            if mark is not None:
                line, column = mark.line, mark.column
                lines = text.splitlines()
                if lines and line >= len(lines):
                    # found after the last line (a [ or { that never closes): where it began,
                    # else the end of the last line, so that the row named is one the file has
                    began = getattr(exc, "context_mark", None)
                    if began is not None and began.line < len(lines):
                        line, column = began.line, began.column
                    else:
                        line, column = len(lines) - 1, len(lines[-1])
                where.row, where.column_index = line + 1, column
            said = (getattr(exc, "context", None), getattr(exc, "problem", None))
            detail = "; ".join(p for p in said if p) or str(exc)
        key, expected = (
            ("error.data_file.json", "error.expected.json_object")
            if is_json
            else ("error.data_file.yaml", "error.expected.yaml_lines")
        )
        raise InputError(Message(key, what=what, detail=detail), where, Message(expected)) from None


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
