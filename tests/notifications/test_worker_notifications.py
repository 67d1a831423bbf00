"""The whole path with a real Celery worker: the request commits, the worker mails, exactly once.

The worker is a separate process on the real broker (Redis in CI) and the real test database;
it writes mail with Django's file backend into a directory read here.
"""

import email
import email.policy
import time

from django.db import transaction

import pytest

from notifications.models import Notification
from tests.factories import UserFactory, draft_article, make_unit

SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def read_mail(directory):
    messages = []
    for path in sorted(directory.glob("*.log")):
        for chunk in path.read_bytes().split(SEPARATOR):
            if chunk.strip():
                message = email.message_from_bytes(chunk.strip(), policy=email.policy.default)
                messages.append(
                    {
                        "to": str(message["To"]),
                        "subject": str(message["Subject"]),
                        "body": message.get_content(),
                    }
                )
    return messages


def wait_for_mail(directory, worker, count, *, timeout=60, settle=2.0):
    """Wait until ``count`` messages are there, then a little longer to catch any duplicate."""
    deadline = time.monotonic() + timeout
    while len(read_mail(directory)) < count:
        assert worker.poll() is None, worker.stdout.read()
        assert time.monotonic() < deadline, (
            f"only {len(read_mail(directory))} of {count} mails in {timeout} s"
        )
        time.sleep(0.2)
    time.sleep(settle)
    return read_mail(directory)


@pytest.fixture
def mail_dir(worker_mail_dir):
    for path in worker_mail_dir.glob("*.log"):
        path.unlink()
    return worker_mail_dir


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_mails_each_step_exactly_once_after_commit(celery_worker_process, mail_dir):
    district = make_unit("ninh-phuoc", name="Huyện Ninh Phước", level="district")
    commune = make_unit("phuoc-hau", parent=district, name="Xã Phước Hậu")
    editor = UserFactory(username="w-editor", groups=[commune.editors_group])
    approver = UserFactory(username="w-approver", groups=[commune.approvers_group])
    board = UserFactory(username="w-board", groups=[district.approvers_group])
    page = draft_article(commune, editor, title="Tin thử quy trình")

    with transaction.atomic():
        page.get_workflow().start(page, editor)
        # still inside the transaction: nothing may have been sent yet
        time.sleep(1)
        assert read_mail(mail_dir) == []

    messages = wait_for_mail(mail_dir, celery_worker_process, 1)
    assert [m["to"] for m in messages] == [approver.email]
    assert "Chờ bạn duyệt" in messages[0]["subject"]

    page.refresh_from_db()
    state = page.current_workflow_task_state
    with transaction.atomic():
        state.task.specific.on_action(state, approver, "reject", comment="Thiếu ảnh minh họa.")
    messages = wait_for_mail(mail_dir, celery_worker_process, 2)
    rejection = messages[1]
    assert rejection["to"] == editor.email and "Thiếu ảnh minh họa." in rejection["body"]

    # resubmitted, approved by the unit, then by the board: published
    page.current_workflow_state.resume(user=editor)
    messages = wait_for_mail(mail_dir, celery_worker_process, 3)
    assert messages[2]["to"] == approver.email
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, approver, "approve")
    # (an item already decided when the worker gets to it is not announced: wait for the mail)
    messages = wait_for_mail(mail_dir, celery_worker_process, 5)
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, board, "approve")
    messages = wait_for_mail(mail_dir, celery_worker_process, 6)
    tail = sorted((m["to"], m["subject"].split(":")[0].strip()) for m in messages[3:])
    assert tail == sorted(
        [
            (editor.email, "Đơn vị đã duyệt"),
            (board.email, "Chờ bạn duyệt"),
            (editor.email, "Đã xuất bản"),
        ]
    )
    # one row per person and event, and no more mail than rows
    assert Notification.objects.count() == len(messages) == 6
