"""Responses: a wide table matched to a model and validated cell by cell.

One row per respondent, one column per statement. Columns are matched to statements by id, by
statement text (Swedish or English, case- and whitespace-insensitive, a leading question number
like ``"3. "`` ignored), by a statement's ``aliases``, or by an explicit mapping. Every other column
is kept as a respondent attribute (``förvaltning``, ``roll``, ``år`` ...).

A cell is a number on the model's scale, a don't-know token, or blank. Anything else raises an
:class:`~mognad_core.errors.InputError` naming file, sheet, row, column, the value and what was
expected.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype, is_bool_dtype, is_numeric_dtype

from .errors import InputError, Location, MognadError
from .readers import RawTable, read_table
from .schema import MaturityModel, Scale, normalize_token

MAX_LISTED = 5
_NUMBERING = re.compile(r"^\s*(?:[A-Za-zÅÄÖåäö]{0,12}\s?)?\d+(?:\.\d+)*\s*[.):\-–]\s*")
#: A header that reads like a statement reference: "25", "P25", "Påstående 25", "F5.1", "Q 3".
_STATEMENT_REF = re.compile(r"^(?:[a-zåäö]{1,12}\s?)?\d{1,3}(?:\.\d{1,3})*$")


def _text_key(text: str) -> str:
    return normalize_token(text).rstrip(" .?!:;")


@dataclass
class ResponseSet:
    """Validated responses for one model, ready to score.

    ``values`` holds the answers as given (before reversal), NaN where there is no valid number;
    ``dont_know`` marks don't-know answers. Both are (respondents x statements) in the model's
    statement order. ``attributes`` holds the other columns.
    """

    model: MaturityModel
    values: np.ndarray
    dont_know: np.ndarray
    attributes: pd.DataFrame
    columns: dict[str, str] = field(default_factory=dict)
    missing_statements: list[str] = field(default_factory=list)
    attribute_columns: list[str] = field(default_factory=list)
    source: str | None = None
    sheet: str | None = None
    row_numbers: np.ndarray | None = None
    notes: list[str] = field(default_factory=list)
    #: unmatched headers that look like statements (kept as attributes, not scored)
    unmatched_statements: list[str] = field(default_factory=list)

    #: the responses as read, when this set was selected from them (None: this set is them)
    origin: ResponseSet | None = field(default=None, repr=False)
    #: this set's rows in ``origin``
    origin_rows: np.ndarray | None = field(default=None, repr=False)
    #: the ``(column, value)`` selections that made this set from ``origin`` (:meth:`where`)
    conditions: tuple[tuple[str, str], ...] = ()
    #: sets this one was cut from by an arbitrary mask (:meth:`subset`): (origin rows, what)
    cut_from: tuple[tuple[np.ndarray, str], ...] = field(default=(), repr=False)

    @property
    def n(self) -> int:
        return int(self.values.shape[0])

    def _rows(self) -> np.ndarray:
        return np.arange(self.n) if self.origin_rows is None else self.origin_rows

    def _select(self, m: np.ndarray, **lineage: Any) -> ResponseSet:
        return ResponseSet(
            model=self.model,
            values=self.values[m],
            dont_know=self.dont_know[m],
            attributes=self.attributes.loc[m].reset_index(drop=True),
            columns=self.columns,
            missing_statements=self.missing_statements,
            attribute_columns=self.attribute_columns,
            source=self.source,
            sheet=self.sheet,
            row_numbers=None if self.row_numbers is None else self.row_numbers[m],
            notes=self.notes,
            unmatched_statements=self.unmatched_statements,
            origin=self.origin if self.origin is not None else self,
            origin_rows=self._rows()[m],
            **lineage,
        )

    def subset(self, mask: Any) -> ResponseSet:
        """The respondents where ``mask`` is True (a boolean array or Series).

        Results for a subset are published only when it has at least ``min_size`` respondents
        and the rest of the set it was cut from has 0 or at least ``min_size``. Prefer
        :meth:`where` for a selection by column values: it follows the breakdown rules of
        :mod:`mognad_core.disclosure` exactly.
        """
        from .disclosure import describe_conditions

        m = np.asarray(mask, dtype=bool)
        what = describe_conditions(self.conditions) if self.conditions else None
        return self._select(
            m, conditions=self.conditions, cut_from=(*self.cut_from, (self._rows(), what))
        )

    def column(self, name: str) -> str:
        """The attribute column called ``name`` (case and spacing ignored), as spelt in the
        file; a located error listing the columns when there is none."""
        folded = {normalize_token(c): c for c in self.attributes.columns}
        found = folded.get(normalize_token(name))
        if found is None:
            raise InputError(
                f'there is no column "{name}"',
                Location(file=self.source, sheet=self.sheet),
                f"one of the attribute columns: {', '.join(self.attributes.columns) or 'none'}",
            )
        return found

    def where(self, *conditions: Any, **by_column: Any) -> ResponseSet:
        """The respondents with the given values: ``where("år=2025")``,
        ``where(("förvaltning", "Soc"))`` or ``where(år=2025)``; several conditions all hold.

        Column names and values are compared ignoring case and spacing; a blank cell is
        ``(saknas)``. A value no respondent has is a located error listing the values present.
        """
        from .disclosure import value_key, value_label

        pairs: list[tuple[str, Any]] = []
        for cond in conditions:
            if isinstance(cond, str):
                if "=" not in cond:
                    raise MognadError(f"--where {cond!r}: write it as COLUMN=VALUE, e.g. år=2025.")
                name, value = (p.strip() for p in cond.split("=", 1))
                pairs.append((name, value))
            else:
                name, value = cond
                pairs.append((str(name), value))
        pairs.extend(by_column.items())
        rs = self
        for name, value in pairs:
            col = rs.column(name)
            key = value_key(value)
            cells = rs.attributes[col].map(value_key)
            m = (cells == key).to_numpy()
            if not m.any():
                present = sorted({value_label(v) for v in rs.attributes[col]})
                raise InputError(
                    f'no respondent has "{value}" in column "{col}"',
                    Location(file=rs.source, sheet=rs.sheet, column=col),
                    f"one of: {', '.join(present[:10]) or 'none'}",
                )
            label = value_label(rs.attributes[col].to_numpy()[np.argmax(m)])
            rs = rs._select(m, conditions=(*rs.conditions, (col, label)), cut_from=rs.cut_from)
        return rs

    def to_frame(self, dont_know_token: str = "vet ej") -> pd.DataFrame:
        """Back to a wide table: attributes, then one column per statement id."""
        out = self.attributes.copy()
        for j, sid in enumerate(self.model.statement_ids):
            col = pd.Series(self.values[:, j], dtype=object)
            col[self.dont_know[:, j]] = dont_know_token
            col[pd.isna(self.values[:, j]) & ~self.dont_know[:, j]] = None
            out[sid] = col.to_numpy()
        return out


# ---- matching headers ---------------------------------------------------------------------
def _header_lookup(model: MaturityModel) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for s in model.statements:
        keys = [normalize_token(s.id), _text_key(s.text)]
        if s.text_en:
            keys.append(_text_key(s.text_en))
        keys.extend(_text_key(a) for a in s.aliases)
        for k in keys:
            lookup.setdefault(k, s.id)
    return lookup


def match_header(header: str, lookup: Mapping[str, str]) -> str | None:
    """The statement id a header means, or None."""
    for key in (normalize_token(header), _text_key(header)):
        if key in lookup:
            return lookup[key]
    stripped = _NUMBERING.sub("", header, count=1)
    # the rest must be text: "F5.1" is not question "F5." with the text "1" (statement 1)
    if stripped != header and re.search(r"[^\W\d_]", stripped):
        key = _text_key(stripped)
        if key in lookup:
            return lookup[key]
    return None


#: cells of an unmatched column checked first: one invalid answer among them settles that the
#: column is not a statement, without coding the whole column
PROBE_ROWS = 200


def looks_like_statement(header: str, column: pd.Series | None = None, scale=None) -> bool:
    """True when an unmatched header probably means a statement the model does not know.

    That is a statement reference ("25", "P25", "Påstående 25", "F5.1"), a numbered question
    ("25. Vi har ..."), or, given the column and the scale, a column whose every filled cell is a
    valid answer, with a sentence-like header or at least one don't-know answer.
    """
    if _STATEMENT_REF.match(normalize_token(header).rstrip(" .?!:;")):
        return True
    words = len(_NUMBERING.sub("", header, count=1).split())
    if _NUMBERING.match(header) and words >= 3:
        return True
    if column is None or scale is None:
        return False
    if len(column) > PROBE_ROWS and len(code_column(column.iloc[:PROBE_ROWS], scale).bad):
        return False  # an invalid cell near the top (text, a year, an id) settles it
    if not column.notna().any():
        return False
    coded = code_column(column, scale)
    answered = (~np.isnan(coded.values)).any() or coded.dont_know.any()
    return bool(len(coded.bad) == 0 and answered and (words >= 4 or coded.dont_know.any()))


def _loc(table: RawTable, j: int | None = None, row: int | None = None) -> Location:
    header = None if j is None else str(table.frame.columns[j])
    col_index = None if j is None else table.column_indices[j]
    return Location(
        file=table.source,
        sheet=table.sheet,
        row=row,
        column=header,
        column_index=col_index,
        column_style=table.column_style,
    )


def match_columns(
    table: RawTable, model: MaturityModel, mapping: Mapping[str, str] | None = None
) -> tuple[dict[str, int], list[int], list[str]]:
    """Statement id -> column position, attribute column positions, missing statement ids."""
    lookup = _header_lookup(model)
    user_map: dict[str, str] = {}
    for header, sid in (mapping or {}).items():
        if not model.has_part(sid) or sid not in model.statement_ids:
            raise InputError(
                f'the column mapping sends "{header}" to "{sid}", which is not a statement of '
                f'model "{model.name}"',
                Location(file=table.source, sheet=table.sheet),
                f"a statement id such as {', '.join(model.statement_ids[:3])}",
            )
        user_map[normalize_token(header)] = sid
    headers = [str(h) for h in table.frame.columns]
    found: dict[str, int] = {}
    attributes: list[int] = []
    seen_headers: dict[str, int] = {}
    for j, header in enumerate(headers):
        if not header:
            raise InputError(
                "this column has answers but no header",
                _loc(table, j, table.header_row),
                "a header with a statement id or text, or an attribute name such as förvaltning",
            )
        norm = normalize_token(header)
        if norm in seen_headers:
            first = seen_headers[norm]
            first_loc = _loc(table, first)
            raise InputError(
                f'the header "{header}" appears twice (also in '
                f"{first_loc.describe().split(', ')[-1]})",
                _loc(table, j, table.header_row),
                "each header once",
            )
        seen_headers[norm] = j
        sid = user_map.get(norm) or match_header(header, lookup)
        if sid is None:
            attributes.append(j)
            continue
        if sid in found:
            other = headers[found[sid]]
            raise InputError(
                f'this column and the column "{other}" both hold statement "{sid}"',
                _loc(table, j, table.header_row),
                "one column per statement (remove or rename one of them)",
            )
        found[sid] = j
    missing = [sid for sid in model.statement_ids if sid not in found]
    if not found:
        shown = ", ".join(f'"{h}"' for h in headers[:8]) or "none"
        ids = ", ".join(model.statement_ids[:4])
        raise InputError(
            f'no column matches a statement of model "{model.name}" (headers found: {shown})',
            Location(file=table.source, sheet=table.sheet, row=table.header_row),
            f"headers with statement ids ({ids}, ...) or statement texts; "
            f"is this the right model and sheet?",
        )
    return found, attributes, missing


# ---- validating cells ---------------------------------------------------------------------
@dataclass
class _Coded:
    values: np.ndarray
    dont_know: np.ndarray
    bad: np.ndarray  # positions (row indexes) of invalid cells


def _numeric_dont_know(scale: Scale) -> list[float]:
    out = []
    for token in scale.dont_know:
        try:
            out.append(float(str(token).replace(",", ".")))
        except ValueError:
            continue
    return out


def _parse_text(value: str) -> float | None:
    text = value.strip().replace("\u00a0", "").replace(" ", "")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def _classify_cells(obj: np.ndarray, scale: Scale) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Numbers, don't-know flags and wrong-type flags for a 1-D object array, cell by cell.

    The reference rules for object cells: numbers (and numeric text, as ``pd.to_numeric`` reads
    it) are numbers; TRUE/FALSE cells are of the wrong type; blanks (None, NaN, empty or
    whitespace text) are missing; don't-know tokens are don't know; other text is read with a
    decimal comma allowed (``"4,0"``), and anything else is of the wrong type. The numeric
    don't-know codes and the scale's range are applied afterwards, by :func:`_finish_column`.
    """
    n = len(obj)
    dk = np.zeros(n, dtype=bool)
    bad_type = np.zeros(n, dtype=bool)
    kind = infer_dtype(obj, skipna=True)
    numeric = pd.to_numeric(obj, errors="coerce")
    vals = np.array(numeric, dtype=float, copy=True)
    if kind in ("floating", "integer", "mixed-integer-float", "empty"):
        return vals, dk, bad_type
    # True/False become 1/0 in to_numeric: a logical cell is not an answer
    maybe_bool = np.flatnonzero((vals == 0) | (vals == 1))
    for i in maybe_bool:
        if isinstance(obj[i], (bool, np.bool_)):
            vals[i] = np.nan
            bad_type[i] = True
    tokens = scale.dont_know_normalized
    rest = np.flatnonzero(np.isnan(vals) & ~bad_type)
    for i in rest:
        v = obj[i]
        if v is None or (isinstance(v, float) and v != v):
            continue
        if isinstance(v, str):
            if not v.strip():
                continue
            if normalize_token(v) in tokens:
                dk[i] = True
                continue
            parsed = _parse_text(v)
            if parsed is not None:
                vals[i] = parsed
                continue
        bad_type[i] = True
    return vals, dk, bad_type


