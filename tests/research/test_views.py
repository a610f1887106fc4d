"""The coach's pages and the personal link pages, through real requests."""

import re

import pytest
from django.urls import reverse

from coachbridge.common.models import ActivityLog
from coachbridge.research import services
from coachbridge.research.enums import Moment, RaterGroup
from coachbridge.research.instruments import COACHEE_SESSION, COACHEE_START, NETWORK
from coachbridge.research.models import Participant, Response, Study
from tests.factories.agenda import QuestionFactory
from tests.research.conftest import answers_for

pytestmark = pytest.mark.django_db


def without_per_request_values(content):
    """A page less what changes with every request: nonces and CSRF tokens."""
    return re.sub(rb'(nonce|value)="[^"]*"', b"", content)


def link(participant, name="research:link"):
    return reverse(name, kwargs={"token": participant.token})


def questionnaire_post(instrument, value="4", **extra):
    return {item.code: value for item in instrument.items} | extra


# --- the coach's side -------------------------------------------------------------------------


def test_a_member_starts_a_study_and_an_empty_title_is_refused(client_for, coach):
    client = client_for(coach)

    refused = client.post(reverse("research:study-create"), {"title": "", "aim": "Leren"})
    made = client.post(reverse("research:study-create"), {"title": "Mijn meting", "aim": ""})

    assert refused.status_code == 200 and refused.context["form"].errors["title"]
    study = Study.objects.get()
    assert (study.title, study.owner) == ("Mijn meting", coach)
    assert made["Location"] == study.get_absolute_url()


def test_only_the_owner_sees_a_study_and_each_view_is_logged(client_for, study, coach, member):
    response = client_for(coach).get(study.get_absolute_url())

    assert response.status_code == 200
    assert client_for(member).get(study.get_absolute_url()).status_code == 404
    assert (
        ActivityLog.objects.filter(
            action="research.study_viewed", actor=coach, object_id=str(study.pk)
        ).count()
        == 1
    )


def test_another_member_cannot_change_a_study(client_for, study, coachee, member):
    client = client_for(member)
    kwargs = {"pk": study.pk, "code": coachee.code}

    for name in ("research:coachee-end", "research:link-revoke", "research:link-renew"):
        assert client.post(reverse(name, kwargs=kwargs)).status_code == 404
    assert client.post(reverse("research:study-close", args=[study.pk])).status_code == 404
    add = client.post(reverse("research:coachee-add", args=[study.pk]), {"language": "nl"})
    assert add.status_code == 404
    coachee.refresh_from_db()
    assert coachee.end_opened_at is None and coachee.revoked_at is None
    assert study.participants.count() == 1


def test_adding_a_coachee_with_a_wrong_address_says_what_to_fix(client_for, study, coach):
    response = client_for(coach).post(
        reverse("research:coachee-add", args=[study.pk]),
        {"email": "lisa-at-example", "language": "nl"},
    )

    assert response.status_code == 400
    assert response.context["coachee_form"].errors["email"]
    assert not study.participants.exists()


def test_the_coach_adds_a_coachee_and_sees_their_link(client_for, study, coach):
    client = client_for(coach)

    response = client.post(
        reverse("research:coachee-add", args=[study.pk]), {"email": "", "language": "en"}
    )

    coachee = study.participants.get()
    assert response.status_code == 302 and coachee.language == "en"
    page = client.get(study.get_absolute_url()).content.decode()
    assert coachee.code in page and coachee.token in page


def test_once_the_coachee_opened_the_link_the_coach_no_longer_sees_it(
    client, client_for, study, coach
):
    """The coach hands the link over; after that it is the coachee's alone (the coach could
    otherwise give consent or ask people in the coachee's name). A new link starts over."""
    coach_client = client_for(coach)
    coach_client.post(
        reverse("research:coachee-add", args=[study.pk]), {"email": "", "language": "nl"}
    )
    coachee = study.participants.get()
    coach_client.get(link(coachee))  # the coach tries the link out: still theirs to hand over
    assert coachee.token in coach_client.get(study.get_absolute_url()).content.decode()

    client.get(link(coachee))
    page = coach_client.get(study.get_absolute_url()).content.decode()

    assert coachee.token not in page
    assert "heeft deze link geopend" in page
    assert not ActivityLog.objects.filter(action="research.link_renewed").exists()
    coach_client.post(reverse("research:link-renew", args=[study.pk, coachee.code]))
    coachee.refresh_from_db()
    assert coachee.link_opened_at is None
    assert ActivityLog.objects.filter(action="research.link_renewed").count() == 1
    assert coachee.token in coach_client.get(study.get_absolute_url()).content.decode()
    services.give_consent(coachee)  # only on the link's own page: it was opened
    assert coachee.token not in coach_client.get(study.get_absolute_url()).content.decode()


