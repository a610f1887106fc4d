from django.db import migrations

from coachbridge.events.models.meeting import new_token


def give_every_registration_a_card_token(apps, schema_editor):
    """Adding the field gave every existing row the same code: each gets its own."""
    Registration = apps.get_model("events", "Registration")
    for registration in Registration.objects.only("pk"):
        registration.card_token = new_token()
        registration.save(update_fields=["card_token"])


class Migration(migrations.Migration):
    dependencies = [("events", "0006_registration_card_token")]

    operations = [
        migrations.RunPython(give_every_registration_a_card_token, migrations.RunPython.noop),
    ]
