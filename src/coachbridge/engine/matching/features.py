"""Posts as features: lexicon concepts, stems and compound parts (shared text module) plus
character n-grams. Pure functions; the index turns the feature names into columns."""

from __future__ import annotations

from dataclasses import dataclass

from coachbridge.engine import text as textmod
from coachbridge.engine.matching.model import Post

# Weights of the lexical feature kinds (see docs/algorithms/matching.md, "Signals").
LEX_WEIGHTS = textmod.FeatureWeights(concept=1.0, broader=0.5, stem=0.5, part=0.5)
TAG_WEIGHT = 1.0  # a tag as a whole ("t:" feature), next to the tag's own concepts and stems
TITLE_BOOST = 1.25  # features of the title count a little more: people put the point there
GRAM_MIN, GRAM_MAX = 3, 5
# Names of the two languages. "In English?", "my Dutch is okay": in a marketplace post they
# say which language someone works in, not what the post is about, so their stems are not
# topics (a need for an English-speaking peer group is not about translating questionnaires).
# Lexicon phrases that contain them (plain English, Dutch version) still count as concepts.
# Except in a post about translating ("Engelse vragenlijst vertalen"): there the languages are
# the subject, and their names stay.
LANGUAGE_WORDS = frozenset(
    {
        "dutch",
        "nederlands",
        "nederlandse",
        "nederlandstalig",
        "nederlandstalige",
        "english",
        "engels",
        "engelse",
        "engelstalig",
        "engelstalige",
    }
)


@dataclass(frozen=True)
class PostFeatures:
    """The features of one post: ``lex`` (name -> weight), ``grams`` (set of n-grams),
    ``surfaces`` (stem -> a word of the post that has it, for explanations)."""

    lang: textmod.Lang
    lex: dict[str, float]
    grams: frozenset[str]
    surfaces: dict[str, str]


def post_features(post: Post) -> PostFeatures:
    """Analyse title, text and tags of a post (language: the post's, else detected)."""
    body = textmod.analyse(f"{post.title}\n{post.text}", post.lang)
    lang = body.lang
    lex = body.features(LEX_WEIGHTS)
    language_keys = _language_keys(body)
    title_end = len(post.title)
    title_keys = _keys_in(body, 0, title_end)
    for key in title_keys:
        lex[key] *= TITLE_BOOST
    for key in language_keys:
        lex.pop(key, None)
    for tag in post.tags:
        tag_norm = textmod.normalise(tag)
        if not tag_norm:
            continue
        lex["t:" + tag_norm] = max(lex.get("t:" + tag_norm, 0.0), TAG_WEIGHT)
        for key, weight in textmod.analyse(tag, lang).features(LEX_WEIGHTS).items():
            lex[key] = max(lex.get(key, 0.0), weight)
    surfaces: dict[str, str] = {}
    content: list[str] = []
    for token, stem in zip(body.tokens, body.stems, strict=True):
        if stem is None or ("s:" + stem) in language_keys:
            continue
        content.append(token.norm)
        surfaces.setdefault(stem, token.lower)
    grams = frozenset(textmod.char_ngrams(" ".join(content), GRAM_MIN, GRAM_MAX))
    return PostFeatures(lang, lex, grams, surfaces)


TRANSLATION_PREFIXES = ("vertal", "vertaal", "terugvertal", "translat", "back-translat")


def _language_keys(analysis: textmod.Analysis) -> set[str]:
    """Stem and compound-part features that come only from names of languages (none when the
    post is about translating)."""
    if any(t.norm.startswith(TRANSLATION_PREFIXES) for t in analysis.tokens):
        return set()
    keys: set[str] = set()
    others: set[str] = set()
    for token, stem, parts in zip(analysis.tokens, analysis.stems, analysis.parts, strict=True):
        target = keys if token.norm in LANGUAGE_WORDS else others
        if stem is not None:
            target.add("s:" + stem)
        target.update("p:" + p for p in parts)
    return keys - others


def _keys_in(analysis: textmod.Analysis, start: int, end: int) -> set[str]:
    """Feature names that come from tokens inside ``[start, end)`` of the analysed text."""
    inside = {i for i, t in enumerate(analysis.tokens) if t.start < end and t.end > start}
    keys: set[str] = set()
    for m in analysis.matches:
        if m.first in inside:
            keys.add("c:" + m.concept)
    for i in inside:
        stem = analysis.stems[i]
        if stem is not None:
            keys.add("s:" + stem)
        keys.update("p:" + p for p in analysis.parts[i])
    return keys
