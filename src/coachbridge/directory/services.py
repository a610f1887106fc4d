"""The public coach directory and the help-finder.

Only coaches who chose "everyone" as their profile's visibility are shown: the directory asks
the accounts app for what a visitor without an account may see. The help-finder compares a
visitor's question with those coaches' expertise, profile text and themes (the matching
engine's text understanding, Dutch and English) and with the knowledge hub's published texts.
The question is never stored or logged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Max, Q

from coachbridge.accounts.enums import Region, RoleCode
from coachbridge.accounts.models import Profile
from coachbridge.accounts.queries import member_directory
from coachbridge.common.text_index import CachedIndex
from coachbridge.directory.safety import signals_danger
from coachbridge.engine import text as engine_text
from coachbridge.engine.matching import Post, PostError, Weights
from coachbridge.knowledge.queries import published_items_about

MAX_COACHES = 5
# A coach is suggested when the question and the profile share a subject (a lexicon concept, or
# close meaning by the sentence model), the score is not noise, and it is not far below the best
# coach's: a question is short, so absolute scores are low and vary with the embedder.
MIN_SCORE = 0.04
MIN_SHARE_OF_BEST = 0.3
SUBJECT_REASONS = frozenset({"topic", "meaning"})
GENERIC_WORDS = re.compile(r"coach\w*|hulp|help|onderzoek\w*|research\w*|studie|study")
MIN_TEXT_SCORE = 0.15  # knowledge texts: a question is short, so one shared word weighs a lot
QUESTION_MAX = 1000


def public_coaches(
    *,
    q: str = "",
    theme: Any = None,
    region: str = "",
    language: str = "",
    lower_rate: bool = False,
) -> list[Profile]:
    """The coaches a visitor may see, filtered. A region includes coaches who work online."""
    profiles = member_directory(AnonymousUser(), q=q, role=RoleCode.COACH, theme=theme)
    if lower_rate:
        profiles = profiles.filter(lower_rate=True)
    if region:
        profiles = profiles.filter(Q(region=region) | Q(region=Region.ONLINE))
    # the languages are a JSON list: filtered here, which works the same on every database
    return [p for p in profiles if not language or language in p.languages]


def _coach_rows():
    return member_directory(AnonymousUser(), role=RoleCode.COACH)


def _key() -> tuple[Any, ...]:
    return tuple(
        _coach_rows().aggregate(count=Count("pk"), latest=Max("updated"), top=Max("pk")).values()
    )


def _posts() -> Iterator[Post]:
    for profile in _coach_rows():
        themes = tuple(name for t in profile.themes.all() for name in (t.name_nl, t.name_en))
        post = Post(
            id=str(profile.pk),
            kind="offer",
            title=profile.expertise[:200],
            text=profile.bio,
            tags=themes,
        )
        try:
            post.validate()
        except PostError:
            continue  # nothing to compare with: the coach is listed, but not suggested
        yield post


INDEX = CachedIndex(_key, _posts, Weights(category=0.0, roles=0.0))
use_embedder = INDEX.use_embedder


@dataclass(frozen=True)
class CoachMatch:
    profile: Profile
    why: list[str]


@dataclass(frozen=True)
class HelpAnswer:
    danger: bool
    coaches: list[CoachMatch] = field(default_factory=list)
    items: list[Any] = field(default_factory=list)  # knowledge hub texts
    filtered_out: bool = False  # coaches matched, but not in the region, language or rate asked for


def without_generic_words(question: str) -> str:
    """The question without the words every coach on the list shares ("coach", "hulp",
    "onderzoek": every profile of a research network mentions it). They say nothing about which
    coach suits, and would make every coach a match for "Ik zoek een coach die Frans spreekt"."""
    kept, end = [], 0
    for token in engine_text.tokenize(question):
        if GENERIC_WORDS.fullmatch(token.norm):
            kept.append(question[end : token.start])
            end = token.end
    return "".join(kept) + question[end:]


def find_help(
    question: str, *, lang: str, region: str = "", language: str = "", lower_rate: bool = False
) -> HelpAnswer:
    """Coaches and plain-language texts for a visitor's ``question``, and whether it speaks of
    danger (then the page shows where to get help now first). Reasons are in ``lang``."""
    lang = "en" if lang == "en" else "nl"
    allowed = {
        p.pk: p for p in public_coaches(region=region, language=language, lower_rate=lower_rate)
    }
    index = INDEX.get()
    matches = []
    text = without_generic_words(question[:QUESTION_MAX])
    if len(index) and text.strip():
        query = Post(id="question", kind="need", title="", text=text)
        matches = [
            match
            for match in index.search(query, k=len(index), lang=lang)  # type: ignore[arg-type]
            if match.score >= MIN_SCORE
            and any(reason.kind in SUBJECT_REASONS for reason in match.reasons)
        ]
    shown = [match for match in matches if int(match.id) in allowed]
    floor = MIN_SHARE_OF_BEST * shown[0].score if shown else 0.0
    shown = [match for match in shown[:MAX_COACHES] if match.score >= floor]
    return HelpAnswer(
        danger=signals_danger(question),
        coaches=[CoachMatch(allowed[int(match.id)], match.why) for match in shown],
        items=published_items_about(question, lang, min_score=MIN_TEXT_SCORE),
        filtered_out=bool(matches) and not shown,
    )
