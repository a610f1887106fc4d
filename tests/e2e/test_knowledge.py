"""The knowledge hub in the real browser: the live plain-language assistant while typing,
reference import, review and publishing, public search; axe finds no violation on its pages."""

import pytest
from playwright.sync_api import expect

from coachbridge.knowledge.enums import ItemStatus
from coachbridge.knowledge.models import Item
from tests.e2e.conftest import E2E, SCREENSHOTS, log_in
from tests.e2e.test_accessibility import switch_language, violations

pytestmark = E2E

HARD_NL = (
    "De interventie werd door de onderzoekers geëvalueerd middels een gerandomiseerde "
    "gecontroleerde studie waarbij de effectgrootte, die door de auteurs als substantieel werd "
    "gekwalificeerd, significant bleek te zijn."
)
BIBTEX = """@article{grassmann2020,
  author = {Graßmann, Carolin and Schölmerich, Franziska and Schermuly, Carsten C.},
  title = {The relationship between working alliance and client outcomes in coaching},
  journal = {Human Relations}, year = {2020}, volume = {73}, number = {1}, pages = {35--58},
  doi = {10.1177/0018726718819725}
}"""


def public_pages():
    published = Item.objects.filter(status=ItemStatus.PUBLISHED)
    debunk = published.filter(kind="debunk").first()
    summary = published.filter(kind="summary", language="nl").first()
    return [
        "/knowledge/",
        "/knowledge/?q=werkrelatie&evidence=review",
        "/knowledge/glossary/",
        summary.get_absolute_url(),
        debunk.get_absolute_url(),
    ]


def member_pages():
    pending = Item.objects.get(status=ItemStatus.IN_REVIEW)
    return [
        "/knowledge/workspace/",
        "/knowledge/new/summary/",
        "/knowledge/new/debunk/",
        f"/knowledge/{pending.pk}/review/",
        f"/knowledge/{pending.pk}/versions/",
        pending.get_absolute_url(),
    ]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_knowledge_pages_have_no_violations(page, live_server, demo, language, csp_violations):
    switch_language(page, live_server.url, language)
    found = {}
    for path in public_pages():
        page.goto(f"{live_server.url}{path}")
        found[path] = violations(page, csp_violations)
    log_in(page, live_server.url, "coach@example.org")
    switch_language(page, live_server.url, language)
    for path in member_pages():
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        found[f"coach {path}"] = violations(page, csp_violations)

    assert {path: issues for path, issues in found.items() if issues} == {}


