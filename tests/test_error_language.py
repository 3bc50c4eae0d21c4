"""Errors in the command's language: Swedish by default, English with --lang en, never mixed.

An error carries a key of the catalogue and its data (texts.Message) and is put into words at
the CLI's one exit path ("Fel: ..." / "Error: ..."); ``str(err)`` stays English for logs and
Python code. An error not yet in the catalogue (plain English text) is written all in English.
"""

from __future__ import annotations

import ast
import re

import openpyxl
import pytest
from conftest import DIMIOS_2025, DIMIOS_SAMPLE, DMM_SAMPLE, ROOT, TINY

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


def _file(path, text):
    """``path`` with ``text`` in it (a small data or model file for a case below)."""
    path.write_text(text, encoding="utf-8")
    return path


def _bytes(path, data):
    """``path`` with the bytes ``data`` in it."""
    path.write_bytes(data)
    return path


def _zip(path, names):
    """``path``: a zip archive holding ``names`` (a workbook's parts, or not)."""
    import zipfile

    with zipfile.ZipFile(path, "w") as zf:
        for name in names:
            zf.writestr(name, "<x/>")
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
    # data files: a parse error names the file, row and column in the command's language
    "a mapping file that is not YAML": lambda cell, tmp: [
        "score",
        DIMIOS_2025,
        "--mapping",
        _file(tmp / "rubriker.yaml", "a: [1,\n"),
    ],
    "a mapping file that is not UTF-8": lambda cell, tmp: [
        "score",
        DIMIOS_2025,
        "--mapping",
        _bytes(tmp / "rubriker.yaml", "Fråga ett: a1\nFråga två: a2\n".encode("cp1252")),
    ],
    "a mapping that is not a mapping": lambda cell, tmp: [
        "score",
        DIMIOS_2025,
        "--mapping",
        _file(tmp / "rubriker.yaml", "- a\n- b\n"),
    ],
    "a mapping table of one column": lambda cell, tmp: [
        "score",
        DIMIOS_2025,
        "--mapping",
        _file(tmp / "rubriker.csv", "a\nb\n"),
    ],
    "an answers file that is not JSON": lambda cell, tmp: [
        "score",
        DIMIOS_2025,
        "--answers",
        _file(tmp / "svarsord.json", '{"Instämmer helt": 5,}'),
    ],
    "an answers file that is no list of wordings": lambda cell, tmp: [
        "score",
        DIMIOS_2025,
        "--answers",
        _file(tmp / "svarsord.yaml", "- Instämmer helt\n"),
    ],
    "a wording whose meaning is no answer": lambda cell, tmp: [
        "score",
        DIMIOS_2025,
        "--answers",
        _file(tmp / "svarsord.yaml", "Instämmer helt: 42\n"),
    ],
    "a target file that is not YAML": lambda cell, tmp: [
        "gap",
        DIMIOS_2025,
        "--target",
        _file(tmp / "mal.yaml", "formaga: [\n"),
    ],
    "a target file with a bad date": lambda cell, tmp: [
        "gap",
        DIMIOS_2025,
        "--target",
        _file(tmp / "mal.yaml", "formaga: 2025-13-45\n"),
    ],
    "a target file that is not a mapping": lambda cell, tmp: [
        "gap",
        DIMIOS_2025,
        "--target",
        _file(tmp / "mal.yaml", "- formaga\n"),
    ],
    "a target list with a part that is no pair": lambda cell, tmp: [
        "gap",
        DIMIOS_2025,
        "--target",
        "formaga=50%,styrning",
    ],
    "a target table of one column": lambda cell, tmp: [
        "gap",
        DIMIOS_2025,
        "--target",
        _file(tmp / "mal.csv", "formaga\nstyrning\n"),
    ],
    "an invited file that is not YAML": lambda cell, tmp: [
        "report",
        DIMIOS_2025,
        "--invited",
        _file(tmp / "inbjudna.yaml", "Soc: [\n"),
        "-o",
        tmp,
    ],
    "a model file that is not YAML": lambda cell, tmp: [
        "score",
        DIMIOS_2025,
        "-m",
        _file(tmp / "trasig.yaml", "name: x\n  title: [\n"),
    ],
    "a model file that is not JSON": lambda cell, tmp: [
        "score",
        DIMIOS_2025,
        "-m",
        _file(tmp / "trasig.json", '{"name": "x",}'),
    ],
    "a model file that does not validate": lambda cell, tmp: [
        "score",
        DIMIOS_2025,
        "-m",
        _file(
            tmp / "modell.yaml",
            "name: x\ntitle: X\ndimensions:\n  - id: d\n    label: D\n    statements:\n"
            "      - id: s1\n        weight: 2\n",
        ),
    ],
    "a model file that is no mapping": lambda cell, tmp: [
        "score",
        DIMIOS_2025,
        "-m",
        _file(tmp / "lista.yaml", "- name\n"),
    ],
    "a model file of another suffix": lambda cell, tmp: [
        "score",
        DIMIOS_2025,
        "-m",
        _file(tmp / "modell.txt", "name: x\n"),
    ],
    "a DMM workshop of a header and no rows": lambda cell, tmp: [
        "dmm",
        "workshop",
        _file(tmp / "tom.csv", "respondent,ledningsgrupp,var1,var2,vis1,dat1\n"),
    ],
    "a model without the 2×2's meta": lambda cell, tmp: [
        "dimios",
        "classify",
        DMM_SAMPLE,
        "--model",
        "dmm",
    ],
    "a Word document named .xlsx": lambda cell, tmp: [
        "score",
        _zip(tmp / "svar.xlsx", ["[Content_Types].xml", "word/document.xml"]),
    ],
    "a text file named .xlsx": lambda cell, tmp: ["score", _file(tmp / "svar.xlsx", "a;b\n1;2\n")],
    "an HTML file named .xlsx": lambda cell, tmp: [
        "score",
        _file(tmp / "svar.xlsx", "<html><table></table></html>"),
    ],
}

