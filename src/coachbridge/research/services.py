"""What happens in a practice-based study: every change to a study goes through here."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coachbridge.common.activity import log_action
from coachbridge.common.emails import queue_email
from coachbridge.research.consent import (
    COACHEE_CONSENT,
    COACHEE_SHARED_CONSENT,
    IDENTIFIABLE_CONSENT,
    RATER_CONSENT,
)
from coachbridge.research.enums import Moment, ParticipantRole, RaterGroup
from coachbridge.research.instruments import COACHEE_SESSION, Instrument, instrument_for
from coachbridge.research.models import (
    LINK_DAYS,
    Consent,
    Participant,
    Response,
    Study,
    StudyCoach,
    new_code,
    new_token,
)
from coachbridge.research.sealing import seal, unseal
from coachbridge.research.summary import summary_initial

MAX_COACHEES_PER_STUDY = 500
MAX_RATERS_PER_COACHEE = 12
PARTICIPATE = "participate"
IDENTIFIABLE = "identifiable"


def studies_of(user: Any) -> QuerySet[Study]:
    """The studies a member leads or joined as a coach."""
    return Study.objects.filter(Q(owner=user) | Q(coaches=user)).distinct()


def is_study_coach(study: Study, user: Any) -> bool:
    return study.owner_id == user.pk or study.memberships.filter(coach=user).exists()


def coachees_in_view(study: Study, user: Any) -> QuerySet[Participant]:
    """Whose answers a member sees in a study: all coachees for the lead, else their own."""
    coachees = study.participants.filter(role=ParticipantRole.COACHEE)
    return coachees if study.owner_id == user.pk else coachees.filter(coach=user)


def study_coaches(study: Study) -> list[tuple[Any, int]]:
    """The coaches who joined, each with how many coachees they added."""
    counts = {
        row["coach"]: row["total"]
        for row in study.participants.filter(role=ParticipantRole.COACHEE)
        .values("coach")
        .annotate(total=Count("pk"))
    }
    return [
        (membership.coach, counts.get(membership.coach_id, 0))
        for membership in study.memberships.select_related("coach__profile")
    ]


def join_study(study: Study, user: Any) -> None:
    """A member joins through the study's join link, to add coachees of their own practice."""
    if not study.is_open:
        raise ValidationError(_("This study is closed."))
    if not is_study_coach(study, user):
        StudyCoach.objects.create(study=study, coach=user)
        log_action("research.coach_joined", actor=user, obj=study)


def renew_join_link(study: Study, *, by: Any) -> None:
    study.join_token = new_token()
    study.save(update_fields=["join_token"])
    log_action("research.join_link_renewed", actor=by, obj=study)


def study_by_join_token(token: str) -> Study | None:
    return Study.objects.filter(join_token=token).select_related("owner__profile").first()


def create_study(owner: Any, *, title: str, aim: str, agenda_question: Any = None) -> Study:
    study = Study.objects.create(owner=owner, title=title, aim=aim, agenda_question=agenda_question)
    log_action("research.study_created", actor=owner, obj=study)
    return study


def _create_participant(study: Study, prefix: str, **fields: Any) -> Participant:
    """A participant with a code not used yet in the study (codes are short: retry on a clash)."""
    for _attempt in range(20):
        try:
            with transaction.atomic():
                return Participant.objects.create(study=study, code=new_code(prefix), **fields)
        except IntegrityError:
            continue
    raise RuntimeError("no free participant code")  # 32^5 codes: only a bug gets here


def add_coachee(study: Study, *, email: str, language: str, by: Any) -> Participant:
    if not study.is_open:
        raise ValidationError(_("This study is closed. Open a new study to add coachees."))
    if study.participants.filter(role=ParticipantRole.COACHEE).count() >= MAX_COACHEES_PER_STUDY:
        raise ValidationError(
            _("A study has at most %(count)d coachees.") % {"count": MAX_COACHEES_PER_STUDY}
        )
    coachee = _create_participant(
        study,
        "C",
        coach=by,
        role=ParticipantRole.COACHEE,
        language=language,
        sealed_email=seal(email),
    )
    log_action("research.coachee_added", actor=by, obj=study, code=coachee.code)
    if email:
        _send_invitation(coachee, email, "research/email/coachee_invitation")
    return coachee


