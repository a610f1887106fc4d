"""Priority-setting rounds (James Lind Alliance): long list, interim survey, short list, top 10."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from coachbridge.agenda.access import (
    can_moderate,
    get_round,
    get_round_to_manage,
    require_moderator,
)
from coachbridge.agenda.enums import RoundStage
from coachbridge.agenda.forms import FinalWorkshopForm, RoundForm
from coachbridge.agenda.models import PriorityRound
from coachbridge.agenda.services import rounds as services
from coachbridge.agenda.services.common import AgendaError
from coachbridge.common.numbers import whole_number


def _ranks(request: HttpRequest, entry_ids: list[int], most: int) -> tuple[list[int], str]:
    """Entry ids in the order of the rank each got in the form (`rank-<id>`); an error text."""
    ranked: dict[int, int] = {}
    for pk in entry_ids:
        raw = request.POST.get(f"rank-{pk}", "").strip()
        if not raw:
            continue
        try:
            rank = int(raw)
        except ValueError:
            return [], _("A place must be a number.")
        if not 1 <= rank <= most:
            return [], _("A place is a number from 1 to %(most)d.") % {"most": most}
        if rank in ranked.values():
            return [], _(
                "Give each place to one question only (place %(place)d is used twice)."
            ) % {"place": rank}
        ranked[pk] = rank
    return sorted(ranked, key=ranked.__getitem__), ""


def _typed_places(request: HttpRequest, entry_ids: list[int]) -> dict[int, int]:
    """The places as typed, by entry id; what is not a whole number is left out."""
    typed = {pk: whole_number(request.POST.get(f"rank-{pk}")) for pk in entry_ids}
    return {pk: place for pk, place in typed.items() if place is not None}


def _tell_if_places_closed_up(request: HttpRequest, ranked: list[int]) -> None:
    """Places count in their order: 1, 3 and 7 are saved as 1, 2 and 3. Say so when it happens."""
    count = len(ranked)
    given = sorted(_typed_places(request, ranked).values())
    if given != list(range(1, count + 1)):
        messages.info(
            request,
            ngettext(
                "You skipped some places, so your question counts as place 1.",
                "You skipped some places, so your %(count)d questions count as places 1 to "
                "%(count)d, in the order you gave them.",
                count,
            )
            % {"count": count},
        )


@login_required
def round_list(request: HttpRequest) -> HttpResponse:
    rounds = PriorityRound.objects.all()
    if not can_moderate(request.user):
        rounds = rounds.exclude(stage=RoundStage.DRAFT)
    return render(
        request,
        "agenda/round_list.html",
        {"rounds": rounds, "moderator": can_moderate(request.user)},
    )


@login_required
def round_create(request: HttpRequest) -> HttpResponse:
    require_moderator(request)
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            priority_round = services.create_round(
                by=request.user,
                title=data["title"],
                description=data["description"],
                pick_limit=data["pick_limit"],
                shortlist_size=data["shortlist_size"],
                top_size=data["top_size"],
                questions=list(data["questions"]),
            )
        except AgendaError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The round is made. Open it when the long list is ready."))
            return redirect(priority_round)
    return render(request, "agenda/round_form.html", {"form": form})


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    priority_round = get_round(pk)
    moderator = can_moderate(request.user)
    if priority_round.stage == RoundStage.DRAFT and not moderator:
        raise Http404
    entries = list(priority_round.entries.select_related("question"))
    picked = services.ballot_of(priority_round, request.user)
    error = ""
    if request.method == "POST":
        ranked, error = _ranks(
            request, [entry.pk for entry in entries], most=priority_round.pick_limit
        )
        if not error:
            try:
                services.submit_ballot(priority_round, voter=request.user, entry_ids=ranked)
            except AgendaError as exc:
                error = str(exc)
            else:
                messages.success(request, _("Thank you! Your choice is saved."))
                _tell_if_places_closed_up(request, ranked)
                return redirect(priority_round)
    places = {pk: place for place, pk in enumerate(picked, 1)}
    if request.method == "POST":
        places = _typed_places(request, [entry.pk for entry in entries])
    rows = [(entry, places.get(entry.pk)) for entry in entries]
    result = priority_round.interim_result
    titles = {entry.pk: entry.question for entry in entries}
    return render(
        request,
        "agenda/round_detail.html",
        {
            "round": priority_round,
            "rows": rows,
            "choices": range(1, priority_round.pick_limit + 1),
            "error": error,
            "has_ballot": bool(picked),
            "moderator": moderator,
            "interim": [
                {**row, "question_obj": titles.get(row["entry"])} for row in result.get("rows", [])
            ],
            "shortlist_size": priority_round.shortlist_size,
            "groups": services.chosen_by(priority_round.final_result or result),
            "final": priority_round.final_result.get("top", []),
        },
        status=400 if error else 200,
    )


@login_required
@require_POST
def round_advance(request: HttpRequest, pk: int) -> HttpResponse:
    """Open the round (draft) or close the interim survey and make the short list."""
    priority_round = get_round_to_manage(request, pk)
    try:
        if priority_round.stage == RoundStage.DRAFT:
            services.open_round(priority_round, by=request.user)
            messages.success(request, _("The round is open. Members can now choose."))
        elif priority_round.stage == RoundStage.INTERIM:
            services.close_interim(priority_round, by=request.user)
            messages.success(request, _("The survey is closed and the short list is made."))
        else:
            raise AgendaError(_("This round has no next step here."))
    except AgendaError as error:
        messages.error(request, str(error))
    return redirect(priority_round)


@login_required
def round_final(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the top list the final workshop settled, with its reasoning."""
    priority_round = get_round_to_manage(request, pk)
    if priority_round.stage != RoundStage.SHORTLISTED:
        messages.error(
            request, _("The top list is settled after the short list is made, only once.")
        )
        return redirect(priority_round)
    entries = services.shortlist(priority_round)
    form = FinalWorkshopForm(request.POST or None)
    error = ""
    places: dict[int, int] = {}
    if request.method == "POST":
        ranked, error = _ranks(
            request, [entry.pk for entry in entries], most=priority_round.top_size
        )
        places = {pk: place for place, pk in enumerate(ranked, 1)} if not error else {}
        if not error and not form.is_valid():
            error = " ".join(form.errors["workshop"])
        if not error:
            try:
                services.record_final(
                    priority_round,
                    by=request.user,
                    entry_ids=ranked,
                    reasoning=request.POST.get("reasoning", ""),
                    workshop=form.cleaned_data["workshop"],
                )
            except AgendaError as exc:
                error = str(exc)
            else:
                messages.success(request, _("The top list is recorded."))
                return redirect(priority_round)
    return render(
        request,
        "agenda/round_final.html",
        {
            "round": priority_round,
            "rows": [(entry, places.get(entry.pk)) for entry in entries],
            "choices": range(1, priority_round.top_size + 1),
            "meetings": form.fields["workshop"].queryset,
            "error": error,
            "reasoning": request.POST.get("reasoning", ""),
            "workshop": request.POST.get("workshop", ""),
        },
        status=400 if error else 200,
    )
