"""The statistics of citizens' questions ("Hỏi đáp" tab): received where first sent, forwarded, answered at
the unit that answered, waiting and overdue now, median working days to answer; period boundaries on the local
calendar, unit confinement, exports."""

import csv
import datetime
import io

from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

import pytest
from openpyxl import load_workbook

from questions.models import Question, QuestionForward
from reporting.periods import read_period
from reporting.questions import service_levels

TZ = timezone.get_default_timezone()
NOVEMBER = {"ky": "thang", "nam": "2026", "thang": "11"}
URL = "/admin/reports/editorial-statistics/"


def local(*args):
    return datetime.datetime(*args, tzinfo=TZ)


def question(
    unit, received_at, *, received_unit=None, status=Question.Status.RECEIVED, due_on=None, **fields
):
    """A question as the form would have stored it (the contact details do not matter here)."""
    return Question.objects.create(
        unit=unit,
        received_unit=received_unit or unit,
        title=fields.pop("title", "Hỏi về cấp giấy chứng nhận"),
        body="Nội dung câu hỏi.",
        name="Nguyễn Văn Hỏi",
        email="hoi@example.test",
        consent_at=received_at,
        received_at=received_at,
        due_on=due_on or (timezone.localdate(received_at) + datetime.timedelta(days=14)),
        status=status,
        **fields,
    )


def answered(unit, received_at, answered_at, *, due_on=None, **fields):
    return question(
        unit,
        received_at,
        status=Question.Status.ANSWERED,
        answered_at=answered_at,
        closed_at=answered_at,
        due_on=due_on,
        **fields,
    )


@pytest.fixture
def november(commune_a, commune_b):
    """Working days in November 2026: the weekdays, less 24/11 (Vietnam Cultural Day, a holiday from 2026)."""
    today = timezone.localdate()
    # A: received Mon 2/11, answered Fri 6/11: 4 working days, on time
    answered(commune_a, local(2026, 11, 2, 9), local(2026, 11, 6, 15), due_on=datetime.date(2026, 11, 16))
    # A: received Tue 3/11, answered Fri 20/11: 13 working days, after its due date (17/11)
    answered(commune_a, local(2026, 11, 3, 10), local(2026, 11, 20, 16), due_on=datetime.date(2026, 11, 17))
    # received at A at local midnight opening the month (counts at A), forwarded to B, answered by B on
    # Mon 9/11: 6 working days from Sunday 1/11
    forwarded = answered(
        commune_b,
        local(2026, 11, 1, 0, 0),
        local(2026, 11, 9, 8),
        received_unit=commune_a,
        due_on=datetime.date(2026, 11, 13),
    )
    QuestionForward.objects.create(
        question=forwarded, from_unit=commune_a, to_unit=commune_b, forwarded_at=local(2026, 11, 2, 8)
    )
    # A: received Sat 31/10 23:59 (October), answered Mon 2/11 (November): 1 working day
    answered(
        commune_a, local(2026, 10, 31, 23, 59), local(2026, 11, 2, 9), due_on=datetime.date(2026, 11, 13)
    )
    # A: received in November, answered at local midnight opening December: not answered in November
    answered(commune_a, local(2026, 11, 20, 9), local(2026, 12, 1, 0, 0))
    # A: waiting, not due yet; closed without an answer (still received)
    question(commune_a, local(2026, 11, 10, 9), due_on=today + datetime.timedelta(days=5))
    question(
        commune_a, local(2026, 11, 12, 9), status=Question.Status.CLOSED, closed_at=local(2026, 11, 13, 9)
    )
    # B: received in December, waiting and past its due date
    question(
        commune_b,
        local(2026, 12, 1, 0, 0),
        status=Question.Status.ANSWERING,
        due_on=today - datetime.timedelta(days=1),
    )
    # a forward out of the period does not count
    QuestionForward.objects.create(
        question=forwarded, from_unit=commune_b, to_unit=commune_a, forwarded_at=local(2026, 10, 31, 23, 59)
    )


def test_figures_per_unit_and_in_total(november, district, commune_a, commune_b):
    period, _ = read_period(NOVEMBER)
    rows, total = service_levels(period, [district, commune_a, commune_b])
    d, a, b = rows
    assert (a.received, a.forwarded, a.answered, a.on_time, a.open, a.overdue) == (6, 1, 3, 2, 1, 0)
    assert sorted(a.days) == [1, 4, 13] and a.median_days == 4 and a.on_time_share == 66.7
    assert (b.received, b.forwarded, b.answered, b.open, b.overdue) == (0, 0, 1, 1, 1)
    assert b.median_days == 6 and b.on_time_share == 100.0
    assert (d.received, d.answered, d.median_days, d.on_time_share) == (0, 0, None, None)  # nothing: no 0 %
    assert (total.received, total.forwarded, total.answered, total.open, total.overdue) == (6, 1, 4, 2, 1)
    assert total.median_days == 5.0  # the median of every answer (1, 4, 6, 13), not of the units' medians
    assert total.on_time_share == 75.0


