"""Background work of the marketplace: keeping the match index current, and the digests."""

from __future__ import annotations

import logging

from django_tasks import task

from coachbridge.marketplace.services import index

logger = logging.getLogger(__name__)


@task()
def index_post(*, post_id: int) -> bool:
    """Add, update or remove one post in the persisted match index (gone or closed: removed)."""
    return index.sync_post(post_id)


@task()
def compact_match_index() -> int:
    """Fold the index's recent changes into its main arrays; returns the number of posts."""
    return index.compact()


@task()
def send_marketplace_digests() -> int:
    from coachbridge.marketplace.services.digest import send_due_digests  # noqa: PLC0415 -- heavy

    mailed, matches = send_due_digests()
    logger.info("Marketplace digests: %d members, %d matches.", mailed, matches)
    return mailed
