"""The Excel report: native chart parts that point at the data written, formats, filters, colour
scales, Swedish and English labels. Expected figures are recomputed from the sample file with
pandas, independently of mognad's scoring, and rounded as the anonymity policy publishes them
(0-1 figures to 0.001, in the cells themselves)."""

from __future__ import annotations

import math
import re
import zipfile
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree as ET

import numpy as np
import pandas as pd
import pytest
from conftest import DIMIOS_SAMPLE, DMM_SAMPLE
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter

import mognad_core as mognad

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
# DiMiOS categories by statement-id prefix (plugins/dimios/README.md, section 2)
CATEGORIES = {
    "f1": "Förmågor för effektivitet",
    "f2": "Förmågor för innovation",
    "f3": "Förmågor för balansering",
    "a1": "Strategiskt arv",
    "a2": "Organisatoriskt arv",
    "a3": "Tekniskt arv",
}


# ---- independent expectations ---------------------------------------------------------------
def published(values) -> list[float]:
    """Figures as the report publishes them: 0-1 figures rounded to 0.001."""
    return [round(float(v), 3) for v in values]


def statement_figures(frame: pd.DataFrame) -> pd.DataFrame:
    """score = (mean - 1) / 5 of the numeric answers (DiMiOS's scale 1-6); vet-ej share = vet ej /
    (n + vet ej)."""
    rows = {}
    for col in [c for c in frame.columns if re.fullmatch(r"[fa][123][1-5]", str(c))]:
        raw = frame[col]
        dk = raw.astype(str).str.strip().str.lower().isin(["vet ej", "vet inte"]).sum()
        num = pd.to_numeric(raw, errors="coerce").dropna()
        rows[col] = {"score": (num.mean() - 1) / 5, "dk_share": dk / (len(num) + dk)}
    return pd.DataFrame(rows).T


@pytest.fixture(scope="module")
def frame_2025() -> pd.DataFrame:
    frame = pd.read_excel(DIMIOS_SAMPLE, engine="openpyxl")
    return frame[frame["år"] == 2025]


@pytest.fixture(scope="module")
def dimios_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dimios") / "rapport.xlsx"
    written = mognad.build_report(
        DIMIOS_SAMPLE, "dimios", out, compare="år", groups="förvaltning", min_size=9
    )
    assert written == [out]
    return out


@pytest.fixture(scope="module")
def dmm_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dmm") / "report.xlsx"
    mognad.build_report(DMM_SAMPLE, "dmm", out, target="next", lang="en")
    return out


# ---- chart parts ----------------------------------------------------------------------------
def _rels(z: zipfile.ZipFile, part: str) -> dict[str, str]:
    p = PurePosixPath(part)
    rels = p.parent / "_rels" / (p.name + ".rels")
    if str(rels) not in z.namelist():
        return {}
    root = ET.fromstring(z.read(str(rels)))
    out = {}
    for r in root.findall("rel:Relationship", NS):
        target = r.get("Target")
        path = PurePosixPath(target) if target.startswith("/") else p.parent / target
        parts: list[str] = []
        for piece in str(path).lstrip("/").split("/"):
            if piece == "..":
                parts.pop()
            else:
                parts.append(piece)
        out[r.get("Id")] = "/".join(parts)
    return out


def charts_by_sheet(path: Path) -> dict[str, list[dict]]:
    """{sheet name: [{"type", "title", "series": [{"tx", "cat", "val", "x", "y"}]}]} from the
    package parts (workbook -> sheet -> drawing -> chart)."""
    out: dict[str, list[dict]] = {}
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        wb_rels = _rels(z, "xl/workbook.xml")
        for sheet in wb.find("m:sheets", NS):
            name = sheet.get("name")
            sheet_part = wb_rels[sheet.get(f"{{{NS['r']}}}id")]
            charts = []
            for drawing in _rels(z, sheet_part).values():
                if "drawing" not in drawing:
                    continue
                for chart_part in _rels(z, drawing).values():
                    root = ET.fromstring(z.read(chart_part))
                    plot = root.find("c:chart/c:plotArea", NS)
                    kind = next(el.tag.split("}")[1] for el in plot if el.tag.endswith("Chart"))
                    title = "".join(t.text or "" for t in root.findall("c:chart/c:title//a:t", NS))
                    series = []
                    for ser in plot.iter(f"{{{NS['c']}}}ser"):

                        def ref(tag: str, ser=ser) -> str | None:
                            el = ser.find(f"c:{tag}//c:f", NS)
                            return None if el is None else el.text

                        series.append(
                            {
                                "tx": ref("tx"),
                                "cat": ref("cat"),
                                "val": ref("val"),
                                "x": ref("xVal"),
                                "y": ref("yVal"),
                            }
                        )
                    sizes = [  # explicit text sizes, in 1/100 pt (10 pt where none is given)
                        int(e.get("sz")) for e in root.iter(f"{{{NS['a']}}}defRPr") if e.get("sz")
                    ]
                    charts.append(
                        {"type": kind, "title": title, "series": series, "sizes": sizes or [1000]}
                    )
            out[name] = charts
    return out


