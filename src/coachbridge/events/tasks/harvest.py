"""Background work of the harvest: grouping the insights of a World Café into sub-themes."""

from __future__ import annotations

import logging

from django.core.cache import cache
from django_tasks import task
from django_tasks.exceptions import TaskException

from coachbridge.accounts.models import User
from coachbridge.events.models import Cafe
from coachbridge.events.services.harvest import synthesise

logger = logging.getLogger(__name__)

RUNNING_KEY = "harvest-synthesis:{cafe_id}"
RUNNING_TIMEOUT = 60 * 60


@task()
def synthesise_harvest(*, cafe_id: int, user_id: int | None, start_over: bool = False) -> int:
    """Group the insights of one café; returns the number of sub-themes (0 if it is gone)."""
    cafe = Cafe.objects.filter(pk=cafe_id).first()
    if cafe is None:
        logger.info("Café %s is gone; nothing to group.", cafe_id)
        return 0
    user = User.objects.filter(pk=user_id).first() if user_id else None
    return synthesise(cafe, by=user, start_over=start_over)


def start_synthesis(cafe: Cafe, *, by: User, start_over: bool = False) -> None:
    """Queue the grouping; remember the task so the page can show that it is running."""
    result = synthesise_harvest.enqueue(cafe_id=cafe.pk, user_id=by.pk, start_over=start_over)
    if not result.is_finished:
        cache.set(RUNNING_KEY.format(cafe_id=cafe.pk), result.id, RUNNING_TIMEOUT)


def synthesis_running(cafe: Cafe) -> bool:
    """True while a queued grouping of this café has not finished (needs a worker backend)."""
    result_id = cache.get(RUNNING_KEY.format(cafe_id=cafe.pk))
    if not result_id:
        return False
    try:
        result = synthesise_harvest.get_result(result_id)
    except (TaskException, NotImplementedError):
        return False
    if result.is_finished:
        cache.delete(RUNNING_KEY.format(cafe_id=cafe.pk))
        return False
    return True
