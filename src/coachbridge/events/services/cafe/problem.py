"""From the café's models to the seating engine's dataclasses and back.

In `SeatingPlan.seats` a table is its label and a person a registration id; in the engine a
person is `str(registration id)`, a table its label and a theme `str(theme id)`.
"""

from __future__ import annotations

import logging
from typing import Any

from django.utils.translation import gettext as _

from coachbridge.engine import seating as engine
from coachbridge.events.models import Cafe, Registration, SeatingPlan
from coachbridge.events.services.cafe.refusals import explain_refusal
from coachbridge.events.services.cafe.setup import (
    CafeError,
    Seats,
    participants_of,
)

logger = logging.getLogger(__name__)

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
