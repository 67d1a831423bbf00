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
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

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
    "procedures",
    "feedback",
    "questions",
    "agenda",
    "search",
    "restructuring",
    "legacy",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "csp",  # its template tag and system checks; the middleware is portal.security's
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # after wagtail.admin: replaces Wagtail's workflow e-mails (see notifications/apps.py)
    "notifications",
    "reporting",
    "scheduling",
    # logins: lockout (users/lockout.py), TOTP second factor (users/two_factor.py)
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
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
    # A hostname a unit used before a rename: 301/308 to the same path on its current site, before anything
    # asks for the host (an old hostname need not be in ALLOWED_HOSTS) or serves a page (sites/middleware.py)
    "sites.middleware.FormerHostnameMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Anonymous GET/HEAD answered from the shared cache before sessions, templates or the database
    # (sites/page_cache.py); it stores what the middlewares below produced, headers included.
    "sites.page_cache.PageCacheMiddleware",
    # Content-Security-Policy (public or admin) and Permissions-Policy on every response (portal/security.py)
    "portal.security.SecurityHeadersMiddleware",
    # before anything reads the body: public pages take small forms only (portal/request_limits.py)
    "portal.request_limits.RequestBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # a NUL in the path (404) or the query string (400) reaches no view nor database (portal/security.py)
    "portal.security.MalformedRequestMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "users.middleware.AdminSessionTimeoutMiddleware",
    "users.middleware.TwoFactorMiddleware",
    # turns a login refused by the lockout into the login page with its notice (users/lockout.py)
    "axes.middleware.AxesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Response order runs bottom-up: a redirect the board set up wins over the 410 of a take-down.
    "sites.middleware.TakeDownMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # a merged unit's hostname: every public request redirected to where its content went
    # (restructuring/middleware.py; before the view, whose templates need the unit the merge dissolved)
    "restructuring.middleware.DissolvedSiteMiddleware",
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
            # Django culls a random third of the entries past 300: the page cache's generation tokens too
            "OPTIONS": {"MAX_ENTRIES": 100_000},
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
# The publications due at one time are read and checked this early, then published at that
# second; no transaction or lock is held meanwhile (scheduling.services.publish_due_at).
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
# Text extraction of attached files (documents/extraction.py): each file is read in a child process with
# these limits; a file over one is marked "too large" (only a PDF's first pages are read). The task itself
# stops after PORTAL_EXTRACT_TASK_SECONDS (documents/tasks.py).
PORTAL_EXTRACT_MAX_PAGES = int(os.environ.get("PORTAL_EXTRACT_MAX_PAGES", "2000"))
PORTAL_EXTRACT_MAX_EXPANDED_MB = int(os.environ.get("PORTAL_EXTRACT_MAX_EXPANDED_MB", "100"))
PORTAL_EXTRACT_MEMORY_MB = int(os.environ.get("PORTAL_EXTRACT_MEMORY_MB", "512"))
PORTAL_EXTRACT_SECONDS = int(os.environ.get("PORTAL_EXTRACT_SECONDS", "30"))
PORTAL_EXTRACT_TASK_SECONDS = int(os.environ.get("PORTAL_EXTRACT_TASK_SECONDS", "600"))

