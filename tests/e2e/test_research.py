"""A practice-based study in the real browser, end to end: the coach starts a study and adds a
coachee; the coachee consents, answers and asks three colleagues and a partner, who answer
through their own links (the partner on a phone); the coach opens the end questionnaire; the
study page shows the colleagues' averages and keeps the partner hidden, and the coachee's page
their answers in order. axe checks the study, coachee, consent and questionnaire pages;
screenshots go to var/screens/.

Every person behind a link has a browser context of their own and no account. The interface
is being translated, so elements are found by id, name, href and role, never by their text;
the questionnaire titles are compared with the frozen research wording in instruments.py.
"""

import re
from urllib.parse import urlparse

from playwright.sync_api import expect

from coachbridge.research.enums import ParticipantRole, RaterGroup
from coachbridge.research.instruments import COACHEE_END, COACHEE_START, NETWORK
from coachbridge.research.models import Participant, Study
from tests.e2e.conftest import E2E, log_in
from tests.e2e.test_accessibility import switch_language, violations

pytestmark = E2E

PHONE = {"width": 375, "height": 740}
TITLE = "Wat merkt de omgeving van mijn loopbaancoachees?"
# Per colleague: the answer to each "change" item and to each "ripple" item (raters write no
# words: only averages of three or more are shown, see DESIGN.md).
# "dk" is "I don't know" and counts as no score: ripple is then the mean of the other two items.
COLLEAGUES = [
    ("4", "3"),
    ("5", "4"),
    ("4", {"ripple_contact": "2", "ripple_learning": "2", "ripple_tension": "dk"}),
]
CHANGE_MEAN = "4,3"  # (4 + 5 + 4) / 3, with the Dutch decimal comma
RIPPLE_MEAN = "3,0"  # (3 + 4 + 2) / 3


def watch_policy(page):
    """conftest's `csp_violations`, for a page in a browser context of its own."""
    page.add_init_script(
        "window.__blocked = [];"
        "document.addEventListener('securitypolicyviolation', (event) =>"
        " window.__blocked.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline')));"
    )
    return lambda: page.evaluate("window.__blocked || []")


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} scrolls sideways ({width}px)"


def path_of(link):
    """The path of a personal link shown on a page: /r/<token>/."""
    path = urlparse(link).path
    assert re.fullmatch(r"/r/[\w-]{20,}/", path), link
    return path


def give_consent(page, link_path, *, partner=False):
    expect(page.locator("input[name=agree]")).to_be_visible()
    expect(page.locator("input[name=identifiable]")).to_have_count(1 if partner else 0)
    page.check("input[name=agree]")
    page.click("main form[method=post]:not([action]) button[type=submit]")
    expect(page.locator(f"main a[href='{link_path}questions/']")).to_be_visible()


def answer(page, instrument, values, comment=""):
    """Fill in `instrument`: `values` is one answer for every item, or one per scale or item."""
    expect(page.locator("h1")).to_have_text(instrument.title.nl)
    for item in instrument.items:
        value = values
        if isinstance(values, dict):
            value = values.get(item.code) or values[item.scale]
        if isinstance(value, dict):
            value = value[item.code]
        page.check(f"input[name={item.code}][value='{value}']")
    if comment:
        page.fill("textarea[name=comment]", comment)
    page.click("form.research-questionnaire button[type=submit]")


