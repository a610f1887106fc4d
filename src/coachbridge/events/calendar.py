"""iCalendar files: one meeting, or a member's personal feed."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from coachbridge.events.enums import MeetingStatus
from coachbridge.events.models import Meeting


def meetings_to_ical(meetings: Iterable[Meeting], *, name: str, online_links: bool = True) -> bytes:
    """``online_links``: whether the reader may see the meetings' video links."""
    calendar = Calendar()
    calendar.add("prodid", "-//coachbridge//Leernetwerk Coaching//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        calendar.add_component(_event(meeting, online_link=online_links))
    return calendar.to_ical()


def _event(meeting: Meeting, *, online_link: bool) -> Event:
    event = Event()
    host = settings.SITE_URL.split("://", 1)[-1]
    event.add("uid", f"meeting-{meeting.pk}@{host}")
    event.add("summary", meeting.title)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("dtstamp", timezone.now())
    event.add("url", f"{settings.SITE_URL}{meeting.get_absolute_url()}")
    online_url = meeting.online_url if online_link else ""
    if meeting.place or online_url:
        event.add("location", meeting.place or online_url)
    description = _description(meeting, online_url)
    if description:
        event.add("description", description)
    if meeting.status == MeetingStatus.CANCELLED:
        event.add("status", "CANCELLED")
    return event


def _description(meeting: Meeting, online_url: str) -> str:
    """The video link first: with a place in LOCATION, the description is where every
    calendar shows it (the URL property is the meeting's page, and many calendars hide it)."""
    online = _("Online") + ": " + online_url if online_url else ""
    return "\n\n".join(part for part in (online, meeting.description) if part)
