import csv
import datetime as dt
import io
import json
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from coachbridge.common.models import ActivityLog
from coachbridge.events.enums import MeetingStatus, RegistrationStatus
from coachbridge.events.models import CalendarFeed, Meeting, MeetingSeries, Registration
from coachbridge.events.services.meetings import (
    LINK_EMAILS_PER_HOUR,
    SERIES_MAX_NEW_DATES,
    series_dates,
    sync_series,
    too_many_new_dates,
)
from coachbridge.events.validators import YEARS_AHEAD
from tests.events.test_harvest import english
from tests.factories.accounts import ProfileFactory
from tests.factories.events import MeetingFactory, RegistrationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

GUEST = {
    "name": "Gerda Gast",
    "email": "gerda@example.org",
    "role": "researcher",
    "organisation": "Lectoraat X",
}


def test_member_registers_with_one_click_using_profile_data(client_for, coach):
    meeting = MeetingFactory()
    coach.profile.organisation = "Praktijk Een"
    coach.profile.save()
    client = client_for(coach)

    client.post(reverse("events:meeting-register", kwargs={"pk": meeting.pk}))
    client.post(reverse("events:meeting-register", kwargs={"pk": meeting.pk}))

    registration = Registration.objects.get(meeting=meeting)
    assert (registration.name, registration.role, registration.organisation) == (
        coach.profile.display_name,
        "coach",
        "Praktijk Een",
    )
    assert registration.email == coach.email


def test_full_meeting_refuses_with_a_message(client_for, member):
    meeting = MeetingFactory(capacity=1)
    RegistrationFactory(meeting=meeting)

    response = client_for(member).post(
        reverse("events:meeting-register", kwargs={"pk": meeting.pk}), follow=True
    )

    assert not meeting.registrations.filter(user=member).exists()
    assert "Deze bijeenkomst is vol." in response.content.decode()


def test_cancelled_place_frees_a_seat_and_can_be_taken_again(client_for, member):
    meeting = MeetingFactory(capacity=1)
    client = client_for(member)
    client.post(reverse("events:meeting-register", kwargs={"pk": meeting.pk}))

    client.post(reverse("events:meeting-unregister", kwargs={"pk": meeting.pk}))
    assert meeting.registrations.get().status == RegistrationStatus.CANCELLED
    client.post(reverse("events:meeting-register", kwargs={"pk": meeting.pk}))

    assert meeting.registrations.get().status == RegistrationStatus.REGISTERED


def test_closed_registration_refuses(client_for, member):
    meeting = MeetingFactory(registration_open=False)

    client_for(member).post(reverse("events:meeting-register", kwargs={"pk": meeting.pk}))

    assert not meeting.registrations.exists()


def test_guest_registers_gets_personal_link_by_email_and_can_cancel(client):
    meeting = MeetingFactory(title="Leercafé")

    response = client.post(guest_form(meeting), GUEST)

    registration = Registration.objects.get(email="gerda@example.org")
    assert registration.user is None
    assert response["Location"] == meeting.get_absolute_url()
    assert mail.outbox[0].to == ["gerda@example.org"]
    assert "Leercafé" in mail.outbox[0].subject
    assert registration.token in mail.outbox[0].body
    client.post(personal_page(registration), {"action": "cancel"})
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_a_guest_address_longer_than_the_column_is_refused(client):
    meeting = MeetingFactory()
    email = "a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".nl"  # 311 characters: valid, too long

    response = client.post(guest_form(meeting), {**GUEST, "email": email})

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not Registration.objects.exists()


def guest_form(meeting):
    return reverse("events:meeting-register-guest", kwargs={"pk": meeting.pk})


def personal_page(registration):
    return reverse("events:guest-registration", kwargs={"token": registration.token})


def flashed(response):
    return [str(message) for message in response.context["messages"]]


def test_guest_email_is_in_the_language_of_the_page(client):
    meeting = MeetingFactory()
    client.post(reverse("set-language"), {"language": "en", "next": "/"})

    client.post(reverse("events:meeting-register-guest", kwargs={"pk": meeting.pk}), GUEST)

    assert mail.outbox[0].subject.endswith(f"You are registered: {meeting.title}")


