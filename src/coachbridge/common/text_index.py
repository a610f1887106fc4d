"""A matching-engine index of database rows, kept in memory between requests.

Apps that compare a typed text with stored ones (near-duplicate questions, the help-finder's
coaches) index the stored rows as the "offers" of a :class:`MatchIndex` and search the typed
text as a "need". The index is rebuilt when ``key()`` changes (say, the rows' count and latest
edit), so it follows new and edited rows without a background job.

The sentence embedder is pluggable: by default the engine's packaged multilingual encoder
(``default_embedder()``, lexical only when it is not installed); tests use
``use_embedder(None)`` because the model takes seconds to load.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from coachbridge.engine.matching import MatchIndex, Post, Weights

AUTO = "auto"


class CachedIndex:
    def __init__(
        self,
        key: Callable[[], Hashable],
        posts: Callable[[], Iterable[Post]],
        weights: Weights | None = None,
    ) -> None:
        self._key = key
        self._posts = posts
        self._weights = weights
        self._embedder: Any = AUTO
        self._built: tuple[Hashable, MatchIndex] | None = None
        self._lock = threading.Lock()

    def use_embedder(self, embedder: Any) -> None:
        """Set the sentence embedder: an object with ``encode(texts)``, None, or "auto"."""
        with self._lock:
            self._embedder = embedder
            self._built = None

    def _embedder_now(self) -> Any:
        if self._embedder == AUTO:
            from coachbridge.engine.themes.represent import (  # noqa: PLC0415 -- heavy, lazy
                default_embedder,
            )

            self._embedder = default_embedder()
        return self._embedder

    def get(self) -> MatchIndex:
        """The index of the current rows (rebuilt first if they changed)."""
        key = self._key()
        with self._lock:
            if self._built is None or self._built[0] != key:
                index = MatchIndex(embedder=self._embedder_now(), weights=self._weights)
                index.add_many(self._posts())
                self._built = (key, index)
            return self._built[1]
