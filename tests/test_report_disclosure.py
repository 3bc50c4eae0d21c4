"""The report files publish only through the anonymity policy (mognad_core.disclosure), read back
as a reader sees them (openpyxl for the workbook, python-pptx for the deck and its speaker
notes): no group below the minimum size on any sheet or slide (the model's insights and the
charts' data included), no exact size of a hidden group, no figure of a statement that too few
people in a group answered, no unrounded figure in any cell, the opt-out said on the first sheet
and the title slide, and every group that is large enough still shown."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pandas as pd
import pytest
from conftest import DIMIOS_SAMPLE, DIMIOS_SAMPLES, DMM_SAMPLE
from openpyxl import load_workbook
from pptx import Presentation

import mognad_core as mognad

KULTUR = "Kultur- och fritidsförvaltningen"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
MEAN_COLUMNS = {"Medel (skala)", "Mean (scale)", "Cronbachs alfa", "Cronbach's alpha"}
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
#: what every hidden statement figure shows at minimum size 5, whatever the reason it is hidden
HIDDEN_FIGURE = (
    "visas inte av anonymitetsskäl (färre än 5 svar, eller så att en mindre grupp inte kan "
    "räknas fram)"
)


# ---- reading the files back ------------------------------------------------------------------
def sheet_rows(path: Path) -> list[tuple[str, str]]:
    """Every non-empty row of every sheet as (sheet, "cell | cell | ...")."""
    out = []
    for ws in load_workbook(path):
        for row in ws.iter_rows(values_only=True):
            values = [str(v) for v in row if v is not None]
            if values:
                out.append((ws.title, " | ".join(values)))
    return out


def deck_lines(path: Path) -> list[tuple[int, str]]:
    """Every paragraph of every text shape and every line of the speaker notes, per slide."""
    out = []
    for number, slide in enumerate(Presentation(str(path)).slides, start=1):
        for shape in slide.shapes:
            if shape.has_text_frame:
                out += [(number, p.text) for p in shape.text_frame.paragraphs if p.text]
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame.text
            out += [(number, line) for line in notes.splitlines() if line]
    return out


def slide_titles(path: Path) -> list[str]:
    return [s.shapes.title.text for s in Presentation(str(path)).slides]


def chart_cells(path: Path) -> list:
    """The values of every cell a native chart refers to (series names, categories, values)."""
    wb = load_workbook(path)
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not re.fullmatch(r"xl/charts/chart\d+\.xml", name):
                continue
            for ref in ET.fromstring(z.read(name)).iter(f"{C}f"):
                sheet, cells = ref.text.rsplit("!", 1)
                got = wb[sheet.strip("'")][cells.replace("$", "")]
                rows = got if isinstance(got, tuple) else ((got,),)
                for row in rows:
                    out += [c.value for c in (row if isinstance(row, tuple) else (row,))]
    return out


def wave_2025(path: Path = DIMIOS_SAMPLE, model: str = "dimios"):
    return mognad.read_responses(path, model).where(år=2025)


def shows_no_figures(text: str, allowed: set[str]) -> bool:
    """No percentage, no size (n=...), and no number but the ``allowed`` ones (the minimum size
    and the count of hidden groups)."""
    return "%" not in text and "n=" not in text and set(NUMBER.findall(text)) <= allowed


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("samples")
    for name in ("dimios_sample.xlsx", "dimios_2024.csv", "dimios_2025.csv"):
        shutil.copy(DIMIOS_SAMPLES / name, path / name)
    shutil.copy(DMM_SAMPLE, path / DMM_SAMPLE.name)
    return path


@pytest.fixture(scope="module")
def cli(folder):
    """``mognad ARGS`` run in the samples folder, in-process (module-wide, unlike conftest's
    run_cli); fails the test unless it exits 0."""
    import contextlib
    import io
    import os

    from mognad_core.cli import main as cli_main

    def run(*args: str) -> str:
        out, err = io.StringIO(), io.StringIO()
        here = Path.cwd()
        os.chdir(folder)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                cli_main([str(a) for a in args])
        except SystemExit as exc:
            assert not exc.code, err.getvalue()
        finally:
            os.chdir(here)
        return out.getvalue()

    return run


@pytest.fixture(scope="module")
def min_size_10(cli, folder) -> tuple[Path, Path]:
    cli("report", "dimios_sample.xlsx", "--groups", "förvaltning", "--min-size", "10", "-o", "k10/")
    base = folder / "k10" / "dimios_sample_rapport"
    return base.with_suffix(".xlsx"), base.with_suffix(".pptx")


# ---- groups below the minimum size -----------------------------------------------------------
def test_min_size_10_shows_no_group_under_10_anywhere(min_size_10):
    workbook, deck = min_size_10
    sizes = wave_2025().attributes["förvaltning"].value_counts()  # the report is about 2025
    grouped = mognad.groups(wave_2025(), "förvaltning", min_size=10)
    hidden = grouped.suppressed
    assert KULTUR in hidden and sizes[KULTUR] == 8  # the group under 10 ...
    assert set(sizes[sizes < 10].index) <= set(hidden)
    assert len(hidden) >= 2  # ... and more, so that it cannot be derived from a total
    allowed = {"10", str(len(hidden))}
    rows = sheet_rows(workbook)
    named = [(sheet, row) for sheet, row in rows for name in hidden if name in row]
    sheets = {sheet for sheet, _ in named}
    # named (as hidden) on the group sheets and in the model's insights, never with a figure
    assert {"Grupper", "Gruppstorlek", "Modellens tolkning"} <= sheets
    for sheet, row in named:
        assert shows_no_figures(row, allowed), (sheet, row)
    lines = deck_lines(deck)
    named_lines = [(n, line) for n, line in lines for name in hidden if name in line]
    assert named_lines  # the overview says which groups are not shown
    for number, line in named_lines:
        assert shows_no_figures(line, allowed), (number, line)
    assert not set(hidden) & set(slide_titles(deck))
    assert not set(hidden) & {v for v in chart_cells(workbook) if isinstance(v, str)}
    # no exact size of a hidden group, in any words
    texts = [row for _, row in rows] + [line for _, line in lines]
    for name in hidden:
        n = int(sizes[name])
        for text in texts:
            assert f"n={n})" not in text and not re.search(rf"\b{n} (svarande|personer)", text)
    # not even a bound on its size ("< 10" would be false for a group hidden to protect a
    # smaller one), and the one reason every hidden group gets
    why = (
        "visas inte av anonymitetsskäl (färre än 10 svarande, eller så att en mindre grupp inte "
        "kan räknas fram)"
    )
    size_rows = {row.split(" | ")[0]: row for sheet, row in rows if sheet == "Gruppstorlek"}
    for name in hidden:
        assert size_rows[name] == f"{name} | dold | nej | {why}"
    assert not [r for r in texts if re.search(r"< ?10\b", r)]


def test_a_protected_report_does_not_say_the_protection_is_off(min_size_10):
    workbook, deck = min_size_10
    assert not [r for _, r in sheet_rows(workbook) if "Anonymitetsskydd avstängt" in r]
    assert not [t for _, t in deck_lines(deck) if "Anonymitetsskydd avstängt" in t]
    about = dict(
        r.split(" | ", 1) for s, r in sheet_rows(workbook) if s == "Om rapporten" and " | " in r
    )
    assert about["Anonymitet"].startswith("Minsta gruppstorlek 10.")


# ---- a statement too few people in a group answered -----------------------------------------
@pytest.fixture(scope="module")
def vet_ej(cli, folder) -> tuple[Path, Path, str]:
    """The 2025 wave, where seven of Kultur's eight respondents answered vet ej to f11."""
    frame = pd.read_excel(DIMIOS_SAMPLE, engine="openpyxl").query("år == 2025")
    rows = frame.index[frame["förvaltning"] == KULTUR]
    assert len(rows) == 8
    frame.loc[rows[:7], "f11"] = "vet ej"
    frame.loc[rows[7], "f11"] = 2
    frame.to_excel(folder / "vetej.xlsx", index=False)
    cli("report", "vetej.xlsx", "--groups", "förvaltning", "--min-size", "5", "-o", "vetej/")
    base = folder / "vetej" / "vetej_rapport"
    text = mognad.load_model("dimios").statement("f11").label("sv")
    return base.with_suffix(".xlsx"), base.with_suffix(".pptx"), text


