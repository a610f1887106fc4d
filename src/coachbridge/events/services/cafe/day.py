"""The day itself: check-in, rounds, time left, a person's route, names for the wall."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from coachbridge.accounts.models import User
from coachbridge.common.activity import log_action
from coachbridge.events.models import Cafe, Registration, SeatingPlan
from coachbridge.events.services.cafe.setup import (
    CafeError,
)

logger = logging.getLogger(__name__)

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
