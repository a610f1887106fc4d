"""Who may open the URLs of practice-based research.

A study is seen by its owner only: every other persona, staff included, gets a 404 (visitors
the login page). Personal links work for whoever holds the token, with or without an account.
"""

from coachbridge.research import services
from coachbridge.research.enums import Moment
from coachbridge.research.instruments import COACHEE_START
from tests.access_rules import MEMBERS, PUBLIC, SECRET_NAME, Access, post_only, with_kwargs
from tests.factories.accounts import UserFactory


def owner_only(kwargs, *, post=False):
    return Access(
        frozenset(),
        kwargs=kwargs,
        post_only=post,
        hidden=True,
        special=(("anonymous", 302),),
    )


def build(world):
    owner = UserFactory()
    world.research_study = services.create_study(owner, title=SECRET_NAME, aim=SECRET_NAME)
    world.research_coachee = services.add_coachee(
        world.research_study, email="", language="nl", by=owner
    )
    services.give_consent(world.research_coachee)
    # a second coachee is past the start, so the questions after a session are open
    world.research_started = services.add_coachee(
        world.research_study, email="", language="nl", by=owner
    )
    services.give_consent(world.research_started)
    services.save_response(
        world.research_started,
        moment=Moment.START,
        answers={item.code: 3 for item in COACHEE_START.items},
        comment="",
    )


def study(world):
    return {"pk": world.research_study.pk}


def coachee(world):
    return {"pk": world.research_study.pk, "code": world.research_coachee.code}


def join_token(world):
    return {"token": world.research_study.join_token}


def token(world):
    return {"token": world.research_coachee.token}


def started_token(world):
    return {"token": world.research_started.token}


ACCESS = {
    "research:study-list": MEMBERS,
    "research:study-create": MEMBERS,
    "research:study-detail": owner_only(study),
    "research:study-export": owner_only(study),
    "research:coachee-detail": owner_only(coachee),
    "research:coachee-add": owner_only(study, post=True),
    "research:study-close": owner_only(study, post=True),
    "research:join-link-renew": owner_only(study, post=True),
    # any member with the join link sees what joining means (and joins with a POST)
    "research:study-join": with_kwargs(MEMBERS, join_token),
    "research:coachee-end": owner_only(coachee, post=True),
    "research:link-renew": owner_only(coachee, post=True),
    "research:link-revoke": owner_only(coachee, post=True),
    "research:link": with_kwargs(PUBLIC, token),
    "research:link-questionnaire": with_kwargs(PUBLIC, token),
    "research:link-check-in": with_kwargs(PUBLIC, started_token),
    "research:link-rater-add": with_kwargs(post_only(PUBLIC), token),
    "research:link-withdraw": with_kwargs(PUBLIC, token),
}
