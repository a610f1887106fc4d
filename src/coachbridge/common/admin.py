from django.contrib import admin
from django.db import models

from coachbridge.common.models import ActivityLog, Theme


class HttpsUrlAdmin(admin.ModelAdmin):
    """Web addresses typed without a scheme get https://, as on the site's own forms (without
    this, Django 5 warns on every page with a URL field that its default will change)."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name_nl", "name_en", "slug", "position"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(ActivityLog)
class ActivityLogAdmin(admin.ModelAdmin):
    list_display = ["created", "action", "actor", "object_type", "object_id"]
    list_filter = ["action"]
    readonly_fields = ["created", "action", "actor", "object_type", "object_id", "data"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
