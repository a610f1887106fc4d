"""How much the network uses each part of the platform: counts for its organisers, no names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from coachbridge.agenda.models import Question, Vote
from coachbridge.events.enums import RegistrationStatus
from coachbridge.events.models import Registration
from coachbridge.events.services.meetings import upcoming_meetings
from coachbridge.knowledge.enums import ItemStatus
from coachbridge.knowledge.models import Item
from coachbridge.marketplace.enums import IntroductionStatus, PostStatus
from coachbridge.marketplace.models import Introduction, Post
from coachbridge.research.enums import Moment, ParticipantRole
from coachbridge.research.models import Participant, Study

RECENT_DAYS = 30


@dataclass(frozen=True)
class NetworkFigures:
    meetings_coming: int
    registrations_coming: int
    posts_open: int
    introductions_accepted: int  # in the last RECENT_DAYS
    questions: int
    votes: int  # in the last RECENT_DAYS
    texts_published: int
    texts_in_review: int
    studies_open: int
    coachees_taking_part: int  # in open studies, with answers at the start


def network_figures() -> NetworkFigures:
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    coming = upcoming_meetings()
    return NetworkFigures(
        meetings_coming=coming.count(),
        registrations_coming=Registration.objects.filter(
            meeting__in=coming, status=RegistrationStatus.REGISTERED
        ).count(),
        posts_open=Post.objects.filter(status=PostStatus.OPEN).count(),
        introductions_accepted=Introduction.objects.filter(
            status=IntroductionStatus.ACCEPTED, answered_at__gte=since
        ).count(),
        questions=Question.objects.current().count(),
        votes=Vote.objects.filter(updated__gte=since).count(),
        texts_published=Item.objects.filter(status=ItemStatus.PUBLISHED).count(),
        texts_in_review=Item.objects.filter(status=ItemStatus.IN_REVIEW).count(),
        studies_open=Study.objects.filter(closed_at__isnull=True).count(),
        coachees_taking_part=Participant.objects.filter(
            role=ParticipantRole.COACHEE,
            study__closed_at__isnull=True,
            withdrawn_at__isnull=True,
            responses__moment=Moment.START,
        ).count(),
    )
