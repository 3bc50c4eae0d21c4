"""Responses: a wide table matched to a model and validated cell by cell.

One row per respondent, one column per statement. Columns are matched to statements by id, by
statement text (Swedish or English, case- and whitespace-insensitive, a leading question number
like ``"3. "`` or ``"1.1 "`` ignored, or in the brackets of a Google Forms grid header
``"Title [Row]"``), by a statement's ``aliases``, or by an explicit mapping. Every other column
is kept as a respondent attribute (``förvaltning``, ``roll``, ``år`` ...).

A cell is a number on the model's scale, a don't-know token, or blank. Anything else raises an
:class:`~mognad_core.errors.InputError` naming file, sheet, row, column, the value and what was
expected.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import datetime
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype, is_bool_dtype, is_numeric_dtype

from . import checklists
from .answers import (
    BLANK_TEXT,
    UNCHECKED,
    AnswerKey,
    answer_key,
    label_key,
    load_answers,
    parse_number,
)
from .cells import is_missing
from .errors import InputError, Location, MognadError
from .readers import RawTable, read_table
from .schema import MaturityModel, Scale, normalize_token
from .texts import Message, joined, shorten
from .texts import rows as rows_message

MAX_LISTED = 5
#: A question number before a question's text: "3. ", "F3) ", "Fråga 3: ", "Q3 - ", and a number
#: of two levels or more followed by a space without a mark: "1.1 ", "F2.3 ".
QUESTION_NUMBER = re.compile(
    r"^\s*(?:[A-Za-zÅÄÖåäö]{0,12}\s?)?\d+(?:(?:\.\d+)*\s*(?:[):\-–]|\.(?!\d))|(?:\.\d+)+\s)\s*"
)
#: Google Forms' header of a row of a grid question: "Question title [Row text]"
_GRID_ROW = re.compile(r"^.*\[\s*([^\[\]]*[^\W\d_][^\[\]]*?)\s*\]\s*$")
#: A header that reads like a statement reference: "25", "P25", "Påstående 25", "F5.1", "Q 3".
_STATEMENT_REF = re.compile(r"^(?:[a-zåäö]{1,12}\s?)?\d{1,3}(?:\.\d{1,3})*$")


def header_key(text: str) -> str:
    """A header or statement text as headers are compared: normalized, closing marks dropped."""
    return normalize_token(text).rstrip(" .?!:;")


# ---- waves --------------------------------------------------------------------------------
#: The names of an attribute column that tells the waves (survey rounds) apart, in the order
#: they are looked for (case and spacing ignored). The one list for every command, report and
#: plugin: :meth:`ResponseSet.waves`.
WAVE_COLUMNS = ("år", "year", "wave", "våg", "ar", "mätning", "omgång")


def wave_label(value: Any) -> str | None:
    """A wave cell as a label: ``"2024"`` (not ``"2024.0"``), stripped; None for a blank."""
    if is_missing(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() or None


def _wave_order(label: str) -> tuple[int, Any]:
    try:
        return (0, float(label))
    except ValueError:
        return (1, label)


@dataclass(frozen=True)
class Waves:
    """The waves of a response set (:meth:`ResponseSet.waves`): the column that tells them
    apart and the waves in it, in order (by number when they are numbers, else by name)."""

    column: str
    labels: tuple[str, ...]
    #: respondents with a blank cell in the column (in no wave)
    missing: int = 0

    @property
    def several(self) -> bool:
        return len(self.labels) > 1

    @property
    def latest(self) -> str | None:
        return self.labels[-1] if self.labels else None

    @property
    def single(self) -> str | None:
        """The wave when there is exactly one."""
        return self.labels[0] if len(self.labels) == 1 else None

    @property
    def previous(self) -> str | None:
        """The wave before the latest (None when there is one wave)."""
        return self.labels[-2] if self.several else None

    def note(self) -> Message | None:
        """The note for several waves analysed together (None for one wave): the one wording
        every command, report and plugin uses."""
        if not self.several:
            return None
        return Message(
            "note.waves_pooled",
            count=len(self.labels),
            column=self.column,
            waves=", ".join(self.labels),
            latest=self.latest,
        )


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
    notes: list[str | Message] = field(default_factory=list)
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

    @classmethod
    def from_any(
        cls,
        data: Any,
        model: Any = None,
        *,
        sheet: str | None = None,
        mapping: Mapping[str, str | None] | str | Path | None = None,
        answers: Mapping[str, Any] | str | Path | None = None,
        duplicates: str | None = None,
    ) -> ResponseSet:
        """Responses from a ResponseSet, a wide DataFrame or a response-file path: the one way
        every function, command and plugin takes its input.

        A ResponseSet is returned as it is; a ``model`` other than the one it was read for is
        a :class:`~mognad_core.errors.ModelError`. A DataFrame or a file is read for ``model``
        (a name, a model file or a MaturityModel; default ``dimios``) with ``mapping``,
        ``answers`` and ``duplicates`` (see :func:`read_responses`) and, for a workbook,
        ``sheet``. A file that is not there is a located :class:`InputError`.
        """
        from .errors import ModelError
        from .plugins import load_model

        if isinstance(data, ResponseSet):
            wanted = data.model.name if model is None else load_model(model).name
            if wanted != data.model.name:
                read = f" in {Path(data.source).name}" if data.source else ""
                raise ModelError(
                    f"The responses{read} were read for model {data.model.name!r}, not "
                    f"{wanted!r}: read them again for {wanted!r}, or leave the model out."
                )
            return data
        if not isinstance(data, (pd.DataFrame, str, Path)):
            raise MognadError(
                "Expected responses as a ResponseSet, a DataFrame or a file path, got "
                f"{type(data).__name__}."
            )
        m = load_model("dimios" if model is None else model)
        if isinstance(data, pd.DataFrame):
            return prepare(
                data, m, mapping=load_mapping(mapping), answers=answers, duplicates=duplicates
            )
        return read_responses(
            data, m, sheet=sheet, mapping=mapping, answers=answers, duplicates=duplicates
        )

    @property
    def n(self) -> int:
        return int(self.values.shape[0])

    def rows_in_origin(self) -> np.ndarray:
        """This set's rows in the responses as read (:attr:`origin`): the positions of its
        respondents there, in order (``0 .. n-1`` when this set is the responses as read)."""
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
            origin_rows=self.rows_in_origin()[m],
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
            m, conditions=self.conditions, cut_from=(*self.cut_from, (self.rows_in_origin(), what))
        )

    def column(self, name: str, purpose: str | Message = "") -> str:
        """The attribute column called ``name`` (case and spacing ignored), as spelt in the
        file; a located error listing the columns when there is none (``purpose``, such as
        ``Message("error.purpose.group_by")``, "to group by", ends its first sentence)."""
        folded = {normalize_token(c): c for c in self.attributes.columns}
        found = folded.get(normalize_token(name))
        if found is None:
            columns = ", ".join(f'"{c}"' for c in self.attributes.columns)
            if isinstance(purpose, str) and purpose:  # a plugin's own words (English)
                problem: str | Message = f'there is no column "{name}" {purpose}'
            elif purpose:
                problem = Message("error.no_column_for", name=name, purpose=purpose)
            else:
                problem = Message("error.no_column", name=name)
            raise InputError(
                problem,
                Location(file=self.source, sheet=self.sheet),
                Message(
                    "error.expected.attribute_columns", columns=columns or Message("error.none")
                ),
            )
        return found

    def where(self, *conditions: Any, **by_column: Any) -> ResponseSet:
        """The respondents with the given values: ``where("år=2025")``,
        ``where(("förvaltning", "Soc"))`` or ``where(år=2025)``; several conditions all hold.

        Column names and values are compared ignoring case and spacing; a blank cell is
        ``(saknas)``. A value no respondent has is a located error listing the values of the
        whole file's column (not of the selection).
        """
        from .disclosure import value_key, value_label

        pairs: list[tuple[str, Any]] = []
        for cond in conditions:
            if isinstance(cond, str):
                if "=" not in cond:
                    raise MognadError(Message("error.where_syntax", condition=repr(cond)))
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
                # the values of the whole file's column, never those left in a selection (they
                # would tell who is in it), and none for a column of near-unique values (ids)
                whole = (rs.origin if rs.origin is not None else rs).attributes[col]
                present = sorted({value_label(v) for v in whole})
                listed = ", ".join(present[:10]) if len(present) <= max(2, len(whole) // 2) else ""
                raise InputError(
                    Message("error.no_such_value", value=value, column=col),
                    Location(file=rs.source, sheet=rs.sheet, column=col),
                    Message("error.one_of", items=listed)
                    if listed
                    else Message("error.expected.value_in_column"),
                )
            label = value_label(rs.attributes[col].to_numpy()[np.argmax(m)])
            rs = rs._select(m, conditions=(*rs.conditions, (col, label)), cut_from=rs.cut_from)
        return rs

    def waves(self, column: str | None = None) -> Waves | None:
        """The wave column and its waves in order: ``column`` (a located error when there is
        no such column), else the first attribute column named as in :data:`WAVE_COLUMNS`
        (``år``, ``year``, ``wave``, ``våg`` ...); None when there is none. Waves are the cell
        texts (``2024``, not ``2024.0``), sorted by number when they are numbers."""
        if column is not None:
            col = self.column(column)
        else:
            folded = {normalize_token(c): c for c in self.attributes.columns}
            col = next((folded[name] for name in WAVE_COLUMNS if name in folded), None)
            if col is None:
                return None
        cells = [wave_label(v) for v in self.attributes[col]]
        present = sorted({c for c in cells if c is not None}, key=_wave_order)
        return Waves(col, tuple(present), missing=sum(c is None for c in cells))

    def result_notes(self) -> list[str | Message]:
        """The notes every result of this set carries: the notes made while reading it and,
        when several waves are analysed together (:meth:`pooled_waves`), the one wave note.
        Every analysis starts its notes from here, so the CLI (text and JSON), the Python API
        and the plugins show the same notes."""
        pooled = self.pooled_waves()
        return [*self.notes, pooled.note()] if pooled is not None else list(self.notes)

    def pooled_waves(self) -> Waves | None:
        """The waves this set analyses together: those of the responses as read (never only
        those left in a selection, which would tell who is in it) when they are several and no
        :meth:`where` condition of this set picks one; else None. Its :meth:`Waves.note` is
        the note every command, report and plugin shows."""
        w = (self.origin if self.origin is not None else self).waves()
        if w is None or not w.several or any(col == w.column for col, _ in self.conditions):
            return None
        return w

    def latest_wave(self) -> tuple[ResponseSet, ResponseSet | None]:
        """The respondents of the latest wave and of the one before, when the set holds several
        waves (:meth:`waves`); else the set itself and None. Reports and ``mognad demo`` are
        about the latest wave, compared with the one before: they never mix years."""
        w = self.waves()
        if w is None or not w.several:
            return self, None
        return self.where((w.column, w.latest)), self.where((w.column, w.previous))

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
#: a header that numbers a statement: a word (or nothing) and a running number, "Fråga 3",
#: "P3", "Q 3", "3"; not a dotted code such as "F1.3"
_POSITIONAL = re.compile(r"^([^\W\d_]{0,12}?)\.?\s?(\d{1,3})$")


def positional_key(text: str) -> tuple[str, int] | None:
    """``("fråga", 3)`` for a header or alias like "Fråga 3" (a family and a number), else
    None. Such names say only where a statement is in a list, so they are matched only when the
    whole numbered family corresponds one to one with the model's (see :func:`match_columns`)."""
    m = _POSITIONAL.match(header_key(text))
    return (m.group(1), int(m.group(2))) if m else None


