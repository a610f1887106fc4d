"""The research agenda in the real browser: voting card by card on a phone (with and without
JavaScript), similar questions while typing, opinion groups, and a priority round run through
by the organiser on a desktop. Every page gets an axe check, in Dutch and English;
screenshots go to var/screens/.
"""

from playwright.sync_api import expect

from coachbridge.accounts.models import User
from coachbridge.agenda.enums import RoundStage
from coachbridge.agenda.models import Ballot, PriorityRound, Question, Vote
from tests.e2e.conftest import E2E, log_in
from tests.e2e.test_accessibility import switch_language, violations

pytestmark = E2E

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} scrolls sideways ({width}px)"


def check(page, csp_violations=None):
    assert violations(page, csp_violations) == [], page.url


def test_coach_votes_card_by_card_on_a_phone(open_page, live_server, demo, screenshot):
    base = live_server.url
    coach = User.objects.get(email="coach@example.org")
    phone = open_page(viewport=PHONE)
    log_in(phone, base, "coach@example.org")

    phone.goto(f"{base}/agenda/vote/")
    check(phone)
    no_sideways_scroll(phone)
    screenshot(phone, "60-agenda-vote-phone")
    for value in ("1", "-1", "0"):
        text = phone.locator(".vote-text").inner_text()
        phone.click(f"#vote-card button[value='{value}']")
        expect(phone.locator("#vote-card .alert-success")).to_be_visible()
        expect(phone.locator(".vote-text")).not_to_have_text(text)
        expect(phone.locator(".vote-text")).to_be_focused()
    assert phone.url == f"{base}/agenda/vote/"  # htmx swapped the cards, no page loads
    assert Vote.objects.filter(voter=coach).count() == 3
    check(phone)
    screenshot(phone, "61-agenda-vote-phone-after")

    phone.goto(f"{base}/agenda/opinions/")
    expect(phone.locator("svg.opinion-map")).to_be_visible()
    check(phone)
    no_sideways_scroll(phone)
    screenshot(phone, "62-agenda-opinions-phone")

    phone.goto(f"{base}/agenda/")
    check(phone)
    no_sideways_scroll(phone)
    screenshot(phone, "63-agenda-public-phone")


def test_voting_works_without_javascript(open_page, live_server, demo):
    base = live_server.url
    researcher = User.objects.get(email="researcher@example.org")
    phone = open_page(viewport=PHONE, java_script_enabled=False)
    log_in(phone, base, "researcher@example.org")

    phone.goto(f"{base}/agenda/vote/")
    first = phone.locator(".vote-text").inner_text()
    phone.click("#vote-card button[value='1']")

    expect(phone.locator(".messages .alert-success")).to_be_visible()
    assert phone.locator(".vote-text").inner_text() != first
    assert Vote.objects.filter(voter=researcher, value=1).count() == 1


def test_similar_questions_appear_while_typing(open_page, live_server, demo, screenshot):
    base = live_server.url
    phone = open_page(viewport=PHONE)
    log_in(phone, base, "coach@example.org")

    phone.goto(f"{base}/agenda/questions/new/")
    check(phone)
    phone.fill("#id_title", "Maakt AI en technologie coaching effectiever?")
    expect(phone.locator("#similar li").first).to_contain_text("AI", timeout=20000)
    check(phone)
    no_sideways_scroll(phone)
    screenshot(phone, "64-agenda-propose-similar-phone")
    phone.fill("#id_why", "Veel coaches twijfelen of ze apps moeten gebruiken bij hun werk.")
    phone.click("main form button[type=submit]")
    # much the same as a question on the agenda: asked once more, with what was typed kept
    expect(phone.locator("#id_confirm_new")).to_be_visible()
    expect(phone.locator("#id_title")).to_have_value(
        "Maakt AI en technologie coaching effectiever?"
    )
    check(phone)
    screenshot(phone, "64b-agenda-propose-same-phone")
    phone.check("#id_confirm_new")
    phone.click("main form button[type=submit]")

    expect(phone.locator("h1")).to_have_text("Maakt AI en technologie coaching effectiever?")
    check(phone)
    screenshot(phone, "65-agenda-question-phone")
    assert Question.objects.filter(title__startswith="Maakt AI").count() == 1


def test_organiser_runs_a_priority_round_in_english(
    open_page, live_server, demo, screenshot, csp_violations
):
    base = live_server.url
    priority_round = PriorityRound.objects.get(stage=RoundStage.INTERIM)
    page = open_page(viewport=DESKTOP)
    log_in(page, base, "organiser@example.org")
    switch_language(page, base, "en")

    page.goto(f"{base}/agenda/rounds/{priority_round.pk}/")
    assert page.locator("html").get_attribute("lang") == "en"
    check(page)
    entries = list(priority_round.entries.order_by("position"))
    page.select_option(f"#rank-{entries[3].pk}", "1")
    page.select_option(f"#rank-{entries[0].pk}", "2")
    page.click("form button:has-text('Save my choice')")
    expect(page.locator(".messages .alert-success")).to_be_visible()
    assert Ballot.objects.get(round=priority_round, voter__email="organiser@example.org").roles
    screenshot(page, "66-agenda-round-ballot")

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button:has-text('Close the survey')")
    expect(page.locator("#interim-heading")).to_be_visible()
    check(page)
    screenshot(page, "67-agenda-round-shortlist")

    page.click('a:has-text("Record the workshop\'s top list")')
    check(page)
    priority_round.refresh_from_db()
    for place, pk in enumerate(priority_round.interim_result["shortlist"][:10], 1):
        page.select_option(f"#rank-{pk}", str(place))
    page.fill("#id_reasoning", "We talked for two hours and voted by show of hands.")
    page.select_option(
        "#id_workshop", label=page.locator("#id_workshop option").nth(1).inner_text()
    )
    page.click("main form button[type=submit]")
    expect(page.locator("#final-heading")).to_be_visible()
    priority_round.refresh_from_db()
    assert priority_round.stage == RoundStage.FINAL
    check(page)
    screenshot(page, "68-agenda-round-final")

    page.goto(f"{base}/agenda/")
    expect(page.locator("#how-heading")).to_be_visible()
    expect(page.locator("main")).to_contain_text("We talked for two hours")
    check(page, csp_violations)
    screenshot(page, "69-agenda-public-desktop")

    for path in ["/agenda/opinions/", "/agenda/questions/", "/agenda/print/", "/agenda/rounds/"]:
        page.goto(f"{base}{path}")
        check(page)
    screenshot(page, "70-agenda-rounds-desktop")
    question = Question.objects.current().first()
    page.goto(f"{base}/agenda/questions/{question.pk}/edit/")
    check(page)
    page.goto(f"{base}/agenda/opinions/")
    screenshot(page, "71-agenda-opinions-desktop")


def test_visitor_sees_the_public_agenda_in_dutch(page, live_server, demo, csp_violations):
    switch_language(page, live_server.url, "nl")

    for path in ["/agenda/", "/agenda/print/"]:
        page.goto(f"{live_server.url}{path}")
        assert page.locator("html").get_attribute("lang") == "nl"
        check(page, csp_violations)
