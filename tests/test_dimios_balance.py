"""The efficiency–innovation balance on hand-made answers (1-6 scale: score = (answer - 1) / 5).

The frames have one to five respondents: tests of the arithmetic pass ``min_size=1`` (the
anonymity protection off), as a data holder checking figures would.
"""

from __future__ import annotations

import mognad_dimios as dimios
import pandas as pd
import pytest
import yaml
from conftest import DIMIOS_MODEL_FILE

import mognad_core as mognad

IDS = [f"{d}{c}{i}" for d in "fa" for c in (1, 2, 3) for i in (1, 2, 3, 4, 5)]
EXPLOIT = {"f11", "f12", "f13", "f14", "f15", "f32", "f33", "f35", "a12", "a15", "a21", "a23"}
EXPLOIT |= {"a25", "a31", "a34", "a35"}


def answers(exploit: list, explore: list) -> pd.DataFrame:
    """Each respondent i answers exploit[i] to every exploit item and explore[i] to the rest."""
    return pd.DataFrame({s: exploit if s in EXPLOIT else explore for s in IDS})


def test_all_efficiency_no_innovation():
    result = mognad.score(answers([6, 6], [1, 1]), model="dimios", min_size=1)
    b = dimios.balance(result)
    assert (b.overall.exploit, b.overall.explore) == (1.0, 0.0)
    assert b.overall.balance == -1.0 and b.overall.explore_share == 0.0
    assert b.overall.tilt == "exploit"
    assert b.dimensions["formaga"].tilt == b.dimensions["arv"].tilt == "exploit"
    ins = result.insight("dimios.balance")
    assert "lutar mot effektivitet" in ins.text
    assert "vanligt i offentlig sektor" in ins.text  # said neutrally, with the research
    assert [r["Del"] for r in ins.rows] == ["Digital förmåga", "Digitalt arv"]


def test_innovation_leaning_in_english():
    result = mognad.score(answers([2, 2], [5, 6]), model="dimios", min_size=1)  # .2 vs .9
    b = dimios.balance(result, lang="en")
    assert b.overall.balance == pytest.approx(0.7)
    assert b.overall.explore_share == pytest.approx(0.9 / 1.1)
    assert b.overall.tilt == "explore"
    en = mognad.score(answers([2, 2], [5, 6]), model="dimios", lang="en", min_size=1)
    ins = en.insight("dimios.balance")
    assert ins.title == "Efficiency–innovation" and "leans to innovation" in ins.text


@pytest.mark.parametrize(
    ("explore_answers", "tilt"),
    [
        ([3, 3, 3, 4, 4, 4], "balanced"),  # mean 3.5 -> 0.5 against 0.4: exactly 0.10
        ([3, 3, 3, 4, 4, 5], "explore"),  # mean 3.67 -> 0.533: 0.13
    ],
)
def test_tilt_threshold_is_exclusive(explore_answers, tilt):
    result = mognad.score(answers([3] * 6, explore_answers), model="dimios")
    b = dimios.balance(result)
    assert b.threshold == 0.10
    assert b.overall.tilt == tilt


def test_statements_without_answers_are_left_out():
    frame = answers([6, 6], [1, 1])
    frame[[s for s in IDS if s in EXPLOIT]] = "vet ej"
    b = dimios.balance(mognad.score(frame, model="dimios", min_size=1))
    assert b.overall.exploit is None and b.overall.n_exploit == 0
    assert b.overall.explore == 0.0 and b.overall.n_explore == 14
    assert b.overall.balance is None and b.overall.tilt is None


def test_model_settings_are_checked(tmp_path):
    data = yaml.safe_load(DIMIOS_MODEL_FILE.read_text("utf-8"))
    data["name"] = "egen"
    data["dimensions"][0]["categories"][0]["statements"][0]["meta"]["axis"] = "effektivitet"
    path = tmp_path / "egen.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = mognad.score(answers([3], [3]), model=path, min_size=1)
    with pytest.raises(mognad.ModelError, match=r"statement 'f11': meta\.axis is 'effektivitet'"):
        dimios.balance(result, model=path)
    # in `mognad score` the problem is shown and the other findings are kept
    assert result.insight("dimios.balance") is None
    assert result.insight("dimios.quadrant") is not None
    problem = result.insight("dimios.settings")
    assert "meta.axis är 'effektivitet'" in problem.rows[0]["Problem"]  # the result's language
    for d in data["dimensions"]:
        for c in d["categories"]:
            for s in c["statements"]:
                s["meta"].pop("axis", None)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = mognad.score(answers([3], [3]), model=path, min_size=1)
    with pytest.raises(mognad.ModelError, match="tags no statement"):
        dimios.balance(result, model=path)
    # the insights simply leave the balance out for such a model; the 2x2 is still there
    assert result.insight("dimios.balance") is None
    assert result.insight("dimios.quadrant") is not None
