"""docs/excel.md is real.

* Its walk-through runs as shown, through the installed ``mognad`` command: sample, template,
  filled template, ``mognad excel recalc``; the recalculated workbook shows the numbers of
  ``mognad score --format json`` (the issue's "done when"), and every printed output is compared.
* Every MOGNAD_* function is documented with its real arguments, and every example formula,
  example table and cell message is computed on the filled template and compared.
* The anonymity section: its examples and messages are computed like the others (under the
  default policy), no function takes a ``min_size`` argument, and under the opt-out the notice
  the page quotes shows where the page says (the first findings cell, the recalc notes).
* ``mognad excel install`` prints what the page shows.
* The xlwings Lite route: the ``main.py`` line registers every function in an interpreter that has
  neither python-calamine nor pycel nor classic xlwings, the project's requirements in Pyodide are
  pure Python or built by Pyodide, and the wheel the page names is the wheel the build makes.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
import tomllib
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import DIMIOS_SAMPLE, ROOT
from mognad_excel import udfs
from mognad_excel.recalc import recalc
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import mognad_core as mognad
from mognad_core import disclosure

DOC_PATH = ROOT / "docs" / "excel.md"
DOC = DOC_PATH.read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SPACING = 40  # rows between example formulas on the scratch sheet (the longest table has 25)


@pytest.fixture(scope="module", autouse=True)
def _default_policy():
    """The page shows the default anonymity policy (min_size 5): no setting from outside."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("MOGNAD_MIN_SIZE", raising=False)
        mp.delenv("MOGNAD_CONFIG", raising=False)
        yield


# ---- reading the page --------------------------------------------------------------------
def section(title: str) -> str:
    """The text of the ``## title...`` section."""
    start = DOC.index(f"\n## {title}")
    end = DOC.find("\n## ", start + 1)
    return DOC[start : end if end != -1 else None]


def console_blocks(text: str) -> list[tuple[str, str]]:
    return re.findall(r"```console\n\$ ([^\n]*)\n(.*?)```", text, flags=re.S)


