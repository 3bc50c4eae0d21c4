"""Where to start: the one decision, at area level, that every output shows.

Municipalities pick one or two *areas* to work on after measuring (Vetlanda chose
"kostnadskontroll" and "ekonomiska ramar"), not single statements. :func:`where_to_start`
makes that choice once; the command line (``mognad priorities``), the workbook, the deck and
``MOGNAD_PRIORITIES`` all show its result, so they cannot disagree.

An *area* is a part of the model that holds statements: a DiMiOS category, a DMM engine, a
dimension of a flat model. The rule (:data:`RULE`, ``StartResult.rule`` in the result's
language) combines four things, each documented in docs/analysis.md#where-to-start:

1. a **low score**: below the median of the areas' scores, or below the model's own
   threshold (``meta.dont_know_priority.score_below``);
2. a **high "vet ej" share**: at least ``meta.dont_know_priority.min_share`` (default 20 %);
3. the **gap to a target** (``target=``): max(0, target - score). A target that differs per
   area only because each area's own level differs (``next``) is read as the organisation's
   next level, so an area that is already strong never gains from a higher next step;
4. the **model's own order** (``meta.start_order``: a list of area ids, or a list per maturity
   level, the organisation's level choosing): DMM's recommended practice puts Värderingar and
   Vision & Mission first in Mobilisering.

Areas that are both low and poorly known come first, then low areas, then the rest; within each
tier, areas the model puts first come first, then the higher priority
(relative weight x ((1 - score) + vet-ej share + gap to target)), then model order.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, Field

from .. import disclosure, texts
from ..results import ScoreResult
from ..schema import MaturityModel
from ..targets import Target, parse_target
from ._common import AnalysisResult, ancestors, check_count, none, scored_model
from .priorities import priorities, ranking_target, screen_settings, threshold_of

#: the rule in English; ``StartResult.rule`` is in the result's language
RULE = texts.text("start.rule", "en")


class StartStatement(BaseModel):
    """A statement behind an area, weakest first."""

    id: str
    label: str = Field(description="the full statement text")
    short: str = Field(description="the model's short name, or the full text")
    score: float | None = None
    dont_know_share: float | None = None


class StartArea(BaseModel):
    """One area, with the reason it is where it is."""

    rank: int
    id: str
    label: str
    kind: str = Field(description="'dimension' or 'category'")
    score: float | None = None
    dont_know_share: float | None = None
    target: float | None = None
    gap: float | None = Field(None, description="score - target")
    weight: float = 1.0
    low_score: bool = False
    high_dont_know: bool = False
    model_lead: bool = Field(False, description="the model's own order puts it first")
    priority: float | None = None
    reason: str = Field("", description="one sentence, in the result's language: '{label}: {why}'")
    why: str = Field("", description="the reason without the area's name, for a table's cell")
    statements: list[StartStatement] = Field(default_factory=list)


class StartResult(AnalysisResult):
    """Result of :func:`where_to_start`: ``areas`` are the chosen ones, ``ranked`` all."""

    model: str
    count: int
    rule: str
    areas: list[StartArea]
    ranked: list[StartArea] = Field(default_factory=list)
    threshold: float | None = Field(None, description="the score below which an area is low")
    threshold_is_median: bool = True
    min_share: float = 0.2
    target_label: str | None = None
    lead_level: str | None = Field(None, description="the level whose start order was used")
    unscored: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    def frame(self, all: bool = False):
        """The chosen areas (or all with ``all=True``) as a DataFrame indexed by rank; the
        statements behind each as their ids joined by ', '."""
        import pandas as pd

        rows = [
            a.model_dump() | {"statements": ", ".join(map(_id, a.statements))}
            for a in (self.ranked if all else self.areas)
        ]
        columns = [*StartArea.model_fields]
        return pd.DataFrame(rows, columns=columns).set_index("rank")


def _id(statement: StartStatement) -> str:
    return statement.id


def areas_of(model: MaturityModel) -> list[tuple[str, str]]:
    """(id, kind) of the model's areas in model order: the parts that hold statements."""
    return [
        (d.id, "dimension" if depth == 0 else "category")
        for depth, d in model.iter_tree()
        if d.statements
    ]


