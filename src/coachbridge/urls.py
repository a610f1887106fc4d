from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from coachbridge.common import views as common_views

admin.site.site_header = settings.SITE_NAME
admin.site.site_title = _("Management")

urlpatterns = [
    path("", common_views.home, name="home"),
    path("about/", common_views.about, name="about"),
    path("language/", common_views.set_language, name="set-language"),
    path("accounts/", include("allauth.urls")),
    path("", include("coachbridge.accounts.urls")),
    path("", include("coachbridge.events.urls")),
    path("marketplace/", include("coachbridge.marketplace.urls")),
    path("agenda/", include("coachbridge.agenda.urls")),
    path("knowledge/", include("coachbridge.knowledge.urls")),
    path("coaches/", include("coachbridge.directory.urls")),
    path("", include("coachbridge.research.urls")),
    path("admin/", admin.site.urls),
]
