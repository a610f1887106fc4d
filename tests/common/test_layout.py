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


@pytest.mark.parametrize(
    "url", ["/coaches/help/", "/coaches/", "/me/profile/", "/marketplace/posts/new/"]
)
def test_every_described_by_points_at_an_element_of_the_page(client, member, url):
    """Help texts are read out with their field only when aria-describedby names their id."""
    client.force_login(member)
    html = client.get(url).content.decode()

    described = {i for ids in re.findall(r'aria-describedby="([^"]+)"', html) for i in ids.split()}
    present = set(re.findall(r'id="([^"]+)"', html))

    assert described, url
    assert described - present == set()
