"""Priorities: where to start improving, with the reasons for each choice.

The default rule (:data:`DEFAULT_RULE`) follows what Swedish municipalities do after measuring
(Vetlanda): a low score together with a high share of "vet ej" (don't know) answers marks a weak
area that is also poorly known, a good place to begin. Users are told to choose few areas, so the
default output is the top two. A model plugin can replace the rule through the
``rank_priorities`` hook.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from .. import disclosure, texts
from ..results import ScoreResult
from ..schema import MaturityModel
from ..targets import Target, parse_target
from ._common import (
    AnalysisResult,
    ancestors,
    check_count,
    check_level,
    none,
    parts,
    scored_model,
)

DEFAULT_MIN_SHARE = 0.20

#: the default rule in English; ``PriorityResult.rule`` is in the result's language
#: (``texts.text("prio.rule", lang)``)
DEFAULT_RULE = texts.text("prio.rule", "en")


class Priority(BaseModel):
    """One ranked area."""

    rank: int
    id: str
    label: str
    kind: Literal["dimension", "category", "statement"]
    score: float | None = None
    dont_know_share: float | None = None
    target: float | None = None
    gap: float | None = Field(None, description="score - target")
    weight: float = 1.0
    priority: float | None = None
    low_score_high_dont_know: bool = Field(
        False, description="low score and high vet-ej share: the default rule ranks these first"
    )
    reasons: list[str] = Field(
        default_factory=list, description="why, in the result's language (the rule's reasons)"
    )
    reason: str = Field("", description="the reasons joined with '; ': what every output prints")


class PriorityResult(AnalysisResult):
    """Result of :func:`priorities`: ``items`` are the top ``count``; ``ranked`` all candidates."""

    model: str
    level: str
    count: int
    rule: str
    ranked_by: str = Field("default", description="'default' or the plugin that ranked")
    target_label: str | None = None
    median_score: float | None = None
    score_below: float | None = Field(
        None, description="the model's own threshold for a low score; None: the median"
    )
    min_share: float = DEFAULT_MIN_SHARE
    items: list[Priority]
    ranked: list[Priority] = Field(default_factory=list)
    unscored: list[str] = Field(default_factory=list, description="parts with no valid answer")
    notes: list[str] = Field(default_factory=list)

    def frame(self, all: bool = False) -> pd.DataFrame:
        """The top items (or every ranked candidate with ``all=True``), indexed by rank."""
        rows = self.ranked if all else self.items
        frame = pd.DataFrame([p.model_dump() for p in rows])
        if frame.empty:
            return pd.DataFrame(columns=list(Priority.model_fields)).set_index("rank")
        frame["reasons"] = frame["reasons"].map(lambda r: "; ".join(r))
        return frame.set_index("rank")

    @property
    def threshold(self) -> float | None:
        """The score below which a part is low: the model's own threshold, else the median."""
        return self.median_score if self.score_below is None else self.score_below


def screen_settings(model: MaturityModel) -> tuple[float, Any]:
    """The model's Vetlanda screen (``meta.dont_know_priority``): the vet-ej share from which a
    part is poorly known (default 0.20) and its threshold for a low score ("median" or a
    number)."""
    conf = model.meta.get("dont_know_priority") or {}
    min_share = float(conf.get("min_share", DEFAULT_MIN_SHARE))
    below = conf.get("score_below", "median")
    return min_share, below


