from django.db import migrations


def forget_rater_comments(apps, schema_editor):
    """The first network questionnaire (network-1) asked raters an open question. Raters are
    promised that only averages of three or more are seen, and words of one person can tell who
    wrote them, so their answers to it were never shown: they are not kept either."""
    Response = apps.get_model("research", "Response")
    Response.objects.filter(moment="network").exclude(comment="").update(comment="")


class Migration(migrations.Migration):
    dependencies = [
        ("research", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forget_rater_comments, migrations.RunPython.noop),
    ]
