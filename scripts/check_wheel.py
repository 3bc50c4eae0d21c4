#!/usr/bin/env python3
"""Build mognad's wheel and test-install it into a clean venv, as IT and xlwings Lite get it.

    .venv/bin/python scripts/check_wheel.py                 # build, install, check (CI runs this)
    .venv/bin/python scripts/check_wheel.py --no-isolation  # build with this venv's setuptools
    .venv/bin/python scripts/check_wheel.py --wheel dist/mognad-0.2.0-py3-none-any.whl
    .venv/bin/python scripts/check_wheel.py --keep /tmp/wheelcheck   # leave the work folder

1. ``python -m build --wheel`` on a copy of the files git knows (tracked, and new files not
   ignored), so that nothing lying around in the work tree (build/, *.egg-info) slips in.
2. The wheel itself: named ``mognad-VERSION-py3-none-any.whl`` and tagged pure Python (xlwings
   Lite installs nothing else), no compiled file, no module importing a network library, every
   module and data file of the four import packages (as pyproject.toml's package-data names
   them), the console script and the plugin entry points.
3. A clean venv (``python -m venv``), ``pip install`` of the wheel (its requirements from the
   package index), and from a folder outside the source tree: ``mognad --version``,
   ``mognad samples --copy-to``, ``mognad demo``, ``mognad excel template``, ``mognad excel lite``,
   and ``MOGNAD_SCORE`` / ``MOGNAD_MODELS`` called on sample rows in an interpreter that cannot
   import python-calamine or pycel (as in Pyodide), equal to ``mognad score``.
4. What users are pointed to is in the wheel: the sample files the docs use, and any ``.md`` page
   the template's Instruktioner sheet names.

Prints one line per check and exits 1 if any failed. See docs/excel-it.md.
"""

from __future__ import annotations

import argparse
import ast
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]
WHEEL_NAME = f"mognad-{VERSION}-py3-none-any.whl"
LITE_URL = f"https://intranet.example.se/mognad/{WHEEL_NAME}"
COMPILED = (".so", ".pyd", ".dll", ".dylib")
#: Modules that open network connections (or a browser): no module of mognad imports one, which
#: is what docs/excel-it.md means by "mognad makes no network calls".
NETWORK = (
    "socket",
    "ssl",
    "http",
    "urllib.request",
    "urllib3",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "xmlrpc",
    "webbrowser",
)

#: Run in the clean venv: the Excel functions as xlwings Lite runs them (no python-calamine, no
#: pycel), on the first 10 respondents and on all of them, and what `mognad excel lite` needs.
SMOKE = r"""
import importlib.abc
import json
import sys

BLOCKED = {"python_calamine", "pycel"}


class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r} (not in Pyodide)", name=name)
        return None


sys.meta_path.insert(0, Block())

import openpyxl
import pandas as pd

import mognad_core
from mognad_excel import lite, udfs

ws = openpyxl.load_workbook(sys.argv[1], read_only=True).worksheets[0]
rows = [list(r) for r in ws.iter_rows(values_only=True)]
few = rows[:11]
in_pyodide = {str(r.name).lower() for r in lite.requirements_in_pyodide()}
print(json.dumps({
    "file": mognad_core.__file__,
    "functions": sorted(udfs.__all__),
    "few": udfs.MOGNAD_SCORE(few, "dimios"),
    "few_api": mognad_core.score(pd.DataFrame(few[1:], columns=few[0]), "dimios").overall,
    "all": udfs.MOGNAD_SCORE(rows, "dimios"),
    "models": [r[0] for r in udfs.MOGNAD_MODELS()[1:]],
    "unknown_in_pyodide": sorted(in_pyodide - lite.PURE_PYTHON - lite.BUILT_BY_PYODIDE),
    "loaded": sorted({m.split(".")[0] for m in sys.modules} & BLOCKED),
}, default=str))
"""


class Checks:
    def __init__(self) -> None:
        self.failed: list[str] = []
        self.count = 0

    def __call__(self, name: str, ok: bool, detail: str = "") -> bool:
        self.count += 1
        if ok:
            print(f"ok    {name}")
        else:
            self.failed.append(name)
            print(f"FAIL  {name}" + (f": {detail}" if detail else ""))
        return ok


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 900):
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def source_files() -> list[Path]:
    """The files git knows: tracked, and new ones that are not ignored (relative to ROOT)."""
    try:
        done = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT)
    except OSError:
        done = None
    if done is not None and done.returncode == 0:
        names = [n for n in done.stdout.split("\0") if n]
        return [Path(n) for n in names if (ROOT / n).is_file()]
    skip = {".git", ".venv", "build", "dist", ".mutation", "mutants", "__pycache__"}
    return [
        p.relative_to(ROOT)
        for p in ROOT.rglob("*")
        if p.is_file()
        and not skip & set(p.relative_to(ROOT).parts)
        and not any(part.endswith(".egg-info") for part in p.parts)
    ]


