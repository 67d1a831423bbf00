"""Exact-time publishing: the right revision, once; expiry; the sweep; overdue reporting."""

from datetime import timedelta

from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from wagtail.models import PageLogEntry, Revision

import pytest

from scheduling import services
from tests.factories import draft_article, publish_article


def schedule(page, when, user=None):
    """Schedule the page's latest draft for ``when`` (what "Publish" does with a future go-live)."""
    page.refresh_from_db()
    page.go_live_at = when
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    revision.refresh_from_db()
    assert revision.approved_go_live_at == when
    return revision


def time_passes(revision, to):
    """Move a scheduled revision's time to ``to`` (in the past): as if the clock had moved on."""
    revision.content["go_live_at"] = to.isoformat()
    revision.approved_go_live_at = to
    revision.save(update_fields=["content", "approved_go_live_at"])
    return to


def published_log(page):
    return PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count()


@pytest.fixture
def page(commune_a, editor_a):
    return draft_article(commune_a, editor_a, title="Tin hẹn giờ")


def test_publishes_the_scheduled_revision_at_its_time_once(page):
    when = timezone.now() + timedelta(minutes=5)
    revision = schedule(page, when)
    assert services.publish_revision(revision.pk, when.isoformat()) == services.EARLY
    page.refresh_from_db()
    assert not page.live

    # a task for another time finds nothing to do
    assert services.publish_revision(revision.pk, (when + timedelta(minutes=1)).isoformat()) == services.STALE
    when = time_passes(revision, timezone.now() - timedelta(milliseconds=300))
    assert services.publish_revision(revision.pk, when.isoformat()) == services.PUBLISHED
    page.refresh_from_db()
    assert page.live and page.live_revision_id == revision.pk
    # a repeated delivery, a second worker, the sweep: nothing more
    assert services.publish_revision(revision.pk, when.isoformat()) == services.STALE
    assert services.sweep().published == 0
    assert published_log(page) == 1


def test_rescheduled_cancelled_or_superseded_never_publishes_the_old_one(page):
    first = timezone.now() + timedelta(minutes=5)
    old = schedule(page, first)
    later = first + timedelta(hours=1)
    new = schedule(page, later)  # a newer revision scheduled later
    old.refresh_from_db()
    assert old.approved_go_live_at is None  # Wagtail unschedules the older revision
    at_first = first + timedelta(seconds=1)
    assert services.publish_revision(old.pk, first.isoformat(), now=at_first) == services.STALE
    # same revision, moved to another time: the task for the first time does nothing
    assert services.publish_revision(new.pk, first.isoformat(), now=at_first) == services.STALE
    page.refresh_from_db()
    assert not page.live

    # cancelled (Wagtail's "cancel scheduled publish"): nothing at the later time either
    Revision.objects.filter(pk=new.pk).update(approved_go_live_at=None)
    assert (
        services.publish_revision(new.pk, later.isoformat(), now=later + timedelta(seconds=1))
        == services.STALE
    )
    page.refresh_from_db()
    assert not page.live and published_log(page) == 0


def test_expiry_takes_the_page_off_at_its_time(commune_a):
    article = publish_article(commune_a, title="Thông báo có hạn")
    when = timezone.now() + timedelta(minutes=10)
    article.expire_at = when
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.live
    label = article._meta.label
    assert services.expire_object(label, article.pk, when.isoformat()) == services.EARLY
    other_time = (when + timedelta(minutes=1)).isoformat()
    assert (
        services.expire_object(label, article.pk, other_time, now=when + timedelta(minutes=2))
        == services.STALE
    )
    assert services.expire_object(label, article.pk, when.isoformat(), now=when) == services.EXPIRED
    article.refresh_from_db()
    assert not article.live and article.expired
    assert services.expire_object(label, article.pk, when.isoformat(), now=when) == services.STALE


def test_only_times_within_the_horizon_are_queued_with_an_eta(page, settings):
    settings.PORTAL_SCHEDULE_HORIZON_MINUTES = 30
    cache.clear()
    now = timezone.now()
    near, far = now + timedelta(minutes=10), now + timedelta(hours=3)
    assert services.queue_publication(999_001, near, now=now) is True
    assert services.queue_publication(999_001, near, now=now) is False  # once per id and time
    assert services.queue_publication(999_001, near + timedelta(minutes=1), now=now) is True  # rescheduled
    assert services.queue_publication(999_002, far, now=now) is False  # left to the sweep


