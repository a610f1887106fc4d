"""Access helpers: load a meeting's objects only for those who may see or change them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from coachbridge.events.enums import MeetingStatus
from coachbridge.events.models import Cafe, Insight, Meeting, Registration
from coachbridge.events.services.meetings import active_registrations
from coachbridge.events.services.report import may_read, report_of


def can_manage(user: object) -> bool:
    return bool(getattr(user, "has_perm", None) and user.has_perm("events.manage_meetings"))


def get_meeting_for_user(request: HttpRequest, pk: int) -> Meeting:
    """A published meeting for everyone; drafts only for organisers (404 for others)."""
    meeting = get_object_or_404(Meeting, pk=pk)
    if meeting.status == MeetingStatus.DRAFT and not can_manage(request.user):
        raise Http404
    return meeting


def get_meeting_to_manage(request: HttpRequest, pk: int) -> Meeting:
    """A meeting for a user with the organiser role, whoever made it: organisers run all
    meetings as one team. 404 when it does not exist, 403 for everyone else."""
    meeting = get_object_or_404(Meeting, pk=pk)
    if not can_manage(request.user):
        raise PermissionDenied
    return meeting


def get_registration_by_token(token: str) -> Registration:
    """The registration behind a personal link; a 404 never says whether other tokens exist."""
    return _registration_with(token=token)


def _registration_with(**lookup: str) -> Registration:
    registration = (
        Registration.objects.select_related("meeting").filter(**lookup).first()
        if all(lookup.values())
        else None
    )
    if registration is None:
        raise Http404
    return registration


def get_cafe_to_manage(request: HttpRequest, pk: int) -> Cafe:
    """The café of a meeting, for organisers (see above): 403 for others, 404 before it is
    set up."""
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
    return _in_cafe(pk, get_registration_by_token(token))


def get_registration_by_card(pk: int, card_token: str) -> tuple[Cafe, Registration]:
    """A person's registration by the code on their route card, for the café of meeting `pk`."""
    return _in_cafe(pk, _registration_with(card_token=card_token))


def _in_cafe(pk: int, registration: Registration) -> tuple[Cafe, Registration]:
    cafe = Cafe.objects.filter(meeting_id=pk).first()
    if registration.meeting_id != pk or cafe is None:
        raise Http404
    return cafe, registration


def get_insight_to_reuse(request: HttpRequest, pk: int) -> Insight:
    """A World Café insight a member may turn into a marketplace post or a research question.

    Organisers always; others when it is not hidden and they wrote it, took part in the meeting,
    or may read its report (404 otherwise, so nobody learns what an insight says).
    """
    insight = get_object_or_404(Insight.objects.select_related("cafe__meeting", "author"), pk=pk)
    user = request.user
    if can_manage(user):
        return insight
    meeting = insight.cafe.meeting
    if insight.hidden or meeting.status == MeetingStatus.DRAFT:
        raise Http404
    if insight.author is not None and insight.author.user_id == user.pk:
        return insight
    if active_registrations(meeting).filter(user=user).exists():
        return insight
    report = report_of(meeting)
    if report is not None and may_read(report, user) is True:
        return insight
    raise Http404
