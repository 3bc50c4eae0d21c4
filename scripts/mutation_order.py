"""A pytest plugin for the mutation runs (scripts/mutation.py): each mutant's tests fastest first.

mutmut runs, for every mutant, the tests that reach the mutated function, stopping at the first
failure, in no set order. Most mutants are killed by some fast test, so running the tests in the
order of the times mutmut recorded for them (``mutmut-stats.json`` in the folder pytest runs in)
stops sooner: a mutant of disclosure.py no longer waits behind an 11-second property test
before the 0.01-second test that kills it. A surviving mutant runs every test either way (the
order changes its time by about 3 %). Only runs for a mutant are reordered; mutmut's own runs
(collecting the times, the clean run, the forced failure) keep pytest's order.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

#: The values mutmut gives MUTANT_UNDER_TEST when no mutant is switched on.
NOT_A_MUTANT = {"", "stats", "fail", "mutant_generation", "list_all_tests"}


def order(nodeids: list[str], duration: dict[str, float]) -> list[str]:
    """The node ids, fastest recorded first; unrecorded ones first, ties in the order given."""
    return sorted(nodeids, key=lambda nodeid: duration.get(nodeid, 0.0))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if os.environ.get("MUTANT_UNDER_TEST", "") in NOT_A_MUTANT:
        return
    stats = Path("mutmut-stats.json")
    if not stats.is_file():
        return
    duration = json.loads(stats.read_text(encoding="utf-8")).get("duration_by_test", {})
    by_id = {item.nodeid: item for item in items}
    items[:] = [by_id[nodeid] for nodeid in order(list(by_id), duration)]
