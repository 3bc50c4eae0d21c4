"""The bootstrap of ``compare`` gives the results recorded for it, to the last digit.

tests/data/compare_golden.json holds what ``mognad.compare`` returned, and a digest of the
replicate statement scores ``_boot_scores`` drew, on the bundled samples and on adversarial
tables (vet ej, blanks, a statement hidden in one wave, a statement with no answers in one
wave, a reversed statement, resamples in several blocks), for each way of resampling:

* ``multinomial``: recorded with the implementation of commit 23660aa (mognad 0.1) before any
  change for speed, and never recorded again: ``resampling="multinomial"`` must go on giving
  exactly the results published with mognad 0.1.0.
* ``index`` (the default since issue 18: respondent numbers drawn with ``rng.integers``, ten
  times faster): recorded when it was introduced. Its replicates are also checked against a
  plain reference below (the mean of the drawn respondents' answers).

The same seed gives the same intervals, p-values and Holm decisions. The recordings were made
with numpy 2.4.6. numpy keeps ``Generator`` streams stable within a version but may change a
distribution's algorithm in a new one (its policy, NEP 19): if this fails after a numpy upgrade
and nothing else changed, that is the cause (say so in the commit).

Record again only on purpose (a deliberate change of results), one way at a time::

    .venv/bin/python tests/test_compare_bootstrap_identical.py --record index
"""

from __future__ import annotations

import hashlib
import json
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from conftest import DATA, DIMIOS_2024, DIMIOS_2025, TINY

import mognad_core as mognad
from mognad_core.analysis.compare import _boot_scores

GOLDEN = DATA / "compare_golden.json"


def adversarial(model: mognad.MaturityModel, n: int, seed: int, *, hide: str, empty: str):
    """``n`` respondents: answers over the whole scale, about 8 % "Vet ej" (in several
    spellings), 8 % blank, a text attribute; statement ``hide`` answered by only three
    respondents (hidden under the default policy), statement ``empty`` by nobody."""
    ids = model.statement_ids
    lo, hi = int(model.scale.min), int(model.scale.max)
    rng = np.random.default_rng(seed)
    answers = rng.integers(lo, hi + 1, size=(n, len(ids))).astype(object)
    u = rng.random(answers.shape)
    answers[u < 0.08] = None
    answers[(u >= 0.08) & (u < 0.12)] = "Vet ej"
    answers[(u >= 0.12) & (u < 0.16)] = "vet inte"
    frame = pd.DataFrame(answers, columns=ids)
    frame[hide] = [int(rng.integers(lo, hi + 1)) if i < 3 else None for i in range(n)]
    frame[empty] = None
    frame.insert(0, "förvaltning", [("Soc", "KLK", "Utb")[i % 3] for i in range(n)])
    return frame


def cases() -> dict:
    """name -> (before, after, keyword arguments of mognad.compare)."""
    dimios, dmm = mognad.get_model("dimios"), mognad.get_model("dmm")
    tiny = mognad.load_model(TINY)
    tiny_before = pd.DataFrame(
        {"a1": [2, 3, 4, "Vet ej"], "a2": [2, 2, 3, None], "b1": [1, 2, 3, 1], "b2": [3] * 4}
    )
    tiny_after = pd.DataFrame(
        {"a1": [4, 5, 4, 5, 1], "a2": [1, 2, 1, 2, None], "b1": [2, 3, 3, 4, 5], "b2": [3] * 5}
    )
    return {
        "samples": (DIMIOS_2024, DIMIOS_2025, {}),
        "samples_all_published_en": (DIMIOS_2024, DIMIOS_2025, {"min_size": 1, "lang": "en"}),
        "samples_seed_7_n_boot_150": (DIMIOS_2024, DIMIOS_2025, {"seed": 7, "n_boot": 150}),
        # 3,000 respondents: 1,333 resamples to a block, so the 2,000 come in two blocks
        "dimios_adversarial": (
            adversarial(dimios, 3000, 1, hide="f13", empty="f21"),
            adversarial(dimios, 900, 2, hide="f32", empty="f13"),
            {"model": dimios},
        ),
        "dmm_adversarial_all_published": (
            adversarial(dmm, 700, 3, hide="var2", empty="vis1"),
            adversarial(dmm, 650, 4, hide="var2", empty="var3"),
            {"model": dmm, "min_size": 1, "seed": 11},
        ),
        "tiny_reversed": (tiny_before, tiny_after, {"model": tiny, "min_size": 1, "n_boot": 333}),
    }


