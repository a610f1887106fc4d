from django.contrib import admin

from coachbridge.common.admin import HttpsUrlAdmin
from coachbridge.events.models import (
    Cafe,
    CafeRound,
    CafeTable,
    CafeTheme,
    Insight,
    Meeting,
    MeetingSeries,
    Registration,
    Report,
)


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = ["name", "email", "role", "organisation", "status", "checked_in_at"]


@admin.register(Meeting)
class MeetingAdmin(HttpsUrlAdmin):
    list_display = ["title", "starts_at", "status", "registration_open"]
    list_filter = ["status", "registration_open"]
    search_fields = ["title"]
    inlines = [RegistrationInline]


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(HttpsUrlAdmin):
    list_display = ["title", "frequency", "first_date", "last_date"]


class CafeThemeInline(admin.TabularInline):
    model = CafeTheme
    extra = 0


class CafeTableInline(admin.TabularInline):
    model = CafeTable
    extra = 0
    fields = ["label", "theme", "capacity", "host"]


class CafeRoundInline(admin.TabularInline):
    model = CafeRound
    extra = 0


@admin.register(Cafe)
class CafeAdmin(admin.ModelAdmin):
    list_display = ["meeting", "current_round", "harvest_open"]
    inlines = [CafeThemeInline, CafeTableInline, CafeRoundInline]


@admin.register(Insight)
class InsightAdmin(admin.ModelAdmin):
    list_display = ["text", "theme", "table", "round_number", "hidden"]
    list_filter = ["hidden", "theme"]
    search_fields = ["text"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["title", "visibility", "published_at"]
