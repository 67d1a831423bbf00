"""Exact-time publishing: the right revision, once; expiry; the sweep; overdue reporting."""

import ast
from datetime import timedelta

from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published

import pytest

from scheduling import services
from tests.conftest import ROOT
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


def next_second(ahead):
    """The first whole second at least ``ahead`` seconds from now (a batch's publication time)."""
    return (timezone.now() + timedelta(seconds=ahead + 1)).replace(microsecond=0)


def test_a_batch_publishes_everything_due_at_that_second_with_that_time(commune_a, editor_a):
    pages = [draft_article(commune_a, editor_a, title=f"Tin lô {n}", slug=f"tin-lo-{n}") for n in range(5)]
    other = draft_article(commune_a, editor_a, title="Tin giờ khác", slug="tin-gio-khac")
    when = next_second(1)
    for p in pages:
        schedule(p, when)
    schedule(other, when + timedelta(minutes=1))
    assert services.publish_due_at(when, wait=False) == 0  # not before its time
    assert not any(Page.objects.filter(pk__in=[p.pk for p in pages], live=True))
    # never published, their rows already hold what publishing writes: switched on at the second
    assert [item.row is not None for item in services.prepare_publications(when)] == [True] * 5
    signalled = []

    def on_published(sender, instance, revision=None, **kwargs):
        signalled.append((instance.pk, revision.pk))

    page_published.connect(on_published, dispatch_uid="test_batch_published")
    try:
        assert services.publish_due_at(when) == 5  # waits for the second, then publishes
    finally:
        page_published.disconnect(dispatch_uid="test_batch_published")
    assert timezone.now() >= when
    # Wagtail recorded each publication once: its signal (cache, search index, mails hang on it)
    assert sorted(signalled) == sorted((p.pk, p.latest_revision_id) for p in pages)
    for p in pages:
        p.refresh_from_db()
        assert p.live and p.live_revision_id == p.latest_revision_id and not p.has_unpublished_changes
        assert Revision.objects.get(pk=p.live_revision_id).approved_go_live_at is None
        # the publication time, not the moment each page's transaction ran
        assert p.last_published_at == when and p.first_published_at == when
        assert PageLogEntry.objects.get(page=p, action="wagtail.publish.scheduled").timestamp == when
    other.refresh_from_db()
    assert not other.live
    assert services.publish_due_at(when, wait=False) == 0  # nothing left for that second


def test_a_page_switched_on_is_recorded_by_its_own_task_if_the_batch_stops_there(
    commune_a, editor_a, settings
):
    page = draft_article(commune_a, editor_a, title="Tin bật rồi dừng", slug="tin-bat-roi-dung")
    when = next_second(1)
    revision = schedule(page, when)
    prepared = services.prepare_publications(when)
    services.wait_until(when)
    assert services.switch_on(prepared, when) == [revision.pk]  # and the worker dies here
    page.refresh_from_db()
    assert page.live and page.live_revision_id == revision.pk and page.last_published_at == when
    assert services.switch_on(prepared, when) == []  # live already: never switched twice
    # the revision is still scheduled: its own task (or the sweep) has Wagtail record it, once,
    # at the time readers saw it go live, however late (here: past the grace)
    settings.PORTAL_SCHEDULE_GRACE_SECONDS = 0
    assert services.publish_revision(revision.pk, when.isoformat()) == services.PUBLISHED
    assert services.publish_revision(revision.pk, when.isoformat()) == services.STALE
    page.refresh_from_db()
    assert page.live and page.last_published_at == when and page.first_published_at == when
    assert PageLogEntry.objects.get(page=page, action="wagtail.publish.scheduled").timestamp == when


def test_a_page_changed_since_it_was_prepared_is_published_the_long_way(commune_a, editor_a):
    page = draft_article(commune_a, editor_a, title="Tin sửa sau khi chuẩn bị", slug="tin-sua-sau")
    when = next_second(1)
    revision = schedule(page, when)
    prepared = services.prepare_publications(when)
    assert prepared[0].row is not None
    Page.objects.filter(pk=page.pk).update(title="Sửa thẳng vào bảng")  # after the preparation
    services.wait_until(when)
    assert services.switch_on(prepared, when) == []
    page.refresh_from_db()
    assert not page.live
    assert services.publish_due_at(when, wait=False) == 1
    page.refresh_from_db()
    assert page.live and page.title == "Tin sửa sau khi chuẩn bị"  # the revision's, by Wagtail
    assert page.live_revision_id == revision.pk


