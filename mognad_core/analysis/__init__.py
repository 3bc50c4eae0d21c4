"""The analysis layer: what users do after measuring (see ``docs/analysis.md``).

Each function returns a pydantic result with ``.frame()`` for DataFrames and ``.to_json()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import import_on_first_use

#: Where each name lives, imported on first use (mognad_core.lazy): ``mognad score`` and the
#: plugins' insights use a few analyses, and compare and reliability need scipy.
_PUBLIC = {
    "check_count": "._common",
    "check_level": "._common",
    "CompareResult": ".compare",
    "CompareRow": ".compare",
    "compare": ".compare",
    "compare_waves": ".compare",
    "GapResult": ".gap",
    "GapRow": ".gap",
    "gap": ".gap",
    "Disagreement": ".groups",
    "GroupInfo": ".groups",
    "GroupResult": ".groups",
    "GroupRow": ".groups",
    "groups": ".groups",
    "AxisBalance": ".portfolio",
    "Coverage": ".portfolio",
    "Initiative": ".portfolio",
    "PortfolioResult": ".portfolio",
    "portfolio": ".portfolio",
    "DEFAULT_RULE": ".priorities",
    "START_RULE": ".start:RULE",
    "Priority": ".priorities",
    "PriorityResult": ".priorities",
    "priorities": ".priorities",
    "DimensionReliability": ".reliability",
    "ReliabilityResult": ".reliability",
    "StatementReliability": ".reliability",
    "cronbach_alpha": ".reliability",
    "reliability": ".reliability",
    "StartArea": ".start",
    "StartResult": ".start",
    "StartStatement": ".start",
    "where_to_start": ".start",
}

import_on_first_use(__name__, _PUBLIC)

if TYPE_CHECKING:
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
