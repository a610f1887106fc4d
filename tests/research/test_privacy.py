"""A member's own data export lists their studies; deleting the account removes them."""

import json
import re

import pytest
from django.urls import reverse

from coachbridge.research import services
from coachbridge.research.models import Participant, Response, Study
from tests.agenda.test_privacy_demo import contributions

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_export_lists_studies_without_coachee_data(client_for, coach, study, coachee, answer_start):
    answer_start(coachee, comment="Rust in mijn hoofd")

    response = client_for(coach).post(reverse("accounts:export-data"))

    data = json.loads(response.content)
    assert data["practice_studies"] == [
        {
            "title": study.title,
            "aim": "",
            "closed": None,
            "created": study.created.isoformat(),
            "role": "lead",
            "your_coachees": 1,
        }
    ]
    assert "Rust in mijn hoofd" not in response.content.decode()
    assert coachee.token not in response.content.decode()


def keys_of(value):
    """Every dictionary key at any depth of a JSON value."""
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in keys_of(item)}
    if isinstance(value, list):
        return {key for item in value for key in keys_of(item)}
    return set()


def test_every_key_of_the_export_is_written_the_same_way(
    client_for, coach, study, coachee, answer_start
):
    answer_start(coachee)
    contributions(coach)  # questions, comments, votes and a ballot on the agenda

    data = json.loads(client_for(coach).post(reverse("accounts:export-data")).content)

    assert data["format"] == "coachbridge-personal-data/2"
    assert {"account", "research_agenda", "practice_studies"} <= set(data)
    odd = {key for key in keys_of(data) if not re.fullmatch(r"[a-z]+(_[a-z]+)*", key)}
    assert odd == set()


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
