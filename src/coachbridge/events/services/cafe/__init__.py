"""The World Café of a meeting: set-up, the table plan, hand moves, check-in and re-planning.

The seating engine works on frozen dataclasses; `problem` converts the café's models to them
and back. Every state change writes an activity-log entry.
"""

from coachbridge.events.services.cafe.day import (
    minutes_left,
    route_of,
    set_checked_in,
    short_names,
    start_next_round,
)
from coachbridge.events.services.cafe.plans import (
    PLAN_TIME_LIMIT_S,
    compute_plan,
    current_plan,
    is_outdated,
    latest_plan,
    move_person,
    request_plan,
    request_replan,
    seats_in_use,
)
from coachbridge.events.services.cafe.problem import (
    check_problem,
    figures_problem,
    first_problem,
    replan_problem,
)
from coachbridge.events.services.cafe.quality import plan_quality
from coachbridge.events.services.cafe.refusals import explain_refusal
from coachbridge.events.services.cafe.setup import (
    CafeError,
    add_group,
    create_cafe,
    participants_of,
    remove_group,
    setup_fingerprint,
)

__all__ = [
    "PLAN_TIME_LIMIT_S",
    "CafeError",
    "add_group",
    "check_problem",
    "compute_plan",
    "create_cafe",
    "current_plan",
    "explain_refusal",
    "figures_problem",
    "first_problem",
    "is_outdated",
    "latest_plan",
    "minutes_left",
    "move_person",
    "participants_of",
    "plan_quality",
    "remove_group",
    "replan_problem",
    "request_plan",
    "request_replan",
    "route_of",
    "seats_in_use",
    "set_checked_in",
    "setup_fingerprint",
    "short_names",
    "start_next_round",
]
