"""What `solve` returns and what it reports while it runs."""

from __future__ import annotations

from dataclasses import dataclass

from coachbridge.engine.seating.metrics import PlanMetrics
from coachbridge.engine.seating.model import SeatingPlan


@dataclass(frozen=True)
class SearchProgress:
    elapsed_s: float
    time_limit_s: float
    iterations: int
    best_repeat_pairs: int

    @property
    def fraction(self) -> float:
        """Share of the time limit used, for a progress bar (the search may end earlier)."""
        return min(1.0, self.elapsed_s / self.time_limit_s) if self.time_limit_s > 0 else 1.0


@dataclass(frozen=True)
class SeatingResult:
    plan: SeatingPlan
    metrics: PlanMetrics
    seconds: float
    iterations: int
    # "optimal" (lower bound reached), "stalled" (no repeats, no gain for a while),
    # "time limit" or "iteration limit"
    stopped: str
