"""The report: written from the synthesis, edited per section, published, PDF and DOCX."""

import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from docx import Document

from coachbridge.common.models import ActivityLog
from coachbridge.events.enums import MeetingStatus, ReportVisibility
from coachbridge.events.models import Insight, Report
from coachbridge.events.services.harvest import synthesise
from coachbridge.events.services.report import generate_report
from tests.events.test_harvest import english
from tests.factories.cafe import make_cafe
from tests.factories.events import MeetingFactory, RegistrationFactory
from tests.pdf import pdf_text

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

AUTHOR = "Anna Auteur"


@pytest.fixture
def cafe(db):
    meeting = MeetingFactory(title="Impact Meeting", place="Utrecht")
    cafe, _ = make_cafe(meeting, themes=("Onderzoeksvragen", "Bruggen bouwen"))
    author = RegistrationFactory(meeting=meeting, name=AUTHOR, role="researcher")
    RegistrationFactory(meeting=meeting, role="coach")
    first, second = cafe.themes.all()
    for text in ["Het proces van coaching meten", "Proces en uitkomst allebei meten"]:
        Insight.objects.create(cafe=cafe, theme=first, text=text, author=author)
    for text in ["Artikelen in gewone taal", "Samenvattingen in begrijpelijke taal"]:
        Insight.objects.create(cafe=cafe, theme=second, text=text, author=author)
    Insight.objects.create(cafe=cafe, theme=second, text="Geheime notitie", hidden=True)
    synthesise(cafe, by=None)
    return cafe


@pytest.fixture
def report(cafe):
    with translation.override("en"):
        return generate_report(cafe.meeting, by=None)


def url(name, meeting):
    return reverse(f"events:{name}", kwargs={"pk": meeting.pk})


def test_generated_report_has_the_structure_of_the_seed_report(report, cafe):
    first, second = cafe.themes.all()

    assert report.title == "Impact Meeting"
    assert "took place in Utrecht" in report.introduction
    assert "2 people took part (coach: 1, researcher: 1)." in report.introduction
    assert "2 themes: 1) Onderzoeksvragen; 2) Bruggen bouwen." in report.introduction
    assert sorted(report.theme_texts) == [f"theme-{first.pk}", f"theme-{second.pk}"]
    for theme in (first, second):
        labels = theme.subthemes.values_list("label", flat=True)
        assert all(f"“{label}”" in report.theme_texts[f"theme-{theme.pk}"] for label in labels)
    assert report.visibility == ReportVisibility.DRAFT


def test_the_introduction_counts_the_same_people_in_total_and_per_role(cafe):
    meeting = cafe.meeting
    for role in ("coach", "coach", "researcher", "psychologist"):
        RegistrationFactory(meeting=meeting, role=role)
    meeting.registrations.filter(role="researcher").update(checked_in_at=timezone.now())

    with translation.override("en"):
        report = generate_report(meeting, by=None)

    assert "2 people took part (researcher: 2)." in report.introduction


def test_report_page_shows_sections_highlights_and_appendix_without_authors(
    report, cafe, organiser
):
    report.marketplace_text = "Vraag en aanbod op de markt"
    report.save()

    html = english(organiser).get(url("report-detail", cafe.meeting)).content.decode()

    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html, flags=re.S)
    assert [re.sub(r"<[^>]+>|\s+", " ", h).split() for h in headings] == [
        ["Theme", "1", "Onderzoeksvragen"],
        ["Theme", "2", "Bruggen", "bouwen"],
        ["Marketplace"],
        ["Appendix:", "all", "insights", "of", "the", "World", "Café"],
    ]
    appendix = html[html.index('id="report-appendix"') :]
    for text in ["Het proces van coaching meten", "Samenvattingen in begrijpelijke taal"]:
        assert text in appendix
    assert "<q>" in html  # highlights are quoted
    assert AUTHOR not in html
    assert "Geheime notitie" not in html
    assert "This report is not published yet. Only organisers see it." in html


@pytest.mark.parametrize(
    ("visibility", "expected"),
    [
        (ReportVisibility.DRAFT, {"anonymous": 404, "member": 404, "organiser": 200}),
        (ReportVisibility.MEMBERS, {"anonymous": 302, "member": 200, "organiser": 200}),
        (ReportVisibility.PUBLIC, {"anonymous": 200, "member": 200, "organiser": 200}),
    ],
)
def test_who_reads_the_report_page_and_downloads(report, member, organiser, visibility, expected):
    cafe = report.meeting.cafe
    report.visibility = visibility
    report.save()
    clients = {"anonymous": english(), "member": english(member), "organiser": english(organiser)}

    statuses = {
        name: {
            client.get(url(page, cafe.meeting)).status_code
            for page in ("report-detail", "report-pdf", "report-docx")
        }
        for name, client in clients.items()
    }

    assert statuses == {name: {status} for name, status in expected.items()}


def test_report_of_a_draft_meeting_stays_hidden(report, cafe):
    report.visibility = ReportVisibility.PUBLIC
    report.save()
    cafe.meeting.status = MeetingStatus.DRAFT
    cafe.meeting.save()

    response = english().get(url("report-detail", cafe.meeting))

    assert response.status_code == 404


