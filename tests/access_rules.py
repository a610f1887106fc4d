"""Shared vocabulary for the access walk in tests/test_access.py.

Each app's tests keep a module `tests/<app>/access.py` with an `ACCESS` dict (URL name to
`Access`) and a `build(world)` function that adds the objects its URLs need to `world`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

PERSONAS = ["anonymous", "member", "organiser", "staff"]
SECRET_NAME = "Verborgen Ledenprofiel"


@dataclass(frozen=True)
class Access:
    """Who may open a URL with GET, and the URL's arguments.

    Someone not allowed gets: a 404 when `hidden` (the object's existence is not revealed),
    else a redirect to the login page when anonymous, else a 403.
    """

    allowed: frozenset[str]
    kwargs: Callable[[SimpleNamespace], dict[str, Any]] | None = None
    post_only: bool = False
    hidden: bool = False
    ok_status: int = 200
    # Personas for whom the page answers differently on purpose, e.g. {"member": 302}.
    special: tuple[tuple[str, int], ...] = ()


PUBLIC = Access(frozenset(PERSONAS))
MEMBERS = Access(frozenset({"member", "organiser", "staff"}))
ORGANISERS = Access(frozenset({"organiser", "staff"}))
STAFF = Access(frozenset({"staff"}))


def post_only(access: Access) -> Access:
    return Access(access.allowed, kwargs=access.kwargs, post_only=True, hidden=access.hidden)


def with_kwargs(
    access: Access, kwargs: Callable[[SimpleNamespace], dict[str, Any]], **extra: Any
) -> Access:
    return Access(access.allowed, kwargs=kwargs, post_only=access.post_only, **extra)
