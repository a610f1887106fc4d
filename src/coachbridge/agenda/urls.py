"""URLs of the agenda app: questions, voting, opinion groups, priority rounds, the public page."""

from django.urls import include, path

from coachbridge.agenda.views import public, questions, rounds, voting

app_name = "agenda"

question_urls = [
    path("", questions.question_detail, name="question-detail"),
    path("comment/", questions.comment_add, name="comment-add"),
    path("follow/", questions.question_follow, name="question-follow"),
    path("edit/", questions.question_edit, name="question-edit"),
    path("status/", questions.question_status, name="question-status"),
    path("merge/", questions.question_merge, name="question-merge"),
]

round_urls = [
    path("", rounds.round_detail, name="round-detail"),
    path("next/", rounds.round_advance, name="round-advance"),
    path("final/", rounds.round_final, name="round-final"),
]

urlpatterns = [
    path("", public.public, name="public"),
    path("agenda.csv", public.agenda_csv, name="export-csv"),
    path("print/", public.agenda_print, name="print"),
    path("questions/", questions.question_list, name="question-list"),
    path("questions/new/", questions.question_propose, name="question-propose"),
    path(
        "questions/new/from-insight/<int:insight_pk>/",
        questions.question_propose,
        name="question-from-insight",
    ),
    path(
        "questions/new/from-post/<int:post_pk>/",
        questions.question_propose,
        name="question-from-post",
    ),
    path("questions/similar/", questions.question_similar, name="question-similar"),
    path("questions/<int:pk>/", include(question_urls)),
    path("comments/<int:pk>/hide/", questions.comment_hide, name="comment-hide"),
    path("notifications/read/", questions.notifications_read, name="notifications-read"),
    path("vote/", voting.vote, name="vote"),
    path("statements/new/", voting.statement_add, name="statement-add"),
    path("statements/<int:pk>/vote/", voting.statement_vote, name="statement-vote"),
    path("statements/<int:pk>/hide/", voting.statement_hide, name="statement-hide"),
    path("opinions/", voting.opinions, name="opinions"),
    path("rounds/", rounds.round_list, name="round-list"),
    path("rounds/new/", rounds.round_create, name="round-create"),
    path("rounds/<int:pk>/", include(round_urls)),
]
