"""The gap between a result and a published DiMiOS figure (by default the national average).

``gap_pp = 100 × (score − benchmark)`` in percentage points, for the overall score and for each
dimension the benchmark has a value for (the bundled DiMiOS benchmarks are overall figures only).
The default benchmark is ``meta.default_benchmark``; benchmarks listed in
``meta.target_benchmarks`` are targets, not measured averages, and are labelled as such.

The published figures were produced by the DiMiOS tool, whose items, scale and formula are not
public and differ from this model's, so every gap is indicative.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from mognad_core import (
    Benchmark,
    MaturityModel,
    ModelError,
    MognadError,
    ScoreResult,
    disclosure,
    texts,
)
from mognad_core.schema import in_language, normalize_token
from mognad_core.targets import Target, parse_target

from ._common import fraction, resolve_model


class DimensionGap(BaseModel):
    id: str
    label: str
    score: float | None = None
    benchmark: float | None = None
    gap_pp: float | None = None


class BenchmarkGap(BaseModel):
    """A result compared with one reference figure."""

    benchmark: str = Field(description="benchmark name, or 'custom' for a number")
    label: str
    year: int | None = None
    is_target: bool = False
    value: float | None = Field(None, description="the reference figure (0-1), overall")
    source: str | None = None
    score: float | None = Field(None, description="the result's overall score (0-1)")
    gap_pp: float | None = Field(None, description="100 × (score − value)")
    dimensions: dict[str, DimensionGap] = Field(default_factory=dict)
    partial: bool = Field(False, description="a top-level dimension had no score")
    missing_dimensions: list[str] = Field(default_factory=list)
    caveat: str = ""
    lang: str = "sv"


def target_names(model: MaturityModel) -> set[str]:
    raw = model.meta.get("target_benchmarks") or []
    return {str(n) for n in raw} if isinstance(raw, list) else set()


def find_benchmark(model: MaturityModel, name: str) -> Benchmark:
    """A benchmark by name (case-insensitive); the error lists the model's benchmarks."""
    for b in model.benchmarks:
        if normalize_token(b.name) == normalize_token(name):
            return b
    known = ", ".join(b.name for b in model.benchmarks) or texts.Message("error.none")
    raise ModelError(
        texts.Message(
            "dimios.error.no_benchmark", model=repr(model.name), name=repr(name), known=known
        )
    )


def benchmark_of_target(model: MaturityModel, target: Target) -> Benchmark | None:
    """The model benchmark a resolved ``--target`` names, if it names one."""
    if target.kind != "benchmark" or not target.benchmark:
        return None
    return next((b for b in model.benchmarks if b.name == target.benchmark), None)


def default_benchmark(model: MaturityModel) -> Benchmark | None:
    """The model's default benchmark (:meth:`MaturityModel.default_benchmark`)."""
    return model.default_benchmark()


def _label(b: Benchmark, lang: str) -> str:
    return in_language(b.label, b.label_en, lang) or b.name


def _reference(model: MaturityModel, benchmark: Any, lang: str) -> dict[str, Any]:
    """Name, label, year, overall and per-dimension values of what we compare with."""
    if benchmark is None:
        b = default_benchmark(model)
        if b is None:
            raise ModelError(texts.Message("dimios.error.no_benchmarks", model=repr(model.name)))
        benchmark = b
    if isinstance(benchmark, str):
        try:
            benchmark = find_benchmark(model, benchmark)
        except ModelError:
            try:
                number = fraction(benchmark, "benchmark")
            except MognadError:
                number = None
            if number is None:
                raise
            benchmark = number
    if isinstance(benchmark, Benchmark):
        return {
            "name": benchmark.name,
            "label": _label(benchmark, lang),
            "year": benchmark.year,
            "value": benchmark.overall,
            "dimensions": dict(benchmark.dimensions),
            "source": in_language(benchmark.source, benchmark.source_en, lang),
            "is_target": benchmark.name in target_names(model),
        }
    if isinstance(benchmark, Target):
        named = benchmark_of_target(model, benchmark)
        if named is not None:
            return _reference(model, named, lang)
        return {
            "name": "custom",
            "label": f"{texts.text('dimios.benchmark.custom', lang)} ({benchmark.name(lang)})",
            "year": None,
            "value": benchmark.for_part(None),
            "dimensions": {
                d.id: v
                for d in model.all_dimensions()
                if (v := benchmark.for_part(d.id)) is not None
            }
            if benchmark.kind == "profile"
            else {},
            "source": None,
            "is_target": True,
        }
    number = fraction(benchmark, "benchmark")
    if number is None:
        raise MognadError(f"benchmark {benchmark!r} is not a number or a benchmark name")
    return {
        "name": "custom",
        "label": f"{texts.text('dimios.benchmark.custom', lang)} ({texts.pct(number, lang, 1)})",
        "year": None,
        "value": number,
        "dimensions": {},
        "source": None,
        "is_target": False,
    }


