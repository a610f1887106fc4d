"""The typed URL is gone: 0004 moved it into the link or the sources.

A migration of its own, because PostgreSQL refuses to change a table in the same transaction
as rows that still wait for their foreign-key check.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0004_item_agenda_question")]

    operations = [migrations.RemoveField(model_name="item", name="agenda_question_url")]
