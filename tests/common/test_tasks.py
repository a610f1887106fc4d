"""Background work: e-mails go through the database queue and the worker sends them."""

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from coachbridge.common.emails import queue_email

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_queued_email_waits_for_the_worker_and_is_then_sent(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    queue_email(EmailMessage("Onderwerp", "Tekst", "noreply@example.org", ["lid@example.org"]))

    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1

    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)

    assert [(message.subject, message.to) for message in mail.outbox] == [
        ("Onderwerp", ["lid@example.org"])
    ]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_html_alternative_survives_the_queue(settings):
    from django.core.mail import EmailMultiAlternatives

    message = EmailMultiAlternatives("S", "platte tekst", "noreply@example.org", ["a@example.org"])
    message.attach_alternative("<p>opgemaakt</p>", "text/html")

    queue_email(message)

    assert mail.outbox[0].alternatives[0].content == "<p>opgemaakt</p>"