_TYPE_OF = np.frompyfunc(type, 1, 1)


def _distinct(values: np.ndarray, types: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct cells (by type and value: 1, 1.0 and TRUE stay apart) and, for every cell,
    the index of its distinct value."""
    simple = np.equal(types, str) | np.equal(types, type(None)) | np.equal(types, int)
    if simple.all():  # text, blanks and whole numbers (openpyxl's): no two of them compare equal
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        return np.asarray(uniques, dtype=object), codes
    seen: dict[Any, int] = {}
    uniques_list: list[Any] = []
    codes = np.empty(len(values), dtype=np.intp)
    for i, v in enumerate(values):
        try:
            key: Any = (v.__class__, v)
            hash(key)
        except TypeError:  # an unhashable cell: its own entry
            key = (id(v), i)
        index = seen.get(key)
        if index is None:
            index = seen[key] = len(uniques_list)
            uniques_list.append(v)
        codes[i] = index
    uniques = np.empty(len(uniques_list), dtype=object)
    uniques[:] = uniques_list
    return uniques, codes


def _code_objects(obj: np.ndarray, scale: Scale) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_classify_cells` for many cells at once, with the same result cell by cell.

    Python floats (what calamine and Excel give for every number) are taken as they are, in
    one vectorised step; every other cell (text, blanks, integers, dates ...) is classified once
    per distinct value. Visiting the cells in memory order matters: a response sheet's cells
    were created row by row.
    """
    n = len(obj)
    types = _TYPE_OF(obj)
    is_float = np.equal(types, float).astype(bool)
    vals = np.full(n, np.nan)
    dk = np.zeros(n, dtype=bool)
    bad_type = np.zeros(n, dtype=bool)
    if is_float.any():
        vals[is_float] = obj[is_float].astype(float)
    other = np.flatnonzero(~is_float)
    if other.size:
        uniques, codes = _distinct(obj[other], types[other])
        u_vals, u_dk, u_bad = _classify_cells(uniques, scale)
        vals[other] = u_vals[codes]
        dk[other] = u_dk[codes]
        bad_type[other] = u_bad[codes]
    return vals, dk, bad_type


def _finish_column(
    vals: np.ndarray, dk: np.ndarray, bad_type: np.ndarray, scale: Scale
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Numeric don't-know codes, then the scale's range and steps: values, dk, bad (masks)."""
    dk_codes = _numeric_dont_know(scale)
    if dk_codes:
        is_code = np.isin(vals, dk_codes)
        dk |= is_code
        vals[is_code] = np.nan
    finite = ~np.isnan(vals)
    out_of_range = finite & ((vals < scale.min) | (vals > scale.max) | np.isinf(vals))
    if scale.integer:
        with np.errstate(invalid="ignore"):
            out_of_range |= finite & (vals != np.round(vals))
    bad = bad_type | out_of_range
    if bad.any():
        vals[bad] = np.nan
    return vals, dk, bad


def code_column(column: pd.Series, scale: Scale) -> _Coded:
    """Numbers, don't-know flags and invalid positions for one statement column."""
    n = len(column)
    if is_bool_dtype(column.dtype):
        vals = np.full(n, np.nan)
        dk = np.zeros(n, dtype=bool)
        bad_type = column.notna().to_numpy()
    elif is_numeric_dtype(column.dtype):
        vals = np.array(column.to_numpy(dtype=float, na_value=np.nan), dtype=float, copy=True)
        dk = np.zeros(n, dtype=bool)
        bad_type = np.zeros(n, dtype=bool)
    else:
        vals, dk, bad_type = _code_objects(column.to_numpy(dtype=object), scale)
    vals, dk, bad = _finish_column(vals, dk, bad_type, scale)
    return _Coded(vals, dk, np.flatnonzero(bad))


def _show(value: Any) -> str:
    """A cell value as the user typed it (dates as dates, logical cells as TRUE/FALSE)."""
    if isinstance(value, (bool, np.bool_)):
        return f"{str(bool(value)).upper()} (a TRUE/FALSE cell)"
    if isinstance(value, np.generic):  # from a numeric DataFrame: 2.5, not np.float64(2.5)
        value = value.item()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, str):
        if len(value) > 60:  # a pasted paragraph: show its start and its length
            return f'"{value[:50].rstrip()}…" ({len(value):,} characters)'
        return f'"{value}"'
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return f"{value.date().isoformat()} (a date)"
        return f"{value.isoformat(sep=' ')} (a date and time)"
    if isinstance(value, datetime.date):
        return f"{value.isoformat()} (a date)"
    if isinstance(value, (datetime.time, datetime.timedelta)):
        return f"{value} (a time)"
    return repr(value)


#: rows checked at a time in the numeric fast path (a chunk and its temporaries stay in cache)
CHUNK_ROWS = 32768


def _numeric_block(
    frame: pd.DataFrame, found: Mapping[str, int], model: MaturityModel
) -> tuple[np.ndarray, np.ndarray] | None:
    """Values and don't-know flags when every statement column is a plain numeric column (a
    DataFrame of numbers from Python) and every cell is valid; None otherwise, and the cell-by-
    cell path then finds and reports the bad cells. Same rules as :func:`code_column`."""
    dtypes = frame.dtypes
    for pos in found.values():
        dtype = dtypes.iloc[pos]
        if not isinstance(dtype, np.dtype) or dtype.kind not in "fiu":
            return None
    n, k = len(frame), len(model.statement_ids)
    scale = model.scale
    lo, hi = float(scale.min), float(scale.max)
    codes = _numeric_dont_know(scale)
    values = np.full((n, k), np.nan, order="F")
    dont_know = np.zeros((n, k), dtype=bool, order="F")
    for j, sid in enumerate(model.statement_ids):
        pos = found.get(sid)
        if pos is None:
            continue
        column = values[:, j]
        column[:] = frame.iloc[:, pos].to_numpy()
        flags = dont_know[:, j]
        for start in range(0, n, CHUNK_ROWS):
            v = column[start : start + CHUNK_ROWS]
            for code in codes:
                hit = v == code
                if hit.any():
                    flags[start : start + CHUNK_ROWS] |= hit
                    v[hit] = np.nan
            with np.errstate(invalid="ignore"):  # inf - inf: flagged by the range check
                bad = (v < lo) | (v > hi)  # NaN compares False: blanks are not bad
                if scale.integer:
                    bad |= np.abs(v - np.rint(v)) > 0
            if bad.any():
                return None
    return values, dont_know


def _code_statements(
    frame: pd.DataFrame, found: Mapping[str, int], model: MaturityModel
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Values, don't-know flags and invalid cells (respondents x statements) of every statement
    column, by the rules of :func:`code_column`. The object columns a reader gives are coded as
    one block, row by row (the order their cells were created in, which is much faster than
    column by column); other columns one by one."""
    n, k = len(frame), len(model.statement_ids)
    values = np.full((n, k), np.nan, order="F")  # column-major: one statement contiguous
    dont_know = np.zeros((n, k), dtype=bool, order="F")
    bad = np.zeros((n, k), dtype=bool, order="F")
    dtypes = frame.dtypes
    block: list[int] = []
    for j, sid in enumerate(model.statement_ids):
        pos = found.get(sid)
        if pos is None:
            continue
        dtype = dtypes.iloc[pos]
        if not is_bool_dtype(dtype) and not is_numeric_dtype(dtype):  # code_column's object case
            block.append(j)
            continue
        coded = code_column(frame.iloc[:, pos], model.scale)
        values[:, j] = coded.values
        dont_know[:, j] = coded.dont_know
        bad[coded.bad, j] = True
    if block:
        positions = [found[model.statement_ids[j]] for j in block]
        cells = np.ascontiguousarray(frame.iloc[:, positions].to_numpy(dtype=object)).ravel()
        vals, dk, bad_type = _code_objects(cells, model.scale)
        vals, dk, wrong = _finish_column(vals, dk, bad_type, model.scale)
        shape = (n, len(block))
        values[:, block] = vals.reshape(shape)
        dont_know[:, block] = dk.reshape(shape)
        bad[:, block] = wrong.reshape(shape)
    return values, dont_know, bad


def prepare(
    table: RawTable | pd.DataFrame,
    model: MaturityModel,
    *,
    mapping: Mapping[str, str] | None = None,
    source: str | None = None,
    sheet: str | None = None,
) -> ResponseSet:
    """Match columns and validate every statement cell; raises a located InputError."""
    if isinstance(table, pd.DataFrame):
        table = RawTable(frame=table, source=source, sheet=sheet)
    found, attr_pos, missing = match_columns(table, model, mapping)
    frame = table.frame
    n = len(frame)
    fast = _numeric_block(frame, found, model)
    if fast is not None:
        values, dont_know = fast
        bad = None
    else:
        values, dont_know, bad = _code_statements(frame, found, model)
    first_error: InputError | None = None
    more: list[str] = []
    more_count = 0
    for j, sid in enumerate(model.statement_ids):
        pos = found.get(sid)
        if pos is None or bad is None:
            continue
        rows = np.flatnonzero(bad[:, j])
        if not rows.size:
            continue
        if first_error is None:
            i = int(rows[0])
            raw = frame.iat[i, pos]
            first_error = InputError(
                f"{_show(raw)} is not a valid answer",
                _loc(table, pos, int(table.row_numbers[i])),
                model.scale.describe_expected(),
            )
            rows = rows[1:]
        more_count += len(rows)
        col = _loc(table, pos).describe().split(", ")[-1]
        for i in rows[: max(MAX_LISTED - len(more), 0)]:
            more.append(f"row {int(table.row_numbers[i])} {col}")
    if first_error is not None:
        first_error.more = more
        first_error.more_count = more_count
        raise first_error
    attributes = frame.iloc[:, attr_pos]  # a list of positions: already a copy
    attributes.columns = [str(c) for c in attributes.columns]
    attributes = attributes.reset_index(drop=True)
    notes = list(table.notes)  # the reader's notes (hidden rows, macros ...) come first
    if attr_pos:
        names = ", ".join(f'"{c}"' for c in attributes.columns)
        notes.append(f"Columns kept as respondent attributes (not statements): {names}.")
    suspects = [
        str(frame.columns[j])
        for j in attr_pos
        if looks_like_statement(str(frame.columns[j]), frame.iloc[:, j], model.scale)
    ]
    if suspects:
        names = ", ".join(f'"{c}"' for c in suspects)
        notes.append(
            f"Not scored: {names} look(s) like statement column(s) but match no statement of "
            f'model "{model.name}" (by id, text, number or alias). If they are statements, map '
            "them with a mapping file (--mapping, header: statement id) or add the header to the "
            "statement's aliases; otherwise rename or remove the column(s)."
        )
    if missing:
        notes.append(
            f'No column for {len(missing)} statement(s) of model "{model.name}": '
            f"{', '.join(missing)}; they are scored as having no answers."
        )
    if n == 0:
        notes.append("The table has a header but no respondent rows.")
    return ResponseSet(
        model=model,
        values=values,
        dont_know=dont_know,
        attributes=attributes,
        columns={sid: str(frame.columns[pos]) for sid, pos in found.items()},
        missing_statements=missing,
        attribute_columns=list(attributes.columns),
        source=table.source,
        sheet=table.sheet,
        row_numbers=np.asarray(table.row_numbers),
        notes=notes,
        unmatched_statements=suspects,
    )


def read_responses(
    path: str | Path,
    model: Any = "dimios",
    *,
    sheet: str | None = None,
    mapping: Mapping[str, str] | str | Path | None = None,
) -> ResponseSet:
    """Read a response file (.xlsx, .xlsm, .csv) and validate it against ``model``."""
    from .plugins import load_model

    m = load_model(model)
    table = read_table(path, sheet)
    return prepare(table, m, mapping=load_mapping(mapping))


def load_mapping(mapping: Mapping[str, str] | str | Path | None) -> dict[str, str] | None:
    """A header -> statement id mapping from a dict, or a .yaml/.json/.csv file of two columns."""
    if mapping is None or isinstance(mapping, Mapping):
        return dict(mapping) if mapping else None
    import json

    import yaml

    p = Path(mapping)
    where = Location(file=str(p))
    if not p.is_file():
        raise InputError("mapping file not found", where)
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml", ".json"):
        text = p.read_text(encoding="utf-8-sig")
        try:
            data = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
        except Exception as exc:
            raise InputError(f"the mapping file cannot be parsed ({exc})", where) from None
        if not isinstance(data, dict):
            raise InputError("the mapping is not a mapping", where, '"header: statement_id" lines')
        return {str(k): str(v) for k, v in data.items()}
    table = read_table(p)
    if table.frame.shape[1] < 2:
        raise InputError("the mapping table needs two columns", where, "header, statement id")
    return {
        str(a): str(b)
        for a, b in zip(table.frame.iloc[:, 0], table.frame.iloc[:, 1], strict=True)
        if a is not None and b is not None
    }
