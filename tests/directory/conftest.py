import pytest

from coachbridge.directory import services


@pytest.fixture(autouse=True)
def lexical_help_finder():
    """The sentence model takes seconds to load: these tests use the lexical signals only."""
    services.use_embedder(None)
    yield
    services.use_embedder("auto")
