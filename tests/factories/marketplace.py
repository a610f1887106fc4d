import factory

from coachbridge.marketplace.models import Introduction, Post
from coachbridge.marketplace.services.index import sync_post
from tests.factories.accounts import ProfileFactory


class PostFactory(factory.django.DjangoModelFactory):
    """A post, put into the match index as saving through the service does."""

    class Meta:
        model = Post
        skip_postgeneration_save = True

    author = factory.LazyFunction(lambda: ProfileFactory().user)
    kind = "need"
    title = factory.Sequence(lambda n: f"Vraag {n}")
    text = "Ik zoek coaches die willen meedoen aan een dagboekstudie over de werkrelatie."
    category = "participants"
    language = "nl"

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        if create and extracted is not False:
            sync_post(self.pk)


class IntroductionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Introduction

    requester_post = factory.SubFactory(PostFactory, kind="offer")
    recipient_post = factory.SubFactory(PostFactory, kind="need")
    requester = factory.SelfAttribute("requester_post.author")
    recipient = factory.SelfAttribute("recipient_post.author")
