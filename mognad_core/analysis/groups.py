"""Results per group (förvaltning, role or any attribute column) with anonymity protection.

Rules (``min_size`` defaults to 5 and can never be set below 3):

1. A group with fewer than ``min_size`` respondents is *suppressed*: none of its figures (nor its
   exact size) are in the result.
2. Complementary suppression: when exactly one group is suppressed, the next-smallest group is
   suppressed too, so the suppressed group's scores cannot be derived from the total and the other
   groups (for a statement, the total is the n-weighted mean of the groups' scores).
3. Safety check: with two or more suppressed groups, the total still tells the suppressed groups'
   *combined* answers. If, on some statement, a small group's value would follow from that alone
   (it is the only suppressed group with answers to the statement, or every suppressed answer is at
   the lowest or highest step of the scale), the next-smallest visible group is suppressed as well,
   until no small group's value can be pinned down. If that happens with every group suppressed,
   the total of that statement (and of the dimensions above it, and the overall score) is withheld
   too (``GroupRow.total_hidden``).
4. Respondents with no value in a ``by`` column form their own group, "(saknas)", under the same
   rules (otherwise they would be the difference between the total and the groups).

The protection covers one table. Tables with different ``by`` columns (or filtered subsets) of the
same data can be combined to uncover a group ("differencing"); publish only what is needed.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from ..errors import InputError, Location, MognadError
from ..responses import ResponseSet
from ..schema import normalize_token
from ..scoring import score_responses
from ._common import AnalysisResult, as_responses, none

MIN_SIZE_FLOOR = 3
MISSING_GROUP = "(saknas)"


class GroupInfo(BaseModel):
    """One group: its name and size, or why it is suppressed (then ``n`` is None)."""

    name: str
    values: dict[str, str] = Field(default_factory=dict, description="by column -> value")
    n: int | None = None
    suppressed: bool = False
    reason: str | None = None


class GroupRow(BaseModel):
    """One part: the total and each visible group's score (suppressed groups are absent)."""

    id: str
    label: str
    kind: Literal["overall", "dimension", "category", "statement"]
    parent: str | None = None
    total: float | None = None
    total_hidden: bool = Field(False, description="the total is withheld (anonymity)")
    values: dict[str, float | None] = Field(default_factory=dict)


class Disagreement(BaseModel):
    """Where the visible groups differ most: highest minus lowest group score."""

    id: str
    label: str
    kind: str
    spread: float
    low_group: str
    low: float
    high_group: str
    high: float


class GroupResult(AnalysisResult):
    """Result of :func:`groups`."""

    model: str
    by: list[str]
    min_size: int
    n_total: int
    groups: list[GroupInfo]
    rows: list[GroupRow]
    disagreements: list[Disagreement] = Field(
        default_factory=list,
        description="the top dimensions/categories, then the top statements, by spread",
    )
    notes: list[str] = Field(default_factory=list)

    @property
    def suppressed(self) -> list[str]:
        return [g.name for g in self.groups if g.suppressed]

    @property
    def visible(self) -> list[str]:
        return [g.name for g in self.groups if not g.suppressed]

    def frame(self, kind: str = "dimension") -> pd.DataFrame:
        """Side by side: one row per part ("dimension": overall, dimensions and categories;
        "statement"; or "all"), columns label, total, then one per group. Suppressed groups'
        columns are empty (NaN); ``frame.attrs["suppressed"]`` names them."""
        kind = kind.lower().rstrip("s")
        kinds = {
            "dimension": {"overall", "dimension", "category"},
            "statement": {"statement"},
            "all": {"overall", "dimension", "category", "statement"},
        }.get(kind)
        if kinds is None:
            raise MognadError(f"kind {kind!r} is not one of: dimension, statement, all.")
        records = []
        for r in self.rows:
            if r.kind not in kinds:
                continue
            rec: dict[str, Any] = {"id": r.id, "label": r.label, "kind": r.kind, "total": r.total}
            for g in self.groups:
                rec[g.name] = np.nan if g.suppressed else r.values.get(g.name)
            records.append(rec)
        frame = pd.DataFrame(records).set_index("id")
        frame.attrs["suppressed"] = self.suppressed
        return frame

    def sizes_frame(self) -> pd.DataFrame:
        """One row per group: n (None when suppressed), suppressed, reason."""
        return pd.DataFrame([g.model_dump() for g in self.groups]).set_index("name")


