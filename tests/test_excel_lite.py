"""``mognad excel lite``: the requirements.txt and main.py for xlwings Lite, run as a user does.

* The command writes both files (Swedish by default, English with ``--lang en``); they are read
  back: requirements.txt is the wheel's address and the pure-Python requirements of
  pyproject.toml that apply in Pyodide, with their versions; main.py is the statement
  docs/excel.md shows.
* The written main.py, run in a Pyodide-like interpreter (no python-calamine, no pycel, no
  classic xlwings: tests/test_excel_docs.py's LITE_MAIN), registers every MOGNAD_* function and
  computes the numbers of ``mognad score``.
* Addresses xlwings Lite cannot use are refused with one clear message and nothing written;
  existing files are replaced only with ``--force``.
"""

from __future__ import annotations

import ast
import re
import shlex
import tomllib

import pytest
from conftest import DIMIOS_SAMPLE, ROOT
from mognad_excel import lite, udfs
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from test_excel_docs import marked_block, run_lite_main

import mognad_core as mognad

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]
URL = f"https://intranet.example.se/mognad/mognad-{VERSION}-py3-none-any.whl"


def pyodide_pure_requirements() -> dict[str, Requirement]:
    """pyproject.toml's requirements that xlwings Lite fetches from PyPI (not xlwings itself)."""
    out = {}
    for line in PYPROJECT["project"]["dependencies"]:
        req = Requirement(line)
        name = canonicalize_name(req.name)
        if req.marker is not None and not req.marker.evaluate(lite.PYODIDE):
            continue
        if name in lite.PURE_PYTHON and name != "xlwings":
            out[name] = req
    return out


