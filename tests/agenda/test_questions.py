"""Proposing, discussing, following and moderating research questions."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from coachbridge.agenda.enums import QuestionStatus
from coachbridge.agenda.models import Comment, Follow, Notification, Question, Statement, Vote
from coachbridge.agenda.services import questions as services
from coachbridge.agenda.services.common import AgendaError
from coachbridge.common.models import ActivityLog, Theme
from coachbridge.events.models import Cafe, CafeTheme, Insight
from coachbridge.marketplace.enums import PostStatus
from tests.factories.accounts import ProfileFactory
from tests.factories.agenda import CommentFactory, QuestionFactory
from tests.factories.events import MeetingFactory, RegistrationFactory
from tests.factories.marketplace import PostFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

TITLE = "Welke technieken maken loopbaancoaching effectief?"
WHY = "Coaches willen weten waar ze op moeten letten in hun gesprekken."


def make_insight(text="Meer aandacht voor het proces van coaching", hidden=False):
    meeting = MeetingFactory(title="Impact café")
    cafe = Cafe.objects.create(meeting=meeting, harvest_open=True)
    theme = CafeTheme.objects.create(cafe=cafe, title="Onderzoek", position=0)
    return Insight.objects.create(cafe=cafe, theme=theme, text=text, hidden=hidden)


def test_propose_stores_question_statement_and_follow(client_for, member):
    themes = list(Theme.objects.filter(slug__in=["process-outcome", "debunking"]))

    response = client_for(member).post(
        reverse("agenda:question-propose"),
        {"title": TITLE, "why": WHY, "who": "loopbaancoaches", "themes": [t.pk for t in themes]},
    )

    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == question.get_absolute_url()
    assert (question.title, question.why, question.who, question.author) == (
        TITLE,
        WHY,
        "loopbaancoaches",
        member,
    )
    assert set(question.themes.all()) == set(themes)
    assert question.statement.text == TITLE
    assert list(Follow.objects.values_list("user", "question")) == [(member.pk, question.pk)]
    assert ActivityLog.objects.filter(action="agenda.question_proposed").count() == 1


def test_propose_too_short_keeps_what_was_typed(client_for, member):
    response = client_for(member).post(
        reverse("agenda:question-propose"), {"title": "Werkt het?", "why": WHY}
    )

    assert response.status_code == 200
    assert Question.objects.count() == 0
    assert len(response.context["form"].non_field_errors()) == 1
    assert WHY in response.content.decode()


def test_reference_themes_cover_the_agenda_topics():
    needed = {
        "process-outcome",
        "ai-technology",
        "group-coaching",
        "context-organisation",
        "coach-competences",
        "theory",
        "ripple-effect",
        "access",
        "health-care",
        "education",
        "debunking",
    }

    assert needed <= set(Theme.objects.values_list("slug", flat=True))


def test_html_in_a_question_is_shown_as_text(client_for, member):
    question = services.propose_question(
        by=member, title="Werkt <script>alert(1)</script> coaching echt?", why=WHY
    )

    response = client_for(member).get(question.get_absolute_url())

    assert question.title == "Werkt <script>alert(1)</script> coaching echt?"
    assert b"<script>alert(1)</script>" not in response.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in response.content


def test_similar_questions_show_while_typing(client_for, member):
    existing = QuestionFactory(
        title="In hoeverre kunnen AI en technologie de effectiviteit van coaching vergroten?",
        why="Coaches gebruiken apps en AI.",
    )
    QuestionFactory(title="Hoe werkt groepscoaching voor teams in de zorg?")

    response = client_for(member).get(
        reverse("agenda:question-similar"),
        {"title": "Wat is het effect van technologie op coaching?"},
        headers={"HX-Request": "true"},
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    assert existing.title in content
    assert "groepscoaching" not in content


def test_similar_questions_leave_out_merged_ones(client_for, member):
    kept = QuestionFactory(title="Hoe maak je onderzoek over coaching begrijpelijk voor coaches?")
    twin = QuestionFactory(title="Hoe maak je onderzoek over coaching begrijpelijker?")
    services.merge_questions(twin, into=kept, by=member)

    response = client_for(member).get(
        reverse("agenda:question-similar"),
        {"title": "Hoe maak je onderzoek over coaching begrijpelijk?"},
    )

    assert kept.title in response.content.decode()
    assert twin.title not in response.content.decode()


def test_propose_from_insight_prefills_and_links(client_for, member):
    insight = make_insight()
    RegistrationFactory(meeting=insight.cafe.meeting, user=member)
    client = client_for(member)
    url = reverse("agenda:question-from-insight", kwargs={"insight_pk": insight.pk})

    page = client.get(url)
    client.post(url, {"title": "Wat gebeurt er in het proces van coaching?", "why": WHY})

    assert "Meer aandacht voor het proces van coaching</textarea>" in page.content.decode()
    assert Question.objects.get().insight == insight


def test_propose_from_marketplace_post_prefills_and_links(client_for, member):
    post = PostFactory(title="Ik zoek coaches voor een dagboekstudie")
    client = client_for(member)
    url = reverse("agenda:question-from-post", kwargs={"post_pk": post.pk})

    page = client.get(url)
    client.post(url, {"title": "Wat laat een dagboekstudie zien over coaching?", "why": WHY})

    assert "Ik zoek coaches voor een dagboekstudie</textarea>" in page.content.decode()
    question = Question.objects.get()
    assert question.post == post
    assert post.get_absolute_url() in client.get(question.get_absolute_url()).content.decode()


def test_a_post_paused_after_it_became_a_question_is_no_longer_shown_there(client_for, member):
    post = PostFactory(title="Ik zoek coaches voor een dagboekstudie")
    client_for(member).post(
        reverse("agenda:question-from-post", kwargs={"post_pk": post.pk}),
        {"title": "Wat laat een dagboekstudie zien over coaching?", "why": WHY},
    )
    question = Question.objects.get()
    post.status = PostStatus.PAUSED
    post.save()

    seen_by_member = client_for(member).get(question.get_absolute_url()).content.decode()
    seen_by_author = client_for(post.author).get(question.get_absolute_url()).content.decode()

    assert post.title not in seen_by_member
    assert post.get_absolute_url() not in seen_by_member
    assert post.get_absolute_url() in seen_by_author


def test_propose_from_hidden_insight_is_not_found(client_for, member):
    insight = make_insight(hidden=True)

    response = client_for(member).get(
        reverse("agenda:question-from-insight", kwargs={"insight_pk": insight.pk})
    )

    assert response.status_code == 404


def test_an_insight_of_a_meeting_the_member_did_not_join_is_not_found(client_for, member):
    insight = make_insight()

    response = client_for(member).get(
        reverse("agenda:question-from-insight", kwargs={"insight_pk": insight.pk})
    )

    assert response.status_code == 404


def test_proposals_are_rate_limited(locmem_cache, member):
    for number in range(3):
        services.propose_question(by=member, title=f"{TITLE} ({number})", why=WHY)

    with translation.override("en"), pytest.raises(AgendaError, match="wait a minute"):
        services.propose_question(by=member, title=f"{TITLE} (4)", why=WHY)
    assert Question.objects.count() == 3


# --- Discussion and following ----------------------------------------------------------------


def test_comment_notifies_followers_in_their_language(client_for, member):
    question = QuestionFactory()
    dutch = ProfileFactory(user__language="nl").user
    english = ProfileFactory(user__language="en").user
    for user in (dutch, english):
        Follow.objects.create(question=question, user=user)

    client_for(member).post(
        reverse("agenda:comment-add", kwargs={"pk": question.pk}), {"text": "Mooie vraag!"}
    )

    assert list(question.comments.values_list("text", "author")) == [("Mooie vraag!", member.pk)]
    assert set(Notification.objects.values_list("user", "kind")) == {
        (dutch.pk, "comment"),
        (english.pk, "comment"),
    }
    by_address = {message.to[0]: message for message in mail.outbox}
    assert member.email not in by_address
    for user in (dutch, english):
        with translation.override(user.language):
            subject = gettext("New comment on a question you follow")
        assert by_address[user.email].subject == f"[{settings.SITE_NAME}] {subject}"
    assert question.get_absolute_url() in by_address[english.email].body
    assert Follow.objects.filter(question=question, user=member).exists()


def test_notification_list_on_agenda_page_and_mark_read(client_for, member):
    question = QuestionFactory(title="Wat doet coaching met de collega van een coachee?")
    Follow.objects.create(question=question, user=member)
    services.add_comment(question, by=question.author, text="Ik zie dit ook.")
    client = client_for(member)

    before = client.get(reverse("agenda:public")).content.decode()
    client.post(reverse("agenda:notifications-read"))
    after = client.get(reverse("agenda:public")).content.decode()

    assert "notifications-heading" in before
    assert question.title in before
    assert "notifications-heading" not in after


def test_follow_and_unfollow(client_for, member):
    question = QuestionFactory()
    client = client_for(member)
    url = reverse("agenda:question-follow", kwargs={"pk": question.pk})

    client.post(url, {"follow": "1"})
    followed = Follow.objects.filter(question=question, user=member).exists()
    client.post(url, {"follow": "0"})

    assert followed is True
    assert not Follow.objects.filter(question=question, user=member).exists()


def test_hidden_comments_only_moderators_see(client_for, member, organiser):
    comment = CommentFactory(text="Dit noemt een coachee bij naam")
    url = comment.question.get_absolute_url()

    client_for(organiser).post(
        reverse("agenda:comment-hide", kwargs={"pk": comment.pk}), {"hidden": "1"}
    )
    as_member = client_for(member).get(url).content.decode()
    as_moderator = client_for(organiser).get(url).content.decode()
    client_for(organiser).post(
        reverse("agenda:comment-hide", kwargs={"pk": comment.pk}), {"hidden": "0"}
    )

    assert "Dit noemt een coachee bij naam" not in as_member
    assert "Dit noemt een coachee bij naam" in as_moderator
    assert Comment.objects.get().hidden is False
    assert "Dit noemt een coachee bij naam" in client_for(member).get(url).content.decode()


def test_member_cannot_hide_a_comment(client_for, member):
    comment = CommentFactory()

    response = client_for(member).post(
        reverse("agenda:comment-hide", kwargs={"pk": comment.pk}), {"hidden": "1"}
    )

    assert response.status_code == 403
    assert Comment.objects.get().hidden is False


def test_empty_comment_shows_error_and_page(client_for, member):
    question = QuestionFactory()

    response = client_for(member).post(
        reverse("agenda:comment-add", kwargs={"pk": question.pk}), {"text": ""}
    )

    assert response.status_code == 400
    assert question.title in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_vote_after_a_refused_comment_returns_to_the_question_not_the_comment_address(
    client_for, member
):
    question = QuestionFactory()

    refused = client_for(member).post(
        reverse("agenda:comment-add", kwargs={"pk": question.pk}), {"text": ""}
    )

    assert f'name="next" value="{question.get_absolute_url()}"' in refused.content.decode()


def test_the_question_page_asks_the_vote_with_the_answers_of_the_vote_page(client_for, member):
    question = QuestionFactory()

    html = client_for(member).get(question.get_absolute_url()).content.decode()

    assert ">Ja</button>" in html and ">Nee</button>" in html
    assert ">Eens</button>" not in html and ">Oneens</button>" not in html


# --- Moderation --------------------------------------------------------------------------------


def test_edit_keeps_a_revision_and_updates_the_statement(client_for, organiser):
    question = QuestionFactory(title="Werkt coaching eigenlijk wel goed genoeg?")
    old_title = question.title

    client_for(organiser).post(
        reverse("agenda:question-edit", kwargs={"pk": question.pk}),
        {
            "title": "Hoe effectief is loopbaancoaching na een jaar?",
            "why": question.why,
            "who": question.who,
            "note": "Vraag concreter gemaakt",
        },
    )

    question.refresh_from_db()
    assert question.title == "Hoe effectief is loopbaancoaching na een jaar?"
    assert list(question.revisions.values_list("title", "note", "edited_by")) == [
        (old_title, "Vraag concreter gemaakt", organiser.pk)
    ]
    assert Statement.objects.get(question=question).text == question.title
    page = client_for(organiser).get(question.get_absolute_url()).content.decode()
    assert old_title in page


def test_member_cannot_edit(client_for, member):
    question = QuestionFactory()

    response = client_for(member).post(
        reverse("agenda:question-edit", kwargs={"pk": question.pk}),
        {"title": "Een heel andere vraag over coaching?", "why": WHY},
    )

    assert response.status_code == 403
    assert Question.objects.get().title == question.title


def test_the_author_changes_their_question_until_someone_else_votes(client_for, member):
    question = QuestionFactory(author=member, title="Werkt coachng op het werk echt?")
    edit = reverse("agenda:question-edit", kwargs={"pk": question.pk})
    Vote.objects.create(statement=question.statement, voter=member, value=1)  # their own vote
    client = client_for(member)

    page = client.get(question.get_absolute_url()).content.decode()
    form = client.get(edit)
    client.post(edit, {"title": "Werkt coaching op het werk echt?", "why": WHY})
    Vote.objects.create(statement=question.statement, voter=ProfileFactory().user, value=-1)
    after_vote = client.get(question.get_absolute_url()).content.decode()
    refused = client.post(edit, {"title": "Een heel andere vraag over coaching?", "why": WHY})

    assert f'href="{edit}"' in page
    assert form.status_code == 200
    assert "Merge" not in form.content.decode() and "Samenvoegen" not in form.content.decode()
    question.refresh_from_db()
    assert question.title == "Werkt coaching op het werk echt?"
    assert question.statement.text == question.title
    assert list(question.revisions.values_list("title", "edited_by")) == [
        ("Werkt coachng op het werk echt?", member.pk)
    ]
    assert refused.status_code == 403
    assert Question.objects.get().title == "Werkt coaching op het werk echt?"
    assert edit not in after_vote


@pytest.mark.parametrize("status", [QuestionStatus.PRIORITISED, QuestionStatus.ANSWERED])
def test_the_author_cannot_change_a_question_that_moved_on(client_for, member, status):
    question = QuestionFactory(author=member, status=status)
    edit = reverse("agenda:question-edit", kwargs={"pk": question.pk})
    client = client_for(member)

    page = client.get(edit)
    sent = client.post(edit, {"title": "Een heel andere vraag over coaching?", "why": WHY})

    assert (page.status_code, sent.status_code) == (403, 403)
    question.refresh_from_db()
    assert question.title.startswith("Onderzoeksvraag nummer")
    assert not question.revisions.exists()


def test_a_refused_change_by_the_author_keeps_what_was_typed(client_for, member):
    question = QuestionFactory(author=member)

    response = client_for(member).post(
        reverse("agenda:question-edit", kwargs={"pk": question.pk}),
        {"title": "Kort?", "why": "Dit is de nieuwe uitleg van de vraag, lang genoeg."},
    )

    html = response.content.decode()
    assert "Dit is de nieuwe uitleg van de vraag, lang genoeg." in html
    assert "te kort: schrijf minstens 15 tekens" in html
    assert Question.objects.get().title == question.title


@pytest.mark.parametrize(
    ("data", "saved"),
    [
        ({"status": "studied", "study_text": "Dagboekstudie UvA 2026"}, "studied"),
        ({"status": "studied"}, "proposed"),
        ({"status": "answered", "summary_url": "https://example.org/samenvatting"}, "answered"),
        ({"status": "answered"}, "proposed"),
        ({"status": "nonsense"}, "proposed"),
    ],
)
def test_status_needs_its_link(client_for, organiser, data, saved):
    question = QuestionFactory()

    response = client_for(organiser).post(
        reverse("agenda:question-status", kwargs={"pk": question.pk}), data
    )

    question.refresh_from_db()
    assert question.status == saved
    assert response.status_code == (302 if saved != "proposed" else 400)


def test_status_change_shows_study_link_and_notifies(client_for, organiser, member):
    question = QuestionFactory()
    Follow.objects.create(question=question, user=member)

    services.set_status(
        question,
        by=organiser,
        status=QuestionStatus.STUDIED,
        study_url="https://example.org/studie",
        study_text="Praktijkstudie",
    )

    page = client_for(member).get(question.get_absolute_url()).content.decode()
    assert 'href="https://example.org/studie"' in page
    assert Notification.objects.filter(user=member, kind="status").count() == 1


def test_merge_carries_votes_followers_and_comments(client_for, organiser):
    kept = QuestionFactory()
    duplicate = QuestionFactory()
    both, only_dup, only_kept = (ProfileFactory().user for _ in range(3))
    Vote.objects.create(statement=kept.statement, voter=both, value=1)
    Vote.objects.create(statement=duplicate.statement, voter=both, value=-1)
    Vote.objects.create(statement=duplicate.statement, voter=only_dup, value=-1)
    Vote.objects.create(statement=kept.statement, voter=only_kept, value=0)
    Follow.objects.create(question=duplicate, user=only_dup)
    Follow.objects.create(question=duplicate, user=both)
    Follow.objects.create(question=kept, user=both)
    CommentFactory(question=duplicate, text="Zelfde vraag")

    response = client_for(organiser).post(
        reverse("agenda:question-merge", kwargs={"pk": duplicate.pk}), {"into": kept.pk}
    )

    duplicate.refresh_from_db()
    assert response["Location"] == kept.get_absolute_url()
    assert duplicate.merged_into == kept
    assert set(Vote.objects.filter(statement=kept.statement).values_list("voter", "value")) == {
        (both.pk, 1),
        (only_dup.pk, -1),
        (only_kept.pk, 0),
    }
    # The double vote stays with the duplicate as history and is never counted twice.
    assert list(Vote.objects.filter(statement=duplicate.statement).values_list("voter")) == [
        (both.pk,)
    ]
    assert not Statement.objects.active().filter(pk=duplicate.statement.pk).exists()
    assert {only_dup.pk, both.pk} <= set(kept.follows.values_list("user", flat=True))
    assert list(kept.comments.values_list("text", flat=True)) == ["Zelfde vraag"]
    assert ActivityLog.objects.get(action="agenda.question_merged").data == {
        "into": kept.pk,
        "votes": 1,
        "followers": 1,
        "comments": 1,
    }


def test_merged_question_redirects_to_the_one_kept(client_for, member, organiser):
    kept, middle, first = QuestionFactory(), QuestionFactory(), QuestionFactory()
    services.merge_questions(first, into=middle, by=organiser)
    services.merge_questions(middle, into=kept, by=organiser)

    response = client_for(member).get(first.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"] == kept.get_absolute_url()


def test_merge_refuses_itself_and_merged_targets(organiser):
    kept, duplicate, other = QuestionFactory(), QuestionFactory(), QuestionFactory()
    services.merge_questions(duplicate, into=kept, by=organiser)

    with pytest.raises(AgendaError):
        services.merge_questions(kept, into=kept, by=organiser)
    with pytest.raises(AgendaError):
        services.merge_questions(other, into=duplicate, by=organiser)


def test_question_list_query_count_does_not_grow(client_for, member, django_assert_num_queries):
    client = client_for(member)
    QuestionFactory()
    client.get(reverse("agenda:question-list"))  # session and user warm up

    with django_assert_num_queries(5) as one:
        client.get(reverse("agenda:question-list"))
    QuestionFactory.create_batch(2)
    with django_assert_num_queries(5):
        response = client.get(reverse("agenda:question-list"))

    assert len(one.captured_queries) == 5
    assert len(response.context["questions"]) == 3


def test_a_marketplace_post_links_to_proposing_it_as_a_question(client_for, member):
    post = PostFactory(title="Ik zoek coaches voor een dagboekstudie")

    page = client_for(member).get(post.get_absolute_url())

    assert (
        reverse("agenda:question-from-post", kwargs={"post_pk": post.pk}) in page.content.decode()
    )


def test_every_agenda_page_shows_its_menu_first_and_marks_where_you_are(client_for, organiser):
    """The agenda's own menu sits in the same place on every page (WCAG 3.2.3), above the
    page's heading, with the current page marked."""
    question = QuestionFactory()
    pages = {
        reverse("agenda:public"): "public",
        reverse("agenda:question-list"): "question-list",
        reverse("agenda:question-propose"): "question-propose",
        reverse("agenda:vote"): "vote",
        reverse("agenda:statement-add"): None,
        reverse("agenda:opinions"): "opinions",
        reverse("agenda:round-list"): "round-list",
        question.get_absolute_url(): None,
    }
    client = client_for(organiser)

    for url, current in pages.items():
        html = client.get(url).content.decode()
        main = html[html.index("<main") :]
        assert main.index('class="subnav agenda-subnav"') < main.index("<h1"), url
        menu = main[main.index('class="subnav') : main.index("</nav>")]
        marked = f'href="{url}" aria-current="page"'
        assert (marked in menu) == (current is not None), url


