"""The report files open cleanly: the packages are consistent (every part typed, every
relationship resolving, chart axes wired to each other), openpyxl and python-pptx read them back,
and LibreOffice headless turns them into PDFs with one page per sheet and per slide, showing the
titles, the summary sentence, the charts' titles and the Swedish letters.

The LibreOffice test runs when ``soffice`` (and poppler's ``pdftotext``/``pdfinfo``) are on PATH;
``.ci/run`` installs them in CI.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree as ET

import pytest
from conftest import DIMIOS_SAMPLE, DMM_SAMPLE
from openpyxl import load_workbook
from pptx import Presentation

import mognad_core as mognad
from mognad_core.report import collect

CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")
TIMEOUT = 240  # seconds for one LibreOffice run (a cold start of a fresh profile takes ~5 s)


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    """Both models' workbook and deck, each file under its own name (one LibreOffice run)."""
    out = tmp_path_factory.mktemp("reports")
    files = {}
    for name, path, model, options in [
        ("dimios", DIMIOS_SAMPLE, "dimios", {"compare": "år", "groups": "förvaltning"}),
        ("dmm", DMM_SAMPLE, "dmm", {"groups": "ledningsgrupp", "target": "next", "lang": "en"}),
    ]:
        data = collect(path, model, **options)
        for suffix in ("xlsx", "pptx"):
            target = out / f"{name}_{suffix}.{suffix}"
            mognad.build_report(path, model, target, data=data)
            files[f"{name}.{suffix}"] = target
    return files


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
def to_pdf(files: list[Path], outdir: Path, profile: Path) -> list[Path]:
    """Convert with LibreOffice headless, in a private profile (parallel runs do not share one)."""
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, files),
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"LibreOffice did not finish converting within {TIMEOUT} s")
    pdfs = [outdir / f"{f.stem}.pdf" for f in files]
    missing = [p.name for p in pdfs if not p.is_file() or p.stat().st_size == 0]
    assert not missing, f"no PDF for {missing}: {done.stdout}\n{done.stderr}"
    return pdfs


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


@pytest.fixture(scope="module")
def pdfs(reports, tmp_path_factory) -> dict[str, Path]:
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed")
    if not POPPLER:
        pytest.skip("poppler-utils (pdftotext, pdfinfo) are not installed")
    outdir = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    keys = list(reports)
    converted = to_pdf([reports[k] for k in keys], outdir, profile)
    return dict(zip(keys, converted, strict=True))


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("key", ["dimios.xlsx", "dmm.xlsx"])
def test_workbook_prints_one_page_per_sheet_with_its_heading(reports, pdfs, key):
    wb = load_workbook(reports[key])
    assert pages(pdfs[key]) == len(wb.sheetnames)
    for number, name in enumerate(wb.sheetnames, start=1):
        heading = " ".join(str(wb[name]["A1"].value).split())
        assert heading in page_text(pdfs[key], number), (name, heading)


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("key", ["dimios.pptx", "dmm.pptx"])
def test_deck_prints_one_page_per_slide_with_its_title(reports, pdfs, key):
    titles = [s.shapes.title.text for s in Presentation(str(reports[key])).slides]
    assert pages(pdfs[key]) == len(titles)
    for number, title in enumerate(titles, start=1):
        assert " ".join(title.split()) in page_text(pdfs[key], number), (number, title)


@pytest.mark.libreoffice
@pytest.mark.slow
def test_pdf_text_has_the_summary_the_charts_and_swedish_letters(reports, pdfs):
    wb = load_workbook(reports["dimios.xlsx"])
    summary = [c.value for c in wb["Sammanfattning"]["A"] if isinstance(c.value, str)]
    sentence = next(s for s in summary if s.startswith("Den samlade digitala mognaden är"))
    first = page_text(pdfs["dimios.xlsx"], 1)
    assert sentence in first
    assert "Profil: kategorierna" in first  # the native radar chart is drawn, with its title
    text = page_text(pdfs["dimios.xlsx"])
    for chart_title in ("Påståenden, lägst värde först", "Före och efter", "Fyrfält"):
        assert chart_title in text
    assert "Var börja: alla påståenden rangordnade" in text  # the Prioriteringar sheet
    assert "Förmågor för innovation" in text and "Kultur- och fritidsförvaltningen" in text
    deck = page_text(pdfs["dimios.pptx"])
    for words in ("Sammanfattning", "65,9 %", "Börja med", "Var börja: 2 förslag", "Om mätningen"):
        assert words in deck
    english = page_text(pdfs["dmm.pptx"])
    assert "Where to start: 2 suggestions" in english and "Summary" in english
