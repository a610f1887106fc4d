import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories.accounts import ProfileFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def names_in(response) -> list[str]:
    return [profile.display_name for profile in response.context["page_obj"]]


def test_directory_needs_login(client):
    response = client.get(reverse("accounts:member-list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_directory_filters_by_role_theme_region_and_text(client_for, member):
    ProfileFactory(
        display_name="Anna Coach", roles=["coach"], themes=["ripple-effect"], region="utrecht"
    )
    ProfileFactory(
        display_name="Bert Onderzoeker",
        roles=["researcher"],
        themes=["ripple-effect"],
        region="limburg",
        organisation="Universiteit X",
    )
    ProfileFactory(display_name="Cor Beleid", roles=["policy"], region="utrecht")
    client = client_for(member)
    url = reverse("accounts:member-list")
    from coachbridge.common.models import Theme

    ripple = Theme.objects.get(slug="ripple-effect").pk

    assert names_in(client.get(url, {"role": "coach"})) == ["Anna Coach"]
    assert names_in(client.get(url, {"theme": ripple})) == ["Anna Coach", "Bert Onderzoeker"]
    assert names_in(client.get(url, {"region": "utrecht", "theme": ripple})) == ["Anna Coach"]
    assert names_in(client.get(url, {"q": "universiteit"})) == ["Bert Onderzoeker"]


def test_directory_hides_deactivated_members(client_for, member):
    ProfileFactory(display_name="Weg Geweest", user__is_active=False)

    response = client_for(member).get(reverse("accounts:member-list"))

    assert "Weg Geweest" not in names_in(response)


@pytest.mark.parametrize("extra", [0, 2])
def test_directory_query_count_does_not_grow_with_members(client_for, member, extra):
    for _ in range(extra):
        ProfileFactory(roles=["coach", "researcher"], themes=["theory", "access"])
    client = client_for(member)
    client.get(reverse("accounts:member-list"))  # warm up session and content types

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("accounts:member-list"))

    assert len(names_in(response)) == 1 + extra
    assert len(queries) == 7


def test_public_profile_is_visible_without_account(client):
    profile = ProfileFactory(display_name="Open Profiel", visibility="public")

    response = client.get(profile.get_absolute_url())

    assert response.status_code == 200
    assert "Open Profiel" in response.content.decode()


def test_members_only_profile_is_hidden_from_visitors(client, client_for, member):
    profile = ProfileFactory(display_name="Alleen Leden", visibility="members")

    assert client.get(profile.get_absolute_url()).status_code == 404
    assert client_for(member).get(profile.get_absolute_url()).status_code == 200


def test_filtering_with_htmx_returns_only_the_results_and_the_count(client_for, member):
    ProfileFactory(display_name="Anna Coach", roles=["coach"])

    response = client_for(member).get(
        reverse("accounts:member-list"), {"role": "coach"}, headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert names_in(response) == ["Anna Coach"]
    assert "<h1>" not in html
    assert 'id="member-count" hx-swap-oob="innerHTML"' in html
    assert "1 lid gevonden" in html
