"""Near-duplicate questions, found with the matching engine's text understanding.

The current questions are indexed as the "offers" of a :class:`MatchIndex`; a question being
typed is searched as a "need". Only the text signals count (no categories, no roles), so the
score says how much the two questions say the same. The index is rebuilt when the questions
change (their count or latest edit) and kept in memory between requests.

The sentence embedder is pluggable: by default the engine's packaged multilingual encoder
(``default_embedder()``, lexical only when it is not installed); tests use ``use_embedder(None)``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max

from coachbridge.agenda.models import Question
from coachbridge.engine.matching import MatchIndex, Post, Weights

MIN_SCORE = 0.22  # below this, questions share a word or two but not their point
MAX_SHOWN = 5
TEXT_WEIGHTS = Weights(category=0.0, roles=0.0)

_AUTO = "auto"
_state: dict[str, Any] = {"embedder": _AUTO, "key": None, "index": None}
_lock = threading.Lock()


def use_embedder(embedder: Any) -> None:
    """Set the sentence embedder: an object with ``encode(texts)``, None, or "auto"."""
    with _lock:
        _state.update(embedder=embedder, key=None, index=None)


def _embedder() -> Any:
    embedder = _state["embedder"]
    if embedder == _AUTO:
        from coachbridge.engine.themes.represent import (  # noqa: PLC0415 -- heavy, lazy
            default_embedder,
        )

        embedder = default_embedder()
        _state["embedder"] = embedder
    return embedder


def _post(question_id: str, kind: str, title: str, why: str) -> Post:
    return Post(id=question_id, kind=kind, title=title[:200], text=why[:4000])  # type: ignore[arg-type]


def _index() -> MatchIndex:
    current = Question.objects.current()
    key = tuple(current.aggregate(count=Count("pk"), latest=Max("updated"), top=Max("pk")).values())
    with _lock:
        if _state["index"] is None or _state["key"] != key:
            index = MatchIndex(embedder=_embedder(), weights=TEXT_WEIGHTS)
            index.add_many(
                _post(str(pk), "offer", title, why)
                for pk, title, why in current.values_list("pk", "title", "why")
            )
            _state.update(index=index, key=key)
        return _state["index"]  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Similar:
    question: Question
    score: float


def similar_questions(
    title: str, why: str = "", *, exclude: int | None = None, k: int = MAX_SHOWN
) -> list[Similar]:
    """Existing questions that may say the same as `title` (and `why`), best first."""
    if len(title.strip()) < 8:
        return []
    index = _index()
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
