"""The digest: an e-mail with only the new matches since the last one, in the member's language.

`send_marketplace_digests` (a periodic command) calls :func:`send_due_digests`. A member is due
when the last digest is a week old; the claim is a conditional UPDATE, so two runs at the same
time never send twice. Matches that were in a digest are remembered (``DigestedMatch``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from coachbridge.common.activity import log_action
from coachbridge.common.emails import queue_email
from coachbridge.marketplace.enums import DigestFrequency
from coachbridge.marketplace.models import DigestedMatch, DigestSubscription, Post
from coachbridge.marketplace.services.matching import FoundMatch, matches_for

INTERVALS = {DigestFrequency.WEEKLY: dt.timedelta(days=7)}
UNSUBSCRIBE_SALT = "marketplace.digest.unsubscribe"
MATCHES_PER_POST = 5


def subscription_for(user: Any) -> DigestSubscription:
    subscription, _ = DigestSubscription.objects.get_or_create(user=user)
    return subscription


def set_frequency(user: Any, *, frequency: str, by: Any = None) -> None:
    subscription = subscription_for(user)
    subscription.frequency = frequency
    subscription.save(update_fields=["frequency"])
    log_action("marketplace.digest_set", actor=by or user, obj=subscription, frequency=frequency)


def unsubscribe_token(user: Any) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def user_for_token(token: str) -> Any:
    """The member behind an unsubscribe link, or None for a link that was not ours."""
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=pk, is_active=True).first()


def unsubscribe_link(user: Any) -> str:
    path = reverse("marketplace:digest-unsubscribe", kwargs={"token": unsubscribe_token(user)})
    return f"{settings.SITE_URL}{path}"


def new_matches(user: Any) -> list[tuple[Post, list[FoundMatch]]]:
    """Per open post of ``user``: matches that no digest has shown yet."""
    result = []
    for post in Post.objects.open().filter(author=user).order_by("created", "pk"):
        found = matches_for(post, k=MATCHES_PER_POST, with_introductions=False)
        sent = set(
            DigestedMatch.objects.filter(
                post=post, other__in=[match.post for match in found]
            ).values_list("other_id", flat=True)
        )
        fresh = [match for match in found if match.post.pk not in sent]
        if fresh:
            result.append((post, fresh))
    return result


def send_digest(user: Any, *, now: dt.datetime | None = None) -> int:
    """E-mail ``user`` their new matches; returns how many (0: nothing is sent)."""
    now = now or timezone.now()
    found = new_matches(user)
    count = sum(len(matches) for _, matches in found)
    if not count:
        return 0
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "found": found,
            "count": count,
            "home": f"{settings.SITE_URL}{reverse('marketplace:home')}",
            "site_url": settings.SITE_URL,
            "unsubscribe": unsubscribe_link(user),
            "SITE_NAME": settings.SITE_NAME,
        }
        subject = render_to_string("marketplace/email/digest_subject.txt", context).strip()
        body = render_to_string("marketplace/email/digest_message.txt", context)
        html = render_to_string("marketplace/email/digest_message.html", context)
    message = EmailMultiAlternatives(
        subject=f"[{settings.SITE_NAME}] {subject}",
        body=body,
        to=[user.email],
        # one click in the mail program itself (RFC 8058): it POSTs to the same link
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    with transaction.atomic():
        DigestedMatch.objects.bulk_create(
            [
                DigestedMatch(post=post, other=match.post, sent_at=now)
                for post, matches in found
                for match in matches
            ],
            ignore_conflicts=True,
        )
        log_action("marketplace.digest_sent", obj=subscription_for(user), matches=count)
    queue_email(message)
    return count


def _claim(subscription: DigestSubscription, now: dt.datetime) -> bool:
    """Mark the digest as sent unless another run did so first (a conditional UPDATE)."""
    claimed = DigestSubscription.objects.filter(
        pk=subscription.pk, frequency=DigestFrequency.WEEKLY
    )
    if subscription.last_sent_at is None:
        claimed = claimed.filter(last_sent_at__isnull=True)
    else:
        claimed = claimed.filter(last_sent_at=subscription.last_sent_at)
    return claimed.update(last_sent_at=now) == 1


def send_due_digests(*, now: dt.datetime | None = None) -> tuple[int, int]:
    """Send every due digest; returns (members e-mailed, matches sent)."""
    now = now or timezone.now()
    authors = Post.objects.open().values_list("author_id", flat=True).distinct()
    users = get_user_model().objects.filter(pk__in=authors, is_active=True).order_by("pk")
    mailed = matches = 0
    for user in users:
        subscription = subscription_for(user)
        interval = INTERVALS.get(subscription.frequency)
        if interval is None:
            continue
        if subscription.last_sent_at is not None and now - subscription.last_sent_at < interval:
            continue
        if not _claim(subscription, now):
            continue
        sent = send_digest(user, now=now)
        mailed += bool(sent)
        matches += sent
    return mailed, matches
