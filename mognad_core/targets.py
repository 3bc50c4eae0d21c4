"""Targets: what a score is compared with.

A target is one of

* a number: ``0.6``, ``60``, ``"60 %"`` (numbers above 1 are percentages);
* a benchmark name the model provides: ``"national"``;
* a maturity level name: ``"Koordinering"`` (its lower bound);
* ``"next"``: for each dimension, the lower bound of the level above the one it has reached
  (needs a score result; a dimension at the top level keeps its own score as target);
* a per-dimension profile: ``{"strategi": 0.7, "data": "Acceleration"}``, the inline text
  ``"strategi=70%,data=Acceleration"``, or a file (.yaml/.json, or a two-column .csv/.xlsx of
  dimension id and target).

Dimensions a profile leaves out have no target.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from .errors import InputError, Location, ModelError
from .schema import MaturityModel, normalize_token


class Target(BaseModel):
    """A resolved target: a fraction in [0, 1] per dimension id (or one for all)."""

    kind: Literal["number", "benchmark", "level", "profile", "next"]
    label: str
    overall: float | None = None
    dimensions: dict[str, float] = Field(default_factory=dict)
    uniform: float | None = Field(None, description="the same target for every dimension")
    benchmark: str | None = Field(None, description="the benchmark's name, for kind 'benchmark'")

    def for_part(self, part_id: str | None) -> float | None:
        """Target for a dimension/category id, or for the overall score when ``None``."""
        if part_id is None:
            return self.overall if self.overall is not None else self.uniform
        if part_id in self.dimensions:
            return self.dimensions[part_id]
        return self.uniform


def _number(text: Any) -> float | None:
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        value = float(text)
    else:
        s = str(text).strip().replace("\u00a0", "").replace(" ", "")
        percent = s.endswith("%")
        s = s.rstrip("%").replace(",", ".")
        try:
            value = float(s)
        except ValueError:
            return None
        if percent:
            return value / 100
    return value / 100 if value > 1 else value


def _value(model: MaturityModel, raw: Any, where: str) -> float:
    number = _number(raw)
    if number is None:
        folded = {normalize_token(lv.name): lv for lv in model.levels}
        folded.update({normalize_token(lv.name_en): lv for lv in model.levels if lv.name_en})
        level = folded.get(normalize_token(str(raw)))
        if level is None:
            levels = ", ".join(lv.name for lv in model.levels) or "none in this model"
            raise ModelError(
                f"{where}: target {raw!r} is neither a number (0-1 or a percentage) nor a "
                f"level name (levels: {levels})"
            )
        number = level.lower_bound
    if not 0 <= number <= 1:
        raise ModelError(f"{where}: target {raw!r} is outside 0-100 %")
    return number


def _resolve_dim(model: MaturityModel, key: str, where: str) -> str:
    if key in {d.id for d in model.all_dimensions()}:
        return key
    for d in model.all_dimensions():
        if normalize_token(key) in {
            normalize_token(d.id),
            normalize_token(d.label),
            normalize_token(d.label_en or ""),
        }:
            return d.id
    ids = ", ".join(d.id for d in model.dimensions)
    raise ModelError(f"{where}: {key!r} is not a dimension of model {model.name!r} ({ids})")


def _profile(model: MaturityModel, items: Mapping[str, Any], label: str) -> Target:
    dims = {
        _resolve_dim(model, str(k), label): _value(model, v, f"{label}, {k}")
        for k, v in items.items()
        if v is not None and str(v).strip() != ""
    }
    return Target(kind="profile", label=label, dimensions=dims)


def _profile_file(model: MaturityModel, path: Path) -> Target:
    from .readers import DATA_FILE_SUFFIXES, read_data_file, read_table

    if path.suffix.lower() in DATA_FILE_SUFFIXES:
        data = read_data_file(path, "target file")
        label = path.name
        if isinstance(data, Mapping) and "dimensions" in data:
            label = str(data.get("label") or label)
            data = data["dimensions"]
        if not isinstance(data, Mapping):
            raise InputError(
                "the target file is not a mapping",
                Location(file=str(path)),
                '"dimension_id: target" lines',
            )
        target = _profile(model, data, path.name)
        target.label = label
        return target
    table = read_table(path)
    frame = table.frame
    if frame.shape[1] < 2:
        raise InputError(
            "the target table needs two columns",
            Location(file=str(path)),
            "dimension id (or label) and target",
        )
    items = dict(zip(frame.iloc[:, 0].astype(str), frame.iloc[:, 1], strict=True))
    return _profile(model, items, path.name)


NEXT_WORDS = {"next", "nästa", "next level", "nästa nivå"}


def next_level_target(model: MaturityModel, result: Any) -> Target:
    """Per dimension: the lower bound of the next maturity level above its current score."""
    if not model.levels:
        raise ModelError(f"target 'next' needs maturity levels; model {model.name!r} has none")
    dims: dict[str, float] = {}
    for dim_id, d in result.dimensions.items():
        if d.score is None:
            continue
        above = [lv.lower_bound for lv in model.levels if lv.lower_bound > d.score + 1e-12]
        dims[dim_id] = above[0] if above else d.score
    overall = None
    if result.overall is not None:
        above = [lv.lower_bound for lv in model.levels if lv.lower_bound > result.overall + 1e-12]
        overall = above[0] if above else result.overall
    return Target(kind="next", label="next level", overall=overall, dimensions=dims)


def parse_target(value: Any, model: MaturityModel, result: Any = None) -> Target | None:
    """Resolve a target given as a number, name, mapping, inline profile text or file path.

    ``result`` (a ScoreResult) is needed only for ``"next"``.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, Target):
        return value
    from .plugins import call_resolve_target

    resolved = call_resolve_target(model, value, result)
    if resolved is not None:
        return resolved
    if isinstance(value, Mapping):
        return _profile(model, value, "target profile")
    number = _number(value)
    if number is not None:
        if not 0 <= number <= 1:
            raise ModelError(f"target {value!r} is outside 0-100 %")
        return Target(kind="number", label=f"{number:.0%}", uniform=number, overall=number)
    text = str(value).strip()
    if normalize_token(text) in NEXT_WORDS:
        if result is None:
            raise ModelError("target 'next' can only be resolved together with a score result")
        return next_level_target(model, result)
    for b in model.benchmarks:
        if normalize_token(text) == normalize_token(b.name):
            label = b.label or b.name
            if b.year and str(b.year) not in label:
                label += f" {b.year}"
            return Target(
                kind="benchmark",
                label=label,
                overall=b.overall,
                dimensions=dict(b.dimensions),
                benchmark=b.name,
            )
    if "=" in text:
        items = dict(part.split("=", 1) for part in text.split(",") if part.strip())
        return _profile(model, {k.strip(): v.strip() for k, v in items.items()}, "target")
    path = Path(text)
    if path.suffix and path.is_file():
        return _profile_file(model, path)
    if any(
        normalize_token(text) in (normalize_token(lv.name), normalize_token(lv.name_en or ""))
        for lv in model.levels
    ):
        level_value = _value(model, text, "target")
        return Target(kind="level", label=text, uniform=level_value, overall=level_value)
    benchmarks = ", ".join(b.name for b in model.benchmarks) or "none"
    raise ModelError(
        f"target {text!r} is not a number, a benchmark of model {model.name!r} "
        f"(benchmarks: {benchmarks}), a level name, 'next', a 'dimension=value,...' list or a "
        "file"
    )
