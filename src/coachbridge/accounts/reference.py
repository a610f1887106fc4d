from typing import Any

from coachbridge.accounts.enums import RoleCode


def ensure_roles(role_model: Any) -> None:
    """Create the member roles that are missing; `role_model` may be a historical model."""
    for code in RoleCode.values:
        role_model.objects.get_or_create(code=code)
