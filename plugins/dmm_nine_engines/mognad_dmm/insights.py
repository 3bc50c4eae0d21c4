"""The ModelInsight objects the plugin adds to a score (``mognad score ... --model dmm``).

Keys: ``dmm_levels``, ``dmm_profile``, ``dmm_weakest``, ``dmm_practice`` (only with a finding),
``dmm_markers`` (only with a finding), ``dmm_spread`` (when respondent rows are available),
``dmm_target_gap`` (when a target is given) and ``dmm_target_error`` (when it cannot be read).

Everything is published under the anonymity policy the core passes in ``context["disclosure"]``
(its threshold, and spread figures only from twice that many respondents): the plugin applies
no threshold of its own.
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
)

from .analysis import Profile, marker_check, practice_check, profile, weakest
from .groups import respondent_engine_scores, spread_stats
from .settings import Settings, level_label, settings_for
from .targets import target_gap


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


def pct0(value: float) -> str:
    return f"{value * 100:.0f} %"


def points(value: float | None, lang: str, signed: bool = True) -> str:
    """Percentage points: "−9.1 p.e." (sv) / "−9.1 pp" (en)."""
    if value is None:
        return "–"
    unit = "pp" if lang == "en" else "p.e."
    sign = ("+" if value > 0.00049 else ("−" if value < -0.00049 else "±")) if signed else ""
    return f"{sign}{abs(value) * 100:.1f} {unit}"


def bar(value: float | None, width: int = 20) -> str:
    if value is None:
        return "·" * width
    full = round(max(0.0, min(1.0, value)) * width)
    return "█" * full + "·" * (width - full)


def _names(items: list[str]) -> str:
    return ", ".join(items[:-1]) + (" och " if len(items) > 1 else "") + items[-1] if items else ""


def _names_en(items: list[str]) -> str:
    return ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + items[-1] if items else ""


def _join(items: list[str], lang: str) -> str:
    return _names_en(items) if lang == "en" else _names(items)


def target_text(model: MaturityModel, value: float | None, lang: str) -> str:
    """A target as a percentage, with the level name when it is a level's lower bound."""
    if value is None:
        return "–"
    for lv in model.levels:
        if abs(lv.lower_bound - value) < 1e-9:
            return f"{pct(value)} ({lv.label(lang)})"
    return pct(value)


def target_title(model: MaturityModel, target: Any, lang: str) -> str:
    """A readable name for a target; an unnamed inline profile is spelled out."""
    label = target.display(lang)
    if target.kind == "profile" and label in ("target", "målprofil", "target profile"):
        names = {d.id: d.name(lang) for d in model.dimensions}
        parts = [f"{names[k]} {pct0(v)}" for k, v in target.values.items()]
        label = (
            ", ".join(parts)
            if len(parts) <= 3
            else ("own profile" if lang == "en" else "egen profil")
        )
    return label


