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
from pydantic import BaseModel, ConfigDict, Field

from .errors import MognadError
from .schema import normalize_token
from .settings import setting

if TYPE_CHECKING:
    from .responses import ResponseSet

DEFAULT_MIN_SIZE = 5
#: the smallest protecting threshold; 1 (and only 1) turns protection off
SMALLEST_PROTECTING = 3
MISSING_VALUE = "(saknas)"

# ---- texts -----------------------------------------------------------------------------------
TEXTS: dict[str, tuple[str, str]] = {
    "reason.small": ("färre än {k} svarande", "fewer than {k} respondents"),
    "reason.complement": (
        "dold: annars kunde en grupp med färre än {k} svarande räknas fram ({parent} minus den "
        "här gruppen)",
        "hidden: otherwise a group of fewer than {k} respondents could be derived ({parent} minus "
        "this group)",
    ),
    "reason.secondary": (
        "dold så att en mindre grupp inte kan räknas fram ur totalen",
        "hidden so that a smaller group cannot be derived from the total",
    ),
    "reason.parent": ("dold eftersom {parent} är dold", "hidden because {parent} is hidden"),
    "refused": (
        "Resultat för {what} visas inte: {reason}. Resultat visas bara för grupper med minst {k} "
        "svarande där ingen mindre grupp kan räknas fram (--min-size, MOGNAD_MIN_SIZE).",
        "No results for {what}: {reason}. Results are shown only for sets of at least {k} "
        "respondents from which no smaller group can be derived (--min-size, MOGNAD_MIN_SIZE).",
    ),
    "refused.cut": (
        "resten av {parent} skulle ha färre än {k} svarande",
        "the rest of {parent} would have fewer than {k} respondents",
    ),
    "everyone": ("hela filen", "the whole file"),
    "any_value": (" (oavsett {columns})", " (any {columns})"),
    "responses": ("svaren", "the responses"),
    "note.hidden_statements": (
        "{count} påstående(n) visas inte ({ids}): färre än {k} svar i gruppen, eller dolda så att "
        "en mindre grupp inte kan räknas fram. De ingår inte i dimensionernas och totalens värden "
        "här.",
        "{count} statement(s) not shown ({ids}): fewer than {k} answers in this set, or hidden so "
        "that a smaller group cannot be derived. They are left out of the dimension and overall "
        "figures here.",
    ),
    "note.spread": (
        "Spridningsmått (standardavvikelse, konfidensintervall) visas bara för minst {k2} svar.",
        "Spread figures (standard deviation, confidence interval) are shown only for at least "
        "{k2} answers.",
    ),
    "note.off": (
        "Anonymitetsskydd avstängt (--min-size 1): små grupper och enskilda svar kan synas. Dela "
        "inte detta resultat utanför den som äger svarsdata.",
        "Anonymity protection off (--min-size 1): small groups and single answers may show. Do "
        "not share this result beyond the data holder.",
    ),
    "hidden_size": ("< {k}", "< {k}"),
    "note.groups_hidden": (
        "{count} grupp(er) visas inte (minsta gruppstorlek {k}): {names}.",
        "{count} group(s) suppressed (minimum group size {k}): {names}.",
    ),
    "reason.hidden_statement": (
        "visas inte: färre än {k} svar, eller dold så att en mindre grupp inte kan räknas fram",
        "not shown: fewer than {k} answers, or hidden so that a smaller group cannot be derived",
    ),
    "note.not_ranked_hidden": (
        "Inte rangordnade, visas inte av anonymitetsskäl: {ids}.",
        "Not ranked, not shown for anonymity: {ids}.",
    ),
    "note.few_groups": (
        "Färre än två grupper visas: ingen jämförelse mellan grupper.",
        "Fewer than two visible groups: no comparison between groups.",
    ),
    "bad_min_size": (
        "Minsta gruppstorlek {value!r} (från {source}) går inte att använda: ange ett heltal från "
        "{floor} och uppåt, eller 1 för att stänga av anonymitetsskyddet.",
        "The minimum group size {value!r} (from {source}) cannot be used: give a whole number of "
        "at least {floor}, or 1 to turn the anonymity protection off.",
    ),
}


