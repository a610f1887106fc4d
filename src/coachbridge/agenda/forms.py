from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from coachbridge.agenda.enums import QuestionStatus
from coachbridge.agenda.models import PriorityRound, Question
from coachbridge.agenda.models.question import COMMENT_MAX, QUESTION_MAX, WHO_MAX, WHY_MAX
from coachbridge.agenda.models.voting import STATEMENT_MAX
from coachbridge.agenda.services.similar import same_question
from coachbridge.common.fields import IntPkMultipleChoiceField
from coachbridge.common.models import Theme
from coachbridge.events.enums import MeetingStatus
from coachbridge.events.models import Meeting
from coachbridge.knowledge.queries import published_items_for_question


class QuestionForm(forms.Form):
    title = forms.CharField(
        label=_("Your research question"),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One question, as short and clear as you can."),
    )
    why = forms.CharField(
        label=_("Why does it matter in practice?"),
        max_length=WHY_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What would coaches or their clients do differently with the answer?"),
    )
    who = forms.CharField(
        label=_("Who does it concern?"),
        max_length=WHO_MAX,
        required=False,
        help_text=_("For example: career coaches, teams in health care, young people."),
    )
    themes = IntPkMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class ProposeForm(QuestionForm):
    """A new question: when one like it is on the agenda, the member confirms once more."""

    confirm_new = forms.BooleanField(
        label=_("My question is a different one: put it on the agenda"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.same = None
        if not self.is_bound or not self.data.get("confirm_new"):
            self.fields["confirm_new"].widget = forms.HiddenInput()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if "title" not in data or data.get("confirm_new"):
            return data
        self.same = same_question(data["title"], data.get("why", ""))
        if self.same is not None:
            self.fields["confirm_new"].widget = forms.CheckboxInput()
            self.add_error(
                "confirm_new",
                _(
                    "“%(title)s” is on the agenda already and asks much the same. Vote or "
                    "comment there, so the votes are not split. Or tick the box if yours is "
                    "a different question."
                )
                % {"title": self.same.title},
            )
        return data


class QuestionEditForm(QuestionForm):
    note = forms.CharField(
        label=_("What did you change?"),
        max_length=300,
        required=False,
        help_text=_("Followers see that the question changed; earlier versions stay readable."),
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=QuestionStatus.choices)
    study_url = forms.URLField(label=_("Link to the study"), required=False, assume_scheme="https")
    study_text = forms.CharField(label=_("About the study"), max_length=300, required=False)
    summary_item = forms.TypedChoiceField(
        label=_("Summary on this platform"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("A published summary that answers this question."),
    )
    summary_url = forms.URLField(
        label=_("Or: link to a plain-language summary elsewhere"),
        required=False,
        assume_scheme="https",
    )

    def __init__(self, *args, question: Question, **kwargs):
        super().__init__(*args, **kwargs)
        summaries = published_items_for_question(question)
        self.summaries = {item.pk: item for item in summaries}
        self.fields["summary_item"].choices = [
            ("", _("None: I give a link below")),
            *[(item.pk, item.title) for item in summaries],
        ]
        if not summaries:
            del self.fields["summary_item"]

    def clean_summary_item(self):
        pk = self.cleaned_data.get("summary_item")
        return self.summaries.get(pk) if pk is not None else None


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        label=_("Merge this question into"),
        queryset=Question.objects.current(),
        help_text=_("Votes, followers and comments move to the question you choose."),
    )

    def __init__(self, *args, question: Question, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Question.objects.current().exclude(pk=question.pk)


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"), max_length=COMMENT_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )


class StatementForm(forms.Form):
    text = forms.CharField(
        label=_("Your statement"),
        max_length=STATEMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One clear claim that others can agree or disagree with."),
    )


class RoundForm(forms.ModelForm):
    questions = IntPkMultipleChoiceField(
        label=_("Long list"),
        queryset=Question.objects.current().order_by("title"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The questions people choose from."),
    )

    class Meta:
        model = PriorityRound
        fields = ["title", "description", "pick_limit", "shortlist_size", "top_size"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


WORKSHOP_CHOICES = 50


def latest_published_meetings() -> QuerySet[Meeting]:
    """The meetings a final workshop can be: published ones (a draft's title is not public),
    the latest first."""
    published = Meeting.objects.filter(status=MeetingStatus.PUBLISHED).order_by("-starts_at")
    # a sliced queryset cannot check a choice, so the slice goes in a subquery
    return published.filter(pk__in=published.values("pk")[:WORKSHOP_CHOICES])


class FinalWorkshopForm(forms.Form):
    """The meeting where the workshop settled the top list; the places and the reasoning are
    checked by the service."""

    workshop = forms.ModelChoiceField(
        label=_("Final workshop"),
        queryset=latest_published_meetings(),
        required=False,
        error_messages={
            "invalid_choice": _(
                "Choose the final workshop from the list, or choose no meeting in the calendar."
            )
        },
    )
