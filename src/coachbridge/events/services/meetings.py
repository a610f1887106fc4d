"""Meetings: registration of members and guests, reminders, attendance, recurring series."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
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
from coachbridge.common.ratelimit import over_limit
from coachbridge.events.enums import Frequency, MeetingStatus, RegistrationStatus
from coachbridge.events.models import Meeting, MeetingSeries, Registration
from coachbridge.events.models.meeting import new_token

LINK_EMAILS_PER_HOUR = 3
SERIES_HORIZON_DAYS = 366
# One save of a series adds at most this many meetings: weekly for a year fits.
SERIES_MAX_NEW_DATES = 60


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
    """One click: the member's name, first role and organisation come from the profile. A guest
    registration with the member's address becomes theirs."""
    profile = getattr(user, "profile", None)
    existing = meeting.registrations.filter(user=user).first() or _guest_with_address(
        meeting, user.email
    )
    if (
        existing
        and existing.user_id == user.pk
        and existing.status == RegistrationStatus.REGISTERED
    ):
        return existing
    if existing is None or existing.status != RegistrationStatus.REGISTERED:
        _check_open(meeting)  # a guest registration taken over keeps its place
    role = profile.roles.order_by("id").first() if profile else None
    fields = {
        "user": user,
        "name": profile.display_name if profile else user.email,
        "email": user.email,
        "role": role.code if role else "other",
        "organisation": profile.organisation if profile else "",
        "language": user.language,
        "status": RegistrationStatus.REGISTERED,
    }
    with transaction.atomic():
        if existing:
            taken_over = existing.is_guest
            if taken_over:
                # Whoever typed this address in the guest form may hold the old link.
                existing.token = new_token()
            for field, value in fields.items():
                setattr(existing, field, value)
            existing.save()
            registration = existing
        else:
            taken_over = False
            registration = _create_registration(meeting, **fields)
        log_action("meeting.registered", actor=user, obj=registration, took_over_guest=taken_over)
    return registration


def _guest_with_address(meeting: Meeting, email: str) -> Registration | None:
    return meeting.registrations.filter(user=None, email__iexact=email).first()


def register_guest(
    meeting: Meeting, *, name: str, email: str, role: str, organisation: str, language: str
) -> Registration:
    """A guest without an account; the personal link goes by e-mail only.

    The answer is the same whether or not the address is registered already, so the form tells
    nobody who comes: a known address gets its own link again, and a guest who cancelled is
    registered again.
    """
    _check_open(meeting)
    email = email.strip().lower()
    existing = meeting.registrations.filter(email__iexact=email).first()
    if existing is not None and not (
        existing.is_guest and existing.status == RegistrationStatus.CANCELLED
    ):
        _send_link_again(existing)
        return existing
    fields = {
        "name": name.strip(),
        "email": email,
        "role": role,
        "organisation": organisation.strip(),
        "language": language,
    }
    with transaction.atomic():
        if existing is None:
            registration = _create_registration(meeting, user=None, **fields)
        else:
            registration = _reopen(existing, **fields)
        log_action("meeting.guest_registered", obj=registration, reopened=existing is not None)
    send_registration_email(registration)
    return registration


def _reopen(registration: Registration, **fields: Any) -> Registration:
    for name, value in fields.items():
        setattr(registration, name, value)
    registration.status = RegistrationStatus.REGISTERED
    registration.token = new_token()  # the link in the old e-mail stays cancelled
    registration.save()
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


def _send_link_again(registration: Registration) -> None:
    """The personal link once more, to the registration's own address. A few an hour at most,
    so the guest form cannot fill someone's inbox."""
    key = f"registration-link:{registration.pk}"
    if over_limit([(key, LINK_EMAILS_PER_HOUR)], window_seconds=3600):
        return
    meeting_link = f"{settings.SITE_URL}{registration.meeting.get_absolute_url()}"
    _send(registration, "link_again", {"meeting_link": meeting_link})
    log_action("meeting.registration_link_sent", obj=registration)


def send_reminders(meeting: Meeting, *, by: User) -> int:
    """Remind everyone who is registered; returns how many e-mails were queued."""
    registrations = list(active_registrations(meeting))
    for registration in registrations:
        _send(registration, "reminder", {})
    meeting.reminder_sent_at = timezone.now()
    meeting.save(update_fields=["reminder_sent_at"])
    log_action("meeting.reminders_sent", actor=by, obj=meeting, count=len(registrations))
    return len(registrations)