def _resolve_columns(rs: ResponseSet, by: str | list[str]) -> list[str]:
    names = [by] if isinstance(by, str) else list(by)
    if not names:
        raise MognadError("groups needs at least one column to group by (for example förvaltning).")
    cols = list(rs.attributes.columns)
    folded = {normalize_token(c): c for c in cols}
    out = []
    for name in names:
        found = folded.get(normalize_token(name))
        if found is None:
            raise InputError(
                f'there is no column "{name}" to group by',
                Location(file=rs.source, sheet=rs.sheet),
                f"one of the attribute columns: {', '.join(cols) or 'none'}",
            )
        out.append(found)
    return out


def _value_label(v: Any) -> str:
    if v is None or (isinstance(v, float) and v != v) or str(v).strip() == "":
        return MISSING_GROUP
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _unsafe(
    rs: ResponseSet, member: dict[str, np.ndarray], suppressed: list[str], primary: set[str]
) -> list[str]:
    """Statements on which a small group's value follows from the suppressed groups' total."""
    out: list[str] = []
    if not suppressed:
        return out
    lo, hi = float(rs.model.scale.min), float(rs.model.scale.max)
    valid = ~np.isnan(rs.values)
    answered = {g: valid[member[g]].sum(axis=0) for g in suppressed}  # per statement
    combined = np.zeros(rs.n, dtype=bool)
    for g in suppressed:
        combined |= member[g]
    vals = rs.values[combined]
    for j in range(rs.values.shape[1]):
        contributors = [g for g in suppressed if answered[g][j] > 0]
        if not any(g in primary for g in contributors):
            continue
        col = vals[:, j]
        col = col[~np.isnan(col)]
        if len(contributors) == 1 or np.all(col == lo) or np.all(col == hi):
            out.append(rs.model.statement_ids[j])
    return out


