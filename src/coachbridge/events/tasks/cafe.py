"""Background work of the World Café: computing a table plan."""

from __future__ import annotations

import logging

from django_tasks import task

from coachbridge.events.models import SeatingPlan
from coachbridge.events.services.cafe import compute_plan

logger = logging.getLogger(__name__)


@task()
def compute_seating_plan(plan_id: int, previous_plan_id: int | None = None) -> None:
    """Compute one plan; a re-plan when `previous_plan_id` names the plan it replaces."""
    plan = SeatingPlan.objects.select_related("cafe__meeting").filter(pk=plan_id).first()
    if plan is None:
        logger.info("Seating plan %s is gone; nothing to compute.", plan_id)
        return
    previous = SeatingPlan.objects.filter(pk=previous_plan_id).first() if previous_plan_id else None
    if previous_plan_id and previous is None:
        logger.info(
            "Seating plan %s is gone; plan %s is computed afresh.", previous_plan_id, plan_id
        )
        plan.fixed_until_round = 0
        plan.save(update_fields=["fixed_until_round"])
    compute_plan(plan, previous=previous)
