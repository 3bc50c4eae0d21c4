"""The test kit for plugin authors (mognad_core/testing.py): make_responses for any model, the
register_plugin and mognad_cli fixtures, and pytest_plugins = ["mognad_core.testing"] in a
plugin project of its own, run by pytest in a subprocess."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import textwrap
import types

import numpy as np
import pandas as pd
import pytest
from conftest import TINY

import mognad_core as mognad
from mognad_core import testing
from mognad_core.sample_data import write_csv
from mognad_core.testing import make_responses

MODELS = ["dimios", "dmm", TINY]


def _model(which) -> mognad.MaturityModel:
    return mognad.load_model(which)


def _cells(frame: pd.DataFrame, model) -> np.ndarray:
    return frame[model.statement_ids].to_numpy(dtype=object)


def _near(share: float, expected: float, cells: int) -> bool:
    """Within 4.5 standard deviations of a binomial share (a false alarm about once in 10^5)."""
    sd = math.sqrt(max(expected * (1 - expected), 1e-9) / cells)
    return abs(share - expected) <= 4.5 * sd


@pytest.mark.parametrize("which", MODELS, ids=["dimios", "dmm", "tiny"])
def test_one_column_per_statement_with_answers_on_the_scale(which):
    model = _model(which)
    frame = make_responses(which, n=300, seed=4, dont_know=0.1, blanks=0.05)
    assert list(frame.columns) == model.statement_ids  # no groups, roles or waves asked for
    assert len(frame) == 300
    cells = _cells(frame, model).ravel()
    token = model.scale.dont_know[0]
    answers = [v for v in cells if v is not None and v != token]
    assert {type(v) for v in answers} == {int}
    assert min(answers) == model.scale.min and max(answers) == model.scale.max
    assert {v for v in cells if isinstance(v, str)} == {token}
    dont_know = sum(v == token for v in cells) / cells.size
    blank = sum(v is None for v in cells) / cells.size
    assert _near(dont_know, 0.1, cells.size), dont_know
    assert _near(blank, 0.05, cells.size), blank


@pytest.mark.parametrize(("dont_know", "blanks"), [(0.3, 0.0), (0.0, 0.2), (0.0, 0.0)])
def test_the_shares_asked_for(dont_know, blanks):
    model = _model("dimios")
    cells = _cells(make_responses(model, n=200, dont_know=dont_know, blanks=blanks), model)
    cells = cells.ravel()
    token_share = sum(v == "vet ej" for v in cells) / cells.size
    blank_share = sum(v is None for v in cells) / cells.size
    assert _near(token_share, dont_know, cells.size) and _near(blank_share, blanks, cells.size)
    if not dont_know:
        assert token_share == 0
    if not blanks:
        assert blank_share == 0


def test_a_model_s_own_dont_know_token_is_used():
    model = mognad.load_model(TINY).model_copy(deep=True)
    model.scale.dont_know = ["Ingen aning", "vet ej"]
    cells = _cells(make_responses(model, n=50, dont_know=0.3), model).ravel()
    assert {v for v in cells if isinstance(v, str)} == {"Ingen aning"}


def test_the_same_seed_gives_the_same_table_and_another_seed_another():
    a = make_responses("dmm", n=30, seed=3, groups=3, roles=True, waves=[2024, 2025])
    b = make_responses("dmm", n=30, seed=3, groups=3, roles=True, waves=[2024, 2025])
    pd.testing.assert_frame_equal(a, b)
    c = make_responses("dmm", n=30, seed=4, groups=3, roles=True, waves=[2024, 2025])
    assert not a.equals(c)
    assert make_responses("dmm").equals(make_responses("dmm", n=40, seed=0))  # the defaults


def _numeric(frame: pd.DataFrame, sids: list[str]) -> pd.DataFrame:
    return frame[sids].apply(pd.to_numeric, errors="coerce")


@pytest.mark.parametrize("which", ["dmm", TINY], ids=["dmm", "tiny"])
def test_answers_hang_together_and_reversed_statements_go_the_other_way(which):
    model = _model(which)
    frame = make_responses(model, n=500, seed=1)
    reversed_ids = [s.id for s in model.statements if s.reverse]
    forward = [s.id for s in model.statements if not s.reverse]
    assert reversed_ids and len(forward) >= 2
    values = _numeric(frame, model.statement_ids)
    corr = values.corr()
    # one respondent's answers to ordinary statements go together (a latent maturity)
    pairs = [corr.loc[a, b] for i, a in enumerate(forward) for b in forward[i + 1 :]]
    assert np.mean(pairs) > 0.15
    # a reversed statement is agreed with by the less mature respondents
    for sid in reversed_ids:
        others = values[forward].mean(axis=1)
        assert values[sid].corr(others) < -0.15, sid


def test_groups_roles_and_waves_add_their_columns():
    frame = make_responses(TINY, n=400, seed=2, groups=3, roles=True)
    assert list(frame.columns[:2]) == ["förvaltning", "roll"]
    assert sorted(frame["förvaltning"].unique()) == ["Grupp 1", "Grupp 2", "Grupp 3"]
    assert frame["förvaltning"].value_counts().min() > 80  # about a third each
    assert frame["roll"].nunique() == 4
    shares = {"Socialförvaltningen": 3.0, "Liten förvaltning": 1.0}
    frame = make_responses(TINY, n=400, seed=2, groups=shares)
    counts = frame["förvaltning"].value_counts()
    assert set(counts.index) == set(shares) and 250 < counts["Socialförvaltningen"] < 350
    assert "roll" not in frame
    frame = make_responses(TINY, n=25, waves=[2023, 2024, 2025])
    assert list(frame.columns[:1]) == ["år"] and len(frame) == 75
    assert frame["år"].value_counts().to_dict() == {2023: 25, 2024: 25, 2025: 25}


def test_later_waves_and_groups_differ_in_maturity(opt_out):
    model = _model("dimios")
    frame = make_responses(model, n=300, seed=5, groups=3, waves=[2024, 2025])
    values = _numeric(frame, model.statement_ids).mean(axis=1)
    by_year = values.groupby(frame["år"]).mean()
    assert by_year[2025] > by_year[2024]
    by_group = values.groupby(frame["förvaltning"]).mean()
    assert by_group["Grupp 1"] < by_group["Grupp 2"] < by_group["Grupp 3"]


@pytest.mark.parametrize("which", MODELS, ids=["dimios", "dmm", "tiny"])
def test_the_table_scores_as_it_was_made(which, opt_out):
    model = _model(which)
    frame = make_responses(which, n=60, seed=8, groups=2, roles=True, waves=[2024])
    result = mognad.score(frame, model, insights=False)
    assert result.n_respondents == 60 and 0 < result.overall < 1
    cells = _cells(frame, model)
    token = model.scale.dont_know[0]
    for j, sid in enumerate(model.statement_ids):
        st = result.statements[sid]
        assert st.dont_know == sum(v == token for v in cells[:, j])
        assert st.missing == sum(v is None for v in cells[:, j])
        assert st.n + st.dont_know + st.missing == 60


def test_the_default_table_scores_under_the_default_anonymity_policy():
    result = mognad.score(make_responses("dimios"), "dimios", insights=False)
    assert result.n_respondents == 40 and result.overall is not None
    assert result.disclosure is not None and result.disclosure.min_size == 5


def test_mognad_score_reads_the_table_written_as_csv(tmp_path, run_cli, mognad_cli):
    assert mognad_cli is testing.run_cli is run_cli
    path = write_csv(make_responses(TINY, n=30, seed=1, groups=2), tmp_path / "svar.csv")
    out = run_cli("score", path, "--model", TINY, "--format", "json", "--min-size", "1")
    assert out.exit_code == 0, out.stderr
    data = json.loads(out.stdout)
    expected = mognad.score(path, TINY, min_size=1, insights=False)
    assert data["n_respondents"] == 30 == expected.n_respondents
    assert data["overall"] == pytest.approx(expected.overall)
    assert isinstance(out, testing.CliResult)
    assert '"förvaltning"' in out.stderr and "Traceback" not in out.stderr  # notes only


@pytest.mark.parametrize(
    ("arguments", "sv", "en"),
    [
        ({"n": 0}, "n måste vara ett heltal, minst 1 (fick 0)", "n must be a whole number"),
        ({"n": 2.5}, "n måste vara ett heltal, minst 1 (fick 2.5)", "(got 2.5)"),
        ({"n": True}, "n måste vara ett heltal", "(got True)"),
        ({"n": "40"}, "n måste vara ett heltal", "(got '40')"),
        ({"seed": -1}, "seed måste vara ett heltal, minst 0 (fick -1)", "at least 0"),
        ({"dont_know": 1}, "dont_know måste vara en andel från 0", "dont_know must be a share"),
        ({"blanks": -0.01}, "blanks måste vara en andel", "(got -0.01)"),
        ({"blanks": float("nan")}, "blanks måste vara en andel", "(got nan)"),
        (
            {"dont_know": 0.6, "blanks": 0.4},
            "dont_know + blanks måste vara mindre än 1 (fick 0.6 + 0.4)",
            "must be less than 1",
        ),
        ({"groups": 0}, "groups måste vara ett antal grupper", "(got 0)"),
        ({"groups": {}}, "eller en ordlista", "(got {})"),
        ({"groups": {"Soc": 0}}, "med positiva andelar", "(got {'Soc': 0})"),
        ({"groups": "Soc"}, "groups måste vara", "(got 'Soc')"),
        ({"waves": [2024, 2024]}, "waves måste vara en lista med olika årtal", "different"),
        ({"waves": []}, "waves måste vara en lista", "(got [])"),
        ({"waves": 2025}, "waves måste vara en lista", "(got 2025)"),
        ({"waves": ["2025"]}, "waves måste vara en lista", "(got ['2025'])"),
    ],
)
def test_bad_arguments_are_clear_errors(arguments, sv, en):
    with pytest.raises(mognad.MognadError) as err:
        make_responses(TINY, **arguments)
    assert sv in err.value.text("sv")
    assert en in err.value.text("en") and str(err.value) == err.value.text("en")


def test_an_unknown_model_is_the_usual_error():
    with pytest.raises(mognad.ModelError, match="dimios"):
        make_responses("dimois")


def test_make_responses_is_one_function_in_three_places():
    from mognad_core import sample_data

    assert mognad.make_responses is testing.make_responses is sample_data.make_responses
    assert "make_responses" in mognad.__all__ and "make_responses" in testing.__all__


# ---- the register_plugin fixture, driven by hand: its set-up, the test, its clean-up ---------
def _fixture():
    """The fixture's generator: ``next`` gives ``register``; ``_done`` runs the clean-up."""
    steps = testing.register_plugin.__wrapped__()
    return steps, next(steps)