def test_a_page_switched_on_whose_publication_then_fails_goes_off_again(commune_a, editor_a):
    page = draft_article(commune_a, editor_a, title="Tin trùng đường dẫn", slug="tin-trung")
    sibling = draft_article(commune_a, editor_a, title="Tin bên cạnh", slug="tin-ben-canh")
    when = next_second(1)
    revision = schedule(page, when)
    prepared = services.prepare_publications(when)
    assert prepared[0].row is not None
    Page.objects.filter(pk=sibling.pk).update(slug="tin-trung")  # after the preparation
    assert services.publish_due_at(when) == 0  # switched on, then Wagtail refuses the slug
    page.refresh_from_db()
    assert not page.live and page.live_revision_id is None and page.last_published_at is None
    assert page.has_unpublished_changes and page.first_published_at is None
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at == when  # overdue until fixed
    assert published_log(page) == 0


def test_a_republished_page_keeps_its_first_publication_time(commune_a):
    article = publish_article(commune_a, title="Tin cập nhật hẹn giờ")
    article.refresh_from_db()
    first = article.first_published_at
    when = next_second(1)
    revision = schedule(article, when)
    assert services.publish_due_at(when) == 1
    article.refresh_from_db()
    assert article.live_revision_id == revision.pk
    assert article.last_published_at == when
    # unchanged (Wagtail takes it back from the revision's JSON: to the millisecond)
    assert abs(article.first_published_at - first) < timedelta(milliseconds=1)


def test_one_failing_publication_does_not_hold_back_the_others(commune_a, editor_a):
    good = [draft_article(commune_a, editor_a, title=f"Tin tốt {n}", slug=f"tin-tot-{n}") for n in range(2)]
    bad = draft_article(commune_a, editor_a, title="Tin hỏng", slug="tin-hong")
    when = next_second(1)
    revisions = [schedule(p, when) for p in (*good, bad)]
    broken = revisions[-1]
    broken.content["title"] = ""  # cannot be published: the page would fail validation
    broken.save(update_fields=["content"])
    # each publication in its own transaction: the broken one is logged and left, the others go
    assert services.publish_due_at(when) == 2
    for p, revision in zip(good, revisions, strict=False):
        p.refresh_from_db()
        assert p.live and p.last_published_at == when
        # their own tasks a second later find them done
        assert services.publish_revision(revision.pk, when.isoformat()) == services.STALE
    bad.refresh_from_db()
    assert not bad.live
    broken.refresh_from_db()
    assert broken.approved_go_live_at == when  # still scheduled: retried, then reported overdue
    with pytest.raises(ValidationError):
        services.publish_revision(broken.pk, when.isoformat())
    assert [e.revision_id for e in services.overdue_items(now=when + timedelta(hours=1))] == [broken.pk]
    for p in good:
        assert published_log(p) == 1


def mock_imports(source, filename):
    """Lines of ``source`` that import unittest.mock (or the ``mock`` package) or reach it."""
    found = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            names = [f"{node.value.id}.{node.attr}"]
        else:
            continue
        if any(f"{name}.".startswith(("unittest.mock.", "mock.")) for name in names):
            found.append(node.lineno)
    return found


NOT_PRODUCTION = {"tests", "node_modules"}


def production_modules():
    """The project's own Python files, tests and virtual environments aside."""
    yield from ROOT.glob("*.py")
    for folder in sorted(ROOT.iterdir()):
        if (
            folder.is_dir()
            and not folder.name.startswith(".")
            and folder.name not in {"tests", "node_modules"}
        ):
            yield from sorted(folder.rglob("*.py"))


def test_no_production_module_patches_anything():
    """Production code never patches: unittest.mock is for tests (docs/conventions)."""
    assert mock_imports("from unittest import mock\nimport unittest\nunittest.mock.patch", "x.py") == [1, 3]
    scanned, offenders = set(), []
    for path in production_modules():
        relative = path.relative_to(ROOT)
        scanned.add(str(relative))
        offenders += [
            f"{relative}:{line}" for line in mock_imports(path.read_text(encoding="utf-8"), str(path))
        ]
    assert {"scheduling/services.py", "scheduling/tasks.py"} <= scanned
    assert offenders == []
