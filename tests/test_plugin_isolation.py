"""One bad plugin never takes the rest down (docs/writing-a-plugin.md#isolation).

A model whose name is taken is skipped alone, naming both plugins and how to choose; a
built-in's name stays reserved when it is blocked; only the replace setting hands a name over;
a failing hook is reported as that hook's failure, with its traceback under --debug; unknown
names in the plugin settings are reported; ``mognad plugins`` and ``MOGNAD_MODELS()`` show it
all. Plugins are installed for real, through the entry-point group.
"""

from __future__ import annotations

import json
import re

import click
import pytest
from conftest import DIMIOS_2025, DIMIOS_SAMPLE, DMM_SAMPLE, install_entry_point

import mognad_core as mognad
from mognad_core import hookspecs, texts
from mognad_core.cli import cli
from mognad_core.plugins import BUILTIN_MODELS, BUILTIN_PLUGINS, PluginWarning

#: a third-party plugin with a model called "dimios" (an impostor) and one of its own
CLASH = """
    from mognad_core import hookimpl, model_from_dict

    def _model(name):
        return model_from_dict({"name": name, "title": "Klon", "dimensions": [
            {"id": "d", "label": "D", "statements": [{"id": "s", "text": "S"}]}]})

    @hookimpl
    def register_models(register):
        register(_model("dimios"))
        register(_model("klon"))
"""


@pytest.fixture
def clash(tmp_path, monkeypatch):
    """The plugin 'clash' (distribution mognad-clash) installed through its entry point."""
    install_entry_point(tmp_path, monkeypatch, "mognad_clash", "clash", "mognad_clash", CLASH)


@pytest.fixture
def quiet():
    """Plugin warnings are expected here; each test asserts the ones it is about."""
    with pytest.warns(PluginWarning):
        yield


def _plugin_row(run_cli, name: str, *args: str) -> dict:
    listed = run_cli("plugins", "--format", "json", *args)
    assert listed.exit_code == 0, listed.stderr
    return next(r for r in json.loads(listed.stdout) if r["name"] == name)


# ---- a name clash: the newer registration fails alone ---------------------------------------
def test_a_clashing_plugin_skips_its_model_alone_naming_both_plugins(clash, run_cli):
    listed = run_cli("models", "--format", "json")
    assert listed.exit_code == 0, listed.stderr
    plugins = {m["name"]: m["plugin"] for m in json.loads(listed.stdout)}
    assert plugins == {**BUILTIN_MODELS, "klon": "clash"}
    warning = (
        "mognad: varning: modellen 'dimios' i tillägget 'clash' används inte: namnet tillhör "
        "den inbyggda modellen i tillägget 'dimios'."
    )
    assert listed.stderr.count(warning) == 1
    assert "MOGNAD_REPLACE_MODELS=dimios=clash" in listed.stderr
    row = _plugin_row(run_cli, "clash")
    assert row["status"] == "model rejected" and row["loaded"]
    assert [(f["kind"], f["model"]) for f in row["failures"]] == [("model", "dimios")]
    shown = run_cli("plugins", "--lang", "en").stdout
    assert re.search(r"clash +mognad_clash 1.0 +loaded, model rejected +register_models", shown)
    assert "model 'dimios' of plugin 'clash' is not used: the name belongs to the built-in" in shown


def _runs(tmp_path) -> list[tuple[str, ...]]:
    """A real run of each kind of command, on the bundled samples."""
    return [
        ("models",),
        ("models", "show", "dimios"),
        ("plugins",),
        ("samples",),
        ("settings",),
        ("demo",),
        ("score", DIMIOS_SAMPLE, "--where", "år=2025"),
        ("score", DMM_SAMPLE, "--model", "dmm"),
        ("score", DIMIOS_2025, "--model", "klon"),  # refused (no column s): a located error
        ("gap", DIMIOS_2025),
        ("priorities", DIMIOS_2025),
        ("groups", DIMIOS_2025, "--by", "förvaltning"),
        ("reliability", DIMIOS_2025),
        ("compare", DIMIOS_SAMPLE),
        ("dimios", "classify", DIMIOS_2025),
        ("dmm", "workshop", DMM_SAMPLE),
        ("report", DIMIOS_2025, "-o", tmp_path / "rapport.xlsx"),
        ("excel", "template", "dimios", "-o", tmp_path / "mall.xlsx"),
    ]


