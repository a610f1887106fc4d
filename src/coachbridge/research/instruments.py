"""The questionnaires of a practice-based study, written for this project.

Wording is research data, not interface text: a study compares answers given to exactly the
same questions, so each questionnaire is a frozen version with its Dutch and English text side
by side, and the version is stored with every answer. A new wording gets a new version code;
it never goes through the translation catalogue, where an edit would change a running study.

Every item is answered on the same five-point agreement scale, with "I don't know" as an
answer that is stored as no score. A scale's score is the mean of its answered items.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation


@dataclass(frozen=True)
class Text:
    nl: str
    en: str

    def __str__(self) -> str:
        return self.en if translation.get_language() == "en" else self.nl


@dataclass(frozen=True)
class Item:
    code: str
    scale: str
    text: Text


@dataclass(frozen=True)
class Scale:
    code: str
    name: Text


@dataclass(frozen=True)
class Instrument:
    code: str  # "<name>-<version>", stored with each answer
    title: Text
    intro: Text
    scales: tuple[Scale, ...]
    items: tuple[Item, ...]
    open_question: Text | None  # None: no free text is asked

    def items_of(self, scale: str) -> list[Item]:
        return [item for item in self.items if item.scale == scale]


ANSWER_CHOICES = (
    (1, Text("Helemaal mee oneens", "Strongly disagree")),
    (2, Text("Mee oneens", "Disagree")),
    (3, Text("Niet eens, niet oneens", "Neither agree nor disagree")),
    (4, Text("Mee eens", "Agree")),
    (5, Text("Helemaal mee eens", "Strongly agree")),
)
DONT_KNOW = Text("Weet ik niet", "I don't know")

GOAL = Scale("goal", Text("Doel", "Goal"))
WELLBEING = Scale("wellbeing", Text("Welzijn", "Well-being"))
PROCESS = Scale("process", Text("Samenwerking met de coach", "Working with the coach"))
SESSION = Scale("session", Text("De sessie", "The session"))
CHANGE = Scale("change", Text("Verandering bij de coachee", "Change in the coachee"))
RIPPLE = Scale("ripple", Text("Effect op de omgeving", "Effect on the people around"))

COACHEE_ITEMS = (
    Item(
        "goal_clear", "goal", Text("Ik weet wat ik wil bereiken.", "I know what I want to achieve.")
    ),
    Item(
        "goal_progress",
        "goal",
        Text("Ik kom dichter bij mijn doel.", "I am getting closer to my goal."),
    ),
    Item(
        "goal_confidence",
        "goal",
        Text("Ik heb vertrouwen dat ik mijn doel haal.", "I am confident I will reach my goal."),
    ),
    Item(
        "wellbeing_calm",
        "wellbeing",
        Text(
            "De laatste twee weken voelde ik me meestal rustig.",
            "In the last two weeks I mostly felt calm.",
        ),
    ),
    Item(
        "wellbeing_energy",
        "wellbeing",
        Text(
            "De laatste twee weken had ik genoeg energie.",
            "In the last two weeks I had enough energy.",
        ),
    ),
    Item(
        "wellbeing_coping",
        "wellbeing",
        Text(
            "Ik kan goed omgaan met moeilijke situaties.",
            "I can deal well with difficult situations.",
        ),
    ),
    Item(
        "process_understood",
        "process",
        Text("Mijn coach begrijpt mij.", "My coach understands me."),
    ),
    Item(
        "process_focus",
        "process",
        Text(
            "We werken aan wat voor mij belangrijk is.",
            "We work on what matters to me.",
        ),
    ),
    Item(
        "process_fit",
        "process",
        Text("De manier van werken past bij mij.", "The way we work suits me."),
    ),
)

COACHEE_START = Instrument(
    code="coachee-start-1",
    title=Text("Vragenlijst bij de start", "Questionnaire at the start"),
    intro=Text(
        "Denk aan je coaching en aan de laatste twee weken. Er zijn geen goede of foute "
        "antwoorden.",
        "Think of your coaching and of the last two weeks. There are no right or wrong answers.",
    ),
    scales=(GOAL, WELLBEING, PROCESS),
    items=COACHEE_ITEMS,
    open_question=Text(
        "Wat wil je bereiken met coaching?", "What do you want to achieve with coaching?"
    ),
)

COACHEE_END = Instrument(
    code="coachee-end-1",
    title=Text("Vragenlijst aan het einde", "Questionnaire at the end"),
    intro=COACHEE_START.intro,
    scales=(GOAL, WELLBEING, PROCESS),
    items=COACHEE_ITEMS,
    open_question=Text(
        "Wat heeft de coaching voor jou betekend?", "What has the coaching meant to you?"
    ),
)

# A check-in after each session: how the coaching goes, not only where it ends (the process).
COACHEE_SESSION = Instrument(
    code="coachee-session-1",
    title=Text("Na de sessie", "After the session"),
    intro=Text(
        "Denk aan de sessie die je net had. Het kost je een minuut.",
        "Think of the session you just had. It takes you a minute.",
    ),
    scales=(SESSION,),
    items=(
        Item(
            "session_heard",
            "session",
            Text("Ik voelde me gehoord en begrepen.", "I felt heard and understood."),
        ),
        Item(
            "session_focus",
            "session",
            Text("We werkten aan wat ik belangrijk vind.", "We worked on what matters to me."),
        ),
        Item(
            "session_takeaway",
            "session",
            Text(
                "Ik neem iets mee waar ik verder mee kan.",
                "I take away something I can work with.",
            ),
        ),
    ),
    open_question=Text(
        "Wat neem je mee uit deze sessie?", "What do you take away from this session?"
    ),
)

NETWORK = Instrument(
    code="network-2",
    title=Text("Vragenlijst voor iemand uit de omgeving", "Questionnaire for someone close by"),
    intro=Text(
        "Iemand die jij kent, volgt coaching. Denk aan de tijd sinds de coaching begon. Er zijn "
        "geen goede of foute antwoorden.",
        "Someone you know is in coaching. Think of the time since the coaching started. There "
        "are no right or wrong answers.",
    ),
    scales=(CHANGE, RIPPLE),
    items=(
        Item(
            "change_coping",
            "change",
            Text(
                "Ik merk dat deze persoon beter omgaat met moeilijke situaties.",
                "I notice that this person deals better with difficult situations.",
            ),
        ),
        Item(
            "change_communication",
            "change",
            Text(
                "Ik merk dat deze persoon duidelijker zegt wat hij of zij wil.",
                "I notice that this person says more clearly what they want.",
            ),
        ),
        Item(
            "change_energy",
            "change",
            Text(
                "Ik merk dat deze persoon meer energie heeft.",
                "I notice that this person has more energy.",
            ),
        ),
        Item(
            "ripple_contact",
            "ripple",
            Text(
                "Ons contact is beter geworden.",
                "Our contact has improved.",
            ),
        ),
        Item(
            "ripple_learning",
            "ripple",
            Text(
                "Ik heb zelf iets geleerd van de veranderingen.",
                "I have learned something myself from the changes.",
            ),
        ),
        Item(
            "ripple_tension",
            "ripple",
            Text(
                "Er is minder spanning tussen ons.",
                "There is less tension between us.",
            ),
        ),
    ),
    # network-1 also asked "Wat is je opgevallen?". Words of one person can tell who wrote them,
    # and raters are promised that only averages of three or more are seen: no free text.
    open_question=None,
)

INSTRUMENT_OF_MOMENT = {
    "start": COACHEE_START,
    "end": COACHEE_END,
    "session": COACHEE_SESSION,
    "network": NETWORK,
}


def instrument_for(moment: str) -> Instrument:
    """The questionnaire answered at a moment (the values of enums.Moment)."""
    return INSTRUMENT_OF_MOMENT[moment]
