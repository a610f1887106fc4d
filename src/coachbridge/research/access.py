"""Loading a study's objects only for the members who work on the study."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from coachbridge.research.enums import ParticipantRole
from coachbridge.research.models import Participant, Study
from coachbridge.research.services import participant_by_token, studies_of


def get_study_for_coach(request: HttpRequest, pk: int) -> Study:
    """A study the member leads or joined; a 404 for everyone else, so no one learns it exists."""
    return get_object_or_404(studies_of(request.user), pk=pk)


def get_study_to_lead(request: HttpRequest, pk: int) -> Study:
    """A study the member leads (closing, the join link): a 404 for its coaches too."""
    return get_object_or_404(Study, pk=pk, owner=request.user)


def get_own_coachee(request: HttpRequest, pk: int, code: str) -> Participant:
    """A coachee of the member's own practice: not even the study's lead sees another's."""
    study = get_study_for_coach(request, pk)
    return get_object_or_404(
        Participant, study=study, code=code, role=ParticipantRole.COACHEE, coach=request.user
    )


def get_participant_by_token(token: str) -> Participant:
    participant = participant_by_token(token)
    if participant is None:
        raise Http404
    return participant
