"""Every output path shows the same notes, the same selection and the same language.

One file with the three things that go wrong between paths: a statement without a column (a
note made while reading), a wave column (år: a selection every path must make the same way) and
a small group (Kultur- och fritidsförvaltningen has 8 respondents in 2025: hidden under
``--min-size 9``). Each path (every CLI command in text and JSON, ``build_report``, the MOGNAD_*
functions, the Python API) is walked in Swedish and in English:

- the note about the missing statement is there, in the output's language;
- the selection ``år=2025`` gives the same number of respondents everywhere, and the small group
  is refused or hidden everywhere;
- no text of the other language's catalogue appears (a mixed output fails), in errors too: a
  selection nobody is in gives one located error, the same from every command;
- every percentage and difference is written as ``texts.pct``/``texts.pp`` write it: a decimal
  comma in Swedish and a point in English, a true minus sign (the plugins wrote "57.0 %" and
  "-3.1 procentenheter" in Swedish output).
"""

from __future__ import annotations

import json
import re
import string

import pandas as pd
import pytest
from conftest import DIMIOS_SAMPLE, DMM_SAMPLE, DMM_TARGET, INITIATIVES
from openpyxl import load_workbook
from pptx import Presentation

import mognad_core as mognad
from mognad_core import texts

SMALL = "Kultur- och fritidsförvaltningen"
MISSING = "a34"
MIN = "9"
WHERE = ("--where", "år=2025")


@pytest.fixture(scope="module")
def survey(tmp_path_factory):
    """The DiMiOS sample without column a34, as an .xlsx file."""
    frame = pd.read_excel(DIMIOS_SAMPLE, engine="calamine").drop(columns=[MISSING])
    path = tmp_path_factory.mktemp("paths") / "enkät.xlsx"
    frame.to_excel(path, index=False, sheet_name="Svar")
    return path


@pytest.fixture(scope="module")
def selected(survey):
    return mognad.read_responses(survey, "dimios").where("år=2025")


def missing_note(lang: str) -> str:
    model = mognad.get_model("dimios")
    return texts.text("read.missing_statements", lang, count=1, model=model.name, ids=MISSING)


def _fragments(words: str) -> list[str]:
    """The fixed stretches of a text (between its placeholders), long enough to be telling."""
    return [
        part.strip(" .,:;()")
        for part, *_ in string.Formatter().parse(words)
        if len(part.strip(" .,:;()")) >= 16
    ]


def other_language(lang: str) -> list[str]:
    """Stretches of the catalogue's texts in the other language that are not in this one."""
    mine = " ".join(pair[0 if lang == "sv" else 1] for pair in texts.CATALOGUE.values())
    out = set()
    for pair in texts.CATALOGUE.values():
        for piece in _fragments(pair[1 if lang == "sv" else 0]):
            if piece not in mine:
                out.add(piece)
    return sorted(out)


def monolingual(data):
    """JSON without the model's pairs of wordings (``text`` beside ``text_en``: an API gives
    both, by design); what is left is written in the output's language."""
    if isinstance(data, dict):
        pairs = {k[:-3] for k in data if k.endswith("_en")}
        return {
            k: monolingual(v) for k, v in data.items() if k not in pairs and k[:-3] not in pairs
        }
    if isinstance(data, list):
        return [monolingual(v) for v in data]
    return data


def assert_one_language(output: str, lang: str, where: str) -> None:
    foreign = [piece for piece in other_language(lang) if piece in output]
    assert foreign == [], f"{where} ({lang}) shows texts of the other language: {foreign}"


#: a figure written with the other language's decimal mark, or with an ASCII minus
WRONG_NUMBERS = {
    "sv": re.compile(r"\d\.\d+ ?(%|p\.e\.|procentenheter)|(?<![\w.])-\d[\d,]* (p\.e\.|procent)"),
    "en": re.compile(r"\d,\d+ ?(%|pp|percentage points)|(?<![\w.])-\d[\d.]* (pp|percentage)"),
}


def assert_numbers_in_language(output: str, lang: str, where: str) -> None:
    wrong = [m.group(0) for m in WRONG_NUMBERS[lang].finditer(output)]
    assert wrong == [], f"{where} ({lang}) writes numbers the other way: {wrong[:5]}"


COMMANDS = {
    "score": ["score"],
    "gap": ["gap", "--target", "55%"],
    "priorities": ["priorities"],
    "groups": ["groups", "--by", "förvaltning"],
    "reliability": ["reliability"],
    "portfolio": ["portfolio", "{file}", str(INITIATIVES)],
    "classify": ["dimios", "classify", "--groups", "förvaltning"],
}


