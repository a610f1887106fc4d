"""The stored zero-repeat plan for 8 tables of 4 over 10 rounds, and the solver using it."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import pytest

from coachbridge.engine.seating import Participant, SeatingProblem, Table, compute_metrics, solve
from coachbridge.engine.seating.designs import GDD_8_4_10, STORED_APART, design_plan, design_rounds

pytestmark = pytest.mark.unit


def meetings(plan: list[list[int]]) -> Counter[tuple[int, int]]:
    met: Counter[tuple[int, int]] = Counter()
    for tables in plan:
        for table in set(tables):
            members = [p for p, t in enumerate(tables) if t == table]
            met.update(combinations(members, 2))
    return met


def test_stored_8_4_10_plan_is_resolvable_with_no_repeats() -> None:
    plan = design_plan(8, 4, 10)
    met = meetings(plan)
    never = [pair for pair in combinations(range(32), 2) if pair not in met]

    assert design_rounds(8, 4) == 10
    assert len(plan) == 10
    # resolvable: every round seats all 32 people, 4 at each of the 8 tables
    assert all(len(tables) == 32 and sorted(Counter(tables).values()) == [4] * 8 for tables in plan)
    assert max(met.values()) == 1
    assert len(met) == 10 * 8 * 6
    # the 16 pairs that never meet are disjoint: a group divisible design of type 2^16
    assert len(never) == 16
    assert sorted(p for pair in never for p in pair) == list(range(32))


def test_fewer_rounds_of_8_4_come_from_the_field_design() -> None:
    assert design_plan(8, 4, 9) != [[int(t) for t in row] for row in GDD_8_4_10[:9]]
    assert design_plan(8, 4, 3) == design_plan(8, 4, 9)[:3]
    with pytest.raises(ValueError, match="no design"):
        design_plan(8, 4, 11)


def golfers(rounds: int) -> SeatingProblem:
    return SeatingProblem(
        rounds=rounds,
        tables=tuple(Table(f"T{t}", 4) for t in range(1, 9)),
        participants=tuple(Participant(f"p{i:02d}") for i in range(32)),
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_solve_seats_8_tables_of_4_for_10_rounds_without_repeats(seed: int) -> None:
    problem = golfers(10)

    result = solve(problem, seed=seed, time_limit_s=60.0, max_iterations=400)
    met = Counter(
        pair
        for round_ in result.plan.rounds
        for table in round_.tables
        for pair in combinations(sorted(table.participants), 2)
    )

    assert compute_metrics(problem, result.plan).repeat_pairs == 0
    assert max(met.values()) == 1
    assert len(met) == 480


def test_people_get_other_seats_in_the_stored_plan_per_seed() -> None:
    first = solve(golfers(10), seed=0, time_limit_s=60.0, max_iterations=0).plan
    second = solve(golfers(10), seed=1, time_limit_s=60.0, max_iterations=0).plan

    assert first != second


def test_roles_are_spread_over_the_stored_plan_without_repeats() -> None:
    roles = ["coach"] * 16 + ["researcher"] * 10 + ["other"] * 6
    problem = SeatingProblem(
        rounds=10,
        tables=tuple(Table(f"T{t}", 4) for t in range(1, 9)),
        participants=tuple(Participant(f"p{i:02d}", role) for i, role in enumerate(roles)),
    )
    unmixed = SeatingProblem(
        rounds=10,
        tables=problem.tables,
        participants=tuple(Participant(p.id) for p in problem.participants),
    )
    # the same stored design, seated without looking at roles
    plain = solve(unmixed, seed=3, time_limit_s=60.0, max_iterations=0).plan
    mixed = solve(problem, seed=3, time_limit_s=60.0, max_iterations=0).plan

    metrics = compute_metrics(problem, mixed)
    assert metrics.repeat_pairs == 0
    assert (
        metrics.missing_role_table_rounds
        < compute_metrics(problem, plain).missing_role_table_rounds
    )


@pytest.mark.parametrize("people", [30, 31])
def test_stored_plan_takes_up_to_two_empty_seats_at_different_tables(people: int) -> None:
    problem = SeatingProblem(
        rounds=10,
        tables=tuple(Table(f"T{t}", 4) for t in range(1, 9)),
        participants=tuple(Participant(f"p{i:02d}") for i in range(people)),
    )

    result = solve(problem, seed=0, time_limit_s=60.0, max_iterations=0)
    metrics = compute_metrics(problem, result.plan)

    assert metrics.repeat_pairs == 0
    assert all(
        len(table.participants) >= 3 for round_ in result.plan.rounds for table in round_.tables
    )


def test_stored_apart_points_never_meet() -> None:
    met = meetings(design_plan(8, 4, 10))

    assert STORED_APART[(8, 4)] not in met
