"""Target profiles (desired level per engine) and the gap to them.

Targets are resolved by the core (:func:`mognad_core.targets.parse_target`): a number, a level
name, ``next`` (every engine's next level), ``engine=value,...`` inline, or a .yaml/.json/.csv/
.xlsx file of ``engine: target`` (a YAML/JSON file may put them under ``dimensions:`` next to
descriptive keys such as ``model`` and ``label``; see ``mognad_dmm/samples/malprofil.yaml``).
``mognad score --target`` goes through the core, so these forms work everywhere.

:func:`resolve_target` (and ``--target``, through the core's ``resolve_target`` hook) also
accepts

* the name or label of a preset in ``meta.target_profiles`` (``nasta_fas``,
  ``koordination_rekommenderad``);
* level aliases from ``meta.level_aliases`` ("Koordinering" means Koordination), in a mapping,
  inline text or alone.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel, Field

from mognad_core import MaturityModel, ModelError, ScoreResult, texts
from mognad_core.schema import in_language, normalize_token
from mognad_core.targets import Target, parse_target

from .analysis import EPS, model_for
from .settings import Settings, engines, find_level, settings_for


class ResolvedTarget(BaseModel):
    """A target per engine id (engines without one are left out)."""

    kind: str = Field(description="next_level, preset, profile, number, level or benchmark")
    name: str | None = None
    label: str
    label_en: str | None = None
    source: str | None = Field(None, description="the file it was read from")
    values: dict[str, float] = Field(default_factory=dict)

    def display(self, lang: str = "sv") -> str:
        return in_language(self.label, self.label_en, lang)


class EngineGap(BaseModel):
    id: str
    label: str
    label_en: str | None = None
    score: float | None = None
    level: str | None = None
    target: float | None = None
    target_level: str | None = Field(None, description="the level the target lies in")
    gap: float | None = Field(None, description="max(0, target - score)")
    signed_gap: float | None = Field(None, description="target - score (negative: above target)")

    def name(self, lang: str = "sv") -> str:
        return in_language(self.label, self.label_en, lang)


class TargetGap(BaseModel):
    """The gap per engine to a target profile (engines in model order)."""

    target: ResolvedTarget
    engines: list[EngineGap]

    def ordered(self) -> list[EngineGap]:
        """Engines with a target, largest gap first (the order for a transformation plan)."""
        with_target = [e for e in self.engines if e.gap is not None]
        return sorted(with_target, key=lambda e: -(e.gap or 0.0))

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([e.model_dump() for e in self.engines]).set_index("id")


def _fold(text: str) -> str:
    return normalize_token(text.replace("_", " ").replace("-", " "))


def _translate(model: MaturityModel, settings: Settings, value: Any) -> Any:
    """A level alias ("Koordinering") becomes the level name; anything else is kept."""
    if isinstance(value, str):
        lv = find_level(model, value, settings)
        if lv is not None:
            return lv.name
    return value


def _next_label(settings: Settings) -> dict[str, Any]:
    for name, spec in settings.target_profiles.items():
        if isinstance(spec, Mapping) and spec.get("rule") == "next_level":
            return {
                "name": name,
                "label": str(spec.get("label") or name),
                "label_en": spec.get("label_en"),
            }
    return _in_both("dmm.target.next")


def _in_both(key: str) -> dict[str, str]:
    """``label`` and ``label_en`` from the catalogue's text ``key``."""
    return {"label": texts.text(key, "sv"), "label_en": texts.text(key, "en")}


def _from_core(
    model: MaturityModel, settings: Settings, target: Target, **info: Any
) -> ResolvedTarget:
    values = {}
    for d in engines(model):
        t = target.for_part(d.id)
        if t is not None:
            values[d.id] = float(t)
    if target.kind == "next":
        info = {**_next_label(settings), **info}
    info.setdefault("kind", target.kind)
    if "label" not in info:  # the core's name for the target, in both languages
        info.update(label=target.label, label_en=target.label_en)
    return ResolvedTarget(values=values, **info)


def _file_labels(path: Path) -> dict[str, Any]:
    """``label``/``label_en``/``name`` of a YAML/JSON target file (for display only)."""
    if path.suffix.lower() not in (".yaml", ".yml", ".json") or not path.is_file():
        return {}
    try:
        import yaml

        text = path.read_text(encoding="utf-8-sig")
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except Exception:
        return {}  # the core reports unreadable files
    if not isinstance(data, Mapping):
        return {}
    out: dict[str, Any] = {"source": str(path)}
    for key in ("name", "label", "label_en"):
        if isinstance(data.get(key), (str, int, float)):
            out[key] = str(data[key])
    return out


def _preset(
    model: MaturityModel, settings: Settings, text: str, result: ScoreResult | None
) -> ResolvedTarget | None:
    key = _fold(text)
    for name, spec in settings.target_profiles.items():
        spec = spec if isinstance(spec, Mapping) else {}
        names = {
            _fold(name),
            _fold(str(spec.get("label") or name)),
            _fold(str(spec.get("label_en") or name)),
        }
        if key not in names:
            continue
        info = {
            "name": name,
            "label": str(spec.get("label") or name),
            "label_en": spec.get("label_en"),
        }
        if spec.get("rule") == "next_level":
            if result is None:
                raise ModelError(texts.Message("dmm.error.target_needs_scores", name=repr(name)))
            return _from_core(
                model, settings, parse_target("next", model, result), kind="next", **info
            )
        if spec.get("rule") is not None:
            raise ModelError(
                texts.Message(
                    "dmm.error.profile_rule",
                    model=repr(model.name),
                    name=name,
                    rule=repr(spec.get("rule")),
                )
            )
        items = spec.get("targets")
        if not isinstance(items, Mapping):
            raise ModelError(
                texts.Message("dmm.error.profile_targets", model=repr(model.name), name=name)
            )
        target = _core(model, settings, items, result, f"meta.target_profiles.{name}.targets")
        return _from_core(model, settings, target, kind="preset", **info)
    return None


