import pytest
from django.urls import reverse

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_dutch_is_the_default_language(client):
    response = client.get(reverse("home"))

    assert response["Content-Language"] == "nl"
    assert 'lang="nl"' in response.content.decode()


def test_member_language_choice_is_stored_and_followed(client_for, member):
    client = client_for(member)

    client.post(reverse("set-language"), {"language": "en", "next": reverse("home")})

    member.refresh_from_db()
    assert member.language == "en"
    fresh_client = client_for(member)  # a new browser without the language cookie
    assert fresh_client.get(reverse("accounts:dashboard"))["Content-Language"] == "en"


def test_unknown_language_is_ignored(client_for, member):
    client_for(member).post(reverse("set-language"), {"language": "xx", "next": "/"})

    member.refresh_from_db()
    assert member.language == "nl"


def test_language_switch_does_not_redirect_to_other_sites(client):
    response = client.post(
        reverse("set-language"), {"language": "en", "next": "https://evil.example.com/"}
    )

    assert response["Location"] == "/"
