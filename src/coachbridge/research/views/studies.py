"""The coach's side of a practice-based study. Every page that shows answers is logged."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from coachbridge.common.activity import log_action
from coachbridge.research import services
from coachbridge.research.access import (
    get_own_coachee,
    get_study_for_coach,
    get_study_to_lead,
)
from coachbridge.research.export import write_study_csv
from coachbridge.research.forms import CoacheeForm, StudyForm
from coachbridge.research.models import Study
from coachbridge.research.results import (
    MIN_GROUP,
    coachee_changes,
    coachee_rows,
    coachee_timeline,
    network_summary,
    raters_of,
    session_trend,
)


@login_required
def study_list(request: HttpRequest) -> HttpResponse:
    studies = services.studies_of(request.user)
    return render(request, "research/study_list.html", {"studies": studies})


@login_required
@require_http_methods(["GET", "POST"])
def study_create(request: HttpRequest) -> HttpResponse:
    initial = {"agenda_question": request.GET.get("question")}
    form = StudyForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        study = services.create_study(
            request.user,
            title=form.cleaned_data["title"],
            aim=form.cleaned_data["aim"],
            agenda_question=form.cleaned_data["agenda_question"],
        )
        messages.success(request, _("Your study is ready. Add your first coachee."))
        return redirect(study)
    return render(request, "research/study_form.html", {"form": form})


@never_cache
@login_required
def study_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_page(request, get_study_for_coach(request, pk), CoacheeForm())


def _detail_page(
    request: HttpRequest, study: Study, coachee_form: CoacheeForm, status: int = 200
) -> HttpResponse:
    log_action("research.study_viewed", actor=request.user, obj=study)
    in_view = services.coachees_in_view(study, request.user)
    is_lead = study.owner_id == request.user.pk
    return render(
        request,
        "research/study_detail.html",
        {
            "study": study,
            "is_lead": is_lead,
            "coaches": services.study_coaches(study) if is_lead else [],
            "rows": coachee_rows(in_view.filter(coach=request.user)),
            "changes": coachee_changes(in_view),
            "sessions": session_trend(in_view),
            "network": network_summary(raters_of(in_view), coach_id=request.user.pk),
            "min_group": MIN_GROUP,
            "coachee_form": coachee_form,
        },
        status=status,
    )


@login_required
@require_POST
def coachee_add(request: HttpRequest, pk: int) -> HttpResponse:
    study = get_study_for_coach(request, pk)
    form = CoacheeForm(request.POST)
    if form.is_valid():
        try:
            coachee = services.add_coachee(
                study,
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            if form.cleaned_data["email"]:
                message = _("Coachee %(code)s is added and gets the link by e-mail.")
            else:
                message = _("Coachee %(code)s is added. Give them the link below.")
            messages.success(request, message % {"code": coachee.code})
        return redirect(study)
    return _detail_page(request, study, form, status=400)


@never_cache
@login_required
def coachee_detail(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """One coachee's answers over time, with what they wrote: the coach's own client."""
    coachee = get_own_coachee(request, pk, code)
    log_action("research.coachee_viewed", actor=request.user, obj=coachee.study, code=code)
    return render(
        request,
        "research/coachee_detail.html",
        {"study": coachee.study, "coachee": coachee, "timeline": coachee_timeline(coachee)},
    )


@login_required
@require_POST
def coachee_end(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    coachee = get_own_coachee(request, pk, code)
    services.open_end(coachee, by=request.user)
    messages.success(
        request, _("The end questionnaire is open for %(code)s.") % {"code": coachee.code}
    )
    return redirect(coachee.study)


@login_required
@require_POST
def link_renew(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    coachee = get_own_coachee(request, pk, code)
    if coachee.study.is_open and not coachee.withdrawn_at:
        services.renew_link(coachee, by=request.user)
        messages.success(
            request,
            _("%(code)s has a new link. The old link no longer works.") % {"code": coachee.code},
        )
    return redirect(coachee.study)


@login_required
@require_POST
def link_revoke(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    coachee = get_own_coachee(request, pk, code)
    services.revoke_link(coachee, by=request.user)
    messages.success(request, _("The link of %(code)s no longer works.") % {"code": coachee.code})
    return redirect(coachee.study)


@login_required
@require_POST
def study_close(request: HttpRequest, pk: int) -> HttpResponse:
    study = get_study_to_lead(request, pk)
    if study.is_open:
        services.close_study(study, by=request.user)
        messages.success(
            request,
            _("The study is closed. The answers stay; links and e-mail addresses are gone."),
        )
    return redirect(study)


@never_cache
@login_required
def study_export(request: HttpRequest, pk: int) -> HttpResponse:
    study = get_study_for_coach(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = slugify(study.title) or "study"
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    rows = write_study_csv(services.coachees_in_view(study, request.user), response)
    log_action("research.exported", actor=request.user, obj=study, rows=rows)
    return response


@login_required
@require_POST
def join_link_renew(request: HttpRequest, pk: int) -> HttpResponse:
    study = get_study_to_lead(request, pk)
    services.renew_join_link(study, by=request.user)
    messages.success(request, _("The study has a new join link. The old link no longer works."))
    return redirect(f"{study.get_absolute_url()}#coaches-heading")


@login_required
@require_http_methods(["GET", "POST"])
def study_join(request: HttpRequest, token: str) -> HttpResponse:
    """A coach joins a study through the link its lead shared; unknown links are a 404."""
    study = services.study_by_join_token(token)
    if study is None:
        raise Http404
    if services.is_study_coach(study, request.user):
        return redirect(study)
    if request.method == "POST":
        try:
            services.join_study(study, request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("You have joined the study. Add your first coachee."))
            return redirect(study)
    return render(request, "research/study_join.html", {"study": study})
