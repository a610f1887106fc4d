"""A complete seating (every slot at a table in every round) with its cost and swap deltas.

The cost is one weighted sum whose weights make it lexicographic in practice: hard rules, then
someone alone at a table, then repeated meetings, then role mixing, then even table sizes, then
seats moved against a previous plan. Deltas of all swaps in a round are computed at once with
numpy from three ingredients: U[r, x, t] (what changes for x alone when x moves to table t),
the pair matrix `add` (the cost of one more meeting of a pair), and R[r, t, a, b] (the change of
table t's mixing and size cost when a person of role a is replaced by one of role b).
"""

from __future__ import annotations

import numpy as np

from coachbridge.engine.seating.layout import NO_TABLE, Bools, Floats, Ints, Layout

W_HARD = 100_000.0  # per keep-apart pair seated together, per theme revisit (when forbidden)
W_REPEAT = 1_000.0  # per repeated meeting
W_MISSING_ROLE = 30.0  # per required role missing at a table-round
W_MIX = 10.0  # per seat of mixing deviation
W_SIZE = 1.0  # per unit of sum of squared table sizes
W_ALONE = 2_000.0  # per table-round with one person: nobody to talk with, worse than a repeat
W_MOVED = 6.0  # per seat that differs from the previous plan (below a missing role)