def test_a_statement_seven_of_eight_answered_vet_ej_has_no_score_in_that_group(vet_ej):
    workbook, deck, f11 = vet_ej
    ws = load_workbook(workbook)["Grupper"]
    headers = [c.value for c in ws[4]]
    assert f"{KULTUR} (n=8)" in headers  # eight respondents: the group itself is shown
    f11_row = next(r for r in ws.iter_rows(min_row=5, values_only=True) if r[0] == "f11")
    kultur = f11_row[headers.index(f"{KULTUR} (n=8)")]
    assert kultur == HIDDEN_FIGURE
    # not the only hidden f11 figure: otherwise the total and the other groups would give it;
    # the others (which have 5 answers or more) say the same, not which kind they are
    hidden = [v for v in f11_row[4:] if v == HIDDEN_FIGURE]
    assert len(hidden) >= 2
    assert all(isinstance(v, float) for v in f11_row[4:] if v not in hidden)
    # the group's slide neither scores nor suggests it, nor shows its vet-ej share (87,5 %)
    number = slide_titles(deck).index(KULTUR) + 1
    lines = [line for n, line in deck_lines(deck) if n == number]
    assert any(line.startswith("8 svarande") for line in lines)
    for line in lines:
        assert "f11" not in line and f11[:40] not in line, line
        assert not re.search(r"\b87,5 %|\b88(,0)? %", line), line


