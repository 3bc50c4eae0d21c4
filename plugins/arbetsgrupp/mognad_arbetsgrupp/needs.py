"""The group's needs as a ranked list, and the questions for its two dialogues.

The ranking is mognad's own rule for where to start (:func:`mognad_core.priorities` at
statement level, with the model's ``meta.dont_know_priority``): statements with a low score
*and* a high vet-ej share first, then the rest by priority (1 - score + vet-ej share). No rule
of the plugin's own: the README states it once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mognad_core import MaturityModel, ScoreResult, priorities, resolve_model, texts
from mognad_core.schema import in_language

#: how many needs a group's plan gets unless the model's ``meta.plan_needs`` says otherwise
DEFAULT_PLAN_NEEDS = 5


@dataclass
class Need:
    """One statement the group needs to develop, ranked (1 = most important)."""

    rank: int
    id: str
    text: str
    short: str
    area: str
    owner: str  # "grupp" or "forvaltning": who can act (the top dimension's meta.owner)
    score: float | None
    dont_know_share: float | None
    low_score_high_dont_know: bool
    reason: str

    def label(self, lang: str = "sv") -> str:
        """The need as the plan's behov column writes it: short name and figures."""
        score = texts.pct(self.score, lang)
        if self.dont_know_share:
            return texts.text(
                "arbetsgrupp.need",
                lang,
                short=self.short,
                score=score,
                dont_know=texts.pct(self.dont_know_share, lang),
            )
        return texts.text("arbetsgrupp.need_no_dk", lang, short=self.short, score=score)


def model_of(result: ScoreResult, model: Any = None) -> MaturityModel:
    """The model to read ``result`` with: ``model``, else the one it was scored with."""
    return resolve_model(result, model, default="arbetsgrupp")


def top_dimension(model: MaturityModel, dimension_id: str):
    """The top-level dimension above ``dimension_id`` (itself when it is one)."""
    d = model.dimension(dimension_id)
    while d.parent:
        d = model.dimension(d.parent)
    return d


def area_label(model: MaturityModel, statement_id: str, lang: str = "sv") -> str:
    """``Digital kompetens``, or ``Förutsättningar: Ekonomi`` for a statement in a category."""
    st = model.statement(statement_id)
    top = top_dimension(model, st.dimension)
    if top.id == st.dimension:
        return top.name(lang)
    category = model.dimension(st.dimension).name(lang)
    return texts.text("arbetsgrupp.area_of", lang, area=top.name(lang), category=category)


def plan_size(model: MaturityModel) -> int:
    value = model.meta.get("plan_needs", DEFAULT_PLAN_NEEDS)
    return int(value) if isinstance(value, int) and value > 0 else DEFAULT_PLAN_NEEDS


def needs(
    result: ScoreResult, model: Any = None, *, count: int | None = None, lang: str = "sv"
) -> list[Need]:
    """The statements ``result``'s group most needs to develop, most important first: the
    core's ranking (:func:`mognad_core.priorities`, statement level); ``count`` of them
    (default the model's ``meta.plan_needs``, 5). Hidden statements (anonymity) have no score
    and are not ranked."""
    lang = texts.check_lang(lang)
    m = model_of(result, model)
    count = plan_size(m) if count is None else count
    ranked = priorities(result, model=m, level="statement", count=max(1, count), lang=lang)
    out = []
    for p in ranked.ranked[:count]:
        st = m.statement(p.id)
        top = top_dimension(m, st.dimension)
        out.append(
            Need(
                rank=len(out) + 1,
                id=p.id,
                text=st.label(lang),
                short=st.short_label(lang),
                area=area_label(m, p.id, lang),
                owner=str(top.meta.get("owner", "grupp")),
                score=p.score,
                dont_know_share=p.dont_know_share,
                low_score_high_dont_know=p.low_score_high_dont_know,
                reason=p.reason,
            )
        )
    return out


@dataclass
class Question:
    """A question for a dialogue, with the figures it was made from."""

    text: str
    statement: str | None = None
    score: float | None = None
    dont_know_share: float | None = None


