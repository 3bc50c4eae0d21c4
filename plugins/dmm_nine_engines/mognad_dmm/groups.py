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
    load_model,
    prepare,
    read_responses,
    texts,
)
from mognad_core.analysis.compare import several_waves
from mognad_core.scoring import publish_score

from .settings import Settings, engines, refuse_own_threshold, settings_for

#: Column key of the whole-organisation figures in the workshop frames.
TOTAL = "(alla)"
#: Group name for respondents with no value in the group column (the core's name).
NO_GROUP = disclosure.MISSING_VALUE

_TEXTS: dict[str, tuple[str, str]] = {
    "agreed": ("samstämmig", "in agreement"),
    "divided": ("spridd", "divided"),
    "note.flag_only": (
        "spridningsmått visas bara för minst {need} respondenter med poäng; här bara om "
        "spannet mellan högsta och lägsta poäng är över {limit} procentenheter (spridd) eller "
        "inte (samstämmig)",
        "spread figures are shown only for at least {need} respondents with a score; here only "
        "whether the highest and lowest scores are more than {limit} percentage points apart "
        "(divided) or not (in agreement)",
    ),
    "note.too_few": (
        "färre än {need} respondenter med poäng: ingen spridning visas",
        "fewer than {need} respondents with a score: no spread shown",
    ),
    "note.sd": ("SD {sd:.2f} > {limit:.2f}", "SD {sd:.2f} > {limit:.2f}"),
    "note.split": (
        "≥ {share:.0f} % i vardera av två nivåer med minst {distance} steg emellan",
        "≥ {share:.0f} % in each of two levels {distance} or more steps apart",
    ),
    "note.spread_rule": (
        "Spridningsmått (SD, min, kvartiler, max) visas för grupper med minst {need} "
        "respondenter med poäng; mindre grupper får bara en grov flagga: spridd (spannet över "
        "{limit} procentenheter) eller samstämmig.",
        "Spread figures (SD, min, quartiles, max) are shown for groups with at least {need} "
        "respondents with a score; smaller groups get only a coarse flag: divided (a range "
        "above {limit} percentage points) or in agreement.",
    ),
    "note.waves": (
        'Kolumnen "{column}" har flera värden ({waves}); workshopen räknar ihop dem. Ta en '
        "omgång i taget för att jämföra lika med lika.",
        'Column "{column}" has several values ({waves}); the workshop pools them. Score one '
        "wave at a time to compare like with like.",
    ),
}


def _t(key: str, lang: str, **values: Any) -> str:
    sv, en = _TEXTS[key]
    return (en if lang == "en" else sv).format(**values)


