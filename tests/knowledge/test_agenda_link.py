"""A summary or debunk linked to the research agenda question it answers."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from coachbridge.agenda.models import Follow, Notification
from coachbridge.knowledge import services
from coachbridge.knowledge.enums import ItemStatus
from coachbridge.knowledge.models import Item
from coachbridge.knowledge.queries import published_items_for_question
from tests.factories.accounts import UserFactory
from tests.factories.agenda import QuestionFactory
from tests.factories.knowledge import DebunkFactory, ItemFactory
from tests.knowledge.test_writing import summary_data

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_the_form_offers_current_questions_and_saves_the_link(client_for, member):
    question = QuestionFactory(title="Werkt coaching voor jonge werknemers?")
    merged = QuestionFactory(title="Helpt coaching jonge mensen op het werk?", merged_into=question)
    author = client_for(member)

    page = author.get(reverse("knowledge:item-create", args=["summary"])).content.decode()
    author.post(
        reverse("knowledge:item-create", args=["summary"]),
        summary_data(agenda_question=str(question.pk)),
    )

    assert f'<option value="{question.pk}">{question.title}</option>' in page
    assert merged.title not in page
    assert '<option value="" selected>No question</option>' in page or "Geen vraag" in page
    assert Item.objects.get().agenda_question == question


def test_a_merged_question_cannot_be_chosen_and_the_text_stays(client_for, member):
    kept = QuestionFactory()
    merged = QuestionFactory(merged_into=kept)

    response = client_for(member).post(
        reverse("knowledge:item-create", args=["summary"]),
        summary_data(agenda_question=str(merged.pk), title="Mijn getypte titel"),
    )

    assert response.status_code == 200
    assert "agenda_question" in response.context["form"].errors
    assert "Mijn getypte titel" in response.content.decode()
    assert not Item.objects.exists()


def test_an_item_keeps_its_question_after_that_question_is_merged(client_for, member):
    question = QuestionFactory()
    item = ItemFactory(author=member, agenda_question=question)
    question.merged_into = QuestionFactory()
    question.save()

    response = client_for(member).post(
        reverse("knowledge:item-edit", args=[item.pk]),
        summary_data(agenda_question=str(question.pk), title="Nieuwe titel"),
    )

    item.refresh_from_db()
    assert response.status_code == 302
    assert (item.title, item.agenda_question) == ("Nieuwe titel", question)


def test_a_published_summary_names_the_question_it_answers(client_for):
    question = QuestionFactory(title="Welke vaardigheden maken een coach goed?")
    item = ItemFactory(status=ItemStatus.PUBLISHED, agenda_question=question)
    plain = ItemFactory(status=ItemStatus.PUBLISHED)

    page = client_for(None).get(item.get_absolute_url()).content.decode()
    other = client_for(None).get(plain.get_absolute_url()).content.decode()

    assert f'<a href="{question.get_absolute_url()}">{question.title}</a>' in page
    assert question.get_absolute_url() not in other


def test_published_items_for_question_lists_only_published_answers():
    question = QuestionFactory()
    summary = ItemFactory(status=ItemStatus.PUBLISHED, agenda_question=question)
    debunk = DebunkFactory(status=ItemStatus.PUBLISHED, agenda_question=question)
    ItemFactory(status=ItemStatus.DRAFT, agenda_question=question)
    ItemFactory(status=ItemStatus.IN_REVIEW, agenda_question=question)
    ItemFactory(status=ItemStatus.PUBLISHED, agenda_question=QuestionFactory())
    ItemFactory(status=ItemStatus.PUBLISHED)
    via_merge = ItemFactory(
        status=ItemStatus.PUBLISHED, agenda_question=QuestionFactory(merged_into=question)
    )

    found = published_items_for_question(question)

    assert {item.pk for item in found} == {summary.pk, debunk.pk, via_merge.pk}


def test_publishing_a_linked_item_tells_the_question_followers(organiser):
    question = QuestionFactory()
    follower, english = UserFactory(), UserFactory(language="en")
    for user in (follower, english, organiser):
        Follow.objects.create(question=question, user=user)
    item = ItemFactory(status=ItemStatus.IN_REVIEW, agenda_question=question)
    mail.outbox.clear()

    services.publish_item(item, by=organiser)

    notes = Notification.objects.filter(question=question)
    assert set(notes.values_list("user", "kind")) == {
        (follower.pk, "summary"),
        (english.pk, "summary"),
    }
    by_address = {message.to[0]: message for message in mail.outbox}
    assert organiser.email not in by_address
    assert by_address[english.email].subject == (
        f"[{settings.SITE_NAME}] A question you follow has a new summary"
    )
    assert "has a new summary in the knowledge hub" in by_address[english.email].body
    assert question.get_absolute_url() in by_address[english.email].body


def test_a_summary_for_a_merged_question_reaches_the_question_kept(organiser):
    kept = QuestionFactory()
    merged = QuestionFactory(merged_into=kept)
    follower = UserFactory()
    Follow.objects.create(question=kept, user=follower)
    item = ItemFactory(status=ItemStatus.IN_REVIEW, agenda_question=merged)

    services.publish_item(item, by=organiser)

    assert list(Notification.objects.values_list("user", "question", "kind")) == [
        (follower.pk, kept.pk, "summary")
    ]


def test_publishing_an_unlinked_item_notifies_no_follower(organiser):
    question = QuestionFactory()
    Follow.objects.create(question=question, user=UserFactory())

    services.publish_item(ItemFactory(status=ItemStatus.IN_REVIEW), by=organiser)

    assert not Notification.objects.exists()


def test_deleting_the_question_keeps_the_item():
    question = QuestionFactory()
    item = ItemFactory(status=ItemStatus.PUBLISHED, agenda_question=question)

    question.delete()

    item.refresh_from_db()
    assert item.agenda_question is None