#: what the error of a case says (Swedish, English): the case meets the error it is named for
SAYS = {
    "a mapping file that is not YAML": (
        "rubriker.yaml, rad 1, kolumn 7: mappningsfilen kan inte tolkas som YAML",
        "rubriker.yaml, row 1, column 7: the mapping file cannot be parsed as YAML",
    ),
    "a mapping file that is not UTF-8": (
        "rubriker.yaml, rad 1: mappningsfilen är inte UTF-8-text",
        "rubriker.yaml, row 1: the mapping file is not UTF-8 text",
    ),
    "a mapping that is not a mapping": ("ingen mappning", "the mapping file is not a mapping from"),
    "a mapping table of one column": ("mappningstabellen behöver", "mapping table needs"),
    "an answers file that is not JSON": (
        "svarsord.json, rad 1, kolumn 22: filen med svarsord kan inte tolkas som JSON",
        "svarsord.json, row 1, column 22: the answers file cannot be parsed as JSON",
    ),
    "an answers file that is no list of wordings": ("ingen lista", "not a list of wordings"),
    "a wording whose meaning is no answer": ("betydelsen 42", "the meaning 42"),
    "a target file that is not YAML": ("mal.yaml, rad 1, kolumn 11: målfilen", "row 1, column 11"),
    "a target file with a bad date": ("mal.yaml: målfilen kan inte", "month must be in 1..12"),
    "a target file that is not a mapping": ("målfilen är ingen", "target file is not a"),
    "a target list with a part that is no pair": ("'styrning' saknar '='", "has no '='"),
    "a target table of one column": ("måltabellen behöver två", "target table needs two"),
    "an invited file that is not YAML": (
        "inbjudna.yaml, rad 1, kolumn 7: filen med antal inbjudna",
        "row 1, column 7: the invited file cannot be parsed as YAML",
    ),
    "a model file that is not YAML": (
        "trasig.yaml, rad 2, kolumn 8: inte giltig YAML",
        "trasig.yaml, line 2, column 8: not valid YAML",
    ),
    "a model file that is not JSON": ("rad 1, kolumn 14: inte giltig JSON", "not valid JSON"),
    "a model file that is no mapping": ("modelldefinition ska vara", "must be a mapping"),
    "a model file that does not validate": (
        'modelldefinitionen är inte giltig. dimensions[0] (id "d") > statements[0] (id "s1") > '
        "text: det här fältet krävs men saknas.",
        "the model definition is not valid.",
    ),
    "a model file of another suffix": ("ska sluta på .yaml", "must end in .yaml"),
    "a DMM workshop of a header and no rows": ("inga rader med svarande", "no respondent rows"),
    "a text file named .xlsx": ("filen är vanlig text", "the file is plain text"),
    "a model without the 2×2's meta": ("anger inga meta.quadrants", "declares no meta.quadrants"),
    "a Word document named .xlsx": (
        "filen är ett Word-dokument (.docx), inte en Excel-arbetsbok",
        "the file is a Word document (.docx), not an Excel workbook",
    ),
    "an HTML file named .xlsx": ("HTML- eller XML-text", "HTML or XML text"),
}

