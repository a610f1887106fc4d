"""The public agenda: the top questions, their status and how they were chosen; exports."""

from __future__ import annotations

import csv

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from coachbridge.agenda.queries import current_agenda
from coachbridge.agenda.services.questions import notifications_for
from coachbridge.common.spreadsheet import safe_cell


def public(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "agenda/public.html",
        {"agenda": current_agenda(), "notifications": notifications_for(request.user)},
    )


def agenda_print(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "agenda/print.html",
        {"agenda": current_agenda(), "today": timezone.localdate(), "site_url": settings.SITE_URL},
    )


def _absolute(url: str) -> str:
    """A link on this site (a summary in the knowledge hub) with the site's address in front."""
    return settings.SITE_URL.rstrip("/") + url if url.startswith("/") else url


def agenda_csv(request: HttpRequest) -> HttpResponse:
    agenda = current_agenda()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="research-agenda.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = csv.writer(response)
    writer.writerow(
        [
            _("place"),
            _("question"),
            _("why it matters"),
            _("who it concerns"),
            _("themes"),
            _("status"),
            _("study"),
            _("summary"),
            _("agree votes"),
            _("votes"),
            _("chosen in"),
        ]
    )
    chosen_in = agenda.round.title if agenda.round else _("votes on the agenda")
    for row in agenda.rows:
        question = row.question
        writer.writerow(
            safe_cell(value)
            for value in [
                row.place,
                question.title,
                question.why,
                question.who,
                "; ".join(theme.name for theme in question.themes.all()),
                question.get_status_display(),
                question.study_url or question.study_text,
                _absolute(question.answer_url),
                row.agree,
                row.votes,
                chosen_in,
            ]
        )
    return response
