"""Who may open the URLs of the cafe part of a meeting, and the objects they need."""

from tests.access_rules import ORGANISERS, PUBLIC, post_only, with_kwargs
from tests.factories.cafe import make_cafe


def build(world):
    """Add the objects these URLs need to `world` (world.meeting exists already)."""
    world.cafe, world.cafe_people = make_cafe(world.meeting, people=8)


def meeting(world):
    return {"pk": world.meeting.pk}


def wall(world):
    return {"pk": world.meeting.pk, "token": world.cafe.wall_token}


def person(world):
    return {"pk": world.meeting.pk, "token": world.cafe_people[0].token}


def route_card(world):
    return {"pk": world.meeting.pk, "token": world.cafe_people[0].card_token}


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
    # The QR code on a route card: organisers check the person in, others see a page without
    # the person (a lost card must not open their registration).
    "events:cafe-checkin-scan": with_kwargs(
        ORGANISERS, route_card, special=(("anonymous", 200), ("member", 200))
    ),
}
