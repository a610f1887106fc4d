from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from coachbridge.accounts.enums import InterfaceLanguage
from coachbridge.agenda.queries import questions_to_link
from coachbridge.research.enums import RaterGroup
from coachbridge.research.instruments import ANSWER_CHOICES, DONT_KNOW, Instrument
from coachbridge.research.models import Study

DONT_KNOW_VALUE = "dk"


class StudyForm(forms.ModelForm):
    class Meta:
        model = Study
        fields = ["title", "aim", "agenda_question"]
        widgets = {"aim": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "aim": _(
                "What do you want to find out in your practice? Coaches who join your study "
                "see it too."
            )
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        question = self.fields["agenda_question"]
        question.queryset = questions_to_link(keep=self.instance.agenda_question_id)
        question.empty_label = _("No question")
        question.help_text = _(
            "Does your study help answer a question of the research agenda? Choose it. The "
            "question then shows that coaches measure it in their practice (not who)."
        )


class LinkForm(forms.Form):
    """A form that makes a personal link: the language its questions are asked in."""

    language = forms.ChoiceField(
        label=_("Language of the questions"), choices=InterfaceLanguage.choices
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # the page's language first: a coach or coachee who reads English asks in English
        language = get_language()
        self.fields["language"].initial = (
            language if language in InterfaceLanguage.values else InterfaceLanguage.DUTCH
        )


class CoacheeForm(LinkForm):
    field_order = ["email", "language"]

    email = forms.EmailField(
        label=_("E-mail address of the coachee"),
        required=False,
        help_text=_(
            "Optional. We send the link to this address and keep it locked away until the end "
            "questionnaire is sent. Leave it empty to give the link yourself."
        ),
    )


class RaterForm(LinkForm):
    field_order = ["group", "email", "language"]

    group = forms.ChoiceField(
        label=_("Who is it?"), choices=RaterGroup.choices, widget=forms.RadioSelect
    )
    email = forms.EmailField(
        label=_("Their e-mail address"),
        required=False,
        help_text=_(
            "Optional. We send the link once and do not keep the address. Leave it empty to "
            "send the link yourself."
        ),
    )

    def __init__(self, *args: Any, partner_asked: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if partner_asked:  # one partner per coachee
            self.fields["group"].choices = [
                choice for choice in RaterGroup.choices if choice[0] != RaterGroup.PARTNER
            ]


class ConsentForm(forms.Form):
    agree = forms.BooleanField(
        label=_("I have read this and I want to take part."),
        error_messages={"required": _("Tick the box if you want to take part.")},
    )

    def __init__(self, *args: Any, partner: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if partner:
            self.fields["identifiable"] = forms.BooleanField(
                label=_("The coach and the coachee may see my answers."), required=False
            )


class QuestionnaireForm(forms.Form):
    """One radio group per item of the instrument, plus the open question if it has one."""

    def __init__(self, *args: Any, instrument: Instrument, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(value), str(label)) for value, label in ANSWER_CHOICES]
        choices.append((DONT_KNOW_VALUE, str(DONT_KNOW)))
        for item in instrument.items:
            self.fields[item.code] = forms.ChoiceField(
                label=str(item.text),
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer, or “I don't know”.")},
            )
        if instrument.open_question:
            self.fields["comment"] = forms.CharField(
                label=str(instrument.open_question),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        self.instrument = instrument

    def comment(self) -> str:
        return self.cleaned_data.get("comment", "")

    def answers(self) -> dict[str, int | None]:
        return {
            item.code: None
            if self.cleaned_data[item.code] == DONT_KNOW_VALUE
            else int(self.cleaned_data[item.code])
            for item in self.instrument.items
        }
