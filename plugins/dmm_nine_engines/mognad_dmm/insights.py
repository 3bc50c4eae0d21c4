"""The ModelInsight objects the plugin adds to a score (``mognad score ... --model dmm``).

Keys: ``dmm_levels``, ``dmm_profile``, ``dmm_weakest``, ``dmm_practice`` (only with a finding),
``dmm_markers`` (only with a finding), ``dmm_spread`` (when respondent rows are available),
``dmm_target_gap`` (when a target is given) and ``dmm_target_error`` (when it cannot be read).

Everything is published under the anonymity policy the core passes in ``context["disclosure"]``
(its threshold, and spread figures only from twice that many respondents): the plugin applies
no threshold of its own. Every text comes from the plugin's texts (:mod:`mognad_dmm.texts`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from mognad_core import (
    MaturityModel,
    ModelInsight,
    MognadError,
    ResponseSet,
    ScoreResult,
    disclosure,
    texts,
    where_to_start,
)
from mognad_core.schema import in_language

from .analysis import Profile, marker_check, practice_check, profile, weakest
from .groups import respondent_engine_scores, spread_stats
from .settings import Settings, level_label, settings_for
from .targets import target_gap


def bar(value: float | None, width: int = 20) -> str:
    if value is None:
        return "·" * width
    full = round(max(0.0, min(1.0, value)) * width)
    return "█" * full + "·" * (width - full)


def target_text(model: MaturityModel, value: float | None, lang: str) -> str:
    """A target as a percentage, with the level name when it is a level's lower bound."""
    if value is None:
        return "–"
    for lv in model.levels:
        if abs(lv.lower_bound - value) < 1e-9:
            return f"{texts.pct(value, lang, 1)} ({lv.label(lang)})"
    return texts.pct(value, lang, 1)


def target_title(model: MaturityModel, target: Any, lang: str) -> str:
    """A readable name for a target; an unnamed inline profile is spelled out."""
    label = target.display(lang)
    if target.kind == "profile" and label == texts.text("target.profile", lang):
        names = {d.id: d.name(lang) for d in model.dimensions}
        parts = [f"{names[k]} {texts.pct(v, lang)}" for k, v in target.values.items()]
        label = ", ".join(parts) if len(parts) <= 3 else texts.text("dmm.own_profile", lang)
    return label


def levels_insight(model: MaturityModel, p: Profile, s: Settings, lang: str) -> ModelInsight:
    t = texts.Texts(lang)
    bounds = ", ".join(
        t("dmm.levels.bound", level=lv.label(lang), value=t.pct(lv.lower_bound))
        for lv in model.levels
        if lv.lower_bound > 0
    )
    text = t(
        "dmm.levels.text",
        phase=level_label(model, p.phase, lang) or "–",
        overall=t.pct(p.overall, 1),
        bounds=bounds,
        mean=t.pct(p.mean, 1),
        margin=t.num(s.relation_margin * 100, 0),
    )
    rows = []
    for e in p.engines:
        rel = s.relation_labels.get(e.relation or "")
        relation = in_language(rel.sv, rel.en, lang) if rel else None
        if not e.enough_answers:
            need = min(s.min_answered_per_engine, e.statements)
            rows.append(
                {
                    t("dmm.col.engine"): e.name(lang),
                    t("dmm.col.level"): t(
                        "dmm.levels.too_few",
                        answered=e.statements_answered,
                        statements=e.statements,
                        need=need,
                    ),
                }
            )
            continue
        rows.append(
            {
                t("dmm.col.engine"): e.name(lang),
                t("dmm.col.score"): t.pct(e.score, 1),
                t("dmm.col.level"): e.level_name(lang) or "–",
                t("dmm.col.position"): f"{relation} ({t.pp(e.diff)})",
                t("dmm.col.description"): e.text(lang) or "–",
            }
        )
    return ModelInsight(
        key="dmm_levels",
        title=t("dmm.levels.title"),
        text=text,
        data={
            "phase": p.phase,
            "overall": p.overall,
            "mean": p.mean,
            "relation_margin": s.relation_margin,
            "engines": [e.model_dump() for e in p.engines],
        },
        rows=rows,
    )


def profile_insight(p: Profile, lang: str) -> ModelInsight:
    t = texts.Texts(lang)
    rings = ", ".join(t.pct(r["value"]) for r in p.rings)
    return ModelInsight(
        key="dmm_profile",
        title=t("dmm.profile.title", count=len(p.engines)),
        text=t("dmm.profile.text", rings=rings),
        data=p.radar(lang),
        rows=[
            {
                t("dmm.col.engine"): e.name(lang),
                t("dmm.col.profile"): f"{bar(e.score)} {t.pct(e.score, 1)}",
            }
            for e in p.engines
        ],
    )


