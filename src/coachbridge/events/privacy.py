"""The personal data kept by the events app, for export and erasure (GDPR)."""

from __future__ import annotations

from typing import Any

from coachbridge.common.privacy import register_personal_data
from coachbridge.events.models import Insight, Registration


def export_registrations(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "meeting": registration.meeting.title,
            "starts_at": registration.meeting.starts_at.isoformat(),
            "name": registration.name,
            "email": registration.email,
            "role": registration.role,
            "organisation": registration.organisation,
            "status": registration.status,
            "checked_in_at": registration.checked_in_at.isoformat()
            if registration.checked_in_at
            else None,
            "insights": [
                insight.text for insight in registration.insights.order_by("created", "pk")
            ],
        }
        for registration in Registration.objects.filter(user=user).select_related("meeting")
    ]


def erase_registrations(user: Any, remove_contributions: bool) -> None:
    """Registrations go with the member; insights stay without a name unless asked otherwise."""
    if remove_contributions:
        Insight.objects.filter(author__user=user).delete()
    Registration.objects.filter(user=user).delete()


register_personal_data("meetings", export=export_registrations, erase=erase_registrations)
