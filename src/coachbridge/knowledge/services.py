"""State changes of the knowledge hub: save, submit, review, comment, publish; versions, diffs."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from coachbridge.common.activity import log_action
from coachbridge.knowledge.enums import ALL_SECTIONS, ItemStatus
from coachbridge.knowledge.models import Comment, Image, Item, Review, Version
from coachbridge.knowledge.search import index_item
from coachbridge.knowledge.validators import normalise_doi, validate_image

VERSIONED_FIELDS = ["title", "lead", *[name for name, _label in ALL_SECTIONS], "doi", "citation"]


class KnowledgeError(Exception):
    """A rule of the review workflow was broken; the message is for the person."""


def snapshot(item: Item) -> dict[str, str]:
    return {name: getattr(item, name) for name in VERSIONED_FIELDS}


def _add_version(item: Item, *, by: Any, reason: str) -> Version:
    data = snapshot(item)
    last = item.versions.order_by("-number").first()
    if last is not None and last.data == data and reason == "saved":
        return last  # nothing changed: no empty version
    number = (item.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    return Version.objects.create(item=item, number=number, author=by, reason=reason, data=data)


@transaction.atomic
def save_item(item: Item, *, by: Any, changed: list[str] | None = None) -> Item:
    """Save a new or changed item (its themes are set by the caller) and keep a version."""
    is_new = item.pk is None
    if is_new:
        item.author = by
    item.doi = normalise_doi(item.doi)
    index_item(item)
    item.save()
    _add_version(item, by=by, reason="saved")
    log_action(
        "knowledge.created" if is_new else "knowledge.updated",
        actor=by,
        obj=item,
        changed_fields=sorted(changed or []),
    )
    return item


@transaction.atomic
def submit_for_review(item: Item, *, by: Any) -> Item:
    if item.status != ItemStatus.DRAFT:
        raise KnowledgeError(_("Only a draft can be sent for review."))
    item.status = ItemStatus.IN_REVIEW
    item.save(update_fields=["status", "updated"])
    _add_version(item, by=by, reason="submitted")
    log_action("knowledge.submitted", actor=by, obj=item)
    return item


def current_version(item: Item) -> int:
    return item.versions.aggregate(top=Max("number"))["top"] or 0


def add_review(item: Item, *, by: Any, rating: int, text: str) -> Review:
    if item.status != ItemStatus.IN_REVIEW:
        raise KnowledgeError(_("This text is not in review."))
    if item.author_id == getattr(by, "pk", None):
        raise KnowledgeError(_("You cannot review your own text."))
    review = Review.objects.create(
        item=item, reviewer=by, rating=rating, text=text, version=current_version(item)
    )
    log_action("knowledge.reviewed", actor=by, obj=item, rating=rating)
    return review


def add_comment(item: Item, *, by: Any, section: str, text: str) -> Comment:
    if item.status != ItemStatus.IN_REVIEW:
        raise KnowledgeError(_("This text is not in review."))
    if section not in {"title", "lead", *[name for name, _label, _text in item.sections]}:
        raise KnowledgeError(_("Choose a part of the text."))
    comment = Comment.objects.create(
        item=item, author=by, section=section, text=text, version=current_version(item)
    )
    log_action("knowledge.commented", actor=by, obj=item, section=section)
    return comment


@transaction.atomic
def publish_item(item: Item, *, by: Any) -> Item:
    if item.status == ItemStatus.PUBLISHED:
        raise KnowledgeError(_("This text is already published."))
    missing = [str(label) for name, label, text in item.sections if not text.strip()]
    if missing:
        raise KnowledgeError(
            _("Fill in every part before publishing. Missing: %(parts)s.")
            % {"parts": ", ".join(missing)}
        )
    item.status = ItemStatus.PUBLISHED
    item.published_at = item.published_at or timezone.now()
    item.save(update_fields=["status", "published_at", "updated"])
    _add_version(item, by=by, reason="published")
    log_action("knowledge.published", actor=by, obj=item)
    return item


def return_to_author(item: Item, *, by: Any) -> Item:
    """An editor sends an item back to draft (also takes a published item offline)."""
    if item.status == ItemStatus.DRAFT:
        raise KnowledgeError(_("This text is already a draft."))
    item.status = ItemStatus.DRAFT
    item.save(update_fields=["status", "updated"])
    log_action("knowledge.returned", actor=by, obj=item)
    return item


def add_image(item: Item, *, by: Any, upload: Any, alt: str) -> Image:
    """Store an uploaded image after checking its size and real type (raises ValidationError)."""
    content_type = validate_image(upload)
    image = Image.objects.create(
        item=item, file=upload, content_type=content_type, alt=alt, uploaded_by=by
    )
    log_action("knowledge.image_added", actor=by, obj=item, image=image.pk)
    return image


# ---------------------------------------------------------------------------------------------
# Diffs between versions


@dataclass(frozen=True)
class DiffPart:
    op: str  # "same", "added", "removed"
    text: str


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    parts: list[DiffPart]


_WORDS = re.compile(r"\s+|[^\s]+")


def diff_text(old: str, new: str) -> list[DiffPart]:
    """Word by word: what stayed, what was removed and what was added."""
    before, after = _WORDS.findall(old or ""), _WORDS.findall(new or "")
    parts: list[DiffPart] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(DiffPart("same", "".join(before[a1:a2])))
            continue
        if a2 > a1:
            parts.append(DiffPart("removed", "".join(before[a1:a2])))
        if b2 > b1:
            parts.append(DiffPart("added", "".join(after[b1:b2])))
    return parts


def field_labels() -> dict[str, str]:
    return {
        "title": _("Title"),
        "lead": _("In short"),
        **{name: str(label) for name, label in ALL_SECTIONS},
        "doi": "DOI",
        "citation": _("Sources"),
    }


def diff_versions(old: dict[str, str], new: dict[str, str]) -> list[FieldDiff]:
    """The fields that changed between two snapshots, each as a word diff."""
    labels = field_labels()
    return [
        FieldDiff(name, labels[name], diff_text(old.get(name, ""), new.get(name, "")))
        for name in VERSIONED_FIELDS
        if (old.get(name) or "") != (new.get(name) or "")
    ]
