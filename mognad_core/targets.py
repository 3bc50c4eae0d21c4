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

The same module reads the values people type for these arguments, in the command line, in
Python and in Excel cells alike (``docs/analysis.md``, "Arguments", lists every form; an
empty cell is :func:`mognad_core.cells.is_blank`):
:func:`parse_fraction` (``0.7``, ``70``, ``"70 %"``, ``"0,7"``),
:func:`parse_score`, :func:`profile_from_rows` (a two-column table, with or without a header
row, or one row of dimensions above one row of targets) and :func:`default_target`.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from . import texts
from .cells import is_blank
from .errors import InputError, Location, ModelError, MognadError
from .schema import MaturityModel, in_language, normalize_token


class Target(BaseModel):
    """A resolved target: a fraction in [0, 1] per dimension id (or one for all).

    It is named in both languages, as the model names its parts: ``label`` in Swedish,
    ``label_en`` in English (None: the same words), and :meth:`name` gives the one for an
    output's language. A profile without a name of its own (typed inline or given as a mapping)
    is named "målprofil" / "target profile" (:meth:`named` is False)."""

    kind: Literal["number", "benchmark", "level", "profile", "next"]
    label: str
    label_en: str | None = None
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

    def name(self, lang: str = "sv") -> str:
        """The target's name in ``lang``."""
        return in_language(self.label, self.label_en, texts.check_lang(lang))

    def named(self) -> bool:
        """False for a profile without a name of its own (shown by its values instead)."""
        return not (self.kind == "profile" and self.label == texts.text("target.profile", "sv"))


def _in_both(key: str, **data: Any) -> dict[str, str]:
    """``label`` and ``label_en`` of a target named by the catalogue's text ``key``."""
    return {"label": texts.text(key, "sv", **data), "label_en": texts.text(key, "en", **data)}


# ---- values as people type them --------------------------------------------------------------
def parse_fraction(value: Any) -> float | None:
    """A share on the 0-1 scale written as a number or a percentage, else None.

    ``0.7``, ``70``, ``"70"``, ``"70 %"``, ``"70%"``, ``"0,7"`` (a decimal comma) and
    ``"70,5 %"`` all work: text ending in % is a percentage, and a number above 1 means
    percent (``70`` is 70 %). Spaces (also the no-break spaces Excel writes before %) are
    ignored. Not a number (text, TRUE/FALSE, a blank) gives None. The range is not checked:
    ``150`` gives 1.5, for the caller to refuse in its own words.

    >>> [parse_fraction(v) for v in (0.7, 70, "70 %", "0,7", "hög")]
    [0.7, 0.7, 0.7, 0.7, None]
    """
    if isinstance(value, bool) or is_blank(value):
        return None
    if isinstance(value, numbers.Real):
        number = float(value)
    else:
        text = str(value).strip()
        for space in (" ", "\u00a0", "\u202f"):
            text = text.replace(space, "")
        percent = text.endswith("%")
        text = text.removesuffix("%")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")  # a decimal comma
        try:
            number = float(text)
        except ValueError:
            return None
        if math.isnan(number):
            return None
        if percent:
            return number / 100
    return number / 100 if number > 1 else number


def parse_score(value: Any, what: str | None = None) -> float:
    """A score from 0 to 1 written as :func:`parse_fraction` reads it (``0.72``, ``72``,
    ``"72 %"``, ``"0,72"``); anything else raises :class:`MognadError`, which starts with
    ``what`` when given (``"benchmark: ..."``)."""

    def error(key: str, shown: str) -> MognadError:
        message = texts.Message(key, value=shown)
        return MognadError(texts.joined([what, message], ": ") if what else message)

    if isinstance(value, bool) or not isinstance(value, (numbers.Real, str)):
        raise error("error.not_a_score", repr(value))
    score = parse_fraction(value)
    if score is None:
        raise error("error.not_a_score", f'"{str(value).strip()}"')
    if not 0 <= score <= 1:
        shown = f"{value:g}" if isinstance(value, numbers.Real) else str(value).strip()
        raise error("error.score_range", shown)
    return score


def default_target(model: MaturityModel) -> str | None:
    """The target a gap uses when none is given: the model's default benchmark
    (:meth:`MaturityModel.default_benchmark`; DiMiOS: the national average), else None."""
    b = model.default_benchmark()
    return None if b is None else b.name


