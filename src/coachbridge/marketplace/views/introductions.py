"""Introductions between members, and the digest's unsubscribe link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from coachbridge.marketplace.access import get_introduction_for_user, get_post_for_user
from coachbridge.marketplace.enums import DigestFrequency
from coachbridge.marketplace.forms import IntroductionForm
from coachbridge.marketplace.services import digest
from coachbridge.marketplace.services.introductions import (
    IntroductionError,
    answer_introduction,
    contact_details,
    other_person,
    request_introduction,
)
from coachbridge.marketplace.views.posts import own_posts_to_ask_from, post_page


@login_required
@require_POST
def introduction_request(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask to meet the author of post ``pk``, from one of one's own posts."""
    other = get_post_for_user(request, pk)
    from_own_page = request.POST.get("back") == "own"  # a button in one's list of matches
    form = IntroductionForm(request.POST, own_posts=own_posts_to_ask_from(request.user, other))
    if form.is_valid():
        try:
            request_introduction(
                form.cleaned_data["from_post"],
                other,
                by=request.user,
                message=form.cleaned_data["message"],
            )
        except IntroductionError as error:
            form.add_error(None, str(error))
    own = form.cleaned_data.get("from_post")
    if form.errors and not from_own_page:
        return post_page(request, other, introduction_form=form)  # keeps what was typed
    if form.errors:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    else:
        messages.success(
            request,
            _("Your request is sent. You will see the contact details once %(name)s accepts.")
            % {"name": other.author},
        )
    if from_own_page:
        return redirect(own or "marketplace:home")
    return redirect(other)


@login_required
def introduction_detail(request: HttpRequest, pk: int) -> HttpResponse:
    introduction = get_introduction_for_user(request, pk)
    return render(
        request,
        "marketplace/introduction_detail.html",
        {
            "introduction": introduction,
            "other": other_person(introduction, request.user),
            "asked_by_me": introduction.requester_id == request.user.pk,
            "contact": contact_details(introduction, request.user),
        },
    )


@login_required
@require_POST
def introduction_answer(request: HttpRequest, pk: int) -> HttpResponse:
    introduction = get_introduction_for_user(request, pk)
    accept = request.POST.get("answer") == "accept"
    try:
        answer_introduction(introduction, by=request.user, accept=accept)
    except IntroductionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("You accepted. You can now see each other's contact details.")
            if accept
            else _("You declined. We let the other person know."),
        )
    return redirect(introduction)


@csrf_exempt  # the mail program's one-click POST has no form token; the link's token is secret
def digest_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One click from the e-mail (the link, or the mail program's unsubscribe button) turns
    the digest off; works without logging in."""
    user = digest.user_for_token(token)
    if user is None:
        raise Http404
    if request.method == "POST" and request.POST.get("frequency") == DigestFrequency.WEEKLY:
        digest.set_frequency(user, frequency=DigestFrequency.WEEKLY, by=user)
        subscribed = True
    else:
        if digest.subscription_for(user).frequency != DigestFrequency.OFF:
            digest.set_frequency(user, frequency=DigestFrequency.OFF, by=user)
        subscribed = False
    return render(
        request, "marketplace/digest_unsubscribed.html", {"subscribed": subscribed, "token": token}
    )