def _candidates(
    result: ScoreResult, model: MaturityModel, level: str, target: Any, lang: str
) -> tuple[pd.DataFrame, list[str], float | None, float]:
    rows = []
    unscored: list[str] = []
    for part_id, kind in parts(model, level):
        if kind == "statement":
            s = result.statements.get(part_id)
            st = model.statement(part_id)
            score, dk, weight, label = (
                none(s.score) if s else None,
                none(s.dont_know_share) if s else None,
                st.weight,
                st.label(lang),
            )
        else:
            d = result.dimensions.get(part_id)
            dim = model.dimension(part_id)
            score, dk, weight, label = (
                none(d.score) if d else None,
                none(d.dont_know_share) if d else None,
                dim.weight,
                dim.name(lang),
            )
        if score is None:
            unscored.append(part_id)
            continue
        tval = None
        if target is not None:
            for node in ancestors(model, part_id):
                tval = target.for_part(node)
                if tval is not None:
                    break
        rows.append(
            {
                "id": part_id,
                "label": label,
                "kind": kind,
                "score": score,
                "dont_know_share": np.nan if dk is None else dk,
                "target": np.nan if tval is None else tval,
                "raw_weight": weight,
            }
        )
    table = pd.DataFrame(
        rows,
        columns=["id", "label", "kind", "score", "dont_know_share", "target", "raw_weight"],
    ).set_index("id")
    min_share, below = screen_settings(model)
    if table.empty:
        return table, unscored, None, min_share
    median = float(table["score"].median())
    threshold = median if threshold_of(below) is None else threshold_of(below)
    table["gap"] = table["score"] - table["target"]
    table["shortfall"] = (-table["gap"]).clip(lower=0).fillna(0.0)
    table["weight"] = table["raw_weight"] / table["raw_weight"].mean()
    table["low_score"] = table["score"] < threshold - 1e-12
    table["high_dont_know"] = table["dont_know_share"].fillna(0) >= min_share - 1e-12
    table["priority"] = table["weight"] * (
        (1 - table["score"]) + table["dont_know_share"].fillna(0) + table["shortfall"]
    )
    table["low_score_high_dont_know"] = table["low_score"] & table["high_dont_know"]
    low = "prio.low_median" if threshold_of(below) is None else "prio.low_model"
    rows = table.to_dict("records")  # plain dicts: a pandas row per part cost more than its reasons
    table["reasons"] = [_reasons(r, low, threshold, min_share, lang) for r in rows]
    return table.drop(columns="raw_weight"), unscored, median, min_share


def ranking_target(t: Target | None) -> Target | None:
    """The target a ranking measures shortfalls against: ``t`` itself, except that a ``next``
    target (each part's own next level) is read as the organisation's next level for every
    part, so a strong part, whose own next level is higher, does not come first."""
    if t is None or t.kind != "next":
        return t
    return t.model_copy(update={"dimensions": {}, "uniform": t.overall})


def threshold_of(below: Any) -> float | None:
    """The model's own threshold for a low score (``meta.dont_know_priority.score_below``), or
    None when the median is the threshold."""
    return None if str(below).strip().lower() == "median" else float(below)


def _reasons(
    r: Mapping[str, Any], low: str, threshold: float, min_share: float, lang: str
) -> list[str]:
    """Why a part is where it is, in ``lang``: the default rule's reasons, one per criterion.

    These are the reasons every output prints (the CLI, the JSON, the report's sheet and slides,
    MOGNAD_PRIORITIES); nothing else restates the rule."""
    score = texts.pct(r["score"], lang, 1)
    why = [
        texts.text(low, lang, score=score, threshold=texts.pct(threshold, lang, 1))
        if r["low_score"]
        else texts.text("prio.score", lang, score=score)
    ]
    share = r["dont_know_share"]
    if share == share:
        if r["high_dont_know"]:
            why.append(
                texts.text(
                    "prio.high_dont_know",
                    lang,
                    share=texts.pct(share, lang, 1),
                    min=texts.pct(min_share, lang),
                )
            )
        elif share > 0:
            why.append(texts.text("prio.dont_know", lang, share=texts.pct(share, lang, 1)))
    if r["gap"] == r["gap"]:
        if r["gap"] < 0:
            gap = texts.pp(-r["gap"], lang, sign=False)
            target = texts.pct(r["target"], lang, 1)
            why.append(texts.text("prio.below_target", lang, gap=gap, target=target))
        else:
            why.append(texts.text("prio.target_met", lang, target=texts.pct(r["target"], lang, 1)))
    if abs(r["weight"] - 1) > 1e-9:
        why.append(
            texts.text(
                "prio.weight",
                lang,
                weight=texts.num(r["raw_weight"], lang, None),
                relative=texts.num(r["weight"], lang, 2),
            )
        )
    return why


def _default_order(table: pd.DataFrame) -> list[str]:
    both = table["low_score_high_dont_know"].to_dict()
    priority = table["priority"].to_dict()
    order = {pid: i for i, pid in enumerate(table.index)}
    return sorted(
        table.index,
        key=lambda pid: (not bool(both[pid]), -float(priority[pid]), order[pid]),
    )


