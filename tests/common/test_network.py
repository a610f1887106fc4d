"""The organiser page counts how much each part of the platform is used, without names."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from coachbridge.common.network import RECENT_DAYS, network_figures
from coachbridge.events.enums import MeetingStatus, RegistrationStatus
from coachbridge.knowledge.enums import ItemStatus
from coachbridge.marketplace.enums import IntroductionStatus, PostStatus
from coachbridge.research import services as research
from coachbridge.research.enums import Moment
from coachbridge.research.instruments import COACHEE_START
from tests.factories.agenda import QuestionFactory, VoteFactory
from tests.factories.events import MeetingFactory, RegistrationFactory
from tests.factories.knowledge import ItemFactory
from tests.factories.marketplace import IntroductionFactory, PostFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def days_ago(days):
    return timezone.now() - dt.timedelta(days=days)


def started_coachee(study, coach):
    coachee = research.add_coachee(study, email="", language="nl", by=coach)
    research.give_consent(coachee)
    answers = {item.code: 3 for item in COACHEE_START.items}
    research.save_response(coachee, moment=Moment.START, answers=answers, comment="")
    return coachee


def test_the_figures_count_what_is_going_on_now_and_recently(coach):
    coming = MeetingFactory()
    RegistrationFactory.create_batch(2, meeting=coming)
    RegistrationFactory(meeting=coming, status=RegistrationStatus.CANCELLED)
    RegistrationFactory(meeting=MeetingFactory(starts_at=days_ago(3)))
    MeetingFactory(status=MeetingStatus.CANCELLED)
    PostFactory(status=PostStatus.CLOSED)
    IntroductionFactory(status=IntroductionStatus.ACCEPTED, answered_at=days_ago(2))
    IntroductionFactory(status=IntroductionStatus.ACCEPTED, answered_at=days_ago(RECENT_DAYS + 5))
    question = QuestionFactory()
    QuestionFactory(merged_into=question)
    VoteFactory()
    ItemFactory(status=ItemStatus.PUBLISHED)
    ItemFactory(status=ItemStatus.IN_REVIEW)
    ItemFactory()
    study = research.create_study(coach, title="Omgeving", aim="")
    started_coachee(study, coach)
    research.withdraw(started_coachee(study, coach))
    research.add_coachee(study, email="", language="nl", by=coach)  # has not started
    closed = research.create_study(coach, title="Klaar", aim="")
    started_coachee(closed, coach)
    research.close_study(closed, by=coach)

    figures = network_figures()

    assert (figures.meetings_coming, figures.registrations_coming) == (1, 2)
    assert figures.posts_open == 4  # the two posts of each introduction, not the closed one
    assert figures.introductions_accepted == 1
    assert (figures.questions, figures.votes) == (1, 1)  # a merged question is not counted
    assert (figures.texts_published, figures.texts_in_review) == (1, 1)
    assert (figures.studies_open, figures.coachees_taking_part) == (1, 1)


def test_the_organiser_page_shows_the_figures(client_for, organiser):
    MeetingFactory()
    ItemFactory(status=ItemStatus.PUBLISHED)

    page = client_for(organiser).get(reverse("accounts:organiser")).content.decode()

    assert "Wat het netwerk doet" in page
    assert "1 bijeenkomst gepland" in page
    assert "1 tekst gepubliceerd" in page