def test_a_visitor_gets_no_agenda_menu_of_one_item(client):
    html = client.get(reverse("agenda:public")).content.decode()

    assert "agenda-subnav" not in html


def test_proposing_much_the_same_question_asks_once_more_and_keeps_what_was_typed(
    client_for, member
):
    existing = QuestionFactory(title="Welke competenties maken een coach effectief?")
    QuestionFactory(title="Hoe werkt groepscoaching voor teams in de zorg?")
    client = client_for(member)
    typed = {"title": "Welke competenties maken een coach echt effectief?", "why": WHY}

    asked = client.post(reverse("agenda:question-propose"), typed)
    confirmed = client.post(reverse("agenda:question-propose"), {**typed, "confirm_new": "on"})

    page = asked.content.decode()
    assert asked.status_code == 200
    assert "confirm_new" in asked.context["form"].errors
    assert f'href="{existing.get_absolute_url()}"' in page
    assert typed["title"] in page
    assert confirmed.status_code == 302
    assert Question.objects.filter(title=typed["title"]).count() == 1


def test_a_different_question_is_proposed_without_asking(client_for, member):
    QuestionFactory(title="Welke competenties maken een coach effectief?")

    response = client_for(member).post(
        reverse("agenda:question-propose"),
        {"title": "Wat doet coaching met de partner van de coachee?", "why": WHY},
    )

    question = Question.objects.get(title="Wat doet coaching met de partner van de coachee?")
    assert response["Location"] == question.get_absolute_url()


def test_a_theme_filter_with_odd_characters_filters_nothing(client_for, member):
    QuestionFactory(title="Een vraag over coaching")

    response = client_for(member).get(reverse("agenda:question-list"), {"theme": "a\x00b"})

    assert response.status_code == 200
    assert "Een vraag over coaching" in response.content.decode()
