"""Resource limits, checked before a response file is read.

A response file comes from outside: it may be damaged, mislabelled or built to exhaust memory
(a zip bomb, an XML entity-expansion attack, a sheet of 1,048,576 rows). Everything here runs
*before* the file is handed to calamine, openpyxl or pandas, costs little, and raises an
:class:`~mognad_core.errors.InputError` that says what was found, the limit, and how to raise it.

=============================  ==============================  =========
limit                           environment variable            default
=============================  ==============================  =========
size of the file on disk        ``MOGNAD_MAX_FILE_MB``          100 MB
rows of a sheet or CSV file     ``MOGNAD_MAX_ROWS``             250,000
cells a sheet spans             ``MOGNAD_MAX_CELLS``            26,000,000
unpacked size of a workbook     ``MOGNAD_MAX_UNCOMPRESSED_MB``  512 MB
compression ratio of one part   ``MOGNAD_MAX_COMPRESSION_RATIO``  100
=============================  ==============================  =========

A value of ``0`` turns a check off. In Python, :func:`use_limits` changes them for a block
(``with use_limits(max_rows=1_000_000): mognad.score("big.xlsx")``), and
``read_table(path, limits=Limits(...))`` for one call.

For .xlsx/.xlsm files the checks are: the sizes in the zip directory (total unpacked size, and
the ratio of every part of more than 1 MB); then every part except the worksheets is unpacked in
a stream and must match its directory entry (a directory that understates a size is caught by
the checksum) and must not declare a document type (``<!DOCTYPE``/``<!ENTITY``, which Excel never
writes: the door to entity expansion and external entities); then the chosen worksheet is
streamed once, stopping at the first limit: its ``<dimension>`` (the used range) and its number
of ``<row>`` elements against ``max_rows``, its used range's rows x columns against
``max_cells``; and, since calamine places cells by their own references whatever the used range
says, the farthest row and column any cell reaches (:class:`_FarCells`, :func:`check_span`). The
same pass collects hidden rows and columns, merged cells and the cells formatted as a percentage
(their style, from ``xl/styles.xml``), which the reader turns into notes or errors.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import math
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import InputError, Location
from ..texts import Message, Words

MB = 1024 * 1024
#: parts smaller than this are not ratio-checked (small XML parts compress very well)
RATIO_FLOOR_BYTES = 1 * MB
CHUNK = 1 * MB
#: the start of every XML part that is searched for <!DOCTYPE / <!ENTITY
PROLOG_BYTES = 65536

ENV = {
    "max_file_mb": "MOGNAD_MAX_FILE_MB",
    "max_rows": "MOGNAD_MAX_ROWS",
    "max_cells": "MOGNAD_MAX_CELLS",
    "max_uncompressed_mb": "MOGNAD_MAX_UNCOMPRESSED_MB",
    "max_compression_ratio": "MOGNAD_MAX_COMPRESSION_RATIO",
}


@dataclass(frozen=True)
class Limits:
    """Limits for reading one response file; ``0`` (or ``None``) switches a check off."""

    max_file_mb: float = 100
    max_rows: int = 250_000
    #: rows x columns from A1 to the farthest cell: calamine reads a sheet into one dense range
    #: of that many cells (32 bytes each), however few of them hold anything. 26,000,000 is
    #: 250,000 rows x 104 columns (A to CZ), about 0.8 GB in calamine.
    max_cells: int = 26_000_000
    max_uncompressed_mb: float = 512
    max_compression_ratio: float = 100

    @classmethod
    def from_env(cls, **changes: float | int | None) -> Limits:
        """The defaults, then the ``MOGNAD_MAX_*`` environment variables, then ``changes``."""
        values: dict[str, float | int | None] = {}
        for name, var in ENV.items():
            raw = os.environ.get(var)
            if raw is None or not raw.strip():
                continue
            text = raw.strip().replace("_", "").replace(" ", "")
            try:
                number = float(text)
            except ValueError:
                number = -1.0
            if number < 0 or not math.isfinite(number):  # "inf", "1e400", "nan" too
                raise InputError(
                    Message("limits.env_not_number", var=var, raw=repr(raw)),
                    Location(),
                    Message("limits.expected_env", example=getattr(cls, name)),
                )
            values[name] = int(number) if name in ("max_rows", "max_cells") else number
        for name, value in changes.items():
            if name not in ENV:
                raise TypeError(f"unknown limit {name!r}; known: {', '.join(ENV)}")
            values[name] = value
        return cls(**values)  # type: ignore[arg-type]


_override: contextvars.ContextVar[Limits | None] = contextvars.ContextVar(
    "mognad_limits", default=None
)


def current_limits() -> Limits:
    """The limits in force: set by :func:`use_limits`, else from the environment."""
    return _override.get() or Limits.from_env()


@contextlib.contextmanager
def use_limits(limits: Limits | None = None, /, **changes: float | int | None) -> Iterator[Limits]:
    """Use other limits inside a ``with`` block: ``use_limits(max_rows=10**6)`` or a Limits."""
    chosen = dataclasses.replace(limits, **changes) if limits else Limits.from_env(**changes)
    token = _override.set(chosen)
    try:
        yield chosen
    finally:
        _override.reset(token)


def _on(value: float | int | None) -> bool:
    return bool(value) and value > 0  # type: ignore[operator]


def _n(value: float) -> str:
    """1234567 -> '1,234,567'; 0.5 -> '0.5'; 0.001 -> '0.001'."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3g}"


