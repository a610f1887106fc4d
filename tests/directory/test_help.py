"""The help-finder: a visitor's question leads to public coaches and plain-language texts,
says where urgent help is, and is never stored."""

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import reverse

from coachbridge.directory.services import QUESTION_MAX, find_help
from coachbridge.knowledge.enums import ItemStatus
from tests.factories.accounts import ProfileFactory
from tests.factories.knowledge import ItemFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

BURNOUT = "Ik begeleid mensen met een burn-out terug naar werk dat bij ze past."


def coach(name, expertise, bio, **fields):
    fields.setdefault("visibility", "public")
    return ProfileFactory(
        display_name=name, roles=["coach"], expertise=expertise, bio=bio, **fields
    )


@pytest.fixture
def coaches(db):
    return {
        "burnout": coach(
            "Sanne Burn-out", "loopbaancoaching, burn-out", BURNOUT, region="gelderland"
        ),
        "team": coach(
            "Joris Team",
            "teamcoaching, leiderschap",
            "Ik werk met teams en hun leider.",
            region="utrecht",
        ),
        "money": coach(
            "Leila Geld",
            "coaching bij weinig geld",
            "Coaching voor mensen met schulden en weinig geld.",
            region="online",
        ),
    }


def english():
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def ask(client, question, headers=None, **fields):
    """``headers``: the request's META, such as the address it comes from."""
    return client.post(
        reverse("directory:help"), {"question": question, **fields}, **(headers or {})
    )


def suggested(response):
    return [match.profile.display_name for match in response.context["answer"].coaches]


def test_a_dutch_question_finds_the_coach_who_writes_about_it_with_the_reason(client, coaches):
    response = ask(client, "Ik loop vast in mijn werk en ben bang voor een burn-out.")

    assert suggested(response)[0] == "Sanne Burn-out"
    assert "burn-out" in response.context["answer"].coaches[0].why[0]
    assert "Joris Team" not in suggested(response)


def test_an_english_question_finds_a_coach_who_writes_dutch(coaches):
    answer = find_help("I think I am heading for a burnout at work.", lang="en")

    assert [m.profile.display_name for m in answer.coaches][:1] == ["Sanne Burn-out"]
    assert answer.coaches[0].why == ["writes about burnout"]  # the visitor's own word


def test_the_reason_for_a_visitor_uses_their_words_not_the_engines_jargon(client, coaches):
    coach("Mo Mentor", "mentoring", "Ik ben mentor voor starters op de arbeidsmarkt.")

    response = ask(client, "Ik zoek begeleiding bij mijn eerste baan.")

    answer = response.context["answer"]
    (why,) = [m.why for m in answer.coaches if m.profile.display_name == "Mo Mentor"]
    assert len(why) == 1 and why[0].endswith(" begeleiding")
    assert "begeleidingsvorm" not in response.content.decode()


def test_coaches_who_show_their_profile_only_to_members_are_never_suggested(client, coaches):
    coaches["burnout"].visibility = "members"
    coaches["burnout"].save()

    response = ask(client, "Ik ben bang voor een burn-out.")

    assert "Sanne Burn-out" not in suggested(response)
    assert "Sanne Burn-out" not in response.content.decode()


def test_the_region_keeps_online_coaches(client, coaches):
    response = ask(client, "Ik heb schulden en weinig geld, en zoek een coach.", region="utrecht")
    other = ask(client, "Ik ben bang voor een burn-out.", region="utrecht")

    assert suggested(response) == ["Leila Geld"]  # works online
    assert "Sanne Burn-out" not in suggested(other)  # works in Gelderland


def test_an_edited_profile_is_found_by_its_new_words(client, coaches):
    question = "Mijn vader is overleden en ik kan niet meer werken door rouw."
    assert "Joris Team" not in suggested(ask(client, question))
    team = coaches["team"]
    team.expertise = "rouw en verlies"
    team.bio = "Ik help mensen na het verlies van een naaste."
    team.save()

    assert suggested(ask(client, question))[:1] == ["Joris Team"]


def test_a_text_that_shares_only_the_words_every_text_has_is_not_suggested(coaches):
    ItemFactory(
        status=ItemStatus.PUBLISHED,
        title="De werkrelatie tussen coach en coachee telt",
        findings="Hoe beter coach en coachee samenwerken, hoe beter de coaching helpt.",
    )

    answer = find_help("Ik zie geen uitweg meer, kan een coach helpen?", lang="nl")

    assert answer.items == []


