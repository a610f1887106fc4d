"""The signals of the readability engine: per word, per sentence and per text.

Word look-ups (frequency, syllables, compound parts) are cached per distinct word and language,
so a long text costs one look-up per distinct word. The wordfreq lists and the data files are
loaded once, through ``engine/text.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from coachbridge.engine import text as textmod
from coachbridge.engine.readability.sentences import syllables
from coachbridge.engine.text import Lang, Token

# Thresholds of the issues (docs/algorithms/readability.md explains each).
LONG_SENTENCE_WORDS = 20  # more words than this: long_sentence
RARE_ZIPF: dict[str, float] = {"nl": 2.5, "en": 3.0}  # below: rare_word (the Dutch list is smaller)
COMMON_ZIPF = 4.5  # words this common are never long_word (organisatie, available)
PART_ZIPF = 3.0  # a rare Dutch compound is fine when every part is at least this common
LONG_WORD_SYLLABLES = 5  # at least this many syllables: long_word
LONG_WORD_LETTERS = 16  # or at least this many letters
LONG_COMPOUND_LETTERS = 13  # a Dutch compound of this length gets the compound advice
CLAUSE_LIMIT = 1  # more subordinate clauses than this in one sentence: clauses
MIN_WORD_LETTERS = 3  # shorter words are never rare or long
MAX_COMPOUND_LETTERS = 30  # longer "words" are not split (splitting is quadratic in length)


def _data_lines(name: str) -> list[str]:
    raw = resources.files("coachbridge.engine").joinpath("data", name).read_text("utf-8")
    return [line for line in raw.splitlines() if line.strip() and not line.startswith("#")]


def _words(lang: str, name: str) -> frozenset[str]:
    """A word list of ``data/readability_words.tsv`` (read when this module is imported)."""
    for line in _data_lines(WORD_LISTS):
        code, key, words = line.split("\t")
        if (code, key) == (lang, name):
            return frozenset(words.split())
    raise KeyError(f"{WORD_LISTS}: no list {name!r} for {lang!r}")


WORD_LISTS = "readability_words.tsv"

# --- passive constructions -------------------------------------------------------------------
_NL_WORDEN = _words("nl", "passive_worden")
_NL_ZIJN = _words("nl", "passive_zijn")
_NL_SEPARABLE = tuple(sorted(_words("nl", "separable_particles"), key=lambda w: (-len(w), w)))
_NL_INSEPARABLE = tuple(sorted(_words("nl", "inseparable_prefixes"), key=lambda w: (-len(w), w)))
# participles that go with "zijn" in the active voice, and participle-like adjectives
_NL_NOT_PASSIVE = _words("nl", "not_passive")
# another finite verb between "zijn" and a participle: "zijn" was a possessive (zijn team heeft)
_NL_OTHER_FINITE = _words("nl", "other_finite_verbs")
_EN_BE = _words("en", "passive_be")
_EN_ADVERBS = _words("en", "passive_adverbs")
_EN_IRREGULAR = _words("en", "irregular_participles")
_EN_NOT_PASSIVE = _words("en", "not_passive")

# --- subordinate clauses -----------------------------------------------------------------------
_NL_SUBORDINATORS = _words("nl", "subordinators")
_NL_PREPOSITIONS = _words("nl", "not_before_relative")
_NL_AFTER_PRONOUN = _words("nl", "not_after_relative")
_EN_SUBORDINATORS = _words("en", "subordinators")
_EN_THAT_NEXT = _words("en", "after_that")
_EN_CONTEXT_WORDS = _words("en", "subordinators_not_first")


@dataclass(frozen=True)
class Word:
    """What the engine knows about one distinct word (cached)."""

    zipf: float
    syllables: int
    stop: bool
    parts: tuple[str, ...]  # Dutch compound parts (folded), empty when not split
    rare: bool
    long: bool


@dataclass(frozen=True)
class JargonTerm:
    lang: str
    term: str
    plain: str
    keys: tuple[str, ...]  # stems of the term's words
    norms: tuple[str, ...]  # folded words of the term


@dataclass
class Found:
    """An issue found in a sentence, before messages are attached."""

    kind: str
    start: int
    end: int
    params: dict[str, str | int]


@dataclass
class SentenceCounts:
    words: int = 0
    syllables: int = 0
    rare: int = 0
    long: int = 0
    passive: int = 0
    clauses: int = 0
    jargon: int = 0

    def add(self, other: SentenceCounts) -> None:
        self.words += other.words
        self.syllables += other.syllables
        self.rare += other.rare
        self.long += other.long
        self.passive += other.passive
        self.clauses += other.clauses
        self.jargon += other.jargon


# ---------------------------------------------------------------------------------------------
# Data


@cache
def jargon_terms(lang: str) -> tuple[JargonTerm, ...]:
    """The jargon list of ``lang`` (``data/jargon.tsv``: lang, term, plain alternative)."""
    terms: list[JargonTerm] = []
    for number, line in enumerate(_data_lines("jargon.tsv"), start=1):
        fields = line.split("\t")
        if len(fields) != 3:
            raise ValueError(f"jargon.tsv: entry {number}: expected 3 tab-separated fields")
        code, term, plain = (f.strip() for f in fields)
        if code != lang:
            continue
        words = textmod.tokenize(term)
        if words:
            keys = tuple(_stem(t.norm, lang) for t in words)
            terms.append(JargonTerm(code, term, plain, keys, tuple(t.norm for t in words)))
    return tuple(terms)


@cache
def _jargon_index(lang: str) -> dict[str, tuple[JargonTerm, ...]]:
    index: dict[str, list[JargonTerm]] = {}
    for term in jargon_terms(lang):
        index.setdefault(term.keys[0], []).append(term)
    return {k: tuple(sorted(v, key=lambda t: -len(t.keys))) for k, v in index.items()}


@cache
def known_words(lang: str) -> frozenset[str]:
    """Words of this community that are never rare (``data/readability_known.txt``)."""
    words: set[str] = set()
    for line in _data_lines("readability_known.txt"):
        code, _, rest = line.partition("\t")
        if code == lang:
            words.update(textmod.fold(w) for w in rest.split())
    return frozenset(words)


@lru_cache(maxsize=200_000)
def _stem(norm: str, lang: str) -> str:
    return textmod.stem(norm, _lang(lang))


def _lang(lang: str) -> Lang:
    return "nl" if lang == "nl" else "en"


# ---------------------------------------------------------------------------------------------
# Words


@lru_cache(maxsize=200_000)
def word_info(lower: str, lang: str) -> Word:
    """Frequency, syllables, compound parts and the rare/long verdicts of one lower-case word."""
    code = _lang(lang)
    norm = textmod.fold(lower)
    zipf = textmod.zipf(lower, code)
    syl = syllables(lower, lang)
    stop = norm in textmod.stopwords(code)
    letters = sum(c.isalpha() for c in lower)
    parts: tuple[str, ...] = ()
    if (
        code == "nl"
        and textmod.SPLIT_MIN_WORD <= letters <= MAX_COMPOUND_LETTERS
        and zipf < textmod.SPLIT_MAX_ZIPF
    ):
        parts = textmod.split_compound(lower)
    eligible = letters >= MIN_WORD_LETTERS and not stop and lower.isalpha()
    rare = (
        eligible
        and base_zipf(lower, code) < RARE_ZIPF[code]
        and norm not in known_words(code)
        and not (parts and all(_part_zipf(p) >= PART_ZIPF for p in parts))
    )
    long = (
        eligible
        and zipf < COMMON_ZIPF
        and (syl >= LONG_WORD_SYLLABLES or letters >= LONG_WORD_LETTERS)
    )
    if parts and letters >= LONG_COMPOUND_LETTERS:
        long = eligible
    return Word(zipf, syl, stop, parts, rare, long)


# Inflection endings tried when a word itself is rare: (ending, replacement).
_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "nl": (
        ("ste", ""),
        ("er", ""),
        ("e", ""),
        ("s", ""),
        ("en", ""),
        ("t", "en"),
        ("de", "en"),
        ("te", "en"),
    ),
    "en": (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")),
}


def base_zipf(lower: str, lang: Lang) -> float:
    """Zipf frequency of a word or, if higher, of its base form (soepeler -> soepel)."""
    best = textmod.zipf(lower, lang)
    for ending, replacement in _ENDINGS[lang]:
        if lower.endswith(ending) and len(lower) - len(ending) >= MIN_WORD_LETTERS:
            best = max(best, textmod.zipf(lower[: -len(ending)] + replacement, lang))
    return best


def _part_zipf(part: str) -> float:
    return max(base_zipf(part, "nl"), textmod.zipf(part, "en") - 1.0)


# ---------------------------------------------------------------------------------------------
# Sentences


def find_jargon(tokens: Sequence[Token], lang: str) -> list[tuple[int, int, JargonTerm]]:
    """Jargon terms in a sentence's tokens: ``(first, last, term)``, longest match first.

    A Dutch compound whose part is a one-word jargon term (``interventiegroep``) counts too.
    """
    index = _jargon_index(lang)
    found: list[tuple[int, int, JargonTerm]] = []
    keys = [_stem(t.norm, lang) for t in tokens]
    i = 0
    while i < len(tokens):
        match: JargonTerm | None = None
        for term in index.get(keys[i], ()):  # longest first; same length: the exact form wins
            n = len(term.keys)
            if tuple(keys[i : i + n]) != term.keys or not _close(term, tokens[i : i + n]):
                continue
            if match is not None and len(match.keys) > n:
                break
            if match is None or _exact(term, tokens[i : i + n]):
                match = term
        if match is not None:
            found.append((i, i + len(match.keys) - 1, match))
            i += len(match.keys)
            continue
        for alternative in _base_keys(tokens[i].norm, lang):  # effectgroottes
            for term in index.get(alternative, ()):
                if len(term.keys) == 1 and abs(len(tokens[i].norm) - len(term.norms[0])) <= 2:
                    match = term
                    break
            if match is not None:
                break
        if match is not None:
            found.append((i, i, match))
            i += 1
            continue
        if lang == "nl":
            info = word_info(tokens[i].lower, lang)
            for part in info.parts:
                for term in index.get(_stem(part, lang), ()):
                    if len(term.keys) == 1 and abs(len(part) - len(term.norms[0])) <= 2:
                        match = term
                        break
                if match is not None:
                    found.append((i, i, match))
                    break
        i += 1
    return found


@lru_cache(maxsize=200_000)
def _base_keys(norm: str, lang: str) -> tuple[str, ...]:
    """Stems of a word's base forms, for plurals the stemmer leaves alone (effectgroottes)."""
    keys: list[str] = []
    for ending in ("s", "en") if lang == "nl" else ("s",):
        if norm.endswith(ending) and len(norm) - len(ending) >= MIN_WORD_LETTERS:
            keys.append(_stem(norm[: -len(ending)], lang))
    return tuple(keys)


