"""Hook specifications: what a mognad plugin can provide.

A plugin is a module (or object) with functions decorated by ``@hookimpl`` and named after the
hooks below. It is found through the ``mognad`` entry-point group::

    [project.entry-points.mognad]
    my_model = "my_package.plugin"

Every hook is documented here and in ``docs/plugin-hooks.md`` (a test checks both).

How the core calls hooks (:func:`mognad_core.plugins.call_each`, the one place that does):

* A hook implementation that raises is reported against its plugin and the hook, and skipped;
  the other plugins still answer. A :class:`~mognad_core.errors.MognadError` raised from a hook
  that gets the user's model or data is about that input and reaches the user as an error.
* ``overall_score``, ``rank_priorities``, ``resolve_target`` and ``report_sections``
  (:data:`MODEL_OWNER_HOOKS`) are
  asked only of the plugin that registered the model, never about another plugin's model. A
  model that no plugin registered (a user's own model file) is offered to every plugin; answer
  for it only when it declares what your rule needs (a ``meta`` key of yours, or your model's
  name), else return None.
* ``model_insights`` goes to every plugin, so a plugin can add findings to another plugin's
  model (or to a user's model file) that declares what its insights need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from collections.abc import Callable

    import click

    from .results import ModelInsight, ScoreResult
    from .schema import MaturityModel

hookspec = pluggy.HookspecMarker("mognad")
hookimpl = pluggy.HookimplMarker("mognad")

#: Hooks asked only of the plugin that registered the model they are called for.
MODEL_OWNER_HOOKS = frozenset(
    {"overall_score", "rank_priorities", "resolve_target", "report_sections"}
)


@hookspec
def register_models(register: Callable[[MaturityModel], None]) -> None:
    """Register maturity models.

    Call ``register(model)`` once for each :class:`~mognad_core.schema.MaturityModel` the plugin
    provides. A model name that is already taken (case ignored) keeps its first model:
    built-ins first, then the other plugins by name. The later model is skipped alone and
    reported naming both plugins (:func:`~mognad_core.plugins.plugin_failures`); the
    ``replace_models`` setting (``MOGNAD_REPLACE_MODELS=dimios=acme``) chooses otherwise.
    """


@hookspec
def register_readers(register: Callable[[Any], None]) -> None:
    """Register response-file readers.

    Call ``register(reader)`` with an instance of a
    :class:`~mognad_core.readers.interface.ResponseReader` subclass. A reader declares the file
    suffixes it handles; the last registered reader for a suffix wins, so a plugin can replace a
    built-in reader.
    """


@hookspec
def register_samples(register: Callable[..., None]) -> None:
    """Register bundled sample response files.

    Call ``register(model="dimios", path=Path(...), description="...", description_en="...")``
    for each sample file (the description in Swedish, and in English when the words differ);
    add ``kind="initiatives"`` (or another word) for a file that is not a response table. The
    ``mognad demo`` command scores the first ``kind="responses"`` file of a model (the default
    kind; its latest wave when it has a wave column such as ``år``); the docs and the tests use
    these files.
    """


@hookspec
def register_commands(cli: click.Group) -> None:
    """Add commands to the ``mognad`` command-line interface.

    ``cli`` is the top-level :class:`click.Group`; add commands or groups with
    ``cli.add_command(...)`` or the ``@cli.command()`` decorator.
    """


@hookspec(firstresult=True)
def overall_score(model: MaturityModel, result: ScoreResult) -> float | None:
    """Compute the overall score for ``model`` from a finished result.

    Return a number in [0, 1] to replace the default (the weighted mean of the top-level
    dimension scores), or ``None`` to leave the default. Asked only of the plugin that
    registered ``model`` (a model no plugin registered is offered to every plugin). The first
    non-None answer is used.
    """


@hookspec
def model_insights(
    model: MaturityModel, result: ScoreResult, context: dict[str, Any]
) -> list[ModelInsight] | None:
    """Model-specific findings to show with a score.

    Return a list of :class:`~mognad_core.results.ModelInsight` (for example DiMiOS's 2x2
    category, or the Digital Maturity Matrix's next steps per engine), or ``None`` when your
    insights do not apply to ``model``. Every plugin is asked, whichever plugin registered the
    model, so a plugin can add findings to any model that declares what they need (DiMiOS's
    ``meta.quadrants``); check for that (or ``model.name``). ``context`` carries options from the
    caller, such as ``target`` (a number, a per-dimension mapping, or a benchmark name) and
    ``lang`` ("sv" or "en").
    """


@hookspec(firstresult=True)
def rank_priorities(model: MaturityModel, table: Any, context: dict[str, Any]) -> Any:
    """Rank where to start improving, replacing the default rule of :func:`mognad_core.priorities`.

    ``table`` is a :class:`pandas.DataFrame` with one row per candidate area, indexed by part id,
    in model order, with the columns ``label``, ``kind`` ("statement", "category" or
    "dimension"), ``score`` (0-1), ``dont_know_share`` (0-1 or NaN), ``target`` and ``gap``
    (``score - target``, NaN without a target), ``shortfall`` (``max(0, -gap)``), ``weight``
    (the part's weight relative to the mean weight of the candidates), ``low_score`` and
    ``high_dont_know`` (score below the candidates' median or the model's own
    ``meta["dont_know_priority"]["score_below"]``; vet-ej share at or above its ``min_share``,
    default 0.20), ``low_score_high_dont_know`` (both), ``priority`` and ``reasons`` (the default
    rule's value and explanation, in ``context["lang"]``). Candidates without a score are not in
    the table. ``context`` carries ``target`` (the resolved :class:`~mognad_core.targets.Target`
    or ``None``), ``count``, ``level``, ``lang`` and whatever the caller passed.

    Asked only of the plugin that registered ``model`` (a model no plugin registered is offered
    to every plugin). Return ``None`` to leave the ranking to the default rule. Otherwise return
    either a list of part ids, best
    first, or a DataFrame with (a subset of) the table's rows, best first, optionally with a
    ``priority`` column (number) and a ``reason`` column (one sentence per row). Ids that are not
    in the table are ignored; rows left out are not ranked. Put a one-paragraph description of
    your rule in ``DataFrame.attrs["rule"]`` to have it shown to users. The first non-None answer
    is used.
    """


@hookspec(firstresult=True)
def resolve_target(model: MaturityModel, value: Any, result: ScoreResult | None) -> Any:
    """Resolve a target the core does not know, such as a model's own named target profile.

    ``value`` is what the user gave (``--target`` text, a number, a mapping); ``result`` is the
    score result when there is one. Return a :class:`~mognad_core.targets.Target` (build one
    with ``mognad_core.targets.parse_target(profile_dict, model)`` or ``Target(...)``) to use
    it, or ``None`` to let the core resolve it (numbers, benchmarks, level names, ``next``,
    ``dim=value`` lists, files). Asked only of the plugin that registered ``model`` (a model no
    plugin registered is offered to every plugin). The first non-None answer is used.
    """


@hookspec
def report_sections(model: MaturityModel, data: Any, context: dict[str, Any]) -> list[Any] | None:
    """Sheets and slides of your own for the report (``mognad report``, ``build_report``).

    Return a list of :class:`~mognad_core.report.sections.ReportSection` (a title, text lines
    and/or a table of columns and rows, in ``context["lang"]``), or ``None``. The workbook
    writes each section as a sheet and the deck as one or more slides, with the core's fonts,
    number formats, printing and slide layout. ``data`` is the report's
    :class:`~mognad_core.report.data.ReportData`: build the sections from its published
    figures only (``data.result``, ``data.group_reports``, where a hidden group has no
    figures, ``data.priorities``, ``data.start``). ``context`` carries ``lang``, ``count``,
    ``target`` (the resolved target or ``None``), ``groups`` (the report's group columns) and
    ``disclosure`` (the policy). Asked only of the plugin that registered ``model`` (a model no
    plugin registered is offered to every plugin); every answer's sections are used, in
    plugin order.
    """
