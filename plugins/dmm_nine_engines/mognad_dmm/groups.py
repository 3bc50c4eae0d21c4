"""Leadership-group workshops: groups side by side and the spread between respondents.

Each respondent gets a score per engine (the same rule as for the organisation: at least
``meta.min_answered_per_engine`` answered statements). Per group and engine the workshop reports
the group's score and level (exactly what ``mognad score`` gives for that group's rows) and the
spread of the respondents' engine scores: n, mean, SD, min, max, range, quartiles, share per
level, and a "low agreement" flag when the SD is above ``meta.analysis.spread.flag_sd`` or at least
``flag_level_split_share`` of the respondents sit in each of two levels at least
``flag_level_split_min_distance`` levels apart.

Which groups are shown is decided by :func:`mognad_core.groups`, mognad's anonymity rules:
groups smaller than ``min_size`` (default ``meta.analysis.min_group_size`` = 3, never below the
core's floor of 3) are hidden with their size, the next-smallest group is hidden too when one
group alone is hidden, and totals that would still reveal a small group are withheld.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from mognad_core import (
    InputError,
    Location,
    MaturityModel,
    ModelError,
    ResponseSet,
    load_model,
    prepare,
    read_responses,
)
from mognad_core import groups as core_groups
from mognad_core.analysis.groups import MIN_SIZE_FLOOR, MISSING_GROUP
from mognad_core.schema import normalize_token

from .settings import Settings, engines, settings_for

#: Column key of the whole-organisation figures in the workshop frames.
TOTAL = "(alla)"
#: Group name for respondents with no value in the group column (the core's name).
NO_GROUP = MISSING_GROUP
#: The smallest group that can ever be shown (the core's floor).
MIN_SIZE = MIN_SIZE_FLOOR
_WAVE_COLUMNS = ("år", "ar", "year", "wave", "omgång", "mätning")


def respondent_engine_scores(
    responses: ResponseSet, settings: Settings | None = None
) -> pd.DataFrame:
    """One row per respondent, one column per engine id: the respondent's engine score (0-1).

    Answers are normalised to (answer - min) / (max - min), reversed statements first mapped to
    min + max - answer; the engine score is the weighted mean over the engine's answered
    statements, NaN when fewer than ``min_answered_per_engine`` of them are answered.
    """
    model = responses.model
    s = settings or settings_for(model)
    lo, hi = float(model.scale.min), float(model.scale.max)
    values = responses.values.astype(float)
    reverse = np.array([st.reverse for st in model.statements], dtype=bool)
    values = np.where(reverse, lo + hi - values, values)
    norm = (values - lo) / (hi - lo)
    index = {sid: j for j, sid in enumerate(model.statement_ids)}
    out = {}
    for d in engines(model):
        stmts = model.statements_under(d.id)
        cols = [index[st.id] for st in stmts]
        w = np.array([st.weight for st in stmts], dtype=float)
        block = norm[:, cols]
        valid = ~np.isnan(block)
        count = valid.sum(axis=1)
        wsum = (valid * w).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            score = np.where(valid, block * w, 0.0).sum(axis=1) / wsum
        score[count < min(s.min_answered_per_engine, len(cols))] = np.nan
        out[d.id] = score
    return pd.DataFrame(out)


class WorkshopResult(BaseModel):
    """Groups side by side. Frames hold shown groups only; ``groups`` lists every group."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    model: str
    by: str
    min_size: int
    n_respondents: int
    source: str | None = None
    engines: list[dict[str, str | None]] = Field(description="id, label, label_en in model order")
    levels_order: list[dict[str, str | None]] = Field(description="name, name_en of each level")
    groups: pd.DataFrame = Field(description="index group; n, shown, reason")
    scores: pd.DataFrame = Field(description="index engine id; one column per shown group")
    levels: pd.DataFrame = Field(description="index engine id; level name per shown group")
    spread: pd.DataFrame = Field(description="one row per shown group and engine")
    settings: dict[str, Any] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)

    @property
    def discussion(self) -> pd.DataFrame:
        """Rows flagged as low agreement, largest SD first: the discussion points."""
        if self.spread.empty:
            return self.spread
        flagged = self.spread[self.spread["low_agreement"]]
        return flagged.sort_values(["sd", "group"], ascending=[False, True])

    def to_dict(self) -> dict[str, Any]:
        def clean(x: Any) -> Any:
            if isinstance(x, float) and math.isnan(x):
                return None
            if isinstance(x, (np.floating,)):
                return None if np.isnan(x) else float(x)
            if isinstance(x, np.integer):
                return int(x)
            if isinstance(x, np.bool_):
                return bool(x)
            return x

        def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
            return [{k: clean(v) for k, v in row.items()} for row in frame.to_dict("records")]

        return {
            "model": self.model,
            "by": self.by,
            "min_size": self.min_size,
            "n_respondents": self.n_respondents,
            "source": self.source,
            "total_key": TOTAL,
            "engines": self.engines,
            "levels_order": self.levels_order,
            "groups": records(self.groups.reset_index()),
            "scores": {g: {e: clean(v) for e, v in col.items()} for g, col in self.scores.items()},
            "levels": {g: {e: clean(v) for e, v in col.items()} for g, col in self.levels.items()},
            "spread": records(self.spread),
            "discussion": records(self.discussion),
            "settings": self.settings,
            "notes": self.notes,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _find_column(responses: ResponseSet, by: str) -> str:
    cols = list(responses.attributes.columns)
    for c in cols:
        if c == by or normalize_token(c) == normalize_token(by):
            return c
    shown = ", ".join(f'"{c}"' for c in cols) or "none"
    raise InputError(
        f'there is no column "{by}" to group respondents by (respondent columns: {shown})',
        Location(file=responses.source, sheet=responses.sheet),
        "the name of a column such as ledningsgrupp",
    )


def _group_labels(series: pd.Series) -> pd.Series:
    def label(v: Any) -> str:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return NO_GROUP
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        text = str(v).strip()
        return text or NO_GROUP

    return series.map(label)


def spread_stats(scores: pd.Series, model: MaturityModel, s: Settings) -> dict[str, Any]:
    x = scores.dropna().to_numpy(dtype=float)
    n = len(x)
    row: dict[str, Any] = {"n": n}
    names = [lv.name for lv in model.levels]
    if n < s.spread_min_respondents:
        row.update(
            respondent_mean=None,
            sd=None,
            min=None,
            max=None,
            range=None,
            q1=None,
            q3=None,
            iqr=None,
            low_agreement=False,
            note=f"fewer than {s.spread_min_respondents} respondents with a score",
        )
        row.update({f"share_{name}": None for name in names})
        return row
    sd = float(np.std(x, ddof=1))
    q1, q3 = (float(v) for v in np.quantile(x, [0.25, 0.75]))
    shares = {name: 0.0 for name in names}
    for v in x:
        lv = model.level_for(float(v))
        if lv is not None:
            shares[lv.name] += 1 / n
    big = [i for i, name in enumerate(names) if shares[name] >= s.spread_level_split_share - 1e-9]
    split = bool(big) and max(big) - min(big) >= s.spread_level_split_distance
    high_sd = sd > s.spread_flag_sd + 1e-12
    reasons = []
    if high_sd:
        reasons.append(f"SD {sd:.2f} > {s.spread_flag_sd:.2f}")
    if split:
        reasons.append(
            f"≥ {s.spread_level_split_share * 100:.0f} % in each of two levels "
            f"{s.spread_level_split_distance} or more steps apart"
        )
    row.update(
        respondent_mean=float(x.mean()),
        sd=sd,
        min=float(x.min()),
        max=float(x.max()),
        range=float(x.max() - x.min()),
        q1=q1,
        q3=q3,
        iqr=q3 - q1,
        low_agreement=high_sd or split,
        note="; ".join(reasons) or None,
    )
    row.update({f"share_{name}": shares[name] for name in names})
    return row


def workshop(
    responses: ResponseSet | pd.DataFrame | str | Path,
    by: str = "ledningsgrupp",
    min_size: int | None = None,
    *,
    model: Any = "dmm",
    sheet: str | None = None,
    mapping: Any = None,
) -> WorkshopResult:
    """Engine scores per group side by side, with the spread between respondents.

    ``responses`` is a :class:`~mognad_core.ResponseSet`, a wide DataFrame or a response file
    (then ``model`` says which model; default ``dmm``). ``by`` names the group column.
    ``min_size`` is the smallest group shown (default ``meta.analysis.min_group_size``, 3; never
    below 3, the core's floor). Which groups are shown is decided by
    :func:`mognad_core.groups` (small groups and complementary suppression).
    """
    if isinstance(responses, ResponseSet):
        rs = responses
    elif isinstance(responses, pd.DataFrame):
        rs = prepare(responses, load_model(model))
    else:
        rs = read_responses(responses, model, sheet=sheet, mapping=mapping)
    m = rs.model
    s = settings_for(m)
    size = s.min_group_size if min_size is None else int(min_size)
    if size < MIN_SIZE:
        raise ModelError(
            f"the minimum group size is {size}; it must be at least {MIN_SIZE} so that no "
            "respondent's answers can be read from a group result"
        )
    if rs.n == 0:
        raise InputError(
            "the table has a header but no respondent rows",
            Location(file=rs.source, sheet=rs.sheet),
            "one row per respondent",
        )
    column = _find_column(rs, by)
    protected = core_groups(rs, column, min_size=size)
    labels = _group_labels(rs.attributes[column])
    per_respondent = respondent_engine_scores(rs, s)
    notes: list[str] = []
    for c in rs.attributes.columns:
        if normalize_token(c) in _WAVE_COLUMNS and c != column:
            waves = sorted({str(v) for v in rs.attributes[c].dropna().unique()})
            if len(waves) > 1:
                notes.append(
                    f'Column "{c}" has several values ({", ".join(waves)}); the workshop pools '
                    "them. Score one wave at a time to compare like with like."
                )
    columns: list[tuple[str, np.ndarray]] = []
    for info in protected.groups:
        if info.suppressed:
            continue
        mask = (labels == info.name).to_numpy()
        if int(mask.sum()) != info.n:  # the labels must be the core's
            raise ModelError(f"group {info.name!r}: {int(mask.sum())} rows, core says {info.n}")
        columns.append((info.name, mask))
    total_shown = rs.n >= size
    if total_shown:
        columns.insert(0, (TOTAL, np.ones(rs.n, dtype=bool)))
    rows = {r.id: r for r in protected.rows}
    eng = engines(m)
    scores = pd.DataFrame(index=[d.id for d in eng], dtype=float)
    levels = pd.DataFrame(index=[d.id for d in eng], dtype=object)
    spread_rows: list[dict[str, Any]] = []
    for g, mask in columns:
        col_scores, col_levels = [], []
        for d in eng:
            stmts = m.statements_under(d.id)
            if g == TOTAL:
                hidden = rows[d.id].total_hidden
                value = rows[d.id].total
                answered = sum(1 for st in stmts if rows[st.id].total is not None)
            else:
                hidden = False
                value = rows[d.id].values.get(g)
                answered = sum(1 for st in stmts if rows[st.id].values.get(g) is not None)
            if answered < min(s.min_answered_per_engine, len(stmts)):
                value = None
            lv = m.level_for(value)
            col_scores.append(np.nan if value is None else value)
            col_levels.append(lv.name if lv else None)
            row = {
                "group": g,
                "engine": d.id,
                "label": d.label,
                "label_en": d.label_en,
                "group_n": int(mask.sum()),
                "score": value,
                "level": lv.name if lv else None,
            }
            if hidden:
                row.update(spread_stats(pd.Series(dtype=float), m, s))
                row["note"] = "withheld: the total would reveal a small group's answers"
            else:
                row.update(spread_stats(per_respondent.loc[mask, d.id], m, s))
            spread_rows.append(row)
        scores[g] = col_scores
        levels[g] = col_levels
    groups = pd.DataFrame(
        [
            {"group": i.name, "n": i.n, "shown": not i.suppressed, "reason": i.reason}
            for i in protected.groups
        ],
        columns=["group", "n", "shown", "reason"],
    ).set_index("group")
    if not total_shown:
        notes.append(f"Only {rs.n} respondent(s): fewer than {size}, so nothing is shown.")
    notes += [n for n in protected.notes if "suppressed" not in n and "visible groups" not in n]
    return WorkshopResult(
        model=m.name,
        by=column,
        min_size=size,
        n_respondents=rs.n,
        source=rs.source,
        engines=[{"id": d.id, "label": d.label, "label_en": d.label_en} for d in eng],
        levels_order=[{"name": lv.name, "name_en": lv.name_en} for lv in m.levels],
        groups=groups,
        scores=scores,
        levels=levels,
        spread=pd.DataFrame(spread_rows),
        settings={
            "min_answered_per_engine": s.min_answered_per_engine,
            "flag_sd": s.spread_flag_sd,
            "flag_level_split_share": s.spread_level_split_share,
            "flag_level_split_min_distance": s.spread_level_split_distance,
            "min_respondents": s.spread_min_respondents,
        },
        notes=notes + list(rs.notes),
    )


def text_table(rows: list[dict[str, Any]]) -> str:
    """A plain-text table: the first column left-aligned, the others right-aligned."""
    if not rows:
        return ""
    cols = list(rows[0])
    width = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in cols}

    def line(values: dict[str, Any]) -> str:
        cells = [
            str(values.get(c, "")).ljust(width[c])
            if i == 0
            else str(values.get(c, "")).rjust(width[c])
            for i, c in enumerate(cols)
        ]
        return "  ".join(cells).rstrip()

    return "\n".join([line({c: c for c in cols}), *(line(r) for r in rows)])


