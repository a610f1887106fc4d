from django.urls import path

from coachbridge.research.views import links, studies

app_name = "research"

urlpatterns = [
    path("research/", studies.study_list, name="study-list"),
    path("research/new/", studies.study_create, name="study-create"),
    path("research/<int:pk>/", studies.study_detail, name="study-detail"),
    path("research/<int:pk>/coachees/", studies.coachee_add, name="coachee-add"),
    path("research/<int:pk>/coachees/<token:code>/", studies.coachee_detail, name="coachee-detail"),
    path("research/<int:pk>/coachees/<token:code>/end/", studies.coachee_end, name="coachee-end"),
    path("research/<int:pk>/coachees/<token:code>/renew/", studies.link_renew, name="link-renew"),
    path(
        "research/<int:pk>/coachees/<token:code>/revoke/", studies.link_revoke, name="link-revoke"
    ),
    path("research/<int:pk>/close/", studies.study_close, name="study-close"),
    path("research/<int:pk>/join-link/", studies.join_link_renew, name="join-link-renew"),
    path("research/join/<token:token>/", studies.study_join, name="study-join"),
    path("research/<int:pk>/export.csv", studies.study_export, name="study-export"),
    # personal links for people without an account
    path("r/<token:token>/", links.link_home, name="link"),
    path("r/<token:token>/questions/", links.link_questionnaire, name="link-questionnaire"),
    path("r/<token:token>/session/", links.link_check_in, name="link-check-in"),
    path("r/<token:token>/people/", links.link_rater_add, name="link-rater-add"),
    path("r/<token:token>/stop/", links.link_withdraw, name="link-withdraw"),
]
