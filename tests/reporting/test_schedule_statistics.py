"""The "Lịch công tác và tin bài" tab: per tracked official, the activities of the published work schedules in
the period beside the live articles covering them, and the difference (activities that went unreported)."""

import csv
import datetime
import io

from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

import pytest
from openpyxl import load_workbook

from reporting.periods import read_period
from reporting.schedules import schedule_coverage
from tests.factories import publish_article
from tests.factories.agenda import entry, official, week

TZ = timezone.get_default_timezone()
NOVEMBER = {"ky": "thang", "nam": "2026", "thang": "11"}
URL = "/admin/reports/editorial-statistics/"
OCT_26, NOV_9, NOV_16, NOV_30 = (
    datetime.date(2026, m, d) for m, d in ((10, 26), (11, 9), (11, 16), (11, 30))
)


def local(*args):
    return datetime.datetime(*args, tzinfo=TZ)


@pytest.fixture
def leaders(district, commune_a, commune_b):
    chair = official(commune_a, name="Trần Văn Chủ", position="Chủ tịch UBND", sort_order=2)
    secretary = official(commune_a, name="Nguyễn Thị Bí", position="Bí thư Đảng ủy", sort_order=1)
    former = official(commune_a, name="Lê Văn Cũ", position="Nguyên Phó Chủ tịch", active=False, sort_order=3)
    official(commune_a, name="Đỗ Văn Nghỉ", position="Nguyên Chủ tịch", active=False)  # nothing: not listed
    other = official(commune_b, name="Phạm Văn Khác", position="Chủ tịch UBND")

    # the week of 26/10: Sunday 1/11 is in November, Saturday 31/10 is not
    week(
        commune_a,
        OCT_26,
        entries=[
            entry(OCT_26, weekday=5, chair=chair, content="Kiểm tra đê bao"),
            entry(OCT_26, weekday=6, chair=chair, content="Ngày hội đại đoàn kết"),
        ],
    )
    week(
        commune_a,
        NOV_9,
        entries=[  # the chair both chairs and takes part: one activity
            entry(NOV_9, weekday=0, chair=chair, officials=[chair, secretary], content="Họp giao ban"),
            entry(NOV_9, weekday=2, officials=[secretary], content="Tiếp công dân"),
            entry(NOV_9, weekday=3, chair=former, content="Bàn giao công việc"),
        ],
    )
    week(commune_a, NOV_16, entries=[entry(NOV_16, chair=chair, content="Chưa duyệt")], publish=False)
    week(
        commune_a,
        NOV_30,
        entries=[
            entry(NOV_30, weekday=0, chair_text="Trưởng thôn 1", officials=[chair], content="Họp thôn"),
            entry(NOV_30, weekday=1, officials=[chair], content="Tháng 12"),
        ],
    )
    week(commune_b, NOV_9, entries=[entry(NOV_9, weekday=4, officials=[other], content="Họp xã An Hải")])

    publish_article(commune_a, published_date=local(2026, 11, 5, 9), officials=[chair])
    publish_article(district, published_date=local(2026, 11, 10, 9), officials=[chair, secretary])
    publish_article(commune_a, published_date=local(2026, 10, 31, 23, 59), officials=[chair])  # October
    publish_article(commune_a, published_date=local(2026, 12, 1, 0, 0), officials=[secretary])  # December
    publish_article(commune_a, published_date=local(2026, 11, 12, 9), officials=[secretary]).unpublish()
    return chair, secretary, former, other


def figures(rows):
    return [(r.official.name, r.activities, r.articles, r.difference, r.share) for r in rows]


def test_activities_against_articles_per_official(leaders, district, commune_a, commune_b):
    period, _ = read_period(NOVEMBER)
    assert figures(schedule_coverage(period, [commune_a])) == [
        ("Nguyễn Thị Bí", 2, 1, 1, 50.0),
        ("Trần Văn Chủ", 3, 2, 1, 66.7),  # 1/11, 9/11 and 30/11; the draft week does not count
        ("Lê Văn Cũ", 1, 0, 1, 0.0),  # left office, but had an activity in the period
    ]
    rows = schedule_coverage(period, [district, commune_a, commune_b])
    assert [r.unit for r in rows] == [commune_a] * 3 + [commune_b]
    assert figures(rows)[-1] == ("Phạm Văn Khác", 1, 0, 1, 0.0)


