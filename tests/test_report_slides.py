"""The slide deck, read back with python-pptx: the expected slides in order, a slide per visible
group, speaker notes with the figures, Swedish by default and English on request."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DIMIOS_SAMPLE, DMM_SAMPLE
from pptx import Presentation
from pptx.util import Inches

import mognad_core as mognad
from mognad_core.report.slides import statement_chunks


def titles(path: Path) -> list[str]:
    return [s.shapes.title.text for s in Presentation(str(path)).slides]


def notes(path: Path) -> list[str]:
    return [
        s.notes_slide.notes_text_frame.text if s.has_notes_slide else ""
        for s in Presentation(str(path)).slides
    ]


@pytest.fixture(scope="module")
def dimios_deck(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("deck") / "rapport.pptx"
    mognad.build_report(
        DIMIOS_SAMPLE, "dimios", out, compare="år", groups="förvaltning", min_size=6
    )
    return out


@pytest.fixture(scope="module")
def dmm_deck(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("deck") / "report.pptx"
    mognad.build_report(DMM_SAMPLE, "dmm", out, lang="en")
    return out


def test_statement_chunks_are_near_equal_and_at_most_fourteen():
    assert statement_chunks(24) == [(0, 12), (12, 24)]
    assert statement_chunks(27) == [(0, 14), (14, 27)]
    assert statement_chunks(14) == [(0, 14)]
    assert statement_chunks(30) == [(0, 10), (10, 20), (20, 30)]
    assert statement_chunks(0) == []


def test_dimios_deck_has_the_expected_slides(dimios_deck):
    assert titles(dimios_deck) == [
        "Digital mognad 2025",
        "Sammanfattning",
        "Profil: kategorierna",
        "Påståenden 1–12 av 24, lägst värde först",
        "Påståenden 13–24 av 24, lägst värde först",
        "Var börja? Värde och andel vet ej",
        "Fyrfältet: Möjliggjord och balanserad",
        "2024 → 2025: bättre på 24 av 24 påståenden",
        "Var börja: 2 förslag",
        "Resultat per förvaltning",
        # min_size 6: Kultur (5) is hidden, and Samhällsbyggnad to protect it
        "Barn- och utbildningsförvaltningen",
        "Kommunledningsförvaltningen",
        "Socialförvaltningen",
        "Om mätningen",
        "Om uppgifterna",  # the notes about the data (columns kept as attributes, ...)
    ]
    prs = Presentation(str(dimios_deck))
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))


def test_without_groups_there_are_no_group_slides(dmm_deck, tmp_path):
    base = titles(dmm_deck)
    assert base == [
        "Digital maturity",
        "Summary",
        "Profile: the dimensions",
        "Statements 1–14 of 27, lowest score first",
        "Statements 15–27 of 27, lowest score first",
        "Where to start? Score and don't-know share",
        "Where to start: 2 suggestions",
        "Next steps for the weakest engines",
        "About the survey",
        "About the data",
    ]
    out = tmp_path / "groups.pptx"
    mognad.build_report(DMM_SAMPLE, "dmm", out, lang="en", groups="ledningsgrupp")
    with_groups = titles(out)
    groups = sorted(
        mognad.read_responses(DMM_SAMPLE, "dmm").attributes["ledningsgrupp"].astype(str).unique()
    )
    assert with_groups == [
        *base[:-2],
        "Results by ledningsgrupp",
        *groups,
        *base[-2:],
    ]


def test_notes_carry_the_figures(dimios_deck):
    texts = notes(dimios_deck)
    result = mognad.score(DIMIOS_SAMPLE, "dimios")  # not used for numbers: only the statement text
    f12 = result.statements["f12"].text
    statements = texts[3] + texts[4]
    assert f"f12 {f12}:" in statements
    assert "Förmågor för innovation:" in texts[2] and "Resultat 2025" in texts[2]
    summary = texts[1]
    assert "240 personer har svarat" in summary
    assert texts[8].startswith("1. f12 ")
    assert "lågt värde" in texts[8] and "hög andel vet ej" in texts[8]
    # the overview lists each visible group's size; hidden groups are named as hidden only
    assert "Barn- och utbildningsförvaltningen (n=67)" in texts[9]
    assert "Kultur- och fritidsförvaltningen (n=" not in texts[9]
    assert "Kultur- och fritidsförvaltningen" in texts[9]


def test_group_slide_shows_the_groups_size_and_score(dimios_deck):
    prs = Presentation(str(dimios_deck))
    slide = list(prs.slides)[10]
    text = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
    assert any(t.startswith("67 svarande · totalt ") for t in text)
    assert "Var börja i gruppen" in text
    pictures = [sh for sh in slide.shapes if sh.shape_type == 13]
    assert len(pictures) == 1


def test_text_is_large_enough_to_project(dimios_deck):
    prs = Presentation(str(dimios_deck))
    sizes = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for p in shape.text_frame.paragraphs:
                for run in p.runs:
                    if run.text.strip() and run.font.size is not None:
                        sizes.append((run.font.size.pt, shape.top >= Inches(6.9)))
    footer = {size for size, bottom in sizes if bottom}
    body = [size for size, bottom in sizes if not bottom]
    assert footer == {11}  # the source line at the bottom of each content slide
    assert min(body) >= 16


def test_the_last_slide_shows_the_notes_about_the_data(dimios_deck):
    deck = Presentation(str(dimios_deck))
    last = deck.slides[-1]
    shown = "\n".join(s.text_frame.text for s in last.shapes if s.has_text_frame)
    spoken = last.notes_slide.notes_text_frame.text
    assert last.shapes.title.text == "Om uppgifterna"
    # the reading note, in Swedish, both on the slide and in the speaker notes
    assert "bakgrundsuppgifter" in shown and "bakgrundsuppgifter" in spoken