def statement_lookups(
    model: MaturityModel,
) -> tuple[dict[str, str], dict[tuple[str, int], tuple[str, str]]]:
    """Headers that name a statement for sure (id, text, an alias that is not a number) and the
    numbered aliases: ``(family, number) -> (statement id, alias as written)``."""
    certain: dict[str, str] = {}
    numbered: dict[tuple[str, int], tuple[str, str]] = {}
    for s in model.statements:
        keys = [normalize_token(s.id), header_key(s.text)]
        if s.text_en:
            keys.append(header_key(s.text_en))
        for alias in s.aliases:
            pos = positional_key(alias)
            if pos is None:
                keys.append(header_key(alias))
            else:
                numbered.setdefault(pos, (s.id, alias))
        for k in keys:
            certain.setdefault(k, s.id)
    # an id that looks numbered ("q3") is still that statement's id, never another's number
    numbered = {k: v for k, v in numbered.items() if f"{k[0]}{k[1]}" not in certain}
    return certain, numbered


def _header_lookup(model: MaturityModel) -> dict[str, str]:
    """Every header that names a statement, numbered aliases included."""
    certain, numbered = statement_lookups(model)
    lookup = dict(certain)
    for (_, _), (sid, alias) in numbered.items():
        lookup.setdefault(header_key(alias), sid)
    return lookup


def match_header(header: str, lookup: Mapping[str, str]) -> str | None:
    """The statement id a header means, or None: by id, text or alias, after a question
    number ("3. ", "1.1 "), or the row text of a Google Forms grid header ("Title [Row]")."""
    for key in (normalize_token(header), header_key(header)):
        if key in lookup:
            return lookup[key]
    stripped = QUESTION_NUMBER.sub("", header, count=1)
    # the rest must be text: "F5.1" is not question "F5." with the text "1" (statement 1)
    if stripped != header and re.search(r"[^\W\d_]", stripped):
        key = header_key(stripped)
        if key in lookup:
            return lookup[key]
    grid = _GRID_ROW.match(header)  # "Hur väl stämmer påståendena? [Vi har en plan.]"
    if grid is not None:
        return match_header(grid.group(1), lookup)
    return None


#: cells of an unmatched column checked first: one invalid answer among them settles that the
#: column is not a statement, without coding the whole column
PROBE_ROWS = 200


def looks_like_statement(header: str, column: pd.Series | None = None, scale=None) -> bool:
    """True when an unmatched header probably means a statement the model does not know.

    That is a statement reference ("25", "P25", "Påstående 25", "F5.1"), a numbered question
    ("25. Vi har ..."), or, given the column and the scale (or an answer key), a column whose
    every filled cell is a valid answer, with a sentence-like header or at least one don't-know
    answer.
    """
    if _STATEMENT_REF.match(normalize_token(header).rstrip(" .?!:;")):
        return True
    words = len(QUESTION_NUMBER.sub("", header, count=1).split())
    if QUESTION_NUMBER.match(header) and words >= 3:
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