def cells(wb, ref: str) -> list:
    """Values of a reference like 'Sheet'!$B$2:$B$10 (one row or column)."""
    sheet, rng = ref.rsplit("!", 1)
    ws = wb[sheet.strip("'")]
    got = ws[rng.replace("$", "")]
    if not isinstance(got, tuple):
        return [got.value]
    return [c.value for row in got for c in (row if isinstance(row, tuple) else (row,))]


# ---- tests ----------------------------------------------------------------------------------
def test_sheets_are_swedish_by_default(dimios_report):
    wb = load_workbook(dimios_report)
    assert wb.sheetnames == [
        "Sammanfattning",
        "Var börja",
        "Dimensioner",
        "Påståenden",
        "Prioriteringar",
        "Förändring",
        "Grupper",
        "Gruppstorlek",
        "Roller",
        "Fyrfält",
        "Modellens tolkning",
        "Tillförlitlighet",
        "Svarsfrekvens",
        "Om rapporten",
    ]


def test_radar_points_at_the_profile_table_with_the_earlier_wave(dimios_report, frame_2025):
    charts = charts_by_sheet(dimios_report)["Sammanfattning"]
    assert [c["type"] for c in charts] == ["radarChart"]
    radar = charts[0]
    assert radar["title"] == "Profil: kategorierna"
    wb = load_workbook(dimios_report)
    current, previous = radar["series"]
    assert cells(wb, current["tx"]) == ["Resultat 2025"]
    assert cells(wb, previous["tx"]) == ["2024"]
    assert current["cat"] == previous["cat"]
    assert re.fullmatch(r"'Sammanfattning'!\$A\$\d+:\$A\$\d+", current["cat"])
    assert cells(wb, current["cat"]) == list(CATEGORIES.values())
    # the 2025 category scores, recomputed from the raw answers: mean of four statement scores
    figs = statement_figures(frame_2025)
    expected = [
        figs.loc[[i for i in figs.index if i.startswith(p)], "score"].mean() for p in CATEGORIES
    ]
    assert cells(wb, current["val"]) == pytest.approx(published(expected), abs=1e-12)
    frame_2024 = pd.read_excel(DIMIOS_SAMPLE, engine="openpyxl").query("år == 2024")
    figs0 = statement_figures(frame_2024)
    expected0 = [
        figs0.loc[[i for i in figs0.index if i.startswith(p)], "score"].mean() for p in CATEGORIES
    ]
    assert cells(wb, previous["val"]) == pytest.approx(published(expected0), abs=1e-12)


def test_statement_bars_are_sorted_by_score_with_vet_ej_beside(dimios_report, frame_2025):
    charts = charts_by_sheet(dimios_report)["Påståenden"]
    assert [c["type"] for c in charts] == ["barChart"]
    score, dk = charts[0]["series"]
    wb = load_workbook(dimios_report)
    ws = wb["Påståenden"]
    assert score["val"] == "'Påståenden'!$D$5:$D$34"
    assert dk["val"] == "'Påståenden'!$E$5:$E$34"
    assert score["cat"] == "'Påståenden'!$L$5:$L$34"
    assert cells(wb, score["tx"]) == ["Värde"]
    assert cells(wb, dk["tx"]) == ["Vet ej (andel)"]
    ids = [ws.cell(row=r, column=1).value for r in range(5, 35)]  # 30 statements
    figs = statement_figures(frame_2025)
    order = figs["score"].round(3).sort_values(kind="stable").index.tolist()
    assert ids == order  # lowest (published) score first
    expected_scores = published(figs.loc[ids, "score"])
    assert cells(wb, score["val"]) == pytest.approx(expected_scores, abs=1e-12)
    assert cells(wb, dk["val"]) == pytest.approx(published(figs.loc[ids, "dk_share"]), abs=1e-12)
    # labelled by the statements' short names (never ids, never cut with "…")
    model = mognad.get_model("dimios")
    assert cells(wb, score["cat"]) == [model.statement(i).short_label("sv") for i in ids]
    assert "Kostnadskontroll" in cells(wb, score["cat"])


def test_before_after_bars_cover_overall_dimensions_and_categories(dimios_report):
    charts = charts_by_sheet(dimios_report)["Förändring"]
    assert [c["type"] for c in charts] == ["barChart"]
    before, after = charts[0]["series"]
    wb = load_workbook(dimios_report)
    assert cells(wb, before["tx"]) == ["Före (2024)"]
    assert cells(wb, after["tx"]) == ["Efter (2025)"]
    labels = cells(wb, before["cat"])
    assert labels == [
        "Totalt",
        "Digital förmåga",
        *list(CATEGORIES.values())[:3],
        "Digitalt arv",
        *list(CATEGORIES.values())[3:],
    ]
    ws = wb["Förändring"]
    change = [ws.cell(row=r, column=6).value for r in range(5, 5 + len(labels))]
    b, a = cells(wb, before["val"]), cells(wb, after["val"])
    assert change == pytest.approx([(y - x) * 100 for x, y in zip(b, a, strict=True)])


