"""mognad: digital-maturity surveys to scores, gaps and priorities.

Public API (everything else is internal)::

    import mognad_core as mognad
    result = mognad.score("svar.xlsx", model="dimios")
    result.overall, result.dimensions_frame()
"""

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

__version__ = "0.1.0"

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
