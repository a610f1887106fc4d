"""Shared form fields: a choice of objects refuses a number too big for the database."""

import pytest
from django.urls import reverse

from coachbridge.agenda.models import PriorityRound, Question
from coachbridge.knowledge.models import Item
from coachbridge.marketplace.models import Post

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

TOO_BIG = "99999999999999999999"


@pytest.mark.parametrize(
    ("url", "persona", "field", "saved"),
    [
        (
            reverse("accounts:profile-edit"),
            "member",
            "themes",
            lambda user: user.profile.themes.count(),
        ),
        (
            reverse("accounts:profile-edit"),
            "member",
            "roles",
            lambda user: user.profile.roles.count(),
        ),
        (
            reverse("agenda:question-propose"),
            "member",
            "themes",
            lambda _: Question.objects.count(),
        ),
        (
            reverse("agenda:round-create"),
            "organiser",
            "questions",
            lambda _: PriorityRound.objects.count(),
        ),
        (
            reverse("knowledge:item-create", kwargs={"kind": "summary"}),
            "researcher",
            "themes",
            lambda _: Item.objects.count(),
        ),
        (reverse("marketplace:post-create"), "member", "themes", lambda _: Post.objects.count()),
    ],
)
def test_a_choice_too_big_for_the_database_is_a_form_error(  # noqa: PLR0917 -- fixtures
    request, client_for, url, persona, field, saved
):
    user = request.getfixturevalue(persona)
    before = saved(user)

    response = client_for(user).post(url, {"title": "Wat werkt?", field: TOO_BIG})

    assert response.status_code == 200
    assert response.context["form"].errors.as_data()[field][0].code == "invalid_pk_value"
    assert saved(user) == before
