"""Reusable reads of the knowledge hub: the public list, an item's rendered text, its pair."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation

from coachbridge.knowledge.enums import ItemStatus
from coachbridge.knowledge.models import GlossaryTerm, Item
from coachbridge.knowledge.rendering import GlossaryEntry, GlossaryLinker, render_markdown
from coachbridge.knowledge.search import search


def published_items() -> QuerySet[Item]:
    return Item.objects.filter(status=ItemStatus.PUBLISHED)


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