def fenced(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


def marked_block(marker: str) -> str:
    """The fenced block right after ``<!-- marker -->``."""
    found = re.search(rf"<!-- {re.escape(marker)} -->\n```\w*\n(.*?)```", DOC, flags=re.S)
    assert found, f"docs/excel.md has no block marked {marker!r}"
    return found.group(1)


def lines(text: str) -> list[str]:
    """Lines without trailing spaces; the recalculation time is not compared."""
    text = re.sub(r" (in|på) \d+[.,]\d+ s\.$", r" \1 N s.", text.rstrip(), flags=re.M)
    return [line.rstrip() for line in text.splitlines()]


def assert_output(shown: str, printed: str) -> None:
    """The page's output equals what was printed; a last line ``...`` shortens it."""
    want, got = lines(shown), lines(printed)
    if want and want[-1] == "...":
        want = want[:-1]
        got = got[: len(want)]
    assert got == want


def table_rows(text: str) -> list[list[str]]:
    """Cells of the markdown table starting at the beginning of ``text``."""
    rows = []
    for line in text.splitlines():
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if all(set(c) <= {"-", ":"} for c in cells):
            continue
        rows.append(cells)
    return rows


def code(cell: str) -> str:
    assert cell.startswith("`") and cell.endswith("`"), cell
    return cell[1:-1]


SWEDISH_NAMES = {
    "IF": "OM",
    "IFERROR": "OMFEL",
    "IFNA": "OMSAKNAS",
    "ISERROR": "ÄRFEL",
    "ISNA": "ÄRSAKNAD",
    "ISNUMBER": "ÄRTAL",
    "AVERAGE": "MEDEL",
    "COUNTA": "ANTALV",
    "ROUND": "AVRUNDA",
    "TRUE": "SANT",
    "FALSE": "FALSKT",
}


def swedish(formula: str) -> str:
    """A formula as Swedish Excel shows it: ``;`` between arguments, a decimal comma, the Swedish
    names of Excel's own functions and of TRUE/FALSE; text in quotes and MOGNAD_* unchanged."""
    out, i = [], 0
    while i < len(formula):
        ch = formula[i]
        if ch == '"':
            j = formula.index('"', i + 1)
            while j + 1 < len(formula) and formula[j + 1] == '"':
                j = formula.index('"', j + 2)
            out.append(formula[i : j + 1])
            i = j + 1
            continue
        word = re.match(r"[A-Za-z_][A-Za-z0-9_.]*", formula[i:])
        number = re.match(r"\d+\.\d+", formula[i:])
        if word:
            out.append(SWEDISH_NAMES.get(word.group(0).upper(), word.group(0)))
            i += len(word.group(0))
        elif number:
            out.append(number.group(0).replace(".", ","))
            i += len(number.group(0))
        else:
            out.append(";" if ch == "," else ch)
            i += 1
    return "".join(out)


def test_swedish_excel_syntax_is_translated_as_swedish_excel_shows_it():
    assert swedish('=IF(B4>0.5,"bra","svag")') == '=OM(B4>0,5;"bra";"svag")'
    assert swedish('=MOGNAD_LEVEL("62,5 %","dmm")') == '=MOGNAD_LEVEL("62,5 %";"dmm")'
    assert swedish("=MOGNAD_GAP(svar,,0.6)") == "=MOGNAD_GAP(svar;;0,6)"
    assert swedish('=MOGNAD_HEADERS("dmm",TRUE)') == '=MOGNAD_HEADERS("dmm";SANT)'
    assert swedish("=ISNUMBER(MOGNAD_SCORE(Svar!A1:AB4))") == "=ÄRTAL(MOGNAD_SCORE(Svar!A1:AB4))"


def test_every_example_is_shown_in_swedish_excel_too():
    """Every table of formulas has a Swedish Excel column, and it is the English one translated;
    every spilled table names its formula in both."""
    tables = [m.start() for m in re.finditer(r"^\| (formula|when) \|", DOC, flags=re.M)]
    assert len(tables) >= 12
    for start in tables:
        head, *rows = table_rows(DOC[start:])
        assert "Swedish Excel" in head, head
        at = head.index("Swedish Excel")
        for row in rows:
            assert code(row[at]) == swedish(code(row[at - 1])), row
    for formula, _ in spill_examples():
        assert f"`{swedish(formula)}` (`{formula}`) gives:" in DOC, formula


def formula_examples() -> list[tuple[str, str]]:
    """(formula, result) of every ``| formula | Swedish Excel | result |`` table of the
    reference and of the anonymity section."""
    out = []
    for ref in (section("Function reference"), section("Anonymity")):
        head = r"^\| formula \| Swedish Excel \| result \|$"
        starts = [m.start() for m in re.finditer(head, ref, flags=re.M)]
        for start in starts:
            for formula, _swedish, result in table_rows(ref[start:])[1:]:
                out.append((code(formula), result))
    return out


def spill_examples() -> list[tuple[str, list[list[str]]]]:
    """(formula, table as shown) of every ``<!-- spill: FORMULA -->`` table."""
    found = re.finditer(r"<!-- spill: (=[^\n]*) -->\n", DOC)
    return [(m.group(1), table_rows(DOC[m.end() :])) for m in found]


def message_examples() -> list[tuple[tuple[str, str, object] | None, str, str, str]]:
    """(setup, formula, error value, message) of the messages table; setup is (sheet, cell,
    value)."""
    text = section("When a function fails")
    start = text.index("| when | formula | Swedish Excel | cell shows | message |")
    out = []
    for when, formula, _swedish, shows, message in table_rows(text[start:])[1:]:
        setup = None
        m = re.fullmatch(r"`(\w+)!([A-Z]+\d+)` holds `([^`]*)`", when)
        if m:
            setup = (m.group(1), m.group(2), _typed(m.group(3)))
        out.append((setup, code(formula), code(shows), code(message)))
    return out


def _typed(text: str) -> object:
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


def documented_functions() -> dict[str, str]:
    """Function name -> the argument list of its ``### NAME(args)`` heading."""
    ref = section("Function reference")
    return dict(re.findall(r"^### (MOGNAD_\w+)\((.*)\)$", ref, flags=re.M))


# ---- running things as a user does -------------------------------------------------------
def mognad_command() -> list[str]:
    exe = Path(sys.executable).with_name("mognad")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "mognad_core"]


