"""The plugin manager: built-ins through entry points, registration, blocking, failures."""

from __future__ import annotations

import contextlib
import inspect
import json
import re

import pytest
from conftest import DIMIOS_SAMPLE, ROOT, TINY_SCORES, install_entry_point

import mognad_core as mognad
from mognad_core import hookspecs
from mognad_core.plugins import BUILTIN_PLUGINS


def _extra_model(name: str) -> mognad.MaturityModel:
    return mognad.model_from_dict(
        {
            "name": name,
            "title": "Extra",
            "dimensions": [{"id": "d", "label": "D", "statements": [{"id": "s", "text": "S"}]}],
        }
    )


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


def test_register_models_runs_once_until_plugins_change(register_plugin, tiny_model, tiny_frame):
    """The registry is asked of each plugin once per plugin manager (a score asked it 8 times),
    and again after a plugin is registered or unregistered (as tests do for one test)."""
    calls = []

    class Counting:
        @mognad.hookimpl
        def register_models(self, register):
            calls.append(1)
            register(_extra_model("counted"))

    register_plugin(Counting(), "counting")
    for _ in range(3):
        mognad.score(tiny_frame, tiny_model, min_size=1)
        assert mognad.get_model("counted").name == "counted"
    assert len(calls) == 1
    mognad.get_plugin_manager().unregister(name="counting")
    assert "counted" not in {m.name for m in mognad.list_models()}
    register_plugin(Counting(), "counting-again")
    assert mognad.get_model("counted") and len(calls) == 2


def test_the_previous_test_left_nothing_behind():
    assert "extra" not in {m.name for m in mognad.list_models()}


def test_duplicate_model_name_skips_the_newer_model_naming_both_plugins(register_plugin):
    class Clash:
        @mognad.hookimpl
        def register_models(self, register):
            register(_extra_model("dimios"))

    register_plugin(Clash(), "clash", failures_ok=True)
    with pytest.warns(mognad.plugins.PluginWarning, match="'dimios' i tillägget 'clash'"):
        infos = {m.name: m for m in mognad.list_models()}
    assert infos["dimios"].plugin == "dimios" and "dmm" in infos  # the built-in keeps working
    (failure,) = [f for f in mognad.plugin_failures() if f.name == "clash"]
    assert failure.kind == "model" and failure.model == "dimios"
    english = failure.describe("en")
    assert english == (
        "model 'dimios' of plugin 'clash' is not used: the name belongs to the built-in model of "
        "plugin 'dimios'. All other models work. Give your model another name, or set "
        "MOGNAD_REPLACE_MODELS=dimios=clash to use it instead of the built-in one."
    )  # a built-in cannot be uninstalled: the message does not say to
    assert "MOGNAD_REPLACE_MODELS=dimios=clash" in english


def test_unknown_model_lists_installed_ones():
    with pytest.raises(
        mognad.ModelError, match=r"Unknown model 'nope'\. Installed models: .*dimios"
    ):
        mognad.get_model("nope")


def test_resolve_model_one_rule(tiny_model, tiny_frame):
    """The given model, else the result's installed model, else the caller's default (the
    analysis functions and both plugins use this one rule)."""
    tiny_result = mognad.score(tiny_frame, tiny_model, min_size=1)
    assert mognad.resolve_model(tiny_result, tiny_model) is tiny_model
    assert mognad.resolve_model(None, None, default="dimios").name == "dimios"
    dmm = mognad.get_model("dmm")
    scored_with_dmm = tiny_result.model_copy(update={"model": "dmm"})
    assert mognad.resolve_model(scored_with_dmm, default="dimios") is dmm
    with pytest.raises(mognad.MognadError, match="No model given"):
        mognad.resolve_model(None)
    with pytest.raises(mognad.ModelError, match=r"'tiny', which is not installed; pass model="):
        mognad.resolve_model(tiny_result, default="dimios")


def test_block_env_var(monkeypatch):
    monkeypatch.setenv("MOGNAD_BLOCK_PLUGINS", "dmm, excel")
    mognad.reset_plugins()
    names = {m.name for m in mognad.list_models()}
    assert "dmm" not in names and "dimios" in names
    assert mognad.plugin_failures() == []  # known names: nothing to report


def test_readers_cannot_be_blocked(monkeypatch):
    monkeypatch.setenv("MOGNAD_BLOCK_PLUGINS", "mognad_readers")
    mognad.reset_plugins()
    with pytest.warns(mognad.plugins.PluginWarning, match="'mognad_readers' kan inte blockeras"):
        assert ".xlsx" in mognad.plugins.get_readers()


def test_broken_external_plugin_is_reported_and_skipped(tmp_path, monkeypatch, run_cli):
    install_entry_point(
        tmp_path,
        monkeypatch,
        "broken_dist",
        "broken",
        "mognad_broken_plugin",
        "raise RuntimeError('boom at import')\n",
    )
    with pytest.warns(mognad.plugins.PluginWarning, match="'broken' kunde inte laddas"):
        failures = mognad.plugin_failures()
    assert [f.name for f in failures] == ["broken"]
    assert "RuntimeError: boom at import" in failures[0].error
    assert {"dimios", "dmm"} <= {m.name for m in mognad.list_models()}
    mognad.reset_plugins()
    result = run_cli("models")
    assert result.exit_code == 0
    assert "dimios" in result.stdout
    warning = "mognad: varning: tillägget 'broken' kunde inte laddas och används inte: "
    assert warning + "RuntimeError: boom at import" in result.stderr


