"""The organiser's pages of a meeting only link to pages that exist, with or without a café."""

import re

import pytest
from django.urls import reverse

from tests.factories.cafe import make_cafe
from tests.factories.events import MeetingFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PAGES = ["events:cafe-setup", "events:harvest-manage", "events:report-edit"]


def meeting_links(client, meeting):
    """Every link to a page of `meeting` on its detail page and the organiser's start pages."""
    prefix = f"/meetings/{meeting.pk}/"
    pages = [meeting.get_absolute_url(), *(reverse(name, args=[meeting.pk]) for name in PAGES)]
    links = set()
    for page in pages:
        html = client.get(page).content.decode()
        links |= {href for href in re.findall(r'href="([^"#?]+)', html) if href.startswith(prefix)}
    return links


@pytest.mark.parametrize("with_cafe", [False, True])
def test_no_link_on_the_organisers_pages_is_not_found(client_for, organiser, with_cafe):
    meeting = MeetingFactory()
    if with_cafe:
        make_cafe(meeting, people=4)
    client = client_for(organiser)

    links = meeting_links(client, meeting)
    broken = {link: client.get(link).status_code for link in links}

    assert len(links) >= (8 if with_cafe else 3)
    assert {link: status for link, status in broken.items() if status == 404} == {}
