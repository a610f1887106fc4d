"""Who may open the URLs of the cafe part of a meeting."""

ACCESS: dict = {}


def build(world):
    """Add the objects these URLs need to `world` (world.meeting exists already)."""
