"""Leadership-group workshops: groups side by side and the spread between respondents.

Each respondent gets a score per engine (the same rule as for the organisation: at least
``meta.min_answered_per_engine`` answered statements). Per group and engine the workshop reports
the group's score and level (exactly what ``mognad score --where`` gives for that group) and how
much the respondents agree.

Everything is published under mognad's one anonymity policy (:mod:`mognad_core.disclosure`;
``--min-size``, ``MOGNAD_MIN_SIZE`` or ``min_size`` in mognad.toml, default 5): the groups are
the cells of :func:`mognad_core.disclosure.breakdown`, so a group ``mognad groups`` hides is
hidden here too, without figures or size; the whole set is checked (a set that may not be
published is refused); statements the policy hides in a group are left out of its figures, the
respondents' engine scores included. The spread between respondents:

* a group with at least ``policy.spread_min`` (2 x min_size, 10 by default; and at least
  ``meta.analysis.spread.min_respondents``) respondents with an engine score gets the spread
  figures: n, mean, SD, min, max, range, quartiles, share per level, and "low agreement" when
  the SD is above ``meta.analysis.spread.flag_sd`` or at least ``flag_level_split_share`` of
  the respondents sit in each of two levels at least ``flag_level_split_min_distance`` apart;
* a smaller shown group (at least ``min_size`` respondents with a score) gets only a coarse
  flag, "spridd" (divided) when the highest and lowest respondent engine scores are more than
  ``meta.analysis.spread.flag_range`` (0.50, half the scale) apart, else "samstämmig" (in
  agreement): no figure that would pin its members' scores.

Published figures are rounded (0-1 figures to 0.001, means and SDs to 0.01). ``min_size=1`` turns
the protection off (the data holder's own use), and every output says so.
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
    ResponseSet,
    disclosure,
    schema,
    texts,
)
from mognad_core.cli.render import table
from mognad_core.schema import in_language
from mognad_core.scoring import publish_score

from .settings import Settings, engines, refuse_own_threshold, settings_for

#: Column key of the whole-organisation figures in the workshop frames.
TOTAL = "(alla)"
#: Group name for respondents with no value in the group column (the core's name).
NO_GROUP = disclosure.MISSING_VALUE


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
    """Groups side by side. Frames hold shown groups only; ``groups`` lists every group (a
    hidden one without its size). ``min_size`` is the anonymity threshold in force (1: off),
    ``spread_min`` the respondents with a score a group needs for spread figures."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    model: str
    by: str
    min_size: int
    spread_min: int
    lang: str = "sv"
    n_respondents: int
    source: str | None = None
    where: list[str] = Field(
        default_factory=list, description="the selection (--where), COLUMN=VALUE each"
    )
    engines: list[dict[str, str | None]] = Field(description="id, label, label_en in model order")
    levels_order: list[dict[str, str | None]] = Field(description="name, name_en of each level")
    groups: pd.DataFrame = Field(description="index group; n (None when hidden), shown, reason")
    scores: pd.DataFrame = Field(description="index engine id; one column per shown group")
    levels: pd.DataFrame = Field(description="index engine id; level name per shown group")
    spread: pd.DataFrame = Field(description="one row per shown group and engine")
    settings: dict[str, Any] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)

    @property
    def discussion(self) -> pd.DataFrame:
        """Rows flagged as low agreement, largest SD first (flag-only rows after them): the
        discussion points."""
        if self.spread.empty:
            return self.spread
        flagged = self.spread[self.spread["low_agreement"].eq(True)]
        return flagged.sort_values(["sd", "group"], ascending=[False, True], na_position="last")

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

        def count(key: str, value: Any) -> Any:  # counts stay whole numbers next to NaN
            if key in ("n", "group_n") and isinstance(value, float):
                return int(value)
            return value

        def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
            return [
                {k: count(k, clean(v)) for k, v in row.items()} for row in frame.to_dict("records")
            ]

        return {
            "model": self.model,
            "by": self.by,
            "min_size": self.min_size,
            "spread_min": self.spread_min,
            "n_respondents": self.n_respondents,
            "source": self.source,
            "where": self.where,
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


def spread_stats(
    scores: pd.Series,
    model: MaturityModel,
    s: Settings,
    policy: Any = None,
    lang: str = "sv",
) -> dict[str, Any]:
    """How much the respondents' engine scores ``scores`` agree, as the anonymity ``policy``
    allows (see the module docstring): spread figures for at least ``policy.spread_min``
    respondents with a score, a coarse agreement flag for at least ``min_size``, else nothing.
    Figures are rounded as published."""
    lang = texts.check_lang(lang)
    pol = disclosure.policy(policy, lang)
    x = scores.dropna().to_numpy(dtype=float)
    n = len(x)
    names = [lv.name for lv in model.levels]
    need = max(pol.spread_min, s.spread_min_respondents)
    need_flag = min(max(pol.min_size, s.spread_min_respondents), need)
    row: dict[str, Any] = {
        "n": None if pol.protected else n,
        "respondent_mean": None,
        "sd": None,
        "min": None,
        "max": None,
        "range": None,
        "q1": None,
        "q3": None,
        "iqr": None,
        "spread_shown": False,
        "low_agreement": None,
        "agreement": None,
        "note": None,
    }
    row.update({f"share_{name}": None for name in names})
    if n < need_flag:
        row["note"] = texts.text("dmm.note.too_few", lang, need=need_flag)
        return row
    if n < need:  # a flag at most: no figure that pins a member's score
        divided = bool(x.max() - x.min() > s.spread_flag_range + 1e-12)
        row.update(
            low_agreement=divided,
            agreement=texts.text("dmm.divided" if divided else "dmm.agreed", lang),
            note=texts.text(
                "dmm.note.flag_only",
                lang,
                need=need,
                limit=texts.num(s.spread_flag_range * 100, lang, None),
            ),
        )
        return row
    sd = float(np.std(x, ddof=1))
    # the flag follows the SD the reader sees (rounded under the policy), so that "SD 0.20" is
    # never flagged as above 0.20
    shown_sd = round(sd, pol.mean_digits) if pol.protected else sd
    q1, q3 = (float(v) for v in np.quantile(x, [0.25, 0.75]))
    shares = {name: 0.0 for name in names}
    for v in x:
        lv = model.level_for(float(v))
        if lv is not None:
            shares[lv.name] += 1 / n
    big = [i for i, name in enumerate(names) if shares[name] >= s.spread_level_split_share - 1e-9]
    split = bool(big) and max(big) - min(big) >= s.spread_level_split_distance
    high_sd = shown_sd > s.spread_flag_sd + 1e-12
    reasons = []
    if high_sd:
        sd_text, limit_text = (texts.num(v, lang, 2) for v in (shown_sd, s.spread_flag_sd))
        reasons.append(texts.text("dmm.note.sd", lang, sd=sd_text, limit=limit_text))
    if split:
        reasons.append(
            texts.text(
                "dmm.note.split",
                lang,
                share=s.spread_level_split_share * 100,
                distance=s.spread_level_split_distance,
            )
        )
    low = high_sd or split
    row.update(
        n=n,
        respondent_mean=float(x.mean()),
        sd=sd,
        min=float(x.min()),
        max=float(x.max()),
        range=float(x.max() - x.min()),
        q1=q1,
        q3=q3,
        iqr=q3 - q1,
        spread_shown=True,
        low_agreement=low,
        agreement=texts.text("dmm.divided" if low else "dmm.agreed", lang),
        note="; ".join(reasons) or None,
    )
    row.update({f"share_{name}": shares[name] for name in names})
    return disclosure.round_figures(row, pol)


def workshop(
    responses: ResponseSet | pd.DataFrame | str | Path,
    by: str = "ledningsgrupp",
    min_size: Any = None,
    *,
    model: Any = None,
    sheet: str | None = None,
    mapping: Any = None,
    lang: str = "sv",
) -> WorkshopResult:
    """Engine scores per group side by side, with how much the respondents agree.

    ``responses`` is a :class:`~mognad_core.ResponseSet`, a wide DataFrame or a response file
    (then ``model`` says which model; default ``dmm``). ``by`` names the group column.
    ``min_size`` is the anonymity policy (a number or a
    :class:`~mognad_core.disclosure.DisclosurePolicy`; default from ``MOGNAD_MIN_SIZE`` or
    mognad.toml, else 5; 1 turns the protection off): see the module docstring for what it
    hides. A set that may not be published raises
    :class:`~mognad_core.disclosure.DisclosureError`.
    """
    lang = texts.check_lang(lang)
    pol = disclosure.policy(min_size, lang)
    if model is None and not isinstance(responses, ResponseSet):
        model = "dmm"  # a file or a DataFrame is read for the DMM unless told otherwise
    rs = ResponseSet.from_any(responses, model, sheet=sheet, mapping=mapping)
    m = rs.model
    s = settings_for(m)
    refuse_own_threshold(m, lang)
    if rs.n == 0:
        raise InputError(
            texts.Message("dmm.error.header_only"),
            Location(file=rs.source, sheet=rs.sheet),
            texts.Message("dmm.error.expected.rows"),
        )
    column = rs.column(by, texts.Message("error.purpose.group_respondents_by"))
    split = disclosure.breakdown(rs, [column], pol, lang)
    notes: list[str] = []
    pooled = rs.pooled_waves()
    if pooled is not None and pooled.column != column:  # the one wave note (mognad_core)
        notes.append(pooled.note().text(lang))
    shown: list[tuple[str, ResponseSet, np.ndarray]] = [(TOTAL, rs, split.total.figure_hidden)]
    for c in split.visible:
        shown.append((split.name(c), rs.subset(split.members[c]), split.figure_hidden(c)))
    eng = engines(m)
    scores = pd.DataFrame(index=[d.id for d in eng], dtype=float)
    levels = pd.DataFrame(index=[d.id for d in eng], dtype=object)
    spread_rows: list[dict[str, Any]] = []
    hidden_ids: set[str] = set()
    for g, sub, hidden in shown:
        published = publish_score(sub, hidden, pol, insights=False, context={"lang": lang})
        hidden_ids.update(published.disclosure.hidden_statements if published.disclosure else ())
        # the respondents' engine scores leave out what the policy hides in this group
        per_respondent = respondent_engine_scores(disclosure.masked(sub, hidden), s)
        col_scores, col_levels = [], []
        for d in eng:
            stmts = m.statements_under(d.id)
            answered = sum(1 for st in stmts if published.statements[st.id].score is not None)
            value = published.dimensions[d.id].score
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
                "group_n": sub.n,
                "score": value,
                "level": lv.name if lv else None,
            }
            row.update(spread_stats(per_respondent[d.id], m, s, pol, lang))
            spread_rows.append(row)
        scores[g] = col_scores
        levels[g] = col_levels
    groups = pd.DataFrame(
        [
            {
                "group": split.name(c),
                "n": None if split.hidden(c) else split.n(c),
                "shown": not split.hidden(c),
                "reason": split.reason(c, lang),
            }
            for c in split.cells
        ],
        columns=["group", "n", "shown", "reason"],
    ).set_index("group")
    hidden_names = [split.name(c) for c in split.cells if split.hidden(c)]
    notes.extend(disclosure.groups_note(hidden_names, pol, lang))
    if hidden_ids:
        ids = [sid for sid in m.statement_ids if sid in hidden_ids]
        notes.append(
            texts.text(
                "note.hidden_statements", lang, count=len(ids), ids=", ".join(ids), k=pol.min_size
            )
        )
    need = max(pol.spread_min, s.spread_min_respondents)
    if pol.protected:
        notes.append(
            texts.text(
                "dmm.note.spread_rule",
                lang,
                need=need,
                limit=texts.num(s.spread_flag_range * 100, lang, None),
            )
        )
    result = WorkshopResult(
        model=m.name,
        by=column,
        min_size=pol.min_size,
        spread_min=need,
        lang=lang,
        n_respondents=rs.n,
        source=rs.source,
        where=[f"{c}={v}" for c, v in rs.conditions],
        engines=[{"id": d.id, "label": d.label, "label_en": d.label_en} for d in eng],
        levels_order=[{"name": lv.name, "name_en": lv.name_en} for lv in m.levels],
        groups=groups,
        scores=scores,
        levels=levels,
        spread=pd.DataFrame(spread_rows),
        settings={
            "min_answered_per_engine": s.min_answered_per_engine,
            "flag_sd": s.spread_flag_sd,
            "flag_range": s.spread_flag_range,
            "flag_level_split_share": s.spread_level_split_share,
            "flag_level_split_min_distance": s.spread_level_split_distance,
            "min_respondents": s.spread_min_respondents,
        },
        notes=notes,
    )
    return disclosure.finish(result, pol, lang, rs.notes)


