"""Monthly targets set by the board, the dashboard's progress panel, and Monday's digest and reminders."""

import datetime

from django.core import mail
from django.utils import timezone

import pytest

from portal.celery import app
from reporting import services
from reporting.models import ArticleTarget
from reporting.statistics import month_progress
from tests.factories import UserFactory, publish_article

TZ = timezone.get_default_timezone()
URL = "/admin/reports/article-targets/"


def local(*args):
    return datetime.datetime(*args, tzinfo=TZ)


def test_progress_against_the_target_pro_rata(district, commune_a, commune_b):
    ArticleTarget.objects.create(unit=commune_a, monthly_articles=30)
    ArticleTarget.objects.create(unit=commune_b, monthly_articles=4)
    for day in (1, 2, 3, 4, 5):
        publish_article(commune_a, published_date=local(2026, 11, day, 0, 0))  # midnight opens the month
    publish_article(commune_a, published_date=local(2026, 10, 31, 23, 59))  # October
    publish_article(commune_a, published_date=local(2026, 11, 11, 0, 0))  # after the 10th
    for day in (2, 3, 4, 6):
        publish_article(commune_b, published_date=local(2026, 11, day, 9))
    rows = {
        row.unit: row
        for row in month_progress([district, commune_a, commune_b], day=datetime.date(2026, 11, 10))
    }
    a, b, d = rows[commune_a], rows[commune_b], rows[district]
    assert (a.published, a.target, a.expected, a.percent, a.status) == (5, 30, 10, 17, "behind")
    assert (b.published, b.expected, b.percent, b.bar_percent, b.status) == (4, 1, 100, 100, "met")
    assert (d.published, d.target, d.status) == (0, None, "no-target")
    rows = month_progress([commune_a], day=datetime.date(2026, 11, 5))
    assert (rows[0].expected, rows[0].status) == (5, "on-track")


def test_the_board_sets_targets_and_a_bad_value_loses_nothing(client, board_member, commune_a, commune_b):
    client.force_login(board_member)
    page = client.get(URL)
    assert page.status_code == 200 and "Xã Phước Hậu" in page.content.decode()
    a, b = f"unit-{commune_a.pk}", f"unit-{commune_b.pk}"
    response = client.post(URL, {a: "12", b: "-3"})
    html = response.content.decode()
    assert response.status_code == 200 and "Chỉ tiêu ít nhất là 1 tin" in html
    assert 'value="12"' in html and not ArticleTarget.objects.exists()  # kept in the form, nothing saved
    response = client.post(URL, {a: "mười", b: ""})
    assert "Nhập số tin bài là một số nguyên." in response.content.decode()
    response = client.post(URL, {a: "12", b: "5000"})
    assert "tối đa là 1000 tin" in response.content.decode()
    response = client.post(URL, {a: "12", b: "4"})
    assert response.status_code == 302
    assert dict(ArticleTarget.objects.values_list("unit", "monthly_articles")) == {
        commune_a.pk: 12,
        commune_b.pk: 4,
    }
    assert ArticleTarget.objects.get(unit=commune_a).updated_by == board_member
    client.post(URL, {a: "12", b: ""})  # an emptied box removes the target
    assert list(ArticleTarget.objects.values_list("unit", flat=True)) == [commune_a.pk]


def test_units_cannot_set_targets(client, editor_a, approver_a, commune_a):
    for user in (editor_a, approver_a):
        client.force_login(user)
        assert client.get(URL).status_code == 302
        assert client.post(URL, {f"unit-{commune_a.pk}": "1"}).status_code == 302
    assert not ArticleTarget.objects.exists()
    html = client.get("/admin/").content.decode()
    assert "Chỉ tiêu tin bài hằng tháng" not in html  # not in their menu


