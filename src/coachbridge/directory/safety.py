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
    # Dutch
    r"zelfmoord\w*|suicid\w*|zelfdoding|zelfbeschadiging|"
    r"(wil|wilde|willen) (niet meer leven|dood)|niet meer (willen )?leven|dood willen|"
    r"(eind|einde) (aan|maken aan) mijn leven|er (een )?(eind|einde) aan (maken|te maken)|"
    r"(mijn )?leven (te )?beeindigen|leven heeft geen zin|"
    r"(zie|zag) het niet meer zitten|er (\w+ )?niet meer (willen |wil )?zijn|"
    r"nooit meer wakker (worden|te worden)|van kant (maken|te maken)|"
    r"(doe|mezelf|mijzelf) (iets aan ?doen|pijn)|"
    r"(snijd|snijden|beschadig|beschadigen)( ik)? (mezelf|mijzelf)|"
    r"(mezelf|mijzelf) (snijden|beschadigen)|beter af zonder mij|"
    # English
    r"kill myself|take my (own )?life|end(ing)? my life|end it all|want to die|"
    r"wish i (was|were) dead|(cant|can not|cannot) go on|no point (in )?living|"
    r"self harm\w*|(hurt|hurting|cut|cutting) myself|better off without me|"
    r"(dont|do not) want to (live|be here)|no reason to live"
    r")\b"
)


def signals_danger(text: str) -> bool:
    """True when ``text`` speaks of suicide or self-harm, in Dutch or English."""
    return bool(_DANGER.search(engine_text.normalise(text)))
