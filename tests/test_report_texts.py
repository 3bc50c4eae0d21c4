"""A Swedish report is Swedish throughout: the analyses' messages it shows (why a group is hidden,
reliability warnings, notes about the data) are in Swedish; an English report keeps them in
English."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DIMIOS_SAMPLE, DMM_SAMPLE
from openpyxl import load_workbook
from pptx import Presentation

import mognad_core as mognad
from mognad_core.texts import CATALOGUE


def column(ws, col: int, first: int = 5) -> list:
    return [ws.cell(row=r, column=col).value for r in range(first, ws.max_row + 1)]


@pytest.fixture(scope="module")
def swedish(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sv")
    mognad.build_report(
        DIMIOS_SAMPLE, "dimios", out, compare="år", groups="förvaltning", min_size=9
    )
    return out / "dimios_sample_rapport.xlsx"


def test_why_a_group_is_hidden_in_swedish(swedish):
    """Every hidden group gets the one Swedish reason (not whether it is small or hidden to
    protect a smaller one: either would bound its size); which groups are hidden is what
    `mognad groups` hides in the report's wave (2025) under the same policy."""
    hidden = mognad.groups(
        mognad.read_responses(DIMIOS_SAMPLE, "dimios").where("år=2025"), "förvaltning", min_size=9
    ).suppressed
    assert "Kultur- och fritidsförvaltningen" in hidden  # 8 respondents in 2025
    assert len(hidden) >= 2  # never one hidden group alone: the total would give it
    ws = load_workbook(swedish)["Gruppstorlek"]
    reasons = {r[0]: r[3] for r in ws.iter_rows(min_row=5, values_only=True) if r[0] and r[3]}
    why = (
        "visas inte av anonymitetsskäl (färre än 9 svarande, eller så att en mindre grupp inte "
        "kan räknas fram)"
    )
    assert reasons == dict.fromkeys(hidden, why)
    notes = [v for v in column(ws, 1) if isinstance(v, str) and "visas inte" in v]
    assert notes == [
        f"{len(hidden)} grupp(er) visas inte (minsta gruppstorlek 9): {', '.join(hidden)}."
    ]


def test_notes_about_the_data_in_swedish(swedish):
    ws = load_workbook(swedish)["Om rapporten"]
    notes = [r[1] for r in ws.iter_rows(values_only=True) if r[0] == "Anmärkning"]
    assert (
        'Kolumner som behålls som bakgrundsuppgifter (inte påståenden): "respondent", "år", '
        '"förvaltning", "roll".'
    ) in notes
    deck = swedish.with_suffix(".pptx")
    about = list(Presentation(str(deck)).slides)[-1].notes_slide.notes_text_frame.text
    assert "Kolumner som behålls" in about and "Columns kept" not in about


def test_reliability_warnings_in_swedish_and_english(tmp_path):
    sv, en = tmp_path / "sv.xlsx", tmp_path / "en.xlsx"
    mognad.build_report(DMM_SAMPLE, "dmm", sv)
    mognad.build_report(DMM_SAMPLE, "dmm", en, lang="en")
    warnings_sv = [w for w in column(load_workbook(sv)["Tillförlitlighet"], 8) if w]
    warnings_en = [w for w in column(load_workbook(en)["Reliability"], 8) if w]
    assert len(warnings_sv) == len(warnings_en) > 0
    assert all(w.startswith("alfa ") for w in warnings_sv), warnings_sv
    assert all(w.startswith("alpha ") for w in warnings_en), warnings_en


def _english_starts() -> list[str]:
    """The fixed opening words of every English note the analyses and the readers can write."""
    starts = []
    for key, (sv, en) in CATALOGUE.items():
        if key.split(".")[0] in {"read", "rel", "compare", "gap", "prio", "portfolio"}:
            head = en.split("{")[0].strip()
            if len(head) >= 12 and head not in sv:
                starts.append(head)
    return starts


def test_no_english_note_in_a_swedish_report(swedish):
    ws = load_workbook(swedish)["Om rapporten"]
    cells = [str(v) for row in ws.iter_rows(values_only=True) for v in row if v]
    deck = swedish.with_suffix(".pptx")
    cells += [list(Presentation(str(deck)).slides)[-1].notes_slide.notes_text_frame.text]
    english = [h for h in _english_starts() if any(h in c for c in cells)]
    assert english == []
    assert len(_english_starts()) > 30  # the check looks at the notes' own words
