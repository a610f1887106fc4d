"""Searching the marketplace in either language: words as typed, stems, compounds, concepts."""

from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.urls import reverse

from coachbridge.marketplace.models import Post, post_search_text
from coachbridge.marketplace.queries import browse_posts
from coachbridge.marketplace.services.posts import create_post, update_post
from tests.factories.marketplace import PostFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def posts(db):
    venue = PostFactory(
        kind="offer",
        category="venue",
        title="Zaal voor bijeenkomsten in Utrecht",
        text="Onze praktijk heeft een groepsruimte voor twintig personen met beamer.",
        indexed=False,
    )
    alliance = PostFactory(
        kind="need",
        category="participants",
        title="Coaches gezocht voor een studie naar de werkrelatie",
        text="Ik zoek coaches die met hun coachees meedoen aan een dagboekstudie.",
        indexed=False,
    )
    freelancers = PostFactory(
        kind="offer",
        category="participants",
        language="en",
        title="Association of freelancers",
        text="We can share calls for study participants with 4,000 zzp'ers.",
        indexed=False,
    )
    return venue, alliance, freelancers


def found(q: str) -> set[Post]:
    return set(browse_posts(q=q))


def test_a_search_in_english_finds_dutch_posts_by_their_topic(posts):
    venue, alliance, _ = posts

    assert found("venue") == {venue}
    assert found("working alliance") == {alliance}
    assert found("meeting room Utrecht") == {venue}


def test_a_search_in_dutch_finds_english_posts_by_their_topic(posts):
    _, alliance, freelancers = posts

    assert found("deelnemers") == {alliance, freelancers}  # "coachees die meedoen aan ..."
    assert found("onderzoek") == {alliance, freelancers}


def test_stems_compounds_and_words_as_typed_still_find_posts(posts):
    venue, alliance, freelancers = posts

    assert found("bijeenkomst") == {venue}  # stem of "bijeenkomsten"
    assert found("studie") == {alliance, freelancers}  # part of "dagboekstudie", and "study"
    assert found("zzp") == {freelancers}  # part of a word, as typed
    assert found("beamer") == {venue}


def test_every_word_must_match_and_stop_words_do_not_count(posts):
    venue, _, _ = posts

    assert found("zaal voor de coachees") == set()
    assert found("een zaal") == {venue}
    assert found("de het een") == set(Post.objects.all())


def test_a_compound_finds_posts_with_all_its_parts_not_with_one(db):
    team = PostFactory(title="Teamcoaching in de zorg", text="Wie doet mee?", indexed=False)
    teams = PostFactory(
        title="Coach voor teams", text="Ik coach teams van leidinggevenden.", indexed=False
    )
    PostFactory(title="Coaching van studenten", text="Ik coach studenten.", indexed=False)
    PostFactory(title="Een team zoekt een ruimte", text="Voor ons overleg.", indexed=False)

    assert found("teamcoaching") == {team, teams}
    assert found("team coaching") == {team, teams}


def test_search_text_follows_edits_and_not_other_saves(posts, member):
    venue, _, _ = posts
    venue.author = member
    venue.save()

    update_post(venue, by=member, title="Bos voor wandelcoaching", text="Een bos bij Zeist.")

    venue.refresh_from_db()
    assert venue.search_text == post_search_text(venue.title, venue.text, "nl")
    assert found("zaal") == set()
    assert found("walking coaching") == {venue}
    venue.save(update_fields=["status"])  # saves that leave the words alone keep the terms
    assert "c:walking_coaching" in Post.objects.get(pk=venue.pk).search_text
    created = create_post(
        member, kind="need", title="Subsidie", text="Wie helpt?", category="funding"
    )
    assert " c:funding " in created.search_text


def test_browse_page_searches_across_languages(client_for, member, posts):
    venue, _, _ = posts

    response = client_for(member).get(reverse("marketplace:post-list"), {"q": "venue"})

    assert list(response.context["page_obj"]) == [venue]


def test_migration_fills_the_search_text_of_existing_posts(posts):
    migration = import_module("coachbridge.marketplace.migrations.0002_post_search_text")
    Post.objects.update(search_text="")
    assert found("venue") == set()

    migration.fill_search_text(django_apps, None)

    assert found("venue") == {posts[0]}


def test_a_word_is_found_by_its_own_topic_inside_a_longer_phrase(db):
    # "meedoen aan onderzoek" is research together with coaches; "meedoen" alone is taking part
    post = PostFactory(
        title="Mijn coachees willen meedoen aan onderzoek", text="Loopbaancoach.", indexed=False
    )

    assert found("research participants") == {post}


def test_rebuilding_the_index_brings_old_search_terms_up_to_date(posts, capsys):
    venue = posts[0]
    Post.objects.filter(pk=venue.pk).update(search_text=" zaal ")  # terms of an older version

    call_command("rebuild_match_index")

    assert "posts with new search terms: 1" in capsys.readouterr().out
    assert found("venue") == {venue}
