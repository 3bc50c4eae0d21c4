"""The DiMiOS 2×2: Digital förmåga against Digitalt arv, for an organisation and per group.

Settings come from the model (``meta``), so a user's own model file can change them:

``meta.plot``                 ``{x: formaga, y: arv}``: the two dimensions of the 2×2 (else
                              dimensions with ``meta.quadrant_axis: x``/``y``, else the first two)
``meta.quadrant_threshold``   a dimension score at or above it counts as high (default 0.5)
``meta.quadrant_border_margin`` a score this close to the threshold is "near the border" (0.03)
``meta.quadrants``            four entries with ``id``, ``name``/``name_en``,
                              ``description``/``_en``, ``recommendation``/``_en`` and
                              ``high_<x>``/``high_<y>`` booleans (``high_x``/``high_y`` also work)

Which groups :func:`classify_groups` shows is not a setting of the model: it is mognad's one
anonymity policy (:mod:`mognad_core.disclosure`; ``--min-size``, ``MOGNAD_MIN_SIZE`` or
``min_size`` in mognad.toml, default 5), the same as for ``mognad groups``. A model file that
still sets the old ``meta.group_min_size`` is refused with a message saying where the setting
went (see the README).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel, Field

from mognad_core import (
    MaturityModel,
    ModelError,
    MognadError,
    ResponseSet,
    ScoreResult,
    disclosure,
    score_responses,
    texts,
)
from mognad_core import groups as core_groups

from ._common import (
    DEFAULT_BORDER_MARGIN,
    DEFAULT_THRESHOLD,
    EPS,
    meta_number,
    pick,
    refuse_own_threshold,
    resolve_model,
    scores_of,
)


class Classification(BaseModel):
    """Where a set of scores falls in the 2×2, in one language.

    ``quadrant`` is None when a dimension has no score (``reason`` says which). ``distance_pp``
    is the signed distance to the threshold per dimension in percentage points.
    """

    quadrant: str | None = None
    name: str | None = None
    description: str | None = None
    recommendation: str | None = None
    dimios_type: str | None = Field(None, description="DiMiOS's public type letter, when known")
    lang: str = "sv"
    x: str
    y: str
    labels: dict[str, str] = Field(default_factory=dict)
    scores: dict[str, float | None] = Field(default_factory=dict)
    high: dict[str, bool | None] = Field(default_factory=dict)
    threshold: float = DEFAULT_THRESHOLD
    border_margin: float = DEFAULT_BORDER_MARGIN
    distance_pp: dict[str, float | None] = Field(default_factory=dict)
    near_border: bool = False
    near_border_dims: list[str] = Field(default_factory=list)
    reason: str | None = None

    def summary(self, with_name: bool = True) -> str:
        """One sentence: the category and the two scores against the threshold."""
        if self.quadrant is None:
            return self.reason or ""
        t = texts.Texts(self.lang)
        parts = ", ".join(f"{self.labels[d]} {t.pct(self.scores[d], 1)}" for d in (self.x, self.y))
        text = t("dimios.quadrant.summary", parts=parts, limit=t.pct(self.threshold))
        if with_name:
            text = f"{self.name}: {text}"
        if self.near_border:
            near = t.join([self.labels[d] for d in self.near_border_dims])
            text += t(
                "dimios.quadrant.near", near=near, margin=t.num(100 * self.border_margin, None)
            )
        return text


class GroupClassification(BaseModel):
    """One group's 2×2. A ``suppressed`` group (hidden by the anonymity policy) carries no
    scores and no size, only why it is hidden."""

    group: str
    n: int | None = Field(description="respondents in the group (None when hidden)")
    suppressed: bool = False
    suppressed_reason: str | None = None
    scores: dict[str, float | None] = Field(default_factory=dict)
    overall: float | None = None
    classification: Classification | None = None


class GroupedClassification(BaseModel):
    """The organisation's 2×2 and one row per group of an attribute column, published under
    the anonymity policy whose threshold is ``min_size`` (1: protection off)."""

    by: str
    min_size: int = Field(description="the anonymity threshold in force (1: protection off)")
    lang: str = "sv"
    n_respondents: int
    organisation: Classification
    groups: list[GroupClassification]
    notes: list[str] = Field(default_factory=list)

    def to_frame(self) -> pd.DataFrame:
        """One row per group: n, scores, quadrant, near_border, suppressed."""
        x, y = self.organisation.x, self.organisation.y
        rows = []
        for g in self.groups:
            c = g.classification
            rows.append(
                {
                    self.by: g.group,
                    "n": g.n,
                    x: g.scores.get(x),
                    y: g.scores.get(y),
                    "quadrant": c.quadrant if c else None,
                    "name": c.name if c else None,
                    "near_border": c.near_border if c else None,
                    "suppressed": g.suppressed,
                }
            )
        return pd.DataFrame(rows).set_index(self.by)


# ---- model settings -----------------------------------------------------------------------
def axes(model: MaturityModel) -> tuple[str, str]:
    """The (x, y) dimension ids of the 2×2."""
    plot = model.meta.get("plot") or {}
    x = plot.get("x") if isinstance(plot, Mapping) else None
    y = plot.get("y") if isinstance(plot, Mapping) else None
    if not (x and y):
        by_axis = {d.meta.get("quadrant_axis"): d.id for d in model.dimensions}
        x, y = by_axis.get("x"), by_axis.get("y")
    if not (x and y):
        if len(model.dimensions) < 2:
            raise ModelError(texts.Message("dimios.error.two_dimensions", model=repr(model.name)))
        x, y = model.dimensions[0].id, model.dimensions[1].id
    for d in (x, y):
        if not model.has_part(d) or d in model.statement_ids:
            raise ModelError(
                texts.Message("dimios.error.plot_part", model=repr(model.name), part=repr(d))
            )
    if x == y:
        raise ModelError(
            texts.Message("dimios.error.plot_same", model=repr(model.name), part=repr(x))
        )
    return x, y


def _flag(entry: Mapping[str, Any], dim: str, axis: str) -> bool | None:
    for key in (f"high_{dim}", f"high_{axis}"):
        if key in entry:
            value = entry[key]
            return value if isinstance(value, bool) else None
    return None


def quadrants(model: MaturityModel) -> dict[tuple[bool, bool], Mapping[str, Any]]:
    """``(high_x, high_y)`` -> quadrant entry; checks that all four combinations are there."""
    x, y = axes(model)
    entries = model.meta.get("quadrants")
    if not isinstance(entries, list) or not entries:
        raise ModelError(
            texts.Message("dimios.error.no_quadrants", model=repr(model.name), x=x, y=y)
        )
    out: dict[tuple[bool, bool], Mapping[str, Any]] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, Mapping) or not entry.get("id") or not entry.get("name"):
            raise ModelError(texts.Message("dimios.error.quadrant_id", model=repr(model.name), i=i))
        key = (_flag(entry, x, "x"), _flag(entry, y, "y"))
        if None in key:
            raise ModelError(
                texts.Message(
                    "dimios.error.quadrant_flags",
                    model=repr(model.name),
                    i=i,
                    id=entry["id"],
                    x=x,
                    y=y,
                )
            )
        if key in out:
            raise ModelError(
                texts.Message(
                    "dimios.error.quadrant_twice",
                    model=repr(model.name),
                    first=repr(out[key]["id"]),
                    second=repr(entry["id"]),
                )
            )
        out[key] = entry
    if len(out) != 4:
        raise ModelError(
            texts.Message("dimios.error.quadrant_corners", model=repr(model.name), n=len(out))
        )
    return out


def threshold(model: MaturityModel) -> float:
    return meta_number(model, "quadrant_threshold", DEFAULT_THRESHOLD, 0.0, 1.0)


def border_margin(model: MaturityModel) -> float:
    return meta_number(model, "quadrant_border_margin", DEFAULT_BORDER_MARGIN, 0.0, 0.5)


# ---- classification -----------------------------------------------------------------------
def classify(
    result_or_scores: ScoreResult | ResponseSet | Mapping[str, Any],
    model: Any = None,
    lang: str = "sv",
    *,
    threshold_value: float | None = None,
    min_size: Any = None,
) -> Classification:
    """The 2×2 category of a score result, of responses, or of two dimension scores.

    ``result_or_scores`` is a :class:`~mognad_core.ScoreResult`, a
    :class:`~mognad_core.ResponseSet`, or a mapping such as ``{"formaga": 0.62, "arv": 0.41}``
    (ids or labels as keys; 0-1 or percentages). ``model`` defaults to the result's model, else
    DiMiOS. ``threshold_value`` overrides ``meta.quadrant_threshold``. Responses are scored as
    published under the anonymity policy (``min_size``, default from the settings; a set too
    small to publish raises :class:`~mognad_core.disclosure.DisclosureError`).

    >>> classify({"formaga": 0.62, "arv": 0.41}).quadrant
    'hindrad_av_arvet'
    """
    lang = texts.check_lang(lang)
    if isinstance(result_or_scores, ResponseSet):
        m = resolve_model(None, model or result_or_scores.model)
        result_or_scores = score_responses(
            result_or_scores, insights=False, context={"lang": lang}, min_size=min_size
        )
    else:
        m = resolve_model(result_or_scores, model)
    x, y = axes(m)
    table = quadrants(m)
    t = threshold(m) if threshold_value is None else float(threshold_value)
    if not 0 <= t <= 1:
        raise MognadError(f"the 2×2 threshold {threshold_value!r} is outside 0-1")
    margin = border_margin(m)
    scores = scores_of(result_or_scores, m)
    labels = {d: m.dimension(d).name(lang) for d in (x, y)}
    out = Classification(
        lang=lang,
        x=x,
        y=y,
        labels=labels,
        scores={d: scores.get(d) for d in (x, y)},
        threshold=t,
        border_margin=margin,
    )
    missing = [d for d in (x, y) if out.scores[d] is None]
    for d in (x, y):
        s = out.scores[d]
        out.high[d] = None if s is None else s >= t - EPS
        out.distance_pp[d] = None if s is None else round(100 * (s - t), 10)
        if s is not None and abs(s - t) <= margin + EPS:
            out.near_border_dims.append(d)
    out.near_border = bool(out.near_border_dims)
    if missing:
        names = texts.join([labels[d] for d in missing], lang)
        out.reason = texts.text("dimios.quadrant.no_answers", lang, names=names)
        return out
    entry = table[(bool(out.high[x]), bool(out.high[y]))]
    out.quadrant = str(entry["id"])
    out.name = pick(entry, "name", lang)
    out.description = pick(entry, "description", lang)
    out.recommendation = pick(entry, "recommendation", lang)
    dtype = entry.get("dimios_type")
    out.dimios_type = None if dtype is None else str(dtype)
    return out


# ---- groups -------------------------------------------------------------------------------
def classify_groups(
    responses: ResponseSet | pd.DataFrame | str | Path,
    by: str | list[str] = "förvaltning",
    min_size: Any = None,
    *,
    model: Any = None,
    lang: str = "sv",
    sheet: str | None = None,
    mapping: Any = None,
) -> GroupedClassification:
    """The 2×2 for the whole organisation and for each group of the column(s) ``by``.

    The groups, which of them are shown and every figure come from :func:`mognad_core.groups`
    under the anonymity policy ``min_size`` (a number or a
    :class:`~mognad_core.disclosure.DisclosurePolicy`; default from ``MOGNAD_MIN_SIZE`` or
    mognad.toml, else 5; 1 turns the protection off): a group ``mognad groups`` hides is hidden
    here too, with no scores and no size. Blank values form their own group, "(saknas)".
    Several columns (``by=["förvaltning", "roll"]``) group by their combinations. A set that
    may not be published raises :class:`~mognad_core.disclosure.DisclosureError`.
    """
    lang = texts.check_lang(lang)
    pol = disclosure.policy(min_size, lang)
    rs = ResponseSet.from_any(responses, model, sheet=sheet, mapping=mapping)
    m = rs.model if model is None else resolve_model(None, model)
    refuse_own_threshold(m, lang)
    x, y = axes(m)
    quadrants(m)
    grouped = core_groups(rs, by, min_size=pol, model=m, lang=lang, top=0)
    rows = {r.id: r for r in grouped.rows}
    organisation = classify({x: rows[x].total, y: rows[y].total}, m, lang)
    out: list[GroupClassification] = []
    for info in grouped.groups:
        if info.suppressed:
            out.append(
                GroupClassification(
                    group=info.name, n=None, suppressed=True, suppressed_reason=info.reason
                )
            )
            continue
        c = classify({x: rows[x].values.get(info.name), y: rows[y].values.get(info.name)}, m, lang)
        if c.reason and pol.protected:  # no answers, or answers the policy hides in this group
            missing = [c.labels[d] for d in (x, y) if c.scores[d] is None]
            c.reason = texts.text(
                "dimios.quadrant.no_answers_shown", lang, names=texts.join(missing, lang)
            )
        out.append(
            GroupClassification(
                group=info.name,
                n=info.n,
                scores=dict(c.scores),
                overall=rows["overall"].values.get(info.name),
                classification=c,
            )
        )
    result = GroupedClassification(
        by=" / ".join(grouped.by),
        min_size=grouped.min_size,
        lang=lang,
        n_respondents=grouped.n_total,
        organisation=organisation,
        groups=out,
        notes=list(grouped.notes),
    )
    return disclosure.finish(result, pol, lang)


def hidden_rule(min_size: int, lang: str) -> str:
    """Which groups are not shown, in words (for headings and insight texts)."""
    if min_size <= 1:
        return texts.text("dimios.groups.all_shown", lang)
    return texts.text("dimios.groups.hidden_rule", lang, k=min_size)


def describe_group(g: GroupClassification, x: str, y: str, lang: str) -> dict[str, str]:
    """A group as one bullet row for the CLI."""
    t = texts.Texts(lang)
    if g.suppressed:  # no figures and no size: only that it is hidden, and why
        return {
            t("dimios.col.group"): g.group,
            t("dimios.col.not_shown"): g.suppressed_reason or "",
        }
    c = g.classification
    assert c is not None
    name = c.name or (c.reason or "")
    if c.near_border:
        name += t("dimios.quadrant.near_short")
    return {
        t("dimios.col.group"): g.group,
        "n": str(g.n),
        c.labels[x]: t.pct(g.scores.get(x), 1),
        c.labels[y]: t.pct(g.scores.get(y), 1),
        t("dimios.col.category"): name,
    }


def distance_text(c: Classification) -> str:
    """``Digital förmåga +10,6 procentenheter, Digitalt arv +14,7 procentenheter``."""
    parts = []
    for d in (c.x, c.y):
        dist = c.distance_pp.get(d)  # in percentage points
        shown = texts.pp(None if dist is None else dist / 100, c.lang, long=True)
        parts.append(f"{c.labels[d]} {shown}")
    return ", ".join(parts)