# --- Auth -----------------------------------------------------------------
AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    # first: refuses a locked (username, address) pair before the password is even checked
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "users.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # "Admin2025", "Matkhau@123": a common word dressed up with digits and symbols
    {"NAME": "users.validators.CommonBaseValidator"},
]
# Login lockout (django-axes): PORTAL_LOGIN_FAILURE_LIMIT wrong passwords lock that username from that
# address (never the whole address: a commune office shares one) for PORTAL_LOGIN_COOLOFF_MINUTES; the
# board can unlock earlier (Settings > Locked accounts). The address is sites.client_ip's.
AXES_FAILURE_LIMIT = int(os.environ.get("PORTAL_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(os.environ.get("PORTAL_LOGIN_COOLOFF_MINUTES", "15")) / 60  # in hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "sites.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "users.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Tries during the lockout do not push its end further away: the time on the notice holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_ENABLE_ADMIN = False  # no django.contrib.admin; the board's view is users/views.py
AXES_VERBOSE = False
# Password reset requests (users/views.py): per client address and per e-mail address asked for.
PORTAL_PASSWORD_RESET_IP_RATE = os.environ.get("PORTAL_PASSWORD_RESET_IP_RATE", "10/h")
PORTAL_PASSWORD_RESET_EMAIL_RATE = os.environ.get("PORTAL_PASSWORD_RESET_EMAIL_RATE", "3/h")
# Admin sessions end after this long without a request, and in any case this long after signing in
# ("Remember me" included): users/middleware.py.
PORTAL_ADMIN_IDLE_MINUTES = int(os.environ.get("PORTAL_ADMIN_IDLE_MINUTES", "30"))
PORTAL_ADMIN_SESSION_MAX_HOURS = int(os.environ.get("PORTAL_ADMIN_SESSION_MAX_HOURS", "12"))
SESSION_COOKIE_AGE = PORTAL_ADMIN_SESSION_MAX_HOURS * 3600
# Two-factor authentication (TOTP, wagtail-2fa): required of the board and superusers (the permission
# wagtailadmin.enable_2fa) when PORTAL_REQUIRE_2FA is on; on by default in production only.
WAGTAIL_2FA_REQUIRED = env_bool("PORTAL_REQUIRE_2FA", False)
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
# Request bodies: public pages up to this many KB (413 beyond, portal/request_limits.py); the admin up to
# PORTAL_MAX_UPLOAD_MB. Form fields other than files: at most 5 MB (a long page's editor form).
PORTAL_PUBLIC_MAX_BODY_KB = int(os.environ.get("PORTAL_PUBLIC_MAX_BODY_KB", "64"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Wagtail --------------------------------------------------------------
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Cổng thông tin điện tử")
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME  # the name authenticator apps show beside the code
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILIMAGES_IMAGE_MODEL = "assets.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "assets.CustomDocument"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "zip"]
# Uploads are checked by content, not by name, and limited in size (documents/validators.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.CheckedDocumentForm"
# Files and images in use are replaced only by the editorial board, earlier versions kept (assets/forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "assets.forms.ProtectedImageForm"
# Documents only through Django's view, which lets a file out only through a live page that uses it
# (assets/wagtail_hooks.py); never a direct media URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
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
# Public search (search/, document keyword search): requests per client address; offices and mobile
# networks put many people behind one address, so the limits are generous.
# Editorial statistics: a unit with no article for this many days is listed as inactive.
PORTAL_INACTIVE_DAYS = int(os.environ.get("PORTAL_INACTIVE_DAYS", "14"))
# Drafts for public comment: the outcome counts as overdue this many days after the comments close (a portal
# rule: no text sets this deadline, see documents/selectors.py)
PORTAL_CONSULTATION_OUTCOME_DAYS = int(os.environ.get("PORTAL_CONSULTATION_OUTCOME_DAYS", "30"))
PORTAL_SEARCH_RATE = os.environ.get("PORTAL_SEARCH_RATE", "60/m")

# The procedure's page on the national public-service portal; {code} is its code (procedures app).
PORTAL_NATIONAL_PROCEDURE_URL = os.environ.get(
    "PORTAL_NATIONAL_PROCEDURE_URL",
    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}",
)

# Working days (sites.workdays): the government's yearly swaps of days off, ISO dates separated by commas
PORTAL_EXTRA_DAYS_OFF = [d for d in os.environ.get("PORTAL_EXTRA_DAYS_OFF", "").split(",") if d.strip()]
PORTAL_EXTRA_WORKING_DAYS = [
    d for d in os.environ.get("PORTAL_EXTRA_WORKING_DAYS", "").split(",") if d.strip()
]
PORTAL_SUGGEST_RATE = os.environ.get("PORTAL_SUGGEST_RATE", "240/m")
# The client's address for every limiter (sites/client_ip.py): a forwarding header is believed only from
# these reverse proxies (addresses or networks); the header is named as in request.META. The older
# RATELIMIT_IP_META_KEY variable is still read as the header's name.
PORTAL_TRUSTED_PROXIES = env_list("PORTAL_TRUSTED_PROXIES")
PORTAL_CLIENT_IP_HEADER = (
    os.environ.get("PORTAL_CLIENT_IP_HEADER")
    or os.environ.get("RATELIMIT_IP_META_KEY")
    or "HTTP_X_FORWARDED_FOR"
)
RATELIMIT_IP_META_KEY = "sites.client_ip.client_ip"
# The cache down (Redis outage) must not turn every search into a 429: without counters, no limit.
RATELIMIT_FAIL_OPEN = True
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# No third-party requests from the admin (privacy; portals often run without outside access).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Security headers (portal/security.py) ---------------------------------
# Embedded videos (news/blocks.py) come from these origins only.
PORTAL_CSP_FRAME_SRC = env_list(
    "PORTAL_CSP_FRAME_SRC",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
# Public pages: our own files only; the few inline scripts and styles carry the request's nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *PORTAL_CSP_FRAME_SRC],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
# The admin (and its page previews): Wagtail's widgets start with inline scripts (InlinePanel, date
# pickers) and its templates and scripts set style attributes, so both need 'unsafe-inline' (a nonce
# beside it would make browsers ignore it); image uploads are previewed from blob: URLs.
PORTAL_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, *PORTAL_CSP_FRAME_SRC],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
PERMISSIONS_POLICY = os.environ.get(
    "PERMISSIONS_POLICY",
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), interest-cohort=()",
)
# No request from the admin to releases.wagtail.org (the policy above would refuse it anyway).
WAGTAIL_ENABLE_UPDATE_CHECK = False

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
        # axes logs every failed login at INFO; lockouts are WARNING
        "axes": {"level": "WARNING"},
    },
}

