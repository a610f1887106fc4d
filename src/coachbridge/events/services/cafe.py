"""The World Café of a meeting: set-up, the table plan, hand moves, check-in and re-planning.

The seating engine works on frozen dataclasses; this module converts the café's models to them
and back. In `SeatingPlan.seats` a table is its label and a person a registration id; in the
engine a person is `str(registration id)`, a table its label and a theme `str(theme id)`.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coachbridge.accounts.models import User
from coachbridge.common.activity import log_action
from coachbridge.engine import seating as engine
from coachbridge.engine.seating.metrics import required_roles
from coachbridge.events.enums import PlanStatus, RegistrationStatus
from coachbridge.events.models import Cafe, CafeRound, Meeting, Registration, SeatingPlan

logger = logging.getLogger(__name__)

PLAN_TIME_LIMIT_S = 20.0
DEFAULT_ROUNDS = 3
DEFAULT_ROUND_MINUTES = 20

Seats = dict[str, dict[str, list[int]]]  # round number -> table label -> registration ids


class CafeError(Exception):
    """A World Café action that cannot be done; the message says why, in plain words."""


# --- Set-up --------------------------------------------------------------------------------


def create_cafe(meeting: Meeting, *, by: User) -> Cafe:
    """A World Café for the meeting, with three rounds of 20 minutes to start from."""
    with transaction.atomic():
        cafe, created = Cafe.objects.get_or_create(meeting=meeting)
        if created:
            CafeRound.objects.bulk_create(
                CafeRound(cafe=cafe, number=number, minutes=DEFAULT_ROUND_MINUTES)
                for number in range(1, DEFAULT_ROUNDS + 1)
            )
            log_action("cafe.created", actor=by, obj=cafe)
    return cafe


def participants_of(cafe: Cafe):
    """The registrations that take part: everyone still registered for the meeting."""
    return cafe.meeting.registrations.filter(status=RegistrationStatus.REGISTERED)


def add_group(cafe: Cafe, *, kind: str, members: Iterable[int], by: User) -> None:
    """Keep a group of registrations apart (kind "apart") or together (kind "together")."""
    field = "keep_apart" if kind == "apart" else "keep_together"
    group = sorted({int(pk) for pk in members})
    if len(group) < 2:
        raise CafeError(_("Choose at least two people."))
    setattr(cafe, field, [*getattr(cafe, field), group])
    cafe.save(update_fields=[field])
    log_action("cafe.group_added", actor=by, obj=cafe, kind=kind, size=len(group))


def remove_group(cafe: Cafe, *, kind: str, index: int, by: User) -> None:
    if kind not in ("apart", "together"):
        return
    field = "keep_apart" if kind == "apart" else "keep_together"
    groups = list(getattr(cafe, field))
    if 0 <= index < len(groups):
        del groups[index]
        setattr(cafe, field, groups)
        cafe.save(update_fields=[field])
        log_action("cafe.group_removed", actor=by, obj=cafe, kind=kind)


def setup_fingerprint(cafe: Cafe) -> str:
    """Changes when tables, hosts, themes or rounds change: a plan made before is outdated."""
    tables = cafe.tables.order_by("label").values_list("label", "capacity", "theme_id", "host_id")
    return f"{cafe.rounds.count()}|{list(tables)}"


# --- From models to the engine ---------------------------------------------------------------


def _constraint_groups(groups: list[list[int]], known: set[str]) -> tuple[tuple[str, ...], ...]:
    """Groups as engine ids, leaving out people who no longer take part."""
    kept = (tuple(str(pk) for pk in group if str(pk) in known) for group in groups)
    return tuple(group for group in kept if len(group) >= 2)


def _problem(
    cafe: Cafe,
    participants: list[engine.Participant],
    *,
    fixed: tuple[engine.FixedSeat, ...] = (),
    previous: engine.SeatingPlan | None = None,
    drop_absent_hosts: bool = True,
) -> engine.SeatingProblem:
    """Hosts who no longer take part leave their table without host, unless
    `drop_absent_hosts` is False: then the plan is refused and the message names the table."""
    known = {p.id for p in participants}
    tables = tuple(
        engine.Table(
            table.label,
            table.capacity,
            theme=str(table.theme_id) if table.theme_id else None,
            host=str(table.host_id)
            if table.host_id and (str(table.host_id) in known or not drop_absent_hosts)
            else None,
        )
        for table in cafe.tables.all()
    )
    constraints = engine.Constraints(
        visit_each_theme_once=cafe.visit_each_theme_once,
        keep_apart=_constraint_groups(cafe.keep_apart, known),
        keep_together=_constraint_groups(cafe.keep_together, known),
    )
    return engine.SeatingProblem(
        rounds=cafe.rounds.count(),
        tables=tables,
        participants=tuple(participants),
        constraints=constraints,
        fixed=fixed,
        previous=previous,
    )


def _participant(cafe: Cafe, registration: Registration, **window: Any) -> engine.Participant:
    return engine.Participant(
        str(registration.pk), group=registration.role if cafe.mix_roles else None, **window
    )


def first_problem(cafe: Cafe) -> engine.SeatingProblem:
    """Everyone registered, every round."""
    people = [_participant(cafe, r) for r in participants_of(cafe)]
    return _problem(cafe, people, drop_absent_hosts=False)


def to_engine_plan(seats: Seats) -> engine.SeatingPlan:
    return engine.SeatingPlan.from_tables(
        [
            {table: [str(pk) for pk in people] for table, people in seats[number].items()}
            for number in sorted(seats, key=int)
        ]
    )


def from_engine_plan(plan: engine.SeatingPlan) -> Seats:
    return {
        str(round_seating.round): {
            table.table: [int(pk) for pk in table.participants] for table in round_seating.tables
        }
        for round_seating in plan.rounds
    }


def _runs(rounds: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of round numbers: [1, 2, 4] -> [(1, 2), (4, 4)]."""
    runs: list[tuple[int, int]] = []
    for number in sorted(rounds):
        if runs and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


