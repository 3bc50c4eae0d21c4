"""Compare two waves (T0/T1): change per statement and dimension with a 95 % interval.

* Statements: ``change = score_after - score_before`` (0-1 scale); the 95 % interval is Welch's
  t-interval for the difference of two means with unequal variances (Welch-Satterthwaite degrees
  of freedom), divided by the scale range. It needs at least two valid answers in each wave.
* Dimensions, categories and the overall score: a seeded percentile bootstrap over respondents.
  Each replicate resamples the respondents of each wave with replacement (independently),
  recomputes every statement score and aggregates them exactly as scoring does; the interval is
  the 2.5th-97.5th percentile of the replicate changes. ``n_boot`` (2000) and ``seed`` (2025) make
  it reproducible. A replicate draws ``n`` respondent numbers with replacement
  (``rng.integers(0, n, n)``, replicate after replicate, the first wave's replicates first) and
  counts how often each respondent was drawn; ``resampling="multinomial"`` draws those counts as
  numpy multinomials instead, as mognad 0.1.0 did (ten times slower; the same distribution, other
  numbers for the same seed), to reproduce results published with mognad 0.1.0.
* p-values: for a statement, the two-sided p-value of the same Welch t test (so p < 0.05 exactly
  when its interval excludes zero); for a dimension, category or the overall score, the two-sided
  bootstrap p-value ``2 * min(1 + #(d <= 0), 1 + #(d >= 0)) / (n_boot + 1)`` (capped at 1) over
  the replicate changes ``d`` (Davison & Hinkley 1997, eq. 4.11); it is below 0.05 when the
  percentile interval excludes zero, up to one replicate at the boundary, and never below
  ``2 / (n_boot + 1)``.
* Multiple comparisons: the p-values are Holm-adjusted (Holm 1979, step-down; controls the
  family-wise error rate) within two families: the statements, and the dimensions, categories
  and overall score together. ``significant`` ("säker förändring") is the adjusted decision,
  ``p_adjusted < 0.05``; ``significant_raw`` is the unadjusted one, ``p_value < 0.05``.
  ``improved_all``: every statement with a score in both waves has a positive change (not
  necessarily a significant one).

The two waves are independent samples of respondents (as with a new survey each year); if the
same people answered both times, the intervals are conservative.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from .. import disclosure, texts
from ..errors import InputError, Location, MognadError
from ..responses import WAVE_COLUMNS, ResponseSet, wave_label
from ..schema import MaturityModel
from ..scoring import exact_score, publish_score
from ._common import AnalysisResult, aggregate, none

#: Upper bound on replicate x respondent cells held in memory at once.
_BLOCK_CELLS = 4_000_000

#: The ways the bootstrap can draw its resamples: respondent numbers (the default) or, as
#: mognad 0.1.0 did, multinomial counts (to reproduce its results; see the module docstring).
RESAMPLING = ("index", "multinomial")

#: The significance level of "säker förändring" (adjusted p-values below it).
ALPHA = 0.05


class CompareRow(BaseModel):
    """The change of one part between the waves (0-1 scale)."""

    id: str
    label: str
    kind: Literal["overall", "dimension", "category", "statement"]
    parent: str | None = None
    before: float | None = None
    after: float | None = None
    change: float | None = None
    ci_low: float | None = Field(None, description="95 % interval of the change, low end")
    ci_high: float | None = Field(None, description="95 % interval of the change, high end")
    n_before: int | None = Field(0, description="valid answers before (None: hidden)")
    n_after: int | None = Field(0, description="valid answers after (None: hidden)")
    p_value: float | None = Field(
        None, description="two-sided p-value of the change, unadjusted (None: no interval)"
    )
    p_adjusted: float | None = Field(
        None, description="p_value Holm-adjusted within its family (statements; other parts)"
    )
    significant: bool | None = Field(
        None, description="säker förändring: p_adjusted < 0.05 (None: no p-value)"
    )
    significant_raw: bool | None = Field(
        None, description="p_value < 0.05, before the adjustment for multiple comparisons"
    )
    method: str = ""


class CompareResult(AnalysisResult):
    """Result of :func:`compare` / :func:`compare_waves`."""

    model: str
    before_label: str
    after_label: str
    n_before: int
    n_after: int
    overall: CompareRow
    dimensions: list[CompareRow]
    statements: list[CompareRow]
    improved_all: bool | None = Field(
        None, description="every statement with data in both waves improved (None: none had)"
    )
    improved: int = 0
    declined: int = 0
    unchanged: int = 0
    significant_up: int = Field(0, description="statements with a significant (adjusted) rise")
    significant_down: int = Field(0, description="statements with a significant (adjusted) fall")
    compared: int = Field(0, description="statements with a score in both waves")
    adjustment: str = Field(
        "holm", description="how p_adjusted corrects for multiple comparisons (Holm's step-down)"
    )
    n_boot: int = 2000
    seed: int = 2025
    resampling: Literal["index", "multinomial"] = Field(
        "index", description="how the bootstrap drew its resamples (see compare())"
    )
    notes: list[str] = Field(default_factory=list)

    def summary(self, lang: str = "sv") -> str:
        """The one sentence that says what was compared and how (the CLI's first line, the
        report's about sheet): waves, sizes, the intervals' methods, the adjustment and the
        size of each family it adjusts over."""
        return texts.text(
            "compare.summary",
            lang,
            before=self.before_label,
            n_before=self.n_before,
            after=self.after_label,
            n_after=self.n_after,
            n_boot=self.n_boot,
            seed=self.seed,
            statements=sum(1 for r in self.statements if r.p_value is not None),
            parts=sum(1 for r in self.dimensions if r.p_value is not None),  # and the overall
        )

    def verdict(self, lang: str = "sv") -> str:
        """How many statements are higher and lower, and how many of those surely (adjusted):
        "alla 24 påståenden är högre, 14 av dem säkert" (a clause, no full stop)."""
        if not self.compared:
            return texts.text("compare.verdict_none", lang)
        if self.improved_all:
            return texts.text(
                "compare.verdict_all", lang, compared=self.compared, up=self.significant_up
            )
        return texts.text(
            "compare.verdict_some",
            lang,
            improved=self.improved,
            compared=self.compared,
            up=self.significant_up,
            declined=self.declined,
            down=self.significant_down,
        )

    @property
    def rows(self) -> list[CompareRow]:
        return [self.overall, *self.dimensions, *self.statements]

    def frame(self, kind: str = "dimension") -> pd.DataFrame:
        """Rows of ``kind``: "dimension" (dimensions and categories, overall first),
        "statement", or "all"; indexed by id."""
        kind = kind.lower().rstrip("s")
        if kind == "dimension":
            rows = [self.overall, *self.dimensions]
        elif kind == "statement":
            rows = self.statements
        elif kind == "all":
            rows = self.rows
        else:
            raise MognadError(f"kind {kind!r} is not one of: dimension, statement, all.")
        return pd.DataFrame([r.model_dump() for r in rows]).set_index("id")


def _welch(m1, s1, n1, m2, s2, n2, span) -> tuple[float | None, float | None, float | None]:
    """Welch's 95 % interval of the change (0-1 scale) and the two-sided p-value of the same
    t test: (low, high, p)."""
    if n1 < 2 or n2 < 2 or s1 is None or s2 is None:
        return None, None, None
    v1, v2 = s1 * s1 / n1, s2 * s2 / n2
    se = np.sqrt(v1 + v2)
    diff = (m2 - m1) / span
    if se == 0:
        return diff, diff, 1.0 if diff == 0 else 0.0
    # Welch's degrees of freedom are not whole: t_table cannot give this quantile. scipy.special
    # (0.15 s to import; scipy.stats ~1 s) is imported by the first interval, not by the module
    from scipy.special import stdtr, stdtrit  # t cdf and quantile

    df = (v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
    half = stdtrit(df, 0.975) * se / span
    p = 2.0 * float(stdtr(df, -abs(m2 - m1) / se))
    return diff - half, diff + half, min(1.0, p)


def _boot_p(diff: np.ndarray) -> float:
    """Two-sided bootstrap p-value of "no change" from the replicate changes ``diff``."""
    n = diff.size
    below, above = int(np.sum(diff <= 0)), int(np.sum(diff >= 0))
    return min(1.0, 2.0 * (1 + min(below, above)) / (n + 1))


def holm(p_values: Any) -> np.ndarray:
    """Holm's step-down adjustment of a family of p-values (NaN: not in the family, stays NaN).

    The i-th smallest of m p-values becomes ``max over j <= i of min(1, (m - j + 1) * p_(j))``;
    rejecting where the adjusted value is below alpha controls the family-wise error rate."""
    p = np.asarray(p_values, dtype=float)
    out = np.full(p.shape, np.nan)
    keep = ~np.isnan(p)
    m = int(keep.sum())
    if m == 0:
        return out
    order = np.argsort(p[keep], kind="stable")
    ranked = p[keep][order] * (m - np.arange(m))
    adjusted = np.minimum(1.0, np.maximum.accumulate(ranked))
    values = np.empty(m)
    values[order] = adjusted
    out[keep] = values
    return out


def adjust_family(rows: list[CompareRow]) -> None:
    """Fill ``p_adjusted``, ``significant`` and ``significant_raw`` of one family in place."""
    adjusted = holm([np.nan if r.p_value is None else r.p_value for r in rows])
    for r, a in zip(rows, adjusted, strict=True):
        if r.p_value is None:
            r.p_adjusted = r.significant = r.significant_raw = None
        else:
            r.p_adjusted = float(a)
            r.significant_raw = bool(r.p_value < ALPHA)
            r.significant = bool(a < ALPHA)


def _draw_counts(
    rng: np.random.Generator, n: int, b: int, resampling: str, dtype: type
) -> np.ndarray:
    """How often each of ``n`` respondents is drawn in each of ``b`` resamples (b x n)."""
    if resampling == "multinomial":  # mognad 0.1.0: one binomial per respondent, 10x slower
        return rng.multinomial(n, np.full(n, 1.0 / n), size=b).astype(dtype)
    drawn = rng.integers(0, n, size=(b, n))  # the same numbers in blocks of any size
    counts = np.empty((b, n), dtype=dtype)
    for r in range(b):
        counts[r] = np.bincount(drawn[r], minlength=n)
    return counts


def _exact_dtype(values: np.ndarray, n: int) -> type:
    """float32 when every sum of counts x values is a whole number below 2**24 (so float32
    adds it exactly, in any order, twice as fast as float64), else float64."""
    top = float(np.abs(values).max()) if values.size else 0.0
    whole = bool(np.array_equal(values, np.rint(values)))
    return np.float32 if whole and n * max(top, 1.0) < 2**24 else np.float64


def _boot_scores(
    rs: ResponseSet, n_boot: int, rng: np.random.Generator, resampling: str = "index"
) -> np.ndarray:
    """Statement scores (n_boot x k) from respondent resamples of one wave."""
    model = rs.model
    lo, hi = float(model.scale.min), float(model.scale.max)
    reverse = np.array([s.reverse for s in model.statements], dtype=bool)
    valid = ~np.isnan(rs.values)
    k = valid.shape[1]
    vals, answered = np.where(valid, rs.values, 0.0), valid.astype(float)
    both = np.hstack([vals, answered])  # side by side: one matrix product gives both sums
    n = rs.n
    out = np.full((n_boot, k), np.nan)
    if n == 0:
        return out
    legacy = resampling == "multinomial"  # mognad 0.1.0's sums too: two float64 products
    dtype = np.float64 if legacy else _exact_dtype(both, n)
    both = both.astype(dtype)
    block = max(1, _BLOCK_CELLS // max(n, 1))
    for start in range(0, n_boot, block):
        b = min(block, n_boot - start)
        counts = _draw_counts(rng, n, b, resampling, dtype)
        if legacy:  # as 0.1.0 summed (one product of both may differ in the last digit)
            totals = np.hstack([counts @ vals, counts @ answered])
        else:
            totals = (counts @ both).astype(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = totals[:, :k] / totals[:, k:]
        mean = np.where(reverse, lo + hi - mean, mean)
        out[start : start + b] = (mean - lo) / (hi - lo)
    return out


def _default_overall(model: MaturityModel, result: Any) -> float:
    """The overall score by the default formula (to detect a plugin's own overall score)."""
    scores = np.array([np.nan if s.score is None else s.score for s in result.statements.values()])
    return float(aggregate(model, scores)[None])


def _single_wave(rs: ResponseSet) -> str | None:
    w = rs.waves()
    return None if w is None else w.single


def _default_labels(rs0: ResponseSet, rs1: ResponseSet) -> tuple[str, str]:
    waves = (_single_wave(rs0), _single_wave(rs1))
    if None not in waves and waves[0] != waves[1]:
        return waves  # type: ignore[return-value]
    return (
        Path(rs0.source).stem if rs0.source else "före",
        Path(rs1.source).stem if rs1.source else "efter",
    )


def compare(
    before: Any,
    after: Any,
    *,
    model: Any = None,
    n_boot: int = 2000,
    seed: int = 2025,
    resampling: Literal["index", "multinomial"] = "index",
    labels: tuple[str, str] | None = None,
    lang: str = "sv",
    min_size: Any = None,
) -> CompareResult:
    """Change from ``before`` to ``after`` (ResponseSets, DataFrames or response-file paths).

    See the module docstring for the intervals. ``labels`` names the waves (default: each side's
    wave when it has a wave column holding one value, such as år = 2024; else the file names, or
    "före"/"efter"). Each wave is published under the anonymity policy (``min_size``, see
    :mod:`mognad_core.disclosure`); a statement hidden in either wave is left out of both, so
    the changes compare like with like, and intervals need ``2 x min_size`` answers per wave.
    """
    lang = texts.check_lang(lang)  # "EN" is English for the model's own labels too
    if n_boot < 100:
        raise MognadError(f"n_boot must be at least 100 (got {n_boot}).")
    if resampling not in RESAMPLING:
        raise MognadError(
            f"resampling must be one of {', '.join(map(repr, RESAMPLING))} (got {resampling!r})."
        )
    if model is None and isinstance(before, ResponseSet):
        model = before.model
    rs0 = ResponseSet.from_any(before, model)
    rs1 = ResponseSet.from_any(after, rs0.model)
    m: MaturityModel = rs0.model
    if rs1.model.name != m.name:
        raise MognadError(
            texts.Message("error.waves_models", first=repr(m.name), second=repr(rs1.model.name))
        )
    if labels is None:
        labels = _default_labels(rs0, rs1)
    for rs, lab in ((rs0, labels[0]), (rs1, labels[1])):
        if rs.n == 0:
            raise MognadError(texts.Message("error.wave_empty", label=repr(lab)))
    pol = disclosure.policy(min_size, lang)
    hidden = (
        disclosure.check(rs0, pol, lang).figure_hidden
        | disclosure.check(rs1, pol, lang).figure_hidden
    )
    ctx = {"lang": lang}
    r0 = publish_score(rs0, hidden, pol, insights=False, context=ctx)
    r1 = publish_score(rs1, hidden, pol, insights=False, context=ctx)
    rs0, rs1 = disclosure.masked(rs0, hidden), disclosure.masked(rs1, hidden)
    x0, x1 = exact_score(rs0), exact_score(rs1)  # exact figures for the intervals
    span = float(m.scale.max - m.scale.min)

    statements: list[CompareRow] = []
    for sid in m.statement_ids:
        a, b = r0.statements[sid], r1.statements[sid]
        change = None if a.score is None or b.score is None else b.score - a.score
        lo_ = hi_ = p_ = None
        ea, eb = x0.statements[sid], x1.statements[sid]
        if change is not None and min(ea.n, eb.n) >= pol.spread_min:
            lo_, hi_, p_ = _welch(ea.mean, ea.sd, ea.n, eb.mean, eb.sd, eb.n, span)
        statements.append(
            CompareRow(
                id=sid,
                label=m.statement(sid).label(lang),
                kind="statement",
                parent=m.statement(sid).dimension,
                before=a.score,
                after=b.score,
                change=change,
                ci_low=none(lo_),
                ci_high=none(hi_),
                n_before=a.n,
                n_after=b.n,
                p_value=none(p_),
                method="welch" if lo_ is not None else "",
            )
        )

    rng = np.random.default_rng(seed)
    boot0 = aggregate(m, _boot_scores(rs0, n_boot, rng, resampling))
    boot1 = aggregate(m, _boot_scores(rs1, n_boot, rng, resampling))

    def node_row(key: Any, before_v, after_v, kind, label, parent, n0, n1) -> CompareRow:
        change = None if before_v is None or after_v is None else after_v - before_v
        diff = boot1[key] - boot0[key]
        diff = diff[~np.isnan(diff)]
        lo_ = hi_ = p_ = None
        enough = min(n0, n1) >= pol.spread_min
        if change is not None and enough and diff.size >= 0.9 * n_boot:
            lo_, hi_ = (float(x) for x in np.percentile(diff, [2.5, 97.5]))
            p_ = _boot_p(diff)
        return CompareRow(
            id="overall" if key is None else key,
            label=label,
            kind=kind,
            parent=parent,
            before=before_v,
            after=after_v,
            change=change,
            ci_low=lo_,
            ci_high=hi_,
            n_before=n0,
            n_after=n1,
            p_value=p_,
            method="bootstrap" if lo_ is not None else "",
        )

    notes: list[str] = []
    dims: list[CompareRow] = []
    for depth, d in m.iter_tree():
        a, b = r0.dimensions[d.id], r1.dimensions[d.id]
        dims.append(
            node_row(
                d.id,
                a.score,
                b.score,
                "dimension" if depth == 0 else "category",
                d.name(lang),
                d.parent,
                a.n,
                b.n,
            )
        )
    overall = node_row(
        None,
        r0.overall,
        r1.overall,
        "overall",
        texts.text("part.overall", lang),
        None,
        rs0.n,
        rs1.n,
    )
    default0, default1 = (_default_overall(m, r) for r in (x0, x1))
    if (x0.overall is not None and abs(x0.overall - default0) > 1e-9) or (
        x1.overall is not None and abs(x1.overall - default1) > 1e-9
    ):
        overall.ci_low = overall.ci_high = overall.p_value = None
        overall.method = ""
        notes.append(texts.text("compare.own_overall", lang))
    adjust_family(statements)  # two families: the statements, and the parts that aggregate them
    adjust_family([overall, *dims])

    both = [r for r in statements if r.change is not None]
    up = sum(1 for r in both if r.change > 1e-12)
    down = sum(1 for r in both if r.change < -1e-12)
    hidden_ids = [sid for sid, h in zip(m.statement_ids, hidden, strict=True) if h]
    missing = [r.id for r in statements if r.change is None and r.id not in hidden_ids]
    if missing:
        notes.append(texts.text("compare.not_compared", lang, ids=", ".join(missing)))
    small = [r.id for r in both if r.ci_low is None]
    if small:
        fewest = max(2, pol.spread_min)
        notes.append(texts.text("compare.no_interval", lang, n=fewest, ids=", ".join(small)))
    notes.extend(disclosure.hidden_note(hidden_ids, pol, lang))
    out = CompareResult(
        model=m.name,
        before_label=labels[0],
        after_label=labels[1],
        n_before=rs0.n,
        n_after=rs1.n,
        overall=overall,
        dimensions=dims,
        statements=statements,
        improved_all=None if not both else up == len(both),
        improved=up,
        declined=down,
        unchanged=len(both) - up - down,
        significant_up=sum(1 for r in both if r.significant and r.change > 0),
        significant_down=sum(1 for r in both if r.significant and r.change < 0),
        compared=len(both),
        n_boot=n_boot,
        seed=seed,
        resampling=resampling,
        notes=notes,
    )
    source_notes = list(dict.fromkeys([*rs0.notes, *rs1.notes]))
    return disclosure.finish(out, pol, lang, source_notes)


def compare_waves(
    responses: ResponseSet | pd.DataFrame | str | Path,
    column: str | None = None,
    waves: tuple[Any, Any] | list[Any] | None = None,
    **options: Any,
) -> CompareResult:
    """Compare two waves held in one response set, told apart by ``column``.

    ``responses``: a ResponseSet, a DataFrame or a response file (read as
    :meth:`ResponseSet.from_any` reads them, for the ``model`` option). ``column`` defaults to
    the first attribute column named as in :data:`~mognad_core.responses.WAVE_COLUMNS` (år,
    year, wave, våg, mätning, omgång; case-insensitive). ``waves`` is (before, after); by
    default the latest wave and the one before it (sorted), the same waves a report compares.
    Other keyword options go to :func:`compare`.
    """
    lang = texts.check_lang(options.get("lang", "sv"))
    responses = ResponseSet.from_any(responses, options.get("model"))
    found = responses.waves(column)
    if found is None:
        raise InputError(
            texts.Message("error.no_wave_column"),
            Location(file=responses.source, sheet=responses.sheet),
            texts.Message(
                "error.expected.wave_column",
                names=", ".join(WAVE_COLUMNS[:4]),
                columns=", ".join(responses.attributes.columns) or texts.Message("error.none"),
            ),
        )
    col, present = found.column, list(found.labels)
    where = Location(file=responses.source, sheet=responses.sheet, column=col)
    notes = []
    if waves is None:
        if len(present) < 2:
            raise InputError(
                texts.Message(
                    "error.wave_count", column=col, count=len(present), values=", ".join(present)
                ),
                where,
                texts.Message("error.expected.two_waves"),
            )
        chosen = (found.previous, found.latest)  # the latest wave and the one before
        if len(present) > 2:
            notes.append(
                texts.text(
                    "compare.latest_two",
                    lang,
                    column=col,
                    count=len(present),
                    waves=", ".join(present),
                    before=chosen[0],
                    after=chosen[1],
                    first=present[0],
                )
            )
    else:
        if len(waves) != 2:
            raise MognadError(texts.Message("error.waves_two", waves=str(list(waves))))
        chosen = (wave_label(waves[0]) or "", wave_label(waves[1]) or "")
        for w in chosen:
            if w not in present:
                raise InputError(
                    texts.Message("error.wave_missing", wave=w, column=col),
                    where,
                    texts.Message("error.one_of", items=", ".join(present)),
                )
    if chosen[0] == chosen[1]:
        raise MognadError(texts.Message("error.waves_same", wave=repr(chosen[0])))
    missing_rows = found.missing
    if missing_rows:
        notes.append(texts.text("compare.no_wave", lang, count=missing_rows, column=col))
    before = responses.where((col, chosen[0]))
    after = responses.where((col, chosen[1]))
    result = compare(before, after, labels=chosen, **options)
    result.notes = notes + result.notes
    return result


__all__ = [
    "ALPHA",
    "CompareResult",
    "CompareRow",
    "compare",
    "compare_waves",
    "holm",
]
