"""A first draft of a plain-language summary of a study's results, for the knowledge hub.

The coach edits it before anyone reads it; the draft only saves typing the numbers over. It
uses the same summaries as the study page, so it says nothing the page does not show.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.template.defaultfilters import floatformat
from django.utils.translation import get_language, ngettext, ngettext_lazy
from django.utils.translation import gettext as _

from coachbridge.common.models import Theme
from coachbridge.research.enums import Moment
from coachbridge.research.models import Participant, Study
from coachbridge.research.results import coachee_changes, network_summary, raters_of

SUMMARY_THEMES = ("practice-research", "ripple-effect")


def _number(value: float) -> str:
    """Rounded to one decimal like the study page shows it (number_format cuts digits off)."""
    return floatformat(value, 1)


def _answered(people: QuerySet[Participant], moment: str) -> int:
    return people.filter(responses__moment=moment).distinct().count()


# What each questionnaire adds to the method, said only when someone answered it
METHOD_STEPS = (
    (
        Moment.START,
        ngettext_lazy(
            "%(count)d coachee filled in a short questionnaire at the start of the coaching.",
            "%(count)d coachees filled in a short questionnaire at the start of the coaching.",
            "count",
        ),
    ),
    (
        Moment.END,
        ngettext_lazy(
            "%(count)d of them filled it in again at the end.",
            "%(count)d of them filled it in again at the end.",
            "count",
        ),
    ),
    (
        Moment.SESSION,
        ngettext_lazy(
            "%(count)d coachee answered a few short questions after one or more sessions.",
            "%(count)d coachees answered a few short questions after one or more sessions.",
            "count",
        ),
    ),
    (
        Moment.NETWORK,
        ngettext_lazy(
            "%(count)d person around the coachees answered a few questions about what they "
            "noticed.",
            "%(count)d people around the coachees answered a few questions about what they "
            "noticed.",
            "count",
        ),
    ),
)


def _method(active: QuerySet[Participant], coaches: int) -> str:
    """Who answered what: only the questionnaires this study's data holds."""
    sentences = [
        ngettext(
            "Research in the practice of one coach, with %(count)d coachees.",
            "Research in the practices of %(coaches)d coaches, with %(count)d coachees.",
            coaches,
        )
        % {"coaches": coaches, "count": active.count()}
    ]
    raters = raters_of(active)
    for moment, sentence in METHOD_STEPS:
        count = _answered(raters if moment == Moment.NETWORK else active, moment)
        if count:
            sentences.append(sentence % {"count": count})
    return " ".join(sentences)


def summary_initial(study: Study, coachees: QuerySet[Participant]) -> dict[str, Any]:
    """Initial values for the knowledge hub's summary form, from the coachees one sees."""
    active = coachees.filter(withdrawn_at__isnull=True)
    coaches = active.values("coach").distinct().count() or 1
    changes = [change for change in coachee_changes(coachees) if change.n]
    groups = [group for group in network_summary(raters_of(coachees)) if group.visible]
    findings = [
        _("%(theme)s: on average %(before)s at the start and %(after)s at the end (%(n)s).")
        % {
            "theme": change.scale.name,
            "before": _number(change.before),
            "after": _number(change.after),
            "n": ngettext("%(n)d coachee", "%(n)d coachees", change.n) % {"n": change.n},
        }
        for change in changes
        if change.before is not None and change.after is not None
    ]
    for group in groups:
        means = ", ".join(
            f"{scale.name} {_number(mean)}" for scale, mean in group.means if mean is not None
        )
        findings.append(
            _("%(group)s (%(n)d people), from 1 to 5: %(means)s.")
            % {"group": group.label, "n": group.released, "means": means}
        )
    return {
        "title": study.title,
        "question": study.aim or (study.agenda_question.title if study.agenda_question else ""),
        "method": _method(active, coaches),
        "findings": "\n\n".join(findings),
        "limitations": ngettext(
            "Coachees of one practice, without a comparison group. The questionnaires were "
            "written for this network and are not validated.",
            "Coachees of %(count)d practices, without a comparison group. The questionnaires "
            "were written for this network and are not validated.",
            coaches,
        )
        % {"count": coaches},
        "agenda_question": study.agenda_question_id,
        "language": get_language(),  # the draft is written in the page's language
        "themes": Theme.objects.filter(slug__in=SUMMARY_THEMES),
    }
