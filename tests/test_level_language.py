"""Level names follow the language, through one function (issue 17).

A model's levels have ``name`` (Swedish, the level's id) and ``name_en``. Every output that shows
a level puts it into words through ``mognad_core.schema.level_label`` (directly, or through
``Level.label``, ``ScoreResult.level_label``, ``DimensionScore.level_label`` or the DMM plugin's
helpers, which all call it). The tests here run each output path for real on the DMM sample
(its levels: Mobilisering/Mobilisation, Koordination/Coordination, Acceleration):

* in English every path shows the English names and no Swedish one; in Swedish the reverse;
* with ``schema.level_label`` replaced by one that marks its answer, every level name in every
  path's output is marked: no path words a level by itself (a path that does fails here, named);
* results and ``--format json`` keep both names as data: ``level`` (Swedish) and ``level_en``.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest
from conftest import DMM_SAMPLE, as_excel
from mognad_excel import udfs

import mognad_core as mognad
from mognad_core import schema

SWEDISH_ONLY = ("Mobilisering", "Koordination")
ENGLISH_ONLY = ("Mobilisation", "Coordination")
ANY_NAME = re.compile(r"\b(Mobilisering|Koordination|Mobilisation|Coordination|Acceleration)\b")
MARK = re.compile(r"⟦[^⟧]*⟧")


def _cli(run, *args: str) -> str:
    result = run(*[str(a) for a in args])
    assert result.exit_code == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def _json(run, *args: str) -> dict:
    result = run(*[str(a) for a in args], "--format", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def _xml_text(path: Path) -> str:
    """Every text in an .xlsx or .pptx: cells, shared strings, slides, charts' titles and
    categories (all XML parts of the package)."""
    with zipfile.ZipFile(path) as z:
        parts = [z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")]
    return unescape(re.sub(r"<[^>]+>", " ", "\n".join(parts)))


def _sample_rows() -> list[list[object]]:
    import openpyxl

    wb = openpyxl.load_workbook(DMM_SAMPLE, read_only=True)
    try:
        return as_excel(wb.worksheets[0].iter_rows(values_only=True))
    finally:
        wb.close()


# ---- the output paths: each takes (run_cli, lang, tmp_path, monkeypatch) and returns its text --
def cli_score(run, lang, tmp, mp):
    return _cli(run, "score", DMM_SAMPLE, "--model", "dmm", "--lang", lang)


def cli_score_insights_json(run, lang, tmp, mp):
    """The plugin's insights in the JSON: their title, text and rows are words in the command's
    language; their ``data`` keeps ``level`` and ``level_en`` as data, like the result."""
    data = _json(run, "score", DMM_SAMPLE, "--model", "dmm", "--lang", lang)
    words = [{k: i[k] for k in ("title", "text", "rows")} for i in data["insights"]]
    return json.dumps(words, ensure_ascii=False)


def cli_gap_to_level(run, lang, tmp, mp):
    return _cli(
        run, "gap", DMM_SAMPLE, "--model", "dmm", "--target", "Koordination", "--lang", lang
    )


def cli_priorities(run, lang, tmp, mp):
    return _cli(run, "priorities", DMM_SAMPLE, "--model", "dmm", "--lang", lang)


def cli_models_show(run, lang, tmp, mp):
    return _cli(run, "models", "show", "dmm", "--lang", lang)


def cli_dmm_workshop(run, lang, tmp, mp):
    return _cli(run, "dmm", "workshop", DMM_SAMPLE, "--groups", "ledningsgrupp", "--lang", lang)


def _report(run, lang, tmp) -> tuple[Path, Path]:
    out = tmp / f"report_{lang}"
    _cli(run, "report", DMM_SAMPLE, "--model", "dmm", "--groups", "ledningsgrupp", "-o", out,
         "--lang", lang)  # fmt: skip
    return next(out.glob("*.xlsx")), next(out.glob("*.pptx"))


def report_workbook(run, lang, tmp, mp):
    """The workbook: summary sentences and key figures, tables, the plugin's insights, charts."""
    return _xml_text(_report(run, lang, tmp)[0])


def report_deck(run, lang, tmp, mp):
    """The deck: summary, next steps, charts (level rings), the plugin's slides."""
    return _xml_text(_report(run, lang, tmp)[1])


