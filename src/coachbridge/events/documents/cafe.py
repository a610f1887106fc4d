"""Printed cards of a World Café (WeasyPrint, from HTML templates), with QR codes (segno).

A table card shows the table, its theme and guiding question, and a QR code that opens the
table's harvest page. A route card shows a person's table and theme per round, and a QR code
that opens the check-in for an organiser (and the person's own page for anyone else).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse

from coachbridge.events.models import Cafe, SeatingPlan
from coachbridge.events.services.cafe import participants_of, route_of

CARD_STYLESHEET = "events/cafe/cards-print.css"


def qr_data_uri(url: str) -> str:
    """An SVG QR code as a data: URI, sharp at any print size."""
    import segno  # noqa: PLC0415 -- only needed for printed cards

    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def table_harvest_url(token: str) -> str:
    try:
        path = reverse("events:table-harvest", kwargs={"token": token})
    except NoReverseMatch:  # the harvest part is not there yet
        path = f"/h/{token}/"
    return f"{settings.SITE_URL}{path}"


def check_in_url(cafe: Cafe, card_token: str) -> str:
    path = reverse("events:cafe-checkin-scan", kwargs={"pk": cafe.meeting_id, "token": card_token})
    return f"{settings.SITE_URL}{path}"


def _pdf(template: str, context: dict[str, Any]) -> bytes:
    from weasyprint import CSS, HTML  # noqa: PLC0415 -- heavy, only needed for downloads

    html = render_to_string(template, context)
    stylesheet = CSS(filename=finders.find(CARD_STYLESHEET))
    return HTML(string=html, base_url=settings.SITE_URL).write_pdf(stylesheets=[stylesheet])


def table_cards_pdf(cafe: Cafe) -> bytes:
    cards = [
        {"table": table, "qr": qr_data_uri(table_harvest_url(table.harvest_token))}
        for table in cafe.tables.select_related("theme", "host")
    ]
    return _pdf(
        "events/cafe/cards_tables.html", {"cafe": cafe, "meeting": cafe.meeting, "cards": cards}
    )


def route_cards_pdf(cafe: Cafe, plan: SeatingPlan) -> bytes:
    cards = [
        {
            "registration": registration,
            "route": route_of(cafe, plan, registration),
            "qr": qr_data_uri(check_in_url(cafe, registration.card_token)),
        }
        for registration in participants_of(cafe).order_by("name", "pk")
    ]
    return _pdf(
        "events/cafe/cards_routes.html", {"cafe": cafe, "meeting": cafe.meeting, "cards": cards}
    )
