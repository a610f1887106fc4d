"""The harvest: insights from phones at the tables, the live wall, and the synthesis."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coachbridge.accounts.models import User
from coachbridge.events.access import (
    can_manage,
    get_cafe_to_manage,
    get_meeting_for_user,
    get_meeting_to_manage,
    get_registration_by_token,
)
from coachbridge.events.enums import RegistrationStatus
from coachbridge.events.forms_harvest import (
    InsightForm,
    MoveInsightsForm,
    SubThemeMergeForm,
    SubThemeRenameForm,
)
from coachbridge.events.models import Cafe, CafeTable, Meeting, Registration, SubTheme
from coachbridge.events.services import harvest as services
from coachbridge.events.services.harvest import HarvestError
from coachbridge.events.tasks.harvest import start_synthesis, synthesis_running

SESSION_KEY = "harvest-registrations"  # {meeting id: registration id} opened on this phone
WALL_SIZE = 30
TABLE_RECENT = 8


def _cafe_or_404(meeting: Meeting) -> Cafe:
    cafe = services.cafe_of(meeting)
    if cafe is None:
        raise Http404
    return cafe


# --- Adding insights (phones) ------------------------------------------------------------------


def _remember(request: HttpRequest, registration: Registration) -> None:
    """Let this phone add insights at any table of the meeting after opening a personal link."""
    known = dict(request.session.get(SESSION_KEY, {}))
    known[str(registration.meeting_id)] = registration.pk
    request.session[SESSION_KEY] = known


def _remembered(request: HttpRequest, cafe: Cafe) -> Registration | None:
    registration_id = request.session.get(SESSION_KEY, {}).get(str(cafe.meeting_id))
    if registration_id is None:
        return None
    return cafe.meeting.registrations.filter(pk=registration_id).first()


def _add_page(
    request: HttpRequest,
    *,
    cafe: Cafe,
    table: CafeTable | None,
    author: Registration | None,
    link: str,
    initial_table: CafeTable | None = None,
    may_add: bool = True,
) -> HttpResponse:
    """The phone page: a form for one insight, then the same page again, empty."""
    form = InsightForm(
        request.POST if request.method == "POST" else None,
        cafe=cafe,
        table=table,
        initial={"table": initial_table} if initial_table else None,
    )
    added = None
    if request.method == "POST" and may_add and form.is_valid():
        try:
            added = services.add_insight(
                cafe,
                text=form.cleaned_data["text"],
                theme=form.cleaned_data.get("theme"),
                table=table or form.cleaned_data.get("table"),
                author=author,
                by=request.user if request.user.is_authenticated else None,
                link=link,
            )
        except HarvestError as error:
            form.add_error(None, str(error))
        else:
            if not request.htmx:
                messages.success(request, _("Thank you! Your insight is added."))
                return redirect(request.path)
            form = InsightForm(cafe=cafe, table=table, initial=form.cleaned_data)
            form.initial.pop("text", None)
    recent = (
        services.visible_insights(cafe).filter(table=table).order_by("-pk")[:TABLE_RECENT]
        if table
        else []
    )
    context = {
        "cafe": cafe,
        "meeting": cafe.meeting,
        "table": table,
        "form": form,
        "may_add": may_add,
        "added": added,
        "recent": recent,
        "author": author,
    }
    template = "events/harvest/insight_add.html"
    if request.htmx and request.method == "POST":
        template += "#add"
    response = render(request, template, context)
    if request.method == "POST" and not may_add:
        response.status_code = 403
    return response


def _is_registered(author: Registration | None) -> bool:
    return author is not None and author.status == RegistrationStatus.REGISTERED


def _member_may_add(user: User, author: Registration | None) -> bool:
    """Members add insights to a meeting they are registered for; organisers to any meeting."""
    return can_manage(user) or _is_registered(author)


def table_harvest(request: HttpRequest, token: str) -> HttpResponse:
    """The page behind a table's QR code. Members log in; guests opened their personal link."""
    table = (
        CafeTable.objects.select_related("cafe__meeting", "theme")
        .filter(harvest_token=token)
        .first()
        if token
        else None
    )
    if table is None:
        raise Http404
    cafe = table.cafe
    if request.user.is_authenticated:
        author = services.author_for(cafe, request.user)
        may_add = _member_may_add(request.user, author)
    else:
        author = _remembered(request, cafe)
        may_add = _is_registered(author)
    return _add_page(request, cafe=cafe, table=table, author=author, link=token, may_add=may_add)


