"""Access helpers: load items, versions and images only for those who may see or change them.

- A published item is public. A draft is seen by its author and the editors; an item in review
  also by every member, who may review it.
- Only the author and the editors change an item; only editors publish.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from coachbridge.knowledge.enums import ItemStatus
from coachbridge.knowledge.models import Image, Item


def is_editor(user: object) -> bool:
    return bool(getattr(user, "has_perm", None) and user.has_perm("knowledge.publish"))  # type: ignore[attr-defined]


def can_see(user: object, item: Item) -> bool:
    if item.status == ItemStatus.PUBLISHED:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    if item.status == ItemStatus.IN_REVIEW:
        return True
    return item.author_id == getattr(user, "pk", None) or is_editor(user)


def can_change(user: object, item: Item) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and (
        item.author_id == getattr(user, "pk", None) or is_editor(user)
    )


def can_review(user: object, item: Item) -> bool:
    """Members review items in review, except their own."""
    return (
        bool(getattr(user, "is_authenticated", False))
        and item.status == ItemStatus.IN_REVIEW
        and item.author_id != getattr(user, "pk", None)
    )


def get_item_for_user(request: HttpRequest, pk: int) -> Item:
    """An item the user may read: 404 otherwise (never reveals a draft exists)."""
    item = get_object_or_404(
        Item.objects.select_related("author", "translation_of", "agenda_question"), pk=pk
    )
    if not can_see(request.user, item):
        raise Http404
    return item


def get_item_to_change(request: HttpRequest, pk: int) -> Item:
    """An item the user may edit: 404 if they cannot see it, 403 if they may only read it."""
    item = get_item_for_user(request, pk)
    if not can_change(request.user, item):
        raise PermissionDenied
    return item


def get_item_to_review(request: HttpRequest, pk: int) -> Item:
    item = get_item_for_user(request, pk)
    if not (can_review(request.user, item) or can_change(request.user, item)):
        raise PermissionDenied
    return item


def get_item_to_publish(request: HttpRequest, pk: int) -> Item:
    item = get_item_for_user(request, pk)
    if not is_editor(request.user):
        raise PermissionDenied
    return item


def get_image_for_user(request: HttpRequest, pk: int) -> Image:
    image = get_object_or_404(Image.objects.select_related("item"), pk=pk)
    if not can_see(request.user, image.item):
        raise Http404
    return image
