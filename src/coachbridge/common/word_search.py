"""Search by words that understands Dutch and English, the same on SQLite and PostgreSQL.

A row keeps a ``search_text``: the folded stems and Dutch compound parts of its words and,
with ``concepts=True``, the lexicon concepts it speaks of and their broader concepts, between
spaces (" c:research c:working_alliance coachingsgesprek gesprek ... "). A query word matches
a row when one of its alternatives is there: its Dutch or English stem or, with concepts, a
concept the query speaks of with this word. So "coachingsgesprekken" finds "coachingsgesprek",
"gesprek" finds "coachingsgesprek", and with concepts "working alliance" finds "werkrelatie"
and "research" finds "meedoen aan onderzoek". Every query word must match. With concepts, a Dutch
compound in the query also matches where all its parts are ("teamcoaching": a team and
coaching), but not where only one is (every post about coaching).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from coachbridge.engine import text as engine_text

CONCEPT = "c:"


def engine_lang(code: str) -> engine_text.Lang:
    """The engine's language for a stored language code (anything but English is Dutch)."""
    return "en" if code == "en" else "nl"


def index_terms(text: str, lang: str, *, concepts: bool = False) -> set[str]:
    """The terms under which a text can be found."""
    analysis = engine_text.analyse(text, engine_lang(lang))
    terms: set[str] = set()
    for token, stem, parts in zip(analysis.tokens, analysis.stems, analysis.parts, strict=True):
        if stem is None:
            continue
        terms.add(stem)
        terms.add(engine_text.stem(token.norm, engine_lang(lang)))
        terms.update(parts)
    if concepts:
        # the concepts of the text, and those of each word on its own: the text's longest
        # match hides shorter ones ("meedoen aan onderzoek" is research with coaches, and
        # "meedoen" alone is taking part in a study), and a search should find both
        found = set(analysis.concepts)
        for token in analysis.tokens:
            found.update(
                m.concept for m in engine_text.match_concepts([token], [engine_lang(lang)])
            )
        for concept in found:
            terms.add(CONCEPT + concept)
            terms.update(CONCEPT + up for up in engine_text.broader_chain(concept))
    return terms


def search_text(text: str, lang: str, *, concepts: bool = False) -> str:
    """The value to store in a row's ``search_text``."""
    return " " + " ".join(sorted(index_terms(text, lang, concepts=concepts))) + " "


@dataclass(frozen=True)
class QueryWord:
    typed: str  # the word as typed (lower case)
    terms: frozenset[str]  # what it may match in a search text: any one of these
    # a Dutch compound also matches when every part is there: per part, any of its terms
    parts: tuple[frozenset[str], ...] = ()


def query_words(query: str, *, concepts: bool = False) -> list[QueryWord]:
    """The words of a query that count, with the terms each may match; stop words are dropped.
    With ``concepts``, the concepts a word speaks of count too, but those of a compound's
    parts only together: "teamcoaching" is a team and coaching, not every post about coaching."""
    tokens = engine_text.tokenize(query)
    spoken_of: dict[int, set[str]] = {}
    if concepts:
        for lang in engine_text.LANGS:
            for match in engine_text.analyse(query, lang).matches:
                if match.via_part:
                    continue
                for index in range(match.first, match.last + 1):
                    spoken_of.setdefault(index, set()).add(CONCEPT + match.concept)
    return [
        QueryWord(
            token.lower,
            frozenset(
                {engine_text.stem(token.norm, "nl"), engine_text.stem(token.norm, "en")}
                | spoken_of.get(index, set())
            ),
            _compound_parts(token.lower) if concepts else (),
        )
        for index, token in enumerate(tokens)
        if len(token.norm) > 1 and not engine_text.is_stopword(token.norm)
    ]


def _compound_parts(word: str) -> tuple[frozenset[str], ...]:
    """Per part of a Dutch compound: its stem and the concepts it speaks of."""
    return tuple(
        frozenset(
            {engine_text.stem(piece, "nl")}
            | {CONCEPT + concept for concept in engine_text.part_concepts(piece)}
        )
        for piece in engine_text.split_compound(word)
    )


def contains_any(field: str, alternatives: frozenset[str]) -> Q:
    """A condition: ``field`` (a stored search text) holds one of ``alternatives``."""
    condition = Q()
    for term in sorted(alternatives):
        condition |= Q(**{f"{field}__contains": f" {term} "})
    return condition


def matching(field: str, word: QueryWord) -> Q:
    """A condition: ``field`` (a stored search text) holds what ``word`` may match."""
    condition = contains_any(field, word.terms)
    if word.parts:
        condition |= Q(*(contains_any(field, part) for part in word.parts))
    return condition
