"""Who may open the URLs of meetings, registrations and calendars."""

from coachbridge.events.enums import MeetingStatus
from coachbridge.events.models import CalendarFeed, MeetingSeries
from tests.access_rules import MEMBERS, ORGANISERS, PUBLIC, post_only, with_kwargs
from tests.factories.events import MeetingFactory, RegistrationFactory


def build(world):
    world.meeting = MeetingFactory(title="Open bijeenkomst")
    world.draft_meeting = MeetingFactory(title="Concept", status=MeetingStatus.DRAFT)
    world.guest = RegistrationFactory(meeting=world.meeting, name="Gast Persoon")
    world.series = MeetingSeries.objects.create(
        title="Reeks", frequency="weekly", first_date="2030-01-03", start_time="16:00"
    )
    world.feed = CalendarFeed.objects.create(user=world.member)


def meeting(world):
    return {"pk": world.meeting.pk}


def draft(world):
    return {"pk": world.draft_meeting.pk}


ACCESS = {
    "events:meeting-list": PUBLIC,
    "events:meeting-detail": with_kwargs(PUBLIC, meeting),
    "events:meeting-ics": with_kwargs(PUBLIC, meeting),
    # A draft is not revealed to anyone but organisers.
    "events:meeting-edit": with_kwargs(ORGANISERS, draft),
    "events:meeting-register": with_kwargs(post_only(MEMBERS), meeting),
    "events:meeting-unregister": with_kwargs(post_only(MEMBERS), meeting),
    # Members are sent back to the meeting: they register with one click.
    "events:meeting-register-guest": with_kwargs(
        PUBLIC, meeting, special=(("member", 302), ("organiser", 302), ("staff", 302))
    ),
    "events:meeting-attendees": with_kwargs(ORGANISERS, meeting),
    "events:meeting-attendees-csv": with_kwargs(ORGANISERS, meeting),
    "events:meeting-remind": with_kwargs(post_only(ORGANISERS), meeting),
    "events:meeting-create": ORGANISERS,
    "events:series-create": ORGANISERS,
    "events:series-detail": with_kwargs(ORGANISERS, lambda world: {"series_pk": world.series.pk}),
    "events:calendar-settings": MEMBERS,
    # Personal links: anyone holding the token; the token is the secret.
    "events:guest-registration": with_kwargs(PUBLIC, lambda world: {"token": world.guest.token}),
    "events:calendar-feed": with_kwargs(PUBLIC, lambda world: {"token": world.feed.token}),
}
