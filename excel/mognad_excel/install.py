"""Configure classic xlwings for the MOGNAD_* functions (``mognad excel install``).

xlwings reads settings from the user's ``xlwings.conf`` (``%USERPROFILE%\\.xlwings\\xlwings.conf``
on Windows, ``~/.xlwings/xlwings.conf`` on Linux; xlwings' own path on macOS). Each line is
``"KEY","VALUE"``. This module sets two of them and keeps every other line as it is:

* ``UDF MODULES``: adds ``mognad_excel.udfs`` to the ``;``-separated list (other modules stay);
* ``INTERPRETER_WIN`` (``INTERPRETER_MAC`` on macOS): the Python running this command, the one
  that has mognad installed.

A file that changes is first copied to ``xlwings.conf.bak-<date>-<time>``; the new file is
written through :mod:`mognad_core.safe_write` (a temporary file moved into place; the file keeps
its mode).
"""

from __future__ import annotations

import errno
import locale
import re
import stat
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from mognad_core import safe_write
from mognad_core.errors import MognadError
from mognad_core.texts import Message, text

UDF_MODULE = "mognad_excel.udfs"
_ENCODING = locale.getpreferredencoding(False)
_LINE = re.compile(r'^\s*"([^"]*)"\s*,\s*"([^"]*)"\s*$')


def default_config_path() -> Path:
    """Where xlwings looks for the user's settings on this platform."""
    try:
        import xlwings

        return Path(xlwings.USER_CONFIG_FILE)
    except Exception:  # pragma: no cover - xlwings is a dependency
        return Path.home() / ".xlwings" / "xlwings.conf"


def interpreter_key(platform: str | None = None) -> str:
    """The setting xlwings reads the interpreter from (as ``xlwings config create`` writes it)."""
    platform = platform or sys.platform
    return "INTERPRETER_MAC" if platform.startswith("darwin") else "INTERPRETER_WIN"


@dataclass
class InstallPlan:
    """What :func:`install` does (or would do, with ``dry_run``)."""

    path: Path
    before: str | None  # None: the file does not exist
    after: str
    #: what changes, one :class:`~mognad_core.texts.Message` per setting (``.text(lang)``)
    changes: list[Message] = field(default_factory=list)
    backup: Path | None = None
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _parse(text: str) -> list[tuple[str | None, str | None, str]]:
    """(key, value, raw line) per line; key None for lines that are not settings."""
    out: list[tuple[str | None, str | None, str]] = []
    for raw in text.splitlines():
        m = _LINE.match(raw)
        out.append((m.group(1), m.group(2), raw) if m else (None, None, raw))
    return out


def plan(
    path: str | Path | None = None,
    *,
    interpreter: str | None = None,
    module: str = UDF_MODULE,
    platform: str | None = None,
) -> InstallPlan:
    """Work out the new content of ``xlwings.conf`` without writing anything."""
    target = Path(path) if path else default_config_path()
    if target.is_dir():
        raise MognadError(Message("excel.install.folder", path=str(target)))
    python = interpreter or sys.executable
    for value in (python, module):
        if '"' in value:
            raise MognadError(Message("excel.install.quote", value=value))
    before = None
    if target.exists():
        try:  # the encoding xlwings writes it in (the locale's: cp1252 on Windows)
            before = target.read_text(encoding=_ENCODING)
        except UnicodeDecodeError:
            before = target.read_text(encoding="utf-8", errors="replace")
        except PermissionError:
            raise MognadError(Message("excel.install.read_denied", path=str(target))) from None
        except OSError as exc:
            code = errno.errorcode.get(exc.errno or 0, type(exc).__name__)
            raise MognadError(
                Message("excel.install.cannot_read", path=str(target), code=code)
            ) from None
    lines = _parse(before or "")
    ikey = interpreter_key(platform)
    wanted = {"UDF MODULES": None, ikey: python}
    changes: list[Message] = []
    out: list[str] = []
    seen: set[str] = set()
    for key, value, raw in lines:
        upper = key.upper() if key else None
        if upper not in wanted or upper in seen:
            if upper in seen:
                changes.append(Message("excel.install.removed_second", key=key))
                continue
            out.append(raw)
            continue
        seen.add(upper)
        if upper == "UDF MODULES":
            modules = [m.strip() for m in (value or "").split(";") if m.strip()]
            if module in modules:
                out.append(raw)
                continue
            modules.append(module)
            new = ";".join(modules)
            changes.append(Message("excel.install.change", key="UDF MODULES", old=value, new=new))
            out.append(f'"{key}","{new}"')
        else:
            if value == python:
                out.append(raw)
                continue
            changes.append(Message("excel.install.change", key=key, old=value, new=python))
            out.append(f'"{key}","{python}"')
    if "UDF MODULES" not in seen:
        out.append(f'"UDF MODULES","{module}"')
        changes.append(Message("excel.install.change_new", key="UDF MODULES", new=module))
    if ikey not in seen:
        out.append(f'"{ikey}","{python}"')
        changes.append(Message("excel.install.change_new", key=ikey, new=python))
    after = "\n".join(out).rstrip("\n") + "\n"
    return InstallPlan(path=target, before=before, after=after, changes=changes)


def install(
    path: str | Path | None = None,
    *,
    interpreter: str | None = None,
    dry_run: bool = False,
    platform: str | None = None,
) -> InstallPlan:
    """Write the settings (after a backup of the old file); ``dry_run`` only plans."""
    p = plan(path, interpreter=interpreter, platform=platform)
    if dry_run or not p.changed:
        return p
    folder = p.path.parent
    try:
        if p.before is not None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup = p.path.with_name(f"{p.path.name}.bak-{stamp}")
            n = 1
            while backup.exists():
                n += 1
                backup = p.path.with_name(f"{p.path.name}.bak-{stamp}-{n}")
            # the backup is as private as the file (it may hold a licence key)
            private = stat.S_IMODE(p.path.stat().st_mode)
            safe_write.copy_files([(p.path, backup)], mode=private)
            p.backup = backup
        # like xlwings: the locale's encoding and line ends, which its VBA code reads
        safe_write.write_text(
            p.path,
            p.after,
            encoding=_ENCODING,
            force=True,
            new_folder=None if folder.exists() else folder,
        )
    except UnicodeEncodeError:
        raise MognadError(
            Message("excel.install.encoding", path=str(p.path), encoding=_ENCODING)
        ) from None
    p.written = True
    return p


def next_steps(lang: str = "sv") -> str:
    """What to do in Excel after the settings are written (in ``lang``)."""
    return text("excel.install.next_steps", lang)
