"""Reading .xlsx/.xlsm workbooks: python-calamine for speed, openpyxl as the fallback."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import InputError, Location
from .grid import table_from_grid
from .interface import RawTable, ResponseReader

try:  # calamine is a compiled speed-up; xlwings Lite (Pyodide) and others may lack it
    import python_calamine as _calamine
except ImportError:  # pragma: no cover - exercised by forcing the fallback in tests
    _calamine = None


def _choose_sheet(path: Path, names: list[str], visible: list[str], sheet: str | None) -> str:
    if sheet is None:
        if not (visible or names):
            raise InputError("the workbook has no sheets", Location(file=str(path)))
        return (visible or names)[0]
    if sheet in names:
        return sheet
    folded = {n.casefold(): n for n in names}
    if sheet.casefold() in folded:
        return folded[sheet.casefold()]
    shown = ", ".join(f'"{n}"' for n in names)
    raise InputError(
        f'the workbook has no sheet named "{sheet}"',
        Location(file=str(path)),
        f"one of the sheets: {shown}",
    )


def _unreadable(path: Path, exc: Exception) -> InputError:
    text = str(exc).strip() or type(exc).__name__
    lowered = text.lower()
    if "password" in lowered or "encrypt" in lowered or type(exc).__name__ == "PasswordError":
        problem = "the workbook is password-protected (encrypted) and cannot be read"
        expected = "a workbook saved without a password"
    elif "zip" in lowered or "archive" in lowered:
        problem = f"the file is not a readable .xlsx workbook ({text})"
        expected = "an Excel workbook (.xlsx) saved by Excel, LibreOffice or a survey tool"
    else:
        problem = f"the file could not be read as an Excel workbook ({text})"
        expected = "an Excel workbook (.xlsx) saved by Excel, LibreOffice or a survey tool"
    return InputError(problem, Location(file=str(path)), expected)


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
        if self._engine() == "calamine":
            try:
                wb = _calamine.CalamineWorkbook.from_path(str(path))
            except Exception as exc:
                raise _unreadable(path, exc) from None
            return list(wb.sheet_names)
        wb = self._openpyxl_open(path)
        try:
            return list(wb.sheetnames)
        finally:
            wb.close()

    def read(self, path: Path, sheet: str | None = None) -> RawTable:
        if self._engine() == "calamine":
            return self._read_calamine(path, sheet)
        return self._read_openpyxl(path, sheet)

    def _read_calamine(self, path: Path, sheet: str | None) -> RawTable:
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
        try:
            ws = wb.get_sheet_by_name(name)
            start = ws.start or (0, 0)
            rows = ws.to_python(skip_empty_area=True)
        except Exception as exc:
            raise _unreadable(path, exc) from None
        grid = pd.DataFrame(rows, dtype=object) if rows else pd.DataFrame()
        return table_from_grid(
            grid, source=str(path), sheet=name, first_row=start[0] + 1, first_col=start[1]
        )

    @staticmethod
    def _openpyxl_open(path: Path):
        import openpyxl

        try:
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:
            raise _unreadable(path, exc) from None

    def _read_openpyxl(self, path: Path, sheet: str | None) -> RawTable:
        wb = self._openpyxl_open(path)
        try:
            names = list(wb.sheetnames)
            visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
            name = _choose_sheet(path, names, visible, sheet)
            ws = wb[name]
            try:
                rows = [list(r) for r in ws.iter_rows(min_row=1, min_col=1, values_only=True)]
            except Exception as exc:
                raise _unreadable(path, exc) from None
        finally:
            wb.close()
        grid = pd.DataFrame(rows, dtype=object) if rows else pd.DataFrame()
        return table_from_grid(grid, source=str(path), sheet=name)
