"""The personal data kept by the knowledge hub, for export and erasure (GDPR).

Summaries, reviews and comments are contributions: erasure keeps them without a name unless the
member asks to remove their contributions too.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q

from coachbridge.common.privacy import register_personal_data
from coachbridge.knowledge.models import Comment, Image, Item, Review


def export_knowledge(user: Any) -> dict[str, Any]:
    return {
        "items": [
            {"title": item.title, "status": item.status, "language": item.language}
            for item in Item.objects.filter(author=user)
        ],
        "reviews": [
            {
                "item": review.item.title,
                "rating": review.rating,
                "text": review.text,
                "roles": review.roles,
            }
            for review in Review.objects.filter(reviewer=user).select_related("item")
        ],
        "comments": [
            {
                "item": comment.item.title,
                "part": comment.section,
                "paragraph": comment.paragraph,
                "text": comment.text,
            }
            for comment in Comment.objects.filter(author=user).select_related("item")
        ],
    }


def _delete_files_after_commit(images: Any) -> None:
    """Remove the stored files of these images once the erasure is committed.

    The rows go in the same transaction as the rest of the erasure; the files only when it
    succeeds, so a failed erasure never leaves texts pointing at missing images.
    """
    names = [name for name in images.values_list("file", flat=True) if name]
    if not names:
        return
    storage = Image._meta.get_field("file").storage  # type: ignore[union-attr]

    def delete_files() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete_files)


def erase_knowledge(user: Any, remove_contributions: bool) -> None:
    if remove_contributions:
        # Images of their texts, and images they uploaded to someone else's text.
        images = Image.objects.filter(Q(item__author=user) | Q(uploaded_by=user))
        _delete_files_after_commit(images)
        images.delete()
        Item.objects.filter(author=user).delete()
        Review.objects.filter(reviewer=user).delete()
        Comment.objects.filter(author=user).delete()
        return
    Item.objects.filter(author=user).update(author=None)
    Review.objects.filter(reviewer=user).update(reviewer=None)
    Comment.objects.filter(author=user).update(author=None)
    Image.objects.filter(uploaded_by=user).update(uploaded_by=None)


register_personal_data("knowledge", export=export_knowledge, erase=erase_knowledge)