def boot_cases() -> dict:
    """name -> (ResponseSet, n_boot, seed) for the replicate scores themselves."""
    dimios = mognad.get_model("dimios")
    return {
        "dimios_3000": (
            mognad.prepare(adversarial(dimios, 3000, 5, hide="f13", empty="f21"), dimios),
            2000,
            2025,
        ),
        "dimios_20000_three_blocks": (
            mognad.prepare(adversarial(dimios, 20000, 6, hide="f13", empty="f21"), dimios),
            450,
            9,
        ),
        "sample_2025": (mognad.read_responses(DIMIOS_2025, dimios), 1000, 1),
    }


WAYS = ["index", "multinomial"]


def outcome(before, after, kwargs, resampling: str) -> dict:
    result = mognad.compare(before, after, resampling=resampling, **kwargs)
    assert result.resampling == resampling
    dumped = json.loads(json.dumps(result.model_dump(mode="json")))
    del dumped["resampling"]  # not a field when the multinomial results were recorded
    return dumped


def digest(rs, n_boot: int, seed: int, resampling: str) -> str:
    boot = _boot_scores(rs, n_boot, np.random.default_rng(seed), resampling)
    return f"{boot.shape} " + hashlib.sha256(np.ascontiguousarray(boot).tobytes()).hexdigest()


@pytest.fixture(scope="module")
def golden() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


CASES = [
    "samples",
    "samples_all_published_en",
    "samples_seed_7_n_boot_150",
    "dimios_adversarial",
    "dmm_adversarial_all_published",
    "tiny_reversed",
]
BOOT_CASES = ["dimios_3000", "dimios_20000_three_blocks", "sample_2025"]


@pytest.mark.parametrize("resampling", WAYS)
@pytest.mark.parametrize("name", CASES)
def test_compare_results_are_those_recorded(golden, name, resampling):
    before, after, kwargs = cases()[name]
    got = outcome(before, after, kwargs, resampling)
    want = golden[resampling]["compare"][name]
    assert got == want
    # the recorded cases do exercise what they are for: intervals, decisions, hidden rows
    rows = [want["overall"], *want["dimensions"], *want["statements"]]
    assert any(r["method"] == "bootstrap" for r in rows)
    assert any(r["significant"] is not None for r in rows)


@pytest.mark.parametrize("resampling", WAYS)
def test_adversarial_case_has_hidden_and_uncompared_statements(golden, resampling):
    want = golden[resampling]["compare"]["dimios_adversarial"]
    by_id = {r["id"]: r for r in want["statements"]}
    assert by_id["f32"]["change"] is None and by_id["f13"]["change"] is None
    assert by_id["f21"]["change"] is None and by_id["f11"]["ci_low"] is not None


@pytest.mark.parametrize("resampling", WAYS)
@pytest.mark.parametrize("name", BOOT_CASES)
def test_bootstrap_replicates_are_those_recorded(golden, name, resampling):
    rs, n_boot, seed = boot_cases()[name]
    assert digest(rs, n_boot, seed, resampling) == golden[resampling]["boot"][name]


def test_the_two_ways_differ_only_in_their_draws(golden):
    """Other numbers, the same statistics: the samples' overall change and its interval agree
    to about a hundredth between the two ways (2,000 resamples each)."""
    a, b = golden["index"]["compare"]["samples"], golden["multinomial"]["compare"]["samples"]
    assert a != b
    assert a["overall"]["change"] == b["overall"]["change"]  # not from the bootstrap
    for end in ("ci_low", "ci_high"):
        assert abs(a["overall"][end] - b["overall"][end]) < 0.01


