from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from coachbridge.common.activity import log_action
from coachbridge.common.spreadsheet import safe_cell
from coachbridge.events.access import (
    can_manage,
    get_meeting_for_user,
    get_meeting_to_manage,
    get_registration_by_token,
)
from coachbridge.events.calendar import meetings_to_ical
from coachbridge.events.enums import MeetingStatus, RegistrationStatus
from coachbridge.events.forms import GuestRegistrationForm, MeetingForm, SeriesForm
from coachbridge.events.models import CalendarFeed, Meeting, MeetingSeries, Registration
from coachbridge.events.services import meetings as services
from coachbridge.events.services.meetings import (
    ATTENDANCE_COLUMNS,
    MeetingError,
    active_registrations,
    attendance_rows,
    by_series,
    cancel_registration,
    seats_left,
    send_cancellation,
    send_reinstatement,
    send_reminders,
    sync_series,
    upcoming_meetings,
)


def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = by_series(upcoming_meetings(drafts=can_manage(request.user)))
    past = Meeting.objects.filter(
        ends_at__lt=timezone.now(), status=MeetingStatus.PUBLISHED
    ).order_by("-starts_at")[:10]
    return render(
        request,
        "events/meeting_list.html",
        {"meetings": meetings, "past_meetings": past, "can_manage": can_manage(request.user)},
    )


def own_registration(request: HttpRequest, meeting: Meeting) -> Registration | None:
    if not request.user.is_authenticated:
        return None
    return meeting.registrations.filter(
        user=request.user, status=RegistrationStatus.REGISTERED
    ).first()


def sees_online_link(request: HttpRequest, own: Registration | None) -> bool:
    """The video link is for the people who come (and organisers), not for every visitor."""
    return own is not None or can_manage(request.user)


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    own = own_registration(request, meeting)
    return render(
        request,
        "events/meeting_detail.html",
        {
            "meeting": meeting,
            "own_registration": own,
            "sees_online_link": sees_online_link(request, own),
            "seats_left": seats_left(meeting),
            "registered_count": active_registrations(meeting).count(),
            "can_manage": can_manage(request.user),
            "is_past": meeting.ends_at < timezone.now(),
        },
    )


def _meeting_form_page(request: HttpRequest, meeting: Meeting | None) -> HttpResponse:
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        is_new = form.instance.pk is None
        if is_new:
            form.instance.organiser = request.user
        saved = form.save()
        log_action(
            "meeting.created" if is_new else "meeting.updated",
            actor=request.user,
            obj=saved,
            changed_fields=sorted(form.changed_data),
        )
        messages.success(request, _("The meeting is saved."))
        _tell_about_status(request, form, saved)
        return redirect(saved)
    return render(request, "events/meeting_form.html", {"form": form, "meeting": meeting})


def _tell_about_status(request: HttpRequest, form: MeetingForm, meeting: Meeting) -> None:
    """A change to cancelled, or to published after a cancellation, is e-mailed to the people
    registered, once: saving the meeting again sends nothing."""
    if "status" not in form.changed_data:
        return
    if meeting.status == MeetingStatus.CANCELLED:
        count = send_cancellation(meeting, by=request.user)
        text = ngettext(
            "%(count)d person gets an e-mail that the meeting does not go ahead.",
            "%(count)d people get an e-mail that the meeting does not go ahead.",
            count,
        )
    else:
        count = send_reinstatement(meeting, by=request.user)
        text = ngettext(
            "%(count)d person gets an e-mail that the meeting goes ahead after all.",
            "%(count)d people get an e-mail that the meeting goes ahead after all.",
            count,
        )
    if count:
        messages.info(request, text % {"count": count})


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    if not can_manage(request.user):
        raise PermissionDenied
    return _meeting_form_page(request, None)


@login_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _meeting_form_page(request, get_meeting_to_manage(request, pk))


