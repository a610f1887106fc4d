"""The home page shows what the network does next: its coming meetings and newest texts."""

import datetime as dt

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coachbridge.common.views import HOME_ITEMS, HOME_MEETINGS
from coachbridge.events.enums import Frequency, MeetingStatus
from coachbridge.events.models import MeetingSeries
from coachbridge.knowledge.enums import ItemStatus
from tests.factories.events import MeetingFactory
from tests.factories.knowledge import ItemFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def in_days(days):
    return timezone.now() + dt.timedelta(days=days)


def published(days_ago, **fields):
    return ItemFactory(status=ItemStatus.PUBLISHED, published_at=in_days(-days_ago), **fields)


def home(client):
    return client.get(reverse("home"))


def test_the_coming_published_meetings_come_first_first(client):
    later = MeetingFactory(title="Later", starts_at=in_days(60))
    sooner = MeetingFactory(title="Sooner", starts_at=in_days(7))
    MeetingFactory(title="Draft", starts_at=in_days(3), status=MeetingStatus.DRAFT)
    MeetingFactory(title="Cancelled", starts_at=in_days(3), status=MeetingStatus.CANCELLED)
    MeetingFactory(title="Past", starts_at=in_days(-3))
    for days in range(HOME_MEETINGS):
        MeetingFactory(title=f"Far {days}", starts_at=in_days(90 + days))

    response = home(client)
    shown = [meeting.title for meeting in response.context["meetings"]]

    assert shown[:2] == [sooner.title, later.title]
    assert len(shown) == HOME_MEETINGS
    assert f'href="{sooner.get_absolute_url()}"' in response.content.decode()
    assert f'href="{reverse("events:meeting-list")}"' in response.content.decode()


def test_a_series_shows_only_its_next_meeting(client):
    series = MeetingSeries.objects.create(
        title="Sessie",
        frequency=Frequency.MONTHLY_WEEKDAY,
        first_date=in_days(30).date(),
        start_time=dt.time(16),
    )
    for month in range(1, 4):
        MeetingFactory(title=f"Sessie {month}", series=series, starts_at=in_days(30 * month))
    single = MeetingFactory(title="Impact Meeting", starts_at=in_days(45))

    shown = [meeting.title for meeting in home(client).context["meetings"]]

    assert shown == ["Sessie 1", single.title]


def test_a_long_weekly_series_does_not_hide_the_meetings_after_it(client):
    series = MeetingSeries.objects.create(
        title="Wekelijks",
        frequency=Frequency.WEEKLY,
        first_date=in_days(1).date(),
        start_time=dt.time(9),
    )
    for week in range(70):
        MeetingFactory(title=f"Week {week}", series=series, starts_at=in_days(1 + 7 * week))
    later = MeetingFactory(title="Na een jaar", starts_at=in_days(500))

    shown = [meeting.title for meeting in home(client).context["meetings"]]

    assert shown == ["Week 0", later.title]


def test_the_newest_published_texts_in_the_readers_language(client):
    dutch = published(1, title="Werkt coaching?")
    published(0, title="Does coaching work?", language="en", translation_of=dutch)
    older = published(5, title="Groepscoaching")
    ItemFactory(title="Concept", status=ItemStatus.DRAFT)
    for days in range(HOME_ITEMS):
        published(30 + days, title=f"Oud {days}")
    english = Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    dutch_titles = [item.title for item in home(client).context["items"]]
    english_titles = [item.title for item in home(english).context["items"]]

    assert dutch_titles == ["Werkt coaching?", older.title, "Oud 0"]
    assert english_titles == ["Does coaching work?", older.title, "Oud 0"]


def test_without_meetings_or_texts_the_sections_are_left_out(client):
    MeetingFactory(title="Draft", status=MeetingStatus.DRAFT)

    body = home(client).content.decode()

    assert 'id="meetings-heading"' not in body
    assert 'id="items-heading"' not in body
    assert "Welke coach past bij mijn vraag?" in body


def test_the_about_page_links_every_part_of_the_platform(client):
    body = client.get(reverse("about")).content.decode()

    for name in (
        "events:meeting-list",
        "marketplace:public-list",
        "agenda:public",
        "knowledge:item-list",
        "directory:help",
    ):
        assert f'href="{reverse(name)}"' in body
    assert "Praktijkonderzoek" in body
