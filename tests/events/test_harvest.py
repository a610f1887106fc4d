"""The harvest: insights from phones through table and personal links, limits, the live wall.

Pages are read in English (the Dutch catalogue is filled separately), so texts are asserted
exactly without depending on the translation.
"""

import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from coachbridge.common.models import ActivityLog
from coachbridge.events.models import Cafe, Insight
from coachbridge.events.models.harvest import INSIGHT_MAX_LENGTH
from coachbridge.events.services.harvest import (
    RATE_LIMIT_PER_PERSON,
    HarvestError,
    add_insight,
    clean_text,
)
from tests.factories.cafe import make_cafe
from tests.factories.events import MeetingFactory, RegistrationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def english(user=None):
    """A client that reads the site in English, logged in as `user` if given."""
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    if user is not None:
        user.language = "en"
        user.save(update_fields=["language"])
        client.force_login(user)
    return client


@pytest.fixture
def cafe(db):
    cafe, _ = make_cafe(
        MeetingFactory(title="Leercafé"), current_round=2, harvest_open=True, harvest_started=True
    )
    return cafe


@pytest.fixture
def guest(cafe):
    return RegistrationFactory(meeting=cafe.meeting, name="Gerda Gast")


def table_url(table):
    return reverse("events:table-harvest", kwargs={"token": table.harvest_token})


def personal_url(registration):
    return reverse("events:registration-harvest", kwargs={"token": registration.token})


def test_guest_adds_insight_through_personal_link_with_theme_table_and_round(cafe, guest):
    table = cafe.tables.get(label="T2")
    client = english()

    response = client.post(
        personal_url(guest), {"table": table.pk, "text": "Meer onderzoek naar het proces"}
    )

    assert response.status_code == 302
    insight = Insight.objects.get()
    assert (insight.text, insight.theme, insight.table, insight.round_number, insight.author) == (
        "Meer onderzoek naar het proces",
        table.theme,
        table,
        2,
        guest,
    )
    assert list(ActivityLog.objects.values_list("action", "object_id")) == [
        ("harvest.insight_added", str(insight.pk))
    ]


def test_table_link_works_on_a_phone_that_opened_the_personal_link(cafe, guest):
    table = cafe.tables.get(label="T1")
    client = english()
    client.get(personal_url(guest))

    client.post(table_url(table), {"text": "AI als sparringpartner"})

    assert list(Insight.objects.values_list("text", "table__label", "author__name")) == [
        ("AI als sparringpartner", "T1", "Gerda Gast")
    ]


def test_table_link_without_personal_link_or_login_explains_and_refuses(cafe):
    table = cafe.tables.get(label="T1")
    client = english()

    page = client.get(table_url(table)).content.decode()
    response = client.post(table_url(table), {"text": "Mag ik ook?"})

    assert "first open the personal link from your registration e-mail" in page
    assert 'name="text"' not in page
    assert response.status_code == 403
    assert not Insight.objects.exists()


def test_member_adds_insight_at_a_table_when_logged_in(cafe, member):
    registration = RegistrationFactory(meeting=cafe.meeting, user=member, name="Mia Lid")
    table = cafe.tables.get(label="T1")

    english(member).post(table_url(table), {"text": "Coaches laten meedenken"})

    assert list(Insight.objects.values_list("text", "author", "round_number")) == [
        ("Coaches laten meedenken", registration.pk, 2)
    ]


def test_unknown_tokens_are_plain_404s(cafe, guest):
    client = english()

    responses = [
        client.get(reverse("events:table-harvest", kwargs={"token": "nope"})),
        client.get(reverse("events:registration-harvest", kwargs={"token": "nope"})),
        client.get(reverse("events:harvest-wall-link", kwargs={"token": "nope"})),
    ]

    assert [response.status_code for response in responses] == [404, 404, 404]
    assert all(b"Gerda" not in response.content for response in responses)


def test_closed_harvest_says_so_and_stores_nothing(cafe, guest):
    cafe.harvest_open = False
    cafe.save()
    table = cafe.tables.get(label="T1")
    client = english()
    client.get(personal_url(guest))

    page = client.get(table_url(table)).content.decode()
    client.post(personal_url(guest), {"table": table.pk, "text": "Te laat"})

    assert "The harvest of this meeting is closed. You can no longer add insights." in page
    assert not Insight.objects.exists()


