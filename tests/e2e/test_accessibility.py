"""axe-core finds no WCAG 2.2 AA violation on any page of the demo, in or out, in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from coachbridge.accounts.models import Profile, User
from coachbridge.agenda.models import Question
from coachbridge.agenda.services.questions import propose_question
from coachbridge.events.models import Meeting, MeetingSeries, Registration
from coachbridge.knowledge.enums import ItemStatus
from coachbridge.knowledge.models import Item
from coachbridge.marketplace.models import Post as MarketPost
from tests.e2e.conftest import E2E, log_in

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}

VISITOR_PAGES = [
    "/",
    "/about/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/this-page-does-not-exist/",
    "/meetings/",
    "/marketplace/public/",
    "/agenda/",
    "/knowledge/",
    "/knowledge/glossary/",
    "/coaches/",
    "/coaches/help/",
]
MEMBER_PAGES = [
    "/",
    "/me/",
    "/me/profile/",
    "/me/privacy/",
    "/members/",
    "/members/?role=coach",
    "/accounts/email/",
    "/accounts/password/change/",
    "/organiser/",
    "/meetings/",
    "/meetings/new/",
    "/meetings/series/new/",
    "/calendar/",
    "/marketplace/",
    "/agenda/vote/",
    "/knowledge/workspace/",
]


def demo_meeting_pages(*, organiser: bool) -> list[str]:
    """The pages of the demo's meetings that a visitor or an organiser can reach."""
    impact = Meeting.objects.get(title="Impact Meeting Coaching")
    upcoming = Meeting.objects.filter(series__isnull=False).order_by("starts_at").first()
    guest = Registration.objects.filter(user__isnull=True).first()
    pages = [impact.get_absolute_url(), upcoming.get_absolute_url()]
    if organiser:
        series = MeetingSeries.objects.get()
        pages += [
            f"/meetings/{impact.pk}/attendees/",
            f"/meetings/{impact.pk}/edit/",
            f"/meetings/series/{series.pk}/",
        ]
    else:
        pages += [f"/meetings/{upcoming.pk}/guest/", f"/my/registration/{guest.token}/"]
    return pages


pytestmark = E2E


def violations(page, csp_violations=None) -> list[str]:
    """axe's findings. Blocked inline code is checked first: axe itself injects styles."""
    if csp_violations is not None:
        assert csp_violations() == [], page.url
    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{violation['id']}: {node['target']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def switch_language(page, base_url, language):
    page.goto(f"{base_url}/")
    page.click(f".language-switch button[value={language}]")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_visitor_pages_have_no_violations(page, live_server, demo, language, csp_violations):
    switch_language(page, live_server.url, language)
    public_profile = Profile.objects.filter(visibility="public").first()
    found = {}

    for path in [
        *VISITOR_PAGES,
        public_profile.get_absolute_url(),
        *demo_meeting_pages(organiser=False),
    ]:
        page.goto(f"{live_server.url}{path}")
        assert page.locator("html").get_attribute("lang") == language
        found[path] = violations(page, csp_violations)

    assert {path: issues for path, issues in found.items() if issues} == {}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_member_pages_have_no_violations(page, live_server, demo, language, csp_violations):
    log_in(page, live_server.url, "organiser@example.org")
    switch_language(page, live_server.url, language)
    private_profile = Profile.objects.filter(visibility="members").first()
    found = {}

    for path in [
        *MEMBER_PAGES,
        private_profile.get_absolute_url(),
        *demo_meeting_pages(organiser=True),
    ]:
        page.goto(f"{live_server.url}{path}")
        found[path] = violations(page, csp_violations)

    assert {path: issues for path, issues in found.items() if issues} == {}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_an_authors_own_question_pages_have_no_violations(
    page, live_server, demo, language, csp_violations
):
    coach = User.objects.get(email="coach@example.org")
    question = propose_question(
        by=coach,
        title="Hoe merken teamleden dat hun collega coaching krijgt?",
        why="Coaches willen weten of coaching ook de mensen rond de coachee raakt.",
    )
    log_in(page, live_server.url, "coach@example.org")
    switch_language(page, live_server.url, language)
    found = {}

    for path in [question.get_absolute_url(), f"{question.get_absolute_url()}edit/"]:
        page.goto(f"{live_server.url}{path}")
        found[path] = violations(page, csp_violations)

    assert page.locator("h1").inner_text() in {"Verander je vraag", "Change your question"}
    assert {path: issues for path, issues in found.items() if issues} == {}


def test_form_with_errors_has_no_violations(page, live_server, demo):
    log_in(page, live_server.url, "coach@example.org")
    page.goto(f"{live_server.url}/me/profile/")
    page.fill("input[name=website]", "geen adres")
    page.click("form[enctype] button[type=submit]")

    assert page.locator(".form-field.has-error").count() == 1
    assert violations(page) == []


def test_phone_sized_pages_have_no_violations(browser, live_server, demo):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    log_in(page, live_server.url, "coach@example.org")

    for path in ["/", "/members/", "/me/profile/"]:
        page.goto(f"{live_server.url}{path}")
        assert violations(page) == [], path
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} scrolls sideways ({width}px)"
    context.close()


