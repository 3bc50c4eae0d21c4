"""The maturity-model schema (pydantic v2).

One schema serves models registered by plugins in Python and models written by hand as YAML or
JSON files (see ``docs/model-format.md``). A model is a tree: top-level dimensions, optional
nested categories (any depth), statements at the leaves of each node.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

DEFAULT_DONT_KNOW = ("vet ej", "vet inte", "don't know", "dont know")
#: how tools join the choices of a question that allows several: Microsoft Forms "Inte alls;Helt;",
#: Google Forms "2, 3" (a comma and a space: never a decimal comma)
SEVERAL_ANSWERS = re.compile(r";|,\s")

_ID = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"


def normalize_token(value: str) -> str:
    """Case- and whitespace-insensitive form of a header or answer text, in Unicode NFC form
    ("å" typed on a Mac may be "a" + a combining ring)."""
    return _normalized(value if type(value) is str else str(value))


@functools.lru_cache(maxsize=8192)
def _normalized(text: str) -> str:
    # remembered: a score normalises the same few values (groups, headers) thousands of times
    if not text.isascii():
        text = unicodedata.normalize("NFC", text.replace("\u00a0", " ").replace("’", "'"))
    return re.sub(r"\s+", " ", text.strip().casefold())


def in_language(sv: str | None, en: str | None, lang: str = "sv") -> str | None:
    """A model file's own wording in ``lang``: the English field (``label_en``, ``name_en``,
    ``text_en``, ...) in English when the file gives one, else the Swedish field.

    For texts a model file (or a plugin's settings in ``meta``) names in both languages; texts
    of mognad itself come from :mod:`mognad_core.texts`. The language is checked where a
    command, report or function starts, not here.
    """
    return (en or sv) if lang == "en" else sv


def level_label(name: str | None, name_en: str | None, lang: str = "sv") -> str | None:
    """A maturity level's name in ``lang``: its ``name_en`` in English when the model gives
    one, else its ``name`` (the level's id, in Swedish); None for no level.

    The one place a level is put into words: :meth:`Level.label`, :meth:`ScoreResult.level_label
    <mognad_core.results.ScoreResult.level_label>`, :meth:`DimensionScore.level_label
    <mognad_core.results.DimensionScore.level_label>` and every output (CLI tables and
    sentences, reports, slides, Excel functions, plugins' insights) call it through this module
    (``schema.level_label``), and tests/test_level_language.py replaces it to prove that each
    output does. Results and JSON keep both names (``level`` and ``level_en``) as data.
    """
    if name is None:
        return None
    return in_language(name, name_en, lang)


#: The levels of detail an analysis shows (``level=`` of :func:`mognad_core.gap` and
#: :func:`mognad_core.priorities`, ``--level``, the ``level`` argument of MOGNAD_GAP and
#: MOGNAD_PRIORITIES): parts of the model tree.
PART_LEVELS = ("dimension", "category", "statement", "all")

#: Every accepted spelling of a level, case and spacing ignored: English and Swedish, singular
#: and plural.
LEVEL_WORDS = {
    "dimension": "dimension",
    "dimensions": "dimension",
    "dimensioner": "dimension",
    "category": "category",
    "categories": "category",
    "kategori": "category",
    "kategorier": "category",
    "statement": "statement",
    "statements": "statement",
    "påstående": "statement",
    "påståenden": "statement",
    "all": "all",
    "alla": "all",
    # the areas of :func:`mognad_core.where_to_start` (parts that hold statements)
    "area": "area",
    "areas": "area",
    "område": "area",
    "områden": "area",
}


def check_level(
    level: Any, allowed: tuple[str, ...] = PART_LEVELS, default: str | None = None
) -> str:
    """The level of detail ``level`` names (one of ``allowed``), in any spelling of
    :data:`LEVEL_WORDS` ("Påståenden" is ``"statement"``). A blank ``level`` (None or spaces) is
    ``default`` when one is given. Anything else raises :class:`~mognad_core.errors.MognadError`
    naming the levels allowed."""
    from .errors import MognadError
    from .texts import Message

    text = "" if level is None else str(level).strip()
    if not text and default is not None:
        return default
    value = LEVEL_WORDS.get(normalize_token(text))
    if value is None or value not in allowed:
        raise MognadError(Message("error.level", level=text, allowed=", ".join(allowed)))
    return value


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Scale(_Base):
    """The response scale: answers are numbers from ``min`` to ``max``."""

    min: float = Field(1, description="Lowest answer on the scale.")
    max: float = Field(5, description="Highest answer on the scale.")
    integer: bool = Field(True, description="Answers must be whole steps.")
    labels: dict[int, str] = Field(default_factory=dict, description="Swedish label per step.")
    labels_en: dict[int, str] = Field(default_factory=dict, description="English label per step.")
    dont_know: list[str] = Field(
        default_factory=lambda: list(DEFAULT_DONT_KNOW),
        description="Answers that mean don't know (case-insensitive).",
    )
    answer_labels: dict[str, float | str | None] = Field(
        default_factory=dict,
        description="More wordings of answers (case and spacing ignored): wording -> a number on "
        "the scale, a don't-know token such as 'vet ej', or null for no answer (blank).",
    )

    @model_validator(mode="after")
    def _check(self) -> Scale:
        if not self.max > self.min:
            raise ValueError(f"scale.max ({self.max}) must be greater than scale.min ({self.min})")
        for name in ("labels", "labels_en"):
            for step in getattr(self, name):
                if not self.min <= step <= self.max:
                    raise ValueError(
                        f"scale.{name} has a label for {step}, outside {self.min}-{self.max}"
                    )
        if not self.dont_know:
            raise ValueError("scale.dont_know needs at least one token (for example 'vet ej')")
        meaning: dict[str, tuple[str, object]] = {}
        entries = [(f"labels[{k}]", v, k) for k, v in self.labels.items()]
        entries += [(f"labels_en[{k}]", v, k) for k, v in self.labels_en.items()]
        for wording, value in self.answer_labels.items():
            where = f"answer_labels[{wording!r}]"
            entries.append((where, wording, self.answer_value(value, where)))
        for where, wording, value in entries:
            key = normalize_token(wording).rstrip(" .!:;")
            if not key:
                raise ValueError(f"scale.{where} is empty")
            if self.never_read_as(wording, value):
                raise ValueError(
                    f"scale.{where} gives the number {wording!r} another meaning, but a cell "
                    "holding a number is always read as that number; give a wording in words"
                )
            first = meaning.setdefault(key, (where, value))
            if first[1] != value:
                raise ValueError(
                    f"scale.{where} gives {wording!r} another meaning than scale.{first[0]}; "
                    "a wording can mean one answer only"
                )
        return self

    def answer_value(self, value: object, where: str = "answer") -> float | str | None:
        """An answer label's meaning: a number on the scale, ``"dont_know"`` or None (blank);
        a ValueError names ``where`` otherwise."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, str):
            if normalize_token(value) in self.dont_know_normalized:
                return "dont_know"
            try:
                value = float(value.strip().replace(",", "."))
            except ValueError:
                lo, hi = plain_number(self.min), plain_number(self.max)
                raise ValueError(
                    f"{where} is {value!r}: expected a number from {lo} to {hi}, a don't-know "
                    f"token ({self.dont_know[0]!r}) or nothing (blank)"
                ) from None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{where} is {value!r}: expected a number or {self.dont_know[0]!r}")
        number = float(value)
        whole = number.is_integer() or not self.integer
        if not (self.min <= number <= self.max and whole):
            kind = "a whole number" if self.integer else "a number"
            lo, hi = plain_number(self.min), plain_number(self.max)
            raise ValueError(
                f"{where} is {plain_number(number)}: expected {kind} from {lo} to {hi} or "
                f"{self.dont_know[0]!r}"
            )
        return number

    @property
    def dont_know_normalized(self) -> frozenset[str]:
        return frozenset(normalize_token(t) for t in self.dont_know)

    @property
    def dont_know_numbers(self) -> list[float]:
        """The don't-know tokens that are numbers (``9``): a cell holding one is don't know."""
        out = []
        for token in self.dont_know:
            try:
                out.append(float(str(token).replace(",", ".")))
            except ValueError:
                continue
        return out

    def never_read_as(self, wording: Any, meaning: Any) -> bool:
        """Whether ``wording`` is a number that a cell holding it is read as, and ``meaning`` (a
        number, ``"dont_know"`` or None) is another, so that the wording could never be used.
        False for a wording in words, one that means its own number, and a don't-know token
        meaning don't know."""
        number = parse_number(str(wording))
        if number is None or number != number or number == meaning:
            return False
        token = normalize_token(str(wording)) in self.dont_know_normalized
        return not (meaning == "dont_know" and (token or number in self.dont_know_numbers))

    def describe_expected(self) -> str:
        kind = "a whole number" if self.integer else "a number"
        tokens = ", ".join(f'"{t}"' for t in self.dont_know[:2])
        lo, hi = plain_number(self.min), plain_number(self.max)
        return f"{kind} from {lo} to {hi}, {tokens} or a blank cell"


def parse_number(text: str) -> float | None:
    """A number written as text: ``"4"``, ``" 4 "``, ``"4,0"`` (a decimal comma); else None."""
    if SEVERAL_ANSWERS.search(text.strip()):  # "2, 3": two answers, not 2.3
        return None
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    if t.count(",") == 1 and "." not in t:
        t = t.replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


def plain_number(x: float) -> str:
    """A scale number as people write it: ``5`` for 5.0, ``2.5`` for 2.5."""
    return str(int(x)) if float(x).is_integer() else str(x)


class ChecklistOption(_Base):
    """One option of a checklist statement (``kind: checklist``)."""

    id: str = Field(pattern=_ID)
    text: str = Field(min_length=1, description="Swedish option text.")
    text_en: str | None = None
    aliases: list[str] = Field(default_factory=list, description="Other wordings meaning it.")

    def label(self, lang: str = "sv") -> str:
        return in_language(self.text, self.text_en, lang)


class Statement(_Base):
    """One rated statement (a survey question).

    ``kind: checklist`` makes it a checklist question: the respondent chooses any number of its
    ``options`` and the answer's value on the scale is ``min + (max - min) * chosen / options``,
    so its score is the share of the options chosen (see ``docs/model-format.md``).
    """

    id: str = Field(pattern=_ID)
    text: str = Field(min_length=1, description="Swedish statement text.")
    text_en: str | None = None
    short: str | None = Field(
        None,
        max_length=40,
        description="A short name for charts and labels (Kostnadskontroll); the text when absent.",
    )
    short_en: str | None = Field(None, max_length=40)
    dimension: str | None = Field(None, description="Id of the dimension or category it is in.")
    weight: float = Field(1.0, gt=0)
    reverse: bool = Field(False, description="Scored as min + max - answer.")
    aliases: list[str] = Field(default_factory=list, description="Other headers meaning it.")
    kind: Literal["scale", "checklist"] = Field(
        "scale", description="scale: an answer on the scale; checklist: options chosen."
    )
    options: list[ChecklistOption] = Field(
        default_factory=list, description="A checklist's options (kind: checklist)."
    )
    meta: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check_kind(self) -> Statement:
        if self.kind == "scale" and self.options:
            raise ValueError(f"statement {self.id!r} has options: add kind: checklist")
        if self.kind == "checklist":
            if not self.options:
                raise ValueError(f"checklist statement {self.id!r} needs at least one option")
            if self.reverse:
                raise ValueError(f"checklist statement {self.id!r} cannot be reverse")
            ids = [o.id for o in self.options]
            if len(set(ids)) != len(ids):
                raise ValueError(f"checklist statement {self.id!r}: each option needs its own id")
            seen: dict[str, str] = {}
            for o in self.options:
                for word in (o.id, o.text, o.text_en, *o.aliases):
                    if word is None:
                        continue
                    key = normalize_token(word)
                    if seen.setdefault(key, o.id) != o.id:
                        raise ValueError(
                            f"checklist statement {self.id!r}: {word!r} names two options "
                            f"({seen[key]!r} and {o.id!r}); an option's words must be its own"
                        )
        return self

    @property
    def is_checklist(self) -> bool:
        return self.kind == "checklist"

    def label(self, lang: str = "sv") -> str:
        return in_language(self.text, self.text_en, lang)

    def short_label(self, lang: str = "sv") -> str:
        """The short name in ``lang`` (``short`` / ``short_en``); the full text when the model
        gives none, so a label is never an id and never cut."""
        if self.short:
            return in_language(self.short, self.short_en, lang)
        return self.label(lang)


class LevelText(_Base):
    """What a maturity level means for one dimension, and what the next level asks for."""

    description: str | None = None
    description_en: str | None = None
    next_step: str | None = None
    next_step_en: str | None = None


class Dimension(_Base):
    """A dimension, or a category nested in one; holds statements and/or categories."""

    id: str = Field(pattern=_ID)
    label: str = Field(min_length=1)
    label_en: str | None = None
    description: str | None = None
    description_en: str | None = None
    weight: float = Field(1.0, gt=0)
    parent: str | None = None
    categories: list[Dimension] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    level_texts: dict[str, LevelText] = Field(default_factory=dict)
    meta: dict[str, Any] = Field(default_factory=dict)

    def name(self, lang: str = "sv") -> str:
        return in_language(self.label, self.label_en, lang)


class Level(_Base):
    """A maturity level; a score gets the highest level whose ``lower_bound`` <= score."""

    name: str = Field(min_length=1)
    name_en: str | None = None
    lower_bound: float = Field(ge=0, le=1)
    description: str | None = None
    description_en: str | None = None

    def label(self, lang: str = "sv") -> str:
        """The level's name in ``lang`` (through :func:`level_label`)."""
        return level_label(self.name, self.name_en, lang)


class Benchmark(_Base):
    """A reference figure (e.g. the national average) on the 0-1 scale."""

    name: str = Field(pattern=_ID)
    label: str | None = None
    label_en: str | None = None
    year: int | None = None
    overall: float | None = Field(None, ge=0, le=1)
    dimensions: dict[str, float] = Field(default_factory=dict)
    source: str | None = None
    source_en: str | None = None

    @field_validator("dimensions")
    @classmethod
    def _in_range(cls, value: dict[str, float]) -> dict[str, float]:
        for key, v in value.items():
            if not 0 <= v <= 1:
                raise ValueError(f"benchmark value for {key!r} is {v}; use the 0-1 scale")
        return value


class MaturityModel(_Base):
    """A complete maturity model."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")
    version: str = "1.0"
    title: str = Field(min_length=1)
    title_en: str | None = None
    description: str | None = None
    description_en: str | None = None
    scale: Scale = Field(default_factory=Scale)
    aggregation: Literal["children", "statements"] = "children"
    dimensions: list[Dimension] = Field(min_length=1)
    levels: list[Level] = Field(default_factory=list)
    benchmarks: list[Benchmark] = Field(default_factory=list)
    meta: dict[str, Any] = Field(default_factory=dict)

    _dims: dict[str, Dimension] = PrivateAttr(default_factory=dict)
    _stmts: dict[str, Statement] = PrivateAttr(default_factory=dict)
    _depth: dict[str, int] = PrivateAttr(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _flat_to_nested(cls, data: Any) -> Any:
        """Accept the flat form: dimensions with ``parent`` and a top-level ``statements`` list."""
        if not isinstance(data, dict) or "statements" not in data:
            return data
        data = dict(data)
        flat_statements = data.pop("statements") or []
        dims = [dict(d) if isinstance(d, dict) else d for d in data.get("dimensions") or []]
        by_id = {d.get("id"): d for d in dims if isinstance(d, dict)}
        for d in by_id.values():
            d["categories"] = list(d.get("categories") or [])
            d["statements"] = list(d.get("statements") or [])
        for s in flat_statements:
            target = by_id.get(s.get("dimension")) if isinstance(s, dict) else None
            if target is None:
                raise ValueError(
                    f"statement {s.get('id') if isinstance(s, dict) else s!r} names dimension "
                    f"{s.get('dimension') if isinstance(s, dict) else None!r}, which is not defined"
                )
            target["statements"].append(s)
        top = []
        for d in dims:
            parent = d.get("parent") if isinstance(d, dict) else None
            if parent is None:
                top.append(d)
            elif parent in by_id:
                by_id[parent]["categories"].append(d)
            else:
                raise ValueError(f"dimension {d.get('id')!r} names parent {parent!r}, not defined")
        data["dimensions"] = top
        return data

    @model_validator(mode="after")
    def _index(self) -> MaturityModel:
        dims: dict[str, Dimension] = {}
        stmts: dict[str, Statement] = {}
        depth: dict[str, int] = {}

        def walk(node: Dimension, parent: str | None, level: int) -> None:
            if node.id in dims or node.id in stmts:
                raise ValueError(f"id {node.id!r} is used twice; ids must be unique")
            node.parent = parent
            dims[node.id] = node
            depth[node.id] = level
            if not node.statements and not node.categories:
                raise ValueError(f"dimension {node.id!r} has no statements and no categories")
            for s in node.statements:
                if s.id in stmts or s.id in dims:
                    raise ValueError(f"id {s.id!r} is used twice; ids must be unique")
                s.dimension = node.id
                stmts[s.id] = s
            for child in node.categories:
                walk(child, node.id, level + 1)

        for d in self.dimensions:
            walk(d, None, 0)
        names = [lv.name for lv in self.levels]
        if len(set(names)) != len(names):
            raise ValueError("levels: each level needs a unique name")
        self.levels.sort(key=lambda lv: lv.lower_bound)
        for b in self.benchmarks:
            unknown = sorted(set(b.dimensions) - set(dims))
            if unknown:
                raise ValueError(f"benchmark {b.name!r} names unknown dimension(s) {unknown}")
        bnames = [b.name for b in self.benchmarks]
        if len(set(bnames)) != len(bnames):
            raise ValueError("benchmarks: each benchmark needs a unique name")
        for d in dims.values():
            unknown = sorted(set(d.level_texts) - set(names))
            if unknown:
                raise ValueError(f"dimension {d.id!r}: level_texts name unknown level(s) {unknown}")
        self._dims, self._stmts, self._depth = dims, stmts, depth
        return self

    # ---- navigation -------------------------------------------------------------------------
    @property
    def statements(self) -> list[Statement]:
        """All statements in model order."""
        return list(self._stmts.values())

    @property
    def statement_ids(self) -> list[str]:
        return list(self._stmts)

    def all_dimensions(self) -> list[Dimension]:
        """Every dimension and category, parents before their children (model order)."""
        return list(self._dims.values())

    def depth(self, dimension_id: str) -> int:
        return self._depth[dimension_id]

    def statement(self, statement_id: str) -> Statement:
        return self._stmts[statement_id]

    def dimension(self, dimension_id: str) -> Dimension:
        return self._dims[dimension_id]

    def has_part(self, part_id: str) -> bool:
        return part_id in self._dims or part_id in self._stmts

    def find_part(self, text: str, *, statements: bool = True) -> str | None:
        """The id of the dimension or category ``text`` names, or (with ``statements``) the
        statement: its id as it is, else its id or label (dimensions: ``label``, ``label_en``;
        statements: ``text``, ``text_en``, ``aliases``) with case and spacing ignored.
        Dimensions and categories are tried before statements; None when nothing matches."""
        text = str(text).strip()
        if text in self._dims or (statements and text in self._stmts):
            return text
        key = normalize_token(text)
        for d in self._dims.values():
            if key in {normalize_token(x) for x in (d.id, d.label, d.label_en) if x}:
                return d.id
        if statements:
            for s in self._stmts.values():
                names = (s.id, s.text, s.text_en, *s.aliases)
                if key in {normalize_token(x) for x in names if x}:
                    return s.id
        return None

    def statements_under(self, dimension_id: str) -> list[Statement]:
        """Statements in a dimension and all its categories, in model order."""
        out: list[Statement] = []

        def walk(node: Dimension) -> None:
            out.extend(node.statements)
            for c in node.categories:
                walk(c)

        walk(self._dims[dimension_id])
        return out

    def iter_tree(self) -> Iterator[tuple[int, Dimension]]:
        for d in self._dims.values():
            yield self._depth[d.id], d

    def level_for(self, score: float | None) -> Level | None:
        """The highest level whose lower bound is at most ``score`` (None without levels)."""
        if score is None or score != score or not self.levels:
            return None
        found = None
        for lv in self.levels:  # sorted ascending
            if lv.lower_bound <= score + 1e-12:
                found = lv
        return found

    def level_named(self, text: Any) -> Level | None:
        """The level ``text`` names: its name (its id) or its English name, with case and
        spacing ignored; None for no level (or ``None``). The one lookup of a level by name."""
        if text is None:
            return None
        key = normalize_token(str(text))
        for lv in self.levels:
            if key in (normalize_token(lv.name), normalize_token(lv.name_en or lv.name)):
                return lv
        return None

    def benchmark(self, name: str) -> Benchmark:
        for b in self.benchmarks:
            if b.name == name:
                return b
        known = ", ".join(b.name for b in self.benchmarks) or "none"
        raise KeyError(f"model {self.name!r} has no benchmark {name!r} (it has: {known})")

    def default_benchmark(self) -> Benchmark | None:
        """What results are compared with when nobody names a target: the benchmark
        ``meta.default_benchmark`` names, else the first benchmark that is not itself a target
        (``meta.target_benchmarks``), else None. The one rule for gap, the report and plugins."""
        name = self.meta.get("default_benchmark")
        for b in self.benchmarks:
            if name and b.name == name:
                return b
        targets = self.meta.get("target_benchmarks") or []
        targets = {str(t) for t in targets} if isinstance(targets, list) else set()
        return next((b for b in self.benchmarks if b.name not in targets), None)

    def display_title(self, lang: str = "sv") -> str:
        return in_language(self.title, self.title_en, lang)


Dimension.model_rebuild()