def _args(name: str, survey, fmt: str, lang: str) -> list[str]:
    cmd = COMMANDS[name]
    args = [a.replace("{file}", str(survey)) for a in cmd]
    if "{file}" not in " ".join(cmd):
        args.insert(len(cmd) if cmd[0] != "dimios" else 2, str(survey))
    return [*args, *WHERE, "--min-size", MIN, "--lang", lang, "--format", fmt]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fmt", ["table", "json"])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_same_note_selection_language(run_cli, survey, selected, name, fmt, lang):
    res = run_cli(*_args(name, survey, fmt, lang))
    assert res.exit_code == 0, res.stderr
    shown = res.stdout + res.stderr
    if fmt == "json":
        shown = json.dumps(monolingual(json.loads(res.stdout)), ensure_ascii=False) + res.stderr
    assert missing_note(lang) in shown, f"{name} {fmt} lacks the reading note"
    assert_one_language(shown, lang, f"mognad {name} --format {fmt}")
    assert_numbers_in_language(shown, lang, f"mognad {name} --format {fmt}")
    if fmt == "json":
        data = json.loads(res.stdout)
        n = data.get("n_respondents", data.get("n"))
        if n is not None:
            assert n == selected.n, name
        notes = data.get("notes") or []
        assert missing_note(lang) in notes, f"{name}: the JSON notes lack the reading note"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_dmm_plugin_writes_numbers_in_the_language(run_cli, lang):
    # the DMM plugin's insights and workshop tables (dimios' are walked above)
    for args in (
        ["score", DMM_SAMPLE, "-m", "dmm", "--target", DMM_TARGET],
        ["dmm", "workshop", DMM_SAMPLE, "--groups", "ledningsgrupp", "--min-size", "1"],
    ):
        res = run_cli(*[str(a) for a in args], "--lang", lang)
        assert res.exit_code == 0, res.stderr
        assert_numbers_in_language(res.stdout, lang, f"mognad {args[0]} {args[1]}")
        assert_one_language(res.stdout, lang, f"mognad {args[0]} {args[1]}")


@pytest.mark.parametrize("name", ["score", "gap", "priorities", "reliability"])
def test_the_small_group_is_refused_by_every_command(run_cli, survey, name):
    args = _args(name, survey, "json", "sv")
    args[args.index("år=2025")] = f"förvaltning={SMALL}"
    args[args.index("--where") : args.index("--where")] = ["--where", "år=2025"]
    res = run_cli(*args)
    assert res.exit_code == 2 and res.stdout == "", (name, res.stdout)
    assert "anonymitetsskäl" in res.stderr and "Traceback" not in res.stderr


def test_groups_hide_the_small_group(run_cli, survey):
    res = run_cli(*_args("groups", survey, "json", "sv"))
    data = json.loads(res.stdout)
    assert SMALL in [g["name"] for g in data["groups"] if g["suppressed"]]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_command_writes_the_same_error_in_its_language(run_cli, survey, lang):
    """A wave no respondent has: one located error, the same from every command (and the
    report), all in the command's language."""
    problem = texts.text("error.no_such_value", lang, value="1999", column="år")
    where = texts.text(
        "cli.error", lang, message="enkät.xlsx, " + texts.text("where.sheet", lang, sheet="Svar")
    )
    shown = set()
    for name in sorted(COMMANDS):
        args = _args(name, survey, "table", lang)
        args[args.index("år=2025")] = "år=1999"
        res = run_cli(*args)
        assert res.exit_code == 2 and res.stdout == "", (name, res.stderr)
        assert_one_language(res.stderr, lang, f"mognad {name}'s error")
        shown.add(res.stderr.strip())
    res = run_cli("report", survey, "--where", "år=1999", "-o", survey.parent, "--lang", lang)
    assert res.exit_code == 2
    shown.add(res.stderr.strip())
    assert len(shown) == 1, shown
    (message,) = shown
    assert message.startswith(where) and problem in message, message


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_report_same_note_selection_language(survey, selected, tmp_path, lang):
    mognad.build_report(
        survey,
        "dimios",
        tmp_path,
        where=["år=2025"],
        groups="förvaltning",
        min_size=int(MIN),
        lang=lang,
    )
    (workbook,) = tmp_path.glob("*.xlsx")
    (deck,) = tmp_path.glob("*.pptx")
    wb = load_workbook(workbook)
    cells = [str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v]
    shown = "\n".join(cells)
    assert missing_note(lang) in shown
    assert_one_language(shown, lang, "the report workbook")
    assert_numbers_in_language(shown, lang, "the report workbook")
    slides = list(Presentation(str(deck)).slides)
    words = [
        shape.text_frame.text
        for s in slides
        for shape in s.shapes
        if shape.has_text_frame and shape.text_frame.text
    ] + [s.notes_slide.notes_text_frame.text for s in slides if s.has_notes_slide]
    assert missing_note(lang) in "\n".join(words)
    assert_one_language("\n".join(words), lang, "the slide deck")
    assert_numbers_in_language("\n".join(words), lang, "the slide deck")
    assert str(selected.n) in shown  # the selection's respondents are counted
    sizes = wb[texts.text("sheet.group_sizes", lang)]
    hidden = {r[0]: r[3] for r in sizes.iter_rows(min_row=5, values_only=True) if r[0]}
    assert hidden.get(SMALL) == texts.text("reason.hidden", lang, k=int(MIN))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_python_api_same_note_selection_language(survey, selected, lang):
    results = {
        "score": mognad.score(selected, lang=lang, min_size=int(MIN)),
    }
    base = results["score"]
    results["gap"] = mognad.gap(base, "55%", lang=lang)
    results["priorities"] = mognad.priorities(base, lang=lang)
    results["reliability"] = mognad.reliability(selected, lang=lang, min_size=int(MIN))
    results["groups"] = mognad.groups(selected, "förvaltning", lang=lang, min_size=int(MIN))
    assert base.n_respondents == selected.n
    assert SMALL in results["groups"].suppressed
    for name, result in results.items():
        assert missing_note(lang) in result.notes, name
        shown = json.dumps(monolingual(result.model_dump(mode="json")), ensure_ascii=False)
        assert_one_language(shown, lang, name)
    with pytest.raises(mognad.disclosure.DisclosureError):
        mognad.score(selected.where(f"förvaltning={SMALL}"), min_size=int(MIN))