def _done(steps) -> None:
    with pytest.raises(StopIteration):
        next(steps)


class Acme:
    """A plugin object with one model (named "acme" by default: its class name)."""

    @mognad.hookimpl
    def register_models(self, register):
        register(mognad.load_model(TINY).model_copy(update={"name": "acme"}))


class Failing:
    @mognad.hookimpl
    def model_insights(self, model, result, context):
        raise RuntimeError("broken on purpose")


def test_register_plugin_registers_for_one_test_and_cleans_up():
    steps, register = _fixture()
    acme = Acme()
    assert register(acme) is acme
    manager = mognad.get_plugin_manager()
    assert manager.get_plugin("acme") is acme and mognad.get_model("acme").name == "acme"
    register(Failing(), "own-name", failures_ok=True)  # a test about a failure
    with pytest.warns(UserWarning, match="broken on purpose"):
        mognad.score(make_responses("acme", n=10), "acme")
    assert "own-name" in [f.name for f in mognad.plugin_failures()]
    _done(steps)
    manager = mognad.get_plugin_manager()
    assert not manager.has_plugin("acme") and not manager.has_plugin("own-name")
    assert mognad.plugin_failures() == []  # what the failing plugin caused is forgotten
    with pytest.raises(mognad.ModelError):
        mognad.get_model("acme")


