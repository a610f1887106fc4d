"""The report of a meeting: a web page, PDF and DOCX for readers; section forms for organisers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from coachbridge.events.access import can_manage, get_meeting_for_user, get_meeting_to_manage
from coachbridge.events.documents import report as documents
from coachbridge.events.forms_harvest import (
    ReportSectionForm,
    ReportTitleForm,
    ReportVisibilityForm,
)
from coachbridge.events.models import Report
from coachbridge.events.services import report as services
from coachbridge.events.services.report import ReportError

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _readable_report(request: HttpRequest, pk: int) -> Report | HttpResponse:
    """The report if this person may read it; a login page when members only; else 404."""
    meeting = get_meeting_for_user(request, pk)
    report = services.report_of(meeting)
    if report is None:
        raise Http404
    allowed = services.may_read(report, request.user)
    if allowed is None:
        return redirect_to_login(request.get_full_path())
    if not allowed:
        raise Http404
    return report


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _readable_report(request, pk)
    if isinstance(report, HttpResponse):
        return report
    return render(
        request,
        "events/harvest/report_detail.html",
        {**documents.report_context(report), "can_manage": can_manage(request.user)},
    )


def _filename(report: Report, extension: str) -> str:
    return f"{slugify(report.title) or 'report'}.{extension}"


def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = _readable_report(request, pk)
    if isinstance(report, HttpResponse):
        return report
    response = HttpResponse(
        documents.report_pdf(report, base_url=request.build_absolute_uri("/")),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "pdf")}"'
    return response


def report_docx(request: HttpRequest, pk: int) -> HttpResponse:
    report = _readable_report(request, pk)
    if isinstance(report, HttpResponse):
        return report
    response = HttpResponse(documents.report_docx(report), content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "docx")}"'
    return response


def _section_forms(report: Report, bound: tuple[str, ReportSectionForm] | None = None):
    """(key, heading, form) for every section, in the order of the report."""
    parts = {part.key: part for part in services.theme_parts(report)}
    sections = []
    for key in services.section_keys(report):
        if bound and bound[0] == key:
            form = bound[1]
        elif key == "title":
            form = ReportTitleForm(initial={"text": report.title}, prefix=key)
        else:
            text = {
                "introduction": report.introduction,
                "marketplace": report.marketplace_text,
                "closing": report.closing,
            }.get(key, report.theme_texts.get(key, ""))
            form = ReportSectionForm(initial={"text": text}, prefix=key)
        if key == "title":
            heading = _("Title")
        elif key == "introduction":
            heading = pgettext("report section", "Introduction")
        elif key == "marketplace":
            heading = _("Marketplace")
        elif key == "closing":
            heading = _("Closing words")
        else:
            part = parts[key]
            heading = _("Theme %(number)d: %(title)s") % {
                "number": part.number,
                "title": part.theme.title,
            }
        sections.append({"key": key, "heading": heading, "form": form, "part": parts.get(key)})
    return sections


@login_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_manage(request, pk)
    report = services.report_of(meeting)
    if report is None:
        return render(
            request, "events/harvest/report_edit.html", {"meeting": meeting, "report": None}
        )
    bound = None
    saved_key = ""
    if request.method == "POST":
        key = request.POST.get("section", "")
        if key not in services.section_keys(report):
            raise BadRequest
        form_class = ReportTitleForm if key == "title" else ReportSectionForm
        form = form_class(request.POST, prefix=key)
        if form.is_valid():
            try:
                services.update_section(
                    report, section=key, text=form.cleaned_data["text"], by=request.user
                )
            except ReportError as error:
                form.add_error("text", str(error))
            else:
                if not request.htmx:
                    messages.success(request, _("This part of the report is saved."))
                    return redirect(f"{request.path}#section-{key}")
                saved_key = key
                form = form_class(initial={"text": form.cleaned_data["text"]}, prefix=key)
        bound = (key, form)
    sections = _section_forms(report, bound)
    if request.htmx and bound:
        section = next(section for section in sections if section["key"] == bound[0])
        return render(
            request,
            "events/harvest/report_edit.html#section",
            {"meeting": meeting, "report": report, "section": section, "saved": saved_key},
        )
    return render(
        request,
        "events/harvest/report_edit.html",
        {
            "meeting": meeting,
            "report": report,
            "sections": sections,
            "visibility_form": ReportVisibilityForm(initial={"visibility": report.visibility}),
            "waiting": services.insights_waiting(report),
        },
    )


@login_required
@require_POST
def report_generate(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_manage(request, pk)
    services.generate_report(meeting, by=request.user)
    messages.success(request, _("The report is written from the synthesis. Check every part."))
    return redirect("events:report-edit", pk=meeting.pk)


@login_required
@require_POST
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_manage(request, pk)
    report = services.report_of(meeting)
    if report is None:
        raise Http404
    form = ReportVisibilityForm(request.POST)
    if form.is_valid():
        services.set_visibility(report, visibility=form.cleaned_data["visibility"], by=request.user)
        messages.success(
            request,
            _("The report is not published.")
            if report.visibility == "draft"
            else _("The report is published."),
        )
    else:
        messages.error(request, _("Choose who may read the report."))
    return redirect("events:report-edit", pk=meeting.pk)
