"""The scoring engine (vectorised numpy).

Semantics (see ``docs/scoring.md``):

* statement: ``mean`` of valid answers (reversed items mapped ``min + max - x``), ``n`` valid
  answers, ``dont_know`` and ``missing`` counts, ``dont_know_share = dont_know / (n + dont_know)``,
  ``score = (mean - min) / (max - min)``; ``sd`` of the answers and a 95 % t-interval of the score.
* dimension: weighted mean of its children's scores (its categories and direct statements;
  with ``aggregation: statements`` of all statements below it), children without a score left
  out; ``dont_know_share`` over all answers below it; ``n`` respondents with a valid answer in it.
* overall: weighted mean of the top-level dimension scores, unless a plugin's ``overall_score``
  hook answers for the model.
* level: the highest maturity level whose lower bound <= score.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .responses import ResponseSet
from .results import DimensionScore, ScoreResult, StatementScore
from .schema import MaturityModel
from .t_table import t_quantile_975  # scipy.special only beyond 2,000 answers
from .targets import parse_target

#: Rows per block when summing large tables: small enough that a block of 25 statements and its
#: temporaries stay in the processor cache, and bounds temporary memory.
BLOCK_ROWS = 16384


def _none(x: float) -> float | None:
    return None if x != x else float(x)


def _answered_bits(valid: np.ndarray) -> np.ndarray:
    """One row's answered statements as bits: uint64 per row up to 64 statements, else bytes."""
    k = valid.shape[1]
    if k > 64:
        return np.packbits(valid, axis=1, bitorder="little")
    bits = np.zeros(valid.shape[0], dtype=np.uint64)
    for j in range(k):
        bits |= valid[:, j].astype(np.uint64) << np.uint64(j)
    return bits


