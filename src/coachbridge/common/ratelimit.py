"""A fixed-window rate limit in the shared cache, for actions people repeat (notes, votes)."""

from __future__ import annotations

import time
from collections.abc import Iterable

from allauth.core.internal.httpkit import get_client_ip
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac


def over_limit(keys: Iterable[tuple[str, int]], *, window_seconds: int = 60) -> bool:
    """Count one action for every (key, limit) pair; True when any key is now over its limit.

    Each window has a key of its own: some caches (the database cache) save a counter again
    with the default timeout on incr, so one key per action would move the window with every try.
    """
    window = int(time.time() // window_seconds)
    over = False
    for key, limit in keys:
        cache_key = f"rate:{key}:{window}"
        cache.add(cache_key, 0, window_seconds)
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, window_seconds)
            count = 1
        over = over or count > limit
    return over


def visitor_key(request: HttpRequest) -> str:
    """A key for a visitor without an account: their address as the login limits see it (behind
    a proxy the one it forwards, see ``ALLAUTH_TRUSTED_PROXY_COUNT``), hashed, so that the shared
    cache keeps no IP addresses."""
    address = get_client_ip(request) or "unknown"
    return salted_hmac("coachbridge.ratelimit.visitor", address).hexdigest()[:24]
