"""The marketplace of a meeting in numbers, and what its wall display shows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from coachbridge.common.models import Theme
from coachbridge.engine.matching import MatchIndex
from coachbridge.marketplace.enums import Category, IntroductionStatus, PostKind
from coachbridge.marketplace.models import HiddenMatch, Introduction, Post
from coachbridge.marketplace.services.index import embedder, engine_post
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


def meeting_pairs_made(meeting: Any, *, min_score: float) -> list[Pair]:
    """Matches between all posts of this meeting, also the paused and closed ones: what the
    marketplace brought about, which should not shrink when members close a post because
    they found what they looked for. The live index holds open posts only, so the meeting's
    posts are scored in an index of their own; pairs a member marked "not relevant" do not
    count."""
    posts = {
        post.pk: post
        for post in meeting_posts(meeting)
        .select_related("author__profile")
        .prefetch_related("themes", "author__profile__roles")
    }
    index = MatchIndex(embedder=embedder())
    index.add_many([engine_post(post) for post in posts.values()])
    hidden = {
        frozenset(pair)
        for pair in HiddenMatch.objects.filter(post__in=posts).values_list("post_id", "other_id")
    }
    pairs = []
    for need in (post for post in posts.values() if post.kind == PostKind.NEED):
        for match in index.matches(str(need.pk), k=len(posts)):
            offer = posts[int(match.id)]
            if match.score >= min_score and frozenset((need.pk, offer.pk)) not in hidden:
                pairs.append(Pair(need, offer, match.score, match.mutual))
    return sorted(pairs, key=lambda pair: (-pair.score, pair.need.pk, pair.offer.pk))


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
    pairs = meeting_pairs_made(meeting, min_score=WALL_MATCH_SCORE)
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
