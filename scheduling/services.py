"""Exact-time scheduled publishing and expiry.

Wagtail records a scheduled publication on the revision (``approved_go_live_at``) and an expiry
on the object (``expire_at``), and only acts on them when its ``publish_scheduled`` command runs.
Here:

- when a revision gets a publication time (directly or by workflow approval), or a live object
  an expiry, a Celery task is queued after commit with that time as its ETA, provided the time
  is within ``PORTAL_SCHEDULE_HORIZON_MINUTES`` (the broker redelivers unacknowledged messages
  after its visibility timeout, so far-off ETAs are left to the sweep);
- a sweep runs every minute under a lock: it does whatever is due and was missed (worker down,
  broker down, message lost), queues what comes within the horizon, and reports what is overdue;
- the task re-checks under a row lock that the revision is still the scheduled one at that time:
  rescheduling, cancelling or a newer scheduled revision leaves the old task with nothing to
  do, and two deliveries of the same task publish once.
"""

import contextlib
import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from unittest import mock

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from wagtail.models import DraftStateMixin, Page, Revision

logger = logging.getLogger("scheduling")

SWEEP_LOCK = "scheduling:sweep-lock"
WORKER_SEEN = "scheduling:worker-seen"
PUBLISHED, EXPIRED, STALE, EARLY, MISSING = "published", "expired", "stale", "early", "missing"


def horizon():
    return timedelta(minutes=settings.PORTAL_SCHEDULE_HORIZON_MINUTES)


def grace():
    return timedelta(seconds=settings.PORTAL_SCHEDULE_GRACE_SECONDS)


def prepare_ahead():
    return timedelta(seconds=settings.PORTAL_SCHEDULE_PREPARE_SECONDS)


# A single fallback task per revision runs this long after its time, behind the batch.
FALLBACK_DELAY = timedelta(seconds=1)


