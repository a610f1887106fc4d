"""Shared fixtures: the personas every access test uses."""

import time
from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from coachbridge.common import ratelimit
from tests.factories.accounts import ProfileFactory


def _persona(**user_fields):
    profile = ProfileFactory(**{f"user__{key}": value for key, value in user_fields.items()})
    return profile.user


@pytest.fixture
def member(db):
    return _persona()


@pytest.fixture
def coach(db):
    user = _persona()
    user.profile.roles.set([])
    from coachbridge.accounts.models import Role

    user.profile.roles.add(Role.objects.get(code="coach"))
    return user


@pytest.fixture
def researcher(db):
    user = _persona()
    from coachbridge.accounts.models import Role

    user.profile.roles.add(Role.objects.get(code="researcher"))
    return user


@pytest.fixture
def organiser(db):
    return _persona(is_organiser=True)


@pytest.fixture
def staff(db):
    return _persona(is_staff=True, is_superuser=True)


@pytest.fixture
def client_for():
    """A test client logged in as the given user (or anonymous for None)."""

    def make(user=None):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def locmem_cache(settings, monkeypatch):
    """A real cache, for tests of rate limits (the test settings use a dummy cache). The rate
    limit's clock stands still, so a test never straddles two windows (which let a fourth try
    through now and then); tests/common/test_ratelimit.py moves the clock on purpose."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    now = time.time()
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: now))
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def migrator(transactional_db):
    """For tests of data migrations: ``migrator(targets)`` moves the test database to those
    migrations and returns the models of that state. Afterwards the database goes back to the
    latest state, so the tests that follow find every table again."""

    def migrate(targets):
        executor = MigrationExecutor(connection)
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    yield migrate
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
