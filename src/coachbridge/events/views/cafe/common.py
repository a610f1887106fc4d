"""Loading a World Café for a view: organisers by meeting, others only with a token."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from coachbridge.events.access import get_meeting_to_manage, get_registration_by_token
from coachbridge.events.models import Cafe, Registration


def get_cafe_to_manage(request: HttpRequest, pk: int) -> Cafe:
    """The café of a meeting the user organises: 403 for others, 404 before it is set up."""
    meeting = get_meeting_to_manage(request, pk)
    cafe = Cafe.objects.filter(meeting=meeting).select_related("meeting").first()
    if cafe is None:
        raise Http404
    return cafe


def get_cafe_by_wall_token(pk: int, token: str) -> Cafe:
    """The café behind a wall link; a 404 never says whether other links exist."""
    cafe = (
        Cafe.objects.select_related("meeting").filter(meeting_id=pk, wall_token=token).first()
        if token
        else None
    )
    if cafe is None:
        raise Http404
    return cafe


def get_registration_for_cafe(pk: int, token: str) -> tuple[Cafe, Registration]:
    """A person's registration by their personal token, for the café of meeting `pk`."""
    registration = get_registration_by_token(token)
    cafe = Cafe.objects.filter(meeting_id=pk).first()
    if registration.meeting_id != pk or cafe is None:
        raise Http404
    return cafe, registration