def test_a_closed_study_takes_no_coachees(client_for, study, coach):
    services.close_study(study, by=coach)

    response = client_for(coach).post(
        reverse("research:coachee-add", args=[study.pk]),
        {"email": "", "language": "nl"},
        follow=True,
    )

    assert not study.participants.exists()
    assert "closed" in response.content.decode().lower() or "gesloten" in response.content.decode()


def coachee_row(page, coachee):
    return re.search(rf'<tr id="coachee-{coachee.code}">(.*?)</tr>', page, re.S).group(1)


def test_a_coachee_who_stopped_shows_only_that_they_stopped(
    client_for, coach, coachee, make_rater, answer_start
):
    answer_start(coachee)
    make_rater(coachee)
    services.open_end(coachee, by=coach)
    services.withdraw(coachee)

    page = client_for(coach).get(coachee.study.get_absolute_url()).content.decode()
    row = coachee_row(page, coachee)

    assert "stopped" in row or "gestopt" in row
    for shown in ("open", "asked", "gevraagd"):
        assert shown not in row


def test_export_is_a_csv_download_and_is_logged(client_for, study, coach, coachee, answer_start):
    answer_start(coachee)

    response = client_for(coach).get(reverse("research:study-export", args=[study.pk]))

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert coachee.code in response.content.decode()
    entry = ActivityLog.objects.get(action="research.exported")
    assert (entry.actor, entry.data["rows"]) == (coach, 1)


def test_words_raters_wrote_are_shown_to_neither_coach_nor_coachee(
    client, client_for, coachee, make_rater, answer_start
):
    answer_start(coachee)
    raters = [make_rater(coachee) for _ in range(3)]
    # written under the earlier questionnaire, which still asked for them
    Response.objects.filter(participant=raters[0]).update(comment="Collega Jan merkt rust")

    coach_page = client_for(coachee.coach).get(coachee.study.get_absolute_url()).content.decode()
    coachee_page = client.get(link(coachee)).content.decode()

    for page in (coach_page, coachee_page):
        assert "Collega Jan" not in page
        assert "4.0" in page or "4,0" in page  # the group average still shows


# --- personal links ---------------------------------------------------------------------------


def test_unknown_revoked_and_expired_links_look_the_same(client, coachee, coach):
    unknown = client.get(reverse("research:link", kwargs={"token": "x" * 32}))
    services.revoke_link(coachee, by=coach)
    revoked = client.get(link(coachee))

    assert unknown.status_code == revoked.status_code == 404
    assert without_per_request_values(unknown.content) == without_per_request_values(
        revoked.content
    )


def test_link_pages_are_not_cached_or_indexed(client, coachee):
    response = client.get(link(coachee))

    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_coachee_must_tick_consent_and_then_answers(client, study, coach):
    person = services.add_coachee(study, email="", language="nl", by=coach)

    refused = client.post(link(person), {})
    assert refused.status_code == 400 and not person.consents.exists()
    assert client.get(link(person, "research:link-questionnaire")).status_code == 302

    client.post(link(person), {"agree": "on"})
    assert services.has_consent(person)

    incomplete = client.post(
        link(person, "research:link-questionnaire"),
        questionnaire_post(COACHEE_START, goal_clear=""),
    )
    assert incomplete.status_code == 400 and not Response.objects.exists()

    answers = questionnaire_post(COACHEE_START, comment="Meer rust")
    answers["goal_progress"] = "dk"
    done = client.post(link(person, "research:link-questionnaire"), answers)

    response = Response.objects.get(participant=person)
    assert done.status_code == 302
    assert response.moment == Moment.START and response.comment == "Meer rust"
    assert response.answers["goal_progress"] is None and response.answers["goal_clear"] == 4


