"""The data migration that turns typed agenda question URLs into the link."""

import importlib

import pytest
from django.conf import settings

migration = importlib.import_module("coachbridge.knowledge.migrations.0004_item_agenda_question")

BEFORE = [("knowledge", "0003_comment_paragraph_review_roles"), ("agenda", "0002_question_post")]
AFTER = [
    ("knowledge", "0005_remove_item_agenda_question_url"),
    ("agenda", "0003_question_summary_item"),
]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("url", "pk"),
    [
        (f"{settings.SITE_URL}/agenda/questions/12/", 12),
        ("/agenda/questions/7/", 7),
        (f"{settings.SITE_URL}/nl/agenda/questions/3", 3),
        ("https://elders.example.org/agenda/questions/12/", None),
        (f"{settings.SITE_URL}/agenda/questions/12/edit/", None),
        (f"{settings.SITE_URL}/agenda/", None),
    ],
)
def test_question_pk_reads_only_question_pages_of_this_site(url, pk):
    assert migration.question_pk(url) == pk


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_migration_links_site_urls_and_keeps_other_urls_in_the_sources(migrator):
    old = migrator(BEFORE)
    Question = old.get_model("agenda", "Question")
    Item = old.get_model("knowledge", "Item")
    question = Question.objects.create(title="Werkt coaching?", why="Omdat coaches het vragen.")
    base = {"kind": "summary", "lead": "Kort.", "evidence": "single"}
    linked = Item.objects.create(
        title="A",
        agenda_question_url=f"{settings.SITE_URL}/agenda/questions/{question.pk}/",
        **base,
    )
    gone = Item.objects.create(
        title="B", agenda_question_url=f"{settings.SITE_URL}/agenda/questions/99999/", **base
    )
    external = Item.objects.create(
        title="C",
        citation="Bron 1",
        agenda_question_url="https://elders.example.org/vraag/4",
        **base,
    )
    plain = Item.objects.create(title="D", **base)

    new = migrator(AFTER)
    Item = new.get_model("knowledge", "Item")

    rows = {item.pk: item for item in Item.objects.all()}
    assert rows[linked.pk].agenda_question_id == question.pk
    assert rows[gone.pk].agenda_question_id is None
    assert rows[gone.pk].citation.endswith("/agenda/questions/99999/")
    assert rows[external.pk].agenda_question_id is None
    assert rows[external.pk].citation == (
        "Bron 1\nResearch agenda question: https://elders.example.org/vraag/4"
    )
    assert (rows[plain.pk].agenda_question_id, rows[plain.pk].citation) == (None, "")
