"""The personal data kept by the knowledge hub, for export and erasure (GDPR).

Summaries, reviews and comments are contributions: erasure keeps them without a name unless the
member asks to remove their contributions too.
"""

from __future__ import annotations

from typing import Any

from coachbridge.common.privacy import register_personal_data
from coachbridge.knowledge.models import Comment, Image, Item, Review


def export_knowledge(user: Any) -> dict[str, Any]:
    return {
        "items": [
            {"title": item.title, "status": item.status, "language": item.language}
            for item in Item.objects.filter(author=user)
        ],
        "reviews": [
            {"item": review.item.title, "rating": review.rating, "text": review.text}
            for review in Review.objects.filter(reviewer=user).select_related("item")
        ],
        "comments": [
            {"item": comment.item.title, "part": comment.section, "text": comment.text}
            for comment in Comment.objects.filter(author=user).select_related("item")
        ],
    }


def erase_knowledge(user: Any, remove_contributions: bool) -> None:
    if remove_contributions:
        Item.objects.filter(author=user).delete()
        Review.objects.filter(reviewer=user).delete()
        Comment.objects.filter(author=user).delete()
        return
    Item.objects.filter(author=user).update(author=None)
    Review.objects.filter(reviewer=user).update(reviewer=None)
    Comment.objects.filter(author=user).update(author=None)
    Image.objects.filter(uploaded_by=user).update(uploaded_by=None)


register_personal_data("knowledge", export=export_knowledge, erase=erase_knowledge)
