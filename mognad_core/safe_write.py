"""Writing the files a person asked for, safely: the one way mognad writes an output file.

Every command and API function that writes a file (``mognad report`` and ``build_report``,
``mognad excel template``, ``mognad excel recalc``, ``mognad excel install``, ``mognad samples
--copy-to``, ``mognad plugin new``) goes through :func:`write_files`, which guarantees:

* **Checked first** (:func:`check_targets`, also callable before expensive work): an existing file
  is replaced only with ``force=True`` (``--force``); an input file is never written over; the
  folder must exist (or be the one folder the caller may create) and be writable.
* **Never half-written.** Each writer gets a hidden temporary file beside its target
  (``mkstemp(dir=parent)``), registered for removal before the writer runs. Only when every
  writer has succeeded are the files moved into place with ``os.replace`` (all or nothing).
* **Cleaned up** on any error, Ctrl+C (SIGINT) or SIGTERM: the temporary files are removed, a
  folder made for the write is removed again, the targets are as they were. While writing, a
  signal handler turns SIGINT/SIGTERM into an exception so the cleanup runs; afterwards the
  previous handler is back and SIGTERM ends the process as it would have.
* **The ordinary mode**: a new file gets ``0o666`` minus the umask (``0644`` usually), not
  mkstemp's ``0600``; a replaced file keeps its own mode.
* **Errors for people**: a missing folder, a permission error, a read-only disk or a full disk is
  a :class:`~mognad_core.errors.MognadError` (exit code 2) naming the path. Its message is a
  :class:`~mognad_core.texts.Message` (keys ``safe_write.*``), written in the command's language
  (Swedish by default, English with ``--lang en``); ``str(err)`` is the English text.

Suffixes are compared without regard to case everywhere (:func:`suffix`, :func:`has_suffix`).
The pattern is hatch's ``Path.write_atomic`` (``src/hatch/utils/fs.py``). See
``docs/robustness.md``, section "Writing files safely".
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .errors import MognadError
from .texts import Message

#: A writer writes the whole file to the temporary path it is given.
Writer = Callable[[Path], None]
PathLike = str | os.PathLike

__all__ = [
    "Writer",
    "check_targets",
    "copy_files",
    "describe",
    "file_mode",
    "has_suffix",
    "os_error_message",
    "same_file",
    "suffix",
    "write_file",
    "write_files",
    "write_text",
]


# ---- names and checks ---------------------------------------------------------------------
def suffix(path: PathLike) -> str:
    """The suffix of ``path`` in lower case (``Rapport.XLSX`` -> ``.xlsx``)."""
    return Path(path).suffix.lower()


def has_suffix(path: PathLike, *suffixes: str) -> bool:
    """Whether ``path`` ends in one of ``suffixes``, whatever the case."""
    return suffix(path) in {s.lower() for s in suffixes}


def same_file(a: PathLike, b: PathLike) -> bool:
    """Whether ``a`` and ``b`` are the same file (through links, ``..`` and case-insensitive
    file systems when both exist; by their resolved paths otherwise)."""
    a, b = Path(a), Path(b)
    with contextlib.suppress(OSError):
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    return a.resolve() == b.resolve()


def _absolute(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def _folder(folder: Path) -> Message:
    if str(folder) in ("", "."):
        return Message("safe_write.current_folder")
    return Message("safe_write.folder", folder=str(folder))


def _names(paths: list[Path]) -> list[str]:
    """The paths as a list a :class:`Message` joins ("a, b och c" / "a, b and c")."""
    return [str(p) for p in paths]


def _cannot_write(path: Path, why: Message) -> MognadError:
    return MognadError(Message("safe_write.cannot_write", path=str(path), why=why))


def check_targets(
    targets: Iterable[PathLike],
    *,
    force: bool = False,
    inputs: Iterable[PathLike] = (),
    new_folder: PathLike | None = None,
) -> None:
    """Raise :class:`MognadError` unless every target may be written.

    Refused: a target that is an input file, a target that is a folder, a target in a folder that
    does not exist (except ``new_folder`` and folders inside it, which :func:`write_files`
    creates), a folder that is
    not writable, and, without ``force``, any target that exists (all are named; none is
    written).
    """
    paths = [Path(t) for t in targets]
    sources = [Path(i) for i in inputs]
    allowed = Path(new_folder) if new_folder is not None else None
    for path in paths:
        for source in sources:
            if same_file(path, source):
                raise MognadError(Message("safe_write.input_file", path=str(path)))
        if path.is_dir():
            raise MognadError(Message("safe_write.is_folder", path=str(path)))
        parent = path.parent
        if not parent.exists():
            if allowed is not None and _within(parent, allowed):
                continue
            raise _cannot_write(path, Message("safe_write.no_folder", folder=str(parent)))
        if not parent.is_dir():
            raise _cannot_write(path, Message("safe_write.not_folder", parent=str(parent)))
        if not os.access(parent, os.W_OK | os.X_OK):
            raise _cannot_write(path, Message("safe_write.protected", folder=_folder(parent)))
    if not force:
        existing = [p for p in paths if os.path.lexists(p)]
        if len(existing) == 1:
            raise MognadError(Message("safe_write.exists", path=str(existing[0])))
        if existing:
            raise MognadError(Message("safe_write.exist_many", paths=_names(existing)))


def _within(folder: Path, base: Path) -> bool:
    """Whether ``folder`` is ``base`` or a folder inside it (compared as absolute paths)."""
    folder_path, base_path = _absolute(folder), _absolute(base)
    return folder_path == base_path or folder_path.startswith(os.path.join(base_path, ""))


def os_error_message(path: PathLike, exc: OSError) -> Message:
    """A message for people about an OS error while writing ``path``, put into words in the
    reader's language at the edge (``.text("sv")`` / ``.text("en")``). A disk that is full, a
    read-only disk, a permission error and a missing folder are said in words; any other error
    quotes the operating system's own text."""
    path = Path(path)
    parent = path.parent
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        why = Message("safe_write.disk_full")
    elif code == errno.EROFS:
        why = Message("safe_write.read_only", folder=_folder(parent))
    elif isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        why = Message("safe_write.denied", folder=_folder(parent))
    elif isinstance(exc, FileNotFoundError) and not _about_other_file(exc, path):
        why = Message("safe_write.no_folder", folder=str(parent))
    else:
        reason = exc.strerror or str(exc) or type(exc).__name__
        if _about_other_file(exc, path):
            reason = f"{exc.filename}: {reason}"
        return Message("safe_write.os_error", path=str(path), reason=reason)
    return Message("safe_write.cannot_write", path=str(path), why=why)


