"""Checks on what members type into a post; the form and the services use the same ones."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coachbridge.marketplace.models import TEXT_MAX_LENGTH

# an event handler counts only inside a tag: "online = 20" in a sentence is not code
SCRIPT = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed)\b|javascript\s*:"
    r"|<\s*[a-z][^<>]*?[\s/\"']on[a-z]+\s*=",
    re.I,
)
TAG = re.compile(r"<\s*/?\s*[a-z][a-z0-9]*(\s[^<>]*)?/?\s*>", re.I)


EMPTY_TITLE = gettext_lazy("Give your post a title.")
EMPTY_TEXT = gettext_lazy("Write a few sentences about what you look for or offer.")


def validate_post_text(title: str, text: str) -> None:
    """Raise ValidationError with a clear message for empty, too long or script-laden texts,
    keyed by the field to fix ("title" or "text")."""
    if not title.strip():
        raise ValidationError({"title": EMPTY_TITLE}, code="empty")
    if not text.strip():
        raise ValidationError({"text": EMPTY_TEXT}, code="empty")
    size = len(title) + len(text)
    if size > TEXT_MAX_LENGTH:
        raise ValidationError(
            {
                "text": _(
                    "Your title and text are %(size)s characters together. The limit is "
                    "%(limit)s. Please make them shorter."
                )
                % {
                    "size": number_format(size, force_grouping=True),
                    "limit": number_format(TEXT_MAX_LENGTH, force_grouping=True),
                }
            },
            code="too_long",
        )
    scripts = {
        name: _(
            "This contains program code (such as a script). Please remove it: posts are plain text."
        )
        for name, value in (("title", title), ("text", text))
        if SCRIPT.search(value)
    }
    if scripts:
        raise ValidationError(scripts, code="script")


def has_html(*texts: str) -> bool:
    """True if a text contains HTML tags; they are kept as plain text and shown as typed."""
    return any(TAG.search(text) for text in texts)
