"""Feedback during review: comments on a paragraph, the reviewer's role, the e-mails it sends,
the editor's check before publishing; related texts in one language; erasing uploaded images."""

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from coachbridge.common.models import Theme
from coachbridge.knowledge import services
from coachbridge.knowledge.enums import ItemStatus
from coachbridge.knowledge.models import Comment, Image, Review
from coachbridge.knowledge.privacy import erase_knowledge
from coachbridge.knowledge.rendering import split_paragraphs
from tests.factories.accounts import ProfileFactory
from tests.factories.knowledge import ItemFactory
from tests.knowledge.access import png_bytes

THREE_PARAGRAPHS = (
    "Eerste alinea over de coaches.\n\n"
    "Tweede alinea: het effect was middelgroot.\nNog een regel van dezelfde alinea.\n"
    "  \n\n"
    "- een lijst\n- als derde alinea"
)


@pytest.mark.unit
def test_paragraphs_are_blocks_between_blank_lines():
    assert split_paragraphs(THREE_PARAGRAPHS) == [
        "Eerste alinea over de coaches.",
        "Tweede alinea: het effect was middelgroot.\nNog een regel van dezelfde alinea.",
        "- een lijst\n- als derde alinea",
    ]
    assert split_paragraphs("Eén regel.\r\n\r\nTwee.") == ["Eén regel.", "Twee."]
    assert split_paragraphs("  \n\n ") == []


def in_review(**fields):
    return ItemFactory(status=ItemStatus.IN_REVIEW, findings=THREE_PARAGRAPHS, **fields)


@pytest.mark.integration
@pytest.mark.django_db
def test_comment_on_a_paragraph_shows_next_to_that_paragraph(client_for, member, coach):
    item = in_review(author=member)

    response = client_for(coach).post(
        reverse("knowledge:item-comment", args=[item.pk]),
        {
            "comment-section": "findings",
            "comment-paragraph": "2",
            "comment-text": "Hoe groot is middelgroot?",
        },
    )
    review_page = client_for(coach).get(reverse("knowledge:item-review", args=[item.pk]))
    editor_page = client_for(member).get(reverse("knowledge:item-edit", args=[item.pk]))

    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.section, comment.paragraph, comment.quote) == (
        "findings",
        2,
        "Tweede alinea: het effect was middelgroot. Nog een regel van dezelfde alinea.",
    )
    body = review_page.content.decode()
    second = body.index('id="p-findings-2"')
    assert second < body.index("Hoe groot is middelgroot?") < body.index('id="p-findings-3"')
    assert body.count('class="review-paragraph"') == 3 + 4  # three here, one per other part
    assert '?part=findings&amp;paragraph=3#comment-heading"' in body
    editor = editor_page.content.decode()
    assert editor.index('name="findings"') < editor.index("Hoe groot is middelgroot?")
    assert editor.index("Hoe groot is middelgroot?") < editor.index('name="practice"')
    assert "Tweede alinea: het effect was middelgroot." in editor


@pytest.mark.integration
@pytest.mark.django_db
def test_paragraph_link_fills_in_the_comment_form(client_for, coach):
    item = in_review()

    response = client_for(coach).get(
        reverse("knowledge:item-review", args=[item.pk]) + "?part=findings&paragraph=3"
    )

    form = response.context["comment_form"]
    assert (form["section"].value(), form["paragraph"].value()) == ("findings", 3)


@pytest.mark.integration
@pytest.mark.django_db
def test_paragraph_that_does_not_exist_is_refused_and_the_comment_is_kept(client_for, coach):
    item = in_review()
    coach.language = "en"
    coach.save()

    response = client_for(coach).post(
        reverse("knowledge:item-comment", args=[item.pk]),
        {
            "comment-section": "findings",
            "comment-paragraph": "7",
            "comment-text": "Deze tekst mag niet verloren gaan.",
        },
    )

    assert response.status_code == 422
    assert Comment.objects.count() == 0
    errors = response.context["comment_form"].errors["paragraph"]
    assert errors == ["This part has 3 paragraphs. Choose a number from 1 to 3."]
    assert "Deze tekst mag niet verloren gaan.</textarea>" in response.content.decode()


