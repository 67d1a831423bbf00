"""Settings shared by every environment.

Everything that differs between a laptop, CI and production comes from the
environment (``DATABASE_URL``, ``REDIS_URL``, ``SECRET_KEY``, ``ALLOWED_HOSTS``...).
Unset variables fall back to embedded defaults: a SQLite file, a local-memory
cache and a file-system Celery broker, so ``make run`` needs no server.
"""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # project apps first so that their templates override the libraries'
    "portal",
    "users",
    "assets",
    "sites.apps.SitesConfig",
    "home",
    "news",
    "documents",
    "search",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # after wagtail.admin: replaces Wagtail's workflow e-mails (see editorial/apps.py)
    "editorial",
    "scheduling",
    "modelcluster",
    "taggit",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",  # counts grouped the way the active language writes them
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Response order runs bottom-up: a redirect the board set up wins over the 410 of a take-down.
    "sites.middleware.TakeDownMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "sites.context_processors.current_unit",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# --- Database -------------------------------------------------------------
# DATABASE_URL=postgres://user@host:5432/name switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker write to the same file: wait for the lock instead of failing.
    # IMMEDIATE: take the write lock at BEGIN, so two writers queue instead of deadlocking.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", 5)
    # No JIT compilation: the portal's queries are short, and on the statistics' correlated subqueries the
    # planner's high cost estimates made PostgreSQL spend 25-40 ms compiling each (docs/benchmarks.md).
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and Celery -----------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_cache(url):
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 2,
            "SOCKET_TIMEOUT": 2,
            # Redis down must not turn public pages into 500s: a cache miss instead.
            "IGNORE_EXCEPTIONS": True,
        },
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
    CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
    CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", REDIS_URL)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # A task is redelivered if not acknowledged within this time; tasks with an
        # ETA further away than this must not be queued (see docs/architecture.md).
        "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600")),
        "socket_connect_timeout": 2,
    }
else:
    # Files, not process memory: the web server and the worker share it (scheduling markers,
    # the sweep lock, the worker heartbeat shown by /healthz).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }
    # Embedded broker: a folder on disk, shared by the web process and the worker.
    CELERY_BROKER_URL = "filesystem://"
    _broker_dir = VAR_DIR / "celery-broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
        "polling_interval": 0.2,
    }
    CELERY_RESULT_BACKEND = f"file://{VAR_DIR / 'celery-results'}"
    for _folder in (_broker_dir / "processed", _broker_dir / "control", VAR_DIR / "celery-results"):
        _folder.mkdir(parents=True, exist_ok=True)

DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Scheduled publishing (scheduling/): tasks are queued with an ETA only when due within this
# horizon, which must stay well below the broker's visibility_timeout (else Redis redelivers
# the waiting task and it runs twice); the per-minute sweep queues the rest as they come near.
PORTAL_SCHEDULE_HORIZON_MINUTES = int(os.environ.get("PORTAL_SCHEDULE_HORIZON_MINUTES", "30"))
# The publications due at one time are prepared this early in one transaction committed at
# that second (scheduling.services.publish_due_at).
PORTAL_SCHEDULE_PREPARE_SECONDS = int(os.environ.get("PORTAL_SCHEDULE_PREPARE_SECONDS", "15"))
# Past its time by more than this and still not done: "overdue" (logged, mailed to the board).
PORTAL_SCHEDULE_GRACE_SECONDS = int(os.environ.get("PORTAL_SCHEDULE_GRACE_SECONDS", "120"))

# Wagtail's background tasks (search and reference index, renditions, file deletions, cache
# purges) go through django-tasks; with Redis (production, CI) this backend hands them to the
# Celery workers after commit. The embedded file broker of `make run` delivers a few messages a
# second, so there they run inline (django-tasks' ImmediateBackend) instead of queueing up.
TASKS = {
    "default": {
        "BACKEND": "portal.task_backend.CeleryTaskBackend"
        if REDIS_URL
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}

CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# --- Auth -----------------------------------------------------------------
AUTH_USER_MODEL = "users.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"

# --- Language and time ----------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# A new translation starts as a draft whatever the source's state: it goes live only when published by someone
# who may publish (the board), or through the unit's workflow, which translations inherit (sites/services.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["portal.formats"]

# --- Static and media -----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail --------------------------------------------------------------
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Cổng thông tin điện tử")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILIMAGES_IMAGE_MODEL = "assets.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "assets.CustomDocument"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "zip"]
# Uploads are checked by content, not by name, and limited in size (documents/validators.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.CheckedDocumentForm"
PORTAL_MAX_UPLOAD_MB = int(os.environ.get("PORTAL_MAX_UPLOAD_MB", "20"))
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Items waiting longer than this for a decision are highlighted as overdue ("Waiting for me").
PORTAL_REVIEW_OVERDUE_HOURS = int(os.environ.get("PORTAL_REVIEW_OVERDUE_HOURS", "24"))
# Wagtail's own index (admin search, choosers): its database backend, made accent-insensitive by
# search.backend (folded titles, folded queries); on PostgreSQL with the 'portal_vi' configuration
# (simple + unaccent, created by search/migrations/0002).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": "portal_vi" if DATABASES["default"]["ENGINE"].endswith("postgresql") else None,
    }
}
# Public search (search/): requests per IP; offices and mobile networks put many people behind one
# address, so the limits are generous. RATELIMIT_IP_META_KEY names the header with the visitor's
# address when a proxy stands in front (e.g. HTTP_X_REAL_IP).
# Editorial statistics: a unit with no article for this many days is listed as inactive.
PORTAL_INACTIVE_DAYS = int(os.environ.get("PORTAL_INACTIVE_DAYS", "14"))
PORTAL_SEARCH_RATE = os.environ.get("PORTAL_SEARCH_RATE", "60/m")
PORTAL_SUGGEST_RATE = os.environ.get("PORTAL_SUGGEST_RATE", "240/m")
RATELIMIT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or None
# The cache down (Redis outage) must not turn every search into a 429: without counters, no limit.
RATELIMIT_FAIL_OPEN = True
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# No third-party requests from the admin (privacy; portals often run without outside access).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Portal ---------------------------------------------------------------
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "portal-demo-2025")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every edit and django-tasks every background task at INFO.
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
        "django_tasks": {"level": "WARNING"},
    },
}