def publishable_models():
    """Pages and every other model with draft state (publishable snippets, ...)."""
    return [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def _as_datetime(value):
    return value if value is None or hasattr(value, "tzinfo") else parse_datetime(value)


def _same_time(a, b):
    return a is not None and b is not None and abs((a - b).total_seconds()) < 0.001


# --- the work ------------------------------------------------------------------------------


def publish_revision(revision_id, due=None, *, now=None):
    """Publish ``revision_id`` if it is (still) scheduled for ``due`` and that time has come."""
    now = now or timezone.now()
    due = _as_datetime(due)
    with transaction.atomic():
        revision = Revision.objects.select_for_update().filter(pk=revision_id).first()
        if revision is None:
            return MISSING
        scheduled = revision.approved_go_live_at
        if scheduled is None or (due is not None and not _same_time(scheduled, due)):
            return STALE  # published already, unscheduled, rescheduled or superseded
        if scheduled > now:
            return EARLY
        revision.publish(log_action="wagtail.publish.scheduled", skip_permission_checks=True)
    return PUBLISHED


@contextlib.contextmanager
def frozen_now(moment):
    """Make ``timezone.now()`` answer ``moment`` (this process only, for the block).

    Used while preparing a publication due at ``moment``: Wagtail then publishes instead of
    re-scheduling, and its timestamps (last published, log entry) are the publication time.
    """
    with mock.patch.object(timezone, "now", lambda: moment):
        yield


@contextlib.contextmanager
def without_savepoints():
    """Nested atomic blocks inside make no savepoints (this connection, for the block).

    Wagtail wraps every publish in atomic blocks; a hundred publishes in one PostgreSQL
    transaction make hundreds of subtransactions, past the 64 a backend caches, and every query
    slows down (measured: 44 ms per page alone, 160 ms per page in a batch of 100). Without
    savepoints an error anywhere rolls the whole batch back; the per-revision fallback tasks and
    the sweep then publish the pages one by one.
    """
    connection = transaction.get_connection()
    with mock.patch.object(connection.features, "uses_savepoints", False):
        yield


def publish_due_at(due, *, wait=True):
    """Publish every revision scheduled for exactly ``due``, visible all at once at ``due``.

    Runs ``PORTAL_SCHEDULE_PREPARE_SECONDS`` early: publishes them inside one transaction (rows
    locked, so the fallback tasks and the sweep wait and then find nothing to do), then holds
    the commit until ``due``. Readers see the old state until the commit and every page at once
    after it; what publishing triggers (mails, index updates) is queued on commit.
    """
    due = _as_datetime(due)
    published = 0
    if wait and transaction.get_connection().vendor == "sqlite":
        # SQLite (development) has one writer at a time: holding the transaction open would
        # block every other save until ``due``, so wait first and publish at the time instead.
        remaining = (due - timezone.now()).total_seconds()
        if remaining > 0:
            time.sleep(remaining)
    with transaction.atomic(), without_savepoints():
        revisions = list(Revision.objects.select_for_update().filter(approved_go_live_at=due).order_by("pk"))
        with frozen_now(due):
            for revision in revisions:
                revision.publish(log_action="wagtail.publish.scheduled", skip_permission_checks=True)
                published += 1
        remaining = (due - timezone.now()).total_seconds()
        logger.info(
            "prepared %d publications due at %s; committing in %.2f s", published, due, max(remaining, 0)
        )
        if wait and published and remaining > 0:
            time.sleep(remaining)
    return published


def expire_object(model_label, pk, due=None, *, now=None):
    """Unpublish the object if it is live and its expiry (still ``due``) has passed."""
    now = now or timezone.now()
    due = _as_datetime(due)
    model = apps.get_model(model_label)
    with transaction.atomic():
        obj = model._default_manager.select_for_update().filter(pk=pk).first()
        if obj is None:
            return MISSING
        if not obj.live or obj.expire_at is None or (due is not None and not _same_time(obj.expire_at, due)):
            return STALE
        if obj.expire_at > now:
            return EARLY
        obj = obj.specific if isinstance(obj, Page) else obj
        obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
    return EXPIRED


# --- queueing ------------------------------------------------------------------------------


def _first_time(kind, ident, due):
    """True the first time this (kind, id, time) is queued within twice the horizon."""
    timeout = int(horizon().total_seconds()) * 2
    return cache.add(_queued_key(kind, ident, due), 1, timeout=timeout)


def _queued_key(kind, ident, due):
    return f"scheduling:queued:{kind}:{ident}:{due.timestamp():.3f}"


def queue_publication(revision_id, due, *, now=None, force=False):
    """Queue the ETA task for a publication due within the horizon (once per id and time)."""
    from scheduling import tasks

    now = now or timezone.now()
    if due is None or due - now > horizon():
        return False
    if not force and not _first_time("publish", revision_id, due):
        return False
    queue_batch(due, now=now)
    # The revision's own task, a moment later: publishes it if the batch missed it (scheduled
    # after the batch had started), otherwise finds it done.
    tasks.publish_revision_task.apply_async(
        args=[revision_id, due.isoformat()], eta=max(due + FALLBACK_DELAY, now)
    )
    return True


def queue_batch(due, *, now=None):
    """One batch task per publication time, started early enough to be ready at that second."""
    from scheduling import tasks

    now = now or timezone.now()
    if not _first_time("batch", "all", due):
        return False
    tasks.publish_due_at_task.apply_async(args=[due.isoformat()], eta=max(due - prepare_ahead(), now))
    return True


def queue_expiry(model_label, pk, due, *, now=None):
    from scheduling import tasks

    now = now or timezone.now()
    if due is None or due - now > horizon():
        return False
    if not _first_time(f"expire:{model_label}", pk, due):
        return False
    tasks.expire_object_task.apply_async(args=[model_label, pk, due.isoformat()], eta=max(due, now))
    return True


def after_commit(func, *args):
    """Queue after the transaction commits; a broker outage is logged and left to the sweep."""

    def queue_scheduled_task():  # named: Django logs failing robust callbacks by __qualname__
        func(*args)

    transaction.on_commit(queue_scheduled_task, robust=True)


# --- the sweep -----------------------------------------------------------------------------


@dataclass
class SweepReport:
    published: int = 0
    expired: int = 0
    queued: int = 0
    overdue: list = None
    skipped: bool = False


def due_revisions(until):
    return Revision.objects.filter(approved_go_live_at__lte=until).order_by("approved_go_live_at")


def due_expiries(until):
    for model in publishable_models():
        yield from model._default_manager.filter(live=True, expire_at__lte=until).order_by("expire_at")


def sweep(*, now=None):
    """Catch up and look ahead; only one sweep runs at a time (Redis lock)."""
    now = now or timezone.now()
    cache.set(WORKER_SEEN, now.isoformat(), timeout=None)
    if not cache.add(SWEEP_LOCK, now.isoformat(), timeout=55):
        return SweepReport(skipped=True, overdue=[])
    report = SweepReport(overdue=[])
    try:
        for revision in list(due_revisions(now)):
            try:
                if publish_revision(revision.pk, now=now) == PUBLISHED:
                    report.published += 1
            except Exception:
                logger.exception("scheduled publication of revision %s failed", revision.pk)
        for obj in list(due_expiries(now)):
            try:
                if expire_object(obj._meta.label, obj.pk, now=now) == EXPIRED:
                    report.expired += 1
            except Exception:
                logger.exception("scheduled expiry of %s %s failed", obj._meta.label, obj.pk)
        for revision in due_revisions(now + horizon()).filter(approved_go_live_at__gt=now):
            report.queued += queue_publication(revision.pk, revision.approved_go_live_at, now=now)
        for obj in due_expiries(now + horizon()):
            if obj.expire_at > now:
                report.queued += queue_expiry(obj._meta.label, obj.pk, obj.expire_at, now=now)
        report.overdue = overdue_items(now=now)
        if report.overdue:
            from scheduling.notifications import report_overdue

            report_overdue(report.overdue)
    finally:
        cache.delete(SWEEP_LOCK)
    return report


def overdue_items(*, now=None, paths=None):
    """Publications and expiries past their time (plus the grace) that have not happened."""
    from scheduling.selectors import schedule_entries

    now = now or timezone.now()
    return [e for e in schedule_entries(until=now - grace(), paths=paths) if e.when <= now - grace()]


def worker_last_seen():
    value = cache.get(WORKER_SEEN)
    return parse_datetime(value) if value else None