def render_workshop(result: WorkshopResult, lang: str | None = None) -> str:
    """The workshop as plain-text tables (groups side by side). Made with the anonymity
    protection off, it starts with the notice saying so."""
    t = texts.Texts(lang or result.lang)
    lang = t.lang
    names = [schema.level_label(lv["name"], lv["name_en"], lang) for lv in result.levels_order]
    letters = [n[0].upper() for n in names]
    if len(set(letters)) < len(letters):
        letters = [str(i) for i in range(1, len(names) + 1)]
    abbrev = {lv["name"]: a for lv, a in zip(result.levels_order, letters, strict=True)}
    shown_groups = [g for g in result.groups.index if result.groups.loc[g, "shown"]]
    keys = ([TOTAL] if TOTAL in result.scores.columns else []) + shown_groups
    short = {TOTAL: t("dmm.workshop.all_short")}
    for i, g in enumerate(shown_groups, start=1):
        short[g] = f"G{i}"
    source = Path(result.source).name if result.source else t("dmm.workshop.responses")
    if result.where:  # as every analysis names its selection: svar.xlsx (år=2025)
        source += f" ({', '.join(result.where)})"
    limit = texts.num(result.settings.get("flag_range", 0.5) * 100, lang, None)
    lines = [f"*** {notice} ***" for notice in disclosure.notes_for(result_policy(result), lang)]
    if lines:
        lines.append("")
    lines.append(
        t(
            "dmm.workshop.head",
            source=source,
            n=result.n_respondents,
            groups=len(result.groups),
            by=result.by,
        )
    )
    if result.min_size > 1:
        lines.append(
            t("dmm.workshop.smallest", min_size=result.min_size, spread_min=result.spread_min)
        )
    lines.append("")
    if TOTAL in result.scores.columns:
        lines.append(f"  {short[TOTAL]:<4} = {t('dmm.workshop.all')} (n = {result.n_respondents})")
    for g in result.groups.index:
        if g in short:
            n = int(result.groups.loc[g, "n"])
            lines.append(f"  {short[g]:<4} = {g} (n = {n})")
            continue
        # the one reason every hidden group has, in the language of the text: never the group's
        # size, nor whether it is small or hidden to protect a smaller one
        reason = t("reason.hidden", k=result.min_size)
        lines.append(f"  {'–':<4}   {g}: {reason}")
    legend = ", ".join(f"{a} = {n}" for a, n in zip(letters, names, strict=True))
    lines += ["", t("dmm.workshop.scores", legend=legend)]
    engine_label = {e["id"]: in_language(e["label"], e["label_en"], lang) for e in result.engines}
    engine_head = t("dmm.workshop.engine")
    rows = []
    for e in result.scores.index:
        row = {engine_head: engine_label[e]}
        for k in keys:
            v = result.scores.loc[e, k]
            lv = result.levels.loc[e, k]
            row[short[k]] = "–" if pd.isna(v) else f"{t.pct(v, 1)} {abbrev.get(lv, '')}"
        rows.append(row)
    if keys:
        lines.append(table(rows, t))
    head = t("dmm.workshop.spread")
    if result.min_size > 1:
        head += t("dmm.workshop.spread_small", spread_min=result.spread_min, limit=limit)
    lines += ["", head]
    rows = []
    sp = result.spread.set_index(["engine", "group"]) if not result.spread.empty else None
    for e in result.scores.index:
        row = {engine_head: engine_label[e]}
        for k in keys:
            r = sp.loc[(e, k)]
            if r["spread_shown"]:
                flag = " !" if r["low_agreement"] else ""
                figures = f"{t.num(r['sd'] * 100)} | {t.num(r['range'] * 100, 0)}"
                row[short[k]] = f"{figures}{flag or '  '}"
            elif isinstance(r["agreement"], str):  # a coarse flag only, in this text's language
                word = t("dmm.divided" if r["low_agreement"] else "dmm.agreed")
                row[short[k]] = f"{word}{' !' if r['low_agreement'] else '  '}"
            else:
                row[short[k]] = "–"
        rows.append(row)
    if keys:
        lines.append(table(rows, t))
    disc = result.discussion
    lines += ["", t("dmm.workshop.discussion")]
    if disc.empty:
        lines.append("  " + t("dmm.workshop.no_discussion"))
    for _, r in disc.iterrows():
        group = short.get(r["group"], r["group"])
        group_name = t("dmm.workshop.all") if r["group"] == TOTAL else r["group"]
        head = f"  - {engine_label[r['engine']]}, {group} ({group_name}): "
        if not r["spread_shown"]:
            lines.append(head + t("dmm.workshop.divided", limit=limit))
            continue
        shares = [
            f"{name} {t.pct(r['share_' + lv['name']])}"
            for lv, name in zip(result.levels_order, names, strict=True)
            if r.get("share_" + lv["name"])
        ]
        figures = t(
            "dmm.workshop.figures",
            sd=t.num(r["sd"] * 100),
            low=t.num(r["min"] * 100, 0),
            high=t.num(r["max"] * 100, 0),
            shares=", ".join(shares),
        )
        lines.append(head + figures)
    return "\n".join(lines).rstrip() + "\n"


def result_policy(result: WorkshopResult) -> disclosure.DisclosurePolicy:
    """The anonymity policy a workshop result was made under."""
    return disclosure.DisclosurePolicy(min_size=result.min_size)
