"""The language switch on a page that a refused form rendered (its address may take POST only)."""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_after_a_refused_form_the_switch_returns_to_the_page_the_member_came_from(
    client_for, member
):
    client = client_for(member)
    form_page = reverse("marketplace:post-create")

    refused = client.post(form_page, {"kind": "need", "title": "", "text": ""})
    switched = client.post(
        reverse("set-language"), {"language": "en"}, HTTP_REFERER=f"http://testserver{form_page}"
    )

    assert refused.status_code == 200
    assert 'name="next"' not in refused.content.decode().split('class="language-switch"')[1]
    assert switched["Location"] == f"http://testserver{form_page}"


def test_on_an_ordinary_page_the_switch_stays_on_that_page(client_for, member):
    page = client_for(member).get(reverse("marketplace:home")).content.decode()

    assert f'name="next" value="{reverse("marketplace:home")}"' in page
