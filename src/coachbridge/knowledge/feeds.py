"""The Atom feed of published summaries and debunks."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from coachbridge.knowledge.models import Item
from coachbridge.knowledge.queries import published_items

FEED_SIZE = 30


class LatestItemsFeed(Feed):
    feed_type = Atom1Feed
    link = reverse_lazy("knowledge:item-list")
    subtitle = _("New research summaries and debunks in plain language.")

    def title(self) -> str:
        return f"{settings.SITE_NAME}: {_('Knowledge hub')}"

    def items(self) -> QuerySet[Item]:
        return published_items().order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item: Item) -> str:
        return item.title

    def item_description(self, item: Item) -> str:
        return item.lead

    def item_pubdate(self, item: Item) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Item) -> datetime:
        return item.updated
