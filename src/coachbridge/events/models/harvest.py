"""What a World Café yields: insights from the tables, sub-themes, and the report."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coachbridge.events.enums import ReportVisibility
from coachbridge.events.models.cafe import Cafe, CafeTable, CafeTheme
from coachbridge.events.models.meeting import Meeting, Registration

INSIGHT_MAX_LENGTH = 500


class SubTheme(models.Model):
    """A group of insights within a café theme, found by the engine or made by hand."""

    theme = models.ForeignKey(CafeTheme, on_delete=models.CASCADE, related_name="subthemes")
    label = models.CharField(_("label"), max_length=150)
    keywords = models.JSONField(_("key words"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["theme", "position", "pk"]
        verbose_name = _("sub-theme")
        verbose_name_plural = _("sub-themes")

    def __str__(self) -> str:
        return self.label


class Insight(models.Model):
    cafe = models.ForeignKey(Cafe, on_delete=models.CASCADE, related_name="insights")
    theme = models.ForeignKey(CafeTheme, on_delete=models.CASCADE, related_name="insights")
    table = models.ForeignKey(
        CafeTable, null=True, blank=True, on_delete=models.SET_NULL, related_name="insights"
    )
    round_number = models.PositiveSmallIntegerField(_("round"), null=True, blank=True)
    text = models.TextField(_("insight"), max_length=INSIGHT_MAX_LENGTH)
    author = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="insights"
    )
    subtheme = models.ForeignKey(
        SubTheme, null=True, blank=True, on_delete=models.SET_NULL, related_name="insights"
    )
    is_highlight = models.BooleanField(_("highlight"), default=False)
    placed_by_hand = models.BooleanField(default=False)
    hidden = models.BooleanField(_("hidden"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("insight")
        verbose_name_plural = _("insights")

    def __str__(self) -> str:
        return self.text[:60]


class Report(models.Model):
    """The report of a meeting, in the structure of the Impact Meeting report."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="report")
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    theme_texts = models.JSONField(default=dict, blank=True)  # {theme id: text}
    marketplace_text = models.TextField(_("marketplace"), blank=True)
    closing = models.TextField(_("closing words"), blank=True)
    visibility = models.CharField(
        _("who may read it"),
        max_length=10,
        choices=ReportVisibility.choices,
        default=ReportVisibility.DRAFT,
    )
    published_at = models.DateTimeField(null=True, blank=True)
    updated = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return self.title
