import pytest

from coachbridge.marketplace.services import index


@pytest.fixture(autouse=True)
def match_index(settings, tmp_path):
    """A fresh match index in a temporary folder; lexical matching unless a test asks for the
    real sentence encoder (see test_matching.py)."""
    settings.COACHBRIDGE_MATCH_INDEX_DIR = str(tmp_path / "match-index")
    settings.MARKETPLACE_MATCH_EMBEDDER = ""
    index.reset()
    yield index
    index.reset()
