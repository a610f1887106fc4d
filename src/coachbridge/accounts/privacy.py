"""The personal data kept by the accounts app, for export and erasure (GDPR)."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress

from coachbridge.accounts.models import Profile, User
from coachbridge.common.privacy import register_personal_data


def export_account(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "language": user.language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "is_organiser": user.is_organiser,
    }


def export_profile(user: User) -> dict[str, Any] | None:
    profile = Profile.objects.filter(user=user).prefetch_related("roles", "themes").first()
    if profile is None:
        return None
    return {
        "name": profile.display_name,
        "roles": [role.code for role in profile.roles.all()],
        "organisation": profile.organisation,
        "themes": [theme.slug for theme in profile.themes.all()],
        "expertise": profile.expertise,
        "languages": profile.languages,
        "region": profile.region,
        "lower_rate": profile.lower_rate,
        "bio": profile.bio,
        "website": profile.website,
        "linkedin": profile.linkedin,
        "photo": profile.photo.name or None,
        "visibility": profile.visibility,
        "created": profile.created.isoformat(),
        "updated": profile.updated.isoformat(),
    }


def erase_profile(user: User, remove_contributions: bool) -> None:
    profile = Profile.objects.filter(user=user).first()
    if profile is not None and profile.photo:
        profile.photo.delete(save=False)
    # The profile row itself goes with the user (on_delete=CASCADE).


register_personal_data("account", export=export_account)
register_personal_data("profile", export=export_profile, erase=erase_profile)