# --- Page cache (sites/page_cache.py, sites/cache.py) -------------------------------------------------------
# What anonymous visitors get is kept this long at most in the shared cache (0: no page cache); every change
# that shows on a page replaces its generation at commit, so a longer life is never staler.
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "600"))
# How long the front cache (nginx, docker/nginx.conf) may keep a public page (X-Accel-Expires).
PORTAL_FRONT_CACHE_SECONDS = int(os.environ.get("PORTAL_FRONT_CACHE_SECONDS", "5"))
# Changed on every release whose templates change what a page looks like (docker sets it to the image's tag).
PORTAL_PAGE_CACHE_VERSION = os.environ.get("PORTAL_PAGE_CACHE_VERSION", "1")
# Paths never cached: the admin, files (their own checks), search (rate-limited per visitor), health.
PORTAL_PAGE_CACHE_SKIP = os.environ.get(
    "PORTAL_PAGE_CACHE_SKIP",
    r"^/(?:en/)?(?:admin/|documents/|van-ban/tai-ve/|tim-kiem/|healthz|static/|media/|django-admin/|danh-gia/)",
)

# --- Celery queues (portal/celery.py, docs/deployment.md) --------------------------------------------------
# Each kind of background work has its own queue, so a worker can be given to each: a long text extraction or
# a reindex never holds up a publication due at its second. "celery" (Celery's own default, kept so that
# messages queued before the split are still consumed) takes the rest: renditions' focal points, file
# deletions, frontend cache purges, health pings. A worker started without -Q consumes every queue.
CELERY_TASK_DEFAULT_QUEUE = "celery"
PORTAL_CELERY_QUEUES = ["publishing", "indexing", "mail", "extraction", "celery"]
# Declared (a direct exchange per queue, as Celery makes them), so that purge and a worker without -Q see all.
CELERY_TASK_QUEUES = {name: {"exchange": name, "routing_key": name} for name in PORTAL_CELERY_QUEUES}
CELERY_TASK_ROUTES = [
    # Wagtail's background tasks all travel as portal.tasks.run_django_task: routed by the task inside
    # (PORTAL_DJANGO_TASK_QUEUES below).
    "portal.celery.route_django_task",
    {
        "scheduling.tasks.*": {"queue": "publishing"},
        "search.tasks.*": {"queue": "indexing"},
        "notifications.tasks.*": {"queue": "mail"},
        "reporting.tasks.*": {"queue": "mail"},
        "editorial.tasks.*": {"queue": "mail"},  # names from before #17 (notifications/tasks.py)
        "documents.tasks.*": {"queue": "extraction"},
        "questions.tasks.*": {"queue": "mail"},
        "sites.tasks.*": {"queue": "mail"},  # the nightly erasure of expired contact details
    },
]
PORTAL_DJANGO_TASK_QUEUES = {
    "modelsearch.tasks.insert_or_update_object_task": "indexing",
    "wagtail.tasks.update_reference_index_task": "indexing",
    "search.tasks.update_entry": "indexing",
    "search.tasks.update_subtree": "indexing",
}

