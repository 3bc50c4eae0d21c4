"""The plugin manager: built-ins through entry points, registration, blocking, failures."""

from __future__ import annotations

import inspect
import re
import textwrap
from pathlib import Path

import pytest

import mognad_core as mognad
from mognad_core import hookspecs
from mognad_core.plugins import BUILTIN_PLUGINS

ROOT = Path(__file__).parent.parent


def _extra_model(name: str) -> mognad.MaturityModel:
    return mognad.model_from_dict(
        {
            "name": name,
            "title": "Extra",
            "dimensions": [{"id": "d", "label": "D", "statements": [{"id": "s", "text": "S"}]}],
        }
    )


def _install_entry_point(
    tmp_path: Path, monkeypatch, dist: str, name: str, module: str, source: str
) -> None:
    """A real entry-point install: a module plus a .dist-info folder on sys.path."""
    (tmp_path / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = tmp_path / f"{dist}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[mognad]\n{name} = {module}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    mognad.reset_plugins()


def test_builtins_load_through_the_entry_point_group():
    rows = {r["name"]: r for r in mognad.list_plugins()}
    for name in ("mognad_readers", "dimios", "dmm"):
        assert name in rows
        assert rows[name]["builtin"]
        # loaded from the installed distribution's entry point, as an external plugin would be
        assert rows[name]["distribution"] and rows[name]["distribution"].startswith("mognad ")
    assert "register_models" in rows["dimios"]["hooks"]
    assert {m.name for m in mognad.list_models()} >= {"dimios", "dmm"}


def test_plugin_registered_for_one_test_only(register_plugin):
    class Extra:
        @mognad.hookimpl
        def register_models(self, register):
            register(_extra_model("extra"))

    register_plugin(Extra(), "extra-plugin")
    infos = {m.name: m for m in mognad.list_models()}
    assert infos["extra"].plugin == "extra-plugin"
    assert mognad.get_model("extra").title == "Extra"


def test_the_previous_test_left_nothing_behind():
    assert "extra" not in {m.name for m in mognad.list_models()}


def test_duplicate_model_name_raises_naming_both_plugins(register_plugin, run_cli):
    class Clash:
        @mognad.hookimpl
        def register_models(self, register):
            register(_extra_model("dimios"))

    register_plugin(Clash(), "clash")
    with pytest.raises(mognad.PluginError) as err:
        mognad.list_models()
    assert "'dimios'" in str(err.value) and "'clash'" in str(err.value)
    assert "MOGNAD_BLOCK_PLUGINS=clash" in str(err.value)


def test_unknown_model_lists_installed_ones():
    with pytest.raises(
        mognad.ModelError, match=r"Unknown model 'nope'\. Installed models: .*dimios"
    ):
        mognad.get_model("nope")


def test_block_env_var(monkeypatch):
    monkeypatch.setenv("MOGNAD_BLOCK_PLUGINS", "dmm, other")
    mognad.reset_plugins()
    names = {m.name for m in mognad.list_models()}
    assert "dmm" not in names and "dimios" in names


def test_readers_cannot_be_blocked(monkeypatch):
    monkeypatch.setenv("MOGNAD_BLOCK_PLUGINS", "mognad_readers")
    mognad.reset_plugins()
    assert ".xlsx" in mognad.plugins.get_readers()


def test_broken_external_plugin_is_reported_and_skipped(tmp_path, monkeypatch, run_cli):
    _install_entry_point(
        tmp_path,
        monkeypatch,
        "broken_dist",
        "broken",
        "mognad_broken_plugin",
        "raise RuntimeError('boom at import')\n",
    )
    with pytest.warns(mognad.plugins.PluginWarning, match="boom at import"):
        failures = mognad.plugin_failures()
    assert [f.name for f in failures] == ["broken"]
    assert "RuntimeError: boom at import" in failures[0].error
    assert {"dimios", "dmm"} <= {m.name for m in mognad.list_models()}
    mognad.reset_plugins()
    result = run_cli("models")
    assert result.exit_code == 0
    assert "dimios" in result.stdout
    assert "warning: plugin 'broken' was skipped: RuntimeError: boom at import" in result.stderr


def test_external_plugin_through_entry_point_and_allow_list(tmp_path, monkeypatch):
    source = """
        from mognad_core import hookimpl, model_from_dict

        @hookimpl
        def register_models(register):
            register(model_from_dict({"name": "ext", "title": "Ext", "dimensions": [
                {"id": "d", "label": "D", "statements": [{"id": "s", "text": "S"}]}]}))
    """
    _install_entry_point(tmp_path, monkeypatch, "ext_dist", "ext", "mognad_ext_plugin", source)
    infos = {m.name: m for m in mognad.list_models()}
    assert infos["ext"].plugin == "ext"
    monkeypatch.setenv("MOGNAD_ALLOW_PLUGINS", "")
    mognad.reset_plugins()
    names = {m.name for m in mognad.list_models()}
    assert "ext" not in names and "dimios" in names  # built-ins always load
    monkeypatch.setenv("MOGNAD_ALLOW_PLUGINS", "ext")
    mognad.reset_plugins()
    assert "ext" in {m.name for m in mognad.list_models()}


def test_hook_that_raises_is_skipped(register_plugin, tiny_model, tiny_frame):
    class Faulty:
        @mognad.hookimpl
        def model_insights(self, model, result, context):
            raise ValueError("insight bug")

    register_plugin(Faulty(), "faulty")
    with pytest.warns(mognad.plugins.PluginWarning, match="insight bug"):
        result = mognad.score(tiny_frame, tiny_model, min_size=1)
    assert result.overall is not None


def _hookspecs():
    return [
        (name, fn)
        for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(fn, "mognad_spec")
    ]


def test_every_hook_is_documented():
    docs = (ROOT / "docs" / "plugin-hooks.md").read_text(encoding="utf-8")
    sections = set(re.findall(r"^## (\w+)$", docs, flags=re.M))
    specs = _hookspecs()
    assert len(specs) >= 6
    for name, fn in specs:
        assert fn.__doc__ and len(fn.__doc__.strip()) > 40, f"hook {name} has no docstring"
        assert name in sections, f"hook {name} has no section in docs/plugin-hooks.md"
    assert sections <= {name for name, _ in specs}, "docs describe a hook that does not exist"


def test_builtin_plugins_are_declared_as_entry_points():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = pyproject.split("[project.entry-points.mognad]", 1)[1].split("\n[", 1)[0]
    for name, module in BUILTIN_PLUGINS.items():
        assert f'{name} = "{module}"' in block


def test_plugin_resolves_its_own_target_names(register_plugin, tiny_model, tiny_frame):
    from mognad_core.targets import Target, parse_target

    class Presets:
        @mognad.hookimpl
        def resolve_target(self, model, value, result):
            if model.name == "tiny" and value == "ambitiös":
                return Target(kind="profile", label="Ambitiös", dimensions={"A": 0.9, "B": 0.9})

    register_plugin(Presets(), "presets")
    assert parse_target("ambitiös", tiny_model).dimensions == {"A": 0.9, "B": 0.9}
    assert parse_target("60%", tiny_model).uniform == 0.6  # everything else: the core


def test_user_error_in_a_plugin_is_raised_not_skipped(register_plugin, tiny_model, tiny_frame):
    class Strict:
        @mognad.hookimpl
        def model_insights(self, model, result, context):
            raise mognad.ModelError("target profile misses engine 'x'")

    register_plugin(Strict(), "strict")
    with pytest.raises(mognad.ModelError, match="misses engine"):
        mognad.score(tiny_frame, tiny_model, min_size=1)