@pytest.mark.integration
@pytest.mark.django_db
def test_after_a_refused_comment_the_page_still_sends_the_verdict_and_links_to_the_review(
    client_for, coach
):
    item = in_review()
    refused = client_for(coach).post(
        reverse("knowledge:item-comment", args=[item.pk]),
        {"comment-section": "findings", "comment-paragraph": "7", "comment-text": "Te ver."},
    )

    html = refused.content.decode()
    review_url = reverse("knowledge:item-review", args=[item.pk])
    assert html.count(f'<form method="post" action="{review_url}"') == 1  # the verdict
    assert f'href="{review_url}?part=findings&amp;paragraph=1#comment-heading"' in html
    assert 'href="?part=' not in html


@pytest.mark.integration
@pytest.mark.django_db
def test_comment_without_paragraph_is_about_the_whole_part(client_for, coach):
    item = in_review()
    old = Comment.objects.create(item=item, author=coach, section="lead", text="Oud commentaar")

    client_for(coach).post(
        reverse("knowledge:item-comment", args=[item.pk]),
        {"comment-section": "findings", "comment-paragraph": "", "comment-text": "Te lang."},
    )
    page = client_for(coach).get(reverse("knowledge:item-review", args=[item.pk]))

    new = Comment.objects.exclude(pk=old.pk).get()
    assert (new.paragraph, new.quote) == (None, "")
    parts = {part.name: part for part in page.context["parts"]}
    assert parts["findings"].comments == [new]
    assert parts["lead"].comments == [old]  # an older comment without paragraph still shows
    assert "Oud commentaar" in page.content.decode()


@pytest.mark.integration
@pytest.mark.django_db
def test_comment_on_a_paragraph_that_was_removed_later_stays_with_its_part(coach):
    item = in_review()
    comment = services.add_comment(item, by=coach, section="findings", paragraph=3, text="Lijst?")
    item.findings = "Nu nog maar één alinea."
    item.save()

    from coachbridge.knowledge.queries import review_parts

    parts = {part.name: part for part in review_parts(item, [comment])}
    assert [p.comments for p in parts["findings"].paragraphs] == [[]]
    assert parts["findings"].comments == [comment]


@pytest.mark.integration
@pytest.mark.django_db
def test_review_keeps_the_reviewers_roles_and_shows_them(client_for, member, coach, researcher):
    item = in_review(author=member)

    for reviewer, rating in ((coach, 4), (researcher, 2)):
        client_for(reviewer).post(
            reverse("knowledge:item-review", args=[item.pk]),
            {"rating": str(rating), "text": "Mijn oordeel."},
        )
    page = client_for(member).get(reverse("knowledge:item-review", args=[item.pk]))

    assert {(r.reviewer, tuple(r.roles)) for r in Review.objects.all()} == {
        (coach, ("coach",)),
        (researcher, ("researcher",)),
    }
    assert [r.by_practitioner for r in Review.objects.order_by("rating")] == [False, True]
    body = page.content.decode()
    with translation.override("nl"):
        assert f"{coach} ({gettext('Coach')})" in body
        assert f"{researcher} ({gettext('Researcher')})" in body


@pytest.mark.integration
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("reviewer_roles", "expected"),
    [
        ([], "Nobody has reviewed this text yet."),
        (["researcher"], "This text has 1 review, but not by a coach or practitioner."),
        (["psychologist"], "Reviews: 1, of which 1 by a coach or practitioner."),
    ],
)
def test_publish_check_tells_the_editor_whether_a_practitioner_reviewed(
    client_for, english_organiser, reviewer_roles, expected
):
    item = in_review()
    if reviewer_roles:
        reviewer = ProfileFactory(roles=reviewer_roles).user
        services.add_review(item, by=reviewer, rating=4, text="Goed.")

    page = client_for(english_organiser).get(item.get_absolute_url()).content.decode()

    assert expected in page
    asks_to_confirm = "No coach or practitioner has reviewed this text. Publish it anyway?"
    assert (asks_to_confirm in page) == (reviewer_roles != ["psychologist"])


@pytest.mark.integration
@pytest.mark.django_db
def test_publish_check_is_for_editors_only(client_for, member, coach):
    item = in_review(author=member)

    for user in (member, coach):
        assert client_for(user).get(item.get_absolute_url()).context["publish_check"] is None