def user_env() -> dict[str, str]:
    env = dict(os.environ)
    for name in (
        "MOGNAD_BLOCK_PLUGINS",
        "MOGNAD_ALLOW_PLUGINS",
        "MOGNAD_MIN_SIZE",
        "MOGNAD_LANG",
        "MOGNAD_CONFIG",
        "XLWINGS_ON_SERVER",
    ):
        env.pop(name, None)
    return env


def run_mognad(command: str, cwd: Path) -> subprocess.CompletedProcess:
    """``mognad ...`` as typed on the page, with the installed command."""
    args = shlex.split(command)
    assert args[0] == "mognad", command
    done = subprocess.run(
        [*mognad_command(), *args[1:]],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=user_env(),
        timeout=600,
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr
    return done


def run_python(source: str, cwd: Path) -> str:
    out = io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out):
        exec(compile(source, str(DOC_PATH), "exec"), {"__name__": "__docs__"})
    return out.getvalue()


@pytest.fixture(scope="module")
def walkthrough(tmp_path_factory) -> dict:
    """The page's steps, in order: the template section, then the recalc section."""
    folder = tmp_path_factory.mktemp("excel-docs")
    printed: dict[str, str] = {}
    python_out: list[tuple[str, str]] = []
    for title in ("The ready workbook", "`mognad excel recalc`"):
        text = section(title)
        steps = sorted(
            [(m.start(), "bash", m.group(1)) for m in re.finditer(r"```bash\n(.*?)```", text, re.S)]
            + [
                (m.start(), "console", m.group(1))
                for m in re.finditer(r"```console\n\$ ([^\n]*)\n", text)
            ]
            + [
                (m.start(), "python", m.group(1))
                for m in re.finditer(r"```python\n(.*?)```", text, re.S)
            ]
        )
        for _pos, kind, body in steps:
            if kind == "python":
                python_out.append((body, run_python(body, folder)))
                continue
            for command in body.strip().splitlines():
                printed[command] = run_mognad(command, folder).stdout
    return {"folder": folder, "printed": printed, "python": python_out}


# ---- the walk-through and the "done when" ----------------------------------------
def test_walkthrough_prints_what_the_page_shows(walkthrough):
    shown = console_blocks(section("The ready workbook")) + console_blocks(
        section("`mognad excel recalc`")
    )
    assert [cmd for cmd, _ in shown] == [
        "mognad excel template dimios -o mall.xlsx",
        "mognad excel recalc ifylld.xlsx -o resultat.xlsx",
        "mognad score dimios_sample.xlsx",
    ]
    for command, output in shown:
        assert_output(output, walkthrough["printed"][command])
    for source, out in walkthrough["python"]:
        for expected in re.findall(r"^print\(.*\)  # (.*)$", source, flags=re.M):
            assert out.strip() == expected


def test_recalculated_template_shows_the_numbers_of_mognad_score(walkthrough):
    """Done when: template -> filled with the sample -> recalc equals `mognad score`."""
    folder = walkthrough["folder"]
    expected = json.loads(
        run_mognad("mognad score dimios_sample.xlsx --format json", folder).stdout
    )
    res = openpyxl.load_workbook(folder / "resultat.xlsx", data_only=True)["Resultat"]
    assert res["B3"].value == expected["n_respondents"] == 480
    assert res["B4"].value == pytest.approx(expected["overall"], abs=1e-12)
    assert res["C4"].value == pytest.approx(expected["overall"] * 100, abs=1e-9)
    dims = expected["dimensions"]
    got = {res.cell(r, 1).value: r for r in range(11, 11 + len(dims))}
    assert list(got) == list(dims)
    for dim_id, r in got.items():
        assert res.cell(r, 4).value == pytest.approx(dims[dim_id]["score"], abs=1e-12)
        assert res.cell(r, 5).value == dims[dim_id]["n"]
        assert res.cell(r, 6).value == pytest.approx(dims[dim_id]["dont_know_share"], abs=1e-12)
    stmts = expected["statements"]
    got = {res.cell(r, 1).value: r for r in range(34, 34 + len(stmts))}
    assert list(got) == list(stmts)
    for sid, r in got.items():
        assert res.cell(r, 4).value == pytest.approx(stmts[sid]["score"], abs=1e-12)
        assert res.cell(r, 5).value == pytest.approx(stmts[sid]["mean"], abs=1e-12)
        assert res.cell(r, 6).value == stmts[sid]["n"]
        assert res.cell(r, 7).value == pytest.approx(stmts[sid]["dont_know_share"], abs=1e-12)
    texts = [c.value for row in res.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [t for t in texts if t.startswith(("MOGNAD:", "#"))]
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".")]  # no temp files


