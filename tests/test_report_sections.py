"""The ``report_sections`` hook: a third-party plugin's own sheets and slides in the report.

A throwaway plugin registers its own model and answers the hook; the report is written for real
(workbook and deck) and read back: the sheet's name, heading, table, number formats and rounding,
the slides (one set per ``slide_per`` value, a long table continued), the notice when the
protection is off, and what happens to a section that is wrong.
"""

from __future__ import annotations

import pytest
from conftest import TINY
from openpyxl import load_workbook
from pptx import Presentation

import mognad_core as mognad
from mognad_core.report import ReportSection, collect
from mognad_core.report.sections import sheet_names
from mognad_core.sample_data import make_responses

MODEL = "acme-sections"


def _model() -> mognad.MaturityModel:
    data = mognad.load_model_file(TINY).model_dump()
    return mognad.model_from_dict({**data, "name": MODEL})


class Acme:
    """A plugin with its own model and two sections: a percent table with a row per statement
    and group, one slide set per group; and text lines only."""

    def __init__(self, rows: int = 0):
        self.model = _model()
        self.extra_rows = rows
        self.seen: list = []

    @mognad.hookimpl
    def register_models(self, register):
        register(self.model)

    @mognad.hookimpl
    def report_sections(self, model, data, context):
        if model.name != MODEL:
            return None
        self.seen.append((context["lang"], context["groups"], context["disclosure"].min_size))
        rows = []
        for g in data.group_reports:
            if g.suppressed:
                rows.append([g.name, "dold", None])
                continue
            for s in g.result.statements.values():
                rows.append([g.name, s.id, s.score])
        rows += [["Extra", f"x{i}", 0.123456] for i in range(self.extra_rows)]
        return [
            ReportSection(
                key="acme.table",
                title="Acmes tabell",
                sheet="Acme: tabell/[1]",  # characters Excel refuses in a sheet name
                lines=["En rad ovanför tabellen."],
                columns=["Grupp", "Påstående", "Värde"],
                rows=rows,
                formats={"Värde": "percent"},
                widths={"Påstående": 20},  # the workbook's width, the slide's proportion
                notes=["En not under tabellen."],
                slide_per="Grupp",
            ),
            ReportSection(key="acme.text", title="Acmes text", lines=["Bara text, ingen tabell."]),
        ]


def _frame():
    return make_responses(
        _model(), n=40, seed=3, groups={"Norr": 0.5, "Söder": 0.45, "Liten": 0.05}
    )


def _table(ws) -> list[list]:
    """The rows of the sheet's table: from below its header (row 4) to the first blank row."""
    rows = []
    for row in ws.iter_rows(min_row=5, max_col=3, values_only=True):
        if row[0] is None:
            break
        rows.append(list(row))
    return rows


def test_a_plugins_sections_become_sheets_and_slides(register_plugin, tmp_path):
    acme = register_plugin(Acme(rows=30), "acme")
    frame = _frame()
    out = mognad.build_report(frame, MODEL, tmp_path, groups="förvaltning")
    book = next(p for p in out if p.suffix == ".xlsx")
    deck = next(p for p in out if p.suffix == ".pptx")
    assert acme.seen == [("sv", ["förvaltning"], 5)]

    wb = load_workbook(book)
    names = wb.sheetnames
    assert "Acme  tabell  1" in names and "Acmes text" in names
    # after the model's findings, before Tillförlitlighet, as documented
    assert names.index("Acme  tabell  1") < names.index("Tillförlitlighet")
    ws = wb["Acme  tabell  1"]
    assert ws["A1"].value == "Acmes tabell"
    assert ws["A2"].value == "En rad ovanför tabellen."
    header = [c.value for c in ws[4]]
    assert header == ["Grupp", "Påstående", "Värde"]
    body = _table(ws)
    shown = [r for r in body if r[0] in ("Norr", "Söder")]
    assert {r[0] for r in shown} == {"Norr", "Söder"}
    # the group too small to publish has no figures: only the plugin's own word for hidden
    assert [r for r in body if r[0] == "Liten"] == [["Liten", "dold", None]]
    extra = [r for r in body if r[0] == "Extra"]
    assert len(extra) == 30 and {r[2] for r in extra} == {0.123}  # rounded as published
    value_cells = [ws.cell(row=i, column=3) for i in range(5, 5 + len(body))]
    assert {c.number_format for c in value_cells if isinstance(c.value, float)} == {"0.0 %"}
    assert ws.freeze_panes == "B5" and ws.auto_filter.ref == f"A4:C{4 + len(body)}"
    assert int(ws.page_setup.paperSize) == 9 and ws.print_title_rows == "$4:$4"
    assert any(c.value == "En not under tabellen." for c in ws["A"])
    assert wb["Acmes text"]["A2"].value == "Bara text, ingen tabell."

    prs = Presentation(deck)
    titles = [s.shapes.title.text for s in prs.slides]
    for group in ("Norr", "Söder", "Liten"):
        assert f"Acmes tabell – {group}" in titles
    extra_slides = [t for t in titles if t.startswith("Acmes tabell – Extra")]
    assert len(extra_slides) >= 2 and any("forts." in t for t in titles if "Extra" in t)
    assert "Acmes text" in titles
    # the group column is the slide's title, not a column of its table
    slide = prs.slides[titles.index("Acmes tabell – Norr")]
    table = next(s.table for s in slide.shapes if s.has_table)
    assert [c.text for c in table.rows[0].cells] == ["Påstående", "Värde"]
    assert all(c.text.endswith("%") for row in list(table.rows)[1:] for c in [row.cells[1]])
    assert "En not under tabellen." in slide.notes_slide.notes_text_frame.text


