"""The table plan: computed in the background, its quality in words, moves by hand, cards."""

from collections import Counter
from io import BytesIO

import pytest
from django.utils import translation
from pypdf import PdfReader

from coachbridge.common.models import ActivityLog
from coachbridge.events.documents import cafe as cafe_documents
from coachbridge.events.enums import PlanStatus
from coachbridge.events.models import SeatingPlan
from coachbridge.events.services.cafe import (
    CafeError,
    move_person,
    plan_quality,
    setup_fingerprint,
)
from coachbridge.events.tasks.cafe import compute_seating_plan
from tests.events.test_cafe_setup import organiser_client, url  # noqa: F401 -- shared fixture
from tests.factories.cafe import make_cafe
from tests.factories.events import MeetingFactory
from tests.pdf import pdf_text

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def cafe_with_plan(organiser_client):  # noqa: F811 -- the fixture imported above
    """14 people (coach/researcher), 3 themes of two tables of 4, 3 rounds, a computed plan."""
    meeting = MeetingFactory()
    cafe, people = make_cafe(meeting, people=14, themes=3, tables_per_theme=2, seats=4, rounds=3)
    organiser_client.post(url("cafe-plan-compute", meeting))
    return cafe, people, SeatingPlan.objects.get()


def test_plan_is_computed_and_keeps_every_rule(cafe_with_plan):
    cafe, people, plan = cafe_with_plan

    hosts = dict(cafe.tables.values_list("label", "host"))
    theme_of = dict(cafe.tables.values_list("label", "theme"))
    seated = [
        (n, t, pk) for n, tables in plan.seats.items() for t, pks in tables.items() for pk in pks
    ]
    assert plan.status == PlanStatus.READY
    assert plan.progress == 100
    for number in ("1", "2", "3"):
        in_round = sorted(pk for n, _t, pk in seated if n == number)
        assert in_round == sorted(p.pk for p in people)
        assert {t: plan.seats[number][t][0] for t in hosts} == hosts
    visits = Counter((pk, theme_of[t]) for _n, t, pk in seated if pk not in hosts.values())
    assert max(visits.values()) == 1
    assert plan.metrics["repeat_pairs"] == 0
    assert plan.metrics["hard_violations"] == 0


def test_plan_page_tells_the_quality_in_plain_words(organiser_client, cafe_with_plan):  # noqa: F811
    cafe, _people, _plan = cafe_with_plan

    page = organiser_client.get(url("cafe-plan", cafe.meeting)).content.decode()

    assert "Nobody meets anyone twice." in page
    assert "Nobody visits a theme twice." in page
    assert "Every table has at least one coach and one researcher in every round." in page


def test_quality_names_people_alone_repeats_and_missing_roles():
    cafe, _people = make_cafe(MeetingFactory(), people=4, themes=2, seats=2, rounds=2)
    plan = SeatingPlan(
        cafe=cafe,
        status=PlanStatus.READY,
        metrics={
            "repeat_pairs": 2,
            "theme_revisits": 0,
            "missing_role_table_rounds": 3,
            "required_roles": ["coach", "researcher"],
            "table_rounds": 4,
            "mix": 0.5,
            "size_spread": 0,
            "alone_table_rounds": 1,
            "hard_violations": 0,
        },
    )

    with translation.override("en"):
        lines = plan_quality(plan)
    with translation.override("nl"):
        dutch = plan_quality(plan)

    assert "0,5 mensen" in dutch[4][1]  # a Dutch decimal comma
    assert lines == [
        (False, "1 time someone sits alone at a table."),
        (False, "2 times two people meet again."),
        (True, "Nobody visits a theme twice."),
        (False, "3 times a table misses a coach or researcher."),
        (True, "On average a table is 0.5 seats away from the best mix of backgrounds."),
        (True, "All tables are equally full."),
    ]


