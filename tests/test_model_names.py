"""Model names are case-insensitive (and tolerant of surrounding spaces) everywhere: Python, the
command line and Excel all resolve them through ``mognad_core.plugins.get_model``; results and
outputs keep the model's own (canonical) name. Model file paths are paths, not names."""

from __future__ import annotations

import json
import shutil

import openpyxl
import pytest
from conftest import DIMIOS_MODEL_FILE, DIMIOS_SAMPLE, DMM_SAMPLE, as_excel
from mognad_excel import udfs

import mognad_core as mognad

TYPED = ["DiMiOS", "DIMIOS", " dimios ", "Dimios\t"]


@pytest.mark.parametrize("typed", TYPED)
def test_python_api_finds_the_model_in_any_case(typed):
    dimios = mognad.get_model("dimios")
    assert mognad.get_model(typed) is dimios
    assert mognad.load_model(typed) is dimios
    assert mognad.resolve_model(model=typed) is dimios
    assert mognad.resolve_model(None, None, default=typed) is dimios
    assert mognad.get_model("DMM") is mognad.get_model("dmm")


def test_results_keep_the_canonical_name():
    expected = mognad.score(DIMIOS_SAMPLE, "dimios")
    result = mognad.score(DIMIOS_SAMPLE, "DiMiOS")
    assert result.model == "dimios"
    assert result.overall == pytest.approx(expected.overall)
    rs = mognad.read_responses(DIMIOS_SAMPLE, "DIMIOS")
    assert rs.model.name == "dimios"
    # a ResponseSet read for dimios is the same model whatever case the caller types
    assert mognad.ResponseSet.from_any(rs, "DiMiOS") is rs
    with pytest.raises(mognad.ModelError, match="read for model 'dimios', not 'dmm'"):
        mognad.ResponseSet.from_any(rs, "DMM")


def test_samples_are_found_in_any_case():
    dmm = [s.path for s in mognad.get_samples("dmm")]
    assert dmm and [s.path for s in mognad.get_samples(" DMM ")] == dmm


def _installed() -> str:
    return ", ".join(sorted(m.name for m in mognad.list_models()))


def test_unknown_model_lists_the_installed_ones_and_the_close_match():
    installed = _installed()
    assert {"dimios", "dmm"} <= set(installed.split(", "))
    with pytest.raises(mognad.ModelError) as err:
        mognad.get_model("DiMOS")
    assert err.value.text("sv").startswith(
        f"Okänd modell 'DiMOS'. Installerade modeller: {installed}. Menade du dimios? Ange "
    )
    assert err.value.text("en").startswith(
        f"Unknown model 'DiMOS'. Installed models: {installed}. Did you mean dimios? Give "
    )
    with pytest.raises(mognad.ModelError) as err:
        mognad.get_model("nope")
    assert err.value.text("en").startswith(
        f"Unknown model 'nope'. Installed models: {installed}. Give a model name"
    )


def test_model_file_paths_are_not_names(tmp_path):
    """A path keeps its case: on Linux Model.YAML is not model.yaml."""
    shutil.copy(DIMIOS_MODEL_FILE, tmp_path / "model.yaml")
    assert mognad.load_model(tmp_path / "model.yaml").name == "dimios"
    assert mognad.load_model(str(tmp_path / "model.yaml")).name == "dimios"
    with pytest.raises(mognad.MognadError) as err:
        mognad.load_model(str(tmp_path / "MODEL.yaml"))
    assert not isinstance(err.value, mognad.ModelError) or "Unknown model" not in str(err.value)
    assert "MODEL.yaml" in str(err.value)


# ---- command line --------------------------------------------------------------------------
def test_cli_score_with_a_name_in_any_case(run_cli):
    typed = run_cli("score", DIMIOS_SAMPLE, "--model", "DiMiOS", "--format", "json")
    plain = run_cli("score", DIMIOS_SAMPLE, "--model", "dimios", "--format", "json")
    assert typed.exit_code == 0, typed.stderr
    assert json.loads(typed.stdout) == json.loads(plain.stdout)
    assert json.loads(typed.stdout)["model"] == "dimios"
    table = run_cli("score", DIMIOS_SAMPLE, "-m", "DIMIOS", "--lang", "en")
    assert table.exit_code == 0, table.stderr
    assert "(dimios 2.0)" in table.stdout and "DIMIOS" not in table.stdout


def test_cli_models_show_in_any_case(run_cli):
    typed = run_cli("models", "show", "DIMIOS", "--format", "json")
    plain = run_cli("models", "show", "dimios", "--format", "json")
    assert typed.exit_code == 0, typed.stderr
    assert typed.stdout == plain.stdout
    assert json.loads(typed.stdout)["name"] == "dimios"
    table = run_cli("models", "show", "Dmm")
    assert table.exit_code == 0 and "(dmm 1.0)" in table.stdout


