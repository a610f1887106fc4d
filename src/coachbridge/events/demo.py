"""The demo's meetings: the Impact Meeting Coaching re-enacted, and the network's monthly series.

The people are the fictional demo members; every name and address is made up.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from coachbridge.accounts.models import User
from coachbridge.events.demo_cafe import create_demo_cafe
from coachbridge.events.demo_harvest import create_demo_harvest
from coachbridge.events.enums import Frequency, MeetingStatus
from coachbridge.events.models import Meeting, MeetingSeries, Registration
from coachbridge.events.services.meetings import register_member, sync_series

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

IMPACT_DESCRIPTION = (
    "Een dag over netwerken, kennis delen en samenwerken tussen onderzoekers en coaches. "
    "In een World Café praten we over drie thema's: onderzoeksvragen voor de toekomst, "
    "bruggen bouwen tussen wetenschap en praktijk, en coaching in breder maatschappelijk belang. "
    "Op de marktplaats laat je zien wat je zoekt en wat je te bieden hebt."
)

DEMO_GUESTS = [
    (
        "Mila Groenewegen",
        "mila.groenewegen@example.org",
        "coach",
        "Coachpraktijk De Brug (fictief)",
    ),
    ("Tobias Verhoef", "tobias.verhoef@example.org", "researcher", "Lectoraat Werk (fictief)"),
]


def next_second_thursday(after: dt.date) -> dt.date:
    first = (after.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    first_thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7)
    return first_thursday + dt.timedelta(days=7)


def create_demo_meetings(*, organiser: User, members: list[User], today: dt.date) -> Meeting:
    """Returns the Impact Meeting, whose World Café the other demo parts fill."""
    impact = Meeting.objects.create(
        title="Impact Meeting Coaching",
        starts_at=dt.datetime(2025, 11, 7, 10, 0, tzinfo=AMSTERDAM),
        ends_at=dt.datetime(2025, 11, 7, 17, 0, tzinfo=AMSTERDAM),
        place="Studiecentrum Utrecht (fictief adres)",
        description=IMPACT_DESCRIPTION,
        capacity=30,
        status=MeetingStatus.PUBLISHED,
        registration_open=True,
        organiser=organiser,
    )
    participants = [member for member in members if not member.is_staff]
    for member in participants:
        Registration.objects.create(
            meeting=impact,
            user=member,
            name=member.profile.display_name,
            email=member.email,
            role=member.profile.roles.order_by("id").first().code,
            organisation=member.profile.organisation,
        )
    for name, email, role, organisation in DEMO_GUESTS:
        Registration.objects.create(
            meeting=impact, name=name, email=email, role=role, organisation=organisation
        )
    impact.registration_open = False
    impact.save(update_fields=["registration_open"])
    create_demo_cafe(impact)
    create_demo_harvest(impact)

    series = MeetingSeries.objects.create(
        title="Leernetwerk Coaching: online sessie",
        frequency=Frequency.MONTHLY_WEEKDAY,
        first_date=next_second_thursday(today),
        start_time=dt.time(16, 0),
        duration_minutes=90,
        online_url="https://video.example.org/leernetwerk",
        description="Elke tweede donderdag van de maand: een onderzoeker en een coach delen "
        "samen een vraag uit de praktijk. Daarna praten we in kleine groepen verder.",
        capacity=40,
        organiser=organiser,
    )
    upcoming = sync_series(series, by=organiser)
    for member in participants[:8]:
        register_member(upcoming[0], user=member)
    return impact
