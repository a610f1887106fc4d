from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ItemKind(models.TextChoices):
    SUMMARY = "summary", _("Research summary")
    DEBUNK = "debunk", _("Debunk")


class ItemStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("knowledge status", "Draft")
    IN_REVIEW = "review", pgettext_lazy("knowledge status", "In review")
    PUBLISHED = "published", pgettext_lazy("knowledge status", "Published")


class Evidence(models.TextChoices):
    """How strong the evidence is: a simple scale, explained on every page that shows it."""

    SINGLE = "single", _("One study")
    SEVERAL = "several", _("Several studies")
    REVIEW = "review", _("Systematic review or meta-analysis")


class Language(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")


# The sections of each kind, in reading order (field name, label).
SUMMARY_SECTIONS = [
    ("question", _("The question")),
    ("method", _("What was done")),
    ("findings", _("What was found")),
    ("practice", _("What it means for coaching practice")),
    ("limitations", _("Limitations")),
]
# The structure of the Debunking Handbook 2020: fact, myth (named once), fallacy, fact again.
DEBUNK_SECTIONS = [
    ("fact", _("The fact")),
    ("myth", _("The myth")),
    ("fallacy", _("Why the myth is misleading")),
    ("fact_again", _("The fact again")),
    ("instead", _("What to do instead")),
]
ALL_SECTIONS = SUMMARY_SECTIONS + DEBUNK_SECTIONS


def sections_for(kind: str) -> list[tuple[str, object]]:
    return DEBUNK_SECTIONS if kind == ItemKind.DEBUNK else SUMMARY_SECTIONS


# Who counts as "a coach or practitioner" for a review (role codes of the member's profile).
PRACTITIONER_ROLES = frozenset({"coach", "psychologist"})
