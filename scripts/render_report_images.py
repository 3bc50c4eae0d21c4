"""Render the pictures of a report in docs/images/ from the bundled DiMiOS sample.

    .venv/bin/python scripts/render_report_images.py [--out docs/images] [--dpi 100]

Writes the report (both waves compared with ``--compare år``, groups by förvaltning, Swedish
labels, a fixed "created" date so the pictures only change when the report does), converts the
workbook and the deck to PDF with LibreOffice headless, and turns chosen pages into small PNGs
with poppler's ``pdftoppm``:

==============================  =================================================
report-summary-sheet.png        the workbook's summary sheet, all its printed pages
report-summary.png              the deck's summary slide (its headline states the message)
report-radar.png                the profile slide (radar with the earlier wave)
report-statements.png           statements by score, vet-ej share beside
report-start-map.png            score against vet-ej share ("where to start?")
report-priorities.png           the first proposed area, with its reason
report-decision.png             the decision slide ("Förslag till beslut")
report-2x2.png                  the DiMiOS 2×2 (fyrfältet)
report-change.png               before and after
report-roles.png                roles side by side
report-heatmap.png              the groups' heat map, with its colour key
report-group.png                one förvaltning's slide
==============================  =================================================

A slide is found by its title (a regular expression matched at the start), so a picture
follows its slide when the deck's order changes; a title that is not found stops the script
with the titles there are.

Needs LibreOffice (``soffice``) and poppler-utils (``pdftoppm``, ``pdftotext``, ``pdfinfo``) on
PATH, and Carlito (``fonts-crosextra-carlito``) so that Calibri is drawn with its widths (a
warning says when it is not); Pillow (installed with python-pptx) makes the PNGs small.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pptx import Presentation

import mognad_core as mognad
from mognad_core.report import collect

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "plugins" / "dimios" / "mognad_dimios" / "samples" / "dimios_sample.xlsx"
CREATED = datetime.date(2025, 12, 1)
MAX_BYTES = 250_000

#: picture name -> (file, what to show: a pattern matched at a slide title's start, or the
#: number of a sheet, counted from 0, whose printed pages are shown one under the other)
PAGES: dict[str, tuple[str, str | int]] = {
    "report-summary-sheet": ("xlsx", 0),
    "report-summary": ("pptx", 2),
    "report-radar": ("pptx", r"Profil|Starkast "),
    "report-statements": ("pptx", r"Påståenden 1–"),
    "report-start-map": ("pptx", r"Var börja\?"),
    "report-priorities": ("pptx", r"Förslag 1 av|Var börja: "),
    "report-decision": ("pptx", r"Förslag till beslut"),
    "report-2x2": ("pptx", r"Fyrfältet"),
    "report-change": ("pptx", r"2024 → 2025"),
    "report-roles": ("pptx", r"Per roll"),
    "report-heatmap": ("pptx", r"Resultat per förvaltning"),
    "report-group": ("pptx", r"Socialförvaltningen"),
}


def find_slide(titles: list[str], where: str | int) -> int:
    """The 1-based number of the first slide whose title starts with the pattern ``where``."""
    if isinstance(where, int):
        return where
    for number, title in enumerate(titles, start=1):
        if re.match(where, title):
            return number
    listed = "\n  ".join(f"{n}. {t}" for n, t in enumerate(titles, start=1))
    sys.exit(f"no slide title starts with {where!r}; the slides are:\n  {listed}")


def need(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        sys.exit(f"{program} is not on PATH: install LibreOffice and poppler-utils first.")
    return path


def check_font() -> None:
    """Warn when Calibri would not be drawn in Carlito (its metric-compatible stand-in): the
    pictures would then break lines where Office does not."""
    fc = shutil.which("fc-match")
    found = subprocess.run([fc, "Calibri"], capture_output=True, text=True).stdout if fc else ""
    if "Carlito" not in found:
        print(
            "warning: Calibri is not replaced by Carlito (install fonts-crosextra-carlito); "
            f"fc-match Calibri: {found.strip() or 'not available'}",
            file=sys.stderr,
        )


def to_pdf(files: list[Path], outdir: Path, timeout: int = 300) -> None:
    """Convert in a private profile, numbers formatted as on a Swedish computer (65,9 %;
    LibreOffice has its own locale data, no sv_SE system locale is needed)."""
    profile = outdir / "lo-profile"
    env = {**os.environ, "LANG": "sv_SE.UTF-8", "LC_ALL": "sv_SE.UTF-8"}
    subprocess.run(
        [
            need("soffice"),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
        env=env,
    )


def page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(
        [need("pdftotext"), "-f", str(page), "-l", str(page), "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    return " ".join(out.stdout.split())


def sheet_pages(pdf: Path, xlsx: Path, index: int) -> list[int]:
    """The pages a sheet prints on: from the page with its heading (A1) to the page before the
    next sheet's heading."""
    from openpyxl import load_workbook

    wb = load_workbook(xlsx, read_only=True)
    shown = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    headings = [" ".join(str(ws["A1"].value).split()) for ws in shown]
    info = subprocess.run([need("pdfinfo"), str(pdf)], capture_output=True, text=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1))
    first, page = [], 1
    for heading in headings:
        while page <= count and heading not in page_text(pdf, page):
            page += 1
        first.append(page)
    end = first[index + 1] if index + 1 < len(first) else count + 1
    return list(range(first[index], end))


