"""Scheduled publishing with a real Celery worker process on the real broker (Redis in CI)."""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from wagtail.models import PageLogEntry, Revision

import pytest

from scheduling import services, tasks
from sites.models import BoardApprovalTask
from tests.conftest import ROOT
from tests.factories import UserFactory, draft_article, make_unit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def wait_until(condition, timeout, worker=None, what="condition"):
    deadline = time.monotonic() + timeout
    while not condition():
        if worker is not None:
            assert worker.poll() is None, worker.stdout.read()
        assert time.monotonic() < deadline, f"{what}: not within {timeout} s"
        time.sleep(0.1)


def is_live(page):
    page.refresh_from_db()
    return page.live


def scheduled_publications(page):
    return PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count()


@pytest.fixture
def units():
    district = make_unit("ninh-phuoc", name="Huyện Ninh Phước", level="district")
    commune = make_unit("phuoc-hau", parent=district, name="Xã Phước Hậu")
    return district, commune


def act(page, user, action, **kwargs):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, user, action, **kwargs)


def schedule(page, when):
    page.refresh_from_db()
    page.go_live_at = when
    revision = page.save_revision()
    revision.publish()
    return revision


def test_article_approved_with_a_time_goes_live_on_its_own(celery_worker_process, units, client):
    district, commune = units
    editor = UserFactory(username="s-editor", groups=[commune.editors_group])
    approver = UserFactory(username="s-approver", groups=[commune.approvers_group])
    board = UserFactory(username="s-board", groups=[district.approvers_group])
    page = draft_article(commune, editor, title="Tin đăng đúng giờ")
    page.get_workflow().start(page, editor)
    act(page, approver, "approve")
    assert isinstance(page.current_workflow_task.specific, BoardApprovalTask)
    when = timezone.now() + timedelta(seconds=4)
    act(page, board, "approve", go_live_at=when)
    assert not is_live(page)
    public = f"/tin-tuc/{page.slug}/"
    assert client.get(public, HTTP_HOST="phuoc-hau.localhost").status_code == 404

    wait_until(lambda: is_live(page), 20, celery_worker_process, "published by the worker")
    seen = (timezone.now() - when).total_seconds()
    assert -0.05 <= seen < 3, seen  # live at its time (polled every 0.1 s), not a minute later
    page.refresh_from_db()
    assert page.last_published_at == when
    assert client.get(public, HTTP_HOST="phuoc-hau.localhost").status_code == 200
    assert scheduled_publications(page) == 1
    from notifications.models import Notification

    # the author heard about each step once: unit approval and the publication (and the time,
    # when the worker got to that mail before the time came: a one-process worker may not)
    wait_until(
        lambda: Notification.objects.filter(event="published").exists(), 20, celery_worker_process, "mail"
    )
    events = sorted(Notification.objects.filter(recipient=editor).values_list("event", flat=True))
    assert {"approved", "published"} <= set(events) <= {"approved", "published", "scheduled"}
    assert len(events) == len(set(events))


def test_rescheduled_and_cancelled_after_queueing_do_not_publish(celery_worker_process, units):
    _, commune = units
    editor = UserFactory(username="r-editor", groups=[commune.editors_group])
    moved = draft_article(commune, editor, title="Tin dời giờ")
    cancelled = draft_article(commune, editor, title="Tin hủy hẹn")
    soon = timezone.now() + timedelta(seconds=3)
    schedule(moved, soon)
    revision = schedule(cancelled, soon)
    time.sleep(0.5)  # both tasks are queued with their ETA by now
    schedule(moved, timezone.now() + timedelta(hours=2))  # a newer revision, later
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)  # "cancel scheduled publish"
    time.sleep(6)
    assert not is_live(moved) and not is_live(cancelled)
    assert Revision.objects.get(pk=moved.latest_revision_id).approved_go_live_at is not None


def start_worker(queue):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        PORTAL_TEST_DATABASE_NAME=str(connection.settings_dict["NAME"]),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool=solo", "--loglevel=WARNING",
         "--without-mingle", "--without-gossip", "-Q", queue, "-n", f"{queue}@%h"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


