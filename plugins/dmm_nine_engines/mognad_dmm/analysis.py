"""Level per engine, the profile across the engines, phase relation and the weakest engines.

Everything is computed from a finished :class:`~mognad_core.ScoreResult`; the rules and their
parameters come from the model's ``meta`` (see :mod:`mognad_dmm.settings`).
"""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, Field

from mognad_core import MaturityModel, ModelError, ScoreResult, resolve_model, schema
from mognad_core.schema import in_language

from .settings import Settings, engines, find_level, level_label, settings_for

EPS = 1e-9
Relation = Literal["ahead", "in_phase", "behind"]


class EngineStatus(BaseModel):
    """One engine of the organisation: score, level, texts and its place in the profile."""

    id: str
    label: str
    label_en: str | None = None
    score: float | None = Field(None, description="0-1; None with too few answered statements")
    level: str | None = None
    level_en: str | None = None
    description: str | None = Field(None, description="what the level looks like for the engine")
    description_en: str | None = None
    next_step: str | None = Field(None, description="what the next level asks for")
    next_step_en: str | None = None
    statements_answered: int = Field(0, description="statements with at least one valid answer")
    statements: int = 0
    enough_answers: bool = True
    dont_know_share: float | None = None
    diff: float | None = Field(None, description="score minus the mean of the engine scores")
    relation: Relation | None = None
    recommended_lead: bool = Field(
        False, description="a lead engine in the organisation's current phase (meta)"
    )

    def name(self, lang: str = "sv") -> str:
        return in_language(self.label, self.label_en, lang)

    def level_name(self, lang: str = "sv") -> str | None:
        """The engine's level in ``lang``, through mognad's one level-name function."""
        return schema.level_label(self.level, self.level_en, lang)

    def text(self, lang: str = "sv") -> str | None:
        return in_language(self.description, self.description_en, lang)

    def step(self, lang: str = "sv") -> str | None:
        return in_language(self.next_step, self.next_step_en, lang)


class Profile(BaseModel):
    """The organisation across its engines (model order), for tables and radar charts."""

    model: str
    engines: list[EngineStatus]
    mean: float | None = Field(None, description="unweighted mean of the engine scores")
    overall: float | None = None
    phase: str | None = Field(None, description="the organisation's current phase (overall level)")
    phase_en: str | None = None
    relation_margin: float
    rings: list[dict[str, Any]] = Field(default_factory=list)

    def engine(self, engine_id: str) -> EngineStatus:
        for e in self.engines:
            if e.id == engine_id:
                return e
        raise KeyError(engine_id)

    def radar(self, lang: str = "sv") -> dict[str, Any]:
        """Radar-ready data: ordered engine ids, labels, scores (0-1) and level rings."""
        return {
            "engines": [e.id for e in self.engines],
            "labels": [e.name(lang) for e in self.engines],
            "scores": [e.score for e in self.engines],
            "levels": [e.level_name(lang) for e in self.engines],
            "axis": [0.0, 1.0],
            "rings": self.rings,
            "mean": self.mean,
        }

    def frame(self) -> pd.DataFrame:
        """One row per engine, indexed by engine id."""
        return pd.DataFrame([e.model_dump() for e in self.engines]).set_index("id")


class WeakEngine(EngineStatus):
    rank: int
    focus: bool = Field(False, description="among the first max_focus: a suggested focus")


class WeakEngines(BaseModel):
    """Engines behind the organisation's own average, weakest first, with next steps."""

    mean: float | None
    margin: float
    max_focus: int
    phase: str | None = None
    relative_only: bool = Field(
        False, description="no engine is behind: the lowest is shown as relatively weakest"
    )
    engines: list[WeakEngine] = Field(default_factory=list)

    def frame(self) -> pd.DataFrame:
        rows = [e.model_dump() for e in self.engines]
        return pd.DataFrame(rows).set_index("id") if rows else pd.DataFrame()


def model_for(result: ScoreResult, model: Any = None) -> MaturityModel:
    """The model of a result: :func:`mognad_core.resolve_model`."""
    return resolve_model(result, model)


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def relation_of(diff: float | None, margin: float) -> Relation | None:
    """ahead if diff >= margin, behind if diff <= -margin, else in phase."""
    if diff is None:
        return None
    if diff >= margin - EPS:
        return "ahead"
    if diff <= -margin + EPS:
        return "behind"
    return "in_phase"