def test_quadrant_scatter_plots_the_organisation_and_visible_groups(dimios_report, frame_2025):
    charts = charts_by_sheet(dimios_report)["Fyrfält"]
    assert [c["type"] for c in charts] == ["scatterChart"]
    wb = load_workbook(dimios_report)
    series = charts[0]["series"]
    names = [cells(wb, s["tx"])[0] if s["tx"] else None for s in series]
    assert names[:2] == ["Hela organisationen", "2024"]
    # min_size 9 hides Kultur (8 respondents) and, to protect it, another group: the points are
    # exactly the groups mognad.groups shows under the same policy
    grouped = mognad.groups(
        mognad.read_responses(DIMIOS_SAMPLE, "dimios").where(år=2025), "förvaltning", min_size=9
    )
    assert "Kultur- och fritidsförvaltningen" in grouped.suppressed
    assert len(grouped.suppressed) >= 2 and grouped.visible
    assert [n for n in names[2:] if n in grouped.visible + grouped.suppressed] == grouped.visible
    org = series[0]
    figs = statement_figures(frame_2025)
    formaga = np.mean(
        [
            figs.loc[[i for i in figs.index if i.startswith(p)], "score"].mean()
            for p in ("f1", "f2", "f3")
        ]
    )
    assert cells(wb, org["x"]) == pytest.approx(published([formaga]), abs=1e-12)


def test_groups_sheet_shows_only_visible_groups(dimios_report):
    """The groups shown are those mognad.groups shows for the report's wave (2025) under the
    same policy; a hidden group has no size, not even a bound ("< 9" would be false for a group
    hidden to protect a smaller one), and the one reason for every hidden group."""
    rs = mognad.read_responses(DIMIOS_SAMPLE, "dimios").where(år=2025)
    grouped = mognad.groups(rs, "förvaltning", min_size=9)
    counts = rs.attributes["förvaltning"].value_counts()
    assert "Kultur- och fritidsförvaltningen" in grouped.suppressed  # 8 respondents
    assert {"Barn- och utbildningsförvaltningen", "Socialförvaltningen"} <= set(grouped.visible)
    wb = load_workbook(dimios_report)
    ws = wb["Grupper"]
    headers = [c.value for c in ws[4]]
    assert headers[:4] == ["Id", "Del", "Typ", "Totalt"]
    assert headers[4:] == [f"{name} (n={counts[name]})" for name in grouped.visible]
    assert "Barn- och utbildningsförvaltningen (n=62)" in headers
    sizes = {r[0]: r[1:] for r in wb["Gruppstorlek"].iter_rows(min_row=5, values_only=True) if r[0]}
    why = (
        "visas inte av anonymitetsskäl (färre än 9 svarande, eller så att en mindre grupp inte "
        "kan räknas fram)"
    )
    for name in grouped.suppressed:
        assert sizes[name][:3] == ("dold", "nej", why), name
    for name in grouped.visible:
        assert sizes[name][:2] == (counts[name], "ja"), name
    assert sizes["Socialförvaltningen"][:2] == (75, "ja")
    chart = charts_by_sheet(dimios_report)["Grupper"][0]
    assert [cells(wb, s["tx"])[0] for s in chart["series"]] == ["Totalt", *headers[4:]]


def test_formats_frozen_headers_filters_and_colour_scales(dimios_report):
    wb = load_workbook(dimios_report)
    ws = wb["Påståenden"]
    assert ws.freeze_panes == "C5"
    assert ws.auto_filter.ref == "A4:L34"
    assert ws["D5"].number_format == "0.0 %"
    assert ws["E5"].number_format == "0.0 %"
    ranges = {str(r.sqref): [x.type for x in r.rules] for r in ws.conditional_formatting}
    assert ranges == {"D5:D34": ["colorScale"], "E5:E34": ["colorScale"]}
    dims = wb["Dimensioner"]
    assert dims.freeze_panes == "C5"
    assert dims["E5"].number_format == "0.0 %"
    assert [c.value for c in dims[4]][:5] == ["Id", "Del", "Typ", "Hör till", "Värde"]
    change = wb["Förändring"]
    assert change["F5"].number_format == '+0.0" p.e.";"\u2212"0.0" p.e.";"\u00b1"0.0" p.e."'


