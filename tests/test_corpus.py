"""The bad-input corpus (tests/corpus/): every malformed, mislabelled or hostile file gives its
expected located message (exit 2) or is accepted with its notes (exit 0); never a traceback,
never a written or changed file. See tests/corpus/expected.yaml."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
import yaml
from conftest import CORPUS, TINY

import mognad_core as mognad
from mognad_core.readers.excel import ExcelReader

HAND = CORPUS / "hand"
CASES = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))["cases"]


def _load_maker():
    spec = importlib.util.spec_from_file_location("make_corpus", CORPUS / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> tuple[Path, list[str]]:
    out = tmp_path_factory.mktemp("corpus")
    return out, _load_maker().build(out)


def _path(case: dict, folder: Path) -> Path | None:
    name = case.get("file")
    if name is None:
        return None
    return CORPUS / name if name.startswith("hand/") else folder / name


def _snapshot(*folders: Path) -> dict[str, str]:
    seen: dict[str, str] = {}
    for folder in folders:
        for p in sorted(folder.rglob("*")):
            key = f"{folder}/{p.relative_to(folder)}"
            seen[key] = "dir" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
    return seen


def _install_plugin(source: Path, tmp_path: Path, monkeypatch) -> None:
    """A real entry-point install: the module plus a .dist-info folder on sys.path."""
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(source, site / source.name)
    info = site / "corpus_broken-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: corpus-broken\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[mognad]\ncorpus_broken = {source.stem}\n")
    monkeypatch.syspath_prepend(str(site))
    mognad.reset_plugins()


def _dig(data, dotted: str):
    for key in dotted.split("."):
        data = data[key]
    return data


def test_the_corpus_has_at_least_forty_cases_and_every_file_one_expectation(corpus):
    folder, made = corpus
    assert len(CASES) >= 40
    listed = [c["file"] for c in CASES if c.get("file")]
    assert len(listed) == len(set(listed)), "a file is listed twice"
    hand = {f"hand/{p.name}" for p in HAND.iterdir() if p.name != "README.md"}
    assert set(listed) == (set(made) - {"svar.xlsx"}) | hand
    assert sorted(p.name for p in folder.iterdir()) == sorted(made)


def test_the_corpus_is_built_the_same_way_every_time(corpus, tmp_path):
    folder, made = corpus
    again = _load_maker().build(tmp_path / "again")
    assert again == made
    small = [n for n in made if (folder / n).is_file() and (folder / n).stat().st_size < 10**6]
    assert len(small) > 35
    for name in small:
        assert (folder / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name


@pytest.mark.parametrize(
    "case", CASES, ids=[c.get("file") or c["about"].replace(" ", "_") for c in CASES]
)
def test_corpus_case(case, corpus, tmp_path, monkeypatch, run_cli):
    folder, _ = corpus
    path = _path(case, folder)
    monkeypatch.chdir(folder)  # a file written to the working folder would show up here
    if path is not None and path.parent == folder:
        path = Path(path.name)  # as a user types it (click quotes the path as given)
    for key, value in (case.get("env") or {}).items():
        monkeypatch.setenv(key, value)
    if case.get("plugin"):
        _install_plugin(path, tmp_path, monkeypatch)
    # the corpus checks reading, on files of a few rows: the data holder's opt-out (anonymity is
    # tested in test_disclosure.py and test_anonymity_attacks.py)
    args = case.get("run") or ["score", "{file}", "--model", "{tiny}", "--min-size", "1"]
    args = [
        a.format(file=path, tiny=TINY, good=folder / "svar.xlsx") if isinstance(a, str) else a
        for a in args
    ]
    if case["exit"] == 0:  # the corpus checks input handling and arithmetic on 4 respondents
        args += ["--format", "json", "--min-size", "1", "--lang", "en"]  # the notes in English
    else:
        args += ["--lang", "en"]  # the messages in English
    before = _snapshot(folder, HAND)

    result = _in_own_process(args) if case.get("subprocess") else run_cli(*args)

    assert "Traceback" not in result.stderr + result.stdout
    assert result.exit_code == case["exit"], result.stderr
    if case["exit"] == 2:
        assert result.stdout == ""
        assert result.stderr.strip().splitlines()[-1] == f"Error: {case['message']}"
    else:
        data = json.loads(result.stdout)
        lines = result.stderr.splitlines()
        for note in case.get("notes") or []:
            assert any(line.startswith(f"Note: {note}") for line in lines), (note, lines)
        for warning in case.get("warnings") or []:
            assert warning in lines, lines
        for key, want in (case.get("json") or {}).items():
            got = _dig(data, key)
            if want is None or got is None:
                assert got is want, key
            else:
                assert math.isclose(got, want, abs_tol=1e-6), (key, got, want)
    assert _snapshot(folder, HAND) == before, "a file was written or changed"


def _in_own_process(args: list) -> SimpleNamespace:
    """``mognad ARGS`` as its own process: a reader that aborts (calamine's "memory
    allocation failed") fails this case instead of taking pytest down."""
    mognad_cli = Path(sys.executable).with_name("mognad")
    done = subprocess.run(
        [str(mognad_cli), *map(str, args)], capture_output=True, text=True, timeout=600
    )
    return SimpleNamespace(exit_code=done.returncode, stdout=done.stdout, stderr=done.stderr)


EXCEL_CASES = [c for c in CASES if "excel" in c]


@pytest.mark.parametrize("case", EXCEL_CASES, ids=[c["file"] for c in EXCEL_CASES])
def test_corpus_case_in_excel(case, corpus, monkeypatch):
    """The same cells as Excel would pass them to =MOGNAD_SCORE(range, model)."""
    udfs = pytest.importorskip("mognad_excel.udfs")
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "1")  # the data holder's opt-out: 4 respondents
    monkeypatch.setenv("MOGNAD_LANG", "en")  # the expected messages are the English ones
    udfs.clear_cache()
    folder, _ = corpus
    ws = openpyxl.load_workbook(_path(case, folder), data_only=True).worksheets[0]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    shown = udfs.MOGNAD_SCORE(rows, str(TINY))
    if isinstance(case["excel"], str):  # an Excel error value, with the message
        no_result = "no respondent rows" in case["excel"]  # #N/A: nothing to give
        # a workbook has no answers file: its cells leave that advice out
        expected = case["excel"].replace(ANSWERS_FILE_ADVICE, "")
        assert shown == ("#N/A" if no_result else "#VALUE!") and shown.message == expected
    else:
        assert math.isclose(shown, case["excel"], abs_tol=1e-9)


