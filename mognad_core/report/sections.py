"""Report sections a model's plugin adds (the ``report_sections`` hook): one sheet each in the
workbook, one or more slides each in the deck.

A section is a title, text lines and/or a table (columns and rows), in the report's language.
The core renders it like its own sheets and slides: the same fonts, number formats (a
``"percent"`` column's figures as ``43,1 %``, rounded as published figures are), printing
(A4, one page wide, type at 8 pt or more) and slide layout (no text cut, long tables continued
on the next slide, the footer with the protection-off notice on every slide). What a section
shows must come from the report's published figures (``data.result``, ``data.group_reports``,
``data.priorities``, ``data.start``): they already follow the anonymity policy, so a hidden
group has no figures there to show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import texts
from ..cells import is_missing

if TYPE_CHECKING:
    from .data import ReportData

#: what a column's ``formats`` entry may say
FORMATS = ("text", "percent", "number")
#: the longest sheet name Excel allows, and the characters it refuses in one
SHEET_NAME_MAX = 31
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


@dataclass
class ReportSection:
    """One part of the report a plugin adds (see ``docs/plugin-hooks.md``, report_sections).

    ``key``: a stable id (``"<plugin>.<name>"``). ``title``: the sheet's heading and the slide
    title. ``sheet``: the sheet's name (at most 31 characters; default the title, shortened).
    ``lines``: sentences shown above the table (and alone on slides when there is no table).
    ``columns`` and ``rows``: the table (each row as many cells as there are columns; a cell is
    text, a number or None for an empty cell). ``formats``: column name -> ``"text"``,
    ``"percent"`` (a 0-1 figure) or ``"number"``. ``widths``: column name -> width in the
    workbook, in characters (on a slide the columns share the width in these proportions).
    ``notes``: sentences under the table and in the speaker notes. ``slide_per``: a column
    whose values each get slides of their own in the deck (titled "title – value", the column
    left out of the slide's table; the workbook keeps one table).
    """

    key: str
    title: str
    sheet: str | None = None
    lines: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)
    widths: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    slide_per: str | None = None

    def __post_init__(self) -> None:
        if not str(self.key).strip() or not str(self.title).strip():
            raise ValueError("a report section needs a key and a title")
        self.lines = [str(line) for line in self.lines]
        self.notes = [str(note) for note in self.notes]
        self.columns = [str(c) for c in self.columns]
        self.rows = [list(r) for r in self.rows]
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"section {self.key!r}: row {i + 1} has {len(row)} cells for "
                    f"{len(self.columns)} columns"
                )
        for column, kind in self.formats.items():
            if column not in self.columns or kind not in FORMATS:
                raise ValueError(
                    f"section {self.key!r}: format {kind!r} of column {column!r} "
                    f"(columns: {self.columns}; formats: {', '.join(FORMATS)})"
                )
        if self.slide_per is not None and self.slide_per not in self.columns:
            raise ValueError(f"section {self.key!r}: slide_per {self.slide_per!r} is no column")

    def kind(self, column: str) -> str:
        """The column's format: ``"text"`` unless ``formats`` says otherwise."""
        return self.formats.get(column, "text")


def published(section: ReportSection, data: ReportData) -> ReportSection:
    """The section with its percent figures rounded as the report's published figures are
    (to ``policy.score_digits`` while the protection is on) and NaN as an empty cell."""
    pol = data.policy
    for row in section.rows:
        for j, column in enumerate(section.columns):
            value = row[j]
            if is_missing(value):
                row[j] = None
            elif (
                pol.protected
                and section.kind(column) == "percent"
                and isinstance(value, (int, float))
                and not isinstance(value, bool)
            ):
                row[j] = round(float(value), pol.score_digits)
    return section


def sheet_names(sections: list[ReportSection], taken: list[str]) -> list[str]:
    """A sheet name for each section: its ``sheet`` (or title) without the characters Excel
    refuses, at most 31 characters, and unlike the names in ``taken`` and one another (case
    ignored, as Excel compares them)."""
    used = {name.casefold() for name in taken}
    out = []
    for s in sections:
        base = _BAD_SHEET_CHARS.sub(" ", s.sheet or s.title).strip().strip("'") or s.key
        name = base[:SHEET_NAME_MAX].strip()
        n = 2
        while name.casefold() in used:
            tail = f" ({n})"
            name = base[: SHEET_NAME_MAX - len(tail)].strip() + tail
            n += 1
        used.add(name.casefold())
        out.append(name)
    return out


def collect_sections(data: ReportData, context: dict[str, Any]) -> list[ReportSection]:
    """Ask the model's plugin for its report sections (``report_sections``, through
    :func:`~mognad_core.plugins.call_each`). An answer that is not a list of
    :class:`ReportSection` is left out and the report's notes say so."""
    from ..plugins import call_each

    out: list[ReportSection] = []
    answers = call_each("report_sections", model=data.model, data=data, context=context)
    for answer in answers:
        value = answer.value
        if value is None:
            continue
        items = list(value) if isinstance(value, (list, tuple)) else [value]
        for item in items:
            if isinstance(item, ReportSection):
                out.append(published(item, data))
            else:
                data.notes.append(
                    texts.text(
                        "note.section_left_out",
                        data.lang,
                        plugin=answer.plugin,
                        kind=type(item).__name__,
                    )
                )
    return out


__all__ = ["FORMATS", "ReportSection", "collect_sections", "published", "sheet_names"]
