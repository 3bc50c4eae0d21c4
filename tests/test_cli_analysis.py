"""The analysis commands on the bundled samples: tables, JSON equal to the API, errors."""

from __future__ import annotations

import json
import re
import shlex

import pandas as pd
import pytest
from conftest import (
    DATA,
    DIMIOS_2024,
    DIMIOS_2025,
    DIMIOS_SAMPLE,
    DIMIOS_SAMPLES,
    DMM_SAMPLE,
    INITIATIVES,
    ROOT,
    params,
)

import mognad_core as mognad
from mognad_core import texts


@pytest.fixture(scope="module")
def raw2025() -> pd.DataFrame:
    return pd.read_csv(DIMIOS_2025, sep=";", encoding="utf-8-sig")


def statement_score(raw: pd.DataFrame, sid: str) -> float:
    return (pd.to_numeric(raw[sid], errors="coerce").mean() - 1) / 5  # DiMiOS's scale 1-6


def ok(result):
    assert result.exit_code == 0, result.stderr
    return result


def test_gap_table_and_json(run_cli, raw2025):
    out = ok(
        run_cli(
            "gap",
            DIMIOS_SAMPLE,
            "--where",
            "år=2025",
            "-t",
            "55%",
            "-l",
            "statement",
            "--lang",
            "en",
        )
    )
    assert "dimios_sample.xlsx (år=2025): 240 respondents" in out.stdout
    f22 = statement_score(raw2025, "f22")
    first = out.stdout.splitlines()[4]  # title, target, blank, header, first row
    # a difference as texts.pp writes it everywhere: "−13.0 pp" (a minus sign; was "-13.0 pp")
    assert first.startswith("f22") and texts.pp(f22 - 0.55, "en") in first
    data = json.loads(
        ok(run_cli("gap", DIMIOS_2025, "-t", "0.55", "-l", "all", "-f", "json")).stdout
    )
    api = mognad.gap(mognad.score(DIMIOS_2025, "dimios"), 0.55, level="all")
    assert data == json.loads(api.to_json())


def test_gap_with_the_national_average_notes_the_overall_only(run_cli):
    out = ok(run_cli("gap", DIMIOS_2025, "--target", "national_2021", "--lang", "en"))
    assert "vs 48.0 %" in out.stdout and "only an overall figure" in out.stderr


def test_priorities(run_cli, raw2025):
    """By default the one decision at area level (where_to_start); --level statement ranks
    single statements."""
    out = ok(run_cli("priorities", DIMIOS_2025, "--lang", "en"))
    assert "Where to start: 2 of 6 areas" in out.stdout
    assert "1. Capabilities for efficiency  [low score + much don't know]" in out.stdout
    # the statements behind the area by their short names, with the published figures
    f12 = next(x for x in out.stdout.splitlines() if x.strip().startswith("f12"))
    assert "Cost control" in f12 and f"{statement_score(raw2025, 'f12') * 100:.1f} %" in f12
    assert "Rule (default):" in out.stdout and "\n3. " not in out.stdout
    assert "The other areas in order: 3. " in out.stdout
    areas = json.loads(ok(run_cli("priorities", DIMIOS_2025, "-n", "3", "-f", "json")).stdout)
    api = mognad.where_to_start(mognad.score(DIMIOS_2025, "dimios"), count=3)
    assert areas == json.loads(api.to_json()) and len(areas["areas"]) == 3
    out = ok(run_cli("priorities", DIMIOS_2025, "--level", "statement", "--lang", "en"))
    assert "1. f12" in out.stdout and "[low score + much don't know]" in out.stdout
    assert f"score {statement_score(raw2025, 'f12') * 100:.1f} %" in out.stdout
    data = json.loads(
        ok(run_cli("priorities", DIMIOS_2025, "-n", "3", "-l", "påståenden", "-f", "json")).stdout
    )
    assert data["items"][0]["id"] == "f12" and len(data["items"]) == 3
    api = mognad.priorities(mognad.score(DIMIOS_2025, "dimios"), count=3)
    assert data == json.loads(api.to_json())


