"""The mognad command line: listing models, showing them, scoring, the demo, samples."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from conftest import DIMIOS_SAMPLE, TINY, TINY_SCORES

import mognad_core as mognad


def test_models_table_and_json(run_cli):
    table = run_cli("models")
    assert table.exit_code == 0
    assert "dimios" in table.stdout and "dmm" in table.stdout
    data = json.loads(run_cli("models", "--format", "json").stdout)
    dimios = next(m for m in data if m["name"] == "dimios")
    assert dimios["plugin"] == "dimios" and dimios["statements"] == 30
    five = next(m for m in data if m["name"] == "dimios-5")  # the registered 1-5 variant
    assert five["plugin"] == "dimios" and five["statements"] == 30


def test_one_table_aligns_columns_by_what_they_hold():
    """cli.render.table, for the CLI and the plugins' commands: figures right-aligned even under
    a wider heading (was "11.5 %    " under "Don't know"), labels left-aligned by their content
    (a plugin's own "Zone" column too), "–" and "hidden" neither, no line ending in spaces."""
    from mognad_core.cli.render import table
    from mognad_core.texts import Texts

    rows = [
        {"Group": "Soc", "Don't know": "11.5 %", "n": 12, "Zone": "high", "": "*"},
        {"Group": "Ledning", "Don't know": "–", "n": "hidden", "Zone": "low", "": ""},
        {"Group": "2024", "Don't know": "+3.1 pp", "n": None, "Zone": "–", "": ""},
    ]
    assert table(rows, Texts("en")).splitlines() == [
        "Group   Don't know      n Zone",
        "Soc         11.5 %     12 high *",
        "Ledning          – hidden low",
        "2024       +3.1 pp      – –",
    ]
    assert table([], Texts("en")) == "(nothing to show)"


def test_one_where_and_one_target_option(run_cli):
    """--where and --target are declared once (cli.options) and read the same in every command
    and plugin command: score claimed "a benchmark name (e.g. national)", which is refused, and
    dimios classify's --where had other words and no metavar; dmm workshop had no --where."""

    def option_help(*command: str, option: str) -> str:
        out = run_cli(*command, "--help").stdout
        block = out.split(option, 1)[1].split("\n  -", 1)[0]
        return " ".join(block.split())

    commands = [("score",), ("gap",), ("priorities",), ("report",)]
    targets = {option_help(*c, option="--target TEXT") for c in commands}
    assert len(targets) == 1 and "DiMiOS: national_2021" in targets.pop()
    for command in [*commands, ("dimios", "classify"), ("dmm", "workshop"), ("groups",)]:
        where = option_help(*command, option="--where COLUMN=VALUE")
        assert where.startswith("Only respondents with this value in an attribute column"), command
    assert mognad.get_model("dimios").benchmark("national_2021")


def test_models_show_json_is_the_pydantic_dump(run_cli):
    out = run_cli("models", "show", "dimios", "--format", "json")
    assert out.exit_code == 0
    data = json.loads(out.stdout)
    assert data == json.loads(mognad.dump_model(mognad.get_model("dimios")))
    assert data["scale"]["min"] == 1 and data["scale"]["max"] == 6  # six points since 2.0
    assert "vet ej" in data["scale"]["dont_know"]
    five = json.loads(run_cli("models", "show", "dimios-5", "--format", "json").stdout)
    assert (five["scale"]["min"], five["scale"]["max"]) == (1, 5)
    assert five["scale"]["labels"]["3"] == "Stämmer delvis"
    assert five["dimensions"] == data["dimensions"]  # the same statements
    assert [d["label"] for d in data["dimensions"]] == ["Digital förmåga", "Digitalt arv"]


def test_models_show_file_as_table(run_cli):
    # one language throughout: the statement, its mark and the levels (was "Planen saknas
    # ofta.  [reversed]" in every language; percentages as texts.pct writes them)
    out = run_cli("models", "show", TINY)
    assert out.exit_code == 0
    assert "a2: Planen saknas ofta.  [omvänd]" in out.stdout
    assert "Nivåer: Låg ≥ 0 %, Mellan ≥ 50 %, Hög ≥ 80 %" in out.stdout
    english = run_cli("models", "show", TINY, "--lang", "en")
    assert "a2: The plan is often missing.  [reversed]" in english.stdout
    assert "Tiny test model (tiny 1.0)" in english.stdout
    assert "Levels: Låg ≥ 0 %, Mellan ≥ 50 %, Hög ≥ 80 %" in english.stdout


def test_score_json_shape_matches_the_api(run_cli, tmp_path, tiny_frame):
    path = tmp_path / "svar.xlsx"
    tiny_frame.to_excel(path, index=False, sheet_name="Svar")
    # four respondents: only the data holder's opt-out shows them (min-size 1, said in the notes)
    refused = run_cli("score", path, "--model", TINY, "--format", "json")
    assert refused.exit_code == 2 and refused.stdout == ""
    assert "färre än 5 svarande" in refused.stderr and "Traceback" not in refused.stderr
    out = run_cli("score", path, "--model", TINY, "--format", "json", "--min-size", "1")
    assert out.exit_code == 0, out.stderr
    data = json.loads(out.stdout)
    api = mognad.score(path, TINY, min_size=1)
    assert any("Anonymitetsskydd avstängt" in n for n in data["notes"])
    assert data["model"] == "tiny"
    assert data["overall"] == pytest.approx(api.overall)  # unrounded
    assert data["overall"] == pytest.approx(TINY_SCORES["overall"])
    assert data["level"] == "Mellan"
    assert set(data["dimensions"]["A"]) >= {"score", "n", "dont_know_share"}
    assert set(data["statements"]["a1"]) >= {
        "score",
        "mean",
        "n",
        "dont_know",
        "missing",
        "dont_know_share",
    }
    assert data["statements"]["b3"]["score"] is None
    assert 'Obs: Kolumner som behålls som bakgrundsuppgifter (inte påståenden): "förvaltning".' in (
        out.stderr
    )  # the command's language (Swedish by default), also for the notes made while reading


def test_score_table(run_cli, tmp_path, tiny_frame):
    path = tmp_path / "svar.csv"
    tiny_frame.to_csv(path, sep=";", index=False)
    out = run_cli("score", path, "--model", TINY, "--min-size", "1")
    assert out.exit_code == 0
    assert out.stdout.startswith("*** Anonymitetsskydd avstängt")  # in the saved text too
    assert "Totalt värde: 72,2 %   Nivå: Mellan" in out.stdout
    assert "Alfa" in out.stdout and "  Beta ett" in out.stdout
    english = run_cli("score", path, "--model", TINY, "--lang", "en", "--min-size", "1")
    assert "Overall score: 72.2 %   Level: Mellan" in english.stdout
    assert "Tiny test model" in english.stdout and "Alpha" in english.stdout
    assert english.stdout.startswith("*** Anonymity protection off")


def test_demo_scores_the_latest_wave_of_the_bundled_sample(run_cli):
    out = run_cli("demo", "--lang", "en")
    assert out.exit_code == 0
    assert "Latest wave: år = 2025, 240 of 480 respondents; earlier: 2024" in out.stdout
    assert "dimios_sample.xlsx, 240 respondents" in out.stdout
    frame = pd.read_excel(DIMIOS_SAMPLE, engine="openpyxl")
    later = mognad.score(frame[frame["år"] == 2025], "dimios").overall  # rounded, as printed
    earlier = mognad.score(frame[frame["år"] == 2024], "dimios").overall
    assert f"Overall score: {later * 100:.1f} %" in out.stdout
    assert (
        f"Change since 2024: overall {earlier * 100:.1f} % → {later * 100:.1f} % "
        f"({(later - earlier) * 100:+.1f} percentage points)"
    ) in out.stdout


def test_demo_next_steps_are_commands_that_work(run_cli, tmp_path, monkeypatch):
    out = run_cli("demo")
    steps = out.stdout.split("Nästa steg med den här filen:\n", 1)[1].splitlines()
    commands = [line.split()[1:] for line in steps if line.startswith("  mognad ")]
    assert [c[0] for c in commands] == ["compare", "priorities", "report"]
    monkeypatch.chdir(tmp_path)
    for args in commands:
        done = run_cli(*args)
        assert done.exit_code == 0, (args, done.stderr)
    assert "2024 (n=240) → 2025 (n=240)" in run_cli(*commands[0]).stdout
    assert sorted(p.name for p in (tmp_path / "rapport").iterdir()) == [
        "dimios_sample_rapport.pptx",
        "dimios_sample_rapport.xlsx",
    ]


def test_demo_next_steps_keep_the_language(run_cli):
    out = run_cli("demo", "--lang", "en")
    steps = out.stdout.split("Next steps with this file:\n", 1)[1].splitlines()
    commands = [line for line in steps if line.startswith("  mognad ")]
    assert len(commands) == 3 and all("--lang en" in c for c in commands)
    assert "--lang" not in run_cli("demo").stdout  # Swedish, the default


def test_demo_without_waves_scores_everyone(run_cli):
    out = run_cli("demo", "--model", "dmm", "--lang", "en")
    assert out.exit_code == 0
    assert "Latest wave" not in out.stdout and "Change since" not in out.stdout
    assert "dmm_sample.xlsx, 28 respondents" in out.stdout


def test_score_where_and_the_note_on_pooled_waves(run_cli):
    pooled = run_cli("score", DIMIOS_SAMPLE)
    assert pooled.exit_code == 0 and "480 svarande" in pooled.stdout
    assert (
        'Obs: Svaren är från 2 mätomgångar i kolumnen "år" (2024, 2025) och räknas ihop här. '
        "Välj en med --where år=2025"
    ) in pooled.stderr
    english = run_cli("score", DIMIOS_SAMPLE, "--lang", "en")  # in the command's language
    assert (
        'Note: The responses are from 2 waves in column "år" (2024, 2025), analysed together '
        "here. Choose one with --where år=2025"
    ) in english.stderr
    assert "mätomgångar" not in english.stderr
    one = run_cli("score", DIMIOS_SAMPLE, "--where", "år=2024", "--format", "json")
    assert one.exit_code == 0 and "räknas ihop" not in one.stderr
    # a selection by another column still pools the waves, and says so
    staff = run_cli("score", DIMIOS_SAMPLE, "--where", "roll=Medarbetare", "--format", "json")
    assert staff.exit_code == 0 and "räknas ihop" in staff.stderr
    frame = pd.read_excel(DIMIOS_SAMPLE, engine="openpyxl")
    expected = mognad.score(frame[frame["år"] == 2024], "dimios")
    data = json.loads(one.stdout)
    assert data["n_respondents"] == 240
    assert data["overall"] == pytest.approx(expected.overall, abs=1e-12)
    bad = run_cli("score", DIMIOS_SAMPLE, "--where", "år=2019", "--lang", "en")
    assert bad.exit_code == 2
    assert 'no respondent has "2019" in column "år"' in bad.stderr
    assert "Traceback" not in bad.stderr


def test_demo_for_a_model_without_sample(run_cli):
    out = run_cli("demo", "--model", TINY, "--lang", "en")
    assert out.exit_code == 2
    assert "No sample data for model" in out.stderr


def test_samples_copy_everything_the_docs_use_and_refuse_to_overwrite(run_cli, tmp_path):
    out = run_cli("samples", "--copy-to", tmp_path)
    assert out.exit_code == 0
    copied = tmp_path / "dimios_sample.xlsx"
    assert copied.read_bytes() == DIMIOS_SAMPLE.read_bytes()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(s.path.name for s in mognad.get_samples())  # every plugin's samples
    assert {
        "dimios_2024.csv",
        "dimios_2025.csv",
        "dimios_sample.xlsx",
        "dmm_sample.xlsx",
        "dmm_original_sample.xlsx",
        "initiativ.xlsx",
        "malprofil.yaml",
        "malprofil_original.yaml",
    } <= set(names)
    # the docs' commands work on the copies
    assert (
        run_cli("compare", tmp_path / "dimios_2024.csv", tmp_path / "dimios_2025.csv").exit_code
        == 0
    )
    dmm = run_cli(
        "score", tmp_path / "dmm_sample.xlsx", "-m", "dmm", "-t", tmp_path / "malprofil.yaml"
    )
    assert dmm.exit_code == 0, dmm.stderr
    original = run_cli(
        "score",
        tmp_path / "dmm_original_sample.xlsx",
        "-m",
        "dmm-original",
        "-t",
        tmp_path / "malprofil_original.yaml",
    )
    assert original.exit_code == 0, original.stderr


def test_samples_copy_is_all_or_nothing(run_cli, tmp_path):
    (tmp_path / "dimios_2025.csv").write_text("mine", encoding="utf-8")
    again = run_cli("samples", "--copy-to", tmp_path)
    assert again.exit_code == 2 and "Traceback" not in again.stderr
    existing = tmp_path / "dimios_2025.csv"
    assert f"Fel: {existing} finns redan. Använd --force för att ersätta den." in again.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["dimios_2025.csv"]
    assert (tmp_path / "dimios_2025.csv").read_text(encoding="utf-8") == "mine"
    forced = run_cli("samples", "--copy-to", tmp_path, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert (tmp_path / "dimios_2025.csv").read_text(encoding="utf-8-sig").startswith("respondent")


def test_plugins_lists_hooks(run_cli):
    data = json.loads(run_cli("plugins", "--format", "json").stdout)
    names = {p["name"] for p in data}
    assert {"mognad_readers", "dimios", "dmm"} <= names


def test_version(run_cli):
    out = run_cli("--version")
    assert out.exit_code == 0 and out.stdout.strip() == f"mognad, version {mognad.__version__}"
    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    assert mognad.__version__ == pyproject["project"]["version"]


def test_score_from_python_equals_score_from_dataframe(tiny_model, tiny_frame, tmp_path):
    path = tmp_path / "svar.xlsx"
    tiny_frame.to_excel(path, index=False)
    from_file = mognad.score(path, tiny_model, min_size=1)
    from_frame = mognad.score(pd.read_excel(path, engine="openpyxl"), tiny_model, min_size=1)
    assert from_file.overall == pytest.approx(from_frame.overall)


def test_samples_include_the_initiative_portfolio(run_cli):
    kinds = {(s.model, s.path.name): s.kind for s in mognad.get_samples()}
    assert kinds[("dimios", "initiativ.xlsx")] == "initiatives"
    assert kinds[("dimios", "dimios_sample.xlsx")] == "responses"
    assert kinds[("dmm", "malprofil.yaml")] == "target"
    assert mognad.get_samples("dimios", "responses")[0].path == DIMIOS_SAMPLE  # what demo scores
    assert "initiativ.xlsx" in run_cli("samples").stdout


def test_models_sample_writes_made_up_answers_that_score(run_cli, tmp_path):
    """mognad models sample: a response file for any model (a name or a model file), to try it
    on; the same seed gives the same file; nothing is written over without --force."""
    path = tmp_path / "svar.csv"
    done = run_cli("models", "sample", "dmm", "-o", path, "-n", "30", "--groups", "3")
    assert done.exit_code == 0, done.stderr
    assert done.stdout == f"Skrev {path}: 30 påhittade svarande för modellen dmm.\n"
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    assert len(frame) == 30 and set(frame["förvaltning"]) == {"Grupp 1", "Grupp 2", "Grupp 3"}
    assert list(frame.columns[1:]) == list(mognad.get_model("dmm").statement_ids)
    assert run_cli("score", path, "--model", "dmm").exit_code == 0
    again = run_cli("models", "sample", "dmm", "-o", path, "-n", "30", "--groups", "3")
    assert again.exit_code == 2 and "finns redan" in again.stderr
    copy = tmp_path / "kopia.xlsx"
    run_cli("models", "sample", TINY, "-o", copy, "--seed", "17")  # a model file; .xlsx
    first = pd.read_excel(copy)
    assert run_cli("models", "sample", TINY, "-o", copy, "--force").exit_code == 0
    pd.testing.assert_frame_equal(first, pd.read_excel(copy))  # the same seed, the same file
    wrong = run_cli("models", "sample", "dmm", "-o", tmp_path / "svar.txt", "--lang", "en")
    assert wrong.exit_code == 2
    assert wrong.stderr == "Error: Cannot write answers as svar.txt: give a .csv or .xlsx file.\n"
    assert not (tmp_path / "svar.txt").exists()
