"""Words that say someone may be in danger. The help-finder then shows where to get help now
(113 Zelfmoordpreventie, 1813 in Flanders, 112, the family doctor) instead of coaches: coaching
is not crisis care. A short list on purpose; when it misses, the page still always says where
urgent help is."""

from __future__ import annotations

import re

from coachbridge.engine import text as engine_text

# Patterns on the folded words of the text, joined by single spaces (accents, case and
# apostrophes removed; hyphens split words: "self-harm" is "self harm").
_DANGER = re.compile(
    r"\b("
    r"zelfmoord\w*|suicid\w*|zelfdoding|zelfbeschadiging|"
    r"(wil|wilde|willen) (niet meer leven|dood(?! graag))|niet meer (willen )?leven|dood willen|"
    r"(eind|einde) (aan|maken aan) mijn leven|(doe|mezelf) (iets aan ?doen|snijden|pijn)|"
    r"kill myself|end my life|want to die|self harm\w*|hurt(ing)? myself|"
    r"(dont|do not) want to (live|be here)|no reason to live"
    r")\b"
)


def signals_danger(text: str) -> bool:
    """True when ``text`` speaks of suicide or self-harm, in Dutch or English."""
    return bool(_DANGER.search(engine_text.normalise(text)))