def test_compare_two_files_and_one_file(run_cli, raw2025):
    two = ok(run_cli("compare", DIMIOS_2024, DIMIOS_2025, "--lang", "en"))
    one = ok(run_cli("compare", DIMIOS_SAMPLE, "--column", "år", "--lang", "en"))
    # only what is sure: 30 higher, 6 of them clearly after Holm's adjustment (23 unadjusted)
    assert "Higher on every statement? yes: all 30 statements are higher, 6 of them clearly." in (
        two.stdout
    )
    assert (
        "Clear changes among the statements: 6 up, 0 down (without the adjustment for 30 "
        "comparisons: 23 up, 0 down)." in two.stdout
    )
    summary = " ".join(two.stdout.split("Higher", 1)[0].split())  # the first line, wrapped
    assert summary.endswith(
        "clear change: Holm-adjusted p < 0.05 across 30 statements, and separately across 8 "
        "dimensions and the overall score"
    )
    raw2024 = pd.read_csv(DIMIOS_2024, sep=";", encoding="utf-8-sig")
    # as published: the difference of the two scores rounded to 0.001 (0.442 - 0.359)
    change = round(statement_score(raw2025, "f22"), 3) - round(statement_score(raw2024, "f22"), 3)
    line = next(x for x in two.stdout.splitlines() if x.startswith("f22"))
    assert texts.pp(change, "en") in line
    # raw and Holm-adjusted p beside each row; "*" follows the adjusted one: f12 is below 0.05
    # only before the adjustment, f22 after it too
    head = next(x for x in two.stdout.splitlines() if x.startswith("Id  Part"))
    assert head.split()[-3:] == ["p", "p", "(Holm)"]
    f12 = next(x for x in two.stdout.splitlines() if x.startswith("f12"))
    assert f12.split()[-2:] == ["0.010", "0.167"]
    assert line.split()[-3:] == ["<0.001", "0.011", "*"]
    assert "* clear change: Holm-adjusted p < 0.05 (column p (Holm))" in two.stdout
    # the same numbers and wave labels (two files: each one's år)
    assert one.stdout.split("Higher", 1)[1] == two.stdout.split("Higher", 1)[1]
    assert "2024 (n=240) → 2025 (n=240)" in one.stdout
    assert "2024 (n=240) → 2025 (n=240)" in two.stdout
    data = json.loads(ok(run_cli("compare", DIMIOS_SAMPLE, "-w", "2024,2025", "-f", "json")).stdout)
    assert data["improved_all"] is True and data["before_label"] == "2024"
    assert data["overall"]["significant"] is True and data["adjustment"] == "holm"
    f12 = next(x for x in data["statements"] if x["id"] == "f12")
    assert (f12["p_value"], f12["p_adjusted"]) == (0.01, 0.167)
    assert (f12["significant_raw"], f12["significant"]) == (True, False)
    assert (data["significant_up"], data["significant_down"]) == (6, 0)
    short = ok(run_cli("compare", DIMIOS_2024, DIMIOS_2025, "--no-statements"))
    assert "f22" not in short.stdout
    # Swedish by default: the same adjustment, decimal commas
    assert "säker förändring: Holm-justerat p < 0,05 över 30 påståenden" in " ".join(
        short.stdout.split()
    )
    assert "Högre på varje påstående? ja: alla 30 påståenden är högre, 6 av dem säkert." in (
        short.stdout
    )
    overall = next(x for x in short.stdout.splitlines() if x.startswith("overall"))
    assert overall.split()[-3:] == ["0,001", "0,009", "*"]  # the bootstrap's floor 2/2001, x 9


def test_groups(run_cli, raw2025):
    out = ok(
        run_cli("groups", DIMIOS_2025, "--by", "förvaltning", "--min-size", "9", "--lang", "en")
    )
    lines = out.stdout.splitlines()
    kultur = next(x for x in lines if x.startswith("Kultur- och fritidsförvaltningen"))
    assert "suppr." in kultur
    # one reason for every hidden group (small ones and those hidden to protect them alike),
    # in the command's language
    assert out.stdout.count("not shown for anonymity (fewer than 9 respondents") == 2
    swedish = ok(run_cli("groups", DIMIOS_2025, "--by", "förvaltning", "--min-size", "9"))
    assert swedish.stdout.count("visas inte av anonymitetsskäl (färre än 9 svarande") == 2
    soc = next(x for x in lines if x.startswith("Socialförvaltningen"))
    assert " 75 " in soc  # n
    data = json.loads(ok(run_cli("groups", DIMIOS_2025, "-b", "förvaltning", "-f", "json")).stdout)
    assert data["min_size"] == 5 and not any(g["suppressed"] for g in data["groups"])
    stm = ok(
        run_cli("groups", DIMIOS_2025, "-b", "förvaltning,roll", "-l", "statement", "--lang", "en")
    )
    assert "G1 = " in stm.stdout and "suppr." in stm.stdout


