"""The day itself: check-in, rounds, re-planning, the wall display and everyone's route."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coachbridge.common.numbers import whole_number
from coachbridge.events.access import (
    can_manage,
    get_cafe_by_wall_token,
    get_cafe_to_manage,
    get_registration_by_card,
    get_registration_for_cafe,
)
from coachbridge.events.models import Cafe
from coachbridge.events.services import cafe as services
from coachbridge.events.services.cafe import CafeError


def _round_state(cafe: Cafe) -> dict:
    total = cafe.rounds.count()
    current = cafe.current_round
    return {
        "total_rounds": total,
        "current_round": current,
        "started": current >= 1,
        "over": current > total,
        "running": 1 <= current <= total,
        "minutes_left": services.minutes_left(cafe),
        "next_round": current + 1 if current + 1 <= total else None,
    }


@login_required
def cafe_run(request: HttpRequest, pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    people = services.participants_of(cafe)
    wall_url = request.build_absolute_uri(
        reverse("events:cafe-wall-public", kwargs={"pk": pk, "token": cafe.wall_token})
    )
    return render(
        request,
        "events/cafe/cafe_run.html",
        {
            "meeting": cafe.meeting,
            "cafe": cafe,
            "plan": services.current_plan(cafe),
            "checked_in": people.filter(checked_in_at__isnull=False).count(),
            "registered": people.count(),
            "wall_url": wall_url,
            **_round_state(cafe),
        },
    )


@login_required
@require_POST
def cafe_round_next(request: HttpRequest, pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    try:
        services.start_next_round(cafe, by=request.user)
    except CafeError as error:
        messages.error(request, str(error))
    return redirect("events:cafe-run", pk=pk)


@login_required
@require_POST
def cafe_replan(request: HttpRequest, pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    try:
        services.request_replan(cafe, by=request.user)
    except CafeError as error:
        messages.error(request, str(error))
        return redirect("events:cafe-run", pk=pk)
    return redirect("events:cafe-plan", pk=pk)


@login_required
def cafe_checkin(request: HttpRequest, pk: int) -> HttpResponse:
    """The check-in list: one tap per person. htmx gets the changed row and the new count."""
    cafe = get_cafe_to_manage(request, pk)
    people = services.participants_of(cafe).order_by("name", "pk")
    template = "events/cafe/cafe_checkin.html"
    if request.method == "POST":
        registration = get_object_or_404(
            people, pk=whole_number(request.POST.get("registration")) or 0
        )
        services.set_checked_in(
            registration, checked_in=request.POST.get("checked_in") == "1", by=request.user
        )
        if request.htmx:
            return render(
                request,
                f"{template}#checked",
                {
                    "meeting": cafe.meeting,
                    "registration": registration,
                    "checked_in": people.filter(checked_in_at__isnull=False).count(),
                    "registered": people.count(),
                },
            )
        next_url = request.POST.get("next", "")
        if next_url.startswith("/") and not next_url.startswith("//"):
            return redirect(next_url)
        return redirect("events:cafe-checkin", pk=pk)
    query = request.GET.get("q", "").replace("\x00", "").strip()
    shown = people.filter(name__icontains=query) if query else people
    context = {
        "meeting": cafe.meeting,
        "cafe": cafe,
        "registrations": shown,
        "query": query,
        "checked_in": people.filter(checked_in_at__isnull=False).count(),
        "registered": people.count(),
    }
    return render(request, f"{template}#rows" if request.htmx else template, context)


def cafe_checkin_scan(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """The QR code on a route card: a check-in page for organisers. Anyone else sees a page
    without the person or their actions: a lost card must not open someone's registration."""
    cafe, registration = get_registration_by_card(pk, token)
    if not can_manage(request.user):
        return render(request, "events/cafe/cafe_card_code.html", {"meeting": cafe.meeting})
    return render(
        request,
        "events/cafe/cafe_checkin_scan.html",
        {"meeting": cafe.meeting, "cafe": cafe, "registration": registration},
    )


def wall_context(cafe: Cafe) -> dict:
    """Names only (first names, and a letter when two share one) with their next table."""
    state = _round_state(cafe)
    plan = services.current_plan(cafe)
    shown = state["next_round"] if not state["over"] else None
    entries = []
    if plan is not None and shown is not None:
        seats = plan.seats.get(str(shown), {})
        seated = {pk: label for label, people in seats.items() for pk in people}
        names = services.short_names(cafe.meeting.registrations.filter(pk__in=seated))
        themes = dict(cafe.tables.values_list("label", "theme__title"))
        entries = sorted(
            (
                {"name": names[pk], "table": label, "theme": themes.get(label) or ""}
                for pk, label in seated.items()
                if pk in names
            ),
            key=lambda entry: entry["name"].casefold(),
        )
    return {
        "cafe": cafe,
        "meeting": cafe.meeting,
        "shown_round": shown,
        "entries": entries,
        **state,
    }


def _wall(request: HttpRequest, cafe: Cafe, poll_url: str) -> HttpResponse:
    template = "events/cafe/cafe_wall.html"
    context = wall_context(cafe) | {"poll_url": poll_url}
    return render(request, f"{template}#board" if request.htmx else template, context)


@login_required
def cafe_wall(request: HttpRequest, pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    return _wall(request, cafe, reverse("events:cafe-wall", kwargs={"pk": pk}))


def cafe_wall_public(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """The wall for a projector computer: anyone with the unguessable link, names only."""
    cafe = get_cafe_by_wall_token(pk, token)
    return _wall(request, cafe, request.path)


def cafe_route(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """A participant's own route: per round their table and its theme."""
    cafe, registration = get_registration_for_cafe(pk, token)
    route = services.route_of(cafe, services.current_plan(cafe), registration)
    template = "events/cafe/cafe_route.html"
    return render(
        request,
        f"{template}#route" if request.htmx else template,
        {"meeting": cafe.meeting, "registration": registration, "route": route, "token": token},
    )