def test_priorities_put_low_score_and_much_vet_ej_first(dimios_report, frame_2025):
    ws = load_workbook(dimios_report)["Prioriteringar"]
    figs = statement_figures(frame_2025)
    median = figs["score"].median()
    low_and_unknown = figs[(figs["score"] < median) & (figs["dk_share"] >= 0.20)].index.tolist()
    assert low_and_unknown == ["f12"]
    first = [c.value for c in ws[5]]
    assert first[:2] == [1, "f12"]
    assert first[-2] == "ja"
    assert "under medianen" in first[-1] and "hög andel vet ej" in first[-1]
    # marked: the statements of the areas chosen on "Var börja" (not the top statements, which
    # could lie in other areas): the five statements of each of the two DiMiOS categories
    headers = [c.value for c in ws[4]]
    area = headers.index("Område")
    chosen = set(
        load_workbook(dimios_report)["Var börja"]["A1"].value[len("Var börja: ") :].split(" och ")
    )
    assert chosen == {CATEGORIES["f1"], CATEGORIES["f2"]}
    rows = list(ws.iter_rows(min_row=5, max_row=34))
    marked = [r[1].value for r in rows if r[0].font.bold]
    assert sorted(marked) == [f"f{c}{i}" for c in (1, 2) for i in range(1, 6)]
    assert all((r[area].value in chosen) == r[0].font.bold for r in rows)
    assert ws["A1"].value == "Påståendena i prioritetsordning"


def test_summary_sentences_and_key_figures(dimios_report, frame_2025):
    ws = load_workbook(dimios_report)["Sammanfattning"]
    text = [c.value for c in ws["A"] if isinstance(c.value, str)]
    figs = statement_figures(frame_2025)
    cats = [
        figs.loc[[i for i in figs.index if i.startswith(p)], "score"].mean() for p in CATEGORIES
    ]
    overall = np.mean([np.mean(cats[:3]), np.mean(cats[3:])])
    pct = f"{overall * 100:.1f}".replace(".", ",")
    assert f"Den samlade digitala mognaden är {pct} %." in text
    assert "240 personer har svarat (dimios_sample.xlsx). Rapporten gäller 2025." in text
    # the summary's "where to start" names the areas of the "Var börja" sheet, in its order
    start = next(t for t in text if t.startswith("Förslag på var ni kan börja: "))
    assert start.index(CATEGORIES["f1"]) < start.index(CATEGORIES["f2"])
    assert "Vi har god kontroll" not in start  # areas, not statements
    gap = f"{(overall - 0.47) * 100:.1f}".replace(".", ",")  # public_sector_2023, the default
    assert any(f"Det är {gap} procentenheter över" in t for t in text)
    row = next(r for r in ws.iter_rows(min_row=1) if r[0].value == "Total mognad")
    assert row[1].value == pytest.approx(round(overall, 3), abs=1e-12)
    assert row[1].number_format == "0.0 %"


def test_english_labels_and_the_target_profile_on_the_radar(dmm_report):
    wb = load_workbook(dmm_report)
    assert wb.sheetnames[:4] == ["Summary", "Where to start", "Dimensions", "Statements"]
    assert "2×2" not in wb.sheetnames  # only models with a 2x2 position
    radar = charts_by_sheet(dmm_report)["Summary"][0]
    assert radar["title"] == "Profile: the dimensions"
    names = [cells(wb, s["tx"])[0] for s in radar["series"]]
    assert names == ["Result", "Target: the next level"]
    labels = cells(wb, radar["series"][0]["cat"])
    assert labels[0] == "Values" and len(labels) == 9  # the model's English labels
    # next level: Koordination (0.50) below 0.50, Acceleration (0.75) from 0.50
    scores = cells(wb, radar["series"][0]["val"])
    targets = cells(wb, radar["series"][1]["val"])
    assert targets == [0.75 if s >= 0.5 else 0.5 for s in scores]
    dims = wb["Dimensions"]
    assert [c.value for c in dims[4]][4:6] == ["Score", "Level"]
    assert dims["F5"].value in {"Mobilisation", "Coordination", "Acceleration"}


# ---- issue 15: numbers, printing, the decision ------------------------------------------------
@pytest.fixture(scope="module")
def dmm_sv_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dmm_sv") / "rapport.xlsx"
    mognad.build_report(DMM_SAMPLE, "dmm", out, groups="ledningsgrupp")
    return out


#: a figure written as text: a number with a decimal sign or a unit (%, p.e., pp)
FIGURE_TEXT = re.compile(r"[+\u2212\u00b1-]?\d+([.,]\d+)?\s?(%|p\.e\.|pp)|[+\u2212-]?\d+[.,]\d+")
PP_FORMAT = '+0.0" p.e.";"\u2212"0.0" p.e.";"\u00b1"0.0" p.e."'


def figure_cells(path: Path):
    """(sheet, cell) for every cell of the workbook holding a value."""
    wb = load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    yield ws, c


