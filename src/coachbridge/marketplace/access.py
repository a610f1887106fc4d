"""Access helpers: load marketplace objects only for those who may see or change them."""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from coachbridge.events.access import can_manage
from coachbridge.events.enums import MeetingStatus
from coachbridge.events.models import Insight
from coachbridge.events.services.meetings import active_registrations
from coachbridge.events.services.report import may_read, report_of
from coachbridge.marketplace.models import Introduction, Post


def get_post_for_user(request: HttpRequest, pk: int) -> Post:
    """An open post for members; the author also sees it paused, closed or expired."""
    post = get_object_or_404(
        Post.objects.select_related("author__profile", "meeting").prefetch_related("themes"), pk=pk
    )
    if post.author_id != request.user.pk and not post.is_open:
        raise Http404
    return post


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


def get_insight_for_user(request: HttpRequest, pk: int) -> Insight:
    """A World Café insight the member may see: organisers always; others when it is not hidden
    and they wrote it, took part in the meeting, or may read its report (404 otherwise)."""
    insight = get_object_or_404(Insight.objects.select_related("cafe__meeting", "author"), pk=pk)
    user = request.user
    if can_manage(user):
        return insight
    meeting = insight.cafe.meeting
    if insight.hidden or meeting.status == MeetingStatus.DRAFT:
        raise Http404
    if insight.author is not None and insight.author.user_id == user.pk:
        return insight
    if active_registrations(meeting).filter(user=user).exists():
        return insight
    report = report_of(meeting)
    if report is not None and may_read(report, user) is True:
        return insight
    raise Http404
