"""mognad_core.safe_write, and every command that writes a file going through it: existing files
need --force and stay intact without it, suffixes in any case, OS errors as exit 2 naming the
path, nothing left behind on an error, Ctrl+C or SIGTERM, the ordinary file mode, all or nothing.
Real files throughout; signals are sent to real child processes."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import click
import openpyxl
import pytest
from conftest import DIMIOS_2025, DIMIOS_SAMPLE, ROOT
from pptx import Presentation

from mognad_core import safe_write
from mognad_core.errors import MognadError

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and modes")
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    shutil.copy(DIMIOS_2025, tmp_path / "svar.csv")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def umask():
    """Run with an unusual umask (0o027: new files 0o640), so that 0o644 and mkstemp's 0o600
    are both wrong; the old umask is restored."""
    old = os.umask(0o027)
    yield 0o027
    os.umask(old)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def refused(result, *words: str) -> str:
    """Exit 2, one message for people naming ``words``, no traceback, nothing on stdout."""
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "This is a bug" not in result.stderr
    assert result.stdout == ""
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("Error: "), message
    for word in words:
        assert word in message, message
    return message


def template(run_cli, path) -> None:
    out = run_cli("excel", "template", "dimios", "-o", path, "--rows", "5")
    assert out.exit_code == 0, out.stderr


# ---- the module on its own ------------------------------------------------------------------
def test_a_failing_writer_leaves_nothing_and_the_targets_unchanged(tmp_path, monkeypatch):
    """A writer failing half-way leaves no file in the folder, hidden ones included (``listing``
    walks them). Kills the temporary file registered for removal only after its writer
    succeeded (``temps.append`` moved below ``writer(tmp)`` in safe_write.write_files): the
    half-written ``.b.*.txt`` stayed."""
    monkeypatch.chdir(tmp_path)
    old = tmp_path / "a.txt"
    old.write_bytes(b"old")

    def half(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise RuntimeError("the writer broke")

    with pytest.raises(RuntimeError, match="the writer broke"):
        safe_write.write_files(
            [(old, lambda tmp: tmp.write_bytes(b"new")), (tmp_path / "b.txt", half)], force=True
        )
    assert old.read_bytes() == b"old"  # the first writer succeeded, but nothing was moved
    assert listing(tmp_path) == ["a.txt"]  # no temporary file, no b.txt

    with pytest.raises(RuntimeError):
        safe_write.write_files([(tmp_path / "ny" / "mapp" / "c.txt", half)], new_folder="ny/mapp")
    with pytest.raises(RuntimeError):
        safe_write.write_files(
            [(tmp_path / "ny" / "mapp" / "c.txt", half)], new_folder=tmp_path / "ny" / "mapp"
        )
    assert listing(tmp_path) == ["a.txt"]  # the folders made for the write are gone again


def test_the_temporary_file_is_beside_the_target_hidden_and_registered_before_the_writer(
    tmp_path,
):
    seen = []
    handlers = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)

    def writer(tmp: Path) -> None:
        seen.append(tmp)
        assert tmp.parent == tmp_path and tmp.name.startswith(".r.") and tmp.suffix == ".xlsx"
        assert tmp.exists()  # made by mkstemp before the writer runs
        raise KeyboardInterrupt  # as Ctrl+C would, in the middle of the write

    with pytest.raises(KeyboardInterrupt):
        safe_write.write_file(tmp_path / "r.xlsx", writer)
    assert seen and not seen[0].exists() and listing(tmp_path) == []
    # the handlers are the previous ones again
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == handlers


def test_checks_name_every_existing_target_and_the_input(tmp_path):
    a, b = tmp_path / "r.xlsx", tmp_path / "r.pptx"
    a.write_bytes(b"a")
    b.write_bytes(b"b")
    with pytest.raises(MognadError) as exc:
        safe_write.check_targets([a, b])
    assert str(exc.value) == (
        f"{a} and {b} already exist. Use --force to replace them (nothing was written)."
    )
    safe_write.check_targets([a, b], force=True)
    with pytest.raises(MognadError, match="that is an input file"):
        safe_write.check_targets([tmp_path / "x" / ".." / "r.xlsx"], force=True, inputs=[a])
    link = tmp_path / "länk.xlsx"
    link.symlink_to(a)
    with pytest.raises(MognadError, match="that is an input file"):
        safe_write.check_targets([link], force=True, inputs=[a])
    with pytest.raises(MognadError, match="is a folder"):
        safe_write.check_targets([tmp_path], force=True)
    assert safe_write.suffix("Rapport.XLSX") == ".xlsx"
    assert safe_write.has_suffix("Rapport.XLSX", ".xlsx", ".pptx")
    assert not safe_write.has_suffix("Rapport.xlsx.csv", ".xlsx")


def test_copy_files_is_all_or_nothing(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.csv").write_text("a", encoding="utf-8")
    (src / "b.csv").write_text("b", encoding="utf-8")
    dest = tmp_path / "dest"
    dest.mkdir()
    (dest / "b.csv").write_text("mine", encoding="utf-8")
    pairs = [(src / n, dest / n) for n in ("a.csv", "b.csv")]
    with pytest.raises(MognadError, match=r"b\.csv already exists\. Use --force"):
        safe_write.copy_files(pairs)
    assert listing(dest) == ["b.csv"] and (dest / "b.csv").read_text(encoding="utf-8") == "mine"
    safe_write.copy_files(pairs, force=True)
    assert [(dest / n).read_text(encoding="utf-8") for n in ("a.csv", "b.csv")] == ["a", "b"]
    with pytest.raises(MognadError, match="that is an input file"):
        safe_write.copy_files([(src / "a.csv", src / "a.csv")], force=True)


# ---- existing files and --force ------------------------------------------------------------
def test_report_never_replaces_an_existing_file_without_force(run_cli, folder):
    (folder / "befintlig.xlsx").write_bytes(DIMIOS_SAMPLE.read_bytes())
    before = digest(folder / "befintlig.xlsx")
    refused(
        run_cli("report", "svar.csv", "-o", "befintlig.xlsx"),
        "befintlig.xlsx already exists. Use --force to replace it.",
    )
    assert digest(folder / "befintlig.xlsx") == before
    assert listing(folder) == ["befintlig.xlsx", "svar.csv"]

    out = run_cli("report", "svar.csv", "-o", "befintlig.xlsx", "--force")
    assert out.exit_code == 0, out.stderr
    assert digest(folder / "befintlig.xlsx") != before
    assert "Sammanfattning" in openpyxl.load_workbook(folder / "befintlig.xlsx").sheetnames
    assert listing(folder) == ["befintlig.xlsx", "svar.csv"]  # no temporary file left


def test_report_into_a_folder_refuses_both_when_either_exists(run_cli, folder):
    (folder / "rapport").mkdir()
    deck = folder / "rapport" / "svar_rapport.pptx"
    deck.write_bytes(b"my own deck")
    refused(
        run_cli("report", "svar.csv", "-o", "rapport/"),
        "svar_rapport.pptx already exists. Use --force",
    )
    assert listing(folder / "rapport") == ["svar_rapport.pptx"]  # the workbook not written
    assert deck.read_bytes() == b"my own deck"
    out = run_cli("report", "svar.csv", "-o", "rapport/", "--force")
    assert out.exit_code == 0, out.stderr
    assert len(Presentation(str(deck)).slides) > 3
    assert openpyxl.load_workbook(folder / "rapport" / "svar_rapport.xlsx").sheetnames


def test_build_report_needs_force_too(folder):
    import mognad_core as mognad

    (folder / "r.pptx").write_bytes(b"old")
    with pytest.raises(MognadError, match=r"r\.pptx already exists\. Use --force"):
        mognad.build_report("svar.csv", "dimios", "r.pptx")
    assert (folder / "r.pptx").read_bytes() == b"old"
    assert mognad.build_report("svar.csv", "dimios", "r.pptx", force=True) == [Path("r.pptx")]
    assert len(Presentation("r.pptx").slides) > 3


def test_template_and_recalc_need_force_and_keep_the_file_intact(run_cli, folder):
    for args in (
        ["excel", "template", "dimios", "-o", "mall.xlsx", "--rows", "5"],
        ["excel", "recalc", "källa.xlsx", "-o", "mall.xlsx"],
    ):
        (folder / "källa.xlsx").unlink(missing_ok=True)
        template(run_cli, folder / "källa.xlsx")
        (folder / "mall.xlsx").write_bytes(b"my own workbook")
        refused(run_cli(*args), "mall.xlsx already exists. Use --force to replace it.")
        assert (folder / "mall.xlsx").read_bytes() == b"my own workbook"
        out = run_cli(*args, "--force")
        assert out.exit_code == 0, out.stderr
        assert openpyxl.load_workbook(folder / "mall.xlsx").sheetnames[0] == "Instruktioner"
        assert listing(folder) == ["källa.xlsx", "mall.xlsx", "svar.csv"]


# ---- suffixes in any case -------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Rapport.XLSX", "Rapport.Xlsx"])
def test_an_upper_case_xlsx_is_a_real_workbook(run_cli, folder, name):
    out = run_cli("report", "svar.csv", "-o", name)
    assert out.exit_code == 0, out.stderr
    assert out.stdout.splitlines() == [f"Skrev {name}"]  # a Swedish report, a Swedish line
    wb = openpyxl.load_workbook(folder / name)  # a workbook, not a deck under an .xlsx name
    assert wb.sheetnames[0] == "Sammanfattning"


def test_an_upper_case_pptx_is_a_real_deck(run_cli, folder):
    out = run_cli("report", "svar.csv", "-o", "Bilder.PPTX")
    assert out.exit_code == 0, out.stderr
    assert len(Presentation(str(folder / "Bilder.PPTX")).slides) > 3


def test_template_and_recalc_take_upper_case_suffixes(run_cli, folder):
    template(run_cli, folder / "MALL.XLSX")
    assert openpyxl.load_workbook(folder / "MALL.XLSX").sheetnames[0] == "Instruktioner"
    out = run_cli("excel", "recalc", "MALL.XLSX", "-o", "Ut.xlsx")
    assert out.exit_code == 0, out.stderr
    assert openpyxl.load_workbook(folder / "Ut.xlsx").sheetnames[0] == "Instruktioner"


# ---- OS errors: exit 2, the path named, nothing left ----------------------------------------
@pytest.mark.skipif(ROOT_USER or sys.platform == "win32", reason="root writes read-only folders")
def test_a_read_only_folder_is_named(run_cli, folder):
    ro = folder / "skrivskyddad"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        for args in (
            ["report", "svar.csv", "-o", "skrivskyddad/r.xlsx"],
            ["excel", "template", "dimios", "-o", "skrivskyddad/mall.xlsx"],
            ["samples", "--copy-to", "skrivskyddad"],
        ):
            refused(run_cli(*args), "Cannot write skrivskyddad/", "write-protected")
        assert listing(ro) == []
    finally:
        ro.chmod(0o755)


def _failing(real, folder: Path, exc: OSError, arg: int):
    """``real``, except that it raises ``exc`` for paths in ``folder`` (argument ``arg``, or
    ``dir=``): the failure is confined to the test's files."""

    def call(*args, **kwargs):
        where = kwargs.get("dir") if arg is None else args[arg]
        if where is not None and Path(where).resolve().is_relative_to(folder.resolve()):
            raise exc
        return real(*args, **kwargs)

    return call


