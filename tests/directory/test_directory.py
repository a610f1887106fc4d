"""The public coach directory: who is listed, filters, and what visitors see."""

import pytest
from django.urls import reverse

from coachbridge.common.models import Theme
from tests.factories.accounts import ProfileFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def coach(name, **fields):
    fields.setdefault("visibility", "public")
    fields.setdefault("roles", ["coach"])
    return ProfileFactory(display_name=name, **fields)


def names(response):
    return [profile.display_name for profile in response.context["page_obj"]]


def test_lists_only_active_coaches_who_show_their_profile_to_everyone(client):
    coach("Anna Openbaar")
    coach("Bert Alleenleden", visibility="members")
    coach("Cor Onderzoeker", roles=["researcher"])
    gone = coach("Dirk Gestopt")
    gone.user.is_active = False
    gone.user.save()

    response = client.get(reverse("directory:directory"))

    assert response.status_code == 200
    assert names(response) == ["Anna Openbaar"]
    assert "Bert Alleenleden" not in response.content.decode()


def test_region_filter_keeps_coaches_who_work_online(client):
    coach("Utrecht Coach", region="utrecht")
    coach("Online Coach", region="online")
    coach("Limburg Coach", region="limburg")

    response = client.get(reverse("directory:directory"), {"region": "utrecht"})

    assert names(response) == ["Online Coach", "Utrecht Coach"]


def test_language_theme_and_search_filters_combine(client):
    coach(
        "Eva English", languages=["en", "nl"], expertise="teamcoaching", themes=["group-coaching"]
    )
    coach("Els Nederlands", languages=["nl"], expertise="teamcoaching", themes=["group-coaching"])
    coach("Emma English", languages=["en"], expertise="loopbaan", themes=["group-coaching"])
    theme = Theme.objects.get(slug="group-coaching")

    response = client.get(
        reverse("directory:directory"),
        {"language": "en", "theme": theme.pk, "q": "team"},
    )

    assert names(response) == ["Eva English"]


def test_a_bad_filter_value_is_left_out_and_the_other_filters_still_apply(client):
    coach("Anna Openbaar")
    coach("Bram Ook")

    response = client.get(
        reverse("directory:directory"), {"q": "anna", "region": "mars", "theme": "x"}
    )

    assert response.status_code == 200
    assert names(response) == ["Anna Openbaar"]
    assert response.context["form"].errors.keys() == {"region", "theme"}


def test_a_listed_coach_has_a_profile_page_a_visitor_may_open(client):
    listed = coach("Anna Openbaar", website="https://anna.example.org")

    page = client.get(listed.get_absolute_url())

    assert page.status_code == 200
    assert "https://anna.example.org" in page.content.decode()
    assert listed.user.email not in page.content.decode()


def test_home_footer_and_visitor_menu_lead_to_the_directory(client):
    html = client.get("/").content.decode()

    assert html.count(f'href="{reverse("directory:directory")}"') == 3  # menu, home, footer
    assert f'href="{reverse("directory:help")}"' in html


def test_the_lower_rate_filter_keeps_coaches_within_reach_of_little_money(client):
    coach("Leila Laag", lower_rate=True, expertise="schulden")
    coach("Marco Markt", expertise="executive coaching")

    everyone = client.get(reverse("directory:directory"))
    lower = client.get(reverse("directory:directory"), {"lower_rate": "on"})

    assert names(everyone) == ["Leila Laag", "Marco Markt"]
    assert names(lower) == ["Leila Laag"]
    assert everyone.content.decode().count("Lager tarief mogelijk") == 1


def test_hyphens_do_not_matter_in_a_search(client):
    coach("Sanne Streepje", expertise="burn-out en stress")
    coach("Bas Zonder", expertise="burnout")
    coach("Tom Team", expertise="teamcoaching")

    for q in ("burnout", "burn-out", "Burn-Out"):
        response = client.get(reverse("directory:directory"), {"q": q})
        assert names(response) == ["Bas Zonder", "Sanne Streepje"], q
