"""mognad: digital-maturity surveys to scores, gaps and priorities.

Public API (everything else is internal)::

    import mognad_core as mognad
    result = mognad.score("svar.xlsx", model="dimios")
    result.overall, result.dimensions_frame()
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy import import_on_first_use

#: Where each public name lives. The package imports none of them until one is asked for
#: (PEP 562), so that ``mognad --help`` and the Excel functions start without pandas, scipy
#: or pydantic; ``from mognad_core import score`` works as before.
_PUBLIC = {
    "CompareResult": ".analysis",
    "GapResult": ".analysis",
    "GroupResult": ".analysis",
    "PortfolioResult": ".analysis",
    "PriorityResult": ".analysis",
    "ReliabilityResult": ".analysis",
    "StartResult": ".analysis",
    "compare": ".analysis",
    "compare_waves": ".analysis",
    "cronbach_alpha": ".analysis",
    "gap": ".analysis",
    "groups": ".analysis",
    "portfolio": ".analysis",
    "priorities": ".analysis",
    "reliability": ".analysis",
    "where_to_start": ".analysis",
    "InputError": ".errors",
    "Location": ".errors",
    "ModelError": ".errors",
    "MognadError": ".errors",
    "PluginError": ".errors",
    "hookimpl": ".hookspecs",
    "MappingSuggestion": ".mappings",
    "suggest_mapping": ".mappings",
    "dump_model": ".model_files",
    "load_model_file": ".model_files",
    "model_from_dict": ".model_files",
    "ModelInfo": ".plugins",
    "PluginFailure": ".plugins",
    "get_model": ".plugins",
    "get_plugin_manager": ".plugins",
    "get_samples": ".plugins",
    "list_models": ".plugins",
    "list_plugins": ".plugins",
    "load_model": ".plugins",
    "plugin_failures": ".plugins",
    "reset_plugins": ".plugins",
    "resolve_model": ".plugins",
    "RawTable": ".readers",
    "ResponseReader": ".readers",
    "read_table": ".readers",
    "build_report": ".report",
    "WAVE_COLUMNS": ".responses",
    "ResponseSet": ".responses",
    "Waves": ".responses",
    "load_mapping": ".responses",
    "prepare": ".responses",
    "read_responses": ".responses",
    "use_reading_rules": ".responses",
    "DimensionScore": ".results",
    "ModelInsight": ".results",
    "ScoreResult": ".results",
    "StatementScore": ".results",
    "make_responses": ".sample_data",
    "Benchmark": ".schema",
    "Dimension": ".schema",
    "Level": ".schema",
    "LevelText": ".schema",
    "MaturityModel": ".schema",
    "Scale": ".schema",
    "Statement": ".schema",
    "score": ".scoring",
    "score_responses": ".scoring",
}

__version__ = "0.2.0"

__all__ = [
    "WAVE_COLUMNS",
    "Benchmark",
    "CompareResult",
    "Dimension",
    "DimensionScore",
    "GapResult",
    "GroupResult",
    "InputError",
    "Level",
    "LevelText",
    "Location",
    "MappingSuggestion",
    "MaturityModel",
    "ModelError",
    "ModelInfo",
    "ModelInsight",
    "MognadError",
    "PluginError",
    "PluginFailure",
    "PortfolioResult",
    "PriorityResult",
    "RawTable",
    "ReliabilityResult",
    "ResponseReader",
    "ResponseSet",
    "Scale",
    "ScoreResult",
    "StartResult",
    "Statement",
    "StatementScore",
    "Waves",
    "__version__",
    "build_report",
    "compare",
    "compare_waves",
    "cronbach_alpha",
    "dump_model",
    "gap",
    "get_model",
    "get_plugin_manager",
    "get_samples",
    "groups",
    "hookimpl",
    "list_models",
    "list_plugins",
    "load_mapping",
    "load_model",
    "load_model_file",
    "make_responses",
    "model_from_dict",
    "plugin_failures",
    "portfolio",
    "prepare",
    "priorities",
    "read_responses",
    "read_table",
    "reliability",
    "reset_plugins",
    "resolve_model",
    "score",
    "score_responses",
    "suggest_mapping",
    "use_reading_rules",
    "where_to_start",
]


import_on_first_use(__name__, _PUBLIC)

if TYPE_CHECKING:  # for type checkers and editors: the names as plain imports
    from .analysis import (
        CompareResult,
        GapResult,
        GroupResult,
        PortfolioResult,
        PriorityResult,
        ReliabilityResult,
        StartResult,
        compare,
        compare_waves,
        cronbach_alpha,
        gap,
        groups,
        portfolio,
        priorities,
        reliability,
        where_to_start,
    )
    from .errors import InputError, Location, ModelError, MognadError, PluginError
    from .hookspecs import hookimpl
    from .mappings import MappingSuggestion, suggest_mapping
    from .model_files import dump_model, load_model_file, model_from_dict
    from .plugins import (
        ModelInfo,
        PluginFailure,
        get_model,
        get_plugin_manager,
        get_samples,
        list_models,
        list_plugins,
        load_model,
        plugin_failures,
        reset_plugins,
        resolve_model,
    )
    from .readers import RawTable, ResponseReader, read_table
    from .report import build_report
    from .responses import (
        WAVE_COLUMNS,
        ResponseSet,
        Waves,
        load_mapping,
        prepare,
        read_responses,
        use_reading_rules,
    )
    from .results import DimensionScore, ModelInsight, ScoreResult, StatementScore
    from .sample_data import make_responses
    from .schema import Benchmark, Dimension, Level, LevelText, MaturityModel, Scale, Statement
    from .scoring import score, score_responses