def _column_ref(table: RawTable, j: int) -> Message:
    """A column as notes and errors name it (``kolumn D ("b1")`` / ``column D ("b1")``)."""
    return _loc(table, j).column_ref()  # type: ignore[return-value]


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5] -> '1-3, 5'."""
    runs: list[list[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


def _user_map(
    table: RawTable, model: MaturityModel, mapping: Mapping[str, str | None] | None
) -> dict[str, str | None]:
    user_map: dict[str, str | None] = {}
    for header, sid in (mapping or {}).items():
        if sid is not None and sid not in model.statement_ids:
            if checklists.option_ref(sid, model) is not None:  # "k1 [moln]": see checklists
                user_map[normalize_token(header)] = None
                continue
            raise InputError(
                Message(
                    "error.mapping_not_statement", header=header, statement=sid, model=model.name
                ),
                Location(file=table.source, sheet=table.sheet),
                Message("error.expected.statement_id", ids=", ".join(model.statement_ids[:3])),
            )
        user_map[normalize_token(header)] = sid
    return user_map


def match_columns(
    table: RawTable, model: MaturityModel, mapping: Mapping[str, str | None] | None = None
) -> tuple[dict[str, int], list[int], list[str]]:
    """Statement id -> column position, attribute column positions, missing statement ids.

    A column is matched by the mapping (a header mapped to None is an attribute), else by a
    statement's id, text or alias. Numbered headers ("Fråga 3", "P3", "3") name a place in a
    list, not a statement: a family of them ("Fråga ...") is matched by the model's numbered
    aliases only when the family's columns and the model's statements of that family, less
    those matched otherwise, have exactly the same numbers. Else which column holds which
    statement cannot be known, and that is an error suggesting a mapping.
    """
    certain, numbered = statement_lookups(model)
    user_map = _user_map(table, model, mapping)
    families = {family for family, _ in numbered}
    headers = [str(h) for h in table.frame.columns]
    found: dict[str, int] = {}
    attributes: list[int] = []
    candidates: dict[str, list[tuple[int, int]]] = {}  # family -> (column, number)
    seen_headers: dict[str, int] = {}
    for j, header in enumerate(headers):
        if not header:
            raise InputError(
                Message("error.header_missing"),
                _loc(table, j, table.header_row),
                Message("error.expected.header"),
            )
        norm = normalize_token(header)
        if norm in seen_headers:
            first = seen_headers[norm]
            raise InputError(
                Message("error.header_twice", header=header, other=_column_ref(table, first)),
                _loc(table, j, table.header_row),
                Message("error.expected.header_once"),
            )
        seen_headers[norm] = j
        if norm in user_map:
            sid = user_map[norm]
        else:
            sid = match_header(header, certain)
            pos = positional_key(header) if sid is None else None
            if pos is not None and pos[0] in families:
                candidates.setdefault(pos[0], []).append((j, pos[1]))
                continue
        if sid is None:
            attributes.append(j)
            continue
        if sid in found:
            other = headers[found[sid]]
            raise InputError(
                Message("error.same_statement", other=other, statement=sid),
                _loc(table, j, table.header_row),
                Message("error.expected.one_column"),
            )
        found[sid] = j
    for family, columns in candidates.items():
        open_numbers = {
            n: sid for (f, n), (sid, _) in numbered.items() if f == family and sid not in found
        }
        if not any(n in open_numbers for _, n in columns):
            attributes.extend(j for j, _ in columns)  # nothing left to guess for
            continue
        if sorted(n for _, n in columns) != sorted(open_numbers):
            raise _numbered_error(table, model, family, columns, numbered, open_numbers)
        for j, n in columns:
            found[open_numbers[n]] = j
    attributes.sort()
    missing = [sid for sid in model.statement_ids if sid not in found]
    if not found and not checklists.has_option_columns(headers, model):
        transposed = _statements_in_rows(table, certain, model.scale)
        if transposed is not None:
            raise transposed
        shown = ", ".join(f'"{h}"' for h in headers[:8]) or Message("error.none")
        ids = ", ".join(model.statement_ids[:4])
        others = ", ".join(f'"{n}"' for n in table.other_sheets[:8])
        sheets = Message("error.other_sheets", sheets=others) if others else ""
        raise InputError(
            Message("error.no_statement_columns", model=model.name, headers=shown),
            Location(file=table.source, sheet=table.sheet, row=table.header_row),
            Message("error.expected.statement_headers", ids=ids, sheets=sheets),
        )
    found = {sid: found[sid] for sid in model.statement_ids if sid in found}
    return found, attributes, missing


def _statements_in_rows(
    table: RawTable, lookup: Mapping[str, str], scale: Scale
) -> InputError | None:
    """The statements in the rows of a column among the first, with answers beside them: a
    table turned on its side (a statement per row, a respondent per column, as people sometimes
    type a sheet by hand: every other cell of those rows an answer) or a long table (a row per
    answer, as a database exports it: each statement in many rows, and a column of answers). The
    located error to raise, or None (a summary of means per statement is neither)."""
    frame = table.frame.iloc[:1000]
    for j in range(min(frame.shape[1], 5)):
        named: dict[str, str] = {}
        rows: list[int] = []
        for i, value in enumerate(frame.iloc[:, j]):
            sid = match_header(value, lookup) if isinstance(value, str) else None
            if sid is not None:
                named.setdefault(sid, value.strip())
                rows.append(i)
        if len(named) < 2:
            continue
        others = [k for k in range(frame.shape[1]) if k != j]
        texts = list(named.values())
        shown = ", ".join(f'"{t}"' for t in texts[:2]) + (", ..." if len(texts) > 2 else "")
        if len(rows) > len(named):  # a statement in several rows
            if not any(_all_answers(frame.iloc[rows, k], scale) for k in others):
                continue
            return InputError(
                Message("error.row_per_answer", shown=shown),
                _loc(table, j),
                Message("error.expected.pivot"),
            )
        if not others or not _all_answers(
            pd.Series(frame.iloc[rows, others].to_numpy(dtype=object).ravel()), scale
        ):
            continue
        return InputError(
            Message("error.statements_in_rows", n=len(named), shown=shown),
            _loc(table, j),
            Message("error.expected.transpose"),
        )
    return None


def _all_answers(cells: pd.Series, scale: Scale) -> bool:
    """Every cell an answer or blank, and at least one answer."""
    coded = code_column(cells.reset_index(drop=True).astype(object), scale)
    return not len(coded.bad) and bool((~np.isnan(coded.values)).any() or coded.dont_know.any())


def _numbered_error(
    table: RawTable,
    model: MaturityModel,
    family: str,
    columns: list[tuple[int, int]],
    numbered: Mapping[tuple[str, int], tuple[str, str]],
    open_numbers: Mapping[int, str],
) -> InputError:
    """The numbered columns of ``family`` and the model's numbered statements differ."""
    headers = [str(table.frame.columns[j]) for j, _ in columns]
    numbers = [n for _, n in columns]
    shown = f'"{headers[0]}"' if len(headers) == 1 else f'"{headers[0]}" … "{headers[-1]}"'
    aliases = [numbered[(family, n)][1] for n in sorted(open_numbers)]
    named = f'"{aliases[0]}"' if len(aliases) == 1 else f'"{aliases[0]}" … "{aliases[-1]}"'
    file = Path(table.source).name if table.source else "FILE"
    sheet = f' --sheet "{table.sheet}"' if table.sheet else ""
    return InputError(
        Message(
            "error.numbered_columns",
            n=len(columns),
            shown=shown,
            numbers=_ranges(numbers),
            m=len(open_numbers),
            model=model.name,
            named=named,
            model_numbers=_ranges(list(open_numbers)),
        ),
        _loc(table, columns[0][0], table.header_row),
        Message("error.expected.numbered_mapping", file=file, model=model.name, sheet=sheet),
    )


