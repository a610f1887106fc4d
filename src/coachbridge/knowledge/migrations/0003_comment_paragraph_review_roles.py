"""Comments on a paragraph; the reviewer's roles kept on each review.

Existing comments keep `paragraph` empty: they are about the whole part. Existing reviews get
the roles their reviewer's profile has now (the best we know).
"""

from django.db import migrations, models


def copy_reviewer_roles(apps, schema_editor):
    Review = apps.get_model("knowledge", "Review")
    Profile = apps.get_model("accounts", "Profile")
    for review in Review.objects.filter(reviewer__isnull=False):
        profile = Profile.objects.filter(user_id=review.reviewer_id).first()
        if profile is not None:
            review.roles = sorted(profile.roles.values_list("code", flat=True))
            review.save(update_fields=["roles"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_seed_roles"),
        ("knowledge", "0002_seed_glossary"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="paragraph",
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="paragraph"),
        ),
        migrations.AddField(
            model_name="comment",
            name="quote",
            field=models.CharField(blank=True, default="", max_length=120),
        ),
        migrations.AddField(
            model_name="review",
            name="roles",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.RunPython(copy_reviewer_roles, migrations.RunPython.noop),
    ]