@pytest.mark.parametrize("report", ["dimios_report", "dmm_sv_report", "dmm_report"])
def test_figures_are_numbers_with_a_number_format(report, request):
    """Every fraction is a number with a format (percent, points, decimals), no figure is text
    (the model's insights included), and no cell holds or shows -0.0."""
    path = request.getfixturevalue(report)
    floats = 0
    for ws, c in figure_cells(path):
        where = f"{ws.title}!{c.coordinate}"
        if isinstance(c.value, float):
            floats += 1
            assert c.number_format != "General", where
            if c.number_format == PP_FORMAT or "p.e." in c.number_format:
                assert c.value == round(c.value, 1), where  # rounded in the cell
            assert not (c.value == 0 and math.copysign(1, c.value) < 0), where  # no -0.0
        elif isinstance(c.value, str):
            assert not FIGURE_TEXT.fullmatch(c.value.strip()), where
            assert not re.search(r"[-\u2212]0[.,]0(?!\d)", c.value), where
    assert floats > 100


def test_model_insights_store_their_figures_as_numbers(dmm_sv_report, dimios_report):
    ws = load_workbook(dmm_sv_report)["Modellens tolkning"]
    rows = [[c for c in r] for r in ws.iter_rows()]
    header = next(i for i, r in enumerate(rows) if r[0].value == "motor" and r[1].value == "poäng")
    engine = rows[header + 1]
    assert engine[0].value == "Värderingar"
    assert isinstance(engine[1].value, float) and 0 < engine[1].value < 1
    assert engine[1].number_format == "0.0 %"
    # the profile's text bars are numbers with a data bar over them
    prof = next(i for i, r in enumerate(rows) if r[0].value == "motor" and r[1].value == "profil")
    assert isinstance(rows[prof + 1][1].value, float)
    rules = [x.type for r in ws.conditional_formatting for x in r.rules]
    assert "dataBar" in rules
    dim = load_workbook(dimios_report)["Modellens tolkning"]
    n_col = next((r for r in dim.iter_rows() if r[0].value == "Grupp" and r[1].value == "n"), None)
    assert n_col is not None
    below = dim.cell(row=n_col[0].row + 1, column=2).value
    assert isinstance(below, int) and below > 0


@pytest.mark.parametrize("report", ["dimios_report", "dmm_sv_report"])
def test_swedish_workbooks_have_no_developer_or_english_words(report, request):
    for ws, c in figure_cells(request.getfixturevalue(report)):
        if isinstance(c.value, str):
            for word in ("JSON", "insikten", "mirror", "dmm_profile"):
                assert word not in c.value, f"{ws.title}!{c.coordinate}: {c.value}"


def _points(ws, col: int) -> float:
    """Column width in points as Excel draws Calibri 11 (7-pixel digit, 5 pixels padding)."""
    dim = ws.column_dimensions.get(get_column_letter(col))
    width = dim.width if dim is not None and dim.customWidth else 8.43
    return math.floor(width * 7 + 5) * 0.75


@pytest.mark.parametrize("report", ["dimios_report", "dmm_sv_report", "dmm_report"])
def test_every_sheet_prints_on_a4_one_page_wide_at_8_pt_or_more(report, request):
    """A4 (paperSize 9), fit to one page wide and any number tall (fitToHeight 0), the print
    area the visible table; the scale that fitting the print area's columns to the page's
    width gives, times the smallest type in the area, is at least 8 pt."""
    path = request.getfixturevalue(report)
    wb, charts = load_workbook(path), charts_by_sheet(path)
    for ws in wb.worksheets:
        ps = ws.page_setup
        assert ps.paperSize == 9, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (ps.fitToWidth, ps.fitToHeight) == (1, 0), ws.title
        assert ws.print_area, ws.title
        area = ws.print_area.split("!")[-1].replace("$", "")
        last = area.split(":")[1]
        last_col = column_index_from_string(re.match(r"[A-Z]+", last)[0])
        last_row = int(re.search(r"\d+", last)[0])
        width = sum(_points(ws, j) for j in range(1, last_col + 1))
        paper = 841.9 if ps.orientation == "landscape" else 595.3
        printable = paper - 72 * (ws.page_margins.left + ws.page_margins.right)
        scale = min(100, math.floor(100 * printable / width))
        assert ps.scale == scale, ws.title
        sizes = [
            c.font.sz or 11
            for row in ws.iter_rows(min_row=1, max_row=last_row, max_col=last_col)
            for c in row
            if c.value is not None
        ]
        assert scale / 100 * min(sizes) >= 8, (ws.title, scale, min(sizes))
        for chart in charts.get(ws.title, []):  # the charts print at the same scale
            assert scale / 100 * min(chart["sizes"]) / 100 >= 8, (ws.title, chart["title"])
        if ps.orientation == "portrait":  # landscape only where the table is wide
            assert width * 0.9 <= 595.3 - 72 * (ws.page_margins.left + ws.page_margins.right)


