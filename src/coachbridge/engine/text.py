"""Shared text understanding for the engine: Dutch and English, and mixes of both.

One module used by the themes engine (World Café harvest), the marketplace matching and the
research-agenda duplicate finder. Everything is pure Python plus PyStemmer and wordfreq (both
imported lazily); the data files in ``engine/data/`` are read once, on first use.

The main entry point is :func:`analyse`, which turns a short text into an :class:`Analysis`:
language, tokens (with their character offsets in the original text), stems of content words,
Dutch compound parts and concepts of the bilingual lexicon. ``Analysis.features()`` gives a
weighted bag of features (``c:`` concept, ``b:`` broader concept, ``s:`` stem, ``p:`` compound
part) ready for TF-IDF. See docs/algorithms/text.md.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, Lang] = ("nl", "en")

# Stemmer per language. Snowball 3's "dutch" (Kraaij-Pohlmann) strips ge-/be- and merges
# begeleiding with beleid, gemeente with menen, gezin with zin; the classic Porter-style
# "dutch_porter" keeps them apart (docs/algorithms/text.md).
STEMMER_NAMES: dict[Lang, str] = {"nl": "dutch_porter", "en": "english"}

# Compound splitting (Dutch): parts need this Zipf frequency, words at or above
# SPLIT_MAX_ZIPF are common enough to be left whole.
SPLIT_MIN_WORD = 7
SPLIT_MIN_PART_ZIPF = 2.5
SPLIT_MAX_ZIPF = 3.0
SPLIT_MIN_HEAD = 3
SPLIT_MIN_TAIL = 4
LINKERS = ("", "s", "e", "en", "-")

_WORD_RE = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*", re.UNICODE)


# ---------------------------------------------------------------------------------------------
# Data structures


@dataclass(frozen=True)
class Token:
    """A word as it stands in the text: ``text[start:end] == surface``."""

    surface: str
    start: int
    end: int
    lower: str  # case-folded, accents kept (for frequency look-ups)
    norm: str  # case-folded, accents removed, apostrophes dropped (for matching)


@dataclass(frozen=True)
class Concept:
    """One lexicon entry."""

    id: str
    broader: str | None
    terms: dict[str, tuple[str, ...]]  # language -> terms
    # terms that mean this only in their own language (false friends: Dutch "rapport" is a
    # report, English "stage" a podium), written with a leading "=" in the lexicon
    own_language_only: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ConceptMatch:
    """A lexicon concept found at tokens ``[first, last]`` (inclusive) of an analysis."""

    concept: str
    first: int
    last: int
    via_part: bool = False  # found through a compound part, not the whole word


@dataclass(frozen=True)
class FeatureWeights:
    """Weights of the feature kinds in :meth:`Analysis.features`.

    A concept found only through a compound part counts ``part`` times ``concept``; a broader
    concept ``d`` levels up counts ``broader ** d`` times the concept that led to it.
    """

    concept: float = 1.0
    broader: float = 0.5
    stem: float = 1.0
    part: float = 0.5


DEFAULT_WEIGHTS = FeatureWeights()


@dataclass(frozen=True)
class Analysis:
    """The result of :func:`analyse`."""

    text: str
    lang: Lang
    tokens: tuple[Token, ...]
    stems: tuple[str | None, ...]  # per token; None for stop words
    parts: tuple[tuple[str, ...], ...]  # per token: compound parts (stems), empty if none
    matches: tuple[ConceptMatch, ...]

    @property
    def concepts(self) -> list[str]:
        """Concept ids found, in text order, without repeats."""
        return list(dict.fromkeys(m.concept for m in self.matches))

    def features(self, weights: FeatureWeights = DEFAULT_WEIGHTS) -> dict[str, float]:
        """Weighted bag of features: ``c:``/``b:`` concepts, ``s:`` stems, ``p:`` parts.

        A feature found more than once keeps its highest weight (notes are short; repeating a
        word does not make it more important).
        """
        feats: dict[str, float] = {}

        def add(key: str, weight: float) -> None:
            if weight > feats.get(key, 0.0):
                feats[key] = weight

        for m in self.matches:
            weight = weights.concept * (weights.part if m.via_part else 1.0)
            add("c:" + m.concept, weight)
            for depth, up in enumerate(broader_chain(m.concept), start=1):
                add("b:" + up, weight * weights.broader**depth)
        for stem_, parts in zip(self.stems, self.parts, strict=True):
            if stem_ is not None:
                add("s:" + stem_, weights.stem)
            for part in parts:
                add("p:" + part, weights.part)
        return feats


# ---------------------------------------------------------------------------------------------
# Normalisation and tokens


def fold(word: str) -> str:
    """Case-fold and remove accents and apostrophes: ``"Casuïstiek"`` -> ``"casuistiek"``."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "'\u2019")


