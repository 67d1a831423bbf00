"""Test settings: PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set (CI), else SQLite."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if os.environ.get("PORTAL_TEST_EMAIL_DIR"):
    # A Celery worker started by the tests writes its mail where the tests can read it.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["PORTAL_TEST_EMAIL_DIR"]
# Per run; worker processes started by the tests are given the same folder.
MEDIA_ROOT = Path(os.environ.get("PORTAL_TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="portal-test-media-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: tests can then close and reopen connections, and worker
    # processes started by tests see the same database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}  # noqa: F405
if os.environ.get("PORTAL_TEST_DATABASE_NAME"):
    # ...and uses the test database the tests created (test_<name> on PostgreSQL).
    DATABASES["default"]["NAME"] = os.environ["PORTAL_TEST_DATABASE_NAME"]  # noqa: F405
ALLOWED_HOSTS = ["localhost", ".localhost", "testserver", "127.0.0.1"]
WAGTAILADMIN_BASE_URL = "http://localhost"
if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):  # noqa: F405
    # Shared with the worker processes the tests start, apart from `make run`'s cache.
    CACHES["default"]["LOCATION"] = str(VAR_DIR / "test-cache")  # noqa: F405
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":  # noqa: F405
    # Keep test keys apart from anything else on the same Redis.
    CACHES["default"]["KEY_PREFIX"] = "portal-test"  # noqa: F405

# Wagtail's background tasks run inline in tests (one test drives the Celery backend with a
# real worker: tests/portal/test_task_backend.py).
if os.environ.get("PORTAL_TASKS_BACKEND") != "celery":  # the scheduling benchmark runs production-like
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Tests make hundreds of searches from one address; the rate-limit tests set their own limits.
PORTAL_SEARCH_RATE = "100000/m"
PORTAL_SUGGEST_RATE = "100000/m"