def start_order(model: MaturityModel, level: str | None) -> tuple[list[str], str | None]:
    """The model's own order (``meta.start_order``) for an organisation at ``level``: the area
    ids it puts first, and the level whose list was used (None for a plain list).

    ``start_order`` is a list of area ids, or a mapping from level name to such a list (or to
    ``{lead: [...]}``); other keys of the mapping (``source``, ``note``) are ignored."""
    order = model.meta.get("start_order")
    if isinstance(order, Mapping):
        if level is None or level not in order:
            return [], None
        ids = order[level]
        if isinstance(ids, Mapping):  # {lead: [...]}, as DMM's recommended practice writes it
            ids = ids.get("lead")
        return [str(i) for i in ids or []], level
    if isinstance(order, (list, tuple)):
        return [str(i) for i in order], None
    return [], None


def _weakest_first(s: StartStatement) -> tuple[bool, float, float]:
    """Lowest score first, then the higher vet-ej share; statements without a figure last
    (sorted is stable: ties keep model order)."""
    return (s.score is None, s.score or 0.0, -(s.dont_know_share or 0.0))


def _target_for(t: Target | None, model: MaturityModel, area: str) -> float | None:
    """The area's target: its own, else its nearest parent's, else the overall one."""
    if t is None:
        return None
    found = (t.for_part(node) for node in ancestors(model, area))
    return next((v for v in found if v is not None), t.for_part(None))


def where_to_start(
    result: ScoreResult,
    *,
    count: int = 2,
    target: Any = None,
    model: Any = None,
    lang: str = "sv",
) -> StartResult:
    """Choose the ``count`` areas to start with (default 2: choose few) and say why.

    ``result`` is a score (:func:`mognad_core.score`); ``target`` anything
    :func:`~mognad_core.targets.parse_target` takes. See the module docstring for the rule."""
    lang = texts.check_lang(lang)
    m = scored_model(result, model, "where_to_start")
    count = check_count(count)
    t = parse_target(target, m, result)
    common = ranking_target(t)
    min_share, below = screen_settings(m)
    own = threshold_of(below)
    lead, lead_level = start_order(m, result.level)
    stmt_rank = priorities(result, model=m, level="statement", target=t, lang=lang).ranked
    # Vetlanda's screen at statement level: a low statement with much vet ej marks its area
    screened = {p.id: p for p in stmt_rank if p.low_score_high_dont_know}

    rows: list[dict[str, Any]] = []
    unscored: list[str] = []
    for area_id, kind in areas_of(m):
        d = result.dimensions.get(area_id)
        score = none(d.score) if d else None
        if score is None:
            unscored.append(area_id)
            continue
        dim = m.dimension(area_id)
        tval = _target_for(common, m, area_id)
        rows.append(
            {
                "id": area_id,
                "kind": kind,
                "label": dim.name(lang),
                "score": score,
                "dont_know_share": none(d.dont_know_share),
                "target": tval,
                "raw_weight": dim.weight,
            }
        )
    notes: list[str] = []
    if unscored:
        notes.append(texts.text("start.unscored", lang, ids=", ".join(unscored)))
    if not rows:
        out = StartResult(
            model=m.name,
            count=count,
            rule=texts.text("start.rule", lang),
            areas=[],
            min_share=min_share,
            unscored=unscored,
            notes=notes,
        )
        return disclosure.finish(out, disclosure.policy_of(result, lang), lang, result.notes)
    threshold = statistics.median(r["score"] for r in rows) if own is None else own
    mean_weight = sum(r["raw_weight"] for r in rows) / len(rows)
    for pos, r in enumerate(rows):
        dk = r["dont_know_share"] or 0.0
        shortfall = 0.0 if r["target"] is None else max(0.0, r["target"] - r["score"])
        r["order"] = pos
        r["weight"] = r["raw_weight"] / mean_weight
        r["gap"] = None if r["target"] is None else r["score"] - r["target"]
        r["low_score"] = r["score"] < threshold - 1e-12
        r["screened"] = [
            screened[s.id] for s in m.dimension(r["id"]).statements if s.id in screened
        ]
        r["high_dont_know"] = dk >= min_share - 1e-12 or bool(r["screened"])
        r["model_lead"] = r["id"] in lead
        r["priority"] = r["weight"] * ((1 - r["score"]) + dk + shortfall)
    rows.sort(
        key=lambda r: (
            not (r["low_score"] and r["high_dont_know"]),
            not r["low_score"],
            not r["model_lead"],
            -r["priority"],
            r["order"],
        )
    )
    nxt = t is not None and t.kind == "next"
    ranked = []
    for rank, r in enumerate(rows, start=1):
        why = _reason(r, threshold, own is None, min_share, lead_level, m, lang, nxt)
        statements = []
        for s in m.dimension(r["id"]).statements:
            sr = result.statements.get(s.id)
            statements.append(
                StartStatement(
                    id=s.id,
                    label=s.label(lang),
                    short=s.short_label(lang),
                    score=none(sr.score) if sr else None,
                    dont_know_share=none(sr.dont_know_share) if sr else None,
                )
            )
        statements.sort(key=_weakest_first)
        ranked.append(
            StartArea(
                rank=rank,
                **{k: r[k] for k in ("id", "label", "kind", "score", "dont_know_share", "target")},
                gap=r["gap"],
                weight=r["weight"],
                low_score=r["low_score"],
                high_dont_know=r["high_dont_know"],
                model_lead=r["model_lead"],
                priority=r["priority"],
                reason=texts.text("start.sentence", lang, area=r["label"], why=why),
                why=why[:1].upper() + why[1:],
                statements=statements,
            )
        )
    out = StartResult(
        model=m.name,
        count=count,
        rule=texts.text("start.rule", lang),
        areas=ranked[:count],
        ranked=ranked,
        threshold=threshold,
        threshold_is_median=own is None,
        min_share=min_share,
        target_label=None if t is None else t.name(lang),
        lead_level=lead_level,
        unscored=unscored,
        notes=notes,
    )
    return disclosure.finish(out, disclosure.policy_of(result, lang), lang, result.notes)


