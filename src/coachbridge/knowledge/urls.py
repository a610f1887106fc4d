"""URLs of the knowledge app."""

from django.urls import include, path

from coachbridge.knowledge import views
from coachbridge.knowledge.feeds import LatestItemsFeed

app_name = "knowledge"

item_urls = [
    path("", views.item_detail, name="item-detail"),
    path("edit/", views.item_edit, name="item-edit"),
    path("submit/", views.item_submit, name="item-submit"),
    path("publish/", views.item_publish, name="item-publish"),
    path("return/", views.item_return, name="item-return"),
    path("review/", views.item_review, name="item-review"),
    path("comment/", views.item_comment, name="item-comment"),
    path("versions/", views.item_versions, name="item-versions"),
    path("images/", views.item_images, name="item-images"),
]

urlpatterns = [
    path("", views.item_list, name="item-list"),
    path("feed/", LatestItemsFeed(), name="feed"),
    path("glossary/", views.glossary, name="glossary"),
    path("workspace/", views.workspace, name="workspace"),
    path("new/<str:kind>/", views.item_create, name="item-create"),
    path("assistant/", views.assistant, name="assistant"),
    path("images/<int:pk>/", views.image, name="image"),
    path("<int:pk>/", include(item_urls)),
]
