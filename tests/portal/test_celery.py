import time
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from wagtail.models import Revision

from news.models import NewsIndexPage
from portal import tasks
from portal.celery import app
from tests.factories import NewsArticlePageFactory

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


def test_publish_scheduled_task_publishes_due_pages(commune_a):
    index = NewsIndexPage.objects.child_of(commune_a.site.root_page).get()
    due = NewsArticlePageFactory(parent=index, live=False)
    later = NewsArticlePageFactory(parent=index, live=False)
    for page in (due, later):
        page.go_live_at = timezone.now() + timedelta(hours=1)
        page.save_revision().publish()  # scheduled, not live yet
        page.refresh_from_db()
        assert not page.live
    # time passes for the first one: its go-live time is now in the past
    revision = Revision.objects.get(pk=due.latest_revision_id)
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()

    tasks.publish_scheduled()

    due.refresh_from_db()
    later.refresh_from_db()
    assert due.live
    assert not later.live
