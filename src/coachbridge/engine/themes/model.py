"""Data of the themes engine: notes in, themes out, guides and the embedder interface."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from coachbridge.engine import text as textmod

# ---------------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class Note:
    id: str
    text: str
    group: str | None = None
    lang: textmod.Lang | None = None


@dataclass(frozen=True)
class Guide:
    """A theme an organiser started by hand: a label and the ids of a few example notes."""

    label: str
    examples: tuple[str, ...]


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    keywords: tuple[str, ...]
    notes: tuple[str, ...]
    highlights: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "keywords": list(self.keywords),
            "notes": list(self.notes),
            "highlights": list(self.highlights),
        }


class Embedder(Protocol):
    """Anything that turns texts into one vector each (rows of a 2-D float array)."""

    def encode(self, texts: list[str]) -> Any: ...


class GuideError(ValueError):
    """A guide names an unknown note or puts one note in two themes."""