def test_worker_killed_at_publication_time_publishes_once_after_restart(units):
    _, commune = units
    editor = UserFactory(username="k-editor", groups=[commune.editors_group])
    page = draft_article(commune, editor, title="Tin khi tiến trình bị dừng")
    queue = f"kill-test-{os.getpid()}"
    worker = start_worker(queue)
    try:
        when = timezone.now() + timedelta(seconds=4)
        revision = schedule(page, when)
        # what queue_publication does, on this test's own queue
        tasks.publish_revision_task.apply_async(args=[revision.pk, when.isoformat()], eta=when, queue=queue)
        time.sleep(max((when - timezone.now()).total_seconds() - 0.02, 0))
        worker.send_signal(signal.SIGKILL)  # killed at publication time, task unacknowledged
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
    worker = start_worker(queue)
    try:
        tasks.sweep.apply_async(queue=queue)  # the per-minute sweep, on the restarted worker
        wait_until(lambda: is_live(page), 30, worker, "published after restart")
        time.sleep(2)  # a redelivered copy of the task, if any, must find nothing to do
        assert scheduled_publications(page) == 1
    finally:
        worker.terminate()
        worker.wait(timeout=20)


def test_every_overdue_item_is_published_by_the_sweep_when_the_broker_is_back(celery_worker_process, units):
    _, commune = units
    editor = UserFactory(username="o-editor", groups=[commune.editors_group])
    pages = []
    for n in range(5):
        page = draft_article(commune, editor, title=f"Tin chờ khi Redis ngừng {n}")
        revision = schedule(page, timezone.now() + timedelta(hours=1))
        # Redis was down: nothing was queued, and the time has passed
        past = timezone.now() - timedelta(minutes=n + 1)
        revision.content["go_live_at"] = past.isoformat()
        Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=past, content=revision.content)
        pages.append(page)
    assert len(services.overdue_items(now=timezone.now() + timedelta(minutes=5))) == 5
    tasks.sweep.delay()
    wait_until(lambda: all(is_live(p) for p in pages), 30, celery_worker_process, "all overdue published")
    assert [scheduled_publications(p) for p in pages] == [1] * 5


OUTAGE_SCRIPT = """
import django, sys
django.setup()
from datetime import timedelta
from django.db import transaction
from django.test import Client
from django.utils import timezone
from news.models import NewsArticlePage

page = NewsArticlePage.objects.get(pk=int(sys.argv[1]))
with transaction.atomic():  # the editor schedules while Redis is down: no error reaches them
    page.go_live_at = timezone.now() + timedelta(seconds=2)
    page.save_revision().publish()
# and the public site is still served (cache misses, not 500s)
assert Client().get("/tin-tuc/", HTTP_HOST="phuoc-hau.localhost").status_code == 200
print("scheduled", page.pk)
"""


def test_scheduled_while_redis_is_down_is_published_by_the_sweep_once_it_is_back(
    celery_worker_process, units
):
    _, commune = units
    editor = UserFactory(username="d-editor", groups=[commune.editors_group])
    page = draft_article(commune, editor, title="Tin hẹn khi Redis ngừng")
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        PORTAL_TEST_DATABASE_NAME=str(connection.settings_dict["NAME"]),
        REDIS_URL="redis://127.0.0.1:1/0",  # nothing listens there: cache and broker are down
        CELERY_BROKER_URL="redis://127.0.0.1:1/0",
    )
    done = subprocess.run(
        [sys.executable, "-c", OUTAGE_SCRIPT, str(page.pk)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"scheduled {page.pk}" in done.stdout
    revision = Revision.objects.get(pk=Revision.objects.filter(object_id=str(page.pk)).latest("pk").pk)
    assert revision.approved_go_live_at is not None
    time.sleep(max((revision.approved_go_live_at - timezone.now()).total_seconds(), 0) + 2)
    assert not is_live(page)  # its task never reached the broker
    tasks.sweep.delay()  # Redis is back: the next sweep
    wait_until(lambda: is_live(page), 30, celery_worker_process, "published by the sweep")
    assert scheduled_publications(page) == 1
