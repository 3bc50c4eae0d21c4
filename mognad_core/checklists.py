"""Checklist statements (``kind: checklist``): which columns hold them and what a cell means.

A checklist question lets the respondent choose any number of its options. Its value on the
model's scale is ``min + (max - min) * chosen / options``, so its score (``(mean - min) / (max -
min)``) is the mean share of the options chosen. Survey tools export such a question in one of
two layouts, and both are read (``docs/model-format.md``, "Checklist questions"):

* **one cell**, the chosen options separated by ``;`` (Microsoft Forms, and a hand-typed sheet):
  the column is named as the statement is (id, text or alias). A blank cell is no answer; a
  don't-know token is don't know; ``inget``/``none`` (or ``0``) is an answer with none chosen;
  a whole number from 0 to the number of options is taken as the number chosen.
* **one column per option** (Qualtrics, SurveyMonkey, Netigate, Google Forms' sheet after
  "split into columns"): the header names the statement and the option, as ``Statement [Option]``,
  ``Statement: Option``, ``Statement - Option``, ``Statement_Option`` or ``Statement.Option``
  (statement by id, text, short name or alias; option by id, text or alias). A cell is chosen
  with ``1``, ``x``, ``Ja``/``Yes``/``TRUE`` or the option's own text, not chosen with ``0``,
  ``Nej``/``No``/``FALSE`` or blank. A row whose option cells are all blank has not answered
  the question (a tool that leaves unchosen options blank cannot tell "none" from "skipped").
  Every option needs its column.

A cell that is neither is a located :class:`~mognad_core.errors.InputError` (file, sheet, row,
column and what was expected), like every other bad answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .cells import is_blank
from .errors import InputError, Location
from .schema import MaturityModel, Statement, normalize_token
from .texts import Message, Words

#: the separator of the options chosen in one cell
SEPARATOR = ";"
#: an option column's cell that means "chosen" (besides the option's own words)
CHOSEN = frozenset({"1", "x", "ja", "yes", "true", "sant", "vald", "valt", "selected", "checked"})
#: an option column's cell that means "not chosen" (besides a blank cell)
NOT_CHOSEN = frozenset({"0", "nej", "no", "false", "falskt", "ej vald", "not selected"})
#: a one-cell checklist answer that means none of the options was chosen
NONE_CHOSEN = frozenset({"inget", "inga", "ingen", "ingen av dessa", "none", "none of these"})
#: how a per-option header joins the statement's name and the option's: "S [O]", "S: O", ...
_JOINS = ("{s} [{o}]", "{s}[{o}]", "{s}: {o}", "{s} - {o}", "{s} – {o}", "{s}_{o}", "{s}.{o}")
#: errors listed after the first one
MAX_LISTED = 5


def _listed(options: list[Any], most: int) -> Words:
    """Up to ``most`` options' texts, quoted, in the reader's language (the option's
    ``text_en`` in English)."""

    def words(lang: str) -> str:
        shown = ", ".join(f'"{Words(o.text, o.text_en).text(lang)}"' for o in options[:most])
        return shown + (", ..." if len(options) > most else "")

    return Words(words("sv"), words("en"))


def _key(text: str) -> str:
    return normalize_token(text).rstrip(" .?!:;")


def _statement_names(s: Statement) -> list[str]:
    names = [s.id, s.text, s.text_en, s.short, s.short_en, *s.aliases]
    return [n for n in names if n]


def _option_words(s: Statement) -> dict[str, int]:
    """Every word that names one of the statement's options -> the option's index."""
    words: dict[str, int] = {}
    for k, o in enumerate(s.options):
        for w in (o.id, o.text, o.text_en, *o.aliases):
            if w:
                words.setdefault(_key(w), k)
    return words


def option_headers(model: MaturityModel) -> dict[str, tuple[str, int]]:
    """Every header of a per-option column -> (statement id, option index)."""
    lookup: dict[str, tuple[str, int]] = {}
    for s in model.statements:
        if not s.is_checklist:
            continue
        for k, o in enumerate(s.options):
            for sname in _statement_names(s):
                for oname in (o.id, o.text, o.text_en, *o.aliases):
                    if not oname:
                        continue
                    for join in _JOINS:
                        lookup.setdefault(_key(join.format(s=sname, o=oname)), (s.id, k))
    return lookup


@dataclass
class ChecklistColumns:
    """Where a file holds the model's checklist statements."""

    #: statement id -> its one column (the options chosen, separated by ";")
    single: dict[str, int] = field(default_factory=dict)
    #: statement id -> {option index: column}
    per_option: dict[str, dict[int, int]] = field(default_factory=dict)

    @property
    def statements(self) -> set[str]:
        return set(self.single) | set(self.per_option)

    def __bool__(self) -> bool:
        return bool(self.single or self.per_option)

    def column_names(self, frame: pd.DataFrame) -> dict[str, str]:
        """Statement id -> the header (or headers, joined by " | ") that holds it."""
        names = {sid: str(frame.columns[pos]) for sid, pos in self.single.items()}
        for sid, cols in self.per_option.items():
            names[sid] = " | ".join(str(frame.columns[p]) for _, p in sorted(cols.items()))
        return names


