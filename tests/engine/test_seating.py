"""World Café seating engine: plans, metrics, re-planning, refusals and the command."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest

from coachbridge.engine.commands import run_engine_command
from coachbridge.engine.seating import (
    Constraints,
    FixedSeat,
    Participant,
    SearchProgress,
    SeatingInputError,
    SeatingPlan,
    SeatingProblem,
    Table,
    compute_metrics,
    plan_issues,
    solve,
    validate_problem,
)
from coachbridge.engine.seating.bounds import best_deviation, even_sizes
from coachbridge.engine.seating.designs import design_plan, design_rounds, field_rounds
from coachbridge.engine.seating.metrics import mix_deviation

pytestmark = pytest.mark.unit

# Generous clock, small iteration cap: runs end by the stop rules or the cap, never the clock.
SOLVE = {"time_limit_s": 60.0, "max_iterations": 400}


def people(count: int, groups: tuple[str, ...] = ("coach", "researcher", "other")) -> tuple:
    return tuple(Participant(f"p{i:02d}", groups[i % len(groups)]) for i in range(1, count + 1))


def cafe() -> SeatingProblem:
    """Uneven tables, hosts, themes, late and early people, and every kind of rule."""
    participants = (
        *people(12),
        Participant("late", "coach", present_from_round=2),
        Participant("early", "researcher", present_until_round=2),
    )
    return SeatingProblem(
        rounds=3,
        tables=(
            Table("A", 5, theme="trust", host="p01"),
            Table("B", 5, theme="ethics", host="p02"),
            Table("C", 5, theme="impact"),
        ),
        participants=participants,
        constraints=Constraints(
            visit_each_theme_once=True,
            keep_apart=(("p04", "p05"),),
            keep_together=(("p07", "p08"),),
        ),
        fixed=(FixedSeat("p10", 2, "C"),),
    )


def seated(plan: SeatingPlan, round_no: int) -> Counter[str]:
    return Counter(p for r, _, p in plan.seats() if r == round_no)


# ---- plans ---------------------------------------------------------------------------------


def test_solve_seats_every_present_participant_once_per_round() -> None:
    problem = cafe()

    result = solve(problem, seed=1, **SOLVE)

    for round_no in (1, 2, 3):
        present = {p.id for p in problem.participants if problem.present(p, round_no)}
        assert seated(result.plan, round_no) == Counter(present)
    assert plan_issues(problem, result.plan) == {
        "seating_errors": [],
        "capacity_violations": [],
        "host_violations": [],
        "fixed_violations": [],
        "keep_apart_violations": [],
        "keep_together_violations": [],
    }


def test_solve_respects_hosts_fixed_seats_themes_and_groups() -> None:
    problem = cafe()

    result = solve(problem, seed=2, **SOLVE)
    seats = result.plan.table_of()

    assert [seats[(r, "p01")] for r in (1, 2, 3)] == ["A", "A", "A"]
    assert [seats[(r, "p02")] for r in (1, 2, 3)] == ["B", "B", "B"]
    assert seats[(2, "p10")] == "C"
    assert all(seats[(r, "p07")] == seats[(r, "p08")] for r in (1, 2, 3))
    assert all(seats[(r, "p04")] != seats[(r, "p05")] for r in (1, 2, 3))
    assert result.metrics.theme_revisits == 0
    assert result.metrics.hard_violations == 0


def test_solve_handles_uneven_tables_and_head_counts() -> None:
    problem = SeatingProblem(
        rounds=2,
        tables=(Table("T1", 6), Table("T2", 6), Table("T3", 3), Table("T4", 3)),
        participants=people(11),
    )

    result = solve(problem, seed=0, **SOLVE)

    sizes = [sorted(len(t.participants) for t in r.tables) for r in result.plan.rounds]
    assert sizes == [[2, 3, 3, 3], [2, 3, 3, 3]]
    assert result.metrics.repeat_pairs == 0
    assert result.metrics.size_spread == 1


def test_solve_is_deterministic_for_a_seed() -> None:
    problem = cafe()

    first = solve(problem, seed=7, **SOLVE)
    second = solve(problem, seed=7, **SOLVE)

    assert first.plan == second.plan
    assert first.iterations == second.iterations


def test_solve_finds_kirkman_schoolgirls_without_repeats() -> None:
    problem = SeatingProblem(
        rounds=7,
        tables=tuple(Table(f"T{t}", 3) for t in range(1, 6)),
        participants=people(15, ("",)),
    )

    result = solve(problem, seed=4, time_limit_s=60.0, max_iterations=20_000)

    assert (result.metrics.repeat_pairs, result.metrics.max_meetings) == (0, 1)
    assert result.stopped == "optimal"


def test_solve_seats_8_tables_of_4_for_9_rounds_by_design() -> None:
    problem = SeatingProblem(
        rounds=9,
        tables=tuple(Table(f"T{t}", 4) for t in range(1, 9)),
        participants=people(32, ("",)),
    )

    result = solve(problem, seed=0, **SOLVE)

    assert result.metrics.repeat_pairs == 0
    assert result.metrics.pairs_met == 32 * 27 // 2
    assert result.iterations == 0


def hosted_cafe() -> SeatingProblem:
    """20 people, 5 themed tables of 4 with a host each; roles 50/25/25 %."""
    roles = ["coach"] * 10 + ["researcher"] * 5 + ["other"] * 5
    return SeatingProblem(
        rounds=3,
        tables=tuple(Table(f"T{t}", 4, theme=f"theme {t}", host=f"p{t * 4:02d}") for t in range(5)),
        participants=tuple(Participant(f"p{i:02d}", role) for i, role in enumerate(roles)),
        constraints=Constraints(visit_each_theme_once=True),
    )


def test_solve_mixes_roles_with_hosts_and_themes() -> None:
    problem = hosted_cafe()

    result = solve(problem, seed=3, **SOLVE)

    assert result.metrics.repeat_pairs == 0
    assert result.metrics.theme_revisits == 0
    assert result.metrics.missing_role_table_rounds == 0
    assert result.metrics.mix == 0.0
    assert result.stopped == "optimal"


def test_solve_stops_at_once_when_no_seat_can_change() -> None:
    problem = SeatingProblem(rounds=3, tables=(Table("T1", 4),), participants=people(4))

    result = solve(problem, seed=0, time_limit_s=60.0)

    assert (result.stopped, result.iterations) == ("optimal", 0)
    assert result.metrics.repeat_pairs == 12


def test_solve_reports_progress() -> None:
    reports: list[SearchProgress] = []

    solve(cafe(), seed=1, progress=reports.append, **SOLVE)

    assert reports
    assert reports[-1].iterations >= reports[0].iterations
    assert 0.0 <= reports[-1].fraction <= 1.0


# ---- re-planning ---------------------------------------------------------------------------


def replanned(
    problem: SeatingProblem,
    plan: SeatingPlan,
    gone: frozenset[str] = frozenset({"p05", "p11"}),
    newcomers: tuple[Participant, ...] = (Participant("new", "other", present_from_round=2),),
) -> SeatingProblem:
    """After round 1 (which stays fixed): `gone` go home, `newcomers` arrive."""
    participants = (
        *(
            dataclasses.replace(p, present_until_round=1) if p.id in gone else p
            for p in problem.participants
        ),
        *newcomers,
    )
    fixed = tuple(FixedSeat(pid, 1, table) for n, table, pid in plan.seats() if n == 1)
    return dataclasses.replace(problem, participants=participants, fixed=fixed, previous=plan)


def test_replanning_keeps_round_one_and_moves_few_people() -> None:
    problem = hosted_cafe()
    plan = solve(problem, seed=5, **SOLVE).plan
    again = replanned(problem, plan)

    result = solve(again, seed=5, **SOLVE)

    assert result.plan.rounds[0] == plan.rounds[0]
    assert result.metrics.hard_violations == 0
    assert result.metrics.repeat_pairs == 0
    assert result.metrics.theme_revisits == 0
    assert result.metrics.moved is not None
    assert result.metrics.moved <= 2
    assert {"p05", "p11"} & set(seated(result.plan, 2)) == set()
    assert seated(result.plan, 3)["new"] == 1


def test_five_people_at_four_tables_never_leave_one_alone() -> None:
    problem = SeatingProblem(
        rounds=2, tables=tuple(Table(f"T{t}", 4) for t in range(4)), participants=people(5)
    )

    result = solve(problem, seed=1, **SOLVE)

    assert result.metrics.alone_table_rounds == 0
    assert all(len(table.participants) != 1 for r in result.plan.rounds for table in r.tables)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_replanning_after_many_no_shows_seats_nobody_alone(seed: int) -> None:
    problem = SeatingProblem(
        rounds=3, tables=tuple(Table(f"T{t}", 4) for t in range(4)), participants=people(12)
    )
    plan = solve(problem, seed=seed, **SOLVE).plan
    gone = frozenset({"p02", "p05", "p07", "p10", "p11"})  # 7 people stay for 4 tables
    again = replanned(problem, plan, gone, newcomers=())

    result = solve(again, seed=seed, **SOLVE)

    assert result.metrics.hard_violations == 0
    assert result.metrics.alone_table_rounds == 0
    assert result.metrics.repeat_pairs == 0


# ---- metrics -------------------------------------------------------------------------------


def small_problem(previous: SeatingPlan | None = None) -> SeatingProblem:
    return SeatingProblem(
        rounds=3,
        tables=(Table("X", 3, theme="a"), Table("Y", 3, theme="b")),
        participants=(
            Participant("ann", "coach"),
            Participant("bob", "coach"),
            Participant("cas", "researcher"),
            Participant("dia", "researcher"),
        ),
        previous=previous,
    )


def test_metrics_of_a_hand_made_plan() -> None:
    plan = SeatingPlan.from_tables(
        [
            {"X": ["ann", "bob"], "Y": ["cas", "dia"]},
            {"X": ["ann", "bob", "cas"], "Y": ["dia"]},
            {"X": ["ann", "cas"], "Y": ["bob", "dia"]},
        ]
    )
    previous = SeatingPlan.from_tables(
        [
            {"X": ["ann", "bob"], "Y": ["cas", "dia"]},
            {"X": ["ann", "cas"], "Y": ["bob", "dia"]},
            {"X": ["ann", "cas"], "Y": ["bob", "dia"]},
        ]
    )

    metrics = compute_metrics(small_problem(previous), plan)

    # ann-bob meet twice, ann-cas twice, bob-dia once, bob-cas once, cas-dia once
    assert metrics.repeat_pairs == 2
    assert metrics.max_meetings == 2
    assert metrics.pairs_met == 5
    # deviations: 1, 1 | 0.5, 0.5 | 0, 0 over 6 table-rounds
    assert metrics.mix == pytest.approx(3 / 6)
    assert metrics.missing_role_table_rounds == 3
    assert metrics.size_spread == 2
    assert metrics.alone_table_rounds == 1  # dia in round 2
    # ann at "a" 3 times, bob at "a" twice, cas at "a" twice and "b" once, dia at "b" 3 times
    assert metrics.theme_revisits == 2 + 1 + 1 + 2
    assert (metrics.moved, metrics.moved_seats) == (1, 1)
    assert metrics.hard_violations == 0


def test_mix_deviation_counts_seats_away_from_the_ideal_share() -> None:
    shares = {"coach": 0.5, "researcher": 0.3, "other": 0.2}

    assert mix_deviation({"coach": 3, "researcher": 1, "other": 1}, shares) == pytest.approx(0.5)
    assert mix_deviation({"coach": 5}, shares) == pytest.approx(2.5)
    assert best_deviation(5, np.array([0.5, 0.3, 0.2])) == pytest.approx(0.5)


def test_plan_issues_names_every_breach() -> None:
    problem = SeatingProblem(
        rounds=1,
        tables=(Table("X", 2, host="ann"), Table("Y", 2)),
        participants=tuple(Participant(pid) for pid in ("ann", "bob", "cas", "dia", "eve")),
        constraints=Constraints(keep_apart=(("bob", "cas"),), keep_together=(("dia", "eve"),)),
        fixed=(FixedSeat("dia", 1, "X"),),
    )
    plan = SeatingPlan.from_tables([{"X": ["bob", "cas", "eve"], "Y": ["ann", "dia", "dia"]}])

    issues = plan_issues(problem, plan)

    assert issues == {
        "seating_errors": ["round 1: dia is seated 2 times"],
        "capacity_violations": ["round 1: X seats 3, capacity 2", "round 1: Y seats 3, capacity 2"],
        "host_violations": ["round 1: host ann is not at X"],
        "fixed_violations": ["round 1: dia must sit at X"],
        "keep_apart_violations": ["round 1: bob and cas sit together at X (keep_apart)"],
        "keep_together_violations": ["round 1: dia, eve are split over X, Y (keep_together)"],
    }


def test_even_sizes_fill_tables_as_equally_as_capacities_allow() -> None:
    assert even_sizes(np.array([6, 6, 3]), 10) == [3, 4, 3]
    assert even_sizes(np.array([5, 5, 4]), 11) == [4, 4, 3]


def test_design_plan_has_no_repeats() -> None:
    plan = design_plan(8, 4, field_rounds(8, 4))
    meetings: Counter[tuple[int, int]] = Counter()
    for tables in plan:
        for table in set(tables):
            members = [p for p, t in enumerate(tables) if t == table]
            meetings.update(combinations(members, 2))

    assert field_rounds(8, 4) == 9
    assert design_rounds(6, 3) == 0
    assert all(tables[:8] == plan[0][:8] for tables in plan[:8])  # first column stays put
    assert max(meetings.values()) == 1
    assert len(meetings) == 9 * 8 * 6


# ---- refusals ------------------------------------------------------------------------------


def refused(problem: SeatingProblem) -> str:
    with pytest.raises(SeatingInputError) as error:
        validate_problem(problem)
    return str(error.value)


def test_refuses_more_people_than_seats() -> None:
    problem = SeatingProblem(rounds=1, tables=(Table("T1", 2),), participants=people(3))

    assert refused(problem) == (
        "participants: 3 people are present in round 1 but the tables seat only 2"
    )


def test_refuses_a_host_on_two_tables() -> None:
    problem = SeatingProblem(
        rounds=1,
        tables=(Table("T1", 2, host="p01"), Table("T2", 2, host="p01")),
        participants=people(3),
    )

    assert refused(problem) == "tables[1].host: p01 already hosts T1"


def test_refuses_a_group_larger_than_any_table() -> None:
    problem = SeatingProblem(
        rounds=1,
        tables=(Table("T1", 2), Table("T2", 2)),
        participants=people(4),
        constraints=Constraints(keep_together=(("p01", "p02", "p03"),)),
    )

    assert refused(problem) == (
        "constraints.keep_together (p01, p02, p03): 3 people cannot sit together"
        " at a table of at most 2"
    )


def test_refuses_rules_that_contradict_each_other() -> None:
    problem = SeatingProblem(
        rounds=1,
        tables=(Table("T1", 2), Table("T2", 2)),
        participants=people(4),
        constraints=Constraints(keep_apart=(("p01", "p02"),), keep_together=(("p02", "p01"),)),
    )

    assert refused(problem) == (
        "constraints.keep_together (p01, p02): p01 and p02 must also be kept apart (keep_apart)"
    )


def test_refuses_unknown_ids() -> None:
    base = SeatingProblem(rounds=2, tables=(Table("T1", 4, host="p01"),), participants=people(3))

    assert refused(dataclasses.replace(base, fixed=(FixedSeat("zz", 1, "T1"),))) == (
        "fixed[0]: unknown participant 'zz'"
    )
    assert refused(dataclasses.replace(base, fixed=(FixedSeat("p02", 1, "T9"),))) == (
        "fixed[0]: unknown table 'T9'"
    )
    assert refused(
        dataclasses.replace(base, constraints=Constraints(keep_apart=(("p02", "qq"),)))
    ) == ("constraints.keep_apart[0]: unknown participant 'qq'")
    assert refused(dataclasses.replace(base, tables=(Table("T1", 4, host="xx"),))) == (
        "tables[0].host: unknown participant 'xx'"
    )


def test_refuses_a_fixed_seat_away_from_the_own_table_of_a_host() -> None:
    problem = SeatingProblem(
        rounds=1,
        tables=(Table("T1", 2, host="p01"), Table("T2", 2)),
        participants=people(3),
        fixed=(FixedSeat("p01", 1, "T2"),),
    )

    assert refused(problem) == (
        "fixed[0]: p01 is already seated at T1 in round 1 (host or another fixed seat), not T2"
    )


def test_refuses_more_rounds_than_themes_when_each_theme_is_visited_once() -> None:
    problem = SeatingProblem(
        rounds=3,
        tables=(Table("T1", 3, theme="a"), Table("T2", 3, theme="b")),
        participants=people(4),
        constraints=Constraints(visit_each_theme_once=True),
    )

    assert refused(problem) == (
        "constraints.visit_each_theme_once: participants[0] (p01) is present in 3 rounds"
        " but there are only 2 themes"
    )


def test_refuses_too_few_seats_at_a_theme_for_everyone_to_visit_it() -> None:
    problem = SeatingProblem(
        rounds=2,
        tables=(Table("T1", 4, theme="a"), Table("T2", 2, theme="b", host="p01")),
        participants=people(6),
        constraints=Constraints(visit_each_theme_once=True),
    )

    assert refused(problem) == (
        "constraints.visit_each_theme_once: theme 'b' has 2 visitor seats over all rounds,"
        " but 5 people must visit every theme"
    )


def test_refuses_presence_that_ends_before_it_starts() -> None:
    problem = SeatingProblem(
        rounds=3,
        tables=(Table("T1", 3),),
        participants=(Participant("p01", present_from_round=3, present_until_round=2),),
    )

    assert refused(problem) == (
        "participants[0].present_until_round: 2 must lie between present_from_round (3)"
        " and rounds (3)"
    )


def test_solve_refuses_before_computing() -> None:
    problem = SeatingProblem(rounds=1, tables=(Table("T1", 1),), participants=people(2))

    with pytest.raises(ValueError, match="tables seat only 1"):
        solve(problem, time_limit_s=60.0, seed=0)


# ---- command -------------------------------------------------------------------------------


def write(tmp_path: Path, document: object) -> str:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def test_command_prints_plan_metrics_and_seconds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path,
        {
            "rounds": 2,
            "tables": [
                {"id": "T1", "capacity": 3, "host": "h"},
                {"id": "T2", "capacity": 3},
                {"id": "T3", "capacity": 3},
            ],
            "participants": [{"id": "h", "group": "coach"}]
            + [{"id": f"p{i}", "group": "researcher"} for i in range(5)]
            + [{"id": "late", "present_from_round": 2}],
            "constraints": {"keep_apart": [["p0", "p1"]]},
            "time_limit_s": 30,
            "seed": 3,
        },
    )

    code = run_engine_command("seating", ["--input", path])
    output = json.loads(capsys.readouterr().out)

    assert code == 0
    assert set(output) == {"plan", "metrics", "seconds", "search"}
    assert [entry["round"] for entry in output["plan"]] == [1, 2]
    assert [sorted(entry["tables"]) for entry in output["plan"]] == [["T1", "T2", "T3"]] * 2
    assert [entry["tables"]["T1"][0] for entry in output["plan"]] == ["h", "h"]
    assert {"repeat_pairs", "max_meetings", "mix", "moved"} <= set(output["metrics"])
    assert output["metrics"]["hard_violations"] == 0
    assert output["metrics"]["repeat_pairs"] == 0
    assert output["search"]["seed"] == 3
    assert output["search"]["stopped"] in {"optimal", "stalled"}


def test_command_generates_people_and_tables(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--people", "9", "--tables", "3", "--size", "3", "--rounds", "4", "--seed", "1"]

    code = run_engine_command("seating", argv)
    output = json.loads(capsys.readouterr().out)

    assert code == 0
    assert output["plan"][0]["tables"].keys() == {"T1", "T2", "T3"}
    assert sorted(p for t in output["plan"][0]["tables"].values() for p in t) == [
        f"p{i}" for i in range(1, 10)
    ]
    assert output["metrics"]["repeat_pairs"] == 0


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"tables": [], "participants": []}, "plan.json: rounds: missing"),
        (
            {"rounds": 1, "tables": [{"id": "T1"}], "participants": []},
            "plan.json: tables[0].capacity: missing",
        ),
        (
            {"rounds": 1, "tables": [{"id": "T1", "capacity": "4"}], "participants": []},
            "plan.json: tables[0].capacity: must be a whole number, got '4'",
        ),
        (
            {"rounds": 1, "tables": [{"id": "T1", "capacity": 1}], "participants": [{}]},
            "plan.json: participants[0].id: missing",
        ),
        (
            {
                "rounds": 1,
                "tables": [{"id": "T1", "capacity": 1}],
                "participants": [{"id": "a"}, {"id": "b"}],
            },
            "plan.json: participants: 2 people are present in round 1 but the tables seat only 1",
        ),
    ],
)
def test_command_refuses_bad_input_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: object, message: str
) -> None:
    path = write(tmp_path, document)

    code = run_engine_command("seating", ["--input", path])
    error = capsys.readouterr().err

    assert code == 2
    assert error == f"coachbridge seating: {path.replace('plan.json', '')}{message}\n"


def test_command_refuses_invalid_json_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.json"
    path.write_text('{\n "rounds": 2,\n "tables": [\n}', encoding="utf-8")

    code = run_engine_command("seating", ["--input", str(path)])

    assert code == 2
    assert capsys.readouterr().err == (
        f"coachbridge seating: {path}: line 4: invalid JSON: Expecting value\n"
    )


def test_command_refuses_missing_options(capsys: pytest.CaptureFixture[str]) -> None:
    code = run_engine_command("seating", ["--people", "9"])

    assert code == 2
    assert capsys.readouterr().err == (
        "coachbridge seating: arguments: give --input FILE, or all of --people, --tables,"
        " --size and --rounds\n"
    )