def test_with_a_clash_installed_every_command_still_works(clash, run_cli, tmp_path):
    before = mognad.score(DIMIOS_2025, "dimios").overall  # the built-in, whatever is installed
    for args in _runs(tmp_path):
        done = run_cli(*args)
        expected = 2 if "klon" in args else 0
        assert done.exit_code == expected, (args, done.stdout[-300:], done.stderr[-500:])
        assert "Traceback" not in done.stderr
    scored = run_cli("score", DIMIOS_2025, "--format", "json")
    assert json.loads(scored.stdout)["overall"] == pytest.approx(before)
    assert (tmp_path / "rapport.xlsx").stat().st_size > 0


def test_with_a_clash_installed_every_command_still_starts(clash, run_cli):
    """--help of every command and subcommand (a plugin's own ones included)."""
    run_cli("--help")  # loads the commands

    def paths(group: click.Group, prefix: tuple[str, ...] = ()):
        for name, command in group.commands.items():
            yield (*prefix, name)
            if isinstance(command, click.Group):
                yield from paths(command, (*prefix, name))

    found = list(paths(cli))
    assert len(found) > 20 and ("excel", "recalc") in found
    for args in found:
        done = run_cli(*args, "--help")
        assert done.exit_code == 0, (args, done.stderr)


def test_with_a_clash_installed_the_excel_functions_work_and_show_it(clash):
    from mognad_excel import udfs

    table = udfs.MOGNAD_MODELS()
    names = {*BUILTIN_MODELS, "klon"}
    shown = [row[0] for row in table[1 : len(names) + 1]]
    assert set(shown) == names and shown[-1] == "klon"  # built-ins first, in loading order
    assert table[1][:1] + table[1][5:] == ["dimios", "dimios"]  # the built-in's, by its plugin
    (status,) = [row for row in table if row[0] == "Varning"]
    assert status[5] == "clash" and "modellen 'dimios' i tillägget 'clash'" in status[2]
    headers = udfs.MOGNAD_HEADERS("dimios")
    assert headers == [list(mognad.get_model("dimios").statement_ids)] and len(headers[0]) > 20
    with udfs.settings_for_run(lang="en"):
        english = udfs.MOGNAD_MODELS()
    assert english[-1][0] == "Warning" and "built-in model of plugin 'dimios'" in english[-1][2]


def test_two_third_party_plugins_with_one_name_the_first_by_name_keeps_it(
    tmp_path, monkeypatch, quiet
):
    source = """
        from mognad_core import hookimpl, model_from_dict

        @hookimpl
        def register_models(register):
            register(model_from_dict({"name": "%s", "title": "%s", "dimensions": [
                {"id": "d", "label": "D", "statements": [{"id": "s", "text": "S"}]}]}))
    """
    install_entry_point(
        tmp_path, monkeypatch, "b_dist", "beta", "mognad_b", source % ("delad", "B")
    )
    install_entry_point(
        tmp_path, monkeypatch, "a_dist", "alpha", "mognad_a", source % ("delad", "A")
    )
    assert mognad.get_model("DELAD").title == "A"
    (failure,) = mognad.plugin_failures()
    assert (failure.name, failure.model) == ("beta", "delad")
    assert "plugin 'alpha' already has a model of that name" in failure.describe("en")


# ---- blocking and replacing --------------------------------------------------------------------
def test_blocking_a_builtin_never_hands_its_name_to_another_plugin(clash, monkeypatch, run_cli):
    monkeypatch.setenv("MOGNAD_BLOCK_PLUGINS", "dimios")
    mognad.reset_plugins()
    with pytest.warns(PluginWarning, match="namnet tillhör den inbyggda modellen"):
        names = [m.name for m in mognad.list_models()]
    assert set(names) == {m for m, p in BUILTIN_MODELS.items() if p != "dimios"} | {"klon"}
    refused = run_cli("score", DIMIOS_2025, "--model", "dimios")
    assert refused.exit_code == 2 and "Okänd modell 'dimios'" in refused.stderr
    assert "(blockerat av MOGNAD_BLOCK_PLUGINS)" in refused.stderr  # the warning says why
    row = _plugin_row(run_cli, "dimios")
    assert (row["status"], row["reason"]) == ("skipped", "blockerat av MOGNAD_BLOCK_PLUGINS")


