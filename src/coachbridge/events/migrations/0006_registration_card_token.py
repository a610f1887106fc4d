"""Route cards get their own code. Three steps, as Django's docs advise for a new unique field:
add it empty, give every existing registration a code, then make it unique."""

from django.db import migrations, models

import coachbridge.events.models.meeting


class Migration(migrations.Migration):
    dependencies = [("events", "0005_meeting_reinstatement")]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="card_token",
            field=models.CharField(
                default=coachbridge.events.models.meeting.new_token,
                editable=False,
                max_length=64,
                null=True,
            ),
        ),
    ]
