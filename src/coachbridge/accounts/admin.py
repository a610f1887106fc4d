from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from coachbridge.accounts.models import Profile, User
from coachbridge.common.admin import HttpsUrlAdmin


@admin.register(User)
class MemberAdmin(UserAdmin):
    ordering = ["email"]
    list_display = ["email", "is_organiser", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_organiser", "is_staff", "is_active", "language"]
    search_fields = ["email", "profile__display_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Roles on this site"),
            {"fields": ["is_organiser", "is_active", "is_staff", "is_superuser", "groups"]},
        ),
        (_("Preferences"), {"fields": ["language"]}),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(Profile)
class ProfileAdmin(HttpsUrlAdmin):
    list_display = ["display_name", "organisation", "region", "visibility"]
    list_filter = ["visibility", "region", "roles"]
    search_fields = ["display_name", "organisation", "user__email"]
    filter_horizontal = ["roles", "themes"]
