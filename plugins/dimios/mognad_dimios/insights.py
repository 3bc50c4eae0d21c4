"""The DiMiOS findings shown with a score (the ``model_insights`` hook).

Each finding is a :class:`~mognad_core.ModelInsight`: ``text`` is one sentence, ``rows`` become
bullet lines in ``mognad score``, ``data`` holds the machine-readable values for JSON. A part
whose settings the model lacks (no ``meta.axis`` tags, no benchmarks) is left out.

Every finding is published under the anonymity policy the core passes in
``context["disclosure"]`` (a :class:`~mognad_core.disclosure.DisclosurePolicy`): the plugin
applies no threshold of its own, and a group the policy hides appears only as hidden.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from mognad_core import (
    MaturityModel,
    ModelError,
    ModelInsight,
    MognadError,
    ResponseSet,
    ScoreResult,
    disclosure,
)
from mognad_core.schema import normalize_token

from . import benchmark as benchmark_mod
from . import classification, priorities
from ._common import lang_of, pct, pp
from .balance import balance as compute_balance
from .balance import describe as describe_balance

DEFAULT_GROUP_COLUMNS = ("förvaltning",)
_CODE_ALIAS = re.compile(r"\d")


def applies(model: MaturityModel) -> bool:
    """DiMiOS itself, or any model (e.g. a user's own file) that declares ``meta.quadrants``."""
    return model.name == "dimios" or bool(model.meta.get("quadrants"))


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _sv_en(lang: str, sv: str, en: str) -> str:
    return en if lang == "en" else sv


# ---- the 2×2 ------------------------------------------------------------------------------
def quadrant_insight(model: MaturityModel, result: ScoreResult, lang: str) -> ModelInsight:
    c = classification.classify(result, model, lang)
    title = _sv_en(lang, "DiMiOS-kategori (2×2)", "DiMiOS category (2×2)")
    if c.quadrant is None:
        return ModelInsight(
            key="dimios.quadrant", title=title, text=c.reason or "", data=c.model_dump()
        )
    rows: list[dict[str, Any]] = [
        {_sv_en(lang, "Innebörd", "Meaning"): c.description or ""},
        {_sv_en(lang, "Rekommendation", "Recommendation"): c.recommendation or ""},
        {
            _sv_en(lang, "Avstånd till gränsen", "Distance to the border"): (
                classification.distance_text(c)
            )
        },
    ]
    if c.near_border:
        rows.append(
            {
                _sv_en(lang, "Obs", "Note"): _sv_en(
                    lang,
                    "nära gränsen – en liten förändring kan flytta organisationen till en annan "
                    "kategori",
                    "near the border – a small change can move the organisation to another "
                    "category",
                )
            }
        )
    return ModelInsight(
        key="dimios.quadrant",
        title=f"{title}: {c.name}",
        text=c.summary(with_name=False),
        data=c.model_dump(),
        rows=rows,
    )


def group_insights(
    model: MaturityModel,
    responses: ResponseSet | None,
    lang: str,
    policy: disclosure.DisclosurePolicy | None = None,
) -> list[ModelInsight]:
    """The 2×2 per group of each ``meta.insight_groups`` column, under ``policy`` (the hook
    context's; default: the settings' policy). Hidden groups carry no figures and no size."""
    pol = disclosure.policy(policy, lang)
    if responses is None or not isinstance(responses, ResponseSet) or responses.n == 0:
        return []
    wanted = model.meta.get("insight_groups", list(DEFAULT_GROUP_COLUMNS))
    if not isinstance(wanted, list):
        raise ModelError(f"model {model.name!r}: meta.insight_groups must be a list of columns")
    present = {normalize_token(c) for c in responses.attributes.columns}
    out = []
    for by in wanted:
        if normalize_token(str(by)) not in present:
            continue
        grouped = classification.classify_groups(responses, str(by), pol, model=model, lang=lang)
        org = grouped.organisation
        rows = [classification.describe_group(g, org.x, org.y, lang) for g in grouped.groups]
        shown = sum(1 for g in grouped.groups if not g.suppressed)
        rule = classification.hidden_rule(grouped.min_size, lang)
        text = _sv_en(
            lang,
            f"{shown} av {len(grouped.groups)} grupper visas; {rule}.",
            f"{shown} of {len(grouped.groups)} groups shown; {rule}.",
        )
        text = " ".join([text, *disclosure.notes_for(pol, lang)])
        out.append(
            ModelInsight(
                key=f"dimios.groups.{grouped.by}",
                title=_sv_en(lang, f"2×2 per {grouped.by}", f"2×2 by {grouped.by}"),
                text=text,
                data=grouped.model_dump(exclude={"organisation"}),
                rows=rows,
            )
        )
    return out


# ---- balance, benchmark, priorities -------------------------------------------------------
def balance_insight(model: MaturityModel, result: ScoreResult, lang: str) -> ModelInsight | None:
    if not any("axis" in s.meta for s in model.statements):
        return None
    b = compute_balance(result, model, lang=lang)
    rows = [
        {
            _sv_en(lang, "Del", "Part"): part.label,
            "Balans" if lang == "sv" else "Balance": (describe_balance(part, b)),
        }
        for part in b.dimensions.values()
    ]
    text = describe_balance(b.overall, b)
    text = text[0].upper() + text[1:] + "."
    if b.overall.tilt == "exploit":
        text += _sv_en(
            lang,
            " Det är vanligt i offentlig sektor enligt forskningen bakom DiMiOS.",
            " Research behind DiMiOS finds this is common in the public sector.",
        )
    return ModelInsight(
        key="dimios.balance",
        title=_sv_en(lang, "Effektivitet–innovation", "Efficiency–innovation"),
        text=text,
        data=b.model_dump(),
        rows=rows,
    )


def benchmark_insight(
    model: MaturityModel, result: ScoreResult, target: Any, lang: str
) -> ModelInsight | None:
    if not model.benchmarks and target is None:
        return None
    gap, problem = benchmark_mod.gap_for_context(result, model, target, lang)
    text = f"{benchmark_mod.describe(gap)} {gap.caveat}"
    rows: list[dict[str, Any]] = []
    if problem:
        rows.append({_sv_en(lang, "Obs", "Note"): problem})
    for b in model.benchmarks:
        if b.name == gap.benchmark or b.overall is None or result.overall is None:
            continue
        other = benchmark_mod.benchmark_gap(result, b, model, lang=lang)
        label = other.label
        if other.year and str(other.year) not in label:
            label += f" {other.year}"
        if other.is_target:
            label += _sv_en(lang, " (mål)", " (target)")
        rows.append(
            {
                _sv_en(lang, "Jämfört med", "Against"): label,
                _sv_en(lang, "Värde", "Value"): pct(other.value, 0),
                _sv_en(lang, "Skillnad", "Gap"): pp(other.gap_pp, lang),
            }
        )
    if gap.source:
        rows.append({_sv_en(lang, "Källa", "Source"): " ".join(gap.source.split())})
    national = model.meta.get("national_benchmarks") or []
    if isinstance(national, list) and gap.benchmark in national:
        title = _sv_en(
            lang, "Jämförelse med nationellt snitt", "Compared with the national average"
        )
    elif gap.is_target:
        title = _sv_en(lang, "Jämförelse med mål", "Compared with a target")
    else:
        title = _sv_en(lang, "Jämförelse", "Comparison")
    return ModelInsight(
        key="dimios.benchmark", title=title, text=text, data=gap.model_dump(), rows=rows
    )


def weakest_insight(result: ScoreResult, lang: str) -> ModelInsight | None:
    weak = priorities.weakest_categories(result, lang=lang)
    if not weak:
        return None
    names = ", ".join(f"{w.label} ({pct(w.score)})" for w in weak)
    return ModelInsight(
        key="dimios.weakest_categories",
        title=_sv_en(lang, "Relativt svagaste kategorier", "Relatively weakest categories"),
        text=_sv_en(
            lang,
            f"{names}. DiMiOS lyfter de tre lägsta kategorierna som svagheter, även när "
            "helheten är god.",
            f"{names}. DiMiOS presents the three lowest categories as weaknesses, even when the "
            "whole is good.",
        ),
        data={"categories": [w.model_dump() for w in weak]},
    )


def start_insight(model: MaturityModel, result: ScoreResult, lang: str) -> ModelInsight | None:
    if "dont_know_priority" not in model.meta:
        return None
    sp = priorities.where_to_start(result, model, lang=lang)
    conf = model.meta.get("dont_know_priority")
    median = not isinstance(conf, Mapping) or conf.get("score_below", "median") == "median"
    limit = pct(sp.score_below) if sp.score_below is not None else "–"
    if median:
        limit = _sv_en(lang, f"medianen, {limit}", f"the median, {limit}")
    criteria = _sv_en(
        lang,
        f"andel vet ej minst {pct(sp.min_share, 0)} och värde under gränsen ({limit})",
        f"vet-ej share at least {pct(sp.min_share, 0)} and score below the limit ({limit})",
    )
    if not sp.candidates:
        text = _sv_en(
            lang,
            f"Inget påstående har både {criteria}.",
            f"No statement has both {criteria}.",
        )
    else:
        text = _sv_en(
            lang,
            f"{_count(len(sp.candidates), 'påstående har', 'påståenden har')} {criteria} – "
            "en bra plats att börja. Välj ett eller två gemensamma områden.",
            f"{_count(len(sp.candidates), 'statement has', 'statements have')} {criteria} – a "
            "good place to start. Pick one or two shared areas.",
        )
    rows = []
    for c in sp.candidates:
        row = {
            "Id": c.id,
            _sv_en(lang, "Påstående", "Statement"): c.text,
            _sv_en(lang, "Värde", "Score"): pct(c.score),
            "Vet ej": pct(c.dont_know_share),
        }
        if c.topic_label:
            row[_sv_en(lang, "Område", "Topic")] = c.topic_label
        rows.append(row)
    return ModelInsight(
        key="dimios.where_to_start",
        title=_sv_en(lang, "Var börja? Lågt värde och mycket vet ej", "Where to start?"),
        text=text,
        data=sp.model_dump(),
        rows=rows,
    )


def numbering_insight(
    model: MaturityModel, responses: ResponseSet | None, lang: str
) -> ModelInsight | None:
    """A caution when columns were matched by number codes ("1", "P1", "F1.1")."""
    if not isinstance(responses, ResponseSet):
        return None
    by_number: dict[str, str] = {}
    for sid, header in responses.columns.items():
        if sid not in model.statement_ids or normalize_token(header) == normalize_token(sid):
            continue
        codes = {
            normalize_token(a)
            for a in model.statement(sid).aliases
            if len(a) <= 15 and _CODE_ALIAS.search(a)
        }
        if normalize_token(header) in codes:
            by_number[sid] = header
    if not by_number:
        return None
    first = next(iter(by_number))
    text = model.statement(first).label(lang)
    example = f'"{by_number[first]}" → {first}, "{text}"'
    return ModelInsight(
        key="dimios.numbered_columns",
        title=_sv_en(lang, "Kontrollera kolumnordningen", "Check the column order"),
        text=_sv_en(
            lang,
            f"{_count(len(by_number), 'kolumn', 'kolumner')} matchades på nummer (t.ex. "
            f"{example}). Numren följer den här modellens ordning; DiMiOS-verktygets "
            "ordning är inte offentlig. Stämmer inte ordningen, använd en mappningsfil "
            "(--mapping).",
            f"{_count(len(by_number), 'column was', 'columns were')} matched by number (e.g. "
            f"{example}). The numbers follow this model's order; the DiMiOS tool's "
            "order is not public. If the order differs, use a mapping file (--mapping).",
        ),
        data={"columns": by_number},
    )


# ---- all of them --------------------------------------------------------------------------
def build_insights(
    model: MaturityModel, result: ScoreResult, context: Mapping[str, Any] | None
) -> list[ModelInsight]:
    """Every DiMiOS finding for a result, in the order they are shown."""
    ctx = dict(context or {})
    lang = lang_of(ctx.get("lang"))
    responses = ctx.get("responses")
    pol = ctx.get("disclosure")
    if not isinstance(pol, disclosure.DisclosurePolicy):  # called without the core's context
        pol = disclosure.policy_of(result, lang)
    builders = [
        lambda: [quadrant_insight(model, result, lang)],
        lambda: group_insights(model, responses, lang, pol),
        lambda: [balance_insight(model, result, lang)],
        lambda: [benchmark_insight(model, result, ctx.get("target"), lang)],
        lambda: [weakest_insight(result, lang)],
        lambda: [start_insight(model, result, lang)],
        lambda: [numbering_insight(model, responses, lang)],
    ]
    out: list[ModelInsight] = []
    problems: list[str] = []
    for build in builders:
        try:
            out.extend(i for i in build() if i is not None)
        except MognadError as exc:  # a setting in a user's model file: say so, keep the rest
            problems.append(str(exc))
    if problems:
        out.append(
            ModelInsight(
                key="dimios.settings",
                title=_sv_en(lang, "Modellens inställningar", "Model settings"),
                text=_sv_en(
                    lang,
                    "En del av DiMiOS-resultatet kunde inte tas fram:",
                    "Part of the DiMiOS output could not be produced:",
                ),
                data={"problems": problems},
                rows=[{_sv_en(lang, "Problem", "Problem"): p} for p in problems],
            )
        )
    return out
