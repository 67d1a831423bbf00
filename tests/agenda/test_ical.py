"""The schedule's iCalendar feed at /lich-cong-tac/lich.ics, read back with the icalendar library."""

from datetime import datetime, time, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

import icalendar
import pytest

from agenda.weeks import VIETNAM, this_monday
from tests.factories.agenda import entry, official, week

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.agenda.urls")]


def feed(client, unit):
    response = client.get("/lich-cong-tac/lich.ics", HTTP_HOST=unit.site.hostname)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events(calendar):
    return list(calendar.walk("VEVENT"))


def test_feed_has_this_week_next_week_and_recent_weeks_only(client, commune_a, commune_b):
    monday = this_monday()
    for offset in (-6, -4, 0, 1, 2):
        start = monday + timedelta(weeks=offset)
        week(commune_a, start, entries=[entry(start, content=f"Tuần {offset}")])
    week(commune_a, monday + timedelta(weeks=3), entries=[entry(monday, content="nháp")], publish=False)
    week(commune_b, monday, entries=[entry(monday, content="Xã B")])
    calendar = feed(client, commune_a)
    summaries = sorted(str(event["SUMMARY"]) for event in events(calendar))
    assert summaries == ["Tuần -4", "Tuần 0", "Tuần 1"]


def test_events_carry_time_zone_place_people_and_stable_uids(client, commune_a):
    monday = this_monday()
    chair = official(commune_a, name="Lê Văn Cường", position="Chủ tịch UBND")
    other = official(commune_a, name="Phạm Thị Dung", position="Phó Chủ tịch UBND")
    week(
        commune_a,
        monday,
        entries=[
            entry(
                monday,
                weekday=1,
                start=time(8, 0),
                end=time(10, 30),
                content="Họp giao ban",
                location="Phòng họp số 1",
                chair=chair,
                officials=[other],
                attendees="Trưởng các thôn",
                preparing_body="Văn phòng UBND",
            ),
            entry(monday, weekday=3, start=time(14, 0), end=None, content="Tiếp công dân"),
        ],
    )
    calendar = feed(client, commune_a)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    first, second = sorted(events(calendar), key=lambda e: e.decoded("DTSTART"))
    start = first.decoded("DTSTART")
    assert start == datetime.combine(monday + timedelta(days=1), time(8, 0), tzinfo=VIETNAM)
    assert first["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert first.decoded("DTEND") == datetime.combine(
        monday + timedelta(days=1), time(10, 30), tzinfo=VIETNAM
    )
    assert str(first["LOCATION"]) == "Phòng họp số 1"
    description = str(first["DESCRIPTION"])
    for text in ("Lê Văn Cường", "Phạm Thị Dung", "Trưởng các thôn", "Văn phòng UBND"):
        assert text in description
    assert "LAST-MODIFIED" in first and "DTSTAMP" in first
    assert "DTEND" not in second
    assert str(first["UID"]).endswith(f"@{commune_a.site.hostname}")
    uids = sorted(str(event["UID"]) for event in events(calendar))
    assert uids == sorted(str(event["UID"]) for event in events(feed(client, commune_a)))


def test_uids_survive_a_republication(client, commune_a):
    from tests.factories.agenda import republish

    monday = this_monday()
    page = week(commune_a, monday)
    before = sorted(str(event["UID"]) for event in events(feed(client, commune_a)))

    def rename(items):
        for item in items:
            item.content += " (sửa)"

    republish(page, rename)
    after = sorted(str(event["UID"]) for event in events(feed(client, commune_a)))
    assert before == after


def test_no_schedule_no_feed(client, commune_a):
    response = client.get("/khong-co/lich.ics", HTTP_HOST=commune_a.site.hostname)
    assert response.status_code == 404


def test_feed_query_budget_is_the_same_for_few_and_many_entries(client, commune_a, commune_b, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    monday = this_monday()
    leaders = [official(commune_b, name=f"Lãnh đạo {n}") for n in range(3)]
    week(commune_a, monday, entries=[entry(monday)])
    for offset in range(-4, 2):
        start = monday + timedelta(weeks=offset)
        week(
            commune_b,
            start,
            entries=[entry(start, weekday=n % 7, chair=leaders[n % 3], officials=leaders) for n in range(8)],
        )
    counts = []
    for unit in (commune_a, commune_b):
        client.get("/lich-cong-tac/lich.ics", HTTP_HOST=unit.site.hostname)
        with CaptureQueriesContext(connection) as captured:
            client.get("/lich-cong-tac/lich.ics", HTTP_HOST=unit.site.hostname)
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 6, counts