def render(pdf: Path, page: int, dpi: int, trim: bool):
    """One page as a picture, the white margin of a printed sheet cut off."""
    from PIL import Image, ImageChops

    with tempfile.TemporaryDirectory() as tmp:
        stem = Path(tmp) / "page"
        pages = ["-f", str(page), "-l", str(page), "-singlefile"]
        subprocess.run(
            [need("pdftoppm"), "-png", "-r", str(dpi), *pages, str(pdf), str(stem)],
            check=True,
            capture_output=True,
        )
        image = Image.open(stem.with_suffix(".png")).convert("RGB")
    if trim:
        background = Image.new("RGB", image.size, "white")
        box = ImageChops.difference(image, background).getbbox()
        if box:
            pad = 20
            image = image.crop(
                (
                    max(0, box[0] - pad),
                    max(0, box[1] - pad),
                    min(image.width, box[2] + pad),
                    min(image.height, box[3] + pad),
                )
            )
    return image


def save(images: list, path: Path) -> None:
    """The pictures one under the other, stored with a palette."""
    from PIL import Image

    image = Image.new("RGB", (max(i.width for i in images), sum(i.height for i in images)), "white")
    top = 0
    for part in images:
        image.paste(part, (0, top))
        top += part.height
    # a palette (fast octree keeps the chart colours; median cut dulls the orange)
    for colours in (256, 128):
        image.quantize(colors=colours, method=Image.Quantize.FASTOCTREE).save(path, optimize=True)
        if path.stat().st_size <= MAX_BYTES:
            return
    print(f"warning: {path.name} is {path.stat().st_size} bytes", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--dpi", type=int, default=100)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    check_font()
    with tempfile.TemporaryDirectory(prefix="mognad-images-") as tmp:
        work = Path(tmp)
        data = collect(SAMPLE, "dimios", compare="år", groups="förvaltning")
        data.created = CREATED
        files = {}
        for kind in ("xlsx", "pptx"):
            files[kind] = work / f"rapport_{kind}.{kind}"
            mognad.build_report(SAMPLE, "dimios", files[kind], data=data)
        to_pdf(list(files.values()), work)
        pdfs = {kind: work / f"{path.stem}.pdf" for kind, path in files.items()}
        titles = [s.shapes.title.text for s in Presentation(str(files["pptx"])).slides]
        for name, (kind, where) in PAGES.items():
            if kind == "pptx":
                images = [render(pdfs[kind], find_slide(titles, where), args.dpi, trim=False)]
            else:
                pages = sheet_pages(pdfs[kind], files[kind], int(where))
                images = [render(pdfs[kind], page, args.dpi, trim=True) for page in pages]
            target = args.out / f"{name}.png"
            save(images, target)
            print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")


if __name__ == "__main__":
    main()