def _is_target_value(value: Any, model: MaturityModel) -> bool:
    """A value a profile can hold: a number, a percentage or a level name."""
    if isinstance(value, bool) or is_blank(value):
        return False
    return parse_fraction(value) is not None or model.level_named(value) is not None


def _across(rows: list[list[Any]], model: MaturityModel) -> bool:
    """True when a two-row table has the dimensions in its first row, the targets below."""
    top = [v for v in rows[0] if not is_blank(v)]
    below = [v for v in rows[1] if not is_blank(v)]
    return (
        bool(below)
        and all(_is_target_value(v, model) for v in below)
        and not any(_is_target_value(v, model) for v in top)
    )


def profile_from_rows(
    rows: Sequence[Sequence[Any]],
    model: MaturityModel,
    what: texts.Message | None = None,
) -> dict[str, Any]:
    """A per-dimension profile (dimension -> target, for :func:`parse_target`) from the rows
    of a table: a dimension id or label and its target in each row, or one row of dimensions
    above one row of targets. A first row whose target is no number and no level name is a
    header (``dimension | mål``) and skipped; blank rows and rows without a dimension are
    skipped. Used for a target range in Excel and a .csv/.xlsx target file alike."""
    what = what or texts.Message("error.what.target_table")
    grid = [list(r) if isinstance(r, (list, tuple)) else [r] for r in rows]
    if len(grid) == 2 and _across(grid, model):  # ids in one row, targets below
        grid = [list(pair) for pair in zip(grid[0], grid[1], strict=False)]
    profile: dict[str, Any] = {}
    for i, row in enumerate(grid):
        if all(is_blank(v) for v in row):
            continue
        if len(row) < 2:
            raise MognadError(texts.Message("error.target_columns", what=what))
        key, target = row[0], row[1]
        if is_blank(key):
            continue
        if i == 0 and isinstance(target, str) and not _is_target_value(target, model):
            continue  # a header row
        profile[str(key).strip()] = target
    if not profile:
        raise MognadError(texts.Message("error.target_empty", what=what))
    return profile


# ---- targets ---------------------------------------------------------------------------------
def _value(model: MaturityModel, raw: Any, where: str | texts.Message) -> float:
    number = parse_fraction(raw)
    if number is None:
        level = model.level_named(raw)
        if level is None:
            levels = ", ".join(lv.name for lv in model.levels) or texts.Message(
                "error.none_in_model"
            )
            raise ModelError(
                texts.Message("error.target_value", where=where, value=repr(raw), levels=levels)
            )
        number = level.lower_bound
    if not 0 <= number <= 1:
        raise ModelError(texts.Message("error.target_range_at", where=where, value=repr(raw)))
    return number


def _resolve_dim(model: MaturityModel, key: str, where: str | texts.Message) -> str:
    found = model.find_part(key, statements=False)
    if found is not None:
        return found
    ids = ", ".join(d.id for d in model.dimensions)
    raise ModelError(
        texts.Message(
            "error.not_a_dimension", where=where, key=repr(key), model=repr(model.name), ids=ids
        )
    )


def _profile(model: MaturityModel, items: Mapping[str, Any], label: str | texts.Message) -> Target:
    """A profile named "målprofil" / "target profile"; ``label`` says where it came from in
    error messages."""
    dims = {
        _resolve_dim(model, str(k), label): _value(model, v, texts.joined([label, str(k)]))
        for k, v in items.items()
        if not is_blank(v)
    }
    if not dims:  # {} or only blanks: a gap against nothing (it was shown as "Mål: fil ()")
        ids = ", ".join(d.id for d in model.dimensions)
        raise ModelError(texts.Message("error.target_profile_empty", where=label, ids=ids))
    return Target(kind="profile", dimensions=dims, **_in_both("target.profile"))


def _profile_file(model: MaturityModel, path: Path) -> Target:
    from .readers import DATA_FILE_SUFFIXES, read_data_file, read_table

    if path.suffix.lower() in DATA_FILE_SUFFIXES:
        data = read_data_file(path, texts.Message("error.what.target_file"))
        label, label_en = path.name, None
        if isinstance(data, Mapping) and "dimensions" in data:
            label = str(data.get("label") or label)
            label_en = str(data["label_en"]) if data.get("label_en") else None
            data = data["dimensions"]
        if not isinstance(data, Mapping):
            raise InputError(
                texts.Message("error.target_not_mapping"),
                Location(file=str(path)),
                texts.Message("error.expected.target_lines"),
            )
        target = _profile(model, data, path.name)
        target.label, target.label_en = label, label_en
        return target
    table = read_table(path)
    frame = table.frame
    if frame.shape[1] < 2:
        raise InputError(
            texts.Message("error.two_columns", what=texts.Message("error.what.target_table")),
            Location(file=str(path)),
            texts.Message("error.expected.target_columns"),
        )
    rows = [list(frame.columns), *frame.itertuples(index=False, name=None)]
    try:
        items = profile_from_rows(rows, model, texts.Message("error.what.target_table"))
    except MognadError as exc:
        where = Location(file=str(path))
        raise InputError(exc.body, where, texts.Message("error.expected.target_columns")) from None
    target = _profile(model, items, path.name)
    target.label, target.label_en = path.name, None
    return target


