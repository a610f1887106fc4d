import pytest

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
