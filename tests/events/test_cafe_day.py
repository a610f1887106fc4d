"""The day of a World Café: check-in, rounds, re-planning, the wall display, personal routes."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coachbridge.common.models import ActivityLog
from coachbridge.events.demo_cafe import create_demo_cafe
from coachbridge.events.enums import PlanStatus
from coachbridge.events.models import SeatingPlan
from coachbridge.events.services.cafe import minutes_left
from tests.events.test_cafe_setup import organiser_client, url  # noqa: F401 -- shared fixture
from tests.events.test_harvest import english
from tests.factories.cafe import make_cafe
from tests.factories.events import MeetingFactory, RegistrationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def planned(organiser_client):  # noqa: F811 -- the fixture imported above
    """14 people, 3 themes of two tables of 4, 3 rounds, a computed plan."""
    meeting = MeetingFactory()
    cafe, people = make_cafe(meeting, people=14, themes=3, tables_per_theme=2, seats=4, rounds=3)
    organiser_client.post(url("cafe-plan-compute", meeting))
    return cafe, people


def test_check_in_with_one_tap_returns_the_row_and_the_new_count(organiser_client, planned):  # noqa: F811
    cafe, people = planned

    response = organiser_client.post(
        url("cafe-checkin", cafe.meeting),
        {"registration": people[3].pk, "checked_in": "1"},
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    people[3].refresh_from_db()
    assert people[3].checked_in_at is not None
    assert html.strip().startswith(f'<tr id="checkin-{people[3].pk}" class="is-checked-in">')
    assert "1 of 14 people are checked in." in html
    assert list(
        ActivityLog.objects.filter(action="cafe.checked_in").values_list("object_id", flat=True)
    ) == [str(people[3].pk)]


def test_check_in_can_be_undone_without_htmx(organiser_client, planned):  # noqa: F811
    cafe, people = planned
    people[3].checked_in_at = timezone.now()
    people[3].save()

    response = organiser_client.post(
        url("cafe-checkin", cafe.meeting), {"registration": people[3].pk, "checked_in": "0"}
    )

    people[3].refresh_from_db()
    assert response["Location"] == url("cafe-checkin", cafe.meeting)
    assert people[3].checked_in_at is None


def test_check_in_list_finds_a_name(organiser_client):  # noqa: F811
    meeting = MeetingFactory()
    make_cafe(meeting, people=8)
    RegistrationFactory(meeting=meeting, name="Zoë Zoeker")

    response = organiser_client.get(
        url("cafe-checkin", meeting) + "?q=zoë", headers={"HX-Request": "true"}
    )

    assert response.content.decode().count("<tr") == 1
    assert "Zoë Zoeker" in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_check_in_list_takes_the_same_number_of_queries(organiser_client, count):  # noqa: F811
    meeting = MeetingFactory()
    make_cafe(meeting, people=0, themes=0)
    for _ in range(count):
        RegistrationFactory(meeting=meeting)

    with CaptureQueriesContext(connection) as queries:
        response = organiser_client.get(url("cafe-checkin", meeting))

    assert response.content.decode().count('name="registration"') == count
    assert len(queries) == 7


def test_qr_on_the_route_card_lets_an_organiser_check_someone_in(organiser_client, planned):  # noqa: F811
    cafe, people = planned
    scan = url("cafe-checkin-scan", cafe.meeting, token=people[2].card_token)

    page = organiser_client.get(scan).content.decode()
    organiser_client.post(
        url("cafe-checkin", cafe.meeting),
        {"registration": people[2].pk, "checked_in": "1", "next": scan},
    )

    assert people[2].name in page
    assert 'name="checked_in" value="1"' in page
    assert "Checked in at" in organiser_client.get(scan).content.decode()


def test_qr_on_the_route_card_shows_anyone_else_nothing_of_the_person(member, planned):
    cafe, people = planned
    person = people[2]
    person.organisation = "Geheime Praktijk"
    person.save()
    scan = url("cafe-checkin-scan", cafe.meeting, token=person.card_token)

    for reader in (english(), english(member)):
        response = reader.get(scan)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Show this code at the entrance to check in." in html
        for personal in (person.name, person.email, "Geheime Praktijk", "/my/registration/"):
            assert personal not in html
        assert "<form" not in html.split("<main", 1)[1]
    person.refresh_from_db()
    assert person.checked_in_at is None


def test_route_card_code_and_personal_link_do_not_open_each_other(client, planned):
    """Someone who finds a card cannot cancel the registration or write insights with it."""
    cafe, people = planned
    person = people[2]

    for name, kwargs in (
        ("guest-registration", {"token": person.card_token}),
        ("registration-harvest", {"token": person.card_token}),
        ("cafe-route", {"pk": cafe.meeting.pk, "token": person.card_token}),
        ("cafe-checkin-scan", {"pk": cafe.meeting.pk, "token": person.token}),
    ):
        found = client.get(reverse(f"events:{name}", kwargs=kwargs))
        assert found.status_code == 404, name
    client.post(
        reverse("events:guest-registration", kwargs={"token": person.card_token}),
        {"action": "cancel"},
    )
    person.refresh_from_db()
    assert person.status == "registered"


def test_token_of_another_meeting_is_not_found(client, planned):
    cafe, _people = planned
    stranger = RegistrationFactory()

    for name, token in (("cafe-checkin-scan", stranger.card_token), ("cafe-route", stranger.token)):
        response = client.get(url(name, cafe.meeting, token=token))
        assert response.status_code == 404
    assert client.get(url("cafe-wall-public", cafe.meeting, token="nope")).status_code == 404


def test_rounds_start_one_after_another_and_then_the_cafe_ends(organiser_client, planned):  # noqa: F811
    cafe, _people = planned

    states = []
    for _ in range(5):
        organiser_client.post(url("cafe-round-next", cafe.meeting))
        cafe.refresh_from_db()
        states.append((cafe.current_round, cafe.round_started_at is not None))

    assert states == [(1, True), (2, True), (3, True), (4, False), (4, False)]


def test_minutes_left_count_down_from_the_round_length(planned):
    cafe, _people = planned
    cafe.current_round = 2
    cafe.round_started_at = timezone.now() - dt.timedelta(minutes=5, seconds=30)
    cafe.save()

    assert minutes_left(cafe) == 15


def seat_of(plan, number, pk):
    return next(t for t, pks in plan.seats[str(number)].items() if pk in pks)


def test_replan_after_round_one_keeps_it_and_handles_no_shows_and_latecomers(
    organiser_client,  # noqa: F811
    planned,
):
    cafe, people = planned
    first = SeatingPlan.objects.get()
    hosts = set(cafe.tables.values_list("host", flat=True))
    no_show = next(p for p in people if p.pk not in hosts)
    late = RegistrationFactory(meeting=cafe.meeting, role="researcher")
    for person in [*people, late]:
        if person != no_show:
            person.checked_in_at = timezone.now()
            person.save()
    organiser_client.post(url("cafe-round-next", cafe.meeting))

    response = organiser_client.post(url("cafe-replan", cafe.meeting))

    plan = SeatingPlan.objects.order_by("-pk").first()
    assert response["Location"] == url("cafe-plan", cafe.meeting)
    assert (plan.status, plan.fixed_until_round) == (PlanStatus.READY, 1)
    assert plan.seats["1"] == first.seats["1"]
    for number in (2, 3):
        seated = sorted(pk for pks in plan.seats[str(number)].values() for pk in pks)
        assert seated == sorted(p.pk for p in [*people, late] if p != no_show)
    assert plan.metrics["hard_violations"] == 0
    assert plan.metrics["moved"] is not None


def test_replan_is_refused_when_nobody_is_checked_in(organiser_client, planned):  # noqa: F811
    cafe, _people = planned

    response = organiser_client.post(url("cafe-replan", cafe.meeting), follow=True)

    assert SeatingPlan.objects.count() == 1
    assert "Nobody is checked in yet." in response.content.decode()


def test_wall_by_token_shows_first_names_and_tables_only(client, planned):
    cafe, people = planned
    people[4].name, people[4].organisation = "Anna de Vries", "Geheime Praktijk"
    people[5].name = "Anna Bakker"
    people[6].name = "Bram Zwart"
    for person in people[4:7]:
        person.save()
    cafe.current_round = 1
    cafe.round_started_at = timezone.now()
    cafe.save()
    plan = SeatingPlan.objects.get()

    html = client.get(url("cafe-wall-public", cafe.meeting, token=cafe.wall_token)).content.decode()

    table = seat_of(plan, 2, people[6].pk)
    assert f'<span class="wall-name">Bram</span> <span class="wall-table">{table}</span>' in html
    assert '<span class="wall-name">Anna V.</span>' in html
    assert '<span class="wall-name">Anna B.</span>' in html
    for secret in ("Zwart", "Bakker", "de Vries", "Geheime Praktijk", people[4].email, "coach"):
        assert secret not in html
    assert "Ronde 1 van 3" in html
    assert "nog 20 minuten" in html


def test_wall_refreshes_itself_with_a_partial(client, planned):
    cafe, _people = planned
    wall = url("cafe-wall-public", cafe.meeting, token=cafe.wall_token)

    page = client.get(wall).content.decode()
    partial = client.get(wall, headers={"HX-Request": "true"}).content.decode()

    assert f'hx-get="{wall}" hx-trigger="every 5s" hx-swap="outerHTML"' in page
    assert partial.lstrip().startswith('<main id="wall-board"')
    assert "<html" not in partial


def test_personal_route_lists_table_and_theme_per_round(client, planned):
    cafe, people = planned
    person = people[8]
    plan = SeatingPlan.objects.get()

    html = client.get(url("cafe-route", cafe.meeting, token=person.token)).content.decode()

    for number in (1, 2, 3):
        table = cafe.tables.get(label=seat_of(plan, number, person.pk))
        assert f"tafel {table.label}, {table.theme.title}" in " ".join(html.split())


def test_personal_page_loads_the_route(client, planned):
    cafe, people = planned

    html = client.get(
        reverse("events:guest-registration", kwargs={"token": people[8].token})
    ).content.decode()

    route = url("cafe-route", cafe.meeting, token=people[8].token)
    assert f'hx-get="{route}" hx-trigger="load"' in html


def test_meeting_page_links_the_cafe_for_organisers_only(client_for, organiser, member, planned):
    cafe, _people = planned
    setup = url("cafe-setup", cafe.meeting)

    as_organiser = client_for(organiser).get(cafe.meeting.get_absolute_url()).content.decode()
    as_member = client_for(member).get(cafe.meeting.get_absolute_url()).content.decode()

    assert setup in as_organiser
    assert setup not in as_member
    assert "Thema 1" in as_member


def test_demo_cafe_has_three_themes_hosted_tables_a_plan_and_everyone_checked_in(organiser):
    meeting = MeetingFactory(organiser=organiser)
    for index in range(20):
        RegistrationFactory(
            meeting=meeting, role=["coach", "researcher", "psychologist"][index % 3]
        )

    create_demo_cafe(meeting)

    cafe = meeting.cafe
    plan = cafe.plans.get()
    assert [t.title for t in cafe.themes.all()] == [
        "Onderzoeksvragen voor de toekomst",
        "Bruggen bouwen tussen wetenschap en praktijk",
        "Coaching in breder maatschappelijk belang",
    ]
    assert cafe.tables.filter(host__isnull=False).count() == 6
    assert cafe.rounds.count() == 3
    assert (plan.status, plan.metrics["repeat_pairs"], plan.metrics["hard_violations"]) == (
        PlanStatus.READY,
        0,
        0,
    )
    assert not meeting.registrations.filter(checked_in_at__isnull=True).exists()


def test_a_fresh_plan_is_refused_once_a_round_has_begun(organiser_client, planned):  # noqa: F811
    cafe, _people = planned
    organiser_client.post(url("cafe-round-next", cafe.meeting))
    plan = SeatingPlan.objects.get()
    message = (
        "The World Café has begun, so a new plan would move people in the round that is "
        "running. To seat latecomers and no-shows, re-plan the rounds to come on the page of "
        "the day."
    )

    setup = organiser_client.get(url("cafe-setup", cafe.meeting)).content.decode()
    response = organiser_client.post(url("cafe-plan-compute", cafe.meeting), follow=True)

    assert f'action="{url("cafe-plan-compute", cafe.meeting)}"' not in setup
    assert message in setup
    assert message in response.content.decode()
    assert list(SeatingPlan.objects.all()) == [plan]


def test_odd_check_in_input_is_not_found_or_ignored(organiser_client, planned):  # noqa: F811
    cafe, people = planned
    checkin = url("cafe-checkin", cafe.meeting)

    for value in ("abc", "\u00b2", "99999999999999999999"):
        response = organiser_client.post(checkin, {"registration": value, "checked_in": "1"})
        assert response.status_code == 404, value
    assert not cafe.meeting.registrations.filter(checked_in_at__isnull=False).exists()
    searched = organiser_client.get(checkin, {"q": f"{people[0].name}\x00"})
    assert searched.status_code == 200
    assert people[0].name in searched.content.decode()


def test_a_token_with_characters_we_never_use_is_not_found(client, planned):
    cafe, people = planned

    for token in (people[0].token + "%00", "x.y", "%C2%B2"):
        path = f"/meetings/{cafe.meeting.pk}/cafe/route/{token}/"
        assert client.get(path).status_code == 404, token