DENIED = PermissionError(errno.EACCES, "Permission denied")
FULL = OSError(errno.ENOSPC, "No space left on device")
READ_ONLY_DISK = OSError(errno.EROFS, "Read-only file system")
COMMANDS = {
    "report": (["report", "svar.csv", "-o", "ut.xlsx"], "ut.xlsx"),
    "report folder": (["report", "svar.csv", "-o", "ny/"], "ny/svar_rapport.xlsx"),
    "template": (["excel", "template", "dimios", "-o", "ut.xlsx", "--rows", "5"], "ut.xlsx"),
    "samples": (["samples", "--copy-to", "ny"], "ny/"),
}


@pytest.mark.parametrize(
    ("where", "exc", "words"),
    [
        ("mkstemp", DENIED, "permission denied"),
        ("replace", DENIED, "permission denied"),
        ("mkstemp", FULL, "the disk is full"),
        ("fsync", FULL, "the disk is full"),  # the bytes did not fit after all
        ("mkstemp", READ_ONLY_DISK, "read-only disk"),
    ],
    ids=lambda v: v if isinstance(v, str) else errno.errorcode[v.errno],
)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_os_errors_are_exit_2_naming_the_path(
    run_cli, folder, monkeypatch, command, where, exc, words
):
    args, named = COMMANDS[command]
    if where == "mkstemp":
        monkeypatch.setattr(
            safe_write.tempfile, "mkstemp", _failing(safe_write.tempfile.mkstemp, folder, exc, None)
        )
    elif where == "replace":
        monkeypatch.setattr(os, "replace", _failing(os.replace, folder, exc, 1))
    else:

        def fsync(fd):  # safe_write fsyncs each file it wrote before moving it into place
            raise exc

        monkeypatch.setattr(os, "fsync", fsync)
    before = listing(folder)
    message = refused(run_cli(*args), f"Cannot write {named}", words)
    assert listing(folder) == before  # no temporary file, no folder made for the write
    assert re.search(r"\.(xlsx|pptx|csv|yaml)\b", message)


