"""``mognad excel install``: the user's xlwings.conf, written so xlwings itself reads it back."""

from __future__ import annotations

import sys

import pytest
import xlwings
import xlwings.utils
from mognad_excel.install import install, interpreter_key, plan

from mognad_core.errors import MognadError


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
    assert [c.text("en") for c in result.changes] == [
        'INTERPRETER_WIN: "C:\\Python39\\pythonw.exe" -> "C:\\mognad\\python.exe"',
        'UDF MODULES: "budget;prognos" -> "budget;prognos;mognad_excel.udfs"',
    ]
    # a changed value reads the same in both languages (names and values, no words)
    assert [c.text("sv") for c in result.changes] == [c.text("en") for c in result.changes]
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
    with pytest.raises(MognadError, match="is a folder") as err:
        install(tmp_path)
    assert err.value.text("sv") == f"{tmp_path} är en mapp. Ange sökvägen till filen xlwings.conf."
    assert not list(tmp_path.iterdir())  # nothing written into it


def test_a_second_line_and_an_unset_setting_in_either_language(tmp_path, monkeypatch):
    conf = tmp_path / "xlwings.conf"
    conf.write_text('"UDF Modules","mognad_excel.udfs"\n"udf modules","budget"\n')
    result = install(conf, interpreter="C:\\py\\python.exe", platform="win32")
    assert [c.text("sv") for c in result.changes] == [
        "tog bort en extra rad udf modules",
        'INTERPRETER_WIN: (inte angiven) -> "C:\\py\\python.exe"',
    ]
    assert [c.text("en") for c in result.changes] == [
        "removed a second udf modules line",
        'INTERPRETER_WIN: (not set) -> "C:\\py\\python.exe"',
    ]
    assert read_with_xlwings(conf, monkeypatch) == {
        "udf modules": "mognad_excel.udfs",
        "interpreter_win": "C:\\py\\python.exe",
    }


#: words of the English output that must not appear in the Swedish one, and the reverse
ENGLISH = [
    "Would create",
    "Created",
    "Changed",
    "already has",
    "not set",
    "New content",
    "Next steps",
    "Note:",
    "Trust",
    "File > Options",
    "Tools > References",
    "tick",
    "#NAME?",
]
SWEDISH = [
    "Skulle",
    "Skapade",
    "Ändrade",
    "har redan",
    "inte angiven",
    "Nytt innehåll",
    "Nästa",
    "Obs:",
    "Lita på",
    "Arkiv > Alternativ",
    "Verktyg > Referenser",
    "markera",
    "#NAMN?",
]


def assert_only(output: str, lang: str) -> None:
    """Every word list of the other language is absent from ``output``."""
    leaked = [w for w in (SWEDISH if lang == "en" else ENGLISH) if w in output]
    assert leaked == [], f"{lang} output has words of the other language: {leaked}"


