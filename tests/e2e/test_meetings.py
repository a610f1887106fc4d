"""Meetings in the real browser: an organiser plans one, a member and a guest register."""

from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from coachbridge.events.models import Meeting, Registration
from tests.e2e.conftest import E2E, log_in

pytestmark = E2E


def test_organiser_plans_member_and_guest_register_organiser_sees_list(
    open_page, live_server, demo, screenshot
):
    base = live_server.url
    organiser = open_page()
    log_in(organiser, base, "organiser@example.org")
    organiser.goto(f"{base}/meetings/new/")
    organiser.fill("input[name=title]", "Leercafé over het rimpeleffect")
    organiser.fill("input[name=starts_at]", "2031-03-13T16:00")
    organiser.fill("input[name=ends_at]", "2031-03-13T17:30")
    organiser.fill("input[name=place]", "Utrecht")
    organiser.fill("input[name=capacity]", "12")
    organiser.select_option("select[name=status]", "published")
    organiser.check("input[name=registration_open]")
    screenshot(organiser, "20-meeting-form-nl")
    organiser.click("main form button[type=submit]")
    expect(organiser.locator("h1")).to_have_text("Leercafé over het rimpeleffect")
    meeting = Meeting.objects.get(title="Leercafé over het rimpeleffect")

    member = open_page()
    log_in(member, base, "coach@example.org")
    member.goto(f"{base}{meeting.get_absolute_url()}")
    member.click("text=Meld je aan met één klik")
    expect(member.locator(".messages")).to_contain_text("Je bent aangemeld")
    screenshot(member, "21-meeting-registered-nl")

    guest = open_page(viewport={"width": 375, "height": 740})
    guest.goto(f"{base}{meeting.get_absolute_url()}")
    guest.click("text=Aanmelden als gast")
    guest.fill("input[name=name]", "Gijs Gast")
    guest.fill("input[name=email]", "gijs@example.org")
    guest.select_option("select[name=role]", "researcher")
    guest.click("main form button[type=submit]")
    # the same answer for every address: the personal link goes by e-mail only
    expect(guest.locator(".messages")).to_contain_text("Kijk in je e-mail")
    assert mail.outbox[-1].to == ["gijs@example.org"]
    personal = Registration.objects.get(meeting=meeting, email="gijs@example.org")
    link = reverse("events:guest-registration", kwargs={"token": personal.token})
    assert link in mail.outbox[-1].body
    guest.goto(f"{base}{link}")
    expect(guest.locator("h1")).to_have_text("Mijn aanmelding")
    screenshot(guest, "22-guest-registration-phone-nl")

    organiser.click("text=Lijst van deelnemers en herinneringen")
    rows = organiser.locator("tbody tr")
    expect(rows).to_have_count(2)
    screenshot(organiser, "23-attendees-nl")
    organiser.on("dialog", lambda dialog: dialog.accept())
    organiser.click("text=Stuur een herinnering")
    expect(organiser.locator(".messages")).to_contain_text("Er gaat een herinnering naar 2 mensen")
    assert sorted(r.name for r in Registration.objects.filter(meeting=meeting)) == [
        "Gijs Gast",
        "Sanne Verbeek",
    ]