def test_external_plugin_through_entry_point_and_allow_list(tmp_path, monkeypatch):
    source = """
        from mognad_core import hookimpl, model_from_dict

        @hookimpl
        def register_models(register):
            register(model_from_dict({"name": "ext", "title": "Ext", "dimensions": [
                {"id": "d", "label": "D", "statements": [{"id": "s", "text": "S"}]}]}))
    """
    install_entry_point(tmp_path, monkeypatch, "ext_dist", "ext", "mognad_ext_plugin", source)
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

    register_plugin(Faulty(), "faulty", failures_ok=True)
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


# ---- hook calls: one guarded wrapper, failures named by plugin and hook, dispatch by model ----
def _broken(hook: str):
    """A plugin whose implementation of ``hook`` raises."""

    def fail(**kwargs):
        raise RuntimeError(f"{hook} bug")

    fail.__name__ = hook
    return type("Broken", (), {hook: staticmethod(mognad.hookimpl(specname=hook)(fail))})()


@pytest.fixture
def forget_failures():
    """Failures recorded by a test are not left for the next one."""
    yield
    mognad.reset_plugins()


def _own_copy(tiny_model, name: str) -> mognad.MaturityModel:
    return mognad.model_from_dict({**tiny_model.model_dump(), "name": name})


def _calls(hook, tiny_model, tiny_frame, run_cli):
    """Make the core call ``hook`` (with a model no plugin registered, offered to all)."""
    if hook == "register_models":
        mognad.list_models()
    elif hook == "register_readers":
        mognad.plugins.get_readers()
    elif hook == "register_samples":
        mognad.get_samples()
    elif hook == "register_commands":
        run_cli("--help")
    elif hook == "resolve_target":
        mognad.targets.parse_target("60%", tiny_model)
    elif hook == "rank_priorities":
        mognad.priorities(mognad.score(tiny_frame, tiny_model, min_size=1), model=tiny_model)
    elif hook == "report_sections":
        from mognad_core.report import collect

        collect(tiny_frame, tiny_model, min_size=1)
    else:
        mognad.score(tiny_frame, tiny_model, min_size=1)


@pytest.mark.parametrize(
    "hook",
    [
        "register_models",
        "register_readers",
        "register_samples",
        "register_commands",
        "overall_score",
        "model_insights",
        "rank_priorities",
        "resolve_target",
        "report_sections",
    ],
)
def test_a_failing_hook_is_recorded_against_plugin_and_hook(
    hook, register_plugin, tiny_model, tiny_frame, run_cli, forget_failures
):
    register_plugin(_broken(hook), "broken-" + hook)
    warned = pytest.warns(mognad.plugins.PluginWarning, match=f"kroken {hook} i .* RuntimeError")
    with contextlib.nullcontext() if hook == "register_commands" else warned:  # CLI: stderr
        _calls(hook, tiny_model, tiny_frame, run_cli)
    failures = [f for f in mognad.plugin_failures() if f.name == "broken-" + hook]
    assert failures == [
        mognad.plugins.PluginFailure("broken-" + hook, f"RuntimeError: {hook} bug", hook)
    ]
    assert failures[0].kind == "hook"
    assert f"RuntimeError: {hook} bug" in failures[0].traceback  # for --debug
    effect = mognad.texts.text(f"plugin.effect.{hook}", "en")  # what was done, per hook
    described = failures[0].describe("en")
    assert (
        described
        == f"hook {hook} of plugin 'broken-{hook}' failed: RuntimeError: {hook} bug; {effect}"
    )
    row = {r["name"]: r for r in mognad.list_plugins("en")}["broken-" + hook]
    assert row["status"] == "loaded"  # a failing hook does not unload the plugin
    assert row["failures"] == [
        {
            "kind": "hook",
            "hook": hook,
            "model": None,
            "error": f"RuntimeError: {hook} bug",
            "text": described,
        }
    ]


def test_every_hook_is_covered_by_the_failure_test():
    covered = test_a_failing_hook_is_recorded_against_plugin_and_hook.pytestmark[0].args[1]
    specs = {name for name, _ in _hookspecs()}
    assert set(covered) == specs
    assert hookspecs.MODEL_OWNER_HOOKS.issubset(specs - {"model_insights"})


