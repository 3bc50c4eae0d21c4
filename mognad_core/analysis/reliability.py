"""Reliability: how much the figures can be trusted.

* n per statement (valid answers, vet ej, blank) and per dimension (respondents with an answer);
* the response rate when the number of invited respondents is given;
* Cronbach's alpha per dimension and category (:func:`cronbach_alpha`), computed on the
  respondents who gave a valid answer to every statement below it (listwise), with reversed
  statements turned the right way first; not computed from fewer than ``min_n`` (10) such
  respondents, and flagged as unstable below 30;
* warnings when n is too small for the figures to mean much.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from .. import disclosure, texts
from ..errors import MognadError
from ..responses import ResponseSet
from ..t_table import t_quantile_975  # scipy.special (0.15 s to import) beyond 2,000 answers
from ._common import AnalysisResult

#: A statement with fewer valid answers than this gets a warning.
MIN_N = 10
#: Alpha from fewer complete respondents than this is flagged as unstable.
MIN_ALPHA_N = 30
#: The customary lower bound for acceptable internal consistency (Nunnally 1978).
ALPHA_OK = 0.70
#: A statement score whose 95 % interval is wider than +- this gets a warning.
MAX_HALF_WIDTH = 0.10


def cronbach_alpha(items: Any) -> float:
    """Cronbach's alpha of an (respondents x items) array.

    ``alpha = k / (k - 1) * (1 - sum of item variances / variance of the total score)``, with
    sample variances (ddof = 1). Rows with a missing value (NaN) are left out (listwise). Returns
    NaN when fewer than two items or two complete rows remain, or the total score has no variance.
    """
    x = np.asarray(items, dtype=float)
    if x.ndim != 2:
        raise MognadError(
            f"cronbach_alpha expects a 2-D array (respondents x items), got {x.ndim}-D."
        )
    x = x[~np.isnan(x).any(axis=1)]
    n, k = x.shape
    if k < 2 or n < 2:
        return float("nan")
    total_var = x.sum(axis=1).var(ddof=1)
    if total_var == 0:
        return float("nan")
    return float(k / (k - 1) * (1 - x.var(axis=0, ddof=1).sum() / total_var))


class StatementReliability(BaseModel):
    id: str
    text: str
    dimension: str
    n: int | None = Field(None, description="valid answers (None: hidden for anonymity)")
    dont_know: int | None = None
    missing: int | None = None
    ci_half_width: float | None = Field(None, description="half width of the score's 95 % CI")
    warning: str | None = None


class DimensionReliability(BaseModel):
    id: str
    label: str
    kind: Literal["dimension", "category"]
    items: int
    n: int = Field(description="respondents with at least one valid answer below it")
    n_complete: int = Field(description="respondents who answered every statement below it")
    alpha: float | None = None
    warning: str | None = None


class ReliabilityResult(AnalysisResult):
    model: str
    n_respondents: int
    invited: int | None = None
    response_rate: float | None = None
    statements: list[StatementReliability]
    dimensions: list[DimensionReliability]
    notes: list[str] = Field(
        default_factory=list, description="notes about the data and the figures' reliability"
    )
    thresholds: dict[str, float] = Field(default_factory=dict)

    def frame(self, kind: str = "dimension") -> pd.DataFrame:
        """ "dimension" (dimensions and categories) or "statement" rows, indexed by id."""
        kind = kind.lower().rstrip("s")
        if kind == "dimension":
            rows = self.dimensions
        elif kind == "statement":
            rows = self.statements
        else:
            raise MognadError(f"kind {kind!r} is not one of: dimension, statement.")
        return pd.DataFrame([r.model_dump() for r in rows]).set_index("id")


def reliability(
    responses: Any,
    *,
    invited: int | None = None,
    model: Any = None,
    min_n: int = MIN_N,
    lang: str = "sv",
    min_size: Any = None,
) -> ReliabilityResult:
    """n, response rate, Cronbach's alpha and small-n warnings (see the module docstring).

    Published under the anonymity policy (``min_size``, :mod:`mognad_core.disclosure`): a
    statement with fewer than ``min_size`` answers is not shown, and intervals and alphas need
    ``2 x min_size`` answers."""
    lang = texts.check_lang(lang)  # "EN" is English for the model's own labels too
    pol = disclosure.policy(min_size, lang)
    rs = ResponseSet.from_any(responses, model)
    hidden = disclosure.check(rs, pol, lang).figure_hidden
    source_notes = rs.result_notes()
    rs = disclosure.masked(rs, hidden)
    m = rs.model
    lo, hi = float(m.scale.min), float(m.scale.max)
    span = hi - lo
    response_rate = None
    notes: list[str] = []
    if invited is not None:
        if isinstance(invited, bool) or int(invited) != invited or invited < 1:
            raise MognadError(texts.Message("error.invited", invited=repr(invited)))
        invited = int(invited)
        if rs.n > invited:
            raise MognadError(texts.Message("error.invited_fewer", n=rs.n, invited=invited))
        response_rate = rs.n / invited
        if response_rate < 0.5:
            notes.append(
                texts.text("rel.response_rate", lang, rate=texts.pct(response_rate, lang, 1))
            )
    values = rs.values.copy()
    reverse = np.array([s.reverse for s in m.statements], dtype=bool)
    values[:, reverse] = lo + hi - values[:, reverse]
    valid = ~np.isnan(values)
    statements = []
    for j, s in enumerate(m.statements):
        col = values[:, j][valid[:, j]]
        n = int(col.size)
        dk = int(rs.dont_know[:, j].sum())
        half = None
        if hidden[j]:
            statements.append(
                StatementReliability(
                    id=s.id,
                    text=s.label(lang),
                    dimension=s.dimension or "",
                    n=None,
                    dont_know=None,
                    missing=None,
                    warning=texts.text("reason.hidden_statement", lang, k=pol.min_size),
                )
            )
            continue
        if n >= max(2, pol.spread_min):
            half = float(t_quantile_975(n - 1) * col.std(ddof=1) / np.sqrt(n) / span)
        warn = None
        if n < min_n:
            warn = texts.text("rel.few_answers", lang, n=n, min=min_n)
        elif half is not None and half > MAX_HALF_WIDTH:
            warn = texts.text("rel.uncertain", lang, half=texts.num(half * 100, lang, 0))
        statements.append(
            StatementReliability(
                id=s.id,
                text=s.label(lang),
                dimension=s.dimension or "",
                n=n,
                dont_know=dk,
                missing=rs.n - n - dk,
                ci_half_width=half,
                warning=warn,
            )
        )
    index = {sid: j for j, sid in enumerate(m.statement_ids)}
    dims = []
    for depth, d in m.iter_tree():
        cols = [index[s.id] for s in m.statements_under(d.id)]
        block = values[:, cols]
        n_any = int((~np.isnan(block)).any(axis=1).sum())
        complete = int((~np.isnan(block)).all(axis=1).sum())
        alpha = cronbach_alpha(block) if len(cols) >= 2 else float("nan")
        if complete < pol.spread_min:
            alpha = float("nan")
        warn = None
        if len(cols) < 2:
            warn = texts.text("rel.one_statement", lang)
        elif complete < min_n or alpha != alpha:
            warn = (
                texts.text("rel.alpha_few", lang, complete=complete, min=min_n)
                if complete < min_n
                else texts.text("rel.alpha_constant", lang)
            )
            alpha = float("nan")
        elif complete < MIN_ALPHA_N:
            warn = texts.text("rel.alpha_unstable", lang, complete=complete, min=MIN_ALPHA_N)
        elif alpha < ALPHA_OK:
            warn = texts.text(
                "rel.alpha_low",
                lang,
                alpha=texts.num(alpha, lang, 2),
                ok=texts.num(ALPHA_OK, lang, 2),
            )
        dims.append(
            DimensionReliability(
                id=d.id,
                label=d.name(lang),
                kind="dimension" if depth == 0 else "category",
                items=len(cols),
                n=n_any,
                n_complete=complete,
                alpha=None if alpha != alpha else alpha,
                warning=warn,
            )
        )
    few = [s.id for s in statements if s.n is not None and s.n < min_n]
    if few and len(few) == len(statements):
        notes.append(texts.text("rel.all_few", lang, min=min_n))
    elif few:
        notes.append(texts.text("rel.some_few", lang, min=min_n, ids=", ".join(few)))
    if rs.n < min_n:
        notes.append(texts.text("rel.few_respondents", lang, n=rs.n))
    out = ReliabilityResult(
        model=m.name,
        n_respondents=rs.n,
        invited=invited,
        response_rate=response_rate,
        statements=statements,
        dimensions=dims,
        notes=notes,
        thresholds={
            "min_n": min_n,
            "min_alpha_n": MIN_ALPHA_N,
            "alpha_ok": ALPHA_OK,
            "max_half_width": MAX_HALF_WIDTH,
        },
    )
    return disclosure.finish(out, pol, lang, source_notes)
