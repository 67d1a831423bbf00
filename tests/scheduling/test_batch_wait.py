"""While a batch waits for its publication second, it holds no transaction and no lock: editors
saving those pages are not held up (the batch runs in a thread, with its own connection)."""

import logging
import threading
import time
from datetime import timedelta

from django.db import connection, connections, transaction
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, Revision

import pytest

from scheduling import services
from tests.factories import UserFactory, draft_article, make_unit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def schedule(page, when):
    """Schedule the page's draft (Wagtail's own way), then move it to ``when`` without queueing
    its tasks: only the batch under test publishes it (a worker may run during the suite)."""
    page.refresh_from_db()
    page.go_live_at = timezone.now() + timedelta(days=1)  # beyond the horizon: nothing queued
    revision = page.save_revision()
    revision.publish()
    revision.content["go_live_at"] = when.isoformat()
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=when, content=revision.content)
    return revision


def session_state(pid):
    """(state, locks held) of a PostgreSQL session."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT state FROM pg_stat_activity WHERE pid = %s", [pid])
        state = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM pg_locks WHERE pid = %s", [pid])
        return state, cursor.fetchone()[0]


def test_an_editor_is_not_held_up_while_a_batch_waits_for_its_second(caplog):
    caplog.set_level(logging.INFO, logger="scheduling")
    district = make_unit("ninh-phuoc", name="Huyện Ninh Phước", level="district")
    commune = make_unit("phuoc-hau", parent=district, name="Xã Phước Hậu")
    editor = UserFactory(username="w-editor", groups=[commune.editors_group])
    pages = [draft_article(commune, editor, title=f"Tin chờ giờ {n}", slug=f"tin-cg-{n}") for n in range(3)]
    when = (timezone.now() + timedelta(seconds=5)).replace(microsecond=0)
    revisions = [schedule(page, when) for page in pages]
    results, pids = [], []

    def batch():
        try:
            batch_connection = connections["default"]  # this thread's own
            batch_connection.ensure_connection()
            if batch_connection.vendor == "postgresql":
                pids.append(batch_connection.connection.info.backend_pid)
            results.append(services.publish_due_at(when))
        finally:
            connections.close_all()  # this thread's connection

    thread = threading.Thread(target=batch)
    thread.start()
    try:
        deadline = time.monotonic() + 4
        while "prepared 3 publications" not in caplog.text:
            assert time.monotonic() < deadline, "the batch did not prepare in time"
            time.sleep(0.05)
        assert timezone.now() < when - timedelta(seconds=1), "too slow to test the wait"

        for pid in pids:  # the batch's session waits idle: no transaction open, no lock held
            assert session_state(pid) == ("idle", 0)
        ids = [page.pk for page in pages]
        with transaction.atomic():  # no row of these pages or their revisions is locked
            assert len(Page.objects.select_for_update(nowait=True).filter(pk__in=ids)) == 3
            locked = Revision.objects.select_for_update(nowait=True).filter(approved_go_live_at=when)
            assert len(locked) == 3
        # an editor saves a new draft of one of them: at once, not after the publication
        started = time.monotonic()
        edited = Page.objects.get(pk=pages[0].pk).specific
        edited.title = "Tin chờ giờ 0 (sửa)"
        draft = edited.save_revision(user=editor)
        assert time.monotonic() - started < 1
        assert timezone.now() < when  # all of this happened during the wait
    finally:
        thread.join(timeout=30)
    assert results == [3]
    for page, revision in zip(pages, revisions, strict=True):
        page.refresh_from_db()
        assert page.live and page.live_revision_id == revision.pk and page.last_published_at == when
        assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count() == 1
    # the scheduled revision went live; the draft saved meanwhile is still a draft on top of it
    pages[0].refresh_from_db()
    assert pages[0].latest_revision_id == draft.pk and pages[0].has_unpublished_changes
    assert pages[0].title == "Tin chờ giờ 0"