def test_cli_other_commands_take_a_name_in_any_case(run_cli, tmp_path):
    gap = run_cli("gap", DIMIOS_SAMPLE, "-m", "DiMiOS", "--format", "json")
    assert gap.exit_code == 0, gap.stderr
    assert gap.stdout == run_cli("gap", DIMIOS_SAMPLE, "-m", "dimios", "--format", "json").stdout
    prio = run_cli("priorities", DMM_SAMPLE, "-m", "DMM", "--format", "json")
    assert prio.exit_code == 0, prio.stderr
    assert prio.stdout == run_cli("priorities", DMM_SAMPLE, "-m", "dmm", "--format", "json").stdout
    # the next steps printed after a demo and a mapping name the model as registered
    demo = run_cli("demo", "--model", "DMM")
    assert demo.exit_code == 0, demo.stderr
    assert "-m dmm" in demo.stdout and "DMM" not in demo.stdout.replace("(dmm", "")
    out = tmp_path / "rubriker.yaml"
    mapping = run_cli("mapping", "init", DIMIOS_SAMPLE, "--model", "DiMiOS", "-o", out)
    assert mapping.exit_code == 0, mapping.stderr
    assert "--model dimios" in mapping.stdout and "DiMiOS" not in mapping.stdout
    assert "--model dimios" in out.read_text(encoding="utf-8")


def test_cli_unknown_model_suggests_the_close_one(run_cli):
    result = run_cli("score", DIMIOS_SAMPLE, "--model", "dimos", "--lang", "en")
    assert result.exit_code == 2
    installed = _installed()
    assert f"Unknown model 'dimos'. Installed models: {installed}. Did you mean dimios?" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


# ---- plugins -------------------------------------------------------------------------------
def test_names_differing_only_in_case_are_duplicates(register_plugin, run_cli):
    """Model files must spell names in lower case, but a plugin may build its model otherwise;
    a second "DiMiOS" would make ``--model dimios`` ambiguous, so it is skipped like any model
    whose name is taken, saying how the name is spelt; everything else keeps working."""

    shouted = mognad.load_model_file(DIMIOS_MODEL_FILE).model_copy(update={"name": "DiMiOS"})

    class Shouting:
        @mognad.hookimpl
        def register_models(self, register):
            register(shouted)

    register_plugin(Shouting(), "shouting", failures_ok=True)
    with pytest.warns(mognad.plugins.PluginWarning):
        assert {m.name: m.plugin for m in mognad.list_models()}["dimios"] == "dimios"
    (failure,) = mognad.plugin_failures()
    message = failure.describe("en")
    assert (
        "model 'DiMiOS' of plugin 'shouting' is not used: the name belongs to the built-in"
        in message
    )
    assert "(spelt 'dimios': model names ignore case)" in message
    assert "MOGNAD_REPLACE_MODELS=DiMiOS=shouting" in message
    assert mognad.get_model("DIMIOS").name == "dimios"  # the built-in
    result = run_cli("models")
    assert result.exit_code == 0 and "'shouting'" in result.stderr


def test_a_plugin_model_with_a_capital_name_is_found_and_keeps_it(register_plugin, run_cli):
    acme = mognad.load_model_file(DIMIOS_MODEL_FILE).model_copy(update={"name": "Acme"})

    class Capital:
        @mognad.hookimpl
        def register_models(self, register):
            register(acme)

    register_plugin(Capital(), "capital")
    assert mognad.get_model("acme").name == "Acme"
    assert mognad.get_model(" ACME ").name == "Acme"
    listed = json.loads(run_cli("models", "--format", "json").stdout)
    assert "Acme" in {m["name"] for m in listed}


# ---- Excel ---------------------------------------------------------------------------------
def test_excel_score_with_a_name_in_any_case():
    wb = openpyxl.load_workbook(DIMIOS_SAMPLE, read_only=True)
    try:
        rows = as_excel(wb.worksheets[0].iter_rows(values_only=True))
    finally:
        wb.close()
    expected = udfs.MOGNAD_SCORE(rows, "dimios")
    assert isinstance(expected, float)
    assert udfs.MOGNAD_SCORE(rows, "DiMiOS") == pytest.approx(expected)
    assert udfs.MOGNAD_SCORE(rows, "DiMiOS", "arv") == pytest.approx(
        udfs.MOGNAD_SCORE(rows, "dimios", "arv")
    )
    assert expected == pytest.approx(mognad.score(DIMIOS_SAMPLE, "dimios").overall)
