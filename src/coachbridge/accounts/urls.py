from django.urls import include, path

from coachbridge.accounts import views

app_name = "accounts"

member_urls = [
    path("", views.member_detail, name="member-detail"),
    path("photo/", views.member_photo, name="member-photo"),
]

urlpatterns = [
    path("me/", views.dashboard, name="dashboard"),
    path("me/profile/", views.profile_edit, name="profile-edit"),
    path("me/privacy/", views.privacy, name="privacy"),
    path("me/privacy/export/", views.export_data, name="export-data"),
    path("me/privacy/delete/", views.delete_account, name="delete-account"),
    path("members/", views.member_list, name="member-list"),
    path("members/<int:pk>/", include(member_urls)),
    path("organiser/", views.organiser, name="organiser"),
]
