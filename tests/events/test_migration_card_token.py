"""Registrations made before route cards had their own code each get a different one."""

import datetime as dt

import pytest
from django.utils import timezone

BEFORE = [("events", "0005_meeting_reinstatement")]
AFTER = [("events", "0008_card_token_unique")]

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_every_existing_registration_gets_its_own_card_token(migrator):
    old = migrator(BEFORE)
    Meeting = old.get_model("events", "Meeting")
    start = timezone.now() + dt.timedelta(days=10)
    meeting = Meeting.objects.create(
        title="Café", status="published", starts_at=start, ends_at=start + dt.timedelta(hours=2)
    )
    Registration = old.get_model("events", "Registration")
    for number in range(3):
        Registration.objects.create(
            meeting=meeting,
            name=f"Persoon {number}",
            email=f"p{number}@example.org",
            role="coach",
            token=f"personal-{number}",
        )

    new = migrator(AFTER)
    rows = list(new.get_model("events", "Registration").objects.all())

    cards = {row.card_token for row in rows}
    assert len(rows) == 3
    assert len(cards) == 3
    assert not cards & {row.token for row in rows}
    assert all(len(card) >= 32 for card in cards)
