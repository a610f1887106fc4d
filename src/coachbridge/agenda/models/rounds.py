"""Priority-setting rounds the James Lind Alliance way: long list, interim survey, short list,
final workshop. Results are stored as snapshots so they never change afterwards."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coachbridge.agenda.enums import RoundStage
from coachbridge.agenda.models.question import Question


class PriorityRound(models.Model):
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=3000, blank=True)
    stage = models.CharField(
        _("stage"), max_length=12, choices=RoundStage.choices, default=RoundStage.DRAFT
    )
    pick_limit = models.PositiveSmallIntegerField(
        _("questions each person picks"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )
    shortlist_size = models.PositiveSmallIntegerField(
        _("size of the short list"),
        default=15,
        validators=[MinValueValidator(2), MaxValueValidator(60)],
        help_text=_("How many questions go on to the final workshop."),
    )
    top_size = models.PositiveSmallIntegerField(
        _("size of the top list"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )
    workshop = models.ForeignKey(
        "events.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("final workshop"),
    )
    reasoning = models.TextField(_("how the workshop chose"), max_length=5000, blank=True)
    interim_result = models.JSONField(default=dict, blank=True)
    final_result = models.JSONField(default=dict, blank=True)
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    shortlisted_at = models.DateTimeField(null=True, blank=True)
    finalised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("priority round")
        verbose_name_plural = _("priority rounds")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agenda:round-detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.stage == RoundStage.INTERIM


class RoundQuestion(models.Model):
    """A question on a round's long list."""

    round = models.ForeignKey(PriorityRound, on_delete=models.CASCADE, related_name="entries")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="round_entries")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "question"], name="agenda_round_question_once")
        ]

    def __str__(self) -> str:
        return f"{self.round_id}: {self.question_id}"


class Ballot(models.Model):
    """One person's interim-survey answer, with their roles when they voted."""

    round = models.ForeignKey(PriorityRound, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="agenda_ballots",
    )
    roles = models.JSONField(default=list)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["round", "voter"], name="agenda_one_ballot")]

    def __str__(self) -> str:
        return f"{self.round_id}: {self.voter_id}"


class Pick(models.Model):
    """A question a person picked; rank 1 is their most important question."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="picks")
    entry = models.ForeignKey(RoundQuestion, on_delete=models.CASCADE, related_name="picks")
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "entry"], name="agenda_pick_once"),
            models.UniqueConstraint(fields=["ballot", "rank"], name="agenda_pick_rank_once"),
        ]

    def __str__(self) -> str:
        return f"{self.ballot_id}: {self.entry_id} #{self.rank}"
