"""Words that say someone may be in danger. The help-finder then shows where to get help now
(113 Zelfmoordpreventie, 1813 in Flanders, Veilig Thuis, 112, the family doctor) instead of
coaches: coaching is not crisis care. A short list on purpose; when it misses, the page still
always says where urgent help is."""

from __future__ import annotations

import re

from coachbridge.engine import text as engine_text

SUICIDE = "suicide"  # or self-harm
VIOLENCE = "violence"  # at home

# Patterns on the folded words of the text, joined by single spaces (accents, case and
# apostrophes removed; hyphens split words: "self-harm" is "self harm").
_SUICIDE = re.compile(
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
    r"(zie|zag) geen (enkele )?uitweg meer|(beter|liever) dood|"
    r"(was|ben) ik maar dood|dat ik dood (was|ben|zou zijn)|"
    # English
    r"kill myself|take my (own )?life|end(ing)? my life|end it all|want to die|"
    r"wish i (was|were) dead|(cant|can not|cannot) go on|no point (in )?living|"
    r"self harm\w*|(hurt|hurting|cut|cutting) myself|better off without me|"
    r"(dont|do not) want to (live|be here)|no reason to live|better off dead|"
    r"life (is|feels|seems) (pointless|meaningless|not worth living)|not worth living|"
    r"giving up on life|see no way out"
    r")\b"
)

# Who hits or threatens: people at home, so that "my boss threatens me" is not read as this;
# "he" or "she" only with hitting, and not "ze slaat me over" (she passes me over).
_HOME_NL = "man|vrouw|partner|vriend|vriendin|vader|moeder|ouders|broer|zus|ex"
_HOME_EN = "husband|wife|partner|boyfriend|girlfriend|father|mother|dad|mum|mom|ex"
_HIT_NL = "slaat|sloeg|schopt|schopte|mishandelt|mishandelde|wurgt|wurgde"
_HIT_EN = "hits|hit|kicks|kicked|chokes|choked"
_VIOLENCE = re.compile(
    r"\b("
    # Dutch
    r"huiselijk geweld|geweld (thuis|in huis|in ons huis)|"
    rf"(hij|zij|ze|{_HOME_NL}) ({_HIT_NL}) (mij|me)\b(?!( \w+){{0,3}} over\b)|"
    rf"({_HOME_NL}) (bedreigt|bedreigde) (mij|me)|"
    r"ik word (thuis )?(geslagen|mishandeld)|(durf|durfde) (niet|nooit) (meer )?naar huis|"
    rf"bang voor mijn ({_HOME_NL})|"
    # English
    r"domestic (violence|abuse)|"
    rf"(he|she|{_HOME_EN}) ({_HIT_EN}) me\b(?! up\b)|"
    rf"({_HOME_EN}) (beats|beat|abuses|abused|threatens|threatened) me|"
    rf"(afraid|scared) (to go|of going) home|(afraid|scared) of my ({_HOME_EN})|"
    r"i am (being )?beaten"
    r")\b"
)


def danger_in(text: str) -> str:
    """SUICIDE or VIOLENCE when ``text`` speaks of it, in Dutch or English, else "".

    Suicide comes first when it speaks of both: the page shows every number in either case.
    """
    words = engine_text.normalise(text)
    if _SUICIDE.search(words):
        return SUICIDE
    if _VIOLENCE.search(words):
        return VIOLENCE
    return ""


def signals_danger(text: str) -> bool:
    """True when ``text`` speaks of suicide, self-harm or violence at home."""
    return bool(danger_in(text))
