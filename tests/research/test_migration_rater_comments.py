"""The data migration that forgets what raters wrote in the first network questionnaire."""

import pytest

from coachbridge.accounts.models import Role
from coachbridge.accounts.reference import ensure_roles
from coachbridge.research.enums import Moment
from coachbridge.research.models import Response

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def roles(transactional_db):
    """The roles a migration seeds: an earlier transactional test may have flushed them."""
    ensure_roles(Role)


def test_migration_blanks_rater_comments_and_keeps_coachee_comments(
    migrator, coachee, make_rater, answer_start
):
    answer_start(coachee, comment="Rust in mijn hoofd")
    rater = make_rater(coachee)
    # what network-1 stored; the current questionnaire asks no open question
    Response.objects.filter(participant=rater).update(comment="Mijn collega is rustiger")
    migrator([("research", "0001_initial")])

    migrator([("research", "0002_forget_rater_comments")])

    comments = dict(Response.objects.values_list("moment", "comment"))
    assert comments == {Moment.START: "Rust in mijn hoofd", Moment.NETWORK: ""}
    assert Response.objects.get(moment=Moment.NETWORK).answers  # the scores stay
