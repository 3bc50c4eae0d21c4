"""Reading .xlsx/.xlsm workbooks: python-calamine for speed, openpyxl as the fallback.

Before either library sees a file, :mod:`.limits` checks it (size, what it really is, zip
directory, XML prolog, the chosen sheet's row count); after reading, merged header cells are
refused, hidden rows and columns, merged data cells and macros become notes, and the cells
formatted as a percentage are handed on (a number there is never an answer).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import InputError, Location, column_letter
from ..texts import Message, listing
from . import limits as _limits
from .grid import nfc, table_from_grid
from .interface import RawTable, ResponseReader

try:  # calamine is a compiled speed-up; xlwings Lite (Pyodide) and others may lack it
    import python_calamine as _calamine
except ImportError:  # pragma: no cover - exercised by forcing the fallback in tests
    _calamine = None


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a sheet becomes Python objects.

    A sheet of 100,000 rows is 100,000 new lists; each of them makes the collector run, and
    the full collections it triggers walk every cell again. The cells form no cycles.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _grid_of(rows: list[list]) -> pd.DataFrame:
    """calamine's rows as a DataFrame of object cells: one object array, taken as it is (half
    the time of a DataFrame made from the lists; the cells are the same)."""
    if not rows:
        return pd.DataFrame()
    try:
        cells = np.array(rows, dtype=object)
    except ValueError:  # rows of unequal length (calamine gives none): as before
        cells = None
    if cells is None or cells.ndim != 2:
        return pd.DataFrame(rows, dtype=object)
    return pd.DataFrame(cells, dtype=object, copy=False)  # object: no string inference


def _choose_sheet(path: Path, names: list[str], visible: list[str], sheet: str | None) -> str:
    if sheet is None:
        if not (visible or names):
            raise InputError(Message("error.no_sheets"), Location(file=str(path)))
        return (visible or names)[0]
    if sheet in names:
        return sheet
    folded = {nfc(n).casefold(): n for n in names}
    if nfc(sheet).casefold() in folded:
        return folded[nfc(sheet).casefold()]
    shown = ", ".join(f'"{n}"' for n in names)
    raise InputError(
        Message("error.no_sheet_named", sheet=sheet),
        Location(file=str(path)),
        Message("error.expected.sheets", sheets=shown),
    )


def _unreadable(path: Path, exc: Exception) -> InputError:
    text = str(exc).strip() or type(exc).__name__
    lowered = text.lower()
    problem: Message
    expected: Message
    if "password" in lowered or "encrypt" in lowered or type(exc).__name__ == "PasswordError":
        problem = Message("error.password")
        expected = Message("error.expected.no_password")
    elif "zip" in lowered or "archive" in lowered:
        problem = Message("error.xlsx_unreadable_zip", detail=text)
        expected = Message("error.expected.xlsx")
    else:
        problem = Message("error.xlsx_unreadable", detail=text)
        expected = Message("error.expected.xlsx")
    return InputError(problem, Location(file=str(path)), expected)


OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


def ole_stream_names(data: bytes) -> set[str]:
    """Names of the streams and storages in an OLE2 compound file, read with olefile: enough to
    tell an encrypted .xlsx (``EncryptedPackage``) from an old .xls (``Workbook``, ``Book``) or
    a Word document (``WordDocument``)."""
    import io

    import olefile

    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        return {name for path in ole.listdir(streams=True, storages=True) for name in path}


def _ole_error(path: Path) -> InputError:
    """An OLE2 file named .xlsx: an encrypted workbook or an old .xls (or another Office file)."""
    where = Location(file=str(path))
    data = path.read_bytes()
    try:
        names = ole_stream_names(data)
    except Exception:  # a damaged directory: fall back on a plain search
        names = {
            n
            for n in ("EncryptedPackage", "Workbook", "Book", "WordDocument")
            if n.encode("utf-16-le") in data
        }
    if "EncryptedPackage" in names:
        return InputError(
            Message("error.password"), where, Message("error.expected.no_password_how")
        )
    if names & {"Workbook", "Book"}:
        return InputError(
            Message("error.xlsx_old_format", suffix=path.suffix),
            where,
            Message("error.expected.xlsx_save_as"),
        )
    kind = Message("error.kind.word" if "WordDocument" in names else "error.kind.old_office")
    return InputError(
        Message("error.xlsx_is_other", kind=kind), where, Message("error.expected.xlsx")
    )


def _not_zip(path: Path, head: bytes) -> InputError:
    where = Location(file=str(path))
    if head.startswith(b"PK"):
        return InputError(
            Message("error.xlsx_damaged_zip"), where, Message("error.expected.undamaged")
        )
    sample = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"\x00" not in head:
        html = sample[:1] == b"<"
        kind = Message("error.kind.html" if html else "error.kind.text")
        expected = Message("error.expected.xlsx_html" if html else "error.expected.xlsx_text")
        return InputError(Message("error.xlsx_is_other", kind=kind), where, expected)
    return InputError(Message("error.xlsx_not_zip"), where, Message("error.expected.xlsx"))


def inspect(path: Path, limits: _limits.Limits | None = None) -> _limits.WorkbookInfo:
    """Every check that runs before a workbook is opened; raises a located InputError."""
    lim = limits or _limits.current_limits()
    _limits.check_file_size(path, lim)
    with path.open("rb") as fh:
        head = fh.read(4096)
    if head.startswith(OLE2_MAGIC):
        raise _ole_error(path)
    if not head.startswith(b"PK\x03\x04"):
        raise _not_zip(path, head)
    return _limits.inspect_workbook(path, lim)


def _scan(
    path: Path, info: _limits.WorkbookInfo, name: str, index: int, lim: _limits.Limits
) -> _limits.SheetInfo:
    part = info.sheet_parts.get(name)
    if part is None:
        guess = f"xl/worksheets/sheet{index + 1}.xml"
        part = guess if guess in info.parts else None
    if part is not None:
        return _limits.scan_sheet(path, part, lim, name, info.percent_styles)
    # no way to tell which part holds the sheet: every worksheet must pass the row limit
    found = _limits.SheetInfo(part="?", combining=True)
    for p in info.parts:
        if p.startswith("xl/worksheets/") and p.endswith(".xml"):
            scanned = _limits.scan_sheet(path, p, lim, name, info.percent_styles)
            found.rows = max(found.rows, scanned.rows)
    return found


def _check_error_cells(path: Path, name: str, sheet: _limits.SheetInfo) -> None:
    """Refuse a sheet with more error cells than are remembered, naming the first one past
    them: calamine reads the others as blank, openpyxl as text, and neither may pass for an
    answer. Both engines ask this, for the sheet they read (other sheets may hold any)."""
    if sheet.error_past is not None:
        row, col = sheet.error_past
        limit = _limits.number_words(f"{_limits.MAX_CELLS_NOTED:,}")
        past = _limits.number_words(f"{_limits.MAX_CELLS_NOTED + 1:,}")
        raise InputError(
            Message("limits.error_cells", limit=limit, next=past),
            Location(file=str(path), sheet=name, row=row, column_index=col),
            Message("limits.expected_error_cells", limit=limit),
        )


def _put_error_cells(
    grid: pd.DataFrame, sheet: _limits.SheetInfo, first_row: int, first_col: int
) -> None:
    """calamine reads #DIV/0!, #N/A ... as blank: put the error text back, as openpyxl has it."""
    for row, col, text in sheet.errors:
        i, j = row - first_row, col - first_col
        if 0 <= i < grid.shape[0] and 0 <= j < grid.shape[1] and grid.iat[i, j] in ("", None):
            grid.iat[i, j] = text


