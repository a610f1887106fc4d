"""Link items to research agenda questions with a foreign key instead of a typed URL.

A URL that points at an agenda question on this site becomes the link. Any other URL is kept
as a line in the item's sources, so nothing typed is lost when the URL field goes.
"""

import re
from urllib.parse import urlsplit

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

QUESTION_PATH = re.compile(r"^/(?:[a-z]{2}(?:-[a-z]+)?/)?agenda/questions/(\d+)/?$")


def question_pk(url: str) -> int | None:
    """The question's number when `url` is an agenda question page of this site, else None."""
    parts = urlsplit(url.strip())
    site = urlsplit(settings.SITE_URL)
    if parts.netloc and parts.netloc.lower() != site.netloc.lower():
        return None
    match = QUESTION_PATH.match(parts.path)
    return int(match.group(1)) if match else None


def link_questions(apps, schema_editor):
    Item = apps.get_model("knowledge", "Item")
    Question = apps.get_model("agenda", "Question")
    for item in Item.objects.exclude(agenda_question_url=""):
        pk = question_pk(item.agenda_question_url)
        if pk is not None and Question.objects.filter(pk=pk).exists():
            item.agenda_question_id = pk
            item.save(update_fields=["agenda_question"])
        else:
            line = f"Research agenda question: {item.agenda_question_url}"
            item.citation = f"{item.citation.rstrip()}\n{line}" if item.citation.strip() else line
            item.save(update_fields=["citation"])


def unlink_questions(apps, schema_editor):
    Item = apps.get_model("knowledge", "Item")
    base = settings.SITE_URL.rstrip("/")
    for item in Item.objects.filter(agenda_question__isnull=False):
        item.agenda_question_url = f"{base}/agenda/questions/{item.agenda_question_id}/"
        item.save(update_fields=["agenda_question_url"])


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0002_question_post"),
        ("knowledge", "0003_comment_paragraph_review_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="item",
            name="agenda_question",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="summaries",
                to="agenda.question",
                verbose_name="research agenda question",
            ),
        ),
        migrations.RunPython(link_questions, unlink_questions),
    ]
