"""Editorial statistics: periods on the local calendar and year-on-year counts per unit."""

import datetime

from django.utils import timezone

import pytest

from reporting.periods import read_period
from reporting.statistics import articles_per_unit
from tests.factories import publish_article

TZ = timezone.get_default_timezone()


def local(*args):
    return datetime.datetime(*args, tzinfo=TZ)


@pytest.mark.parametrize(
    ("params", "start", "end"),
    [
        ({"ky": "thang", "nam": "2026", "thang": "2"}, (2026, 2, 1), (2026, 2, 28)),
        ({"ky": "thang", "nam": "2024", "thang": "2"}, (2024, 2, 1), (2024, 2, 29)),
        ({"ky": "quy", "nam": "2026", "quy": "4"}, (2026, 10, 1), (2026, 12, 31)),
        ({"ky": "9-thang", "nam": "2026"}, (2026, 1, 1), (2026, 9, 30)),
        ({"ky": "nam", "nam": "2025"}, (2025, 1, 1), (2025, 12, 31)),
        ({"ky": "khoang", "tu": "15/03/2026", "den": "14/04/2026"}, (2026, 3, 15), (2026, 4, 14)),
        ({"ky": "khoang", "tu": "14/04/2026", "den": "15/03/2026"}, (2026, 3, 15), (2026, 4, 14)),
    ],
)
def test_periods(params, start, end):
    period, _notices = read_period(params, today=datetime.date(2026, 11, 26))
    assert (period.start, period.end) == (datetime.date(*start), datetime.date(*end))


def test_period_bounds_are_local_midnights_and_last_year_keeps_the_days():
    period, _ = read_period({"ky": "thang", "nam": "2024", "thang": "2"})
    begin, after = period.bounds()
    assert begin == local(2024, 2, 1) and after == local(2024, 3, 1)
    assert begin.utcoffset() == datetime.timedelta(hours=7)  # 17:00 UTC the day before
    previous = period.previous_year()
    assert (previous.start, previous.end) == (datetime.date(2023, 2, 1), datetime.date(2023, 2, 28))


@pytest.mark.parametrize(
    "params",
    [{"ky": "tuan"}, {"nam": "20x6"}, {"nam": "1800"}, {"thang": "13"}, {"ky": "quy", "quy": "5"},
     {"ky": "khoang", "tu": "31/02/2026", "den": "01/03/2026"}, {"ky": "khoang"}],
)  # fmt: skip
def test_bad_period_values_fall_back_with_a_notice(params):
    period, notices = read_period(params, today=datetime.date(2026, 11, 26))
    assert notices and period.start.year == 2026


def test_year_on_year_per_unit_with_a_fall_of_two_thirds(commune_a, commune_b, district):
    for day in (3, 10, 20):
        publish_article(commune_a, published_date=local(2025, 11, day, 9))
    publish_article(commune_a, published_date=local(2026, 11, 5, 9))
    publish_article(commune_b, published_date=local(2026, 11, 6, 9))  # nothing last year
    # local midnight opens the month; 23:59 on its last day counts; midnight on the 1st of the next does not
    publish_article(district, published_date=local(2026, 11, 1, 0, 0))
    publish_article(district, published_date=local(2026, 11, 30, 23, 59))
    publish_article(district, published_date=local(2026, 12, 1, 0, 0))
    publish_article(district, published_date=local(2026, 10, 31, 23, 59))
    gone = publish_article(commune_b, published_date=local(2026, 11, 7, 9))
    gone.unpublish()  # only live content counts

    period, _ = read_period({"ky": "thang", "nam": "2026", "thang": "11"})
    rows = {row.unit: row for row in articles_per_unit(period, [district, commune_a, commune_b])}
    a, b, d = rows[commune_a], rows[commune_b], rows[district]
    assert (a.current, a.previous, a.change, a.percent) == (1, 3, -2, -66.7)
    assert (b.current, b.previous, b.percent) == (1, 0, None)
    assert (d.current, d.previous) == (2, 0)