def profile(result: ScoreResult, model: Any = None, *, settings: Settings | None = None) -> Profile:
    """Score, level, level texts and phase relation for every engine (model order).

    An engine needs ``meta.min_answered_per_engine`` statements with at least one valid answer
    (never more than it has); otherwise its score and level are None. ``mean`` is the unweighted
    mean of the engine scores that exist (the overall score itself when every engine has a score,
    the weights are equal and the overall is the mean of the engines, so that a rounded
    published figure does not make the two differ); ``relation`` compares each engine with it using
    ``meta.analysis.phase_relation.margin``.
    """
    m = model_for(result, model)
    s = settings or settings_for(m)
    phase_level = m.level_for(result.overall)
    phase = phase_level.name if phase_level else None
    lead = set(s.recommended_practice[phase].lead) if phase in s.recommended_practice else set()
    rows: list[EngineStatus] = []
    for d in engines(m):
        ds = result.dimensions.get(d.id)
        stmt_ids = [st.id for st in m.statements_under(d.id)]
        answered = sum(
            1
            for sid in stmt_ids
            if sid in result.statements and (result.statements[sid].n or 0) > 0  # None: hidden
        )
        needed = min(s.min_answered_per_engine, len(stmt_ids))
        enough = answered >= needed and ds is not None and ds.score is not None
        score = ds.score if enough and ds is not None else None
        lv = m.level_for(score)
        texts = d.level_texts.get(lv.name) if lv else None
        rows.append(
            EngineStatus(
                id=d.id,
                label=d.label,
                label_en=d.label_en,
                score=score,
                level=lv.name if lv else None,
                level_en=lv.name_en if lv else None,
                description=texts.description if texts else None,
                description_en=texts.description_en if texts else None,
                next_step=texts.next_step if texts else None,
                next_step_en=texts.next_step_en if texts else None,
                statements_answered=answered,
                statements=len(stmt_ids),
                enough_answers=enough,
                dont_know_share=ds.dont_know_share if ds is not None else None,
                recommended_lead=d.id in lead,
            )
        )
    scored = [e.score for e in rows if e.score is not None]
    mean = _mean(scored)
    if (
        mean is not None
        and result.overall is not None
        and len(scored) == len(rows)
        and m.aggregation == "children"
        and len({d.weight for d in m.dimensions}) == 1
    ):
        # the same mean, taken by the core before the published figures were rounded: "the
        # mean of the engines" then reads as the overall score beside it
        mean = result.overall
    for e in rows:
        if e.score is not None and mean is not None:
            e.diff = e.score - mean
            e.relation = relation_of(e.diff, s.relation_margin)
    rings = [
        {"level": lv.name, "level_en": lv.name_en or lv.name, "value": lv.lower_bound}
        for lv in m.levels
        if lv.lower_bound > 0
    ]
    return Profile(
        model=m.name,
        engines=rows,
        mean=mean,
        overall=result.overall,
        phase=phase,
        phase_en=phase_level.name_en if phase_level else None,
        relation_margin=s.relation_margin,
        rings=rings,
    )


def weakest(
    result: ScoreResult,
    model: Any = None,
    *,
    margin: float | None = None,
    max_focus: int | None = None,
) -> WeakEngines:
    """The engines behind the organisation's own average, weakest first, with next steps.

    An engine is weak when ``score <= mean - margin`` (``meta.analysis.weak_engines.margin``,
    0.10 by default), where ``mean`` is the mean of the engine scores. Order: lower score first;
    on a tie, a recommended lead engine of the current phase first, then the higher vet-ej share.
    The first ``max_focus`` are marked as suggested focus. When no engine is weak, the lowest
    engine is returned alone with ``relative_only=True``: it is relatively weakest, not weak.
    """
    m = model_for(result, model)
    s = settings_for(m)
    margin = s.weak_margin if margin is None else float(margin)
    max_focus = s.max_focus if max_focus is None else int(max_focus)
    if not 0 <= margin <= 1:
        raise ModelError(f"weak-engine margin {margin} is outside 0-1")
    if max_focus < 1:
        raise ModelError(f"max_focus must be at least 1, not {max_focus}")
    p = profile(result, m, settings=s)
    scored = [e for e in p.engines if e.score is not None]
    out = WeakEngines(mean=p.mean, margin=margin, max_focus=max_focus, phase=p.phase)
    if not scored or p.mean is None:
        return out

    def order(e: EngineStatus) -> tuple[float, int, float]:
        return (
            round(e.score or 0.0, 12),
            0 if e.recommended_lead else 1,
            -(e.dont_know_share or 0),
        )

    weak = [e for e in scored if e.score <= p.mean - margin + EPS]
    if not weak:
        out.relative_only = True
        weak = [min(scored, key=order)]
    for rank, e in enumerate(sorted(weak, key=order), start=1):
        out.engines.append(
            WeakEngine(
                **e.model_dump(), rank=rank, focus=rank <= max_focus and not out.relative_only
            )
        )
    return out


