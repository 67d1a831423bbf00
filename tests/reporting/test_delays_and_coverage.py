"""Timeliness (event to publication), moderation turnaround, the moderation queue and the coverage of the
tracked officials: exact data sets, every figure checked."""

import datetime
import io

from django.utils import timezone

from wagtail.models import PageLogEntry, TaskState, WorkflowState

import pytest
from openpyxl import load_workbook

from news.models import NewsArticlePage
from news.taxonomy import Official
from reporting.delays import timeliness, turnaround, waiting
from reporting.periods import read_period
from reporting.reports import BUILDERS
from reporting.statistics import coverage
from tests.factories import draft_article, publish_article

TZ = timezone.get_default_timezone()
NOVEMBER = {"ky": "thang", "nam": "2026", "thang": "11"}
URL = "/admin/reports/editorial-statistics/"


def local(*args):
    return datetime.datetime(*args, tzinfo=TZ)


def went_live(unit, first_published_at, event_date=None, **fields):
    """A live article of ``unit`` that first went live at ``first_published_at``."""
    article = publish_article(unit, published_date=first_published_at, event_date=event_date, **fields)
    NewsArticlePage.objects.filter(pk=article.pk).update(first_published_at=first_published_at)
    return article


@pytest.fixture
def timely(commune_a, commune_b):
    went_live(commune_a, local(2026, 11, 10, 20), datetime.date(2026, 11, 10))  # 20 h
    went_live(commune_a, local(2026, 11, 11, 0), datetime.date(2026, 11, 10))  # exactly 24 h: within
    went_live(commune_a, local(2026, 11, 11, 23), datetime.date(2026, 11, 10))  # 47 h
    went_live(commune_a, local(2026, 11, 10, 10), datetime.date(2026, 11, 5))  # 130 h
    went_live(commune_a, local(2026, 11, 12, 9))  # no event date: not measured
    went_live(commune_a, local(2026, 10, 31, 23, 59), datetime.date(2026, 10, 31))  # October
    went_live(commune_a, local(2026, 12, 1, 0, 0), datetime.date(2026, 11, 30))  # December, by local midnight
    gone = went_live(commune_a, local(2026, 11, 13, 9), datetime.date(2026, 11, 13))
    gone.unpublish()  # only live articles
    went_live(commune_b, local(2026, 11, 2, 1), datetime.date(2026, 11, 1))  # 25 h


def test_timeliness_median_and_shares_per_unit(timely, commune_a, commune_b, district):
    period, _ = read_period(NOVEMBER)
    rows = {row.unit: row for row in timeliness(period, [district, commune_a, commune_b])}
    a, b, d = rows[commune_a], rows[commune_b], rows[district]
    assert (a.articles, a.undated, a.within_24h, a.within_48h) == (4, 1, 2, 3)
    assert (a.share_24h, a.share_48h) == (50.0, 75.0)
    assert a.median_hours == 35.5  # (24 + 47) / 2
    assert (b.articles, b.within_24h, b.within_48h, b.share_48h, b.median_hours) == (1, 0, 1, 100.0, 25.0)
    assert (d.articles, d.median_hours, d.share_24h) == (0, None, None)  # nothing measured: no 0%


def test_timeliness_is_one_query_per_unit_count(
    timely, commune_a, commune_b, district, django_assert_max_num_queries
):
    period, _ = read_period(NOVEMBER)
    for unit in (district, commune_a, commune_b):
        unit.site.root_page  # noqa: B018 (loaded before counting)
    with django_assert_max_num_queries(3):  # measured + undated (+ the medians' values on SQLite)
        timeliness(period, [district, commune_a, commune_b])
    with django_assert_max_num_queries(3):
        timeliness(period, [commune_a])


def _at(model, pk, **fields):
    model.objects.filter(pk=pk).update(**fields)


def _submit(unit, author, title, at):
    page = draft_article(unit, author, title=title)
    page.get_workflow().start(page, author)
    page.refresh_from_db()
    _at(WorkflowState, page.current_workflow_state.pk, created_at=at)
    return page


def _decide(page, user, action, at, **kwargs):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, user, action, **kwargs)
    _at(TaskState, state.pk, finished_at=at)
    page.refresh_from_db()