# ---- the function reference ----------------------------------------------------------------
def test_every_function_is_documented_with_its_arguments():
    documented = documented_functions()
    missing = sorted(set(udfs.__all__) - set(documented))
    assert not missing, f"MOGNAD_* functions missing from docs/excel.md: {missing}"
    assert not sorted(set(documented) - set(udfs.__all__)), "documented but not defined"
    for name, shown in documented.items():
        params = inspect.signature(udfs.FUNCTIONS[name]).parameters.values()
        real = [p.name if p.default is inspect.Parameter.empty else f"[{p.name}]" for p in params]
        assert shown == ", ".join(real), name


def test_every_function_has_an_example():
    formulas = [f for f, _ in formula_examples()] + [f for f, _ in spill_examples()]
    for name in udfs.__all__:
        assert any(f.startswith(f"={name}(") for f in formulas), name


def example_book(walkthrough, folder: Path) -> Path:
    """The filled template plus the two waves on sheets Svar2024 and Svar2025 (as the page says)."""
    src = openpyxl.load_workbook(walkthrough["folder"] / "dimios_sample.xlsx")["Svar"]
    rows = [list(r) for r in src.iter_rows(values_only=True)]
    year = rows[0].index("år")
    wb = openpyxl.load_workbook(walkthrough["folder"] / "ifylld.xlsx")
    for wave in (2024, 2025):
        ws = wb.create_sheet(f"Svar{wave}")
        for row in [rows[0], *[r for r in rows[1:] if r[year] == wave]]:
            ws.append(row)
    path = folder / "exempel.xlsx"
    wb.save(path)
    return path


def evaluate(book: Path, formulas: list[str], setup=None) -> list:
    """Each formula's value (a table as rows) on a scratch sheet of a copy of ``book``."""
    wb = openpyxl.load_workbook(book)
    if setup is not None:
        sheet, cell, value = setup
        wb[sheet][cell] = value
    ws = wb.create_sheet("Prov")
    for i, formula in enumerate(formulas):
        ws.cell(1 + SPACING * i, 1, formula)
    case = book.with_name(f"prov-{abs(hash((tuple(formulas), setup)))}.xlsx")
    wb.save(case)
    report = recalc(case, case.with_name("ut-" + case.name))
    by_cell = {c.cell: c for c in report.cells}
    assert not report.failed, report.failed
    return [by_cell[f"Prov!A{1 + SPACING * i}"].value for i in range(len(formulas))]


def shown_equals(shown: str, value: object) -> bool:
    """A value as the page shows it: rounded numbers, text, TRUE/FALSE, an empty cell."""
    if isinstance(value, bool):
        return shown == ("TRUE" if value else "FALSE")
    if value is None or value == "":
        return shown == ""
    try:
        number = float(shown)
    except ValueError:
        return shown == str(value)
    if not isinstance(value, (int, float)):
        return False
    decimals = len(shown.split(".")[1]) if "." in shown else 0
    return abs(value - number) <= 0.5 * 10**-decimals + 1e-12


@pytest.fixture(scope="module")
def examples(walkthrough, tmp_path_factory) -> dict[str, object]:
    book = example_book(walkthrough, tmp_path_factory.mktemp("excel-examples"))
    formulas = [f for f, _ in formula_examples()] + [f for f, _ in spill_examples()]
    return {"book": book, "values": dict(zip(formulas, evaluate(book, formulas), strict=True))}


