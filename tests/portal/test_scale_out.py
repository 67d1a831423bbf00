"""Scale-out on the engines the portal already has (docs/deployment.md): media on S3-compatible storage, one
Celery queue per kind of work, reads of public pages from a PostgreSQL replica.

- S3: a real local S3 server (moto's ThreadedMotoServer) behind django-storages, configured exactly as
  settings/base.py does from PORTAL_S3_* variables; an image and a document are uploaded through Wagtail's
  models, read back, and a rendition is generated into the bucket.
- Queues: every task the portal sends routes to its queue, and a worker given only the publishing queue
  publishes while extraction work waits in its own queue.
- Replicas: a second alias pointing at the same test database; which connection each kind of request reads
  from is counted on the real connections.
"""

import io
import json
import os
import subprocess
import sys
import time

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection
from django.test import override_settings

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def settings_in_subprocess(code, settings_module="portal.settings.test", **env):
    """Run ``code`` after ``django.setup()`` with these environment variables, and return what it prints as
    JSON: settings are read from the environment when they are imported."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module, **env}
    result = subprocess.run(
        [sys.executable, "-c", f"import django, json; django.setup()\n{code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- Media on S3 --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def s3_server():
    try:
        from moto.server import ThreadedMotoServer
    except ImportError:  # requirements.txt pins moto[server]: missing means a broken install
        if os.environ.get("CI"):
            pytest.fail("moto[server] is not installed (requirements.txt)")
        pytest.skip("moto[server] is not installed (pip install -r requirements.txt)")
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_storage(s3_server, monkeypatch):
    """The storage settings/base.py builds from PORTAL_S3_* (read in a fresh process), on a new bucket."""
    import boto3

    credentials = {"AWS_ACCESS_KEY_ID": "portal-test", "AWS_SECRET_ACCESS_KEY": "portal-test-secret"}
    for name, value in credentials.items():
        monkeypatch.setenv(name, value)
    bucket = f"portal-media-{time.monotonic_ns()}"
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1")
    client.create_bucket(Bucket=bucket)
    storage = settings_in_subprocess(
        "from django.conf import settings; print(json.dumps(settings.STORAGES['default']))",
        settings_module="portal.settings.base",
        PORTAL_S3_BUCKET=bucket,
        PORTAL_S3_ENDPOINT_URL=s3_server,
        PORTAL_S3_REGION="us-east-1",
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == bucket
    with override_settings(STORAGES={**settings.STORAGES, "default": storage}):
        yield client, bucket


def test_production_keeps_s3_media_and_whitenoise_static():
    found = settings_in_subprocess(
        "from django.conf import settings; print(json.dumps(settings.STORAGES))",
        settings_module="portal.settings.production",
        SECRET_KEY="a-long-production-secret-" + "k" * 40,
        ALLOWED_HOSTS="portal.example.gov.vn",
        WAGTAILADMIN_BASE_URL="https://portal.example.gov.vn",
        PORTAL_S3_BUCKET="portal-media",
        PORTAL_S3_ENDPOINT_URL="https://s3.example.gov.vn",
    )
    assert found["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert found["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    without = settings_in_subprocess(
        "from django.conf import settings; print(json.dumps(settings.STORAGES['default']))",
        settings_module="portal.settings.base",
        PORTAL_S3_BUCKET="",
    )
    assert without["BACKEND"] == "django.core.files.storage.FileSystemStorage"


@pytest.mark.django_db
def test_images_renditions_and_documents_live_in_the_bucket(s3_storage):
    from django.core.files.storage import storages

    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from PIL import Image as PILImage

    client, bucket = s3_storage
    assert type(storages["default"]).__name__ == "S3Storage"

    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 800), (30, 120, 200)).save(buffer, format="JPEG")
    original = buffer.getvalue()
    image = get_image_model()(
        title="Ảnh trụ sở", description="Trụ sở UBND", file=ImageFile(buffer, name="tru-so.jpg")
    )
    image.save()
    document = get_document_model()(
        title="Quyết định 12", file=ContentFile(b"%PDF-1.4\n% quyet dinh\n", name="qd-12.pdf")
    )
    document.save()

    keys = {item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])}
    assert image.file.name in keys
    assert document.file.name in keys

    # Read back through Django's storage, from a fresh object.
    image = get_image_model().objects.get(pk=image.pk)
    with image.file.open("rb") as stored:
        assert stored.read() == original
    assert (image.width, image.height) == (1200, 800)
    document = get_document_model().objects.get(pk=document.pk)
    with document.file.open("rb") as stored:
        assert stored.read() == b"%PDF-1.4\n% quyet dinh\n"

    # A rendition is made from the original in the bucket and stored there too.
    rendition = image.get_rendition("fill-300x200")
    assert (rendition.width, rendition.height) == (300, 200)
    keys = {item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])}
    assert rendition.file.name in keys
    body = client.get_object(Bucket=bucket, Key=rendition.file.name)["Body"].read()
    assert PILImage.open(io.BytesIO(body)).size == (300, 200)
    # Private bucket: the link is signed and expires.
    assert "Signature=" in rendition.url or "X-Amz-Signature=" in rendition.url


# --- Celery queues ------------------------------------------------------------------------------------------


EXPECTED_QUEUES = [
    ("scheduling.tasks.publish_revision_task", (), "publishing"),
    ("scheduling.tasks.publish_due_at_task", (), "publishing"),
    ("scheduling.tasks.expire_object_task", (), "publishing"),
    ("scheduling.tasks.sweep", (), "publishing"),
    ("notifications.tasks.send_notification", (), "mail"),
    ("notifications.tasks.send_review_digests", (), "mail"),
    ("editorial.tasks.send_notification", (), "mail"),
    ("editorial.tasks.send_review_digests", (), "mail"),
    ("reporting.tasks.send_weekly_statistics", (), "mail"),
    ("questions.tasks.send_acknowledgement", (), "mail"),
    ("questions.tasks.send_forward_notice", (), "mail"),
    ("questions.tasks.send_answer_notice", (), "mail"),
    ("questions.tasks.alert_flood", (), "mail"),
    ("sites.tasks.erase_expired_personal_data", (), "mail"),
    ("editorial.tasks.send_weekly_statistics", (), "mail"),
    ("documents.tasks.read_attachments", (1,), "extraction"),
    ("portal.tasks.ping", (), "celery"),
    ("feedback.tasks.forget_old_addresses", (), "celery"),  # nightly housekeeping: the default queue
    # Wagtail's background work, by the django-task inside run_django_task
    ("portal.tasks.run_django_task", ("modelsearch.tasks.insert_or_update_object_task", [], {}), "indexing"),
    ("portal.tasks.run_django_task", ("wagtail.tasks.update_reference_index_task", [], {}), "indexing"),
    ("portal.tasks.run_django_task", ("search.tasks.update_entry", [1], {}), "indexing"),
    ("portal.tasks.run_django_task", ("search.tasks.update_subtree", [1], {}), "indexing"),
    ("portal.tasks.run_django_task", ("wagtail.images.tasks.set_image_focal_point_task", [], {}), "celery"),
    ("portal.tasks.run_django_task", ("wagtail.tasks.delete_file_from_storage_task", [], {}), "celery"),
    (
        "portal.tasks.run_django_task",
        ("wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task", [], {}),
        "celery",
    ),
]


def route(name, args=()):
    from portal.celery import app

    return app.amqp.router.route({}, name, args, {})["queue"].name


@pytest.mark.parametrize(("name", "args", "queue"), EXPECTED_QUEUES, ids=lambda v: str(v)[:60])
def test_each_task_goes_to_its_queue(name, args, queue):
    assert route(name, args) == queue


def test_every_task_the_portal_registers_has_a_known_queue():
    """A task added later is noticed here: it must be given a queue on purpose (or knowingly left on the
    default one by adding it above)."""
    from portal.celery import app

    app.loader.import_default_modules()
    ours = {
        name
        for name in app.tasks
        if not name.startswith("celery.")
        and not name.startswith("tests.")
        and name != "portal.tasks.run_django_task"
    }
    known = {name for name, _, _ in EXPECTED_QUEUES}
    assert ours <= known, f"tasks without an expected queue: {sorted(ours - known)}"
    # ...and every django-task of the portal (the search index) too.
    for module_path in ("search.tasks.update_entry", "search.tasks.update_subtree"):
        assert settings.PORTAL_DJANGO_TASK_QUEUES[module_path] == "indexing"


def test_the_queues_are_declared_and_every_worker_command_consumes_them_all():
    from portal.celery import app

    assert set(app.conf.task_queues) == set(settings.PORTAL_CELERY_QUEUES)
    # (other tests add queues of their own to the app at run time: a subset, not equality)
    assert set(settings.PORTAL_CELERY_QUEUES) <= set(app.amqp.queues)
    assert app.conf.task_default_queue in settings.PORTAL_CELERY_QUEUES
    every = ",".join(settings.PORTAL_CELERY_QUEUES)
    assert f"QUEUES=${{QUEUES:-{every}}}" in (ROOT / "scripts" / "run_dev.sh").read_text()
    assert (
        '"-Q",\n            ",".join(settings.PORTAL_CELERY_QUEUES)'
        in (ROOT / "tests" / "conftest.py").read_text()
    )
    # compose.yml's workers between them consume every queue
    compose = (ROOT / "docker" / "compose.yml").read_text()
    consumed = set()
    for line in compose.splitlines():
        if "celery -A portal worker" in line and " -Q " in line:
            consumed |= set(line.split(" -Q ", 1)[1].split()[0].split(","))
    assert consumed == set(settings.PORTAL_CELERY_QUEUES)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_publishing_worker_is_not_held_up_by_waiting_extractions(tmp_path):
    """A real worker given only the publishing queue (as production runs one, docs/deployment.md) runs the
    schedule sweep while the extraction queue holds a backlog nobody has taken: separate queues, separate
    workers. On a private file broker, so that no other worker of the test run takes anything."""
    from celery import Celery

    broker = tmp_path / "broker"
    for folder in ("processed", "control"):
        (broker / folder).mkdir(parents=True)
    transport = {
        "data_folder_in": str(broker),
        "data_folder_out": str(broker),
        "processed_folder": str(broker / "processed"),
        "control_folder": str(broker / "control"),
        "store_processed": False,
        "polling_interval": 0.1,
    }
    # Not the current app: shared tasks (ping, ...) must keep going through the portal's app and broker.
    sender = Celery(
        "portal-queues-test",
        broker="filesystem://",
        backend=f"file://{tmp_path / 'results'}",
        set_as_current=False,
    )
    (tmp_path / "results").mkdir()
    sender.conf.update(
        broker_transport_options=transport,
        task_queues=settings.CELERY_TASK_QUEUES,
        task_default_queue=settings.CELERY_TASK_DEFAULT_QUEUE,
        task_routes=settings.CELERY_TASK_ROUTES,
    )
    for page_id in range(3):
        sender.send_task("documents.tasks.read_attachments", args=[10_000 + page_id])
    waiting = sorted(path.name for path in broker.glob("*.msg"))
    assert len(waiting) == 3 and all(".extraction." in name for name in waiting), waiting

    worker_settings = tmp_path / "worker_settings.py"
    worker_settings.write_text(
        "from portal.settings.test import *  # noqa\n"
        f"CELERY_BROKER_URL = 'filesystem://'\nCELERY_BROKER_TRANSPORT_OPTIONS = {transport!r}\n"
        f"CELERY_RESULT_BACKEND = 'file://{tmp_path / 'results'}'\n"
    )
    env = dict(
        os.environ,
        PYTHONPATH=f"{tmp_path}{os.pathsep}{ROOT}",
        DJANGO_SETTINGS_MODULE="worker_settings",
        PORTAL_TEST_DATABASE_NAME=str(connection.settings_dict["NAME"]),
    )
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool=solo", "-Q", "publishing"]
        + [
            "--without-mingle",
            "--without-gossip",
            "--loglevel=WARNING",
            "-n",
            f"publishing-{os.getpid()}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        result = sender.send_task("scheduling.tasks.sweep", ignore_result=False)
        report = result.get(timeout=90)
        assert report == {"published": 0, "expired": 0, "queued": 0}
        # The extractions are still waiting, untouched, in their own queue.
        still = sorted(path.name for path in broker.glob("*.msg"))
        assert still == waiting
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
        from celery import current_app

        from portal.celery import app

        assert current_app.main == app.main  # the session's worker fixture sends through it


# --- Read replicas ------------------------------------------------------------------------------------------


def test_without_replicas_there_is_no_router():
    assert not settings.DATABASE_REPLICA_URLS
    assert not getattr(settings, "DATABASE_ROUTERS", [])
    assert "portal.db_router.ReplicaReadsMiddleware" not in settings.MIDDLEWARE
    assert [alias for alias in settings.DATABASES if alias != "default"] == []


REPLICA_SCRIPT = r"""
from django.conf import settings
from django.db import connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from portal.db_router import public_reads, ReplicaRouter
from users.models import User

