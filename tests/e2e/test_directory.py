"""The coach directory and help-finder in the real browser, as a visitor on a phone."""

import pytest
from playwright.sync_api import expect

from coachbridge.directory import services
from tests.e2e.conftest import E2E
from tests.e2e.test_accessibility import switch_language, violations

pytestmark = E2E


@pytest.fixture(autouse=True)
def lexical_help_finder():
    services.use_embedder(None)  # the live server runs in this process
    yield
    services.use_embedder("auto")


def test_visitor_finds_a_coach_for_a_question_on_a_phone(
    open_page, live_server, demo, screenshot, csp_violations
):
    page = open_page(viewport={"width": 375, "height": 740})
    switch_language(page, live_server.url, "nl")

    page.click(".site-nav >> text=Coach vinden")
    expect(page.locator("h1")).to_have_text("Coach vinden")
    expect(page.locator(".coach-card")).to_have_count(9)
    page.select_option("select[name=region]", "utrecht")
    page.click("text=Coaches tonen")
    expect(page.locator(".coach-card")).to_have_count(1)  # only Marco works online
    screenshot(page, "80-directory-phone")

    page.click("main >> text=Welke coach past bij mijn vraag?")
    page.fill("textarea[name=question]", "Ik loop vast in mijn werk en ben bang voor een burn-out.")
    page.click("main form button[type=submit]")

    expect(page.locator("#coaches-heading")).to_be_visible()
    expect(page.locator(".coach-card").first).to_contain_text("Sanne Verbeek")
    expect(page.locator(".coach-card").first).to_contain_text("burn-out")
    expect(page.locator(".urgent-help")).to_contain_text("0800-0113")
    assert page.locator(".urgent-help[role=alert]").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert violations(page, csp_violations) == []
    screenshot(page, "81-help-finder-phone")

    page.fill("textarea[name=question]", "Ik wil niet meer leven.")
    page.click("main form button[type=submit]")
    expect(page.locator(".urgent-help[role=alert]")).to_contain_text("113")
    assert page.evaluate(
        "document.querySelector('[role=alert]').compareDocumentPosition("
        "document.getElementById('coaches-heading')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )  # crisis care comes first
    assert violations(page, csp_violations) == []
    screenshot(page, "82-help-finder-urgent-phone")


def test_visitor_asks_in_english(open_page, live_server, demo):
    page = open_page()
    switch_language(page, live_server.url, "en")
    page.goto(f"{live_server.url}/coaches/help/")

    page.fill("textarea[name=question]", "I want to become a better leader for my team.")
    page.click("main form button[type=submit]")

    expect(page.locator(".coach-card").first).to_contain_text("Joris Hagelaar")
    expect(page.locator(".coach-card").first).to_contain_text("Why:")
    expect(page.locator("#coaches-heading")).to_have_text("Coaches who may suit you")
