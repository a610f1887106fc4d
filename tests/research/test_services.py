"""Consent, questionnaires, withdrawal and closing: the rules of a practice-based study."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from coachbridge.common.models import ActivityLog
from coachbridge.research import services
from coachbridge.research.consent import COACHEE_CONSENT, IDENTIFIABLE_CONSENT, consent_points
from coachbridge.research.enums import Moment, RaterGroup
from coachbridge.research.instruments import COACHEE_END, COACHEE_START
from coachbridge.research.models import Consent, Participant, Response
from coachbridge.research.sealing import unseal
from tests.research.conftest import answers_for

pytestmark = pytest.mark.django_db


def test_a_coachee_gets_a_code_a_sealed_address_and_an_invitation(study, coach, mailoutbox):
    coachee = services.add_coachee(study, email="lisa@example.net", language="en", by=coach)

    assert coachee.code.startswith("C-") and len(coachee.code) == 7
    assert "lisa@example.net" not in coachee.sealed_email
    assert unseal(coachee.sealed_email) == "lisa@example.net"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["lisa@example.net"]
    assert coachee.token in mailoutbox[0].body
    assert "research into coaching" in mailoutbox[0].subject  # in the coachee's language


def test_consent_keeps_the_text_version_and_language(coachee):
    consent = Consent.objects.get(participant=coachee)

    assert (consent.purpose, consent.text_version, consent.given) == (
        "participate",
        COACHEE_CONSENT,
        True,
    )
    assert consent.language in ("nl", "en")


def test_a_partner_records_whether_they_may_be_seen(coachee):
    partner = services.add_rater(coachee, group=RaterGroup.PARTNER, email="", language="nl")

    services.give_consent(partner, identifiable=True)

    partner.refresh_from_db()
    assert partner.identifiable
    assert Consent.objects.filter(
        participant=partner, purpose="identifiable", text_version=IDENTIFIABLE_CONSENT, given=True
    ).exists()


def test_a_partner_is_not_told_about_words_they_cannot_write(coachee):
    partner = services.add_rater(coachee, group=RaterGroup.PARTNER, email="", language="nl")

    services.give_consent(partner)

    consent = Consent.objects.get(participant=partner, purpose="identifiable")
    with translation.override("en"):
        assert not any("write" in point for point in consent_points(consent.text_version))
        assert "write" in consent_points("identifiable-1")[0]  # what earlier partners agreed to


def test_a_coachee_asks_one_partner_only(coachee):
    services.add_rater(coachee, group=RaterGroup.PARTNER, email="", language="nl")

    with pytest.raises(ValidationError, match="partner"):
        services.add_rater(coachee, group=RaterGroup.PARTNER, email="", language="nl")


def test_a_raters_address_is_used_once_and_not_kept(coachee, mailoutbox):
    rater = services.add_rater(
        coachee, group=RaterGroup.COLLEAGUE, email="collega@example.net", language="nl"
    )

    assert rater.sealed_email == ""
    assert mailoutbox[0].to == ["collega@example.net"]
    assert rater.token in mailoutbox[0].body


def test_the_number_of_raters_is_limited(coachee):
    for _ in range(services.MAX_RATERS_PER_COACHEE):
        services.add_rater(coachee, group=RaterGroup.OTHER, email="", language="nl")

    with pytest.raises(ValidationError):
        services.add_rater(coachee, group=RaterGroup.OTHER, email="", language="nl")


def test_questionnaires_follow_the_course_of_the_coaching(coachee, coach, answer_start):
    assert services.due_moment(coachee) == Moment.START
    answer_start(coachee)
    assert services.due_moment(coachee) is None  # until the coach opens the end

    services.open_end(coachee, by=coach)

    assert services.due_moment(coachee) == Moment.END
    services.save_response(
        coachee, moment=Moment.END, answers=answers_for(COACHEE_END, 4), comment=""
    )
    assert services.due_moment(coachee) is None


def test_an_answer_needs_consent(study, coach):
    coachee = services.add_coachee(study, email="", language="nl", by=coach)

    with pytest.raises(ValidationError):
        services.save_response(
            coachee, moment=Moment.START, answers=answers_for(COACHEE_START, 3), comment=""
        )
    assert not Response.objects.exists()


def test_a_questionnaire_is_answered_once(coachee, answer_start):
    answer_start(coachee)

    with pytest.raises(ValidationError):
        answer_start(coachee)
    assert Response.objects.filter(participant=coachee).count() == 1


def test_every_item_needs_an_answer_or_dont_know(coachee):
    answers = answers_for(COACHEE_START, 3)
    answers.pop("goal_clear")

    with pytest.raises(ValidationError):
        services.save_response(coachee, moment=Moment.START, answers=answers, comment="")

    answers["goal_clear"] = None  # "don't know" counts as an answer
    services.save_response(coachee, moment=Moment.START, answers=answers, comment="")


def test_the_end_invitation_is_the_last_use_of_the_address(study, coach, mailoutbox):
    coachee = services.add_coachee(study, email="lisa@example.net", language="nl", by=coach)

    services.open_end(coachee, by=coach)

    coachee.refresh_from_db()
    assert coachee.sealed_email == ""
    assert [message.to for message in mailoutbox] == [["lisa@example.net"]] * 2
    assert coachee.token in mailoutbox[1].body


def test_withdrawal_erases_answers_of_the_coachee_and_their_raters(
    coachee, make_rater, answer_start
):
    answer_start(coachee)
    rater = make_rater(coachee)

    services.withdraw(coachee)

    coachee.refresh_from_db()
    rater.refresh_from_db()
    assert not Response.objects.exists()
    assert coachee.withdrawn_at and rater.withdrawn_at
    assert rater.revoked_at is not None  # the rater's link stops
    assert coachee.revoked_at is None  # the coachee still sees that they stopped
    assert not services.has_consent(coachee)
    assert services.due_moment(coachee) is None


def test_a_rater_who_withdraws_takes_only_their_own_answers(coachee, make_rater, answer_start):
    answer_start(coachee)
    rater = make_rater(coachee)

    services.withdraw(rater)

    assert Response.objects.filter(participant=coachee).count() == 1
    assert not Response.objects.filter(participant=rater).exists()


def test_closing_keeps_answers_and_erases_links_and_addresses(study, coach, answer_start):
    coachee = services.add_coachee(study, email="lisa@example.net", language="nl", by=coach)
    services.give_consent(coachee)
    answer_start(coachee)

    services.close_study(study, by=coach)

    coachee.refresh_from_db()
    assert not study.is_open and study.closed_at is not None
    assert coachee.sealed_email == ""
    assert services.participant_by_token(coachee.token) is None
    assert Response.objects.filter(participant=coachee).count() == 1
    with pytest.raises(ValidationError):
        services.add_coachee(study, email="", language="nl", by=coach)
    services.open_end(coachee, by=coach)
    coachee.refresh_from_db()
    assert coachee.end_opened_at is None


def test_links_stop_when_revoked_or_expired_and_a_new_link_replaces_the_old(coachee, coach):
    token = coachee.token
    assert services.participant_by_token(token) == coachee

    services.revoke_link(coachee, by=coach)
    assert services.participant_by_token(token) is None

    services.renew_link(coachee, by=coach)
    assert coachee.token != token
    assert services.participant_by_token(token) is None
    assert services.participant_by_token(coachee.token) == coachee

    Participant.objects.filter(pk=coachee.pk).update(expires_at=timezone.now() - timedelta(1))
    assert services.participant_by_token(coachee.token) is None
    assert services.participant_by_token("") is None


def test_changes_are_logged_without_contact_details(study, coach):
    services.add_coachee(study, email="lisa@example.net", language="nl", by=coach)

    entries = ActivityLog.objects.filter(action__startswith="research.")
    assert {entry.action for entry in entries} >= {
        "research.study_created",
        "research.coachee_added",
    }
    assert "lisa@example.net" not in str(list(entries.values_list("data", flat=True)))


def test_mail_is_not_sent_without_an_address(study, coach):
    services.add_coachee(study, email="", language="nl", by=coach)

    assert mail.outbox == []