def replan_problem(cafe: Cafe, previous: SeatingPlan, from_round: int) -> engine.SeatingProblem:
    """Rounds before `from_round` stay as they were; the rounds to come seat who is checked in.

    Someone not checked in leaves after their last seat in the rounds done (a no-show); someone
    checked in without a seat in the last round done joins from `from_round` (a latecomer).
    """
    old = previous.seats
    seated: dict[int, list[int]] = {}
    for number in range(1, from_round):
        for people in old.get(str(number), {}).values():
            for pk in people:
                seated.setdefault(pk, []).append(number)
    present = set(
        participants_of(cafe).filter(checked_in_at__isnull=False).values_list("pk", flat=True)
    )
    registrations = Registration.objects.in_bulk(set(seated) | present)
    participants, fixed = [], []
    for pk, registration in sorted(registrations.items()):
        runs = _runs(seated.get(pk, []))
        if pk in present:
            start = runs[-1][0] if runs and runs[-1][1] == from_round - 1 else from_round
            participants.append(_participant(cafe, registration, present_from_round=start))
            window = range(start, from_round)
        else:
            start, end = runs[-1]
            participants.append(
                _participant(cafe, registration, present_from_round=start, present_until_round=end)
            )
            window = range(start, end + 1)
        fixed += [engine.FixedSeat(str(pk), n, _table_of(old, n, pk)) for n in window]
    return _problem(cafe, participants, fixed=tuple(fixed), previous=to_engine_plan(old))


def _table_of(seats: Seats, number: int, pk: int) -> str:
    return next(table for table, people in seats[str(number)].items() if pk in people)


def figures_problem(cafe: Cafe, plan: SeatingPlan) -> engine.SeatingProblem:
    """The problem a plan answers, read from the plan itself: a person is present from their
    first to their last seat, and the seats of the rounds kept in a re-plan are fixed."""
    rounds: dict[int, list[int]] = {}
    for number, tables in plan.seats.items():
        for people in tables.values():
            for pk in people:
                rounds.setdefault(pk, []).append(int(number))
    registrations = Registration.objects.in_bulk(rounds)
    participants = [
        _participant(
            cafe,
            registrations[pk],
            present_from_round=min(numbers),
            present_until_round=max(numbers),
        )
        for pk, numbers in sorted(rounds.items())
        if pk in registrations
    ]
    fixed = tuple(
        engine.FixedSeat(str(pk), int(number), table)
        for number, tables in plan.seats.items()
        if int(number) <= plan.fixed_until_round
        for table, people in tables.items()
        for pk in people
    )
    return _problem(cafe, participants, fixed=fixed)


# --- Refusing impossible input, in plain words ----------------------------------------------


