"""Walk every URL pattern as every persona: nobody sees what they may not see.

Each named URL must be listed in an `ACCESS` table of some `tests/<app>/access.py` with who may
open it. A new view that is not listed fails `test_every_url_is_classified`, so this test grows
with every app.
"""

import importlib
import pkgutil
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access_rules import PERSONAS, SECRET_NAME
from tests.factories.accounts import ProfileFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ACCESS_MODULES = [
    importlib.import_module(f"tests.{package.name}.access")
    for package in pkgutil.iter_modules([str(Path(__file__).parent)])
    if package.ispkg and (Path(__file__).parent / package.name / "access.py").exists()
]
ACCESS = {name: rule for module in ACCESS_MODULES for name, rule in module.ACCESS.items()}

# allauth's own pages: sign-up and login are for visitors, the rest of the account for members.
ALLAUTH_VISITOR_PAGES = {
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_email_verification_sent",
    "account_reset_password_from_key_done",
    "account_inactive",
    "account_logout",
}
ALLAUTH_MEMBER_PAGES = {
    "account_email",
    "account_change_password",
    "account_set_password",
    "account_reauthenticate",
}


def named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def is_allauth_with_key(name):
    """allauth links that carry a key from an e-mail; tested in tests/accounts/test_signup.py."""
    return name in {"account_confirm_email", "account_reset_password_from_key"} or (
        name.startswith("account_") and "code" in name
    )


def test_every_url_is_classified():
    unclassified = sorted(
        name
        for name, _ in named_patterns()
        if name not in ACCESS
        and not name.startswith("admin:")
        and name not in ALLAUTH_VISITOR_PAGES | ALLAUTH_MEMBER_PAGES
        and not is_allauth_with_key(name)
    )

    assert unclassified == []


@pytest.fixture
def personas(db):
    return {
        "anonymous": None,
        "member": ProfileFactory().user,
        "organiser": ProfileFactory(user__is_organiser=True).user,
        "staff": ProfileFactory(user__is_staff=True, user__is_superuser=True).user,
    }


@pytest.fixture
def world(db, personas):
    """The objects the URLs need, made by every app's access module."""
    world = SimpleNamespace(**personas)
    for module in ACCESS_MODULES:
        module.build(world)
    return world


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(ACCESS))
def test_access_rules_hold_for_every_persona(client_for, personas, world, name, persona):
    access = ACCESS[name]
    client = client_for(personas[persona])
    url = reverse(name, kwargs=access.kwargs(world) if access.kwargs else None)

    response = client.get(url)

    allowed = persona in access.allowed
    if persona in dict(access.special):
        assert response.status_code == dict(access.special)[persona]
    elif access.post_only and (allowed or persona != "anonymous"):
        assert response.status_code == 405
    elif allowed:
        assert response.status_code == access.ok_status
    elif access.hidden:
        assert response.status_code == 404  # never reveal that the object exists
    elif persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == 403
    if not allowed:
        assert SECRET_NAME.encode() not in response.content


@pytest.mark.parametrize("persona", ["anonymous", "member", "organiser"])
def test_management_is_for_staff_only(client_for, personas, persona):
    client = client_for(personas[persona])

    for name, pattern in named_patterns():
        if not name.startswith("admin:") or pattern.pattern.regex.groups:
            continue
        if name in ("admin:login", "admin:logout"):
            continue
        response = client.get(reverse(name))
        assert response.status_code == 302, name
        assert "/admin/login/" in response["Location"], name


def test_staff_reaches_management(client_for, personas):
    response = client_for(personas["staff"]).get(reverse("admin:index"))

    assert response.status_code == 200


def test_every_add_page_of_the_management_opens(client_for, personas):
    """Warnings are errors in the tests: a form field that warns would be a 500 here."""
    client = client_for(personas["staff"])

    add_pages = [name for name, _ in named_patterns() if re.fullmatch(r"admin:\w+_add", name)]

    statuses = {name: client.get(reverse(name)).status_code for name in add_pages}

    assert len(statuses) > 10
    assert statuses["admin:events_meeting_add"] == 200  # has a URL field
    assert statuses["admin:common_activitylog_add"] == 403  # the log is read-only
    assert set(statuses.values()) <= {200, 403}, statuses


@pytest.mark.parametrize("name", sorted(ALLAUTH_MEMBER_PAGES))
def test_account_settings_need_login(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("name", sorted(ALLAUTH_VISITOR_PAGES - {"account_logout"}))
def test_visitor_account_pages_show_no_member_data(client, world, name):
    response = client.get(reverse(name))

    assert response.status_code in (200, 302)
    assert SECRET_NAME.encode() not in response.content