def tokenize(text: str) -> list[Token]:
    """Words (letters and digits; hyphens split words), with offsets into ``text``."""
    tokens: list[Token] = []
    for m in _WORD_RE.finditer(text):
        surface = m.group(0)
        lower = unicodedata.normalize("NFC", surface.casefold()).replace("\u2019", "'")
        tokens.append(Token(surface, m.start(), m.end(), lower, fold(surface)))
    return tokens


def normalise(text: str) -> str:
    """The folded tokens joined by single spaces."""
    return " ".join(t.norm for t in tokenize(text))


# ---------------------------------------------------------------------------------------------
# Data files (lazy, cached)


def _data_lines(name: str) -> list[str]:
    raw = resources.files("coachbridge.engine").joinpath("data", name).read_text("utf-8")
    return [line for line in raw.splitlines() if line.strip() and not line.startswith("#")]


@cache
def stopwords(lang: Lang) -> frozenset[str]:
    """Stop words of a language (folded forms)."""
    words: set[str] = set()
    for line in _data_lines("stopwords.txt"):
        code, _, rest = line.partition("\t")
        if code == lang:
            words.update(fold(w) for w in rest.split())
    return frozenset(words)


def is_stopword(word: str, lang: Lang | None = None) -> bool:
    """True if ``word`` (any case) is a stop word in ``lang`` (or in either language)."""
    key = fold(word)
    langs = LANGS if lang is None else (lang,)
    return any(key in stopwords(code) for code in langs)


@cache
def protected_words() -> dict[str, str]:
    """Words with a fixed stem that are never split (``data/protected.tsv``)."""
    table: dict[str, str] = {}
    for line in _data_lines("protected.tsv"):
        word, stem_ = line.split("\t")
        table[fold(word)] = stem_
    return table


@cache
def lexicon() -> dict[str, Concept]:
    """The bilingual concept lexicon (``data/lexicon.tsv``), by concept id."""
    concepts: dict[str, Concept] = {}
    for line in _data_lines("lexicon.tsv"):
        cid, broader, nl_terms, en_terms = line.split("\t")
        terms: dict[str, tuple[str, ...]] = {}
        bound: set[str] = set()
        for lang, column in (("nl", nl_terms), ("en", en_terms)):
            found = []
            for written in column.split("|"):
                term = written.strip()
                if term.startswith("="):
                    term = term[1:]
                    bound.add(term)
                if term:
                    found.append(term)
            terms[lang] = tuple(found)
        concepts[cid] = Concept(cid, broader or None, terms, frozenset(bound))
    for concept in concepts.values():
        if concept.broader is not None and concept.broader not in concepts:
            raise ValueError(f"lexicon.tsv: {concept.id}: unknown broader {concept.broader!r}")
    return concepts


@cache
def broader_chain(concept_id: str) -> tuple[str, ...]:
    """The broader concepts of ``concept_id``, nearest first (cycles are cut)."""
    chain: list[str] = []
    current = lexicon()[concept_id].broader
    while current is not None and current not in chain and current != concept_id:
        chain.append(current)
        current = lexicon()[current].broader
    return tuple(chain)


@cache
def _frequencies(lang: Lang) -> dict[str, float]:
    import wordfreq  # noqa: PLC0415 -- heavy, loaded on first use

    freqs: dict[str, float] = wordfreq.get_frequency_dict(lang)
    return freqs


