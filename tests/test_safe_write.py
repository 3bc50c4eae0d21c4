"""mognad_core.safe_write, and every command that writes a file going through it: existing files
need --force and stay intact without it, suffixes in any case, OS errors as exit 2 naming the
path, nothing left behind on an error, Ctrl+C or SIGTERM, the ordinary file mode, all or nothing.
Real files throughout; signals are sent to real child processes."""

from __future__ import annotations

import contextlib
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
from collections.abc import Callable, Iterator
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


def refused(result, *words: str, lang: str = "sv") -> str:
    """Exit 2, one message for people naming ``words``, no traceback, nothing on stdout; in
    Swedish ("Fel: ...", a command without --lang) or English ("Error: ...", --lang en)."""
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "This is a bug" not in result.stderr
    assert result.stdout == ""
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith({"sv": "Fel: ", "en": "Error: "}[lang]), message
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
        "befintlig.xlsx finns redan. Använd --force för att ersätta den.",
    )
    refused(
        run_cli("report", "svar.csv", "-o", "befintlig.xlsx", "--lang", "en"),
        "befintlig.xlsx already exists. Use --force to replace it.",
        lang="en",
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
        "svar_rapport.pptx finns redan. Använd --force",
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
        refused(run_cli(*args), "mall.xlsx finns redan. Använd --force för att ersätta den.")
        assert (folder / "mall.xlsx").read_bytes() == b"my own workbook"
        out = run_cli(*args, "--force")
        assert out.exit_code == 0, out.stderr
        assert openpyxl.load_workbook(folder / "mall.xlsx").sheetnames[0] == "Instruktioner"
        assert listing(folder) == ["källa.xlsx", "mall.xlsx", "svar.csv"]


# ---- in the command's language ----------------------------------------------------------------
def _fail_on_write(monkeypatch, exc: OSError) -> Callable[[], object]:
    """A write of r.txt whose temporary file cannot be made (``exc``)."""

    def mkstemp(*args, **kwargs):
        raise exc

    monkeypatch.setattr(safe_write.tempfile, "mkstemp", mkstemp)
    return lambda: safe_write.write_text("r.txt", "x")


def _fail_on_second_move(monkeypatch) -> Callable[[], object]:
    real = os.replace

    def replace(src, dst):
        if Path(dst).name == "b.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(dst))
        real(src, dst)

    monkeypatch.setattr(safe_write.os, "replace", replace)
    jobs = [("ut/a.txt", lambda tmp: tmp.write_bytes(b"a")), ("ut/b.txt", lambda tmp: None)]
    return lambda: safe_write.write_files(jobs)


def _write_protected(monkeypatch, target: str) -> Callable[[], object]:
    monkeypatch.setattr(safe_write.os, "access", lambda path, mode: not mode & os.W_OK)
    return lambda: safe_write.check_targets([target])


NOT_A_FOLDER = os.strerror(errno.ENOTDIR)
LANGUAGES = {
    "exists": (
        lambda mp: lambda: safe_write.check_targets(["rapport.xlsx"]),
        "rapport.xlsx finns redan. Använd --force för att ersätta den.",
        "rapport.xlsx already exists. Use --force to replace it.",
    ),
    "three exist": (
        lambda mp: lambda: safe_write.check_targets(["a.txt", "b.txt", "c.txt"]),
        "a.txt, b.txt och c.txt finns redan. Använd --force för att ersätta dem (inget skrevs).",
        "a.txt, b.txt and c.txt already exist. Use --force to replace them (nothing was written).",
    ),
    "input": (
        lambda mp: (
            lambda: safe_write.check_targets(["svar.xlsx"], force=True, inputs=["svar.xlsx"])
        ),
        "Skriver inte svar.xlsx: det är en indatafil, och mognad skriver aldrig över sina indata. "
        "Välj ett annat namn.",
        "Refusing to write svar.xlsx: that is an input file, and mognad never writes over its "
        "input. Choose another output name.",
    ),
    "a folder": (
        lambda mp: lambda: safe_write.check_targets(["ut"]),
        "ut är en mapp; där går det inte att skriva en fil. Ange ett filnamn.",
        "ut is a folder; cannot write a file there. Give a file name.",
    ),
    "no folder": (
        lambda mp: lambda: safe_write.check_targets(["saknas/r.xlsx"]),
        "Kan inte skriva saknas/r.xlsx: mappen saknas finns inte. Skapa den först eller välj en "
        "annan sökväg.",
        "Cannot write saknas/r.xlsx: the folder saknas does not exist. Create it first or choose "
        "another output path.",
    ),
    "not a folder": (
        lambda mp: lambda: safe_write.check_targets(["fil.txt/r.xlsx"]),
        "Kan inte skriva fil.txt/r.xlsx: fil.txt är inte en mapp.",
        "Cannot write fil.txt/r.xlsx: fil.txt is not a folder.",
    ),
    "write-protected here": (
        lambda mp: _write_protected(mp, "r.xlsx"),
        "Kan inte skriva r.xlsx: åtkomst nekad (den aktuella mappen är skrivskyddad). Välj en "
        "annan sökväg.",
        "Cannot write r.xlsx: permission denied (the current folder is write-protected). Choose "
        "another output path.",
    ),
    "write-protected folder": (
        lambda mp: _write_protected(mp, "ut/r.xlsx"),
        "Kan inte skriva ut/r.xlsx: åtkomst nekad (mappen ut är skrivskyddad). Välj en annan "
        "sökväg.",
        "Cannot write ut/r.xlsx: permission denied (the folder ut is write-protected). Choose "
        "another output path.",
    ),
    "permission denied": (
        lambda mp: _fail_on_write(mp, DENIED),
        "Kan inte skriva r.txt: åtkomst nekad (den aktuella mappen är skrivskyddad, eller filen "
        "är öppen i ett annat program). Stäng den eller välj en annan sökväg.",
        "Cannot write r.txt: permission denied (the current folder is write-protected, or the "
        "file is open in another program). Close it or choose another output path.",
    ),
    "disk full": (
        lambda mp: _fail_on_write(mp, FULL),
        "Kan inte skriva r.txt: disken är full (inget utrymme kvar på enheten). Frigör utrymme "
        "eller välj en annan mapp, och kör kommandot igen.",
        "Cannot write r.txt: the disk is full (no space left on the device). Free some space or "
        "choose another folder, and run the command again.",
    ),
    "read-only disk": (
        lambda mp: _fail_on_write(mp, READ_ONLY_DISK),
        "Kan inte skriva r.txt: den aktuella mappen ligger på en skrivskyddad disk. Välj en annan "
        "sökväg.",
        "Cannot write r.txt: the current folder is on a read-only disk. Choose another output "
        "path.",
    ),
    "folder gone": (
        lambda mp: _fail_on_write(mp, FileNotFoundError(errno.ENOENT, "No such file")),
        "Kan inte skriva r.txt: mappen . finns inte. Skapa den först eller välj en annan sökväg.",
        "Cannot write r.txt: the folder . does not exist. Create it first or choose another "
        "output path.",
    ),
    "another OS error": (
        lambda mp: _fail_on_write(mp, OSError(errno.EIO, "Input/output error")),
        "Kan inte skriva r.txt (systemets felmeddelande: Input/output error).",
        "Cannot write r.txt: Input/output error.",
    ),
    "folder not made": (
        lambda mp: lambda: safe_write.write_text("fil.txt/ny/r.txt", "x", new_folder="fil.txt/ny"),
        f"Kan inte skapa mappen fil.txt/ny (systemets felmeddelande: {NOT_A_FOLDER}).",
        f"Cannot create the folder fil.txt/ny: {NOT_A_FOLDER}.",
    ),
    "one of two written": (
        _fail_on_second_move,
        "Kan inte skriva ut/b.txt: åtkomst nekad (mappen ut är skrivskyddad, eller filen är öppen "
        "i ett annat program). Stäng den eller välj en annan sökväg. (ut/a.txt har redan "
        "skrivits.)",
        "Cannot write ut/b.txt: permission denied (the folder ut is write-protected, or the file "
        "is open in another program). Close it or choose another output path. (ut/a.txt was "
        "written.)",
    ),
}


@pytest.mark.parametrize("case", list(LANGUAGES))
def test_every_message_is_in_swedish_and_in_english(tmp_path, monkeypatch, case):
    """Each message of safe_write is a catalogue Message: Swedish by default, English on
    request, never mixed; ``str(err)`` is the English text."""
    make, sv, en = LANGUAGES[case]
    monkeypatch.chdir(tmp_path)
    for name in ("rapport.xlsx", "a.txt", "b.txt", "c.txt", "svar.xlsx", "fil.txt"):
        Path(name).write_bytes(b"x")
    Path("ut").mkdir()
    call = make(monkeypatch)
    with pytest.raises(MognadError) as exc:
        call()
    err = exc.value
    assert err.translatable()
    assert (err.text("sv"), err.text("en"), str(err)) == (sv, en, en)
    assert err.text() == sv  # Swedish unless asked


def test_describe_speaks_either_language(tmp_path):
    target = tmp_path / "r.xlsx"
    message = safe_write.os_error_message(target, FULL)
    assert safe_write.describe(target, FULL) == message.text("en")
    assert safe_write.describe(target, FULL, "sv") == message.text("sv")
    assert message.text("sv").startswith(f"Kan inte skriva {target}: disken är full")


def test_the_cli_writes_the_message_in_the_command_s_language(run_cli, folder):
    """No --lang: Swedish ("Fel: ... finns redan"); --lang en: English ("Error: ...")."""
    (folder / "mall.xlsx").write_bytes(b"my own workbook")
    args = ["excel", "template", "dimios", "-o", "mall.xlsx", "--rows", "5"]
    sv = refused(run_cli(*args), lang="sv")
    en = refused(run_cli(*args, "--lang", "en"), lang="en")
    assert sv == "Fel: mall.xlsx finns redan. Använd --force för att ersätta den."
    assert en == "Error: mall.xlsx already exists. Use --force to replace it."
    input_file = refused(run_cli("excel", "recalc", "mall.xlsx", "-o", "mall.xlsx", "--force"))
    assert input_file == (
        "Fel: Skriver inte mall.xlsx: det är en indatafil, och mognad skriver aldrig över sina "
        "indata. Välj ett annat namn."
    )
    assert (folder / "mall.xlsx").read_bytes() == b"my own workbook"


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
            refused(run_cli(*args), "Kan inte skriva skrivskyddad/", "är skrivskyddad")
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
        ("mkstemp", DENIED, ("åtkomst nekad", "permission denied")),
        ("replace", DENIED, ("åtkomst nekad", "permission denied")),
        ("mkstemp", FULL, ("disken är full", "the disk is full")),
        ("fsync", FULL, ("disken är full", "the disk is full")),  # the bytes did not fit after all
        ("mkstemp", READ_ONLY_DISK, ("på en skrivskyddad disk", "read-only disk")),
    ],
    ids=lambda v: errno.errorcode[v.errno] if isinstance(v, OSError) else None,
)
@pytest.mark.parametrize("command", [*COMMANDS, "report en"])
def test_os_errors_are_exit_2_naming_the_path(
    run_cli, folder, monkeypatch, command, where, exc, words
):
    """In Swedish (no --lang) for every command, and in English for one with --lang en."""
    lang = "en" if command.endswith(" en") else "sv"
    args, named = COMMANDS[command.removesuffix(" en")]
    if lang == "en":
        args = [*args, "--lang", "en"]
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
    cannot = {"sv": "Kan inte skriva", "en": "Cannot write"}[lang]
    message = refused(run_cli(*args), f"{cannot} {named}", words[lang == "en"], lang=lang)
    assert listing(folder) == before  # no temporary file, no folder made for the write
    assert re.search(r"\.(xlsx|pptx|csv|yaml)\b", message)


