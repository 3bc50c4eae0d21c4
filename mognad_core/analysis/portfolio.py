"""Initiative portfolio (as Sundsvall does): coverage of weak statements and balance on three axes.

The initiative sheet has one row per initiative and these columns (headers are matched without
regard to case; Swedish or English):

=================================  ===========================================================
column                             accepted values
=================================  ===========================================================
namn / initiativ / name            any text (required)
status                             klar, pågående, planerad (also done/completed,
                                   ongoing/in progress, planned; required)
påståenden / kopplingar /          comma- or semicolon-separated statement ids (f12), statement
statements / maps to               aliases (F1.2, P2), dimension or category ids or labels
                                   (a dimension covers every statement below it; required)
effektivitet–innovation            -2..2, or text: effektivitet (-2), mest effektivitet (-1),
                                   båda / balanserad (0), mest innovation (1), innovation (2)
operativt–strategiskt              the same with operativt (-2) ... strategiskt (2)
intern–extern nytta                the same with intern (-2) ... extern (2)
=================================  ===========================================================

English labels work too (efficiency/innovation, operational/strategic, internal/external).
A blank axis cell means "not classified" and is left out of that axis's balance. An axis column
is found by a header containing one of its pole names (e.g. "Effektivitet–innovation").

Weak statements are those scoring below the median statement score (``weak="median"``), below a
number (``weak=0.5``) or below a target (anything ``parse_target`` accepts, e.g. a benchmark).
An axis leans to a pole when the mean classification is at least 0.5 towards it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from .. import disclosure, texts
from ..cells import is_blank
from ..errors import InputError, Location, MognadError
from ..readers import RawTable, read_table
from ..results import ScoreResult
from ..schema import MaturityModel, normalize_token
from ..targets import parse_target
from ._common import AnalysisResult, ancestors, none, scored_model

STATUSES = {
    "klar": "klar",
    "klart": "klar",
    "färdig": "klar",
    "avslutad": "klar",
    "genomförd": "klar",
    "done": "klar",
    "completed": "klar",
    "finished": "klar",
    "pågående": "pågående",
    "pågår": "pågående",
    "påbörjad": "pågående",
    "ongoing": "pågående",
    "in progress": "pågående",
    "started": "pågående",
    "planerad": "planerad",
    "planerat": "planerad",
    "planned": "planerad",
    "idé": "planerad",
}
STATUS_ORDER = ("klar", "pågående", "planerad")

#: axis key -> (negative pole, positive pole, stems that find the column / read a text value)
AXES: dict[str, dict[str, Any]] = {
    "effektivitet_innovation": {
        "label": "Effektivitet–innovation",
        "neg": "effektivitet",
        "pos": "innovation",
        "neg_stems": ("effektiv", "efficien"),
        "pos_stems": ("innovat",),
    },
    "operativt_strategiskt": {
        "label": "Operativt–strategiskt",
        "neg": "operativt",
        "pos": "strategiskt",
        "neg_stems": ("operativ", "operation"),
        "pos_stems": ("strategi", "strategic"),
    },
    "intern_extern": {
        "label": "Intern–extern nytta",
        "neg": "intern nytta",
        "pos": "extern nytta",
        "neg_stems": ("intern",),
        "pos_stems": ("extern",),
    },
}
NAME_HEADERS = ("namn", "initiativ", "name", "initiative", "insats", "projekt", "project")
MAP_HEADERS = (
    "påståenden",
    "påstående",
    "kopplingar",
    "koppling",
    "kopplas till",
    "kopplat till",
    "statements",
    "statement",
    "maps to",
    "mapping",
    "områden",
    "dimensioner",
)
NEUTRAL = ("båda", "både och", "balanserad", "balans", "neutral", "mitt", "both", "balanced")
SOFT = ("mest", "mer", "delvis", "något", "mostly", "more", "somewhat", "partly")
LEAN_AT = 0.5


class Initiative(BaseModel):
    name: str
    status: str
    maps_to: list[str] = Field(description="ids as given (statements, categories, dimensions)")
    statements: list[str] = Field(description="statement ids covered (dimensions expanded)")
    axes: dict[str, int | None] = Field(default_factory=dict)
    row: int | None = None


class Coverage(BaseModel):
    id: str
    text: str
    dimension: str
    score: float | None = None
    threshold: float | None = None
    weak: bool = False
    direct: list[str] = Field(default_factory=list, description="initiatives naming it")
    via_dimension: list[str] = Field(
        default_factory=list, description="initiatives naming its dimension or category"
    )
    by_status: dict[str, int] = Field(default_factory=dict)

    @property
    def covered(self) -> bool:
        return bool(self.direct or self.via_dimension)


class AxisBalance(BaseModel):
    axis: str
    label: str
    negative: str
    positive: str
    classified: int
    unclassified: int
    mean: float | None = None
    counts: dict[int, int] = Field(default_factory=dict)
    negative_share: float | None = None
    neutral_share: float | None = None
    positive_share: float | None = None
    lean: str = Field("", description="the pole it leans to, 'balanserad', or '' if none")


class PortfolioResult(AnalysisResult):
    model: str
    source: str | None = None
    initiatives: list[Initiative]
    coverage: list[Coverage]
    weak_rule: str
    uncovered_weak: list[str] = Field(description="weak statements no initiative touches")
    only_indirect_weak: list[str] = Field(
        default_factory=list, description="weak statements reached only through a dimension"
    )
    axes: list[AxisBalance]
    by_part: dict[str, int] = Field(
        default_factory=dict, description="initiatives touching each dimension/category"
    )
    by_status: dict[str, int] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)

    def frame(self, kind: str = "coverage") -> pd.DataFrame:
        """ "coverage" (per statement), "initiatives" or "axes"."""
        kind = kind.lower()
        if kind.startswith("cover"):
            rows = []
            for c in self.coverage:
                rec = c.model_dump()
                rec["covered"] = c.covered
                rec["direct"] = ", ".join(c.direct)
                rec["via_dimension"] = ", ".join(c.via_dimension)
                for st in STATUS_ORDER:
                    rec[st] = c.by_status.get(st, 0)
                rec.pop("by_status")
                rows.append(rec)
            return pd.DataFrame(rows).set_index("id")
        if kind.startswith("init"):
            rows = []
            for i in self.initiatives:
                rec = {
                    "name": i.name,
                    "status": i.status,
                    "maps_to": ", ".join(i.maps_to),
                    "statements": len(i.statements),
                    "row": i.row,
                }
                rec.update(i.axes)
                rows.append(rec)
            return pd.DataFrame(rows).set_index("name")
        if kind.startswith("ax"):
            rows = []
            for a in self.axes:
                rec = a.model_dump()
                counts = rec.pop("counts")
                for v in range(-2, 3):
                    rec[f"{v:+d}" if v else "0"] = counts.get(v, 0)
                rows.append(rec)
            return pd.DataFrame(rows).set_index("axis")
        raise MognadError(f"kind {kind!r} is not one of: coverage, initiatives, axes.")


def _find(headers: list[str], names: tuple[str, ...]) -> int | None:
    for j, h in enumerate(headers):
        if normalize_token(h) in names:
            return j
    for j, h in enumerate(headers):
        if any(normalize_token(h).startswith(n) for n in names):
            return j
    return None


def _axis_column(headers: list[str], spec: dict[str, Any]) -> int | None:
    for j, h in enumerate(headers):
        text = normalize_token(h)
        if any(s in text for s in spec["neg_stems"]) and any(s in text for s in spec["pos_stems"]):
            return j
    for j, h in enumerate(headers):
        text = normalize_token(h)
        if any(s in text for s in spec["neg_stems"] + spec["pos_stems"]):
            return j
    return None


def _show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _axis_value(v: Any, spec: dict[str, Any]) -> int | None:
    """-2..2 from a number or a text label; raises ValueError on anything else."""
    if is_blank(v):
        return None
    if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool):
        x = float(v)
    else:
        text = normalize_token(str(v)).replace("−", "-").replace("–", "-")
        try:
            x = float(text.replace(",", ".").replace("+", ""))
        except ValueError:
            if text in NEUTRAL:
                return 0
            soft = any(text.startswith(s + " ") for s in SOFT)
            word = text.split(" ", 1)[1] if soft else text
            if any(word.startswith(s) for s in spec["neg_stems"]):
                return -1 if soft else -2
            if any(word.startswith(s) for s in spec["pos_stems"]):
                return 1 if soft else 2
            raise ValueError(text) from None
    if x != int(x) or not -2 <= x <= 2:
        raise ValueError(str(v))
    return int(x)


def _part_lookup(model: MaturityModel) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for s in model.statements:
        for key in [s.id, *s.aliases]:
            lookup.setdefault(normalize_token(key), s.id)
    for d in model.all_dimensions():
        for key in (d.id, d.label, d.label_en):
            if key:
                lookup.setdefault(normalize_token(key), d.id)
    return lookup


def read_initiatives(initiatives: Any, model: MaturityModel) -> tuple[list[Initiative], str | None]:
    """Validate an initiative table (DataFrame or .xlsx/.csv path); located errors."""
    if isinstance(initiatives, pd.DataFrame):
        table = RawTable(frame=initiatives.reset_index(drop=True))
    elif isinstance(initiatives, (str, Path)):
        table = read_table(initiatives)
    elif isinstance(initiatives, RawTable):
        table = initiatives
    else:
        raise MognadError(
            f"Expected initiatives as a DataFrame or a file path, got {type(initiatives).__name__}."
        )
    frame = table.frame
    headers = [str(h) for h in frame.columns]
    where = Location(file=table.source, sheet=table.sheet, row=table.header_row)

    def loc(j: int, i: int | None = None) -> Location:
        return Location(
            file=table.source,
            sheet=table.sheet,
            row=table.header_row if i is None else int(table.row_numbers[i]),
            column=headers[j],
            column_index=table.column_indices[j],
        )

    name_j = _find(headers, NAME_HEADERS)
    status_j = _find(headers, ("status",))
    map_j = _find(headers, MAP_HEADERS)
    needed = {"namn (name)": name_j, "status": status_j, "påståenden (statements)": map_j}
    absent = [k for k, v in needed.items() if v is None]
    if absent:
        raise InputError(
            texts.Message(
                "error.initiative_columns",
                absent=", ".join(absent),
                headers=", ".join(headers) or texts.Message("error.none"),
            ),
            where,
            texts.Message("error.expected.initiative_columns"),
        )
    axis_j = {key: _axis_column(headers, spec) for key, spec in AXES.items()}
    lookup = _part_lookup(model)
    out: list[Initiative] = []
    for i in range(len(frame)):
        row = frame.iloc[i]
        if all(is_blank(v) for v in row):
            continue
        name = row.iloc[name_j]
        if is_blank(name):
            raise InputError(
                texts.Message("error.initiative_name"),
                loc(name_j, i),
                texts.Message("error.expected.name"),
            )
        status_raw = row.iloc[status_j]
        status = (
            STATUSES.get(normalize_token(str(status_raw))) if not is_blank(status_raw) else None
        )
        if status is None:
            raise InputError(
                texts.Message("error.not_a_status", value=_show(status_raw))
                if not is_blank(status_raw)
                else texts.Message("error.no_status"),
                loc(status_j, i),
                texts.Message("error.expected.status"),
            )
        maps_raw = row.iloc[map_j]
        tokens = [
            t.strip() for t in re.split(r"[,;\n]", "" if is_blank(maps_raw) else str(maps_raw))
        ]
        tokens = [t for t in tokens if t]
        if not tokens:
            raise InputError(
                texts.Message("error.initiative_unmapped"),
                loc(map_j, i),
                texts.Message("error.expected.part_ids", ids=", ".join(model.statement_ids[:2])),
            )
        maps: list[str] = []
        for t in tokens:
            pid = t if model.has_part(t) else lookup.get(normalize_token(t))  # exact id first
            if pid is None:
                raise InputError(
                    texts.Message("error.not_a_part", part=t, model=model.name),
                    loc(map_j, i),
                    texts.Message(
                        "error.expected.ids_such_as",
                        statements=", ".join(model.statement_ids[:3]),
                        dimensions=", ".join(d.id for d in model.dimensions),
                    ),
                )
            if pid not in maps:
                maps.append(pid)
        stmts: list[str] = []
        for pid in maps:
            under = (
                [pid] if pid in model.statement_ids else [s.id for s in model.statements_under(pid)]
            )
            stmts.extend(s for s in under if s not in stmts)
        axes: dict[str, int | None] = {}
        for key, spec in AXES.items():
            j = axis_j[key]
            if j is None:
                axes[key] = None
                continue
            try:
                axes[key] = _axis_value(row.iloc[j], spec)
            except ValueError:
                raise InputError(
                    texts.Message("error.axis_value", value=_show(row.iloc[j]), axis=spec["label"]),
                    loc(j, i),
                    texts.Message(
                        "error.expected.axis_value",
                        neg=spec["neg"],
                        pos=spec["pos"],
                        neg1=spec["neg"].split()[0],
                        pos1=spec["pos"].split()[0],
                    ),
                ) from None
        out.append(
            Initiative(
                name=str(name).strip(),
                status=status,
                maps_to=maps,
                statements=stmts,
                axes=axes,
                row=int(table.row_numbers[i]),
            )
        )
    if not out:
        raise InputError(
            texts.Message("error.no_initiatives"),
            where,
            texts.Message("error.expected.initiative_rows"),
        )
    return out, table.source


def _balance(key: str, spec: dict[str, Any], items: list[Initiative], lang: str) -> AxisBalance:
    vals = [i.axes.get(key) for i in items]
    got = [v for v in vals if v is not None]
    counts = {v: got.count(v) for v in range(-2, 3)}
    n = len(got)
    mean = float(np.mean(got)) if got else None
    lean = ""
    if mean is not None:
        if mean <= -LEAN_AT:
            lean = texts.text(f"portfolio.{key}.neg", lang)
        elif mean >= LEAN_AT:
            lean = texts.text(f"portfolio.{key}.pos", lang)
        else:
            lean = texts.text("portfolio.balanced", lang)
    return AxisBalance(
        axis=key,
        label=texts.text(f"portfolio.{key}", lang),
        negative=texts.text(f"portfolio.{key}.neg", lang),
        positive=texts.text(f"portfolio.{key}.pos", lang),
        classified=n,
        unclassified=len(vals) - n,
        mean=mean,
        counts=counts,
        negative_share=sum(1 for v in got if v < 0) / n if n else None,
        neutral_share=sum(1 for v in got if v == 0) / n if n else None,
        positive_share=sum(1 for v in got if v > 0) / n if n else None,
        lean=lean,
    )


def portfolio(
    initiatives: Any,
    result: ScoreResult,
    *,
    model: Any = None,
    weak: Any = "median",
    lang: str = "sv",
) -> PortfolioResult:
    """Coverage of weak statements by initiatives and the portfolio's balance on three axes.

    ``initiatives`` is a DataFrame or an .xlsx/.csv file (columns: see the module docstring);
    ``weak`` chooses the weak statements: "median" (default), a number, or a target.
    """
    lang = texts.check_lang(lang)  # "EN" is English for the model's own labels too
    m = scored_model(result, model, "portfolio")
    items, source = read_initiatives(initiatives, m)
    scores = {
        sid: none(result.statements[sid].score) if sid in result.statements else None
        for sid in m.statement_ids
    }
    known = [v for v in scores.values() if v is not None]
    thresholds: dict[str, float | None] = {}
    if weak is None or (isinstance(weak, str) and weak.strip().lower() == "median"):
        med = float(np.median(known)) if known else None
        thresholds = dict.fromkeys(m.statement_ids, med)
        rule = (
            texts.text("portfolio.weak_median", lang, median=texts.pct(med, lang, 1))
            if med is not None
            else texts.text("portfolio.weak_none", lang)
        )
    else:
        t = parse_target(weak, m, result)
        for sid in m.statement_ids:
            thresholds[sid] = next(
                (t.for_part(n) for n in ancestors(m, sid) if t.for_part(n) is not None), None
            )
        rule = texts.text("portfolio.weak_target", lang, target=t.name(lang))
    coverage = []
    for s in m.statements:
        direct = [i.name for i in items if s.id in i.maps_to]
        via = [i.name for i in items if s.id not in i.maps_to and s.id in i.statements]
        names = set(direct) | set(via)
        by_status = {
            st: sum(1 for i in items if i.name in names and i.status == st) for st in STATUS_ORDER
        }
        sc, th = scores[s.id], thresholds.get(s.id)
        coverage.append(
            Coverage(
                id=s.id,
                text=s.label(lang),
                dimension=s.dimension or "",
                score=sc,
                threshold=th,
                weak=sc is not None and th is not None and sc < th - 1e-12,
                direct=direct,
                via_dimension=via,
                by_status=by_status,
            )
        )
    by_part = {}
    for d in m.all_dimensions():
        under = {s.id for s in m.statements_under(d.id)}
        by_part[d.id] = sum(1 for i in items if under & set(i.statements))
    notes = []
    names = [i.name for i in items]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        notes.append(texts.text("portfolio.repeated", lang, names=", ".join(dupes)))
    for key in AXES:
        if all(i.axes.get(key) is None for i in items):
            axis = texts.text(f"portfolio.{key}", lang)
            notes.append(texts.text("portfolio.unclassified", lang, axis=axis))
    out = PortfolioResult(
        model=m.name,
        source=source,
        initiatives=items,
        coverage=coverage,
        weak_rule=rule,
        uncovered_weak=[c.id for c in coverage if c.weak and not c.covered],
        only_indirect_weak=[c.id for c in coverage if c.weak and not c.direct and c.via_dimension],
        axes=[_balance(k, spec, items, lang) for k, spec in AXES.items()],
        by_part=by_part,
        by_status={st: sum(1 for i in items if i.status == st) for st in STATUS_ORDER},
        notes=notes,
    )
    return disclosure.finish(out, disclosure.policy_of(result, lang), lang, result.notes)