def zipf(word: str, lang: Lang) -> float:
    """Zipf frequency (0 = unknown, 7 = very common) of a lower-case word in ``lang``."""
    freq = _frequencies(lang).get(word, 0.0)
    return math.log10(freq * 1e9) if freq > 0 else 0.0


# ---------------------------------------------------------------------------------------------
# Language


def detect_language(text: str | Sequence[Token], default: Lang = "nl") -> Lang:
    """``"nl"`` or ``"en"`` by stop words, then by word frequencies; ties give ``default``."""
    tokens = tokenize(text) if isinstance(text, str) else list(text)
    score = 0.0
    for tok in tokens:
        score += 2.0 * (tok.norm in stopwords("nl")) - 2.0 * (tok.norm in stopwords("en"))
        score += max(-2.0, min(2.0, zipf(tok.lower, "nl") - zipf(tok.lower, "en"))) / 2.0
    if score > 0:
        return "nl"
    if score < 0:
        return "en"
    return default


SENTENCE_MIN_WORDS = 4  # a shorter sentence is too little to tell its language by
_SENTENCE_END = re.compile(r"[.!?;:\n]+")


def sentence_languages(text: str, tokens: Sequence[Token], text_lang: Lang) -> list[Lang]:
    """Per token, the language of its sentence: a post may switch language between sentences
    ("Ik zoek een intervisiegroep. My Dutch is okay, but ..."). A sentence of fewer than
    SENTENCE_MIN_WORDS words keeps the text's language."""
    sentences: list[list[Token]] = [[]]
    ends = (m.end() for m in _SENTENCE_END.finditer(text))
    end = next(ends, len(text))
    for tok in tokens:
        while tok.start >= end < len(text):
            sentences.append([])
            end = next(ends, len(text))
        sentences[-1].append(tok)
    langs: list[Lang] = []
    for sentence in sentences:
        lang = text_lang
        if len(sentence) >= SENTENCE_MIN_WORDS:
            lang = detect_language(sentence, default=text_lang)
        langs.extend([lang] * len(sentence))
    return langs


def token_language(token: Token, text_lang: Lang) -> Lang:
    """The language of one word: the text's, unless the word is clearly from the other one."""
    other: Lang = "en" if text_lang == "nl" else "nl"
    if token.norm in stopwords(other) and token.norm not in stopwords(text_lang):
        return other
    if zipf(token.lower, other) - zipf(token.lower, text_lang) >= 1.5:
        return other
    return text_lang


# ---------------------------------------------------------------------------------------------
# Stemming and compounds


@cache
def _stemmer(lang: Lang) -> Any:
    import Stemmer  # noqa: PLC0415 -- heavy, loaded on first use

    return Stemmer.Stemmer(STEMMER_NAMES[lang])


@lru_cache(maxsize=200_000)
def stem(word: str, lang: Lang) -> str:
    """Stem of one word (folded first); protected words keep their fixed stem."""
    key = fold(word)
    fixed = protected_words().get(key)
    if fixed is not None:
        return fixed
    if lang == "nl" and key.endswith("s") and len(key) > 5 and zipf(key[:-1], "nl") >= 3.0:
        key = key[:-1]  # plural -s, which dutch_porter leaves on: organisaties, coaches
    stemmed: str = _stemmer(lang).stemWord(key)
    return stemmed