@pytest.mark.usefixtures("demo")
def test_researcher_writes_with_the_live_assistant_and_an_editor_publishes(
    browser, page, live_server, screenshot, csp_violations
):
    base = live_server.url
    log_in(page, base, "researcher@example.org")
    switch_language(page, base, "en")  # the interface in English, the text in Dutch
    page.goto(f"{base}/knowledge/new/summary/")
    expect(page.locator("#assistant-panel")).to_contain_text("Start writing")

    # Typing a hard sentence: the assistant updates by itself, without a reload.
    page.fill("#id_title", "Werkt coaching in groepen?")
    page.locator("#id_findings").press_sequentially(HARD_NL[:80])
    page.locator("#id_findings").fill(HARD_NL)
    page.locator("#id_findings").press("End")
    page.locator("#id_findings").press("Space")
    expect(page.locator(".assistant-level")).to_be_visible()
    expect(page.locator(".assistant-level")).not_to_contain_text("A2")
    expect(page.locator(".assistant-findings")).to_contain_text("Jargon")
    expect(page.locator(".assistant-findings")).to_contain_text("door loting ingedeeld")
    screenshot(page, "70-knowledge-assistant-hard")
    assert violations(page, csp_violations) == []

    # Rewriting in plain words brings the level down to the target.
    page.locator("#id_findings").fill("")
    page.locator("#id_findings").press_sequentially(
        "Coaching in groepen helpt. Mensen leren van elkaar.", delay=5
    )
    expect(page.locator(".assistant-level")).to_have_class("assistant-level assistant-ok")
    screenshot(page, "71-knowledge-assistant-plain")

    # A malformed reference keeps the text; a good one fills the source.
    page.fill("#id_reference_text", "@article{kapot, title = {zonder einde")
    page.click("button[name=import_reference]")
    expect(page.locator(".reference-import .alert-error")).to_contain_text("BibTeX")
    expect(page.locator("#id_title")).to_have_value("Werkt coaching in groepen?")
    page.fill("#id_reference_text", BIBTEX)
    page.click("button[name=import_reference]")
    expect(page.locator("#id_doi")).to_have_value("10.1177/0018726718819725")
    expect(page.locator("#id_citation")).to_contain_text("Human Relations, 73(1), 35\u201358.")
    screenshot(page, "72-knowledge-import")

    page.fill("#id_lead", "Coaching in een groep helpt ook.")
    for name in ("question", "method", "practice", "limitations"):
        page.fill(f"#id_{name}", "Een korte en duidelijke tekst.")
    page.check("input[name=evidence][value=review]")
    page.click("button[name=submit_for_review]")
    expect(page.locator(".messages")).to_contain_text("Saved and sent for review.")
    item = Item.objects.get(title="Werkt coaching in groepen?")
    assert item.status == ItemStatus.IN_REVIEW

    # A coach reviews; the organiser (editor) publishes.
    coach = browser.new_context().new_page()
    log_in(coach, base, "coach@example.org")
    switch_language(coach, base, "en")
    coach.goto(f"{base}/knowledge/{item.pk}/review/")
    coach.select_option("#id_comment-section", "findings")
    coach.fill("#id_comment-text", "Wat leren ze precies van elkaar?")
    coach.click("form[action$='/comment/'] button")
    coach.check("input[name=rating][value='4']")
    coach.fill("#id_text", "Duidelijk. Ik kan dit gebruiken.")
    coach.click("text=Send review")
    expect(coach.locator(".review-comment")).to_contain_text("Wat leren ze precies")
    expect(coach.locator(".messages")).to_contain_text("Thank you.")
    expect(coach.locator("#reviews-heading + .card")).to_contain_text("4/5")
    screenshot(coach, "73-knowledge-review-en")
    coach.context.close()

    editor = browser.new_context().new_page()
    log_in(editor, base, "organiser@example.org")
    switch_language(editor, base, "en")
    editor.goto(f"{base}{item.get_absolute_url()}")
    editor.click("form[action$='/publish/'] button")
    expect(editor.locator(".messages")).to_contain_text("Published.")
    editor.context.close()

    # The public finds it by a Dutch word form, and prints it without the screen furniture.
    visitor = browser.new_context().new_page()
    visitor.goto(f"{base}/knowledge/?q=groepen")
    expect(visitor.locator(".knowledge-card").first).to_contain_text("Werkt coaching in groepen?")
    visitor.click("text=Werkt coaching in groepen?")
    expect(visitor.locator("meta[property='og:description']")).to_have_attribute(
        "content", "Coaching in een groep helpt ook."
    )
    screenshot(visitor, "74-knowledge-detail-nl")
    visitor.emulate_media(media="print")
    expect(visitor.locator(".site-header")).to_be_hidden()
    expect(visitor.locator("#related-heading")).to_be_hidden()
    visitor.context.close()


def test_english_reader_sees_a_debunk_with_glossary_links(page, live_server, demo, screenshot):
    switch_language(page, live_server.url, "en")
    page.goto(f"{live_server.url}/knowledge/?kind=debunk&language=en")
    page.click("text=MBTI types do not predict coaching success")

    expect(page.locator("h2").first).to_have_text("The fact")
    expect(page.locator("a.glossary-term").first).to_be_visible()
    screenshot(page, "75-knowledge-debunk-en")
    page.goto(f"{live_server.url}/knowledge/")
    screenshot(page, "76-knowledge-list-en")


PHONE = {"width": 390, "height": 844}


