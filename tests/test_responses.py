"""Matching headers to statements and turning cells into answers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import mognad_core as mognad
from mognad_core.responses import code_column, match_header

DATA = Path(__file__).parent / "data"


def test_headers_by_id_text_alias_and_numbering(tiny_model):
    frame = pd.DataFrame(
        {
            " A1 ": [5],  # id, any case and spacing
            "we have a plan": [4],  # English text without the full stop
            "3. Planen  saknas ofta": [2],  # numbered question text
            "Fråga 3": [3],  # alias of b1
            "roll": ["Chef"],
        }
    )
    frame = frame.rename(columns={"we have a plan": "WE HAVE A PLAN."})
    frame = frame.drop(columns=[" A1 "])
    rs = mognad.prepare(frame, tiny_model)
    assert rs.columns == {"a1": "WE HAVE A PLAN.", "a2": "3. Planen  saknas ofta", "b1": "Fråga 3"}
    assert rs.attribute_columns == ["roll"]
    assert rs.missing_statements == ["b3", "b2"]
    assert any("b3, b2" in note for note in rs.notes)


def test_match_header_does_not_guess(tiny_model):
    from mognad_core.responses import _header_lookup

    lookup = _header_lookup(tiny_model)
    assert match_header("a1", lookup) == "a1"
    assert match_header("a", lookup) is None
    assert match_header("Vi har en plan och mer", lookup) is None


def test_mapping_file(tmp_path, tiny_model):
    mapping = tmp_path / "rubriker.yaml"
    mapping.write_text("Fråga ett: a1\nFråga två: a2\n", encoding="utf-8")
    frame = pd.DataFrame({"Fråga ett": [5, 4], "Fråga två": [1, 1]})
    rs = mognad.prepare(frame, tiny_model, mapping=mognad.load_mapping(mapping))
    assert rs.columns == {"a1": "Fråga ett", "a2": "Fråga två"}
    result = mognad.score(frame, tiny_model, mapping=mapping, min_size=1)
    assert result.statements["a1"].mean == pytest.approx(4.5)


def test_mapping_to_unknown_statement_is_an_error(tiny_model):
    with pytest.raises(mognad.InputError, match='sends "x" to "zz", which is not a statement'):
        mognad.prepare(pd.DataFrame({"x": [1]}), tiny_model, mapping={"x": "zz"})


def test_code_column_kinds(tiny_model):
    col = pd.Series([1.0, "2", " 3 ", "4,0", "VET EJ", "vet  inte", None, "", np.nan], dtype=object)
    coded = code_column(col, tiny_model.scale)
    np.testing.assert_array_equal(coded.values[:4], [1, 2, 3, 4])
    assert coded.dont_know.tolist() == [False] * 4 + [True, True] + [False] * 3
    assert np.isnan(coded.values[4:]).all()
    assert coded.bad.size == 0


def test_code_column_flags_bad_cells(tiny_model):
    col = pd.Series([1, 6, 2.5, True, "x", 0], dtype=object)
    assert code_column(col, tiny_model.scale).bad.tolist() == [1, 2, 3, 4, 5]
    numeric = pd.Series([1.0, 5.0, 5.5, -1.0, np.inf])
    assert code_column(numeric, tiny_model.scale).bad.tolist() == [2, 3, 4]


def test_non_integer_scale_accepts_half_steps():
    model = mognad.model_from_dict(
        {
            "name": "halv",
            "title": "H",
            "scale": {"min": 0, "max": 10, "integer": False},
            "dimensions": [{"id": "d", "label": "D", "statements": [{"id": "s", "text": "S"}]}],
        }
    )
    assert (
        mognad.score(pd.DataFrame({"s": [2.5, 7.5]}), model, min_size=1).statements["s"].score
        == 0.5
    )


def test_to_frame_round_trip(tiny_model, tiny_frame):
    rs = mognad.prepare(tiny_frame, tiny_model)
    again = mognad.prepare(rs.to_frame(), tiny_model)
    np.testing.assert_array_equal(rs.values, again.values)
    np.testing.assert_array_equal(rs.dont_know, again.dont_know)


def test_subset_scores_a_group(tiny_model, tiny_frame):
    rs = mognad.prepare(tiny_frame, tiny_model)
    soc = rs.subset(rs.attributes["förvaltning"] == "Soc")
    assert soc.n == 2
    assert mognad.score_responses(soc, min_size=1).statements["a1"].mean == pytest.approx(4.5)
