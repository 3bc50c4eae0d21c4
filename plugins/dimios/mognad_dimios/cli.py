"""``mognad dimios ...``: the DiMiOS commands added through the ``register_commands`` hook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from pydantic import BaseModel, Field

from mognad_core import ResponseSet, disclosure, score_responses, texts
from mognad_core.cli.options import (
    emit,
    format_option,
    lang_option,
    mapping_option,
    min_size_option,
    model_option,
    sheet_option,
    where_option,
)
from mognad_core.cli.render import table
from mognad_core.plugins import load_model

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


def _render(out: ClassifyOutput, m: Any, lang: str) -> str:
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


def register(cli: click.Group) -> None:
    """Add the ``dimios`` command group to the mognad CLI."""

    @click.group(name="dimios")
    def dimios() -> None:
        """DiMiOS: the 2×2 classification (Digital förmåga × Digitalt arv)."""

    @dimios.command("classify")
    @click.argument("file", type=click.Path(dir_okay=False))
    @click.option(
        "--groups",
        "-g",
        "groups",
        multiple=True,
        help="Also classify each group of this column (e.g. förvaltning, roll); repeatable.",
    )
    @min_size_option
    @where_option
    @model_option
    @sheet_option
    @mapping_option
    @lang_option
    @format_option
    def classify_cmd(
        file: str,
        groups: tuple[str, ...],
        min_size: int | None,
        where: tuple[str, ...],
        model: str,
        sheet: str | None,
        mapping: str | None,
        lang: str,
        fmt: str,
    ) -> None:
        """Place a response file, and optionally each group, in the DiMiOS 2×2.

        Published under the anonymity policy (--min-size): groups `mognad groups` hides are
        hidden here too, and a set too small to publish is refused.
        """
        pol = disclosure.policy(min_size, lang)
        m = load_model(model)
        classification.quadrants(m)  # a model without a 2×2 fails here, before reading
        rs = ResponseSet.from_any(file, m, sheet=sheet, mapping=mapping).where(*where)
        pooled = rs.pooled_waves()
        result = score_responses(rs, insights=False, context={"lang": lang}, min_size=pol)
        grouped = [classification.classify_groups(rs, by, pol, model=m, lang=lang) for by in groups]
        out = ClassifyOutput(
            model=m.name,
            source=rs.source,
            where=list(where),
            n_respondents=rs.n,
            overall=result.overall,
            min_size=pol.min_size,
            organisation=classification.classify(result, m, lang),
            groups={g.by: g for g in grouped},
            pooled={pooled.column: list(pooled.labels)} if pooled else None,
        )
        notes = [*result.notes, *(n for g in grouped for n in g.notes)]
        disclosure.finish(out, pol, lang, notes)
        emit(out, fmt, lambda: _render(out, m, lang), pol, lang)

    cli.add_command(dimios)
