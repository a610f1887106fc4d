"""Readability of Dutch and English texts: a level (A2..C2, target B1) and issues per sentence.

``analyse(text, lang=None)`` splits the text into sentences (with character offsets), finds
issues per sentence (long sentences, rare words, long words and compounds, passive forms,
stacked subordinate clauses, research jargon with a plain alternative) and estimates the level
from text-level signals with weights fitted on the calibration texts in
``engine/data/readability_calibration/``. ``analyse_interface_text`` scores a short interface
string with word-level signals only. See docs/algorithms/readability.md.
"""

from __future__ import annotations

import re

from coachbridge.engine import text as textmod
from coachbridge.engine.readability.level import FEATURES, level_for
from coachbridge.engine.readability.model import (
    KINDS,
    LEVELS,
    MESSAGES,
    SUGGESTIONS,
    TARGET_LEVEL,
    Analysis,
    Issue,
    SentenceReport,
)
from coachbridge.engine.readability.sentences import split_sentences, syllables
from coachbridge.engine.readability.signals import Found, SentenceCounts, sentence_signals

__all__ = [
    "FEATURES",
    "KINDS",
    "LANGS",
    "LEVELS",
    "MESSAGES",
    "SUGGESTIONS",
    "TARGET_LEVEL",
    "Analysis",
    "Issue",
    "ReadabilityError",
    "SentenceReport",
    "analyse",
    "analyse_interface_text",
    "syllables",
]

LANGS: tuple[str, ...] = ("nl", "en")

# Interface strings up to this many words are scored on word-level signals only.
SHORT_TEXT_WORDS = 30

# Placeholders and markup in interface strings, blanked out before scoring.
_MARKUP_RE = re.compile(
    r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[sdifr]|%[sdif]|\{\{.*?\}\}|\{[^{}]*\}|<[^>]*>|&\w+;"
)


class ReadabilityError(ValueError):
    """The input cannot be analysed (an unknown language)."""


def _check_lang(lang: str | None) -> None:
    if lang is not None and lang not in LANGS:
        raise ReadabilityError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")


def analyse(text: str, lang: str | None = None) -> Analysis:
    """Analyse a text (any length). ``lang`` None: detected (Dutch when unsure)."""
    _check_lang(lang)
    return _analyse(text, lang, word_level_only=False)


def analyse_interface_text(text: str, lang: str | None = "nl") -> Analysis:
    """Score a short interface string (a label, a button, a help text).

    Placeholders (``%(name)s``, ``{count}``) and HTML tags are blanked out first (offsets stay
    valid). Up to ``SHORT_TEXT_WORDS`` words only word-level signals count (rare words, long
    words, jargon), because sentence averages mean little for a three-word label; longer strings
    get the full :func:`analyse`.
    """
    _check_lang(lang)
    cleaned = _MARKUP_RE.sub(lambda m: " " * len(m.group(0)), text)
    if len(textmod.tokenize(cleaned)) > SHORT_TEXT_WORDS:
        return _analyse(cleaned, lang, word_level_only=False)
    return _analyse(cleaned, lang, word_level_only=True)


def _analyse(text: str, lang: str | None, *, word_level_only: bool) -> Analysis:
    tokens = textmod.tokenize(text)
    code = lang if lang is not None else textmod.detect_language(tokens)
    reports: list[SentenceReport] = []
    totals = SentenceCounts()
    position = 0
    for start, end in split_sentences(text):
        first = position
        while position < len(tokens) and tokens[position].start < end:
            position += 1
        sentence_tokens = tokens[first:position]
        if not sentence_tokens:
            continue
        found, counts = sentence_signals(
            sentence_tokens, text, code, word_level_only=word_level_only
        )
        totals.add(counts)
        issues = tuple(_issue(text, f) for f in found)
        reports.append(SentenceReport(text[start:end], start, end, issues))
    scores = _scores(totals, len(reports), code)
    if word_level_only or not totals.words:
        value = _word_level_difficulty(totals)
        level = LEVELS[int(value)]
    else:
        value, level = level_for(scores, code)
    scores["difficulty"] = round(value, 3)
    return Analysis(code, level, scores, tuple(reports))


def _issue(text: str, found: Found) -> Issue:
    params = found.params
    message = MESSAGES[found.kind].format(**params)
    if found.kind == "jargon":
        suggestion = str(params["plain"])
    elif found.kind == "long_word" and "parts" in params:
        suggestion = SUGGESTIONS["long_compound"].format(
            parts=str(params["parts"]).replace(" + ", " ")
        )
    else:
        suggestion = SUGGESTIONS[found.kind]
    return Issue(
        found.kind,
        text[found.start : found.end],
        found.start,
        found.end,
        suggestion,
        message,
        params,
    )


def _scores(totals: SentenceCounts, sentences: int, lang: str) -> dict[str, float]:
    words = totals.words
    per_word = 100.0 / words if words else 0.0
    asl = words / sentences if sentences else 0.0
    asw = totals.syllables / words if words else 0.0
    if lang == "nl":
        flesch = 206.835 - 0.93 * asl - 77.0 * asw  # Flesch-Douma
    else:
        flesch = 206.835 - 1.015 * asl - 84.6 * asw  # Flesch Reading Ease
    scores = {
        "words": float(words),
        "sentences": float(sentences),
        "words_per_sentence": asl,
        "syllables_per_word": asw,
        "flesch": flesch if words else 0.0,
        "rare_words_pct": totals.rare * per_word,
        "long_words_pct": totals.long * per_word,
        "passives_per_sentence": totals.passive / sentences if sentences else 0.0,
        "clauses_per_sentence": totals.clauses / sentences if sentences else 0.0,
        "jargon_pct": totals.jargon * per_word,
    }
    return {k: round(v, 3) for k, v in scores.items()}


def _word_level_difficulty(totals: SentenceCounts) -> float:
    """Difficulty of a short string from its words: rare 1, long 0.5, jargon 2 points.

    No points: A2. Points up to 15 % of the words (at least 1): B1; up to 30 % (at least 2):
    B2; more: C1.
    """
    points = totals.rare + 0.5 * totals.long + 2.0 * totals.jargon
    words = max(totals.words, 1)
    if points == 0:
        return 0.0
    if points <= max(1.0, 0.15 * words):
        return 1.0
    if points <= max(2.0, 0.3 * words):
        return 2.0
    return 3.0
