"""Score results: pydantic objects at the boundary, DataFrames on request."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
from pydantic import BaseModel, Field

from . import schema
from .disclosure import Disclosure


class StatementScore(BaseModel):
    """Scores for one statement. ``score`` is on the 0-1 scale; ``mean`` on the answer scale."""

    id: str
    text: str
    text_en: str | None = None
    dimension: str
    score: float | None = None
    mean: float | None = None
    sd: float | None = None
    ci_low: float | None = Field(None, description="95 % confidence interval of score, low end")
    ci_high: float | None = Field(None, description="95 % confidence interval of score, high end")
    n: int | None = Field(0, description="valid answers (None: hidden, fewer than min_size)")
    dont_know: int | None = 0
    missing: int | None = 0
    dont_know_share: float | None = Field(None, description="dont_know / (n + dont_know)")
    reverse: bool = False
    weight: float = 1.0
    hidden: bool = Field(False, description="not shown (anonymity): every figure is None")


class DimensionScore(BaseModel):
    """Scores for a dimension or a category (``parent`` set, ``depth`` > 0)."""

    id: str
    label: str
    label_en: str | None = None
    parent: str | None = None
    depth: int = 0
    score: float | None = None
    n: int = Field(0, description="respondents with at least one valid answer in it")
    answers: int = Field(0, description="valid answers to its statements")
    dont_know: int = 0
    dont_know_share: float | None = None
    level: str | None = Field(None, description="the maturity level's name (its id, in Swedish)")
    level_en: str | None = Field(
        None, description="the level's English name, when the model has one"
    )
    weight: float = 1.0
    statements: list[str] = Field(default_factory=list, description="statement ids below it")

    def level_label(self, lang: str = "sv") -> str | None:
        """The level's name in ``lang`` (``level_en`` in English when the model has one)."""
        return schema.level_label(self.level, self.level_en, lang)


class ModelInsight(BaseModel):
    """A model-specific finding from a plugin (e.g. the DiMiOS 2x2 category)."""

    key: str
    title: str
    text: str = ""
    data: dict[str, Any] = Field(default_factory=dict)
    rows: list[dict[str, Any]] = Field(default_factory=list)


class ScoreResult(BaseModel):
    """The result of :func:`mognad_core.score`."""

    model: str
    model_version: str
    title: str
    title_en: str | None = None
    n_respondents: int
    overall: float | None = None
    level: str | None = Field(None, description="the maturity level's name (its id, in Swedish)")
    level_en: str | None = Field(
        None, description="the level's English name, when the model has one"
    )
    dimensions: dict[str, DimensionScore]
    statements: dict[str, StatementScore]
    insights: list[ModelInsight] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    source: str | None = None
    disclosure: Disclosure | None = Field(None, description="what the anonymity policy did")

    def dimensions_frame(self, top_level_only: bool = False) -> pd.DataFrame:
        """One row per dimension/category, indexed by id."""
        rows = [d.model_dump() for d in self.dimensions.values()]
        frame = pd.DataFrame(rows).set_index("id") if rows else pd.DataFrame()
        if top_level_only and not frame.empty:
            frame = frame[frame["depth"] == 0]
        return frame

    def statements_frame(self) -> pd.DataFrame:
        """One row per statement, indexed by id."""
        rows = [s.model_dump() for s in self.statements.values()]
        return pd.DataFrame(rows).set_index("id") if rows else pd.DataFrame()

    def to_frames(self) -> dict[str, pd.DataFrame]:
        return {"dimensions": self.dimensions_frame(), "statements": self.statements_frame()}

    def level_label(self, lang: str = "sv") -> str | None:
        """The overall level's name in ``lang`` (``level_en`` in English when the model has
        one); ``level`` and ``level_en`` stay as data, as in the JSON."""
        return schema.level_label(self.level, self.level_en, lang)

    def insight(self, key: str) -> ModelInsight | None:
        return next((i for i in self.insights if i.key == key), None)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=indent)
