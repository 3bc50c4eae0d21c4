"""Reading .csv/.txt exports as Swedish Excel and survey tools write them.

Separator ``;`` or ``,`` (or tab) is detected; UTF-8 with or without BOM, UTF-16 with a BOM
(Excel's "Unicode text"), else cp1252; decimal commas (``3,5``) are accepted later when cells are
turned into numbers. The file size and the number of lines are checked against the limits in
:mod:`.limits` before the text is parsed.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from ..errors import InputError, Location
from .grid import table_from_grid
from .interface import RawTable, ResponseReader
from .limits import check_file_size, check_row_count, count_text_rows, current_limits

SEPARATORS = ";,\t"


def decode(raw: bytes) -> tuple[str, str]:
    """Text and encoding name: UTF-16 with a BOM, UTF-8 (BOM or not), else cp1252, else latin-1."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "latin-1"


def detect_separator(text: str) -> str:
    sample = text[:65536]
    try:
        return csv.Sniffer().sniff(sample, delimiters=SEPARATORS).delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample.splitlines() else ""
        counts = {sep: first.count(sep) for sep in SEPARATORS}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


class CsvReader(ResponseReader):
    name = "csv"
    suffixes = (".csv", ".txt", ".tsv")

    def read(self, path: Path, sheet: str | None = None) -> RawTable:
        where = Location(file=str(path))
        limits = current_limits()
        check_file_size(path, limits)
        raw = path.read_bytes()
        if not raw.strip():
            raise InputError("the file is empty", where, "a header row and one row per respondent")
        if raw[:4] == b"PK\x03\x04":
            raise InputError(
                "the file is a zipped workbook (.xlsx), not CSV text",
                where,
                "a .csv text file, or rename the file to .xlsx",
            )
        if b"\x00" in raw[:4096] and raw[:2] not in (b"\xff\xfe", b"\xfe\xff"):
            raise InputError(
                "the file is binary, not CSV text", where, "a .csv text file (UTF-8 or cp1252)"
            )
        lines = count_text_rows(raw)
        check_row_count(lines, limits, where, f"the file has {lines:,} lines")
        text, _encoding = decode(raw)
        sep = "\t" if path.suffix.lower() == ".tsv" else detect_separator(text)
        try:
            grid = pd.read_csv(
                io.StringIO(text),
                sep=sep,
                header=None,
                dtype=str,
                keep_default_na=False,
                skip_blank_lines=False,
                engine="c",
            )
        except pd.errors.ParserError as exc:
            raise InputError(
                f"the CSV rows do not line up ({exc})".replace("\n", " "),
                where,
                f'the same number of "{sep}"-separated fields on every row',
            ) from None
        except pd.errors.EmptyDataError:
            raise InputError("the file is empty", where, "a header row") from None
        grid = grid.astype(object).where(grid != "", None)
        return table_from_grid(grid, source=str(path), sheet=None, letters=False)
