"""Tests of disclosure's linear audit, found by mutation testing (the third run, on
`_build_lattice`; docs/quality.md): the bounds of its search for small unions, the figures of a
group it hides, and the rules and audit going on after it hid a figure."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import GROUP_MODEL, GROUP_SIDS

import mognad_core as mognad
from mognad_core import disclosure
from mognad_core.disclosure import DisclosureError

COLUMNS = ("förvaltning", "roll", "sektion")
Y1 = GROUP_SIDS.index("y1")


def frame(cells: dict[tuple, list[list]]) -> pd.DataFrame:
    """{(förvaltning, roll, sektion): [[x1, x2, y1], ...]} -> a response table."""
    rows = [[*key, *answers] for key, people in cells.items() for answers in people]
    return pd.DataFrame(rows, columns=[*COLUMNS, *GROUP_SIDS])


def same(people: int) -> list[list]:
    """``people`` respondents who all answer 3 to every statement."""
    return [[3, 3, 3]] * people


NO_Y1 = [3, 3, None]  # a respondent who did not answer y1


def _bounded_file() -> pd.DataFrame:
    """A's chef 1, A's medarbetare 8, B's chefs 2, B's medarbetare 1, C's chefs 6 and
    medarbetare 5. The rules hide B (3) as small and A with it, and C's two cells, but show C
    (11) and A's medarbetare (8): the file (23) less C and A's medarbetare is A's chef and B's
    three respondents (4), a union of three finest cells that the audit finds in its 7th step,
    as its 7th union."""
    return frame(
        {
            ("A", "Chef", "N"): same(1),
            ("A", "Med", "N"): same(8),
            ("B", "Chef", "N"): same(2),
            ("B", "Med", "N"): same(1),
            ("C", "Med", "N"): same(5),
            ("C", "Chef", "N"): same(6),
        }
    )


@pytest.mark.parametrize(
    ("bound", "value", "found"),
    [
        ("AUDIT_STEPS", 6, False),
        ("AUDIT_STEPS", 7, True),
        ("AUDIT_UNIONS", 6, False),
        ("AUDIT_UNIONS", 7, True),
        ("AUDIT_UNION_CELLS", 2, False),
        ("AUDIT_UNION_CELLS", 3, True),
    ],
)
def test_the_audits_search_for_small_groups_stops_at_its_bounds(monkeypatch, bound, value, found):
    """The audit's cost is bounded as documented: at most ``AUDIT_STEPS`` steps (one per finest
    cell tried, cells of k or more never tried), ``AUDIT_UNIONS`` unions, of at most
    ``AUDIT_UNION_CELLS`` cells. The small group here is the 7th union, three cells, found in
    the 7th step: within the bounds A's medarbetare (8) are hidden, one short of them they are
    shown. Kills `_build_lattice` 546 (cells of exactly k tried too: more steps), 550 (steps
    counted from 1), 557 (one step past the bound), 561 (each branch tried again from the first
    cell), 563, 564 (the steps never counted), 565 (two steps a cell), 556 (one union past the
    bound) and 574 (unions one cell longer than the bound)."""
    monkeypatch.setattr(disclosure, bound, value)
    rs = mognad.prepare(_bounded_file(), GROUP_MODEL)
    p = disclosure.plan(rs, ("förvaltning", "roll"), disclosure.policy(5))
    assert p.keys[1] == ("a", "med")
    assert p.hidden[1] == ("secondary" if found else None)
    assert [p.hidden[c] for c in (0, 2, 3)] == ["small"] * 3


def test_with_the_real_bounds_the_audit_hides_the_group_that_gives_a_small_one_away():
    """The same file with the bounds as shipped: A's medarbetare are hidden, so A's chef and
    B's three respondents cannot be had from the file less the shown groups."""
    rs = mognad.prepare(_bounded_file(), GROUP_MODEL)
    p = disclosure.plan(rs, ("förvaltning", "roll"), disclosure.policy(5))
    assert p.hidden[:4] == ["small", "secondary", "small", "small"]
    with pytest.raises(DisclosureError):
        mognad.score_responses(rs.where("förvaltning=A", "roll=Med"))


def test_a_group_the_audit_hides_does_not_count_as_publishing_its_figures():
    """Kills `_build_lattice` 654, 655 (a group the audit hid kept its figures marked shown, so
    the rules and the audit of answers took its y1 for a published figure and hid more than
    needed). The rules hide B's chefs (9) and medarbetare (2) but show Syd (6) and B's Nord (5);
    the audit, differencing across the three columns, hides both. A's and B's y1 (5 and 10
    answers) stay shown: with the mutants they were hidden too."""
    rs = mognad.prepare(
        frame(
            {
                ("A", "Chef", "Väst"): same(2),
                ("A", "Chef", "Nord"): [NO_Y1, [3, 3, 3], NO_Y1, [3, 3, 3], [3, 3, 3], NO_Y1],
                ("B", "Chef", "Syd"): [*same(5), NO_Y1],
                ("B", "Chef", "Nord"): same(3),
                ("B", "Med", "Nord"): same(2),
            }
        ),
        GROUP_MODEL,
    )
    pol = disclosure.policy(5)
    assert disclosure.plan(rs, ("sektion",), pol).hidden == ["secondary", "secondary", "small"]
    by_place = disclosure.plan(rs, ("förvaltning", "sektion"), pol)
    assert by_place.keys[2:] == [("b", "nord"), ("b", "syd")]
    assert by_place.hidden[2:] == ["secondary", "secondary"]
    assert by_place.figure_hidden[2:].all()
    both = disclosure.plan(rs, ("förvaltning", "roll"), pol)
    assert both.hidden == [None, "secondary", "small"]
    assert both.figure_hidden.tolist() == [[False] * 3, [True] * 3, [True] * 3]
    by_department = disclosure.plan(rs, ("förvaltning",), pol)
    assert by_department.hidden == [None, None]
    assert by_department.answers[:, Y1].tolist() == [5, 10]
    assert not by_department.figure_hidden.any()
    assert not mognad.score_responses(rs.where("förvaltning=A")).statements["y1"].hidden


def test_after_the_audit_hides_a_figure_it_goes_on_until_none_gives_a_small_one_away():
    """Kills `_build_lattice` 689 (the audit said nothing was hidden after hiding a figure, so
    the loop stopped at the first). B's y1 (5 answers) is hidden by the audit; then A's y1
    (11 answers) is the file's less B's and must go too, which only a further round finds. With
    the mutant A's y1 was published."""
    rs = mognad.prepare(
        frame(
            {
                ("A", "Chef", "Väst"): same(5),
                ("A", "Med", "Syd"): [[3, 3, 3], [3, 3, 3], NO_Y1, [3, 3, 3]],
                ("A", "Med", "Väst"): [NO_Y1, NO_Y1, [3, 3, 3], NO_Y1],
                ("A", "Med", "Nord"): [[3, 3, 3], NO_Y1, [3, 3, 3]],
                ("B", "Chef", "Nord"): [[3, 3, 3], NO_Y1, [3, 3, 3], NO_Y1, *same(2)],
                ("B", "Med", "Syd"): same(1),
            }
        ),
        GROUP_MODEL,
    )
    p = disclosure.plan(rs, ("förvaltning",), disclosure.policy(5))
    assert p.hidden == [None, None]
    assert p.answers[:, Y1].tolist() == [11, 5]
    assert p.figure_hidden[:, Y1].tolist() == [True, True]
    result = mognad.score_responses(rs.where("förvaltning=A"))
    assert result.statements["y1"].hidden and not result.statements["x1"].hidden