def test_example_results_are_computed(examples):
    for formula, result in formula_examples():
        value = examples["values"][formula]
        table = re.fullmatch(r"(\d+) × (\d+) table", result)
        if table:
            assert isinstance(value, list), (formula, value)
            shape = (len(value), max(len(r) for r in value))
            assert shape == (int(table.group(1)), int(table.group(2))), formula
        else:
            assert shown_equals(code(result), value), (formula, result, value)


def test_example_tables_are_computed(examples):
    for formula, shown in spill_examples():
        value = examples["values"][formula]
        assert isinstance(value, list), (formula, value)
        assert len(shown) == len(value), formula
        for row_shown, row in zip(shown, value, strict=True):
            assert len(row_shown) == len(row), (formula, row)
            for cell, got in zip(row_shown, row, strict=True):
                assert shown_equals(cell, got), (formula, cell, got)


def test_cell_errors_and_messages_are_real(examples):
    cases = message_examples()
    assert len(cases) >= 8
    setups: dict = {}
    for setup, formula, shows, message in cases:
        assert message.startswith("MOGNAD: ") and shows in ("#VALUE!", "#N/A", "#NUM!")
        setups.setdefault(setup, []).append((formula, shows, message))
    for setup, cases_here in setups.items():
        values = evaluate(examples["book"], [f for f, _, _ in cases_here], setup)
        for (formula, shows, message), value in zip(cases_here, values, strict=True):
            assert value == shows, (setup, formula, value)  # an Excel error value
            # offline recalculation also names the sheet, as the page says
            offline = message.replace("MOGNAD: rad", 'MOGNAD: blad "Svar", rad', 1)
            assert value.message == offline, (setup, formula)


# ---- anonymity ----------------------------------------------------------------------------
def test_no_function_takes_a_min_size_argument_as_the_page_says():
    text = section("Anonymity")
    assert "**No `min_size` argument.**" in text
    for name, fn in udfs.FUNCTIONS.items():
        assert not {"min_size", "k"} & set(inspect.signature(fn).parameters), name
    assert section("Anonymity").count("`MOGNAD_MIN_SIZE`") >= 1
    assert "`MOGNAD_MIN_SIZE=1`" in text


def test_opt_out_notice_shows_where_the_page_says(walkthrough, tmp_path):
    text = section("Anonymity")
    quoted = re.search(r"with the notice\n`([^`]*)`", text)
    assert quoted, "the page quotes the notice"
    notice = quoted.group(1)
    assert [notice] == disclosure.notes_for(disclosure.policy(1))  # the real text
    cell = re.search(r"\(`Resultat!(A\d+)` for\s+DiMiOS\)", text).group(1)
    (command,) = re.findall(r"`(mognad excel recalc [^`]*--min-size 1)`", text)
    shutil.copy2(walkthrough["folder"] / "ifylld.xlsx", tmp_path / "ifylld.xlsx")
    printed = run_mognad(command, tmp_path).stdout
    assert f"Obs: {notice}" in printed
    res = openpyxl.load_workbook(tmp_path / "resultat.xlsx")["Resultat"]
    assert res[cell].value == notice
    assert res["B4"].value == pytest.approx(0.6112, abs=5e-5)  # a number, not rounded
    # the tables end with it: the dimension table's array range (A10:F18) is one row short
    assert res["A19"].value == notice


# ---- classic xlwings: mognad excel install -----------------------------------------------
def test_install_prints_what_the_page_shows(tmp_path, run_cli):
    ((command, shown),) = console_blocks(section("Windows"))
    assert command == "mognad excel install"
    conf = re.search(r"^Skapade (.*):$", shown, flags=re.M).group(1)
    python = re.search(r'^  INTERPRETER_WIN: \(inte angiven\) -> "(.*)"$', shown, flags=re.M)
    python = python.group(1)
    target = tmp_path / "xlwings.conf"
    done = run_cli("excel", "install", "--config", target, "--interpreter", python)
    assert done.exit_code == 0, done.stderr
    printed = done.stdout.replace(str(target), conf)
    # a line printed everywhere but on Windows
    printed = re.sub(
        r"^Obs: kalkylbladsfunktionerna i klassisk xlwings kräver Excel i Windows.*\n",
        "",
        printed,
        flags=re.M,
    )
    assert_output(shown, printed)
    assert target.read_text().splitlines() == [
        '"UDF MODULES","mognad_excel.udfs"',
        f'"{"INTERPRETER_MAC" if sys.platform == "darwin" else "INTERPRETER_WIN"}","{python}"',
    ]


