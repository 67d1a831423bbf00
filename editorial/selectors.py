"""Reads for the editorial workflow: what waits for whom, and for how long."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Page, TaskState

from sites.models import Unit


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


def unit_of_path(path, units):
    """The unit among ``units`` whose home is the longest prefix of ``path``."""
    best = None
    for unit in units:
        root = unit.site.root_page.path
        if path.startswith(root) and (best is None or len(root) > len(best.site.root_page.path)):
            best = unit
    return best


def units_with_roots():
    return list(Unit.objects.select_related("site__root_page"))


def describe_wait(task_state, page, units, now):
    """How long an item has waited, whether that is overdue, its unit and its check warnings."""
    from sites.moderation import warnings_for

    age = now - task_state.started_at
    path = getattr(page, "path", None)
    return {
        "age": age,
        "overdue": age > overdue_after(),
        "unit": unit_of_path(path, units) if path else None,
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


def approvers():
    """Active people in any unit's approvers group (the editorial board included)."""
    User = get_user_model()
    return User.objects.filter(is_active=True, groups__in=Unit.objects.values("approvers_group")).distinct()


def board_members():
    """Active members of the editorial board (the top unit's approvers)."""
    from sites.selectors import top_unit

    top = top_unit()
    if top is None:
        return get_user_model().objects.none()
    return get_user_model().objects.filter(is_active=True, groups=top.approvers_group_id).order_by("pk")
