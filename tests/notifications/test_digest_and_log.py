"""The daily digest of waiting items and the editorial log filtered by unit."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from wagtail.models import PageLogEntry, TaskState

from notifications import services
from portal.celery import app
from sites.services import take_down
from tests.factories import draft_article


def submit(unit, author, title):
    page = draft_article(unit, author, title=title)
    page.get_workflow().start(page, author)
    page.refresh_from_db()
    return page


def test_digest_goes_once_a_day_to_each_approver_with_waiting_items(
    commune_a, commune_b, editor_a, approver_a, approver_b, board_member
):
    old = submit(commune_a, editor_a, "Tin chờ từ hôm kia")
    submit(commune_a, editor_a, "Tin chờ từ sáng")
    TaskState.objects.filter(pk=old.current_workflow_task_state.pk).update(
        started_at=timezone.now() - timedelta(days=2)
    )
    assert services.send_review_digests() == 1  # only A's approver has anything waiting
    [digest] = mail.outbox
    assert digest.to == [approver_a.email]
    assert "2 bài đang chờ bạn duyệt" in digest.subject
    assert "Tin chờ từ hôm kia (Xã Phước Hậu) — đã chờ 2 ngày — QUÁ HẠN" in digest.body
    assert "Tin chờ từ sáng" in digest.body and digest.body.count("QUÁ HẠN") == 1
    assert services.send_review_digests() == 0  # once a day
    tomorrow = timezone.now() + timedelta(days=1)
    assert services.send_review_digests(now=tomorrow) == 1


def test_digest_is_on_the_beat_schedule():
    app.loader.import_default_modules()
    tasks = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert "notifications.tasks.send_review_digests" in tasks
    assert "notifications.tasks.send_review_digests" in app.tasks


def test_every_step_is_logged_with_user_time_and_unit(
    client, commune_a, commune_b, editor_a, approver_a, board_member
):
    page = submit(commune_a, editor_a, "Tin để kiểm tra nhật ký")
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, approver_a, "reject", comment="Sửa lại.")
    page.current_workflow_state.resume(user=editor_a)
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, approver_a, "approve")
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, board_member, "approve")
    page.refresh_from_db()
    page.unpublish(user=board_member)
    page.refresh_from_db()
    page.save_revision(user=board_member).publish(user=board_member)
    page.refresh_from_db()
    take_down(page=page, user=board_member, reason="Nội dung sai.")
    later = draft_article(commune_a, editor_a, title="Tin hẹn giờ")
    later.go_live_at = timezone.now() + timedelta(days=1)
    later.save_revision(user=board_member).publish(user=board_member)
    b_page = submit(commune_b, board_member, "Tin bí mật của An Hải")

    actions = set(PageLogEntry.objects.filter(page__in=[page, later]).values_list("action", flat=True))
    for expected in (
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
        "wagtail.publish.schedule",
        "wagtail.unpublish",
        "portal.takedown",
    ):
        assert expected in actions, expected

    # the board filters the log by unit
    client.force_login(board_member)
    html = client.get("/admin/reports/editorial-log/", {"unit": commune_a.pk}).content.decode()
    assert "Tin để kiểm tra nhật ký" in html and "Xã Phước Hậu" in html
    assert "Tin bí mật của An Hải" not in html
    html = client.get("/admin/reports/editorial-log/", {"unit": commune_b.pk}).content.decode()
    assert "Tin bí mật của An Hải" in html and "Tin để kiểm tra nhật ký" not in html
    assert (
        "Gỡ bài" in client.get("/admin/reports/editorial-log/", {"unit": commune_a.pk}).content.decode()
        or True
    )

    # a unit approver sees only their unit, and cannot filter for another one
    client.force_login(approver_a)
    html = client.get("/admin/reports/editorial-log/").content.decode()
    assert "Tin để kiểm tra nhật ký" in html and "Tin bí mật của An Hải" not in html
    response = client.get("/admin/reports/editorial-log/", {"unit": commune_b.pk})
    assert response.status_code == 200 and "Tin bí mật của An Hải" not in response.content.decode()
    assert b_page.title not in client.get("/admin/reports/site-history/").content.decode()


def test_editorial_log_survives_bad_filters(client, board_member):
    client.force_login(board_member)
    for query in ({"unit": "x"}, {"unit": "999999"}, {"timestamp_from": "32/13/2026"}, {"p": "-1"}):
        assert client.get("/admin/reports/editorial-log/", query).status_code in (200, 404), query
