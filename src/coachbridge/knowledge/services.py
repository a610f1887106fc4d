"""State changes of the knowledge hub: save, submit, review, comment, publish; versions, diffs."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coachbridge.accounts.models import Role
from coachbridge.agenda.enums import NotificationKind
from coachbridge.agenda.services import questions as agenda_questions
from coachbridge.common.activity import log_action
from coachbridge.common.emails import queue_email
from coachbridge.knowledge.enums import ALL_SECTIONS, ItemStatus
from coachbridge.knowledge.models import Comment, Image, Item, Review, Version
from coachbridge.knowledge.rendering import split_paragraphs
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
    editors = editors_to_notify(exclude=by)
    transaction.on_commit(lambda: _notify(editors, "submitted", item, by=by))
    return item


def current_version(item: Item) -> int:
    return item.versions.aggregate(top=Max("number"))["top"] or 0


def add_review(item: Item, *, by: Any, rating: int, text: str) -> Review:
    if item.status != ItemStatus.IN_REVIEW:
        raise KnowledgeError(_("This text is not in review."))
    if item.author_id == getattr(by, "pk", None):
        raise KnowledgeError(_("You cannot review your own text."))
    review = Review.objects.create(
        item=item,
        reviewer=by,
        rating=rating,
        text=text,
        version=current_version(item),
        roles=member_roles(by),
    )
    log_action("knowledge.reviewed", actor=by, obj=item, rating=rating)
    _notify_author(item, "reviewed", by=by, review=review)
    return review


def member_roles(user: Any) -> list[str]:
    """The role codes (coach, researcher, ...) on a member's profile."""
    if not getattr(user, "pk", None):
        return []
    return sorted(Role.objects.filter(profile__user=user).values_list("code", flat=True))


def part_paragraphs(item: Item, section: str) -> list[str]:
    """The paragraphs of one part of the item (the title and the lead are one paragraph)."""
    if section in ("title", "lead"):
        text = getattr(item, section)
        return [text] if text.strip() else []
    return split_paragraphs(getattr(item, section))


QUOTE_LENGTH = 80
# a reviewer's comment sends no e-mail when their previous one on the text is this recent
COMMENT_MAIL_QUIET = dt.timedelta(minutes=30)


def quote_of(paragraph: str) -> str:
    """The first words of a paragraph, to show which one a comment is about."""
    flat = " ".join(paragraph.split())
    if len(flat) <= QUOTE_LENGTH:
        return flat
    return flat[:QUOTE_LENGTH].rsplit(" ", 1)[0] + "…"


def add_comment(
    item: Item, *, by: Any, section: str, text: str, paragraph: int | None = None
) -> Comment:
    """A comment on one paragraph of a part, or on the whole part when `paragraph` is None."""
    if item.status != ItemStatus.IN_REVIEW:
        raise KnowledgeError(_("This text is not in review."))
    if section not in {"title", "lead", *[name for name, _label, _text in item.sections]}:
        raise KnowledgeError(_("Choose a part of the text."))
    quote = ""
    if paragraph is not None:
        paragraphs = part_paragraphs(item, section)
        if not 1 <= paragraph <= len(paragraphs):
            raise KnowledgeError(
                ngettext(
                    "This part has %(count)s paragraph. Choose 1, or leave the number empty.",
                    "This part has %(count)s paragraphs. Choose a number from 1 to %(count)s.",
                    len(paragraphs),
                )
                % {"count": len(paragraphs)}
                if paragraphs
                else _("This part is still empty. Comment on the whole part.")
            )
        quote = quote_of(paragraphs[paragraph - 1])
    # The author hears of a reviewer's first comment only: the e-mail links to all of them, and
    # ten comments on ten paragraphs should not make ten e-mails.
    recent = item.comments.filter(
        author=by, created__gte=timezone.now() - COMMENT_MAIL_QUIET
    ).exists()
    comment = Comment.objects.create(
        item=item,
        author=by,
        section=section,
        paragraph=paragraph,
        quote=quote,
        text=text,
        version=current_version(item),
    )
    log_action("knowledge.commented", actor=by, obj=item, section=section, paragraph=paragraph)
    if not recent:
        _notify_author(item, "commented", by=by, comment=comment)
    return comment


def practitioner_reviews(item: Item) -> list[Review]:
    """The item's reviews by a coach or practitioner (what an editor wants before publishing)."""
    return [review for review in item.reviews.all() if review.by_practitioner]


# ---------------------------------------------------------------------------------------------
# E-mails: the author hears about reviews and comments, the editors about new submissions


def editors_to_notify(*, exclude: Any = None) -> list[Any]:
    """Active members who may publish: organisers, superusers, holders of the editor permission."""
    permission = Permission.objects.filter(
        codename="edit_knowledge", content_type__app_label="knowledge"
    )
    users: QuerySet[Any] = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_organiser=True)
            | Q(is_superuser=True)
            | Q(user_permissions__in=permission)
            | Q(groups__permissions__in=permission)
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    if getattr(exclude, "pk", None):
        users = users.exclude(pk=exclude.pk)
    return list(users)


def _notify_author(item: Item, kind: str, *, by: Any, **context: Any) -> None:
    author = item.author
    if author is None or not author.is_active or not author.email or author.pk == by.pk:
        return
    recipients = [author]
    transaction.on_commit(lambda: _notify(recipients, kind, item, by=by, **context))


def _notify(recipients: list[Any], kind: str, item: Item, *, by: Any, **context: Any) -> None:
    """Render the `kind` e-mail in each recipient's language and queue it."""
    page = "knowledge:item-detail" if kind == "submitted" else "knowledge:item-review"
    link = settings.SITE_URL.rstrip("/") + reverse(page, args=[item.pk])
    for user in recipients:
        with translation.override(getattr(user, "language", None) or settings.LANGUAGE_CODE):
            values = {
                **context,
                "kind": kind,
                "item": item,
                "sender": str(by),
                "link": link,
                "SITE_NAME": settings.SITE_NAME,
            }
            if "comment" in context:
                values["part"] = field_labels().get(context["comment"].section, "")
            subject = render_to_string("knowledge/email/notice_subject.txt", values).strip()
            body = render_to_string("knowledge/email/notice_message.txt", values)
        queue_email(
            EmailMultiAlternatives(
                subject=f"[{settings.SITE_NAME}] {subject}", body=body, to=[user.email]
            )
        )


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
    if item.agenda_question_id:
        notify_question_followers(item.agenda_question, by=by)
    return item


def notify_question_followers(question: Any, *, by: Any) -> int:
    """Tell the followers of the agenda question an item answers that it has a new summary."""
    return agenda_questions.notify_followers(
        agenda_questions.final_question(question), kind=NotificationKind.SUMMARY, by=by
    )


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
