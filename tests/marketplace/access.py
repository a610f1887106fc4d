"""Who may open the URLs of the marketplace, and the objects they need."""

from coachbridge.events.models import Insight
from coachbridge.marketplace.services.digest import unsubscribe_token
from tests.access_rules import (
    MEMBERS,
    ORGANISERS,
    PUBLIC,
    SECRET_NAME,
    Access,
    post_only,
    with_kwargs,
)
from tests.factories.events import MeetingFactory
from tests.factories.marketplace import IntroductionFactory, PostFactory


def build(world):
    """A members-only post by a stranger (titled with the secret name), an introduction
    between strangers, and a hidden insight; a public post."""
    world.market_post = PostFactory(title=SECRET_NAME, is_public=False)
    world.public_post = PostFactory(title="Openbare vraag", is_public=True, kind="offer")
    world.introduction = IntroductionFactory(message=SECRET_NAME)
    meeting = getattr(world, "meeting", None) or MeetingFactory()
    world.market_meeting = meeting
    insight = getattr(world, "insight", None)
    if insight is not None:
        world.market_insight = Insight.objects.create(
            cafe=insight.cafe, theme=insight.theme, text="Verborgen inzicht", hidden=True
        )
    world.unsubscribe_token = unsubscribe_token(world.market_post.author)


def post(world):
    return {"pk": world.market_post.pk}


def meeting(world):
    return {"pk": world.market_meeting.pk}


ACCESS = {
    "marketplace:home": MEMBERS,
    "marketplace:post-list": MEMBERS,
    "marketplace:post-create": MEMBERS,
    # A hidden insight: only organisers may turn it into a post.
    "marketplace:post-from-insight": with_kwargs(
        ORGANISERS,
        lambda world: {"insight_pk": world.market_insight.pk},
        hidden=True,
        special=(("anonymous", 302),),
    ),
    "marketplace:post-detail": with_kwargs(MEMBERS, post),
    # Someone else's post: members may read it but not change it.
    "marketplace:post-edit": Access(frozenset(), kwargs=post),
    "marketplace:post-status": with_kwargs(post_only(MEMBERS), post),
    "marketplace:introduction-request": with_kwargs(post_only(MEMBERS), post),
    "marketplace:match-hide": with_kwargs(
        post_only(MEMBERS),
        lambda world: {"pk": world.market_post.pk, "other_pk": world.public_post.pk},
    ),
    "marketplace:match-unhide": with_kwargs(
        post_only(MEMBERS),
        lambda world: {"pk": world.market_post.pk, "other_pk": world.public_post.pk},
    ),
    # Only the two people of an introduction know it exists.
    "marketplace:introduction-detail": Access(
        frozenset(),
        kwargs=lambda world: {"pk": world.introduction.pk},
        hidden=True,
        special=(("anonymous", 302),),
    ),
    "marketplace:introduction-answer": with_kwargs(
        post_only(MEMBERS), lambda world: {"pk": world.introduction.pk}
    ),
    "marketplace:digest-settings": post_only(MEMBERS),
    # The link in the e-mail: whoever holds it (it turns the e-mail off, nothing else).
    "marketplace:digest-unsubscribe": with_kwargs(
        PUBLIC, lambda world: {"token": world.unsubscribe_token}
    ),
    "marketplace:public-list": PUBLIC,
    "marketplace:public-detail": with_kwargs(PUBLIC, lambda world: {"pk": world.public_post.pk}),
    "marketplace:event-wall": with_kwargs(ORGANISERS, meeting),
    "marketplace:event-stats": with_kwargs(ORGANISERS, meeting),
}
