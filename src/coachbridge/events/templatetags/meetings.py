"""`{% my_next_meetings %}`: the meetings a member registered for, e.g. on the dashboard."""

from __future__ import annotations

from typing import Any

from django import template

from coachbridge.events.services.meetings import meetings_of

register = template.Library()

SHOWN = 3


@register.inclusion_tag("events/_my_next_meetings.html", takes_context=True)
def my_next_meetings(context: dict[str, Any]) -> dict[str, Any]:
    user = context["request"].user
    return {"meetings": list(meetings_of(user)[:SHOWN]) if user.is_authenticated else []}
