"""Who may open the URLs of the events app. Each part of a meeting keeps its own table."""

from tests.events import access_cafe, access_harvest, access_meetings

PARTS = [access_meetings, access_cafe, access_harvest]

ACCESS = {name: rule for part in PARTS for name, rule in part.ACCESS.items()}


def build(world):
    for part in PARTS:
        part.build(world)
