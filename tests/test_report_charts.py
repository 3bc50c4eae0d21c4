"""What was seen in rendered report pages and fixed: point labels on the "where to start" map
that covered each other, reference lines running through value labels, tick labels of the two
statement panels running together, decimal points in Swedish summary sentences, a yellow marker
hard to see on white."""

from __future__ import annotations

import re
import zipfile
from itertools import combinations

import pytest
from conftest import DIMIOS_SAMPLE, DMM_SAMPLE
from matplotlib import rc_context
from matplotlib.text import Text

import mognad_core as mognad
from mognad_core.report import charts, collect
from mognad_core.report.summary import sentences


@pytest.fixture(scope="module")
def dmm_data():
    return collect(DMM_SAMPLE, "dmm")  # 28 respondents: many statements share a vet-ej share


@pytest.fixture(scope="module")
def dimios_data():
    return collect(DIMIOS_SAMPLE, "dimios", compare="år")


def _overlap(a, b) -> bool:
    return min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.y1, b.y1) > max(a.y0, b.y0)


@pytest.mark.parametrize("name", ["dmm_data", "dimios_data"])
def test_start_map_labels_cover_no_other_label_and_stay_inside(request, name):
    data = request.getfixturevalue(name)
    pr = data.priorities
    with rc_context(charts._RC):
        fig = charts.start_map_figure(
            data.statements,
            data.texts,
            median=pr.median_score,
            min_share=pr.min_share,
            highlight=[x.id for x in pr.items],
        )
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        ax = fig.axes[0]
        labels = [a for a in ax.texts if a.get_gid() == "point-label"]
        boxes = [Text.get_window_extent(a, renderer) for a in labels]  # without leader lines
        inside = ax.get_window_extent(renderer)
    named = {i for a in labels for i in a.get_text().split(", ")}
    assert named == {r.id for r in data.statements if r.score is not None}
    for (a, box_a), (b, box_b) in combinations(zip(labels, boxes, strict=True), 2):
        assert not _overlap(box_a, box_b), (a.get_text(), b.get_text())
    for a, box in zip(labels, boxes, strict=True):
        assert inside.x0 - 1 <= box.x0 and box.x1 <= inside.x1 + 1, a.get_text()
        assert inside.y0 - 1 <= box.y0 and box.y1 <= inside.y1 + 1, a.get_text()
    # the suggested places to start are labelled on their own, in bold
    for item in pr.items:
        label = next(a for a in labels if a.get_text() == item.id)
        assert label.get_fontweight() == "bold"


def test_statement_bars_keep_labels_clear_of_lines_and_of_each_other(dimios_data):
    data = dimios_data
    pr = data.priorities
    with rc_context(charts._RC):
        fig = charts.statement_bars_figure(
            data.statements[:12],
            data.texts,
            median=pr.median_score,
            min_share=pr.min_share,
            highlight=[x.id for x in pr.items],
            dk_top=0.3,
        )
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        score_ax, dk_ax = fig.axes
        # value labels sit on a white background, so the dashed lines do not cross them
        values = [t for t in score_ax.texts if re.fullmatch(r"\d+ %", t.get_text())]
        assert len(values) >= 12
        assert all(t.get_bbox_patch() is not None for t in values)
        # the vet-ej threshold line is labelled
        assert data.texts.pct(pr.min_share) in [t.get_text() for t in dk_ax.texts[-1:]]
        # "100 %" of the score axis and "0 %" of the vet-ej axis do not run together
        last = score_ax.get_xticklabels()[-1].get_window_extent(renderer)
        first = dk_ax.get_xticklabels()[0].get_window_extent(renderer)
        assert last.x1 + 5 < first.x0


def test_swedish_summary_has_decimal_commas_throughout(dimios_data):
    text = sentences(dimios_data)
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


def test_quadrant_names_groups_in_full_left_of_the_recommendation():
    data = collect(DIMIOS_SAMPLE, "dimios", compare="år", groups="förvaltning")
    q = data.quadrant
    with rc_context(charts._RC):
        fig = charts.quadrant_figure(q, data.texts)
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        ax = fig.axes[0]
        labels = {a.get_text(): a for a in ax.texts if hasattr(a, "xyann")}
        advice = next(t for t in fig.texts if t.get_text() == data.texts("chart.recommendation"))
        left_of_advice = advice.get_window_extent(renderer).x0
    groups = [p.name for p in q.points if p.kind == "group"]
    assert "Barn- och utbildningsförvaltningen" in groups
    assert set(groups) <= set(labels)  # not shortened ("Barn- och utbildningsfö…")
    for text, label in labels.items():
        assert Text.get_window_extent(label, renderer).x1 < left_of_advice, text


def test_a_hidden_statement_gets_words_instead_of_a_bar_and_a_share():
    """A statement the anonymity policy hides (here: three answers, minimum five) is drawn last
    with "visas inte" (as the deck draws it; the one reason for every hidden figure, which
    does not say whether it has too few answers, is in the slide's notes) and no value label in
    either panel."""
    import pandas as pd

    frame = (
        pd.read_excel(DIMIOS_SAMPLE, engine="openpyxl").query("år == 2025").reset_index(drop=True)
    )
    frame.loc[3:, "f11"] = None
    data = collect(frame, "dimios", min_size=5)
    rows = data.statements[-12:]
    assert rows[-1].id == "f11" and rows[-1].hidden and rows[-1].score is None
    with rc_context(charts._RC):
        fig = charts.statement_bars_figure(rows, data.texts)
        score_ax, dk_ax = fig.axes
        hidden = [t for t in score_ax.texts if t.get_text() == "visas inte"]
        values = [t for t in score_ax.texts if t.get_text().endswith("%")]
        shares = [t for t in dk_ax.texts if t.get_text().endswith("%")]
    assert len(hidden) == 1 and hidden[0].get_position()[1] == len(rows) - 1
    assert len(values) == len(shares) == len(rows) - 1
    assert [p.get_width() for p in score_ax.patches][-1] == 0
