"""Writes of the work schedule: "Sao chép tuần trước" (copy last week, then edit)."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction

from agenda.models import ScheduleEntry, WeekSchedulePage
from agenda.weeks import monday_of, this_monday


@transaction.atomic
def copy_week(*, index, user, week_start=None):
    """Create the schedule of the week starting ``week_start`` (default: next week) under ``index`` as a draft
    of ``user``, with the activities of the latest earlier week (its live version, else its latest draft)
    moved to the same weekdays of the new week, each with a new key. The draft then goes through the unit's
    moderation like any page.

    Returns ``(page, created)``: when the week exists already, that page and False (nothing is changed).
    Raises ``PermissionDenied`` when ``user`` may not add a week to ``index``.
    """
    if user is None or not index.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied
    if not WeekSchedulePage.can_create_at(index):
        raise PermissionDenied
    target = monday_of(week_start) if week_start else this_monday() + timedelta(weeks=1)
    weeks = WeekSchedulePage.objects.child_of(index)
    existing = weeks.filter(week_start=target).first()
    if existing is not None:
        return existing, False
    source = weeks.filter(week_start__lt=target).order_by("-week_start").first()
    page = WeekSchedulePage(week_start=target, live=False, owner=user)
    if source is not None:
        page.entries = copied_entries(source, target)
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return WeekSchedulePage.objects.get(pk=page.pk), True


def copied_entries(source, target):
    """The entries of ``source`` (live version, else latest revision) on the same weekdays of the week
    starting ``target``, as new unsaved entries."""
    if not source.live:
        source = source.get_latest_revision_as_object()
    shift = target - source.week_start
    entries = []
    for entry in source.entries.all():
        copy = ScheduleEntry(
            day=entry.day + shift,
            start_time=entry.start_time,
            end_time=entry.end_time,
            content=entry.content,
            location=entry.location,
            chair_id=entry.chair_id,
            chair_text=entry.chair_text,
            attendees=entry.attendees,
            preparing_body=entry.preparing_body,
            sort_order=entry.sort_order,
        )
        copy.officials = list(entry.officials.all())
        entries.append(copy)
    return entries