out = {"routers": settings.DATABASE_ROUTERS, "aliases": sorted(settings.DATABASES),
       "middleware": "portal.db_router.ReplicaReadsMiddleware" in settings.MIDDLEWARE}


def count(call):
    with CaptureQueriesContext(connections["default"]) as default, \
            CaptureQueriesContext(connections["replica1"]) as replica:
        status = call()
    return {"status": status, "default": len(default), "replica": len(replica)}


client = Client()
out["anonymous"] = count(lambda: client.get("/", HTTP_HOST="localhost").status_code)
out["admin"] = count(lambda: client.get("/admin/login/", HTTP_HOST="localhost").status_code)
user = User.objects.get(username="replica-editor")
client.force_login(user)
out["signed_in"] = count(lambda: client.get("/", HTTP_HOST="localhost").status_code)

with public_reads():
    out["public_read"] = count(lambda: Page.objects.count() and 200)
    def in_transaction():
        with transaction.atomic():
            return Page.objects.count() and 200
    out["public_read_in_transaction"] = count(in_transaction)
out["outside_a_request"] = count(lambda: Page.objects.count() and 200)
out["write"] = ReplicaRouter().db_for_write(Page)
out["migrate_replica"] = ReplicaRouter().allow_migrate("replica1", "wagtailcore")
print(json.dumps(out))
"""

LAG_SCRIPT = r"""
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

