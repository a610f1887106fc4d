"""Figures of any seating plan, also a hand-edited one: repeats, mixing, sizes, rule breaches.

Pure Python and cheap, so the web app can refresh the figures at once when an organiser drags a
person to another table. Definitions: docs/algorithms/seating.md.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from itertools import combinations

from coachbridge.engine.seating.model import SeatingPlan, SeatingProblem
from coachbridge.engine.seating.validate import together_groups

UNSPECIFIED_ROLE = ""


@dataclass(frozen=True)
class PlanMetrics:
    repeat_pairs: int
    max_meetings: int
    pairs_met: int
    mix: float
    missing_role_table_rounds: int
    table_rounds: int
    size_spread: int
    alone_table_rounds: int
    theme_revisits: int
    moved: int | None
    moved_seats: int | None
    seating_errors: int
    capacity_violations: int
    host_violations: int
    fixed_violations: int
    keep_apart_violations: int
    keep_together_violations: int

    @property
    def hard_violations(self) -> int:
        return (
            self.seating_errors
            + self.capacity_violations
            + self.host_violations
            + self.fixed_violations
            + self.keep_apart_violations
            + self.keep_together_violations
        )

    def as_dict(self) -> dict[str, object]:
        figures: dict[str, object] = asdict(self)
        figures["mix"] = round(self.mix, 4)
        figures["hard_violations"] = self.hard_violations
        return figures


def compute_metrics(problem: SeatingProblem, plan: SeatingPlan) -> PlanMetrics:
    """All figures of `plan`; `moved` compares with `problem.previous` (None without one)."""
    issues = plan_issues(problem, plan)
    meetings = _meetings(problem, plan)
    mix, missing, table_rounds = _mixing(problem, plan)
    moved, moved_seats = _moved(problem, plan)
    return PlanMetrics(
        repeat_pairs=sum(max(0, count - 1) for count in meetings.values()),
        max_meetings=max(meetings.values(), default=0),
        pairs_met=len(meetings),
        mix=mix,
        missing_role_table_rounds=missing,
        table_rounds=table_rounds,
        size_spread=_size_spread(problem, plan),
        alone_table_rounds=sum(
            len(table.participants) == 1 for r in plan.rounds for table in r.tables
        ),
        theme_revisits=_theme_revisits(problem, plan),
        moved=moved,
        moved_seats=moved_seats,
        **{kind: len(messages) for kind, messages in issues.items()},
    )


def plan_issues(problem: SeatingProblem, plan: SeatingPlan) -> dict[str, list[str]]:
    """Hard-rule breaches of `plan`, one readable message each, by kind."""
    return {
        "seating_errors": _seating_errors(problem, plan),
        "capacity_violations": _capacity_violations(problem, plan),
        "host_violations": _host_violations(problem, plan),
        "fixed_violations": _fixed_violations(problem, plan),
        "keep_apart_violations": _keep_apart_violations(problem, plan),
        "keep_together_violations": _keep_together_violations(problem, plan),
    }


def _meetings(problem: SeatingProblem, plan: SeatingPlan) -> Counter[tuple[str, str]]:
    """How often each pair shares a table; pairs kept together by rule are left out."""
    group_of = {pid: i for i, group in enumerate(together_groups(problem)) for pid in group}
    meetings: Counter[tuple[str, str]] = Counter()
    for round_seating in plan.rounds:
        for table in round_seating.tables:
            for a, b in combinations(sorted(set(table.participants)), 2):
                if a not in group_of or group_of.get(b) != group_of[a]:
                    meetings[(a, b)] += 1
    return meetings


def role_shares(problem: SeatingProblem, round_no: int) -> dict[str, float]:
    """Share of each role among the people present in the round ("" = no group given)."""
    roles = Counter(
        p.group or UNSPECIFIED_ROLE for p in problem.participants if problem.present(p, round_no)
    )
    total = sum(roles.values())
    return {role: count / total for role, count in roles.items()}


def required_roles(problem: SeatingProblem, round_no: int) -> set[str]:
    """Named roles with at least one present member per table: every table should have one."""
    roles = Counter(p.group for p in problem.participants if problem.present(p, round_no))
    return {
        role for role, count in roles.items() if role is not None and count >= len(problem.tables)
    }


def mix_deviation(counts: dict[str, int], shares: dict[str, float]) -> float:
    """Seats that must change at one table to reach the ideal share of every role."""
    size = sum(counts.values())
    roles = set(shares) | set(counts)
    return sum(abs(counts.get(r, 0) - size * shares.get(r, 0.0)) for r in roles) / 2


def _mixing(problem: SeatingProblem, plan: SeatingPlan) -> tuple[float, int, int]:
    role = {p.id: p.group or UNSPECIFIED_ROLE for p in problem.participants}
    deviation, missing, table_rounds = 0.0, 0, 0
    for round_seating in plan.rounds:
        shares = role_shares(problem, round_seating.round)
        required = required_roles(problem, round_seating.round)
        for table in round_seating.tables:
            counts = Counter(role[pid] for pid in table.participants if pid in role)
            if not counts:
                continue
            table_rounds += 1
            deviation += mix_deviation(counts, shares)
            missing += not required <= set(counts)
    return (deviation / table_rounds if table_rounds else 0.0), missing, table_rounds


def _size_spread(problem: SeatingProblem, plan: SeatingPlan) -> int:
    spread = 0
    for round_seating in plan.rounds:
        sizes = {t.id: 0 for t in problem.tables}
        sizes.update({t.table: len(t.participants) for t in round_seating.tables})
        spread = max(spread, max(sizes.values()) - min(sizes.values()))
    return spread


def _theme_revisits(problem: SeatingProblem, plan: SeatingPlan) -> int:
    theme = {t.id: t.theme for t in problem.tables}
    hosts = problem.hosts()
    visits = Counter(
        (pid, theme.get(table))
        for _, table, pid in plan.seats()
        if pid not in hosts and theme.get(table) is not None
    )
    return sum(count - 1 for count in visits.values())


def _moved(problem: SeatingProblem, plan: SeatingPlan) -> tuple[int | None, int | None]:
    if problem.previous is None:
        return None, None
    before = problem.previous.table_of()
    after = plan.table_of()
    changed = [key for key, table in after.items() if before.get(key, table) != table]
    return len({pid for _, pid in changed}), len(changed)


def _seating_errors(problem: SeatingProblem, plan: SeatingPlan) -> list[str]:
    people = {p.id: p for p in problem.participants}
    tables = {t.id for t in problem.tables}
    errors = []
    for round_no in range(1, problem.rounds + 1):
        seats = [
            (t, pid) for r, t, pid in plan.seats() if r == round_no
        ]  # (table, participant) of this round
        count = Counter(pid for _, pid in seats)
        errors += [f"round {round_no}: unknown table {t}" for t, _ in seats if t not in tables]
        for pid, times in sorted(count.items()):
            if pid not in people:
                errors.append(f"round {round_no}: unknown participant {pid}")
            elif not problem.present(people[pid], round_no):
                errors.append(f"round {round_no}: {pid} is seated but not present")
            elif times > 1:
                errors.append(f"round {round_no}: {pid} is seated {times} times")
        errors += [
            f"round {round_no}: {p.id} is present but has no seat"
            for p in problem.participants
            if problem.present(p, round_no) and p.id not in count
        ]
    return errors


def _capacity_violations(problem: SeatingProblem, plan: SeatingPlan) -> list[str]:
    capacity = {t.id: t.capacity for t in problem.tables}
    return [
        f"round {r.round}: {t.table} seats {len(t.participants)}, capacity {capacity[t.table]}"
        for r in plan.rounds
        for t in r.tables
        if len(t.participants) > capacity.get(t.table, len(t.participants))
    ]


def _host_violations(problem: SeatingProblem, plan: SeatingPlan) -> list[str]:
    seats = plan.table_of()
    people = {p.id: p for p in problem.participants}
    return [
        f"round {r}: host {host} is not at {table}"
        for host, table in problem.hosts().items()
        for r in range(1, problem.rounds + 1)
        if problem.present(people[host], r) and seats.get((r, host)) != table
    ]


def _fixed_violations(problem: SeatingProblem, plan: SeatingPlan) -> list[str]:
    seats = plan.table_of()
    return [
        f"round {f.round}: {f.participant} must sit at {f.table}"
        for f in problem.fixed
        if seats.get((f.round, f.participant)) != f.table
    ]


def _keep_apart_violations(problem: SeatingProblem, plan: SeatingPlan) -> list[str]:
    seats = plan.table_of()
    breaches = []
    for group in problem.constraints.keep_apart:
        for round_no in range(1, problem.rounds + 1):
            at: dict[str, list[str]] = defaultdict(list)
            for pid in group:
                if (round_no, pid) in seats:
                    at[seats[(round_no, pid)]].append(pid)
            breaches += [
                f"round {round_no}: {a} and {b} sit together at {table} (keep_apart)"
                for table, members in sorted(at.items())
                for a, b in combinations(members, 2)
            ]
    return breaches


def _keep_together_violations(problem: SeatingProblem, plan: SeatingPlan) -> list[str]:
    seats = plan.table_of()
    breaches = []
    for group in together_groups(problem):
        for round_no in range(1, problem.rounds + 1):
            tables = {seats[(round_no, pid)] for pid in group if (round_no, pid) in seats}
            if len(tables) > 1:
                breaches.append(
                    f"round {round_no}: {', '.join(group)} are split over"
                    f" {', '.join(sorted(tables))} (keep_together)"
                )
    return breaches