def test_organiser_edits_one_section_and_publishes(report, cafe, organiser):
    client = english(organiser)
    first = cafe.themes.first()
    key = f"theme-{first.pk}"

    client.post(url("report-edit", cafe.meeting), {"section": key, f"{key}-text": "Eigen tekst"})
    client.post(
        url("report-edit", cafe.meeting), {"section": "closing", "closing-text": "Tot slot"}
    )
    client.post(url("report-publish", cafe.meeting), {"visibility": "public"})

    report.refresh_from_db()
    assert report.theme_texts[key] == "Eigen tekst"
    assert report.closing == "Tot slot"
    assert (report.visibility, report.published_at is not None) == ("public", True)
    assert list(
        ActivityLog.objects.filter(action__startswith="report.")
        .order_by("pk")
        .values_list("action", "data")
    ) == [
        ("report.created", {}),
        ("report.section_updated", {"section": key}),
        ("report.section_updated", {"section": "closing"}),
        ("report.visibility_set", {"visibility": "public"}),
    ]


def test_a_section_too_long_is_refused_and_what_was_typed_stays(report, cafe, organiser):
    client = english(organiser)
    client.post(url("report-edit", cafe.meeting), {"section": "closing", "closing-text": "Kort"})
    too_long = "Lang verhaal. " * 2000

    response = client.post(
        url("report-edit", cafe.meeting), {"section": "closing", "closing-text": too_long}
    )

    report.refresh_from_db()
    assert report.closing == "Kort"
    html = response.content.decode()
    assert "Ensure this value has at most 20000 characters" in html
    assert too_long.strip() in html


def test_a_section_that_does_not_exist_is_a_bad_request(report, cafe, organiser):
    client = english(organiser)

    for section in ("", "abc", "theme-0"):
        response = client.post(
            url("report-edit", cafe.meeting),
            {"section": section, f"{section}-text": "x"},
            headers={"HX-Request": "true"},
        )
        assert response.status_code == 400, section
    report.refresh_from_db()
    assert "x" not in (report.introduction, report.closing, *report.theme_texts.values())
    assert not ActivityLog.objects.filter(action="report.section_updated").exists()


def test_empty_title_is_refused_and_htmx_gets_the_section(report, cafe, organiser):
    response = english(organiser).post(
        url("report-edit", cafe.meeting),
        {"section": "title", "title-text": ""},
        HTTP_HX_REQUEST="true",
    )

    html = response.content.decode()
    report.refresh_from_db()
    assert report.title == "Impact Meeting"
    assert html.lstrip().startswith('<section id="section-title"')
    assert "This field is required." in html


def test_html_in_a_section_is_shown_escaped(report, cafe, organiser):
    report.introduction = "<script>alert(1)</script>Welkom"
    report.visibility = ReportVisibility.PUBLIC
    report.save()

    html = english().get(url("report-detail", cafe.meeting)).content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;Welkom" in html


def test_generate_again_keeps_marketplace_closing_and_visibility(report, cafe, organiser):
    report.marketplace_text = "Markt"
    report.closing = "Slot"
    report.introduction = "Weg ermee"
    report.visibility = ReportVisibility.MEMBERS
    report.save()

    english(organiser).post(url("report-generate", cafe.meeting))

    report.refresh_from_db()
    assert (report.marketplace_text, report.closing, report.visibility) == (
        "Markt",
        "Slot",
        "members",
    )
    assert report.introduction.startswith("On ")
    assert Report.objects.count() == 1


def test_docx_reads_back_in_the_structure_of_the_report(report, cafe):
    report.visibility = ReportVisibility.PUBLIC
    report.marketplace_text = "Vraag en aanbod"
    report.save()

    response = english().get(url("report-docx", cafe.meeting))

    document = Document(io.BytesIO(response.content))
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name.startswith(("Head", "Title"))
    ]
    texts = [p.text for p in document.paragraphs]
    assert response["Content-Disposition"] == 'attachment; filename="impact-meeting.docx"'
    assert headings[:2] == [("Title", "Impact Meeting"), ("Heading 1", "Theme 1: Onderzoeksvragen")]
    assert ("Heading 1", "Marketplace") in headings
    assert ("Heading 1", "Appendix: all insights of the World Café") in headings
    assert "Artikelen in gewone taal" in texts
    assert AUTHOR not in "\n".join(texts)
    assert "Geheime notitie" not in "\n".join(texts)


def test_pdf_is_a_pdf_with_the_report_text(report, cafe):
    report.visibility = ReportVisibility.PUBLIC
    report.save()

    response = english().get(url("report-pdf", cafe.meeting))

    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    assert "IMPACT MEETING" in text
    assert "Het proces van coaching meten" in text
    assert AUTHOR not in text


def test_meeting_page_links_to_the_published_report_only(report, cafe):
    meeting_url = cafe.meeting.get_absolute_url()
    report_url = url("report-detail", cafe.meeting)

    draft_page = english().get(meeting_url).content.decode()
    report.visibility = ReportVisibility.PUBLIC
    report.save()
    public_page = english().get(meeting_url).content.decode()

    assert report_url not in draft_page
    assert report_url in public_page


def test_report_edit_without_report_offers_to_write_it(cafe, organiser):
    page = english(organiser).get(url("report-edit", cafe.meeting)).content.decode()

    assert url("report-generate", cafe.meeting) in page
    assert not Report.objects.exists()


def test_insights_that_come_in_after_publishing_wait_until_published_again(report, cafe, organiser):
    client = english(organiser)
    client.post(url("report-publish", cafe.meeting), {"visibility": "public"})
    Insight.objects.create(cafe=cafe, theme=cafe.themes.first(), text="Late en ongelezen notitie")

    public_before = english().get(url("report-detail", cafe.meeting)).content.decode()
    edit = client.get(url("report-edit", cafe.meeting)).content.decode()
    client.post(url("report-publish", cafe.meeting), {"visibility": "public"})
    public_after = english().get(url("report-detail", cafe.meeting)).content.decode()

    assert "Late en ongelezen notitie" not in public_before
    assert "1 insight came in after you published." in edit
    assert "Late en ongelezen notitie" in public_after
