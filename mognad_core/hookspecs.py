"""Hook specifications: what a mognad plugin can provide.

A plugin is a module (or object) with functions decorated by ``@hookimpl`` and named after the
hooks below. It is found through the ``mognad`` entry-point group::

    [project.entry-points.mognad]
    my_model = "my_package.plugin"

Every hook is documented here and in ``docs/plugin-hooks.md`` (a test checks both).
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


@hookspec
def register_models(register: Callable[[MaturityModel], None]) -> None:
    """Register maturity models.

    Call ``register(model)`` once for each :class:`~mognad_core.schema.MaturityModel` the plugin
    provides. Model names must be unique across all installed plugins; a duplicate raises
    :class:`~mognad_core.errors.PluginError` naming both plugins.
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

    Call ``register(model="dimios", path=Path(...), description="...")`` for each sample file. The
    ``mognad demo`` command, the docs and the tests use these files.
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
    dimension scores), or ``None`` to leave the default. Only answer for your own model: check
    ``model.name`` first. The first non-None answer is used.
    """


@hookspec
def model_insights(
    model: MaturityModel, result: ScoreResult, context: dict[str, Any]
) -> list[ModelInsight] | None:
    """Model-specific findings to show with a score.

    Return a list of :class:`~mognad_core.results.ModelInsight` (for example DiMiOS's 2x2
    category, or the Digital Maturity Matrix's next steps per engine), or ``None`` when
    ``model`` is not yours. ``context`` carries options from the caller, such as ``target``
    (a number, a per-dimension mapping, or a benchmark name) and ``lang`` ("sv" or "en").
    """
