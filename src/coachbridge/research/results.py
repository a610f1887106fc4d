"""What a study's answers say, shown only in the ways the privacy rules allow.

Answers of people close to a coachee are shown per group (colleagues, family and friends, ...)
and only when at least MIN_GROUP of them answered; a group of fewer shows nothing but its
count, unless each of them (a partner) chose to be identifiable: then the coach and the coachee
they answered about see them, nobody else (not the study's lead, not an export or summary).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import fmean

from django.db.models import QuerySet

from coachbridge.engine.stats import paired_change
from coachbridge.research.enums import Moment, RaterGroup
from coachbridge.research.instruments import (
    COACHEE_SESSION,
    COACHEE_START,
    NETWORK,
    Instrument,
    Scale,
    instrument_for,
)
from coachbridge.research.models import Participant, Response

MIN_GROUP = 3


def scale_scores(instrument: Instrument, answers: dict[str, int | None]) -> dict[str, float]:
    """Mean of the answered items per scale; a scale with only "don't know" has no score."""
    scores = {}
    for scale in instrument.scales:
        values = [answers.get(item.code) for item in instrument.items_of(scale.code)]
        answered = [value for value in values if value is not None]
        if answered:
            scores[scale.code] = fmean(answered)
    return scores


@dataclass
class ScaleChange:
    scale: Scale
    n: int
    before: float | None
    after: float | None
    change: float | None
    d_z: float | None
    p: float | None


def coachee_changes(coachees: QuerySet[Participant]) -> list[ScaleChange]:
    """Start against end, per scale, for coachees who answered both."""
    by_person: dict[int, dict[str, dict[str, float]]] = defaultdict(dict)
    responses = Response.objects.filter(
        participant__in=coachees, moment__in=[Moment.START, Moment.END]
    )
    for response in responses:
        by_person[response.participant_id][response.moment] = scale_scores(
            COACHEE_START, response.answers
        )
    changes = []
    for scale in COACHEE_START.scales:
        pairs = [
            (moments[Moment.START][scale.code], moments[Moment.END][scale.code])
            for moments in by_person.values()
            if scale.code in moments.get(Moment.START, {})
            and scale.code in moments.get(Moment.END, {})
        ]
        result = paired_change([before for before, _ in pairs], [after for _, after in pairs])
        changes.append(ScaleChange(scale=scale, **result))  # type: ignore[arg-type]
    return changes


@dataclass
class SessionPoint:
    number: int
    n: int
    mean: float


def session_trend(coachees: QuerySet[Participant]) -> list[SessionPoint]:
    """The mean check-in score after session 1, 2, ... over the coachees who answered it."""
    by_number: dict[int, list[float]] = defaultdict(list)
    responses = Response.objects.filter(
        participant__in=coachees, moment=Moment.SESSION, session__isnull=False
    )
    for response in responses:
        score = scale_scores(COACHEE_SESSION, response.answers).get("session")
        if score is not None and response.session is not None:
            by_number[response.session].append(score)
    return [
        SessionPoint(number, len(scores), fmean(scores))
        for number, scores in sorted(by_number.items())
    ]


@dataclass
class GroupSummary:
    group: str
    label: str
    answered: int
    released: int  # how many answers the means are made of
    means: list[tuple[Scale, float | None]] = field(default_factory=list)

    @property
    def visible(self) -> bool:
        return self.released > 0

    @property
    def missing(self) -> int:
        return max(0, MIN_GROUP - self.answered)


def network_summary(
    raters: Iterable[Participant], *, coach_id: int | None = None
) -> list[GroupSummary]:
    """One summary per group that has answers; only visible groups carry numbers.

    Answers enter a group's summary three at a time, in the order they came in: a mean that
    moved with every single answer would let anyone who looks before and after work out that
    one person's scores. A group where everyone chose to be seen (partners) shows every answer,
    but only to the coach `coach_id` of their coachees (the coachee's own page passes its
    coach): they agreed to be seen by their coach and coachee, nobody else.
    No written words: they are not an average and could tell who wrote them.
    """
    answered: dict[str, list[tuple[Participant, Response]]] = defaultdict(list)
    for rater in raters:
        response = next((r for r in rater.responses.all() if r.moment == Moment.NETWORK), None)
        if response is not None:
            answered[rater.group].append((rater, response))
    summaries = []
    for group in RaterGroup:
        rows = sorted(answered.get(group.value, []), key=lambda row: (row[1].created, row[1].pk))
        if not rows:
            continue
        if coach_id is not None and all(
            rater.identifiable and rater.coach_id == coach_id for rater, _ in rows
        ):
            released = rows
        else:
            released = rows[: len(rows) // MIN_GROUP * MIN_GROUP]
        summary = GroupSummary(group.value, str(group.label), len(rows), len(released))
        scores = [scale_scores(NETWORK, response.answers) for _, response in released]
        if released:
            for scale in NETWORK.scales:
                values = [score[scale.code] for score in scores if scale.code in score]
                summary.means.append((scale, fmean(values) if values else None))
        summaries.append(summary)
    return summaries


def raters_of(coachees: QuerySet[Participant]) -> Iterable[Participant]:
    """The people around these coachees who still take part."""
    return Participant.objects.filter(
        coachee__in=coachees, withdrawn_at__isnull=True
    ).prefetch_related("responses")


@dataclass
class CoacheeRow:
    coachee: Participant
    consented: bool
    start: bool
    end: bool
    sessions: int
    raters_asked: int


def coachee_rows(coachees: QuerySet[Participant]) -> list[CoacheeRow]:
    rows = []
    for coachee in coachees.prefetch_related("responses", "consents", "raters"):
        moments = {response.moment for response in coachee.responses.all()}
        consents = sorted(coachee.consents.all(), key=lambda c: (c.created, c.pk))
        raters = list(coachee.raters.all())
        rows.append(
            CoacheeRow(
                coachee=coachee,
                consented=bool(consents and consents[-1].given),
                start=Moment.START in moments,
                end=Moment.END in moments,
                sessions=sum(1 for r in coachee.responses.all() if r.moment == Moment.SESSION),
                raters_asked=len(raters),
            )
        )
    return rows


@dataclass
class Answered:
    """One questionnaire a coachee filled in, as the coach sees it."""

    response: Response
    title: str
    scores: list[tuple[Scale, float | None]]


def coachee_timeline(coachee: Participant) -> list[Answered]:
    """Start, each session and end, in the order they were answered, with scale scores."""
    timeline = []
    for response in coachee.responses.order_by("created", "pk"):
        instrument = instrument_for(response.moment)
        scores = scale_scores(instrument, response.answers)
        timeline.append(
            Answered(
                response=response,
                title=str(instrument.title),
                scores=[(scale, scores.get(scale.code)) for scale in instrument.scales],
            )
        )
    return timeline
