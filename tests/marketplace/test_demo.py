import pytest
from django.core.management import call_command

from coachbridge.events.models import Meeting
from coachbridge.marketplace.models import Introduction, Post
from coachbridge.marketplace.services.matching import matches_for
from tests.factories.marketplace import PostFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_demo_fills_the_impact_meetings_marketplace_with_matching_posts():
    call_command("demo", verbosity=0)

    impact = Meeting.objects.get(title="Impact Meeting Coaching")
    at_meeting = Post.objects.filter(meeting=impact)
    need = Post.objects.get(title="Coaches gezocht voor een dagboekstudie naar het coachproces")

    assert at_meeting.count() == 14
    assert set(Post.objects.values_list("language", flat=True)) == {"nl", "en"}
    assert set(Introduction.objects.values_list("status", flat=True)) == {
        "accepted",
        "requested",
        "declined",
    }
    answered = Introduction.objects.exclude(status="requested")
    assert not answered.filter(answered_at=None).exists()
    assert [match.post.title for match in matches_for(need)][:1] == [
        "Mijn coachees willen meedoen aan onderzoek"
    ]


def test_loading_the_demo_drops_posts_an_earlier_index_still_held(match_index):
    left_over = PostFactory(kind="offer", title="Oud aanbod", text="Een dagboekstudie.")
    match_index.sync_post(left_over.pk)
    Post.objects.filter(pk=left_over.pk).delete()  # as a database reset does, without the index

    call_command("demo", verbosity=0)

    assert str(left_over.pk) not in match_index.get_index()
    assert len(match_index.get_index()) == Post.objects.open().count()
