"""Computing table plans (first plans and re-plans) and moving people by hand."""

from __future__ import annotations

from django.utils.translation import gettext as _

from coachbridge.accounts.models import User
from coachbridge.common.activity import log_action
from coachbridge.engine import seating as engine
from coachbridge.engine.seating.metrics import required_roles
from coachbridge.events.enums import PlanStatus
from coachbridge.events.models import Cafe, SeatingPlan
from coachbridge.events.services.cafe.problem import (
    check_problem,
    figures_problem,
    first_problem,
    from_engine_plan,
    replan_problem,
    to_engine_plan,
)
from coachbridge.events.services.cafe.setup import (
    CafeError,
    participants_of,
    setup_fingerprint,
)

PLAN_TIME_LIMIT_S = 20.0

# --- Computing plans -----------------------------------------------------------------------


def latest_plan(cafe: Cafe) -> SeatingPlan | None:
    return cafe.plans.order_by("-created", "-pk").first()


def current_plan(cafe: Cafe) -> SeatingPlan | None:
    """The newest plan that is ready: the one people follow."""
    return cafe.plans.filter(status=PlanStatus.READY).order_by("-created", "-pk").first()


def seats_in_use(cafe: Cafe) -> bool:
    """A round has begun with a plan people follow: a fresh plan would seat them anew."""
    return cafe.current_round >= 1 and current_plan(cafe) is not None


def request_plan(cafe: Cafe, *, by: User) -> SeatingPlan:
    """Check the set-up, then compute a new plan for everyone in the background."""
    if seats_in_use(cafe):
        raise CafeError(
            _(
                "The World Café has begun, so a new plan would move people in the round that "
                "is running. To seat latecomers and no-shows, re-plan the rounds to come on the "
                "page of the day."
            )
        )
    check_problem(cafe, first_problem(cafe))
    plan = SeatingPlan.objects.create(cafe=cafe, seed=cafe.plans.count() + 1)
    log_action("cafe.plan_requested", actor=by, obj=plan)
    _enqueue(plan, previous=None)
    return plan


def request_replan(cafe: Cafe, *, by: User) -> SeatingPlan:
    """Re-plan the rounds still to come from the check-in list; rounds begun are kept."""
    previous = current_plan(cafe)
    if previous is None:
        raise CafeError(_("There is no plan yet. Compute a plan first."))
    from_round = cafe.current_round + 1
    if from_round > cafe.rounds.count():
        raise CafeError(_("All rounds have begun. There is nothing left to re-plan."))
    if not participants_of(cafe).filter(checked_in_at__isnull=False).exists():
        raise CafeError(_("Nobody is checked in yet. Re-planning seats only people who are here."))
    if previous.metrics.get("setup") != setup_fingerprint(cafe):
        raise CafeError(
            _("The tables or rounds changed after the plan was made. Compute a new plan.")
        )
    check_problem(cafe, replan_problem(cafe, previous, from_round))
    plan = SeatingPlan.objects.create(
        cafe=cafe, seed=previous.seed, fixed_until_round=from_round - 1
    )
    log_action("cafe.replan_requested", actor=by, obj=plan, from_round=from_round)
    _enqueue(plan, previous=previous)
    return plan


def _enqueue(plan: SeatingPlan, *, previous: SeatingPlan | None) -> None:
    from coachbridge.events.tasks.cafe import (  # noqa: PLC0415 -- the task module imports this one
        compute_seating_plan,
    )

    compute_seating_plan.enqueue(plan.pk, previous.pk if previous else None)