def describe(path: PathLike, exc: OSError, lang: str = "en") -> str:
    """:func:`os_error_message` as text in ``lang`` (English unless asked)."""
    return os_error_message(path, exc).text(lang)


def _about_other_file(exc: OSError, path: Path) -> bool:
    """Whether ``exc`` is about a file other than ``path``, its temporary file or its folder
    (for example the source of a copy)."""
    name = exc.filename
    if not name:
        return False
    other = Path(os.fsdecode(name))
    return other.parent != path.parent and other != path.parent


# ---- file mode ----------------------------------------------------------------------------
def file_mode() -> int:
    """The mode of a new file: ``0o666`` minus the process's umask (as ``open()`` gives)."""
    mask = os.umask(0o077)
    os.umask(mask)
    return 0o666 & ~mask


# ---- signals ------------------------------------------------------------------------------
class _Terminated(BaseException):
    """A signal arrived during a write; raised so that the cleanup runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _SignalGuard:
    """For the duration of a write, SIGINT and SIGTERM raise an exception instead of ending the
    process at once (only where they would have ended it or raised KeyboardInterrupt, and only
    in the main thread). Inside :meth:`deferred` a signal is held until the block ends, so that
    a temporary file is never created without being registered for removal and the files are
    moved into place all together. On exit the previous handlers are restored and a SIGTERM is
    delivered again, so the process ends as it would have."""

    def __init__(self) -> None:
        self.previous: dict[int, object] = {}
        self.depth = 0
        self.pending: int | None = None

    def __enter__(self) -> _SignalGuard:
        if threading.current_thread() is not threading.main_thread():
            return self
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(ValueError, OSError, RuntimeError):
                current = signal.getsignal(signum)
                if current in (signal.SIG_DFL, signal.default_int_handler):
                    signal.signal(signum, self._handle)
                    self.previous[signum] = current
        return self

    def _handle(self, signum: int, frame: object) -> None:
        if self.depth:
            self.pending = self.pending or signum
            return
        self._raise(signum)

    def _raise(self, signum: int) -> None:
        if self.previous.get(signum) is signal.default_int_handler:
            raise KeyboardInterrupt
        raise _Terminated(signum)

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
        if not self.depth and self.pending is not None:
            signum, self.pending = self.pending, None
            self._raise(signum)

    def __exit__(self, exc_type, exc, tb) -> None:
        for signum, handler in self.previous.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(signum, handler)
        signum = exc.signum if isinstance(exc, _Terminated) else None
        pending = self.pending
        if (
            signum is None
            and pending
            and self.previous.get(pending) is not signal.default_int_handler
        ):
            signum = pending  # a SIGTERM held back: delivered now
        if signum is not None:
            signal.raise_signal(signum)  # the previous (default) action: the process ends
            raise SystemExit(128 + signum)  # where raising the signal did not end it


# ---- writing ------------------------------------------------------------------------------
def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and its missing parents, innermost first."""
    made = []
    p = folder
    while not os.path.lexists(p) and p != p.parent:
        made.append(p)
        p = p.parent
    return made


def _depth(folder: Path) -> int:
    """How deep ``folder`` is (innermost first when folders are sorted on it, reversed)."""
    return len(Path(os.path.abspath(folder)).parts)


def _temp_beside(target: Path) -> Path:
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=target.suffix)
    os.close(fd)
    return Path(name)