@pytest.mark.parametrize("where", ["env", "file"])
def test_the_replace_setting_is_the_one_way_to_replace_a_builtin(
    clash, monkeypatch, tmp_path, run_cli, where
):
    if where == "env":
        monkeypatch.setenv("MOGNAD_REPLACE_MODELS", " dimios = clash ")
    else:
        (tmp_path / "mognad.toml").write_text('replace_models = "dimios=clash"\n')
        monkeypatch.chdir(tmp_path)
    mognad.reset_plugins()
    assert mognad.get_model("dimios").title == "Klon"
    assert mognad.plugin_failures() == []  # chosen, not a problem
    assert {m.name: m.plugin for m in mognad.list_models()}["dimios"] == "clash"
    row = _plugin_row(run_cli, "dimios", "--lang", "en")
    assert row["replaced"] == [{"model": "dimios", "by": "clash"}]
    shown = run_cli("plugins").stdout
    assert "modellen 'dimios' ersatt av tillägget 'clash' (MOGNAD_REPLACE_MODELS)" in shown
    settings = run_cli("settings").stdout
    assert "replace_models = dimios" in settings


def test_a_replaced_plugin_is_not_asked_about_the_name_it_lost(clash, monkeypatch, run_cli):
    """The built-in DiMiOS plugin's insights and samples are its own model's: once the replace
    setting hands the name to another plugin, they no longer apply to that name."""
    monkeypatch.setenv("MOGNAD_REPLACE_MODELS", "dimios=clash")
    mognad.reset_plugins()
    answers = mognad.make_responses("dimios", n=8, seed=1)[["s"]]  # the clash model: one statement
    result = mognad.score(answers, "dimios", min_size=1)
    assert result.insights == [] and mognad.plugin_failures() == []
    assert [s.plugin for s in mognad.get_samples("dimios")] == []  # the built-in's are not its
    assert {s.model for s in mognad.get_samples()} >= {"dmm"}  # the others' still are
    demo = run_cli("demo", "--model", "dimios")
    assert demo.exit_code == 2 and "Traceback" not in demo.stderr


def test_two_packages_declaring_one_plugin_name_are_reported(tmp_path, monkeypatch, run_cli):
    source = "X = 1\n"
    install_entry_point(tmp_path / "a", monkeypatch, "first_dist", "twin", "mognad_twin_a", source)
    install_entry_point(tmp_path / "b", monkeypatch, "second_dist", "twin", "mognad_twin_b", source)
    with pytest.warns(PluginWarning):
        (failure,) = mognad.plugin_failures()
    assert failure.kind == "setting" and failure.name == "twin"
    described = failure.describe("en")
    assert "two installed packages have a plugin called 'twin'" in described
    assert "second_dist 1.0" in described and "first_dist 1.0" in described
    shown = run_cli("plugins", "--lang", "en").stdout
    assert "two installed packages have a plugin called 'twin'" in shown


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("dimios", "'dimios' should be written model=plugin, e.g. dimios=acme; it is not used"),
        ("dimios=nobody", "chooses plugin 'nobody' for model 'dimios', but that plugin has no"),
        ("dimios=dimioss", "has no model of that name (did you mean 'dimios'?); the setting"),
        ("dimos=clash", "names model 'dimos', which no plugin has (did you mean 'dimios'?)"),
    ],
)
def test_a_replace_setting_that_cannot_work_is_reported(monkeypatch, value, expected):
    monkeypatch.setenv("MOGNAD_REPLACE_MODELS", value)
    mognad.reset_plugins()
    with pytest.warns(PluginWarning):
        assert mognad.get_model("dimios").title.startswith("DiMiOS")
    (failure,) = mognad.plugin_failures()
    assert failure.kind == "setting" and expected in failure.describe("en")


