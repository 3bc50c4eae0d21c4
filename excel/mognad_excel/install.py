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

import locale
import re
import stat
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from mognad_core import safe_write
from mognad_core.errors import MognadError

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
    changes: list[str] = field(default_factory=list)
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
        raise MognadError(f"{target} is a folder; give the path of the xlwings.conf file.")
    python = interpreter or sys.executable
    if '"' in python or '"' in module:
        raise MognadError('xlwings.conf values cannot contain double quotes (").')
    before = None
    if target.exists():
        try:  # the encoding xlwings writes it in (the locale's: cp1252 on Windows)
            before = target.read_text(encoding=_ENCODING)
        except UnicodeDecodeError:
            before = target.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise MognadError(f"Cannot read {target}: {exc.strerror or exc}.") from None
    lines = _parse(before or "")
    ikey = interpreter_key(platform)
    wanted = {"UDF MODULES": None, ikey: python}
    changes: list[str] = []
    out: list[str] = []
    seen: set[str] = set()
    for key, value, raw in lines:
        upper = key.upper() if key else None
        if upper not in wanted or upper in seen:
            if upper in seen:
                changes.append(f"removed a second {key} line")
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
            changes.append(f'UDF MODULES: "{value}" -> "{new}"')
            out.append(f'"{key}","{new}"')
        else:
            if value == python:
                out.append(raw)
                continue
            changes.append(f'{key}: "{value}" -> "{python}"')
            out.append(f'"{key}","{python}"')
    if "UDF MODULES" not in seen:
        out.append(f'"UDF MODULES","{module}"')
        changes.append(f'UDF MODULES: (not set) -> "{module}"')
    if ikey not in seen:
        out.append(f'"{ikey}","{python}"')
        changes.append(f'{ikey}: (not set) -> "{python}"')
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
            f"Cannot write {p.path} in the {_ENCODING} encoding xlwings reads; is there an "
            "unusual character in the Python path? Give another one with --interpreter."
        ) from None
    p.written = True
    return p


NEXT_STEPS = """\
Next steps (once):
  1. In a command prompt where this Python is active:  xlwings addin install
  2. Excel: File > Options > Trust Center > Trust Center Settings > Macro Settings:
     tick "Trust access to the VBA project object model".
  3. Open your workbook (e.g. from `mognad excel template dimios -o mall.xlsx`) and save it
     as .xlsm. In the VBA editor (Alt+F11): Tools > References, tick xlwings, OK.
  4. Back in Excel, click Import Functions on the xlwings tab. Then =MOGNAD_SCORE(...) works;
     press Ctrl+Alt+F9 to recalculate formulas that showed #NAME?.
See docs/excel.md for xlwings Lite (Excel 365, Mac and the web)."""
