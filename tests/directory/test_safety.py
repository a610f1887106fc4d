"""Words that say someone may be in danger, Dutch and English, direct and indirect."""

import pytest

from coachbridge.directory.safety import SUICIDE, VIOLENCE, danger_in, signals_danger

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text",
    [
        "Ik wil niet meer leven.",
        "ik wil dood, graag hulp",
        "Ik denk aan zelfmoord",
        "Ik ben suïcidaal",
        "Ik zie het niet meer zitten",
        "Soms wil ik er gewoon niet meer zijn",
        "Ik wil er een eind aan maken",
        "Ik wil mijn leven beëindigen",
        "Het leven heeft geen zin meer",
        "Ik wil slapen en nooit meer wakker worden",
        "Ik wil me van kant maken",
        "Ik snijd mezelf",
        "Ik beschadig mezelf",
        "Ik doe mezelf pijn",
        "Iedereen is beter af zonder mij",
        "I want to die",
        "I don't want to live anymore",
        "I can't go on",
        "I want to end it all",
        "I wish I were dead",
        "There is no point in living",
        "I'm thinking about ending my life",
        "I cut myself",
        "I have been self-harming",
        "ik zie geen uitweg meer",
        "Ik denk soms dat ik maar beter dood kan zijn",
        "I feel like giving up, life is pointless",
    ],
)
def test_danger_is_recognised(text):
    assert danger_in(text) == SUICIDE


@pytest.mark.parametrize(
    "text",
    [
        "Mijn man slaat mij en ik durf niet naar huis",
        "Ik word thuis geslagen",
        "Mijn ex-partner bedreigt me",
        "Er is huiselijk geweld bij ons",
        "Ik ben bang voor mijn vader",
        "My husband hits me",
        "I am afraid to go home",
        "This is about domestic violence",
    ],
)
def test_violence_at_home_is_recognised(text):
    assert danger_in(text) == VIOLENCE


@pytest.mark.parametrize(
    "text",
    [
        "Ik loop vast in mijn werk en ben bang voor een burn-out.",
        "Ik ben er niet meer zo zeker van dat dit werk bij me past.",
        "Ik wil een andere baan.",
        "I want to end my contract and find a new career.",
        "My team cannot agree on goals.",
        "Ik zoek een uitweg uit deze baan.",
        "Ik wil doodgewoon meer rust.",
        "Mijn leidinggevende slaat me altijd over bij promoties.",
        "Mijn baas bedreigt me met ontslag.",
        "Mijn collega slaat de plank mis.",
        "Ik durf niet naar mijn baas te stappen.",
        "He beat me to the promotion.",
        "My manager hit me up on LinkedIn.",
        "I feel like giving up my job to travel.",
        "Work is pointless but life is good.",
    ],
)
def test_ordinary_questions_raise_no_alarm(text):
    assert not signals_danger(text)
