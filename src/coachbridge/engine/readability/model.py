"""Result types of the readability engine and the English default messages.

Every issue carries its ``kind`` and ``params`` (plain data), so an app can translate the
message itself; ``message`` and ``suggestion`` are English defaults built from the templates
below (a jargon suggestion is the plain alternative, in the text's own language).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

LEVELS: tuple[str, ...] = ("A2", "B1", "B2", "C1", "C2")
TARGET_LEVEL = "B1"

KINDS: tuple[str, ...] = ("long_sentence", "rare_word", "long_word", "passive", "clauses", "jargon")

# English default messages, one per kind; ``{...}`` are keys of ``Issue.params``.
MESSAGES: dict[str, str] = {
    "long_sentence": "This sentence has {words} words; aim for {limit} or fewer.",
    "rare_word": "'{word}' is not a common word.",
    "long_word": "'{word}' is a long word.",
    "passive": "'{phrase}' is a passive form: it does not say who does it.",
    "clauses": "This sentence has {count} subordinate clauses ({words_list}).",
    "jargon": "'{term}' is a specialist term.",
}

# English default suggestions for the kinds whose suggestion is advice, not a replacement.
SUGGESTIONS: dict[str, str] = {
    "long_sentence": "Split it into two or three shorter sentences.",
    "rare_word": "Use a more common word, or explain it.",
    "long_word": "Use a shorter word, or say it in a few words.",
    "long_compound": "Say it in a few words, for example '{parts}' in a phrase.",
    "passive": "Say who does it: make the person the subject.",
    "clauses": "Give each idea its own sentence.",
}


@dataclass(frozen=True)
class Issue:
    """One problem in a sentence; ``text == analysed[start:end]`` (offsets in the whole text)."""

    kind: str
    text: str
    start: int
    end: int
    suggestion: str
    message: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "suggestion": self.suggestion,
            "message": self.message,
            "params": dict(self.params),
        }


@dataclass(frozen=True)
class SentenceReport:
    """A sentence with its offsets in the whole text and its issues (in text order)."""

    text: str
    start: int
    end: int
    issues: tuple[Issue, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "issues": [i.as_dict() for i in self.issues],
        }


@dataclass(frozen=True)
class Analysis:
    """The result of :func:`coachbridge.engine.readability.analyse`.

    ``level`` is one of :data:`LEVELS`; ``scores`` holds the text-level signals (see
    docs/algorithms/readability.md), including ``difficulty``, the weighted score the level
    comes from.
    """

    lang: str
    level: str
    scores: dict[str, float] = field(hash=False)
    sentences: tuple[SentenceReport, ...]

    @property
    def issues(self) -> tuple[Issue, ...]:
        """All issues of all sentences, in text order."""
        return tuple(i for s in self.sentences for i in s.issues)

    def at_most(self, level: str) -> bool:
        """True if the text's level is ``level`` or easier."""
        return LEVELS.index(self.level) <= LEVELS.index(level)

    def as_dict(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "level": self.level,
            "scores": dict(self.scores),
            "sentences": [s.as_dict() for s in self.sentences],
        }
