"""The World Café in the real browser: set-up, computing with progress, a move by hand,
check-in, and the wall display; axe finds no violation on any of its pages."""

import pytest
from playwright.sync_api import expect

from coachbridge.events.models import Meeting, SeatingPlan
from coachbridge.events.tasks.cafe import compute_seating_plan
from tests.e2e.conftest import E2E, log_in
from tests.e2e.test_accessibility import switch_language, violations

pytestmark = E2E


def impact():
    return Meeting.objects.get(title="Impact Meeting Coaching")


def cafe_pages(meeting):
    cafe = meeting.cafe
    registration = meeting.registrations.order_by("name").first()
    base = f"/meetings/{meeting.pk}/cafe"
    return [
        f"{base}/",
        f"{base}/themes/",
        f"{base}/tables/",
        f"{base}/rounds/",
        f"{base}/rules/",
        f"{base}/plan/",
        f"{base}/day/",
        f"{base}/day/check-in/",
        f"{base}/day/check-in/{registration.token}/",
        f"{base}/wall/",
        f"{base}/wall/{cafe.wall_token}/",
        f"{base}/route/{registration.token}/",
        f"/my/registration/{registration.token}/",
    ]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_cafe_pages_have_no_violations(page, live_server, demo, language, csp_violations):
    log_in(page, live_server.url, "organiser@example.org")
    switch_language(page, live_server.url, language)
    found = {}

    for path in cafe_pages(impact()):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        found[path] = violations(page, csp_violations)

    assert {path: issues for path, issues in found.items() if issues} == {}


@pytest.fixture
def organiser_page(page, live_server, demo, csp_violations):
    """The organiser, logged in, reading English; `csp_violations` watches the page."""
    log_in(page, live_server.url, "organiser@example.org")
    switch_language(page, live_server.url, "en")
    return page


def test_organiser_plans_moves_checks_in_and_runs_the_wall(
    browser, organiser_page, live_server, screenshot, csp_violations
):
    page = organiser_page
    base = live_server.url
    meeting = impact()
    cafe = meeting.cafe

    page.goto(f"{base}{meeting.get_absolute_url()}")
    page.click("text=World Café: themes, tables and rounds")
    expect(page.locator("#tables-heading")).to_be_visible()
    expect(page.locator(".cafe-setup")).to_contain_text("T6")
    screenshot(page, "40-cafe-setup-en")
    page.click("text=Edit tables")
    expect(page.locator("fieldset.cafe-item")).to_have_count(7)
    screenshot(page, "41-cafe-tables-en")

    # A plan being computed shows its progress, then the page shows the plan by itself.
    plan = SeatingPlan.objects.create(cafe=cafe, progress=35, seed=7)
    page.goto(f"{base}/meetings/{meeting.pk}/cafe/plan/")
    expect(page.locator("#plan-progress-bar")).to_have_attribute("value", "35")
    screenshot(page, "42-cafe-plan-progress-en")
    assert violations(page, csp_violations) == []
    compute_seating_plan.call(plan.pk)
    expect(page.locator(".cafe-quality")).to_contain_text("Nobody meets anyone twice.")
    screenshot(page, "43-cafe-plan-en")

    # Move someone by hand in round 2: the figures change at once, without a reload.
    plan.refresh_from_db()
    t1 = plan.seats["2"]["T1"]
    visitor, other = t1[1], plan.seats["2"]["T3"][1]
    page.select_option("#move-2-person", str(visitor))
    page.select_option("#move-2-target", f"person:{other}")
    page.click("#round-2 .cafe-move button")
    expect(page.locator("#round-2 .cafe-table").first).not_to_contain_text(
        meeting.registrations.get(pk=visitor).name
    )
    plan.refresh_from_db()
    assert visitor in plan.seats["2"]["T3"]
    assert other in plan.seats["2"]["T1"]
    screenshot(page, "44-cafe-plan-moved-en")

    # Check-in on a phone: one tap undoes and redoes a check-in.
    phone = browser.new_context(viewport={"width": 375, "height": 740})
    checkin = phone.new_page()
    log_in(checkin, base, "organiser@example.org")
    checkin.goto(f"{base}/meetings/{meeting.pk}/cafe/day/check-in/")
    first = checkin.locator("#checkin-rows tr").first
    first.locator("button").click()
    expect(checkin.locator("#checkin-count")).to_contain_text("25")
    expect(first.locator("button[value='1']")).to_be_visible()
    screenshot(checkin, "45-cafe-checkin-phone")
    assert checkin.evaluate("document.documentElement.scrollWidth") <= 375
    first.locator("button").click()
    expect(checkin.locator("#checkin-count")).to_contain_text("26")

    # The wall shows where everybody goes, and follows the rounds by itself.
    projector = browser.new_context(viewport={"width": 1280, "height": 720})
    wall = projector.new_page()
    wall.goto(f"{base}/meetings/{meeting.pk}/cafe/wall/{cafe.wall_token}/")
    expect(wall.locator(".wall-list li")).to_have_count(26)
    # A projector cannot scroll: the list shrinks until the last name is on the screen.
    expect(wall.locator(".wall-list li").last).to_be_in_viewport(ratio=1)
    page.goto(f"{base}/meetings/{meeting.pk}/cafe/day/")
    page.click("text=Start round 1")
    expect(page.locator(".lead").first).to_contain_text("Round 1 of 3")
    screenshot(page, "46-cafe-day-en")
    expect(wall.locator(".wall-status")).to_contain_text("1", timeout=15_000)
    expect(wall.locator(".wall-time")).to_be_visible()
    expect(wall.locator(".wall-list li").last).to_be_in_viewport(ratio=1)
    assert wall.evaluate("document.documentElement.scrollHeight <= window.innerHeight + 1")
    screenshot(wall, "47-cafe-wall")
    assert violations(wall) == []
    projector.close()
    phone.close()
