"""URLs of the events app. Each part of a meeting has its own URL module in this namespace."""

from django.urls import include, path

from coachbridge.events.views import meetings

app_name = "events"

meeting_urls = [
    path("", meetings.meeting_detail, name="meeting-detail"),
    path("edit/", meetings.meeting_edit, name="meeting-edit"),
    path("register/", meetings.register_member, name="meeting-register"),
    path("unregister/", meetings.unregister_member, name="meeting-unregister"),
    path("guest/", meetings.register_guest, name="meeting-register-guest"),
    path("attendees/", meetings.attendee_list, name="meeting-attendees"),
    path("attendees.csv", meetings.attendee_csv, name="meeting-attendees-csv"),
    path("remind/", meetings.send_reminder, name="meeting-remind"),
    path("meeting.ics", meetings.meeting_ics, name="meeting-ics"),
    path("cafe/", include("coachbridge.events.urls_cafe")),
    path("harvest/", include("coachbridge.events.urls_harvest")),
]

urlpatterns = [
    path("meetings/", meetings.meeting_list, name="meeting-list"),
    path("meetings/new/", meetings.meeting_create, name="meeting-create"),
    path("meetings/series/new/", meetings.series_create, name="series-create"),
    path("meetings/series/<int:series_pk>/", meetings.series_detail, name="series-detail"),
    path("meetings/<int:pk>/", include(meeting_urls)),
    path("my/registration/<token:token>/", meetings.guest_registration, name="guest-registration"),
    path("calendar/", meetings.calendar_settings, name="calendar-settings"),
    path("calendar/<token:token>.ics", meetings.calendar_feed, name="calendar-feed"),
    path("", include("coachbridge.events.urls_links")),
]
