"""Matches of a post as members see them: checked against the database, minus hidden ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q

from coachbridge.common.activity import log_action
from coachbridge.marketplace.models import HiddenMatch, Introduction, Post
from coachbridge.marketplace.services.index import raw_matches

MIN_SCORE = 0.1  # below this a "match" has too little in common to show
MATCHES_SHOWN = 10


@dataclass
class FoundMatch:
    post: Post  # the other post
    score: float
    why: list[str]
    mutual: bool
    introduction: Introduction | None = field(default=None)

    @property
    def percent(self) -> int:
        return round(self.score * 100)


def matches_for(post: Post, *, k: int = MATCHES_SHOWN, with_introductions: bool = True):
    """The best open posts of the other kind for ``post``, best first, without hidden ones;
    posts like a hidden one ("not relevant") move down."""
    recent_first = HiddenMatch.objects.filter(post=post).order_by("-created", "-pk")
    dismissed = list(recent_first.values_list("other_id", flat=True))
    hidden = set(dismissed)
    raw = raw_matches(post, k + 5, dismissed=dismissed)
    wanted = [
        (int(match.id), match)
        for match in raw
        if match.score >= MIN_SCORE and int(match.id) not in hidden
    ]
    posts = {
        other.pk: other
        for other in Post.objects.open()
        .filter(pk__in=[pk for pk, _ in wanted], kind=_other_kind(post))
        .exclude(author_id=post.author_id)
        .select_related("author__profile")
        .prefetch_related("themes")
    }
    found = [
        FoundMatch(post=posts[pk], score=match.score, why=match.why, mutual=match.mutual)
        for pk, match in wanted
        if pk in posts
    ][:k]
    if with_introductions and found:
        _attach_introductions(post, found)
    return found


def _other_kind(post: Post) -> str:
    return "offer" if post.kind == "need" else "need"


def _attach_introductions(post: Post, found: list[FoundMatch]) -> None:
    others = [match.post.pk for match in found]
    introductions = Introduction.objects.filter(
        Q(requester_post=post, recipient_post__in=others)
        | Q(recipient_post=post, requester_post__in=others)
    )
    by_other = {
        (
            intro.recipient_post_id
            if intro.requester_post_id == post.pk
            else intro.requester_post_id
        ): (intro)
        for intro in introductions
    }
    for match in found:
        match.introduction = by_other.get(match.post.pk)


def hide_match(post: Post, other: Post, *, by: Any, score: float | None = None) -> None:
    """ "Not relevant": never show ``other`` for ``post`` again; kept as feedback."""
    try:
        with transaction.atomic():
            HiddenMatch.objects.create(post=post, other=other, score=score)
    except IntegrityError:
        return  # hidden already
    log_action("marketplace.match_hidden", actor=by, obj=post, other=other.pk)


def hidden_for(post: Post) -> list[Post]:
    """The posts its author marked "not relevant" for ``post`` that others can still see,
    most recently hidden first."""
    return [
        hidden.other
        for hidden in HiddenMatch.objects.filter(post=post, other__in=Post.objects.open())
        .select_related("other")
        .order_by("-created", "-pk")
    ]


def unhide_match(post: Post, other: Post, *, by: Any) -> bool:
    """Undo "not relevant": ``other`` may show as a match of ``post`` again. False if it was
    not hidden."""
    deleted, _ = HiddenMatch.objects.filter(post=post, other=other).delete()
    if deleted:
        log_action("marketplace.match_unhidden", actor=by, obj=post, other=other.pk)
    return bool(deleted)