def _close(term: JargonTerm, tokens: Sequence[Token]) -> bool:
    """Same stems and about the same length: an inflection, not a derivation.

    Stems alone would let "effectiveness" find "effect" and "betrouwbaarheid" find
    "betrouwbaar".
    """
    words = term.norms
    return all(
        len(t.norm) >= len(w) - 2 and len(w) >= len(t.norm) - 4
        for t, w in zip(tokens, words, strict=True)
    )


def _exact(term: JargonTerm, tokens: Sequence[Token]) -> bool:
    return list(term.norms) == [t.norm for t in tokens]


def _is_participle_nl(lower: str, after_worden: bool) -> bool:
    if len(lower) < 5 or lower in _NL_NOT_PASSIVE:
        return False
    stem_ = lower
    for particle in _NL_SEPARABLE:
        if stem_.startswith(particle + "ge") and len(stem_) > len(particle) + 4:
            stem_ = stem_[len(particle) :]
            break
    if stem_.startswith("ge") and stem_.endswith(("d", "t", "n")) and len(stem_) >= 5:
        return stem_[2] not in "n" or len(stem_) > 6
    for prefix in _NL_INSEPARABLE:
        if stem_.startswith(prefix) and len(stem_) >= len(prefix) + 3:
            if stem_.endswith(("d", "t")):
                return True
            if after_worden and stem_.endswith("en"):
                return True
    return False