def test_the_new_study_page_says_that_joining_coaches_see_the_title(client_for, coach):
    page = client_for(coach).get(reverse("research:study-create")).content.decode()

    assert "Only you see it" not in page and "Alleen jij ziet die" not in page
    assert "Voor jezelf" not in page


def test_the_consent_page_says_the_address_the_coach_gave_is_kept(client, study, coach):
    with_address = services.add_coachee(study, email="lisa@example.net", language="en", by=coach)
    without = services.add_coachee(study, email="", language="en", by=coach)

    kept = client.get(link(with_address)).content.decode()
    nothing = client.get(link(without)).content.decode()

    assert "Nothing is stored" not in kept and "keep it locked away" in kept
    assert link(with_address, "research:link-withdraw") in kept
    assert "Nothing is stored" in nothing and "locked away" not in nothing


def test_the_link_page_speaks_the_language_the_coach_chose(client, study, coach):
    person = services.add_coachee(study, email="", language="en", by=coach)

    page = client.get(link(person)).content.decode()

    assert "Do you want to take part?" in page


def test_a_coachee_asks_people_around_them(client, coachee):
    bad = client.post(link(coachee, "research:link-rater-add"), {"group": "boss", "language": "nl"})
    assert bad.status_code == 400 and not coachee.raters.exists()

    made = client.post(
        link(coachee, "research:link-rater-add"), {"group": RaterGroup.COLLEAGUE, "language": "nl"}
    )

    rater = coachee.raters.get()
    assert made["Location"].endswith(f"#rater-{rater.code}")
    assert rater.token in client.get(link(coachee)).content.decode()


def test_a_coachee_never_sees_another_coachees_people(client, study, coach, coachee):
    other = services.add_coachee(study, email="", language="nl", by=coach)
    services.give_consent(other)
    hidden = services.add_rater(other, group=RaterGroup.COLLEAGUE, email="", language="nl")

    page = client.get(link(coachee)).content.decode()

    assert hidden.token not in page and hidden.code not in page


def test_a_rater_cannot_ask_others(client, coachee, make_rater):
    rater = make_rater(coachee)

    response = client.post(
        link(rater, "research:link-rater-add"), {"group": RaterGroup.COLLEAGUE, "language": "nl"}
    )

    assert response.status_code == 404
    assert Participant.objects.filter(coachee=coachee).count() == 1


def test_a_rater_is_not_asked_to_write_anything(client, coachee):
    rater = services.add_rater(coachee, group=RaterGroup.COLLEAGUE, email="", language="nl")
    client.post(link(rater), {"agree": "on"})

    form = client.get(link(rater, "research:link-questionnaire")).context["form"]
    client.post(
        link(rater, "research:link-questionnaire"),
        questionnaire_post(NETWORK, comment="Collega Jan merkt rust"),
    )

    assert "comment" not in form.fields
    assert Response.objects.get(participant=rater).comment == ""


def test_a_partner_chooses_to_be_seen_on_the_consent_page(client, coachee):
    partner = services.add_rater(coachee, group=RaterGroup.PARTNER, email="", language="nl")

    client.post(link(partner), {"agree": "on", "identifiable": "on"})
    client.post(link(partner, "research:link-questionnaire"), questionnaire_post(NETWORK, "5"))

    partner.refresh_from_db()
    assert partner.identifiable
    assert Response.objects.get(participant=partner).moment == Moment.NETWORK


def test_stopping_through_the_link_deletes_the_answers(client, coachee, answer_start):
    answer_start(coachee)

    assert client.get(link(coachee, "research:link-withdraw")).status_code == 200
    client.post(link(coachee, "research:link-withdraw"))

    assert not Response.objects.exists()
    page = client.get(link(coachee))
    assert page.status_code == 200
    assert page.templates[0].name == "research/link/withdrawn.html"