def test_counts_do_not_cross_units_and_one_query_whatever_the_units(
    commune_a, commune_b, district, django_assert_num_queries
):
    publish_article(commune_a, published_date=local(2026, 11, 5, 9))
    period, _ = read_period({"ky": "thang", "nam": "2026", "thang": "11"})
    units = [district, commune_a, commune_b]
    for unit in units:
        unit.site.root_page  # noqa: B018 (loaded before counting queries)
    with django_assert_num_queries(1):
        rows = articles_per_unit(period, units)
    assert [row.current for row in rows] == [0, 1, 0]


@pytest.fixture
def november(commune_a, commune_b):
    for day in (3, 10, 20):
        publish_article(commune_a, published_date=local(2025, 11, day, 9))
    publish_article(commune_a, published_date=local(2026, 11, 5, 9))
    publish_article(commune_b, published_date=local(2026, 11, 6, 9))
    return {"ky": "thang", "nam": "2026", "thang": "11"}


URL = "/admin/reports/editorial-statistics/"


def test_board_sees_every_unit_side_by_side(client, board_member, november):
    client.force_login(board_member)
    response = client.get(URL, november)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Xã Phước Hậu" in html and "Xã An Hải" in html and "Huyện Ninh Phước" in html
    assert "−66.7%" in html and "<svg" in html


def test_a_commune_sees_only_its_own_unit(client, editor_a, november):
    client.force_login(editor_a)
    html = client.get(URL, november).content.decode()
    assert "Xã Phước Hậu" in html and "Xã An Hải" not in html


