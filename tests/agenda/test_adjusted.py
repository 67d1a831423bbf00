""" "Điều chỉnh": a live week published again marks its new and changed entries; unchanged ones keep their
mark (or none); the first publication marks nothing."""

from datetime import time

from django.utils import timezone

import pytest

from agenda.models import ScheduleEntry
from agenda.weeks import this_monday
from tests.factories.agenda import entry, official, republish, week

pytestmark = pytest.mark.django_db


def by_content(page):
    return {item.content: item for item in ScheduleEntry.objects.filter(page=page)}


def test_first_publication_marks_nothing(commune_a):
    page = week(commune_a)
    assert all(item.adjusted_at is None for item in ScheduleEntry.objects.filter(page=page))


def test_changed_and_new_entries_are_marked_unchanged_are_not(commune_a):
    monday = this_monday()
    page = week(
        commune_a, monday, entries=[entry(monday, content="A"), entry(monday, weekday=1, content="B")]
    )
    before = timezone.now()

    def change(items):
        next(item for item in items if item.content == "A").start_time = time(9, 0)
        items.append(entry(monday, weekday=2, content="C"))

    page = republish(page, change)
    rows = by_content(page)
    assert rows["A"].adjusted_at >= before
    assert rows["C"].adjusted_at >= before
    assert rows["B"].adjusted_at is None
    # the live revision says the same
    live = page.live_revision.as_object()
    assert {item.content: item.adjusted_at is not None for item in live.entries.all()} == {
        "A": True,
        "B": False,
        "C": True,
    }


def test_an_unchanged_entry_keeps_its_mark_on_the_next_publication(commune_a):
    monday = this_monday()
    page = week(
        commune_a, monday, entries=[entry(monday, content="A"), entry(monday, weekday=1, content="B")]
    )

    def move_a(items):
        next(item for item in items if item.content == "A").location = "Hội trường"

    page = republish(page, move_a)
    first_mark = by_content(page)["A"].adjusted_at

    def move_b(items):
        next(item for item in items if item.content == "B").end_time = time(11, 0)

    page = republish(page, move_b)
    rows = by_content(page)
    assert rows["A"].adjusted_at == first_mark
    assert rows["B"].adjusted_at is not None


def test_a_change_of_leaders_marks_the_entry(commune_a):
    monday = this_monday()
    leader = official(commune_a)
    page = week(commune_a, monday, entries=[entry(monday, content="A")])

    def add_leader(items):
        items[0].officials = [leader]

    page = republish(page, add_leader)
    assert by_content(page)["A"].adjusted_at is not None


def test_saving_a_draft_of_a_live_week_marks_nothing(commune_a):
    monday = this_monday()
    page = week(commune_a, monday, entries=[entry(monday, content="A")])
    draft = page.get_latest_revision_as_object()
    items = list(draft.entries.all())
    items[0].start_time = time(15, 0)
    draft.entries = items
    draft.save_revision()
    assert by_content(page)["A"].adjusted_at is None
    assert by_content(page)["A"].start_time == time(8, 0)  # the live version is unchanged
