from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from coachbridge.accounts.models import Profile, Role


def member_directory(
    user: Any, *, q: str = "", role: str = "", theme: Any = None, region: str = ""
) -> QuerySet[Profile]:
    """The profiles a user may see, filtered; the list's data comes in a fixed number of queries."""
    profiles = Profile.objects.visible_to(user).select_related("user")
    if q:
        profiles = profiles.filter(
            Q(display_name__icontains=q) | Q(organisation__icontains=q) | Q(expertise__icontains=q)
        )
    if role:
        profiles = profiles.filter(roles__code=role)
    if theme:
        profiles = profiles.filter(themes=theme)
    if region:
        profiles = profiles.filter(region=region)
    return profiles.distinct().prefetch_related("roles", "themes").order_by("display_name", "pk")


def members_per_role() -> list[tuple[Role, int]]:
    roles = Role.objects.annotate(
        members=Count("profile", filter=Q(profile__user__is_active=True))
    ).order_by("id")
    return [(role, role.members) for role in roles]
