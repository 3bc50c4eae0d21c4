"""Reports for a leadership group: an Excel workbook with native charts and a slide deck.

::

    import mognad_core as mognad
    mognad.build_report("svar.xlsx", model="dimios", out="rapport/", groups="förvaltning",
                        compare="år")

``out`` is a ``.xlsx`` file, a ``.pptx`` file, or a folder (both files, named after the response
file). Files are written atomically (a temporary file in the same folder, then ``os.replace``):
an error never leaves a half-written report, and a report is never written over an input file.
See ``docs/reports.md``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import MognadError
from .data import COLLECT_STEPS, Progress, ReportData, Steps, collect

SUFFIXES = (".xlsx", ".pptx")


def output_paths(out: str | Path, stem: str, lang: str = "sv") -> list[Path]:
    """The files a report writes for ``out``: itself for .xlsx/.pptx, else two files in the
    folder ``out`` (``<stem>_rapport.xlsx`` and ``.pptx``; ``_report`` in English)."""
    p = Path(out)
    if p.is_dir():
        base = f"{stem}_{'report' if lang == 'en' else 'rapport'}"
        return [p / f"{base}.xlsx", p / f"{base}.pptx"]
    suffix = p.suffix.lower()
    if suffix in SUFFIXES:
        return [p]
    if p.exists():
        raise MognadError(
            f"{p} exists and is not a folder: give a .xlsx file, a .pptx file or a folder."
        )
    if suffix:
        raise MognadError(
            f"Cannot write a report as {p.name!r}: give a .xlsx file, a .pptx file or a folder "
            "(for both)."
        )
    base = f"{stem}_{'report' if lang == 'en' else 'rapport'}"
    return [p / f"{base}.xlsx", p / f"{base}.pptx"]


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def check_outputs(outputs: list[Path], inputs: list[Path]) -> None:
    """Refuse to write a report over an input file, or into a folder that does not exist."""
    for out in outputs:
        for inp in inputs:
            if _same(out, inp):
                raise MognadError(
                    f"Refusing to write the report to {out}: that is an input file. Choose "
                    "another output name."
                )
        if out.exists() and out.is_dir():
            raise MognadError(f"{out} is a folder; cannot write the report file there.")


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


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(jobs: list[tuple[Path, Callable[[Path], None]]]) -> list[Path]:
    """Run each ``writer(temp_path)``, then move every temporary file into place; on any error
    remove the temporary files and leave the targets untouched."""
    temps: list[tuple[Path, Path]] = []
    try:
        for target, writer in jobs:
            fd, name = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.stem}.", suffix=target.suffix
            )
            os.close(fd)
            tmp = Path(name)
            temps.append((tmp, target))
            writer(tmp)
            os.chmod(tmp, 0o666 & ~_umask())
        for tmp, target in temps:
            try:
                os.replace(tmp, target)
            except PermissionError:
                raise MognadError(
                    f"Cannot write {target}: the file is open in another program or the folder "
                    "is write-protected. Close it and run the command again."
                ) from None
    finally:
        for tmp, _ in temps:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
    return [target for target, _ in jobs]


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
    min_size: int = 5,
    sheet: str | None = None,
    mapping: Any = None,
    where: list[str] | None = None,
    data: ReportData | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the report for ``responses`` (a response file, DataFrame or ResponseSet) and return
    the files written.

    ``out``: a ``.xlsx`` or ``.pptx`` path, or a folder for both. ``groups``: attribute column(s)
    for results per group (small groups are suppressed, see ``mognad_core.groups``); the deck
    gets one slide per visible group. ``compare``: the earlier wave (a response file, DataFrame
    or ResponseSet), or a wave column of ``responses`` (``"år"``, or ``"år=2024,2025"``), in
    which case the report is about the later wave. ``target``: anything ``parse_target``
    accepts. ``lang``: ``"sv"`` (default) or ``"en"``. ``count``: how many places to start are
    suggested. ``where`` only describes a selection already made (shown in the report).
    ``progress(done, total, what)`` is called after each step.
    """
    from ..errors import InputError, Location

    if out is None:
        raise MognadError("build_report needs out=: a .xlsx file, a .pptx file or a folder.")
    if isinstance(responses, (str, Path)) and not Path(responses).is_file():
        raise InputError("the response file does not exist", Location(file=str(responses)))
    from ..responses import ResponseSet

    source = responses.source if isinstance(responses, ResponseSet) else responses
    stem = Path(str(source)).stem if isinstance(source, (str, Path)) else "mognad"
    outputs = output_paths(out, stem, lang)
    inputs = _input_files(responses, compare, target, mapping)
    check_outputs(outputs, inputs)
    new_folder = None  # a report folder that does not exist yet: made only to write into
    for path in outputs:
        if not path.parent.exists():
            if path.parent == Path(out):
                new_folder = path.parent
            else:
                raise MognadError(
                    f"Cannot write {path}: the folder {path.parent} does not exist. Create it "
                    "first or choose another output path."
                )
    wants_excel = any(p.suffix == ".xlsx" for p in outputs)
    wants_deck = any(p.suffix == ".pptx" for p in outputs)
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
        )
    if wants_deck:
        steps.grow(len(data.group_reports))

    jobs: list[tuple[Path, Callable[[Path], None]]] = []
    for path in outputs:
        if path.suffix == ".xlsx":

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
    if new_folder is None:
        return write_atomic(jobs)
    made = _make_folder(new_folder)
    try:
        return write_atomic(jobs)
    except BaseException:
        for folder in made:  # nothing half-made is left behind
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _make_folder(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return the folders made, innermost first."""
    made = []
    p = folder
    while not p.exists():
        made.append(p)
        p = p.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MognadError(f"Cannot create the folder {folder}: {exc.strerror}.") from None
    return made


__all__ = ["ReportData", "build_report", "check_outputs", "collect", "output_paths"]