def _mb(size: float) -> str:
    if size < MB:
        return f"{size / 1024:,.1f} KB"
    mb = size / MB
    return f"{mb:,.0f} MB" if mb >= 10 else f"{mb:,.1f} MB"


def number_words(written: str) -> Words:
    """A number written the English way ("1,234.5") as both languages write it: 1 234,5 in
    Swedish (a no-break space between thousands, a decimal comma)."""
    return Words(written.replace(",", "\u00a0").replace(".", ","), written)


def _raise_hint(var: str) -> Message:
    return Message("limits.raise_hint", var=var)


# ---- every file -----------------------------------------------------------------------------
def check_file_size(path: Path, limits: Limits) -> int:
    """The file's size in bytes; raises when it is over ``max_file_mb``."""
    size = path.stat().st_size
    if _on(limits.max_file_mb) and size > limits.max_file_mb * MB:
        limit = number_words(_n(limits.max_file_mb))
        raise InputError(
            Message("limits.file_size", size=number_words(_mb(size)), limit=limit),
            Location(file=str(path)),
            Message("limits.expected_file_size", limit=limit, hint=_raise_hint(ENV["max_file_mb"])),
        )
    return size


def check_row_count(
    rows: int, limits: Limits, where: Location, found: Message, *, compare: bool = True
) -> None:
    """Raise when ``rows`` is over ``max_rows``; ``found`` says what was seen, in words."""
    if _on(limits.max_rows) and rows > limits.max_rows:
        limit = number_words(_n(limits.max_rows))
        raise InputError(
            Message("limits.rows_over", found=found, limit=limit) if compare else found,
            where,
            Message("limits.expected_rows", limit=limit),  # names ENV["max_rows"]
        )


def count_text_rows(raw: bytes) -> int:
    """Lines in a text file (a quoted line break counts too: a safe over-estimate). Line ends
    may be LF, CR LF or a lone CR (classic Mac, Excel for Mac's "CSV (Macintosh)")."""
    if not raw:
        return 0
    ends = max(raw.count(b"\n"), raw.count(b"\r"))
    return ends + (0 if raw.endswith((b"\n", b"\r")) else 1)