def test_reliability(run_cli):
    out = ok(run_cli("reliability", DIMIOS_2025, "--invited", "300", "--lang", "en"))
    assert "Respondents: 240 of 300 invited (80.0 %)" in out.stdout
    rs = mognad.read_responses(DIMIOS_2025, "dimios")
    alpha = next(d.alpha for d in mognad.reliability(rs).dimensions if d.id == "arv")
    assert any(x.startswith("arv ") and f"{alpha:.2f}" in x for x in out.stdout.splitlines())
    data = json.loads(ok(run_cli("reliability", DIMIOS_2025, "-f", "json")).stdout)
    assert data["n_respondents"] == 240 and data["response_rate"] is None


def test_portfolio(run_cli):
    out = ok(run_cli("portfolio", DIMIOS_2025, INITIATIVES, "--lang", "en"))
    # the statuses and axes in the command's language (were Swedish in English output)
    assert "16 initiatives (done: 6, ongoing: 6, planned: 4)" in out.stdout
    weak = "f15, f22, f25, a14, a15, a22, a24, a25"  # the sample has no initiative for them
    assert f"Weak statements with no initiative: {weak}" in out.stdout
    assert "efficiency – innovation" in out.stdout and "−1.00" in out.stdout
    swedish = ok(run_cli("portfolio", DIMIOS_2025, INITIATIVES)).stdout
    assert "16 initiativ (klara: 6, pågående: 6, planerade: 4)" in swedish
    assert "effektivitet – innovation" in swedish and "−1,00" in swedish
    data = json.loads(ok(run_cli("portfolio", DIMIOS_2025, INITIATIVES, "-f", "json")).stdout)
    assert data["uncovered_weak"] == weak.split(", ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("gap", DMM_SAMPLE, "--model", "dmm"), "gap needs --target"),  # dmm has no default
        (("gap", DIMIOS_2025, "-t", "hela världen"), "is not a number, a benchmark"),
        (
            ("priorities", DIMIOS_2025, "--where", "år=1999"),
            'no respondent has "1999" in column "år"',
        ),
        (("priorities", DIMIOS_2025, "--where", "enhet=X"), 'no column "enhet"'),
        (("priorities", DIMIOS_2025, "--where", "2025"), "write it as COLUMN=VALUE"),
        (
            ("compare", DIMIOS_2024, DIMIOS_2025, DIMIOS_SAMPLE),
            "one file (with a wave column) or two files",
        ),
        (
            ("compare", DIMIOS_2024, DIMIOS_2025, "--column", "år"),
            "--column and --waves are for one file",
        ),
        (("compare", DIMIOS_SAMPLE, "-w", "2024"), "give two waves"),
        (("compare", DIMIOS_SAMPLE, "-w", "2024,2030"), 'wave "2030" does not occur'),
        (("compare", DIMIOS_2025), 'column "år" has 1 distinct value'),
        (
            ("groups", DIMIOS_2025, "-b", "förvaltning", "--min-size", "2", "--lang", "sv"),
            "gruppstorlek 2 (från --min-size) går inte att använda",
        ),
        (("groups", DIMIOS_2025, "-b", "enhet"), 'there is no column "enhet"'),
        (("reliability", DIMIOS_2025, "--invited", "100"), "240 respondents but only 100 invited"),
        (("portfolio", DIMIOS_2025, DIMIOS_2024), "the initiative table has no column for namn"),
        (("gap", DATA / "nope.xlsx", "-t", "50%"), "file not found"),
    ],
)
def test_errors_exit_2_without_traceback(run_cli, args, message):
    if "--lang" not in args:
        args = (*args, "--lang", "en")  # the messages above in English
    out = run_cli(*args)
    assert out.exit_code == 2, out.stdout + out.stderr
    assert message in out.stderr and "Traceback" not in out.stderr
    assert out.stdout == ""


def test_commands_are_listed(run_cli):
    out = ok(run_cli("--help"))
    for name in ("gap", "priorities", "compare", "groups", "reliability", "portfolio"):
        assert f"  {name} " in out.stdout


# ---- docs/analysis.md shows real output ---------------------------------------------------
DOC = ROOT / "docs" / "analysis.md"


def doc_examples() -> list[tuple[str, str]]:
    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```console\n\$ (mognad [^\n]*)\n(.*?)```", text, flags=re.S)
    return [(cmd, out) for cmd, out in blocks]


def lines(text: str) -> list[str]:
    """Lines without trailing spaces (tables pad their last column), trailing blank lines cut."""
    return [line.rstrip() for line in text.rstrip().splitlines()]


