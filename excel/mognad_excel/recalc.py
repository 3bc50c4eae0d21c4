"""Recalculate a workbook's MOGNAD_* formulas without Excel (``mognad excel recalc``).

The engine is pycel, with the worksheet functions of :mod:`mognad_excel.udfs` plugged in (this
module is the pycel plugin: pycel looks functions up by their lower-case names). Around pycel:

* **Spellings.** ``MOGNAD_SCORE(...)``, ``_xldudf_MOGNAD_SCORE(...)`` (Office.js custom
  functions, as xlwings Lite stores them) and ``[1]!MOGNAD_SCORE(...)`` /
  ``'...xlam'!MOGNAD_SCORE(...)`` (add-in functions) are all rewritten to the plain name first.
* **Big ranges.** pycel builds a graph node per cell of a range, which takes seconds for a
  response sheet. A range given directly to a MOGNAD_* function or to ``COUNTA``
  (``Svar!$A$1:$AB$5001``, a whole column ``Svar!A:AB``, a defined name, or an Excel Table:
  ``Svarstabell[#All]``, ``Svarstabell[#Data]``, ``Svarstabell``) is therefore read straight
  from the sheet, bounded to the cells in use; formula cells inside it are still evaluated by
  pycel. ``COUNTA``, which pycel lacks, is one of this module's functions (the template's check
  that no answers lie outside the table uses it).
* **Spills.** A formula whose value is a table (a dynamic array in Excel 365, or a legacy array
  formula over a range) is written from its cell down and to the right. Cells that are in the way
  give ``#SPILL!`` as Excel does; cells of a legacy array range the table does not fill get
  ``#N/A``. Formulas that read spilled cells (``=C12*100``) see the spilled values.
* **Error values.** A failing MOGNAD_* function gives a real error value
  (:mod:`mognad_excel.cell_errors`: ``#VALUE!``, ``#N/A``, ``#NUM!``), which pycel's ``IF``,
  ``IFERROR``, ``ISERROR`` and ``AVERAGE`` treat as Excel does. In the copy it is an error cell,
  and its message (what and where) is a comment on the cell: what Excel shows on hover.
* **The copy.** Every formula that could be evaluated is replaced by its value in a copy of the
  workbook (a snapshot: open the original in Excel to keep working with formulas). A formula pycel
  cannot evaluate is left as it is and reported. The copy is written with openpyxl through
  :mod:`mognad_core.safe_write` (a temporary file moved into place); the input is never written
  to.
"""

from __future__ import annotations

import contextvars
import logging
import re
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mognad_core import safe_write
from mognad_core.errors import InputError, Location, MognadError
from mognad_core.texts import Message, Texts, shorten

from . import cell_errors, udfs

__all__ = ["RecalcReport", "recalc"]

#: Prefix of the text that stands for a range read directly from the sheet.
RANGE_TOKEN = "\u2063MOGNAD-RANGE#"
MAX_ROUNDS = 8
MAX_ROW, MAX_COL = 1_048_576, 16_384

_RUN: contextvars.ContextVar[_Run | None] = contextvars.ContextVar("mognad_recalc", default=None)


# ---- the report --------------------------------------------------------------------------
@dataclass
class Computed:
    """One evaluated formula cell."""

    cell: str
    formula: str
    kind: str  # "mognad", "dependent" or "other"
    value: Any = None
    spill: str | None = None  # "A12:F20" when the value is a table
    shape: tuple[int, int] | None = None
    message: str | None = None  # what a failing MOGNAD_* cell's error value means


