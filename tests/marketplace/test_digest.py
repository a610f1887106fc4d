"""The digest: only new matches, in the member's language, one-click unsubscribe."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coachbridge.marketplace.models import DigestSubscription
from coachbridge.marketplace.services.digest import send_due_digests, unsubscribe_link
from coachbridge.marketplace.services.posts import create_post
from tests.factories.accounts import ProfileFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

NEED = {
    "kind": "need",
    "title": "Coaches gezocht voor onderzoek naar de werkrelatie",
    "text": "Ik zoek coaches die met hun coachees meedoen aan een studie over de werkrelatie.",
    "category": "participants",
}


def offer(author, title):
    return create_post(
        author,
        kind="offer",
        title=title,
        text="Als coach wil ik met mijn coachees deelnemen aan een studie over de werkrelatie.",
        category="participants",
    )


def digests_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_digest_has_only_new_matches_since_the_last_one(researcher, coach):
    create_post(researcher, **NEED)
    offer(coach, "Eerste aanbod: coachees voor een studie")
    now = timezone.now()

    send_due_digests(now=now)
    first = digests_to(researcher)
    send_due_digests(now=now + dt.timedelta(days=8))  # nothing new: no e-mail
    offer(ProfileFactory(roles=["coach"]).user, "Tweede aanbod: ook coachees")
    send_due_digests(now=now + dt.timedelta(days=16))
    mails = digests_to(researcher)

    assert len(first) == 1
    assert "Eerste aanbod" in first[0].body
    assert len(mails) == 2
    assert "Tweede aanbod" in mails[1].body
    assert "Eerste aanbod" not in mails[1].body
    assert "Tweede aanbod" in mails[1].alternatives[0][0]


def test_digest_waits_a_week_and_can_be_turned_off(client_for, researcher, coach):
    create_post(researcher, **NEED)
    offer(coach, "Aanbod")
    now = timezone.now()
    send_due_digests(now=now)
    offer(ProfileFactory(roles=["coach"]).user, "Nog een aanbod")

    send_due_digests(now=now + dt.timedelta(days=3))
    early = len(digests_to(researcher))
    client_for(researcher).post(reverse("marketplace:digest-settings"), {"frequency": "off"})
    send_due_digests(now=now + dt.timedelta(days=30))

    assert early == 1
    assert len(digests_to(researcher)) == 1
    assert DigestSubscription.objects.get(user=researcher).frequency == "off"


def test_digest_is_written_in_the_members_language(researcher, coach):
    researcher.language = "en"
    researcher.save()
    create_post(researcher, **NEED)
    offer(coach, "Aanbod")
    coach.language = "nl"
    coach.save()

    send_due_digests(now=timezone.now())

    english = digests_to(researcher)[0]
    dutch = digests_to(coach)[0]
    assert english.body.startswith("Hello ")
    assert dutch.body.startswith("Hallo ")  # a greeting the Dutch catalogue already has


def test_unsubscribe_link_works_without_login_and_can_be_undone(client, researcher, coach):
    create_post(researcher, **NEED)
    offer(coach, "Aanbod")
    send_due_digests(now=timezone.now())
    body = digests_to(researcher)[0].body
    link = re.search(r"http://\S+/digest/unsubscribe/\S+/", body).group(0)

    response = client.get(link.removeprefix("http://127.0.0.1:8000"))
    off = DigestSubscription.objects.get(user=researcher).frequency
    undo = client.post(link.removeprefix("http://127.0.0.1:8000"), {"frequency": "weekly"})

    assert link.startswith(unsubscribe_link(researcher).split("/unsubscribe/")[0])
    assert response.status_code == 200
    assert off == "off"
    assert undo.status_code == 200
    assert DigestSubscription.objects.get(user=researcher).frequency == "weekly"


def test_the_mail_programs_one_click_unsubscribe_works_without_a_form_token(researcher, coach):
    create_post(researcher, **NEED)
    offer(coach, "Aanbod")
    send_due_digests(now=timezone.now())
    message = digests_to(researcher)[0]
    link = message.extra_headers["List-Unsubscribe"].strip("<>")

    response = Client(enforce_csrf_checks=True).post(
        link.removeprefix("http://127.0.0.1:8000"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body  # the same signed link the reader can click
    assert response.status_code == 200
    assert DigestSubscription.objects.get(user=researcher).frequency == "off"


def test_a_forged_unsubscribe_link_is_a_404(client, researcher):
    response = client.get(
        reverse("marketplace:digest-unsubscribe", kwargs={"token": f"{researcher.pk}:forged"})
    )

    assert response.status_code == 404
    assert not DigestSubscription.objects.filter(frequency="off").exists()


def test_command_sends_due_digests(researcher, coach):
    create_post(researcher, **NEED)
    offer(coach, "Aanbod")

    call_command("send_marketplace_digests", verbosity=0)
    call_command("send_marketplace_digests", verbosity=0)  # idempotent: claimed already

    assert len(digests_to(researcher)) == 1
