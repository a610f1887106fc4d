import pytest

from coachbridge.research import services
from coachbridge.research.enums import Moment, RaterGroup
from coachbridge.research.instruments import COACHEE_START, NETWORK


def all_coachees(study):
    return study.participants.filter(role="coachee")


def answers_for(instrument, value):
    return {item.code: value for item in instrument.items}


@pytest.fixture
def study(coach):
    return services.create_study(coach, title="Loopbaancoaching en omgeving", aim="")


@pytest.fixture
def coachee(study, coach):
    person = services.add_coachee(study, email="", language="nl", by=coach)
    services.give_consent(person)
    return person


@pytest.fixture
def make_rater():
    """A rater of `coachee` in `group` who consented and answered every item with `value`."""

    def make(coachee, group=RaterGroup.COLLEAGUE, value=4, comment="", identifiable=False):
        rater = services.add_rater(coachee, group=group, email="", language="nl")
        services.give_consent(rater, identifiable=identifiable)
        services.save_response(
            rater, moment=Moment.NETWORK, answers=answers_for(NETWORK, value), comment=comment
        )
        return rater

    return make


@pytest.fixture
def answer_start():
    def answer(coachee, value=2, comment=""):
        return services.save_response(
            coachee,
            moment=Moment.START,
            answers=answers_for(COACHEE_START, value),
            comment=comment,
        )

    return answer