@pytest.mark.parametrize(
    ("env", "value", "expected"),
    [
        ("MOGNAD_BLOCK_PLUGINS", "dimos", "MOGNAD_BLOCK_PLUGINS names 'dimos', which is not an"),
        ("MOGNAD_ALLOW_PLUGINS", "acme", "MOGNAD_ALLOW_PLUGINS names 'acme', which is not an"),
        ("MOGNAD_BLOCK_PLUGINS", "mognad_readers", "'mognad_readers' cannot be blocked"),
    ],
)
def test_unknown_names_in_the_plugin_settings_are_reported(
    monkeypatch, run_cli, env, value, expected
):
    monkeypatch.setenv(env, value)
    mognad.reset_plugins()
    with pytest.warns(PluginWarning):
        failures = mognad.plugin_failures()
    assert [f.kind for f in failures] == ["setting"]
    assert expected in failures[0].describe("en")
    if value == "dimos":
        assert "(did you mean 'dimios'?)" in failures[0].describe("en")
    mognad.reset_plugins()
    shown = run_cli("plugins", "--lang", "en")
    assert "Problems:" in shown.stdout and expected in shown.stdout
    assert shown.stderr.count(expected) == 1


def test_plugins_lists_skipped_plugins_with_the_reason(tmp_path, monkeypatch, run_cli):
    install_entry_point(tmp_path, monkeypatch, "x_dist", "xtra", "mognad_xtra", "X = 1\n")
    install_entry_point(tmp_path, monkeypatch, "y_dist", "ytra", "mognad_ytra", "1 / 0\n")
    monkeypatch.setenv("MOGNAD_ALLOW_PLUGINS", "ytra")
    monkeypatch.setenv("MOGNAD_BLOCK_PLUGINS", "dmm")
    mognad.reset_plugins()
    rows = {r["name"]: r for r in json.loads(run_cli("plugins", "--format", "json").stdout)}
    assert (rows["xtra"]["status"], rows["xtra"]["reason"]) == (
        "skipped",
        "inte med i MOGNAD_ALLOW_PLUGINS",
    )
    assert rows["dmm"]["reason"] == "blockerat av MOGNAD_BLOCK_PLUGINS"
    assert rows["ytra"]["reason"] == "kunde inte laddas: ZeroDivisionError: division by zero"
    assert rows["dimios"]["status"] == "loaded"
    shown = run_cli("plugins", "--lang", "en").stdout
    assert "not used: could not be loaded: ZeroDivisionError" in shown
    assert "not used: not in MOGNAD_ALLOW_PLUGINS" in shown


# ---- a failing hook: reported as that hook's failure ------------------------------------------
class _InsightsFail:
    """Fails in model_insights on data with no valid answer (as a newcomer's plugin did)."""

    @mognad.hookimpl
    def model_insights(self, model, result, context):
        scores = [d.score for d in result.dimensions.values() if d.score is not None]
        return [mognad.ModelInsight(key="lowest", title=str(min(scores)))]


def test_a_failing_hook_is_reported_as_that_hook_with_its_traceback_under_debug(
    register_plugin, run_cli, tmp_path
):
    register_plugin(_InsightsFail(), "acme", failures_ok=True)
    answers = tmp_path / "vet_ej.csv"
    ids = mognad.get_model("dimios").statement_ids
    lines = [";".join(ids)] + [";".join(["vet ej"] * len(ids))] * 6
    answers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = run_cli("score", answers)
    assert done.exit_code == 0, done.stderr  # scoring goes on
    expected = (
        "mognad: varning: kroken model_insights i tillägget 'acme' misslyckades: ValueError: "
        "min() arg is an empty sequence; dess insikter utelämnades"
    )
    assert expected in done.stderr
    assert "hoppades över" not in done.stderr and "Traceback" not in done.stderr
    mognad.reset_plugins()
    register_plugin(_InsightsFail(), "acme", failures_ok=True)
    debug = run_cli("--debug", "score", answers, "--lang", "en")
    assert "hook model_insights of plugin 'acme' failed: ValueError" in debug.stderr
    assert "its insights were left out" in debug.stderr
    assert "Traceback (most recent call last)" in debug.stderr
    assert "in model_insights" in debug.stderr  # the plugin's own line
    assert _plugin_row(run_cli, "acme")["status"] == "loaded"


def test_every_hook_says_what_was_done_when_it_failed():
    specs = {n for n in dir(hookspecs) if hasattr(getattr(hookspecs, n), "mognad_spec")}
    effects = {k.split(".")[-1] for k in texts.CATALOGUE if k.startswith("plugin.effect.")}
    assert specs <= effects and effects - specs == {"other"}


def test_the_reserved_names_are_what_the_builtins_register():
    registered = {m.name: m.plugin for m in mognad.list_models()}
    assert registered == BUILTIN_MODELS
    assert set(BUILTIN_MODELS.values()) <= set(BUILTIN_PLUGINS)
