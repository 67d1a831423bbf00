"""Every unit gets /lich-cong-tac/; the demo fills this week and next; the statistics count each leader's
activities."""

from datetime import timedelta

import pytest

from agenda.demo import fill_schedule
from agenda.models import ScheduleEntry, ScheduleIndexPage, WeekSchedulePage
from agenda.selectors import entries_per_official
from agenda.weeks import this_monday
from tests.factories import make_unit
from tests.factories.agenda import entry, official, week

pytestmark = pytest.mark.django_db


def test_every_provisioned_unit_has_a_live_schedule(client, district, commune_a):
    for unit in (district, commune_a, make_unit("xa-moi", parent=district)):
        index = ScheduleIndexPage.objects.child_of(unit.site.root_page).get()
        assert index.live and index.slug == "lich-cong-tac"
        response = client.get("/lich-cong-tac/", HTTP_HOST=unit.site.hostname)
        assert response.status_code == 200


def test_demo_fills_this_week_and_next_once(client, commune_a):
    leaders = [official(commune_a, name="Chủ tịch A"), official(commune_a, name="Phó Chủ tịch A")]
    assert fill_schedule(commune_a) == 2
    assert fill_schedule(commune_a) == 0
    monday = this_monday()
    pages = WeekSchedulePage.objects.live().filter(week_start__in=[monday, monday + timedelta(weeks=1)])
    assert pages.count() == 2
    entries = ScheduleEntry.objects.filter(page__in=pages)
    for page in pages:
        assert 6 <= page.entries.count() <= 10
    assert {e.chair_id for e in entries} <= {leader.pk for leader in leaders}
    assert entries.filter(adjusted_at__isnull=False).count() == 1
    body = client.get("/lich-cong-tac/", HTTP_HOST=commune_a.site.hostname).content.decode()
    assert "Họp giao ban" in body


def test_demo_without_leaders_names_the_chair(commune_b):
    fill_schedule(commune_b)
    entries = ScheduleEntry.objects.filter(page__week_start=this_monday())
    assert entries.exists() and all(e.chair_id is None and e.chair_text for e in entries)


def test_entries_per_official_counts_chaired_and_attended_live_entries(commune_a, commune_b):
    monday = this_monday()
    chair, deputy = official(commune_a, name="A"), official(commune_a, name="B")
    other = official(commune_b, name="C")
    week(
        commune_a,
        monday,
        entries=[
            entry(monday, chair=chair, officials=[chair, deputy]),  # once for the chair
            entry(monday, weekday=1, chair=deputy),
            entry(monday, weekday=6, officials=[deputy]),
        ],
    )
    week(
        commune_a,
        monday + timedelta(weeks=1),
        entries=[entry(monday + timedelta(weeks=1), chair=chair)],
        publish=False,
    )
    week(commune_b, monday, entries=[entry(monday, chair=other)])
    counts = entries_per_official(units=[commune_a], start=monday, end=monday + timedelta(days=13))
    assert counts == {chair.pk: 1, deputy.pk: 3}
    assert entries_per_official(units=[commune_a], start=monday, end=monday + timedelta(days=1)) == {
        chair.pk: 1,
        deputy.pk: 2,
    }
    assert entries_per_official(units=[commune_a, commune_b], start=monday, end=monday)[other.pk] == 1
    assert entries_per_official(units=[], start=monday, end=monday) == {}
