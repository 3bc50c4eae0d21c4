"""Gap analysis: each part's score against a target, largest shortfall first.

``gap = score - target`` on the 0-1 scale (negative = below target). A target is anything
:func:`mognad_core.targets.parse_target` accepts: a number, a benchmark name, a level name, or a
per-dimension profile (mapping, ``"dim=value,..."`` text or a file). A category or statement
without a target of its own inherits its nearest parent dimension's target. A benchmark that only
publishes an overall figure (as the DiMiOS national averages do) gives a gap for the overall score
only; pass the figure as a number (``0.48``) to compare every part with it. When a profile gives
every top-level dimension a target, the overall target is their weighted mean (the way the overall
score is computed; ``overall.target_from == "dimensions"``).
"""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, Field

from .. import disclosure, texts
from ..cells import is_blank
from ..errors import MognadError
from ..results import ScoreResult
from ..schema import MaturityModel
from ..targets import Target, default_target, parse_target
from ._common import AnalysisResult, ancestors, check_level, none, parts, scored_model


class GapRow(BaseModel):
    """One part's score, target and gap (all on the 0-1 scale)."""

    id: str
    label: str
    kind: Literal["overall", "dimension", "category", "statement"]
    parent: str | None = None
    score: float | None = None
    target: float | None = None
    gap: float | None = Field(None, description="score - target; negative = below target")
    met: bool | None = Field(None, description="score >= target")
    target_from: str | None = Field(None, description="part whose target was used (inherited)")


class GapResult(AnalysisResult):
    """Result of :func:`gap`: ``rows`` sorted by gap, largest shortfall first."""

    model: str
    target_label: str
    target_kind: str
    level: str
    overall: GapRow
    rows: list[GapRow]
    notes: list[str] = Field(default_factory=list)

    def frame(self, include_overall: bool = False) -> pd.DataFrame:
        """One row per part (sorted as ``rows``), indexed by id."""
        rows = ([self.overall] if include_overall else []) + list(self.rows)
        frame = pd.DataFrame([r.model_dump() for r in rows])
        if frame.empty:
            return pd.DataFrame(columns=list(GapRow.model_fields)).set_index("id")
        return frame.set_index("id")

    @property
    def below(self) -> list[GapRow]:
        """Rows below their target."""
        return [r for r in self.rows if r.gap is not None and r.gap < 0]


def _target_for(model: MaturityModel, target: Target, part_id: str) -> tuple[float | None, str]:
    """The part's target and the node it belongs to: its own, the nearest parent's, or the
    uniform target (node "")."""
    for node in ancestors(model, part_id):
        if node in target.dimensions:
            return target.dimensions[node], node
    return target.uniform, ""


def _row(
    id: str, label: str, kind: str, parent: str | None, score: float | None, target: float | None
) -> GapRow:
    gap = None if score is None or target is None else score - target
    return GapRow(
        id=id,
        label=label,
        kind=kind,  # type: ignore[arg-type]
        parent=parent,
        score=score,
        target=target,
        gap=gap,
        met=None if gap is None else gap >= -1e-12,
    )


def gap(
    result: ScoreResult,
    target: Any,
    *,
    model: Any = None,
    level: str = "dimension",
    lang: str = "sv",
) -> GapResult:
    """Gap to ``target`` per dimension, category or statement (``level``: dimension, category,
    statement or all), sorted by gap with the largest shortfall first; parts without a score or a
    target come last, in model order. ``overall`` holds the overall score's gap. No ``target``
    (None or blank) means the model's default benchmark (:func:`~mognad_core.targets.
    default_target`, DiMiOS: the national average); a model without one raises.
    """
    lang = texts.check_lang(lang)  # "EN" is English for the model's own labels too
    m = scored_model(result, model, "gap")
    level = check_level(level)
    t = parse_target(default_target(m) if is_blank(target) else target, m, result)
    if t is None:
        names = ", ".join(b.name for b in m.benchmarks) or texts.Message("error.none_in_model")
        raise MognadError(texts.Message("error.gap_target", benchmarks=names))
    rows: list[GapRow] = []
    for part_id, kind in parts(m, level):
        value, source = _target_for(m, t, part_id)
        if kind == "statement":
            s = result.statements.get(part_id)
            row = _row(
                part_id,
                m.statement(part_id).label(lang),
                kind,
                m.statement(part_id).dimension,
                None if s is None else none(s.score),
                value,
            )
            own = None
        else:
            d = result.dimensions.get(part_id)
            row = _row(
                part_id,
                m.dimension(part_id).name(lang),
                kind,
                m.dimension(part_id).parent,
                None if d is None else none(d.score),
                value,
            )
            own = part_id
        row.target_from = source if value is not None and source and source != own else None
        rows.append(row)
    order = {r.id: i for i, r in enumerate(rows)}
    rows.sort(key=lambda r: (r.gap is None, r.gap if r.gap is not None else 0.0, order[r.id]))
    overall_target, derived = t.for_part(None), False
    if overall_target is None and all(d.id in t.dimensions for d in m.dimensions):
        weights = [d.weight for d in m.dimensions]
        values = [t.dimensions[d.id] for d in m.dimensions]
        overall_target = sum(w * v for w, v in zip(weights, values, strict=True)) / sum(weights)
        derived = True
    overall = _row(
        "overall",
        texts.text("part.overall", lang),
        "overall",
        None,
        none(result.overall),
        overall_target,
    )
    if derived:
        overall.target_from = "dimensions"
    notes: list[str] = []
    name = t.name(lang)
    if t.kind == "benchmark" and not t.dimensions:
        notes.append(
            texts.text("gap.overall_only", lang, label=name, value=texts.pct(t.overall, lang))
            if t.overall is not None
            else texts.text("gap.no_figures", lang, label=name)
        )
    missing = [r.id for r in rows if r.target is None]
    if missing and not (t.kind == "benchmark" and not t.dimensions):
        notes.append(texts.text("gap.no_target", lang, ids=", ".join(missing)))
    label = name
    if t.kind == "profile":
        shown = ", ".join(f"{k} {texts.pct(v, lang)}" for k, v in t.dimensions.items())
        label = f"{name} ({shown})" if t.named() else shown
    out = GapResult(
        model=m.name,
        target_label=label,
        target_kind=t.kind,
        level=level,
        overall=overall,
        rows=rows,
        notes=notes,
    )
    return disclosure.finish(out, disclosure.policy_of(result, lang), lang, result.notes)
