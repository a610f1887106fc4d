import factory

from coachbridge.knowledge.enums import Evidence, ItemKind, ItemStatus
from coachbridge.knowledge.models import Item
from coachbridge.knowledge.search import index_item
from tests.factories.accounts import UserFactory


class ItemFactory(factory.django.DjangoModelFactory):
    """A complete Dutch research summary; a draft unless `status` says otherwise."""

    class Meta:
        model = Item
        skip_postgeneration_save = True

    kind = ItemKind.SUMMARY
    status = ItemStatus.DRAFT
    language = "nl"
    title = factory.Sequence(lambda n: f"Samenvatting {n}")
    lead = "Een korte samenvatting in gewone taal."
    question = "Wat wilden de onderzoekers weten?"
    method = "Ze spraken met twintig coaches."
    findings = "De coaches zagen verschil."
    practice = "Je kunt dit morgen proberen."
    limitations = "Het was een kleine groep."
    evidence = Evidence.SINGLE
    author = factory.SubFactory(UserFactory)

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        index_item(self)
        if self.status == ItemStatus.PUBLISHED and self.published_at is None:
            from django.utils import timezone

            self.published_at = timezone.now()
        if create:
            self.save()


class DebunkFactory(ItemFactory):
    kind = ItemKind.DEBUNK
    question = method = findings = practice = limitations = ""
    fact = "Het feit."
    myth = "De mythe."
    fallacy = "Waarom de mythe misleidt."
    fact_again = "Het feit opnieuw."
    instead = "Doe dit."
