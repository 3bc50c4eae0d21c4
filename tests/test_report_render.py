"""The report files open cleanly and render well.

- The packages are consistent (every part typed, every relationship resolving, chart axes wired
  to each other), and openpyxl and python-pptx read them back.
- LibreOffice headless turns them into PDFs with one page per sheet and per slide, showing the
  titles, the summary sentence, the charts' titles and the Swedish letters.
- Rendered with Carlito, the font metric-compatible with Calibri (``fonts-crosextra-carlito``;
  fontconfig puts it in Calibri's place), every slide and every printed sheet passes the checks
  of docs/reports.md, "PDF and pictures": no text box overflows or runs over another text, no
  label is cut (no "…" of ours, every statement text in full, no ``###``, every cell's text
  printed in full), no text is smaller than 12 pt on a slide or 8 pt on a printed sheet (chart
  text included). tests/render_check.py traces each character of the PDF back to its shape or
  cell; ``test_the_checks_find_faults`` shows on files made wrong on purpose that they can fail.

The LibreOffice tests run when ``soffice`` (and poppler's ``pdftotext``/``pdfinfo``, and
pdfplumber) are there; ``.ci/run`` installs them in CI. The reports are those of the bundled
samples: DiMiOS with ``--groups förvaltning``, its two waves compared; DMM with ``--groups
ledningsgrupp``, and once more in English against each engine's next level; the work-group
model with ``--groups arbetsgrupp``, whose plugin adds sheets and slides (``report_sections``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree as ET

import pytest
import render_check as rc
from conftest import ARBETSGRUPP_SAMPLE, DIMIOS_SAMPLE, DMM_SAMPLE
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from pptx import Presentation
from pptx.util import Pt

import mognad_core as mognad
from mognad_core.report import collect

CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
SOFFICE = rc.soffice()
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")
TIMEOUT = 240  # seconds for one LibreOffice run (a cold start of a fresh profile takes ~5 s)
#: the documented minimum text sizes (docs/reports.md, "PDF and pictures")
SLIDE_MIN_PT = 12
SHEET_MIN_PT = 8
#: report name -> the sample, the model and the options it is made with
CASES = {
    "dimios": (DIMIOS_SAMPLE, "dimios", {"compare": "år", "groups": "förvaltning"}),
    "dmm": (DMM_SAMPLE, "dmm", {"groups": "ledningsgrupp"}),
    "dmm_en": (DMM_SAMPLE, "dmm", {"groups": "ledningsgrupp", "target": "next", "lang": "en"}),
    # the work-group model's own sheets and slides (report_sections): dialogues, plan
    "arbetsgrupp": (ARBETSGRUPP_SAMPLE, "arbetsgrupp", {"groups": "arbetsgrupp"}),
    "arbetsgrupp_en": (ARBETSGRUPP_SAMPLE, "arbetsgrupp", {"groups": "arbetsgrupp", "lang": "en"}),
}
DECKS = [f"{name}.pptx" for name in CASES]
BOOKS = [f"{name}.xlsx" for name in CASES]


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    """Each case's workbook and deck, each file under its own name (one LibreOffice run)."""
    out = tmp_path_factory.mktemp("reports")
    files = {}
    for name, (path, model, options) in CASES.items():
        data = collect(path, model, **options)
        for suffix in ("xlsx", "pptx"):
            target = out / f"{name}_{suffix}.{suffix}"
            mognad.build_report(path, model, target, data=data)
            files[f"{name}.{suffix}"] = target
    return files


def language(key: str) -> str:
    """The report's language ("sv" for the files made wrong on purpose)."""
    name = key.split(".")[0]
    return CASES[name][2].get("lang", "sv") if name in CASES else "sv"


def statements(key: str) -> list[str]:
    """The model's statement texts in the report's language."""
    _, model, _ = CASES[key.split(".")[0]]
    return [s.label(language(key)) for s in mognad.get_model(model).statements]


# ---- the package: what an "unreadable content, repair?" prompt is usually about ---------------
def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts = list(PurePosixPath(source).parent.parts)
    for piece in target.split("/"):
        if piece == "..":
            parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


