"""Greedy first plan, round by round: everyone takes the open seat that adds the least cost.

Pinned people sit first, then keep_together groups (largest first), then people who had a seat
in the previous plan (at that seat while it is free), then the rest in random order. Empty-seat
slots fill whatever is left.
"""

from __future__ import annotations

import random

import numpy as np

from coachbridge.engine.seating.designs import (
    STORED_APART,
    design_plan,
    design_rounds,
    field_rounds,
)
from coachbridge.engine.seating.layout import NO_TABLE, Floats, Ints, Layout
from coachbridge.engine.seating.state import W_HARD, W_MOVED, W_REPEAT, SeatingState

TIGHT_SHARE = 0.6  # of the most rounds possible without repeats
RELABEL_TRIES = 2_000  # random row swaps that even out roles in a stored design


class _Builder:
    def __init__(self, layout: Layout, rng: random.Random) -> None:
        self.layout = layout
        self.rng = rng
        self.tab = np.full((layout.rounds, layout.slots), NO_TABLE, dtype=np.int64)
        self.meet = np.zeros((layout.slots, layout.slots))
        self.onehot = np.zeros((layout.slots, layout.tables))  # of the round being built
        self.counts = np.zeros((layout.rounds, layout.tables, len(layout.roles) + 1))
        self.visits: dict[tuple[int, int], int] = {}
        # table_cost only needs the layout, not a full state
        self.scorer = SeatingState.__new__(SeatingState)
        self.scorer.layout = layout
        self.theme_weight = W_HARD if layout.problem.constraints.visit_each_theme_once else 0.0

    def build(self, preset: Ints | None = None) -> Ints:
        """Seat every round; rounds given in `preset` (rounds, slots) are copied, not built."""
        done = 0 if preset is None else len(preset)
        for round_index in range(self.layout.rounds):
            if preset is not None and round_index < done:
                self._copy_round(round_index, preset[round_index])
            else:
                self._build_round(round_index)
        return self.tab

    def _copy_round(self, round_index: int, tables: Ints) -> None:
        self.onehot[:] = 0.0
        people = len(self.layout.people)
        for slot in np.flatnonzero(tables != NO_TABLE):
            if slot < people:
                self._seat(round_index, [int(slot)], int(tables[slot]))
            else:
                self.tab[round_index, slot] = tables[slot]
                self.counts[round_index, tables[slot], self.layout.empty_role] += 1

    def _build_round(self, round_index: int) -> None:
        layout = self.layout
        self.onehot[:] = 0.0
        pinned = layout.pinned[round_index]
        for pinned_slot in np.flatnonzero(pinned != NO_TABLE):
            self._seat(round_index, [int(pinned_slot)], int(pinned[pinned_slot]))
        placed = pinned != NO_TABLE
        blocks = sorted(layout.blocks[round_index], key=len, reverse=True)
        for members in blocks:
            if not placed[members].any():
                self._seat_best(round_index, [int(m) for m in members])
                placed[members] = True
        people = np.arange(len(layout.people))
        waiting = people[layout.present[round_index, people] & ~placed[people]]
        order = [int(s) for s in waiting]
        self.rng.shuffle(order)
        for slot in order:
            self._keep_previous_seat(round_index, slot)
        for slot in order:
            if self.tab[round_index, slot] == NO_TABLE:
                self._seat_best(round_index, [slot])
        self._fill_empty_seats(round_index)

    def _keep_previous_seat(self, round_index: int, slot: int) -> None:
        table = int(self.layout.previous[round_index, slot])
        if table != NO_TABLE and self.onehot[:, table].sum() < self.layout.capacity[table]:
            self._seat(round_index, [slot], table)

    def _seat_best(self, round_index: int, members: list[int]) -> None:
        free = self.layout.capacity - self.onehot.sum(axis=0)
        scores = np.where(free >= len(members), self._scores(round_index, members), np.inf)
        if not np.isfinite(scores).any():
            names = ", ".join(self.layout.people[m] for m in members)
            raise ValueError(f"no table has {len(members)} free seats for {names}")
        best = np.flatnonzero(scores <= scores.min() + 1e-9)
        self._seat(round_index, members, int(best[self.rng.randrange(len(best))]))

    def _scores(self, round_index: int, members: list[int]) -> Floats:
        layout = self.layout
        weight = layout.pair_weight[members]
        add = W_REPEAT * weight * (self.meet[members] >= 1) + W_HARD * layout.apart[members]
        scores: Floats = (add @ self.onehot).sum(axis=0)
        for slot in members:
            after = self.counts.copy()
            after[round_index, :, layout.role[slot]] += 1
            scores = scores + (
                self.scorer.table_cost(after, alone=False)[round_index]
                - self.scorer.table_cost(self.counts, alone=False)[round_index]
            )
            previous = layout.previous[round_index, slot]
            if previous != NO_TABLE:
                scores = scores + W_MOVED * (np.arange(layout.tables) != previous)
            if self.theme_weight and layout.theme_counted[slot]:
                seen = [self.visits.get((slot, int(t)), 0) > 0 for t in layout.theme]
                scores = scores + self.theme_weight * (np.array(seen) & (layout.theme >= 0))
        return scores

    def _seat(self, round_index: int, members: list[int], table: int) -> None:
        layout = self.layout
        for slot in members:
            mates = self.onehot[:, table]
            self.meet[slot] += mates
            self.meet[:, slot] += mates
            self.onehot[slot, table] = 1.0
            self.tab[round_index, slot] = table
            self.counts[round_index, table, layout.role[slot]] += 1
            key = (slot, int(layout.theme[table]))
            self.visits[key] = self.visits.get(key, 0) + 1

    def _fill_empty_seats(self, round_index: int) -> None:
        layout = self.layout
        free = (layout.capacity - self.onehot.sum(axis=0)).astype(np.int64)
        empty = [
            int(s) for s in np.flatnonzero(layout.present[round_index]) if s >= len(layout.people)
        ]
        tables = [t for t in range(layout.tables) for _ in range(free[t])]
        for slot, table in zip(empty, tables, strict=True):
            self.tab[round_index, slot] = table
            self.counts[round_index, table, layout.empty_role] += 1


