"""``mognad dimios ...``: the DiMiOS commands added through the ``register_commands`` hook.

Light to import (every ``mognad`` command, ``--help`` too, registers them): what the command
needs is imported when it runs.
"""

from __future__ import annotations

from typing import Any

import click

from mognad_core.cli.options import (
    emit,
    format_option,
    lang_option,
    mapping_option,
    min_size_option,
    model_option,
    sheet_option,
    where_option,
)


def __getattr__(name: str) -> Any:
    """``ClassifyOutput`` and ``render`` as before, from :mod:`.classify_output`."""
    if name in ("ClassifyOutput", "render"):
        from . import classify_output

        return getattr(classify_output, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def register(cli: click.Group) -> None:
    """Add the ``dimios`` command group to the mognad CLI."""

    @click.group(name="dimios")
    def dimios() -> None:
        """DiMiOS: the 2×2 classification (Digital förmåga × Digitalt arv)."""

    @dimios.command("classify")
    @click.argument("file", type=click.Path(dir_okay=False))
    @click.option(
        "--groups",
        "-g",
        "groups",
        multiple=True,
        help="Also classify each group of this column (e.g. förvaltning, roll); repeatable.",
    )
    @min_size_option
    @where_option
    @model_option
    @sheet_option
    @mapping_option
    @lang_option
    @format_option
    def classify_cmd(
        file: str,
        groups: tuple[str, ...],
        min_size: int | None,
        where: tuple[str, ...],
        model: str,
        sheet: str | None,
        mapping: str | None,
        lang: str,
        fmt: str,
    ) -> None:
        """Place a response file, and optionally each group, in the DiMiOS 2×2.

        Published under the anonymity policy (--min-size): groups `mognad groups` hides are
        hidden here too, and a set too small to publish is refused.
        """
        from mognad_core import ResponseSet, disclosure, score_responses
        from mognad_core.plugins import load_model

        from . import classification
        from .classify_output import ClassifyOutput, render

        pol = disclosure.policy(min_size, lang)
        m = load_model(model)
        classification.quadrants(m)  # a model without a 2×2 fails here, before reading
        rs = ResponseSet.from_any(file, m, sheet=sheet, mapping=mapping).where(*where)
        pooled = rs.pooled_waves()
        result = score_responses(rs, insights=False, context={"lang": lang}, min_size=pol)
        grouped = [classification.classify_groups(rs, by, pol, model=m, lang=lang) for by in groups]
        out = ClassifyOutput(
            model=m.name,
            source=rs.source,
            where=list(where),
            n_respondents=rs.n,
            overall=result.overall,
            min_size=pol.min_size,
            organisation=classification.classify(result, m, lang),
            groups={g.by: g for g in grouped},
            pooled={pooled.column: list(pooled.labels)} if pooled else None,
        )
        notes = [*result.notes, *(n for g in grouped for n in g.notes)]
        disclosure.finish(out, pol, lang, notes)
        emit(out, fmt, lambda: render(out, m, lang), pol, lang)

    cli.add_command(dimios)
