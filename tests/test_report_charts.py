"""The deck's native charts (:mod:`mognad_core.report.pptx_charts`) and what was seen in rendered
report pages and fixed: point labels on the "where to start" map that covered each other, a
heat map coloured from its own minimum to maximum (55 % showed red), decimal points in Swedish
summary sentences, a yellow marker hard to see on white."""

from __future__ import annotations

import re
import zipfile
from itertools import combinations

import pytest
from conftest import DIMIOS_SAMPLE
from pptx import Presentation
from pptx.util import Inches, Pt

import mognad_core as mognad
from mognad_core.report import collect
from mognad_core.report import pptx_charts as pc
from mognad_core.report.summary import sentences
from mognad_core.texts import Texts


@pytest.mark.parametrize("value", [i / 1000 for i in range(0, 1001, 3)])
def test_a_cell_is_in_the_band_of_the_figure_it_shows(value):
    """The scale is absolute and follows the figure as written: 39,6 % shows "40 %" and is in
    the 40–59 % band, whatever the other cells are."""
    shown = int(Texts("sv").pct(value).removesuffix(" %"))
    assert pc.band(value) == min(4, shown // 20)
    low, high = re.findall(r"\d+", pc.band_labels()[pc.band(value)])
    assert int(low) <= shown <= int(high)


def test_the_key_covers_zero_to_a_hundred_in_five_bands():
    assert pc.band_labels() == ["0–19 %", "20–39 %", "40–59 %", "60–79 %", "80–100 %"]
    # light to dark, with dark text on the light bands and white on the dark ones
    lightness = [sum(fill) for fill, _ in pc.BANDS]
    assert lightness == sorted(lightness, reverse=True)
    assert [str(ink) for _, ink in pc.BANDS] == ["1F1F1F"] * 3 + ["FFFFFF"] * 2


def test_wrap_never_breaks_a_word_and_fits_the_width():
    text = "Vi har god kontroll över kostnaderna för våra digitala initiativ och vår it-drift."
    lines = pc.wrap(text, 200, 14)
    assert " ".join(lines) == text
    assert all(pc.text_width(line, 14) <= 200 for line in lines)
    assert len(lines) == 4


def test_crowded_labels_take_free_places_inside_the_plot():
    """Four points close together (each labelled on its right, two labels would overlap):
    every label is placed where it covers no other label and no other point, inside the plot
    area."""
    area = (0.0, 0.0, 600.0, 400.0)
    points = [
        (300 + dx, 200 + dy, 5, ["Kostnadskontroll"], 13, i == 0)
        for i, (dx, dy) in enumerate([(0, 0), (10, 0), (0, 24), (-10, -24)])
    ]
    right = [pc.label_box(x, y, r, lines, size, bold, 0) for x, y, r, lines, size, bold in points]
    assert any(pc._overlap(a, b) for a, b in combinations(right, 2))
    spots = pc.place_labels(points, area)
    boxes = [
        pc.label_box(x, y, r, lines, size, bold, spot)
        for (x, y, r, lines, size, bold), spot in zip(points, spots, strict=True)
    ]
    for a, b in combinations(boxes, 2):
        assert pc._overlap(a, b) == 0
    for box in boxes:
        assert pc._overlap(box, area) == pytest.approx((box[2] - box[0]) * (box[3] - box[1]))
    # a point at the right edge is labelled on its left
    edge = pc.place_labels([(595, 200, 5, ["Kostnadskontroll"], 13, False)], area)
    assert pc.POSITIONS[edge[0]][1] == -1


def test_a_scatter_chart_holds_its_points_and_names_them(tmp_path):
    """The chart is a chart (not a picture) whose series hold the points, each named point has a
    data label with its name, and the legend leaves out the helper lines."""
    from pptx.enum.chart import XL_CHART_TYPE

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    series = [
        pc.ScatterSeries("line", [pc.Point(0.5, 0), pc.Point(0.5, 1)], pc.GREY, line=True),
        pc.ScatterSeries(
            "pts", [pc.Point(0.3, 0.2, "Kostnadskontroll"), pc.Point(0.6, 0.7)], pc.BLUE
        ),
    ]
    series[0].legend = False
    pc.scatter(
        slide,
        pc.Box(0, 0, Inches(8), Inches(5)),
        series,
        x_range=(0, 1),
        y_range=(0, 1),
        x_title="x",
        y_title="y",
    )
    prs.save(tmp_path / "c.pptx")
    chart = next(s for s in Presentation(tmp_path / "c.pptx").slides[0].shapes if s.has_chart).chart
    assert chart.chart_type == XL_CHART_TYPE.XY_SCATTER
    pts, line = chart.plots[0].series  # the line drawn last
    assert list(pts.values) == [0.2, 0.7] and list(line.values) == [0, 1]
    assert pts.points[0].data_label.text_frame.text == "Kostnadskontroll"
    assert not pts.points[1].data_label.has_text_frame
    xml = chart._chartSpace.xml
    xml = re.sub(r">\s+<", "><", xml)
    assert '<c:legendEntry><c:idx val="1"/><c:delete val="1"/></c:legendEntry>' in xml
    assert 'formatCode="0 %"' in xml
    assert all(
        r.font.size is None or r.font.size >= Pt(12)
        for p in pts.points[0].data_label.text_frame.paragraphs
        for r in p.runs
    )


def test_swedish_summary_has_decimal_commas_throughout():
    data = collect(DIMIOS_SAMPLE, "dimios", compare="år")
    text = sentences(data)
    balance = next(s for s in text if s.startswith("Effektivitet–innovation"))
    assert not re.search(r"\d\.\d", " ".join(text))
    assert re.search(r"\d,\d %", balance)
    # the plugin writes its own numbers as the catalogue does: a decimal comma, a true minus
    assert re.search(r"−\d,\d procentenheter", balance)
    english = sentences(collect(DIMIOS_SAMPLE, "dimios", compare="år", lang="en"))
    assert re.search(r"\d\.\d %", next(s for s in english if s.startswith("Efficiency")))


def test_quadrant_groups_are_not_drawn_in_yellow(tmp_path):
    out = tmp_path / "r.xlsx"
    mognad.build_report(DIMIOS_SAMPLE, "dimios", out, groups="förvaltning")
    with zipfile.ZipFile(out) as z:
        scatter = [
            z.read(n).decode()
            for n in z.namelist()
            if n.startswith("xl/charts/") and "scatterChart" in z.read(n).decode()
        ]
    assert len(scatter) == 1
    assert "F0E442" not in scatter[0]  # five groups: the yellow is not needed


def test_a_label_moves_to_make_room_for_a_later_one():
    """The first label would take the right of its point; the second point's only free place
    is on its left, where that label is: the first moves."""
    area = (0.0, 0.0, 800.0, 400.0)
    fixed = [(487, 180, 620, 220), (400, 150, 560, 188), (400, 212, 560, 250)]
    points = [
        (300, 200, 5, ["Kostnadskontroll"], 13, True),
        (480, 200, 5, ["Kostnadskontroll"], 13, True),
    ]
    spots = pc.place_labels(points, area, fixed)
    a, b = (pc.label_box(*p[:6], spot) for p, spot in zip(points, spots, strict=True))
    assert pc.POSITIONS[spots[1]][1] == -1  # the second on its left
    assert pc._overlap(a, b) == 0
    assert not any(pc._overlap(box, f) for box in (a, b) for f in fixed)


def test_a_label_covers_an_unlabelled_dot_before_another_label():
    """A crowded scatter (DiMiOS's "Var börja?" with five statements in each proposed area): when
    every place is taken, a label goes over the markers of points without a label (``dots``)
    rather than over another label, even where the dots cover more of it."""
    area = (0.0, 0.0, 800.0, 30.0)  # above and below the point are outside the plot
    point = [(400, 15, 5, ["Infosäkerhet"], 13, True)]
    right = pc.label_box(*point[0][:6], 0)
    left = pc.label_box(*point[0][:6], 1)
    dots = [(right[0], right[1], right[0] + 40, right[3])]  # unlabelled markers on the right
    label = [(left[2] - 20, left[1], left[2], left[3])]  # another label's edge on the left
    assert pc._overlap(right, dots[0]) > pc._overlap(left, label[0])
    assert pc.place_labels(point, area, fixed=label, dots=dots) == [0]  # over the dots
    # the same boxes both as labels: the smaller overlap wins
    assert pc.place_labels(point, area, fixed=label + dots) == [1]
