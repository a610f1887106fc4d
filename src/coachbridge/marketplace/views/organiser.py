"""Organisers: the marketplace of a meeting on a wall display, and in numbers afterwards."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coachbridge.events.access import get_meeting_to_manage
from coachbridge.marketplace.enums import PostKind
from coachbridge.marketplace.services.stats import (
    WALL_MATCH_SCORE,
    meeting_numbers,
    meeting_pairs,
    meeting_posts,
)

WALL_POSTS = 24
WALL_PAIRS = 6


@login_required
def event_wall(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_manage(request, pk)
    open_posts = meeting_posts(meeting).open().order_by("-created", "-pk")
    pairs = meeting_pairs(meeting, min_score=WALL_MATCH_SCORE)
    context = {
        "meeting": meeting,
        "needs": open_posts.filter(kind=PostKind.NEED)[:WALL_POSTS],
        "offers": open_posts.filter(kind=PostKind.OFFER)[:WALL_POSTS],
        "need_count": open_posts.filter(kind=PostKind.NEED).count(),
        "offer_count": open_posts.filter(kind=PostKind.OFFER).count(),
        "pairs": pairs[:WALL_PAIRS],
        "pair_count": len(pairs),
    }
    template = "marketplace/event_wall.html"
    if request.htmx:
        template += "#wall-items"
    return render(request, template, context)


@login_required
def event_stats(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_to_manage(request, pk)
    return render(
        request,
        "marketplace/event_stats.html",
        {"meeting": meeting, "numbers": meeting_numbers(meeting)},
    )