# --- Read replicas (portal/db_router.py) --------------------------------------------------------------------
# DATABASE_REPLICA_URLS=postgres://...,postgres://... (PostgreSQL streaming replicas of DATABASE_URL): reads
# outside a transaction go to a replica, writes and everything inside a transaction to "default". Unset: no
# router, every query on "default".
DATABASE_REPLICA_URLS = env_list("DATABASE_REPLICA_URLS")
for _number, _url in enumerate(DATABASE_REPLICA_URLS, start=1):
    _replica = dj_database_url.parse(
        _url,
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    _replica.setdefault("OPTIONS", {}).update(DATABASES["default"].get("OPTIONS", {}))
    # The test runner creates no database for a replica: it mirrors default's (same server in tests).
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica{_number}"] = _replica
# After any write, every process reads from "default" this long (the replicas' lag must stay below it).
PORTAL_REPLICA_MAX_LAG_SECONDS = int(os.environ.get("PORTAL_REPLICA_MAX_LAG_SECONDS", "5"))
# Paths whose reads stay on "default" whoever asks.
PORTAL_REPLICA_SKIP = os.environ.get("PORTAL_REPLICA_SKIP", r"^/(?:en/)?(?:admin/|django-admin/)")
if DATABASE_REPLICA_URLS:
    DATABASE_ROUTERS = ["portal.db_router.ReplicaRouter"]
    # The very first: the former-hostname redirect's and the page cache's own lookups read the database too.
    MIDDLEWARE.insert(
        0,
        "portal.db_router.ReplicaReadsMiddleware",
    )

# --- Media on S3-compatible storage (docs/deployment.md) ----------------------------------------------------
# PORTAL_S3_BUCKET set: uploaded images, renditions and documents go to that bucket (any S3-compatible server:
# PORTAL_S3_ENDPOINT_URL; credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the machine's role),
# so that every web and worker process, on any machine, sees the same files. Files stay private in the bucket
# and are linked with short-lived signed URLs (renditions) or served through Django (documents, which only a
# live, unrestricted page lets out: WAGTAILDOCS_SERVE_METHOD stays "serve_view").
PORTAL_S3_BUCKET = os.environ.get("PORTAL_S3_BUCKET", "")
if PORTAL_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": PORTAL_S3_BUCKET,
            "endpoint_url": os.environ.get("PORTAL_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("PORTAL_S3_REGION") or None,
            # a public host for the files (a CDN before the bucket) when they are public, else signed URLs
            "custom_domain": os.environ.get("PORTAL_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": not env_bool("PORTAL_S3_PUBLIC", False),
            "querystring_expire": int(os.environ.get("PORTAL_S3_URL_SECONDS", "3600")),
            "default_acl": None,
            "file_overwrite": False,
            "location": os.environ.get("PORTAL_S3_PREFIX", ""),
            "addressing_style": os.environ.get("PORTAL_S3_ADDRESSING_STYLE") or None,
        },
    }

# Page feedback (issue #19): "Thông tin có hữu ích không?" answers per client address (django_ratelimit rate)
PORTAL_FEEDBACK_RATE = os.environ.get("PORTAL_FEEDBACK_RATE", "10/h")
# Planned maintenance banners (sites.models.AlertBanner): posted at least this many working days ahead
# (Nghị định 64/2007/NĐ-CP, Art. 16)
PORTAL_MAINTENANCE_NOTICE_WORKING_DAYS = int(os.environ.get("PORTAL_MAINTENANCE_NOTICE_WORKING_DAYS", "7"))
# Ratings keep the hash of the sender's address (personal data, Nghị định 13/2023/NĐ-CP) only this many days,
# for abuse handling; feedback.tasks.forget_old_addresses clears older ones every night
PORTAL_FEEDBACK_HASH_DAYS = int(os.environ.get("PORTAL_FEEDBACK_HASH_DAYS", "30"))

# Citizens' questions (issue #20, questions/): an answer is due this many working days after the question
# arrives (sites/workdays.py counts them); the sender's contact details are erased this many days after the
# case is closed (answered, or closed without an answer); limits per client address and per unit
# (django_ratelimit rates); an attachment up to this many MB (checked by content, like the admin's uploads).
PORTAL_QUESTION_ANSWER_WORKING_DAYS = int(os.environ.get("PORTAL_QUESTION_ANSWER_WORKING_DAYS", "10"))
PORTAL_QUESTION_CONTACT_DAYS = int(os.environ.get("PORTAL_QUESTION_CONTACT_DAYS", "90"))
PORTAL_QUESTION_RATE_PER_ADDRESS = os.environ.get("PORTAL_QUESTION_RATE_PER_ADDRESS", "3/h")
PORTAL_QUESTION_RATE_PER_UNIT = os.environ.get("PORTAL_QUESTION_RATE_PER_UNIT", "30/h")
PORTAL_QUESTION_MAX_ATTACHMENT_MB = int(os.environ.get("PORTAL_QUESTION_MAX_ATTACHMENT_MB", "5"))
# Comments on drafts: the commenter's contact details are erased this many days after the consultation closes.
PORTAL_COMMENT_CONTACT_DAYS = int(os.environ.get("PORTAL_COMMENT_CONTACT_DAYS", "90"))
# Attachments sent with questions (issue #20) are kept here, on the media volume (shared by web and workers)
# but never served: nginx and Django serve /media/images/ only, and the storage has no URL. With
# PORTAL_S3_BUCKET they go to the private bucket instead.
PORTAL_PRIVATE_MEDIA_ROOT = Path(os.environ.get("PORTAL_PRIVATE_MEDIA_ROOT", MEDIA_ROOT / "private"))