def _from_grid(
    path: Path, names: list[str], asked: str | None, grid: pd.DataFrame, **kwargs
) -> RawTable:
    """table_from_grid; an empty default sheet names the other sheets."""
    try:
        return table_from_grid(grid, **kwargs)
    except InputError as exc:
        others = [n for n in names if n != kwargs.get("sheet")]
        if asked is None and others and exc.problem == Message("error.sheet_empty"):
            shown = ", ".join(f'"{n}"' for n in others)
            exc.expected = Message("error.expected.header_or_sheet", sheets=shown)
            exc.args = (exc.message,)
        raise


def _scan_all(
    path: Path, info: _limits.WorkbookInfo, lim: _limits.Limits
) -> dict[str, _limits.SheetInfo]:
    """Scan every worksheet (openpyxl touches each one when it opens a workbook): the parts the
    workbook names as its sheets, wherever they are stored, and the other parts in the usual
    folder."""
    names = {part: name for name, part in info.sheet_parts.items()}
    usual = [p for p in info.parts if p.startswith("xl/worksheets/") and p.endswith(".xml")]
    return {
        part: _limits.scan_sheet(path, part, lim, names.get(part, part), info.percent_styles)
        for part in dict.fromkeys([*info.sheet_parts.values(), *usual])
        if part in info.parts
    }


