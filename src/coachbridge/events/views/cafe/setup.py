"""Setting up a World Café: themes, tables with hosts, rounds and the rules."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from coachbridge.common.activity import log_action
from coachbridge.events.access import get_cafe_to_manage, get_meeting_to_manage
from coachbridge.events.forms_cafe import (
    CafeRulesForm,
    GroupForm,
    RoundFormSet,
    TableFormSet,
    ThemeFormSet,
)
from coachbridge.events.models import Cafe
from coachbridge.events.services import cafe as services


@login_required
def cafe_setup(request: HttpRequest, pk: int) -> HttpResponse:
    """The overview of the set-up; a POST sets up a café for the meeting."""
    meeting = get_meeting_to_manage(request, pk)
    if request.method == "POST":
        services.create_cafe(meeting, by=request.user)
        messages.success(request, _("The World Café is set up. Now add themes and tables."))
        return redirect("events:cafe-setup", pk=meeting.pk)
    cafe = Cafe.objects.filter(meeting=meeting).first()
    context = {"meeting": meeting, "cafe": cafe}
    if cafe is not None:
        registrations = services.participants_of(cafe)
        names = dict(meeting.registrations.values_list("pk", "name"))
        context |= {
            "themes": cafe.themes.all(),
            "tables": cafe.tables.select_related("theme", "host"),
            "rounds": cafe.rounds.all(),
            "people_count": registrations.count(),
            "seat_count": sum(cafe.tables.values_list("capacity", flat=True)),
            "apart": [[names.get(p, "?") for p in group] for group in cafe.keep_apart],
            "together": [[names.get(p, "?") for p in group] for group in cafe.keep_together],
            "plan": services.latest_plan(cafe),
            "seats_in_use": services.seats_in_use(cafe),
        }
    return render(request, "events/cafe/cafe_setup.html", context)


def _formset_page(request, cafe, formset, *, what, title, help_text, template="formset"):
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():
            for form in formset.deleted_forms:
                if form.instance.pk:
                    form.instance.delete()
            saved = formset.save(commit=False)
            for instance in saved:
                instance.cafe = cafe
            if what == "rounds":
                _number_rounds(cafe, saved)
            elif what == "tables":
                _save_tables(cafe, saved)
            else:
                for instance in saved:
                    instance.save()
            log_action(f"cafe.{what}_saved", actor=request.user, obj=cafe, count=len(saved))
        messages.success(request, _("Saved."))
        return redirect("events:cafe-setup", pk=cafe.meeting_id)
    return render(
        request,
        f"events/cafe/cafe_{template}.html",
        {
            "meeting": cafe.meeting,
            "cafe": cafe,
            "formset": formset,
            "title": title,
            "help_text": help_text,
        },
    )


def _number_rounds(cafe, saved):
    """Rounds are numbered 1, 2, 3... in their order on the page, new rounds last."""
    for instance in saved:
        if instance.pk:
            instance.save()
    kept = list(cafe.rounds.order_by("number"))
    for number, round_ in enumerate(kept, start=1):
        if round_.number != number:
            round_.number = number
            round_.save(update_fields=["number"])
    for number, instance in enumerate((i for i in saved if not i.pk), start=len(kept) + 1):
        instance.number = number
        instance.save()


def _save_tables(cafe, saved):
    """A label is unique in the café, so the changed tables first let go of their labels: that
    way two tables can swap labels in one save."""
    for table in saved:
        if table.pk:
            # the form strips spaces, so a label that starts with one is never in use
            cafe.tables.filter(pk=table.pk).update(label=f" {table.pk}")
    for table in saved:
        table.save()


@login_required
def cafe_themes(request: HttpRequest, pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    formset = ThemeFormSet(request.POST or None, queryset=cafe.themes.all(), prefix="themes")
    return _formset_page(
        request,
        cafe,
        formset,
        what="themes",
        title=_("Themes"),
        help_text=_(
            "Each theme has a guiding question: the question people talk about at its tables. "
            "Leave the last form empty if you do not need a new theme."
        ),
    )


@login_required
def cafe_tables(request: HttpRequest, pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    formset = TableFormSet(request.POST or None, cafe=cafe, prefix="tables")
    return _formset_page(
        request,
        cafe,
        formset,
        what="tables",
        title=_("Tables"),
        help_text=_(
            "A table belongs to a theme. Its host stays at the table in every round and "
            "welcomes the new people. The number of seats includes the host."
        ),
    )


@login_required
def cafe_rounds(request: HttpRequest, pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    formset = RoundFormSet(request.POST or None, queryset=cafe.rounds.all(), prefix="rounds")
    return _formset_page(
        request,
        cafe,
        formset,
        what="rounds",
        title=_("Rounds"),
        help_text=_("After each round, everyone except the hosts goes to another table."),
    )


@login_required
def cafe_rules(request: HttpRequest, pk: int) -> HttpResponse:
    """The rules of the plan, and groups of people kept apart or together."""
    cafe = get_cafe_to_manage(request, pk)
    action = request.POST.get("action") if request.method == "POST" else None
    rules_form = CafeRulesForm(request.POST if action == "rules" else None, instance=cafe)
    group_form = GroupForm(request.POST if action == "group" else None, cafe=cafe)
    if action == "rules" and rules_form.is_valid():
        rules_form.save()
        log_action(
            "cafe.rules_saved", actor=request.user, obj=cafe, changed_fields=rules_form.changed_data
        )
        messages.success(request, _("The rules are saved."))
        return redirect("events:cafe-rules", pk=pk)
    if action == "group" and group_form.is_valid():
        services.add_group(
            cafe,
            kind=group_form.cleaned_data["kind"],
            members=group_form.cleaned_data["members"],
            by=request.user,
        )
        messages.success(request, _("The group is saved."))
        return redirect("events:cafe-rules", pk=pk)
    if action == "remove":
        try:
            index = int(request.POST.get("index", ""))
        except ValueError:
            index = -1
        services.remove_group(cafe, kind=request.POST.get("kind", ""), index=index, by=request.user)
        messages.success(request, _("The group is removed."))
        return redirect("events:cafe-rules", pk=pk)
    names = dict(cafe.meeting.registrations.values_list("pk", "name"))
    return render(
        request,
        "events/cafe/cafe_rules.html",
        {
            "meeting": cafe.meeting,
            "cafe": cafe,
            "rules_form": rules_form,
            "group_form": group_form,
            "groups": [
                (kind, index, [names.get(p, "?") for p in group])
                for kind, groups in (("apart", cafe.keep_apart), ("together", cafe.keep_together))
                for index, group in enumerate(groups)
            ],
        },
    )