@pytest.mark.parametrize("key", ["dimios.xlsx", "dimios.pptx", "dmm.xlsx", "dmm.pptx"])
def test_package_parts_are_typed_and_relationships_resolve(reports, key):
    with zipfile.ZipFile(reports[key]) as z:
        assert z.testzip() is None
        names = set(z.namelist())
        types = ET.fromstring(z.read("[Content_Types].xml"))
        defaults = {d.get("Extension").lower() for d in types.iter(f"{CT}Default")}
        overrides = {o.get("PartName").lstrip("/") for o in types.iter(f"{CT}Override")}
        assert overrides <= names, overrides - names
        for name in names:
            if name.endswith("/"):
                continue
            assert name in overrides or name.rsplit(".", 1)[-1].lower() in defaults, name
        for rels in [n for n in names if n.endswith(".rels")]:
            source = rels.replace("_rels/", "").removesuffix(".rels")
            for r in ET.fromstring(z.read(rels)).iter(f"{REL}Relationship"):
                if r.get("TargetMode") == "External":
                    continue
                assert _resolve(source, r.get("Target")) in names, (rels, r.get("Target"))
        for name in names:
            if name.endswith(".xml") or name.endswith(".rels"):
                ET.fromstring(z.read(name))  # well-formed


@pytest.mark.parametrize("key", ["dimios.xlsx", "dmm.xlsx"])
def test_chart_axes_are_wired_to_each_other(reports, key):
    with zipfile.ZipFile(reports[key]) as z:
        sheets = {
            el.get("name")
            for el in ET.fromstring(z.read("xl/workbook.xml")).iter()
            if el.tag.endswith("}sheet")
        }
        charts = [n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        assert charts
        for name in charts:
            root = ET.fromstring(z.read(name))
            assert root.tag == f"{C}chartSpace"
            plot = root.find(f"{C}chart/{C}plotArea")
            kinds = [el for el in plot if el.tag.endswith("Chart")]
            assert len(kinds) == 1, name
            axes = {
                el.find(f"{C}axId").get("val"): el
                for el in plot
                if el.tag in (f"{C}valAx", f"{C}catAx", f"{C}dateAx", f"{C}serAx")
            }
            used = [a.get("val") for a in kinds[0].findall(f"{C}axId")]
            assert len(used) == 2 and set(used) <= set(axes), name
            for ax_id, ax in axes.items():
                assert ax.find(f"{C}crossAx").get("val") in set(axes) - {ax_id}, name
            series = kinds[0].findall(f"{C}ser")
            assert series and all(s.find(f"{C}idx") is not None for s in series), name
            refs = [f.text for s in series for f in s.iter(f"{C}f")]
            assert refs
            for ref in refs:  # a cell or range on a sheet of this workbook
                m = re.fullmatch(r"'([^']+)'!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?", ref)
                assert m and m.group(1) in sheets, (name, ref)


def test_openpyxl_and_python_pptx_read_the_files_back(reports):
    for key in ("dimios.xlsx", "dmm.xlsx"):
        wb = load_workbook(reports[key])
        assert wb.sheetnames and all(wb[s]["A1"].value for s in wb.sheetnames)
    for key in ("dimios.pptx", "dmm.pptx"):
        prs = Presentation(str(reports[key]))
        assert len(prs.slides) > 5
        assert all(s.shapes.title is not None and s.shapes.title.text for s in prs.slides)


# ---- LibreOffice --------------------------------------------------------------------------
def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, flags=re.M).group(1))


