"""Reading the marketplace: browsing and searching posts."""

from __future__ import annotations

from typing import Any

from django.db.models import Case, Q, QuerySet, When

from coachbridge.common import word_search
from coachbridge.marketplace.enums import PostStatus
from coachbridge.marketplace.models import Post

MAX_QUERY_WORDS = 10
# a member's own posts: what is open first, then what is paused, then what is closed
STATUS_ORDER = Case(
    *(When(status=status, then=position) for position, status in enumerate(PostStatus)),
)


def browse_posts(
    *,
    public_only: bool = False,
    q: str = "",
    kind: str = "",
    category: str = "",
    theme: Any = None,
    role: str = "",
    meeting: Any = None,
    language: str = "",
) -> QuerySet[Post]:
    """Open posts matching the filters, newest first. ``q``: every word is in the title or text,
    as typed or as a stem, compound part or lexicon concept, in Dutch or English
    (:mod:`coachbridge.common.word_search`)."""
    posts = Post.objects.public() if public_only else Post.objects.open()
    for word in word_search.query_words(q, concepts=True)[:MAX_QUERY_WORDS]:
        typed = Q(title__icontains=word.typed) | Q(text__icontains=word.typed)
        posts = posts.filter(typed | word_search.matching("search_text", word))
    if kind:
        posts = posts.filter(kind=kind)
    if category:
        posts = posts.filter(category=category)
    if theme:
        posts = posts.filter(themes=theme)
    if role:
        posts = posts.filter(author__profile__roles__code=role)
    if meeting:
        posts = posts.filter(meeting=meeting)
    if language:
        posts = posts.filter(language=language)
    return (
        posts.distinct()
        .select_related("author__profile", "meeting")
        .prefetch_related("themes")
        .order_by("-created", "-pk")
    )


def own_posts(user: Any) -> QuerySet[Post]:
    return (
        Post.objects.filter(author=user)
        .select_related("meeting")
        .prefetch_related("themes")
        .order_by(STATUS_ORDER, "-created", "-pk")
    )
