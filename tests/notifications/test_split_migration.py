"""The ``editorial`` app became ``notifications`` and ``reporting`` (issue #17): a database migrated at the
last commit before the split (4285a49) migrates forward and keeps every row, id, constraint and permission."""

from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

import pytest

from notifications.models import Notification
from portal.celery import app
from reporting.models import ArticleTarget
from tests.factories import UserFactory

DATA = Path(__file__).parent / "data"
NEW_APPS = [("notifications", None), ("reporting", None)]
LATEST = [("notifications", "0001_initial"), ("reporting", "0001_initial")]


@pytest.fixture
def warm_content_types():
    """Leave Django's content-type cache warm, as every other test finds it: the migrations below move
    content types, and a cold cache would let a signal during the next test's restore create one twice."""
    yield
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def _database_at_previous_commit():
    """Unapply the new apps, drop their tables and build the old app's tables from its DDL at 4285a49,
    recorded as applied the way that commit left them."""
    _migrate(NEW_APPS)
    with connection.cursor() as cursor:
        for table in ("editorial_notification", "editorial_articletarget"):
            if table in connection.introspection.table_names(cursor):
                cursor.execute(f'DROP TABLE "{table}"')
        ddl = (DATA / f"editorial_at_4285a49.{connection.vendor}.sql").read_text()
        for statement in filter(None, (s.strip() for s in ddl.split(";"))):
            if not statement.startswith("--"):
                cursor.execute(statement)
            elif "CREATE" in statement:
                cursor.execute(statement[statement.index("CREATE") :])
    recorder = MigrationRecorder(connection)
    for name in ("0001_initial", "0002_article_target"):
        recorder.record_applied("editorial", name)
    ContentType.objects.clear_cache()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("warm_content_types")
def test_a_database_from_before_the_split_keeps_its_notifications_and_targets(commune_a, commune_b):
    editor = UserFactory(username="old-editor", email="old@example.vn")
    board = UserFactory(username="old-board", email="board@example.vn")
    _database_at_previous_commit()
    assert ContentType.objects.filter(app_label="editorial", model="notification").exists()
    # a permission on the old model, granted to a group before the split
    old_type = ContentType.objects.get(app_label="editorial", model="articletarget")
    permission = Permission.objects.get(content_type=old_type, codename="change_articletarget")
    group = Group.objects.create(name="Người xem chỉ tiêu")
    group.permissions.add(permission)

    now = timezone.now()
    with connection.cursor() as cursor:
        for key, user in (("submitted:1", editor), ("submitted:1", board), ("digest:2026-12-01", board)):
            cursor.execute(
                "INSERT INTO editorial_notification (key, event, email, subject, sent_at, recipient_id) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                [key, key.split(":")[0], user.email, f"Tiêu đề {key}", now, user.pk],
            )
        for unit, number in ((commune_a, 8), (commune_b, 3)):
            cursor.execute(
                "INSERT INTO editorial_articletarget (monthly_articles, updated_at, unit_id, updated_by_id) "
                "VALUES (%s, %s, %s, %s)",
                [number, now, unit.pk, board.pk],
            )
        cursor.execute("SELECT id, key, recipient_id FROM editorial_notification ORDER BY id")
        old_notifications = cursor.fetchall()
        cursor.execute("SELECT id, unit_id, monthly_articles FROM editorial_articletarget ORDER BY id")
        old_targets = cursor.fetchall()

    _migrate(LATEST)
    ContentType.objects.clear_cache()

    tables = connection.introspection.table_names()
    assert "editorial_notification" not in tables and "editorial_articletarget" not in tables
    assert [(n.pk, n.key, n.recipient_id) for n in Notification.objects.order_by("pk")] == old_notifications
    assert [
        (t.pk, t.unit_id, t.monthly_articles) for t in ArticleTarget.objects.order_by("pk")
    ] == old_targets
    assert ArticleTarget.objects.get(unit=commune_a).updated_by == board

    # the content types moved (not recreated): the group keeps its permission on the model
    assert not ContentType.objects.filter(app_label="editorial").exists()
    assert group.permissions.get() == permission
    assert Permission.objects.get(pk=permission.pk).content_type.app_label == "reporting"
    assert board.has_perm("reporting.change_articletarget") is False  # not in the group
    board.groups.add(group)
    board = type(board).objects.get(pk=board.pk)
    assert board.has_perm("reporting.change_articletarget")

    # ids continue after the kept rows; exactly-once delivery still holds through the unique constraint
    new = Notification.objects.create(
        key="weekly:2026-W49", event="weekly", recipient=board, email=board.email
    )
    assert new.pk > max(row[0] for row in old_notifications)
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(
            key="submitted:1", event="submitted", recipient=editor, email=editor.email
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleTarget.objects.create(unit=commune_a, monthly_articles=1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("warm_content_types")
def test_the_split_reverses_and_replays_on_a_new_database(commune_a):
    ArticleTarget.objects.create(unit=commune_a, monthly_articles=5)
    _migrate(NEW_APPS)
    assert "editorial_articletarget" in connection.introspection.table_names()
    _migrate(LATEST)
    assert ArticleTarget.objects.get().monthly_articles == 5


@pytest.mark.parametrize(
    "old, new",
    [
        ("editorial.tasks.send_notification", "notifications.tasks.send_notification"),
        ("editorial.tasks.send_review_digests", "notifications.tasks.send_review_digests"),
        ("editorial.tasks.send_weekly_statistics", "reporting.tasks.send_weekly_statistics"),
    ],
)
def test_messages_queued_under_the_old_task_names_still_run(old, new):
    """A worker upgraded while mails wait in the broker under the old names does the same work with them
    (an unregistered name would be dropped, and the mail with it)."""
    app.loader.import_default_modules()
    assert app.tasks[old].run.__code__ is app.tasks[new].run.__code__  # the same function body
    assert app.tasks[old].autoretry_for == app.tasks[new].autoretry_for


def test_an_old_notification_message_reaches_the_notifier():
    with pytest.raises(ValueError, match="unknown notification event"):
        app.tasks["editorial.tasks.send_notification"].apply(args=("no-such-event", 1), throw=True)