def test_a_study_from_start_to_results(  # noqa: PLR0917 -- pytest fixtures
    page, open_page, live_server, demo, screenshot, csp_violations
):
    base = live_server.url

    # The coach starts a study through the form.
    coach = page
    log_in(coach, base, "coach@example.org")
    switch_language(coach, base, "nl")
    coach.click(".site-nav a[href='/research/']")
    coach.click("main a.button[href='/research/new/']")
    coach.fill("input[name=title]", TITLE)
    coach.fill("textarea[name=aim]", "Of loopbaancoaching ook iets verandert voor collega's.")
    screenshot(coach, "90-research-study-new-nl")
    coach.click("main form[method=post] button[type=submit]")
    study = Study.objects.get(title=TITLE, owner__email="coach@example.org")
    coach.wait_for_url(f"{base}/research/{study.pk}/")
    expect(coach.locator("h1")).to_have_text(TITLE)
    expect(coach.locator("#coachees-heading")).to_be_visible()

    # A coachee without e-mail: the coach reads the personal link from the page.
    coach.click(f"form[action='/research/{study.pk}/coachees/'] button[type=submit]")
    expect(coach.locator(".messages .alert-success")).to_be_visible()
    person = study.participants.get(role=ParticipantRole.COACHEE)
    assert re.fullmatch(r"C-[A-HJ-NP-Z2-9]{5}", person.code)
    row = coach.locator(f"#coachee-{person.code}")
    expect(row.get_by_role("rowheader")).to_have_text(person.code)
    coachee_link = coach.input_value(f"#link-{person.code}")
    coachee_path = path_of(coachee_link)
    assert coachee_path == person.get_link_url()
    screenshot(coach, "91-research-study-coachee-nl")

    # The coachee opens the link in a browser of their own, reads and consents.
    coachee = open_page()
    coachee_blocked = watch_policy(coachee)
    coachee.goto(coachee_link)
    assert coachee.locator("html").get_attribute("lang") == "nl"
    expect(coachee.locator(f"main a[href='{coachee_path}questions/']")).to_have_count(0)
    assert violations(coachee, coachee_blocked) == []
    screenshot(coachee, "92-research-consent-nl")
    give_consent(coachee, coachee_path)

    # The start questionnaire; "I don't know" is a choice too.
    coachee.click(f"main a[href='{coachee_path}questions/']")
    expect(coachee.get_by_role("radio")).to_have_count(len(COACHEE_START.items) * 6)
    assert violations(coachee, coachee_blocked) == []
    screenshot(coachee, "93-research-questionnaire-nl")
    start = {"wellbeing_energy": "dk", "goal": "2", "wellbeing": "2", "process": "3"}
    answer(coachee, COACHEE_START, start, "Rustiger worden in mijn werk.")
    coachee.wait_for_url(f"{base}{coachee_path}")
    expect(coachee.locator(".messages .alert-success")).to_be_visible()
    expect(coachee.locator(f"main a[href='{coachee_path}questions/']")).to_have_count(0)
    expect(coachee.locator("#own-heading")).to_be_visible()

    # Three colleagues and a partner, each with a link the coachee sends on.
    for group in [RaterGroup.COLLEAGUE] * 3 + [RaterGroup.PARTNER]:
        coachee.check(f"input[name=group][value='{group}']")
        coachee.click(f"form[action='{coachee_path}people/'] button[type=submit]")
        expect(coachee.locator(".messages .alert-success")).to_be_visible()
    raters = list(Participant.objects.filter(coachee=person).order_by("pk"))
    assert [rater.group for rater in raters] == ["colleague"] * 3 + ["partner"]
    rater_links = {rater.code: coachee.input_value(f"#link-{rater.code}") for rater in raters}
    assert {code: path_of(link) for code, link in rater_links.items()} == {
        rater.code: rater.get_link_url() for rater in raters
    }
    screenshot(coachee, "94-research-coachee-people-nl")

    # Each colleague answers in a browser of their own.
    colleagues = raters[:3]
    for rater, (change, ripple) in zip(colleagues, COLLEAGUES, strict=True):
        colleague = open_page()
        blocked = watch_policy(colleague)
        link = rater_links[rater.code]
        colleague.goto(link)
        give_consent(colleague, path_of(link))
        colleague.click(f"main a[href='{path_of(link)}questions/']")
        expect(colleague.locator("textarea")).to_have_count(0)
        answer(colleague, NETWORK, {"change": change, "ripple": ripple})
        expect(colleague.locator(".messages .alert-success")).to_be_visible()
        expect(colleague.locator(f"main a[href='{path_of(link)}questions/']")).to_have_count(0)
        assert blocked() == [], link
        if rater == colleagues[0]:
            screenshot(colleague, "95-research-colleague-done-nl")

    # The partner answers on a phone and does not choose to be identifiable.
    partner_rater = raters[3]
    partner = open_page(viewport=PHONE)
    partner_blocked = watch_policy(partner)
    link = rater_links[partner_rater.code]
    partner.goto(link)
    expect(partner.locator("input[name=identifiable]")).not_to_be_checked()
    no_sideways_scroll(partner)
    assert violations(partner, partner_blocked) == []
    screenshot(partner, "96-research-partner-consent-phone")
    give_consent(partner, path_of(link), partner=True)
    partner.click(f"main a[href='{path_of(link)}questions/']")
    no_sideways_scroll(partner)
    assert violations(partner, partner_blocked) == []
    screenshot(partner, "97-research-partner-questionnaire-phone")
    answer(partner, NETWORK, "1")
    expect(partner.locator(".messages .alert-success")).to_be_visible()
    no_sideways_scroll(partner)
    partner_rater.refresh_from_db()
    assert partner_rater.identifiable is False

    # The coaching ends: the coach opens the end questionnaire, the coachee answers it.
    end_form = f"form[action='/research/{study.pk}/coachees/{person.code}/end/']"
    coach.reload()
    coach.click(f"{end_form} button[type=submit]")
    expect(coach.locator(".messages .alert-success")).to_be_visible()
    expect(coach.locator(end_form)).to_have_count(0)
    coachee.goto(coachee_link)
    coachee.click(f"main a[href='{coachee_path}questions/']")
    answer(coachee, COACHEE_END, "4", "Ik durf meer te zeggen.")
    expect(coachee.locator(".messages .alert-success")).to_be_visible()
    expect(coachee.locator(f"main a[href='{coachee_path}questions/']")).to_have_count(0)
    assert coachee_blocked() == []

    # The study page: the colleagues' averages; the partner's answers stay hidden.
    coach.reload()
    expect(coach.locator(f"#coachee-{person.code} form[action$='/end/']")).to_have_count(0)
    colleague_group = coach.locator("section[aria-labelledby=group-colleague]")
    expect(colleague_group.locator("dd")).to_have_count(len(NETWORK.scales))
    expect(colleague_group.locator("dt").nth(0)).to_have_text(NETWORK.scales[0].name.nl)
    expect(colleague_group.locator("dd").nth(0)).to_contain_text(CHANGE_MEAN)
    expect(colleague_group.locator("dd").nth(1)).to_contain_text(RIPPLE_MEAN)
    expect(colleague_group.locator("li")).to_have_count(0)  # averages only, no words
    partner_group = coach.locator("section[aria-labelledby=group-partner]")
    expect(partner_group.locator("#group-partner")).to_be_visible()
    expect(partner_group.locator("dl, dd, li")).to_have_count(0)
    changes = coach.locator("table:has(#changes-caption) tbody tr")
    expect(changes).to_have_count(len(COACHEE_START.scales))
    expect(changes.first.locator("td").nth(0)).to_have_text("1")  # one coachee answered twice
    assert violations(coach, csp_violations) == []
    screenshot(coach, "98-research-study-results-nl")

    # One coachee's page: the start and the end in order, with what the coachee wrote.
    coach.click(f"#coachee-{person.code} th a")
    expect(coach.locator(".research-timeline > li")).to_have_count(2)
    expect(coach.locator(".research-timeline > li").nth(1)).to_contain_text(
        "Ik durf meer te zeggen."
    )
    assert violations(coach, csp_violations) == []

    # The coachee's own page on a phone: their scores, the colleagues, no partner answers.
    phone = open_page(viewport=PHONE)
    phone_blocked = watch_policy(phone)
    phone.goto(coachee_link)
    expect(phone.locator("#own-heading")).to_be_visible()
    expect(phone.locator("section[aria-labelledby=group-colleague] dd")).to_have_count(2)
    expect(phone.locator("section[aria-labelledby=group-partner] dl")).to_have_count(0)
    expect(phone.locator("section[aria-labelledby=group-colleague] li")).to_have_count(0)
    no_sideways_scroll(phone)
    assert violations(phone, phone_blocked) == []
    screenshot(phone, "99-research-coachee-results-phone")