def test_cli_install(tmp_path, run_cli):
    """Swedish by default, with the Swedish names of Excel's menus."""
    conf = tmp_path / "xlwings.conf"
    dry = run_cli("excel", "install", "--config", conf, "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert dry.stdout.startswith(f"Skulle skapa {conf}:")
    assert 'UDF MODULES: (inte angiven) -> "mognad_excel.udfs"' in dry.stdout
    assert "Nytt innehåll:" in dry.stdout and '  "UDF MODULES","mognad_excel.udfs"' in dry.stdout
    assert_only(dry.stdout, "sv")
    assert not conf.exists()
    done = run_cli("excel", "install", "--config", conf)
    assert done.exit_code == 0
    assert done.stdout.startswith(f"Skapade {conf}:")
    assert "xlwings addin install" in done.stdout and "Import Functions" in done.stdout
    assert "Verktyg > Referenser, markera xlwings" in done.stdout  # the workbook's reference
    assert (
        "Arkiv > Alternativ > Säkerhetscenter > Inställningar för Säkerhetscenter >\n"
        '     Makroinställningar: markera "Lita på åtkomst till VBA-projektets objektmodell"'
    ) in done.stdout
    assert_only(done.stdout, "sv")
    assert conf.exists()
    again = run_cli("excel", "install", "--config", conf)
    assert again.stdout.startswith(f"{conf} har redan mognads inställningar; inget att ändra.")
    assert_only(again.stdout, "sv")
    # a changed file: its backup named in Swedish
    conf.write_text('"UDF MODULES","budget"\n')
    changed = run_cli("excel", "install", "--config", conf)
    assert changed.exit_code == 0, changed.stderr
    assert changed.stdout.startswith(f"Ändrade {conf}:")
    assert '  UDF MODULES: "budget" -> "budget;mognad_excel.udfs"' in changed.stdout
    (backup,) = tmp_path.glob("xlwings.conf.bak-*")
    assert f"Den tidigare filen finns kvar som {backup}." in changed.stdout
    assert_only(changed.stdout, "sv")


def test_cli_install_in_english(tmp_path, run_cli):
    conf = tmp_path / "xlwings.conf"
    dry = run_cli("excel", "install", "--config", conf, "--dry-run", "--lang", "en")
    assert dry.exit_code == 0, dry.stderr
    assert dry.stdout.startswith(f"Would create {conf}:")
    assert 'UDF MODULES: (not set) -> "mognad_excel.udfs"' in dry.stdout
    assert "New content:" in dry.stdout
    assert_only(dry.stdout, "en")
    assert not conf.exists()
    done = run_cli("excel", "install", "--config", conf, "--lang", "en")
    assert done.exit_code == 0
    assert done.stdout.startswith(f"Created {conf}:")
    assert "xlwings addin install" in done.stdout and "Import Functions" in done.stdout
    assert "Tools > References, tick xlwings" in done.stdout  # the workbook needs the reference
    assert 'tick "Trust access to the VBA project object model"' in done.stdout
    assert_only(done.stdout, "en")
    again = run_cli("excel", "install", "--config", conf, "--lang", "en")
    assert again.stdout.startswith(f"{conf} already has the mognad settings; nothing to change.")
    conf.write_text('"UDF MODULES","budget"\n')
    changed = run_cli("excel", "install", "--config", conf, "--lang", "en")
    assert changed.stdout.startswith(f"Changed {conf}:")
    (backup,) = tmp_path.glob("xlwings.conf.bak-*")
    assert f"The previous file is kept as {backup}." in changed.stdout
    assert_only(changed.stdout, "en")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_cli_errors_in_the_commands_language(tmp_path, run_cli, lang, monkeypatch):
    """install's own errors, in the language of --lang (Swedish without it), though the excel
    group still sets English for its commands: install's --lang runs after it."""
    conf = tmp_path / "xlwings.conf"
    given = ["--lang", "en"] if lang == "en" else []
    res = run_cli("excel", "install", "--config", conf, "--interpreter", 'C:\\a"b.exe', *given)
    assert res.exit_code == 2 and res.stdout == "" and not conf.exists()
    expected = {
        "sv": 'Fel: Ett värde i xlwings.conf kan inte innehålla citattecken ("), men '
        'C:\\a"b.exe gör det. Ange en annan Python med --interpreter.',
        "en": 'Error: A value in xlwings.conf cannot contain double quotes ("), and C:\\a"b.exe '
        "does. Give another Python with --interpreter.",
    }[lang]
    assert res.stderr.strip() == expected
    # a file that cannot be read (permission denied; root may read anything, so simulated)
    conf.write_text('"UDF MODULES","budget"\n')
    real = type(conf).read_text

    def denied(self, *args, **kwargs):
        if self == conf:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(type(conf), "read_text", denied)
    res = run_cli("excel", "install", "--config", conf, *given)
    assert res.exit_code == 2
    assert (
        res.stderr.strip()
        == {
            "sv": f"Fel: Kan inte läsa {conf}: åtkomst nekad. Se till att du får läsa filen, eller "
            "ange en annan fil med --config.",
            "en": f"Error: Cannot read {conf}: permission denied. Make sure you may read the "
            "file, or give another file with --config.",
        }[lang]
    )
    monkeypatch.undo()
    assert conf.read_text() == '"UDF MODULES","budget"\n'  # untouched