NEXT_WORDS = {"next", "nästa", "next level", "nästa nivå"}


def next_level_target(model: MaturityModel, result: Any) -> Target:
    """Per dimension: the lower bound of the next maturity level above its current score."""
    if not model.levels:
        raise ModelError(texts.Message("error.target_next_levels", model=repr(model.name)))
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
    return Target(kind="next", overall=overall, dimensions=dims, **_in_both("target.next"))


def parse_target(value: Any, model: MaturityModel, result: Any = None) -> Target | None:
    """Resolve a target given as a number, name, mapping, inline profile text or file path.

    ``result`` (a ScoreResult) is needed only for ``"next"``.
    """
    if is_blank(value):
        return None
    if isinstance(value, Target):
        return value
    from .plugins import call_each

    resolved = call_each("resolve_target", model=model, value=value, result=result, first=True)
    if resolved is not None:
        return resolved.value
    if isinstance(value, Mapping):
        return _profile(model, value, texts.Message("error.where.target_profile"))
    number = parse_fraction(value)
    if number is not None:
        if not 0 <= number <= 1:
            raise ModelError(texts.Message("error.target_range", value=repr(value)))
        digits = 0 if round(number * 100, 6).is_integer() else 1
        written = {
            f"label{s}": texts.pct(number, lang, digits) for s, lang in (("", "sv"), ("_en", "en"))
        }
        return Target(kind="number", uniform=number, overall=number, **written)
    text = str(value).strip()
    if normalize_token(text) in NEXT_WORDS:
        if result is None:
            raise ModelError("target 'next' can only be resolved together with a score result")
        return next_level_target(model, result)
    for b in model.benchmarks:
        if normalize_token(text) == normalize_token(b.name):
            names = {}
            for key, name in (("label", b.label or b.name), ("label_en", b.label_en)):
                if name and b.year and str(b.year) not in name:
                    name += f" {b.year}"
                names[key] = name
            return Target(
                kind="benchmark",
                **names,
                overall=b.overall,
                dimensions=dict(b.dimensions),
                benchmark=b.name,
            )
    if "=" in text:
        parts: list[str] = []
        for part in (part for part in text.split(",") if part.strip()):
            before = parts[-1].partition("=")[2] if parts else ""
            if "=" not in part and part.strip()[:1].isdigit() and re.fullmatch(r"\s*\d+", before):
                # a decimal comma, "formaga=0,6,styrning=70%": the digits after it belong to
                # the value before (parse_fraction reads "0,6" as 0.6)
                parts[-1] += "," + part
                continue
            parts.append(part)
        for part in parts:
            if "=" not in part:  # "a=50%,b": not a pair (it was an unexpected ValueError)
                example = f"{model.dimensions[0].id}=60%" if model.dimensions else "id=60%"
                raise ModelError(
                    texts.Message(
                        "error.target_pair",
                        value=repr(text),
                        part=repr(part.strip()),
                        example=example,
                    )
                )
        items = dict(part.split("=", 1) for part in parts)
        where = texts.Message("error.where.target")
        return _profile(model, {k.strip(): v.strip() for k, v in items.items()}, where)
    path = Path(text)
    if path.suffix and path.is_file():
        return _profile_file(model, path)
    level = model.level_named(text)
    if level is not None:
        level_value = _value(model, text, texts.Message("error.where.target"))
        return Target(
            kind="level",
            label=level.label("sv"),
            label_en=level.label("en"),
            uniform=level_value,
            overall=level_value,
        )
    benchmarks = ", ".join(b.name for b in model.benchmarks) or texts.Message("error.none")
    raise ModelError(
        texts.Message(
            "error.target_unknown", value=repr(text), model=repr(model.name), benchmarks=benchmarks
        )
    )
