"""DiMiOS (Digital mognad i offentlig sektor) as a mognad model plugin.

Python API (the same figures ``mognad score --model dimios`` prints)::

    import mognad_core as mognad
    import mognad_dimios as dimios

    result = mognad.score("svar.xlsx", model="dimios")
    dimios.classify(result).name                      # the 2×2 category
    dimios.classify_groups("svar.xlsx", by="förvaltning").to_frame()
    dimios.balance(result).overall.balance            # innovation minus efficiency
    dimios.benchmark_gap(result).gap_pp               # vs the national average

The hooks below stay small; the logic lives in ``classification``, ``balance``, ``benchmark``,
``priorities`` and ``insights``. See ``plugins/dimios/README.md``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mognad_core import hookimpl, load_model_file

from . import texts  # noqa: F401  (adds the plugin's texts to mognad's catalogue)
from .balance import Balance, balance
from .benchmark import BenchmarkGap, benchmark_gap
from .classification import (
    Classification,
    GroupClassification,
    GroupedClassification,
    classify,
    classify_groups,
)
from .priorities import weakest_categories, where_to_start

HERE = Path(__file__).parent
SAMPLE = HERE / "samples" / "dimios_sample.xlsx"

__all__ = [
    "SAMPLE",
    "Balance",
    "BenchmarkGap",
    "Classification",
    "GroupClassification",
    "GroupedClassification",
    "balance",
    "benchmark_gap",
    "classify",
    "classify_groups",
    "model",
    "weakest_categories",
    "where_to_start",
]


@cache
def model():
    """The DiMiOS model definition (validated once, then cached)."""
    return load_model_file(HERE / "model.yaml")


@hookimpl
def register_models(register):
    register(model())


@hookimpl
def register_samples(register):
    register(
        model="dimios",
        path=SAMPLE,
        description="Exempelkommun, två årliga mätningar, flera förvaltningar och roller",
        description_en="Exempelkommun, two yearly waves, several departments and roles",
    )
    for year in (2024, 2025):
        register(
            model="dimios",
            path=HERE / "samples" / f"dimios_{year}.csv",
            description=f"Exempelkommun, bara {year}, som svenska Excel sparar en CSV (;, BOM)",
            description_en=f"Exempelkommun {year} only, as Swedish Excel saves a CSV (;, BOM)",
        )
    register(
        model="dimios",
        path=HERE / "samples" / "initiativ.xlsx",
        description="Exempelkommuns initiativportfölj (för `mognad portfolio`)",
        description_en="Exempelkommun's initiative portfolio (for `mognad portfolio`)",
        kind="initiatives",
    )


@hookimpl
def model_insights(model, result, context):
    from .insights import applies, build_insights

    if not applies(model):  # every plugin is asked about every model: DiMiOS's 2×2 models only
        return None
    return build_insights(model, result, context)


@hookimpl
def register_commands(cli):
    from .cli import register

    register(cli)
