"""Demo study of the demo coach: made-up coachees and people around them, fixed random answers.

It shows every state a coach meets: coachees who have not started, who are halfway and who
are done; a colleague group that passes the threshold; a friends group and partners that do not.
"""

from __future__ import annotations

import itertools
import random
from typing import Any

from django.utils.translation import override

from coachbridge.agenda.models import Question
from coachbridge.research import services
from coachbridge.research.enums import Moment, RaterGroup
from coachbridge.research.instruments import NETWORK, instrument_for

# Per coachee: answered start, answered end, people around (group, identifiable, answered).
COLLEAGUE = (RaterGroup.COLLEAGUE, False, True)
COACHEES = [
    (True, True, [COLLEAGUE, (RaterGroup.PARTNER, True, True)]),
    (True, True, [COLLEAGUE, (RaterGroup.FAMILY_FRIEND, False, True)]),
    (True, True, [COLLEAGUE, COLLEAGUE]),
    (True, True, [(RaterGroup.PARTNER, False, True)]),
    (True, True, []),
    (True, False, [(RaterGroup.FAMILY_FRIEND, False, False)]),
    (False, False, []),
]
START_COMMENTS = [
    "Ik wil weten welke baan bij mij past.",
    "Minder piekeren over mijn werk.",
    "Beter nee durven zeggen tegen mijn leidinggevende.",
]
END_COMMENTS = [
    "Ik weet nu wat ik wil en ik heb een plan.",
    "Ik slaap beter en maak me minder zorgen.",
    "",
]


def _answers(rng: random.Random, codes: list[str], centre: float) -> dict[str, int | None]:
    return {
        code: None if rng.random() < 0.05 else max(1, min(5, round(rng.gauss(centre, 0.8))))
        for code in codes
    }


def create_demo_research(*, members: list[Any]) -> None:
    coach = next(member for member in members if member.email == "coach@example.org")
    rng = random.Random(2025)
    start_comments = itertools.cycle(START_COMMENTS)
    end_comments = itertools.cycle(END_COMMENTS)
    with override("nl"):
        study = services.create_study(
            coach,
            title="Wat merkt de omgeving van mijn coachees?",
            aim="Ik wil weten of mijn loopbaancoaching ook iets verandert voor collega's en "
            "partners van mijn coachees.",
            agenda_question=Question.objects.filter(
                title__startswith="Wat gebeurt er tijdens een coachtraject"
            ).first(),
        )
        for started, ended, raters in COACHEES:
            coachee = services.add_coachee(study, email="", language="nl", by=coach)
            if not started:
                continue
            services.give_consent(coachee)
            start = instrument_for(Moment.START)
            codes = [item.code for item in start.items]
            services.save_response(
                coachee,
                moment=Moment.START,
                answers=_answers(rng, codes, 2.8),
                comment=next(start_comments),
            )
            session = instrument_for(Moment.SESSION)
            for number in range(1, rng.randint(2, 5)):
                services.save_check_in(
                    coachee,
                    answers=_answers(
                        rng, [item.code for item in session.items], 3.2 + 0.3 * number
                    ),
                    comment="",
                )
            for group, identifiable, answered in raters:
                rater = services.add_rater(coachee, group=group, email="", language="nl")
                if not answered:
                    continue
                services.give_consent(rater, identifiable=identifiable)
                services.save_response(
                    rater,
                    moment=Moment.NETWORK,
                    answers=_answers(rng, [item.code for item in NETWORK.items], 3.7),
                    comment="",
                )
            if ended:
                services.open_end(coachee, by=coach)
                services.save_response(
                    coachee,
                    moment=Moment.END,
                    answers=_answers(rng, codes, 3.9),
                    comment=next(end_comments),
                )
        _create_shared_study(members, coach, rng)


def _create_shared_study(members: list[Any], coach: Any, rng: random.Random) -> None:
    """A study the demo researcher leads; the demo coach joined with coachees of their own."""
    researcher = next(member for member in members if member.email == "researcher@example.org")
    study = services.create_study(
        researcher,
        title="Werkalliantie en uitkomst in loopbaancoaching",
        aim="Hangt hoe coachees de samenwerking ervaren samen met wat de coaching oplevert? "
        "Coaches uit het netwerk meten het in hun eigen praktijk.",
    )
    services.join_study(study, coach)
    codes = [item.code for item in instrument_for(Moment.START).items]
    for number in range(3):
        coachee = services.add_coachee(study, email="", language="nl", by=coach)
        services.give_consent(coachee)
        services.save_response(
            coachee, moment=Moment.START, answers=_answers(rng, codes, 3.0), comment=""
        )
        if number < 2:  # two have finished: the lead sees the first numbers of the study
            services.open_end(coachee, by=coach)
            services.save_response(
                coachee, moment=Moment.END, answers=_answers(rng, codes, 3.8), comment=""
            )
