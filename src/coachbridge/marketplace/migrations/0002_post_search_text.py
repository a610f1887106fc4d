from django.db import migrations, models


def fill_search_text(apps, schema_editor):
    # The current code's idea of a post's terms (a later change to it applies on the next
    # save); imported here because a migration module must not load the app's models.
    from coachbridge.marketplace.models import post_search_text  # noqa: PLC0415

    Post = apps.get_model("marketplace", "Post")
    for post in Post.objects.only("pk", "title", "text", "language").iterator():
        post.search_text = post_search_text(post.title, post.text, post.language)
        post.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="post",
            name="search_text",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
    ]
