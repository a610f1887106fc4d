"""The World Café of a meeting: themes, tables with hosts, rounds, and the seating plan."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from coachbridge.events.enums import PlanStatus
from coachbridge.events.models.meeting import Meeting, Registration, new_token

ROUND_MINUTES_MAX = 240


class Cafe(models.Model):
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="cafe")
    visit_each_theme_once = models.BooleanField(
        _("everyone visits each theme at most once"), default=True
    )
    mix_roles = models.BooleanField(_("mix backgrounds at every table"), default=True)
    keep_apart = models.JSONField(
        _("people kept apart"),
        default=list,
        blank=True,
        help_text=_("Groups of registration numbers that should not sit at one table."),
    )
    keep_together = models.JSONField(
        _("people kept together"),
        default=list,
        blank=True,
        help_text=_("Groups of registration numbers that should sit at one table."),
    )
    current_round = models.PositiveSmallIntegerField(_("current round"), default=0)
    round_started_at = models.DateTimeField(_("round started at"), null=True, blank=True)
    harvest_open = models.BooleanField(_("harvest open"), default=False)
    # Tells a harvest that has not started yet from one that is closed again.
    harvest_started = models.BooleanField(_("harvest started"), default=False)
    wall_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    class Meta:
        verbose_name = _("World Café")
        verbose_name_plural = _("World Cafés")

    def __str__(self) -> str:
        return str(self.meeting)


class CafeTheme(models.Model):
    cafe = models.ForeignKey(Cafe, on_delete=models.CASCADE, related_name="themes")
    title = models.CharField(_("theme"), max_length=150)
    question = models.TextField(_("guiding question"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("café theme")
        verbose_name_plural = _("café themes")

    def __str__(self) -> str:
        return self.title


class CafeTable(models.Model):
    cafe = models.ForeignKey(Cafe, on_delete=models.CASCADE, related_name="tables")
    label = models.CharField(_("table"), max_length=20)
    theme = models.ForeignKey(
        CafeTheme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tables",
    )
    capacity = models.PositiveSmallIntegerField(
        _("seats"),
        default=5,
        validators=[MinValueValidator(1, _("A table has at least 1 seat."))],
    )
    host = models.ForeignKey(
        Registration,
        verbose_name=_("host"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_tables",
    )
    harvest_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    class Meta:
        ordering = ["label", "pk"]
        verbose_name = _("café table")
        verbose_name_plural = _("café tables")
        constraints = [
            models.UniqueConstraint(fields=["cafe", "label"], name="unique_table_label"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def display_name(self) -> str:
        """The table as a guest picks it on a phone: "T2 · Bruggen naar de praktijk"."""
        return f"{self.label} · {self.theme.title}" if self.theme_id else self.label


class CafeRound(models.Model):
    cafe = models.ForeignKey(Cafe, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("round"))
    minutes = models.PositiveSmallIntegerField(
        _("length in minutes"),
        default=20,
        validators=[
            MinValueValidator(1, _("A round lasts at least 1 minute.")),
            MaxValueValidator(
                ROUND_MINUTES_MAX, _("A round lasts at most %(limit_value)d minutes.")
            ),
        ],
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("café round")
        verbose_name_plural = _("café rounds")
        constraints = [
            models.UniqueConstraint(fields=["cafe", "number"], name="unique_round_number"),
        ]

    def __str__(self) -> str:
        return f"{self.cafe} #{self.number}"

    @property
    def display_name(self) -> str:
        """The round as organisers name it on their pages: "Ronde 2"."""
        return str(_("Round %(number)s") % {"number": self.number})


class SeatingPlan(models.Model):
    """A computed (and maybe hand-edited) plan: who sits at which table in every round.

    `seats` is {"1": {"T1": [registration ids], ...}, ...}, keyed by round number and table
    label; `metrics` is what the seating engine measured for it.
    """

    cafe = models.ForeignKey(Cafe, on_delete=models.CASCADE, related_name="plans")
    status = models.CharField(
        _("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.COMPUTING
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    seats = models.JSONField(default=dict, blank=True)
    metrics = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    seed = models.PositiveIntegerField(default=1)
    fixed_until_round = models.PositiveSmallIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]
        get_latest_by = "created"
        verbose_name = _("seating plan")
        verbose_name_plural = _("seating plans")

    def __str__(self) -> str:
        return f"{self.cafe} ({self.created:%Y-%m-%d %H:%M})"
