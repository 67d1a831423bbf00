import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_SECRET = "a-long-random-production-secret-" + "x9Q2#kL8@vR4!mT7" * 3


def run_manage(*args, **env):
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL"}
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_language_and_time_defaults():
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.WAGTAIL_I18N_ENABLED
    assert [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES] == ["vi", "en"]
    assert "wagtail_localize" in settings.INSTALLED_APPS


def test_services_follow_the_environment():
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    else:
        assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    if os.environ.get("REDIS_URL"):
        assert settings.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"
        assert settings.CELERY_BROKER_URL.startswith("redis://")
    else:
        assert settings.CELERY_BROKER_URL == "filesystem://"


def test_production_requires_secret_key():
    result = run_manage(
        "check", DJANGO_SETTINGS_MODULE="portal.settings.production", ALLOWED_HOSTS="portal.example.gov.vn"
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_check_deploy():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=PRODUCTION_SECRET,
        ALLOWED_HOSTS="portal.example.gov.vn",
        WAGTAILADMIN_BASE_URL="https://portal.example.gov.vn",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "base_url", [None, "http://localhost:8000", "http://portal.example.gov.vn", "https://"]
)
def test_production_refuses_a_default_or_plain_http_admin_base_url(base_url):
    env = {"WAGTAILADMIN_BASE_URL": base_url} if base_url is not None else {}
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=PRODUCTION_SECRET,
        ALLOWED_HOSTS="portal.example.gov.vn",
        **env,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "WAGTAILADMIN_BASE_URL must be set" in result.stderr
