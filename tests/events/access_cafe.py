"""Who may open the URLs of the cafe part of a meeting, and helpers to build a small café."""

from coachbridge.events.models import Cafe, CafeRound, CafeTable, CafeTheme
from tests.access_rules import ORGANISERS, PUBLIC, post_only, with_kwargs
from tests.factories.events import RegistrationFactory


def make_cafe(meeting, *, people=8, themes=2, tables_per_theme=1, seats=4, rounds=2, **rules):
    """A café with `people` registrations (coach/researcher alternating), one host per table."""
    registrations = [
        RegistrationFactory(meeting=meeting, role="coach" if i % 2 == 0 else "researcher")
        for i in range(people)
    ]
    cafe = Cafe.objects.create(meeting=meeting, **rules)
    for number in range(1, rounds + 1):
        CafeRound.objects.create(cafe=cafe, number=number, minutes=20)
    hosts = iter(registrations)
    for position in range(themes):
        theme = CafeTheme.objects.create(
            cafe=cafe, title=f"Thema {position + 1}", question=f"Vraag {position + 1}?"
        )
        for index in range(tables_per_theme):
            CafeTable.objects.create(
                cafe=cafe,
                label=f"T{position * tables_per_theme + index + 1}",
                theme=theme,
                capacity=seats,
                host=next(hosts),
            )
    return cafe, registrations


def build(world):
    """Add the objects these URLs need to `world` (world.meeting exists already)."""
    world.cafe, world.cafe_people = make_cafe(world.meeting)


def meeting(world):
    return {"pk": world.meeting.pk}


def wall(world):
    return {"pk": world.meeting.pk, "token": world.cafe.wall_token}


def person(world):
    return {"pk": world.meeting.pk, "token": world.cafe_people[0].token}


ORGANISER_PAGES = [
    "cafe-setup",
    "cafe-themes",
    "cafe-tables",
    "cafe-rounds",
    "cafe-rules",
    "cafe-plan",
    "cafe-table-cards",
    "cafe-run",
    "cafe-checkin",
    "cafe-wall",
]
ORGANISER_ACTIONS = ["cafe-plan-compute", "cafe-plan-move", "cafe-round-next", "cafe-replan"]

ACCESS = {
    **{f"events:{name}": with_kwargs(ORGANISERS, meeting) for name in ORGANISER_PAGES},
    **{f"events:{name}": with_kwargs(post_only(ORGANISERS), meeting) for name in ORGANISER_ACTIONS},
    # Without htmx the progress URL sends people to the plan page.
    "events:cafe-plan-progress": with_kwargs(ORGANISERS, meeting, ok_status=302),
    # Without a plan, the route cards send the organiser back to the plan page.
    "events:cafe-route-cards": with_kwargs(ORGANISERS, meeting, ok_status=302),
    # Token links: anyone holding the token; the token is the secret.
    "events:cafe-wall-public": with_kwargs(PUBLIC, wall),
    "events:cafe-route": with_kwargs(PUBLIC, person),
    # The QR code on a route card: organisers check the person in, others go to their own page.
    "events:cafe-checkin-scan": with_kwargs(
        ORGANISERS, person, special=(("anonymous", 302), ("member", 302))
    ),
}
