"""A pytest plugin for the mutation runs (scripts/mutation.py): each mutant's tests fastest
first, and Hypothesis without shrinking.

mutmut runs, for every mutant, the tests that reach the mutated function, stopping at the first
failure, in no set order. Most mutants are killed by some fast test, so running the tests in the
order of the times mutmut recorded for them (``mutmut-stats.json`` in the folder pytest runs in)
stops sooner: a mutant of disclosure.py no longer waits behind an 11-second property test
before the 0.01-second test that kills it. A surviving mutant runs every test either way (the
order changes its time by about 3 %). Only runs for a mutant are reordered; mutmut's own runs
(collecting the times, the clean run, the forced failure) keep pytest's order.

A property test that fails is then shrunk by Hypothesis to its smallest failing example, which
can take minutes: a mutant of disclosure's lattice that a property test kills ran 90 CPU
seconds. Whether a test fails is all a mutation run asks, so the profile loaded here leaves the
shrink phase out (and keeps no example database). Tests that set their own ``max_examples`` or
``deadline`` keep them: a settings decorator overrides only what it names.

A mutant's run in which pytest cannot find a test it was given ends as "suspicious" (mutmut's
exit code 35), not as killed, which is what mutmut makes of it.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest


def use_mutation_profile() -> None:
    """Hypothesis as every phase but shrinking and explaining a failure, without a database."""
    from hypothesis import Phase, settings

    phases = [p for p in Phase if p not in (Phase.shrink, Phase.explain)]
    settings.register_profile("mutation", phases=phases, database=None)
    settings.load_profile("mutation")


if os.environ.get("MOGNAD_MUTATION"):  # set by scripts/mutation.py for mutmut and its tests
    use_mutation_profile()

#: The values mutmut gives MUTANT_UNDER_TEST when no mutant is switched on.
NOT_A_MUTANT = {"", "stats", "fail", "mutant_generation", "list_all_tests"}
#: mutmut's exit code for a result it calls "suspicious": counted neither killed nor survived
SUSPICIOUS = 35


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


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A mutant's run that could not find its tests (pytest's usage error, exit 4) ends as
    "suspicious", not as a failure: mutmut turns the error it raises for exit 4 into exit code 1,
    "killed", so a test id that no longer matches made every mutant it should check look killed
    (it did, for ids pytest escapes again in a second collection; see tests/conftest.py's
    ``params``)."""
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    if mutant not in NOT_A_MUTANT and exitstatus == pytest.ExitCode.USAGE_ERROR:
        sys.stderr.write(f"mutation_order: {mutant}: pytest could not find its tests\n")
        sys.stderr.flush()
        os._exit(SUSPICIOUS)
