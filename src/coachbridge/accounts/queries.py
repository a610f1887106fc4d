from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet, Value
from django.db.models.functions import Replace

from coachbridge.accounts.models import Profile, Role


def member_directory(
    user: Any, *, q: str = "", role: str = "", theme: Any = None, region: str = ""
) -> QuerySet[Profile]:
    """The profiles a user may see, filtered; the list's data comes in a fixed number of queries."""
    profiles = Profile.objects.visible_to(user).select_related("user")
    if q:
        profiles = _matching(profiles, q)
    if role:
        profiles = profiles.filter(roles__code=role)
    if theme:
        profiles = profiles.filter(themes=theme)
    if region:
        profiles = profiles.filter(region=region)
    return profiles.distinct().prefetch_related("roles", "themes").order_by("display_name", "pk")


SEARCHED_FIELDS = ("display_name", "organisation", "expertise")


def _without_hyphens(field: str) -> Replace:
    return Replace(field, Value("-"), Value(""))


def _matching(profiles: QuerySet[Profile], q: str) -> QuerySet[Profile]:
    """Profiles with ``q`` in a searched field; hyphens do not count ("burnout" is "burn-out")."""
    q = q.replace("-", "")
    profiles = profiles.annotate(
        **{f"{field}_bare": _without_hyphens(field) for field in SEARCHED_FIELDS}
    )
    found = Q()
    for field in SEARCHED_FIELDS:
        found |= Q(**{f"{field}_bare__icontains": q})
    return profiles.filter(found)


def members_per_role() -> list[tuple[Role, int]]:
    roles = Role.objects.annotate(
        members=Count("profile", filter=Q(profile__user__is_active=True))
    ).order_by("id")
    return [(role, role.members) for role in roles]