def test_a_statement_hidden_in_the_whole_set_shows_words_on_every_sheet_and_slide(tmp_path):
    """f11 with three answers (two in 2024, one in 2025; minimum five): hidden in the file and
    in both waves, so the change is not shown either; not ranked as a place to start; no bar in
    the statement chart. (A wave where nobody answered a statement has no figure for it either:
    that is no answers, not a hidden figure; so the answers are in both waves here.)"""
    frame = pd.read_excel(DIMIOS_SAMPLE, engine="openpyxl")
    answered = [*frame.index[frame["år"] == 2024][:2], frame.index[frame["år"] == 2025][0]]
    frame.loc[frame.index.difference(answered), "f11"] = None
    assert frame["f11"].notna().sum() == 3
    frame.to_excel(tmp_path / "tre.xlsx", index=False)
    written = mognad.build_report(
        tmp_path / "tre.xlsx", "dimios", tmp_path, compare="år", groups="förvaltning", min_size=5
    )
    deck, workbook = sorted(written)  # .pptx, .xlsx
    hidden = HIDDEN_FIGURE
    wb = load_workbook(workbook)
    statements = wb["Påståenden"]
    last = statements.max_row
    assert [c.value for c in statements[last]][:5] == [
        "f11",
        statements.cell(last, 2).value,
        "Förmågor för effektivitet",
        hidden,
        None,
    ]
    assert all(c.value is None for c in statements[last][4:11])
    with zipfile.ZipFile(workbook) as z:  # the bar chart ends before the hidden row
        refs = [
            f.text
            for n in z.namelist()
            if n.startswith("xl/charts/chart")
            for f in ET.fromstring(z.read(n)).iter(f"{C}f")
            if f.text.startswith("'Påståenden'")
        ]
    assert refs and all(ref.endswith(f"${last - 1}") for ref in refs if ":" in ref)
    change = next(r for r in wb["Förändring"].iter_rows(values_only=True) if r[0] == "f11")
    assert change[3] == hidden and all(v in (None, "") for v in change[4:8] + change[9:])
    groups = next(r for r in wb["Grupper"].iter_rows(values_only=True) if r[0] == "f11")
    # the total and the group of the one 2025 answer say why; the groups without an answer to
    # f11 have no figure (and no number anywhere)
    assert groups[3] == hidden and hidden in groups[4:]
    assert set(groups[4:]) <= {hidden, None}
    ranked = [r[1] for r in wb["Prioriteringar"].iter_rows(min_row=5, values_only=True)]
    assert "f11" not in ranked and len(ranked) == 29  # the other 29 of 30
    f11 = [line for _, line in deck_lines(deck) if line.startswith("f11 ")]
    assert f11 and all(line.endswith(f": {hidden}") for line in f11)


# ---- rounding --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def dmm_report(cli, folder) -> Path:
    options = ["--groups", "ledningsgrupp", "--target", "next", "-o", "d/"]
    cli("report", DMM_SAMPLE.name, "-m", "dmm", *options)
    return folder / "d" / "dmm_sample_rapport.xlsx"


@pytest.mark.parametrize("which", ["min_size_10", "vet_ej", "dmm_report"])
def test_no_unrounded_figure_in_any_cell(request, which):
    """0-1 figures (and the priority index) to 0.001, i.e. 0.1 percentage point; percentage
    points to 0.1; means and alphas to 0.01: in the value a reader sees in the formula bar, not
    only in the number format."""
    made = request.getfixturevalue(which)
    workbook = made[0] if isinstance(made, tuple) else made
    floats = 0
    for ws in load_workbook(workbook):
        for row in ws.iter_rows():
            for c in row:
                if not isinstance(c.value, float):
                    continue
                floats += 1
                digits = 3
                if "p.e." in c.number_format or "pp" in c.number_format:
                    digits = 1
                elif ws.cell(row=4, column=c.column).value in MEAN_COLUMNS:
                    digits = 2
                assert c.value == round(c.value, digits), (ws.title, c.coordinate, c.value)
    assert floats > 100