def test_a_harvest_that_never_opened_says_it_has_not_started(cafe, guest):
    cafe.harvest_open = cafe.harvest_started = False
    cafe.save()
    client = english()

    page = client.get(personal_url(guest)).content.decode()
    refused = client.post(personal_url(guest), {"text": "Te vroeg"}).content.decode()
    wall = client.get(reverse("events:harvest-wall-link", kwargs={"token": cafe.wall_token}))

    not_started = "The harvest of this meeting has not started yet. You cannot add insights yet."
    assert not_started in page
    assert not_started in refused
    assert "no longer" not in page + refused
    assert "The harvest has not started yet." in wall.content.decode()
    assert not Insight.objects.exists()


def test_opening_the_harvest_once_marks_it_started(cafe, organiser):
    cafe.harvest_open = cafe.harvest_started = False
    cafe.save()
    client = english(organiser)
    harvest_open = reverse("events:harvest-open", kwargs={"pk": cafe.meeting.pk})

    client.post(harvest_open, {"open": "1"})
    client.post(harvest_open, {"open": "0"})

    cafe.refresh_from_db()
    assert (cafe.harvest_open, cafe.harvest_started) == (False, True)
    with translation.override("en"), pytest.raises(HarvestError, match=r"is closed\. You can"):
        add_insight(cafe, text="Te laat", theme=cafe.themes.first())


def test_harvests_that_were_open_or_have_insights_count_as_started_after_the_migration(cafe):
    never, _ = make_cafe(MeetingFactory())
    with_insights, _ = make_cafe(MeetingFactory())
    Insight.objects.create(cafe=with_insights, theme=with_insights.themes.first(), text="Idee")
    Cafe.objects.update(harvest_started=False)

    migration = importlib.import_module("coachbridge.events.migrations.0004_harvest_started")
    migration.mark_started_harvests(apps, None)

    started = dict(Cafe.objects.values_list("pk", "harvest_started"))
    assert started == {cafe.pk: True, never.pk: False, with_insights.pk: True}


def test_a_cancelled_guest_is_told_so_instead_of_getting_the_form(cafe, guest):
    table = cafe.tables.get(label="T1")
    client = english()
    client.get(personal_url(guest))  # this phone now knows the guest at the table links
    guest.status = "cancelled"
    guest.save()

    pages = [client.get(url).content.decode() for url in (personal_url(guest), table_url(table))]

    for page in pages:
        assert "Your registration is cancelled, so you cannot add insights." in page
        assert 'name="text"' not in page


def test_wall_link_for_a_screen_has_no_site_header_or_menu(cafe):
    html = (
        english()
        .get(reverse("events:harvest-wall-link", kwargs={"token": cafe.wall_token}))
        .content.decode()
    )

    assert "Insights from the tables: Leercafé" in html
    assert 'hx-trigger="every 5s"' in html
    assert "site-header" not in html
    assert reverse("account_login") not in html
    assert reverse("set-language") not in html


def test_html_is_stored_as_typed_and_shown_escaped(cafe, guest, organiser):
    table = cafe.tables.get(label="T1")

    english().post(
        personal_url(guest),
        {"table": table.pk, "text": "<script>alert(1)</script> coach<->coachee & <leidinggevende>"},
    )
    wall = english(organiser).get(reverse("events:harvest-wall", kwargs={"pk": cafe.meeting.pk}))

    assert (
        Insight.objects.get().text == "<script>alert(1)</script> coach<->coachee & <leidinggevende>"
    )
    html = wall.content.decode()
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; coach&lt;-&gt;coachee &amp; &lt;leidinggevende&gt;"
        in html
    )
    assert "<script>alert" not in html


def test_too_long_and_empty_insights_are_refused_with_a_message(cafe, guest):
    table = cafe.tables.get(label="T1")
    client = english()

    long = client.post(
        personal_url(guest), {"table": table.pk, "text": "x" * (INSIGHT_MAX_LENGTH + 1)}
    )
    empty = client.post(personal_url(guest), {"table": table.pk, "text": "\x01 \x02"})

    assert "Ensure this value has at most 500 characters (it has 501)." in long.content.decode()
    assert "Write a few words, please." in empty.content.decode()
    assert not Insight.objects.exists()


