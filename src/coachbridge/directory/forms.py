"""The directory's filters and the help-finder's question."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coachbridge.accounts.enums import Region, SpokenLanguage
from coachbridge.accounts.forms import MemberFilterForm
from coachbridge.directory.services import QUESTION_MAX

REGIONS = [("", _("All regions")), *[c for c in Region.choices if c[0] != Region.ONLINE]]
LOWER_RATE_LABEL = _("Only coaches who ask a lower rate from people with little money")
LANGUAGES = [("", _("Any language")), *[c for c in SpokenLanguage.choices if c[0] != "other"]]


class DirectoryFilterForm(MemberFilterForm):
    """The members' filters without roles (all are coaches), with their languages."""

    role = None
    region = forms.ChoiceField(
        label=_("Region"),
        required=False,
        choices=REGIONS,
        help_text=_("You always see the coaches who work online too."),
    )
    language = forms.ChoiceField(label=_("Language"), required=False, choices=LANGUAGES)
    lower_rate = forms.BooleanField(label=LOWER_RATE_LABEL, required=False)


class HelpForm(forms.Form):
    question = forms.CharField(
        label=_("What would you like help with?"),
        max_length=QUESTION_MAX,
        help_text=_(
            "Write it in your own words, in Dutch or English. For example: I am stuck in my "
            "work and sleep badly. We do not save what you write."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write in a few words what you would like help with.")},
    )
    region = forms.ChoiceField(
        label=_("Where do you live?"),
        required=False,
        choices=REGIONS,
        help_text=_("You always see the coaches who work online too."),
    )
    language = forms.ChoiceField(
        label=_("In which language do you want to talk?"), required=False, choices=LANGUAGES
    )
    lower_rate = forms.BooleanField(label=LOWER_RATE_LABEL, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # no maxlength in the page: a longer paste is not cut silently, the message says so
        self.fields["question"].widget.attrs.pop("maxlength", None)
