"""A coach's practice-based study: coachees and the people around them answer through links.

People without an account are a pseudonym code. Their e-mail address, when the coach or
coachee gives one, is stored sealed (sealing.py) and erased once it is no longer needed.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coachbridge.accounts.enums import InterfaceLanguage
from coachbridge.research.enums import (
    Moment,
    ParticipantRole,
    RaterGroup,
)

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: codes are read aloud
LINK_DAYS = {ParticipantRole.COACHEE: 365, ParticipantRole.RATER: 90}


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_code(prefix: str) -> str:
    return prefix + "-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(5))


class Study(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="studies"
    )
    title = models.CharField(_("title"), max_length=160)
    aim = models.TextField(
        _("what you want to learn"),
        max_length=2000,
        blank=True,
        help_text=_("For yourself: what do you want to find out in your practice?"),
    )
    agenda_question = models.ForeignKey(
        "agenda.Question",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practice_studies",
        verbose_name=_("research agenda question"),
    )
    created = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # coaches who joined to add coachees of their own practice; the owner leads the study
    coaches = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="StudyCoach", related_name="joined_studies"
    )
    join_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("practice study")
        verbose_name_plural = _("practice studies")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("research:study-detail", args=[self.pk])

    def get_join_url(self) -> str:
        return reverse("research:study-join", args=[self.join_token])

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class StudyCoach(models.Model):
    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="memberships")
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_memberships"
    )
    joined = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["joined", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["study", "coach"], name="research_unique_study_coach")
        ]

    def __str__(self) -> str:
        return f"{self.coach} in {self.study}"


class Participant(models.Model):
    """A coachee, or someone close to a coachee (a rater), known only by a code."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="participants")
    # the member whose practice this person belongs to: sees the coachee, their links and answers
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    role = models.CharField(max_length=10, choices=ParticipantRole.choices)
    coachee = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="raters"
    )
    group = models.CharField(_("who is it"), max_length=20, choices=RaterGroup.choices, blank=True)
    code = models.CharField(_("code"), max_length=12)
    sealed_email = models.TextField(blank=True)
    link_sent = models.BooleanField(default=False)  # by e-mail: the link is theirs alone
    language = models.CharField(
        _("language of the questions"),
        max_length=2,
        choices=InterfaceLanguage.choices,
        default=InterfaceLanguage.DUTCH,
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    end_opened_at = models.DateTimeField(null=True, blank=True)
    # when the person first opened their current link: from then on it is theirs alone, and the
    # coach no longer sees it (or could act as them); a new link starts unopened again
    link_opened_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    identifiable = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["study", "code"], name="research_unique_code"),
            models.CheckConstraint(
                condition=models.Q(role=ParticipantRole.COACHEE, coachee__isnull=True)
                | models.Q(role=ParticipantRole.RATER, coachee__isnull=False),
                name="research_rater_has_coachee",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def save(self, *args: object, **kwargs: object) -> None:
        if self.expires_at is None:
            self.expires_at = timezone.now() + timedelta(days=LINK_DAYS[self.role])
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_link_url(self) -> str:
        return reverse("research:link", args=[self.token])

    @property
    def is_coachee(self) -> bool:
        return self.role == ParticipantRole.COACHEE

    @property
    def link_works(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class Consent(models.Model):
    """One decision of one person: given or withdrawn, with the exact text version shown."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(max_length=20)
    text_version = models.CharField(max_length=30)
    language = models.CharField(max_length=2)
    given = models.BooleanField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]

    def __str__(self) -> str:
        return f"{self.purpose} {self.text_version} {'given' if self.given else 'withdrawn'}"


class Response(models.Model):
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="responses")
    moment = models.CharField(max_length=10, choices=Moment.choices)
    session = models.PositiveSmallIntegerField(null=True, blank=True)  # 1, 2, ... for check-ins
    instrument = models.CharField(max_length=30)
    answers = models.JSONField(default=dict)  # item code -> 1..5, or None for "don't know"
    comment = models.TextField(blank=True, max_length=2000)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "moment"],
                condition=~models.Q(moment=Moment.SESSION),
                name="research_one_response_per_moment",
            ),
            models.UniqueConstraint(
                fields=["participant", "session"],
                condition=models.Q(moment=Moment.SESSION),
                name="research_one_response_per_session",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.moment} ({self.instrument})"
