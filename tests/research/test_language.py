"""Questionnaires and consent texts are read by coachees and the people around them: B1 Dutch.

They are frozen research texts outside the translation catalogue (see instruments.py), so the
catalogue's B1 test does not see them; this one does.
"""

import pytest

from coachbridge.engine.readability import TARGET_LEVEL, analyse_interface_text
from coachbridge.research.consent import CONSENT_TEXTS
from coachbridge.research.instruments import ANSWER_CHOICES, DONT_KNOW, INSTRUMENT_OF_MOMENT

pytestmark = pytest.mark.unit


def research_texts():
    for instrument in INSTRUMENT_OF_MOMENT.values():
        yield instrument.title
        yield instrument.intro
        if instrument.open_question:
            yield instrument.open_question
        yield from (item.text for item in instrument.items)
        yield from (scale.name for scale in instrument.scales)
    for points in CONSENT_TEXTS.values():
        yield from points
    yield from (label for _, label in ANSWER_CHOICES)
    yield DONT_KNOW


@pytest.mark.parametrize("text", sorted({text.nl for text in research_texts()}))
def test_dutch_research_text_is_b1_or_easier(text):
    result = analyse_interface_text(text, "nl")

    assert result.at_most(TARGET_LEVEL), f"{result.level}: {[i.text for i in result.issues]}"


def test_every_text_has_both_languages():
    for text in research_texts():
        assert text.nl.strip() and text.en.strip() and text.nl != text.en, text
