import pytest

from coachbridge.knowledge.models import GlossaryTerm
from coachbridge.knowledge.reference import ensure_glossary


@pytest.fixture
def glossary(db):
    """The seeded glossary (a browser test's flush may have removed the migration's rows)."""
    ensure_glossary(GlossaryTerm)
    return GlossaryTerm.objects.all()


@pytest.fixture
def english_member(member):
    """A member who reads the site in English: messages match the English msgids."""
    member.language = "en"
    member.save(update_fields=["language"])
    return member


@pytest.fixture
def english_organiser(organiser):
    organiser.language = "en"
    organiser.save(update_fields=["language"])
    return organiser
