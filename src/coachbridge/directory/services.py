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
from django.utils import translation
from django.utils.translation import gettext as _

from coachbridge.accounts.enums import Region, RoleCode, SpokenLanguage
from coachbridge.accounts.models import Profile
from coachbridge.accounts.queries import member_directory
from coachbridge.common.text_index import CachedIndex
from coachbridge.directory.languages import language_asked_for
from coachbridge.directory.safety import danger_in
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
MAX_WHY_WORDS = 3
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
    danger: str  # safety.SUICIDE or safety.VIOLENCE, or "" for none
    coaches: list[CoachMatch] = field(default_factory=list)
    items: list[Any] = field(default_factory=list)  # knowledge hub texts
    filtered_out: bool = False  # coaches matched, but not in the region, language or rate asked for
    language_asked: str = ""  # the name of a language the question asks for ("die Frans spreekt")


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


def _profile_text(profile: Profile) -> str:
    themes = [name for t in profile.themes.all() for name in (t.name_nl, t.name_en)]
    return "\n".join([profile.expertise, profile.bio, *themes])


def _shared_words(question: engine_text.Analysis, profile: engine_text.Analysis) -> list[str]:
    """The visitor's own words for what the question and the profile both speak of."""
    concepts = set(profile.concepts)
    stems = {stem for stem in profile.stems if stem}
    found: dict[int, str] = {}
    for match in question.matches:
        if match.concept in concepts:
            first, last = question.tokens[match.first], question.tokens[match.last]
            found.setdefault(match.first, question.text[first.start : last.end])
    for position, (token, stem) in enumerate(zip(question.tokens, question.stems, strict=True)):
        if stem and stem in stems:
            found.setdefault(position, token.surface)
    words = dict.fromkeys(found[position] for position in sorted(found))  # no repeats
    return list(words)[:MAX_WHY_WORDS]


def visitor_why(question: str, profile: Profile) -> list[str]:
    """Why a coach is suggested, in plain words. The matching engine's reasons are written for
    members of the marketplace: they name lexicon concepts ("begeleidingsvorm") and methods
    ("taalmodel"). A visitor reads which of their own words the coach writes about."""
    words = _shared_words(
        engine_text.analyse(question), engine_text.analyse(_profile_text(profile))
    )
    if words:
        return [_("writes about %(words)s") % {"words": ", ".join(words)}]
    return [_("writes about something close to your question")]


def find_help(
    question: str, *, lang: str, region: str = "", language: str = "", lower_rate: bool = False
) -> HelpAnswer:
    """Coaches and plain-language texts for a visitor's ``question``, and whether it speaks of
    danger (then the page shows where to get help now first). Reasons are in ``lang``."""
    lang = "en" if lang == "en" else "nl"
    asked = "" if language else language_asked_for(question)
    language = language or asked
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
    with translation.override(lang):
        coaches = [
            CoachMatch(allowed[int(match.id)], visitor_why(text, allowed[int(match.id)]))
            for match in shown
        ]
        if asked and not matches:  # the language is all the question asks for
            speaks = _("speaks %(language)s") % {"language": SpokenLanguage(asked).label}
            coaches = [CoachMatch(profile, [speaks]) for profile in allowed.values()][:MAX_COACHES]
    # the words every text of a research network shares would suggest unrelated texts too
    items = published_items_about(text, lang, min_score=MIN_TEXT_SCORE) if text.strip() else []
    return HelpAnswer(
        danger=danger_in(question),
        coaches=coaches,
        items=items,
        filtered_out=bool(matches) and not shown,
        language_asked=str(SpokenLanguage(asked).label) if asked else "",
    )
