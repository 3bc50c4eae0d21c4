"""Answers that fit another installed model's scale (mognad_core.responses, a core rule for every
model): an answer outside the chosen model's scale is a located error that also names the
installed models with the same statements whose scale every answer fits; a file in which many
respondents (SCALE_NOTE_MIN_RESPONDENTS) never use the top value gets a note naming the
installed models with the same statements and a shorter scale. Real files, csv and xlsx."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import TINY

import mognad_core as mognad
from mognad_core.responses import SCALE_NOTE_MIN_RESPONDENTS
from mognad_core.sample_data import write_csv, write_xlsx


def _answers(n: int, low: int, high: int, seed: int = 3, ids=None) -> pd.DataFrame:
    """``n`` (at least high - low + 1) respondents answering every statement of ``ids`` (DiMiOS's
    by default) with whole numbers low..high, each value used at least once."""
    ids = ids or mognad.get_model("dimios").statement_ids
    rng = np.random.default_rng(seed)
    values = rng.integers(low, high + 1, size=(n, len(ids)))
    values[: high - low + 1, 0] = np.arange(low, high + 1)  # every value, in the first column
    return pd.DataFrame(values, columns=ids)


@pytest.fixture(params=["csv", "xlsx"])
def write(request, tmp_path):
    def _write(frame: pd.DataFrame, name: str = "svar"):
        path = tmp_path / f"{name}.{request.param}"
        return (write_csv if request.param == "csv" else write_xlsx)(frame, path)

    return _write


def test_six_point_answers_scored_on_five_points_name_the_six_point_model(write, run_cli):
    frame = _answers(12, 1, 6)
    path = write(frame)
    with pytest.raises(mognad.InputError) as caught:
        mognad.score(path, model="dimios-5")
    err = caught.value
    first_six = int(np.flatnonzero(frame["f11"].to_numpy() == 6)[0])
    assert (err.location.row, err.location.column) == (first_six + 2, "f11")  # header is row 1
    assert "Expected a whole number from 1 to 5" in err.text("en")
    assert err.text("en").endswith(
        "The file's answers fit the model dimios (1–6), which has the same statements: use "
        "--model dimios."
    )
    assert err.text("sv").endswith(
        "Filens svar passar modellen dimios (1–6), som har samma påståenden: använd --model dimios."
    )
    result = run_cli("score", path, "--model", "dimios-5")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "använd --model dimios." in result.stderr
    # the advice is right: the suggested model reads the same file
    assert mognad.score(path, model="dimios").n_respondents == 12


def test_an_answer_no_installed_model_fits_gets_no_advice(write):
    frame = _answers(12, 1, 6)
    frame.iloc[3, 4] = 7  # fits neither 1–5 nor 1–6
    path = write(frame)
    for model in ("dimios", "dimios-5"):
        with pytest.raises(mognad.InputError) as caught:
            mognad.score(path, model=model)
        assert caught.value.hint is None
        assert "--model" not in caught.value.text("en")


def test_five_point_answers_from_many_respondents_get_a_note_naming_the_variant(write):
    n = SCALE_NOTE_MIN_RESPONDENTS
    assert n == 30
    result = mognad.score(write(_answers(n, 1, 5)), model="dimios", lang="en")
    notes = [t for t in result.notes if "top value" in t]
    assert notes == [
        "None of the 30 respondents' answers uses the scale's top value 6. Was the survey "
        "answered on a shorter scale? The model dimios-5 (1–5) has the same statements and every "
        "answer fits it: if so, use --model dimios-5."
    ]
    sv = mognad.score(write(_answers(n, 1, 5), "svar_sv"), model="dimios", lang="sv")
    assert any(
        "Inget svar av de 30 svarande använder skalans högsta värde 6" in t for t in sv.notes
    )


def test_no_note_with_fewer_respondents_or_when_the_top_value_is_used(write):
    few = mognad.score(
        write(_answers(SCALE_NOTE_MIN_RESPONDENTS - 1, 1, 5)), model="dimios", lang="en"
    )
    assert not [t for t in few.notes if "top value" in t]
    used = mognad.score(write(_answers(40, 1, 6), "used"), model="dimios", lang="en")
    assert not [t for t in used.notes if "top value" in t]
    five = mognad.score(write(_answers(40, 1, 5), "five"), model="dimios-5", lang="en")
    assert not [t for t in five.notes if "top value" in t]  # 5 is dimios-5's top value


def test_the_rule_holds_for_any_models_with_the_same_statements(tmp_path, monkeypatch, write):
    """Two model files of a user (no plugin): the tiny model on 1–5 and a copy on 1–7."""
    folder = tmp_path / "modeller"
    folder.mkdir()
    text = TINY.read_text(encoding="utf-8")
    (folder / "liten5.yaml").write_text(text.replace("name: tiny", "name: liten5"), "utf-8")
    seven = text.replace("name: tiny", "name: liten7").replace("max: 5", "max: 7")
    (folder / "liten7.yaml").write_text(seven, encoding="utf-8")
    monkeypatch.setenv("MOGNAD_MODELS_PATH", str(folder))
    mognad.reset_plugins()
    try:
        ids = mognad.get_model("liten5").statement_ids
        with pytest.raises(mognad.InputError) as caught:
            mognad.score(write(_answers(8, 1, 7, ids=ids)), model="liten5")
        assert "fit the model liten7 (1–7)" in caught.value.text("en")
        result = mognad.score(write(_answers(30, 1, 5, ids=ids), "many"), model="liten7", lang="en")
        assert any("top value 7" in t and "liten5 (1–5)" in t for t in result.notes)
    finally:
        monkeypatch.delenv("MOGNAD_MODELS_PATH")
        mognad.reset_plugins()