@pytest.fixture
def moderated(commune_a, editor_a, approver_a, board_member):
    t0 = local(2026, 11, 3, 8)
    fast = _submit(commune_a, editor_a, "Tin duyệt nhanh", t0)
    _decide(fast, approver_a, "approve", t0 + datetime.timedelta(hours=2))
    _decide(fast, board_member, "approve", t0 + datetime.timedelta(hours=5))
    PageLogEntry.objects.filter(page=fast, action="wagtail.publish").update(
        timestamp=t0 + datetime.timedelta(hours=6)
    )
    t1 = local(2026, 11, 9, 8)
    slow = _submit(commune_a, editor_a, "Tin phải sửa", t1)
    _decide(slow, approver_a, "reject", t1 + datetime.timedelta(hours=1), comment="Bổ sung ảnh.")
    slow.current_workflow_state.resume(user=editor_a)
    _decide(slow, approver_a, "approve", t1 + datetime.timedelta(hours=10))
    _decide(slow, board_member, "approve", t1 + datetime.timedelta(hours=12))
    PageLogEntry.objects.filter(page=slow, action="wagtail.publish").update(
        timestamp=t1 + datetime.timedelta(hours=12)
    )
    pending = _submit(commune_a, editor_a, "Tin đang chờ", local(2026, 11, 20, 8))
    _submit(commune_a, editor_a, "Tin tháng trước", local(2026, 10, 20, 8))  # another period
    return fast, slow, pending


def test_turnaround_from_submission_to_each_approval_and_to_publication(moderated, commune_a, commune_b):
    period, _ = read_period(NOVEMBER)
    steps, rows = turnaround(period, [commune_a, commune_b])
    a, b = rows
    assert len(steps) == 2  # the unit's approval, then the board's
    assert (a.submitted, a.sent_back) == (3, 1)
    unit_step, board_step = a.steps
    assert (unit_step.approved, unit_step.median_hours) == (2, 6.0)  # 2 h and 10 h (rework included)
    assert (board_step.approved, board_step.median_hours) == (2, 8.5)  # 5 h and 12 h
    assert (a.published, a.median_hours_to_publication) == (2, 9.0)  # 6 h and 12 h
    assert (b.submitted, b.published, b.median_hours_to_publication) == (0, 0, None)
    assert [s.approved for s in b.steps] == [0, 0]


def test_waiting_items_with_their_age_and_unit_boundaries(moderated, commune_a, commune_b):
    now = local(2026, 11, 21, 20)
    items = waiting([commune_a], now=now)
    assert [item.page.title for item in items] == ["Tin tháng trước", "Tin đang chờ"]
    assert items[1].age == datetime.timedelta(hours=36) and items[1].unit == commune_a
    assert items[1].submitted_by.username == "a-editor"
    assert waiting([commune_b], now=now) == []


@pytest.fixture
def officials(commune_a, commune_b):
    secretary = Official.objects.create(name="Nguyễn Văn Bí", position="Bí thư Đảng ủy", unit=commune_a)
    chair = Official.objects.create(name="Trần Thị Chủ", position="Chủ tịch UBND", unit=commune_a)
    Official.objects.create(name="Lê Văn Cũ", position="Nguyên Chủ tịch", unit=commune_a, active=False)
    other = Official.objects.create(name="Phạm Văn Khác", position="Bí thư Đảng ủy", unit=commune_b)
    for day in (3, 10, 20):
        publish_article(commune_a, published_date=local(2025, 11, day, 9), officials=[secretary])
    publish_article(commune_a, published_date=local(2026, 11, 5, 9), officials=[secretary, chair])
    publish_article(commune_b, published_date=local(2026, 11, 6, 9), officials=[other])
    gone = publish_article(commune_a, published_date=local(2026, 11, 7, 9), officials=[chair])
    gone.unpublish()
    return secretary, chair, other


def test_coverage_per_official_with_last_year_and_zero(officials, commune_a, commune_b):
    period, _ = read_period(NOVEMBER)
    rows = coverage(period, [commune_a])
    assert [(r.label, r.current, r.previous, r.percent) for r in rows] == [
        ("Nguyễn Văn Bí – Bí thư Đảng ủy", 1, 3, -66.7),
        ("Trần Thị Chủ – Chủ tịch UBND", 1, 0, None),  # the unpublished article does not count
    ]  # the inactive official is not tracked; commune B's is not commune A's
    period, _ = read_period({"ky": "thang", "nam": "2026", "thang": "10"})
    assert [(r.current, r.previous) for r in coverage(period, [commune_a])] == [(0, 0), (0, 0)]
    assert [r.unit for r in coverage(period, [commune_b, commune_a])] == [commune_b, commune_a, commune_a]


