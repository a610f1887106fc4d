"""A member's own data export lists their studies; deleting the account removes them."""

import json

import pytest
from django.urls import reverse

from coachbridge.research import services
from coachbridge.research.models import Participant, Response, Study

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_export_lists_studies_without_coachee_data(client_for, coach, study, coachee, answer_start):
    answer_start(coachee, comment="Rust in mijn hoofd")

    response = client_for(coach).post(reverse("accounts:export-data"))

    data = json.loads(response.content)
    assert data["practice studies"] == [
        {
            "title": study.title,
            "aim": "",
            "closed": None,
            "created": study.created.isoformat(),
            "role": "lead",
            "your coachees": 1,
        }
    ]
    assert "Rust in mijn hoofd" not in response.content.decode()
    assert coachee.token not in response.content.decode()


def test_deleting_the_account_deletes_the_studies_and_their_answers(
    client_for, coach, study, coachee, answer_start
):
    answer_start(coachee)

    client_for(coach).post(reverse("accounts:delete-account"), {"confirm_email": coach.email})

    assert not Study.objects.exists()
    assert not Participant.objects.exists() and not Response.objects.exists()


def test_a_joined_coach_who_leaves_takes_their_coachees_addresses(client_for, study, member):
    services.join_study(study, member)
    coachee = services.add_coachee(study, email="lisa@example.net", language="nl", by=member)

    client_for(member).post(reverse("accounts:delete-account"), {"confirm_email": member.email})

    coachee.refresh_from_db()
    assert Study.objects.filter(pk=study.pk).exists()
    assert (coachee.coach, coachee.sealed_email) == (None, "")
