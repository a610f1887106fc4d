"""URLs of the harvest part of a meeting (names live in the "events" namespace)."""

from django.urls import path

from coachbridge.events.views import harvest, report

urlpatterns = [
    path("", harvest.harvest_manage, name="harvest-manage"),
    path("open/", harvest.harvest_open, name="harvest-open"),
    path("add/", harvest.member_harvest, name="harvest-add"),
    path("wall/", harvest.harvest_wall, name="harvest-wall"),
    path("insights/<int:insight_pk>/hide/", harvest.insight_hide, name="harvest-insight-hide"),
    path(
        "insights/<int:insight_pk>/highlight/",
        harvest.insight_highlight,
        name="harvest-highlight",
    ),
    path("synthesis/", harvest.synthesis, name="harvest-synthesis"),
    path("synthesis/run/", harvest.synthesise, name="harvest-synthesise"),
    path("themes/<int:theme_pk>/move/", harvest.move_insights, name="harvest-move"),
    path(
        "subthemes/<int:subtheme_pk>/rename/",
        harvest.subtheme_rename,
        name="harvest-subtheme-rename",
    ),
    path(
        "subthemes/<int:subtheme_pk>/merge/",
        harvest.subtheme_merge,
        name="harvest-subtheme-merge",
    ),
    path("report/", report.report_detail, name="report-detail"),
    path("report/edit/", report.report_edit, name="report-edit"),
    path("report/generate/", report.report_generate, name="report-generate"),
    path("report/publish/", report.report_publish, name="report-publish"),
    path("report.pdf", report.report_pdf, name="report-pdf"),
    path("report.docx", report.report_docx, name="report-docx"),
]
