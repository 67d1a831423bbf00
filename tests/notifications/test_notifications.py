"""Workflow e-mails: queued only after commit, one per person and event, to the right people.

These tests run the notifier services in-process on the real database and mail backend; the
queue-to-worker path is covered by ``test_worker_notifications.py`` with a real Celery worker.
"""

from datetime import timedelta

from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from wagtail.models import TaskState

import pytest

from notifications import services
from notifications.models import Notification
from sites.services import take_down
from tests.factories import UserFactory, draft_article


def queued(callbacks):
    """(event, object id) of the notification tasks queued by on-commit callbacks."""
    result = []
    for callback in callbacks:
        if getattr(callback, "__name__", "") == "enqueue_notification":
            result.append((callback.event, callback.object_id))
    return result


def deliver_all(events):
    return sum(services.notify(event, object_id) for event, object_id in events)


def act(page, user, action, **kwargs):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, user, action, **kwargs)


def recipients(messages=None):
    return sorted(address for message in (messages or mail.outbox) for address in message.to)


@pytest.fixture
def board(district):
    return UserFactory(username="board-mail", groups=[district.approvers_group])


def test_submission_reaches_only_the_units_approvers_once(
    django_capture_on_commit_callbacks, commune_a, editor_a, approver_a, approver_b, board
):
    page = draft_article(commune_a, editor_a)
    with django_capture_on_commit_callbacks() as callbacks:
        page.get_workflow().start(page, editor_a)
    assert mail.outbox == []  # nothing is sent inside the request: Wagtail's own mails are replaced
    events = queued(callbacks)
    assert [event for event, _ in events] == ["submitted"]

    assert deliver_all(events) == 1
    assert recipients() == [approver_a.email]
    message = mail.outbox[0]
    assert "Chờ bạn duyệt" in message.subject and page.title in message.subject
    assert "Xã Phước Hậu" in message.body and f"/admin/pages/{page.pk}/edit/" in message.body

    # the same event again (a retried task, a duplicate message) sends nothing more
    assert deliver_all(events) == 0
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(event="submitted").count() == 1


def test_nothing_is_queued_when_the_transaction_rolls_back(
    django_capture_on_commit_callbacks, commune_a, editor_a
):
    page = draft_article(commune_a, editor_a)
    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        page.get_workflow().start(page, editor_a)
        raise RuntimeError("the request failed after submitting")
    assert queued(callbacks) == []
    page.refresh_from_db()
    assert page.current_workflow_state is None


def test_district_submission_skips_the_unit_step_and_reaches_the_board(
    django_capture_on_commit_callbacks, district, board
):
    district_editor = UserFactory(username="d-editor", groups=[district.editors_group])
    UserFactory(username="root", is_superuser=True)
    page = draft_article(district, district_editor)
    with django_capture_on_commit_callbacks() as callbacks:
        page.get_workflow().start(page, district_editor)
    # Wagtail's own notifiers would have mailed the board's group task and the superuser here,
    # synchronously and before commit: they are disconnected.
    assert mail.outbox == []
    events = queued(callbacks)
    assert [event for event, _ in events] == ["submitted", "submitted"]  # skipped step, board step
    skipped = TaskState.objects.get(pk=events[0][1])
    assert skipped.status == TaskState.STATUS_SKIPPED
    assert deliver_all(events) == 1
    assert recipients() == [board.email]


def test_unit_approval_tells_the_author_and_the_board(
    django_capture_on_commit_callbacks, commune_a, editor_a, approver_a, board
):
    page = draft_article(commune_a, editor_a)
    page.get_workflow().start(page, editor_a)
    with django_capture_on_commit_callbacks() as callbacks:
        act(page, approver_a, "approve", comment="Tốt.")
    events = queued(callbacks)
    assert sorted(event for event, _ in events) == ["approved", "submitted"]
    deliver_all(events)
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {editor_a.email, board.email}
    assert (
        "Ban Biên tập" in by_recipient[editor_a.email].body
        or "editorial" not in by_recipient[editor_a.email].body
    )
    assert "Tốt." in by_recipient[editor_a.email].body