def first_plan(layout: Layout, rng: random.Random) -> Ints:
    """A complete seating for every round: by design when one fits, else greedily."""
    designed = designed_plan(layout, rng)
    if designed is not None and len(designed) == layout.rounds:
        return designed
    return _Builder(layout, rng).build(preset=designed)


def designed_plan(layout: Layout, rng: random.Random) -> Ints | None:
    """Zero-repeat rounds from `designs` when the problem fits one, else None.

    A tight plan with more rounds than the design has gets the design's rounds first; the greedy
    adds the rest and the search repairs the whole. 8 tables of 4 for 10 rounds without hosts and
    with at most 2 empty seats uses the stored zero-repeat plan (`designs.GDD_8_4_10`), people in
    random order, empty seats at two points that never meet.

    Fits: equal tables, everybody present all day, no previous plan, no groups, no fixed seats
    other than hosts. Hosts take the design's first column, which never moves, so each stays at
    one table; people sorted by role fill the other columns, and since every table gets exactly
    one person of each column in every round (field designs only), role mixing comes out nearly
    even by itself; in a stored plan the search evens it out afterwards.
    """
    tables, size = layout.tables, int(layout.capacity[0])
    people = len(layout.people)
    empty = tables * size - people
    hosts = _hosts(layout)
    available = design_rounds(tables, size)
    stored = (
        not hosts
        and empty <= len(STORED_APART.get((tables, size), ()))
        and layout.rounds > field_rounds(tables, size)
    )
    if (hosts or empty) and not stored:
        # hosts and empty seats need the field design's steady first column, and its extra
        # round would seat them together
        available = min(field_rounds(tables, size), tables)
    most_rounds = (people + empty - 1) // (size - 1) if size > 1 else 0
    # With roles to mix, a greedy start mixes better, unless the plan is tight on repeats.
    worth_it = len(layout.roles) <= 1 or layout.rounds >= TIGHT_SHARE * most_rounds
    fits = (
        available > 0
        and worth_it
        and (layout.capacity == size).all()
        and layout.present[:, :people].all()
        and 0 <= empty <= tables
        and (layout.previous == NO_TABLE).all()
        and not any(layout.blocks)
        and hosts is not None
    )
    if not fits or hosts is None:
        return None
    design = design_plan(tables, size, min(layout.rounds, available))
    if len(design) > field_rounds(tables, size):
        point_of = _stored_points(layout, STORED_APART[(tables, size)][:empty], rng)
    else:
        point_of = _points(layout, len(hosts), empty, rng)
    host_table = {point: table for point, table in enumerate(hosts)}
    free_tables = [t for t in range(tables) if t not in hosts]
    table_of_design = [host_table.get(t, 0) for t in range(tables)]
    for t, table in zip(
        (t for t in range(tables) if t not in host_table), free_tables, strict=True
    ):
        table_of_design[t] = table
    plan = np.full((len(design), layout.slots), NO_TABLE, dtype=np.int64)
    for round_index, seats in enumerate(design):
        for slot, point in enumerate(point_of):
            plan[round_index, slot] = table_of_design[seats[point]]
    if len(design) > field_rounds(tables, size) and len(layout.roles) > 1:
        _mix_by_relabelling(layout, plan, rng)
    return plan


