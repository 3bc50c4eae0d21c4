"""Render the pictures of a report in docs/images/ from the bundled DiMiOS sample.

    .venv/bin/python scripts/render_report_images.py [--out docs/images] [--dpi 100]

Writes the report (both waves compared with ``--compare år``, groups by förvaltning, Swedish
labels, a fixed "created" date so the pictures only change when the report does), converts the
workbook and the deck to PDF with LibreOffice headless, and turns chosen pages into small PNGs
with poppler's ``pdftoppm``:

==============================  =================================================
report-summary-sheet.png        the workbook's summary sheet (native radar chart)
report-summary.png              the deck's summary slide
report-radar.png                the profile slide (radar with the earlier wave)
report-statements.png           statements by score, vet-ej share beside
report-start-map.png            score against vet-ej share ("where to start?")
report-priorities.png           the places to start
report-2x2.png                  the DiMiOS 2×2 (fyrfältet)
report-change.png               before and after
report-group.png                one förvaltning's slide
==============================  =================================================

Needs LibreOffice (``soffice``) and poppler-utils (``pdftoppm``) on PATH; Pillow (installed
with matplotlib) makes the PNGs small.
"""

from __future__ import annotations

import argparse
import datetime
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

#: picture name -> (file, how to find the page: a slide title's start, or a page number)
PAGES: dict[str, tuple[str, str | int]] = {
    "report-summary-sheet": ("xlsx", 1),
    "report-summary": ("pptx", "Sammanfattning"),
    "report-radar": ("pptx", "Profil"),
    "report-statements": ("pptx", "Påståenden 1–"),
    "report-start-map": ("pptx", "Var börja?"),
    "report-priorities": ("pptx", "Var börja: "),
    "report-2x2": ("pptx", "Fyrfältet"),
    "report-change": ("pptx", "2024 → 2025"),
    "report-group": ("pptx", "Socialförvaltningen"),
}


def need(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        sys.exit(f"{program} is not on PATH: install LibreOffice and poppler-utils first.")
    return path


def to_pdf(files: list[Path], outdir: Path, timeout: int = 300) -> None:
    profile = outdir / "lo-profile"
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
    )


def render(pdf: Path, page: int, dpi: int, target: Path) -> None:
    stem = target.with_suffix("")
    pages = ["-f", str(page), "-l", str(page), "-singlefile"]
    subprocess.run(
        [need("pdftoppm"), "-png", "-r", str(dpi), *pages, str(pdf), str(stem)],
        check=True,
        capture_output=True,
    )


def shrink(path: Path, trim: bool) -> None:
    """Cut the white margin of a printed sheet and store the picture with a palette."""
    from PIL import Image, ImageChops

    image = Image.open(path).convert("RGB")
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
    with tempfile.TemporaryDirectory(prefix="mognad-images-") as tmp:
        work = Path(tmp)
        data = collect(SAMPLE, "dimios", compare="år", groups="förvaltning")
        data.created = CREATED
        files = {}
        for kind in ("xlsx", "pptx"):
            files[kind] = work / f"rapport_{kind}.{kind}"
            mognad.build_report(SAMPLE, "dimios", files[kind], data=data)
        to_pdf(list(files.values()), work)
        titles = [s.shapes.title.text for s in Presentation(str(files["pptx"])).slides]
        for name, (kind, where) in PAGES.items():
            if isinstance(where, int):
                page = where
            else:
                page = 1 + next(i for i, t in enumerate(titles) if t.startswith(where))
            target = args.out / f"{name}.png"
            render(work / f"{files[kind].stem}.pdf", page, args.dpi, target)
            shrink(target, trim=kind == "xlsx")
            print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")


if __name__ == "__main__":
    main()