def test_a_missing_folder_is_named(run_cli, folder):
    template(run_cli, folder / "k.xlsx")
    for args in (
        ["report", "svar.csv", "-o", "saknas/r.pptx"],
        ["excel", "template", "dimios", "-o", "saknas/mall.xlsx"],
        ["excel", "recalc", "k.xlsx", "-o", "saknas/ut.xlsx"],
    ):
        refused(run_cli(*args), "Cannot write saknas/", "the folder saknas does not exist")
    assert listing(folder) == ["k.xlsx", "svar.csv"]


# ---- file mode -------------------------------------------------------------------------------
@POSIX
def test_new_files_get_the_ordinary_mode_never_0600(run_cli, folder, umask):
    expected = 0o666 & ~umask
    assert safe_write.file_mode() == expected == 0o640
    assert run_cli("report", "svar.csv", "-o", "rapport/").exit_code == 0
    template(run_cli, folder / "mall.xlsx")
    assert run_cli("excel", "recalc", "mall.xlsx", "-o", "ut.xlsx").exit_code == 0
    assert run_cli("samples", "--copy-to", "exempel").exit_code == 0
    written = [
        folder / "rapport" / "svar_rapport.xlsx",
        folder / "rapport" / "svar_rapport.pptx",
        folder / "mall.xlsx",
        folder / "ut.xlsx",
        *sorted((folder / "exempel").iterdir()),
    ]
    assert len(written) > 6
    modes = {p.name: oct(p.stat().st_mode & 0o777) for p in written}
    assert modes == {p.name: oct(expected) for p in written}


