"""URLs of the cafe part of a meeting (names live in the "events" namespace).

Mounted at /meetings/<int:pk>/cafe/. Token links (wall, route, check-in by QR) carry an
unguessable token; the rest is for organisers.
"""

from django.urls import path

from coachbridge.events.views.cafe import day, plan, setup

urlpatterns = [
    path("", setup.cafe_setup, name="cafe-setup"),
    path("themes/", setup.cafe_themes, name="cafe-themes"),
    path("tables/", setup.cafe_tables, name="cafe-tables"),
    path("rounds/", setup.cafe_rounds, name="cafe-rounds"),
    path("rules/", setup.cafe_rules, name="cafe-rules"),
    path("plan/", plan.cafe_plan, name="cafe-plan"),
    path("plan/compute/", plan.cafe_plan_compute, name="cafe-plan-compute"),
    path("plan/progress/", plan.cafe_plan_progress, name="cafe-plan-progress"),
    path("plan/move/", plan.cafe_plan_move, name="cafe-plan-move"),
    path("plan/table-cards.pdf", plan.cafe_table_cards, name="cafe-table-cards"),
    path("plan/route-cards.pdf", plan.cafe_route_cards, name="cafe-route-cards"),
    path("day/", day.cafe_run, name="cafe-run"),
    path("day/next-round/", day.cafe_round_next, name="cafe-round-next"),
    path("day/replan/", day.cafe_replan, name="cafe-replan"),
    path("day/check-in/", day.cafe_checkin, name="cafe-checkin"),
    path("day/check-in/<token:token>/", day.cafe_checkin_scan, name="cafe-checkin-scan"),
    path("wall/", day.cafe_wall, name="cafe-wall"),
    path("wall/<token:token>/", day.cafe_wall_public, name="cafe-wall-public"),
    path("route/<token:token>/", day.cafe_route, name="cafe-route"),
]
