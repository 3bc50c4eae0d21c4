"""Reports for a leadership group: an Excel workbook with native charts and a slide deck.

::

    import mognad_core as mognad
    mognad.build_report("svar.xlsx", model="dimios", out="rapport/", groups="förvaltning",
                        compare="år")

``out`` is a ``.xlsx`` file, a ``.pptx`` file, or a folder (both files, named after the response
file). The files are written through :mod:`mognad_core.safe_write`: both or neither, never
half-written, never over an input file, and an existing file only with ``force=True``. See
``docs/reports.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import safe_write
from ..errors import MognadError
from ..texts import Message, text
from .data import COLLECT_STEPS, Progress, ReportData, Steps, collect, report_waves
from .sections import ReportSection

SUFFIXES = (".xlsx", ".pptx")


class WrittenReport(list):
    """What :func:`build_report` returns: the files written (a list of paths), and in
    ``data`` what they show (:class:`ReportData`; ``data.waves_note`` says which wave a report
    of several waves is about, for the CLI to tell)."""

    data: ReportData


def output_paths(out: str | Path, stem: str, lang: str = "sv") -> list[Path]:
    """The files a report writes for ``out``: itself for .xlsx/.pptx, else two files in the
    folder ``out`` (``<stem>_rapport.xlsx`` and ``.pptx``; ``_report`` in English)."""
    p = Path(out)
    if p.is_dir():
        base = f"{stem}_{text('report.file', lang)}"
        return [p / f"{base}.xlsx", p / f"{base}.pptx"]
    suffix = safe_write.suffix(p)
    if suffix in SUFFIXES:
        return [p]
    if p.exists():
        raise MognadError(Message("error.report_not_folder", path=p))
    if suffix:
        raise MognadError(Message("error.report_suffix", name=repr(p.name)))
    base = f"{stem}_{text('report.file', lang)}"
    return [p / f"{base}.xlsx", p / f"{base}.pptx"]


def _input_files(*candidates: Any) -> list[Path]:
    from ..responses import ResponseSet

    out = []
    for c in candidates:
        if isinstance(c, ResponseSet):
            c = c.source
        if isinstance(c, (str, Path)) and str(c).strip():
            p = Path(c)
            if p.suffix and p.is_file():
                out.append(p)
    return out


def build_report(
    responses: Any,
    model: Any = None,
    out: str | Path | None = None,
    *,
    groups: str | list[str] | None = None,
    compare: Any = None,
    target: Any = None,
    lang: str = "sv",
    title: str | None = None,
    count: int = 2,
    min_size: Any = None,
    sheet: str | None = None,
    mapping: Any = None,
    where: list[str] | None = None,
    roles: str | bool | None = None,
    invited: Any = None,
    data: ReportData | None = None,
    progress: Progress | None = None,
    force: bool = False,
) -> WrittenReport:
    """Write the report for ``responses`` (a response file, DataFrame or ResponseSet) and return
    the files written (a list of paths, with the :class:`ReportData` they show as ``.data``).

    ``out``: a ``.xlsx`` or ``.pptx`` path, or a folder for both. ``groups``: attribute column(s)
    for results per group (small groups are suppressed, see ``mognad_core.groups``); the deck
    gets one slide per visible group. ``compare``: the earlier wave (a response file, DataFrame
    or ResponseSet), or a wave column of ``responses`` (``"år"``, or ``"år=2024,2025"``), in
    which case the report is about the later wave. Without ``compare``, responses (after
    ``where``) that hold several waves are reported as their latest wave compared with the one
    before, with a note saying so: a report never mixes years. ``target``: anything ``parse_target``
    accepts. ``lang``: ``"sv"`` (default) or ``"en"``. ``count``: how many places to start are
    suggested. ``where``: ``COLUMN=VALUE`` conditions selecting the respondents (and those of
    an earlier wave's file), shown in the report. ``min_size``: the anonymity threshold (default
    from the settings, 5; 1 turns the protection off and the report says so), see
    :mod:`mognad_core.disclosure`. ``roles``: the column of roles shown side by side (default:
    a column called ``roll`` or ``role``; False for none). ``invited``: how many were invited,
    for response rates (a number, or a mapping or file of group, wave or ``totalt`` and count).
    ``progress(done, total, what)`` is called after each step. An existing output file is
    replaced only with ``force=True``; without it nothing is written when either file exists.
    """
    from ..errors import InputError, Location

    if out is None:
        raise MognadError("build_report needs out=: a .xlsx file, a .pptx file or a folder.")
    if isinstance(responses, (str, Path)) and not Path(responses).is_file():
        # before the outputs are checked, in the words read_table uses (ResponseSet.from_any)
        raise InputError(
            Message("error.file_not_found"),
            Location(file=str(responses)),
            Message("error.expected.response_file"),
        )
    from ..responses import ResponseSet

    source = responses.source if isinstance(responses, ResponseSet) else responses
    stem = Path(str(source)).stem if isinstance(source, (str, Path)) else "mognad"
    outputs = output_paths(out, stem, lang)
    inputs = _input_files(responses, compare, target, mapping, invited)
    # a report folder that does not exist yet is made only to write into (removed on failure)
    new_folder = None if len(outputs) == 1 or Path(out).exists() else Path(out)
    safe_write.check_targets(outputs, force=force, inputs=inputs, new_folder=new_folder)
    wants_excel = any(safe_write.has_suffix(p, ".xlsx") for p in outputs)
    wants_deck = any(safe_write.has_suffix(p, ".pptx") for p in outputs)
    steps = Steps(progress, COLLECT_STEPS + int(wants_excel) + int(wants_deck))
    if data is None:
        data = collect(
            responses,
            model,
            groups=groups,
            compare=compare,
            target=target,
            lang=lang,
            title=title,
            count=count,
            min_size=min_size,
            sheet=sheet,
            mapping=mapping,
            where=where,
            steps=steps,
            roles=roles,
            invited=invited,
        )
    if wants_deck:
        steps.grow(len(data.group_reports))

    jobs: list[tuple[Path, Callable[[Path], None]]] = []
    for path in outputs:
        if safe_write.has_suffix(path, ".xlsx"):

            def excel(tmp: Path) -> None:
                from .excel_report import write_excel

                write_excel(data, tmp)
                steps.step("xlsx")

            jobs.append((path, excel))
        else:

            def deck(tmp: Path) -> None:
                from .slides import write_slides

                write_slides(data, tmp, progress=steps.step)
                steps.step("pptx")

            jobs.append((path, deck))
    written = WrittenReport(
        safe_write.write_files(jobs, force=force, inputs=inputs, new_folder=new_folder)
    )
    written.data = data
    return written


__all__ = [
    "ReportData",
    "ReportSection",
    "WrittenReport",
    "build_report",
    "collect",
    "output_paths",
    "report_waves",
]