def find_passives(tokens: Sequence[Token], text: str, lang: str) -> list[tuple[int, int]]:
    """``(aux, participle)`` token indexes of passive constructions in one sentence."""
    found: list[tuple[int, int]] = []
    used: set[int] = set()
    lowers = [t.lower for t in tokens]
    for i, low in enumerate(lowers):
        if lang == "nl":
            if low not in _NL_WORDEN and low not in _NL_ZIJN:
                continue
            worden = low in _NL_WORDEN
            window = 12 if worden else 6
            # verb-final clause: the participle right before the auxiliary (omdat het gedaan wordt)
            if i > 0 and i - 1 not in used and _is_participle_nl(lowers[i - 1], worden):
                found.append((i, i - 1))
                used.add(i - 1)
                continue
            for j in range(i + 1, min(len(tokens), i + 1 + window)):
                between = text[tokens[j - 1].end : tokens[j].start]
                if "," in between or lowers[j] in _NL_SUBORDINATORS or lowers[j] in _NL_WORDEN:
                    break
                if lowers[j] in _NL_OTHER_FINITE:
                    break
                if j not in used and _is_participle_nl(lowers[j], worden):
                    found.append((i, j))
                    used.add(j)
                    break
        else:
            if low not in _EN_BE:
                continue
            for j in range(i + 1, min(len(tokens), i + 4)):
                word = lowers[j]
                if word in _EN_ADVERBS or word.endswith("ly"):
                    continue
                if word not in _EN_NOT_PASSIVE and (
                    word in _EN_IRREGULAR or (word.endswith("ed") and len(word) >= 5)
                ):
                    found.append((i, j))
                break
    return found


