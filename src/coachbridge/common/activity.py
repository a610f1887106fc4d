from __future__ import annotations

from typing import Any

from django.db import models

from coachbridge.common.models import ActivityLog


def log_action(
    action: str, *, actor: Any = None, obj: models.Model | None = None, **data: Any
) -> ActivityLog:
    """Write one audit entry. `data` holds plain values (changed field names, counts)."""
    return ActivityLog.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        data=data,
    )
