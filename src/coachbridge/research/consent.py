"""The consent texts people agree to, as frozen versions (see instruments.py for why).

A consent record stores the version code and the language shown, so it is always clear which
exact words someone agreed to. A changed text gets a new code. Each text is a few short points,
shown as a list.
"""

from __future__ import annotations

from coachbridge.research.instruments import Text

COACHEE_CONSENT = "coachee-1"
COACHEE_SHARED_CONSENT = "coachee-shared-1"  # the study is led by someone else than the coach
RATER_CONSENT = "rater-1"
IDENTIFIABLE_CONSENT = "identifiable-2"  # -1 spoke of what a partner writes: no longer asked

COACHEE_POINTS = (
    Text(
        "Je coach doet onderzoek in de eigen praktijk en vraagt of jij wilt meedoen.",
        "Your coach does research in their own practice and asks whether you want to take part.",
    ),
    Text(
        "Je vult een korte vragenlijst in bij de start en aan het einde van de coaching. Na "
        "een sessie kun je ook drie korte vragen over die sessie beantwoorden.",
        "You fill in a short questionnaire at the start and at the end of the coaching. After "
        "a session you can also answer three short questions about that session.",
    ),
    Text(
        "Als je wilt, vraag je ook mensen om je heen om een korte vragenlijst over jou in te "
        "vullen. Bijvoorbeeld een collega of je partner.",
        "If you like, you also ask people around you to fill in a short questionnaire about "
        "you. For example a colleague or your partner.",
    ),
    Text(
        "Je antwoorden worden bewaard onder een code, niet onder je naam.",
        "Your answers are stored under a code, not under your name.",
    ),
    Text(
        "Je coach ziet je antwoorden. Van de mensen om je heen ziet je coach alleen een "
        "gemiddelde van minstens drie mensen.",
        "Your coach sees your answers. Of the people around you, your coach only sees an "
        "average of at least three people.",
    ),
    Text(
        "Meedoen is vrijwillig en heeft geen invloed op je coaching.",
        "Taking part is voluntary and does not affect your coaching.",
    ),
    Text(
        "Je kunt altijd stoppen via deze link. Dan worden je antwoorden gewist, en ook die "
        "van de mensen die jij hebt gevraagd.",
        "You can stop at any time through this link. Your answers are then deleted, and "
        "those of the people you asked too.",
    ),
)

CONSENT_TEXTS: dict[str, tuple[Text, ...]] = {
    COACHEE_CONSENT: COACHEE_POINTS,
    COACHEE_SHARED_CONSENT: (
        *COACHEE_POINTS,
        Text(
            "Dit onderzoek wordt geleid door %(lead)s. Die ziet je antwoorden alleen onder je "
            "code, samen met die van andere coachees. Wat je schrijft, ziet alleen je coach.",
            "This study is led by %(lead)s, who sees your answers only under your code, "
            "together with those of other coachees. Only your coach sees what you write.",
        ),
    ),
    RATER_CONSENT: (
        Text(
            "Iemand die jij kent, volgt coaching. Die persoon vraagt je een korte vragenlijst in "
            "te vullen over wat je merkt sinds de coaching.",
            "Someone you know is in coaching. They ask you to fill in a short questionnaire "
            "about what you notice since the coaching started.",
        ),
        Text(
            "Zo leren coaches wat coaching betekent voor de mensen om iemand heen.",
            "This helps coaches learn what coaching means for the people around someone.",
        ),
        Text(
            "Je antwoorden worden bewaard onder een code, niet onder je naam.",
            "Your answers are stored under a code, not under your name.",
        ),
        Text(
            "De coach, de coachee en wie het onderzoek leidt, zien alleen een gemiddelde van "
            "minstens drie mensen uit jouw groep (bijvoorbeeld drie collega's).",
            "The coach, the coachee and whoever leads the study only see an average of at "
            "least three people of your group (for example three colleagues).",
        ),
        Text(
            "Meedoen is vrijwillig. Je kunt altijd stoppen via deze link. Dan worden je "
            "antwoorden gewist.",
            "Taking part is voluntary. You can stop at any time through this link. Your answers "
            "are then deleted.",
        ),
    ),
    "identifiable-1": (
        Text(
            "Jij bent de enige partner van de coachee. Daarom ziet de coachee je antwoorden "
            "niet. Dat verandert alleen als je hieronder kiest dat de coach en de coachee ze "
            "mogen zien. Kies je dat niet? Dan telt de coach je cijfers alleen mee in een "
            "gemiddelde van minstens drie partners. Niemand ziet dan wat je schrijft.",
            "You are the coachee's only partner. So the coachee does not see your answers. That "
            "only changes if you choose below that the coach and the coachee may see them. If "
            "you do not choose that, the coach only counts your scores in an average of at "
            "least three partners. Nobody then sees what you write.",
        ),
    ),
    IDENTIFIABLE_CONSENT: (
        Text(
            "Jij bent de enige partner van de coachee. Daarom ziet de coachee je antwoorden "
            "niet. Dat verandert alleen als je hieronder kiest dat de coach en de coachee ze "
            "mogen zien. Kies je dat niet? Dan telt de coach je cijfers alleen mee in een "
            "gemiddelde van minstens drie partners.",
            "You are the coachee's only partner. So the coachee does not see your answers. That "
            "only changes if you choose below that the coach and the coachee may see them. If "
            "you do not choose that, the coach only counts your scores in an average of at "
            "least three partners.",
        ),
    ),
}


def consent_points(version: str, *, lead: str = "") -> list[str]:
    """The points of a consent text in the current language, with the study lead's name."""
    return [
        str(point) % {"lead": lead} if "%(lead)s" in str(point) else str(point)
        for point in CONSENT_TEXTS[version]
    ]