def test_the_guest_form_answers_the_same_for_a_known_address(member):
    meeting = MeetingFactory(title="Leercafé")
    known = RegistrationFactory(
        meeting=meeting, user=member, name="Mila Lid", email="mila@example.org", language="en"
    )

    new_answer = english().post(
        guest_form(meeting), {**GUEST, "email": "nieuw@example.org"}, follow=True
    )
    known_answer = english().post(
        guest_form(meeting), {**GUEST, "email": "Mila@example.org"}, follow=True
    )

    assert new_answer.redirect_chain == known_answer.redirect_chain
    assert flashed(new_answer) == [
        "Thank you! Check your e-mail: we sent your personal link to nieuw@example.org."
    ]
    assert flashed(known_answer) == [
        "Thank you! Check your e-mail: we sent your personal link to Mila@example.org."
    ]
    assert "already" not in known_answer.content.decode()
    known_before = (known.name, known.user_id, known.token, known.status)
    known.refresh_from_db()
    assert (known.name, known.user_id, known.token, known.status) == known_before
    assert meeting.registrations.count() == 2
    link_mail = mail.outbox[-1]
    assert link_mail.to == ["mila@example.org"]
    assert link_mail.subject.endswith("Your personal link: Leercafé")
    assert "This address already has a registration for this meeting" in link_mail.body
    assert f"/my/registration/{known.token}/" in link_mail.body


@pytest.mark.usefixtures("locmem_cache")
def test_a_known_address_gets_its_link_again_a_few_times_an_hour_at_most():
    meeting = MeetingFactory()
    known = RegistrationFactory(meeting=meeting, email="gerda@example.org")

    for _ in range(LINK_EMAILS_PER_HOUR + 2):
        english().post(guest_form(meeting), GUEST)

    assert len(mail.outbox) == LINK_EMAILS_PER_HOUR
    assert all(known.token in message.body for message in mail.outbox)


def test_a_guest_who_cancelled_can_register_again(client):
    meeting = MeetingFactory()
    client.post(guest_form(meeting), GUEST)
    registration = Registration.objects.get()
    old_link = personal_page(registration)
    client.post(old_link, {"action": "cancel"})

    client.post(guest_form(meeting), {**GUEST, "organisation": "Lectoraat Y"})

    registration.refresh_from_db()
    assert (registration.status, registration.organisation) == (
        RegistrationStatus.REGISTERED,
        "Lectoraat Y",
    )
    assert meeting.registrations.count() == 1
    assert client.get(old_link).status_code == 404  # the old e-mail's link stays cancelled
    assert registration.token in mail.outbox[-1].body


def test_a_member_takes_over_a_guest_registration_with_their_address(client, client_for, coach):
    meeting = MeetingFactory(capacity=1)
    client.post(guest_form(meeting), {**GUEST, "email": coach.email.upper()})
    guest = meeting.registrations.get()

    response = client_for(coach).post(
        reverse("events:meeting-register", kwargs={"pk": meeting.pk}), follow=True
    )

    registration = meeting.registrations.get()
    assert registration.pk == guest.pk  # the meeting is full: the member keeps this place
    assert (registration.user, registration.name, registration.email) == (
        coach,
        coach.profile.display_name,
        coach.email,
    )
    assert registration.token != guest.token
    assert response.context["own_registration"] == registration


def test_unknown_personal_link_is_a_plain_404(client):
    assert (
        client.get(reverse("events:guest-registration", kwargs={"token": "nope"})).status_code
        == 404
    )


def test_reminders_go_to_registered_people_in_their_own_language(client_for, organiser):
    meeting = MeetingFactory(title="Werksessie")
    RegistrationFactory(meeting=meeting, email="nl@example.org", language="nl")
    RegistrationFactory(meeting=meeting, email="en@example.org", language="en")
    RegistrationFactory(
        meeting=meeting, email="weg@example.org", status=RegistrationStatus.CANCELLED
    )

    client_for(organiser).post(reverse("events:meeting-remind", kwargs={"pk": meeting.pk}))

    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert set(subjects) == {"nl@example.org", "en@example.org"}
    assert "Herinnering: Werksessie" in subjects["nl@example.org"]
    assert "Reminder: Werksessie" in subjects["en@example.org"]
    meeting.refresh_from_db()
    assert meeting.reminder_sent_at is not None


def test_attendance_csv_lists_everyone_with_status(client_for, organiser):
    meeting = MeetingFactory()
    RegistrationFactory(meeting=meeting, name="Anna", role="researcher", organisation="UvX")
    RegistrationFactory(meeting=meeting, name="Bob", status=RegistrationStatus.CANCELLED)

    response = client_for(organiser).get(
        reverse("events:meeting-attendees-csv", kwargs={"pk": meeting.pk})
    )

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Naam",
        "E-mail",
        "Rol",
        "Organisatie",
        "Lid",
        "Status",
        "Binnen",
    ]
    assert [row[0] for row in rows[1:]] == ["Anna", "Bob"]
    assert rows[1][2:5] == ["Onderzoeker", "UvX", "nee"]
    assert rows[2][5] == "Afgemeld"


def test_meeting_form_refuses_end_before_start_and_keeps_input(client_for, organiser):
    response = client_for(organiser).post(
        reverse("events:meeting-create"),
        {
            "title": "Nieuwe sessie",
            "starts_at": "2030-05-01T14:00",
            "ends_at": "2030-05-01T13:00",
            "status": "draft",
        },
    )

    assert response.status_code == 200
    assert 'value="Nieuwe sessie"' in response.content.decode()
    assert not Meeting.objects.exists()