@POSIX
def test_a_replaced_file_keeps_its_mode(run_cli, folder, umask):
    own = folder / "mall.xlsx"
    own.write_bytes(b"private")
    own.chmod(0o600)
    out = run_cli("excel", "template", "dimios", "-o", own, "--rows", "5", "--force")
    assert out.exit_code == 0, out.stderr
    assert own.stat().st_mode & 0o777 == 0o600
    assert openpyxl.load_workbook(own).sheetnames[0] == "Instruktioner"


# ---- signals: a real child process is interrupted in the middle of a write -------------------
WRITER = """
import sys, time
from pathlib import Path
from mognad_core import safe_write

def writer(tmp):
    tmp.write_bytes(b"half a file")
    print("writing", flush=True)
    time.sleep(60)

out = Path(sys.argv[1])
safe_write.write_files(
    [(out / "a.xlsx", lambda tmp: tmp.write_bytes(b"done")), (out / "b.pptx", writer)],
    new_folder=out,
)
print("not interrupted", flush=True)
"""

REPORT = """
import sys, time
from mognad_core.report import excel_report

real = excel_report.write_excel

def slow(data, path):
    real(data, path)  # the whole workbook is in the temporary file
    print("writing", flush=True)
    time.sleep(60)

excel_report.write_excel = slow
from mognad_core.cli import main
main(["report", "svar.csv", "-o", sys.argv[1]])
"""


