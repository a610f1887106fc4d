"""What happens to members: profiles, language, export and deletion of personal data."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coachbridge.accounts.enums import InterfaceLanguage
from coachbridge.accounts.models import Profile, User
from coachbridge.common.activity import log_action
from coachbridge.common.privacy import personal_data_sections


class AccountError(Exception):
    """A member action that cannot be done; the message says why, in the member's language."""


def create_profile(user: User, *, display_name: str) -> Profile:
    profile = Profile.objects.create(user=user, display_name=display_name.strip())
    log_action("profile.created", actor=user, obj=profile)
    return profile


def record_profile_change(profile: Profile, *, by: User, changed_fields: list[str]) -> None:
    log_action("profile.updated", actor=by, obj=profile, changed_fields=sorted(changed_fields))


def set_member_language(user: User, *, language: str) -> None:
    if language not in InterfaceLanguage.values or user.language == language:
        return
    user.language = language
    user.save(update_fields=["language"])
    log_action("member.language_changed", actor=user, obj=user, language=language)


def export_personal_data(user: User) -> dict[str, Any]:
    """Everything the platform keeps about a member, as JSON-ready data."""
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "format": "coachbridge-personal-data/2",
    }
    for section in personal_data_sections():
        data[section.name] = section.export(user)
    log_action("member.data_exported", actor=user, obj=user)
    return data


def delete_member(user: User, *, confirm_email: str, remove_contributions: bool) -> None:
    """Erase a member. Public contributions stay as "former member" unless they ask otherwise."""
    if confirm_email.strip().lower() != user.email.lower():
        raise AccountError(_("Type your own e-mail address to confirm."))
    with transaction.atomic():
        for section in personal_data_sections():
            if section.erase is not None:
                section.erase(user, remove_contributions)
        member_id = user.pk
        user.delete()
        log_action(
            "member.deleted",
            actor=None,
            member_id=member_id,
            removed_contributions=remove_contributions,
        )
