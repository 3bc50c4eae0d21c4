"""``mognad excel install``: the user's xlwings.conf, written so xlwings itself reads it back."""

from __future__ import annotations

import sys

import pytest
import xlwings
import xlwings.utils
from mognad_excel.install import install, interpreter_key, plan


def read_with_xlwings(path, monkeypatch) -> dict[str, str]:
    """The settings as xlwings' own reader sees them."""
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(path))
    return xlwings.utils.read_user_config()


def test_creates_the_file_with_both_settings(tmp_path, monkeypatch):
    conf = tmp_path / ".xlwings" / "xlwings.conf"
    result = install(conf, platform="win32")
    assert result.written and result.backup is None
    assert read_with_xlwings(conf, monkeypatch) == {
        "udf modules": "mognad_excel.udfs",
        "interpreter_win": sys.executable,
    }
    assert conf.read_text().splitlines() == [
        '"UDF MODULES","mognad_excel.udfs"',
        f'"INTERPRETER_WIN","{sys.executable}"',
    ]


def test_keeps_other_settings_and_backs_up(tmp_path, monkeypatch):
    conf = tmp_path / "xlwings.conf"
    old = (
        '"INTERPRETER_WIN","C:\\Python39\\pythonw.exe"\n'
        '"UDF MODULES","budget;prognos"\n'
        '"LICENSE_KEY","abc"\n'
        '"SHOW CONSOLE","False"\n'
    )
    conf.write_text(old)
    result = install(conf, interpreter="C:\\mognad\\python.exe", platform="win32")
    assert result.changes == [
        'INTERPRETER_WIN: "C:\\Python39\\pythonw.exe" -> "C:\\mognad\\python.exe"',
        'UDF MODULES: "budget;prognos" -> "budget;prognos;mognad_excel.udfs"',
    ]
    assert read_with_xlwings(conf, monkeypatch) == {
        "interpreter_win": "C:\\mognad\\python.exe",
        "udf modules": "budget;prognos;mognad_excel.udfs",
        "license_key": "abc",
        "show console": "False",
    }
    assert result.backup is not None and result.backup.read_text() == old
    assert result.backup.name.startswith("xlwings.conf.bak-")
    # nothing left to do the second time: no write, no new backup
    again = install(conf, interpreter="C:\\mognad\\python.exe", platform="win32")
    assert not again.changed and not again.written and again.backup is None
    assert len(list(tmp_path.glob("xlwings.conf.bak-*"))) == 1


def test_dry_run_writes_nothing(tmp_path):
    conf = tmp_path / "xlwings.conf"
    result = install(conf, dry_run=True, platform="win32")
    assert result.changed and not result.written and not conf.exists()
    assert '"UDF MODULES","mognad_excel.udfs"' in result.after


def test_mac_uses_its_interpreter_setting(tmp_path):
    assert interpreter_key("darwin") == "INTERPRETER_MAC"
    assert interpreter_key("win32") == "INTERPRETER_WIN"
    p = plan(tmp_path / "x.conf", interpreter="/opt/py/bin/python3", platform="darwin")
    assert '"INTERPRETER_MAC","/opt/py/bin/python3"' in p.after


def test_a_folder_is_refused(tmp_path):
    from mognad_core.errors import MognadError

    with pytest.raises(MognadError, match="is a folder"):
        install(tmp_path)


def test_cli_install(tmp_path, run_cli):
    conf = tmp_path / "xlwings.conf"
    dry = run_cli("excel", "install", "--config", conf, "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert dry.stdout.startswith(f"Would create {conf}:")
    assert 'UDF MODULES: (not set) -> "mognad_excel.udfs"' in dry.stdout
    assert not conf.exists()
    done = run_cli("excel", "install", "--config", conf)
    assert done.exit_code == 0
    assert done.stdout.startswith(f"Created {conf}:")
    assert "xlwings addin install" in done.stdout and "Import Functions" in done.stdout
    assert "Tools > References, tick xlwings" in done.stdout  # the workbook needs the reference
    assert conf.exists()
    again = run_cli("excel", "install", "--config", conf)
    assert again.stdout.startswith(f"{conf} already has the mognad settings; nothing to change.")
