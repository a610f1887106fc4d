"""The page frame every page shares."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_pages_name_an_icon_that_exists(client):
    html = client.get("/").content.decode()

    icon = re.search(r'<link rel="icon" href="([^"]+)"', html).group(1)
    assert finders.find(icon.removeprefix(settings.STATIC_URL))


def test_title_and_head_blocks_hold_no_page_content():
    """A page's <title> and <head> blocks take text and links only: a section pasted into one
    shows up in the browser tab and outside <body>."""
    import coachbridge

    package = Path(coachbridge.__file__).parent
    block = re.compile(r"{% block (title|og_title|description|head) %}(.*?){% endblock %}", re.S)
    content = re.compile(r"<(?!link|meta|script|/script|style|/style)[a-z]")
    found = [
        f"{path.relative_to(package)}: {name}"
        for path in package.rglob("templates/**/*.html")
        for name, body in block.findall(path.read_text(encoding="utf-8"))
        if (name == "head" and content.search(body)) or (name != "head" and "<" in body)
    ]

    assert found == []
