"""Greedy first plan, round by round: everyone takes the open seat that adds the least cost.

Pinned people sit first, then keep_together groups (largest first), then people who had a seat
in the previous plan (so re-planning keeps them there when it costs nothing), then the rest in
random order. Empty-seat slots fill whatever is left.
"""

from __future__ import annotations

import random

import numpy as np

from coachbridge.engine.seating.layout import NO_TABLE, Floats, Ints, Layout
from coachbridge.engine.seating.state import W_HARD, W_MOVED, W_REPEAT, SeatingState


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

    def build(self) -> Ints:
        for round_index in range(self.layout.rounds):
            self._build_round(round_index)
        return self.tab

    def _build_round(self, round_index: int) -> None:
        layout = self.layout
        self.onehot[:] = 0.0
        pinned = layout.pinned[round_index]
        for slot in np.flatnonzero(pinned != NO_TABLE):
            self._seat(round_index, [int(slot)], int(pinned[slot]))
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
        had_seat = layout.previous[round_index] != NO_TABLE
        order.sort(key=lambda slot: not had_seat[slot])
        for slot in order:
            self._seat_best(round_index, [slot])
        self._fill_empty_seats(round_index)

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
                self.scorer.table_cost(after)[round_index]
                - self.scorer.table_cost(self.counts)[round_index]
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
            int(s)
            for s in np.flatnonzero(layout.present[round_index])
            if s >= len(layout.people)
        ]
        tables = [t for t in range(layout.tables) for _ in range(free[t])]
        for slot, table in zip(empty, tables, strict=True):
            self.tab[round_index, slot] = table
            self.counts[round_index, table, layout.empty_role] += 1


def first_plan(layout: Layout, rng: random.Random) -> Ints:
    """A complete seating for every round, built greedily (see the module docstring)."""
    return _Builder(layout, rng).build()
