"""Tests of the themes engine's labels (coachbridge.engine.themes.describe)."""

from __future__ import annotations

from collections import Counter

import pytest

from coachbridge.engine import text as textmod
from coachbridge.engine.themes import Note
from coachbridge.engine.themes.describe import (
    _span_is_clean,
    distinctive,
    label_and_keywords,
    support,
)
from coachbridge.engine.themes.represent import EMBEDDING_WEIGHT, Corpus, represent

pytestmark = pytest.mark.unit

# one café theme of the demo (Impact Meeting, "Bruggen bouwen tussen wetenschap en praktijk")
CAFE = [
    "Coaches meteen laten meedenken over de onderzoeksvraag",
    "Samen met coaches de opzet van een studie bedenken",
    "Coaches zelf laten meten in hun eigen praktijk",
    "Praktijkgericht onderzoek met een paar coaches samen",
    "Meer kwalitatief onderzoek: interviews en casussen",
    "Cijfers zeggen niet alles over een traject",
    "Actieonderzoek past goed bij hoe coaches werken",
    "Wetenschappelijke artikelen zijn voor coaches slecht te lezen",
    "Schrijf samenvattingen in gewone taal",
    "Onderzoek staat vaak achter een betaalmuur",
    "Onderzoekers zouden les moeten krijgen in wetenschapscommunicatie",
    "Een korte video werkt beter dan een paper",
    "Ook vertellen welke methodes niet meer kloppen",
    "Populaire modellen debunken die niet valide blijken",
    "Veel coaches gebruiken nog verouderde persoonlijkheidstests",
    "Een vast leernetwerk van onderzoekers en coaches",
    "Regelmatig samenkomen, niet één keer per jaar",
    "Een community waar je je vragen kwijt kunt",
    "Praktijkmensen betrekken bij het delen van resultaten",
    "Onderzoekers koppelen aan coaches die mee willen doen",
]


def corpus_of(texts: list[str]) -> Corpus:
    return represent([Note(f"n{i}", t) for i, t in enumerate(texts)], None, EMBEDDING_WEIGHT)


def label_of(corpus: Corpus, members: list[int]) -> tuple[str, tuple[str, ...]]:
    doc_freq: Counter[str] = Counter()
    for feats in corpus.feats:
        doc_freq.update(feats.keys())
    weight = distinctive(members, corpus.feats, doc_freq, len(corpus.feats))
    return label_and_keywords(members, members, corpus, weight)


def shared_by(label: str, corpus: Corpus, members: list[int]) -> int:
    """How many of the members share a stem or lexicon concept with the label."""
    keys = {f for f in textmod.analyse(label, "nl").features() if f[:2] in {"s:", "c:"}}
    return sum(bool(keys & set(corpus.feats[i])) for i in members)


def test_a_rare_word_of_one_note_does_not_become_the_label() -> None:
    # the demo's sub-theme that was labelled "persoonlijkheidstests": a word of one note only,
    # standing for several features at once (concept, broader concepts, stem, parts)
    corpus = corpus_of(CAFE)
    members = [2, 3, 6, 14, 15]
    label, keywords = label_of(corpus, members)
    assert "persoonlijkheidstests" in keywords  # still a keyword: it is distinctive
    assert "persoonlijkheidstests" not in label.lower()
    assert any(label in CAFE[i] for i in members)
    assert shared_by(label, corpus, members) >= 2


def test_every_label_word_is_shared_when_notes_share_words() -> None:
    corpus = corpus_of(CAFE)
    for members in ([7, 8, 9, 11, 13], [2, 3, 6, 14, 15], [0, 10, 16, 17, 19]):
        label, _keywords = label_of(corpus, members)
        assert any(label in CAFE[i] for i in members), label
        assert shared_by(label, corpus, members) >= 2, label


def test_nothing_shared_falls_back_to_the_most_central_note() -> None:
    texts = [
        "Vergoeding via de gemeente",
        "Verouderde persoonlijkheidstests",
        "Een korte video maken",
        "Coaching in groepen",
        "Teamcoaching en groepsdynamiek",
        "Groepen coachen",
    ]
    corpus = corpus_of(texts)
    order = [1, 0, 2]  # note 1 is taken as the most central
    doc_freq: Counter[str] = Counter()
    for feats in corpus.feats:
        doc_freq.update(feats.keys())
    weight = distinctive([0, 1, 2], corpus.feats, doc_freq, len(texts))
    notes_of = support([0, 1, 2], corpus.feats)
    assert not any(len(where) >= 2 for where in notes_of.values())  # nothing shared
    label, _keywords = label_and_keywords([0, 1, 2], order, corpus, weight)
    assert label in texts[1]


def test_a_label_does_not_cut_a_lexicon_phrase() -> None:
    analysis = textmod.analyse("Er is een grijs gebied tussen coaching en hulpverlening", "nl")
    words = [t.surface.lower() for t in analysis.tokens]
    grijs, gebied, tussen = words.index("grijs"), words.index("gebied"), words.index("tussen")
    assert any(m.first == grijs and m.last == gebied for m in analysis.matches)
    assert _span_is_clean(analysis, grijs, gebied)
    assert not _span_is_clean(analysis, gebied, tussen + 1)
    assert not _span_is_clean(analysis, grijs, grijs)


def test_a_single_theme_is_labelled_by_its_shared_words() -> None:
    # one theme of all the notes: no feature can be more frequent in it than overall
    texts = ["Groepscoaching onderzoeken", "Coaching in groepen", "Dynamiek in groepen"]
    corpus = corpus_of(texts)
    label, _keywords = label_of(corpus, [0, 1, 2])
    assert shared_by(label, corpus, [0, 1, 2]) >= 2, label


def test_a_negation_is_never_a_keyword_nor_the_edge_of_a_label():
    corpus = corpus_of(CAFE)
    with_negation = [i for i, text in enumerate(CAFE) if " niet " in f" {text} "]

    label, keywords = label_of(corpus, with_negation)

    assert len(with_negation) == 4
    assert "niet" not in keywords
    assert label.split()[0] != "niet" and label.split()[-1] != "niet"