def render_workshop(result: WorkshopResult, lang: str = "sv") -> str:
    """The workshop as plain-text tables (groups side by side)."""
    en = lang == "en"
    names = [(lv["name_en"] if en and lv["name_en"] else lv["name"]) for lv in result.levels_order]
    letters = [n[0].upper() for n in names]
    if len(set(letters)) < len(letters):
        letters = [str(i) for i in range(1, len(names) + 1)]
    abbrev = {lv["name"]: a for lv, a in zip(result.levels_order, letters, strict=True)}
    shown_groups = [g for g in result.groups.index if result.groups.loc[g, "shown"]]
    keys = ([TOTAL] if TOTAL in result.scores.columns else []) + shown_groups
    short = {TOTAL: "All" if en else "Alla"}
    for i, g in enumerate(shown_groups, start=1):
        short[g] = f"G{i}"
    source = Path(result.source).name if result.source else ("responses" if en else "svar")
    n_groups = len(result.groups)
    if en:
        head = [
            f"Workshop: {source}, {result.n_respondents} respondents in {n_groups} groups "
            f"({result.by})",
            f"Smallest group shown: {result.min_size} respondents.",
        ]
    else:
        head = [
            f"Workshop: {source}, {result.n_respondents} respondenter i {n_groups} grupper "
            f"({result.by})",
            f"Minsta grupp som visas: {result.min_size} respondenter.",
        ]
    lines = [*head, ""]
    total_n = result.n_respondents
    if TOTAL in result.scores.columns:
        lines.append(
            f"  {short[TOTAL]:<4} = {'all respondents' if en else 'alla respondenter'} "
            f"(n = {total_n})"
        )
    for g in result.groups.index:
        if g in short:
            n = int(result.groups.loc[g, "n"])
            lines.append(f"  {short[g]:<4} = {g} (n = {n})")
            continue
        reason = str(result.groups.loc[g, "reason"] or "")
        if reason.startswith("fewer than"):
            why = (
                f"fewer than {result.min_size} respondents"
                if en
                else f"färre än {result.min_size} respondenter"
            )
        else:
            why = (
                "so that a smaller group cannot be derived from the total"
                if en
                else "så att en mindre grupp inte kan räknas fram ur totalen"
            )
        lines.append(f"  {'–':<4}   {g}: {'hidden' if en else 'dold'}, {why}")
    legend = ", ".join(f"{a} = {n}" for a, n in zip(letters, names, strict=True))
    lines += [
        "",
        (
            f"Score and level per engine ({legend})"
            if en
            else f"Poäng och nivå per motor ({legend})"
        ),
    ]
    engine_label = {
        e["id"]: ((e["label_en"] or e["label"]) if en else e["label"]) for e in result.engines
    }
    rows = []
    for e in result.scores.index:
        row = {("Engine" if en else "Motor"): engine_label[e]}
        for k in keys:
            v = result.scores.loc[e, k]
            lv = result.levels.loc[e, k]
            row[short[k]] = "–" if pd.isna(v) else f"{v * 100:.1f} % {abbrev.get(lv, '')}"
        rows.append(row)
    if keys:
        lines.append(text_table(rows))
    head = (
        "Spread between respondents: SD | range in percentage points (! = low agreement)"
        if en
        else "Spridning mellan respondenter: SD | spann i procentenheter (! = låg samsyn)"
    )
    lines += ["", head]
    rows = []
    sp = result.spread.set_index(["engine", "group"]) if not result.spread.empty else None
    for e in result.scores.index:
        row = {("Engine" if en else "Motor"): engine_label[e]}
        for k in keys:
            r = sp.loc[(e, k)]
            if r["sd"] is None or pd.isna(r["sd"]):
                row[short[k]] = "–"
            else:
                flag = " !" if r["low_agreement"] else ""
                row[short[k]] = f"{r['sd'] * 100:.1f} | {r['range'] * 100:.0f}{flag or '  '}"
        rows.append(row)
    if keys:
        lines.append(text_table(rows))
    disc = result.discussion
    lines += ["", "Discussion points (low agreement)" if en else "Diskussionspunkter (låg samsyn)"]
    if disc.empty:
        lines.append(
            "  "
            + (
                "None: respondents agree on every engine."
                if en
                else "Inga: respondenterna är samstämmiga om alla motorer."
            )
        )
    for _, r in disc.iterrows():
        group = short.get(r["group"], r["group"])
        group_name = (
            ("all respondents" if en else "alla respondenter")
            if r["group"] == TOTAL
            else r["group"]
        )
        shares = [
            f"{lv['name_en'] if en and lv['name_en'] else lv['name']} "
            f"{r['share_' + lv['name']] * 100:.0f} %"
            for lv in result.levels_order
            if r.get("share_" + lv["name"])
        ]
        lines.append(
            f"  - {engine_label[r['engine']]}, {group} ({group_name}): SD {r['sd'] * 100:.1f}, "
            f"{'range' if en else 'spann'} {r['min'] * 100:.0f}–{r['max'] * 100:.0f} %; "
            + ", ".join(shares)
        )
    return "\n".join(lines).rstrip() + "\n"
