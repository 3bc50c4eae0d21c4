"""The bootstrap of ``compare`` gives the same results as before it was made faster (issue 18).

tests/data/compare_golden.json holds what ``mognad.compare`` returned, and a digest of the
replicate statement scores ``_boot_scores`` drew, on the bundled samples and on adversarial
tables (vet ej, blanks, a statement hidden in one wave, a statement with no answers in one
wave, a reversed statement, resamples in several blocks), recorded with the implementation of
commit 23660aa before any change. Every figure must be equal to the last digit: the same seed
gives the same intervals, p-values and Holm decisions.

The recording was made with numpy 2.4.6. numpy keeps ``Generator`` streams stable within a
version but may change a distribution's algorithm in a new one (its policy, NEP 19): if this
fails after a numpy upgrade and nothing else changed, that is the cause (say so in the commit).

Record again only on purpose (a deliberate change of results)::

    .venv/bin/python tests/test_compare_bootstrap_identical.py --record
"""

from __future__ import annotations

import hashlib
import json
import sys
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


def outcome(before, after, kwargs) -> dict:
    result = mognad.compare(before, after, **kwargs)
    return json.loads(json.dumps(result.model_dump(mode="json")))


def digest(rs, n_boot: int, seed: int) -> str:
    boot = _boot_scores(rs, n_boot, np.random.default_rng(seed))
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


@pytest.mark.parametrize("name", CASES)
def test_compare_results_are_those_recorded(golden, name):
    before, after, kwargs = cases()[name]
    got = outcome(before, after, kwargs)
    want = golden["compare"][name]
    assert got == want
    # the recorded cases do exercise what they are for: intervals, decisions, hidden rows
    rows = [want["overall"], *want["dimensions"], *want["statements"]]
    assert any(r["method"] == "bootstrap" for r in rows)
    assert any(r["significant"] is not None for r in rows)


def test_adversarial_case_has_hidden_and_uncompared_statements(golden):
    want = golden["compare"]["dimios_adversarial"]
    by_id = {r["id"]: r for r in want["statements"]}
    assert by_id["f32"]["change"] is None and by_id["f13"]["change"] is None
    assert by_id["f21"]["change"] is None and by_id["f11"]["ci_low"] is not None


@pytest.mark.parametrize("name", BOOT_CASES)
def test_bootstrap_replicates_are_those_recorded(golden, name):
    rs, n_boot, seed = boot_cases()[name]
    assert digest(rs, n_boot, seed) == golden["boot"][name]


def record() -> None:
    assert list(cases()) == CASES and list(boot_cases()) == BOOT_CASES
    data = {
        "compare": {name: outcome(*case) for name, case in cases().items()},
        "boot": {name: digest(*case) for name, case in boot_cases().items()},
    }
    GOLDEN.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:] == ["--record"]:
    record()
