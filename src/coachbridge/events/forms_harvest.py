"""Forms of the harvest and the report."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coachbridge.common.fields import IntPkMultipleChoiceField
from coachbridge.events.enums import ReportVisibility
from coachbridge.events.models import CafeTable, CafeTheme, Insight, SubTheme
from coachbridge.events.models.harvest import INSIGHT_MAX_LENGTH
from coachbridge.events.services.harvest import SUBTHEME_LABEL_MAX

REPORT_SECTION_MAX = 20_000  # one section of a meeting report: several pages


class InsightForm(forms.Form):
    """One insight from a phone. The theme is asked only when no table gives it."""

    table = forms.ModelChoiceField(
        label=_("Your table"), queryset=CafeTable.objects.none(), required=False
    )
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=CafeTheme.objects.none())
    text = forms.CharField(
        label=_("Your insight"),
        max_length=INSIGHT_MAX_LENGTH,
        # data-refocus: after adding one, the focus is back here for the next (common/js/app.js)
        widget=forms.Textarea(
            attrs={"rows": 3, "maxlength": INSIGHT_MAX_LENGTH, "data-refocus": ""}
        ),
    )

    def __init__(self, *args: Any, cafe, table: CafeTable | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # filled in per request: a lazy text formatted at import stays in the default language
        self.fields["text"].help_text = gettext(
            "Short is fine: one idea per note. At most %(max)d characters."
        ) % {"max": INSIGHT_MAX_LENGTH}
        self.fixed_table = table
        self.fields["theme"].queryset = cafe.themes.all()
        self.fields["table"].queryset = cafe.tables.select_related("theme")
        self.fields["table"].label_from_instance = lambda table: table.display_name  # type: ignore[attr-defined]
        if table is not None:
            del self.fields["table"]
            if table.theme_id:
                del self.fields["theme"]
        elif not cafe.tables.exists():
            del self.fields["table"]
        else:
            self.fields["theme"].required = False
            self.fields["theme"].help_text = _("Only needed when you do not choose a table.")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        table = self.fixed_table or data.get("table")
        if "theme" in self.fields and not data.get("theme") and not (table and table.theme_id):
            self.add_error("theme", _("Choose the theme of your table."))
        return data


SUBTHEME_NAME_ERRORS = {
    "required": _("Give the sub-theme a name."),
    "max_length": _(
        "The name of a sub-theme can have at most %(limit_value)d characters. "
        "This one has %(show_value)d."
    ),
}


class SubThemeRenameForm(forms.Form):
    label = forms.CharField(
        label=_("Name of the sub-theme"),
        max_length=SUBTHEME_LABEL_MAX,
        error_messages=SUBTHEME_NAME_ERRORS,
    )


class SubThemeMergeForm(forms.Form):
    into = forms.ModelChoiceField(label=_("Merge into"), queryset=SubTheme.objects.none())

    def __init__(self, *args: Any, subtheme: SubTheme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = subtheme.theme.subthemes.exclude(pk=subtheme.pk)


class MoveInsightsForm(forms.Form):
    """Move chosen insights of one theme to a sub-theme, or to a new one (a split)."""

    insights = IntPkMultipleChoiceField(
        label=_("Insights"),
        queryset=Insight.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one insight to move.")},
    )
    to = forms.ModelChoiceField(
        label=_("Move to"),
        queryset=SubTheme.objects.none(),
        required=False,
        empty_label=_("A new sub-theme"),
    )
    new_label = forms.CharField(
        label=_("Name of the new sub-theme"),
        max_length=SUBTHEME_LABEL_MAX,
        required=False,
        error_messages=SUBTHEME_NAME_ERRORS,
    )

    def __init__(self, *args: Any, theme: CafeTheme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.theme = theme
        self.fields["insights"].queryset = theme.insights.filter(hidden=False)
        self.fields["to"].queryset = theme.subthemes.all()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("insights"):  # one thing at a time: first tick, then say where to
            return data
        if not data.get("to") and not (data.get("new_label") or "").strip():
            self.add_error("new_label", _("Give the new sub-theme a name, or choose one."))
        return data


class ReportSectionForm(forms.Form):
    """One section of the report; `section` is the section's key."""

    text = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=REPORT_SECTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ReportTitleForm(forms.Form):
    text = forms.CharField(label=_("Title"), max_length=200)


class ReportVisibilityForm(forms.Form):
    visibility = forms.ChoiceField(
        label=_("Who may read the report?"),
        choices=ReportVisibility.choices,
        widget=forms.RadioSelect,
    )
