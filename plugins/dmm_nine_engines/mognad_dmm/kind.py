"""Which models the DMM plugin answers for: asked of every model a score publishes
(``model_insights`` goes to every plugin), so it imports nothing heavy (not pydantic)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mognad_core import MaturityModel

#: Model names the plugin always answers for.
DMM_MODEL_NAMES = ("dmm", "dmm-original")


def is_dmm_model(model: MaturityModel) -> bool:
    """True for the built-in DMM models and any model declaring the DMM analysis settings.

    A model "declares the DMM settings" when it has levels and ``meta.analysis.weak_engines``.
    """
    if model.name in DMM_MODEL_NAMES:
        return True
    analysis = model.meta.get("analysis") if isinstance(model.meta, dict) else None
    return bool(model.levels) and isinstance(analysis, dict) and "weak_engines" in analysis
