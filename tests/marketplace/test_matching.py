"""Matches as members see them: through the app's index, with reasons, mutual marks, hiding."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from coachbridge.engine.matching.model import CATEGORY_NAMES
from coachbridge.marketplace.enums import Category
from coachbridge.marketplace.models import HiddenMatch, Post
from coachbridge.marketplace.services import index as index_service
from coachbridge.marketplace.services.index import get_index, index_path
from coachbridge.marketplace.services.matching import hidden_for, matches_for
from coachbridge.marketplace.services.posts import create_post
from coachbridge.marketplace.tasks import compact_match_index
from tests.factories.marketplace import PostFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

NEED = {
    "kind": "need",
    "title": "Coaches gezocht voor onderzoek naar de werkrelatie",
    "text": "Ik zoek coaches die met hun coachees meedoen aan een studie over de werkrelatie.",
    "category": "participants",
}
OFFER = {
    "kind": "offer",
    "title": "Mijn coachees willen meedoen aan onderzoek",
    "text": "Als coach wil ik met mijn coachees deelnemen aan een studie over de werkrelatie.",
    "category": "participants",
}
UNRELATED = {
    "kind": "offer",
    "title": "Zaal te huur in Zwolle",
    "text": "Een vergaderzaal met beamer voor twintig personen, gratis voor het netwerk.",
    "category": "venue",
}


def test_own_post_page_shows_matches_of_the_other_kind_with_reasons(
    client_for, researcher, coach, member
):
    need = create_post(researcher, **NEED)
    offer = create_post(coach, **OFFER)
    create_post(member, **UNRELATED)
    create_post(member, **{**NEED, "title": "Ook een vraag over de werkrelatie"})

    response = client_for(researcher).get(need.get_absolute_url())

    found = response.context["matches"]
    assert [match.post for match in found] == [offer]
    assert any("werkrelatie" in reason for reason in found[0].why)
    assert "complementary" not in " ".join(found[0].why)  # Dutch post, Dutch reasons
    page = response.content.decode()
    assert offer.title in page and "werkrelatie" in page


def test_matches_skip_own_posts_closed_posts_and_hidden_ones(researcher, coach, member):
    need = create_post(researcher, **NEED)
    create_post(researcher, **OFFER)  # own offer: never a match
    closed = create_post(coach, **OFFER)
    closed.status = "closed"
    closed.save()  # saved without the service: the index still has it, the database decides
    hidden = create_post(member, **{**OFFER, "title": "Coachees voor een studie"})
    HiddenMatch.objects.create(post=need, other=hidden)

    assert matches_for(need) == []


def test_not_relevant_hides_a_match_for_good_and_is_kept_as_feedback(client_for, researcher, coach):
    need = create_post(researcher, **NEED)
    offer = create_post(coach, **OFFER)
    url = reverse("marketplace:match-hide", kwargs={"pk": need.pk, "other_pk": offer.pk})

    client_for(researcher).post(url)
    client_for(researcher).post(url)

    assert list(HiddenMatch.objects.values_list("post", "other")) == [(need.pk, offer.pk)]
    assert matches_for(need) == []
    assert [match.post for match in matches_for(offer)] == [need]  # only for who hid it


def test_mutual_match_is_marked(researcher, coach):
    need = create_post(researcher, **NEED)
    offer = create_post(coach, **OFFER)
    create_post(
        coach,
        kind="need",
        title="Hulp gezocht bij het meten van de werkrelatie",
        text="Ik zoek een onderzoeker die me helpt de werkrelatie in mijn praktijk te meten.",
        category="knowledge",
    )
    create_post(
        researcher,
        kind="offer",
        title="Ik help coaches de werkrelatie te meten",
        text="Als onderzoeker help ik coaches om de werkrelatie in hun praktijk te meten.",
        category="knowledge",
    )

    found = matches_for(need)

    assert [(match.post, match.mutual) for match in found] == [(offer, True)]


def test_paused_own_post_still_shows_its_matches(researcher, coach):
    need = create_post(researcher, **NEED)
    offer = create_post(coach, **OFFER)
    need.status = "paused"
    need.save()
    index_service.sync_post(need.pk)

    assert str(need.pk) not in get_index()
    assert [match.post for match in matches_for(need)] == [offer]


def test_index_is_saved_and_another_process_loads_the_newer_file(researcher, coach):
    need = create_post(researcher, **NEED)
    saved = index_path().exists()
    index_service.reset()  # as if this were a new process
    offer = create_post(coach, **OFFER)  # the task saves; a reader loads the file again
    index_service.reset()

    assert saved
    assert [match.post for match in matches_for(need)] == [offer]


def test_rebuild_command_indexes_every_open_post_and_nothing_else(researcher, coach):
    posts = [
        PostFactory(indexed=False, author=researcher),
        PostFactory(indexed=False, author=coach, kind="offer"),
        PostFactory(indexed=False, author=coach, status="closed"),
    ]

    call_command("rebuild_match_index", verbosity=0)
    index_service.reset()

    index = get_index()
    assert sorted(
        post_id
        for post_id in map(str, Post.objects.values_list("pk", flat=True))
        if post_id in index
    ) == sorted([str(posts[0].pk), str(posts[1].pk)])


def test_a_broken_index_file_is_built_again(researcher, coach):
    need = create_post(researcher, **NEED)
    offer = create_post(coach, **OFFER)
    index_service.reset()
    index_path().write_bytes(b"not an index")

    assert [match.post for match in matches_for(need)] == [offer]


def test_real_sentence_encoder_matches_across_languages(settings, researcher, coach, member):
    """The packaged multilingual encoder, as in production (the other tests match on words)."""
    settings.MARKETPLACE_MATCH_EMBEDDER = index_service.DEFAULT_EMBEDDER
    index_service.reset()
    need = create_post(
        researcher,
        kind="need",
        title="Looking for coaches for a diary study",
        text="For my research on the working alliance I need coaches whose clients keep a diary.",
        category="participants",
    )
    offer = create_post(coach, **OFFER)
    create_post(member, **UNRELATED)

    with translation.override("en"):
        found = matches_for(need)
    with translation.override("nl"):
        found_in_dutch = matches_for(need)

    assert index_service.embedder() is not None
    assert get_index().embedder is index_service.embedder()
    assert [match.post for match in found][:1] == [offer]
    # the reasons speak the reader's language, whatever the language of the post
    assert any("working alliance" in reason for reason in found[0].why)
    assert any("werkrelatie" in reason for reason in found_in_dutch[0].why)


def test_compaction_job_drops_posts_past_their_end_date(researcher, coach):
    need = create_post(researcher, **NEED)
    offer = create_post(coach, **OFFER)
    Post.objects.filter(pk=offer.pk).update(ends_on=timezone.localdate() - dt.timedelta(days=1))

    size = compact_match_index.enqueue().return_value

    assert size == 1
    assert str(offer.pk) not in get_index()
    assert str(need.pk) in get_index()


def test_not_relevant_moves_posts_like_the_hidden_one_down(client_for, member, coach, researcher):
    need = create_post(
        member,
        kind="need",
        title="Spreker gezocht over slaap",
        text="Voor onze avond over coaching en slaapproblemen zoeken we iemand die vertelt wat "
        "onderzoek zegt.",
        category="speaker",
    )
    talk = create_post(
        coach,
        kind="offer",
        title="Spreker voor uw avond",
        text="Ik geef een lezing over leiderschap in teams, voor uw congres of avond.",
        category="speaker",
    )
    other_talk = create_post(
        researcher,
        kind="offer",
        title="Lezing voor uw avond",
        text="Een lezing over leiderschap en teams, voor een congres, studiedag of avond.",
        category="speaker",
    )
    sleep = create_post(
        researcher,
        kind="offer",
        title="Research on sleep",
        text="I study how clients in coaching sleep and what helps them rest.",
        category="knowledge",
        language="en",
    )
    assert [m.post for m in matches_for(need)] == [talk, other_talk, sleep]
    url = reverse("marketplace:match-hide", kwargs={"pk": need.pk, "other_pk": talk.pk})

    client_for(member).post(url)

    page = client_for(member).get(need.get_absolute_url())
    # the other leadership talk, nearly the same as the hidden one, moves below the offer
    # about sleep; only the hidden one is gone
    assert [m.post for m in page.context["matches"]] == [sleep, other_talk]
    assert "lijkt op een bericht dat je niet relevant vond" in page.context["matches"][1].why


def test_show_again_undoes_not_relevant_for_the_author_only(client_for, researcher, coach, member):
    need = create_post(researcher, **NEED)
    offer = create_post(coach, **OFFER)
    hide = reverse("marketplace:match-hide", kwargs={"pk": need.pk, "other_pk": offer.pk})
    unhide = reverse("marketplace:match-unhide", kwargs={"pk": need.pk, "other_pk": offer.pk})
    client_for(researcher).post(hide)
    page = client_for(researcher).get(need.get_absolute_url())
    assert page.context["hidden"] == [offer]
    assert "1 match die je niet relevant vond" in page.content.decode()

    refused = client_for(member).post(unhide)

    assert refused.status_code == 403  # they may read the post, not change it
    assert HiddenMatch.objects.filter(post=need, other=offer).exists()
    response = client_for(researcher).post(unhide, follow=True)
    assert [m.post for m in response.context["matches"]] == [offer]
    assert response.context["hidden"] == []
    assert "De match kan weer in je lijst staan." in response.content.decode()
    again = client_for(researcher).post(unhide, follow=True)  # nothing hidden: no message
    assert "De match kan weer" not in again.content.decode()


def test_hidden_list_leaves_out_posts_that_are_no_longer_open(researcher, coach):
    need = create_post(researcher, **NEED)
    offer = create_post(coach, **OFFER)
    closed = create_post(coach, **{**OFFER, "title": "Coachees voor een studie"})
    HiddenMatch.objects.create(post=need, other=offer)
    HiddenMatch.objects.create(post=need, other=closed)
    closed.status = "closed"
    closed.save()

    assert hidden_for(need) == [offer]


def test_the_why_names_a_category_as_the_forms_do():
    for category in Category:
        for lang in ("nl", "en"):
            with translation.override(lang):
                assert CATEGORY_NAMES[category.value][lang] == str(category.label).lower()
