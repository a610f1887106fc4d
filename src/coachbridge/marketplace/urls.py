"""URLs of the marketplace app."""

from django.urls import include, path

from coachbridge.marketplace.views import introductions, organiser, posts, public

app_name = "marketplace"

post_urls = [
    path("", posts.post_detail, name="post-detail"),
    path("edit/", posts.post_edit, name="post-edit"),
    path("status/", posts.post_status, name="post-status"),
    path("introduce/", introductions.introduction_request, name="introduction-request"),
    path("matches/<int:other_pk>/hide/", posts.match_hide, name="match-hide"),
    path("matches/<int:other_pk>/unhide/", posts.match_unhide, name="match-unhide"),
]

urlpatterns = [
    path("", posts.home, name="home"),
    path("posts/", posts.post_list, name="post-list"),
    path("posts/new/", posts.post_create, name="post-create"),
    path("posts/new/insight/<int:insight_pk>/", posts.post_from_insight, name="post-from-insight"),
    path("posts/<int:pk>/", include(post_urls)),
    path("introductions/<int:pk>/", introductions.introduction_detail, name="introduction-detail"),
    path(
        "introductions/<int:pk>/answer/",
        introductions.introduction_answer,
        name="introduction-answer",
    ),
    path("digest/", posts.digest_settings, name="digest-settings"),
    path(
        "digest/unsubscribe/<str:token>/",
        introductions.digest_unsubscribe,
        name="digest-unsubscribe",
    ),
    path("public/", public.public_list, name="public-list"),
    path("public/<int:pk>/", public.public_detail, name="public-detail"),
    path("meetings/<int:pk>/wall/", organiser.event_wall, name="event-wall"),
    path("meetings/<int:pk>/numbers/", organiser.event_stats, name="event-stats"),
]
