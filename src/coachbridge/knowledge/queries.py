"""Reusable reads of the knowledge hub: the public list, an item's rendered text, its pair."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import translation

from coachbridge.knowledge.enums import ItemStatus
from coachbridge.knowledge.models import Comment, GlossaryTerm, Item
from coachbridge.knowledge.rendering import (
    GlossaryEntry,
    GlossaryLinker,
    render_markdown,
    split_paragraphs,
)
from coachbridge.knowledge.search import items_about, search


def published_items() -> QuerySet[Item]:
    return Item.objects.filter(status=ItemStatus.PUBLISHED)


def published_items_for_question(question: Any) -> list[Item]:
    """The published summaries and debunks that answer an agenda question.

    Items linked to a question that was later merged into this one count too.
    """
    return list(
        published_items()
        .filter(Q(agenda_question=question) | Q(agenda_question__merged_into=question))
        .order_by("-published_at", "-pk")
    )


def one_version_per_pair(items: QuerySet[Item], lang: str) -> QuerySet[Item]:
    """Leave out an item when its published translation is in ``lang``: a reader sees the
    Dutch and the English version of the same text once, in their own language."""
    reader_version = published_items().filter(
        Q(pk=OuterRef("translation_of")) | Q(translation_of=OuterRef("pk")), language=lang
    )
    return items.exclude(~Q(language=lang) & Q(Exists(reader_version)))


def filter_items(items: QuerySet[Item], filters: dict[str, Any]) -> QuerySet[Item]:
    """Apply the public filters (cleaned SearchForm data)."""
    if filters.get("theme"):
        items = items.filter(themes=filters["theme"])
    for name in ("evidence", "language", "kind"):
        if filters.get(name):
            items = items.filter(**{name: filters[name]})
    if filters.get("q"):
        items = search(items, filters["q"])
    return items.distinct()


def glossary_entries(lang: str) -> list[GlossaryEntry]:
    url = reverse("knowledge:glossary")
    with translation.override(lang):
        return [
            GlossaryEntry(term.slug, term.term, term.explanation, f"{url}#{term.slug}")
            for term in GlossaryTerm.objects.all()
        ]


@dataclass(frozen=True)
class RenderedSection:
    name: str
    label: str
    html: str


def rendered_sections(item: Item, *, link_terms: bool = True) -> list[RenderedSection]:
    """The item's sections as safe HTML, glossary terms linked where they first appear."""
    lang = "en" if item.language == "en" else "nl"
    linker = GlossaryLinker(glossary_entries(lang), lang) if link_terms else None
    sections = []
    with translation.override(lang):
        for name, label, text in item.sections:
            html = render_markdown(text)
            if linker is not None:
                html = linker.link(html)
            sections.append(RenderedSection(name, str(label), html))
    return sections


def translation_pair(item: Item, *, published_only: bool = True) -> Item | None:
    """The other-language version of an item, if there is one."""
    candidates = Item.objects.filter(pk=item.translation_of_id) | item.translations.all()
    if published_only:
        candidates = candidates.filter(status=ItemStatus.PUBLISHED)
    return candidates.exclude(pk=item.pk).first()


@dataclass(frozen=True)
class ReviewParagraph:
    number: int
    html: str
    comments: list[Comment]


@dataclass(frozen=True)
class ReviewPart:
    """One part of an item on the review page: its paragraphs, each with its comments.

    `comments` are those on the whole part, and those on a paragraph that no longer exists
    (the author shortened the part since).
    """

    name: str
    label: str
    paragraphs: list[ReviewParagraph]
    comments: list[Comment]


def comments_by_part(comments: list[Comment]) -> dict[str, list[Comment]]:
    grouped: dict[str, list[Comment]] = {}
    for comment in comments:
        grouped.setdefault(comment.section, []).append(comment)
    return grouped


def review_parts(item: Item, comments: list[Comment]) -> list[ReviewPart]:
    """The title, the lead and every section, cut into numbered paragraphs with their comments."""
    grouped = comments_by_part(comments)
    lang = "en" if item.language == "en" else "nl"
    texts: list[tuple[str, str, str]] = [("title", "", item.title), ("lead", "", item.lead)]
    with translation.override(lang):
        texts += [(name, str(label), text) for name, label, text in item.sections]
    parts = []
    for name, label, text in texts:
        own = grouped.get(name, [])
        blocks = [text] if name in ("title", "lead") else split_paragraphs(text)
        paragraphs = [
            ReviewParagraph(
                number,
                "" if name in ("title", "lead") else render_markdown(block),
                [c for c in own if c.paragraph == number],
            )
            for number, block in enumerate(blocks, start=1)
        ]
        numbers = {paragraph.number for paragraph in paragraphs}
        rest = [c for c in own if c.paragraph not in numbers]
        parts.append(ReviewPart(name, label, paragraphs, rest))
    return parts


def published_items_about(
    text: str, lang: str, *, limit: int = 3, min_score: float = 0.1
) -> list[Item]:
    """For other apps (the help-finder): published texts in ``lang`` about a typed text."""
    return items_about(text, published_items(), lang, limit=limit, min_score=min_score)
