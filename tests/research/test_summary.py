"""A study's results start a plain-language summary in the knowledge hub."""

import pytest
from django.urls import reverse
from django.utils import translation

from coachbridge.common.models import ActivityLog, Theme
from coachbridge.research import services
from coachbridge.research.enums import Moment
from coachbridge.research.instruments import COACHEE_END, COACHEE_SESSION, COACHEE_START
from coachbridge.research.summary import summary_initial
from tests.factories.accounts import ProfileFactory
from tests.factories.agenda import QuestionFactory
from tests.research.conftest import all_coachees, answers_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def summary_form(client, study):
    return client.get(reverse("knowledge:item-create", args=["summary"]) + f"?study={study.pk}")


def test_the_summary_form_starts_with_the_studys_numbers(
    client_for, coach, coachee, make_rater, answer_start
):
    study = coachee.study
    study.agenda_question = QuestionFactory()
    study.save()
    answer_start(coachee, value=2)
    services.open_end(coachee, by=coach)
    services.save_response(
        coachee, moment=Moment.END, answers=answers_for(COACHEE_END, 4), comment=""
    )
    for _ in range(3):
        make_rater(coachee, value=4, comment="Naam van de coachee")
    make_rater(coachee, value=1)  # waits for two more: not in the draft

    response = summary_form(client_for(coach), study)

    form = response.context["form"]
    assert form["title"].value() == study.title
    assert form["agenda_question"].value() == study.agenda_question.pk
    assert form["language"].value() == "nl"
    themes = Theme.objects.filter(pk__in=form["themes"].value())
    assert {theme.slug for theme in themes} == {"practice-research", "ripple-effect"}
    findings = form["findings"].value()
    assert "2,0" in findings and "4,0" in findings  # Dutch numbers, start and end
    assert "(3 " in findings  # the colleague group: three people, not four
    assert "Naam van de coachee" not in findings
    assert ActivityLog.objects.filter(action="research.summary_drafted", actor=coach).exists()


def test_only_the_owner_starts_a_summary_of_a_study(client_for, member, study):
    response = summary_form(client_for(member), study)

    assert response.status_code == 404
    assert study.title.encode() not in response.content
    assert not ActivityLog.objects.filter(action="research.summary_drafted").exists()


def test_the_draft_rounds_numbers_like_the_study_page(client_for, coach, coachee):
    answers = answers_for(COACHEE_START, 3) | {"goal_clear": 4, "goal_progress": 4}
    services.save_response(coachee, moment=Moment.START, answers=answers, comment="")
    services.open_end(coachee, by=coach)
    services.save_response(
        coachee, moment=Moment.END, answers=answers_for(COACHEE_END, 4), comment=""
    )

    findings = summary_form(client_for(coach), coachee.study).context["form"]["findings"].value()

    assert "3,7" in findings and "3,6" not in findings  # 3.667, as the study page shows it


def test_the_method_names_only_what_coachees_and_others_answered(coachee, answer_start):
    answer_start(coachee)

    with translation.override("en"):
        method = summary_initial(coachee.study, all_coachees(coachee.study))["method"]

    assert "1 coachee filled in a short questionnaire at the start" in method
    for not_done in ("at the end", "session", "around"):
        assert not_done not in method


def test_the_method_names_check_ins_and_people_around_when_they_answered(
    coachee, answer_start, make_rater
):
    answer_start(coachee)
    services.save_check_in(coachee, answers=answers_for(COACHEE_SESSION, 4), comment="")
    make_rater(coachee)

    with translation.override("en"):
        method = summary_initial(coachee.study, all_coachees(coachee.study))["method"]

    assert "1 coachee answered a few short questions after one or more sessions" in method
    assert "1 person around the coachees answered" in method


def test_the_limitations_count_the_practices(study, coachee):
    other = ProfileFactory().user
    services.join_study(study, other)
    services.give_consent(services.add_coachee(study, email="", language="nl", by=other))

    with translation.override("en"):
        limitations = summary_initial(study, all_coachees(study))["limitations"]

    assert limitations.startswith("Coachees of 2 practices")