#: cases whose message quotes a parser's own words ("..."), which are the parser's English
QUOTES_A_PARSER = {
    "a mapping file that is not YAML",
    "an answers file that is not JSON",
    "a target file that is not YAML",
    "a target file with a bad date",
    "an invited file that is not YAML",
    "a model file that is not YAML",
    "a model file that is not JSON",
}


def test_the_case_tables_name_cases():
    assert set(SAYS) <= set(CASES)
    assert set(SAYS) >= QUOTES_A_PARSER


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
        line = lines[0]
        if name in SAYS:
            said = SAYS[name][0 if lang == "sv" else 1]
            assert said in line, (name, lang, line)
        if name in QUOTES_A_PARSER:  # labelled as the parser's words, and quoted as it gave them
            said = "YAML-tolkens besked" if lang == "sv" else "the YAML parser says"
            if "JSON" in line:
                said = said.replace("YAML", "JSON")
            assert f'({said}: "' in line, line
            line = re.sub(r'"[^"]*"', '""', line)
        shown = [word for word in foreign if word in line]
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


def test_plain_text_is_an_english_error_in_every_language(run_cli, monkeypatch):
    err = MognadError("something plain")
    assert err.text("sv") == err.text("en") == str(err) == "something plain"
    assert not err.translatable() and err.language("sv") == "en"

    def plain(*args, **kwargs):  # a plugin's error not in the catalogue (the guard below
        raise MognadError("something plain")  # keeps mognad's own errors from being one)

    monkeypatch.setattr(mognad.ResponseSet, "from_any", plain)
    # all English, "Error:" too, in a Swedish run: never half Swedish
    res = run_cli("score", DIMIOS_2025)
    assert res.exit_code == 2 and res.stderr == "Error: something plain\n"


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


# ---- a guard: no new error for people as plain English text ----------------------------------
#: where the guard looks: the core, the Excel add-in and the bundled plugins
GUARDED = ("mognad_core", "excel/mognad_excel", "plugins")

#: errors that may stay plain English text: (file, the start of the text) -> why no user of the
#: CLI, the Excel functions or a report can see it (a Python caller's or a plugin author's slip)
PROGRAMMER_ONLY = {
    ("mognad_core/analysis/compare.py", "n_boot must be"): "CLI: --boot is IntRange(min=100)",
    ("mognad_core/analysis/compare.py", "resampling must be"): "CLI: --resampling is a Choice",
    ("mognad_core/analysis/compare.py", "kind "): "no command or function passes kind",
    ("mognad_core/analysis/groups.py", "kind "): "no command or function passes kind",
    ("mognad_core/analysis/portfolio.py", "kind "): "no command or function passes kind",
    ("mognad_core/analysis/reliability.py", "kind "): "no command or function passes kind",
    ("mognad_core/analysis/portfolio.py", "Expected initiatives as"): "a Python type",
    ("mognad_core/analysis/reliability.py", "cronbach_alpha expects"): "a Python array shape",
    ("mognad_core/responses.py", "Expected responses as"): "a Python type",
    ("mognad_core/responses.py", "The responses"): "a ResponseSet passed with another model",
    ("mognad_core/plugins.py", "No model given"): "the CLI and Excel always name a model",
    ("mognad_core/plugins.py", "The result was scored"): "a score result passed in Python",
    ("mognad_core/plugins.py", "the built-in model"): "a packaging slip in mognad itself",
    ("mognad_core/report/__init__.py", "build_report needs out="): "the CLI always passes -o",
    ("mognad_core/settings.py", "Unknown setting"): "setting() is called with literal names",
    ("mognad_core/targets.py", "target 'next' can only"): "the CLI and Excel score first",
    ("mognad_core/texts.py", "Text "): "texts.add(): a plugin author's slip, at import",
    ("excel/mognad_excel/recalc.py", "MOGNAD_* functions"): "called outside recalc in Python",
    # written in the language asked for already (DisclosureError(text, lang) sets its language)
    ("excel/mognad_excel/udfs.py", "{: "): "exc.text(lang), in the sheet's language",
    ("plugins/dimios/mognad_dimios/_common.py", "expected a score result"): "a Python type",
    ("plugins/dimios/mognad_dimios/balance.py", "balance() needs"): "a Python type",
    ("plugins/dimios/mognad_dimios/benchmark.py", "benchmark_gap() needs"): "a Python type",
    ("plugins/dimios/mognad_dimios/priorities.py", "where_to_start() needs"): "a Python type",
    # arguments of the plugins' Python functions that no command or Excel function passes
    # (`mognad dimios classify` has no threshold, benchmark or scores option; the DMM settings
    # from a model file are checked to be in range when the model is read)
    ("plugins/dimios/mognad_dimios/_common.py", "{ is not a d"): "scores_of(mapping)",
    ("plugins/dimios/mognad_dimios/benchmark.py", "benchmark {"): "benchmark_gap(benchmark=)",
    ("plugins/dimios/mognad_dimios/classification.py", "the 2×2 threshold "): "threshold_value=",
    ("plugins/dmm_nine_engines/mognad_dmm/analysis.py", "weak-engine margin "): "margin=",
    ("plugins/dmm_nine_engines/mognad_dmm/analysis.py", "max_focus must be at"): "max_focus=",
}