def reference(rs, n_boot: int, seed: int, block: int) -> np.ndarray:
    """Replicate r scores the respondents ``rng.integers(0, n, n)`` drew for it (blocks of
    resamples drawn one after the other), as np.nanmean of their answers, reversed statements
    turned, on the 0-1 scale."""
    model, n = rs.model, rs.n
    rng = np.random.default_rng(seed)
    drawn = np.vstack(
        [rng.integers(0, n, size=(min(block, n_boot - s), n)) for s in range(0, n_boot, block)]
    )
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a statement nobody answered
        mean = np.nanmean(rs.values[drawn], axis=1)
    lo, hi = float(model.scale.min), float(model.scale.max)
    reverse = np.array([s.reverse for s in model.statements])
    return (np.where(reverse, lo + hi - mean, mean) - lo) / (hi - lo)


@pytest.mark.parametrize("n, n_boot", [(7, 300), (400, 1000), (3000, 150)])
def test_index_replicates_are_means_of_the_drawn_respondents(n, n_boot, monkeypatch):
    """Against the plain reference, in small blocks so that several are drawn."""
    monkeypatch.setattr(sys.modules[_boot_scores.__module__], "_BLOCK_CELLS", 50_000)
    dimios = mognad.get_model("dimios")
    rs = mognad.prepare(adversarial(dimios, n, 8, hide="f13", empty="f21"), dimios)
    got = _boot_scores(rs, n_boot, np.random.default_rng(3))
    want = reference(rs, n_boot, 3, max(1, 50_000 // n))
    assert got.shape == want.shape == (n_boot, len(dimios.statements))
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12, equal_nan=True)
    assert np.isnan(got).any() and not np.isnan(got).all()


@pytest.mark.parametrize(
    "shift, scale, dtype",
    [(0.0, 1.0, np.float32), (0.25, 1.0, np.float64), (0.0, 3000.0, np.float64)],
)
def test_whole_answers_are_summed_in_float32_others_in_float64(shift, scale, dtype):
    """Whole answers whose sums stay below 2**24 take the fast float32 product, which adds them
    exactly; quarter answers, or sums up to 2,000 x 15,000 (above 2**24), take float64. Either
    way the replicates are the reference's."""
    from mognad_core.analysis.compare import _exact_dtype

    dimios = mognad.get_model("dimios")
    rs = mognad.prepare(adversarial(dimios, 2000, 9, hide="f13", empty="f21"), dimios)
    rs.values = rs.values * scale + shift
    valid = ~np.isnan(rs.values)
    assert _exact_dtype(np.where(valid, rs.values, 0.0), rs.n) is dtype
    got = _boot_scores(rs, 200, np.random.default_rng(4))
    want = reference(rs, 200, 4, max(1, 4_000_000 // rs.n))
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12, equal_nan=True)


def test_an_unknown_resampling_is_refused():
    with pytest.raises(mognad.MognadError) as refused:
        mognad.compare(DIMIOS_2024, DIMIOS_2025, resampling="bincount")
    assert str(refused.value) == (
        "resampling must be one of 'index', 'multinomial' (got 'bincount')."
    )


# ---- what mutation testing found after the respondent-number bootstrap (issue 20) ----


@pytest.mark.parametrize(
    "values, n, dtype",
    [
        (np.empty((0, 4)), 0, np.float32),  # no sums at all: nothing to lose
        (np.array([[1.0, 0.0]]), 2**24 - 1, np.float32),  # n x 1 just below 2**24
        (np.array([[5.0, 1.0]]), 2**24 // 5, np.float32),  # 16,777,215
        (np.array([[5.0, 1.0]]), 2**24 // 5 + 1, np.float64),  # 16,777,220
        (np.array([[-5.0, 1.0]]), 2**24 // 5 + 1, np.float64),  # the size, not the sign
        (np.array([[0.0, 1.0]]), 2**24, np.float64),  # the answered flags count as 1
        (np.array([[4.5, 1.0]]), 10, np.float64),  # not whole
    ],
)
def test_float32_exactly_when_every_sum_is_a_whole_number_below_2_to_24(values, n, dtype):
    """A resample's sum is at most n x the largest |value|; float32 adds whole numbers exactly
    up to 2**24, so it is chosen just below that, and float64 from there on."""
    from mognad_core.analysis.compare import _exact_dtype

    assert _exact_dtype(values, n) is dtype


@pytest.mark.parametrize(
    "resampling, shift, dtype",
    [("index", 0.0, np.float32), ("index", 0.5, np.float64), ("multinomial", 0.0, np.float64)],
)
def test_the_product_is_float32_only_for_whole_answers_drawn_by_index(
    resampling, shift, dtype, monkeypatch
):
    """The fast float32 product is what issue 18 measured: whole answers drawn by respondent
    number are summed in float32 (counts and answers alike); halves, and mognad 0.1.0's
    multinomial way, in float64."""
    module = sys.modules[_boot_scores.__module__]
    real, seen = module._draw_counts, []

    class Counts(np.ndarray):  # notes the operands' types of every product with the counts
        def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
            inputs = tuple(np.asarray(x) for x in inputs)
            if ufunc is np.matmul:
                seen.extend(x.dtype for x in inputs)
            return getattr(ufunc, method)(*inputs, **kwargs)

    monkeypatch.setattr(module, "_draw_counts", lambda *args: real(*args).view(Counts))
    dimios = mognad.get_model("dimios")
    rs = mognad.prepare(adversarial(dimios, 300, 12, hide="f13", empty="f21"), dimios)
    rs.values = rs.values + shift
    _boot_scores(rs, 150, np.random.default_rng(5), resampling)
    assert seen and set(seen) == {np.dtype(dtype)}


def test_the_multinomial_way_sums_answers_that_are_not_whole_as_0_1_0_did():
    """mognad 0.1.0: multinomial counts, then two float64 products (answers, answered flags);
    equal to the last digit for halves too, not only for the recorded whole answers."""
    dimios = mognad.get_model("dimios")
    rs = mognad.prepare(adversarial(dimios, 250, 13, hide="f13", empty="f21"), dimios)
    rs.values = rs.values + 0.5
    got = _boot_scores(rs, 120, np.random.default_rng(6), "multinomial")
    n, valid = rs.n, ~np.isnan(rs.values)
    counts = np.random.default_rng(6).multinomial(n, np.full(n, 1.0 / n), size=120)
    counts = counts.astype(np.float64)
    with np.errstate(all="ignore"):
        mean = (counts @ np.where(valid, rs.values, 0.0)) / (counts @ valid.astype(float))
    lo, hi = float(dimios.scale.min), float(dimios.scale.max)
    reverse = np.array([s.reverse for s in dimios.statements])
    want = (np.where(reverse, lo + hi - mean, mean) - lo) / (hi - lo)
    np.testing.assert_array_equal(got, want)


def test_one_respondent_is_drawn_every_time_and_an_empty_wave_gives_no_scores():
    dimios = mognad.get_model("dimios")
    rs = mognad.prepare(adversarial(dimios, 1, 14, hide="f13", empty="f21"), dimios)
    for way in WAYS:
        got = _boot_scores(rs, 100, np.random.default_rng(7), way)
        want = reference(rs, 1, 7, 1)  # the one respondent, whatever was drawn
        np.testing.assert_array_equal(got, np.repeat(want, 100, axis=0))
    empty = mognad.prepare(adversarial(dimios, 1, 14, hide="f13", empty="f21").iloc[:0], dimios)
    assert np.isnan(_boot_scores(empty, 100, np.random.default_rng(7))).all()


def record(resampling: str) -> None:
    assert list(cases()) == CASES and list(boot_cases()) == BOOT_CASES
    data = json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else {}
    data[resampling] = {
        "compare": {name: outcome(*case, resampling) for name, case in cases().items()},
        "boot": {name: digest(*case, resampling) for name, case in boot_cases().items()},
    }
    GOLDEN.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:2] == ["--record"] and sys.argv[2:] in (["index"],):
    record(sys.argv[2])
