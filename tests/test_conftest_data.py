"""The shared test data in conftest.py is what it says: the paths name the bundled files, and
the tiny model's expected values cover every node and agree with scoring (test_scoring.py
checks most of them one by one; here every entry of the tables)."""

from __future__ import annotations

import mognad_dimios
import mognad_dmm
import pandas as pd
import pytest
from conftest import (
    ARBETSGRUPP_SAMPLE,
    CORPUS,
    DATA,
    DIMIOS5_2023,
    DIMIOS_2024,
    DIMIOS_2025,
    DIMIOS_MODEL_FILE,
    DIMIOS_SAMPLE,
    DIMIOS_SAMPLES,
    DMM_ORIGINAL_SAMPLE,
    DMM_ORIGINAL_TARGET,
    DMM_SAMPLE,
    DMM_SAMPLES,
    DMM_TARGET,
    EU_DMA_SAMPLE,
    INITIATIVES,
    TINY,
    TINY_DONT_KNOW_SHARES,
    TINY_MEANS,
    TINY_ROWS,
    TINY_SCORES,
    TINY_SIX_ROWS,
    as_excel,
)

import mognad_core as mognad


def test_sample_paths_are_the_bundled_samples():
    for path in (DATA, CORPUS, DIMIOS_SAMPLES, DMM_SAMPLES, DIMIOS_MODEL_FILE, TINY):
        assert path.exists(), path
    bundled = {(s.model, s.kind, s.path.resolve()) for s in mognad.get_samples()}
    assert bundled == {
        ("dimios", "responses", DIMIOS_SAMPLE.resolve()),
        ("dimios", "responses", DIMIOS_2024.resolve()),
        ("dimios", "responses", DIMIOS_2025.resolve()),
        ("dimios", "initiatives", INITIATIVES.resolve()),
        ("dimios-5", "responses", DIMIOS5_2023.resolve()),
        ("dmm", "responses", DMM_SAMPLE.resolve()),
        ("dmm", "target", DMM_TARGET.resolve()),
        ("dmm-original", "responses", DMM_ORIGINAL_SAMPLE.resolve()),
        ("dmm-original", "target", DMM_ORIGINAL_TARGET.resolve()),
        ("arbetsgrupp", "responses", ARBETSGRUPP_SAMPLE.resolve()),
        ("eu-dma", "responses", EU_DMA_SAMPLE.resolve()),
    }
    # the first response sample of each model is the one demo and the docs use
    assert mognad.get_samples("dimios", "responses")[0].path.resolve() == DIMIOS_SAMPLE.resolve()
    assert mognad.get_samples("dmm", "responses")[0].path.resolve() == DMM_SAMPLE.resolve()
    assert mognad.get_model("dimios").name == mognad.load_model_file(DIMIOS_MODEL_FILE).name
    # ... and the plugins' own names for them
    assert mognad_dimios.SAMPLE.resolve() == DIMIOS_SAMPLE.resolve()
    assert mognad_dmm.SAMPLE.resolve() == DMM_SAMPLE.resolve()
    assert mognad_dmm.TARGET_SAMPLE.resolve() == DMM_TARGET.resolve()
    assert mognad_dmm.SOURCE_SAMPLE.resolve() == DMM_ORIGINAL_SAMPLE.resolve()
    assert mognad_dmm.SOURCE_TARGET_SAMPLE.resolve() == DMM_ORIGINAL_TARGET.resolve()


def test_tiny_frame_and_excel_rows_are_tiny_rows(tiny_frame):
    assert tiny_frame.columns.tolist() == TINY_ROWS[0]
    assert (
        tiny_frame.astype(object).where(tiny_frame.notna(), None).values.tolist() == TINY_ROWS[1:]
    )
    assert TINY_SIX_ROWS[0] == TINY_ROWS[0]
    excel = as_excel(TINY_ROWS)
    assert excel[1] == ["Soc", 5.0, 1.0, 3.0, 2.0, None]
    assert all(type(v) is not int for row in excel for v in row)


def test_tiny_expected_values_cover_every_node_and_agree_with_scoring(tiny_model, tiny_frame):
    statements, dimensions = tiny_model.statement_ids, [d.id for d in tiny_model.all_dimensions()]
    assert set(TINY_SCORES) == {*statements, *dimensions, "overall"}
    assert set(TINY_MEANS) == set(statements)
    assert set(TINY_DONT_KNOW_SHARES) == {*statements, *dimensions}
    r = mognad.score(tiny_frame, tiny_model, min_size=1)
    nodes = {**r.statements, **r.dimensions}
    got = {k: nodes[k].score for k in TINY_SCORES if k != "overall"} | {"overall": r.overall}
    assert got == pytest.approx(TINY_SCORES)
    assert {k: r.statements[k].mean for k in TINY_MEANS} == pytest.approx(TINY_MEANS)
    shares = {k: nodes[k].dont_know_share for k in TINY_DONT_KNOW_SHARES}
    assert shares == pytest.approx(TINY_DONT_KNOW_SHARES)


def test_six_rows_are_what_their_description_says(tiny_model):
    frame = pd.DataFrame(TINY_SIX_ROWS[1:], columns=TINY_SIX_ROWS[0])
    r = mognad.score(frame, tiny_model, min_size=1)
    assert r.statements["b3"].n == 2
    assert all(r.statements[s].n in (5, 6) for s in ("a1", "a2", "b1", "b2"))
    shown = mognad.score(frame, tiny_model)  # the default policy (min_size 5)
    assert shown.statements["b3"].score is None and shown.statements["b1"].score is not None
