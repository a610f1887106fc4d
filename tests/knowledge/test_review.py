"""Review before publishing: reviews, comments per part, revisions, versions and publishing."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coachbridge.common.models import ActivityLog
from coachbridge.knowledge import services
from coachbridge.knowledge.enums import ItemStatus
from coachbridge.knowledge.models import Comment, Review
from tests.factories.accounts import UserFactory
from tests.factories.knowledge import ItemFactory
from tests.knowledge.test_writing import summary_data

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_review_workflow_from_draft_to_published(client_for, member, coach, organiser):
    author = client_for(member)
    author.post(reverse("knowledge:item-create", args=["summary"]), summary_data())
    item = member.knowledge_items.get()

    author.post(reverse("knowledge:item-submit", args=[item.pk]))
    client_for(coach).post(
        reverse("knowledge:item-review", args=[item.pk]),
        {"rating": "3", "text": "Het woord effect is niet duidelijk."},
    )
    client_for(coach).post(
        reverse("knowledge:item-comment", args=[item.pk]),
        {"comment-section": "findings", "comment-text": "Zeg hoe groot het effect is."},
    )
    edit_page = author.get(reverse("knowledge:item-edit", args=[item.pk]))
    author.post(
        reverse("knowledge:item-edit", args=[item.pk]),
        summary_data(findings="Coaching helpt: het effect is middelgroot."),
    )
    client_for(organiser).post(reverse("knowledge:item-publish", args=[item.pk]))

    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED
    assert item.published_at is not None
    assert [(r.reviewer, r.rating, r.version) for r in Review.objects.all()] == [(coach, 3, 2)]
    assert [(c.section, c.text) for c in Comment.objects.all()] == [
        ("findings", "Zeg hoe groot het effect is.")
    ]
    assert "Zeg hoe groot het effect is." in edit_page.content.decode()
    assert [(v.number, v.reason) for v in item.versions.order_by("number")] == [
        (1, "saved"),
        (2, "submitted"),
        (3, "saved"),
        (4, "published"),
    ]
    assert list(
        ActivityLog.objects.filter(object_id=str(item.pk)).values_list("action", flat=True)
    ) == [
        "knowledge.published",
        "knowledge.updated",
        "knowledge.commented",
        "knowledge.reviewed",
        "knowledge.submitted",
        "knowledge.created",
    ]


def test_versions_page_shows_a_word_diff(client_for, member, coach):
    item = ItemFactory(author=member, findings="Het effect was klein.")
    services.save_item(item, by=member)
    item.findings = "Het effect was middelgroot."
    services.save_item(item, by=member)
    services.submit_for_review(item, by=member)

    response = client_for(coach).get(reverse("knowledge:item-versions", args=[item.pk]) + "?v=2")

    diff = response.context["diff"]
    assert [d.name for d in diff] == ["findings"]
    assert [(p.op, p.text) for p in diff[0].parts] == [
        ("same", "Het effect was "),
        ("removed", "klein."),
        ("added", "middelgroot."),
    ]
    assert "<del>klein.</del><ins>middelgroot.</ins>" in response.content.decode()


def test_unchanged_save_adds_no_version(member):
    item = ItemFactory(author=member)
    services.save_item(item, by=member)

    services.save_item(item, by=member)

    assert item.versions.count() == 1


def test_author_cannot_review_own_text(client_for, member):
    item = ItemFactory(author=member, status=ItemStatus.IN_REVIEW)

    response = client_for(member).post(
        reverse("knowledge:item-review", args=[item.pk]), {"rating": "5", "text": "Top!"}
    )

    assert response.status_code == 403
    assert Review.objects.count() == 0


def test_draft_cannot_be_reviewed_or_commented(client_for, member, coach):
    item = ItemFactory(author=member)

    review = client_for(coach).get(reverse("knowledge:item-review", args=[item.pk]))
    comment = client_for(coach).post(
        reverse("knowledge:item-comment", args=[item.pk]),
        {"comment-section": "lead", "comment-text": "x"},
    )

    assert (review.status_code, comment.status_code) == (404, 404)
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("persona", ["member", "coach", "researcher"])
def test_only_editors_publish(client_for, persona, request):
    user = request.getfixturevalue(persona)
    item = ItemFactory(status=ItemStatus.IN_REVIEW, author=user)

    response = client_for(user).post(reverse("knowledge:item-publish", args=[item.pk]))

    item.refresh_from_db()
    assert response.status_code == 403
    assert item.status == ItemStatus.IN_REVIEW


def test_knowledge_editor_permission_lets_a_member_publish(client_for, member):
    member.user_permissions.add(Permission.objects.get(codename="edit_knowledge"))
    item = ItemFactory(status=ItemStatus.IN_REVIEW, author=UserFactory())

    client_for(member).post(reverse("knowledge:item-publish", args=[item.pk]))

    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED


def test_incomplete_item_is_not_published(client_for, english_organiser):
    organiser = english_organiser
    item = ItemFactory(status=ItemStatus.IN_REVIEW, limitations="")

    response = client_for(organiser).post(
        reverse("knowledge:item-publish", args=[item.pk]), follow=True
    )

    item.refresh_from_db()
    assert item.status == ItemStatus.IN_REVIEW
    assert "Missing: Limitations." in response.content.decode()


def test_editor_takes_a_published_item_offline(client_for, organiser):
    item = ItemFactory(status=ItemStatus.PUBLISHED)

    client_for(organiser).post(reverse("knowledge:item-return", args=[item.pk]))

    item.refresh_from_db()
    assert item.status == ItemStatus.DRAFT
    assert client_for(None).get(item.get_absolute_url()).status_code == 404


def test_workspace_lists_own_texts_and_texts_to_review(client_for, member):
    own = ItemFactory(author=member)
    to_review = ItemFactory(status=ItemStatus.IN_REVIEW)
    ItemFactory(status=ItemStatus.DRAFT)  # someone else's draft: not shown

    response = client_for(member).get(reverse("knowledge:workspace"))

    assert list(response.context["mine"]) == [own]
    assert list(response.context["in_review"]) == [to_review]


def test_erasing_a_member_keeps_their_published_text_without_name(member):
    from coachbridge.knowledge.privacy import erase_knowledge, export_knowledge

    item = ItemFactory(author=member, status=ItemStatus.PUBLISHED)

    exported = export_knowledge(member)
    erase_knowledge(member, remove_contributions=False)

    item.refresh_from_db()
    assert exported["items"] == [{"title": item.title, "status": "published", "language": "nl"}]
    assert item.author is None


@pytest.mark.parametrize("count", [1, 3])
def test_workspace_query_count_does_not_grow(client_for, member, count):
    for _ in range(count):
        ItemFactory(author=member)
        ItemFactory(status=ItemStatus.IN_REVIEW)
    client = client_for(member)

    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("knowledge:workspace"))

    assert len(queries) == 6  # session, user, the two lists, the permission checks


def test_unpublished_texts_stay_out_of_public_view(client_for, member):
    draft = ItemFactory(title="Geheim concept")
    in_review = ItemFactory(title="Nog in review", status=ItemStatus.IN_REVIEW)
    visitor = client_for(None)

    list_page = visitor.get(reverse("knowledge:item-list")).content.decode()

    assert visitor.get(draft.get_absolute_url()).status_code == 404
    assert visitor.get(in_review.get_absolute_url()).status_code == 404
    assert client_for(member).get(draft.get_absolute_url()).status_code == 404
    assert client_for(member).get(in_review.get_absolute_url()).status_code == 200
    assert "Geheim concept" not in list_page
    assert "Nog in review" not in list_page


def test_an_english_title_in_a_dutch_heading_carries_its_language(client_for, member, coach):
    item = ItemFactory(
        author=member, status=ItemStatus.IN_REVIEW, language="en", title="Coaching works"
    )

    html = client_for(coach).get(reverse("knowledge:item-review", args=[item.pk])).content.decode()

    assert '<h1>Nalezen: <span lang="en">Coaching works</span></h1>' in html