@dataclass
class RecalcReport:
    """What :func:`recalc` computed, and what it could not."""

    source: str
    output: str
    seconds: float = 0.0
    cells: list[Computed] = field(default_factory=list)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # cell, formula, reason
    spilled_cells: int = 0
    notes: list[str] = field(default_factory=list)
    lang: str = "sv"

    def of_kind(self, kind: str) -> list[Computed]:
        return [c for c in self.cells if c.kind == kind]

    def summary(self, lang: str | None = None) -> str:
        """A plain-text report for people (what the CLI prints), in ``lang`` (default: the
        language the cells were written in)."""
        t = Texts(lang or self.lang)
        lines = [
            t(
                "recalc.done",
                source=Path(self.source).name,
                output=Path(self.output).name,
                seconds=t.num(round(self.seconds, 2), 2),
            )
        ]
        mognad = self.of_kind("mognad")
        lines.append(t("recalc.cells", n=len(mognad)))
        width = max((len(c.cell) for c in mognad), default=0)
        for c in mognad:
            lines.append(f"  {c.cell:<{width}}  {shorten(c.formula, 60):<60}  {_show(c, t)}")
        if self.spilled_cells:
            lines.append(t("recalc.spilled", n=self.spilled_cells))
        for kind in ("dependent", "other"):
            found = self.of_kind(kind)
            if found:
                shown = ", ".join(c.cell for c in found[:12])
                if len(found) > 12:
                    shown = t("recalc.and_more", shown=shown, n=len(found) - 12)
                lines.append(t(f"recalc.{kind}", n=len(found), cells=shown))
        if self.failed:
            lines.append(t("recalc.failed", n=len(self.failed)))
            for cell, formula, reason in self.failed:
                lines.append(f"  {cell}  {shorten(formula, 60)}: {reason}")
        lines.extend(t("cli.note", note=n) for n in self.notes)
        return "\n".join(lines)


def _show(c: Computed, t: Texts) -> str:
    if c.spill:
        if c.shape:
            return t("recalc.table", rows=c.shape[0], cols=c.shape[1], where=c.spill)
        return c.spill
    value = c.value
    if c.message:  # an error value: the error and what it means
        return shorten(f"{value} {c.message}", 110)
    if isinstance(value, float):
        return t.num(float(f"{value:.4g}"), None)  # four significant digits
    return shorten(str(value), 70)


# ---- formula text ------------------------------------------------------------------------
def _canonical(name: str) -> str | None:
    """The MOGNAD_* function a (possibly prefixed) function name means, or None."""
    bare = name.rsplit("!", 1)[-1]
    if bare.lower().startswith("_xldudf_"):
        bare = bare[len("_xldudf_") :]
    upper = bare.upper()
    return upper if upper.startswith("MOGNAD_") else None


#: Excel functions (besides MOGNAD_*) whose range arguments are read straight from the sheet
READ_DIRECTLY = ("COUNTA",)
_TABLE_REF = re.compile(
    r"^(?P<table>[A-Za-z_\\][\w.]*)(?:\[(?P<spec>#All|#Data|#Headers)?\])?$", re.IGNORECASE
)


def _table_area(wb: Any, text: str) -> _Area | None:
    """The block an Excel Table reference names (``Svarstabell[#All]``, ``Svarstabell[#Data]``,
    ``Svarstabell[#Headers]`` or ``Svarstabell``, which is its data), or None."""
    from openpyxl.utils.cell import range_boundaries

    m = _TABLE_REF.match(text.strip())
    if m is None:
        return None
    name, spec = m.group("table").casefold(), (m.group("spec") or "#Data").casefold()
    for ws in wb.worksheets:
        for table in ws.tables.values():
            if table.displayName.casefold() != name:
                continue
            min_col, min_row, max_col, max_row = range_boundaries(table.ref)
            headers = table.headerRowCount if table.headerRowCount is not None else 1
            totals = table.totalsRowCount or 0
            if spec == "#headers":
                max_row = min_row + headers - 1
            elif spec == "#data":
                min_row, max_row = min_row + headers, max_row - totals
            return _Area(ws.title, min_row, min_col, max_row, max_col)
    return None


@dataclass(frozen=True)
class _Area:
    sheet: str
    min_row: int
    min_col: int
    max_row: int | None  # None: to the last row in use
    max_col: int | None

    def contains(self, sheet: str, row: int, col: int) -> bool:
        return (
            sheet == self.sheet
            and self.min_row <= row <= (self.max_row or MAX_ROW)
            and self.min_col <= col <= (self.max_col or MAX_COL)
        )


def _split_ref(text: str, here: str) -> tuple[str, str] | None:
    if "!" not in text:
        return here, text
    sheet, ref = text.rsplit("!", 1)
    if sheet.startswith("'") and sheet.endswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    if "[" in sheet:  # another workbook
        return None
    return sheet, ref


