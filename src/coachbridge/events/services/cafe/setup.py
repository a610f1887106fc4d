"""Setting up a World Café: the café, groups kept apart or together, its fingerprint."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from coachbridge.accounts.models import User
from coachbridge.common.activity import log_action
from coachbridge.events.enums import RegistrationStatus
from coachbridge.events.models import Cafe, CafeRound, Meeting

logger = logging.getLogger(__name__)

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