def _apply_sheet_info(
    table: RawTable, info: _limits.WorkbookInfo, sheet: _limits.SheetInfo
) -> RawTable:
    """Merged header cells are an error; hidden rows/columns, merged cells, macros are notes."""
    cols = set(table.column_indices)
    header_of = {c: str(h) for c, h in zip(table.column_indices, table.frame.columns, strict=True)}
    below: list[str] = []
    for ref in sorted(sheet.merged, key=_limits.merged_range):
        r0, c0, r1, c1 = _limits.merged_range(ref)
        if r0 <= table.header_row <= r1:
            raise InputError(
                Message("error.header_merged", ref=ref),
                Location(
                    file=table.source,
                    sheet=table.sheet,
                    row=table.header_row,
                    column=header_of.get(c0) or None,
                    column_index=c0,
                ),
                Message("error.expected.header_unmerged"),
            )
        if r1 > table.header_row and cols.intersection(range(c0, c1 + 1)):
            below.append(ref)
    notes = table.notes
    if below:
        notes.append(Message("read.merged_cells", sheet=table.sheet, cells=listing(below)))
    hidden: list[int] = []
    if sheet.hidden_rows:
        data_rows = set(table.row_numbers.tolist())
        hidden = sorted(r for r in set(sheet.hidden_rows) if r in data_rows)
    if hidden:
        rows = listing([str(r) for r in hidden])
        notes.append(Message("read.hidden_rows", count=len(hidden), sheet=table.sheet, rows=rows))
    hidden_cols = [c for c in sorted(set(sheet.hidden_columns)) if c in cols]
    if hidden_cols:
        shown = listing([f'{column_letter(c)} ("{header_of[c]}")' for c in hidden_cols])
        notes.append(
            Message("read.hidden_columns", count=len(hidden_cols), sheet=table.sheet, columns=shown)
        )
    uncached = [
        f"{column_letter(c)}{r}" for r, c in sheet.uncached if c in cols and r > table.header_row
    ]
    if uncached:
        notes.append(
            Message(
                "read.uncached", count=len(uncached), sheet=table.sheet, cells=listing(uncached)
            )
        )
    table.percent_cells = [(r, c) for r, c in sheet.percent if c in cols and r > table.header_row]
    if info.macros:
        notes.append(Message("read.macros"))
    return table


def _note_other_sheets(
    path: Path, table: RawTable, info: _limits.WorkbookInfo, visible: list[str], read: str
) -> RawTable:
    """When the first sheet was read by default: the other visible sheets whose used range has
    two rows or more (a table, not Excel's empty "Blad2"; a sheet that does not state its range
    counts), in ``other_sheets`` and a note. Answers split over sheets would otherwise be read in
    part without a word."""
    others = []
    for name in visible:
        part = info.sheet_parts.get(name)
        rows = _limits.used_rows(path, part) if part else None
        if name != read and (rows is None or rows >= 2):
            others.append(name)
    if others:
        table.other_sheets = others
        shown = listing([f'"{n}"' for n in others])
        table.notes.append(
            Message("read.other_sheets", sheet=read, count=len(others), sheets=shown)
        )
    return table


