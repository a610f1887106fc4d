from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coachbridge.accounts.enums import RoleCode
from coachbridge.events.models import Meeting, MeetingSeries

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


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

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The end must be after the start."))
        return data


class GuestRegistrationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(label=_("Your e-mail address"))
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
        widgets = {
            "first_date": forms.DateInput(attrs={"type": "date"}),
            "last_date": forms.DateInput(attrs={"type": "date"}),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["skip_dates_text"].initial = "\n".join(self.instance.skip_dates)

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
        return data

    def save(self, commit: bool = True) -> MeetingSeries:
        self.instance.skip_dates = self.cleaned_data["skip_dates_text"]
        return super().save(commit=commit)
