"""Demo data of the cafe part of the Impact Meeting re-enacted."""

from coachbridge.events.models import Meeting


def create_demo_cafe(meeting: Meeting) -> None:
    """Fill in the cafe part of the demo's Impact Meeting."""
