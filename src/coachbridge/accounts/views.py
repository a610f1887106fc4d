from __future__ import annotations

import json
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required, permission_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coachbridge.accounts.forms import DeleteAccountForm, MemberFilterForm, ProfileForm
from coachbridge.accounts.models import Profile, User
from coachbridge.accounts.queries import member_directory, members_per_role
from coachbridge.accounts.services import (
    AccountError,
    create_profile,
    delete_member,
    export_personal_data,
    record_profile_change,
)
from coachbridge.common.filters import valid_filters
from coachbridge.common.pagination import page_of

MEMBERS_PER_PAGE = 24


def get_profile_for_user(request: HttpRequest, pk: int) -> Profile:
    """The profile, if this visitor may see it; 404 otherwise (never reveals that it exists)."""
    profile = Profile.objects.visible_to(request.user).filter(pk=pk).first()
    if profile is None:
        raise Http404
    return profile


def own_profile(user: User) -> Profile:
    profile = Profile.objects.filter(user=user).first()
    return profile or create_profile(user, display_name=user.email.split("@")[0])


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    profile = own_profile(request.user)
    missing = [
        label
        for label, filled in [
            (_("your roles"), profile.roles.exists()),
            (_("your themes"), profile.themes.exists()),
            (_("a short text about you"), bool(profile.bio)),
        ]
        if not filled
    ]
    return render(request, "accounts/dashboard.html", {"profile": profile, "missing": missing})


@login_required
def profile_edit(request: HttpRequest) -> HttpResponse:
    profile = own_profile(request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        record_profile_change(profile, by=request.user, changed_fields=form.changed_data)
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile-edit")
    return render(request, "accounts/profile_form.html", {"form": form, "profile": profile})


@login_required
def member_list(request: HttpRequest) -> HttpResponse:
    form = MemberFilterForm(request.GET or None)
    filters = valid_filters(form)
    profiles = member_directory(
        request.user,
        q=filters.get("q", ""),
        role=filters.get("role", ""),
        theme=filters.get("theme"),
        region=filters.get("region", ""),
    )
    template = (
        "accounts/member_list.html#htmx-update" if request.htmx else "accounts/member_list.html"
    )
    return render(request, template, {"form": form, **page_of(request, profiles, MEMBERS_PER_PAGE)})


def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    profile = get_profile_for_user(request, pk)
    return render(request, "accounts/member_detail.html", {"profile": profile})


def member_photo(request: HttpRequest, pk: int) -> FileResponse:
    profile = get_profile_for_user(request, pk)
    if not profile.photo:
        raise Http404
    response = FileResponse(profile.photo.open("rb"))
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def privacy(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm()
    return render(request, "accounts/privacy.html", {"form": form})


@login_required
@require_POST
def export_data(request: HttpRequest) -> HttpResponse:
    data = export_personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.json"'
    return response


@login_required
@require_POST
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST)
    if form.is_valid():
        try:
            delete_member(
                request.user,
                confirm_email=form.cleaned_data["confirm_email"],
                remove_contributions=form.cleaned_data["remove_contributions"],
            )
        except AccountError as error:
            form.add_error("confirm_email", str(error))
        else:
            logout(request)
            messages.success(request, _("Your account and your personal data are deleted."))
            return redirect("home")
    return render(request, "accounts/privacy.html", {"form": form}, status=400)


@login_required
@permission_required("accounts.view_organiser_menu", raise_exception=True)
def organiser(request: HttpRequest) -> HttpResponse:
    month_ago = timezone.now() - timedelta(days=30)
    members = User.objects.filter(is_active=True)
    context = {
        "member_count": members.count(),
        "new_member_count": members.filter(date_joined__gte=month_ago).count(),
        "roles": members_per_role(),
    }
    return render(request, "accounts/organiser.html", context)
