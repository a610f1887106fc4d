from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PostKind(models.TextChoices):
    NEED = "need", _("I am looking for")
    OFFER = "offer", _("I offer")


class Category(models.TextChoices):
    """The kinds of help of issue 4; the codes are the matching engine's categories."""

    KNOWLEDGE = "knowledge", _("Knowledge or expertise")
    PARTICIPANTS = "participants", _("Research participants")
    DATA = "data", _("Data or material")
    COLLABORATION = "collaboration", _("Collaboration or co-author")
    SUPERVISION = "supervision", _("Supervision or mentoring")
    VENUE = "venue", _("Venue or facilities")
    SPEAKER = "speaker", _("Speaker")
    FUNDING = "funding", _("Funding partner")
    OTHER = "other", pgettext_lazy("category", "Other")


class PostStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("post", "Open")
    PAUSED = "paused", _("Paused")
    CLOSED = "closed", pgettext_lazy("post", "Closed")


class PostLanguage(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")


class IntroductionStatus(models.TextChoices):
    REQUESTED = "requested", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class DigestFrequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    OFF = "off", _("Never")
