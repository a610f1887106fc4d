"""The report of a meeting, in the structure of the Impact Meeting report.

Introduction; a section per theme with its highlights; the marketplace; closing words; an
appendix with all insights grouped by theme and sub-theme. The platform writes a first version
from the synthesis; the organiser edits every section and publishes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coachbridge.accounts.enums import RoleCode
from coachbridge.accounts.models import User
from coachbridge.common.activity import log_action
from coachbridge.events.enums import RegistrationStatus, ReportVisibility
from coachbridge.events.models import (
    Cafe,
    CafeTheme,
    Insight,
    Meeting,
    Registration,
    Report,
    SubTheme,
)

SECTIONS_FIXED = ["title", "introduction", "marketplace", "closing"]


class ReportError(Exception):
    """A report action that cannot be done; the message says why."""


# --- Reading -----------------------------------------------------------------------------------


@dataclass
class SubThemePart:
    label: str
    keywords: list[str]
    highlights: list[str]
    insights: list[str]


@dataclass
class ThemePart:
    number: int
    theme: CafeTheme
    text: str
    subthemes: list[SubThemePart] = field(default_factory=list)
    loose: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return theme_key(self.theme)

    @property
    def has_highlights(self) -> bool:
        return any(part.highlights for part in self.subthemes)

    @property
    def insight_count(self) -> int:
        return sum(len(part.insights) for part in self.subthemes) + len(self.loose)


def theme_key(theme: CafeTheme) -> str:
    return f"theme-{theme.pk}"


def report_of(meeting: Meeting) -> Report | None:
    return Report.objects.filter(meeting=meeting).first()


def may_read(report: Report, user: Any) -> bool | None:
    """True if `user` may read it, None if they should log in first, False if not at all."""
    if getattr(user, "is_authenticated", False) and user.has_perm("events.manage_meetings"):
        return True
    if report.visibility == ReportVisibility.PUBLIC:
        return True
    if report.visibility == ReportVisibility.MEMBERS:
        return True if getattr(user, "is_authenticated", False) else None
    return False


def _shown_insights(report: Report) -> Any:
    return Insight.objects.filter(cafe__meeting=report.meeting, hidden=False)


def reported_insights(report: Report) -> Any:
    """The insights a report shows: once published, only those the organiser could check
    before publishing; notes that come in later (a harvest opened again) wait until the
    report is published again."""
    if report.published_at is None:
        return _shown_insights(report)
    return _shown_insights(report).filter(created__lte=report.published_at)


def insights_waiting(report: Report) -> int:
    """Insights that came in after the report was published and that it does not show yet."""
    if report.published_at is None:
        return 0
    return _shown_insights(report).filter(created__gt=report.published_at).count()


def theme_parts(report: Report) -> list[ThemePart]:
    """Every theme of the café with its text, sub-themes, highlights and insights (no authors)."""
    cafe = Cafe.objects.filter(meeting=report.meeting).first()
    if cafe is None:
        return []
    themes = list(cafe.themes.all())
    subthemes = list(SubTheme.objects.filter(theme__cafe=cafe).order_by("position", "pk"))
    insights = list(
        reported_insights(report)
        .order_by("pk")
        .values_list("theme_id", "subtheme_id", "text", "is_highlight")
    )
    parts = []
    for number, theme in enumerate(themes, 1):
        own = [row for row in insights if row[0] == theme.pk]
        part = ThemePart(
            number=number, theme=theme, text=report.theme_texts.get(theme_key(theme), "")
        )
        for subtheme in subthemes:
            if subtheme.theme_id != theme.pk:
                continue
            rows = [row for row in own if row[1] == subtheme.pk]
            if rows:
                part.subthemes.append(
                    SubThemePart(
                        label=subtheme.label,
                        keywords=list(subtheme.keywords),
                        highlights=[row[2] for row in rows if row[3]],
                        insights=[row[2] for row in rows],
                    )
                )
        part.loose = [row[2] for row in own if row[1] is None]
        parts.append(part)
    return parts


# --- Writing -----------------------------------------------------------------------------------


def _took_part(meeting: Meeting) -> QuerySet[Registration]:
    """Those checked in, when check-in was used; else everyone still registered."""
    registrations = meeting.registrations.filter(status=RegistrationStatus.REGISTERED)
    checked_in = registrations.filter(checked_in_at__isnull=False)
    return checked_in if checked_in.exists() else registrations


def _role_counts(people: QuerySet[Registration]) -> str:
    counts: dict[str, int] = {}
    for role in people.values_list("role", flat=True):
        counts[role] = counts.get(role, 0) + 1
    labels = dict(RoleCode.choices)
    return ", ".join(
        f"{str(labels.get(role, role)).lower()}: {count}"
        for role, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )


def draft_introduction(meeting: Meeting, themes: list[CafeTheme]) -> str:
    day = formats.date_format(timezone.localtime(meeting.starts_at), "j F Y")
    took_part = _took_part(meeting)
    people = took_part.count()
    text = (
        _("On %(day)s the meeting “%(title)s” took place.") % {"day": day, "title": meeting.title}
        if not meeting.place
        else _("On %(day)s the meeting “%(title)s” took place in %(place)s.")
        % {"day": day, "title": meeting.title, "place": meeting.place}
    )
    if people:
        text += " " + ngettext(
            "%(count)d person took part (%(roles)s).",
            "%(count)d people took part (%(roles)s).",
            people,
        ) % {"count": people, "roles": _role_counts(took_part)}
    if themes:
        listed = "; ".join(f"{number}) {theme.title}" for number, theme in enumerate(themes, 1))
        text += " " + ngettext(
            "In a World Café we talked about one theme: %(themes)s.",
            "In a World Café we talked about %(count)d themes: %(themes)s.",
            len(themes),
        ) % {"count": len(themes), "themes": listed}
    return text


def draft_theme_text(part: ThemePart) -> str:
    labels = [f"“{sub.label}”" for sub in part.subthemes]
    if not labels:
        return ""
    return _("At the theme “%(theme)s” these topics came up, among others: %(topics)s.") % {
        "theme": part.theme.title,
        "topics": get_text_list(labels, _("and")),
    }


@transaction.atomic
def generate_report(meeting: Meeting, *, by: User | None) -> Report:
    """Write the report from the synthesis. An existing report keeps its title, visibility,
    marketplace and closing words; introduction and theme texts are written again."""
    report = report_of(meeting) or Report(meeting=meeting, title=meeting.title)
    is_new = report.pk is None
    if is_new:
        report.marketplace_text = _(
            "There was also a marketplace, where participants showed what they were looking "
            "for and what they had to offer."
        )
    report.theme_texts = {}
    parts = theme_parts(report)
    report.introduction = draft_introduction(meeting, [part.theme for part in parts])
    report.theme_texts = {part.key: draft_theme_text(part) for part in parts}
    report.updated_by = by
    report.save()
    log_action("report.created" if is_new else "report.generated", actor=by, obj=report)
    return report


def section_keys(report: Report) -> list[str]:
    themes = [part.key for part in theme_parts(report)]
    return ["title", "introduction", *themes, "marketplace", "closing"]


def update_section(report: Report, *, section: str, text: str, by: User) -> None:
    text = text.strip()
    if section == "title":
        if not text:
            raise ReportError(_("The report needs a title."))
        report.title = text[:200]
    elif section == "introduction":
        report.introduction = text
    elif section == "marketplace":
        report.marketplace_text = text
    elif section == "closing":
        report.closing = text
    elif section in section_keys(report):
        report.theme_texts = {**report.theme_texts, section: text}
    else:
        raise ReportError(_("This part of the report does not exist."))
    report.updated_by = by
    report.save()
    log_action("report.section_updated", actor=by, obj=report, section=section)


def set_visibility(report: Report, *, visibility: str, by: User) -> None:
    if visibility not in ReportVisibility.values:
        raise ReportError(_("Choose who may read the report."))
    report.visibility = visibility
    # publishing (again) takes in the insights that came in up to now
    report.published_at = None if visibility == ReportVisibility.DRAFT else timezone.now()
    report.updated_by = by
    report.save(update_fields=["visibility", "published_at", "updated_by", "updated"])
    log_action("report.visibility_set", actor=by, obj=report, visibility=visibility)