ANSWERS_FILE_ADVICE = "; other wordings can be given a number with an answers file (--answers FILE)"

HOSTILE = [
    "zip_bomb_size.xlsx",
    "zip_bomb_ratio.xlsx",
    "zip_directory_lies.xlsx",
    "billion_laughs_sheet.xlsx",
    "billion_laughs_shared_strings.xlsx",
    "external_entity.xlsx",
    "rows_1048576.xlsx",
    "rows_1048576_no_dimension.xlsx",
    *(c["file"] for c in CASES if (c.get("file") or "").startswith("far_")),
    "truncated.xlsx",
    "word_document_renamed.xlsx",
    "hand/legacy_xls_renamed.xlsx",
    "hand/ods_renamed.xlsx",
    "hand/password_protected.xlsx",
]
MESSAGES = {c["file"]: c["message"] for c in CASES if c.get("file") in HOSTILE}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_files_are_refused_before_any_sheet_is_read(name, corpus, monkeypatch):
    """The limits fire before calamine or openpyxl reads a cell: make every read fail loudly."""
    import python_calamine
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    def no_reading(*args, **kwargs):
        raise AssertionError("a worksheet was read")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "get_sheet_by_name", no_reading)
    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", no_reading)
    folder, _ = corpus
    path = _path({"file": name}, folder)
    for engine in ("calamine", "openpyxl"):
        with pytest.raises(mognad.InputError) as err:
            ExcelReader(engine).read(path)
        assert str(err.value) == MESSAGES[name]


def test_plugin_source_really_fails_on_import():
    """The hand-made plugin must fail at import for the reason the corpus says."""
    source = (HAND / "mognad_corpus_broken_plugin.py").read_text(encoding="utf-8")
    with pytest.raises(ModuleNotFoundError, match="mognad_corpus_missing_dependency"):
        exec(compile(textwrap.dedent(source), "plugin", "exec"), {})
