"""Marketplace matching: offers and needs ("ik bied / ik zoek") in Dutch, English or both.

Each post is matched against the posts of the other kind. Signals: concepts of the shared
bilingual lexicon (with broader concepts), stems and Dutch compound parts
(:mod:`coachbridge.engine.text`), character 3-5-grams, category, complementary roles and,
optionally, a sentence embedding (any object with ``encode(texts)``; e.g.
:class:`UniversalSentenceEncoder`). The score is reciprocal: the harmonic mean of how well the
match suits the query and how well the query suits the match. Every match carries its reasons
("why"), in the query post's language. See docs/algorithms/matching.md.

    index = MatchIndex()                 # or MatchIndex(embedder=UniversalSentenceEncoder())
    index.add_many(posts)                # Post(id, kind, title, text, tags, lang, category, ...)
    index.matches("n1", k=10)            # [Match(id, score, forward, backward, reasons, mutual)]
    index.search(Post(...), k=10)        # for a post that is not (yet) indexed
    index.remove("o7"); index.update(post)
    index.save("market.npz"); MatchIndex.load("market.npz")
"""

from __future__ import annotations

from coachbridge.engine.matching.index import MatchIndex, Weights
from coachbridge.engine.matching.model import (
    CATEGORIES,
    KINDS,
    MAX_TEXT,
    ROLES,
    Match,
    Post,
    PostError,
    Reason,
)
from coachbridge.engine.themes.model import Embedder
from coachbridge.engine.themes.represent import UniversalSentenceEncoder

__all__ = [
    "CATEGORIES",
    "KINDS",
    "MAX_TEXT",
    "ROLES",
    "Embedder",
    "Match",
    "MatchIndex",
    "Post",
    "PostError",
    "Reason",
    "UniversalSentenceEncoder",
    "Weights",
    "match_all",
]


def match_all(
    posts: list[Post], k: int = 10, embedder: Embedder | None = None
) -> dict[str, list[Match]]:
    """Index ``posts`` and match each against the posts of the other kind (input order)."""
    index = MatchIndex(embedder=embedder)
    index.add_many(posts)
    return {post.id: index.matches(post.id, k) for post in posts}
