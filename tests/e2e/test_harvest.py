"""The harvest in the real browser: a guest adds insights from a phone through the table link,
the live wall shows them, the organiser groups and corrects them, and reads the report (page
and PDF). Every new page is checked with axe; screenshots go to var/screens/.
"""

from playwright.sync_api import expect

from coachbridge.events.models import CafeTable, Insight, Meeting, Registration
from tests.e2e.conftest import E2E, SCREENSHOTS, log_in
from tests.e2e.test_accessibility import violations
from tests.pdf import save_pages_as_png

pytestmark = E2E

PHONE = {"width": 375, "height": 740}


def open_harvest(meeting):
    """The demo's meeting is over; open its harvest again in round 2, with a table to scan."""
    cafe = meeting.cafe
    cafe.harvest_open = True
    cafe.current_round = 2
    cafe.save()
    theme = cafe.themes.order_by("position").first()
    table = cafe.tables.filter(theme=theme).order_by("label").first()
    return table or CafeTable.objects.create(cafe=cafe, theme=theme, label="E2E")


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} scrolls sideways ({width}px)"


def test_guest_adds_insights_from_a_phone_and_the_wall_shows_them(
    open_page, live_server, demo, screenshot
):
    base = live_server.url
    meeting = Meeting.objects.get(title="Impact Meeting Coaching")
    table = open_harvest(meeting)
    guest = Registration.objects.filter(meeting=meeting, user__isnull=True).first()

    organiser = open_page()
    log_in(organiser, base, "organiser@example.org")
    organiser.goto(f"{base}/meetings/{meeting.pk}/harvest/wall/")
    assert violations(organiser) == []

    phone = open_page(viewport=PHONE)
    phone.goto(f"{base}/my/registration/{guest.token}/")
    phone.click(f"a[href='/h/me/{guest.token}/']")
    phone.goto(f"{base}/h/{table.harvest_token}/")
    assert violations(phone) == []
    no_sideways_scroll(phone)
    phone.fill("textarea[name=text]", "Coaches willen vaker meedenken over de onderzoeksvraag")
    phone.click("#insight-add button[type=submit]")
    expect(phone.locator("#insight-add .alert-success")).to_be_visible()
    expect(phone.locator("textarea[name=text]")).to_have_value("")
    expect(phone.locator("textarea[name=text]")).to_be_focused()  # ready for the next one
    screenshot(phone, "40-harvest-table-phone")
    assert violations(phone) == []
    no_sideways_scroll(phone)

    # The wall polls by itself: the new insight appears without a reload.
    expect(organiser.locator(".wall-list")).to_contain_text(
        "Coaches willen vaker meedenken over de onderzoeksvraag", timeout=15000
    )
    phone.fill("textarea[name=text]", "<b>Taal</b> van onderzoek is te moeilijk")
    phone.click("#insight-add button[type=submit]")
    # kept as typed and shown as text, not as bold markup
    expect(organiser.locator(".wall-card").first).to_contain_text(
        "<b>Taal</b> van onderzoek is te moeilijk", timeout=15000
    )
    assert organiser.locator(".wall-card b").count() == 0
    expect(organiser.locator(".wall-list")).not_to_contain_text(guest.name)
    screenshot(organiser, "41-harvest-wall")
    assert list(
        Insight.objects.filter(author=guest).order_by("pk").values_list("text", "round_number")
    ) == [
        ("Coaches willen vaker meedenken over de onderzoeksvraag", 2),
        ("<b>Taal</b> van onderzoek is te moeilijk", 2),
    ]

    phone.goto(f"{base}/h/me/{guest.token}/")
    assert violations(phone) == []
    no_sideways_scroll(phone)
    screenshot(phone, "42-harvest-personal-phone")


def test_organiser_groups_corrects_and_publishes_the_report(
    page, live_server, demo, screenshot, csp_violations
):
    base = live_server.url
    meeting = Meeting.objects.get(title="Impact Meeting Coaching")
    log_in(page, base, "organiser@example.org")

    page.goto(f"{base}/meetings/{meeting.pk}/harvest/")
    assert violations(page, csp_violations) == []
    screenshot(page, "43-harvest-manage")

    page.goto(f"{base}/meetings/{meeting.pk}/harvest/synthesis/")
    page.click("form[action$='/synthesis/run/'] button")
    first_theme = page.locator(".synthesis-theme").first
    expect(first_theme.locator(".subtheme h3").first).to_be_visible()
    assert violations(page, csp_violations) == []

    # Rename a sub-theme (htmx swaps the theme's section).
    first_sub = first_theme.locator(".subtheme").first
    first_sub.locator("summary").click()
    first_sub.locator("input[name=label]").fill("Het proces van coaching")
    first_sub.locator("form[action$='/rename/'] button").click()
    expect(page.locator(".synthesis-theme").first.locator(".subtheme h3").first).to_have_text(
        "Het proces van coaching"
    )

    # Move one insight into a new sub-theme.
    first_theme = page.locator(".synthesis-theme").first
    moved = first_theme.locator(".insight-pick").last
    moved_text = moved.inner_text().strip()
    moved.locator("input").check()
    first_theme.locator("select[name=to]").select_option("")
    first_theme.locator("input[name=new_label]").fill("Apart gelegd")
    first_theme.locator(".move-form button").click()
    new_sub = (
        page.locator(".synthesis-theme")
        .first.locator(".subtheme")
        .filter(has=page.get_by_role("heading", name="Apart gelegd", exact=True))
    )
    expect(new_sub).to_contain_text(moved_text)
    screenshot(page, "44-harvest-synthesis")
    # The same document again: axe's own styles from the first check would count as blocked.
    assert violations(page) == []

    page.goto(f"{base}/meetings/{meeting.pk}/harvest/report/edit/")
    assert violations(page, csp_violations) == []
    screenshot(page, "45-report-edit")

    page.goto(f"{base}/meetings/{meeting.pk}/harvest/report/")
    expect(page.locator("h1")).to_have_text("Impact Meeting Coaching")
    expect(page.locator("#report-appendix")).to_be_visible()
    assert violations(page, csp_violations) == []
    screenshot(page, "46-report-page")

    with page.expect_download() as download_info:
        page.click(f"a[href='/meetings/{meeting.pk}/harvest/report.pdf']")
    pdf = SCREENSHOTS / "47-report.pdf"
    download_info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert save_pages_as_png(pdf, SCREENSHOTS / "47-report-page")


def test_public_report_reads_well_on_a_phone(browser, live_server, demo, screenshot):
    meeting = Meeting.objects.get(title="Impact Meeting Coaching")
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()

    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    page.click(f"a[href='/meetings/{meeting.pk}/harvest/report/']")

    expect(page.locator("h1")).to_have_text("Impact Meeting Coaching")
    assert violations(page) == []
    no_sideways_scroll(page)
    screenshot(page, "48-report-phone")
    context.close()