def _interrupt(code: str, cwd: Path, out: str, signum: int) -> subprocess.CompletedProcess:
    """Run ``code`` in a child, wait until it says it is writing, send ``signum``."""
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), out],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        line = ""
        while time.monotonic() < deadline:
            ready, _, _ = select.select([proc.stdout], [], [], 1.0)
            if ready:
                line = proc.stdout.readline()
                if "writing" in line or not line:
                    break
        assert "writing" in line, proc.stderr.read() if proc.poll() is not None else "timeout"
        proc.send_signal(signum)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


@POSIX
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_during_a_write_leaves_nothing(tmp_path, signum):
    (tmp_path / "ny").mkdir()
    (tmp_path / "ny" / "keep.txt").write_text("x", encoding="utf-8")
    result = _interrupt(WRITER, tmp_path, "ny/mapp", signum)
    assert result.returncode == -signum, result.stderr  # ended by the signal, as without mognad
    assert "not interrupted" not in result.stdout
    assert listing(tmp_path) == ["ny", "ny/keep.txt"]  # no temporary file, no new folder


@POSIX
def test_sigterm_during_mognad_report_leaves_nothing(folder):
    result = _interrupt(REPORT, folder, "ny/rapport/", signal.SIGTERM)
    assert result.returncode == -signal.SIGTERM, result.stderr
    assert "Traceback" not in result.stderr
    assert listing(folder) == ["svar.csv"]  # no folder, no hidden temporary file


HELD_BACK = """
import os, signal, sys
from pathlib import Path
from mognad_core import safe_write

real = os.replace
def replace(src, dst):
    if dst.name == "a.xlsx":  # between moving the first file and the second
        os.kill(os.getpid(), signal.SIGTERM)
    real(src, dst)
os.replace = replace
out = Path(sys.argv[1])
print("writing", flush=True)
safe_write.write_files(
    [
        (out / "a.xlsx", lambda t: t.write_bytes(b"a")),
        (out / "b.pptx", lambda t: t.write_bytes(b"b")),
    ]
)
print("not ended", flush=True)
"""


