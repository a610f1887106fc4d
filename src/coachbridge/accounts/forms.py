from __future__ import annotations

from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coachbridge.accounts.enums import Region, RoleCode, SpokenLanguage
from coachbridge.accounts.models import Profile, Role
from coachbridge.accounts.validators import validate_linkedin, validate_photo
from coachbridge.common.fields import IntPkMultipleChoiceField
from coachbridge.common.models import Theme

WEB_ADDRESS_ERROR = _("Fill in a full web address, for example https://www.example.org.")


class SignupForm(AllauthSignupForm):
    display_name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        help_text=_("Other members see this name."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    field_order = ["display_name", "email", "password1", "password2"]


class ProfileForm(forms.ModelForm):
    roles = IntPkMultipleChoiceField(
        label=_("Your roles"),
        queryset=Role.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Choose one or more."),
    )
    themes = IntPkMultipleChoiceField(
        label=_("Themes you are interested in"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=SpokenLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": WEB_ADDRESS_ERROR},
    )
    linkedin = forms.URLField(
        label=_("LinkedIn page"),
        required=False,
        assume_scheme="https",
        validators=[validate_linkedin],
        error_messages={"invalid": WEB_ADDRESS_ERROR},
    )
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("No region chosen")), *Region.choices]
    )
    photo = forms.ImageField(
        label=_("Photo"),
        required=False,
        validators=[validate_photo],
        help_text=_("Optional. A JPEG, PNG or WebP file of at most 2 MB."),
        widget=forms.ClearableFileInput,
    )

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "roles",
            "organisation",
            "themes",
            "expertise",
            "languages",
            "region",
            "lower_rate",
            "bio",
            "website",
            "linkedin",
            "photo",
            "visibility",
        ]
        widgets = {"visibility": forms.RadioSelect, "bio": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["roles"].label_from_instance = lambda role: role.get_code_display()
        self.fields["themes"].label_from_instance = lambda theme: theme.name

    def clean_display_name(self) -> str:
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise ValidationError(_("Fill in your name."))
        return name


class MemberFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Name, organisation or expertise."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("All roles")), *RoleCode.choices]
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"), required=False, queryset=Theme.objects.all(), empty_label=_("All themes")
    )
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions")), *Region.choices]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].label_from_instance = lambda theme: theme.name


class DeleteAccountForm(forms.Form):
    confirm_email = forms.CharField(
        label=_("Type your e-mail address to confirm"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    remove_contributions = forms.BooleanField(
        label=_("Also remove what I wrote in public"),
        required=False,
        help_text=_(
            'If you leave this off, your public texts stay, with the name "former member".'
        ),
    )
