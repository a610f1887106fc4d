"""The marketplace of a meeting in numbers, and what its wall display shows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from coachbridge.common.models import Theme
from coachbridge.marketplace.enums import Category, IntroductionStatus, PostKind
from coachbridge.marketplace.models import Introduction, Post
from coachbridge.marketplace.services.matching import matches_for

WALL_MATCH_SCORE = 0.3  # a pair on the wall must be a clear match


@dataclass(frozen=True)
class Pair:
    need: Post
    offer: Post
    score: float
    mutual: bool


def meeting_posts(meeting: Any):
    return Post.objects.filter(meeting=meeting)


def meeting_pairs(meeting: Any, *, min_score: float = 0.0) -> list[Pair]:
    """Matches between open posts of this meeting, best first (each pair once)."""
    needs = meeting_posts(meeting).open().filter(kind=PostKind.NEED).select_related("author")
    pairs: dict[tuple[int, int], Pair] = {}
    for need in needs.prefetch_related("themes", "author__profile__roles"):
        for match in matches_for(need, k=20, with_introductions=False):
            if match.post.meeting_id != meeting.pk or match.score < min_score:
                continue
            pairs[(need.pk, match.post.pk)] = Pair(need, match.post, match.score, match.mutual)
    return sorted(pairs.values(), key=lambda pair: (-pair.score, pair.need.pk, pair.offer.pk))


def meeting_numbers(meeting: Any) -> dict[str, Any]:
    posts = meeting_posts(meeting)
    by_category = Counter(posts.values_list("category", flat=True))
    kinds = Counter(posts.values_list("kind", flat=True))
    themes = (
        Theme.objects.annotate(
            posts=Count("marketplace_posts", filter=Q(marketplace_posts__meeting=meeting))
        )
        .filter(posts__gt=0)
        .order_by("-posts", "position")
    )
    introductions = Introduction.objects.filter(
        Q(requester_post__meeting=meeting) | Q(recipient_post__meeting=meeting)
    )
    statuses = Counter(introductions.values_list("status", flat=True))
    pairs = meeting_pairs(meeting, min_score=WALL_MATCH_SCORE)
    return {
        "posts": sum(kinds.values()),
        "needs": kinds.get(PostKind.NEED, 0),
        "offers": kinds.get(PostKind.OFFER, 0),
        "closed": posts.filter(status="closed").count(),
        "by_category": [
            (label, by_category[value]) for value, label in Category.choices if by_category[value]
        ],
        "by_theme": [(theme, theme.posts) for theme in themes],
        "matches": len(pairs),
        "mutual": sum(pair.mutual for pair in pairs),
        "requested": sum(statuses.values()),
        "accepted": statuses.get(IntroductionStatus.ACCEPTED, 0),
        "declined": statuses.get(IntroductionStatus.DECLINED, 0),
        "waiting": statuses.get(IntroductionStatus.REQUESTED, 0),
    }
