"""The agenda's personal data (export, erasure) and the demo agenda."""

import pytest
from django.core.management import call_command

from coachbridge.agenda.enums import RoundStage
from coachbridge.agenda.models import Ballot, Comment, Follow, PriorityRound, Question, Vote
from coachbridge.agenda.privacy import erase_agenda, export_agenda
from coachbridge.agenda.services import rounds
from coachbridge.agenda.services.opinions import opinion_view
from coachbridge.common.privacy import personal_data_sections
from tests.factories.agenda import CommentFactory, PriorityRoundFactory, QuestionFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def contributions(user):
    question = QuestionFactory(author=user, title="Mijn eigen vraag over coaching?")
    CommentFactory(question=question, author=user, text="Mijn reactie")
    Vote.objects.create(statement=question.statement, voter=user, value=1)
    Follow.objects.create(question=question, user=user)
    priority_round = PriorityRoundFactory(shortlist_size=1, top_size=1)
    rounds.set_long_list(priority_round, questions=[question], by=None)
    rounds.open_round(priority_round, by=None)
    entry = priority_round.entries.get()
    rounds.submit_ballot(priority_round, voter=user, entry_ids=[entry.pk])
    return question


def test_agenda_registers_its_personal_data():
    assert "research_agenda" in [section.name for section in personal_data_sections()]


def test_export_lists_everything_of_the_member(member):
    contributions(member)

    data = export_agenda(member)

    assert [q["question"] for q in data["questions"]] == ["Mijn eigen vraag over coaching?"]
    assert [c["text"] for c in data["comments"]] == ["Mijn reactie"]
    assert [v["vote"] for v in data["votes"]] == [1]
    assert data["following"] == ["Mijn eigen vraag over coaching?"]
    assert data["priority_rounds"][0]["picks"] == ["Mijn eigen vraag over coaching?"]


def test_erase_keeps_public_text_unsigned_and_ballots_anonymous(member):
    question = contributions(member)

    erase_agenda(member, False)

    assert Vote.objects.count() == Follow.objects.count() == 0
    assert Question.objects.get().author is None
    assert Comment.objects.get().author is None
    assert Ballot.objects.get().voter is None
    assert Question.objects.get().why == question.why


def test_erase_with_contributions_removes_comments(member):
    contributions(member)

    erase_agenda(member, True)

    assert Comment.objects.count() == 0
    assert Question.objects.get().why == ""


def test_demo_agenda_has_groups_a_finished_pilot_and_an_open_round(client):
    call_command("demo", verbosity=0)

    pilot = PriorityRound.objects.get(stage=RoundStage.FINAL)
    priority_round = PriorityRound.objects.get(stage=RoundStage.INTERIM)
    view = opinion_view(None)
    assert Question.objects.count() == 16
    assert len(view.groups) >= 2
    assert view.consensus != []
    assert priority_round.stage == RoundStage.INTERIM
    assert priority_round.entries.count() == 16
    assert priority_round.ballots.count() > 5
    assert not priority_round.ballots.filter(voter__email="coach@example.org").exists()
    top = [row["title"] for row in pilot.final_result["top"]]
    assert len(top) == 5
    assert top[0].startswith("Wat gebeurt er tijdens een coachtraject")
    assert pilot.workshop.title == "Impact Meeting Coaching"
    public = client.get("/agenda/").content.decode()
    assert pilot.title in public and "Er is nog geen prioriteitenronde klaar" not in public