def _area(wb: Any, text: str, here: str) -> _Area | None:
    """The block a range operand names, when it is more than one cell; None otherwise."""
    from openpyxl.utils.cell import range_boundaries

    split = _split_ref(text, here)
    if split is None:
        return None
    sheet, ref = split
    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref.replace("$", ""))
    except (ValueError, TypeError):
        table = _table_area(wb, ref)
        if table is not None:
            return table
        dest = _name_destination(wb, ref, sheet)
        if dest is None:
            return None
        return _area(wb, dest, sheet)
    if sheet not in wb.sheetnames:
        return None
    area = _Area(sheet, min_row or 1, min_col or 1, max_row, max_col)
    single = area.max_row == area.min_row and area.max_col == area.min_col
    return None if single else area


def _name_destination(wb: Any, name: str, sheet: str) -> str | None:
    defined = None
    if sheet in wb.sheetnames:
        defined = wb[sheet].defined_names.get(name)
    defined = defined or wb.defined_names.get(name)
    if defined is None:
        return None
    if _TABLE_REF.match(defined.attr_text or "") and "[" in defined.attr_text:
        return defined.attr_text  # a name for a table (``svar`` = ``Svarstabell[#All]``)
    try:
        dests = list(defined.destinations)
    except AttributeError:  # openpyxl cannot read this kind of reference
        return None
    if len(dests) != 1:
        return None
    target_sheet, ref = dests[0]
    return f"'{target_sheet.replace(chr(39), chr(39) * 2)}'!{ref}"


def _rewrite(formula: str, sheet: str, wb: Any, areas: list[_Area]) -> tuple[str, bool]:
    """Normalise MOGNAD_* spellings and read their range arguments directly.

    Returns the new formula and whether it calls a MOGNAD_* function.
    """
    from openpyxl.formula.tokenizer import Token, Tokenizer, TokenizerError

    try:
        tokens = Tokenizer(formula).items
    except TokenizerError:
        return formula, False
    calls = False
    stack: list[bool] = []  # per open function: are its range arguments read directly?
    args_of: list[list[int]] = []

    def close_arg() -> None:
        if not stack or not stack[-1]:
            return
        parts = [i for i in args_of[-1] if tokens[i].type != Token.WSPACE]
        if len(parts) == 1 and tokens[parts[0]].type == Token.OPERAND:
            tok = tokens[parts[0]]
            if tok.subtype == Token.RANGE:
                area = _area(wb, tok.value, sheet)
                if area is not None:
                    if area not in areas:
                        areas.append(area)
                    tokens[parts[0]] = Token(
                        f'"{RANGE_TOKEN}{areas.index(area)}"', Token.OPERAND, Token.TEXT
                    )

    for i, tok in enumerate(tokens):
        if tok.type == Token.FUNC and tok.subtype == Token.OPEN:
            name = _canonical(tok.value[:-1])
            if args_of:
                args_of[-1].append(i)
            if name is not None:
                calls = True
                tokens[i] = Token(name + "(", Token.FUNC, Token.OPEN)
            stack.append(name is not None or tok.value[:-1].upper() in READ_DIRECTLY)
            args_of.append([])
            continue
        if tok.type == Token.FUNC and tok.subtype == Token.CLOSE and stack:
            close_arg()
            stack.pop()
            args_of.pop()
            if args_of:
                args_of[-1].append(i)
            continue
        if tok.type == Token.SEP and tok.subtype == Token.ARG and stack:
            close_arg()
            args_of[-1] = []
            continue
        if args_of:
            args_of[-1].append(i)
    return "=" + "".join(t.value for t in tokens), calls