def test_progress_is_polled_while_computing_and_the_page_reloads_when_done(organiser_client):  # noqa: F811
    meeting = MeetingFactory()
    cafe, _people = make_cafe(meeting, people=10, tables_per_theme=2)
    plan = SeatingPlan.objects.create(cafe=cafe, progress=40)

    page = organiser_client.get(url("cafe-plan", meeting)).content.decode()
    polled = organiser_client.get(
        url("cafe-plan-progress", meeting), headers={"HX-Request": "true"}
    )
    compute_seating_plan.call(plan.pk)
    done = organiser_client.get(url("cafe-plan-progress", meeting), headers={"HX-Request": "true"})

    assert '<progress id="plan-progress-bar" max="100" value="40">' in page
    assert 'hx-trigger="every 1s"' in polled.content.decode()
    assert 'value="40"' in polled.content.decode()
    assert done["HX-Refresh"] == "true"
    plan.refresh_from_db()
    assert plan.status == PlanStatus.READY


def test_task_for_a_plan_that_is_gone_does_nothing(db):
    compute_seating_plan.call(999_999)

    assert not SeatingPlan.objects.exists()


def hand_plan(cafe, seats):
    return SeatingPlan.objects.create(
        cafe=cafe,
        status=PlanStatus.READY,
        seats=seats,
        metrics={"setup": setup_fingerprint(cafe)},
    )


@pytest.fixture
def small_plan():
    """6 people at T1 (theme 1) and T2 (theme 2), hosts p0 and p1, two rounds by hand."""
    meeting = MeetingFactory()
    cafe, p = make_cafe(meeting, people=6, themes=2, seats=4, rounds=2)
    ids = [r.pk for r in p]
    seats = {
        "1": {"T1": [ids[0], ids[2], ids[3]], "T2": [ids[1], ids[4], ids[5]]},
        "2": {"T1": [ids[0], ids[4], ids[5]], "T2": [ids[1], ids[2], ids[3]]},
    }
    return cafe, ids, hand_plan(cafe, seats)


def test_moving_a_person_updates_the_figures_at_once(organiser_client, small_plan):  # noqa: F811
    cafe, ids, plan = small_plan

    response = organiser_client.post(
        url("cafe-plan-move", cafe.meeting),
        {"round_number": "2", "person": ids[2], "target": "table:T1"},
        headers={"HX-Request": "true"},
    )

    plan.refresh_from_db()
    html = response.content.decode()
    assert plan.seats["2"] == {"T1": [ids[0], ids[4], ids[5], ids[2]], "T2": [ids[1], ids[3]]}
    # ids[4] and ids[5] met twice already; now ids[0] and ids[2] meet again too.
    assert plan.metrics["repeat_pairs"] == 2
    assert plan.metrics["theme_revisits"] == 1
    assert 'id="round-2"' in html
    assert 'id="plan-quality" hx-swap-oob="innerHTML"' in html
    assert "2 times two people meet again." in html
    assert ActivityLog.objects.filter(action="cafe.plan_moved").count() == 1


def test_swapping_two_people_keeps_table_sizes(organiser_client, small_plan):  # noqa: F811
    cafe, ids, plan = small_plan

    organiser_client.post(
        url("cafe-plan-move", cafe.meeting),
        {"round_number": "2", "person": ids[4], "target": f"person:{ids[3]}"},
    )

    plan.refresh_from_db()
    assert plan.seats["2"] == {"T1": [ids[0], ids[3], ids[5]], "T2": [ids[1], ids[2], ids[4]]}


def test_a_move_in_a_round_that_is_not_a_number_changes_nothing(organiser_client, small_plan):  # noqa: F811
    cafe, ids, plan = small_plan
    before = dict(plan.seats)

    response = organiser_client.post(
        url("cafe-plan-move", cafe.meeting),
        {"round_number": "x", "person": ids[2], "target": "table:T1"},
        headers={"HX-Request": "true"},
    )

    plan.refresh_from_db()
    assert response.status_code == 200
    assert plan.seats == before
    assert not ActivityLog.objects.filter(action="cafe.plan_moved").exists()


