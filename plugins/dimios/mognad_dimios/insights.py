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
    texts,
)
from mognad_core import where_to_start as core_where_to_start
from mognad_core.schema import normalize_token

from . import benchmark as benchmark_mod
from . import classification, priorities
from .balance import balance as compute_balance
from .balance import describe as describe_balance

DEFAULT_GROUP_COLUMNS = ("förvaltning",)
_CODE_ALIAS = re.compile(r"\d")


def applies(model: MaturityModel) -> bool:
    """DiMiOS itself, or any model (e.g. a user's own file) that declares ``meta.quadrants``."""
    return model.name == "dimios" or bool(model.meta.get("quadrants"))


# ---- the 2×2 ------------------------------------------------------------------------------
def quadrant_insight(model: MaturityModel, result: ScoreResult, lang: str) -> ModelInsight:
    t = texts.Texts(lang)
    c = classification.classify(result, model, lang)
    title = t("dimios.quadrant.title")
    if c.quadrant is None:
        return ModelInsight(
            key="dimios.quadrant", title=title, text=c.reason or "", data=c.model_dump()
        )
    rows: list[dict[str, Any]] = [
        {t("dimios.col.meaning"): c.description or ""},
        {t("dimios.col.recommendation"): c.recommendation or ""},
        {t("dimios.col.distance"): classification.distance_text(c)},
    ]
    if c.near_border:
        rows.append({t("dimios.col.note"): t("dimios.quadrant.near_note")})
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
    t = texts.Texts(lang)
    pol = disclosure.policy(policy, lang)
    if responses is None or not isinstance(responses, ResponseSet) or responses.n == 0:
        return []
    wanted = model.meta.get("insight_groups", list(DEFAULT_GROUP_COLUMNS))
    if not isinstance(wanted, list):
        raise ModelError(texts.Message("dimios.error.insight_groups", model=repr(model.name)))
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
        text = t("dimios.groups.text", shown=shown, count=len(grouped.groups), rule=rule)
        text = " ".join([text, *disclosure.notes_for(pol, lang)])
        out.append(
            ModelInsight(
                key=f"dimios.groups.{grouped.by}",
                title=t("dimios.groups.title", by=grouped.by),
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
    t = texts.Texts(lang)
    b = compute_balance(result, model, lang=lang)
    rows = [
        {t("dimios.col.part"): part.label, t("dimios.col.balance"): describe_balance(part, b)}
        for part in b.dimensions.values()
    ]
    text = describe_balance(b.overall, b)
    text = text[0].upper() + text[1:] + "."
    if b.overall.tilt == "exploit":
        text += t("dimios.balance.common")
    return ModelInsight(
        key="dimios.balance",
        title=t("dimios.balance.title"),
        text=text,
        data=b.model_dump(),
        rows=rows,
    )


def benchmark_insight(
    model: MaturityModel, result: ScoreResult, target: Any, lang: str
) -> ModelInsight | None:
    if not model.benchmarks and target is None:
        return None
    t = texts.Texts(lang)
    gap, problem = benchmark_mod.gap_for_context(result, model, target, lang)
    text = f"{benchmark_mod.describe(gap)} {gap.caveat}"
    rows: list[dict[str, Any]] = []
    if problem:
        rows.append({t("dimios.col.note"): problem})
    for b in model.benchmarks:
        if b.name == gap.benchmark or b.overall is None or result.overall is None:
            continue
        other = benchmark_mod.benchmark_gap(result, b, model, lang=lang)
        label = other.label
        if other.year and str(other.year) not in label:
            label += f" {other.year}"
        if other.is_target:
            label += t("dimios.benchmark.target")
        rows.append(
            {
                t("dimios.col.against"): label,
                t("dimios.col.value"): t.pct(other.value),
                t("dimios.col.gap"): t.pp(
                    None if other.gap_pp is None else other.gap_pp / 100, long=True
                ),
            }
        )
    if gap.source:
        rows.append({t("dimios.col.source"): " ".join(gap.source.split())})
    national = model.meta.get("national_benchmarks") or []
    if isinstance(national, list) and gap.benchmark in national:
        title = t("dimios.benchmark.national")
    elif gap.is_target:
        title = t("dimios.benchmark.with_target")
    else:
        title = t("dimios.benchmark.title")
    return ModelInsight(
        key="dimios.benchmark", title=title, text=text, data=gap.model_dump(), rows=rows
    )


def weakest_insight(result: ScoreResult, lang: str) -> ModelInsight | None:
    weak = priorities.weakest_categories(result, lang=lang)
    if not weak:
        return None
    t = texts.Texts(lang)
    names = ", ".join(f"{w.label} ({t.pct(w.score, 1)})" for w in weak)
    return ModelInsight(
        key="dimios.weakest_categories",
        title=t("dimios.weakest.title"),
        text=t("dimios.weakest.text", names=names),
        data={"categories": [w.model_dump() for w in weak]},
    )


def start_insight(
    model: MaturityModel, result: ScoreResult, lang: str, target: Any = None, areas: int = 2
) -> ModelInsight | None:
    if "dont_know_priority" not in model.meta:
        return None
    t = texts.Texts(lang)
    sp = priorities.where_to_start(result, model, lang=lang)
    conf = model.meta.get("dont_know_priority")
    median = not isinstance(conf, Mapping) or conf.get("score_below", "median") == "median"
    limit = t.pct(sp.score_below, 1)
    if median:
        limit = t("dimios.start.median", limit=limit)
    criteria = t("dimios.start.criteria", share=t.pct(sp.min_share), limit=limit)
    count = len(sp.candidates)
    if not count:
        text = t("dimios.start.none", criteria=criteria)
    else:
        text = t(
            "dimios.start.one" if count == 1 else "dimios.start.many",
            count=count,
            criteria=criteria,
        )
    # the one decision (mognad_core.where_to_start), so this finding never proposes other areas
    chosen = core_where_to_start(result, model=model, target=target, count=areas, lang=lang).areas
    if chosen:
        text += " " + t("dimios.start.areas", areas=t.join([a.label for a in chosen]))
    rows = []
    for c in sp.candidates:
        row = {
            "Id": c.id,
            t("dimios.col.statement"): c.text,
            t("dimios.col.score"): t.pct(c.score, 1),
            t("dimios.col.dont_know"): t.pct(c.dont_know_share, 1),
        }
        if c.topic_label:
            row[t("dimios.col.topic")] = c.topic_label
        rows.append(row)
    return ModelInsight(
        key="dimios.where_to_start",
        title=t("dimios.start.title"),
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
    t = texts.Texts(lang)
    first = next(iter(by_number))
    text = model.statement(first).label(lang)
    example = f'"{by_number[first]}" → {first}, "{text}"'
    count = len(by_number)
    return ModelInsight(
        key="dimios.numbered_columns",
        title=t("dimios.numbered.title"),
        text=t(
            "dimios.numbered.one" if count == 1 else "dimios.numbered.many",
            count=count,
            example=example,
        ),
        data={"columns": by_number},
    )


# ---- all of them --------------------------------------------------------------------------
def build_insights(
    model: MaturityModel, result: ScoreResult, context: Mapping[str, Any] | None
) -> list[ModelInsight]:
    """Every DiMiOS finding for a result, in the order they are shown."""
    ctx = dict(context or {})
    t = texts.Texts(ctx.get("lang") or "sv")
    lang = t.lang
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
        lambda: [start_insight(model, result, lang, ctx.get("target"), ctx.get("count") or 2)],
        lambda: [numbering_insight(model, responses, lang)],
    ]
    out: list[ModelInsight] = []
    problems: list[str] = []
    for build in builders:
        try:
            out.extend(i for i in build() if i is not None)
        except MognadError as exc:  # a setting in a user's model file: say so, keep the rest
            problems.append(exc.text(lang))
    if problems:
        out.append(
            ModelInsight(
                key="dimios.settings",
                title=t("dimios.settings.title"),
                text=t("dimios.settings.text"),
                data={"problems": problems},
                rows=[{t("dimios.col.problem"): p} for p in problems],
            )
        )
    return out
