"""Shared helpers: reading the plugin's settings from a model's ``meta`` and formatting.

Every number the DiMiOS outputs depend on (quadrant threshold, border margin, tilt threshold,
vet-ej screen) is read from the model's ``meta`` so that a user's own model file can change it.
The defaults below apply only when the model file leaves a setting out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mognad_core import MaturityModel, ModelError, MognadError, ScoreResult, texts
from mognad_core import resolve_model as resolve_any_model
from mognad_core.schema import in_language, normalize_token
from mognad_core.targets import is_blank, parse_score

DEFAULT_THRESHOLD = 0.5
DEFAULT_BORDER_MARGIN = 0.03
DEFAULT_TILT = 0.10
EPS = 1e-9


def pick(entry: Mapping[str, Any], key: str, lang: str) -> Any:
    """``entry[key + "_en"]`` in English when present, else ``entry[key]`` (a model-file entry
    such as a quadrant of ``meta.quadrants``)."""
    return in_language(entry.get(key), entry.get(f"{key}_en"), lang)


def refuse_own_threshold(model: MaturityModel, lang: str = "sv") -> None:
    """Groups are shown under mognad's one anonymity setting (``--min-size``,
    ``MOGNAD_MIN_SIZE``, ``min_size`` in mognad.toml), never a threshold of the model's own. A
    model file that still sets ``meta.group_min_size`` is refused, so that a threshold its
    author set is never silently replaced by a smaller one."""
    value = model.meta.get("group_min_size")
    if value is None:
        return
    raise ModelError(
        texts.text("dimios.refused.own_threshold", lang, model=model.name, value=value)
    )


def meta_number(model: MaturityModel, key: str, default: float, low: float, high: float) -> float:
    """A number from ``model.meta`` checked to lie in [low, high]."""
    raw = model.meta.get(key, default)
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not low <= raw <= high:
        raise ModelError(
            texts.Message(
                "dimios.error.meta_number",
                model=repr(model.name),
                key=key,
                value=repr(raw),
                low=f"{low:g}",
                high=f"{high:g}",
            )
        )
    return float(raw)


def resolve_model(result: Any = None, model: Any = None) -> MaturityModel:
    """:func:`mognad_core.resolve_model` with DiMiOS as the model when neither ``model`` nor
    ``result`` names one."""
    return resolve_any_model(result, model, default="dimios")


def fraction(value: Any, what: str) -> float | None:
    """A score given as 0-1 or as a percentage (:func:`mognad_core.targets.parse_score`:
    ``0.62``, ``62``, ``"62 %"``, ``"0,62"``), its errors starting with ``what``; None when
    blank."""
    return None if is_blank(value) else parse_score(value, what)


def scores_of(result: ScoreResult | Mapping[str, Any], model: MaturityModel) -> dict[str, Any]:
    """Dimension id -> score (0-1 or None) from a ScoreResult or a plain mapping.

    A mapping may use dimension ids or labels (Swedish or English) as keys, and scores as 0-1
    or percentages.
    """
    if isinstance(result, ScoreResult):
        return {k: d.score for k, d in result.dimensions.items()}
    if not isinstance(result, Mapping):
        raise MognadError(
            "expected a score result (mognad.score(...)) or a mapping of dimension scores such as "
            f"{{'formaga': 0.62, 'arv': 0.41}}, got {type(result).__name__}"
        )
    names: dict[str, str] = {}
    for d in model.all_dimensions():
        for key in (d.id, d.label, d.label_en):
            if key:
                names.setdefault(normalize_token(key), d.id)
    out: dict[str, Any] = {}
    for key, value in result.items():
        dim = names.get(normalize_token(str(key)))
        if dim is None:
            known = ", ".join(d.id for d in model.dimensions)
            raise MognadError(f"{key!r} is not a dimension of model {model.name!r} ({known})")
        out[dim] = fraction(value, f"score for {key!r}")
    return out