def chart_anchors(path: Path) -> dict[str, list[tuple[int, int, float]]]:
    """{sheet: [(first row, first column, last row)]} of each chart's drawing (1-based rows and
    columns; the last row counted in default 15-pt rows from the chart's height)."""
    xdr = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
    out: dict[str, list[tuple[int, int, float]]] = {}
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        wb_rels = _rels(z, "xl/workbook.xml")
        for sheet in wb.find("m:sheets", NS):
            part = wb_rels[sheet.get(f"{{{NS['r']}}}id")]
            for drawing in (d for d in _rels(z, part).values() if "drawing" in d):
                for anchor in ET.fromstring(z.read(drawing)):
                    row = int(anchor.find(f"{xdr}from/{xdr}row").text) + 1
                    col = int(anchor.find(f"{xdr}from/{xdr}col").text) + 1
                    cy = int(anchor.find(f"{xdr}ext").get("cy"))
                    out.setdefault(sheet.get("name"), []).append((row, col, row + cy / 190500))
    return out


def test_print_areas_hold_the_charts_and_leave_their_helpers_out(dimios_report):
    """The charts print (below their tables, in the print area), the cells that only feed them
    do not (the statements' short labels in column L, the 2x2 chart's lines and field names)."""
    wb = load_workbook(dimios_report)
    charts = charts_by_sheet(dimios_report)
    anchors = chart_anchors(dimios_report)
    for ws in wb.worksheets:
        area = ws.print_area.split("!")[-1].replace("$", "")
        last_row = int(re.search(r"\d+$", area)[0])
        for row, col, end in anchors.get(ws.title, []):
            assert col == 1 and row > 4 and end <= last_row + 1, (ws.title, row, end, area)
    assert set(anchors) == {"Sammanfattning", "Påståenden", "Förändring", "Grupper", "Fyrfält"}
    statements = wb["Påståenden"]
    assert re.fullmatch(r"'Påståenden'!\$A\$1:\$K\$\d+", statements.print_area)
    assert charts["Påståenden"][0]["series"][0]["cat"] == "'Påståenden'!$L$5:$L$34"  # outside
    assert statements.print_title_rows == "$4:$4"
    assert [b.id for b in statements.row_breaks.brk] == [35]  # the chart on a page of its own
    quadrant = wb["Fyrfält"]
    area_end = re.search(r":\$([A-Z]+)\$", quadrant.print_area)[1]
    assert area_end == "D"
    helpers = [s for s in charts["Fyrfält"][0]["series"] if s["tx"] is None]
    assert helpers  # the threshold lines and the fields' names
    for s in helpers:
        col = re.search(r"!\$([A-Z]+)\$", s["x"])[1]
        assert column_index_from_string(col) > column_index_from_string(area_end), s


def test_the_decision_is_on_its_own_sheet_and_nothing_contradicts_it(dmm_sv_report):
    """DMM: the areas chosen by mognad.where_to_start head "Var börja", each with its reason and
    its statements; the summary names them; the insights sheet frames the model's recommended
    order (Värderingar and Vision & Mission first) as background to that choice."""
    rs = mognad.read_responses(DMM_SAMPLE, "dmm")
    start = mognad.where_to_start(mognad.score(rs), lang="sv")
    labels = [a.label for a in start.areas]
    assert len(labels) == 2
    wb = load_workbook(dmm_sv_report)
    assert wb.sheetnames[:2] == ["Sammanfattning", "Var börja"]
    ws = wb["Var börja"]
    assert ws["A1"].value == f"Var börja: {labels[0]} och {labels[1]}"
    col_a = [c.value for c in ws["A"]]
    for area in start.areas:
        at = col_a.index(f"{area.rank}. {area.label}")
        assert ws.cell(row=at + 2, column=1).value == area.why
        texts_below = [
            ws.cell(row=at + 3 + i, column=2).value for i in range(1, 1 + len(area.statements))
        ]
        assert texts_below == [s.label for s in area.statements]
        scores = [
            ws.cell(row=at + 3 + i, column=3).value for i in range(1, 1 + len(area.statements))
        ]
        assert scores == pytest.approx([round(s.score, 3) for s in area.statements], abs=1e-9)
    ranked = col_a.index("Alla områden i ordning")
    table = [
        [c.value for c in r]
        for r in ws.iter_rows(min_row=ranked + 3, max_row=ranked + 2 + len(start.ranked))
    ]
    assert [r[1] for r in table] == [a.label for a in start.ranked]
    assert [r[0] for r in table] == list(range(1, len(start.ranked) + 1))
    summary = [c.value for c in wb["Sammanfattning"]["A"] if isinstance(c.value, str)]
    sentence = next(s for s in summary if s.startswith("Förslag på var ni kan börja"))
    assert sentence.index(labels[0]) < sentence.index(labels[1])
    insights = wb["Modellens tolkning"]
    assert insights["A4"].value.startswith(
        f"Förslaget är att börja med {labels[0]} och {labels[1]}"
    )
    assert "modellens egna" in insights["A4"].value
    order = [c.value for c in insights["A"] if isinstance(c.value, str) and "går före" in c.value]
    assert order, "the model's recommended order is still shown, below the framing"