def add_rater(coachee: Participant, *, group: str, email: str, language: str) -> Participant:
    """The coachee asks someone close by; their e-mail address is used once and not kept."""
    if not coachee.study.is_open:
        raise ValidationError(_("This study is closed."))
    if coachee.raters.count() >= MAX_RATERS_PER_COACHEE:
        raise ValidationError(
            _("You can ask at most %(count)d people.") % {"count": MAX_RATERS_PER_COACHEE}
        )
    if group == RaterGroup.PARTNER and coachee.raters.filter(group=RaterGroup.PARTNER).exists():
        raise ValidationError(_("You have already asked your partner."))
    rater = _create_participant(
        coachee.study,
        "N",
        coach=coachee.coach,
        role=ParticipantRole.RATER,
        coachee=coachee,
        group=group,
        language=language,
    )
    log_action("research.rater_added", obj=coachee.study, code=rater.code, group=group)
    if email:
        _send_invitation(rater, email, "research/email/rater_invitation")
    return rater


def _send_invitation(participant: Participant, email: str, template: str) -> None:
    link = settings.SITE_URL.rstrip("/") + participant.get_link_url()
    coach = coach_name(participant)
    with translation.override(participant.language):
        context = {"link": link, "coach": coach, "SITE_NAME": settings.SITE_NAME}
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_message.txt", context)
    queue_email(
        EmailMultiAlternatives(subject=f"[{settings.SITE_NAME}] {subject}", body=body, to=[email])
    )
    if not participant.link_sent:
        participant.link_sent = True
        participant.save(update_fields=["link_sent"])


def member_name(user: Any) -> str:
    """The name a member shows in the network (never their e-mail address)."""
    profile = getattr(user, "profile", None)
    return profile.display_name if profile and profile.display_name else _("a member")


def coach_name(participant: Participant) -> str:
    """The name a coachee or rater knows the study by: their coach's, else the lead's."""
    return member_name(participant.coach or participant.study.owner)


def has_consent(participant: Participant, purpose: str = PARTICIPATE) -> bool:
    latest = participant.consents.filter(purpose=purpose).order_by("-created", "-pk").first()
    return bool(latest and latest.given)


def consent_version(participant: Participant) -> str:
    if not participant.is_coachee:
        return RATER_CONSENT
    led_by_another = participant.study.owner_id != participant.coach_id
    return COACHEE_SHARED_CONSENT if led_by_another else COACHEE_CONSENT


@transaction.atomic
def give_consent(participant: Participant, *, identifiable: bool = False) -> None:
    language = translation.get_language() or "nl"
    Consent.objects.create(
        participant=participant,
        purpose=PARTICIPATE,
        text_version=consent_version(participant),
        language=language,
        given=True,
    )
    if participant.group == RaterGroup.PARTNER:
        Consent.objects.create(
            participant=participant,
            purpose=IDENTIFIABLE,
            text_version=IDENTIFIABLE_CONSENT,
            language=language,
            given=identifiable,
        )
        participant.identifiable = identifiable
        participant.save(update_fields=["identifiable"])
    if participant.link_opened_at is None:  # consent is given on the link's own page
        participant.link_opened_at = timezone.now()
        participant.save(update_fields=["link_opened_at"])
    log_action("research.consent_given", obj=participant.study, code=participant.code)


def due_moment(participant: Participant) -> str | None:
    """The questionnaire this person can fill in now, if any."""
    if participant.withdrawn_at or not participant.study.is_open:
        return None
    done = set(participant.responses.values_list("moment", flat=True))
    if not participant.is_coachee:
        return None if Moment.NETWORK in done else Moment.NETWORK
    if Moment.START not in done:
        return Moment.START
    if participant.end_opened_at and Moment.END not in done:
        return Moment.END
    return None


def _check_answers(instrument: Instrument, answers: dict[str, int | None]) -> None:
    if set(answers) != {item.code for item in instrument.items}:
        raise ValidationError(_("Answer every question, or choose “I don't know”."))


def save_response(
    participant: Participant, *, moment: str, answers: dict[str, int | None], comment: str
) -> Response:
    if due_moment(participant) != moment or not has_consent(participant):
        raise ValidationError(_("This questionnaire is not open for you now."))
    instrument = instrument_for(moment)
    _check_answers(instrument, answers)
    response = Response.objects.create(
        participant=participant,
        moment=moment,
        instrument=instrument.code,
        answers=answers,
        comment=comment if instrument.open_question else "",
    )
    log_action("research.answered", obj=participant.study, code=participant.code, moment=moment)
    return response


def can_check_in(participant: Participant) -> bool:
    """A coachee answers a few questions after each session, between start and end."""
    if not participant.is_coachee or participant.withdrawn_at or not participant.study.is_open:
        return False
    done = set(participant.responses.values_list("moment", flat=True))
    return Moment.START in done and Moment.END not in done and has_consent(participant)