client = Client()
def replica_queries():
    with CaptureQueriesContext(connections["replica1"]) as replica:
        client.get("/", HTTP_HOST="localhost")
    return len(replica)

before = replica_queries()
client.post("/tim-kiem/", {"q": "x"}, HTTP_HOST="localhost")  # any non-GET request may have written
after = replica_queries()
print(json.dumps({"before": before, "after_a_write": after}))
"""


def replica_env(**extra):
    database = connection.settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{database['NAME']}"
    else:
        url = (
            f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        )
    return {
        "PORTAL_TEST_DATABASE_NAME": str(database["NAME"]),
        "DATABASE_REPLICA_URLS": url,  # a second alias, same database: its queries are counted apart
        "PORTAL_PAGE_CACHE_SECONDS": "0",  # every request builds its page
        **extra,
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_reads_go_to_the_replica_and_everything_else_to_default(district):
    from tests.factories import UserFactory

    UserFactory(username="replica-editor")
    out = settings_in_subprocess(REPLICA_SCRIPT, **replica_env(PORTAL_REPLICA_MAX_LAG_SECONDS="0"))
    assert out["routers"] == ["portal.db_router.ReplicaRouter"]
    assert out["aliases"] == ["default", "replica1"]
    assert out["middleware"]
    # An anonymous visitor's page: read from the replica only.
    assert out["anonymous"]["status"] == 200
    assert out["anonymous"]["replica"] > 0 and out["anonymous"]["default"] == 0, out["anonymous"]
    # The admin and a signed-in editor (who must see what they just wrote): default only.
    for case in ("admin", "signed_in"):
        assert out[case]["status"] == 200, out[case]
        assert out[case]["replica"] == 0 and out[case]["default"] > 0, (case, out[case])
    assert out["public_read"]["replica"] == 1 and out["public_read"]["default"] == 0
    # Inside a transaction, even a public read stays on default (it may read what it wrote).
    assert out["public_read_in_transaction"]["replica"] == 0
    assert out["public_read_in_transaction"]["default"] >= 1
    # Celery tasks, commands: no request, default.
    assert out["outside_a_request"] == {"status": 200, "default": 1, "replica": 0}
    assert out["write"] == "default"
    assert out["migrate_replica"] is False


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_a_write_public_reads_stay_on_default_for_the_lag_window(district):
    out = settings_in_subprocess(LAG_SCRIPT, **replica_env(PORTAL_REPLICA_MAX_LAG_SECONDS="30"))
    assert out["before"] > 0
    assert out["after_a_write"] == 0
