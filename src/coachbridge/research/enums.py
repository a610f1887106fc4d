from django.db import models
from django.utils.translation import gettext_lazy as _


class ParticipantRole(models.TextChoices):
    COACHEE = "coachee", _("Coachee")
    RATER = "rater", _("Someone close by")


class RaterGroup(models.TextChoices):
    PARTNER = "partner", _("Partner")
    COLLEAGUE = "colleague", _("Colleague or manager")
    FAMILY_FRIEND = "family_friend", _("Family or friend")
    OTHER = "other", _("Someone else")


class Moment(models.TextChoices):
    START = "start", _("Start")
    END = "end", _("End")
    SESSION = "session", _("After a session")
    NETWORK = "network", _("People close by")
