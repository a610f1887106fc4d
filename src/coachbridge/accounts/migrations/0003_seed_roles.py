from django.db import migrations

from coachbridge.accounts.reference import ensure_roles


def add_roles(apps, schema_editor):
    ensure_roles(apps.get_model("accounts", "Role"))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_initial")]

    operations = [migrations.RunPython(add_roles, migrations.RunPython.noop)]
