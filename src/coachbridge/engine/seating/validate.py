"""Refuse impossible problems before any computing, with a message that names the conflict."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from coachbridge.engine.seating.model import SeatingInputError, SeatingProblem, Table


def validate_problem(problem: SeatingProblem) -> None:
    """Raise SeatingInputError for the first rule that cannot be met; return None otherwise."""
    _check_basics(problem)
    _check_hosts(problem)
    pins = pinned_seats(problem)
    _check_pinned_capacity(problem, pins)
    _check_head_count(problem)
    _check_keep_apart(problem, pins)
    _check_keep_together(problem, pins)
    _check_themes(problem, pins)


def pinned_seats(problem: SeatingProblem) -> dict[tuple[int, str], str]:
    """(round, participant) -> table of hosts and fixed seats; refuses a double seat."""
    present = {p.id: p for p in problem.participants}
    pins: dict[tuple[int, str], str] = {}
    for host, table in problem.hosts().items():
        for round_no in range(1, problem.rounds + 1):
            if problem.present(present[host], round_no):
                pins[(round_no, host)] = table
    for index, seat in enumerate(problem.fixed):
        where = f"fixed[{index}]"
        _require(seat.participant in present, f"{where}: unknown participant {seat.participant!r}")
        _require(1 <= seat.round <= problem.rounds, f"{where}: round {seat.round} out of range")
        _require(
            seat.table in {t.id for t in problem.tables}, f"{where}: unknown table {seat.table!r}"
        )
        _require(
            problem.present(present[seat.participant], seat.round),
            f"{where}: {seat.participant} is not present in round {seat.round}",
        )
        earlier = pins.setdefault((seat.round, seat.participant), seat.table)
        _require(
            earlier == seat.table,
            f"{where}: {seat.participant} is already seated at {earlier} in round {seat.round}"
            f" (host or another fixed seat), not {seat.table}",
        )
    return pins


def together_groups(problem: SeatingProblem) -> list[tuple[str, ...]]:
    """keep_together groups with overlapping groups merged (sitting together is transitive)."""
    merged: list[set[str]] = []
    for group in problem.constraints.keep_together:
        members = set(group)
        for other in [m for m in merged if m & members]:
            members |= other
            merged.remove(other)
        merged.append(members)
    order = {p.id: i for i, p in enumerate(problem.participants)}
    return [tuple(sorted(m, key=lambda pid: order.get(pid, -1))) for m in merged]


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise SeatingInputError(message)


def _duplicates(values: Iterable[str]) -> list[str]:
    return sorted(value for value, count in Counter(values).items() if count > 1)


def _check_basics(problem: SeatingProblem) -> None:
    _require(problem.rounds >= 1, f"rounds: must be at least 1, got {problem.rounds}")
    _require(len(problem.tables) > 0, "tables: at least one table is needed")
    twice = _duplicates(t.id for t in problem.tables)
    _require(not twice, f"tables: table id used twice: {', '.join(twice)}")
    for index, table in enumerate(problem.tables):
        _require(table.capacity >= 1, f"tables[{index}].capacity: must be at least 1")
    twice = _duplicates(p.id for p in problem.participants)
    _require(not twice, f"participants: participant id used twice: {', '.join(twice)}")
    for index, person in enumerate(problem.participants):
        where = f"participants[{index}]"
        first, last = person.present_from_round, person.present_until_round
        _require(1 <= first <= problem.rounds, f"{where}.present_from_round: {first} out of range")
        _require(
            last is None or first <= last <= problem.rounds,
            f"{where}.present_until_round: {last} must lie between present_from_round"
            f" ({first}) and rounds ({problem.rounds})",
        )


def _check_hosts(problem: SeatingProblem) -> None:
    known = {p.id for p in problem.participants}
    seen: dict[str, str] = {}
    for index, table in enumerate(problem.tables):
        if table.host is None:
            continue
        _require(table.host in known, f"tables[{index}].host: unknown participant {table.host!r}")
        _require(
            table.host not in seen,
            f"tables[{index}].host: {table.host} already hosts {seen.get(table.host)}",
        )
        seen[table.host] = table.id


def _check_pinned_capacity(problem: SeatingProblem, pins: dict[tuple[int, str], str]) -> None:
    capacity = {t.id: t.capacity for t in problem.tables}
    for (round_no, table), count in sorted(Counter((r, t) for (r, _), t in pins.items()).items()):
        _require(
            count <= capacity[table],
            f"fixed: {count} people are fixed at {table} in round {round_no},"
            f" which seats {capacity[table]}",
        )


def _check_head_count(problem: SeatingProblem) -> None:
    seats = sum(t.capacity for t in problem.tables)
    for round_no in range(1, problem.rounds + 1):
        count = sum(problem.present(p, round_no) for p in problem.participants)
        _require(
            count <= seats,
            f"participants: {count} people are present in round {round_no}"
            f" but the tables seat only {seats}",
        )


def _check_group_ids(problem: SeatingProblem, where: str, group: tuple[str, ...]) -> None:
    known = {p.id for p in problem.participants}
    unknown = [pid for pid in group if pid not in known]
    _require(not unknown, f"{where}: unknown participant {', '.join(map(repr, unknown))}")
    twice = _duplicates(group)
    _require(not twice, f"{where}: participant listed twice: {', '.join(twice)}")


def _check_keep_apart(problem: SeatingProblem, pins: dict[tuple[int, str], str]) -> None:
    people = {p.id: p for p in problem.participants}
    for index, group in enumerate(problem.constraints.keep_apart):
        where = f"constraints.keep_apart[{index}]"
        _check_group_ids(problem, where, group)
        for round_no in range(1, problem.rounds + 1):
            present = [pid for pid in group if problem.present(people[pid], round_no)]
            _require(
                len(present) <= len(problem.tables),
                f"{where}: {len(present)} people must sit apart in round {round_no}"
                f" but there are only {len(problem.tables)} tables",
            )
            tables = [pins[(round_no, pid)] for pid in present if (round_no, pid) in pins]
            twice = _duplicates(tables)
            _require(
                not twice,
                f"{where}: members are fixed together at {', '.join(twice)} in round {round_no}",
            )


def _check_keep_together(problem: SeatingProblem, pins: dict[tuple[int, str], str]) -> None:
    for index, group in enumerate(problem.constraints.keep_together):
        _check_group_ids(problem, f"constraints.keep_together[{index}]", group)
    for group in together_groups(problem):
        _check_together_group(problem, pins, group)


def _check_together_group(
    problem: SeatingProblem, pins: dict[tuple[int, str], str], group: tuple[str, ...]
) -> None:
    where = f"constraints.keep_together ({', '.join(group)})"
    members = set(group)
    for apart in problem.constraints.keep_apart:
        clash = sorted(members & set(apart))
        _require(
            len(clash) < 2, f"{where}: {' and '.join(clash)} must also be kept apart (keep_apart)"
        )
    people = {p.id: p for p in problem.participants}
    capacity = {t.id: t.capacity for t in problem.tables}
    largest = max(capacity.values())
    for round_no in range(1, problem.rounds + 1):
        present = [pid for pid in group if problem.present(people[pid], round_no)]
        _require(
            len(present) <= largest,
            f"{where}: {len(present)} people cannot sit together at a table of at most {largest}",
        )
        tables = {pins[(round_no, pid)] for pid in present if (round_no, pid) in pins}
        _require(
            len(tables) <= 1,
            f"{where}: members are fixed at different tables in round {round_no}:"
            f" {', '.join(sorted(tables))}",
        )
        if tables:
            table = tables.pop()
            others = [p for (r, p), t in pins.items() if r == round_no and t == table]
            needed = len(set(others) | set(present))
            _require(
                needed <= capacity[table],
                f"{where}: the group joins {table} in round {round_no},"
                f" which then needs {needed} seats of {capacity[table]}",
            )


def _check_themes(problem: SeatingProblem, pins: dict[tuple[int, str], str]) -> None:
    if not problem.constraints.visit_each_theme_once:
        return
    theme = {t.id: t.theme for t in problem.tables}
    themes = {t for t in theme.values() if t is not None}
    hosts = problem.hosts()
    if all(t is not None for t in theme.values()):
        for index, person in enumerate(problem.participants):
            rounds = sum(problem.present(person, r) for r in range(1, problem.rounds + 1))
            _require(
                person.id in hosts or rounds <= len(themes),
                f"constraints.visit_each_theme_once: participants[{index}] ({person.id}) is"
                f" present in {rounds} rounds but there are only {len(themes)} themes",
            )
        _check_theme_seats(problem)
    visits = Counter((pid, theme[t]) for (_, pid), t in pins.items() if pid not in hosts)
    for (pid, name), count in sorted(visits.items(), key=str):
        _require(
            name is None or count < 2,
            f"constraints.visit_each_theme_once: fixed seats send {pid} to theme {name!r}"
            f" {count} times",
        )


def _check_theme_seats(problem: SeatingProblem) -> None:
    """People present in as many rounds as there are themes visit every theme exactly once."""
    hosts = problem.hosts()
    themes = sorted({t.theme for t in problem.tables if t.theme is not None})
    all_day = [
        p
        for p in problem.participants
        if p.id not in hosts
        and sum(problem.present(p, r) for r in range(1, problem.rounds + 1)) == len(themes)
    ]
    people = {p.id: p for p in problem.participants}

    def visitor_seats(table: Table, round_no: int) -> int:
        host_there = table.host is not None and problem.present(people[table.host], round_no)
        return table.capacity - host_there

    for name in themes:
        seats = sum(
            visitor_seats(table, round_no)
            for table in problem.tables
            if table.theme == name
            for round_no in range(1, problem.rounds + 1)
        )
        _require(
            seats >= len(all_day),
            f"constraints.visit_each_theme_once: theme {name!r} has {seats} visitor seats over"
            f" all rounds, but {len(all_day)} people must visit every theme",
        )