def test_organiser_creates_a_meeting(client_for, organiser):
    response = client_for(organiser).post(
        reverse("events:meeting-create"),
        {
            "title": "Nieuwe sessie",
            "starts_at": "2030-05-01T14:00",
            "ends_at": "2030-05-01T16:00",
            "status": "published",
            "registration_open": "on",
            "capacity": "20",
        },
    )

    meeting = Meeting.objects.get()
    assert response["Location"] == meeting.get_absolute_url()
    assert (meeting.organiser, meeting.capacity, meeting.registration_open) == (organiser, 20, True)
    assert timezone.localtime(meeting.starts_at).hour == 14


def test_drafts_are_only_listed_for_organisers(client_for, member, organiser):
    MeetingFactory(title="Zichtbaar")
    MeetingFactory(title="Geheim concept", status=MeetingStatus.DRAFT)

    member_page = client_for(member).get(reverse("events:meeting-list")).content.decode()
    organiser_page = client_for(organiser).get(reverse("events:meeting-list")).content.decode()

    assert "Zichtbaar" in member_page and "Geheim concept" not in member_page
    assert "Geheim concept" in organiser_page


def make_series(**fields):
    defaults = {
        "title": "Online sessie",
        "frequency": "monthly-weekday",
        "first_date": dt.date(2030, 1, 10),  # the second Thursday of January 2030
        "last_date": dt.date(2030, 6, 30),
        "start_time": dt.time(16, 0),
    }
    return MeetingSeries.objects.create(**{**defaults, **fields})


def test_monthly_series_from_a_fifth_thursday_takes_the_last_thursday_of_every_month():
    series = make_series(first_date=dt.date(2030, 1, 31), last_date=dt.date(2030, 5, 31))

    dates = series_dates(series)

    assert [day.isoformat() for day in dates] == [
        "2030-01-31",
        "2030-02-28",
        "2030-03-28",
        "2030-04-25",
        "2030-05-30",
    ]


def test_monthly_series_keeps_the_second_thursday_and_skips_dates():
    series = make_series(skip_dates=["2030-04-11"])

    dates = series_dates(series)

    assert [day.isoformat() for day in dates] == [
        "2030-01-10",
        "2030-02-14",
        "2030-03-14",
        "2030-05-09",
        "2030-06-13",
    ]
    assert {day.weekday() for day in dates} == {3}


def test_weekly_series_with_interval():
    series = make_series(
        frequency="weekly",
        interval=2,
        first_date=dt.date(2030, 1, 7),
        last_date=dt.date(2030, 2, 10),
    )

    assert [day.isoformat() for day in series_dates(series)] == [
        "2030-01-07",
        "2030-01-21",
        "2030-02-04",
    ]


def test_syncing_a_series_adds_meetings_and_cancels_left_out_dates(organiser):
    series = make_series()
    sync_series(series, by=organiser)
    first = series.meetings.order_by("starts_at").first()
    RegistrationFactory(meeting=first)

    series.skip_dates = ["2030-02-14"]
    series.save()
    created = sync_series(series, by=organiser)

    assert created == []
    statuses = {
        timezone.localtime(m.starts_at).date().isoformat(): m.status for m in series.meetings.all()
    }
    assert statuses["2030-02-14"] == MeetingStatus.CANCELLED
    assert list(statuses.values()).count(MeetingStatus.PUBLISHED) == 5
    assert first.registrations.count() == 1
    assert timezone.localtime(first.starts_at).time() == dt.time(16, 0)


def test_the_meetings_page_shows_a_series_once_with_its_later_dates(client, organiser):
    series = make_series()
    sync_series(series, by=organiser)
    single = MeetingFactory(
        title="Impact Meeting", starts_at=timezone.make_aware(dt.datetime(2030, 3, 1, 10))
    )
    dates = list(series.meetings.order_by("starts_at"))

    response = client.get(reverse("events:meeting-list"))
    listed = [(u.meeting, u.later) for u in response.context["meetings"]]
    page = response.content.decode()

    assert listed == [(dates[0], dates[1:]), (single, [])]
    assert page.count(">Online sessie</a>") == 1
    assert all(f'href="{meeting.get_absolute_url()}"' in page for meeting in dates)


def test_series_form_names_a_bad_skip_date(client_for, organiser):
    response = client_for(organiser).post(
        reverse("events:series-create"),
        {
            "title": "Reeks",
            "frequency": "weekly",
            "interval": "1",
            "first_date": "2030-01-07",
            "start_time": "16:00",
            "duration_minutes": "90",
            "skip_dates_text": "2030-01-14\nvolgende week",
        },
    )

    assert "Regel 2 is geen datum" in response.content.decode()
    assert not MeetingSeries.objects.exists()