@pytest.mark.integration
@pytest.mark.django_db
def test_author_gets_an_email_in_their_language_for_a_review_and_a_comment(
    client_for, coach, django_capture_on_commit_callbacks
):
    author = ProfileFactory(user__language="en").user
    item = in_review(author=author, title="Werkt coaching?")

    with django_capture_on_commit_callbacks(execute=True):
        client_for(coach).post(
            reverse("knowledge:item-review", args=[item.pk]),
            {"rating": "4", "text": "Helder geschreven."},
        )
        client_for(coach).post(
            reverse("knowledge:item-comment", args=[item.pk]),
            {
                "comment-section": "findings",
                "comment-paragraph": "2",
                "comment-text": "Noem het getal.",
            },
        )

    assert [message.to for message in mail.outbox] == [[author.email], [author.email]]
    review_mail, comment_mail = mail.outbox
    site = settings.SITE_NAME
    assert review_mail.subject == f"[{site}] New review of your text: Werkt coaching?"
    assert comment_mail.subject == f"[{site}] New comment on your text: Werkt coaching?"
    assert "Rating: 4 out of 5" in review_mail.body
    assert "Helder geschreven." in review_mail.body
    assert "About: What was found, paragraph 2" in comment_mail.body
    assert "Noem het getal." in comment_mail.body
    link = reverse("knowledge:item-review", args=[item.pk])
    assert all(link in message.body for message in mail.outbox)


@pytest.mark.integration
@pytest.mark.django_db
def test_author_is_not_mailed_about_own_comment_or_when_erased(
    member, coach, django_capture_on_commit_callbacks
):
    item = in_review(author=member)
    orphan = in_review(author=None)

    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(item, by=member, section="lead", text="Notitie voor mezelf.")
        services.add_review(orphan, by=coach, rating=3, text="Prima.")

    assert mail.outbox == []


@pytest.mark.integration
@pytest.mark.django_db
def test_editors_get_an_email_when_a_text_is_submitted(
    client_for, member, coach, organiser, django_capture_on_commit_callbacks
):
    editor = ProfileFactory(user__language="en").user
    editor.user_permissions.add(Permission.objects.get(codename="edit_knowledge"))
    ProfileFactory(user__is_organiser=True, user__is_active=False)  # left: gets nothing
    item = ItemFactory(author=member, title="Nieuwe samenvatting")

    with django_capture_on_commit_callbacks(execute=True):
        client_for(member).post(reverse("knowledge:item-submit", args=[item.pk]))

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {organiser.email, editor.email}
    assert by_address[editor.email].subject == (
        f"[{settings.SITE_NAME}] To review: Nieuwe samenvatting"
    )
    with translation.override("nl"):
        dutch = gettext("To review: %(title)s") % {"title": "Nieuwe samenvatting"}
    assert by_address[organiser.email].subject == f"[{settings.SITE_NAME}] {dutch}"
    assert item.get_absolute_url() in by_address[editor.email].body


@pytest.mark.integration
@pytest.mark.django_db
def test_related_texts_are_in_the_items_language_only(client):
    theme = Theme.objects.get(slug="process-outcome")
    empty = {"lead": "", "question": "", "method": "", "practice": "", "limitations": ""}

    def published(**fields):
        made = ItemFactory(status=ItemStatus.PUBLISHED, **empty, **fields)
        made.themes.add(theme)
        return made

    dutch = published(title="Werkrelatie", findings="De werkrelatie telt.")
    published(title="Werkrelatie meten", findings="Meet de werkrelatie.")
    english = published(
        title="Working alliance",
        language="en",
        findings="The alliance matters.",
        translation_of=dutch,
    )
    published(title="Measuring the alliance", language="en", findings="Measure the alliance.")
    published(title="Alliance and outcome", language="en", findings="Alliance and outcome.")

    dutch_related = client.get(dutch.get_absolute_url()).context["related"]
    english_related = client.get(english.get_absolute_url()).context["related"]

    assert [item.title for item in dutch_related] == ["Werkrelatie meten"]
    assert {item.language for item in english_related} == {"en"}
    assert dutch not in english_related
    assert len(english_related) == 2


