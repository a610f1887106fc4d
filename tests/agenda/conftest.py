import pytest

from coachbridge.agenda.services import similar


@pytest.fixture(autouse=True)
def lexical_similarity():
    """The sentence model takes seconds to load: agenda tests use the lexical signals only
    (test_similar.py checks a real embedder plugs in)."""
    similar.use_embedder(None)
    yield
    similar.use_embedder("auto")
