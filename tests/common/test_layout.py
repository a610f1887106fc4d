"""The page frame every page shares."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_pages_name_an_icon_that_exists(client):
    html = client.get("/").content.decode()

    icon = re.search(r'<link rel="icon" href="([^"]+)"', html).group(1)
    assert finders.find(icon.removeprefix(settings.STATIC_URL))