def test_mognad_plugins_and_help_name_the_failing_hook(register_plugin, run_cli, forget_failures):
    register_plugin(_broken("register_commands"), "badcli")
    shown = run_cli("--help")
    assert shown.exit_code == 0 and "score" in shown.stdout
    warning = "kroken register_commands i tillägget 'badcli' misslyckades: RuntimeError"
    assert shown.stderr.count(warning) == 1  # at start-up, and not again on close
    assert "dess kommandon saknas" in shown.stderr
    listed = run_cli("plugins")
    assert warning + ": register_commands bug; dess kommandon saknas" in listed.stdout
    assert listed.stderr.count(warning) == 1
    english = run_cli("plugins", "--lang", "en")
    hook = "hook register_commands of plugin 'badcli' failed: RuntimeError: register_commands bug"
    assert f"{hook}; its commands are missing" in english.stdout
    assert english.stderr.startswith("mognad: warning: " + hook)  # --lang read at start-up
    assert "kroken" not in english.stdout + english.stderr  # never mixed
    data = json.loads(run_cli("plugins", "--format", "json").stdout)
    row = next(r for r in data if r["name"] == "badcli")
    assert row["loaded"] and row["failures"][0]["hook"] == "register_commands"


def test_a_broken_resolve_target_is_guarded(register_plugin, tiny_model, forget_failures):
    register_plugin(_broken("resolve_target"), "badtarget")
    with pytest.warns(mognad.plugins.PluginWarning, match="kroken resolve_target"):
        target = mognad.targets.parse_target("60%", tiny_model)
    assert target.uniform == pytest.approx(0.6)  # the core resolves it as before


def test_a_user_error_from_a_model_hook_is_raised_but_not_from_registration(
    register_plugin, tiny_model, forget_failures
):
    class Refuses:
        @mognad.hookimpl
        def resolve_target(self, model, value):
            raise mognad.ModelError(f"no target profile {value!r}")

        @mognad.hookimpl
        def register_samples(self, register):
            raise mognad.ModelError("the sample file is missing")

    register_plugin(Refuses(), "refuses")
    with pytest.raises(mognad.ModelError, match="no target profile 'hög'"):
        mognad.targets.parse_target("hög", tiny_model)
    with pytest.warns(mognad.plugins.PluginWarning, match="register_samples .*: ModelError"):
        samples = mognad.get_samples()
    assert {s.model for s in samples} >= {"dimios", "dmm"}  # the other plugins still answer


def test_registrations_of_a_failing_plugin_are_dropped(register_plugin, forget_failures):
    class Half:
        @mognad.hookimpl
        def register_models(self, register):
            register(_extra_model("half"))
            raise RuntimeError("after one model")

    register_plugin(Half(), "half")
    with pytest.warns(mognad.plugins.PluginWarning):
        names = {m.name for m in mognad.list_models()}
    assert "half" not in names and "dimios" in names


class _Intruder:
    """Answers every model-specific hook for every model, without looking at the model."""

    @mognad.hookimpl
    def overall_score(self, model, result):
        return 0.99

    @mognad.hookimpl
    def rank_priorities(self, model, table):
        return ["b1"]

    @mognad.hookimpl
    def resolve_target(self, model, value):
        from mognad_core.targets import Target

        return Target(kind="number", label="intruder", uniform=0.99, overall=0.99)

    @mognad.hookimpl
    def model_insights(self, model, result):
        return [mognad.ModelInsight(key="intruder", title="Extra", text=f"About {model.name}.")]


def test_model_specific_hooks_reach_only_the_plugin_of_the_model(
    register_plugin, tiny_model, tiny_frame
):
    mine = _own_copy(tiny_model, "mine")

    class Owner:
        @mognad.hookimpl
        def register_models(self, register):
            register(mine)

        @mognad.hookimpl
        def overall_score(self, model, result):  # no check of model.name: not needed
            return 0.25

    register_plugin(Owner(), "owner")
    register_plugin(_Intruder(), "intruder")  # registered last: pluggy would ask it first
    result = mognad.score(tiny_frame, "mine", min_size=1)
    assert result.overall == pytest.approx(0.25)
    assert mognad.targets.parse_target("60%", mine).label != "intruder"
    assert mognad.priorities(result, model=mine).ranked_by == "default"
    # model_insights goes to every plugin: a plugin may add findings to another's model
    assert result.insight("intruder").text == "About mine."
    # a built-in model: only its own plugin is asked
    dimios = mognad.score(DIMIOS_SAMPLE, "dimios")
    assert dimios.overall != pytest.approx(0.99)
    assert mognad.priorities(dimios).ranked_by == "default"
    # a model no plugin registered (a user's own file) is offered to every plugin, as before
    tiny = mognad.score(tiny_frame, tiny_model, min_size=1)
    assert tiny.overall == pytest.approx(0.99)
    assert mognad.targets.parse_target("60%", tiny_model).label == "intruder"
    assert mognad.priorities(tiny, model=tiny_model).ranked_by == "intruder"


def test_an_owner_without_an_answer_leaves_the_default(register_plugin, tiny_model, tiny_frame):
    mine = _own_copy(tiny_model, "mine")

    class Owner:
        @mognad.hookimpl
        def register_models(self, register):
            register(mine)

    register_plugin(Owner(), "owner")
    register_plugin(_Intruder(), "intruder")
    result = mognad.score(tiny_frame, "mine", min_size=1)
    assert result.overall == pytest.approx(TINY_SCORES["overall"])
