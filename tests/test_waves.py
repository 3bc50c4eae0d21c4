"""One way in and one idea of waves: ResponseSet.from_any (every input kind, a missing file,
a model mismatch), ResponseSet.waves()/pooled_waves()/latest_wave(), the one wave note, and the
report's policy (the latest wave compared with the one before) in build_report itself."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import DIMIOS_SAMPLE, DMM_SAMPLE, TINY
from openpyxl import load_workbook

import mognad_core as mognad
from mognad_core import ResponseSet, Waves
from mognad_core.report import collect


# ---- ResponseSet.from_any ----------------------------------------------------------------------
def test_from_any_takes_a_response_set_a_frame_and_a_path(tiny_model, tiny_frame, tmp_path):
    rs = ResponseSet.from_any(tiny_frame, tiny_model)
    assert rs.n == 4 and rs.model.name == tiny_model.name
    assert ResponseSet.from_any(rs) is rs
    assert ResponseSet.from_any(rs, tiny_model) is rs  # the same model: fine
    tiny_frame.to_csv(tmp_path / "svar.csv", index=False)
    for path in (tmp_path / "svar.csv", str(tmp_path / "svar.csv")):
        read = ResponseSet.from_any(path, TINY)
        assert read.n == 4 and read.source == str(tmp_path / "svar.csv")
    assert ResponseSet.from_any(DIMIOS_SAMPLE).model.name == "dimios"  # the default model


def test_from_any_reads_a_frame_with_a_mapping(tiny_model, tiny_frame):
    # the report, the analysis functions and the dmm workshop dropped a DataFrame's mapping
    renamed = tiny_frame.rename(columns={"a1": "Fråga ett"})
    rs = ResponseSet.from_any(renamed, tiny_model, mapping={"Fråga ett": "a1"})
    assert rs.columns["a1"] == "Fråga ett" and "a1" not in rs.missing_statements
    frame = pd.read_excel(DIMIOS_SAMPLE, engine="openpyxl").query("år == 2025")
    frame = frame.rename(columns={"f11": "Vår egen rubrik"})
    data = collect(frame, "dimios", mapping={"Vår egen rubrik": "f11"})  # ignored it before
    assert data.responses.columns["f11"] == "Vår egen rubrik"


def test_from_any_names_a_missing_file(tmp_path):
    with pytest.raises(mognad.InputError) as err:
        ResponseSet.from_any(tmp_path / "saknas.xlsx", "dimios")
    assert str(err.value) == "saknas.xlsx: file not found. Expected the path of a response file."
    assert err.value.location.file == str(tmp_path / "saknas.xlsx")
    with pytest.raises(mognad.InputError, match="file not found"):
        mognad.compare(tmp_path / "saknas.xlsx", DIMIOS_SAMPLE)


def test_from_any_refuses_responses_read_for_another_model():
    rs = mognad.read_responses(DIMIOS_SAMPLE, "dimios")
    message = "The responses in dimios_sample.xlsx were read for model 'dimios', not 'dmm'"
    for call in (
        lambda: ResponseSet.from_any(rs, "dmm"),
        lambda: mognad.score(rs, "dmm"),  # score ignored the model of a ResponseSet
        lambda: mognad.reliability(rs, model="dmm"),
    ):
        with pytest.raises(mognad.ModelError, match=message):
            call()
    with pytest.raises(mognad.MognadError, match="got int"):
        ResponseSet.from_any(3)


# ---- waves ------------------------------------------------------------------------------------
def _waves_frame(tiny_frame: pd.DataFrame, column: str, values: list) -> pd.DataFrame:
    return tiny_frame.assign(**{column: values})


def test_waves_finds_the_column_and_orders_its_waves(tiny_model, tiny_frame):
    rs = mognad.prepare(_waves_frame(tiny_frame, "År", [10.0, 9, None, 10]), tiny_model)
    assert rs.waves() == Waves("År", ("9", "10"), missing=1)  # by number; 10.0 is "10"
    assert rs.waves("år") == rs.waves()
    assert rs.waves().latest == "10" and rs.waves().previous == "9" and rs.waves().several
    named = _waves_frame(tiny_frame, "Omgång", ["T1", "T0", "T1", "T0"])
    named = mognad.prepare(named, tiny_model)
    assert named.waves().labels == ("T0", "T1")
    plain = mognad.prepare(tiny_frame, tiny_model)
    assert plain.waves() is None and plain.pooled_waves() is None
    assert plain.latest_wave() == (plain, None)
    with pytest.raises(mognad.InputError, match=r'there is no column "år".*förvaltning'):
        plain.waves("år")


def test_pooled_waves_and_the_latest_wave_of_the_sample():
    rs = mognad.read_responses(DIMIOS_SAMPLE, "dimios")
    assert rs.pooled_waves() == Waves("år", ("2024", "2025"))
    assert rs.where("år=2025").pooled_waves() is None  # a wave is chosen
    assert rs.where("år=2025").waves().single == "2025"
    # a selection by another column still pools the file's waves
    assert rs.where("roll=Medarbetare").pooled_waves() == rs.pooled_waves()
    latest, before = rs.latest_wave()
    assert (latest.n, before.n) == (240, 240)
    assert latest.conditions == (("år", "2025"),) and before.conditions == (("år", "2024"),)


def test_the_one_wave_note_in_both_languages():
    note = mognad.read_responses(DIMIOS_SAMPLE, "dimios").pooled_waves().note()
    assert note.text("sv") == (
        'Svaren är från 2 mätomgångar i kolumnen "år" (2024, 2025) och räknas ihop här. Välj '
        "en med --where år=2025, eller jämför dem med mognad compare --column år."
    )
    assert note.text("en").startswith(
        'The responses are from 2 waves in column "år" (2024, 2025), analysed together here.'
    )
    assert Waves("år", ("2025",)).note() is None


def test_the_dmm_workshop_uses_the_one_wave_note():
    frame = pd.read_excel(DMM_SAMPLE, engine="openpyxl")
    frame["år"] = [2024 if i % 2 else 2025 for i in range(len(frame))]
    rs = mognad.prepare(frame, mognad.load_model("dmm"))
    from mognad_dmm.groups import workshop

    expected = rs.pooled_waves().note()
    assert expected.text("sv") in workshop(rs, "ledningsgrupp", min_size=1).notes
    assert expected.text("en") in workshop(rs, "ledningsgrupp", min_size=1, lang="en").notes
    one = workshop(rs.where(år=2025), "ledningsgrupp", min_size=1).notes
    assert not any("mätomgångar" in n for n in one)


# ---- the report: never several years in one ------------------------------------------------
def _rows(path: Path, sheet: str) -> dict:
    return {r[0]: r[1] for r in load_workbook(path)[sheet].iter_rows(values_only=True) if r[0]}


def _summary(path: Path) -> list[str]:
    rows = load_workbook(path)["Sammanfattning"].iter_rows(values_only=True)
    return [r[0] for r in rows if r and r[0]]


def test_build_report_on_a_file_of_three_waves_is_the_latest_against_the_one_before(tmp_path):
    frame = pd.read_excel(DIMIOS_SAMPLE, engine="openpyxl")
    earlier = frame.index[frame["år"] == 2024]
    frame.loc[earlier[::2], "år"] = 2023  # 120 in 2023, 120 in 2024, 240 in 2025
    frame.to_excel(tmp_path / "tre.xlsx", index=False)
    out = tmp_path / "r.xlsx"
    mognad.build_report(tmp_path / "tre.xlsx", "dimios", out)  # no compare: the library decides
    about = _rows(out, "Om rapporten")
    assert about["Svar"] == "tre.xlsx: 240"
    assert about["Jämförelse"].startswith("2024 (n=120) → 2025 (n=240);")
    assert "240 personer har svarat (tre.xlsx). Rapporten gäller 2025." in _summary(out)
    notes = [r[1] for r in load_workbook(out)["Om rapporten"].iter_rows(values_only=True)]
    assert (
        'Svaren är från 3 mätomgångar i kolumnen "år" (2023, 2024, 2025): rapporten gäller '
        "2025, jämfört med 2024 (--compare år=2024,2025). Bara 2025: --where år=2025."
    ) in notes


def test_build_report_with_a_selection_by_another_column_compares_its_waves(tmp_path):
    out = tmp_path / "m.xlsx"
    mognad.build_report(DIMIOS_SAMPLE, "dimios", out, where=["roll=Medarbetare"])
    about = _rows(out, "Om rapporten")
    assert about["Urval"] == "roll=Medarbetare"
    assert about["Jämförelse"].startswith("2024 (n=95) → 2025 (n=96);")
    one = tmp_path / "en.xlsx"
    written = mognad.build_report(DIMIOS_SAMPLE, "dimios", one, where=["år=2025"])
    assert "Förändring" not in load_workbook(one).sheetnames  # one wave chosen: no comparison
    assert written == [one] and written.data.waves_note is None


def test_build_report_returns_the_wave_note_it_decided_on(tmp_path):
    """The CLI prints the note build_report returns; it does not decide the waves again."""
    written = mognad.build_report(DIMIOS_SAMPLE, "dimios", tmp_path / "r.xlsx")
    assert written == [tmp_path / "r.xlsx"]
    assert written.data.waves_note.text("en").startswith(
        'The responses are from 2 waves in column "år" (2024, 2025): the report is about 2025'
    )
    assert written.data.notes[0] == written.data.waves_note.text("sv")


def test_build_report_of_a_selection_with_nobody_in_the_wave_before_is_its_latest_wave(tmp_path):
    frame = pd.read_excel(DIMIOS_SAMPLE, engine="openpyxl")
    newcomers = frame.index[(frame["år"] == 2025) & (frame["förvaltning"] == "Socialförvaltningen")]
    frame.loc[newcomers, "förvaltning"] = "Ny förvaltning"  # only in 2025: nobody the year before
    frame.to_excel(tmp_path / "ny.xlsx", index=False)
    out = tmp_path / "ny_rapport.xlsx"
    mognad.build_report(tmp_path / "ny.xlsx", "dimios", out, where=["förvaltning=Ny förvaltning"])
    about = _rows(out, "Om rapporten")
    assert about["Svar"] == f"ny.xlsx: {len(newcomers)}"
    assert "Jämförelse" not in about and "Förändring" not in load_workbook(out).sheetnames
    notes = [r[1] for r in load_workbook(out)["Om rapporten"].iter_rows(values_only=True)]
    assert (
        'Svaren är från 2 mätomgångar i kolumnen "år": rapporten gäller 2025 (urvalet har inga '
        "svar från mätningen före)."
    ) in notes
