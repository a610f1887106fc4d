"""Voting one card at a time, statements, the opinion groups page and the role split."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from coachbridge.accounts.models import Role
from coachbridge.agenda.models import Statement, Vote
from coachbridge.agenda.services import voting as services
from coachbridge.agenda.services.common import AgendaError
from coachbridge.agenda.services.opinions import opinion_view, role_split
from tests.factories.accounts import ProfileFactory
from tests.factories.agenda import QuestionFactory, StatementFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_vote_card_plain_form_saves_and_moves_on(client_for, member):
    first, _second = StatementFactory(text="Eerste stelling"), StatementFactory(text="Tweede")
    client = client_for(member)

    page = client.get(reverse("agenda:vote")).content.decode()
    response = client.post(
        reverse("agenda:statement-vote", kwargs={"pk": first.pk}), {"value": "1"}
    )
    next_page = client.get(reverse("agenda:vote")).content.decode()

    assert "Eerste stelling" in page
    assert response.status_code == 302
    assert list(Vote.objects.values_list("statement", "voter", "value")) == [
        (first.pk, member.pk, 1)
    ]
    assert "Tweede" in next_page
    assert "Eerste stelling" not in next_page


def test_vote_card_htmx_returns_the_next_card_only(client_for, member):
    first, _second = StatementFactory(text="Eerste stelling"), StatementFactory(text="Tweede")

    response = client_for(member).post(
        reverse("agenda:statement-vote", kwargs={"pk": first.pk}),
        {"value": "-1"},
        headers={"HX-Request": "true"},
    )

    content = response.content.decode()
    assert content.lstrip().startswith('<div id="vote-card"')
    assert "Tweede" in content
    assert Vote.objects.get().value == -1


def test_changing_a_vote_replaces_it(member):
    statement = StatementFactory()

    services.cast_vote(statement, voter=member, value=1)
    services.cast_vote(statement, voter=member, value=0)

    assert list(Vote.objects.values_list("value", flat=True)) == [0]


def test_database_refuses_a_second_vote_row(member):
    statement = StatementFactory()
    Vote.objects.create(statement=statement, voter=member, value=1)

    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(statement=statement, voter=member, value=-1)


@pytest.mark.parametrize("value", ["2", "", "abc"])
def test_bad_vote_value_is_refused(client_for, member, value):
    statement = StatementFactory()

    response = client_for(member).post(
        reverse("agenda:statement-vote", kwargs={"pk": statement.pk}), {"value": value}
    )

    assert response.status_code == 302
    assert Vote.objects.count() == 0


def test_hidden_statement_takes_no_votes(client_for, member, organiser):
    statement = StatementFactory()
    client_for(organiser).post(
        reverse("agenda:statement-hide", kwargs={"pk": statement.pk}), {"hidden": "1"}
    )

    response = client_for(member).post(
        reverse("agenda:statement-vote", kwargs={"pk": statement.pk}), {"value": "1"}
    )

    assert response.status_code == 404
    assert Vote.objects.count() == 0
    assert services.next_statement(member) is None


def test_moderator_can_hide_from_the_vote_card(client_for, member, organiser):
    StatementFactory()

    as_member = client_for(member).get(reverse("agenda:vote")).content.decode()
    as_moderator = client_for(organiser).get(reverse("agenda:vote")).content.decode()

    assert "vote-moderate" not in as_member
    assert "vote-moderate" in as_moderator


def test_member_cannot_hide_a_statement(client_for, member):
    statement = StatementFactory()

    response = client_for(member).post(
        reverse("agenda:statement-hide", kwargs={"pk": statement.pk}), {"hidden": "1"}
    )

    assert response.status_code == 403
    assert Statement.objects.get().hidden is False


def test_next_card_gives_the_least_voted_statement_first(member):
    busy, quiet = StatementFactory(), StatementFactory()
    Vote.objects.create(statement=busy, voter=ProfileFactory().user, value=1)

    assert services.next_statement(member) == quiet


def test_vote_on_a_question_from_its_page_returns_there(client_for, member):
    question = QuestionFactory()

    response = client_for(member).post(
        reverse("agenda:statement-vote", kwargs={"pk": question.statement.pk}),
        {"value": "1", "next": question.get_absolute_url()},
    )
    evil = client_for(member).post(
        reverse("agenda:statement-vote", kwargs={"pk": question.statement.pk}),
        {"value": "1", "next": "https://evil.example.com/"},
    )

    assert response["Location"] == question.get_absolute_url()
    assert evil["Location"] == reverse("agenda:vote")


def test_add_statement_plain_text_and_limits(client_for, member):
    client = client_for(member)

    short = client.post(reverse("agenda:statement-add"), {"text": "Te kort"})
    long = client.post(reverse("agenda:statement-add"), {"text": "x" * 281})
    ok = client.post(reverse("agenda:statement-add"), {"text": "Coaches <b>weten</b> veel"})
    again = client.post(reverse("agenda:statement-add"), {"text": "coaches <b>weten</b> veel"})

    assert short.status_code == long.status_code == again.status_code == 200
    assert ok.status_code == 302
    assert list(Statement.objects.values_list("text", "author")) == [
        ("Coaches <b>weten</b> veel", member.pk)
    ]
    card = client.get(reverse("agenda:vote")).content.decode()
    assert "Coaches &lt;b&gt;weten&lt;/b&gt; veel" in card


def test_statements_are_rate_limited(locmem_cache, member):
    for number in range(services.RATE_STATEMENTS):
        services.add_statement(by=member, text=f"Stelling over coaching nummer {number}")

    with translation.override("en"), pytest.raises(AgendaError, match="wait a minute"):
        services.add_statement(by=member, text="Nog een stelling over coaching")


def test_votes_are_rate_limited(locmem_cache, member):
    statements = StatementFactory.create_batch(services.RATE_VOTES + 1)
    for statement in statements[:-1]:
        services.cast_vote(statement, voter=member, value=1)

    with translation.override("en"), pytest.raises(AgendaError, match="wait a minute"):
        services.cast_vote(statements[-1], voter=member, value=1)
    assert Vote.objects.count() == services.RATE_VOTES


# --- Opinion groups --------------------------------------------------------------------------


def two_camps(coaches=6, researchers=6, statements=8):
    """Coaches agree with the first half and disagree with the second; researchers the other
    way round; everyone agrees with the last statement."""
    coach_role = Role.objects.get(code="coach")
    researcher_role = Role.objects.get(code="researcher")
    people = []
    for index in range(coaches + researchers):
        profile = ProfileFactory()
        profile.roles.add(coach_role if index < coaches else researcher_role)
        people.append(profile.user)
    items = StatementFactory.create_batch(statements)
    shared = StatementFactory(text="Iedereen is het hierover eens")
    for index, person in enumerate(people):
        side = 1 if index < coaches else -1
        for number, statement in enumerate(items):
            value = side if number < statements // 2 else -side
            Vote.objects.create(statement=statement, voter=person, value=value)
        Vote.objects.create(statement=shared, voter=person, value=1)
    return people, items, shared


def test_opinion_groups_follow_the_camps(member):
    people, _items, shared = two_camps()

    view = opinion_view(people[0])

    assert sorted((g.size, g.coaches, g.researchers) for g in view.groups) == [
        (6, 0, 6),
        (6, 6, 0),
    ]
    assert [item.statement for item in view.consensus] == [shared]
    assert view.your_group == next(g.number for g in view.groups if g.coaches == 6)
    assert len(view.dots) == 12
    assert [dot.is_you for dot in view.dots].count(True) == 1
    assert all(0 <= dot.x <= view.width and 0 <= dot.y <= view.height for dot in view.dots)


def test_role_split_shows_coaches_against_researchers(member):
    _people, items, shared = two_camps()

    rows = {row.statement: row for row in role_split()}

    assert (rows[items[0]].coaches, rows[items[0]].researchers) == (100, 0)
    assert (rows[items[-1]].coaches, rows[items[-1]].researchers) == (0, 100)
    assert (rows[shared].coaches, rows[shared].researchers) == (100, 100)
    assert rows[items[0]].coach_votes == 6


def test_opinions_page_draws_an_svg_without_inline_styles(client_for):
    people, _items, _shared = two_camps()

    content = client_for(people[0]).get(reverse("agenda:opinions")).content.decode()

    assert content.count('<circle class="opinion-dot opinion-group-') == 12 + 2  # + legend
    assert 'class="opinion-you"' in content
    assert "style=" not in content
    assert "Iedereen is het hierover eens" in content


def test_moderator_finds_hidden_statements_once_in_the_page_body(client_for, organiser):
    StatementFactory(text="Coaching werkt altijd", hidden=True)

    content = client_for(organiser).get(reverse("agenda:opinions")).content.decode()

    head, body = content.split("</head>", 1)
    assert "Coaching werkt altijd" not in head
    assert body.count("Coaching werkt altijd") == 1
    assert body.count('id="hidden-heading"') == 1


def test_opinions_page_without_votes_explains(client_for, member):
    response = client_for(member).get(reverse("agenda:opinions"))

    assert response.context["view"].groups == []
    assert "<svg" not in response.content.decode()


def test_a_question_card_asks_whether_research_should_answer_it(client_for, member):
    question = QuestionFactory(title="Hoe werkt coaching bij rouw?")
    client = client_for(member)

    card = client.get(reverse("agenda:vote")).content.decode()
    client.post(
        reverse("agenda:statement-vote", kwargs={"pk": question.statement.pk}), {"value": "1"}
    )
    StatementFactory(text="Coaching is geen therapie")
    statement_card = client.get(reverse("agenda:vote")).content.decode()

    assert "Hoe werkt coaching bij rouw?" in card
    assert "Moet onderzoek deze vraag beantwoorden?" in card
    assert ">Ja</button>" in card and ">Nee</button>" in card
    assert "Coaching is geen therapie" in statement_card
    assert "Moet onderzoek deze vraag beantwoorden?" not in statement_card
    assert ">Eens</button>" in statement_card


@pytest.mark.parametrize(("back", "lands_on"), [("/agenda/", "/agenda/"), ("abc", "/agenda/vote/")])
def test_after_a_vote_only_a_path_on_this_site_is_followed(client_for, member, back, lands_on):
    statement = StatementFactory()

    response = client_for(member).post(
        reverse("agenda:statement-vote", kwargs={"pk": statement.pk}),
        {"value": "1", "next": back},
    )

    assert response.status_code == 302
    assert response["Location"] == lands_on