def weakest_insight(
    model: MaturityModel, result: ScoreResult, lang: str, target: Any = None, count: int = 2
) -> ModelInsight:
    """The engines behind the organisation's own mean, and where to start: the one decision of
    :func:`mognad_core.where_to_start` (the same areas ``mognad priorities``, the report and
    MOGNAD_PRIORITIES show), so the model's findings never suggest other engines."""
    t = texts.Texts(lang)
    w = weakest(result, model)
    chosen = where_to_start(result, model=model, target=target, count=count, lang=lang).areas
    start = t.join([a.label for a in chosen])
    chosen_ids = {a.id for a in chosen}
    rows = []
    for e in w.engines:
        row = {
            t("dmm.col.engine"): e.name(lang),
            t("dmm.col.score"): t.pct(e.score, 1),
            t("dmm.col.against_mean"): t.pp(e.diff),
            t("dmm.col.level"): e.level_name(lang) or "–",
        }
        if e.id in chosen_ids:
            row[t("dmm.col.focus")] = t("yes")
        row[t("dmm.col.next_step")] = e.step(lang) or "–"
        rows.append(row)
    margin = t.num(w.margin * 100, 0)
    if not w.engines:
        text = t("dmm.weakest.none")
    elif w.relative_only:
        text = t(
            "dmm.weakest.relative_only",
            margin=margin,
            mean=t.pct(w.mean, 1),
            engine=w.engines[0].name(lang),
        )
    else:
        weak = t.join([e.name(lang) for e in w.engines])
        text = t("dmm.weakest.text", margin=margin, mean=t.pct(w.mean, 1), weak=weak)
    if start:
        text += " " + t("dmm.weakest.start", areas=start)
    return ModelInsight(
        key="dmm_weakest",
        title=t("dmm.weakest.title"),
        text=text,
        data=w.model_dump(),
        rows=rows,
    )


def practice_insight(model: MaturityModel, result: ScoreResult, lang: str) -> ModelInsight | None:
    t = texts.Texts(lang)
    c = practice_check(result, model)
    if not c.notes:
        return None
    labels = {d.id: d.name(lang) for d in model.dimensions}
    phase = level_label(model, c.phase, lang)
    lead = t.join([labels[i] for i in c.lead])
    if lead:
        text = t("dmm.practice.lead", phase=phase, lead=lead)
    else:
        text = t("dmm.practice.even_out", phase=phase)
    if c.even_out and c.spread is not None:
        text += t("dmm.practice.spread", spread=t.num(c.spread * 100, 0))
    return ModelInsight(
        key="dmm_practice",
        title=t("dmm.practice.title"),
        text=text,
        data=c.model_dump(),
        rows=[
            {
                t("dmm.col.engine"): labels[n.engine],
                t("dmm.col.finding"): t(f"dmm.practice.{n.kind}"),
                t("dmm.col.against_mean"): t.pp(n.diff),
            }
            for n in c.notes
        ],
    )


def marker_insight(model: MaturityModel, result: ScoreResult, lang: str) -> ModelInsight | None:
    t = texts.Texts(lang)
    flags = marker_check(result, model)
    if not flags:
        return None
    rows = []
    for f in flags:
        rows.append(
            {
                t("dmm.col.engine"): in_language(f.label, f.label_en, lang),
                t("dmm.col.finding"): t(
                    "dmm.markers.finding",
                    level=level_label(model, f.level, lang),
                    marker=level_label(model, f.marker_level, lang),
                    statement=f.statement,
                    score=t.pct(f.marker_score, 1),
                ),
            }
        )
    return ModelInsight(
        key="dmm_markers",
        title=t("dmm.markers.title"),
        text=t("dmm.markers.text"),
        data={"flags": [f.model_dump() for f in flags]},
        rows=rows,
    )