def test_a_move_before_there_is_a_plan_changes_nothing(organiser_client):  # noqa: F811
    meeting = MeetingFactory()
    make_cafe(meeting)

    response = organiser_client.post(
        url("cafe-plan-move", meeting), {"round_number": "x"}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    assert not SeatingPlan.objects.exists()


@pytest.mark.parametrize(
    "case",
    [
        ({}, 0, "table:T2", "A host stays at their own table."),
        ({}, 4, "person:1", "A host stays at their own table."),
        (
            {"current_round": 2},
            4,
            "table:T2",
            "This round has begun. Its seats cannot change any more.",
        ),
        (
            {"full": True},
            4,
            "table:T2",
            "Table T2 is full. Swap with someone at that table instead.",
        ),
    ],
)
def test_moves_that_break_a_rule_are_refused(small_plan, organiser, case):
    change, person, target, message = case
    cafe, ids, plan = small_plan
    if change.get("current_round"):
        cafe.current_round = change["current_round"]
        cafe.save()
    if change.get("full"):
        cafe.tables.filter(label="T2").update(capacity=3)
        plan.metrics["setup"] = setup_fingerprint(cafe)
    kind, _sep, value = target.partition(":")
    target = f"person:{ids[int(value)]}" if kind == "person" else target
    before = dict(plan.seats)

    with translation.override("en"), pytest.raises(CafeError) as error:
        move_person(plan, round_number=2, person=ids[person], target=target, by=organiser)

    assert str(error.value) == message
    plan.refresh_from_db()
    assert plan.seats == before


def test_table_cards_show_table_theme_question_and_host(organiser_client, cafe_with_plan):  # noqa: F811
    cafe, people, _plan = cafe_with_plan

    response = organiser_client.get(url("cafe-table-cards", cafe.meeting))

    text = pdf_text(response)
    assert response["Content-Type"] == "application/pdf"
    assert [line.strip() for line in text.splitlines() if line.strip().startswith("Table T")] == [
        "Table T1",
        "Table T2",
        "Table T3",
        "Table T4",
        "Table T5",
        "Table T6",
    ]
    assert text.count("Vraag 2?") == 2
    assert f"Host: {people[0].name}" in text


@pytest.mark.parametrize("question_length", [300, 1200])
def test_a_table_card_stays_on_one_page_with_the_longest_theme_and_question(
    organiser_client,  # noqa: F811
    cafe_with_plan,
    question_length,
):
    cafe, _people, _plan = cafe_with_plan
    words = "Wat helpt jou om in je eigen praktijk onderzoek te doen naar coaching? "
    cafe.themes.update(
        title=("Brug tussen wetenschap en praktijk " * 5)[:150],
        question=(words * 20)[:question_length],
    )

    response = organiser_client.get(url("cafe-table-cards", cafe.meeting))

    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert len(PdfReader(BytesIO(content)).pages) == cafe.tables.count()


def test_route_cards_list_table_and_theme_per_round(organiser_client, cafe_with_plan):  # noqa: F811
    cafe, people, plan = cafe_with_plan
    person = people[5]

    text = pdf_text(organiser_client.get(url("cafe-route-cards", cafe.meeting)))

    card = text[text.index(person.name) :]
    for number in ("1", "2", "3"):
        table = next(t for t, pks in plan.seats[number].items() if person.pk in pks)
        theme = cafe.tables.get(label=table).theme.title
        assert any(
            line.split()[:3] == [number, table, *theme.split()[:1]] for line in card.splitlines()
        ), (number, table, theme)
    assert text.count("Show this code at the entrance") == 14


def test_route_card_codes_open_only_the_check_in(organiser_client, cafe_with_plan, monkeypatch):  # noqa: F811
    """The QR code holds the card's own code, never the personal link's token."""
    cafe, people, _plan = cafe_with_plan
    encoded = []
    real_qr = cafe_documents.qr_data_uri
    monkeypatch.setattr(
        cafe_documents, "qr_data_uri", lambda data: encoded.append(data) or real_qr(data)
    )

    pdf_text(organiser_client.get(url("cafe-route-cards", cafe.meeting)))

    assert sorted(encoded) == sorted(
        cafe_documents.check_in_url(cafe, person.card_token) for person in people
    )
    assert not any(person.token in data for data in encoded for person in people)
