"""What a coach and a coachee may see of the answers of people around a coachee."""

import pytest

from coachbridge.research import services
from coachbridge.research.enums import Moment, RaterGroup
from coachbridge.research.instruments import COACHEE_END, COACHEE_START
from coachbridge.research.results import (
    MIN_GROUP,
    coachee_changes,
    coachee_rows,
    network_summary,
    raters_of,
    scale_scores,
)
from tests.research.conftest import all_coachees, answers_for

pytestmark = pytest.mark.django_db


def study_summary(study, coach_id=None):
    return network_summary(raters_of(all_coachees(study)), coach_id=coach_id)


def group_of(summaries, group):
    return next(summary for summary in summaries if summary.group == group)


def test_a_group_shows_nothing_but_its_count_below_three(coachee, make_rater):
    make_rater(coachee, value=5, comment="Veel rustiger")
    make_rater(coachee, value=1, comment="Niets gemerkt")

    colleagues = group_of(study_summary(coachee.study), RaterGroup.COLLEAGUE)

    assert colleagues.answered == 2
    assert not colleagues.visible
    assert colleagues.means == []
    assert colleagues.missing == MIN_GROUP - 2


def test_a_group_of_three_shows_its_means(coachee, make_rater):
    for value in (5, 4, 3):
        make_rater(coachee, value=value)

    colleagues = group_of(study_summary(coachee.study), RaterGroup.COLLEAGUE)

    assert colleagues.visible
    assert [round(mean, 2) for _, mean in colleagues.means] == [4.0, 4.0]


def test_a_partner_is_hidden_unless_they_chose_to_be_seen(study, coach, make_rater):
    first = services.add_coachee(study, email="", language="nl", by=coach)
    second = services.add_coachee(study, email="", language="nl", by=coach)
    for person in (first, second):
        services.give_consent(person)
    make_rater(first, group=RaterGroup.PARTNER, value=5, identifiable=True)

    shown = group_of(study_summary(study, coach_id=coach.pk), RaterGroup.PARTNER)
    assert shown.visible and shown.means[0][1] == 5
    # nobody else: not an export or a summary for the knowledge hub, not another coach
    assert not group_of(study_summary(study), RaterGroup.PARTNER).visible
    assert not group_of(study_summary(study, coach_id=coach.pk + 1), RaterGroup.PARTNER).visible

    make_rater(second, group=RaterGroup.PARTNER, value=1, identifiable=False)

    hidden = group_of(study_summary(study, coach_id=coach.pk), RaterGroup.PARTNER)
    assert not hidden.visible and hidden.answered == 2
    # the coachee sees their own partner, who chose to be seen, but not the other one
    for person, seen in ((first, True), (second, False)):
        summary = network_summary(person.raters.all(), coach_id=person.coach_id)
        assert group_of(summary, RaterGroup.PARTNER).visible is seen


def test_partners_count_in_the_average_of_three(study, coach, make_rater):
    coachees = [services.add_coachee(study, email="", language="nl", by=coach) for _ in range(3)]
    for number, person in enumerate(coachees):
        services.give_consent(person)
        make_rater(person, group=RaterGroup.PARTNER, value=number + 2, identifiable=number == 0)

    partners = group_of(study_summary(study), RaterGroup.PARTNER)

    assert partners.visible and partners.means[0][1] == 3


def test_answers_enter_a_group_three_at_a_time(coachee, make_rater):
    for value in (5, 5, 5, 1):
        make_rater(coachee, value=value)

    four = group_of(study_summary(coachee.study), RaterGroup.COLLEAGUE)
    assert (four.answered, four.released, four.means[0][1]) == (4, 3, 5)  # the 1 waits for two

    make_rater(coachee, value=2)
    make_rater(coachee, value=3)

    six = group_of(study_summary(coachee.study), RaterGroup.COLLEAGUE)
    assert (six.answered, six.released) == (6, 6)
    assert six.means[0][1] == pytest.approx(21 / 6)


def test_withdrawn_raters_do_not_count(coachee, make_rater):
    raters = [make_rater(coachee) for _ in range(3)]
    services.withdraw(raters[0])

    colleagues = group_of(study_summary(coachee.study), RaterGroup.COLLEAGUE)

    assert colleagues.answered == 2 and not colleagues.visible


def test_scale_scores_skip_dont_know():
    answers = answers_for(COACHEE_START, 4)
    answers["goal_clear"] = 1
    answers["goal_progress"] = None
    answers.update({item.code: None for item in COACHEE_START.items_of("wellbeing")})

    scores = scale_scores(COACHEE_START, answers)

    assert scores["goal"] == pytest.approx(2.5)
    assert "wellbeing" not in scores
    assert scores["process"] == 4


def test_change_pairs_start_and_end_of_the_same_coachee(study, coach):
    for before, after in [(2, 4), (3, 4), (2, 3)]:
        person = services.add_coachee(study, email="", language="nl", by=coach)
        services.give_consent(person)
        services.save_response(
            person, moment=Moment.START, answers=answers_for(COACHEE_START, before), comment=""
        )
        services.open_end(person, by=coach)
        services.save_response(
            person, moment=Moment.END, answers=answers_for(COACHEE_END, after), comment=""
        )
    started_only = services.add_coachee(study, email="", language="nl", by=coach)
    services.give_consent(started_only)
    services.save_response(
        started_only, moment=Moment.START, answers=answers_for(COACHEE_START, 5), comment=""
    )

    goal = next(
        change for change in coachee_changes(all_coachees(study)) if change.scale.code == "goal"
    )

    assert goal.n == 3
    assert goal.before == pytest.approx(7 / 3)
    assert goal.change == pytest.approx(4 / 3)
    assert goal.p is None  # too few pairs for a test


def test_coachee_rows_show_progress(coachee, make_rater, answer_start, study, coach):
    answer_start(coachee)
    make_rater(coachee)
    services.add_rater(coachee, group=RaterGroup.OTHER, email="", language="nl")
    services.add_coachee(study, email="", language="nl", by=coach)

    rows = {row.coachee.code: row for row in coachee_rows(all_coachees(study))}

    row = rows[coachee.code]
    assert (row.consented, row.start, row.end, row.raters_asked) == (True, True, False, 2)
    assert sum(1 for other in rows.values() if not other.consented) == 1