@lru_cache(maxsize=200_000)
def split_compound(word: str) -> tuple[str, ...]:
    """Split a Dutch compound into its parts: ``"coachingsonderzoek"`` -> coaching, onderzoek.

    Returns ``()`` when the word is not split (short, common, protected, or no good split).
    Parts are known Dutch (or loan) words of Zipf >= 2.5, the first at least 3 letters, the
    last at least 4, joined directly or with a linking -s-, -e-, -en- or hyphen; among the
    valid splits the one with the fewest parts and then the most frequent rarest part wins.
    """
    low = unicodedata.normalize("NFC", word.casefold())
    if len(low) < SPLIT_MIN_WORD or fold(low) in protected_words():
        return ()
    if zipf(low, "nl") >= SPLIT_MAX_ZIPF:
        return ()
    n = len(low)

    # best[i] = (number of parts, -min zipf, parts) for low[i:]
    best: list[tuple[int, float, tuple[str, ...]] | None] = [None] * (n + 1)
    best[n] = (0, -99.0, ())
    for i in range(n - 1, -1, -1):
        candidates: list[tuple[int, float, tuple[str, ...]]] = []
        for j in range(i + SPLIT_MIN_HEAD, n + 1):
            part = low[i:j]
            is_last = j == n
            if is_last and len(part) < SPLIT_MIN_TAIL:
                continue
            part_zipf = max(zipf(part, "nl"), zipf(part, "en") - 1.0)
            if part_zipf < SPLIT_MIN_PART_ZIPF:
                continue
            for link in LINKERS if not is_last else ("",):
                k = j + len(link)
                if k > n or low[j:k] != link or (not is_last and k == n):
                    continue
                rest = best[k]
                if rest is None:
                    continue
                candidates.append((rest[0] + 1, max(rest[1], -part_zipf), (part, *rest[2])))
        if candidates:
            best[i] = min(candidates)
    result = best[0]
    if result is None or result[0] < 2:
        return ()
    return tuple(fold(p) for p in result[2])


# ---------------------------------------------------------------------------------------------
# Lexicon matching


@dataclass
class _TrieNode:
    children: dict[str, _TrieNode] = field(default_factory=dict)
    concepts: list[str] = field(default_factory=list)
    # concept -> the languages in which the words of this node mean it, when not all of them
    only_in: dict[str, set[Lang]] = field(default_factory=dict)

    def add(self, concept: str, lang: Lang | None) -> None:
        """Make this node mean ``concept`` (in text of ``lang`` only, unless it is None)."""
        if concept not in self.concepts:
            self.concepts.append(concept)
            if lang is not None:
                self.only_in[concept] = {lang}
        elif concept in self.only_in:
            if lang is None:
                del self.only_in[concept]
            else:
                self.only_in[concept].add(lang)

    def concepts_in(self, langs: Sequence[Lang]) -> list[str]:
        """The concepts of this node for words in ``langs`` (one language per word)."""
        return [
            c
            for c in self.concepts
            if c not in self.only_in or all(lang in self.only_in[c] for lang in langs)
        ]


def _keys(token: Token, lang: Lang) -> set[str]:
    """Match keys of a word: its folded form and its stem in ``lang``."""
    return {token.norm, stem(token.norm, lang)}


@cache
def _trie() -> _TrieNode:
    root = _TrieNode()
    for concept in lexicon().values():
        for lang in LANGS:
            for term in concept.terms[lang]:
                toks = tokenize(term)
                if not toks:
                    continue
                only: Lang | None = lang if term in concept.own_language_only else None
                # a term is reachable through its stemmed form and its plain folded form
                for variant in (
                    [stem(t.norm, lang) for t in toks],
                    [t.norm for t in toks],
                ):
                    node = root
                    for key in variant:
                        node = node.children.setdefault(key, _TrieNode())
                    node.add(concept.id, only)
    return root


def _token_keys(token: Token, lang: Lang) -> dict[str, int]:
    """Match keys of a word in a sentence of ``lang``: 0 for its folded form and its stem in
    that language, 1 for a key only the other language's stemmer gives. A mixed text needs
    both, but an own-language key wins a tie: the Dutch stem of "career" is "carer"."""
    other: Lang = "en" if lang == "nl" else "nl"
    keys = dict.fromkeys(_keys(token, other), 1)
    keys.update(dict.fromkeys(_keys(token, lang), 0))
    return keys


