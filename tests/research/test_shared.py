"""A study led by one member, with coaches who join to add coachees of their own practice."""

import csv
import io

import pytest
from django.urls import reverse

from coachbridge.research import services
from coachbridge.research.consent import COACHEE_SHARED_CONSENT
from coachbridge.research.enums import RaterGroup
from coachbridge.research.models import Consent
from tests.factories.accounts import ProfileFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def second_coach(db):
    return ProfileFactory(display_name="Noor de Tweede").user


@pytest.fixture
def joined(study, second_coach, answer_start):
    """The second coach joined and added a coachee who answered the start questionnaire."""
    services.join_study(study, second_coach)
    coachee = services.add_coachee(study, email="", language="nl", by=second_coach)
    services.give_consent(coachee)
    answer_start(coachee, value=5, comment="Alleen voor mijn eigen coach")
    return coachee


def test_a_member_joins_through_the_link_and_unknown_links_are_404(client_for, study, second_coach):
    client = client_for(second_coach)
    assert client.get(study.get_absolute_url()).status_code == 404

    page = client.get(study.get_join_url())
    joined = client.post(study.get_join_url())

    assert page.status_code == 200 and study.title in page.content.decode()
    assert joined["Location"] == study.get_absolute_url()
    assert client.get(study.get_absolute_url()).status_code == 200
    assert client.get(reverse("research:study-join", args=["x" * 32])).status_code == 404


def test_a_new_join_link_stops_the_old_one(client_for, study, coach, second_coach):
    old = study.get_join_url()

    client_for(coach).post(reverse("research:join-link-renew", args=[study.pk]))

    study.refresh_from_db()
    assert client_for(second_coach).get(old).status_code == 404
    assert client_for(second_coach).get(study.get_join_url()).status_code == 200


def test_a_closed_study_takes_no_coaches(client_for, study, coach, second_coach):
    services.close_study(study, by=coach)

    client_for(second_coach).post(study.get_join_url())

    assert not study.memberships.exists()


def test_the_lead_sees_all_numbers_but_not_another_coachs_coachee(client_for, study, coach, joined):
    client = client_for(coach)

    page = client.get(study.get_absolute_url())

    assert page.context["rows"] == []  # no coachee rows of another practice
    assert joined.token not in page.content.decode()
    goal = next(change for change in page.context["changes"] if change.scale.code == "goal")
    assert (goal.n, goal.before) == (0, None)  # the start only; the pair needs an end
    assert page.context["coaches"][0][1] == 1
    detail = reverse("research:coachee-detail", args=[study.pk, joined.code])
    assert client.get(detail).status_code == 404
    for name in ("research:coachee-end", "research:link-revoke"):
        assert client.post(reverse(name, args=[study.pk, joined.code])).status_code == 404
    joined.refresh_from_db()
    assert joined.end_opened_at is None and joined.link_works
    exported = client.get(reverse("research:study-export", args=[study.pk])).content.decode()
    assert joined.code in exported and "Alleen voor mijn eigen coach" not in exported


def test_a_partner_who_chose_to_be_seen_is_seen_by_their_coach_only(
    client_for, coach, second_coach, joined, make_rater
):
    """The partner agreed that the coach and the coachee may see them: not the study's lead."""
    study = joined.study
    make_rater(joined, group=RaterGroup.PARTNER, value=5, identifiable=True)

    def partners(client):
        page = client.get(study.get_absolute_url())
        return next(group for group in page.context["network"] if group.group == "partner")

    assert partners(client_for(second_coach)).means[0][1] == 5
    seen_by_lead = partners(client_for(coach))
    assert (seen_by_lead.answered, seen_by_lead.visible, seen_by_lead.means) == (1, False, [])
    exported = client_for(coach).get(reverse("research:study-export", args=[study.pk]))
    rows = list(csv.DictReader(io.StringIO(exported.content.decode())))
    assert not [row for row in rows if row["code"] == "partner"]


def test_a_joined_coach_sees_only_their_own_practice(
    client_for, coachee, second_coach, joined, answer_start
):
    study = coachee.study
    answer_start(coachee, value=1)
    client = client_for(second_coach)

    page = client.get(study.get_absolute_url())

    assert [row.coachee for row in page.context["rows"]] == [joined]
    assert coachee.token not in page.content.decode()
    exported = client.get(reverse("research:study-export", args=[study.pk])).content.decode()
    codes = {row["code"] for row in csv.DictReader(io.StringIO(exported))}
    assert codes == {joined.code}
    detail = client.get(reverse("research:coachee-detail", args=[study.pk, joined.code]))
    assert "Alleen voor mijn eigen coach" in detail.content.decode()
    join_url = study.get_join_url()
    assert client.post(reverse("research:study-close", args=[study.pk])).status_code == 404
    assert client.post(reverse("research:join-link-renew", args=[study.pk])).status_code == 404
    study.refresh_from_db()
    assert study.is_open and study.get_join_url() == join_url


def test_the_coachee_of_a_joined_coach_consents_to_the_lead_too(client, study, joined):
    consent = Consent.objects.get(participant=joined, purpose="participate")
    assert consent.text_version == COACHEE_SHARED_CONSENT

    other = services.add_coachee(
        study, email="", language="nl", by=services.study_coaches(study)[0][0]
    )
    page = client.get(reverse("research:link", args=[other.token])).content.decode()

    assert "Noor de Tweede" in page  # their own coach asks
    assert study.owner.profile.display_name in page  # and the consent names the lead
