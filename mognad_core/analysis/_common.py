"""Helpers shared by the analysis modules (internal)."""

from __future__ import annotations

import json
import numbers
from typing import Any

import numpy as np
from pydantic import BaseModel

from ..cells import is_blank
from ..errors import MognadError
from ..plugins import resolve_model as resolve_model  # re-exported for the analysis modules
from ..schema import PART_LEVELS, MaturityModel
from ..schema import check_level as check_level  # re-exported for the analysis modules
from ..texts import Message

LEVELS = PART_LEVELS  # the levels of detail; check_level (schema.py) reads every spelling


class AnalysisResult(BaseModel):
    """Base of every analysis result: pydantic at the boundary, DataFrames on request."""

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def scored_model(result: Any, model: Any, function: str) -> MaturityModel:
    """The model of a scored ``result`` (:func:`resolve_model`), after checking it is one: a
    file, DataFrame or ResponseSet given where a result belongs gets a message saying what to
    pass (``mognad.gap(mognad.score(responses), ...)``), not an AttributeError."""
    from ..results import ScoreResult

    if not isinstance(result, ScoreResult):
        raise MognadError(
            Message("error.needs_result", function=function, given=type(result).__name__)
        )
    return resolve_model(result, model)


def check_count(count: Any, default: int | None = None) -> int:
    """How many (``count=`` of :func:`mognad_core.priorities`, MOGNAD_PRIORITIES): a whole number
    from 1, given as a number or as text (``3``, ``"3"``, ``"3,0"``). Blank (None, spaces) is
    ``default`` when one is given; anything else raises :class:`MognadError`."""
    if is_blank(count) and default is not None:
        return default
    if isinstance(count, bool) or not isinstance(count, (numbers.Real, str)):
        raise MognadError(Message("error.count", value=repr(count)))
    text = str(count).strip()
    try:
        number = float(text.replace(",", ".")) if isinstance(count, str) else float(count)
    except ValueError:
        raise MognadError(Message("error.count", value=f'"{text}"')) from None
    if not number.is_integer() or number < 1:
        raise MognadError(Message("error.count", value=f"{number:g}"))
    return int(number)


def parts(model: MaturityModel, level: str) -> list[tuple[str, str]]:
    """(id, kind) of the parts at ``level`` in model order (kind: dimension/category/statement)."""
    out: list[tuple[str, str]] = []
    for depth, d in model.iter_tree():
        kind = "dimension" if depth == 0 else "category"
        if level in (kind, "all"):
            out.append((d.id, kind))
    if level in ("statement", "all"):
        out.extend((sid, "statement") for sid in model.statement_ids)
    return out


def ancestors(model: MaturityModel, part_id: str) -> list[str]:
    """Dimension ids from the part's own node (or a statement's dimension) up to the top."""
    chain: list[str] = []
    node = model.statement(part_id).dimension if part_id in model.statement_ids else part_id
    while node is not None:
        chain.append(node)
        node = model.dimension(node).parent
    return chain


def none(x: Any) -> float | None:
    if x is None:
        return None
    x = float(x)
    return None if x != x else x


def aggregate(model: MaturityModel, stmt_scores: np.ndarray) -> dict[str, np.ndarray]:
    """Dimension scores from statement scores, vectorised over leading axes.

    ``stmt_scores`` has shape (..., k) in model statement order (NaN = no score). Follows the
    scoring semantics exactly (weighted means of children, NaN children left out; with
    ``aggregation: statements`` a weighted mean of all statements below). Returns dimension id ->
    array of shape (...); key ``None`` holds the default overall score.
    """
    index = {sid: j for j, sid in enumerate(model.statement_ids)}

    def wmean(cols: list[np.ndarray], weights: list[float]) -> np.ndarray:
        s = np.stack(cols, axis=-1)
        w = np.asarray(weights, dtype=float)
        ok = ~np.isnan(s)
        num = np.where(ok, s, 0.0) @ w
        den = ok.astype(float) @ w
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)

    out: dict[Any, np.ndarray] = {}

    def node(dim_id: str) -> np.ndarray:
        if dim_id in out:
            return out[dim_id]
        d = model.dimension(dim_id)
        if model.aggregation == "statements":
            under = model.statements_under(dim_id)
            value = wmean([stmt_scores[..., index[s.id]] for s in under], [s.weight for s in under])
        else:
            cols = [stmt_scores[..., index[s.id]] for s in d.statements]
            weights = [s.weight for s in d.statements]
            for c in d.categories:
                cols.append(node(c.id))
                weights.append(c.weight)
            value = wmean(cols, weights)
        out[dim_id] = value
        return value

    for d in model.all_dimensions():
        node(d.id)
    out[None] = wmean([out[d.id] for d in model.dimensions], [d.weight for d in model.dimensions])
    return out
