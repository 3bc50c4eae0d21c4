"""Analysis settings of a Digital Maturity Matrix model, read from its ``meta``.

Nothing here is hard-coded for the built-in model: a user's own model file changes the rules by
editing ``meta`` (see the README, "What the plugin computes"). Missing keys take the defaults
below, which are the values shipped in ``model.yaml``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mognad_core import Dimension, Level, MaturityModel, ModelError, texts
from mognad_core.schema import normalize_token

from .kind import DMM_MODEL_NAMES, is_dmm_model  # noqa: F401  (here as before)


class RelationLabel(BaseModel):
    sv: str
    en: str


def _default_relation_labels() -> dict[str, RelationLabel]:
    return {
        "ahead": RelationLabel(sv="före fas", en="ahead of phase"),
        "in_phase": RelationLabel(sv="i fas", en="in phase"),
        "behind": RelationLabel(sv="efter fas", en="behind phase"),
    }


class PracticeStep(BaseModel):
    """Recommended practice for one phase: which engines should lead, whether to even out."""

    model_config = ConfigDict(extra="ignore")
    lead: list[str] = Field(default_factory=list)
    even_out: bool = False


class Settings(BaseModel):
    """The numbers and texts the DMM analysis uses (all from ``model.meta``)."""

    min_answered_per_engine: int = Field(2, ge=1)
    relation_margin: float = Field(0.10, ge=0, le=1)
    relation_labels: dict[str, RelationLabel] = Field(default_factory=_default_relation_labels)
    weak_margin: float = Field(0.10, ge=0, le=1)
    max_focus: int = Field(2, ge=1)
    even_out_margin: float = Field(0.10, ge=0, le=1)
    spread_flag_sd: float = Field(0.20, gt=0, le=1)
    spread_flag_range: float = Field(0.50, gt=0, le=1)
    spread_level_split_share: float = Field(0.25, gt=0, le=0.5)
    spread_level_split_distance: int = Field(2, ge=1)
    spread_min_respondents: int = Field(3, ge=2)
    recommended_practice: dict[str, PracticeStep] = Field(default_factory=dict)
    level_aliases: dict[str, str] = Field(default_factory=dict)
    target_profiles: dict[str, dict[str, Any]] = Field(default_factory=dict)
    default_target_profile: str | None = None


# meta path -> Settings field
_PATHS: dict[tuple[str, ...], str] = {
    ("min_answered_per_engine",): "min_answered_per_engine",
    ("analysis", "phase_relation", "margin"): "relation_margin",
    ("analysis", "phase_relation", "labels"): "relation_labels",
    ("analysis", "weak_engines", "margin"): "weak_margin",
    ("analysis", "weak_engines", "max_focus"): "max_focus",
    ("analysis", "acceleration_even_out_margin"): "even_out_margin",
    ("analysis", "spread", "flag_sd"): "spread_flag_sd",
    ("analysis", "spread", "flag_range"): "spread_flag_range",
    ("analysis", "spread", "flag_level_split_share"): "spread_level_split_share",
    ("analysis", "spread", "flag_level_split_min_distance"): "spread_level_split_distance",
    ("analysis", "spread", "min_respondents"): "spread_min_respondents",
    ("level_aliases",): "level_aliases",
    ("target_profiles",): "target_profiles",
    ("default_target_profile",): "default_target_profile",
}


def _get(meta: Any, path: tuple[str, ...]) -> Any:
    node = meta
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def settings_for(model: MaturityModel) -> Settings:
    """The DMM settings of ``model``; a wrong value raises a ModelError naming its meta key."""
    meta = model.meta or {}
    values: dict[str, Any] = {}
    where: dict[str, str] = {}
    for path, field in _PATHS.items():
        value = _get(meta, path)
        if value is not None:
            values[field] = value
            where[field] = "meta." + ".".join(path)
    practice = meta.get("recommended_practice")
    if isinstance(practice, dict):
        values["recommended_practice"] = {
            k: v for k, v in practice.items() if isinstance(v, dict) and "lead" in v
        }
        where["recommended_practice"] = "meta.recommended_practice"
    try:
        settings = Settings(**values)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err.get("loc") else "?"
        key = where.get(field, field)
        raise ModelError(
            texts.Message(
                "dmm.error.setting",
                model=repr(model.name),
                key=key,
                value=repr(_get(meta, tuple(key.split(".")[1:]))),
                detail=err.get("msg", "invalid"),
            )
        ) from None
    engine_ids = {d.id for d in model.dimensions}
    for phase, step in settings.recommended_practice.items():
        unknown = [e for e in step.lead if e not in engine_ids]
        if unknown:
            raise ModelError(
                texts.Message(
                    "dmm.error.lead",
                    model=repr(model.name),
                    phase=phase,
                    unknown=", ".join(unknown),
                    engines=", ".join(sorted(engine_ids)),
                )
            )
    return settings


def refuse_own_threshold(model: MaturityModel, lang: str = "sv") -> None:
    """Groups are shown under mognad's one anonymity setting (``--min-size``,
    ``MOGNAD_MIN_SIZE``, ``min_size`` in mognad.toml), never a threshold of the model's own. A
    model file that still sets ``meta.analysis.min_group_size`` is refused, so that a threshold
    its author set is never silently replaced by another."""
    value = _get(model.meta or {}, ("analysis", "min_group_size"))
    if value is None:
        return
    raise ModelError(texts.text("dmm.refused.own_threshold", lang, model=model.name, value=value))


def engines(model: MaturityModel) -> list[Dimension]:
    """The engines: the model's top-level dimensions, in model order."""
    return list(model.dimensions)


def find_level(model: MaturityModel, name: str, settings: Settings | None = None) -> Level | None:
    """A level by its name, English name or an alias in ``meta.level_aliases``."""
    settings = settings or settings_for(model)
    key = normalize_token(name)
    for alias, target in settings.level_aliases.items():
        if normalize_token(alias) == key:
            return model.level_named(target)
    return model.level_named(name)


def level_label(model: MaturityModel, name: str | None, lang: str = "sv") -> str | None:
    if name is None:
        return None
    level = model.level_named(name)
    return name if level is None else level.label(lang)


def next_level(model: MaturityModel, name: str | None) -> Level | None:
    """The level above ``name`` (None at the top or without a level)."""
    names = [lv.name for lv in model.levels]
    if name not in names:
        return None
    i = names.index(name)
    return model.levels[i + 1] if i + 1 < len(model.levels) else None
