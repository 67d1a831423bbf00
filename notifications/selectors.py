"""Reads for the editorial workflow: what waits for whom, and for how long."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from wagtail.models import Page, TaskState

from sites.models import Unit
from sites.moderation import warnings_for
from sites.selectors import unit_for_path, units_with_roots


def overdue_after():
    return timedelta(hours=settings.PORTAL_REVIEW_OVERDUE_HOURS)


@dataclass
class WaitingItem:
    task_state: TaskState
    page: Page
    unit: Unit | None
    age: timedelta
    overdue: bool
    warnings: list


def describe_wait(task_state, page, units, now):
    """How long an item has waited, whether that is overdue, its unit and its check warnings."""
    age = now - task_state.started_at
    path = getattr(page, "path", None)
    return {
        "age": age,
        "overdue": age > overdue_after(),
        "unit": unit_for_path(path, units),
        "warnings": warnings_for(page),
    }


def waiting_for(user, *, now=None):
    """Items ``user`` can approve or reject now, oldest first, with age and the unit they belong to."""
    now = now or timezone.now()
    states = (
        TaskState.objects.reviewable_by(user)
        .select_related("revision", "workflow_state__requested_by", "task")
        .order_by("started_at")
    )
    states = list(states)
    pages = Page.objects.in_bulk(
        [int(s.workflow_state.object_id) for s in states if s.workflow_state.object_id]
    )
    units = units_with_roots() if states else []
    items = []
    for state in states:
        page = pages.get(int(state.workflow_state.object_id))
        if page is None:
            continue
        items.append(WaitingItem(task_state=state, page=page, **describe_wait(state, page, units, now)))
    return items