def test_published_texts_in_the_readers_language_are_suggested(coaches):
    ItemFactory(
        status=ItemStatus.PUBLISHED,
        title="Helpt coaching bij burn-out?",
        findings="Coaching bij burn-out helpt mensen terug naar werk.",
    )
    ItemFactory(title="Concept over burn-out", findings="Burn-out en coaching.")
    ItemFactory(
        status=ItemStatus.PUBLISHED,
        language="en",
        title="Coaching and burnout",
        findings="Coaching helps with burnout.",
    )

    answer = find_help("Helpt coaching als je een burn-out hebt?", lang="nl")

    assert [item.title for item in answer.items] == ["Helpt coaching bij burn-out?"]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Ik wil niet meer leven en weet niet wat ik moet doen.", "nl"),
        ("Ik denk steeds vaker aan zelfmoord.", "nl"),
        ("Sometimes I want to die. Can a coach help?", "en"),
        ("I have been hurting myself since my divorce.", "en"),
    ],
)
def test_words_of_danger_put_urgent_help_first(client, coaches, question, lang):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang

    html = ask(client, question).content.decode()

    assert 'role="alert"' in html
    assert 'href="tel:0800-0113"' in html and 'href="tel:112"' in html
    assert html.index('role="alert"') < html.index('id="coaches-heading"')
    assert ("Gaat dit over jou?" in html) == (lang == "nl")


def test_violence_at_home_puts_veilig_thuis_first(client, coaches):
    html = ask(client, "Mijn man slaat mij en ik durf niet naar huis").content.decode()

    assert 'role="alert"' in html
    assert html.index('role="alert"') < html.index('id="coaches-heading"')
    assert html.index('href="tel:0800-2000"') < html.index('href="tel:0800-0113"')


def test_a_coach_asking_about_a_client_in_danger_gets_the_alert_and_coaches(client, coaches):
    coach("Ingrid Supervisie", "supervisie", "Ik geef supervisie aan beginnende coaches.")

    response = ask(client, "Een cliënt van mij denkt aan zelfmoord. Ik zoek supervisie.")

    assert response.context["answer"].danger
    assert suggested(response) == ["Ingrid Supervisie"]


def test_words_every_coach_shares_do_not_make_a_match(client, coaches):
    response = ask(client, "Ik zoek een coach. Wie kan mij helpen met coaching?")

    assert suggested(response) == []


def test_a_match_outside_the_chosen_region_is_named_as_the_reason_for_none(client, coaches):
    html = ask(client, "Ik ben bang voor een burn-out.", region="groningen").content.decode()

    assert "ze passen niet bij wat je koos (regio, taal of tarief)" in html


def test_an_ordinary_question_gets_the_calm_note_not_an_alarm(client, coaches):
    html = ask(client, "Ik wil een andere baan en weet niet welke.").content.decode()

    assert 'role="alert"' not in html
    assert "Is coaching de juiste hulp?" in html
    assert 'href="tel:0800-0113"' in html  # where urgent help is, always
    assert 'href="tel:0800-2000"' in html  # Veilig Thuis too


