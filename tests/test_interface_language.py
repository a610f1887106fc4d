"""The Dutch interface text is written at language level B1 (DESIGN.md, "Language").

Every msgstr of the Dutch catalogue is scored with the readability engine's helper for short
interface strings (word-level signals: rare words, long words, jargon; longer strings get the
full analysis). A text above B1 fails unless it is on the reviewed exception list
``tests/data/readability_exceptions.txt``; an exception that is no longer needed fails too, so
the list stays short.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from coachbridge.engine.readability import TARGET_LEVEL, analyse_interface_text

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "src" / "coachbridge" / "locale" / "nl" / "LC_MESSAGES" / "django.po"
EXCEPTIONS = ROOT / "tests" / "data" / "readability_exceptions.txt"


def dutch_texts() -> list[str]:
    """Every translated msgstr (each plural form separately), without repeats."""
    texts: dict[str, None] = {}
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        forms = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        for form in forms:
            if form.strip():
                texts[form] = None
    return list(texts)


def exceptions() -> list[str]:
    lines = EXCEPTIONS.read_text("utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def explain(text: str) -> str:
    result = analyse_interface_text(text, "nl")
    issues = "; ".join(f"{i.kind} {i.text!r}" for i in result.issues) or "no single issue"
    return f"{result.level}: {text!r} ({issues})"


def test_the_catalogue_has_dutch_texts() -> None:
    assert len(dutch_texts()) > 100


def test_every_dutch_interface_text_is_b1_or_easier() -> None:
    allowed = set(exceptions())
    too_hard = [
        explain(text)
        for text in dutch_texts()
        if text not in allowed and not analyse_interface_text(text, "nl").at_most(TARGET_LEVEL)
    ]
    assert not too_hard, (
        "Rewrite these texts at level B1 (short sentences, common words), or add them to "
        "tests/data/readability_exceptions.txt after a review:\n" + "\n".join(too_hard)
    )


def test_every_exception_is_still_needed() -> None:
    texts = set(dutch_texts())
    stale = [
        text
        for text in exceptions()
        if text not in texts or analyse_interface_text(text, "nl").at_most(TARGET_LEVEL)
    ]
    assert not stale, "Remove from tests/data/readability_exceptions.txt:\n" + "\n".join(stale)
