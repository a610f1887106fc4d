"""Organisers: the marketplace of a meeting on the wall, and in numbers; personal data."""

import pytest
from django.urls import reverse

from coachbridge.common.models import Theme
from coachbridge.common.privacy import personal_data_sections
from coachbridge.marketplace.enums import Category
from coachbridge.marketplace.models import HiddenMatch, Introduction, Post
from coachbridge.marketplace.services.index import get_index
from coachbridge.marketplace.services.posts import create_post
from tests.factories.events import MeetingFactory
from tests.factories.marketplace import PostFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def market(researcher, coach, member):
    meeting = MeetingFactory(title="Impact")
    theme = Theme.objects.get(slug="process-outcome")
    need = create_post(
        researcher,
        kind="need",
        title="Coaches gezocht voor onderzoek naar de werkrelatie",
        text="Ik zoek coaches die met hun coachees meedoen aan een studie over de werkrelatie.",
        category="participants",
        meeting=meeting,
        themes=[theme],
    )
    offer = create_post(
        coach,
        kind="offer",
        title="Mijn coachees doen mee aan onderzoek",
        text="Als coach doe ik met mijn coachees mee aan een studie over de werkrelatie.",
        category="participants",
        meeting=meeting,
        themes=[theme],
    )
    venue = create_post(
        member,
        kind="offer",
        title="Zaal in Zwolle",
        text="Een vergaderzaal met beamer voor twintig personen.",
        category="venue",
        meeting=meeting,
    )
    elsewhere = PostFactory(kind="offer", title="Buiten de bijeenkomst")
    Introduction.objects.create(
        requester=researcher,
        recipient=coach,
        requester_post=need,
        recipient_post=offer,
        status="accepted",
    )
    Introduction.objects.create(
        requester=member, recipient=researcher, requester_post=venue, recipient_post=need
    )
    return meeting, need, offer, venue, elsewhere


def test_wall_shows_the_meetings_posts_and_matches_without_names(client_for, organiser, market):
    meeting, need, offer, venue, elsewhere = market

    response = client_for(organiser).get(
        reverse("marketplace:event-wall", kwargs={"pk": meeting.pk})
    )

    page = response.content.decode()
    assert list(response.context["needs"]) == [need]
    assert list(response.context["offers"]) == [venue, offer]
    assert [(pair.need, pair.offer) for pair in response.context["pairs"]] == [(need, offer)]
    assert elsewhere.title not in page
    assert need.author.profile.display_name not in page
    assert 'hx-trigger="every 10s"' in page
    assert "<script>" not in page.split("</head>")[1]
    assert 'class="site-nav"' not in page  # a screen in the room shows no menu or log-out
    assert '<span class="wall-number">1</span> keer \u2018ik zoek\u2019' in page
    assert '<span class="wall-number">2</span> keer \u2018ik bied\u2019' in page


def test_wall_refresh_returns_only_the_wall(client_for, organiser, market):
    meeting = market[0]

    response = client_for(organiser).get(
        reverse("marketplace:event-wall", kwargs={"pk": meeting.pk}), HTTP_HX_REQUEST="true"
    )

    page = response.content.decode()
    assert page.lstrip().startswith('<div id="wall-items"')
    assert "<html" not in page


def test_numbers_count_posts_matches_and_introductions(client_for, organiser, market):
    meeting = market[0]

    numbers = (
        client_for(organiser)
        .get(reverse("marketplace:event-stats", kwargs={"pk": meeting.pk}))
        .context["numbers"]
    )

    assert (numbers["posts"], numbers["needs"], numbers["offers"]) == (3, 1, 2)
    assert numbers["by_category"] == [(Category.PARTICIPANTS.label, 2), (Category.VENUE.label, 1)]
    assert [(theme.slug, count) for theme, count in numbers["by_theme"]] == [("process-outcome", 2)]
    assert numbers["matches"] == 1
    assert (numbers["requested"], numbers["accepted"], numbers["waiting"]) == (2, 1, 1)


def test_numbers_keep_the_matches_of_posts_that_were_closed(client_for, organiser, market):
    meeting, need, offer, _, _ = market
    client = client_for(organiser)
    stats = reverse("marketplace:event-stats", kwargs={"pk": meeting.pk})
    wall = reverse("marketplace:event-wall", kwargs={"pk": meeting.pk})

    Post.objects.filter(pk__in=[need.pk, offer.pk]).update(status="closed")
    numbers = client.get(stats).context["numbers"]

    assert (numbers["matches"], numbers["closed"]) == (1, 2)
    assert client.get(wall).context["pair_count"] == 0  # the wall shows what is open now


def test_numbers_leave_out_a_match_marked_not_relevant(client_for, organiser, market):
    meeting, need, offer, _, _ = market
    HiddenMatch.objects.create(post=offer, other=need)

    numbers = (
        client_for(organiser)
        .get(reverse("marketplace:event-stats", kwargs={"pk": meeting.pk}))
        .context["numbers"]
    )

    assert numbers["matches"] == 0


def test_members_cannot_see_the_wall_or_numbers(client_for, member, market):
    meeting = market[0]

    wall = client_for(member).get(reverse("marketplace:event-wall", kwargs={"pk": meeting.pk}))
    stats = client_for(member).get(reverse("marketplace:event-stats", kwargs={"pk": meeting.pk}))

    assert (wall.status_code, stats.status_code) == (403, 403)


def test_export_and_erase_the_marketplace_data_of_a_member(market, researcher):
    section = next(s for s in personal_data_sections() if s.name == "marketplace")
    need = market[1]

    exported = section.export(researcher)
    section.erase(researcher, False)

    assert [post["title"] for post in exported["posts"]] == [need.title]
    assert len(exported["introductions"]) == 2
    assert not Post.objects.filter(author=researcher).exists()
    assert Introduction.objects.count() == 0
    assert str(need.pk) not in get_index()


def test_the_meeting_page_links_organisers_to_the_wall_and_numbers(client_for, organiser, market):
    meeting = market[0]

    page = client_for(organiser).get(meeting.get_absolute_url()).content.decode()

    assert reverse("marketplace:event-wall", kwargs={"pk": meeting.pk}) in page
    assert reverse("marketplace:event-stats", kwargs={"pk": meeting.pk}) in page
