"""Many people voting at the same moment: no vote is lost, none is counted twice.

Each voter sends the same vote twice at once (a double tap), so the database's unique
constraint and the retry in `cast_vote` are both exercised. The large run needs PostgreSQL
(it runs in the PostgreSQL pass of ./dev test). On SQLite, test_sqlite_concurrency.py runs 20
voters against a database file in a separate process (the production set-up: busy timeout,
immediate transactions); the in-memory test database locks tables without waiting, so the
tests here skip on it.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from coachbridge.agenda.enums import RoundStage
from coachbridge.agenda.models import Ballot, Pick, RoundQuestion, Vote
from coachbridge.agenda.services.rounds import close_interim, submit_ballot
from coachbridge.agenda.services.voting import cast_vote
from tests.factories.accounts import UserFactory
from tests.factories.agenda import PriorityRoundFactory, QuestionFactory, StatementFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


IN_MEMORY = (
    "the in-memory SQLite test database locks whole tables without waiting (shared cache), "
    "which says nothing about the file database with its busy timeout"
)


def in_memory_sqlite():
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


def skip_on_in_memory_sqlite():
    """Checked inside the test: the test database exists only then."""
    if in_memory_sqlite():
        pytest.skip(IN_MEMORY)


def _in_thread(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    finally:
        connections.close_all()


def vote_together(voters, statement, workers):
    jobs = [(voter, 1 if index % 3 else -1) for index, voter in enumerate(voters)] * 2
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [
            pool.submit(_in_thread, cast_vote, statement, voter=voter, value=value)
            for voter, value in jobs
        ]
        errors = [future.exception() for future in futures]
    return errors


def expected_sum(count):
    return sum(1 if index % 3 else -1 for index in range(count))


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="100 parallel writers need PostgreSQL"
)
def test_hundred_voters_at_once_on_postgresql():
    statement = StatementFactory()
    voters = UserFactory.create_batch(100, verified=False)

    errors = vote_together(voters, statement, workers=25)

    assert errors == [None] * 200
    votes = Vote.objects.filter(statement=statement)
    assert votes.count() == 100
    assert sorted(votes.values_list("voter_id", flat=True)) == sorted(v.pk for v in voters)
    assert sum(votes.values_list("value", flat=True)) == expected_sum(100)


def test_closing_a_round_while_people_vote_freezes_a_consistent_result():
    skip_on_in_memory_sqlite()
    priority_round = PriorityRoundFactory(stage=RoundStage.INTERIM, shortlist_size=2)
    entries = [
        RoundQuestion.objects.create(round=priority_round, question=QuestionFactory(), position=n)
        for n in range(3)
    ]
    organiser = UserFactory(is_organiser=True, verified=False)
    voters = UserFactory.create_batch(12, verified=False)
    Ballot.objects.create(round=priority_round, voter=voters[0])  # so closing is allowed

    def ballot(voter):
        try:
            submit_ballot(priority_round, voter=voter, entry_ids=[entries[0].pk, entries[1].pk])
        except Exception as error:  # a closed round refuses: that is expected here
            return type(error).__name__
        return "ok"

    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(_in_thread, ballot, voter) for voter in voters[1:]]
        close = pool.submit(_in_thread, close_interim, priority_round, by=organiser)
        outcomes = [future.result() for future in futures]
        result = close.result()

    assert set(outcomes) <= {"ok", "AgendaError"}
    # Every ballot stored before the close is in the frozen result, and none after it.
    assert result["ballots"] == Ballot.objects.filter(round=priority_round).count()
    assert Pick.objects.filter(ballot__round=priority_round).count() == 2 * outcomes.count("ok")
