"""The harvest of a World Café: insights from the tables, and their synthesis into sub-themes.

Insights come in from phones (a table's link, or a guest's personal link); the themes engine
groups them per café theme; the organiser corrects the grouping by hand, and a few insights
placed by hand guide the next grouping (docs/user/harvest-and-report.md).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coachbridge.accounts.models import User
from coachbridge.common.activity import log_action
from coachbridge.common.ratelimit import over_limit
from coachbridge.engine.themes import Guide, Note, find_themes
from coachbridge.events.enums import RegistrationStatus
from coachbridge.events.models import (
    Cafe,
    CafeTable,
    CafeTheme,
    Insight,
    Meeting,
    Registration,
    SeatingPlan,
    SubTheme,
)
from coachbridge.events.models.harvest import INSIGHT_MAX_LENGTH

INSIGHT_MIN_LENGTH = 3
DOUBLE_TAP = dt.timedelta(minutes=2)  # the same note again this soon is the same note
# At most this many insights per minute through one link (a table's or a person's) ...
RATE_LIMIT_PER_LINK = 20
# ... and from one person, whatever link they use.
RATE_LIMIT_PER_PERSON = 6
SUBTHEME_LABEL_MAX = 150

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class HarvestError(Exception):
    """A harvest action that cannot be done; the message says why."""


# --- Reading ------------------------------------------------------------------------------------


def cafe_of(meeting: Meeting) -> Cafe | None:
    return Cafe.objects.filter(meeting=meeting).first()


def visible_insights(cafe: Cafe):
    return cafe.insights.filter(hidden=False)


def seat_of(registration: Registration, cafe: Cafe) -> CafeTable | None:
    """The table where the seating plan puts this person in the current round, if known."""
    if not cafe.current_round:
        return None
    plan = cafe.plans.filter(status="ready").order_by("-created", "-pk").first()
    if not isinstance(plan, SeatingPlan):
        return None
    tables = plan.seats.get(str(cafe.current_round), {})
    for label, people in tables.items():
        if registration.pk in people or str(registration.pk) in people:
            return cafe.tables.filter(label=label).first()
    return None


# --- Adding insights ---------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """Control characters out, white space folded. Text is kept as typed, "<" included
    ("coach<->coachee"): every page, export and document escapes it when it shows it."""
    return " ".join(_CONTROL.sub("", text or "").split())


def _check_rate(keys: Iterable[tuple[str, int]]) -> None:
    """Raises when one of the keys is over its limit in the last minute."""
    if over_limit((f"harvest:{key}", limit) for key, limit in keys):
        raise HarvestError(
            _("You have added many insights in a short time. Please wait a minute and try again.")
        )


def may_write(cafe: Cafe) -> None:
    if cafe.harvest_open:
        return
    if not cafe.harvest_started:
        raise HarvestError(
            _("The harvest of this meeting has not started yet. You cannot add insights yet.")
        )
    raise HarvestError(_("The harvest of this meeting is closed. You can no longer add insights."))


def add_insight(
    cafe: Cafe,
    *,
    text: str,
    theme: CafeTheme | None = None,
    table: CafeTable | None = None,
    author: Registration | None = None,
    by: User | None = None,
    link: str = "",
) -> Insight:
    """Store one insight from a table. `link` is the token of the link it came through; with
    `author` or `by` it keys the rate limits."""
    may_write(cafe)
    if author is not None and author.status != RegistrationStatus.REGISTERED:
        raise HarvestError(_("Your registration is cancelled, so you cannot add insights."))
    if table is not None and table.cafe_id != cafe.pk:
        raise HarvestError(_("This table is not part of this meeting."))
    theme = theme or (table.theme if table else None)
    if theme is None or theme.cafe_id != cafe.pk:
        raise HarvestError(_("Choose the theme of your table."))
    text = clean_text(text)
    if len(text) < INSIGHT_MIN_LENGTH:
        raise HarvestError(_("Write a few words, please."))
    if len(text) > INSIGHT_MAX_LENGTH:
        raise HarvestError(
            _("Keep it short: at most %(max)d characters.") % {"max": INSIGHT_MAX_LENGTH}
        )
    same_note = Insight.objects.filter(
        cafe=cafe,
        theme=theme,
        table=table,
        author=author,
        text=text,
        created__gte=timezone.now() - DOUBLE_TAP,
    ).first()
    if same_note is not None:  # a button tapped twice, or a form sent again
        return same_note
    limits: list[tuple[str, int]] = []
    if link:
        limits.append((f"link:{link}", RATE_LIMIT_PER_LINK))
    if author is not None:
        limits.append((f"registration:{author.pk}", RATE_LIMIT_PER_PERSON))
    elif by is not None and by.pk:
        limits.append((f"user:{by.pk}", RATE_LIMIT_PER_PERSON))
    _check_rate(limits)
    insight = Insight.objects.create(
        cafe=cafe,
        theme=theme,
        table=table,
        round_number=cafe.current_round or None,
        text=text,
        author=author,
    )
    log_action("harvest.insight_added", actor=by, obj=insight, table=table.label if table else "")
    return insight


def author_for(cafe: Cafe, user: User) -> Registration | None:
    """A member's own registration for the meeting, if they have one."""
    if not getattr(user, "is_authenticated", False):
        return None
    return cafe.meeting.registrations.filter(user=user).first()


