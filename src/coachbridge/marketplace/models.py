"""Offers and needs ("ik bied / ik zoek"), introductions between members, and digest state."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coachbridge.common import word_search
from coachbridge.common.models import Theme
from coachbridge.marketplace.enums import (
    Category,
    DigestFrequency,
    IntroductionStatus,
    PostKind,
    PostLanguage,
    PostStatus,
)

TITLE_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 5000  # title + text together, as the matching engine accepts


def post_search_text(title: str, text: str, language: str) -> str:
    """What a post can be found by: stems, compound parts and lexicon concepts, so a search in
    one language also finds posts in the other ("venue" finds "zaal")."""
    return word_search.search_text(f"{title}\n{text}", language, concepts=True)


class PostQuerySet(models.QuerySet["Post"]):
    def open(self) -> PostQuerySet:
        """Open and not past their end date: the posts others can find and match."""
        today = timezone.localdate()
        return self.filter(status=PostStatus.OPEN).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=today)
        )

    def public(self) -> PostQuerySet:
        return self.open().filter(is_public=True)


class Post(models.Model):
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="marketplace_posts"
    )
    kind = models.CharField(_("what kind of post"), max_length=10, choices=PostKind.choices)
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    text = models.TextField(_("text"))
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="marketplace_posts"
    )
    language = models.CharField(
        _("language of the text"), max_length=5, choices=PostLanguage.choices
    )
    meeting = models.ForeignKey(
        "events.Meeting",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="marketplace_posts",
    )
    insight = models.ForeignKey(
        "events.Insight", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PostStatus.choices, default=PostStatus.OPEN
    )
    is_public = models.BooleanField(_("also show to visitors without an account"), default=False)
    search_text = models.TextField(editable=False, default="")  # see common.word_search
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("marketplace post")
        verbose_name_plural = _("marketplace posts")
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"title", "text", "language"} & set(update_fields):
            self.search_text = post_search_text(self.title, self.text, self.language)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("marketplace:post-detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == PostStatus.OPEN and (
            self.ends_on is None or self.ends_on >= timezone.localdate()
        )

    @property
    def is_expired(self) -> bool:
        return self.ends_on is not None and self.ends_on < timezone.localdate()


class HiddenMatch(models.Model):
    """ "Not relevant": a match its post's author never wants to see again (also feedback)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="hidden_matches")
    other = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hidden match")
        verbose_name_plural = _("hidden matches")
        constraints = [models.UniqueConstraint(fields=["post", "other"], name="hide_a_match_once")]

    def __str__(self) -> str:
        return f"{self.post_id} x {self.other_id}"


class Introduction(models.Model):
    """A member asks to be introduced to the author of a matching post."""

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="introductions_asked"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="introductions_received"
    )
    requester_post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    recipient_post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=IntroductionStatus.choices,
        default=IntroductionStatus.REQUESTED,
    )
    created = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = pgettext_lazy("meeting two members", "introduction")
        verbose_name_plural = pgettext_lazy("meeting two members", "introductions")
        constraints = [
            models.UniqueConstraint(
                fields=["requester_post", "recipient_post"], name="one_introduction_per_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.requester} -> {self.recipient}"

    def get_absolute_url(self) -> str:
        return reverse("marketplace:introduction-detail", kwargs={"pk": self.pk})

    @property
    def is_accepted(self) -> bool:
        return self.status == IntroductionStatus.ACCEPTED

    def status_for(self, viewer: Any) -> str:
        """The status as ``viewer`` reads it: a request waits for *their* answer."""
        if self.status == IntroductionStatus.REQUESTED and viewer.pk == self.recipient_id:
            return str(_("Waiting for your answer"))
        return str(self.get_status_display())


class DigestSubscription(models.Model):
    """A member's choice for the digest of new matches, and when the last one went out."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="marketplace_digest"
    )
    frequency = models.CharField(
        _("e-mail with new matches"),
        max_length=10,
        choices=DigestFrequency.choices,
        default=DigestFrequency.WEEKLY,
    )
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("digest subscription")
        verbose_name_plural = _("digest subscriptions")

    def __str__(self) -> str:
        return f"{self.user}: {self.frequency}"


class DigestedMatch(models.Model):
    """A match that was in a digest already, so the next digest only has new ones."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "other"], name="digest_a_match_once")
        ]

    def __str__(self) -> str:
        return f"{self.post_id} x {self.other_id}"