def test_dashboard_panel_shows_each_user_their_units(client, board_member, editor_a, commune_a, commune_b):
    ArticleTarget.objects.create(unit=commune_a, monthly_articles=10)
    publish_article(commune_a, published_date=timezone.now())
    client.force_login(board_member)
    html = client.get("/admin/").content.decode()
    assert "Tin bài tháng này" in html and "Xã An Hải" in html and "chưa đặt chỉ tiêu" in html
    assert 'value="10"' in html  # 1 of 10: the progress bar at 10%
    client.force_login(editor_a)
    html = client.get("/admin/").content.decode()
    assert "Tin bài tháng này" in html and "Xã An Hải" not in html and "Đặt chỉ tiêu" not in html


@pytest.fixture
def week_of_news(district, commune_a, commune_b, editor_a, approver_a, approver_b, board_member):
    ArticleTarget.objects.create(unit=commune_a, monthly_articles=30)  # 30 by the 30th: 22 by the 22nd
    ArticleTarget.objects.create(unit=commune_b, monthly_articles=2)
    ArticleTarget.objects.create(unit=district, monthly_articles=1)
    for day in (16, 18, 20):  # last week: Monday 16 to Sunday 22 November 2026
        publish_article(commune_a, published_date=local(2026, 11, day, 9))
    publish_article(commune_b, published_date=local(2026, 11, 2, 9))  # met its target, then went quiet
    publish_article(commune_b, published_date=local(2026, 11, 3, 9))
    publish_article(district, published_date=local(2026, 11, 22, 9))
    publish_article(district, published_date=local(2025, 11, 18, 9))  # the same week last year
    return local(2026, 11, 23, 7, 30)  # Monday morning


def test_monday_digest_to_the_board_and_reminders_to_units_behind(
    week_of_news, commune_a, commune_b, editor_a, approver_a, approver_b, board_member
):
    other_b = UserFactory(username="b-editor", groups=[commune_b.editors_group])
    digests, reminders = services.send_weekly_statistics(now=week_of_news)
    assert digests == 1
    by_recipient = {}
    for message in mail.outbox:
        for address in message.to:
            by_recipient.setdefault(address, []).append(message)
    [digest] = by_recipient[board_member.email]
    assert digest.subject == "Thống kê biên tập, tuần 47/2026"
    assert "- Xã Phước Hậu: 3 (0; mới (năm trước không có))" in digest.body
    assert "- Huyện Ninh Phước: 1 (1; +0.0%)" in digest.body
    assert "- Xã Phước Hậu: 3/30 (dự kiến đến nay: 22) — chậm tiến độ" in digest.body
    assert "- Xã An Hải: 2/2 (dự kiến đến nay: 1) — đã đạt chỉ tiêu" in digest.body
    assert "Xã An Hải: tin gần nhất ngày 03/11/2026" in digest.body  # inactive for 20 days
    # A is behind its target; B met it but has been silent for 20 days; the district is on track
    assert reminders == 4  # A's editor and approver, B's approver and editor
    for user in (editor_a, approver_a):
        [reminder] = by_recipient[user.email]
        assert "mới đăng 3/30 tin của tháng 11/2026; đến nay lẽ ra đã có 22 tin" in reminder.body
    for user in (approver_b, other_b):
        [reminder] = by_recipient[user.email]
        assert "Xã An Hải đã 20 ngày không đăng tin (tin gần nhất ngày 03/11/2026)" in reminder.body
        assert "mới đăng" not in reminder.body
    assert services.send_weekly_statistics(now=week_of_news + datetime.timedelta(hours=3)) == (0, 0)  # once


def test_weekly_statistics_is_on_the_beat_schedule():
    from celery.schedules import crontab

    entry = next(
        e for e in app.conf.beat_schedule.values() if e["task"] == "reporting.tasks.send_weekly_statistics"
    )
    assert entry["schedule"] == crontab(day_of_week="mon", hour=7, minute=30)
    app.loader.import_default_modules()  # what a worker does on start: autodiscovery
    assert "reporting.tasks.send_weekly_statistics" in app.tasks
