"""The Digital Maturity Matrix (nine digital engines) as a mognad model plugin.

Public functions::

    import mognad_core as mognad, mognad_dmm
    result = mognad.score("svar.xlsx", model="dmm")
    mognad_dmm.profile(result)            # level per engine, radar data (.radar())
    mognad_dmm.weakest(result)            # engines behind the own mean, with next steps
    mognad_dmm.target_gap(result, "malprofil.yaml")   # or "next", "data_analys=0.6", ...
    mognad_dmm.workshop("svar.xlsx", by="ledningsgrupp")   # groups side by side, spread
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mognad_core import hookimpl, load_model_file

from . import texts  # noqa: F401  (adds the plugin's texts to mognad's catalogue)
from .analysis import Profile, WeakEngines, marker_check, practice_check, profile, weakest
from .groups import WorkshopResult, respondent_engine_scores, workshop
from .settings import is_dmm_model, settings_for
from .targets import TargetGap, core_target_for, resolve_target, target_gap

HERE = Path(__file__).parent
SAMPLE = HERE / "samples" / "dmm_sample.xlsx"
TARGET_SAMPLE = HERE / "samples" / "malprofil.yaml"
SOURCE_MOTORS = HERE / "variants" / "dmm_source_motors.yaml"

__all__ = [
    "SAMPLE",
    "SOURCE_MOTORS",
    "TARGET_SAMPLE",
    "Profile",
    "TargetGap",
    "WeakEngines",
    "WorkshopResult",
    "is_dmm_model",
    "marker_check",
    "model",
    "practice_check",
    "profile",
    "resolve_target",
    "respondent_engine_scores",
    "settings_for",
    "source_motors_model",
    "target_gap",
    "weakest",
    "workshop",
]


@cache
def model():
    """The Digital Maturity Matrix model definition (validated once, then cached)."""
    return load_model_file(HERE / "model.yaml")


@cache
def source_motors_model():
    """The variant with the nine motors as the authors publish them (``dmm_source_motors``).

    Not registered as an installed model (the project lead decides which list is the default);
    use it as ``mognad.score(file, mognad_dmm.source_motors_model())`` or through its file,
    :data:`SOURCE_MOTORS`.
    """
    return load_model_file(SOURCE_MOTORS)


@hookimpl
def register_models(register):
    register(model())


@hookimpl(specname="resolve_target")
def resolve_named_target(model, value, result):
    """``--target`` presets from ``meta.target_profiles`` and level aliases ("Koordinering").

    Only values the core cannot resolve are answered here; everything else returns None. The
    core asks this hook about ``dmm`` and about models no plugin registered (a user's copy of the
    DMM file, :func:`source_motors_model`), never about another plugin's model; of the models
    no plugin registered, only those declaring the DMM settings are answered.
    """
    if not is_dmm_model(model) or not isinstance(value, str) or not value.strip():
        return None
    return core_target_for(model, value.strip(), result)


@hookimpl
def register_samples(register):
    register(
        model="dmm",
        path=SAMPLE,
        description="Exempelkommuns ledningsgrupper svarar på niomotorstestet",
        description_en="Leadership groups of Exempelkommun answering the nine-engine test",
    )
    register(
        model="dmm",
        path=TARGET_SAMPLE,
        description="En målprofil per motor (för --target)",
        description_en="A target profile per engine (for --target)",
        kind="target",
    )


@hookimpl
def model_insights(model, result, context):
    if not is_dmm_model(model):
        return None
    from .insights import build_insights

    return build_insights(model, result, context)


@hookimpl
def register_commands(cli):
    from .cli import register

    register(cli)