def test_phone_sized_organiser_pages_do_not_scroll_sideways(browser, live_server, demo):
    """Wide content (long links, tables) stays inside the screen or its own scrolling region."""
    impact = Meeting.objects.get(title="Impact Meeting Coaching")
    online = Meeting.objects.exclude(online_url="").order_by("starts_at").first()
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    log_in(page, live_server.url, "organiser@example.org")

    for path in [
        online.get_absolute_url(),
        f"/meetings/{impact.pk}/attendees/",
        f"/meetings/{impact.pk}/harvest/",
        "/agenda/opinions/",
    ]:
        page.goto(f"{live_server.url}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} scrolls sideways ({width}px)"
        assert violations(page) == [], path
    context.close()


def test_phone_sized_member_pages_do_not_scroll_sideways(browser, live_server, demo):
    post = MarketPost.objects.filter(author__email="coach@example.org").first()
    question = Question.objects.order_by("pk").first()
    item = Item.objects.filter(status=ItemStatus.PUBLISHED).first()
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    log_in(page, live_server.url, "coach@example.org")

    for path in [
        post.get_absolute_url(),
        "/marketplace/posts/",
        question.get_absolute_url(),
        "/agenda/vote/",
        "/agenda/opinions/",
        item.get_absolute_url(),
        "/knowledge/",
        "/meetings/",
    ]:
        assert page.goto(f"{live_server.url}{path}").ok, path
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} scrolls sideways ({width}px)"
    context.close()


def test_the_checker_itself_finds_a_planted_violation(page):
    page.set_content("<html lang='nl'><body><main><img src='x.png'></main></body></html>")

    assert any(issue.startswith("image-alt") for issue in violations(page))


def test_the_policy_check_itself_sees_blocked_inline_style(page, live_server, csp_violations):
    page.goto(f"{live_server.url}/about/")

    page.evaluate("document.body.setAttribute('style', 'color: red')")
    page.wait_for_timeout(100)

    assert csp_violations() == ["style-src-attr inline"]


LONG_WORD = "organisatieontwikkelingsadviseurswerkgroepbijeenkomst"
LONG_LINK = "https://example.org/" + "a-very-long-address-pasted-from-a-browser-" * 3


def test_long_words_and_links_never_widen_a_phone_screen(browser, live_server, demo):
    """Dutch compounds and pasted links in anything members write wrap inside the screen."""
    coach = Profile.objects.get(user__email="coach@example.org")
    coach.organisation = LONG_WORD
    coach.bio = f"{LONG_WORD} {LONG_LINK}"
    coach.save()
    post = MarketPost.objects.filter(author__email="coach@example.org").first()
    post.title = f"Hulp voor {LONG_WORD}"
    post.text = LONG_LINK
    post.save()
    question = Question.objects.order_by("pk").first()
    question.title = f"Werkt coaching voor {LONG_WORD}?"
    question.save()
    question.comments.create(author=coach.user, text=LONG_LINK)
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    log_in(page, live_server.url, "coach@example.org")

    for path in [
        post.get_absolute_url(),
        "/marketplace/",
        "/marketplace/posts/",
        question.get_absolute_url(),
        "/agenda/questions/",
        coach.get_absolute_url(),
    ]:
        assert page.goto(f"{live_server.url}{path}").ok, path
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} scrolls sideways ({width}px)"
    context.close()


@pytest.mark.parametrize("email", [None, "organiser@example.org"])
def test_every_menu_item_is_on_a_phone_screen(browser, live_server, demo, email):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    if email:
        log_in(page, live_server.url, email)
    page.goto(f"{live_server.url}/")

    items = page.locator(".site-nav li")
    boxes = [items.nth(i).bounding_box() for i in range(items.count())]

    assert len(boxes) >= 7
    assert all(box["x"] >= 0 and box["x"] + box["width"] <= 375 for box in boxes), boxes
    context.close()