def _mode_of(target: Path, default: int) -> int:
    """A replaced file keeps its mode; a new one gets ``default``."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return default


def _finish(tmp: Path, mode: int) -> None:
    """Give the written file its mode and make sure its bytes are on the disk."""
    os.chmod(tmp, mode)
    fd = os.open(tmp, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_files(
    jobs: Iterable[tuple[PathLike, Writer]],
    *,
    force: bool = False,
    inputs: Iterable[PathLike] = (),
    new_folder: PathLike | None = None,
    mode: int | None = None,
) -> list[Path]:
    """Write several files all or nothing; return their paths.

    Each job is ``(target, writer)``: ``writer(temp_path)`` writes the whole file to a temporary
    path beside ``target``. The targets are checked first (:func:`check_targets` with ``force``,
    ``inputs`` and ``new_folder``, a folder that may be created for the write, with the folders
    inside it that targets are in); the files are
    moved into place only after every writer succeeded. On an error, Ctrl+C or SIGTERM nothing
    is left behind: no temporary file, no folder made for the write, no target changed. A new
    file gets ``mode`` (default :func:`file_mode`: ``0o666`` minus the umask), a replaced one
    keeps its own.
    """
    jobs = [(Path(target), writer) for target, writer in jobs]
    targets = [target for target, _ in jobs]
    inputs = [Path(i) for i in inputs]
    check_targets(targets, force=force, inputs=inputs, new_folder=new_folder)
    temps: list[Path] = []
    made: list[Path] = []
    moved: list[Path] = []
    guard = _SignalGuard()
    with guard:
        try:
            folders = [] if new_folder is None else [Path(new_folder), *(t.parent for t in targets)]
            for folder in folders:  # the new folder, then the folders inside it targets are in
                if os.path.lexists(folder):
                    continue
                with guard.deferred():
                    made.extend(_missing_folders(folder))  # registered before they exist
                    try:
                        folder.mkdir(parents=True, exist_ok=True)
                    except OSError as exc:
                        raise MognadError(
                            Message(
                                "safe_write.cannot_create",
                                folder=str(folder),
                                reason=exc.strerror or str(exc),
                            )
                        ) from exc
            new_mode = file_mode() if mode is None else mode
            for target, writer in jobs:
                with guard.deferred():  # created and registered together
                    try:
                        temps.append(_temp_beside(target))
                    except OSError as exc:
                        raise MognadError(os_error_message(target, exc)) from exc
                try:
                    writer(temps[-1])
                    _finish(temps[-1], _mode_of(target, new_mode))
                except OSError as exc:
                    raise MognadError(os_error_message(target, exc)) from exc
            with guard.deferred():  # all moved into place, or none
                if not force:
                    check_targets(targets, force=False)  # nothing appeared meanwhile
                for tmp, target in zip(temps, targets, strict=True):
                    try:
                        os.replace(tmp, target)
                    except OSError as exc:
                        message = os_error_message(target, exc)
                        if moved:
                            message = Message(
                                "safe_write.partly_written", message=message, names=_names(moved)
                            )
                        raise MognadError(message) from exc
                    moved.append(target)
        except BaseException:
            guard.depth += 1  # a second signal waits until the cleanup is done
            for tmp in temps:
                with contextlib.suppress(OSError):
                    tmp.unlink()
            if not moved:
                for folder in sorted(made, key=_depth, reverse=True):  # only empty folders go
                    with contextlib.suppress(OSError):
                        folder.rmdir()
            raise
    return targets


def write_file(
    target: PathLike,
    writer: Writer,
    *,
    force: bool = False,
    inputs: Iterable[PathLike] = (),
    new_folder: PathLike | None = None,
    mode: int | None = None,
) -> Path:
    """Write one file safely (see :func:`write_files`)."""
    return write_files(
        [(target, writer)], force=force, inputs=inputs, new_folder=new_folder, mode=mode
    )[0]


def write_text(
    target: PathLike,
    text: str,
    *,
    encoding: str = "utf-8",
    force: bool = False,
    new_folder: PathLike | None = None,
) -> Path:
    """Write ``text`` to ``target`` safely (platform line ends, like ``open(..., "w")``)."""

    def writer(tmp: Path) -> None:
        with open(tmp, "w", encoding=encoding) as fh:
            fh.write(text)

    return write_file(target, writer, force=force, new_folder=new_folder)


def copy_files(
    pairs: Iterable[tuple[PathLike, PathLike]],
    *,
    force: bool = False,
    new_folder: PathLike | None = None,
    mode: int | None = None,
) -> list[Path]:
    """Copy each ``(source, target)`` all or nothing (contents and times; the mode as
    :func:`write_files` gives it). The sources count as inputs: never written over."""
    pairs = [(Path(s), Path(t)) for s, t in pairs]

    def copier(source: Path) -> Writer:
        return lambda tmp: shutil.copy2(source, tmp)

    return write_files(
        [(target, copier(source)) for source, target in pairs],
        force=force,
        inputs=[s for s, _ in pairs],
        new_folder=new_folder,
        mode=mode,
    )