def test_users_without_a_unit_are_refused(client, db):
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory

    user = UserFactory(username="outsider")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(URL)  # Wagtail turns the refusal into a redirect to the dashboard with a message
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_exports_hold_the_same_numbers_as_the_page(client, board_member, november):
    import csv
    import io

    from openpyxl import load_workbook

    client.force_login(board_member)
    response = client.get(URL, {**november, "export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Xã Phước Hậu"] == (1, 3, -2, "−66.7%")
    assert rows["Xã An Hải"][:3] == (1, 0, 1) and "năm trước" in rows["Xã An Hải"][3]
    response = client.get(URL, {**november, "export": "csv"})
    text = b"".join(response.streaming_content).decode()
    lines = {row[0]: row[1:] for row in csv.reader(io.StringIO(text))}
    assert lines["Xã Phước Hậu"] == ["1", "3", "-2", "−66.7%"]


@pytest.mark.parametrize(
    "params", [{"ky": "x"}, {"nam": "abc"}, {"ky": "khoang", "tu": "99/99/9999"}, {"thang": "0"}]
)
def test_bad_parameters_answer_200_with_a_notice(client, board_member, params):
    client.force_login(board_member)
    response = client.get(URL, params)
    assert response.status_code == 200 and response.context["notices"]


def test_inactive_units_are_listed_with_their_last_article(district, commune_a, commune_b):
    from reporting.statistics import inactive_units

    now = local(2026, 11, 26, 12)
    publish_article(district, published_date=local(2026, 11, 25, 9))  # active
    publish_article(commune_a, published_date=local(2026, 11, 1, 9))  # 25 days ago
    old = publish_article(commune_b, published_date=local(2026, 11, 20, 9))
    old.unpublish()  # a withdrawn article does not count: commune_b never published
    rows = inactive_units([district, commune_a, commune_b], days=14, now=now)
    assert [(r.unit, r.days_since) for r in rows] == [(commune_b, None), (commune_a, 25)]
    # 25 calendar days without an article: inactive after 24, not after 25
    assert inactive_units([commune_a], days=25, now=now) == []
    assert [r.unit for r in inactive_units([commune_a], days=24, now=now)] == [commune_a]


def test_documents_per_disclosure_category_and_empty_categories(commune_a, commune_b):
    from documents.legal import Disclosure
    from reporting.statistics import documents_per_disclosure
    from tests.factories import legal_document

    legal_document(
        commune_a,
        number="1/QĐ-UBND",
        disclosure="ngan-sach" if "ngan-sach" in Disclosure.values else Disclosure.values[0],
    )
    legal_document(commune_a, number="2/QĐ-UBND", disclosure=Disclosure.values[1])
    legal_document(commune_a, number="3/QĐ-UBND", disclosure=Disclosure.values[1])
    legal_document(commune_b, number="4/QĐ-UBND", disclosure=Disclosure.values[1], publish=False)  # a draft
    today = timezone.localdate()
    period, _ = read_period({"ky": "thang", "nam": str(today.year), "thang": str(today.month)})
    labels, rows = documents_per_disclosure(period, [commune_a, commune_b])
    by_unit = {row.unit: row for row in rows}
    assert labels == list(Disclosure.labels)
    assert by_unit[commune_a].counts[1] == 2 and by_unit[commune_a].total == 3
    assert by_unit[commune_b].total == 0 and len(by_unit[commune_b].empty) == len(labels)
    assert len(by_unit[commune_a].empty) == len(labels) - 2


def test_each_table_exports_its_rows(client, board_member, commune_a, commune_b):
    import io

    from openpyxl import load_workbook

    publish_article(commune_a, published_date=timezone.now() - datetime.timedelta(days=1))
    client.force_login(board_member)
    response = client.get(URL, {"bang": "khong-hoat-dong", "export": "xlsx", "so-ngay": "7"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Xã An Hải" in names and "Xã Phước Hậu" not in names
    response = client.get(URL, {"bang": "van-ban", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = next(sheet.iter_rows(max_row=1, values_only=True))
    assert header[0] == "Đơn vị" and header[-1] == "Tổng"
    response = client.get(URL, {"bang": "chuyen-muc", "export": "csv"})
    assert b"".join(response.streaming_content).decode().startswith("Chuyên mục,")
    html = client.get(URL, {"so-ngay": "abc", "bang": "khong-hoat-dong"}).content.decode()
    assert "Đơn vị chưa đăng tin trong 14 ngày qua" in html and "Đã bỏ qua số ngày không hợp lệ: abc" in html


def test_per_category_and_per_author_with_last_year(commune_a, commune_b, editor_a):
    from reporting.statistics import articles_per_author, articles_per_category
    from tests.factories import shared_category

    news = shared_category("thoi-su", "Thời sự")
    notice = shared_category("thong-bao", "Thông báo")
    editor_a.first_name, editor_a.last_name = "Văn An", "Nguyễn"
    editor_a.save()
    for day in (3, 10, 20):
        publish_article(commune_a, published_date=local(2025, 11, day, 9), categories=[news], owner=editor_a)
    publish_article(
        commune_a, published_date=local(2026, 11, 5, 9), categories=[news, notice], owner=editor_a
    )
    publish_article(commune_a, published_date=local(2026, 11, 6, 9))  # no category, no owner
    publish_article(commune_b, published_date=local(2026, 11, 6, 9), categories=[notice])  # another unit

    period, _ = read_period({"ky": "thang", "nam": "2026", "thang": "11"})
    categories = {row.label: row for row in articles_per_category(period, [commune_a])}
    assert (categories["Thời sự"].current, categories["Thời sự"].previous, categories["Thời sự"].percent) == (
        1, 3, -66.7,
    )  # fmt: skip
    assert (categories["Thông báo"].current, categories["Thông báo"].previous) == (1, 0)  # not An Hải's
    assert categories["(chưa gắn chuyên mục)"].current == 1
    authors = {row.label: row for row in articles_per_author(period, [commune_a])}
    assert (authors["Nguyễn Văn An"].current, authors["Nguyễn Văn An"].previous) == (1, 3)
    assert authors["(không rõ)"].current == 1  # the article without an owner
    both = {row.label: row.current for row in articles_per_category(period, [commune_a, commune_b])}
    assert both["Thông báo"] == 2
