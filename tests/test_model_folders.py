"""Model files where people keep them: the user's models folder and MOGNAD_MODELS_PATH are
listed by ``mognad models`` (with their source) and usable by name; a bad or clashing file is
reported and left out, the rest work."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import TINY, TINY_SIX_ROWS

import mognad_core as mognad
from mognad_core.plugins import PluginWarning, model_folders, user_models_folder


def _model_file(folder: Path, name: str, title: str = "Lokal modell") -> Path:
    """tests/data/tiny.yaml under another name and title, in ``folder``."""
    text = TINY.read_text(encoding="utf-8").replace("name: tiny", f"name: {name}", 1)
    text = text.replace("title: Liten testmodell", f'title: "{title}"', 1)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    assert mognad.load_model_file(path).title == title
    return path


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A models folder named by MOGNAD_MODELS_PATH."""
    found = tmp_path / "modeller"
    found.mkdir()
    monkeypatch.setenv("MOGNAD_MODELS_PATH", str(found))
    mognad.reset_plugins()
    return found


def test_a_model_file_in_a_models_folder_is_listed_and_used_by_name(folder, run_cli, tmp_path):
    path = _model_file(folder, "lokal")
    listed = run_cli("models")
    assert listed.exit_code == 0, listed.stderr
    line = next(x for x in listed.stdout.splitlines() if x.startswith("lokal"))
    assert str(path) in line and "Lokal modell" in line
    assert "Källa" in listed.stdout
    assert f"Egna modellfiler (.yaml, .yml, .json) läses från: {folder}" in listed.stdout
    info = {m["name"]: m for m in json.loads(run_cli("models", "--format", "json").stdout)}
    assert (info["lokal"]["plugin"], info["lokal"]["path"]) == (None, str(path))
    assert info["dimios"]["plugin"] == "dimios" and info["dimios"]["path"] is None
    answers = tmp_path / "svar.csv"
    answers.write_text("\n".join(";".join(map(str, r)) for r in TINY_SIX_ROWS).replace("None", ""))
    scored = run_cli("score", answers, "--model", "LOKAL", "--format", "json")
    assert scored.exit_code == 0, scored.stderr
    assert json.loads(scored.stdout)["model"] == "lokal"
    assert run_cli("models", "show", "lokal").exit_code == 0


