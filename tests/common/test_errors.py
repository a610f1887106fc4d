"""Error pages are in the site's style and never show a stack trace."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import path, reverse

from coachbridge.urls import urlpatterns as site_patterns

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def broken_view(request):
    raise RuntimeError("secret internal detail")


urlpatterns = [*site_patterns, path("broken/", broken_view)]


def test_404_page_uses_the_site_layout(client):
    response = client.get("/this-page-does-not-exist/")

    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert "We kunnen deze pagina niet vinden" in html


@pytest.mark.urls("tests.common.test_errors")
def test_500_page_shows_no_stack_trace(settings):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "secret internal detail" not in html
    assert "Traceback" not in html
    assert "Er ging iets mis bij ons" in html


def test_a_button_pressed_after_the_session_ended_returns_to_its_page_after_login(client):
    button = reverse("marketplace:digest-settings")
    page = "/marketplace/?tab=mine"

    response = client.post(button, {"frequency": "off"}, HTTP_REFERER=f"http://testserver{page}")

    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == reverse("account_login")
    assert parse_qs(target.query)["next"] == [page]


def test_a_button_posted_from_another_site_keeps_its_own_address_as_next(client):
    button = reverse("marketplace:digest-settings")

    response = client.post(button, HTTP_REFERER="https://elsewhere.example.com/marketplace/")

    assert parse_qs(urlsplit(response["Location"]).query)["next"] == [button]


def test_opening_a_button_address_shows_a_page_that_leads_back(client_for, member):
    page = "http://testserver/marketplace/"

    response = client_for(member).get(reverse("marketplace:digest-settings"), HTTP_REFERER=page)

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert "Deze pagina hoort bij een knop" in html
    assert f'href="{page}"' in html
