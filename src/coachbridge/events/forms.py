from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coachbridge.accounts.enums import RoleCode
from coachbridge.events.models import Meeting, MeetingSeries, Registration
from coachbridge.events.services.meetings import SERIES_MAX_NEW_DATES, too_many_new_dates
from coachbridge.events.validators import validate_meeting_date

# The browser's date pickers take ISO dates only: a date in the Dutch format stays empty.
DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def hint_range(field: forms.Field, low: int, high: int | None = None) -> None:
    """The range the browser's number input allows. The model's validators check it on the
    server with their own messages (a form field's min_value would answer first, in general
    words)."""
    field.widget.attrs["min"] = low
    if high is not None:
        field.widget.attrs["max"] = high


class MeetingForm(forms.ModelForm):
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")

    class Meta:
        model = Meeting
        fields = [
            "title",
            "starts_at",
            "ends_at",
            "place",
            "online_url",
            "description",
            "capacity",
            "status",
            "registration_open",
        ]
        widgets = {"starts_at": DATETIME_WIDGET, "ends_at": DATETIME_WIDGET}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        hint_range(self.fields["capacity"], 1)
        # the model checks the dates too (for the admin), but only after clean(), which
        # already computes with them
        for name in ("starts_at", "ends_at"):
            self.fields[name].validators.append(validate_meeting_date)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The end must be after the start."))
        return data


class GuestRegistrationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=Registration._meta.get_field("email").max_length,
    )
    role = forms.ChoiceField(label=_("Your role"), choices=RoleCode.choices)
    organisation = forms.CharField(label=_("Organisation"), max_length=150, required=False)


class SeriesForm(forms.ModelForm):
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    skip_dates_text = forms.CharField(
        label=_("Dates left out"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One date per line, like 2026-12-24."),
    )

    class Meta:
        model = MeetingSeries
        fields = [
            "title",
            "frequency",
            "interval",
            "first_date",
            "last_date",
            "start_time",
            "duration_minutes",
            "place",
            "online_url",
            "description",
            "capacity",
        ]
        labels = {"interval": _("Every how many weeks or months")}
        help_texts = {
            "first_date": _(
                "Every month on the same weekday: this date sets the weekday and the week. The "
                "second Thursday stays the second Thursday; a date in the fifth week means the "
                "last one of every month."
            )
        }
        widgets = {
            "first_date": DATE_WIDGET,
            "last_date": DATE_WIDGET,
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["skip_dates_text"].initial = "\n".join(self.instance.skip_dates)
        for name in ("interval", "duration_minutes", "capacity"):
            hint_range(self.fields[name], 1)
        for name in ("first_date", "last_date"):
            self.fields[name].validators.append(validate_meeting_date)

    def clean_skip_dates_text(self) -> list[str]:
        dates = []
        for number, line in enumerate(self.cleaned_data["skip_dates_text"].splitlines(), 1):
            if not line.strip():
                continue
            try:
                dates.append(dt.date.fromisoformat(line.strip()).isoformat())
            except ValueError as error:
                raise ValidationError(
                    _("Line %(number)d is not a date. Write it like 2026-12-24."),
                    params={"number": number},
                ) from error
        return sorted(set(dates))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        first, last = data.get("first_date"), data.get("last_date")
        if first and last and last < first:
            self.add_error("last_date", _("The last date must be on or after the first date."))
        elif data.get("frequency") and first and too_many_new_dates(self._planned(data)):
            self.add_error(
                None,
                _(
                    "This series would add more than %(max)d meetings at once. Choose a last "
                    "date closer to the first date, or repeat less often (for example every 2 "
                    "weeks)."
                )
                % {"max": SERIES_MAX_NEW_DATES},
            )
        return data

    def _planned(self, data: dict[str, Any]) -> MeetingSeries:
        """The series as it would be saved, to count its dates before it is."""
        return MeetingSeries(
            pk=self.instance.pk,
            frequency=data["frequency"],
            interval=data.get("interval"),
            first_date=data["first_date"],
            last_date=data.get("last_date"),
            skip_dates=data.get("skip_dates_text") or [],
        )

    def save(self, commit: bool = True) -> MeetingSeries:
        self.instance.skip_dates = self.cleaned_data["skip_dates_text"]
        return super().save(commit=commit)
