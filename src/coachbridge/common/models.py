from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Theme(models.Model):
    """A theme of the network, shared by profiles, posts, questions and summaries.

    Stored with a Dutch and an English name (one row, two fields) because staff add themes
    and both languages must show the same theme.
    """

    slug = models.SlugField(unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if translation.get_language() == "en" else self.name_nl


class ActivityLog(models.Model):
    """Who changed what, when: the audit trail of every state-changing service."""

    actor = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=80)
    object_type = models.CharField(_("object type"), max_length=80, blank=True)
    object_id = models.CharField(_("object id"), max_length=40, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    created = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("activity log entry")
        verbose_name_plural = _("activity log")

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} {self.action}"
