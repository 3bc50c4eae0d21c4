"""The slide deck, read back with python-pptx: the storyline in order, native charts holding the
published figures (no pictures), full texts (no "…"), points named by their short names (no
ids), the decision slide, one recommendation throughout, hidden groups without figures, type
large enough to project, Swedish by default and English on request without Swedish words."""

from __future__ import annotations

import dataclasses
import re

import pytest
from conftest import DIMIOS_SAMPLE, DMM_SAMPLE
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches, Pt

import mognad_core as mognad
from mognad_core.report import pptx_charts as pc
from mognad_core.report import slides as slides_module
from mognad_core.report.slides import CONTENT_TOP, TILE_FIGURE, statement_chunks, text_runs
from mognad_core.report.summary import headline
from mognad_core.texts import CATALOGUE

DIMIOS_OPTIONS = {"compare": "år", "groups": "förvaltning", "min_size": 9}
NBSP = "\u00a0"


def read_deck(path) -> Presentation:
    """The deck as written, its no-break spaces read as spaces (the tests compare with the
    catalogue's words; test_figures_stay_with_their_units checks the no-break spaces)."""
    prs = Presentation(str(path))
    for run in text_runs(prs):
        run.text = run.text.replace(NBSP, " ")
    return prs


def test_figures_stay_with_their_units(tmp_path):
    """Every figure on every slide is joined to its unit by a no-break space, so no line of a
    projected slide starts with "%" or "p.e." (the render test sees the lines)."""
    out = tmp_path / "r.pptx"
    mognad.build_report(DIMIOS_SAMPLE, "dimios", out, **DIMIOS_OPTIONS)
    texts = [r.text for r in text_runs(Presentation(str(out)))]
    assert any(f"{NBSP}%" in t for t in texts) and any(f"{NBSP}p.e." in t for t in texts)
    for t in texts:
        assert not re.search(r"\d (%|p\.e\.)", t), t


@pytest.fixture(scope="module")
def dimios(tmp_path_factory):
    out = tmp_path_factory.mktemp("deck") / "rapport.pptx"
    written = mognad.build_report(DIMIOS_SAMPLE, "dimios", out, **DIMIOS_OPTIONS)
    return read_deck(out), written.data


@pytest.fixture(scope="module")
def dmm(tmp_path_factory):
    out = tmp_path_factory.mktemp("deck") / "report.pptx"
    written = mognad.build_report(DMM_SAMPLE, "dmm", out, lang="en")
    return read_deck(out), written.data


def titles(prs) -> list[str]:
    return [s.shapes.title.text for s in prs.slides]


def slide(prs, title: str):
    return next(s for s in prs.slides if s.shapes.title.text == title)


def charts(s) -> list:
    return [sh.chart for sh in s.shapes if sh.has_chart]


def chart_text(chart) -> list[str]:
    """Every text a chart holds: categories, series names, data labels, axis titles."""
    return [str(x) for x in chart._chartSpace.xpath(".//c:v/text() | .//a:t/text()")]


def shown_text(s) -> list[str]:
    """Every text on a slide (not its notes): text boxes, table cells, the charts' texts."""
    out = []
    for sh in s.shapes:
        if sh.has_text_frame:
            out.append(sh.text_frame.text)
        if sh.has_table:
            out += [c.text for row in sh.table.rows for c in row.cells]
        if sh.has_chart:
            out += chart_text(sh.chart)
    return out


def notes(s) -> str:
    return s.notes_slide.notes_text_frame.text if s.has_notes_slide else ""


def x_values(series) -> list[float]:
    return [float(v) for v in series._element.xpath("./c:xVal//c:pt/c:v/text()")]


def test_statement_chunks_are_near_equal_and_at_most_the_given_size():
    assert statement_chunks(24) == [(0, 12), (12, 24)]
    assert statement_chunks(27) == [(0, 14), (14, 27)]
    assert statement_chunks(14) == [(0, 14)]
    assert statement_chunks(30) == [(0, 10), (10, 20), (20, 30)]
    assert statement_chunks(24, 7) == [(0, 6), (6, 12), (12, 18), (18, 24)]
    assert statement_chunks(0) == []


