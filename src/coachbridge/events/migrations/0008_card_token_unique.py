from django.db import migrations, models

import coachbridge.events.models.meeting


class Migration(migrations.Migration):
    dependencies = [("events", "0007_fill_card_tokens")]

    operations = [
        migrations.AlterField(
            model_name="registration",
            name="card_token",
            field=models.CharField(
                default=coachbridge.events.models.meeting.new_token,
                editable=False,
                max_length=64,
                unique=True,
            ),
        ),
    ]
