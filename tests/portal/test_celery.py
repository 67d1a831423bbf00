import time
from pathlib import Path

from portal import tasks
from portal.celery import app

ROOT = Path(__file__).resolve().parents[2]


def test_real_worker_answers(celery_worker_process):
    deadline = time.monotonic() + 60
    result = tasks.ping.delay()
    while not result.ready():
        assert celery_worker_process.poll() is None, celery_worker_process.stdout.read()
        assert time.monotonic() < deadline, "worker did not answer within 60 s"
        time.sleep(0.2)
    assert result.get(timeout=1) == "pong"


def test_beat_schedule_names_registered_tasks():
    app.loader.import_default_modules()
    for entry in app.conf.beat_schedule.values():
        assert entry["task"] in app.tasks
