"""Forms of the World Café: themes, tables, rounds, rules, moves by hand."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coachbridge.events.forms import hint_range
from coachbridge.events.models import Cafe, CafeRound, CafeTable, CafeTheme
from coachbridge.events.models.cafe import ROUND_MINUTES_MAX

QUESTION_MAX = 300


class CafeRulesForm(forms.ModelForm):
    class Meta:
        model = Cafe
        fields = ["visit_each_theme_once", "mix_roles"]
        help_texts = {
            "visit_each_theme_once": _("Hosts stay at their theme; everyone else moves on."),
            "mix_roles": _("Coaches, researchers and other backgrounds sit together."),
        }


class NewItemForm(forms.ModelForm):
    """The empty form for a new item at the end of a formset may stay empty, so it marks no
    field as required. Once something is filled in, those fields are required after all."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.required_when_filled: list[str] = []
        if self.empty_permitted:
            for name, field in self.fields.items():
                if field.required:
                    field.required = False
                    self.required_when_filled.append(name)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in self.required_when_filled:
            field = self.fields[name]
            if name not in self.errors and data.get(name) in field.empty_values:
                self.add_error(name, field.error_messages["required"])
        return data


class ThemeForm(NewItemForm):
    # Short enough for the table card: a longer text would need too small a letter.
    question = forms.CharField(
        label=_("Guiding question"),
        max_length=QUESTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One open question for the table, at most 300 characters."),
    )

    class Meta:
        model = CafeTheme
        fields = ["title", "question"]


class TableForm(NewItemForm):
    class Meta:
        model = CafeTable
        fields = ["label", "theme", "capacity", "host"]
        help_texts = {"label": _("A short name, like T1."), "capacity": _("Host included.")}

    def __init__(self, *args: Any, cafe: Cafe, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = cafe.themes.all()
        self.fields["host"].queryset = cafe.meeting.registrations.filter(
            status="registered"
        ).order_by("name")
        self.fields["host"].label_from_instance = lambda r: f"{r.name} ({r.get_role_display()})"
        hint_range(self.fields["capacity"], 1)


class BaseTableFormSet(forms.BaseModelFormSet):
    def __init__(self, *args: Any, cafe: Cafe, **kwargs: Any) -> None:
        self.cafe = cafe
        super().__init__(*args, queryset=cafe.tables.all(), **kwargs)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return {**super().get_form_kwargs(index), "cafe": self.cafe}

    def clean(self) -> None:
        super().clean()
        on_page = [form.instance.pk for form in self.forms if form.instance.pk]
        if len(on_page) != len(set(on_page)):
            raise ValidationError(
                _("A table is on this page twice. Reload the page and try again.")
            )
        hosts: dict[int, str] = {}
        # a table that is not on the page (added in the meantime) keeps its label
        labels = set(self.cafe.tables.exclude(pk__in=on_page).values_list("label", flat=True))
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            label, host = form.cleaned_data.get("label"), form.cleaned_data.get("host")
            if label in labels:
                raise ValidationError(
                    _("Two tables are called %(label)s. Give each table its own name.")
                    % {"label": label}
                )
            labels.add(label)
            if host is not None and host.pk in hosts:
                raise ValidationError(
                    _("%(name)s is the host of two tables: %(first)s and %(second)s.")
                    % {"name": host.name, "first": hosts[host.pk], "second": label}
                )
            if host is not None:
                hosts[host.pk] = label


class RoundForm(NewItemForm):
    class Meta:
        model = CafeRound
        fields = ["minutes"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        hint_range(self.fields["minutes"], 1, ROUND_MINUTES_MAX)


TableFormSet = forms.modelformset_factory(
    CafeTable, form=TableForm, formset=BaseTableFormSet, extra=1, can_delete=True
)
ThemeFormSet = forms.modelformset_factory(CafeTheme, form=ThemeForm, extra=1, can_delete=True)
RoundFormSet = forms.modelformset_factory(CafeRound, form=RoundForm, extra=1, can_delete=True)


class GroupForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Rule"),
        choices=[("apart", _("Keep these people apart")), ("together", _("Keep them together"))],
        widget=forms.RadioSelect,
        initial="apart",
    )
    members = forms.MultipleChoiceField(
        label=_("People"), widget=forms.CheckboxSelectMultiple, choices=()
    )

    def __init__(self, *args: Any, cafe: Cafe, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].choices = [
            (str(pk), name)
            for pk, name in cafe.meeting.registrations.filter(status="registered")
            .order_by("name")
            .values_list("pk", "name")
        ]

    def clean_members(self) -> list[str]:
        members = self.cleaned_data["members"]
        if len(members) < 2:
            raise ValidationError(_("Choose at least two people."))
        return members


class MoveForm(forms.Form):
    """Move a person to another table, or swap two people, within one round."""

    round_number = forms.IntegerField(widget=forms.HiddenInput)
    person = forms.TypedChoiceField(label=_("Who"), coerce=int, choices=())
    target = forms.ChoiceField(label=_("To"), choices=())

    def __init__(
        self,
        *args: Any,
        tables: dict[str, list[int]],
        labels: list[str],
        names: dict[int, str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        people = sorted(
            (pk for seated in tables.values() for pk in seated), key=lambda pk: names.get(pk, "")
        )
        self.fields["person"].choices = [(pk, names.get(pk, pk)) for pk in people]
        self.fields["target"].choices = [
            (_("Table"), [(f"table:{label}", label) for label in labels]),
            (
                _("Swap with"),
                [(f"person:{pk}", names.get(pk, pk)) for pk in people],
            ),
        ]
