"""Access helpers: load the agenda's objects only for those who may see or change them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from coachbridge.agenda.models import Comment, PriorityRound, Question, Statement
from coachbridge.agenda.services.questions import author_may_edit
from coachbridge.agenda.services.rounds import with_published_workshop


def can_moderate(user: object) -> bool:
    return bool(getattr(user, "has_perm", None) and user.has_perm("agenda.moderate"))


def require_moderator(request: HttpRequest) -> None:
    if not can_moderate(request.user):
        raise PermissionDenied


def get_question(pk: int) -> Question:
    """Any question, merged ones included (their page redirects to the question kept)."""
    return get_object_or_404(Question, pk=pk)


def get_question_to_moderate(request: HttpRequest, pk: int) -> Question:
    question = get_object_or_404(Question, pk=pk)
    require_moderator(request)
    return question


def get_question_to_edit(request: HttpRequest, pk: int) -> Question:
    """Moderators edit any question; its author only while nobody else has voted on it."""
    question = get_object_or_404(Question, pk=pk)
    if not (can_moderate(request.user) or author_may_edit(question, request.user)):
        raise PermissionDenied
    return question


def get_comment_to_moderate(request: HttpRequest, pk: int) -> Comment:
    comment = get_object_or_404(Comment.objects.select_related("question"), pk=pk)
    require_moderator(request)
    return comment


def get_statement_to_vote(pk: int) -> Statement:
    """A statement people may vote on; hidden and merged ones are a 404."""
    statement = Statement.objects.active().select_related("question").filter(pk=pk).first()
    if statement is None:
        raise Http404
    return statement


def get_statement_to_moderate(request: HttpRequest, pk: int) -> Statement:
    statement = get_object_or_404(Statement, pk=pk)
    require_moderator(request)
    return statement


def get_round(pk: int) -> PriorityRound:
    return get_object_or_404(with_published_workshop(PriorityRound.objects.all()), pk=pk)


def get_round_to_manage(request: HttpRequest, pk: int) -> PriorityRound:
    priority_round = get_round(pk)
    require_moderator(request)
    return priority_round