def test_the_page_and_the_exports_show_the_new_tables(
    client, board_member, timely, officials, moderated, commune_a
):
    client.force_login(board_member)
    html = client.get(URL, NOVEMBER).content.decode()
    for tab in ("Độ kịp thời", "Thời gian duyệt", "Đang chờ duyệt", "Đưa tin lãnh đạo"):
        assert tab in html  # the tabs
    html = client.get(URL, {**NOVEMBER, "bang": "dung-han"}).content.decode()
    assert "Độ kịp thời: từ sự kiện đến khi đăng" in html and 'aria-current="page"' in html
    assert "35,5" in html and "50,0" in html  # the median and the 24-hour share, Vietnamese decimals
    for tab in ("don-vi", "chuyen-muc", "tac-gia", "dung-han", "kiem-duyet", "dang-cho", "lanh-dao"):
        assert "<svg" in client.get(URL, {**NOVEMBER, "bang": tab}).content.decode(), tab  # a chart each
    sheets = {}
    for table in ("dung-han", "kiem-duyet", "dang-cho", "lanh-dao"):
        response = client.get(URL, {**NOVEMBER, "bang": table, "export": "xlsx"})
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        sheets[table] = list(sheet.iter_rows(min_row=2, values_only=True))
    waiting_rows = sheets.pop("dang-cho")
    sheets = {table: {row[0]: row[1:] for row in rows} for table, rows in sheets.items()}
    assert sheets["dung-han"]["Xã Phước Hậu"][:6] == (4, 35.5, 2, 50, 3, 75)  # (the others went live today)
    assert sheets["kiem-duyet"]["Xã Phước Hậu"] == (3, 1, 2, 6, 2, 8.5, 2, 9)
    assert sheets["lanh-dao"]["Nguyễn Văn Bí"] == ("Bí thư Đảng ủy", "Xã Phước Hậu", 1, 3, -2, "−66.7%")
    assert [(row[0], row[1]) for row in waiting_rows] == [
        ("Xã Phước Hậu", "Tin tháng trước"),
        ("Xã Phước Hậu", "Tin đang chờ"),
    ]


def test_a_commune_editor_sees_only_its_own_queue_and_officials(
    client, editor_a, officials, moderated, commune_b
):
    from tests.factories import UserFactory

    b_editor = UserFactory(username="b-editor", groups=[commune_b.editors_group])
    client.force_login(b_editor)

    def tab(key):
        return client.get(URL, {**NOVEMBER, "bang": key}).content.decode()

    assert "Phạm Văn Khác" in tab("lanh-dao") and "Nguyễn Văn Bí" not in tab("lanh-dao")
    assert "Tin đang chờ" not in tab("dang-cho") and "Xã Phước Hậu" not in tab("kiem-duyet")
    client.force_login(editor_a)
    assert "Tin đang chờ" in tab("dang-cho") and "Phạm Văn Khác" not in tab("lanh-dao")


@pytest.mark.parametrize("tab", list(BUILDERS))
def test_no_report_grows_in_queries_with_the_units(
    client, board_member, district, commune_a, tab, django_assert_max_num_queries
):
    from tests.factories import make_unit

    client.force_login(board_member)
    params = {**NOVEMBER, "bang": tab}
    client.get(URL, params)  # warm the caches (site root paths, content types)
    with django_assert_max_num_queries(30) as few:
        client.get(URL, params)
    for n in range(6):
        make_unit(f"xa-{n}", parent=district, name=f"Xã số {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL, params)
    assert response.status_code == 200
    if tab in ("don-vi", "dung-han", "kiem-duyet", "van-ban"):  # one row per unit
        assert "Xã số 5" in response.content.decode()


def test_charts_scale_to_the_largest_value_and_draw_nothing_without_values():
    from reporting.charts import CHART_WIDTH, bar_chart

    chart = bar_chart([("A", [4, 2]), ("B", [1, None])], legend=["x", "y"])
    widths = [[s.width for s in row.segments] for row in chart["rows"]]
    assert widths == [[CHART_WIDTH, CHART_WIDTH // 2], [CHART_WIDTH // 4, 0]]
    assert chart["rows"][1].segments[1].text == "—"
    shares = bar_chart([("A", [50.0])], legend=["%"], maximum=100, suffix="%")
    assert (
        shares["rows"][0].segments[0].width == CHART_WIDTH // 2
        and shares["rows"][0].segments[0].text == "50,0%"
    )
    assert bar_chart([("A", [0, None])], legend=["x", "y"]) is None


def test_csv_exports_do_not_carry_formulas(client, board_member, commune_a, editor_a):
    import csv

    _submit(commune_a, editor_a, '=HYPERLINK("http://example.com","Bấm")', local(2026, 11, 20, 8))
    client.force_login(board_member)
    response = client.get(URL, {"bang": "dang-cho", "export": "csv"})
    [row] = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))[1:]
    assert row[1] == '\'=HYPERLINK("http://example.com","Bấm")'
