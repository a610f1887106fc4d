"""The demo study shows every state a coach meets, within the privacy rules."""

import pytest
from django.core.management import call_command

from coachbridge.research.enums import RaterGroup
from coachbridge.research.models import Study
from coachbridge.research.results import (
    coachee_changes,
    coachee_rows,
    network_summary,
    session_trend,
    study_raters,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_the_demo_study_has_results_and_hidden_groups():
    call_command("demo", verbosity=0)

    study = Study.objects.get(owner__email="coach@example.org")
    groups = {summary.group: summary for summary in network_summary(study_raters(study))}
    rows = coachee_rows(study)

    assert study.agenda_question is not None
    assert all(change.n >= 5 for change in coachee_changes(study))
    assert session_trend(study)[0].number == 1
    assert groups[RaterGroup.COLLEAGUE].visible
    assert not groups[RaterGroup.PARTNER].visible  # one of the two partners chose to stay hidden
    assert not groups[RaterGroup.FAMILY_FRIEND].visible
    assert any(not row.consented for row in rows) and any(row.end for row in rows)
