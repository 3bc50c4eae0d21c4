"""The EU Digital Maturity Assessment for public sector organisations as a mognad model plugin.

The European Digital Innovation Hubs (EDIH) assess public sector organisations with the JRC's
DMA questionnaire: six dimensions, each 0-100, the overall score the mean of the six, bands from
"Basic" (0-25 %) to "Advanced". The model (``eu-dma``) is data, ``model.yaml``; its checklist
questions use the core's ``kind: checklist`` statements (the share of options chosen). Every
rule and its source is in ``plugins/eu_dma/README.md``::

    import mognad_core as mognad
    result = mognad.score("dma.xlsx", model="eu-dma")
    result.overall      # the mean of the six dimension scores, 0-1
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import mognad_core  # its load_model_file (yaml, pydantic) when a model is asked for
from mognad_core import hookimpl
from mognad_core.plugins import BuiltinModel

if TYPE_CHECKING:
    from mognad_core import MaturityModel

HERE = Path(__file__).parent
#: The model file.
MODEL_FILE = HERE / "model.yaml"
#: A municipality's management team answering individually at T0 and again at T1.
SAMPLE = HERE / "samples" / "eu_dma_ledningsgrupp.xlsx"

__all__ = ["MODEL_FILE", "SAMPLE", "model"]


@cache
def model() -> MaturityModel:
    """The ``eu-dma`` model (validated once, then cached)."""
    return mognad_core.load_model_file(MODEL_FILE)


@hookimpl
def register_models(register):
    # by name, built when first asked for (plugins.BuiltinModel): a command reads one model file
    register(BuiltinModel("eu-dma", model))


@hookimpl
def register_samples(register):
    register(
        model="eu-dma",
        path=SAMPLE,
        description="En kommuns ledningsgrupp svarar var för sig vid T0 och T1",
        description_en="A municipality's management team answering individually at T0 and T1",
    )
