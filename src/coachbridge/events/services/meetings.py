"""Meetings: registration of members and guests, reminders, attendance, recurring series."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dateutil import rrule
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coachbridge.accounts.models import User
from coachbridge.common.activity import log_action
from coachbridge.common.emails import queue_email
from coachbridge.events.enums import Frequency, MeetingStatus, RegistrationStatus
from coachbridge.events.models import Meeting, MeetingSeries, Registration

SERIES_HORIZON_DAYS = 366


class MeetingError(Exception):
    """A meeting action that cannot be done; the message says why."""


def upcoming_meetings(*, drafts: bool = False) -> QuerySet[Meeting]:
    """Meetings that have not ended and are not cancelled, the first first; drafts only for
    the organisers who ask for them."""
    meetings = Meeting.objects.filter(ends_at__gte=timezone.now()).exclude(
        status=MeetingStatus.CANCELLED
    )
    return meetings if drafts else meetings.filter(status=MeetingStatus.PUBLISHED)


def meetings_of(user: User) -> QuerySet[Meeting]:
    """The coming meetings ``user`` registered for (and did not cancel), the first first."""
    return upcoming_meetings().filter(
        registrations__user=user, registrations__status=RegistrationStatus.REGISTERED
    )


@dataclass(frozen=True)
class Upcoming:
    """A coming meeting, and for a meeting of a series the series' later meetings."""

    meeting: Meeting
    later: list[Meeting] = field(default_factory=list)


def by_series(meetings: Iterable[Meeting]) -> list[Upcoming]:
    """``meetings`` (in date order) with each series at its first meeting: a monthly session
    would otherwise fill a list with the same title."""
    found: list[Upcoming] = []
    first_of: dict[int, Upcoming] = {}
    for meeting in meetings:
        if meeting.series_id in first_of:
            first_of[meeting.series_id].later.append(meeting)
            continue
        upcoming = Upcoming(meeting)
        if meeting.series_id is not None:
            first_of[meeting.series_id] = upcoming
        found.append(upcoming)
    return found


def next_meetings(count: int) -> list[Meeting]:
    """The first ``count`` coming meetings, a series by its next meeting only. Reads meetings
    in date order until it has them, however many meetings a weekly series has in between."""
    found: list[Meeting] = []
    series_seen: set[int] = set()
    for meeting in upcoming_meetings().iterator(chunk_size=50):
        if meeting.series_id is not None:
            if meeting.series_id in series_seen:
                continue
            series_seen.add(meeting.series_id)
        found.append(meeting)
        if len(found) == count:
            break
    return found


def active_registrations(meeting: Meeting):
    return meeting.registrations.filter(status=RegistrationStatus.REGISTERED)


def seats_left(meeting: Meeting) -> int | None:
    if meeting.capacity is None:
        return None
    return max(0, meeting.capacity - active_registrations(meeting).count())


def _check_open(meeting: Meeting) -> None:
    if meeting.status != MeetingStatus.PUBLISHED or not meeting.registration_open:
        raise MeetingError(_("Registration for this meeting is closed."))
    if meeting.ends_at < timezone.now():
        raise MeetingError(_("This meeting is over."))
    if seats_left(meeting) == 0:
        raise MeetingError(_("This meeting is full."))


def register_member(meeting: Meeting, *, user: User) -> Registration:
    """One click: the member's name, first role and organisation come from the profile."""
    profile = getattr(user, "profile", None)
    existing = meeting.registrations.filter(user=user).first()
    if existing and existing.status == RegistrationStatus.REGISTERED:
        return existing
    _check_open(meeting)
    role = profile.roles.order_by("id").first() if profile else None
    fields = {
        "name": profile.display_name if profile else user.email,
        "email": user.email,
        "role": role.code if role else "other",
        "organisation": profile.organisation if profile else "",
        "language": user.language,
        "status": RegistrationStatus.REGISTERED,
    }
    with transaction.atomic():
        if existing:
            for field, value in fields.items():
                setattr(existing, field, value)
            existing.save()
            registration = existing
        else:
            registration = _create_registration(meeting, user=user, **fields)
        log_action("meeting.registered", actor=user, obj=registration)
    return registration


def register_guest(
    meeting: Meeting, *, name: str, email: str, role: str, organisation: str, language: str
) -> Registration:
    """A guest without an account; they get a personal link by e-mail."""
    _check_open(meeting)
    with transaction.atomic():
        registration = _create_registration(
            meeting,
            user=None,
            name=name.strip(),
            email=email.strip().lower(),
            role=role,
            organisation=organisation.strip(),
            language=language,
        )
        log_action("meeting.guest_registered", obj=registration)
    send_registration_email(registration)
    return registration


