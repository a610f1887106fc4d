"""Access helpers: load a meeting's objects only for those who may see or change them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from coachbridge.events.enums import MeetingStatus
from coachbridge.events.models import Meeting, Registration


def can_manage(user: object) -> bool:
    return bool(getattr(user, "has_perm", None) and user.has_perm("events.manage_meetings"))


def get_meeting_for_user(request: HttpRequest, pk: int) -> Meeting:
    """A published meeting for everyone; drafts only for organisers (404 for others)."""
    meeting = get_object_or_404(Meeting, pk=pk)
    if meeting.status == MeetingStatus.DRAFT and not can_manage(request.user):
        raise Http404
    return meeting


def get_meeting_to_manage(request: HttpRequest, pk: int) -> Meeting:
    """A meeting the user organises: 404 when it does not exist, 403 for non-organisers."""
    meeting = get_object_or_404(Meeting, pk=pk)
    if not can_manage(request.user):
        raise PermissionDenied
    return meeting


def get_registration_by_token(token: str) -> Registration:
    """The registration behind a personal link; a 404 never says whether other tokens exist."""
    registration = (
        Registration.objects.select_related("meeting").filter(token=token).first()
        if token
        else None
    )
    if registration is None:
        raise Http404
    return registration
