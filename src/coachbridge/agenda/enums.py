from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class QuestionStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("question status", "Proposed")
    PRIORITISED = "prioritised", pgettext_lazy("question status", "Prioritised")
    STUDIED = "studied", pgettext_lazy("question status", "Being studied")
    ANSWERED = "answered", pgettext_lazy("question status", "Answered")


class VoteValue(models.IntegerChoices):
    AGREE = 1, _("Agree")
    DISAGREE = -1, _("Disagree")
    PASS = 0, _("Pass / unsure")


class RoundStage(models.TextChoices):
    """The steps of a James Lind Alliance priority-setting round."""

    DRAFT = "draft", pgettext_lazy("round stage", "Long list in preparation")
    INTERIM = "interim", pgettext_lazy("round stage", "Open: pick your top questions")
    SHORTLISTED = "shortlisted", pgettext_lazy("round stage", "Short list made")
    FINAL = "final", pgettext_lazy("round stage", "Top list settled")


class NotificationKind(models.TextChoices):
    COMMENT = "comment", _("New comment")
    EDITED = "edited", _("Question edited")
    STATUS = "status", _("Status changed")
    MERGED = "merged", _("Question merged")
    SUMMARY = "summary", _("New summary")


# The two sides whose views the agenda shows side by side (accounts.RoleCode values).
COACH = "coach"
RESEARCHER = "researcher"
