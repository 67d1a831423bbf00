"""Exact-time scheduled publishing and expiry.

Wagtail records a scheduled publication on the revision (``approved_go_live_at``) and an expiry
on the object (``expire_at``), and only acts on them when its ``publish_scheduled`` command runs.
Here:

- when a revision gets a publication time (directly or by workflow approval), or a live object
  an expiry, a Celery task is queued after commit with that time as its ETA, provided the time
  is within ``PORTAL_SCHEDULE_HORIZON_MINUTES`` (the broker redelivers unacknowledged messages
  after its visibility timeout, so far-off ETAs are left to the sweep);
- one batch task per publication time prepares, ``PORTAL_SCHEDULE_PREPARE_SECONDS`` ahead, what
  is due then (reads only), waits for that second holding no transaction and no lock, switches
  on at once the pages that were never live (one short statement), then has Wagtail publish each
  revision in a short transaction of its own (``publish_due_at``);
- a sweep runs every minute under a lock: it does whatever is due and was missed (worker down,
  broker down, message lost), queues what comes within the horizon, and reports what is overdue;
- every publication re-checks under row locks (the object's, then the revision's: the order in
  which Wagtail's own saves take them) that the revision is still the scheduled one and its time
  has come: rescheduling, cancelling or a newer scheduled revision leaves an old task with
  nothing to do, and two deliveries of the same task publish once.
"""

import json
import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import CharField, F, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from wagtail.log_actions import registry as log_registry
from wagtail.models import COMMENTS_RELATION_NAME, DraftStateMixin, Page, Revision

from sites import cache as page_cache

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


# --- publishing one revision ---------------------------------------------------------------


def _publish_locked(revision_id, model, object_id, *, due, now):
    """Lock the object's row, then the revision's; publish if still scheduled (for ``due``) and due.

    Runs in the caller's short transaction. A publication on time (within the grace), or one
    switched on at its time (``switch_on``), is recorded at its scheduled time; a late one (the
    sweep catching up) at the moment it happened.
    """
    fields = ("first_published_at", "last_published_at", "live_revision_id")
    locked = list(model._default_manager.select_for_update().filter(pk=object_id).values_list(*fields))
    if not locked:
        return MISSING
    first_published_at, last_published_at, live_revision_id = locked[0]
    revision = Revision.objects.select_for_update().filter(pk=revision_id).first()
    if revision is None:
        return MISSING
    scheduled = revision.approved_go_live_at
    if scheduled is None or (due is not None and not _same_time(scheduled, due)):
        return STALE  # published already, unscheduled, rescheduled or superseded
    if scheduled > now or scheduled > timezone.now():
        return EARLY  # (before its time Wagtail would only schedule it again)
    switched_on = live_revision_id == revision.pk and last_published_at == scheduled
    started = timezone.now()
    revision.publish(log_action="wagtail.publish.scheduled", skip_permission_checks=True)
    if switched_on or started - scheduled <= grace():
        first = first_published_at is None
        _record_publication_time(revision, model, first=first, since=started, at=scheduled)
    return PUBLISHED


def _record_publication_time(revision, model, *, first, since, at):
    """Record ``at``, the scheduled second, where Wagtail has just written the moment it published.

    Wagtail stamps ``timezone.now()``: a few milliseconds after the second for one page, up to a
    few seconds for the last of a large batch on a busy worker. Readers (the article's date, the
    feeds' order) and the log should show the time the editor chose, the same for the whole
    batch. Rewritten in the publication's own transaction, before anyone can read it.
    """
    fields = {"last_published_at": at}
    if first:
        fields["first_published_at"] = at
    model._default_manager.filter(pk=revision.object_id).update(**fields)
    log_model = log_registry.get_log_model_for_model(model)
    if log_model is not None:
        log_model.objects.filter(revision=revision, timestamp__gte=since).update(timestamp=at)


