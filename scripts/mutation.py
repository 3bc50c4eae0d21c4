"""Mutation testing of mognad's core with mutmut (docs/quality.md).

    scripts/mutation.sh                  every module in [tool.mognad.mutation.modules]
    scripts/mutation.sh scoring cache    only these modules
    scripts/mutation.sh --smoke          CI: one small module, time-limited; fails if its
                                         score is below the one recorded in
                                         docs/quality-scores.json
    scripts/mutation.sh --list           the module names
    scripts/mutation.sh --resume MODULE  go on with a stopped run of MODULE
    scripts/mutation.sh MODULE --again NAME...
                                         run these mutants of MODULE again (after new tests)
                                         and record MODULE's score anew
    scripts/mutation.sh --recount MODULE record MODULE's score from its workspace as it is

Each module runs in its own workspace, ``.mutation/MODULE/`` (git-ignored). The workspace puts
the import packages side by side as they are when installed (``mognad_core/`` and
``mognad_excel/``, which lives in ``excel/`` in the repository), links the tests and the files
they read, and gets a ``pyproject.toml``: the project's own plus a ``[tool.mutmut]`` table made
from ``[tool.mognad.mutation]``. mutmut copies it all into ``mutants/``, runs the module's test
files once to learn which tests reach each function, then runs each mutant against only those
tests. The workspace's ``mutants/`` is made anew on every run but a resumed one (``--resume``
keeps mutmut's results and rewrites the settings), so nothing stale is tested.

The result per module (killed, survived, timeouts, no tests, the surviving mutants' names, the
wall time, the date and the machine) is printed, written to ``.mutation/MODULE/score.json`` and,
except with ``--smoke``, merged into ``docs/quality-scores.json``. The surviving mutants' diffs
are written to ``.mutation/MODULE/survivors.diff``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
SCORES = ROOT / "docs" / "quality-scores.json"
MUTMUT = Path(sys.executable).with_name("mutmut")

#: The module the CI smoke check mutates, and how long it may take (seconds, mutmut's run).
SMOKE_MODULE = "cache"
SMOKE_LIMIT = 600  # about 150 s here: room for a slower or busier CI machine

#: The workspace: name there -> path in the repository. The packages mutmut mutates sit side by
#: side (module names as imported); mutmut copies them and the tests into mutants/.
PACKAGES = {"mognad_core": "mognad_core", "mognad_excel": "excel/mognad_excel"}
#: What the tests read through conftest.ROOT (samples, docs, the README): linked from mutants/,
#: so that a path found through ROOT and one found through an installed plugin are the same.
LINKED = [
    "README.md",
    "CONTRIBUTING.md",
    "docs",
    "plugins",
    "excel",
    "benchmarks",
    "scripts",
    ".ci",
]

#: mutmut's exit codes per mutant (mutmut.stats.status_by_exit_code), in the words we report.
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped"}
STATUS.update({code: "timeout" for code in (36, -24, 24, 152, 255)})
STATUS.update({-11: "segfault", -9: "segfault", 37: "caught by type check", None: "not checked"})
# The test process ended by SIGTERM or SIGINT (mutmut: "suspicious"): a mutant of the signal
# guard let the signal a test sends end the process, so the tests did catch it.
STATUS.update({-15: "killed", -2: "killed"})


def settings() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["tool"]["mognad"]["mutation"]


def toml_value(value: object) -> str:
    """A TOML value for the strings, numbers, booleans and lists of them that mutmut takes (JSON
    writes them the same way)."""
    return json.dumps(value, ensure_ascii=False)


def workspace(name: str, module: dict, shared: dict, resume: bool = False) -> Path:
    """Make ``.mutation/NAME/`` afresh: links to the packages and test files, a pyproject.toml.

    With ``resume``, an existing workspace is kept, and mutmut goes on from the mutants it has
    not yet run (it keeps each result beside the mutated file, and makes anew the mutants of a
    function whose code has changed since).
    """
    work = WORK / name
    if resume and (work / "pyproject.toml").is_file():
        # mutmut copies a source file into mutants/ only when it is missing there: the files it
        # does not mutate are removed, so that it copies them as they are now (the tests, which
        # it copies every time, may need their newer code); the mutated ones and their results
        # stay (mutmut makes a changed one's mutants anew)
        for package in PACKAGES:
            for path in (work / "mutants" / package).rglob("*"):
                copied = f"{package}/{path.relative_to(work / 'mutants' / package)}"
                source = copied.partition(".py")[0] + ".py"  # x.py.meta, x.py.spans: x.py's
                if path.is_file() and source not in module["mutate"]:
                    path.unlink()
        # a mutated copy written after its .meta was saved is one whose writing was stopped
        # (mutmut writes the copy, then the .meta): removed, mutmut writes it again and keeps
        # the results of the functions that have not changed
        for mutated in module["mutate"]:
            copy = work / "mutants" / mutated
            meta = copy.with_name(copy.name + ".meta")
            if not copy.is_file():
                continue
            if not meta.is_file() or copy.stat().st_mtime > meta.stat().st_mtime:
                copy.unlink()
        settings_file(work, name, module, shared)
        return work
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    for link, target in {**PACKAGES, "tests": "tests"}.items():
        (work / link).symlink_to(ROOT / target)
    (work / "mutants").mkdir()
    for linked in LINKED:
        if (ROOT / linked).exists():
            (work / "mutants" / linked).symlink_to(ROOT / linked)
    settings_file(work, name, module, shared)
    return work


def settings_file(work: Path, name: str, module: dict, shared: dict) -> None:
    """The workspace's pyproject.toml: the project's, and a ``[tool.mutmut]`` table made from
    ``[tool.mognad.mutation]``. Written on every run, a resumed one too: mutmut keeps the results
    a changed setting cannot change (a new time limit runs only the timeouts again, a new test
    list everything)."""
    mutmut = {
        **shared,
        "source_paths": list(PACKAGES),
        "only_mutate": module["mutate"],
        "pytest_add_cli_args_test_selection": module["tests"],
    }
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8").rstrip("\n")
    text += f"\n\n# made by scripts/mutation.py for the module {name!r}\n[tool.mutmut]\n"
    text += "".join(f"{key} = {toml_value(value)}\n" for key, value in mutmut.items())
    (work / "pyproject.toml").write_text(text, encoding="utf-8")


def results(work: Path) -> dict[str, int | None]:
    """Every mutant's exit code, from the ``.meta`` files mutmut writes beside each mutated file."""
    codes: dict[str, int | None] = {}
    for meta in sorted((work / "mutants").rglob("*.py.meta")):
        codes.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return codes


