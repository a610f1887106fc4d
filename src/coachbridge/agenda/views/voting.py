"""Voting one card at a time (plain forms; htmx swaps in the next card), statements, opinions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coachbridge.agenda.access import (
    can_moderate,
    get_statement_to_moderate,
    get_statement_to_vote,
)
from coachbridge.agenda.forms import StatementForm
from coachbridge.agenda.models import Statement
from coachbridge.agenda.services import voting as services
from coachbridge.agenda.services.common import AgendaError
from coachbridge.agenda.services.opinions import opinion_view, role_split


def _card_context(request: HttpRequest, *, error: str = "", voted: bool = False) -> dict:
    done, total = services.progress(request.user)
    return {
        "statement": services.next_statement(request.user),
        "done": done,
        "total": total,
        "error": error,
        "voted": voted,
    }


@login_required
def vote(request: HttpRequest) -> HttpResponse:
    """The next statement to vote on."""
    return render(request, "agenda/vote.html", _card_context(request))


@login_required
@require_POST
def statement_vote(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_statement_to_vote(pk)
    error = ""
    try:
        value = int(request.POST.get("value", ""))
        services.cast_vote(statement, voter=request.user, value=value)
    except ValueError:
        error = _("Choose agree, disagree or pass.")
    except AgendaError as exc:
        error = str(exc)
    if request.htmx:
        return render(
            request, "agenda/vote.html#card", _card_context(request, error=error, voted=not error)
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Your vote is saved."))
    back = request.POST.get("next", "")
    # a path on this site only: redirect() would read "abc" as the name of a view
    if back.startswith("/") and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}
    ):
        return redirect(back)
    return redirect("agenda:vote")


@login_required
def statement_add(request: HttpRequest) -> HttpResponse:
    form = StatementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_statement(by=request.user, text=form.cleaned_data["text"])
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your statement is added. Others can now vote on it."))
            return redirect("agenda:vote")
    return render(request, "agenda/statement_form.html", {"form": form})


@login_required
@require_POST
def statement_hide(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_statement_to_moderate(request, pk)
    hidden = request.POST.get("hidden") == "1"
    services.set_statement_hidden(statement, hidden=hidden, by=request.user)
    messages.success(
        request, _("The statement is hidden.") if hidden else _("The statement is shown.")
    )
    return redirect("agenda:opinions")


@login_required
def opinions(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "agenda/opinions.html",
        {
            "view": opinion_view(request.user),
            "split": role_split(limit=15),
            "hidden": Statement.objects.filter(hidden=True) if can_moderate(request.user) else [],
        },
    )