def test_period_boundaries_are_local_midnights(november, commune_a, commune_b):
    october, _ = read_period({"ky": "thang", "nam": "2026", "thang": "10"})
    [a], _total = service_levels(october, [commune_a])
    assert (a.received, a.answered) == (1, 0)  # 31/10 23:59 received; answered in November
    december, _ = read_period({"ky": "thang", "nam": "2026", "thang": "12"})
    [a, b], _total = service_levels(december, [commune_a, commune_b])
    # answered at 00:00 on 1/12, from Fri 20/11: 7 weekdays, less the holiday of 24/11
    assert (a.received, a.answered, a.days) == (0, 1, [6])
    assert b.received == 1
    october_b = service_levels(october, [commune_b])[0][0]
    assert october_b.forwarded == 1  # the forward at 23:59 on 31/10


def test_a_fixed_number_of_queries_whatever_the_units(
    november, district, commune_a, commune_b, django_assert_num_queries
):
    period, _ = read_period(NOVEMBER)
    with django_assert_num_queries(4):
        service_levels(period, [commune_a])
    with django_assert_num_queries(4):
        service_levels(period, [district, commune_a, commune_b])


def test_the_tab_shows_the_table_with_the_total_and_exports_it(client, board_member, november):
    client.force_login(board_member)
    html = client.get(URL, {**NOVEMBER, "bang": "hoi-dap"}).content.decode()
    with translation.override("vi"):
        assert escape(gettext("Citizens' questions: received, forwarded, answered")) in html
        assert gettext("Median working days to answer") in html
        assert gettext("All units") in html
    assert 'aria-current="page"' in html and "<svg" in html
    response = client.get(URL, {**NOVEMBER, "bang": "hoi-dap", "export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Xã Phước Hậu"] == (6, 1, 3, 66.7, 4, 1, 0)
    assert rows["Xã An Hải"] == (0, 0, 1, 100, 6, 1, 1)
    assert rows["Huyện Ninh Phước"][:3] == (0, 0, 0)
    with translation.override("vi"):
        assert rows[gettext("All units")] == (6, 1, 4, 75, 5, 2, 1)
    response = client.get(URL, {**NOVEMBER, "bang": "hoi-dap", "export": "csv"})
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert ["Xã Phước Hậu", "6", "1", "3", "66.7", "4", "1", "0"] in lines
    with translation.override("vi"):
        assert lines[0][:2] == [gettext("Unit"), gettext("Questions received")]


def test_a_commune_editor_sees_and_exports_only_its_unit(client, editor_a, november):
    client.force_login(editor_a)
    html = client.get(URL, {**NOVEMBER, "bang": "hoi-dap"}).content.decode()
    assert "Xã Phước Hậu" in html and "Xã An Hải" not in html and "Huyện Ninh Phước" not in html
    response = client.get(URL, {**NOVEMBER, "bang": "hoi-dap", "export": "csv"})
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [line[0] for line in lines[1:]] == ["Xã Phước Hậu"]  # one unit: no total row
    assert lines[1][1:4] == ["6", "1", "3"]


def test_nothing_to_count_shows_dashes_not_errors(client, board_member, commune_a):
    client.force_login(board_member)
    response = client.get(URL, {"ky": "nam", "nam": "2001", "bang": "hoi-dap"})
    assert response.status_code == 200
    assert "—" in response.content.decode()  # no median without answers


@pytest.mark.parametrize(
    "params",
    [
        {"bang": "hoi-dap", "ky": "khoang", "tu": "31/02/2026", "den": "x"},
        {"bang": "hoi-dap", "nam": "20x6", "thang": "13"},
        {"bang": "hoi-dap", "ky": "quy", "quy": "9", "export": "pdf"},
        {"bang": "hoi-dap", "export": "xlsx", "ky": "khoang", "tu": "01/01/1900", "den": "01/01/2999"},
        {"bang": "hoi-dap", "so-ngay": "-1", "export": "xlsx\u202e"},
        {"bang": ["hoi-dap", "lich-cong-tac"], "ky": "\u202e"},
    ],
)
def test_bad_query_strings_never_fail(client, board_member, november, params):
    client.force_login(board_member)
    assert client.get(URL, params).status_code == 200


def test_a_nul_byte_is_refused_not_a_server_error(client, board_member, november):
    client.force_login(board_member)
    assert client.get(URL, {"bang": "hoi-dap\x00", "ky": "nam"}).status_code == 400


def test_working_days_skip_tet_and_weekends(commune_a):
    # Friday 13/02/2026 → Monday 02/03/2026: the Tết week (16–20/02) and the weekends are not counted
    answered(commune_a, local(2026, 2, 13, 16), local(2026, 3, 2, 9), due_on=datetime.date(2026, 3, 2))
    answered(
        commune_a, local(2026, 3, 2, 8), local(2026, 3, 2, 17), due_on=datetime.date(2026, 3, 16)
    )  # same day
    period, _ = read_period({"ky": "khoang", "tu": "01/02/2026", "den": "31/03/2026"})
    [a], _total = service_levels(period, [commune_a])
    assert sorted(a.days) == [0, 6] and a.median_days == 3 and a.on_time == 2
