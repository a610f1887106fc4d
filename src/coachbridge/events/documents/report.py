"""The report of a meeting as PDF (WeasyPrint, from an HTML template) and as DOCX (python-docx).

Both follow the web page: introduction, a section per theme with its highlights, the
marketplace, closing words, and an appendix with all insights by theme and sub-theme.
"""

from __future__ import annotations

import io
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from coachbridge.events.models import Report
from coachbridge.events.services.report import theme_parts

PDF_STYLESHEET = "events/harvest/report-print.css"


def report_context(report: Report) -> dict[str, Any]:
    return {
        "report": report,
        "meeting": report.meeting,
        "parts": theme_parts(report),
        "SITE_NAME": settings.SITE_NAME,
    }


def report_pdf(report: Report, *, base_url: str) -> bytes:
    from weasyprint import CSS, HTML  # noqa: PLC0415 -- heavy, only needed for downloads

    html = render_to_string("events/harvest/report_pdf.html", report_context(report))
    stylesheet = CSS(filename=finders.find(PDF_STYLESHEET))
    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=[stylesheet])


def _paragraphs(document: Any, text: str) -> None:
    for block in text.split("\n\n"):
        if block.strip():
            document.add_paragraph(" ".join(block.split()))


def report_docx(report: Report) -> bytes:
    from docx import Document  # noqa: PLC0415 -- heavy, only needed for downloads
    from docx.shared import Pt  # noqa: PLC0415 -- idem

    document = Document()
    document.core_properties.title = report.title
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(report.title, level=0)
    _paragraphs(document, report.introduction)
    parts = theme_parts(report)
    for part in parts:
        document.add_heading(
            _("Theme %(number)d: %(title)s") % {"number": part.number, "title": part.theme.title},
            level=1,
        )
        _paragraphs(document, part.text)
        if part.has_highlights:
            document.add_heading(_("Highlights"), level=2)
            for sub in part.subthemes:
                if sub.highlights:
                    paragraph = document.add_paragraph(style="List Bullet")
                    paragraph.add_run(sub.label).bold = True
                    for text in sub.highlights:
                        document.add_paragraph(f"“{text}”", style="List Bullet 2")
    if report.marketplace_text.strip():
        document.add_heading(_("Marketplace"), level=1)
        _paragraphs(document, report.marketplace_text)
    _paragraphs(document, report.closing)
    if any(part.insight_count for part in parts):
        document.add_page_break()
        document.add_heading(_("Appendix: all insights of the World Café"), level=1)
        for part in parts:
            if not part.insight_count:
                continue
            document.add_heading(part.theme.title, level=2)
            for sub in part.subthemes:
                document.add_heading(sub.label, level=3)
                for text in sub.insights:
                    document.add_paragraph(text, style="List Bullet")
            if part.loose:
                document.add_heading(_("Other insights"), level=3)
                for text in part.loose:
                    document.add_paragraph(text, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