def test_meeting_ics_describes_the_meeting(client):
    meeting = MeetingFactory(title="Leercafé", place="Utrecht")

    response = client.get(reverse("events:meeting-ics", kwargs={"pk": meeting.pk}))

    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Leercafé"
    assert str(event["LOCATION"]) == "Utrecht"
    assert event.decoded("DTSTART") == meeting.starts_at.replace(microsecond=0)


def test_calendar_feed_lists_own_registrations_and_new_link_revokes_old(client_for, member):
    mine = MeetingFactory(title="Mijn sessie")
    MeetingFactory(title="Andere sessie")
    RegistrationFactory(meeting=mine, user=member, email=member.email)
    client = client_for(member)
    client.get(reverse("events:calendar-settings"))
    old_token = CalendarFeed.objects.get(user=member).token

    feed = client_for(None).get(reverse("events:calendar-feed", kwargs={"token": old_token}))
    client.post(reverse("events:calendar-settings"))

    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(feed.content).walk("VEVENT")]
    assert summaries == ["Mijn sessie"]
    old = client_for(None).get(reverse("events:calendar-feed", kwargs={"token": old_token}))
    assert old.status_code == 404


def test_personal_data_export_and_erasure_cover_registrations(client_for, member):
    meeting = MeetingFactory(title="Bewaarde sessie")
    RegistrationFactory(meeting=meeting, user=member, email=member.email)
    client = client_for(member)

    data = json.loads(client.post(reverse("accounts:export-data")).content)
    client.post(reverse("accounts:delete-account"), {"confirm_email": member.email})

    assert [entry["meeting"] for entry in data["meetings"]] == ["Bewaarde sessie"]
    assert not Registration.objects.filter(email=member.email).exists()


def test_confirmation_mail_links_to_the_personal_page(client):
    meeting = MeetingFactory()
    client.post(reverse("events:meeting-register-guest", kwargs={"pk": meeting.pk}), GUEST)

    link = re.search(r"https?://\S+/my/registration/(\S+)/", mail.outbox[0].body)

    assert Registration.objects.get().token == link.group(1)


@pytest.mark.parametrize("count", [1, 3])
def test_meeting_list_query_count_does_not_grow(client_for, member, count):
    for _ in range(count):
        MeetingFactory()
    client = client_for(member)
    client.get(reverse("events:meeting-list"))

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("events:meeting-list"))

    assert len(response.context["meetings"]) == count
    assert len(queries) == 6


@pytest.mark.parametrize("count", [1, 3])
def test_attendee_list_query_count_does_not_grow(client_for, organiser, count):
    meeting = MeetingFactory()
    for _ in range(count):
        RegistrationFactory(meeting=meeting)
    client = client_for(organiser)
    url = reverse("events:meeting-attendees", kwargs={"pk": meeting.pk})
    client.get(url)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert len(response.context["registrations"]) == count
    assert len(queries) == 4


def test_the_video_link_is_for_the_people_who_come(client, client_for, member, organiser):
    meeting = MeetingFactory(place="", online_url="https://video.example.org/geheim")
    RegistrationFactory(meeting=meeting, user=member, name="Mila Lid")
    ics = reverse("events:meeting-ics", kwargs={"pk": meeting.pk})
    outsider = client_for(ProfileFactory().user)

    for reader in (client, outsider):
        assert "video.example.org" not in reader.get(meeting.get_absolute_url()).content.decode()
        assert b"video.example.org" not in reader.get(ics).content
    for reader in (client_for(member), client_for(organiser)):
        assert "video.example.org/geheim" in reader.get(meeting.get_absolute_url()).content.decode()
        assert b"video.example.org/geheim" in reader.get(ics).content


def test_a_past_meeting_shows_no_places_left(client):
    start = timezone.now() - dt.timedelta(days=30)
    meeting = MeetingFactory(starts_at=start, ends_at=start + dt.timedelta(hours=2), capacity=20)

    past = client.get(meeting.get_absolute_url()).content.decode()
    coming = client.get(MeetingFactory(capacity=20).get_absolute_url()).content.decode()

    assert "Plaatsen over" not in past
    assert "Plaatsen over" in coming


def test_a_guest_gets_the_video_link_after_registering(client):
    meeting = MeetingFactory(place="", online_url="https://video.example.org/geheim")

    before = client.get(meeting.get_absolute_url()).content.decode()
    client.post(guest_form(meeting), GUEST)
    own_page = client.get(personal_page(Registration.objects.get())).content.decode()

    assert "video.example.org" not in before
    assert "https://video.example.org/geheim" in mail.outbox[0].body
    assert 'href="https://video.example.org/geheim"' in own_page


