"""The marketplace in the real browser: axe on every page in Dutch and English, posting and
seeing matches, answering an introduction, the wall display refreshing itself."""

import pytest
from playwright.sync_api import expect

from coachbridge.events.models import Meeting
from coachbridge.marketplace.models import Introduction, Post
from coachbridge.marketplace.services.digest import unsubscribe_token
from tests.e2e.conftest import E2E, log_in
from tests.e2e.test_accessibility import switch_language, violations

pytestmark = E2E


def member_pages(email):
    own = Post.objects.filter(author__email=email).order_by("pk").first()
    other = Post.objects.exclude(author__email=email).filter(status="open").order_by("pk").first()
    introduction = Introduction.objects.filter(recipient__email=email).order_by("pk").first()
    insight = Meeting.objects.get(title="Impact Meeting Coaching").cafe.insights.first()
    return [
        "/marketplace/",
        "/marketplace/posts/",
        "/marketplace/posts/?kind=offer&language=nl",
        "/marketplace/posts/new/",
        f"/marketplace/posts/new/insight/{insight.pk}/",
        own.get_absolute_url(),
        f"/marketplace/posts/{own.pk}/edit/",
        other.get_absolute_url(),
        introduction.get_absolute_url(),
    ]


def visitor_pages():
    public = Post.objects.filter(is_public=True).order_by("pk").first()
    user = Post.objects.order_by("pk").first().author
    return [
        "/marketplace/public/",
        f"/marketplace/public/{public.pk}/",
        f"/marketplace/digest/unsubscribe/{unsubscribe_token(user)}/",
    ]


def organiser_pages():
    impact = Meeting.objects.get(title="Impact Meeting Coaching")
    return [
        f"/marketplace/meetings/{impact.pk}/wall/",
        f"/marketplace/meetings/{impact.pk}/numbers/",
    ]


def check(page, base, paths, csp_violations):
    found = {}
    for path in paths:
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
        found[path] = violations(page, csp_violations)
    return {path: issues for path, issues in found.items() if issues}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_marketplace_pages_have_no_violations(  # noqa: PLR0917 -- pytest fixtures
    page, live_server, demo, language, csp_violations, open_page
):
    switch_language(page, live_server.url, language)
    visitors = check(page, live_server.url, visitor_pages(), csp_violations)
    log_in(page, live_server.url, "coach@example.org")
    switch_language(page, live_server.url, language)
    members = check(page, live_server.url, member_pages("coach@example.org"), csp_violations)
    organiser = open_page()
    log_in(organiser, live_server.url, "organiser@example.org")
    switch_language(organiser, live_server.url, language)
    organisers = check(organiser, live_server.url, organiser_pages(), None)

    assert (visitors, members, organisers) == ({}, {}, {})


def test_member_posts_sees_matches_and_answers_an_introduction(
    page, live_server, demo, screenshot, csp_violations
):
    base = live_server.url
    log_in(page, base, "coach@example.org")
    switch_language(page, base, "nl")

    page.goto(f"{base}/marketplace/")
    expect(page.locator(".market-notifications")).to_contain_text("Thomas Ambagt")
    screenshot(page, "60-marketplace-home-nl")

    page.click("a.button[href='/marketplace/posts/new/']")
    page.check("input[name=kind][value=offer]")
    page.fill("input[name=title]", "Ik bied een dagboekstudie met mijn coachees")
    page.fill(
        "textarea[name=text]",
        "Mijn coachees willen een dagboek bijhouden over het coachproces voor een studie.",
    )
    page.select_option("select[name=category]", "participants")
    page.click("form.market-form button[type=submit]")
    expect(page.locator("#matches-heading")).to_be_visible()
    expect(page.locator(".market-match").first).to_contain_text("dagboekstudie")
    screenshot(page, "61-marketplace-matches-nl")
    assert csp_violations() == []

    introduction = Introduction.objects.get(
        recipient__email="coach@example.org", status="requested"
    )
    page.goto(f"{base}{introduction.get_absolute_url()}")
    expect(page.locator("#contact-heading")).to_have_count(0)
    page.click("form[action$='/answer/'] button >> nth=0")  # accept
    expect(page.locator("#contact-heading")).to_be_visible()
    expect(page.locator(".market-contact")).to_contain_text("researcher@example.org")
    screenshot(page, "62-marketplace-introduction-nl")


def test_bad_input_and_duplicate_keep_what_was_typed(page, live_server, demo, screenshot):
    base = live_server.url
    log_in(page, base, "coach@example.org")
    switch_language(page, base, "en")
    own = Post.objects.filter(author__email="coach@example.org").order_by("pk").first()

    page.goto(f"{base}/marketplace/posts/new/")
    page.check("input[name=kind][value=need]")
    page.fill("input[name=title]", "Script <script>alert(1)</script>")
    page.fill("textarea[name=text]", "Some text")
    page.click("form.market-form button[type=submit]")
    expect(page.locator(".form-field.has-error")).to_contain_text("program code")
    expect(page.locator("input[name=title]")).to_have_value("Script <script>alert(1)</script>")

    page.fill("input[name=title]", own.title)
    page.fill("textarea[name=text]", own.text)
    page.check(f"input[name=kind][value={own.kind}]")
    page.click("form.market-form button[type=submit]")
    expect(page.locator("input[name=confirm_duplicate]")).to_be_visible()
    screenshot(page, "63-marketplace-duplicate-en")


def test_wall_refreshes_itself(page, live_server, demo, screenshot, csp_violations):
    base = live_server.url
    log_in(page, base, "organiser@example.org")
    switch_language(page, base, "en")
    impact = Meeting.objects.get(title="Impact Meeting Coaching")

    page.goto(f"{base}/marketplace/meetings/{impact.pk}/wall/")
    screenshot(page, "64-marketplace-wall-en")
    Post.objects.filter(meeting=impact, kind="need").update(title="Nieuw op de muur")

    expect(page.locator(".wall-posts").first).to_contain_text("Nieuw op de muur", timeout=15000)
    assert csp_violations() == []
    page.goto(f"{base}/marketplace/meetings/{impact.pk}/numbers/")
    screenshot(page, "65-marketplace-numbers-en")
