import contextlib

from django.db import connections
from django.test import override_settings

import pytest

from portal.celery import app as celery_app

CLOSED_PORT = "1"  # nothing listens on port 1


@contextlib.contextmanager
def database_unreachable():
    connection = connections["default"]
    original = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "postgresql":
        connection.settings_dict.update(HOST="127.0.0.1", PORT=CLOSED_PORT)
    else:
        connection.settings_dict["NAME"] = "/nonexistent-directory/portal.sqlite3"
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(original)


@contextlib.contextmanager
def broker_unreachable():
    original = celery_app.conf.broker_url
    original_options = celery_app.conf.broker_transport_options
    celery_app.conf.broker_url = f"redis://127.0.0.1:{CLOSED_PORT}/0"
    celery_app.conf.broker_transport_options = {"socket_connect_timeout": 1}
    try:
        yield
    finally:
        celery_app.conf.broker_url = original
        celery_app.conf.broker_transport_options = original_options


@pytest.mark.django_db
def test_all_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"] == {"database": {"ok": True}, "cache": {"ok": True}, "broker": {"ok": True}}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_database_down_gives_503_naming_it(client):
    with database_unreachable():
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["down"] == ["database"]
    assert body["checks"]["database"]["ok"] is False
    assert body["checks"]["cache"] == {"ok": True}
    # and the database works again afterwards
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_cache_down_gives_503_naming_it(client):
    unreachable = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    with override_settings(CACHES=unreachable):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["down"] == ["cache"]


@pytest.mark.django_db
def test_broker_down_gives_503_naming_it(client):
    with broker_unreachable():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["down"] == ["broker"]


@pytest.mark.django_db
def test_healthz_rejects_post(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_reports_when_a_worker_last_ran_the_sweep(client):
    from django.core.cache import cache

    from scheduling import services

    cache.delete(services.WORKER_SEEN)
    body = client.get("/healthz").json()
    assert body["worker"]["ok"] is False and body["status"] == "ok"  # reported, not fatal
    services.sweep()
    body = client.get("/healthz").json()
    assert body["worker"]["ok"] is True and body["worker"]["age_seconds"] <= 5
    from datetime import timedelta

    from django.utils import timezone

    stale = (timezone.now() - timedelta(minutes=10)).isoformat()
    cache.set(services.WORKER_SEEN, stale, timeout=None)
    body = client.get("/healthz").json()
    assert (
        body["worker"]["ok"] is False
        and "600" in body["worker"]["error"]
        or body["worker"]["age_seconds"] >= 600
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_real_worker_is_seen_after_its_sweep(client, celery_worker_process):
    import time

    from django.core.cache import cache

    from scheduling import services, tasks

    cache.delete(services.WORKER_SEEN)
    tasks.sweep.delay()
    deadline = time.monotonic() + 30
    while not client.get("/healthz").json()["worker"]["ok"]:
        assert time.monotonic() < deadline, "the worker's sweep was not seen"
        time.sleep(0.2)
