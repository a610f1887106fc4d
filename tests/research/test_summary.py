"""A study's results start a plain-language summary in the knowledge hub."""

import pytest
from django.urls import reverse

from coachbridge.common.models import ActivityLog, Theme
from coachbridge.research import services
from coachbridge.research.enums import Moment
from coachbridge.research.instruments import COACHEE_END
from tests.factories.agenda import QuestionFactory
from tests.research.conftest import answers_for

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