def _where(table: Any, pos: int | None = None, row: int | None = None) -> Location:
    return Location(
        file=table.source,
        sheet=table.sheet,
        row=row,
        column=None if pos is None else str(table.frame.columns[pos]),
        column_index=None if pos is None else table.column_indices[pos],
        column_style=table.column_style,
    )


_OPTION_REF = re.compile(r"^(.+?)\s*\[(.+)\]\s*$")


def option_ref(value: Any, model: MaturityModel) -> tuple[str, int] | None:
    """(statement id, option index) for a mapping value ``"k1 [moln]"`` that names an option of
    a checklist statement (by the option's id, text or alias), else None."""
    m = _OPTION_REF.match(str(value)) if isinstance(value, str) else None
    if m is None or m.group(1).strip() not in model.statement_ids:
        return None
    s = model.statement(m.group(1).strip())
    k = _option_words(s).get(_key(m.group(2))) if s.is_checklist else None
    return None if k is None else (s.id, k)


def has_option_columns(headers: list[str], model: MaturityModel) -> bool:
    """True when some header names an option of a checklist statement."""
    if not any(s.is_checklist for s in model.statements):
        return False
    lookup = option_headers(model)
    return any(_key(h) in lookup for h in headers)


def find_columns(
    table: Any,
    model: MaturityModel,
    found: Mapping[str, int],
    attributes: list[int],
    mapping: Mapping[str, str | None] | None = None,
) -> tuple[ChecklistColumns, list[int]]:
    """The checklist statements' columns, and the attribute columns left.

    ``found`` and ``attributes`` are what :func:`~mognad_core.responses.match_columns` gave: a
    checklist statement matched there is in the one-cell layout; per-option columns are looked
    for among the attribute columns, by their headers or by the user's ``mapping`` (a header
    mapped to ``"k1 [moln]"`` is that option's column, one mapped to None is no option's). A
    statement in both layouts, an option with two columns and a per-option statement with an
    option's column missing are located errors.
    """
    lists = ChecklistColumns()
    checklist_ids = [s.id for s in model.statements if s.is_checklist]
    if not checklist_ids:
        return lists, attributes
    lists.single = {sid: found[sid] for sid in checklist_ids if sid in found}
    lookup = option_headers(model)
    mapped = {normalize_token(h): v for h, v in (mapping or {}).items()}
    left: list[int] = []
    for j in attributes:
        header = str(table.frame.columns[j])
        if normalize_token(header) in mapped:
            hit = option_ref(mapped[normalize_token(header)], model)
        else:
            hit = lookup.get(_key(header))
        if hit is None:
            left.append(j)
            continue
        sid, k = hit
        where = _where(table, j, table.header_row)
        if sid in lists.single:
            other = str(table.frame.columns[lists.single[sid]])
            raise InputError(
                Message("error.same_statement", other=other, statement=sid),
                where,
                Message("checklist.expected.one_layout"),
            )
        cols = lists.per_option.setdefault(sid, {})
        if k in cols:
            other = str(table.frame.columns[cols[k]])
            option = model.statement(sid).options[k].id
            raise InputError(
                Message("checklist.option_twice", other=other, option=option, statement=sid),
                where,
                Message("checklist.expected.option_once"),
            )
        cols[k] = j
    for sid, cols in lists.per_option.items():
        s = model.statement(sid)
        absent = [o for k, o in enumerate(s.options) if k not in cols]
        if absent:
            _misspelt_option(table, s, absent, left)
            shown = _listed(absent, MAX_LISTED)
            first = min(cols.values())
            raise InputError(
                Message(
                    "checklist.options_missing", statement=sid, count=len(absent), options=shown
                ),
                _where(table, first, table.header_row),
                Message("checklist.expected.every_option", count=len(s.options)),
            )
    return lists, left


