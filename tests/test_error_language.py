"""Errors in the command's language: Swedish by default, English with --lang en, never mixed.

An error carries a key of the catalogue and its data (texts.Message) and is put into words at
the CLI's one exit path ("Fel: ..." / "Error: ..."); ``str(err)`` stays English for logs and
Python code. An error not yet in the catalogue (plain English text) is written all in English.
"""

from __future__ import annotations

import re

import openpyxl
import pytest
from conftest import DIMIOS_2025, DIMIOS_SAMPLE, ROOT, TINY

import mognad_core as mognad
from mognad_core import texts
from mognad_core.errors import InputError, Location, MognadError

#: words that give the other language away in a one-line error
ENGLISH = ["Error:", "Expected", "sheet ", "row ", "column ", " is not ", "not found", " the "]
SWEDISH = ["Fel:", "Förväntat", "blad ", "rad ", "kolumn", " är ", " finns ", " inte "]


@pytest.fixture
def bad_cell(tmp_path):
    """A workbook whose sheet "Svar" has 9 in row 3, column B (a1): off the 1-5 scale."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Svar"
    for row in (["förvaltning", "a1", "a2"], ["Soc", 4, 2], ["Soc", 9, 3], ["KLF", 3, 7]):
        ws.append(row)
    path = tmp_path / "svar.xlsx"
    wb.save(path)
    return path


#: bad commands, each a function of (the workbook with a bad cell, a temporary folder)
CASES = {
    "a value off the scale": lambda cell, tmp: ["score", cell, "--model", TINY],
    "file not found": lambda cell, tmp: ["score", tmp / "saknas.xlsx"],
    "unknown model": lambda cell, tmp: ["score", DIMIOS_2025, "--model", "nope"],
    "a value no respondent has": lambda cell, tmp: [
        "priorities",
        DIMIOS_SAMPLE,
        "--where",
        "år=1999",
    ],
    "--where without =": lambda cell, tmp: ["score", DIMIOS_2025, "--where", "2025"],
    "an unknown column": lambda cell, tmp: ["groups", DIMIOS_2025, "--by", "enhet"],
    "a bad target": lambda cell, tmp: ["gap", DIMIOS_2025, "--target", "hela världen"],
    "a target above 100 %": lambda cell, tmp: ["gap", DIMIOS_2025, "--target", "150%"],
    "a bad level": lambda cell, tmp: ["gap", DIMIOS_2025, "-t", "50%", "--level", "x"],
    "one wave only": lambda cell, tmp: ["compare", DIMIOS_2025],
    "a wave that is not there": lambda cell, tmp: ["compare", DIMIOS_SAMPLE, "-w", "2024,2030"],
    "a bad --compare": lambda cell, tmp: [
        "report",
        DIMIOS_SAMPLE,
        "--compare",
        "år=2024",
        "-o",
        tmp,
    ],
    "a plugin command": lambda cell, tmp: ["dimios", "classify", DIMIOS_SAMPLE, "-g", "avdelning"],
    "no sample data": lambda cell, tmp: ["demo", "--model", TINY],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_an_error_is_written_all_in_the_command_language(run_cli, bad_cell, tmp_path, name):
    args = CASES[name](bad_cell, tmp_path)
    sv = run_cli(*args)  # Swedish: the default
    en = run_cli(*args, "--lang", "en")
    for res, lang, foreign in ((sv, "sv", ENGLISH), (en, "en", SWEDISH)):
        assert res.exit_code == 2, (name, lang, res.stderr)
        assert res.stdout == "" and "Traceback" not in res.stderr
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith("Fel: " if lang == "sv" else "Error: "), lines[0]
        shown = [word for word in foreign if word in lines[0]]
        assert shown == [], f"{name} ({lang}) shows the other language: {shown} in {lines[0]}"


def test_a_located_error_names_sheet_row_and_column_in_swedish(run_cli, bad_cell):
    sv = run_cli("score", bad_cell, "--model", TINY).stderr.strip()
    en = run_cli("score", bad_cell, "--model", TINY, "--lang", "en").stderr.strip()
    assert sv == (
        'Fel: svar.xlsx, blad "Svar", rad 3, kolumn B ("a1"): 9 är inte ett giltigt svar. '
        'Förväntat: ett heltal från 1 till 5, "vet ej", "vet inte" eller en tom cell. 1 cell(er) '
        'till har samma problem (rad 4 kolumn C ("a2")).'
    )
    assert en == (
        'Error: svar.xlsx, sheet "Svar", row 3, column B ("a1"): 9 is not a valid answer. '
        'Expected a whole number from 1 to 5, "vet ej", "vet inte" or a blank cell. 1 more '
        'cell(s) have the same problem (row 4 column C ("a2")).'
    )


def test_the_language_is_known_before_the_other_options_read_files(run_cli, tmp_path):
    # --answers reads its file in its callback; --lang (eager) is read first wherever it stands
    args = ["score", DIMIOS_2025, "--answers", tmp_path / "saknas.yaml"]
    assert run_cli(*args, "--lang", "en").stderr.startswith("Error: saknas.yaml: answers file")
    assert run_cli(*args).stderr.startswith("Fel: saknas.yaml: filen med svarsord finns inte")


def test_str_is_english_and_text_is_in_either_language():
    err = InputError(
        texts.Message("error.file_not_found"),
        Location(file="/data/svar.xlsx", sheet="Svar", row=4, column="a2", column_index=2),
        texts.Message("error.expected.response_file"),
    )
    assert (
        str(err)
        == err.text("en")
        == (
            'svar.xlsx, sheet "Svar", row 4, column C ("a2"): file not found. Expected the path of '
            "a response file."
        )
    )
    assert err.text("sv") == (
        'svar.xlsx, blad "Svar", rad 4, kolumn C ("a2"): filen finns inte. Förväntat: sökvägen '
        "till en svarsfil."
    )
    assert err.translatable() and err.language("sv") == "sv"
    with pytest.raises(texts.UnknownLanguage):
        err.text("de")
    with pytest.raises(mognad.ModelError, match="Unknown model 'nope'") as unknown:
        mognad.get_model("nope")
    assert unknown.value.text("sv").startswith("Okänd modell 'nope'. Installerade modeller:")


def test_plain_text_is_an_english_error_in_every_language(run_cli, tmp_path):
    err = MognadError("something plain")
    assert err.text("sv") == err.text("en") == str(err) == "something plain"
    assert not err.translatable() and err.language("sv") == "en"
    # a message not (yet) in the catalogue: all English, "Error:" too, in a Swedish run
    broken = tmp_path / "trasig.yaml"
    broken.write_text("x: [", encoding="utf-8")
    res = run_cli("score", DIMIOS_2025, "-m", broken)
    assert res.exit_code == 2
    assert res.stderr.startswith("Error: trasig.yaml, line 1, column 5: not valid YAML")


def test_the_plugin_authors_example_runs():
    """docs/plugin-utilities.md shows how a plugin raises a translated error: it runs."""
    page = (ROOT / "docs" / "plugin-utilities.md").read_text(encoding="utf-8")
    section = page.split("## Errors in the reader's language", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, flags=re.S).group(1)
    exec(compile(code, "docs/plugin-utilities.md", "exec"), {})


def test_a_plugin_error_is_written_in_the_command_language(run_cli, monkeypatch):
    texts.add({"acme.error.boom": ("Det small: {what}.", "It went boom: {what}.")}, owner="acme")

    def boom(*args, **kwargs):
        raise MognadError(texts.Message("acme.error.boom", what="f11"))

    monkeypatch.setattr(mognad.ResponseSet, "from_any", boom)
    assert run_cli("score", DIMIOS_2025).stderr == "Fel: Det small: f11.\n"
    assert run_cli("score", DIMIOS_2025, "--lang", "en").stderr == "Error: It went boom: f11.\n"
