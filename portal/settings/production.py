"""Production settings: everything secret or host-specific comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment in production.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment in production.")
# Links in e-mails and the admin's own absolute URLs: never the development default, never plain http.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "").rstrip("/")
if not (WAGTAILADMIN_BASE_URL.startswith("https://") and len(WAGTAILADMIN_BASE_URL) > len("https://")):
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be set in the environment in production, to the admin's https:// address."
    )

STORAGES = {
    # the media volume, or S3-compatible storage when PORTAL_S3_BUCKET is set (settings/base.py)
    "default": STORAGES["default"],  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS is terminated by the proxy in front of gunicorn.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# Wagtail's live preview shows the page in a same-origin iframe, so DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [
    "security.W019",  # X_FRAME_OPTIONS is SAMEORIGIN on purpose (preview), see above
    "security.W021",  # HSTS preload is a per-domain decision, opt in with SECURE_HSTS_PRELOAD=1
]

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Ops", addr) for addr in env_list("ADMIN_EMAILS")]

# The board and superusers sign in with a second factor (TOTP) in production; PORTAL_REQUIRE_2FA=0 to opt out.
WAGTAIL_2FA_REQUIRED = env_bool("PORTAL_REQUIRE_2FA", True)

# Static files served by WhiteNoise straight after the security middleware.
MIDDLEWARE = list(MIDDLEWARE)  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)

# --- Front cache purge (docker/nginx/purge.conf, docs/deployment.md) ----------------------------------------
# PORTAL_FRONTEND_CACHE_PURGE_URL=http://<nginx>:8081: Wagtail's frontend cache asks nginx to forget a page's
# URLs when it is published, unpublished or moved (otherwise nginx keeps it PORTAL_FRONT_CACHE_SECONDS at
# most). Only the page's own URLs: pages that list it (a unit's home, the news index) still wait out those
# seconds, as the application page cache's generations already changed for them.
PORTAL_FRONTEND_CACHE_PURGE_URL = os.environ.get("PORTAL_FRONTEND_CACHE_PURGE_URL", "").rstrip("/")
if PORTAL_FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": PORTAL_FRONTEND_CACHE_PURGE_URL,
        },
    }