def test_clean_text_removes_control_characters_and_folds_white_space():
    assert clean_text("  een\x00 <i>korte</i>\n\nnotitie\t ") == "een <i>korte</i> notitie"


@pytest.mark.usefixtures("locmem_cache")
def test_rate_limit_per_person_gives_a_clear_message(cafe, guest):
    table = cafe.tables.get(label="T1")
    client = english()
    for number in range(RATE_LIMIT_PER_PERSON):
        client.post(personal_url(guest), {"table": table.pk, "text": f"Inzicht {number}"})

    response = client.post(personal_url(guest), {"table": table.pk, "text": "Nog eentje"})

    assert Insight.objects.count() == RATE_LIMIT_PER_PERSON
    assert (
        "You have added many insights in a short time. Please wait a minute and try again."
        in response.content.decode()
    )


@pytest.mark.usefixtures("locmem_cache")
def test_rate_limit_per_table_link_holds_across_people(cafe, organiser):
    table = cafe.tables.get(label="T1")
    people = [RegistrationFactory(meeting=cafe.meeting) for _ in range(5)]
    added = 0
    with pytest.raises(HarvestError):
        for number in range(RATE_LIMIT_PER_PERSON):
            for person in people:
                add_insight(cafe, text=f"Idee {number}", table=table, author=person, link="T")
                added += 1

    assert added == Insight.objects.count() == 20


def test_cancelled_registration_cannot_add(cafe, guest):
    guest.status = "cancelled"
    guest.save()
    table = cafe.tables.get(label="T1")

    response = english().post(personal_url(guest), {"table": table.pk, "text": "Toch nog"})

    assert "Your registration is cancelled, so you cannot add insights." in (
        response.content.decode()
    )
    assert not Insight.objects.exists()


def test_htmx_post_gets_the_form_partial_with_a_thank_you(cafe, guest):
    table = cafe.tables.get(label="T1")

    response = english().post(
        personal_url(guest), {"table": table.pk, "text": "Kort en goed"}, HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="insight-add">')
    assert "Thank you! Your insight is added." in html
    assert "<html" not in html


def test_personal_page_links_to_adding_insights_only_while_the_harvest_is_open(cafe, guest):
    url = reverse("events:guest-registration", kwargs={"token": guest.token})
    link = personal_url(guest)

    open_page = english().get(url).content.decode()
    cafe.harvest_open = False
    cafe.save()
    closed_page = english().get(url).content.decode()

    assert link in open_page
    assert link not in closed_page


def test_personal_link_preselects_the_table_of_the_seating_plan(cafe, guest):
    table = cafe.tables.get(label="T2")
    cafe.plans.create(status="ready", seats={"2": {"T1": [], "T2": [guest.pk]}})

    page = english().get(personal_url(guest)).content.decode()

    assert f'<option value="{table.pk}" selected>T2 · Thema 2</option>' in page


def test_wall_shows_newest_insights_without_authors_and_polls(cafe, guest, organiser):
    table = cafe.tables.get(label="T1")
    for text in ["Eerste inzicht", "Tweede inzicht"]:
        Insight.objects.create(cafe=cafe, theme=table.theme, table=table, text=text, author=guest)
    Insight.objects.create(cafe=cafe, theme=table.theme, text="Verborgen", hidden=True)
    client = english(organiser)
    url = reverse("events:harvest-wall", kwargs={"pk": cafe.meeting.pk})

    page = client.get(url).content.decode()
    partial = client.get(url, HTTP_HX_REQUEST="true").content.decode()

    assert page.index("Tweede inzicht") < page.index("Eerste inzicht")
    assert "Gerda" not in page
    assert "Verborgen" not in page
    assert 'hx-trigger="every 5s"' in page
    assert partial.lstrip().startswith('<div id="wall-items"')
    assert "Tweede inzicht" in partial


def test_wall_link_for_a_screen_needs_no_login(cafe, guest):
    table = cafe.tables.get(label="T1")
    Insight.objects.create(
        cafe=cafe, theme=table.theme, table=table, text="Zichtbaar", author=guest
    )

    response = english().get(reverse("events:harvest-wall-link", kwargs={"token": cafe.wall_token}))

    assert "Zichtbaar" in response.content.decode()
    assert "Gerda" not in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_wall_query_count_does_not_grow_with_insights(cafe, organiser, count):
    table = cafe.tables.get(label="T1")
    for number in range(count):
        Insight.objects.create(cafe=cafe, theme=table.theme, table=table, text=f"Idee {number}")
    client = english(organiser)
    url = reverse("events:harvest-wall", kwargs={"pk": cafe.meeting.pk})
    client.get(url)

    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_HX_REQUEST="true")

    assert len(queries) == 7