def _misspelt_option(table: Any, s: Statement, absent: list[Any], left: list[int]) -> None:
    """When an option of ``s`` has no column, a column headed like one of its options (the
    question's name, then an option text that matches none) is most likely that option
    misspelt: a located error naming that column and the closest option."""
    import difflib

    names = [_key(n) for n in _statement_names(s)]
    for j in left:
        header = _key(str(table.frame.columns[j]))
        name = next((n for n in names if header.startswith(n) and len(header) > len(n)), None)
        if name is None:
            continue
        written = header[len(name) :].strip(" [](){}:-_.")
        if not written:
            continue
        texts_of = {_key(o.text): o for o in absent} | {_key(o.id): o for o in absent}
        close = difflib.get_close_matches(written, list(texts_of), n=1, cutoff=0.6)
        if not close:
            continue
        option = texts_of[close[0]]
        raise InputError(
            Message(
                "checklist.option_misspelt",
                header=str(table.frame.columns[j]),
                statement=s.id,
                option=Words(option.text, option.text_en),
            ),
            _where(table, j, table.header_row),
            Message("checklist.expected.every_option", count=len(s.options)),
        )


def _show(value: Any) -> str:
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value)).upper()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return f'"{value}"' if isinstance(value, str) else repr(value)


def _whole(value: Any) -> int | None:
    """A whole number typed in a cell (1, 1.0, "1"), else None."""
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, str):
        text = value.strip().replace(",", ".")
        if not re.fullmatch(r"\d+(\.0+)?", text):
            return None
        value = float(text)
    if isinstance(value, (int, float, np.integer, np.floating)) and float(value).is_integer():
        return int(value)
    return None


def _one_cell(value: Any, s: Statement, words: Mapping[str, int], dont_know: frozenset[str]):
    """(chosen count, don't know) of a one-cell answer; None for a blank cell; raises
    ValueError(part) for a part that names no option."""
    if is_blank(value):
        return None
    if isinstance(value, str):
        token = normalize_token(value)
        if token in dont_know:
            return 0, True
        if _key(value) in NONE_CHOSEN:
            return 0, False
        whole = _whole(value.strip().rstrip(SEPARATOR))  # "4;": a count, with Forms' ";"
        if whole is not None:
            if whole > len(s.options):
                raise ValueError(value)
            return whole, False
        chosen: set[int] = set()
        for part in value.split(SEPARATOR):
            if not part.strip():
                continue
            k = words.get(_key(part))
            if k is None:
                raise ValueError(part.strip())
            chosen.add(k)
        return len(chosen), False
    whole = _whole(value)
    if whole is None or whole > len(s.options):
        raise ValueError(value)
    return whole, False


