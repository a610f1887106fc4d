import json

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from coachbridge.accounts.models import Profile, User
from coachbridge.common.models import ActivityLog
from coachbridge.knowledge import services as knowledge
from coachbridge.knowledge.enums import ItemStatus
from tests.factories.knowledge import ItemFactory
from tests.factories.marketplace import PostFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_export_contains_account_and_profile(client_for, coach):
    coach.profile.organisation = "Praktijk Export"
    coach.profile.save()

    response = client_for(coach).post(reverse("accounts:export-data"))

    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    data = json.loads(response.content)
    assert data["account"]["email"] == coach.email
    assert data["account"]["email_addresses"] == [
        {"email": coach.email, "verified": True, "primary": True}
    ]
    assert data["profile"]["organisation"] == "Praktijk Export"
    assert data["profile"]["roles"] == ["coach"]
    assert data["profile"]["lower_rate"] is False
    assert ActivityLog.objects.filter(action="member.data_exported", actor=coach).count() == 1


def test_export_is_post_only(client_for, member):
    assert client_for(member).get(reverse("accounts:export-data")).status_code == 405


def test_delete_needs_own_email_and_keeps_everything_on_mistake(client_for, member):
    response = client_for(member).post(
        reverse("accounts:delete-account"), {"confirm_email": "someone@else.org"}
    )

    assert response.status_code == 400
    assert (
        "Type your own e-mail address" in response.content.decode()
        or "e-mailadres" in response.content.decode()
    )
    assert User.objects.filter(pk=member.pk).exists()


def test_delete_removes_user_profile_and_email_addresses(client_for, member):
    client = client_for(member)
    profile_pk = member.profile.pk

    response = client.post(
        reverse("accounts:delete-account"), {"confirm_email": member.email.upper()}
    )

    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert not Profile.objects.filter(pk=profile_pk).exists()
    assert not EmailAddress.objects.filter(email=member.email).exists()
    assert "_auth_user_id" not in client.session
    entry = ActivityLog.objects.get(action="member.deleted")
    assert entry.actor is None
    assert entry.data == {"member_id": member.pk, "removed_contributions": False}


def test_a_member_made_in_the_admin_is_never_shown_by_e_mail_address(client_for, member):
    """Accounts made with createsuperuser or in the admin have no profile until they open
    their page; what they write must not carry their e-mail address."""

    admin = User.objects.create_superuser(email="boss.private@example.org", password="x" * 20)
    item = ItemFactory(status=ItemStatus.IN_REVIEW)
    knowledge.add_comment(item, by=admin, section="lead", text="Kort graag")
    PostFactory(author=admin, title="Een vraag van de beheerder")
    client = client_for(member)

    pages = [
        client.get(reverse("knowledge:item-review", kwargs={"pk": item.pk})),
        client.get(reverse("marketplace:post-list")),
    ]

    for page in pages:
        html = page.content.decode()
        assert "boss.private" not in html
        assert f"Lid {admin.pk}" in html
