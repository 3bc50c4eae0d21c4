"""`mognad report` on the command line: what it writes, and mistakes explained to people (exit
2, a message naming the file or column, no traceback, nothing written, no input touched)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import DIMIOS_2025, DIMIOS_SAMPLES
from openpyxl import load_workbook

import mognad_core as mognad


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    for name in ("dimios_sample.xlsx", "dimios_2024.csv", "dimios_2025.csv"):
        shutil.copy(DIMIOS_SAMPLES / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def refused(result, *words: str, lang: str = "sv") -> str:
    """Exit 2 and one line naming ``words``: "Fel: ..." in Swedish (no --lang), "Error: ..."
    with --lang en."""
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith({"sv": "Fel: ", "en": "Error: "}[lang]), message
    for word in words:
        assert word in message, message
    return message


def test_folder_output_gets_both_files_named_after_the_responses(run_cli, folder):
    out = run_cli("report", "dimios_sample.xlsx", "--compare", "år", "-o", "rapport/")
    assert out.exit_code == 0, out.stderr
    assert out.stdout.splitlines() == [
        "Skrev rapport/dimios_sample_rapport.xlsx",
        "Skrev rapport/dimios_sample_rapport.pptx",
    ]
    out = run_cli("report", "dimios_2025.csv", "-c", "dimios_2024.csv", "--lang", "en", "-o", ".")
    assert out.exit_code == 0, out.stderr
    assert (folder / "dimios_2025_report.xlsx").is_file()
    assert (folder / "dimios_2025_report.pptx").is_file()
    assert not [p for p in folder.rglob(".*") if p.is_file()]  # no temporary files left


@pytest.mark.parametrize("out", ["dimios_sample.xlsx", "./sub/../dimios_sample.xlsx"])
def test_never_writes_over_the_response_file(run_cli, folder, out):
    (folder / "sub").mkdir()
    before = digest(folder / "dimios_sample.xlsx"), listing(folder)
    refused(run_cli("report", "dimios_sample.xlsx", "-o", out), "det är en indatafil")
    assert (digest(folder / "dimios_sample.xlsx"), listing(folder)) == before


def test_never_writes_over_the_earlier_wave(run_cli, folder):
    pd.read_csv(folder / "dimios_2024.csv", sep=";", encoding="utf-8-sig").to_excel(
        folder / "2024.xlsx", index=False
    )
    before = digest(folder / "2024.xlsx"), listing(folder)
    message = refused(
        run_cli("report", "dimios_2025.csv", "--compare", "2024.xlsx", "-o", "2024.xlsx"),
        "2024.xlsx",
        "det är en indatafil",
    )
    assert "Välj ett annat namn" in message
    assert (digest(folder / "2024.xlsx"), listing(folder)) == before


def test_an_output_in_a_missing_folder_is_refused_and_nothing_is_made(run_cli, folder):
    before = listing(folder)
    message = refused(
        run_cli("report", "dimios_sample.xlsx", "-o", "saknas/rapport.xlsx"),
        "saknas",
        "finns inte",
    )
    assert message.startswith("Fel: Kan inte skriva saknas/rapport.xlsx")
    assert listing(folder) == before


def test_an_unknown_group_column_is_named_with_the_columns_there_are(run_cli, folder):
    before = listing(folder)
    message = refused(
        run_cli(
            "report",
            "dimios_sample.xlsx",
            "--groups",
            "avdelning",
            "-o",
            "ny/mapp/",
            "--lang",
            "en",
        ),
        "dimios_sample.xlsx",
        '"avdelning"',
        "förvaltning",
        lang="en",
    )
    assert 'sheet "Svar"' in message
    assert listing(folder) == before  # the report folder was not created either


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["-o", "rapport.pdf"], ["rapport.pdf", ".xlsx", ".pptx"]),
        (["-o", "dimios_2024.csv"], ["dimios_2024.csv", "not a folder"]),
        (["--compare", "årtal", "-o", "r.xlsx"], ["årtal", "wave column"]),
        (["--compare", "år=2024", "-o", "r.xlsx"], ["år=2024", "two waves"]),
        (["--target", "mycket", "-o", "r.xlsx"], ["mycket"]),
    ],
)
def test_other_mistakes_are_explained(run_cli, folder, args, words):
    before = listing(folder), digest(folder / "dimios_2024.csv")
    refused(run_cli("report", "dimios_sample.xlsx", *args, "--lang", "en"), *words, lang="en")
    assert (listing(folder), digest(folder / "dimios_2024.csv")) == before


def test_a_missing_response_file_is_named(run_cli, folder):
    refused(run_cli("report", "svar.xlsx", "-o", "r.xlsx", "--lang", "en"), "svar.xlsx", lang="en")
    assert not (folder / "r.xlsx").exists()


def test_a_file_with_several_waves_is_never_reported_as_one(run_cli, folder):
    out = run_cli("report", "dimios_sample.xlsx", "-o", "r.xlsx")
    assert out.exit_code == 0, out.stderr
    assert (
        'Obs: Svaren är från 2 mätomgångar i kolumnen "år" (2024, 2025): rapporten gäller 2025, '
        "jämfört med 2024 (--compare år=2024,2025)"
    ) in out.stderr
    wb = load_workbook(folder / "r.xlsx")
    assert "Förändring" in wb.sheetnames
    summary = [r[0] for r in wb["Sammanfattning"].iter_rows(values_only=True) if r and r[0]]
    assert "240 personer har svarat (dimios_sample.xlsx). Rapporten gäller 2025." in summary
    alone = run_cli("report", "dimios_sample.xlsx", "--where", "år=2025", "-o", "a.xlsx")
    assert alone.exit_code == 0 and "mätomgångar" not in alone.stderr
    assert "Förändring" not in load_workbook(folder / "a.xlsx").sheetnames


def test_a_compare_file_report_is_titled_by_the_wave_of_its_responses(run_cli, folder):
    out = run_cli("report", "dimios_2025.csv", "--compare", "dimios_2024.csv", "-o", "j.xlsx")
    assert out.exit_code == 0, out.stderr
    rows = [
        r[0] for r in load_workbook(folder / "j.xlsx")["Sammanfattning"].iter_rows(values_only=True)
    ]
    assert rows[0] == "Digital mognad 2025"
    assert "240 personer har svarat (dimios_2025.csv). Rapporten gäller 2025." in rows


def test_where_selects_in_the_responses_and_in_the_earlier_wave(run_cli, folder):
    out = run_cli(
        "report",
        "dimios_2025.csv",
        "--compare",
        "dimios_2024.csv",
        "--where",
        "roll=Medarbetare",
        "-o",
        "m.xlsx",
    )
    assert out.exit_code == 0, out.stderr
    wb = load_workbook(folder / "m.xlsx")
    summary = [r[0] for r in wb["Sammanfattning"].iter_rows(values_only=True) if r and r[0]]
    assert (
        "96 personer har svarat (dimios_2025.csv, roll=Medarbetare). Rapporten gäller 2025."
        in summary
    )
    about = {r[0]: r[1] for r in wb["Om rapporten"].iter_rows(values_only=True) if r[0]}
    assert about["Urval"] == "roll=Medarbetare"
    assert about["Jämförelse"].startswith("2024 (n=95) → 2025 (n=96);")  # 95 of 240 in 2024


def test_a_where_selection_too_small_to_publish_is_refused_and_nothing_is_written(run_cli, folder):
    before = listing(folder)
    out = run_cli(
        "report",
        "dimios_sample.xlsx",
        "--where",
        "år=2025",
        "--where",
        "förvaltning=Kultur- och fritidsförvaltningen",  # 8 respondents in 2025
        "--min-size",
        "9",
        "-o",
        "k.xlsx",
    )
    assert out.exit_code == 2, (out.stdout, out.stderr)
    assert "Traceback" not in out.stderr and out.stdout == ""
    message = out.stderr.strip().splitlines()[-1]
    assert message.startswith(
        "Fel: Resultat för dimios_sample.xlsx (år=2025, förvaltning=Kultur- och "
    )
    assert "färre än 9 svarande" in message
    assert listing(folder) == before


@pytest.mark.parametrize(
    ("content", "suffix", "expected"),
    [
        ("Socialförvaltningen: många\n", ".yaml", "invited.yaml: antalet inbjudna ska vara"),
        ("namn;antal\ntotalt;300\nSocialförvaltningen;x\n", ".csv", "invited.csv, rad 3"),
        ("- 300\n", ".yaml", "invited.yaml: filen med antal inbjudna är inte en lista"),
        ("totalt: 100\n", ".yaml", "Det finns 240 svarande men bara 100 inbjudna"),
    ],
)
def test_bad_invited_counts_are_located_and_nothing_is_written(
    run_cli, tmp_path, content, suffix, expected
):
    """--invited read from a file: a count that is not a whole number names the file (and the
    row of a table), a file that is not name-and-count lines says so, more respondents than
    invited is refused; exit 2, no traceback, no report file."""
    invited = tmp_path / f"invited{suffix}"
    invited.write_text(content, encoding="utf-8")
    out_dir = tmp_path / "ut"
    args = ("report", DIMIOS_2025, "--invited", invited, "-o", out_dir)
    result = run_cli(*args)
    assert result.exit_code == 2, result.stdout
    assert result.stderr.startswith("Fel: ") and expected in result.stderr
    assert "Traceback" not in result.stderr
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_invited_as_a_number_and_as_a_file_give_the_same_rate(tmp_path):
    number = mognad.build_report(DIMIOS_2025, "dimios", tmp_path / "a.xlsx", invited=300)
    (tmp_path / "inv.yaml").write_text("totalt: 300\n", encoding="utf-8")
    file = mognad.build_report(
        DIMIOS_2025, "dimios", tmp_path / "b.xlsx", invited=tmp_path / "inv.yaml"
    )
    for written in (number, file):
        (whole,) = [r for r in written.data.response_rates if r.group is None]
        assert (whole.respondents, whole.invited, whole.rate) == (240, 300, 0.8)
