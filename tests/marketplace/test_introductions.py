"""Introductions: asking, accepting, declining, the daily limit, notifications, e-mails, and
contact details that stay private until acceptance."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from coachbridge.marketplace.models import Introduction
from coachbridge.marketplace.services.introductions import (
    IntroductionError,
    contact_details,
    request_introduction,
)
from tests.factories.accounts import ProfileFactory
from tests.factories.marketplace import PostFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def pair(researcher, coach):
    coach.email = "sanne.contact@example.org"
    coach.language = "en"
    coach.save()
    coach.profile.website = "https://sanne.example.org"
    coach.profile.linkedin = "https://linkedin.example.org/sanne"
    coach.profile.save()
    researcher.profile.website = "https://onderzoek.example.org"
    researcher.profile.save()
    need = PostFactory(author=researcher, kind="need", title="Coaches gezocht")
    offer = PostFactory(author=coach, kind="offer", title="Ik doe mee met onderzoek")
    return need, offer


def ask(client_for, need, offer, message="Hoi, ik ben Thomas."):
    return client_for(need.author).post(
        reverse("marketplace:introduction-request", kwargs={"pk": offer.pk}),
        {"from_post": need.pk, "message": message},
    )


def answer(client_for, introduction, choice):
    return client_for(introduction.recipient).post(
        reverse("marketplace:introduction-answer", kwargs={"pk": introduction.pk}),
        {"answer": choice},
    )


def test_request_notifies_the_other_person_on_the_page_and_by_email_in_their_language(
    client_for, pair
):
    need, offer = pair

    response = ask(client_for, need, offer)

    introduction = Introduction.objects.get()
    assert response.status_code == 302
    assert (introduction.requester, introduction.recipient) == (need.author, offer.author)
    assert introduction.status == "requested"
    assert [message.to for message in mail.outbox] == [[offer.author.email]]
    assert "would like to meet you" in mail.outbox[0].subject  # the coach reads English
    assert "Hoi, ik ben Thomas." in mail.outbox[0].body
    assert introduction.get_absolute_url() in mail.outbox[0].body
    home = client_for(offer.author).get(reverse("marketplace:home"))
    assert list(home.context["waiting"]) == [introduction]
    assert need.author.profile.display_name in home.content.decode()


def test_contact_details_show_only_after_acceptance_and_only_to_the_two(client_for, pair, member):
    need, offer = pair
    ask(client_for, need, offer)
    introduction = Introduction.objects.get()
    url = introduction.get_absolute_url()

    before = [client_for(user).get(url).content.decode() for user in (need.author, offer.author)]
    answer(client_for, introduction, "accept")
    after_requester = client_for(need.author).get(url).content.decode()
    after_recipient = client_for(offer.author).get(url).content.decode()
    stranger = client_for(member).get(url)

    for page in before:
        assert "sanne.contact@example.org" not in page
        assert need.author.email not in page
        assert "sanne.example.org" not in page
    assert "sanne.contact@example.org" in after_requester
    assert "https://sanne.example.org" in after_requester
    assert need.author.email in after_recipient
    assert "onderzoek.example.org" in after_recipient
    assert stranger.status_code == 404
    assert contact_details(introduction, member) is None


def test_contact_details_never_show_on_post_pages_or_public_pages(client_for, client, pair, member):
    need, offer = pair
    offer.is_public = True
    offer.save()
    ask(client_for, need, offer)
    answer(client_for, Introduction.objects.get(), "accept")

    pages = [
        client_for(member).get(offer.get_absolute_url()),
        client_for(member).get(reverse("marketplace:post-list")),
        client.get(reverse("marketplace:public-list")),
        client.get(reverse("marketplace:public-detail", kwargs={"pk": offer.pk})),
    ]

    for response in pages:
        assert response.status_code == 200
        assert "sanne.contact@example.org" not in response.content.decode()
        assert "sanne.example.org" not in response.content.decode()


def test_accepting_emails_the_requester_and_declining_shows_no_details(client_for, pair):
    need, offer = pair
    ask(client_for, need, offer)
    introduction = Introduction.objects.get()
    mail.outbox.clear()

    answer(client_for, introduction, "decline")
    introduction.refresh_from_db()
    page = client_for(need.author).get(introduction.get_absolute_url()).content.decode()
    again = answer(client_for, introduction, "accept")
    introduction.refresh_from_db()

    assert introduction.status == "declined"
    assert [message.to for message in mail.outbox] == [[need.author.email]]
    assert "declined" in mail.outbox[0].subject or "afgewezen" in mail.outbox[0].subject
    assert "sanne.contact@example.org" not in page
    assert again.status_code == 302
    assert introduction.status == "declined"  # answered once


def test_acceptance_email_goes_to_the_requester(client_for, pair):
    need, offer = pair
    ask(client_for, need, offer)
    mail.outbox.clear()

    answer(client_for, Introduction.objects.get(), "accept")

    assert [message.to for message in mail.outbox] == [[need.author.email]]
    assert Introduction.objects.get().get_absolute_url() in mail.outbox[0].body


def test_only_the_recipient_can_answer(client_for, pair):
    need, offer = pair
    ask(client_for, need, offer)
    introduction = Introduction.objects.get()

    client_for(need.author).post(
        reverse("marketplace:introduction-answer", kwargs={"pk": introduction.pk}),
        {"answer": "accept"},
    )

    introduction.refresh_from_db()
    assert introduction.status == "requested"


def test_one_introduction_per_pair_and_not_from_someone_elses_post(client_for, pair, member):
    need, offer = pair
    ask(client_for, need, offer)
    twice = ask(client_for, need, offer)
    back = client_for(offer.author).post(
        reverse("marketplace:introduction-request", kwargs={"pk": need.pk}),
        {"from_post": offer.pk},
    )
    other_need = PostFactory(author=member, kind="need")

    with pytest.raises(IntroductionError):
        request_introduction(other_need, offer, by=need.author)
    assert Introduction.objects.count() == 1
    for refused in (twice, back):
        assert refused.status_code == 200  # the post's page again, with the reason
        [reason] = refused.context["introduction_form"].non_field_errors()
        assert escape(reason) in refused.content.decode()


def test_daily_limit_stops_spam_with_a_clear_message(client_for, settings, researcher):
    settings.MARKETPLACE_INTRODUCTIONS_PER_DAY = 2
    researcher.language = "en"
    researcher.save()
    need = PostFactory(author=researcher, kind="need")
    offers = [PostFactory(author=ProfileFactory().user, kind="offer") for _ in range(3)]
    client = client_for(researcher)

    for offer in offers:
        response = client.post(
            reverse("marketplace:introduction-request", kwargs={"pk": offer.pk}),
            {"from_post": need.pk, "message": "Hello from Thomas"},
        )

    assert Introduction.objects.count() == 2
    assert response.context["introduction_form"].non_field_errors() == [
        "You asked for 2 introductions in the last 24 hours. That is the limit, to keep the "
        "marketplace free of spam. You can ask again tomorrow."
    ]
    page = response.content.decode()
    assert "You asked for 2 introductions in the last 24 hours." in page
    assert "Hello from Thomas</textarea>" in page  # nothing typed is lost
    assert len(mail.outbox) == 2


def test_at_the_daily_limit_the_pages_say_so_instead_of_offering_to_ask(
    client_for, settings, pair, member
):
    settings.MARKETPLACE_INTRODUCTIONS_PER_DAY = 1
    need, offer = pair
    other_offer = PostFactory(author=member, kind="offer", title=offer.title)
    client = client_for(need.author)
    before = client.get(other_offer.get_absolute_url()).content.decode()
    ask(client_for, need, offer)

    own = client.get(need.get_absolute_url()).content.decode()
    other = client.get(other_offer.get_absolute_url())

    limit = "Meer kan niet, zo blijft de marktplaats vrij van spam. Morgen kun je weer vragen."
    assert 'name="message"' in before and limit not in before
    assert limit in own and limit in other.content.decode()
    request_other = reverse("marketplace:introduction-request", kwargs={"pk": other_offer.pk})
    assert request_other not in own
    assert 'name="message"' not in other.content.decode()


def test_one_person_asks_about_a_post_once_even_from_another_own_post(client_for, pair):
    need, offer = pair
    second_need = PostFactory(author=need.author, kind="need", title="Ook nog: deelnemers")
    ask(client_for, need, offer)

    again = ask(client_for, second_need, offer)
    page = client_for(need.author).get(offer.get_absolute_url()).content.decode()

    assert Introduction.objects.count() == 1
    [reason] = again.context["introduction_form"].non_field_errors()
    assert reason.startswith("Je hebt al om een kennismaking gevraagd over dit bericht.")
    assert "Kennismaking die je vroeg vanuit je bericht “Coaches gezocht”" in page
    assert 'name="message"' not in page


def test_introduction_can_be_asked_from_the_own_posts_match_list(client_for, pair):
    need, offer = pair
    page = client_for(need.author).get(need.get_absolute_url()).content.decode()

    response = client_for(need.author).post(
        reverse("marketplace:introduction-request", kwargs={"pk": offer.pk}),
        {"from_post": need.pk, "back": "own"},
    )

    assert reverse("marketplace:introduction-request", kwargs={"pk": offer.pk}) in page
    assert response["Location"] == need.get_absolute_url()
    assert Introduction.objects.count() == 1


def test_dashboard_tag_lists_waiting_requests(client_for, pair, rf):
    from django.template import Context, Template

    need, offer = pair
    ask(client_for, need, offer)
    request = rf.get("/")
    request.user = offer.author

    html = Template("{% load marketplace %}{% marketplace_notifications %}").render(
        Context({"request": request})
    )

    assert need.author.profile.display_name in html
    assert Introduction.objects.get().get_absolute_url() in html


@pytest.mark.parametrize("contact", ["Bel me op 06-12345678.", "Mail thomas@voorbeeld.nl"])
def test_a_message_with_contact_details_is_refused_and_kept_for_editing(client_for, pair, contact):
    need, offer = pair
    need.author.language = "en"
    need.author.save()

    response = ask(client_for, need, offer, message=f"Hoi! {contact}")

    assert Introduction.objects.count() == 0
    assert mail.outbox == []
    assert response.status_code == 200
    assert response.context["introduction_form"].errors["message"] == [
        "Leave out e-mail addresses and phone numbers. You see each other's contact details "
        "as soon as the other person accepts."
    ]
    assert f"Hoi! {contact}</textarea>" in response.content.decode()


def test_a_message_with_numbers_that_are_not_phone_numbers_is_sent(client_for, pair):
    need, offer = pair

    ask(client_for, need, offer, message="We hebben 1,100 cliënten en sinds 2020-2024 data.")

    assert Introduction.objects.count() == 1


def test_the_plain_text_email_shows_the_message_as_typed(client_for, pair):
    need, offer = pair
    need.title = "Coaches & onderzoekers"
    need.save()

    ask(client_for, need, offer, message='I\'m a coach & researcher, "ripple effects" <3')

    body = mail.outbox[0].body
    assert 'I\'m a coach & researcher, "ripple effects" <3' in body
    assert "“Coaches & onderzoekers”" in body
    assert "&amp;" not in body and "&#x27;" not in body


def test_a_request_waits_for_the_answer_of_the_person_who_was_asked(client_for, pair):
    need, offer = pair
    ask(client_for, need, offer)
    home = reverse("marketplace:home")

    asked = client_for(offer.author).get(home).content.decode()  # the coach reads English
    asking = client_for(need.author).get(home).content.decode()

    assert "Waiting for your answer" in asked
    assert "Wacht op antwoord" in asking and "Wacht op jouw antwoord" not in asking
    assert "Ik doe mee met onderzoek" in asking  # which post it is about