class SeatingState:
    def __init__(self, layout: Layout, tables: Ints) -> None:
        self.layout = layout
        rounds, slots, table_count = layout.rounds, layout.slots, layout.tables
        self.tab = tables.copy()  # (rounds, slots) table of each slot, NO_TABLE if absent
        self.onehot = np.zeros((rounds, slots, table_count))
        seated = self.tab != NO_TABLE
        r_index, s_index = np.nonzero(seated)
        self.onehot[r_index, s_index, self.tab[seated]] = 1.0
        self.meet = np.einsum("rxt,ryt->xy", self.onehot, self.onehot)
        np.fill_diagonal(self.meet, 0.0)
        self.counts = np.zeros((rounds, table_count, len(layout.roles) + 1))
        np.add.at(self.counts, (r_index, self.tab[seated], layout.role[s_index]), 1.0)
        theme_count = int(layout.theme.max()) + 1 if layout.theme.size else 0
        self.visits = np.zeros((slots, max(theme_count, 1)))
        themed = seated & (layout.theme[np.where(seated, self.tab, 0)] >= 0)
        r_index, s_index = np.nonzero(themed)
        np.add.at(self.visits, (s_index, layout.theme[self.tab[themed]]), 1.0)
        self.theme_weight = W_HARD if layout.problem.constraints.visit_each_theme_once else 0.0
        self.cost = self.full_cost()

    # ---- full cost -------------------------------------------------------------------------

    def parts(self) -> dict[str, float]:
        layout = self.layout
        moved = (layout.previous != NO_TABLE) & (self.tab != layout.previous) & layout.present
        return {
            "apart": float((layout.apart * self.meet).sum() / 2),
            "themes": float((layout.theme_counted[:, None] * np.maximum(self.visits - 1, 0)).sum()),
            "repeats": float((layout.pair_weight * np.maximum(self.meet - 1, 0)).sum() / 2),
            "tables": float(self.table_cost(self.counts).sum()),
            "moved": float(moved.sum()),
        }

    def full_cost(self) -> float:
        parts = self.parts()
        return (
            W_HARD * parts["apart"]
            + self.theme_weight * parts["themes"]
            + W_REPEAT * parts["repeats"]
            + parts["tables"]
            + W_MOVED * parts["moved"]
        )

    def table_cost(self, counts: Floats, *, alone: bool = True) -> Floats:
        """Mixing and size cost of tables given role counts (..., rounds, tables, roles + 1).

        `alone=False` leaves out the cost of a lone person: a plan built one seat at a time
        passes through tables of one, and that cost would make it fill tables instead of
        spreading people (the search removes lone people afterwards)."""
        layout = self.layout
        roles = len(layout.roles)
        people = counts[..., :roles]
        size = people.sum(axis=-1)
        # shares/required are (rounds, roles); counts has (rounds, tables) after any leading axes
        # moved to the back by the caller, see `replacement_deltas`.
        deviation = np.abs(people - size[..., None] * layout.shares[:, None, :]).sum(axis=-1) / 2
        missing = ((people == 0) & layout.required[:, None, :]).sum(axis=-1) * (size > 0)
        result: Floats = (
            W_MIX * deviation
            + W_MISSING_ROLE * missing
            + W_SIZE * size**2
            + (W_ALONE * (size == 1) if alone else 0.0)
        )
        return result

    # ---- deltas ----------------------------------------------------------------------------

    def pair_matrices(self) -> tuple[Floats, Floats]:
        """(add, remove): cost of one more / one less meeting of each pair."""
        layout = self.layout
        add = W_REPEAT * layout.pair_weight * (self.meet >= 1) + W_HARD * layout.apart
        remove = W_REPEAT * layout.pair_weight * (self.meet >= 2) + W_HARD * layout.apart
        return add, remove

    def move_terms(self) -> tuple[Floats, Floats, Bools]:
        """(add, U, conflicted): the pair matrix, single-move deltas and people in conflict."""
        add, remove = self.pair_matrices()
        seated_at = np.where(self.tab == NO_TABLE, 0, self.tab)  # absent slots are masked later
        leave = np.take_along_axis(
            np.matmul(remove[None, :, :], self.onehot), seated_at[:, :, None], axis=2
        )
        return add, self._single_moves(add, leave, seated_at), self._conflicted(leave, seated_at)

    def _single_moves(self, add: Floats, leave: Floats, seated_at: Ints) -> Floats:
        """U[r, x, t]: cost change for x's own terms when x moves from its table to t."""
        layout = self.layout
        moves: Floats = np.matmul(add[None, :, :], self.onehot) - leave
        if self.theme_weight:
            moves += self.theme_weight * self._theme_moves(seated_at)
        if (layout.previous != NO_TABLE).any():
            differs = (layout.previous[:, :, None] != np.arange(layout.tables)) & (
                layout.previous[:, :, None] != NO_TABLE
            )
            stay = np.take_along_axis(differs, seated_at[:, :, None], axis=2)
            moves += W_MOVED * (differs.astype(float) - stay)
        return moves

    def _theme_moves(self, seated_at: Ints) -> Floats:
        layout = self.layout
        theme = layout.theme
        has_theme = theme >= 0
        visits_at = self.visits[:, np.where(has_theme, theme, 0)] * has_theme  # (slots, tables)
        join = (visits_at >= 1) * layout.theme_counted[:, None]
        leave = (visits_at >= 2) * layout.theme_counted[:, None]
        current = theme[seated_at]  # (rounds, slots)
        changes = current[:, :, None] != theme[None, None, :]
        own_leave = np.take_along_axis(
            np.broadcast_to(leave, seated_at.shape + leave.shape[1:]), seated_at[:, :, None], axis=2
        )
        result: Floats = changes * (join[None, :, :] - own_leave)
        return result

    def replacement_deltas(self) -> Floats:
        """R[r, t, a, b]: table cost change at (r, t) when role a leaves and role b arrives."""
        kinds = self.counts.shape[2]
        step = np.eye(kinds)
        change = step[None, :, :] - step[:, None, :]  # change[a, b] = e_b - e_a
        changed = self.counts[:, :, None, None, :] + change[None, None, :, :, :]
        # table_cost expects (..., rounds, tables, kinds): move the (a, b) axes to the front.
        after = self.table_cost(np.moveaxis(changed, (2, 3), (0, 1)))
        deltas: Floats = (
            np.moveaxis(after, (0, 1), (2, 3)) - self.table_cost(self.counts)[:, :, None, None]
        )
        return deltas

    def _conflicted(self, leave: Floats, seated_at: Ints) -> Bools:
        """(rounds, slots): people in a repeated meeting, keep-apart breach or theme revisit."""
        result: Bools = leave[:, :, 0] > 0
        if self.theme_weight:
            theme = self.layout.theme[seated_at]
            revisits = self.visits[np.arange(self.layout.slots)[None, :], np.maximum(theme, 0)]
            result |= (theme >= 0) & (revisits >= 2) & (self.layout.theme_counted[None, :] > 0)
        result &= self.tab != NO_TABLE
        return result

    # ---- changes ---------------------------------------------------------------------------

    def swap(self, round_index: int, x: int, y: int) -> None:
        """Exchange the tables of slots x and y in one round (cost is not updated here)."""
        table_x, table_y = int(self.tab[round_index, x]), int(self.tab[round_index, y])
        self._leave(round_index, x, table_x)
        self._leave(round_index, y, table_y)
        self._join(round_index, x, table_y)
        self._join(round_index, y, table_x)

    def _leave(self, round_index: int, slot: int, table: int) -> None:
        self.onehot[round_index, slot, table] = 0.0
        mates = self.onehot[round_index, :, table]
        self.meet[slot] -= mates
        self.meet[:, slot] -= mates
        self.counts[round_index, table, self.layout.role[slot]] -= 1
        self._visit(slot, table, -1.0)
        self.tab[round_index, slot] = NO_TABLE

    def _join(self, round_index: int, slot: int, table: int) -> None:
        mates = self.onehot[round_index, :, table]
        self.meet[slot] += mates
        self.meet[:, slot] += mates
        self.onehot[round_index, slot, table] = 1.0
        self.counts[round_index, table, self.layout.role[slot]] += 1
        self._visit(slot, table, 1.0)
        self.tab[round_index, slot] = table

    def _visit(self, slot: int, table: int, step: float) -> None:
        theme = self.layout.theme[table]
        if theme >= 0:
            self.visits[slot, theme] += step
