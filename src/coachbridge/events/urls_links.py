"""Token links at the site root (names live in the "events" namespace).

Each token is unguessable and does one thing; an unknown token is a plain 404.
"""

from django.urls import path

from coachbridge.events.views import harvest

urlpatterns = [
    path("h/<token:token>/", harvest.table_harvest, name="table-harvest"),
    path("h/me/<token:token>/", harvest.registration_harvest, name="registration-harvest"),
    path("h/wall/<token:token>/", harvest.wall_link, name="harvest-wall-link"),
]
