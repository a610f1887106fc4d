"""Priority rounds the James Lind Alliance way, and the public agenda they feed."""

import csv
import io

import pytest
from django.urls import reverse

from coachbridge.accounts.models import Role
from coachbridge.agenda.enums import QuestionStatus, RoundStage
from coachbridge.agenda.models import Ballot, PriorityRound, RoundQuestion
from coachbridge.agenda.services import rounds as services
from coachbridge.agenda.services.common import AgendaError
from coachbridge.agenda.services.questions import merge_questions
from coachbridge.events.enums import MeetingStatus
from coachbridge.events.models import Meeting
from tests.factories.accounts import ProfileFactory
from tests.factories.agenda import PriorityRoundFactory, QuestionFactory
from tests.factories.events import MeetingFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def person(*roles):
    profile = ProfileFactory()
    profile.roles.set(Role.objects.filter(code__in=roles))
    return profile.user


def open_round(size=4, **fields):
    """An open round with a long list of `size` questions; short list 3, top 2, pick 3."""
    priority_round = PriorityRoundFactory(**fields)
    questions = [
        QuestionFactory(title=f"Vraag {n} over coaching in de praktijk?") for n in range(size)
    ]
    services.set_long_list(priority_round, questions=questions, by=None)
    services.open_round(priority_round, by=None)
    return priority_round, list(priority_round.entries.order_by("position"))


def test_organiser_creates_a_round_with_a_long_list(client_for, organiser):
    questions = QuestionFactory.create_batch(4)

    response = client_for(organiser).post(
        reverse("agenda:round-create"),
        {
            "title": "Agenda 2026",
            "description": "Kies je top",
            "pick_limit": 3,
            "shortlist_size": 3,
            "top_size": 2,
            "questions": [q.pk for q in questions],
        },
    )

    priority_round = PriorityRound.objects.get()
    assert response["Location"] == priority_round.get_absolute_url()
    assert priority_round.stage == RoundStage.DRAFT
    assert set(priority_round.entries.values_list("question", flat=True)) == {
        q.pk for q in questions
    }


def test_member_cannot_create_a_round(client_for, member):
    response = client_for(member).post(reverse("agenda:round-create"), {"title": "x"})

    assert response.status_code == 403
    assert PriorityRound.objects.count() == 0


def test_draft_round_is_hidden_from_members(client_for, member, organiser):
    priority_round = PriorityRoundFactory()

    assert client_for(member).get(priority_round.get_absolute_url()).status_code == 404
    assert client_for(organiser).get(priority_round.get_absolute_url()).status_code == 200


def test_round_needs_a_long_list_as_long_as_the_short_list():
    priority_round = PriorityRoundFactory(shortlist_size=3)
    services.set_long_list(priority_round, questions=QuestionFactory.create_batch(2), by=None)

    with pytest.raises(AgendaError):
        services.open_round(priority_round, by=None)
    assert PriorityRound.objects.get().stage == RoundStage.DRAFT


def test_member_ranks_questions_through_the_form(client_for):
    priority_round, entries = open_round()
    coach = person("coach")

    response = client_for(coach).post(
        priority_round.get_absolute_url(),
        {f"rank-{entries[2].pk}": "1", f"rank-{entries[0].pk}": "2"},
    )

    ballot = Ballot.objects.get()
    assert response.status_code == 302
    assert ballot.roles == ["coach"]
    assert list(ballot.picks.values_list("entry", "rank")) == [
        (entries[2].pk, 1),
        (entries[0].pk, 2),
    ]


def test_skipped_places_are_closed_up_and_the_member_is_told(client_for, member):
    priority_round, entries = open_round()
    client = client_for(member)

    gaps = client.post(
        priority_round.get_absolute_url(),
        {f"rank-{entries[1].pk}": "3", f"rank-{entries[0].pk}": "1"},
        follow=True,
    )
    no_gaps = client.post(
        priority_round.get_absolute_url(),
        {f"rank-{entries[1].pk}": "2", f"rank-{entries[0].pk}": "1"},
        follow=True,
    )

    told = [str(message) for message in gaps.context["messages"]]
    assert any("1 tot 2" in text or "1 to 2" in text for text in told)
    assert len([str(m) for m in no_gaps.context["messages"]]) == 1  # only "saved"
    assert list(Ballot.objects.get().picks.values_list("entry", "rank")) == [
        (entries[0].pk, 1),
        (entries[1].pk, 2),
    ]


