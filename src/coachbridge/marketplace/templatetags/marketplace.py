"""`{% marketplace_notifications %}`: introductions waiting for an answer, e.g. on the dashboard."""

from __future__ import annotations

from typing import Any

from django import template

from coachbridge.marketplace.models import Post
from coachbridge.marketplace.services.introductions import waiting_for_answer

register = template.Library()

POSTS_ON_PROFILE = 5


@register.inclusion_tag("marketplace/_notifications.html", takes_context=True)
def marketplace_notifications(context: dict[str, Any]) -> dict[str, Any]:
    user = context["request"].user
    return {"waiting": list(waiting_for_answer(user)) if user.is_authenticated else []}


@register.simple_tag(takes_context=True)
def introduction_status(context: dict[str, Any], introduction: Any) -> str:
    """``{% introduction_status introduction %}``: the status as the logged-in member reads it."""
    return str(introduction.status_for(context["request"].user))


@register.inclusion_tag("marketplace/_posts_by.html", takes_context=True)
def posts_by(context: dict[str, Any], author: Any) -> dict[str, Any]:
    """``{% posts_by user %}``: the open posts of ``author``, for members only. Visitors without
    an account see public posts without the author's name, so a profile never lists them."""
    if not context["request"].user.is_authenticated:
        return {"posts": []}
    posts = Post.objects.open().filter(author=author).order_by("-created", "-pk")
    return {"posts": list(posts[:POSTS_ON_PROFILE])}