def _scored(result: ScoreResult, ids: list[str]) -> list[Any]:
    return [result.statements[i] for i in ids if result.statements[i].score is not None]


def _words(m: MaturityModel, s: Any, lang: str) -> dict[str, str]:
    return {
        "short": m.statement(s.id).short_label(lang),
        "score": texts.pct(s.score, lang),
        "dont_know": texts.pct(s.dont_know_share or 0.0, lang),
    }


def _question(key: str, m: MaturityModel, s: Any, lang: str) -> Question:
    return Question(texts.text(key, lang, **_words(m, s, lang)), s.id, s.score, s.dont_know_share)


def first_dialogue(result: ScoreResult, model: Any = None, *, lang: str = "sv") -> list[Question]:
    """Questions for the first dialogue (what "digitalt först" would mean for the group), made
    from its published result: the digital-first statement's (a1) score, the highest-rated
    statement, the lowest-rated other way of working, and the statement most answered vet ej
    (from the model's vet-ej share, ``meta.dont_know_priority.min_share``, default 20 %; one
    that everyone answered vet ej counts, though it has no score). Ties go to model order."""
    lang = texts.check_lang(lang)
    m = model_of(result, model)
    out: list[Question] = []
    every = _scored(result, m.statement_ids)
    if not every:
        return out
    first = result.statements.get("a1")
    if first is not None and first.score is not None:
        out.append(_question("arbetsgrupp.q1.digital_first", m, first, lang))
    best = max(every, key=lambda s: (s.score, -m.statement_ids.index(s.id)))
    out.append(_question("arbetsgrupp.q1.strength", m, best, lang))
    ways = _scored(result, [s.id for s in m.statements_under("arbetssatt") if s.id != "a1"])
    if ways:
        weak = min(ways, key=lambda s: (s.score, m.statement_ids.index(s.id)))
        out.append(_question("arbetsgrupp.q1.weak_way", m, weak, lang))
    min_share = float((m.meta.get("dont_know_priority") or {}).get("min_share", 0.2))
    # a statement everyone answered vet ej has no score but the most to ask about
    shown = [result.statements[i] for i in m.statement_ids]
    unknown = [s for s in shown if (s.dont_know_share or 0.0) >= min_share]
    if unknown:
        most = max(unknown, key=lambda s: (s.dont_know_share, -m.statement_ids.index(s.id)))
        out.append(_question("arbetsgrupp.q1.unknown", m, most, lang))
    return out


def second_dialogue(
    result: ScoreResult, model: Any = None, *, lang: str = "sv", count: int = 3
) -> list[Question]:
    """Questions for the second dialogue (what the group can do and needs to learn), made from
    its published result: one per top need (``count``; low score and much vet ej, something
    to learn, or a condition from the förvaltning), who can teach the best-rated competence,
    and the lowest-rated of the förvaltning's conditions."""
    lang = texts.check_lang(lang)
    m = model_of(result, model)
    out: list[Question] = []
    for need in needs(result, m, count=count, lang=lang):
        s = result.statements[need.id]
        if need.low_score_high_dont_know:
            key = "arbetsgrupp.q2.low_unknown"
        elif need.owner == "forvaltning":
            key = "arbetsgrupp.q2.low_condition"
        else:
            key = "arbetsgrupp.q2.low_learn"
        out.append(_question(key, m, s, lang))
    skills = _scored(result, [s.id for s in m.statements_under("kompetens")])
    if skills:
        best = max(skills, key=lambda s: (s.score, -m.statement_ids.index(s.id)))
        out.append(_question("arbetsgrupp.q2.teach", m, best, lang))
    cats = [
        result.dimensions[c.id]
        for c in m.dimension("forutsattningar").categories
        if result.dimensions[c.id].score is not None
    ]
    if cats:
        low = min(cats, key=lambda d: d.score)
        name = in_language(low.label, low.label_en, lang).lower()
        words = {"category": name, "score": texts.pct(low.score, lang)}
        out.append(
            Question(texts.text("arbetsgrupp.q2.conditions", lang, **words), None, low.score)
        )
    return out
