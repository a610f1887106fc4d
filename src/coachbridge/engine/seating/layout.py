"""The problem compiled to integer arrays for the search.

People and tables become indices. Every seat that nobody uses in a round is taken by an "empty
seat" slot (a dummy person with no pair costs), so every round is an exact partition of all seats
and moving someone to a free seat is just a swap with an empty-seat slot.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from coachbridge.engine.seating.metrics import required_roles, role_shares
from coachbridge.engine.seating.model import SeatingProblem
from coachbridge.engine.seating.validate import pinned_seats, together_groups

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]

NO_TABLE = -1


@dataclass(frozen=True)
class Layout:
    problem: SeatingProblem
    people: tuple[str, ...]  # slot index -> participant id, for the first len(people) slots
    table_ids: tuple[str, ...]
    capacity: Ints  # (tables,)
    slots: int  # people + empty-seat slots
    roles: tuple[str, ...]  # role index -> role name; index len(roles) marks an empty seat
    role: Ints  # (slots,)
    shares: Floats  # (rounds, roles): share of each role among the present people
    required: Bools  # (rounds, roles): roles every table should have
    present: Bools  # (rounds, slots): person present / empty-seat slot in use
    pinned: Ints  # (rounds, slots): table a slot must take, or NO_TABLE
    blocks: tuple[tuple[Ints, ...], ...]  # per round: keep_together groups of 2+ present people
    pair_weight: Floats  # (slots, slots): 1 for two real people whose meetings count
    apart: Floats  # (slots, slots): 1 for pairs that must not share a table
    theme: Ints  # (tables,): theme index or -1
    theme_counted: Floats  # (slots,): 1 for people whose theme visits count (not hosts)
    previous: Ints  # (rounds, slots): table in the previous plan, or NO_TABLE

    @property
    def rounds(self) -> int:
        return self.problem.rounds

    @property
    def tables(self) -> int:
        return len(self.table_ids)

    @property
    def empty_role(self) -> int:
        return len(self.roles)

    def mobile(self) -> Bools:
        """(rounds, slots): slots a single swap may move (present, not pinned, not in a group)."""
        free: Bools = self.present & (self.pinned == NO_TABLE)
        for round_index, groups in enumerate(self.blocks):
            for members in groups:
                free[round_index, members] = False
        return free


def compile_problem(problem: SeatingProblem) -> Layout:
    people = tuple(p.id for p in problem.participants)
    table_ids = tuple(t.id for t in problem.tables)
    capacity = np.array([t.capacity for t in problem.tables], dtype=np.int64)
    present_people = np.array(
        [
            [problem.present(p, r) for p in problem.participants]
            for r in range(1, problem.rounds + 1)
        ],
        dtype=bool,
    ).reshape(problem.rounds, len(people))
    empty_seats = int(capacity.sum()) - present_people.sum(axis=1)
    slots = len(people) + int(empty_seats.max())
    present = np.zeros((problem.rounds, slots), dtype=bool)
    present[:, : len(people)] = present_people
    for round_index, count in enumerate(empty_seats):
        present[round_index, len(people) : len(people) + int(count)] = True
    roles = tuple(sorted({p.group or "" for p in problem.participants}))
    role = np.full(slots, len(roles), dtype=np.int64)
    role[: len(people)] = [roles.index(p.group or "") for p in problem.participants]
    return Layout(
        problem=problem,
        people=people,
        table_ids=table_ids,
        capacity=capacity,
        slots=slots,
        roles=roles,
        role=role,
        shares=_shares(problem, roles),
        required=_required(problem, roles),
        present=present,
        pinned=_pinned(problem, people, table_ids, slots),
        blocks=_blocks(problem, people, present),
        pair_weight=_pair_weight(problem, people, slots),
        apart=_apart(problem, people, slots),
        theme=_themes(problem),
        theme_counted=_theme_counted(problem, people, slots),
        previous=_previous(problem, people, table_ids, slots),
    )


def _shares(problem: SeatingProblem, roles: tuple[str, ...]) -> Floats:
    shares = np.zeros((problem.rounds, len(roles)))
    for round_index in range(problem.rounds):
        for role, share in role_shares(problem, round_index + 1).items():
            shares[round_index, roles.index(role)] = share
    return shares


def _required(problem: SeatingProblem, roles: tuple[str, ...]) -> Bools:
    required = np.zeros((problem.rounds, len(roles)), dtype=bool)
    for round_index in range(problem.rounds):
        for role in required_roles(problem, round_index + 1):
            required[round_index, roles.index(role)] = True
    return required


def _pinned(
    problem: SeatingProblem, people: tuple[str, ...], table_ids: tuple[str, ...], slots: int
) -> Ints:
    pinned = np.full((problem.rounds, slots), NO_TABLE, dtype=np.int64)
    index = {pid: i for i, pid in enumerate(people)}
    for (round_no, pid), table in pinned_seats(problem).items():
        pinned[round_no - 1, index[pid]] = table_ids.index(table)
    # A group sits where any of its members is pinned.
    for group in together_groups(problem):
        members = [index[pid] for pid in group]
        for round_index in range(problem.rounds):
            tables = pinned[round_index, members]
            if (tables != NO_TABLE).any():
                table = tables[tables != NO_TABLE][0]
                for member in members:
                    if problem.present(problem.participants[member], round_index + 1):
                        pinned[round_index, member] = table
    return pinned


def _blocks(
    problem: SeatingProblem, people: tuple[str, ...], present: Bools
) -> tuple[tuple[Ints, ...], ...]:
    index = {pid: i for i, pid in enumerate(people)}
    groups = [
        np.array([index[pid] for pid in group], dtype=np.int64)
        for group in together_groups(problem)
    ]
    return tuple(
        tuple(g[present[r, g]] for g in groups if int(present[r, g].sum()) >= 2)
        for r in range(problem.rounds)
    )


def _pair_weight(problem: SeatingProblem, people: tuple[str, ...], slots: int) -> Floats:
    weight = np.zeros((slots, slots))
    weight[: len(people), : len(people)] = 1.0
    np.fill_diagonal(weight, 0.0)
    index = {pid: i for i, pid in enumerate(people)}
    for group in together_groups(problem):
        members = [index[pid] for pid in group]
        weight[np.ix_(members, members)] = 0.0
    return weight


def _apart(problem: SeatingProblem, people: tuple[str, ...], slots: int) -> Floats:
    apart = np.zeros((slots, slots))
    index = {pid: i for i, pid in enumerate(people)}
    for group in problem.constraints.keep_apart:
        members = [index[pid] for pid in group]
        apart[np.ix_(members, members)] = 1.0
    np.fill_diagonal(apart, 0.0)
    return apart


def _themes(problem: SeatingProblem) -> Ints:
    names = sorted({t.theme for t in problem.tables if t.theme is not None})
    return np.array(
        [names.index(t.theme) if t.theme is not None else -1 for t in problem.tables],
        dtype=np.int64,
    )


def _theme_counted(problem: SeatingProblem, people: tuple[str, ...], slots: int) -> Floats:
    counted = np.zeros(slots)
    hosts = problem.hosts()
    counted[: len(people)] = [pid not in hosts for pid in people]
    return counted


def _previous(
    problem: SeatingProblem, people: tuple[str, ...], table_ids: tuple[str, ...], slots: int
) -> Ints:
    previous = np.full((problem.rounds, slots), NO_TABLE, dtype=np.int64)
    if problem.previous is None:
        return previous
    index = {pid: i for i, pid in enumerate(people)}
    tables = {t: i for i, t in enumerate(table_ids)}
    for (round_no, pid), table in problem.previous.table_of().items():
        if 1 <= round_no <= problem.rounds and pid in index and table in tables:
            previous[round_no - 1, index[pid]] = tables[table]
    return previous
