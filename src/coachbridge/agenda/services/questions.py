"""Research questions: propose, discuss, follow, edit, merge and set their status."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from coachbridge.accounts.models import User
from coachbridge.agenda.enums import NotificationKind, QuestionStatus
from coachbridge.agenda.models import (
    Comment,
    Follow,
    Notification,
    Question,
    QuestionRevision,
    Statement,
    Vote,
)
from coachbridge.agenda.models.question import COMMENT_MAX, QUESTION_MAX, WHO_MAX, WHY_MAX
from coachbridge.agenda.models.voting import STATEMENT_MAX
from coachbridge.agenda.services.common import (
    AgendaError,
    check_length,
    check_rate,
    clean_line,
    clean_paragraphs,
)
from coachbridge.common.activity import log_action
from coachbridge.common.emails import queue_email
from coachbridge.common.models import Theme
from coachbridge.knowledge.queries import published_items_for_question

QUESTION_MIN = 15
WHY_MIN = 20
COMMENT_MIN = 2
# Per person per minute.
RATE_QUESTIONS = 3
RATE_COMMENTS = 6


def _statement_text(title: str) -> str:
    return title if len(title) <= STATEMENT_MAX else title[: STATEMENT_MAX - 1] + "…"


def _clean_question(title: str, why: str, who: str) -> tuple[str, str, str]:
    title, why, who = clean_line(title), clean_paragraphs(why), clean_line(who)
    check_length(title, minimum=QUESTION_MIN, maximum=QUESTION_MAX, what=_("question"))
    check_length(why, minimum=WHY_MIN, maximum=WHY_MAX, what=_("explanation"))
    check_length(who, minimum=0, maximum=WHO_MAX, what=_("group of people"))
    return title, why, who


# --- Proposing ---------------------------------------------------------------------------------


def propose_question(
    *,
    by: User,
    title: str,
    why: str,
    who: str = "",
    themes: Iterable[Theme] = (),
    insight: Any = None,
    post: Any = None,
) -> Question:
    """A member proposes a question; it gets its statement to vote on, and the author follows it."""
    title, why, who = _clean_question(title, why, who)
    check_rate([(f"question:{by.pk}", RATE_QUESTIONS)])
    with transaction.atomic():
        question = Question.objects.create(
            title=title, why=why, who=who, author=by, insight=insight, post=post
        )
        question.themes.set(list(themes))
        Statement.objects.create(question=question, text=_statement_text(title), author=by)
        Follow.objects.create(question=question, user=by)
        log_action("agenda.question_proposed", actor=by, obj=question)
    return question


# --- Following and notifications ----------------------------------------------------------------


def is_following(question: Question, user: User) -> bool:
    return bool(user.is_authenticated and question.follows.filter(user=user).exists())


def set_following(question: Question, *, user: User, follow: bool) -> None:
    if follow:
        Follow.objects.get_or_create(question=question, user=user)
    else:
        Follow.objects.filter(question=question, user=user).delete()
    log_action(
        "agenda.question_followed" if follow else "agenda.question_unfollowed",
        actor=user,
        obj=question,
    )


def notify_followers(question: Question, *, kind: str, by: User | None) -> int:
    """A notification and an e-mail (in each follower's language) for everyone but the actor."""
    followers = list(
        User.objects.filter(agenda_follows__question=question, is_active=True).exclude(
            pk=getattr(by, "pk", None)
        )
    )
    Notification.objects.bulk_create(
        [Notification(user=user, question=question, kind=kind) for user in followers]
    )
    link = settings.SITE_URL.rstrip("/") + reverse(
        "agenda:question-detail", kwargs={"pk": question.pk}
    )
    for user in followers:
        with translation.override(user.language):
            context = {
                "question": question,
                "kind": kind,
                "link": link,
                "SITE_NAME": settings.SITE_NAME,
            }
            subject = render_to_string("agenda/email/changed_subject.txt", context).strip()
            body = render_to_string("agenda/email/changed_message.txt", context)
        queue_email(
            EmailMultiAlternatives(
                subject=f"[{settings.SITE_NAME}] {subject}", body=body, to=[user.email]
            )
        )
    return len(followers)


def notifications_for(user: User, *, limit: int = 10) -> list[Notification]:
    if not user.is_authenticated:
        return []
    return list(
        Notification.objects.filter(user=user, read_at__isnull=True)
        .select_related("question")
        .order_by("-created", "-pk")[:limit]
    )


def mark_notifications_read(user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


# --- Discussion ---------------------------------------------------------------------------------


def add_comment(question: Question, *, by: User, text: str) -> Comment:
    if question.merged_into_id:
        raise AgendaError(_("This question was merged into another one. Comment there."))
    text = clean_paragraphs(text)
    check_length(
        text, minimum=COMMENT_MIN, maximum=COMMENT_MAX, what=pgettext("discussion", "comment")
    )
    check_rate([(f"comment:{by.pk}", RATE_COMMENTS)])
    comment = Comment.objects.create(question=question, author=by, text=text)
    Follow.objects.get_or_create(question=question, user=by)
    log_action("agenda.comment_added", actor=by, obj=comment)
    notify_followers(question, kind=NotificationKind.COMMENT, by=by)
    return comment


def set_comment_hidden(comment: Comment, *, hidden: bool, by: User) -> None:
    comment.hidden = hidden
    comment.save(update_fields=["hidden"])
    log_action("agenda.comment_hidden" if hidden else "agenda.comment_shown", actor=by, obj=comment)


# --- Moderation ---------------------------------------------------------------------------------


def author_may_edit(question: Question, user: Any) -> bool:
    """The person who proposed a question may still change it while nobody else has voted on
    it and no moderator has taken it further; after that, moderators edit it for clarity."""
    return (
        getattr(user, "pk", None) is not None
        and question.author_id == user.pk
        and question.status == QuestionStatus.PROPOSED
        and question.merged_into_id is None
        and not Vote.objects.filter(statement__question=question).exclude(voter=user).exists()
    )


def edit_question(
    question: Question,
    *,
    by: User,
    title: str,
    why: str,
    who: str,
    themes: Iterable[Theme],
    note: str = "",
) -> Question:
    """Edit for clarity. The text before the edit is kept as a revision."""
    title, why, who = _clean_question(title, why, who)
    changed = [
        name
        for name, value in (("title", title), ("why", why), ("who", who))
        if getattr(question, name) != value
    ]
    new_themes = set(themes)
    themes_changed = new_themes != set(question.themes.all())
    if not changed and not themes_changed:
        return question
    with transaction.atomic():
        if changed:
            QuestionRevision.objects.create(
                question=question,
                title=question.title,
                why=question.why,
                who=question.who,
                note=clean_line(note)[:300],
                edited_by=by,
            )
            question.title, question.why, question.who = title, why, who
            question.save(update_fields=["title", "why", "who", "updated"])
            Statement.objects.filter(question=question).update(text=_statement_text(title))
        if themes_changed:
            question.themes.set(list(new_themes))
        log_action(
            "agenda.question_edited",
            actor=by,
            obj=question,
            fields=changed + (["themes"] if themes_changed else []),
        )
    if changed:
        notify_followers(question, kind=NotificationKind.EDITED, by=by)
    return question


def set_status(
    question: Question,
    *,
    by: User,
    status: str,
    study_url: str = "",
    study_text: str = "",
    summary_url: str = "",
    summary_item: Any = None,
) -> None:
    """Set the status. "Answered" needs a summary: one published on this platform that is
    linked to the question (`summary_item`), or a link to one elsewhere (`summary_url`)."""
    if question.merged_into_id:
        raise AgendaError(_("This question was merged into another one."))
    if status not in QuestionStatus.values:
        raise AgendaError(_("Choose a status from the list."))
    study_text = clean_line(study_text)
    if status == QuestionStatus.STUDIED and not (study_url or study_text):
        raise AgendaError(_("Say which study works on this question: give a link or a few words."))
    if summary_item is not None and summary_item.pk not in {
        item.pk for item in published_items_for_question(question)
    }:
        raise AgendaError(_("Choose a published summary that answers this question."))
    if status == QuestionStatus.ANSWERED and not (summary_url or summary_item):
        raise AgendaError(
            _("Choose the summary of the answer, or give the link to a plain-language summary.")
        )
    old = question.status
    question.status = status
    question.study_url = study_url
    question.study_text = study_text[:300]
    question.summary_url = summary_url
    question.summary_item = summary_item
    question.save(
        update_fields=[
            "status",
            "study_url",
            "study_text",
            "summary_url",
            "summary_item",
            "updated",
        ]
    )
    log_action("agenda.status_set", actor=by, obj=question, old=old, new=status)
    if old != status:
        notify_followers(question, kind=NotificationKind.STATUS, by=by)


def merge_questions(duplicate: Question, *, into: Question, by: User) -> Question:
    """Merge a duplicate into the question kept.

    Votes, followers and comments move to the question kept. Someone who voted on both keeps
    the vote on the question kept; their vote on the duplicate stays with the duplicate as
    history, and the duplicate's statement no longer counts. The duplicate's page redirects.
    """
    if duplicate.pk == into.pk:
        raise AgendaError(_("A question cannot be merged into itself."))
    if into.merged_into_id:
        raise AgendaError(_("That question was itself merged. Choose the question it went into."))
    if duplicate.merged_into_id:
        raise AgendaError(_("This question was already merged."))
    with transaction.atomic():
        kept = Statement.objects.select_for_update().get(question=into)
        old = Statement.objects.select_for_update().get(question=duplicate)
        voted_on_kept = Vote.objects.filter(statement=kept).values("voter_id")
        moved_votes = (
            Vote.objects.filter(statement=old)
            .exclude(voter_id__in=voted_on_kept)
            .update(statement=kept)
        )
        followers = list(
            Follow.objects.filter(question=duplicate)
            .exclude(user__in=Follow.objects.filter(question=into).values("user"))
            .values_list("user_id", flat=True)
        )
        Follow.objects.bulk_create([Follow(question=into, user_id=pk) for pk in followers])
        moved_comments = Comment.objects.filter(question=duplicate).update(question=into)
        duplicate.merged_into = into
        duplicate.save(update_fields=["merged_into", "updated"])
        for earlier in Question.objects.filter(merged_into=duplicate):
            earlier.merged_into = into
            earlier.save(update_fields=["merged_into"])
        log_action(
            "agenda.question_merged",
            actor=by,
            obj=duplicate,
            into=into.pk,
            votes=moved_votes,
            followers=len(followers),
            comments=moved_comments,
        )
    notify_followers(into, kind=NotificationKind.MERGED, by=by)
    return into


def final_question(question: Question) -> Question:
    """The question a (possibly merged) question lives on in."""
    seen = {question.pk}
    while question.merged_into_id and question.merged_into_id not in seen:
        question = Question.objects.get(pk=question.merged_into_id)
        seen.add(question.pk)
    return question