def text(key: str, lang: str = "sv", **values: Any) -> str:
    """A disclosure text in Swedish (default) or English."""
    sv, en = TEXTS[key]
    return (en if lang == "en" else sv).format(**values)


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
        raise MognadError(
            text("bad_min_size", lang, value=value, source=source, floor=SMALLEST_PROTECTING)
        )
    return DisclosurePolicy(min_size=k)


# ---- values of attribute columns -------------------------------------------------------------
def value_label(value: Any) -> str:
    """A cell of an attribute column as people read it: ``2025`` (not ``2025.0``), and
    ``(saknas)`` for a blank cell."""
    if value is None or (isinstance(value, float) and value != value) or str(value).strip() == "":
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
@dataclass
class Plan:
    """Which cells of the breakdown of ``origin`` by ``columns`` are shown, and which of their
    statement figures. Cells are numbered; ``codes`` gives each origin row's cell."""

    columns: tuple[str, ...]
    keys: list[tuple[str, ...]]
    labels: list[tuple[str, ...]]
    codes: np.ndarray
    n: np.ndarray
    answers: np.ndarray  # (cells, statements) valid answers
    hidden: list[str | None]  # None (shown) or small / complement / secondary / parent
    #: for complement/parent: the parent's conditions and the columns it does not split by
    hidden_parent: list[tuple[list, tuple] | None]
    figure_hidden: np.ndarray  # (cells, statements)

    def cell(self, key: tuple[str, ...]) -> int | None:
        try:
            return self.keys.index(key)
        except ValueError:
            return None

    def reason(self, cell: int, lang: str = "sv", k: int = DEFAULT_MIN_SIZE) -> str | None:
        why = self.hidden[cell]
        if why is None:
            return None
        conditions, dropped = self.hidden_parent[cell] or ([], ())
        parent = describe_conditions(conditions, lang)
        if conditions and dropped:
            parent += text("any_value", lang, columns=", ".join(dropped))
        return text(f"reason.{why}", lang, k=k, parent=parent)


def _origin(rs: ResponseSet) -> ResponseSet:
    return rs.origin if rs.origin is not None else rs


def _cache(origin: ResponseSet) -> dict:
    cache = getattr(origin, "_plans", None)
    if cache is None:
        cache = {}
        object.__setattr__(origin, "_plans", cache)
    return cache


def plan(origin: ResponseSet, columns: tuple[str, ...], pol: DisclosurePolicy) -> Plan:
    """The plan of the breakdown of ``origin`` (the responses as read) by ``columns``; computed
    once per origin, columns and policy."""
    key = (tuple(columns), pol.min_size)
    cache = _cache(origin)
    if key not in cache:
        cache[key] = _build_plan(origin, tuple(columns), pol)
    return cache[key]


def _cell_codes(origin: ResponseSet, columns: tuple[str, ...]):
    n = origin.n
    if not columns:
        return np.zeros(n, dtype=np.int64), [()], [()]
    labels = [origin.attributes[c].map(value_label) for c in columns]
    keys = [lab.map(normalize_token) for lab in labels]
    combo = pd.MultiIndex.from_arrays([k.to_numpy() for k in keys]) if n else None
    if combo is None:
        return np.zeros(0, dtype=np.int64), [], []
    codes, uniques = pd.factorize(combo, sort=True)
    _, first = np.unique(codes, return_index=True)
    cell_keys = [tuple(u) for u in uniques]
    cell_labels = [tuple(lab.iat[int(first[c])] for lab in labels) for c in range(len(uniques))]
    return codes.astype(np.int64), cell_keys, cell_labels


