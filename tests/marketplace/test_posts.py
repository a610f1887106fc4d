"""Writing, editing and browsing posts; bad input; duplicates; posts from a World Café insight."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from coachbridge.common.models import ActivityLog, Theme
from coachbridge.events.enums import MeetingStatus
from coachbridge.events.models import Insight
from coachbridge.marketplace.models import Post
from coachbridge.marketplace.services.index import get_index
from tests.factories.accounts import ProfileFactory
from tests.factories.cafe import make_cafe
from tests.factories.events import MeetingFactory, RegistrationFactory
from tests.factories.marketplace import IntroductionFactory, PostFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

CREATE = reverse("marketplace:post-create")


def form_data(**fields):
    return {
        "kind": "need",
        "title": "Coaches gezocht voor een dagboekstudie",
        "text": "Voor mijn onderzoek naar de werkrelatie zoek ik tien coaches die meedoen.",
        "category": "participants",
        "language": "",
        **fields,
    }


def test_create_post_detects_language_and_indexes_it(client_for, member):
    theme = Theme.objects.get(slug="process-outcome")

    response = client_for(member).post(CREATE, form_data(themes=[theme.pk]))

    post = Post.objects.get()
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
    assert (post.author, post.language, post.status) == (member, "nl", "open")
    assert list(post.themes.all()) == [theme]
    assert str(post.pk) in get_index()
    assert ActivityLog.objects.filter(action="marketplace.post_created").count() == 1


def test_create_post_detects_english_and_keeps_a_chosen_language(client_for, member):
    client = client_for(member)

    client.post(CREATE, form_data(title="Looking for coaches", text="I need coaches for a study."))
    client.post(CREATE, form_data(title="Gezocht: data", text="Wie heeft data?", language="en"))

    assert list(Post.objects.order_by("pk").values_list("language", flat=True)) == ["en", "en"]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"title": "  "}, "title", "Give your post a title."),
        ({"text": ""}, "text", "Write a few sentences"),
        ({"text": "x" * 5000}, "text", "The limit is 5,000"),
        ({"text": "Hallo <script>alert(1)</script>"}, "text", "program code"),
        ({"title": "<script>alert(1)</script>"}, "title", "program code"),
        ({"text": '<img src=x onerror="alert(1)">'}, "text", "program code"),
        ({"text": "Zie <img/onload=alert(1)>"}, "text", "program code"),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(  # noqa: PLR0917 -- fixtures
    client_for, member, settings, fields, field, message
):
    settings.LANGUAGE_CODE = "en"
    member.language = "en"
    member.save()

    response = client_for(member).post(CREATE, form_data(**fields), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert ({"title", "text"} - {field}).isdisjoint(response.context["form"].errors)
    assert Post.objects.count() == 0
    assert "Coaches gezocht" in response.content.decode() or "title" in fields


def test_empty_text_is_explained_in_dutch_to_a_dutch_member(client_for, member):
    response = client_for(member).post(CREATE, form_data(title="", text="   "))

    errors = response.context["form"].errors
    assert errors["title"] == ["Geef je bericht een titel."]
    assert errors["text"] == ["Schrijf in een paar zinnen wat je zoekt of biedt."]


def test_an_equals_sign_after_a_word_starting_with_on_is_not_program_code(client_for, member):
    text = "Verdeling: online = 20 coachees, op locatie = 10 coachees."

    response = client_for(member).post(CREATE, form_data(text=text))

    assert response.status_code == 302
    assert Post.objects.get().text == text


def test_editing_other_fields_of_a_post_does_not_ask_about_duplicates_again(client_for, member):
    client = client_for(member)
    client.post(CREATE, form_data())
    client.post(CREATE, form_data(confirm_duplicate="on"))
    first, second = Post.objects.order_by("pk")
    edit = reverse("marketplace:post-edit", kwargs={"pk": first.pk})

    kept = client.post(edit, form_data(category="knowledge"))
    changed = client.post(edit, form_data(category="knowledge", title=second.title + "!"))

    assert kept.status_code == 302
    assert Post.objects.get(pk=first.pk).category == "knowledge"
    assert "confirm_duplicate" in changed.context["form"].errors


def test_html_is_stored_as_text_and_shown_escaped(client_for, member):
    client = client_for(member)

    client.post(CREATE, form_data(text="Ik zoek <b>vet</b> goede coaches & onderzoekers"))
    post = Post.objects.get()
    page = client.get(post.get_absolute_url()).content.decode()

    assert post.text == "Ik zoek <b>vet</b> goede coaches & onderzoekers"
    assert "&lt;b&gt;vet&lt;/b&gt;" in page
    assert "<b>vet</b>" not in page


def test_duplicate_post_is_flagged_before_saving_and_saved_after_confirming(client_for, member):
    client = client_for(member)
    client.post(CREATE, form_data())

    again = client.post(CREATE, form_data(title="Coaches gezocht voor een dagboek-studie!"))
    confirmed = client.post(
        CREATE, form_data(title="Coaches gezocht voor een dagboek-studie!", confirm_duplicate="on")
    )

    assert again.status_code == 200
    assert "confirm_duplicate" in again.context["form"].errors
    assert (
        f'href="{Post.objects.order_by("pk").first().get_absolute_url()}"' in again.content.decode()
    )
    assert confirmed.status_code == 302
    assert Post.objects.count() == 2


def test_a_different_post_or_another_members_post_is_no_duplicate(client_for, member, coach):
    client_for(member).post(CREATE, form_data())

    other_member = client_for(coach).post(CREATE, form_data())
    other_text = client_for(member).post(
        CREATE, form_data(title="Ik bied een zaal", text="Een zaal in Utrecht voor 30 mensen.")
    )

    assert (other_member.status_code, other_text.status_code) == (302, 302)


def test_author_edits_pauses_closes_and_reopens(client_for, member):
    post = PostFactory(author=member)
    client = client_for(member)
    status = reverse("marketplace:post-status", kwargs={"pk": post.pk})

    client.post(
        reverse("marketplace:post-edit", kwargs={"pk": post.pk}),
        form_data(title="Nieuwe titel", language="nl"),
    )
    client.post(status, {"status": "paused"})
    paused_in_index = str(post.pk) in get_index()
    client.post(status, {"status": "closed"})
    post.refresh_from_db()
    closed = post.status
    client.post(status, {"status": "open"})
    post.refresh_from_db()

    assert post.title == "Nieuwe titel"
    assert paused_in_index is False
    assert closed == "closed"
    assert post.status == "open"
    assert str(post.pk) in get_index()


def test_others_cannot_edit_or_close_a_post(client_for, member, coach):
    post = PostFactory(author=member)
    client = client_for(coach)

    edit = client.post(reverse("marketplace:post-edit", kwargs={"pk": post.pk}), form_data())
    close = client.post(
        reverse("marketplace:post-status", kwargs={"pk": post.pk}), {"status": "closed"}
    )

    post.refresh_from_db()
    assert (edit.status_code, close.status_code) == (403, 403)
    assert post.status == "open"
    assert post.title != form_data()["title"]


def test_paused_closed_and_ended_posts_are_hidden_from_others(client_for, member, coach):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    posts = [
        PostFactory(author=member, status="paused"),
        PostFactory(author=member, status="closed"),
        PostFactory(author=member, ends_on=yesterday),
    ]
    open_post = PostFactory(author=member)

    seen = [client_for(coach).get(post.get_absolute_url()).status_code for post in posts]
    own = [client_for(member).get(post.get_absolute_url()).status_code for post in posts]
    listed = list(client_for(coach).get(reverse("marketplace:post-list")).context["page_obj"])

    assert seen == [404, 404, 404]
    assert own == [200, 200, 200]
    assert listed == [open_post]


def test_browse_filters_by_kind_category_theme_role_meeting_language_and_words(
    client_for, member, coach, researcher
):
    meeting = MeetingFactory()
    theme = Theme.objects.get(slug="ai-technology")
    by_coach = PostFactory(author=coach, kind="offer", category="knowledge", title="AI in coaching")
    by_coach.themes.set([theme])
    by_researcher = PostFactory(
        author=researcher,
        kind="need",
        category="data",
        meeting=meeting,
        language="en",
        title="Looking for session recordings",
    )
    client = client_for(member)
    url = reverse("marketplace:post-list")

    def found(**query):
        return list(client.get(url, query).context["page_obj"])

    assert found(kind="offer") == [by_coach]
    assert found(category="data") == [by_researcher]
    assert found(theme=theme.pk) == [by_coach]
    assert found(role="coach") == [by_coach]
    assert found(meeting=meeting.pk) == [by_researcher]
    assert found(language="en") == [by_researcher]
    assert found(q="recordings session") == [by_researcher]
    assert found(q="AI coaching", kind="need") == []


@pytest.mark.parametrize("count", [1, 3])
def test_browse_takes_the_same_number_of_queries_for_1_and_3_posts(
    client_for, member, django_assert_num_queries, count
):
    for _ in range(count):
        PostFactory(themes=[Theme.objects.first()])
    client = client_for(member)
    client.get(reverse("marketplace:post-list"))  # session and caches warm

    with django_assert_num_queries(7):
        response = client.get(reverse("marketplace:post-list"))

    assert len(response.context["page_obj"]) == count


def test_public_pages_show_only_public_open_posts_without_names_or_contacts(client, member):
    member.profile.website = "https://geheim.example.org"
    member.profile.save()
    public = PostFactory(author=member, is_public=True, title="Openbaar aanbod")
    hidden = PostFactory(author=member, title="Alleen voor leden")
    paused = PostFactory(author=member, is_public=True, status="paused", title="Gepauzeerd")

    listing = client.get(reverse("marketplace:public-list"))
    detail = client.get(reverse("marketplace:public-detail", kwargs={"pk": public.pk}))
    others = [
        client.get(reverse("marketplace:public-detail", kwargs={"pk": post.pk})).status_code
        for post in (hidden, paused)
    ]

    assert list(listing.context["page_obj"]) == [public]
    page = listing.content.decode() + detail.content.decode()
    assert "Openbaar aanbod" in page
    for secret in (member.email, member.profile.display_name, "geheim.example.org"):
        assert secret not in page
    assert others == [404, 404]


def test_member_pages_need_login(client):
    response = client.get(reverse("marketplace:post-list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# --- From a World Café insight -------------------------------------------------------------------


@pytest.fixture
def insight(db):
    meeting = MeetingFactory()
    cafe, _ = make_cafe(meeting)
    return Insight.objects.create(
        cafe=cafe,
        theme=cafe.themes.first(),
        text="Coaches willen meedenken over de onderzoeksopzet, niet alleen deelnemer zijn.",
    )


def test_post_from_insight_prefills_the_form_for_a_participant(client_for, member, insight):
    RegistrationFactory(meeting=insight.cafe.meeting, user=member)
    url = reverse("marketplace:post-from-insight", kwargs={"insight_pk": insight.pk})

    page = client_for(member).get(url)
    saved = client_for(member).post(
        url, form_data(text=insight.text, meeting=insight.cafe.meeting.pk)
    )

    assert page.status_code == 200
    assert page.context["form"].initial["text"] == insight.text
    assert page.context["form"].initial["meeting"] == insight.cafe.meeting
    assert saved.status_code == 302
    post = Post.objects.get()
    assert (post.insight, post.meeting) == (insight, insight.cafe.meeting)


def test_post_from_insight_is_refused_to_who_may_not_see_it(client_for, member, organiser, insight):
    url = reverse("marketplace:post-from-insight", kwargs={"insight_pk": insight.pk})
    not_there = client_for(member).get(url)
    insight.hidden = True
    insight.save()
    RegistrationFactory(meeting=insight.cafe.meeting, user=member)
    hidden = client_for(member).get(url)
    organiser_sees = client_for(organiser).get(url)
    insight.cafe.meeting.status = MeetingStatus.DRAFT
    insight.cafe.meeting.save()
    insight.hidden = False
    insight.save()
    draft = client_for(member).get(url)

    assert (not_there.status_code, hidden.status_code, draft.status_code) == (404, 404, 404)
    assert organiser_sees.status_code == 200
    assert Post.objects.count() == 0


@pytest.mark.parametrize("count", [1, 3])
def test_public_list_and_home_take_the_same_number_of_queries_for_1_and_3_posts(
    client_for, client, member, django_assert_num_queries, count
):
    for _ in range(count):
        PostFactory(author=member, is_public=True, themes=[Theme.objects.first()])
    own = client_for(member)
    own.get(reverse("marketplace:home"))

    with django_assert_num_queries(5):
        public = client.get(reverse("marketplace:public-list"))
    with django_assert_num_queries(7):
        home = own.get(reverse("marketplace:home"))

    assert len(public.context["page_obj"]) == count
    assert len(home.context["posts"]) == count


def test_the_meeting_to_link_lists_coming_meetings_soonest_first_then_past_ones(client_for, member):
    now = timezone.now()
    later = MeetingFactory(starts_at=now + dt.timedelta(days=300))
    soon = MeetingFactory(starts_at=now + dt.timedelta(days=10))
    long_ago = MeetingFactory(starts_at=now - dt.timedelta(days=400))
    recent = MeetingFactory(starts_at=now - dt.timedelta(days=5))

    form = client_for(member).get(CREATE).context["form"]

    assert list(form.fields["meeting"].queryset) == [soon, later, recent, long_ago]


def test_the_filters_beyond_search_fold_open_only_when_one_is_set(client_for, member):
    client = client_for(member)
    url = reverse("marketplace:post-list")

    plain = client.get(url, {"q": "zaal"}).content.decode()
    filtered = client.get(url, {"category": "venue"}).content.decode()

    assert '<details class="filters-more">' in plain
    assert '<details class="filters-more" open>' in filtered


def test_own_paused_post_page_can_close_it_and_says_who_sees_it(client_for, member):
    post = PostFactory(author=member, kind="need", status="paused", language="en")

    page = client_for(member).get(post.get_absolute_url()).content.decode()

    assert 'value="closed"' in page and 'value="open"' in page
    assert "<dt>Wie ziet het</dt><dd>Alleen leden</dd>" in page
    assert f'<h1 lang="en">{post.title}</h1>' in page  # read in the post's own language


def test_own_posts_list_what_is_open_first_and_what_is_closed_last(client_for, member):
    closed = PostFactory(author=member, status="closed")
    open_ = PostFactory(author=member)
    paused = PostFactory(author=member, status="paused")
    older_open = PostFactory(author=member)
    Post.objects.filter(pk=older_open.pk).update(created=timezone.now() - dt.timedelta(days=3))

    home = client_for(member).get(reverse("marketplace:home"))

    assert list(home.context["posts"]) == [open_, older_open, paused, closed]
    assert "Gesloten" in home.content.decode()


def test_the_dashboard_shows_introductions_waiting_and_the_new_parts(client_for, member):
    introduction = IntroductionFactory(recipient_post__author=member)

    page = client_for(member).get(reverse("accounts:dashboard")).content.decode()

    assert introduction.get_absolute_url() in page
    for name in ("marketplace:home", "agenda:vote", "knowledge:item-list"):
        assert reverse(name) in page


def test_the_menu_marks_the_marketplace_on_all_its_pages(client_for, member):
    home = client_for(member).get(reverse("marketplace:home")).content.decode()
    browse = client_for(member).get(reverse("marketplace:post-list")).content.decode()

    link = f'href="{reverse("marketplace:home")}"'
    assert f'{link} aria-current="page"' in home
    assert f'{link} aria-current="true"' in browse


def test_a_profile_shows_open_posts_to_members_only(client, client_for, member):
    author = ProfileFactory(display_name="Anna Auteur", visibility="public", roles=["coach"])
    shown = PostFactory(author=author.user, title="Zaal gezocht", is_public=True)
    members_only = PostFactory(author=author.user, title="Data gezocht", is_public=False)
    PostFactory(author=author.user, title="Gevonden", status="closed", is_public=True)
    url = author.get_absolute_url()

    for_member = client_for(member).get(url).content.decode()
    for_visitor = client.get(url).content.decode()

    assert f'href="{shown.get_absolute_url()}"' in for_member
    assert f'href="{members_only.get_absolute_url()}"' in for_member
    assert "Gevonden" not in for_member
    assert "Anna Auteur" in for_visitor
    # public posts do not carry the author's name: the public profile does not give it away
    assert "Zaal gezocht" not in for_visitor and "Data gezocht" not in for_visitor
