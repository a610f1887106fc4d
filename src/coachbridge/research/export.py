"""A study's answers as CSV: codes only, no e-mail addresses, no free text.

Coachees are one row per questionnaire. People close by appear only as group averages, under
the same rules as on the screen (results.network_summary), so the file cannot show a partner's
answers or one person's answers.
"""

from __future__ import annotations

import csv
from typing import IO

from django.db.models import QuerySet

from coachbridge.research.instruments import (
    COACHEE_SESSION,
    COACHEE_START,
    NETWORK,
    instrument_for,
)
from coachbridge.research.models import Participant, Response
from coachbridge.research.results import network_summary, raters_of, scale_scores

ITEM_CODES = [item.code for item in (*COACHEE_START.items, *COACHEE_SESSION.items)]
SCALE_CODES = [
    scale.code for scale in (*COACHEE_START.scales, *COACHEE_SESSION.scales, *NETWORK.scales)
]
HEADER = [
    "record",
    "code",
    "moment",
    "session_number",
    "instrument",
    "n",
    *ITEM_CODES,
    *SCALE_CODES,
]


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    return f"{value:.3f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def write_study_csv(coachees: QuerySet[Participant], out: IO[str]) -> int:
    """Write the rows; returns how many data rows were written."""
    writer = csv.writer(out)
    writer.writerow(HEADER)
    rows = 0
    responses = Response.objects.filter(participant__in=coachees).select_related("participant")
    for response in responses.order_by("participant__code", "created", "pk"):
        scores = scale_scores(instrument_for(response.moment), response.answers)
        writer.writerow(
            [
                "coachee",
                response.participant.code,
                response.moment,
                _number(response.session),
                response.instrument,
                1,
                *(_number(response.answers.get(code)) for code in ITEM_CODES),
                *(_number(scores.get(code)) for code in SCALE_CODES),
            ]
        )
        rows += 1
    for group in network_summary(raters_of(coachees)):
        if not group.visible:
            continue
        means = {scale.code: mean for scale, mean in group.means}
        writer.writerow(
            [
                "network_group",
                group.group,
                "network",
                "",
                NETWORK.code,
                group.released,
                *("" for _ in ITEM_CODES),
                *(_number(means.get(code)) for code in SCALE_CODES),
            ]
        )
        rows += 1
    return rows