def test_the_dashboard_lists_the_members_own_coming_meetings(client_for, coach, member):
    def soon(days):
        return timezone.now() + dt.timedelta(days=days)

    later = RegistrationFactory(user=coach, meeting__title="Later", meeting__starts_at=soon(40))
    first = RegistrationFactory(user=coach, meeting__title="First", meeting__starts_at=soon(4))
    RegistrationFactory(
        user=coach,
        meeting__title="Cancelled by me",
        meeting__starts_at=soon(5),
        status=RegistrationStatus.CANCELLED,
    )
    RegistrationFactory(
        user=coach,
        meeting__title="Called off",
        meeting__starts_at=soon(6),
        meeting__status=MeetingStatus.CANCELLED,
    )
    RegistrationFactory(user=coach, meeting__title="Past", meeting__starts_at=soon(-6))
    RegistrationFactory(user=member, meeting__title="Someone else's", meeting__starts_at=soon(7))

    page = client_for(coach).get(reverse("accounts:dashboard")).content.decode()
    others = client_for(member).get(reverse("accounts:dashboard")).content.decode()

    section = page[page.index('id="my-meetings-heading"') :]
    titles = re.findall(r'<li><a href="/meetings/\d+/">([^<]+)</a>', section)
    assert titles == [first.meeting.title, later.meeting.title]
    assert reverse("events:meeting-list") in page
    assert reverse("research:study-list") in page
    assert "Someone else&#x27;s" in others and "First" not in others


def series_form(**fields):
    return {
        "title": "Reeks",
        "frequency": "weekly",
        "interval": "1",
        "first_date": "2030-01-07",
        "start_time": "16:00",
        "duration_minutes": "90",
        **fields,
    }


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("interval", "Fill in 1 or more: 1 is every week or month, 2 is every other one."),
        ("duration_minutes", "A meeting lasts at least 1 minute."),
        ("capacity", "Fill in 1 or more places, or leave it empty for no limit."),
    ],
)
def test_series_form_refuses_zero_and_saves_nothing(organiser, field, message):
    response = english(organiser).post(
        reverse("events:series-create"), series_form(last_date="2030-02-10", **{field: "0"})
    )

    assert message in response.content.decode()
    assert not MeetingSeries.objects.exists()
    assert not Meeting.objects.exists()


def test_the_model_refuses_an_interval_of_zero():
    series = make_series(interval=0)

    with translation.override("en"), pytest.raises(ValidationError) as error:
        series.full_clean()

    assert error.value.message_dict["interval"] == [
        "Fill in 1 or more: 1 is every week or month, 2 is every other one."
    ]


def test_an_old_series_with_interval_zero_repeats_every_week_instead_of_hanging():
    series = make_series(
        frequency="weekly",
        interval=0,  # saved before the form refused it
        first_date=dt.date(2030, 1, 7),
        last_date=dt.date(2030, 1, 27),
    )

    assert not too_many_new_dates(series)  # without the guard: the first date for ever
    assert [day.isoformat() for day in series_dates(series)] == [
        "2030-01-07",
        "2030-01-14",
        "2030-01-21",
    ]


def test_a_series_without_an_upper_bound_is_refused_with_what_to_change(organiser):
    response = english(organiser).post(
        reverse("events:series-create"),
        series_form(first_date="2026-01-01", last_date="2099-12-31"),
    )

    assert (
        "This series would add more than 60 meetings at once. Choose a last date closer to the "
        "first date, or repeat less often (for example every 2 weeks)."
    ) in response.content.decode()
    assert not MeetingSeries.objects.exists()
    assert not Meeting.objects.exists()


@pytest.mark.parametrize(("weeks", "saved"), [(SERIES_MAX_NEW_DATES, True), (61, False)])
def test_a_series_adds_at_most_sixty_meetings_at_once(organiser, weeks, saved):
    first = dt.date(2030, 1, 7)
    last = first + dt.timedelta(weeks=weeks - 1)

    english(organiser).post(
        reverse("events:series-create"),
        series_form(first_date=first.isoformat(), last_date=last.isoformat()),
    )

    assert Meeting.objects.count() == (weeks if saved else 0)


def test_a_series_that_grew_over_time_can_still_be_changed(organiser):
    series = make_series(
        frequency="weekly", first_date=timezone.localdate() - dt.timedelta(weeks=60), last_date=None
    )
    sync_series(series, by=organiser)
    count = series.meetings.count()

    response = english(organiser).post(
        reverse("events:series-detail", kwargs={"series_pk": series.pk}),
        series_form(title="Nieuwe naam", first_date=series.first_date.isoformat()),
    )

    series.refresh_from_db()
    assert response.status_code == 302
    assert series.title == "Nieuwe naam"
    assert count > SERIES_MAX_NEW_DATES
    assert series.meetings.count() == count


