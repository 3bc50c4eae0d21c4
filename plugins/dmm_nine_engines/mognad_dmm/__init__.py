"""The Digital Maturity Matrix (nine digital engines) as a mognad model plugin.

Two installed models, one questionnaire: ``dmm`` (the default; Värderingar and Vision & Mission
as two engines) and ``dmm-original`` (the method's own list: one engine Värderingar, Vision &
Mission, and Relationer). Every function below answers for both.

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
from typing import TYPE_CHECKING

import mognad_core  # its load_model_file (yaml, pydantic) when a model is asked for
from mognad_core import hookimpl
from mognad_core.lazy import import_on_first_use
from mognad_core.plugins import BuiltinModel

from . import texts  # noqa: F401  (adds the plugin's texts to mognad's catalogue)

#: The plugin's Python API, imported on first use (PEP 562): every command, ``mognad --help``
#: too, loads the plugin, and these need pandas.
_PUBLIC = {
    **dict.fromkeys(
        ("Profile", "WeakEngines", "marker_check", "practice_check", "profile", "weakest"),
        ".analysis",
    ),
    **dict.fromkeys(("WorkshopResult", "respondent_engine_scores", "workshop"), ".groups"),
    **dict.fromkeys(("is_dmm_model", "settings_for"), ".settings"),
    **dict.fromkeys(("TargetGap", "core_target_for", "resolve_target", "target_gap"), ".targets"),
}

import_on_first_use(__name__, _PUBLIC)

if TYPE_CHECKING:
    from .analysis import Profile, WeakEngines, marker_check, practice_check, profile, weakest
    from .groups import WorkshopResult, respondent_engine_scores, workshop
    from .settings import is_dmm_model, settings_for
    from .targets import TargetGap, core_target_for, resolve_target, target_gap  # noqa: F401

HERE = Path(__file__).parent
SAMPLE = HERE / "samples" / "dmm_sample.xlsx"
TARGET_SAMPLE = HERE / "samples" / "malprofil.yaml"
#: The model ``dmm-original``: the nine engines as the method's authors list them.
SOURCE_MOTORS = HERE / "model_original.yaml"
#: The same 28 leaders as :data:`SAMPLE`, with the Relationer statements rel1-rel3 as well: one
#: questionnaire of 30 statements, for ``dmm-original`` (and ``dmm``, which leaves rel1-3 out).
SOURCE_SAMPLE = HERE / "samples" / "dmm_original_sample.xlsx"
SOURCE_TARGET_SAMPLE = HERE / "samples" / "malprofil_original.yaml"

__all__ = [
    "SAMPLE",
    "SOURCE_MOTORS",
    "SOURCE_SAMPLE",
    "SOURCE_TARGET_SAMPLE",
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
    return mognad_core.load_model_file(HERE / "model.yaml")


@cache
def source_motors_model():
    """The installed model ``dmm-original``: the nine engines as the method's authors list them
    ("Värderingar, Vision & Mission" as one engine, "Relationer" as the ninth). ``dmm``, the
    default, follows the project brief's list (README, section 2)."""
    return mognad_core.load_model_file(SOURCE_MOTORS)


@hookimpl
def register_models(register):
    # by name, built when first asked for (plugins.BuiltinModel): a command reads one model file
    register(BuiltinModel("dmm", model))
    register(BuiltinModel("dmm-original", source_motors_model))


@hookimpl(specname="resolve_target")
def resolve_named_target(model, value, result):
    """``--target`` presets from ``meta.target_profiles`` and level aliases ("Koordinering").

    Only values the core cannot resolve are answered here; everything else returns None. The
    core asks this hook about ``dmm`` and ``dmm-original`` and about models no plugin registered
    (a user's copy of a DMM file), never about another plugin's model; of the models no plugin
    registered, only those declaring the DMM settings are answered.
    """
    from .kind import is_dmm_model  # settings.py builds pydantic classes

    if not is_dmm_model(model) or not isinstance(value, str) or not value.strip():
        return None
    from .targets import core_target_for

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
    register(
        model="dmm-original",
        path=SOURCE_SAMPLE,
        description="Samma ledningsgrupper med alla 30 påståenden, också Relationer",
        description_en="The same leadership groups with all 30 statements, Relationships too",
    )
    register(
        model="dmm-original",
        path=SOURCE_TARGET_SAMPLE,
        description="En målprofil per motor i källans lista (för --target)",
        description_en="A target profile per engine of the source's list (for --target)",
        kind="target",
    )


@hookimpl
def model_insights(model, result, context):
    from .kind import is_dmm_model  # settings.py builds pydantic classes

    if not is_dmm_model(model):
        return None
    from .insights import build_insights

    return build_insights(model, result, context)


@hookimpl
def register_commands(cli):
    from .cli import register

    register(cli)
