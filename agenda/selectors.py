"""Reads of the work schedule: live weeks, their entries grouped by day, the feed's entries, and the count of
activities per leader for the statistics (``entries_per_official``)."""

from collections import Counter
from datetime import timedelta

from django.db.models import Prefetch

from agenda.models import ScheduleEntry, ScheduleIndexPage, WeekSchedulePage
from agenda.weeks import day_heading
from news.taxonomy import Official
from sites.selectors import pages_under

FEED_WEEKS_BEFORE = 4  # the feed: the last four weeks, this week and next


def schedule_index(unit):
    """The unit's /lich-cong-tac/ page (or None)."""
    if unit is None:
        return None
    return ScheduleIndexPage.objects.child_of(unit.site.root_page).first()


def live_week(index, monday):
    """The live week page of ``index`` starting ``monday``, or None (one query)."""
    return WeekSchedulePage.objects.child_of(index).live().filter(week_start=monday).first()


def entries_query():
    officials = Official.objects.only("pk", "name", "position").order_by("sort_order", "name")
    return ScheduleEntry.objects.select_related("chair").prefetch_related(
        Prefetch("officials", queryset=officials)
    )


def entries_of(page):
    """The live entries of a week page, by day and time, with their chair and leaders (two queries)."""
    return list(entries_query().filter(page=page).order_by("day", "start_time", "sort_order", "pk"))


def week_days(monday, entries):
    """The seven days of the week from ``monday``: ``[{"day", "heading", "entries"}]``; entries sorted."""
    days = [
        {"day": monday + timedelta(days=n), "heading": day_heading(monday + timedelta(days=n)), "entries": []}
        for n in range(7)
    ]
    by_day = {item["day"]: item for item in days}
    for entry in sorted(entries, key=lambda e: (e.day, e.start_time, e.sort_order or 0)):
        if entry.day in by_day:
            by_day[entry.day]["entries"].append(entry)
    return days


def feed_entries(index, monday, *, weeks_before=FEED_WEEKS_BEFORE):
    """The entries of the live weeks of ``index`` from ``weeks_before`` weeks before ``monday`` to the week
    after it, with their pages (three queries)."""
    weeks = (
        WeekSchedulePage.objects.child_of(index)
        .live()
        .filter(
            week_start__gte=monday - timedelta(weeks=weeks_before),
            week_start__lte=monday + timedelta(weeks=1),
        )
        .only("pk", "week_start", "last_published_at")
    )
    pages = {page.pk: page for page in weeks}
    entries = list(entries_query().filter(page_id__in=list(pages)).order_by("day", "start_time", "pk"))
    for entry in entries:
        entry.week_page = pages[entry.page_id]
    return entries


def entries_per_official(*, units, start, end):
    """``{official_id: count}``: how many activities of the live weeks of ``units`` between ``start`` and
    ``end`` (dates, both included) each tracked leader chaired or took part in (an activity counts once per
    leader, even if they both chair and take part). For the statistics comparing the schedule with the news
    coverage of each leader. Two queries, whatever the number of entries.
    """
    entries = ScheduleEntry.objects.filter(
        pages_under(units, field="page__path"),
        page__live=True,
        day__gte=start,
        day__lte=end,
    )
    counts = Counter()
    chaired = set(entries.filter(chair__isnull=False).values_list("pk", "chair_id"))
    took_part = set(entries.filter(officials__isnull=False).values_list("pk", "officials__pk"))
    for _entry, official_id in chaired | took_part:
        counts[official_id] += 1
    return dict(counts)