# ---- pycel glue --------------------------------------------------------------------------
def _pycel():
    from pycel import ExcelCompiler
    from pycel.excelwrapper import ExcelOpxWrapperNoData

    class Wrapper(ExcelOpxWrapperNoData):
        """pycel's openpyxl wrapper, with defined names read the openpyxl 3.1 way."""

        @property
        def defined_names(self):
            if self.workbook is not None and self._defined_names is None:
                found = {}
                scopes = [self.workbook.defined_names] + [
                    ws.defined_names for ws in self.workbook.worksheets
                ]
                for scope in scopes:
                    for d_name in scope.values():
                        try:
                            dests = [
                                (alias, sheet)
                                for sheet, alias in d_name.destinations
                                if sheet in self.workbook
                            ]
                        except AttributeError:  # e.g. a name for a table: read by _area
                            continue
                        if dests:
                            found.setdefault(str(d_name.name), dests)
                self._defined_names = found
            return self._defined_names

    class Compiler(ExcelCompiler):
        """Keeps the whole table a formula returns (pycel keeps only its first cell)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.arrays: dict[tuple[str, int, int], Any] = {}

        @property
        def eval(self):
            inner = super().eval

            def capture(cell, cse_array_address=None):
                value = inner(cell, cse_array_address)
                key = (cell.address.sheet, cell.address.row, cell.address.col_idx)
                if isinstance(value, (list, tuple)) and value and _is_table(value):
                    self.arrays[key] = value
                else:
                    self.arrays.pop(key, None)
                return value

            return capture

    return Wrapper, Compiler


def _is_table(value: Any) -> bool:
    return isinstance(value[0], (list, tuple))


class _Run:
    """State of one recalculation, reachable from the plugin functions."""

    def __init__(self, wb: Any, areas: list[_Area], formula_cells: set) -> None:
        self.wb = wb
        self.areas = areas
        self.formula_cells = formula_cells  # {(sheet, row, col)}
        self.overlay: dict[tuple[str, int, int], Any] = {}  # spilled values
        self.memo: dict[Any, Any] = {}
        self.grids: dict[int, Any] = {}
        self.xl: Any = None

    def grid(self, index: int) -> udfs.CellRange:
        if index in self.grids:
            return self.grids[index]
        area = self.areas[index]
        ws = self.wb[area.sheet]
        max_row = min(area.max_row or ws.max_row, ws.max_row)
        max_col = min(area.max_col or ws.max_column, ws.max_column)
        height = max(max_row - area.min_row + 1, 0)
        width = max(max_col - area.min_col + 1, 0)
        rows: list[list[Any]] = [[None] * width for _ in range(height)]
        for (r, c), cell in _cells(ws):
            if area.min_row <= r <= max_row and area.min_col <= c <= max_col:
                rows[r - area.min_row][c - area.min_col] = self._cell(area.sheet, r, c, cell.value)
        for (sheet, r, c), value in self.overlay.items():
            if (
                sheet == area.sheet
                and area.min_row <= r <= max_row
                and area.min_col <= c <= max_col
            ):
                rows[r - area.min_row][c - area.min_col] = _from_pycel(value)
        grid = udfs.CellRange(
            rows or [[None]], sheet=area.sheet, first_row=area.min_row, first_col=area.min_col - 1
        )
        self.grids[index] = grid
        return grid

    def _cell(self, sheet: str, row: int, col: int, value: Any) -> Any:
        key = (sheet, row, col)
        if key in self.formula_cells:
            from pycel.excelutil import AddressCell

            return _from_pycel(self.xl.evaluate(AddressCell((col, row, col, row), sheet=sheet)))
        if isinstance(value, int) and not isinstance(value, bool):
            return float(value)  # as Excel passes numbers
        return value


def _cells(ws: Any):
    """(row, column), cell for the cells a worksheet holds, without creating empty ones."""
    cells = getattr(ws, "_cells", None)
    if isinstance(cells, dict):
        return list(cells.items())
    return [((c.row, c.column), c) for row in ws.iter_rows() for c in row]  # pragma: no cover


def _from_pycel(value: Any) -> Any:
    from pycel.excelutil import EMPTY

    if value is EMPTY:
        return None
    if isinstance(value, (list, tuple)):
        return [_from_pycel(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    return value


def _arg(run: _Run, value: Any) -> Any:
    if isinstance(value, str) and value.startswith(RANGE_TOKEN):
        return run.grid(int(value[len(RANGE_TOKEN) :]))
    if isinstance(value, (list, tuple)):
        return [
            _from_pycel(row) if isinstance(row, (list, tuple)) else [_from_pycel(row)]
            for row in value
        ]
    return _from_pycel(value)


def _freeze(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    return value


def _to_pycel(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(tuple(row) if isinstance(row, list) else (row,) for row in value)
    return value


def _plugin(name: str):
    import inspect

    from pycel.lib.function_helpers import excel_helper

    udf = udfs.FUNCTIONS[name]
    most = len(inspect.signature(udf).parameters)

    @excel_helper(cse_params=None, err_str_params=None)
    def call(*args):
        run = _RUN.get()
        if run is None:  # pragma: no cover - only reachable when pycel is used directly
            raise MognadError("MOGNAD_* functions are evaluated through mognad_excel.recalc")
        if len(args) > most:
            problem = udfs.CellError("excel.too_many_args", name=name, most=most, got=len(args))
            return cell_errors.failed(*udfs.problem(problem, udfs.language()))
        key = (name, _freeze(args))
        try:
            if key in run.memo:
                return run.memo[key]
        except TypeError:
            key = None
        result = _to_pycel(udf(*[_arg(run, a) for a in args]))
        if key is not None:
            run.memo[key] = result
        return result

    call.__name__ = name.lower()
    return call


for _name in udfs.FUNCTIONS:
    globals()[_name.lower()] = _plugin(_name)


def _counta_values(value: Any):
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from _counta_values(item)
    else:
        yield value


def _make_counta():
    from pycel.excelutil import EMPTY
    from pycel.lib.function_helpers import excel_helper

    @excel_helper(cse_params=None, err_str_params=None)
    def counta(*args):
        """Excel's COUNTA (cells that are not empty), which pycel lacks; a range read straight
        from the sheet arrives as its token."""
        run = _RUN.get()
        count = 0
        for a in args:
            if run is not None and isinstance(a, str) and a.startswith(RANGE_TOKEN):
                a = run.grid(int(a[len(RANGE_TOKEN) :]))
            count += sum(1 for v in _counta_values(a) if v is not None and v is not EMPTY)
        return count

    return counta


counta = _make_counta()


# ---- the recalculation -------------------------------------------------------------------
def _check_paths(source: Path, output: Path, force: bool) -> None:
    if not source.is_file():
        raise InputError(Message("recalc.error.missing"), Location(file=str(source)))
    suffix = source.suffix.lower()
    if suffix not in (".xlsx", ".xlsm"):
        raise InputError(
            Message("recalc.error.kind", suffix=suffix or Message("recalc.error.no_suffix")),
            Location(file=str(source)),
            Message("recalc.error.kind_expected"),
        )
    if safe_write.suffix(output) != suffix:
        raise MognadError(Message("recalc.error.output_suffix", suffix=suffix, name=output.name))
    safe_write.check_targets([output], force=force, inputs=[source])


def _lost_parts(source: Path) -> list[str]:
    """What the copy will lack because openpyxl does not keep it."""
    try:
        with zipfile.ZipFile(source) as z:
            names = z.namelist()
    except zipfile.BadZipFile:
        return []
    lost = []
    if any(n.startswith("xl/charts/") for n in names):
        lost.append("charts")
    if any(n.startswith("xl/media/") for n in names):
        lost.append("images")
    if any(n.startswith("xl/pivotTables/") for n in names):
        lost.append("pivot tables")
    if any(n.startswith("xl/slicers/") for n in names):
        lost.append("slicers")
    return lost


def _rows_below_tables(wb: Any) -> list[str]:
    """A note for each Excel Table with filled cells below it in its columns: rows that were
    added without the table growing (a script, or a paste below a blank row) are not part of it,
    so no formula on the table counts them."""
    from openpyxl.utils.cell import range_boundaries

    t = Texts(udfs.language())
    notes = []
    for ws in wb.worksheets:
        for table in ws.tables.values():
            min_col, min_row, max_col, max_row = range_boundaries(table.ref)
            below = [
                r
                for (r, c), cell in _cells(ws)
                if r > max_row and min_col <= c <= max_col and cell.value not in (None, "")
            ]
            if below:
                notes.append(
                    t(
                        "recalc.note.below_table",
                        table=table.displayName,
                        where=_range_text(ws.title, min_row, min_col, max_row, max_col),
                        first=min(below),
                        last=max(below),
                    )
                )
    return notes


def _quote(sheet: str) -> str:
    if sheet.replace("_", "").isalnum() and not sheet[0].isdigit():
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def _range_text(sheet: str, r0: int, c0: int, r1: int, c1: int) -> str:
    from openpyxl.utils import get_column_letter

    a = f"{get_column_letter(c0)}{r0}"
    b = f"{get_column_letter(c1)}{r1}"
    return f"{_quote(sheet)}!{a}" if (r0, c0) == (r1, c1) else f"{_quote(sheet)}!{a}:{b}"


def recalc(
    source: str | Path,
    output: str | Path,
    *,
    force: bool = False,
    min_size: Any = None,
    lang: str | None = None,
) -> RecalcReport:
    """Evaluate every formula of ``source`` (MOGNAD_* and native) and write a values copy.

    ``min_size`` is the anonymity policy of every MOGNAD_* cell and ``lang`` the language of
    their messages and tables (default: the settings'). Raises
    :class:`~mognad_core.errors.MognadError` for bad paths, an unreadable workbook or an
    unusable ``min_size``; formulas that cannot be evaluated are reported in the result, not
    raised.
    """
    with udfs.settings_for_run(min_size, lang):
        report = _recalc(Path(source), Path(output), force)
        report.lang = udfs.language()
        return report


def _recalc(source: Path, output: Path, force: bool) -> RecalcReport:
    import openpyxl
    from openpyxl.worksheet.formula import ArrayFormula

    start = time.perf_counter()
    source, output = Path(source), Path(output)
    _check_paths(source, output, force)
    keep_vba = source.suffix.lower() == ".xlsm"
    try:
        wb = openpyxl.load_workbook(source, keep_vba=keep_vba)
    except Exception as exc:
        reason = str(exc).strip() or type(exc).__name__
        raise InputError(
            Message("recalc.error.unreadable", reason=reason),
            Location(file=str(source)),
            Message("recalc.error.unreadable_expected"),
        ) from None

    report = RecalcReport(source=str(source), output=str(output))
    outside = _rows_below_tables(wb)  # before any value is written into the copy
    areas: list[_Area] = []
    originals: dict[tuple[str, int, int], Any] = {}
    texts: dict[tuple[str, int, int], str] = {}
    kinds: dict[tuple[str, int, int], str] = {}
    array_refs: dict[tuple[str, int, int], tuple[int, int, int, int]] = {}
    order: list[tuple[str, int, int]] = []

    from openpyxl.utils.cell import range_boundaries

    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                key = (ws.title, cell.row, cell.column)
                value = cell.value
                originals[key] = value
                if isinstance(value, ArrayFormula):
                    text = value.text if value.text.startswith("=") else "=" + value.text
                    if value.ref:
                        c0, r0, c1, r1 = range_boundaries(value.ref)
                        array_refs[key] = (r0, c0, r1, c1)
                elif isinstance(value, str):
                    text = value
                else:  # a data table or another formula type openpyxl keeps as an object
                    report.failed.append(
                        (
                            _range_text(ws.title, cell.row, cell.column, cell.row, cell.column),
                            type(value).__name__,
                            "this kind of formula is not evaluated",
                        )
                    )
                    continue
                texts[key] = text
                new, calls = _rewrite(text, ws.title, wb, areas)
                kinds[key] = "mognad" if calls else "other"
                cell.value = new
                order.append(key)
    # cells a legacy/dynamic array formula covered hold the last cached values: clear them
    for key, (r0, c0, r1, c1) in array_refs.items():
        ws = wb[key[0]]
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (key[0], r, c) != key and (key[0], r, c) not in originals:
                    ws.cell(r, c).value = None

    run = _Run(wb, areas, set(order))
    Wrapper, Compiler = _pycel()
    pycel_logger = logging.getLogger("pycel")
    old_level, old_propagate = pycel_logger.level, pycel_logger.propagate
    pycel_logger.setLevel(logging.CRITICAL + 1)  # pycel logs tracebacks; we report in words
    token = _RUN.set(run)
    try:
        xl = Compiler(excel=Wrapper(wb, filename=str(source)), plugins=["mognad_excel.recalc"])
        run.xl = xl
        values, spills = _evaluate_all(xl, run, order, texts, array_refs, report)
    finally:
        _RUN.reset(token)
        pycel_logger.setLevel(old_level)
        pycel_logger.propagate = old_propagate

    dependents = _dependents(xl, order, kinds, spills)
    failed_keys = {k for k in order if k not in values}
    for key in order:
        ws = wb[key[0]]
        cell = ws.cell(key[1], key[2])
        address = _range_text(key[0], key[1], key[2], key[1], key[2])
        if key in failed_keys:
            cell.value = originals[key]
            continue
        spill = spills.get(key)
        kind = (
            kinds[key]
            if kinds[key] == "mognad"
            else ("dependent" if key in dependents else "other")
        )
        entry = Computed(address, texts[key], kind, values[key])
        entry.message = cell_errors.message_of(values[key]) or None
        if spill is not None:
            r1, c1, table = spill
            entry.spill = _range_text(key[0], key[1], key[2], r1, c1).split("!", 1)[1]
            entry.shape = (len(table), max((len(r) for r in table), default=0))
            entry.value = table
        _write(cell, values[key])
        report.cells.append(entry)
    for (sheet, r, c), value in run.overlay.items():
        _write(wb[sheet].cell(r, c), value, comment=False)  # the formula's cell has it
        report.spilled_cells += 1

    t = Texts(udfs.language())
    report.notes.extend(outside)
    lost = _lost_parts(source)
    if lost:
        report.notes.append(
            t("recalc.note.lost", parts=t.join([t(f"recalc.part.{p}") for p in lost]))
        )
    if report.of_kind("mognad"):  # "Anonymitetsskydd avstängt ..." under the opt-out
        report.notes.extend(udfs.policy_notes())
    safe_write.write_file(output, wb.save, force=force, inputs=[source])
    report.seconds = time.perf_counter() - start
    return report


def _evaluate_all(xl, run: _Run, order, texts, array_refs, report):
    """Evaluate every formula, spilling tables, until nothing changes."""
    from pycel.excelutil import AddressCell

    addresses = {key: AddressCell((key[2], key[1], key[2], key[1]), sheet=key[0]) for key in order}
    failed: dict[tuple[str, int, int], str] = {}
    spills: dict[tuple[str, int, int], tuple[int, int, list]] = {}
    owner: dict[tuple[str, int, int], tuple[str, int, int]] = {}
    for _round in range(MAX_ROUNDS):
        for key in order:
            if key in failed:
                continue
            try:
                xl.evaluate(addresses[key])
            except Exception as exc:
                failed[key] = _reason(exc)
        changed = _apply_spills(xl, run, order, failed, spills, owner, array_refs)
        if not changed:
            break
    else:
        report.notes.append(
            f"Spilled tables still changed after {MAX_ROUNDS} rounds (tables feeding each "
            "other?); the values written are those of the last round."
        )
    values = {}
    for key in order:
        if key in failed:
            report.failed.append((_range_text(*key, *key[1:]), texts[key], failed[key]))
            continue
        values[key] = _from_pycel(xl.cell_map[addresses[key].address].value)
    return values, spills


def _reason(exc: Exception) -> str:
    text = str(exc)
    for line in text.splitlines():
        if "is not implemented" in line or "not a known Excel function" in line:
            return line.strip()
    last = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return (last[-1] if last else type(exc).__name__)[:200]


def _set(xl, sheet: str, row: int, col: int, value: Any) -> None:
    from pycel.excelutil import AddressCell

    address = AddressCell((col, row, col, row), sheet=sheet)
    if address.address not in xl.cell_map:
        xl.evaluate(address)  # puts the (empty) cell into pycel's graph
    xl.set_value(address, value)


def _apply_spills(xl, run: _Run, order, failed, spills, owner, array_refs) -> bool:
    """Write each table result below/right of its cell; True when any cell changed."""
    changed = False
    claimed: dict[tuple[str, int, int], tuple[str, int, int]] = {}
    wanted: dict[tuple[str, int, int], Any] = {}
    new_spills: dict[tuple[str, int, int], tuple[int, int, list]] = {}
    for key in order:
        if key in failed:
            continue
        table = xl.arrays.get(key)
        ref = array_refs.get(key)
        sheet, r0, c0 = key
        if table is None:
            if ref is None:
                continue
            table = ((_from_pycel(xl.cell_map[_addr(key)].value),),)  # one value, legacy array
        rows = [list(r) if isinstance(r, (list, tuple)) else [r] for r in table]
        height, width = len(rows), max(len(r) for r in rows)
        r1, c1 = r0 + height - 1, c0 + width - 1
        if ref is not None:  # a legacy array range: its cells belong to it
            r1, c1 = max(r1, ref[2]), max(c1, ref[3])
        blocked = None
        if r1 > MAX_ROW or c1 > MAX_COL:
            blocked = "the table would run off the sheet"
        else:
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    spot = (sheet, r, c)
                    if spot == key:
                        continue
                    inside_ref = ref is not None and ref[0] <= r <= ref[2] and ref[1] <= c <= ref[3]
                    if spot in claimed or spot in run.formula_cells:
                        blocked = _range_text(sheet, r, c, r, c)
                    elif not inside_ref and owner.get(spot) != key:
                        value = run.wb[sheet].cell(r, c).value if spot not in run.overlay else None
                        if value is not None and value != "":
                            blocked = _range_text(sheet, r, c, r, c)
                    if blocked:
                        break
                if blocked:
                    break
        if blocked:
            if xl.cell_map[_addr(key)].value != "#SPILL!":
                xl.set_value(_addr(key), "#SPILL!")
                changed = True
            continue
        for i, r in enumerate(range(r0, r1 + 1)):
            for j, c in enumerate(range(c0, c1 + 1)):
                if (r, c) == (r0, c0):
                    continue
                # a single row or column fills a larger legacy array range by repeating (a
                # single value fills all of it: a failing function's error shows in every
                # cell); beyond a larger table the range shows #N/A, as in Excel
                ii = 0 if height == 1 and ref is not None else i
                jj = 0 if len(rows[ii if ii < height else 0]) == 1 and ref is not None else j
                inside = ii < height and jj < len(rows[ii])
                value = _from_pycel(rows[ii][jj]) if inside else "#N/A"
                claimed[(sheet, r, c)] = key
                wanted[(sheet, r, c)] = value
        new_spills[key] = (r1, c1, [[_from_pycel(v) for v in row] for row in rows])
    # cells a table no longer covers go back to empty
    for spot in list(run.overlay):
        if spot not in wanted:
            del run.overlay[spot]
            owner.pop(spot, None)
            _set(xl, *spot, None)
            changed = True
    for spot, value in wanted.items():
        if run.overlay.get(spot, object()) != value or spot not in run.overlay:
            run.overlay[spot] = value
            owner[spot] = claimed[spot]
            _set(xl, *spot, value if value is not None else "")
            changed = True
    if changed:
        run.memo.clear()
        run.grids.clear()
    spills.clear()
    spills.update(new_spills)
    return changed


def _addr(key: tuple[str, int, int]) -> str:
    from pycel.excelutil import AddressCell

    return AddressCell((key[2], key[1], key[2], key[1]), sheet=key[0]).address


def _dependents(xl, order, kinds, spills) -> set[tuple[str, int, int]]:
    """Formula cells that read a MOGNAD_* cell or a spilled cell, directly or not."""
    import networkx as nx

    graph = xl.dep_graph
    seeds = []
    for key in order:
        if kinds.get(key) == "mognad":
            node = xl.cell_map.get(_addr(key))
            if node is not None and node in graph:
                seeds.append(node)
    for sheet, r, c in _spill_cells(spills):
        node = xl.cell_map.get(_addr((sheet, r, c)))
        if node is not None and node in graph:
            seeds.append(node)
    found: set[tuple[str, int, int]] = set()
    for node in seeds:
        for child in nx.descendants(graph, node):
            a = child.address
            if getattr(a, "is_range", False):
                continue
            found.add((a.sheet, a.row, a.col_idx))
    return found


def _spill_cells(spills):
    for (sheet, r0, c0), (r1, c1, _table) in spills.items():
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    yield sheet, r, c


def _write(cell: Any, value: Any, *, comment: bool = True) -> None:
    """Put a computed value into the copy: an error value as an error cell, with its message
    (what and where) as the comment of the formula's own cell, as Excel shows it on hover (a
    table's other cells get none: one failing table would otherwise carry hundreds)."""
    from openpyxl.cell.cell import ERROR_CODES, TYPE_ERROR, TYPE_STRING
    from openpyxl.comments import Comment

    value = _from_pycel(value)
    if isinstance(value, (list, tuple)):  # a table whose cell holds its first value
        value = _first(value)
    message = cell_errors.message_of(value)
    code = str.__str__(value) if isinstance(value, str) and value in ERROR_CODES else None
    cell.value = code if code is not None else value
    if code is not None:
        cell.data_type = TYPE_ERROR
    elif isinstance(value, str) and value.startswith("=") and len(value) > 1:
        cell.data_type = TYPE_STRING  # a text result, not a formula
    if message and comment:
        note = Comment(message, "mognad")
        note.width, note.height = 420, 140
        cell.comment = note
    elif cell.comment is not None and cell.comment.author == "mognad":
        cell.comment = None  # a message of an earlier recalculation no longer applies


def _first(value: Any) -> Any:
    while isinstance(value, (list, tuple)) and value:
        value = value[0]
    return None if isinstance(value, (list, tuple)) else value
