"""Every output path publishes through mognad_core.disclosure: with its check replaced by one that
refuses everything, no command, report, Excel function or API call may publish anything.

A new output path that computes figures without the disclosure module fails here."""

from __future__ import annotations

import pytest
from conftest import DIMIOS_2024, DIMIOS_2025, DIMIOS_SAMPLE, DMM_SAMPLE, INITIATIVES

import mognad_core as mognad
from mognad_core import disclosure

SENTINEL = "SENTINEL: refused by the test's disclosure check"


@pytest.fixture
def refuse_all(monkeypatch):
    """disclosure.check refuses every set; returns the list of sets it was asked about."""
    asked: list[str] = []

    def check(rs, pol, lang="sv"):
        asked.append(rs.source or "")
        raise disclosure.DisclosureError(SENTINEL, lang)

    monkeypatch.setattr(disclosure, "check", check)
    return asked


CLI_PATHS = [
    ["score", DIMIOS_SAMPLE],
    ["score", DIMIOS_SAMPLE, "--format", "json"],
    ["score", DIMIOS_SAMPLE, "--where", "år=2025"],
    ["gap", DIMIOS_SAMPLE, "--target", "55%"],
    ["priorities", DIMIOS_SAMPLE, "--format", "json"],
    ["priorities", DIMIOS_SAMPLE, "--level", "statement"],
    ["compare", DIMIOS_SAMPLE, "--column", "år"],
    ["compare", DIMIOS_2024, DIMIOS_2025],
    ["groups", DIMIOS_SAMPLE, "--by", "förvaltning"],
    ["reliability", DIMIOS_SAMPLE],
    ["portfolio", DIMIOS_2025, INITIATIVES],
    ["dimios", "classify", DIMIOS_2025, "--groups", "förvaltning"],
    ["dmm", "workshop", DMM_SAMPLE],
    ["demo"],
]


@pytest.mark.parametrize("args", CLI_PATHS, ids=lambda a: " ".join(str(x) for x in a[:2]))
def test_every_command_publishes_through_the_check(run_cli, refuse_all, args):
    out = run_cli(*args)
    assert out.exit_code == 2, out.stdout[:300]
    assert SENTINEL in out.stderr and refuse_all
    assert "%" not in out.stdout and "score" not in out.stdout.lower()


def test_report_publishes_through_the_check(run_cli, refuse_all, tmp_path):
    out = run_cli(
        "report", DIMIOS_SAMPLE, "--groups", "förvaltning", "--compare", "år", "-o", tmp_path
    )
    assert out.exit_code == 2 and SENTINEL in out.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written
    with pytest.raises(disclosure.DisclosureError, match="SENTINEL"):
        mognad.build_report(DIMIOS_2025, "dimios", tmp_path / "r.xlsx")


def test_excel_recalc_publishes_through_the_check(run_cli, refuse_all, tmp_path):
    import openpyxl

    frame = mognad.read_responses(DIMIOS_2025, "dimios").to_frame()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Svar"
    ws.append(list(frame.columns))
    for row in frame.astype(object).where(frame.notna(), None).values.tolist():
        ws.append(row)
    res = wb.create_sheet("Resultat")
    last = openpyxl.utils.get_column_letter(frame.shape[1])
    rng = f"Svar!A1:{last}{len(frame) + 1}"
    res["A1"] = f'=MOGNAD_SCORE({rng},"dimios")'
    res["A2"] = f'=MOGNAD_DIMENSIONS({rng},"dimios")'
    wb.save(tmp_path / "bok.xlsx")
    out = run_cli("excel", "recalc", tmp_path / "bok.xlsx", "-o", tmp_path / "ut.xlsx")
    assert out.exit_code == 0, out.stderr
    assert refuse_all
    found = [
        c
        for row in openpyxl.load_workbook(tmp_path / "ut.xlsx")["Resultat"].iter_rows()
        for c in row
        if c.value is not None
    ]
    cells = [c.value for c in found]
    assert cells and all(v == "#N/A" for v in cells), cells  # no figure anywhere: #N/A
    assert all(c.data_type == "e" for c in found)  # real error cells
    assert any("SENTINEL" in c.comment.text for c in found if c.comment)  # why, on the cell


def test_every_excel_function_publishes_through_the_check(refuse_all):
    from mognad_excel import udfs

    udfs.clear_cache()
    rs = mognad.read_responses(DIMIOS_2025, "dimios")
    frame = rs.to_frame()
    rows = [list(frame.columns), *frame.astype(object).values.tolist()]
    dmm = mognad.read_responses(DMM_SAMPLE, "dmm").to_frame()
    dmm_rows = [list(dmm.columns), *dmm.astype(object).values.tolist()]
    calls = {
        "MOGNAD_SCORE": lambda: udfs.MOGNAD_SCORE(rows),
        "MOGNAD_RESPONDENTS": lambda: udfs.MOGNAD_RESPONDENTS(rows),
        "MOGNAD_DIMENSIONS": lambda: udfs.MOGNAD_DIMENSIONS(rows),
        "MOGNAD_STATEMENTS": lambda: udfs.MOGNAD_STATEMENTS(rows),
        "MOGNAD_GAP": lambda: udfs.MOGNAD_GAP(rows, "dimios", 0.5),
        "MOGNAD_PRIORITIES": lambda: udfs.MOGNAD_PRIORITIES(rows),
        "MOGNAD_LEVEL": lambda: udfs.MOGNAD_LEVEL(dmm_rows, "dmm"),
        "MOGNAD_CHANGE": lambda: udfs.MOGNAD_CHANGE(rows, rows),
        "MOGNAD_INSIGHTS": lambda: udfs.MOGNAD_INSIGHTS(rows),
        "MOGNAD_CHECK": lambda: udfs.MOGNAD_CHECK(rows),
    }
    published = [name for name in dir(udfs) if name.startswith("MOGNAD_")]
    takes_responses = set(published) - {"MOGNAD_MODELS", "MOGNAD_HEADERS"}
    assert takes_responses == set(calls), "a new MOGNAD_* function needs a line here"
    for name, call in calls.items():
        value = call()
        cells = value if isinstance(value, list) else [[value]]
        flat = [c for row in cells for c in (row if isinstance(row, list) else [row])]
        said = [getattr(c, "message", c) for c in flat if isinstance(c, str)]  # error values too
        assert any("SENTINEL" in c for c in said), (name, value)
        assert not any(isinstance(c, float) for c in flat), (name, value)


def test_every_api_function_publishes_through_the_check(refuse_all):
    rs = mognad.read_responses(DIMIOS_SAMPLE, "dimios")
    calls = [
        lambda: mognad.score(DIMIOS_2025, "dimios"),
        lambda: mognad.score_responses(rs),
        lambda: mognad.groups(rs, "förvaltning"),
        lambda: mognad.compare_waves(rs),
        lambda: mognad.compare(rs.where("år=2024"), rs.where("år=2025")),
        lambda: mognad.reliability(rs),
    ]
    for call in calls:
        with pytest.raises(disclosure.DisclosureError, match="SENTINEL"):
            call()
