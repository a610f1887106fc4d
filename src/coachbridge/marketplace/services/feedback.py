"""The network's own judgements of matches, as an evaluation set for ``bench/matching.py``.

Members judge matches by what they do: asking for an introduction says "this is relevant to
my post", an accepted introduction says both sides agree, and "Not relevant" says it is not.
:func:`feedback_rows` writes every post with those judgements in the format of
``bench/data/matching_eval.jsonl``, so an operator can measure the engine (and any change to it)
on real posts instead of the written set. Authors appear only as numbers within the file
("a1", "a2": enough for the engine to skip one's own posts and mark mutual matches); no name,
e-mail address or account id leaves the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from coachbridge.marketplace.enums import IntroductionStatus, PostKind
from coachbridge.marketplace.models import HiddenMatch, Introduction, Post
from coachbridge.marketplace.services.index import engine_post

ASKED, AGREED = 1, 2  # grades: one side asked for an introduction; the other accepted it


def _row_id(kind: str, pk: int) -> str:
    return ("n" if kind == PostKind.NEED else "o") + str(pk)


def _pairs() -> Iterator[tuple[int, int, int | None]]:
    """(need id, offer id, grade) for every judged pair; grade None for "not relevant"."""
    introductions = Introduction.objects.values_list(
        "requester_post_id", "requester_post__kind", "recipient_post_id", "status"
    )
    for requester_post, requester_kind, recipient_post, status in introductions:
        grade = AGREED if status == IntroductionStatus.ACCEPTED else ASKED
        if requester_kind == PostKind.NEED:
            yield requester_post, recipient_post, grade
        else:
            yield recipient_post, requester_post, grade
    for post_id, post_kind, other_id in HiddenMatch.objects.values_list(
        "post_id", "post__kind", "other_id"
    ):
        yield (post_id, other_id, None) if post_kind == PostKind.NEED else (other_id, post_id, None)


def judgements() -> tuple[dict[int, dict[int, int]], dict[int, set[int]]]:
    """Per need: its relevant offers with their grade, and the offers marked not relevant.
    A pair that was both asked for and hidden (by the other side) counts as relevant."""
    relevant: dict[int, dict[int, int]] = defaultdict(dict)
    not_relevant: dict[int, set[int]] = defaultdict(set)
    for need, offer, grade in _pairs():
        if grade is None:
            not_relevant[need].add(offer)
        else:
            relevant[need][offer] = max(grade, relevant[need].get(offer, 0))
    for need, offers in relevant.items():
        not_relevant[need] -= offers.keys()
    return relevant, not_relevant


def feedback_rows() -> Iterator[dict[str, Any]]:
    """Every post (open or not: a closed post was often closed because a match worked), the
    needs with their judgements; offers first, then needs, each in the order of their id."""
    relevant, not_relevant = judgements()
    posts = sorted(
        Post.objects.select_related("author__profile").prefetch_related(
            "themes", "author__profile__roles"
        ),
        key=lambda post: (post.kind != PostKind.OFFER, post.pk),
    )
    languages = {post.pk: post.language for post in posts}
    authors: dict[int, str] = {}
    for post in posts:
        data = asdict(engine_post(post))
        data["id"] = _row_id(post.kind, post.pk)
        data["author"] = authors.setdefault(post.author_id, f"a{len(authors) + 1}")
        if post.kind == PostKind.NEED:
            graded = relevant.get(post.pk, {})
            data["split"] = "live"
            data["relevant"] = {
                _row_id(PostKind.OFFER, offer): grade for offer, grade in sorted(graded.items())
            }
            data["not_relevant"] = [
                _row_id(PostKind.OFFER, offer) for offer in sorted(not_relevant.get(post.pk, ()))
            ]
            same = {languages.get(offer) == post.language for offer in graded}
            data["subsets"] = [
                name
                for flag, name in ((True, "same_language"), (False, "cross_language"))
                if flag in same
            ]
        yield data
