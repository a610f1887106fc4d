from django.db import migrations, models
from django.db.models import Min


def opened_when_consent_was_given(apps, schema_editor):
    """Who decided on consent had opened their link: it stays theirs alone from now on."""
    Participant = apps.get_model("research", "Participant")
    first = Participant.objects.annotate(first_consent=Min("consents__created")).filter(
        first_consent__isnull=False
    )
    for participant in first:
        participant.link_opened_at = participant.first_consent
        participant.save(update_fields=["link_opened_at"])


class Migration(migrations.Migration):
    dependencies = [("research", "0002_forget_rater_comments")]

    operations = [
        migrations.AddField(
            model_name="participant",
            name="link_opened_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(opened_when_consent_was_given, migrations.RunPython.noop),
    ]