def check_problem(cafe: Cafe, problem: engine.SeatingProblem) -> None:
    """Raise CafeError with a message that names the conflict, before any computing."""
    if not problem.participants:
        raise CafeError(_("Nobody takes part yet. A plan needs people."))
    if not problem.tables:
        raise CafeError(_("Add at least one table."))
    if problem.rounds < 1:
        raise CafeError(_("Add at least one round."))
    try:
        engine.validate_problem(problem)
    except engine.SeatingInputError as error:
        raise CafeError(explain_refusal(cafe, str(error))) from error


def explain_refusal(cafe: Cafe, message: str) -> str:
    """Turn the engine's message (ids, field names) into a sentence an organiser understands."""
    words = _Words(cafe)
    for pattern, explain in _REFUSALS:
        match = re.search(pattern, message)
        if match:
            return explain(match, words)
    logger.warning("Seating refusal without a plain explanation: %s", message)
    return _("The plan cannot be made: %(reason)s") % {"reason": message}


class _Words:
    """Names for the ids in an engine message."""

    def __init__(self, cafe: Cafe) -> None:
        self.names = dict(cafe.meeting.registrations.values_list("pk", "name"))
        self.themes = dict(cafe.themes.values_list("pk", "title"))
        self.tables = list(cafe.tables.values_list("label", flat=True))

    def person(self, pk: str) -> str:
        return self.names.get(int(pk), pk) if pk.isdigit() else pk

    def people(self, text: str) -> str:
        return ", ".join(self.person(pk.strip()) for pk in text.split(","))

    def theme(self, pk: str) -> str:
        return self.themes.get(int(pk), pk) if pk.isdigit() else pk

    def table(self, index: str) -> str:
        return self.tables[int(index)] if int(index) < len(self.tables) else index


_REFUSALS: list[tuple[str, Callable[[re.Match[str], _Words], str]]] = [
    (
        r"(?P<count>\d+) people are present in round \d+ but the tables seat only (?P<seats>\d+)",
        lambda m, w: (
            _(
                "There are more people than seats: %(count)s people and %(seats)s seats. "
                "Add a table or more seats."
            )
            % {"count": m["count"], "seats": m["seats"]}
        ),
    ),
    (
        r"tables\[(?P<index>\d+)\]\.host: (?P<pk>\d+) already hosts (?P<table>\S+)",
        lambda m, w: (
            _(
                "%(name)s is the host of two tables: %(first)s and %(second)s. "
                "A host stays at one table."
            )
            % {"name": w.person(m["pk"]), "first": m["table"], "second": w.table(m["index"])}
        ),
    ),
    (
        r"tables\[(?P<index>\d+)\]\.host: unknown participant",
        lambda m, w: (
            _("The host of table %(table)s no longer takes part. Choose another host.")
            % {"table": w.table(m["index"])}
        ),
    ),
    (
        r"tables\[(?P<index>\d+)\]\.capacity: must be at least 1",
        lambda m, w: _("Table %(table)s needs at least one seat.") % {"table": w.table(m["index"])},
    ),
    (
        r"keep_apart\[\d+\]: (?P<count>\d+) people must sit apart in round \d+ but there are "
        r"only (?P<tables>\d+) tables",
        lambda m, w: (
            _("%(count)s people must sit apart, but there are only %(tables)s tables.")
            % {"count": m["count"], "tables": m["tables"]}
        ),
    ),
    (
        r"keep_together \((?P<group>[^)]*)\): (?P<a>\d+) and (?P<b>\d+) must also be kept apart",
        lambda m, w: (
            _("%(a)s and %(b)s must sit together and also apart. Remove one of these two rules.")
            % {"a": w.person(m["a"]), "b": w.person(m["b"])}
        ),
    ),
    (
        r"keep_together \((?P<group>[^)]*)\): \d+ people cannot sit together at a "
        r"table of at most (?P<largest>\d+)",
        lambda m, w: (
            _("%(names)s must sit together, but the largest table seats only %(largest)s.")
            % {"names": w.people(m["group"]), "largest": m["largest"]}
        ),
    ),
    (
        r"keep_together \((?P<group>[^)]*)\): members are fixed at different tables in round "
        r"(?P<round>\d+)",
        lambda m, w: (
            _("%(names)s must sit together, but in round %(round)s they sat apart.")
            % {"names": w.people(m["group"]), "round": m["round"]}
        ),
    ),
    (
        r"keep_together \((?P<group>[^)]*)\): the group joins (?P<table>\S+) in round "
        r"(?P<round>\d+), which then needs (?P<needed>\d+) seats of (?P<seats>\d+)",
        lambda m, w: (
            _(
                "%(names)s must sit together at table %(table)s in round %(round)s, "
                "but that table has only %(seats)s seats."
            )
            % {
                "names": w.people(m["group"]),
                "table": m["table"],
                "round": m["round"],
                "seats": m["seats"],
            }
        ),
    ),
    (
        r"keep_apart\[\d+\]: members are fixed together at (?P<table>\S+) in round (?P<round>\d+)",
        lambda m, w: (
            _(
                "People who must sit apart already sat together at table %(table)s in round "
                "%(round)s."
            )
            % {"table": m["table"], "round": m["round"]}
        ),
    ),
    (
        r"present in (?P<rounds>\d+) rounds but there are only (?P<themes>\d+) themes",
        lambda m, w: (
            _(
                "Everyone visits each theme at most once, but there are %(rounds)s rounds and only "
                "%(themes)s themes. Add a theme, remove a round, or switch this rule off."
            )
            % {"rounds": m["rounds"], "themes": m["themes"]}
        ),
    ),
    (
        r"theme '(?P<theme>\d+)' has (?P<seats>\d+) visitor seats over all rounds, but "
        r"(?P<count>\d+) people must visit every theme",
        lambda m, w: (
            _(
                "The theme “%(theme)s” has %(seats)s seats for visitors over all rounds, but "
                "%(count)s people must visit it. Add a table or seats for this theme."
            )
            % {"theme": w.theme(m["theme"]), "seats": m["seats"], "count": m["count"]}
        ),
    ),
    (
        r"fixed seats send (?P<pk>\d+) to theme '(?P<theme>\d+)'",
        lambda m, w: (
            _("%(name)s already visited the theme “%(theme)s” twice in the rounds that are done.")
            % {"name": w.person(m["pk"]), "theme": w.theme(m["theme"])}
        ),
    ),
    (
        r"(?P<count>\d+) people are fixed at (?P<table>\S+) in round (?P<round>\d+), which seats "
        r"(?P<seats>\d+)",
        lambda m, w: (
            _(
                "Table %(table)s seats %(seats)s, but %(count)s people already sat there in round "
                "%(round)s."
            )
            % {"table": m["table"], "seats": m["seats"], "count": m["count"], "round": m["round"]}
        ),
    ),
]


