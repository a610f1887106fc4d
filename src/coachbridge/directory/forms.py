"""The directory's filters and the help-finder's question."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coachbridge.accounts.enums import Region, SpokenLanguage
from coachbridge.common.models import Theme
from coachbridge.directory.services import QUESTION_MAX

REGIONS = [("", _("All regions")), *[c for c in Region.choices if c[0] != Region.ONLINE]]
LANGUAGES = [("", _("Any language")), *[c for c in SpokenLanguage.choices if c[0] != "other"]]


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Name, organisation or expertise."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"), required=False, queryset=Theme.objects.all(), empty_label=_("All themes")
    )
    region = forms.ChoiceField(
        label=_("Region"),
        required=False,
        choices=REGIONS,
        help_text=_("Coaches who work online are always shown."),
    )
    language = forms.ChoiceField(label=_("Language"), required=False, choices=LANGUAGES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].label_from_instance = lambda theme: theme.name  # type: ignore[attr-defined]


class HelpForm(forms.Form):
    question = forms.CharField(
        label=_("What would you like help with?"),
        max_length=QUESTION_MAX,
        help_text=_(
            "Write it in your own words, in Dutch or English. For example: I am stuck in my "
            "work and sleep badly. We do not save what you write."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    region = forms.ChoiceField(
        label=_("Where do you live?"),
        required=False,
        choices=REGIONS,
        help_text=_("Coaches who work online are always shown."),
    )
    language = forms.ChoiceField(
        label=_("In which language do you want to talk?"), required=False, choices=LANGUAGES
    )