def test_change_sheet_shows_raw_and_holm_adjusted_p(dimios_report):
    """ "Säker förändring" is the adjusted decision: ja exactly where Holm's p < 0.05, and p as
    compare_waves computes it (under the same policy) beside it."""
    ws = load_workbook(dimios_report)["Förändring"]
    headers = [c.value for c in ws[4]]
    sure, raw, adj = (
        headers.index("Säker förändring"),
        headers.index("p (ojusterat)"),
        headers.index("p (Holm)"),
    )
    result = mognad.compare_waves(mognad.read_responses(DIMIOS_SAMPLE, "dimios"), "år", min_size=6)
    rows = {r[0].value: r for r in ws.iter_rows(min_row=5) if r[0].value}
    checked = 0
    for r in result.rows:
        cells_ = rows[r.id]
        if r.p_adjusted is None:
            continue
        checked += 1
        assert cells_[sure].value == ("ja" if r.p_adjusted < 0.05 else "nej"), r.id
        for cell, p in ((cells_[raw], r.p_value), (cells_[adj], r.p_adjusted)):
            if p < 0.001:
                assert (cell.value, cell.number_format) == (0.001, '"<"0.000'), r.id
            else:
                assert cell.value == pytest.approx(p), r.id
                assert cell.number_format == "0.000"
        assert cells_[adj].value >= cells_[raw].value - 1e-12  # Holm never lowers p
    assert checked >= 24
    # the sample: some raw p below 0.05 are not sure after the adjustment
    raw_only = [
        r for r in result.rows if r.p_value is not None and r.p_value < 0.05 <= r.p_adjusted
    ]
    assert raw_only and all(rows[r.id][sure].value == "nej" for r in raw_only)


def test_roles_side_by_side_with_the_difference(dimios_report):
    """The roles of the wave the report is about, each visible role's scores recomputed from
    the answers (mean of (answer - 1) / 5), and the spread between the highest and lowest."""
    ws = load_workbook(dimios_report)["Roller"]
    headers = [c.value for c in ws[4]]
    frame = pd.read_excel(DIMIOS_SAMPLE, engine="openpyxl").query("år == 2025")
    counts = frame["roll"].value_counts()
    role_headers = headers[2:-1]
    assert headers[-1] == "Skillnad, högst − lägst"
    names = [h.rsplit(" (n=", 1)[0] for h in role_headers]
    assert role_headers == [f"{n} (n={counts[n]})" for n in names]
    rows = {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=5) if r[0].value}
    text = "Vi har god kontroll över kostnaderna för våra digitala initiativ och vår it-drift."
    row = rows[text]
    for name, value in zip(names, row[2:-1], strict=True):
        answers = pd.to_numeric(frame.loc[frame["roll"] == name, "f12"], errors="coerce").dropna()
        assert value == pytest.approx(round((answers.mean() - 1) / 5, 3), abs=1e-12), name
    figures = row[2:-1]
    assert row[-1] == pytest.approx(round((max(figures) - min(figures)) * 100, 1), abs=0.11)


def test_response_counts_per_wave_and_group(dimios_report):
    """Groups in rows, waves in columns: the whole organisation in both waves, the groups in the
    wave the report is about; a hidden group has no count (so no row holds a wave's label or
    any number beside a hidden group's name)."""
    ws = load_workbook(dimios_report)["Svarsfrekvens"]
    assert [c.value for c in ws[4]] == ["Grupp", "Svarande 2024", "Svarande 2025"]
    frame = pd.read_excel(DIMIOS_SAMPLE, engine="openpyxl")
    rows = {r[0]: r[1:] for r in ws.iter_rows(min_row=5, values_only=True) if r[0]}
    waves = frame["år"].value_counts()
    assert rows.pop("Hela organisationen") == (waves[2024], waves[2025])
    counts = frame.query("år == 2025")["förvaltning"].value_counts()
    assert set(rows) == set(counts.index)
    grouped = mognad.groups(
        mognad.read_responses(DIMIOS_SAMPLE, "dimios").where(år=2025), "förvaltning", min_size=9
    )
    for g, (n2024, n2025) in rows.items():
        assert n2024 is None
        assert n2025 == ("dold" if g in grouped.suppressed else counts[g]), g


