"""The demo study shows every state a coach meets, within the privacy rules."""

import pytest
from django.core.management import call_command

from coachbridge.research.enums import RaterGroup
from coachbridge.research.models import Study
from coachbridge.research.results import (
    coachee_changes,
    coachee_rows,
    network_summary,
    raters_of,
    session_trend,
)
from tests.research.conftest import all_coachees

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_the_demo_study_has_results_and_hidden_groups():
    call_command("demo", verbosity=0)

    study = Study.objects.get(owner__email="coach@example.org")
    shared = Study.objects.get(owner__email="researcher@example.org")
    assert list(shared.coaches.values_list("email", flat=True)) == ["coach@example.org"]
    groups = {summary.group: summary for summary in network_summary(raters_of(all_coachees(study)))}
    rows = coachee_rows(all_coachees(study))

    assert study.agenda_question is not None
    assert all(change.n >= 5 for change in coachee_changes(all_coachees(study)))
    assert session_trend(all_coachees(study))[0].number == 1
    assert groups[RaterGroup.COLLEAGUE].visible
    assert not groups[RaterGroup.PARTNER].visible  # one of the two partners chose to stay hidden
    assert not groups[RaterGroup.FAMILY_FRIEND].visible
    assert any(not row.consented for row in rows) and any(row.end for row in rows)
    assert {change.n for change in coachee_changes(all_coachees(shared))} == {2}
