"""The analysis layer: what users do after measuring (see ``docs/analysis.md``).

Each function returns a pydantic result with ``.frame()`` for DataFrames and ``.to_json()``.
"""

from ._common import check_count, check_level
from .compare import CompareResult, CompareRow, compare, compare_waves
from .gap import GapResult, GapRow, gap
from .groups import Disagreement, GroupInfo, GroupResult, GroupRow, groups
from .portfolio import AxisBalance, Coverage, Initiative, PortfolioResult, portfolio
from .priorities import DEFAULT_RULE, Priority, PriorityResult, priorities
from .reliability import (
    DimensionReliability,
    ReliabilityResult,
    StatementReliability,
    cronbach_alpha,
    reliability,
)
from .start import RULE as START_RULE
from .start import StartArea, StartResult, StartStatement, where_to_start

__all__ = [
    "DEFAULT_RULE",
    "START_RULE",
    "AxisBalance",
    "CompareResult",
    "CompareRow",
    "Coverage",
    "DimensionReliability",
    "Disagreement",
    "GapResult",
    "GapRow",
    "GroupInfo",
    "GroupResult",
    "GroupRow",
    "Initiative",
    "PortfolioResult",
    "Priority",
    "PriorityResult",
    "ReliabilityResult",
    "StartArea",
    "StartResult",
    "StartStatement",
    "StatementReliability",
    "check_count",
    "check_level",
    "compare",
    "compare_waves",
    "cronbach_alpha",
    "gap",
    "groups",
    "portfolio",
    "priorities",
    "reliability",
    "where_to_start",
]
