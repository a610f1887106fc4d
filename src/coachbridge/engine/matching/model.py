"""Data of the matching engine: posts in, matches with reasons out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from coachbridge.engine import text as textmod

Kind = Literal["offer", "need"]
KINDS: tuple[Kind, Kind] = ("offer", "need")
MAX_TEXT = 5000  # characters of title + text (issue 4: longer texts are refused)
MAX_TITLE = 200

# Marketplace categories (issue 4) and their names in both languages (as the app labels them).
CATEGORY_NAMES: dict[str, dict[textmod.Lang, str]] = {
    "knowledge": {"nl": "kennis of expertise", "en": "knowledge or expertise"},
    "participants": {"nl": "deelnemers voor onderzoek", "en": "research participants"},
    "data": {"nl": "data of materiaal", "en": "data or material"},
    "collaboration": {"nl": "samenwerking of co-auteur", "en": "collaboration or co-author"},
    "supervision": {"nl": "begeleiding of mentoring", "en": "supervision or mentoring"},
    "venue": {"nl": "locatie of faciliteiten", "en": "venue or facilities"},
    "speaker": {"nl": "spreker", "en": "speaker"},
    "funding": {"nl": "geldgever", "en": "funding partner"},
    "network": {"nl": "netwerk", "en": "network"},
    "other": {"nl": "overig", "en": "other"},
}
CATEGORIES: tuple[str, ...] = tuple(CATEGORY_NAMES)

# Roles of the people behind posts. Science meets practice: a post by someone on one side
# complements a post by someone on the other (a researcher needs participants, a coach has them).
SCIENCE_ROLES = frozenset({"researcher", "student", "funder"})
PRACTICE_ROLES = frozenset(
    {"coach", "organisation", "hr", "psychologist", "trainer", "teacher", "other"}
)
ROLES: tuple[str, ...] = tuple(sorted(SCIENCE_ROLES | PRACTICE_ROLES))
ROLE_NAMES: dict[str, dict[textmod.Lang, str]] = {
    "researcher": {"nl": "onderzoeker", "en": "researcher"},
    "student": {"nl": "student", "en": "student"},
    "funder": {"nl": "financier", "en": "funder"},
    "coach": {"nl": "coach", "en": "coach"},
    "organisation": {"nl": "organisatie", "en": "organisation"},
    "hr": {"nl": "HR", "en": "HR"},
    "psychologist": {"nl": "psycholoog", "en": "psychologist"},
    "trainer": {"nl": "trainer", "en": "trainer"},
    "teacher": {"nl": "docent", "en": "teacher"},
    "other": {"nl": "professional", "en": "professional"},
}


class PostError(ValueError):
    """A post cannot be used; ``field`` names the offending field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"field {field!r}: {message}")
        self.field = field


@dataclass(frozen=True)
class Post:
    """A marketplace post. ``roles`` are the author's roles (researcher, coach, ...)."""

    id: str
    kind: Kind
    title: str
    text: str
    tags: tuple[str, ...] = ()
    lang: textmod.Lang | None = None
    category: str | None = None
    roles: tuple[str, ...] = ()
    author: str | None = None

    def validate(self) -> None:
        """Raise :class:`PostError` for unusable posts (empty or too long text, unknown kind)."""
        if not self.id:
            raise PostError("id", "required")
        if self.kind not in KINDS:
            raise PostError("kind", f"must be 'offer' or 'need', not {self.kind!r}")
        if len(self.title) > MAX_TITLE:
            raise PostError(
                "title", f"too long ({len(self.title)} characters, at most {MAX_TITLE})"
            )
        if not (self.title.strip() or self.text.strip()):
            raise PostError("text", "empty: a post needs a title or a text")
        if len(self.title) + len(self.text) > MAX_TEXT:
            size = len(self.title) + len(self.text)
            raise PostError("text", f"too long ({size} characters, at most {MAX_TEXT})")
        if self.lang is not None and self.lang not in textmod.LANGS:
            raise PostError("lang", f"must be 'nl' or 'en', not {self.lang!r}")
        if self.category is not None and self.category not in CATEGORY_NAMES:
            raise PostError("category", f"unknown category {self.category!r}")
        for role in self.roles:
            if role not in ROLE_NAMES:
                raise PostError("roles", f"unknown role {role!r}")

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> Post:
        """Build and validate a post from a JSON object (raises :class:`PostError`)."""
        post_id = row.get("id")
        if isinstance(post_id, bool) or not isinstance(post_id, str | int) or post_id == "":
            raise PostError("id", "required, a non-empty string or number")
        strings: dict[str, str] = {}
        for name in ("title", "text"):
            value = row.get(name, "")
            if not isinstance(value, str):
                raise PostError(name, "must be a string")
            strings[name] = value
        tags = _string_list(row, "tags")
        roles = _string_list(row, "roles")
        optional: dict[str, str | None] = {}
        for name in ("lang", "category", "author", "kind"):
            value = row.get(name)
            if value is not None and not isinstance(value, str):
                raise PostError(name, "must be a string")
            optional[name] = value
        post = cls(
            id=str(post_id),
            kind=optional["kind"],  # type: ignore[arg-type]  # checked in validate()
            title=strings["title"],
            text=strings["text"],
            tags=tuple(tags),
            lang=optional["lang"],  # type: ignore[arg-type]  # checked in validate()
            category=optional["category"],
            roles=tuple(roles),
            author=optional["author"],
        )
        post.validate()
        return post


def _string_list(row: dict[str, Any], name: str) -> list[str]:
    value = row.get(name, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PostError(name, "must be a list of strings")
    return list(value)


@dataclass(frozen=True)
class Reason:
    """One reason for a match: ``kind`` is topic, words, category, roles, grams or meaning; or
    dismissed (like a post the member marked not relevant, with a negative ``weight``)."""

    kind: str
    text: str
    weight: float


@dataclass(frozen=True)
class Match:
    """A post of the other kind that suits ``query``; ``score`` in [0, 1], symmetric.

    ``forward`` is how well the match suits the query post, ``backward`` how well the query
    suits the match; ``score`` combines the two (see docs/algorithms/matching.md).
    ``mutual``: the two authors each have a post that matches a post of the other.
    """

    id: str
    score: float
    forward: float
    backward: float
    reasons: tuple[Reason, ...]
    mutual: bool = False

    @property
    def why(self) -> list[str]:
        return [r.text for r in self.reasons]

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "score": round(self.score, 4), "why": self.why}
        if self.mutual:
            out["mutual"] = True
        return out