def registration_harvest(request: HttpRequest, token: str) -> HttpResponse:
    """Add insights through a guest's personal link; this phone is remembered for table links."""
    registration = get_registration_by_token(token)
    cafe = services.cafe_of(registration.meeting)
    if cafe is None:
        return render(
            request,
            "events/harvest/insight_add.html",
            {"cafe": None, "meeting": registration.meeting, "author": registration},
        )
    _remember(request, registration)
    return _add_page(
        request,
        cafe=cafe,
        table=None,
        author=registration,
        link=token,
        initial_table=services.seat_of(registration, cafe),
        may_add=_is_registered(registration),
    )


@login_required
def member_harvest(request: HttpRequest, pk: int) -> HttpResponse:
    """Add insights as a logged-in member, choosing the table."""
    meeting = get_meeting_for_user(request, pk)
    cafe = _cafe_or_404(meeting)
    author = services.author_for(cafe, request.user)
    return _add_page(
        request,
        cafe=cafe,
        table=None,
        author=author,
        link=f"member-{request.user.pk}",
        initial_table=services.seat_of(author, cafe) if author else None,
        may_add=_member_may_add(request.user, author),
    )


# --- The live wall -----------------------------------------------------------------------------


def _wall(request: HttpRequest, cafe: Cafe) -> HttpResponse:
    insights = list(
        services.visible_insights(cafe).select_related("theme", "table").order_by("-pk")[:WALL_SIZE]
    )
    counts: dict[int, int] = {}
    for theme_id in services.visible_insights(cafe).values_list("theme_id", flat=True):
        counts[theme_id] = counts.get(theme_id, 0) + 1
    # Every theme shows, also before its first insight.
    themes = [(theme, counts.get(theme.pk, 0)) for theme in cafe.themes.all()]
    template = "events/harvest/wall.html"
    if request.htmx:
        template += "#wall-items"
    return render(
        request,
        template,
        {"cafe": cafe, "meeting": cafe.meeting, "insights": insights, "themes": themes},
    )


@login_required
def harvest_wall(request: HttpRequest, pk: int) -> HttpResponse:
    return _wall(request, get_cafe_to_manage(request, pk))


def wall_link(request: HttpRequest, token: str) -> HttpResponse:
    """The live wall for a screen in the room, without logging in."""
    cafe = (
        Cafe.objects.select_related("meeting").filter(wall_token=token).first() if token else None
    )
    if cafe is None:
        raise Http404
    return _wall(request, cafe)


# --- Organiser: the harvest and its moderation -------------------------------------------------


def _table_link(request: HttpRequest, table: CafeTable) -> dict[str, Any]:
    import segno  # noqa: PLC0415 -- only this page draws codes

    url = request.build_absolute_uri(
        reverse("events:table-harvest", kwargs={"token": table.harvest_token})
    )
    return {"table": table, "url": url, "qr": segno.make(url, error="m").svg_data_uri(scale=3)}


