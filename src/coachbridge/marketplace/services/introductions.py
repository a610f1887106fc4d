"""Introductions: ask, accept, decline; contact details only after acceptance."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import phonenumbers
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coachbridge.common.activity import log_action
from coachbridge.common.emails import queue_email
from coachbridge.marketplace.enums import IntroductionStatus
from coachbridge.marketplace.models import Introduction, Post

MESSAGE_MAX_LENGTH = 1000
DEFAULT_PER_DAY = 10
EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


class IntroductionError(Exception):
    """An introduction cannot be asked or answered; the message is for the member."""


def per_day_limit() -> int:
    return int(getattr(settings, "MARKETPLACE_INTRODUCTIONS_PER_DAY", DEFAULT_PER_DAY))


def asked_today(user: Any) -> int:
    since = timezone.now() - dt.timedelta(days=1)
    return Introduction.objects.filter(requester=user, created__gte=since).count()


def limit_reached() -> str:
    limit = per_day_limit()
    return ngettext(
        "You asked for %(limit)d introduction in the last 24 hours. That is the limit, to "
        "keep the marketplace free of spam. You can ask again tomorrow.",
        "You asked for %(limit)d introductions in the last 24 hours. That is the limit, to "
        "keep the marketplace free of spam. You can ask again tomorrow.",
        limit,
    ) % {"limit": limit}


def between(post: Post, other: Post) -> Introduction | None:
    return Introduction.objects.filter(
        Q(requester_post=post, recipient_post=other) | Q(requester_post=other, recipient_post=post)
    ).first()


def about_post(post: Post, viewer: Any):
    """The introductions between ``viewer`` and the author of ``post`` about ``post``: asked
    from it, or asked about it by ``viewer`` (from any of their own posts)."""
    return (
        Introduction.objects.filter(
            Q(requester=viewer, recipient_post=post) | Q(recipient=viewer, requester_post=post)
        )
        .select_related("requester_post", "recipient_post")
        .order_by("-created", "-pk")
    )


def check_message(message: str) -> None:
    """Refuse a message that is too long or that gives away contact details early."""
    if len(message) > MESSAGE_MAX_LENGTH:
        raise IntroductionError(
            _("Your message is too long: at most %(limit)d characters.")
            % {"limit": MESSAGE_MAX_LENGTH}
        )
    phone_numbers = phonenumbers.PhoneNumberMatcher(message, "NL")
    if EMAIL_IN_TEXT.search(message) or phone_numbers.has_next():
        raise IntroductionError(
            _(
                "Leave out e-mail addresses and phone numbers. You see each other's contact "
                "details as soon as the other person accepts."
            )
        )


def request_introduction(
    own_post: Post, other_post: Post, *, by: Any, message: str = ""
) -> Introduction:
    """``by`` (author of ``own_post``) asks to meet the author of ``other_post``."""
    message = message.strip()
    if own_post.author_id != by.pk:
        raise IntroductionError(_("You can only ask for an introduction from your own post."))
    if other_post.author_id == by.pk:
        raise IntroductionError(_("This is your own post."))
    if own_post.kind == other_post.kind:
        raise IntroductionError(_("An introduction connects a question with an offer."))
    if not other_post.is_open:
        raise IntroductionError(_("This post is no longer open."))
    check_message(message)
    if between(own_post, other_post) is not None:
        raise IntroductionError(_("There already is an introduction between these posts."))
    if Introduction.objects.filter(requester=by, recipient_post=other_post).exists():
        raise IntroductionError(
            _("You already asked for an introduction about this post. You find it on this page.")
        )
    if asked_today(by) >= per_day_limit():
        raise IntroductionError(limit_reached())
    try:
        with transaction.atomic():
            introduction = Introduction.objects.create(
                requester=by,
                recipient=other_post.author,
                requester_post=own_post,
                recipient_post=other_post,
                message=message,
            )
    except IntegrityError as error:
        raise IntroductionError(
            _("There already is an introduction between these posts.")
        ) from error
    log_action("marketplace.introduction_requested", actor=by, obj=introduction)
    _send(introduction, to=introduction.recipient, template="introduction_requested")
    return introduction


def answer_introduction(introduction: Introduction, *, by: Any, accept: bool) -> None:
    if introduction.recipient_id != by.pk:
        raise IntroductionError(_("Only the person who was asked can answer."))
    if introduction.status != IntroductionStatus.REQUESTED:
        raise IntroductionError(_("This introduction has been answered already."))
    introduction.status = IntroductionStatus.ACCEPTED if accept else IntroductionStatus.DECLINED
    introduction.answered_at = timezone.now()
    introduction.save(update_fields=["status", "answered_at"])
    log_action("marketplace.introduction_answered", actor=by, obj=introduction, accepted=accept)
    _send(introduction, to=introduction.requester, template="introduction_answered")


def other_person(introduction: Introduction, viewer: Any) -> Any:
    return (
        introduction.recipient if introduction.requester_id == viewer.pk else introduction.requester
    )


def contact_details(introduction: Introduction, viewer: Any) -> dict[str, str] | None:
    """The other person's contact details: only for the two people, only after acceptance."""
    if not introduction.is_accepted or viewer.pk not in (
        introduction.requester_id,
        introduction.recipient_id,
    ):
        return None
    person = other_person(introduction, viewer)
    profile = getattr(person, "profile", None)
    details = {"name": str(person), "email": person.email}
    if profile is not None:
        details.update(
            organisation=profile.organisation, website=profile.website, linkedin=profile.linkedin
        )
    return {key: value for key, value in details.items() if value}


def introductions_of(user: Any):
    """Every introduction ``user`` asked for or was asked for, newest first."""
    return (
        Introduction.objects.filter(Q(requester=user) | Q(recipient=user))
        .select_related(
            "requester__profile", "recipient__profile", "requester_post", "recipient_post"
        )
        .order_by("-created", "-pk")
    )


def waiting_for_answer(user: Any):
    """Requests ``user`` still has to answer: the marketplace's notifications."""
    return introductions_of(user).filter(recipient=user, status=IntroductionStatus.REQUESTED)


def _send(introduction: Introduction, *, to: Any, template: str) -> None:
    link = f"{settings.SITE_URL}{introduction.get_absolute_url()}"
    home = f"{settings.SITE_URL}{reverse('marketplace:home')}"
    with translation.override(to.language or settings.LANGUAGE_CODE):
        context = {
            "introduction": introduction,
            "recipient": to,
            "other": other_person(introduction, to),
            "link": link,
            "home": home,
            "SITE_NAME": settings.SITE_NAME,
        }
        subject = render_to_string(f"marketplace/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"marketplace/email/{template}_message.txt", context)
    queue_email(
        EmailMultiAlternatives(
            subject=f"[{settings.SITE_NAME}] {subject}", body=body, to=[to.email]
        )
    )
