"""World Café seating: who sits at which table in every round.

Pure Python, no Django. Build a `SeatingProblem` from frozen dataclasses, call `solve` for a plan
and its figures, or `compute_metrics` for the figures of any plan (also one edited by hand).
The method and the exact definitions are in docs/algorithms/seating.md.

numpy is loaded only inside `solve`, so importing this package stays cheap (STYLE B9.49).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from coachbridge.engine.seating.metrics import PlanMetrics, compute_metrics, plan_issues
from coachbridge.engine.seating.model import (
    Constraints,
    FixedSeat,
    Participant,
    RoundSeating,
    SeatingInputError,
    SeatingPlan,
    SeatingProblem,
    Table,
    TableSeating,
)
from coachbridge.engine.seating.result import SearchProgress, SeatingResult
from coachbridge.engine.seating.validate import validate_problem

__all__ = [
    "Constraints",
    "FixedSeat",
    "Participant",
    "PlanMetrics",
    "RoundSeating",
    "SearchProgress",
    "SeatingInputError",
    "SeatingPlan",
    "SeatingProblem",
    "SeatingResult",
    "Table",
    "TableSeating",
    "compute_metrics",
    "plan_issues",
    "solve",
    "validate_problem",
]


def solve(
    problem: SeatingProblem,
    *,
    time_limit_s: float,
    seed: int,
    progress: Callable[[SearchProgress], None] | None = None,
    max_iterations: int | None = None,
) -> SeatingResult:
    """The best plan found within `time_limit_s`; raises SeatingInputError for impossible input.

    The same seed gives the same plan whenever the search ends by its own stop rules or by
    `max_iterations` rather than by the clock.
    """
    from coachbridge.engine.seating.solver import (  # noqa: PLC0415 -- numpy only when solving
        plan_seating,
    )

    started = time.perf_counter()
    validate_problem(problem)
    plan, iterations, stopped = plan_seating(
        problem,
        time_limit_s=time_limit_s,
        rng=random.Random(seed),
        progress=progress,
        max_iterations=max_iterations,
    )
    metrics = compute_metrics(problem, plan)
    return SeatingResult(plan, metrics, time.perf_counter() - started, iterations, stopped)
