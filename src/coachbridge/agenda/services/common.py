"""What every agenda service shares: its error, text cleaning and rate limits."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.translation import gettext as _

from coachbridge.common.ratelimit import over_limit

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class AgendaError(Exception):
    """An agenda action that cannot be done; the message says why."""


def clean_line(text: str) -> str:
    """One line of plain text: control characters out, white space folded.

    HTML is not removed but kept as the text it is: templates escape it when they show it.
    """
    return " ".join(_CONTROL.sub("", text or "").split())


def clean_paragraphs(text: str) -> str:
    """Plain text with its paragraphs: control characters out, line ends normalised."""
    text = _CONTROL.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def check_length(text: str, *, minimum: int, maximum: int, what: str) -> None:
    if len(text) < minimum:
        raise AgendaError(
            _("The %(what)s is too short: write at least %(min)d characters.")
            % {"what": what, "min": minimum}
        )
    if len(text) > maximum:
        raise AgendaError(
            _("The %(what)s is too long: at most %(max)d characters, you wrote %(count)d.")
            % {"what": what, "max": maximum, "count": len(text)}
        )


def check_rate(keys: Iterable[tuple[str, int]]) -> None:
    """Raises when one of the keys is over its limit in the last minute (as the harvest does)."""
    if over_limit((f"agenda:{key}", limit) for key, limit in keys):
        raise AgendaError(
            _("You did this many times in a short time. Please wait a minute and try again.")
        )