def excel_functions(run, lang, tmp, mp):
    """MOGNAD_LEVEL (of a score, of responses, of a part) and MOGNAD_DIMENSIONS' level column."""
    mp.setenv("MOGNAD_LANG", lang)
    udfs.clear_cache()
    rows = _sample_rows()
    cells = [
        udfs.MOGNAD_LEVEL(0.6, "dmm"),
        udfs.MOGNAD_LEVEL(0.1, "dmm"),
        udfs.MOGNAD_LEVEL(rows, "dmm"),
        udfs.MOGNAD_LEVEL(rows, "dmm", "infrastruktur"),
    ]
    table = udfs.MOGNAD_DIMENSIONS(rows, "dmm")
    udfs.clear_cache()
    return "\n".join(map(str, cells)) + "\n" + "\n".join(" | ".join(map(str, r)) for r in table)


def python_results(run, lang, tmp, mp):
    """The Python API: ScoreResult.level_label, DimensionScore.level_label, Level.label."""
    result = mognad.score(DMM_SAMPLE, model="dmm")
    model = mognad.get_model("dmm")
    lines = [result.level_label(lang)]
    lines += [d.level_label(lang) or "" for d in result.dimensions.values()]
    lines += [lv.label(lang) for lv in model.levels]
    return "\n".join(lines)


PATHS: list[Callable] = [
    cli_score,
    cli_score_insights_json,
    cli_gap_to_level,
    cli_priorities,
    cli_models_show,
    cli_dmm_workshop,
    report_workbook,
    report_deck,
    excel_functions,
    python_results,
]


@pytest.fixture(autouse=True)
def _in_tmp(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no mognad.toml of the project changes the language
    monkeypatch.delenv("MOGNAD_LANG", raising=False)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.__name__)
def test_english_output_names_levels_in_english(path, run_cli, tmp_path, monkeypatch):
    out = path(run_cli, "en", tmp_path, monkeypatch)
    assert any(name in out for name in ENGLISH_ONLY), out[:2000]
    found = [name for name in SWEDISH_ONLY if re.search(rf"\b{name}\b", out)]
    assert not found, f"{path.__name__} shows Swedish level names in English: {found}"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.__name__)
def test_swedish_output_names_levels_in_swedish(path, run_cli, tmp_path, monkeypatch):
    out = path(run_cli, "sv", tmp_path, monkeypatch)
    assert any(name in out for name in SWEDISH_ONLY), out[:2000]
    found = [name for name in ENGLISH_ONLY if re.search(rf"\b{name}\b", out)]
    assert not found, f"{path.__name__} shows English level names in Swedish: {found}"


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.__name__)
def test_every_level_name_comes_from_level_label(path, lang, run_cli, tmp_path, monkeypatch):
    """With schema.level_label marking its answers ⟦…⟧, no level name is left unmarked: each
    output path words its levels through the one function."""
    real = schema.level_label
    calls = []

    def marked(name, name_en, lang="sv"):
        calls.append(name)
        label = real(name, name_en, lang)
        return None if label is None else f"⟦{label}⟧"

    monkeypatch.setattr(schema, "level_label", marked)
    out = path(run_cli, lang, tmp_path, monkeypatch)
    assert calls, f"{path.__name__} never called schema.level_label"
    assert MARK.search(out), out[:2000]
    bare = sorted({m.group(0) for m in ANY_NAME.finditer(MARK.sub("", out))})
    assert not bare, (
        f"{path.__name__} ({lang}) shows level names not made by schema.level_label: {bare}; "
        "word a level with Level.label(lang), result.level_label(lang) or schema.level_label"
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_json_keeps_both_names_as_data(lang, run_cli):
    """--format json (and the result objects) keep ``level`` (the Swedish name, the level's id)
    and ``level_en`` in both languages, as before: the names are data, not words."""
    data = _json(run_cli, "score", DMM_SAMPLE, "--model", "dmm", "--lang", lang)
    assert (data["level"], data["level_en"]) == ("Mobilisering", "Mobilisation")
    infra = data["dimensions"]["infrastruktur"]
    assert (infra["level"], infra["level_en"]) == ("Koordination", "Coordination")


def test_level_label_falls_back_to_the_swedish_name():
    assert schema.level_label("Nivå ett", None, "en") == "Nivå ett"
    assert schema.level_label("Nivå ett", "Level one", "en") == "Level one"
    assert schema.level_label("Nivå ett", "Level one", "sv") == "Nivå ett"
    assert schema.level_label(None, "Level one", "en") is None
    tiny = mognad.model_from_dict(
        {
            "name": "tiny_levels",
            "title": "T",
            "dimensions": [{"id": "A", "label": "A", "statements": [{"id": "a1", "text": "x"}]}],
            "levels": [{"name": "Låg", "lower_bound": 0}, {"name": "Hög", "name_en": "High",
                                                          "lower_bound": 0.5}],
        }
    )  # fmt: skip
    assert [lv.label("en") for lv in tiny.levels] == ["Låg", "High"]