def test_an_unexpected_plugin_failure_fails_the_test_after_the_clean_up():
    """mognad only warns about a failing hook and goes on; a test must not pass unnoticed."""
    steps, register = _fixture()
    register(Acme())
    register(Failing(), "unexpected")
    with pytest.warns(UserWarning, match="broken on purpose"):
        mognad.score(make_responses("acme", n=10), "acme")
    with pytest.raises(pytest.fail.Exception) as failed:
        next(steps)
    assert str(failed.value) == (
        "plugin failures (mognad only warns about these and goes on):\n- hook model_insights of "
        "plugin 'unexpected' failed: RuntimeError: broken on purpose; its insights were left out"
    )
    assert not mognad.get_plugin_manager().has_plugin("unexpected")  # cleaned up first
    assert mognad.plugin_failures() == []


def test_assert_no_plugin_failures_names_each_failure():
    testing.assert_no_plugin_failures()  # none: passes
    steps, register = _fixture()
    register(Acme())
    register(Failing(), "kaputt", failures_ok=True)
    with pytest.warns(UserWarning):
        mognad.score(make_responses("acme", n=10), "acme")
    testing.assert_no_plugin_failures("acme")  # only acme's: none
    with pytest.raises(pytest.fail.Exception, match="plugin 'kaputt' failed: RuntimeError"):
        testing.assert_no_plugin_failures()
    _done(steps)


def test_register_plugin_leaves_an_installed_plugin_as_it_is():
    import mognad_dimios

    steps, register = _fixture()
    assert register(mognad_dimios) is mognad_dimios  # loaded already, as "dimios"
    assert not mognad.get_plugin_manager().has_plugin("mognad_dimios")
    _done(steps)
    assert mognad.get_plugin_manager().get_plugin("dimios") is mognad_dimios
    assert mognad.get_model("dimios").name == "dimios"