def score(name: str, codes: dict[str, int | None], seconds: float) -> dict:
    by_status: dict[str, list[str]] = {}
    for mutant, code in sorted(codes.items()):
        by_status.setdefault(STATUS.get(code, "suspicious"), []).append(mutant)
    total = len(codes)
    killed = len(by_status.get("killed", []))
    return {
        "module": name,
        "total": total,
        "killed": killed,
        "score": round(killed / total, 4) if total else None,
        "survived": by_status.get("survived", []),
        "timeout": by_status.get("timeout", []),
        "no_tests": by_status.get("no tests", []),
        "other": {
            status: names
            for status, names in by_status.items()
            if status not in ("killed", "survived", "timeout", "no tests")
        },
        "seconds": round(seconds),
        "date": date.today().isoformat(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores",
    }


def line(result: dict) -> str:
    pct = "-" if result["score"] is None else f"{100 * result['score']:.1f} %"
    return (
        f"{result['module']:<12} {result['killed']:>4} / {result['total']:<4} killed ({pct}), "
        f"{len(result['survived'])} survived, {len(result['timeout'])} timeouts, "
        f"{len(result['no_tests'])} without tests, {result['seconds']} s"
        + "".join(f", {len(names)} {status}" for status, names in result["other"].items())
    )


def show_survivors(work: Path, names: list[str]) -> None:
    """``mutmut show`` for each surviving mutant, into survivors.diff."""
    with open(work / "survivors.diff", "w", encoding="utf-8") as out:
        for mutant in names:
            shown = subprocess.run(
                [str(MUTMUT), "show", mutant], cwd=work, capture_output=True, text=True
            )
            out.write(f"# {mutant}\n{shown.stdout}\n")


def mutmut_env(work: Path) -> dict[str, str]:
    """The environment of mutmut and its test processes: the workspace's site/ (sitecustomize,
    the ordering plugin) and mutated copy first on the path; each mutant's tests fastest first
    (scripts/mutation_order.py, loaded by PYTEST_PLUGINS: not a mutmut setting, so a stopped run
    made without it goes on with it and keeps its results)."""
    site = work / "site"
    site.mkdir(exist_ok=True)
    shutil.copyfile(ROOT / "scripts" / "mutation_order.py", site / "mutation_order.py")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(work / "mutants")])}
    env["MOGNAD_MUTATION"] = "1"  # the plugin's Hypothesis profile: no shrinking
    # (pytest loads a plugin named twice, here and in a workspace's own -p, once)
    plugins = [p for p in os.environ.get("PYTEST_PLUGINS", "").split(",") if p]
    env["PYTEST_PLUGINS"] = ",".join([*plugins, "mutation_order"])
    return env