# ---- validating cells ---------------------------------------------------------------------
@dataclass
class _Coded:
    values: np.ndarray
    dont_know: np.ndarray
    bad: np.ndarray  # positions (row indexes) of invalid cells


def _parse_text(value: str) -> float | None:
    return parse_number(value)


def as_key(scale: Scale | AnswerKey) -> AnswerKey:
    """An answer key for a scale (its own labels), or the key itself."""
    return scale if isinstance(scale, AnswerKey) else answer_key(scale)


def _classify_cells(
    obj: np.ndarray, key: Scale | AnswerKey
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Numbers, don't-know flags, wrong-type flags and kinds for a 1-D object array, cell by
    cell.

    The reference rules for object cells: numbers (and numeric text, as ``pd.to_numeric`` reads
    it) are numbers; TRUE/FALSE cells are of the wrong type; blanks (None, NaN, empty or
    whitespace text) are missing; don't-know tokens are don't know; other text is read with a
    decimal comma allowed (``"4,0"``), else by the answer key (labels, "4 - label", texts that
    mean no value: :meth:`AnswerKey.classify`, whose kind is returned for the notes), and
    anything else is of the wrong type. The numeric don't-know codes and the scale's range are
    applied afterwards, by :func:`_finish_column`.
    """
    n = len(obj)
    dk = np.zeros(n, dtype=bool)
    bad_type = np.zeros(n, dtype=bool)
    kinds = np.zeros(n, dtype=np.int8)
    kind = infer_dtype(obj, skipna=True)
    numeric = pd.to_numeric(obj, errors="coerce")
    vals = np.array(numeric, dtype=float, copy=True)
    if kind in ("floating", "integer", "mixed-integer-float", "empty"):
        return vals, dk, bad_type, kinds
    # True/False become 1/0 in to_numeric: a logical cell is not an answer
    maybe_bool = np.flatnonzero((vals == 0) | (vals == 1))
    for i in maybe_bool:
        if isinstance(obj[i], (bool, np.bool_)):
            vals[i] = np.nan
            bad_type[i] = True
    answers = as_key(key)
    tokens = answers.scale.dont_know_normalized
    rest = np.flatnonzero(np.isnan(vals) & ~bad_type)
    for i in rest:
        v = obj[i]
        if is_missing(v):
            continue
        if isinstance(v, str):
            if not v.strip():
                continue
            if normalize_token(v) in tokens:
                dk[i] = True
                continue
            parsed = _parse_text(v)
            if parsed is not None and parsed == parsed:  # "nan" is a text meaning no value
                vals[i] = parsed
                continue
            value, dont_know, kinds[i] = answers.classify(v)
            if value == value:
                vals[i] = value
            elif dont_know:
                dk[i] = True
            elif kinds[i] != BLANK_TEXT:
                bad_type[i] = True
            continue
        bad_type[i] = True
    return vals, dk, bad_type, kinds


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


#: what the notes count: (kind, text) -> cells (texts read as blank, numbers with unchecked labels)
ReadStats = Counter


def _code_objects(
    obj: np.ndarray, key: Scale | AnswerKey, stats: ReadStats | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_classify_cells` for many cells at once, with the same result cell by cell.

    Python floats (what calamine and Excel give for every number) are taken as they are, in
    one vectorised step; every other cell (text, blanks, integers, dates ...) is classified once
    per distinct value. Visiting the cells in memory order matters: a response sheet's cells
    were created row by row. ``stats`` counts the cells of each noted kind.
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
        u_vals, u_dk, u_bad, u_kinds = _classify_cells(uniques, key)
        vals[other] = u_vals[codes]
        dk[other] = u_dk[codes]
        bad_type[other] = u_bad[codes]
        noted = np.flatnonzero((u_kinds == BLANK_TEXT) | (u_kinds == UNCHECKED))
        if stats is not None and noted.size:
            counts = np.bincount(codes, minlength=len(uniques))
            for u in noted:
                stats[(int(u_kinds[u]), str(uniques[u]).strip())] += int(counts[u])
    return vals, dk, bad_type


def _finish_column(
    vals: np.ndarray, dk: np.ndarray, bad_type: np.ndarray, scale: Scale
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Numeric don't-know codes, then the scale's range and steps: values, dk, bad (masks)."""
    dk_codes = scale.dont_know_numbers
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


def code_column(column: pd.Series, scale: Scale | AnswerKey) -> _Coded:
    """Numbers, don't-know flags and invalid positions for one statement column (``scale``: the
    model's scale, or an :class:`AnswerKey` with more wordings)."""
    key = as_key(scale)
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
        vals, dk, bad_type = _code_objects(column.to_numpy(dtype=object), key)
    vals, dk, bad = _finish_column(vals, dk, bad_type, key.scale)
    return _Coded(vals, dk, np.flatnonzero(bad))


def _show(value: Any) -> str | Message:
    """A cell value as the user typed it (dates as dates, logical cells as TRUE/FALSE)."""
    if isinstance(value, (bool, np.bool_)):
        return Message("value.logical", value=str(bool(value)).upper())
    if isinstance(value, np.generic):  # from a numeric DataFrame: 2.5, not np.float64(2.5)
        value = value.item()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, str):
        if len(value) > 60:  # a pasted paragraph: show its start and its length
            return Message("value.long_text", start=shorten(value, 51), count=len(value))
        return f'"{value}"'
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return Message("value.date", value=value.date().isoformat())
        return Message("value.datetime", value=value.isoformat(sep=" "))
    if isinstance(value, datetime.date):
        return Message("value.date", value=value.isoformat())
    if isinstance(value, (datetime.time, datetime.timedelta)):
        return Message("value.time", value=str(value))
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
    codes = scale.dont_know_numbers
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
    frame: pd.DataFrame,
    found: Mapping[str, int],
    model: MaturityModel,
    key: AnswerKey | None = None,
    stats: ReadStats | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Values, don't-know flags and invalid cells (respondents x statements) of every statement
    column, by the rules of :func:`code_column`. The object columns a reader gives are coded as
    one block, row by row (the order their cells were created in, which is much faster than
    column by column); other columns one by one."""
    key = key or answer_key(model.scale)
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
        coded = code_column(frame.iloc[:, pos], key)
        values[:, j] = coded.values
        dont_know[:, j] = coded.dont_know
        bad[coded.bad, j] = True
    if block:
        positions = [found[model.statement_ids[j]] for j in block]
        cells = np.ascontiguousarray(frame.iloc[:, positions].to_numpy(dtype=object)).ravel()
        vals, dk, bad_type = _code_objects(cells, key, stats)
        vals, dk, wrong = _finish_column(vals, dk, bad_type, model.scale)
        shape = (n, len(block))
        values[:, block] = vals.reshape(shape)
        dont_know[:, block] = dk.reshape(shape)
        bad[:, block] = wrong.reshape(shape)
    return values, dont_know, bad


# ---- how a file is read: the user's answer wordings and duplicates rule ---------------------
DUPLICATES = ("refuse", "keep-first", "keep-last")


@dataclass(frozen=True)
class ReadingRules:
    """How response files are read where the caller does not say: ``answers`` (a file or a
    dict of wordings, see :mod:`mognad_core.answers`) and ``duplicates`` (what to do with a
    respondent id that appears twice: ``"refuse"``, ``"keep-first"`` or ``"keep-last"``)."""

    answers: Mapping[str, Any] | str | Path | None = None
    duplicates: str = "refuse"


_rules: contextvars.ContextVar[ReadingRules | None] = contextvars.ContextVar(
    "mognad_reading_rules", default=None
)


def current_reading_rules() -> ReadingRules:
    """The rules in force: set by :func:`use_reading_rules`, else the defaults."""
    return _rules.get() or ReadingRules()


@contextlib.contextmanager
def use_reading_rules(**changes: Any) -> Iterator[ReadingRules]:
    """Read every response file in a ``with`` block by other rules:
    ``with use_reading_rules(answers="svar.yaml", duplicates="keep-last"): ...``. The command
    line's ``--answers`` and ``--duplicates`` set them for one command."""
    token = _rules.set(_changed_rules(changes))
    try:
        yield _rules.get()
    finally:
        _rules.reset(token)