def test_the_question_is_never_stored_or_cached(client, coaches):
    def rows():
        return {m._meta.label: m.objects.count() for m in apps.get_models()}

    before = rows()
    response = ask(client, "Ik loop vast in mijn werk en ben bang voor een burn-out.")

    assert response.status_code == 200
    assert rows() == before
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(coaches):
    client = english()

    empty = ask(client, "   ")
    long = ask(client, "burn-out " * (QUESTION_MAX // 9 + 5))
    script = ask(client, "<script>alert(1)</script> burn-out")

    assert empty.context["answer"] is None
    assert "Write in a few words what you would like help with." in empty.content.decode()
    assert long.context["answer"] is None
    assert f"at most {QUESTION_MAX} characters" in long.content.decode()
    assert "burn-out burn-out" in long.content.decode()  # the text is still in the box
    assert "<script>alert(1)</script>" not in script.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in script.content.decode()


def test_the_form_page_opens_without_an_account(client):
    response = client.get(reverse("directory:help"))

    assert response.status_code == 200
    assert response.context["answer"] is None
    assert 'name="question"' in response.content.decode()


def test_a_question_no_coach_writes_about_suggests_nobody(client, coaches):
    response = ask(client, "Ik wil stoppen met roken en zoek iemand die werkt met teams.")
    unrelated = ask(client, "Hoe stop ik met roken?")

    assert suggested(response) == ["Joris Team"]  # "teams" is his subject; smoking is no one's
    assert suggested(unrelated) == []
    assert "We vonden geen coach die hierover schrijft." in unrelated.content.decode()


def test_the_page_title_says_whether_the_answer_or_an_error_came_back(client, coaches):
    def title(response):
        html = response.content.decode()
        return html[html.index("<title>") + 7 : html.index("</title>")]

    assert title(client.get(reverse("directory:help"))).startswith("Welke coach past")
    assert title(ask(client, "Ik ben bang voor een burn-out.")).startswith("Coaches voor je vraag")
    assert title(ask(client, "")).startswith("Kijk je vraag na")


@pytest.mark.usefixtures("locmem_cache")
def test_a_visitor_who_asks_too_often_waits_a_minute_and_others_can_still_ask(coaches):
    from coachbridge.directory.views import QUESTIONS_PER_MINUTE

    client = english()
    answered = [ask(client, "I am afraid of a burn-out.") for _ in range(QUESTIONS_PER_MINUTE)]
    stopped = ask(client, "I am afraid of a burn-out.")
    other = ask(english(), "I am afraid of a burn-out.", {"REMOTE_ADDR": "192.0.2.7"})

    assert all(response.context["answer"] for response in answered)
    assert stopped.status_code == 429
    assert stopped.context["answer"] is None
    assert "Please wait a minute and ask again." in stopped.content.decode()
    assert "I am afraid of a burn-out." in stopped.content.decode()  # still in the box
    assert other.status_code == 200
    assert suggested(other) == ["Sanne Burn-out"]


@pytest.mark.usefixtures("locmem_cache")
def test_a_stopped_question_about_danger_still_shows_where_urgent_help_is(coaches):
    from coachbridge.directory.views import QUESTIONS_PER_MINUTE

    client = english()
    for _ in range(QUESTIONS_PER_MINUTE):
        ask(client, "I am afraid of a burn-out.")
    stopped = ask(client, "I keep thinking about suicide.")

    assert stopped.status_code == 429
    html = stopped.content.decode()
    assert "Do you need help right now?" in html
    assert html.index("Do you need help right now?") < html.index('name="question"')
    assert 'href="tel:0800-0113"' in html


@pytest.mark.usefixtures("locmem_cache")
def test_behind_a_proxy_each_forwarded_address_counts_on_its_own(settings, coaches):
    from coachbridge.directory.views import QUESTIONS_PER_MINUTE

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    def via_proxy(address):
        return {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": address}

    first = english()
    for _ in range(QUESTIONS_PER_MINUTE + 1):
        last = ask(first, "burn-out", via_proxy("203.0.113.5"))
    second = ask(english(), "burn-out", via_proxy("203.0.113.9"))

    assert last.status_code == 429
    assert last.context["answer"] is None
    assert second.status_code == 200
    assert suggested(second) == ["Sanne Burn-out"]


@pytest.mark.usefixtures("locmem_cache")
def test_the_wait_message_does_not_point_to_fields_that_are_not_marked(coaches):
    from coachbridge.directory.views import QUESTIONS_PER_MINUTE

    client = english()
    for _ in range(QUESTIONS_PER_MINUTE):
        ask(client, "burn-out")
    stopped = ask(client, "burn-out").content.decode()
    empty = ask(english(), "").content.decode()

    assert "Please wait a minute" in stopped
    assert "Please check the fields marked below." not in stopped
    assert "Please check the fields marked below." in empty


def test_a_visitor_with_little_money_gets_only_coaches_with_a_lower_rate(client, coaches):
    coaches["money"].lower_rate = True
    coaches["money"].save()

    debts = ask(client, "Ik heb schulden en weinig geld.", lower_rate="on")
    burnout = ask(client, "Ik ben bang voor een burn-out.", lower_rate="on")

    assert suggested(debts) == ["Leila Geld"]
    assert suggested(burnout) == []  # Sanne writes about it, but asks the usual rate
    assert burnout.context["answer"].filtered_out
    assert "Lager tarief mogelijk" in debts.content.decode()


def test_a_language_named_in_the_question_shows_the_coaches_who_speak_it(client, coaches):
    french = coach("Chloé Frans", "loopbaancoaching", "Je coache en français.", languages=["fr"])

    page = ask(client, "Ik zoek een coach die Frans spreekt").content.decode()
    answer = find_help("Ik zoek een coach die Frans spreekt", lang="nl")

    assert [match.profile for match in answer.coaches] == [french]
    assert answer.coaches[0].why == ["spreekt Frans"]
    assert "Je vraagt om een coach die Frans spreekt: we tonen alleen die coaches." in page


def test_a_named_language_narrows_a_question_with_a_subject_too(coaches):
    french = coach("Chloé Burn-out", "burn-out", BURNOUT, languages=["fr", "nl"])

    answer = find_help("Burn-out en ik wil graag een coach die Frans spreekt", lang="nl")
    without = find_help("Burn-out, ik spreek geen Frans", lang="nl")

    assert [match.profile for match in answer.coaches] == [french]
    assert without.language_asked == ""
    assert coaches["burnout"] in [match.profile for match in without.coaches]