class ExcelReader(ResponseReader):
    name = "excel"
    suffixes = (".xlsx", ".xlsm")

    def __init__(self, engine: str | None = None) -> None:
        #: "calamine", "openpyxl", or None for calamine when installed.
        self.engine = engine

    def _engine(self) -> str:
        if self.engine:
            return self.engine
        return "calamine" if _calamine is not None else "openpyxl"

    def sheet_names(self, path: Path) -> list[str]:
        lim = _limits.current_limits()
        info = inspect(path, lim)
        if self._engine() == "calamine":
            try:
                wb = _calamine.CalamineWorkbook.from_path(str(path))
            except Exception as exc:
                raise _unreadable(path, exc) from None
            return list(wb.sheet_names)
        _scan_all(path, info, lim)
        wb = self._openpyxl_open(path)
        try:
            return list(wb.sheetnames)
        finally:
            wb.close()

    def read(self, path: Path, sheet: str | None = None) -> RawTable:
        lim = _limits.current_limits()
        info = inspect(path, lim)
        if self._engine() == "calamine":
            return self._read_calamine(path, sheet, info, lim)
        return self._read_openpyxl(path, sheet, info, lim)

    def _read_calamine(
        self, path: Path, sheet: str | None, info: _limits.WorkbookInfo, lim: _limits.Limits
    ) -> RawTable:
        try:
            wb = _calamine.CalamineWorkbook.from_path(str(path))
            names = list(wb.sheet_names)
            visible = [
                m.name
                for m in wb.sheets_metadata
                if str(getattr(m, "visible", "Visible")).lower().endswith("visible")
                and "hidden" not in str(getattr(m, "visible", "")).lower()
            ]
        except Exception as exc:
            raise _unreadable(path, exc) from None
        name = _choose_sheet(path, names, visible, sheet)
        scanned = _scan(path, info, name, names.index(name), lim)
        _check_error_cells(path, name, scanned)
        try:
            ws = wb.get_sheet_by_name(name)
            start = ws.start or (0, 0)
            with _gc_paused():
                rows = ws.to_python(skip_empty_area=True)
                grid = _grid_of(rows)
            del rows
        except Exception as exc:
            raise _unreadable(path, exc) from None
        _put_error_cells(grid, scanned, start[0] + 1, start[1])
        table = _from_grid(
            path,
            names,
            sheet,
            grid,
            source=str(path),
            sheet=name,
            first_row=start[0] + 1,
            first_col=start[1],
            check_nfc=info.combining or scanned.combining,
        )
        table = _apply_sheet_info(table, info, scanned)
        return table if sheet is not None else _note_other_sheets(path, table, info, visible, name)

    @staticmethod
    def _openpyxl_open(path: Path):
        import openpyxl

        try:
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:
            raise _unreadable(path, exc) from None

    def _read_openpyxl(
        self, path: Path, sheet: str | None, info: _limits.WorkbookInfo, lim: _limits.Limits
    ) -> RawTable:
        scans = _scan_all(path, info, lim)
        wb = self._openpyxl_open(path)
        try:
            names = list(wb.sheetnames)
            visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
            name = _choose_sheet(path, names, visible, sheet)
            part = info.sheet_parts.get(name, f"xl/worksheets/sheet{names.index(name) + 1}.xml")
            scanned = scans.get(part) or _limits.SheetInfo(part=part)
            _check_error_cells(path, name, scanned)
            ws = wb[name]
            try:
                # read-only openpyxl reads only as far as the sheet's <dimension> says, which a
                # tool may have left stale: the cells as they are, like calamine
                ws.reset_dimensions()
                rows = [list(r) for r in ws.iter_rows(min_row=1, min_col=1, values_only=True)]
            except Exception as exc:
                raise _unreadable(path, exc) from None
        finally:
            wb.close()
        width = max(map(len, rows), default=0)  # rows end at their last cell: pad them
        rows = [r + [None] * (width - len(r)) if len(r) < width else r for r in rows]
        grid = pd.DataFrame(rows, dtype=object) if rows else pd.DataFrame()
        table = _from_grid(
            path,
            names,
            sheet,
            grid,
            source=str(path),
            sheet=name,
            check_nfc=info.combining or scanned.combining,
        )
        table = _apply_sheet_info(table, info, scanned)
        return table if sheet is not None else _note_other_sheets(path, table, info, visible, name)
