"""The personal data kept by the marketplace, for export and erasure (GDPR)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from coachbridge.common.privacy import register_personal_data
from coachbridge.marketplace.models import DigestSubscription, HiddenMatch, Introduction, Post


def export_marketplace(user: Any) -> dict[str, Any]:
    subscription = DigestSubscription.objects.filter(user=user).first()
    return {
        "posts": [
            {
                "kind": post.kind,
                "title": post.title,
                "text": post.text,
                "category": post.category,
                "themes": [theme.slug for theme in post.themes.all()],
                "language": post.language,
                "meeting": post.meeting.title if post.meeting else None,
                "ends_on": post.ends_on.isoformat() if post.ends_on else None,
                "status": post.status,
                "public": post.is_public,
                "created": post.created.isoformat(),
                "hidden_matches": [
                    hidden.other.title for hidden in post.hidden_matches.select_related("other")
                ],
            }
            for post in Post.objects.filter(author=user).prefetch_related("themes")
        ],
        "introductions": [
            {
                "asked_by_you": introduction.requester_id == user.pk,
                "your_post": (
                    introduction.requester_post.title
                    if introduction.requester_id == user.pk
                    else introduction.recipient_post.title
                ),
                "message": introduction.message if introduction.requester_id == user.pk else "",
                "status": introduction.status,
                "created": introduction.created.isoformat(),
            }
            for introduction in Introduction.objects.filter(
                Q(requester=user) | Q(recipient=user)
            ).select_related("requester_post", "recipient_post")
        ],
        "digest": subscription.frequency if subscription else None,
    }


def erase_marketplace(user: Any, remove_contributions: bool) -> None:
    """Posts and introductions are personal (they lead to the member): they always go."""
    from coachbridge.marketplace.tasks import index_post  # noqa: PLC0415 -- tasks import services

    post_ids = list(Post.objects.filter(author=user).values_list("pk", flat=True))
    Introduction.objects.filter(Q(requester=user) | Q(recipient=user)).delete()
    HiddenMatch.objects.filter(post__author=user).delete()
    Post.objects.filter(author=user).delete()
    DigestSubscription.objects.filter(user=user).delete()
    for pk in post_ids:
        index_post.enqueue(post_id=pk)


register_personal_data("marketplace", export=export_marketplace, erase=erase_marketplace)