def test_horizon_stays_below_the_brokers_visibility_timeout(settings):
    from portal.celery import app

    timeout = app.conf.broker_transport_options.get("visibility_timeout")
    if timeout is not None:  # the Redis broker (CI, production)
        assert timeout >= settings.PORTAL_SCHEDULE_HORIZON_MINUTES * 60 * 2


def test_sweep_catches_up_what_was_missed_and_runs_alone(commune_a, editor_a):
    missed = []
    for n in range(3):
        p = draft_article(commune_a, editor_a, title=f"Tin lỡ giờ {n}")
        revision = schedule(p, timezone.now() + timedelta(minutes=1))
        time_passes(revision, timezone.now() - timedelta(minutes=1))
        missed.append((p, revision))
    cache.clear()
    cache.add(services.SWEEP_LOCK, "another sweep", timeout=55)
    assert services.sweep().skipped  # another sweep holds the lock
    cache.delete(services.SWEEP_LOCK)
    report = services.sweep()
    assert report.published == 3 and report.overdue == []
    for p, _ in missed:
        p.refresh_from_db()
        assert p.live and published_log(p) == 1
    assert services.worker_last_seen() is not None


def test_overdue_items_are_reported_to_the_board_once(page, board_member, settings):
    settings.PORTAL_SCHEDULE_GRACE_SECONDS = 60
    when = timezone.now() - timedelta(minutes=5)
    revision = schedule(page, timezone.now() + timedelta(seconds=1))
    time_passes(revision, when)  # the worker was down
    overdue = services.overdue_items()
    assert [e.title for e in overdue] == ["Tin hẹn giờ"]
    from scheduling.notifications import report_overdue

    assert report_overdue(overdue) == 1
    assert report_overdue(overdue) == 0  # once
    assert mail.outbox[0].to == [board_member.email]
    assert "Quá giờ đăng" in mail.outbox[0].subject
    # the next sweep publishes it: nothing overdue any more
    assert services.sweep().published == 1
    assert services.overdue_items() == []


def test_a_batch_publishes_everything_due_at_that_second_with_that_time(commune_a, editor_a):
    when = (timezone.now() + timedelta(minutes=5)).replace(microsecond=0)
    pages = [draft_article(commune_a, editor_a, title=f"Tin lô {n}", slug=f"tin-lo-{n}") for n in range(5)]
    other = draft_article(commune_a, editor_a, title="Tin giờ khác", slug="tin-gio-khac")
    for p in pages:
        schedule(p, when)
    schedule(other, when + timedelta(minutes=1))
    assert services.publish_due_at(when, wait=False) == 5
    for p in pages:
        p.refresh_from_db()
        assert p.live and p.last_published_at == when  # the publication time, not the preparation time
        assert PageLogEntry.objects.get(page=p, action="wagtail.publish.scheduled").timestamp == when
    other.refresh_from_db()
    assert not other.live
    assert services.publish_due_at(when, wait=False) == 0  # nothing left for that second


def test_one_failing_publication_rolls_the_batch_back_and_the_others_go_one_by_one(commune_a, editor_a):
    when = (timezone.now() + timedelta(minutes=5)).replace(microsecond=0)
    good = [draft_article(commune_a, editor_a, title=f"Tin tốt {n}", slug=f"tin-tot-{n}") for n in range(2)]
    bad = draft_article(commune_a, editor_a, title="Tin hỏng", slug="tin-hong")
    revisions = [schedule(p, when) for p in (*good, bad)]
    broken = revisions[-1]
    broken.content["title"] = ""  # cannot be published: the page would fail validation
    broken.save(update_fields=["content"])
    with pytest.raises(Exception):  # noqa: B017 (any error: the batch is all or nothing)
        services.publish_due_at(when, wait=False)
    for p in (*good, bad):
        p.refresh_from_db()
        assert not p.live
    # the per-revision fallback tasks at T+1 s publish the good ones; the bad one stays overdue
    for p, revision in zip(good, revisions, strict=False):
        time_passes(revision, timezone.now() - timedelta(seconds=1))
        assert services.publish_revision(revision.pk, revision.approved_go_live_at) == services.PUBLISHED
        p.refresh_from_db()
        assert p.live
