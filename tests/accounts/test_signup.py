import re

import pytest
from django.core import mail
from django.urls import reverse

from coachbridge.accounts.models import Profile, User
from tests.factories.accounts import PASSWORD, ProfileFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SIGNUP = {
    "display_name": "Nieuw Lid",
    "email": "nieuw@example.org",
    "password1": "een-heel-lang-wachtwoord-7",
    "password2": "een-heel-lang-wachtwoord-7",
}


def confirmation_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+)", message.body).group(1)


def test_signup_creates_member_with_profile_and_sends_dutch_verification_mail(client):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.org")
    assert Profile.objects.get(user=user).display_name == "Nieuw Lid"
    assert user.language == "nl"
    assert [message.to for message in mail.outbox] == [["nieuw@example.org"]]
    assert "Bevestig" in mail.outbox[0].subject or "bevestig" in mail.outbox[0].body.lower()


def test_signup_in_english_sends_english_mail_and_stores_language(client):
    client.post(reverse("set-language"), {"language": "en", "next": "/"})

    client.post(reverse("account_signup"), SIGNUP)

    assert User.objects.get(email="nieuw@example.org").language == "en"
    assert "confirm" in mail.outbox[0].body.lower()


def test_verification_link_confirms_email_and_logs_in(client):
    client.post(reverse("account_signup"), SIGNUP)
    link = confirmation_link(mail.outbox[0])

    response = client.post(link)

    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.org")
    assert user.emailaddress_set.get().verified is True
    assert client.get(reverse("accounts:dashboard")).status_code == 200


def test_unverified_member_cannot_log_in(client):
    client.post(reverse("account_signup"), SIGNUP)
    client.logout()

    response = client.post(
        reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_signup_error_keeps_what_was_typed(client):
    data = {**SIGNUP, "password2": "iets-anders-9876"}

    response = client.post(reverse("account_signup"), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Nieuw Lid"' in html
    assert 'value="nieuw@example.org"' in html
    assert not User.objects.exists()


def test_login_and_logout(client):
    user = ProfileFactory().user

    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)

    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email_link(client):
    user = ProfileFactory().user
    client.post(reverse("account_reset_password"), {"email": user.email})
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/[^\s]+)", mail.outbox[0].body)

    form_page = client.get(link.group(1), follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"password1": "nieuw-wachtwoord-12345", "password2": "nieuw-wachtwoord-12345"},
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("nieuw-wachtwoord-12345")


def test_failed_logins_are_rate_limited(client, locmem_cache):
    user = ProfileFactory().user
    for _ in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong"})

    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_mails_name_the_site_and_the_address(client, settings):
    client.post(reverse("account_signup"), SIGNUP)
    client.post(reverse("account_logout"))
    client.post(reverse("account_reset_password"), {"email": "onbekend@example.org"})

    signup, unknown = mail.outbox
    assert f"{settings.SITE_NAME}!" in signup.body  # "Hallo van Leernetwerk Coaching!"
    assert "onbekend@example.org" in unknown.body
    assert f"{settings.SITE_NAME}!" in unknown.body
