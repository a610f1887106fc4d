"""Checks on what members type into a post; the form and the services use the same ones."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from coachbridge.marketplace.models import TEXT_MAX_LENGTH

SCRIPT = re.compile(r"<\s*/?\s*(script|iframe|object|embed)\b|javascript\s*:|\bon[a-z]+\s*=", re.I)
TAG = re.compile(r"<\s*/?\s*[a-z][a-z0-9]*(\s[^<>]*)?/?\s*>", re.I)


def validate_post_text(title: str, text: str) -> None:
    """Raise ValidationError with a clear message for empty, too long or script-laden texts."""
    if not title.strip():
        raise ValidationError(_("Give your post a title."), code="empty_title")
    if not text.strip():
        raise ValidationError(
            _("Write a few sentences about what you look for or offer."), code="empty_text"
        )
    size = len(title) + len(text)
    if size > TEXT_MAX_LENGTH:
        raise ValidationError(
            _(
                "Your title and text are %(size)d characters together. The limit is %(limit)d. "
                "Please make them shorter."
            )
            % {"size": size, "limit": TEXT_MAX_LENGTH},
            code="too_long",
        )
    if SCRIPT.search(title) or SCRIPT.search(text):
        raise ValidationError(
            _(
                "Your text contains program code (such as a script). Please remove it: "
                "posts are plain text."
            ),
            code="script",
        )


def has_html(*texts: str) -> bool:
    """True if a text contains HTML tags; they are kept as plain text and shown as typed."""
    return any(TAG.search(text) for text in texts)