def _one_end(values: np.ndarray, lo: float, hi: float) -> bool:
    vals = values[~np.isnan(values)]
    return bool(vals.size) and (bool(np.all(vals == lo)) or bool(np.all(vals == hi)))


def _build_plan(origin: ResponseSet, columns: tuple[str, ...], pol: DisclosurePolicy) -> Plan:
    codes, keys, labels = _cell_codes(origin, columns)
    m = len(keys)
    k_st = origin.values.shape[1]
    valid = ~np.isnan(origin.values)
    n = np.bincount(codes, minlength=m).astype(np.int64)
    if m == 1:
        answers = np.count_nonzero(valid, axis=0).astype(np.int64)[None, :]
    else:
        answers = np.zeros((m, k_st), dtype=np.int64)
        for j in range(k_st):
            answers[:, j] = np.bincount(codes, weights=valid[:, j], minlength=m).astype(np.int64)
    hidden: list[str | None] = [None] * m
    hidden_parent: list[tuple[list, tuple] | None] = [None] * m
    figure_hidden = np.zeros((m, k_st), dtype=bool)
    result = Plan(columns, keys, labels, codes, n, answers, hidden, hidden_parent, figure_hidden)
    if not pol.protected or m == 0:
        return result
    k = pol.min_size
    for c in range(m):
        if n[c] < k:
            hidden[c] = "small"
    figure_hidden |= (answers > 0) & (answers < k)
    # the coarser breakdowns: every proper subset of the columns, the whole origin first
    _, first_row = np.unique(codes, return_index=True)
    parents: list[tuple[Plan, np.ndarray]] = []
    for size in range(len(columns)):
        for sub in itertools.combinations(columns, size):
            coarse = plan(origin, sub, pol)
            index = coarse.codes[first_row]
            parents.append((coarse, index))
            for c in range(m):
                p = index[c]
                dropped = tuple(col for col in columns if col not in sub)
                where = (list(zip(coarse.columns, coarse.labels[p], strict=True)), dropped)
                if coarse.hidden[p] is not None:
                    if hidden[c] is None:
                        hidden[c], hidden_parent[c] = "parent", where
                elif 0 < coarse.n[p] - n[c] < k and hidden[c] is None:
                    hidden[c], hidden_parent[c] = "complement", where
                figure_hidden[c] |= coarse.figure_hidden[p]
    lo, hi = float(origin.model.scale.min), float(origin.model.scale.max)
    values = origin.values
    order = np.argsort(codes, kind="stable")
    members = np.split(order, np.flatnonzero(np.diff(codes[order])) + 1)  # rows per cell
    # each coarser set's cells, per family: {parent cell: its cells here}
    families: list[dict[int, np.ndarray]] = []
    for _, index in parents:
        order = np.argsort(index, kind="stable")
        bounds = np.flatnonzero(np.diff(index[order])) + 1
        families.append({int(index[g[0]]): g for g in np.split(order, bounds) if g.size})

    def new_singles(cell: int, current: int) -> int:
        """Shown parents (other than family ``current``) in which hiding ``cell`` would leave
        a single hidden child: each would need one more cell hidden."""
        count = 0
        for f, (coarse, index) in enumerate(parents):
            p = index[cell]
            if f == current or coarse.hidden[p] is not None:
                continue
            if not any(hidden[c] is not None for c in families[f][p] if c != cell):
                count += 1
        return count

    changed = True
    while changed:
        changed = False
        for f, (coarse, _) in enumerate(parents):
            for p, children in families[f].items():
                if coarse.hidden[p] is not None:
                    continue
                gone = [c for c in children if hidden[c] is not None]
                if gone and (len(gone) == 1 or n[gone].sum() < k):
                    shown = [c for c in children if hidden[c] is None]
                    if shown:  # the cell that adds the fewest further suppressions, then smallest
                        c = min(shown, key=lambda c: (new_singles(c, f), n[c], keys[c]))
                        hidden[c] = "secondary"
                        changed = True
                for j in range(k_st):
                    if coarse.figure_hidden[p, j]:
                        continue
                    off = [
                        c
                        for c in children
                        if answers[c, j] > 0 and (hidden[c] is not None or figure_hidden[c, j])
                    ]
                    if not off:
                        continue
                    rows = np.concatenate([members[c] for c in off])
                    unsafe = (
                        len(off) == 1
                        or answers[off, j].sum() < k
                        or _one_end(values[rows, j], lo, hi)
                    )
                    if not unsafe:
                        continue
                    shown = [
                        c
                        for c in children
                        if hidden[c] is None and not figure_hidden[c, j] and answers[c, j] > 0
                    ]
                    if shown:  # (with none left, the parent's own figure is all of them)
                        c = min(shown, key=lambda c: (answers[c, j], keys[c]))
                        figure_hidden[c, j] = True
                        changed = True
    for c in range(m):
        if hidden[c] is not None:
            figure_hidden[c] = True
    return result


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
    if rs.n == 0:  # not a matter of anonymity: say why there is nobody (the reading notes)
        from .errors import InputError, Location

        why = " ".join(n for n in rs.notes if not n.startswith("Columns kept as"))
        raise InputError(
            "there are no respondents" + (f": {why}" if why else ""),
            Location(file=rs.source, sheet=rs.sheet),
            "rows with at least one answer to a statement (a number on the scale or vet ej)",
        )
    if not pol.protected:
        return Cell(pol, np.zeros(k_st, dtype=bool), what)
    k = pol.min_size
    origin = _origin(rs)
    cols = tuple(dict.fromkeys(c for c, _ in rs.conditions))
    p = plan(origin, cols, pol)
    key = tuple(normalize_token(dict(rs.conditions)[c]) for c in cols) if cols else ()
    # a column named twice with different values selects nobody: key lookup fails below
    conds: dict[str, set[str]] = {}
    for c, v in rs.conditions:
        conds.setdefault(c, set()).add(normalize_token(v))
    cell = p.cell(key) if all(len(v) == 1 for v in conds.values()) else None
    if cell is None and rs.n:
        raise DisclosureError(
            text("refused", lang, what=what, reason=text("reason.small", lang, k=k), k=k), lang
        )
    if cell is not None and p.hidden[cell] is not None:
        raise DisclosureError(
            text("refused", lang, what=what, reason=p.reason(cell, lang, k), k=k), lang
        )
    if rs.n < k:
        raise DisclosureError(
            text("refused", lang, what=what, reason=text("reason.small", lang, k=k), k=k), lang
        )
    hidden = p.figure_hidden[cell].copy() if cell is not None else np.zeros(k_st, dtype=bool)
    if rs.cut_from:
        rows = rs.origin_rows if rs.origin_rows is not None else np.arange(rs.n)
        for parent_rows, parent_what in rs.cut_from:
            rest = len(parent_rows) - len(rows)
            if 0 < rest < k:
                reason = text("refused.cut", lang, parent=parent_what or what, k=k)
                raise DisclosureError(text("refused", lang, what=what, reason=reason, k=k), lang)
        valid = ~np.isnan(rs.values)
        counts = valid.sum(axis=0)
        hidden |= (counts > 0) & (counts < k)
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

    def small(self, cell: int) -> bool:
        return self.plan.hidden[cell] == "small"

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
        rows = rs._rows()
    columns = conds + tuple(c for c in dict.fromkeys(by) if c not in conds)
    p = plan(base, columns, pol)
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


def finish(result: Any, pol: DisclosurePolicy, lang: str = "sv", notes: list[str] = ()) -> Any:
    """The last step of every analysis (after pingouin's ``_postprocess_dataframe``): the
    source's notes first, the opt-out notice when protection is off, figures rounded."""
    if hasattr(result, "notes"):
        merged = [*notes, *result.notes, *notes_for(pol, lang)]
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