def test_excel_functions_same_selection(survey, selected, monkeypatch):
    from mognad_excel import udfs

    monkeypatch.setenv("MOGNAD_MIN_SIZE", MIN)
    frame = pd.read_excel(survey, engine="calamine")
    chosen = frame[frame["år"] == 2025]
    cells = [list(chosen.columns)] + [
        [None if pd.isna(v) else (float(v) if isinstance(v, int) else v) for v in row]
        for row in chosen.itertuples(index=False)
    ]
    assert udfs.MOGNAD_RESPONDENTS(cells, "dimios") == selected.n
    api = mognad.score(selected, min_size=int(MIN))
    assert udfs.MOGNAD_SCORE(cells, "dimios") == pytest.approx(api.overall)
    small = [cells[0]] + [
        r for r in cells[1:] if r[list(chosen.columns).index("förvaltning")] == SMALL
    ]
    refused = udfs.MOGNAD_SCORE(small, "dimios")
    assert not isinstance(refused, float)
    assert refused == "#N/A" and "anonymitet" in refused.message.lower()


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_carries_the_one_wave_note_when_waves_are_pooled(run_cli, survey, name, lang):
    """Without a selection of one wave, every path analyses both waves together and says so
    with the one wave note, among its notes (JSON, stderr, the Python API)."""
    rs = mognad.read_responses(survey, "dimios")
    note = rs.pooled_waves().note().text(lang)
    args = _args(name, survey, "json", lang)
    at = args.index("--where")
    del args[at : at + 2]
    res = run_cli(*args)
    assert res.exit_code == 0, res.stderr
    assert note in json.loads(res.stdout)["notes"], name
    table = run_cli(*[a if a != "json" else "table" for a in args])
    assert table.stderr.count(note) == 1 and note not in table.stdout, name


def test_the_python_api_carries_the_wave_note(survey):
    rs = mognad.read_responses(survey, "dimios")
    note = rs.pooled_waves().note().text("sv")
    assert note in mognad.score(survey, min_size=int(MIN)).notes
    assert note in mognad.reliability(rs, min_size=int(MIN)).notes
    assert note in mognad.groups(rs, "förvaltning", min_size=int(MIN)).notes
    assert note not in mognad.groups(rs, "år", min_size=int(MIN)).notes  # each wave a group
    assert note not in mognad.score(rs.where("år=2025"), min_size=int(MIN)).notes


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_report_of_a_dataframe_names_its_source_in_its_language(survey, tmp_path, lang):
    frame = mognad.read_responses(survey, "dimios").where("år=2025").to_frame()
    mognad.build_report(frame, "dimios", tmp_path / "r.xlsx", lang=lang)
    cells = [
        str(v)
        for ws in load_workbook(tmp_path / "r.xlsx")
        for row in ws.iter_rows(values_only=True)
        for v in row
        if v
    ]
    assert_one_language("\n".join(cells), lang, "a report of a DataFrame")
    word = texts.text("cli.responses", lang)
    assert any(c.startswith(f"{word}: ") for c in cells)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_compare_demo_and_report_commands_same_note_and_language(run_cli, survey, tmp_path, lang):
    """The commands that choose waves themselves: compare (latest against the one before),
    report (the same waves, files written) and demo (the bundled sample)."""
    args = ["--lang", lang, "--min-size", MIN]
    res = run_cli("compare", survey, "--column", "år", "--format", "json", *args)
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert (data["before_label"], data["after_label"]) == ("2024", "2025")
    assert missing_note(lang) in data["notes"]
    assert_one_language(json.dumps(monolingual(data), ensure_ascii=False), lang, "compare json")
    text = run_cli("compare", survey, "--column", "år", *args)
    assert missing_note(lang) in text.stderr
    assert_one_language(text.stdout + text.stderr, lang, "compare")
    out = tmp_path / lang
    rep = run_cli("report", survey, "--groups", "förvaltning", "-o", out, *args)
    assert rep.exit_code == 0, rep.stderr
    assert missing_note(lang) in rep.stderr
    assert_one_language(rep.stdout + rep.stderr, lang, "report")
    assert len(list(out.iterdir())) == 2
    demo = run_cli("demo", "--lang", lang)
    assert demo.exit_code == 0, demo.stderr
    assert_one_language(demo.stdout + demo.stderr, lang, "demo")