def _mix_by_relabelling(layout: Layout, plan: Ints, rng: random.Random) -> None:
    """Even out role mixing of a stored design by swapping people's whole rows (in place).

    Two people trading all their seats keeps every meeting count, so the plan stays free of
    repeats; a random walk that takes swaps not raising the mixing cost costs well under 0.1 s.
    """
    scorer = SeatingState.__new__(SeatingState)
    scorer.layout = layout
    rounds = np.arange(layout.rounds)[:, None]
    counts = np.zeros((layout.rounds, layout.tables, len(layout.roles) + 1))
    np.add.at(counts, (rounds, plan, layout.role[None, : plan.shape[1]]), 1.0)
    cost = float(scorer.table_cost(counts).sum())
    slots = list(range(len(layout.people)))
    for _ in range(RELABEL_TRIES):
        a, b = rng.sample(slots, 2)
        role_a, role_b = int(layout.role[a]), int(layout.role[b])
        if role_a == role_b:
            continue
        trial = counts.copy()
        everywhere = np.arange(layout.rounds)
        for slot, old, new in ((a, role_a, role_b), (b, role_b, role_a)):
            trial[everywhere, plan[:, slot], old] -= 1.0
            trial[everywhere, plan[:, slot], new] += 1.0
        trial_cost = float(scorer.table_cost(trial).sum())
        if trial_cost <= cost:
            counts, cost = trial, trial_cost
            plan[:, [a, b]] = plan[:, [b, a]]


def _hosts(layout: Layout) -> list[int] | None:
    """Tables of the pinned people (all pinned people must be hosts), or None if other pins."""
    pinned = layout.pinned
    hosts = [s for s in range(len(layout.people)) if (pinned[:, s] != NO_TABLE).any()]
    tables = [int(pinned[0, s]) for s in hosts]
    steady = all((pinned[:, s] == pinned[0, s]).all() for s in hosts)
    if not steady or len(set(tables)) != len(tables) or NO_TABLE in tables:
        return None
    return tables


def _stored_points(layout: Layout, empty: tuple[int, ...], rng: random.Random) -> list[int]:
    """point_of[slot] for a stored plan: people in random order, empty seats at `empty`."""
    people = len(layout.people)
    points = [p for p in range(layout.tables * int(layout.capacity[0])) if p not in empty]
    rng.shuffle(points)
    return points[:people] + list(empty)


def _points(layout: Layout, hosts: int, empty: int, rng: random.Random) -> list[int]:
    """point_of[slot]: design point (column * tables + a) for every active slot."""
    tables, size = layout.tables, int(layout.capacity[0])
    people = len(layout.people)
    host_slots = [s for s in range(people) if (layout.pinned[:, s] != NO_TABLE).any()]
    others = list(set(range(people)) - set(host_slots))
    rng.shuffle(others)
    others.sort(key=lambda slot: int(layout.role[slot]))
    last_column = (size - 1) * tables
    free_points = [
        p for p in range(hosts, tables * size) if not last_column <= p < last_column + empty
    ]
    point_of = [0] * (people + empty)
    for point, slot in enumerate(host_slots):
        point_of[slot] = point
    for point, slot in zip(free_points, others, strict=True):
        point_of[slot] = point
    for k in range(empty):
        point_of[people + k] = last_column + k
    return point_of
