import pytest
from django.core.management import call_command

from coachbridge.accounts.models import User
from coachbridge.agenda.models import Question
from coachbridge.knowledge.demo import create_demo_knowledge
from coachbridge.knowledge.enums import ItemKind, ItemStatus
from coachbridge.knowledge.models import GlossaryTerm
from tests.factories.accounts import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_demo_has_linked_pairs_two_debunks_and_one_text_in_review():
    members = [UserFactory(email="researcher@example.org"), UserFactory(is_organiser=True)]

    items = create_demo_knowledge(members=members)

    published = [item for item in items if item.status == ItemStatus.PUBLISHED]
    pairs = [(item.translation_of.language, item.language) for item in items if item.translation_of]
    assert len(published) == 6
    assert pairs == [("nl", "en"), ("nl", "en")]
    assert sorted(i.title for i in items if i.kind == ItemKind.DEBUNK) == [
        "Leerstijlen: lesgeven in iemands 'stijl' helpt niet",
        "MBTI types do not predict coaching success",
    ]
    assert [i.status for i in items if i not in published] == [ItemStatus.IN_REVIEW]
    assert all(item.author == members[0] for item in items)
    assert GlossaryTerm.objects.count() >= 20


def test_the_full_demo_links_summaries_to_the_agenda_question_they_answer(client):
    call_command("demo", verbosity=0)
    question = Question.objects.get(title__startswith="Wat gebeurt er tijdens een coachtraject")
    client.force_login(User.objects.get(email="coach@example.org"))

    page = client.get(question.get_absolute_url())

    assert sorted(question.summaries.values_list("language", flat=True)) == ["en", "nl"]
    assert "De werkrelatie tussen coach en coachee telt" in page.content.decode()
