"""``mognad dimios ...``: the DiMiOS commands added through the ``register_commands`` hook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from pydantic import BaseModel, Field

from mognad_core import disclosure, read_responses, score_responses
from mognad_core.analysis.compare import several_waves
from mognad_core.cli.options import (
    emit,
    format_option,
    lang_option,
    mapping_option,
    min_size_option,
    model_option,
    sheet_option,
)
from mognad_core.plugins import load_model

from . import classification
from ._common import pct, sv_en


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
    en = lang == "en"
    if c.quadrant is None:
        return [f"  {c.reason}"]
    lines = [f"  {c.summary()}"]
    lines.append(
        f"  {'Distance to the border' if en else 'Avstånd till gränsen'}: "
        f"{classification.distance_text(c)}"
    )
    lines.append(f"  {'Meaning' if en else 'Innebörd'}: {c.description}")
    lines.append(f"  {'Recommendation' if en else 'Rekommendation'}: {c.recommendation}")
    return lines


def _table(rows: list[dict[str, Any]]) -> str:
    """Left-aligned plain-text table (group names read best left-aligned)."""
    if not rows:
        return ""
    heads = list(rows[0])
    cells = [[str(r.get(h, "")) for h in heads] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(heads)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True)).rstrip()]
    for c in cells:
        lines.append("  ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)).rstrip())
    return "\n".join(lines)


def _group_table(grouped: classification.GroupedClassification, lang: str) -> str:
    en = lang == "en"
    org = grouped.organisation
    if not grouped.groups:
        return "(no respondents)" if en else "(inga svarande)"
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
                org.labels[org.x]: pct(g.scores.get(org.x)),
                org.labels[org.y]: pct(g.scores.get(org.y)),
                ("Category" if en else "Kategori"): category,
            }
        )
    text = _table(rows)
    if any(g.classification and g.classification.near_border for g in grouped.groups):
        text += "\n* " + (
            f"within {100 * org.border_margin:g} percentage points of the border"
            if en
            else f"inom {100 * org.border_margin:g} procentenheter från gränsen"
        )
    return text


def _render(out: ClassifyOutput, m: Any, lang: str) -> str:
    name = Path(out.source).name if out.source else sv_en(lang, "svar", "responses")
    head = f"{m.display_title(lang)}: 2×2 – {name}, {out.n_respondents} "
    head += sv_en(lang, "svarande", "respondents")
    if out.where:
        head += f" ({', '.join(out.where)})"
    lines = [head]
    for col, values in (out.pooled or {}).items():
        shown = ", ".join(values)
        lines.append(
            sv_en(
                lang,
                f"Obs: svaren från {col} {shown} räknas ihop; välj ett med --where "
                f"{col}={values[-1]}.",
                f"Note: the answers from {col} {shown} are pooled; use --where {col}="
                f"{values[-1]} for one of them.",
            )
        )
    lines += ["", sv_en(lang, "Organisationen", "Organisation")]
    lines += _org_lines(out.organisation, lang)
    for g in out.groups.values():
        title = sv_en(lang, f"Per {g.by}", f"By {g.by}")
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
    @click.option(
        "--where",
        "where",
        multiple=True,
        help="Only respondents with column=value, e.g. --where år=2025; repeatable.",
    )
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
        rs = read_responses(file, m, sheet=sheet, mapping=mapping)
        pooled = None if where else several_waves(rs)
        rs = rs.where(*where) if where else rs
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
            pooled=dict([pooled]) if pooled else None,
        )
        notes = [*result.notes, *(n for g in grouped for n in g.notes)]
        disclosure.finish(out, pol, lang, notes)
        emit(out, fmt, lambda: _render(out, m, lang), pol, lang)

    cli.add_command(dimios)
