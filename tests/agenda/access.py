"""Who may open the URLs of the agenda app, and the objects they need."""

from coachbridge.agenda.enums import RoundStage
from coachbridge.agenda.models import RoundQuestion
from coachbridge.events.models import Cafe, CafeTheme, Insight
from tests.access_rules import MEMBERS, ORGANISERS, PUBLIC, Access, post_only, with_kwargs
from tests.factories.agenda import CommentFactory, PriorityRoundFactory, QuestionFactory
from tests.factories.events import MeetingFactory
from tests.factories.marketplace import PostFactory


def build(world):
    world.question = QuestionFactory(author=world.member)
    world.others_question = QuestionFactory()  # its author may edit it, the member may not
    world.comment = CommentFactory(question=world.question, author=world.member)
    world.statement = world.question.statement
    world.round = PriorityRoundFactory(stage=RoundStage.INTERIM)
    RoundQuestion.objects.create(round=world.round, question=world.question)
    world.draft_round = PriorityRoundFactory(stage=RoundStage.DRAFT)
    meeting = MeetingFactory(title="Café voor de agenda")
    cafe = Cafe.objects.create(meeting=meeting, harvest_open=True)
    theme = CafeTheme.objects.create(cafe=cafe, title="Onderzoek", position=0)
    world.agenda_post = PostFactory(author=world.member, title="Ik zoek een onderzoeksvraag")
    world.agenda_insight = Insight.objects.create(
        cafe=cafe, theme=theme, text="Meer onderzoek naar het proces van coaching", hidden=True
    )


def question(world):
    return {"pk": world.question.pk}


def round_kwargs(world):
    return {"pk": world.round.pk}


ACCESS = {
    "agenda:public": PUBLIC,
    "agenda:export-csv": PUBLIC,
    "agenda:print": PUBLIC,
    "agenda:question-list": MEMBERS,
    "agenda:question-propose": MEMBERS,
    # A hidden insight: only organisers may turn it into a question (events.access rule).
    "agenda:question-from-insight": with_kwargs(
        ORGANISERS,
        lambda world: {"insight_pk": world.agenda_insight.pk},
        hidden=True,
        special=(("anonymous", 302),),
    ),
    "agenda:question-from-post": with_kwargs(
        MEMBERS, lambda world: {"post_pk": world.agenda_post.pk}
    ),
    "agenda:question-similar": MEMBERS,
    "agenda:question-detail": with_kwargs(MEMBERS, question),
    "agenda:comment-add": with_kwargs(post_only(MEMBERS), question),
    "agenda:question-follow": with_kwargs(post_only(MEMBERS), question),
    "agenda:question-edit": with_kwargs(ORGANISERS, lambda world: {"pk": world.others_question.pk}),
    "agenda:question-status": with_kwargs(post_only(ORGANISERS), question),
    "agenda:question-merge": with_kwargs(post_only(ORGANISERS), question),
    "agenda:comment-hide": with_kwargs(
        post_only(ORGANISERS), lambda world: {"pk": world.comment.pk}
    ),
    "agenda:notifications-read": post_only(MEMBERS),
    "agenda:vote": MEMBERS,
    "agenda:statement-add": MEMBERS,
    "agenda:statement-vote": with_kwargs(
        post_only(MEMBERS), lambda world: {"pk": world.statement.pk}
    ),
    "agenda:statement-hide": with_kwargs(
        post_only(ORGANISERS), lambda world: {"pk": world.statement.pk}
    ),
    "agenda:opinions": MEMBERS,
    "agenda:round-list": MEMBERS,
    "agenda:round-create": ORGANISERS,
    "agenda:round-detail": with_kwargs(MEMBERS, round_kwargs),
    "agenda:round-advance": with_kwargs(post_only(ORGANISERS), round_kwargs),
    "agenda:round-final": with_kwargs(
        ORGANISERS, round_kwargs, special=(("organiser", 302), ("staff", 302))
    ),
}

# A draft round is hidden from members (404), shown to organisers.
DRAFT_ROUND = Access(
    frozenset({"organiser", "staff"}),
    kwargs=lambda world: {"pk": world.draft_round.pk},
    hidden=True,
)