# ---- xlwings Lite -------------------------------------------------------------------------
def wheel_name() -> str:
    return f"mognad-{PYPROJECT['project']['version']}-py3-none-any.whl"


def test_lite_requirements_line_names_the_wheel():
    line, *others = marked_block("lite: requirements.txt").splitlines()
    assert line.startswith("https://") and line.endswith("/" + wheel_name())
    assert others  # the pure-Python requirements too (test_excel_lite: what the command writes)
    assert f"pip install {wheel_name()}" in section("Windows")


#: What installs in Pyodide and how: one list, in mognad_excel.lite, which `mognad excel lite`
#: writes requirements.txt from (pure-Python wheels on PyPI, packages Pyodide builds, and the
#: requirements left out there by a marker).
from mognad_excel.lite import (  # noqa: E402
    BUILT_BY_PYODIDE,
    NOT_IN_PYODIDE,
    PURE_PYTHON,
    PYODIDE,
)


def requirements(environment: dict[str, str]) -> set[str]:
    out = set()
    for text in PYPROJECT["project"]["dependencies"]:
        req = Requirement(text)
        if req.marker is None or req.marker.evaluate(environment):
            out.add(canonicalize_name(req.name))
    return out


def test_requirements_in_pyodide_are_pure_python_or_built_by_pyodide():
    in_pyodide = requirements(PYODIDE)
    unknown = in_pyodide - PURE_PYTHON - BUILT_BY_PYODIDE
    assert not unknown, (
        f"{sorted(unknown)} would be required in xlwings Lite (Pyodide): add it to PURE_PYTHON "
        "or BUILT_BY_PYODIDE if it installs there, else give it the marker "
        "sys_platform != 'emscripten' (and keep it out of mognad_excel.udfs' imports)"
    )
    assert not in_pyodide & NOT_IN_PYODIDE
    for platform in ("win32", "linux", "darwin"):
        assert requirements({"sys_platform": platform}) >= NOT_IN_PYODIDE


LITE_MAIN = r'''
import importlib.abc
import inspect
import json
import sys
import types

import openpyxl

BLOCKED = {"python_calamine", "pycel", "networkx", "xlwings", "win32com", "pythoncom",
           "pywintypes"}


class Block(importlib.abc.MetaPathFinder):
    """What Pyodide lacks, and xlwings beyond the decorators, cannot be imported."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r} (not in Pyodide)", name=name)
        return None


sys.meta_path.insert(0, Block())

# xlwings Lite's decorators, reduced to what Lite reads: the options and the argument names.
xlwings = types.ModuleType("xlwings")


def func(f=None, **options):
    def inner(f):
        f.__xlfunc__ = {"name": f.__name__, "options": options,
                        "args": getattr(f, "__xlargs__", {})}
        return f
    return inner if f is None else inner(f)


def arg(name, convert=None, **options):
    def inner(f):
        if name not in inspect.signature(f).parameters:
            raise Exception(f"Invalid argument name '{name}'.")
        f.__xlargs__ = {**getattr(f, "__xlargs__", {}), name: options}
        return f
    return inner


def ret(convert=None, **options):
    return lambda f: f


xlwings.func, xlwings.arg, xlwings.ret = func, arg, ret
sys.modules["xlwings"] = xlwings

main = types.ModuleType("main")
exec(compile(sys.argv[1], "main.py", "exec"), main.__dict__)
found = {n: o for n, o in inspect.getmembers(main) if hasattr(o, "__xlfunc__")}

# a range as Office.js passes it: blanks as "", numbers as floats, a generous fixed range
ws = openpyxl.load_workbook(sys.argv[2], read_only=True).worksheets[0]
rows = [["" if v is None else float(v) if isinstance(v, int) else v for v in r]
        for r in ws.iter_rows(values_only=True)]
rows += [[""] * len(rows[0]) for _ in range(100)]
models = found["MOGNAD_MODELS"]()
print(json.dumps({
    "functions": sorted(found),
    "documented_args": {n: sorted(f.__xlfunc__["args"]) for n, f in found.items()},
    "cached": sorted(n for n, f in found.items() if f.__xlfunc__["options"].get("cache")),
    "score": found["MOGNAD_SCORE"](rows),
    "arv": found["MOGNAD_SCORE"](rows, "", "arv"),
    "change": found["MOGNAD_CHANGE"](rows, rows)[1][:5],
    "models": [r[0] for r in models[1:]],
    "loaded": sorted({m.split(".")[0] for m in sys.modules} & BLOCKED - {"xlwings"}),
}, ensure_ascii=False, default=str))
'''


