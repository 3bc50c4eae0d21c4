"""Sample data: seeded, realistic, and the bundled files are what the generator makes."""

from __future__ import annotations

import numpy as np
import pandas as pd
from conftest import DIMIOS5_2023, DIMIOS_SAMPLE

import mognad_core as mognad
from mognad_core.sample_data import generate_responses


def test_generator_is_seeded():
    model = mognad.get_model("dimios")
    a = generate_responses(model, n=50, seed=1)
    b = generate_responses(model, n=50, seed=1)
    c = generate_responses(model, n=50, seed=2)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)


def test_bundled_samples_match_the_generator():
    model = mognad.get_model("dimios")
    expected = mognad.prepare(generate_responses(model, n=240, seed=2025), model)
    bundled = mognad.read_responses(DIMIOS_SAMPLE, model)
    np.testing.assert_array_equal(bundled.values, expected.values)
    np.testing.assert_array_equal(bundled.dont_know, expected.dont_know)


def test_the_five_point_sample_is_the_generators_and_dimios_says_so():
    """dimios-5's sample (one 2023 wave on 1-5) is what scripts/make_samples.py makes; scored
    with the six-point dimios it gets the note that names dimios-5."""
    model = mognad.get_model("dimios-5")
    frame = generate_responses(model, n=240, seed=2023, waves=(2023,))
    bundled = mognad.read_responses(DIMIOS5_2023, model)
    np.testing.assert_array_equal(bundled.values, mognad.prepare(frame, model).values)
    assert mognad.get_samples("dimios-5")[0].path.resolve() == DIMIOS5_2023.resolve()
    six = mognad.score(DIMIOS5_2023, "dimios")
    assert any("använd i så fall --model dimios-5" in str(n) for n in six.notes)
    assert not any("dimios-5" in str(n) for n in mognad.score(DIMIOS5_2023, "dimios-5").notes)


def test_sample_is_realistic():
    rs = mognad.read_responses(DIMIOS_SAMPLE, "dimios")
    attrs = rs.attributes
    assert sorted(attrs["år"].unique()) == [2024, 2025]
    assert attrs["förvaltning"].nunique() == 5
    assert attrs["roll"].nunique() == 4
    # small groups exist (förvaltning x roll), so anonymity rules have something to do
    assert attrs.groupby(["förvaltning", "roll"]).size().min() < 5
    result = mognad.score_responses(rs, insights=False)
    shares = [s.dont_know_share for s in result.statements.values()]
    assert min(shares) > 0.05 and max(shares) > 0.2  # finance statements: many "vet ej"
    by_year = {
        y: mognad.score_responses(rs.subset(attrs["år"] == y), insights=False).overall
        for y in (2024, 2025)
    }
    assert by_year[2025] > by_year[2024]  # the second wave improved
