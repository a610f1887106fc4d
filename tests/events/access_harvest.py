"""Who may open the URLs of the harvest part of a meeting."""

ACCESS: dict = {}


def build(world):
    """Add the objects these URLs need to `world` (world.meeting exists already)."""