@login_required
def harvest_manage(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_manage(request, pk)
    cafe = services.cafe_of(meeting)
    context: dict[str, Any] = {"meeting": meeting, "cafe": cafe}
    if cafe is not None:
        context.update(
            tables=[_table_link(request, table) for table in cafe.tables.select_related("theme")],
            insights=cafe.insights.select_related("theme", "table").order_by("-pk"),
            wall_url=request.build_absolute_uri(
                reverse("events:harvest-wall-link", kwargs={"token": cafe.wall_token})
            ),
        )
    return render(request, "events/harvest/harvest_manage.html", context)


@login_required
@require_POST
def harvest_open(request: HttpRequest, pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    meeting = cafe.meeting
    is_open = request.POST.get("open") == "1"
    services.set_harvest_open(cafe, is_open=is_open, by=request.user)
    messages.success(
        request,
        _("The harvest is open: insights can come in.")
        if is_open
        else _("The harvest is closed: no new insights can come in."),
    )
    return redirect("events:harvest-manage", pk=meeting.pk)


@login_required
@require_POST
def insight_hide(request: HttpRequest, pk: int, insight_pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    meeting = cafe.meeting
    insight = get_object_or_404(cafe.insights, pk=insight_pk)
    hidden = request.POST.get("hidden") == "1"
    services.set_hidden(insight, hidden=hidden, by=request.user)
    messages.success(
        request, _("The insight is hidden.") if hidden else _("The insight is shown again.")
    )
    back = "harvest-synthesis" if request.POST.get("next") == "synthesis" else "harvest-manage"
    return redirect(f"events:{back}", pk=meeting.pk)


# --- Organiser: the synthesis ------------------------------------------------------------------


def _theme_entry(cafe: Cafe, theme_pk: int) -> dict[str, Any]:
    for entry in services.synthesis_overview(cafe):
        if entry["theme"].pk == theme_pk:
            return entry
    raise Http404


def _after_change(
    request: HttpRequest, meeting: Meeting, cafe: Cafe, theme_pk: int, error: str = ""
) -> HttpResponse:
    """Back to the synthesis page; htmx gets the changed theme's section only."""
    if request.htmx:
        return render(
            request,
            "events/harvest/synthesis.html#theme",
            {
                "meeting": meeting,
                "cafe": cafe,
                "entry": _theme_entry(cafe, theme_pk),
                "error": error,
            },
        )
    if error:
        messages.error(request, error)
    url = reverse("events:harvest-synthesis", kwargs={"pk": meeting.pk})
    return redirect(f"{url}#theme-{theme_pk}")


def _form_errors(form: forms.Form) -> str:
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


@login_required
def synthesis(request: HttpRequest, pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    meeting = cafe.meeting
    running = synthesis_running(cafe)
    if request.htmx and request.headers.get("HX-Target") == "synthesis-status":
        if not running:
            response = HttpResponse()
            response["HX-Refresh"] = "true"
            return response
        return render(request, "events/harvest/synthesis.html#status", {"running": running})
    return render(
        request,
        "events/harvest/synthesis.html",
        {
            "meeting": meeting,
            "cafe": cafe,
            "running": running,
            "entries": services.synthesis_overview(cafe),
            "hand_sorted": cafe.insights.filter(placed_by_hand=True, hidden=False).exists(),
        },
    )


@login_required
@require_POST
def synthesise(request: HttpRequest, pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    meeting = cafe.meeting
    start_over = request.POST.get("start_over") == "1"
    start_synthesis(cafe, by=request.user, start_over=start_over)
    if synthesis_running(cafe):
        messages.info(request, _("The insights are being grouped. This page updates itself."))
    else:
        messages.success(request, _("The insights are grouped into sub-themes."))
    return redirect("events:harvest-synthesis", pk=meeting.pk)


@login_required
@require_POST
def subtheme_rename(request: HttpRequest, pk: int, subtheme_pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    meeting = cafe.meeting
    subtheme = get_object_or_404(SubTheme, pk=subtheme_pk, theme__cafe=cafe)
    form = SubThemeRenameForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            services.rename_subtheme(subtheme, label=form.cleaned_data["label"], by=request.user)
        except HarvestError as problem:
            error = str(problem)
    else:
        error = _form_errors(form)
    return _after_change(request, meeting, cafe, subtheme.theme_id, error)


@login_required
@require_POST
def subtheme_merge(request: HttpRequest, pk: int, subtheme_pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    meeting = cafe.meeting
    subtheme = get_object_or_404(SubTheme, pk=subtheme_pk, theme__cafe=cafe)
    theme_pk = subtheme.theme_id
    form = SubThemeMergeForm(request.POST, subtheme=subtheme)
    error = ""
    try:
        if not form.is_valid():
            raise HarvestError(_("Choose another sub-theme of the same theme."))
        services.merge_subthemes(subtheme, into=form.cleaned_data["into"], by=request.user)
    except HarvestError as problem:
        error = str(problem)
    return _after_change(request, meeting, cafe, theme_pk, error)


@login_required
@require_POST
def move_insights(request: HttpRequest, pk: int, theme_pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    meeting = cafe.meeting
    theme = get_object_or_404(cafe.themes, pk=theme_pk)
    form = MoveInsightsForm(request.POST, theme=theme)
    error = ""
    if form.is_valid():
        try:
            services.move_insights(
                list(form.cleaned_data["insights"]),
                theme=theme,
                to=form.cleaned_data["to"],
                new_label=form.cleaned_data["new_label"],
                by=request.user,
            )
        except HarvestError as problem:
            error = str(problem)
    else:
        error = _form_errors(form)
    return _after_change(request, meeting, cafe, theme.pk, error)


@login_required
@require_POST
def insight_highlight(request: HttpRequest, pk: int, insight_pk: int) -> HttpResponse:
    cafe = get_cafe_to_manage(request, pk)
    meeting = cafe.meeting
    insight = get_object_or_404(cafe.insights, pk=insight_pk)
    services.set_highlight(insight, highlight=request.POST.get("highlight") == "1", by=request.user)
    return _after_change(request, meeting, cafe, insight.theme_id)