def test_register_plugin_names_a_module_after_it():
    steps, register = _fixture()
    module = types.ModuleType("Mognad_Extra")
    register(module)
    assert mognad.get_plugin_manager().get_plugin("mognad_extra") is module
    _done(steps)
    assert not mognad.get_plugin_manager().has_plugin("mognad_extra")


# ---- the kit in a plugin project of its own ------------------------------------------------
PLUGIN = """
from mognad_core import hookimpl, model_from_dict


@hookimpl
def register_models(register):
    register(
        model_from_dict(
            {
                "name": "acme",
                "title": "Acme",
                "dimensions": [
                    {
                        "id": "S",
                        "label": "Styrning",
                        "statements": [
                            {"id": "s1", "text": "Vi har en plan."},
                            {"id": "s2", "text": "Planen saknas.", "reverse": True},
                            {"id": "s3", "text": "Vi följer upp."},
                        ],
                    }
                ],
            }
        )
    )
"""

TESTS = '''
import pytest

import mognad_core as mognad
import mognad_acme
from mognad_core.sample_data import write_csv
from mognad_core.testing import make_responses


class Broken:
    @mognad.hookimpl
    def model_insights(self, model, result, context):
        raise RuntimeError("broken on purpose")


def test_the_plugin_scores(register_plugin, mognad_cli, tmp_path):
    assert register_plugin(mognad_acme) is mognad_acme
    assert mognad.get_plugin_manager().has_plugin("mognad_acme")  # named after the module
    frame = make_responses("acme", n=30, seed=1, groups=2)
    assert mognad.score(frame, "acme").n_respondents == 30
    path = write_csv(frame, tmp_path / "svar.csv")
    result = mognad_cli("score", path, "--model", "acme")
    assert result.exit_code == 0, result.stderr
    assert "30 svarande" in result.stdout


def by_hand(plugin, failures_ok=False):
    """What the fixture does, without its clean-up."""
    name = getattr(plugin, "__name__", type(plugin).__name__).lower()
    mognad.get_plugin_manager().register(plugin, name=name)
    return plugin


def test_a_broken_plugin(register_plugin):
    REGISTER(mognad_acme)
    REGISTER(Broken(), failures_ok=True)  # named "broken"; a test about its failure
    with pytest.warns(UserWarning, match="broken on purpose"):
        mognad.score(make_responses("acme", n=10), "acme")
    assert [f.name for f in mognad.plugin_failures()] == ["broken"]


def test_both_are_gone_afterwards():
    assert not mognad.get_plugin_manager().has_plugin("mognad_acme")
    assert not mognad.get_plugin_manager().has_plugin("broken")
    assert mognad.plugin_failures() == []
    with pytest.raises(mognad.ModelError):
        mognad.get_model("acme")


def test_an_unexpected_failure_fails_the_test(register_plugin):
    register_plugin(mognad_acme)
    register_plugin(Broken(), "unexpected")
    with pytest.warns(UserWarning):
        mognad.score(make_responses("acme", n=10), "acme")
'''


#: pytest's own complaints about the kit as a plugin (a module it cannot rewrite, a bad
#: pytest_plugins) fail the run; other libraries' deprecation warnings do not
WARNINGS_AS_ERRORS = ["-W", "error::pytest.PytestWarning"]


def _project(tmp_path, register: str) -> subprocess.CompletedProcess:
    (tmp_path / "mognad_acme.py").write_text(PLUGIN, encoding="utf-8")
    (tmp_path / "conftest.py").write_text(
        'pytest_plugins = ["mognad_core.testing"]\n', encoding="utf-8"
    )
    tests = TESTS.replace("REGISTER", register)
    (tmp_path / "test_acme.py").write_text(textwrap.dedent(tests), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOGNAD_", "PYTEST_"))}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *WARNINGS_AS_ERRORS],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_plugin_project_uses_the_kit_with_pytest_plugins(tmp_path):
    run = _project(tmp_path, "register_plugin")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "4 passed, 1 error" in run.stdout  # the error (at teardown): an unexpected failure
    assert "ERROR test_acme.py::test_an_unexpected_failure_fails_the_test" in run.stdout
    assert "plugin 'unexpected' failed: RuntimeError: broken on purpose" in run.stdout


def test_a_plugin_registered_without_the_fixture_stays_and_the_project_sees_it(tmp_path):
    """The same project, registering the plugins by hand in the second test: the third test
    fails, so the passing run above really shows the fixture's clean-up."""
    run = _project(tmp_path, "by_hand")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 failed, 3 passed, 1 error" in run.stdout
    assert "FAILED test_acme.py::test_both_are_gone_afterwards" in run.stdout
