"""Setting up a World Café: the café itself, tables, rounds, rules; impossible plans refused."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from coachbridge.common.models import ActivityLog
from coachbridge.events.models import Cafe, SeatingPlan
from coachbridge.events.services.cafe import CafeError, request_plan
from tests.factories.cafe import make_cafe
from tests.factories.events import MeetingFactory, RegistrationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def organiser_client(client_for, organiser):
    """An organiser who reads the site in English (the source language of the texts)."""
    organiser.language = "en"
    organiser.save(update_fields=["language"])
    client = client_for(organiser)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def url(name, meeting, **kwargs):
    return reverse(f"events:{name}", kwargs={"pk": meeting.pk, **kwargs})


def test_organiser_sets_up_a_cafe_with_three_rounds_to_start(organiser_client, organiser):
    meeting = MeetingFactory()

    organiser_client.post(url("cafe-setup", meeting))
    organiser_client.post(url("cafe-setup", meeting))

    cafe = Cafe.objects.get(meeting=meeting)
    assert list(cafe.rounds.values_list("number", "minutes")) == [(1, 20), (2, 20), (3, 20)]
    assert list(
        ActivityLog.objects.filter(action="cafe.created").values_list("actor", flat=True)
    ) == [organiser.pk]


def test_setup_page_before_a_cafe_offers_to_set_one_up(organiser_client):
    meeting = MeetingFactory()

    response = organiser_client.get(url("cafe-setup", meeting))

    assert "Set up a World Café" in response.content.decode()
    assert not Cafe.objects.exists()


def formset_data(prefix, rows, initial=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


def test_themes_and_tables_are_saved_with_their_hosts(organiser_client):
    meeting = MeetingFactory()
    host = RegistrationFactory(meeting=meeting, name="Hanna Host")
    organiser_client.post(url("cafe-setup", meeting))
    cafe = meeting.cafe

    organiser_client.post(
        url("cafe-themes", meeting),
        formset_data("themes", [{"title": "Bruggen bouwen", "question": "Wat heb je nodig?"}]),
    )
    theme = cafe.themes.get()
    response = organiser_client.post(
        url("cafe-tables", meeting),
        formset_data(
            "tables", [{"label": "T1", "theme": theme.pk, "capacity": "5", "host": host.pk}]
        ),
    )

    assert response.status_code == 302
    assert (theme.title, theme.question) == ("Bruggen bouwen", "Wat heb je nodig?")
    assert list(cafe.tables.values_list("label", "theme", "capacity", "host")) == [
        ("T1", theme.pk, 5, host.pk)
    ]


def test_a_guiding_question_too_long_for_the_table_card_is_refused_and_kept(organiser_client):
    cafe, _ = make_cafe(MeetingFactory(), themes=["Bruggen bouwen"])
    theme = cafe.themes.get()
    long_question = " ".join(["Wat heb je nodig?"] * 20)  # 359 characters

    response = organiser_client.post(
        url("cafe-themes", cafe.meeting),
        formset_data("themes", [{"id": theme.pk, "title": "Bruggen", "question": long_question}]),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "at most 300 characters (it has 359)" in page
    assert long_question in page
    theme.refresh_from_db()
    assert (theme.title, theme.question) == ("Bruggen bouwen", "Vraag 1?")  # nothing lost


def test_a_host_on_two_tables_is_refused_with_both_tables_named(organiser_client):
    meeting = MeetingFactory()
    host = RegistrationFactory(meeting=meeting, name="Hanna Host")
    organiser_client.post(url("cafe-setup", meeting))

    response = organiser_client.post(
        url("cafe-tables", meeting),
        formset_data(
            "tables",
            [
                {"label": "T1", "capacity": "5", "host": host.pk},
                {"label": "T2", "capacity": "5", "host": host.pk},
            ],
        ),
    )

    assert "Hanna Host is the host of two tables: T1 and T2." in response.content.decode()
    assert not meeting.cafe.tables.exists()


def test_rounds_are_numbered_again_after_one_is_removed(organiser_client):
    meeting = MeetingFactory()
    organiser_client.post(url("cafe-setup", meeting))
    rounds = list(meeting.cafe.rounds.order_by("number"))

    organiser_client.post(
        url("cafe-rounds", meeting),
        formset_data(
            "rounds",
            [
                {"id": rounds[0].pk, "minutes": "20", "DELETE": "on"},
                {"id": rounds[1].pk, "minutes": "15"},
                {"id": rounds[2].pk, "minutes": "20"},
                {"minutes": "10"},
            ],
            initial=3,
        ),
    )

    assert list(meeting.cafe.rounds.values_list("number", "minutes")) == [
        (1, 15),
        (2, 20),
        (3, 10),
    ]


def test_groups_kept_apart_and_together_are_added_and_removed(organiser_client):
    meeting = MeetingFactory()
    cafe, people = make_cafe(meeting, people=8)
    a, b, c = people[2:5]

    organiser_client.post(
        url("cafe-rules", meeting), {"action": "group", "kind": "apart", "members": [a.pk, b.pk]}
    )
    organiser_client.post(
        url("cafe-rules", meeting),
        {"action": "group", "kind": "together", "members": [b.pk, c.pk]},
    )
    cafe.refresh_from_db()
    groups = (cafe.keep_apart, cafe.keep_together)
    organiser_client.post(
        url("cafe-rules", meeting), {"action": "remove", "kind": "apart", "index": "0"}
    )
    cafe.refresh_from_db()

    assert groups == ([sorted([a.pk, b.pk])], [sorted([b.pk, c.pk])])
    assert (cafe.keep_apart, cafe.keep_together) == ([], [sorted([b.pk, c.pk])])


def test_rules_are_saved(organiser_client):
    meeting = MeetingFactory()
    cafe, _people = make_cafe(meeting, people=8)

    organiser_client.post(url("cafe-rules", meeting), {"action": "rules", "mix_roles": "on"})

    cafe.refresh_from_db()
    assert (cafe.visit_each_theme_once, cafe.mix_roles) == (False, True)


# --- Impossible plans are refused before any computing, naming the conflict -------------------


def refusal(cafe, organiser):
    with translation.override("en"), pytest.raises(CafeError) as error:
        request_plan(cafe, by=organiser)
    assert not SeatingPlan.objects.exists()
    return str(error.value)


def test_more_people_than_seats_is_refused_with_the_numbers(organiser):
    cafe, _people = make_cafe(MeetingFactory(), people=9, themes=2, seats=4)

    assert refusal(cafe, organiser) == (
        "There are more people than seats: 9 people and 8 seats. Add a table or more seats."
    )


def test_more_rounds_than_themes_is_refused_when_each_theme_is_visited_once(organiser):
    cafe, _people = make_cafe(MeetingFactory(), people=6, themes=2, seats=4, rounds=3)

    assert refusal(cafe, organiser) == (
        "Everyone visits each theme at most once, but there are 3 rounds and only 2 themes. "
        "Add a theme, remove a round, or switch this rule off."
    )


def test_people_kept_together_and_apart_are_named(organiser):
    meeting = MeetingFactory()
    cafe, people = make_cafe(meeting, people=6, themes=2, seats=4)
    ann, bob = people[2], people[3]
    ann.name, bob.name = "Ann Apart", "Bob Bij"
    ann.save()
    bob.save()
    cafe.keep_apart = [[ann.pk, bob.pk]]
    cafe.keep_together = [[ann.pk, bob.pk]]
    cafe.save()

    assert refusal(cafe, organiser) == (
        "Ann Apart and Bob Bij must sit together and also apart. Remove one of these two rules."
    )


def test_a_host_who_cancelled_is_named_by_table(organiser):
    cafe, people = make_cafe(MeetingFactory(), people=6, themes=2, seats=4)
    people[0].status = "cancelled"
    people[0].save()

    assert refusal(cafe, organiser) == (
        "The host of table T1 no longer takes part. Choose another host."
    )


def test_too_few_seats_at_a_theme_name_the_theme(organiser):
    cafe, _people = make_cafe(MeetingFactory(), people=7, themes=2, seats=4, rounds=2)
    cafe.tables.filter(label="T1").update(capacity=6)
    cafe.tables.filter(label="T2").update(capacity=2)

    assert refusal(cafe, organiser) == (
        "The theme “Thema 2” has 2 seats for visitors over all rounds, but 5 people must "
        "visit it. Add a table or seats for this theme."
    )


def test_compute_view_shows_the_refusal_and_makes_no_plan(organiser_client):
    meeting = MeetingFactory()
    make_cafe(meeting, people=9, themes=2, seats=4)

    response = organiser_client.post(url("cafe-plan-compute", meeting), follow=True)

    assert "There are more people than seats: 9 people and 8 seats." in response.content.decode()
    assert not SeatingPlan.objects.exists()


def test_rounds_are_named_by_their_number(organiser_client):
    meeting = MeetingFactory(title="Impact Meeting")
    organiser_client.post(url("cafe-setup", meeting))

    page = organiser_client.get(url("cafe-rounds", meeting)).content.decode()

    assert "<legend>Round 2</legend>" in page
    assert "Impact Meeting #" not in page


@pytest.mark.parametrize(
    ("minutes", "message"),
    [("0", "A round lasts at least 1 minute."), ("30000", "A round lasts at most 240 minutes.")],
)
def test_a_round_lasts_from_one_to_240_minutes(organiser_client, minutes, message):
    meeting = MeetingFactory()
    organiser_client.post(url("cafe-setup", meeting))
    first = meeting.cafe.rounds.get(number=1)

    response = organiser_client.post(
        url("cafe-rounds", meeting),
        formset_data("rounds", [{"id": first.pk, "minutes": minutes}], initial=1),
    )

    html = response.content.decode()
    assert message in html
    assert 'min="1" max="240"' in html
    first.refresh_from_db()
    assert first.minutes == 20


def test_a_table_needs_at_least_one_seat(organiser_client):
    meeting = MeetingFactory()
    organiser_client.post(url("cafe-setup", meeting))

    response = organiser_client.post(
        url("cafe-tables", meeting), formset_data("tables", [{"label": "T1", "capacity": "0"}])
    )

    assert "A table has at least 1 seat." in response.content.decode()
    assert not meeting.cafe.tables.exists()


def test_the_empty_new_theme_marks_no_field_as_required(organiser_client):
    cafe, _ = make_cafe(MeetingFactory(), themes=["Bruggen bouwen"])

    page = organiser_client.get(url("cafe-themes", cafe.meeting)).content.decode()

    star = ' <span class="required-mark" aria-hidden="true">*</span>'
    assert f'<label for="id_themes-0-title">Theme{star}</label>' in page
    assert '<label for="id_themes-1-title">Theme</label>' in page


def test_the_new_theme_may_stay_empty_but_needs_a_title_once_filled_in(organiser_client):
    cafe, _ = make_cafe(MeetingFactory(), themes=["Bruggen bouwen"])
    theme = cafe.themes.get()
    existing = {"id": theme.pk, "title": "Bruggen", "question": ""}

    half_filled = organiser_client.post(
        url("cafe-themes", cafe.meeting),
        formset_data("themes", [existing, {"title": "", "question": "Wat nu?"}], initial=1),
    )
    left_empty = organiser_client.post(
        url("cafe-themes", cafe.meeting),
        formset_data("themes", [existing, {"title": "", "question": ""}], initial=1),
    )

    assert "This field is required." in half_filled.content.decode()
    assert left_empty.status_code == 302
    assert list(cafe.themes.values_list("title", flat=True)) == ["Bruggen"]


def table_rows(tables, labels):
    return [
        {"id": t.pk, "label": label, "theme": t.theme_id, "capacity": t.capacity, "host": ""}
        for t, label in zip(tables, labels, strict=True)
    ]


def test_tables_can_swap_their_labels_in_one_save(organiser_client):
    cafe, _ = make_cafe(MeetingFactory(), themes=3)
    t1, t2, t3 = cafe.tables.order_by("label")

    response = organiser_client.post(
        url("cafe-tables", cafe.meeting),
        formset_data("tables", table_rows([t1, t2, t3], ["T2", "T3", "T1"]), initial=3),
    )

    assert response.status_code == 302
    labels = dict(cafe.tables.values_list("pk", "label"))
    assert labels == {t1.pk: "T2", t2.pk: "T3", t3.pk: "T1"}


@pytest.mark.parametrize("initial", [3, 0])
def test_a_tampered_table_id_is_refused_and_nothing_is_saved(organiser_client, initial):
    cafe, _ = make_cafe(MeetingFactory(), themes=3)
    t1, t2, t3 = cafe.tables.order_by("label")
    data = formset_data("tables", table_rows([t3, t1, t2], ["Oogst", "T1", "T2"]), initial=initial)

    response = organiser_client.post(
        url("cafe-tables", cafe.meeting), {**data, "tables-2-id": ["999999999", str(t1.pk)]}
    )

    assert response.status_code == 200
    assert sorted(cafe.tables.values_list("label", flat=True)) == ["T1", "T2", "T3"]