def test_the_dimios_deck_tells_the_story_in_order(dimios):
    prs, data = dimios
    areas = [a.label for a in data.start.areas]
    assert areas == ["Förmågor för effektivitet", "Förmågor för innovation"]
    hidden = data.groups.suppressed
    # min_size 9: Kultur (8) is hidden, and Samhällsbyggnad to protect it
    assert hidden == ["Kultur- och fritidsförvaltningen", "Samhällsbyggnadsförvaltningen"]
    assert titles(prs) == [
        "Digital mognad 2025",
        "Digital mognad 64 %, 5,8 p.e. högre än 2024",  # the summary's message
        "Starkast Tekniskt arv (69 %), svagast Förmågor för innovation (59 %)",
        "Fyrfältet: Möjliggjord och balanserad",
        "2024 → 2025: säkert bättre på 6 av 30 påståenden",
        "Styrkor och förbättringsområden: starkast Tekniskt arv, svagast Förmågor för innovation",
        "Påståenden 1–6 av 30, lägst värde först",
        "Påståenden 7–12 av 30, lägst värde först",
        "Påståenden 13–18 av 30, lägst värde först",
        "Påståenden 19–24 av 30, lägst värde först",
        "Påståenden 25–30 av 30, lägst värde först",
        "Var börja? Värde och andel vet ej",
        "Förslag 1 av 2: Förmågor för effektivitet",
        # five statements behind the area: its slide goes on
        "Förslag 1 av 2: Förmågor för effektivitet (forts.)",
        "Förslag 2 av 2: Förmågor för innovation",
        "Förslag till beslut: välj 1–2 områden",
        "Per roll: störst skillnad i Förmågor för innovation (17,3 p.e.)",
        # four roles: three parts a slide leave room for every bar's figure
        "Per roll: störst skillnad i Förmågor för innovation (17,3 p.e.) (forts.)",
        "Resultat per förvaltning",
        "Resultat per förvaltning (forts.)",  # whole header words: the parts on two slides
        "Barn- och utbildningsförvaltningen",
        "Kommunledningsförvaltningen",
        "Socialförvaltningen",
        "Om mätningen",
        "Svarande per mätomgång och grupp",
        "Om uppgifterna",  # the notes about the data (columns kept as attributes, ...)
    ]
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))


def test_titles_state_only_what_is_sure(dimios):
    prs, data = dimios
    c = data.compare
    assert c.overall.significant  # the summary's title says the change
    sure_up = sum(1 for r in c.statements if r.significant and r.change > 0)
    sure_down = sum(1 for r in c.statements if r.significant and r.change < 0)
    assert (sure_up, sure_down, c.compared) == (6, 0, 30)
    assert c.improved == 30  # more went up, but only 6 surely so: the title says 6
    assert prs.slides[1].shapes.title.text == headline(data)
    assert (
        prs.slides[4].shapes.title.text
        == f"2024 → 2025: säkert bättre på {sure_up} av 30 påståenden"
    )
    unsure = dataclasses.replace(
        data,
        compare=c.model_copy(
            update={"overall": c.overall.model_copy(update={"significant": False})}
        ),
    )
    assert headline(unsure) == "Digital mognad 64 %, ingen säker förändring sedan 2024"


