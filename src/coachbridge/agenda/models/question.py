"""Research questions of the agenda: their text and history, discussion, followers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coachbridge.agenda.enums import NotificationKind, QuestionStatus
from coachbridge.common.models import Theme

QUESTION_MAX = 300
WHY_MAX = 2000
WHO_MAX = 300
COMMENT_MAX = 2000


class QuestionQuerySet(models.QuerySet["Question"]):
    def current(self) -> QuestionQuerySet:
        """Questions that were not merged into another one."""
        return self.filter(merged_into__isnull=True)


class Question(models.Model):
    title = models.CharField(_("research question"), max_length=QUESTION_MAX)
    why = models.TextField(_("why it matters in practice"), max_length=WHY_MAX)
    who = models.CharField(_("who it concerns"), max_length=WHO_MAX, blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    insight = models.ForeignKey(
        "events.Insight",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("World Café insight"),
    )
    post = models.ForeignKey(
        "marketplace.Post",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("marketplace post"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=QuestionStatus.choices, default=QuestionStatus.PROPOSED
    )
    study_url = models.URLField(_("link to the study"), blank=True)
    study_text = models.CharField(_("about the study"), max_length=300, blank=True)
    summary_url = models.URLField(_("link to the plain-language summary"), blank=True)
    summary_item = models.ForeignKey(
        "knowledge.Item",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("summary on this platform"),
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("research question")
        verbose_name_plural = _("research questions")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agenda:question-detail", kwargs={"pk": self.pk})

    @property
    def answer_url(self) -> str:
        """Where the answer can be read: the chosen summary while it is published, else the link."""
        item = self.summary_item
        if item is not None and item.is_published:
            return str(item.get_absolute_url())
        return self.summary_url


class QuestionRevision(models.Model):
    """The text of a question before an edit, so every version stays readable."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=QUESTION_MAX)
    why = models.TextField(max_length=WHY_MAX)
    who = models.CharField(max_length=WHO_MAX, blank=True)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self) -> str:
        return self.title


class Comment(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(pgettext_lazy("discussion", "comment"), max_length=COMMENT_MAX)
    hidden = models.BooleanField(_("hidden"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = pgettext_lazy("discussion", "comment")
        verbose_name_plural = pgettext_lazy("discussion", "comments")

    def __str__(self) -> str:
        return self.text[:60]


class Follow(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_follows"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "user"], name="agenda_follow_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.question_id}"


class Notification(models.Model):
    """A change to a question someone follows; the text is rendered from `kind` when shown."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_notifications"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=NotificationKind.choices)
    created = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.question_id}"