def compute_plan(plan: SeatingPlan, *, previous: SeatingPlan | None = None) -> SeatingPlan:
    """Run the seating engine for `plan` (a re-plan when `previous` is given) and store it."""
    cafe = plan.cafe
    from_round = plan.fixed_until_round + 1
    try:
        if previous is None:
            problem = first_problem(cafe)
        else:
            problem = replan_problem(cafe, previous, from_round)
        check_problem(cafe, problem)

        def report(progress: engine.SearchProgress) -> None:
            percent = min(99, int(progress.fraction * 100))
            if percent >= plan.progress + 5:
                plan.progress = percent
                plan.save(update_fields=["progress"])

        result = engine.solve(
            problem, time_limit_s=PLAN_TIME_LIMIT_S, seed=plan.seed, progress=report
        )
    except CafeError as error:
        plan.status, plan.error = PlanStatus.FAILED, str(error)
        plan.save(update_fields=["status", "error"])
        log_action("cafe.plan_failed", obj=plan)
        return plan
    seats = from_engine_plan(result.plan)
    if previous is not None:
        seats.update({str(n): previous.seats[str(n)] for n in range(1, from_round)})
    plan.seats = seats
    plan.metrics = {
        **result.metrics.as_dict(),
        "required_roles": _required_roles(problem),
        "setup": setup_fingerprint(cafe),
        "seconds": round(result.seconds, 2),
    }
    plan.status, plan.progress = PlanStatus.READY, 100
    plan.save(update_fields=["seats", "metrics", "status", "progress"])
    log_action("cafe.plan_computed", obj=plan, moved=result.metrics.moved)
    return plan


def _required_roles(problem: engine.SeatingProblem) -> list[str]:
    roles: set[str] = set()
    for number in range(1, problem.rounds + 1):
        roles |= required_roles(problem, number)
    return sorted(roles)


def is_outdated(plan: SeatingPlan) -> bool:
    return plan.metrics.get("setup") != setup_fingerprint(plan.cafe)


# --- Moving people by hand -------------------------------------------------------------------


def move_person(
    plan: SeatingPlan, *, round_number: int, person: int, target: str, by: User
) -> SeatingPlan:
    """Move `person` to table `target` ("table:T2"), or swap with a person ("person:12").

    Rounds that have begun are never changed; hosts stay at their table.
    """
    cafe = plan.cafe
    if round_number <= max(cafe.current_round, plan.fixed_until_round):
        raise CafeError(_("This round has begun. Its seats cannot change any more."))
    if is_outdated(plan):
        raise CafeError(
            _("The tables or rounds changed after the plan was made. Compute a new plan.")
        )
    tables = plan.seats.get(str(round_number))
    if tables is None:
        raise CafeError(_("This round is not in the plan."))
    hosts = set(cafe.tables.exclude(host=None).values_list("host_id", flat=True))
    kind, _sep, value = target.partition(":")
    here = next((t for t, people in tables.items() if person in people), None)
    if here is None:
        raise CafeError(_("This person has no seat in this round."))
    if kind == "person":
        other = int(value)
        there = next((t for t, people in tables.items() if other in people), None)
        if there is None:
            raise CafeError(_("This person has no seat in this round."))
        if {person, other} & hosts and here != there:
            raise CafeError(_("A host stays at their own table."))
        tables[here][tables[here].index(person)] = other
        tables[there][tables[there].index(other)] = person
    else:
        capacity = dict(cafe.tables.values_list("label", "capacity"))
        if value not in capacity:
            raise CafeError(_("This table does not exist."))
        if person in hosts:
            raise CafeError(_("A host stays at their own table."))
        if value != here and len(tables.get(value, [])) >= capacity[value]:
            raise CafeError(
                _("Table %(table)s is full. Swap with someone at that table instead.")
                % {"table": value}
            )
        tables[here].remove(person)
        tables.setdefault(value, []).append(person)
    metrics = engine.compute_metrics(figures_problem(cafe, plan), to_engine_plan(plan.seats))
    plan.metrics = {
        **plan.metrics,
        **{k: v for k, v in metrics.as_dict().items() if k not in ("moved", "moved_seats")},
    }
    plan.save(update_fields=["seats", "metrics"])
    log_action("cafe.plan_moved", actor=by, obj=plan, round=round_number, target=kind)
    return plan