def test_the_series_form_shows_its_dates_in_dutch_as_the_date_picker_reads_them(
    client_for, organiser
):
    series = make_series()

    page = (
        client_for(organiser)
        .get(reverse("events:series-detail", kwargs={"series_pk": series.pk}))
        .content.decode()
    )

    assert 'name="first_date" value="2030-01-10"' in page
    assert 'name="last_date" value="2030-06-30"' in page


def test_meeting_form_refuses_zero_places(organiser):
    response = english(organiser).post(
        reverse("events:meeting-create"),
        {
            "title": "Nieuwe sessie",
            "starts_at": "2030-05-01T14:00",
            "ends_at": "2030-05-01T16:00",
            "status": "draft",
            "capacity": "0",
        },
    )

    html = response.content.decode()
    assert "Fill in 1 or more places, or leave it empty for no limit." in html
    assert re.search(r'<input type="number" name="capacity" value="0" min="1"', html)
    assert not Meeting.objects.exists()


def year_message():
    last = timezone.localdate().year + YEARS_AHEAD
    return f"Check the year. Choose a date from 2000 to {last}."


@pytest.mark.parametrize(
    ("starts_at", "ends_at"),
    [("0001-01-01T00:00", "0001-01-01T02:00"), ("9999-12-31T22:00", "9999-12-31T23:00")],
)
def test_meeting_form_refuses_a_year_far_away_and_keeps_input(organiser, starts_at, ends_at):
    response = english(organiser).post(
        reverse("events:meeting-create"),
        {"title": "Oud", "starts_at": starts_at, "ends_at": ends_at, "status": "draft"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert year_message() in html
    assert 'value="Oud"' in html
    assert not Meeting.objects.exists()


def test_changing_a_meeting_to_a_year_far_away_keeps_the_saved_meeting(organiser):
    meeting = MeetingFactory()
    starts_at = meeting.starts_at

    response = english(organiser).post(
        reverse("events:meeting-edit", kwargs={"pk": meeting.pk}),
        meeting_form(meeting, starts_at="0001-01-01T00:00"),
    )

    meeting.refresh_from_db()
    assert year_message() in response.content.decode()
    assert meeting.starts_at == starts_at


@pytest.mark.parametrize(
    "fields",
    [
        {"first_date": "9999-06-01"},
        {"first_date": "9999-12-31", "last_date": "9999-12-31", "start_time": "23:00"},
    ],
)
def test_series_form_refuses_a_year_far_away_and_keeps_input(organiser, fields):
    response = english(organiser).post(
        reverse("events:series-create"), series_form(duration_minutes="120", **fields)
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert year_message() in html
    assert 'value="Reeks"' in html
    assert not MeetingSeries.objects.exists()
    assert not Meeting.objects.exists()


def test_attendance_csv_neutralises_spreadsheet_formulas(client_for, organiser):
    meeting = MeetingFactory()
    RegistrationFactory(
        meeting=meeting, name='=HYPERLINK("https://evil.example","klik")', organisation="@SUM(1+1)"
    )
    RegistrationFactory(meeting=meeting, name="+31 6 1234", organisation="-2+3")
    RegistrationFactory(meeting=meeting, name="\tTab", organisation="\rReturn")
    RegistrationFactory(meeting=meeting, name="Zoë", organisation="Praktijk = goed")

    response = client_for(organiser).get(
        reverse("events:meeting-attendees-csv", kwargs={"pk": meeting.pk})
    )

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    cells = {(row[0], row[3]) for row in rows[1:]}
    assert cells == {
        ("'\tTab", "'\rReturn"),
        ("'+31 6 1234", "'-2+3"),
        ('\'=HYPERLINK("https://evil.example","klik")', "'@SUM(1+1)"),
        ("Zoë", "Praktijk = goed"),
    }


def meeting_form(meeting, **fields):
    """The edit form of `meeting` as the organiser sends it, with `fields` changed."""
    return {
        "title": meeting.title,
        "starts_at": timezone.localtime(meeting.starts_at).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": timezone.localtime(meeting.ends_at).strftime("%Y-%m-%dT%H:%M"),
        "place": meeting.place,
        "status": meeting.status,
        "registration_open": "on",
        **fields,
    }


def test_cancelling_a_meeting_tells_everyone_registered_once_in_their_own_language(organiser):
    meeting = MeetingFactory(title="Werksessie")
    RegistrationFactory(meeting=meeting, email="nl@example.org", language="nl")
    RegistrationFactory(meeting=meeting, email="en@example.org", language="en")
    RegistrationFactory(
        meeting=meeting, email="weg@example.org", status=RegistrationStatus.CANCELLED
    )
    client = english(organiser)
    edit = reverse("events:meeting-edit", kwargs={"pk": meeting.pk})

    cancelled = client.post(
        edit, meeting_form(meeting, status=MeetingStatus.CANCELLED), follow=True
    )
    saved_again = client.post(
        edit, meeting_form(meeting, status=MeetingStatus.CANCELLED, place="Zeist"), follow=True
    )

    assert flashed(cancelled) == [
        "The meeting is saved.",
        "2 people get an e-mail that the meeting does not go ahead.",
    ]
    assert flashed(saved_again) == ["The meeting is saved."]
    messages = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == 2
    assert set(messages) == {"nl@example.org", "en@example.org"}
    assert messages["en@example.org"].subject.endswith("Cancelled: Werksessie")
    assert "Werksessie does not go ahead" in messages["en@example.org"].body
    assert "When:" in messages["en@example.org"].body
    assert "Wanneer:" in messages["nl@example.org"].body
    assert ActivityLog.objects.filter(action="meeting.cancellation_sent").count() == 1


def test_other_changes_to_a_meeting_send_no_cancellation(client_for, organiser):
    meeting = MeetingFactory()
    RegistrationFactory(meeting=meeting)
    edit = reverse("events:meeting-edit", kwargs={"pk": meeting.pk})

    client_for(organiser).post(edit, meeting_form(meeting, place="Zeist"))

    meeting.refresh_from_db()
    assert meeting.place == "Zeist"
    assert mail.outbox == []


def test_cancelling_a_meeting_that_is_over_sends_nothing(client_for, organiser):
    start = timezone.now() - dt.timedelta(days=30)
    meeting = MeetingFactory(starts_at=start, ends_at=start + dt.timedelta(hours=2))
    RegistrationFactory(meeting=meeting)
    edit = reverse("events:meeting-edit", kwargs={"pk": meeting.pk})

    client_for(organiser).post(edit, meeting_form(meeting, status=MeetingStatus.CANCELLED))

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert mail.outbox == []


def test_a_date_left_out_of_a_series_tells_its_people_once(organiser):
    series = make_series()
    sync_series(series, by=organiser)
    left_out = series.meetings.get(starts_at__date=dt.date(2030, 2, 14))
    RegistrationFactory(meeting=left_out, email="en@example.org", language="en")
    RegistrationFactory(meeting=series.meetings.order_by("starts_at").first())

    series.skip_dates = ["2030-02-14"]
    series.save()
    sync_series(series, by=organiser)
    sync_series(series, by=organiser)

    assert [message.to for message in mail.outbox] == [["en@example.org"]]
    assert mail.outbox[0].subject.endswith("Cancelled: Online sessie")


def test_publishing_a_cancelled_meeting_again_tells_the_people_registered_once(organiser):
    meeting = MeetingFactory(title="Werksessie")
    RegistrationFactory(meeting=meeting, email="nl@example.org", language="nl")
    RegistrationFactory(meeting=meeting, email="en@example.org", language="en")
    client = english(organiser)
    edit = reverse("events:meeting-edit", kwargs={"pk": meeting.pk})
    client.post(edit, meeting_form(meeting, status=MeetingStatus.CANCELLED), follow=True)
    mail.outbox.clear()

    back = client.post(edit, meeting_form(meeting, status=MeetingStatus.PUBLISHED), follow=True)
    saved_again = client.post(
        edit, meeting_form(meeting, status=MeetingStatus.PUBLISHED, place="Zeist"), follow=True
    )

    assert flashed(back) == [
        "The meeting is saved.",
        "2 people get an e-mail that the meeting goes ahead after all.",
    ]
    assert flashed(saved_again) == ["The meeting is saved."]
    messages = {message.to[0]: message for message in mail.outbox}
    assert set(messages) == {"nl@example.org", "en@example.org"}
    assert messages["en@example.org"].subject.endswith("It goes ahead after all: Werksessie")
    assert "Werksessie goes ahead after all" in messages["en@example.org"].body
    assert "gaat toch door" in messages["nl@example.org"].body
    assert ActivityLog.objects.filter(action="meeting.reinstatement_sent").count() == 1


def test_a_cancelled_meeting_kept_as_draft_tells_its_people_when_it_is_published(organiser):
    meeting = MeetingFactory()
    RegistrationFactory(meeting=meeting, email="en@example.org", language="en")
    client = english(organiser)
    edit = reverse("events:meeting-edit", kwargs={"pk": meeting.pk})
    client.post(edit, meeting_form(meeting, status=MeetingStatus.CANCELLED))
    client.post(edit, meeting_form(meeting, status=MeetingStatus.DRAFT))
    sent_while_draft = len(mail.outbox)

    client.post(edit, meeting_form(meeting, status=MeetingStatus.PUBLISHED))

    assert sent_while_draft == 1  # only the cancellation
    assert len(mail.outbox) == 2
    assert "after all" in mail.outbox[1].subject


def test_publishing_a_meeting_that_was_never_cancelled_sends_nothing(organiser):
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)
    RegistrationFactory(meeting=meeting)
    edit = reverse("events:meeting-edit", kwargs={"pk": meeting.pk})

    english(organiser).post(edit, meeting_form(meeting, status=MeetingStatus.PUBLISHED))

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PUBLISHED
    assert mail.outbox == []


def test_a_date_brought_back_into_a_series_goes_ahead_again_and_tells_its_people(organiser):
    series = make_series()
    sync_series(series, by=organiser)
    day = series.meetings.get(starts_at__date=dt.date(2030, 2, 14))
    RegistrationFactory(meeting=day, email="en@example.org", language="en")
    series.skip_dates = ["2030-02-14"]
    series.save()
    sync_series(series, by=organiser)

    series.skip_dates = []
    series.save()
    sync_series(series, by=organiser)
    sync_series(series, by=organiser)

    day.refresh_from_db()
    assert (day.status, day.registration_open) == (MeetingStatus.PUBLISHED, True)
    assert [message.subject.split("] ")[1] for message in mail.outbox] == [
        "Cancelled: Online sessie",
        "It goes ahead after all: Online sessie",
    ]
    assert day.registrations.get().status == RegistrationStatus.REGISTERED


def test_a_series_meeting_cancelled_by_hand_stays_cancelled_when_the_series_is_saved(
    organiser,
):
    series = make_series()
    sync_series(series, by=organiser)
    day = series.meetings.get(starts_at__date=dt.date(2030, 2, 14))
    edit = reverse("events:meeting-edit", kwargs={"pk": day.pk})
    english(organiser).post(edit, meeting_form(day, status=MeetingStatus.CANCELLED))

    sync_series(series, by=organiser)

    day.refresh_from_db()
    assert day.status == MeetingStatus.CANCELLED


def test_meeting_ics_keeps_the_place_and_gives_the_video_link_in_the_description(
    client_for, member
):
    meeting = MeetingFactory(
        place="Utrecht",
        online_url="https://video.example.org/geheim",
        description="Neem je vragen mee.",
    )
    RegistrationFactory(meeting=meeting, user=member, email=member.email)

    response = client_for(member).get(reverse("events:meeting-ics", kwargs={"pk": meeting.pk}))

    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "Utrecht"
    assert str(event["DESCRIPTION"]) == (
        "Online: https://video.example.org/geheim\n\nNeem je vragen mee."
    )
    assert str(event["URL"]).endswith(meeting.get_absolute_url())


def test_attendance_page_and_csv_say_the_same_in_the_member_column(client_for, organiser, member):
    meeting = MeetingFactory()
    RegistrationFactory(meeting=meeting, name="Anna Gast")
    RegistrationFactory(meeting=meeting, name="Bob Lid", user=member, email=member.email)
    client = client_for(organiser)

    page = client.get(reverse("events:meeting-attendees", kwargs={"pk": meeting.pk}))
    export = client.get(reverse("events:meeting-attendees-csv", kwargs={"pk": meeting.pk}))

    html = page.content.decode()
    on_page = re.findall(r"<td>(ja|nee|gast)</td>", html)
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert on_page == [row[4] for row in rows[1:]] == ["nee", "ja"]


def test_an_empty_attendance_list_says_so_and_the_title_names_the_meeting(client_for, organiser):
    meeting = MeetingFactory(title="Intervisie in Utrecht")

    html = (
        client_for(organiser)
        .get(reverse("events:meeting-attendees", kwargs={"pk": meeting.pk}))
        .content.decode()
    )

    assert "<title>Lijst van deelnemers · Intervisie in Utrecht" in html
    assert "Nog niemand heeft zich aangemeld." in html
    assert "<table" not in html


def test_the_series_form_says_the_interval_counts_weeks_or_months(organiser):
    page = english(organiser).get(reverse("events:series-create")).content.decode()

    assert "Every how many weeks or months" in page


def test_the_meetings_page_counts_the_later_dates_of_a_series_in_datums(client, organiser):
    series = make_series()
    sync_series(series, by=organiser)

    page = client.get(reverse("events:meeting-list")).content.decode()

    assert "Nog 5 datums in deze reeks" in page


def test_the_models_refuse_a_year_far_away_too_for_the_admin():
    far = timezone.make_aware(dt.datetime(9999, 6, 1, 10, 0))
    meeting = MeetingFactory.build(starts_at=far, ends_at=far)
    series = MeetingSeries(first_date=dt.date(1, 1, 1))

    with pytest.raises(ValidationError) as meeting_error:
        meeting.full_clean()
    with pytest.raises(ValidationError) as series_error:
        series.full_clean()

    assert {"starts_at", "ends_at"} <= set(meeting_error.value.message_dict)
    assert "first_date" in series_error.value.message_dict
