"""The public schedule: this week by default, next week, any week by ?tuan=, only live weeks, the printable
layout, the "điều chỉnh" marks, bad query strings, the page's weight and its query budget."""

from datetime import time, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

import pytest

from agenda.weeks import day_heading, this_monday, week_param
from tests.factories.agenda import entry, official, republish, week

pytestmark = pytest.mark.django_db


def get(client, unit, query="", **extra):
    return client.get(f"/lich-cong-tac/{query}", HTTP_HOST=unit.site.hostname, **extra)


def vi(msgid):
    with translation.override("vi"):
        return gettext(msgid)


def test_this_week_is_shown_by_default_with_a_table_per_day(client, commune_a):
    monday = this_monday()
    chair = official(commune_a, name="Trần Thị Bình", position="Chủ tịch UBND")
    week(
        commune_a,
        monday,
        entries=[
            entry(monday, content="Họp giao ban đầu tuần", chair=chair, preparing_body="Văn phòng UBND"),
            entry(
                monday, weekday=3, start=time(14, 0), content="Kiểm tra công trình", chair_text="Phó Chủ tịch"
            ),
        ],
    )
    response = get(client, commune_a)
    assert response.status_code == 200
    body = response.content.decode()
    with translation.override("vi"):
        assert day_heading(monday) in body and day_heading(monday + timedelta(days=3)) in body
    assert "Họp giao ban đầu tuần" in body and "Kiểm tra công trình" in body
    assert "Trần Thị Bình" in body and "Văn phòng UBND" in body
    assert body.count("<caption>") == 2 and 'scope="col"' in body and 'scope="row"' in body
    assert 'aria-current="page"' in body  # the "this week" tab
    assert len(response.content) <= 100 * 1024


def test_next_week_and_any_week_by_parameter(client, commune_a):
    monday = this_monday()
    week(
        commune_a,
        monday + timedelta(weeks=1),
        entries=[entry(monday + timedelta(weeks=1), content="Tuần sau họp")],
    )
    assert "Tuần sau họp" not in get(client, commune_a).content.decode()
    response = get(client, commune_a, f"?tuan={week_param(monday + timedelta(weeks=1))}")
    assert response.status_code == 200 and "Tuần sau họp" in response.content.decode()
    assert response.context["week"]["monday"] == monday + timedelta(weeks=1)


def test_an_empty_week_says_so_and_is_not_indexed(client, commune_a):
    response = get(client, commune_a, "?tuan=2026-W10")
    assert response.status_code == 200
    body = response.content.decode()
    assert vi("No schedule has been published for this week.") in body
    assert 'name="robots" content="noindex"' in body


def test_only_live_weeks_are_shown(client, commune_a):
    monday = this_monday()
    week(commune_a, monday, entries=[entry(monday, content="Bản nháp chưa duyệt")], publish=False)
    body = get(client, commune_a).content.decode()
    assert "Bản nháp chưa duyệt" not in body
    assert vi("No schedule has been published for this week.") in body


def test_another_units_week_is_not_shown(client, commune_a, commune_b):
    monday = this_monday()
    week(commune_b, monday, entries=[entry(monday, content="Lịch của xã B")])
    assert "Lịch của xã B" not in get(client, commune_a).content.decode()


@pytest.mark.parametrize(
    "value",
    [
        "abc",
        "2026-W54",
        "2026-W00",
        "1999-W10",
        "9999-W01",
        "2026-49",
        "%00",
        "%FF",
        "x" * 5000,
        "-1",
        "2026-W4x",
    ],
)
def test_bad_week_values_are_not_found_never_an_error(client, commune_a, value):
    response = get(client, commune_a, f"?tuan={value}")
    assert response.status_code in (400, 404)  # NUL bytes are refused before any view


@pytest.mark.parametrize("query", ["?in=2", "?in=%00", "?tuan=2026-W49&tuan=abc", "?tuan[]=1", "?page=-1"])
def test_odd_query_strings_never_answer_5xx(client, commune_a, query):
    assert get(client, commune_a, query).status_code < 500


def test_printable_layout_without_the_sites_navigation(client, commune_a):
    monday = this_monday()
    week(commune_a, monday, entries=[entry(monday, content="Họp giao ban")])
    screen = get(client, commune_a).content.decode()
    print_url = f"?tuan={week_param(monday)}&amp;in=1"
    assert print_url in screen and vi("Print the schedule") in screen
    response = get(client, commune_a, f"?tuan={week_param(monday)}&in=1")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Họp giao ban" in body
    assert "site-nav" not in body and "site-footer" not in body
    assert "agenda/css/schedule.css" in body


def test_adjusted_entries_are_marked_with_the_time(client, commune_a):
    monday = this_monday()
    page = week(commune_a, monday, entries=[entry(monday, content="Họp giao ban"), entry(monday, weekday=1)])

    def move(items):
        min(items, key=lambda e: e.day).start_time = time(9, 30)

    republish(page, move)
    body = get(client, commune_a).content.decode()
    marker = vi("Adjusted at %(time)s").split("%")[0]
    assert body.count(marker) == 1


def test_the_week_page_shows_its_week(client, commune_a):
    monday = this_monday()
    page = week(commune_a, monday, entries=[entry(monday, content="Họp tại trang tuần")])
    response = client.get(page.url, HTTP_HOST=commune_a.site.hostname)
    assert response.status_code == 200 and "Họp tại trang tuần" in response.content.decode()


def measure(client, unit, path):
    client.get(path, HTTP_HOST=unit.site.hostname)  # warm the per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, HTTP_HOST=unit.site.hostname)
    assert response.status_code == 200
    return len(captured)


def many_entries(unit, monday, count):
    leaders = [official(unit, name=f"Lãnh đạo {n}", position="Phó Chủ tịch UBND") for n in range(3)]
    return [
        entry(
            monday,
            weekday=n % 7,
            start=time(7 + n % 10, 0),
            content=f"Việc {n}",
            chair=leaders[n % 3],
            officials=leaders,
        )
        for n in range(count)
    ]


def test_query_budget_of_the_week_is_the_same_for_2_and_40_entries(client, commune_a, commune_b, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    monday = this_monday()
    week(commune_a, monday, entries=many_entries(commune_a, monday, 2))
    week(commune_b, monday, entries=many_entries(commune_b, monday, 40))
    small = measure(client, commune_a, "/lich-cong-tac/")
    large = measure(client, commune_b, "/lich-cong-tac/")
    assert small == large, (small, large)
    assert large <= 8, large
