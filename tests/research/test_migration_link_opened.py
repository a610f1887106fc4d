"""People who already gave consent had opened their link: it is theirs alone after the upgrade."""

import datetime as dt

import pytest
from django.utils import timezone

BEFORE = [("research", "0002_forget_rater_comments")]
AFTER = [("research", "0003_participant_link_opened_at")]

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_a_link_counts_as_opened_from_the_first_consent(migrator):
    old = migrator(BEFORE)
    coach = old.get_model("accounts", "User").objects.create(email="coach@example.org")
    study = old.get_model("research", "Study").objects.create(owner_id=coach.pk, title="Studie")
    Participant = old.get_model("research", "Participant")
    expires = timezone.now() + dt.timedelta(days=30)
    decided, _waiting = (
        Participant.objects.create(
            study=study,
            coach_id=coach.pk,
            role="coachee",
            code=code,
            token=code,
            expires_at=expires,
        )
        for code in ("C-DECIDED", "C-WAITING")
    )
    Consent = old.get_model("research", "Consent")
    for given in (True, False):
        Consent.objects.create(
            participant=decided, purpose="study", text_version="v1", language="nl", given=given
        )

    new = migrator(AFTER)
    rows = {row.code: row for row in new.get_model("research", "Participant").objects.all()}

    first = Consent.objects.filter(participant=decided).order_by("created").first().created
    assert rows["C-DECIDED"].link_opened_at == first
    assert rows["C-WAITING"].link_opened_at is None
