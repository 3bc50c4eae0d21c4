"""Where to start: the vet-ej screen and the relatively weakest categories.

* :func:`where_to_start` — statements with a high "vet ej" share *and* a low score (Vetlanda's
  way of picking a starting point). The screen itself is :func:`mognad_core.priorities` (settings
  in ``meta.dont_know_priority``: ``min_share``, default 0.20, and ``score_below``, default the
  median statement score); this adds the DiMiOS topics (``meta.topic``: kostnadskontroll,
  ekonomiska_ramar) so users can find the areas Vetlanda chose.
* :func:`weakest_categories` — the three lowest-scoring categories, which DiMiOS presents as
  the organisation's relative weaknesses whatever its overall level.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from mognad_core import MognadError, ScoreResult, texts
from mognad_core import priorities as core_priorities
from mognad_core.schema import in_language

from ._common import resolve_model


class Candidate(BaseModel):
    id: str
    text: str
    score: float
    dont_know_share: float
    topic: str | None = None
    topic_label: str | None = None


class StartingPoints(BaseModel):
    min_share: float
    score_below: float | None
    candidates: list[Candidate]


class WeakCategory(BaseModel):
    id: str
    label: str
    dimension: str | None
    score: float


def where_to_start(result: ScoreResult, model: Any = None, *, lang: str = "sv") -> StartingPoints:
    """Statements with a high vet-ej share and a low score, lowest score first."""
    if not isinstance(result, ScoreResult):
        raise MognadError(f"where_to_start() needs a score result, got {type(result).__name__}")
    lang = texts.check_lang(lang)
    m = resolve_model(result, model)
    ranked = core_priorities(result, model=m, level="statement", lang=lang)
    topics = m.meta.get("topics") if isinstance(m.meta.get("topics"), Mapping) else {}
    out = []
    for p in ranked.ranked:
        if not p.low_score_high_dont_know or p.score is None or p.dont_know_share is None:
            continue
        topic = m.statement(p.id).meta.get("topic")
        entry = topics.get(topic) if topic else None
        out.append(
            Candidate(
                id=p.id,
                text=p.label,
                score=p.score,
                dont_know_share=p.dont_know_share,
                topic=topic,
                topic_label=str(entry.get(lang) or topic) if isinstance(entry, Mapping) else topic,
            )
        )
    out.sort(key=lambda c: (c.score, -c.dont_know_share, c.id))
    return StartingPoints(min_share=ranked.min_share, score_below=ranked.threshold, candidates=out)


def weakest_categories(
    result: ScoreResult, *, count: int = 3, lang: str = "sv"
) -> list[WeakCategory]:
    """The ``count`` lowest-scoring categories (parts below a top-level dimension)."""
    lang = texts.check_lang(lang)
    cats = [d for d in result.dimensions.values() if d.depth > 0 and d.score is not None]
    cats.sort(key=lambda d: (d.score, d.id))
    return [
        WeakCategory(
            id=d.id,
            label=in_language(d.label, d.label_en, lang),
            dimension=d.parent,
            score=float(d.score),
        )
        for d in cats[:count]
    ]
