"""Disclosure control: one policy that every published result passes through.

Survey answers come from named employees in small units, and results reach readers who do not
hold the raw data. Every output path (the CLI, the reports, the Excel functions, the Python API
and the plugins' insights) publishes figures only through this module. The rules, with ``k`` the
policy's ``min_size`` (default 5; see docs/anonymity.md for worked examples):

1. **Threshold.** A published set of respondents (the file, a ``--where`` selection, a wave, a
   group, a cell of a breakdown) has at least ``k`` respondents; a published statement figure has
   at least ``k`` valid answers in its set. A statement below that is hidden in that set, and the
   set's dimension and overall figures are computed without it (as for a statement nobody
   answered), so they cannot give it back.
2. **Complement.** A set defined by ``column=value`` conditions is a *cell* of the breakdown by
   those columns. For every coarser breakdown (drop any of the conditions: the whole file, the
   förvaltning of a förvaltning x roll cell, all waves together for one wave), the parent minus
   the cell has 0 or at least ``k`` respondents, or the cell is hidden; a cell whose parent is
   hidden is hidden.
3. **Secondary suppression.** Within every shown parent, the hidden children are never a single
   set, nor fewer than ``k`` respondents together: otherwise the next-smallest child is hidden too.
   The same holds per statement for answers (and the hidden answers may not all sit at one end
   of the scale). So no hidden cell follows from a shown total minus the shown cells, and the
   sizes of hidden sets are never shown (text says "< k").
4. **Spread.** Standard deviations, confidence intervals, quartiles and extremes are shown only
   for at least ``2k`` answers; smaller sets get a coarse agreement flag at most.
5. **Rounding.** Published figures are rounded: 0-1 figures to 0.001 (0.1 percentage point),
   means, standard deviations and alphas to 0.01.

A breakdown's plan (which cells and figures are shown) depends only on the data, the columns
and the policy, so every command that shows a cell shows the same thing: ``score --where
förvaltning=X`` is refused exactly when ``groups --by förvaltning`` hides X.

``min_size=1`` is the data owner's explicit opt-out: nothing is hidden or rounded, and every
output says so ("Anonymitetsskydd avstängt").
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .cells import is_missing
from .errors import MognadError
from .schema import normalize_token
from .settings import setting
from .texts import Message, joined, text, words

if TYPE_CHECKING:
    from .responses import ResponseSet

DEFAULT_MIN_SIZE = 5
#: the smallest protecting threshold; 1 (and only 1) turns protection off
SMALLEST_PROTECTING = 3
MISSING_VALUE = "(saknas)"


def _key(note: object) -> str | None:
    return note.key if isinstance(note, Message) else None


class DisclosureError(MognadError):
    """A result that would identify respondents was refused (exit code 2)."""

    def __init__(self, message: str, lang: str = "sv") -> None:
        super().__init__(message)
        self.lang = lang


# ---- the policy ------------------------------------------------------------------------------
class DisclosurePolicy(BaseModel):
    """The anonymity rules in force. ``min_size`` is k; ``min_size=1`` turns protection off."""

    model_config = ConfigDict(frozen=True)

    min_size: int = Field(DEFAULT_MIN_SIZE, description="k: smallest set or answer count shown")
    spread_factor: int = Field(2, description="spread figures need spread_factor x k answers")
    score_digits: int = Field(3, description="0-1 figures rounded to this many decimals")
    mean_digits: int = Field(2, description="means, sds and alphas rounded to this many decimals")

    @field_validator("min_size")
    @classmethod
    def _usable(cls, value: int) -> int:
        if value != 1 and value < SMALLEST_PROTECTING:
            raise ValueError(
                f"min_size must be 1 (protection off) or at least {SMALLEST_PROTECTING}"
            )
        return value

    @property
    def protected(self) -> bool:
        return self.min_size > 1

    @property
    def spread_min(self) -> int:
        return self.min_size * self.spread_factor if self.protected else 1


def policy(min_size: int | DisclosurePolicy | None = None, lang: str = "sv") -> DisclosurePolicy:
    """The policy for a call: ``min_size`` if given, else ``MOGNAD_MIN_SIZE``, else ``min_size``
    in ``mognad.toml``, else 5 (see :mod:`mognad_core.settings`)."""
    if isinstance(min_size, DisclosurePolicy):
        return min_size
    value, source = setting("min_size", min_size)
    try:
        if isinstance(value, bool):
            raise ValueError
        number = float(value)
        if not number.is_integer():
            raise ValueError
        k = int(number)
    except (TypeError, ValueError):
        k = -1
    if k != 1 and k < SMALLEST_PROTECTING:
        message = text("bad_min_size", lang, value=value, source=source, floor=SMALLEST_PROTECTING)
        raise DisclosureError(message, lang)
    return DisclosurePolicy(min_size=k)


# ---- values of attribute columns -------------------------------------------------------------
def value_label(value: Any) -> str:
    """A cell of an attribute column as people read it: ``2025`` (not ``2025.0``), and
    ``(saknas)`` for a blank cell (pandas' NA and NaT too)."""
    if is_missing(value) or str(value).strip() == "":
        return MISSING_VALUE
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def value_key(value: Any) -> str:
    """The form in which attribute values are compared (case and spacing ignored)."""
    return normalize_token(value_label(value))


def describe_conditions(conditions: tuple[tuple[str, str], ...] | list, lang: str = "sv") -> str:
    if not conditions:
        return text("everyone", lang)
    return ", ".join(f"{c}={v}" for c, v in conditions)


# ---- breakdown plans -------------------------------------------------------------------------
#: at most this many attribute columns can be used to select or group respondents together: every
#: plan is computed jointly over all of them (2**n breakdowns), so they stay consistent
MAX_BREAKDOWN_COLUMNS = 4
#: a column with more values than this is not a breakdown column (the joint plan's cost)
MAX_BREAKDOWN_VALUES = 500
#: the linear-differencing audit runs over at most this many finest cells, and tests at most
#: this many small unions of at most this many cells per figure, found in at most this many
#: steps
AUDIT_MAX_CELLS = 400
AUDIT_UNIONS = 3000
AUDIT_UNION_CELLS = 4
AUDIT_STEPS = 20000


@dataclass
class Plan:
    """Which cells of the breakdown of ``origin`` by ``columns`` are shown, and which of their
    statement figures. Cells are numbered; ``codes`` gives each origin row's cell. ``columns``
    are in canonical (sorted) order, whatever order a command named them in."""

    columns: tuple[str, ...]
    keys: list[tuple[str, ...]]
    labels: list[tuple[str, ...]]
    codes: np.ndarray
    n: np.ndarray
    answers: np.ndarray  # (cells, statements) valid answers
    hidden: list[str | None]  # None (shown) or small / secondary / parent
    figure_hidden: np.ndarray  # (cells, statements)

    def cell(self, key: tuple[str, ...]) -> int | None:
        try:
            return self.keys.index(key)
        except ValueError:
            return None

    def reason(self, cell: int, lang: str = "sv", k: int = DEFAULT_MIN_SIZE) -> str | None:
        """Why a cell is hidden, in one wording for every kind (the kinds would bound sizes)."""
        return None if self.hidden[cell] is None else text("reason.hidden", lang, k=k)


def _origin(rs: ResponseSet) -> ResponseSet:
    return rs.origin if rs.origin is not None else rs


def _cache(origin: ResponseSet) -> dict:
    cache = getattr(origin, "_plans", None)
    if cache is None:
        cache = {}
        object.__setattr__(origin, "_plans", cache)
    return cache


def breakdown_columns(origin: ResponseSet, pol: DisclosurePolicy) -> tuple[tuple[str, ...], dict]:
    """The attribute columns results may be broken down by (sorted), and why each other column
    may not: ``{column: (reason, detail, n)}``. A column qualifies unless it has a value of its
    own for more than half of the respondents (ids, free text, timestamps) or more than
    ``MAX_BREAKDOWN_VALUES`` values; of those that qualify, the ``MAX_BREAKDOWN_COLUMNS`` with
    the fewest values."""
    cache = _cache(origin)
    key = ("columns", pol.min_size)
    if key not in cache:
        ranked, refused = [], {}
        for col in origin.attributes.columns:
            distinct = int(origin.attributes[col].map(value_key).nunique())
            if distinct > max(2, origin.n // 2) or distinct > MAX_BREAKDOWN_VALUES:
                refused[col] = ("too_many", distinct, origin.n)
            else:
                ranked.append((distinct, col))
        ranked.sort()
        for _, col in ranked[MAX_BREAKDOWN_COLUMNS:]:
            refused[col] = ("cap", [c for _, c in ranked[:MAX_BREAKDOWN_COLUMNS]], None)
        chosen = tuple(sorted(c for _, c in ranked[:MAX_BREAKDOWN_COLUMNS]))
        cache[key] = (chosen, refused)
    return cache[key]


def plan(
    origin: ResponseSet, columns: tuple[str, ...], pol: DisclosurePolicy, lang: str = "sv"
) -> Plan:
    """The plan of the breakdown of ``origin`` (the responses as read) by ``columns``.

    Every plan of an origin is one projection of a joint computation over all its breakdown
    columns (:func:`breakdown_columns`), so a set hidden in one command is hidden in all, in any
    order of the columns. A column that cannot be a breakdown column is refused.
    """
    columns = tuple(sorted(set(columns)))
    cache = _cache(origin)
    key = (columns, pol.min_size)
    if key in cache:
        return cache[key]
    if not columns or not pol.protected:
        cache[key] = _single_plan(origin, columns, pol)
        return cache[key]
    allowed, refused = breakdown_columns(origin, pol)
    for col in columns:
        if col in refused:
            why, detail, n = refused[col]
            if why == "too_many":
                message = text("refused.column", lang, column=col, count=detail, n=n)
            else:
                message = text("refused.cap", lang, column=col, columns=", ".join(detail))
            raise DisclosureError(message, lang)
    if ("lattice", pol.min_size) not in cache:
        cache[("lattice", pol.min_size)] = _build_lattice(origin, allowed, pol)
    cache[key] = cache[("lattice", pol.min_size)](columns)
    return cache[key]


def _labels_and_keys(origin: ResponseSet, columns: tuple[str, ...]):
    labels = [origin.attributes[c].map(value_label) for c in columns]
    keys = [lab.map(normalize_token) for lab in labels]
    return labels, keys


def _single_plan(origin: ResponseSet, columns: tuple[str, ...], pol: DisclosurePolicy) -> Plan:
    """A plan that needs no lattice: the whole origin, or any breakdown when protection is off."""
    n, k_st = origin.n, origin.values.shape[1]
    if columns:
        labels, keys = _labels_and_keys(origin, columns)
        combo = pd.MultiIndex.from_arrays([key.to_numpy() for key in keys])
        codes, uniques = pd.factorize(combo, sort=True)
        _, first = np.unique(codes, return_index=True)
        cell_keys = [tuple(u) for u in uniques]
        cell_labels = [tuple(lab.iat[int(i)] for lab in labels) for i in first]
    else:
        codes, cell_keys, cell_labels = np.zeros(n, dtype=np.int64), [()], [()]
    m = len(cell_keys)
    valid = ~np.isnan(origin.values)
    sizes = np.bincount(codes, minlength=m).astype(np.int64)
    answers = np.zeros((m, k_st), dtype=np.int64)
    for j in range(k_st):
        answers[:, j] = np.bincount(codes, weights=valid[:, j], minlength=m).astype(np.int64)
    hidden: list[str | None] = [None] * m
    figure_hidden = np.zeros((m, k_st), dtype=bool)
    if pol.protected:  # the whole origin: the threshold is the only rule that applies
        k = pol.min_size
        hidden = ["small" if size < k else None for size in sizes]
        figure_hidden = (answers > 0) & (answers < k)
        figure_hidden[[h is not None for h in hidden]] = True
    return Plan(columns, cell_keys, cell_labels, np.asarray(codes, dtype=np.int64), sizes,
                answers, hidden, figure_hidden)  # fmt: skip


def _build_lattice(origin: ResponseSet, universe: tuple[str, ...], pol: DisclosurePolicy):
    """Suppression over every breakdown by every subset of ``universe``, jointly; returns a
    function giving the plan of one subset.

    Nodes are the cells of all breakdowns; nodes holding the same respondents are one *set*
    (publishing either publishes both). A set is hidden when it has fewer than k respondents,
    or by secondary suppression: in every shown set, split by any further column, the hidden
    parts are never one set alone nor fewer than k together, and a hidden set is never the sum
    of its shown parts (the part that adds the fewest further suppressions, then the smallest, is
    hidden too). The same holds per statement for answers, and hidden answers may not all sit at
    one end of the scale. The loop runs until nothing changes; then a linear audit looks for a
    small union of cells that the shown sets give by adding and subtracting, and hides more
    until there is none.
    """
    k = pol.min_size
    k_st = origin.values.shape[1]
    labels, keys = _labels_and_keys(origin, universe)
    column_codes, column_values = [], []
    for key in keys:  # each column's values as integer codes, in sorted order of the values
        codes, values = pd.factorize(key, sort=True)
        column_codes.append(codes)
        column_values.append(list(values))
    fine_rows, fine = np.unique(np.stack(column_codes, axis=1), axis=0, return_inverse=True)
    fine = np.asarray(fine, dtype=np.int64).ravel()
    first = np.unique(fine, return_index=True)[1]
    fine_labels = [tuple(lab.iat[int(i)] for lab in labels) for i in first]
    n_fine = len(fine_rows)
    valid = ~np.isnan(origin.values)
    fine_n = np.bincount(fine, minlength=n_fine).astype(np.int64)
    fine_answers = np.zeros((n_fine, k_st), dtype=np.int64)
    fine_min = np.full((n_fine, k_st), np.inf)
    fine_max = np.full((n_fine, k_st), -np.inf)
    for j in range(k_st):
        fine_answers[:, j] = np.bincount(fine, weights=valid[:, j], minlength=n_fine)
        ok = valid[:, j]
        np.minimum.at(fine_min[:, j], fine[ok], origin.values[ok, j])
        np.maximum.at(fine_max[:, j], fine[ok], origin.values[ok, j])

    # every breakdown (subset of the universe): its cells, and each cell's set. Cells holding the
    # same fine cells are one set: found by a random 64-bit sum over their fine cells
    subsets = [
        s for size in range(len(universe) + 1) for s in itertools.combinations(universe, size)
    ]
    weights = np.random.default_rng(20251130).integers(1, 2**62, size=n_fine, dtype=np.uint64)
    to_cell: dict[tuple, np.ndarray] = {}  # subset -> fine cell -> its cell there
    cell_keys: dict[tuple, list] = {}
    cell_labels: dict[tuple, list] = {}
    signatures: dict[tuple, np.ndarray] = {}
    for sub in subsets:
        pos = [universe.index(c) for c in sub]
        if pos:
            rows, codes = np.unique(fine_rows[:, pos], axis=0, return_inverse=True)
        else:
            rows, codes = np.zeros((1, 0), dtype=np.int64), np.zeros(n_fine, dtype=np.int64)
        codes = np.asarray(codes, dtype=np.int64).ravel()
        to_cell[sub] = codes
        cell_keys[sub] = [
            tuple(column_values[p][r] for p, r in zip(pos, row, strict=True)) for row in rows
        ]
        firsts = np.unique(codes, return_index=True)[1]
        cell_labels[sub] = [tuple(fine_labels[f][p] for p in pos) for f in firsts]
        signature = np.zeros(len(rows), dtype=np.uint64)
        np.add.at(signature, codes, weights)
        count = np.bincount(codes, minlength=len(rows)).astype(np.uint64)
        signatures[sub] = signature ^ (count * np.uint64(0x9E3779B97F4A7C15))
    everything = np.concatenate([signatures[sub] for sub in subsets])
    _, set_index = np.unique(everything, return_inverse=True)
    set_index = np.asarray(set_index, dtype=np.int64).ravel()
    n_sets = int(set_index.max()) + 1
    set_of: dict[tuple, np.ndarray] = {}  # subset -> cell -> set id
    start = 0
    for sub in subsets:
        m = len(signatures[sub])
        set_of[sub] = set_index[start : start + m]
        start += m
    size = np.zeros(n_sets, dtype=np.int64)
    answers = np.zeros((n_sets, k_st), dtype=np.int64)
    low = np.full((n_sets, k_st), np.inf)
    high = np.full((n_sets, k_st), -np.inf)
    for sub in subsets:  # (sets met twice get the same figures again)
        codes, ids = to_cell[sub], set_of[sub]
        m = len(ids)
        size[ids] = np.bincount(codes, weights=fine_n, minlength=m)
        per_cell = np.zeros((m, k_st), dtype=np.int64)
        np.add.at(per_cell, codes, fine_answers)
        answers[ids] = per_cell
        cell_low = np.full((m, k_st), np.inf)
        cell_high = np.full((m, k_st), -np.inf)
        np.minimum.at(cell_low, codes, fine_min)
        np.maximum.at(cell_high, codes, fine_max)
        low[ids], high[ids] = cell_low, cell_high
    rank = {}  # a deterministic order of sets for ties: by (breakdown size, cell key)
    for sub in subsets:
        for c, sid in enumerate(set_of[sub]):
            rank.setdefault(int(sid), (len(sub), sub, cell_keys[sub][c]))
    order_key = {sid: i for i, sid in enumerate(sorted(rank, key=lambda s: rank[s]))}

    # families: a set split by one more column: (parent set, child sets)
    families: list[tuple[int, np.ndarray]] = []
    for sub in subsets:
        for col in universe:
            if col in sub:
                continue
            finer = tuple(sorted((*sub, col)))
            pairs = np.unique(
                np.stack([to_cell[sub], set_of[finer][to_cell[finer]]], axis=1), axis=0
            )
            bounds = np.flatnonzero(np.diff(pairs[:, 0])) + 1
            for part in np.split(pairs, bounds):
                families.append((int(set_of[sub][part[0, 0]]), part[:, 1].copy()))
    of_child: dict[int, list[int]] = {}
    for i, (_, kids) in enumerate(families):
        for s in kids:
            of_child.setdefault(int(s), []).append(i)
    member_matrix = None
    if n_fine <= AUDIT_MAX_CELLS:  # fine cells of each set, for the audit
        member_matrix = np.zeros((n_sets, n_fine))
        for sub in subsets:
            member_matrix[set_of[sub][to_cell[sub]], np.arange(n_fine)] = 1.0

    hidden = np.array(["small" if s < k else "" for s in size], dtype=object)
    everyone = int(set_of[()][0])  # the whole file: published by every plain score, never hidden
    # (unless it is small itself); the other sets are hidden around it
    fig = (answers > 0) & (answers < k)
    fig[size < k] = True
    lo, hi = float(origin.model.scale.min), float(origin.model.scale.max)

    def new_singles(s: int, current: int) -> int:
        count = 0
        for i in of_child.get(s, []):
            p, kids = families[i]
            if i != current and not hidden[p] and not any(hidden[c] for c in kids if c != s):
                count += 1
        return count

    def settle() -> None:
        changed = True
        while changed:
            changed = False
            for i, (p, kids) in enumerate(families):
                if hidden[p]:  # a hidden set must not be the sum of its shown parts
                    if len(kids) > 1 and not any(hidden[c] for c in kids):
                        c = min(kids, key=lambda c: (new_singles(c, i), size[c], order_key[c]))
                        hidden[c], changed = "secondary", True
                        fig[c] = True
                    continue
                gone = [c for c in kids if hidden[c]]
                if gone and (len(gone) == 1 or size[gone].sum() < k):
                    shown = [c for c in kids if not hidden[c]]
                    shown = [c for c in shown if c != everyone]
                    if shown:
                        c = min(shown, key=lambda c: (new_singles(c, i), size[c], order_key[c]))
                        hidden[c], changed = "secondary", True
                        fig[c] = True
                # per statement: the same for answers, with the one-end rule
                contributes = answers[kids] > 0
                # a hidden figure must not be the sum of its parts' shown figures (with one part
                # answering, it is that part's figure)
                whole = fig[p] & contributes.any(axis=0) & ~(fig[kids] & contributes).any(0)
                for j in np.flatnonzero(whole):
                    free = [c for c in kids if answers[c, j] > 0]
                    c = min(free, key=lambda c: (answers[c, j], order_key[c]))
                    fig[c, j], changed = True, True
                off = (fig[kids] | np.array([bool(hidden[c]) for c in kids])[:, None]) & contributes
                n_off = off.sum(axis=0)
                if not n_off.any():
                    continue
                sum_off = np.where(off, answers[kids], 0).sum(axis=0)
                low_off = np.where(off, low[kids], np.inf).min(axis=0)
                high_off = np.where(off, high[kids], -np.inf).max(axis=0)
                unsafe = (
                    (n_off > 0)
                    & ~fig[p]
                    & ((n_off == 1) | (sum_off < k) | (high_off == lo) | (low_off == hi))
                )
                for j in np.flatnonzero(unsafe):
                    free = [
                        c for c in kids if not hidden[c] and not fig[c, j] and answers[c, j] > 0
                    ]
                    if free:
                        c = min(free, key=lambda c: (answers[c, j], order_key[c]))
                        fig[c, j], changed = True, True
                    elif p != everyone:
                        # every part that answered is hidden: the parent's figure is theirs
                        # together, so it is hidden too (the whole file's stays: it is what
                        # every plain score shows)
                        fig[p, j], changed = True, True

    def small_unions(weights: np.ndarray) -> list[np.ndarray]:
        """Unions of up to AUDIT_UNION_CELLS fine cells holding 1..k-1 of ``weights``
        (respondents or answers): the sets no combination of published sets may equal. Cells
        are taken smallest first, so a branch stops at the first cell that reaches k; at most
        AUDIT_STEPS steps and AUDIT_UNIONS unions."""
        small = sorted((f for f in range(n_fine) if 0 < weights[f] < k), key=lambda f: weights[f])
        out: list[np.ndarray] = []
        steps = 0
        stack = [(0, (), 0)]  # (next cell to add, cells so far, their total)
        while stack and len(out) < AUDIT_UNIONS and steps < AUDIT_STEPS:
            start, chosen, total = stack.pop()
            for i in range(start, len(small)):
                steps += 1
                t = total + int(weights[small[i]])
                if t >= k:
                    break  # the cells after this one are no smaller
                union = (*chosen, small[i])
                out.append(np.array(union))
                if len(union) < AUDIT_UNION_CELLS:
                    stack.append((i + 1, union, t))
        return out

    def derivable(rows: np.ndarray, unions: list[np.ndarray], cols: np.ndarray):
        """The published sets (of ``rows``) whose sum and difference give a union of
        ``unions`` exactly (restricted to the fine cells ``cols``), or None."""
        if not len(rows) or not unions:
            return None
        a = member_matrix[np.ix_(rows, cols)]
        _, sv, vt = np.linalg.svd(a, full_matrices=False)
        basis = vt[sv > 1e-9 * max(sv.max(), 1.0)]
        position = {int(f): i for i, f in enumerate(cols)}
        for union in unions:
            v = np.zeros(len(cols))
            v[[position[int(f)] for f in union]] = 1.0
            if np.linalg.norm(v - basis.T @ (basis @ v)) < 1e-7:
                weights = np.linalg.lstsq(a.T, v, rcond=None)[0]
                return [int(rows[i]) for i in np.flatnonzero(np.abs(weights) > 1e-7)]
        return None

    def audit() -> bool:
        """Hide one more set (or figure) if a small union follows from the published sets by
        linear differencing across all breakdowns; True when something was hidden. The set
        hidden is the smallest of those the differencing uses (never the whole file)."""
        if member_matrix is None:  # too many fine cells for the audit
            return False
        shown = np.array([s for s in range(n_sets) if not hidden[s]], dtype=np.int64)
        used = derivable(shown, small_unions(fine_n), np.arange(n_fine))
        if used is not None:
            c = min((s for s in used if s != everyone), key=lambda c: (size[c], order_key[c]))
            hidden[c] = "secondary"
            fig[c] = True
            return True
        for j in range(k_st):
            cols = np.flatnonzero(fine_answers[:, j] > 0)
            shown = np.array([s for s in range(n_sets) if not fig[s, j]], dtype=np.int64)
            used = derivable(shown, small_unions(fine_answers[:, j]), cols)
            if used is not None:
                choices = [s for s in used if s != everyone] or used
                c = min(choices, key=lambda c: (answers[c, j], order_key[c]))
                fig[c, j] = True
                return True
        return False

    settle()
    while audit():
        settle()

    def project(columns: tuple[str, ...]) -> Plan:
        ids = set_of[columns]
        cell_n = size[ids]
        return Plan(
            columns,
            cell_keys[columns],
            cell_labels[columns],
            to_cell[columns][fine],
            cell_n,
            answers[ids],
            [hidden[s] or None for s in ids],
            fig[ids] | np.array([bool(hidden[s]) for s in ids])[:, None],
        )

    return project


# ---- the cell a response set is -------------------------------------------------------------
@dataclass
class Cell:
    """What may be published about one set of responses."""

    policy: DisclosurePolicy
    figure_hidden: np.ndarray  # per statement
    description: str


def check(rs: ResponseSet, pol: DisclosurePolicy, lang: str = "sv") -> Cell:
    """The cell ``rs`` is, or a :class:`DisclosureError` when it may not be published.

    ``rs`` made by :meth:`ResponseSet.where` is a cell of the breakdown by its condition
    columns and follows that plan exactly. A subset cut by an arbitrary mask
    (:meth:`ResponseSet.subset`) needs ``k`` respondents and a complement of 0 or at least ``k``
    against each set it was cut from.
    """
    k_st = rs.values.shape[1]
    what = describe_conditions(rs.conditions, lang) if rs.conditions else text("responses", lang)
    if rs.source:  # which file: a command may read two
        from pathlib import Path

        name = Path(rs.source).name
        what = f"{name} ({what})" if rs.conditions else name
    if rs.n == 0:  # not a matter of anonymity: say why there is nobody (the reading notes)
        from .errors import InputError, Location

        why = joined((n for n in rs.notes if _key(n) != "read.columns_kept"), " ")
        raise InputError(
            Message("error.no_respondents_why", why=why)
            if why
            else Message("error.no_respondents"),
            Location(file=rs.source, sheet=rs.sheet),
            Message("error.expected.respondent_rows"),
        )
    if not pol.protected:
        return Cell(pol, np.zeros(k_st, dtype=bool), what)
    k = pol.min_size
    origin = _origin(rs)
    p = plan(origin, tuple(c for c, _ in rs.conditions), pol, lang)
    cols = p.columns
    key = tuple(normalize_token(dict(rs.conditions)[c]) for c in cols) if cols else ()
    # a column named twice with different values selects nobody: key lookup fails below
    conds: dict[str, set[str]] = {}
    for c, v in rs.conditions:
        conds.setdefault(c, set()).add(normalize_token(v))
    cell = p.cell(key) if all(len(v) == 1 for v in conds.values()) else None
    if (cell is None and rs.n) or (cell is not None and p.hidden[cell] is not None) or rs.n < k:
        raise DisclosureError(text("refused", lang, what=what, k=k), lang)
    hidden = p.figure_hidden[cell].copy() if cell is not None else np.zeros(k_st, dtype=bool)
    if rs.cut_from:
        rows = rs.origin_rows if rs.origin_rows is not None else np.arange(rs.n)
        counts = (~np.isnan(rs.values)).sum(axis=0)
        hidden |= (counts > 0) & (counts < k)
        for parent_rows, _ in rs.cut_from:  # each set it was cut from, minus it
            rest = len(parent_rows) - len(rows)
            if 0 < rest < k:
                raise DisclosureError(text("refused", lang, what=what, k=k), lang)
            rest_answers = (~np.isnan(origin.values[parent_rows])).sum(axis=0) - counts
            hidden |= (rest_answers > 0) & (rest_answers < k)
    return Cell(pol, hidden, what)


# ---- a breakdown of a response set ----------------------------------------------------------
@dataclass
class Breakdown:
    """The groups of ``rs`` by ``by`` columns, as its disclosure plan shows them."""

    total: Cell
    plan: Plan
    by: tuple[str, ...]
    cells: list[int]  # plan cells present in the set, in display order
    members: dict[int, np.ndarray]  # shown cell -> mask over the set's rows
    positions: tuple[int, ...]  # where the ``by`` columns are in ``plan.columns``

    def name(self, cell: int) -> str:
        return " / ".join(self.plan.labels[cell][i] for i in self.positions)

    def values(self, cell: int) -> dict[str, str]:
        return {self.plan.columns[i]: self.plan.labels[cell][i] for i in self.positions}

    def hidden(self, cell: int) -> bool:
        return self.plan.hidden[cell] is not None

    def n(self, cell: int) -> int:
        return int(self.plan.n[cell])

    def figure_hidden(self, cell: int) -> np.ndarray:
        return self.plan.figure_hidden[cell]

    def reason(self, cell: int, lang: str = "sv") -> str | None:
        return self.plan.reason(cell, lang, self.total.policy.min_size)

    @property
    def visible(self) -> list[int]:
        return [c for c in self.cells if not self.hidden(c)]


def breakdown(
    rs: ResponseSet, by: list[str] | tuple[str, ...], pol: DisclosurePolicy, lang: str = "sv"
) -> Breakdown:
    """The groups of ``rs`` by the attribute columns ``by`` (already spelt as in the file).

    The set itself must be publishable (else :class:`DisclosureError`). Its groups are the cells
    of the breakdown of the responses as read by the set's condition columns plus ``by``, so a
    group hidden here is hidden in every output.
    """
    import copy

    total = check(rs, pol, lang)
    if rs.cut_from:  # cut by an arbitrary mask: its own breakdown, checked as a whole above
        base = copy.copy(rs)
        base.__dict__.pop("_plans", None)
        base.origin, base.origin_rows, base.conditions, base.cut_from = None, None, (), ()
        conds: tuple[str, ...] = ()
        rows = np.arange(rs.n)
    else:
        base = _origin(rs)
        conds = tuple(dict.fromkeys(c for c, _ in rs.conditions))
        rows = rs.rows_in_origin()
    p = plan(base, (*conds, *by), pol, lang)
    columns = p.columns
    codes = p.codes[rows]
    order = np.argsort(codes, kind="stable")
    groups = np.split(order, np.flatnonzero(np.diff(codes[order])) + 1) if len(codes) else []
    rows_of = {int(codes[g[0]]): g for g in groups}
    present = list(rows_of)
    positions = tuple(columns.index(c) for c in dict.fromkeys(by))
    out = Breakdown(total, p, tuple(dict.fromkeys(by)), [], {}, positions)
    present.sort(key=lambda c: (MISSING_VALUE in p.labels[c], out.name(c)))
    out.cells = present
    for c in out.visible:  # masks for the cells that are scored
        mask = np.zeros(len(codes), dtype=bool)
        mask[rows_of[c]] = True
        out.members[c] = mask
    return out


# ---- publishing a set's figures --------------------------------------------------------------
def masked(rs: ResponseSet, hidden: np.ndarray) -> ResponseSet:
    """``rs`` with the answers to hidden statements blanked (values and don't-know alike), so the
    figures computed from it cannot give them back."""
    if not hidden.any():
        return rs
    import copy

    out = copy.copy(rs)
    out.__dict__.pop("_plans", None)
    out.values = rs.values.copy()
    out.dont_know = rs.dont_know.copy()
    out.values[:, hidden] = np.nan
    out.dont_know[:, hidden] = False
    return out


_MEAN_LIKE = ("mean", "sd", "alpha", "mean_before", "mean_after", "sd_before", "sd_after")


def _digits(name: str, pol: DisclosurePolicy) -> int:
    if name.endswith("_pp"):
        return 1
    if name in _MEAN_LIKE or name.startswith(("mean_", "sd_")) or name.endswith(("_mean", "_sd")):
        return pol.mean_digits
    return pol.score_digits


def _round_value(value: Any, name: str, pol: DisclosurePolicy) -> Any:
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return value
        return round(value, _digits(name, pol))
    if isinstance(value, BaseModel):
        round_figures(value, pol)
        return value
    if isinstance(value, dict):
        return {k: _round_value(v, str(k), pol) for k, v in value.items()}
    if isinstance(value, list):
        return [_round_value(v, name, pol) for v in value]
    return value


def round_figures(obj: Any, pol: DisclosurePolicy) -> Any:
    """Round every published figure in a result (in place for pydantic models; returns it).
    Means, standard deviations and alphas to ``mean_digits``, percentage points (``*_pp``) to
    0.1, everything else to ``score_digits``. Nothing is rounded when protection is off."""
    if not pol.protected:
        return obj
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            new = _round_value(value, name, pol)
            if new is not value or isinstance(value, float):
                object.__setattr__(obj, name, new)
        return obj
    return _round_value(obj, "", pol)


def hidden_note(ids: list[str], pol: DisclosurePolicy, lang: str = "sv") -> list[str]:
    """The note for statements not shown in a set (none when there are none)."""
    if not ids:
        return []
    return [
        text("note.hidden_statements", lang, count=len(ids), ids=", ".join(ids), k=pol.min_size)
    ]


def groups_note(names: list[str], pol: DisclosurePolicy, lang: str = "sv") -> list[str]:
    """The note naming hidden groups (twelve names at most; none when none is hidden)."""
    if not names:
        return []
    listed = ", ".join(names[:12]) + (" …" if len(names) > 12 else "")
    return [text("note.groups_hidden", lang, count=len(names), k=pol.min_size, names=listed)]


def notes_for(pol: DisclosurePolicy, lang: str = "sv") -> list[str]:
    """Notes every output carries for this policy (the opt-out notice when protection is off)."""
    return [] if pol.protected else [text("note.off", lang)]


def policy_of(result: Any, lang: str = "sv") -> DisclosurePolicy:
    """The policy a result was published under (its ``disclosure`` record), else the current
    default policy."""
    info = getattr(result, "disclosure", None)
    if info is not None:
        return DisclosurePolicy(min_size=info.min_size)
    return policy(None, lang)


def finish(
    result: Any, pol: DisclosurePolicy, lang: str = "sv", notes: list[str | Message] = ()
) -> Any:
    """The last step of every analysis (after pingouin's ``_postprocess_dataframe``): the
    source's notes first, in the result's language, the opt-out notice when protection is off,
    figures rounded."""
    if hasattr(result, "notes"):
        merged = words([*notes, *result.notes, *notes_for(pol, lang)], lang)
        result.notes = list(dict.fromkeys(merged))
    return round_figures(result, pol)


class Disclosure(BaseModel):
    """What the policy did to a result (``result.disclosure``)."""

    min_size: int
    protected: bool
    hidden_statements: list[str] = Field(default_factory=list)
    spread_min: int | None = None


__all__ = [
    "Breakdown",
    "Cell",
    "Disclosure",
    "DisclosureError",
    "DisclosurePolicy",
    "Plan",
    "breakdown",
    "check",
    "finish",
    "groups_note",
    "hidden_note",
    "masked",
    "notes_for",
    "plan",
    "policy",
    "policy_of",
    "round_figures",
    "text",
    "value_key",
    "value_label",
]