# --- Computing plans -----------------------------------------------------------------------


def latest_plan(cafe: Cafe) -> SeatingPlan | None:
    return cafe.plans.order_by("-created", "-pk").first()


def current_plan(cafe: Cafe) -> SeatingPlan | None:
    """The newest plan that is ready: the one people follow."""
    return cafe.plans.filter(status=PlanStatus.READY).order_by("-created", "-pk").first()


def request_plan(cafe: Cafe, *, by: User) -> SeatingPlan:
    """Check the set-up, then compute a new plan for everyone in the background."""
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


def plan_quality(plan: SeatingPlan) -> list[tuple[bool, str]]:
    """The plan's figures in plain words: (good news?, sentence), most important first."""
    from coachbridge.accounts.enums import RoleCode  # noqa: PLC0415 -- labels only here

    figures = plan.metrics
    lines: list[tuple[bool, str]] = []
    if figures.get("hard_violations"):
        lines.append(
            (
                False,
                ngettext(
                    "The plan breaks %(count)d rule.",
                    "The plan breaks %(count)d rules.",
                    figures["hard_violations"],
                )
                % {"count": figures["hard_violations"]},
            )
        )
    repeats = figures.get("repeat_pairs", 0)
    if repeats:
        lines.append(
            (
                False,
                ngettext(
                    "%(count)d time two people meet again.",
                    "%(count)d times two people meet again.",
                    repeats,
                )
                % {"count": repeats},
            )
        )
    else:
        lines.append((True, _("Nobody meets anyone twice.")))
    revisits = figures.get("theme_revisits", 0)
    if plan.cafe.visit_each_theme_once:
        if revisits:
            lines.append(
                (
                    False,
                    ngettext(
                        "%(count)d time someone visits a theme again.",
                        "%(count)d times someone visits a theme again.",
                        revisits,
                    )
                    % {"count": revisits},
                )
            )
        else:
            lines.append((True, _("Nobody visits a theme twice.")))
    roles = [
        str(RoleCode(role).label).lower()
        for role in figures.get("required_roles", [])
        if role in RoleCode.values
    ]
    missing = figures.get("missing_role_table_rounds", 0)
    if plan.cafe.mix_roles and roles:
        if missing:
            lines.append(
                (
                    False,
                    ngettext(
                        "%(count)d time a table misses a %(roles)s.",
                        "%(count)d times a table misses a %(roles)s.",
                        missing,
                    )
                    % {"count": missing, "roles": _join(roles, _("or"))},
                )
            )
        else:
            each = [_("one %(role)s") % {"role": role} for role in roles]
            lines.append(
                (
                    True,
                    _("Every table has at least %(roles)s in every round.")
                    % {"roles": _join(each, _("and"))},
                )
            )
    if plan.cafe.mix_roles and figures.get("table_rounds"):
        lines.append(
            (
                True,
                _("On average a table is %(seats)s seats away from the best mix of backgrounds.")
                % {"seats": f"{figures.get('mix', 0):.1f}"},
            )
        )
    spread = figures.get("size_spread", 0)
    lines.append(
        (
            spread <= 1,
            _("All tables are equally full.")
            if spread == 0
            else ngettext(
                "Tables differ by at most %(count)d person.",
                "Tables differ by at most %(count)d people.",
                spread,
            )
            % {"count": spread},
        )
    )
    if figures.get("moved") is not None:
        lines.append(
            (
                True,
                ngettext(
                    "%(count)d person got a new table compared to the plan before.",
                    "%(count)d people got a new table compared to the plan before.",
                    figures["moved"],
                )
                % {"count": figures["moved"]},
            )
        )
    return lines