def build(work: Path, isolation: bool) -> Path:
    src = work / "src"
    for rel in source_files():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, src / rel)
    args = [sys.executable, "-m", "build", "--wheel", "--outdir", str(work / "dist"), str(src)]
    if not isolation:
        args.insert(4, "--no-isolation")
    done = run(args, work)
    if done.returncode != 0:
        sys.exit(f"python -m build --wheel failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    wheels = sorted((work / "dist").glob("*.whl"))
    if len(wheels) != 1:
        sys.exit(f"python -m build --wheel made {[w.name for w in wheels]}, not one wheel")
    return wheels[0]


def package_files() -> dict[str, str]:
    """Where each module and data file of the four import packages lands in the wheel:
    {path in the wheel: path in the source tree}."""
    roots = PYPROJECT["tool"]["setuptools"]["packages"]["find"]["where"]
    patterns = ["*.py", *PYPROJECT["tool"]["setuptools"]["package-data"]["*"]]
    out = {}
    for rel in source_files():
        for root in roots:
            base = Path(root)
            try:
                inner = rel.relative_to(base) if root != "." else rel
            except ValueError:
                continue
            in_package = len(inner.parts) > 1 and inner.parts[0].startswith("mognad_")
            if in_package and any(fnmatch.fnmatch(inner.name, p) for p in patterns):
                out[inner.as_posix()] = rel.as_posix()
    return out


def check_wheel_file(wheel: Path, check: Checks) -> set[str]:
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        info = f"mognad-{VERSION}.dist-info"
        tags = z.read(f"{info}/WHEEL").decode()
        entry_points = z.read(f"{info}/entry_points.txt").decode()
    check("wheel is named " + WHEEL_NAME, wheel.name == WHEEL_NAME, wheel.name)
    tag_lines = re.findall(r"^Tag: (.*)$", tags, flags=re.M)
    check(
        "wheel is pure Python (Root-Is-Purelib, tag py3-none-any), as xlwings Lite needs",
        "Root-Is-Purelib: true" in tags and tag_lines == ["py3-none-any"],
        f"tags {tag_lines}",
    )
    compiled = sorted(n for n in names if n.endswith(COMPILED))
    check("wheel holds no compiled file", not compiled, ", ".join(compiled))
    with zipfile.ZipFile(wheel) as z:
        imports = {n: imported(z.read(n).decode("utf-8")) for n in names if n.endswith(".py")}
    network = sorted(
        f"{n}: {m}"
        for n, modules in imports.items()
        for m in modules
        if any(m == x or m.startswith(x + ".") for x in NETWORK)
    )
    check(
        f"no module imports a network library ({len(imports)} modules read)",
        not network and len(imports) > 50,
        "; ".join(network),
    )
    expected = package_files()
    missing = sorted(set(expected) - names)
    check(
        f"wheel holds every module and data file of the packages ({len(expected)} files)",
        not missing and len(expected) > 50,
        f"missing {missing[:10]}",
    )
    plugins = PYPROJECT["project"]["entry-points"]["mognad"]
    scripts = PYPROJECT["project"]["scripts"]  # mognad = mognad_core.cli:console
    wanted = [f"{k} = {v}" for k, v in {**plugins, **scripts}.items()]
    absent = [w for w in wanted if w not in entry_points]
    check("wheel declares the mognad command and the plugin entry points", not absent, absent)
    return names


def imported(source: str) -> set[str]:
    """The modules a Python file imports (absolute names; relative imports are mognad's own)."""
    out = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
    return out


def clean_env(venv: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MOGNAD_", "PYTHON", "XLWINGS_")) and k != "VIRTUAL_ENV"
    }
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(venv)
    return env


def check_installed(wheel: Path, names: set[str], work: Path, check: Checks) -> None:
    venv = work / "venv"
    done = run([sys.executable, "-m", "venv", str(venv)], work)
    if not check("clean venv created", done.returncode == 0, done.stderr[-500:]):
        return
    env = clean_env(venv)
    python, mognad = venv / "bin" / "python", venv / "bin" / "mognad"
    started = time.monotonic()
    done = run([str(python), "-m", "pip", "install", "-q", str(wheel)], work, env, timeout=1800)
    seconds = time.monotonic() - started
    if not check(
        f"pip install of the wheel into the clean venv ({seconds:.0f} s)",
        done.returncode == 0,
        done.stderr[-2000:],
    ):
        return
    outside = work / "outside"  # not the source tree: only the installed package is found
    outside.mkdir()

    def mognad_cmd(*args: str):
        return run([str(mognad), *args], outside, env)

    done = mognad_cmd("--version")
    check(
        "mognad --version",
        done.returncode == 0 and done.stdout.strip() == f"mognad, version {VERSION}",
        done.stdout + done.stderr,
    )
    samples = sorted(
        p.name
        for p in ROOT.glob("plugins/*/mognad_*/samples/*")
        if p.is_file() and p.name in {Path(n).name for n in names}
    )
    all_samples = sorted(p.name for p in ROOT.glob("plugins/*/mognad_*/samples/*") if p.is_file())
    done = mognad_cmd("samples", "--copy-to", "exempel")
    copied = sorted(p.name for p in (outside / "exempel").glob("*")) if done.returncode == 0 else []
    check(
        f"mognad samples --copy-to: the {len(all_samples)} sample files the docs use",
        done.returncode == 0
        and copied == all_samples == samples
        and "dimios_sample.xlsx" in copied,
        f"copied {copied}, in the source tree {all_samples}; {done.stderr[-500:]}",
    )
    done = mognad_cmd("demo")
    check(
        "mognad demo scores the bundled sample",
        done.returncode == 0 and "Totalt värde" in done.stdout and "Traceback" not in done.stderr,
        (done.stdout + done.stderr)[-1000:],
    )
    done = mognad_cmd("excel", "lite", "--wheel-url", LITE_URL, "-o", "lite")
    lines = (
        (outside / "lite" / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if done.returncode == 0
        else []
    )
    check(
        "mognad excel lite writes requirements.txt and main.py",
        done.returncode == 0
        and lines[:1] == [LITE_URL]
        and (outside / "lite" / "main.py").exists(),
        (done.stdout + done.stderr)[-1000:],
    )
    check_template(mognad_cmd, python, outside, names, env, check)
    sample = outside / "exempel" / "dimios_sample.xlsx"
    done = run([str(python), "-c", SMOKE, str(sample)], outside, env)
    if not check(
        "MOGNAD_* functions run from the installed wheel", done.returncode == 0, done.stderr[-2000:]
    ):
        return
    got = json.loads(done.stdout)
    check(
        "the package imported is the installed one, not the source tree",
        str(venv) in got["file"] and str(ROOT) not in got["file"],
        got["file"],
    )
    score = run([str(mognad), "score", str(sample), "--format", "json"], outside, env)
    overall = json.loads(score.stdout)["overall"] if score.returncode == 0 else None
    few_ok = isinstance(got["few"], float) and got["few"] == got["few_api"]
    check(
        "MOGNAD_SCORE on 10 rows and on all rows equals mognad's API and `mognad score`",
        few_ok and overall is not None and abs(got["all"] - overall) < 1e-12,
        f"10 rows {got['few']} (API {got['few_api']}), all {got['all']} (mognad score {overall})",
    )
    check(
        "MOGNAD_MODELS lists the bundled models; no python-calamine or pycel was needed",
        {"dimios", "dmm"} <= set(got["models"]) and got["loaded"] == [] and got["functions"],
        f"models {got['models']}, loaded {got['loaded']}",
    )
    check(
        "every requirement that applies in Pyodide is pure Python or built by Pyodide",
        got["unknown_in_pyodide"] == [],
        f"{got['unknown_in_pyodide']}: see mognad_excel/lite.py",
    )


def check_template(mognad_cmd, python: Path, outside: Path, names, env, check: Checks) -> None:
    """The template's Instruktioner sheet names no page the wheel does not ship."""
    done = mognad_cmd("excel", "template", "dimios", "-o", "mall.xlsx")
    if not check("mognad excel template dimios", done.returncode == 0, done.stderr[-1000:]):
        return
    read = (
        "import json, sys, openpyxl\n"
        "ws = openpyxl.load_workbook(sys.argv[1])['Instruktioner']\n"
        "print(json.dumps([c.value for r in ws.iter_rows() for c in r "
        "if isinstance(c.value, str)]))\n"
    )
    done = run([str(python), "-c", read, str(outside / "mall.xlsx")], outside, env)
    texts = json.loads(done.stdout) if done.returncode == 0 else []
    # a web address is something a user can open; a path to a .md page must be in the wheel
    local = [re.sub(r"https?://\S+", " ", t) for t in texts]
    pages = sorted({m for t in local for m in re.findall(r"[\w./-]*\w\.md\b", t)})
    shipped = {n for n in names if n.endswith(".md")}
    absent = [p for p in pages if not any(n == p or n.endswith("/" + p) for n in shipped)]
    check(
        "the template's Instruktioner sheet names only pages the wheel ships",
        done.returncode == 0 and bool(texts) and not absent,
        f"it points to {absent}, which the wheel does not hold (users of the wheel cannot open "
        "them)",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, help="check this wheel instead of building one")
    parser.add_argument(
        "--no-isolation",
        action="store_true",
        help="build with this Python's setuptools (python -m build --no-isolation)",
    )
    parser.add_argument("--keep", type=Path, help="work in this folder and leave it")
    args = parser.parse_args(argv)
    started = time.monotonic()
    work = args.keep or Path(tempfile.mkdtemp(prefix="mognad-wheel-"))
    work.mkdir(parents=True, exist_ok=True)
    check = Checks()
    try:
        wheel = args.wheel.resolve() if args.wheel else build(work, not args.no_isolation)
        print(f"wheel: {wheel.name} ({wheel.stat().st_size // 1024} KiB)")
        names = check_wheel_file(wheel, check)
        check_installed(wheel, names, work, check)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    seconds = time.monotonic() - started
    if check.failed:
        print(f"check_wheel: {len(check.failed)} of {check.count} checks failed ({seconds:.0f} s)")
        return 1
    print(f"check_wheel: all {check.count} checks ok ({seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
