from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, F, IntegerField, When
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from coachbridge.accounts.enums import RoleCode
from coachbridge.common.fields import IntPkMultipleChoiceField
from coachbridge.common.models import Theme
from coachbridge.events.enums import MeetingStatus
from coachbridge.events.models import Meeting
from coachbridge.marketplace.enums import Category, DigestFrequency, PostKind, PostLanguage
from coachbridge.marketplace.models import Post
from coachbridge.marketplace.services.introductions import IntroductionError, check_message
from coachbridge.marketplace.services.posts import find_duplicate
from coachbridge.marketplace.validators import EMPTY_TEXT, EMPTY_TITLE, validate_post_text


def meeting_choices() -> Any:
    """Published meetings: the coming ones first, soonest first; then the past, latest first."""
    now = timezone.now()
    return (
        Meeting.objects.filter(status=MeetingStatus.PUBLISHED)
        .annotate(
            past=Case(When(starts_at__lt=now, then=1), default=0, output_field=IntegerField()),
            coming_at=Case(When(starts_at__gte=now, then=F("starts_at"))),
        )
        .order_by("past", F("coming_at").asc(nulls_last=True), "-starts_at")
    )


def meeting_label(meeting: Meeting) -> str:
    """Meetings of a series share their title: the date tells them apart."""
    day = date_format(timezone.localtime(meeting.starts_at), "j F Y")
    return f"{meeting.title} ({day})"


class ThemeChoiceMixin:
    def _theme_labels(self) -> None:
        self.fields["themes" if "themes" in self.fields else "theme"].label_from_instance = (  # type: ignore[attr-defined]
            lambda theme: theme.name
        )


class PostForm(ThemeChoiceMixin, forms.ModelForm):
    language = forms.ChoiceField(
        label=_("Language of the text"),
        required=False,
        choices=[("", _("Detect it automatically")), *PostLanguage.choices],
        help_text=_("We detect the language when you save. You can change it later."),
    )
    confirm_duplicate = forms.BooleanField(label=_("Yes, I want to post it anyway"), required=False)

    class Meta:
        model = Post
        fields = [
            "kind",
            "title",
            "text",
            "category",
            "themes",
            "language",
            "meeting",
            "ends_on",
            "is_public",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "themes": forms.CheckboxSelectMultiple,
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "text": forms.Textarea(attrs={"rows": 8}),  # no maxlength: a paste is not cut silently
        }
        field_classes = {"themes": IntPkMultipleChoiceField}
        help_texts = {
            "text": _("Plain text. Title and text together at most 5,000 characters."),
            "meeting": _("Link your post to the marketplace of a meeting, if you like."),
            "ends_on": _("After this day the post is no longer shown. Leave empty for no end."),
            "is_public": _("Your name and contact details are never shown to visitors."),
        }

    def __init__(self, *args: Any, author: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.author = author
        self.duplicate: Post | None = None
        self.fields["kind"].choices = PostKind.choices
        self.fields["category"].choices = Category.choices
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["meeting"].queryset = meeting_choices()
        self.fields["meeting"].empty_label = _("No meeting")
        self.fields["meeting"].label_from_instance = meeting_label
        self.fields["title"].error_messages["required"] = EMPTY_TITLE
        self.fields["text"].required = True
        self.fields["text"].error_messages["required"] = EMPTY_TEXT
        self._theme_labels()
        if not self.is_bound or not self.data.get("confirm_duplicate"):
            self.fields["confirm_duplicate"].widget = forms.HiddenInput()

    def clean_ends_on(self) -> Any:
        ends_on = self.cleaned_data.get("ends_on")
        if (
            ends_on
            and ends_on < timezone.localdate()
            and (self.instance.pk is None or ends_on != self.instance.ends_on)
        ):
            raise ValidationError(_("The end date cannot be in the past."))
        return ends_on

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if "title" not in data or "text" not in data:
            return data  # the field says what to fix
        title, text = data["title"], data["text"]
        try:
            validate_post_text(title, text)
        except ValidationError as error:
            self.add_error(None, error)  # keyed by the field to fix
            return data
        if self._words_unchanged(title, text):
            return data  # a duplicate the member already confirmed stays confirmed
        self.duplicate = find_duplicate(self.author, title=title, text=text, exclude=self.instance)
        if self.duplicate is not None and not data.get("confirm_duplicate"):
            self.fields["confirm_duplicate"].widget = forms.CheckboxInput()
            self.add_error(
                "confirm_duplicate",
                _(
                    "You already have a post that is (almost) the same: “%(title)s”. "
                    "Tick the box if you want to post this one too."
                )
                % {"title": self.duplicate.title},
            )
        return data

    def _words_unchanged(self, title: str, text: str) -> bool:
        saved = self.instance
        return bool(saved.pk) and (title.strip(), text) == (saved.title.strip(), saved.text)

    def post_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {name: data.get(name) for name in self.Meta.fields if name != "themes"} | {
            "language": data.get("language") or "",
            "title": data.get("title", "").strip(),
        }


class IntroductionForm(forms.Form):
    from_post = forms.ModelChoiceField(label=_("Your post"), queryset=Post.objects.none())
    message = forms.CharField(
        label=_("A few words to the other person (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Say who you are and why you would like to meet. Do not add contact details."),
    )

    def __init__(self, *args: Any, own_posts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["from_post"].queryset = own_posts
        self.fields["from_post"].empty_label = None

    def clean_message(self) -> str:
        message: str = self.cleaned_data["message"].strip()
        try:
            check_message(message)
        except IntroductionError as error:
            raise ValidationError(str(error)) from error
        return message


class DigestForm(forms.Form):
    frequency = forms.ChoiceField(label=_("E-mail me new matches"), choices=DigestFrequency.choices)


class BrowseForm(ThemeChoiceMixin, forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(
        label=_("Looking for or offering"),
        required=False,
        choices=[("", _("Both")), *PostKind.choices],
    )
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("All categories")), *Category.choices]
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"), required=False, queryset=Theme.objects.all(), empty_label=_("All themes")
    )
    role = forms.ChoiceField(
        label=_("Role of the author"),
        required=False,
        choices=[("", _("All roles")), *RoleCode.choices],
    )
    meeting = forms.ModelChoiceField(
        label=_("Meeting"),
        required=False,
        queryset=Meeting.objects.none(),
        empty_label=_("All meetings"),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *PostLanguage.choices],
    )

    def __init__(self, *args: Any, public: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._theme_labels()
        self.fields["meeting"].queryset = meeting_choices()
        self.fields["meeting"].label_from_instance = meeting_label
        if public:
            del self.fields["role"]
