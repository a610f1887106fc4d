"""Pages behind a personal link, for coachees and the people close to them (no account).

A link does one thing: it shows that one person's consent, questionnaire and choices. Unknown,
revoked and expired links are the same plain 404.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from coachbridge.research import services
from coachbridge.research.access import get_participant_by_token
from coachbridge.research.consent import IDENTIFIABLE_CONSENT, consent_points
from coachbridge.research.enums import Moment, RaterGroup
from coachbridge.research.forms import ConsentForm, QuestionnaireForm, RaterForm
from coachbridge.research.instruments import (
    COACHEE_SESSION,
    COACHEE_START,
    Instrument,
    instrument_for,
)
from coachbridge.research.models import Participant
from coachbridge.research.results import MIN_GROUP, network_summary, scale_scores

LinkView = Callable[[HttpRequest, Participant], HttpResponse]


def personal_link(view: LinkView) -> Callable[..., HttpResponse]:
    """Load the person behind the token, speak their language, keep the page out of caches."""

    @never_cache
    @wraps(view)
    def wrapper(request: HttpRequest, token: str) -> HttpResponse:
        participant = get_participant_by_token(token)
        if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            translation.activate(participant.language)
            request.LANGUAGE_CODE = participant.language
        response = view(request, participant)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper


def _render(
    request: HttpRequest, template: str, participant: Participant, status: int = 200, **context: Any
) -> HttpResponse:
    return render(
        request,
        f"research/link/{template}",
        {
            "participant": participant,
            "study": participant.study,
            "coach_name": services.coach_name(participant),
            **context,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@personal_link
def link_home(request: HttpRequest, participant: Participant) -> HttpResponse:
    services.note_link_opened(participant, by=request.user)
    if participant.withdrawn_at:
        return _render(request, "withdrawn.html", participant)
    is_partner = participant.group == RaterGroup.PARTNER
    if not services.has_consent(participant):
        form = ConsentForm(request.POST if request.method == "POST" else None, partner=is_partner)
        if request.method == "POST" and form.is_valid():
            services.give_consent(
                participant, identifiable=form.cleaned_data.get("identifiable", False)
            )
            return redirect("research:link", token=participant.token)
        return _render(
            request,
            "consent.html",
            participant,
            status=400 if form.errors else 200,
            form=form,
            consent=consent_points(
                services.consent_version(participant),
                lead=services.member_name(participant.study.owner),
            ),
            identifiable=consent_points(IDENTIFIABLE_CONSENT) if is_partner else [],
        )
    if request.method == "POST":
        return redirect("research:link", token=participant.token)
    context: dict[str, Any] = {
        "due": services.due_moment(participant),
        "check_in": services.can_check_in(participant),
    }
    if participant.is_coachee:
        context |= _coachee_context(
            participant, RaterForm(partner_asked=_partner_asked(participant))
        )
    return _render(request, "home.html", participant, **context)


def _partner_asked(coachee: Participant) -> bool:
    return coachee.raters.filter(group=RaterGroup.PARTNER).exists()


def _coachee_context(coachee: Participant, rater_form: RaterForm) -> dict[str, Any]:
    raters = list(coachee.raters.filter(withdrawn_at__isnull=True).prefetch_related("responses"))
    own = {
        response.moment: scale_scores(COACHEE_START, response.answers)
        for response in coachee.responses.all()
        if response.moment in (Moment.START, Moment.END)
    }
    scores = [
        (scale, own.get(Moment.START, {}).get(scale.code), own.get(Moment.END, {}).get(scale.code))
        for scale in COACHEE_START.scales
    ]
    return {
        "finished": Moment.END in own,
        "sessions": sum(1 for r in coachee.responses.all() if r.moment == Moment.SESSION),
        "raters": raters,
        "rater_form": rater_form,
        "scores": scores if own else [],
        "network": network_summary(raters, coach_id=coachee.coach_id),
        "min_group": MIN_GROUP,
    }


@require_http_methods(["GET", "POST"])
@personal_link
def link_questionnaire(request: HttpRequest, participant: Participant) -> HttpResponse:
    moment = services.due_moment(participant)
    if moment is None or not services.has_consent(participant):
        return redirect("research:link", token=participant.token)

    def save(answers: dict[str, int | None], comment: str) -> object:
        return services.save_response(participant, moment=moment, answers=answers, comment=comment)

    return _questionnaire_page(request, participant, instrument_for(moment), save)


@require_http_methods(["GET", "POST"])
@personal_link
def link_check_in(request: HttpRequest, participant: Participant) -> HttpResponse:
    if not services.can_check_in(participant):
        return redirect("research:link", token=participant.token)

    def save(answers: dict[str, int | None], comment: str) -> object:
        return services.save_check_in(participant, answers=answers, comment=comment)

    return _questionnaire_page(request, participant, COACHEE_SESSION, save)


def _questionnaire_page(
    request: HttpRequest,
    participant: Participant,
    instrument: Instrument,
    save: Callable[[dict[str, int | None], str], object],
) -> HttpResponse:
    form = QuestionnaireForm(
        request.POST if request.method == "POST" else None, instrument=instrument
    )
    if request.method == "POST" and form.is_valid():
        try:
            save(form.answers(), form.comment())
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Thank you. Your answers are saved."))
        return redirect("research:link", token=participant.token)
    return _render(
        request,
        "questionnaire.html",
        participant,
        status=400 if form.errors else 200,
        form=form,
        instrument=instrument,
    )


@require_POST
@personal_link
def link_rater_add(request: HttpRequest, participant: Participant) -> HttpResponse:
    if not participant.is_coachee or participant.withdrawn_at:
        raise Http404
    if not services.has_consent(participant):
        return redirect("research:link", token=participant.token)
    form = RaterForm(request.POST, partner_asked=_partner_asked(participant))
    if form.is_valid():
        try:
            rater = services.add_rater(
                participant,
                group=form.cleaned_data["group"],
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            if form.cleaned_data["email"]:
                messages.success(request, _("We have sent the link. Thank you for asking."))
            else:
                messages.success(request, _("Send the new link below to this person."))
            return redirect(f"{participant.get_link_url()}#rater-{rater.code}")
    context = {
        "due": services.due_moment(participant),
        "check_in": services.can_check_in(participant),
        **_coachee_context(participant, form),
    }
    return _render(request, "home.html", participant, status=400, **context)


@require_http_methods(["GET", "POST"])
@personal_link
def link_withdraw(request: HttpRequest, participant: Participant) -> HttpResponse:
    if participant.withdrawn_at:
        return redirect("research:link", token=participant.token)
    if request.method == "POST":
        services.withdraw(participant)
        return redirect("research:link", token=participant.token)
    return _render(request, "withdraw.html", participant)
