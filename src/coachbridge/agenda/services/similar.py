"""Near-duplicate questions, found with the matching engine's text understanding.

The current questions are indexed as the "offers" of a :class:`CachedIndex`; a question being
typed is searched as a "need". Only the text signals count (no categories, no roles), so the
score says how much the two questions say the same. The index is rebuilt when the questions
change (their count or latest edit) and kept in memory between requests.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max

from coachbridge.agenda.models import Question
from coachbridge.common.text_index import CachedIndex
from coachbridge.engine.matching import Post, Weights

MIN_SCORE = 0.22  # below this, questions share a word or two but not their point
# from here a question says much the same: proposing it asks once more (measured on the demo's
# questions: a reworded one scores about 0.6, related but different ones up to 0.4)
SAME_SCORE = 0.5
MAX_SHOWN = 5
TEXT_WEIGHTS = Weights(category=0.0, roles=0.0)


def _post(question_id: str, kind: str, title: str, why: str) -> Post:
    return Post(id=question_id, kind=kind, title=title[:200], text=why[:4000])  # type: ignore[arg-type]


def _key() -> tuple[Any, ...]:
    current = Question.objects.current()
    return tuple(
        current.aggregate(count=Count("pk"), latest=Max("updated"), top=Max("pk")).values()
    )


def _posts() -> Iterator[Post]:
    for pk, title, why in Question.objects.current().values_list("pk", "title", "why"):
        yield _post(str(pk), "offer", title, why)


INDEX = CachedIndex(_key, _posts, TEXT_WEIGHTS)
use_embedder = INDEX.use_embedder


@dataclass(frozen=True)
class Similar:
    question: Question
    score: float


def same_question(title: str, why: str = "") -> Question | None:
    """A current question that asks much the same as ``title`` (and ``why``), if any."""
    found = similar_questions(title, why, k=1)
    return found[0].question if found and found[0].score >= SAME_SCORE else None


def similar_questions(
    title: str, why: str = "", *, exclude: int | None = None, k: int = MAX_SHOWN
) -> list[Similar]:
    """Existing questions that may say the same as `title` (and `why`), best first."""
    if len(title.strip()) < 8:
        return []
    index = INDEX.get()
    if len(index) == 0:
        return []
    found = index.search(_post("typed", "need", title, why), k=k + 1)
    scores = {
        int(match.id): match.score
        for match in found
        if match.score >= MIN_SCORE and int(match.id) != exclude
    }
    questions = Question.objects.in_bulk(list(scores))
    return [
        Similar(questions[pk], round(score, 3))
        for pk, score in sorted(scores.items(), key=lambda item: -item[1])
        if pk in questions
    ][:k]