def _core(
    model: MaturityModel, settings: Settings, value: Any, result: Any, where: str | None = None
) -> Target:
    if isinstance(value, Mapping):
        value = {str(k).strip(): _translate(model, settings, v) for k, v in value.items()}
    try:
        target = parse_target(value, model, result)
    except ModelError as exc:
        if where:
            raise ModelError(str(exc).replace("target profile", where, 1)) from None
        raise
    assert target is not None
    return target


def resolve_target(
    value: Any, model: MaturityModel, result: ScoreResult | None = None
) -> ResolvedTarget | None:
    """Resolve a target for ``model`` (``result`` is needed for ``next``); None for None.

    Everything :func:`mognad_core.targets.parse_target` accepts, plus presets from
    ``meta.target_profiles`` and level aliases from ``meta.level_aliases``. A bad value raises
    ModelError; a bad file InputError (located).
    """
    settings = settings_for(model)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, ResolvedTarget):
        return value
    if isinstance(value, Target):
        return _from_core(model, settings, value)
    if isinstance(value, Mapping):
        return _from_core(
            model,
            settings,
            _core(model, settings, value, result),
            **_in_both("target.profile"),
        )
    if isinstance(value, Path):
        return _from_core(
            model, settings, _core(model, settings, value, result), **_file_labels(value)
        )
    text = str(value).strip()
    preset = _preset(model, settings, text, result)
    if preset is not None:
        return preset
    path = Path(text)
    if path.suffix and path.is_file():
        return _from_core(
            model, settings, _core(model, settings, path, result), **_file_labels(path)
        )
    if "=" in text:
        items: dict[str, Any] = {}
        for part in text.split(","):
            if not part.strip():
                continue
            if "=" not in part:
                raise ModelError(
                    texts.Message(
                        "dmm.error.target_pair", value=repr(text), part=repr(part.strip())
                    )
                )
            k, v = part.split("=", 1)
            items[k.strip()] = v.strip()
        label = texts.shorten(text, 60)
        return _from_core(
            model, settings, _core(model, settings, items, result, "target"), label=label
        )
    try:
        target = _core(model, settings, _translate(model, settings, text), result)
    except ModelError as exc:
        presets = ", ".join(settings.target_profiles) or texts.Message("error.none")
        raise ModelError(
            texts.Message("dmm.error.or_preset", error=exc.body, presets=presets)
        ) from None
    return _from_core(model, settings, target)


def core_target_for(model: MaturityModel, text: str, result: ScoreResult | None) -> Target | None:
    """A core :class:`Target` for a preset name or a value using level aliases, else None.

    Used by the ``resolve_target`` hook, so ``mognad score --target koordination_rekommenderad``
    and ``--target "data_analys=Koordinering"`` work from the command line too.
    """
    settings = settings_for(model)
    preset = _preset(model, settings, text, result)
    if preset is not None:
        kind = "next" if preset.kind == "next" else "profile"
        return Target(
            kind=kind, label=preset.label, label_en=preset.label_en, dimensions=dict(preset.values)
        )
    if "=" in text:
        pairs = [p.split("=", 1) for p in text.split(",") if "=" in p]
        items = {k.strip(): _translate(model, settings, v.strip()) for k, v in pairs}
        if any(items[k.strip()] != v.strip() for k, v in pairs):
            return parse_target(items, model, result)
        return None
    translated = _translate(model, settings, text)
    if translated != text:
        return parse_target(translated, model, result)
    return None


def target_gap(result: ScoreResult, target: Any = None, model: Any = None) -> TargetGap:
    """The gap per engine between the result and a target profile.

    ``target`` is anything :func:`resolve_target` accepts; None means the model's
    ``meta.default_target_profile`` (``nasta_fas``: the next level for every engine).
    ``gap = max(0, target - score)``; ``signed_gap = target - score`` (negative: above the
    target). Engines without a score or without a target have no gap.
    """
    from .analysis import profile

    m = model_for(result, model)
    settings = settings_for(m)
    prof = profile(result, m, settings=settings)
    if target is None or (isinstance(target, str) and not target.strip()):
        target = settings.default_target_profile or "next"
    resolved = resolve_target(target, m, result)
    assert resolved is not None
    rows = []
    for e in prof.engines:
        t = resolved.values.get(e.id)
        signed = None if t is None or e.score is None else t - e.score
        if signed is not None and abs(signed) < EPS:
            signed = 0.0
        tl = m.level_for(t) if t is not None else None
        rows.append(
            EngineGap(
                id=e.id,
                label=e.label,
                label_en=e.label_en,
                score=e.score,
                level=e.level,
                target=t,
                target_level=tl.name if tl else None,
                gap=None if signed is None else max(0.0, signed),
                signed_gap=signed,
            )
        )
    return TargetGap(target=resolved, engines=rows)
