"""The work-group self-assessment of digital maturity as a mognad model plugin.

A work group rates its digital competence, ways of working and conditions; mognad gives its
results per work group (``--groups arbetsgrupp``, small groups hidden), its needs as a ranked
list, and in ``mognad report`` the material for the group's two dialogues and a verksamhetsplan
sheet. Python API::

    import mognad_core as mognad
    import mognad_arbetsgrupp as ag

    group = mognad.read_responses(ag.SAMPLE, "arbetsgrupp").where(arbetsgrupp="Kundtjänst")
    result = mognad.score(group)
    [n.short for n in ag.needs(result)]            # most important first
    [q.text for q in ag.first_dialogue(result)]    # questions for dialogue 1

See ``plugins/arbetsgrupp/README.md``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import mognad_core  # its load_model_file (yaml, pydantic) when a model is asked for
from mognad_core import hookimpl
from mognad_core import texts as core_texts
from mognad_core.lazy import import_on_first_use
from mognad_core.plugins import BuiltinModel

from . import texts  # noqa: F401  (adds the plugin's texts to mognad's catalogue)

#: The plugin's Python API, imported on first use (PEP 562): every command, ``mognad --help``
#: too, loads the plugin, and ``needs`` needs the analysis layer (scipy).
_PUBLIC = dict.fromkeys(
    ("Need", "Question", "first_dialogue", "needs", "second_dialogue"), ".needs"
)

import_on_first_use(__name__, _PUBLIC)

if TYPE_CHECKING:
    from .needs import Need, Question, first_dialogue, needs, second_dialogue

HERE = Path(__file__).parent
SAMPLE = HERE / "samples" / "arbetsgrupp_sample.xlsx"
MODEL_NAME = "arbetsgrupp"

__all__ = [
    "SAMPLE",
    "Need",
    "Question",
    "first_dialogue",
    "model",
    "needs",
    "second_dialogue",
]


@cache
def model():
    """The work-group model definition (validated once, then cached)."""
    return mognad_core.load_model_file(HERE / "model.yaml")


@hookimpl
def register_models(register):
    # by name, built when first asked for (plugins.BuiltinModel): a command reads one model file
    register(BuiltinModel(MODEL_NAME, model))


@hookimpl
def register_samples(register):
    register(
        model=MODEL_NAME,
        path=SAMPLE,
        description="Fem arbetsgrupper i en förvaltning, en av dem för liten för att visas",
        description_en="Five work groups of one förvaltning, one of them too small to be shown",
    )


@hookimpl
def model_insights(model, result, context):
    """The group's needs, most important first (the core's where-to-start rule)."""
    if model.name != MODEL_NAME:
        return None
    from mognad_core import ModelInsight

    from .needs import needs

    lang = context.get("lang", "sv")
    found = needs(result, model, lang=lang)
    if not found:
        return None
    return [
        ModelInsight(
            key="arbetsgrupp.needs",
            title=core_texts.text("arbetsgrupp.needs.title", lang),
            text=core_texts.text("arbetsgrupp.needs.text", lang, count=len(found)),
            data={"needs": [n.id for n in found]},
            rows=[
                {
                    core_texts.text("arbetsgrupp.col.nr", lang): str(n.rank),
                    core_texts.text("arbetsgrupp.col.area", lang): n.area,
                    core_texts.text("arbetsgrupp.col.need", lang): n.label(lang),
                }
                for n in found
            ],
        )
    ]


@hookimpl
def report_sections(model, data):
    """The dialogue material and the verksamhetsplan sheet of ``mognad report``."""
    if model.name != MODEL_NAME:  # a user's own model file is offered to every plugin
        return None
    from .report import sections

    return sections(data)
