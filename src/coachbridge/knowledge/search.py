"""Full-text search and related items, built on the engine's text understanding.

Search by words (`common.word_search`: stems and Dutch compound parts): an item matches when
every query word is found, stemmed as Dutch or as English. Related items compare the engine's
weighted features (concepts, stems, compound parts), stored per item, by cosine similarity.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from coachbridge.common import word_search
from coachbridge.engine import text as engine_text

if TYPE_CHECKING:
    from coachbridge.knowledge.models import Item

_MARKDOWN_NOISE = re.compile(r"[#*_`>\[\]()!]|https?://\S+")


def item_text(item: Item) -> str:
    parts = [item.title, item.lead] + [text for _, _, text in item.sections]
    return _MARKDOWN_NOISE.sub(" ", "\n".join(p for p in parts if p))


def index_item(item: Item) -> None:
    """Fill `search_text` and `features` (call before saving)."""
    text = item_text(item)
    item.search_text = word_search.search_text(text, item.language)
    features = engine_text.analyse(text, word_search.engine_lang(item.language)).features()
    item.features = {key: round(value, 3) for key, value in features.items()}


def search(items: QuerySet[Item], query: str) -> QuerySet[Item]:
    for word in word_search.query_words(query):
        items = items.filter(word_search.matching("search_text", word))
    return items


def cosine(left: dict[str, float], right: dict[str, float]) -> float:
    if not left or not right:
        return 0.0
    dot = sum(weight * right.get(key, 0.0) for key, weight in left.items())
    norm = math.sqrt(sum(w * w for w in left.values())) * math.sqrt(
        sum(w * w for w in right.values())
    )
    return dot / norm if norm else 0.0


THEME_BONUS = 0.15
MIN_SCORE = 0.1


def related_items(item: Item, candidates: QuerySet[Item], *, limit: int = 3) -> list[Item]:
    """Published items most like `item`: text similarity plus a bonus per shared theme.

    Only items in the item's own language: someone reading Dutch gets Dutch suggestions, not a
    mix. The item's own translations are left out (the page links them on their own).
    """
    own_themes = set(item.themes.values_list("pk", flat=True))
    pair_ids = {item.pk, item.translation_of_id} | set(
        item.translations.values_list("pk", flat=True)
    )
    scored: list[tuple[float, int, Item]] = []
    same_language = candidates.filter(language=item.language)
    for other in same_language.exclude(pk__in=[pk for pk in pair_ids if pk]).prefetch_related(
        "themes"
    ):
        shared = own_themes & {theme.pk for theme in other.themes.all()}
        score = cosine(item.features, other.features) + THEME_BONUS * len(shared)
        if score >= MIN_SCORE:
            scored.append((score, -other.pk, other))
    scored.sort(key=lambda entry: (entry[0], entry[1]), reverse=True)
    return [other for _, _, other in scored[:limit]]


def items_about(
    text: str,
    candidates: QuerySet[Item],
    lang: str,
    *,
    limit: int = 3,
    min_score: float = MIN_SCORE,
) -> list[Item]:
    """Items in ``lang`` whose words are most like a typed ``text`` (a visitor's question in
    the help-finder), best first; none below ``min_score``."""
    features = engine_text.analyse(text, word_search.engine_lang(lang)).features()
    scored = [
        (score, -item.pk, item)
        for item in candidates.filter(language=lang)
        if (score := cosine(features, item.features)) >= min_score
    ]
    scored.sort(key=lambda entry: (entry[0], entry[1]), reverse=True)
    return [item for _, _, item in scored[:limit]]