def _reason(
    r: dict[str, Any],
    threshold: float,
    median: bool,
    min_share: float,
    lead_level: str | None,
    model: MaturityModel,
    lang: str,
    next_level: bool = False,
) -> str:
    """Why this area is where it is, as the end of a sentence ("lågt värde, ... ."): the reason
    after the area's name (its score against the threshold, its vet-ej
    share, its gap to the target and the model's order), in ``lang``."""
    pct = lambda v: texts.pct(v, lang, 1)  # noqa: E731
    clauses = []
    key = (
        ("start.low_median" if median else "start.low_model")
        if r["low_score"]
        else ("start.high_median" if median else "start.high_model")
    )
    clauses.append(texts.text(key, lang, score=pct(r["score"]), threshold=pct(threshold)))
    dk = r["dont_know_share"]
    if dk is not None and dk >= min_share - 1e-12:
        clauses.append(
            texts.text("start.much_dont_know", lang, share=pct(dk), min=texts.pct(min_share, lang))
        )
    elif dk:
        clauses.append(texts.text("start.dont_know", lang, share=pct(dk)))
    if r["gap"] is not None and next_level:
        key = "start.below_next" if r["gap"] < 0 else "start.next_met"
        gap = texts.pp(-r["gap"], lang, sign=False)
        clauses.append(texts.text(key, lang, gap=gap, target=pct(r["target"])))
    elif r["gap"] is not None:
        if r["gap"] < 0:
            clauses.append(
                texts.text(
                    "start.below_target",
                    lang,
                    gap=texts.pp(-r["gap"], lang, sign=False),
                    target=pct(r["target"]),
                )
            )
        else:
            clauses.append(texts.text("start.target_met", lang, target=pct(r["target"])))
    if r["model_lead"]:
        level = model.level_named(lead_level) if lead_level else None
        if level is not None:
            clauses.append(texts.text("start.lead_level", lang, level=level.label(lang)))
        else:
            clauses.append(texts.text("start.lead", lang))
    where = [
        texts.text(
            "start.screened",
            lang,
            statement=model.statement(p.id).short_label(lang),
            share=pct(p.dont_know_share),
            score=pct(p.score),
        )
        for p in r["screened"]
    ]
    if where:  # Vetlanda's statements: "; där har "Kostnadskontroll" lågt värde ... "
        return texts.text(
            "start.why_where",
            lang,
            clauses=texts.join(clauses, lang),
            where=texts.join(where, lang),
        )
    return texts.text("start.why", lang, clauses=texts.join(clauses, lang))
