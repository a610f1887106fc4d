"""A fixed-window rate limit in the shared cache, for actions people repeat (notes, votes)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.cache import cache


def over_limit(keys: Iterable[tuple[str, int]], *, window_seconds: int = 60) -> bool:
    """Count one action for every (key, limit) pair; True when any key is now over its limit."""
    over = False
    for key, limit in keys:
        cache_key = f"rate:{key}"
        cache.add(cache_key, 0, window_seconds)
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, window_seconds)
            count = 1
        over = over or count > limit
    return over
