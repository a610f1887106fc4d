"""The table plan: computing it, its quality in words, moves by hand, and the printed cards."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coachbridge.common.activity import log_action
from coachbridge.events.access import get_cafe_to_manage
from coachbridge.events.documents.cafe import route_cards_pdf, table_cards_pdf
from coachbridge.events.enums import PlanStatus
from coachbridge.events.forms_cafe import MoveForm
from coachbridge.events.models import Cafe, SeatingPlan
from coachbridge.events.services import cafe as services
from coachbridge.events.services.cafe import CafeError

TEMPLATE = "events/cafe/plan_detail.html"


def plan_context(cafe: Cafe, plan: SeatingPlan | None) -> dict:
    """Everything the plan page and its partials show."""
    context: dict = {"meeting": cafe.meeting, "cafe": cafe, "plan": plan}
    if plan is None or plan.status != PlanStatus.READY:
        return context
    registrations = cafe.meeting.registrations.in_bulk()
    names = {pk: r.name for pk, r in registrations.items()}
    tables = list(cafe.tables.select_related("theme"))
    labels = [table.label for table in tables]
    done = max(cafe.current_round, plan.fixed_until_round)
    rounds = []
    for number in sorted(plan.seats, key=int):
        seats = plan.seats[number]
        rounds.append(
            {
                "number": int(number),
                "done": int(number) <= done,
                "tables": [
                    {
                        "table": table,
                        "people": [
                            {
                                "pk": pk,
                                "name": names.get(pk, "?"),
                                "role": registrations[pk].get_role_display()
                                if pk in registrations
                                else "",
                                "host": pk == table.host_id,
                            }
                            for pk in seats.get(table.label, [])
                        ],
                    }
                    for table in tables
                ],
                "form": MoveForm(
                    initial={"round_number": number},
                    tables=seats,
                    labels=labels,
                    names=names,
                    auto_id=f"move-{number}-%s",
                ),
            }
        )
    return context | {
        "rounds": rounds,
        "quality": services.plan_quality(plan),
        "outdated": services.is_outdated(plan),
    }


@login_required
def cafe_plan(request: HttpRequest, pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    return render(request, TEMPLATE, plan_context(cafe, services.latest_plan(cafe)))


@login_required
@require_POST
def cafe_plan_compute(request: HttpRequest, pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    try:
        services.request_plan(cafe, by=request.user)
    except CafeError as error:
        messages.error(request, str(error))
    return redirect("events:cafe-plan", pk=pk)


@login_required
def cafe_plan_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar, polled by htmx; when the plan is done the page reloads itself."""
    cafe = get_cafe_to_manage(request, pk)
    plan = services.latest_plan(cafe)
    if request.htmx and (plan is None or plan.status != PlanStatus.COMPUTING):
        response = HttpResponse("")
        response["HX-Refresh"] = "true"
        return response
    if not request.htmx:
        return redirect("events:cafe-plan", pk=pk)
    return render(request, f"{TEMPLATE}#progress", {"meeting": cafe.meeting, "plan": plan})


@login_required
@require_POST
def cafe_plan_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move or swap people in one round; htmx gets that round and the new figures back."""
    cafe = get_cafe_to_manage(request, pk)
    plan = services.latest_plan(cafe)
    number = request.POST.get("round_number", "")
    error = None
    if plan is None or plan.status != PlanStatus.READY:
        error = _("There is no plan yet. Compute a plan first.")
    else:
        seats = plan.seats.get(number, {})
        names = dict(cafe.meeting.registrations.values_list("pk", "name"))
        labels = list(cafe.tables.values_list("label", flat=True))
        form = MoveForm(request.POST, tables=seats, labels=labels, names=names)
        if form.is_valid():
            try:
                services.move_person(
                    plan,
                    round_number=form.cleaned_data["round_number"],
                    person=form.cleaned_data["person"],
                    target=form.cleaned_data["target"],
                    by=request.user,
                )
            except CafeError as refusal:
                error = str(refusal)
        else:
            error = _("Choose a person and where they go.")
    if not request.htmx:
        if error:
            messages.error(request, error)
        return redirect("events:cafe-plan", pk=pk)
    context = plan_context(cafe, plan)
    # compared as text, as the plan's seats are keyed: a number that is not one finds no round
    context["round"] = next(
        (r for r in context.get("rounds", []) if str(r["number"]) == number), None
    )
    context["move_error"] = error
    return render(request, f"{TEMPLATE}#moved", context)


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
def cafe_table_cards(request: HttpRequest, pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    log_action("cafe.table_cards_printed", actor=request.user, obj=cafe)
    return _pdf(table_cards_pdf(cafe), f"table-cards-{pk}.pdf")


@login_required
def cafe_route_cards(request: HttpRequest, pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    plan = services.current_plan(cafe)
    if plan is None:
        messages.error(request, _("There is no plan yet. Compute a plan first."))
        return redirect("events:cafe-plan", pk=pk)
    log_action("cafe.route_cards_printed", actor=request.user, obj=cafe)
    return _pdf(route_cards_pdf(cafe, plan), f"route-cards-{pk}.pdf")