@POSIX
def test_a_signal_while_moving_into_place_waits_until_all_files_are_there(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-c", HELD_BACK, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == -signal.SIGTERM, proc.stderr  # still ended by the signal ...
    assert "not ended" not in proc.stdout
    assert listing(tmp_path) == ["a.xlsx", "b.pptx"]  # ... but after both files were moved
    assert (tmp_path / "b.pptx").read_bytes() == b"b"


# ---- every writing command goes through safe_write ------------------------------------------
WRITING_COMMANDS = {
    # command path: (arguments, files it writes)
    ("report",): (
        ["report", "svar.csv", "-o", "rapport/"],
        ["rapport/svar_rapport.xlsx", "rapport/svar_rapport.pptx"],
    ),
    ("excel", "template"): (
        ["excel", "template", "dimios", "-o", "mall.xlsx", "--rows", "5"],
        ["mall.xlsx"],
    ),
    ("excel", "recalc"): (["excel", "recalc", "källa.xlsx", "-o", "ut.xlsx"], ["ut.xlsx"]),
    ("excel", "install"): (
        ["excel", "install", "--config", "conf/xlwings.conf"],
        ["conf/xlwings.conf"],
    ),
    ("samples",): (["samples", "--copy-to", "exempel"], None),  # None: the bundled files
    ("mapping", "init"): (["mapping", "init", "svar.csv", "-o", "mapping.yaml"], ["mapping.yaml"]),
}
OUTPUT_OPTIONS = {"-o", "--output", "--copy-to", "--config", "--out"}


def _commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


def test_every_command_with_an_output_option_is_walked():
    from mognad_core.cli import _load_commands, cli

    _load_commands()
    writing = {
        path
        for path, command in _commands(cli)
        if any(set(p.opts) & OUTPUT_OPTIONS for p in command.params)
    }
    assert writing == set(WRITING_COMMANDS), "a new writing command: add it to the walk below"


@pytest.mark.parametrize("command", list(WRITING_COMMANDS), ids=" ".join)
def test_every_writing_command_writes_through_safe_write(run_cli, folder, monkeypatch, command):
    args, expected = WRITING_COMMANDS[command]
    template(run_cli, folder / "källa.xlsx")
    before = {p.resolve() for p in folder.rglob("*") if p.is_file()}
    calls: list[Path] = []
    real = safe_write.write_files

    def recording(jobs, **kwargs):
        jobs = list(jobs)
        calls.extend(Path(target).resolve() for target, _ in jobs)
        return real(jobs, **kwargs)

    monkeypatch.setattr(safe_write, "write_files", recording)
    out = run_cli(*args)
    assert out.exit_code == 0, out.stderr
    written = {p.resolve() for p in folder.rglob("*") if p.is_file()} - before
    assert written, "the command wrote nothing"
    assert set(calls) == written  # every new file went through safe_write, and only those
    if expected is not None:
        assert written == {(folder / e).resolve() for e in expected}


# Writing calls in shipped code that are allowed outside safe_write: each writes only the
# temporary path safe_write hands it.
ALLOWED = {
    ("mognad_core/report/excel_report.py", "build_workbook(data).save(path)"),
    ("mognad_core/report/slides.py", "self.prs.save(path)"),
    ("mognad_core/report/slides.py", "build_deck(data, progress).save(path)"),
    (
        "mognad_core/sample_data.py",
        'lambda tmp: frame.to_csv(tmp, sep=";", index=False, encoding="utf-8-sig"),',
    ),
}
WRITES = re.compile(
    r"(?<!safe_write)\.(save|to_excel|to_csv|write_bytes|write_text|mkdir|touch|rename)\("
    r"|os\.(replace|rename|makedirs)\(|mkstemp\(|shutil\.(copy\w*|move)\("
    r"|open\([^)]*['\"][wax]b?\+?['\"]"
)


def test_no_shipped_code_writes_a_file_around_safe_write():
    sources = [
        *(ROOT / "mognad_core").rglob("*.py"),
        *(ROOT / "excel" / "mognad_excel").rglob("*.py"),
        *(ROOT / "plugins").rglob("mognad_*/**/*.py"),
    ]
    found = set()
    for path in sources:
        rel = path.relative_to(ROOT).as_posix()
        if rel == "mognad_core/safe_write.py":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if WRITES.search(line) and not line.strip().startswith("#"):
                found.add((rel, line.strip()))
    assert found == ALLOWED


# ---- docs/robustness.md is the code's ---------------------------------------------------------
def test_the_documented_messages_are_the_code_messages(tmp_path, monkeypatch):
    doc = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    section = doc.split("## Writing files safely\n", 1)[1].split("\n## ", 1)[0]
    stated = re.findall(r"^\| [^|]+ \| `(.*)` \|$", section, flags=re.M)
    monkeypatch.chdir(tmp_path)

    def message(**kwargs) -> str:
        targets = kwargs.pop("targets")
        with pytest.raises(MognadError) as exc:
            safe_write.check_targets(targets, **kwargs)
        return str(exc.value)

    Path("rapport.xlsx").write_bytes(b"x")
    Path("svar.xlsx").write_bytes(b"x")
    Path("rapport").mkdir()
    pair = [Path("rapport/svar_rapport.xlsx"), Path("rapport/svar_rapport.pptx")]
    for p in pair:
        p.write_bytes(b"x")
    produced = [
        message(targets=["rapport.xlsx"]),
        message(targets=pair),
        message(targets=["svar.xlsx"], force=True, inputs=["svar.xlsx"]),
        message(targets=["saknas/rapport.xlsx"]),
        safe_write.describe(Path("rapport.xlsx"), DENIED),
        safe_write.describe(Path("usb/rapport.xlsx"), READ_ONLY_DISK),
        safe_write.describe(Path("rapport.xlsx"), FULL),
    ]
    assert stated == produced
    for name in re.findall(r"safe_write\.(\w+)\(", section):
        assert name in safe_write.__all__, name
    assert "`--force`" in section