def test_a_missing_folder_is_named(run_cli, folder):
    template(run_cli, folder / "k.xlsx")
    for args in (
        ["report", "svar.csv", "-o", "saknas/r.pptx"],
        ["excel", "template", "dimios", "-o", "saknas/mall.xlsx"],
        ["excel", "recalc", "k.xlsx", "-o", "saknas/ut.xlsx"],
    ):
        refused(run_cli(*args), "Kan inte skriva saknas/", "mappen saknas finns inte")
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
    """Run ``code`` in a child, wait until it says it is writing, send ``signum``. The child
    starts with Ctrl+C at its default, as in a terminal: a test run started in the background
    (``cmd &``) passes on SIGINT ignored, and Python would then never raise KeyboardInterrupt."""
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), out],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
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
LITE_WHEEL = "https://intra.example.se/mognad-1.0-py3-none-any.whl"
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
    ("excel", "lite"): (
        ["excel", "lite", "--wheel-url", LITE_WHEEL, "-o", "lite"],
        ["lite/requirements.txt", "lite/main.py"],
    ),
    ("samples",): (["samples", "--copy-to", "exempel"], None),  # None: the bundled files
    ("mapping", "init"): (["mapping", "init", "svar.csv", "-o", "mapping.yaml"], ["mapping.yaml"]),
    ("models", "sample"): (["models", "sample", "dmm", "-o", "påhittat.csv"], ["påhittat.csv"]),
    ("plugin", "new"): (
        ["plugin", "new", "acme", "--dir", "ny"],
        [
            f"ny/mognad-acme/{name}"
            for name in (
                "pyproject.toml",
                "README.md",
                ".gitignore",
                "mognad_acme/__init__.py",
                "mognad_acme/model.yaml",
                "mognad_acme/plugin.py",
                "mognad_acme/samples/acme_svar.csv",
                "tests/conftest.py",
                "tests/test_acme.py",
            )
        ],
    ),
}
OUTPUT_OPTIONS = {"-o", "--output", "--copy-to", "--config", "--out", "--dir"}


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
    ("excel/mognad_excel/lite.py", 'tmp.write_text(content, encoding="utf-8", newline="\\n")'),
    ("mognad_core/report/excel_report.py", "build_workbook(data).save(path)"),
    ("mognad_core/report/slides.py", "self.prs.save(path)"),
    ("mognad_core/report/slides.py", "build_deck(data, progress).save(path)"),
    (
        "mognad_core/sample_data.py",
        'return lambda tmp: frame.to_csv(tmp, sep=";", index=False, encoding="utf-8-sig")',
    ),
    ("mognad_core/scaffold.py", 'return lambda tmp: tmp.write_text(content, encoding="utf-8")'),
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
    stated = re.findall(r"^\| [^|]+ \| `([^`]*)` \| `([^`]*)` \|$", section, flags=re.M)
    monkeypatch.chdir(tmp_path)

    def message(**kwargs) -> tuple[str, str]:
        targets = kwargs.pop("targets")
        with pytest.raises(MognadError) as exc:
            safe_write.check_targets(targets, **kwargs)
        return exc.value.text("sv"), str(exc.value)

    def describe(path: Path, exc: OSError) -> tuple[str, str]:
        return safe_write.describe(path, exc, "sv"), safe_write.describe(path, exc)

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
        describe(Path("rapport.xlsx"), DENIED),
        describe(Path("usb/rapport.xlsx"), READ_ONLY_DISK),
        describe(Path("rapport.xlsx"), FULL),
    ]
    assert len(stated) == 7 and stated == produced
    for name in re.findall(r"safe_write\.(\w+)\(", section):
        assert name in safe_write.__all__, name
    assert "`--force`" in section