def test_no_chart_is_a_picture_and_every_chart_holds_the_published_figures(dimios):
    prs, data = dimios
    for s in prs.slides:
        assert not [sh for sh in s.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    # the profile: one series per line, the figures of the report
    (radar,) = charts(prs.slides[2])
    assert radar.chart_type == XL_CHART_TYPE.RADAR_MARKERS
    assert list(radar.plots[0].categories) == data.profile.labels
    for series, expected in zip(radar.plots[0].series, data.profile.series, strict=False):
        assert series.name == expected.name
        assert list(series.values) == pytest.approx(expected.values)
    # the statements: score and vet-ej share, the chart holding them bottom to top
    scores, shares = [], []
    for s in [x for x in prs.slides if x.shapes.title.text.startswith("Påståenden ")]:
        (bars,) = charts(s)
        assert bars.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
        dk, score = bars.plots[0].series
        scores += list(score.values)[::-1]
        shares += list(dk.values)[::-1]
    assert scores == [r.score for r in data.statements]
    assert shares == [r.dont_know_share for r in data.statements]
    # where to start: a point per scored statement at (score, vet-ej share)
    (xy,) = charts(slide(prs, "Var börja? Värde och andel vet ej"))
    assert xy.chart_type == XL_CHART_TYPE.XY_SCATTER
    points = [
        (x, y)
        for series in xy.plots[0].series
        if series.name not in ("median 64 %", "vet ej 20 %")  # the two reference lines
        for x, y in zip(x_values(series), series.values, strict=True)
    ]
    expected = [(r.score, r.dont_know_share) for r in data.statements if r.score is not None]
    assert sorted(points) == sorted(expected)
    # before and after
    (change,) = charts(prs.slides[4])
    after, before = change.plots[0].series
    rows = [c for c in [data.compare.overall, *data.compare.dimensions]]
    assert list(before.values)[::-1] == [r.before for r in rows]
    assert list(after.values)[::-1] == [r.after for r in rows]
    # a group against the whole organisation
    (group,) = charts(slide(prs, "Socialförvaltningen"))
    whole, own = group.plots[0].series
    result = data.group_result("Socialförvaltningen")
    assert list(own.values)[::-1] == [result.dimensions[i].score for i in data.profile.ids]
    assert list(whole.values)[::-1] == [data.result.dimensions[i].score for i in data.profile.ids]
    # the roles side by side, each visible role a series
    shown = [r for r in data.roles if r.result is not None]
    parts = dict(zip(data.profile.labels, data.profile.ids, strict=True))
    seen = []
    for s in [x for x in prs.slides if x.shapes.title.text.startswith("Per roll: ")]:
        (roles,) = charts(s)
        series = roles.plots[0].series
        assert [x.name for x in series][::-1] == [f"{r.name} (n={r.n})" for r in shown]
        for j, category in enumerate(roles.plots[0].categories):
            part = parts[category.split(" (skillnad")[0]]
            seen.append(part)
            values = [x.values[j] for x in series][::-1]
            assert values == [r.result.dimensions[part].score for r in shown]
    assert sorted(seen) == sorted(data.profile.ids)


def test_the_heat_map_is_a_table_on_an_absolute_scale_with_a_key(dimios):
    from mognad_core.report.pptx_charts import BANDS, band

    prs, data = dimios
    cells = {}
    for s in [x for x in prs.slides if x.shapes.title.text.startswith("Resultat per förvaltning")]:
        (table,) = [sh.table for sh in s.shapes if sh.has_table]
        heads = [c.text for c in table.rows[0].cells]
        for row in list(table.rows)[1:]:
            for head, cell in zip(heads[1:], list(row.cells)[1:], strict=True):
                cells[(row.cells[0].text, head)] = cell
        key = [sh.text_frame.text for sh in s.shapes if sh.has_text_frame]
        assert [k for k in key if re.fullmatch(r"\d+–\d+ %", k)] == [
            "0–19 %",
            "20–39 %",
            "40–59 %",
            "60–79 %",
            "80–100 %",
        ]
    overall = next(r for r in data.groups.rows if r.id == "overall")
    assert {name for name, _ in cells} == {"Hela organisationen", *data.groups.visible}
    for name in data.groups.visible:
        value = overall.values[name]
        cell = cells[(name, "Totalt")]
        assert cell.text == data.texts.pct(value)
        assert cell.fill.fore_color.rgb == BANDS[band(value)][0]  # its band, not a stretch


def test_full_texts_and_names_never_ids_or_cuts(dimios, dmm):
    for prs, data in (dimios, dmm):
        ids = [s.id for s in data.model.statements]
        for s in prs.slides:
            shown = "\n".join(shown_text(s))
            assert "…" not in shown and "…" not in notes(s), s.shapes.title.text
            for i in ids:
                assert not re.search(rf"\b{i}\b", shown), (i, s.shapes.title.text)
        # the statements of the proposed areas in full on their slides
        for a in data.start.areas:
            text = "\n".join(
                t for s in prs.slides if a.label in s.shapes.title.text for t in shown_text(s)
            )
            assert a.why in text and a.why.startswith(("Lågt", "Värdet", "Low", "Score"))
            assert all(st.label in text for st in a.statements)
        # points named by their short names
        (xy,) = charts(next(s for s in prs.slides if "?" in s.shapes.title.text))
        labels = {
            p.data_label.text_frame.text.replace("\n", " ")
            for series in xy.plots[0].series
            for p in [series.points[i] for i in range(len(series.values))]
            if p.data_label.has_text_frame
        }
        shorts = {s.short_label(data.lang) for s in data.model.statements}
        chosen = {st.short for a in data.start.areas for st in a.statements}
        assert chosen <= labels
        assert labels - shorts <= {
            t for t in labels if re.match(r"(median|gräns|threshold|vet ej|don.t know) ", t)
        }


def test_the_decision_slide_has_the_proposal_and_columns_to_fill_in(dimios):
    prs, data = dimios
    s = slide(prs, "Förslag till beslut: välj 1–2 områden")
    (table,) = [sh.table for sh in s.shapes if sh.has_table]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Område", "Varför", "Ansvarig", "Tidplan / klart"]
    assert rows[1:] == [[a.label, a.why, "", ""] for a in data.start.areas] + [[""] * 4]


def test_one_recommendation_the_next_steps_are_the_proposed_areas(dmm, tmp_path):
    prs, data = dmm
    areas = data.start.areas
    assert [a.label for a in areas] == ["Values", "Organisation"]  # the model's order first
    s = slide(prs, "Next steps for the proposed areas")
    heads = [p.text for sh in s.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs]
    engines = {d.name("en") for d in data.model.dimensions}
    named = [h.split(" (")[0] for h in heads if h.split(" (")[0] in engines]
    assert named == [a.label for a in areas]
    out = tmp_path / "one.pptx"
    mognad.build_report(DMM_SAMPLE, "dmm", out, lang="en", count=1)
    one = titles(read_deck(out))
    assert "Next steps for Values" in one and "Proposal: Values" in one
    assert not [t for t in one if "weakest engines" in t]


def test_hidden_groups_are_named_without_figures(dimios):
    prs, data = dimios
    hidden = data.groups.suppressed
    for s in prs.slides:
        assert s.shapes.title.text not in hidden
        for sh in s.shapes:
            if sh.has_table:
                for row in sh.table.rows:
                    if row.cells[0].text in hidden or any(c.text in hidden for c in row.cells):
                        cells = [c.text for c in row.cells if c.text != data.wave]
                        figures = [x for x in cells if re.search(r"\d", x)]
                        assert figures == [], figures
        for name in hidden:
            assert f"{name} (n=" not in notes(s)
            assert not re.search(re.escape(name) + r"\D{0,3}\d", "\n".join(shown_text(s)))
    overview = "\n".join(shown_text(slide(prs, "Resultat per förvaltning")))
    assert all(name in overview for name in hidden)  # named as hidden


def test_text_is_large_enough_to_project(dimios, dmm):
    for prs, _ in (dimios, dmm):
        sizes = [r.font.size for r in text_runs(prs) if r.text.strip()]
        for s in prs.slides:
            for sh in s.shapes:
                if sh.has_chart:
                    xml = sh.chart._chartSpace.xml
                    sizes += [Pt(int(v) / 100) for v in re.findall(r'\bsz="(\d+)"', xml)]
        assert None not in sizes
        assert min(sizes) >= Pt(12)


def test_the_summary_tiles_have_one_font_size(dimios, dmm):
    for prs, _ in (dimios, dmm):
        s = prs.slides[1]
        tiles = [sh for sh in s.shapes if sh.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE]
        assert len(tiles) >= 3
        inside = [
            sh
            for sh in s.shapes
            if sh.has_text_frame
            and any(
                t.left <= sh.left < t.left + t.width and sh.top < t.top + t.height for t in tiles
            )
            and sh.shape_type == MSO_SHAPE_TYPE.TEXT_BOX
        ]
        figures = {sh.text_frame.paragraphs[0].runs[0].font.size for sh in inside[::2]}
        labels = {sh.text_frame.paragraphs[0].runs[0].font.size for sh in inside[1::2]}
        assert len(figures) == 1 and len(labels) == 1


def _swedish_heads() -> list[str]:
    """The fixed words of the catalogue's Swedish report texts that English does not share."""
    prefixes = ("slide.", "headline.", "chart.", "axis.", "legend.", "col.", "start.", "fig.")
    heads = []
    for key, (sv, en) in CATALOGUE.items():
        if key.startswith(prefixes) or key in {"respondents", "note.percent", "source"}:
            for part in re.split(r"\{[^}]*\}", sv):
                part = part.strip(" :;,.()–-")
                if len(part) >= 6 and part not in en:
                    heads.append(part)
    return heads


def test_the_english_deck_has_no_swedish_words(tmp_path):
    out = tmp_path / "en.pptx"
    mognad.build_report(DIMIOS_SAMPLE, "dimios", out, lang="en", **DIMIOS_OPTIONS)
    prs = read_deck(out)
    text = "\n".join(t for s in prs.slides for t in [*shown_text(s), notes(s)])
    heads = _swedish_heads()
    assert len(heads) > 60  # the check looks at the deck's own words
    assert [h for h in heads if h in text] == []
    assert "Proposed decision: choose 1–2 areas" in titles(prs)
    # "Enabled and balanced" wraps in its tile and still fits the figure's box (the box is made
    # taller only when its text needs more room, and then it would run into the label)
    figures = [sh for sh in prs.slides[1].shapes if sh.top == CONTENT_TOP + Inches(0.1)]
    assert "Enabled and balanced" in [sh.text_frame.text for sh in figures]
    assert {sh.height for sh in figures} == {TILE_FIGURE}
    assert "Digital maturity 64 %, 5.8 pp higher than 2024" in titles(prs)


def test_the_last_slide_shows_the_notes_about_the_data(dimios):
    prs, _ = dimios
    last = prs.slides[-1]
    shown = "\n".join(shown_text(last))
    assert last.shapes.title.text == "Om uppgifterna"
    # the reading note, in Swedish, both on the slide and in the speaker notes
    assert "bakgrundsuppgifter" in shown and "bakgrundsuppgifter" in notes(last)


def test_method_says_score_is_a_share_of_the_range(dimios):
    prs, _ = dimios
    about = "\n".join(shown_text(slide(prs, "Om mätningen")))
    assert "andelar av skalans spann" in about and "maxvärde" not in about


def test_small_groups_are_cautioned_on_the_slides_that_show_them(dimios, tmp_path):
    out = tmp_path / "groups.pptx"
    data = mognad.build_report(DMM_SAMPLE, "dmm", out, groups="ledningsgrupp").data
    prs = read_deck(out)
    shown = [g for g in data.group_reports if not g.suppressed]
    assert shown and all(g.n < 30 for g in shown)  # leadership groups of 6 to 9
    overview = "\n".join(shown_text(slide(prs, "Resultat per ledningsgrupp")))
    assert "Få svarande (färre än 30)" in overview
    assert all(f"{g.name} ({g.n})" in overview for g in shown)
    for g in shown:
        assert f"Få svarande ({g.n}, färre än 30)" in "\n".join(shown_text(slide(prs, g.name)))
    # the DiMiOS groups shown have 47 to 75 respondents: no caution
    prs, _ = dimios
    assert "Få svarande" not in "\n".join(shown_text(slide(prs, "Resultat per förvaltning")))
    assert "Få svarande" not in "\n".join(shown_text(slide(prs, "Socialförvaltningen")))


def test_the_earlier_wave_never_hides_a_group_on_the_2x2(dimios):
    """2024 is a diamond drawn beneath the organisation and every group; each group has its
    own series (a colour and a marker shape), named in the legend."""
    prs, data = dimios
    (xy,) = charts(slide(prs, "Fyrfältet: Möjliggjord och balanserad"))
    series = list(xy.plots[0].series)
    names = [s.name for s in series]
    groups = [p.name for p in data.quadrant.points if p.kind == "group"]
    assert groups == data.groups.visible
    before = names.index("2024")
    assert all(names.index(g) > before for g in groups)
    assert names.index("Hela organisationen") > before
    assert series[before].marker.style == pc.XL_MARKER_STYLE.DIAMOND
    markers = [series[names.index(g)].marker.style for g in groups]
    assert pc.XL_MARKER_STYLE.DIAMOND not in markers and len(set(markers)) == len(groups)
    assert pc.XL_MARKER_STYLE.DIAMOND not in slides_module.GROUP_MARKERS  # for any group
    for g in groups:
        point = next(p for p in data.quadrant.points if p.name == g)
        s = series[names.index(g)]
        assert (x_values(s), list(s.values)) == ([point.x], [point.y])