def test_a_change_that_rounds_to_zero_is_zero_not_minus_zero(tmp_path):
    """2025 is 2024 with one answer one step lower: the statement falls by 0.1 p.e. but its
    category, dimension and the total by less than 0.05, which round to 0.0, never to -0.0 (a
    cell of -0.0 shows "−0,0 p.e." in the negative section of the format). Cells hold points
    rounded to 0.1 even with the protection off."""
    frame = pd.read_excel(DIMIOS_SAMPLE, engine="openpyxl").query("år == 2025")
    before = frame.assign(år=2024, respondent=frame["respondent"].astype(str) + "-2024")
    after = frame.copy()
    row = after.index[pd.to_numeric(after["f11"], errors="coerce") >= 2][0]
    after.loc[row, "f11"] = int(after.loc[row, "f11"]) - 1
    data = tmp_path / "svar.xlsx"
    pd.concat([before, after]).to_excel(data, index=False)
    out = tmp_path / "rapport.xlsx"
    # protection off: the differences are of unrounded scores, so the tiny ones are there
    mognad.build_report(data, "dimios", out, compare="år", min_size=1)
    ws = load_workbook(out)["Förändring"]
    change = {r[0].value: r[5].value for r in ws.iter_rows(min_row=5) if r[0].value}
    assert change["f11"] == pytest.approx(-0.1)
    zeros = [k for k, v in change.items() if v == 0]
    # the total, the dimension and the category of f11 changed by less than 0.05 p.e.
    assert {"overall", "formaga", "formaga_effektivitet", "f12"} <= set(zeros)
    for key in zeros:
        assert math.copysign(1, change[key]) == 1, key
    fig = next(
        r
        for r in load_workbook(out)["Sammanfattning"].iter_rows()
        if r[0].value == "Förändring sedan 2024"
    )
    assert fig[1].value == 0 and math.copysign(1, fig[1].value) == 1


def test_response_rates_with_the_invited(tmp_path):
    """With the invited per wave and group (a CSV as `--invited` takes it), the rate is
    respondents / invited, rounded as the scores are, as a percent; a group without a count
    has no rate."""
    invited = tmp_path / "inbjudna.csv"
    invited.write_text("namn;antal\n2024;300\n2025;320\nSocialförvaltningen;80\n", encoding="utf-8")
    out = tmp_path / "rapport.xlsx"
    mognad.build_report(DIMIOS_SAMPLE, "dimios", out, groups="förvaltning", invited=invited)
    ws = load_workbook(out)["Svarsfrekvens"]
    assert [c.value for c in ws[4]] == [
        "Grupp",
        "Svarande 2024",
        "Inbjudna 2024",
        "Svarsfrekvens 2024",
        "Svarande 2025",
        "Inbjudna 2025",
        "Svarsfrekvens 2025",
    ]
    rows = {r[0].value: r[1:] for r in ws.iter_rows(min_row=5) if r[0].value}
    frame = pd.read_excel(DIMIOS_SAMPLE, engine="openpyxl")
    n = frame["år"].value_counts()
    whole = rows["Hela organisationen"]
    assert [c.value for c in whole] == [
        n[2024],
        300,
        round(n[2024] / 300, 3),
        n[2025],
        320,
        round(n[2025] / 320, 3),
    ]
    assert whole[2].number_format == whole[5].number_format == "0.0 %"
    social = frame.query("år == 2025 and förvaltning == 'Socialförvaltningen'").shape[0]
    assert [c.value for c in rows["Socialförvaltningen"][3:]] == [social, 80, round(social / 80, 3)]
    assert [c.value for c in rows["Kommunledningsförvaltningen"][4:]] == [None, None]


def test_a_hidden_role_has_no_column_and_no_figures(tmp_path):
    """min_size 40 hides IT/Digitalisering (37 answered 2025) and, so that it cannot be worked
    out from the total, whichever other roles the policy hides with it: they are named as
    hidden, with no column, no size and no figure."""
    out = tmp_path / "rapport.xlsx"
    mognad.build_report(DIMIOS_SAMPLE, "dimios", out, min_size=40)
    ws = load_workbook(out)["Roller"]
    frame = pd.read_excel(DIMIOS_SAMPLE, engine="openpyxl").query("år == 2025")
    counts = frame["roll"].value_counts()
    assert counts["IT/Digitalisering"] == 37
    grouped = mognad.groups(
        mognad.read_responses(DIMIOS_SAMPLE, "dimios").where(år=2025), "roll", min_size=40
    )
    assert "IT/Digitalisering" in grouped.suppressed and grouped.visible
    headers = [c.value for c in ws[4]][2:]
    roles = [h.rsplit(" (n=", 1)[0] for h in headers if " (n=" in h]
    assert roles == grouped.visible
    note = ws["A2"].value
    assert note.startswith("Dolda roller har inga siffror (anonymitet): ")
    for name in grouped.suppressed:
        assert name in note
        assert str(counts[name]) not in note
    cells_ = [c.value for r in ws.iter_rows(min_row=4) for c in r]
    assert not any(isinstance(v, str) and "IT/Digitalisering" in v for v in cells_)