# --- Organiser: moderation --------------------------------------------------------------------


def set_harvest_open(cafe: Cafe, *, is_open: bool, by: User) -> None:
    cafe.harvest_open = is_open
    cafe.harvest_started = cafe.harvest_started or is_open
    cafe.save(update_fields=["harvest_open", "harvest_started"])
    log_action("harvest.opened" if is_open else "harvest.closed", actor=by, obj=cafe)


def set_hidden(insight: Insight, *, hidden: bool, by: User) -> None:
    """Hide an insight (e.g. it names a person); it leaves the wall, the synthesis and report."""
    insight.hidden = hidden
    fields = ["hidden"]
    if hidden:
        insight.subtheme = None
        insight.is_highlight = False
        insight.placed_by_hand = False
        fields += ["subtheme", "is_highlight", "placed_by_hand"]
    insight.save(update_fields=fields)
    log_action(
        "harvest.insight_hidden" if hidden else "harvest.insight_shown", actor=by, obj=insight
    )


# --- Synthesis ---------------------------------------------------------------------------------


def synthesise(cafe: Cafe, *, by: User | None, start_over: bool = False) -> int:
    """Group the visible insights of every theme into sub-themes; returns how many there are.

    Insights placed by hand stay where they are and guide the others. `start_over` forgets
    the hand sorting first.
    """
    total = 0
    for theme in cafe.themes.all():
        total += synthesise_theme(theme, start_over=start_over)
    log_action("harvest.synthesised", actor=by, obj=cafe, subthemes=total, start_over=start_over)
    return total


def _fallback_label(text: str) -> str:
    words = text.split()
    return " ".join(words[:4])[:SUBTHEME_LABEL_MAX]


@transaction.atomic
def synthesise_theme(theme: CafeTheme, *, start_over: bool = False) -> int:
    insights = list(theme.insights.filter(hidden=False).order_by("pk"))
    theme.insights.filter(hidden=True).update(subtheme=None, is_highlight=False)
    if start_over:
        theme.insights.update(placed_by_hand=False)
        for insight in insights:
            insight.placed_by_hand = False
    old = list(theme.subthemes.order_by("position", "pk"))
    if not insights:
        theme.subthemes.all().delete()
        return 0
    pinned: dict[int, list[Insight]] = {}
    for insight in insights:
        if insight.placed_by_hand and insight.subtheme_id:
            pinned.setdefault(insight.subtheme_id, []).append(insight)
    guide_subthemes = [subtheme for subtheme in old if subtheme.pk in pinned]
    guides = [
        Guide(
            label=subtheme.label,
            examples=tuple(str(insight.pk) for insight in pinned[subtheme.pk]),
        )
        for subtheme in guide_subthemes
    ]
    notes = [Note(id=str(insight.pk), text=insight.text) for insight in insights]
    if guides:
        found = find_themes(notes, k=max(len(guides), len(old)), guide=guides)
    elif len(notes) == 1:
        found = []
    else:
        found = find_themes(notes)

    by_id = {str(insight.pk): insight for insight in insights}
    keep: set[int] = set()
    highlights: set[str] = set()
    if not found:  # a single insight: its own sub-theme
        found_groups = [(_fallback_label(insights[0].text), (), (notes[0].id,), (notes[0].id,))]
    else:
        found_groups = [(t.label, t.keywords, t.notes, t.highlights) for t in found]
    for position, (label, keywords, note_ids, highlight_ids) in enumerate(found_groups):
        if position < len(guide_subthemes):
            subtheme = guide_subthemes[position]
            subtheme.keywords = list(keywords)
            subtheme.position = position
            subtheme.save(update_fields=["keywords", "position"])
        else:
            subtheme = SubTheme.objects.create(
                theme=theme,
                label=(label or _fallback_label(by_id[note_ids[0]].text))[:SUBTHEME_LABEL_MAX],
                keywords=list(keywords),
                position=position,
            )
        keep.add(subtheme.pk)
        highlights.update(highlight_ids)
        for note_id in note_ids:
            by_id[note_id].subtheme = subtheme
    for insight in insights:
        insight.is_highlight = str(insight.pk) in highlights
    Insight.objects.bulk_update(insights, ["subtheme", "is_highlight", "placed_by_hand"])
    theme.subthemes.exclude(pk__in=keep).delete()
    return len(keep)