# ---- the opt-out -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "notice", "about", "sizes_sheet"),
    [
        ("sv", "Anonymitetsskydd avstängt", "Om rapporten", "Gruppstorlek"),
        ("en", "Anonymity protection off", "About", "Group sizes"),
    ],
)
def test_min_size_1_says_so_on_the_first_sheet_and_the_title_slide(
    cli, folder, lang, notice, about, sizes_sheet
):
    cli(
        "report",
        "dimios_sample.xlsx",
        "--groups",
        "förvaltning",
        "--min-size",
        "1",
        "--lang",
        lang,
        "-o",
        f"off_{lang}/",
    )
    stem = "dimios_sample_" + ("report" if lang == "en" else "rapport")
    workbook, deck = (folder / f"off_{lang}" / f"{stem}.{s}" for s in ("xlsx", "pptx"))
    wb = load_workbook(workbook)
    first = wb.worksheets[0]
    top = [c.value for row in first.iter_rows(max_row=5) for c in row if isinstance(c.value, str)]
    assert any(v.startswith(notice) for v in top), top
    assert any(
        v and str(v).startswith(notice)
        for row in wb[about].iter_rows(values_only=True)
        for v in row
    )
    title_slide = [line for n, line in deck_lines(deck) if n == 1]
    assert any(line.startswith(notice) for line in title_slide), title_slide
    # every other slide (a group's slide is easily copied on its own) says so in its footer
    short = "Anonymity protection off" if lang == "en" else "Anonymitetsskydd avstängt"
    lines = deck_lines(deck)
    for number in {n for n, _ in lines if n > 1}:
        assert any(short in line for n, line in lines if n == number), number
    # and nothing is protected: the eight-person group is shown with its size, figures unrounded
    sizes = {r[0]: r[1] for r in wb[sizes_sheet].iter_rows(min_row=5, values_only=True) if r[0]}
    assert sizes[KULTUR] == 8
    exact = mognad.score_responses(wave_2025(), min_size=1, insights=False).overall
    overall = next(
        r[1]
        for r in first.iter_rows(values_only=True)
        if r[0] in ("Total mognad", "Overall maturity")
    )
    assert overall == exact and overall != round(exact, 3)
    assert KULTUR in slide_titles(deck)


# ---- every group that is large enough --------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "model", "by", "options"),
    [
        (DIMIOS_SAMPLE, "dimios", "förvaltning", {"compare": "år", "min_size": 5}),
        (DIMIOS_SAMPLE, "dimios", "förvaltning", {"compare": "år", "min_size": 10}),
        (DIMIOS_SAMPLE, "dimios", "roll", {"compare": "år", "min_size": 40}),
        (DMM_SAMPLE, "dmm", "ledningsgrupp", {"min_size": 5}),
        (DMM_SAMPLE, "dmm", "ledningsgrupp", {"min_size": 7}),
    ],
    ids=["dimios-5", "dimios-10", "dimios-roll-40", "dmm-5", "dmm-7"],
)
def test_the_samples_reports_show_every_group_that_is_large_enough(
    tmp_path, path, model, by, options
):
    written = mognad.build_report(path, model, tmp_path, groups=by, **options)
    deck, workbook = sorted(written)  # .pptx, .xlsx
    rs = mognad.read_responses(path, model)
    if "compare" in options:
        rs = rs.where(år=2025)  # the report is about the later wave
    expected = mognad.groups(rs, by, min_size=options["min_size"])
    assert expected.visible
    headers = [c.value for c in load_workbook(workbook)["Grupper"][4]][4:]
    assert [h.rsplit(" (n=", 1)[0] for h in headers] == expected.visible
    sizes = {g.name: g.n for g in expected.groups}
    assert headers == [f"{name} (n={sizes[name]})" for name in expected.visible]
    titles = slide_titles(deck)
    assert [t for t in titles if t in sizes] == expected.visible  # one slide per visible group


# ---- where selects ---------------------------------------------------------------------------
def test_where_selects_the_respondents_through_the_policy(tmp_path):
    out = tmp_path / "r.xlsx"
    mognad.build_report(DIMIOS_SAMPLE, "dimios", out, where=["år=2025", "roll=Medarbetare"])
    summary = [r for s, r in sheet_rows(out) if s == "Sammanfattning"]
    assert "96 personer har svarat (dimios_sample.xlsx, år=2025, roll=Medarbetare)." in summary
    with pytest.raises(mognad.disclosure.DisclosureError, match="färre än 9 svarande"):
        mognad.build_report(
            DIMIOS_SAMPLE,
            "dimios",
            tmp_path / "k.xlsx",
            where=["år=2025", f"förvaltning={KULTUR}"],  # 8 respondents
            min_size=9,
        )
    assert not (tmp_path / "k.xlsx").exists()
