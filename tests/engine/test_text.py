"""Tests of coachbridge.engine.text: tokens, language, stems, compounds, lexicon."""

from __future__ import annotations

import pytest

from coachbridge.engine import text

pytestmark = pytest.mark.unit


def test_tokens_keep_offsets_into_the_original_text() -> None:
    note = "Collega\u2019s merken het; AI-tools & coaching!"
    tokens = text.tokenize(note)
    assert [t.surface for t in tokens] == [
        "Collega\u2019s",
        "merken",
        "het",
        "AI",
        "tools",
        "coaching",
    ]
    assert all(note[t.start : t.end] == t.surface for t in tokens)
    assert tokens[0].norm == "collegas"


def test_fold_removes_case_and_accents() -> None:
    assert text.fold("Casuïstiek") == "casuistiek"
    assert text.fold("Café") == "cafe"
    assert text.normalise("Wéreld  Café!") == "wereld cafe"


def test_begeleiding_and_beleid_get_different_stems() -> None:
    assert text.stem("begeleiding", "nl") != text.stem("beleid", "nl")
    assert text.stem("gemeente", "nl") != text.stem("menen", "nl")
    assert text.stem("gezin", "nl") != text.stem("zin", "nl")


def test_stems_join_inflected_forms() -> None:
    assert text.stem("groepen", "nl") == text.stem("groep", "nl")
    assert text.stem("onderzoekers", "nl") == text.stem("onderzoeker", "nl")
    assert text.stem("organisaties", "nl") == text.stem("organisatie", "nl")
    assert text.stem("coaches", "en") == text.stem("coach", "en")
    assert text.stem("coachee", "nl") != text.stem("coach", "nl")


def test_compound_splitting() -> None:
    assert text.split_compound("coachingsonderzoek") == ("coaching", "onderzoek")
    assert text.split_compound("groepscoaching") == ("groep", "coaching")
    assert text.split_compound("teamcoaching") == ("team", "coaching")
    assert text.split_compound("organisatiecultuur") == ("organisatie", "cultuur")
    assert text.split_compound("olievlekwerking") == ("olievlek", "werking")


def test_words_that_must_not_be_split() -> None:
    assert text.split_compound("coaching") == ()
    assert text.split_compound("onderzoek") == ()
    assert text.split_compound("leidinggevende") == ()
    assert text.split_compound("gezondheidszorg") == ()


@pytest.mark.parametrize(
    ("dutch", "english", "concept"),
    [
        ("groepscoaching", "group coaching", "group_coaching"),
        ("rimpeleffect", "ripple effect", "ripple_effect"),
        ("leidinggevende als coach", "line manager as coach", "manager_as_coach"),
        ("kwalitatief onderzoek", "qualitative research", "qualitative"),
        ("burn-out", "burnout", "burnout"),
        ("jip-en-janneketaal", "plain language", "plain_language"),
        ("geestelijke gezondheidszorg", "mental health care", "mental_health_care"),
        ("democratisering", "democratising", "democratisation"),
        ("actieonderzoek", "action research", "action_research"),
        ("lerend netwerk", "learning network", "learning_network"),
    ],
)
def test_dutch_and_english_synonyms_map_to_one_concept(
    dutch: str, english: str, concept: str
) -> None:
    assert concept in text.analyse(dutch).concepts
    assert concept in text.analyse(english).concepts


def test_compound_parts_reach_concepts() -> None:
    analysis = text.analyse("coachingsonderzoek")
    assert {"coaching", "research"} <= set(analysis.concepts)
    assert analysis.parts[0] == (text.stem("coaching", "nl"), text.stem("onderzoek", "nl"))


def test_a_match_made_of_stop_words_only_does_not_count() -> None:
    # "kan" (can) stems like "kans" (opportunity) but is a stop word
    assert "opportunities_risks" not in text.analyse("Kan een chatbot coachen?").concepts
    assert "chatbot" in text.analyse("Kan een chatbot coachen?").concepts


def test_broader_concepts_become_features() -> None:
    feats = text.analyse("Kan een chatbot coachen?").features()
    assert feats["c:chatbot"] == 1.0
    assert feats["b:ai"] == 0.5
    assert feats["b:technology"] == 0.25
    flat = text.analyse("chatbot").features(text.FeatureWeights(broader=1.0, stem=0.0))
    assert flat["b:technology"] == 1.0
    assert "s:chatbot" not in flat


def test_language_detection() -> None:
    assert text.detect_language("Coaching in de GGZ") == "nl"
    assert text.detect_language("wat doet de groep met het individu?") == "nl"
    assert text.detect_language("Costs are a barrier") == "en"
    assert text.detect_language("who gets access to coaching?") == "en"
    assert text.detect_language("") == "nl"
    assert text.detect_language("", default="en") == "en"


