"""Access helpers: load marketplace objects only for those who may see or change them."""

from __future__ import annotations

from typing import Any

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from coachbridge.marketplace.models import Introduction, Post


def get_post_for_user(request: HttpRequest, pk: int) -> Post:
    """An open post for members; the author also sees it paused, closed or expired."""
    post = get_object_or_404(
        Post.objects.select_related("author__profile", "meeting").prefetch_related("themes"), pk=pk
    )
    if not may_see_post(request.user, post):
        raise Http404
    return post


def may_see_post(user: Any, post: Post) -> bool:
    """Members see open posts; the author also a paused, closed or expired one."""
    return post.is_open or post.author_id == user.pk


def get_post_to_change(request: HttpRequest, pk: int) -> Post:
    """The member's own post: 404 when others may not see it, 403 when they only may read it."""
    post = get_post_for_user(request, pk)
    if not rules.has_perm("marketplace.change_post", request.user, post):  # staff too
        raise PermissionDenied
    return post


def get_public_post(pk: int) -> Post:
    """A post its author shows to everyone, while it is open."""
    return get_object_or_404(Post.objects.public().prefetch_related("themes"), pk=pk)


def get_introduction_for_user(request: HttpRequest, pk: int) -> Introduction:
    """Only the two people of an introduction see it; for anyone else it does not exist."""
    user = request.user
    return get_object_or_404(
        Introduction.objects.select_related(
            "requester__profile", "recipient__profile", "requester_post", "recipient_post"
        ).filter(Q(requester=user) | Q(recipient=user)),
        pk=pk,
    )
