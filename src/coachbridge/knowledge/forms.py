from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coachbridge.agenda.queries import questions_to_link
from coachbridge.common.fields import IntPkMultipleChoiceField
from coachbridge.common.models import Theme
from coachbridge.knowledge.enums import Evidence, ItemKind, ItemStatus, Language, sections_for
from coachbridge.knowledge.models import Item
from coachbridge.knowledge.validators import validate_doi

SECTION_HELP = {
    "question": _("What did the researchers want to know?"),
    "method": _("Who took part, and what did the researchers do?"),
    "findings": _("What came out? Give the main result in plain words."),
    "practice": _("What can a coach do differently tomorrow?"),
    "limitations": _("What does this study not show? Where should you be careful?"),
    "fact": _("Start with the fact: what research shows. Keep it short and concrete."),
    "myth": _("Name the myth once. Warn first that it is a myth."),
    "fallacy": _("Explain why the myth sounds true, and where the reasoning goes wrong."),
    "fact_again": _("End with the fact again, in other words."),
    "instead": _("What can a coach do instead?"),
}

REFERENCE_MAX_BYTES = 200_000
FEEDBACK_MAX = 4000  # a review's feedback or one comment: a few paragraphs


class ItemForm(forms.ModelForm):
    study_url = forms.URLField(label=_("Link to a study"), required=False, assume_scheme="https")

    class Meta:
        model = Item
        fields = [
            "title",
            "lead",
            "language",
            "question",
            "method",
            "findings",
            "practice",
            "limitations",
            "fact",
            "myth",
            "fallacy",
            "fact_again",
            "instead",
            "evidence",
            "doi",
            "citation",
            "themes",
            "translation_of",
            "agenda_question",
            "study_url",
        ]
        widgets = {
            "lead": forms.Textarea(attrs={"rows": 2}),
            "evidence": forms.RadioSelect,
            "themes": forms.CheckboxSelectMultiple,
            "citation": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"themes": IntPkMultipleChoiceField}

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        own = [name for name, _label in sections_for(kind)]
        for name in [n for n in self.fields if n in SECTION_HELP and n not in own]:
            del self.fields[name]
        for name in own:
            field = self.fields[name]
            field.required = False  # a draft may be unfinished; publishing checks all parts
            field.help_text = SECTION_HELP[name]
            field.widget.attrs.update({"rows": 5, "data-assistant-text": name})
        self.fields["title"].widget.attrs["data-assistant-text"] = "title"
        self.fields["lead"].widget.attrs["data-assistant-text"] = "lead"
        live = {
            "hx-post": reverse("knowledge:assistant"),
            "hx-target": "#assistant-panel",
            "hx-include": "#item-form",
            "hx-sync": "closest form:replace",
            "hx-swap": "innerHTML",
        }
        for name in ["title", "lead", *own]:
            self.fields[name].widget.attrs.update(
                {**live, "hx-trigger": "keyup changed delay:600ms"}
            )
        self.fields["language"].widget.attrs.update({**live, "hx-trigger": "change"})
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["evidence"].choices = Evidence.choices
        self.fields["doi"].validators = [validate_doi]
        self.fields["doi"].help_text = _("For example 10.1080/17521882.2016.1266005. Optional.")
        others = Item.objects.filter(kind=kind, translation_of__isnull=True)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        self.fields["translation_of"].queryset = others.exclude(status=ItemStatus.DRAFT) | (
            others.filter(author=self.instance.author) if self.instance.pk else others.none()
        )
        self.fields["translation_of"].help_text = _(
            "Is this the Dutch or English version of another text? Choose that text."
        )
        self.fields["translation_of"].label = _("Translation of")
        question = self.fields["agenda_question"]
        question.queryset = questions_to_link(keep=self.instance.agenda_question_id)
        question.label = _("Research agenda question")
        question.empty_label = _("No question")
        question.help_text = _(
            "Does this text answer a question of the research agenda? Choose it. "
            "People who follow the question hear about it when the text is published."
        )

    def clean_translation_of(self) -> Item | None:
        other = self.cleaned_data.get("translation_of")
        language = self.cleaned_data.get("language")
        if other is not None and language and other.language == language:
            raise forms.ValidationError(_("A translation must be in the other language."))
        return other


class ReferenceImportForm(forms.Form):
    reference_text = forms.CharField(
        label=_("Paste a BibTeX or RIS reference"),
        required=False,
        max_length=REFERENCE_MAX_BYTES,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    reference_file = forms.FileField(label=_("Or choose a .bib or .ris file"), required=False)

    def reference(self) -> str:
        upload = self.cleaned_data.get("reference_file")
        if upload:
            if upload.size > REFERENCE_MAX_BYTES:
                raise forms.ValidationError(_("This file is too big for one reference."))
            try:
                return str(upload.read().decode("utf-8-sig"))
            except UnicodeDecodeError as error:
                raise forms.ValidationError(
                    _("We could not read this file. Save it as UTF-8 text.")
                ) from error
        return str(self.cleaned_data.get("reference_text") or "")


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Would a coach understand and use this?"),
        coerce=int,
        choices=[
            (1, _("1: No, not at all")),
            (2, _("2: Hardly")),
            (3, _("3: Partly")),
            (4, _("4: Mostly")),
            (5, _("5: Yes, right away")),
        ],
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Your feedback"),
        max_length=FEEDBACK_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What is clear? What is hard? What would you use in your practice?"),
    )


class CommentForm(forms.Form):
    section = forms.ChoiceField(label=_("Part of the text"))
    paragraph = forms.IntegerField(
        label=_("Paragraph"),
        required=False,
        min_value=1,
        max_value=999,
        help_text=_("The number next to the paragraph. Leave empty to comment on the whole part."),
    )
    text = forms.CharField(
        label=_("Comment"), max_length=FEEDBACK_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, item: Item, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [
            ("title", _("Title")),
            ("lead", _("In short")),
            *[(name, label) for name, label, _text in item.sections],
        ]


class ImageForm(forms.Form):
    image = forms.FileField(label=_("Image"), help_text=_("JPEG, PNG, WebP or GIF, at most 2 MB."))
    alt = forms.CharField(
        label=_("Describe the image"),
        max_length=200,
        help_text=_("For people who cannot see it. Say what it shows."),
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Any"),
    )
    evidence = forms.ChoiceField(
        label=_("Evidence"), choices=[("", _("Any")), *Evidence.choices], required=False
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("Any")), *Language.choices], required=False
    )
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", _("Any")), *ItemKind.choices], required=False
    )