def test_coach_comments_on_a_paragraph_on_a_phone_and_the_editor_sees_the_check(
    page, live_server, demo, screenshot, csp_violations
):
    """In Dutch on a phone: a coach comments on one paragraph and reviews; the author sees the
    comment next to that paragraph's part while editing; the editor sees a coach reviewed."""
    base = live_server.url
    pending = Item.objects.get(status=ItemStatus.IN_REVIEW)
    page.set_viewport_size(PHONE)
    log_in(page, base, "coach@example.org")
    switch_language(page, base, "nl")

    page.goto(f"{base}/knowledge/{pending.pk}/review/")
    page.click("#p-findings-2 a.paragraph-number")
    expect(page.locator("#id_comment-section")).to_have_value("findings")
    expect(page.locator("#id_comment-paragraph")).to_have_value("2")
    page.fill("#id_comment-text", "Hoeveel vaker zagen ze samen?")
    page.click("form[action$='/comment/'] button")
    expect(page.locator("#p-findings-2 .review-comment")).to_contain_text("Hoeveel vaker")
    expect(page.locator("#p-findings-1 .review-comment")).to_have_count(0)
    page.check("input[name=rating][value='4']")
    page.fill("#id_text", "Helder. Ik ga dit vragen aan mijn coachees.")
    page.click("section[aria-labelledby=verdict-heading] button[type=submit]")
    expect(page.locator("#reviews-heading + .card")).to_contain_text("Coach")
    assert violations(page, csp_violations) == []
    page.locator("#p-findings-2").scroll_into_view_if_needed()
    screenshot(page, "77-knowledge-review-paragraph-nl-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.context.clear_cookies()
    log_in(page, base, "researcher@example.org")
    switch_language(page, base, "nl")
    page.goto(f"{base}/knowledge/{pending.pk}/edit/")
    expect(page.locator(".review-comments .review-comment")).to_contain_text("Hoeveel vaker")
    assert violations(page, csp_violations) == []
    screenshot(page, "78-knowledge-editor-comments-nl-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, base, "organiser@example.org")
    switch_language(page, base, "nl")
    page.goto(f"{base}{pending.get_absolute_url()}")
    expect(page.locator(".publish-check")).to_have_class("alert alert-success publish-check")
    assert violations(page, csp_violations) == []
    screenshot(page, "79-knowledge-publish-check-nl")


def test_pages_fit_a_phone_in_dutch(page, live_server, demo, screenshot, csp_violations):
    base = live_server.url
    page.set_viewport_size(PHONE)
    switch_language(page, base, "nl")
    summary = Item.objects.filter(status=ItemStatus.PUBLISHED, language="nl").first()
    shots = {"80-knowledge-list-nl-phone": "/knowledge/"}
    shots["81-knowledge-detail-nl-phone"] = summary.get_absolute_url()
    shots["82-knowledge-glossary-nl-phone"] = "/knowledge/glossary/"
    for name, path in shots.items():
        page.goto(f"{base}{path}")
        screenshot(page, name)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    log_in(page, base, "researcher@example.org")
    switch_language(page, base, "nl")
    for name, path in {
        "83-knowledge-workspace-nl-phone": "/knowledge/workspace/",
        "84-knowledge-new-nl-phone": "/knowledge/new/debunk/",
    }.items():
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
        screenshot(page, name)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path

    # While typing a part on a phone, the assistant's level stays in view at the bottom.
    page.locator("#id_fallacy").fill("Mensen hebben wel voorkeuren. Dat voelt als bewijs.")
    page.locator("#id_fallacy").press("Space")
    expect(page.locator(".assistant-level")).to_be_visible()
    box = page.locator(".knowledge-assistant").bounding_box()
    field = page.locator("#id_fallacy").bounding_box()
    assert PHONE["height"] / 2 < box["y"] and box["y"] + box["height"] <= PHONE["height"] + 1
    assert field["y"] + field["height"] <= box["y"]  # the field being typed in is not covered
    page.screenshot(path=str(SCREENSHOTS / "85-knowledge-typing-nl-phone.png"))