def _plugin_ranking(
    model: MaturityModel, table: pd.DataFrame, context: dict[str, Any]
) -> tuple[str, list[str], dict[str, float], dict[str, str], str | None] | None:
    """The ``rank_priorities`` answer of the model's plugin, if it gives one."""
    from ..plugins import call_each

    found = call_each(
        "rank_priorities", model=model, table=table.copy(), context=context, first=True
    )
    if found is None:
        return None
    answer = found.value
    prio: dict[str, float] = {}
    why: dict[str, str] = {}
    rule = None
    if isinstance(answer, pd.DataFrame):
        ids = [str(i) for i in answer.index]
        if "priority" in answer.columns:
            prio = {str(i): float(v) for i, v in answer["priority"].items() if v == v}
        if "reason" in answer.columns:
            why = {str(i): str(v) for i, v in answer["reason"].items() if isinstance(v, str)}
        rule = answer.attrs.get("rule")
    else:
        ids = [str(i) for i in answer]
    ids = [i for i in dict.fromkeys(ids) if i in table.index]
    return found.plugin, ids, prio, why, rule


def priorities(
    result: ScoreResult,
    *,
    target: Any = None,
    count: int = 2,
    model: Any = None,
    level: str = "statement",
    context: dict[str, Any] | None = None,
    lang: str = "sv",
) -> PriorityResult:
    """Rank the areas to start with and explain each (see :data:`DEFAULT_RULE`).

    ``level`` is statement (default), category, dimension or all; ``count`` how many to return
    in ``items`` (default 2: choose few); ``target`` anything :func:`parse_target` accepts.
    """
    lang = texts.check_lang(lang)  # "EN" is English for the model's own labels too
    m = scored_model(result, model, "priorities")
    level = check_level(level)
    count = check_count(count)
    t = parse_target(target, m, result)
    table, unscored, median, min_share = _candidates(result, m, level, ranking_target(t), lang)
    ctx = dict(context or {})
    ctx.update({"target": t, "count": int(count), "level": level, "lang": lang})
    rule, ranked_by = texts.text("prio.rule", lang), "default"
    order = _default_order(table) if not table.empty else []
    records = table.to_dict("index")
    prio = {pid: float(records[pid]["priority"]) for pid in order}
    custom_reason: dict[str, str] = {}
    answer = _plugin_ranking(m, table, ctx) if not table.empty else None
    if answer is not None:
        ranked_by, order, plugin_prio, custom_reason, plugin_rule = answer
        prio = {pid: plugin_prio.get(pid, prio.get(pid)) for pid in order}
        rule = plugin_rule or texts.text("prio.rule_plugin", lang, plugin=repr(ranked_by))
    ranked: list[Priority] = []
    for rank, pid in enumerate(order, start=1):
        r = records[pid]
        reasons = list(r["reasons"])
        if pid in custom_reason:
            reasons = [custom_reason[pid], *reasons]
        ranked.append(
            Priority(
                rank=rank,
                id=pid,
                label=r["label"],
                kind=r["kind"],
                score=none(r["score"]),
                dont_know_share=none(r["dont_know_share"]),
                target=none(r["target"]),
                gap=none(r["gap"]),
                weight=float(r["weight"]),
                priority=none(prio.get(pid)),
                low_score_high_dont_know=bool(r["low_score_high_dont_know"]),
                reasons=reasons,
                reason="; ".join(reasons),
            )
        )
    notes = []
    hidden = [pid for pid in unscored if _is_hidden(result, pid)]
    unscored = [pid for pid in unscored if pid not in hidden]
    if unscored:
        notes.append(texts.text("prio.not_ranked", lang, ids=", ".join(unscored)))
    if hidden:
        notes.append(texts.text("note.not_ranked_hidden", lang, ids=", ".join(hidden)))
    out = PriorityResult(
        model=m.name,
        level=level,
        count=int(count),
        rule=rule,
        ranked_by=ranked_by,
        target_label=None if t is None else t.name(lang),
        median_score=median,
        score_below=threshold_of(screen_settings(m)[1]),
        min_share=min_share,
        items=ranked[: int(count)],
        ranked=ranked,
        unscored=unscored,
        notes=notes,
    )
    return disclosure.finish(out, disclosure.policy_of(result, lang), lang, result.notes)


def _is_hidden(result: ScoreResult, part_id: str) -> bool:
    """A part without a score because the anonymity policy hides it (not for lack of answers)."""
    s = result.statements.get(part_id)
    if s is not None:
        return s.hidden
    info = result.disclosure
    d = result.dimensions.get(part_id)
    return bool(info and d is not None and set(d.statements) & set(info.hidden_statements))
