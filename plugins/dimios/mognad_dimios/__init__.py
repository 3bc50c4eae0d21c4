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
from typing import TYPE_CHECKING

import mognad_core  # its load_model_file (yaml, pydantic) when a model is asked for
from mognad_core import hookimpl
from mognad_core.lazy import import_on_first_use
from mognad_core.plugins import BuiltinModel

from . import texts  # noqa: F401  (adds the plugin's texts to mognad's catalogue)

#: The plugin's Python API, imported on first use (PEP 562): every command, ``mognad --help``
#: too, loads the plugin, and these need pandas and scipy.
_PUBLIC = {
    "Balance": ".balance",
    "balance": ".balance",
    "BenchmarkGap": ".benchmark",
    "benchmark_gap": ".benchmark",
    "Classification": ".classification",
    "GroupClassification": ".classification",
    "GroupedClassification": ".classification",
    "classify": ".classification",
    "classify_groups": ".classification",
    "weakest_categories": ".priorities",
    "where_to_start": ".priorities",
}

import_on_first_use(__name__, _PUBLIC)

if TYPE_CHECKING:
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
    "model_five_point",
    "weakest_categories",
    "where_to_start",
]


@cache
def model():
    """The DiMiOS model definition (validated once, then cached)."""
    return mognad_core.load_model_file(HERE / "model.yaml")


#: The variant for files answered on five points (the scale of dimios 1.0): same statements,
#: categories, quadrants and benchmarks; only the name, the titles and the scale differ.
FIVE_POINT = {
    "name": "dimios-5",
    "title": "DiMiOS på femgradig skala (variant för svar 1–5)",
    "title_en": "DiMiOS on a five-point scale (variant for answers 1–5)",
    "description": (
        "Samma påståenden, kategorier och beräkning som modellen dimios, men på skalan 1–5 som "
        "modellen hade före version 2.0. Använd den för svarsfiler som besvarats på fem steg; "
        "DiMiOS själv använder en sexgradig skala (modellen dimios)."
    ),
    "description_en": (
        "The same statements, categories and formula as the model dimios, but on the 1–5 scale "
        "the model had before version 2.0. Use it for response files answered on five steps; "
        "DiMiOS itself uses a six-point scale (the model dimios)."
    ),
    "scale": {
        "min": 1,
        "max": 5,
        "integer": True,
        "labels": {
            1: "Stämmer inte alls",
            2: "Stämmer dåligt",
            3: "Stämmer delvis",
            4: "Stämmer ganska bra",
            5: "Stämmer helt",
        },
        "labels_en": {
            1: "Does not apply at all",
            2: "Applies poorly",
            3: "Partly applies",
            4: "Applies fairly well",
            5: "Fully applies",
        },
    },
}


@cache
def model_five_point():
    """The ``dimios-5`` variant: :func:`model` on the 1–5 scale of dimios 1.0 (for files
    answered on five points; README "Six points, and the 1–5 variant")."""
    from mognad_core.model_files import safe_load_yaml

    data = safe_load_yaml((HERE / "model.yaml").read_text(encoding="utf-8"))
    dont_know = data["scale"]["dont_know"]
    data.update(FIVE_POINT)
    data["scale"] = {**FIVE_POINT["scale"], "dont_know": dont_know}
    return mognad_core.load_model(data)


@hookimpl
def register_models(register):
    # by name, built when first asked for (plugins.BuiltinModel): a command reads one model file
    register(BuiltinModel("dimios", model))
    register(BuiltinModel("dimios-5", model_five_point))


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
        model="dimios-5",
        path=HERE / "samples" / "dimios5_2023.csv",
        description="Exempelkommun 2023 på femgradig skala, som filer från före sexgradiga DiMiOS",
        description_en="Exempelkommun 2023 on five points, as files from before six-point DiMiOS",
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
