"""The review actions through the real admin URLs: warnings must be acknowledged, sending back
needs a comment, the board may approve with a publication time; the dashboard lists the queue."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from news.taxonomy import BannedPhrase
from sites.models import BoardApprovalTask, UnitApprovalTask
from tests.factories import draft_article

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def task_of(page):
    page.refresh_from_db()
    return page.current_workflow_task.specific if page.current_workflow_task else None


def action_url(page, action):
    page.refresh_from_db()
    return reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, action, page.current_workflow_task_state.pk]
    )


@pytest.fixture
def warned(commune_a, editor_a):
    BannedPhrase.objects.create(phrase="nghe nói", blocks_submission=False)
    page = draft_article(
        commune_a, editor_a, title="Tin có cảnh báo", lead="Nghe nói xã sắp làm đường mới, bài viết đủ dài."
    )
    page.get_workflow().start(page, editor_a)
    return page


def test_warnings_must_be_acknowledged_before_approval(client, warned, approver_a):
    client.force_login(approver_a)
    dashboard = client.get("/admin/").content.decode()
    assert "Chờ tôi duyệt" in dashboard and "Tin có cảnh báo" in dashboard and "1 cảnh báo" in dashboard
    assert [a[0] for a in task_of(warned).get_actions(warned, approver_a)] == ["reject", "approve"]
    assert all(modal for _, _, modal in task_of(warned).get_actions(warned, approver_a))

    modal = client.get(action_url(warned, "approve"), **XHR).json()["html"]
    assert "nghe nói" in modal and "acknowledge_warnings" in modal

    # without the tick: the form comes back with the error, nothing moves
    response = client.post(action_url(warned, "approve"), {"comment": ""}, **XHR)
    assert response.json()["step"] == "action"
    assert "đánh dấu ô này" in response.json()["html"]
    assert isinstance(task_of(warned), UnitApprovalTask)
    client.post(action_url(warned, "approve"), {"comment": ""})  # a plain POST does not get through either
    assert isinstance(task_of(warned), UnitApprovalTask)

    response = client.post(
        action_url(warned, "approve"), {"comment": "", "acknowledge_warnings": "on"}, **XHR
    )
    assert response.json()["step"] == "success"
    assert isinstance(task_of(warned), BoardApprovalTask)


def test_direct_call_without_acknowledgement_is_refused(warned, approver_a):
    from django.core.exceptions import PermissionDenied

    warned.refresh_from_db()
    state = warned.current_workflow_task_state
    with pytest.raises(PermissionDenied):
        state.task.specific.on_action(state, approver_a, "approve")
    state.task.specific.on_action(state, approver_a, "approve", acknowledge_warnings=True)
    assert isinstance(task_of(warned), BoardApprovalTask)


def test_sending_back_needs_a_comment(client, commune_a, editor_a, approver_a):
    page = draft_article(commune_a, editor_a)
    page.get_workflow().start(page, editor_a)
    client.force_login(approver_a)
    response = client.post(action_url(page, "reject"), {"comment": "  "}, **XHR)
    assert response.json()["step"] == "action" and "cần sửa gì" in response.json()["html"]
    assert task_of(page) is not None and page.current_workflow_state.status == "in_progress"
    response = client.post(action_url(page, "reject"), {"comment": "Bổ sung ảnh."}, **XHR)
    assert response.json()["step"] == "success"
    page.refresh_from_db()
    assert page.current_workflow_state.status == "needs_changes"


def test_board_approves_with_a_publication_time(client, commune_a, editor_a, approver_a, board_member):
    page = draft_article(commune_a, editor_a)
    page.get_workflow().start(page, editor_a)
    client.force_login(approver_a)
    client.post(action_url(page, "approve"), {})
    assert isinstance(task_of(page), BoardApprovalTask)

    client.force_login(board_member)
    modal = client.get(action_url(page, "approve"), **XHR).json()["html"]
    assert "go_live_at" in modal and "acknowledge_warnings" not in modal  # no warnings: no tick box
    past = timezone.localtime() - timedelta(hours=1)
    response = client.post(
        action_url(page, "approve"), {"go_live_at": past.strftime("%d/%m/%Y %H:%M")}, **XHR
    )
    assert "phải ở tương lai" in response.json()["html"]
    assert isinstance(task_of(page), BoardApprovalTask)

    when = (timezone.localtime() + timedelta(days=2)).replace(second=0, microsecond=0)
    response = client.post(
        action_url(page, "approve"), {"go_live_at": when.strftime("%d/%m/%Y %H:%M")}, **XHR
    )
    assert response.json()["step"] == "success"
    page.refresh_from_db()
    assert not page.live and page.current_workflow_state is None
    assert page.get_latest_revision().approved_go_live_at == when
    assert page.get_latest_revision().approved_go_live_at > timezone.now()


def test_dashboard_marks_overdue_items_and_hides_other_units(
    client, settings, commune_a, commune_b, editor_a, approver_a, approver_b
):
    from wagtail.models import TaskState

    settings.PORTAL_REVIEW_OVERDUE_HOURS = 24
    old = draft_article(commune_a, editor_a, title="Tin chờ lâu")
    new = draft_article(commune_a, editor_a, title="Tin mới gửi")
    for page in (old, new):
        page.get_workflow().start(page, editor_a)
    old.refresh_from_db()
    TaskState.objects.filter(pk=old.current_workflow_task_state.pk).update(
        started_at=timezone.now() - timedelta(hours=30)
    )
    client.force_login(approver_a)
    html = client.get("/admin/").content.decode()
    assert html.index("Tin chờ lâu") < html.index("Tin mới gửi")  # oldest first
    assert html.count('class="portal-overdue"') == 1 and "1 bài quá hạn" in html
    assert "30 giờ" in html and "Xã Phước Hậu" in html

    client.force_login(approver_b)
    html = client.get("/admin/").content.decode()
    assert "Tin chờ lâu" not in html and "Chờ tôi duyệt" not in html