def _pin_highlights(subtheme: SubTheme) -> None:
    """A sub-theme the organiser worked on survives the next grouping: its highlights (or, if
    it has none, its first insight) become examples of it."""
    insights = subtheme.insights.filter(hidden=False)
    chosen = insights.filter(is_highlight=True) or insights.order_by("pk")[:1]
    Insight.objects.filter(pk__in=[insight.pk for insight in chosen]).update(placed_by_hand=True)


def _clean_label(label: str) -> str:
    label = clean_text(label)[:SUBTHEME_LABEL_MAX]
    if not label:
        raise HarvestError(_("Give the sub-theme a name."))
    return label


@transaction.atomic
def rename_subtheme(subtheme: SubTheme, *, label: str, by: User) -> None:
    old = subtheme.label
    subtheme.label = _clean_label(label)
    subtheme.save(update_fields=["label"])
    _pin_highlights(subtheme)
    log_action("harvest.subtheme_renamed", actor=by, obj=subtheme, old=old, new=subtheme.label)


@transaction.atomic
def merge_subthemes(subtheme: SubTheme, *, into: SubTheme, by: User) -> None:
    """Put all insights of `subtheme` into `into` (same theme) and remove `subtheme`."""
    if into.pk == subtheme.pk or into.theme_id != subtheme.theme_id:
        raise HarvestError(_("Choose another sub-theme of the same theme."))
    _pin_highlights(subtheme)
    _pin_highlights(into)
    moved = subtheme.insights.update(subtheme=into)
    log_action("harvest.subthemes_merged", actor=by, obj=into, merged=subtheme.label, moved=moved)
    subtheme.delete()


@transaction.atomic
def move_insights(
    insights: list[Insight],
    *,
    theme: CafeTheme,
    to: SubTheme | None = None,
    new_label: str = "",
    by: User,
) -> SubTheme:
    """Move insights by hand into a sub-theme, or into a new one (this splits a sub-theme).

    Moved insights are "placed by hand": the next grouping keeps them there and lets similar
    insights follow. Sub-themes left empty are removed.
    """
    if not insights:
        raise HarvestError(_("Choose at least one insight."))
    if any(insight.theme_id != theme.pk for insight in insights):
        raise HarvestError(_("You can only move insights within their theme."))
    if to is None:
        to = SubTheme.objects.create(
            theme=theme,
            label=_clean_label(new_label),
            position=theme.subthemes.count(),
        )
    elif to.theme_id != theme.pk:
        raise HarvestError(_("Choose a sub-theme of the same theme."))
    sources = {insight.subtheme_id for insight in insights} - {None, to.pk}
    Insight.objects.filter(pk__in=[insight.pk for insight in insights]).update(
        subtheme=to, placed_by_hand=True
    )
    SubTheme.objects.filter(pk__in=sources, insights__isnull=True).delete()
    log_action(
        "harvest.insights_moved",
        actor=by,
        obj=to,
        insights=sorted(insight.pk for insight in insights),
    )
    return to


def set_highlight(insight: Insight, *, highlight: bool, by: User) -> None:
    insight.is_highlight = highlight
    insight.save(update_fields=["is_highlight"])
    log_action("harvest.highlight_set", actor=by, obj=insight, highlight=highlight)


def synthesis_overview(cafe: Cafe) -> list[dict[str, Any]]:
    """Per theme: its sub-themes with their insights, and the insights not grouped yet."""
    themes = list(cafe.themes.all())
    subthemes = list(SubTheme.objects.filter(theme__cafe=cafe).order_by("position", "pk"))
    insights = list(visible_insights(cafe).select_related("table").order_by("-is_highlight", "pk"))
    per_subtheme: dict[int, list[Insight]] = {}
    loose: dict[int, list[Insight]] = {}
    for insight in insights:
        if insight.subtheme_id:
            per_subtheme.setdefault(insight.subtheme_id, []).append(insight)
        else:
            loose.setdefault(insight.theme_id, []).append(insight)
    return [
        {
            "theme": theme,
            "subthemes": [
                {"subtheme": subtheme, "insights": per_subtheme.get(subtheme.pk, [])}
                for subtheme in subthemes
                if subtheme.theme_id == theme.pk
            ],
            "loose": loose.get(theme.pk, []),
            "count": sum(1 for insight in insights if insight.theme_id == theme.pk),
        }
        for theme in themes
    ]
