"""Pol.is-style statements and the agree / disagree / pass votes on them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coachbridge.agenda.enums import VoteValue
from coachbridge.agenda.models.question import Question

STATEMENT_MIN = 10
STATEMENT_MAX = 280


class StatementQuerySet(models.QuerySet["Statement"]):
    def active(self) -> StatementQuerySet:
        """Statements people can vote on: not hidden, not of a merged question."""
        return self.filter(hidden=False).exclude(question__merged_into__isnull=False)


class Statement(models.Model):
    """A short statement to vote on. Each question has one (its own text); members add more."""

    text = models.CharField(_("statement"), max_length=STATEMENT_MAX)
    question = models.OneToOneField(
        Question, null=True, blank=True, on_delete=models.CASCADE, related_name="statement"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden = models.BooleanField(_("hidden"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self) -> str:
        return self.text


class Vote(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_votes"
    )
    value = models.SmallIntegerField(_("vote"), choices=VoteValue.choices)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statement", "voter"], name="agenda_one_vote"),
            models.CheckConstraint(
                condition=models.Q(value__in=[-1, 0, 1]), name="agenda_vote_value"
            ),
        ]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")

    def __str__(self) -> str:
        return f"{self.voter_id}: {self.value} on {self.statement_id}"
