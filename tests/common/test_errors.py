"""Error pages are in the site's style and never show a stack trace."""

import pytest
from django.test import Client
from django.urls import path

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
