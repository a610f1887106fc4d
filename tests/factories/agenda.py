import factory

from coachbridge.agenda.models import Comment, PriorityRound, Question, Statement, Vote
from tests.factories.accounts import UserFactory


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question with its statement, as `propose_question` makes it."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Onderzoeksvraag nummer {n} over coaching?")
    why = "Coaches willen weten wat werkt in hun eigen praktijk."
    who = "coaches"
    author = factory.SubFactory(UserFactory)

    @factory.post_generation
    def statement(self, create, extracted, **kwargs):
        if create and extracted is not False:
            Statement.objects.create(question=self, text=self.title, author=self.author)


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    text = factory.Sequence(lambda n: f"Stelling nummer {n} over onderzoek")


class VoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vote

    statement = factory.SubFactory(StatementFactory)
    voter = factory.SubFactory(UserFactory)
    value = 1


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    question = factory.SubFactory(QuestionFactory)
    author = factory.SubFactory(UserFactory)
    text = "Goede vraag, dit zie ik ook in mijn praktijk."


class PriorityRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriorityRound

    title = factory.Sequence(lambda n: f"Prioriteitenronde {n}")
    shortlist_size = 3
    top_size = 2
    pick_limit = 3
