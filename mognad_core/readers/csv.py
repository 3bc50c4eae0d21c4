"""Reading .csv/.txt exports as Swedish Excel and survey tools write them.

- **Encoding.** UTF-16 with a BOM (Excel's "Unicode text"); UTF-8 with or without a BOM; else
  the 8-bit encoding that gives Swedish letters (å ä ö é) rather than odd characters: Windows-1252
  (Excel on Windows) or Mac Roman (Excel for Mac's "CSV (Macintosh)"), with a note saying which
  was assumed. Text is put in Unicode NFC form (macOS may write "å" as "a" + a combining ring).
- **Line ends.** LF, CR LF or a lone CR (classic Mac) are all read as line ends.
- **Separator.** A first line ``sep=;`` (Excel writes it) names it; else ``;``, ``,`` or tab is
  found by counting each outside quoted texts on the first lines and taking the one whose count
  is the same on most lines (``;`` first on a tie); a ``.tsv`` file is tab-separated.
- Decimal commas (``3,5``) are accepted later, when cells are turned into numbers.

The file size and the number of lines are checked against the limits in :mod:`.limits` before
the text is parsed.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd

from ..errors import InputError, Location
from ..texts import Message
from .grid import table_from_grid
from .interface import RawTable, ResponseReader
from .limits import check_file_size, check_row_count, count_text_rows, current_limits, number_words

#: separators in order of preference when two fit equally well (Swedish files use ";")
SEPARATORS = ";\t,"
#: how much text and how many lines the separator is judged on
SNIFF_CHARS = 65536
SNIFF_LINES = 200

#: letters of Swedish text that an 8-bit encoding should give
_SWEDISH = frozenset("åäöÅÄÖéÉüÜ")
#: other characters that are plausible in a Swedish export (neither for nor against)
_PLAUSIBLE = frozenset(
    "àáâãæçèêëìíîïðñòóôõøùúûýþÿÀÁÂÃÆÇÈÊËÌÍÎÏÐÑÒÓÔÕØÙÚÛÝÞß\u00a0–—‘’‚“”„…€§°«»·½¼¾±µ²³"
)
#: 8-bit encodings tried when a file is not UTF-8, in order of preference on a tie
_EIGHT_BIT = ("cp1252", "mac_roman", "latin-1")
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "cp1252": 'Windows-1252 (Excel for Windows, "CSV")',
    "mac_roman": 'Mac Roman (Excel for Mac, "CSV (Macintosh)")',
    "latin-1": "Latin-1 (ISO-8859-1)",
}


def _letter_score(high: Counter, encoding: str) -> int | None:
    """How Swedish the bytes above 127 look in ``encoding``: +1 for each Swedish letter, -1 for
    each control or odd character; None when the encoding cannot decode one of them."""
    score = 0
    for byte, count in high.items():
        try:
            char = bytes([byte]).decode(encoding)
        except UnicodeDecodeError:
            return None
        if char in _SWEDISH:
            score += count
        elif char not in _PLAUSIBLE:
            score -= count
    return score


def decode(raw: bytes) -> tuple[str, str]:
    """Text and encoding: UTF-16 with a BOM, UTF-8 (BOM or not), else the 8-bit encoding of
    ``_EIGHT_BIT`` whose letters look most like Swedish text (Windows-1252 on a tie)."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    high = Counter(raw.translate(None, bytes(range(128))))
    best, best_score = "latin-1", None
    for encoding in _EIGHT_BIT:
        score = _letter_score(high, encoding)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = encoding, score
    return raw.decode(best), best


def separator_counts(text: str, separators: str = SEPARATORS) -> list[dict[str, int]]:
    """For each of the first lines (records) that holds a separator: how many of each, counted
    outside quoted texts ("Vi har en strategi, och..." does not count)."""
    tokens = re.compile(r'"[^"]*(?:""[^"]*)*"|[' + re.escape(separators) + r"]|\n")
    records: list[dict[str, int]] = []
    current = dict.fromkeys(separators, 0)
    for m in tokens.finditer(text[:SNIFF_CHARS]):
        token = m.group()
        if token == "\n":
            if any(current.values()):
                records.append(current)
                if len(records) >= SNIFF_LINES:
                    return records
            current = dict.fromkeys(separators, 0)
        elif len(token) == 1:
            current[token] += 1
    if any(current.values()):
        records.append(current)
    return records


