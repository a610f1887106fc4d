"""Agenda questions and the knowledge hub's summaries that answer them."""

import csv
import io

import pytest
from django.conf import settings
from django.urls import reverse

from coachbridge.agenda.enums import QuestionStatus
from coachbridge.agenda.services import questions as services
from coachbridge.agenda.services.common import AgendaError
from coachbridge.knowledge import services as knowledge
from coachbridge.knowledge.enums import ItemStatus
from tests.factories.agenda import QuestionFactory
from tests.factories.knowledge import ItemFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_question_page_lists_its_published_summaries(client_for, member):
    question = QuestionFactory()
    published = ItemFactory(
        status=ItemStatus.PUBLISHED, agenda_question=question, title="Coaching helpt starters"
    )
    draft = ItemFactory(agenda_question=question, title="Nog niet klaar")

    page = client_for(member).get(question.get_absolute_url()).content.decode()

    assert f'href="{published.get_absolute_url()}"' in page
    assert published.title in page
    assert draft.title not in page


def test_moderator_picks_a_linked_summary_as_the_answer(client_for, organiser, member):
    question = QuestionFactory()
    item = ItemFactory(status=ItemStatus.PUBLISHED, agenda_question=question, title="Het antwoord")
    moderator = client_for(organiser)

    form_page = moderator.get(reverse("agenda:question-edit", kwargs={"pk": question.pk}))
    response = moderator.post(
        reverse("agenda:question-status", kwargs={"pk": question.pk}),
        {"status": "answered", "summary_item": str(item.pk)},
    )

    question.refresh_from_db()
    assert f'<option value="{item.pk}">Het antwoord</option>' in form_page.content.decode()
    assert response.status_code == 302
    assert (question.status, question.summary_item, question.summary_url) == (
        QuestionStatus.ANSWERED,
        item,
        "",
    )
    public = client_for(None).get(reverse("agenda:public")).content.decode()
    assert f'href="{item.get_absolute_url()}"' in public
    assert "Het antwoord" in public


def test_an_external_summary_link_still_answers(client_for, organiser):
    question = QuestionFactory()
    ItemFactory(status=ItemStatus.PUBLISHED, agenda_question=question)

    client_for(organiser).post(
        reverse("agenda:question-status", kwargs={"pk": question.pk}),
        {"status": "answered", "summary_item": "", "summary_url": "https://example.org/antwoord"},
    )

    question.refresh_from_db()
    assert (question.status, question.summary_item, question.summary_url) == (
        QuestionStatus.ANSWERED,
        None,
        "https://example.org/antwoord",
    )
    public = client_for(None).get(reverse("agenda:public")).content.decode()
    assert 'href="https://example.org/antwoord"' in public


def test_a_summary_of_another_question_cannot_be_picked(client_for, organiser):
    question = QuestionFactory()
    ItemFactory(status=ItemStatus.PUBLISHED, agenda_question=question)
    elsewhere = ItemFactory(status=ItemStatus.PUBLISHED, agenda_question=QuestionFactory())

    response = client_for(organiser).post(
        reverse("agenda:question-status", kwargs={"pk": question.pk}),
        {"status": "answered", "summary_item": str(elsewhere.pk)},
    )

    question.refresh_from_db()
    assert response.status_code == 400
    assert "summary_item" in response.context["status_form"].errors
    assert (question.status, question.summary_item) == (QuestionStatus.PROPOSED, None)


@pytest.mark.parametrize("status", [ItemStatus.DRAFT, ItemStatus.PUBLISHED])
def test_the_service_refuses_a_summary_not_published_for_this_question(organiser, status):
    question = QuestionFactory()
    unpublished = ItemFactory(status=ItemStatus.DRAFT, agenda_question=question)
    other = ItemFactory(status=status, agenda_question=QuestionFactory())

    for item in (unpublished, other):
        with pytest.raises(AgendaError):
            services.set_status(
                question, by=organiser, status=QuestionStatus.ANSWERED, summary_item=item
            )

    question.refresh_from_db()
    assert question.status == QuestionStatus.PROPOSED


def test_answer_link_falls_back_when_the_summary_goes_offline(client_for, organiser):
    question = QuestionFactory()
    item = ItemFactory(status=ItemStatus.PUBLISHED, agenda_question=question, title="Offline")
    services.set_status(
        question,
        by=organiser,
        status=QuestionStatus.ANSWERED,
        summary_item=item,
        summary_url="https://example.org/ook",
    )

    knowledge.return_to_author(item, by=organiser)

    public = client_for(None).get(reverse("agenda:public")).content.decode()
    assert item.get_absolute_url() not in public
    assert 'href="https://example.org/ook"' in public


def test_exports_give_the_full_address_of_the_summary(client_for, organiser):
    question = QuestionFactory()
    item = ItemFactory(status=ItemStatus.PUBLISHED, agenda_question=question, title="Uitleg")
    services.set_status(question, by=organiser, status=QuestionStatus.ANSWERED, summary_item=item)
    address = settings.SITE_URL.rstrip("/") + item.get_absolute_url()

    export = client_for(None).get(reverse("agenda:export-csv")).content.decode("utf-8-sig")
    printed = client_for(None).get(reverse("agenda:print")).content.decode()

    rows = list(csv.reader(io.StringIO(export)))
    assert rows[1][7] == address
    assert address in printed


def test_public_page_with_answers_keeps_its_query_count(
    client_for, organiser, django_assert_num_queries
):
    def answered():
        question = QuestionFactory()
        item = ItemFactory(status=ItemStatus.PUBLISHED, agenda_question=question)
        services.set_status(
            question, by=organiser, status=QuestionStatus.ANSWERED, summary_item=item
        )

    answered()
    client = client_for(None)
    with django_assert_num_queries(3):
        client.get(reverse("agenda:public"))
    answered()
    answered()
    with django_assert_num_queries(3):
        response = client.get(reverse("agenda:public"))

    assert response.content.decode().count("agenda-answer") == 3
