from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    CANCELLED = "cancelled", pgettext_lazy("registration", "Cancelled")


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    MONTHLY_WEEKDAY = "monthly-weekday", _("Every month, on the same weekday")


class PlanStatus(models.TextChoices):
    COMPUTING = "computing", _("Being computed")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class ReportVisibility(models.TextChoices):
    DRAFT = "draft", _("Not published")
    MEMBERS = "members", _("Members of the network")
    PUBLIC = "public", _("Everyone")
