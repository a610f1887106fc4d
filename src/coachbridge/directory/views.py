"""Public pages: the coach directory and the help-finder."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from coachbridge.common.filters import valid_filters
from coachbridge.common.pagination import page_of
from coachbridge.common.ratelimit import over_limit, visitor_key
from coachbridge.directory.forms import DirectoryFilterForm, HelpForm
from coachbridge.directory.safety import danger_in
from coachbridge.directory.services import find_help, public_coaches

COACHES_PER_PAGE = 24
QUESTIONS_PER_MINUTE = 10  # per visitor: more than a person types, fewer than a script sends


def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None)
    filters = valid_filters(form)
    coaches = public_coaches(
        q=filters.get("q", ""),
        theme=filters.get("theme"),
        region=filters.get("region", ""),
        language=filters.get("language", ""),
        lower_rate=bool(filters.get("lower_rate")),
    )
    return render(
        request,
        "directory/directory.html",
        {"form": form, **page_of(request, coaches, COACHES_PER_PAGE)},
    )


@never_cache  # the answer repeats the visitor's question: no copy in a shared cache
@require_http_methods(["GET", "POST"])
def help_finder(request: HttpRequest) -> HttpResponse:
    """A POST, so the question stays out of addresses, browser history and server logs."""
    form = HelpForm(request.POST or None)
    answer, danger, status = None, "", 200
    if request.method == "POST" and form.is_valid():
        question = form.cleaned_data["question"]
        if over_limit([(f"help:{visitor_key(request)}", QUESTIONS_PER_MINUTE)]):
            form.add_error(
                None,
                _("You asked many questions in a short time. Please wait a minute and ask again."),
            )
            danger, status = danger_in(question), 429  # where urgent help is, still first
        else:
            answer = find_help(
                question,
                lang=translation.get_language() or "nl",
                region=form.cleaned_data["region"],
                language=form.cleaned_data["language"],
                lower_rate=form.cleaned_data["lower_rate"],
            )
    context = {"form": form, "answer": answer, "danger": danger}
    return render(request, "directory/help.html", context, status=status)