def statement_arrays(values: np.ndarray, dont_know: np.ndarray, model: MaturityModel) -> dict:
    """Per-statement arrays: n, dont_know, missing, mean, sd, score, ci_low, ci_high.

    One pass over ``values`` in blocks of ``BLOCK_ROWS`` rows: each block's count, mean and sum
    of squared deviations (two passes over the block while it is in cache) are merged into the
    running totals with the pairwise update of Chan, Golub and LeVeque, so the sd is as exact as
    a two-pass computation. ``answered`` holds each respondent's answered statements as bits
    (for the number of respondents with an answer in a dimension).
    """
    scale = model.scale
    n_resp, k = values.shape
    reverse = np.array([s.reverse for s in model.statements], dtype=bool)
    lo, hi = float(scale.min), float(scale.max)
    n = np.zeros(k, dtype=np.int64)
    raw_mean = np.zeros(k)
    squares = np.zeros(k)
    answered = (
        np.zeros(n_resp, dtype=np.uint64)
        if k <= 64
        else np.zeros((n_resp, (k + 7) // 8), dtype=np.uint8)
    )
    step = max(int(BLOCK_ROWS), 1)
    for start in range(0, n_resp, step):
        block = values[start : start + step]
        valid = ~np.isnan(block)
        nb = np.count_nonzero(valid, axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            mb = np.where(valid, block, 0.0).sum(axis=0) / nb
            dev = np.where(valid, block - mb, 0.0)
            m2b = np.einsum("ij,ij->j", dev, dev)
            total = n + nb
            share = np.where(nb > 0, nb / np.maximum(total, 1), 0.0)
            delta = np.where(nb > 0, mb - raw_mean, 0.0)
            squares += np.where(nb > 0, m2b + delta * delta * n * share, 0.0)
            raw_mean += delta * share
        n = total
        answered[start : start + step] = _answered_bits(valid)
    raw_mean = np.where(n > 0, raw_mean, np.nan)
    mean = np.where(reverse, lo + hi - raw_mean, raw_mean)
    with np.errstate(invalid="ignore", divide="ignore"):
        sd = np.sqrt(squares / (n - 1))
        sd = np.where(n > 1, sd, np.nan)
        score = (mean - lo) / (hi - lo)
        half = t_quantile_975(np.maximum(n - 1, 1)) * sd / np.sqrt(n) / (hi - lo)
    ci_low = np.clip(score - half, 0.0, 1.0)
    ci_high = np.clip(score + half, 0.0, 1.0)
    dk = np.count_nonzero(dont_know, axis=0).astype(np.int64)
    missing = n_resp - n - dk
    with np.errstate(invalid="ignore", divide="ignore"):
        dk_share = dk / (n + dk)
    return {
        "n": n,
        "dont_know": dk,
        "missing": missing,
        "mean": mean,
        "sd": sd,
        "score": score,
        "ci_low": ci_low,
        "ci_high": ci_high,
        "dont_know_share": dk_share,
        "answered": answered,
    }


def _weighted(scores: list[float], weights: list[float]) -> float:
    s = np.asarray(scores, dtype=float)
    w = np.asarray(weights, dtype=float)
    ok = ~np.isnan(s)
    if not ok.any():
        return float("nan")
    return float((s[ok] * w[ok]).sum() / w[ok].sum())


def _respondents_with_answers(answered: np.ndarray, cols: list[int]) -> int:
    """Respondents with a valid answer to any of ``cols``, from ``statement_arrays``' bits."""
    if not cols or answered.shape[0] == 0:
        return 0
    if answered.ndim == 1:
        mask = np.uint64(sum(1 << j for j in set(cols)))
        return int(np.count_nonzero(answered & mask))
    mask = np.zeros(answered.shape[1], dtype=np.uint8)
    for j in set(cols):
        mask[j // 8] |= np.uint8(1 << (j % 8))
    return int(np.count_nonzero((answered & mask).any(axis=1)))


def score_responses(
    responses: ResponseSet,
    *,
    insights: bool = True,
    context: Mapping[str, Any] | None = None,
    min_size: Any = None,
) -> ScoreResult:
    """Score validated responses, as published: see the module docstring for the semantics and
    :mod:`mognad_core.disclosure` for what is hidden and rounded.

    ``min_size`` is the anonymity threshold (default: ``MOGNAD_MIN_SIZE``, ``mognad.toml`` or
    5); ``min_size=1`` gives every figure unrounded and unprotected, with a note saying so.
    A set that may not be published raises :class:`~mognad_core.disclosure.DisclosureError`.
    """
    from . import disclosure

    ctx = dict(context or {})
    lang = str(ctx.get("lang") or "sv")
    pol = disclosure.policy(min_size if min_size is not None else ctx.get("min_size"), lang)
    cell = disclosure.check(responses, pol, lang)
    return publish_score(responses, cell.figure_hidden, pol, insights=insights, context=ctx)


def publish_score(
    responses: ResponseSet,
    hidden: np.ndarray,
    pol: Any,
    *,
    insights: bool = True,
    context: Mapping[str, Any] | None = None,
) -> ScoreResult:
    """The published score of a set whose statements ``hidden`` may not be shown (from its
    disclosure plan): their answers are left out of every figure, spread figures need
    ``pol.spread_min`` answers, and figures are rounded."""
    from . import disclosure, texts
    from .plugins import call_each

    ctx = dict(context or {})
    lang = texts.check_lang(ctx.get("lang", "sv"))
    result = exact_score(disclosure.masked(responses, hidden))
    result.notes = texts.words(responses.result_notes(), lang)
    hidden_ids = [sid for sid, h in zip(responses.model.statement_ids, hidden, strict=True) if h]
    for sid in hidden_ids:
        st = result.statements[sid]
        st.n = st.dont_know = st.missing = None
        st.hidden = True
    spread_hidden = False
    if pol.protected:
        for st in result.statements.values():
            if st.n is not None and 0 < st.n < pol.spread_min and st.sd is not None:
                st.sd = st.ci_low = st.ci_high = None
                spread_hidden = True
    result.notes.extend(disclosure.hidden_note(hidden_ids, pol, lang))
    if spread_hidden:
        result.notes.append(texts.text("note.spread", lang, k2=pol.spread_min))
    result.notes.extend(disclosure.notes_for(pol, lang))
    result.disclosure = disclosure.Disclosure(
        min_size=pol.min_size,
        protected=pol.protected,
        hidden_statements=hidden_ids,
        spread_min=pol.spread_min if pol.protected else None,
    )
    disclosure.round_figures(result, pol)
    if insights:
        ctx.setdefault("responses", responses)
        ctx["disclosure"] = pol
        ctx["target_raw"] = ctx.get("target")
        ctx["target"] = parse_target(ctx.get("target"), responses.model, result)
        answers = call_each("model_insights", model=responses.model, result=result, context=ctx)
        result.insights = [insight for a in answers for insight in a.value or []]
        disclosure.round_figures(result, pol)
    return result


def exact_score(responses: ResponseSet) -> ScoreResult:
    """Every figure of ``responses``, exactly (nothing hidden, nothing rounded): for
    computing further (intervals, differences), never for showing; :func:`publish_score` gives
    what may be shown."""
    from .plugins import call_each

    model = responses.model
    arr = statement_arrays(responses.values, responses.dont_know, model)
    index = {sid: j for j, sid in enumerate(model.statement_ids)}
    statements: dict[str, StatementScore] = {}
    for j, s in enumerate(model.statements):
        statements[s.id] = StatementScore(
            id=s.id,
            text=s.text,
            text_en=s.text_en,
            dimension=s.dimension or "",
            score=_none(arr["score"][j]),
            mean=_none(arr["mean"][j]),
            sd=_none(arr["sd"][j]),
            ci_low=_none(arr["ci_low"][j]) if arr["n"][j] > 1 else None,
            ci_high=_none(arr["ci_high"][j]) if arr["n"][j] > 1 else None,
            n=int(arr["n"][j]),
            dont_know=int(arr["dont_know"][j]),
            missing=int(arr["missing"][j]),
            dont_know_share=_none(arr["dont_know_share"][j]),
            reverse=s.reverse,
            weight=s.weight,
        )

    dim_scores: dict[str, float] = {}

    def node_score(dim_id: str) -> float:
        if dim_id in dim_scores:
            return dim_scores[dim_id]
        d = model.dimension(dim_id)
        if model.aggregation == "statements":
            under = model.statements_under(dim_id)
            value = _weighted([arr["score"][index[s.id]] for s in under], [s.weight for s in under])
        else:
            scores = [arr["score"][index[s.id]] for s in d.statements]
            weights = [s.weight for s in d.statements]
            for c in d.categories:
                scores.append(node_score(c.id))
                weights.append(c.weight)
            value = _weighted(scores, weights)
        dim_scores[dim_id] = value
        return value

    dimensions: dict[str, DimensionScore] = {}
    for depth, d in model.iter_tree():
        under = [index[s.id] for s in model.statements_under(d.id)]
        value = node_score(d.id)
        dk = int(arr["dont_know"][under].sum())
        answers = int(arr["n"][under].sum())
        lv = model.level_for(_none(value))
        dimensions[d.id] = DimensionScore(
            id=d.id,
            label=d.label,
            label_en=d.label_en,
            parent=d.parent,
            depth=depth,
            score=_none(value),
            n=_respondents_with_answers(arr["answered"], under),
            answers=answers,
            dont_know=dk,
            dont_know_share=(dk / (answers + dk)) if answers + dk else None,
            level=lv.name if lv else None,
            level_en=lv.name_en if lv else None,
            weight=d.weight,
            statements=[model.statement_ids[i] for i in under],
        )

    overall = _weighted(
        [dim_scores[d.id] for d in model.dimensions], [d.weight for d in model.dimensions]
    )
    result = ScoreResult(
        model=model.name,
        model_version=model.version,
        title=model.title,
        title_en=model.title_en,
        n_respondents=responses.n,
        overall=_none(overall),
        dimensions=dimensions,
        statements=statements,
        source=responses.source,
    )
    override = call_each("overall_score", model=model, result=result, first=True)
    if override is not None:
        result.overall = _none(float(override.value))
    lv = model.level_for(result.overall)
    result.level = lv.name if lv else None
    result.level_en = lv.name_en if lv else None
    return result


def score(
    responses: ResponseSet | pd.DataFrame | str | Path,
    model: Any = None,
    *,
    sheet: str | None = None,
    mapping: Mapping[str, str | None] | str | Path | None = None,
    answers: Mapping[str, Any] | str | Path | None = None,
    duplicates: str | None = None,
    insights: bool = True,
    target: Any = None,
    lang: str = "sv",
    min_size: Any = None,
) -> ScoreResult:
    """Score responses against a maturity model.

    ``responses`` is a wide DataFrame (one row per respondent), a path to a response file, or a
    :class:`ResponseSet` from :func:`read_responses`. ``model`` is a model name, a model-file
    path or a :class:`MaturityModel`. ``target`` (anything :func:`parse_target` accepts; it is
    resolved, or rejected with a clear message, before plugins see it) and ``lang`` are passed
    to model plugins' insights (e.g. a target profile for the Digital Maturity Matrix).
    ``min_size`` is the anonymity threshold (see :func:`score_responses`; 1 turns it off).
    ``mapping``, ``answers`` and ``duplicates`` say how a file or DataFrame is read (see
    :meth:`ResponseSet.from_any`; the model defaults to ``dimios``, and a ResponseSet read for
    another model than ``model`` is a :class:`~mognad_core.errors.ModelError`).
    """
    from .texts import check_lang

    check_lang(lang)
    rs = ResponseSet.from_any(
        responses, model, sheet=sheet, mapping=mapping, answers=answers, duplicates=duplicates
    )
    return score_responses(
        rs, insights=insights, context={"target": target, "lang": lang}, min_size=min_size
    )
