from django.urls import path

from coachbridge.directory import views

app_name = "directory"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("help/", views.help_finder, name="help"),
]