@pytest.mark.parametrize("place", ["0", "4", "-1"])
def test_a_place_outside_the_pick_limit_is_refused(client_for, member, place):
    priority_round, entries = open_round()  # pick 3

    response = client_for(member).post(
        priority_round.get_absolute_url(), {f"rank-{entries[0].pk}": place}
    )

    assert response.status_code == 400
    assert "1 tot 3" in response.content.decode()
    assert Ballot.objects.count() == 0


def test_same_place_twice_is_refused_and_choice_kept(client_for, member):
    priority_round, entries = open_round()

    response = client_for(member).post(
        priority_round.get_absolute_url(),
        {f"rank-{entries[0].pk}": "1", f"rank-{entries[1].pk}": "1"},
    )

    assert response.status_code == 400
    assert Ballot.objects.count() == 0
    assert response.context["rows"][0][1] == 1


def test_a_superscript_digit_is_refused_as_a_place_and_the_other_places_kept(client_for, member):
    priority_round, entries = open_round()

    response = client_for(member).post(
        priority_round.get_absolute_url(),
        {f"rank-{entries[0].pk}": "²", f"rank-{entries[1].pk}": "1"},
    )

    assert response.status_code == 400
    assert "Een plaats moet een getal zijn." in response.content.decode()
    assert [place for _entry, place in response.context["rows"]][:2] == [None, 1]
    assert Ballot.objects.count() == 0


def test_too_many_picks_are_refused(member):
    priority_round, entries = open_round(size=5)

    with pytest.raises(AgendaError):
        services.submit_ballot(priority_round, voter=member, entry_ids=[e.pk for e in entries])


def test_a_new_ballot_replaces_the_earlier_one(member):
    priority_round, entries = open_round()

    services.submit_ballot(priority_round, voter=member, entry_ids=[entries[0].pk])
    services.submit_ballot(priority_round, voter=member, entry_ids=[entries[1].pk, entries[2].pk])

    assert services.ballot_of(priority_round, member) == [entries[1].pk, entries[2].pk]
    assert Ballot.objects.count() == 1


def test_closed_round_accepts_no_votes(client_for, member):
    priority_round, entries = open_round()
    services.submit_ballot(priority_round, voter=person("coach"), entry_ids=[entries[0].pk])
    services.close_interim(priority_round, by=None)

    response = client_for(member).post(
        priority_round.get_absolute_url(), {f"rank-{entries[0].pk}": "1"}
    )

    assert response.status_code == 400
    assert response.context["error"] != ""
    assert 'role="alert"' in response.content.decode()
    assert Ballot.objects.filter(voter=member).count() == 0


def test_tally_weighs_coaches_and_researchers_equally():
    priority_round, entries = open_round(pick_limit=1, shortlist_size=2)
    a, b, c = entries[:3]
    for _ in range(5):  # five coaches pick A
        services.submit_ballot(priority_round, voter=person("coach"), entry_ids=[a.pk])
    services.submit_ballot(priority_round, voter=person("researcher"), entry_ids=[b.pk])
    services.submit_ballot(priority_round, voter=person("coach", "researcher"), entry_ids=[c.pk])

    result = services.tally(priority_round)

    # coaches: A 5/6, C 1/6; researchers: B 1/2, C 1/2 -> A 5/12, C 4/12, B 3/12
    assert [row["entry"] for row in result["rows"][:3]] == [a.pk, c.pk, b.pk]
    assert result["groups"] == {"coach": 6, "researcher": 2, "other": 0}
    assert result["shortlist"] == [a.pk, c.pk]
    assert result["rows"][0]["picks_by_group"] == {"coach": 5, "researcher": 0, "other": 0}