def test_a_coachee_who_answered_the_end_is_thanked(client, coachee, coach, answer_start):
    answer_start(coachee)
    services.open_end(coachee, by=coach)
    client.post(link(coachee, "research:link-questionnaire"), questionnaire_post(COACHEE_START))

    page = client.get(link(coachee))

    assert Response.objects.filter(participant=coachee, moment=Moment.END).exists()
    assert page.context["finished"] and not page.context["check_in"] and not page.context["due"]
    assert "Thank you: your answers are saved" in page.content.decode() or (
        "je antwoorden zijn bewaard" in page.content.decode()
    )


def test_a_study_on_an_agenda_question_is_counted_on_the_question(client_for, coach, member):
    question = QuestionFactory()
    client = client_for(coach)
    form = client.get(reverse("research:study-create") + f"?question={question.pk}")
    assert form.context["form"]["agenda_question"].value() == str(question.pk)

    client.post(
        reverse("research:study-create"),
        {"title": "Meten wat de omgeving merkt", "aim": "", "agenda_question": question.pk},
    )

    assert Study.objects.get().agenda_question == question
    page = client_for(member).get(reverse("agenda:question-detail", args=[question.pk]))
    assert page.context["practice_studies"] == 1
    assert "Meten wat de omgeving merkt" not in page.content.decode()  # a count, not who


def test_the_coachee_sees_what_people_noticed_three_answers_at_a_time(client, coachee, make_rater):
    for _ in range(3):
        make_rater(coachee, value=4)
    make_rater(coachee, value=1)

    (colleagues,) = client.get(link(coachee)).context["network"]

    assert (colleagues.answered, colleagues.released, colleagues.means[0][1]) == (4, 3, 4)


def test_after_asking_a_partner_the_form_offers_no_second(client, coachee):
    services.add_rater(coachee, group=RaterGroup.PARTNER, email="", language="nl")

    form = client.get(link(coachee)).context["rater_form"]

    assert RaterGroup.PARTNER not in dict(form.fields["group"].choices)


def test_link_pages_have_no_site_menu(client, coachee):
    page = client.get(link(coachee)).content.decode()

    assert 'class="site-nav"' not in page
    assert reverse("account_signup") not in page


def test_the_coach_does_not_see_which_coachees_people_answered(
    client_for, study, coach, coachee, make_rater
):
    make_rater(coachee)
    services.add_rater(coachee, group=RaterGroup.OTHER, email="", language="nl")

    page = client_for(coach).get(study.get_absolute_url()).content.decode()

    assert "2 asked" in page or "2 gevraagd" in page
    assert "1 of 2" not in page and "1 van 2" not in page


def test_a_link_sent_by_email_is_not_shown_to_the_coachee(client, coachee):
    by_mail = services.add_rater(
        coachee, group=RaterGroup.COLLEAGUE, email="collega@example.net", language="nl"
    )
    by_hand = services.add_rater(coachee, group=RaterGroup.COLLEAGUE, email="", language="nl")

    page = client.get(link(coachee)).content.decode()

    assert by_mail.link_sent and not by_hand.link_sent
    assert by_mail.token not in page and by_hand.token in page


def test_the_coach_follows_one_coachee_over_time(client_for, coach, member, coachee, answer_start):
    study = coachee.study
    answer_start(coachee, value=2, comment="Ik wil <b>rust</b>")
    services.save_check_in(coachee, answers=answers_for(COACHEE_SESSION, 4), comment="Goed gesprek")
    url = reverse("research:coachee-detail", args=[study.pk, coachee.code])

    response = client_for(coach).get(url)

    titles = [answered.title for answered in response.context["timeline"]]
    assert titles == [str(COACHEE_START.title), str(COACHEE_SESSION.title)]
    page = response.content.decode()
    assert "Ik wil &lt;b&gt;rust&lt;/b&gt;" in page and "Goed gesprek" in page
    assert "Na sessie 1" in page or "After session 1" in page
    assert ActivityLog.objects.filter(action="research.coachee_viewed", actor=coach).exists()
    assert client_for(member).get(url).status_code == 404


def test_the_questions_start_in_the_language_of_the_page(client, coachee):
    client.cookies["django_language"] = "en"

    form = client.get(link(coachee)).context["rater_form"]

    assert form["language"].value() == "en"