def _lang(value: Any) -> str:
    return "en" if str(value or "sv").lower().startswith("en") else "sv"


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
    lang = _lang(lang)
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
        row["note"] = _t("note.too_few", lang, need=need_flag)
        return row
    if n < need:  # a flag at most: no figure that pins a member's score
        divided = bool(x.max() - x.min() > s.spread_flag_range + 1e-12)
        row.update(
            low_agreement=divided,
            agreement=_t("divided" if divided else "agreed", lang),
            note=_t("note.flag_only", lang, need=need, limit=f"{s.spread_flag_range * 100:g}"),
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
        reasons.append(_t("note.sd", lang, sd=shown_sd, limit=s.spread_flag_sd))
    if split:
        reasons.append(
            _t(
                "note.split",
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
        agreement=_t("divided" if low else "agreed", lang),
        note="; ".join(reasons) or None,
    )
    row.update({f"share_{name}": shares[name] for name in names})
    return disclosure.round_figures(row, pol)


def _find_column(responses: ResponseSet, by: str) -> str:
    try:
        return responses.column(by)
    except InputError:
        shown = ", ".join(f'"{c}"' for c in responses.attributes.columns) or "none"
        raise InputError(
            f'there is no column "{by}" to group respondents by (respondent columns: {shown})',
            Location(file=responses.source, sheet=responses.sheet),
            "the name of a column such as ledningsgrupp",
        ) from None


def workshop(
    responses: ResponseSet | pd.DataFrame | str | Path,
    by: str = "ledningsgrupp",
    min_size: Any = None,
    *,
    model: Any = "dmm",
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
    lang = _lang(lang)
    pol = disclosure.policy(min_size, lang)
    if isinstance(responses, ResponseSet):
        rs = responses
    elif isinstance(responses, pd.DataFrame):
        rs = prepare(responses, load_model(model))
    else:
        rs = read_responses(responses, model, sheet=sheet, mapping=mapping)
    m = rs.model
    s = settings_for(m)
    refuse_own_threshold(m, lang)
    if rs.n == 0:
        raise InputError(
            "the table has a header but no respondent rows",
            Location(file=rs.source, sheet=rs.sheet),
            "one row per respondent",
        )
    column = _find_column(rs, by)
    split = disclosure.breakdown(rs, [column], pol, lang)
    notes: list[str] = []
    waves = several_waves(rs)
    if waves and waves[0] != column:
        notes.append(_t("note.waves", lang, column=waves[0], waves=", ".join(waves[1])))
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
            _t("note.spread_rule", lang, need=need, limit=f"{s.spread_flag_range * 100:g}")
        )
    result = WorkshopResult(
        model=m.name,
        by=column,
        min_size=pol.min_size,
        spread_min=need,
        lang=lang,
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
            "flag_range": s.spread_flag_range,
            "flag_level_split_share": s.spread_level_split_share,
            "flag_level_split_min_distance": s.spread_level_split_distance,
            "min_respondents": s.spread_min_respondents,
        },
        notes=notes,
    )
    return disclosure.finish(result, pol, lang, rs.notes)


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


def render_workshop(result: WorkshopResult, lang: str | None = None) -> str:
    """The workshop as plain-text tables (groups side by side). Made with the anonymity
    protection off, it starts with the notice saying so."""
    lang = _lang(lang or result.lang)
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
    limit = f"{result.settings.get('flag_range', 0.5) * 100:g}"
    lines = [f"*** {notice} ***" for notice in disclosure.notes_for(result_policy(result), lang)]
    if lines:
        lines.append("")
    if en:
        lines.append(
            f"Workshop: {source}, {result.n_respondents} respondents in {n_groups} groups "
            f"({result.by})"
        )
        if result.min_size > 1:
            lines.append(
                f"Smallest group shown: {result.min_size} respondents; spread figures from "
                f"{result.spread_min} respondents with a score."
            )
    else:
        lines.append(
            f"Workshop: {source}, {result.n_respondents} respondenter i {n_groups} grupper "
            f"({result.by})"
        )
        if result.min_size > 1:
            lines.append(
                f"Minsta grupp som visas: {result.min_size} respondenter; spridningsmått från "
                f"{result.spread_min} respondenter med poäng."
            )
    lines.append("")
    if TOTAL in result.scores.columns:
        lines.append(
            f"  {short[TOTAL]:<4} = {'all respondents' if en else 'alla respondenter'} "
            f"(n = {result.n_respondents})"
        )
    for g in result.groups.index:
        if g in short:
            n = int(result.groups.loc[g, "n"])
            lines.append(f"  {short[g]:<4} = {g} (n = {n})")
            continue
        # the one reason every hidden group has, in the language of the text: never the group's
        # size, nor whether it is small or hidden to protect a smaller one
        reason = texts.text("reason.hidden", lang, k=result.min_size)
        lines.append(f"  {'–':<4}   {g}: {reason}")
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
    if result.min_size > 1:
        head += (
            f"; groups under {result.spread_min}: divided (range above {limit}) or in agreement"
            if en
            else f"; grupper under {result.spread_min}: spridd (spann över {limit}) eller "
            "samstämmig"
        )
    lines += ["", head]
    rows = []
    sp = result.spread.set_index(["engine", "group"]) if not result.spread.empty else None
    for e in result.scores.index:
        row = {("Engine" if en else "Motor"): engine_label[e]}
        for k in keys:
            r = sp.loc[(e, k)]
            if r["spread_shown"]:
                flag = " !" if r["low_agreement"] else ""
                row[short[k]] = f"{r['sd'] * 100:.1f} | {r['range'] * 100:.0f}{flag or '  '}"
            elif isinstance(r["agreement"], str):  # a coarse flag only
                row[short[k]] = f"{r['agreement']}{' !' if r['low_agreement'] else '  '}"
            else:
                row[short[k]] = "–"
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
        head = f"  - {engine_label[r['engine']]}, {group} ({group_name}): "
        if not r["spread_shown"]:
            lines.append(
                head
                + (
                    f"divided (the scores are more than {limit} percentage points apart)"
                    if en
                    else f"spridd (poängen skiljer sig mer än {limit} procentenheter)"
                )
            )
            continue
        shares = [
            f"{lv['name_en'] if en and lv['name_en'] else lv['name']} "
            f"{r['share_' + lv['name']] * 100:.0f} %"
            for lv in result.levels_order
            if r.get("share_" + lv["name"])
        ]
        lines.append(
            head + f"SD {r['sd'] * 100:.1f}, {'range' if en else 'spann'} "
            f"{r['min'] * 100:.0f}–{r['max'] * 100:.0f} %; " + ", ".join(shares)
        )
    return "\n".join(lines).rstrip() + "\n"


def result_policy(result: WorkshopResult) -> disclosure.DisclosurePolicy:
    """The anonymity policy a workshop result was made under."""
    return disclosure.DisclosurePolicy(min_size=result.min_size)
