"""What ``mognad dimios classify`` publishes and how it is written as text (imported when the
command runs: it needs pandas and scipy through ``classification``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from mognad_core import texts
from mognad_core.cli.render import table

from . import classification


class ClassifyOutput(BaseModel):
    """What ``mognad dimios classify`` publishes (its JSON): the organisation's 2×2 and, per
    ``--groups`` column, each group's, all under one anonymity policy (``min_size``)."""

    model: str
    source: str | None = None
    where: list[str] = Field(default_factory=list)
    n_respondents: int
    overall: float | None = None
    min_size: int = Field(description="the anonymity threshold in force (1: protection off)")
    organisation: classification.Classification
    groups: dict[str, classification.GroupedClassification] = Field(default_factory=dict)
    pooled: dict[str, list[str]] | None = Field(
        None, description="the wave column and its waves, when several are analysed together"
    )
    notes: list[str] = Field(default_factory=list)


def _org_lines(c: classification.Classification, lang: str) -> list[str]:
    if c.quadrant is None:
        return [f"  {c.reason}"]
    t = texts.Texts(lang)
    return [
        f"  {c.summary()}",
        f"  {t('dimios.col.distance')}: {classification.distance_text(c)}",
        f"  {t('dimios.col.meaning')}: {c.description}",
        f"  {t('dimios.col.recommendation')}: {c.recommendation}",
    ]


def _group_table(grouped: classification.GroupedClassification, lang: str) -> str:
    t = texts.Texts(lang)
    org = grouped.organisation
    if not grouped.groups:
        return t("dimios.no_respondents")
    rows = []
    for g in grouped.groups:
        c = g.classification
        if g.suppressed or c is None:  # the one reason every hidden group has ("visas inte ...")
            category = g.suppressed_reason or ""
        else:
            category = c.name or (c.reason or "")
            if c.near_border:
                category += " *"
        rows.append(
            {
                grouped.by: g.group,
                "n": "–" if g.n is None else g.n,  # a hidden group's size is never shown
                org.labels[org.x]: t.pct(g.scores.get(org.x), 1),
                org.labels[org.y]: t.pct(g.scores.get(org.y), 1),
                t("dimios.col.category"): category,
            }
        )
    text = table(rows, t)
    if any(g.classification and g.classification.near_border for g in grouped.groups):
        text += "\n* " + t(
            "dimios.quadrant.near_footnote", margin=t.num(100 * org.border_margin, None)
        )
    return text


def render(out: ClassifyOutput, m: Any, lang: str) -> str:
    t = texts.Texts(lang)
    name = Path(out.source).name if out.source else t("dimios.responses")
    head = f"{m.display_title(lang)}: 2×2 – {name}, {out.n_respondents} {t('dimios.respondents')}"
    if out.where:
        head += f" ({', '.join(out.where)})"
    lines = [head]
    lines += ["", t("dimios.organisation")]
    lines += _org_lines(out.organisation, lang)
    for g in out.groups.values():
        title = t("dimios.by", by=g.by)
        lines += ["", f"{title} ({classification.hidden_rule(g.min_size, lang)})"]
        lines.append(_group_table(g, lang))
    return "\n".join(lines)