def test_the_users_own_folder_is_searched(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    mine = user_models_folder()
    assert mine == tmp_path / "mognad" / "models"
    assert model_folders() == [mine]
    mine.mkdir(parents=True)
    _model_file(mine, "egen")
    (mine / ".gömd.yaml").write_text("inte: en modell", encoding="utf-8")  # hidden: ignored
    (mine / "läsmig.txt").write_text("ingen modell", encoding="utf-8")  # not a model suffix
    assert {m.name: m.source for m in mognad.list_models()}["egen"] == str(mine / "egen.yaml")
    assert mognad.plugin_failures() == []


def test_a_file_added_or_edited_later_is_seen_without_a_restart(folder):
    assert "sen" not in {m.name for m in mognad.list_models()}
    path = _model_file(folder, "sen", "Först")
    assert mognad.get_model("sen").title == "Först"
    path.write_text(path.read_text(encoding="utf-8").replace("Först", "Sedan, ändrad"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert mognad.get_model("sen").title == "Sedan, ändrad"
    path.unlink()
    assert "sen" not in {m.name for m in mognad.list_models()}


def test_a_bad_or_clashing_file_is_left_out_and_the_rest_work(folder, run_cli):
    _model_file(folder, "bra")
    (folder / "trasig.yaml").write_text("name: trasig\ntitle: [\n", encoding="utf-8")
    _model_file(folder, "dimios", "Falsk DiMiOS")
    with pytest.warns(PluginWarning):
        names = {m.name: m.source for m in mognad.list_models()}
    assert names["bra"].endswith("bra.yaml") and names["dimios"] == "dimios"
    assert "trasig" not in names
    kinds = {Path(f.name).name: f for f in mognad.plugin_failures()}
    assert set(kinds) == {"trasig.yaml", "dimios.yaml"}
    assert {f.kind for f in kinds.values()} == {"file"}
    clash = kinds["dimios.yaml"].describe("en")
    assert "the model name 'dimios' is already taken by plugin 'dimios'" in clash
    broken = kinds["trasig.yaml"].describe("sv")
    # the file's own error is in the catalogue: the whole sentence is Swedish, not mixed
    assert broken.startswith(f"modellfilen {folder / 'trasig.yaml'} används inte: ")
    assert "trasig.yaml, rad 3, kolumn 1: inte giltig YAML" in broken  # its own located words
    in_english = kinds["trasig.yaml"].describe("en")
    assert in_english.startswith(f"the model file {folder / 'trasig.yaml'} is not used: ")
    assert "trasig.yaml, line 3, column 1: not valid YAML" in in_english
    mognad.reset_plugins()
    listed = run_cli("models")
    assert listed.exit_code == 0 and "bra" in listed.stdout
    assert "trasig.yaml används inte" in listed.stdout  # in the listing, and as a warning
    assert "mognad: varning: modellfilen" in listed.stderr
    from mognad_excel import udfs

    table = udfs.MOGNAD_MODELS()
    assert sum(row[0] == "Varning" for row in table) == 2


def test_two_files_with_one_name_the_first_folder_keeps_it(tmp_path, monkeypatch):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    _model_file(first, "delad", "A")
    _model_file(second, "delad", "B")
    monkeypatch.setenv("MOGNAD_MODELS_PATH", os.pathsep.join([str(first), str(second)]))
    mognad.reset_plugins()
    with pytest.warns(PluginWarning, match="modellfilen .*används inte"):
        assert mognad.get_model("delad").title == "A"
    (failure,) = mognad.plugin_failures()
    assert failure.name == str(second / "delad.yaml")
    assert f"taken by the model file {first / 'delad.yaml'}" in failure.describe("en")


def test_a_named_folder_that_does_not_exist_is_reported(tmp_path, monkeypatch, run_cli):
    monkeypatch.setenv("MOGNAD_MODELS_PATH", str(tmp_path / "saknas"))
    mognad.reset_plugins()
    listed = run_cli("models", "--lang", "en")
    assert listed.exit_code == 0 and "dimios" in listed.stdout
    expected = f"MOGNAD_MODELS_PATH names the folder {tmp_path / 'saknas'}, which does not exist"
    assert expected in listed.stderr


def test_the_settings_command_lists_the_models_path(folder, run_cli):
    shown = run_cli("settings")
    assert f"models_path = {folder}" in shown.stdout and "MOGNAD_MODELS_PATH" in shown.stdout


def test_a_mended_file_takes_its_warning_with_it(folder):
    """A long session (Excel, Python) sees a file's problem go when the file is mended."""
    path = _model_file(folder, "dmm", "Krock")  # the name is taken by the built-in
    with pytest.warns(PluginWarning):
        assert [f.kind for f in mognad.plugin_failures()] == ["file"]
    text = path.read_text(encoding="utf-8").replace("name: dmm", "name: fixad", 1)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert {m.name: m.source for m in mognad.list_models()}["fixad"] == str(path)
    assert mognad.plugin_failures() == []
    path.unlink()
    assert mognad.plugin_failures() == [] and "fixad" not in {m.name for m in mognad.list_models()}


def test_a_named_folder_made_later_is_searched_and_its_warning_goes(tmp_path, monkeypatch):
    later = tmp_path / "senare"
    monkeypatch.setenv("MOGNAD_MODELS_PATH", str(later))
    mognad.reset_plugins()
    with pytest.warns(PluginWarning, match="som inte finns"):
        assert [f.kind for f in mognad.plugin_failures()] == ["setting"]
    later.mkdir()
    _model_file(later, "senare")
    assert "senare" in {m.name for m in mognad.list_models()}
    assert mognad.plugin_failures() == []
