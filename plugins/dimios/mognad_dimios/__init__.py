"""DiMiOS (Digital mognad i offentlig sektor) as a mognad model plugin."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mognad_core import hookimpl, load_model_file

HERE = Path(__file__).parent
SAMPLE = HERE / "samples" / "dimios_sample.xlsx"


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
        description="Exempelkommun, two yearly waves, several förvaltningar and roles",
    )
