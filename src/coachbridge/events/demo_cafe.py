"""Demo data of the cafe part of the Impact Meeting re-enacted.

The three themes are those of the seed report; the guiding questions are written for the demo.
The hosts and guests are the fictional demo members; the plan is computed by the real engine.
"""

from __future__ import annotations

from coachbridge.events.enums import RegistrationStatus
from coachbridge.events.models import CafeTable, CafeTheme, Meeting, SeatingPlan
from coachbridge.events.services.cafe import compute_plan, create_cafe

DEMO_THEMES = [
    (
        "Onderzoeksvragen voor de toekomst",
        "Welke vraag over coaching wil jij over vijf jaar beantwoord zien, en waarom?",
    ),
    (
        "Bruggen bouwen tussen wetenschap en praktijk",
        "Wat heb je nodig om onderzoek echt te gebruiken in je werk, of om de praktijk in je "
        "onderzoek te halen?",
    ),
    (
        "Coaching in breder maatschappelijk belang",
        "Hoe bereikt coaching ook de mensen die er het meest aan hebben, en wie merkt er nog "
        "meer iets van?",
    ),
]
TABLES_PER_THEME = 2
SEATS = 5
ROUND_MINUTES = 25


def _hosts(meeting: Meeting, count: int) -> list:
    """Alternately a researcher and a coach, so every theme has both as host."""
    people = meeting.registrations.filter(status=RegistrationStatus.REGISTERED).order_by("name")
    researchers = [r for r in people if r.role == "researcher"]
    coaches = [r for r in people if r.role == "coach"]
    chosen = []
    for index in range(count):
        pool = researchers if index % 2 == 0 else coaches
        chosen.append(pool[index // 2])
    return chosen


def create_demo_cafe(meeting: Meeting) -> None:
    """Fill in the cafe part of the demo's Impact Meeting: themes, hosted tables, three
    rounds, a computed plan, and everyone checked in."""
    cafe = create_cafe(meeting, by=meeting.organiser)
    cafe.rounds.update(minutes=ROUND_MINUTES)
    hosts = iter(_hosts(meeting, len(DEMO_THEMES) * TABLES_PER_THEME))
    number = 0
    for position, (title, question) in enumerate(DEMO_THEMES):
        theme = CafeTheme.objects.create(
            cafe=cafe, title=title, question=question, position=position
        )
        for _table in range(TABLES_PER_THEME):
            number += 1
            CafeTable.objects.create(
                cafe=cafe, label=f"T{number}", theme=theme, capacity=SEATS, host=next(hosts)
            )
    compute_plan(SeatingPlan.objects.create(cafe=cafe, seed=1))
    meeting.registrations.filter(status=RegistrationStatus.REGISTERED).update(
        checked_in_at=meeting.starts_at
    )