def test_organiser_opens_and_closes_the_harvest_and_hides_an_insight(cafe, organiser):
    insight = Insight.objects.create(cafe=cafe, theme=cafe.themes.first(), text="Noemt Jan")
    client = english(organiser)
    pk = cafe.meeting.pk

    client.post(reverse("events:harvest-open", kwargs={"pk": pk}), {"open": "0"})
    cafe.refresh_from_db()
    closed = cafe.harvest_open
    client.post(
        reverse("events:harvest-insight-hide", kwargs={"pk": pk, "insight_pk": insight.pk}),
        {"hidden": "1"},
    )

    insight.refresh_from_db()
    assert (closed, insight.hidden) == (False, True)
    assert list(ActivityLog.objects.order_by("pk").values_list("action", flat=True)) == [
        "harvest.closed",
        "harvest.insight_hidden",
    ]


def test_harvest_page_lists_table_links_with_codes(cafe, organiser):
    table = cafe.tables.get(label="T1")

    page = (
        english(organiser)
        .get(reverse("events:harvest-manage", kwargs={"pk": cafe.meeting.pk}))
        .content.decode()
    )

    assert f"http://testserver/h/{table.harvest_token}/" in page
    assert 'src="data:image/svg+xml' in page


def test_the_insight_form_speaks_the_readers_language(cafe, guest):
    dutch = Client().get(personal_url(guest)).content.decode()
    english_page = english().get(personal_url(guest)).content.decode()

    assert "Short is fine: one idea per note. At most 500 characters." in english_page
    assert "Kort is goed: één idee per briefje. Hoogstens 500 tekens." in dutch


def test_the_same_note_sent_twice_is_saved_once(cafe, guest):
    table = cafe.tables.get(label="T1")
    client = english()

    for _ in range(2):  # a button tapped twice
        client.post(personal_url(guest), {"table": table.pk, "text": "Meer praktijkonderzoek"})
    client.post(personal_url(guest), {"table": table.pk, "text": "Iets anders"})

    assert list(Insight.objects.order_by("pk").values_list("text", flat=True)) == [
        "Meer praktijkonderzoek",
        "Iets anders",
    ]


def member_url(cafe):
    return reverse("events:harvest-add", kwargs={"pk": cafe.meeting.pk})


def test_a_member_who_is_not_registered_cannot_add_insights(cafe, member):
    client = english(member)
    table = cafe.tables.get(label="T1")

    page = client.get(member_url(cafe)).content.decode()
    by_member_page = client.post(member_url(cafe), {"table": table.pk, "text": "Ik was er niet"})
    by_table_link = client.post(table_url(table), {"text": "Ik ook niet"})

    assert "Only people who are registered for this meeting can add insights." in page
    assert 'name="text"' not in page
    assert (by_member_page.status_code, by_table_link.status_code) == (403, 403)
    assert not Insight.objects.exists()


def test_a_member_who_cancelled_is_told_so_at_the_table(cafe, member):
    RegistrationFactory(meeting=cafe.meeting, user=member, status="cancelled")
    table = cafe.tables.get(label="T1")

    response = english(member).post(table_url(table), {"text": "Toch nog"})

    assert response.status_code == 403
    assert "Your registration is cancelled, so you cannot add insights." in (
        response.content.decode()
    )
    assert not Insight.objects.exists()


def test_an_organiser_adds_insights_without_being_registered(cafe, organiser):
    table = cafe.tables.get(label="T1")

    english(organiser).post(member_url(cafe), {"table": table.pk, "text": "Van de organisatie"})

    assert list(Insight.objects.values_list("text", "author")) == [("Van de organisatie", None)]
