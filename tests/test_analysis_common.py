"""What the analyses share (mognad_core/analysis/_common.py): the aggregation the bootstrap of
``compare`` uses, ``check_count`` and ``to_json``. Written for the mutation run of
``analysis_common`` (docs/quality.md); ``check_count``'s main cases are in tests/test_targets.py."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import yaml
from conftest import TINY

import mognad_core as mognad
from mognad_core.analysis import check_count
from mognad_core.analysis._common import aggregate

#: statement scores in the tiny model's order (a1, a2, b3, b1, b2), a second row with gaps
SCORES = {"a1": 0.8, "a2": 0.6, "b3": 0.2, "b1": 0.4, "b2": 1.0}
GAPS = {**SCORES, "a1": np.nan, "b3": np.nan}


def light_model(tmp_path, aggregation: str) -> mognad.MaturityModel:
    """The tiny model with weights below 1 (A 0.5, b1 0.5, b2 0.25) and the aggregation given."""
    spec = yaml.safe_load(TINY.read_text(encoding="utf-8"))
    spec["aggregation"] = aggregation
    spec["dimensions"][0]["weight"] = 0.5
    b1, b2 = spec["dimensions"][1]["categories"][0]["statements"]
    b1["weight"], b2["weight"] = 0.5, 0.25
    path = tmp_path / f"light_{aggregation}.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return mognad.load_model_file(path)


def stack(model, *rows):
    return np.array([[row[sid] for sid in model.statement_ids] for row in rows])


@pytest.mark.parametrize(
    ("aggregation", "by_hand"),
    [
        # children: B1 = (0.5*0.4 + 0.25*1)/0.75 = 0.6, B = (b3 0.2 + B1 0.6)/2 = 0.4,
        # overall = (0.5*A 0.7 + B 0.4)/1.5 = 0.5; with the gaps A 0.6, B1 = B = 0.6, overall 0.6
        ("children", {"A": (0.7, 0.6), "B1": (0.6, 0.6), "B": (0.4, 0.6), None: (0.5, 0.6)}),
        # statements: B = (0.5*0.4 + 0.25*1 + 0.2)/1.75 (every statement below it), B1 as above
        (
            "statements",
            {
                "A": (0.7, 0.6),
                "B1": (0.6, 0.6),
                "B": (0.65 / 1.75, 0.6),
                None: ((0.35 + 0.65 / 1.75) / 1.5, 0.6),
            },
        ),
    ],
)
def test_aggregate_follows_the_models_aggregation_and_weights_below_one(
    tmp_path, aggregation, by_hand
):
    model = light_model(tmp_path, aggregation)
    out = aggregate(model, stack(model, SCORES, GAPS))
    assert set(out) == {"A", "B", "B1", None}
    for key, expected in by_hand.items():
        assert out[key] == pytest.approx(expected), key


def test_aggregate_gives_the_scores_that_scoring_gives(tmp_path, tiny_frame):
    """The bootstrap of ``compare`` aggregates statement scores with ``aggregate``: it must give
    what ``mognad.score`` gives for the same statements, for both aggregations."""
    for aggregation in ("children", "statements"):
        model = light_model(tmp_path, aggregation)
        result = mognad.score(tiny_frame, model, min_size=1)
        row = {sid: np.nan if s.score is None else s.score for sid, s in result.statements.items()}
        out = aggregate(model, stack(model, row))
        for d in ("A", "B", "B1"):
            assert out[d][0] == pytest.approx(result.dimensions[d].score), (aggregation, d)
        assert out[None][0] == pytest.approx(result.overall)


def test_aggregate_of_no_scores_is_nan(tmp_path):
    model = light_model(tmp_path, "children")
    out = aggregate(model, np.full((1, len(model.statement_ids)), np.nan))
    assert all(np.isnan(v[0]) for v in out.values())


@pytest.mark.parametrize("value", [[3], {"n": 3}, object()])
def test_a_count_that_is_neither_number_nor_text_is_refused(value):
    with pytest.raises(mognad.MognadError, match="count must be a whole number from 1, not "):
        check_count(value, 2)


def test_to_json_is_indented_with_swedish_letters_as_they_are(tiny_model, tiny_frame):
    result = mognad.score(tiny_frame, tiny_model, min_size=1)
    initiatives = [["Plan", "pågående", "a1"]]
    p = mognad.portfolio(
        pd.DataFrame(initiatives, columns=["Initiativ", "Status", "Påståenden"]),
        result,
        model=tiny_model,
    )
    text = p.to_json()
    assert text.startswith('{\n  "model": "tiny",\n')
    assert '"status": "pågående"' in text and "\\u00e5" not in text
    one_line = p.to_json(indent=None)
    assert "\n" not in one_line and '"pågående"' in one_line
    assert json.loads(text) == json.loads(one_line) == p.model_dump(mode="json")


# ---- what mutation testing found: the survivors that were not equivalent -------------------
def test_a_count_given_as_a_fraction_is_read_as_its_number():
    """Kills `check_count` 18 (the text read also for numbers): ``str()`` of a
    ``fractions.Fraction`` is "5/2", which ``float()`` cannot read; the number is 2.5, named
    as such in the refusal, and 6/2 is the count 3."""
    from fractions import Fraction

    assert check_count(Fraction(6, 2)) == 3 and check_count(Fraction(4, 1), 2) == 4
    with pytest.raises(mognad.MognadError) as err:
        check_count(Fraction(5, 2))
    assert str(err.value) == "count must be a whole number from 1, not 2.5."
