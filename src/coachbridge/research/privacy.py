"""The personal data kept by the research app, for export and erasure (GDPR).

A member's studies are theirs; the answers in them belong to coachees known only by a code, so
the export lists the studies and counts, and erasure removes the studies with their answers.
"""

from __future__ import annotations

from typing import Any

from coachbridge.common.privacy import register_personal_data
from coachbridge.research.enums import ParticipantRole
from coachbridge.research.models import Study


def export_studies(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "title": study.title,
            "aim": study.aim,
            "status": study.status,
            "created": study.created.isoformat(),
            "coachees": study.participants.filter(role=ParticipantRole.COACHEE).count(),
        }
        for study in Study.objects.filter(owner=user)
    ]


def erase_studies(user: Any, remove_contributions: bool) -> None:
    Study.objects.filter(owner=user).delete()


register_personal_data("practice studies", export=export_studies, erase=erase_studies)
