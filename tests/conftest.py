import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import UserFactory, make_unit

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _page_cache_per_test(settings):
    """The page cache is on in every test (a missing invalidation fails the test that shows it), apart for
    each test: the shared cache outlives a test's database, whose ids a later test may reuse."""
    import uuid

    from sites import cache, page_cache

    settings.PORTAL_PAGE_CACHE_VERSION = uuid.uuid4().hex
    cache.forget_remembered()
    page_cache.forget_hosts()
    yield
    cache.forget_remembered()
    page_cache.forget_hosts()


@pytest.fixture
def district(db):
    return make_unit("ninh-phuoc", name="Huyện Ninh Phước", level="district")


@pytest.fixture
def commune_a(district):
    return make_unit("phuoc-hau", parent=district, name="Xã Phước Hậu")


@pytest.fixture
def commune_b(district):
    return make_unit("an-hai", parent=district, name="Xã An Hải")


@pytest.fixture
def editor_a(commune_a):
    return UserFactory(username="a-editor", groups=[commune_a.editors_group])


@pytest.fixture
def approver_a(commune_a):
    return UserFactory(username="a-approver", groups=[commune_a.approvers_group])


@pytest.fixture
def board_member(district):
    return UserFactory(username="board", groups=[district.approvers_group])


@pytest.fixture
def approver_b(commune_b):
    return UserFactory(username="b-approver", groups=[commune_b.approvers_group])


@pytest.fixture
def second_board_member(district):
    return UserFactory(username="board-2", groups=[district.approvers_group])


@pytest.fixture(scope="session")
def worker_mail_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("worker-mail")


@pytest.fixture(scope="session")
def celery_worker_session(django_db_setup, worker_mail_dir):
    """A real Celery worker process on the configured broker (Redis in CI, the file-system broker
    locally), using the test database and writing its e-mail to ``worker_mail_dir``."""
    from django.conf import settings
    from django.db import connection

    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        PORTAL_TEST_DATABASE_NAME=str(connection.settings_dict["NAME"]),
        PORTAL_TEST_EMAIL_DIR=str(worker_mail_dir),
        PORTAL_TEST_MEDIA_ROOT=str(settings.MEDIA_ROOT),
    )
    from portal.celery import app

    app.control.purge()  # stale messages of an earlier, interrupted run
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            "--pool=solo",
            f"--loglevel={os.environ.get('PORTAL_TEST_WORKER_LOG', 'WARNING')}",
            "--without-mingle",
            "--without-gossip",
            "-Q",
            ",".join(settings.PORTAL_CELERY_QUEUES),
            "-n",
            f"test-{os.getpid()}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=None if os.environ.get("PORTAL_TEST_WORKER_LOG") else subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # Ready (and done purging stale messages) once it answers a ping.
    from portal.tasks import ping

    result = ping.delay()
    try:
        assert result.get(timeout=90) == "pong"
    except Exception:
        process.kill()
        raise AssertionError(
            f"the Celery worker did not start: {process.stdout.read() if process.stdout else ''}"
        )
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def celery_worker_process(celery_worker_session):
    """The session's worker, left idle after the test: tasks it holds for later (ETA) are revoked and the one
    it runs is waited for, so the database flush that ends a transactional test never races a task (the
    flush's TRUNCATE waited on a task's locks, and the task on the flush)."""
    import time

    from portal.celery import app

    yield celery_worker_session
    if celery_worker_session.poll() is not None:
        return  # the test stopped it
    from kombu.exceptions import OperationalError

    try:
        inspect = app.control.inspect(timeout=2)
        for tasks in (inspect.scheduled() or {}).values():
            for task in tasks:
                app.control.revoke(task["request"]["id"])
        app.control.purge()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if not any((inspect.active() or {}).values()):
                return
            time.sleep(0.2)
    except (OSError, OperationalError):
        return  # no broker (a test took it down): nothing can reach the worker either


def pytest_collection_modifyitems(items):
    """Every transactional test restores the migrated data (serialized_rollback): mixing flushes
    with and without it re-creates content types twice and breaks the next restore."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(
                f"{item.nodeid}: use django_db(transaction=True, serialized_rollback=True)"
            )
