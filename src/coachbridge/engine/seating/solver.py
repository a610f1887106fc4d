"""From a validated problem to a plan: compile, greedy start, tabu search, back to ids."""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from coachbridge.engine.seating.construct import first_plan
from coachbridge.engine.seating.layout import Ints, Layout, compile_problem
from coachbridge.engine.seating.model import RoundSeating, SeatingPlan, SeatingProblem, TableSeating
from coachbridge.engine.seating.result import SearchProgress
from coachbridge.engine.seating.search import SearchSettings, run_search


def plan_seating(
    problem: SeatingProblem,
    *,
    time_limit_s: float,
    rng: random.Random,
    progress: Callable[[SearchProgress], None] | None,
    max_iterations: int | None,
) -> tuple[SeatingPlan, int, str]:
    started = time.perf_counter()
    layout = compile_problem(problem)
    initial = first_plan(layout, rng)
    remaining = max(0.0, time_limit_s - (time.perf_counter() - started))
    settings = SearchSettings(time_limit_s=remaining, max_iterations=max_iterations)
    outcome = run_search(layout, initial, settings, rng, progress)
    return to_plan(layout, outcome.tables), outcome.iterations, outcome.stopped


def to_plan(layout: Layout, tables: Ints) -> SeatingPlan:
    """Slot tables back to participant ids; hosts first at their table, then input order."""
    hosts = layout.problem.hosts()
    rounds = []
    for round_index in range(layout.rounds):
        seated: dict[int, list[str]] = {t: [] for t in range(layout.tables)}
        for slot, pid in enumerate(layout.people):
            table = int(tables[round_index, slot])
            if table >= 0:
                seated[table].append(pid)
        rounds.append(
            RoundSeating(
                round_index + 1,
                tuple(
                    TableSeating(
                        layout.table_ids[t],
                        tuple(sorted(people, key=lambda pid: pid not in hosts)),
                    )
                    for t, people in seated.items()
                ),
            )
        )
    return SeatingPlan(tuple(rounds))