def run(
    name: str, module: dict, shared: dict, jobs: int, limit: float | None, resume: bool = False
) -> dict:
    work = workspace(name, module, shared, resume)
    print(f"== {name}: mutating {', '.join(module['mutate'])} in {work.relative_to(ROOT)}")
    log = work / "mutmut.log"
    # Tests that run mognad in a child process (signals, the CLI) import the mutated copy too,
    # and the child inherits the mutant mutmut activates (MUTANT_UNDER_TEST). (mutants/ exists
    # before Python starts, or the import system would remember it as missing.) The mutated
    # code imports mutmut, which reads its settings from the current folder on import: the
    # sitecustomize below reads them from the workspace, wherever the child runs.
    (work / "site").mkdir(exist_ok=True)
    (work / "site" / "sitecustomize.py").write_text(
        "# made by scripts/mutation.py: mutmut's settings from the workspace\n"
        "import os\n"
        "if os.environ.get('MUTANT_UNDER_TEST'):\n"
        "    from mutmut import configuration\n"
        "    from mutmut.utils.file_utils import change_cwd\n\n"
        f"    with change_cwd({str(work)!r}):\n"
        "        configuration.config()\n",
        encoding="utf-8",
    )
    # The signal tests need Ctrl+C to work in their child processes, also when this script
    # was started in the background (where the shell ignores SIGINT, and children inherit that).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    env = mutmut_env(work)
    start = time.monotonic()
    with open(log, "w", encoding="utf-8") as out:
        try:
            done = subprocess.run(
                [str(MUTMUT), "run", "--max-children", str(jobs)],
                cwd=work,
                env=env,
                timeout=limit,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        except subprocess.TimeoutExpired:
            sys.exit(f"mutation: {name} took longer than {limit:.0f} s; stopped.")
    seconds = time.monotonic() - start
    if done.returncode != 0:
        print(log.read_text(encoding="utf-8", errors="replace")[-3000:])
        sys.exit(f"mutation: mutmut failed on {name} (exit code {done.returncode}); see {log}.")
    result = score(name, results(work), seconds)
    (work / "score.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    show_survivors(work, result["survived"] + result["timeout"])
    return result


def ran(name: str) -> Path:
    """The module's workspace, which a run has recorded a score in (else the script stops)."""
    work = WORK / name
    if not (work / "score.json").is_file():
        sys.exit(f"mutation: {name} has not been run here ({work / 'score.json'} is missing).")
    return work


def again(name: str, patterns: list[str], jobs: int) -> list[str]:
    """Run the mutants matching ``patterns`` (mutmut's names, ``*`` allowed) again in the
    module's workspace, against the tests as they are now (new tests included); print each
    one's result and return their names. :func:`recount` then records the module's score."""
    work = ran(name)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    done = subprocess.run(
        [str(MUTMUT), "run", "--max-children", str(jobs), *patterns],
        cwd=work,
        env=mutmut_env(work),
        capture_output=True,
        text=True,
        errors="replace",
    )
    shown = done.stdout.partition("Mutant results")[2].strip("-\n")
    if done.returncode != 0 or not shown:
        print(done.stdout[-3000:] + done.stderr[-3000:])
        sys.exit(f"mutation: mutmut failed on {name} (exit code {done.returncode}); not recorded.")
    print(shown)
    # each line: mutmut's mark for the result, then the mutant's name
    return [line.split()[-1] for line in shown.splitlines() if line.strip()]


def recount(name: str, rerun: list[str] | None = None) -> dict:
    """The module's score from its workspace as it is now: mutmut keeps each mutant's latest
    result, so mutants run again after new tests (:func:`again`) count as they ended then. The
    wall time stays the one of the full run; ``rerun`` lists every mutant run again since."""
    work = ran(name)
    before = json.loads((work / "score.json").read_text(encoding="utf-8"))
    result = score(name, results(work), before["seconds"])
    result["rerun"] = sorted(set(before.get("rerun", [])) | set(rerun or []))
    (work / "score.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    show_survivors(work, result["survived"] + result["timeout"])
    return result


def recorded() -> dict:
    return json.loads(SCORES.read_text(encoding="utf-8")) if SCORES.exists() else {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="module names (default: all)")
    parser.add_argument("--smoke", action="store_true", help="the CI check (see above)")
    parser.add_argument("--list", action="store_true", help="print the module names")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="mutants at once")
    parser.add_argument(
        "--again",
        metavar="MUTANT",
        nargs="+",
        help="with one module: run these mutants again (mutmut's names, * allowed) against the "
        "tests as they are now, then record the module's score as with --recount",
    )
    parser.add_argument(
        "--recount",
        action="store_true",
        help="record the modules' scores from their workspaces as they are now, without a run "
        "(--again records it itself; see docs/quality.md)",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="go on with a stopped run: keep the module's workspace and the results in it",
    )
    args = parser.parse_args(argv)
    config = settings()
    modules = config["modules"]
    if args.list:
        print("\n".join(modules))
        return 0
    if args.smoke:
        before = recorded().get(SMOKE_MODULE)
        result = run(SMOKE_MODULE, modules[SMOKE_MODULE], config["mutmut"], args.jobs, SMOKE_LIMIT)
        print(line(result))
        if before and result["score"] < before["score"]:
            print(
                f"mutation smoke: {SMOKE_MODULE} scored {result['score']:.2%}, below the recorded "
                f"{before['score']:.2%} (docs/quality-scores.json). Surviving: "
                + ", ".join(result["survived"])
            )
            return 1
        print(f"mutation smoke: {SMOKE_MODULE} at or above its recorded score.")
        return 0
    unknown = [m for m in args.modules if m not in modules]
    if unknown:
        parser.error(f"unknown module {', '.join(unknown)}; the modules: {', '.join(modules)}")
    chosen = args.modules or list(modules)
    rerun: list[str] = []
    if args.again:
        if len(args.modules) != 1:
            parser.error("--again needs one module")
        rerun = again(chosen[0], args.again, args.jobs)
        args.recount = True
    done = []
    for name in chosen:
        if args.recount:
            result = recount(name, rerun)
        else:
            result = run(name, modules[name], config["mutmut"], args.jobs, None, args.resume)
        # read again now: others may have recorded a module while this one ran
        scores = recorded()
        scores[name] = result
        SCORES.write_text(json.dumps(scores, indent=2, ensure_ascii=False) + "\n", "utf-8")
        done.append(result)
    print()
    for result in done:
        print(line(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