def _stored_image(item, by):
    image = Image(item=item, content_type="image/png", alt="Grafiek", uploaded_by=by)
    image.file.save("grafiek.png", ContentFile(png_bytes()), save=True)
    return image


@pytest.mark.integration
@pytest.mark.django_db
def test_erasing_contributions_deletes_the_uploaded_image_files(
    member, coach, django_capture_on_commit_callbacks
):
    own = ItemFactory(author=member, status=ItemStatus.PUBLISHED)
    others = ItemFactory(author=coach, status=ItemStatus.PUBLISHED)
    kept_by_coach = _stored_image(others, coach)
    names = [_stored_image(own, member).file.name, _stored_image(others, member).file.name]
    assert all(default_storage.exists(name) for name in names)

    with django_capture_on_commit_callbacks(execute=True):
        erase_knowledge(member, remove_contributions=True)

    assert not any(default_storage.exists(name) for name in names)
    assert list(Image.objects.all()) == [kept_by_coach]
    assert default_storage.exists(kept_by_coach.file.name)
    default_storage.delete(kept_by_coach.file.name)


@pytest.mark.integration
@pytest.mark.django_db
def test_erasing_without_contributions_keeps_the_images_of_the_text(
    member, django_capture_on_commit_callbacks
):
    item = ItemFactory(author=member, status=ItemStatus.PUBLISHED)
    image = _stored_image(item, member)

    with django_capture_on_commit_callbacks(execute=True):
        erase_knowledge(member, remove_contributions=False)

    image.refresh_from_db()
    assert image.uploaded_by is None
    assert default_storage.exists(image.file.name)
    default_storage.delete(image.file.name)


@pytest.mark.integration
@pytest.mark.django_db
def test_migration_gives_existing_reviews_their_reviewers_roles(coach, member):
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "coachbridge.knowledge.migrations.0003_comment_paragraph_review_roles"
    )
    item = in_review(author=member)
    by_coach = Review.objects.create(item=item, reviewer=coach, rating=4, text="Goed.")
    by_former = Review.objects.create(item=item, reviewer=None, rating=3, text="Oud.")

    migration.copy_reviewer_roles(apps, None)

    by_coach.refresh_from_db()
    by_former.refresh_from_db()
    assert (by_coach.roles, by_former.roles) == (["coach"], [])


@pytest.mark.integration
@pytest.mark.django_db
def test_a_burst_of_comments_makes_one_email_per_reviewer(
    member, coach, django_capture_on_commit_callbacks
):
    item = in_review(author=member)
    other = ProfileFactory(roles=["coach"]).user

    with django_capture_on_commit_callbacks(execute=True):
        for number in (1, 2, 3):
            services.add_comment(item, by=coach, section="lead", text=f"Punt {number}.")
        services.add_comment(item, by=other, section="lead", text="Ook van mij.")

    assert [message.body.count("Punt 1.") for message in mail.outbox] == [1, 0]
    assert "Ook van mij." in mail.outbox[1].body
    assert item.comments.count() == 4  # nothing is lost, only the e-mails are fewer

    Comment.objects.filter(item=item).update(
        created=timezone.now() - services.COMMENT_MAIL_QUIET - dt.timedelta(minutes=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(item, by=coach, section="lead", text="Later nog iets.")

    assert len(mail.outbox) == 3
    assert "Later nog iets." in mail.outbox[2].body


@pytest.mark.integration
@pytest.mark.django_db
def test_a_comment_or_feedback_too_long_is_refused_and_kept_in_the_form(client_for, member, coach):
    item = in_review(author=member)
    client = client_for(coach)
    too_long = "Dit is onduidelijk. " * 250

    comment = client.post(
        reverse("knowledge:item-comment", args=[item.pk]),
        {"comment-section": "findings", "comment-text": too_long},
    )
    review = client.post(
        reverse("knowledge:item-review", args=[item.pk]), {"rating": "4", "text": too_long}
    )

    assert Comment.objects.count() == 0
    assert not item.reviews.exists()
    for response in (comment, review):
        html = response.content.decode()
        assert "4000" in html
        assert too_long.strip() in html