def page_text(pdf: Path, page: int | None = None) -> str:
    span = [] if page is None else ["-f", str(page), "-l", str(page)]
    out = subprocess.run(
        ["pdftotext", *span, "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return " ".join(out.stdout.split())


def faulty_files(folder: Path) -> tuple[Path, Path]:
    """A deck and a workbook made wrong on purpose, for the checks to find."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Pt(40), Pt(40), Pt(200), Pt(30))
    box.name = "Too much text"
    box.text_frame.word_wrap = True
    box.text_frame.text = " ".join(["Medarbetare har utrymme att pröva nya idéer."] * 6)
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(20)
    tiny = slide.shapes.add_textbox(Pt(40), Pt(400), Pt(400), Pt(40))
    tiny.name = "Tiny text"
    tiny.text_frame.text = "Vi har god kontroll över kostnaderna… Värde 57,0\v% av alla"
    tiny.text_frame.paragraphs[0].runs[0].font.size = Pt(9)
    deck = folder / "faulty_pptx.pptx"
    prs.save(str(deck))
    wb = Workbook()
    ws = wb.active
    ws.title = "Fel"
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 3
    ws["A1"] = "Förmågor för innovation och omställning"  # cut by B1
    ws["B1"] = 123456.789  # too wide for its column: ###
    ws["A2"] = "liten"
    ws["A2"].font = Font(size=6)
    ws["A3"] = "Vi har god kontroll över kostnaderna för våra digitala initiativ."
    ws["A3"].alignment = Alignment(wrap_text=True)  # six lines in a row of one
    ws["A4"] = "Lång text som skriver över"
    ws.row_dimensions[3].height = 15
    book = folder / "faulty_xlsx.xlsx"
    wb.save(book)
    return deck, book


@pytest.fixture(scope="module")
def converted(reports, tmp_path_factory) -> dict[str, tuple[object, list[rc.Page], Path]]:
    """key -> (the traced copy's record, its PDF pages, the original's PDF): every file
    converted once, the originals and their traced copies in one LibreOffice run."""
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed")
    if not POPPLER:
        pytest.skip("poppler-utils (pdftotext, pdfinfo) are not installed")
    pytest.importorskip("pdfplumber", reason="pdfplumber (the test extra) is not installed")
    why = rc.calibri_is_carlito()
    if why:
        pytest.skip(f"{why}: install fonts-crosextra-carlito so that sizes are Calibri's")
    work = tmp_path_factory.mktemp("traced")
    outdir = tmp_path_factory.mktemp("pdf")
    deck, book = faulty_files(work)
    originals = {**reports, "faulty.pptx": deck, "faulty.xlsx": book}
    traced, records = {}, {}
    for key, path in originals.items():
        traced[key] = work / f"traced_{path.name}"
        trace = rc.trace_deck if path.suffix == ".pptx" else rc.trace_workbook
        records[key] = trace(path, traced[key])
    for lang in ("sv", "en"):  # numbers formatted as on a computer in the report's language
        keys = [k for k in originals if language(k) == lang]
        files = [reports[k] for k in keys if k in reports] + [traced[k] for k in keys]
        profile = tmp_path_factory.mktemp(f"lo-profile-{lang}")
        try:
            rc.to_pdf(files, outdir, profile, timeout=TIMEOUT, lang=lang)
        except subprocess.TimeoutExpired:
            pytest.fail(f"LibreOffice did not finish converting within {TIMEOUT} s")
    return {
        key: (
            records[key],
            rc.read_pdf(outdir / f"{traced[key].stem}.pdf"),
            outdir / f"{path.stem}.pdf",
        )
        for key, path in originals.items()
    }


@pytest.fixture(scope="module")
def pdfs(converted) -> dict[str, Path]:
    return {key: pdf for key, (_, _, pdf) in converted.items() if not key.startswith("faulty")}


def report(found: dict[str, list[str]], checks: tuple[str, ...]) -> str:
    lines = [f"{check}: {problem}" for check in checks for problem in found[check]]
    return f"{len(lines)} problems:\n" + "\n".join(lines)


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("key", BOOKS)
def test_workbook_prints_every_sheet_in_order_with_its_heading_first(reports, converted, key):
    """Each sheet starts a new page (a long one may take more), in the workbook's order, its
    heading (A1) on its first page."""
    wb = load_workbook(reports[key])
    shown = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    book, pdf_pages, pdf = converted[key]
    sheets = rc.sheet_of_pages(book, pdf_pages)
    assert pages(pdf) == len(pdf_pages) >= len(shown)
    firsts = {}
    for number, name in sheets.items():
        firsts.setdefault(name, number)
    assert list(firsts) == shown
    for name, number in firsts.items():
        heading = " ".join(str(wb[name]["A1"].value).split())
        assert heading in page_text(pdf, number), (name, number, heading)


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("key", DECKS)
def test_deck_prints_one_page_per_slide_with_its_title(reports, pdfs, key):
    titles = [s.shapes.title.text for s in Presentation(str(reports[key])).slides]
    assert pages(pdfs[key]) == len(titles)
    for number, title in enumerate(titles, start=1):
        assert " ".join(title.split()) in page_text(pdfs[key], number), (number, title)


@pytest.mark.libreoffice
@pytest.mark.slow
def test_pdf_text_has_the_summary_the_charts_and_swedish_letters(reports, converted, pdfs):
    wb = load_workbook(reports["dimios.xlsx"])
    book, pdf_pages, pdf = converted["dimios.xlsx"]
    sheets = rc.sheet_of_pages(book, pdf_pages)
    first = " ".join(page_text(pdf, n) for n, name in sheets.items() if name == wb.sheetnames[0])
    summary = [c.value for c in wb[wb.sheetnames[0]]["A"] if isinstance(c.value, str)]
    sentence = next(s for s in summary if s.startswith("Den samlade digitala mognaden är"))
    assert sentence in first
    assert "64,0 %" in first  # a number cell, formatted as on a Swedish computer
    text = page_text(pdf)
    assert "Förmågor för innovation" in text and "Kultur- och fritidsförvaltningen" in text
    deck = page_text(pdfs["dimios.pptx"])
    for words in ("Var börja?", "Förslag till beslut", "Om mätningen", "Kultur- och fritids"):
        assert words in deck
    english = page_text(pdfs["dmm_en.pptx"])
    for words in ("Where to start?", "Proposed decision", "About the survey"):
        assert words in english


def chart_titles(xlsx: Path) -> list[tuple[str, str]]:
    """(sheet, chart title) for every chart with a title on a sheet of the workbook."""
    out = []
    with zipfile.ZipFile(xlsx) as z:
        book = ET.fromstring(z.read("xl/workbook.xml"))
        targets = rc.part_rels(z, "xl/workbook.xml")
        for sheet in book.iter(f"{{{rc.S}}}sheet"):
            part = targets[sheet.get(f"{{{rc.R}}}id")]
            for drawing in rc.part_rels(z, part).values():
                if "/drawings/" not in drawing:
                    continue
                for chart in rc.part_rels(z, drawing).values():
                    title = ET.fromstring(z.read(chart)).find(f"{C}chart/{C}title")
                    if title is not None:
                        words = "".join(t.text or "" for t in title.iter(f"{{{rc.A}}}t"))
                        out.append((sheet.get("name"), " ".join(words.split())))
    return out


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("key", BOOKS)
def test_every_chart_of_the_workbook_is_printed_on_its_sheet(reports, converted, key):
    """A chart outside its sheet's print area would not be on paper."""
    book, pdf_pages, _ = converted[key]
    sheets = rc.sheet_of_pages(book, pdf_pages)
    titles = chart_titles(reports[key])
    assert titles
    drawn = {
        name: "".join(rc.squash(p.text()) for p in pdf_pages if sheets[p.number] == name)
        for name in set(sheets.values())
    }
    missing = [
        f"sheet {sheet!r}: the chart {title!r} is not printed (outside the print area?)"
        for sheet, title in titles
        if rc.squash(title) not in drawn.get(sheet, "")
    ]
    assert not missing, "\n".join(missing)


# ---- rendering checks (Carlito in Calibri's place) -----------------------------------------
DECK_LAYOUT = ("overflow", "overlap", "off page", "outside shapes")
DECK_TEXT = ("not drawn", "chart labels", "cut", "split")
BOOK_TEXT = ("###", "not printed", "error values", "cut")
BOOK_LAYOUT = ("outside the page", "overlap")


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("key", DECKS + BOOKS)
def test_calibri_is_rendered_with_carlito(converted, key):
    """Letters and digits are set in Carlito (only symbols Carlito lacks, like █, may come from
    a fallback font), so that the widths measured are Calibri's."""
    _, pdf_pages, _ = converted[key]
    other = {
        (c["fontname"].split("+")[-1], c["text"])
        for page in pdf_pages
        for c in page.chars
        if c["text"].isalnum() and "Carlito" not in c["fontname"]
    }
    assert not other, f"not in Carlito: {sorted(other)[:20]}"


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("key", DECKS)
def test_no_text_overflows_its_shape_or_the_slide(converted, key):
    deck, pdf_pages, _ = converted[key]
    found = rc.check_deck(deck, pdf_pages, statements(key))
    assert not any(found[c] for c in DECK_LAYOUT), report(found, DECK_LAYOUT)


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("key", DECKS)
def test_no_label_is_cut_on_a_slide(converted, key):
    """Every text frame, table cell and chart label is drawn in full, no "…" of ours, and every
    statement of the model is somewhere in the deck in full."""
    deck, pdf_pages, _ = converted[key]
    found = rc.check_deck(deck, pdf_pages, statements(key))
    assert not any(found[c] for c in DECK_TEXT), report(found, DECK_TEXT)


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("key", DECKS)
def test_no_text_on_a_slide_is_smaller_than_12_pt(converted, key):
    _, pdf_pages, _ = converted[key]
    problems = rc.small_fonts(pdf_pages, SLIDE_MIN_PT, lambda n: f"slide {n}")
    assert not problems, "\n".join(problems)


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("key", BOOKS)
def test_every_cell_is_printed_in_full(converted, key):
    """No ``###``, no error value, every printed cell's text in full (LibreOffice leaves out
    what a cell cuts off), no "…" of ours."""
    book, pdf_pages, _ = converted[key]
    found = rc.check_workbook(book, pdf_pages, statements(key))
    assert not any(found[c] for c in BOOK_TEXT), report(found, BOOK_TEXT)


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("key", BOOKS)
def test_no_printed_text_runs_off_the_page_or_over_other_text(converted, key):
    """A cell's text inside the page's printed area (a row too low for wrapped text pushes it
    out) and not over another cell's text or a chart's."""
    book, pdf_pages, _ = converted[key]
    found = rc.check_workbook(book, pdf_pages, statements(key))
    assert not any(found[c] for c in BOOK_LAYOUT), report(found, BOOK_LAYOUT)


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("key", BOOKS)
def test_no_printed_text_is_smaller_than_8_pt(converted, key):
    book, pdf_pages, _ = converted[key]
    sheets = rc.sheet_of_pages(book, pdf_pages)
    problems = rc.small_fonts(pdf_pages, SHEET_MIN_PT, lambda n: f"sheet {sheets[n]!r} (page {n})")
    assert not problems, "\n".join(problems)


@pytest.mark.libreoffice
@pytest.mark.slow
def test_the_checks_find_faults(converted):
    """Files made wrong on purpose (faulty_files) fail each check, naming the place."""
    deck, pdf_pages, _ = converted["faulty.pptx"]
    found = rc.check_deck(deck, pdf_pages, ["Vi har god kontroll över kostnaderna för IT."])
    assert found["overflow"] and found["overflow"][0].startswith("slide 1, Too much text")
    assert "the shape is x 40.0–240.0, y 40.0–70.0" in found["overflow"][0]
    assert any(p.startswith("slide 1, Tiny text") for p in found["cut"])
    assert found["split"] == [
        "slide 1, Tiny text: a line begins with '% av alla', away from its number (a no-break "
        "space keeps them together)"
    ]
    assert any("Vi har god kontroll över kostnaderna för IT." in p for p in found["cut"])
    small = rc.small_fonts(pdf_pages, SLIDE_MIN_PT, lambda n: f"slide {n}")
    assert len(small) == 1 and "9.0 pt: 'Vi har god kontroll" in small[0]
    book, pdf_pages, _ = converted["faulty.xlsx"]
    found = rc.check_workbook(book, pdf_pages, [])
    assert found["###"] == ["sheet 'Fel', B1 ('123456.789'): printed as '###'"]
    assert [p.split(":")[0] for p in found["not printed"]] == ["sheet 'Fel', A1"]
    assert [p.split(" (")[0:2] for p in found["outside the page"]] == [
        ["sheet 'Fel'", "page 1), A3"]
    ]
    small = rc.small_fonts(pdf_pages, SHEET_MIN_PT, lambda n: f"sheet {n}")
    assert len(small) == 1 and "6.0 pt: 'liten'" in small[0]