def benchmark_gap(
    result: ScoreResult, benchmark: Any = None, model: Any = None, *, lang: str = "sv"
) -> BenchmarkGap:
    """The gap between ``result`` and a benchmark, in percentage points.

    ``benchmark`` is a benchmark name of the model (``"national_2021"``, ``"target_2023"``), a
    number (0.55 or 55 for 55 %), a :class:`~mognad_core.Benchmark`, or a parsed target; None
    uses ``meta.default_benchmark``.
    """
    if not isinstance(result, ScoreResult):
        raise MognadError(
            f"benchmark_gap() needs a score result (mognad.score(...)), got {type(result).__name__}"
        )
    lang = texts.check_lang(lang)
    m = resolve_model(result, model)
    ref = _reference(m, benchmark, lang)
    missing = [
        d.id
        for d in m.dimensions
        if d.id in result.dimensions and result.dimensions[d.id].score is None
    ]
    out = BenchmarkGap(
        benchmark=ref["name"],
        label=ref["label"],
        year=ref["year"],
        is_target=ref["is_target"],
        value=ref["value"],
        source=ref["source"],
        score=result.overall,
        partial=bool(missing),
        missing_dimensions=missing,
        caveat=texts.text("dimios.benchmark.caveat", lang),
        lang=lang,
    )
    if result.overall is not None and ref["value"] is not None:
        out.gap_pp = 100 * (result.overall - ref["value"])
    for dim_id, value in ref["dimensions"].items():
        d = result.dimensions.get(dim_id)
        if d is None:
            continue
        out.dimensions[dim_id] = DimensionGap(
            id=dim_id,
            label=in_language(d.label, d.label_en, lang),
            score=d.score,
            benchmark=value,
            gap_pp=None if d.score is None else 100 * (d.score - value),
        )
    return disclosure.round_figures(out, disclosure.policy_of(result, lang))  # as published


def gap_for_context(
    result: ScoreResult, model: MaturityModel, target: Any, lang: str
) -> tuple[BenchmarkGap, str | None]:
    """The gap for a ``--target`` value (a benchmark name, a number or a profile).

    Returns the gap and, when the target could not be used, a message saying why (the default
    benchmark is used instead).
    """
    if target is None or (isinstance(target, str) and not target.strip()):
        return benchmark_gap(result, None, model, lang=lang), None
    if isinstance(target, str):
        try:
            return benchmark_gap(result, find_benchmark(model, target), model, lang=lang), None
        except ModelError:
            pass
    try:
        parsed = parse_target(target, model, result)
    except MognadError as exc:
        return benchmark_gap(result, None, model, lang=lang), exc.text(lang)
    if parsed is None:
        return benchmark_gap(result, None, model, lang=lang), None
    return benchmark_gap(result, parsed, model, lang=lang), None


def describe(gap: BenchmarkGap) -> str:
    """One sentence: the score, the reference and the gap, in the gap's language."""
    t = texts.Texts(gap.lang)
    year = f" {gap.year}" if gap.year and str(gap.year) not in gap.label else ""
    ref = f"{gap.label}{year}"
    if gap.gap_pp is None:
        if gap.value is None:
            parts = [
                f"{d.label} {_pp(d.gap_pp, t)} ({t.pct(d.score, 1)} vs {t.pct(d.benchmark, 1)})"
                for d in gap.dimensions.values()
            ]
            if parts:
                return t("dimios.benchmark.by_dimension", ref=ref, parts="; ".join(parts))
        return t("dimios.benchmark.no_overall", ref=ref)
    text = t(
        "dimios.benchmark.text",
        score=t.pct(gap.score, 1),
        gap=_pp(gap.gap_pp, t),
        ref=ref,
        kind=t("dimios.benchmark.a_target") if gap.is_target else "",
        value=t.pct(gap.value, 0 if round(gap.value * 100, 6).is_integer() else 1),
    )
    if gap.partial:
        text += t("dimios.benchmark.partial")
    return text


def _pp(gap_pp: float | None, t: texts.Texts) -> str:
    """A gap held in percentage points (``gap_pp``) as the catalogue writes it:
    ``+17,9 procentenheter``."""
    return t.pp(None if gap_pp is None else gap_pp / 100, long=True)