def test_docs_cover_every_analysis_command():
    commands = {cmd.split()[1] for cmd, _ in doc_examples()}
    assert commands == {"gap", "priorities", "compare", "groups", "reliability", "portfolio"}


@pytest.mark.parametrize(("command", "shown"), params(doc_examples(), lambda row: row[0]))
def test_docs_output_is_what_mognad_prints(run_cli, monkeypatch, command, shown):
    monkeypatch.chdir(DIMIOS_SAMPLES)
    out = ok(run_cli(*shlex.split(command)[1:]))
    assert lines(out.stdout) == lines(shown)


def test_docs_error_example_is_real(run_cli, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Initiativ"
    ws.append(["Initiativ", "Status", "Påståenden"])
    ws.append(["E-tjänster", "kanske", "f13"])
    wb.save(tmp_path / "initiativ.xlsx")
    out = run_cli("portfolio", DIMIOS_2025, tmp_path / "initiativ.xlsx", "--lang", "en")
    assert out.exit_code == 2
    shown = re.search(r"```text\n(Error: [^\n]*)\n```", DOC.read_text(encoding="utf-8")).group(1)
    assert out.stderr.strip() == shown


@pytest.mark.parametrize("resampling", ["index", "multinomial"])
def test_compare_resampling_option_is_the_library_s(run_cli, resampling):
    """--resampling multinomial reproduces mognad 0.1.0's bootstrap; both ways print what
    mognad.compare returns for them, and they differ."""
    args = ["compare", DIMIOS_2024, DIMIOS_2025, "--boot", "300", "-f", "json"]
    got = json.loads(ok(run_cli(*args, "--resampling", resampling)).stdout)
    want = mognad.compare(DIMIOS_2024, DIMIOS_2025, n_boot=300, resampling=resampling)
    assert got["resampling"] == resampling
    assert got["overall"] == json.loads(want.overall.model_dump_json())
    other = "multinomial" if resampling == "index" else "index"
    assert got["overall"] != json.loads(ok(run_cli(*args, "--resampling", other)).stdout)["overall"]
    bad = run_cli(*args, "--resampling", "bincount")
    assert bad.exit_code == 2 and "bincount" in bad.stderr


def test_analyses_note_pooled_waves_but_compare_does_not(run_cli):
    note = 'Svaren är från 2 mätomgångar i kolumnen "år" (2024, 2025) och räknas ihop här'
    for command in (["priorities"], ["gap", "--target", "55%"], ["reliability"]):
        out = run_cli(*command, DIMIOS_SAMPLE)
        assert out.exit_code == 0 and note in out.stderr, command
        one = run_cli(*command, DIMIOS_SAMPLE, "--where", "år=2025")
        assert one.exit_code == 0 and note not in one.stderr, command
    assert note not in run_cli("compare", DIMIOS_SAMPLE, "--column", "år", "--boot", "50").stderr


# ---- argument forms, read as MOGNAD_GAP and MOGNAD_PRIORITIES read them (analysis.md#arguments)
def test_gap_without_target_is_to_the_default_benchmark(run_cli):
    # was refused ("gap needs --target") while =MOGNAD_GAP(svar) used the default benchmark
    default = ok(run_cli("gap", DIMIOS_2025, "-f", "json")).stdout
    latest = ok(run_cli("gap", DIMIOS_2025, "-t", "public_sector_2023", "-f", "json")).stdout
    assert default == latest  # DiMiOS's default: the June 2023 status report
    assert json.loads(default)["overall"]["target"] == pytest.approx(0.47)


@pytest.mark.parametrize("level", ["påståenden", "Statements", "PÅSTÅENDE"])
def test_levels_in_swedish_and_english(run_cli, level):
    # --level took the English singular only; MOGNAD_GAP took Swedish and plural spellings too
    args = ("gap", DIMIOS_2025, "-t", "55%", "-f", "json")
    assert ok(run_cli(*args, "-l", level)).stdout == ok(run_cli(*args, "-l", "statement")).stdout


def test_a_level_a_command_does_not_have(run_cli):
    result = run_cli("groups", DIMIOS_2025, "-b", "förvaltning", "-l", "kategori", "--lang", "en")
    assert result.exit_code == 2
    assert 'level "kategori" is not one of: dimension, statement, all.' in result.stderr


@pytest.mark.parametrize("target", ["0,55", "55", "55 %"])
def test_targets_written_as_in_excel(run_cli, target):
    args = ("priorities", DIMIOS_2025, "-f", "json", "-t")
    assert ok(run_cli(*args, target)).stdout == ok(run_cli(*args, "0.55")).stdout
