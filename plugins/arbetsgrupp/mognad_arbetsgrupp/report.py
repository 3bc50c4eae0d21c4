"""The work-group model's own report sections (the ``report_sections`` hook): the material for
the two dialogues and the verksamhetsplan sheet.

Each is built from the report's published figures only: the whole (``data.result``) when the
report has no groups, else each work group of ``data.group_reports``. A hidden group (too few
respondents, or one that could be derived from the others) has no figures there; it gets one
row saying it is not shown and what the group can do instead, never a figure or a size.
"""

from __future__ import annotations

from typing import Any

from mognad_core import texts
from mognad_core.report import ReportSection

from .needs import Question, first_dialogue, needs, second_dialogue


def _units(data: Any) -> list[tuple[str, Any]]:
    """(name, published result or None when hidden) for each unit the material is made for:
    the report's respondents (named by its --where selection, when it has one), or each work
    group."""
    if data.groups is None:
        chosen = [w.partition("=")[2].strip() or w for w in data.where]
        name = ", ".join(chosen) or texts.text("arbetsgrupp.all", data.lang)
        return [(name, data.result)]
    return [(g.name, None if g.suppressed else g.result) for g in data.group_reports]


def _hidden_line(data: Any) -> str:
    return texts.text("arbetsgrupp.hidden", data.lang, k=data.policy.min_size)


def _hidden_statements(result: Any, model: Any, lang: str) -> str | None:
    """One line naming the statements not shown for this unit (too few answers), so the
    dialogue can still take them up; None when every statement is shown."""
    hidden = [
        model.statement(s.id).short_label(lang) for s in result.statements.values() if s.hidden
    ]
    if not hidden:
        return None
    names = ", ".join(f'"{h}"' for h in hidden)
    return texts.text("arbetsgrupp.hidden_statements", lang, names=names)


def _dialogue(data: Any, key: str, make: Any) -> ReportSection:
    lang = data.lang
    col = {k: texts.text(f"arbetsgrupp.col.{k}", lang) for k in ("group", "nr", "question")}
    score, dk = (texts.text(f"arbetsgrupp.col.{k}", lang) for k in ("score", "dont_know"))
    rows: list[list[Any]] = []
    for name, result in _units(data):
        if result is None:
            rows.append([name, None, _hidden_line(data), None, None])
            continue
        questions: list[Question] = make(result, data.model, lang=lang)
        for i, q in enumerate(questions, start=1):
            rows.append([name, i, q.text, q.score, q.dont_know_share])
        unseen = _hidden_statements(result, data.model, lang)
        if unseen:
            rows.append([name, len(questions) + 1, unseen, None, None])
    return ReportSection(
        key=f"arbetsgrupp.{key}",
        title=texts.text(f"arbetsgrupp.{key}.title", lang),
        sheet=texts.text(f"arbetsgrupp.sheet.{key}", lang),
        lines=[texts.text(f"arbetsgrupp.{key}.intro", lang)],
        columns=[col["group"], col["nr"], col["question"], score, dk],
        rows=rows,
        formats={col["nr"]: "number", score: "percent", dk: "percent"},
        widths={col["group"]: 22, col["nr"]: 6, col["question"]: 70},
        slide_per=col["group"],
    )


def plan_section(data: Any) -> ReportSection:
    """The verksamhetsplan: per work group its ranked needs (behov) with the area and whose
    condition it is, and empty columns åtgärd, ansvarig and klart när to fill in."""
    lang = data.lang
    names = ("group", "nr", "area", "need", "action", "owner", "done")
    col = {k: texts.text(f"arbetsgrupp.col.{k}", lang) for k in names}
    condition = texts.text("arbetsgrupp.owner.forvaltning", lang)
    rows: list[list[Any]] = []
    for name, result in _units(data):
        if result is None:
            rows.append([name, None, None, _hidden_line(data), None, None, None])
            continue
        listed = needs(result, data.model, lang=lang)
        for need in listed:
            area = need.area + (f" ({condition})" if need.owner == "forvaltning" else "")
            rows.append([name, need.rank, area, need.label(lang), None, None, None])
        unseen = _hidden_statements(result, data.model, lang)
        if unseen:
            rows.append([name, len(listed) + 1, None, unseen, None, None, None])
    return ReportSection(
        key="arbetsgrupp.plan",
        title=texts.text("arbetsgrupp.plan.title", lang),
        sheet=texts.text("arbetsgrupp.sheet.plan", lang),
        lines=[texts.text("arbetsgrupp.plan.intro", lang)],
        columns=[col[k] for k in names],
        rows=rows,
        formats={col["nr"]: "number"},
        widths={
            col["group"]: 22,
            col["nr"]: 6,
            col["area"]: 30,
            col["need"]: 40,
            col["action"]: 36,
            col["owner"]: 16,
            col["done"]: 14,
        },
        slide_per=col["group"],
    )


def sections(data: Any) -> list[ReportSection]:
    """The dialogue material (first, second) and the verksamhetsplan, in that order."""
    return [
        _dialogue(data, "dialogue1", first_dialogue),
        _dialogue(data, "dialogue2", second_dialogue),
        plan_section(data),
    ]