def set_reading_rules(**changes: Any) -> None:
    """Read by other rules from here to the end of the current ``contextvars`` context: the
    command line's ``--answers`` and ``--duplicates`` (each command runs in a context of its
    own, ``cli.main``). Not a resource to close: click closes no resource an option opened when
    a later argument is a usage error, and a context manager left open then was closed at exit,
    outside its context, printing a traceback."""
    _rules.set(_changed_rules(changes))


def _changed_rules(changes: dict[str, Any]) -> ReadingRules:
    unknown = set(changes) - {"answers", "duplicates"}
    if unknown:
        raise TypeError(f"unknown reading rule(s): {', '.join(sorted(unknown))}")
    rules = dataclasses.replace(current_reading_rules(), **changes)
    _check_duplicates(rules.duplicates)
    return rules


def _check_duplicates(value: str) -> str:
    if value not in DUPLICATES:
        raise MognadError(
            Message("error.duplicates_rule", value=repr(value), rules=", ".join(DUPLICATES))
        )
    return value


# ---- who is a respondent --------------------------------------------------------------------
#: a cell that is one of these words (case, spacing and a trailing colon ignored) marks a
#: summary row: never scored
SUMMARY_WORDS = frozenset(
    {
        "medel",
        "medelvärde",
        "medeltal",
        "genomsnitt",
        "snitt",
        "median",
        "totalt",
        "total",
        "totals",
        "summa",
        "summering",
        "average",
        "mean",
        "sum",
    }
)
#: attribute headers that hold a respondent id (compared without case, spaces, "-", "_", ".")
ID_HEADERS = frozenset(
    {
        "id",
        "respondent",
        "respondentid",
        "respondentnr",
        "respondentnummer",
        "responseid",
        "svarsid",
        "svarid",
        "svarsnummer",
        "svarsnr",
        "löpnummer",
        "löpnr",
    }
)


def _id_key(header: str) -> str:
    return re.sub(r"[\s_.\-]+", "", normalize_token(header))


def _starts_with_summary_word(text: str) -> bool:
    """A cheap first look (most cells are settled by it, without a regular expression)."""
    first = text.lstrip()[:16].split(None, 1)  # blanks around the word are no part of it
    return bool(first) and first[0].casefold().rstrip(":.!;") in SUMMARY_WORDS


def _subtotal_of(text: str) -> str | None:
    """ "soc" for a cell "Medel Soc", "Totalt: KLF", "Medelvärde för Soc" (a summary word and
    what it sums up), else None."""
    if not _starts_with_summary_word(text):
        return None
    rest = label_key(text).partition(" ")[2]
    rest = re.sub(r"^(?:[:\-–]\s*)?(?:för\s+|for\s+|of\s+)?", "", rest.strip())
    return rest or None


def _distinct_cells(column: pd.Series) -> np.ndarray:
    cells = column.to_numpy(dtype=object)
    try:
        return pd.unique(cells)
    except TypeError:  # an unhashable cell
        return np.array(list({id(v): v for v in cells}.values()), dtype=object)


def _summary_words_in(column: pd.Series, groups: Any = None) -> np.ndarray:
    """Rows of an attribute column whose cell is a summary word ("Medel", "Totalt:"), or a
    summary word and a group that ``groups()`` (the attribute values of the table) holds: "Medel
    Soc" under the rows of Soc, a subtotal. "Totalt sett bra" in a comment column is neither."""
    if is_numeric_dtype(column.dtype) or is_bool_dtype(column.dtype):
        return np.zeros(len(column), dtype=bool)
    distinct = _distinct_cells(column)
    # lengths without the blanks around the text: an export that pads "Medel" is still "Medel"
    texts = [v for v in distinct if type(v) is str and len(v.strip()) < 60]
    words = [v for v in texts if _starts_with_summary_word(v)]
    hits = [v for v in words if len(v.strip()) < 20 and label_key(v) in SUMMARY_WORDS]
    of = {v: group for v in words if (group := _subtotal_of(v)) is not None and v not in hits}
    if of and groups is not None:
        known = groups()
        hits += [v for v, group in of.items() if group in known]
    if not hits:
        return np.zeros(len(column), dtype=bool)
    return np.asarray(column.isin(hits), dtype=bool)


def _number_of(value: Any) -> float:
    if isinstance(value, (bool, np.bool_)):
        return np.nan
    if isinstance(value, (int, float, np.integer, np.floating)):
        return float(value)
    if isinstance(value, str):
        parsed = parse_number(value)
        return np.nan if parsed is None else parsed
    return np.nan