def test_closing_freezes_a_reproducible_snapshot(member):
    priority_round, entries = open_round()
    services.submit_ballot(priority_round, voter=person("coach"), entry_ids=[entries[1].pk])
    services.submit_ballot(priority_round, voter=person("researcher"), entry_ids=[entries[3].pk])

    frozen = services.close_interim(priority_round, by=None)
    again = services.tally(priority_round)
    role = Role.objects.get(code="coach")
    for ballot in Ballot.objects.all():  # roles change later: the stored roles count
        ballot.voter.profile.roles.set([role])

    assert priority_round.stage == RoundStage.SHORTLISTED
    assert PriorityRound.objects.get().interim_result == frozen
    assert {k: v for k, v in frozen.items() if k != "computed_at"} == again
    assert services.tally(priority_round) == again
    with pytest.raises(AgendaError):
        services.close_interim(priority_round, by=None)


def run_to_final(client_for, organiser, workshop=None):
    """A round taken to its final stage through the form; `workshop` is a meeting, or the text
    sent in its place."""
    priority_round, entries = open_round()
    for voter, picks in [
        (person("coach"), [entries[0], entries[1]]),
        (person("coach"), [entries[0], entries[2]]),
        (person("researcher"), [entries[2], entries[1]]),
    ]:
        services.submit_ballot(priority_round, voter=voter, entry_ids=[e.pk for e in picks])
    client = client_for(organiser)
    client.post(reverse("agenda:round-advance", kwargs={"pk": priority_round.pk}))
    priority_round.refresh_from_db()
    shortlist = priority_round.interim_result["shortlist"]
    response = client.post(
        reverse("agenda:round-final", kwargs={"pk": priority_round.pk}),
        {
            f"rank-{shortlist[2]}": "1",
            f"rank-{shortlist[0]}": "2",
            "reasoning": "Coaches en onderzoekers vonden de derde vraag het meest urgent.",
            "workshop": getattr(workshop, "pk", workshop) or "",
        },
    )
    priority_round.refresh_from_db()
    return priority_round, shortlist, response


def test_workshop_records_the_top_list_with_reasoning(client_for, organiser):
    workshop = MeetingFactory(title="Slotbijeenkomst")

    priority_round, shortlist, response = run_to_final(client_for, organiser, workshop)

    assert response.status_code == 302
    assert priority_round.stage == RoundStage.FINAL
    assert priority_round.workshop == workshop
    assert [row["entry"] for row in priority_round.final_result["top"]] == [
        shortlist[2],
        shortlist[0],
    ]
    assert priority_round.final_result["groups"] == {"coach": 2, "researcher": 1, "other": 0}
    top_questions = RoundQuestion.objects.filter(pk__in=shortlist[:1] + shortlist[2:3])
    assert {e.question.status for e in top_questions} == {QuestionStatus.PRIORITISED}


@pytest.mark.parametrize("draft", [False, True], ids=["not-a-meeting", "draft-meeting"])
def test_the_final_workshop_must_be_a_published_meeting(client_for, organiser, draft):
    organiser.language = "en"
    organiser.save(update_fields=["language"])
    workshop = MeetingFactory(status=MeetingStatus.DRAFT) if draft else "abc"

    priority_round, shortlist, response = run_to_final(client_for, organiser, workshop)

    html = response.content.decode()
    assert response.status_code == 400
    assert "Choose the final workshop from the list, or choose no meeting in the calendar." in html
    assert "Coaches en onderzoekers vonden" in html  # the reasoning is kept
    places = {entry.pk: place for entry, place in response.context["rows"]}
    assert (places[shortlist[2]], places[shortlist[0]]) == (1, 2)
    assert priority_round.stage == RoundStage.SHORTLISTED
    assert priority_round.workshop is None


def test_the_final_workshop_lists_published_meetings_only(client_for, organiser):
    MeetingFactory(title="Conceptbijeenkomst", status=MeetingStatus.DRAFT)
    MeetingFactory(title="Impactdag Utrecht")
    priority_round, entries = open_round()
    services.submit_ballot(priority_round, voter=person("coach"), entry_ids=[entries[0].pk])
    services.close_interim(priority_round, by=None)

    page = client_for(organiser).get(
        reverse("agenda:round-final", kwargs={"pk": priority_round.pk})
    )

    assert "Impactdag Utrecht" in page.content.decode()
    assert "Conceptbijeenkomst" not in page.content.decode()