# ---- what mutation testing found (docs/quality.md) ------------------------------------------
# Each test names the mutations of safe_write.py it kills (mutmut, scripts/mutation.sh). The
# signal tests above send signals to child processes; mutmut learns which tests reach a function
# in its own process only, so the guard is also tested here in this process, with the signal
# that would end the process recorded instead (``raised``).


@pytest.fixture
def default_signals():
    """SIGINT and SIGTERM as a plain process has them (the guard only takes over defaults);
    the handlers before the test are back after it."""
    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    restore = signal.signal  # the real one, also where a test replaces it
    restore(signal.SIGINT, signal.default_int_handler)
    restore(signal.SIGTERM, signal.SIG_DFL)
    yield
    for signum, handler in before.items():
        restore(signum, handler)


@pytest.fixture
def raised(monkeypatch) -> list:
    """The signals safe_write raises again after its cleanup, recorded instead of raised."""
    seen: list = []
    monkeypatch.setattr(safe_write.signal, "raise_signal", seen.append)
    return seen


@contextlib.contextmanager
def _no_stray_ctrl_c() -> Iterator[None]:
    """A KeyboardInterrupt escaping where none should fails the test, instead of stopping the
    whole session (mutmut's runner counts a session stopped so as passed: the order of the
    tests decided whether a guard that never took over a signal was caught)."""
    try:
        yield
    except KeyboardInterrupt:
        pytest.fail("a KeyboardInterrupt escaped: the signal guard did not handle the signal")


