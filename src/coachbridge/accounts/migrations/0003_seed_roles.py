from django.db import migrations

ROLE_CODES = ["coach", "researcher", "psychologist", "student", "hr", "policy", "other"]


def add_roles(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    for code in ROLE_CODES:
        Role.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_initial")]

    operations = [migrations.RunPython(add_roles, migrations.RunPython.noop)]
