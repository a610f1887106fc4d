from django.db import migrations

from coachbridge.common.reference import ensure_themes


def add_themes(apps, schema_editor):
    ensure_themes(apps.get_model("common", "Theme"))


class Migration(migrations.Migration):
    dependencies = [("common", "0001_initial")]

    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
