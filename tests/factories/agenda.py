"""Factories for the work schedule (agenda/)."""

from datetime import time, timedelta

from agenda.models import ScheduleEntry, ScheduleIndexPage, WeekSchedulePage
from agenda.weeks import this_monday
from news.taxonomy import Official


def schedule_index(unit):
    return ScheduleIndexPage.objects.child_of(unit.site.root_page).get()


def official(unit, name="Nguyễn Văn An", position="Chủ tịch UBND", **fields):
    return Official.objects.create(unit=unit, name=name, position=position, **fields)


def entry(week_start, *, weekday=0, start=time(8, 0), end=time(10, 0), officials=(), **fields):
    """An unsaved entry on ``weekday`` (0: Monday) of the week starting ``week_start``."""
    fields.setdefault("content", "Họp giao ban")
    fields.setdefault("location", "Phòng họp số 1")
    item = ScheduleEntry(day=week_start + timedelta(days=weekday), start_time=start, end_time=end, **fields)
    item.officials = list(officials)
    return item


def week(unit, week_start=None, *, entries=None, publish=True, user=None):
    """The week page of ``unit`` starting ``week_start`` (default: this week) with ``entries`` (default: two
    activities), published unless ``publish=False``."""
    week_start = week_start or this_monday()
    if entries is None:
        entries = [
            entry(week_start, weekday=0, content="Họp giao ban đầu tuần"),
            entry(week_start, weekday=2, start=time(14, 0), end=None, content="Tiếp công dân định kỳ"),
        ]
    page = WeekSchedulePage(week_start=week_start, live=False, owner=user)
    page.entries = entries
    schedule_index(unit).add_child(instance=page)
    revision = page.save_revision(user=user)
    if publish:
        revision.publish()
    return WeekSchedulePage.objects.get(pk=page.pk)


def republish(page, change):
    """Publish a new revision of ``page`` after ``change(entries)`` edits (or extends) the list of its latest
    version's entries in memory."""
    draft = WeekSchedulePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    entries = list(draft.entries.all())
    change(entries)
    draft.entries = entries
    draft.save_revision().publish()
    return WeekSchedulePage.objects.get(pk=page.pk)
