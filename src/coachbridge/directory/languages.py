"""A language the visitor asks for in their own words: "een coach die Frans spreekt"."""

from __future__ import annotations

import re

from coachbridge.engine import text as engine_text

# The coaches' languages (accounts.enums.SpokenLanguage) by their Dutch and English names.
NAMES = {
    "nl": ("nederlands", "dutch"),
    "en": ("engels", "english"),
    "de": ("duits", "german"),
    "fr": ("frans", "french"),
}
_SPEAK = r"spreekt|spreken|spreek|praat|praten|speaks|speak|speaking"
_AND = r"(?: (?:en|of|and|or) \w+)?"  # "Engels en Frans spreekt": both are named
NEGATION = re.compile(r"\b(geen|niet|not|no|dont|doesnt|cannot|cant)\b")


def _pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    name = "|".join(names)
    # on folded words joined by spaces: hyphens split words ("French-speaking")
    return re.compile(
        rf"\b(?:(?:{_SPEAK})(?: \w+)? (?:\w+ (?:en|of|and|or) )?(?:{name})"
        rf"|(?:{name}){_AND}(?: kan| kunnen| can)? (?:{_SPEAK}|sprekend\w*|talig\w*)"
        rf"|(?:{name})talig\w*|in het (?:{name})|in (?:{name}))\b"
    )


PATTERNS = {code: _pattern(names) for code, names in NAMES.items()}


def language_asked_for(question: str) -> str:
    """The code of the one language the question asks a coach to speak, or "" (none, more
    than one, or a negation: "ik spreek geen Nederlands")."""
    words = engine_text.normalise(question)
    found = {code for code, pattern in PATTERNS.items() if _asked(pattern, words)}
    return found.pop() if len(found) == 1 else ""


def _asked(pattern: re.Pattern[str], words: str) -> bool:
    for match in pattern.finditer(words):
        before = " ".join(words[: match.start()].split()[-2:])
        if not NEGATION.search(before) and not NEGATION.search(match.group()):
            return True
    return False