def written(folder) -> tuple[list[str], str]:
    reqs = (folder / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return reqs, (folder / "main.py").read_text(encoding="utf-8")


# ---- what the command writes ---------------------------------------------------------------
def test_the_command_writes_requirements_and_main_py_in_swedish(tmp_path, run_cli):
    folder = tmp_path / "mapp"
    done = run_cli("excel", "lite", "--wheel-url", URL, "-o", folder)
    assert done.exit_code == 0, done.stderr
    assert done.stderr == ""
    out = done.stdout.splitlines()
    assert (
        out[0] == f"Skrev {folder / 'requirements.txt'} och {folder / 'main.py'} för xlwings Lite."
    )
    assert "Så här gör du, en gång per arbetsbok:" in out
    assert any("behåll raden xlwings" in line for line in out)
    assert not [w for w in ("Wrote", "What to do", "the ribbon") if w in done.stdout]

    reqs, main = written(folder)
    assert reqs[0] == URL
    expected = pyodide_pure_requirements()
    assert len(expected) >= 4  # pluggy, openpyxl, defusedxml, click, python-pptx
    listed = {canonicalize_name(Requirement(line).name): Requirement(line) for line in reqs[1:]}
    assert sorted(listed) == sorted(expected)  # each once, nothing else
    for name, req in listed.items():
        assert req.specifier == expected[name].specifier, name  # the project's versions
        assert req.marker is None
    # packages Pyodide builds are not pinned (their version is Pyodide's), nor listed; what
    # Pyodide lacks is never asked for
    assert not set(listed) & (lite.BUILT_BY_PYODIDE | lite.NOT_IN_PYODIDE | {"xlwings"})

    assert main.startswith("# mognad: kalkylbladsfunktionerna MOGNAD_* i xlwings Lite")
    assert f"# requirements.txt ska innehålla mognads wheel-fil: {URL}\n" in main
    assert main.endswith(lite.MAIN_IMPORT + "\n")


def test_english_on_request(tmp_path, run_cli):
    done = run_cli("excel", "lite", "--wheel-url", URL, "-o", tmp_path, "--lang", "en")
    assert done.exit_code == 0, done.stderr
    assert done.stdout.startswith(f"Wrote {tmp_path / 'requirements.txt'} and ")
    assert "keep the xlwings line that is there" in done.stdout
    assert not [w for w in ("Skrev", "Så här", "Fliken", "webbplatser") if w in done.stdout]
    reqs, main = written(tmp_path)
    assert reqs[0] == URL
    assert main.splitlines()[:2] == [
        "# mognad: the MOGNAD_* worksheet functions in xlwings Lite "
        "(written by mognad excel lite).",
        f"# requirements.txt must list the mognad wheel: {URL}",
    ]
    assert "kalkylblad" not in main


def test_main_py_is_the_statement_the_docs_show(tmp_path, run_cli):
    """docs/excel.md's ``lite: main.py`` block and the written main.py hold the same code, and
    the page's requirements.txt starts with an address the command takes (any further lines
    are those the command writes)."""
    shown_reqs = marked_block("lite: requirements.txt").splitlines()
    doc_url = shown_reqs[0]
    assert lite.check_wheel_url(doc_url) == doc_url
    assert run_cli("excel", "lite", "--wheel-url", doc_url, "-o", tmp_path).exit_code == 0
    reqs, main = written(tmp_path)
    assert reqs[: len(shown_reqs)] == shown_reqs
    shown = ast.dump(ast.parse(marked_block("lite: main.py")))
    assert ast.dump(ast.parse(main)) == shown
    assert ast.dump(ast.parse(lite.MAIN_IMPORT)) == shown


def test_the_written_main_py_registers_every_function_without_compiled_or_classic_parts(
    tmp_path, run_cli
):
    assert run_cli("excel", "lite", "--wheel-url", URL, "-o", tmp_path).exit_code == 0
    got = run_lite_main((tmp_path / "main.py").read_text(encoding="utf-8"), tmp_path)
    assert got["functions"] == sorted(udfs.__all__)
    assert all(name.startswith("MOGNAD_") for name in got["functions"])
    assert got["loaded"] == []  # neither python-calamine nor pycel nor classic xlwings
    result = mognad.score(DIMIOS_SAMPLE, model="dimios")
    assert got["score"] == pytest.approx(result.overall, abs=1e-12)
    assert got["arv"] == pytest.approx(result.dimensions["arv"].score, abs=1e-12)
    assert {"dimios", "dmm"} <= set(got["models"])


# ---- addresses xlwings Lite cannot use ----------------------------------------------------
REFUSED = [
    (
        f"http://intranet.example.se/mognad/mognad-{VERSION}-py3-none-any.whl",
        "är ingen https-adress",
        "is not an https address",
    ),
    (
        f"file:///C:/mognad/mognad-{VERSION}-py3-none-any.whl",
        "är ingen https-adress",
        "is not an https address",
    ),
    (
        f"C:\\mognad\\mognad-{VERSION}-py3-none-any.whl",
        "är ingen https-adress",
        "is not an https address",
    ),
    (f"https:///mognad-{VERSION}-py3-none-any.whl", "saknar servernamn", "has no server name"),
    (
        f"https://anna:hemligt@intranet.example.se/mognad-{VERSION}-py3-none-any.whl",
        "användarnamn eller lösenord för intranet.example.se",
        "user name or password for intranet.example.se",
    ),
    ("https://intranet.example.se/mognad/", 'wheel-fil (fick "")', 'wheel file (got "")'),
    (
        f"https://intranet.example.se/mognad-{VERSION}.tar.gz",
        "slutar inte med namnet på en wheel-fil",
        "does not end in the name of a wheel file",
    ),
    (
        "https://intranet.example.se/pandas-2.2.0-py3-none-any.whl",
        "är en wheel-fil för pandas, inte för mognad",
        "is a wheel of pandas, not of mognad",
    ),
    (
        f"https://intranet.example.se/mognad-{VERSION}-cp311-cp311-win_amd64.whl",
        "kan bara installera en wheel-fil i ren Python",
        "can only install a pure-Python wheel",
    ),
    (
        f"https://intranet.example.se/a b/mognad-{VERSION}-py3-none-any.whl",
        "utan mellanslag",
        "without spaces",
    ),
    ("", "utan mellanslag", "without spaces"),
]


@pytest.mark.parametrize(("url", "sv", "en"), REFUSED)
def test_an_address_lite_cannot_use_is_refused_and_nothing_is_written(
    tmp_path, run_cli, url, sv, en
):
    folder = tmp_path / "mapp"
    done = run_cli("excel", "lite", "--wheel-url", url, "-o", folder)
    assert done.exit_code == 2
    assert done.stderr.startswith("Fel: ") and sv in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert not folder.exists()
    done = run_cli("excel", "lite", "--wheel-url", url, "-o", folder, "--lang", "en")
    assert done.exit_code == 2
    assert done.stderr.startswith("Error: ") and en in done.stderr
    assert not folder.exists()


def test_the_address_is_taken_as_people_paste_it():
    assert lite.check_wheel_url(f"  {URL}\n") == URL
    upper = URL.replace("https://", "HTTPS://")
    assert lite.check_wheel_url(upper) == upper
    signed = URL + "?sv=2024-01-01&sig=abc"  # a shared-access link (Azure, S3) keeps its query
    assert lite.lite_requirements(signed)[0] == signed
    quoted = URL.replace("mognad-", "mognad%2D", 1).replace("/mognad/", "/Mognad%20Excel/")
    assert lite.check_wheel_url(quoted) == quoted


# ---- writing safely -----------------------------------------------------------------------
def test_existing_files_are_replaced_only_with_force(tmp_path, run_cli):
    (tmp_path / "main.py").write_text("# mitt eget\n", encoding="utf-8")
    done = run_cli("excel", "lite", "--wheel-url", URL, "-o", tmp_path)
    assert done.exit_code == 2
    assert (
        done.stderr
        == f"Fel: {tmp_path / 'main.py'} finns redan. Använd --force för att ersätta den.\n"
    )
    # both or neither: requirements.txt was not written either
    assert sorted(p.name for p in tmp_path.iterdir()) == ["main.py"]
    assert (tmp_path / "main.py").read_text(encoding="utf-8") == "# mitt eget\n"

    done = run_cli("excel", "lite", "--wheel-url", URL, "-o", tmp_path, "--force")
    assert done.exit_code == 0, done.stderr
    reqs, main = written(tmp_path)
    assert reqs[0] == URL and main.endswith(lite.MAIN_IMPORT + "\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["main.py", "requirements.txt"]


def test_a_missing_folder_is_made_and_the_default_is_the_current_folder(
    tmp_path, run_cli, monkeypatch
):
    done = run_cli("excel", "lite", "--wheel-url", URL, "-o", tmp_path / "ny" / "mapp")
    assert done.exit_code == 0, done.stderr
    assert written(tmp_path / "ny" / "mapp")[0][0] == URL
    monkeypatch.chdir(tmp_path)
    done = run_cli("excel", "lite", "--wheel-url", URL)
    assert done.exit_code == 0, done.stderr
    assert done.stdout.startswith("Skrev requirements.txt och main.py för xlwings Lite.")
    assert written(tmp_path)[0][0] == URL


def test_the_command_is_listed_in_the_excel_group(run_cli):
    done = run_cli("excel", "--help")
    assert done.exit_code == 0
    assert "lite" in done.stdout.split("Commands:", 1)[1]


# ---- docs/excel-it.md ---------------------------------------------------------------------
IT_DOC = (ROOT / "docs" / "excel-it.md").read_text(encoding="utf-8")


def test_the_it_page_shows_what_the_command_prints_and_writes(tmp_path, run_cli, monkeypatch):
    ((command, shown),) = re.findall(r"```console\n\$ ([^\n]*)\n(.*?)```", IT_DOC, flags=re.S)
    args = shlex.split(command)
    assert args[:3] == ["mognad", "excel", "lite"]
    monkeypatch.chdir(tmp_path)
    done = run_cli(*args[1:])
    assert done.exit_code == 0, done.stderr
    assert done.stdout.splitlines()[: len(shown.splitlines())] == shown.splitlines()
    # the packages the page says requirements.txt names are the ones it names
    said = re.search(r"fetches from PyPI \(([^)]*), with mognad's minimum", IT_DOC).group(1)
    names = [n.strip() for n in re.split(r",| and ", said) if n.strip()]
    reqs = (tmp_path / "mapp" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert names == [Requirement(line).name for line in reqs[1:]]


def test_the_it_page_describes_the_wheel_check_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/python scripts/check_wheel.py\n" in ci
    assert "build" in [
        Requirement(r).name for r in PYPROJECT["project"]["optional-dependencies"]["test"]
    ]
    script = (ROOT / "scripts" / "check_wheel.py").read_text(encoding="utf-8")
    commands = re.findall(
        r"^\.venv/bin/python scripts/check_wheel\.py(.*?)(?:  #.*)?$", IT_DOC, re.M
    )
    assert len(commands) == 3
    for options in commands:  # each option the page shows is one the script takes
        for option in re.findall(r"--[a-z-]+", options):
            assert f'add_argument(\n        "{option}"' in script or f'"{option}",' in script, (
                option
            )
    assert f"mognad-{VERSION}-py3-none-any.whl" in IT_DOC
