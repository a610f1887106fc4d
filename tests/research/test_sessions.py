"""Questions after each session: the process of coaching, between start and end."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coachbridge.research import services
from coachbridge.research.enums import Moment
from coachbridge.research.export import write_study_csv
from coachbridge.research.instruments import COACHEE_END, COACHEE_SESSION
from coachbridge.research.models import Response
from coachbridge.research.results import coachee_rows, session_trend
from tests.research.conftest import all_coachees, answers_for

pytestmark = pytest.mark.django_db


def check_in(coachee, value, comment=""):
    return services.save_check_in(
        coachee, answers=answers_for(COACHEE_SESSION, value), comment=comment
    )


def test_check_ins_open_after_the_start_and_close_at_the_end(coachee, coach, answer_start):
    assert not services.can_check_in(coachee)
    with pytest.raises(ValidationError):
        check_in(coachee, 3)

    answer_start(coachee)
    assert services.can_check_in(coachee)
    services.open_end(coachee, by=coach)
    assert services.can_check_in(coachee)  # the end is open, not yet answered
    services.save_response(
        coachee, moment=Moment.END, answers=answers_for(COACHEE_END, 4), comment=""
    )

    assert not services.can_check_in(coachee)


def test_check_ins_are_numbered_per_coachee(study, coach, coachee, answer_start):
    answer_start(coachee)
    other = services.add_coachee(study, email="", language="nl", by=coach)
    services.give_consent(other)
    answer_start(other)

    numbers = [
        check_in(coachee, 3).session,
        check_in(other, 3).session,
        check_in(coachee, 4).session,
    ]

    assert numbers == [1, 1, 2]


def test_the_trend_averages_each_session_number(study, coach, coachee, answer_start):
    answer_start(coachee)
    other = services.add_coachee(study, email="", language="nl", by=coach)
    services.give_consent(other)
    answer_start(other)
    check_in(coachee, 2)
    check_in(other, 4)
    check_in(coachee, 5)

    trend = [(point.number, point.n, point.mean) for point in session_trend(all_coachees(study))]

    assert trend == [(1, 2, 3.0), (2, 1, 5.0)]
    assert {row.coachee.code: row.sessions for row in coachee_rows(all_coachees(study))} == {
        coachee.code: 2,
        other.code: 1,
    }


def test_a_withdrawn_coachee_takes_their_check_ins_along(coachee, answer_start):
    answer_start(coachee)
    check_in(coachee, 4)

    services.withdraw(coachee)

    assert not Response.objects.exists()
    assert not services.can_check_in(coachee)


def test_check_ins_are_exported_with_their_number(study, coachee, answer_start):
    answer_start(coachee, value=2)
    check_in(coachee, 5, comment="Fijn gesprek met Anna")
    out = io.StringIO()

    write_study_csv(all_coachees(study), out)

    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    session = next(row for row in rows if row["moment"] == "session")
    assert (session["session_number"], session["session"], session["session_heard"]) == (
        "1",
        "5",
        "5",
    )
    assert next(row for row in rows if row["moment"] == "start")["session_number"] == ""
    assert "Anna" not in out.getvalue()


def test_the_coachee_answers_after_a_session_through_the_link(client, coachee, answer_start):
    url = reverse("research:link-check-in", kwargs={"token": coachee.token})
    assert client.get(url).status_code == 302  # not before the start questionnaire

    answer_start(coachee)
    assert client.get(url).status_code == 200
    incomplete = client.post(url, {"session_heard": "4"})
    done = client.post(url, {item.code: "4" for item in COACHEE_SESSION.items} | {"comment": ""})

    assert incomplete.status_code == 400
    assert done.status_code == 302
    assert Response.objects.get(moment=Moment.SESSION).answers["session_focus"] == 4