def levels_insight(model: MaturityModel, p: Profile, s: Settings, lang: str) -> ModelInsight:
    en = lang == "en"
    bounds = ", ".join(
        f"{lv.label(lang)} {'from' if en else 'från'} {pct0(lv.lower_bound)}"
        for lv in model.levels
        if lv.lower_bound > 0
    )
    phase = level_label(model, p.phase, lang) or "–"
    text = (
        f"The organisation's current phase: {phase} ({pct(p.overall)}). Levels: {bounds}. "
        f"Position = engine score against the mean of the engines ({pct(p.mean)}), "
        f"± {s.relation_margin * 100:.0f} pp."
        if en
        else f"Organisationens fas: {phase} ({pct(p.overall)}). Nivåer: {bounds}. "
        f"Läge = motorns poäng mot snittet av motorerna ({pct(p.mean)}), "
        f"± {s.relation_margin * 100:.0f} p.e."
    )
    rows = []
    for e in p.engines:
        rel = s.relation_labels.get(e.relation or "")
        relation = (rel.en if en else rel.sv) if rel else None
        if not e.enough_answers:
            need = min(s.min_answered_per_engine, e.statements)
            rows.append(
                {
                    ("engine" if en else "motor"): e.name(lang),
                    ("level" if en else "nivå"): (
                        f"not enough answers ({e.statements_answered} of {e.statements} "
                        f"statements answered, {need} needed)"
                        if en
                        else f"för få svar ({e.statements_answered} av {e.statements} påståenden "
                        f"besvarade, {need} krävs)"
                    ),
                }
            )
            continue
        rows.append(
            {
                ("engine" if en else "motor"): e.name(lang),
                ("score" if en else "poäng"): pct(e.score),
                ("level" if en else "nivå"): e.level_name(lang) or "–",
                ("position" if en else "läge"): f"{relation} ({points(e.diff, lang)})",
                ("description" if en else "beskrivning"): e.text(lang) or "–",
            }
        )
    return ModelInsight(
        key="dmm_levels",
        title="Level per engine" if en else "Nivå per motor",
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
    en = lang == "en"
    rings = ", ".join(pct0(r["value"]) for r in p.rings)
    return ModelInsight(
        key="dmm_profile",
        title=(
            f"Profile across the {len(p.engines)} engines"
            if en
            else f"Profil över de {len(p.engines)} motorerna"
        ),
        text=(
            f"In model order on a fixed 0-100 % axis; level rings at {rings}. Radar-chart data: "
            "JSON output, insight dmm_profile, field data."
            if en
            else f"I modellens ordning på en fast axel 0-100 %; nivåringar vid {rings}. Data för "
            "radardiagram: JSON-utdata, insikten dmm_profile, fältet data."
        ),
        data=p.radar(lang),
        rows=[
            {
                ("engine" if en else "motor"): e.name(lang),
                "profil" if not en else "profile": f"{bar(e.score)} {pct(e.score)}",
            }
            for e in p.engines
        ],
    )


def weakest_insight(model: MaturityModel, result: ScoreResult, lang: str) -> ModelInsight:
    en = lang == "en"
    w = weakest(result, model)
    rows = []
    for e in w.engines:
        row = {
            ("engine" if en else "motor"): e.name(lang),
            ("score" if en else "poäng"): pct(e.score),
            ("against the mean" if en else "mot snittet"): points(e.diff, lang),
            ("level" if en else "nivå"): e.level_name(lang) or "–",
        }
        if e.focus:
            row["focus" if en else "fokus"] = "yes" if en else "ja"
        row["next step" if en else "nästa steg"] = e.step(lang) or "–"
        rows.append(row)
    margin = f"{w.margin * 100:.0f}"
    if not w.engines:
        text = "No engine has a score." if en else "Ingen motor har någon poäng."
    elif w.relative_only:
        e = w.engines[0]
        text = (
            f"No engine is {margin} pp or more below the mean of the engines ({pct(w.mean)}); "
            f"the relatively weakest is {e.name(lang)}."
            if en
            else f"Ingen motor ligger {margin} procentenheter eller mer under snittet av motorerna "
            f"({pct(w.mean)}); relativt svagast är {e.name(lang)}."
        )
    else:
        focus = [e.name(lang) for e in w.engines if e.focus]
        text = (
            f"Weak = {margin} pp or more below the organisation's own mean of the engines "
            f"({pct(w.mean)}). Suggested focus: {_join(focus, lang)}."
            if en
            else f"Svag = minst {margin} procentenheter under organisationens eget snitt av "
            f"motorerna ({pct(w.mean)}). Förslag att börja med: {_join(focus, lang)}."
        )
    return ModelInsight(
        key="dmm_weakest",
        title=(
            "Weakest engines relative to the organisation's own mean"
            if en
            else "Svagaste motorer jämfört med organisationens eget snitt"
        ),
        text=text,
        data=w.model_dump(),
        rows=rows,
    )


def practice_insight(model: MaturityModel, result: ScoreResult, lang: str) -> ModelInsight | None:
    en = lang == "en"
    c = practice_check(result, model)
    if not c.notes:
        return None
    labels = {d.id: d.name(lang) for d in model.dimensions}
    phase = level_label(model, c.phase, lang)
    lead = _join([labels[i] for i in c.lead], lang)
    if en:
        text = f"Recommended practice in {phase}: " + (
            f"{lead} lead." if lead else "even out the engines."
        )
        if c.even_out and c.spread is not None:
            text += f" Spread between the engines: {c.spread * 100:.0f} pp."
        words = {
            "lead_behind": "behind phase although it should lead",
            "lead_in_phase": "only in phase; it should lead",
            "behind_in_acceleration": (
                "behind the others; in Acceleration the engines should even out"
            ),
        }
    else:
        text = f"Rekommenderad ordning i {phase}: " + (
            f"{lead} går före." if lead else "motorerna jämnas ut."
        )
        if c.even_out and c.spread is not None:
            text += f" Spridning mellan motorerna: {c.spread * 100:.0f} p.e."
        words = {
            "lead_behind": "efter fas fast den bör gå före enligt rekommenderad ordning",
            "lead_in_phase": "bara i fas; den bör gå före",
            "behind_in_acceleration": "efter de andra; i Acceleration bör motorerna jämnas ut",
        }
    return ModelInsight(
        key="dmm_practice",
        title="Recommended practice" if en else "Rekommenderad ordning",
        text=text,
        data=c.model_dump(),
        rows=[
            {
                ("engine" if en else "motor"): labels[n.engine],
                ("finding" if en else "iakttagelse"): words[n.kind],
                ("against the mean" if en else "mot snittet"): points(n.diff, lang),
            }
            for n in c.notes
        ],
    )


def marker_insight(model: MaturityModel, result: ScoreResult, lang: str) -> ModelInsight | None:
    en = lang == "en"
    flags = marker_check(result, model)
    if not flags:
        return None
    rows = []
    for f in flags:
        lv, mk = level_label(model, f.level, lang), level_label(model, f.marker_level, lang)
        rows.append(
            {
                ("engine" if en else "motor"): f.label_en if en and f.label_en else f.label,
                ("finding" if en else "iakttagelse"): (
                    f"placed in {lv} on average, but its {mk} marker {f.statement} scores "
                    f"{pct(f.marker_score)}"
                    if en
                    else f"placerad i {lv} i snitt, men {mk}-markören {f.statement} har "
                    f"{pct(f.marker_score)}"
                ),
            }
        )
    return ModelInsight(
        key="dmm_markers",
        title="Phase marker check" if en else "Kontroll av fasmarkörer",
        text=(
            "Each engine has one statement per phase. A level comes from a mean, so a marker "
            "below 50 % on or below the engine's level is worth discussing."
            if en
            else "Varje motor har ett påstående per fas. Nivån kommer från ett medelvärde, så en "
            "markör under 50 % på eller under motorns nivå är värd att diskutera."
        ),
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
    en = lang == "en"
    if not isinstance(responses, ResponseSet) or responses.n == 0:
        return None
    info = result.disclosure
    hidden_ids = set(info.hidden_statements) if info is not None else set()
    hidden = np.array([sid in hidden_ids for sid in model.statement_ids], dtype=bool)
    per = respondent_engine_scores(disclosure.masked(responses, hidden), s)
    data = []
    rows = []
    limit = f"{s.spread_flag_range * 100:g}"
    for d in model.dimensions:
        r = {"engine": d.id, "label": d.label, "label_en": d.label_en}
        r.update(spread_stats(per[d.id], model, s, pol, lang))
        data.append(r)
        if not r["low_agreement"]:
            continue
        if not r["spread_shown"]:  # a flag only: no figure that pins a respondent
            rows.append(
                {
                    ("engine" if en else "motor"): d.name(lang),
                    ("agreement" if en else "samsyn"): (
                        f"{r['agreement']} (range above {limit} pp)"
                        if en
                        else f"{r['agreement']} (spann över {limit} p.e.)"
                    ),
                }
            )
            continue
        shares = ", ".join(
            f"{lv.label(lang)} {pct0(r['share_' + lv.name])}"
            for lv in model.levels
            if r.get("share_" + lv.name)
        )
        rows.append(
            {
                ("engine" if en else "motor"): d.name(lang),
                "SD": f"{r['sd'] * 100:.1f} {'pp' if en else 'p.e.'}",
                ("range" if en else "spann"): f"{r['min'] * 100:.0f}–{r['max'] * 100:.0f} %",
                ("levels" if en else "nivåer"): shares,
            }
        )
    if all(r["agreement"] is None for r in data):
        return None  # too few respondents with a score to say anything
    flagged = [row[("engine" if en else "motor")] for row in rows]
    if any(r["spread_shown"] for r in data):
        rule = (
            f"low agreement = SD above {s.spread_flag_sd * 100:.0f} pp, or at least "
            f"{pct0(s.spread_level_split_share)} of the respondents in each of two levels "
            f"{s.spread_level_split_distance} or more steps apart"
            if en
            else f"låg samsyn = SD över {s.spread_flag_sd * 100:.0f} p.e., eller minst "
            f"{pct0(s.spread_level_split_share)} av respondenterna i vardera av två nivåer med "
            f"minst {s.spread_level_split_distance} steg emellan"
        )
    else:
        need = max(pol.spread_min, s.spread_min_respondents)
        rule = (
            f"spread figures need at least {need} respondents with a score; here only whether "
            f"the highest and lowest scores are more than {limit} pp apart (divided)"
            if en
            else f"spridningsmått kräver minst {need} respondenter med poäng; här bara om "
            f"högsta och lägsta poäng skiljer sig mer än {limit} p.e. (spridd)"
        )
    if en:
        text = f"Respondent-level engine scores, {rule}. " + (
            f"Low agreement: {_join(flagged, lang)}." if flagged else "No engine is flagged."
        )
    else:
        text = f"Respondenternas poäng per motor, {rule}. " + (
            f"Låg samsyn: {_join(flagged, lang)}." if flagged else "Ingen motor flaggas."
        )
    return ModelInsight(
        key="dmm_spread",
        title="Spread between respondents" if en else "Spridning mellan respondenter",
        text=text,
        data={"engines": data, "spread_min": max(pol.spread_min, s.spread_min_respondents)},
        rows=rows,
    )


def gap_insight(model: MaturityModel, result: ScoreResult, target: Any, lang: str) -> ModelInsight:
    en = lang == "en"
    try:
        g = target_gap(result, target, model)
    except MognadError as exc:
        return ModelInsight(
            key="dmm_target_error",
            title="The target profile could not be used"
            if en
            else "Målprofilen kunde inte användas",
            text=str(exc),
            data={"target": str(target), "error": str(exc)},
        )
    ordered = g.ordered()
    with_gap = [e for e in ordered if (e.gap or 0) > 0]
    without = [e for e in g.engines if e.gap is None]
    label = target_title(model, g.target, lang)
    if en:
        parts = [
            f"{len(with_gap)} of {len(ordered)} engines with a target are below it"
            + (
                f"; largest gap: {with_gap[0].name(lang)} ({points(with_gap[0].gap, lang, False)})"
                if with_gap
                else ""
            )
            + "."
        ]
        if without:
            parts.append(f"No target or no score: {_join([e.name(lang) for e in without], lang)}.")
    else:
        parts = [
            f"{len(with_gap)} av {len(ordered)} motorer med mål ligger under målet"
            + (
                f"; störst gap: {with_gap[0].name(lang)} ({points(with_gap[0].gap, lang, False)})"
                if with_gap
                else ""
            )
            + "."
        ]
        if without:
            parts.append(
                f"Inget mål eller ingen poäng: {_join([e.name(lang) for e in without], lang)}."
            )
    rows = []
    for e in ordered:
        tl = level_label(model, e.target_level, lang) or "–"
        cur = level_label(model, e.level, lang) or "–"
        rows.append(
            {
                ("engine" if en else "motor"): e.name(lang),
                ("score" if en else "poäng"): pct(e.score),
                ("target" if en else "mål"): target_text(model, e.target, lang),
                "gap": points(e.gap, lang, False)
                if e.gap
                else ("target met" if en else "målet nått"),
                ("level → target" if en else "nivå → mål"): f"{cur} → {tl}",
            }
        )
    return ModelInsight(
        key="dmm_target_gap",
        title=(f"Gap to the target profile: {label}" if en else f"Gap till målprofilen: {label}"),
        text=" ".join(parts),
        data=g.model_dump(),
        rows=rows,
    )


def build_insights(
    model: MaturityModel, result: ScoreResult, context: dict[str, Any]
) -> list[ModelInsight]:
    """Every DMM insight for a finished score."""
    lang = "en" if (context or {}).get("lang") == "en" else "sv"
    s = settings_for(model)
    p = profile(result, model, settings=s)
    out = [
        levels_insight(model, p, s, lang),
        profile_insight(p, lang),
        weakest_insight(model, result, lang),
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