# ---- workbooks (zip) ------------------------------------------------------------------------
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DIMENSION = re.compile(
    rb'<(?:\w+:)?dimension\s+ref="\$?([A-Za-z]{1,3})?\$?(\d+)?'
    rb'(?::\$?([A-Za-z]{1,3})\$?(\d+))?"'
)
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_COL_TAG = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_R_ATTR = re.compile(rb'\br="(\d+)"')
_REF_ATTR = re.compile(rb'\br="([A-Za-z]{1,3}\d+)"')
_MIN_MAX = re.compile(rb'\bmin="(\d+)"[^>]*?\bmax="(\d+)"|\bmax="(\d+)"[^>]*?\bmin="(\d+)"')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Za-z]{1,3}\d+(?::[A-Za-z]{1,3}\d+)?)"')
_ROOT_PREFIX = re.compile(rb"<(\w+:)?worksheet\b")
_ERROR_CELL = re.compile(
    rb'<(?:\w+:)?c\b([^>]*?\bt="e"[^>/]*)>\s*'
    rb"(?:<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*)?"
    rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>"
)
_FORMULA_ONLY = re.compile(
    rb"<(?:\w+:)?c\b([^>/]*)>\s*<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
#: at most this many formula or percentage cells are remembered (they only feed notes and the
#: first cells a message names); error cells, whose text is put back in what calamine reads as
#: blank, are remembered up to this many too, and a sheet read with more is refused
MAX_CELLS_NOTED = 10_000


@dataclass
class WorkbookInfo:
    """What the zip directory and the small parts of a workbook say, before any cell is read."""

    path: Path
    parts: list[str]
    uncompressed: int
    sheet_parts: dict[str, str] = field(default_factory=dict)  # sheet name -> part name
    macros: bool = False
    #: the shared strings may hold combining accents (NFD text, as macOS writes it)
    combining: bool = False
    #: cell styles (indexes into the cellXfs of xl/styles.xml) whose number format is a percentage
    percent_styles: frozenset[int] = frozenset()


@dataclass
class SheetInfo:
    """What one streamed pass over a worksheet's XML found."""

    part: str
    dimension: str | None = None
    rows: int = 0  # <row> elements
    hidden_rows: list[int] = field(default_factory=list)
    hidden_columns: list[int] = field(default_factory=list)  # 0-based
    merged: list[str] = field(default_factory=list)
    #: error cells (#DIV/0!, #N/A ...): (row, 0-based column, text); calamine reads them as blank
    errors: list[tuple[int, int, str]] = field(default_factory=list)
    #: the first error cell past :data:`MAX_CELLS_NOTED` (row, 0-based column), or None:
    #: calamine would read it and the rest as blank, so the sheet read is refused (excel.py)
    error_past: tuple[int, int] | None = None
    #: formula cells without a saved result (read as blank by both engines): (row, column)
    uncached: list[tuple[int, int]] = field(default_factory=list)
    #: the sheet's XML may hold combining accents (inline NFD text)
    combining: bool = False
    #: numbers in cells formatted as a percentage: (row, 0-based column)
    percent: list[tuple[int, int]] = field(default_factory=list)


def _doctype_error(path: Path, part: str, sheet: str | None) -> InputError:
    return InputError(
        Message("limits.doctype", part=part),
        Location(file=str(path), sheet=sheet),
        Message("limits.expected_xml"),
    )


def _damaged(path: Path, part: str, exc: Exception) -> InputError:
    return InputError(
        Message("limits.part_mismatch", part=part, detail=Message("limits.says", detail=str(exc))),
        Location(file=str(path)),
        Message("limits.expected_copy_again"),
    )


def _stream(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> Iterator[bytes]:
    """The part's bytes in chunks; the zip module stops at the directory's size and checks CRC."""
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(CHUNK):
                yield chunk
    except Exception as exc:  # BadZipFile (bad CRC), zlib.error, EOFError, unsupported method
        raise _damaged(path, info.filename, exc) from None


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = []
    for piece in (PurePosixPath(base).parent / target).parts:
        if piece == "..":
            if parts:
                parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _sheet_parts(zf: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Sheet name -> worksheet part, from xl/workbook.xml and its relationships."""
    from defusedxml import ElementTree as SafeET  # safe even though we refused DOCTYPE already

    try:
        wb = SafeET.fromstring(zf.read("xl/workbook.xml"))
        rels_name = "xl/_rels/workbook.xml.rels"
        rels = SafeET.fromstring(zf.read(rels_name)) if rels_name in names else None
    except Exception:
        return {}
    # the part as the archive spells it: calamine finds a part whatever the case of its name,
    # so the checks must scan that same part
    spelt = {n.casefold(): n for n in names}
    targets: dict[str, str] = {}
    if rels is not None:
        for rel in rels:
            rid, target = rel.get("Id"), rel.get("Target")
            if rid and target:
                part = _resolve("xl/workbook.xml", target)
                targets[rid] = spelt.get(part.casefold(), part)
    out: dict[str, str] = {}
    for el in wb.iter():
        if not el.tag.endswith("}sheet") and el.tag != "sheet":
            continue
        name = el.get("name")
        rid = next((v for k, v in el.attrib.items() if k.endswith("}id")), None)
        if name and rid in targets:
            out[name] = targets[rid]
    return out


def inspect_workbook(path: Path, limits: Limits) -> WorkbookInfo:
    """Check a .xlsx/.xlsm zip before it is opened; raises a located InputError.

    The caller has checked that the file starts like a zip archive.
    """
    where = Location(file=str(path))
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        detail = Message("limits.says", detail=str(exc))
        if str(exc) == "File is not a zip file":
            detail = Message("limits.no_zip_directory")
        raise InputError(
            Message("limits.zip_damaged", detail=detail),
            where,
            Message("error.expected.undamaged"),
        ) from None
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        names = {i.filename for i in infos}
        total = sum(i.file_size for i in infos)
        if _on(limits.max_uncompressed_mb) and total > limits.max_uncompressed_mb * MB:
            limit = number_words(_n(limits.max_uncompressed_mb))
            raise InputError(
                Message("limits.unpack", size=number_words(_mb(total)), limit=limit),
                where,
                Message(
                    "limits.expected_unpack",
                    limit=limit,
                    hint=_raise_hint(ENV["max_uncompressed_mb"]),
                ),
            )
        if _on(limits.max_compression_ratio):
            for i in infos:
                if i.file_size <= RATIO_FLOOR_BYTES:
                    continue
                ratio = i.file_size / max(i.compress_size, 1)
                if ratio > limits.max_compression_ratio:
                    raise InputError(
                        Message(
                            "limits.ratio",
                            part=i.filename,
                            ratio=number_words(_n(round(ratio))),
                            size=number_words(_mb(i.file_size)),
                            packed=number_words(_mb(i.compress_size)),
                            limit=number_words(_n(limits.max_compression_ratio)),
                        ),
                        where,
                        Message(
                            "limits.expected_saved_by_hint",
                            hint=_raise_hint(ENV["max_compression_ratio"]),
                        ),
                    )
        if "xl/workbook.xml" not in names:
            raise _not_a_workbook(zf, path, names)
        combining, styles = _check_small_parts(zf, infos, path)
        sheet_parts = _sheet_parts(zf, names)
        return WorkbookInfo(
            path=path,
            parts=sorted(names),
            uncompressed=total,
            sheet_parts=sheet_parts,
            macros=any(n.lower().endswith("vbaproject.bin") for n in names),
            combining=combining,
            percent_styles=percent_styles(styles),
        )


#: a character reference from ``&#768;`` (U+0300) up, but for the punctuation U+2002-U+203F
#: (openpyxl writes every character outside ASCII so: "å" as ``&#229;``, "–" as ``&#8211;``)
_HIGH_REF = re.compile(
    rb"&#(?:7(?:6[89]|[7-9][0-9])|[89][0-9]{2}|[1-7][0-9]{3}|80[0-9]{2}|81[0-8][0-9]|819[0-3]"
    rb"|825[6-9]|82[6-9][0-9]|8[3-9][0-9]{2}|9[0-9]{3}|[1-9][0-9]{4,6}"
    rb"|[xX]0*(?:[3-9a-fA-F][0-9a-fA-F]{2}|1[0-9a-fA-F]{3}|200[01]|20[4-9a-fA-F][0-9a-fA-F]"
    rb"|2[1-9a-fA-F][0-9a-fA-F]{2}|[3-9a-fA-F][0-9a-fA-F]{3}|[1-9a-fA-F][0-9a-fA-F]{4,5}));"
)
_HIGH_REF_TEXT = re.compile(r"&#(?:([0-9]+)|[xX]([0-9a-fA-F]+));")


def _ref_char(m: re.Match[str]) -> str:
    code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
    return chr(code) if code < 0x110000 else "\ufffd"


def _combining(data: bytes) -> bool:
    """May the text in XML ``data`` not be in NFC form (as "å" typed on a Mac, "a" + a combining
    ring, is not)? Text made of characters below U+0300 only is NFC (NFC leaves each of them as
    it is, and no two of them combine: the second character of every canonical pair is U+0300
    or above); in UTF-8 those are the characters whose bytes are all below 0xCC. So: a lead
    byte 0xCC or 0xCD (U+0300-U+037F, the combining accents and a few Greek signs; a one-byte
    search, a fast memchr) says yes at once; any other lead byte from 0xCE up, but for the
    dashes, quotes and other punctuation of U+2002-U+203F (E2 80 82-BF), has the decoded text
    checked; so does a character reference from ``&#768;`` up, but for that punctuation (each
    reference is put in its place first)."""
    import numpy as np

    if b"\xcc" in data or b"\xcd" in data:
        return True
    check = False
    if data:
        a = np.frombuffer(data, np.uint8)
        high = np.flatnonzero(a >= 0xCE)
        if high.size:
            at = high[high + 2 < a.size]  # a character cut off at the end is checked
            punct = (a[at] == 0xE2) & (a[at + 1] == 0x80) & (a[at + 2] >= 0x82)
            check = at.size < high.size or not bool(punct.all())
    amp = data.find(b"&")  # most sheets have no "&" at all
    refs = amp >= 0 and _HIGH_REF.search(data, amp) is not None
    if not (check or refs):
        return False
    text = data.decode("utf-8", "replace")
    if refs:
        text = _HIGH_REF_TEXT.sub(_ref_char, text)
    return not unicodedata.is_normalized("NFC", text)


def _check_small_parts(
    zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], path: Path
) -> tuple[bool, bytes]:
    """Stream every part except the worksheets: real size = directory size, no DOCTYPE.

    Returns whether the shared strings may hold combining accents (text in NFD form), and the
    bytes of xl/styles.xml (up to :data:`STYLES_BYTES`)."""
    combining = False
    styles = b""
    for info in infos:
        lower = info.filename.lower()
        if lower.startswith("xl/worksheets/") and lower.endswith(".xml"):
            continue  # streamed later, only the sheet that is read
        xmlish = lower.endswith((".xml", ".rels", ".vml"))
        strings = "sharedstrings" in lower
        is_styles = lower == "xl/styles.xml"
        head = b""
        kept: list[bytes] = []
        tail = b""
        for chunk in _stream(zf, info, path):
            if xmlish and len(head) < PROLOG_BYTES:
                head += chunk[: PROLOG_BYTES - len(head)]
            if strings and not combining:
                # with the end of the chunk before: a character or an accent's letter may
                # have been cut off from it
                combining = _combining(tail + chunk)
                tail = chunk[-16:]
            if is_styles and info.file_size <= STYLES_BYTES:
                kept.append(chunk)
        if xmlish and _DOCTYPE.search(head):
            raise _doctype_error(path, info.filename, None)
        if kept:
            styles = b"".join(kept)
    return combining, styles


#: the largest styles part whose number formats are read (Excel's are a few KB)
STYLES_BYTES = 8 * MB
#: Excel's built-in percentage formats: 0% and 0.00%
_BUILTIN_PERCENT = frozenset({9, 10})
_QUOTED = re.compile(r'"[^"]*"|\\.')


def percent_styles(styles: bytes) -> frozenset[int]:
    """The cell styles (positions in ``cellXfs``) whose number format shows a percentage: the
    built-in formats 9 and 10, or a format code with a ``%`` outside quotes."""
    if b"%" not in styles and b'numFmtId="9"' not in styles and b'numFmtId="10"' not in styles:
        return frozenset()
    from defusedxml import ElementTree as SafeET  # the DOCTYPE check has run already

    try:
        root = SafeET.fromstring(styles)
    except Exception:  # a damaged styles part: the reader will say so, or read the cells
        return frozenset()

    def local(tag: str) -> str:
        return tag.rsplit("}", 1)[-1]

    percent = set(_BUILTIN_PERCENT)
    for el in root.iter():
        if local(el.tag) == "numFmt" and "%" in _QUOTED.sub("", el.get("formatCode", "")):
            with contextlib.suppress(TypeError, ValueError):
                percent.add(int(el.get("numFmtId")))
    out: set[int] = set()
    for el in root:
        if local(el.tag) != "cellXfs":
            continue
        for index, xf in enumerate(x for x in el if local(x.tag) == "xf"):
            with contextlib.suppress(TypeError, ValueError):
                if int(xf.get("numFmtId", "0")) in percent:
                    out.add(index)
    return frozenset(out)


def _not_a_workbook(zf: zipfile.ZipFile, path: Path, names: set[str]) -> InputError:
    mimetype = b""
    if "mimetype" in names:
        with contextlib.suppress(Exception), zf.open("mimetype") as fh:
            mimetype = fh.read(200)
    if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        return InputError(
            Message("limits.ods", suffix=path.suffix),
            Location(file=str(path)),
            Message("limits.expected_ods"),
        )
    if "word/document.xml" in names:
        kind = Message("limits.kind.docx")
    elif "ppt/presentation.xml" in names:
        kind = Message("limits.kind.pptx")
    elif "xl/workbook.bin" in names:
        kind = Message("limits.kind.xlsb")
    else:
        kind = Message("limits.kind.zip")
    return InputError(
        Message("limits.not_workbook", kind=kind),
        Location(file=str(path)),
        Message("limits.expected_save_as"),
    )


def _cells(ref: str) -> tuple[int, int]:
    """'AB12' -> (row 12, 0-based column 27)."""
    m = re.match(r"([A-Za-z]+)(\d+)", ref)
    if not m:
        return 0, 0
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col - 1


def merged_range(ref: str) -> tuple[int, int, int, int]:
    """'B1:C2' -> (first row, first col, last row, last col), rows 1-based, columns 0-based."""
    first, _, last = ref.partition(":")
    r0, c0 = _cells(first)
    r1, c1 = _cells(last or first)
    return min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)


# ---- the cells a sheet spans (what calamine allocates) --------------------------------------
#: the fast check lets through, unlooked at, row numbers below 200,000 (at most six digits, the
#: first 0 or 1) and columns A to CZ; anything else in a piece of XML gets a closer look
FAST_ROWS = 199_999
FAST_COLS = 104
_SPAN_REF = re.compile(rb"([A-Za-z]*)(\d*)")
#: a cell tag whose first attribute is not r (or that has none)
_NO_REF = re.compile(rb"[<:]c(?=[\s/>])(?!\s+r\s*=)")


def _column_number(letters: bytes) -> int:
    """b'A' -> 1, b'AD' -> 30, b'XFD' -> 16384 (case as calamine reads it: any)."""
    col = 0
    for ch in letters.upper():
        col = col * 26 + ch - 64
    return col


def _words_number(value: int):
    """A whole number as both languages write it: 1 048 576 / 1,048,576."""
    from ..texts import Words

    return Words(f"{value:,}".replace(",", "\u00a0"), f"{value:,}")


@dataclass
class _Span:
    """The farthest row and column seen, and where, for one sheet."""

    row: int = 0
    col: int = 0


def _what(ref: str):
    from ..texts import Message

    if ref.startswith("next:"):
        return Message("limits.what_next", ref=ref[5:])
    return Message("limits.what_cell", ref=ref)


def check_span(span: _Span, limits: Limits, where: Location, ref: str) -> None:
    """Raise when the farthest row is over ``max_rows`` or rows x columns from A1 is over
    ``max_cells``; ``ref`` is the reference that was just seen (named in the message)."""
    from ..errors import column_letter
    from ..texts import Message

    if _on(limits.max_rows) and span.row > limits.max_rows:
        raise InputError(
            Message(
                "limits.far_row",
                what=_what(ref),
                row=_words_number(span.row),
                limit=_words_number(limits.max_rows),
            ),
            where,
            Message("limits.expected_rows", limit=_words_number(limits.max_rows)),
        )
    cells = span.row * span.col
    if _on(limits.max_cells) and cells > limits.max_cells:
        raise InputError(
            Message(
                "limits.far_cells",
                what=_what(ref),
                span=f"A1:{column_letter(span.col - 1)}{span.row}",
                rows=_words_number(span.row),
                cols=_words_number(span.col),
                cells=_words_number(cells),
                limit=_words_number(limits.max_cells),
            ),
            where,
            Message("limits.expected_cells", limit=_words_number(limits.max_cells)),
        )


def check_dimension_cells(dimension: str, limits: Limits, where: Location) -> None:
    """The used range (``<dimension ref="A1:XFD250000"/>``) against ``max_cells``, from A1."""
    from ..texts import Message

    last = dimension.split(":")[-1].replace("$", "")
    row, col = _cells(last)
    cells = row * (col + 1)
    if _on(limits.max_cells) and cells > limits.max_cells:
        raise InputError(
            Message(
                "limits.dimension_cells",
                dimension=dimension,
                rows=_words_number(row),
                cols=_words_number(col + 1),
                cells=_words_number(cells),
                limit=_words_number(limits.max_cells),
            ),
            where,
            Message("limits.expected_cells", limit=_words_number(limits.max_cells)),
        )


class _FarCells:
    """Finds, before calamine or openpyxl sees a sheet, how far its cells reach.

    calamine reads a sheet into one dense range from its first to its last cell, placed by
    every cell reference (``r="XFD1048576"``) in the XML; a cell without ``r`` takes the next
    column in its row (``<row r="...">``; a row without ``r`` is the next row). The sheet's
    ``<dimension>`` is not used, so a sheet of two cells that says ``A1:A2`` may still reach
    XFD1048576: 17 billion cells, an allocation that aborts the process.

    Every reference must be seen, so the pieces of XML are first searched with numpy (a few
    passes over the bytes, no Python per cell) for anything that *may* reach far: a row number
    of 200,000 or more (a quote after six digits, the first 2-9, or after seven digits), a
    column past CZ (three letters before a digit, or two letters after a quote, the first D-Z),
    a cell tag not followed by `` r`` (a cell without a reference) and single-quoted
    attributes; the bytes where two pieces meet are searched too (:meth:`seam`). A sheet where
    nothing may reach far reaches at most row :data:`FAST_ROWS` and column :data:`FAST_COLS`.
    Anything else, anywhere, makes :meth:`finish` read the whole sheet with an XML parser
    (:meth:`exact`): a regular expression cannot be trusted with XML built to mislead it (``>``
    inside a quoted attribute, two ``r`` attributes, a tag cut between two pieces).
    """

    def __init__(self, limits: Limits, where: Location) -> None:
        self.limits = limits
        self.where = where
        self.fast = False  # some piece was let through by the fast search alone
        self.full = False  # something may reach far: read the whole sheet exactly
        self.on = _on(limits.max_rows) or _on(limits.max_cells)
        self._buffers: dict[str, object] = {}

    # -- the fast search ----------------------------------------------------------------------
    def _buf(self, name: str, n: int, dtype):
        import numpy as np

        buf = self._buffers.get(name)
        if buf is None or buf.size < n:  # type: ignore[attr-defined]
            buf = np.empty(max(n, CHUNK + CHUNK // 2), dtype)
            self._buffers[name] = buf
        return buf[:n]  # type: ignore[index]

    def suspect(self, body: bytes) -> tuple[bool, bool, int | None]:
        """(may reach far, may hold a cell without a reference, row end tags) for a piece of
        sheet XML. The row end tags are counted here, in the same views as the cell tags, as
        every ``row>`` (``</row>``, ``</x:row>``) but a bare ``<row>`` (a row without
        attributes, which some writers make: it has its end tag too), which costs a fraction of
        a ``bytes.count`` pass. (A bare ``<x:row>``, or "row>" in a text, still counts: a
        higher count, never a lower one.)"""
        import numpy as np

        n = len(body)
        if n < 16:
            return (bool(body.strip()), bool(body.strip()), None)
        a = np.frombuffer(body, np.uint8)
        u = np.subtract(a, 48, out=self._buf("u", n, np.uint8))
        dig = np.less(u, 10, out=self._buf("dig", n, bool))
        y = np.bitwise_and(u, 14, out=self._buf("y", n, np.uint8))  # a digit 2-9: not 0
        np.bitwise_and(a, 0xFA, out=u)  # u is free again: " ' # & all become 0x22
        q = np.equal(u, 0x22, out=self._buf("q", n, bool))
        let = np.greater_equal(a, 65, out=self._buf("let", n, bool))  # letters (and more)
        hi = np.greater_equal(a, 68, out=self._buf("hi", n, bool))  # D-Z, a-z (and more)
        # rows: digits at p-6..p-1 and a quote at p, p-6 a digit 2-9 or p-7 a digit too
        d2 = np.logical_and(dig[:-1], dig[1:], out=self._buf("d2", n - 1, bool))
        d4 = np.logical_and(d2[:-2], d2[2:], out=self._buf("d4", n - 3, bool))
        d6 = np.logical_and(d4[:-2], d2[4:], out=self._buf("d6", n - 5, bool))
        m = n - 7
        t = np.logical_or(y[1 : n - 6], dig[:m], out=self._buf("t", m, bool))
        np.logical_and(t, d6[1 : n - 6], out=t)
        np.logical_and(t, q[7:], out=t)
        far = bool(t.any())
        if not far:
            # columns: three letters before a digit; or a quote, a letter D-Z, a letter, a digit
            m = n - 3
            s = np.logical_and(let[:-1], let[1:], out=self._buf("s", n - 1, bool))
            x = np.logical_and(s[1 : n - 2], dig[3:], out=self._buf("x", m, bool))
            t = np.logical_and(hi[1 : n - 2], q[:m], out=self._buf("t", m, bool))
            np.logical_or(t, s[:m], out=t)
            np.logical_and(t, x, out=t)
            far = bool(t.any())
        # cells without a reference: every "<c" or ":c" must go on " r" (masked: < : > 8)
        tags = refs = ends = bare = 0
        for k in (0, 1):
            v = np.frombuffer(body, "<u2", count=(n - k) // 2, offset=k)
            tags += int(np.count_nonzero((v & 0xFFF9) == 0x6338))
        for k in (0, 1, 2, 3):
            w = np.frombuffer(body, "<u4", count=(n - k) // 4, offset=k)
            # a reference only with "=" after "<c r": <c rr="1"> or <c r:x="1"> has none
            at = np.flatnonzero((w & 0xFFFFFFF9) == 0x72206338) * 4 + (k + 4)
            refs += int(np.count_nonzero(a[at[at < n]] == 0x3D))
            ends += int(np.count_nonzero(w == 0x3E776F72))  # "row>"
            at = np.flatnonzero(w == 0x776F723C) * 4 + (k + 4)  # "<row", then ">"?
            bare += int(np.count_nonzero(a[at[at < n]] == 0x3E))
        return far, tags != refs, ends - bare

    def search(self, body: bytes) -> tuple[bool, bool, int | None] | None:
        """:meth:`suspect`, or None when nothing is left to search for."""
        if not self.on or self.full:
            return None
        return self.suspect(body)

    def check(self, body: bytes, found: tuple[bool, bool, int | None] | None) -> None:
        """One piece of sheet XML and what :meth:`search` found in it: anything that may reach
        far, or a cell without a reference, makes :meth:`finish` read the whole sheet exactly."""
        if found is None or self.full:
            return
        far, rless, _ = found
        # the fast count also matches <col>, <cfRule>, "8c" in text: look closer
        if far or (rless and _NO_REF.search(body)):
            self.full = True
        else:
            self.fast = True

    def seam(self, before: bytes, after: bytes) -> None:
        """Where two pieces meet: a reference or tag cut in two by the cut between them is seen
        whole here (the last and first bytes of the pieces)."""
        if self.on and not self.full:
            found = self.suspect(before[-24:] + after[:24])
            if found[0] or found[1]:
                self.full = True

    # -- the exact reading --------------------------------------------------------------------
    def exact(self, zf: zipfile.ZipFile, zinfo: zipfile.ZipInfo, path: Path) -> None:
        """Every row and cell tag of the sheet, read by an XML parser (expat: quotes, ``<`` and
        ``>`` in attribute values, tags cut between chunks are all read as XML has them) and
        placed as calamine places them: a cell by its reference, a cell without one in the next
        column of its row, a row without ``r`` after the row before. XML that is not well-formed
        (a duplicate attribute among them) is refused: no one can say where calamine would put
        its cells."""
        import xml.parsers.expat

        span, limits, where = _Span(), self.limits, self.where
        pos = [0, 0]  # the row, and the column of the last cell

        def place(cell_row: int, col: int, ref: str) -> None:
            grew = False
            if cell_row > span.row:
                span.row, grew = cell_row, True
            if col > span.col:
                span.col, grew = col, True
            if grew:
                check_span(span, limits, where, ref)

        def start(name: str, attrs: dict[str, str]) -> None:
            local = name.rpartition(":")[2]
            if local == "row":
                value = attrs.get("r")
                if value is None:
                    pos[0] += 1
                elif value.strip().isdigit():
                    pos[0] = int(value)
                pos[1] = 0  # a row places no cell itself (an empty row is no part of the range)
            elif local == "c":
                value = attrs.get("r")
                if value is None:
                    pos[1] += 1
                    row = max(pos[0], 1)
                    place(row, pos[1], f"next:{_col_letters(pos[1])}{row}")
                    return
                parts = _SPAN_REF.fullmatch(value.strip().encode("ascii", "replace"))
                if parts is None or not parts.group(2):
                    return  # not a cell reference: calamine refuses the sheet
                pos[1] = max(_column_number(parts.group(1)), 1)
                place(int(parts.group(2)), pos[1], value.strip())

        parser = xml.parsers.expat.ParserCreate()  # no namespaces: x:c keeps its prefix
        parser.StartElementHandler = start
        try:
            for chunk in _stream(zf, zinfo, path):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except xml.parsers.expat.ExpatError as exc:
            from ..texts import Message

            raise InputError(
                Message("limits.bad_xml", line=exc.lineno, column=exc.offset + 1),
                where,
                Message("limits.expected_xml"),
            ) from None

    def finish(self, zf: zipfile.ZipFile, zinfo: zipfile.ZipInfo, path: Path) -> None:
        """After the streamed pass: the sheet's extent against the limits."""
        if not self.on:
            return
        if not self.full and self.fast:  # pieces seen by the fast search reach this far at most
            lim = self.limits
            rows, cells = FAST_ROWS, FAST_ROWS * FAST_COLS
            self.full = (_on(lim.max_rows) and rows > lim.max_rows) or (
                _on(lim.max_cells) and cells > lim.max_cells
            )  # the bound does not settle it
        if self.full:
            self.exact(zf, zinfo, path)


def _col_letters(col: int) -> str:
    from ..errors import column_letter

    return column_letter(col - 1)


def scan_sheet(
    path: Path, part: str, limits: Limits, sheet: str, percent: frozenset[int] = frozenset()
) -> SheetInfo:
    """Stream one worksheet's XML once: limits first, then hidden rows/columns, merged cells,
    and the numbers in cells of the ``percent`` styles."""
    where = Location(file=str(path), sheet=sheet)
    info = SheetInfo(part=part)
    percent_cell = _percent_cell_pattern(percent)
    far = _FarCells(limits, where)
    with zipfile.ZipFile(path) as zf:
        try:
            zinfo = zf.getinfo(part)
        except KeyError:
            return info
        first = True
        row_token = b"<row"
        carry = last = b""
        for chunk in _stream(zf, zinfo, path):
            buf = carry + chunk
            if first:
                first = False
                root = _ROOT_PREFIX.search(buf[:65536])
                prolog = buf[: root.start()] if root else buf[:PROLOG_BYTES]
                if _DOCTYPE.search(prolog):
                    raise _doctype_error(path, part, sheet)
                if root and root.group(1):
                    row_token = b"<" + root.group(1) + b"row"
                dim = _DIMENSION.search(buf[:65536])
                if dim:
                    last_row = dim.group(4) or dim.group(2)
                    info.dimension = dim.group(0).split(b'"')[1].decode("ascii", "replace")
                    if last_row:
                        check_row_count(
                            int(last_row),
                            limits,
                            where,
                            Message(
                                "limits.found_used_range",
                                range=info.dimension,
                                rows=number_words(_n(int(last_row))),
                            ),
                        )
                        check_dimension_cells(info.dimension, limits, where)
            # process whole rows only, so that no element is cut in two
            end_row = buf.rfind(b"row>")
            cut = end_row + 4 if end_row >= 0 else buf.rfind(b">") + 1
            body = buf[:cut]
            found = far.search(body)
            ends = found[2] if found is not None else None
            _scan_body(body, info, row_token, limits, where, percent_cell, ends)
            far.check(body, found)
            far.seam(last, body)
            last = body
            carry = buf[cut:]
            if len(carry) > 2 * CHUNK:  # text without any tag: nothing in it to count
                if not info.combining and _combining(carry):
                    info.combining = True
                carry = carry[-1024:]
                far.full = True  # but a tag may have begun in it: read the sheet exactly
        found = far.search(carry)
        ends = found[2] if found is not None else None
        _scan_body(carry, info, row_token, limits, where, percent_cell, ends)
        far.check(carry, found)
        far.seam(last, carry)
        far.finish(zf, zinfo, path)
    return info


def used_rows(path: Path, part: str) -> int | None:
    """The number of rows in a worksheet's used range (its ``<dimension>``, in the first bytes of
    its XML), or None when the sheet does not state it. Reads the first 64 KB only."""
    with zipfile.ZipFile(path) as zf:
        try:
            zinfo = zf.getinfo(part)
        except KeyError:
            return None
        try:
            with zf.open(zinfo) as fh:
                head = fh.read(65536)
        except Exception as exc:  # a damaged part
            raise _damaged(path, part, exc) from None
    dim = _DIMENSION.search(head)
    if dim is None:
        return None
    first, last = dim.group(2), dim.group(4) or dim.group(2)
    return int(last) - int(first) + 1 if first and last else None


def _percent_cell_pattern(styles: frozenset[int]) -> re.Pattern[bytes] | None:
    """A cell element of one of ``styles`` (its attributes, and "/" when it is empty)."""
    if not styles:
        return None
    choices = b"|".join(str(s).encode() for s in sorted(styles))
    return re.compile(rb'<(?:\w+:)?c\b([^>]*?\bs="(?:' + choices + rb')"[^>]*?)(/?)>')


_TYPE_ATTR = re.compile(rb'\bt="([^"]*)"')


def _scan_body(
    body: bytes,
    info: SheetInfo,
    row_token: bytes,
    limits: Limits,
    where,
    percent_cell: re.Pattern[bytes] | None = None,
    row_ends: int | None = None,
) -> None:
    """Count the rows of a piece of worksheet XML that ends between two rows, and collect what
    the notes need. Each search is a pass over the bytes; the rare ones first look for a single
    byte they need (a fast ``memchr``), which most sheets do not have at all. ``row_ends``: the
    row end tags when :class:`_FarCells` has counted them."""
    # a row with cells ends with </row>; an empty row (<row r="9"/>) has no end tag
    if row_ends is None:
        row_ends = body.count(b"</" + row_token[1:] + b">")
    elif row_token != b"<row":  # the fast count took a bare <x:row> (.NET's SDK writes them)
        row_ends -= body.count(row_token + b">")
    info.rows += row_ends
    if _on(limits.max_rows) and info.rows > limits.max_rows:
        check_row_count(
            info.rows,
            limits,
            where,
            Message("limits.found_xml_rows", limit=number_words(_n(limits.max_rows))),
            compare=False,
        )
    if not info.combining and _combining(body):
        info.combining = True
    if b"h" in body and b"hidden=" in body:
        _collect_hidden(body, info)
    if b"g" in body and b"mergeCell" in body:  # <mergeCell ref=...>, any blank after the name
        info.merged.extend(m.group(1).decode("ascii") for m in _MERGE.finditer(body))
    # error values all start with "#" (#DIV/0!, #N/A ...)
    if b"#" in body and b't="e"' in body and info.error_past is None:
        for m in _ERROR_CELL.finditer(body):
            r = _REF_ATTR.search(m.group(1))
            if r:
                row, col = _cells(r.group(1).decode("ascii"))
                if len(info.errors) >= MAX_CELLS_NOTED:
                    info.error_past = (row, col)
                    break
                info.errors.append((row, col, m.group(2).decode("utf-8", "replace")))
    # <f>, or <x:f> in a sheet whose elements have a prefix
    if b"f" in body and (b"<f" in body or b":f" in body) and len(info.uncached) < MAX_CELLS_NOTED:
        for m in _FORMULA_ONLY.finditer(body):
            r = _REF_ATTR.search(m.group(1))
            if r:
                info.uncached.append(_cells(r.group(1).decode("ascii")))
    if percent_cell is not None and len(info.percent) < MAX_CELLS_NOTED:
        for m in percent_cell.finditer(body):
            kind = _TYPE_ATTR.search(m.group(1))
            if m.group(2) or (kind and kind.group(1) != b"n"):
                continue  # an empty cell, or text, a logical or an error value
            r = _REF_ATTR.search(m.group(1))
            if r:
                info.percent.append(_cells(r.group(1).decode("ascii")))


def _collect_hidden(body: bytes, info: SheetInfo) -> None:
    for m in _ROW_TAG.finditer(body):
        attrs = m.group(1)
        if _HIDDEN.search(attrs):
            r = _R_ATTR.search(attrs)
            if r:
                info.hidden_rows.append(int(r.group(1)))
    for m in _COL_TAG.finditer(body):
        attrs = m.group(1)
        if _HIDDEN.search(attrs):
            mm = _MIN_MAX.search(attrs)
            if mm:
                lo = int(mm.group(1) or mm.group(4))
                hi = int(mm.group(2) or mm.group(3))
                info.hidden_columns.extend(range(lo - 1, min(hi, lo + 16384)))