@pytest.mark.parametrize(
    ("status", "shown"), [(MeetingStatus.PUBLISHED, True), (MeetingStatus.DRAFT, False)]
)
def test_the_final_workshop_is_named_only_while_its_meeting_is_published(
    client_for, organiser, member, status, shown
):
    workshop = MeetingFactory(title="Impactdag Utrecht")
    priority_round, _, _ = run_to_final(client_for, organiser, workshop)
    Meeting.objects.filter(pk=workshop.pk).update(status=status)  # made a draft again later

    pages = [
        client_for(None).get(reverse("agenda:public")),
        client_for(None).get(reverse("agenda:print")),
        client_for(member).get(priority_round.get_absolute_url()),
    ]

    assert [("Impactdag Utrecht" in page.content.decode()) for page in pages] == [shown] * 3
    priority_round.refresh_from_db()
    assert priority_round.workshop == workshop


def test_a_settled_round_names_no_length_the_top_list_may_not_have(client_for, organiser):
    priority_round, _, _ = run_to_final(client_for, organiser)  # a top list of two

    page = client_for(organiser).get(priority_round.get_absolute_url()).content.decode()

    assert priority_round.stage == RoundStage.FINAL
    assert "Top 10" not in page


def test_final_needs_reasoning_and_exact_count(organiser):
    priority_round, entries = open_round()
    services.submit_ballot(priority_round, voter=person("coach"), entry_ids=[entries[0].pk])
    services.close_interim(priority_round, by=None)
    shortlist = priority_round.interim_result["shortlist"]

    with pytest.raises(AgendaError):
        services.record_final(priority_round, by=organiser, entry_ids=shortlist[:2], reasoning="")
    with pytest.raises(AgendaError):
        services.record_final(
            priority_round, by=organiser, entry_ids=shortlist[:1], reasoning="x" * 30
        )
    outside = [e.pk for e in entries if e.pk not in shortlist]
    with pytest.raises(AgendaError):
        services.record_final(
            priority_round, by=organiser, entry_ids=[shortlist[0], outside[0]], reasoning="x" * 30
        )


def test_public_agenda_says_how_the_top_was_chosen(client_for, organiser):
    priority_round, shortlist, _ = run_to_final(client_for, organiser)
    first = RoundQuestion.objects.get(pk=shortlist[2]).question

    response = client_for(None).get(reverse("agenda:public"))

    rows = response.context["agenda"].rows
    assert next(row.question for row in rows) == first
    assert response.context["agenda"].groups == {"coach": 2, "researcher": 1, "other": 0}
    assert priority_round.title in response.content.decode()
    assert "Coaches en onderzoekers vonden" in response.content.decode()


def test_merged_top_question_shows_as_the_one_kept(client_for, organiser):
    _priority_round, shortlist, _ = run_to_final(client_for, organiser)
    first = RoundQuestion.objects.get(pk=shortlist[2]).question
    kept = QuestionFactory(title="De vraag die overblijft na samenvoegen?")
    merge_questions(first, into=kept, by=organiser)

    response = client_for(None).get(reverse("agenda:public"))

    assert response.context["agenda"].rows[0].question == kept


def test_agenda_csv_export(client_for, organiser):
    run_to_final(client_for, organiser)
    QuestionFactory(title="=HYPERLINK(1) als vraag?")

    response = client_for(None).get(reverse("agenda:export-csv"))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"].startswith("text/csv")
    assert len(rows) == 1 + 2
    assert [row[0] for row in rows[1:]] == ["1", "2"]


def test_csv_neutralises_formulas(client_for):
    QuestionFactory(title="=HYPERLINK(1) als vraag?")

    response = client_for(None).get(reverse("agenda:export-csv"))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][1] == "'=HYPERLINK(1) als vraag?"


def test_print_page_lists_the_top_questions(client_for):
    question = QuestionFactory(title="Welke competenties maken een coach effectief?")

    response = client_for(None).get(reverse("agenda:print"))

    assert question.title in response.content.decode()
    assert "agenda-print.css" in response.content.decode()


def test_public_page_query_count_does_not_grow(client, django_assert_num_queries):
    QuestionFactory()
    with django_assert_num_queries(3) as one:
        client.get(reverse("agenda:public"))
    QuestionFactory.create_batch(2)
    with django_assert_num_queries(3):
        response = client.get(reverse("agenda:public"))

    assert len(one.captured_queries) == 3
    assert len(response.context["agenda"].rows) == 3
