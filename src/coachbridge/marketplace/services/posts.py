"""Writing posts: create, edit, pause, close and re-open; duplicates; language detection."""

from __future__ import annotations

import datetime as dt
import re
from difflib import SequenceMatcher
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coachbridge.common.activity import log_action
from coachbridge.engine import text as textmod
from coachbridge.marketplace.enums import PostStatus
from coachbridge.marketplace.models import Post, post_search_text
from coachbridge.marketplace.validators import validate_post_text

DUPLICATE_SIMILARITY = 0.9
EDITABLE_FIELDS = [
    "kind",
    "title",
    "text",
    "category",
    "language",
    "meeting",
    "ends_on",
    "is_public",
]


class PostError(Exception):
    """A post cannot be changed this way; the message is for the member."""


def detect_language(title: str, text: str) -> str:
    return textmod.detect_language(f"{title}\n{text}")


def _normalised(title: str, text: str) -> str:
    return " ".join(re.findall(r"\w+", f"{title} {text}".lower()))


def find_duplicate(
    author: Any, *, title: str, text: str, exclude: Post | None = None
) -> Post | None:
    """The member's own post with the same or nearly the same title and text, if any."""
    wanted = _normalised(title, text)
    posts = Post.objects.filter(author=author).exclude(status=PostStatus.CLOSED)
    if exclude is not None and exclude.pk:
        posts = posts.exclude(pk=exclude.pk)
    for post in posts.only("pk", "title", "text", "author_id"):
        other = _normalised(post.title, post.text)
        matcher = SequenceMatcher(None, wanted, other, autojunk=False)
        if matcher.real_quick_ratio() < DUPLICATE_SIMILARITY:
            continue
        if matcher.quick_ratio() >= DUPLICATE_SIMILARITY and matcher.ratio() >= (
            DUPLICATE_SIMILARITY
        ):
            return post
    return None


def _reindex(post: Post) -> None:
    from coachbridge.marketplace.tasks import index_post  # noqa: PLC0415 -- tasks import services

    index_post.enqueue(post_id=post.pk)


def create_post(author: Any, *, themes: Any = (), **fields: Any) -> Post:
    """Save a new post (fields as in the form; language detected when empty) and index it."""
    validate_post_text(fields.get("title", ""), fields.get("text", ""))
    if not fields.get("language"):
        fields["language"] = detect_language(fields["title"], fields["text"])
    with transaction.atomic():
        post = Post.objects.create(author=author, **fields)
        post.themes.set(themes)
        log_action("marketplace.post_created", actor=author, obj=post, kind=post.kind)
    _reindex(post)
    return post


def update_post(post: Post, *, by: Any, themes: Any = None, **fields: Any) -> list[str]:
    """Change a post; returns the names of the changed fields."""
    validate_post_text(fields.get("title", post.title), fields.get("text", post.text))
    if "language" in fields and not fields["language"]:
        fields["language"] = detect_language(
            fields.get("title", post.title), fields.get("text", post.text)
        )
    changed = [name for name, value in fields.items() if getattr(post, name) != value]
    for name in changed:
        setattr(post, name, fields[name])
    with transaction.atomic():
        post.save()
        if themes is not None and set(post.themes.all()) != set(themes):
            post.themes.set(themes)
            changed.append("themes")
        log_action("marketplace.post_changed", actor=by, obj=post, fields=changed)
    _reindex(post)
    return changed


def set_status(post: Post, *, status: str, by: Any) -> None:
    """Pause, close ("found it") or re-open; a re-opened post past its end date loses the date."""
    if status not in PostStatus.values:
        raise PostError(_("This is not a valid status."))
    post.status = status
    fields = ["status", "updated"]
    if status == PostStatus.OPEN and post.ends_on and post.ends_on < timezone.localdate():
        post.ends_on = None
        fields.append("ends_on")
    post.save(update_fields=fields)
    log_action("marketplace.post_status", actor=by, obj=post, status=status)
    _reindex(post)


def refresh_search_texts() -> int:
    """Store every post's search terms again (after an upgrade changed the lexicon or the
    stemming); returns how many posts changed."""
    changed = 0
    for post in Post.objects.only("pk", "title", "text", "language", "search_text").iterator():
        terms = post_search_text(post.title, post.text, post.language)
        if terms != post.search_text:
            Post.objects.filter(pk=post.pk).update(search_text=terms)
            changed += 1
    return changed


def expires_soon(post: Post, *, days: int = 7) -> bool:
    return bool(post.ends_on and post.ends_on <= timezone.localdate() + dt.timedelta(days=days))
