"""The personal data kept by the research app, for export and erasure (GDPR).

A member's studies are theirs; the answers in them belong to coachees known only by a code, so
the export lists the studies (led or joined) and counts, and erasure removes led studies with
their answers.
"""

from __future__ import annotations

from typing import Any

from coachbridge.common.privacy import register_personal_data
from coachbridge.research.enums import ParticipantRole
from coachbridge.research.models import Participant, Study
from coachbridge.research.services import studies_of


def export_studies(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "title": study.title,
            "aim": study.aim,
            "closed": study.closed_at.isoformat() if study.closed_at else None,
            "created": study.created.isoformat(),
            "role": "lead" if study.owner_id == user.pk else "coach",
            "your_coachees": study.participants.filter(
                role=ParticipantRole.COACHEE, coach=user
            ).count(),
        }
        for study in studies_of(user)
    ]


def erase_studies(user: Any, remove_contributions: bool) -> None:
    """Led studies go with their answers. In studies led by others the answers stay with the
    study, but the contact details of the member's coachees go: nobody is left to use them."""
    Participant.objects.filter(coach=user).update(sealed_email="")
    Study.objects.filter(owner=user).delete()


register_personal_data("practice_studies", export=export_studies, erase=erase_studies)
