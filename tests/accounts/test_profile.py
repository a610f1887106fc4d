import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from coachbridge.accounts.models import Profile
from coachbridge.common.models import ActivityLog

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def png_bytes(size=(40, 40), fmt="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 93, 107)).save(buffer, format=fmt)
    return buffer.getvalue()


def profile_data(**overrides):
    data = {
        "display_name": "Sanne Test",
        "roles": [],
        "organisation": "Praktijk Test",
        "themes": [],
        "expertise": "teamcoaching",
        "languages": ["nl", "en"],
        "region": "utrecht",
        "lower_rate": "on",
        "bio": "Ik coach teams.",
        "website": "https://example.org",
        "linkedin": "",
        "visibility": "public",
    }
    data.update(overrides)
    return data


def test_member_saves_profile_and_change_is_logged(client_for, member):
    from coachbridge.accounts.models import Role

    coach_role = Role.objects.get(code="coach")
    client = client_for(member)

    response = client.post(reverse("accounts:profile-edit"), profile_data(roles=[coach_role.pk]))

    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert (profile.display_name, profile.organisation, profile.region, profile.visibility) == (
        "Sanne Test",
        "Praktijk Test",
        "utrecht",
        "public",
    )
    assert list(profile.roles.values_list("code", flat=True)) == ["coach"]
    assert profile.languages == ["nl", "en"]
    assert profile.lower_rate
    entry = ActivityLog.objects.filter(action="profile.updated").get()
    assert entry.actor == member
    assert "organisation" in entry.data["changed_fields"]


def test_invalid_profile_keeps_typed_values_and_saves_nothing(client_for, member):
    client = client_for(member)
    before = Profile.objects.get(user=member).display_name

    response = client.post(
        reverse("accounts:profile-edit"),
        profile_data(website="not a web address", organisation="Bewaard BV"),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Bewaard BV"' in html
    assert "has-error" in html
    assert Profile.objects.get(user=member).display_name == before


def test_photo_upload_is_stored_and_served_to_members_only(client_for, member, coach):
    client = client_for(member)
    photo = SimpleUploadedFile("me.png", png_bytes(), content_type="image/png")

    client.post(
        reverse("accounts:profile-edit"), {**profile_data(visibility="members"), "photo": photo}
    )

    profile = Profile.objects.get(user=member)
    url = reverse("accounts:member-photo", kwargs={"pk": profile.pk})
    response = client_for(coach).get(url)
    served = b"".join(response.streaming_content)  # the test client closes it when consumed
    with profile.photo.open("rb") as stored:
        assert served == stored.read()
    assert client_for(None).get(url).status_code == 404


def test_photo_that_is_not_an_image_is_refused(client_for, member):
    fake = SimpleUploadedFile("me.png", b"<script>alert(1)</script>", content_type="image/png")

    response = client_for(member).post(
        reverse("accounts:profile-edit"), {**profile_data(), "photo": fake}
    )

    assert response.status_code == 200
    assert not Profile.objects.get(user=member).photo


def test_photo_in_another_format_is_refused(client_for, member):
    gif = SimpleUploadedFile("me.gif", png_bytes(fmt="GIF"), content_type="image/gif")

    response = client_for(member).post(
        reverse("accounts:profile-edit"), {**profile_data(), "photo": gif}
    )

    assert "JPEG, PNG" in response.content.decode() or "JPEG-, PNG" in response.content.decode()
    assert not Profile.objects.get(user=member).photo


def test_stored_text_is_shown_escaped(client_for, member):
    client = client_for(member)
    client.post(reverse("accounts:profile-edit"), profile_data(bio="<script>alert('x')</script>"))

    html = client.get(reverse("accounts:member-detail", kwargs={"pk": member.profile.pk})).content

    assert b"<script>alert" not in html
    assert b"&lt;script&gt;alert" in html


@pytest.mark.parametrize(
    "address",
    [
        "https://www.linkedin.com/in/sanne-test",
        "https://nl.linkedin.com/in/sanne-test",
        "linkedin.com/in/sanne-test",
    ],
)
def test_a_linkedin_page_is_saved(client_for, member, address):
    response = client_for(member).post(
        reverse("accounts:profile-edit"), profile_data(linkedin=address)
    )

    assert response.status_code == 302
    assert "linkedin.com/in/sanne-test" in Profile.objects.get(user=member).linkedin


@pytest.mark.parametrize(
    "address",
    [
        "https://evil.example.com/x",
        "https://linkedin.com.evil.example/in/x",
        "https://www.linkedin.com@evil.example/in/x",
        "https://notlinkedin.com/in/x",
    ],
)
def test_another_address_is_refused_as_linkedin_page(client_for, member, address):
    response = client_for(member).post(
        reverse("accounts:profile-edit"), profile_data(linkedin=address)
    )

    assert response.status_code == 200
    assert response.context["form"].errors["linkedin"]
    assert "https://www.linkedin.com/in/" in response.context["form"].errors["linkedin"][0]
    assert Profile.objects.get(user=member).linkedin == ""