def spread_insight(
    model: MaturityModel,
    responses: Any,
    result: ScoreResult,
    s: Settings,
    pol: disclosure.DisclosurePolicy,
    lang: str,
) -> ModelInsight | None:
    """How much the respondents agree per engine, as the anonymity policy allows: spread figures
    from ``pol.spread_min`` respondents with a score, a coarse flag (divided or in agreement)
    from ``min_size``; statements the policy hides are left out of every respondent's score."""
    t = texts.Texts(lang)
    if not isinstance(responses, ResponseSet) or responses.n == 0:
        return None
    info = result.disclosure
    hidden_ids = set(info.hidden_statements) if info is not None else set()
    hidden = np.array([sid in hidden_ids for sid in model.statement_ids], dtype=bool)
    per = respondent_engine_scores(disclosure.masked(responses, hidden), s)
    data = []
    rows = []
    flagged = []
    limit = texts.num(s.spread_flag_range * 100, lang, None)
    for d in model.dimensions:
        r = {"engine": d.id, "label": d.label, "label_en": d.label_en}
        r.update(spread_stats(per[d.id], model, s, pol, lang))
        data.append(r)
        if not r["low_agreement"]:
            continue
        flagged.append(d.name(lang))
        if not r["spread_shown"]:  # a flag only: no figure that pins a respondent
            rows.append(
                {
                    t("dmm.col.engine"): d.name(lang),
                    t("dmm.col.agreement"): t(
                        "dmm.spread.flag", agreement=r["agreement"], limit=limit
                    ),
                }
            )
            continue
        shares = ", ".join(
            f"{lv.label(lang)} {t.pct(r['share_' + lv.name])}"
            for lv in model.levels
            if r.get("share_" + lv.name)
        )
        rows.append(
            {
                t("dmm.col.engine"): d.name(lang),
                "SD": t("dmm.points", value=t.num(r["sd"] * 100)),
                t("dmm.col.range"): f"{t.num(r['min'] * 100, 0)}–{t.num(r['max'] * 100, 0)} %",
                t("dmm.col.levels"): shares,
            }
        )
    if all(r["agreement"] is None for r in data):
        return None  # too few respondents with a score to say anything
    if any(r["spread_shown"] for r in data):
        rule = t(
            "dmm.spread.rule",
            sd=t.num(s.spread_flag_sd * 100, 0),
            share=t.pct(s.spread_level_split_share),
            distance=s.spread_level_split_distance,
        )
    else:
        need = max(pol.spread_min, s.spread_min_respondents)
        rule = t("dmm.spread.rule_flag", need=need, limit=limit)
    if flagged:
        text = t("dmm.spread.text", rule=rule, engines=t.join(flagged))
    else:
        text = t("dmm.spread.text_none", rule=rule)
    return ModelInsight(
        key="dmm_spread",
        title=t("dmm.spread.title"),
        text=text,
        data={"engines": data, "spread_min": max(pol.spread_min, s.spread_min_respondents)},
        rows=rows,
    )


def gap_insight(model: MaturityModel, result: ScoreResult, target: Any, lang: str) -> ModelInsight:
    t = texts.Texts(lang)
    try:
        g = target_gap(result, target, model)
    except MognadError as exc:
        return ModelInsight(
            key="dmm_target_error",
            title=t("dmm.gap.error_title"),
            text=exc.text(lang),
            data={"target": str(target), "error": exc.text(lang)},
        )
    ordered = g.ordered()
    with_gap = [e for e in ordered if (e.gap or 0) > 0]
    without = [e for e in g.engines if e.gap is None]
    first = t("dmm.gap.below", below=len(with_gap), count=len(ordered))
    if with_gap:
        largest = with_gap[0]
        first += t(
            "dmm.gap.largest",
            engine=largest.name(lang),
            gap=t("dmm.points", value=t.num(largest.gap * 100)),
        )
    parts = [first + "."]
    if without:
        parts.append(t("dmm.gap.without", engines=t.join([e.name(lang) for e in without])))
    rows = []
    for e in ordered:
        tl = level_label(model, e.target_level, lang) or "–"
        cur = level_label(model, e.level, lang) or "–"
        rows.append(
            {
                t("dmm.col.engine"): e.name(lang),
                t("dmm.col.score"): t.pct(e.score, 1),
                t("dmm.col.target"): target_text(model, e.target, lang),
                "gap": t("dmm.points", value=t.num(e.gap * 100)) if e.gap else t("dmm.gap.met"),
                t("dmm.col.level_target"): f"{cur} → {tl}",
            }
        )
    return ModelInsight(
        key="dmm_target_gap",
        title=t("dmm.gap.title", label=target_title(model, g.target, lang)),
        text=" ".join(parts),
        data=g.model_dump(),
        rows=rows,
    )


def build_insights(
    model: MaturityModel, result: ScoreResult, context: dict[str, Any]
) -> list[ModelInsight]:
    """Every DMM insight for a finished score."""
    lang = texts.check_lang((context or {}).get("lang") or "sv")
    s = settings_for(model)
    p = profile(result, model, settings=s)
    out = [
        levels_insight(model, p, s, lang),
        profile_insight(p, lang),
        weakest_insight(
            model, result, lang, (context or {}).get("target"), (context or {}).get("count") or 2
        ),
    ]
    for extra in (practice_insight(model, result, lang), marker_insight(model, result, lang)):
        if extra is not None:
            out.append(extra)
    pol = (context or {}).get("disclosure")
    if not isinstance(pol, disclosure.DisclosurePolicy):  # called without the core's context
        pol = disclosure.policy_of(result, lang)
    spread = spread_insight(model, (context or {}).get("responses"), result, s, pol, lang)
    if spread is not None:
        out.append(spread)
    target = (context or {}).get("target")
    if target is not None and not (isinstance(target, str) and not target.strip()):
        out.append(gap_insight(model, result, target, lang))
    return out