def test_rejection_reaches_the_author_with_the_comment(
    django_capture_on_commit_callbacks, commune_a, editor_a, approver_a
):
    page = draft_article(commune_a, editor_a)
    page.get_workflow().start(page, editor_a)
    with django_capture_on_commit_callbacks() as callbacks:
        act(page, approver_a, "reject", comment="Cần ghi rõ nguồn tin.")
    deliver_all(queued(callbacks))
    assert recipients() == [editor_a.email]
    assert "Cần ghi rõ nguồn tin." in mail.outbox[0].body
    assert "Yêu cầu chỉnh sửa" in mail.outbox[0].subject


def test_final_approval_publishes_and_tells_the_author_once(
    django_capture_on_commit_callbacks, commune_a, editor_a, approver_a, board
):
    page = draft_article(commune_a, editor_a)
    page.get_workflow().start(page, editor_a)
    act(page, approver_a, "approve")
    with django_capture_on_commit_callbacks() as callbacks:
        act(page, board, "approve")
    page.refresh_from_db()
    assert page.live
    events = queued(callbacks)
    assert sorted(event for event, _ in events) == ["published", "scheduled"]
    deliver_all(events)
    assert recipients() == [editor_a.email]  # "published" only: nothing was scheduled
    assert "Đã xuất bản" in mail.outbox[0].subject
    assert "phuoc-hau.localhost" in mail.outbox[0].body


def test_board_approves_with_a_publication_time(
    django_capture_on_commit_callbacks, commune_a, editor_a, approver_a, board
):
    page = draft_article(commune_a, editor_a)
    page.get_workflow().start(page, editor_a)
    act(page, approver_a, "approve")
    when = timezone.now() + timedelta(days=1)
    with django_capture_on_commit_callbacks() as callbacks:
        act(page, board, "approve", comment="", go_live_at=when)
    page.refresh_from_db()
    assert not page.live
    revision = page.get_latest_revision()
    assert revision.approved_go_live_at == when.replace(microsecond=revision.approved_go_live_at.microsecond)
    deliver_all(queued(callbacks))
    assert recipients() == [editor_a.email]
    assert "Đã duyệt, hẹn giờ đăng" in mail.outbox[0].subject
    assert timezone.localtime(when).strftime("%d/%m/%Y %H:%M") in mail.outbox[0].body


def test_take_down_tells_the_author_and_the_units_approvers(
    django_capture_on_commit_callbacks, commune_a, editor_a, approver_a, approver_b, board
):
    page = draft_article(commune_a, editor_a)
    page.save_revision(user=editor_a).publish()
    page.refresh_from_db()
    with django_capture_on_commit_callbacks() as callbacks:
        take_down(page=page, user=board, reason="Sai lệch số liệu.")
    events = [e for e in queued(callbacks) if e[0] == "takedown"]
    assert len(events) == 1
    deliver_all(events)
    assert recipients() == sorted([editor_a.email, approver_a.email])
    assert all("Sai lệch số liệu." in m.body for m in mail.outbox)


@override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=1
)
def test_a_failed_send_is_not_recorded_so_the_retry_sends_it(
    django_capture_on_commit_callbacks, commune_a, editor_a, approver_a
):
    page = draft_article(commune_a, editor_a)
    with django_capture_on_commit_callbacks() as callbacks:
        page.get_workflow().start(page, editor_a)
    events = queued(callbacks)
    with pytest.raises(OSError):  # nothing listens on port 1: the task fails and Celery retries it
        deliver_all(events)
    assert not Notification.objects.exists()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        assert deliver_all(events) == 1
        assert deliver_all(events) == 0
    assert recipients() == [approver_a.email]


def test_people_without_an_address_or_inactive_are_skipped(
    django_capture_on_commit_callbacks, commune_a, editor_a, approver_a
):
    UserFactory(username="no-mail", email="", groups=[commune_a.approvers_group])
    UserFactory(username="gone", is_active=False, groups=[commune_a.approvers_group])
    page = draft_article(commune_a, editor_a)
    with django_capture_on_commit_callbacks() as callbacks:
        page.get_workflow().start(page, editor_a)
    deliver_all(queued(callbacks))
    assert recipients() == [approver_a.email]


def test_unknown_event_is_an_error():
    with pytest.raises(ValueError):
        services.notify("nonsense", 1)