def save_check_in(
    participant: Participant, *, answers: dict[str, int | None], comment: str
) -> Response:
    """The next session's check-in, numbered 1, 2, ... per coachee."""
    if not can_check_in(participant):
        raise ValidationError(_("This questionnaire is not open for you now."))
    _check_answers(COACHEE_SESSION, answers)
    last = participant.responses.filter(moment=Moment.SESSION).aggregate(Max("session"))
    try:
        with transaction.atomic():
            response = Response.objects.create(
                participant=participant,
                moment=Moment.SESSION,
                session=(last["session__max"] or 0) + 1,
                instrument=COACHEE_SESSION.code,
                answers=answers,
                comment=comment,
            )
    except IntegrityError:  # the same form sent twice at once
        raise ValidationError(_("These answers were already sent.")) from None
    log_action(
        "research.answered",
        obj=participant.study,
        code=participant.code,
        moment=Moment.SESSION,
        session=response.session,
    )
    return response


@transaction.atomic
def withdraw(participant: Participant) -> None:
    """Stopping erases a person's answers and contact; a coachee's raters go with them."""
    now = timezone.now()
    people = [participant, *participant.raters.all()] if participant.is_coachee else [participant]
    for person in people:
        Response.objects.filter(participant=person).delete()
        Consent.objects.create(
            participant=person,
            purpose=PARTICIPATE,
            text_version=consent_version(person),
            language=translation.get_language() or "nl",
            given=False,
        )
        person.withdrawn_at = now
        person.sealed_email = ""
        if person is not participant:
            person.revoked_at = now  # their link now leads nowhere
        person.save(update_fields=["withdrawn_at", "sealed_email", "revoked_at"])
    log_action("research.withdrawn", obj=participant.study, code=participant.code)


def open_end(coachee: Participant, *, by: Any) -> None:
    """The coaching has ended: the end questionnaire opens; the coachee gets an e-mail once."""
    if coachee.end_opened_at or coachee.withdrawn_at or not coachee.study.is_open:
        return
    coachee.end_opened_at = timezone.now()
    email = unseal(coachee.sealed_email)
    coachee.sealed_email = ""  # not needed any more after this last invitation
    coachee.save(update_fields=["end_opened_at", "sealed_email"])
    log_action("research.end_opened", actor=by, obj=coachee.study, code=coachee.code)
    if email and coachee.link_works:
        _send_invitation(coachee, email, "research/email/coachee_end")


def renew_link(participant: Participant, *, by: Any) -> None:
    """A new link replaces the old one, which stops working at once."""
    participant.token = new_token()
    participant.revoked_at = None
    participant.link_opened_at = None
    participant.expires_at = timezone.now() + timedelta(days=LINK_DAYS[participant.role])
    participant.save(update_fields=["token", "revoked_at", "link_opened_at", "expires_at"])
    log_action("research.link_renewed", actor=by, obj=participant.study, code=participant.code)


def note_link_opened(participant: Participant, *, by: Any) -> None:
    """The person opened their link (the coach trying it out does not count)."""
    if participant.link_opened_at is None and participant.coach_id != getattr(by, "pk", None):
        participant.link_opened_at = timezone.now()
        participant.save(update_fields=["link_opened_at"])


def revoke_link(participant: Participant, *, by: Any) -> None:
    participant.revoked_at = timezone.now()
    participant.save(update_fields=["revoked_at"])
    log_action("research.link_revoked", actor=by, obj=participant.study, code=participant.code)


@transaction.atomic
def close_study(study: Study, *, by: Any) -> None:
    """Closing keeps the answers for analysis, stops every link and erases contact details."""
    now = timezone.now()
    study.closed_at = now
    study.save(update_fields=["closed_at"])
    study.participants.filter(revoked_at__isnull=True).update(revoked_at=now)
    study.participants.update(sealed_email="")
    log_action("research.study_closed", actor=by, obj=study)


def studies_on_question(question: Any) -> int:
    """How many studies help answer an agenda question (merged questions count too)."""
    return Study.objects.filter(
        Q(agenda_question=question) | Q(agenda_question__merged_into=question)
    ).count()


def summary_draft(user: Any, study_pk: int) -> dict[str, Any] | None:
    """A summary draft of a study the member leads or joined; None for anyone else's."""
    study = studies_of(user).filter(pk=study_pk).first()
    if study is None:
        return None
    log_action("research.summary_drafted", actor=user, obj=study)
    return summary_initial(study, coachees_in_view(study, user))


def participant_by_token(token: str) -> Participant | None:
    """The person behind a working link; None for unknown, revoked and expired links alike."""
    if not token:
        return None
    participant = (
        Participant.objects.select_related(
            "study", "study__owner__profile", "coach__profile", "coachee"
        )
        .filter(token=token, revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    return participant
