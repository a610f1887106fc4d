"""Sending e-mail: every message is rendered in the recipient's language and queued."""

from __future__ import annotations

from django.core.mail import EmailMessage, EmailMultiAlternatives

from coachbridge.common.tasks import deliver_email


def queue_email(message: EmailMessage) -> None:
    """Hand a rendered message to the task queue."""
    html = None
    if isinstance(message, EmailMultiAlternatives):
        html = next(
            (content for content, mimetype in message.alternatives if mimetype == "text/html"),
            None,
        )
    deliver_email.enqueue(
        subject=str(message.subject),
        body=str(message.body),
        html=str(html) if html is not None else None,
        from_email=str(message.from_email),
        to=[str(address) for address in message.to],
        headers={str(name): str(value) for name, value in message.extra_headers.items()} or None,
    )
