"""``mognad dimios ...``: the DiMiOS commands added through the ``register_commands`` hook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from mognad_core import InputError, Location, ResponseSet, read_responses, score_responses
from mognad_core.cli.options import (
    echo_json,
    format_option,
    lang_option,
    mapping_option,
    model_option,
    sheet_option,
)
from mognad_core.plugins import load_model
from mognad_core.schema import normalize_token

from . import classification
from ._common import pct


def _cell_key(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize_token(str(value)) if value is not None and value == value else ""


def apply_where(rs: ResponseSet, conditions: tuple[str, ...]) -> ResponseSet:
    """Keep the respondents whose column equals the value in every ``column=value``."""
    for cond in conditions:
        if "=" not in cond:
            raise InputError(
                f'--where "{cond}" is not a condition',
                Location(file=rs.source, sheet=rs.sheet),
                "column=value, for example år=2025",
            )
        name, value = (part.strip() for part in cond.split("=", 1))
        column = classification.find_column(rs, name)
        keys = rs.attributes[column].map(_cell_key)
        mask = (keys == normalize_token(value)).to_numpy()
        if not mask.any():
            found = sorted({k for k in keys if k})[:8]
            raise InputError(
                f'no respondent has {column} = "{value}"',
                Location(file=rs.source, sheet=rs.sheet, column=column),
                "one of the values in the column: " + ", ".join(f'"{v}"' for v in found),
            )
        rs = rs.subset(mask)
    return rs


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


YEAR_COLUMNS = {"år", "ar", "year", "mätning", "matning", "wave", "våg"}


def _pooled_years(rs: ResponseSet) -> tuple[str, list[str]] | None:
    """A year-like column with several values (the waves are pooled), if there is one."""
    for col in rs.attributes.columns:
        if normalize_token(col) in YEAR_COLUMNS:
            values = sorted({k for k in rs.attributes[col].map(_cell_key) if k})
            if len(values) > 1:
                return str(col), values
    return None


def _group_table(grouped: classification.GroupedClassification, lang: str) -> str:
    en = lang == "en"
    org = grouped.organisation
    if not grouped.groups:
        return "(no respondents)" if en else "(inga svarande)"
    rows = []
    for g in grouped.groups:
        c = g.classification
        if g.suppressed or c is None:
            category = f"({g.suppressed_reason})"
        else:
            category = c.name or (c.reason or "")
            if c.near_border:
                category += " *"
        rows.append(
            {
                grouped.by: g.group,
                "n": "–" if g.n is None else g.n,
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
    @click.option(
        "--min-size",
        type=int,
        default=None,
        help="Smallest group shown (default from the model, 5; never below 3).",
    )
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
        """Place a response file, and optionally each group, in the DiMiOS 2×2."""
        m = load_model(model)
        classification.quadrants(m)  # a model without a 2×2 fails here, before reading
        rs = apply_where(read_responses(file, m, sheet=sheet, mapping=mapping), where)
        result = score_responses(rs, insights=False)
        org = classification.classify(result, m, lang)
        grouped = [
            classification.classify_groups(rs, by, min_size, model=m, lang=lang) for by in groups
        ]
        if fmt == "json":
            echo_json(
                {
                    "model": m.name,
                    "source": rs.source,
                    "where": list(where),
                    "n_respondents": rs.n,
                    "overall": result.overall,
                    "organisation": org.model_dump(mode="json"),
                    "groups": {
                        g.by: {
                            "min_size": g.min_size,
                            "groups": [x.model_dump(mode="json") for x in g.groups],
                        }
                        for g in grouped
                    },
                }
            )
        else:
            en = lang == "en"
            name = Path(rs.source).name if rs.source else "responses"
            head = f"{m.display_title(lang)}: 2×2 – {name}, {rs.n} "
            head += "respondents" if en else "svarande"
            if where:
                head += f" ({', '.join(where)})"
            lines = [head]
            pooled = _pooled_years(rs)
            if pooled:
                col, values = pooled
                shown = ", ".join(values)
                lines.append(
                    f"Note: the answers from {col} {shown} are pooled; use --where {col}="
                    f"{values[-1]} for one of them."
                    if en
                    else f"Obs: svaren från {col} {shown} räknas ihop; välj ett med --where "
                    f"{col}={values[-1]}."
                )
            lines += ["", "Organisation" if en else "Organisationen"]
            lines += _org_lines(org, lang)
            for g in grouped:
                title = f"By {g.by}" if en else f"Per {g.by}"
                note = (
                    f"groups with fewer than {g.min_size} respondents are not shown"
                    if en
                    else f"grupper med färre än {g.min_size} svarande visas inte"
                )
                lines += ["", f"{title} ({note})", _group_table(g, lang)]
            click.echo("\n".join(lines))
        for note in rs.notes:
            click.echo(f"Note: {note}", err=True)

    cli.add_command(dimios)
