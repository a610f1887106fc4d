"""Tabu search over whole plans (Dotú & Van Hentenryck 2005), started from the greedy plan.

A move swaps the tables of two slots in one round (a slot may be an empty seat, so moving to a
free seat is a swap too). While any person is in a conflict (repeated meeting, keep-apart breach,
theme revisit), only swaps involving such a person are considered; afterwards all people are,
to improve mixing, sizes and seats moved. Moving a person back to the table they just left is
tabu for a random number of iterations unless it gives a new best plan. When the best plan has
not improved for a while, a few random swaps shake the plan (breakout, Triska & Musliu 2012).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from coachbridge.engine.seating.bounds import lower_bound
from coachbridge.engine.seating.layout import NO_TABLE, Bools, Floats, Ints, Layout
from coachbridge.engine.seating.result import SearchProgress
from coachbridge.engine.seating.state import SeatingState

Index = npt.NDArray[np.intp]

EPSILON = 1e-6
MAX_CANDIDATES = 400  # rows of the move matrix per iteration; more are sampled
PROGRESS_EVERY_S = 0.2
BLOCK_MOVE_SHARE = 0.1  # of iterations that also try to move a keep_together group


@dataclass(frozen=True)
class SearchSettings:
    time_limit_s: float
    max_iterations: int | None = None
    tenure: tuple[int, int] = (4, 100)
    breakout_after: int = 30  # iterations without a new best before random swaps
    breakout_swaps: int = 2
    restart_after: int = 2_000  # iterations without a new best before going back to it
    kicks: int = 4  # restarts from a shaken best plan before giving up on a conflict-free plan
    kick_swaps: int = 6


@dataclass(frozen=True)
class SearchOutcome:
    tables: Ints
    iterations: int
    stopped: str


class TabuSearch:
    def __init__(
        self,
        layout: Layout,
        initial: Ints,
        settings: SearchSettings,
        rng: random.Random,
        progress: Callable[[SearchProgress], None] | None,
    ) -> None:
        self.layout = layout
        self.settings = settings
        self.rng = rng
        self.progress = progress
        self.state = SeatingState(layout, initial)
        self.mobile = layout.mobile()
        self.real = np.arange(layout.slots) < len(layout.people)
        # one role and no empty seats among movable slots: swaps never change a table's mix
        self.one_kind = len(set(layout.role[self.mobile.any(axis=0)].tolist())) <= 1
        self.tabu = np.zeros((layout.rounds, layout.slots, layout.tables), dtype=np.int64)
        self.best_cost = self.state.cost
        self.best_tables = self.state.tab.copy()
        self.best_conflict_free = self._conflict_free()
        self.best_repeats = int(self.state.parts()["repeats"])
        self.bound = lower_bound(layout, self.state)
        self.iteration = 0
        self.last_best = 0
        self.kicks = 0
        self.nothing_to_move = not self._can_move()
        self.replanning = bool((layout.previous != NO_TABLE).any())
        # iterations without a new best before a conflict-free plan counts as stalled
        self.patience = (100 if self.replanning else 200) + int(self.mobile.sum())

    def run(self) -> SearchOutcome:
        started = time.perf_counter()
        next_report = started
        while True:
            if self._stalled() and self.kicks < self.settings.kicks:
                self._kick()
            stopped = self._stop_reason(time.perf_counter() - started)
            if stopped:
                break
            if self.progress is not None and time.perf_counter() >= next_report:
                self._report(time.perf_counter() - started)
                next_report += PROGRESS_EVERY_S
            self._step()
            self.iteration += 1
        self._report(time.perf_counter() - started)
        return SearchOutcome(self.best_tables, self.iteration, stopped)

    def _can_move(self) -> bool:
        """Some round has a movable person and a movable slot at another table (or a group)."""
        layout, tab = self.layout, self.state.tab
        for r in range(layout.rounds):
            tables = set(tab[r, self.mobile[r]].tolist())
            people = self.mobile[r] & self.real
            if len(tables) >= 2 and people.any():
                return True
            if any((layout.pinned[r, members] < 0).all() for members in layout.blocks[r]):
                return True
        return False

    def _stop_reason(self, elapsed: float) -> str:
        if self.best_cost <= self.bound + EPSILON or self.nothing_to_move:
            return "optimal"
        if self._stalled():
            return "stalled"
        if elapsed >= self.settings.time_limit_s:
            return "time limit"
        limit = self.settings.max_iterations
        if limit is not None and self.iteration >= limit:
            return "iteration limit"
        return ""

    def _stalled(self) -> bool:
        return self.best_conflict_free and self.iteration - self.last_best > self.patience

    def _report(self, elapsed: float) -> None:
        if self.progress is None:
            return
        self.progress(
            SearchProgress(
                elapsed_s=elapsed,
                time_limit_s=self.settings.time_limit_s,
                iterations=self.iteration,
                best_repeat_pairs=self.best_repeats,
            )
        )

    def _step(self) -> None:
        if any(self.layout.blocks) and self.rng.random() < BLOCK_MOVE_SHARE:
            self._try_block_move()
        rows, columns, deltas = self._moves()
        choice = self._choose(rows, columns, deltas)
        if choice is None:
            self._breakout()
            return
        round_index, x, y, delta = choice
        self._apply(round_index, x, y, delta)
        if self.state.cost < self.best_cost - EPSILON:
            self._new_best()
        elif self.iteration - self.last_best > self.settings.restart_after:
            self._restart_from_best()
        elif (self.iteration - self.last_best) % self.settings.breakout_after == 0:
            self._breakout()

    def _moves(self) -> tuple[Index, Index, Floats]:
        """Candidate (round, person) rows, and the delta of swapping each with every slot."""
        state = self.state
        add, single, conflicted = state.move_terms()
        candidates = conflicted & self.mobile
        if not candidates.any():
            candidates = self.mobile & self.real[None, :]
        round_rows, person_rows = np.nonzero(candidates)
        if len(round_rows) > MAX_CANDIDATES:
            keep = sorted(self.rng.sample(range(len(round_rows)), MAX_CANDIDATES))
            round_rows, person_rows = round_rows[keep], person_rows[keep]
        role = self.layout.role
        slots = np.arange(self.layout.slots)[None, :]
        r = round_rows[:, None]
        table_x = state.tab[round_rows, person_rows][:, None]
        table_y = state.tab[round_rows]
        valid = self.mobile[round_rows] & (table_y != table_x)
        table_y = np.where(valid, table_y, 0)
        x = person_rows[:, None]
        # add is symmetric: the pair x-y is counted once from each side
        deltas = single[r, x, table_y] + single[r, slots, table_x] - 2 * add[person_rows]
        if not self.one_kind:
            replace = state.replacement_deltas()
            deltas += replace[r, table_x, role[x], role[slots]]
            deltas += replace[r, table_y, role[slots], role[x]]
        tabu = (self.tabu[r, x, table_y] > self.iteration) | (
            self.tabu[r, slots, table_x] > self.iteration
        )
        aspiration = state.cost + deltas < self.best_cost - EPSILON
        deltas = np.where(valid & (~tabu | aspiration), deltas, np.inf)
        return round_rows, person_rows, deltas

    def _choose(
        self, round_rows: Index, person_rows: Index, deltas: Floats
    ) -> tuple[int, int, int, float] | None:
        if deltas.size == 0:
            return None
        lowest = float(deltas.min())
        if not np.isfinite(lowest):
            return None
        ties = np.flatnonzero(deltas <= lowest + EPSILON)
        row, y = divmod(int(ties[self.rng.randrange(len(ties))]), self.layout.slots)
        return int(round_rows[row]), int(person_rows[row]), y, lowest

    def _apply(self, round_index: int, x: int, y: int, delta: float) -> None:
        state = self.state
        table_x, table_y = int(state.tab[round_index, x]), int(state.tab[round_index, y])
        state.swap(round_index, x, y)
        state.cost += delta
        low, high = self.settings.tenure
        self.tabu[round_index, x, table_x] = self.iteration + self.rng.randint(low, high)
        self.tabu[round_index, y, table_y] = self.iteration + self.rng.randint(low, high)

    def _new_best(self) -> None:
        self.state.cost = self.state.full_cost()  # no drift from summed float deltas
        if self.state.cost >= self.best_cost - EPSILON:
            return
        self.best_cost = self.state.cost
        self.best_tables = self.state.tab.copy()
        self.best_conflict_free = self._conflict_free()
        self.best_repeats = int(self.state.parts()["repeats"])
        self.last_best = self.iteration

    def _conflict_free(self) -> bool:
        parts = self.state.parts()
        return (
            parts["repeats"] == 0
            and parts["apart"] == 0
            and (parts["themes"] == 0 or not self.state.theme_weight)
        )

    def _restart_from_best(self) -> None:
        self.state = SeatingState(self.layout, self.best_tables)
        self.tabu[:] = 0
        self.last_best = self.iteration

    def _kick(self) -> None:
        """Iterated local search: go back to the best plan and shake it harder than a breakout."""
        self.kicks += 1
        self._restart_from_best()
        rounds, people = np.nonzero(self.mobile & self.real[None, :])
        for _ in range(self.settings.kick_swaps):
            pick = self.rng.randrange(len(rounds))
            self._random_swap(int(rounds[pick]), int(people[pick]))
        self.state.cost = self.state.full_cost()

    def _breakout(self) -> None:
        pool: Bools = self.state.move_terms()[2] & self.mobile
        if not pool.any():
            pool = self.mobile & self.real[None, :]
        rounds, people = np.nonzero(pool)
        for _ in range(self.settings.breakout_swaps):
            if len(rounds) == 0:
                return
            pick = self.rng.randrange(len(rounds))
            self._random_swap(int(rounds[pick]), int(people[pick]))
        self.state.cost = self.state.full_cost()

    def _random_swap(self, round_index: int, x: int) -> None:
        tab = self.state.tab[round_index]
        others = np.flatnonzero(self.mobile[round_index] & (tab != tab[x]))
        if len(others):
            self.state.swap(round_index, x, int(others[self.rng.randrange(len(others))]))

    def _try_block_move(self) -> None:
        """Move a whole keep_together group to another table, swapping with people there."""
        rounds = [r for r, groups in enumerate(self.layout.blocks) if groups]
        round_index = self.rng.choice(rounds)
        groups = self.layout.blocks[round_index]
        members = [int(m) for m in groups[self.rng.randrange(len(groups))]]
        if (self.layout.pinned[round_index, members] >= 0).any():
            return
        tab = self.state.tab[round_index]
        target = self.rng.randrange(self.layout.tables)
        there = [int(s) for s in np.flatnonzero(self.mobile[round_index] & (tab == target))]
        if target == tab[members[0]] or len(there) < len(members):
            return
        partners = self.rng.sample(there, len(members))
        before = self.state.cost
        for member, partner in zip(members, partners, strict=True):
            self.state.swap(round_index, member, partner)
        after = self.state.full_cost()
        if after < before - EPSILON:
            self.state.cost = after
            if after < self.best_cost - EPSILON:
                self._new_best()
            return
        for member, partner in zip(members, partners, strict=True):
            self.state.swap(round_index, member, partner)


def run_search(
    layout: Layout,
    initial: Ints,
    settings: SearchSettings,
    rng: random.Random,
    progress: Callable[[SearchProgress], None] | None = None,
) -> SearchOutcome:
    return TabuSearch(layout, initial, settings, rng, progress).run()
