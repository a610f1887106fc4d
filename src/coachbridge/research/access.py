"""Loading a study's objects only for the member who runs the study."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from coachbridge.research.enums import ParticipantRole
from coachbridge.research.models import Participant, Study
from coachbridge.research.services import participant_by_token


def get_own_study(request: HttpRequest, pk: int) -> Study:
    """A study of the logged-in member; a 404 for everyone else, so no one learns it exists."""
    return get_object_or_404(Study, pk=pk, owner=request.user)


def get_own_coachee(request: HttpRequest, pk: int, code: str) -> Participant:
    study = get_own_study(request, pk)
    return get_object_or_404(Participant, study=study, code=code, role=ParticipantRole.COACHEE)


def get_participant_by_token(token: str) -> Participant:
    participant = participant_by_token(token)
    if participant is None:
        raise Http404
    return participant