def run_lite_main(main_py: str, folder: Path) -> dict:
    """What ``main_py`` registers and computes in a Pyodide-like interpreter (LITE_MAIN)."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(LITE_MAIN), main_py, str(DIMIOS_SAMPLE)],
        capture_output=True,
        text=True,
        env=user_env(),
        cwd=folder,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_lite_main_py_registers_every_function_without_compiled_or_classic_parts(tmp_path):
    got = run_lite_main(marked_block("lite: main.py"), tmp_path)
    assert got["functions"] == sorted(udfs.__all__)
    for name, documented in got["documented_args"].items():
        assert documented == sorted(inspect.signature(udfs.FUNCTIONS[name]).parameters), name
    assert got["cached"] == sorted(set(udfs.__all__) - {"MOGNAD_MODELS"})
    result = mognad.score(DIMIOS_SAMPLE, model="dimios")
    assert got["score"] == pytest.approx(result.overall, abs=1e-12)
    assert got["arv"] == pytest.approx(result.dimensions["arv"].score, abs=1e-12)
    assert got["change"] == ["overall", "Totalt", got["score"], got["score"], 0.0]
    assert {"dimios", "dmm"} <= set(got["models"])
    assert got["loaded"] == []


@pytest.mark.slow
def test_the_documented_wheel_build_makes_the_pure_wheel_lite_installs(tmp_path):
    command = fenced(section("Windows"), "bash")[0].strip()
    assert command == "pip wheel . --no-deps -w dist"
    src = tmp_path / "mognad"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("mognad_core", "plugins", "excel"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    args = shlex.split(command)[2:]  # offline here: no index, the build tools of this venv
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", *args, "--no-build-isolation", "--no-index", "-q"],
        cwd=src,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    (wheel,) = (src / "dist").iterdir()
    assert wheel.name == wheel_name()
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        info = f"mognad-{PYPROJECT['project']['version']}.dist-info"
        metadata = z.read(f"{info}/METADATA").decode()
        tags = z.read(f"{info}/WHEEL").decode()
        entry_points = z.read(f"{info}/entry_points.txt").decode()
    assert "Root-Is-Purelib: true" in tags and "Tag: py3-none-any" in tags
    assert {
        "mognad_excel/udfs.py",
        "mognad_excel/cache.py",
        "mognad_dimios/model.yaml",
        "mognad_dmm/model.yaml",
    } <= names
    assert not [n for n in names if n.endswith((".so", ".pyd"))]
    assert (
        "excel = mognad_excel.plugin" in entry_points and "dimios = mognad_dimios" in entry_points
    )
    required = re.findall(r"^Requires-Dist: (.*)$", metadata, flags=re.M)
    for name in NOT_IN_PYODIDE:
        (line,) = [r for r in required if canonicalize_name(Requirement(r).name) == name]
        assert not Requirement(line).marker.evaluate(PYODIDE), line


def test_readme_shows_the_documented_commands_and_links_the_page():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    part = readme.split("\n## Excel\n", 1)[1].split("\n## ", 1)[0]
    assert "[docs/excel.md](docs/excel.md)" in part
    (block,) = re.findall(r"```bash\n(.*?)```", part, flags=re.S)
    commands = [line.split("#", 1)[0].strip() for line in block.strip().splitlines()]
    assert commands[:2] == [
        "mognad excel template dimios -o mall.xlsx",
        "mognad excel recalc ifylld.xlsx -o resultat.xlsx",
    ]
    for command in commands:
        assert f"$ {command}\n" in DOC  # run and compared by the tests above
