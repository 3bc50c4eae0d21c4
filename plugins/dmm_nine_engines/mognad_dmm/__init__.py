"""The Digital Maturity Matrix (nine digital engines) as a mognad model plugin."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mognad_core import hookimpl, load_model_file

HERE = Path(__file__).parent
SAMPLE = HERE / "samples" / "dmm_sample.xlsx"


@cache
def model():
    """The Digital Maturity Matrix model definition (validated once, then cached)."""
    return load_model_file(HERE / "model.yaml")


@hookimpl
def register_models(register):
    register(model())


@hookimpl
def register_samples(register):
    register(
        model="dmm",
        path=SAMPLE,
        description="Leadership groups of Exempelkommun answering the nine-engine test",
    )
