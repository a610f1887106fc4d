"""The data migration that remembers which cancelled meetings their people heard about."""

import datetime as dt

import pytest
from django.utils import timezone

BEFORE = [("events", "0004_harvest_started"), ("common", "0002_seed_themes")]
AFTER = [("events", "0005_meeting_reinstatement")]

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_migration_reads_sent_cancellations_from_the_activity_log(migrator):
    old = migrator(BEFORE)
    Meeting = old.get_model("events", "Meeting")
    ActivityLog = old.get_model("common", "ActivityLog")
    start = timezone.now() + dt.timedelta(days=10)
    times = {"starts_at": start, "ends_at": start + dt.timedelta(hours=2)}
    told = Meeting.objects.create(title="A", status="cancelled", **times)
    published_again = Meeting.objects.create(title="B", status="published", **times)
    never_told = Meeting.objects.create(title="C", status="cancelled", **times)
    for meeting in (told, told, published_again):
        ActivityLog.objects.create(
            action="meeting.cancellation_sent",
            object_type="events.meeting",
            object_id=str(meeting.pk),
        )

    new = migrator(AFTER)
    rows = {m.pk: m for m in new.get_model("events", "Meeting").objects.all()}

    last_sent = ActivityLog.objects.filter(object_id=str(told.pk)).latest("created").created
    assert rows[told.pk].cancellation_sent_at == last_sent
    assert rows[published_again.pk].cancellation_sent_at is None
    assert rows[never_told.pk].cancellation_sent_at is None
    assert not any(row.left_out_of_series for row in rows.values())