def _ratio(total: np.ndarray, count: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return total / count


def _summary_by_values(
    frame: pd.DataFrame,
    found: Mapping[str, int],
    model: MaturityModel,
    values: np.ndarray,
    rows: np.ndarray,
    others: np.ndarray,
    pool: np.ndarray | None = None,
) -> dict[int, tuple[str, int]]:
    """Rows (of ``rows``) whose statement cells are the column means or sums of the ``others``
    rows, rounded to 0, 1 or 2 decimals, with at least one number that is not whole, or with
    three or more whole numbers and one outside the scale: ``{row: ("means" or "sums",
    decimals)}``. A row of whole numbers on the scale cannot be told from a respondent's
    answers.

    On a scale that is not whole steps a respondent's answers may be candidates too, so with
    ``pool`` (the kept rows) a candidate is also compared with the means and sums of all the
    pool's other rows (the pool's totals less its own answers), unless another row of the pool
    has the same answers."""
    cols = [(j, found[sid]) for j, sid in enumerate(model.statement_ids) if sid in found]
    if not rows.size or len(cols) < 2 or not (others.any() or pool is not None):
        return {}
    picked = [j for j, _ in cols]
    base = values[others][:, picked]
    sums = np.nansum(base, axis=0)
    of_others = [("means", _ratio(sums, (~np.isnan(base)).sum(axis=0))), ("sums", sums)]
    if pool is not None:
        everyone = values[pool][:, picked]
        pool_counts = (~np.isnan(everyone)).sum(axis=0)
        pool_sums = np.nansum(everyone, axis=0)
        # the same answers in two rows are two respondents' (each the mean of the other)
        shared = Counter(map(tuple, np.nan_to_num(everyone, nan=-np.inf).tolist()))
    out: dict[int, str] = {}
    for i in rows:
        raw = np.array([_number_of(frame.iat[i, pos]) for _, pos in cols])
        filled = ~np.isnan(raw)
        if filled.sum() < 2:
            continue
        cells = raw[filled]
        outside = ((cells < model.scale.min) | (cells > model.scale.max)).any()
        if (cells == np.round(cells)).all() and (not outside or cells.size < 3):
            continue  # whole answers (a respondent's), or two whole sums: too little to tell
        targets = of_others
        if pool is not None and pool[i]:  # the pool's other rows: less row i's own answers
            own = values[i, picked]
            if shared[tuple(np.nan_to_num(own, nan=-np.inf).tolist())] > 1:
                continue
            total = pool_sums - np.nan_to_num(own)
            n = pool_counts - ~np.isnan(own)
            targets = [*of_others, ("means", _ratio(total, n)), ("sums", total)]
        for what, target in targets:
            for digits in (0, 1, 2):
                want = np.round(target[filled], digits)
                if np.allclose(cells, want, rtol=0, atol=1e-9):
                    out[int(i)] = (what, digits)
                    break
            if int(i) in out:
                break
    return out


def _who_responds(
    table: RawTable,
    found: Mapping[str, int],
    attr_pos: list[int],
    model: MaturityModel,
    values: np.ndarray,
    dont_know: np.ndarray,
    bad: np.ndarray | None,
) -> tuple[np.ndarray, list[str | Message]]:
    """Which rows are respondents (a mask) and notes on the others.

    A respondent is a row with at least one statement answer or don't-know answer (a row with an
    invalid cell counts, so that the cell is reported). A row with a summary word in a cell
    ("Medel", "Totalt", "Summa", "Average" ...) or whose statement cells are the rounded means
    or sums of the other rows is a summary row: never scored.
    """
    frame = table.frame
    n = len(frame)
    answered = np.zeros(n, dtype=bool)
    open_rows: np.ndarray | None = None  # rows with no answer yet; most go at the first column
    for j in range(values.shape[1]):
        if open_rows is None:
            hit = ~np.isnan(values[:, j]) | dont_know[:, j]
            if bad is not None:
                hit |= bad[:, j]
            open_rows = np.flatnonzero(~hit)
        elif open_rows.size:
            hit = ~np.isnan(values[open_rows, j]) | dont_know[open_rows, j]
            if bad is not None:
                hit |= bad[open_rows, j]
            open_rows = open_rows[~hit]
    if open_rows is not None:
        answered[:] = True
        answered[open_rows] = False
    numbers = np.asarray(table.row_numbers)
    notes: list[str | Message] = []
    summary: dict[int, str] = {}
    known: set[str] = set()

    def groups() -> set[str]:  # the attribute values of the table, once, when first needed
        if not known:
            for k in attr_pos:
                cells = _distinct_cells(frame.iloc[:, k])
                known.update(label_key(v) for v in cells if type(v) is str and len(v) < 60)
        return known

    for pos in attr_pos:
        for i in np.flatnonzero(_summary_words_in(frame.iloc[:, pos], groups) & answered):
            summary.setdefault(int(i), (frame.iat[i, pos].strip(), _column_ref(table, pos)))
    if bad is not None and bad.any():  # a summary word where an answer belongs
        for j, sid in enumerate(model.statement_ids):
            pos = found.get(sid)
            for i in np.flatnonzero(bad[:, j]) if pos is not None else ():
                cell = frame.iat[i, pos]
                if isinstance(cell, str) and label_key(cell) in SUMMARY_WORDS:
                    summary.setdefault(int(i), (cell.strip(), _column_ref(table, pos)))
    if summary:
        rows = sorted(summary)
        told = tuple(
            Message("read.summary_cell", row=int(numbers[i]), cell=cell, column=column)
            for i, (cell, column) in ((i, summary[i]) for i in rows[:MAX_LISTED])
        ) + (("...",) if len(rows) > MAX_LISTED else ())
        notes.append(Message("read.summary_rows", count=len(rows), told=told))
    keep = answered.copy()
    keep[list(summary)] = False
    # rows with an invalid cell, or a number that is not whole: a row of means or sums? (never
    # on the fast path)
    odd = (bad.any(axis=1) if bad is not None else np.zeros(n, dtype=bool)) & keep
    if not model.scale.integer:  # any number is an answer: a row of means is valid
        with np.errstate(invalid="ignore"):
            odd |= (np.abs(values - np.rint(values)) > 0).any(axis=1) & keep
    pool = None if model.scale.integer else keep  # a respondent's answer may not be whole
    by_values = _summary_by_values(
        frame, found, model, values, np.flatnonzero(odd), keep & ~odd, pool
    )
    if by_values:
        rows = sorted(by_values)
        keep[rows] = False
        for i in rows:
            what, digits = by_values[i]
            notes.append(Message(f"read.summary_by_{what}", row=int(numbers[i]), digits=digits))
    empty = np.flatnonzero(~answered)
    if empty.size:
        notes.insert(
            0, Message("read.no_answers", count=empty.size, rows=rows_message(numbers[empty]))
        )
    return keep, notes


def _duplicate_ids(
    table: RawTable, attr_pos: list[int], keep: np.ndarray, rule: str
) -> tuple[np.ndarray, list[str | Message]]:
    """Respondent ids that appear in more than one kept row: refused, or all but the first or
    the last occurrence dropped (``rule``)."""
    frame = table.frame
    pos = next((p for p in attr_pos if _id_key(str(frame.columns[p])) in ID_HEADERS), None)
    if pos is None:
        return keep, []
    rows = np.flatnonzero(keep)
    codes, distinct = pd.factorize(frame.iloc[rows, pos].to_numpy(dtype=object))
    texts = np.array([_id_text(v) for v in distinct] + [None], dtype=object)
    ids = pd.Series(texts[codes])  # code -1 (a blank cell) is the None at the end
    filled = ids.notna().to_numpy()
    repeated = ids.duplicated(keep=False).to_numpy() & filled
    if not repeated.any():
        return keep, []
    numbers = np.asarray(table.row_numbers)
    header = str(frame.columns[pos])
    if rule == "refuse":
        groups: dict[str, list[int]] = {}
        for i, value in zip(rows[repeated], ids[repeated], strict=True):
            groups.setdefault(value, []).append(int(numbers[i]))
        told = joined(
            Message("error.duplicate_id", id=v, rows=rows_message(r, 3))
            for v, r in list(groups.items())[:MAX_LISTED]
        )
        if len(groups) > MAX_LISTED:
            told = Message("list.more_ids", items=told, more=len(groups) - MAX_LISTED)
        raise InputError(
            Message("error.duplicate_ids", count=len(groups), listed=told),
            _loc(table, pos),
            Message("error.expected.each_once"),
        )
    dropped = ids.duplicated(keep="first" if rule == "keep-first" else "last").to_numpy() & filled
    keep = keep.copy()
    keep[rows[dropped]] = False
    note = Message(
        f"read.duplicates_{rule.replace('-', '_')}",
        count=int(dropped.sum()),
        column=header,
        rows=rows_message(numbers[rows[dropped]]),
    )
    return keep, [note]


def _id_text(value: Any) -> str | None:
    if is_missing(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


def _percent_cells(
    table: RawTable, found: Mapping[str, int], model: MaturityModel, values: np.ndarray
) -> list[tuple[int, int]]:
    """(row index, statement index) of the numbers in cells formatted as a percentage."""
    if not table.percent_cells:
        return []
    row_of = {int(r): i for i, r in enumerate(table.row_numbers)}
    statement_of = {
        table.column_indices[pos]: j
        for j, sid in enumerate(model.statement_ids)
        if (pos := found.get(sid)) is not None
    }
    out = []
    for row, col in table.percent_cells:
        i, j = row_of.get(int(row)), statement_of.get(int(col))
        if i is not None and j is not None and values[i, j] == values[i, j]:
            out.append((i, j))
    return out


def _notes_on_answers(stats: ReadStats, model: MaturityModel) -> list[str | Message]:
    notes = []
    blank = [(text, n) for (kind, text), n in stats.items() if kind == BLANK_TEXT]
    if blank:
        shown = ", ".join(f'"{t}"' for t, _ in blank[:MAX_LISTED])
        shown += ", ..." if len(blank) > MAX_LISTED else ""
        cells = sum(n for _, n in blank)
        notes.append(Message("read.blank_texts", count=cells, texts=shown))
    unchecked = [text for (kind, text), _ in stats.items() if kind == UNCHECKED]
    if unchecked:
        shown = ", ".join(f'"{t}"' for t in unchecked[:3])
        notes.append(Message("read.unchecked_labels", texts=shown, model=model.name))
    return notes


def _cell_error(
    table: RawTable,
    key: AnswerKey,
    i: int,
    pos: int,
    percent: bool,
) -> InputError:
    raw = table.frame.iat[i, pos]
    where = _loc(table, pos, int(table.row_numbers[i]))
    if percent:
        shown = f"{float(raw) * 100:.10g} %"
        return InputError(
            Message("answer.percent_cell", shown=shown, number=_show(raw)),
            where,
            Message("answer.percent_expected", expected=key.expected(labels=False)),
        )
    if isinstance(raw, str):
        problem, expected = key.explain(raw)
        return InputError(problem, where, expected)
    return InputError(
        Message("answer.invalid", shown=_show(raw)), where, key.expected(labels=False)
    )


#: respondents with a numeric answer needed before "no answer uses the scale's top value" is
#: noted (with fewer, an unused top step is ordinary; docs/scoring.md "Another model's scale")
SCALE_NOTE_MIN_RESPONDENTS = 30


def _same_statements(model: MaturityModel) -> list[MaturityModel]:
    """The other installed models with exactly ``model``'s statement ids (any scale: one of
    the same range may take half steps or other wordings)."""
    from .plugins import get_model, list_models

    ids = set(model.statement_ids)
    out = []
    for info in list_models():
        if info.name == model.name or info.statements != len(ids):
            continue
        try:
            other = get_model(info.name)
        except MognadError:
            continue
        if set(other.statement_ids) == ids:
            out.append(other)
    return out


def _scale_text(model: MaturityModel) -> str:
    return f"{model.name} ({model.scale.min:g}–{model.scale.max:g})"


def _models_fitting(
    frame: pd.DataFrame, found: Mapping[str, int], model: MaturityModel, words: Any, keep: Any
) -> list[MaturityModel]:
    """The installed models with ``model``'s statements on whose scale every answer of the
    respondents (``keep``) is valid, by the same reading rules."""
    out = []
    for other in _same_statements(model):
        try:
            key = answer_key(other.scale, words)
        except MognadError:
            continue
        _, _, bad = _code_statements(frame, found, other, key)
        if not (bad & np.asarray(keep)[:, None]).any():
            out.append(other)
    return out


def _other_scale_hint(models: list[MaturityModel]) -> Message:
    """The hint naming the installed models every answer fits (a list: "a och b" / "a and b")."""
    return Message(
        "answer.fits_other_model" if len(models) == 1 else "answer.fits_other_model_many",
        models=[_scale_text(m) for m in models],
        name=models[0].name,
    )


def _uses_top_value(values: np.ndarray, top: float) -> bool:
    """Whether any answer is ``top`` (the scale's maximum), looking at a block of rows at a time
    so that a file that uses it (nearly every file) is answered from its first rows."""
    for start in range(0, len(values), CHUNK_ROWS):
        with np.errstate(invalid="ignore"):
            if (values[start : start + CHUNK_ROWS] >= top).any():
                return True
    return False


def _note_on_top_value(values: np.ndarray, model: MaturityModel) -> list[Message]:
    """A note when many respondents answered and none used the scale's top value, naming the
    installed models with the same statements and a shorter scale that every answer fits.
    The cheap questions first: is the top value used (nearly every file answers it from its
    first rows), are there enough respondents; then whether there is such a model (which
    builds every installed model: plugins.BuiltinModel)."""
    if not values.size or _uses_top_value(values, model.scale.max):
        return []
    respondents = int((~np.isnan(values)).any(axis=1).sum())
    if respondents < SCALE_NOTE_MIN_RESPONDENTS:
        return []
    shorter = [m for m in _same_statements(model) if m.scale.max < model.scale.max]
    if not shorter:
        return []
    low, top = float(np.nanmin(values)), float(np.nanmax(values))
    fits = [m for m in shorter if m.scale.min <= low and top <= m.scale.max]
    if not fits:
        return []
    return [
        Message(
            "read.top_value_unused" if len(fits) == 1 else "read.top_value_unused_many",
            count=respondents,
            top=f"{model.scale.max:g}",
            models=[_scale_text(m) for m in fits],
            name=fits[0].name,
        )
    ]


def prepare(
    table: RawTable | pd.DataFrame,
    model: MaturityModel,
    *,
    mapping: Mapping[str, str | None] | None = None,
    source: str | None = None,
    sheet: str | None = None,
    answers: Mapping[str, Any] | str | Path | None = None,
    duplicates: str | None = None,
) -> ResponseSet:
    """Match columns, validate every statement cell and decide who is a respondent; raises a
    located InputError.

    ``answers`` gives more wordings of answers (a dict or a file; see
    :mod:`mognad_core.answers`), ``duplicates`` what to do with a repeated respondent id
    (``"refuse"``, ``"keep-first"`` or ``"keep-last"``); both default to
    :func:`use_reading_rules`. Rows without any statement answer and summary rows are dropped,
    each with a note.
    """
    if isinstance(table, pd.DataFrame):
        table = RawTable(frame=table, source=source, sheet=sheet)
    rules = current_reading_rules()
    rule = _check_duplicates(rules.duplicates if duplicates is None else duplicates)
    words, answers_file = load_answers(rules.answers if answers is None else answers)
    key = answer_key(model.scale, words, source=answers_file or None)
    found, attr_pos, missing = match_columns(table, model, mapping)
    # checklist statements (kind: checklist) are read by their own rules: mognad_core.checklists
    lists, attr_pos = checklists.find_columns(table, model, found, attr_pos, mapping)
    if lists:
        found = {sid: pos for sid, pos in found.items() if sid not in lists.statements}
        missing = [sid for sid in missing if sid not in lists.statements]
    frame = table.frame
    n = len(frame)
    stats: ReadStats = Counter()
    fast = _numeric_block(frame, found, model)
    if fast is not None:
        values, dont_know = fast
        bad = None
    else:
        values, dont_know, bad = _code_statements(frame, found, model, key, stats)
    if lists:
        checklists.fill(table, model, lists, values, dont_know)
    percent = set(_percent_cells(table, found, model, values))
    if percent:
        bad = np.zeros(values.shape, dtype=bool, order="F") if bad is None else bad
        for i, j in percent:
            bad[i, j] = True
            values[i, j] = np.nan
    keep, row_notes = _who_responds(table, found, attr_pos, model, values, dont_know, bad)
    first_error: InputError | None = None
    more: list[str | Message] = []
    more_count = 0
    for j, sid in enumerate(model.statement_ids):
        pos = found.get(sid)
        if pos is None or bad is None:
            continue
        rows = np.flatnonzero(bad[:, j] & keep)
        if not rows.size:
            continue
        if first_error is None:
            i = int(rows[0])
            first_error = _cell_error(table, key, i, pos, (i, j) in percent)
            rows = rows[1:]
        more_count += len(rows)
        col = _column_ref(table, pos)
        for i in rows[: max(MAX_LISTED - len(more), 0)]:
            more.append(Message("error.cell", row=int(table.row_numbers[i]), column=col))
    if first_error is not None:
        first_error.more = more
        first_error.more_count = more_count
        # a cell formatted as a percentage is wrong whatever the scale: no other model fits
        fitting = [] if percent else _models_fitting(frame, found, model, words, keep)
        if fitting:
            first_error.hint = _other_scale_hint(fitting)
        raise first_error
    keep, duplicate_notes = _duplicate_ids(table, attr_pos, keep, rule)
    attributes = frame.iloc[:, attr_pos]  # a list of positions: already a copy
    attributes.columns = [str(c) for c in attributes.columns]
    attributes = attributes.reset_index(drop=True)
    row_numbers = np.asarray(table.row_numbers)
    if not keep.all():
        values, dont_know = values[keep], dont_know[keep]
        attributes = attributes.loc[keep].reset_index(drop=True)
        row_numbers = row_numbers[keep]
    notes = list(table.notes)  # the reader's notes (hidden rows, macros ...) come first
    notes += row_notes + duplicate_notes + _notes_on_answers(stats, model)
    notes += _note_on_top_value(values, model)
    if attr_pos:
        names = ", ".join(f'"{c}"' for c in attributes.columns)
        notes.append(Message("read.columns_kept", names=names))
    not_statements = {normalize_token(h) for h, sid in (mapping or {}).items() if sid is None}
    suspects = [
        str(frame.columns[j])
        for j in attr_pos
        if normalize_token(str(frame.columns[j])) not in not_statements
        and looks_like_statement(str(frame.columns[j]), frame.iloc[:, j], key)
    ]
    if suspects:
        names = ", ".join(f'"{c}"' for c in suspects)
        notes.append(Message("read.unmatched_statements", names=names, model=model.name))
    if missing:
        notes.append(
            Message(
                "read.missing_statements",
                count=len(missing),
                model=model.name,
                ids=", ".join(missing),
            )
        )
    if n == 0:
        notes.append(Message("read.header_only"))
    elif not keep.any():
        notes.append(Message("read.no_respondents"))
    return ResponseSet(
        model=model,
        values=values,
        dont_know=dont_know,
        attributes=attributes,
        columns={sid: str(frame.columns[pos]) for sid, pos in found.items()}
        | lists.column_names(frame),
        missing_statements=missing,
        attribute_columns=list(attributes.columns),
        source=table.source,
        sheet=table.sheet,
        row_numbers=row_numbers,
        notes=notes,
        unmatched_statements=suspects,
    )


def read_responses(
    path: str | Path,
    model: Any = "dimios",
    *,
    sheet: str | None = None,
    mapping: Mapping[str, str | None] | str | Path | None = None,
    answers: Mapping[str, Any] | str | Path | None = None,
    duplicates: str | None = None,
) -> ResponseSet:
    """Read a response file (.xlsx, .xlsm, .csv) and validate it against ``model``.

    ``mapping`` says which header holds which statement (a dict or a file, see
    :func:`load_mapping`), ``answers`` gives more wordings of answers and ``duplicates`` what to
    do with a repeated respondent id (see :func:`prepare`).
    """
    from .plugins import load_model

    m = load_model(model)
    table = read_table(path, sheet)
    return prepare(table, m, mapping=load_mapping(mapping), answers=answers, duplicates=duplicates)


def load_mapping(
    mapping: Mapping[str, str | None] | str | Path | None,
) -> dict[str, str | None] | None:
    """A header -> statement id mapping from a dict, or a .yaml/.json/.csv file of two columns.
    A header mapped to nothing (null, an empty cell) is not a statement: a respondent attribute.
    """
    if mapping is None or isinstance(mapping, Mapping):
        return {str(k): _mapped_id(v) for k, v in mapping.items()} if mapping else None
    from .readers import DATA_FILE_SUFFIXES, read_data_file

    p = Path(mapping)
    where = Location(file=str(p))
    if not p.is_file():
        raise InputError(Message("error.mapping_not_found"), where)
    if p.suffix.lower() in DATA_FILE_SUFFIXES:
        data = read_data_file(p, Message("error.what.mapping_file"))
        if not isinstance(data, dict):
            raise InputError(
                Message("error.mapping_not_mapping"),
                where,
                Message("error.expected.mapping_lines"),
            )
        return {str(k): _mapped_id(v) for k, v in data.items()}
    table = read_table(p)
    if table.frame.shape[1] < 2:
        raise InputError(
            Message("error.mapping_columns"), where, Message("error.expected.mapping_columns")
        )
    return {
        str(a): _mapped_id(b)
        for a, b in zip(table.frame.iloc[:, 0], table.frame.iloc[:, 1], strict=True)
        if a is not None
    }


def _mapped_id(value: Any) -> str | None:
    if is_missing(value) or not str(value).strip():
        return None
    return str(value).strip()