def publish_revision(revision_id, due=None, *, now=None):
    """Publish ``revision_id`` if it is (still) scheduled for ``due`` and that time has come."""
    now = now or timezone.now()
    due = _as_datetime(due)
    revision = Revision.objects.select_related("base_content_type").filter(pk=revision_id).first()
    if revision is None:
        return MISSING
    model = revision.base_content_type.model_class()
    with transaction.atomic():
        return _publish_locked(revision_id, model, revision.object_id, due=due, now=now)


# --- publishing a second's batch -----------------------------------------------------------

# What Wagtail's publish sets on an object, on top of the revision's content.
PUBLICATION_FIELDS = {
    "live",
    "live_revision",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "expired",
    COMMENTS_RELATION_NAME,
}
PAGE_ROW = [field.attname for field in Page._meta.concrete_fields]


@dataclass
class Prepared:
    revision_id: int
    model: type
    object_id: str
    row: tuple | None = None  # the page's row when prepared, when it can be switched on at the second
    latest: bool = True  # the revision is the page's latest (nothing unpublished once it is live)


def due_at(due):
    """The revisions scheduled for exactly ``due`` (a plain read: no lock)."""
    revisions = Revision.objects.filter(approved_go_live_at=due).select_related("base_content_type")
    return [Prepared(r.pk, r.base_content_type.model_class(), r.object_id) for r in revisions.order_by("pk")]


def _content(obj):
    data = obj.serializable_data()
    for name in PUBLICATION_FIELDS:
        data.pop(name, None)
    return json.dumps(data, cls=DjangoJSONEncoder, sort_keys=True)


def prepare_publications(due):
    """What is due at ``due``, read and checked ahead of it: no transaction, no lock.

    Each revision is built as Wagtail will publish it (its content on the object's current row)
    and validated, so that a publication that would fail is logged before its time. And when a
    page has never been live, Wagtail already wrote the scheduled revision's content into the
    page's own rows when it scheduled it (unpublished): publishing it then changes only the
    publication fields (``PUBLICATION_FIELDS``). Such a page, if its rows hold exactly what
    publishing would write, is marked to be switched on at the second (``switch_on``).
    """
    prepared = due_at(due)
    for item in prepared:
        revision = Revision.objects.filter(pk=item.revision_id).first()
        if revision is None or item.model is not Page:
            continue
        try:
            page = Page.objects.get(pk=item.object_id)
            current = page.specific
            obj = revision.as_object()
            obj.full_clean()
        except Exception:
            logger.exception("revision %s, due at %s, cannot be published", item.revision_id, due)
            continue
        if page.live or page.alias_of_id is not None or _content(obj) != _content(current):
            continue  # Wagtail publishes it at the second, writing its content
        item.row = tuple(getattr(page, name) for name in PAGE_ROW)
        item.latest = page.latest_revision_id == revision.pk
    return prepared


def switch_on(prepared, due):
    """At the second, in one short transaction: the prepared never-published pages go live.

    Only the publication fields change, set as Wagtail's publish sets them, for the pages whose
    row is unchanged since it was prepared (every change Wagtail makes to a page touches its
    ``wagtailcore_page`` row) and whose revision is still scheduled for ``due`` (a page an editor
    is saving at this very moment is skipped: it is published the long way).
    Wagtail's own publish follows at once (``publish_due_at``) and records each publication:
    revisions, log, ``page_published`` and what hangs on it (cache, search index, mails).
    """
    items = {item.object_id: item for item in prepared if item.row is not None}
    if not items:
        return []
    with transaction.atomic():
        rows = Page.objects.select_for_update(skip_locked=True).filter(pk__in=list(items))
        unchanged = {str(pk): tuple(row) for pk, *row in rows.values_list("pk", *PAGE_ROW)}
        still_scheduled = set(
            Revision.objects.select_for_update(skip_locked=True)
            .filter(pk__in=[item.revision_id for item in items.values()], approved_go_live_at=due)
            .values_list("pk", flat=True)
        )
        going = [
            item
            for object_id, item in items.items()
            if unchanged.get(object_id) == item.row and item.revision_id in still_scheduled
        ]
        if not going:
            return []
        # one statement per value of has_unpublished_changes (usually one): built at the second,
        # by a busy worker, it is kept small
        for latest in {item.latest for item in going}:
            Page.objects.filter(pk__in=[item.object_id for item in going if item.latest == latest]).update(
                live=True,
                expired=False,
                live_revision_id=Subquery(scheduled_for(due)),
                has_unpublished_changes=not latest,
                first_published_at=Coalesce(F("first_published_at"), Value(due)),
                last_published_at=due,
            )
    # committed: the public pages showing them are built afresh from now on (sites/cache.py)
    page_cache.pages_changed([int(item.object_id) for item in going])
    return [item.revision_id for item in going]


