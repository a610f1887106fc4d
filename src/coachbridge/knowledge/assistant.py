"""The plain-language assistant: the readability engine's findings, in the reader's language.

The engine gives each issue a `kind` and plain `params`; the messages are written here, so
they can be translated. Each section is analysed on its own (so each finding names its part);
the level is that of all sections together.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coachbridge.knowledge.enums import ALL_SECTIONS

TARGET_LEVEL = "B1"

KIND_LABELS = {
    "long_sentence": gettext_lazy("Long sentence"),
    "rare_word": gettext_lazy("Rare word"),
    "long_word": gettext_lazy("Long word"),
    "passive": gettext_lazy("Passive voice"),
    "clauses": gettext_lazy("Many clauses"),
    "jargon": gettext_lazy("Jargon"),
}

SCORE_LABELS = {
    "words": gettext_lazy("Words"),
    "sentences": gettext_lazy("Sentences"),
    "words_per_sentence": gettext_lazy("Words per sentence"),
    "syllables_per_word": gettext_lazy("Syllables per word"),
    "flesch": gettext_lazy("Reading ease (Flesch, higher is easier)"),
    "rare_words_pct": gettext_lazy("Rare words (%)"),
    "long_words_pct": gettext_lazy("Long words (%)"),
    "passives_per_sentence": gettext_lazy("Passive forms per sentence"),
    "clauses_per_sentence": gettext_lazy("Clauses per sentence"),
    "jargon_pct": gettext_lazy("Jargon (%)"),
}


def issue_message(kind: str, params: Mapping[str, Any], suggestion: str) -> str:
    """Why a sentence is hard, and what to do, in the current language."""
    p = dict(params)
    if kind == "long_sentence":
        return _("This sentence has %(words)s words. Aim for %(limit)s or fewer: split it.") % {
            "words": p.get("words", "?"),
            "limit": p.get("limit", 15),
        }
    if kind == "rare_word":
        return _("“%(word)s” is not a common word. Use a more common word, or explain it.") % {
            "word": p.get("word", "")
        }
    if kind == "long_word":
        return _("“%(word)s” is a long word. Use a shorter word, or say it in a few words.") % {
            "word": p.get("word", "")
        }
    if kind == "passive":
        return _("“%(phrase)s” is passive: it does not say who does it. Name the person.") % {
            "phrase": p.get("phrase", "")
        }
    if kind == "clauses":
        return _(
            "This sentence has %(count)s clauses inside it. Give each idea its own sentence."
        ) % {"count": p.get("count", "?")}
    if kind == "jargon":
        plain = p.get("plain") or suggestion
        if plain:
            return _("“%(term)s” is a specialist term. Try a plain word: “%(plain)s”.") % {
                "term": p.get("term", ""),
                "plain": plain,
            }
        return _("“%(term)s” is a specialist term. Explain it in plain words.") % {
            "term": p.get("term", "")
        }
    return suggestion


@dataclass
class Finding:
    section: str
    section_label: str
    sentence: str
    issues: list[dict[str, str]] = field(default_factory=list)


@dataclass
class Advice:
    level: str
    lang: str
    on_target: bool
    scores: list[tuple[str, str]]
    findings: list[Finding]
    empty: bool = False


def _format_score(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else number_format(value, 1)


def advise(sections: Mapping[str, str], lang: str | None) -> Advice:
    from coachbridge.engine.readability import analyse  # noqa: PLC0415 -- loads word lists

    labels = {"title": _("Title"), "lead": _("In short"), **dict(ALL_SECTIONS)}
    texts = {name: text.strip() for name, text in sections.items() if text and text.strip()}
    language = lang if lang in ("nl", "en") else None
    if not texts:
        return Advice("", language or "nl", False, [], [], empty=True)
    whole = analyse("\n\n".join(texts.values()), language)
    findings: list[Finding] = []
    for name, text in texts.items():
        report = analyse(text, whole.lang)
        for sentence in report.sentences:
            if not sentence.issues:
                continue
            findings.append(
                Finding(
                    section=name,
                    section_label=str(labels.get(name, name)),
                    sentence=sentence.text,
                    issues=[
                        {
                            "kind": issue.kind,
                            "label": str(KIND_LABELS.get(issue.kind, issue.kind)),
                            "text": issue.text,
                            "message": issue_message(
                                issue.kind, getattr(issue, "params", {}), issue.suggestion
                            ),
                        }
                        for issue in sentence.issues
                    ],
                )
            )
    scores = [
        (str(SCORE_LABELS[key]), _format_score(value))
        for key, value in whole.scores.items()
        if key in SCORE_LABELS
    ]
    on_target = whole.at_most(TARGET_LEVEL)
    return Advice(whole.level, whole.lang, on_target, scores, findings)
