"""A lower bound of the cost, so the search stops as soon as it cannot do better.

No repeats, no breaches and no moved seats cost nothing; the table part is bounded per round by
the most even table sizes and, at each size, the best rounding of the ideal role counts. Rounds
where nobody can move keep their actual cost. The bound ignores how many people of each role
exist, so it may be out of reach; the search then ends by its other rules.
"""

from __future__ import annotations

import math

import numpy as np

from coachbridge.engine.seating.layout import Floats, Ints, Layout
from coachbridge.engine.seating.state import W_MIX, W_SIZE, SeatingState


def lower_bound(layout: Layout, state: SeatingState) -> float:
    mobile = layout.mobile()
    movable_groups = [
        any((layout.pinned[r, members] < 0).all() for members in groups)
        for r, groups in enumerate(layout.blocks)
    ]
    actual = state.table_cost(state.counts).sum(axis=1)
    bound = 0.0
    people = len(layout.people)
    for round_index in range(layout.rounds):
        if not mobile[round_index, :people].any() and not movable_groups[round_index]:
            bound += float(actual[round_index])
            continue
        present = int(layout.present[round_index, :people].sum())
        for size in even_sizes(layout.capacity, present):
            bound += W_SIZE * size**2 + W_MIX * best_deviation(size, layout.shares[round_index])
    return bound


def even_sizes(capacity: Ints, people: int) -> list[int]:
    """Table sizes as equal as capacities allow (water filling), smallest tables first."""
    sizes = []
    left = people
    caps = sorted(int(c) for c in capacity)
    for index, cap in enumerate(caps):
        share = math.ceil(left / (len(caps) - index))
        size = min(cap, share)
        sizes.append(size)
        left -= size
    return sizes


def best_deviation(size: int, shares: Floats) -> float:
    """Fewest seats off the ideal role mix for a table of `size` (best rounding of size*share)."""
    targets = size * shares
    floors = np.floor(targets + 1e-9)
    fractions = targets - floors
    round_up = round(float(size - floors.sum()))
    order = np.argsort(-fractions, kind="stable")
    up, down = order[:round_up], order[round_up:]
    return float(((1 - fractions[up]).sum() + fractions[down].sum()) / 2)