def groups(
    responses: Any,
    by: str | list[str],
    *,
    min_size: int = 5,
    model: Any = None,
    lang: str = "sv",
    top: int = 5,
) -> GroupResult:
    """Scores per group side by side, with small groups suppressed (see the module docstring).

    ``responses`` is a ResponseSet, DataFrame or response-file path; ``by`` one attribute column
    or several (their combinations form the groups). ``top`` disagreements are reported.
    """
    if isinstance(min_size, bool) or int(min_size) != min_size:
        raise MognadError(f"min_size must be a whole number (got {min_size!r}).")
    min_size = int(min_size)
    if min_size < MIN_SIZE_FLOOR:
        raise MognadError(
            f"min_size {min_size} is too small: groups of fewer than {MIN_SIZE_FLOOR} respondents "
            f"are never shown (anonymity). Use {MIN_SIZE_FLOOR} or more."
        )
    rs = as_responses(responses, model)
    m = rs.model
    cols = _resolve_columns(rs, by)
    labels = rs.attributes[cols].map(_value_label) if rs.n else rs.attributes[cols]
    combos = [tuple(row) for row in labels.itertuples(index=False)]
    keys = pd.Series([" / ".join(c) for c in combos], dtype=object)
    parts_of = dict(zip(keys, combos, strict=True))
    names = sorted(dict.fromkeys(keys), key=lambda k: (MISSING_GROUP in parts_of[k], k))
    member = {g: (keys == g).to_numpy() for g in names}
    size = {g: int(member[g].sum()) for g in names}
    primary = {g for g in names if size[g] < min_size}
    suppressed = [g for g in names if g in primary]
    reason = {g: f"fewer than {min_size} respondents" for g in suppressed}
    notes: list[str] = []

    def next_smallest() -> str | None:
        visible = [g for g in names if g not in suppressed]
        if not visible:
            return None
        return min(visible, key=lambda g: (size[g], g))

    if len(suppressed) == 1:
        extra = next_smallest()
        if extra is not None:
            suppressed.append(extra)
            reason[extra] = "hidden so that a smaller group cannot be derived from the total"
    unsafe = _unsafe(rs, member, suppressed, primary)
    while unsafe:
        extra = next_smallest()
        if extra is None:
            break
        unsafe = _unsafe(rs, member, [*suppressed, extra], primary)
        suppressed.append(extra)
        reason[extra] = "hidden so that a smaller group cannot be derived from the total"
    hidden_totals: set[str] = set()
    if unsafe:  # every group is suppressed and the total alone still gives a small group away
        for sid in unsafe:
            hidden_totals.add(sid)
            node = m.statement(sid).dimension
            while node is not None:
                hidden_totals.add(node)
                node = m.dimension(node).parent
        hidden_totals.add("overall")
        notes.append(
            f"The total is not shown for {', '.join(unsafe)} (and the parts above them): the "
            "answers there come from one small group only, or all sit at one end of the scale, "
            "so the total would reveal a small group's answers."
        )
    if rs.n < min_size:  # the whole table is a small group: its total would reveal it
        hidden_totals.update(["overall", *m.statement_ids, *(d.id for d in m.all_dimensions())])
        notes.append(
            f"Only {rs.n} respondent(s) in all: fewer than the minimum group size {min_size}, "
            "so no total is shown."
        )
    infos = []
    for g in names:
        hidden = g in suppressed
        infos.append(
            GroupInfo(
                name=g,
                values=dict(zip(cols, parts_of[g], strict=True)),
                n=None if hidden else size[g],
                suppressed=hidden,
                reason=reason.get(g),
            )
        )
    total = score_responses(rs, insights=False)
    scored = {
        g: score_responses(rs.subset(member[g]), insights=False)
        for g in names
        if g not in suppressed
    }

    def row(pid: str, kind: str, label: str, parent: str | None, get) -> GroupRow:
        return GroupRow(
            id=pid,
            label=label,
            kind=kind,  # type: ignore[arg-type]
            parent=parent,
            total=None if pid in hidden_totals else get(total),
            total_hidden=pid in hidden_totals,
            values={g: get(r) for g, r in scored.items()},
        )

    rows = [
        row(
            "overall",
            "overall",
            "Totalt" if lang == "sv" else "Overall",
            None,
            lambda r: none(r.overall),
        )
    ]
    for depth, d in m.iter_tree():
        rows.append(
            row(
                d.id,
                "dimension" if depth == 0 else "category",
                d.name(lang),
                d.parent,
                lambda r, i=d.id: none(r.dimensions[i].score),
            )
        )
    for s in m.statements:
        rows.append(
            row(
                s.id,
                "statement",
                s.label(lang),
                s.dimension,
                lambda r, i=s.id: none(r.statements[i].score),
            )
        )
    dis = []
    for r in rows:
        vals = {g: v for g, v in r.values.items() if v is not None}
        if len(vals) < 2:
            continue
        lo_g = min(vals, key=lambda g: (vals[g], g))
        hi_g = max(vals, key=lambda g: (vals[g], g))
        dis.append(
            Disagreement(
                id=r.id,
                label=r.label,
                kind=r.kind,
                spread=vals[hi_g] - vals[lo_g],
                low_group=lo_g,
                low=vals[lo_g],
                high_group=hi_g,
                high=vals[hi_g],
            )
        )
    dis.sort(key=lambda d: -d.spread)
    keep = max(int(top), 0)
    dis = [d for d in dis if d.kind != "statement"][:keep] + [
        d for d in dis if d.kind == "statement"
    ][:keep]
    if suppressed:
        notes.append(
            f"{len(suppressed)} group(s) suppressed (minimum group size {min_size}): "
            f"{', '.join(suppressed)}."
        )
    if len(scored) < 2:
        notes.append("Fewer than two visible groups: no comparison between groups.")
    return GroupResult(
        model=m.name,
        by=cols,
        min_size=min_size,
        n_total=rs.n,
        groups=infos,
        rows=rows,
        disagreements=dis,
        notes=notes,
    )
