"""Wagtail's background tasks (django-tasks) run on the Celery worker, and only after commit."""

import time

from django.db import transaction
from django.test import override_settings

import pytest

from tests.portal.django_tasks_sample import write_marker

CELERY_TASKS = {"default": {"BACKEND": "portal.task_backend.CeleryTaskBackend"}}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_django_tasks_go_to_the_worker_after_commit(celery_worker_process, tmp_path):
    marker = tmp_path / "done.txt"
    with override_settings(TASKS=CELERY_TASKS):
        with transaction.atomic():
            result = write_marker.enqueue(str(marker), "đã chạy trên worker")
            time.sleep(1.5)
            assert not marker.exists()  # nothing is sent before the transaction commits
        assert result.backend == "default"
        deadline = time.monotonic() + 30
        # the worker creates the file, then writes it: wait for the text, not only the file
        while not (marker.exists() and marker.read_text()):
            assert celery_worker_process.poll() is None
            assert time.monotonic() < deadline, "the worker did not run the django-task"
            time.sleep(0.1)
    assert marker.read_text() == "đã chạy trên worker"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rolled_back_transaction_sends_nothing(celery_worker_process, tmp_path):
    marker = tmp_path / "never.txt"
    with override_settings(TASKS=CELERY_TASKS):
        with pytest.raises(RuntimeError), transaction.atomic():
            write_marker.enqueue(str(marker), "x")
            raise RuntimeError
        time.sleep(3)
    assert not marker.exists()


def test_production_routes_wagtails_tasks_to_celery():
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = "from django.conf import settings; print(settings.TASKS['default']['BACKEND'])"
    env = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.base",
        "REDIS_URL": "redis://127.0.0.1:6379/9",
        "PATH": "",
    }
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert out.stdout.strip() == "portal.task_backend.CeleryTaskBackend", out.stderr[-2000:]


@pytest.mark.django_db
def test_the_same_task_is_sent_once_per_transaction(django_capture_on_commit_callbacks):
    with (
        override_settings(TASKS=CELERY_TASKS),
        django_capture_on_commit_callbacks() as callbacks,
        transaction.atomic(),
    ):
        write_marker.enqueue("/tmp/a", "x")
        write_marker.enqueue("/tmp/a", "x")
        write_marker.enqueue("/tmp/b", "x")
    sent = [c for c in callbacks if getattr(c, "task_key", None)]
    assert len(sent) == 2
