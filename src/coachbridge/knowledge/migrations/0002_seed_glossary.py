from django.db import migrations

from coachbridge.knowledge.reference import ensure_glossary


def add_glossary(apps, schema_editor):
    ensure_glossary(apps.get_model("knowledge", "GlossaryTerm"))


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunPython(add_glossary, migrations.RunPython.noop)]