@login_required
@require_POST
def register_member(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    try:
        services.register_member(meeting, user=request.user)
    except MeetingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You are registered. See you there!"))
    return redirect(meeting)


@login_required
@require_POST
def unregister_member(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    registration = meeting.registrations.filter(user=request.user).first()
    if registration is not None:
        cancel_registration(registration, by=request.user)
        messages.success(request, _("You are no longer registered."))
    return redirect(meeting)


def register_guest(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    if request.user.is_authenticated:
        return redirect(meeting)
    form = GuestRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.register_guest(
                meeting, language=translation.get_language(), **form.cleaned_data
            )
        except MeetingError as error:
            form.add_error(None, str(error))
        else:
            # The same answer for a new and a known address: the link goes by e-mail only.
            messages.success(
                request,
                _("Thank you! Check your e-mail: we sent your personal link to %(email)s.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect(meeting)
    return render(request, "events/guest_form.html", {"form": form, "meeting": meeting})


def guest_registration(request: HttpRequest, token: str) -> HttpResponse:
    """The personal page behind the link a guest got by e-mail."""
    registration = get_registration_by_token(token)
    if request.method == "POST" and request.POST.get("action") == "cancel":
        cancel_registration(registration, by=None)
        messages.success(request, _("You are no longer registered."))
        return redirect("events:guest-registration", token=token)
    return render(
        request,
        "events/guest_registration.html",
        {"registration": registration, "meeting": registration.meeting},
    )


@login_required
def attendee_list(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_manage(request, pk)
    registrations = meeting.registrations.select_related("user").order_by("name", "pk")
    return render(
        request,
        "events/attendee_list.html",
        {"meeting": meeting, "registrations": registrations},
    )


@login_required
def attendee_csv(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_manage(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="attendees-{meeting.pk}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = csv.DictWriter(response, fieldnames=ATTENDANCE_COLUMNS)
    writer.writerow(
        {
            "name": _("Name"),
            "email": _("E-mail"),
            "role": _("Role"),
            "organisation": _("Organisation"),
            "member": _("Member"),
            "status": _("Status"),
            "checked_in": _("Checked in"),
        }
    )
    writer.writerows(
        {column: safe_cell(value) for column, value in row.items()}
        for row in attendance_rows(meeting)
    )
    log_action("meeting.attendees_exported", actor=request.user, obj=meeting)
    return response


@login_required
@require_POST
def send_reminder(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_manage(request, pk)
    count = send_reminders(meeting, by=request.user)
    messages.success(request, _("A reminder is on its way to %(count)d people.") % {"count": count})
    return redirect("events:meeting-attendees", pk=meeting.pk)


def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    response = HttpResponse(
        meetings_to_ical(
            [meeting],
            name=meeting.title,
            online_links=sees_online_link(request, own_registration(request, meeting)),
        ),
        content_type="text/calendar",
    )
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


@login_required
def series_create(request: HttpRequest) -> HttpResponse:
    if not can_manage(request.user):
        raise PermissionDenied
    form = SeriesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.organiser = request.user
        series = form.save()
        created = sync_series(series, by=request.user)
        messages.success(
            request, _("The series is saved with %(count)d meetings.") % {"count": len(created)}
        )
        return redirect("events:series-detail", series_pk=series.pk)
    return render(request, "events/series_form.html", {"form": form, "series": None})


@login_required
def series_detail(request: HttpRequest, series_pk: int) -> HttpResponse:
    if not can_manage(request.user):
        raise PermissionDenied
    series = get_object_or_404(MeetingSeries, pk=series_pk)
    form = SeriesForm(request.POST or None, instance=series)
    if request.method == "POST" and form.is_valid():
        form.save()
        created = sync_series(series, by=request.user)
        messages.success(
            request, _("The series is saved; %(count)d new meetings.") % {"count": len(created)}
        )
        return redirect("events:series-detail", series_pk=series.pk)
    return render(
        request,
        "events/series_form.html",
        {"form": form, "series": series, "meetings": series.meetings.order_by("starts_at")},
    )


@login_required
def calendar_settings(request: HttpRequest) -> HttpResponse:
    feed, _created = CalendarFeed.objects.get_or_create(user=request.user)
    if request.method == "POST":
        feed.delete()
        feed = CalendarFeed.objects.create(user=request.user)
        log_action("calendar.renewed", actor=request.user, obj=feed)
        messages.success(request, _("You have a new calendar link. The old link no longer works."))
        return redirect("events:calendar-settings")
    feed_url = request.build_absolute_uri(
        reverse("events:calendar-feed", kwargs={"token": feed.token})
    )
    return render(request, "events/calendar_settings.html", {"feed_url": feed_url})


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    meetings = Meeting.objects.filter(
        registrations__user=feed.user,
        registrations__status=RegistrationStatus.REGISTERED,
    ).exclude(status=MeetingStatus.DRAFT)
    return HttpResponse(
        meetings_to_ical(meetings, name=_("My meetings")), content_type="text/calendar"
    )