def _signal_myself(signum: int, after: list) -> None:
    os.kill(os.getpid(), signum)
    time.sleep(2)  # the handler raises before this ends
    after.append("not interrupted")


@POSIX
def test_sigterm_in_this_process_cleans_up_then_ends_as_sigterm(tmp_path, default_signals, raised):
    """Kills the guard not taking over SIGTERM (``is threading.main_thread()``, ``current =
    None``, ``not in (SIG_DFL, ...)``), every signal held back from the start (``depth = 1``),
    the mutations of _Terminated, of _raise and of raising the signal again (``signum = None``,
    ``raise_signal(None)``, ``SystemExit(None)``, ``128 - signum``, ``129 + signum``)."""
    after: list = []

    def writer(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        _signal_myself(signal.SIGTERM, after)

    with _no_stray_ctrl_c(), pytest.raises(SystemExit) as exc:
        safe_write.write_file(tmp_path / "r.txt", writer)
    assert exc.value.code == 128 + signal.SIGTERM and raised == [signal.SIGTERM]
    assert after == [] and listing(tmp_path) == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the previous handler is back


@POSIX
def test_ctrl_c_in_this_process_is_keyboard_interrupt_after_the_cleanup(
    tmp_path, default_signals, raised
):
    """SIGINT becomes KeyboardInterrupt, as without mognad, and is not raised again. Kills the
    mutations of _raise's ``is signal.default_int_handler``."""
    after: list = []
    during = []

    def writer(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        during.append(signal.getsignal(signal.SIGINT))
        _signal_myself(signal.SIGINT, after)

    with pytest.raises(KeyboardInterrupt):
        safe_write.write_file(tmp_path / "r.txt", writer)
    assert during[0] is not signal.default_int_handler  # the guard's handler while writing
    assert raised == [] and after == [] and listing(tmp_path) == []
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@POSIX
def test_sigterm_while_moving_into_place_in_this_process_waits_for_all_files(
    tmp_path, monkeypatch, default_signals, raised
):
    """Kills the mutations of _handle and deferred (a held-back signal lost or raised at once)."""
    real = os.replace
    moved = []

    def replace(src, dst):
        real(src, dst)
        moved.append(dst)
        if len(moved) == 1:
            os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(safe_write.os, "replace", replace)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    with _no_stray_ctrl_c(), pytest.raises(SystemExit) as exc:
        safe_write.write_files(
            [(a, lambda tmp: tmp.write_bytes(b"a")), (b, lambda tmp: tmp.write_bytes(b"b"))]
        )
    assert exc.value.code == 128 + signal.SIGTERM and raised == [signal.SIGTERM]
    assert (a.read_bytes(), b.read_bytes()) == (b"a", b"b") and listing(tmp_path) == [
        "a.txt",
        "b.txt",
    ]


@POSIX
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_during_the_cleanup_waits_for_it(
    tmp_path, monkeypatch, default_signals, raised, signum
):
    """A signal while cleaning up after an error: SIGTERM is delivered after the cleanup, as it
    would have ended the process; Ctrl+C lets the error through. Kills the mutations of the
    pending signal in _SignalGuard.__exit__ (``pending = None``, ``signum is not None``,
    ``previous.get(None)``, ``is signal.default_int_handler``, ``signum = None``, the and/or
    swaps)."""
    real = Path.unlink

    def unlink(self, missing_ok=False):
        os.kill(os.getpid(), signum)  # arrives while the temporary files are removed
        real(self, missing_ok)

    def broken(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        monkeypatch.setattr(Path, "unlink", unlink)
        raise RuntimeError("the writer broke")

    if signum == signal.SIGTERM:
        with _no_stray_ctrl_c(), pytest.raises(SystemExit) as exc:
            safe_write.write_file(tmp_path / "r.txt", broken)
        assert exc.value.code == 128 + signum and raised == [signum]
    else:
        with _no_stray_ctrl_c(), pytest.raises(RuntimeError, match="the writer broke"):
            safe_write.write_file(tmp_path / "r.txt", broken)
        assert raised == []
    monkeypatch.undo()
    assert listing(tmp_path) == []


@pytest.mark.parametrize("error", [ValueError, OSError, RuntimeError])
def test_a_write_goes_on_where_signal_handlers_cannot_be_set(tmp_path, monkeypatch, error):
    """signal.signal refusing (outside the main thread, or an embedding host): the file is still
    written. Kills the mutations of ``suppress(ValueError, OSError, RuntimeError)`` in
    _SignalGuard.__enter__."""

    def refuse(signum, handler):
        raise error("no signal handlers here")

    monkeypatch.setattr(safe_write.signal, "signal", refuse)
    safe_write.write_text(tmp_path / "r.txt", "x")
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == "x"


@POSIX
@pytest.mark.parametrize("error", [ValueError, OSError, TypeError])
def test_a_write_goes_on_where_the_handlers_cannot_be_restored(
    tmp_path, monkeypatch, default_signals, error
):
    """Kills the mutations of ``suppress(ValueError, OSError, TypeError)`` in
    _SignalGuard.__exit__."""
    real = signal.signal

    def refuse_to_restore(signum, handler):
        if handler in (signal.SIG_DFL, signal.default_int_handler):
            raise error("cannot restore")
        return real(signum, handler)

    monkeypatch.setattr(safe_write.signal, "signal", refuse_to_restore)
    safe_write.write_text(tmp_path / "r.txt", "x")
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == "x"


def test_three_existing_targets_are_named_in_order(tmp_path):
    """Kills the mutations of _names (``", ".join(text[:-1]) + " and " + text[-1]``)."""
    paths = [tmp_path / name for name in ("a.txt", "b.txt", "c.txt")]
    for p in paths:
        p.write_bytes(b"x")
    with pytest.raises(MognadError) as exc:
        safe_write.check_targets(paths)
    assert str(exc.value).startswith(f"{paths[0]}, {paths[1]} and {paths[2]} already exist.")


def test_a_failed_move_names_the_file_already_written(tmp_path, monkeypatch):
    """os.replace failing for the second file: the message names the first, which is in place.
    Kills the mutations of ``message += f" ({_names(moved)} was written.)"``,
    ``moved.append(None)``, _names of one path, and ``suppress(None)`` around removing the
    temporary files (the first one is gone already)."""
    real = os.replace
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"

    def replace(src, dst):
        if Path(dst) == b:
            raise PermissionError(errno.EACCES, "Permission denied", str(dst))
        real(src, dst)

    monkeypatch.setattr(safe_write.os, "replace", replace)
    with pytest.raises(MognadError) as exc:
        safe_write.write_files(
            [(a, lambda tmp: tmp.write_bytes(b"a")), (b, lambda tmp: tmp.write_bytes(b"b"))]
        )
    message = str(exc.value)
    assert message.startswith(f"Cannot write {b}: permission denied")
    assert message.endswith(f"output path. ({a} was written.)")
    assert listing(tmp_path) == ["a.txt"]


def test_every_target_is_checked_after_one_in_the_folder_to_be_made(tmp_path):
    """Kills ``continue`` -> ``break`` in check_targets (the targets after one in the new
    folder went unchecked)."""
    with pytest.raises(MognadError, match="does not exist"):
        safe_write.check_targets(
            [tmp_path / "ny" / "a.txt", tmp_path / "saknas" / "b.txt"], new_folder=tmp_path / "ny"
        )


def test_folders_inside_the_new_folder_are_made_and_removed_again(tmp_path):
    """Targets in folders inside ``new_folder`` (a package: mognad plugin new) are written, the
    folders made; on a failure every folder made is removed, the deepest first. A folder whose
    name only starts like the new folder's is not inside it."""
    root = tmp_path / "ny"
    targets = [root / "a.txt", root / "pkg" / "data" / "b.txt", root / "tests" / "c.txt"]
    safe_write.write_files(
        [(t, lambda tmp: tmp.write_bytes(b"x")) for t in targets], new_folder=root
    )
    written = ["ny", "ny/a.txt", "ny/pkg", "ny/pkg/data", "ny/pkg/data/b.txt", "ny/tests"]
    written.append("ny/tests/c.txt")
    assert listing(tmp_path) == written

    def half(tmp: Path) -> None:
        tmp.write_bytes(b"h")
        raise OSError(errno.EIO, "I/O error")

    other = tmp_path / "annan" / "djup"
    jobs = [(other / "x" / "a.txt", lambda tmp: tmp.write_bytes(b"a")), (other / "b.txt", half)]
    with pytest.raises(MognadError):
        safe_write.write_files(jobs, new_folder=other)
    assert listing(tmp_path) == written  # annan/, annan/djup/ and annan/djup/x/ are gone
    with pytest.raises(MognadError, match="does not exist"):
        safe_write.check_targets([tmp_path / "ny2" / "a.txt"], new_folder=root)


def test_a_target_under_a_file_is_refused_naming_the_file(tmp_path):
    """Kills ``MognadError(None)`` for a parent that is not a folder."""
    (tmp_path / "fil.txt").write_bytes(b"x")
    target = tmp_path / "fil.txt" / "r.xlsx"
    with pytest.raises(MognadError) as exc:
        safe_write.check_targets([target])
    assert str(exc.value) == f"Cannot write {target}: {tmp_path / 'fil.txt'} is not a folder."


def test_a_write_protected_folder_is_named_also_when_run_as_root(tmp_path, monkeypatch):
    """root may write anywhere, so the folder is write-protected for os.access alone: asked
    for write permission it says no. Kills ``W_OK & X_OK`` (which asks whether the folder
    exists) and the mutations of the message."""
    monkeypatch.setattr(safe_write.os, "access", lambda path, mode: not mode & os.W_OK)
    target = tmp_path / "r.xlsx"
    with pytest.raises(MognadError) as exc:
        safe_write.check_targets([target])
    assert str(exc.value) == (
        f"Cannot write {target}: permission denied (the folder {tmp_path} is write-protected). "
        "Choose another output path."
    )


def test_a_failed_write_keeps_an_empty_folder_that_was_there(tmp_path):
    """Kills ``while not lexists(p) or p != p.parent`` in _missing_folders (folders that were
    there counted as made, and removed again when empty)."""
    (tmp_path / "tom").mkdir()

    def broken(tmp: Path) -> None:
        raise RuntimeError("the writer broke")

    folder = tmp_path / "tom" / "ny"
    with pytest.raises(RuntimeError):
        safe_write.write_file(folder / "r.txt", broken, new_folder=folder)
    assert listing(tmp_path) == ["tom"]


def test_a_made_folder_with_other_files_in_it_stays_after_a_failure(tmp_path):
    """Kills ``suppress(None)`` around removing a made folder (not empty: the error stays the
    writer's)."""
    folder = tmp_path / "ny"

    def writer(tmp: Path) -> None:
        (folder / "annat.txt").write_text("x", encoding="utf-8")  # written by something else
        raise RuntimeError("the writer broke")

    with pytest.raises(RuntimeError, match="the writer broke"):
        safe_write.write_file(folder / "r.txt", writer, new_folder=folder)
    assert listing(tmp_path) == ["ny", "ny/annat.txt"]


def test_a_folder_that_cannot_be_made_is_named(tmp_path):
    """Kills ``MognadError(None)`` and ``exc.strerror and exc`` in the message."""
    (tmp_path / "fil.txt").write_bytes(b"x")
    folder = tmp_path / "fil.txt" / "ny"
    with pytest.raises(MognadError) as exc:
        safe_write.write_text(folder / "r.txt", "x", new_folder=folder)
    assert str(exc.value) == f"Cannot create the folder {folder}: {os.strerror(errno.ENOTDIR)}."


def test_a_folder_that_cannot_be_made_for_a_reason_without_an_os_text_is_named(
    tmp_path, monkeypatch
):
    """An OSError without strerror (raised by a file system layer with a text of its own):
    the text is quoted. Kills ``str(exc)`` -> ``str(None)`` in the message."""
    folder = tmp_path / "ny"
    real = Path.mkdir

    def mkdir(self, *args, **kwargs):
        if self == folder:
            raise OSError("nätverksenheten svarar inte")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    with pytest.raises(MognadError) as exc:
        safe_write.write_text(folder / "r.txt", "x", new_folder=folder)
    assert str(exc.value) == f"Cannot create the folder {folder}: nätverksenheten svarar inte."
    assert exc.value.text("sv") == (
        f"Kan inte skapa mappen {folder} (systemets felmeddelande: nätverksenheten svarar inte)."
    )
    assert listing(tmp_path) == []


def test_a_file_that_appears_during_the_write_is_not_replaced(tmp_path):
    """Kills ``check_targets(targets, force=True)`` in the check before moving into place."""
    target = tmp_path / "r.txt"

    def writer(tmp: Path) -> None:
        tmp.write_text("ours", encoding="utf-8")
        target.write_text("theirs", encoding="utf-8")  # another program, meanwhile

    with pytest.raises(MognadError, match="already exists"):
        safe_write.write_file(target, writer)
    assert target.read_text(encoding="utf-8") == "theirs" and listing(tmp_path) == ["r.txt"]


def test_every_entry_point_needs_force_and_passes_it_on(tmp_path):
    """Kills ``force: bool = True`` in write_file, write_files and write_text, and write_text
    not passing ``force`` on."""
    target = tmp_path / "r.txt"
    target.write_text("old", encoding="utf-8")
    calls = [
        lambda: safe_write.write_file(target, lambda tmp: tmp.write_text("new")),
        lambda: safe_write.write_files([(target, lambda tmp: tmp.write_text("new"))]),
        lambda: safe_write.write_text(target, "new"),
    ]
    for call in calls:
        with pytest.raises(MognadError, match="already exists"):
            call()
    assert target.read_text(encoding="utf-8") == "old"
    safe_write.write_text(target, "ny", force=True)
    assert target.read_text(encoding="utf-8") == "ny"


def test_write_text_uses_the_encoding_it_is_given(tmp_path):
    """Kills ``encoding=None`` and no encoding in write_text's writer."""
    safe_write.write_text(tmp_path / "u.txt", "åäö", encoding="utf-16")
    assert (tmp_path / "u.txt").read_bytes() == "åäö".encode("utf-16")


def test_write_file_never_writes_over_an_input(tmp_path):
    """Kills write_file not passing ``inputs`` on."""
    source = tmp_path / "svar.csv"
    source.write_bytes(b"x")
    with pytest.raises(MognadError, match="input file"):
        safe_write.write_file(
            source, lambda tmp: tmp.write_bytes(b"y"), force=True, inputs=[source]
        )
    assert source.read_bytes() == b"x"


@POSIX
def test_an_explicit_mode_is_passed_on(tmp_path, umask):
    """Kills ``mode=None`` or no mode in write_file and copy_files, and ``file_mode() if
    (mode is None) or True`` in write_files (the umask fixture would give 0o640)."""
    safe_write.write_file(tmp_path / "a.txt", lambda tmp: tmp.write_bytes(b"a"), mode=0o600)
    (tmp_path / "källa.txt").write_bytes(b"k")
    safe_write.copy_files([(tmp_path / "källa.txt", tmp_path / "b.txt")], mode=0o600)
    for name in ("a.txt", "b.txt"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600, name


@POSIX
def test_file_mode_is_0o666_minus_the_umask():
    """Kills ``439 & ~mask`` (0o667: executable for others under umask 0o022)."""
    old = os.umask(0o022)
    try:
        assert safe_write.file_mode() == 0o644
        os.umask(0o002)
        assert safe_write.file_mode() == 0o664
    finally:
        os.umask(old)


def test_same_file_with_a_name_too_long_for_the_file_system(tmp_path):
    """exists() raises for such a name; the paths are then compared by name. Kills
    ``suppress(None)`` in same_file."""
    long = tmp_path / ("x" * 300)
    assert not safe_write.same_file(long, tmp_path / "y")
    assert safe_write.same_file(long, long)


EDQUOT = getattr(errno, "EDQUOT", None)


@pytest.mark.parametrize(
    ("exc", "why"),
    [
        pytest.param(
            OSError(EDQUOT, "Disk quota exceeded"),
            "the disk is full (no space left on the device). Free some space or choose another "
            "folder, and run the command again",
            marks=pytest.mark.skipif(EDQUOT is None, reason="no EDQUOT here"),
            id="quota",
        ),
        pytest.param(
            PermissionError("no error number"),
            "permission denied (the folder {folder} is write-protected, or the file is open in "
            "another program). Close it or choose another output path",
            id="permission-without-errno",
        ),
        pytest.param(
            FileNotFoundError(errno.ENOENT, "No such file or directory", "{folder}/.r.x.xlsx"),
            "the folder {folder} does not exist. Create it first or choose another output path",
            id="temporary-file-missing",
        ),
        pytest.param(
            FileNotFoundError(errno.ENOENT, "No such file or directory", "/annan/källa.xlsx"),
            "/annan/källa.xlsx: No such file or directory",
            id="other-file-missing",
        ),
        pytest.param(OSError(errno.EIO, "Input/output error"), "Input/output error", id="EIO"),
        pytest.param(OSError("trasig"), "trasig", id="text-only"),
        pytest.param(OSError(), "OSError", id="nothing"),
    ],
)
def test_describe_says_what_went_wrong(tmp_path, exc, why):
    """Kills the mutations of describe's branches (EDQUOT, permission without an errno, a
    missing folder against a missing other file, the fallbacks strerror -> str -> type name)
    and of _about_other_file."""
    folder = tmp_path / "ut"
    if exc.filename:  # a copy naming this test's folder (the parameter is shared between runs)
        exc = type(exc)(exc.errno, exc.strerror, exc.filename.format(folder=folder))
    target = folder / "r.xlsx"
    assert (
        safe_write.describe(target, exc) == f"Cannot write {target}: {why.format(folder=folder)}."
    )