def find_subordinators(tokens: Sequence[Token], text: str, lang: str) -> list[int]:
    """Token indexes of words that start a subordinate clause (a heuristic, no parser)."""
    found: list[int] = []
    lowers = [t.lower for t in tokens]
    for i, low in enumerate(lowers):
        prev = lowers[i - 1] if i > 0 else ""
        nxt = lowers[i + 1] if i + 1 < len(lowers) else ""
        after_comma = i > 0 and "," in text[tokens[i - 1].end : tokens[i].start]
        if lang == "nl":
            if (
                low in _NL_SUBORDINATORS
                or (low == "als" and (i == 0 or after_comma))
                or (
                    low in ("dat", "die", "wat")
                    and i > 0
                    and prev not in _NL_PREPOSITIONS
                    and prev not in _NL_SUBORDINATORS  # "waarin die veiligheid": a determiner
                    and nxt not in _NL_AFTER_PRONOUN
                    and nxt != ""
                )
            ):
                found.append(i)
        elif (
            low in _EN_SUBORDINATORS
            or (low in _EN_CONTEXT_WORDS and i > 0 and low != prev)
            or (low in ("if", "when", "since") and i == 0)
            or (low == "that" and i > 0 and (nxt in _EN_THAT_NEXT or after_comma))
        ):
            found.append(i)
    return found


def sentence_signals(
    tokens: Sequence[Token], text: str, lang: str, *, word_level_only: bool = False
) -> tuple[list[Found], SentenceCounts]:
    """Issues and counts of one sentence (``tokens`` are the sentence's words)."""
    counts = SentenceCounts(words=len(tokens))
    issues: list[Found] = []
    jargon_tokens: set[int] = set()
    for first, last, term in find_jargon(tokens, lang):
        counts.jargon += 1
        jargon_tokens.update(range(first, last + 1))
        issues.append(
            Found(
                "jargon",
                tokens[first].start,
                tokens[last].end,
                {"term": term.term, "plain": term.plain},
            )
        )
    for i, tok in enumerate(tokens):
        info = word_info(tok.lower, lang)
        counts.syllables += info.syllables
        proper = i > 0 and tok.surface[:1].isupper()
        acronym = len(tok.surface) > 1 and tok.surface.isupper()
        if proper or acronym:
            continue
        counts.rare += info.rare
        counts.long += info.long
        if i in jargon_tokens:
            continue
        if info.rare:
            issues.append(Found("rare_word", tok.start, tok.end, {"word": tok.surface}))
        elif info.long:
            params: dict[str, str | int] = {"word": tok.surface, "syllables": info.syllables}
            if info.parts:
                params["parts"] = " + ".join(info.parts)
            issues.append(Found("long_word", tok.start, tok.end, params))
    if not word_level_only:
        if len(tokens) > LONG_SENTENCE_WORDS:
            issues.append(
                Found(
                    "long_sentence",
                    tokens[0].start,
                    tokens[-1].end,
                    {"words": len(tokens), "limit": LONG_SENTENCE_WORDS},
                )
            )
        for aux, participle in find_passives(tokens, text, lang):
            counts.passive += 1
            first, last = min(aux, participle), max(aux, participle)
            phrase = f"{tokens[first].surface} ... {tokens[last].surface}"
            if last == first + 1:
                phrase = text[tokens[first].start : tokens[last].end]
            issues.append(
                Found("passive", tokens[first].start, tokens[last].end, {"phrase": phrase})
            )
        subs = find_subordinators(tokens, text, lang)
        counts.clauses = len(subs)
        if len(subs) > CLAUSE_LIMIT:
            words_list = ", ".join(tokens[k].surface for k in subs)
            issues.append(
                Found(
                    "clauses",
                    tokens[subs[0]].start,
                    tokens[subs[-1]].end,
                    {"count": len(subs), "words_list": words_list},
                )
            )
    issues.sort(key=lambda f: (f.start, -f.end))
    return issues, counts