def match_concepts(tokens: Sequence[Token], langs: Sequence[Lang]) -> list[ConceptMatch]:
    """Lexicon concepts in a token sequence: longest match first, matches do not overlap.
    ``langs`` is each token's language (its sentence's): a term marked as meaning the concept
    only in its own language matches only words of that language."""
    root = _trie()
    keys = [_token_keys(t, lang) for t, lang in zip(tokens, langs, strict=True)]
    found: list[ConceptMatch] = []
    i = 0
    while i < len(tokens):
        # depth-first walk over the trie, every token may go through any of its keys; the
        # longest match wins, then the one with fewer keys of the other language
        best_end, best_foreign = -1, 0
        best_concepts: list[str] = []
        frontier: list[tuple[_TrieNode, int, int]] = [(root, i, 0)]
        while frontier:
            node, pos, foreign = frontier.pop()
            here = node.concepts_in(langs[i:pos]) if node.only_in else node.concepts
            if here and (pos - 1 > best_end or (pos - 1 == best_end and foreign < best_foreign)):
                best_end, best_foreign, best_concepts = pos - 1, foreign, here
            if pos < len(tokens):
                for key, cost in sorted(keys[pos].items()):
                    child = node.children.get(key)
                    if child is not None:
                        frontier.append((child, pos + 1, foreign + cost))
        if best_end >= i and not all(
            is_stopword(t.norm) or len(t.norm) < 2 for t in tokens[i : best_end + 1]
        ):
            found.extend(ConceptMatch(c, i, best_end) for c in best_concepts)
            i = best_end + 1
        else:
            i += 1
    return found


def part_concepts(part: str) -> list[str]:
    """Concepts of a part of a Dutch compound word."""
    node = _trie()
    for lang in LANGS:
        for key in (part, stem(part, lang)):
            child = node.children.get(key)
            if child is not None and (found := child.concepts_in(("nl",))):
                return found
    return []


def concept_terms(concept_id: str, lang: Lang | None = None) -> list[str]:
    """The lexicon terms of a concept (both languages unless ``lang`` is given)."""
    concept = lexicon()[concept_id]
    langs = LANGS if lang is None else (lang,)
    return [term for code in langs for term in concept.terms[code]]


# ---------------------------------------------------------------------------------------------
# Character n-grams


def char_ngrams(text: str, n_min: int = 3, n_max: int = 5) -> list[str]:
    """Character n-grams of each folded word padded with spaces (like scikit-learn char_wb)."""
    grams: list[str] = []
    for tok in tokenize(text):
        padded = f" {tok.norm} "
        for n in range(n_min, n_max + 1):
            if len(padded) < n:
                break
            grams.extend(padded[k : k + n] for k in range(len(padded) - n + 1))
    return grams


# ---------------------------------------------------------------------------------------------
# Analysis


def analyse(text: str, lang: Lang | None = None) -> Analysis:
    """Analyse one short text (a note, a marketplace post, a research question)."""
    tokens = tokenize(text)
    text_lang: Lang = lang if lang is not None else detect_language(tokens)
    stems: list[str | None] = []
    parts: list[tuple[str, ...]] = []
    # false friends are common words of the other language, so a single word's language
    # would say "Dutch" for "rapport" in an English sentence: lexicon terms go by the sentence
    langs = sentence_languages(text, tokens, text_lang)
    for tok, sentence_lang in zip(tokens, langs, strict=True):
        tok_lang = token_language(tok, sentence_lang)
        if len(tok.norm) < 2 or tok.norm in stopwords(tok_lang) or tok.norm.isdigit():
            stems.append(None)
            parts.append(())
            continue
        stems.append(stem(tok.norm, tok_lang))
        pieces = split_compound(tok.lower) if tok_lang == "nl" else ()
        parts.append(tuple(stem(p, "nl") for p in pieces))
    matches = match_concepts(tokens, langs)
    covered = {k for m in matches for k in range(m.first, m.last + 1)}
    seen = {m.concept for m in matches}
    for index, tok in enumerate(tokens):
        if not parts[index]:
            continue
        for piece in split_compound(tok.lower):
            for cid in part_concepts(piece):
                if cid not in seen or index not in covered:
                    matches.append(ConceptMatch(cid, index, index, via_part=True))
                    seen.add(cid)
    return Analysis(text, text_lang, tuple(tokens), tuple(stems), tuple(parts), tuple(matches))


def analyse_many(texts: Iterable[str], lang: Lang | None = None) -> list[Analysis]:
    """:func:`analyse` for each text (the caches make repeated words cheap)."""
    return [analyse(t, lang) for t in texts]


def features(
    text: str, lang: Lang | None = None, weights: FeatureWeights = DEFAULT_WEIGHTS
) -> dict[str, float]:
    """Shortcut for ``analyse(text, lang).features(weights)``."""
    return analyse(text, lang).features(weights)
