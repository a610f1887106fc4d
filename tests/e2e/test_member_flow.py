"""A newcomer's whole path in the real browser: sign up, verify, profile, language, data."""

import json
import re

from django.core import mail
from playwright.sync_api import expect

from coachbridge.accounts.models import User
from tests.e2e.conftest import E2E, log_in

pytestmark = E2E


def test_newcomer_signs_up_verifies_edits_switches_language_exports_and_leaves(
    page, live_server, demo, screenshot
):
    base = live_server.url
    page.goto(f"{base}/")
    screenshot(page, "01-home-nl")
    page.click("text=Word lid van het netwerk")

    page.fill("input[name=display_name]", "Robin Nieuwkomer")
    page.fill("input[name=email]", "robin@example.org")
    page.fill("input[name=password1]", "een-lang-wachtwoord-voor-robin")
    page.fill("input[name=password2]", "een-lang-wachtwoord-voor-robin")
    screenshot(page, "02-signup-nl")
    page.click("form[action='/accounts/signup/'] button[type=submit]")
    page.wait_for_url(re.compile(r".*/accounts/confirm-email/$"))
    screenshot(page, "03-verification-sent-nl")

    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mail.outbox[-1].body).group(
        1
    )
    page.goto(f"{base}{link}")
    screenshot(page, "04-confirm-email-nl")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{base}/me/")
    assert "Welkom, Robin Nieuwkomer" in page.inner_text("h1")

    page.goto(f"{base}/me/profile/")
    page.get_by_label("Coach", exact=True).check()
    page.fill("input[name=organisation]", "Praktijk Robin")
    page.fill("input[name=website]", "niet goed")
    page.click("form[enctype] button[type=submit]")
    assert page.input_value("input[name=organisation]") == "Praktijk Robin"
    screenshot(page, "05-profile-error-nl")
    page.fill("input[name=website]", "https://robin.example.org")
    page.click("form[enctype] button[type=submit]")
    assert "Je profiel is opgeslagen." in page.inner_text(".messages")
    screenshot(page, "06-profile-saved-nl")

    page.click(".language-switch button[value=en]")
    page.goto(f"{base}/members/?role=coach")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Robin Nieuwkomer" in page.inner_text("main")
    screenshot(page, "07-members-en")
    assert User.objects.get(email="robin@example.org").language == "en"

    page.goto(f"{base}/me/privacy/")
    with page.expect_download() as download_info:
        page.click("form[action='/me/privacy/export/'] button")
    exported = json.loads(download_info.value.path().read_text(encoding="utf-8"))
    assert exported["profile"]["organisation"] == "Praktijk Robin"
    assert exported["profile"]["roles"] == ["coach"]
    screenshot(page, "08-privacy-en")

    page.fill("input[name=confirm_email]", "robin@example.org")
    page.click("form[action='/me/privacy/delete/'] button[type=submit]")
    page.wait_for_url(f"{base}/")
    assert "Your account and your personal data are deleted." in page.inner_text(".messages")
    assert not User.objects.filter(email="robin@example.org").exists()
    screenshot(page, "09-deleted-en")


def test_organiser_sees_the_organiser_menu_and_member_does_not(page, live_server, demo, screenshot):
    from tests.e2e.conftest import log_in

    log_in(page, live_server.url, "organiser@example.org")
    page.click("nav >> text=Organisator")
    assert page.locator("h1").inner_text() == "Organisator"
    screenshot(page, "10-organiser-nl")

    page.click("nav >> text=Uitloggen")
    log_in(page, live_server.url, "coach@example.org")
    assert page.locator("nav >> text=Organisator").count() == 0


def test_member_filter_updates_results_without_reloading(page, live_server, demo, csp_violations):
    log_in(page, live_server.url, "researcher@example.org")
    page.goto(f"{live_server.url}/members/")
    page.evaluate("window.notReloaded = true")

    page.fill("input[name=q]", "Hagelaar")
    expect(page.locator("#member-results article")).to_have_count(1)

    assert page.inner_text("#member-results h3") == "Joris Hagelaar"
    assert page.inner_text("#member-count").strip() == "1 lid gevonden"
    assert page.evaluate("window.notReloaded") is True
    assert "q=Hagelaar" in page.url
    assert csp_violations() == []
