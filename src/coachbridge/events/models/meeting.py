"""Meetings of the network, recurring series, registrations and calendar feeds."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coachbridge.accounts.enums import RoleCode
from coachbridge.events.enums import Frequency, MeetingStatus, RegistrationStatus
from coachbridge.events.validators import validate_meeting_date


def new_token() -> str:
    """An unguessable token for links that work without an account."""
    return secrets.token_urlsafe(24)


AT_LEAST_ONE_PLACE = MinValueValidator(
    1, _("Fill in 1 or more places, or leave it empty for no limit.")
)


class MeetingSeries(models.Model):
    """A recurring meeting, e.g. every second Thursday of the month, with dates left out."""

    title = models.CharField(_("title"), max_length=150)
    frequency = models.CharField(_("repeats"), max_length=20, choices=Frequency.choices)
    interval = models.PositiveSmallIntegerField(
        _("every how many"),
        default=1,
        validators=[
            MinValueValidator(
                1, _("Fill in 1 or more: 1 is every week or month, 2 is every other one.")
            )
        ],
    )
    first_date = models.DateField(_("first date"), validators=[validate_meeting_date])
    last_date = models.DateField(
        _("last date"), null=True, blank=True, validators=[validate_meeting_date]
    )
    start_time = models.TimeField(_("start time"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("length in minutes"),
        default=120,
        validators=[MinValueValidator(1, _("A meeting lasts at least 1 minute."))],
    )
    skip_dates = models.JSONField(_("dates left out"), default=list, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    description = models.TextField(_("description"), blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, validators=[AT_LEAST_ONE_PLACE]
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["first_date"]
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")

    def __str__(self) -> str:
        return self.title


class Meeting(models.Model):
    title = models.CharField(_("title"), max_length=150)
    starts_at = models.DateTimeField(_("starts at"), validators=[validate_meeting_date])
    ends_at = models.DateTimeField(_("ends at"), validators=[validate_meeting_date])
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    description = models.TextField(_("description"), blank=True)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit."),
        validators=[AT_LEAST_ONE_PLACE],
    )
    status = models.CharField(
        _("status"), max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.DRAFT
    )
    registration_open = models.BooleanField(_("registration open"), default=False)
    series = models.ForeignKey(
        MeetingSeries, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # Set when the people registered were told the meeting does not go ahead: publishing it
    # again then tells them it does after all.
    cancellation_sent_at = models.DateTimeField(null=True, blank=True)
    # Cancelled by its series (the date was left out), so bringing the date back restores it;
    # a meeting cancelled by hand stays cancelled.
    left_out_of_series = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:meeting-detail", kwargs={"pk": self.pk})


class Registration(models.Model):
    """A place at a meeting, for a member or for a guest without an account."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=RoleCode.choices)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.REGISTERED,
    )
    language = models.CharField(_("language"), max_length=5, default="nl")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    # The QR code on a printed route card: it opens only the organisers' check-in, so a lost
    # card cannot open the personal link (which cancels and writes insights as this person).
    card_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_registration_per_member"),
            models.UniqueConstraint(fields=["meeting", "email"], name="one_registration_per_email"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.meeting})"

    @property
    def is_guest(self) -> bool:
        return self.user_id is None


class CalendarFeed(models.Model):
    """A member's personal iCal feed; a new token revokes the old link."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)
