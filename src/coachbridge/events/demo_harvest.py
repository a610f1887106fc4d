"""Demo data of the harvest part of the Impact Meeting re-enacted."""

from coachbridge.events.models import Meeting


def create_demo_harvest(meeting: Meeting) -> None:
    """Fill in the harvest part of the demo's Impact Meeting."""
