"""Checks of meetings and series: on the models (the admin) and early in the forms."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A fixed first year keeps old meetings editable; the last year moves with today, so a typo
# like 2062 for 2026 is caught. Both keep the date sums far from year 1 and year 9999.
FIRST_YEAR = 2000
YEARS_AHEAD = 10


def validate_meeting_date(value: dt.date) -> None:
    """A meeting's date (or date and time): from FIRST_YEAR to YEARS_AHEAD years from now."""
    last_year = timezone.localdate().year + YEARS_AHEAD
    if not FIRST_YEAR <= value.year <= last_year:
        raise ValidationError(
            _("Check the year. Choose a date from %(first)d to %(last)d."),
            code="year",
            params={"first": FIRST_YEAR, "last": last_year},
        )
