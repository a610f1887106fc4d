"""The rate limit's window ends when it says, on the database cache the site uses too."""

import time

import pytest
from django.core.management import call_command

from coachbridge.common.ratelimit import over_limit

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "test_rate_cache",
        }
    }
    call_command("createcachetable", verbosity=0)


@pytest.fixture
def clock(monkeypatch):
    """The time the rate limit (and the cache) reads, moved by hand; it starts halfway this
    minute, close to the real time the cache compares its expiry dates with."""
    now = [int(time.time() // 60) * 60 + 30]
    monkeypatch.setattr(time, "time", lambda: now[0])
    return now


def test_the_window_ends_after_a_minute_however_often_one_tries(database_cache, clock):
    def ask():
        return over_limit([("help:visitor", 3)])

    start = clock[0]
    assert [ask() for _ in range(4)] == [False, False, False, True]
    clock[0] = start + 20
    assert ask()  # still the same minute: trying again does not help

    clock[0] = start + 31  # the next minute
    assert not ask()


def test_keys_count_apart(database_cache, clock):
    for _ in range(3):
        over_limit([("help:one", 3)])

    assert over_limit([("help:one", 3)])
    assert not over_limit([("help:two", 3)])