def _option_cell(value: Any, own: set[str], dont_know: frozenset[str]) -> str | None:
    """ "chosen", "not", "dont_know" or None (blank) for a per-option cell; ValueError else."""
    if is_blank(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return "chosen" if value else "not"
    whole = _whole(value)
    if whole is not None and whole in (0, 1):
        return "chosen" if whole else "not"
    if isinstance(value, str):
        mark = normalize_token(value).rstrip(" .")  # "ja?" is not "ja": an unsure mark
        if mark in CHOSEN or _key(value) in own:
            return "chosen"
        if mark in NOT_CHOSEN:
            return "not"
        if normalize_token(value) in dont_know:
            return "dont_know"
    raise ValueError(value)


def fill(
    table: Any,
    model: MaturityModel,
    lists: ChecklistColumns,
    values: np.ndarray,
    dont_know: np.ndarray,
) -> None:
    """Write the checklist statements' values and don't-know flags into ``values`` and
    ``dont_know`` (respondents x statements, in model order); a located InputError for the
    first bad cell, naming up to five more."""
    frame = table.frame
    scale = model.scale
    lo, hi = float(scale.min), float(scale.max)
    tokens = scale.dont_know_normalized
    rows = np.asarray(table.row_numbers)
    first: InputError | None = None
    more: list[Message] = []
    more_count = 0

    def bad(pos: int, i: int, problem: Message, expected: Message) -> None:
        nonlocal first, more_count
        if first is None:
            first = InputError(problem, _where(table, pos, int(rows[i])), expected)
            return
        more_count += 1
        if len(more) < MAX_LISTED:
            ref = _where(table, pos).column_ref()
            more.append(Message("error.cell", row=int(rows[i]), column=ref))

    for j, s in enumerate(model.statements):
        if s.id not in lists.statements:
            continue
        n_opt = len(s.options)
        listed = _listed(s.options, 3)
        count = np.full(len(frame), np.nan)
        unsure = np.zeros(len(frame), dtype=bool)
        if s.id in lists.single:
            pos = lists.single[s.id]
            words = _option_words(s)
            expected = Message("checklist.expected.cell", options=listed, count=n_opt)
            for i, cell in enumerate(frame.iloc[:, pos].tolist()):
                try:
                    answer = _one_cell(cell, s, words, tokens)
                except ValueError as e:
                    part = e.args[0]
                    shown = _show(part)
                    problem = (
                        Message("checklist.unknown_option", shown=shown, statement=s.id)
                        if isinstance(part, str) and _whole(part) is None
                        else Message("checklist.bad_count", shown=shown, count=n_opt)
                    )
                    bad(pos, i, problem, expected)
                    continue
                if answer is not None:
                    count[i], unsure[i] = answer[0], answer[1]
                    if answer[1]:
                        count[i] = np.nan
        else:
            state = np.zeros(len(frame), dtype=np.int64)  # chosen so far
            seen = np.zeros(len(frame), dtype=bool)  # any explicit chosen / not chosen
            for k, pos in sorted(lists.per_option[s.id].items()):
                o = s.options[k]
                own = {_key(w) for w in (o.id, o.text, o.text_en, *o.aliases) if w}
                expected = Message("checklist.expected.option", option=Words(o.text, o.text_en))
                for i, cell in enumerate(frame.iloc[:, pos].tolist()):
                    try:
                        kind = _option_cell(cell, own, tokens)
                    except ValueError:
                        bad(
                            pos,
                            i,
                            Message("checklist.bad_option_cell", shown=_show(cell)),
                            expected,
                        )
                        continue
                    if kind == "chosen":
                        state[i] += 1
                        seen[i] = True
                    elif kind == "not":
                        seen[i] = True
                    elif kind == "dont_know":
                        unsure[i] = True
            count = np.where(seen, state, np.nan).astype(float)
            unsure &= ~seen
        values[:, j] = lo + (hi - lo) * count / n_opt
        dont_know[:, j] = unsure
    if first is not None:
        first.more = list(more)
        first.more_count = more_count
        raise first