def send_cancellation(meeting: Meeting, *, by: User | None) -> int:
    """Tell everyone who is registered that ``meeting`` does not go ahead; returns how many
    e-mails were queued. Call it once, when the meeting changes to cancelled. A meeting that is
    over already needs no e-mail."""
    if meeting.ends_at < timezone.now():
        return 0
    registrations = list(active_registrations(meeting))
    meetings_link = f"{settings.SITE_URL}{reverse('events:meeting-list')}"
    for registration in registrations:
        _send(registration, "cancelled", {"meetings_link": meetings_link})
    meeting.cancellation_sent_at = timezone.now()
    meeting.save(update_fields=["cancellation_sent_at"])
    log_action("meeting.cancellation_sent", actor=by, obj=meeting, count=len(registrations))
    return len(registrations)


def send_reinstatement(meeting: Meeting, *, by: User | None) -> int:
    """Tell the people registered that ``meeting`` goes ahead after all; returns how many
    e-mails were queued. Only when they were told it was cancelled and it is published again,
    and only once."""
    if meeting.status != MeetingStatus.PUBLISHED or meeting.cancellation_sent_at is None:
        return 0
    meeting.cancellation_sent_at = None
    meeting.save(update_fields=["cancellation_sent_at"])
    if meeting.ends_at < timezone.now():
        return 0
    registrations = list(active_registrations(meeting))
    for registration in registrations:
        _send(registration, "reinstated", {})
    log_action("meeting.reinstatement_sent", actor=by, obj=meeting, count=len(registrations))
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
    return list(_rule_dates(series, today=today))


def _rule_dates(series: MeetingSeries, *, today: dt.date | None = None) -> Iterator[dt.date]:
    today = today or timezone.localdate()
    until = series.last_date or max(series.first_date, today) + dt.timedelta(SERIES_HORIZON_DAYS)
    start = dt.datetime.combine(series.first_date, dt.time())
    # An interval of 0 would make the rule repeat the first date for ever.
    interval = series.interval or 1
    if series.frequency == Frequency.WEEKLY:
        rule = rrule.rrule(rrule.WEEKLY, interval=interval, dtstart=start, until=_end_of(until))
    else:
        # The same weekday as the first date, and the same week of the month (e.g. 2nd Thursday).
        # A 5th weekday exists in only some months, so it means the last one of every month.
        week_of_month = (series.first_date.day - 1) // 7 + 1
        weekday = rrule.weekdays[series.first_date.weekday()](
            -1 if week_of_month == 5 else week_of_month
        )
        rule = rrule.rrule(
            rrule.MONTHLY,
            interval=interval,
            byweekday=weekday,
            dtstart=start,
            until=_end_of(until),
        )
    skipped = {dt.date.fromisoformat(day) for day in series.skip_dates}
    return (moment.date() for moment in rule if moment.date() not in skipped)


def too_many_new_dates(series: MeetingSeries) -> bool:
    """True when saving `series` would add more than SERIES_MAX_NEW_DATES meetings. Stops
    counting there, so a last date far ahead costs no time."""
    existing = _meeting_dates(series) if series.pk else set()
    new = (day for day in _rule_dates(series) if day not in existing)
    return sum(1 for _day in islice(new, SERIES_MAX_NEW_DATES + 1)) > SERIES_MAX_NEW_DATES


def _meeting_dates(series: MeetingSeries) -> set[dt.date]:
    return {
        timezone.localtime(starts_at).date()
        for starts_at in series.meetings.values_list("starts_at", flat=True)
    }


def _end_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59))


def sync_series(series: MeetingSeries, *, by: User) -> list[Meeting]:
    """Create the series' meetings that are missing; cancel those on dates now left out, and
    tell the people registered for them; a left-out date that is back goes ahead again.

    Meetings that already exist keep their registrations and any changes made by hand.
    """
    wanted = set(series_dates(series))
    existing = {timezone.localtime(m.starts_at).date(): m for m in series.meetings.all()}
    zone = timezone.get_current_timezone()
    created = []
    cancelled = []
    restored = []
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
                meeting.left_out_of_series = True
                cancelled.append(meeting)
            elif day in wanted and meeting.left_out_of_series:
                meeting.status = MeetingStatus.PUBLISHED
                meeting.registration_open = True
                meeting.left_out_of_series = False
                restored.append(meeting)
            else:
                continue
            meeting.save(update_fields=["status", "registration_open", "left_out_of_series"])
        log_action(
            "series.synced",
            actor=by,
            obj=series,
            created=len(created),
            cancelled=len(cancelled),
            restored=len(restored),
        )
    for meeting in cancelled:
        send_cancellation(meeting, by=by)
    for meeting in restored:
        send_reinstatement(meeting, by=by)
    return created
