from django.contrib import admin

from coachbridge.agenda.models import Comment, PriorityRound, Question, Statement
from coachbridge.common.admin import HttpsUrlAdmin


@admin.register(Question)
class QuestionAdmin(HttpsUrlAdmin):
    list_display = ["title", "status", "merged_into", "created"]
    list_filter = ["status"]
    search_fields = ["title"]
    raw_id_fields = ["author", "insight", "merged_into"]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["text", "hidden", "created"]
    raw_id_fields = ["author", "question"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["question", "hidden", "created"]
    raw_id_fields = ["author", "question"]


@admin.register(PriorityRound)
class PriorityRoundAdmin(admin.ModelAdmin):
    list_display = ["title", "stage", "created"]
    raw_id_fields = ["organiser", "workshop"]
