"""The public hub: search with stemming, filters, feed, glossary links, related items, sharing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coachbridge.common.models import Theme
from coachbridge.knowledge.enums import ItemStatus
from tests.factories.knowledge import DebunkFactory, ItemFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def published(**fields):
    return ItemFactory(status=ItemStatus.PUBLISHED, **fields)


def titles(response):
    return [item.title for item in response.context["items"]]


@pytest.mark.parametrize(
    "query",
    ["coachingsgesprekken", "coachingsgesprek", "gesprekken", "Coachingsgesprekken werkrelatie"],
)
def test_search_finds_dutch_word_forms(client, query):
    published(title="Het eerste coachingsgesprek", findings="De werkrelatie groeit snel.")
    published(title="Iets anders", findings="Over groepen en teams.")

    response = client.get(reverse("knowledge:item-list"), {"q": query})

    assert titles(response) == ["Het eerste coachingsgesprek"]


def test_search_finds_english_plurals_and_never_drafts(client):
    published(title="Goal setting in coaching", language="en", findings="Clear goals help.")
    ItemFactory(title="Goals draft", language="en", findings="Goals.")

    response = client.get(reverse("knowledge:item-list"), {"q": "goal"})

    assert titles(response) == ["Goal setting in coaching"]


def test_filters_combine(client):
    theme = Theme.objects.get(slug="debunking")
    match = DebunkFactory(status=ItemStatus.PUBLISHED, evidence="review", language="en")
    match.themes.add(theme)
    other = published(evidence="review", language="en")
    other.themes.add(theme)
    DebunkFactory(status=ItemStatus.PUBLISHED, evidence="single", language="en").themes.add(theme)

    response = client.get(
        reverse("knowledge:item-list"),
        {"theme": "debunking", "evidence": "review", "language": "en", "kind": "debunk"},
    )

    assert titles(response) == [match.title]


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count_does_not_grow(client, count, django_assert_num_queries):
    theme = Theme.objects.first()
    for _ in range(count):
        published().themes.add(theme)

    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("knowledge:item-list"))

    assert len(queries) == 4  # session-less visitor: count, page, themes prefetch, theme list


def test_feed_lists_published_items_only(client):
    visible = published(title="Zichtbaar", lead="Te lezen in de feed.")
    ItemFactory(title="Geheim concept")

    response = client.get(reverse("knowledge:feed"))

    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "<title>Zichtbaar</title>" in body
    assert visible.get_absolute_url() in body
    assert "Geheim concept" not in body


def test_detail_links_the_first_glossary_term_once_and_not_in_links(client, glossary):
    item = published(
        question="Wat doet een [controlegroep](https://example.org/cg)?",
        method="Er was een controlegroep. Later nog een controlegroep.",
        findings="De effectgrootte was klein.",
    )

    body = client.get(item.get_absolute_url()).content.decode()

    assert body.count('class="glossary-term"') == 2
    assert (
        'href="https://example.org/cg" rel="noopener noreferrer nofollow">controlegroep</a>' in body
    )
    assert '<a class="glossary-term" href="/knowledge/glossary/#control-group"' in body
    assert '#effect-size" title="Hoe groot het verschil is' in body
    assert 'Er was een <a class="glossary-term"' in body
    assert "Later nog een controlegroep." in body


def test_english_item_links_english_terms(client, glossary):
    item = published(language="en", findings="The control groups did not change.")

    body = client.get(item.get_absolute_url()).content.decode()

    assert '#control-group" title="The group that does not get the approach.' in body
    assert ">control groups</a>" in body


def test_detail_shares_well_and_links_its_translation(client):
    dutch = published(title="Werkt coaching?", lead="Ja, gemiddeld wel.")
    english = published(title="Does coaching work?", language="en", translation_of=dutch)

    body = client.get(dutch.get_absolute_url()).content.decode()

    assert '<meta property="og:title" content="Werkt coaching?">' in body
    assert '<meta property="og:description" content="Ja, gemiddeld wel.">' in body
    assert '<meta name="description" content="Ja, gemiddeld wel.">' in body
    assert f'href="{english.get_absolute_url()}" hreflang="en"' in body
    assert "knowledge-print.css" in body


def test_related_items_share_theme_and_words_not_the_translation(client):
    theme = Theme.objects.get(slug="process-outcome")
    only = {"lead": "", "question": "", "method": "", "practice": "", "limitations": ""}
    item = published(title="Werkrelatie en uitkomst", findings="Een goede werkrelatie.", **only)
    item.themes.add(theme)
    close = published(title="De werkrelatie meten", findings="Meet de werkrelatie.", **only)
    close.themes.add(theme)
    published(title="Groepscoaching", findings="Groepen leren van elkaar.", **only)
    published(title="Working alliance", language="en", translation_of=item, **only)

    response = client.get(item.get_absolute_url())

    assert [other.title for other in response.context["related"]] == ["De werkrelatie meten"]


def test_glossary_page_lists_at_least_twenty_terms_in_both_languages(client, glossary):
    dutch = client.get(reverse("knowledge:glossary")).content.decode()
    client.post(reverse("set-language"), {"language": "en"})
    english = client.get(reverse("knowledge:glossary")).content.decode()

    assert glossary.count() >= 20
    assert 'id="effect-size">effectgrootte</dt>' in dutch
    assert 'id="effect-size">effect size</dt>' in english
    assert "How big the difference is" in english


def test_list_shows_a_translated_text_once_in_the_readers_language(client):
    dutch = published(title="Werkt coaching?", language="nl")
    published(title="Does coaching work?", language="en", translation_of=dutch)
    published(title="Alleen in het Engels", language="en")
    ItemFactory(title="Draft in Dutch", language="nl", translation_of=published(language="en"))
    url = reverse("knowledge:item-list")

    in_dutch = titles(client.get(url, headers={"accept-language": "nl"}))
    client.cookies["django_language"] = "en"
    in_english = titles(client.get(url))
    english_filter = titles(client.get(url, {"language": "en"}))

    assert "Werkt coaching?" in in_dutch and "Does coaching work?" not in in_dutch
    assert "Does coaching work?" in in_english and "Werkt coaching?" not in in_english
    assert "Alleen in het Engels" in in_dutch  # no Dutch version: shown as it is
    assert len(in_dutch) == 3  # a draft translation hides nothing
    assert "Does coaching work?" in english_filter and "Werkt coaching?" not in english_filter


def test_english_item_on_a_dutch_page_speaks_english_inside_the_article(client):
    """WCAG 3.1.2: inside lang="en" every heading and label is English; the site around it and
    a card's labels on the list stay in the visitor's language."""
    item = published(
        title="Goal setting in coaching",
        language="en",
        citation="Smith (2024).",
        findings="Clear goals help.",
    )

    body = client.get(item.get_absolute_url(), headers={"accept-language": "nl"}).content.decode()
    article = body[body.index('<article class="knowledge-item prose" lang="en">') :]
    article, after = article.split("</article>", 1)

    assert '<h2 id="section-findings">What was found</h2>' in article
    assert '<h2 id="sources-heading">Sources</h2>' in article
    assert "Strength of the evidence:" in article
    assert "Wat is gevonden" not in article and "Bronnen" not in article
    assert "Woordenlijst" in after  # the page around it stays Dutch

    listing = client.get(reverse("knowledge:item-list"), headers={"accept-language": "nl"})
    card = listing.content.decode()
    card = card[card.index('<article class="card knowledge-card">') :].split("</article>")[0]
    assert '<h3 class="card-title" lang="en">' in card
    assert "· Engels" in card and 'lang="en">Clear' not in card