def _join(words: list[str], last: str) -> str:
    """["a", "b", "c"], "and" -> "a, b and c"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


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


# --- The day -------------------------------------------------------------------------------


def set_checked_in(registration: Registration, *, checked_in: bool, by: User) -> Registration:
    registration.checked_in_at = timezone.now() if checked_in else None
    registration.save(update_fields=["checked_in_at"])
    log_action(
        "cafe.checked_in" if checked_in else "cafe.check_in_undone", actor=by, obj=registration
    )
    return registration


def start_next_round(cafe: Cafe, *, by: User) -> Cafe:
    """Start the next round; after the last round this ends the café."""
    rounds = cafe.rounds.count()
    if cafe.current_round > rounds:
        raise CafeError(_("The World Café is over."))
    cafe.current_round += 1
    cafe.round_started_at = timezone.now() if cafe.current_round <= rounds else None
    cafe.save(update_fields=["current_round", "round_started_at"])
    log_action("cafe.round_started", actor=by, obj=cafe, round=cafe.current_round)
    return cafe


def minutes_left(cafe: Cafe) -> int | None:
    """Whole minutes left in the current round (rounded up); None when no round runs."""
    if not cafe.round_started_at:
        return None
    length = cafe.rounds.filter(number=cafe.current_round).values_list("minutes", flat=True).first()
    if length is None:
        return None
    elapsed = (timezone.now() - cafe.round_started_at).total_seconds()
    return max(0, math.ceil((length * 60 - elapsed) / 60))


def route_of(cafe: Cafe, plan: SeatingPlan | None, registration: Registration) -> list[dict]:
    """Per round: the table and its theme for one person (empty rounds left out)."""
    if plan is None:
        return []
    tables = {t.label: t for t in cafe.tables.select_related("theme")}
    route = []
    for number in sorted(plan.seats, key=int):
        for label, people in plan.seats[number].items():
            if registration.pk in people:
                table = tables.get(label)
                route.append(
                    {
                        "round": int(number),
                        "table": label,
                        "theme": table.theme if table else None,
                        "hosting": bool(table and table.host_id == registration.pk),
                    }
                )
    return route


def short_names(registrations: Iterable[Registration]) -> dict[int, str]:
    """First names for the wall, with the first letter of the last name when two share one."""
    registrations = list(registrations)
    first = {r.pk: (r.name.split() or ["?"])[0] for r in registrations}
    counts: dict[str, int] = {}
    for name in first.values():
        counts[name] = counts.get(name, 0) + 1
    short = {}
    for r in registrations:
        parts = r.name.split()
        if counts[first[r.pk]] > 1 and len(parts) > 1:
            short[r.pk] = f"{first[r.pk]} {parts[-1][0]}."
        else:
            short[r.pk] = first[r.pk]
    return short