def detect_separator(text: str) -> str:
    """``;``, ``,`` or tab: the one counted most consistently (the same number of times on the
    most lines, more than zero), ``;`` before tab before ``,`` on a tie; ``,`` when no line
    holds any (one column). Line ends must already be ``\\n``."""
    records = separator_counts(text)
    best, best_fit = ",", 0
    for sep in SEPARATORS:
        counts = Counter(r[sep] for r in records)
        # the usual count: the most frequent one, the larger on a tie
        usual, fit = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=(0, 0))
        if usual > 0 and fit > best_fit:
            best, best_fit = sep, fit
    return best


def _field_count(text: str, sep: str) -> int:
    """Fields per row for the parser: those of the first line that holds a separator (the
    header) or the usual count of the first lines, whichever is more. A title line above the
    header has fewer fields; a row with more than that is refused by the parser, naming it."""
    counts = [r[sep] for r in separator_counts(text, sep)]
    if not counts:
        return 1
    usual = max(Counter(counts).items(), key=lambda kv: (kv[1], kv[0]))[0]
    return 1 + max(counts[0], usual)


_SEP_LINE = re.compile(r'"?sep=(.)"?[;,\t]*[ ]*(?:\n|$)', re.IGNORECASE)


class CsvReader(ResponseReader):
    name = "csv"
    suffixes = (".csv", ".txt", ".tsv")

    def read(self, path: Path, sheet: str | None = None) -> RawTable:
        where = Location(file=str(path))
        limits = current_limits()
        check_file_size(path, limits)
        raw = path.read_bytes()
        if not raw.strip():
            raise InputError(Message("error.file_empty"), where, Message("error.expected.csv_rows"))
        if raw[:4] == b"PK\x03\x04":
            raise InputError(
                Message("error.csv_zipped"), where, Message("error.expected.csv_or_rename")
            )
        if b"\x00" in raw[:4096] and raw[:2] not in (b"\xff\xfe", b"\xfe\xff"):
            raise InputError(Message("error.csv_binary"), where, Message("error.expected.csv_text"))
        lines = count_text_rows(raw)
        found = Message("limits.found_lines", lines=number_words(f"{lines:,}"))
        check_row_count(lines, limits, where, found)
        text, encoding = decode(raw)
        notes: list[Message] = []
        if encoding not in ("utf-8", "utf-16") and not raw.isascii():
            notes.append(
                Message("read.not_utf8", file=path.name, encoding=ENCODING_NAMES[encoding])
            )
        if "\r" in text:  # CR LF (Windows) or a lone CR (classic Mac) become LF
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        sep_line = _SEP_LINE.match(text)
        if sep_line:  # Excel's "sep=;": the line stays as a blank line, so line numbers hold
            sep = sep_line.group(1)
            text = "\n" + text[sep_line.end() :]
        elif path.suffix.lower() == ".tsv":
            sep = "\t"
        else:
            sep = detect_separator(text)
        width = _field_count(text, sep)
        try:
            grid = pd.read_csv(
                io.StringIO(text),
                sep=sep,
                header=None,
                names=range(width),
                index_col=False,
                dtype=str,
                keep_default_na=False,
                skip_blank_lines=False,
                engine="c",
            )
        except pd.errors.ParserError as exc:
            raise InputError(
                Message("error.csv_rows", detail=str(exc).replace("\n", " ")),
                where,
                Message("error.expected.csv_fields", sep=sep),
            ) from None
        except pd.errors.EmptyDataError:
            raise InputError(
                Message("error.file_empty"), where, Message("error.expected.header_row")
            ) from None
        grid = grid.astype(object).where(grid != "", None)
        table = table_from_grid(grid, source=str(path), sheet=None, letters=False, check_nfc=False)
        table.notes[:0] = notes
        return table
