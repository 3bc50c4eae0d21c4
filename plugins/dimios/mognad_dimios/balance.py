"""The efficiency–innovation (exploit–explore) balance.

Every statement carries ``meta.axis: exploit`` (efficiency) or ``explore`` (innovation); the
four balancing statements also carry ``meta.balancing: true``. For the whole organisation and
for each top-level dimension:

* ``exploit`` = weighted mean of the scores of its exploit statements (statements without a
  score are left out), ``explore`` likewise;
* ``balance = explore - exploit`` (-1 … 1; positive leans to innovation);
* ``explore_share = explore / (explore + exploit)`` when the sum is above 0;
* a tilt is reported when ``|balance| > meta.balance_flag_threshold`` (default 0.10).

The overall figure pools all tagged statements (it is not the mean of the two dimensions).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, Field

from mognad_core import MaturityModel, ModelError, MognadError, ScoreResult, disclosure, texts

from ._common import DEFAULT_TILT, EPS, meta_number, resolve_model

AXES = ("exploit", "explore")


class AxisBalance(BaseModel):
    """The balance for one part: ``overall`` or a top-level dimension id."""

    part: str
    label: str
    exploit: float | None = None
    explore: float | None = None
    balance: float | None = Field(None, description="explore - exploit")
    explore_share: float | None = Field(None, description="explore / (explore + exploit)")
    tilt: Literal["exploit", "explore", "balanced"] | None = None
    n_exploit: int = Field(0, description="exploit statements with a score")
    n_explore: int = Field(0, description="explore statements with a score")


class Balance(BaseModel):
    """The efficiency–innovation balance overall and per top-level dimension."""

    lang: str = "sv"
    threshold: float = DEFAULT_TILT
    include_balancing: bool = True
    axis_names: dict[str, str] = Field(default_factory=dict)
    overall: AxisBalance
    dimensions: dict[str, AxisBalance] = Field(default_factory=dict)

    def parts(self) -> list[AxisBalance]:
        return [self.overall, *self.dimensions.values()]


def statement_axes(model: MaturityModel) -> dict[str, str]:
    """Statement id -> ``exploit``/``explore`` for statements that are tagged."""
    out: dict[str, str] = {}
    for s in model.statements:
        axis = s.meta.get("axis")
        if axis is None:
            continue
        if axis not in AXES:
            raise ModelError(
                texts.Message(
                    "dimios.error.axis", model=repr(model.name), id=repr(s.id), axis=repr(axis)
                )
            )
        out[s.id] = axis
    if not out:
        raise ModelError(texts.Message("dimios.error.no_axis", model=repr(model.name)))
    return out


def axis_names(model: MaturityModel, lang: str) -> dict[str, str]:
    names = model.meta.get("axis_values")
    out = {}
    for axis in AXES:
        entry = names.get(axis) if isinstance(names, Mapping) else None
        if isinstance(entry, Mapping) and entry.get(lang):
            out[axis] = str(entry[lang])
        else:
            out[axis] = texts.text(f"dimios.balance.{axis}", lang)
    return out


def _weighted(pairs: list[tuple[float, float]]) -> tuple[float | None, int]:
    if not pairs:
        return None, 0
    s = np.array([p[0] for p in pairs])
    w = np.array([p[1] for p in pairs])
    return float((s * w).sum() / w.sum()), len(pairs)


def _part(
    part: str,
    label: str,
    ids: list[str],
    result: ScoreResult,
    tags: Mapping[str, str],
    weights: Mapping[str, float],
    limit: float,
) -> AxisBalance:
    by_axis: dict[str, list[tuple[float, float]]] = {a: [] for a in AXES}
    for sid in ids:
        st = result.statements.get(sid)
        if sid not in tags or st is None or st.score is None:
            continue
        by_axis[tags[sid]].append((st.score, weights[sid]))
    exploit, n_exploit = _weighted(by_axis["exploit"])
    explore, n_explore = _weighted(by_axis["explore"])
    out = AxisBalance(
        part=part,
        label=label,
        exploit=exploit,
        explore=explore,
        n_exploit=n_exploit,
        n_explore=n_explore,
    )
    if exploit is not None and explore is not None:
        out.balance = explore - exploit
        total = explore + exploit
        out.explore_share = explore / total if total > 0 else None
        if out.balance > limit + EPS:
            out.tilt = "explore"
        elif out.balance < -limit - EPS:
            out.tilt = "exploit"
        else:
            out.tilt = "balanced"
    return out


def balance(
    result: ScoreResult,
    model: Any = None,
    *,
    include_balancing: bool = True,
    lang: str = "sv",
) -> Balance:
    """The efficiency–innovation balance of a score result.

    ``include_balancing=False`` leaves out the statements tagged ``meta.balancing: true``
    (DiMiOS's "Förmågor för balansering"), which are about holding the two together.
    """
    if not isinstance(result, ScoreResult):
        raise MognadError(
            f"balance() needs a score result (mognad.score(...)), got {type(result).__name__}"
        )
    lang = texts.check_lang(lang)
    m = resolve_model(result, model)
    tags = statement_axes(m)
    if not include_balancing:
        tags = {k: v for k, v in tags.items() if not m.statement(k).meta.get("balancing")}
    limit = meta_number(m, "balance_flag_threshold", DEFAULT_TILT, 0.0, 1.0)
    weights = {s.id: s.weight for s in m.statements}
    overall_label = texts.text("dimios.balance.overall", lang)
    out = Balance(
        lang=lang,
        threshold=limit,
        include_balancing=include_balancing,
        axis_names=axis_names(m, lang),
        overall=_part("overall", overall_label, m.statement_ids, result, tags, weights, limit),
    )
    for d in m.dimensions:
        ids = [s.id for s in m.statements_under(d.id)]
        out.dimensions[d.id] = _part(d.id, d.name(lang), ids, result, tags, weights, limit)
    return disclosure.round_figures(out, disclosure.policy_of(result, lang))  # as published


def describe(part: AxisBalance, b: Balance) -> str:
    """``Innovation 60,5 %, effektivitet 63,4 %: −2,9 procentenheter, i balans``."""
    ex, ez = b.axis_names["exploit"], b.axis_names["explore"]
    if part.balance is None:
        return texts.text("dimios.balance.too_few", b.lang)
    tilt = texts.text(f"dimios.balance.tilt_{part.tilt or 'balanced'}", b.lang)
    t = texts.Texts(b.lang)
    return (
        f"{ez} {t.pct(part.explore, 1)}, {ex} {t.pct(part.exploit, 1)}: "
        f"{t.pp(part.balance, long=True)}, {tilt}"
    )
