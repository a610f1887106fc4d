from django.contrib import admin

from coachbridge.common.admin import HttpsUrlAdmin
from coachbridge.knowledge.models import GlossaryTerm, Item


@admin.register(Item)
class ItemAdmin(HttpsUrlAdmin):
    list_display = ["title", "kind", "language", "status", "published_at"]
    list_filter = ["kind", "language", "status", "evidence"]
    search_fields = ["title", "lead"]
    raw_id_fields = ["author", "translation_of"]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    list_display = ["slug", "term_nl", "term_en"]
    search_fields = ["term_nl", "term_en"]