def _create_registration(meeting: Meeting, **fields: Any) -> Registration:
    try:
        with transaction.atomic():
            return Registration.objects.create(meeting=meeting, **fields)
    except IntegrityError as error:
        raise MeetingError(
            _("This e-mail address is already registered for this meeting.")
        ) from error


def cancel_registration(registration: Registration, *, by: User | None) -> None:
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status"])
    log_action("meeting.registration_cancelled", actor=by, obj=registration)


def registration_link(registration: Registration) -> str:
    path = reverse("events:guest-registration", kwargs={"token": registration.token})
    return f"{settings.SITE_URL}{path}"


def _send(registration: Registration, template: str, context: dict[str, Any]) -> None:
    """Render an e-mail in the recipient's language and queue it."""
    with translation.override(registration.language):
        context = {
            **context,
            "registration": registration,
            "meeting": registration.meeting,
            "link": registration_link(registration),
            "SITE_NAME": settings.SITE_NAME,
        }
        subject = render_to_string(f"events/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"events/email/{template}_message.txt", context)
    queue_email(
        EmailMultiAlternatives(
            subject=f"[{settings.SITE_NAME}] {subject}", body=body, to=[registration.email]
        )
    )


def send_registration_email(registration: Registration) -> None:
    _send(registration, "registered", {})


def send_reminders(meeting: Meeting, *, by: User) -> int:
    """Remind everyone who is registered; returns how many e-mails were queued."""
    registrations = list(active_registrations(meeting))
    for registration in registrations:
        _send(registration, "reminder", {})
    meeting.reminder_sent_at = timezone.now()
    meeting.save(update_fields=["reminder_sent_at"])
    log_action("meeting.reminders_sent", actor=by, obj=meeting, count=len(registrations))
    return len(registrations)


ATTENDANCE_COLUMNS = ["name", "email", "role", "organisation", "member", "status", "checked_in"]


def attendance_rows(meeting: Meeting) -> list[dict[str, str]]:
    return [
        {
            "name": registration.name,
            "email": registration.email,
            "role": str(registration.get_role_display()),
            "organisation": registration.organisation,
            "member": _("yes") if registration.user_id else _("no"),
            "status": str(registration.get_status_display()),
            "checked_in": timezone.localtime(registration.checked_in_at).strftime("%H:%M")
            if registration.checked_in_at
            else "",
        }
        for registration in meeting.registrations.order_by("name", "pk")
    ]


# --- Recurring series ----------------------------------------------------------------------


def series_dates(series: MeetingSeries, *, today: dt.date | None = None) -> list[dt.date]:
    """The dates of a series: its rule, minus the dates left out, up to a year ahead."""
    today = today or timezone.localdate()
    until = series.last_date or max(series.first_date, today) + dt.timedelta(SERIES_HORIZON_DAYS)
    start = dt.datetime.combine(series.first_date, dt.time())
    if series.frequency == Frequency.WEEKLY:
        rule = rrule.rrule(
            rrule.WEEKLY, interval=series.interval, dtstart=start, until=_end_of(until)
        )
    else:
        # The same weekday as the first date, and the same week of the month (e.g. 2nd Thursday).
        week_of_month = (series.first_date.day - 1) // 7 + 1
        weekday = rrule.weekdays[series.first_date.weekday()](week_of_month)
        rule = rrule.rrule(
            rrule.MONTHLY,
            interval=series.interval,
            byweekday=weekday,
            dtstart=start,
            until=_end_of(until),
        )
    skipped = {dt.date.fromisoformat(day) for day in series.skip_dates}
    return [moment.date() for moment in rule if moment.date() not in skipped]


def _end_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59))


def sync_series(series: MeetingSeries, *, by: User) -> list[Meeting]:
    """Create the series' meetings that are missing; cancel those on dates now left out.

    Meetings that already exist keep their registrations and any changes made by hand.
    """
    wanted = set(series_dates(series))
    existing = {timezone.localtime(m.starts_at).date(): m for m in series.meetings.all()}
    zone = timezone.get_current_timezone()
    created = []
    with transaction.atomic():
        for day in sorted(wanted - set(existing)):
            starts_at = dt.datetime.combine(day, series.start_time, tzinfo=zone)
            created.append(
                Meeting.objects.create(
                    series=series,
                    title=series.title,
                    starts_at=starts_at,
                    ends_at=starts_at + dt.timedelta(minutes=series.duration_minutes),
                    place=series.place,
                    online_url=series.online_url,
                    description=series.description,
                    capacity=series.capacity,
                    status=MeetingStatus.PUBLISHED,
                    registration_open=True,
                    organiser=by,
                )
            )
        for day, meeting in existing.items():
            if day not in wanted and meeting.status != MeetingStatus.CANCELLED:
                meeting.status = MeetingStatus.CANCELLED
                meeting.registration_open = False
                meeting.save(update_fields=["status", "registration_open"])
        log_action("series.synced", actor=by, obj=series, created=len(created))
    return created