def test_period_boundaries(leaders, commune_a):
    october, _ = read_period({"ky": "thang", "nam": "2026", "thang": "10"})
    assert figures(schedule_coverage(october, [commune_a])) == [
        ("Nguyễn Thị Bí", 0, 0, 0, None),
        ("Trần Văn Chủ", 1, 1, 0, 100.0),  # Saturday 31/10, and the article at 23:59 that day
    ]
    december, _ = read_period({"ky": "thang", "nam": "2026", "thang": "12"})
    assert figures(schedule_coverage(december, [commune_a])) == [
        ("Nguyễn Thị Bí", 0, 1, -1, None),  # the article at 00:00 on 1/12
        ("Trần Văn Chủ", 1, 0, 1, 0.0),
    ]


def test_three_queries_whatever_the_units(
    leaders, district, commune_a, commune_b, django_assert_max_num_queries
):
    period, _ = read_period(NOVEMBER)
    with django_assert_max_num_queries(3):
        schedule_coverage(period, [commune_a])
    with django_assert_max_num_queries(3):
        schedule_coverage(period, [district, commune_a, commune_b])


def test_the_tab_and_its_exports(client, board_member, leaders):
    client.force_login(board_member)
    html = client.get(URL, {**NOVEMBER, "bang": "lich-cong-tac"}).content.decode()
    with translation.override("vi"):
        heading = gettext("Leaders' activities in the work schedule and the articles covering them")
        assert escape(heading) in html
        assert escape(gettext("All officials")) in html
    assert "Phạm Văn Khác" in html and "<svg" in html
    response = client.get(URL, {**NOVEMBER, "bang": "lich-cong-tac", "export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Trần Văn Chủ"] == ("Chủ tịch UBND", "Xã Phước Hậu", 3, 2, 1, 66.7)
    assert rows["Phạm Văn Khác"] == ("Chủ tịch UBND", "Xã An Hải", 1, 0, 1, 0)
    with translation.override("vi"):
        assert rows[gettext("All officials")][2:5] == (7, 3, 4)
    response = client.get(URL, {**NOVEMBER, "bang": "lich-cong-tac", "export": "csv"})
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert ["Nguyễn Thị Bí", "Bí thư Đảng ủy", "Xã Phước Hậu", "2", "1", "1", "50.0"] in lines


def test_a_commune_sees_only_its_leaders(client, editor_a, approver_b, leaders):
    client.force_login(editor_a)
    html = client.get(URL, {**NOVEMBER, "bang": "lich-cong-tac"}).content.decode()
    assert "Trần Văn Chủ" in html and "Phạm Văn Khác" not in html
    client.force_login(approver_b)
    response = client.get(URL, {**NOVEMBER, "bang": "lich-cong-tac", "export": "csv"})
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [line[0] for line in lines[1:]] == ["Phạm Văn Khác"]  # one row: no total


def test_no_officials_shows_how_to_add_them(client, editor_a):
    client.force_login(editor_a)
    html = client.get(URL, {"bang": "lich-cong-tac"}).content.decode()
    with translation.override("vi"):
        assert escape(gettext("No tracked officials: add them under Snippets › Officials.")) in html


@pytest.mark.parametrize(
    "params",
    [
        {"bang": "lich-cong-tac", "ky": "khoang", "tu": "2026-11-31", "den": "01/13/2026"},
        {"bang": "lich-cong-tac", "ky": "tuan", "nam": "-5"},
        {"bang": "lich-cong-tac", "ky": "khoang", "tu": "01/01/2000", "den": "31/12/2100", "export": "csv"},
        {"bang": "lich-cong-tac", "export": "xlsx", "thang": "0"},
    ],
)
def test_bad_query_strings_never_fail(client, board_member, leaders, params):
    client.force_login(board_member)
    assert client.get(URL, params).status_code == 200