#: errors people can see that are still plain English (written all in English, "Error:" in a
#: Swedish run, so never mixed); to move into the catalogue. Listed so that no new one is added.
NOT_YET: dict[tuple[str, str], str] = {}  # none left

ERROR_BASES = {"MognadError", "InputError", "ModelError", "PluginError"}


def _guarded_files():
    for root in GUARDED:
        for path in sorted((ROOT / root).rglob("*.py")):
            if "__pycache__" not in path.parts:
                yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text("utf-8"))


def _error_classes(trees, bases=ERROR_BASES) -> set[str]:
    """``bases`` and every class in the guarded code that derives from one of them."""
    names, grew = set(bases), True
    while grew:
        grew = False
        for _, tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {getattr(b, "id", getattr(b, "attr", None)) for b in node.bases}
                    if bases & names:
                        names.add(node.name)
                        grew = True
    return names


def _plain(node) -> str | None:
    """The text of ``node`` when it is plain text: a string, an f-string, or either joined or
    formatted or changed ("..." + x, "...".format(x), f"...".strip()); else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{" for v in node.values)
    if isinstance(node, ast.BinOp):
        return _plain(node.left) or _plain(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _plain(node.func.value)  # "...".format(x), f"...".replace(a, b)
    return None


def plain_errors(trees):
    """(file, line, text) of each error made with plain text for what it says (the first
    argument or ``problem=``) or, for an InputError, what was expected or the hint."""
    classes, located = _error_classes(trees), _error_classes(trees, {"InputError"})
    found = []
    for name, tree in trees:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            called = getattr(node.func, "id", getattr(node.func, "attr", None))
            if called not in classes:
                continue
            parts = node.args[:1] + [k.value for k in node.keywords if k.arg in ("problem",)]
            if called in located:
                parts += node.args[2:3] + [
                    k.value for k in node.keywords if k.arg in ("expected", "hint")
                ]
            for part in parts:
                words = _plain(part)
                if words is not None:
                    found.append((name, node.lineno, words))
    return found


def _allowed(name, words):
    for table in (PROGRAMMER_ONLY, NOT_YET):
        for (where, start), _why in table.items():
            if where == name and words.startswith(start):
                return (where, start)
    return None


def test_no_error_for_people_is_plain_english_text():
    """An error raised with plain text (a string or f-string) is written all in English in a
    Swedish run. Each one is in the catalogue (a Message), or listed above with the reason it
    cannot reach a user."""
    trees = list(_guarded_files())
    found = plain_errors(trees)
    leaks = [f"{n}:{line}: {words!r}" for n, line, words in found if not _allowed(n, words)]
    assert leaks == [], "put these into mognad_core/texts.py as Message(...):\n" + "\n".join(leaks)
    used = {_allowed(n, words) for n, _, words in found}
    stale = [key for key in (*PROGRAMMER_ONLY, *NOT_YET) if key not in used]
    assert stale == [], f"no longer raised: remove from the lists {stale}"


def test_the_guard_finds_a_plain_error(tmp_path):
    """The guard is not blind: the old plain-text parse error, and one in each form, are found."""
    code = """
class LocalError(InputError):
    pass

def f(path, what, exc):
    raise InputError(f"the {what} cannot be parsed ({exc})", Location(file=str(path))) from None

def g():
    raise MognadError("plain")

def h():
    return LocalError(Message("ok"), where, "an English expectation")

def i():
    raise ModelError(problem="{} is wrong".format(1))

def j():
    raise ModelError(Message("error.fine"))
"""
    found = plain_errors([("demo.py", ast.parse(code))])
    assert [(line, words[:12]) for _, line, words in found] == [
        (6, "the { cannot"),
        (9, "plain"),
        (12, "an English e"),
        (15, "{} is wrong"),
    ]
