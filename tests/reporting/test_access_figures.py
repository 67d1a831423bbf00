"""Access-to-information figures of the statistics: documents disclosed more than 5 working days after their
issue (weekends and Tết not counted), drafts whose outcome is overdue, units with no leaders listed."""

import io
from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from reporting.disclosure import late_documents
from reporting.periods import read_period
from tests.factories import legal_document
from tests.factories.documents_access import local, many_documents, published_document

URL = "/admin/reports/editorial-statistics/"
MARCH = {"ky": "thang", "nam": "2026", "thang": "3"}
FRIDAY_BEFORE_TET = date(2026, 2, 13)  # Tết holidays: 16–20 February 2026


def period(params=MARCH):
    return read_period(params)[0]


def test_working_days_around_tet_and_weekends(commune_a, district):
    # 13/02 (Fri) → 02/03 (Mon): the Tết week and two weekends are not counted, 6 working days: late by one
    late = published_document(
        commune_a, number="1/QĐ-UBND", issued_on=FRIDAY_BEFORE_TET, published=date(2026, 3, 2)
    )
    # 13/02 → 27/02 (Fri): 14 calendar days but 5 working days: on time (the figure is "more than 5")
    published_document(
        commune_a, number="2/QĐ-UBND", issued_on=FRIDAY_BEFORE_TET, published=date(2026, 2, 27)
    )
    # Thursday 05/03 → Thursday 12/03: 5 working days, on time; → Friday 13/03: 6, late
    published_document(commune_a, number="3/QĐ-UBND", issued_on=date(2026, 3, 5), published=date(2026, 3, 12))
    other = published_document(
        district, number="4/QĐ-UBND", issued_on=date(2026, 3, 5), published=date(2026, 3, 13)
    )
    # published in the period by UTC, but on 01/04 in Asia/Ho_Chi_Minh: outside March
    published_document(
        district, number="5/QĐ-UBND", issued_on=date(2026, 3, 1), published=local(date(2026, 4, 1), 1)
    )
    rows, found = late_documents(period(), [district, commune_a])
    # as late as each other: by unit name
    assert [(d.pk, d.working_days, d.days_late) for d in found] == [(other.pk, 6, 1), (late.pk, 6, 1)]
    assert (found[1].issued_on, found[1].published_on, found[1].unit) == (
        FRIDAY_BEFORE_TET,
        date(2026, 3, 2),
        commune_a,
    )
    by_unit = {row.unit: row for row in rows}
    assert (by_unit[commune_a].published, by_unit[commune_a].late) == (2, 1)  # 27/02 is not in March
    assert (by_unit[district].published, by_unit[district].late, by_unit[district].most_days_late) == (
        1,
        1,
        1,
    )
    assert by_unit[commune_a].share == 50.0


def test_the_figure_follows_the_government_swaps(commune_a, settings):
    # a Saturday worked in exchange counts; a day given off does not
    published_document(commune_a, number="6/QĐ-UBND", issued_on=date(2026, 3, 5), published=date(2026, 3, 13))
    assert len(late_documents(period(), [commune_a])[1]) == 1
    settings.PORTAL_EXTRA_DAYS_OFF = ["2026-03-09"]
    assert late_documents(period(), [commune_a])[1] == []


def test_one_query_whatever_the_number_of_documents(commune_a, commune_b, django_assert_num_queries):
    many_documents(commune_a, 10)
    many_documents(commune_b, 200)
    march = read_period(
        {"ky": "thang", "nam": str(timezone.localdate().year), "thang": str(timezone.localdate().month)}
    )[0]
    with django_assert_num_queries(1):
        rows, _found = late_documents(march, [commune_a, commune_b])
    assert {row.unit: row.published for row in rows} == {commune_a: 10, commune_b: 200}


def test_the_tables_are_confined_and_exported(client, commune_a, commune_b, editor_a, board_member):
    from openpyxl import load_workbook

    a = published_document(
        commune_a, number="7/QĐ-UBND", issued_on=date(2026, 3, 2), published=date(2026, 3, 20)
    )
    b = published_document(
        commune_b, number="8/QĐ-UBND", issued_on=date(2026, 3, 2), published=date(2026, 3, 23)
    )
    client.force_login(board_member)
    html = client.get(URL, {**MARCH, "bang": "cong-khai-tre-ds"}).content.decode()
    assert a.number in html and b.number in html
    response = client.get(URL, {**MARCH, "bang": "cong-khai-tre-ds", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == ["8/QĐ-UBND", "7/QĐ-UBND"]  # most late first
    assert rows[0][2:] == ("Xã An Hải", "02/03/2026", "23/03/2026", 15, 10)
    response = client.get(URL, {**MARCH, "bang": "cong-khai-tre", "export": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert "Xã An Hải,1,1,100.0,10" in text.replace("\r", "")
    client.force_login(editor_a)
    html = client.get(URL, {**MARCH, "bang": "cong-khai-tre-ds"}).content.decode()
    assert a.number in html and b.number not in html
    html = client.get(URL, {**MARCH, "bang": "cong-khai-tre"}).content.decode()
    assert "Xã Phước Hậu" in html and "Xã An Hải" not in html


def test_overdue_drafts_table_is_confined(client, commune_a, commune_b, editor_a, board_member):
    today = timezone.localdate()
    for unit, number in ((commune_a, "DT-1/UBND"), (commune_b, "DT-2/UBND")):
        legal_document(
            unit,
            number=number,
            disclosure="du-thao-lay-y-kien",
            comment_opens=today - timedelta(days=90),
            comment_closes=today - timedelta(days=45),
        )
    client.force_login(editor_a)
    html = client.get(URL, {"bang": "du-thao"}).content.decode()
    assert "DT-1/UBND" in html and "DT-2/UBND" not in html
    client.force_login(board_member)
    html = client.get(URL, {"bang": "du-thao"}).content.decode()
    assert "DT-1/UBND" in html and "DT-2/UBND" in html


@pytest.mark.parametrize("table", ["cong-khai-tre", "cong-khai-tre-ds", "du-thao", "khong-lanh-dao"])
def test_the_new_tables_answer_with_bad_parameters(client, board_member, table):
    client.force_login(board_member)
    response = client.get(URL, {"bang": table, "ky": "khoang", "tu": "31/02/2026", "nam": "x"})
    assert response.status_code == 200


def test_units_with_no_leaders_listed(client, district, commune_a, board_member):
    from news.selectors import units_without_public_leaders

    expected = {unit.name for unit in units_without_public_leaders([district, commune_a])}
    client.force_login(board_member)
    response = client.get(URL, {"bang": "khong-lanh-dao", "export": "csv"})
    names = set(b"".join(response.streaming_content).decode().splitlines()[1:])
    assert {name.strip() for name in names} == expected
    assert expected == {district.name, commune_a.name}  # freshly provisioned: nobody shown publicly


def test_statistics_view_query_count_does_not_grow_with_documents(client, commune_a, board_member):
    client.force_login(board_member)
    params = {"bang": "cong-khai-tre-ds"}
    many_documents(commune_a, 10)
    client.get(URL, params)
    with CaptureQueriesContext(connection) as small:
        client.get(URL, params)
    many_documents(commune_a, 190, prefix="M")
    with CaptureQueriesContext(connection) as large:
        client.get(URL, params)
    assert len(large) == len(small)
