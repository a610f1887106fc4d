import pytest

from coachbridge.knowledge.models import GlossaryTerm
from coachbridge.knowledge.reference import ensure_glossary


@pytest.fixture
def glossary(db):
    """The seeded glossary (a browser test's flush may have removed the migration's rows)."""
    ensure_glossary(GlossaryTerm)
    return GlossaryTerm.objects.all()