def test_each_sentence_is_read_in_its_own_language() -> None:
    post = (
        "I am a coach from abroad. Ik zoek een intervisiegroep in Den Haag. "
        "My Dutch is okay for reading, but I prefer the sessions in English."
    )
    analysis = text.analyse(post)
    stems = dict(zip((t.surface for t in analysis.tokens), analysis.stems, strict=True))
    parts = dict(zip((t.surface for t in analysis.tokens), analysis.parts, strict=True))

    assert analysis.lang == "en"
    assert parts["intervisiegroep"] == ("intervisie", "groep")  # Dutch compound splitting
    assert stems["sessions"] == "session"  # English stemming

    mixed = "Kort. This one is English all the way. Dit is een Nederlandse zin."
    langs = text.sentence_languages(mixed, text.tokenize(mixed), "en")
    assert langs == ["en"] + ["en"] * 7 + ["nl"] * 5  # "Kort": one word is too little to tell


@pytest.mark.parametrize(
    ("own_language", "other_language", "concept"),
    [
        (
            "AI coaching bots: do they build rapport?",
            "We hebben een rapport van 60 pagina's.",
            "working_alliance",
        ),
        (
            "Looking for a stage to share my findings.",
            "Een student die dit als stage wil doen?",
            "speaking",
        ),
        ("Ieder kind verdient een goede coach.", "What kind of coach do I need?", "youth"),
        ("Mijn chef stuurt me naar een coach.", "A chef who wants a career change.", "manager"),
        ("Coaches need rest.", "De rest van de groep bleef.", "work_life"),
    ],
)
def test_false_friends_mean_the_concept_only_in_their_own_language(
    own_language: str, other_language: str, concept: str
) -> None:
    assert concept in text.analyse(own_language).concepts
    assert concept not in text.analyse(other_language).concepts


def test_false_friends_are_read_without_their_mark_and_not_in_dutch_compounds() -> None:
    assert "rapport" in text.concept_terms("working_alliance", "en")
    assert "rapport" in text.lexicon()["working_alliance"].own_language_only
    assert "speaking" not in text.analyse("Ik zoek een stageplek").concepts


def test_stop_words_in_both_languages_but_not_negations() -> None:
    assert text.is_stopword("de")
    assert text.is_stopword("The")
    assert text.is_stopword("het", "nl")
    assert not text.is_stopword("het", "en")
    assert not text.is_stopword("niet")
    assert not text.is_stopword("geen")
    analysis = text.analyse("de coach en het team")
    assert analysis.stems[0] is None
    assert analysis.stems[1] == "coach"


def test_lexicon_is_bilingual_and_consistent() -> None:
    concepts = text.lexicon()
    assert len(concepts) >= 200
    for concept in concepts.values():
        assert concept.terms["nl"], concept.id
        assert concept.terms["en"], concept.id
        assert concept.broader is None or concept.broader in concepts
    assert text.broader_chain("chatbot") == ("ai", "technology")
    assert "kunstmatige intelligentie" in text.concept_terms("ai", "nl")


def test_char_ngrams_are_word_bounded() -> None:
    grams = text.char_ngrams("AI coach", 3, 4)
    assert " ai" in grams
    assert "ai " in grams
    assert " coa" in grams
    assert "i c" not in grams


def test_analysis_is_deterministic() -> None:
    note = "Samenwerking tussen coaches en praktijkondersteuners in de ggz"
    assert text.analyse(note) == text.analyse(note)
    assert text.features(note) == text.analyse(note).features()


@pytest.mark.parametrize(
    ("sentence", "concept", "not_concept"),
    [
        # the Dutch stemmer makes "career" "carer", an English word for informal care
        ("I want to change my career.", "career", "informal_care"),
        ("She wants a new career in care.", "career", "informal_care"),
        ("Informal carers need support too.", "informal_care", "career"),
    ],
)
def test_a_words_own_language_wins_over_the_other_languages_stem(
    sentence: str, concept: str, not_concept: str
) -> None:
    concepts = text.analyse(sentence).concepts

    assert concept in concepts
    assert not_concept not in concepts


@pytest.mark.parametrize(
    "sentence", ["Ik heb veel stress op mijn werk.", "I have a lot of stress at work."]
)
def test_stress_is_not_read_as_depression(sentence: str) -> None:
    concepts = text.analyse(sentence).concepts

    assert "stress" in concepts
    assert "depression" not in concepts