def test_sections_in_english_and_with_the_protection_off(register_plugin, tmp_path):
    acme = register_plugin(Acme(), "acme")
    path = tmp_path / "r.xlsx"
    mognad.build_report(_frame(), MODEL, path, groups="förvaltning", lang="en", min_size=1)
    assert acme.seen == [("en", ["förvaltning"], 1)]
    ws = load_workbook(path)["Acme  tabell  1"]
    # the notice of the opt-out on the plugin's sheet too, then the plugin's line
    assert ws["A2"].value == mognad.disclosure.notes_for(mognad.disclosure.policy(1), "en")[0]
    assert ws["A3"].value == "En rad ovanför tabellen."
    body = _table(ws)
    assert any(r[0] == "Liten" and r[1] != "dold" for r in body)  # every group shown


def test_a_wrong_section_is_the_plugins_failure_and_the_report_is_still_written(
    register_plugin, tmp_path
):
    class Broken(Acme):
        @mognad.hookimpl
        def report_sections(self, model, data, context):
            return [ReportSection(key="b", title="B", columns=["a", "b"], rows=[[1]])]

    register_plugin(Broken(), "broken-sections", failures_ok=True)
    with pytest.warns(mognad.plugins.PluginWarning, match="report_sections"):
        out = mognad.build_report(_frame(), MODEL, tmp_path / "r.xlsx")
    assert "B" not in load_workbook(out[0]).sheetnames
    failure = next(f for f in mognad.plugin_failures() if f.name == "broken-sections")
    assert failure.hook == "report_sections" and "row 1 has 1 cells for 2 columns" in failure.error
    mognad.reset_plugins()  # the failure was this test's point: forget it (and the plugin)


def test_an_answer_that_is_not_a_section_is_left_out_with_a_note(register_plugin):
    class Odd(Acme):
        @mognad.hookimpl
        def report_sections(self, model, data, context):
            return [{"title": "a dict"}, ReportSection(key="ok", title="OK")]

    register_plugin(Odd(), "odd")
    data = collect(_frame(), MODEL)
    assert [s.key for s in data.sections] == ["ok"]
    assert any("'odd'" in n and "dict" in n for n in data.notes)


def test_sections_of_another_plugins_model_are_not_asked(register_plugin):
    """report_sections goes to the model's own plugin only (MODEL_OWNER_HOOKS)."""
    acme = register_plugin(Acme(), "acme")
    data = collect(_frame().rename(columns={}), MODEL)
    assert acme.seen and data.sections
    acme.seen.clear()
    other = collect(make_responses("dmm", n=12, seed=1), "dmm")
    assert acme.seen == [] and other.sections == []


def test_a_section_checks_what_it_is_given():
    with pytest.raises(ValueError, match="format 'pct'"):
        ReportSection(key="k", title="T", columns=["a"], rows=[[1]], formats={"a": "pct"})
    with pytest.raises(ValueError, match="slide_per 'x' is no column"):
        ReportSection(key="k", title="T", columns=["a"], rows=[[1]], slide_per="x")
    with pytest.raises(ValueError, match="needs a key and a title"):
        ReportSection(key="k", title=" ")


def test_sheet_names_are_valid_and_unique():
    sections = [
        ReportSection(key="a", title="Sammanfattning"),
        ReportSection(key="b", title="x" * 40),
        ReportSection(key="c", title="y", sheet="x" * 40),
        ReportSection(key="d", title="a/b:c*d?[e]"),
    ]
    names = sheet_names(sections, ["Sammanfattning"])
    assert names == ["Sammanfattning (2)", "x" * 31, "x" * 27 + " (2)", "a b c d  e"]
    assert all(len(n) <= 31 for n in names)