def switch_off(item):
    """Undo ``switch_on`` for a page whose publication by Wagtail then failed (a sibling took its
    slug meanwhile, say): it stays unpublished, as Wagtail left it, and overdue until fixed."""
    before = dict(zip(PAGE_ROW, item.row, strict=True))
    fields = ["live", "live_revision_id", "has_unpublished_changes", "expired"]
    fields += ["first_published_at", "last_published_at"]
    with transaction.atomic():
        Page.objects.filter(pk=item.object_id, live_revision_id=item.revision_id).update(
            **{name: before[name] for name in fields}
        )
    page_cache.pages_changed([int(item.object_id)])


def scheduled_for(due):
    """The revision of the page (outer query) scheduled for ``due``: one at most, Wagtail clears
    the others' times when it schedules one."""
    return Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), CharField()),
        approved_go_live_at=due,
    ).values("pk")[:1]


def wait_until(moment):
    """Sleep until ``moment`` (called outside any transaction: nothing is locked meanwhile)."""
    while (remaining := (moment - timezone.now()).total_seconds()) > 0:
        time.sleep(remaining)


def publish_due_at(due, *, wait=True):
    """Publish every revision scheduled for exactly ``due``, visible at ``due``.

    Queued ``PORTAL_SCHEDULE_PREPARE_SECONDS`` early: prepares (``prepare_publications``), then
    waits for ``due`` holding no transaction and no lock (an editor saving one of these pages
    meanwhile is not held up). At the second, the never-published pages are switched on in one
    short transaction (``switch_on``); then Wagtail publishes every revision still scheduled for
    ``due`` (the others first, then records those switched on), each in a short transaction of
    its own that re-checks it under row locks. A failing publication is logged and left to its
    own task a second later and to the sweep; the others go ahead. The time recorded is ``due``.
    ``wait=False``: only if ``due`` has come. Returns how many revisions were published.
    """
    due = _as_datetime(due)
    prepared = prepare_publications(due)
    if due > timezone.now():
        if not wait:
            return 0
        logger.info(
            "prepared %d publications due at %s (%d to switch on)",
            len(prepared),
            due,
            sum(item.row is not None for item in prepared),
        )
        wait_until(due)
    started = time.monotonic()
    switched = set(switch_on(prepared, due))
    switch_seconds = time.monotonic() - started
    published = 0
    # read again (what was scheduled for this second after the preparation goes too); the pages
    # not switched on first: readers are still waiting for those
    for item in sorted(due_at(due), key=lambda item: item.revision_id in switched):
        try:
            with transaction.atomic():
                result = _publish_locked(
                    item.revision_id, item.model, item.object_id, due=due, now=timezone.now()
                )
        except Exception:
            logger.exception("scheduled publication of revision %s failed", item.revision_id)
            if item.revision_id in switched:
                switch_off(next(p for p in prepared if p.revision_id == item.revision_id))
            continue
        published += result == PUBLISHED
    logger.info(
        "published %d revisions due at %s: %d switched on in %.3f s, all recorded in %.2f s",
        published,
        due,
        len(switched),
        switch_seconds,
        time.monotonic() - started,
    )
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
