"""Results per group (förvaltning, role or any attribute column), with anonymity protection.

Which groups and which of their figures are shown is decided by the disclosure policy
(:mod:`mognad_core.disclosure`, docs/anonymity.md), the same for every output: a group needs
``min_size`` respondents (default 5) and a statement figure ``min_size`` answers; a group whose
removal from a coarser group (the whole file, its förvaltning, all waves) would leave fewer than
``min_size`` is hidden; within every shown total, hidden groups are never alone nor together
fewer than ``min_size`` (the next-smallest group is hidden too), so no hidden group follows from
the total minus the shown groups. Sizes of hidden groups are not shown. Respondents with no value
in a ``by`` column form their own group, "(saknas)", under the same rules.

The protection covers every output made with the same policy: ``score --where`` on a group
hidden here is refused. What it cannot cover (several outputs made with different minimum sizes,
or data filtered before it reaches mognad) is in docs/anonymity.md.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from .. import disclosure, texts
from ..errors import MognadError
from ..responses import ResponseSet
from ..scoring import publish_score
from ._common import AnalysisResult, none

MIN_SIZE_FLOOR = disclosure.SMALLEST_PROTECTING
MISSING_GROUP = disclosure.MISSING_VALUE


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
        raise MognadError(texts.Message("error.groups_by"))
    return [rs.column(name, texts.Message("error.purpose.group_by")) for name in names]


def groups(
    responses: Any,
    by: str | list[str],
    *,
    min_size: Any = None,
    model: Any = None,
    lang: str = "sv",
    top: int = 5,
) -> GroupResult:
    """Scores per group side by side, with small groups suppressed (see the module docstring).

    ``responses`` is a ResponseSet, DataFrame or response-file path; ``by`` one attribute column
    or several (their combinations form the groups). ``top`` disagreements are reported.
    ``min_size``: the anonymity threshold (default from the settings, 5; 1 turns it off).
    """
    lang = texts.check_lang(lang)  # "EN" is English for the model's own labels too
    pol = disclosure.policy(min_size, lang)
    rs = ResponseSet.from_any(responses, model)
    m = rs.model
    cols = _resolve_columns(rs, by)
    split = disclosure.breakdown(rs, cols, pol, lang)
    notes: list[str] = []
    infos = []
    scored = {}
    for c in split.cells:
        name = split.name(c)
        hidden = split.hidden(c)
        infos.append(
            GroupInfo(
                name=name,
                values=split.values(c),
                n=None if hidden else split.n(c),
                suppressed=hidden,
                reason=split.reason(c, lang),
            )
        )
        if not hidden:
            scored[name] = publish_score(
                rs.subset(split.members[c]), split.figure_hidden(c), pol, insights=False
            )
    total_hidden = split.total.figure_hidden
    total = publish_score(rs, total_hidden, pol, insights=False)
    hidden_ids = {sid for sid, h in zip(m.statement_ids, total_hidden, strict=True) if h}

    def row(pid: str, kind: str, label: str, parent: str | None, get) -> GroupRow:
        value = get(total)
        return GroupRow(
            id=pid,
            label=label,
            kind=kind,  # type: ignore[arg-type]
            parent=parent,
            total=value,
            total_hidden=pid in hidden_ids,
            values={g: get(r) for g, r in scored.items()},
        )

    rows = [
        row(
            "overall",
            "overall",
            texts.text("part.overall", lang),
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
    notes.extend(disclosure.groups_note([g.name for g in infos if g.suppressed], pol, lang))
    if len(scored) < 2:
        notes.append(texts.text("note.few_groups", lang))
    notes.extend(disclosure.hidden_note([s for s in m.statement_ids if s in hidden_ids], pol, lang))
    result = GroupResult(
        model=m.name,
        by=cols,
        min_size=pol.min_size,
        n_total=rs.n,
        groups=infos,
        rows=rows,
        disagreements=dis,
        notes=notes,
    )
    pooled = rs.pooled_waves()  # grouped by the wave column, each wave is its own group
    notes = rs.notes if pooled is not None and pooled.column in cols else rs.result_notes()
    return disclosure.finish(result, pol, lang, notes)