class PracticeNote(BaseModel):
    engine: str
    label: str
    label_en: str | None = None
    kind: Literal["lead_behind", "lead_in_phase", "behind_in_acceleration"]
    diff: float | None = None


class PracticeCheck(BaseModel):
    """The profile set against the recommended practice of the current phase (meta)."""

    phase: str | None
    lead: list[str] = Field(default_factory=list)
    even_out: bool = False
    notes: list[PracticeNote] = Field(default_factory=list)
    spread: float | None = Field(None, description="max - min of the engine scores")


def practice_check(result: ScoreResult, model: Any = None) -> PracticeCheck:
    """Lead engines that are behind or only in phase; in an even-out phase, engines behind."""
    m = model_for(result, model)
    s = settings_for(m)
    p = profile(result, m, settings=s)
    step = s.recommended_practice.get(p.phase or "")
    scores = [e.score for e in p.engines if e.score is not None]
    check = PracticeCheck(
        phase=p.phase,
        lead=list(step.lead) if step else [],
        even_out=bool(step and step.even_out),
        spread=(max(scores) - min(scores)) if scores else None,
    )
    if step is None:
        return check
    for e in p.engines:
        if e.relation is None:
            continue
        kind = None
        if e.id in step.lead and e.relation == "behind":
            kind = "lead_behind"
        elif e.id in step.lead and e.relation == "in_phase":
            kind = "lead_in_phase"
        elif step.even_out and e.diff is not None and e.diff <= -s.even_out_margin + EPS:
            kind = "behind_in_acceleration"
        if kind:
            check.notes.append(
                PracticeNote(
                    engine=e.id, label=e.label, label_en=e.label_en, kind=kind, diff=e.diff
                )
            )
    return check


class MarkerFlag(BaseModel):
    engine: str
    label: str
    label_en: str | None = None
    level: str
    marker_level: str
    statement: str
    marker_score: float


def marker_check(
    result: ScoreResult, model: Any = None, threshold: float = 0.5
) -> list[MarkerFlag]:
    """Engines placed on a level whose own (or a lower) phase marker scores below ``threshold``.

    Each statement's ``meta.phase`` names the phase it marks. Because an engine's level comes
    from a mean, a strong early marker can lift it; this lists the markers that do not support
    the placement (for example answers 5/5/2 average 0.75, Acceleration, with the Acceleration
    marker at 0.25).
    """
    m = model_for(result, model)
    s = settings_for(m)
    p = profile(result, m, settings=s)
    order = {lv.name: i for i, lv in enumerate(m.levels)}
    flags: list[MarkerFlag] = []
    for e in p.engines:
        if e.level is None or order[e.level] == 0:
            continue  # nothing to support on the lowest level
        for st in m.statements_under(e.id):
            phase = st.meta.get("phase") if isinstance(st.meta, dict) else None
            lv = find_level(m, str(phase), s) if phase else None
            sc = result.statements.get(st.id)
            if lv is None or sc is None or sc.score is None:
                continue
            if order[lv.name] <= order[e.level] and sc.score < threshold - EPS:
                flags.append(
                    MarkerFlag(
                        engine=e.id,
                        label=e.label,
                        label_en=e.label_en,
                        level=e.level,
                        marker_level=lv.name,
                        statement=st.id,
                        marker_score=sc.score,
                    )
                )
    return flags


__all__ = [
    "EngineStatus",
    "MarkerFlag",
    "PracticeCheck",
    "Profile",
    "WeakEngine",
    "WeakEngines",
    "level_label",
    "marker_check",
    "practice_check",
    "profile",
    "weakest",
]
